"""The parameters of a template tag that people read: a Hugo shortcode's and a Liquid
include's ``alt``, ``caption``, ``title``, ``attr``, ``summary``, ``label``, ``content`` and
``text`` (``{{< figure src="x.png" caption="The dashboard" >}}``, ``{% include note.html
content="Back up first." %}``: they were left in English), translated in place, the tag
otherwise as written; in Markdown (:mod:`ltmt.formats.markdown_values`) and, for Liquid
includes that stand alone in their text (a Jekyll include's), in HTML
(:mod:`ltmt.formats.html_segments`). An include in ``{% raw %}`` is Liquid's text, kept as
written.
"""

from __future__ import annotations

import re

from ltmt.formats.markup_characters import decoded_references
from ltmt.text import has_letter

TEXT_PARAMETERS = "alt|caption|title|attr|summary|label|content|text"
# a Liquid include ({% include figure.html caption="..." %}, Jekyll's include_relative too),
# over lines or not
LIQUID_INCLUDE = re.compile(r"\{%-?[ \t\n]*include(?:_relative)?[ \t\n](?:(?!%\}).)*%\}", re.DOTALL)
# Liquid's text kept as written ({% raw %}{{ x }}{% endraw %}), an include in it too
LIQUID_RAW = re.compile(r"\{%-?[ \t]*raw[ \t]*-?%\}.*?\{%-?[ \t]*endraw[ \t]*-?%\}", re.DOTALL)
# a Liquid include's parameter people read, in double or single quotes (a Liquid string has
# no escapes)
LIQUID_TEXT = re.compile(
    rf"""(?<=\s)(?P<name>{TEXT_PARAMETERS})[ \t]*=[ \t]*(?P<quote>["'])"""
    r"(?P<value>(?:(?!(?P=quote)).)*)(?P=quote)"
)
# a character of Markdown, HTML or template markup, which a value may hold (Hugo renders a
# caption's ``**Save**``): sent as plain text, it came back garbled (``**Save*``)
MARKUP_SIGN = re.compile(r"[*_`\[<{]")
# a value written as an id or a file name, no text (``icon-warn``, ``README.md``,
# ``screenshot-settings``, ``snippets/install.md``): words joined by ``-``, ``_``, ``.`` or
# ``/``, no space; it was translated (``text="icon-warn"`` came back garbled)
_IDENTIFIER = re.compile(r"[^\W_]+(?:[-_./][^\W_]+)+")
_INCLUDES_ALONE = re.compile(rf"(?:{LIQUID_INCLUDE.pattern}|\s)+", re.DOTALL)


def liquid_includes(text: str) -> list[re.Match[str]]:
    """The Liquid includes in ``text``, but those in ``{% raw %}``."""
    raw = [found.span() for found in LIQUID_RAW.finditer(text)]
    return [
        found
        for found in LIQUID_INCLUDE.finditer(text)
        if not any(start <= found.start() < end for start, end in raw)
    ]


def raw_lines(text: str) -> set[int]:
    """The lines of ``text`` (numbered from 0) inside a ``{% raw %}`` block, between the line
    that opens it and the one that closes it: Liquid's text, an include there kept as written
    (its prose is translated, its tags kept as code)."""
    return {
        line
        for found in LIQUID_RAW.finditer(text)
        for line in range(text.count("\n", 0, found.start()) + 1, text.count("\n", 0, found.end()))
    }


def is_identifier(value: str) -> bool:
    """Whether a parameter's ``value`` is an id or a file name (:data:`_IDENTIFIER`), kept as
    written; ``caption="The theme picker"`` is text."""
    return _IDENTIFIER.fullmatch(value) is not None


def liquid_string(text: str, quote: str) -> str:
    """``text`` between a Liquid string's ``quote`` marks, which it cannot escape: a ``quote``
    in it as an HTML reference (an include writes its parameters into a page)."""
    return text.replace(quote, "&quot;" if quote == '"' else "&#39;")


def included_text(text: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The parameters people read (:data:`LIQUID_TEXT`, with a letter, no markup, no id) of the
    Liquid includes that ``text[start:end]`` (HTML) is made of alone, white space between
    them; None where it holds anything else."""
    if not _INCLUDES_ALONE.fullmatch(text, start, end):
        return None
    return [
        parameter
        for include in LIQUID_INCLUDE.finditer(text, start, end)
        for parameter in LIQUID_TEXT.finditer(text, include.start(), include.end())
        if has_letter(value := decoded_references(parameter.group("value")))
        and not MARKUP_SIGN.search(value)
        and "\n" not in value
        and not is_identifier(value)
    ]
