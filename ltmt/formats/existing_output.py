"""An output that exists before a run: whether it may be replaced, the translations taken over
from it (and those dropped again because ltmt wrote them for a source changed since:
:mod:`ltmt.formats.output_sources`; those the memory holds for another source are named:
:mod:`ltmt.formats.changed_sources`), and its writing with the record of what each translation
was for."""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import InputError
from ltmt.formats.documents import Document, TextDocument, TranslatedApart, Unit
from ltmt.formats.keyed_catalog import KeyedCatalog
from ltmt.formats.output_sources import (
    FilledInPlace,
    KeepsReviewed,
    LinedUpByRecord,
    Moved,
    OutputSources,
    Record,
    RecordKeys,
    outdated,
)
from ltmt.formats.registry import FileFormat
from ltmt.formats.run_progress import progress_path
from ltmt.formats.table_record_keys import emptied_again
from ltmt.wording import counted, first_few, kept_as_is, them

if TYPE_CHECKING:
    from ltmt.formats.pipeline import ChangedSources

logger = logging.getLogger(__name__)


_BLANK_CHECKED = 65536  # bytes of an existing output looked at for anything but blanks


def holds_text(path: Path) -> bool:
    """Whether ``path`` exists with more than whitespace in it: an empty output (one a run
    wrote when it had nothing to translate, or one made by ``touch``) holds no translation.
    Only its start is read (the document reads it whole next); a start of blanks alone as long
    as that counts as text, so that the reader names such a file. A path that is no regular
    file (``/dev/stdout``, a pipe: reading it waited for ever) holds none."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            head = handle.read(_BLANK_CHECKED)
    except FileNotFoundError:
        return False
    except OSError:  # unreadable: the document's reader says so in one line
        return True
    return len(head) == _BLANK_CHECKED or bool(head.strip(b" \t\r\n\xef\xbb\xbf"))


class ExistingOutputError(InputError):
    """An existing output that a run would replace (:func:`check_output_replaceable`): no
    fault of the input, so a folder run says these apart from its files' errors."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def check_output_replaceable(out_path: Path, spec: FileFormat, in_path: Path | None = None) -> None:
    """Refuse an existing output of a ``spec`` catalog that holds both languages (a PO catalog, a
    Jed JSON file: not :meth:`~ltmt.formats.registry.FileFormat.one_language_file`) unless it
    is an interrupted run's (a progress file beside it) or holds no text: a run writes the
    input's entries and its own translations, so what a reviewer changed there would be lost
    without a word. ``in_path``: the input, where known, asked too (the output of a Jed file is
    written from it, even where the existing output holds one language)."""
    out_path = Path(out_path)
    if progress_path(out_path).exists() or not holds_text(out_path):
        return
    if _translations_taken_over(out_path, spec, in_path):
        return
    raise ExistingOutputError(
        f"{out_path} exists and may hold reviewed translations that this run would replace; "
        + _keep_them(out_path, spec, in_path),
        out_path,
    )


def _keep_them(out_path: Path, spec: FileFormat, in_path: Path | None = None) -> str:
    """What to do instead of replacing ``out_path``: a PO catalog is updated from its template
    and then filled in place, which keeps every translation in it; a CSV table's translations
    are imported first (read against ``in_path`` where its columns were translated in place:
    :mod:`~ltmt.formats.csv_in_place`), and a run reuses each whose source is unchanged as
    its memory's exact match (a new file of its own keeps none)."""
    if spec.name == "po" and (po4a := _po4a_update(out_path)):
        return po4a
    if spec.name == "po":
        return (
            "to keep them, update it from the template (pybabel update / msgmerge), then "
            f"translate the .po into itself: ltmt translate {out_path} -o {out_path}"
        )
    if spec.chooses_columns:
        source = (
            f", and --source-file {in_path} where it was translated in place" if in_path else ""
        )
        return (
            f"delete it or give another output; to keep them, import them first (ltmt memory "
            f"import {out_path} --user USER --columns as given here{source}): a run with --user "
            "USER reuses each whose source is unchanged"
        )
    return "delete it or give another output (to keep them, translate it into a new file)"


