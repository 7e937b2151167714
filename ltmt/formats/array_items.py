"""Which item of an array in a catalog's output so far stands for which item of the source's
array (an Android ``<string-array>``, a JSON array, a YAML list of strings), where items were
inserted or removed since the output was written.

An array's items are keyed by their place (``priority_levels[1]``), so an item inserted into the
English moves every item after it: taken over by key, a reviewer's translation of ``Normal``
(``Mittel``) stood under the new item ``Minor``, and ``Normal`` was translated again, with a
prose warning alone (trial s75). The record of what ltmt wrote into the output
(:mod:`ltmt.formats.output_sources`) says which source each item's translation was written
for: the items are lined up as a page's blocks are (:mod:`ltmt.formats.recorded_places`), by
those sources where the record's places are the file's, else by the texts the record says ltmt
wrote for one source, so that a kept translation stays with the English it was written for. An
output item that stands for none of the source's (its English cannot be told) is not kept: its
item is translated again, and a warning names it. An array whose items line up place by place,
and every array without a record, is taken over by key as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ltmt.formats.recorded_places import (
    UNPLACED,
    lined_up_by_texts,
    lined_up_places,
    places_recorded,
    recorded_sources,
    warn_of_replaced,
    warn_of_unplaced,
)

if TYPE_CHECKING:
    from pathlib import Path

    from ltmt.formats.output_sources import Record


@dataclass
class LinedUpItems:
    """An output's strings by the keys of the source's strings they stand for (``values``);
    by key, the output's key of an item taken from another place (``output_keys``: under it the
    record holds what ltmt wrote there, :data:`~ltmt.formats.recorded_places.UNPLACED` before it
    where the record's places did not line it up); the output's keys of the items that stand for
    none of the source's, where the record's places lined their array up (``dropped``) and
    where they did not (``unplaced``)."""

    values: dict[str, str]
    output_keys: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def arrays(keys: Sequence[str], item_key: re.Pattern[str]) -> dict[str, list[str]]:
    """The keys of ``keys`` that are an array's items (``item_key`` fullmatches them, its
    groups ``array`` and ``index``), by their array's key, in the order of their indexes."""
    found: dict[str, list[tuple[int, str]]] = {}
    for key in keys:
        matched = item_key.fullmatch(key)
        if matched is not None:
            found.setdefault(matched["array"], []).append((int(matched["index"]), key))
    return {array: [key for _, key in sorted(items)] for array, items in found.items()}


def line_up_items(
    found: Mapping[str, str],
    sources: Mapping[str, str],
    record: Record | None,
    item_key: re.Pattern[str] | None,
    is_array: Callable[[str], bool] = lambda _: True,
) -> LinedUpItems:
    """``found`` (the output's strings by key) with each array's items under the keys of the
    items of ``sources`` (the source file's strings by key) they stand for by ``record`` (what
    ltmt wrote into the output; None: there is none, and nothing moves), ``item_key`` telling
    an array's item by its key (None: the format has no arrays) where ``is_array`` says the
    key its ``array`` group names is one in the source (a JSON object's key ``"0"`` is none)."""
    lined = LinedUpItems(dict(found))
    if record is None or item_key is None:
        return lined
    theirs_by_array = arrays(list(found), item_key)
    recorded = arrays(list(record.units), item_key)
    for array, ours in arrays(list(sources), item_key).items():
        theirs = theirs_by_array.get(array)
        if theirs and is_array(array):
            ours_items = [(key, sources[key]) for key in ours]
            places = [*theirs, *recorded.get(array, [])]
            _line_up_array(lined, found, ours_items, theirs, record, places)
    return lined


def _line_up_array(
    lined: LinedUpItems,
    found: Mapping[str, str],
    ours: Sequence[tuple[str, str]],
    theirs: Sequence[str],
    record: Record,
    places_named: Sequence[str],
) -> None:
    """Put into ``lined`` the items of one array of the output (their keys ``theirs``, their
    texts in ``found``) under the keys of the source's items (``ours``: keys and sources) they
    stand for (module docstring), where that is not place by place; ``places_named``: the keys
    of the array's items in the output and in ``record``."""
    # the array's items among the record's places: literal keys, no backtracking
    key_form = re.compile("|".join(re.escape(key) for key in places_named))
    texts = [(key, found[key]) for key in theirs]
    sources = [source for _, source in ours]
    placed = places_recorded(record, texts, len(ours), key_form)
    if placed:
        places = lined_up_places(*recorded_sources(record, sources, theirs), _any)
    else:
        shapes = ["item"] * len(ours), ["item"] * len(theirs)
        places = lined_up_by_texts(record, sources, [t for _, t in texts], shapes, _any)
    if places == [(i, i) for i in range(min(len(ours), len(theirs)))]:
        return  # place by place, as taken over by key
    for key in theirs:
        del lined.values[key]
    for i, j in places:
        key, other = ours[i][0], theirs[j]
        lined.values[key] = found[other]
        if key != other or not placed:
            lined.output_keys[key] = other if placed else UNPLACED + other
    taken = {j for _, j in places}
    left = [key for j, key in enumerate(theirs) if j not in taken and found[key].strip()]
    (lined.dropped if placed else lined.unplaced).extend(left)


def _any(_: int, __: int) -> bool:
    """Two items of one array in a stretch each side replaced by as many may stand for each
    other: every item is of one kind."""
    return True


def warn_of_items_unplaced(
    target: Path, source: Path, record: Record, lined: LinedUpItems, found: Mapping[str, str]
) -> None:
    """Name the items of ``target`` (the output so far, its strings ``found``) that stand for
    none of ``source``'s (``lined``): where ``record``'s places lined the array up, those
    someone edited (:func:`~ltmt.formats.recorded_places.warn_of_replaced`), else every one
    (:func:`~ltmt.formats.recorded_places.warn_of_unplaced`)."""
    if lined.unplaced:
        warn_of_unplaced(target, source, lined.unplaced, recorded=True)
    if lined.dropped:
        warn_of_replaced(target, record, [(key, found[key]) for key in lined.dropped])
