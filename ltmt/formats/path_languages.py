"""The language an output's path names, the way localisation projects lay out their files:
Android's ``values-fr`` (``values-fr-rCA``, ``values-b+fr``), Apple's ``fr.lproj``, a folder of
each language's files in a folder of locales (a WebExtension's ``_locales/fr``, i18next's
``locales/fr/common.json``, gettext's ``locale/fr/LC_MESSAGES``, ``i18n/fr``, ``lang/fr``), and a
catalog file named for its language (``fr.json``, ``Messages_fr.properties``,
``messages.fr.yaml``, ``app_fr.ts``). A translation written under another language's name is
loaded by the app for that language's users, so ``ltmt translate`` warns of it
(:func:`other_language_named`; for a folder's files, :func:`other_language_files`).

.NET resources and Java bundles keep every language's file in one folder, the source language's
named for no language (``Strings.resx`` beside ``Strings.fr.resx``, ``Messages.properties``
beside ``Messages_fr.properties``): a folder run skips the others' files
(:func:`satellite_language`) and names each translation for its language
(:func:`translation_name`), as the app loads it, but in a tree of each locale's folders,
Mozilla's ``en-US/tabbrowser.properties`` → ``de/tabbrowser.properties``
(:func:`named_by_folder`); UWP keeps each locale's ``.resw`` files in a
folder named for it (``Strings/en-US/Resources.resw``: :func:`resw_translation`), as Joomla its
``.ini`` language files (``language/en-GB/com_example.ini``). A name that
merely ends in a code (``db_ha.properties``, ``settings_my.properties``) with no
``db.properties`` beside it is a file of its own, translated.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

# locales whose language has no two-letter code, as Rails' and Symfony's catalogs name them
# (of three letters, only these are taken for a locale's: ISO 639-3 has a code for nearly
# every three letters, app: and sql among them)
THREE_LETTER_LOCALES = frozenset(
    {"ast", "ckb", "fil", "fur", "gsw", "haw", "kab", "nds", "sah", "sco", "yue"}
)
_ANDROID = re.compile(r"values-(?:b\+)?([a-z]{2,3})(?:[-+].*)?")
_APPLE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\.lproj")
# gettext's folder of a locale's catalogs: de/LC_MESSAGES, pt_BR/LC_MESSAGES, sr@latin/...
_GETTEXT_FOLDER = re.compile(r"([a-z]{2,3})(?:_[A-Z]{2})?(?:@\w+)?")
# a language's folder in a folder of locales: a WebExtension's _locales holds nothing else;
# in the others, two letters (a project's locales/app is no language)
_LOCALE_FOLDERS = {
    "_locales": re.compile(r"([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*"),
    **dict.fromkeys(
        ("locales", "locale", "i18n", "l10n", "languages", "translations"),
        re.compile(r"([a-z]{2})(?:[-_][A-Za-z0-9]+)*"),
    ),
}
# a file named for its language, as each kind of file is: a PO catalog (de.po) and a Qt
# Linguist file by the whole name or after an underscore (app_de.ts), Java's after an underscore
# (Messages_de.properties), .NET's after a dot (Resources.de.resx), message files by the whole
# name or after a dot or an underscore (de.json, messages.de.yaml, app_de.arb); two letters
# (a three-letter word such as "new" would be taken for a language)
_CODE = r"(?P<code>[a-z]{2})(?:[-_][A-Z]{2})?"
_STEMS = {
    ".po": re.compile(_CODE),
    ".ts": re.compile(rf"(?:.*_)?{_CODE}"),
    ".properties": re.compile(rf".*_{_CODE}"),
    **dict.fromkeys((".resx", ".xaml"), re.compile(rf".*\.{_CODE}")),
    **dict.fromkeys(
        (".json", ".arb", ".yml", ".yaml", ".toml", ".ftl", ".xlf"),
        re.compile(rf"(?:.*[._])?{_CODE}"),
    ),
}


# the formats whose files name their language after the name they share, and how
_SATELLITE_SEPARATORS = {".resx": ".", ".xaml": ".", ".properties": "_"}


def path_language(path: Path, *, folder: bool = False) -> str | None:
    """The language code ``path`` (a file, or a ``folder``) names (module docstring), or None."""
    folders = path.parts if folder else path.parts[:-1]
    for index in reversed(range(len(folders))):
        if found := _language_folder_match(folders, index):
            return _known(found.group(1).lower())
    stem = None if folder else _STEMS.get(path.suffix.lower())
    if stem is not None and (found := stem.fullmatch(path.stem)):
        return _known(found.group("code"))
    return None


def _language_folder_match(
    folders: Sequence[str], index: int, *, android: bool = True
) -> re.Match[str] | None:
    """The match of ``folders[index]`` as a language's folder (module docstring), its code
    the first group: by its own name (``values-fr``, where ``android``; ``fr.lproj``), or by
    its parent's (``locales/fr``: ``folders[index - 1]``), else None."""
    part = folders[index]
    found = (_ANDROID.fullmatch(part) if android else None) or _APPLE.fullmatch(part)
    locale = _LOCALE_FOLDERS.get(folders[index - 1].lower()) if index else None
    if found is None and locale is not None:
        found = locale.fullmatch(part)
    return found


