"""Decoding that follows a glossary: a decoder-side bias with a forced fallback.

For every sentence, the targets of the glossary terms found in its source are *required*. At
each step, in each row (a greedy row or a beam hypothesis) whose output does not carry a
required target yet (:func:`~ltmt.terminology.matching.renders`, on the pieces decoded so far):

- the first token of each missing target gets ``bias`` added to its log-probability, so the
  model places the term where it fits best;
- a row that has started a missing target (its last tokens are a proper prefix of the target's
  tokens) gets ``2 * bias`` on the next token of that target;
- ``</s>`` is not allowed: the probability the model gave to ending goes to starting a missing
  target instead, so a sentence cannot finish without its terms;
- when the tokens left before the length limit are just enough for the missing targets, the
  next target token is forced (every other token is ruled out), so a term is never truncated.

The state wraps the fusion state of the batch (or none), so it works with and without fusion
and needs no change to the search itself. Placeholders are not affected: the bias only raises
term tokens, and the translator's placeholder checks run on the result as before.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ltmt.formats.placeholder_syntax import placeholder_shape
from ltmt.fusion.base import FusionState, WrappingState
from ltmt.numbers_kept import kept_shape
from ltmt.terminology.matching import TermHit, kept_as_written, renders
from ltmt.terminology.terms import fold_term

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone
    from ltmt.model.decode import DecodeConfig

logger = logging.getLogger(__name__)

DEFAULT_BIAS = 2.0  # nats added to a missing term's first token


@dataclass(frozen=True)
class Required:
    """A target term a sentence's output must carry, with its target-side token ids."""

    target: str
    token_ids: tuple[int, ...]
    whole_word: bool = False  # a term kept as written (matching.kept_as_written)


class TermTokens:
    """The target-side tokenisation of terms and the text of token pieces, per backbone."""

    def __init__(self, backbone: Backbone) -> None:
        self.backbone = backbone
        vocab = int(backbone.model.config.vocab_size)
        pieces = backbone.tokenizer.convert_ids_to_tokens(list(range(vocab)))
        specials = set(backbone.tokenizer.all_special_ids)
        self.pieces = [
            "" if i in specials or piece is None else str(piece) for i, piece in enumerate(pieces)
        ]
        self._cache: dict[str, tuple[int, ...]] = {}

    def required(self, target: str) -> Required:
        ids = self._cache.get(target)
        if ids is None:
            encoded = self.backbone.tokenizer(text_target=target, add_special_tokens=False)
            ids = tuple(int(i) for i in encoded["input_ids"])
            if self.backbone.tokenizer.unk_token_id in ids:  # the model cannot write it
                logger.warning(
                    "glossary target %r has characters the model lacks; not forced", target
                )
                ids = ()
            self._cache[target] = ids
        return Required(target, ids)

    def word_ids(self, word: str) -> tuple[int, ...]:
        """The token ids of ``word`` as the output writes it (none when the model cannot)."""
        return self.required(word).token_ids

    def text(self, token_ids: Sequence[int]) -> str:
        """The text of ``token_ids`` as SentencePiece writes it (``▁`` as a space)."""
        return "".join(self.pieces[i] for i in token_ids).replace("\u2581", " ")


def source_limit(config: DecodeConfig, source_tokens: int) -> int:
    """The output length limit the search gives a source of ``source_tokens`` tokens."""
    return min(int(source_tokens * config.max_len_a + config.max_len_b), config.max_len)


