"""What a folder run (:mod:`ltmt.cli.translate_folder`) skipped, in words: one phrase for
each kind of file it left as it is, naming the first few, and the ``soffice`` command for the
files LibreOffice converts into a format ltmt translates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.formats.folders import not_messages_why
from ltmt.formats.language_folders import language_folder_pair
from ltmt.wording import first_few

if TYPE_CHECKING:
    from ltmt.cli.translate_folder import FolderJob


def skipped_kinds(folder: FolderJob) -> list[tuple[int, str]]:
    """How many files of each kind ``folder``'s run skipped, with what each kind is (a phrase
    that follows "N files"), for :func:`~ltmt.wording.counted_kinds`."""
    other_names = first_few(path.relative_to(folder.folder) for path in folder.other_language)
    no_locale = [path.relative_to(folder.folder) for path in folder.no_locale]
    return [
        (len(folder.unknown), f"of no format ltmt translates ({_unknown_names(folder)})"),
        (len(folder.empty), "with nothing to translate"),
        (len(folder.other_language), f"of another language pair ({other_names})"),
        (len(folder.target_language), _target_language_why(folder)),
        (
            len(folder.other_locales),
            f"of another locale ({first_few(folder.other_locales)}): translations, not sources",
        ),
        (
            len(folder.no_locale),
            f"whose {'name tells' if len(no_locale) == 1 else 'names tell'} no locale "
            f"({first_few(no_locale)}): name {'it' if len(no_locale) == 1 else 'each'} for its "
            "language (en.yml) to translate it",
        ),
        (len(folder.language_folders), _language_folders_why(folder)),
        (len(folder.qualified), _qualified_why(folder)),
        (
            len(folder.not_strings),
            f"of Android resources that hold no strings "
            f"({first_few(path.relative_to(folder.folder) for path in folder.not_strings)})",
        ),
        (len(folder.manifests), _manifests_why(folder)),
        (
            len(folder.ui5_manifests),
            f"of a UI5 app's settings "
            f"({first_few(path.relative_to(folder.folder) for path in folder.ui5_manifests)}): "
            "its texts live in i18n/i18n.properties, which it names as {{appTitle}}",
        ),
        (
            len(folder.npm_manifests),
            f"of an npm package's settings "
            f"({first_few(path.relative_to(folder.folder) for path in folder.npm_manifests)}): "
            "commands and build settings, no text to translate",
        ),
        (len(folder.not_read), not_messages_why(folder.folder, folder.not_read)),
        (len(folder.not_messages), _not_messages_why(folder)),
        (
            len(folder.compiled_ast),
            f"of compiled FormatJS AST "
            f"({first_few(path.relative_to(folder.folder) for path in folder.compiled_ast)}): "
            "translate the extracted messages (formatjs extract) and compile them again",
        ),
        (len(folder.templates), _templates_why(folder)),
        (len(folder.templates_beside), _templates_beside_why(folder)),
        (len(folder.not_pages), _not_pages_why(folder)),
    ]


def _not_pages_why(folder: FolderJob) -> str:
    """Why a run of Markdown pages into their own folder (``docs -o docs``) left its other
    files as they are, naming the first few."""
    names = first_few(path.relative_to(folder.folder) for path in folder.not_pages)
    one = len(folder.not_pages) == 1
    return (
        f"that {'is no Markdown page' if one else 'are no Markdown pages'} ({names}): a folder "
        "of pages translated into itself has only its pages translated, each beside itself "
        "(index.md → index.de.md)"
    )


def _manifests_why(folder: FolderJob) -> str:
    """Why a run left a WebExtension's ``manifest.json`` as it is, naming the first few: no
    message file (:mod:`ltmt.formats.webextension`); and the text of its own it shows, if any
    (a ``name`` without ``__MSG_``), which is not translated."""
    import json

    from ltmt.formats.webextension import literal_fields, literal_note

    names = first_few(path.relative_to(folder.folder) for path in folder.manifests)
    one = len(folder.manifests) == 1
    literal = [
        field
        for path in folder.manifests
        for field in literal_fields(json.loads(path.read_text(encoding="utf-8-sig")))
    ]
    return (
        f"that {'is a WebExtension manifest' if one else 'are WebExtension manifests'} "
        f"({names}): no message file, its text lives in _locales/*/messages.json, which it "
        "names as __MSG_name__, and its settings (permissions, suggested_key) stop the "
        f"extension from loading if translated{literal_note(list(dict.fromkeys(literal)))}"
    )


def _language_folders_why(folder: FolderJob) -> str:
    """Why a run left the files in other languages' folders (i18next's ``locales/de``,
    ``de.lproj``) as they are, naming the first few, and the command that translates the
    source language's folder into the target language's beside it, where both are there."""
    names = first_few(path.relative_to(folder.folder) for path in folder.language_folders)
    why = f"in another language's folder ({names}): translations, not sources"
    if not folder.jobs or not folder.language_folders:
        return why
    src, tgt = folder.jobs[0].src_lang, folder.jobs[0].tgt_lang
    pair = language_folder_pair(folder.folder, folder.language_folders, src, tgt)
    if pair is None:
        return why
    source, target = (path.as_posix() for path in pair)
    return (
        f"{why}; translate the {src} folder into the {tgt} one: ltmt translate {source} -o {target}"
    )


def _qualified_why(folder: FolderJob) -> str:
    """Why a run of an Android resource folder left its ``values-*`` folders as they are,
    naming the first few files: only ``values`` holds the source language's strings."""
    names = first_few(path.relative_to(folder.folder) for path in folder.qualified)
    return (
        f"of another language or configuration ({names}): only values/ is the source; "
        "its translation is written into the target language's values folder"
    )


