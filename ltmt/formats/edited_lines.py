"""A plain text file's existing output (a line out per line in) edited since ltmt wrote it.

A run translates every line of a text file again, so an output that exists is replaced; what a
person fixed in it by hand would be lost without a word (before, it was: a store listing's
``short_description.txt``, fixed and committed, came back as the machine's). So the run reads
the record of what ltmt wrote there (:mod:`ltmt.formats.output_sources`, keyed by line), and a
line that is not what ltmt wrote at its place is kept as it is where the record says its
source is the same line of the input still; where it cannot say (no record: an output ltmt
never wrote, or wrote before it kept records of text files; a source changed since; a line
that moved, or one the input lacks), the run refuses and the output is left as it is.
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
    if record is None or not all(_kept_in_place(document, record, i, written[i]) for i in edited):
        why = (
            "was edited since ltmt wrote it"
            if record is not None
            else "exists, and ltmt has no record of writing it (edited since, or not ltmt's)"
        )
        raise EditedOutputError(
            f"{out_path} {why}; to keep its lines, import it first (ltmt memory import "
            f"{out_path} --source-file {document.path} --user {user or 'USER'}) and run again "
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
