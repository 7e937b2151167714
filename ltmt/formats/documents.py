"""Documents to translate: open a file, list what needs translating, fill it in, save it.

    doc = open_document(Path("de.po"))
    units = doc.pending()                        # [Unit(key, source), ...]
    doc.fill({u.key: translate(u.source) for u in units})
    doc.save(Path("de.translated.po"))

Formats (by extension, or forced with ``fmt``): ``txt`` (one segment a line; empty lines stay
empty), ``jsonl`` (objects with ``source``; ``translation`` is added), ``po`` (gettext) and
``xliff`` (1.2 and 2.0). Everything a format holds besides the translations (comments,
contexts, plural forms, headers, notes, inline markup) is written back as it was.

A run that stops half-way is resumed with ``open_document(input, resume_from=output)``: the
partial output's translations are taken over and ``pending()`` lists only what is left.
``save`` writes atomically, so it can be called every N units as a checkpoint.
"""

from __future__ import annotations

import codecs
import functools
import json
import logging
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard, runtime_checkable

from ltmt.errors import InputError
from ltmt.formats.common import LineShape, atomic_write, decode, read_file, text_lines_of
from ltmt.formats.json_errors import json_problem
from ltmt.formats.registry import find_format
from ltmt.formats.roff import refuse_a_man_page
from ltmt.text import half_character

if TYPE_CHECKING:
    from ltmt.formats.xliff_icu import BranchingUnits

logger = logging.getLogger(__name__)

__all__ = [
    "Document",
    "JsonlDocument",
    "TextDocument",
    "Unit",
    "document_format",
    "open_document",
]


@dataclass(frozen=True)
class Unit:
    """One piece of a document to translate; ``key`` identifies it within the document.

    ``context``: the entry's context (PO ``msgctxt``), preferred in memory matches. ``flags``:
    the entry's format flags (``c-format`` ...), whose rules the translation must keep.
    ``entry`` and ``form``: for a plural form, the key of its entry and the form's number.
    ``group``: units written only together (an array's items, an Apple plural's format and
    forms; a plural's forms are by their ``entry``), which a run's chunks never split.
    ``suggestion``: the unit has a translation that is only a suggestion (a PO entry marked
    ``fuzzy``, msgmerge's translation of an older source): a 100 % memory match replaces it,
    the model does not.
    ``kept_apart``: the opening tags of the unit's paired codes that stand for a tracked
    insertion (a Word document's ``<w:ins>``): where the translation has no words for one, it
    is left out and its words stay untracked, not written in twice
    (:func:`ltmt.formats.paired_tags.place_pairs`).
    ``shown``: the source as its file writes it where ``source`` is the form the model gets
    (an ICU plural's case, ``# button``, as ``%d button``): how a run's summary names the unit;
    "" where that is ``source``.
    ``docbook``: the unit is an itstool catalog's entry (a DocBook or Mallard page's string),
    whose inline code (``<cmd>``, ``<file>`` ...) is kept whole
    (:data:`ltmt.formats.paired_tags.DOCBOOK_CODE_NAMES`); elsewhere such tags are an app's
    markup around words its user reads.
    ``kept``: the places (start, end) of the source's parts its file says to write as they are
    (a .resx comment's ``{Locked="Quick Entry"}``, .NET's escaped braces ``{{``/``}}`` around
    words), sorted: the model gets each as a field of its own (:mod:`ltmt.formats.kept_parts`).
    ``parts``: the source's pieces where its file lays the translation over them (a subtitle
    sentence's cues), which are translated apart where the translation is a memory match of
    other words (:mod:`ltmt.formats.parts_apart`); none where the unit is one piece.
    """

    key: str
    source: str
    context: str = ""
    flags: tuple[str, ...] = ()
    entry: str = ""
    form: int = 0
    group: str = ""
    suggestion: bool = False
    kept_apart: tuple[str, ...] = ()
    shown: str = ""
    docbook: bool = False
    kept: tuple[tuple[int, int], ...] = ()
    parts: tuple[str, ...] = ()


