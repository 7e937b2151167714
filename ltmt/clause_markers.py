"""The list or clause marker before a line's words: ``-``, ``•``, ``1.``, ``a)``, ``1.3``,
``(b)``, ``§ 3``, ``iv.``.

A contract's clause, a statute's paragraph or a list's item is numbered where it stands, and the
same sentence comes back under another number (or none): a CAT tool sets the marker aside when
it matches the line against its memory, so that ``(b) The processing is ...`` reuses the
approved translation of ``The processing is ...``. :func:`split_marker` finds it;
:data:`LIST_ITEM` is the narrower set a line of wrapped text starts a list item with
(:mod:`ltmt.formats.paragraphs`). :func:`marker_for_model` is the narrower set the model gets a line
without (:class:`ltmt.units.LineForms`): it dropped or translated them (``C) Only the IT
department`` as ``Nur die IT-Abteilung``, ``I. Introduction`` as ``Ich. Entfernung``), or wrote
a clause's number as a German decimal (``2.3 Late payments`` as ``2,3 ...``). :func:`clause_number`
is the number of a clause that opens a line (``2.3``, ``4.2.1``, ``10.1.``), which qa's numbers
check reads as a reference that keeps its dots; a quantity that opens a line is none (``0.5
Tablet``, ``2.5 Stars``, and where the memory writes it with a decimal comma:
:func:`counted_in_memory`).
"""

from __future__ import annotations

import re

from ltmt.text import LETTERS, split_lines
from ltmt.unit_names import unit_named

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
# the model writes it with a decimal comma (``1,5 Millionen``), so it gets it, but for a
# clause's number (:func:`_numbers_a_clause`)
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,3}[ \t]+")
# a clause's number of several parts (``2.3``, ``4.2.1``, ``10.1.``) and the blanks after it
_CLAUSE_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+")
# the words that make a number with decimals a quantity though capitalised (a unit's name
# aside: ltmt.unit_names): a magnitude, a currency's name, a factor (``1.5 Million Users``)
_QUANTITY_WORDS = frozenset(
    {
        *("hundred", "thousand", "million", "millions", "billion", "billions", "trillion"),
        *("mio", "mrd", "bn", "tausend", "millionen", "milliarde", "milliarden"),
        *("euro", "euros", "dollar", "dollars", "pound", "pounds", "franc", "francs"),
        *("cent", "cents", "times", "fold"),
    }
)
# the English plurals of what a quantity with decimals counts, though capitalised: a rating's
# stars, a dose's tablets, a recipe's servings, a listing's baths (``2.5 Stars``, ``1.5 Tablets``
# came out ``2.5 Sterne``, and a match's ``2,5 Sterne`` stayed beside them). Closed: a clause's
# heading is a plural too (``3.1 Definitions``, ``4.1 Fees``, ``2.2 Rooms``), and keeps its dot
_COUNTED_NOUNS = frozenset(
    {
        *("stars",),
        *("tablets", "capsules", "caplets", "pills", "lozenges", "drops", "puffs", "sachets"),
        *("servings", "portions", "cups", "teaspoons", "tablespoons", "scoops", "slices"),
        *("baths", "bathrooms", "bedrooms"),
    }
)
# a number with a decimal comma that opens a line, as German writes a quantity (``1,5 ``)
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,3}[ \t]+")
# a number and a full stop (``1. ``, ``10. ``), which is also a date's day: set aside, ``1. May
# is Labour Day`` came out ``1. Vielleicht ist ...`` and a match's ``Der 1. Januar ist ...``
# gained a second ``1. ``; the model keeps a numbered list's number as it is
_NUMBER_AND_FULL_STOP = re.compile(r"\d{1,3}\.[ \t]+")
# an ASCII sign as a bullet (``- ``, ``* ``, ``+ ``), which help texts also write before an
# option or a flag in a table (``+  pad``, ``-  (hyphen) do not pad``): the model gets it, as
# before (set aside, coreutils' flag tables lost words in a trial: 13 dev segments, BLEU lower)
_SIGN_BULLET = re.compile(r"[-*+][ \t]+")


