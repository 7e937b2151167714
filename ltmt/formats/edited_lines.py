"""A plain text file's existing output (a line out per line in) edited since ltmt wrote it.

A run translates every line of a text file again, so an output that exists is replaced; what a
person fixed in it by hand would be lost without a word (before, it was: a store listing's
``short_description.txt``, fixed and committed, came back as the machine's). So the run reads
the record of what ltmt wrote there (:mod:`ltmt.formats.output_sources`, keyed by line), and a
line that is not what ltmt wrote at its place is kept as it is where the record says its
source is the same line of the input still; where it cannot say (no record: an output ltmt
never wrote, or wrote before it kept records of text files; a source changed since; a line
that moved, or one the input lacks; an output whose lines are not those the record says ltmt
wrote, a reviewed copy of an earlier output with a line fewer put in its place, whose edited
lines the record's places would give to the lines after them), the run refuses and the output
is left as it is.
``--overwrite`` replaces it, as before (its lines imported into the memory first come back as
100 % matches).
"""

from __future__ import annotations

from pathlib import Path

from ltmt.formats.documents import TextDocument, Unit, text_lines
from ltmt.formats.existing_output import ExistingOutputError
from ltmt.formats.output_sources import Record


class EditedOutputError(ExistingOutputError):
    """A text file's output edited since ltmt wrote it, whose edits a run cannot keep."""


def keep_edited_lines(
    document: TextDocument,
    out_path: Path,
    record: Record | None,
    user: str | None = None,
) -> int:
    """Keep the lines of ``out_path`` (``document``'s existing output) edited since ltmt wrote
    them, as its ``record`` says (None: there is none), as their lines' translations, so that
    the run translates only the others; how many. Raises :class:`EditedOutputError` where one
    cannot be kept in its place (module docstring); ``user``: the run's, named in the error's
    advice."""
    written = text_lines(out_path)[0]
    edited = [i for i, line in enumerate(written) if not _as_written(document, record, i, line)]
    if not edited:
        return 0
    in_place = record is not None and all(
        _kept_in_place(document, record, i, written[i]) for i in edited
    )
    if record is None or not in_place or not _lines_recorded(record, written):
        # a reviewed copy of an earlier output: its lines pair with the English of then
        moved = record is not None and in_place
        why = (
            "exists, and ltmt has no record of writing it (edited since, or not ltmt's)"
            if record is None
            else "has other lines than ltmt last wrote there (a reviewed copy of an earlier "
            "output put in its place?), so which English each edited line was for cannot be told"
            if moved
            else "was edited since ltmt wrote it"
        )
        english = "ENGLISH_IT_WAS_TRANSLATED_FROM" if moved else document.path
        raise EditedOutputError(
            f"{out_path} {why}; to keep its lines, import it first (ltmt memory import "
            f"{out_path} --source-file {english} --user {user or 'USER'}) and run again "
            "with --overwrite (they come back as memory matches); to replace it, pass --overwrite",
            out_path,
        )
    for index in edited:
        document.translations[index] = written[index]
    return len(edited)


def _as_written(document: TextDocument, record: Record | None, index: int, line: str) -> bool:
    """Whether ``line``, the output's at ``index``, is what ltmt writes there: a blank line for
    a blank line of the input (copied), else the translation the record says it wrote there."""
    if _no_source_line(document, index):
        return not line.strip()
    return record is not None and record.wrote_at(str(index), line)


def _lines_recorded(record: Record, written: list[str]) -> bool:
    """Whether the output's lines (``written``) are those the ``record`` says ltmt last wrote
    there: none it wrote is past the output's end, and the output holds text at none of the
    places where it wrote nothing. A file put at the path since with a line fewer or more (a
    reviewed copy of an earlier output) has its lines moved: the record's places are not
    theirs."""
    places = {int(key) for key in record.units if key.isdigit()}
    filled = {index for index, line in enumerate(written) if line.strip()}
    return all(index < len(written) for index in places) and filled <= places


def _kept_in_place(document: TextDocument, record: Record, index: int, line: str) -> bool:
    """Whether the edited ``line`` at ``index`` stays the translation of the input's line
    there: the record says ltmt wrote that place for the line's source as it is now, and the
    text is none that ltmt wrote at any place (a line of its moved by one added above it)."""
    if _no_source_line(document, index):
        return False
    digests = record.translation_digests(line)
    moved = any(written in digests for _, written in record.written_pairs)
    return record.written_for(Unit(str(index), document.lines[index])) and not moved


def _no_source_line(document: TextDocument, index: int) -> bool:
    """Whether the input has no line of words at ``index``: blank, or past its end."""
    return index >= len(document.lines) or not document.lines[index].strip()
