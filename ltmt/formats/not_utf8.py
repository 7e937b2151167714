"""What input that is not UTF-8 is, told from its bytes, with what to do about it.

A text of UTF-8 with a stray byte or two is fixed where it is (converting it from
Windows-1252 would garble its other characters); one with many bad bytes among UTF-8
characters was pasted together from two encodings; one without any UTF-8 character is
Windows-1252 (converted whole); and bytes of which many are control characters, or most
are no UTF-8 at all, are binary data, not text.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from ltmt.formats.registry import STDIN_NAME, binary_problem, iconv

# stray bytes a text may have and still be fixed by hand, not converted
FEW_BAD_BYTES = 2
# C0 control characters text does not hold (tab, line ends, vertical tab, form feed, ESC of
# terminal colours and the DOS end-of-file mark aside), and DEL
_CONTROL_BYTES = bytes(sorted(set(range(32)) - set(b"\t\n\v\f\r\x1a\x1b"))) + b"\x7f"
# more than one byte in 20 a control character: binary (random bytes have one in ten)
_CONTROLS_IN_BINARY = 0.05


def not_utf8_problem(data: bytes, name: Path | str, where: str, declared: bool = False) -> str:
    """What is wrong with ``data``, the input ``name`` that does not decode as UTF-8, whose
    first bad byte is ``where`` (``NAME:LINE:COLUMN: byte 0xe9``), and what to do; ``declared``:
    the file declares UTF-8 (a PO header's charset), which may be what is wrong."""
    fix = "fix its declared encoding, or " if declared else ""  # the command stays last
    bad = bytes_not_utf8(data)
    if looks_binary(data, bad):
        return binary_problem(name, data)
    if holds_utf8_characters(data):
        if bad <= FEW_BAD_BYTES:
            that = "that byte" if bad == 1 else "those 2 bytes"
            more = "" if bad == 1 else ", nor is 1 more byte"
            return f"{where} is not valid UTF-8{more}; the rest is UTF-8: fix or remove {that}"
        return (
            f"{where} is not valid UTF-8, nor are {bad - 1} more bytes, while other characters "
            f"are UTF-8; the input may be Windows-1252 in places: fix those bytes"
            f"{_bad_lines_hint(name)}"
        )
    if reads_as_windows_1252(data):
        convert = iconv("CP1252", name)
        return f"{where} is not valid UTF-8; it looks like Windows-1252: {fix}convert it: {convert}"
    return f"{where} is not valid UTF-8; {fix}convert the file to UTF-8"


def bytes_not_utf8(data: bytes) -> int:
    """How many bytes of ``data`` are part of no UTF-8 character."""
    return len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))


def looks_binary(data: bytes, bad: int) -> bool:
    """Whether ``data``, of which ``bad`` bytes are no UTF-8, is binary rather than text:
    more than one byte in 20 a control character, or more than half of them no UTF-8."""
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls > _CONTROLS_IN_BINARY * len(data) or 2 * bad > len(data)


def holds_utf8_characters(data: bytes) -> bool:
    """Whether ``data`` holds a valid multi-byte UTF-8 sequence (a non-ASCII character written
    as UTF-8), which Windows-1252 text next to never does: ``é`` would be ``Ã©`` in it."""
    return not data.decode("utf-8", errors="ignore").isascii()


def reads_as_windows_1252(data: bytes) -> bool:
    """Whether ``data`` is text in Windows-1252 (every byte a character of it, no NUL): what
    Windows editors and Excel save as "ANSI" in Western Europe."""
    try:
        return "\x00" not in data.decode("cp1252")
    except UnicodeDecodeError:
        return False


def _bad_lines_hint(name: Path | str) -> str:
    """The command that lists a file's lines that are not UTF-8 (none for standard input)."""
    if str(name) == STDIN_NAME:
        return ""
    return f" (LC_ALL=C.UTF-8 grep -naxv '.*' {shlex.quote(str(name))} lists their lines)"
