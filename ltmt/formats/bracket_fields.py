"""A field in double square brackets, which the app fills in: Smartling's custom placeholders
as projects declare them (``placeholder_format_custom``) and write them (``Hello [[name]]``,
``[[count]] new messages``, ``[[user.email]]``, ``[[FIRST_NAME]]``).

The model garbled them, a bracket lost or added, the name capitalised (``[[count]``,
``[[Name]``, ``[[team]]]``: trial s74), and nothing noticed: they were no placeholders. A field
is one (kind ``bracket``, :mod:`ltmt.formats.placeholder_syntax`) where its name has a code's
shape: an identifier with a small letter or an underscore first (``name``, ``firstName``,
``_id``), or capitals with an underscore (``FIRST_NAME``), and dotted parts (``user.email``).
Not a wiki's link, whose title is text a translator translates (MediaWiki's and Obsidian's
``[[Main Page]]``, ``[[Help]]``, ``[[Main_Page]]``, ``[[Help:Contents]]``, ``[[Page|text]]``),
an index glued to a name (R's ``x[[i]]``), a footnote (``[[1]]``) or Ren'Py's escaped bracket
(``[[name]``, shown as ``[name]``). AsciiDoc's anchors of the same shape (``[[install-linux]]``)
stay :mod:`ltmt.formats.asciidoc_markup`'s.

Translate gives the model each field as a tag and puts it back as written; the repair and
``ltmt qa`` know a field's garbled copies (:func:`garbled_copy`).
"""

from __future__ import annotations

import re

KIND = "bracket"
# a field's name: an identifier of a code's shape, and its dotted parts. Each piece is of one
# character class and the pieces are told apart by their first character (a small letter or
# "_", a capital, a "."), so a long name without its closing brackets fails in linear time
_NAME = r"(?:[a-z_][A-Za-z0-9_]*|[A-Z][A-Z0-9]*_[A-Z0-9_]*)(?:\.[A-Za-z_][A-Za-z0-9_]*)*"
# the field: not glued to a word or another bracket before it (``x[[i]]``, ``[[[name]]``),
# nor with a third bracket or a link's parenthesis after it (``[[name]]]``, ``[[name]](url)``)
BRACKET_FIELD = rf"(?<![\w\[])\[\[{_NAME}\]\](?![\](])"
_FIELD = re.compile(BRACKET_FIELD)


def is_bracket_field(text: str) -> bool:
    """Whether ``text`` is a field in double square brackets (:data:`BRACKET_FIELD`)."""
    return _FIELD.fullmatch(text) is not None


def garbled_pattern(field: str) -> str:
    """A pattern of ``field``'s (``[[name]]``) copies the model garbled, to be matched ignoring
    case: its name between one to three brackets a side, spaces beside it (``[[count]``,
    ``[[Name]``, ``[[team]]]``, ``[ [name] ]``); not a longer name (``[[names]]``)."""
    name = re.escape(field[2:-2])
    return rf"(?<!\[)\[(?:\s*\[){{0,2}}\s*{name}\s*\](?:\s*\]){{0,2}}(?!\])"


def garbled_copy(field: str, text: str, source: str) -> str | None:
    """The copy of ``field`` that ``text`` (a translation of ``source``) writes garbled
    (:func:`garbled_pattern`), else None; not one ``source`` writes too (``[[name]`` beside
    ``[[name]]``: Ren'Py's escaped bracket)."""
    pattern = re.compile(garbled_pattern(field), re.IGNORECASE)
    written = {found.group() for found in pattern.finditer(source)}
    for found in pattern.finditer(text):
        if found.group() != field and found.group() not in written:
            return found.group()
    return None
