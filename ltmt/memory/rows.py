"""Reading a user's rows: its record in ``users`` (sealed in an encrypted store) and its
segment records, each opened with the user's cipher (:mod:`ltmt.memory.crypto`)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import lmdb

from ltmt.errors import StoreError
from ltmt.memory.crypto import PlainCipher, Vault
from ltmt.memory.layout import (
    ENCRYPTED_ROW,
    Buffer,
    UserInfo,
    decode_record,
    read_u32,
    seg_id_of,
    seg_key,
    u32,
    user_key,
    with_other_origins,
)
from ltmt.segments import Segment


def decode_user(raw: Buffer, vault: Vault, user: str) -> tuple[UserInfo, PlainCipher]:
    """The row of ``user`` and the user's cipher (the row is sealed in an encrypted store)."""
    if not vault.encrypted:
        return UserInfo.decode(raw), vault.cipher(0)
    if bytes(raw[:1]) != ENCRYPTED_ROW or len(raw) < 5:
        raise StoreError(f"the record of user {user!r} is not encrypted; the store is damaged")
    cipher = vault.cipher(read_u32(raw[1:5]))
    return UserInfo.decode(cipher.open(raw[5:], user_key(user))), cipher


def encode_user(info: UserInfo, cipher: PlainCipher, user: str) -> bytes:
    """The value of ``user``'s row (see :func:`decode_user`)."""
    if not cipher.encrypted:
        return info.encode()
    return ENCRYPTED_ROW + u32(info.uid) + cipher.seal(info.encode(), user_key(user))


def user_info(
    txn: lmdb.Transaction, vault: Vault, user: str
) -> tuple[UserInfo, PlainCipher] | None:
    """``user``'s row and cipher, or None for an unknown user."""
    raw = txn.get(user_key(user))
    return decode_user(raw, vault, user) if raw is not None else None


def stored_uid(txn: lmdb.Transaction, vault: Vault, user: str) -> int | None:
    """``user``'s uid, or None for an unknown user; an encrypted row is not opened (its uid is
    in the clear before the sealed part), so a user whose key is lost still has one."""
    raw = txn.get(user_key(user))
    if raw is None:
        return None
    return read_u32(raw[1:5]) if vault.encrypted else UserInfo.decode(raw).uid


def segment_from(user: str, seg_id: int, raw: Buffer) -> Segment:
    source, target, created, origin, metadata = decode_record(raw)
    return Segment(
        id=seg_id,
        user=user,
        source=source,
        target=target,
        created=created,
        origin=origin,
        metadata=with_other_origins(metadata, ()),  # the store's bookkeeping, not the pair's
    )


def keys_under(
    txn: lmdb.Transaction, prefix: bytes, start: bytes | None = None
) -> Iterator[tuple[bytes, Buffer]]:
    """(key, value) of every key that starts with ``prefix``, in key order, from ``start`` on
    (a key under ``prefix``; None: the first). A caller that writes to the table reads them
    all first: a cursor does not walk a table written to."""
    cursor = txn.cursor()
    if not cursor.set_range(start or prefix):
        return
    for key, value in cursor:
        key = bytes(key)
        if not key.startswith(prefix):
            return
        yield key, value


def segments_after(
    txn: lmdb.Transaction, vault: Vault, user: str, after: int, chunk: int
) -> list[Segment]:
    """Up to ``chunk`` segments of ``user`` with ids above ``after``, ascending."""
    found_user = user_info(txn, vault, user)
    if found_user is None:
        return []
    info, cipher = found_user
    prefix, start = seg_key(info.uid, 0)[:5], seg_key(info.uid, after + 1)
    return [
        segment_from(user, seg_id_of(key), cipher.open(raw, key))
        for key, raw in islice(keys_under(txn, prefix, start), chunk)
    ]


def read_segment(
    txn: lmdb.Transaction, user: str, uid: int, cipher: PlainCipher, seg_id: int
) -> Segment | None:
    """Segment ``seg_id`` of ``user`` (uid ``uid``), or None."""
    key = seg_key(uid, seg_id)
    raw = txn.get(key)
    return segment_from(user, seg_id, cipher.open(raw, key)) if raw is not None else None
