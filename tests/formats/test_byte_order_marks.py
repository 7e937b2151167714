from __future__ import annotations

import pytest

from ltmt.formats.byte_order_marks import byte_order_mark


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfabc", (b"\xef\xbb\xbf", "utf-8-sig")),
        (b"\xff\xfea\x00", (b"\xff\xfe", "utf-16-le")),
        (b"\xfe\xff\x00a", (b"\xfe\xff", "utf-16-be")),
        (b"abc", None),
        (b"", None),
        (b"\xef\xbb", None),  # a mark's start alone is none
    ],
)
def test_byte_order_mark(data: bytes, expected: tuple[bytes, str] | None) -> None:
    assert byte_order_mark(data) == expected
