"""Placeholders wrapped in an inline code, and a stored text without the wrapper.

Android wraps almost every argument of a string in ``<xliff:g>`` (``You have <xliff:g
id="count" example="3">%d</xliff:g> tasks due today.``), and XLIFF files wrap one in a code
(``<g id="1">%d</g>``, 2.0's ``<pc>``, or a self-closing ``<x id="1" equiv-text="%d"/>``
that stands for it). A memory imported from PO, TMX or another tool holds the same sentence
without the wrapper (``You have %d tasks due today.``), and scored against the wrapped string
it was no exact match (57.1): the model translated a sentence whose reviewed translation was
stored. :func:`unwrapped` gives the text with each such placeholder bare, and
:func:`rewrapped` puts the wrappers back around the same placeholders of a stored text (its
source, its target), so that the pair is reused with the wrapper as the file writes it
(aapt2 reads ``<xliff:g>`` as written).

Narrow on purpose: a wrapper counts only where it holds one placeholder of a format string
and nothing else (``<xliff:g id="app">Gmail</xliff:g>`` holds words, which stay the model's),
and only a placeholder that the text and the stored text each hold once is put back: with two
``%d``, which of the German's two the ``id="count"`` wrapper goes around cannot be told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.placeholder_syntax import find_placeholders

# the codes that wrap a placeholder around it: Android's <xliff:g>, XLIFF's <g>, <ph> (the
# native code in it) and 2.0's <pc>; group 3 is what they hold (no tag inside)
_PAIRED_WRAPPER = re.compile(rf"<(xliff:g|g|ph|pc)(\s{TAG_BODY})?(?<!/)>([^<]*)</\1\s*>")
# a self-closing code that says the placeholder it stands for: <x id="1" equiv-text="%d"/>,
# 2.0's <ph id="1" equiv="%d"/>
_EMPTY_CODE = re.compile(rf"<(?:x|ph)(\s{TAG_BODY})/>")
_EQUIVALENT = re.compile(r"""\sequiv(?:-text)?\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
# the kinds of placeholder a program fills in (ltmt.formats.placeholder_syntax): printf's
# (%d, %1$s), braces ({count}, {0}) and sigils ($name, :count); not %%, a literal percent
_FILLED_KINDS = frozenset({"printf", "brace", "sigil"})


@dataclass(frozen=True)
class Wrapper:
    """A placeholder's wrapper as the text writes it (``written``, the placeholder in it) and
    the ``placeholder`` it wraps (``%d``)."""

    written: str
    placeholder: str


@dataclass(frozen=True)
class Unwrapped:
    """A text with each wrapped placeholder bare (``text``) and the ``wrappers`` taken off."""

    text: str
    wrappers: tuple[Wrapper, ...]


def unwrapped(text: str) -> Unwrapped | None:
    """``text`` with each placeholder that a code wraps alone bare (module docstring), or None
    where it has no such wrapper, or where a wrapped placeholder is not the only one of its
    kind in the bare text (``%d of <xliff:g>%d</xliff:g>``)."""
    if "<" not in text:  # (the common case: no code)
        return None
    wrappers: list[Wrapper] = []

    def bare(found: re.Match[str]) -> str:
        placeholder = _wrapped_placeholder(found)
        if placeholder is None:
            return found.group()
        wrappers.append(Wrapper(found.group(), placeholder))
        return placeholder

    text = _EMPTY_CODE.sub(bare, _PAIRED_WRAPPER.sub(bare, text))
    if not wrappers or any(_count(text, w.placeholder) != 1 for w in wrappers):
        return None
    return Unwrapped(text, tuple(wrappers))


def rewrapped(text: str, wrappers: tuple[Wrapper, ...]) -> str | None:
    """``text`` (a stored source or target without wrappers) with each of ``wrappers`` put
    back around its placeholder; None where ``text`` does not hold each placeholder once."""
    spans = []
    for wrapper in wrappers:
        found = [p for p in find_placeholders(text) if p.text == wrapper.placeholder]
        if len(found) != 1:
            return None
        spans.append((found[0].start, found[0].end, wrapper.written))
    for start, end, written in sorted(spans, reverse=True):
        text = text[:start] + written + text[end:]
    return text


def _wrapped_placeholder(found: re.Match[str]) -> str | None:
    """The placeholder that ``found`` (a :data:`_PAIRED_WRAPPER` or :data:`_EMPTY_CODE`
    match) wraps or stands for, where it is one that a program fills in and nothing else."""
    if found.re is _PAIRED_WRAPPER:
        held = found.group(3)
    else:
        equivalent = _EQUIVALENT.search(found.group(1))
        if equivalent is None:
            return None
        held = equivalent.group(1) if equivalent.group(1) is not None else equivalent.group(2)
    placeholders = find_placeholders(held)
    if len(placeholders) != 1 or placeholders[0].text != held or held == "%%":
        return None
    return held if placeholders[0].kind in _FILLED_KINDS else None


def _count(text: str, placeholder: str) -> int:
    """How many placeholders of ``text`` are ``placeholder``."""
    return sum(1 for p in find_placeholders(text) if p.text == placeholder)