def _po4a_update(out_path: Path) -> str | None:
    """How to update ``out_path`` where po4a made it (its entries' ``#. type:`` notes): from
    its page with po4a-updatepo, which pybabel and msgmerge know nothing of; else None."""
    from ltmt.formats.po4a_recipe import ASCIIDOC, is_po4a_catalog, referenced_page
    from ltmt.formats.registry import PO4A_KINDS

    with open(out_path, "rb") as handle:
        head = handle.read(_BLANK_CHECKED)
    if not is_po4a_catalog(head):
        return None
    page = referenced_page(head)
    kind = PO4A_KINDS.get(Path(page).suffix.lower(), ASCIIDOC) if page else ASCIIDOC
    return kind.update_recipe(str(out_path), page)


def _translations_taken_over(out_path: Path, spec: FileFormat, in_path: Path | None) -> bool:
    """Whether a run keeps the translations of the existing ``out_path``: the input (where
    known) and the output both hold one language, the output being the translation so far."""
    files = [out_path] if in_path is None else [Path(in_path), out_path]
    return all(spec.one_language_file(path) for path in files)


def adopt(
    document: TranslatedApart, out_path: Path, record: Record | None, overwrite: bool = False
) -> None:
    """Take over the translations ``out_path`` holds; a document that lines them up by the
    ``record`` of what ltmt wrote there (:class:`~ltmt.formats.output_sources.LinedUpByRecord`:
    re-timed subtitles) is given that record, and a keyed catalog whether the run translates
    afresh (``overwrite``: the source's copied values written, :mod:`~ltmt.formats.
    copied_values`)."""
    if isinstance(document, KeyedCatalog):
        document.adopt_recorded(out_path, record, overwrite)
    elif isinstance(document, LinedUpByRecord):
        document.adopt_recorded(out_path, record)
    else:
        document.adopt(out_path)


def drop_outdated(
    document: Document, out_path: Path, record: Record | None
) -> tuple[int, list[str]]:
    """Drop the translations ``document`` took over from ``out_path`` (or holds, where it is
    its own output: :class:`~ltmt.formats.output_sources.FilledInPlace`) that ltmt wrote there
    for another source than their unit's now (as its ``record`` says:
    :mod:`ltmt.formats.output_sources`), so that they are translated again; name those edited
    since whose source changed too, which are kept. Returns how many were dropped, and the
    keys of those named (:func:`warn_of_changed_sources` names them no more)."""
    held = _held(document)
    if record is None or held is None:
        return 0, []
    kept = [(u, held[u.key]) for u in document.units() if u.key in held]
    places = _record_places(document)
    found = outdated(record, kept, places, by_name=_kept_by_name(document))
    again = _unreviewed(document, record, held, found.again)
    edited = list(found.edited)
    own: list[str] = []  # ltmt's own unmarked text of an older source, kept as confirmed
    if not _marks_changed_sources(document):  # a reviewer's approved: as edited since
        kept_again = [key for key in found.again if key not in again]
        if _status_tells_review(document):
            own = [
                key
                for key in kept_again
                if record.wrote_unmarked_at((places or {}).get(key, key), held[key])
            ]
        edited += [key for key in kept_again if key not in own]
    if isinstance(document, FilledInPlace):
        document.translate_again(again)
    else:
        for key in again:
            del held[key]
    flags = _flags_changed_sources(document)
    if flags:  # marked before and unmarked since: a reviewer approved it for the new source
        marked = _marked(document) or set()
        edited = [k for k in edited if k in marked or not record.still_unchecked(k, held[k])]
    if flags and edited:  # Xcode's needs_review, as Xcode marks a source edited in it
        document.fill({key: held[key] for key in edited}, mark_fuzzy=True)
    unit_ids = getattr(document, "unit_ids", None)  # an XLIFF unit's id, not its index
    if own:
        logger.warning(
            "%s: %s that ltmt wrote not marked for review (--no-fuzzy), whose source changed "
            "since, %s (%s), as the file says %s confirmed; check %s (--overwrite translates "
            "every one again)",
            out_path,
            counted(len(own), "translation"),
            kept_as_is(len(own)),
            first_few(own if unit_ids is None else unit_ids(own)),
            "it is" if len(own) == 1 else "they are",
            them(len(own)),
        )
    if edited and not _marks_changed_sources(document):
        logger.warning(
            "%s: %s that ltmt did not write (a translator's, or edited since), whose source "
            "changed since, %s (%s)%s; check %s%s",
            out_path,
            counted(len(edited), "translation"),
            kept_as_is(len(edited)),
            first_few(edited if unit_ids is None else unit_ids(edited)),
            ", marked for review" if flags else "",
            them(len(edited)),
            _translated_again_by(document, len(edited)),
        )
    return len(again), edited + own


