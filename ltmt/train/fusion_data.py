"""Training data of the attention adapter: pairs, their retrieved memory, and frozen decoder states.

Each l10n product (``l10n/train/NAME.jsonl``) and the general corpus form a *group*. A sample of
each group's pairs become training queries; their memory is the ``top_k`` most similar other
pairs of the same group (rapidfuzz ``fuzz.ratio`` on normalised sources, the score ltmt's memory
reports; never the pair itself, never a 100 % match — those are reused without the model).

The base model is frozen, so every pair needed (queries and their memory) is force-decoded once:
the queries' states are the adapter's inputs, the memory's states its memory entries. Training
then never runs the base model.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ltmt.config import as_names, check_range
from ltmt.errors import ConfigError, InputError
from ltmt.fusion import selection as match_selection
from ltmt.fusion.datastore import force_decode
from ltmt.text import collapse_space
from ltmt.train.data import (
    data_folder,
    l10n_product_files,
    read_jsonl_pairs,
    read_parallel_text,
)

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FusionDataSpec:
    """Which pairs to train the adapter on, relative to ``data_dir``.

    ``queries_per_group`` training queries per l10n product, ``general_queries`` from a sample of
    ``general_pool`` general-domain pairs; ``top_k`` memory matches each; pairs longer than
    ``max_chars`` characters on either side are left out.
    """

    data_dir: str = "../shared/data/en-de"
    l10n_glob: str = "l10n/train/*.jsonl"
    # only these products (file names without .jsonl; empty: all), never those excluded
    l10n_products: tuple[str, ...] = ()
    l10n_exclude: tuple[str, ...] = ()
    general: str = "general/train"
    general_pool: int = 20000
    queries_per_group: int = 300
    general_queries: int = 2000
    top_k: int = 4
    max_chars: int = 300

    def __post_init__(self) -> None:
        for key in ("l10n_products", "l10n_exclude"):
            object.__setattr__(self, key, as_names(f"data.{key}", getattr(self, key)))
        for name in ("queries_per_group", "top_k", "max_chars"):
            check_range(f"data.{name}", getattr(self, name), at_least=1)
        if self.general_pool < 0 or self.general_queries < 0:
            raise ConfigError("data.general_pool and data.general_queries must be >= 0")


@dataclass(frozen=True)
class Pair:
    """A normalised training pair and the group (product or corpus) it belongs to."""

    source: str
    target: str
    group: int


@dataclass
class RetrievalSet:
    """Pairs, the queries among them, and each query's memory ``[(pair index, score), ...]``."""

    pairs: list[Pair]
    groups: list[str]
    queries: list[int]
    memories: list[list[tuple[int, float]]]


@dataclass
class FusionExamples:
    """Force-decoded pairs: pair ``i`` owns rows ``offsets[i]:offsets[i + 1]``.

    ``states (total, d_model)`` (stored bf16), ``tokens (total,)`` the next-token ids.
    """

    retrieval: RetrievalSet
    states: torch.Tensor
    tokens: torch.Tensor
    offsets: np.ndarray
    decoded: np.ndarray  # (pairs,) bool: which pairs were force-decoded

    def span(self, pair: int) -> tuple[int, int]:
        return int(self.offsets[pair]), int(self.offsets[pair + 1])


def load_groups(spec: FusionDataSpec, seed: int) -> tuple[list[str], list[list[tuple[str, str]]]]:
    """The l10n products and the general corpus sample, normalised and de-duplicated."""
    root = data_folder(spec.data_dir)
    names: list[str] = []
    groups: list[list[tuple[str, str]]] = []
    for path in l10n_product_files(root, spec.l10n_glob, spec.l10n_products, spec.l10n_exclude):
        names.append(path.stem)
        groups.append(_clean(read_jsonl_pairs(path), spec.max_chars))
    if spec.general and spec.general_pool > 0:
        pairs = _clean(read_parallel_text(root / spec.general), spec.max_chars)
        rng = random.Random(seed)
        names.append(spec.general)  # a path: no l10n product (a file stem) can be named so
        groups.append(rng.sample(pairs, min(spec.general_pool, len(pairs))))
    if not groups:
        raise InputError(f"no training pairs found under {root} ({spec.l10n_glob}, {spec.general})")
    return names, groups


