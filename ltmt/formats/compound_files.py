"""What an OLE compound file holds, told by the names of its streams: the container of Office
97-2003 documents (a Word 97 ``.doc`` has a ``WordDocument`` stream), and of an Office Open XML
document encrypted with a password (an ``EncryptedPackage`` stream).

    compound_kind(Path("renamed.docx").read_bytes())   # "a Word 97-2003 document (.doc)"

A compound file's directory is an array of 128-byte entries, each starting with its name in
UTF-16LE, the name's length in bytes (with its closing NUL) at offset 64 and the entry's type at
66. Its sectors (512 or 4096 bytes) follow a 512-byte header, so every entry starts at a
multiple of 128 bytes: the entries are found where they start, without following the file's
sector chains.
"""

from __future__ import annotations

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "a file encrypted with a password"
_HEADER = 512
_ENTRY = 128
_STORAGE, _STREAM = 1, 2  # entry types (5, the root, names no stream)
# the stream that says what a compound file is, and what that is
_KINDS = (
    ("EncryptedPackage", ENCRYPTED),
    ("WordDocument", "a Word 97-2003 document (.doc)"),
    ("Workbook", "an Excel 97-2003 workbook (.xls)"),
    ("Book", "an Excel 5.0/95 workbook (.xls)"),
    ("PowerPoint Document", "a PowerPoint 97-2003 presentation (.ppt)"),
)


def compound_kind(data: bytes) -> str | None:
    """What the compound file ``data`` is (``a Word 97-2003 document (.doc)``, or
    :data:`ENCRYPTED`), or None where it is not one or its streams do not say."""
    if not data.startswith(MAGIC):
        return None
    names = stream_names(data)
    return next((kind for stream, kind in _KINDS if stream in names), None)


def stream_names(data: bytes) -> frozenset[str]:
    """The names of the streams and storages in the compound file ``data``'s directory."""
    names = set()
    for start in range(_HEADER, len(data) - _ENTRY + 1, _ENTRY):
        size = int.from_bytes(data[start + 64 : start + 66], "little")
        if data[start + 66] not in (_STORAGE, _STREAM) or size % 2 or not 2 < size <= 64:
            continue
        if data[start + size - 2 : start + size] != b"\0\0":
            continue
        try:
            names.add(data[start : start + size - 2].decode("utf-16-le"))
        except UnicodeDecodeError:
            continue
    return frozenset(names)
