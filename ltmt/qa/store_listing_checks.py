"""qa's ``length`` check of a fastlane metadata file's whole text, which its pairs (its lines)
do not show: a Google Play or App Store listing's field longer than the store allows
(:mod:`ltmt.formats.store_listing`), which the upload is refused for. An error, not the
check's warning: each of those limits is a hard one (Play Console and App Store Connect refuse
the field, so fastlane's ``supply`` or ``deliver`` fails), not a guideline, so a release gate
(``ltmt qa``, exit 1) stops it. Said at the file's first line, with the source text its pairs
give (the whole text, as the translation's), as the pairs' findings are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.qa.catalog_forms import FormProblem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ltmt.segments import PairRecord


def store_listing_problems(
    path: Path, fmt: str | None = None, records: Sequence[PairRecord] = ()
) -> list[FormProblem]:
    """The ``length`` problem (an error) of the fastlane metadata file ``path`` whose text is
    longer than its store allows; of a folder's, each such file's: at the file's first line
    (``title.txt:1``), its source the source lines of ``records`` (the pairs read from
    ``path``) at that file's lines. Another format (``fmt`` other than ``txt``), or another
    file: none."""
    from ltmt.formats.documents import text_lines
    from ltmt.formats.folders import files_in
    from ltmt.formats.store_listing import over_store_limit, store_limit

    if fmt not in (None, "txt"):
        return []
    files = files_in(path) if Path(path).is_dir() else [Path(path)]
    problems = []
    for file in files:
        if store_limit(file) is None:
            continue
        text = "\n".join(text_lines(file)[0])
        message = over_store_limit(file, text)
        if message is not None:
            lines = [r.source for r in records if r.position.rpartition(":")[0] == str(file)]
            problems.append(
                FormProblem(f"{file}:1", "\n".join(lines), text, message, "length", "error")
            )
    return problems
