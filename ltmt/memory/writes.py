"""Write transactions of the store: add a batch of pairs, delete a segment, delete a user.

Each function takes an open write transaction and reads everything it needs through it, so
:func:`ltmt.memory.env.write` can rerun it after growing a full map.
"""

from __future__ import annotations

import gc
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import lmdb
import numpy as np

from ltmt.errors import InputError, StoreError
from ltmt.formats.common import same_language
from ltmt.formats.tmx_metadata import approved_again, dated_as, newest_date
from ltmt.memory import postings
from ltmt.memory.approvals import Approvals, later_of_source
from ltmt.memory.clean import CleanPair
from ltmt.memory.crypto import PlainCipher, Vault
from ltmt.memory.dated import Newer, StoredDates
from ltmt.memory.layout import (
    GLOSS,
    NEXT_UID_KEY,
    NORM,
    OTHER_ORIGINS,
    PAIR,
    PER_USER_TABLES,
    SEG,
    Buffer,
    UserInfo,
    context_of,
    decode_record,
    encode_record,
    encode_record_utf8,
    other_origins,
    pair_key,
    pair_key_utf8,
    read_u32,
    seg_id_of,
    seg_key,
    u32,
    user_key,
    with_other_origins,
)
from ltmt.memory.origins import SharedCounts, is_of_origin
from ltmt.memory.rows import encode_user, keys_under, stored_uid, user_info
from ltmt.memory.sources import READ_CHUNK, FetchedSources, stored_source_chunks
from ltmt.memory.write_fences import count_erasure
from ltmt.text import fold_space
from ltmt.workers import limit_malloc_arenas

MAX_ID = 2**32 - 2  # segment ids are u32 and one more must fit in a key range
# Pairs indexed together: bigger batches rewrite each term's postings head fewer times.
IMPORT_BATCH = 131_072


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (an import of many pairs): the millions of
    tuples it makes are not cycles, and the collections they would set off scan every live
    object again and again. One collection first, so that garbage left by the caller (a file
    reader's objects may hold cycles) is not kept through the block. The collector is left as
    it was found: a caller that had it off keeps it off (and gets no collection)."""
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _required(value: Buffer | None, key: bytes) -> Buffer:
    if value is None:
        raise StoreError(f"the memory store lacks key {key!r}; it is damaged")
    return value


def new_user(txn: lmdb.Transaction, vault: Vault, now: float) -> tuple[UserInfo, PlainCipher]:
    """A fresh uid's row and cipher (the caller stores the row under the user's key)."""
    raw = _required(txn.get(NEXT_UID_KEY), NEXT_UID_KEY)
    try:
        uid = int(bytes(raw))
    except ValueError:
        raise StoreError(f"the memory store's {NEXT_UID_KEY!r} entry is damaged") from None
    txn.put(NEXT_UID_KEY, str(uid + 1).encode())
    info = UserInfo(uid=uid, created=now, updated=now, shared={}, own_shared={})
    return info, vault.new_user(uid)


@dataclass(frozen=True)
class Added:
    """What :func:`add_pairs` stored: each pair's segment id (a duplicate's is the stored
    copy's), compact for an import of millions, and how many of the pairs were new;
    ``refreshed`` maps the old id of each stored pair the write made the newest translation of
    its source to its new id (:func:`add_pairs`); ``older``: how many pairs were older than
    the stored translation of their source, ``kept`` of which moved after them to stay the
    newest (in ``refreshed`` too: :mod:`ltmt.memory.dated`)."""

    ids: array[int]  # one per pair, in order ("L": unsigned, at least 32 bits)
    added: int
    refreshed: Mapping[int, int] = field(default_factory=dict)
    older: int = 0
    kept: int = 0

    @property
    def duplicates(self) -> int:
        return len(self.ids) - self.added


class _Row(NamedTuple):
    """A pair of a batch, as :func:`_keyed_rows` reads it."""

    key: bytes  # the dedup key (:func:`ltmt.memory.layout.pair_key_utf8`)
    source: bytes  # UTF-8
    target: bytes  # UTF-8
    metadata: Mapping[str, Any]
    folded: str  # the source in :func:`ltmt.text.fold_space` form
    stored: int | None  # the id it is stored under from before this write (None: not stored)
    origin: str  # the import (a file of a folder) it is written by

    @property
    def text(self) -> str:
        """The pair's index text: its folded source, case-folded."""
        return self.folded.casefold()


