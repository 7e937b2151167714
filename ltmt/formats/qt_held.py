"""What a Qt Linguist file's messages hold for each of its units, for the record of what ltmt
wrote into it (:mod:`ltmt.formats.output_sources`).

A ``.ts`` file is its own output (``ltmt translate app_de.ts -o app_de.ts``), and
``--no-fuzzy`` writes ltmt's text finished, as a reviewer's is: only the record of what ltmt
wrote tells the two apart (Qt trial s76: a ``memory import --reviewed-only`` stored ltmt's
machine translation as approved). The record keeps each unit's translation by the unit's key:
a message's (``N``), a plural form's (``N#K``, the ``<numerusform>`` K) or a length variant's
(``N#K``, the translation's variant K), as :func:`~ltmt.formats.qt_ts.read_ts` pairs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ltmt.formats.documents import Unit
from ltmt.formats.entry_forms import FORM


def held_texts(
    units: Sequence[Unit], written: Callable[[int], list[str]], variants: str
) -> dict[str, str]:
    """By unit key, the translation each of ``units`` holds, where it holds one: ``written(n)``
    gives message ``n``'s translation as written (one text, or a plural's forms), whose length
    variants ``variants`` parts; a variant's unit (one of a ``group``) takes the translation's
    variant of its number, a plural form's its form."""
    held = {}
    for unit in units:
        number, _, part = unit.key.partition(FORM)
        texts = written(int(number))
        if unit.entry:
            text = texts[unit.form] if unit.form < len(texts) else ""
        elif unit.group:
            parts = texts[0].split(variants) if texts else []
            text = parts[int(part)] if int(part) < len(parts) else ""
        else:
            text = texts[0] if texts else ""
        if text.replace(variants, ""):
            held[unit.key] = text
    return held
