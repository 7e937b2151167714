"""The candidate index: character n-gram postings kept in the store's own LMDB environment.

Every segment's source is indexed in its case-folded normalised form, padded with one space at
each end (so ``"OK"`` yields `` ok`` and ``ok ``), as ``NGRAM``-character n-grams (trigrams:
4-grams lost short strings, whose best matches often share no 4-gram). An n-gram is hashed to a
32-bit term by :func:`text_terms`, the one mapping from text to terms (a rare collision only
costs a stray candidate). Per (user, term) the store keeps (layout in :mod:`.layout`):

- a *head*: the term's document frequency and its newest ids (the tail, at most ``TAIL_MAX``),
- *chunks*: older ids, keyed by their first id. Every chunk id is below every tail id, so the
  chunks in key order followed by the tail are the term's ascending posting list.

A ``lens`` array per block of ids holds each segment's index-text length (0 once deleted), a
``sigs`` array its term signature: ``SIG_BITS`` bits, bit ``term % SIG_BITS`` set for each of its
terms (all zero once deleted).

A query reads the postings of its terms from the rarest up, terms that do not overlap one
already chosen first (:func:`_choose`), while the postings it reads stay under a budget (the
common n-grams are left out once it is spent), sorts the ids it read and counts per segment
how many of the read terms it holds (the length of its run). From that fraction ``f`` and the
two lengths it estimates the fuzzy score as a Dice coefficient would,
``2·min(f·len_q, len_s) / (len_q + len_s)``. A second pass reads the common terms the first
left out (those whose postings would stay under a budget of its own) without reading their
postings: it tests the ``WIDEN · limit`` best segments' signatures for them
(:func:`_count_more`; a hash collision can only count a term a segment lacks, never miss one it
holds), and estimates those again with all the terms it counted. It hands the
best ``limit`` to :mod:`ltmt.retrieval`, each with how many of the query's terms it lacks (for
the sound score bound that lets the exact rerank skip candidates unread).

In an encrypted store every term passes through the user's ``cipher.terms`` (a keyed
pseudo-random function, see :mod:`.crypto`) before it is stored or looked up, and the lens
blocks are sealed; the plain store's cipher leaves both as they are.

Writes keep the index exact: added segments are searchable as soon as their transaction commits;
a deleted segment's id is taken out of its postings and its length set to 0. An index written
by another ``INDEX_KIND`` is rebuilt from the stored sources when the store opens
(:func:`rebuild`).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence

import lmdb
import numpy as np

from ltmt.errors import StoreError
from ltmt.memory.crypto import PLAIN, PlainCipher
from ltmt.memory.layout import (
    BLOCK_BITS,
    BLOCK_SIZE,
    LENS,
    NGRAM,
    NORM,
    POST,
    SIG_BITS,
    SIG_BYTES,
    SIGS,
    Buffer,
    u32,
)

# A query reads at most about this many postings (and always its MIN_TERMS rarest terms).
POSTINGS_BUDGET = 150_000
# Memories of at most this many ids also get the whole length window of a WINDOW_SCORE match as
# candidates when it fits in the candidate limit (short queries; see _length_window).
WINDOW_SCAN_MAX = 65_536
WINDOW_SCORE = 50
MIN_TERMS = 4
# The first pass hands this many times the candidate limit to the second, which counts the
# common terms the first left out (those of at most RECOUNT_BUDGET postings: by default all of
# them, as it tests signatures and reads no postings) in those segments only.
WIDEN = 8
RECOUNT_BUDGET = 1 << 31
# Newest ids of a term kept in its head; more and they move to a chunk of their own.
TAIL_MAX = 512

_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_DF = struct.Struct("<I")
_HEAD_DTYPE = np.dtype([("tag", "S1"), ("uid", ">u4"), ("term", ">u4")])
_HEAD_LEN = _HEAD_DTYPE.itemsize  # 9 bytes
_CHUNK_LEN = _HEAD_LEN + 4


def _codepoints(texts: Sequence[str]) -> np.ndarray:
    """Code points of the padded texts joined by NUL: ``(sum(max(len, NGRAM - 2) + 3),)`` uint32.

    A text shorter than ``NGRAM - 2`` is padded with spaces so that it still has one n-gram
    (``"X"`` is indexed as `` x  ``): one-character sources are found too.
    """
    joined = " " + " \x00 ".join(text.ljust(NGRAM - 2) for text in texts) + " "
    return np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def text_terms(
    texts: Sequence[str], cipher: PlainCipher = PLAIN
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The index terms of ``texts``: (term uint32, start position, index of its text) per n-gram.

    This is the one mapping from index text to term ids: writes and queries both go through it,
    and an encrypted store's ``cipher.terms`` (a keyed transform) is applied here.
    An n-gram's term is a polynomial over its code points (mod 2**64), mixed by a
    multiplicative hash whose top 32 bits are kept. Positions count code points in the padded
    text, so the terms of one text are in reading order.
    """
    n = NGRAM
    cps = _codepoints(texts)
    if cps.size < n:
        empty = np.empty(0, np.int64)
        return np.empty(0, np.uint32), empty, empty
    c = cps.astype(np.uint64)
    width = cps.size - n + 1
    packed = c[:width].copy()
    valid = cps[:width] != 0
    for j in range(1, n):
        packed = packed * _PRIME + c[j : j + width]
        valid &= cps[j : j + width] != 0
    positions = np.flatnonzero(valid)
    terms = cipher.terms(((packed[positions] * _MIX) >> np.uint64(32)).astype(np.uint32))
    doc = np.cumsum(cps == 0)[positions]  # separators before a position = its text's index
    return terms, positions, doc


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct ``values`` (``np.unique`` hashes first in numpy 2, which is far slower)."""
    return _run_lengths(np.sort(values))[0]


def _run_lengths(ordered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of the sorted array ``ordered`` and how often each occurs (int32)."""
    if not ordered.size:
        return ordered, np.zeros(0, dtype=np.int32)
    starts = np.empty(ordered.size, dtype=bool)
    starts[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    first = np.flatnonzero(starts)
    return ordered[first], np.diff(first, append=ordered.size).astype(np.int32)


def query_terms(text: str, cipher: PlainCipher = PLAIN) -> np.ndarray:
    """The distinct terms of one index text, ``(n_terms,)`` uint32, sorted."""
    return _sorted_unique(text_terms([text], cipher)[0])


def posting_pairs(texts: Sequence[str], ids: np.ndarray, cipher: PlainCipher = PLAIN) -> np.ndarray:
    """Distinct ``term << 32 | id`` of the segments ``ids`` (same order as ``texts``), sorted."""
    terms, _, doc = text_terms(texts, cipher)
    return _pairs(terms, doc, ids)


def _pairs(terms: np.ndarray, doc: np.ndarray, ids: np.ndarray) -> np.ndarray:
    pairs = (terms.astype(np.uint64) << np.uint64(32)) | ids.astype(np.uint64)[doc]
    return _sorted_unique(pairs)


def head_key(uid: int, term: int) -> bytes:
    return POST + u32(uid) + u32(term)


def _parse_head(value: Buffer | None) -> tuple[int, np.ndarray]:
    """(document frequency, tail ids) of a head value."""
    if value is None:
        return 0, np.zeros(0, dtype="<u4")
    return _DF.unpack_from(value)[0], np.frombuffer(value, dtype="<u4", offset=4)


def add_postings(
    txn: lmdb.Transaction,
    uid: int,
    ids: np.ndarray,
    texts: Sequence[str],
    cipher: PlainCipher = PLAIN,
) -> None:
    """Index segments ``ids`` (ascending, above every id indexed so far) with index ``texts``."""
    if not len(texts):
        return
    all_terms, _, doc = text_terms(texts, cipher)
    pairs = _pairs(all_terms, doc, ids)
    terms = (pairs >> np.uint64(32)).astype(np.uint32)
    seg_ids = (pairs & np.uint64(0xFFFFFFFF)).astype("<u4")
    starts = np.concatenate(([0], np.flatnonzero(np.diff(terms)) + 1))
    ends = np.append(starts[1:], len(pairs))
    heads = np.empty(len(starts), _HEAD_DTYPE)
    heads["tag"], heads["uid"], heads["term"] = POST, uid, terms[starts]
    head_bytes, id_bytes = heads.tobytes(), seg_ids.tobytes()
    items = []
    for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        key = head_bytes[i * _HEAD_LEN : (i + 1) * _HEAD_LEN]
        old = txn.get(key)
        if old is None:
            df, tail = 0, b""
        else:
            df, tail = _DF.unpack_from(old)[0], bytes(old[4:])
        tail += id_bytes[start * 4 : end * 4]
        if len(tail) // 4 > TAIL_MAX:  # the tail becomes a chunk, keyed by its first id
            items.append((key + u32(int.from_bytes(tail[:4], "little")), tail))
            tail = b""
        items.append((key, _DF.pack(df + end - start) + tail))
    txn.cursor().putmulti(items)
    lengths = np.minimum([len(t) for t in texts], 0xFFFF).astype("<u2")
    _put_rows(txn, LENS, uid, ids, lengths.view(np.uint8).reshape(-1, 2), cipher)
    _put_rows(txn, SIGS, uid, ids, signatures(doc, all_terms, len(ids)), cipher)


def signatures(rows: np.ndarray, terms: np.ndarray, n_rows: int) -> np.ndarray:
    """``(n_rows, SIG_BYTES)`` uint8: row ``rows[i]`` gets bit ``terms[i] % SIG_BITS`` set."""
    bits = np.zeros(n_rows * SIG_BITS, dtype=bool)
    bits[rows.astype(np.int64) * SIG_BITS + terms % SIG_BITS] = True
    return np.packbits(bits.reshape(n_rows, SIG_BITS), axis=1, bitorder="little")


def held_terms(sigs: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """For each signature row of ``sigs``, how many of ``terms`` (a term counts once per
    occurrence) have their bit set: at least how many of them the segment holds."""
    bits, times = _run_lengths(np.sort(terms.astype(np.int64) % SIG_BITS))
    mask = np.packbits(np.isin(np.arange(SIG_BITS), bits), bitorder="little")
    words = np.ascontiguousarray(sigs).view(np.uint64)
    held = _popcount(words & mask.view(np.uint64))
    extra = times > 1  # bits of several terms: each of them counts
    if extra.any():
        more = bits[extra]
        has = (sigs[:, more >> 3] >> (more & 7).astype(np.uint8)) & 1
        held += (has * (times[extra] - 1)).sum(axis=1, dtype=np.int32)
    return held


def _popcount(words: np.ndarray) -> np.ndarray:
    """Set bits per row of the 2-D ``words``, int32."""
    return np.bitwise_count(words).sum(axis=1, dtype=np.int32)


def _put_rows(
    txn: lmdb.Transaction,
    table: bytes,
    uid: int,
    ids: np.ndarray,
    rows: np.ndarray,
    cipher: PlainCipher = PLAIN,
) -> None:
    """Store the byte ``rows`` (``(len(ids), width)`` uint8) of segments ``ids`` in the per-block
    arrays of ``table`` (:data:`LENS` or :data:`SIGS`)."""
    width = rows.shape[1]
    blocks = ids >> BLOCK_BITS
    for block in np.unique(blocks).tolist():
        key = table + u32(uid) + u32(block)
        old = txn.get(key)
        prev = (
            np.frombuffer(cipher.open(old, key), dtype=np.uint8).reshape(-1, width)
            if old is not None
            else np.zeros((0, width), dtype=np.uint8)
        )
        mask = blocks == block
        local = ids[mask] & (BLOCK_SIZE - 1)
        arr = np.zeros((max(len(prev), int(local.max()) + 1), width), dtype=np.uint8)
        arr[: len(prev)] = prev
        arr[local] = rows[mask]
        txn.put(key, cipher.seal(arr.tobytes(), key))


def remove_postings(
    txn: lmdb.Transaction, uid: int, seg_id: int, text: str, cipher: PlainCipher = PLAIN
) -> None:
    """Take segment ``seg_id`` (index text ``text``) out of its postings and zero its length."""
    cursor = txn.cursor()
    for term in query_terms(text, cipher).tolist():
        key = head_key(uid, term)
        df, tail = _parse_head(txn.get(key))
        if not df:
            continue
        if seg_id in tail:
            tail = tail[tail != seg_id]
        else:
            # the chunk holding seg_id is the last one whose first id is <= seg_id
            if cursor.set_range(key + u32(seg_id + 1)):
                if not cursor.prev():
                    continue
            elif not cursor.last():
                continue
            chunk_key = bytes(cursor.key())
            if len(chunk_key) != _CHUNK_LEN or not chunk_key.startswith(key):
                continue
            chunk = np.frombuffer(cursor.value(), dtype="<u4")
            if seg_id not in chunk:
                continue
            kept = chunk[chunk != seg_id]
            if kept.size:
                txn.put(key + u32(int(kept[0])), kept.tobytes())
            if not kept.size or int(kept[0]) != int(chunk[0]):
                txn.delete(chunk_key)
        if df > 1:
            txn.put(key, _DF.pack(df - 1) + tail.tobytes())
        else:
            txn.delete(key)
    one = np.array([seg_id], dtype=np.int64)
    for table, width in ((LENS, 2), (SIGS, SIG_BYTES)):
        _put_rows(txn, table, uid, one, np.zeros((1, width), dtype=np.uint8), cipher)


def rebuild(
    txn: lmdb.Transaction,
    batch: int = 131_072,
    cipher_of: Callable[[int], PlainCipher] = lambda uid: PLAIN,
) -> int:
    """Drop every user's postings, lengths and signatures and index the stored sources again.

    For a store whose index was written by another index kind; returns the segments indexed.
    ``cipher_of(uid)``: the user's cipher (an encrypted store's sources are sealed and its
    index terms keyed).
    """
    cursor = txn.cursor()
    for table in (POST, LENS, SIGS):
        if cursor.set_range(table):
            while bytes(cursor.key()[:1]) == table:
                if not cursor.delete():
                    break
    indexed, after = 0, NORM
    while cursor.set_range(after):
        by_user: dict[int, tuple[list[int], list[str]]] = {}
        for read, (key, value) in enumerate(cursor):  # a batch, read before anything is written
            if bytes(key[:1]) != NORM or read == batch:
                break
            uid, seg_id = struct.unpack(">II", bytes(key[1:9]))
            ids, texts = by_user.setdefault(uid, ([], []))
            ids.append(seg_id)
            source = bytes(cipher_of(uid).open(value, bytes(key)))
            texts.append(source.decode("utf-8").casefold())
            indexed += 1
            after = bytes(key) + b"\x00"
        if not by_user:
            break
        for uid, (ids, texts) in by_user.items():
            add_postings(txn, uid, np.array(ids, dtype=np.int64), texts, cipher_of(uid))
    return indexed


def load_lens(txn: lmdb.Transaction, uid: int, cipher: PlainCipher = PLAIN) -> np.ndarray:
    """Index-text length of every segment id of user ``uid`` (0 = none): ``(n_ids,)`` uint16."""
    return _load_rows(txn, LENS, uid, 2, cipher).view("<u2").reshape(-1).astype(np.uint16)


def load_sigs(
    txn: lmdb.Transaction, uid: int, size: int, cipher: PlainCipher = PLAIN
) -> np.ndarray:
    """Term signature of every segment id of user ``uid`` below ``size`` (the length of its
    :func:`load_lens`): ``(size, SIG_BYTES)`` uint8, zero where there is none."""
    sigs = _load_rows(txn, SIGS, uid, SIG_BYTES, cipher)
    if len(sigs) < size:
        sigs = np.concatenate([sigs, np.zeros((size - len(sigs), SIG_BYTES), dtype=np.uint8)])
    return sigs[:size]


def _load_rows(
    txn: lmdb.Transaction, table: bytes, uid: int, width: int, cipher: PlainCipher
) -> np.ndarray:
    """The per-block arrays of user ``uid`` in ``table``, joined: ``(n_ids, width)`` uint8."""
    prefix = table + u32(uid)
    cursor = txn.cursor()
    blocks: list[tuple[int, np.ndarray]] = []
    if cursor.set_range(prefix):
        for key, value in cursor:
            if bytes(key[:5]) != prefix:
                break
            block = int.from_bytes(bytes(key[5:9]), "big")
            arr = np.frombuffer(cipher.open(value, bytes(key)), dtype=np.uint8)
            blocks.append((block, arr.reshape(-1, width)))
    if not blocks:
        return np.zeros((0, width), dtype=np.uint8)
    out = np.zeros((blocks[-1][0] * BLOCK_SIZE + len(blocks[-1][1]), width), dtype=np.uint8)
    for block, arr in blocks:
        out[block * BLOCK_SIZE : block * BLOCK_SIZE + len(arr)] = arr
    return out


def _postings(cursor: lmdb.Cursor, key: bytes, tail: np.ndarray) -> list[np.ndarray]:
    """The chunks of the term whose head is ``key`` (cursor on it), then its tail."""
    parts = []
    while cursor.next():
        chunk_key = cursor.key()
        if len(chunk_key) != _CHUNK_LEN or bytes(chunk_key[:_HEAD_LEN]) != key:
            break
        parts.append(np.frombuffer(cursor.value(), dtype="<u4"))
    parts.append(tail)
    return parts


def candidates(
    txn: lmdb.Transaction,
    uid: int,
    lens: np.ndarray,
    text: str,
    limit: int,
    *,
    sigs: np.ndarray | None = None,
    budget: int = POSTINGS_BUDGET,
    recount: int = RECOUNT_BUDGET,
    cipher: PlainCipher = PLAIN,
) -> tuple[np.ndarray, np.ndarray]:
    """Up to ``limit`` segment ids likely to score best against index text ``text``, best first,
    and for each the number of the query's distinct terms it was found to lack.

    ``lens`` is :func:`load_lens` of the user, ``sigs`` its :func:`load_sigs` (read here when
    ``None``). The first pass reads the rarest terms (about ``budget`` postings) and keeps the
    ``WIDEN · limit`` best estimates; the second counts the common terms the first left out
    (those of about ``recount`` postings; 0: none) in those segments' signatures
    (:func:`_count_more`) and estimates them again. Terms that were not read count as
    present and terms no segment holds as lacking, so the lacking counts are lower bounds (what
    :func:`ltmt.retrieval.score_bound` needs).
    """
    all_terms, all_positions, _ = text_terms([text], cipher)
    terms, first = np.unique(all_terms, return_index=True)
    heads = np.empty(terms.size, _HEAD_DTYPE)
    heads["tag"], heads["uid"], heads["term"] = POST, uid, terms
    head_bytes = heads.tobytes()
    found: list[_Term] = []
    for i, position in enumerate(all_positions[first].tolist()):
        key = head_bytes[i * _HEAD_LEN : (i + 1) * _HEAD_LEN]
        df, tail = _parse_head(txn.get(key))
        if df:
            found.append((df, position, key, tail))
    if not lens.size:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not found:
        return _length_window(np.zeros(0, dtype=np.int64), lens, len(text), limit, terms.size)
    found.sort(key=lambda item: item[0])
    chosen = _choose(found, budget)
    n_read, read = len(chosen), sum(item[0] for item in chosen)
    cursor = txn.cursor()
    parts: list[np.ndarray] = []
    for df, _, key, tail in chosen:
        if df > tail.size and cursor.set_key(key):
            parts.extend(_postings(cursor, key, tail))
        else:
            parts.append(tail)
    ids = np.sort(np.concatenate(parts))
    if ids.size != read or int(ids[-1]) >= lens.size:
        raise StoreError("the memory index does not match its segments; re-import the memory")
    touched, shared = _run_lengths(ids)
    query_len = float(len(text))
    estimate = _estimates(touched, shared, lens, query_len, n_read)
    pool = limit * WIDEN
    if touched.size > pool:
        best = np.argpartition(-estimate, pool - 1)[:pool]
        touched, shared, estimate = touched[best], shared[best], estimate[best]
    alive = estimate >= 0
    touched, shared = touched[alive], shared[alive]
    read_keys = {item[2] for item in chosen}
    rest = [item for item in found if item[2] not in read_keys]
    n_counted = n_read
    if rest and touched.size and recount:
        if sigs is None:
            sigs = load_sigs(txn, uid, lens.size, cipher)
        n_more, held, likely = _count_more(sigs, rest, touched, recount)
        n_counted += n_more
        estimate = _estimates(touched, shared + likely, lens, query_len, n_counted)
        shared = shared + held
    else:
        estimate = estimate[alive]
    if touched.size > limit:
        best = np.argpartition(-estimate, limit - 1)[:limit]
        touched, shared, estimate = touched[best], shared[best], estimate[best]
    order = np.argsort(-estimate, kind="stable")
    absent = terms.size - len(found)  # terms no stored segment holds
    lacking = (n_counted + absent - shared[order]).astype(np.int64)
    ids = touched[order].astype(np.int64)
    if ids.size < limit and lens.size <= WINDOW_SCAN_MAX:  # every touched segment is in ids
        return _length_window(ids, lens, len(text), limit, n_read + absent, lacking)
    return ids, lacking


def _estimates(
    touched: np.ndarray, shared: np.ndarray, lens: np.ndarray, query_len: float, n_read: int
) -> np.ndarray:
    """Half the Dice coefficient of the two lengths, the share ``f`` of the read terms a
    segment holds standing for the query's length: ``min(f·len_q, len_s) / (len_q + len_s)``;
    -1 for a deleted segment."""
    seg_len = lens[touched].astype(np.float32)
    estimate = np.minimum(shared * np.float32(query_len / n_read), seg_len)
    estimate /= np.float32(query_len) + seg_len
    estimate[seg_len == 0] = -1.0
    return estimate


def _count_more(
    sigs: np.ndarray, rest: list[_Term], ids: np.ndarray, budget: int
) -> tuple[int, np.ndarray, np.ndarray]:
    """How many of the terms ``rest`` (rarest first, while their postings would stay under
    ``budget``) each of ``ids`` holds by its signature in ``sigs``: (terms counted, at most
    how many each holds (int32), how many it likely holds (float32)).

    The postings of these common terms are not read. A signature can only count a term the
    segment lacks (a collision), so the first count is an upper bound (the lacking counts stay
    lower bounds); the second takes out the collisions expected from the share ``p`` of the
    segment's bits that are set, ``(held - n·p) / (1 - p)``, for the estimates.
    """
    read = n_terms = 0
    for df, *_ in rest:
        if read + df > budget:
            break
        read += df
        n_terms += 1
    if not n_terms:
        return 0, np.zeros(ids.size, dtype=np.int32), np.zeros(ids.size, dtype=np.float32)
    terms = np.array([int.from_bytes(item[2][5:9], "big") for item in rest[:n_terms]])
    rows = sigs[ids]
    held = held_terms(rows, terms)
    p = _popcount(rows.view(np.uint64)) * np.float32(1 / SIG_BITS)
    likely = np.clip((held - n_terms * p) / np.maximum(1 - p, np.float32(0.01)), 0, held)
    return n_terms, held, likely.astype(np.float32)


def _length_window(
    ids: np.ndarray,
    lens: np.ndarray,
    query_len: int,
    limit: int,
    n_read: int,
    lacking: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``ids`` (with their ``lacking`` counts), then every other segment whose length allows a
    score of ``WINDOW_SCORE``, if they all fit in ``limit``: short queries often share no n-gram
    with their best match (``door`` and ``port`` score 50)."""
    if lacking is None:
        lacking = np.zeros(0, dtype=np.int64)
    s = WINDOW_SCORE
    low, high = query_len * s / (200 - s), query_len * (200 - s) / s
    window = np.flatnonzero((lens >= low) & (lens <= high) & (lens > 0))
    extra = np.setdiff1d(window, ids, assume_unique=True)
    if not extra.size or ids.size + extra.size > limit:
        return ids, lacking
    extra = extra[::-1]  # newest first
    return np.concatenate([ids, extra]), np.concatenate(
        [lacking, np.full(extra.size, n_read, dtype=np.int64)]
    )


# A query term found in the index: (document frequency, first position, head key, tail ids).
_Term = tuple[int, int, bytes, np.ndarray]


def _choose(found: list[_Term], budget: int) -> list[_Term]:
    """The terms to read, from ``found`` sorted by document frequency.

    Rarest first, but first only terms that do not overlap a term already chosen: an edit in the
    query makes a run of rare n-grams that the best match lacks, and one of them is enough to
    stand for that run, so the budget goes to terms spread over the whole query. Then the
    overlapping ones, while the budget lasts. The ``MIN_TERMS`` rarest are always read.
    """
    covered: set[int] = set()
    chosen: list[_Term] = []
    overlapping: list[_Term] = []
    read = 0
    for item in found:
        df, position = item[0], item[1]
        span = range(position, position + NGRAM)
        if len(chosen) >= MIN_TERMS and not covered.isdisjoint(span):
            overlapping.append(item)
            continue
        if len(chosen) >= MIN_TERMS and read + df > budget:
            break
        read += df
        chosen.append(item)
        covered.update(span)
    for item in overlapping:
        if read + item[0] > budget:
            break
        read += item[0]
        chosen.append(item)
    return chosen
