"""Byte order marks: which codec the mark a file starts with names.

The formats that take UTF-16 (Apple ``.strings``, Windows ``.rc``) ask :func:`byte_order_mark`
for the mark and codec; what a file without one is read as is each caller's choice (UTF-8, or
Windows-1252 where an ``.rc`` file says so).
"""

from __future__ import annotations

import codecs

UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def byte_order_mark(data: bytes) -> tuple[bytes, str] | None:
    """The byte order mark ``data`` starts with and the codec it names (``utf-8-sig``,
    ``utf-16-le``, ``utf-16-be``); None where it starts with none."""
    return next(((mark, name) for mark, name in _MARKS if data.startswith(mark)), None)
