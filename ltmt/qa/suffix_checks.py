"""qa's check of an English plural suffix left in German: ``%n Eintrag(ies) entfernt`` for
``%n entry(ies) removed``, a Qt numerus message's or a PO plural's form (trial s76: the same in
both forms, and qa said nothing). German writes its own (``Datei(en)``, ``Foto(s)``), which
are not English's (:func:`ltmt.formats.plural_suffixes.english_suffixes_kept`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.plural_suffixes import english_suffixes_kept, has_suffixes


def english_suffix_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The English plural suffixes ``target`` keeps, where it is a plural form (its metadata's
    ``plural``) or its ``source`` writes both forms at once (``%n file(s)``)."""
    if "plural" not in metadata and not has_suffixes(source):
        return []
    return [
        f"keeps the English plural ending {suffix}: write the German singular and plural "
        "forms out (Eintrag, Einträge)"
        for suffix in english_suffixes_kept(target)
    ]
