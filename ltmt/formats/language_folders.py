"""A folder of each language's folders (i18next's ``locales/en`` beside ``locales/de``,
``en.lproj`` beside ``de.lproj``, gettext's ``en/LC_MESSAGES``): which of its folders is the
source language's and which the target's, for the command that translates one into the other
(a folder run over the whole of it takes only the source language's files:
:func:`~ltmt.formats.path_languages.language_folder`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ltmt.formats.common import same_language
from ltmt.formats.path_languages import language_folder
from ltmt.paths import resolved


def language_folder_pair(
    folder: Path, skipped: Sequence[Path], src: str, tgt: str
) -> tuple[Path, Path] | None:
    """The ``src`` language's folder and the ``tgt`` language's beside it, as ``folder``
    (the folder a run was given) names them (``locales/en``, ``locales/de``), of the first of
    ``skipped`` (files of ``folder`` in other languages' folders) whose folder has both beside
    it; None where none has."""
    folder_name = resolved(folder).name
    for path in skipped:
        named = language_folder(path.relative_to(folder), folder_name)
        if named is None or not same_language(named[1], tgt):
            continue
        target = folder / named[0]
        source = _language_sibling(folder, target, src)
        if source is not None:
            return source, target
    return None


def _language_sibling(folder: Path, language_dir: Path, language: str) -> Path | None:
    """The folder beside ``language_dir`` (a language's folder under ``folder``) that is
    ``language``'s, the first by name, or None."""
    folder_name = resolved(folder).name
    for sibling in sorted(language_dir.parent.iterdir()):
        if not sibling.is_dir() or sibling == language_dir:
            continue
        named = language_folder(sibling.relative_to(folder) / "_", folder_name)
        # the sibling itself names the language, not a folder above it (locales/app/en)
        if named is not None and folder / named[0] == sibling and same_language(named[1], language):
            return sibling
    return None
