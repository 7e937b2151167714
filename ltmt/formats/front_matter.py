"""The values people read in a Markdown page's front matter, each written back in its own syntax.

The keys read are ``title``, ``description``, ``summary``, ``subtitle``, ``excerpt``,
``linkTitle`` (Hugo's) and ``sidebar_label``, ``pagination_label`` (Docusaurus's: the
sidebar's and the previous/next links' text), at the top level, under ``params`` (Hugo's
page parameters) or in Hugo's ``cascade`` (its ``params`` too); and a Hugo menu entry's
``name`` (``menu: main: name:``, ``[menu.main]``) where the entry has an ``identifier``
(without one, Hugo takes the name for the identifier its children's ``parent`` names).

- YAML's (``---``), read with PyYAML's composer, which says where each value stands: plain,
  ``"double-"`` or ``'single-quoted'`` on one line or over several (read as YAML folds them and
  written back on one line, quoted as needed: its first line alone was translated, the rest
  left as written, which broke the page), or a block scalar (``>-`` folded, ``|`` literal) of
  one paragraph, written back on one line of the block.
- TOML's (``+++``, Hugo's): a "basic" or 'literal' string on one line, or a multi-line one
  (``\"\"\"``, ``'''``) of one paragraph, written back as a basic string on one line.

A comment after a value is left alone. What the reader could not keep (a block or multi-line
string of several paragraphs) and front matter that is not valid YAML or TOML (the page will
not build) are left as written and named by :func:`front_matter_warnings`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ltmt.formats.markdown_values import Value, text_value
from ltmt.text import collapse_space

FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M | re.S
)
SHOWN = (
    "title",
    "description",
    "summary",
    "subtitle",
    "excerpt",
    "linkTitle",
    "sidebar_label",
    "pagination_label",
)
_SHOWN = "(?:" + "|".join(SHOWN) + ")"
# the table whose shown keys are read besides the top level's (Hugo's page parameters)
_PARAMS = "params"
# what Hugo's cascade (front matter its descendants take) holds: shown keys, params' too
_CASCADE = "cascade"
# a menu entry's name, what the menu shows: read only where the entry has an identifier, which
# its children's parent names (without one Hugo takes the name for it: translated, the
# children would lose their parent)
_MENU, _MENU_NAME, _MENU_ID = "menu", "name", "identifier"
# a line of TOML front matter whose value people read: a "basic" or 'literal' string
_TOML_TEXT = re.compile(
    rf"(?P<prefix>[ \t]*(?P<key>{_SHOWN}|{_MENU_NAME})[ \t]*=[ \t]*)"
    r"""(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?P<suffix>[ \t]*(?:#.*)?)"""
)
# the first line of one whose value is a multi-line string
_TOML_MULTILINE = re.compile(
    rf"(?P<prefix>[ \t]*(?P<key>{_SHOWN}|{_MENU_NAME})[ \t]*=[ \t]*)(?P<quotes>\"\"\"|''')"
)
# a TOML table's header: [params], [[menu.main]]
_TOML_TABLE = re.compile(r"[ \t]*(?P<open>\[\[?)[ \t]*(?P<name>[^\[\]]*?)[ \t]*\]\]?[ \t]*(?:#.*)?")
_FENCES = ("---", "+++", "...")


@dataclass
class FrontMatter:
    """What a front matter holds for translation: its ``values`` and the ``warnings`` about
    what it leaves as written that a reader would want translated (or fixed)."""

    values: list[Value] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def front_matter_values(lines: Sequence[str]) -> list[Value]:
    """The values people read in the front matter ``lines`` (the first, ``---`` or ``+++``,
    says whether YAML's or TOML's), each of its line or lines."""
    return read_front_matter(lines).values


def front_matter_warnings(text: str) -> list[str]:
    """What the front matter of the Markdown ``text`` (if it has one) leaves as written that
    its reader should know of: one line each, saying what to do."""
    found = FRONT_MATTER.match(text)
    if found is None:
        return []
    return read_front_matter(found.group().splitlines()).warnings


def read_front_matter(lines: Sequence[str]) -> FrontMatter:
    """The values and warnings of the front matter ``lines``, its fences included."""
    lines = [line.rstrip("\r") for line in lines]
    if lines and lines[0] == "+++":
        return _toml_front_matter(lines)
    return _yaml_front_matter(lines)


def _yaml_front_matter(lines: list[str]) -> FrontMatter:
    """The values of YAML's front matter ``lines`` (fences included), from where PyYAML's
    composer says each stands; none, and a warning, where it is not valid YAML."""
    import yaml

    closing = len(lines) - 1 if len(lines) > 1 and lines[-1].rstrip() in _FENCES else len(lines)
    try:
        root = yaml.compose("\n".join(lines[1:closing]))
    except yaml.YAMLError as error:
        return FrontMatter(warnings=[_invalid_yaml_warning(error)])
    found = FrontMatter()
    for key, node in _shown_nodes(root):
        _add_yaml_value(found, lines, key, node)
    return found


def _invalid_yaml_warning(error: Exception) -> str:
    """The warning that front matter is not valid YAML, where and why PyYAML says."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    where = f"line {mark.line + 2}: " if mark is not None else ""  # (of the file: after ---)
    said = [getattr(error, "context", None), getattr(error, "problem", None)]
    why = ", ".join(filter(None, said)) or "it cannot be read"
    return (
        f"its front matter is not valid YAML ({where}{why}); the page will not build: fix it "
        "(it is left as written)"
    )


def _shown_nodes(root: Any) -> list[tuple[str, Any]]:
    """The (key, node) pairs of the keys people read, at the top level of the mapping
    ``root`` or in its ``params``."""
    import yaml

    if not isinstance(root, yaml.MappingNode):
        return []
    pairs: list[tuple[str, Any]] = []
    for key, node in root.value:
        if key.value == _PARAMS and isinstance(node, yaml.MappingNode):
            pairs += [(f"{_PARAMS}.{k.value}", v) for k, v in node.value if k.value in SHOWN]
        elif key.value in SHOWN:
            pairs.append((key.value, node))
        elif key.value == _CASCADE:  # a mapping, or a list of them
            items = node.value if isinstance(node, yaml.SequenceNode) else [node]
            pairs += [(f"{_CASCADE}.{k}", v) for item in items for k, v in _shown_nodes(item)]
        elif key.value == _MENU and isinstance(node, yaml.MappingNode):
            pairs += [(f"{_MENU}.{k}.{_MENU_NAME}", v) for k, v in _menu_names(node)]
    return pairs


def _menu_names(menus: Any) -> list[tuple[str, Any]]:
    """The (menu, name node) of the entries of the mapping ``menus`` (``main: {name: ...,
    identifier: ...}``) that have an identifier (:data:`_MENU_ID`)."""
    import yaml

    found = []
    for key, entry in menus.value:
        if isinstance(entry, yaml.MappingNode):
            fields = {k.value: v for k, v in entry.value}
            if _MENU_ID in fields and _MENU_NAME in fields:
                found.append((str(key.value), fields[_MENU_NAME]))
    return found


def _add_yaml_value(found: FrontMatter, lines: list[str], key: str, node: Any) -> None:
    """Add to ``found`` the value of ``node`` (``key``'s), where it is a string written in
    place (not an alias, a tagged or an anchored one) and the reader can keep its form."""
    import yaml

    start, end = node.start_mark, node.end_mark
    line = lines[start.line + 1]  # (the composed text starts after the opening fence)
    if not isinstance(node, yaml.ScalarNode) or line[start.column :].startswith(("&", "!", "*")):
        return  # (an alias's node is its anchor's, which stands elsewhere)
    if node.style in ("|", ">"):
        _add_block_value(found, lines, key, node)
        return
    first, last = start.line + 1, end.line + 2
    prefix = lines[first][: start.column]
    tail = lines[last - 1][end.column :]
    quote = node.style or ""
    written = functools.partial(_yaml_scalar, quote=quote)
    if last - first == 1:
        _add(found, text_value(first, last, prefix, tail, node.value, written))
        return
    # over several lines: written on the first, what follows it on its last line kept
    _add(found, text_value(first, last, prefix, "", node.value, _followed(written, tail)))


def _add_block_value(found: FrontMatter, lines: list[str], key: str, node: Any) -> None:
    """Add to ``found`` the value of a block scalar (``description: >-``, ``summary: |``):
    its more indented lines after its key's, written back on one of them. One of several
    paragraphs is left as written and named in a warning."""
    first = node.start_mark.line + 2
    last = node.end_mark.line + 1 + (node.end_mark.column > 0)
    while last > first and not lines[last - 1].strip():
        last -= 1  # (blank lines after it are the next key's)
    text = str(node.value)
    if last == first:
        return
    if not _one_paragraph(text):
        found.warnings.append(_kept_warning(key, f"its block scalar ({node.style})"))
        return
    body = lines[first]
    prefix = body[: len(body) - len(body.lstrip())]
    _add(found, text_value(first, last, prefix, "", collapse_space(text), collapse_space))


def _toml_front_matter(lines: list[str]) -> FrontMatter:
    """The values of TOML's front matter ``lines`` (fences included), line by line: the
    shown keys' strings at the top level and in the ``[params]`` table."""
    import tomllib

    found = FrontMatter()
    closing = len(lines) - 1 if len(lines) > 1 and lines[-1].rstrip() in _FENCES else len(lines)
    try:
        data = tomllib.loads("\n".join(lines[1:closing]))
    except tomllib.TOMLDecodeError as error:
        found.warnings.append(
            f"its TOML front matter is not valid TOML ({error}); the page will not build: "
            "fix it (it is left as written)"
        )
        return found
    table = ""
    number = 1
    while number < closing:
        header = _TOML_TABLE.fullmatch(lines[number])
        if header is not None:
            table = header.group("name")
            if header.group("open") != "[" and table != _CASCADE:
                table = "[[array]]"
        read = _toml_keys_read(table, data)
        if not read:
            number += 1
            continue
        value, number = _toml_value(found, lines, number, closing, table, read)
        _add(found, value)
    return found


def _toml_keys_read(table: str, data: dict[str, Any]) -> tuple[str, ...]:
    """The keys whose strings people read in the TOML table ``table`` ("" for the top level;
    ``data``: the front matter's): the shown ones at the top level, in ``[params]`` and in a
    cascade's (``[[cascade]]``, ``[cascade.params]``); a menu entry's name (``[menu.main]``)
    where it has an identifier (:data:`_MENU_ID`)."""
    if table in ("", _PARAMS, _CASCADE, f"{_CASCADE}.{_PARAMS}"):
        return SHOWN
    menu, _, name = table.partition(".")
    entry = data.get(_MENU, {}).get(name) if menu == _MENU and name else None
    return (_MENU_NAME,) if isinstance(entry, dict) and _MENU_ID in entry else ()


def _toml_value(
    found: FrontMatter,
    lines: list[str],
    number: int,
    closing: int,
    table: str,
    read: tuple[str, ...] = SHOWN,
) -> tuple[Value | None, int]:
    """The value whose key is TOML's line ``number`` (if one people read: of ``read``;
    ``table``: the table it is in, "" for the top level), and the number of the line after
    it."""
    import tomllib

    line = lines[number]
    one_line = _TOML_TEXT.fullmatch(line)
    if one_line is not None and one_line.group("key") in read:
        text = tomllib.loads(f"value = {one_line.group('value')}")["value"]
        literal = one_line.group("value").startswith("'")
        written = functools.partial(toml_string, literal=literal)
        prefix, suffix = one_line.group("prefix"), one_line.group("suffix")
        return text_value(number, number + 1, prefix, suffix, text, written), number + 1
    opening = _TOML_MULTILINE.match(line)
    if opening is None or opening.group("key") not in read:
        return None, number + 1
    quotes, prefix = opening.group("quotes"), opening.group("prefix")
    for last in range(number + 1, closing + 1):
        string = "\n".join(lines[number:last])[len(prefix) :]
        end = string.rfind(quotes) + len(quotes)
        if end <= len(quotes) or string[end:].lstrip()[:1] not in ("", "#"):
            continue
        try:
            text = tomllib.loads(f"value = {string[:end]}")["value"]
        except tomllib.TOMLDecodeError:
            continue
        key = ".".join(filter(None, (table, prefix.split("=")[0].strip())))
        if not _one_paragraph(text):
            found.warnings.append(_kept_warning(key, f"its multi-line string ({quotes})"))
            return None, last
        basic = _followed(functools.partial(toml_string, literal=False), string[end:])
        return text_value(number, last, prefix, "", collapse_space(text), basic), last
    return None, number + 1


def _add(found: FrontMatter, value: Value | None) -> None:
    if value is not None:
        found.values.append(value)


def _one_paragraph(text: str) -> bool:
    """Whether ``text`` is one paragraph (no blank line in it), which reads the same with its
    lines joined by spaces."""
    return re.search(r"\n[ \t]*\n", text.strip()) is None


def _kept_warning(key: str, what: str) -> str:
    return (
        f"front matter '{key}': {what} holds several paragraphs and is left untranslated; "
        "translate it by hand or write it as one paragraph"
    )


def _followed(written: Callable[[str], str], tail: str) -> Callable[[str], str]:
    """``written``, with ``tail`` (what stood after a value on its last line: a comment)
    after what it writes."""
    return lambda text: written(text) + tail


def _yaml_scalar(text: str, quote: str) -> str:
    """``text`` as a YAML value on one line quoted as the source's was (``quote``: ``"``,
    ``'``, or none), quoted even so where plain text would not read back as itself (a ``: ``
    in it)."""
    import yaml

    if quote == "'":
        return "'" + text.replace("'", "''") + "'"
    if quote == "" and "\n" not in text:
        plain = yaml.safe_dump(text, allow_unicode=True, width=10**9).removesuffix("\n...\n")
        if yaml.safe_load(plain) == text and not plain.startswith(("'", '"')):
            return plain.rstrip("\n")
    return json.dumps(text, ensure_ascii=False)  # a double-quoted YAML scalar


def toml_string(text: str, literal: bool) -> str:
    """``text`` as a TOML string: 'literal' as the source's was where it can be (no ``'`` and
    no line break in it), else "basic" (JSON's escapes are TOML's)."""
    if literal and "'" not in text and "\n" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


# a top-level key's line in TOML front matter (before its first table): ``key =``, quoted too
_TOML_TOP_KEY = re.compile(r"""(?:[A-Za-z0-9_.-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=""")


def key_blocks(lines: Sequence[str]) -> dict[str, tuple[int, int]] | None:
    """Where each top-level key of the front matter ``lines`` (fences included) stands: by
    key (a TOML table by its header, ``[params]``), its lines ``first`` to before ``end``,
    the lines after it up to the next key's (a list, a nested ``params:``, a multi-line value,
    a comment) its own; the lines before the first key go with it. None where it is not valid
    YAML or TOML, or holds no key."""
    lines = [line.rstrip("\r\n") for line in lines]
    if len(lines) < 2:
        return None
    closing = len(lines) - 1 if lines[-1].rstrip() in _FENCES else len(lines)
    starts = _toml_key_starts(lines, closing) if lines[:1] == ["+++"] else _yaml_key_starts(lines)
    if not starts:
        return None
    ends = [first for _, first in starts[1:]] + [closing]
    blocks = {key: (first, end) for (key, first), end in zip(starts, ends, strict=True)}
    blocks[starts[0][0]] = (1, ends[0])
    return blocks


def _yaml_key_starts(lines: list[str]) -> list[tuple[str, int]] | None:
    """Each top-level key of YAML's front matter ``lines`` and its first line, as PyYAML's
    composer says; None where it is not a valid YAML mapping."""
    import yaml

    closing = len(lines) - 1 if lines[-1].rstrip() in _FENCES else len(lines)
    try:
        root = yaml.compose("\n".join(lines[1:closing]))
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    starts = [(str(key.value), key.start_mark.line + 1) for key, _ in root.value]
    return starts if len({key for key, _ in starts}) == len(starts) else None


def _toml_key_starts(lines: list[str], closing: int) -> list[tuple[str, int]] | None:
    """Each top-level key of TOML's front matter ``lines`` and its first line: a key before
    the first table, and each table by its header (a second ``[[menu.main]]`` numbered);
    None where it is not valid TOML."""
    import tomllib

    try:
        tomllib.loads("\n".join(lines[1:closing]))
    except tomllib.TOMLDecodeError:
        return None
    starts: list[tuple[str, int]] = []
    in_table, open_quotes = False, ""
    for number in range(1, closing):
        line = lines[number]
        if open_quotes:  # inside a multi-line string: no key starts here
            open_quotes = "" if line.count(open_quotes) % 2 else open_quotes
            continue
        header = _TOML_TABLE.fullmatch(line)
        if header is not None:
            in_table, key = True, line.strip()
            seen = sum(k.split("#")[0] == key for k, _ in starts)
            starts.append((f"{key}#{seen + 1}" if seen else key, number))
        elif not in_table and _TOML_TOP_KEY.match(line):
            starts.append((line.split("=")[0].strip(), number))
        open_quotes = next((q for q in ('"""', "'''") if line.count(q) % 2), "")
    return starts
