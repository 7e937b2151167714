"""qa's checks of an Android ``strings.xml`` translation that its pairs do not show.

What aapt2 rejects and what ``Resources`` throws or never shows: a string with an unescaped
apostrophe (``prüf' die``: aapt2 rejects the whole file, an ``android`` error); a
``<plurals>`` without its ``other`` form (``getQuantityString`` throws for the counts that take
it, a ``plurals`` error), with a form the language does not use (German's ``few``: never
shown, a note), or whose ``one`` and ``other`` forms are one text (the count's form never
changes, a note; not said of German alike in the plural,
:func:`~ltmt.qa.invariant_plurals.german_invariant`); a ``<string-array>`` with fewer items
than its source's (an app that reads an item past its end crashes, an ``android`` error).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.findings import Severity
from ltmt.qa.invariant_plurals import german_invariant
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.formats.android import Resource

_APOSTROPHE = "has an unescaped apostrophe, which aapt2 rejects (the app does not build): write \\'"
_NO_OTHER = (
    "has no other form: getQuantityString throws for the counts that take it; add "
    '<item quantity="other">'
)
_UNUSED = "has a {tag} form, which {language} does not use: Android never shows it; remove it"
_SAME = "its one and other forms are the same text: translate each for its count"
_FEWER = "has {have} where {source} has {wanted}: an app that reads the missing ones crashes"


def android_problems(
    path: Path, fmt: str | None = None, source_file: Path | None = None, tgt_lang: str = "de"
) -> list[FormProblem]:
    """The problems of the Android file ``path`` (module docstring); its arrays are compared
    with ``source_file``'s where one is given. Another format, or a folder: none."""
    from ltmt.formats.android import resources
    from ltmt.formats.plurals import plural_tags
    from ltmt.formats.registry import find_format

    if path.is_dir() or find_format(path, fmt, role="read").name != "android":
        return []
    tags = plural_tags(tgt_lang)
    arrays = {}
    if source_file is not None and not source_file.is_dir():
        arrays = {r.name: len(r.items) for r in resources(source_file) if r.kind == "string-array"}
    return [
        FormProblem(
            f"{path}: {resource.name}",
            "",
            next(iter(resource.items.values()), ""),
            message,
            check,
            severity,
        )
        for resource in resources(path)
        for message, check, severity in _problems(
            resource, tags, tgt_lang, arrays.get(resource.name), source_file
        )
    ]


def _problems(
    resource: Resource,
    tags: tuple[str, ...],
    language: str,
    wanted: int | None,
    source_file: Path | None,
) -> list[tuple[str, str, Severity | None]]:
    """What is wrong with one ``resource`` (module docstring): each message, its check and
    its severity where not the check's. ``wanted``: the items of the source's array of its
    name, where there is one."""
    found: list[tuple[str, str, Severity | None]] = []
    if resource.apostrophe:
        found.append((_APOSTROPHE, "android", None))
    if resource.kind == "plurals":
        if "other" not in resource.items:
            found.append((_NO_OTHER, "plurals", None))
        found += [
            (_UNUSED.format(tag=tag, language=language), "plurals", "note")
            for tag in resource.items
            if tag not in tags
        ]
        one = resource.items.get("one")
        if one and one == resource.items.get("other") and not german_invariant(one):
            found.append((_SAME, "plurals", "note"))
    if resource.kind == "string-array" and wanted is not None and len(resource.items) < wanted:
        have, want = counted(len(resource.items), "item"), counted(wanted, "item")
        found.append((_FEWER.format(have=have, source=source_file, wanted=want), "android", None))
    return found
