"""The strings an existing output of a keyed catalog holds whose source was removed since and
that ltmt wrote there itself: removed from the output rather than kept.

A name the translation so far has and the source file no longer has is kept, with a warning
(it may be a translator's; deleting it is their call). Where ltmt's record of the output
(:mod:`ltmt.formats.output_sources`) says that ltmt wrote that very text at that key, and so
nobody edited it since, it is ltmt's own machine translation (or memory match) of an English
string the developer deleted: keeping it loses nothing worth keeping and breaks a build
(Android lint's ExtraTranslation fails a release build for it, trial s75), so it goes, and the
run summary says so. A string of several values (a plural's forms, an array's items) goes only
where ltmt wrote every one of them; without a record, everything is kept as before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record


def own_extras(
    found: Mapping[str, str],
    extras: Sequence[str],
    name_of: Callable[[str], str],
    record: Record | None,
    source_still_there: Collection[str] = (),
) -> list[str]:
    """Those of ``extras`` (names of strings the output so far has and the source file has
    not) whose every value in ``found`` (the output's strings, by key; ``name_of`` gives a
    key's name) ``record`` says ltmt wrote at that key, unedited since, in their order; none
    without a record. A name of ``source_still_there`` (one the source marks not to translate,
    or spells otherwise: a JSON file's flat ``a.b`` for a nested ``a`` → ``b``) is not one whose
    source was removed: left to the warning that names it."""
    if record is None:
        return []
    values: dict[str, list[tuple[str, str]]] = {}
    for key, text in found.items():
        values.setdefault(name_of(key), []).append((key, text))
    return [
        name
        for name in extras
        if name not in source_still_there
        and values.get(name)
        and all(record.wrote_at(key, text) for key, text in values[name])
    ]