class _NewRow(NamedTuple):
    """A pair of a batch given a new id, to store (:func:`add_pairs`)."""

    key: bytes
    source: bytes
    target: bytes
    metadata: Mapping[str, Any]
    folded: str
    id_utf8: bytes  # the new id as its key part (:func:`ltmt.memory.layout.u32`)
    origin: bytes  # UTF-8


def add_pairs(
    txn: lmdb.Transaction,
    vault: Vault,
    user: str,
    pairs: Sequence[CleanPair],
    *,
    origin: str,
    now: float,
    progress: Callable[[int], None] | None = None,
    languages: tuple[str, str] | None = None,
    origins: Sequence[str] | None = None,
) -> Added:
    """Store ``pairs`` for ``user``; returns each pair's segment id and how many were new.
    ``origins``: each pair's own origin (a folder import's files), in place of ``origin``.

    A search reuses the newest (highest id) of a source's translations, so adding a pair is
    approving it: a pair stored already is *refreshed*, stored again under a new id with its
    metadata updated by the new (:func:`_refresh`) and the write's origin as its origin (the
    one it had is kept among its others: :func:`_taken_over`), where the store's order of the
    source's translations is not yet that of ``pairs`` (the last of them the newest): which
    ones move is :mod:`ltmt.memory.approvals`; a stored pair that keeps its id records the
    write's origin among its others (:func:`_held_also_by`). Re-importing a file renumbers
    nothing, one with two translations of a source too, and so does re-importing a folder
    whose files translate a source differently (one write: the approvals are the whole
    import's); a pair repeated within ``pairs`` counts at its first place, and is held by each
    origin it is written by. A pair dated before the stored translation of its source does not
    displace it (:mod:`ltmt.memory.dated`).

    Per batch: the new pairs get their ids first; a worker thread then works out their index
    entries while this one stores their segments and reads the next batch (:func:`_indexing`).
    ``languages`` (source, target): the pair the caller says ``pairs`` are in; the user's
    first such pair is kept, and pairs in another are an InputError before anything is stored
    (:func:`check_languages`).
    """
    existing_user = user_info(txn, vault, user)
    info, cipher = existing_user or new_user(txn, vault, now)
    check_languages(user, info, languages)
    noted = languages is not None and info.languages is None
    if noted:
        info = replace(info, languages=languages)
    uid, next_id = info.uid, info.next_id
    pair_prefix, seg_prefix, norm_prefix = PAIR + u32(uid), SEG + u32(uid), NORM + u32(uid)
    seen: dict[bytes, int] = {}
    ids_of_pairs = array("L")
    refreshed: dict[int, int] = {}
    held = Counter(info.origins)  # segments per own origin
    shared = SharedCounts.of(info)
    later = (
        later_of_source((source for source, _, _ in pairs), len(pairs))
        if existing_user
        else np.zeros(0, dtype=bool)  # asked of stored pairs only: a new user has none
    )
    approvals = Approvals[_Row](next_id, later)
    dates = StoredDates[_Row]()
    with _indexing(txn, uid, cipher) as index:

        def renumber(
            row: _Row,
            new: list[_NewRow],
            taken: tuple[str, Mapping[str, Any]] | None = None,
            *,
            approving: bool = True,
        ) -> int:
            """Give ``row``'s pair the next id (taking its stored segment out first, unless
            ``taken`` out already: its origin and metadata, :func:`_take_out`); ``approving``:
            a pair of the write (not a stored translation kept the newest after its older
            ones), approved again where it was stored (:func:`approved_again`)."""
            nonlocal next_id
            metadata = row.metadata
            if row.stored is not None:
                if taken is None:
                    gone_origin, metadata = _refresh(txn, uid, cipher, row.stored, metadata)
                else:
                    gone_origin, metadata = taken[0], {**taken[1], **metadata}
                if approving:
                    metadata = approved_again(metadata, row.metadata, now)
                before = other_origins(metadata)
                metadata = _taken_over(metadata, gone_origin, row.origin)
                shared.shift((gone_origin, before), (row.origin, other_origins(metadata)))
                refreshed[row.stored] = next_id
                held.subtract([gone_origin])
            held[row.origin] += 1
            approvals.renumbered(row.text)
            seen[row.key] = next_id
            new.append(
                _NewRow(
                    row.key,
                    row.source,
                    row.target,
                    metadata,
                    row.folded,
                    u32(next_id),
                    row.origin.encode("utf-8"),
                )
            )
            next_id += 1
            return next_id - 1

        def store(new: list[_NewRow]) -> None:
            """Index and store the pairs given new ids."""
            ids = np.arange(next_id - len(new), next_id, dtype=np.int64)
            index.add(ids, [row.folded.casefold() for row in new])
            seg_items, norm_items, pair_items = [], [], []
            for row in new:
                seg, norm = seg_prefix + row.id_utf8, norm_prefix + row.id_utf8
                record = encode_record_utf8(row.source, row.target, now, row.origin, row.metadata)
                seg_items.append((seg, cipher.seal(record, seg)))
                norm_items.append((norm, cipher.seal(row.folded.encode("utf-8"), norm)))
                pair_items.append((row.key, row.id_utf8))
            cursor = txn.cursor()
            cursor.putmulti(seg_items)
            cursor.putmulti(norm_items)
            cursor.putmulti(pair_items)

        for position in range(0, len(pairs), IMPORT_BATCH):
            end = position + IMPORT_BATCH
            batch = pairs[position:end]
            of_batch = [origin] * len(batch) if origins is None else origins[position:end]
            rows = _keyed_rows(
                txn, pair_prefix, cipher, batch, of_batch, seen, existing_user is not None
            )
            if any(row.stored is not None for row in rows):
                index.flush()  # the lookup reads postings: this write's own must be there
            newest = _newest_translations(txn, uid, cipher, rows, next_id)
            dated = dates.unknown(row.text for row in rows if dated_as(row.metadata))
            if dated and existing_user:
                if position:
                    index.flush()  # a text this write gave an id is not compared
                _look_up_newer(txn, uid, cipher, dated, approvals.first_new_id, dates)
            # first the new pairs and their ids, so the worker can index them while this
            # thread stores them
            new: list[_NewRow] = []
            repeated: list[tuple[int, str]] = []  # (id, origin): recorded once stored
            for offset, row in enumerate(rows):
                stored, text = row.stored, row.text
                older = row.key not in seen and dates.outdated(
                    text, dated_as(row.metadata), context_of(row.metadata), stored
                )
                moving = None if older or row.key in seen else dates.before(text)
                if moving is not None:  # the stored translation, after the write's older
                    renumber(moving, new, approving=False)
                    if text in newest:
                        newest[text] = next_id - 1
                if row.key in seen:
                    ids_of_pairs.append(seen[row.key])
                    repeated.append((seen[row.key], row.origin))
                    continue
                if older and stored is not None:  # an alternative already: it stays one
                    seen[row.key] = stored
                    ids_of_pairs.append(stored)
                    _held_also_by(txn, uid, cipher, stored, row.origin, shared)
                    continue
                if older:
                    ids_of_pairs.append(renumber(row, new))
                    dates.hold(text)
                    if text in newest:
                        newest[text] = next_id - 1
                    continue
                newest_id = newest.get(text, stored or 0)
                if stored is not None and approvals.keeps(
                    row, text, stored, newest_id, position + offset
                ):
                    seen[row.key] = stored
                    ids_of_pairs.append(stored)
                    _held_also_by(txn, uid, cipher, stored, row.origin, shared)
                    continue
                ids_of_pairs.append(renumber(row, new))
                if text in newest:
                    newest[text] = next_id - 1
            store(new)
            for seg_id, also in repeated:
                _held_also_by(txn, uid, cipher, seg_id, also, shared)
            if progress is not None:
                progress(len(batch))
        late: list[_NewRow] = []
        moved = {row.stored: renumber(row, late) for row in approvals.left()}
        kept_newer = dates.left()
        taken = _take_out(txn, uid, cipher, [row.stored for row in kept_newer if row.stored])
        for row in kept_newer:
            renumber(row, late, taken[row.stored] if row.stored else None, approving=False)
        store(late)
    for position, seg_id in enumerate(ids_of_pairs if moved else ()):
        ids_of_pairs[position] = moved.get(seg_id, seg_id)
    if next_id >= MAX_ID:
        raise StoreError(f"user {user!r} has used up its segment ids; export and re-import it")
    added = next_id - info.next_id - len(refreshed)
    if added or refreshed:
        kept = {name: count for name, count in held.items() if count > 0}
        info = replace(info, next_id=next_id, count=info.count + added, updated=now, origins=kept)
    counted = shared.into(info)
    reshared = (counted.shared, counted.own_shared) != (info.shared, info.own_shared)
    info = counted
    if added or refreshed or noted or reshared:
        txn.put(user_key(user), encode_user(info, cipher, user))
    return Added(ids_of_pairs, added, refreshed, older=dates.older, kept=dates.kept)


