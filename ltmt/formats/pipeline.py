"""Translate a whole document with any translate function: placeholders, format strings,
plural forms, checkpoints, resume.

    from ltmt import Translator
    from ltmt.formats.unit_translation import for_translator
    translator = Translator(model=path, memory=memory, fusion="knn")
    result = translate_file(Path("de.po"), Path("de.mt.po"), for_translator(translator, "u1"))
    print(result.report.summary())

Its units are translated by :mod:`ltmt.formats.unit_translation` (``translate(texts,
prefer)``, placeholders and format strings repaired, paired inline codes and plural forms); a
unit whose translation is still not valid is left untranslated in PO and XLIFF.

While it runs, the output is saved (atomically) at most every ``checkpoint_seconds``, and when
it is interrupted (Ctrl-C), together with a progress file ``OUTPUT.ltmt-progress`` listing the
units done: those of the chunks finished (32 units at first, growing to 256: :func:`_chunks`).
Running the same command again after an interruption continues where it stopped; the progress
file is removed at the end. An output without a progress file is a finished run
(or someone else's file). Where it is the target-language file of a one-language format
(Android, Java properties, JSON: :mod:`ltmt.formats.keyed_catalog`), it is the translation so
far: its strings are kept and only those it lacks translated, but for those ltmt wrote there
for a source changed since (:mod:`ltmt.formats.output_sources`); those the user's memory
holds for another source are kept and named (:mod:`ltmt.formats.changed_sources`). A catalog
that holds both languages (PO, XLIFF, Qt, an Xcode string catalog, JSONL, a CSV table) takes
its translations from the input, so such an output is not replaced
(:func:`check_output_replaceable`): a reviewer's edits in it would be lost. A file that holds
every language (an Xcode string catalog, a CSV table:
:attr:`~ltmt.formats.registry.FileFormat.every_language`), or a PO, XLIFF or Qt ``.ts`` file as
their tools fill it (:attr:`~ltmt.formats.registry.FileFormat.in_place`; not a ``.pot``
template), may be its own output: it is filled in place (written by a temporary file and a
rename), what it holds kept. A text file's output is translated anew but for the lines a person
edited since ltmt wrote it, which are kept or make the run refuse
(:mod:`ltmt.formats.edited_lines`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, UnalignedTranslationError
from ltmt.formats.attribute_messages import attribute_page
from ltmt.formats.block_messages import message_blocks, translate_messages
from ltmt.formats.changed_sources import mark_for_review
from ltmt.formats.documents import (
    CodeKept,
    CodesPutBack,
    Document,
    Drafts,
    LengthLimited,
    MarkedKept,
    NamesUnits,
    Reviewed,
    SourceCopies,
    TextDocument,
    ToolStatuses,
    TrackedChanges,
    TranslatedApart,
    Unit,
    WholeMessages,
    WithoutSource,
    open_document,
    source_changes_unmarked,
)
from ltmt.formats.edited_lines import keep_edited_lines
from ltmt.formats.entry_forms import FORM
from ltmt.formats.existing_output import (
    adopt,
    check_output_replaceable,
    drop_outdated,
    holds_text,
    save_output,
    tell_own_translations,
    warn_of_changed_sources,
    warn_of_no_record,
)
from ltmt.formats.html_cells import translate_cells
from ltmt.formats.html_segments import Segments
from ltmt.formats.json_html import html_value
from ltmt.formats.kept_copies import copies_kept, warn_of_copies_kept
from ltmt.formats.kept_placeholders import warn_of_kept_placeholders
from ltmt.formats.kept_suggestions import placeholder_mismatches
from ltmt.formats.keyed_catalog import KeyedCatalog
from ltmt.formats.marked_for_review import MEMOQ, TRADOS, XLIFF_20, ReviewMarked
from ltmt.formats.memory_only import fill_from_memory
from ltmt.formats.output_sources import (
    FilledInPlace,
    FrontMatterOverwritten,
    KeepsReviewed,
    OutputSources,
    Record,
)
from ltmt.formats.own_suggestions import own_suggestions, write_unflagged
from ltmt.formats.parts_apart import warn_parted
from ltmt.formats.registry import find_format, output_name_problem
from ltmt.formats.rich_text import document_page, is_html_document
from ltmt.formats.run_progress import (
    changed_since,
    other_settings,
    progress_path,
    read_progress,
    save_progress,
)
from ltmt.formats.run_report import RunReport, entry_name, shown
from ltmt.formats.same_sources import KeptBySource, kept_by_source, reuse_kept
from ltmt.formats.stored_forms import FillsStoredForms
from ltmt.formats.unit_translation import (
    ExactFn,
    Outcome,
    TranslateFn,
    entry_place,
    exact_outcomes,
    line_place,
    reuse_exact,
    translate_units,
)
from ltmt.formats.unrecorded_copies import translate_own_again
from ltmt.paths import resolved
from ltmt.wording import counted, shortened

logger = logging.getLogger(__name__)

# the units kept from an existing output, with their translations -> the keys approved for
# another source (ltmt.formats.changed_sources)
ChangedSources = Callable[[Sequence[tuple[Unit, str]]], list[str]]
# the formats whose units are keyed by their line's index
LINE_KEYED = frozenset({"txt", "jsonl"})
# the tables whose cells may hold block HTML, translated block by block (ltmt.formats.html_cells)
TABLES = frozenset({"csv", "xlsx"})
# the most units translated in one call, and a run's first chunk (:func:`_chunks`)
CHUNK_SIZE = 256
FIRST_CHUNK_SIZE = 32


@dataclass
class RunResult:
    """What a document run did: units filled now, left empty by the model, done before, and
    the run's full report."""

    translated: int = 0
    empty: int = 0
    resumed: int = 0
    report: RunReport = field(default_factory=RunReport)
    # the keys of the units filled with a 100 % memory match (recorded as the memory's)
    from_memory: set[str] = field(default_factory=set)


