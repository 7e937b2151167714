"""Training data of the trained combiner: memory that matters, memory that misleads, features.

The default base model has learnt ``l10n/train`` by heart, so a plain leave-one-out memory tells
it nothing new. Each training query (a pair of an l10n product with its ``top_k`` most similar
other pairs of the product as memory, :func:`ltmt.train.fusion_data.retrieve_memories`) becomes
one of these *variants*:

* ``own``: the retrieved memory as it is;
* ``term``: a target word shared by the pair and its best match (not a word copied from the
  source) is replaced, in the pair's target and in every memory target, by a word of another
  pair: the base predicts the word it learnt, only the memory knows the user's word;
* ``mislead``: a match that differs from the pair in a word that matters is put first: the
  pair's negation (``not`` / ``nicht``, ``kein``…) or a number removed or changed on both sides
  of the match, so copying the match's target would be wrong;
* ``unrelated``: the memory of a pair of another product (rescored); with
  ``unrelated_nearest``, the pairs of other products whose sources score highest against the
  pair's own (most score below 70: letters in common, no translation), the kind of match an
  unrelated memory offers, which the match selection lets through;
* ``mask``: a source word that the best match's source also has is deleted from the pair's
  source (the memory rescored against it): the base cannot translate a word it does not see,
  the match's target has it.

Every variant's matches then go through the one match selection
(:mod:`ltmt.fusion.selection`, inside :meth:`KnnFusion.prepare`), the pair is force-decoded, and
each target position becomes one row: the combiner's features (:func:`state_features`), kNN's λ,
kNN's probability of the gold token and the model's log-probability of it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ltmt.errors import ConfigError
from ltmt.text import match_score

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.knn import KnnFusion
    from ltmt.fusion.knn_state import KnnState
    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match
    from ltmt.train.fusion_data import Pair, RetrievalSet

VARIANTS = ("own", "term", "mislead", "unrelated", "mask")
_WORD = re.compile(r"[^\W\d_]{4,}")
_NEGATION_EN = re.compile(r"\b(?:not|no|never|cannot)\b ?", re.IGNORECASE)
_NEGATION_DE = re.compile(r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie)\b ?")
_NUMBER = re.compile(r"(?<![\w%$])\d+(?![\w$])")
_NO_VOTE = 1e6  # a logit this low stands for "no vote" (a softmax weight of 0)


@dataclass(frozen=True)
class VariantShares:
    """The share of each variant among the training queries (``own`` takes the rest)."""

    term: float = 0.35
    mislead: float = 0.2
    unrelated: float = 0.1
    mask: float = 0.0
    # ``unrelated`` reads the other products' nearest pairs, not another query's memory
    unrelated_nearest: bool = False

    def __post_init__(self) -> None:
        shares = (self.term, self.mislead, self.unrelated, self.mask)
        if any(not 0 <= s <= 1 for s in shares) or sum(shares) > 1:
            raise ConfigError(f"variant shares must be in [0, 1] and sum to <= 1, got {shares}")


@dataclass(frozen=True)
class Example:
    """One training query: its pair, its raw memory ``[(source, target, score)]``, its variant."""

    source: str
    target: str
    memory: tuple[tuple[str, str, float], ...]
    variant: str
    group: int = 0  # the product the pair comes from


def build_examples(retrieval: RetrievalSet, shares: VariantShares, seed: int) -> list[Example]:
    """One :class:`Example` per query of ``retrieval``, its variant drawn by ``shares``."""
    rng = random.Random(seed)
    pairs = retrieval.pairs
    by_group: dict[int, list[int]] = {}
    for position, query in enumerate(retrieval.queries):
        by_group.setdefault(pairs[query].group, []).append(position)
    words = [w for p in rng.sample(pairs, min(len(pairs), 5000)) for w in _WORD.findall(p.target)]
    nearest = _OtherProducts(pairs, rng) if shares.unrelated_nearest else None
    examples = []
    for position, query in enumerate(retrieval.queries):
        pair = pairs[query]
        memory = [(pairs[j].source, pairs[j].target, s) for j, s in retrieval.memories[position]]
        r = rng.random()
        variant, made = "own", None
        if r < shares.term:
            made = _term(pair.source, pair.target, memory, words, rng)
            variant = "term"
        elif r < shares.term + shares.mislead:
            made = _mislead(pair.source, pair.target, memory, rng)
            variant = "mislead"
        elif r < shares.term + shares.mislead + shares.unrelated and (
            nearest is not None or len(by_group) > 1
        ):
            if nearest is not None:
                found = nearest.elsewhere(pair, max(1, len(memory)))
            else:
                other = rng.choice([g for g in by_group if g != pair.group])
                found = [j for j, _ in retrieval.memories[rng.choice(by_group[other])]]
            made = (
                pair.target,
                [
                    (pairs[j].source, pairs[j].target, match_score(pair.source, pairs[j].source))
                    for j in found
                ],
            )
            variant = "unrelated"
        elif r < shares.term + shares.mislead + shares.unrelated + shares.mask:
            masked = _mask(pair.source, memory, rng)
            if masked is not None:
                source, memory = masked
                examples.append(Example(source, pair.target, tuple(memory), "mask", pair.group))
                continue
        if made is None:
            made, variant = (pair.target, memory), "own"
        target, memory = made
        examples.append(Example(pair.source, target, tuple(memory), variant, pair.group))
    return examples


class _OtherProducts:
    """The pairs of other products nearest a query (fuzzy score on normalised sources), found in
    a fixed random sample of every product's pairs."""

    def __init__(self, pairs: Sequence[Pair], rng: random.Random, sample: int = 20000) -> None:
        from ltmt.text import normalize

        self.pool = rng.sample(range(len(pairs)), min(sample, len(pairs)))
        self.keys = [normalize(pairs[i].source) for i in self.pool]
        self.groups = np.array([pairs[i].group for i in self.pool])

    def elsewhere(self, pair: Pair, count: int) -> list[int]:
        """The indices of the ``count`` pairs of other products nearest ``pair``, best first."""
        from rapidfuzz import process

        from ltmt.text import SCORER, normalize

        scores = process.cdist([normalize(pair.source)], self.keys, scorer=SCORER)[0]
        scores[self.groups == pair.group] = -1
        best = np.argsort(-scores, kind="stable")[:count]
        return [self.pool[i] for i in best if scores[i] >= 0]