def _keyed_rows(
    txn: lmdb.Transaction,
    pair_prefix: bytes,
    cipher: PlainCipher,
    batch: Sequence[CleanPair],
    origins: Sequence[str],
    seen: Mapping[bytes, int],
    stored_before: bool,
) -> list[_Row]:
    """The ``batch``'s pairs with their dedup keys and ``origins`` (one each), and the ids of
    those stored before this write (looked up unless the user is new, ``stored_before`` False,
    or the write stored the pair already: ``seen``)."""
    rows: list[_Row] = []
    for (source, target, metadata), origin in zip(batch, origins, strict=True):
        src, tgt = source.encode("utf-8"), target.encode("utf-8")
        context = context_of(metadata).encode("utf-8")
        key = pair_key_utf8(pair_prefix, src, tgt, cipher.digest, context)
        stored = None
        if stored_before and key not in seen:
            raw = txn.get(key)
            stored = read_u32(raw) if raw is not None else None
        if OTHER_ORIGINS in metadata:  # the store's bookkeeping is not a file's to give
            metadata = with_other_origins(metadata, ())
        rows.append(_Row(key, src, tgt, metadata, fold_space(source), stored, origin))
    return rows


def _look_up_newer(
    txn: lmdb.Transaction,
    uid: int,
    cipher: PlainCipher,
    texts: set[str],
    end: int,
    dates: StoredDates[_Row],
) -> None:
    """Note in ``dates`` the newest stored translation of each index text of ``texts`` below
    ``end`` (the write's first id: one the write gave is its own to order), its date and
    context read from its record, and the row that moves it (:mod:`ltmt.memory.dated`)."""
    pair_prefix = PAIR + u32(uid)
    newest = _newest_of_texts(txn, uid, cipher, texts, 1, end)
    for text in texts:
        seg_id = newest.get(text, 0)
        if not 0 < seg_id < end:
            dates.note(text, None)
            continue
        key = seg_key(uid, seg_id)
        source, target, created, own, metadata = decode_record(
            cipher.open(_required(txn.get(key), key), key)
        )
        context = context_of(metadata)
        src, tgt = source.encode("utf-8"), target.encode("utf-8")
        row = _Row(
            pair_key_utf8(pair_prefix, src, tgt, cipher.digest, context.encode("utf-8")),
            src,
            tgt,
            {},  # its record's metadata is kept as it is (:func:`_refresh`)
            fold_space(source),
            seg_id,
            own,  # it keeps its origin
        )
        dates.note(text, Newer(seg_id, newest_date(metadata, created), context, row))


