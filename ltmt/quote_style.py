"""Quote marks around a placeholder written as the user's translators write them.

A source quotes a placeholder (``cannot open '%s'``), and each product's translators have their
own way of quoting it in German: git's memory writes ``'%s'`` for all 825 of its sources'
``'%s'``, vim's ``"%s"`` for all 86 ``"%s"``, dpkg's ``»%s«`` (418 of 419), gnupg's ``"%s"`` for
``"%s"`` (73 of 74) and ``` `%s' ``` or ``'%s'`` for ``'%s'`` (128 and 52;
``eval/quote_style_trial.py``). The model learnt ``»%s«`` from the training catalogs and wrote it
for every one of them, and a fused output follows a match's words but not always its marks. So
each output's quote marks around a placeholder that the source quotes are written as the user's
memory writes them for the source's marks (:func:`restyled`): as the translation's own matches
do (:func:`quote_table` of its matches, where they quote such a placeholder at all, four in five
alike), else as the matches of the whole request do (at least :data:`MIN_EXAMPLES` of them,
four in five alike). A 100 % match's stored translation is reused as stored. Measured on the
dev users (README, "Quote marks as the user writes them").
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.segments import Match, Translation
from ltmt.wording import counted

logger = logging.getLogger(__name__)

# quote marks (opening, closing) a placeholder is quoted with; "`%s'" before "'%s'"
QUOTE_MARKS: tuple[tuple[str, str], ...] = (
    ("»", "«"),
    ("«", "»"),
    ("„", "“"),
    ("“", "”"),
    ("\u201a", "\u2018"),  # single low-9, left single
    ("\u2018", "\u2019"),  # left and right single
    ('"', '"'),
    ("`", "'"),
    ("'", "'"),
)
MIN_EXAMPLES = 5  # a request's matches decide a source's marks with this many examples
MIN_SHARE = 0.8  # ... when this share of them write the same marks

# how a user's translators quote a placeholder the source quotes: source marks -> their marks
QuoteTable = dict[tuple[str, str], Counter[tuple[str, str]]]


def quoted_placeholders(text: str) -> dict[str, tuple[str, str]]:
    """The placeholders of ``text`` right inside a pair of quote marks, each with its marks (a
    placeholder quoted in two ways is left out)."""
    found: dict[str, tuple[str, str] | None] = {}
    for placeholder in find_placeholders(text):
        marks = _marks_around(text, placeholder.start, placeholder.end)
        if marks is None:
            continue
        seen = found.setdefault(placeholder.text, marks)
        if seen != marks:
            found[placeholder.text] = None
    return {text: marks for text, marks in found.items() if marks is not None}


def quote_table(pairs: Iterable[tuple[str, str]]) -> QuoteTable:
    """How the targets of ``pairs`` (source, target) quote the placeholders their sources quote:
    for each pair of marks of a source, the marks its target writes, counted."""
    table: QuoteTable = {}
    for source, target in pairs:
        wanted = quoted_placeholders(source)
        if not wanted:
            continue
        for placeholder, marks in quoted_placeholders(target).items():
            if placeholder in wanted:
                table.setdefault(wanted[placeholder], Counter())[marks] += 1
    return table


def chosen_marks(
    table: QuoteTable, source_marks: tuple[str, str], min_examples: int = 1
) -> tuple[str, str] | None:
    """The marks ``table`` writes for ``source_marks``: those of :data:`MIN_SHARE` of its
    examples at least (and ``min_examples``), else None."""
    counts = table.get(source_marks)
    if not counts:
        return None
    marks, count = counts.most_common(1)[0]
    total = sum(counts.values())
    return marks if total >= min_examples and count >= MIN_SHARE * total else None


def restyled(source: str, output: str, own: QuoteTable, request: QuoteTable) -> str:
    """``output`` (a translation of ``source``) with the quote marks around each placeholder the
    source quotes written as ``own`` (its matches' table) writes them for the source's marks,
    else as ``request`` (the request's matches' table) does (module docstring)."""
    wanted = quoted_placeholders(source)
    if not wanted:
        return output
    edits: list[tuple[int, int, str]] = []
    for placeholder in find_placeholders(output):
        marks = _marks_around(output, placeholder.start, placeholder.end)
        source_marks = wanted.get(placeholder.text)
        if marks is None or source_marks is None:
            continue
        new = chosen_marks(own, source_marks) or chosen_marks(request, source_marks, MIN_EXAMPLES)
        if new is not None and new != marks:
            edits.append((placeholder.start - len(marks[0]), placeholder.start, new[0]))
            edits.append((placeholder.end, placeholder.end + len(marks[1]), new[1]))
    for start, end, text in sorted(edits, reverse=True):
        output = output[:start] + text + output[end:]
    return output


def in_users_quotes(translations: Sequence[Translation]) -> list[Translation]:
    """``translations`` (one user's request, with their memory matches) with their quote marks
    restyled (:func:`restyled`), each from its own matches' table and the request's; reused
    matches and empty ones as they are."""
    matches: dict[int, Match] = {}
    for translation in translations:
        for match in translation.matches:
            matches.setdefault(match.segment.id, match)
    request = quote_table(_pairs(matches.values()))
    out: list[Translation] = []
    for translation in translations:
        if translation.method in ("exact", "empty"):
            out.append(translation)
            continue
        own = quote_table(_pairs(translation.matches))
        text = restyled(translation.source, translation.text, own, request)
        out.append(translation if text == translation.text else replace(translation, text=text))
    changed = sum(a is not b for a, b in zip(translations, out, strict=True))
    if changed:
        logger.info(
            "quote marks: %s quote placeholders as the user's memory does",
            counted(changed, "output"),
        )
    return out


def _pairs(matches: Iterable[Match]) -> Iterable[tuple[str, str]]:
    return ((match.segment.source, match.segment.target) for match in matches)


def _marks_around(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The quote marks right around ``text[start:end]``, or None."""
    for opening, closing in QUOTE_MARKS:
        if text[:start].endswith(opening) and text[end:].startswith(closing):
            return opening, closing
    return None
