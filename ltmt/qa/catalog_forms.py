"""What a catalog's pairs do not show: its plural entries' forms, and its untranslated units.

The pairs the checks read (:func:`ltmt.formats.pairs.read_translations`) are the translations
there are: an empty form of a plural entry, or an entry with no translation, is not among them.
So ``msgstr[2]`` in a catalog of two plural forms, an entry with ``msgstr[0]`` alone, or an
empty ``msgstr[1]`` (``msgfmt`` compiles it, and the program then shows an empty string for
every count that takes that form) passed, and the report counted no untranslated entry.

- :func:`plural_form_problems`: a PO catalog's plural entries with another number of forms
  than its ``Plural-Forms`` header declares, or with an empty form beside translated ones;
- :func:`numerus_form_problems`: a Qt file's plural messages with an empty ``<numerusform>``
  beside translated ones, or fewer forms than the file's language takes (more: a note);
- :func:`access_key_problems`: a Fluent file's ``.accesskey`` that is no letter of its label
  (access keys are chosen, not translated, and so are no pairs);
- :func:`stringsdict_problems`: an Apple ``.stringsdict`` file's plural variables without
  ``other`` (its pairs are the forms it has, so the missing one is in none of them);
- :func:`catalog_state`: those, and how many units of a catalog (PO, XLIFF, Qt, Xcode string
  catalogs) still lack a translation, as ``ltmt translate`` would find them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ltmt.formats.registry import find_format
from ltmt.qa.findings import Severity
from ltmt.qa.invariant_plurals import may_be_one_text
from ltmt.wording import counted

if TYPE_CHECKING:
    from collections.abc import Callable

    from ltmt.formats.keyed_catalog import KeyedCatalog

T = TypeVar("T")

# the formats whose untranslated units are counted: those that hold both languages and mark
# what is not translated yet
_CATALOGS = frozenset({"po", "xliff", "ts", "xcstrings"})


@dataclass(frozen=True)
class FormProblem:
    """A catalog entry's problem: its ``position`` (as the pairs read from it have it), its
    (singular) ``source``, its (first translated form's) ``target``, the ``message``, the
    ``check`` that finds it (:data:`ltmt.qa.findings.CHECKS`), and whether the entry is
    ``no_pair`` (one the readers leave out, which counts among the entries checked) and
    then its ``unit_id`` (where its format names units)."""

    position: str
    source: str
    target: str
    message: str
    check: str = "plurals"
    severity: Severity | None = None  # where it is not the check's
    no_pair: bool = False  # an entry the pairs do not hold (its translation empty): checked too
    unit_id: str | None = None  # the id of a no_pair entry's unit, where the format has one


def plural_form_problems(store: Any, path: Path, include_fuzzy: bool = True) -> list[FormProblem]:
    """The plural entries of the PO catalog ``store`` (translate-toolkit's, read from ``path``)
    whose forms are more or fewer than its ``Plural-Forms`` declares (where it declares them),
    or that leave a form empty while another is translated, or whose forms are one text (a
    note, not said where they may be: :mod:`ltmt.qa.invariant_plurals`; ``translate`` counts
    them too); entries with no translation at all
    are untranslated, not problems. ``include_fuzzy``: fuzzy entries too."""
    from ltmt.formats.po import declared_nplurals

    count = declared_nplurals(store)
    problems = []
    for number, unit in enumerate(store.units):
        if unit.isheader() or unit.isobsolete() or not unit.hasplural():
            continue
        if unit.isfuzzy() and not include_fuzzy:
            continue
        forms = [str(target) for target in unit.target.strings]
        filled = [form for form in forms if form]
        if not filled:
            continue
        said = []
        if count is not None and len(forms) != count:
            written = "msgstr[0]" + (f" to msgstr[{len(forms) - 1}]" if len(forms) > 1 else "")
            said.append(
                f"has {counted(len(forms), 'plural form')} ({written}) where the catalog's "
                f"Plural-Forms says nplurals={count}"
            )
        empty = [f"msgstr[{n}]" for n, form in enumerate(forms) if not form]
        if empty:
            said.append(
                f"leaves {', '.join(empty)} empty: the program shows an empty string for the "
                "counts that take that form"
            )
        position = f"{path}: entry {number}"
        source = str(unit.source.strings[0])
        problems += [FormProblem(position, source, filled[0], message) for message in said]
        plural = str(unit.source.strings[1]) if len(unit.source.strings) > 1 else None
        if (
            len(forms) > 1
            and not empty
            and len(set(forms)) == 1  # translate counts them too
            and not may_be_one_text(forms[0], source, plural)
        ):
            problems.append(FormProblem(position, source, filled[0], _SAME_FORMS, severity="note"))
    return problems


_SAME_FORMS = "its plural forms are all the same text: translate each for the counts it is for"


def numerus_form_problems(store: Any, path: Path, include_fuzzy: bool = True) -> list[FormProblem]:
    """The plural messages of the Qt file ``store`` (translate-toolkit's, read from ``path``)
    that leave a ``<numerusform>`` empty beside translated ones
    (:func:`ltmt.formats.qt_ts.forms_left_empty`), or have fewer forms than the file's
    language takes (an error: the counts of the missing form show none) or more (a note: the
    extra are never shown) (:func:`ltmt.formats.qt_ts.forms_miscounted`);
    ``include_fuzzy``: unfinished ones too."""
    from ltmt.formats.qt_ts import forms_left_empty, forms_miscounted

    language = str(store.document.getroot().get("language"))
    miscounted = [
        FormProblem(
            position,
            source,
            target,
            f"has {counted(written, 'plural form')} where {language} takes {wanted}: "
            + (
                f"add {_it_or_them(wanted - written, 'the missing')} (ltmt translate adds "
                f"{'it' if wanted - written == 1 else 'them'})"
                if written < wanted
                else f"{_it_or_them(written - wanted, 'the last')} never shown: remove "
                f"{'it' if written - wanted == 1 else 'them'}"
            ),
            severity=None if written < wanted else "note",
        )
        for position, source, target, written, wanted in forms_miscounted(
            store, path, include_fuzzy
        )
    ]
    return miscounted + [
        FormProblem(
            position,
            source,
            target,
            f"leaves {'form' if len(empty) == 1 else 'forms'} {', '.join(map(str, empty))} "
            "empty: the program shows an empty string for the counts that take that form",
        )
        for position, source, target, empty in forms_left_empty(store, path, include_fuzzy)
    ]


def shared_accelerator_problems(
    store: Any, path: Path, include_fuzzy: bool = True
) -> list[FormProblem]:
    """The messages of the Qt file ``store`` whose accelerator an earlier message of their
    ``<context>`` has too where the sources' differ
    (:func:`ltmt.formats.qt_ts.accelerators_shared`), as ``accelerator`` notes: one key for
    two of a dialog's or a menu's items. ``include_fuzzy``: unfinished ones too."""
    from ltmt.formats.qt_ts import accelerators_shared

    return [
        FormProblem(
            position,
            source,
            target,
            f"its accelerator &{key} is that of {other.rsplit(': ', 1)[-1]} of its context too, "
            "where the sources' differ: choose another letter",
            "accelerator",
            severity="note",
        )
        for position, source, target, key, other in accelerators_shared(store, path, include_fuzzy)
    ]


def menu_accelerator_problems(
    store: Any, path: Path, include_fuzzy: bool = True
) -> list[FormProblem]:
    """The entries of the KDE PO catalog ``store`` whose accelerator an earlier item of their
    menu has too (``msgctxt "@action:inmenu File"``:
    :func:`ltmt.formats.kde_menus.menu_accelerators_shared`) where the sources' differ, as
    ``accelerator`` notes. ``include_fuzzy``: fuzzy entries too."""
    from ltmt.formats.kde_menus import menu_accelerators_shared

    return [
        FormProblem(
            position,
            source,
            target,
            f"its accelerator &{key} is that of {other} too, in one menu ({menu}) where the "
            "sources' differ: choose another letter",
            "accelerator",
            severity="note",
        )
        for position, source, target, key, other, menu in menu_accelerators_shared(
            store, path, include_fuzzy
        )
    ]


def _it_or_them(count: int, which: str) -> str:
    """``the missing form``, ``the last 2 forms are`` ...: ``count`` forms named."""
    if count == 1:
        return f"{which} form" + (" is" if which == "the last" else "")
    return f"{which} {count} forms" + (" are" if which == "the last" else "")


def access_key_problems(path: Path, fmt: str | None = None) -> list[FormProblem]:
    """The access keys of the Fluent file ``path`` that are no letter of their label
    (:func:`ltmt.formats.fluent_access_keys.access_keys_not_in_labels`), as ``accelerator``
    problems of the label's string; none for a folder or a file of another format."""
    from ltmt.formats.fluent_access_keys import access_keys_not_in_labels

    if path.is_dir() or find_format(path, fmt, role="read").name != "ftl":
        return []
    return [
        FormProblem(
            f"{path}: {key}",
            "",
            label,
            f"its .accesskey {access!r} is no letter of the label: choose one the label has",
            "accelerator",
        )
        for key, access, label in access_keys_not_in_labels(path)
    ]


def untranslated_csv_rows(
    path: Path,
    fmt: str | None = None,
    src_lang: str = "en",
    tgt_lang: str = "de",
    columns: str | None = None,
    source_file: Path | None = None,
) -> int | None:
    """How many rows of the CSV table ``path`` (of ``src_lang`` and ``tgt_lang`` columns) have
    a source and an empty target cell: untranslated, as a TSV's or JSON Lines' empty targets
    are, though the CSV reader leaves them out of the pairs; None for a folder, another format
    or a table without a target column (the pairs' empty targets count then); ``columns``:
    the pairs of columns ``--columns`` names (``LABEL=TRANSLATION``), or those translated in
    place (``Title,Body (HTML)``) in a copy of ``source_file``, whose cells are the sources."""
    from ltmt.formats.csv_columns import translates_in_place
    from ltmt.formats.csv_in_place import untranslated_cells
    from ltmt.formats.csv_table import CsvTable

    if path.is_dir() or find_format(path, fmt, role="read").name != "csv":
        return None
    table = CsvTable.open(path, src_lang, tgt_lang, columns, command="qa")
    if source_file is not None and columns is not None and translates_in_place(columns):
        source = CsvTable.open(source_file, src_lang, tgt_lang, columns, command="qa")
        return untranslated_cells(table, source)
    if table.columns.pairs[0].target is None:
        return None
    return len(table.pending())


def missing_messages(
    path: Path, source_file: Path, fmt: str | None = None, tgt_lang: str = "de"
) -> list[str] | None:
    """The names of the strings of ``source_file`` that its translation ``path`` (a keyed
    catalog: JSON, ARB, Android, ...) lacks: untranslated, as Flutter's gen-l10n counts them,
    though the pairs hold none of them; None for a folder or a file of another kind (the
    pairs' empty targets count then)."""
    return read_against_source(path, source_file, fmt, tgt_lang, lambda d, p: d.missing_in(p))


def missing_plural_forms(
    path: Path, source_file: Path, fmt: str | None = None, tgt_lang: str = "de"
) -> list[str]:
    """The keys of the plural forms that ``tgt_lang`` takes, but not ``other`` (Android's
    and Apple's checks of their own require it), that the translation ``path`` of
    ``source_file`` lacks of a plural it translates other forms of (``files_count#one``, an
    ``<item quantity="one">`` removed), as a JSON plural's object lacking ``one`` is a
    :func:`missing_messages`' name; none for a folder or a file of another kind."""
    from ltmt.formats.keyed_catalog import FORM
    from ltmt.formats.plurals import plural_tags

    taken = set(plural_tags(tgt_lang)) - {"other"}
    keys = read_against_source(path, source_file, fmt, tgt_lang, lambda d, p: d.forms_missing_in(p))
    return [key for key in keys or [] if key.rpartition(FORM)[2] in taken]


def read_against_source(
    path: Path,
    source_file: Path,
    fmt: str | None,
    tgt_lang: str,
    read: Callable[[KeyedCatalog, Path], T],
) -> T | None:
    """``read`` of ``source_file`` (opened as a keyed catalog) and its translation ``path``,
    without warnings; None for a folder or a file of another kind."""
    from ltmt.formats.documents import open_document
    from ltmt.formats.keyed_catalog import KeyedCatalog
    from ltmt.formats.registry import find_format

    if path.is_dir() or source_file.is_dir():
        return None
    if find_format(path, fmt, role="read").chooses_columns:  # (a table translated in place)
        return None
    # what reading the source file warns of (a message ICU rejects) its pairs' reading, the
    # check's, said already: said twice, it read as two problems
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        document = open_document(source_file, fmt, tgt_lang=tgt_lang)
        # and reading the translation again warns of what its pairs' reading did (an Android
        # string's unescaped apostrophe, said twice a run)
        return read(document, path) if isinstance(document, KeyedCatalog) else None
    finally:
        logging.disable(previous)


_MISSING = (
    "the translation lacks this message of {source}: the app shows the source's text, the "
    "message's key or an error in its place; translate it"
)
# what a lacking message does, by format: an error where the app shows one (a next-intl JSON
# catalog), the source language's string where the platform falls back to it (a note: the text
# is untranslated, no error); other formats' libraries differ, :data:`_MISSING` says so
_MISSING_BY_FORMAT: dict[str, tuple[Severity | None, str]] = {
    "json": (
        None,
        "the translation lacks this message of {source}: an app without a fallback language "
        "shows an error (next-intl's MISSING_MESSAGE); translate it",
    ),
    "android": (
        "note",
        "the translation lacks this string of {source}: Android shows the one in values/ "
        "(the source's language) instead; translate it",
    ),
    "properties": (
        "note",
        "the translation lacks this message of {source}: Java's ResourceBundle falls back to "
        "the base bundle, so Java shows the base bundle's English; translate it",
    ),
}


def missing_problems(
    path: Path, source_file: Path, missing: list[str], fmt: str | None = None
) -> list[FormProblem]:
    """The messages ``missing`` (:func:`missing_messages`) of ``source_file`` that its
    translation ``path`` lacks, as ``missing`` problems: entries the pairs do not hold. The
    reason and severity are the format's (:data:`_MISSING_BY_FORMAT`): next-intl's error for a
    JSON catalog but an i18next one (``{{name}}``: it falls back), a note where the platform
    shows the source's string (Android, Java), :data:`_MISSING`'s words otherwise."""
    from ltmt.formats.registry import find_format

    name = find_format(path, fmt, role="read").name
    if name == "json" and (path.suffix == ".arb" or _is_i18next(source_file)):
        name = ""
    severity, message = _MISSING_BY_FORMAT.get(name, (None, _MISSING))
    return [
        FormProblem(
            f"{path}: {key}", "", "", message.format(source=source_file), "missing", severity
        )
        for key in missing
    ]


def _is_i18next(source_file: Path) -> bool:
    """Whether the JSON ``source_file`` is an i18next catalog (``{{name}}`` placeholders), whose
    lacking messages fall back to ``fallbackLng`` or show the key: no next-intl error."""
    try:
        return "{{" in source_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def missing_form_problems(
    path: Path, source_file: Path, keys: list[str], tgt_lang: str = "de"
) -> list[FormProblem]:
    """The plural forms ``keys`` (:func:`missing_plural_forms`) that the translation ``path``
    of ``source_file`` lacks, as ``missing`` warnings: the counts of a missing form show
    another form (Android's and Apple's ``other``: ``1 Dateien``) or none."""
    from ltmt.formats.keyed_catalog import FORM

    return [
        FormProblem(
            f"{path}: {key}",
            "",
            "",
            f"the translation lacks the {key.rpartition(FORM)[2]!r} plural form of "
            f"{source_file}, which {tgt_lang} takes: the counts it is for show another form "
            "or none; translate it",
            "missing",
        )
        for key in keys
    ]


# the XLIFF states that say a unit is translated (1.2's on its <target>, 2.0's on its <segment>)
_TRANSLATED_STATES = frozenset({"translated", "final", "signed-off", "reviewed"})
_EMPTY = 'its translation is empty, though its state is "{state}": the program shows nothing; '
_EMPTY += "translate it"


def empty_xliff_targets(path: Path, loaded: tuple[Any, int] | None = None) -> list[FormProblem]:
    """The units of the XLIFF file ``path`` (1.2 or 2.0) whose translation is empty though
    their state says translated (``translated``, ``final``, ``signed-off``; 2.0's
    ``reviewed``), as ``empty`` problems. Only units the reader leaves out as untranslated
    are: a translatable unit (not ``translate="no"``, not locked) with a source of more than
    spaces and a target of neither text nor inline codes (``<x id="1"/>`` is a translation,
    checked). ``loaded``: the file's tree and version where it is read already."""
    from ltmt.formats.inline import to_text
    from ltmt.formats.xliff import iter_units, load_xliff

    tree, version = load_xliff(path) if loaded is None else loaded
    return [
        FormProblem(
            f"{path}:{unit.source.sourceline}",
            to_text(unit.source).text,
            "",
            _EMPTY.format(state=unit.state),
            "empty",
            no_pair=True,
            unit_id=unit.unit_id or None,
        )
        for unit in iter_units(tree, version)
        if unit.state in _TRANSLATED_STATES
        and not unit.locked
        and unit.target is not None
        and not to_text(unit.target).text.strip()
        and to_text(unit.source).text.strip()
    ]


def stringsdict_problems(path: Path, fmt: str | None = None) -> list[FormProblem]:
    """The plural variables of the translated ``.stringsdict`` file ``path`` without
    ``other``, which Apple requires (:func:`ltmt.formats.stringsdict.forms_without_other`);
    none for a folder or a file of another format. An ``other`` that drops the source's ``%d``
    is a pair's problem (the ``placeholders`` check)."""
    from ltmt.formats.stringsdict import forms_without_other

    if path.is_dir() or find_format(path, fmt, role="read").name != "stringsdict":
        return []
    return [
        FormProblem(
            f"{path}: {name}",
            "",
            largest,
            "has no other form, which Apple requires: add one for the counts the others do not "
            "cover",
        )
        for name, largest in forms_without_other(path)
    ]


@dataclass(frozen=True)
class CatalogState:
    """What :func:`catalog_state` read of a catalog (or a folder's): its ``untranslated``
    entries and its plural entries' ``form_problems``."""

    untranslated: int
    form_problems: list[FormProblem]


def catalog_state(
    path: Path, fmt: str | None = None, include_fuzzy: bool = True
) -> CatalogState | None:
    """The untranslated entries (those with no unit translated that ``ltmt translate`` would
    fill: a plural entry with a form translated is checked, not untranslated, and so is an
    XLIFF unit marked translated whose translation is empty, an ``empty`` problem) and the
    entries' problems of the catalog ``path`` (or of every catalog of the folder ``path``);
    None where it is none (a text, a one-language file)."""
    from ltmt.formats.documents import open_document
    from ltmt.formats.po_document import PoDocument
    from ltmt.formats.qt_ts import TsDocument
    from ltmt.formats.xliff_document import XliffDocument

    catalogs = catalog_files(path, fmt)
    if not catalogs:
        return None
    untranslated, problems = 0, []
    for catalog, name in catalogs:
        document = open_document(catalog, name)
        untranslated += _untranslated_entries(document)
        if isinstance(document, XliffDocument):  # its tree as read, not read again
            # its units marked translated but empty are findings, not pending
            empty = empty_xliff_targets(catalog, (document.tree, document.version))
            untranslated -= len(empty)
            problems += empty
        if isinstance(document, PoDocument):  # its catalog as read, not read again
            problems += plural_form_problems(document.store, catalog, include_fuzzy)
            problems += menu_accelerator_problems(document.store, catalog, include_fuzzy)
        elif isinstance(document, TsDocument):
            problems += numerus_form_problems(document.store, catalog, include_fuzzy)
            problems += shared_accelerator_problems(document.store, catalog, include_fuzzy)
    return CatalogState(untranslated, problems)


def _untranslated_entries(document: Any) -> int:
    """The entries of ``document`` with a unit ``ltmt translate`` would fill, but those with a
    form translated (a plural entry's other forms: checked, their empty ones the ``plurals``
    check's) or a translation to review (a fuzzy entry's)."""

    def entry_of(unit: Any) -> tuple[str, str]:
        return (unit.entry, "") if unit.entry else ("", unit.key)

    pending = [unit for unit in document.pending() if not unit.suggestion]
    waiting = {unit.key for unit in pending}
    translated = {entry_of(unit) for unit in document.units() if unit.key not in waiting}
    return len({entry_of(unit) for unit in pending} - translated)


def catalog_files(path: Path, fmt: str | None = None) -> list[tuple[Path, str]]:
    """The catalogs of ``path`` and their formats: itself where it is one, or those of the
    folder ``path`` (its files as a folder's run reads them, by extension)."""
    from ltmt.errors import InputError
    from ltmt.formats.folders import files_in

    paths = files_in(path) if path.is_dir() else [path]
    found = []
    for candidate in paths:
        try:
            name = find_format(candidate, fmt if candidate == path else None, role="read").name
        except InputError:  # no format reads it: a folder's other files
            continue
        if name in _CATALOGS:
            found.append((candidate, name))
    return found
