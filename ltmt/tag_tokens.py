"""Tag-like tokens of running text that the placeholder inventory does not count as placeholders.

:func:`~ltmt.formats.placeholder_syntax.find_placeholders` knows HTML-like tags, printf and brace
fields. Game and forum strings carry markup of their own that is no more prose than those:
BBCode (``[b]Health Potion[/b]``, ``[color=#ff0000]``, ``[url=https://...]``) and angle-bracket
tokens of other names (an input action ``<action:Jump>``, rich text ``<color=#ff0000>``). No
glossary term is found or placed inside one (:mod:`ltmt.terminology.matching`), and a line's
first letter is the first one outside them (:func:`ltmt.capitals.first_letter`): ``[b]`` is no
word whose ``b`` takes a capital.

A BBCode tag is a closing tag (``[/b]``), an opening tag with a value or attributes
(``[color=#ff0000]``, ``[img width=20]``), or a bare name (``[b]``) closed later in its text, in
any case (the model wrote ``[b]Iron Swort[/B]``): a bracketed word alone (``[OK]``,
``[Cancel]``) is a label the text names, not markup. An angle-bracket token is ``<`` and a
letter (or ``/`` and a letter) up to the next ``>`` on the line: ``a < b`` and ``x <= y`` are
none.
"""

from __future__ import annotations

import re

_BBCODE_VALUE = r"""(?:"[^"\]\n]*"|[^\s\[\]"]+)"""
_TAG_TOKEN = re.compile(
    r"\[/[A-Za-z][\w-]*\]"
    rf"|\[[A-Za-z][\w-]*(?:={_BBCODE_VALUE}|(?:[ \t]+[\w-]+={_BBCODE_VALUE})+)\]"
    r"|\[(?P<name>[A-Za-z][\w-]*)\](?=(?s:.*?)(?i:\[/(?P=name)\]))"
    r"|</?[A-Za-z][^<>\n]*>"
)


def tag_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the BBCode tags and angle-bracket tokens of ``text``, left
    to right (module docstring)."""
    return [found.span() for found in _TAG_TOKEN.finditer(text)]