def _translated_again_by(document: Document, count: int) -> str:
    """How the warning of ``count`` kept translations of a changed source says to have them
    translated again: emptying their cells, in a table filled in place (``cell_emptied``:
    a CSV table's; --overwrite would translate every reviewed row again, trial s73), else
    --overwrite."""
    if getattr(document, "cell_emptied", False):
        return f", or {emptied_again(count)}"
    return " (--overwrite translates every one again)"


def _record_places(document: Document) -> dict[str, str] | None:
    """By unit key, the key under which the record of ``document``'s output keeps the unit,
    where it is not the unit's own: a block taken from another place of the output
    (:class:`~ltmt.formats.output_sources.Moved`), or a unit recorded by its id
    (:class:`~ltmt.formats.output_sources.RecordKeys`: an XLIFF file's); else None."""
    if isinstance(document, Moved):
        return document.output_keys
    if isinstance(document, RecordKeys):
        return document.record_keys()
    return None


def _moved_from(document: Document) -> dict[str, str] | None:
    """By unit key, the key of the output's block ``document`` took the unit's translation from
    where it is a document of blocks that move (:class:`~ltmt.formats.output_sources.Moved`);
    else None."""
    return document.output_keys if isinstance(document, Moved) else None


def _kept_by_name(document: Document) -> bool:
    """Whether ``document``'s unit keys are their own places in its output, whatever moved: a
    catalog's names (:attr:`~ltmt.formats.documents.TranslationsHeld.keeps_changed_sources`),
    or the entries of a file that holds each source beside its translation
    (:class:`~ltmt.formats.output_sources.FilledInPlace`); not a page's blocks, kept by their
    place, which an edit or an insertion before them moves."""
    return isinstance(document, FilledInPlace) or bool(
        getattr(document, "keeps_changed_sources", False)
    )


def tell_own_translations(document: Document, record: Record | None) -> None:
    """Tell ``document``, its own output that ``--overwrite`` fills again (:class:`~ltmt.formats.
    output_sources.KeepsReviewed`), which of the translations it holds the ``record`` of what
    ltmt wrote there says ltmt wrote for their unit's source, unchanged and as marked as they
    are now: written back as they were, they are ltmt's text, not a reviewer's kept (session
    70: ltmt's own --no-fuzzy output was imported by --reviewed-only as reviewed)."""
    held = _held(document)
    if record is None or held is None or not isinstance(document, KeepsReviewed):
        return
    marked = _marked(document)
    document.written_by_ltmt(
        unit.key
        for unit in document.units()
        if unit.key in held and _by_ltmt(unit, held[unit.key], (), record, marked)
    )


