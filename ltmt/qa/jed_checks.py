"""qa's check of a Jed file's plural messages (``wp i18n make-json``): a form left empty
beside a translated first form, which WordPress shows in English for the counts that take it.
The pairs the checks read hold each message's first form alone, so it was in none of them
(WordPress trial s76: ``"%d guest":["%d Gast",""]`` passed)."""

from __future__ import annotations

from pathlib import Path

from ltmt.errors import LtmtError
from ltmt.formats.registry import find_format
from ltmt.qa.catalog_forms import FormProblem


def jed_form_problems(path: Path, fmt: str | None = None) -> list[FormProblem]:
    """The plural messages of the Jed file ``path`` with an empty form beside a translated
    first one (:func:`ltmt.formats.jed.forms_left_empty`); none for a folder or a file of
    another format."""
    from ltmt.formats.jed import forms_left_empty

    if path.is_dir() or find_format(path, fmt, role="read").name != "json":
        return []
    try:
        found = forms_left_empty(path)
    except LtmtError:  # not JSON: its reader says so for the pairs
        return []
    return [
        FormProblem(
            position,
            source,
            target,
            f"leaves {'form' if len(empty) == 1 else 'forms'} {', '.join(map(str, empty))} "
            "empty: WordPress shows the English plural for the counts that take "
            f"{'it' if len(empty) == 1 else 'them'} (translate the plural in the .po and run "
            "wp i18n make-json again)",
        )
        for position, source, target, empty in found
    ]