def translate_file(
    in_path: Path,
    out_path: Path,
    translate: TranslateFn,
    *,
    fmt: str | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    overwrite: bool = False,
    mark_fuzzy: bool = True,
    exact_approved: bool = False,
    translate_suggestions: bool = False,
    translate_copies: bool = False,
    resume: bool = True,
    chunk_size: int = CHUNK_SIZE,
    first_chunk_size: int = FIRST_CHUNK_SIZE,
    checkpoint_seconds: float = 60.0,
    progress: Callable[[int], None] | None = None,
    progress_start: Callable[[int, int], None] | None = None,
    interrupted: Callable[[str], None] | None = None,
    report: RunReport | None = None,
    settings: Mapping[str, Any] | None = None,
    changed_sources: ChangedSources | None = None,
    skip_keys: frozenset[str] = frozenset(),
    columns: str | None = None,
    exact: ExactFn | None = None,
    output_sources: OutputSources | None = None,
    segments: Callable[[Outcome, bool, str], None] | None = None,
) -> RunResult:
    """Translate the document ``in_path`` into ``out_path`` (see the module docstring).

    ``overwrite``: translate units that already have a translation too. ``mark_fuzzy``: flag
    machine translations for review (PO ``fuzzy``, XLIFF review state); with ``exact_approved``
    a unit filled from a 100 % match of its own context is not flagged.
    ``translate_suggestions``: a translation that is only a suggestion (a PO entry marked
    ``fuzzy``, msgmerge's translation of an older ``msgid``) is translated again for the unit's
    source now, as an untranslated one is (else kept, unless a 100 % memory match of its own
    context replaces it: ``exact``). ``translate_copies``: a translation so far that is its
    source copied and that nothing tells from a translator's English (a catalog's string
    without ltmt's record, an XLIFF 1.2 target without a state) is translated (``--copies
    translate``: :mod:`ltmt.formats.kept_copies`; else kept, counted apart in the summary, and
    warned of where they are most of the file's translations). ``resume``: continue
    an interrupted run into the same ``out_path``. ``chunk_size``: the most units translated in
    one call; a run's chunks start at ``first_chunk_size`` and each is as large as all those
    before it, so that an interrupt keeps at least half of what was finished (all of it but the
    first chunk's before that), and a long run soon decodes ``chunk_size`` at a time (a small
    chunk sorts fewer lengths into its batches: more padding, slower).
    ``progress(n)`` is called after each chunk
    with the number of units it finished; ``progress_start(done, total)`` once before the
    first, with the units done before (by the interrupted run this one resumes) and all of
    them. ``interrupted(saved)``: told, when the run is interrupted, what of the output was
    saved (``nothing was saved: ...``; a folder's run says it for its file); without it, a
    warning says that and how to continue. ``report``: count into this one (else a new one).
    ``settings``: what decides the translations (the model, the user, the fusion, the beam:
    JSON values), kept with a checkpoint; a run resumed with other settings starts over, with
    a warning (it went on, the two halves translated two ways). ``changed_sources``: given the
    units whose translation the existing output holds, and those translations, the keys of those
    approved for another source (:mod:`ltmt.formats.changed_sources`), named in a warning (a
    Markdown block kept by its place translated again; in a catalog holding both languages, an
    Xcode string catalog's, marked for review).
    ``skip_keys``: names of keys whose strings are copied, not translated (JSON:
    :func:`ltmt.formats.documents.open_document`). ``columns``: a CSV table's columns to
    translate (:func:`ltmt.formats.csv_columns.chosen_columns`; else its header's languages').
    ``exact``: the 100 % memory matches (:func:`exact_for_translator`) that replace a
    translation that is only a suggestion (a PO entry marked ``fuzzy``); without it, or without
    a match, such a translation is kept as it is.
    ``output_sources``: where the sources of the outputs written are recorded, so that a
    translation the output holds for a source changed since is translated again
    (:mod:`ltmt.formats.output_sources`); without it, it is kept.
    ``segments(outcome, written, location)``: told of each unit translated, whether the output
    keeps its translation, and where it is (:func:`unit_location`;
    :mod:`ltmt.formats.segments_report`).
    """
    if chunk_size < 1:
        raise InputError(f"chunk_size must be >= 1, got {chunk_size}")
    if first_chunk_size < 1:
        raise InputError(f"first_chunk_size must be >= 1, got {first_chunk_size}")
    spec = find_format(Path(in_path), fmt, role="document")
    in_place = resolved(in_path) == resolved(out_path)
    if in_place and not spec.fills_in_place:
        raise InputError(
            f"{out_path}: the output must not be the input file (only a file that holds every "
            "language, or a PO, XLIFF or Qt .ts file, is filled in place)"
        )
    problem = output_name_problem(Path(out_path), spec, Path(in_path))
    if problem is not None:
        raise InputError(f"{out_path}: {problem}")
    if not in_place:  # the input filled in place keeps its own entries
        check_output_replaceable(Path(out_path), spec, Path(in_path))
    marker = progress_path(out_path)
    done: set[str] = set()
    source_changed = 0  # translations kept from the output, of a source changed since
    copies_of_source = 0  # the output's strings that copied their source, translated now
    kept_copies: dict[str, str] | None = None  # the copies of the source kept, by key (names)
    record = None  # what ltmt wrote into the output before, where it tells (output_sources)
    no_record = False  # an output whose translations were kept without a record of it
    outdated_kept: list[str] = []  # keys of translations kept for a source changed since
    resumed = None
    if resume and marker.exists() and Path(out_path).exists():
        before, settings_before = read_progress(marker)
        resumed = open_document(
            in_path,
            fmt,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            resume_from=Path(out_path),
            skip_keys=skip_keys,
            columns=columns,
        )
        changed = changed_since(resumed, before)
        other = other_settings(settings_before, settings)
        if other:
            logger.warning(
                "%s was begun with other settings (%s): translating it from the start",
                out_path,
                other,
            )
            resumed = None
        elif changed:
            logger.warning(
                "%s changed since the interrupted run (%s of the %s done then differ now): "
                "translating it from the start",
                in_path,
                counted(changed, "segment"),
                len(before),
            )
            resumed = None
        else:
            done = set(before)
            if output_sources is not None and not overwrite:
                record = output_sources.read(Path(out_path))
    if resumed is not None:
        document = resumed
        # a plural or an array is written only whole: forms done before the stop whose
        # entry was not finished are not in the output, and are translated again (what the
        # output holds marked fuzzy, a suggestion again, was done)
        done -= {u.key for u in document.pending(False) if not u.suggestion}
        kept_copies = copies_kept(document, translate_copies, overwrite)
        if translate_suggestions:
            _suggestions_translated(document)
        units = [u for u in document.pending(overwrite) if u.key not in done]
    else:
        document = open_document(
            in_path, fmt, src_lang=src_lang, tgt_lang=tgt_lang, skip_keys=skip_keys, columns=columns
        )
        if isinstance(document, TranslatedApart) and holds_text(Path(out_path)):
            # the translation so far: only what it lacks is done; the record of what ltmt
            # wrote there read once (it reads and digests the whole output)
            if output_sources is not None and not overwrite:
                record = output_sources.read(Path(out_path))
            if overwrite and isinstance(document, FrontMatterOverwritten):
                # its front matter's keys that ltmt wrote and the source dropped go
                document.overwrite_front_matter(
                    output_sources.read(Path(out_path)) if output_sources is not None else None
                )
            try:
                adopt(document, Path(out_path), record, overwrite)
            except UnalignedTranslationError:
                if not overwrite:  # replacing it is what --overwrite asks for
                    raise
            # (before the warning of no record, which counts the translations kept)
            kept_copies = copies_kept(document, translate_copies, overwrite)
            copies_of_source = document.copies_of_source
            if output_sources is not None and not overwrite and record is None:
                no_record = warn_of_no_record(document, Path(out_path), output_sources)
            source_changed, named = drop_outdated(document, Path(out_path), record)
            outdated_kept += named
            if changed_sources is not None and not overwrite:
                dropped, warned = warn_of_changed_sources(
                    document, in_path, out_path, changed_sources, named, record
                )
                source_changed += dropped
                outdated_kept += warned
        elif (
            isinstance(document, TextDocument)
            and output_sources is not None
            and not overwrite
            and holds_text(Path(out_path))
        ):
            # a line out per line in, all translated again: the lines edited since are kept,
            # or the run refuses (no record, a source changed since)
            record = output_sources.read(Path(out_path))
            keep_edited_lines(document, Path(out_path), record, output_sources.user)
        elif in_place and isinstance(document, FilledInPlace) and output_sources and not overwrite:
            # the file is its own output: what ltmt wrote there for a source changed since
            record = output_sources.read(Path(out_path))
            source_changed, named = drop_outdated(document, Path(out_path), record)
            outdated_kept += named
            if record is None:  # moved or copied since: ltmt's marked targets, by its records
                source_changed += translate_own_again(document, Path(out_path), output_sources)
        if kept_copies is None:
            kept_copies = copies_kept(document, translate_copies, overwrite)
        if translate_suggestions:
            _suggestions_translated(document)
        units = document.pending(overwrite)
        if source_changes_unmarked(document) and changed_sources and not overwrite:
            mark_for_review(document, in_path, changed_sources, outdated_kept)
    if overwrite and in_place and isinstance(document, KeepsReviewed) and output_sources:
        # what ltmt wrote there: its own text written back as it was is no reviewer's
        record = output_sources.read(Path(out_path))
        tell_own_translations(document, record)
    # ltmt's own fuzzy entries of their msgid now: --no-fuzzy writes them unflagged
    own = (
        own_suggestions(units, document.held_translations(), record)
        if record is not None
        and isinstance(document, FilledInPlace)
        and any(u.suggestion for u in units)
        else set()
    )
    if exact is None:  # nothing can replace a suggestion: kept, as translated already
        units = [u for u in units if not u.suggestion or (u.key in own and not mark_fuzzy)]
    # the file's own translations of a source, for its new strings of that source
    same = kept_by_source(document, {u.key for u in units} | done, record, outdated_kept)
    result = RunResult(resumed=len(done), report=report or RunReport())
    result.report.resumed = len(done)
    # messages the model never gets (an ICU plural in YAML): a 100 % memory match alone
    result.translated += fill_from_memory(document, exact, result.report)
    result.report.source_changed += source_changed
    if no_record:
        result.report.no_record.append(str(out_path))
    if isinstance(document, SourceCopies):  # a CAT tool's unconfirmed copy of the source
        copies_of_source += document.source_copies()
    result.report.copies_of_source += copies_of_source
    if isinstance(document, KeyedCatalog):  # ltmt's own strings whose source was removed
        result.report.own_extras_removed += document.own_extras_removed
    # translated in the input itself, not by an interrupted run: kept as they are (with
    # --overwrite, only what a reviewer signed off: an XLIFF unit final or approved)
    # (a message translated case by case is pending as its cases, of its group)
    untranslated = {u.key for u in units} | {u.group for u in units if u.group} | done
    # in a PO catalog counted by entry, a plural's forms together, as its suggestions kept are:
    # the two add up to its entries (10 + 13 for 22 entries, one of them a plural, before)
    kept_keys = {
        u.entry if document.format == "po" and u.entry else u.key
        for u in document.units()
        if u.key not in untranslated and u.source.strip()
    }
    kept = len(kept_keys)
    # the copies of the source kept are counted apart from the translations kept
    copies = {key: name for key, name in (kept_copies or {}).items() if key in kept_keys}
    if isinstance(document, KeyedCatalog):
        document.warn_of_untranslated()  # those a person's translation kept are not
        if not overwrite:
            result.report.placeholders_kept += warn_of_kept_placeholders(document)
    if overwrite:
        result.report.signed_off = kept
    else:  # with a person's translation of a string the catalog cannot translate
        by_hand = document.kept_by_hand() if isinstance(document, KeyedCatalog) else []
        # a reviewer's sign-off is said apart: --overwrite leaves it too
        signed = document.signed_off() if isinstance(document, ToolStatuses) else 0
        result.report.signed_off = signed
        # a draft (an XLIFF 2.0 target in state initial) is said apart: not translated yet
        drafts = document.drafts() if isinstance(document, Drafts) else 0
        result.report.drafts_kept = drafts
        result.report.copies_kept = len(copies)
        result.report.translated_before = kept - signed - drafts + len(by_hand) - len(copies)
        held_in = out_path if isinstance(document, TranslatedApart) else in_path
        warn_of_copies_kept(Path(held_in), copies, kept)
    if isinstance(document, ToolStatuses):
        result.report.locked = document.locked()
    if isinstance(document, WithoutSource):
        result.report.no_source = document.without_source()
    if isinstance(document, MarkedKept):
        result.report.marked_kept = document.marked_kept()
    if isinstance(document, CodeKept):
        # a fuzzy one (msgmerge's of an older msgid) too where suggestions are replaced
        result.report.code_kept = document.copy_code(overwrite or translate_suggestions)
    if isinstance(document, TrackedChanges):
        insertions, deletions = document.tracked_changes()
        result.report.tracked_insertions, result.report.tracked_deletions = insertions, deletions
    last_save, saved = time.monotonic(), len(done)
    # the suggestions kept as they were (msgmerge's fuzzy entries): done, but not ltmt's text
    suggestions_kept: set[str] = set()

    def save_progress() -> None:  # the output and progress file as done so far
        _checkpoint(
            document, out_path, done, settings, (output_sources, record), result, suggestions_kept
        )

    if progress_start is not None:
        progress_start(len(done), len(done) + len(units))
    chunks = _chunks(units, chunk_size, first_chunk_size)
    try:
        for number, chunk in enumerate(chunks, 1):
            suggestions_kept |= _translate_chunk(
                document,
                chunk,
                (translate, exact),
                mark_fuzzy,
                exact_approved,
                result,
                segments,
                same,
                own,
            )
            done.update(u.key for u in chunk)
            if progress is not None:
                progress(len(chunk))
            if time.monotonic() - last_save >= checkpoint_seconds and number < len(chunks):
                save_progress()
                last_save, saved = time.monotonic(), len(done)
    except KeyboardInterrupt:  # keep the chunks finished since the last checkpoint
        if len(done) > saved:
            save_progress()
        saved_part = _saved_part(
            len(done),
            result.resumed + len(units),
            out_path,
            len(chunks[0]) if chunks else 0,
            (min(chunk_size, first_chunk_size), chunk_size),
        )
        if interrupted is not None:
            interrupted(saved_part)
        else:
            continuing = "; the same command again continues from there" if done else ""
            logger.warning("%s%s", saved_part, continuing)
        raise
    written = done - suggestions_kept
    save_output(
        document,
        Path(out_path),
        output_sources,
        written=written,
        before=record,
        copied=result.from_memory,
    )
    if isinstance(document, KeyedCatalog):
        _count_broken_messages(document, done, result.report)
    marker.unlink(missing_ok=True)
    if isinstance(document, Reviewed):
        for note in document.review_notes():
            logger.warning("%s: %s", out_path, note)
    return result


