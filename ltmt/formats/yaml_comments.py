"""The comments a translator wrote in a YAML message file, kept when it is written anew from the
source file's layout (:mod:`ltmt.formats.yaml_catalog`).

A key's comments are the comment lines just above it (from the first one after the previous
line of content, blank lines between them kept) and its end-of-line comment; the comments above
a file's first key are its header (translator credits, a license). Where the translation so far
has comments for a key the output has too, or a header, they replace the output's (the source
file's); the output's other lines are left as written. ruamel.yaml attaches a comment to the key
before it, so this is done on the lines, at the keys' places as the parser reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

KeyPath = tuple[Any, ...]
HEADER: KeyPath = ()  # the comments above a file's first key
_LINE_BREAK = re.compile(r"\r\n|[\r\n]")


@dataclass(frozen=True)
class Commented:
    """Where a key is written in its file's ``lines``, and the comments written with it."""

    line: int  # the key's line (0-based)
    column: int
    above: tuple[str, ...]  # the comment lines just above it
    eol_at: int  # where its end-of-line comment (with the spaces before it) starts on its line
    eol: str  # that comment, "" where it has none
    eol_writable: bool  # whether its value ends on its line, so a comment can follow it


def with_adopted_comments(written: str, adopted: str, root: tuple[Any, Any] = ((), ())) -> str:
    """``written`` (the output, from the source file's layout) with the comments of ``adopted``
    (the translation so far, the same file as the translator left it): module docstring.
    ``root``: ``adopted``'s top key and ``written``'s, where the output renames it (a ``de.yml``
    copied from ``en.yml`` still under ``en:``), so its keys' comments are found under either."""
    theirs = {_renamed(path, *root): found for path, found in _commented(adopted)}
    lines = written.split("\n")
    # bottom up, so the lines of the keys above stay where they are; a first key before the
    # header above it
    ours = sorted(_commented(written), key=lambda found: (found[1].line, found[0] != HEADER))
    for path, commented in reversed(ours):
        found = theirs.get(path)
        if found is not None:
            start = commented.line - len(commented.above)
            lines[start : commented.line + 1] = _rewritten(lines, commented, found)
    return "\n".join(lines)


def _renamed(path: KeyPath, old: Any, new: Any) -> KeyPath:
    """``path`` with its first key ``new`` where it is ``old``."""
    return (new, *path[1:]) if path and path[0] == old else path


def _rewritten(lines: list[str], ours: Commented, theirs: Commented) -> list[str]:
    """Our key's lines (the comments above it and its own) with ``theirs``'s comments, where it
    has any."""
    above = ours.above
    if theirs.above:
        above = _reindented(theirs.above, ours.column - theirs.column)
    line = lines[ours.line]
    if theirs.eol and ours.eol_writable:
        line = line[: ours.eol_at] + theirs.eol
    return [*above, line]


def _reindented(lines: tuple[str, ...], shift: int) -> tuple[str, ...]:
    """Comment ``lines`` moved ``shift`` columns (to the left where negative, not past 0)."""
    return tuple(
        " " * max(0, len(line) - len(line.lstrip()) + shift) + line.lstrip() if line.strip() else ""
        for line in lines
    )


def _commented(text: str) -> Iterator[tuple[KeyPath, Commented]]:
    """Every key of the YAML ``text`` below mappings (by its path of keys), and the header."""
    from ruamel.yaml import YAML

    lines = _LINE_BREAK.split(text)
    document = YAML(typ="rt").load(text)
    first = True
    for path, node, key in _keys(document):
        line, column = node.lc.key(key)
        start = _comments_start(lines, line, column)
        if first:  # the comments above the first key are the file's
            yield HEADER, Commented(line, 0, tuple(lines[start:line]), 0, "", False)
            start, first = line, False
        eol_at, eol = _end_of_line_comment(lines, node, key, line)
        writable = _value_ends_on(lines, line, column, node[key])
        yield path, Commented(line, column, tuple(lines[start:line]), eol_at, eol, writable)


def _keys(
    node: Any, path: KeyPath = (), seen: set[int] | None = None
) -> Iterator[tuple[KeyPath, Any, Any]]:
    """The keys of ``node``'s block mappings, in the file's order: their path, mapping and key.
    Each is found once: not again below an alias, nor as a merge key brings it (it is written
    where its anchor is), and not in a flow mapping (``{a: 1, b: 2}``, whose keys share a line)."""
    from ruamel.yaml.comments import CommentedMap

    seen = set() if seen is None else seen
    if not isinstance(node, CommentedMap) or node.fa.flow_style() or id(node) in seen:
        return
    seen.add(id(node))
    for key, value in node.non_merged_items():
        yield (*path, key), node, key
        yield from _keys(value, (*path, key), seen)


def _comments_start(lines: list[str], line: int, column: int) -> int:
    """The first line of the comments just above ``line``'s key (at ``column``): back to the
    previous line of content, from the first comment there (``line`` where there is none). A
    comment indented deeper than the key is no comment of its: it is below the value before, or
    a line of a block scalar."""
    start = line
    while start > 0 and _is_gap(lines[start - 1], column):
        start -= 1
    while start < line and not lines[start].strip():
        start += 1
    return start


def _is_gap(line: str, column: int) -> bool:
    stripped = line.lstrip()
    return not stripped or (stripped.startswith("#") and len(line) - len(stripped) <= column)


def _end_of_line_comment(lines: list[str], node: Any, key: Any, line: int) -> tuple[int, str]:
    """Where the end-of-line comment of ``key`` (of mapping ``node``, on ``line``) starts, with
    the spaces before it, and that comment ("" where there is none: then where the line ends)."""
    text = lines[line]
    slots = node.ca.items.get(key)
    token = slots[2] if slots is not None and len(slots) > 2 else None
    if token is None or not token.value.startswith("#") or token.start_mark.line != line:
        return len(text.rstrip()), ""
    at = len(text[: token.start_mark.column].rstrip())
    return at, text[at:]


def _value_ends_on(lines: list[str], line: int, column: int, value: Any) -> bool:
    """Whether ``value`` (of the key at ``line`` and ``column``) ends on the key's line, so a
    comment may follow it there: a block mapping or list starts on the next line; any other value
    goes on where the next line of content is indented deeper than its key."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, CommentedMap | CommentedSeq) and not value.fa.flow_style():
        return True
    following = (text for text in lines[line + 1 :] if text.strip())
    after = next(following, None)
    return after is None or len(after) - len(after.lstrip()) <= column
