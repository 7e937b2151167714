"""The locale a folder of an output's path is named as: i18next's ``public/locales/de-CH/
common.json`` (next-i18next, vue-i18n and others lay out their files so), ``de_CH/``.

The region of a target language is read from an output's name (``-o app_de_CH.arb``); a
folder run into ``locales/de-CH`` named none, so its translations were written in Germany's
German (``Größe`` for Swiss readers; trial s76). :func:`folder_locale` reads the nearest folder
of the path named wholly as a language and region (``de-CH``, ``de_CH``, ``de-ch``); a folder
named otherwise (``locales``, ``de``, ``app-CH2``) names none.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# a folder named as a locale with a region and nothing else: de-CH, de_CH, gsw-CH (anchored
# by fullmatch, no nested repetition: linear)
_LOCALE_FOLDER = re.compile(r"[a-z]{2,3}[-_][A-Za-z]{2}")


def folder_locale(path: PurePath) -> str | None:
    """The locale (``de-CH``) the nearest of ``path`` and its folders is named as, read from
    its last part up (``locales/de-CH`` and ``locales/de_CH/common.json`` → ``de-CH``), or
    None where none is."""
    for part in reversed(path.parts):
        if _LOCALE_FOLDER.fullmatch(part):
            language, region = re.split(r"[-_]", part)
            return f"{language}-{region.upper()}"
    return None
