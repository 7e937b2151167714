"""Which memory entries come from words the input does not have: the per-neighbour trust signal.

kNN fusion copies a wrong word from a match exactly where the match differs from the input: its
``not`` the input lacks, its ``Unverified`` where the input says ``Verified``. The forced
decoding of a match (:func:`ltmt.fusion.datastore.force_decode`) records, for every target
position, the last decoder layer's cross-attention over the match's source tokens (heads
averaged): what that entry was translated from. Given the input being translated,
:func:`differing_shares` gives each entry the attention mass on match-source words the input
lacks (0: aligned to words the input has; 1: aligned to words it lacks only). kNN can then
push such entries away (``KnnConfig.differing_penalty``) and the trained combiner can weigh them
(``CombinerConfig.neighbour_features``).

A word is a run of SentencePiece pieces starting at a ``▁`` piece; it counts as present when
every alphanumeric run of it (NFKC, case-folded) occurs in the input. Special tokens and
punctuation-only words always count as present.

The reverse signal, input words the *match* lacks (its ``Delete`` for the input's ``Do not
delete``), no attention shows: no entry was translated from a word its source does not have.
:func:`missing_words` measures it per match (``CombinerConfig.missing_features``): the share of
the input's words the match's source lacks, and whether the input has more negations than the
match (a general English list, :data:`NEGATION`, not tuned to any user's data).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ltmt.model.hooks import thread_bound
from ltmt.text import word_parts

if TYPE_CHECKING:
    import torch

_WORD_START = "\u2581"  # SentencePiece's word-boundary mark
# English negation words (and the n't of contractions): the words a match may lack that turn its
# translation into the opposite of the input's
NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|none|nothing|nobody|nowhere|neither|nor|without)\b|n['\u2019]t\b"
)


def missing_words(match_source: str, query: str) -> tuple[float, float]:
    """What the match lacks of ``query``: the share of ``query``'s word parts absent from
    ``match_source`` (0 when ``query`` has none) and 1.0 when ``query`` holds more
    :data:`NEGATION` words than ``match_source`` (else 0.0)."""
    wanted = word_parts(query)
    lacking = len(wanted - word_parts(match_source)) / len(wanted) if wanted else 0.0
    negations = len(_negations(query)) > len(_negations(match_source))
    return lacking, float(negations)


def _negations(text: str) -> list[str]:
    return NEGATION.findall(unicodedata.normalize("NFKC", text).casefold())


Words = tuple[tuple[tuple[int, ...], frozenset[str]], ...]  # (piece indices, parts) per word


def piece_words(pieces: list[str], special: set[str]) -> Words:
    """The words of a piece sequence: each one's piece indices and word parts (special pieces
    belong to none)."""
    words: list[list[int]] = []
    for index, piece in enumerate(pieces):
        if piece in special:
            continue
        if piece.startswith(_WORD_START) or not words:
            words.append([index])
        else:
            words[-1].append(index)
    return tuple(
        (
            tuple(word),
            frozenset(word_parts("".join(pieces[i] for i in word).replace(_WORD_START, " "))),
        )
        for word in words
    )


def absent_pieces(pieces: list[str], special: set[str], query: set[str]) -> list[bool]:
    """For each source piece: whether its word has a part missing from ``query``'s parts."""
    return _absent(piece_words(pieces, special), len(pieces), query)


def _absent(words: Words, count: int, query: set[str] | frozenset[str]) -> list[bool]:
    absent = [False] * count
    for indices, parts in words:
        if not parts <= query:
            for i in indices:
                absent[i] = True
    return absent


def differing_shares(
    alignment: torch.Tensor, source_ids: torch.Tensor, tokenizer: Any, query: str
) -> torch.Tensor:
    """``(length,)``: each entry's attention mass on match-source words ``query`` lacks.

    ``alignment (length, source_length)``: a forced segment's cross-attention (rows sum to 1);
    ``source_ids (source_length,)``: the match source's token ids it attends over. The words of
    a source and of a query are worked out once each (a batch reads each input against its
    several matches, and a user's runs read the same matches again).
    """
    import torch

    ids = tuple(source_ids.tolist())
    absent = _absent(_source_words(tokenizer, ids), len(ids), _query_parts(query))
    mask = torch.tensor(absent, dtype=alignment.dtype, device=alignment.device)
    return (alignment * mask).sum(dim=1).float()


