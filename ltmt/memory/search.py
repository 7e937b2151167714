"""One read transaction's searches of a user's memory: the exhaustive scan of a small memory
(:mod:`.sources`) or the index's candidates (:mod:`.index`) reranked by their exact score
(:mod:`ltmt.retrieval`), then the matched segments read, ties broken by preferred metadata.

:meth:`ltmt.memory.store.Memory.search_batch` checks its arguments and calls
:func:`search_texts` in a read transaction (:meth:`~ltmt.memory.store.Memory.preload` calls
:func:`preload`); :class:`SearchSettings` are the ``Memory``'s retrieval options.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import lmdb
import numpy as np

from ltmt.errors import StoreError
from ltmt.formats.disambiguations import same_sense
from ltmt.formats.key_contexts import same_context
from ltmt.memory import index, rows, sources
from ltmt.memory.crypto import PlainCipher, Vault
from ltmt.memory.layout import UserInfo, context_of, user_key
from ltmt.memory.scratch import SearchScratch, SourceTables, TableT
from ltmt.memory.source_codes import SourceCodes
from ltmt.memory.sources import FetchedSources, SourceTable
from ltmt.retrieval import exact_best, load_kernel, score_bound
from ltmt.segments import Match
from ltmt.text import normalize


@dataclass(frozen=True)
class SearchSettings:
    """How a memory is searched (the options of :class:`~ltmt.memory.store.Memory`)."""

    case_sensitive: bool
    candidates: int
    recount: int
    scan_max: int


@dataclass(frozen=True)
class _Snapshot:
    """A user's row as one read transaction holds it, and what a search keeps of it."""

    txn: lmdb.Transaction
    user: str
    info: UserInfo
    cipher: PlainCipher
    casefold: bool
    generation: int | None

    def kept(
        self, tables: SourceTables[TableT], before_kept: Callable[[], None] | None = None
    ) -> TableT:
        """The user's table of ``tables`` as this snapshot stores it (read or extended now;
        ``before_kept``: see :meth:`.scratch.SourceTables.get`)."""
        info = self.info
        return tables.get(
            self.txn,
            self.user,
            self.cipher,
            uid=info.uid,
            next_id=info.next_id,
            count=info.count,
            casefold=self.casefold,
            before_kept=before_kept,
            generation=self.generation,
        )


def _snapshot(
    txn: lmdb.Transaction,
    vault: Vault,
    settings: SearchSettings,
    user: str,
    generation: int | None,
) -> tuple[_Snapshot, bytes] | None:
    """``user``'s snapshot in ``txn`` and its row, or None when it has no segment
    (``generation``: see :func:`search_texts`)."""
    raw = txn.get(user_key(user))
    if raw is None:
        return None
    row = bytes(raw)
    info, cipher = rows.decode_user(row, vault, user)
    if info.count == 0:
        return None
    return _Snapshot(txn, user, info, cipher, not settings.case_sensitive, generation), row


def preload(
    txn: lmdb.Transaction,
    vault: Vault,
    scratch: SearchScratch,
    settings: SearchSettings,
    user: str,
    generation: int | None = None,
) -> None:
    """Read what the searches of ``user`` keep now (:meth:`~ltmt.memory.store.Memory.preload`;
    ``generation``: see :func:`search_texts`)."""
    found = _snapshot(txn, vault, settings, user, generation)
    if found is None:
        return
    snapshot, row = found
    _, table, _ = _kept(snapshot, row, scratch, settings)
    if table is None:
        # the compiled scorer loaded before the sources are kept, so that the searches that find
        # them score at once; after they are read, so that numba's memory is not beside the
        # read's chunks (the peak RSS of a pack at 1M was about 110 MB higher)
        snapshot.kept(scratch.codes, before_kept=load_kernel)


def _kept(
    snapshot: _Snapshot, row: bytes, scratch: SearchScratch, settings: SearchSettings
) -> tuple[np.ndarray, SourceTable | None, np.ndarray | None]:
    """What every search of the snapshot's user reads: its lengths, and a small memory's source
    table or a large one's signatures (None where they are not read)."""
    info = snapshot.info
    lens = scratch.lens(snapshot.txn, snapshot.user, row, snapshot.cipher, uid=info.uid)
    table = snapshot.kept(scratch.tables) if info.count <= settings.scan_max else None
    sigs = snapshot.kept(scratch.signatures).rows if table is None and settings.recount else None
    if sigs is not None and len(sigs) < lens.size:  # pragma: no cover - written together
        raise StoreError(
            f"the memory index of {snapshot.user!r} lacks signatures; run ltmt memory check"
        )
    return lens, table, sigs


