"""Quote marks around what a source quotes written as the user's translators write them.

A source quotes a placeholder, a command or an option name (``cannot open '%s'``, ``use "git
add"``), and each product's translators have their own way of quoting it in German, the item
itself copied: git's memory writes ``'...'`` for 1,079 of its sources' 1,080 ``'...'``, vim's
``"..."`` for all 217 ``"..."`` and ``'...'`` for all 118 ``'...'``, dpkg's ``»...«`` (455 of
456), coreutils' ``„...“`` for ``'...'`` (132 of 142), gnupg's ``"..."`` for ``"..."`` (89 of
90) and ``` `...' ``` or ``'...'`` for ``'...'`` (130 and 63; ``eval/quote_style_trial.py``).
The model learnt ``»...«`` from the training catalogs and writes it for all of them, and a fused
output follows a match's words but not always its marks. So the quote marks around each item
that the source quotes and the output has as written are written as the user's memory writes
them for the source's marks (:func:`restyled`): as the translation's own matches do
(:func:`quote_table` of its matches, where they quote such an item at all, four in five alike),
else as the matches of the whole request do (at least :data:`MIN_EXAMPLES` of them, four in five
alike), else as the user's memory does (its first :data:`MEMORY_READ` pairs, read once for each
size of the memory: :func:`memory_quote_table`; a request of one line has few matches). Marks
the user hardly ever writes (under :data:`RARE_SHARE` of the examples) give way to the user's
likeliest where half the examples have them (gnupg's ``'%s'``: `` `%s' `` 130 times, ``'%s'``
63, ``»%s«`` never), and a pair of two kinds the model wrote (``»%c'``) is made one: the user's
marks where known, else its opening mark's pair. An item is the text right inside a pair of
marks (:data:`QUOTE_MARKS`), of one line, at most :data:`MAX_QUOTED` characters, not starting or
ending with a space (an apostrophe opens nothing: ``don't``). A 100 % match's stored translation
is reused as stored. Measured on the dev users (README, "Quote marks as the user writes them").
A line whose source quotes prose with typographic marks (``“Sure?” he laughed.``) gets its
double quotation marks in one style (:func:`in_one_style`): the user's for the source's marks
where known, else the German style the output writes most (``»...«`` or ``„...“``), else
``„...“``; the model wrote ``»...«``, ``„...“`` and straight ``"..."`` side by side.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ltmt.formats.attribute_values import ANY_TAG
from ltmt.json_in_text import json_spans
from ltmt.segments import Match, Translation
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.memory.store import Memory

logger = logging.getLogger(__name__)

# quote marks (opening, closing) an item is quoted with; "`%s'" before "'%s'"
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
MAX_QUOTED = 40  # characters of a quoted item
_MARK_CHARACTERS = re.escape("".join(sorted({c for pair in QUOTE_MARKS for c in pair})))
_INSIDE = (
    f"([^\\s{_MARK_CHARACTERS}](?:[^\\n{_MARK_CHARACTERS}]{{0,{MAX_QUOTED - 2}}}"
    f"[^\\s{_MARK_CHARACTERS}])?)"
)
_PATTERNS = [
    (marks, re.compile(re.escape(marks[0]) + _INSIDE + re.escape(marks[1])))
    for marks in QUOTE_MARKS
]
_OPENING = re.escape("".join(sorted({pair[0] for pair in QUOTE_MARKS})))
_CLOSING = re.escape("".join(sorted({pair[1] for pair in QUOTE_MARKS})))
_MIXED = re.compile(f"([{_OPENING}]){_INSIDE}([{_CLOSING}])")
MIN_EXAMPLES = 5  # a request's or memory's pairs decide a source's marks with this many
MIN_SHARE = 0.8  # ... when this share of them write the same marks
RARE_SHARE = 0.05  # marks the user writes this rarely are not the user's: the likeliest are
MEMORY_READ = 20_000  # pairs of a user's memory read for its table
# double quotation marks of prose: typographic ones (a source's mark that it quotes prose) and
# all that a translation's quotations may be written with
_TYPOGRAPHIC_DOUBLE = frozenset("»«„“”")
_DOUBLE = re.compile('[»«„“”"]')
_TAG = re.compile(ANY_TAG)  # a tag's attribute values hold straight quotes of their own
GERMAN_QUOTES = ("„", "“")
GUILLEMETS = ("»", "«")  # the other German style, which the model learnt

# how a user's translators quote an item the source quotes: source marks -> their marks
QuoteTable = dict[tuple[str, str], Counter[tuple[str, str]]]


def quoted_items(text: str) -> dict[str, tuple[str, str]]:
    """What ``text`` quotes (a placeholder, a command, an option name: the text right inside a
    pair of quote marks, at most :data:`MAX_QUOTED` characters of one line), each with its
    marks (an item quoted in two ways is left out)."""
    found: dict[str, tuple[str, str] | None] = {}
    for _, _, item, marks in quoted_spans(text):
        seen = found.setdefault(item, marks)
        if seen != marks:
            found[item] = None
    return {item: marks for item, marks in found.items() if marks is not None}


def quote_table(pairs: Iterable[tuple[str, str]]) -> QuoteTable:
    """How the targets of ``pairs`` (source, target) quote the placeholders their sources quote:
    for each pair of marks of a source, the marks its target writes, counted."""
    table: QuoteTable = {}
    for source, target in pairs:
        wanted = quoted_items(source)
        if not wanted:
            continue
        for item, marks in quoted_items(target).items():
            if item in wanted:
                table.setdefault(wanted[item], Counter())[marks] += 1
    return table


def chosen_marks(
    table: QuoteTable,
    source_marks: tuple[str, str],
    min_examples: int = 1,
    written: tuple[str, str] | None = None,
) -> tuple[str, str] | None:
    """The marks ``table`` writes for ``source_marks``: those of :data:`MIN_SHARE` of its
    examples at least (and ``min_examples``); or, where the output's ``written`` marks are
    ones the table hardly ever writes (under :data:`RARE_SHARE`), its likeliest marks if half
    its examples have them; else None."""
    counts = table.get(source_marks)
    if not counts:
        return None
    marks, count = counts.most_common(1)[0]
    total = sum(counts.values())
    if total < min_examples:
        return None
    if count >= MIN_SHARE * total:
        return marks
    foreign = written is not None and counts[written] < RARE_SHARE * total
    return marks if foreign and count >= total / 2 else None


def restyled(
    source: str,
    output: str,
    own: QuoteTable,
    request: QuoteTable,
    memory: Callable[[], QuoteTable] | None = None,
) -> str:
    """``output`` (a translation of ``source``) with the quote marks around each item the
    source quotes (and the output has as written) written as ``own`` (its matches' table)
    writes them for the source's marks, else as ``request`` (the request's matches' table)
    does, else as ``memory()`` (the user's memory's, asked for only then) does (module
    docstring). A pair of two kinds around an item the source does not quote as written (the
    model garbled it) is taken for the source's quotation where the source quotes with one
    kind of marks alone."""
    wanted = quoted_items(source)
    if not wanted:
        return output
    edits: list[tuple[int, int, str]] = []
    # the marks of a source that quotes with one kind alone: those of a pair of two kinds of
    # double marks around an item the model garbled (``»{title}}“`` for ``"{{title}}"``, its
    # placeholder repaired after this; not an apostrophe's ``'s Ordner“``)
    kinds = set(wanted.values())
    sole = kinds.pop() if len(kinds) == 1 else None
    for start, end, item, marks in _output_spans(output):
        paired = marks in QUOTE_MARKS
        double = all(_DOUBLE.fullmatch(mark) for mark in marks)
        source_marks = wanted.get(item, sole if double and not paired else None)
        if source_marks is None:
            continue
        written = marks if paired else None
        new = chosen_marks(own, source_marks) or chosen_marks(
            request, source_marks, MIN_EXAMPLES, written
        )
        if new is None and memory is not None:
            new = chosen_marks(memory(), source_marks, MIN_EXAMPLES, written)
        if new is None and not paired:  # a pair of two kinds: its opening mark's own pair
            new = next(pair for pair in QUOTE_MARKS if pair[0] == marks[0])
        if new is not None and new != marks:
            edits.append((start, end, new[0] + item + new[1]))
    for start, end, text in reversed(edits):
        output = output[:start] + text + output[end:]
    return output


def memory_quote_table(memory: Memory, user: str, limit: int = MEMORY_READ) -> QuoteTable:
    """The :func:`quote_table` of ``user``'s stored pairs (the first ``limit`` of them, in id
    order: a large memory's convention shows in its first ones)."""
    segments = itertools.islice(memory.segments(user), limit)
    return quote_table((segment.source, segment.target) for segment in segments)


def in_users_quotes(
    translations: Sequence[Translation], memory: Callable[[], QuoteTable] | None = None
) -> list[Translation]:
    """``translations`` (one user's request, with their memory matches) with their quote marks
    restyled (:func:`restyled`), each from its own matches' table, else the request's, else
    ``memory()`` (the user's memory's: :func:`memory_quote_table`, asked for where those
    decide nothing); reused matches and empty ones as they are."""
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
        text = restyled(translation.source, translation.text, own, request, memory)
        text = in_one_style(translation.source, text, (own, request), memory)
        out.append(translation if text == translation.text else replace(translation, text=text))
    changed = sum(a is not b for a, b in zip(translations, out, strict=True))
    if changed:
        logger.info(
            "quote marks: %s quote as the user's memory does",
            counted(changed, "output"),
        )
    return out


def in_one_style(
    source: str,
    output: str,
    tables: tuple[QuoteTable, QuoteTable],
    memory: Callable[[], QuoteTable] | None = None,
) -> str:
    """``output`` with its double quotation marks of one style where ``source`` quotes with
    typographic ones (``“Sure?” he laughed. “Nothing is sure.”``): the marks the user's tables
    write for the source's (its own matches' and the request's of ``tables``, else
    ``memory()``'s: :func:`chosen_marks`), else the German style ``output`` already writes
    most (:func:`_german_style_of`). The model wrote ``»Sure?« ... „Nichts ...“`` in one line,
    and straight ``"..."`` for a source's curly ones. A source that quotes with straight marks
    alone (code, a command) is left to :func:`restyled`."""
    source_marks = _typographic_pair(source)
    if source_marks is None:
        return output
    own, request = tables
    marks = (
        chosen_marks(own, source_marks)
        or chosen_marks(request, source_marks, MIN_EXAMPLES)
        or (chosen_marks(memory(), source_marks, MIN_EXAMPLES) if memory is not None else None)
        or _german_style_of(output)
    )
    return "\n".join(_line_in_style(line, marks) for line in output.split("\n"))


def _german_style_of(output: str) -> tuple[str, str]:
    """The German marks ``output`` opens more quotations with, ``»...«`` or ``„...“`` (``„...“``
    on a tie or with neither). Keeping the model's own style makes a line whose source quotes
    with curly marks quote as the lines beside it do, whose straight-quoted sources keep the
    model's marks (a Markdown table's row had ``„...“`` in one cell and ``»...«`` in the next)."""
    return GUILLEMETS if output.count("»") > output.count("„") else GERMAN_QUOTES


def _typographic_pair(text: str) -> tuple[str, str] | None:
    """The marks of the first quotation of ``text`` written with typographic double marks
    (``“``, ``”``), or None where it has none."""
    marks = [mark for mark in double_marks(text) if text[mark] in _TYPOGRAPHIC_DOUBLE]
    if len(marks) < 2:
        return None
    return text[marks[0]], text[marks[1]]


def _line_in_style(line: str, marks: tuple[str, str]) -> str:
    """``line`` with each two of its double quotation marks (outside tags), in turn, as
    ``marks``; as it is where one of them has no partner (a quotation that runs on)."""
    found = double_marks(line)
    if len(found) % 2:
        return line
    characters = list(line)
    for number, at in enumerate(found):
        characters[at] = marks[number % 2]
    return "".join(characters)


def double_marks(text: str) -> list[int]:
    """Where ``text``'s double quotation marks are, outside its tags and its JSON."""
    inside = bytearray(len(text))  # a mark strictly inside a tag or JSON (one pass: linear)
    for start, end in _code_spans(text):
        inside[start + 1 : end] = b"\x01" * max(end - start - 1, 0)
    return [found.start() for found in _DOUBLE.finditer(text) if not inside[found.start()]]


def _pairs(matches: Iterable[Match]) -> Iterable[tuple[str, str]]:
    return ((match.segment.source, match.segment.target) for match in matches)


def _output_spans(text: str) -> list[tuple[int, int, str, tuple[str, str]]]:
    """:func:`quoted_spans` of an output, and the items between an opening mark and a closing
    one of another pair (the model's ``»%s'``), where no pair is."""
    spans = quoted_spans(text)
    taken = [(start, end) for start, end, _, _ in spans] + _code_spans(text)
    for found in _MIXED.finditer(text):
        if not any(start < found.end() and found.start() < end for start, end in taken):
            spans.append((found.start(), found.end(), found.group(2), (found[1], found[3])))
    return sorted(spans)


def quoted_spans(text: str) -> list[tuple[int, int, str, tuple[str, str]]]:
    """Each quoted item of ``text`` (module docstring): where it starts and ends with its
    marks, the item, the marks; left to right, none overlapping (the first of two that share a
    mark). Quotes inside a tag are its attribute's (``<xliff:g example="3">``), no item, and so
    are quotes inside JSON (``{"priority": "high"}``: :mod:`ltmt.json_in_text`)."""
    tags = _code_spans(text)
    found = sorted(
        (m.start(), m.end(), m.group(1), marks)
        for marks, pattern in _PATTERNS
        for m in pattern.finditer(text)
        if not any(start < m.start() < end for start, end in tags)
    )
    spans: list[tuple[int, int, str, tuple[str, str]]] = []
    for span in found:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s tags and JSON are, whose quote marks are their own: never restyled
    (a payload's ``{"priority": "high"}`` came out ``{»priority«: »high«}``)."""
    tags = [found.span() for found in _TAG.finditer(text)]
    return tags + json_spans(text)