def _newest_translations(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, rows: Sequence[_Row], end: int
) -> dict[str, int]:
    """For each index text (case-folded source) of the ``rows`` stored already, the highest id
    of a segment of that text above the lowest of their ids: a stored pair with a higher one
    is not the translation a search reuses. ``end``: the user's next id (none when no pair is
    stored: an import of new pairs reads nothing more).

    Only the sources of the texts' candidates in the index are read (:func:`_candidates`),
    unless finding them would cost more than reading every source from that lowest id on (a
    large re-import): re-adding one stored pair then reads a few sources, not the memory."""
    stored = [(row.text, row.stored) for row in rows if row.stored is not None]
    if not stored:
        return {}
    wanted = {text for text, _ in stored}
    first = min(seg_id for _, seg_id in stored) + 1
    newest = _newest_of_texts(txn, uid, cipher, wanted, first, end)
    return {text: newest.get(text, 0) for text in wanted}


def _newest_of_texts(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, wanted: set[str], first: int, end: int
) -> dict[str, int]:
    """Per index text of ``wanted``, the highest id from ``first`` on of a segment of that text
    (none: left out); ``end``: the user's next id. Read from the texts' candidates in the index,
    or from every source from ``first`` on where that costs less (:func:`_candidates`)."""
    found = _candidates(txn, uid, cipher, wanted, first, budget=end - first)
    if found is None:
        return _newest_by_scan(txn, uid, cipher, wanted, first)
    return _newest_of_candidates(txn, uid, cipher, found)


