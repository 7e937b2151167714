"""qa's word on a field in double brackets that a translation garbled (Smartling's ``[[name]]``,
:mod:`ltmt.formats.bracket_fields`): a bracket lost or added, or the name in another case
(``[[count]``, ``[[team]]]``, ``[[Name]]``). The app fills in none of them and shows the
brackets raw, or its i18n layer throws; the placeholder check would say the field is lacking
where the translation visibly has it, so the garbled copy is named with what to write."""

from __future__ import annotations

from collections import Counter

from ltmt.formats.bracket_fields import garbled_copy, is_bracket_field


def garbled_fields(lost: Counter[str], source: str, target: str) -> list[tuple[str, str]]:
    """The fields in double brackets of ``lost`` (those ``target`` lacks of ``source``'s) that
    ``target`` writes garbled, as ``(field, copy)``: ``("[[count]]", "[[count]")``; each copy
    named once."""
    named: list[tuple[str, str]] = []
    for field in [text for text in lost if is_bracket_field(text)]:
        rest = target
        for _ in range(lost[field]):
            copy = garbled_copy(field, rest, source)
            if copy is None:
                break
            named.append((field, copy))
            rest = rest.replace(copy, " ", 1)
    return named


def garbled_problem(field: str, copy: str) -> str:
    """How qa says a garbled copy of a field in double brackets."""
    return f"writes {copy} for {field}, which the app shows as text: write {field}"
