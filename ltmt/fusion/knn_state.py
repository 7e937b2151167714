"""The kNN datastore of one batch at decoding: a row's nearest entries, their vote and λ.

:class:`KnnState` is what :class:`~ltmt.fusion.knn.KnnFusion` (and the trained combiner's
state, :mod:`ltmt.fusion.trained_knn`) builds over a batch's force-decoded memory; the method
itself (distances, context penalty, λ) is described in :mod:`ltmt.fusion.knn`.
"""

from __future__ import annotations

import math
from collections.abc import Container
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.datastore import BatchMemory
    from ltmt.fusion.knn import KnnConfig


class Neighbours(NamedTuple):
    """A step's nearest entries for ``a`` rows with memory (see :meth:`KnnState.neighbours`)."""

    lam: torch.Tensor  # (a,) kNN's λ
    tokens: torch.Tensor  # (a, K) the entries' tokens
    weights: torch.Tensor  # (a, K) their share of the vote
    distance: torch.Tensor  # (a, K) their RMS distance (inf: no entry)
    differing: torch.Tensor  # (a, K) their attention on match-source words the input lacks
    # (a, K, 2) what their match lacks of the input (alignment.py; None: not asked for)
    missing: torch.Tensor | None
    # (a, K) the step's cross-attention on input words their match lacks (None: not read)
    lacked: torch.Tensor | None = None
    scores: torch.Tensor | None = None  # (a, K) their match's fuzzy score, 0-1 (None: unread)