def gettext_language(path: Path) -> str | None:
    """The language of gettext's folder of ``path`` (``de/LC_MESSAGES/django.po``: ``de``,
    ``pt_BR/LC_MESSAGES``: ``pt``), or None."""
    if path.parent.name != "LC_MESSAGES":
        return None
    found = _GETTEXT_FOLDER.fullmatch(path.parent.parent.name)
    return _known(found.group(1)) if found else None


def language_folder(name: Path, folder_name: str) -> tuple[Path, str] | None:
    """The innermost folder of ``name`` (a file's path relative to the folder a run was
    given, whose own name is ``folder_name``) that is one language's in a folder of each
    language's files, with its language: i18next's ``de/common.json`` in ``locales`` is
    ``(Path("de"), "de")``, as are ``de-DE/``, ``de_DE/``, ``de.lproj/``, ``_locales/de/``
    and gettext's ``de/LC_MESSAGES/``; None where no folder of ``name`` names a language. The
    given folder's own name only tells what its folders are (``locales``): the folder given
    (``locales/en``) is the run's source, whatever its name. Android's ``values-de`` is its
    resource folder's to tell (a ``values-old`` outside one is no language's), and of three
    letters only the codes of :data:`THREE_LETTER_LOCALES` are a language's."""
    folders = (folder_name, *name.parts[:-1])
    for index in reversed(range(1, len(folders))):
        found = _language_folder_match(folders, index, android=False)
        if found is None and folders[index + 1 : index + 2] == ("LC_MESSAGES",):
            found = _GETTEXT_FOLDER.fullmatch(folders[index])
        code = found.group(1).lower() if found else ""
        language = _known(code) if len(code) == 2 or code in THREE_LETTER_LOCALES else None
        if language is not None:
            return Path(*folders[1 : index + 1]), language
    return None


def other_language_named(path: Path, language: str, *, folder: bool = False) -> str | None:
    """A warning where ``path`` (a file, or a ``folder``) names another language than
    ``language`` (the translation's), else None (:func:`_other_language`)."""
    from ltmt.language_detection import language_name

    named = _other_language(path, language, folder=folder)
    if named is None:
        return None
    return (
        f"--output {path} is named for {language_name(named)} ({named}), but the translation "
        f"is into {language_name(language)} ({language}); check --output, or --tgt-lang"
    )


def neutral_named(
    path: Path, language: str, *, source: Path | None, source_language: str
) -> str | None:
    """A warning where ``path``, a translation into ``language``, has the name of the source
    language's file in a format that names each other language's (``out/Strings.resx``, not
    ``out/Strings.de.resx``: .NET reads it as the neutral culture's, the default), else None;
    None too where ``path`` is in the target's locale folder of a tree of locales that the
    ``source`` file, in ``source_language``, is in too (:func:`mirrors_locale_folder`)."""
    from ltmt.language_detection import language_name

    named = translation_name(path, language)
    if named == path:
        return None
    if source is not None and mirrors_locale_folder(path, language, source, source_language):
        return None  # en-US/tabbrowser.properties → de/tabbrowser.properties
    return (
        f"--output {path} names no language: the app reads it as the default culture's file "
        f"(every language's fallback), not as {language_name(language)}; name it {named}"
    )


def other_language_files(
    paths: Iterable[Path], language: str, own_names: Collection[Path] = (), folder_name: str = ""
) -> list[str]:
    """Those of ``paths`` (a folder run's output files, relative to its output folder) named
    for another language than ``language``, or in Android's ``values`` (the default
    resources, the source language's), each as ``path (code)``: a folder run writes each file
    at its place, so a project's ``locales/en/common.json`` becomes ``OUT/locales/en/...``,
    and ``locales`` given itself (``folder_name``) has its ``en/common.json`` written as
    ``OUT/en/common.json`` (:func:`language_folder`). The names of ``own_names`` name no
    language (:func:`ends_in_own_name`); their folders may."""
    from ltmt.formats.common import lang_matches

    found = []
    for path in paths:
        own = path in own_names  # (only its folders may name a language)
        named = _other_language(path.parent if own else path, language, folder=own)
        in_folder = language_folder(path, folder_name) if folder_name else None
        if named is None and in_folder is not None and not lang_matches(language, in_folder[1]):
            named = in_folder[1]
        if named is not None:
            found.append(f"{path} ({named})")
        elif "values" in path.parts[:-1]:
            found.append(f"{path} (the default language)")
    return found


