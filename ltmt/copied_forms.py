"""The SmartFormat forms a translation left as in the source (:mod:`ltmt.formats.smart_format`):
``Hole {count} {count:plural:gem|gems}`` translated the sentence but shipped the plural's forms
in English, which neither the run's summary nor ``ltmt qa`` named (they compare whole
sentences). :func:`copied_forms` names such forms for both.
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.formats.smart_format import Expression, expressions
from ltmt.units import meant_as_written

_WORD = re.compile(r"[^\W\d_]{2,}")


def copied_forms(source: str, target: str) -> list[str]:
    """The forms of ``target``'s SmartFormat expressions written as the source's expression of
    the same head has them at the same place (its condition aside), each with a word outside
    its placeholders and not one name (:func:`ltmt.units.meant_as_written`: ``Trackly``); none
    where ``target`` is ``source`` whole (a copy the summary and qa name as such)."""
    if target.strip() == source.strip():
        return []
    pending: dict[str, list[Expression]] = {}
    for expression in expressions(source):
        pending.setdefault(expression.head, []).append(expression)
    copies = []
    for expression in expressions(target):
        if not pending.get(expression.head):
            continue
        original = pending[expression.head].pop(0)
        if len(original.forms) != len(expression.forms):
            continue  # the plurals check's to report
        for form, wanted in zip(expression.to_translate, original.to_translate, strict=True):
            words = without_placeholders(wanted)
            if (
                form.strip() == wanted.strip()
                and _WORD.search(words)
                and not meant_as_written(words.strip())
            ):
                copies.append(form.strip())
    return copies