def _newest_of_candidates(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, found: Mapping[str, np.ndarray]
) -> dict[str, int]:
    """Per index text of ``found``, the highest of its candidate ids whose source is that text
    (none: left out)."""
    newest: dict[str, int] = {}
    sources = FetchedSources(txn, uid, cipher, casefold=True)
    for text, ids in found.items():
        for seg_id, source in zip(ids.tolist(), sources.texts(ids), strict=True):
            if source == text:
                newest[text] = seg_id  # ids ascend: the last is the highest
    return newest


def _newest_by_scan(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, wanted: set[str], first: int
) -> dict[str, int]:
    """Per index text of ``wanted``, the highest id from ``first`` on of a segment of that text
    (none: left out), read from every source from ``first`` on."""
    newest: dict[str, int] = {}
    for ids, values in stored_source_chunks(txn, uid, first, cipher, READ_CHUNK):
        for seg_id, value in zip(ids.tolist(), values, strict=True):
            text = value.decode("utf-8").casefold()
            if text in wanted:
                newest[text] = seg_id  # ids ascend: the last is the highest
    return newest


def _candidates(
    txn: lmdb.Transaction,
    uid: int,
    cipher: PlainCipher,
    texts: set[str],
    first: int,
    *,
    budget: int,
) -> dict[str, np.ndarray] | None:
    """Per index text of ``texts``, the ids from ``first`` on of the segments holding its two
    rarest terms, ascending: a segment of that text holds every one of its terms (the index is
    exact: a deleted segment's id is out of its postings, and the postings written earlier in
    ``txn`` are read through it). None once the head entries and postings read pass ``budget``
    (reading the sources from ``first`` on is then cheaper), or before reading anything when
    the texts have more characters than ``budget`` (about a head entry each: a re-import)."""
    if sum(map(len, texts)) > budget:
        return None
    cursor = txn.cursor()
    found: dict[str, np.ndarray] = {}
    cost = 0
    for text in texts:
        keys = postings.head_keys(uid, postings.query_terms(text, cipher))
        heads = sorted(
            ((*postings.parse_head(txn.get(key)), key) for key in keys), key=lambda h: h[0]
        )
        cost += len(heads) + sum(df for df, _, _ in heads[:2])
        if cost > budget:
            return None
        ids = np.zeros(0, dtype=np.int64)  # a term no segment holds: no segment of the text
        if heads[0][0]:
            lists = [_posting_list(cursor, key, df, tail) for df, tail, key in heads[:2]]
            ids = lists[0]
            if len(lists) == 2:
                ids = np.intersect1d(ids, lists[1], assume_unique=True)
        found[text] = ids[ids >= first]
    return found


def _posting_list(cursor: lmdb.Cursor, key: bytes, df: int, tail: np.ndarray) -> np.ndarray:
    """The ids of the term whose head is ``key`` (``df`` of them, the newest ``tail``), ascending
    (``(df,)`` int64)."""
    parts = [tail]
    if df > tail.size and cursor.set_key(key):
        parts = postings.read_postings(cursor, key, tail)
    return np.concatenate(parts).astype(np.int64)


def _refresh(
    txn: lmdb.Transaction,
    uid: int,
    cipher: PlainCipher,
    seg_id: int,
    metadata: Mapping[str, Any],
) -> tuple[str, Mapping[str, Any]]:
    """Take stored segment ``seg_id`` out of the store, so that its pair is stored anew under
    the next id (in the same transaction: a crash leaves it where it was); its origin, and its
    metadata updated by ``metadata`` (an approval keeps a TMX unit's props or a PO note)."""
    removed = _unstore(txn, uid, cipher, seg_id)
    if removed is None:
        key = seg_key(uid, seg_id)
        raise StoreError(f"the memory store lacks key {key!r}, which its dedup entry names")
    gone_origin, stored_metadata = removed
    return gone_origin, {**stored_metadata, **metadata}


def _take_out(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, seg_ids: Sequence[int]
) -> dict[int, tuple[str, dict[str, Any]]]:
    """Take the stored segments ``seg_ids`` out of the store at once (their postings in one
    pass: one by one, 5,000 moved pairs took 100 s), to store them anew (:func:`_refresh`);
    each one's origin and metadata."""
    held: list[tuple[int, Record]] = []
    for seg_id in seg_ids:
        key = seg_key(uid, seg_id)
        held.append((seg_id, decode_record(cipher.open(_required(txn.get(key), key), key))))
    _unstore_records(txn, uid, cipher, held)
    return {seg_id: (record[3], record[4]) for seg_id, record in held}


