"""The list or clause marker before a line's words: ``-``, ``•``, ``1.``, ``a)``, ``1.3``,
``(b)``, ``§ 3``, ``iv.``.

A contract's clause, a statute's paragraph or a list's item is numbered where it stands, and the
same sentence comes back under another number (or none): a CAT tool sets the marker aside when
it matches the line against its memory, so that ``(b) The processing is ...`` reuses the
approved translation of ``The processing is ...``. :func:`split_marker` finds it;
:data:`LIST_ITEM` is the narrower set a line of wrapped text starts a list item with
(:mod:`ltmt.formats.paragraphs`). :func:`marker_for_model` is the narrower set the model gets a line
without (:class:`ltmt.units.LineForms`): it dropped or translated them (``C) Only the IT
department`` as ``Nur die IT-Abteilung``, ``I. Introduction`` as ``Ich. Entfernung``).
"""

from __future__ import annotations

import re

# a list item's bullet, number or letter: -, *, +, •, 1., 2), a)
LIST_ITEM = r"(?:[-*+•]|\d{1,3}[.)]|[a-zA-Z][.)])"
# a clause's number as contracts and statutes write it: 1.3, 1.3.2., (1), (b), (iv), iv., IV),
# § 3, §§ 3a
_CLAUSE = (
    r"(?:\d{1,3}(?:\.\d{1,3})+\.?"
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,6}|[IVXLC]{1,6})\)"
    r"|(?:[ivxlc]{1,6}|[IVXLC]{1,6})[.)]"
    r"|§{1,2}[ \t]?\d{1,4}[a-z]?)"
)
# a marker at a text's start, with the blanks after it, before words
_MARKER = re.compile(rf"(?:{_CLAUSE}|{LIST_ITEM})[ \t]+(?=\S)")


def split_marker(text: str) -> tuple[str, str]:
    """``(marker, rest)`` of ``text``: its leading list or clause marker with the blanks after
    it (``"(b) "``), and the words after them; ``("", text)`` where it starts with none (its
    leading whitespace is the caller's: ``  1. Foo`` has none)."""
    found = _MARKER.match(text)
    if found is None:
        return "", text
    return found.group(), text[found.end() :]


# a number with decimals, which split_marker takes for a clause's (``1.5 million``, ``4.5 metre``):
# the model writes it with a decimal comma (``1,5 Millionen``), so it gets it
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,3}[ \t]+")
# a number and a full stop (``1. ``, ``10. ``), which is also a date's day: set aside, ``1. May
# is Labour Day`` came out ``1. Vielleicht ist ...`` and a match's ``Der 1. Januar ist ...``
# gained a second ``1. ``; the model keeps a numbered list's number as it is
_NUMBER_AND_FULL_STOP = re.compile(r"\d{1,3}\.[ \t]+")
# an ASCII sign as a bullet (``- ``, ``* ``, ``+ ``), which help texts also write before an
# option or a flag in a table (``+  pad``, ``-  (hyphen) do not pad``): the model gets it, as
# before (set aside, coreutils' flag tables lost words in a trial: 13 dev segments, BLEU lower)
_SIGN_BULLET = re.compile(r"[-*+][ \t]+")


def marker_for_model(text: str) -> tuple[str, str]:
    """``(marker, rest)`` of ``text`` as :func:`split_marker` has them, but for a number with
    decimals (``1.5 million``), a number and a full stop (``1. May``, a date) and an ASCII sign
    (``- ``, ``* ``, ``+ ``): the marker the model would drop or translate (``C) ``, ``• ``,
    ``1) ``, ``I. `` as ``Ich.``), set aside and put back as written. A capital and a full
    stop is one too, though it may be a name's initial (``M. Monti``): kept as written, it is
    what a translator writes, where the model made ``A. Smith`` ``Ein. Schmidt``."""
    marker, rest = split_marker(text)
    if any(kept.fullmatch(marker) for kept in (_DECIMAL, _NUMBER_AND_FULL_STOP, _SIGN_BULLET)):
        return "", text
    return marker, rest