def marker_for_model(text: str, decimals_counted: bool = False) -> tuple[str, str]:
    """``(marker, rest)`` of ``text`` as :func:`split_marker` has them, but for a number with
    decimals (``1.5 million``; not a clause's, ``2.3 Late payments``, unless
    ``decimals_counted``: the memory writes such a number as a quantity,
    :func:`counted_in_memory`), a number and a full stop
    (``1. May``, a date) and an ASCII sign (``- ``, ``* ``, ``+ ``): the marker the model would
    drop or translate (``C) ``, ``• ``, ``1) ``, ``I. `` as ``Ich.``), set aside and put back as
    written. A capital and a full stop is one too, though it may be a name's initial (``M.
    Monti``): kept as written, it is what a translator writes, where the model made ``A. Smith``
    ``Ein. Schmidt``."""
    marker, rest = split_marker(text)
    if _DECIMAL.fullmatch(marker) and not decimals_counted and _numbers_a_clause(marker, rest):
        return marker, rest
    if any(kept.fullmatch(marker) for kept in (_DECIMAL, _NUMBER_AND_FULL_STOP, _SIGN_BULLET)):
        return "", text
    return marker, rest


def clause_number(text: str) -> str:
    """The number of the clause ``text`` opens (``"2.3"`` of ``2.3 Late payments ...``,
    ``"4.2.1"`` of ``4.2.1 The ...``, ``"10.1"`` of ``10.1. The ...``), without a final full
    stop; ``""`` where it opens with none: a number with decimals before a word that is not
    capitalised or names a quantity (``1.5 million``, ``2.5 GB``, ``1.5 Million``, ``2.5 Hours``,
    ``2.5 Stars``, ``0.5 Tablet``), a single number (``1. May``), words."""
    found = _CLAUSE_NUMBER.match(split_marker(text)[0])
    if found is None:
        return ""
    number = found.group()
    if _DECIMAL.fullmatch(number) and not _numbers_a_clause(number, text[found.end() :]):
        return ""
    return found.group(1)


def counted_in_memory(source: str, target: str) -> bool:
    """Whether ``target``, a memory's translation of ``source``, writes a number with decimals
    that opens a line of ``source`` as a clause's would (before a capitalised word:
    :func:`clause_number`) with a decimal comma on the same line (``4.5 App Store rating`` as
    ``4,5 App-Store-Bewertung``): the memory says such a number is a quantity (set aside, the
    match's ``4,5`` came back beside it: ``4.7 4,5 App-Store-Bewertung``)."""
    targets = split_lines(target)[0]
    for source_line, target_line in zip(split_lines(source)[0], targets, strict=False):
        words = source_line.lstrip()
        number = _DECIMAL.match(words)
        written = _DECIMAL_COMMA.match(target_line.lstrip())
        if (
            number is not None
            and written is not None
            and written.group().strip() == number.group().strip().replace(".", ",")
            and _numbers_a_clause(number.group(), words[number.end() :])
        ):
            return True
    return False


def _numbers_a_clause(number: str, rest: str) -> bool:
    """Whether ``number``, with decimals, before ``rest`` numbers a clause (``2.3 Late
    payments``, a contract's, which German writes ``2.3`` too), not a quantity (``1.5
    million``, ``2.5 GB``, ``2.5 Stars``, ``0.5 Tablet``): its first part is not 0 and ``rest``
    opens with a capitalised word that names no unit, magnitude, currency or counted thing."""
    found = LETTERS.match(rest)
    word = found.group() if found else ""
    return (
        int(number.partition(".")[0]) > 0
        and len(word) > 1
        and word.istitle()
        and unit_named(word) is None
        and word.casefold() not in _QUANTITY_WORDS
        and word.casefold() not in _COUNTED_NOUNS
    )