class Document(Protocol):
    """What every document format offers."""

    path: Path
    format: str

    def units(self) -> list[Unit]:
        """Every translatable unit, translated or not, in document order."""
        ...

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units still to translate (with ``overwrite``: every unit)."""
        ...

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        """Put translations in, by unit key; ``mark_fuzzy`` flags them for review where the
        format can say so; ``from_memory``: the keys whose text is a 100 % memory match, which
        a format that can say where a translation came from says (XLIFF 1.2's
        ``state-qualifier="exact-match"``). Returns how many units were filled."""
        ...

    def save(self, out_path: Path) -> None:
        """Write the document to ``out_path`` (atomically)."""
        ...


@runtime_checkable
class TranslatedApart(Protocol):
    """A document whose translation is a file of its own, in the target language (a keyed
    catalog, :mod:`ltmt.formats.keyed_catalog`): an existing output is the translation so far.
    ``translations``: the translations it holds by unit key, adopted or filled."""

    translations: dict[str, str]
    copies_of_source: int  # of the output's strings, copies of their source not taken over

    def adopt(self, target: Path) -> int:
        """Take over ``target``'s translations of this document's units; how many."""
        ...


class TranslationsHeld:
    """What a document that holds its translations by unit key (its output a file of its own)
    does with them: a unit without one is pending, ``fill`` keeps them. A subclass gives
    ``path`` and :meth:`units`, which do not change once it is made."""

    path: Path
    what_is_filled = "string"  # how the errors name a unit
    # the output's strings that copy their source, not kept as translations when adopted
    # (:meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.adopt_recorded`): the summary counts them
    copies_of_source = 0
    # whether a translation kept from the output that the memory holds for another source stays
    # (a catalog's string kept by its name, with a warning: keyed_catalog) or is translated
    # again (a document's block kept by its place, which an edit or an insertion before it
    # moves: a page, a book, subtitles, a Word document, Markdown):
    # :func:`ltmt.formats.existing_output.warn_of_changed_sources`
    keeps_changed_sources = False

    def __init__(self) -> None:
        self.translations: dict[str, str] = {}

    def units(self) -> list[Unit]:
        raise NotImplementedError

    @cached_property
    def _unit_keys(self) -> frozenset[str]:
        return frozenset(u.key for u in self.units())

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [u for u in self.units() if overwrite or u.key not in self.translations]

    def adopt_aligned(self, aligned: Iterable[tuple[str, str, str]]) -> int:
        """Take over each translation of ``aligned`` (key, source, translation) that is not its
        source: the translation so far of a document whose output is a file of its own."""
        adopted = 0
        for key, source, translation in aligned:
            if translation != source:
                self.translations[key] = translation
                adopted += 1
        return adopted

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        for key, text in translations.items():
            if key not in self._unit_keys:
                raise InputError(f"{self.path}: no {self.what_is_filled} {key!r} to fill")
            self.translations[key] = text
            self.note_filled(key, text)
        return len(translations)

    def note_filled(self, key: str, text: str) -> None:
        """Note what a run says of ``text``, just filled in as the translation of the unit
        ``key`` (one longer than its limit: :class:`~ltmt.formats.size_limits.LengthsChecked`);
        nothing here."""


class FilledByKey:
    """What a document does with translations put in by unit key, kept as they come until it
    is saved (a Jed file, a Dialogflow agent's file: :mod:`ltmt.formats.jed`,
    :mod:`ltmt.formats.dialogflow`); unlike :class:`TranslationsHeld`, no key is checked."""

    translations: dict[str, str]

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        """Put translations in by unit key (the format cannot mark one for review)."""
        self.translations.update(translations)
        return len(translations)


@runtime_checkable
class NamesUnits(Protocol):
    """A document whose units a reader finds by another name than their keys (a subtitle
    unit's ``cue 3 (00:00:04,200)``, as ``ltmt qa`` names it, where its key is the cue's
    index)."""

    def unit_name(self, key: str) -> str:
        """What the unit ``key`` is called where ltmt points at it."""
        ...


@runtime_checkable
class Reviewed(Protocol):
    """A document that knows what in its translation a reviewer should look at (subtitles that
    now read too fast), said once the run is done."""

    def review_notes(self) -> list[str]:
        """One line each, naming the places."""
        ...


@runtime_checkable
class WithoutSource(Protocol):
    """A document whose messages may have no source text to translate (a Qt message of
    ``qsTrId`` without its ``//%`` text): left untranslated, never read into memory, and
    counted in the run's summary."""

    def without_source(self) -> int:
        """How many messages have no source text."""
        ...


@runtime_checkable
class MarkedKept(Protocol):
    """A document whose strings a developer's note may ask to keep as they are (a .resx
    ``<comment>`` of ``{Locked}`` or "Do not translate"): not translated, counted in the run's
    summary."""

    def marked_kept(self) -> int:
        """How many strings are kept as their notes ask."""
        ...


@runtime_checkable
class CodeKept(Protocol):
    """A document that says which of its strings are code (a po4a catalog's listing and
    literal blocks): copied byte for byte, not translated, those copied counted in the run's
    summary."""

    def copy_code(self, fuzzy_too: bool = False) -> int:
        """Copy each string of code that has no translation as it is written, with
        ``fuzzy_too`` each one marked for review too (unmarked: a copy); how many were copied
        (none again on a rerun: a code string translated already is kept)."""
        ...


@runtime_checkable
class TrackedChanges(Protocol):
    """A document whose text has tracked changes (a Word document's insertions and deletions):
    counted in the run's summary, which says what became of them."""

    def tracked_changes(self) -> tuple[int, int]:
        """How many tracked insertions (translated as insertions) and deletions (kept as they
        were) the translated text has."""
        ...


@runtime_checkable
class ToolStatuses(Protocol):
    """A document whose CAT tool (Trados, memoQ) says of its segments that a reviewer signed
    them off, or locks them: both kept as they are, counted apart in the run's summary."""

    def signed_off(self) -> int:
        """How many units with a source hold a target a reviewer signed off (kept, even with
        ``--overwrite``)."""
        ...

    def locked(self) -> int:
        """How many segments the tool locked (no units: left as they are)."""
        ...


@runtime_checkable
class SourceCopies(Protocol):
    """A document whose units may hold their source copied where a tool marks them not
    confirmed (an XLIFF segment Trados or memoQ copied the source into): untranslated, so
    translated, and counted in the run's summary (``N copies of the source translated``)."""

    def source_copies(self) -> int:
        """How many units to translate hold their source copied."""
        ...


@runtime_checkable
class CopiesKept(Protocol):
    """A document whose translations so far may be their source copied where nothing tells a
    tool's copy from a translator's English (a catalog's string without ltmt's record of the
    output, an XLIFF 1.2 target without a state, in a file of fewer copies than a tool
    leaves: :mod:`ltmt.formats.source_copies`): kept, counted apart from the translations in
    the run's summary (``N copies of the source kept``), translated with ``--copies
    translate``."""

    def copies_kept(self) -> dict[str, str]:
        """The units kept that copy their source, each key with the name a warning gives it."""
        ...

    def translate_copies(self) -> None:
        """Make the units of :meth:`copies_kept` untranslated, counted with the copies of the
        source translated."""
        ...


@runtime_checkable
class Drafts(Protocol):
    """A document whose untranslated units may hold a draft (an XLIFF target in state
    ``initial`` or ``new``): kept as it is, counted in the run's summary, translated with
    ``--overwrite``."""

    def drafts(self) -> int:
        """How many units with a source hold a draft."""
        ...


@runtime_checkable
class SourceChangesUnmarked(Document, Protocol):
    """A catalog holding both languages whose translations no tool marks for review when their
    source changes (an Xcode string catalog edited outside Xcode: msgmerge marks a PO entry
    ``fuzzy``, ``lupdate`` a Qt message ``unfinished``), so that ltmt asks the memory
    (:func:`ltmt.formats.changed_sources.mark_for_review`)."""

    def held_translations(self) -> dict[str, str]:
        """The translations the catalog holds, by unit key."""
        ...


def source_changes_unmarked(document: Document) -> TypeGuard[SourceChangesUnmarked]:
    """Whether ``document`` is a :class:`SourceChangesUnmarked` catalog, which holds its
    translations (the protocol's one method) and does not say that its own tools mark a
    changed source (``source_changes_marked``: a Qt file, which lupdate marks ``unfinished``
    beside an ``<oldsource>``; a Jed file, made by ``wp i18n make-json`` from a PO catalog
    that msgmerge marks). Such a file holds its translations for the record of what ltmt
    wrote (:mod:`ltmt.formats.output_sources`), not for the memory's word on its sources."""
    return isinstance(document, SourceChangesUnmarked) and not getattr(
        document, "source_changes_marked", False
    )


@runtime_checkable
class MarksKept(Protocol):
    """A catalog of :class:`SourceChangesUnmarked` that can mark a translation it keeps for
    review as it is (an XLIFF target ``needs-review-translation``, a PO entry ``fuzzy``, an
    Xcode string ``needs_review``); one without (a CSV table) keeps it unmarked."""

    def mark_kept_for_review(self, keys: Collection[str]) -> list[str]:
        """Mark for review, unchanged, the translations of the units of ``keys``; the keys
        so marked (or marked before), less those a reviewer signed off, left as they are."""
        ...


@runtime_checkable
class CodesPutBack(Protocol):
    """A document whose filler puts back the inline codes a translation lost, had too often or
    left not nesting (XLIFF): ``codes_put_back`` holds the keys of the units so filled, which
    are marked for review and counted as not repaired."""

    codes_put_back: set[str]


@runtime_checkable
class WholeMessages(Protocol):
    """A document whose ICU plural and select messages are translated case by case, each
    case a unit of the message's ``group`` (Angular's XLIFF units): a 100 % memory match of a
    whole message ICU accepts is its translation as stored, not a fuzzy match for each case; and
    ``broken_messages`` holds the keys of those whose assembled translation ICU rejects (each
    with its place and what is wrong), left untranslated and counted as not repaired;
    ``branching`` holds the messages taken apart."""

    branching: BranchingUnits
    broken_messages: dict[str, str]

    def whole_units(self, units: list[Unit]) -> list[Unit]:
        """Each message translated case by case in ``units`` as one unit of its whole source,
        keyed by the cases' group."""
        ...

    def is_message(self, text: str) -> bool:
        """Whether ``text`` is a message ICU accepts: a stored translation that is none is no
        match to reuse."""
        ...


@runtime_checkable
class LengthLimited(Protocol):
    """A document whose units may declare a length limit (XLIFF ``maxwidth``,
    ``slr:sizeRestriction``): ``over_limit`` holds the keys of the units filled with a longer
    translation (each with what is wrong), which are marked for review and counted."""

    over_limit: dict[str, str]


@runtime_checkable
class ResumedInPlace(Protocol):
    """A document whose partial output holds its units where they stand in the input (a text
    file's lines, its paragraphs): it takes them over itself."""

    def resume(self, partial: Path) -> None:
        """Take over the translations of ``partial``, an earlier output of this document."""
        ...


def text_lines(path: Path) -> tuple[list[str], LineShape]:
    """The lines of a UTF-8 text file, without their ends, and how they are written."""
    data = read_file(path)
    text = decode(data, path)
    shape = LineShape.of("\ufeff" + text if data.startswith(codecs.BOM_UTF8) else text)
    return text_lines_of(text)[0], shape


def save_lines(path: Path, lines: list[str], shape: LineShape, *, whole: bool) -> None:
    """``lines`` written atomically to ``path`` in ``shape`` (:meth:`LineShape.written`)."""
    atomic_write(path, shape.written(lines, whole=whole))


# what ends a line of a text file, as :func:`~ltmt.formats.common.text_lines_of` splits it:
# a line feed (after a carriage return or not), and in a file of classic Mac OS a lone one too
_FILE_LINE_END = re.compile(r"\r?\n")
_FILE_LINE_END_CR = re.compile(r"\r\n|[\r\n]")


class TextDocument:
    """A UTF-8 text file, one segment a line. ``save`` of a partly filled document writes the
    translated lines up to the first one still pending, so the output is always a prefix; its
    lines are written as the input's are (:class:`LineShape`: their end, a byte order mark, the
    last line's end)."""

    format = "txt"

    def __init__(self, path: Path, lines: list[str], shape: LineShape | None = None) -> None:
        self.path = Path(path)
        self.lines = lines
        self.shape = shape or LineShape()
        self.translations: dict[int, str] = {}

    @classmethod
    def open(cls, path: Path, **_: Any) -> TextDocument:
        """The text file ``path``; a fastlane metadata file (a store listing's field, whose
        length the store limits) as a :class:`~ltmt.formats.store_listing.StoreListingText`."""
        from ltmt.formats.paragraphs import wrapped_lines
        from ltmt.formats.store_listing import StoreListingText, store_limit

        lines, shape = text_lines(path)
        refuse_a_man_page(path, lines)
        if going_on := wrapped_lines(lines):
            logger.warning(
                "%s: %d lines go on in the next, as wrapped paragraphs do; each line is "
                "translated alone (--format paragraphs translates each paragraph whole)",
                path,
                going_on,
            )
        if store_limit(path) is not None:
            return StoreListingText(path, lines, shape)
        return cls(path, lines, shape)

    def units(self) -> list[Unit]:
        return [Unit(str(i), line) for i, line in enumerate(self.lines) if line.strip()]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [u for u in self.units() if int(u.key) not in self.translations]

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        for key, text in translations.items():
            self.translations[self._index(key)] = self._one_line(text)
        return len(translations)

    def _one_line(self, text: str) -> str:
        """``text`` as one line of this file: a break that would end a line of it (``\n``,
        and ``\r`` in a file of classic Mac OS) is a space, as a newline in a translation
        would shift every line after it; the separators its lines hold within them (U+2028,
        a form feed, a lone ``\r`` of a file of ``\n``) are kept, as standard output keeps
        them."""
        ends_a_line = _FILE_LINE_END_CR if self.shape.newline == "\r" else _FILE_LINE_END
        lines = ends_a_line.split(text)
        if len(lines) > 1 and not lines[-1]:  # a last line's end, as str.splitlines drops it
            lines.pop()
        return " ".join(lines)

    def _index(self, key: str) -> int:
        if not key.isdigit() or int(key) >= len(self.lines):
            raise InputError(f"{self.path}: no line {key!r} to fill")
        return int(key)

    def translated_lines(self) -> list[str]:
        """The output lines, up to the first line still to translate."""
        out = []
        for index, line in enumerate(self.lines):
            if not line.strip():
                out.append(line)  # as written (spaces, a tab), as standard output has it
            elif index in self.translations:
                out.append(self.translations[index])
            else:
                break
        return out

    def save(self, out_path: Path) -> None:
        lines = self.translated_lines()
        save_lines(out_path, lines, self.shape, whole=len(lines) == len(self.lines))

    def resume(self, partial: Path) -> None:
        """Take over the translated lines of ``partial`` (an earlier output of this document)."""
        done = text_lines(partial)[0]
        if len(done) > len(self.lines):
            raise InputError(f"{partial} has more lines than {self.path}; it is not its output")
        for index, line in enumerate(done):
            if self.lines[index].strip():
                self.translations[index] = line


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class JsonlDocument:
    """JSON Lines: each object's ``source`` is translated into a ``translation`` key (a
    ``context`` key is the unit's context, as a memory file's ``context`` metadata is).

    Objects that already have a translation are kept unless ``overwrite``; lines that were not
    filled are written back byte for byte.
    """

    format = "jsonl"

    def __init__(self, path: Path, lines: list[str], source_key: str, target_key: str) -> None:
        self.path = Path(path)
        self.source_key, self.target_key = source_key, target_key
        self.lines = lines
        self.objects: dict[int, dict[str, Any]] = {}
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{path}:{number + 1}:{exc.colno}: invalid JSON: {json_problem(exc)}"
                ) from exc
            except RecursionError:  # json's parser recurses: [[[…]]] thousands deep
                raise InputError(f"{path}:{number + 1}: JSON nested too deeply") from None
            if not isinstance(record, dict) or not isinstance(record.get(source_key), str):
                raise InputError(
                    f"{path}:{number + 1}: not a JSON object with a string {source_key!r}"
                )
            self.objects[number] = record
        self.changed: set[int] = set()

    @classmethod
    def open(
        cls, path: Path, source_key: str = "source", target_key: str = "translation", **_: Any
    ) -> JsonlDocument:
        return cls(path, text_lines(path)[0], source_key, target_key)

    def units(self) -> list[Unit]:
        return [
            Unit(str(i), obj[self.source_key], _text(obj.get("context")))
            for i, obj in self.objects.items()
            if obj[self.source_key].strip()
        ]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [
            u
            for u in self.units()
            if overwrite or not self.objects[int(u.key)].get(self.target_key)
        ]

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        for key, text in translations.items():
            if not key.isdigit() or int(key) not in self.objects:
                raise InputError(f"{self.path}: no object {key!r} to fill")
            self.objects[int(key)][self.target_key] = text
            self.changed.add(int(key))
        return len(translations)

    def save(self, out_path: Path) -> None:
        out = [
            json.dumps(self.objects[i], ensure_ascii=False) if i in self.changed else line
            for i, line in enumerate(self.lines)
        ]
        atomic_write(out_path, "".join(f"{line}\n" for line in out).encode())