def satellite_language(path: Path, source_language: str) -> str | None:
    """The language the name of ``path`` (a .NET resource file or a Java bundle on disk)
    names where it is not ``source_language`` and the source-language file it translates is
    beside it (``Strings.fr.resx`` by ``Strings.resx``, ``Messages_de.properties`` by
    ``Messages.properties``): another language's translation, which a folder run skips; else
    None. Without that file, a code-like ending is the file's own name (``db_ha.properties``:
    a database's settings, not Hausa)."""
    if path.suffix.lower() not in _SATELLITE_SEPARATORS or ends_in_own_name(path):
        return None
    return _other_language(Path(path.name), source_language)


def ends_in_own_name(path: Path) -> bool:
    """Whether ``path`` (a .NET resource or Java bundle on disk) ends in what reads as a
    language code with no source-language file beside it (``db_ha.properties`` without
    ``db.properties``): the ending is part of the file's name, not its language."""
    source = source_name(path)
    return source is not None and not source.is_file()


def translation_name(path: Path, language: str) -> Path:
    """``path`` named for ``language`` where its format names each language's file so and its
    name names none (``Strings.resx`` → ``Strings.de.resx``, ``Messages.properties`` →
    ``Messages_de.properties``, Java's ``de_CH`` for ``de-CH``); else ``path`` itself, whose
    folder names its language where any does."""
    separator = _SATELLITE_SEPARATORS.get(path.suffix.lower())
    if separator is None or path_language(Path(path.name)) is not None:
        return path
    code = language.replace("-", "_") if separator == "_" else language
    return path.with_name(f"{path.stem}{separator}{code}{path.suffix}")


# the formats whose files keep their name in a tree of each locale's folders: Mozilla's
# en-US/browser/chrome/browser/tabbrowser.properties is de/browser/chrome/browser/... in German
_NAMED_BY_FOLDER = frozenset({".properties"})


def named_by_folder(path: Path, language: str) -> bool:
    """Whether ``path`` is a file that keeps its name in every locale (not Java's
    ``Messages_de.properties``) because a folder of it is named for ``language``'s locale, as
    Mozilla lays out its legacy ``.properties`` (``en-US/tabbrowser.properties`` →
    ``de/tabbrowser.properties``): a folder run's, whose source folder names the source's
    locale (a single file's output: :func:`mirrors_locale_folder`). A .NET resource is named
    for its culture wherever it is."""
    if path.suffix.lower() not in _NAMED_BY_FOLDER:
        return False
    return any(_locale_folder_of(part, language) for part in path.parts[:-1])


def mirrors_locale_folder(path: Path, language: str, source: Path, source_language: str) -> bool:
    """Whether ``path``, a translation into ``language`` of the file ``source`` in
    ``source_language``, keeps its name in a tree of each locale's folders
    (:func:`named_by_folder`): a folder of ``path`` is named for ``language``'s locale where,
    counted from the file up, a folder of ``source`` is named for ``source_language``'s
    (``en-US/browser/tabbrowser.properties`` → ``de/browser/tabbrowser.properties``). A folder
    named so alone is no locale's: a Java package ``de.acme.app`` is laid out as
    ``de/acme/app/``, its bundle still named ``Messages_de.properties``."""
    if path.suffix.lower() not in _NAMED_BY_FOLDER:
        return False
    folders, source_folders = path.parts[-2::-1], source.parts[-2::-1]  # from the file up
    return any(
        _locale_folder_of(part, language) and _locale_folder_of(source_part, source_language)
        for part, source_part in zip(folders, source_folders, strict=False)
    )


def _locale_folder_of(part: str, language: str) -> bool:
    """Whether the folder name ``part`` is a locale of ``language`` (``de``, ``de-AT`` for
    German; ``en-US`` for English): :data:`_RESW_FOLDER`."""
    from ltmt.formats.common import same_language

    found = _RESW_FOLDER.fullmatch(part)
    code = (found.group("code") or found.group("code3")) if found else None
    return code is not None and _known(code) is not None and same_language(code, language)


# UWP's folder of a locale's .resw files: a BCP 47 tag (en-US, de, zh-Hans, fil-PH) of a
# two-letter language, or of a three-letter one with a script or region: a project's src/,
# lib/, app/, res/ or api/ (each a three-letter ISO 639-3 code) is no locale's folder
_SUBTAG = r"-(?:[A-Za-z]{4}|[A-Za-z]{2}|[0-9]{3})"
_RESW_FOLDER = re.compile(
    rf"(?P<code>[a-z]{{2}})(?:{_SUBTAG})*|(?P<code3>[a-z]{{3}})(?:{_SUBTAG})+"
)