def _not_messages_why(folder: FolderJob) -> str:
    """Why a run into its own folder left its files other than message files named for their
    locale as they are, naming the first few: Spring's configuration, and the others."""
    from ltmt.formats.locale_files import is_spring_config

    config = [path.relative_to(folder.folder) for path in folder.not_messages]
    spring = [name for name in config if is_spring_config(name)]
    other = [name for name in config if not is_spring_config(name)]
    parts = [f"{first_few(spring)}: Spring's configuration"] if spring else []
    if other:
        parts.append(first_few(other))
    one = len(config) == 1
    are, its = ("is no message file", "its") if one else ("are no message files", "their")
    return (
        f"that {are} named for {its} locale ({'; '.join(parts)}): a folder "
        "translated into itself has only those translated"
    )


def _templates_why(folder: FolderJob) -> str:
    """Why a run into its own folder left its PO and XLIFF catalogs that declare no target
    language (Angular's ``messages.xlf``) as they are, naming the first few."""
    names = first_few(path.relative_to(folder.folder) for path in folder.templates)
    one = len(folder.templates) == 1
    declare, templates = ("declares", "template") if one else ("declare", "templates")
    translation, it = ("a translation", "it") if one else ("translations", "one")
    return (
        f"that {declare} no target language ({names}): the source language's {templates}, "
        f"not {translation}; translate {it} into a new file (ltmt translate F -o F2) to start one"
    )


def _templates_beside_why(folder: FolderJob) -> str:
    """Why a run left the gettext templates beside a catalog of the target language as they are
    (``easy-booking.pot`` beside ``easy-booking-de_DE.po``: :mod:`ltmt.formats.po_templates`),
    naming the first few, and how the first one's catalog takes its new strings."""
    from ltmt.formats.po_templates import update_route

    if not folder.templates_beside:
        return ""
    pairs = first_few(
        f"{template.relative_to(folder.folder)} \N{RIGHTWARDS ARROW} "
        f"{catalog.relative_to(folder.folder)}"
        for template, catalog in folder.templates_beside
    )
    one = len(folder.templates_beside) == 1
    template, catalog = folder.templates_beside[0]
    return (
        f"that {'is the template of a catalog' if one else 'are the templates of catalogs'} "
        f"beside {'it' if one else 'them'} ({pairs}): no file to translate; "
        f"{update_route(template, catalog)}"
    )


def _target_language_why(folder: FolderJob) -> str:
    """Why a run into another folder left the files already in the target language beside
    their sources (``Strings.de.resx``, ``de.yml``) as they are, naming the first few: they
    are translations, continued by a run of the folder into itself."""
    from ltmt.formats.locale_files import names_locale

    names = first_few(path.relative_to(folder.folder) for path in folder.target_language)
    why = f"in the target language already ({names}): translations, not sources"
    if not all(names_locale(path) for path in folder.target_language):
        return why  # UWP's de-DE/Resources.resw: no run into itself continues it
    return f"{why}; translate the folder into itself (-o {folder.folder}) to continue them"


def _unknown_names(folder: FolderJob) -> str:
    """The first few files of ``folder`` of no format ltmt translates, named from the folder:
    a run that skipped them says which."""
    return first_few(path.relative_to(folder.folder) for path in folder.unknown)


def unread_kind_hints(folder: FolderJob) -> list[str]:
    """A line for each kind of file ``folder``'s run skipped that ltmt knows but reads no
    format of (AsciiDoc pages, man pages: :func:`~ltmt.formats.registry.unread_kind_hint`),
    naming them and what to do, as a single such file's error says it."""
    from ltmt.formats.registry import unread_kind_hint

    unread: dict[str, list[Path]] = {}
    for path in folder.unknown:
        if hint := unread_kind_hint(path):
            unread.setdefault(hint, []).append(path.relative_to(folder.folder))
    lines = []
    for hint, names in unread.items():
        if len(names) == 1:
            lines.append(f"{names[0]} is not translated: {hint}")
        else:
            listed = first_few(names, count_rest=True)
            lines.append(f"{len(names)} files are not translated ({listed}), each: {hint}")
    return lines


def conversion_hints(folder: FolderJob) -> list[str]:
    """A line for each format of which ``soffice`` makes a copy of files the run skipped (a
    ``.doc`` or ``.rtf`` a ``.docx``: :data:`~ltmt.formats.registry.OTHER_KINDS`), naming
    them and the command for the first, as a single such file's error does."""
    from ltmt.formats.registry import OTHER_KINDS

    convertible: dict[str, list[Path]] = {}
    for path in folder.unknown:
        if target := OTHER_KINDS.get(path.suffix.lower()):
            convertible.setdefault(target, []).append(path)
    lines = []
    for target, paths in convertible.items():
        names = ", ".join(str(path.relative_to(folder.folder)) for path in paths)
        first = paths[0]
        each = "it" if len(paths) == 1 else "each"
        lines.append(
            f"{names} {'is' if len(paths) == 1 else 'are'} not .{target}: save {each} as "
            f".{target} beside it (soffice --headless --convert-to {target} --outdir "
            f"{first.parent} {first}) and translate the folder again"
        )
    return lines