def _term(
    source: str,
    target: str,
    memory: list[tuple[str, str, float]],
    words: Sequence[str],
    rng: random.Random,
) -> tuple[str, list[tuple[str, str, float]]] | None:
    """The pair's target and memory with one shared target word swapped for another word."""
    if not memory or not words:
        return None
    lowered = source.casefold()
    shared = set(_WORD.findall(memory[0][1]))
    candidates = [w for w in _WORD.findall(target) if w in shared and w.casefold() not in lowered]
    if not candidates:
        return None
    old = rng.choice(candidates)
    new = rng.choice(words)
    new = new[:1].upper() + new[1:] if old[:1].isupper() else new[:1].lower() + new[1:]
    if new == old:
        return None
    swap = re.compile(rf"\b{re.escape(old)}\b")
    return swap.sub(new, target), [(s, swap.sub(new, t), score) for s, t, score in memory]


def _mask(
    source: str, memory: list[tuple[str, str, float]], rng: random.Random
) -> tuple[str, list[tuple[str, str, float]]] | None:
    """The pair's source without one word that the best match's source has (memory rescored)."""
    if not memory:
        return None
    shared = {w.casefold() for w in _WORD.findall(memory[0][0])}
    candidates = [w for w in _WORD.findall(source) if w.casefold() in shared]
    if not candidates:
        return None
    word = rng.choice(candidates)
    masked = re.sub(rf"\s*\b{re.escape(word)}\b", "", source, count=1).strip()
    if not masked or masked == source:
        return None
    return masked, [(s, t, match_score(masked, s)) for s, t, _ in memory]


def _mislead(
    source: str, target: str, memory: list[tuple[str, str, float]], rng: random.Random
) -> tuple[str, list[tuple[str, str, float]]] | None:
    """The pair with a near-identical match first whose negation or number is different."""
    en, de = _NEGATION_EN.search(source), _NEGATION_DE.search(target)
    if en and de:
        if rng.random() < 0.5:  # the match lacks the negation the pair has
            wrong = (_NEGATION_EN.sub("", source, 1), _NEGATION_DE.sub("", target, 1))
        else:  # the pair lacks the negation the match has
            wrong = (source, target)
            source, target = _NEGATION_EN.sub("", source, 1), _NEGATION_DE.sub("", target, 1)
    else:
        numbers = [n for n in _NUMBER.findall(source) if n in _NUMBER.findall(target)]
        if not numbers:
            return None
        old = rng.choice(numbers)
        new = str(int(old) + rng.randint(1, 9))
        swap = re.compile(rf"(?<![\w%$]){old}(?![\w$])")
        wrong = (swap.sub(new, source, 1), swap.sub(new, target, 1))
    if wrong[0] == source:
        return None
    first = (wrong[0], wrong[1], match_score(source, wrong[0]))
    rest = [(s, t, match_score(source, s)) for s, t, _ in memory]
    return target, [first, *rest]


