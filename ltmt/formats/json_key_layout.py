"""Flat and nested spellings of a JSON message file's names: ``{"a": {"b": ...}}`` and
``{"a.b": ...}``.

i18next (its ``.`` key separator) and the platforms' flat exports (Tolgee, Lokalise) read a
nested ``a`` → ``b`` and a flat ``a.b`` as one key, and so do memory matches
(:mod:`ltmt.formats.key_contexts`). A translation written in another layout than its source
(Tolgee's flat ``de.json`` of a nested ``en.json``, or the reverse) is read in the source's
(:func:`respellings`, :func:`moved`): its strings pair with the source's in a memory import, are
kept on a rerun, and are no obsolete strings (trial s75: the import refused the file, and a
rerun translated every key again, wrote each twice and called the reviewer's German obsolete).
The output keeps the translation's spelling of each key it has, and writes new keys in the
translation's layout where it holds one throughout, else in the source's
(:func:`output_spellings`).

Only a value of an object of values is respelled (a string, a number, a boolean or null: not
a message object's field, an array or an array's item, nor a plural written as a JSON string,
which keep their place), and only where a name has one place: a name the source has twice
(``a.b`` beside ``a`` → ``b``), or one the translation has in both spellings, is left as
written, as before.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.formats.json_string_plurals import StringPlural
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

Place = tuple[str, ...]  # the object keys from the top to a value
# whether the object at a place holds values of its own to respell (not a message object)
PlainObject = Callable[[dict[str, Any], Place], bool]
FLAT = "flat"
NESTED = "nested"
# a part of a dotted name a nested spelling writes as an object key: no space (a Laravel key
# is a sentence, ``Sign up.``), not empty (``a..b``)
_NAME_PART = re.compile(r"[^.\s]+")
_MISSING = object()


def value_places(data: Any, plain: PlainObject) -> list[Place]:
    """The places of ``data``'s values that may be respelled (module docstring): a value that
    is no object or array, reached through objects ``plain`` accepts; ARB metadata (``@``
    keys) left out."""
    return list(_places(data, (), plain))


def _places(value: Any, parts: Place, plain: PlainObject) -> Iterator[Place]:
    if not isinstance(value, dict) or isinstance(value, StringPlural) or not plain(value, parts):
        return
    for key, item in value.items():
        if key.startswith("@"):
            continue
        if isinstance(item, dict):
            yield from _places(item, (*parts, key), plain)
        elif not isinstance(item, list):
            yield (*parts, key)


def respellings(source: Collection[Place], translated: Collection[Place]) -> dict[Place, Place]:
    """The places of ``translated`` (a translation's :func:`value_places`) that spell one of
    ``source``'s (the source file's) otherwise, each with the source's place: the same dotted
    name, one place of it on each side, and the translation without the source's spelling."""
    ours, held, own = _by_name(source), set(translated), set(source)
    theirs = _by_name(place for place in translated if place not in own)
    return {
        found[0]: ours[name][0]
        for name, found in theirs.items()
        if len(found) == 1 and len(ours.get(name, ())) == 1 and ours[name][0] not in held
    }


def output_spellings(
    source: Collection[Place], respelled: Mapping[Place, Place], held: Collection[Place]
) -> tuple[dict[Place, Place], str]:
    """Where the output writes the values of ``source``'s places (those written elsewhere, by
    place) and the layout it is written in (:data:`FLAT`, :data:`NESTED`; "" for the source's
    or a mix): ``respelled``, the translation's places of the source's it spells otherwise
    (:func:`respellings`, source place → the translation's), kept; ``held``, the source's
    places the translation spells as the source does. A place the translation lacks (a new
    key) is written in its layout where it holds one throughout, else in the source's."""
    layout = _layout(respelled, held)
    if not layout:
        return dict(respelled), ""
    written = {}
    for name, places in _by_name(source).items():  # in the source's order
        place = places[0]
        spelled = _spelled(name, layout) if len(places) == 1 and place not in held else None
        if place in respelled:
            written[place] = respelled[place]
        elif spelled is not None and spelled != place:
            written[place] = spelled
    return written, layout


def adopted_spellings(
    target: Path,
    source_path: Path,
    source: Collection[Place],
    translated: Collection[Place],
    respelled: Mapping[Place, Place],
) -> dict[Place, Place]:
    """Where the output ``target`` writes the values of ``source``'s places (those written
    elsewhere, by place; :func:`output_spellings`), as the translation so far spells them where
    it spells some flat or nested otherwise than ``source_path`` (``respelled``, its places of
    ``source``'s: :func:`respellings`; ``translated``, all its places), its new ones in its
    layout where it holds one throughout; a warning says so."""
    ours = set(source)
    held = [place for place in translated if place in ours]
    theirs = {place: their for their, place in respelled.items()}
    written, layout = output_spellings(source, theirs, held)
    names = first_few(".".join(place) for place in theirs)
    if layout == FLAT:
        logger.warning(
            "%s: written with flat keys as it has them (%s), where %s nests them: one name "
            "each, to i18next and to ltmt",
            target,
            names,
            source_path,
        )
    elif layout == NESTED:
        logger.warning(
            "%s: written with nested keys as it has them (%s), where %s has them flat: one "
            "name each, to i18next and to ltmt",
            target,
            names,
            source_path,
        )
    else:
        logger.warning(
            "%s: %s kept as it spells %s (%s), flat or nested otherwise than in %s: one "
            "name each, to i18next and to ltmt; new keys written as %s has them",
            target,
            counted(len(theirs), "key"),
            "it" if len(theirs) == 1 else "them",
            names,
            source_path,
            source_path,
        )
    return written


