"""Batched greedy and beam-search decoding of a Marian model, with a fusion hook at every step.

Our own loop (rather than ``generate``) because fusion needs the final decoder state of every
step and the sentence each row belongs to. Finished sentences leave the batch, so a batch of
mixed lengths costs what its live rows cost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltmt.config import check_choice
from ltmt.errors import ConfigError

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.base import FusionState
    from ltmt.model.backbone import Backbone
    from ltmt.model.incremental import IncrementalDecoder

STOP_RULES = ("beam", "best")  # DecodeConfig.stop

# A search step of at most this many rows (12 sentences of beam 4) runs on one intra-op thread
# (the decoder, the output projection, the fusion and the beam's bookkeeping): its operations
# are too small for a second thread to pay for handing work over and waiting for it. Measured on
# the default model's kNN pass with 2 threads (``eval/step_time_by_rows.py``, an AMD EPYC Zen 4
# virtual machine). Session 33 found one thread faster up to 96 rows, but its second thread
# slept between operations: CTranslate2's fast path had opened an OpenMP pool of its own in the
# process (see :class:`ltmt.model.ctranslate.FastDecoder`). Without it (session 37): steps of
# 1-16 rows 1.5-1.7 ms on one thread against 2.0 on two, 17-48 rows about the same, 49-96 rows
# 4.7-5.4 on two against 6.2 on one (``eval/results/speed/s37/step-time-by-rows.json``).
SINGLE_THREAD_ROWS = 48


@dataclass(frozen=True)
class DecodeConfig:
    """Search settings.

    The length limit is ``min(max_len_a * source_tokens + max_len_b, max_len)`` tokens.
    ``use_cache``: reuse the keys and values of earlier positions; then ``incremental``: step
    with :class:`ltmt.model.incremental.IncrementalDecoder` rather than ``MarianDecoder``.
    ``stop``: when a sentence's beam search ends (scores are ``log_prob / length **
    length_penalty``; a live hypothesis is bounded by its score now taken at one more token,
    transformers' heuristic):

    * ``beam`` (the default): once ``beam`` finished hypotheses all score at least what the
      best live one is bounded by (transformers' ``early_stopping=False``);
    * ``best``: once the best finished one does. Only the best is returned, so going on changes
      it only where the bound is beaten, which fusion makes common: a memory makes the next
      tokens nearly free. Measured in session 15 (``eval/results/speed/stop-rule-s15/``): kNN
      stepped 12.6 % fewer decoder rows in 6.6 % less time on the speed segments, but lost 0.2
      BLEU on all 2,000 dev segments (0.5 in the 70-89 band), the trained combiner 0.06: not
      the default.
    """

    beam: int = 4
    max_len_a: float = 1.5
    max_len_b: int = 10
    max_len: int = 256
    length_penalty: float = 1.0
    use_cache: bool = True
    incremental: bool = True
    stop: str = "beam"

    def __post_init__(self) -> None:
        check_choice("stop", self.stop, STOP_RULES)
        if self.beam < 1:
            raise ConfigError(f"beam must be >= 1, got {self.beam}")
        if self.max_len < 1:
            raise ConfigError(f"max_len must be >= 1, got {self.max_len}")

    def length_limit(self, source_tokens: int) -> int:
        """The most tokens an output may have (``</s>`` not counted) whose source has
        ``source_tokens`` tokens (``</s>`` counted): an output this long was stopped there, not
        ended by the model (:mod:`ltmt.output_limit`)."""
        return min(int(source_tokens * self.max_len_a + self.max_len_b), self.max_len)


def decode(
    backbone: Backbone,
    input_ids: torch.Tensor,
    attention_mask: torch.Tensor,
    config: DecodeConfig,
    fusion: FusionState | None = None,
    shortlist: torch.Tensor | None = None,
) -> list[list[int]]:
    """Translate a padded batch ``(batch, src_len)``; token ids per sentence, no specials.

    ``shortlist``: the sorted token ids the output projection scores (:mod:`ltmt.model.shortlist`);
    log-probabilities are normalised over them and every other token gets ``-inf``.
    """
    nbest = decode_nbest(backbone, input_ids, attention_mask, config, fusion, shortlist)
    return [found[0][1] if found else [] for found in nbest]


def decode_nbest(
    backbone: Backbone,
    input_ids: torch.Tensor,
    attention_mask: torch.Tensor,
    config: DecodeConfig,
    fusion: FusionState | None = None,
    shortlist: torch.Tensor | None = None,
) -> list[list[tuple[float, list[int]]]]:
    """:func:`decode`, returning per sentence its finished hypotheses, best first, as
    ``(log_prob / length ** length_penalty, token ids)``: up to ``beam`` of them (greedy search:
    its one output, scored 0.0)."""
    import torch

    with torch.inference_mode():
        encoder_states = backbone.encode(input_ids, attention_mask)
        source_lengths = attention_mask.sum(dim=1)
        # DecodeConfig.length_limit of every row at once
        limits = torch.clamp(
            (source_lengths.float() * config.max_len_a + config.max_len_b).long(),
            max=config.max_len,
        )
        if config.beam == 1:
            greedy = _greedy(
                backbone, encoder_states, attention_mask, limits, config, fusion, shortlist
            )
            return [[(0.0, tokens)] for tokens in greedy]
        return _beam(backbone, encoder_states, attention_mask, limits, config, fusion, shortlist)


class _Stepper:
    """One decoder step: states → fusion → log-probabilities, with or without the KV cache."""

    def __init__(
        self,
        backbone: Backbone,
        config: DecodeConfig,
        fusion: FusionState | None,
        shortlist: torch.Tensor | None = None,
    ) -> None:
        self.backbone = backbone
        self.config = config
        self.fusion = fusion
        self.cache: object | None = None
        self.incremental: IncrementalDecoder | None = None
        # each row's encoder states and mask, for Marian's own decoder (the incremental decoder
        # keeps its own, per sentence)
        self.encoder_states: torch.Tensor | None = None
        self.mask: torch.Tensor | None = None
        self.shortlist = shortlist
        # whether the fusion reads the last layer's cross-attention of each step
        self.reads_attention = bool(getattr(fusion, "reads_attention", False))
        # Marian's logits bias, left out when it is all zero (as trained models' usually is)
        bias = backbone.model.final_logits_bias
        self.logits_bias = bias if bool(bias.any()) else None
        if shortlist is not None:  # the projection's rows and biases of the shortlisted tokens
            model = backbone.model
            weight = model.lm_head.weight  # an int8 projection keeps its tied weight too
            self.short_weight = weight[shortlist]
            self.short_bias = model.final_logits_bias[0, shortlist].to(self.short_weight.dtype)

    def begin(
        self, encoder_states: torch.Tensor, mask: torch.Tensor, group: int, steps: int
    ) -> None:
        """Set up decoding over the ``encoder_states`` of each sentence, with ``group`` rows per
        sentence, for at most ``steps`` steps: the incremental decoder when the config asks for
        it, else Marian's own decoder over the rows' states (``group`` 1 here)."""
        if self.config.use_cache and self.config.incremental:
            from ltmt.model.incremental import IncrementalDecoder

            self.incremental = IncrementalDecoder(
                self.backbone.model, encoder_states, mask, group, capacity=steps
            )
        else:
            self.encoder_states = encoder_states.repeat_interleave(group, dim=0)
            self.mask = mask.repeat_interleave(group, dim=0)

    def __call__(self, prefix: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
        """``prefix (n, t)`` → next-token log-probs ``(n, vocab)``; ``rows`` (n,) sentence ids."""
        import torch

        model = self.backbone.model
        attention = None  # the last layer's cross-attention, for a fusion that reads it
        wants = self.reads_attention
        if self.incremental is not None:
            hidden = self.incremental.step(prefix[:, -1], keep_attention=wants)
            attention = self.incremental.attention if wants else None
        elif wants:
            from ltmt.fusion.alignment import cross_attention

            assert self.mask is not None  # set by begin for Marian's own decoder
            with cross_attention(model.get_decoder(), self.mask) as captured:
                hidden = self._decoder_states(prefix)
            attention = captured[0][:, -1]
        else:
            hidden = self._decoder_states(prefix)
        if self.fusion is not None:
            hidden = self.fusion.fuse_hidden(hidden, rows)
        if self.shortlist is None:
            logits = model.lm_head(hidden)
            if self.logits_bias is not None:
                logits = logits + self.logits_bias
            log_probs = torch.log_softmax(logits.float(), dim=-1)
        else:
            short = torch.nn.functional.linear(hidden, self.short_weight, self.short_bias)
            log_probs = torch.full(
                (hidden.size(0), self.backbone.vocab_size),
                -float("inf"),
                device=hidden.device,
            )
            log_probs.index_copy_(1, self.shortlist, torch.log_softmax(short.float(), dim=-1))
        if attention is not None:
            assert self.fusion is not None
            log_probs = self.fusion.fuse_log_probs(hidden, log_probs, rows, prefix, attention)
        elif self.fusion is not None:
            log_probs = self.fusion.fuse_log_probs(hidden, log_probs, rows, prefix)
        log_probs[:, self.backbone.pad_id] = -float("inf")
        return log_probs

    def _decoder_states(self, prefix: torch.Tensor) -> torch.Tensor:
        """The last position's final states ``(n, d)`` from Marian's own decoder."""
        decoder_input = (
            prefix[:, -1:] if self.config.use_cache and self.cache is not None else prefix
        )
        out = self.backbone.model.get_decoder()(
            input_ids=decoder_input,
            encoder_hidden_states=self.encoder_states,
            encoder_attention_mask=self.mask,
            past_key_values=self.cache if self.config.use_cache else None,
            use_cache=self.config.use_cache,
        )
        if self.config.use_cache:
            self.cache = out.past_key_values
        return out.last_hidden_state[:, -1]

    def select(
        self, index: torch.Tensor, *, same_sentences: bool = False, group: int | None = None
    ) -> None:
        """Keep only rows ``index`` of the cache and the rows' encoder states (beam reordering
        or finished rows leaving).

        ``same_sentences``: every live sentence keeps its ``beam`` rows, in place (only beams
        were reordered). Then what is the same for all rows of a sentence (the encoder states,
        the cross-attention cache) is left as it is and only the self-attention cache is
        reordered. ``group``: the rows per sentence from now on, when it changes (the beam
        search's first step reads one row per sentence, then each becomes ``beam`` rows).
        """
        if self.incremental is not None:
            self.incremental.select(index, same_sentences=same_sentences, group=group)
            return
        if not same_sentences and self.encoder_states is not None and self.mask is not None:
            self.encoder_states, self.mask = self.encoder_states[index], self.mask[index]
        if self.cache is None:
            return
        own = getattr(self.cache, "self_attention_cache", None)
        if same_sentences and own is not None:
            own.reorder_cache(index)
        else:
            self.cache.reorder_cache(index)  # type: ignore[attr-defined]


@contextlib.contextmanager
def _threads_by_rows(backbone: Backbone) -> Iterator[Callable[[int], None]]:
    """A function that sets torch's intra-op threads for a search step of so many rows: one up to
    :data:`SINGLE_THREAD_ROWS`, else the count found on entry (on a CPU), put back on exit."""
    import torch

    threads = torch.get_num_threads() if backbone.device_type == "cpu" else 1
    current = threads

    def fit(rows: int) -> None:
        nonlocal current
        wanted = 1 if rows <= SINGLE_THREAD_ROWS else threads
        if wanted != current:
            torch.set_num_threads(wanted)
            current = wanted

    try:
        yield fit
    finally:
        if current != threads:
            torch.set_num_threads(threads)


def _greedy(
    backbone: Backbone,
    encoder_states: torch.Tensor,
    mask: torch.Tensor,
    limits: torch.Tensor,
    config: DecodeConfig,
    fusion: FusionState | None,
    shortlist: torch.Tensor | None = None,
) -> list[list[int]]:
    import torch

    batch = encoder_states.size(0)
    step = _Stepper(backbone, config, fusion, shortlist)
    step.begin(encoder_states, mask, 1, int(limits.max()))
    rows = torch.arange(batch, device=encoder_states.device)
    prefix = torch.full(
        (batch, 1), backbone.start_id, dtype=torch.long, device=encoder_states.device
    )
    results: list[list[int]] = [[] for _ in range(batch)]
    with _threads_by_rows(backbone) as fit:
        for t in range(int(limits.max())):
            fit(prefix.size(0))
            next_tokens = step(prefix, rows).argmax(dim=-1)
            prefix = torch.cat([prefix, next_tokens[:, None]], dim=1)
            done = (next_tokens == backbone.eos_id) | (limits[rows] <= t + 1)
            for i in torch.nonzero(done).flatten().tolist():
                tokens = prefix[i, 1:].tolist()
                results[int(rows[i])] = (
                    tokens[:-1] if tokens and tokens[-1] == backbone.eos_id else tokens
                )
            if bool(done.all()):
                break
            if bool(done.any()):
                keep = compact_order(~done)
                rows, prefix = rows[keep], prefix[keep]
                step.select(keep)
    return results


def _beam(
    backbone: Backbone,
    encoder_states: torch.Tensor,
    mask: torch.Tensor,
    limits: torch.Tensor,
    config: DecodeConfig,
    fusion: FusionState | None,
    shortlist: torch.Tensor | None = None,
) -> list[list[tuple[float, list[int]]]]:
    """Beam search over ``log_prob / length ** length_penalty`` (length counts ``</s>``).

    Each sentence keeps its ``beam`` best finished hypotheses. It is done when no live hypothesis
    can still beat the best of them (``config.stop == "best"``) or the worst of them (``"beam"``,
    the ``early_stopping=False`` rule of transformers' beam search) at the current length:
    stopping at the first ``beam`` finished ones instead lets short hypotheses, finished early by
    any of the ``2·beam`` candidates, win by default.

    The bookkeeping is tensor work on the model's device; Python only visits the (few)
    hypotheses that finish at a step. At the first step a sentence's ``beam`` rows are the same
    (the start token), so the decoder reads one row per sentence and its result stands for all
    of them (only the first may expand): the rows become ``beam`` after it, as CTranslate2 does
    on the CPU.
    """
    import torch

    k, lp = config.beam, config.length_penalty
    device = encoder_states.device
    batch = encoder_states.size(0)
    step = _Stepper(backbone, config, fusion, shortlist)
    step.begin(encoder_states, mask, 1, int(limits.max()))  # one row per sentence at first
    sentences = torch.arange(batch, device=device)  # live sentence ids, in batch order
    prefix = torch.full((batch * k, 1), backbone.start_id, dtype=torch.long, device=device)
    scores = torch.full((batch, k), -float("inf"), device=device)
    scores[:, 0] = 0.0  # all beams start identical: only one may expand at the first step
    finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(batch)]
    # per sentence: how many finished hypotheses it needs, how many it keeps, and the score
    # that no live hypothesis may beat (the best or the worst of them, by ``config.stop``)
    needed = 1 if config.stop == "best" else k
    n_finished = torch.zeros(batch, dtype=torch.long, device=device)
    bar = torch.full((batch,), -float("inf"), dtype=torch.float64, device=device)
    rank = torch.arange(2 * k, device=device)[None, :]
    # each beam's 2k best tokens (all of them in a smaller vocabulary) hold the sentence's 2k best
    # candidates
    width = min(2 * k, backbone.vocab_size)
    with _threads_by_rows(backbone) as fit:
        for t in range(int(limits.max())):
            n_live = sentences.numel()
            fit(n_live if t == 0 else n_live * k)
            if t == 0:  # one row per sentence; beams 1.. score -inf whatever their tokens
                first = step(prefix[::k], sentences)
                row_scores, row_tokens = top_per_row(first, width)
                row_scores = row_scores.repeat_interleave(k, dim=0)
                row_tokens = row_tokens.repeat_interleave(k, dim=0)
            else:
                rows = sentences.repeat_interleave(k)
                row_scores, row_tokens = top_per_row(step(prefix, rows), width)
            candidates = (scores[:, :, None] + row_scores.view(n_live, k, width)).view(n_live, -1)
            top_scores, top_index = candidates.topk(2 * k, dim=1)  # sorted, best first
            beam_of = top_index // width
            token_of = row_tokens.view(n_live, -1).gather(1, top_index)
            at_limit = limits[sentences] <= t + 1  # (n_live,)
            valid = top_scores > -float("inf")
            ends = valid & ((token_of == backbone.eos_id) | at_limit[:, None])
            live = valid & ~ends
            # the first k live candidates, in rank order (non-live ones after them are masked)
            pick = torch.argsort((~live).to(torch.int8), dim=1, stable=True)[:, :k]
            picked_live = live.gather(1, pick)
            new_scores = top_scores.gather(1, pick).masked_fill(~picked_live, -float("inf"))
            new_parent = beam_of.gather(1, pick).masked_fill(~picked_live, 0)
            new_token = token_of.gather(1, pick).masked_fill(~picked_live, backbone.eos_id)
            # only candidates that rank within the beam may finish
            finishing = torch.nonzero(ends & (rank < k))
            if finishing.numel():
                touched = _finish(
                    finishing,
                    (sentences, beam_of, token_of, top_scores, prefix),
                    finished,
                    k,
                    lp,
                    backbone.eos_id,
                )
                # their counts and bars follow
                kept = [[score for score, _ in finished[s]] for s in touched]
                index = torch.tensor(touched, dtype=torch.long, device=device)
                n_finished[index] = torch.tensor([len(c) for c in kept], device=device)
                bar[index] = torch.tensor(
                    [max(c) if needed == 1 else min(c) for c in kept],
                    dtype=bar.dtype,
                    device=device,
                )
            reachable = new_scores[:, 0].double() / float(t + 2) ** lp  # t + 1 tokens, + </s>
            done = (n_finished[sentences] >= needed) & (bar[sentences] >= reachable)
            still_live = picked_live[:, 0] & ~at_limit & ~done
            if not bool(still_live.any()):
                break
            keep = compact_order(still_live)
            parent_rows = (keep[:, None] * k + new_parent[keep]).view(-1)
            prefix = torch.cat([prefix[parent_rows], new_token[keep].view(-1, 1)], dim=1)
            same_sentences = keep.numel() == n_live
            if t == 0:  # every parent is its sentence's one row of the first step
                step.select(parent_rows // k, same_sentences=False, group=k)
            else:
                step.select(parent_rows, same_sentences=same_sentences)
            scores, sentences = new_scores[keep], sentences[keep]
    return [sorted(kept, key=lambda item: -item[0]) for kept in finished]


def compact_order(live: torch.Tensor) -> torch.Tensor:
    """The places of the ``live`` (bool, ``(n,)``) sentences or rows in the order they go on in:
    those among the first ``count`` (as many as are live) stay where they are, and the live ones
    after them take the places of those that end, so the incremental decoder copies only the
    moved ones' caches (:meth:`ltmt.model.incremental.IncrementalDecoder.select`), not every
    kept one's. Sentences are decoded independently of their order in a batch."""
    import torch

    kept = torch.nonzero(live).flatten()
    count = kept.numel()
    ended = torch.nonzero(~live[:count]).flatten()
    if not ended.numel():
        return kept
    order = torch.arange(count, device=live.device)
    order[ended] = kept[kept >= count]
    return order


def _finish(
    finishing: torch.Tensor,
    step: tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor],
    finished: list[list[tuple[float, list[int]]]],
    k: int,
    lp: float,
    eos_id: int,
) -> list[int]:
    """Keep the hypotheses that end at this step: candidates ``finishing`` (``(n, 2)`` rows and
    ranks of the step's ``(live sentences, 2k)`` candidates) join their sentence's ``k`` best
    ``finished`` ones. ``step``: the live sentences' ids, each candidate's parent beam, token and
    score, and the rows' prefixes. Returns the sentences that got one, in order. The tensors are
    read once, as lists, not element by element."""
    sentences, beam_of, token_of, top_scores, prefix = step
    pairs = finishing.tolist()
    live_ids, parents = sentences.tolist(), beam_of.tolist()
    tokens_of, scores = token_of.tolist(), top_scores.tolist()
    histories = prefix[[i * k + parents[i][r] for i, r in pairs], 1:].tolist()
    touched: dict[int, None] = {}
    for (i, r), tokens in zip(pairs, histories, strict=True):
        sentence, token = live_ids[i], tokens_of[i][r]
        if token != eos_id:
            tokens.append(token)
        length = len(tokens) + 1
        _keep_best(finished[sentence], scores[i][r] / length**lp, tokens, k)
        touched[sentence] = None
    return list(touched)


# top_per_row reads the maximum of every block of this many tokens first
_BLOCK = 64


def top_per_row(values: torch.Tensor, count: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``values.topk(count, dim=1)`` (best first) for a wide ``(rows, width)`` tensor, faster.

    Each row's ``count`` largest values lie in its ``count`` blocks of :data:`_BLOCK` columns
    with the largest maxima (a block holding one of them has a maximum at least as large, and
    fewer than ``count`` blocks hold anything larger): only those blocks, and the columns past
    the last whole block, are ranked. Equal values may come in another order than ``topk``'s.
    """
    import torch

    rows, width = values.shape
    blocks = width // _BLOCK
    if blocks <= count:
        return values.topk(min(count, width), dim=1)
    whole = blocks * _BLOCK
    maxima = values[:, :whole].view(rows, blocks, _BLOCK).amax(dim=2)
    best_blocks = maxima.topk(count, dim=1, sorted=False).indices  # (rows, count)
    offsets = torch.arange(_BLOCK, device=values.device)
    columns = (best_blocks[:, :, None] * _BLOCK + offsets).view(rows, -1)
    if whole < width:
        rest = torch.arange(whole, width, device=values.device).expand(rows, -1)
        columns = torch.cat([columns, rest], dim=1)
    top, at = values.gather(1, columns).topk(count, dim=1)
    return top, columns.gather(1, at)


def _keep_best(
    finished: list[tuple[float, list[int]]], score: float, tokens: list[int], k: int
) -> None:
    """Add a finished hypothesis to a sentence's ``k`` best (dropping the worst when full)."""
    if len(finished) < k:
        finished.append((score, tokens))
        return
    worst = min(range(k), key=lambda j: finished[j][0])
    if score > finished[worst][0]:
        finished[worst] = (score, tokens)
