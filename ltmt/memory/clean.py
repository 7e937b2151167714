"""Filters applied to every pair on its way into a memory.

A pair is rejected when a side is empty (only whitespace), when a side carries the marks of broken
decoding (a lone surrogate, or U+FFFD, the replacement character a lossy decoder leaves), when
one side is far longer than the other (usually a misalignment), or when a side is absurdly long.
:func:`check_pair` names the reason; metadata must be a mapping that JSON can store
(:func:`check_metadata`). One pair that fails is an error (:func:`clean_pair`); an import counts
the reasons of those it skips, it never drops silently (:func:`screen_pairs`), and a record its
file could not pair (:attr:`~ltmt.segments.PairRecord.unpaired`: :data:`UNMATCHED_CUE`) under
that reason, not as an empty target.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ltmt.config import check_range
from ltmt.errors import InputError
from ltmt.segments import PairRecord
from ltmt.wording import shortened

EMPTY_SOURCE = "empty source"
EMPTY_TARGET = "empty target"
BROKEN_ENCODING = "broken encoding"
LENGTH_RATIO = "length ratio"
TOO_LONG = "too long"
BAD_METADATA = "bad metadata"  # counted by an import, not a filter of check_pair
# counted by an import: subtitle cues the other file has no cues at their time lined up with
# (ltmt.formats.subtitle_pairs)
UNMATCHED_CUE = "unmatched cue"

REASONS = (EMPTY_SOURCE, EMPTY_TARGET, BROKEN_ENCODING, LENGTH_RATIO, TOO_LONG)

MAX_EXAMPLES = 5  # skipped pairs an import report names

# A pair that passed cleaning: (source, target, metadata).
CleanPair = tuple[str, str, Mapping[str, Any]]

_BROKEN = re.compile("[\ud800-\udfff\ufffd]")


@dataclass(frozen=True)
class CleanConfig:
    """Thresholds of the filters.

    A pair fails the length-ratio test when ``(long + smoothing) / (short + smoothing)`` exceeds
    ``max_length_ratio`` (lengths in characters); the smoothing keeps short strings such as
    ``"URL"`` → ``"Adresse (URL)"`` acceptable. ``max_chars`` bounds each side.
    """

    max_length_ratio: float = 3.0
    length_smoothing: int = 10
    max_chars: int = 10_000

    def __post_init__(self) -> None:
        check_range("max_length_ratio", self.max_length_ratio, at_least=1, error=ValueError)
        check_range("length_smoothing", self.length_smoothing, at_least=0, error=ValueError)
        check_range("max_chars", self.max_chars, at_least=1, error=ValueError)


DEFAULT_CLEAN = CleanConfig()


def check_pair(source: str, target: str, config: CleanConfig = DEFAULT_CLEAN) -> str | None:
    """The reason to reject ``(source, target)`` (one of :data:`REASONS`), or None to keep it.

    A side that is not a ``str`` is a programming error: InputError.
    """
    if not isinstance(source, str) or not isinstance(target, str):
        kinds = f"{type(source).__name__}, {type(target).__name__}"
        raise InputError(f"source and target must be strings, got ({kinds})")
    if not source.strip():
        return EMPTY_SOURCE
    if not target.strip():
        return EMPTY_TARGET
    if not (source.isascii() or _BROKEN.search(source) is None) or not (
        target.isascii() or _BROKEN.search(target) is None
    ):
        return BROKEN_ENCODING
    n_source, n_target = len(source), len(target)
    if n_source > config.max_chars or n_target > config.max_chars:
        return TOO_LONG
    short, long = sorted((n_source, n_target))
    smoothing = config.length_smoothing
    if (long + smoothing) / (short + smoothing) > config.max_length_ratio:
        return LENGTH_RATIO
    return None


def explain(reason: str, source: str, target: str) -> str:
    """A one-line explanation of ``reason`` for an error message."""
    if reason == LENGTH_RATIO:
        return (
            f"source and target lengths differ too much ({len(source)} vs {len(target)} characters)"
        )
    if reason == TOO_LONG:
        return f"a side is longer than {DEFAULT_CLEAN.max_chars} characters"
    if reason == BROKEN_ENCODING:
        return "the text holds a lone surrogate or U+FFFD (broken decoding)"
    return f"the {reason.split()[-1]} is empty"


def check_metadata(metadata: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """``metadata`` as a dict that JSON can store; ValueError names what is wrong."""
    if not metadata:
        return {}
    if not isinstance(metadata, Mapping):
        raise ValueError(f"metadata must be a mapping, got {type(metadata).__name__}")
    try:
        json.dumps(dict(metadata), ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ValueError(f"metadata is not JSON-serialisable: {exc}") from exc
    return dict(metadata)


def clean_pair(
    user: str,
    source: str,
    target: str,
    metadata: Mapping[str, Any] | None,
    config: CleanConfig = DEFAULT_CLEAN,
) -> CleanPair:
    """The pair to add to ``user``'s memory; InputError (``cannot add to 'u': ...``) when it
    fails cleaning or its metadata cannot be stored."""
    reason = check_pair(source, target, config)
    if reason is not None:
        raise InputError(f"cannot add to {user!r}: {explain(reason, source, target)}")
    try:
        return source, target, check_metadata(metadata)
    except ValueError as exc:
        raise InputError(f"cannot add to {user!r}: {exc}") from exc


@dataclass(frozen=True)
class Screened:
    """The pairs of an import that passed cleaning, and what it read and skipped: ``skipped``
    maps a reason to its count, ``examples`` names the first few skipped (``file.tsv:12: empty
    target``; ``#3`` for a record without a position)."""

    kept: list[CleanPair]
    read: int
    skipped: dict[str, int]
    examples: tuple[str, ...]


ImportRecord = PairRecord | tuple[str, str] | tuple[str, str, Mapping[str, Any]] | Mapping[str, Any]


def record_parts(record: Any, number: int) -> tuple[Any, Any, Any]:
    """``(source, target, metadata)`` of ``record``, the ``number``-th of an import: a
    :class:`PairRecord`, a ``(source, target)`` or ``(source, target, metadata)`` tuple, or a
    mapping with ``source`` and ``target`` (its other keys the metadata, as a JSONL line has
    them); anything else (a string, whose characters would pair up) is InputError."""
    if isinstance(record, PairRecord):
        return record.source, record.target, record.metadata
    if isinstance(record, Mapping) and "source" in record and "target" in record:
        rest = {k: v for k, v in record.items() if k not in ("source", "target")}
        return record["source"], record["target"], rest
    if isinstance(record, tuple | list) and len(record) in (2, 3):
        metadata = record[2] if len(record) == 3 and record[2] is not None else {}
        if isinstance(metadata, Mapping):
            return record[0], record[1], metadata
    kind = type(record).__name__
    quoted = isinstance(record, str | bytes | tuple | list)  # shown: what it holds
    shown = f" {shortened(repr(record), 60)}" if quoted else ""
    raise InputError(
        f"records: item {number} is a {kind}{shown}, not a (source, target) pair, a "
        "(source, target, metadata) tuple, a PairRecord or a mapping with 'source' and 'target'"
    )


def screen_pairs(records: Iterable[ImportRecord], config: CleanConfig = DEFAULT_CLEAN) -> Screened:
    """Sort ``records`` (:func:`record_parts`) into the pairs to store and the counted reasons
    of those skipped; a side that is not a ``str`` is InputError (see :func:`check_pair`)."""
    if isinstance(records, str | bytes | Mapping):
        raise InputError(f"records must be an iterable of pairs, not one {type(records).__name__}")
    if not isinstance(records, Iterable):
        raise InputError(f"records must be an iterable of pairs, not a {type(records).__name__}")
    kept: list[CleanPair] = []
    skipped: dict[str, int] = {}
    examples: list[str] = []
    read = 0
    for record in records:
        read += 1
        source, target, metadata = record_parts(record, read)
        try:
            reason = _unpaired(record) or check_pair(source, target, config)
        except InputError as exc:  # a side that is no string: which record, of thousands
            raise InputError(f"records: item {read}: {exc}") from None
        if reason is None:
            try:
                kept.append((source, target, check_metadata(metadata)))
                continue
            except ValueError:
                reason = BAD_METADATA
        skipped[reason] = skipped.get(reason, 0) + 1
        if len(examples) < MAX_EXAMPLES:
            where = record.position if isinstance(record, PairRecord) else ""
            examples.append(f"{where or f'#{read}'}: {reason}")
    return Screened(kept, read, skipped, tuple(examples))


def _unpaired(record: ImportRecord) -> str | None:
    """Why ``record``'s file gave its source no target (:attr:`PairRecord.unpaired`), or None
    for a pair."""
    return (record.unpaired if isinstance(record, PairRecord) else "") or None
