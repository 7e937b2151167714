"""What of an MDX page's JSX is text to translate.

An MDX page (``.mdx``) is Markdown with JSX in it (:mod:`ltmt.formats.markdown`). Its tags'
attributes are read as a Markdown page's are where the tag is HTML's (``<img alt="...">``,
lowercase), while a JSX component's props (``<Card title="...">``, capitalised) are code.
"""

from __future__ import annotations

import re

from ltmt.formats.html_segments import AttributeValue

_TAG_NAME = re.compile(r"<([A-Za-z][\w.:-]*)")


def html_attributes(attributes: list[AttributeValue], text: str) -> list[AttributeValue]:
    """The ``attributes`` of an MDX page's HTML block ``text`` that stand in HTML's tags
    (lowercase: ``<img alt="...">``), which are translated as a Markdown page's; a JSX
    component's props (``<Card title="Get started">``) are code, kept as written."""
    return [value for value in attributes if not _in_component(text, value.start)]


def _in_component(text: str, start: int) -> bool:
    """Whether the attribute value at ``start`` of ``text`` is a prop of a JSX component (a
    capitalised tag), or of a tag not told."""
    name = _TAG_NAME.match(text, text.rfind("<", 0, start))
    return name is None or not name.group(1)[0].islower()