def warn_of_no_record(
    document: Document, out_path: Path, output_sources: OutputSources | None = None
) -> bool:
    """Say that ``out_path``, whose translations ``document`` took over, has no record of what
    ltmt wrote there (:mod:`ltmt.formats.output_sources`: a copy of an output ltmt wrote at
    another path and edited since, or one it never wrote), so a kept translation whose source
    changed since cannot be told from an up-to-date one. Where ``output_sources`` (this run's
    user's) find the file's record of another user by its path or bytes, that is said instead
    (a typo in --user), or where the run's memory store does not exist, that store's path (a
    mistyped LTMT_HOME: trial s73). --overwrite is not advised: a file ltmt never wrote, a
    team's own, holds reviewed strings it would replace. The warning names the records' folder: a CI
    runner starts with an empty cache, so a job that does not keep that folder between runs
    (a CI cache) never has a record (Android CI trial, session 70). Whether it warned (the
    output had translations to keep: the report's ``no_record``)."""
    held = _held(document)
    if not held:
        return False
    kept = counted(len(held), "translation")
    user = output_sources.user if output_sources is not None else None
    # another user's record, found by the file's path or bytes (no pairs: not a copy's)
    if user is not None and output_sources and output_sources.read_for_import(out_path):
        if output_sources.missing_store is not None:  # the store is wrong, not the user
            logger.warning(
                "%s: no record for user %s of what ltmt wrote into this file with the memory "
                "store at %s, which does not exist (check --memory-dir or LTMT_HOME), so "
                "strings whose source changed cannot be told: %s %s",
                out_path,
                user,
                output_sources.missing_store,
                kept,
                kept_as_is(len(held)),
            )
            return True
        logger.warning(
            "%s: no record for user %s of what ltmt wrote into this file (ltmt wrote it for "
            "another user: check --user), so strings whose source changed cannot be told: %s "
            "%s",
            out_path,
            user,
            kept,
            kept_as_is(len(held)),
        )
        return True
    logger.warning(
        "%s: no record of what ltmt wrote into this file (a copy of an output it wrote "
        "elsewhere, edited since, or one it never wrote), so strings whose source changed "
        "cannot be told: %s %s; translate into the output where ltmt wrote it, or check "
        "%s by hand%s",
        out_path,
        kept,
        kept_as_is(len(held)),
        them(len(held)),
        ""
        if output_sources is None
        else f" (ltmt keeps these records in {output_sources.folder}: on CI, keep that "
        "folder between runs, e.g. in a cache)",
    )
    return True


def _held(document: Document) -> dict[str, str] | None:
    """The translations by unit key that ``document`` took over from its output or holds as
    its own output, whose sources the record of the output tells (a text file's by line, so
    that an update keeps the lines edited since: :mod:`ltmt.formats.edited_lines`); None for
    another document."""
    if isinstance(document, TranslatedApart):
        return document.translations
    if isinstance(document, FilledInPlace):
        return document.held_translations()
    if isinstance(document, TextDocument):
        return {str(index): text for index, text in document.translations.items()}
    return None