def search_texts(
    txn: lmdb.Transaction,
    vault: Vault,
    scratch: SearchScratch,
    settings: SearchSettings,
    user: str,
    texts: Sequence[str],
    k: int,
    prefer: Sequence[Mapping[str, Any]] | None = None,
    generation: int | None = None,
) -> list[list[Match]]:
    """The ``k`` best matches of each of ``texts`` among ``user``'s segments in ``txn``, best
    first (``prefer``: see :meth:`~ltmt.memory.store.Memory.search_batch`).

    A small memory is scanned whole. A large one's index candidates are scored from its
    sources: read one by one at first, then, once the searches have read as many of them as the
    memory holds, packed whole and kept (:meth:`.scratch.SearchScratch.pack_now`; by a
    :class:`~ltmt.memory.store.Memory`, on a thread of its own, :mod:`.packing`, unless the
    texts left in ``texts`` would read as many sources one by one: then here, as it pays).
    ``generation``: the user's count in ``scratch.generations`` read before ``txn`` began; the
    tables this reads are kept for later searches only while it is current (None: always)."""
    found = _snapshot(txn, vault, settings, user, generation)
    if found is None:
        return [[] for _ in texts]
    snapshot, row = found
    info, cipher = snapshot.info, snapshot.cipher
    lens, table, sigs = _kept(snapshot, row, scratch, settings)
    packed: SourceCodes | None = None
    fetched = FetchedSources(txn, info.uid, cipher, snapshot.casefold)
    limit = max(settings.candidates, k)
    results: list[list[Match]] = []
    try:
        for number, text in enumerate(texts):
            query = normalize(text, case_sensitive=settings.case_sensitive)
            if not query:
                results.append([])
                continue
            wanted = prefer[number] if prefer is not None else None
            n_best = k if wanted is None else limit
            if table is not None:
                ranked = sources.scan(query, table, lens, n_best)
            else:
                if packed is None:
                    # the rest of a large batch would read as many one by one: pack here, not on
                    # a thread beside it (the ski-rental rule again, within the batch)
                    per_text = fetched.read / number if number else limit
                    here = (len(texts) - number) * per_text >= info.count
                    if scratch.pack_now(user, info.count, fetched.read, here=here):
                        packed = snapshot.kept(scratch.codes)
                codes = packed or fetched
                ranked = _ranked(snapshot, settings, lens, sigs, codes, query, k, n_best)
            if wanted is not None:  # the k best, and those tied with the k-th
                ranked = [r for r in ranked if r[1] >= ranked[min(k, len(ranked)) - 1][1]]
            matches = []
            for seg_id, score in ranked:
                segment = rows.read_segment(txn, user, info.uid, cipher, seg_id)
                # pragma: no cover - the index named a segment the snapshot lacks
                if segment is None:
                    raise StoreError(
                        f"segment {seg_id} of {user!r} is missing; run ltmt memory check"
                    )
                matches.append(Match(segment=segment, score=score))
            if wanted is not None:
                matches.sort(key=lambda m: (-m.score, -_shared(m.segment.metadata, wanted)))
            results.append(matches[:k])
    finally:
        scratch.fetched(user, fetched.read)
    return results


def _ranked(
    snapshot: _Snapshot,
    settings: SearchSettings,
    lens: np.ndarray,
    sigs: np.ndarray | None,
    codes: SourceCodes | FetchedSources,
    query: str,
    k: int,
    n_best: int,
) -> list[tuple[int, float]]:
    """The ``n_best`` ``(id, score)`` of the index's candidates for normalised ``query`` (``k``:
    the matches asked for)."""
    info = snapshot.info
    index_text = query.casefold() if settings.case_sensitive else query
    ids, lacking = index.candidates(
        snapshot.txn,
        info.uid,
        lens,
        index_text,
        # a long query gets fewer, as it reads fewer postings: each costs more to score
        max(k, index.query_budget(max(settings.candidates, k), len(index_text))),
        sigs=sigs,
        recount=settings.recount,
        cipher=snapshot.cipher,
    )
    if isinstance(codes, SourceCodes) and ids.size and int(ids.max()) >= codes.end:
        raise StoreError(
            f"the memory index of {snapshot.user!r} names a segment it lacks; run ltmt memory check"
        )
    # the index reads case-folded text: its bounds hold for case-folded scores only; they count
    # a stored source's invisible characters, which its score does not (ltmt.text), so such a
    # source (rare) past the first batch may be bounded a few characters short
    bounds = None if settings.case_sensitive else score_bound(len(query), lens[ids], lacking)
    return exact_best(query, ids, bounds, codes, n_best)


def _shared(metadata: Mapping[str, Any], wanted: Mapping[str, Any]) -> int:
    """How much of ``wanted`` ``metadata`` shares: 4 for the same context (one key's spellings
    alike: :func:`~ltmt.formats.key_contexts.same_context`), else 2 for the same Qt
    disambiguation comment in another class (:func:`~ltmt.formats.disambiguations.same_sense`),
    1 per other key."""
    context, wanted_context = context_of(metadata), context_of(wanted)
    same = same_context(context, wanted_context)
    score = 4 if same else 2 * same_sense(context, wanted_context)
    return score + sum(
        metadata.get(key) == value for key, value in wanted.items() if key != "context"
    )
