"""The whitespace checks of one entry: ``whitespace`` (the source's spaces and line breaks at
its edges, its tabs between words, and the line breaks that lay it out) and ``nbsp`` (its
no-break spaces). :data:`ltmt.qa.pair_checks.PAIR_CHECKS` names them beside the other checks
of one entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import suppress
from typing import Any

from ltmt.folded_characters import NO_BREAK_SPACE_NAMES, folded_separators
from ltmt.formats.icu_messages import Unsupported, is_branching, literal_text
from ltmt.text import split_edges
from ltmt.wording import counted, first_few

_SPACE_NAMES = {" ": "space", "\n": "line break", "\t": "tab", "\r": "carriage return"}
# a line break its reader sees: not one followed by indentation (a wrapped line's)
_TEXT_BREAK = re.compile(r"\n(?![ \t])")

# a line break that lays a text out, not one that wraps prose: a blank line, one after a colon,
# one before a list item (-, *, •, 1., 1))
_LAYOUT_BREAK = re.compile(r"\n[ \t]*\n|:[ \t]*\n|\n[ \t]*(?:[-*•]|\d+[.)])[ \t]")


def whitespace_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Whether ``target`` starts and ends with ``source``'s whitespace, and has as many tabs
    between its words (``Name:\tValue``: a tab lines up a column, which a space does not),
    and no fewer line breaks where the source's are its layout (a blank line, a break after a
    ``:`` or before a list item: a lost one joins a letter's greeting to its text); prose
    re-wrapped into other lines, fewer or more, is the translator's to wrap."""
    source_lead, source_body, source_trail = split_edges(source)
    target_lead, body, target_trail = split_edges(target)
    if not body:
        return []
    problems = []
    tabs, target_tabs = source_body.count("\t"), body.count("\t")
    if tabs != target_tabs:
        problems.append(
            f"the source has {counted(tabs, 'tab')} between its words, the translation "
            f"{target_tabs or 'none'}"
        )
    breaks, target_breaks = _text_breaks(source_body), _text_breaks(body)
    if target_breaks < breaks and _LAYOUT_BREAK.search(source_body):
        problems.append(
            f"the source has {counted(breaks, 'line break')} between its words, the "
            f"translation {target_breaks or 'none'}"
        )
    for edge, want, have in (
        ("starts", source_lead, target_lead),
        ("ends", source_trail, target_trail),
    ):
        if want != have:
            problems.append(
                f"the source {edge} with {_spaces(want)}, the translation with {_spaces(have)}"
            )
    return problems


def nbsp_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The no-break spaces of ``source`` that ``target`` has fewer of (a plain space in their
    place breaks a line between a number and its unit); more are the target language's own."""
    if not target.strip():
        return []
    problems = []
    for space, name in NO_BREAK_SPACE_NAMES.items():
        want, have = source.count(space), target.count(space)
        if have < want:
            between = [
                f"{left!r} and {right!r}"
                for left, kind, right in folded_separators(source)
                if kind == space
            ]
            where = f" (between {first_few(between)})" if between else ""
            problems.append(
                f"the source has {counted(want, name)}{where}, the translation {have or 'none'}"
            )
    return problems


def _text_breaks(text: str) -> int:
    """The line breaks of ``text`` that its reader shows: not those between an ICU message's
    branches (Symfony's YAML writes one a line), nor one followed by indentation (a line
    wrapped in an XML or YAML file, whose breaks are layout: an XLIFF source without
    ``xml:space="preserve"``)."""
    if is_branching(text):
        with suppress(Unsupported):  # the icu check says what ICU rejects
            text = literal_text(text)
    return len(_TEXT_BREAK.findall(text))


def _spaces(edge: str) -> str:
    """``edge`` (whitespace) in words: ``none``, ``a line break``, ``2 spaces``, ``a space +
    a line break``."""
    if not edge:
        return "none"
    names = [_SPACE_NAMES.get(char, f"U+{ord(char):04X}") for char in edge]
    if len(set(names)) == 1:
        return f"a {names[0]}" if len(names) == 1 else counted(len(names), names[0])
    return " + ".join(f"a {name}" for name in names)