def _suggestions_translated(document: Document) -> None:
    """Make the units whose translation is only a suggestion (:attr:`Unit.suggestion`) pending
    for the model, as untranslated ones: ``--fuzzy-entries translate``."""
    if isinstance(document, FilledInPlace):
        document.translate_again([u.key for u in document.pending(False) if u.suggestion])


def _saved_part(done: int, total: int, out_path: Path, first: int, sizes: tuple[int, int]) -> str:
    """What an interrupted run saved of its ``total`` units: ``done`` of them into
    ``out_path``, or nothing, as the ``first`` ones (its first chunk) were not done yet;
    ``sizes``: its first chunk's size and the largest (:func:`_chunks`)."""
    if done:
        return f"{counted(done, 'segment')} of {total} done and saved in {out_path}"
    smallest, largest = sizes
    at_first = " at first" if smallest < largest else ""
    return (
        f"nothing was saved: the first {_first_not_done(first)} not done yet (segments are saved "
        f"{smallest} at a time{at_first})"
    )


def _first_not_done(count: int) -> str:
    """``the segment was`` or ``256 segments were``: what an interrupt found not done."""
    return "segment was" if count == 1 else f"{count} segments were"


def _checkpoint(
    document: Document,
    out_path: Path,
    done: set[str],
    settings: Mapping[str, Any] | None,
    recording: tuple[OutputSources | None, Record | None],
    result: RunResult,
    suggestions_kept: Collection[str] = frozenset(),
) -> None:
    """The output as filled so far, and its progress file (:mod:`ltmt.formats.run_progress`);
    ``recording``: where the output's sources are recorded, and what the record said before
    the run (:func:`~ltmt.formats.existing_output.save_output`); ``result``: the run's, whose
    memory matches copied are recorded as approved; ``suggestions_kept``: those
    done whose text is not ltmt's (a suggestion kept as it was)."""
    output_sources, before = recording
    written = done - set(suggestions_kept)
    save_output(
        document,
        Path(out_path),
        output_sources,
        written=written,
        before=before,
        copied=result.from_memory,
    )
    save_progress(document, Path(out_path), done, settings)