def _clean(pairs: Sequence[tuple[str, str]], max_chars: int) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for source, target in pairs:
        item = (collapse_space(source), collapse_space(target))
        if item[0] and item[1] and max(map(len, item)) <= max_chars and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def retrieve_memories(
    names: list[str],
    groups: list[list[tuple[str, str]]],
    spec: FusionDataSpec,
    seed: int,
    workers: int = 1,
    selection: match_selection.MatchSelection | None = None,
) -> RetrievalSet:
    """Sample queries per group and find each one's ``top_k`` neighbours in its own group.

    With ``selection``, each query's neighbours go through the match selection decoding uses
    (:func:`ltmt.fusion.selection.select_matches`: line narrowing, repair, thresholds); a match
    it rewrote is added as a new pair of the group, to be force-decoded as it will be read.
    """
    from rapidfuzz import process

    from ltmt.text import SCORER, normalize

    rng = random.Random(seed)
    pairs: list[Pair] = []
    queries: list[int] = []
    memories: list[list[tuple[int, float]]] = []
    for group_id, group in enumerate(groups):
        base = len(pairs)
        pairs.extend(Pair(s, t, group_id) for s, t in group)
        if len(group) < 2:
            continue
        general = names[group_id] == spec.general
        limit = spec.general_queries if general else spec.queries_per_group
        chosen = rng.sample(range(len(group)), min(limit, len(group)))
        keys = [normalize(s) for s, _ in group]
        scores = process.cdist(
            [keys[i] for i in chosen], keys, scorer=SCORER, dtype=np.uint8, workers=workers
        )
        scores[scores >= 100] = 0  # the pair itself and exact duplicates: reused, never fused
        k = min(spec.top_k, len(group) - 1)
        top = np.argpartition(-scores.astype(np.int16), k - 1, axis=1)[:, :k]
        for row, query in enumerate(chosen):
            found = sorted(((int(scores[row, j]), int(j)) for j in top[row]), reverse=True)
            memory = [(base + j, float(score)) for score, j in found if j != query]
            if selection is not None:
                memory = _select(pairs, memory, pairs[base + query].source, selection)
            queries.append(base + query)
            memories.append(memory)
    logger.info("%d queries over %d pairs in %d groups", len(queries), len(pairs), len(groups))
    return RetrievalSet(pairs, names, queries, memories)


def _select(
    pairs: list[Pair],
    memory: list[tuple[int, float]],
    text: str,
    selection: match_selection.MatchSelection,
) -> list[tuple[int, float]]:
    """``memory`` as :func:`select_matches` reads it; rewritten matches become new pairs."""
    from ltmt.segments import Match, Segment

    matches = [
        Match(Segment(j, "train", pairs[j].source, pairs[j].target, 0.0, "train"), score)
        for j, score in memory
    ]
    selected = []
    for match in match_selection.select_matches(matches, text, selection):
        j, segment = match.segment.id, match.segment
        if (segment.source, segment.target) != (pairs[j].source, pairs[j].target):
            pairs.append(Pair(segment.source, segment.target, pairs[j].group))
            j = len(pairs) - 1
        selected.append((j, float(match.score)))
    return selected


def decode_examples(
    backbone: Backbone,
    retrieval: RetrievalSet,
    *,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
) -> FusionExamples:
    """Force-decode every pair a query or a memory needs (once); keep states as bf16."""
    import torch

    needed = sorted(set(retrieval.queries) | {j for m in retrieval.memories for j, _ in m})
    lengths = np.zeros(len(retrieval.pairs), dtype=np.int64)
    chunks_states, chunks_tokens = [], []
    by_pair: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}
    step = 2048
    for start in range(0, len(needed), step):
        part = needed[start : start + step]
        pairs = [(retrieval.pairs[i].source, retrieval.pairs[i].target) for i in part]
        forced = force_decode(backbone, pairs, batch_size=batch_size, max_tokens=128)
        for index, segment in zip(part, forced, strict=True):
            by_pair[index] = (segment.keys.to(torch.bfloat16), segment.values)
        if progress is not None:
            progress(len(part))
    for index in range(len(retrieval.pairs)):
        found = by_pair.get(index)
        if found is not None:
            lengths[index] = found[1].numel()
            chunks_states.append(found[0])
            chunks_tokens.append(found[1])
    offsets = np.zeros(len(retrieval.pairs) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum(lengths)
    decoded = np.zeros(len(retrieval.pairs), dtype=bool)
    decoded[needed] = True
    return FusionExamples(
        retrieval=retrieval,
        states=torch.cat(chunks_states),
        tokens=torch.cat(chunks_tokens),
        offsets=offsets,
        decoded=decoded,
    )