def document_format(path: Path, fmt: str | None = None) -> str:
    """The document format of ``path``: ``fmt`` when given, else from the extension or content
    (:func:`ltmt.formats.registry.find_format`)."""
    return find_format(path, fmt, role="document").name


def _refuse_lone_surrogates(path: Path, document: Document) -> None:
    """A unit that holds half of a character (a lone ``\\udXXX`` escape of Java properties or
    YAML) is an :class:`InputError` that names it: the model cannot read it, nor any file hold
    it."""
    for unit in document.units():
        problem = half_character(unit.source)
        if problem is not None:
            raise InputError(f"{path}: string {unit.key!r} {problem}")


def open_document(
    path: Path,
    fmt: str | None = None,
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    resume_from: Path | None = None,
    skip_keys: frozenset[str] = frozenset(),
    columns: str | None = None,
) -> Document:
    """Open ``path`` for translation.

    ``src_lang``/``tgt_lang``, when given, are checked against what a PO or XLIFF file
    declares. ``resume_from``: a partial output of an earlier run on this document; when it
    exists, its translations are taken over (it must hold the same units as ``path``; a
    :class:`TranslatedApart` document takes over what the file holds of its units).
    ``skip_keys``: names of keys whose strings are copied, not translated, in a format that has
    keys to name (:attr:`~ltmt.formats.registry.FileFormat.skips_keys`: JSON). ``columns``:
    the columns of a table to translate (:attr:`~ltmt.formats.registry.FileFormat.chooses_columns`:
    CSV; :func:`ltmt.formats.csv_columns.chosen_columns`).
    """
    path = Path(path)
    spec = find_format(path, fmt, role="document")
    if skip_keys and not spec.skips_keys:
        raise InputError(
            f"{path}: keys to skip are names in JSON and YAML files, not in a {spec.description}; "
            "leave them out for it"
        )
    if columns is not None and not spec.chooses_columns:
        raise InputError(
            f"{path}: columns to translate are named in CSV tables, not in a "
            f"{spec.description}; leave them out for it"
        )
    options = {"skip_keys": skip_keys} if skip_keys else {}
    opener = functools.partial(
        spec.document(), **options, **({"columns": columns} if columns is not None else {})
    )
    document: Document = opener(path, src_lang=src_lang, tgt_lang=tgt_lang)
    _refuse_lone_surrogates(path, document)
    if resume_from is None or not Path(resume_from).exists():
        return document
    if isinstance(document, ResumedInPlace):  # a text file: by its lines, its paragraphs
        document.resume(Path(resume_from))
        return document
    if isinstance(document, TranslatedApart):  # the output is the target-language file
        document.adopt(Path(resume_from))
        return document
    partial: Document = opener(Path(resume_from), src_lang=src_lang, tgt_lang=tgt_lang)
    if [u.source for u in partial.units()] != [u.source for u in document.units()]:
        raise InputError(
            f"{resume_from} does not hold the units of {path}; delete it to start over"
        )
    return partial