def _chunks(units: list[Unit], size: int, first: int) -> list[list[Unit]]:
    """``units`` in chunks of at most ``size``: the first of ``first``, each next one as large
    as all before it (32, 32, 64, 128, 256, 256, ...: an interrupt loses at most the chunk it
    stopped, so never more than half of what was finished), never splitting a plural entry's
    forms (their outputs are compared) or a group of units written only together
    (:attr:`Unit.group`)."""
    chunks: list[list[Unit]] = []
    before = 0  # the units of the chunks before the last
    for unit in units:
        last = chunks[-1] if chunks else None
        limit = min(size, max(first, before))
        if last is not None and (len(last) < limit or _together(last[-1], unit)):
            last.append(unit)
        else:
            before += len(last) if last is not None else 0
            chunks.append([unit])
    return chunks


def _together(first: Unit, second: Unit) -> bool:
    """Whether ``first`` and ``second`` are written only together (a plural's forms, a group)."""
    together = first.group or first.entry
    return bool(together) and together == (second.group or second.entry)


def unit_location(document: Document, unit: Unit) -> str:
    """Where ``unit`` is, as ``ltmt qa`` names it: ``cue 3 (00:00:04,200)`` (a subtitle's),
    ``line 1`` (a text file's, counted from 1 as translate's warnings count), else its key
    (``word/document.xml#p6``)."""
    if isinstance(document, NamesUnits):
        return document.unit_name(unit.key)
    return line_place(unit) if document.format in LINE_KEYED else unit.key


