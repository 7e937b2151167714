"""A translated plain-text file read as pairs beside the file it translates, line by line: the
parallel text that corpora and ``ltmt translate in.txt -o out.txt`` leave (``corpus.de`` beside
``corpus.en``, with ``--format txt``).

    records = read_text_pairs(Path("out.de.txt"), source_file=Path("in.txt"))

Line N of the translation translates line N of the source, so the two must have as many lines;
a line blank in both is no pair, and a blank translation of a line is an untranslated one (a
memory import skips it, ``ltmt qa`` counts it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import read_lines
from ltmt.segments import PairRecord


def read_text_pairs(
    path: Path, *, source_file: Path | None = None, **_: Any
) -> Iterator[PairRecord]:
    """The pairs of the translation ``path`` and its ``source_file``, line by line."""
    path = Path(path)
    if source_file is None:
        raise no_source_file(path, "line by line")
    targets = read_lines(path, "translation")
    sources = read_lines(source_file, "source")
    if len(targets) != len(sources):
        raise InputError(
            f"{path} has {len(targets)} lines but {Path(source_file).name} has {len(sources)}; a "
            "translation pairs with its source line by line"
        )
    for number, (source, target) in enumerate(zip(sources, targets, strict=True), 1):
        if source.strip() or target.strip():
            # the path as given, as other formats' positions say it: a CI problem matcher, or
            # a folder's files of one name (de-DE/changelogs/123.txt), tell where it is
            yield PairRecord(source, target, f"{path}:{number}")


def no_source_file(path: Path, how: str) -> InputError:
    """The error of a plain-text translation ``path`` read as pairs without its source file,
    which it translates ``how`` (``line by line``)."""
    return InputError(
        f"{path}: a plain-text file holds one language; give the source-language file it "
        f"translates {how} with --source-file"
    )