def _taken_over(metadata: Mapping[str, Any], gone_origin: str, origin: str) -> dict[str, Any]:
    """The ``metadata`` of a pair that ``origin`` re-approved from ``gone_origin`` (the origin
    of its stored record): ``gone_origin`` joins its other origins, the latest last, so that
    deleting ``origin`` leaves the pair (:func:`delete_origin`)."""
    others = [name for name in other_origins(metadata) if name not in (gone_origin, origin)]
    if gone_origin != origin:
        others.append(gone_origin)
    return with_other_origins(metadata, others)


def _held_also_by(
    txn: lmdb.Transaction,
    uid: int,
    cipher: PlainCipher,
    seg_id: int,
    origin: str,
    shared: SharedCounts,
) -> None:
    """Record ``origin`` among the origins of stored segment ``seg_id`` (a write of its pair
    that keeps its id), unless it is one of them already: deleting its own origin leaves it;
    ``shared`` counts it."""
    key = seg_key(uid, seg_id)
    source, target, created, own, metadata = decode_record(
        cipher.open(_required(txn.get(key), key), key)
    )
    others = other_origins(metadata)
    if origin != own and origin not in others:
        metadata = with_other_origins(metadata, [*others, origin])
        txn.put(key, cipher.seal(encode_record(source, target, created, own, metadata), key))
        shared.shift((own, others), (own, other_origins(metadata)))


def _positive(counts: Counter[str]) -> dict[str, int]:
    return {name: count for name, count in counts.items() if count > 0}


def check_languages(user: str, info: UserInfo, languages: tuple[str, str] | None) -> None:
    """InputError when ``languages`` (the pairs' source and target) are not the pair ``user``'s
    memory holds (``info.languages``, its first import's): a memory is of one language pair
    (a French→German TMX imported into an English→German memory was exported as English)."""
    if languages is None or info.languages is None:
        return
    # a memory's pair is of languages, not of their regions (de-AT) or code lengths (deu)
    if all(map(same_language, languages, info.languages)):
        return
    held, given = (" → ".join(pair) for pair in (info.languages, languages))
    raise InputError(
        f"{user}'s memory holds {held} pairs; these are {given}: import them into another "
        "user (a memory holds one language pair), or check the languages given"
    )


class _Indexer:
    """Indexes batches of new segments: their entries are computed in a worker thread (numpy,
    which releases the GIL), and each batch's are written in this thread (LMDB write
    transactions belong to their thread) while the worker computes the next batch's
    (:func:`_indexing`)."""

    def __init__(
        self, txn: lmdb.Transaction, uid: int, cipher: PlainCipher, worker: ThreadPoolExecutor
    ) -> None:
        self._txn, self._uid, self._cipher, self._worker = txn, uid, cipher, worker
        self._pending: list[Future[postings.IndexRows]] = []

    def add(self, ids: np.ndarray, texts: list[str]) -> None:
        """Index the new segments ``ids`` with index ``texts`` (written later: :meth:`flush`)."""
        if texts:
            self._pending.append(self._worker.submit(postings.index_rows, ids, texts, self._cipher))
            self._write_pending(keep=1)  # the earlier batch's, while the worker does this one

    def flush(self) -> None:
        """Write every batch added so far, so that reads of postings in the transaction see
        them (:func:`_newest_translations`)."""
        self._write_pending(keep=0)

    def _write_pending(self, keep: int) -> None:
        while len(self._pending) > keep:
            rows = self._pending.pop(0).result()
            postings.write_index_rows(self._txn, self._uid, rows, self._cipher)


@contextmanager
def _indexing(txn: lmdb.Transaction, uid: int, cipher: PlainCipher) -> Iterator[_Indexer]:
    """An :class:`_Indexer` of new segments, whose batches are all written on leaving the block.
    An error leaves nothing pending: the transaction aborts. (Not
    :func:`ltmt.workers.ordered_map`: it keeps up to two batches per worker in flight, and runs
    a single worker inline.)"""
    # one malloc arena: the worker's arrays may then reuse what the caller freed (a file
    # reader's tree), where an arena of its own would add to the peak
    limit_malloc_arenas()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ltmt-index") as worker:
        indexer = _Indexer(txn, uid, cipher, worker)
        yield indexer
        indexer.flush()


