"""Catalogs that hold one language a file, their strings by key (Android string resources, JSON
message files): the source language's file is translated into the target language's file.

    ltmt translate res/values/strings.xml -o res/values-de/strings.xml --user u1

Units are the source file's strings, keyed by name (a plural's forms by ``name#quantity``, an
array's items by ``name[i]``); each carries its name as context, so a memory match stored under
the same name is preferred. Where the output already exists, it is the translation so far: its
strings are kept (a copy of its source is untranslated where ltmt's record of the output lacks
its name, or, without a record, in a file of mostly copies: :meth:`KeyedCatalog.adopt_recorded`)
and only the names it lacks are translated (``overwrite``: all of them), which
is how a catalog is brought up to date after the source file gained strings (an array's items
line up with the source's by what ltmt wrote there, not by place: :mod:`ltmt.formats.
array_items`). A name the output
has and the source file does not is kept, after the source's strings, with a warning that names
it (it may be obsolete; deleting it is the translator's call), unless ltmt's record of the
output says ltmt wrote it there and nobody edited it since: then it is removed, and the run
summary says so (:mod:`ltmt.formats.own_extras`). The output holds the translated
strings only: a string left untranslated falls back to the source language where it is used, as
these formats intend.

``ltmt memory import res/values-de/strings.xml --source-file res/values/strings.xml`` stores
the pairs two such files make, name by name (:meth:`KeyedCatalog.pairs`). A name either file
defines more than once makes no pair: which definition translates which cannot be told, and a
pair of two definitions (``Open the settings`` → ``Einstellungen speichern``) would be wrong
data in the memory.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from ltmt.errors import InputError, NoPairsError
from ltmt.formats.array_items import line_up_items, warn_of_items_unplaced
from ltmt.formats.common import atomic_write, source_file_given
from ltmt.formats.copied_values import follow_source, value_text
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.machine_values import is_machine_value
from ltmt.formats.not_read import UNTRANSLATED, NotRead
from ltmt.formats.own_extras import own_extras
from ltmt.formats.source_copies import (
    copies_untranslated,
    copy_of_source,
    kept_copies,
    mostly_copies,
)
from ltmt.formats.unchanged_output import holds_already
from ltmt.formats.untranslated_marks import SYMFONY_PREFIX, is_marked_untranslated
from ltmt.formats.v3_plural_keys import FORM_FOR_ONE, v3_singulars
from ltmt.paths import resolved
from ltmt.segments import PairRecord
from ltmt.wording import agreeing, counted, first_few, them

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

logger = logging.getLogger(__name__)

FORM = "#"
# a value Java's Boolean.parseBoolean and .NET's bool.Parse read as a boolean: a setting, no text
_BOOLEAN = re.compile(r"\s*(?:true|false)\s*", re.IGNORECASE)
DEFINED_TWICE = "defined more than once"  # why a name's strings make no pairs (NotRead)
NOT_IN_SOURCE = "not in the source file"  # why a translated file's string makes no pair
SAME_AS_SOURCE = "same as source"  # a translation that copies its source, unless a name (NotRead)
NOT_TEXT = "not a string"  # why a translated value makes no pair: a number, an object (NotRead)
# why a translation that selects otherwise than its source (a Fluent locale's own plural) makes
# no pair (NotRead): which of its variants translates the source cannot be told
OWN_SELECT = "with the translation's own select"
# why a person's translation of a message ltmt leaves untranslated makes no pair (NotRead): one
# ltmt cannot take apart (ICU quoting, two plurals side by side), which ltmt translate never
# asks the memory for, and one whose source ICU rejects
NOT_TAKEN_APART = "that ltmt cannot take apart"
SOURCE_REJECTED = "whose source ICU rejects"
# why a translation's string that spells a name of the source otherwise (a JSON file's flat
# ``a.b`` for ``a`` → ``b``), beside another spelling of it, makes no pair (NotRead): which of
# the two is meant cannot be told, and it is no obsolete string
SPELLED_TWICE = "whose name the file spells twice"
# how messages name these formats together
ONE_LANGUAGE_FILES = (
    "one-language files (Android, Java properties, Joomla INI, Moodle, .NET .resx, JSON, YAML, "
    "TOML, Fluent, Apple .strings, Markdown, HTML, EPUB, subtitles, plain text)"
)


def repeated(names: Iterable[str]) -> list[str]:
    """The names that occur more than once in ``names``, in the order of their first."""
    return [name for name, n in Counter(names).items() if n > 1]


def warn_defined_twice(path: Path, names: Sequence[str], kept: str) -> None:
    """Warn once that ``path`` defines ``names`` more than once; ``kept`` says which
    definition is read, and why (``the first, as MSBuild builds it``)."""
    if names:
        logger.warning(
            "%s: %s defined more than once (%s); the %s is read; delete the others",
            path,
            counted(len(names), "name"),
            first_few(names),
            kept,
        )


@dataclass(frozen=True)
class Entry:
    """One translatable string of a keyed catalog: ``key`` names it in the file (``name``,
    ``name#quantity``, ``name[i]``); ``name`` is the string's own name, which a plural's forms
    and an array's items share; ``form``: a plural form's number (its place among the target
    language's quantities), ``plural`` whether it is one; ``group``: the strings written only
    together (default: those of the same ``name``); ``flags``: the format rules its translation
    keeps (``java-format``: :mod:`ltmt.formats.format_strings`); ``shown``: its source as the
    file writes it, where ``source`` is the model's form (:attr:`Unit.shown`); ``context``: the
    context the file gives it for its translator (a Transifex STRUCTURED_JSON ``context``, as a
    PO ``msgctxt``), its memory context in place of its name; "" for none; ``kept``: the places
    of the source's parts to write as they are (:attr:`Unit.kept`)."""

    key: str
    name: str
    source: str
    form: int = 0
    plural: bool = False
    group: str = ""
    flags: tuple[str, ...] = ()
    shown: str = ""
    context: str = ""
    kept: tuple[tuple[int, int], ...] = ()

    def unit(self) -> Unit:
        entry = self.name if self.plural else ""
        return Unit(
            self.key,
            self.source,
            context=self.context or self.name,
            flags=self.flags,
            entry=entry,
            form=self.form,
            group=self.group or self.name,
            shown=self.shown,
            kept=self.kept,
        )


@dataclass(frozen=True)
class TranslatedFile:
    """A translated file as :meth:`KeyedCatalog.pairs` reads it: ``values``, its strings by key
    (:meth:`KeyedCatalog.read_values`); ``placeholders``, those each of its strings writes
    otherwise, by entry name, as :meth:`KeyedCatalog.placeholders_written` has the source's (so
    ``ltmt qa`` names those a translation adds as its file writes them, ``{ $usr }``);
    ``not_text``, the names of the source's strings whose value there is no text (a JSON number
    or object): they make no pair, and the import says so rather than passing over them;
    ``defined_twice``, the names the file defines more than once (none, for a format whose
    reader refuses or cannot see them): they make no pair either; ``format_problems``, by name,
    what breaks a string's format as the file writes it and its :attr:`values` no longer show (a
    MessageFormat pattern's single apostrophe, read as one), which ``ltmt qa`` reports;
    ``left_out``, by why, the names of strings of the file that no entry of the source stands
    for and that are in it nonetheless (an i18next ordinal form the language lacks): no pair,
    nor obsolete; ``checked_whole``, by name, the translation of a message that :attr:`values`
    holds in parts (an ICU message's branches) whose parts are not its source's (an argument
    renamed, a select's keys translated): ``ltmt qa`` checks it whole, as the parts lose
    what is wrong; ``lines``, by key, the line each string starts on where the reader knows it
    (Android), which the pairs carry (``ltmt qa --json``'s ``line``); ``own_selects``, by
    name, the variants of a translation that selects otherwise than its source (a Fluent
    locale's own plural, or none where the source has one: :mod:`ltmt.formats.fluent_selects`),
    each by its key as ``(the source's text it is checked against, its text)``, which
    :attr:`values` leaves out: no pair for a memory (counted as :data:`OWN_SELECT`), and
    ``ltmt qa`` checks each variant (none for a variant that cannot be read so: a select inside
    a select); ``by_hand``, by why (:data:`NOT_TAKEN_APART`, :data:`SOURCE_REJECTED`), the names
    of the file's translations of messages the source's catalog leaves untranslated, which
    :attr:`values` leaves out: no pair, and a memory import counts and names them (trial s75:
    they were left out without a word)."""

    values: dict[str, str]
    placeholders: dict[str, dict[str, str]] = field(default_factory=dict)
    not_text: list[str] = field(default_factory=list)
    defined_twice: list[str] = field(default_factory=list)
    format_problems: dict[str, list[str]] = field(default_factory=dict)
    left_out: dict[str, list[str]] = field(default_factory=dict)
    checked_whole: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    own_selects: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    by_hand: dict[str, list[str]] = field(default_factory=dict)


class KeyedCatalog(TranslationsHeld):
    """What every keyed catalog shares; a format gives :meth:`read_values` (the strings of a
    file of its kind, by key) and :meth:`render` (the output file's bytes)."""

    format: ClassVar[str]
    what: ClassVar[str]  # how messages name a file of this kind
    # a string is kept by its name, which generic keys (title, button.ok) share across projects
    keeps_changed_sources = True
    # a value ``true`` or ``false`` is a setting the program parses, kept as written (not
    # ``wahr``), where the format's files hold settings beside strings (.properties, .resx)
    keeps_booleans: ClassVar[bool] = False
    # whether the output leaves out the values that are no text (a number, a code, a setting:
    # :meth:`is_text`), the app falling back to the source file's (Android, .resx, Apple
    # .strings), which a run says (:meth:`warn_of_untranslated`); the others write them as is
    leaves_out_values_not_text: ClassVar[bool] = False
    # the names this file itself defines more than once (as :attr:`TranslatedFile.defined_twice`
    # has a translation's), found as it is read
    names_defined_twice: tuple[str, ...] = ()
    # where the output keeps the strings only the translation so far has (:meth:`adopt`)
    extras_kept: ClassVar[str] = "kept at the end"
    # how the format marks a string not to translate (:attr:`not_translatable`), and what
    # reports a translation of one, said where a translation has one
    not_translatable_mark: ClassVar[str] = "marked not to translate"
    extra_translation_hint: ClassVar[str] = ""
    # the message syntax the file's strings may be written in, which ``ltmt qa`` checks them
    # for (metadata ``syntax``): ``vue-i18n`` where its ``|`` parts plurals
    # (:func:`ltmt.formats.pipe_plurals.may_be_vue_i18n`); empty for none of note
    syntax = ""
    # the sources, by key, of the strings this file says to copy rather than translate
    # (Smartling's ``sltrans = notranslate``: :meth:`copy_as_source`); read by :meth:`is_text`,
    # which a format may call before this class's ``__init__``
    sources_copied: Mapping[str, str] = MappingProxyType({})
    # the key of an array's item, its groups ``array`` and ``index`` (``name[2]``), whose
    # translation so far is lined up with the source's items by what ltmt wrote there
    # (:mod:`ltmt.formats.array_items`); None where the format has no arrays
    array_item: ClassVar[re.Pattern[str] | None] = None

    def __init__(self, path: Path, entries: list[Entry]) -> None:
        super().__init__()
        self.path = Path(path)
        self.entries = entries
        self._keys = {entry.key for entry in entries}
        self.extras: list[str] = []  # names the adopted output has and this file has not
        # names the adopted output has and this file has not that ltmt wrote there, unedited
        # since: left out of the output (:mod:`ltmt.formats.own_extras`)
        self.own_extras_removed: list[str] = []
        # the record of what ltmt wrote into the output while :meth:`adopt_recorded` adopts
        # it (a format's :meth:`adopt` reads its file its own way, then calls adopt_values)
        self._adopted_record: Record | None = None
        # the names this file marks not to translate (a format with such a mark fills it): a
        # translation's string of one is no obsolete one, and is said so
        self.not_translatable: set[str] = set()
        self.adopted_from: Path | None = None
        # a person's translation, by name, of a string this catalog translates in parts, that
        # the adopted output has whole and is kept so (a vue-i18n plural with another number
        # of choices: :func:`ltmt.formats.pipe_plurals.kept_whole`)
        self.kept_whole: dict[str, str] = {}
        # the keys of the adopted output's strings that copy their source and are kept as
        # translations (:meth:`copies_kept`)
        self._copies_kept: list[str] = []
        # by key, the output's key of an array's item whose translation so far was taken from
        # another place (:mod:`ltmt.formats.array_items`), under which the record holds what
        # ltmt wrote there (:class:`~ltmt.formats.output_sources.Moved`)
        self.output_keys: dict[str, str] = {}

    def read_values(self, path: Path) -> dict[str, str]:
        """The strings of ``path`` (a file of this kind, in any language) by key."""
        raise NotImplementedError

    def render(self) -> bytes:
        """The output file: the source file's layout, holding the translated strings only."""
        raise NotImplementedError

    def units(self) -> list[Unit]:
        return [entry.unit() for entry in self.entries if self.is_text(entry)]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        units = super().pending(overwrite)
        return [u for u in units if overwrite or self.name_of(u.key) not in self.kept_whole]

    def is_text(self, entry: Entry) -> bool:
        """Whether ``entry`` is text to translate: not empty, nor a boolean setting
        (:attr:`keeps_booleans`), which is left out as an empty string is and falls back to
        the source file's value, nor a value a program reads (a UUID, a number, a time zone:
        :mod:`ltmt.formats.machine_values`), which the model would change. (A JSON catalog
        copies its key bindings too: :mod:`ltmt.formats.key_bindings`.)"""
        boolean = self.keeps_booleans and _BOOLEAN.fullmatch(entry.source) is not None
        machine = is_machine_value(entry.source)
        copied = entry.key in self.sources_copied  # :meth:`copy_as_source`
        if not entry.source.strip() or boolean or machine or copied:
            return False
        return not self.is_setting(entry)

    def is_array(self, key: str) -> bool:
        """Whether ``key``, the ``array`` part of an item's key by :attr:`array_item`, names an
        array of the source file; every such key does, here."""
        return True

    def is_setting(self, entry: Entry) -> bool:
        """Whether ``entry`` is a setting its format's program parses, by its key and value
        (a ``.resw`` string ``Title.TextAlignment``: :mod:`ltmt.formats.xaml_settings`), no
        text for :meth:`is_text`; none, here."""
        return False

    def copy_as_source(self, names: Iterable[str]) -> None:
        """Write the strings ``names`` (every form or item of each) as the source has them,
        whatever the translation so far holds: the file says not to translate them
        (:mod:`ltmt.formats.smartling_directives`). They are no text (:meth:`is_text`): never
        sent to the model, paired, or checked. A value that is no text anyway (a URL, a
        number) is left as it was: a format may leave it out."""
        wanted = set(names)
        self.sources_copied = {
            e.key: e.source for e in self.entries if e.name in wanted and self.is_text(e)
        }
        self.translations.update(self.sources_copied)

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this file's translation so far) holds for
        this file's strings; returns how many. The names only ``target`` has are kept for the
        output (:attr:`extras`), with a warning."""
        return self.adopt_values(Path(target), self.read_values(Path(target)))

    def adopt_values(self, target: Path, found: dict[str, str]) -> int:
        """:meth:`adopt` of ``target``, whose strings by key, as read already, are ``found``
        (for a format that reads more of it than its strings, the file read once)."""
        sources = {entry.key: entry.source for entry in self.entries}
        lined = line_up_items(found, sources, self._adopted_record, self.array_item, self.is_array)
        self.output_keys = lined.output_keys
        kept = {
            key: text
            for key, text in lined.values.items()
            if key in sources
            and key not in self.sources_copied  # written as the source (:meth:`copy_as_source`)
            and text.strip()
            and not is_marked_untranslated(sources[key], text)
        }
        self.translations.update(kept)
        if self._adopted_record is not None:
            warn_of_items_unplaced(Path(target), self.path, self._adopted_record, lined, found)
        self._warn_of_copies_replaced(Path(target), found)
        self.extras = self.names_not_here(found)
        still_there = {*self.not_translatable, *self.spelled_twice(self.extras)}
        removed = own_extras(found, self.extras, self.name_of, self._adopted_record, still_there)
        self.own_extras_removed = removed
        self.extras = [name for name in self.extras if name not in removed]
        self.adopted_from = Path(target)
        if self.extras:
            self.warn_of_extras(Path(target), self.extras)
        return len(kept)

    def _warn_of_copies_replaced(self, target: Path, found: dict[str, str]) -> None:
        """Warn of the strings of :attr:`sources_copied` that ``target`` (the translation so
        far, its strings by key ``found``) holds otherwise: written as the source has them."""
        names = [
            self.name_of(key)
            for key, source in self.sources_copied.items()
            if found.get(key, source).strip() and found.get(key, source) != source
        ]
        if names:
            names = list(dict.fromkeys(names))
            logger.warning(
                "%s: %s that %s says not to translate (smartling.sltrans = notranslate) "
                "written as the source has %s, in place of this file's (%s)",
                target,
                counted(len(names), "string"),
                self.path,
                them(len(names)),
                first_few(names),
            )

    def adopt_recorded(self, target: Path, record: Record | None, overwrite: bool = False) -> int:
        """:meth:`adopt`, less the strings ``target`` holds as their source copied, untranslated
        (:func:`~ltmt.formats.source_copies.copies_untranslated`: Docusaurus'
        ``write-translations`` writes the English there), by ``record``, what ltmt wrote there
        (None: there is none), and with the values it holds as ltmt's copies of the source's
        then taking the source's now (:meth:`copied_values`), and without the strings whose
        source was removed that ``record`` says ltmt wrote there, unedited since
        (:attr:`own_extras_removed`); how many kept. ``overwrite`` (``--overwrite``, which reads
        no record: every string is translated again): those of
        :meth:`values_copied_before` take the source's, the others are kept, unwarned."""
        before = set(self.translations)
        self._adopted_record = record
        try:
            kept = self.adopt(target)
        finally:
            self._adopted_record = None
        sources = {entry.key: entry.source for entry in self.entries}
        held = {
            key: text
            for key, text in self.translations.items()
            if key in sources and key not in before
        }
        copies = copies_untranslated(held, sources, record)
        for key in copies:
            del self.translations[key]
        self.copies_of_source = len(copies)
        # the copies kept that ltmt did not write there (the model's copy is its translation)
        others = {
            key: (sources[key], text)
            for key, text in held.items()
            if record is None or not record.wrote_at(key, text)
        }
        self._copies_kept = kept_copies(others, copies)
        before_values = len(self.translations)
        copied = self.copied_values()
        held = self.copied_values_held()
        copied_before = self.values_copied_before()
        again = (
            [name for name in held if name in copied_before]
            if overwrite
            else follow_source(Path(target), held, copied, record, copied_before)
        )
        for name in again:
            self.take_source_value(name)
        return kept - len(copies) - (before_values - len(self.translations))

    def copies_kept(self) -> dict[str, str]:
        """The strings the output so far holds as their source copied and that are kept as
        translations (:func:`~ltmt.formats.source_copies.kept_copies`: no record of ltmt's
        tells a tool's copy from a translator's English, in a file of fewer copies than a
        tool's), each key with the name a warning gives it (:meth:`name_of`)."""
        return {key: self.name_of(key) for key in self._copies_kept}

    def translate_copies(self) -> None:
        """Make the strings of :meth:`copies_kept` untranslated (``--copies translate``),
        counted with the copies of the source translated."""
        for key in self._copies_kept:
            self.translations.pop(key, None)
        self.copies_of_source += len(self._copies_kept)
        self._copies_kept = []

    def copied_values(self) -> dict[str, Any]:
        """The source's values that are no text (:meth:`is_text`: a version, a number alone)
        and that the output holds as copies of them, by name: a string of its own that is
        none (a plural's form or a part of a message is written only whole), in a format that
        writes them (:attr:`leaves_out_values_not_text`). On a run into an output ltmt wrote,
        its copies follow the source, values someone set there are kept
        (:mod:`ltmt.formats.copied_values`)."""
        if self.leaves_out_values_not_text:
            return {}
        return {
            entry.key: entry.source
            for entry in self.entries
            if entry.key == entry.name
            and entry.group in ("", entry.name)
            and not entry.plural
            and entry.source.strip()
            and not self.is_text(entry)
        }

    def values_copied_before(self) -> frozenset[str]:
        """The names of :meth:`copied_values` that ltmt wrote as the source has them, whatever
        the output held, until trial s75: ltmt's copies where a record holds none of them, and
        the source's with ``--overwrite`` (:mod:`ltmt.formats.copied_values`); none, here."""
        return frozenset()

    def writes_copies(self) -> bool:
        """Whether the output holds strings copied from the source that the target language's
        files need, though none is translated (:func:`written_without_units`); no, here."""
        return False

    def identifiers_changed(self, path: Path) -> dict[str, tuple[str, str]]:
        """The strings this file copies as no text under a key of identifiers (``id``,
        ``line_id``: :func:`~ltmt.formats.machine_values.is_identifier_key`) that its
        translation ``path`` holds otherwise, by name: (the source's, the translation's), for
        ``ltmt qa`` (:mod:`ltmt.qa.changed_identifiers`); none here, a format without such
        keys."""
        return {}

    def copied_values_held(self) -> dict[str, Any]:
        """The values the adopted output holds at the names of :meth:`copied_values`."""
        return {
            name: self.translations[name]
            for name in self.copied_values()
            if name in self.translations
        }

    def take_source_value(self, name: str) -> None:
        """Write the source's value at ``name`` (of :meth:`copied_values`), not the adopted
        output's: ltmt's copy of the source's value before."""
        del self.translations[name]

    def source_values_written(self) -> dict[str, str]:
        """:meth:`copied_values` as the record of the output keeps them, so that a later run
        tells ltmt's copies in the output from values someone set there
        (:mod:`ltmt.formats.copied_values`)."""
        return {name: value_text(value) for name, value in self.copied_values().items()}

    def warn_of_extras(self, target: Path, names: list[str]) -> None:
        """Warn that ``target`` (the translation so far) has the strings ``names``, which this
        file has not or marks not to translate, and that they are kept (:attr:`extras_kept`)."""
        marked, others = self.split_not_translatable(names)
        if marked:
            logger.warning(
                "%s: %s %s; %s",
                target,
                self.marked_in_source(marked),
                self.extras_kept,
                _delete_marked(len(marked), self.extra_translation_hint),
            )
        if others:
            logger.warning(
                "%s: %s not in %s (%s) %s; %s",
                target,
                counted(len(others), "string"),
                self.path,
                first_few(others),
                self.extras_kept,
                _delete_if_obsolete(len(others)),
            )

    def spelled_twice(self, names: list[str]) -> list[str]:
        """The names of ``names`` (a translation's strings this file has none of) that spell
        one of this file's names otherwise, beside another spelling of it in the translation
        (:data:`SPELLED_TWICE`); none here, where a name has one spelling."""
        return []

    def split_not_translatable(self, names: list[str]) -> tuple[list[str], list[str]]:
        """``names`` (a translation's strings this file translates none of) split into those
        this file marks not to translate and the others."""
        marked = [name for name in names if name in self.not_translatable]
        return marked, [name for name in names if name not in self.not_translatable]

    def marked_in_source(self, marked: list[str]) -> str:
        """``1 string (app_name) marked translatable="false" in values/strings.xml``."""
        return (
            f"{counted(len(marked), 'string')} ({first_few(marked)}) "
            f"{self.not_translatable_mark} in {self.path}"
        )

    def warn_of_untranslated(self) -> None:
        """Warn of the strings a translation run leaves untranslated, once its output so far
        is adopted (a format that leaves some to a person says which); here, of the values
        that are no text that the output leaves out (:attr:`leaves_out_values_not_text`),
        which it lacked without a word."""
        if not self.leaves_out_values_not_text:
            return
        names = [
            entry.name
            for entry in self.entries
            if entry.source.strip()
            and not KeyedCatalog.is_text(self, entry)  # not those a format leaves out by a mark
            and entry.key not in self.translations
        ]
        names = list(dict.fromkeys(names))
        if names:
            logger.warning(
                "%s: %s no text (%s: a number, a code, an identifier or a setting) not written "
                "to the translation, where the app reads the source file's; copy %s there if it "
                "must hold every key",
                self.path,
                counted(len(names), "value") + (" that is" if len(names) == 1 else " that are"),
                first_few(names),
                them(len(names)),
            )

    def same_value(self, entry: Entry) -> frozenset[str]:
        """Placeholders that show one value in ``entry``'s text, where one of them stands for
        another (a plural's ``#`` and ``{count}``, its argument); none here."""
        return frozenset()

    def missing_in(self, path: Path) -> list[str]:
        """The names of this file's strings that the translated file ``path`` has no
        translation of (no form of a plural), in this file's order: untranslated."""
        return self.missing_from(self.read_values(Path(path)))

    def forms_missing_in(self, path: Path) -> list[str]:
        """The keys of the plural forms that the translated file ``path`` lacks of a plural it
        translates other forms of (an Android ``<item quantity="one">`` removed), in this
        file's order: :meth:`missing_in` names a plural only where it lacks every form."""
        values = self.read_values(Path(path))
        plurals = [e for e in self.entries if e.plural]
        started = {e.name for e in plurals if _translated(e, values.get(e.key, ""))}
        return [
            e.key
            for e in plurals
            if e.name in started and not _translated(e, values.get(e.key, ""))
        ]

    def missing_from(self, values: dict[str, str]) -> list[str]:
        """:meth:`missing_in` of a translated file whose strings by key are ``values``."""
        done = {e.name for e in self.entries if _translated(e, values.get(e.key, ""))}
        done |= set(self.paired_whole(values))  # a message not taken apart: checked whole
        names = (e.name for e in self.entries if self.is_text(e) and e.name not in done)
        return list(dict.fromkeys(names))

    def names_not_here(self, values: dict[str, str]) -> list[str]:
        """The names of ``values`` (another file's strings, by key) that this file has no
        string of, in their order: obsolete, or added there by hand."""
        names = self.names()
        return [name for name in dict.fromkeys(map(self.name_of, values)) if name not in names]

    def names_only_in(self, translation: TranslatedFile) -> list[str]:
        """The names of ``translation`` (this file's, as read) that this file has no string of
        (:meth:`names_not_here`), less the strings of a value that is no string (an object's
        strings), which are counted as that alone."""
        return [
            name
            for name in self.names_not_here(translation.values)
            if not any(name.startswith(f"{whole}/") for whole in translation.not_text)
        ]

    def read_translation(self, path: Path) -> TranslatedFile:
        """What :meth:`pairs` reads of ``path`` (a translation of this file), the file read
        once; by default its strings alone (:meth:`read_values`)."""
        return TranslatedFile(self.read_values(path))

    def paired_whole(self, values: dict[str, str]) -> dict[str, str]:
        """The source of each string, by name, whose translation ``values`` holds whole though
        this catalog reads it form by form (none here: :meth:`pairs` pairs it whole)."""
        return {}

    def broken_messages(self) -> dict[str, str]:
        """What ICU rejects in each message this catalog assembles from its translated
        branches, by name, where its assembled translation does not parse (none here)."""
        return {}

    def placeholders_written(self, entry: Entry) -> dict[str, str]:
        """The placeholders of ``entry``'s text that the file writes otherwise, as it writes
        them (a Fluent placeable's ``{ $count }`` for ``%d``), so ``ltmt qa`` names them as
        the file does; none by default."""
        return {}

    def placeholders_named(self, entry: Entry) -> dict[str, str]:
        """As :meth:`placeholders_written`, but for ``ltmt qa``'s findings alone, not kept
        with a memory's pairs (a stand-in for ICU's quoted angle brackets said as its run,
        ``'<'Enter'>'``); none by default."""
        return {}

    def developer_note(self, entry: Entry) -> str:
        """The note the file gives ``entry`` for its translators (a .resx ``<comment>``),
        stored with its pair as a PO ``#.`` comment is; "" for none, by default."""
        return ""

    def length_limit(self, entry: Entry) -> int | None:
        """The characters ``entry``'s translation may have, where its file gives a limit (a
        .resx ``{MaxLength=30}``), which ``ltmt qa`` checks; None by default."""
        return None

    def length_limit_set_by(self, entry: Entry) -> str:
        """What sets :meth:`length_limit`, as ``ltmt qa`` says it allows so many characters
        (an SAP annotation's ``its #XFLD,20 annotation``); "" for the unit's (by default)."""
        return ""

    def invalid_sources(self) -> dict[str, str]:
        """What ICU rejects in each source message that this catalog leaves untranslated for
        it, by name (none here)."""
        return {}

    def paired_untranslated(self) -> dict[str, str]:
        """The source of each string, by name, that this catalog leaves to a person (no entry:
        an ICU plural in YAML) and ``ltmt qa`` checks the person's translation of, whole
        (none here)."""
        return {}

    def kept_by_hand(self) -> list[str]:
        """The names of the strings this catalog leaves untranslated whose translation so far,
        a person's, it keeps (:meth:`adopt`): translated already, not left out (none here)."""
        return []

    def name_of(self, key: str) -> str:
        """The string name ``key`` belongs to (``name#one``, ``name[2]`` → ``name``)."""
        return key.split(FORM)[0].split("[")[0]

    def names(self) -> set[str]:
        return {entry.name for entry in self.entries}

    def translated(self, entry: Entry) -> str | None:
        """``entry``'s translation, or None while it has none."""
        return self.translations.get(entry.key)

    def plural_complete(self, name: str) -> bool:
        """Whether every form of the plural ``name`` has a translation (else it is left out
        whole: a plural missing a form would show nothing for its counts)."""
        forms = [e for e in self.entries if e.name == name and e.plural]
        return all(e.key in self.translations for e in forms)

    def save(self, out_path: Path) -> None:
        """Write the output to ``out_path``, unless that file holds it already
        (:meth:`same_content`): a run that changes no value leaves it byte for byte as it is."""
        rendered = self.render()
        if not holds_already(Path(out_path), rendered, self.same_content):
            atomic_write(out_path, rendered)

    def same_content(self, existing: bytes, rendered: bytes) -> bool:
        """Whether the file ``existing`` holds what the output ``rendered`` holds, in another
        key order or layout; a format whose reader sees the whole file says so, the others
        only for the same bytes (:mod:`ltmt.formats.unchanged_output`)."""
        return existing == rendered

    @classmethod
    def open(cls, path: Path, **options: Any) -> KeyedCatalog:
        raise NotImplementedError

    @classmethod
    def source_document(
        cls,
        path: Path,
        source_file: Path | None,
        tgt_lang: str | None = None,
        skip_keys: frozenset[str] = frozenset(),
    ) -> KeyedCatalog:
        """The source-language file that ``path`` translates, opened: ``source_file``, which
        must be given and be another file."""
        source_file = source_file_given(path, cls.what, source_file)
        if resolved(path) == resolved(source_file):
            raise InputError(
                f"{path}: --source-file is the file itself; give the source-language file"
            )
        return cls.open(Path(source_file), tgt_lang=tgt_lang, skip_keys=skip_keys)

    @classmethod
    def pairs(
        cls,
        path: Path,
        source_file: Path | None = None,
        tgt_lang: str | None = None,
        skip_keys: frozenset[str] = frozenset(),
        not_read: NotRead | None = None,
        purpose: str = "imported",
        extras_reported: bool = False,
        **_: Any,
    ) -> Iterator[PairRecord]:
        """The format's memory reader: the pairs of the translated file ``path`` and its
        ``source_file`` (the source language's), name by name; metadata ``context`` is the
        name (and ``plural`` a plural form's number, in ``tgt_lang``'s categories; ``flags`` its
        format rules, which ``ltmt qa`` checks). The strings
        a translation copies (a JSON file's identifiers, those under ``skip_keys``) make no
        pairs, nor do the names either file defines more than once (module docstring): they
        are counted into ``not_read``, or said in a warning without one; so are the names only
        ``path`` has (obsolete: ``not in the source file``), said as not ``purpose``
        (``imported``; ``ltmt qa``: ``checked``, whose pairs say the file's :attr:`syntax` in
        metadata ``syntax``, and ``context_is_key``: their context is a name, not a
        translator's disambiguation as a PO ``msgctxt`` is). With ``extras_reported``, the
        names only ``path`` has are not warned of: the caller reports them (``ltmt qa``'s
        ``extra`` findings, :meth:`names_only_in`). The source's strings that ``path`` lacks
        or leaves empty are counted into ``not_read`` as untranslated (none: said nowhere)."""
        document = cls.source_document(path, source_file, tgt_lang, skip_keys)
        translation = document.read_translation(Path(path))
        values = translation.values
        if purpose == "checked" and translation.checked_whole:  # its parts hide the problem
            whole_names = translation.checked_whole
            values = {k: v for k, v in values.items() if document.name_of(k) not in whole_names}
            values.update(whole_names)
        whole = document.paired_whole(values)
        twice = {*document.names_defined_twice, *translation.defined_twice}
        records, ambiguous, marked, copies, untranslated = [], 0, [], [], 0
        # what the translation has that is not text, or selects otherwise: counted by that
        counted_apart = {*translation.not_text, *translation.own_selects}
        singulars = v3_singulars(entry.name for entry in document.entries)
        # copies left out of a file of mostly copies alone (a tool's untranslated copy): in
        # another, a copy is a translation that keeps the English (``Terms of Service``)
        mostly = purpose != "checked" and mostly_copies(
            (entry.source, values.get(entry.key, "")) for entry in document.entries
        )
        for entry in document.entries:
            if entry.name in twice:
                ambiguous += 1
                continue
            if entry.name in whole:  # its first form stands for the message, the others for none
                entry = Entry(entry.name, entry.name, whole.pop(entry.name))
            target = values.get(entry.key, "")
            if not document.is_text(entry):
                continue
            if not target.strip():  # lacked or left empty: counted, as a table's empty cell
                if entry.name not in counted_apart and entry.key not in counted_apart:
                    untranslated += 1
                continue
            if is_marked_untranslated(entry.source, target):  # Symfony's __Log in
                marked.append(entry.name)
                continue
            if mostly and copy_of_source(entry.source, target):
                copies.append(entry.name)  # Edit this page → Edit this page, reused as exact
                continue
            metadata: dict[str, Any] = {"context": entry.context or entry.name}
            if purpose == "checked":  # for qa's checks, not for a memory
                if not entry.context:  # a name, no translator's disambiguation
                    metadata["context_is_key"] = True
                if document.syntax:
                    metadata["syntax"] = document.syntax
            if entry.plural:
                metadata["plural"] = entry.form
            elif entry.name in singulars:  # i18next v3's notification beside notification_plural
                metadata[FORM_FOR_ONE] = True
            if entry.flags:
                metadata["flags"] = ", ".join(entry.flags)
            if note := document.developer_note(entry):
                metadata["note"] = note
            if (limit := document.length_limit(entry)) is not None:
                metadata["max_length"] = limit
                if set_by := document.length_limit_set_by(entry):
                    metadata["max_length_set_by"] = set_by
            # the translation's own placeholders named as it writes them, the source's as it does
            written = {
                **translation.placeholders.get(entry.name, {}),
                **document.placeholders_written(entry),
                **(document.placeholders_named(entry) if purpose == "checked" else {}),
            }
            if written:
                metadata["placeholders"] = written
            if entry.name in translation.format_problems:
                metadata["format_problems"] = translation.format_problems[entry.name]
            line = translation.lines.get(entry.key)
            where = f"{path}: {entry.key}"
            key = entry.key if entry.context else None  # its context is no key: named by its key
            # a plural form's or an array item's own key (``days_left#one``, ``prio[1]``),
            # under which the record of what ltmt wrote keeps it: its name's is its string's
            record_key = entry.key if entry.key != entry.name else None
            records.append(
                PairRecord(
                    entry.source, target, where, metadata, line=line, record_key=record_key, key=key
                )
            )
        if purpose == "checked":  # a person's translation of what ltmt leaves untranslated
            for name, source in document.paired_untranslated().items():
                if name not in twice and values.get(name, "").strip():
                    # an ICU message, whatever syntax the file's other strings may be in
                    where = f"{path}: {name}"
                    metadata = {"context": name, "context_is_key": True}
                    records.append(PairRecord(source, values[name], where, metadata))
        else:  # a person's translation of what ltmt leaves untranslated: said, not imported
            for why, names in translation.by_hand.items():  # kept by a rerun (JSON's)
                _count_by_hand(path, why, names, not_read, purpose, kept=True)
            by_hand = [
                name
                for name, source in document.paired_untranslated().items()
                if name not in twice and translated_by_hand(values.get(name, ""), source)
            ]
            _count_by_hand(path, NOT_TAKEN_APART, by_hand, not_read, purpose, kept=False)
        if purpose == "checked":  # each variant of a translation's own select, checked
            records += _variant_records(path, translation)
        elif translation.own_selects:
            _count_own_selects(path, list(translation.own_selects), records, not_read, purpose)
        _count_ambiguous(path, ambiguous, sorted(twice), not_read, purpose)
        _count_marked(path, marked, not_read, purpose)
        _count_copies(path, copies, not_read)
        if not_read is not None:  # (none given: said nowhere, as before)
            not_read.add(UNTRANSLATED, untranslated)
        not_text = translation.not_text
        obsolete = document.names_only_in(translation)
        if not records and obsolete:
            _refuse_another_source(path, source_file or path, values, document)
        marked, obsolete = document.split_not_translatable(obsolete)
        if extras_reported:  # qa's extra findings name them
            marked, obsolete = [], []
        spelled_twice = document.spelled_twice(obsolete)
        if spelled_twice:  # one name spelled twice: no obsolete string
            obsolete = [name for name in obsolete if name not in spelled_twice]
            _count_left_out(path, SPELLED_TWICE, spelled_twice, not_read, purpose)
        if marked:  # app_name, marked translatable="false" in the source (no obsolete string)
            if not_read is not None:
                not_read.add(f"{document.not_translatable_mark} in the source file", len(marked))
            logger.warning(
                "%s: %s not %s: %s",
                path,
                document.marked_in_source(marked),
                purpose,
                _delete_marked(len(marked), document.extra_translation_hint),
            )
        _count_obsolete(path, source_file or path, obsolete, not_read, purpose)
        _count_not_text(path, not_text, not_read, purpose)
        for why, names in translation.left_out.items():
            _count_left_out(path, why, names, not_read, purpose)
        return iter(records)


def translated_by_hand(text: str, source: str) -> bool:
    """Whether ``text`` is a person's translation of ``source``, a message ltmt leaves
    untranslated: not empty, nor the source copied (as earlier versions wrote such a message,
    which would then never be translated)."""
    return bool(text.strip()) and text != source


def _count_by_hand(
    path: Path, why: str, names: list[str], not_read: NotRead | None, purpose: str, kept: bool
) -> None:
    """Count the translations ``names`` of ``path``, of messages left untranslated for ``why``
    (:attr:`TranslatedFile.by_hand`), into ``not_read`` and name them in a warning, with what
    to do: a count alone does not say which, nor that no run reuses them; ``kept``: whether a
    rerun into ``path`` keeps them, which the warning says."""
    if not names:
        return
    if not_read is not None:
        not_read.add(why, len(names))
    one = len(names) == 1
    if why == SOURCE_REJECTED:
        hint = f"fix {'its source' if one else 'their sources'} in the source file"
    else:
        hint = "ltmt translate leaves such a message untranslated, so no memory reuses it"
        if kept:
            hint += ", and keeps a person's translation of it in the output it continues"
    logger.warning(
        "%s: %s of %s %s not %s (%s): %s",
        path,
        counted(len(names), "translation"),
        "a message" if one else "messages",
        agreeing(why, len(names)),
        purpose,
        first_few(names),
        hint,
    )


def _variant_records(path: Path, translation: TranslatedFile) -> list[PairRecord]:
    """The pairs ``ltmt qa`` checks of the variants of ``translation``'s own selects
    (:attr:`TranslatedFile.own_selects`), each named by its case (``closing#one``) and
    numbered as a variant of one entry (``metadata["variant"]``, as a Qt message's length
    variants): one entry counted, and no variant called inconsistent with another, whose
    source text is the same."""
    records = []
    for name, variants in translation.own_selects.items():
        written = translation.placeholders.get(name, {})
        for n, (variant, (source, target)) in enumerate(variants.items()):
            key = f"{name}{FORM}{variant}" if variant else name
            metadata: dict[str, Any] = {"context": key, "context_is_key": True, "variant": n}
            if written:
                metadata["placeholders"] = written
            records.append(PairRecord(source, target, f"{path}: {key}", metadata))
    return records


def _count_own_selects(
    path: Path,
    names: list[str],
    records: list[PairRecord],
    not_read: NotRead | None,
    purpose: str,
) -> None:
    """Count the translations ``names`` of ``path`` that select otherwise than their source
    into ``not_read`` (or warn without one); where they are all the file holds, refuse in one
    line that says why: "no segments found (an empty file ...)" misled."""
    if not records:
        raise NoPairsError(
            f"{path}: nothing to import: its {counted(len(names), 'translation')} "
            f"({first_few(names)}) {'has its' if len(names) == 1 else 'have their'} own select "
            "(a plural or a select the source has not, or the reverse), which makes no pair; "
            f"ltmt translate keeps {them(len(names))} as written and ltmt qa checks "
            f"{them(len(names))}"
        )
    _count_left_out(path, OWN_SELECT, names, not_read, purpose)


def written_without_units(document: object) -> bool:
    """Whether ``document``'s output is written though it has no string to translate: a
    keyed catalog whose copies of the source the target language's files need
    (:meth:`KeyedCatalog.writes_copies`: a Fluent file of brand-name terms); a folder run
    skipped it, and the German messages that name the brand showed its reference."""
    return isinstance(document, KeyedCatalog) and document.writes_copies()


def _translated(entry: Entry, target: str) -> bool:
    """Whether ``target`` translates ``entry``: not empty, nor marked untranslated."""
    return bool(target.strip()) and not is_marked_untranslated(entry.source, target)


def _count_marked(path: Path, names: list[str], not_read: NotRead | None, purpose: str) -> None:
    """Count the strings of ``names``, whose target in ``path`` is their source marked
    untranslated (``__Log in``), into ``not_read`` as untranslated, or warn without one."""
    if not_read is not None:
        not_read.add(UNTRANSLATED, len(names))
    elif names:
        logger.warning(
            "%s: %s marked untranslated (target %s + source: %s) not %s; fill %s with "
            "ltmt translate first",
            path,
            counted(len(names), "string"),
            SYMFONY_PREFIX,
            first_few(names),
            purpose,
            them(len(names)),
        )


def _count_copies(path: Path, names: list[str], not_read: NotRead | None) -> None:
    """Count the strings of ``names``, whose target in ``path`` is their source copied
    (:func:`~ltmt.formats.source_copies.copy_of_source`: Docusaurus' ``write-translations``),
    into ``not_read``, or warn without one: stored as approved, they were reused as exact
    matches."""
    _count_or_warn(
        not_read,
        SAME_AS_SOURCE,
        len(names),
        "%s: %s of the source not imported (%s); translate %s first",
        path,
        counted(len(names), "copy", "copies"),
        first_few(names),
        them(len(names)),
    )


def _refuse_another_source(
    path: Path, source_file: Path, values: dict[str, str], document: KeyedCatalog
) -> None:
    """Raise :class:`NoPairsError` where none of the names of ``path``'s strings (``values``)
    are in ``source_file`` (``document``): the source file of another translation was given,
    and "no segments found (an empty file, ...)" sent the user looking in the wrong place."""
    names = dict.fromkeys(map(document.name_of, values))
    if any(name in document.names() for name in names):
        return
    # "none of its 1 name are in" was said of a file of one string
    said = "its 1 name is not" if len(names) == 1 else f"none of its {len(names)} names are"
    raise NoPairsError(
        f"{path}: {said} in {source_file} (wrong --source-file?); give the source-language "
        "file it translates"
    )


def _count_obsolete(
    path: Path, source_file: Path, names: list[str], not_read: NotRead | None, purpose: str
) -> None:
    """Count the strings of ``names``, which ``path`` has and its ``source_file`` has not, into
    ``not_read``, or warn without one: they make no pair, and were dropped without a word."""
    _count_or_warn(
        not_read,
        NOT_IN_SOURCE,
        len(names),
        "%s: %s not in %s not %s (%s): %s",
        path,
        counted(len(names), "string"),
        source_file,
        purpose,
        first_few(names),
        _delete_if_obsolete(len(names)),
    )


def _delete_marked(count: int, hint: str) -> str:
    """What to do with ``count`` translations of strings the source marks not to translate,
    with what reports them (``hint``)."""
    return f"delete {'it' if count == 1 else 'them'} there{hint}"


def _delete_if_obsolete(count: int) -> str:
    """What to do with ``count`` strings only a translation has, said of one or of several."""
    if count == 1:
        return "delete it there if it is obsolete"
    return "delete them there if they are obsolete"


def _count_not_text(path: Path, names: list[str], not_read: NotRead | None, purpose: str) -> None:
    """Count the ``names`` whose translation in ``path`` is no string into ``not_read`` and
    name them in a warning (the count alone does not say which to fix), said as not
    ``purpose`` (``checked`` for qa, which imports nothing)."""
    if not names:
        return
    if not_read is not None:
        not_read.add(NOT_TEXT, len(names))
    logger.warning(
        "%s: %s not %s: %s no string (%s); write each translation as a string",
        path,
        counted(len(names), "translation"),
        purpose,
        "it is" if len(names) == 1 else "they are",
        first_few(names),
    )


def _count_left_out(
    path: Path, why: str, names: list[str], not_read: NotRead | None, purpose: str
) -> None:
    """Count the ``names`` of ``path`` left out for ``why`` (:attr:`TranslatedFile.left_out`)
    into ``not_read``, or say them in a warning without one, as not ``purpose``."""
    _count_or_warn(
        not_read, why, len(names), "%s: %s %s not %s (%s)", path,
        counted(len(names), "string"), why, purpose, first_few(names),
    )  # fmt: skip


def _count_ambiguous(
    path: Path, count: int, names: list[str], not_read: NotRead | None, purpose: str
) -> None:
    """Count the ``count`` strings of ``names`` (defined more than once) left out of the pairs
    of ``path`` into ``not_read``, or warn without one that they were not ``purpose``
    (``imported``, ``checked``)."""
    _count_or_warn(
        not_read,
        DEFINED_TWICE,
        count,
        "%s: %s defined more than once not %s (%s): which definition translates which cannot "
        "be told; keep one of each and %s again",
        path,
        counted(len(names), "name"),
        purpose,
        first_few(names),
        "check" if purpose == "checked" else "import",
    )


def _count_or_warn(
    not_read: NotRead | None, reason: str, count: int, message: str, *args: object
) -> None:
    """Count ``count`` strings left out of a file's pairs for ``reason`` into ``not_read``
    (the import's summary line says them), or, without one, say them in the warning
    ``message % args`` (none where there are none)."""
    if not_read is not None:
        not_read.add(reason, count)
    elif count:
        logger.warning(message, *args)
