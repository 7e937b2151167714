"""qa's ``length`` check of a fastlane metadata file's whole text, which its pairs (its lines)
do not show: a Google Play or App Store listing's field longer than the store allows
(:mod:`ltmt.formats.store_listing`), which the upload is refused for. A warning, as the
check's other limits are."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem


def store_listing_problems(path: Path, fmt: str | None = None) -> list[FormProblem]:
    """The ``length`` problem of the fastlane metadata file ``path`` whose text is longer than
    its store allows; of a folder's, each such file's. Another format (``fmt`` other than
    ``txt``), or another file: none."""
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
            problems.append(FormProblem(str(file), "", text, message, "length"))
    return problems
