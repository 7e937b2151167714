"""A translated file or folder read as source/target pairs, as ``memory import`` and ``qa``
read them: whole, before anything is written or said of them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ltmt.errors import InputError
from ltmt.wording import counted, counted_kinds

if TYPE_CHECKING:
    from ltmt.formats.not_read import NotRead
    from ltmt.segments import PairRecord

# --columns of the commands that read a table's pairs (memory import, qa)
PAIR_COLUMNS_OPTION = typer.Option(
    None,
    "--columns",
    help="CSV: the columns that hold the pairs, by their headers, as SOURCE=TARGET "
    '("Line A=Line B"; several separated by commas), where the headers name no language.',
)

READ_NOTE_FROM = 8 << 20  # bytes: a terminal is told when a larger file is being read


def read_records(
    path: Path,
    fmt: str | None,
    source_file: Path | None,
    src_lang: str,
    tgt_lang: str,
    *,
    quiet: bool = False,
    include_fuzzy: bool = False,
    skip_keys: frozenset[str] = frozenset(),
    check_declared: bool = True,
    not_read: NotRead | None = None,
    purpose: str = "imported",
    columns: str | None = None,
    extras_reported: bool = False,
) -> list[PairRecord]:
    """The pairs of the file ``path``, or of every file of the folder ``path`` a format reads
    (``source_file``: then the source-language folder); ``include_fuzzy``: translations not
    yet reviewed too (:func:`ltmt.formats.pairs.read_translations`); ``skip_keys``: keys whose
    strings are identifiers, which make no pairs (``--skip-keys``: a usage error for one file
    of a format with no keys); ``check_declared``: the languages a file declares are checked
    (:func:`ltmt.formats.pairs.read_translations`); ``not_read``: counts the entries the readers
    left out, which they then do not warn of; ``purpose``: what a warning says was not done with
    a string only the translation has (``imported``, ``checked``); ``columns``: a CSV table's
    pairs of columns (``--columns``, refused for a folder); ``extras_reported``: a file's strings
    only the translation has are reported by the caller, not warned of (``ltmt qa``'s
    ``extra`` findings; a folder's files warn). Files of a folder that were skipped are said
    on stderr unless ``quiet``."""
    if path.is_dir() and columns is not None:
        verb = "check" if purpose == "checked" else "import"
        raise InputError(
            f"--columns names the columns of one CSV table, and {path} is a folder: {verb} "
            "the table's file with --columns, or the folder without it"
        )
    if path.is_dir():
        return _folder_records(
            path,
            fmt,
            source_file,
            (src_lang, tgt_lang),
            quiet,
            include_fuzzy,
            skip_keys,
            check_declared,
            not_read,
            purpose,
        )
    from ltmt.formats.pairs import read_translations, refuse_an_unreadable_file

    refuse_an_unreadable_file(path)  # before its format is looked for (--skip-keys)
    _refuse_a_po4a_page(path, fmt, purpose)
    if skip_keys:
        from ltmt.cli.skip_keys import refuse_skip_keys
        from ltmt.formats.registry import find_format

        refuse_skip_keys(path, find_format(path, fmt, role="read"))

    # a missing file fails here, before output
    reader = read_translations(
        path,
        fmt,
        source_file=source_file,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        include_fuzzy=include_fuzzy,
        skip_keys=skip_keys,
        check_declared=check_declared,
        not_read=not_read,
        purpose=purpose,
        columns=columns,
        extras_reported=extras_reported,
    )
    size = path.stat().st_size
    if size >= READ_NOTE_FROM and sys.stderr.isatty():  # some formats are read whole
        typer.echo(f"reading {path.name} ({size / 2**20:.0f} MB) ...", err=True)
    return list(reader)


def _refuse_a_po4a_page(path: Path, fmt: str | None, purpose: str) -> None:
    """A one-line InputError where ``path`` is a page po4a reads (AsciiDoc, a man page) and no
    ``fmt`` is given: what to import or check instead, the PO catalog of the page and its
    translation (translate's recipe was given, which imports nothing)."""
    from ltmt.formats.registry import PO4A_KINDS

    kind = PO4A_KINDS.get(path.suffix.lower()) if fmt is None else None
    if kind is not None:
        recipe = kind.qa_recipe() if purpose == "checked" else kind.import_recipe()
        raise InputError(f"{path}: {recipe}")


def _folder_records(
    folder: Path,
    fmt: str | None,
    source_folder: Path | None,
    languages: tuple[str, str],
    quiet: bool,
    include_fuzzy: bool,
    skip_keys: frozenset[str],
    check_declared: bool,
    not_read: NotRead | None,
    purpose: str,
) -> list[PairRecord]:
    """The pairs of every file of ``folder`` a format reads, all read first (``purpose``: as
    :func:`read_records`)."""
    from ltmt.formats.folders import read_folder, refuse_format

    refuse_format(fmt)
    found = read_folder(
        folder,
        source_folder,
        *languages,
        include_fuzzy=include_fuzzy,
        skip_keys=skip_keys,
        check_declared=check_declared,
        not_read=not_read,
        purpose=purpose,
    )
    left = found.skipped()
    if not quiet and any(count for count, _ in left):
        said = counted_kinds(left, "file")
        typer.echo(f"ltmt: {counted(len(found.read), 'file')} read; skipped {said}", err=True)
    return found.records
