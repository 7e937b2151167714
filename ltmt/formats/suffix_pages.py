"""Markdown pages that keep every language's page in one folder, each translation named for its
locale before the extension: MkDocs Material's i18n plugin's suffix layout (``docs_structure:
suffix``), ``index.md`` (the default language's, named for no locale) beside ``index.de.md``
and ``index.fr.md``.

``ltmt translate docs -o docs`` translates each page named for no locale (or the source
language's) into the target locale's name beside it (:func:`translation_page`), where the
folder holds no message files named for their locale (:mod:`~ltmt.formats.locale_files`);
``ltmt qa docs`` and ``ltmt memory import docs`` pair ``index.de.md`` with ``index.md``
(:func:`source_pages`).
"""

from __future__ import annotations

import glob
import re
from pathlib import Path

_MARKDOWN = frozenset({".md", ".markdown"})
# a locale after the page's name: two letters (a three-letter word such as "new" or "old" is
# no locale here), a region or script after a hyphen or an underscore (pt-BR, zh_TW)
_LOCALE = re.compile(r".+\.(?P<locale>[a-z]{2}(?:[-_][A-Za-z]{2,4})?)")
# a locale alone (the part after a page's base name and its dot: how.to.de.md is how.to's)
_CODE = re.compile(r"[a-z]{2}(?:[-_][A-Za-z]{2,4})?")


def is_markdown(path: Path) -> bool:
    """Whether ``path`` is a Markdown page (``.md``, ``.markdown``)."""
    return path.suffix.lower() in _MARKDOWN


def page_locale(path: Path) -> str | None:
    """The locale that the name of the Markdown page ``path`` gives before its extension, as a
    language tag (``index.de.md``: ``de``, ``index.pt_BR.md``: ``pt-BR``, where ``index.md`` or
    another language's ``index.*.md`` is beside it, or the code is ``en``); None where it gives
    none (``index.md``, ``notes.v2.md``, ``how.to.md`` alone) or ``path`` is no Markdown page."""
    from ltmt.formats.path_languages import is_locale_code

    found = _LOCALE.fullmatch(path.stem) if is_markdown(path) else None
    if found is None:
        return None
    locale = found.group("locale").replace("_", "-")
    if not is_locale_code(locale.split("-")[0]):
        return None
    # a page's name that merely ends in a code (how.to.md, socket.io.md, node.js.md) names no
    # locale: one does where the page it translates, or another language's, is beside it
    base = path.stem[: found.start("locale") - 1]
    beside_it = path.parent.glob(f"{glob.escape(base)}.*{glob.escape(path.suffix)}")
    siblings = [path.with_name(f"{base}{path.suffix}"), *beside_it]
    beside = any(
        other != path and (other.stem == base or _CODE.fullmatch(other.stem[len(base) + 1 :]))
        for other in siblings
        if other.is_file()
    )
    return locale if beside or locale == "en" else None


def translation_page(path: Path, language: str) -> Path:
    """The name of the translation into ``language`` of the Markdown page ``path`` beside it:
    ``index.md`` and ``index.en.md`` → ``index.de.md``."""
    return path.with_name(f"{_base_stem(path)}.{language}{path.suffix}")


def source_pages(path: Path, source_language: str) -> list[Path]:
    """The names the page that the Markdown page ``path``, named for a locale, translates may
    have (``index.de.md`` → ``index.md``, else ``index.en.md``); none where ``path`` names no
    locale."""
    if page_locale(path) is None:
        return []
    base = path.with_name(f"{path.stem.rsplit('.', 1)[0]}{path.suffix}")  # page_locale's once
    return [base, base.with_name(f"{base.stem}.{source_language}{base.suffix}")]


def _base_stem(path: Path) -> str:
    """The stem of ``path`` without the locale its name gives (``index.de.md``: ``index``)."""
    return path.stem.rsplit(".", 1)[0] if page_locale(path) is not None else path.stem
