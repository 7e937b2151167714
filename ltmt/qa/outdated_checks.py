"""Translations written for an older source, as the record of what ltmt wrote says.

When ltmt writes an output it records which source each translation is for
(:mod:`ltmt.formats.output_sources`). An update keeps a translator's German whose English
changed since and names it in a warning, on every run until someone edits it; ``memory import``
skips it (:func:`ltmt.formats.changed_sources.recorded_for_older_sources`). ``ltmt qa`` names
it too, as an ``outdated`` warning, and so it names ltmt's own translation of an older source,
which the next ``ltmt translate`` translates again: a run that ships the file without that
update ships the old English's German (trial s72: a translation of "could not be found" for "was
moved or deleted" passed qa).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ltmt.formats.changed_sources import CHANGED_SOURCE, OLDER_SOURCE, recorded_for_older_sources
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.registry import find_format
from ltmt.qa.catalog_forms import FormProblem
from ltmt.segments import PairRecord

CHECK = "outdated"

_MESSAGES = {
    CHANGED_SOURCE: "its source changed since this translation (not ltmt's) was written: "
    "check it against the source now and edit it (ltmt translate --overwrite translates it "
    "again)",
    OLDER_SOURCE: "ltmt wrote this translation for an older source: run ltmt translate again "
    "to update it",
}


def outdated_problems(
    path: Path, records: Sequence[PairRecord], fmt: str | None, sources: OutputSources
) -> list[FormProblem]:
    """The pairs of ``records`` (read from ``path``, a file or a folder, for ``ltmt qa``) whose
    translation the record of what ltmt wrote into their file (``sources``, as ``memory
    import`` reads them: :meth:`~ltmt.formats.output_sources.OutputSources.read_for_import`)
    says is for an older source, as ``outdated`` warnings; none for a file without a record."""
    problems = []
    for file, pairs in _files_of(path, records):
        paired = [(pair.source, pair.target) for pair in pairs if not pair.unpaired]
        given = fmt if file == path else None
        record = sources.read_for_import(file, paired, given) if paired else None
        if record is None:
            continue
        by_place = not find_format(file, given, role="read").entries_move
        for pair in recorded_for_older_sources(record, pairs, by_place=by_place):
            if pair.unpaired in _MESSAGES:
                problems.append(
                    FormProblem(
                        pair.position, pair.source, pair.target, _MESSAGES[pair.unpaired], CHECK
                    )
                )
    return problems


def _files_of(path: Path, records: Sequence[PairRecord]) -> list[tuple[Path, list[PairRecord]]]:
    """The files ``records`` were read from (a folder's, by origin; else ``path``), each with
    its own pairs."""
    from ltmt.formats.folders import origin_path

    if not path.is_dir():
        return [(path, list(records))]
    by_file: dict[str, list[PairRecord]] = {}
    for record in records:
        by_file.setdefault(record.origin, []).append(record)
    return [(origin_path(path, origin), pairs) for origin, pairs in by_file.items()]
