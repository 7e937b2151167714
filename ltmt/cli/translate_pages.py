"""``ltmt translate docs -o docs``: a folder of Markdown pages translated into itself, each page
into the target locale's name beside it (``index.md`` → ``index.de.md``: MkDocs Material's i18n
suffix layout, :mod:`~ltmt.formats.suffix_pages`), an existing translation continued as a
file's run with ``-o`` continues it; pages of other locales (``index.fr.md``) and the folder's
other files are left as they are, each named in the run's ``skipped`` line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import InputError

if TYPE_CHECKING:
    from ltmt.cli.translate_folder import FolderJob


def prepare_pages_beside(
    folder: Path, src: str, tgt: str, options: tuple[str | None, str | None, str | None]
) -> FolderJob | None:
    """The run of ``folder`` into itself by the suffix layout, each page checked as
    :func:`~ltmt.cli.translate_job.prepare` checks one file; None where ``folder`` holds no
    Markdown page named for no locale or the source language's."""
    from ltmt.cli.translate_folder import FolderJob, finished_beside
    from ltmt.cli.translate_job import prepare
    from ltmt.formats.common import same_language
    from ltmt.formats.folders import files_in, format_of
    from ltmt.formats.suffix_pages import is_markdown, page_locale, translation_page

    found = FolderJob(folder, folder)
    sources: list[Path] = []
    others: dict[Path, str] = {}  # index.fr.md, or index.de.md that index.md continues
    for path in files_in(folder):
        locale = page_locale(path)
        if not is_markdown(path):
            (found.unknown if format_of(path, "document") is None else found.not_pages).append(path)
        elif locale is None or same_language(locale, src):
            sources.append(path)
        else:
            others[path] = f"{path.relative_to(folder)}: {locale}"
    if not sources:
        return None
    refusals: list[str] = []
    for path in sources:
        target = translation_page(path, tgt)
        try:
            job = prepare(str(path), None, str(target), None, *options, output_folder_made=True)
        except InputError as error:
            refusals.append(str(error))  # the next pages are checked too
            continue
        (found.jobs if job.has_text else found.empty).append(job)
    return finished_beside(found, refusals, others, src, tgt)
