"""Write transactions of the store: add a batch of pairs, delete a segment, delete a user.

Each function takes an open write transaction and reads everything it needs through it, so
:func:`ltmt.memory.env.write` can rerun it after growing a full map.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

import lmdb
import numpy as np

from ltmt.errors import StoreError
from ltmt.memory import postings
from ltmt.memory.clean import CleanPair
from ltmt.memory.crypto import PlainCipher, Vault
from ltmt.memory.layout import (
    NEXT_UID_KEY,
    NORM,
    PAIR,
    PER_USER_TABLES,
    SEG,
    Buffer,
    UserInfo,
    context_of,
    decode_record,
    encode_record_utf8,
    pair_key,
    pair_key_utf8,
    read_u32,
    seg_key,
    u32,
    user_key,
)
from ltmt.memory.rows import encode_user, user_info
from ltmt.text import fold_space

MAX_ID = 2**32 - 2  # segment ids are u32 and one more must fit in a key range
# Pairs indexed together: bigger batches rewrite each term's postings head fewer times.
IMPORT_BATCH = 131_072


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
    return UserInfo(uid=uid, created=now, updated=now), vault.new_user(uid)


def add_pairs(
    txn: lmdb.Transaction,
    vault: Vault,
    user: str,
    pairs: Sequence[CleanPair],
    *,
    origin: str,
    now: float,
    progress: Callable[[int], None] | None = None,
) -> list[tuple[int, bool]]:
    """Store ``pairs`` for ``user``; returns ``(segment id, added)`` per pair (False: duplicate)."""
    info, cipher = user_info(txn, vault, user) or new_user(txn, vault, now)
    uid, next_id = info.uid, info.next_id
    pair_prefix, seg_prefix, norm_prefix = PAIR + u32(uid), SEG + u32(uid), NORM + u32(uid)
    origin_utf8 = origin.encode("utf-8")
    seen: dict[bytes, int] = {}
    results: list[tuple[int, bool]] = []
    position = 0
    while position < len(pairs):
        batch = pairs[position : position + IMPORT_BATCH]
        position += len(batch)
        seg_items, norm_items, pair_items = [], [], []
        new_ids: list[int] = []
        index_texts: list[str] = []
        for source, target, metadata in batch:
            src, tgt = source.encode("utf-8"), target.encode("utf-8")
            context = context_of(metadata).encode("utf-8")
            key = pair_key_utf8(pair_prefix, src, tgt, cipher.digest, context)
            existing = seen.get(key)
            if existing is None:
                raw = txn.get(key)
                existing = read_u32(raw) if raw is not None else None
            if existing is not None:
                results.append((existing, False))
                continue
            seg_id = next_id
            next_id += 1
            seen[key] = seg_id
            folded = fold_space(source)
            id_utf8 = u32(seg_id)
            seg, norm = seg_prefix + id_utf8, norm_prefix + id_utf8
            record = encode_record_utf8(src, tgt, now, origin_utf8, metadata)
            seg_items.append((seg, cipher.seal(record, seg)))
            norm_items.append((norm, cipher.seal(folded.encode("utf-8"), norm)))
            pair_items.append((key, id_utf8))
            new_ids.append(seg_id)
            index_texts.append(folded.casefold())
            results.append((seg_id, True))
        cursor = txn.cursor()
        cursor.putmulti(seg_items)
        cursor.putmulti(norm_items)
        cursor.putmulti(pair_items)
        postings.add_postings(txn, uid, np.array(new_ids, dtype=np.int64), index_texts, cipher)
        if progress is not None:
            progress(len(batch))
    if next_id >= MAX_ID:
        raise StoreError(f"user {user!r} has used up its segment ids; export and re-import it")
    added = next_id - info.next_id
    if added:
        origins = dict(info.origins)
        origins[origin] = origins.get(origin, 0) + added
        info = replace(
            info, next_id=next_id, count=info.count + added, updated=now, origins=origins
        )
        txn.put(user_key(user), encode_user(info, cipher, user))
    return results


def delete_segment(txn: lmdb.Transaction, vault: Vault, user: str, seg_id: int) -> bool:
    """Remove one segment and every trace of it (record, dedup entry, postings); False if absent."""
    found = user_info(txn, vault, user)
    if found is None or not 0 < seg_id < 2**32:
        return False
    info, cipher = found
    skey, nkey = seg_key(info.uid, seg_id), seg_key(info.uid, seg_id, NORM)
    raw = txn.get(skey)
    if raw is None:
        return False
    source, target, _, origin, metadata = decode_record(cipher.open(raw, skey))
    folded = bytes(cipher.open(_required(txn.get(nkey), nkey), nkey)).decode("utf-8")
    postings.remove_postings(txn, info.uid, seg_id, folded.casefold(), cipher)
    txn.delete(skey)
    txn.delete(nkey)
    txn.delete(pair_key(info.uid, source, target, cipher.digest, context_of(metadata)))
    origins = dict(info.origins)
    if origins.get(origin, 0) > 1:
        origins[origin] -= 1
    else:
        origins.pop(origin, None)
    info = replace(info, count=info.count - 1, updated=time.time(), origins=origins)
    txn.put(user_key(user), encode_user(info, cipher, user))
    return True


def delete_user(txn: lmdb.Transaction, vault: Vault, user: str) -> int | None:
    """Remove ``user`` and every key under its uid in every table; returns the uid (whose data
    key the caller destroys once this commits), None if unknown."""
    raw = txn.get(user_key(user))
    if raw is None:
        return None
    # an encrypted row is not opened: a user whose key is lost can still be deleted
    uid = read_u32(raw[1:5]) if vault.encrypted else UserInfo.decode(raw).uid
    cursor = txn.cursor()
    for table in PER_USER_TABLES:
        prefix = table + u32(uid)
        if not cursor.set_range(prefix):
            continue
        while bytes(cursor.key()[:5]) == prefix:
            if not cursor.delete():
                break
    txn.delete(user_key(user))
    return uid
