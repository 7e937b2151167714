"""The text a Markdown page shows from outside its blocks, each value written in its own syntax:
a :class:`Value` of its front matter (:mod:`ltmt.formats.front_matter`), a link reference
definition's title (``[dl]: https://... "Download CloudDesk"``), translated as an inline link's
title is (it was left in English), or a Hugo shortcode's or a Liquid include's ``alt``,
``caption``, ``title``, ``attr``, ``summary``, ``label``, ``content`` and ``text`` (``{{< figure
src="x.png" alt="The dashboard" >}}``, ``{{< details summary="Show advanced options" >}}``, ``{%
include note.html content="Back up first." %}``) on a line of template tags alone (or over
lines of their own: ``{{< figure`` / ``  alt="The dashboard"`` / ``>}}``), as an image's alt
text is (they were left in English), where it holds no markup, or an abbreviation's expansion
(``*[API]: Application Programming Interface``); a shortcode's other attributes, a value with
Markdown or HTML in it, a shortcode in a paragraph's text (code there) and an include in ``{%
raw %}`` are kept as written."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ltmt.formats.markdown_extensions import ABBREVIATION, SHORTCODE
from ltmt.formats.markup_characters import tagged_text
from ltmt.formats.template_parameters import (
    LIQUID_TEXT,
    MARKUP_SIGN,
    TEXT_PARAMETERS,
    is_identifier,
    liquid_includes,
    liquid_string,
)
from ltmt.text import has_letter

# a link reference definition on one line with a title: "...", '...' or (...)
_DEFINITION_TITLE = re.compile(
    r"""(?P<prefix>[ ]{0,3}\[[^\[\]]+\]:[ \t]*(?:<[^<>\n]*>|\S+)[ \t]+(?P<quote>["'(]))"""
    r"""(?P<value>.*)(?P<suffix>[)"'][ \t]*)"""
)
_CLOSING = {'"': '"', "'": "'", "(": ")"}
# an attribute of a Hugo shortcode that people read
_SHORTCODE_TEXT = re.compile(
    rf'(?<=\s)(?:{TEXT_PARAMETERS})[ \t]*=[ \t]*"(?P<value>(?:[^"\\]|\\.)*)"'
)
# a quoted value of a Hugo shortcode's parameter ("...", or a raw string `...`)
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|`[^`]*`')


@dataclass(frozen=True)
class Value:
    """One value a page shows: its lines (``first`` to before ``last``), what stands before
    and after it on its first line, its text in the tagged form, and how a translation (plain
    text) is written in its place (``written``: quoted, escaped as its syntax needs)."""

    first: int
    last: int
    prefix: str
    suffix: str
    source: str
    written: Callable[[str], str]


def definition_title(number: int, line: str) -> Value | None:
    """The title of the link reference definition that is line ``number``, if it has one
    with a letter."""
    from markdown_it.common.utils import unescapeAll

    found = _DEFINITION_TITLE.fullmatch(line.rstrip("\r"))
    if found is None or not found.group("suffix").startswith(_CLOSING[found.group("quote")]):
        return None
    written = functools.partial(_title, closing=_CLOSING[found.group("quote")])
    title = unescapeAll(found.group("value"))
    return text_value(
        number, number + 1, found.group("prefix"), found.group("suffix"), title, written
    )


def abbreviation_value(number: int, line: str) -> Value | None:
    """The expansion of the abbreviation that line ``number`` defines (``*[API]: Application
    Programming Interface``: an HTML title, plain text on one line), if it has a letter."""
    indent = len(line) - len(line.lstrip(" \t"))  # (an admonition's body's)
    found = ABBREVIATION.fullmatch(line.rstrip("\r"), indent)
    if found is None:
        return None
    prefix, suffix = line[: found.end("prefix")], line[found.end("value") :]
    return text_value(number, number + 1, prefix, suffix, found.group("value"), _one_line)


def _one_line(text: str) -> str:
    """``text`` on one line: its line breaks and the blanks around them one space."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text)


def shortcode_values(number: int, lines: Sequence[str]) -> list[Value]:
    """The attribute values people read of the Hugo shortcodes and Liquid includes on
    ``lines`` (from line ``number`` on), lines of template tags alone (one, or those of a tag
    over several), each value on its line; not those of an include in ``{% raw %}``."""
    text = "\n".join(lines)
    tags = [(found, _SHORTCODE_TEXT) for found in SHORTCODE.finditer(text)]
    tags += [(found, LIQUID_TEXT) for found in liquid_includes(text)]
    return [
        value
        for tag, parameter in sorted(tags, key=lambda found: found[0].start())
        for attribute in parameter.finditer(text, tag.start(), tag.end())
        if (value := _shortcode_value(number, text, attribute)) is not None
    ]


def shortcodes_as_written(lines: Sequence[str]) -> str:
    """The Hugo shortcodes on ``lines`` (lines of template tags alone), each as written but
    its quoted parameter values left out (a translator may localise any of them: ``{{< tab
    "Erste Schritte" >}}``, ``header="Andere Systeme"``), in the tagged form of code kept as
    written: what a translation's shortcodes must match by name, order and balance
    (``{{< /alarm >}}`` for ``{{< /alert >}}`` broke the build, unreported)."""
    shortcodes = (found.group() for found in SHORTCODE.finditer("\n".join(lines)))
    return "".join(
        f'<code data-md="raw">{tagged_text(_QUOTED.sub(_unquoted, shortcode))}</code>'
        for shortcode in shortcodes
    )


def _unquoted(found: re.Match[str]) -> str:
    """A quoted shortcode parameter value (:data:`_QUOTED`) with its text left out."""
    return f"{found.group()[0]}…{found.group()[0]}"


def _shortcode_value(number: int, text: str, found: re.Match[str]) -> Value | None:
    """The value of the shortcode attribute ``found`` in ``text`` (lines from line
    ``number`` on), its quotes outside it; None where it holds markup (:data:`MARKUP_SIGN`)
    or runs over lines, or is an id or a file name (``text="icon-warn"``), kept as written."""
    start, end = found.span("value")
    quote = found.groupdict().get("quote")  # (a Liquid string's, whose text has no escapes)
    value = found.group("value") if quote else re.sub(r'\\(["\\])', r"\1", found.group("value"))
    if MARKUP_SIGN.search(value) or "\n" in value or is_identifier(value):
        return None
    row, line_start = text.count("\n", 0, start), text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if "\n" in text[end:] else len(text)
    prefix, suffix = text[line_start:start], text[end:line_end]
    written = functools.partial(liquid_string, quote=quote) if quote else _shortcode_string
    return text_value(number + row, number + row + 1, prefix, suffix, value, written)


def text_value(
    first: int, last: int, prefix: str, suffix: str, text: object, written: Callable[[str], str]
) -> Value | None:
    """A :class:`Value` of ``text``, or None where it is no text with a letter."""
    if not isinstance(text, str) or not has_letter(text):
        return None
    return Value(first, last, prefix, suffix, tagged_text(text), written)


def _shortcode_string(text: str) -> str:
    """``text`` between a shortcode attribute's double quotes: those and backslashes
    escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _title(text: str, closing: str) -> str:
    """``text`` as a link title's text between its delimiters (``closing``: the one that ends
    it), that delimiter and backslashes escaped."""
    escaped = text.replace("\\", "\\\\").replace(closing, "\\" + closing)
    return escaped.replace("(", "\\(") if closing == ")" else escaped
