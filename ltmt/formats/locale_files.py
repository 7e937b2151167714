"""Message files that name their locale and keep every language's file in one folder beside
the source language's: Rails' ``config/locales/en.yml`` beside ``de.yml`` (``devise.en.yml``
beside ``devise.de.yml``), Flutter's ``lib/l10n/app_en.arb`` beside ``app_de.arb``, and Java's
``messages.properties`` (the base bundle, the source language's, or ``messages_en.properties``)
beside ``messages_de.properties``; go-i18n's and i18next's ``active.en.json`` and ``en.json``
beside ``active.de.json`` and ``de.json`` (a locale as a whole part of the name: ``package.json``
names none); .NET's ``Strings.resx`` (named for no locale, the source language's, or
``SharedResource.en.resx``) beside ``Strings.de.resx``.

A folder run into its own folder (``ltmt translate config/locales -o config/locales``)
translates each source-language file into the name of the target locale beside it
(:func:`beside_name`), and ``ltmt qa`` pairs a translation with the source-language file it
translates by the same naming (:func:`source_names`). Spring's ``application.properties``
(configuration, not messages) is no message file (:func:`is_spring_config`).
"""

from __future__ import annotations

import re
from pathlib import Path

# the formats whose files name their locale beside the others', and how a locale is spelt
_SEPARATORS = {
    ".yml": "-",
    ".yaml": "-",
    ".toml": "-",
    ".json": "-",
    ".arb": "_",
    ".properties": "_",
    ".resx": "-",
}
# the formats whose files may be rooted in their locale's key (Rails' en.yml holds en:)
_ROOTED = frozenset({".yml", ".yaml"})
# the formats whose source-language file may be named for no locale (Java's base bundle
# messages.properties, .NET's Strings.resx), each translation named after it
_BASE_NAMED = frozenset({".properties", ".resx"})
# Spring Boot's configuration: application.properties, application-dev.properties
# Spring reads application.properties and application-PROFILE.properties (bootstrap's alike), in
# small letters and named for no locale: Application.properties, application_messages.properties
# and application_de.properties are bundles of messages
_SPRING_CONFIG = re.compile(r"(?:application|bootstrap)(?:-[^_.]+)?\.properties")


def names_locale(path: Path) -> bool:
    """Whether ``path`` is of a format whose files are named for their locale (module
    docstring), Spring's configuration left out."""
    return path.suffix.lower() in _SEPARATORS and not is_spring_config(path)


def is_spring_config(path: Path) -> bool:
    """Whether ``path`` is Spring Boot's configuration (``application.properties``,
    ``application-dev.properties``), not a bundle of messages."""
    return _SPRING_CONFIG.fullmatch(path.name) is not None


def file_locale(path: Path, source_language: str) -> str | None:
    """The locale of the message file ``path`` (on disk): the one its name ends in (an ARB
    file's ``@@locale`` first), ``source_language`` for Java's base bundle (named for none),
    None where it cannot be told (``config.yml``)."""
    from ltmt.formats import arb_locale
    from ltmt.formats.path_languages import path_language

    if path.suffix.lower() == ".arb":
        return arb_locale.file_locale(path)
    code = path_language(Path(path.name))
    if path.suffix.lower() not in _BASE_NAMED:
        return code if code is not None and _names_its_locale(path, code, source_language) else None
    return source_language if code is None or _own_name(path) else code


def _names_its_locale(path: Path, code: str, source_language: str) -> bool:
    """Whether the code that the name of the YAML or JSON message file ``path`` ends in
    (``de.yml``, ``config.no.json``, ``is.json``) is its locale, not a word of its name: its
    root key says so where it has one (Rails' ``it.yml`` rooted in ``en:`` is English), and
    it is the source language's or the source language's file of its naming is beside it
    (``fr.json`` by ``en.json``; ``is.json`` alone is a file of its own), rooted alike."""
    from ltmt.formats.common import same_language
    from ltmt.formats.yaml_language_roots import root_locale

    rooted = path.suffix.lower() in _ROOTED
    root = root_locale(path) if rooted else None
    if root is not None:
        return same_language(root, code)
    if same_language(code, source_language):
        return True
    source = beside_name(path, source_language)
    return source.is_file() and not (rooted and root_locale(source) is not None)


def base_named(path: Path) -> bool:
    """Whether ``path`` is of a format whose source-language file may be named for no locale
    (Java's ``messages.properties``, .NET's ``Strings.resx``)."""
    return path.suffix.lower() in _BASE_NAMED


