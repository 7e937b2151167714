"""Importing many pairs into one user's memory in one transaction (:meth:`Memory.import_pairs
<ltmt.memory.store.Memory.import_pairs>`): screened, the store's map grown once for them, and
the heap a large import freed handed back to the system."""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import replace

from ltmt.memory import env, writes
from ltmt.memory.clean import (
    MAX_EXAMPLES,
    CleanConfig,
    CleanPair,
    ImportRecord,
    Screened,
    screen_pairs,
)
from ltmt.memory.report import ImportReport
from ltmt.memory.write_fences import WriteFence, fenced
from ltmt.segments import PairRecord
from ltmt.workers import return_freed_memory

# imports of at least this many pairs hand the heap they freed back (glibc's malloc_trim)
RETURN_MEMORY_FROM = 10_000  # a server upload of the default 16 MB holds 50,000-80,000
# imports of at least this many pairs pause the garbage collector (writes.collector_paused).
# The pause starts with a full collection, which in a server holding a model takes 0.2 s (by
# hand): it made every POST /v1/memory/pairs of one pair take 0.2-0.3 s where the write takes
# 20 ms, and a smaller import makes too few objects to set off a full collection of its own
PAUSE_COLLECTOR_FROM = 10_000


def import_records(
    store: env.Store,
    clean: CleanConfig,
    user: str,
    records: Iterable[ImportRecord],
    *,
    origin: str,
    progress: Callable[[int], None] | None,
    languages: tuple[str, str] | None,
    fence: WriteFence | None = None,
) -> ImportReport:
    """Screen ``records`` by ``clean`` and store the kept ones for ``user`` (arguments checked
    by the caller): all of them, or (on error) none; the report counts what was read, added,
    repeated, refreshed and skipped (by reason). A :class:`PairRecord` that names its own
    origin (a file of a folder) is stored under it, the others under ``origin``: each file of
    a folder import is undone on its own, and the import is still one write (which pairs it
    makes the newest translations of their sources is decided over all of its files).
    ``fence``: checked in the write transaction (:mod:`ltmt.memory.write_fences`)."""
    # the reader's garbage (a file format's objects may hold cycles) is collected as usual
    screened = [(name, screen_pairs(run, clean)) for name, run in by_origin(records, origin)]
    # an import of no pair still notes a new user's languages: one (empty) write then
    kept = [(name, group.kept) for name, group in screened if group.kept] or [(screened[0][0], [])]
    skipped = sum(group.read - len(group.kept) for _, group in screened)
    if progress is not None and skipped:
        progress(skipped)
    pairs, origins = _one_write(kept)
    if pairs:
        chars = sum(len(source) * 12 + len(target) * 2 for source, target, _ in pairs)
        env.reserve(store, len(pairs) * 512 + chars)
    now, vault = time.time(), store.vault
    paused = writes.collector_paused() if len(pairs) >= PAUSE_COLLECTOR_FROM else nullcontext()
    with paused:
        stored = env.write(
            store,
            fenced(
                fence,
                vault,
                lambda txn: writes.add_pairs(
                    txn,
                    vault,
                    user,
                    pairs,
                    origin=kept[0][0],
                    now=now,
                    progress=progress,
                    languages=languages,
                    origins=origins,
                ),
            ),
        )
    report = replace(
        screening_report(user, [group for _, group in screened]),
        added=stored.added,
        duplicates=stored.duplicates,
        refreshed=len(stored.refreshed) - stored.kept,
        older=stored.older,
    )
    if len(pairs) >= RETURN_MEMORY_FROM:  # what the import freed goes back to the system
        del kept, screened, stored, pairs, origins
        return_freed_memory()
    return report


def _one_write(
    kept: Sequence[tuple[str, list[CleanPair]]],
) -> tuple[Sequence[CleanPair], list[str] | None]:
    """The pairs of ``kept``'s runs (origin, pairs) in order, for one :func:`writes.add_pairs`,
    and each pair's origin (None: one run, whose origin is all of theirs)."""
    if len(kept) == 1:
        return kept[0][1], None
    pairs = [pair for _, run in kept for pair in run]
    return pairs, [name for name, run in kept for _ in run]


def screening_report(user: str, parts: Sequence[Screened]) -> ImportReport:
    """The report of what the screening of an import's ``parts`` (one per origin) read and
    skipped: reads and skips added up, and the first few examples of all."""
    skipped: Counter[str] = Counter()
    for part in parts:
        skipped.update(part.skipped)
    examples = tuple(example for part in parts for example in part.examples)
    return ImportReport(
        user=user,
        read=sum(part.read for part in parts),
        skipped=dict(skipped),
        examples=examples[:MAX_EXAMPLES],
    )


def by_origin(
    records: Iterable[ImportRecord], origin: str
) -> Iterator[tuple[str, Iterable[ImportRecord]]]:
    """``records`` in runs of the origin each is stored under: a :class:`PairRecord`'s own
    (:attr:`PairRecord.origin`, a folder's file) or ``origin``; streamed, as a reader's drained
    records are (at least one run). A string or mapping given for ``records`` is one run, for
    :func:`screen_pairs` to refuse."""
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        yield origin, records
        return
    empty = True
    for name, run in itertools.groupby(records, key=lambda record: _origin_of(record, origin)):
        empty = False
        yield name, run
    if empty:
        yield origin, ()


def _origin_of(record: ImportRecord, origin: str) -> str:
    own = record.origin if isinstance(record, PairRecord) else ""
    return own or origin
