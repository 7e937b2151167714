"""The attributes of a Fluent file's ``--source-file`` that its translation lacks.

Fluent falls back to the source language message by message, not attribute by attribute: a
German ``menu-pin`` without the English ``.accesskey`` gives its menu item no access key in the
German build (compare-locales reports the missing attribute). An attribute that is a string
(``.label``, ``.tooltiptext``) is named as a missing message already
(:func:`ltmt.qa.catalog_forms.missing_messages`); this names the others: access keys, which
are chosen, not translated, and the copied ones (``.style``, ``.width``). A term's attributes
are the target language's grammar, its translator's to set, and a message the translation
lacks whole is named as missing already: neither is read.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ltmt.formats.registry import find_format
from ltmt.qa.catalog_forms import FormProblem

_LACKS = (
    "the translation of this message lacks the source's .{name} ({source}): Fluent takes none "
    "from the source's message, so the element has none; add it, or rerun ltmt translate into "
    "this file"
)


def attributes_missing(path: Path, source_file: Path) -> list[tuple[str, str]]:
    """``(message id, attribute name)`` of each attribute of a message of the Fluent file
    ``source_file`` that the same message of its translation ``path`` lacks, in the source's
    order."""
    from fluent.syntax import ast

    from ltmt.formats.fluent import parsed

    def messages(resource: object) -> dict[str, ast.Message]:
        body = getattr(resource, "body", [])
        return {e.id.name: e for e in body if isinstance(e, ast.Message)}

    translated = messages(parsed(path))
    found = []
    for name, message in messages(parsed(source_file)).items():
        theirs = translated.get(name)
        if theirs is None:
            continue
        have = {a.id.name for a in theirs.attributes}
        found += [(name, a.id.name) for a in message.attributes if a.id.name not in have]
    return found


def attribute_problems(
    path: Path, source_file: Path, reported: Collection[str] = (), fmt: str | None = None
) -> list[FormProblem]:
    """:func:`attributes_missing` of the Fluent file ``path`` as ``missing`` problems, but those
    ``reported`` already (missing strings' keys: ``menu.label``); none for a folder or a file of
    another format."""
    if path.is_dir() or source_file.is_dir() or find_format(path, fmt, role="read").name != "ftl":
        return []
    return [
        FormProblem(
            f"{path}: {message}.{name}",
            "",
            "",
            _LACKS.format(name=name, source=source_file),
            "missing",
        )
        for message, name in attributes_missing(path, source_file)
        if f"{message}.{name}" not in reported
    ]