def delete_segment(txn: lmdb.Transaction, vault: Vault, user: str, seg_id: int) -> bool:
    """Remove one segment and every trace of it (record, dedup entry, postings); False if absent."""
    found = user_info(txn, vault, user)
    if found is None or not 0 < seg_id < 2**32:
        return False
    info, cipher = found
    removed = _unstore(txn, info.uid, cipher, seg_id)
    if removed is None:
        return False
    origin, metadata = removed
    origins = dict(info.origins)
    if origins.get(origin, 0) > 1:
        origins[origin] -= 1
    else:
        origins.pop(origin, None)
    shared = SharedCounts.of(info)
    shared.shift((origin, other_origins(metadata)), None)
    info = shared.into(replace(info, count=info.count - 1, updated=time.time(), origins=origins))
    txn.put(user_key(user), encode_user(info, cipher, user))
    return True


@dataclass(frozen=True)
class OriginShare:
    """The segments of a user that an origin holds (:func:`origin_share`): ``alone``, held by
    it alone, which undoing it deletes, and ``shared``, which other origins hold too and keep
    (undoing it only takes it off them); ``origin``, the origin counted, as the store names it
    (:meth:`~ltmt.memory.store.Memory.named_origin`), which is no part of the counts compared."""

    alone: int
    shared: int
    origin: str = field(default="", compare=False)


def delete_origin(
    txn: lmdb.Transaction, vault: Vault, user: str, origin: str
) -> tuple[list[int], OriginShare] | None:
    """Undo the imports of ``origin`` for ``user`` (and of the files under it, for a folder's:
    :func:`is_of_origin`): remove every segment held by them alone (with every trace of it, as
    :func:`delete_segment` does), take them off the others (a pair another import or the user
    stored as well stays, its latest other origin its own), and update the user's row once;
    the ids it removed, and what it did as :func:`origin_share` tells it (one read of the
    user's segments, and the removed ones' traces written at once: :func:`_unstore_records`),
    None when no segment of ``user`` is held by ``origin`` (an unknown user or origin).

    A pair that ``origin`` re-approved keeps the id it moved to (ids are never reused), so it
    stays the newest translation of its source where it was."""
    found = _held_by_origin(txn, vault, user, origin)
    if found is None:
        return None
    info, cipher, held = found
    counts, shared = Counter(info.origins), SharedCounts.of(info)
    removed: list[tuple[int, Record]] = []
    for seg_id, record in held:
        source, target, created, own, metadata = record
        counts.subtract([own])
        shared.shift((own, other_origins(metadata)), None)
        if _held_alone_by(record, origin):
            removed.append((seg_id, record))
            continue
        others = _others_than(metadata, origin)
        if is_of_origin(own, origin):
            own = others.pop()
        counts[own] += 1
        shared.shift(None, (own, others))
        key = seg_key(info.uid, seg_id)
        metadata = with_other_origins(metadata, others)
        txn.put(key, cipher.seal(encode_record(source, target, created, own, metadata), key))
    _unstore_records(txn, info.uid, cipher, removed)
    info = shared.into(
        replace(
            info,
            count=info.count - len(removed),
            updated=time.time(),
            origins=_positive(counts),
        )
    )
    txn.put(user_key(user), encode_user(info, cipher, user))
    share = OriginShare(alone=len(removed), shared=len(held) - len(removed), origin=origin)
    return [seg_id for seg_id, _ in removed], share


def origin_share(txn: lmdb.Transaction, vault: Vault, user: str, origin: str) -> OriginShare | None:
    """What :func:`delete_origin` of ``origin`` would do to ``user``'s segments, told before
    it is done; None when no segment of ``user`` is held by ``origin`` (an unknown user or
    origin)."""
    found = _held_by_origin(txn, vault, user, origin)
    if found is None:
        return None
    held = found[2]
    alone = sum(_held_alone_by(record, origin) for _, record in held)
    return OriginShare(alone=alone, shared=len(held) - alone, origin=origin)


Record = tuple[str, str, float, str, dict[str, Any]]  # :func:`decode_record`'s


def _others_than(metadata: Mapping[str, Any], origin: str) -> list[str]:
    """The other origins of a pair (``metadata``'s) that are not ``origin`` or under it."""
    return [name for name in other_origins(metadata) if not is_of_origin(name, origin)]