def save_output(
    document: Document,
    out_path: Path,
    output_sources: OutputSources | None,
    *,
    written: Collection[str] = frozenset(),
    before: Record | None = None,
    copied: Collection[str] = frozenset(),
) -> None:
    """Write ``document`` to ``out_path``, and record what sources its translations are for
    where it is a file of its own (:mod:`ltmt.formats.output_sources`; not a pipe's, which
    holds nothing to update). Recorded as ltmt's: the translations of the units ``written``
    by this run, and those the record of the output ``before`` the run says ltmt wrote for
    their source; the others (a translator's, there before ltmt's first run or edited since)
    are recorded as someone else's text for their source, so that a later change of the
    source names them in a warning and keeps them, instead of translating them again; those
    kept without a record ``before`` (or that it holds so, unedited since) as of unknown
    origin (:data:`~ltmt.formats.output_sources.UNKNOWN`), which nobody can vouch for. Those
    ``copied`` (keys: this run's 100 % memory matches) and those ``before`` says were are
    recorded as the memory's approved translations (:data:`~ltmt.formats.output_sources.
    COPIED`), not ltmt's machine translation."""
    document.save(out_path)
    held = _held(document)
    if output_sources is not None and held is not None and out_path.is_file():
        units = [unit for unit in document.units() if unit.key in held]
        marked = _marked(document)
        approved = _approved_marks(document, marked)
        if isinstance(document, RecordKeys):  # recorded by the units' ids, not their places
            keys = document.record_keys()
            units = [replace(unit, key=keys[unit.key]) for unit in units]
            held = {keys[key]: text for key, text in held.items() if key in keys}
            written, copied = _keyed(written, keys), _keyed(copied, keys)
            marked = None if marked is None else _keyed(marked, keys)
            approved = None if approved is None else _keyed(approved, keys)
        ours = {u.key for u in units if _by_ltmt(u, held[u.key], written, before, marked)}
        # ltmt's own text of an older source that the file says is confirmed (--no-fuzzy),
        # kept: recorded as it was, ltmt's for that source (an import skips it, the next run
        # names it as ltmt's again)
        earlier = (
            {
                unit.key: before.units[unit.key]
                for unit in units
                if unit.key not in ours
                and not before.written_for(unit)
                and before.wrote_unmarked_at(unit.key, held[unit.key])
            }
            if before is not None and _status_tells_review(document)
            else {}
        )
        # kept without a record (or so recorded, unedited since): nobody can say whose
        unknown = {
            unit.key
            for unit in units
            if unit.key not in ours
            and (
                before is None
                or before.at(unit.key, unit.source).unknown(unit.source, held[unit.key])
            )
        }
        output_sources.write(
            out_path,
            [
                (unit, held[unit.key] if unit.key in ours or unit.key in unknown else None)
                for unit in units
            ],
            {}
            if _marks_changed_sources(document)
            else _unchecked(units, held, written, before, approved, _moved_from(document)),
            marked or (),
            _revision(document),
            _front(document),
            [
                unit.key
                for unit in units
                if unit.key in copied
                or (
                    unit.key not in written
                    and before is not None
                    and before.copied(unit.source, held[unit.key])
                )
            ],
            unknown,
            _values(document),
            earlier,
            before,
        )


def _keyed(keys: Collection[str], record_keys: Mapping[str, str]) -> set[str]:
    """``keys`` (units') as the keys the record keeps those units under (``record_keys``)."""
    return {record_keys[key] for key in keys if key in record_keys}


def _marked(document: Document) -> set[str] | None:
    """The keys of the units ``document`` marks for review (a PO catalog's fuzzy entries);
    None for a document that marks none."""
    marked_for_review = getattr(document, "marked_for_review", None)
    return None if marked_for_review is None else set(marked_for_review())


def _revision(document: Document) -> str | None:
    """The header that says who saved ``document`` last and when (a PO catalog's), if any."""
    revision = getattr(document, "revision", None)
    return None if revision is None else revision()


def _front(document: Document) -> dict[str, str] | None:
    """The lines of each top-level front matter key ``document`` writes (a Markdown page's)."""
    front_matter_written = getattr(document, "front_matter_written", None)
    return None if front_matter_written is None else front_matter_written()


def _values(document: Document) -> dict[str, str] | None:
    """The source's values, no text, where ``document``'s output holds them, by name (a YAML
    catalog's: :mod:`ltmt.formats.copied_values`)."""
    source_values = getattr(document, "source_values_written", None)
    return None if source_values is None else source_values()


