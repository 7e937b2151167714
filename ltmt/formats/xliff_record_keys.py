"""The keys under which the record of what ltmt wrote into an XLIFF file filled in place
(:class:`~ltmt.formats.output_sources.FilledInPlace`) keeps its units: their ids, as a keyed
catalog's record keeps its strings by name, so that a unit a tool added, removed or moved since
(Angular's extract-i18n-merge, a Trados segment merge or split) shifts no other unit's place.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ltmt.formats.common import local_name
from ltmt.formats.xliff import XliffUnit


def recorded_as(units: list[XliffUnit]) -> list[str]:
    """The key of each of ``units`` in the record of what ltmt wrote into their file: its id
    (a segment's with its ``mid``: ``u1/2``), under its ``<file>``'s ``original`` where the
    file has several (Okapi numbers each file's units from 1); a unit without an id, or with
    one another unit shares, by its place (two tabs and its number: no id starts so)."""
    files = {_file_of(unit) for unit in units}
    names = [
        f"{_file_name(unit)}\t{unit.unit_id}" if len(files) > 1 else unit.unit_id for unit in units
    ]
    counts = Counter(names)
    return [
        name if unit.unit_id and counts[name] == 1 else f"\t\t{place}"
        for place, (unit, name) in enumerate(zip(units, names, strict=True))
    ]


def _file_of(unit: XliffUnit) -> Any:
    """The ``<file>`` element that holds ``unit`` (None for none)."""
    return next((e for e in unit.holder.iterancestors() if local_name(e.tag) == "file"), None)


def _file_name(unit: XliffUnit) -> str:
    """What names the ``<file>`` of ``unit``: its ``original`` (1.2) or ``id`` (2.0)."""
    file = _file_of(unit)
    return "" if file is None else file.get("original") or file.get("id") or ""
