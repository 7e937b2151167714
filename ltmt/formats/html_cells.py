"""A table's cells that hold block HTML translated block by block, as an HTML page is.

A shop's product table keeps a description in one cell: ``<h3>Features</h3><ul><li>Breathable
mesh</li><li>Sizes S, M, L</li></ul>``. Given whole to the model, its tags were moved about
and nested wrongly (``<h3>…</h3> <li>…</li>…<ul>…``), though the same markup in an ``.html``
file keeps its structure. A cell whose text has a block element (a paragraph, a heading, a
list or its item, a table's row or cell, a ``div``) is read as a page is
(:func:`ltmt.formats.html_segments.segments`: its runs between block boundaries, with their
inline markup, and the attribute values people read); each run is a unit of its own, translated
with the other cells (:func:`ltmt.formats.unit_translation.translate_units`), and the cell is
written back in its own structure with each run's translation in its place
(:func:`ltmt.formats.html_writing.written_html`), its ``&``, ``<`` and ``>`` escaped as the
cell escapes them: a cell written by hand (``<p>Shipping & returns</p>``) keeps them raw, one
that writes ``&amp;`` gets ``&amp;``. A cell without block markup is one unit, as before; a
line break (``First line<br>second line``) is inline markup, not a block, so a cell whose only
markup is ``<br>`` is one unit too, as before.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.documents import Unit
from ltmt.formats.html_segments import Segments, segments
from ltmt.formats.html_writing import written_html
from ltmt.formats.placeholder_syntax import CHARACTER_REFERENCE
from ltmt.formats.placeholders import Restored
from ltmt.formats.run_report import RunReport
from ltmt.formats.unclosed_markup import UnclosedMarkupError
from ltmt.formats.unit_translation import Outcome, TranslateFn, entry_place, translate_units
from ltmt.segments import Translation

# the start tag of an element that makes a block of its own (not <br>: a break inside a line)
_BLOCK_TAG = re.compile(
    r"<(?:p|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|div|blockquote"
    rf"|section|article|header|footer)\b{TAG_BODY}>",
    re.IGNORECASE,
)
_REFERENCE = re.compile(CHARACTER_REFERENCE)
_MARKUP_CHARACTERS = frozenset("&<>")
_SEPARATOR = "\t"  # between a cell's unit key and its run's key


def has_blocks(text: str) -> bool:
    """Whether ``text`` holds an element of HTML that makes a block (a line break does not)."""
    return _BLOCK_TAG.search(text) is not None


def cell_page(unit: Unit) -> Segments | None:
    """The cell ``unit``'s text read as a page where it holds block HTML; None where it does
    not."""
    return segments(unit.source) if has_blocks(unit.source) else None


def read_page(
    unit: Unit, read: Callable[[Unit], Segments | None], place: Callable[[Unit], str]
) -> Segments | None:
    """``read(unit)`` (``unit``'s text as a page of runs, or None), and where its HTML is too
    broken to read, an error naming its ``place``."""
    try:
        return read(unit)
    except UnclosedMarkupError as unreadable:
        raise unreadable.at(place(unit)) from None


def translate_cells(
    units: Sequence[Unit],
    translate: TranslateFn,
    report: RunReport | None = None,
    *,
    place: Callable[[Unit], str] = entry_place,
    read: Callable[[Unit], Segments | None] = cell_page,
) -> list[Outcome]:
    """:func:`~ltmt.formats.unit_translation.translate_units` for a table's cells: a cell with
    block HTML translated run by run and written back in its structure (module docstring);
    one outcome per unit of ``units``, in order. ``read``: a unit's text as a page of runs, or
    None where it is one unit (a catalog's messages:
    :func:`ltmt.formats.block_messages.message_blocks`; a JSON string's:
    :func:`ltmt.formats.json_html.html_value`)."""
    pages = {unit.key: page for unit in units if (page := read_page(unit, read, place)) is not None}
    runs = [run for unit in units for run in _runs(unit, pages.get(unit.key))]

    def run_place(run: Unit) -> str:
        return place(replace(run, key=run.key.split(_SEPARATOR, 1)[0]))

    outcomes = translate_units(runs, translate, report, place=run_place) if runs else []
    by_cell: dict[str, dict[str, Outcome]] = {}
    for outcome in outcomes:
        cell, _, key = outcome.unit.key.partition(_SEPARATOR)
        by_cell.setdefault(cell, {})[key] = outcome
    return [
        _cell_outcome(unit, pages[unit.key], by_cell.get(unit.key, {}))
        if unit.key in pages
        else replace(by_cell[unit.key][""], unit=unit)
        for unit in units
    ]


def _runs(unit: Unit, page: Segments | None) -> list[Unit]:
    """The units to translate for the cell ``unit``: itself, or (``page``: it holds block
    HTML) a unit for each of the page's runs and values, keyed ``CELL<tab>RUN``."""
    if page is None:
        return [replace(unit, key=f"{unit.key}{_SEPARATOR}")]
    return [
        replace(unit, key=f"{unit.key}{_SEPARATOR}{piece.key}", source=piece.source)
        for piece in page.pieces()
    ]


def _cell_outcome(unit: Unit, page: Segments, runs: dict[str, Outcome]) -> Outcome:
    """The cell's outcome: its HTML with each run's translation in place; ``ok`` only when
    every run's is (a cell is not filled half translated)."""
    done = {key: outcome.text for key, outcome in runs.items() if outcome.text.strip()}
    text = written_html(unit.source, page, done, raw=raw_characters(unit.source))
    outcomes = list(runs.values())
    restored = Restored(
        text,
        any(outcome.restored.repaired for outcome in outcomes),
        all(outcome.ok for outcome in outcomes),
        tuple(problem for outcome in outcomes for problem in outcome.restored.problems),
    )
    methods = {outcome.method for outcome in outcomes}
    method = "exact" if methods == {"exact"} else next(iter(methods - {"exact"}), "empty")
    exact = bool(outcomes) and all(outcome.exact_same_context for outcome in outcomes)
    fitted = any(outcome.fitted for outcome in outcomes)
    return Outcome(unit, restored, Translation(unit.source, text, method=method), exact, fitted)


def raw_characters(cell: str) -> frozenset[str]:
    """The characters of ``&<>`` that the HTML ``cell`` never writes as a reference
    (``&amp;``, ``&#60;``): a translation writes them as themselves, as the cell's author did
    (``Shipping & returns``), so that a cell comes back escaped as it was written."""
    referenced = {html.unescape(found.group()) for found in _REFERENCE.finditer(cell)}
    return _MARKUP_CHARACTERS - referenced
