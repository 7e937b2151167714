"""A PO catalog's declared charset: read from its header, and kept when the catalog is written.

translate-toolkit cannot parse a catalog that declares a charset other than UTF-8 and uses it,
so :func:`~ltmt.formats.po.load_po` hands it the catalog in UTF-8, its header saying so
(:func:`as_utf8`); :func:`in_charset` gives the written catalog its declared charset back
where every character fits it, else leaves it UTF-8 (its header says so) with a line saying
which characters did not fit.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

_CHARSET = re.compile(rb"charset=([A-Za-z0-9._:-]+)")
HEADER_BYTES = 4096  # where a catalog's header, and so its charset, is looked for
SHOWN = 10  # how many characters that do not fit are named


def named_charset(data: bytes) -> str | None:
    """The charset the header at the start of the catalog ``data`` names; ``None`` for none
    or xgettext's ``CHARSET`` placeholder."""
    declared = _CHARSET.search(data[:HEADER_BYTES])
    charset = declared.group(1).decode("ascii") if declared else None
    return None if charset is None or charset.upper() == "CHARSET" else charset


def declared_charset(data: bytes) -> str:
    """The charset the catalog ``data`` is in: the one its header names, else ``utf-8``."""
    return named_charset(data) or "utf-8"


def is_utf8(charset: str) -> bool:
    """Whether ``charset`` (a known encoding's name) is UTF-8."""
    return codecs.lookup(charset).name == "utf-8"


def as_utf8(text: str) -> bytes:
    """The catalog ``text`` as UTF-8 bytes, its header's charset said to be UTF-8."""
    return _CHARSET.sub(b"charset=UTF-8", text.encode("utf-8"), count=1)


def in_charset(data: bytes, charset: str) -> tuple[bytes, str | None]:
    """The catalog ``data`` (UTF-8, its header saying so) in ``charset``, its header saying so,
    and ``None``; or, where a character does not fit ``charset``, ``data`` as it is and the
    line that says so (the characters named, each once, in the order they come)."""
    text = data.decode("utf-8")
    missing = [c for c in dict.fromkeys(text) if not _fits(c, charset)]
    if missing:
        named = " ".join(missing[:SHOWN]) + (" ..." if len(missing) > SHOWN else "")
        return data, f"written as UTF-8, its charset {charset} cannot hold {named}"
    declared = b"charset=" + charset.encode("ascii")
    return _CHARSET.sub(lambda _: declared, text.encode(charset), count=1), None


def _fits(character: str, charset: str) -> bool:
    try:
        character.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def file_charset(path: Path) -> str:
    """:func:`declared_charset` of the catalog at ``path``; ``utf-8`` where it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return declared_charset(handle.read(HEADER_BYTES))
    except OSError:
        return "utf-8"