def _translated(
    fmt: str,
    units: list[Unit],
    translators: tuple[TranslateFn, ExactFn | None],
    report: RunReport,
    place: Callable[[Unit], str],
) -> list[Outcome]:
    """The outcomes of ``units``: a table's cells with block HTML, and a PO message of block
    elements (KUIT's ``<para>…</para><list>…</list>``), a JSON string of block HTML (an
    article's ``body``) or any catalog's message that is an HTML document (Qt's rich text:
    ``<html><head/><body><p>…</p></body></html>``) without a 100 % memory match of the whole
    message, translated block by block (:mod:`ltmt.formats.html_cells`,
    :mod:`ltmt.formats.block_messages`, :mod:`ltmt.formats.json_html`,
    :mod:`ltmt.formats.rich_text`), others whole."""
    translate, exact = translators
    if not units:
        return []
    if fmt in TABLES:
        return translate_cells(units, translate, report, place=place)
    if fmt == "po":
        return translate_messages(units, translate, exact, report, place=place, read=_po_page)
    if fmt == "json":
        return translate_messages(units, translate, exact, report, place=place, read=_json_page)
    if any(is_html_document(unit.source) for unit in units):
        return translate_messages(units, translate, exact, report, place=place, read=document_page)
    return translate_units(units, translate, report, place=place)