# the formats whose files are kept in a folder named for their locale: UWP's .resw, Joomla's
# language/en-GB/com_example.ini
_IN_LOCALE_FOLDERS = frozenset({".resw", ".ini"})


def resw_locale(path: Path) -> str | None:
    """The locale whose folder holds the UWP resource file or Joomla language file ``path`` (a
    path in the folder translated: ``en-US/Resources.resw`` → ``en-US``, ``en-GB/com_x.ini`` →
    ``en-GB``), or None (another format, or its folder names no locale)."""
    in_folder = path.suffix.lower() in _IN_LOCALE_FOLDERS
    found = _RESW_FOLDER.fullmatch(path.parent.name) if in_folder else None
    if found is None or _known(found.group("code") or found.group("code3")) is None:
        return None
    return path.parent.name


def resw_translation(path: Path, language: str) -> Path:
    """The UWP resource file ``path`` (a path in the folder translated) in the folder of
    ``language`` (``Strings/en-US/Resources.resw`` → ``Strings/de-DE/Resources.resw``, with
    the language's main region where the source's folder names a region: German was written
    into ``en-US/``; Joomla's legacy ``en-GB/en-GB.com_x.ini`` → ``de-DE/de-DE.com_x.ini``);
    ``path`` itself where its folder names no locale."""
    import langcodes

    named = resw_locale(path)
    if named is None:
        return path
    folder = language
    if "-" in named and "-" not in language:
        region = langcodes.Language.get(language).maximize().territory
        folder = f"{language}-{region}" if region else language
    name = path.name
    if name.startswith(f"{named}."):  # Joomla 3's en-GB.com_x.ini, named for its locale too
        name = f"{folder}.{name[len(named) + 1 :]}"
    return path.parent.with_name(folder) / name


def prefixed_source(path: Path, source: Path) -> Path | None:
    """Where Joomla 3's language file ``path`` (on disk, named for the locale of its folder:
    ``de-DE/de-DE.com_x.ini``) has its source, given ``source``, its own name's place in the
    source-language folder (``en-GB/de-DE.com_x.ini`` → ``en-GB/en-GB.com_x.ini``); None
    where its name names no locale so."""
    locale = resw_locale(path)
    if locale is None or not path.name.startswith(f"{locale}."):
        return None
    return source.with_name(source.parent.name + path.name[len(locale) :])


def source_name(path: Path) -> Path | None:
    """The name of the source-language file that ``path``, named for its language as
    :func:`translation_name` names it, translates (``Strings.de.resx`` → ``Strings.resx``,
    ``Messages_de_CH.properties`` → ``Messages.properties``), or None where it names none."""
    separator = _SATELLITE_SEPARATORS.get(path.suffix.lower())
    found = _STEMS[path.suffix.lower()].fullmatch(path.stem) if separator else None
    if found is None or _known(found.group("code")) is None:
        return None
    return path.with_name(path.stem[: found.start("code") - 1] + path.suffix)


def _other_language(path: Path, language: str, *, folder: bool = False) -> str | None:
    """The language ``path`` names where it is not ``language``; None too for a file whose
    name has ``language`` among its parts (``de.mt.po``: German, machine-translated; not
    Maltese)."""
    from ltmt.formats.common import lang_matches

    named = path_language(path, folder=folder)
    if named is None or lang_matches(language, named):
        return None
    parts = re.split(r"[._-]", path.stem.lower())
    if not folder and any(lang_matches(language, part) for part in parts if part):
        return None
    return named


def is_locale_code(code: str) -> bool:
    """Whether ``code`` is a current language code as a locale writes it (``de``, ``pt-BR``,
    ``fil``): :func:`_known`."""
    return _known(code) is not None


def _known(code: str) -> str | None:
    """``code`` where it is a current language code (not ``in``, the old code of Indonesian,
    nor one no language has), else None."""
    import langcodes

    try:
        language = langcodes.Language.get(code)
    except (ValueError, LookupError):
        return None
    if not language.is_valid() or langcodes.standardize_tag(code) != code:
        return None
    return code


def locale_code_start(path: Path) -> int | None:
    """Where the language code starts in the stem of ``path``, a file named for its language
    (``devise.en.yml`` → 7), or None where its name names none."""
    stem = _STEMS.get(path.suffix.lower())
    found = stem.fullmatch(path.stem) if stem is not None else None
    if found is None or _known(found.group("code")) is None:
        return None
    return found.start("code")
