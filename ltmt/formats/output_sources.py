"""What source each translation in an output ltmt wrote was made for, so that an update
translates again the blocks whose source changed.

An existing output of a document whose translation is a file of its own (a Word document, a
Markdown page, an app catalog: :class:`~ltmt.formats.documents.TranslatedApart`) is the
translation so far: its blocks are taken over by their place or name, and a block with other
text than the source's is kept. That rule alone cannot tell a translator's edit from the
translation of a source edited since (or of another document written into the same output).
So each time ltmt writes such an output it records, per unit key, a digest of the unit's
source and of the translation written (:class:`OutputSources`, one small JSON file per output
under ltmt's cache, keyed by the output's absolute path; the output itself is not changed).

On the next run into that output (:func:`outdated`), a kept translation that the record holds
for other sources only was written by ltmt for a source that is no longer there: it is
translated again. One the record holds for the unit's own source is up to date, wherever the
block moved. One the record does not hold was written or edited by someone else since: it is
kept, and named in a warning where the record says the unit's source changed too (which of
the two came first, the edit or the source's change, cannot be told). Without a record (an
output ltmt did not write, or a cache deleted since), every translation is kept as before.

A document whose existing output may line up with its units in more than one way (subtitles
re-timed since, whose cues no longer start at the output's times: :class:`LinedUpByRecord`) is
given the record before it takes the output over, so that it lines a unit up by its place only
where the record says ltmt wrote that place for the unit's source.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ltmt.formats.common import atomic_write
from ltmt.formats.documents import Unit
from ltmt.outputs import OutputError
from ltmt.paths import default_cache_dir, resolved

logger = logging.getLogger(__name__)

FOLDER = "output-sources"  # under the cache directory
RECORD_VERSION = 1

# unit key -> (digest of its source, digest of the translation written for it)
Record = Mapping[str, tuple[str, str]]


def digest(text: str) -> str:
    """A short digest of ``text`` (16 hex digits): what the record keeps of a source or a
    translation."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


@dataclass(frozen=True)
class OutputSources:
    """The records of the outputs ltmt wrote, one JSON file each in ``folder``."""

    folder: Path

    @classmethod
    def in_cache(cls) -> OutputSources:
        """The records under :func:`ltmt.paths.default_cache_dir`."""
        return cls(default_cache_dir() / FOLDER)

    def read(self, output: Path) -> Record | None:
        """The record of ``output``; None where there is none, or none this version reads
        (a cache file, so one that is damaged is as good as none)."""
        path = self._path_of(output)
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") != RECORD_VERSION:
                return None
            return {str(k): (str(s), str(t)) for k, (s, t) in data["units"].items()}
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            logger.info("%s: unreadable record of %s, taken as none", path, output)
            return None

    def write(self, output: Path, translated: Iterable[tuple[Unit, str]]) -> None:
        """Record that ``output`` holds ``translated`` (each unit with its translation). A
        record that cannot be written is a warning, not an error: the output is written."""
        units = {unit.key: (digest(unit.source), digest(text)) for unit, text in translated}
        record = {"version": RECORD_VERSION, "output": str(resolved(output)), "units": units}
        path = self._path_of(output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, json.dumps(record, sort_keys=True).encode("utf-8"))
        except (OSError, OutputError) as exc:  # a folder that is a file, a full disk
            logger.warning(
                "%s: its sources not recorded (%s); an update of it keeps every translation "
                "it holds",
                output,
                exc,
            )

    def _path_of(self, output: Path) -> Path:
        return self.folder / f"{digest(str(resolved(output)))}.json"


@runtime_checkable
class LinedUpByRecord(Protocol):
    """A document that takes its existing output over with the record of what ltmt wrote there
    (module docstring): :mod:`ltmt.formats.subtitles`."""

    def adopt_recorded(self, target: Path, record: Record | None) -> int:
        """Take over ``target``'s translations of this document's units, lined up by what the
        two files hold and by ``record`` (None: there is none); how many."""
        ...


@dataclass(frozen=True)
class Outdated:
    """The kept translations an update must not keep silently, by unit key: ``again``, ltmt's
    translations of another source (translated again); ``edited``, others' texts whose unit's
    source changed since ltmt last wrote the output (kept, for a person to check)."""

    again: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)


def outdated(record: Record, kept: Sequence[tuple[Unit, str]]) -> Outdated:
    """Which of ``kept`` (units of the input and the translations the output holds for them)
    are outdated by what ``record`` says the output was written from (module docstring)."""
    written_for: dict[str, set[str]] = {}
    for source, translation in record.values():
        written_for.setdefault(translation, set()).add(source)
    again, edited = [], []
    for unit, text in kept:
        sources = written_for.get(digest(text))
        source = digest(unit.source)
        if sources is not None:
            if source not in sources:
                again.append(unit.key)
        elif unit.key in record and record[unit.key][0] != source:
            edited.append(unit.key)
    return Outdated(again, edited)
