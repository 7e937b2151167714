"""qa's ``mojibake`` check: a translation whose text was UTF-8 read as Windows-1252 or Latin-1
and saved again (``CafÃ©`` for ``Café``, ``â€žSpeichernâ€œ`` for ``„Speichern“``, ``Ã„nderungen``
for ``Änderungen``, three characters for a euro sign): the program shows it so.

A run of text is misread where re-encoding it as Windows-1252 and decoding it as UTF-8 gives
other text, as ftfy's :func:`ftfy.fix_encoding` decides it (it weighs how unlikely the run is
as written, so real text that writes ``Ã`` passes: Portuguese ``NÃO``, ``SÃO PAULO``). Only a
run with a UTF-8 lead byte's character before a continuation byte's (``Ã`` before ``©``) goes to
ftfy: German text without such a pair, nearly all of it, costs one regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# the characters a UTF-8 continuation byte (0x80-0xBF) is read as in Windows-1252, or Latin-1
# where Windows-1252 has none (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_CONTINUATION = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xC0)
)
# a lead byte of a two- to four-byte UTF-8 sequence (0xC2-0xF4) read so, before a continuation
_MISREAD_PAIR = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]")
# the run of text around such a pair: up to a space, a tab or a line break (not a no-break
# space, which is a continuation byte's character: ``Ã\xa0`` is ``à`` misread)
_RUN = re.compile(r"[^ \t\r\n]+")
# punctuation at a run's edges that is no part of what it misread (``CafÃ©.``)
_EDGE_PUNCTUATION = ".,;:!?()[]\"'"


def misread_runs(text: str) -> list[tuple[str, str]]:
    """The runs of ``text`` that look like UTF-8 read in the wrong encoding, each with what
    it reads as in UTF-8: ``[("CafÃ©", "Café")]``; none for text without such a run."""
    if not _MISREAD_PAIR.search(text):
        return []
    from ftfy import fix_encoding  # about 0.1 s to import: only for text that may need it

    found = []
    for match in _RUN.finditer(text):
        run = match.group().strip(_EDGE_PUNCTUATION)
        if _MISREAD_PAIR.search(run):
            fixed = fix_encoding(run)
            if fixed != run:
                found.append((run, fixed))
    return found


def mojibake_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Each run of ``target`` that looks like UTF-8 read in the wrong encoding
    (:func:`misread_runs`), named with what it should read; garbled text the source has too is
    the translation's to keep (``Replace "â€“" with`` an en dash → ``Ersetzen Sie „â€““ …``), so
    the source's runs are taken out of the target first."""
    if not _MISREAD_PAIR.search(target):
        return []
    for run, _fixed in misread_runs(source):
        target = target.replace(run, " ")
    return [
        f"{run!r} looks like {fixed!r} read in the wrong encoding (UTF-8 read as "
        f"Windows-1252); write {fixed!r}"
        for run, fixed in misread_runs(target)
    ]
