"""``ltmt translate FOLDER -o OUT``: every file of a folder a format knows, translated into the
same place under OUT, with one model load (``res/values`` → ``res/values-de``, ``en.lproj`` →
``de.lproj``, ``_locales/en`` → ``_locales/de``).

The files are found by their extensions, in the folder and below it (hidden ones left out);
files of no known format, and files with nothing to translate (an Android ``colors.xml``),
are skipped and counted. Every file is checked, as one file is, before the model loads: a
malformed one stops the run before anything is translated, with its one-line error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ltmt.cli.translate_job import Job, prepare
from ltmt.errors import InputError


@dataclass
class FolderJob:
    """A folder's files to translate (``jobs``) and those skipped, by why."""

    folder: Path
    output: Path
    jobs: list[Job] = field(default_factory=list)
    unknown: list[Path] = field(default_factory=list)  # no format knows them
    empty: list[Job] = field(default_factory=list)  # nothing to translate


def is_folder(file: str) -> bool:
    return file != "-" and Path(file).is_dir()


def prepare_folder(
    file: str,
    fmt: str | None,
    output: str | None,
    learn: Path | None,
    src_lang: str | None,
    tgt_lang: str | None,
    model: str | None,
) -> FolderJob:
    """The folder's files checked, each as :func:`~ltmt.cli.translate_job.prepare` checks one
    file, before the model loads."""
    from ltmt.formats.folders import files_in, format_of, refuse_format

    folder = Path(file)
    refuse_format(fmt)
    if learn is not None:
        raise InputError("--learn works with one plain-text file, not a folder")
    if output in (None, "-"):
        raise InputError(
            f"{folder} is a folder: give --output FOLDER for its translations (for example "
            "-o res/values-de); the input is never overwritten"
        )
    out = Path(output)
    _check_output_folder(folder, out)
    found = FolderJob(folder, out)
    for path in files_in(folder):
        if format_of(path, "document") is None:
            found.unknown.append(path)
            continue
        target = out / path.relative_to(folder)
        job = prepare(
            str(path), None, str(target), None, src_lang, tgt_lang, model, output_folder_made=True
        )
        (found.jobs if job.has_text else found.empty).append(job)
    if not found.jobs:
        raise InputError(
            f"{folder}: no file to translate in it (files of a known format with text: .po, "
            ".xliff, .ts, strings.xml, .properties, .json, .strings, .yml, .srt ...)"
        )
    return found


def _check_output_folder(folder: Path, out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"--output {out} is a file; a folder is translated into a folder")
    if not out.parent.is_dir():
        raise InputError(
            f"cannot write into {out}: directory {out.parent} does not exist; create it first"
        )
    inside, source = out.resolve(), folder.resolve()
    if inside == source or source in inside.parents:
        raise InputError(
            f"--output {out} is inside the folder {folder}; give a folder beside it "
            "(its translations would be translated again)"
        )
