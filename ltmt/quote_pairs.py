"""Quotations whose two marks are of two kinds (``»{{title}}“``), made one pair.

A fused output follows the model to a quotation's opening mark (``»``, which it learnt from
the training catalogs) and a match to its closing one (``“`` of the user's ``„...“``): an
Electron app's ``The note "{{title}}" could not be found.`` came out ``Die Note »{{title}}“
konnte nicht gefunden werden.`` (the model alone wrote ``»{{title}}«``), and a user's quote
style (:mod:`ltmt.quote_style`) missed it where the item was garbled before the placeholder
repair (``»{title}}“``). :func:`mixed_pairs` finds such quotations in typographic double marks
(straight ``"`` is left out: it nests inside the others, ``»%s -c "help set"«``), and
:func:`paired_again` gives a German output's quotation its opening mark's pair (``»...«``,
``„...“``, Swiss ``«...»``) where its source has no such quotation, after the placeholders are
repaired (:func:`ltmt.formats.placeholders.fit_translation`,
:func:`ltmt.formats.unit_translation.fit`); ``ltmt qa`` says the others
(:mod:`ltmt.qa.punctuation_checks`).

The marks of a line are paired as they nest (``»Er sagte „ja“.«`` is two good pairs), else in
turn; a line with an odd number of them has a quotation that runs on (a lone mark: qa's), and
is let be.
"""

from __future__ import annotations

from ltmt.quote_style import double_marks

# a quotation's typographic double marks, opening mark -> closing mark: German's (``»...«``,
# ``„...“``), Switzerland's (``«...»``) and English's (``“...”``, which a user may write)
_CLOSING = {"»": "«", "«": "»", "„": "“", "“": "”"}
_TYPOGRAPHIC = frozenset("»«„“”")
# the opening marks of German's pairs: the pair a quotation opened with one of them is given
_GERMAN_OPENING = frozenset("»«„")


def mixed_pairs(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s quotations in typographic double marks of two kinds are: each the
    positions of its opening and its closing mark (``»{{title}}“``, ``„%s”``, ``»%s»``), left
    to right; outside tags and JSON (:func:`ltmt.quote_style.double_marks`)."""
    marks = [at for at in double_marks(text) if text[at] in _TYPOGRAPHIC]
    found: list[tuple[int, int]] = []
    line: list[int] = []
    for at in marks:
        if line and "\n" in text[line[-1] : at]:
            found += _mixed_in_line(text, line)
            line = []
        line.append(at)
    return found + _mixed_in_line(text, line)


def _mixed_in_line(text: str, marks: list[int]) -> list[tuple[int, int]]:
    """The pairs of two kinds among the marks of one line (module docstring)."""
    if len(marks) % 2 or _nested(text, marks):
        return []
    pairs = zip(marks[::2], marks[1::2])
    return [(a, b) for a, b in pairs if _CLOSING.get(text[a]) != text[b]]


def _nested(text: str, marks: list[int]) -> bool:
    """Whether the ``marks`` of one line pair off as quotations inside quotations do, each
    closed by its own opening mark's pair (a mark that closes the innermost open quotation
    closes it, else it opens one)."""
    open_marks: list[str] = []
    for at in marks:
        mark = text[at]
        if open_marks and _CLOSING[open_marks[-1]] == mark:
            open_marks.pop()
        elif mark in _CLOSING:
            open_marks.append(mark)
        else:
            return False
    return not open_marks


def closing_mark(opening: str) -> str:
    """The mark that closes a quotation opened with ``opening`` (``»`` → ``«``, ``„`` → ``“``)."""
    return _CLOSING[opening]


def paired_again(source: str, output: str, language: str) -> str:
    """``output`` (a translation of ``source`` into ``language``) with each quotation of
    :func:`mixed_pairs` that opens with a German mark (``»``, ``„``, ``«``) closed by that
    mark's pair: ``»{{title}}“`` → ``»{{title}}«``. As it is for a language other than German,
    and where ``source`` has such a quotation itself (a copied one is the source's)."""
    if _primary(language) != "de" or mixed_pairs(source):
        return output
    characters = list(output)
    for opening, closing in mixed_pairs(output):
        if output[opening] in _GERMAN_OPENING:
            characters[closing] = _CLOSING[output[opening]]
    return "".join(characters)


def _primary(language: str) -> str:
    """The language of a tag (``de`` of ``de-AT``, ``de_CH``), in small letters."""
    return language.casefold().replace("_", "-").split("-")[0]
