"""OLE compound files (Office 97-2003's container) made of a directory alone, for the tests of
what such a file is (imported as a top-level module, beside the tests)."""

from __future__ import annotations

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STREAM = 2


def compound_file(*streams: str) -> bytes:
    """A compound file's 512-byte header and a directory sector with the root and ``streams``
    (the streams' data and the sector chains left out: what is named is read from the
    directory)."""
    entries = [_entry("Root Entry", 5)] + [_entry(name, STREAM) for name in streams]
    directory = b"".join(entries).ljust(512, b"\0")
    return MAGIC.ljust(512, b"\0") + directory


def _entry(name: str, kind: int) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return (encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + bytes([kind])).ljust(
        128, b"\0"
    )
