"""Decoding the store's records: damage is said as damage, and only damage
(:mod:`ltmt.memory.layout`)."""

from __future__ import annotations

import struct
from collections.abc import Callable

import pytest

from ltmt.memory.layout import DamagedRecord, UserInfo, decode_record, encode_record

USER_ROW = UserInfo(uid=1, next_id=50, count=49, origins={"import": 49}).encode()
METADATA = {"context": "menu", "tags": ["ui"]}
SEGMENT = encode_record("Save", "Speichern", 0.0, "import", METADATA)
DEEP = b"[" * 100_000 + b"]" * 100_000


def _segment_with_metadata(raw: bytes) -> bytes:
    """A segment record whose metadata field holds ``raw`` (its head's length matching)."""
    fields = b"Save" + b"Speichern" + b"import"
    return struct.pack("<dIIII", 0.0, 4, 9, 6, len(raw)) + fields + raw


def test_records_are_read_back() -> None:
    assert UserInfo.decode(USER_ROW).count == 49
    assert decode_record(SEGMENT) == ("Save", "Speichern", 0.0, "import", METADATA)
    assert decode_record(_segment_with_metadata(b'{"a": [1]}'))[4] == {"a": [1]}


@pytest.mark.parametrize(
    ("data", "decode", "message"),
    [
        (DEEP, UserInfo.decode, r"^a user record is damaged \(b'\[\[\["),
        (b'{"uid": 1', UserInfo.decode, r"^a user record is damaged \(b'\{\"uid\": 1'"),
        (_segment_with_metadata(DEEP), decode_record, "^a segment record is damaged"),
        (_segment_with_metadata(b"[1]"), decode_record, "^a segment record is damaged"),
    ],
)
def test_a_damaged_record_says_restore_a_backup(
    data: bytes, decode: Callable[[bytes], object], message: str
) -> None:
    with pytest.raises(DamagedRecord, match=message) as raised:
        decode(data)
    assert str(raised.value).endswith(
        "; restore the store from a backup (README: Restoring a backup)"
    )


@pytest.mark.parametrize(
    "decode",
    [
        lambda: UserInfo.decode(USER_ROW),
        lambda: decode_record(SEGMENT),
    ],
    ids=["user record", "segment record"],
)
def test_the_callers_recursion_is_no_damage(
    decode: Callable[[], object], raised_near_the_stack_limit: Callable[..., set[object]]
) -> None:
    """A runaway recursion in translate ended in the user record's JSON, and the store was
    said to be damaged ("restore the store from a backup") while ``memory check`` said ok:
    near the stack's limit a healthy record is read, or the caller's RecursionError goes on."""
    assert raised_near_the_stack_limit(decode) == {None, RecursionError}