def _unreviewed(
    document: Document, record: Record, held: Mapping[str, str], keys: list[str]
) -> list[str]:
    """Those of ``keys`` (translations ltmt wrote for another source) that nobody can have
    reviewed (session 67: reviewed PO entries were translated again). In a document whose
    tools mark a changed source (a PO catalog, which msgmerge marks fuzzy again after a
    reviewer removed the flag): one ltmt wrote marked for review that the document says was
    still marked when its source changed (:meth:`~ltmt.formats.po_document.PoDocument.
    reviewed_before_update` False: gettext's ``#|`` lines absent); where it cannot say (Babel
    writes them always) or ltmt wrote it unmarked, only in a file nobody saved since (its
    header as ltmt wrote it). The others are kept, as a translator's suggestion. In a document
    whose review mark ltmt sets itself (:func:`_flags_changed_sources`: an Xcode string
    catalog), one ltmt wrote marked and unmarked since was approved by a reviewer: kept. In
    a document whose status says which translations await review whoever wrote them
    (:func:`_status_tells_review`: an XLIFF file's), or whose update marks every changed
    source for review and keeps no sign of an earlier review (:func:`_review_lost_on_update`:
    a Qt file's), only those it says await review."""
    if _status_tells_review(document) or _review_lost_on_update(document):
        marked = _marked(document) or set()
        return [key for key in keys if key in marked]
    if not _marks_changed_sources(document):
        if not _flags_changed_sources(document):
            return keys
        # ltmt's text marked for review, unmarked since: a reviewer approved it
        marked = _marked(document) or set()
        return [key for key in keys if key in marked or not record.wrote_marked(held[key])]
    unsaved = record.same_revision(_revision(document))
    reviewed = getattr(document, "reviewed_before_update", lambda key: None)
    again = []
    for key in keys:
        # the document's word where ltmt wrote the entry marked (was it reviewed before the
        # update?), else whether anybody saved the file since ltmt wrote it
        reviewed_before = reviewed(key) if record.wrote_marked(held[key]) else None
        nobody_reviewed = unsaved if reviewed_before is None else not reviewed_before
        if nobody_reviewed:
            again.append(key)
    return again


def _marks_changed_sources(document: Document) -> bool:
    """Whether ``document``'s own tools mark a translation whose source changed (msgmerge's
    fuzzy PO entries), its units keyed by a place that an update moves: the record of what ltmt
    wrote there tells which texts ltmt wrote for which source, not what was at each place."""
    return bool(getattr(document, "marks_changed_sources", False))


def _status_tells_review(document: Document) -> bool:
    """Whether ``document``'s own status says which of its translations await review, whoever
    wrote them (an XLIFF file's: a CAT tool's confirmed segment is a translator's word, even
    ltmt's ``--no-fuzzy`` text), and ltmt marks none whose source changed: marking one would
    write ltmt's status (Trados ``origin-system="ltmt"``) over a translator's text."""
    return bool(getattr(document, "status_tells_review", False))


def _review_lost_on_update(document: Document) -> bool:
    """Whether ``document``'s update marks a translation whose source changed for review and
    keeps no sign that a reviewer approved it before (``lupdate`` marks a Qt message
    ``unfinished``, ``<oldsource>`` beside it, whatever it was): one ltmt wrote for the older
    source, unchanged since (its record says so), is its machine translation of another
    English wherever it is still so marked, and is translated again (Qt trial s76: kept, the
    meaning reversed, as "translated already")."""
    return bool(getattr(document, "review_lost_on_update", False))


def _flags_changed_sources(document: Document) -> bool:
    """Whether ltmt marks for review a kept translation whose source changed, as no tool of
    ``document``'s does (an Xcode string catalog edited outside Xcode: ``needs_review``): a
    document filled in place with review marks (``marked_for_review``) that its tools do not
    set on a change of source (a PO catalog's msgmerge does)."""
    return (
        isinstance(document, FilledInPlace)
        and _marked(document) is not None
        and not _marks_changed_sources(document)
        and not _status_tells_review(document)
    )


def _approved_marks(document: Document, marked: set[str] | None) -> set[str] | None:
    """The keys of ``document``'s units that bear no review mark, where ltmt marks those whose
    source changed itself (:func:`_flags_changed_sources`: an Xcode string catalog), so that a
    reviewer who removes the mark approves the translation for the new source; else None."""
    if marked is None or not _flags_changed_sources(document):
        return None
    return {unit.key for unit in document.units()} - marked


