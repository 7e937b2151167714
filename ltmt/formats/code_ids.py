"""Inline codes that differ only in their ids, and a stored pair given a segment's ids.

CAT tools number a file's inline codes on their own (Trados counts them per file), so the
sentence a memory holds as ``Insert the battery<x id="2"/> and wait.`` comes back in the next
file as ``Insert the battery<x id="7"/> and wait.``. Their codes match by kind and position, not
by id: :func:`input_ids` pairs the XLIFF codes (:data:`~ltmt.formats.markup_codes.XLIFF_ELEMENTS`
with an ``id``, ``rid`` or ``startRef``) of a stored source with those of a segment, one by one,
and :func:`renumbered` writes a stored text with the segment's ids, so that a reused target
carries the codes the segment's file knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ltmt.formats.inline import MARKUP_TAG
from ltmt.formats.markup_codes import XLIFF_ELEMENTS

# an attribute of an XLIFF code that names a code: its own id, its pair's (rid, startRef)
_ID_ATTRIBUTE = re.compile(r"""(\s(?:id|rid|startRef)\s*=\s*)(?:"([^"<]*)"|'([^'<]*)')""")


def _code_tags(text: str) -> list[str]:
    """The XLIFF codes of ``text`` that carry an id, in order, each as written."""
    return [
        tag.group()
        for tag in MARKUP_TAG.finditer(text)
        if tag.group(2) in XLIFF_ELEMENTS and _ID_ATTRIBUTE.search(tag.group(3))
    ]


def _id(attribute: re.Match[str]) -> str:
    """The value of an :data:`_ID_ATTRIBUTE` match, quoted either way."""
    return attribute.group(2) if attribute.group(2) is not None else attribute.group(3)


def _ids(tag: str) -> list[str]:
    """The ids ``tag`` names (:data:`_ID_ATTRIBUTE`), in order."""
    return [_id(attribute) for attribute in _ID_ATTRIBUTE.finditer(tag)]


def _without_ids(tag: str) -> str:
    """``tag`` with the ids it names blanked: what two codes of one kind share."""
    return _ID_ATTRIBUTE.sub(r'\1""', tag)


def input_ids(text: str, stored: str) -> dict[str, str] | None:
    """Each id of the codes of ``stored`` (a stored source) mapped to the id of the code at its
    place in ``text``, where both have the same codes in the same order, alike but for their
    ids, and one id stands for one id both ways; None where they do not or have none."""
    wanted, held = _code_tags(text), _code_tags(stored)
    if not held or len(wanted) != len(held):
        return None
    ids: dict[str, str] = {}
    for wanted_tag, held_tag in zip(wanted, held, strict=True):
        if _without_ids(wanted_tag) != _without_ids(held_tag):
            return None
        for held_id, wanted_id in zip(_ids(held_tag), _ids(wanted_tag), strict=True):
            if ids.setdefault(held_id, wanted_id) != wanted_id:
                return None
    return ids if len(set(ids.values())) == len(ids) else None


def renumbered(text: str, ids: Mapping[str, str]) -> str | None:
    """``text`` with the ids of its XLIFF codes replaced as ``ids`` maps them (all at once, so
    that ids swap); None where one of its codes has an id ``ids`` does not map (a code the
    source lacks: its id could collide with one given)."""
    if any(i not in ids for tag in _code_tags(text) for i in _ids(tag)):
        return None

    def given_ids(tag: re.Match[str]) -> str:
        if tag.group(2) not in XLIFF_ELEMENTS:
            return tag.group()
        return _ID_ATTRIBUTE.sub(lambda m: f'{m.group(1)}"{ids[_id(m)]}"', tag.group())

    return MARKUP_TAG.sub(given_ids, text)