def written_locale(path: Path) -> str | None:
    """The locale the name of the message file ``path`` writes, region and all, as a language
    tag (``en-GB.yml`` and ``app_en_GB.arb``: ``en-GB``; ``messages_de_CH.properties``:
    ``de-CH``); None where it writes none (Java's base bundle, ``config.yml``)."""
    from ltmt.formats.arb_locale import named_locale
    from ltmt.formats.path_languages import source_name

    suffix = path.suffix.lower()
    if suffix == ".arb":
        written = named_locale(path)
    elif suffix in _BASE_NAMED:
        base = source_name(path)
        written = None if base is None else path.stem[len(base.stem) + 1 :]
    else:
        start = _code_start(path)
        written = path.stem[start:] if start < len(path.stem) else None
    return written.replace("_", "-") if written else None


def other_locale(path: Path, source_language: str, target_language: str) -> str | None:
    """The locale the message file or Markdown page ``path`` (on disk) is named for where it
    is neither the source nor the target language's (``messages_fr.properties`` or
    ``index.fr.md`` of a German import): a translation into another language, no pair of the
    two (:func:`file_locale`); else None."""
    from ltmt.formats.common import lang_matches
    from ltmt.formats.suffix_pages import page_locale

    # a Markdown page named for its locale (MkDocs' index.fr.md) alike
    locale = file_locale(path, source_language) if names_locale(path) else page_locale(path)
    if locale is None or any(
        lang_matches(lang, locale) for lang in (source_language, target_language)
    ):
        return None
    return locale


def _own_name(path: Path) -> bool:
    """Whether the code-like ending of the Java bundle or .NET resource ``path`` is part of its
    name (``db_ha.properties``): no base bundle and no other language's file of its name beside
    it (``SharedResource.fr.resx`` beside ``SharedResource.en.resx`` is French)."""
    from ltmt.formats.path_languages import ends_in_own_name, source_name

    base = source_name(path)
    if base is None or not ends_in_own_name(path):
        return False
    return not any(
        other != path and source_name(other) == base
        for other in path.parent.glob(f"{base.stem}?*{path.suffix}")
    )


def beside_name(path: Path, language: str) -> Path:
    """The name of the translation into ``language`` of the message file ``path`` beside it:
    ``en.yml`` → ``de.yml``, ``devise.en.yml`` → ``devise.de.yml``, ``app_en.arb`` →
    ``app_de.arb``, ``messages.properties`` and ``messages_en.properties`` →
    ``messages_de.properties`` (a region as each format spells it: ``de-CH.yml``,
    ``app_de_CH.arb``)."""
    from ltmt.formats.arb_locale import named_locale
    from ltmt.formats.path_languages import source_name, translation_name

    suffix = path.suffix.lower()
    code = language.replace("-", _SEPARATORS[suffix])
    if suffix in _BASE_NAMED:
        return translation_name(source_name(path) or path, language)
    if suffix == ".arb":
        locale = named_locale(path)
        stem = path.stem[: -len(locale)] if locale else f"{path.stem}_"
        return path.with_name(f"{stem}{code}{path.suffix}")
    start = _code_start(path)
    return path.with_name(f"{path.stem[:start]}{code}{path.suffix}")


def source_names(path: Path, source_language: str) -> list[Path]:
    """The names the source-language file that the message file ``path``, named for another
    locale, may have (``de.yml`` → ``en.yml``, ``app_de.arb`` → ``app_en.arb``,
    ``messages_de.properties`` → Java's base bundle ``messages.properties``, else
    ``messages_en.properties``); none where ``path`` names no locale."""
    from ltmt.formats.arb_locale import named_locale
    from ltmt.formats.path_languages import path_language, source_name

    suffix = path.suffix.lower()
    if not names_locale(path):
        return []
    if suffix in _BASE_NAMED:
        base = source_name(path)
        return [] if base is None else [base, beside_name(base, source_language)]
    named = named_locale(path) if suffix == ".arb" else path_language(Path(path.name))
    return [beside_name(path, source_language)] if named else []


def _code_start(path: Path) -> int:
    """Where the locale starts in the stem of ``path`` (a YAML file named for one)."""
    from ltmt.formats.path_languages import locale_code_start

    start = locale_code_start(path)
    return len(path.stem) if start is None else start
