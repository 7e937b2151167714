"""The locale of a Flutter ARB file, as ``gen-l10n`` reads it: its ``@@locale``, spelt with
underscores (``de_CH``), which must agree with the locale its name ends in (``app_de_CH.arb``:
``gen-l10n`` refuses a file where they differ).

A translation's ``@@locale`` is the target language in that spelling, its region (or script)
taken from the output's name where ``--tgt-lang`` gives none (``-o app_de_CH.arb`` with
``--tgt-lang de`` → ``de_CH``); where the two name different locales, the target language's is
written, with a warning (:func:`arb_locale`). An existing translation whose ``@@locale`` is
another language is not continued (:func:`check_target_locale`), and a folder run skips an ARB
file of another locale than the source language's: a translation, not a source
(:func:`translation_not_source`).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import primary_language, same_language

logger = logging.getLogger(__name__)

# the locale an ARB file's name ends in, after the template's prefix and an underscore
# (``app_de_CH.arb``, ``intl_zh_Hant_TW.arb``) or as the whole name (``de.arb``)
_NAMED_LOCALE = re.compile(r"(?:^|_)([a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|\d{3}))?)$")


def arb_spelling(language: str) -> str:
    """``language`` as ARB spells a locale: ``de-CH`` → ``de_CH``."""
    return language.replace("-", "_")


def named_locale(path: Path) -> str | None:
    """The locale the ARB file name ``path`` ends in (``app_de_CH.arb`` → ``de_CH``), or
    None."""
    found = _NAMED_LOCALE.search(path.stem)
    return found.group(1) if found else None


def arb_locale(language: str, output: Path | None) -> str:
    """The ``@@locale`` of a translation into ``language`` written to ``output`` (None: not
    known): ``language`` in ARB's spelling, with the region of the locale ``output``'s name
    ends in where ``language`` is that locale's language without one; a warning where the
    two name different locales of one language (another language's name is warned of for
    every format, by ``ltmt translate``)."""
    locale = arb_spelling(language)
    named = named_locale(output) if output is not None else None
    if named is None or named == locale:
        return locale
    if named.split("_")[0] != locale.split("_")[0]:
        return locale
    if "_" not in locale:
        return named
    logger.warning(
        "%s: the file name says locale %s, but the translation is into %s: wrote "
        '"@@locale": "%s", which Flutter\'s gen-l10n refuses in this file; rename the file '
        "or give --tgt-lang %s",
        output,
        named,
        locale,
        locale,
        named.replace("_", "-"),
    )
    return locale


def check_target_locale(target: Path, data: dict[str, Any], language: str) -> None:
    """Raise where the existing translation ``target`` (its JSON ``data``) says it holds
    another language than ``language``, the translation's (``"@@locale": "fr"`` in
    ``app_de.arb``): continuing it would relabel French strings as German."""
    from ltmt.language_detection import language_name

    locale = data.get("@@locale")
    if not isinstance(locale, str) or same_language(locale, language):
        return
    raise InputError(
        f'{target} holds "@@locale": "{locale}" ({language_name(primary_language(locale))}), '
        f"not {language_name(primary_language(language))}: write the translation into "
        f"{language} to another file, or give --tgt-lang {locale.replace('_', '-')} to update "
        "this one"
    )


def file_locale(path: Path) -> str | None:
    """The locale of the ARB file ``path``: its ``@@locale``, else the one its name ends in
    (:func:`named_locale`), else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        data = None
    locale = data.get("@@locale") if isinstance(data, dict) else None
    return locale if isinstance(locale, str) else named_locale(path)


def translation_not_source(path: Path, source_language: str) -> str:
    """Why a folder run skips the ARB file ``path``: its locale is not ``source_language``,
    so it is a translation of the folder's template, not a source (``app_de.arb`` beside
    ``app_en.arb``); "" where it is none."""
    if path.suffix.lower() != ".arb":
        return ""
    locale = file_locale(path)
    if locale is None or same_language(locale, source_language):
        return ""
    return f"{path.name}: {locale}"
