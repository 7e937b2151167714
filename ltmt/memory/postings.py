"""The index on disk: character n-gram terms, their postings, and per-segment length and
signature rows, kept in the store's own LMDB environment (layout in :mod:`.layout`).

Every segment's source is indexed in its case-folded normalised form, padded with one space at
each end (so ``"OK"`` yields `` ok`` and ``ok ``), as ``NGRAM``-character n-grams (trigrams:
4-grams lost short strings, whose best matches often share no 4-gram). An n-gram is hashed to a
32-bit term by :func:`text_terms`, the one mapping from text to terms (a rare collision only
costs a stray candidate). Per (user, term) the store keeps:

- a *head*: the term's document frequency and its newest ids (the tail, at most ``TAIL_MAX``),
- *chunks*: older ids, keyed by their first id. Every chunk id is below every tail id, so the
  chunks in key order followed by the tail are the term's ascending posting list.

A ``lens`` array per block of ids holds each segment's index-text length (0 once deleted), a
``sigs`` array its term signature: ``SIG_BITS`` bits, bit ``term % SIG_BITS`` set for each of its
terms (all zero once deleted).

In an encrypted store every term passes through the user's ``cipher.terms`` (a keyed
pseudo-random function, see :mod:`.crypto`) before it is stored or looked up, and the row
blocks are sealed; the plain store's cipher leaves both as they are.

Writes keep the index exact: added segments are searchable as soon as their transaction commits;
a deleted segment's id is taken out of its postings and its rows zeroed. An index written by
another ``INDEX_KIND`` is rebuilt from the stored sources before the first search or write
(:func:`rebuild`, from :func:`.env.bring_index_up_to_date`).
How a query uses all this is :mod:`.index`.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import lmdb
import numpy as np

from ltmt.memory.crypto import PLAIN, PlainCipher
from ltmt.memory.layout import (
    BLOCK_BITS,
    BLOCK_SIZE,
    INDEX_TABLES,
    LENS,
    NGRAM,
    NORM,
    POST,
    SIG_BITS,
    SIG_BYTES,
    SIGS,
    Buffer,
    read_u32,
    u32,
)

# Newest ids of a term kept in its head; more and they move to a chunk of their own.
TAIL_MAX = 512
# Texts whose n-grams :func:`index_rows` works out together (bounds an import's peak memory).
INDEX_CHUNK = 16_384

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
    width = cps.size - n + 1
    packed = cps[:width].astype(np.uint64)
    valid = cps[:width] != 0
    for j in range(1, n):  # in place: a batch of texts holds millions of code points
        np.multiply(packed, _PRIME, out=packed)
        np.add(packed, cps[j : j + width], out=packed)
        np.logical_and(valid, cps[j : j + width] != 0, out=valid)
    positions = np.flatnonzero(valid)
    del valid
    packed = packed[positions]
    np.multiply(packed, _MIX, out=packed)
    np.right_shift(packed, np.uint64(32), out=packed)
    terms = cipher.terms(packed.astype(np.uint32))
    del packed
    doc = np.cumsum(cps == 0, dtype=np.int64)[positions]  # separators before = text's index
    return terms, positions, doc


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct ``values`` (``np.unique`` hashes first in numpy 2, which is far slower)."""
    return run_lengths(np.sort(values))[0]


