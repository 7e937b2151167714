"""A Markdown link's marks in a catalog string: what a MyST page's messages hold (``sphinx-build
-b gettext`` of a ``.md`` source) and any other catalog's Markdown text.

Left to the model, a link's target was translated and the link dead: ``[configuration
reference](#config-reference)`` came back ``(#config-Referenz)``, ``(tutorial-first-steps)``
``(tutorial-first-Steps)``. So a link's or an image's opening ``[`` (``![``) and its closing
``](target "title")`` or ``][label]`` are each one placeholder (kind ``markdown``), and the
text between them is translated, as a reST cross-reference's title is
(:mod:`ltmt.formats.rest_markup`). An attribute list glued to the closing (``{ .md-button }``,
Python-Markdown's ``attr_list``, which attaches it to the element right before it) is the
closing's: the model put a word between them and the button was lost. A GFM task list item's
box (``- [ ] Dark theme``, ``* [x] Done``) is one with its list marker (``[ ]`` came back
``[``).

An opening is one only where its closing follows on its line, and a reference's closing only
after its opening (:func:`markdown_paired`): ``matrix[i][j]`` is text. A target with a format
string's field (``[privacy policy](%s)``, ``[docs]({url})``) makes no link marks: its field
stays the placeholder it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ltmt.formats.attribute_lists import ATTRIBUTE_LIST

# a link's destination: in angle brackets, or without blanks, its parentheses balanced one
# deep (``(https://en.wikipedia.org/wiki/Foo_(bar))``); each part starts with a sign of its
# own, so that nothing is read two ways. No format string's field (``%s``, ``{url}``, ``$1``)
_DESTINATION_SIGN = r"[^\s()<>%{}$]"
_DESTINATION = (
    rf"(?:<[^<>\n%{{}}$]*>|{_DESTINATION_SIGN}*(?:\({_DESTINATION_SIGN}*\){_DESTINATION_SIGN}*)*)"
)
# a link's title after its destination: ``"..."``, ``'...'`` or ``(...)``
_TITLE = r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
# a link's closing: ``](destination "title")``, or a reference's ``][label]`` (``][]`` too),
# an attribute list glued to it with it
_ATTRIBUTES = rf"(?:{ATTRIBUTE_LIST.pattern})?"
_INLINE_CLOSING = rf"\]\({_DESTINATION}{_TITLE}\){_ATTRIBUTES}"
_REFERENCE_CLOSING = rf"\]\[[^\[\]\n%{{}}$]*\]{_ATTRIBUTES}"
# a link's text: no bracket, but an image in it (``[![badge](b.svg)](https://...)``); each
# part starts with a sign of its own
_IMAGE = rf"!\[[^\[\]\n]*{_INLINE_CLOSING}"
_TEXT = rf"(?:[^\[\]\n!]|!(?!\[)|{_IMAGE})*"
# a link's or an image's opening bracket, where its closing follows its text on its line; not
# glued to a word, a bracket or a backslash (``items[i][j]``, ``\[``)
_OPENING = rf"(?<![\w\]\\])!?\[(?={_TEXT}(?:{_INLINE_CLOSING}|{_REFERENCE_CLOSING}))"
# a GFM task list item's box (``[ ]``, ``[x]``), right after a list item's marker and before
# a blank; with its marker at a line's start in a catalog string (``- [ ] ``, ``1. [x] ``)
_LIST_MARKER = r"(?:[-+*]|\d{1,9}[.)])[ \t]+"
_BOX = r"\[[ xX]\](?=[ \t])"
_TASK_BOX = rf"(?<![^\n])[ \t]*{_LIST_MARKER}{_BOX}"
_MARKER_BEFORE = re.compile(rf"(?:^|(?<=[\s>])){_LIST_MARKER}\Z")
_BOX_AND_BLANKS = re.compile(rf"{_BOX}[ \t]+")
# a link's marks, which pair (:func:`markdown_paired`); and those with a task list's box
MARKDOWN_PAIR_MARKS = (
    rf"(?P<md_opening>{_OPENING})|(?P<md_inline>{_INLINE_CLOSING})"
    rf"|(?P<md_reference>{_REFERENCE_CLOSING})"
)
MARKDOWN_MARKS = rf"{MARKDOWN_PAIR_MARKS}|{_TASK_BOX}"


def markdown_paired(
    matches: Iterable[re.Match[str]],
    inside: Callable[[int, int], Iterable[re.Match[str]]] = lambda start, end: (),
) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern holding :data:`MARKDOWN_MARKS`, a reference's closing
    (``][label]``) that no opening comes before (``matrix[i][j]`` is text) in its place the
    matches ``inside`` gives for its label's span (start, end: ``[KEY_JUMP]`` of
    ``table[a][KEY_JUMP]``, a game's token, stays one); an inline link's closing,
    ``](target)``, is one wherever it stands, its shape no text's."""
    waiting = 0  # the openings not closed yet (an image's inside a link's)
    for match in matches:
        found = match.groupdict()
        if found.get("md_opening") is not None:
            waiting += 1
        elif found.get("md_reference") is not None:
            if not waiting:
                yield from inside(match.start() + 1, match.end())
                continue
            waiting -= 1
        elif found.get("md_inline") is not None:
            waiting = max(waiting - 1, 0)
        yield match


def task_box(before: str, text: str) -> str:
    """The task list box that ``text`` (a paragraph's, in a Markdown page) starts with, its
    blanks with it (``[ ] ``), where ``before`` (its line up to it) ends with a list item's
    marker (``- ``, ``> 1. ``): GFM's and pymdownx.tasklist's checkbox, kept as written as the
    marker is, not text to translate (``- [ ] Dark theme`` came back ``- [ Dark-Thema``);
    else ``""``."""
    if _MARKER_BEFORE.search(before) is None:
        return ""
    found = _BOX_AND_BLANKS.match(text)
    return found.group() if found is not None else ""
