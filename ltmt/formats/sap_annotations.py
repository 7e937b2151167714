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
key the language's file lacks), and no memory pair. A file without such a line (a plain Java
resource bundle) is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

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


def not_translated(units: Iterable[Any]) -> set[str]:
    """The keys of ``units`` whose annotation is ``#NOTR``."""
    found = text_annotations(units)
    return {key for key, annotation in found.items() if annotation.text_type == NOT_TRANSLATED}