@dataclass
class StepRows:
    """One row per target position of the featurised examples (see the module docstring)."""

    features: torch.Tensor  # (R, F)
    knn_lambda: torch.Tensor  # (R,)
    knn_gold: torch.Tensor  # (R,) kNN's probability of the gold token
    model_gold: torch.Tensor  # (R,) the model's log-probability of the gold token
    example: torch.Tensor  # (R,) index of the example the row belongs to
    distance: torch.Tensor  # (R, K) the neighbours' distances (inf: no neighbour)
    voting_gold: torch.Tensor  # (R, K) bool: a voting neighbour (memory_eos) of the gold token
    voting: torch.Tensor  # (R, K) bool: a neighbour whose vote counts
    differing: torch.Tensor  # (R, K) the neighbours' differing shares (0: no neighbour)
    same: torch.Tensor  # (R, K) bool: the neighbour's token is the nearest's
    missing: torch.Tensor | None = None  # (R, K, 2) what their matches lack (None: older cache)
    # (R, K) the step's cross-attention on input words their matches lack (None: not featurised)
    lacked: torch.Tensor | None = None
    match_score: torch.Tensor | None = None  # (R, K) their match's fuzzy score 0-1 (None: older)

    def knn_gold_at(
        self, temperature: torch.Tensor, index: torch.Tensor, offsets: torch.Tensor | None = None
    ) -> torch.Tensor:
        """kNN's probability of the gold token at rows ``index`` when its vote is re-weighted
        at ``temperature`` (one per row) and with ``offsets (a, K)`` on the neighbours' logits,
        as :meth:`KnnState.vote` weighs it at decoding."""
        import torch

        # finite everywhere, or a row without a (gold) vote would make the gradients NaN
        logits = -self.distance[index].clamp(max=_NO_VOTE) / temperature[:, None]
        if offsets is not None:
            logits = logits + offsets
        gold = logits.masked_fill(~self.voting_gold[index], -_NO_VOTE)
        every = logits.masked_fill(~self.voting[index], -_NO_VOTE)
        return (torch.logsumexp(gold, dim=1) - torch.logsumexp(every, dim=1)).exp()