def _json_page(unit: Unit) -> Segments | None:
    """A JSON string read as a page: an HTML document (Qt's rich text, which a doctype opens:
    not read as elements alone), else block HTML (:func:`ltmt.formats.json_html.html_value`),
    else inline HTML with an attribute people read (``title="Open settings"``:
    :func:`ltmt.formats.attribute_messages.attribute_page`)."""
    page = document_page(unit)
    page = page if page is not None else html_value(unit)
    return page if page is not None else attribute_page(unit)


def _po_page(unit: Unit) -> Segments | None:
    """A PO message read as a page: one of block elements
    (:func:`ltmt.formats.block_messages.message_blocks`), else one whose inline HTML has an
    attribute people read (:func:`ltmt.formats.attribute_messages.attribute_page`)."""
    page = message_blocks(unit)
    return page if page is not None else attribute_page(unit)


def _translate_chunk(
    document: Document,
    chunk: list[Unit],
    translators: tuple[TranslateFn, ExactFn | None],
    mark_fuzzy: bool,
    exact_approved: bool,
    result: RunResult,
    segments: Callable[[Outcome, bool, str], None] | None = None,
    same: KeptBySource | None = None,
    own: Collection[str] = frozenset(),
) -> set[str]:
    """Translate ``chunk`` (its suggestions only from 100 % memory matches) into ``document``; each
    outcome told to ``segments`` (see :func:`translate_file`); ``same``: the translations the
    file keeps by source, which a new string of that source without a 100 % memory match takes
    (:mod:`ltmt.formats.same_sources`); ``own``: the keys of the suggestions that are ltmt's
    own (:mod:`ltmt.formats.own_suggestions`), which without ``mark_fuzzy`` and a 100 % memory
    match are written unflagged as they are, and else are counted apart. Returns the keys of the
    suggestions and reviewed entries kept as they were: not ltmt's text, so the record of the
    output must not say ltmt wrote them (a msgmerge fuzzy entry's ``Datei`` recorded as ltmt's
    made a reviewed ``Datei`` of another msgid look outdated on the next run)."""
    exact = translators[1]
    fresh = [u for u in chunk if not u.suggestion]
    whole = _reused_whole_messages(document, fresh, exact, result.report)
    reused = {o.unit.key for o in whole}
    fresh = [u for u in fresh if not u.group or u.group not in reused]
    same_source = reuse_kept(fresh, same or {}, exact)
    result.report.same_source_kept += [o.unit.context or o.unit.key for o in same_source]
    fresh = [u for u in fresh if u.key not in {o.unit.key for o in same_source}]
    place = line_place if document.format in LINE_KEYED else entry_place
    outcomes = _translated(document.format, fresh, translators, result.report, place)
    for outcome in outcomes:
        if outcome.parts_apart:
            warn_parted(outcome.unit, unit_location(document, outcome.unit))
    outcomes += whole + same_source
    suggestions = [u for u in chunk if u.suggestion]
    settled = frozenset(own) if not mark_fuzzy else frozenset()  # written unflagged below
    if suggestions and exact is not None:
        outcomes += reuse_exact(suggestions, exact, result.report, settled)
        _check_kept_suggestions(
            document, [u for u in suggestions if u.key not in settled], outcomes, result.report
        )
    replaced = {o.unit.key for o in outcomes}
    own_kept = [u for u in suggestions if u.key in own and u.key not in replaced]
    if settled:
        result.report.own_suggestions_unflagged += write_unflagged(document, own_kept)
    elif exact is not None:
        result.report.own_suggestions_kept += len({_entry_of(u) for u in own_kept})
    # An output that is empty or not valid leaves a PO/XLIFF unit untranslated; in txt/jsonl
    # every unit keeps its line.
    keep_all = document.format in {"txt", "jsonl"}
    filled = [o for o in outcomes if keep_all or (o.ok and o.text.strip())]
    if segments is not None:
        kept = {id(o) for o in filled}
        for outcome in outcomes:
            segments(outcome, id(outcome) in kept, unit_location(document, outcome.unit))
    approved = _approved(filled) if exact_approved and mark_fuzzy else set()
    result.empty += sum(not o.text.strip() for o in outcomes)
    result.translated += len(filled)
    from_memory = {o.unit.key for o in filled if o.method == "exact"}
    result.from_memory |= from_memory
    marked_before = document.review_marks.counts() if isinstance(document, ReviewMarked) else None
    document.fill(
        {o.unit.key: o.text for o in filled if o.unit.key not in approved},
        mark_fuzzy=mark_fuzzy,
        from_memory=from_memory,
    )
    if approved:
        texts = {o.unit.key: o.text for o in filled if o.unit.key in approved}
        document.fill(texts, False, from_memory=from_memory)
    if isinstance(document, FillsStoredForms):  # a Jed plural's forms the file has no source of
        document.fill_stored_forms({o.unit.key: o.matches for o in filled})
    # the units (PO: entries) a translator translated that --overwrite wrote as they were:
    # still the translator's, not marked, not ltmt's text
    reviewed: Collection[str] = getattr(document, "kept_reviewed", frozenset())
    if mark_fuzzy and document.format == "po":  # a plural entry's forms are one entry
        # an entry written again as it was (a rerun's 100 % match of a fuzzy one) is no change
        changed = getattr(document, "changed_entries", None)
        flagged = {_entry_of(o.unit) for o in filled if o.unit.key not in approved}
        if changed is not None:
            flagged &= changed
        result.report.entries_marked_fuzzy += len(flagged)
        matched = _approved(filled) - approved  # what --exact-approved leaves unflagged
        result.report.entries_fuzzy_exact += len(
            {_entry_of(o.unit) for o in filled if o.unit.key in matched} & flagged
        )
    if mark_fuzzy and isinstance(document, ReviewMarked) and marked_before is not None:
        _count_review_marks(document.review_marks.counts() - marked_before, result.report)
    if isinstance(document, CodesPutBack):
        _count_codes_put_back(document, filled, result.report)
    if isinstance(document, LengthLimited):
        result.report.over_limit += sum(o.unit.key in document.over_limit for o in filled)
    if isinstance(document, WholeMessages):
        _count_broken_units(document, chunk, result.report)
    kept_as_they_were = {o.unit.key for o in filled if _entry_of(o.unit) in reviewed}
    written = {o.unit.key for o in filled} | (settled & {u.key for u in own_kept})
    return {u.key for u in suggestions} - written | kept_as_they_were


