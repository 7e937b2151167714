"""A folder of localisation files as one: its files in order (hidden ones and Office's owner
files left out), and the pairs of all those a format reads, for ``ltmt memory import FOLDER``.

A file that holds one language (``values-de/strings.xml``, ``de.lproj/Localizable.strings``)
is paired with the file at the same place in the source-language folder (``--source-file
res/values``), a .NET satellite or Java bundle named for its language with the file named for
none (``Strings.de.resx`` with ``Strings.resx``, as ``ltmt translate`` names it; ``de.yml`` with
``en.yml`` and ``app_de.arb`` with ``app_en.arb``, found beside it where no source folder is
given: :mod:`~ltmt.formats.locale_files`; MkDocs' ``index.de.md`` with ``index.md``:
:mod:`~ltmt.formats.suffix_pages`); a file that
holds both (PO, XLIFF, TMX, Qt Linguist, a WordPress Jed JSON file) is read alone. A file with
no translated entry (a ``.pot`` template) and one of another language pair (``fr.po`` beside
``de.po``) are left out and counted, as are files of no format. Of an Xcode localization
catalog (``de.xcloc``), only the XLIFF of its ``Localized Contents`` is read.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import InputError, LanguageError, NoPairsError, NotMessageFileError
from ltmt.formats.not_read import NotRead
from ltmt.paths import resolved
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

# a page named by its number and a slug of its title (a Zendesk help center's article)
_NUMBERED = re.compile(r"(\d{5,})-.")

if TYPE_CHECKING:
    from ltmt.formats.registry import FileFormat, Role


def files_in(folder: Path) -> list[Path]:
    """The files in ``folder`` and below it, hidden ones (and those in hidden folders, in
    installed packages' ``node_modules``, and LibreOffice's lock files ``.~lock.report.docx#``)
    left out, in order; and, with a warning,
    Office's owner files (:func:`is_owner_file`) and links to files outside the folder
    (``outside.txt → /etc/passwd`` was translated into the output folder) and links to nothing
    (they were left out without a word)."""
    inside = Path(folder).resolve()
    files, owner_files, outside, dangling = [], [], [], []
    for path in _visible(folder):
        if not path.is_file():
            if path.is_symlink() and not path.exists():
                dangling.append(f"{path.relative_to(folder)} → {path.readlink()}")
            continue
        if is_owner_file(path):
            owner_files.append(str(path.relative_to(folder)))
        elif path.is_symlink() and not path.resolve().is_relative_to(inside):
            outside.append(str(path.relative_to(folder)))
        else:
            files.append(path)
    if owner_files:
        logger.warning(
            "%s: %s left out (%s: Office writes one beside each document it has open); save "
            "and close those documents if they hold changes to translate",
            folder,
            counted(len(owner_files), "Office owner file"),
            first_few(owner_files),
        )
    if outside:
        logger.warning(
            "%s: %s to files outside it left out (%s)",
            folder,
            counted(len(outside), "link"),
            first_few(outside),
        )
    if dangling:
        logger.warning(
            "%s: %s left out (%s); fix a link to translate its file",
            folder,
            counted(len(dangling), "link to a missing file", "links to missing files"),
            first_few(dangling),
        )
    return files


# Office's owner files: Word, Excel and PowerPoint write one beside each file they open (a
# .docx, an .odt, a .csv ...), under its name with ``~$`` for its first letters: the name of the
# user who has it open, a byte of its length first, in a record of 162 or 165 bytes
_OWNER_FILE_MAX_BYTES = 1024
_OLDER_OFFICE_EXTENSIONS = frozenset({".doc", ".dot", ".rtf", ".xls", ".xlt", ".ppt", ".pot"})
_OWNER_NAME_MAX = 53


def is_owner_file(path: Path) -> bool:
    """Whether ``path`` is an owner file of Word, Excel or PowerPoint (``~$flyer.docx``,
    ``~$budget.ods``): named ``~$…``, at most a KiB, and holding a user's name after a byte of
    its length; no document (as LibreOffice's lock file ``.~lock.flyer.docx#`` is none). A
    ``~$notes.txt`` of the user's own text is read as any other file."""
    if not path.name.startswith("~$"):
        return False
    try:
        if path.stat().st_size > _OWNER_FILE_MAX_BYTES:
            return False
        head = path.read_bytes()[: _OWNER_NAME_MAX + 1]
    except OSError:
        return False
    # an empty or zeroed one (a crashed Office, a cloud sync) beside a document still is one
    return _names_a_user(head) or path.suffix.lower() in _office_extensions()


@functools.cache
def _office_extensions() -> frozenset[str]:
    """The extensions of the documents Office opens and writes owner files beside."""
    from ltmt.formats.registry import FORMATS

    opened = {
        ext for name in ("docx", "pptx", "xlsx", "odf", "csv") for ext in FORMATS[name].extensions
    }
    return frozenset(opened) | _OLDER_OFFICE_EXTENSIONS


def _names_a_user(head: bytes) -> bool:
    """Whether ``head`` starts as an owner file's record does: a byte of the length of a name,
    then that many printable characters (in the user's Windows code page)."""
    length = head[0] if head else 0
    name = head[1 : 1 + length]
    return (
        0 < length <= _OWNER_NAME_MAX
        and len(name) == length
        and all(byte >= 32 and byte != 127 for byte in name)  # a Windows code page's letters
    )


def folders_in(folder: Path) -> list[Path]:
    """The folders below ``folder``, hidden ones left out, in order."""
    return [path for path in _visible(folder) if path.is_dir()]


# folders of installed packages, not a project's own files (a docs run into itself wrote
# node_modules/left-pad/README.de.md)
_PACKAGE_FOLDERS = frozenset({"node_modules", "bower_components", "__pycache__", "site-packages"})


def _visible(folder: Path) -> list[Path]:
    """The paths below ``folder``, hidden ones and those in installed packages' folders left
    out."""
    return sorted(
        path
        for path in Path(folder).rglob("*")
        if not any(
            part.startswith(".") or part in _PACKAGE_FOLDERS
            for part in path.relative_to(folder).parts
        )
    )


def format_of(path: Path, role: Role) -> FileFormat | None:
    """The format that plays ``role`` for ``path``, told by its extension, or None; a
    ``.ini`` is Joomla's only where its keys are (a folder's ``php.ini`` is a configuration),
    a ``.php`` Moodle's only where it assigns ``$string[...]`` (Laravel's ``lang/en/*.php``),
    a ``.toml`` a message file only where named for a locale (``en.toml``, ``active.de.toml``;
    a site's ``hugo.toml`` is its configuration), and none where the file is a DocBook or
    Mallard page by its root (a book saved as ``.xml`` or ``.html``): skipped, named with what
    to do instead, as a single such file is refused."""
    from ltmt.formats.joomla_ini import has_joomla_keys
    from ltmt.formats.moodle_lang import has_moodle_strings
    from ltmt.formats.path_languages import path_language
    from ltmt.formats.registry import EXTENSIONS, FORMATS, itstool_kind

    name = EXTENSIONS.get(path.suffix.lower())
    if name is not None and itstool_kind(path) is not None:
        name = None  # a DocBook book saved as .xml or .html: skipped, with what to do instead
    if (
        name is not None
        and FORMATS[name].unsure_extension
        and not FORMATS[name].holds_its_content(path)
    ):  # a .lang file that is no Minecraft one (in a lang folder, of its lines)
        name = None
    if name == "ini" and not has_joomla_keys(path):
        name = None
    if name == "moodle" and not has_moodle_strings(path):  # Laravel's arrays, a site's code
        name = None
    if name == "toml" and path_language(Path(path.name)) is None:
        name = None
    spec = FORMATS[name] if name is not None else None
    return spec if spec is not None and role in spec.roles() else None


def refuse_format(fmt: str | None) -> None:
    """A folder's files are told by their extensions: ``--format`` is an error."""
    if fmt is not None:
        raise InputError(
            "--format names one file's format; a folder's files are told by their extensions"
        )


def not_messages_why(folder: Path, paths: list[Path]) -> str:
    """Why a folder run (translate, qa, memory import) left ``paths``, files of ``folder`` of a
    format it knows that hold no message file of it (a JSON file whose top level is a list),
    out, naming the first few (each was warned of)."""
    what = "a message file" if len(paths) == 1 else "message files"
    return f"that ltmt cannot read as {what} ({first_few(p.relative_to(folder) for p in paths)})"


@dataclass
class FolderPairs:
    """What a folder gave: its pairs, the files read, and those left out, by why."""

    folder: Path = Path()  # the folder read: the files are named in it
    records: list[PairRecord] = field(default_factory=list)
    read: list[Path] = field(default_factory=list)
    unknown: list[Path] = field(default_factory=list)  # no format reads them
    without_source: list[Path] = field(default_factory=list)  # one language, no source beside
    empty: list[Path] = field(default_factory=list)  # no translated entry (a .pot template)
    other_language: list[Path] = field(default_factory=list)  # another pair (fr.po beside de.po)
    sources: list[Path] = field(default_factory=list)  # en.yml beside de.yml, no --source-file
    # of the source language, no translation beside (Resources.resx alone), no --source-file
    untranslated: list[Path] = field(default_factory=list)
    # of a format ltmt reads that hold no message file of it (a JSON file whose top is a list)
    not_messages: list[Path] = field(default_factory=list)

    def skipped(self) -> list[tuple[int, str]]:
        """``(count, why)`` of the files left out, by why, as a command says them (those of
        another language pair named, as a translation of the folder names them)."""
        others, alone = self.other_language, self._named(self.untranslated)
        return [
            (
                len(self.without_source),
                "holding one language with no source file beside "
                f"({self._named(self.without_source)})",
            ),
            (len(self.unknown), f"of no format ltmt imports ({self._named(self.unknown)})"),
            (len(self.empty), "with no translated entry"),
            (len(self.other_language), f"of another language pair ({self._named(others)})"),
            (len(self.sources), "of the source language, read as the source of those beside it"),
            (
                len(self.untranslated),
                f"of the source language with no translation beside ({alone})",
            ),
            (len(self.not_messages), not_messages_why(self.folder, self.not_messages)),
        ]

    def _named(self, paths: list[Path]) -> str:
        """The first few of ``paths`` (files of :attr:`folder`), as in the folder."""
        from ltmt.wording import first_few

        return first_few(path.relative_to(self.folder) for path in paths)


def _source_of(path: Path, folder: Path, source_folder: Path | None, src_lang: str) -> Path | None:
    """The file that ``path`` (a file of ``folder`` holding one language, relative to it)
    translates: in ``source_folder``, the one its locale's naming gives (``de.yml`` →
    ``en.yml``, ``app_de.arb`` → ``app_en.arb``, ``Messages_de.properties`` →
    ``Messages.properties``, ``Strings.de.resx`` → ``Strings.resx``: the same-named
    ``messages_de.properties`` there is a colleague's translation, not the source), else the
    one at the same place (Joomla 3's ``de-DE.com_x.ini``: ``en-GB.com_x.ini``); without
    ``source_folder``, the one its locale's naming gives beside it in ``folder``. None where
    there is none."""
    from ltmt.formats.locale_files import source_names
    from ltmt.formats.path_languages import prefixed_source, source_name
    from ltmt.formats.suffix_pages import source_pages

    pages = [page.relative_to(folder) for page in source_pages(Path(folder) / path, src_lang)]
    named = [*source_names(path, src_lang), *pages, source_name(path)]
    if source_folder is None:
        where, names = Path(folder), named
    else:
        where, names = Path(source_folder), [*named, path]
        prefixed = prefixed_source(Path(folder) / path, where / path)  # Joomla 3's en-GB.x.ini
        names.append(None if prefixed is None else prefixed.relative_to(where))
    for name in names:
        if name is None or (source_folder is None and name == path):
            continue  # a file is no source of itself
        if (where / name).is_file():
            return where / name
    return _same_numbered(path, where) if source_folder is not None else None


def _same_numbered(path: Path, where: Path) -> Path | None:
    """The one file in ``where`` (at ``path``'s place) that starts with the number ``path``'s
    name does (a Zendesk article's id: ``360000112-Zwei-Faktor-Authentifizierung.html`` for
    ``360000112-Two-factor-authentication.html``, its slug translated), or None."""
    number = _NUMBERED.match(path.name)
    if number is None:
        return None
    found = [
        other
        for other in (where / path.parent).glob(f"{number[1]}-*{path.suffix}")
        if other.is_file()
    ]
    return found[0] if len(found) == 1 else None


def _is_source(path: Path, src_lang: str, pages_paired: bool) -> bool:
    """Whether ``path`` (on disk) is named for ``src_lang`` (``en.yml``, .NET's
    ``Resources.resx``, Java's base bundle; a Markdown page named for no locale where the
    folder's pages are paired by their names, ``pages_paired``: MkDocs' ``index.md`` beside
    ``index.de.md``): a source, not a translation without one."""
    from ltmt.formats.common import same_language
    from ltmt.formats.locale_files import file_locale, names_locale
    from ltmt.formats.suffix_pages import is_markdown, page_locale

    locale: str | None = None
    if pages_paired and is_markdown(path):
        locale = page_locale(path) or src_lang
    elif names_locale(path):
        locale = file_locale(path, src_lang)
    return locale is not None and same_language(locale, src_lang)


# Between a folder import's resolved folder and a file's path in it, in the file's origin
# (:func:`folder_origin`): a resolved path never holds it, so the folder imported is known.
FOLDER_MARK = "//"


def folder_origin(folder: Path, path: Path) -> str:
    """The origin an import of ``folder`` stores the pairs of its file ``path`` under: the
    folder's resolved path and the file's path in it, parted by :data:`FOLDER_MARK`
    (``/work/sale/i18n//de.po``), so that each file of each folder imported is an origin of
    its own, ``ltmt memory delete --origin`` of the file undoes it alone and of the folder
    every file of it (:func:`ltmt.memory.origins.is_of_origin`). (Before, the folder's name
    alone: ``sale/i18n/de.po`` and ``stock/i18n/de.po`` were one origin, ``i18n/de.po``.)"""
    root = str(resolved(folder)).rstrip("/")
    return f"{root}{FOLDER_MARK}{path.relative_to(folder).as_posix()}"


def split_folder_origin(origin: str) -> tuple[str, str] | None:
    """The folder (resolved) and the file's path in it of a :func:`folder_origin`; None for
    any other origin (a file's path, ``cli``, an older store's ``proj/de/app.po``)."""
    root, mark, path = origin.partition(FOLDER_MARK)
    if not mark or not path or (root and not root.startswith("/")):
        return None  # ``https://...`` given as an API origin is no folder's
    return root or "/", path


def origin_path(folder: Path, origin: str) -> Path:
    """The path of ``folder``'s file whose pairs have the origin ``origin``
    (:func:`folder_origin`'s inverse), as ``folder`` is given: ``./locales``'s file of the
    origin ``/work/locales//de/app.po`` is ``locales/de/app.po``, ``.``'s is ``de/app.po`` (an
    origin as recorded before, the folder's name and the file's path: ``locales/de/app.po``)."""
    split = split_folder_origin(origin)
    return Path(folder) / (split[1] if split is not None else origin.partition("/")[2])


def _language_folders_hint(folder: Path, source_folder: Path, tgt_lang: str) -> str:
    """Where ``folder`` holds language folders (``de.lproj``, ``values-de``) beside or around
    ``source_folder``, which they are and the one to import (``tgt_lang``'s first): the files
    of ``release1`` paired with ``release1/en.lproj`` found no source at ``en.lproj/de.lproj``.
    "" where it holds none."""
    from ltmt.formats.path_languages import path_language

    languages = {
        sub: language
        for sub in sorted(Path(folder).iterdir())
        if sub.is_dir() and (language := path_language(Path(sub.name), folder=True)) is not None
    }
    translations = sorted(
        (sub for sub in languages if resolved(sub) != resolved(source_folder)),
        key=lambda sub: (languages[sub] != tgt_lang, sub.name),
    )
    if not translations:
        return ""
    names = ", ".join(sub.name for sub in languages)
    return (
        f"; it holds the language folders {names}: import a translation's folder, "
        f"{translations[0]}, with --source-file {source_folder}"
    )


def read_folder(
    folder: Path,
    source_folder: Path | None = None,
    src_lang: str = "en",
    tgt_lang: str = "de",
    *,
    include_fuzzy: bool = False,
    skip_keys: frozenset[str] = frozenset(),
    check_declared: bool = True,
    not_read: NotRead | None = None,
    purpose: str = "imported",
) -> FolderPairs:
    """The pairs of every file of ``folder`` a format reads (module docstring); a malformed
    file is an :class:`InputError` that names it, and a folder with no pair one too.
    ``include_fuzzy``: translations not yet reviewed too (:func:`read_translations`);
    ``skip_keys``: keys whose strings make no pairs, in the files that have keys (JSON);
    ``check_declared``, ``not_read``: as :func:`read_translations` (the entries of the files
    read: a template left out is counted as a file, not by its entries); ``purpose``: what a
    warning says was not done with the strings left out (``imported``, ``checked``)."""
    from ltmt.formats.json_identifiers import unknown_keys_said_once
    from ltmt.formats.locale_files import other_locale
    from ltmt.formats.pairs import read_pairs
    from ltmt.formats.suffix_pages import is_markdown
    from ltmt.formats.xcloc import BundlesIn

    folder = Path(folder)
    if source_folder is not None and not Path(source_folder).is_dir():
        raise InputError(
            f"--source-file {source_folder}: not a folder; the translations of a folder are "
            "paired with the source-language folder they translate"
        )
    if source_folder is not None and resolved(source_folder) == resolved(folder):
        # each of its files was its own source (``en.json: --source-file is the file itself``)
        raise InputError(
            f"--source-file {source_folder} is the folder itself: its files hold both languages "
            "(such as en.json beside de.json) and pair by their names; leave out --source-file"
        )
    found = FolderPairs(folder)
    language_error = ""  # the first file's of another pair, said if no file is read
    bundles = BundlesIn(folder)
    # --skip-keys names no key of the folder's files: said once, not by each file
    with unknown_keys_said_once(folder, skip_keys):
        for path in files_in(folder):
            bundle = bundles.of(path)
            if bundle is not None and not bundle.is_localized(path):
                continue  # an Xcode bundle's manifest and source copies: context, not pairs
            spec = format_of(path, "read")
            if spec is None:
                found.unknown.append(path)
                continue
            source = None
            if spec.one_language_file(path):
                if other_locale(path, src_lang, tgt_lang) is not None:
                    found.other_language.append(path)  # messages_fr.properties of a German import
                    continue
                source = _source_of(path.relative_to(folder), folder, source_folder, src_lang)
                if source is None:
                    found.without_source.append(path)
                    continue
            options = spec.reader_options(
                src_lang,
                tgt_lang,
                source_file=source,
                include_fuzzy=include_fuzzy,
                skip_keys=skip_keys,
                check_declared=check_declared,
                not_read=NotRead() if not_read is not None else None,
                purpose=purpose,
            )
            origin = folder_origin(folder, path)
            try:
                found.records.extend(
                    replace(record, origin=origin) for record in read_pairs(path, **options)
                )
            except NoPairsError:
                found.empty.append(path)  # a template beside the translations
                continue
            except NotMessageFileError as error:  # a Dialogflow agent's *_usersays_en.json
                found.not_messages.append(path)  # skipped as a folder's translation skips it
                logger.warning("%s", error.skipped())
                continue
            except LanguageError as error:
                found.other_language.append(path)  # fr.po beside de.po
                language_error = language_error or str(error)
                continue
            if not_read is not None:
                not_read.counts.update(options.get("not_read", NotRead()).counts)
            found.read.append(path)
            if source is not None and source_folder is None:
                found.sources.append(source)
    if source_folder is None:  # the source-language files beside their translations
        found.without_source = [path for path in found.without_source if path not in found.sources]
        found.sources = sorted(set(found.sources))
        paired = any(is_markdown(path) for path in found.sources)
        found.untranslated = [
            path for path in found.without_source if _is_source(path, src_lang, paired)
        ]
        found.without_source = [
            path for path in found.without_source if path not in found.untranslated
        ]
    if not found.read:
        if found.other_language and not found.without_source:
            # the language mismatch leads: it, not a missing file, is what to fix
            raise InputError(f"{folder}: its files are of another language pair: {language_error}")
        hint = ""
        if found.without_source and source_folder is None:
            hint = (
                "; its files hold one language: give the source-language folder with --source-file"
            )
        elif found.untranslated:
            hint = (
                f"; its files are of the source language with no translation beside "
                f"({found._named(found.untranslated)}): translate them first"
            )
        elif found.without_source and source_folder is not None:
            hint = _language_folders_hint(folder, Path(source_folder), tgt_lang)
        elif found.other_language:
            hint = f"; {language_error}"
        elif found.empty:  # nothing else was wrong: the files' entries are untranslated
            hint = f"; {counted(len(found.empty), 'file')} with no translated entry"
            raise NoPairsError(f"{folder}: no translated file in it{hint}")
        raise InputError(f"{folder}: no translated file in it{hint}")
    return found