def _layout(respelled: Mapping[Place, Place], held: Collection[Place]) -> str:
    """The layout the translation writes the source's names in, where it holds one
    throughout: every name it respells in it, none it has in the source's other spelling."""
    if not respelled:
        return ""
    names = {place: ".".join(place) for place in respelled}
    if all(theirs == (names[ours],) for ours, theirs in respelled.items()) and all(
        len(place) == 1 for place in held
    ):
        return FLAT
    if all(theirs == _spelled(names[ours], NESTED) for ours, theirs in respelled.items()) and all(
        "." not in part for place in held for part in place
    ):
        return NESTED
    return ""


def _spelled(name: str, layout: str) -> Place | None:
    """The dotted ``name`` spelled in ``layout``; None where it has no nested spelling."""
    if layout == FLAT:
        return (name,)
    parts = tuple(name.split("."))
    return parts if all(_NAME_PART.fullmatch(part) for part in parts) else None


def _by_name(places: Iterator[Place] | Collection[Place]) -> dict[str, list[Place]]:
    """``places`` by their dotted name (``("a", "b")`` and ``("a.b",)``: ``a.b``)."""
    named: dict[str, list[Place]] = {}
    for place in places:
        named.setdefault(".".join(place), []).append(place)
    return named


def moved(data: Any, moves: Mapping[Place, Place]) -> Any:
    """A copy of ``data`` (a JSON file's) with the value at each place of ``moves`` at its
    other place, where the key it leaves stood (``button.save`` where ``button`` stood), the
    objects emptied by that left out; ``data`` itself where nothing moves. A value whose other
    place is taken, or lies under a value that is no object, stays."""
    if not moves:
        return data
    out = copy.deepcopy(data)
    taken = [(to, _popped(out, place)) for place, to in moves.items()]
    # the keys each move adds to the object where its two places part, by the key it leaves
    anchors: dict[Place, dict[str, list[str]]] = {}
    for (to, value), place in zip(taken, moves):
        if value is _MISSING:
            continue
        if not _put(out, to, value):
            _put(out, place, value)
            continue
        depth = next((d for d, (a, b) in enumerate(zip(place, to)) if a != b), 0)
        anchors.setdefault(place[:depth], {}).setdefault(place[depth], []).append(to[depth])
    for parts, added in anchors.items():
        _reordered(_at(out, parts), _at(data, parts), added)
    return out


def _reordered(node: dict[str, Any], original: dict[str, Any], added: dict[str, list[str]]) -> None:
    """Put the keys of ``node`` in ``original``'s order (the object before the moves), each
    key ``added`` names after the key it names them by (:func:`moved`)."""
    order: dict[str, None] = {}
    for key in original:
        for name in (key, *added.get(key, ())):
            if name in node:
                order.setdefault(name)
    order.update(dict.fromkeys(node))
    items = [(key, node[key]) for key in order]
    node.clear()
    node.update(items)


def _at(data: Any, parts: Place) -> dict[str, Any]:
    """The object at ``parts`` in ``data`` (an empty one where there is none)."""
    for part in parts:
        data = data.get(part) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _popped(data: Any, place: Place) -> Any:
    """The value at ``place`` in ``data``, taken out, with the objects it leaves empty
    (:data:`_MISSING`: none there)."""
    trail = [data]
    for part in place[:-1]:
        node = trail[-1]
        if not isinstance(node, dict) or not isinstance(node.get(part), dict):
            return _MISSING
        trail.append(node[part])
    if not isinstance(trail[-1], dict) or place[-1] not in trail[-1]:
        return _MISSING
    value = trail[-1].pop(place[-1])
    for depth in range(len(place) - 1, 0, -1):
        if trail[depth]:
            break
        del trail[depth - 1][place[depth - 1]]
    return value


def _put(data: Any, place: Place, value: Any) -> bool:
    """Set ``value`` at ``place`` in ``data``, making the objects on the way; False (``data``
    unchanged) where the place is taken or a value that is no object stands on its way."""
    node = data
    for depth, part in enumerate(place[:-1]):
        if not isinstance(node, dict) or isinstance(node, StringPlural):
            return False
        if part not in node:  # the rest of the way is new
            for new in place[depth:-1]:
                node[new] = {}
                node = node[new]
            break
        node = node[part]
    if not isinstance(node, dict) or isinstance(node, StringPlural) or place[-1] in node:
        return False
    node[place[-1]] = value
    return True
