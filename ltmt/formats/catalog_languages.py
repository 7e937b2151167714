"""The target language a PO or XLIFF catalog is for, as its tools tell it: a PO catalog's
``Language`` header or gettext's ``de/LC_MESSAGES`` folder, an XLIFF file's
``target-language`` (2.0: ``trgLang``), else the language its name or folder names
(``messages.de.xlf``). A catalog that declares none (Angular's ``messages.xlf``, source-language
``en-US`` and no target) is the source language's template, not a translation to fill in place.
"""

from __future__ import annotations

from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.registry import FORMATS

_PO = frozenset({".po"})  # not a .pot: a template by its name
_XLIFF = frozenset(FORMATS["xliff"].extensions)


def catalog_language(path: Path) -> str | None:
    """The target language the PO or XLIFF catalog ``path`` (on disk) declares or its path
    names (module docstring); None where neither says one."""
    from ltmt.formats.path_languages import gettext_language, path_language

    suffix = path.suffix.lower()
    declared = ""
    if suffix in _PO:
        from ltmt.formats.po import load_po

        declared = load_po(path).gettargetlanguage() or ""
    elif suffix in _XLIFF:
        from ltmt.formats.xliff import declared_languages, load_xliff

        tree, version = load_xliff(path)
        declared = next((tgt for _, _, tgt in declared_languages(tree, version) if tgt), "")
    return declared or gettext_language(path) or path_language(path)


def is_template(path: Path) -> bool:
    """Whether ``path`` is a PO or XLIFF catalog that declares no target language and whose
    path names none: the source language's template (``messages.xlf``), which a folder run
    into itself leaves as it is. A file that cannot be read is none: its run says why."""
    if path.suffix.lower() not in _PO | _XLIFF:
        return False
    try:
        return catalog_language(path) is None
    except InputError:
        return False
