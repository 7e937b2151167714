"""Laravel's fields in the cases Laravel fills: ``:attribute`` with the value as given,
``:Attribute`` with it capitalised and ``:ATTRIBUTE`` with it in capitals (its translator's
``makeReplacements``). The three are one field: a German sentence opens with ``:Attribute`` for
an English ``The :attribute field`` (laravel-lang's ``de`` files are written so), and a
translation that writes another of them keeps the field, not loses it."""

from __future__ import annotations

import re

# a Laravel field as the sigil kind reads it (``:name``, ``:Name``, ``:NAME``)
_FIELD = re.compile(r":[A-Za-z_]\w*")


def field_name(text: str) -> str:
    """``text``, a placeholder's, as its field is compared: a Laravel field in small letters
    (``:Attribute`` and ``:ATTRIBUTE`` are ``:attribute``), any other placeholder as it is."""
    return text.lower() if _FIELD.fullmatch(text) else text