def _unchecked(
    units: list[Unit],
    held: Mapping[str, str],
    written: Collection[str],
    before: Record | None,
    approved: Collection[str] | None = None,
    moved_from: Mapping[str, str] | None = None,
) -> dict[str, tuple[str, str]]:
    """By unit key, the older source that someone else's translation kept for one of
    ``units`` was written for, as the record ``before`` the run says, and that translation:
    recorded so until it is edited, the change of its source is still known after the run
    that warned of it, to the next update (which names it again), to a memory import (which
    leaves such a pair out) and to ``ltmt qa``. Those at the keys ``approved`` (a review mark
    ltmt set, removed since) were checked by a reviewer: none. ``moved_from``: by unit key,
    the key of the output's block a translation was taken from, where it is not the unit's
    own (:class:`~ltmt.formats.output_sources.Moved`): the place ``before`` says it was written
    at (one lined up by its text, not a place of the record, none)."""
    if before is None:
        return {}
    found = {}
    for unit in units:
        text = held[unit.key]
        if _by_ltmt(unit, text, written, before) or unit.key in (approved or ()):
            continue
        older = before.unchecked_for(unit, text, (moved_from or {}).get(unit.key))
        if older is not None:
            found[unit.key] = (older, text)
    return found


def _by_ltmt(
    unit: Unit,
    text: str,
    written: Collection[str],
    before: Record | None,
    marked: Collection[str] | None = None,
) -> bool:
    """Whether ltmt wrote ``text``, ``unit``'s translation: this run (``written``), or before
    it for the unit's source, as the output's record ``before`` the run says; in a document
    that marks units for review (``marked``: their keys), as marked as it is now (one ltmt
    wrote marked and unmarked since is the reviewer's, who approved it)."""
    if unit.key in written:
        return True
    is_marked = None if marked is None else unit.key in marked
    if before is None:
        return False
    before = before.at(unit.key, unit.source)  # a key's own place: not another key's pair
    return before.wrote(unit.source, text, is_marked) or (
        is_marked is False and before.copied(unit.source, text)
    )


def warn_of_changed_sources(
    document: Document,
    in_path: Path,
    out_path: Path,
    changed_sources: ChangedSources,
    named: Collection[str] = (),
    record: Record | None = None,
) -> tuple[int, list[str]]:
    """Name the strings kept from ``out_path`` whose translation the memory holds for another
    source than ``in_path``'s (:mod:`ltmt.formats.changed_sources`): weak evidence, as keys
    such as ``title`` or ``button.ok`` name strings of every project in one user's memory, and
    a translator may keep a German on purpose, so they are kept (the record of what ltmt wrote
    there is the strong evidence: :func:`drop_outdated`). A document that does not keep them
    (:attr:`~ltmt.formats.documents.TranslationsHeld.keeps_changed_sources`: a block of a page,
    a book, subtitles or Markdown, kept by its place, which an edit or an insertion before it
    moves) has them translated again instead. Returns how many were dropped, and the keys of
    those kept and named (no string of the file takes their translation:
    :mod:`ltmt.formats.same_sources`). ``named``: the
    keys :func:`drop_outdated` named already (the record said their source changed): one
    warning each string. ``record``: what ltmt last wrote there; a translation it says ltmt
    wrote for the unit's own source is no evidence (the model wrote the memory's German of an
    older English for the new one: each rerun of an unchanged page translated it again)."""
    if not isinstance(document, TranslatedApart):
        return 0, []
    held = document.translations
    kept = [
        (unit, held[unit.key])
        for unit in document.units()
        if unit.key in held
        and unit.key not in named
        and not (record is not None and record.wrote(unit.source, held[unit.key]))
    ]
    changed = changed_sources(kept)
    if changed and not getattr(document, "keeps_changed_sources", True):
        for key in changed:
            del held[key]
        logger.info(
            "%s: %s of %s translated again: the memory holds them for another source (%s)",
            in_path,
            counted(len(changed), "translation"),
            out_path,
            first_few(changed),
        )
        return len(changed), []
    if changed:
        name_of = getattr(document, "name_of", None)  # a plural's forms are one string
        names = list(dict.fromkeys(map(name_of, changed))) if name_of else changed
        logger.warning(
            "%s: %s kept from %s (%s) had another source when translated, as the memory holds "
            "them: check them (--overwrite translates every string again)",
            in_path,
            counted(len(names), "string"),
            out_path,
            first_few(names),
        )
    return 0, list(changed)
