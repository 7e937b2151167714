"""The text a Markdown page shows from outside its blocks, each value written in its own syntax:

- its front matter's ``title``, ``description``, ``summary``, ``subtitle``, ``excerpt`` and
  ``linkTitle``: YAML's (``---``) on one line, plain, ``"double-"`` or ``'single-quoted'``, or
  folded over lines (``description: >-``), and TOML's (``+++``: ``title = "..."``, Hugo's), a
  comment after it left alone (TOML's and the folded ones were left in English);
- a link reference definition's title (``[dl]: https://... "Download CloudDesk"``), as an
  inline link's title is (it was left in English);
- a Hugo shortcode's ``alt``, ``caption``, ``title`` and ``attr`` (``{{< figure src="x.png"
  alt="The dashboard" >}}``) on a line of template tags alone, as an image's alt text is (they
  were left in English); its other attributes, and a shortcode in a paragraph's text (code
  there), are kept as written.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ltmt.formats.markdown_extensions import SHORTCODE
from ltmt.formats.markup_characters import tagged_text
from ltmt.text import has_letter

FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M | re.S
)
_SHOWN = r"(?:title|description|summary|subtitle|excerpt|linkTitle)"
# a line of YAML front matter whose value people read, on one line: plain, "double-quoted" or
# 'single-quoted', a comment after it left alone
_YAML_TEXT = re.compile(
    rf"(?P<prefix>{_SHOWN}[ \t]*:[ \t]+)"
    r"(?P<value>\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\"'\s#&*!|>%@`{\[][^#\n]*?)"
    r"(?P<suffix>[ \t]*(?:[ \t]#.*)?)$"
)
# one whose value is folded over the more indented lines after it (description: >-)
_YAML_FOLDED = re.compile(rf"(?P<indent>[ \t]*){_SHOWN}[ \t]*:[ \t]+>[-+]?[1-9]?[ \t]*(?:#.*)?")
# a line of TOML front matter whose value people read: a "basic" or 'literal' string
_TOML_TEXT = re.compile(
    rf"(?P<prefix>{_SHOWN}[ \t]*=[ \t]*)"
    r"""(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?P<suffix>[ \t]*(?:#.*)?)"""
)
# a link reference definition on one line with a title: "...", '...' or (...)
_DEFINITION_TITLE = re.compile(
    r"""(?P<prefix>[ ]{0,3}\[[^\[\]]+\]:[ \t]*(?:<[^<>\n]*>|\S+)[ \t]+(?P<quote>["'(]))"""
    r"""(?P<value>.*)(?P<suffix>[)"'][ \t]*)"""
)
_CLOSING = {'"': '"', "'": "'", "(": ")"}
# an attribute of a Hugo shortcode that people read
_SHORTCODE_TEXT = re.compile(
    r'(?<=\s)(?:alt|caption|title|attr)[ \t]*=[ \t]*"(?P<value>(?:[^"\\]|\\.)*)"'
)


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


def front_matter_values(lines: Sequence[str]) -> list[Value]:
    """The values people read in the front matter ``lines`` (the first, ``---`` or ``+++``,
    says whether YAML's or TOML's), each of its line or lines."""
    if lines and lines[0].rstrip("\r") == "+++":
        return [value for n, line in enumerate(lines) if (value := _toml_value(n, line))]
    found: list[Value] = []
    for number, line in enumerate(lines):
        value = _yaml_value(number, line) or _folded_value(lines, number)
        if value is not None:
            found.append(value)
    return found


def _yaml_value(number: int, line: str) -> Value | None:
    """The value of YAML's line ``number`` on that line, if one people read."""
    import yaml

    found = _YAML_TEXT.fullmatch(line.rstrip("\r"))
    if found is None:
        return None
    try:
        text = yaml.safe_load(found.group("value"))
    except yaml.YAMLError:
        return None
    quote = found.group("value")[0] if found.group("value")[0] in "\"'" else ""
    written = functools.partial(_yaml_scalar, quote=quote)
    return _value(number, number + 1, found.group("prefix"), found.group("suffix"), text, written)


def _folded_value(lines: Sequence[str], number: int) -> Value | None:
    """The folded value (``description: >-``) whose key is line ``number``: the more indented
    lines after it, written back on one line."""
    import yaml

    key = _YAML_FOLDED.fullmatch(lines[number].rstrip("\r"))
    if key is None:
        return None
    indent = len(key.group("indent"))
    last = number + 1
    while last < len(lines) and (
        not lines[last].strip() or len(lines[last]) - len(lines[last].lstrip()) > indent
    ):
        last += 1
    while last > number + 1 and not lines[last - 1].strip():
        last -= 1  # (blank lines after it are the next key's)
    if last == number + 1:
        return None
    try:
        text = next(iter(yaml.safe_load("\n".join(lines[number:last]).lstrip()).values()))
    except (yaml.YAMLError, AttributeError, StopIteration):
        return None
    body = lines[number + 1]
    prefix = body[: len(body) - len(body.lstrip())]
    return _value(number + 1, last, prefix, "", text, _folded_line)


def _toml_value(number: int, line: str) -> Value | None:
    """The value of TOML's line ``number`` on that line, if one people read."""
    import tomllib

    found = _TOML_TEXT.fullmatch(line.rstrip("\r"))
    if found is None:
        return None
    try:
        text = tomllib.loads(f"value = {found.group('value')}")["value"]
    except tomllib.TOMLDecodeError:
        return None
    written = functools.partial(_toml_string, literal=found.group("value").startswith("'"))
    return _value(number, number + 1, found.group("prefix"), found.group("suffix"), text, written)


def definition_title(number: int, line: str) -> Value | None:
    """The title of the link reference definition that is line ``number``, if it has one
    with a letter."""
    from markdown_it.common.utils import unescapeAll

    found = _DEFINITION_TITLE.fullmatch(line.rstrip("\r"))
    if found is None or not found.group("suffix").startswith(_CLOSING[found.group("quote")]):
        return None
    written = functools.partial(_title, closing=_CLOSING[found.group("quote")])
    title = unescapeAll(found.group("value"))
    return _value(number, number + 1, found.group("prefix"), found.group("suffix"), title, written)


def shortcode_values(number: int, line: str) -> list[Value]:
    """The attribute values people read of the Hugo shortcodes on line ``number``, a line of
    template tags alone, each on that line."""
    return [
        value
        for shortcode in SHORTCODE.finditer(line)
        for found in _SHORTCODE_TEXT.finditer(line, shortcode.start(), shortcode.end())
        if (value := _shortcode_value(number, line, found)) is not None
    ]


def _shortcode_value(number: int, line: str, found: re.Match[str]) -> Value | None:
    """The value of the shortcode attribute ``found`` on line ``number`` (``line``), its
    quotes outside it."""
    start, end = found.span("value")
    text = re.sub(r'\\(["\\])', r"\1", found.group("value"))
    return _value(number, number + 1, line[:start], line[end:], text, _shortcode_string)


def _value(
    first: int, last: int, prefix: str, suffix: str, text: object, written: Callable[[str], str]
) -> Value | None:
    """A :class:`Value` of ``text``, or None where it is no text with a letter."""
    if not isinstance(text, str) or not has_letter(text):
        return None
    return Value(first, last, prefix, suffix, tagged_text(text), written)


def _yaml_scalar(text: str, quote: str) -> str:
    """``text`` as a YAML value quoted as the source's was (``quote``: ``"``, ``'``, or none),
    quoted even so where plain text would not read back as itself (a ``: `` in it)."""
    import yaml

    if quote == "'":
        return "'" + text.replace("'", "''") + "'"
    if quote == "" and "\n" not in text:
        plain = yaml.safe_dump(text, allow_unicode=True, width=10**9).removesuffix("\n...\n")
        if yaml.safe_load(plain) == text and not plain.startswith(("'", '"')):
            return plain.rstrip("\n")
    return json.dumps(text, ensure_ascii=False)  # a double-quoted YAML scalar


def _folded_line(text: str) -> str:
    """``text`` as one line of a folded YAML scalar (which reads its lines joined by spaces)."""
    return " ".join(text.split())


def _toml_string(text: str, literal: bool) -> str:
    """``text`` as a TOML string: 'literal' as the source's was where it can be (no ``'`` and
    no line break in it), else "basic" (JSON's escapes are TOML's)."""
    if literal and "'" not in text and "\n" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def _shortcode_string(text: str) -> str:
    """``text`` between a shortcode attribute's double quotes: those and backslashes
    escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _title(text: str, closing: str) -> str:
    """``text`` as a link title's text between its delimiters (``closing``: the one that ends
    it), that delimiter and backslashes escaped."""
    escaped = text.replace("\\", "\\\\").replace(closing, "\\" + closing)
    return escaped.replace("(", "\\(") if closing == ")" else escaped
