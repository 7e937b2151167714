"""Which entries of a PO catalog are code: by their ``#.`` notes, po4a's listing and literal
blocks (:func:`ltmt.formats.po4a_types.is_verbatim`) and itstool's code elements
(:func:`ltmt.formats.itstool_paths.is_itstool_code`); by their msgid's shape, Sphinx's literal
blocks, doctests and images (:func:`ltmt.formats.sphinx_code_messages.is_code_message`). Such
an entry is copied byte for byte, not translated, and a copy is no translation to import or
check."""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.formats.itstool_paths import is_itstool_code
from ltmt.formats.po4a_types import is_verbatim
from ltmt.formats.sphinx_code_messages import is_code_message

# why a pair reader leaves out a code block whose msgstr is its msgid (an import's "not read")
CODE_COPIED = "code blocks copied as written"


def is_code_entry(note: str, source: str = "", references: Sequence[str] = ()) -> bool:
    """Whether ``note``, an entry's developer comments, says the entry is code (po4a's
    ``type: delimited block -``, itstool's ``(itstool) path: chapter/programlisting``), or its
    msgid ``source`` with its ``#:`` ``references`` is a code block Sphinx wrote
    (``>>> import widgetry``, ``.. image:: _static/a.png``)."""
    return is_verbatim(note) or is_itstool_code(note) or is_code_message(source, references, note)


def is_copied_code(note: str, source: str, target: str, references: Sequence[str] = ()) -> bool:
    """Whether an entry of ``note`` and ``references`` is code (:func:`is_code_entry`) whose
    ``target`` is its ``source`` copied: no translation (an import stored a listing's English
    as approved German, and a translation reused it as a 100 % match)."""
    return target == source and is_code_entry(note, source, references)
