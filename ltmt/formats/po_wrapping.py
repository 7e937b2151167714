"""The line width a PO catalog's tool wrapped its strings at, kept for the strings ltmt writes.

translate-toolkit wraps a string it writes as gettext does by default (lines of at most 79
columns); a catalog another tool wrote, or ``msgcat --width``, wraps otherwise, and each
msgstr ltmt filled in wrapped its own way was noise in the next diff. Babel (``Generated-By:
Babel`` in the header) wraps at 76 columns its own way: a string of at most 76 columns with its
quotes stays on its ``msgid``/``msgstr`` line, a longer one is cut after spaces (and hyphens
between words) into lines shorter than 76 (:class:`BabelWrapper`, after
``babel.messages.pofile.normalize``). For another catalog the width is read off its wrapped
lines: where the word that begins the next line would have fitted in 79 columns, the longest
wrapped line is the width (:func:`wrap_width`). A line of one word (an unbreakable URL) says
nothing of the width: gettext writes it whole however wide, so only lines cut at a space
inside them are read (session 67: one 89-column URL line wrapped every new msgstr at 89).
A catalog written on Windows (Unreal's) ends its lines in ``\\r\\n``: the ``\\r`` is no column
(session 68: counted, every line of such a catalog read as wrapped at its own length, and
its header and new msgstrs were wrapped at about 40 columns).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

GETTEXT_WIDTH = 79  # msgmerge's and msgcat's default: a line's columns, quotes included
BABEL_WIDTH = 76  # babel.messages.pofile.write_po's default

# babel.messages.pofile.WORD_SEP: where Babel may cut a line
_WORD_SEP = re.compile(
    r"(\s+|[^\s\w]*\w+[a-zA-Z]-(?=\w+[a-zA-Z])|(?<=[\w\!\"\'\&\.\,\?])-{2,}(?=\w))"
)
_BABEL = re.compile(r'^"Generated-By: Babel ', re.MULTILINE)


def wrapper_for(text: str, lines: Sequence[str]) -> Any:
    """The translate-toolkit ``PoWrapper`` that wraps a string as the catalog of ``text`` (its
    ``lines``) has its strings wrapped; None where it is gettext's (translate-toolkit's own)."""
    from translate.storage.pypo import PoWrapper

    if _BABEL.search(text[:4096]):
        return BabelWrapper()
    width = wrap_width(lines)
    return None if width is None else PoWrapper(width - 2)


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width in columns (quotes included) that the PO ``lines`` were wrapped at, where
    their wrapped strings show another than gettext's 79; None where they show none."""
    longest, fits_next = 0, GETTEXT_WIDTH + 1
    for line, following in pairwise(line.removesuffix("\r") for line in lines):
        wrapped = (
            line.startswith('"')
            and following.startswith('"')
            and len(line) > 2
            and not line.endswith('\\n"')
        )
        if not wrapped or not _cut_at_a_space(line):
            continue
        longest = max(longest, len(line))
        word = re.match(r'"(\S*\s?)', following)
        fits_next = min(fits_next, len(line) + len(word.group(1) if word else ""))
    if not longest or (longest <= GETTEXT_WIDTH < fits_next):
        return None
    return longest


def _cut_at_a_space(line: str) -> bool:
    """Whether the wrapped ``line`` (quotes included) had a space inside it to be cut at, so
    that its length shows the width: a line of one word (a URL) is written whole however wide."""
    return bool(re.search(r"\s", line[1:-1].rstrip()))


class BabelWrapper:
    """A translate-toolkit wrapper that cuts strings as Babel's ``normalize`` does (width 76):
    ``wrap`` takes and gives escaped text, cut where Babel cuts the text unescaped. ``width``
    is what translate-toolkit compares to put a one-line string on its keyword's line, which
    Babel does up to 76 columns with quotes."""

    width = BABEL_WIDTH + 4  # translate-toolkit: a one-line string over width - 6 goes below

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BabelWrapper)

    def __hash__(self) -> int:
        return hash(BabelWrapper)

    def wrap(self, text: str) -> list[str]:
        from translate.storage.pypo import escapeforpo, unescape

        lines: list[str] = []
        for line in unescape(text).splitlines(True):
            if len(escapeforpo(line)) + 2 <= BABEL_WIDTH:
                lines.append(escapeforpo(line))
                continue
            chunks = [escapeforpo(chunk) for chunk in _WORD_SEP.split(line) if chunk]
            chunks.reverse()
            while chunks:
                buf: list[str] = []
                size = 2
                while chunks:
                    if size + len(chunks[-1]) < BABEL_WIDTH:
                        size += len(chunks[-1])
                        buf.append(chunks.pop())
                    else:
                        if not buf:  # a chunk too long for a line: on a line of its own
                            buf.append(chunks.pop())
                        break
                lines.append("".join(buf))
        return lines