class TermConstrainedState(WrappingState):
    """A :class:`~ltmt.fusion.base.FusionState` that makes the output carry required terms.

    ``required[s]``: the targets sentence ``s`` of the batch must carry; ``limits[s]``: its
    output length limit in tokens (:func:`source_limit`). ``inner``: the fusion state, or None.
    """

    def __init__(
        self,
        tokens: TermTokens,
        required: Sequence[Sequence[Required]],
        limits: Sequence[int],
        inner: FusionState | None = None,
        bias: float = DEFAULT_BIAS,
    ) -> None:
        self.tokens = tokens
        self.required = [list(r) for r in required]
        self.limits = list(limits)
        self.inner = inner
        self.bias = bias
        self.eos_id = tokens.backbone.eos_id

    def fuse_log_probs(
        self,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None = None,
        attention: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """See the module docstring; ``log_probs (n, vocab)`` is changed in place."""
        log_probs = self.inner_log_probs(hidden, log_probs, rows, prefix, attention)
        if prefix is None:
            return log_probs
        sentences = rows.tolist()
        wanted = [n for n, s in enumerate(sentences) if self.required[s]]
        if not wanted:
            return log_probs
        prefixes = prefix[wanted, 1:].tolist()
        for n, done in zip(wanted, prefixes):
            sentence = sentences[n]
            text = self.tokens.text(done)
            missing = [
                r
                for r in self.required[sentence]
                if not renders(r.target, text, whole_word=r.whole_word)
            ]
            if missing:
                self._steer(log_probs[n], done, missing, self.limits[sentence] - len(done))
        return log_probs

    def _steer(
        self, row: torch.Tensor, done: list[int], missing: list[Required], left: int
    ) -> None:
        """Adjust one row's log-probs ``(vocab,)``; ``left``: tokens it may still write."""
        started = _started(done, missing)
        need = sum(len(r.token_ids) for r in missing)
        if started is not None:
            required, position = started
            need -= position
            next_token = required.token_ids[position]
        else:
            next_token = missing[0].token_ids[0]
        if left <= need:  # just enough room left: write the term now
            keep = float(row[next_token])
            row.fill_(-float("inf"))
            row[next_token] = max(keep, -1e4)
            return
        end = float(row[self.eos_id])
        row[self.eos_id] = -float("inf")
        if started is not None:
            row[next_token] += 2 * self.bias
        for required in missing:
            first = required.token_ids[0]
            row[first] = max(float(row[first]) + self.bias, end)


def _started(done: list[int], missing: list[Required]) -> tuple[Required, int] | None:
    """The missing term whose tokens the output ends with a proper prefix of (the longest), and
    how many of its tokens are written."""
    best: tuple[Required, int] | None = None
    for required in missing:
        ids = required.token_ids
        for length in range(min(len(ids) - 1, len(done)), 0, -1):
            if tuple(done[-length:]) == ids[:length]:
                if best is None or length > best[1]:
                    best = (required, length)
                break
    return best


def constrain(
    tokens: TermTokens,
    hits: Sequence[Sequence[TermHit]],
    source_lengths: Sequence[int],
    config: DecodeConfig,
    inner: FusionState | None = None,
    bias: float = DEFAULT_BIAS,
) -> FusionState | None:
    """The state that makes each sentence of a batch carry the targets of its term ``hits``;
    ``inner`` itself when no sentence has a term."""
    if not any(hits):
        return inner
    required = []
    for sentence_hits in hits:
        targets = {hit.term.target: kept_as_written(hit.term) for hit in sentence_hits}
        wanted = [
            replace(tokens.required(target), whole_word=whole) for target, whole in targets.items()
        ]
        required.append([r for r in wanted if r.token_ids])
    limits = [source_limit(config, n) for n in source_lengths]
    return TermConstrainedState(tokens, required, limits, inner, bias)


def output_shape(source: str, output: str) -> tuple[int, int, int, float]:
    """How well ``output`` keeps the shape of ``source`` (higher is better): minus placeholders
    lost, minus placeholders added (:func:`~ltmt.formats.placeholder_syntax.placeholder_shape`),
    minus numbers lost beyond repair (:func:`~ltmt.numbers_kept.kept_shape`: the translator
    repairs the rest), minus how far the length ratio is from 1 (absolute log)."""
    return (*kept_shape(source, output), -abs(math.log(_length_ratio(source, output))))


def misshapen(source: str, output: str) -> bool:
    """Whether a glossary-following ``output`` lost or repeated a placeholder of ``source``,
    lost one of its numbers beyond repair (``E351:``), or is less than half or more than twice
    its length: reading the input with the targets in place can make the model stop early (a
    German word looks finished), drop a code, or, with the end held back for a term, repeat
    itself."""
    kept = kept_shape(source, output) == (0, 0, 0)
    return not kept or not 0.5 <= _length_ratio(source, output) <= 2.0


def runs_on(source: str, output: str, source_language: str, target_language: str) -> bool:
    """Whether a glossary-following ``output`` says more sentences than its ``source`` (both
    counted by one rule: :func:`ltmt.units.whole_sentences`): held to write a term it had not
    placed, the model went on past the source's end (``Upgrade to Pro for unlimited
    projects.`` → ``Wechseln Sie auf unbegrenzte Projekte. Pro für unbegrenzte Projekte.``),
    or writes words after the closing block or tag that ends the source's text
    (:func:`~ltmt.terminology.term_position.past_closing_placeholder`: ``...zu
    erhalten.{{/if}} Workspace zu erhalten``, words outside the block)."""
    from ltmt.terminology.term_position import past_closing_placeholder
    from ltmt.units import whole_sentences  # units imports far more than this module needs

    if past_closing_placeholder(source, output):
        return True

    said = len(whole_sentences(source.strip(), source_language)) if source.strip() else 0
    written = len(whole_sentences(output.strip(), target_language)) if output.strip() else 0
    return written > said


def breaks_placeholders(source: str, output: str) -> bool:
    """Whether ``output`` lost a placeholder of ``source`` or has one more than it."""
    return placeholder_shape(source, output) != (0, 0)


def _length_ratio(source: str, output: str) -> float:
    """Output length over source length, runs of whitespace counted as one (option tables
    align columns with spaces the model does not copy)."""
    return (len(fold_term(output)) + 1) / (len(fold_term(source)) + 1)
