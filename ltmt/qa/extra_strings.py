"""qa's ``extra`` check: the strings a keyed catalog's translation has that its
``--source-file`` translates none of.

A string the source marks not to translate (Android's ``translatable="false"``: ``app_name``)
or no longer has (``old_feature``) is left over, and Android lint's ExtraTranslation fails a
release build for it. The pairs hold no such string, so its reader warned of it on standard
error alone, which ``--fail-on`` and ``--json`` did not count; here it is a finding, its name
the entry's place, and the reader does not warn of it (``read_records(extras_reported=True)``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.qa.catalog_forms import FormProblem, read_against_source

if TYPE_CHECKING:
    from ltmt.formats.keyed_catalog import KeyedCatalog

_MARKED = "{mark} in {source}: delete it from this file{hint}"
_OBSOLETE = "not in {source}: delete it from this file if it is obsolete{hint}"
_SPELLED_TWICE = (
    "spells a name of {source} flat or nested otherwise, beside another spelling of it in "
    "this file; i18next reads one of the two: keep one of each"
)


def extra_problems(
    path: Path, source_file: Path, fmt: str | None = None, tgt_lang: str = "de"
) -> list[FormProblem]:
    """The strings of the translation ``path`` that ``source_file`` (a keyed catalog: Android,
    JSON, .properties ...) marks not to translate or has not, in the translation's order, as
    ``extra`` warnings; none for a folder or a file of another kind."""
    found = read_against_source(
        path, source_file, fmt, tgt_lang, lambda d, p: _problems(d, p, source_file)
    )
    return found or []


def _problems(document: KeyedCatalog, path: Path, source_file: Path) -> list[FormProblem]:
    hint = document.extra_translation_hint
    marked = _MARKED.format(mark=document.not_translatable_mark, source=source_file, hint=hint)
    obsolete = _OBSOLETE.format(source=source_file, hint=hint)
    names = document.names_only_in(document.read_translation(path))
    twice = set(document.spelled_twice(names))  # no obsolete string (a JSON file's a.b)
    spelled_twice = _SPELLED_TWICE.format(source=source_file)
    return [
        FormProblem(
            f"{path}: {name}",
            "",
            "",
            marked
            if name in document.not_translatable
            else spelled_twice
            if name in twice
            else obsolete,
            "extra",
        )
        for name in names
    ]