def _count_review_marks(marked: Counter[str], report: RunReport) -> None:
    """Count in ``report`` the marks for review a fill wrote (by kind,
    :mod:`ltmt.formats.marked_for_review`): all of them, and apart those that tools show in
    their own terms (2.0 segments, which have no review state; Trados segments; memoQ rows)."""
    report.units_marked_for_review += marked.total()
    report.segments_20_marked += marked[XLIFF_20]
    report.trados_segments_marked += marked[TRADOS]
    report.memoq_segments_marked += marked[MEMOQ]


def _check_kept_suggestions(
    document: Document, suggestions: list[Unit], outcomes: list[Outcome], report: RunReport
) -> None:
    """Count in ``report`` those of ``suggestions`` no outcome replaces (kept as they are)
    whose translation does not have the placeholders of their source now
    (:mod:`ltmt.formats.kept_suggestions`)."""
    replaced = {o.unit.key for o in outcomes}
    kept = [u for u in suggestions if u.key not in replaced]
    if not kept or not isinstance(document, FilledInPlace):
        return
    for unit, problem in placeholder_mismatches(kept, document.held_translations()):
        report.suggestion_mismatched(unit.source, problem)


def _reused_whole_messages(
    document: Document, units: list[Unit], exact: ExactFn | None, report: RunReport
) -> list[Outcome]:
    """The 100 % memory matches of the whole messages that ``units`` translate case by case
    (:class:`~ltmt.formats.documents.WholeMessages`): a reviewed message is used as it is,
    where its cases alone would each find it only as a fuzzy match (one ICU rejects is not
    used)."""
    if exact is None or not isinstance(document, WholeMessages):
        return []
    return exact_outcomes(document.whole_units(units), exact, report, document.is_message)


