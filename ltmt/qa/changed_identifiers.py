"""qa's ``identifiers`` check: the values a keyed catalog (JSON, YAML) holds under a key of
identifiers that its translation writes otherwise than its ``--source-file``.

A game looks its dialogue lines up by their IDs (Yarn Spinner's ``"id": "line:0a1b2c"``); one
translated (``Zeile:0a1b2c``) leaves the line missing in the game (trial s77: the ids were
translated, and qa said nothing). ``ltmt translate`` copies such a value
(:func:`~ltmt.formats.machine_values.is_record_id`); an output an earlier run or a person wrote
may hold another, which the pairs do not hold (the value is no text): here it is an error, the
entry's place its name.
"""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem, read_against_source

_CHANGED = (
    "an identifier the program looks its record up by, written otherwise than in {source} "
    "({original!r}): write it as the source does"
)


def changed_identifier_problems(
    path: Path, source_file: Path, fmt: str | None = None, tgt_lang: str = "de"
) -> list[FormProblem]:
    """The values under a key of identifiers that the translation ``path`` writes otherwise
    than ``source_file`` (:meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.identifiers_changed`),
    in the source's order, as ``identifiers`` errors; none for a folder or a file of another
    kind."""
    found = read_against_source(
        path, source_file, fmt, tgt_lang, lambda document, p: document.identifiers_changed(p)
    )
    return [
        FormProblem(
            f"{path}: {name}",
            source,
            target,
            _CHANGED.format(source=source_file, original=source),
            "identifiers",
            no_pair=True,
        )
        for name, (source, target) in (found or {}).items()
    ]
