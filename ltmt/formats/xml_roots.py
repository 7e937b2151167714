"""An XML file's root element read from its first bytes, before any parser: its name, what
comes before it (declaration, comments, DOCTYPE) and its start tag's attributes; and what the
root says the file is (a TMX, XLIFF or Qt file saved as ``.xml``, a DITA topic, a DocBook or
Mallard page). :mod:`ltmt.formats.registry` reads formats and refusals from it."""

from __future__ import annotations

import re

from ltmt.formats.byte_order_marks import UTF16_MARKS
from ltmt.formats.itstool_recipe import ItstoolKind, kind_of_root

# the formats a root element names, by its name
_ROOT_FORMATS = {"tmx": "tmx", "xliff": "xliff", "TS": "ts"}
# what comes before an XML file's root element: declaration, comments, DOCTYPE (with its
# internal subset, [ <!ENTITY product "Photonic"> ], whose declarations end in '>'), white space
_PROLOG = re.compile(
    r"\A\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>)*<([\w.:-]+)", re.S
)
# the rest of the root's start tag: its attributes, up to its '>' (one inside quotes is none)
_ROOT_ATTRIBUTES = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*""")


def root_of(head: bytes) -> str | None:
    """The root element's name of the XML file that starts with ``head``, or None."""
    return root_start(head)[0]


def root_start(head: bytes) -> tuple[str | None, str, str]:
    """The root element's name of the XML file that starts with ``head`` (or None), what comes
    before it (declaration, DOCTYPE ...) and the attributes of its start tag."""
    encoding = "utf-16" if head.startswith(UTF16_MARKS) else "utf-8"
    text = head.decode(encoding, errors="replace")
    found = _PROLOG.match(text)
    if found is None:
        return None, "", ""
    attributes = _ROOT_ATTRIBUTES.match(text, found.end())
    return found.group(1), text[: found.start(1)], attributes.group(0) if attributes else ""


def itstool_kind_of_root(head: bytes) -> ItstoolKind | None:
    """DocBook or Mallard where the XML file that starts with ``head`` is such a page by its
    root's own start tag or DOCTYPE, else None."""
    return kind_of_root(*root_start(head))


# a DITA topic's or map's root, which a DITA file saved as .xml has with the OASIS DTD's
# public identifier (-//OASIS//DTD DITA Task//EN) or DITA's architecture attribute: an Android
# <resources> or another vocabulary's <topic> is none
_DITA_ROOTS = frozenset(
    {"topic", "task", "concept", "reference", "glossentry", "troubleshooting", "map", "bookmap"}
)
_DITA_MARKS = (b"//DTD DITA ", b"ditaarch")


def format_of_root(head: bytes) -> str | None:
    """The format the root element of the XML file that starts with ``head`` names (``<tmx>``,
    ``<xliff>``, ``<TS>``, a DITA topic's ``<task>`` with DITA's DTD), or None (not XML, or
    another root: an Android ``<resources>``)."""
    root = root_of(head)
    if root in _DITA_ROOTS:
        return "dita" if any(mark in head for mark in _DITA_MARKS) else None
    return _ROOT_FORMATS.get(root) if root else None
