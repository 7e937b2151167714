"""PrestaShop's numbered markers: ``[1]`` … ``[/1]``, ``[2]`` … ``[/2]``, which its
``trans('… [1]terms[/1] …', ['[1]' => '<a href="…">', '[/1]' => '</a>'])`` replaces by a link's
or an emphasis's tags. A pair of them is a pair of tags (:mod:`ltmt.formats.placeholder_syntax`):
the model translates the words inside and the pair is put back, and ``ltmt qa`` says a marker a
translation lacks, adds or nests wrong. As text, the words inside came out English or were lost
(``[1]Sign in[/1]``, ``Questions? [1] uns[/1]`` for ``[1]Call us[/1]``), and qa passed
``[1]sichere Zahlung[1]``, a link the shop never closes.

Narrow on purpose: a marker is one only where its text has both ``[n]`` and ``[/n]`` of its
number. A footnote or citation mark (``see [1]``) or an index (``array[1]``) alone stays text.
"""

from __future__ import annotations

import re

# a numbered marker, opening or closing: digits alone as its name (linear: no nested repeat)
NUMBERED_MARKER = r"\[/?[0-9]+\]"
_MARKER = re.compile(NUMBERED_MARKER)
_NOT_BLANK = re.compile(r"\S")


def partner(marker: str) -> str:
    """The marker that pairs with ``marker``: ``[/1]`` for ``[1]``, ``[1]`` for ``[/1]``."""
    number = marker.strip("[/]")
    return f"[{number}]" if marker.startswith("[/") else f"[/{number}]"


def markers_in(text: str) -> list[re.Match[str]]:
    """The numbered markers written in ``text``, paired or not, left to right."""
    return list(_MARKER.finditer(text))


def numbers_with_text(text: str) -> frozenset[str]:
    """The numbers of the pairs of ``text`` whose ``[n]`` a ``[/n]`` closes later with words
    between (``1`` of ``[1]Sign in[/1]``, not of ``[1] [/1]``): the pairs translated apart
    (:mod:`ltmt.formats.paired_tags`). Linear: a search for a character that is not blank
    starts at each opening marker once and stops at the next marker at the latest."""
    opened: dict[str, int] = {}  # a number -> where the text after its last [n] starts
    found: set[str] = set()
    for marker in markers_in(text):
        number = marker.group().strip("[/]")
        if not marker.group().startswith("[/"):
            opened[number] = marker.end()
        elif number in opened and _NOT_BLANK.search(text, opened.pop(number), marker.start()):
            found.add(number)
    return frozenset(found)
