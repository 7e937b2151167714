"""The language an output's path names, the way localisation projects lay out their files:
Android's ``values-fr`` (``values-fr-rCA``, ``values-b+fr``), Apple's ``fr.lproj``, a WebExtension's
``_locales/fr``, and a catalog file named for its language (``fr.json``, ``Messages_fr.properties``,
``messages.fr.yaml``, ``app_fr.ts``). A translation written under another language's name is
loaded by the app for that language's users, so ``ltmt translate`` warns of it
(:func:`other_language_named`).
"""

from __future__ import annotations

import re
from pathlib import Path

_ANDROID = re.compile(r"values-(?:b\+)?([a-z]{2,3})(?:[-+].*)?")
_APPLE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\.lproj")
_LOCALES = re.compile(r"([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*")  # under _locales
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
    ".resx": re.compile(rf".*\.{_CODE}"),
    **dict.fromkeys(
        (".json", ".arb", ".yml", ".yaml", ".ftl", ".xlf"), re.compile(rf"(?:.*[._])?{_CODE}")
    ),
}


def path_language(path: Path, *, folder: bool = False) -> str | None:
    """The language code ``path`` (a file, or a ``folder``) names (module docstring), or None."""
    for part in reversed(path.parts if folder else path.parts[:-1]):
        found = _ANDROID.fullmatch(part) or _APPLE.fullmatch(part)
        if found:
            return _known(found.group(1).lower())
    locale = path if folder else path.parent
    if locale.parent.name == "_locales" and (found := _LOCALES.fullmatch(locale.name)):
        return _known(found.group(1))
    stem = None if folder else _STEMS.get(path.suffix.lower())
    if stem is not None and (found := stem.fullmatch(path.stem)):
        return _known(found.group("code"))
    return None


def other_language_named(path: Path, language: str, *, folder: bool = False) -> str | None:
    """A warning where ``path`` (a file, or a ``folder``) names another language than
    ``language`` (the translation's), else None. A file whose name has the translation's
    language among its parts is taken for it (``de.mt.po``: German, machine-translated; not
    Maltese)."""
    from ltmt.formats.common import lang_matches
    from ltmt.language_detection import language_name

    named = path_language(path, folder=folder)
    if named is None or lang_matches(language, named):
        return None
    parts = re.split(r"[._-]", path.stem.lower())
    if not folder and any(lang_matches(language, part) for part in parts if part):
        return None
    return (
        f"--output {path} is named for {language_name(named)} ({named}), but the translation "
        f"is into {language_name(language)} ({language}); check --output, or --tgt-lang"
    )


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