@lru_cache(maxsize=16384)
def _source_words(tokenizer: Any, ids: tuple[int, ...]) -> Words:
    """:func:`piece_words` of a match source's token ``ids`` (held for the tokenizer's life)."""
    pieces = tokenizer.convert_ids_to_tokens(list(ids))
    return piece_words(pieces, _special_tokens(tokenizer))


@lru_cache(maxsize=64)
def _special_tokens(tokenizer: Any) -> set[str]:
    return set(getattr(tokenizer, "all_special_tokens", []))


@lru_cache(maxsize=4096)
def _query_parts(query: str) -> frozenset[str]:
    return frozenset(word_parts(query))


@contextmanager
def cross_attention(decoder: Any, source_mask: torch.Tensor) -> Iterator[list[torch.Tensor]]:
    """Record the last decoder layer's cross-attention, heads averaged, during one forward pass.

    Yields a list that receives one ``(batch, target_length, source_length)`` tensor.
    ``source_mask (batch, source_length)``: 1 at real source tokens. The weights are recomputed
    from the layer's own query and key projections, as that pass computed them (the fast
    attention kernels do not return the weights; the projections are not run a second time).
    """
    import torch

    captured: list[torch.Tensor] = []
    attention = decoder.layers[-1].encoder_attn
    projected: dict[str, torch.Tensor] = {}

    def keep(name: str) -> Any:
        def hook(module: Any, args: Any, output: torch.Tensor) -> None:
            projected[name] = output

        return hook

    def record(module: Any, args: tuple[Any, ...], kwargs: dict[str, Any], output: Any) -> None:
        hidden = args[0] if args else kwargs["hidden_states"]
        states = kwargs.get("key_value_states")
        if states is None:
            return
        batch, length, _ = hidden.shape
        query, key = projected.pop("q", None), projected.pop("k", None)
        if query is None or key is None or key.size(1) != states.size(1):
            query, key = module.q_proj(hidden), module.k_proj(states)  # not seen: compute them
        heads = query.view(batch, length, -1, module.head_dim).transpose(1, 2)
        keys = key.view(batch, states.size(1), -1, module.head_dim)
        scores = (heads * module.scaling) @ keys.permute(0, 2, 3, 1)  # (batch, heads, T, S)
        scores = scores.masked_fill(~source_mask.bool()[:, None, None, :], float("-inf"))
        captured.append(torch.softmax(scores.float(), dim=-1).mean(dim=1))

    handles = [  # this thread's passes only: threads decoding batches at once share the model
        attention.q_proj.register_forward_hook(thread_bound(keep("q"))),
        attention.k_proj.register_forward_hook(thread_bound(keep("k"))),
        attention.register_forward_hook(thread_bound(record), with_kwargs=True),
    ]
    try:
        yield captured
    finally:
        for handle in handles:
            handle.remove()


def lacked_positions(
    tokenizer: Any, query: str, match_sources: list[str], width: int = 256
) -> torch.Tensor:
    """``(len(match_sources), length)`` bool: for each match source, the positions of
    ``query``'s tokens (as the encoder reads them, ``width`` at most) whose word it lacks.

    The per-step reverse of :func:`differing_shares`: the decoder's cross-attention on these
    positions (:func:`lacked_attention`) is how much the step being decoded reads input words
    the match has no translation of (``CombinerConfig.attention_features``).
    """
    import torch

    ids = tokenizer(query, truncation=True, max_length=width)["input_ids"]
    pieces = tokenizer.convert_ids_to_tokens(ids)
    special = set(getattr(tokenizer, "all_special_tokens", []))
    rows = [absent_pieces(pieces, special, word_parts(source)) for source in match_sources]
    return torch.tensor(rows, dtype=torch.bool).reshape(len(match_sources), len(pieces))


def lacked_attention(attention: torch.Tensor, lacked: torch.Tensor) -> torch.Tensor:
    """``(a, K)``: the share of each row's ``attention (a, S)`` (over the input's positions) on
    the positions ``lacked (a, K, L)`` marks (:func:`lacked_positions`, padded to ``L``): one
    definition for training rows and decoding steps."""
    width = min(attention.size(1), lacked.size(2))
    marks = lacked[:, :, :width].to(attention.dtype)
    return (marks @ attention[:, :width, None]).squeeze(2).float()
