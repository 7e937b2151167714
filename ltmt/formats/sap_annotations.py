"""SAP UI5's text annotations in an ``i18n.properties`` file: the comment line directly above a
key that classifies its text for the translators (the UI5 documentation's "Annotations in
Translation Files" and "Text Classification")::

    #<TextType>
    #<TextType>,<MaximumLength>
    #<TextType>,<MaximumLength>:<note for the translator>
    #<TextType>:<note for the translator>

A text type is an ``X`` type, for a short text (``XFLD`` a label, ``XBUT`` a button, ``XMSG`` a
message, ``XTIT`` a title ...), a ``Y`` type, for a long one (``YMSG``, ``YINS`` ...), or
``NOTR``: not to be translated. Such a key is no string to translate, as Android's
``translatable="false"`` is: left out of the translation (UI5 shows the base file's value for a
key the language's file lacks), and no memory pair. The maximum length, in characters, limits the
translation, as an XLIFF ``maxwidth`` does: a longer one is counted and named by ``ltmt
translate`` and is an ``ltmt qa`` ``length`` finding (``its #XFLD,20 annotation allows 20``). A
limit said in the note (``#XFLD: max 20 characters``) is for the translator to read, not checked.
A file without such a line (a plain Java resource bundle) is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ltmt.formats.keyed_catalog import Entry
from ltmt.formats.size_limits import LengthsChecked
from ltmt.wording import counted

NOT_TRANSLATED = "NOTR"
# the whole comment line: ``#XFLD``, ``#XFLD,20``, ``#XFLD,20: Label``, ``#NOTR: theme name``
_ANNOTATION = re.compile(r"#\s*(NOTR|[XY][A-Z]{3})\s*(?:,\s*(\d+)\s*)?(?::.*)?")


@dataclass(frozen=True)
class TextAnnotation:
    """A key's annotation: its ``text_type`` (``XFLD``, ``NOTR``) and the ``max_length`` in
    characters it allows its translation (None: no limit)."""

    text_type: str
    max_length: int | None = None

    def said(self) -> str:
        """The annotation as written, less its note: ``#XFLD,20``."""
        length = "" if self.max_length is None else f",{self.max_length}"
        return f"#{self.text_type}{length}"


def annotation_of(comments: list[str]) -> TextAnnotation | None:
    """The annotation of a key whose comment lines are ``comments``: the last line, directly
    above the key, where it is one; else None."""
    found = _ANNOTATION.fullmatch(comments[-1].strip()) if comments else None
    if found is None:
        return None
    length = found.group(2)
    return TextAnnotation(found.group(1), None if length is None else int(length))


def text_annotations(units: Iterable[Any]) -> dict[str, TextAnnotation]:
    """The annotations of translate-toolkit's properties ``units`` by key, a key defined twice
    having its last definition's (the one Java reads)."""
    last = {unit.getid(): unit for unit in units if unit.getid()}
    return {key: found for key, unit in last.items() if (found := annotation_of(unit.comments))}


class SapAnnotated(LengthsChecked):
    """A properties file's SAP annotations (:attr:`annotations`): the keys a ``#NOTR`` marks
    (:meth:`marked_not_translated`) and the length limits, checked as each string is filled."""

    annotations: dict[str, TextAnnotation]

    def read_annotations(self, units: Iterable[Any]) -> set[str]:
        """Read the annotations of ``units``; returns the keys marked ``#NOTR``."""
        self.annotations = text_annotations(units)
        self.over_limit = {}
        return {key for key, found in self.annotations.items() if found.text_type == NOT_TRANSLATED}

    def length_limit(self, entry: Entry) -> int | None:
        return self.limit_at(entry.key)[0]

    def length_limit_set_by(self, entry: Entry) -> str:
        return self.limit_set_by(entry.key)

    def limit_at(self, key: str) -> tuple[int | None, str]:
        found = self.annotations.get(key)
        return (None if found is None else found.max_length), key

    def limit_set_by(self, key: str) -> str:
        found = self.annotations.get(key)
        return "its unit" if found is None else f"its {found.said()} annotation"

    def over_limit_said(self, count: int) -> str:
        return f"{counted(count, 'string')} longer than an SAP text annotation allows"
