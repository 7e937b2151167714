"""A Fluent translation whose pattern selects otherwise than its source's: a locale's own
select, which Fluent allows (:mod:`ltmt.formats.fluent`).

A German translation may add a plural the English lacks (``closing = Close { $count } tabs?``
→ ``{ $count -> [one] Einen Tab schließen? *[other] { $count } Tabs schließen? }``), select on
a term's grammar (``{ -brand-short-name.gender -> ... }``), drop the source's plural, or nest
one select in another. Read case by case, such a translation lacks the source's cases, so it
looked untranslated: a rerun replaced it with the model's, ``qa``
called it missing and an import passed over it without a word. It is the translator's: a run
keeps it as written, an import stores no pair of it (which variant translates the source cannot
be told) and counts it, and ``ltmt qa`` checks each of its variants against the source's text
for it (:func:`variants_checked`).
"""

from __future__ import annotations

from typing import Any

from ltmt.formats.fluent_patterns import Expansion, Slots, Unsupported, expand, variant_key


def selects_otherwise(source: Expansion, pattern: Any) -> bool:
    """Whether the translated ``pattern`` selects otherwise than its source, taken apart as
    ``source`` (for the target language): it lacks one of the source's cases and selects on
    something else (a plural the source has not, a select on a term's gender, none where the
    source has one), or it cannot be taken apart (a select inside a select). A translation
    with each of the source's cases (and more: ``[0]``) is read case by case; so is one that
    lacks a case of the same select, whose missing case is translated (the source gained it)."""
    try:
        theirs = expand(pattern)
    except Unsupported:
        return True
    if set(source.cases) <= set(theirs.cases):
        return False
    return _selector(source) != _selector(theirs)


def _selector(expansion: Expansion) -> str | None:
    """What ``expansion``'s select selects on, as Fluent writes it; None without a select."""
    from fluent.syntax.serializer import serialize_expression

    select = expansion.select
    return None if select is None else str(serialize_expression(select.selector))


def variants_checked(
    source: Any, translation: Any
) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Each variant of the ``translation`` pattern (by key, ``""`` for a pattern without a
    select; the default's first) with the source's text it is checked against: the source
    pattern's variant of the same key, else its default's (its text, without a select), both
    as the model sees them; and each placeholder's placeable as the file writes it. A plural's
    count (the translation's, else the source's) is ``%d`` on both sides, as a plural's form
    is checked (the form for one may leave it out). Raises :class:`Unsupported` where either
    has a select inside a select, or two."""
    theirs, ours = expand(translation), expand(source)
    plural = theirs if theirs.kind == "plural" else ours if ours.kind == "plural" else None
    slots = Slots(count=plural.select.selector if plural is not None else None)
    sources = _sentences(source, slots)
    default = next(iter(sources.values()))
    checked = {
        key: (sources.get(key, default), text)
        for key, text in _sentences(translation, slots).items()
    }
    return checked, slots.written()


def _sentences(pattern: Any, slots: Slots) -> dict[str, str]:
    """Each whole sentence ``pattern`` can show, by variant key (the default's first), as
    :meth:`Slots.text` gives it the model."""
    from fluent.syntax import ast

    elements = list(pattern.elements)
    where = next(
        (
            i
            for i, element in enumerate(elements)
            if isinstance(element, ast.Placeable)
            and isinstance(element.expression, ast.SelectExpression)
        ),
        None,
    )
    if where is None:
        return {"": slots.text(elements)}
    before, after = elements[:where], elements[where + 1 :]
    variants = sorted(elements[where].expression.variants, key=lambda v: not v.default)
    return {variant_key(v): slots.text(before + list(v.value.elements) + after) for v in variants}