def _held_alone_by(record: Record, origin: str) -> bool:
    """Whether the pair of ``record`` is held by ``origin`` (or the files under it) alone:
    its own origin is, and none of its others is another."""
    return is_of_origin(record[3], origin) and not _others_than(record[4], origin)


def _held_by_origin(
    txn: lmdb.Transaction, vault: Vault, user: str, origin: str
) -> tuple[UserInfo, PlainCipher, list[tuple[int, Record]]] | None:
    """``user``'s row, cipher and the records ``origin`` holds (:func:`_records_of_origin`);
    None when no segment of ``user`` is held by ``origin`` (an unknown user or origin)."""
    found = user_info(txn, vault, user)
    if found is None:
        return None
    info, cipher = found
    held = _records_of_origin(txn, info.uid, cipher, origin)
    return (info, cipher, held) if held else None


def _records_of_origin(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, origin: str
) -> list[tuple[int, Record]]:
    """The ids and records of user ``uid``'s segments that ``origin`` holds (their own origin
    or one of their others, :func:`is_of_origin`), ascending (read before any is changed: a
    cursor does not walk a table it writes to)."""
    found: list[tuple[int, Record]] = []
    for key, raw in keys_under(txn, seg_key(uid, 0)[:5]):
        record = decode_record(cipher.open(raw, key))
        names = (record[3], *other_origins(record[4]))
        if any(is_of_origin(name, origin) for name in names):
            found.append((seg_id_of(key), record))
    return found


def _unstore(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, seg_id: int
) -> tuple[str, dict[str, Any]] | None:
    """Remove segment ``seg_id`` of user ``uid``: its record, source, dedup entry and postings
    (the user's row is the caller's to update); its origin and metadata, or None if absent."""
    skey = seg_key(uid, seg_id)
    raw = txn.get(skey)
    if raw is None:
        return None
    record = decode_record(cipher.open(raw, skey))
    _unstore_records(txn, uid, cipher, [(seg_id, record)])
    return record[3], record[4]


def _unstore_records(
    txn: lmdb.Transaction, uid: int, cipher: PlainCipher, held: Sequence[tuple[int, Record]]
) -> None:
    """Remove the stored segments ``held`` (id, record) of user ``uid``: records, sources, dedup
    entries, and their postings all at once (:func:`ltmt.memory.postings.remove_postings`)."""
    texts: dict[int, str] = {}
    for seg_id, (source, target, _, _, metadata) in held:
        skey, nkey = seg_key(uid, seg_id), seg_key(uid, seg_id, NORM)
        folded = bytes(cipher.open(_required(txn.get(nkey), nkey), nkey)).decode("utf-8")
        texts[seg_id] = folded.casefold()
        txn.delete(skey)
        txn.delete(nkey)
        txn.delete(pair_key(uid, source, target, cipher.digest, context_of(metadata)))
    postings.remove_postings(txn, uid, texts, cipher)


@dataclass(frozen=True)
class Removed:
    """What :func:`delete_user` removed: the user's ``uid`` (whose data key the caller destroys
    once the transaction commits), and how many ``segments`` and glossary ``terms`` it had."""

    uid: int
    segments: int
    terms: int


def delete_user(txn: lmdb.Transaction, vault: Vault, user: str) -> Removed | None:
    """Remove ``user`` and every key under its uid in every table; None if unknown. The counts
    are of the keys removed, in this transaction: what was there when the delete ran (an
    import that committed while the delete waited for the lock included).

    Every delete, of a known user or not, counts itself in the store's erasures (a user with no
    memory yet may have a write in flight): a write fenced off before it
    (:mod:`ltmt.memory.write_fences`) then stores nothing."""
    count_erasure(txn)
    # an encrypted row is not opened: a user whose key is lost can still be deleted
    uid = stored_uid(txn, vault, user)
    if uid is None:
        return None
    cursor = txn.cursor()
    removed = dict.fromkeys(PER_USER_TABLES, 0)
    for table in PER_USER_TABLES:
        prefix = table + u32(uid)
        if not cursor.set_range(prefix):
            continue
        while bytes(cursor.key()[:5]) == prefix:
            removed[table] += 1
            if not cursor.delete():
                break
    txn.delete(user_key(user))
    return Removed(uid, removed[SEG], removed[GLOSS])