def featurise(
    backbone: Backbone,
    fusion: KnnFusion,
    examples: Sequence[Example],
    *,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> StepRows:
    """Force-decode each example and read its kNN neighbours at every target position.

    Matches go through ``fusion.prepare`` (the one match selection, as at decoding); examples
    left without a usable match give no rows. With ``fusion.reads_attention`` the rows also get
    ``lacked`` from the pair's own forced cross-attention, as decoding reads the step's. The
    rows hold every neighbour's differing share and what its match lacks, so ``fusion`` must
    compute them (``KnnFusion(..., reads_shares=True)``).
    """
    import torch

    if not (fusion.reads_differing and fusion.reads_missing):
        raise ConfigError(
            "featurise needs a fusion that computes the differing shares and missing words: "
            "KnnFusion(config, reads_shares=True)"
        )

    from ltmt.fusion.combiner import state_features
    from ltmt.fusion.datastore import force_decode
    from ltmt.text import collapse_space

    model = backbone.model
    parts: list[dict[str, torch.Tensor]] = []
    for start, chunk, state in prepared_batches(backbone, fusion, examples, batch_size, progress):
        queries = force_decode(
            backbone, [(collapse_space(e.source), collapse_space(e.target)) for e in chunk]
        )
        with torch.inference_mode():
            for index, forced in enumerate(queries):
                if not bool(state.has_memory[index]):
                    continue
                values = forced.values
                rows = torch.full((values.numel(),), index, dtype=torch.long)
                prefix = _prefixes(values, fusion.config.context, backbone.start_id)
                logits = model.lm_head(forced.keys) + model.final_logits_bias
                log_probs = torch.log_softmax(logits.float(), dim=-1)
                attention = forced.alignment if fusion.reads_attention else None
                near = state.neighbours(forced.keys, rows, prefix, attention)  # every field
                assert near.missing is not None
                lam, tokens, weights, distance = near[:4]
                features = state_features(state, log_probs, near, rows)
                gold = values[:, None]
                knn_gold = (weights.float() * (tokens == gold).float()).sum(dim=1)
                voting = ~state.silenced(tokens) & distance.isfinite()
                k = fusion.config.neighbours
                part = {
                    "features": features,
                    "knn_lambda": lam.float(),
                    "knn_gold": knn_gold,
                    "model_gold": log_probs.gather(1, gold).squeeze(1),
                    "example": torch.full((values.numel(),), start + index, dtype=torch.long),
                    "distance": _padded(distance.float(), k, float("inf")),
                    "voting_gold": _padded(voting & (tokens == gold), k, False),
                    "voting": _padded(voting, k, False),
                    "differing": _padded(near.differing.float(), k, 0.0),
                    "same": _padded(tokens == tokens[:, :1], k, False),
                    "missing": _padded(near.missing.float(), k, 0.0),
                }
                if near.lacked is not None:
                    part["lacked"] = _padded(near.lacked, k, 0.0)
                if near.scores is not None:
                    part["match_score"] = _padded(near.scores, k, 0.0)
                parts.append(part)
    if not parts:
        raise ConfigError("no training example kept a usable match: lower knn min_score")
    return StepRows(**{name: torch.cat([p[name] for p in parts]) for name in parts[0]})


def prepared_batches(
    backbone: Backbone,
    fusion: KnnFusion,
    examples: Sequence[Example],
    batch_size: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, Sequence[Example], KnnState]]:
    """``(start, batch, state)`` for each batch of ``examples`` that keeps a usable match:
    ``fusion.prepare``'s state of the batch's memories (``progress`` counts every batch)."""
    for start in range(0, len(examples), batch_size):
        chunk = examples[start : start + batch_size]
        state = fusion.prepare(backbone, [e.source for e in chunk], as_matches(chunk))
        if progress is not None:
            progress(len(chunk))
        if state is not None:
            yield start, chunk, state


def as_matches(examples: Sequence[Example]) -> list[list[Match]]:
    """Each example's memory as the matches :meth:`KnnFusion.prepare` reads. Segments of user
    ``train`` all have id 0: the fusion's cache knows them by their texts, so a memory pair met
    again (another query's memory, a candidate's rows) is not force-decoded again while the
    cache holds it."""
    from ltmt.segments import Match, Segment

    return [
        [
            Match(Segment(0, "train", source, target, 0.0, "train"), score)
            for source, target, score in example.memory
        ]
        for example in examples
    ]


def load_cached(path: Any, what: str) -> dict[str, Any]:
    """The dict ``torch.save`` wrote at ``path``; a file that is not one (damaged, another
    program's) is a ConfigError naming ``what`` it should hold and what to do."""
    import pickle

    import torch

    try:
        held = torch.load(path)
    except (RuntimeError, EOFError, pickle.UnpicklingError):
        held = None
    if not isinstance(held, dict):
        raise ConfigError(f"{path} does not hold {what}; delete it to featurise again")
    return held


def _padded(columns: torch.Tensor, width: int, fill: float | bool) -> torch.Tensor:
    """``columns (a, k, ...)`` right-padded with ``fill`` to ``width`` columns (a sentence whose
    memory has fewer than K entries gives fewer neighbours)."""
    import torch

    if columns.size(1) == width:
        return columns
    shape = (columns.size(0), width, *columns.shape[2:])
    out = torch.full(shape, fill, dtype=columns.dtype)
    out[:, : columns.size(1)] = columns
    return out


def _prefixes(values: torch.Tensor, context: int, start_id: int) -> torch.Tensor:
    """``(length, max(context, 1))``: the tokens read before each position, left-padded with -1
    (what :meth:`KnnState.neighbours` reads as an absent history token)."""
    import torch

    width = max(context, 1)
    read = torch.cat([torch.tensor([start_id]), values[:-1]])
    padded = torch.cat([torch.full((width - 1,), -1, dtype=torch.long), read])
    return padded.unfold(0, width, 1)