def _count_broken_units(document: WholeMessages, chunk: list[Unit], report: RunReport) -> None:
    """Count as not repaired each message of ``chunk`` translated case by case whose assembled
    translation ICU rejects (left untranslated), so that ``--strict`` fails the run on it."""
    broken = document.broken_messages  # built anew on each read
    for key in document.branching.groups(chunk):
        if key in broken:
            report.not_repairable_in(shortened(broken[key], 40))
            report.example(broken[key])


def _count_codes_put_back(document: CodesPutBack, filled: list[Outcome], report: RunReport) -> None:
    """Count as not repaired the ``filled`` units whose inline codes the document's filler had
    to put back (:class:`~ltmt.formats.documents.CodesPutBack`): the placeholder repair let
    their translation through, yet its codes were not the source's."""
    for outcome in filled:
        if outcome.unit.key in document.codes_put_back and outcome.unit.source.strip():
            report.not_repairable_in(entry_name(outcome.unit.source, outcome.unit.context))
            report.example(
                f"{shown(outcome.unit.source)[:60]!r}: inline codes put back after the text"
            )


def _count_broken_messages(document: KeyedCatalog, done: set[str], report: RunReport) -> None:
    """Count as not repaired each message translated branch by branch (an ICU plural or
    select, keys ``done``) whose assembled translation is no valid ICU message: each branch
    passed the placeholder repair, yet one lost or added a brace, which ``ltmt qa``'s icu check
    rejects, so ``--strict`` fails the run on it too; and, apart, each source message left
    untranslated as ICU rejects it (:meth:`KeyedCatalog.invalid_sources`)."""
    names = {document.name_of(key) for key in done}
    for name, problem in document.broken_messages().items():
        if name in names:
            report.not_repairable_in(shortened(name, 40))
            report.example(f"{name}: no valid ICU message ({problem})")
    for name, problem in document.invalid_sources().items():
        report.invalid_source_in(shortened(name, 40))
        report.example(f"{name}: left untranslated, no valid ICU message in its source ({problem})")


def _entry_of(unit: Unit) -> str:
    """The key of ``unit``'s PO entry: a plural form's and an ICU case's are their entry's."""
    return (unit.entry or unit.key).partition(FORM)[0]


def _approved(outcomes: list[Outcome]) -> set[str]:
    """Keys of the units filled from a 100 % match of their own context (for a plural entry:
    only when every one of its forms was)."""
    approved = {o.unit.key for o in outcomes if o.exact_same_context}
    entries: dict[str, list[str]] = {}
    for o in outcomes:
        if o.unit.entry:
            entries.setdefault(o.unit.entry, []).append(o.unit.key)
    for keys in entries.values():
        if not approved.issuperset(keys):
            approved.difference_update(keys)
    return approved
