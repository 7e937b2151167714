"""qa's word on a field in double brackets that a translation garbled (Smartling's ``[[name]]``,
:mod:`ltmt.formats.bracket_fields`): a bracket lost or added, or the name in another case
(``[[count]``, ``[[team]]]``, ``[[Name]]``). The app fills in none of them and shows the
brackets raw, or its i18n layer throws; the placeholder check would say the field is lacking
where the translation visibly has it, so the garbled copy is named with what to write.

A one-word field in small letters that the translation writes as a capitalised word's link
(``[[Hilfe]]`` for ``[[help]]``) is a wiki's link localised, as MediaWiki's translators do
(:mod:`ltmt.formats.wiki_links`; trial s74: ``ltmt qa`` failed a correct wiki translation on
it), or a Smartling field renamed, which the app would not fill in: not lacking for the
``placeholders`` check (:func:`localised_links`), a warning of the ``addresses`` check
(:func:`localised_link_problems`), but in a wiki's text, whose links are all localised."""

from __future__ import annotations

from collections import Counter

from ltmt.formats.bracket_fields import garbled_copy, is_bracket_field
from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.formats.wiki_links import (
    double_bracketed,
    is_link_word,
    is_localised_link,
    is_wiki_text,
)


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


def localised_links(source: str, target: str) -> list[tuple[str, str]]:
    """The one-word fields in small letters of ``source`` (``[[help]]``) that ``target`` lacks
    and writes as a capitalised word's link instead (``[[Hilfe]]``), as ``(field, link)``, paired
    in the order each text writes them; not a field ``target`` writes garbled, nor a link
    ``source`` writes too or of a name of ``source``'s in another case (``[[Help]]`` for
    ``[[help]]``, ``[[Name]]`` beside it: garbled copies, :func:`garbled_fields`)."""
    if "[[" not in source or "[[" not in target:
        return []
    lost = [
        p.text for p in find_placeholders(source) if p.kind == "bracket" and is_link_word(p.text)
    ]
    for written in double_bracketed(target):
        if written in lost:
            lost.remove(written)
    lost = [field for field in lost if garbled_copy(field, target, source) is None]
    names = {written.lower() for written in double_bracketed(source)}
    links = [
        written
        for written in double_bracketed(target)
        if is_localised_link(written) and written.lower() not in names
    ]
    return list(zip(lost, links, strict=False))


def localised_link_problems(source: str, target: str) -> list[str]:
    """How qa says each one-word field of ``source`` that ``target`` writes as a capitalised
    word's link (:func:`localised_links`); nothing where ``source`` is a wiki's text (it has a
    link no field can be beside it: ``[[Help:Contents]]``), whose links are localised."""
    localised = localised_links(source, target)
    if not localised:
        return []
    taken = [(p.start, p.end) for p in find_placeholders(source) if p.kind != "bracket"]
    if is_wiki_text(source, taken):
        return []
    return [
        f"writes {link} for {field}: right for a wiki's link to the German page; if {field} is a "
        f"field the app fills in (Smartling's), write {field}"
        for field, link in localised
    ]