def run_lengths(ordered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of the sorted array ``ordered`` and how often each occurs (int32)."""
    if not ordered.size:
        return ordered, np.zeros(0, dtype=np.int32)
    bounds = np.empty(ordered.size + 1, dtype=bool)  # where a run starts, and the end
    bounds[0] = bounds[-1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=bounds[1:-1])
    edges = np.flatnonzero(bounds)
    counts = np.subtract(edges[1:], edges[:-1], dtype=np.int32, casting="unsafe")
    return np.take(ordered, edges[:-1]), counts


def query_terms(text: str, cipher: PlainCipher = PLAIN) -> np.ndarray:
    """The distinct terms of one index text, ``(n_terms,)`` uint32, sorted."""
    return _sorted_unique(text_terms([text], cipher)[0])


def posting_pairs(texts: Sequence[str], ids: np.ndarray, cipher: PlainCipher = PLAIN) -> np.ndarray:
    """Distinct ``term << 32 | id`` of the segments ``ids`` (same order as ``texts``), sorted."""
    terms, _, doc = text_terms(texts, cipher)
    return term_pairs(terms, doc, ids)


def term_pairs(terms: np.ndarray, doc: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """:func:`posting_pairs` from the ``terms`` and ``doc`` of :func:`text_terms`."""
    pairs = (terms.astype(np.uint64) << np.uint64(32)) | ids.astype(np.uint64)[doc]
    return _sorted_unique(pairs)


def head_key(uid: int, term: int) -> bytes:
    return POST + u32(uid) + u32(term)


def head_keys(uid: int, terms: np.ndarray) -> list[bytes]:
    """:func:`head_key` of each of ``terms`` (uint32), built in one go."""
    heads = np.empty(terms.size, _HEAD_DTYPE)
    heads["tag"], heads["uid"], heads["term"] = POST, uid, terms
    raw = heads.tobytes()
    return [raw[i * _HEAD_LEN : (i + 1) * _HEAD_LEN] for i in range(terms.size)]


def parse_head(value: Buffer | None) -> tuple[int, np.ndarray]:
    """(document frequency, tail ids) of a head value."""
    if value is None:
        return 0, np.zeros(0, dtype="<u4")
    return _DF.unpack_from(value)[0], np.frombuffer(value, dtype="<u4", offset=4)


@dataclass(frozen=True)
class IndexRows:
    """A batch of new segments' index entries, computed without a transaction
    (:func:`index_rows`, so another thread can work them out while the writer stores the
    previous batch) and stored by :func:`write_index_rows`."""

    ids: np.ndarray  # the segments, ascending
    terms: np.ndarray  # each distinct term once, ascending (uint32)
    bounds: np.ndarray  # the postings of terms[i] are ids_bytes[4·bounds[i] : 4·bounds[i + 1]]
    ids_bytes: bytes  # the postings of all terms, term by term, each ascending (<u4)
    lengths: np.ndarray  # (len(ids), 2) uint8: the index texts' lengths, little-endian u16
    sigs: np.ndarray  # (len(ids), SIG_BYTES) uint8: their signatures


def index_rows(ids: np.ndarray, texts: Sequence[str], cipher: PlainCipher = PLAIN) -> IndexRows:
    """The index entries of segments ``ids`` (ascending) with index ``texts`` (numpy work, which
    releases the GIL, so a thread computing them runs beside the writer's Python).

    The n-grams are worked out ``INDEX_CHUNK`` texts at a time: a batch's arrays of every n-gram
    (several of 8 bytes each) would be the import's peak memory; the chunks' sorted postings are
    then merged (their ids do not overlap, so a term's postings stay ascending)."""
    chunks, sigs = [], []
    for start in range(0, len(texts), INDEX_CHUNK):
        all_terms, _, doc = text_terms(texts[start : start + INDEX_CHUNK], cipher)
        part = ids[start : start + INDEX_CHUNK]
        chunks.append(term_pairs(all_terms, doc, part))
        sigs.append(signatures(doc, all_terms, len(part)))
    pairs = np.concatenate(chunks) if chunks else np.zeros(0, np.uint64)
    del chunks
    pairs.sort(kind="stable")  # runs of sorted pairs: the stable sort (timsort) merges them
    terms = (pairs >> np.uint64(32)).astype(np.uint32)
    starts = np.flatnonzero(np.diff(terms)) + 1
    bounds = np.concatenate(([0], starts, [len(pairs)]))
    lengths = np.minimum([len(t) for t in texts], 0xFFFF).astype("<u2")
    if not len(pairs):  # no texts: no terms, one bound
        bounds = bounds[:1]
    return IndexRows(
        ids=ids,
        terms=terms[bounds[:-1]],
        bounds=bounds,
        ids_bytes=pairs.astype("<u4").tobytes(),  # the low 32 bits: the ids
        lengths=lengths.view(np.uint8).reshape(-1, 2),
        sigs=np.concatenate(sigs) if sigs else np.zeros((0, SIG_BYTES), np.uint8),
    )


def write_index_rows(
    txn: lmdb.Transaction, uid: int, rows: IndexRows, cipher: PlainCipher = PLAIN
) -> None:
    """Store ``rows`` of user ``uid``, whose ids are above every id it indexed so far."""
    if not rows.ids.size:
        return
    id_bytes = rows.ids_bytes
    items = []
    keys = head_keys(uid, rows.terms)
    bounds = rows.bounds.tolist()
    for key, start, end in zip(keys, bounds[:-1], bounds[1:], strict=True):
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
    _put_rows(txn, LENS, uid, rows.ids, rows.lengths, cipher)
    _put_rows(txn, SIGS, uid, rows.ids, rows.sigs, cipher)


def add_postings(
    txn: lmdb.Transaction,
    uid: int,
    ids: np.ndarray,
    texts: Sequence[str],
    cipher: PlainCipher = PLAIN,
) -> None:
    """Index segments ``ids`` (ascending, above every id indexed so far) with index ``texts``."""
    if len(texts):
        write_index_rows(txn, uid, index_rows(ids, texts, cipher), cipher)


def signatures(rows: np.ndarray, terms: np.ndarray, n_rows: int) -> np.ndarray:
    """``(n_rows, SIG_BYTES)`` uint8: row ``rows[i]`` gets bit ``terms[i] % SIG_BITS`` set."""
    bits = np.zeros(n_rows * SIG_BITS, dtype=bool)
    bits[rows.astype(np.int64) * SIG_BITS + terms % SIG_BITS] = True
    return np.packbits(bits.reshape(n_rows, SIG_BITS), axis=1, bitorder="little")


def held_terms(sigs: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """For each signature row of ``sigs``, how many of ``terms`` (a term counts once per
    occurrence) have their bit set: at least how many of them the segment holds."""
    bits, times = run_lengths(np.sort(terms.astype(np.int64) % SIG_BITS))
    mask = np.packbits(np.isin(np.arange(SIG_BITS), bits), bitorder="little")
    words = np.ascontiguousarray(sigs).view(np.uint64)
    held = popcount(words & mask.view(np.uint64))
    extra = times > 1  # bits of several terms: each of them counts
    if extra.any():
        more = bits[extra]
        has = (sigs[:, more >> 3] >> (more & 7).astype(np.uint8)) & 1
        held += (has * (times[extra] - 1)).sum(axis=1, dtype=np.int32)
    return held


def popcount(words: np.ndarray) -> np.ndarray:
    """Set bits per row of the 2-D ``words``, int32."""
    counts = np.bitwise_count(words)
    total = np.zeros(counts.shape[0], dtype=np.int32)
    for column in range(counts.shape[1]):  # column by column: far faster than sum(axis=1)
        total += counts[:, column]
    return total


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
    txn: lmdb.Transaction, uid: int, texts: Mapping[int, str], cipher: PlainCipher = PLAIN
) -> None:
    """Take the segments ``texts`` names (id → index text) out of their postings and zero their
    lengths and signatures. Each term's head, each chunk and each block of lengths is rewritten
    once for all of them: rewritten per segment, an undo of a 20,000-pair import copied a
    block of ids' rows and a chunk per term 20,000 times (minutes, and a map grown again and
    again for the pages the one transaction dirtied)."""
    if not texts:
        return
    ids = np.fromiter(texts, dtype=np.int64, count=len(texts))
    pairs = posting_pairs(list(texts.values()), ids, cipher)
    terms = (pairs >> np.uint64(32)).astype(np.uint32)
    starts = np.flatnonzero(np.diff(terms)) + 1
    cursor = txn.cursor()
    for term_pairs_of in np.split(pairs, starts):
        if term_pairs_of.size:
            term = int(term_pairs_of[0] >> np.uint64(32))
            gone = (term_pairs_of & np.uint64(0xFFFFFFFF)).astype("<u4")
            _remove_from_term(txn, cursor, head_key(uid, term), gone)
    for table, width in ((LENS, 2), (SIGS, SIG_BYTES)):
        _put_rows(txn, table, uid, ids, np.zeros((len(ids), width), dtype=np.uint8), cipher)


def _remove_from_term(
    txn: lmdb.Transaction, cursor: lmdb.Cursor, key: bytes, gone: np.ndarray
) -> None:
    """Take the ids ``gone`` (ascending ``<u4``) out of the postings of the term whose head is
    ``key``: its tail and the chunks holding them, each rewritten once; its document frequency
    less those found."""
    df, tail = parse_head(txn.get(key))
    if not df:
        return
    in_tail = np.isin(tail, gone)
    removed = int(in_tail.sum())
    for chunk_key, chunk in _chunks_holding(cursor, key, gone[~np.isin(gone, tail)]).items():
        kept = chunk[~np.isin(chunk, gone)]
        removed += chunk.size - kept.size
        if kept.size:
            txn.put(key + u32(int(kept[0])), kept.tobytes())
        if not kept.size or int(kept[0]) != int(chunk[0]):
            txn.delete(chunk_key)
    if df > removed:
        txn.put(key, _DF.pack(df - removed) + tail[~in_tail].tobytes())
    else:
        txn.delete(key)


def _chunks_holding(cursor: lmdb.Cursor, key: bytes, ids: np.ndarray) -> dict[bytes, np.ndarray]:
    """The chunks (key → ids) of the term whose head is ``key`` that hold some of ``ids``
    (ascending), read in one walk from the chunk of the first (the last whose first id is at
    most it) to that of the last, before any is rewritten."""
    chunks: dict[bytes, np.ndarray] = {}
    if not ids.size:
        return chunks
    if cursor.set_range(key + u32(int(ids[0]) + 1)):
        if not cursor.prev():
            cursor.first()
    elif not cursor.last():
        return chunks
    last = int(ids[-1])
    while True:
        chunk_key = bytes(cursor.key())
        if len(chunk_key) == _CHUNK_LEN and chunk_key.startswith(key):
            if read_u32(chunk_key[_HEAD_LEN:]) > last:
                break
            chunk = np.frombuffer(cursor.value(), dtype="<u4")
            if np.isin(chunk, ids, assume_unique=True).any():
                chunks[chunk_key] = chunk.copy()
        elif chunk_key > key + u32(last):
            break
        if not cursor.next():
            break
    return chunks


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
    for table in INDEX_TABLES:
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
    return _rows_from(txn, LENS, uid, 2, 0, cipher).view("<u2").reshape(-1).astype(np.uint16)


def load_sigs(
    txn: lmdb.Transaction, uid: int, size: int, cipher: PlainCipher = PLAIN
) -> np.ndarray:
    """Term signature of every segment id of user ``uid`` below ``size`` (the length of its
    :func:`load_lens`): ``(size, SIG_BYTES)`` uint8, zero where there is none."""
    sigs = _rows_from(txn, SIGS, uid, SIG_BYTES, 0, cipher)
    if len(sigs) < size:
        sigs = np.concatenate([sigs, np.zeros((size - len(sigs), SIG_BYTES), dtype=np.uint8)])
    return sigs[:size]


def sig_rows_from(
    txn: lmdb.Transaction, uid: int, first: int, cipher: PlainCipher = PLAIN
) -> np.ndarray:
    """The signature rows of user ``uid``'s ids from ``first`` up to the last id stored,
    ``(n, SIG_BYTES)`` uint8 (zero where there is none): only the blocks holding them are read."""
    return _rows_from(txn, SIGS, uid, SIG_BYTES, first, cipher)


def _rows_from(
    txn: lmdb.Transaction, table: bytes, uid: int, width: int, first: int, cipher: PlainCipher
) -> np.ndarray:
    """The rows of user ``uid``'s ids from ``first`` on in the per-block arrays of ``table``,
    joined: ``(n, width)`` uint8, zero where a block lacks them. A block with no row from
    ``first`` on is not opened (its row count is its length less the cipher's overhead): a
    search's refresh, which finds nothing new, decrypts nothing."""
    prefix = table + u32(uid)
    cursor = txn.cursor()
    parts: list[np.ndarray] = []
    at = first  # the next id wanted
    if cursor.set_range(prefix + u32(first >> BLOCK_BITS)):
        for key, value in cursor:
            if bytes(key[:5]) != prefix:
                break
            start = int.from_bytes(bytes(key[5:9]), "big") * BLOCK_SIZE
            if start + (len(value) - cipher.overhead) // width <= at:
                continue
            rows = np.frombuffer(cipher.open(value, bytes(key)), dtype=np.uint8)
            rows = rows.reshape(-1, width)
            if start > at:  # ids of a block with no rows
                parts.append(np.zeros((start - at, width), dtype=np.uint8))
                at = start
            parts.append(rows[at - start :])
            at = start + len(rows)
    if not parts:
        return np.zeros((0, width), dtype=np.uint8)
    return np.concatenate(parts)


def read_postings(cursor: lmdb.Cursor, key: bytes, tail: np.ndarray) -> list[np.ndarray]:
    """The chunks of the term whose head is ``key`` (cursor on it), then its tail."""
    parts = []
    while cursor.next():
        chunk_key = cursor.key()
        if len(chunk_key) != _CHUNK_LEN or bytes(chunk_key[:_HEAD_LEN]) != key:
            break
        parts.append(np.frombuffer(cursor.value(), dtype="<u4"))
    parts.append(tail)
    return parts