class KnnState:
    """The datastore of one batch; stateless across steps (rows say which sentence each row is)."""

    def __init__(
        self,
        memory: BatchMemory,
        config: KnnConfig,
        d_model: int,
        eos_id: int = 0,
        start_id: int = 0,
    ) -> None:
        import numpy as np
        import torch

        self.memory = memory
        self.config = config
        self.scale = math.sqrt(d_model)
        self.has_memory = memory.has_memory
        self.score_factor = (memory.best_score / 100.0).clamp(0.0, 1.0) ** config.score_exponent
        self.eos_id = eos_id
        self.start_id = start_id
        self.history = _entry_history(memory, config.context, start_id)  # (N, context)
        # Each sentence's entries, right-padded to the most any sentence owns (M); a row reads
        # only its own sentence's: (batch, M, ...) tensors, indexed by the rows' sentence ids.
        entries, self.own_valid = _sentence_entries(memory)  # (batch, M)
        self._batch = torch.arange(entries.size(0), device=entries.device)
        self.own_keys = memory.keys[entries] / self.scale  # (batch, M, d), RMS units
        self.own_norms = (self.own_keys * self.own_keys).sum(dim=2)  # (batch, M)
        self.own_values = memory.values[entries]  # (batch, M)
        self.own_history = self.history[entries]  # (batch, M, context)
        differing = memory.differing
        if differing is None:
            differing = memory.keys.new_zeros(memory.values.shape)
        self.own_differing = differing[entries]  # (batch, M)
        missing = memory.missing
        if missing is None:
            missing = memory.keys.new_zeros((memory.values.numel(), 2))
        self.own_missing = missing[entries]  # (batch, M, 2)
        # (batch, M, L): the input positions each entry's match lacks (None: not built)
        self.own_lacked = None if memory.lacked is None else memory.lacked[entries]
        self.own_scores = memory.scores[entries].float() / 100.0  # (batch, M), 0-1
        # the compiled step's settings (ltmt.fusion.knn_kernel.mix_nearest), in its order
        self._kernel_settings = np.array(
            [
                self.scale,
                config.context_penalty,
                config.differing_penalty,
                config.temperature,
                config.tau,
                config.lambda_max,
            ],
            dtype=np.float64,
        )
        self._view: _RowView | None = None  # the last step's rows' own tensors
        self._active: tuple[torch.Tensor, torch.Tensor, bool] | None = None

    # the optional :class:`Neighbours` fields a decoding step computes (a trained combiner's
    # state names those it reads; :meth:`neighbours` called directly computes them all)
    step_fields: frozenset[str] = frozenset()
    # whether a step may run in one compiled call (:mod:`ltmt.fusion.knn_kernel`): plain kNN's
    # vote; a subclass that adjusts it (a trained combiner) says no
    compiled_mix: bool = True

    def fuse_hidden(self, hidden: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
        return hidden

    def shortlist_tokens(self) -> torch.Tensor:
        """Every token a neighbour can vote for (:mod:`ltmt.model.shortlist` keeps them)."""
        return self.memory.values

    def fuse_log_probs(
        self,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None = None,
        attention: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Mix the kNN distribution into ``log_probs (n, vocab)`` for rows that have memory.

        ``log_probs`` is updated in place; rows without memory or with λ = 0 keep their values.
        ``attention (n, S)``: the step's last-layer cross-attention over the input (heads
        averaged), given when the state ``reads_attention``.
        """
        import torch

        active, every = self._active_rows(rows)
        if active.numel() == 0:
            return log_probs
        kernel = self._compiled_mix(log_probs)
        if kernel is not None:
            self._mix_compiled(kernel, hidden, log_probs, rows, prefix, active, every)
            return log_probs

        def own(tensor: torch.Tensor) -> torch.Tensor:
            return tensor if every else tensor[active]

        own_rows, mixed = own(rows), own(log_probs)  # mixed: the rows mixed below, in place
        found = self.neighbours(
            own(hidden),
            own_rows,
            None if prefix is None else own(prefix),
            None if attention is None else own(attention),
            fields=self.step_fields,
        )
        lam, weights = self.adjust(found, mixed, own_rows)
        tokens = found.tokens
        if not bool((lam > 0).any()):
            return log_probs
        lam = lam.to(log_probs.dtype)[:, None]
        # p_knn at each neighbour's token (neighbours may share a token): (a, K)
        same = (tokens[:, :, None] == tokens[:, None, :]).to(log_probs.dtype)
        p_knn = (same @ weights.to(log_probs.dtype)[:, :, None]).squeeze(2)
        # (1 - λ) p_model everywhere, + λ p_knn at the neighbours' tokens only; a row with
        # λ = 0 comes out bit-identical (+ log1p(0) = + 0, logaddexp(x, log 0) = x)
        mixed.add_(torch.log1p(-lam))
        at_tokens = torch.logaddexp(mixed.gather(1, tokens), torch.log(lam * p_knn))
        mixed.scatter_(1, tokens, at_tokens)
        if not every:
            log_probs[active] = mixed
        return log_probs

    def _compiled_mix(self, log_probs: torch.Tensor) -> Any:
        """:func:`ltmt.fusion.knn_kernel.mix_nearest` where it applies (plain kNN, whose vote
        no subclass adjusts; float32 log-probabilities on the CPU; numba importable), else
        ``None``."""
        import torch

        if not self.compiled_mix or log_probs.dtype != torch.float32:
            return None
        if log_probs.device.type != "cpu" or self.own_keys.dtype != torch.float32:
            return None
        from ltmt.compiled import compiled_module

        kernels = compiled_module("ltmt.fusion.knn_kernel")
        return None if kernels is None else kernels.mix_nearest

    def _mix_compiled(
        self,
        kernel: Any,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None,
        active: torch.Tensor,
        every: bool,
    ) -> None:
        """:meth:`fuse_log_probs` by the compiled kernel, in place: the entries' dot products in
        torch (one batched product), the rest in :func:`ltmt.fusion.knn_kernel.mix_nearest`."""
        import torch

        from ltmt.fusion.knn_kernel import EOS_CODES

        cfg = self.config
        states = hidden.float()
        own_rows, own_states = (rows, states) if every else (rows[active], states[active])
        view = self._row_view(own_rows)
        dots = self._own_dot(own_states / self.scale, view)
        context = cfg.context if cfg.context_penalty and prefix is not None else 0
        if prefix is None:
            prefix = torch.zeros((hidden.size(0), 0), dtype=torch.long, device=hidden.device)
        kernel(
            log_probs.numpy(),
            active.numpy(),
            states.numpy(),
            dots.numpy(),
            view.norms.numpy(),
            view.invalid.numpy(),
            view.values.numpy(),
            view.history.numpy(),
            view.differing.float().numpy(),
            view.score_factor.float().numpy(),
            prefix.numpy(),
            self._kernel_settings,
            cfg.neighbours,
            context,
            EOS_CODES[cfg.memory_eos],
            self.eos_id,
        )

    def _active_rows(self, rows: torch.Tensor) -> tuple[torch.Tensor, bool]:
        """The indices of ``rows`` whose sentence has memory, and whether that is all of them
        (the usual case: then no row is copied); kept while a step's rows equal the last's."""
        import torch

        last = self._active
        if last is not None and _same_rows(last[0], rows):
            return last[1], last[2]
        active = torch.nonzero(self.has_memory[rows]).flatten()
        every = active.numel() == rows.numel()
        self._active = (rows.clone(), active, every)
        return active, every

    def adjust(
        self, found: Neighbours, log_probs: torch.Tensor, rows: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """The hook of a trained combiner (:mod:`ltmt.fusion.combiner`): λ ``(a,)`` and the
        neighbours' weights ``(a, K)`` from the neighbours and the model's own ``log_probs
        (a, vocab)``; plain kNN keeps its own."""
        return found.lam, found.weights

    def vote(
        self,
        tokens: torch.Tensor,
        distance: torch.Tensor,
        temperature: float | torch.Tensor,
        offsets: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """The neighbours' weights ``(a, K)`` at ``temperature`` (a float or ``(a, 1)``) and the
        share of the vote they keep ``(a,)`` once ``memory_eos`` has silenced ends of memory
        targets (the silenced share goes back to the model: kNN scales λ by it).
        ``offsets (a, K)``: added to the neighbours' logits (a trained per-neighbour weight)."""
        import torch

        logits = -distance / temperature
        weights = torch.softmax(logits if offsets is None else logits + offsets, dim=1)
        if self.config.memory_eos == "all":
            return weights, weights.new_ones(weights.size(0))
        # ends of memory targets vote to stop only as the nearest neighbour ("nearest") or
        # never ("none"), against beam search's early exits (BP 0.74 at beam 4 on the weak
        # step-800 model); on the default model "nearest" keeps more placeholders
        weights = weights.masked_fill(self.silenced(tokens), 0.0)
        kept = weights.sum(dim=1)
        return weights / kept.clamp_min(1e-12)[:, None], kept

    def silenced(self, tokens: torch.Tensor) -> torch.Tensor:
        """``(a, K)`` bool: the neighbours whose vote ``memory_eos`` silences."""
        stop = tokens == self.eos_id
        if self.config.memory_eos == "nearest":
            stop[:, 0] = False
        elif self.config.memory_eos == "all":
            stop[:] = False
        return stop

    @property
    def reads_attention(self) -> bool:
        """Whether :meth:`fuse_log_probs` wants the step's cross-attention: when its memory
        marks the input positions each match lacks (its fusion's ``reads_attention``)."""
        return self.own_lacked is not None

    def neighbours(
        self,
        hidden: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None = None,
        attention: torch.Tensor | None = None,
        fields: Container[str] | None = None,
    ) -> Neighbours:
        """For rows with memory: kNN's λ and the nearest entries (:class:`Neighbours`).

        Each row is scored against its own sentence's ``M`` entries only, so distances, the
        history term and the top-K read ``(a, M)``, not every entry of the batch.
        ``prefix (a, t)``, the rows' tokens so far, enables the history term (``context``).
        ``attention (a, S)``, the step's cross-attention over the input, gives ``lacked`` (with
        ``BatchMemory.lacked``; :func:`ltmt.fusion.alignment.lacked_attention`).
        ``fields``: which of ``missing`` and ``scores`` to compute (``None``: both; a field
        left out is ``None``).
        """
        import torch

        cfg = self.config
        view = self._row_view(rows)
        query = hidden.float() / self.scale
        sq = (
            (query * query).sum(dim=1, keepdim=True) + view.norms - 2.0 * self._own_dot(query, view)
        )
        all_distances = sq.clamp_min(0.0).sqrt()  # (a, M)
        if cfg.context and cfg.context_penalty and prefix is not None:
            shared = _shared_history(view.history, _row_history(prefix, cfg.context))
            all_distances = all_distances + cfg.context_penalty * (cfg.context - shared)
        if cfg.differing_penalty:  # entries translated from words the input lacks are further
            all_distances = all_distances + cfg.differing_penalty * view.differing
        all_distances = all_distances.masked_fill(view.invalid, float("inf"))
        k = min(cfg.neighbours, all_distances.size(1))
        distance, index = torch.topk(all_distances, k, dim=1, largest=False)  # inf: missing
        tokens = view.values.gather(1, index)
        weights, lam_scale = self.vote(tokens, distance, cfg.temperature)
        lam = cfg.lambda_max * (1.0 - distance[:, 0] / cfg.tau).clamp_min(0.0)
        lam = lam * view.score_factor * lam_scale
        missing = scores = lacked = None
        if fields is None or "missing" in fields:
            missing = self.own_missing[rows].gather(1, index[:, :, None].expand(-1, -1, 2))
        if attention is not None and self.own_lacked is not None:
            from ltmt.fusion.alignment import lacked_attention

            marks = self.own_lacked[rows[:, None], index]  # (a, K, L): the neighbours' only
            lacked = lacked_attention(attention, marks)
        differing = view.differing.gather(1, index)
        if fields is None or "scores" in fields:
            scores = self.own_scores[rows].gather(1, index)
        return Neighbours(lam, tokens, weights, distance, differing, missing, lacked, scores)

    def _row_view(self, rows: torch.Tensor) -> _RowView:
        """The per-sentence tensors a step reads, gathered for ``rows``; kept while the steps'
        rows stay the same (a beam search's rows change only when sentences finish)."""
        import torch

        view = self._view
        if view is not None and _same_rows(view.rows, rows):
            return view
        live_keys = None  # each live sentence's keys, for rows in runs of equal length
        sentences, counts = torch.unique_consecutive(rows, return_counts=True)
        group = int(counts[0])
        if bool((counts == group).all()):
            live_keys = self.own_keys
            if sentences.numel() != live_keys.size(0) or not bool((sentences == self._batch).all()):
                live_keys = live_keys[sentences]  # some sentences finished: the live ones' keys
        view = _RowView(
            rows=rows.clone(),  # a caller may reuse its tensor
            norms=self.own_norms[rows],
            history=self.own_history[rows],
            differing=self.own_differing[rows],
            invalid=~self.own_valid[rows],
            values=self.own_values[rows],
            score_factor=self.score_factor[rows],
            live_keys=live_keys,
            group=group,
        )
        self._view = view
        return view

    def _own_dot(self, query: torch.Tensor, view: _RowView) -> torch.Tensor:
        """``(a, M)``: each row's query dotted with its own sentence's keys.

        Beam search hands rows in runs of equal length per sentence: then each sentence's keys
        are read once for its run (one ``bmm``); otherwise they are gathered row by row.
        """
        import torch

        if view.live_keys is not None:
            grouped = query.view(view.live_keys.size(0), view.group, -1)
            dots = torch.bmm(grouped, view.live_keys.transpose(1, 2))
            return dots.reshape(query.size(0), -1)
        return torch.einsum("ad,amd->am", query, self.own_keys[view.rows])


class _RowView(NamedTuple):
    """A batch's per-sentence tensors gathered for one step's ``rows (a,)``."""

    rows: torch.Tensor
    norms: torch.Tensor  # (a, M) the squared norms of the row's sentence's keys
    history: torch.Tensor  # (a, M, context)
    differing: torch.Tensor  # (a, M)
    invalid: torch.Tensor  # (a, M) bool: padding, not an entry
    values: torch.Tensor  # (a, M)
    score_factor: torch.Tensor  # (a,)
    live_keys: torch.Tensor | None  # (live sentences, M, d); None: rows not in equal runs
    group: int  # rows per live sentence (with live_keys)


def _same_rows(last: torch.Tensor, rows: torch.Tensor) -> bool:
    """Whether ``rows`` name the same sentences as ``last``, row by row."""
    import torch

    return last.shape == rows.shape and torch.equal(last, rows)


def _sentence_entries(memory: BatchMemory) -> tuple[torch.Tensor, torch.Tensor]:
    """``(batch, M)`` entry indices of each sentence, right-padded, and which are real.

    ``M`` is the most entries any sentence owns (at least 1); padding points at entry 0 of the
    batch and is masked out by the second tensor.
    """
    import torch

    counts = memory.offsets[1:] - memory.offsets[:-1]
    width = max(1, int(counts.max()))
    columns = torch.arange(width, device=counts.device)[None, :]
    valid = columns < counts[:, None]
    index = torch.where(valid, memory.offsets[:-1, None] + columns, 0)
    return index, valid


_NO_TOKEN = -1  # before the start token: equal on both sides, so short histories still agree


def _entry_history(memory: BatchMemory, context: int, start_id: int) -> torch.Tensor:
    """``(N, context)``: column ``m`` holds the token ``m + 1`` steps before each entry's value.

    Entry ``j`` predicts ``values[j]`` after reading its segment's tokens before it (the start
    token first), so its history is ``values[j - 1], values[j - 2], …`` down to the start token.
    """
    import torch

    count = memory.values.numel()
    history = torch.full_like(memory.values, _NO_TOKEN)[:, None].repeat(1, context)
    for back in range(1, context + 1):
        index = torch.arange(count, device=history.device) - back
        inside = memory.positions >= back
        column = history[:, back - 1]
        column[inside] = memory.values[index[inside]]
        column[memory.positions == back - 1] = start_id
    return history


def _row_history(prefix: torch.Tensor, context: int) -> torch.Tensor:
    """``(a, context)``: the last ``context`` tokens of each row's prefix, the latest first."""
    import torch

    rows, length = prefix.shape
    history = torch.full((rows, context), _NO_TOKEN, dtype=torch.long, device=prefix.device)
    for back in range(1, min(context, length) + 1):
        history[:, back - 1] = prefix[:, -back]
    return history


def _shared_history(entries: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
    """``(a, M)``: how many latest tokens each row shares with each of its entries
    ``(a, M, context)`` (the length of their common suffix)."""
    import torch

    same = entries == rows[:, None, :]  # (a, M, context)
    return torch.cumprod(same.to(torch.int32), dim=2).sum(dim=2).to(torch.float32)
