"""Importing many pairs into one user's memory in one transaction (:meth:`Memory.import_pairs
<ltmt.memory.store.Memory.import_pairs>`): screened, the store's map grown once for them, and
the heap a large import freed handed back to the system."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from ltmt.memory import env, writes
from ltmt.memory.clean import CleanConfig, ImportRecord, screen_pairs
from ltmt.memory.report import ImportReport
from ltmt.workers import return_freed_memory

# imports of at least this many pairs hand the heap they freed back (glibc's malloc_trim)
RETURN_MEMORY_FROM = 10_000  # a server upload of the default 16 MB holds 50,000-80,000


def import_records(
    store: env.Store,
    clean: CleanConfig,
    user: str,
    records: Iterable[ImportRecord],
    *,
    origin: str,
    progress: Callable[[int], None] | None,
    languages: tuple[str, str] | None,
) -> ImportReport:
    """Screen ``records`` by ``clean`` and store the kept ones for ``user`` (arguments checked
    by the caller): all of them, or (on error) none; the report counts what was read, added,
    repeated, refreshed and skipped (by reason)."""
    # the reader's garbage (a file format's objects may hold cycles) is collected as usual
    screened = screen_pairs(records, clean)
    kept = screened.kept
    if progress is not None and screened.read > len(kept):
        progress(screened.read - len(kept))
    if kept:
        chars = sum(len(source) * 12 + len(target) * 2 for source, target, _ in kept)
        env.reserve(store, len(kept) * 512 + chars)
    now, vault = time.time(), store.vault
    with writes.collector_paused():
        stored = env.write(
            store,
            lambda txn: writes.add_pairs(
                txn,
                vault,
                user,
                kept,
                origin=origin,
                now=now,
                progress=progress,
                languages=languages,
            ),
        )
    report = ImportReport(
        user=user,
        read=screened.read,
        added=stored.added,
        duplicates=stored.duplicates,
        refreshed=len(stored.refreshed),
        skipped=screened.skipped,
        examples=screened.examples,
    )
    if len(kept) >= RETURN_MEMORY_FROM:  # what the import freed goes back to the system
        del kept, screened, stored
        return_freed_memory()
    return report
