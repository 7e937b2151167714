"""What a TMX unit says of a pair besides its text, read into the pair's metadata and written
back where it was read.

    metadata = read_metadata(tu, source_tuv, target_tuv)
    write_metadata(metadata, tu, source_tuv, target_tuv)

A ``<tu>`` and each of its ``<tuv>`` may say who made or changed the pair and when (the
attributes :data:`ATTRIBUTES`), and hold ``<note>`` and ``<prop type="...">`` elements. Tools
put them in different places: SDL Trados Studio on the ``<tu>``, OmegaT on the target ``<tuv>``
(its ``changeid``, ``changedate``, notes), and OmegaT types its context props ``file``,
``prev``, ``next`` and ``id`` without TMX's ``x-``. Every level is read into the same keys: an
attribute under its name, a note as ``note``, a prop under its type (``x-`` taken off), ``tuid``
as ``id``; a key met twice on one level (two notes, SDL Trados Studio's repeated
``x-Project:MultipleString``) holds what the releases before lists were kept read of it (the
notes joined by a line break, a prop's last value), so that they still export it from a store
written now, and the list of its values is kept under :data:`TMX_REPEATED`. Where two levels
hold one key, the ``<tu>``'s value is the key's, else the target ``<tuv>``'s: a date of the
unit and a date of its translation mean the same to the memory (the order of recency:
``changedate``); the value it replaced is kept under :data:`TMX_TUV`, by side, and written back
on its ``<tuv>``.

The keys read from a ``<tuv>``, and those read from a prop typed without ``x-``, are listed
under :data:`TMX_PLACES` (``{"target": ["changeid", "note"], "plain": ["file"]}``), so that an
export writes each where and as it was read: OmegaT reads an ``x-file`` as another prop than its
``file``, and a prop ``id`` is not its ``tuid``. Other keys (ltmt's own, another format's) are
written on the ``<tu>``, as ``<prop type="x-KEY">`` where they are no attribute.

A memory holds one language pair, and a unit of another region of it (``de-CH`` read for
``de``) is stored as of that language; the code each side declared is kept under
:data:`TMX_LANGUAGES` (:func:`declared_languages`). A pair read from an XLIFF file keeps the
codes its ``<file>`` declared the same way (:func:`file_languages`). An export labels every
unit of a side with one code (:mod:`ltmt.formats.tmx_export_languages`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from typing import Any

from ltmt.formats.common import canonical_code

# the attributes a <tu> or <tuv> may carry, kept as metadata of their own name (TMX 1.4: who
# made or changed a unit, when, and how often it was used), written back as attributes
ATTRIBUTES = (
    "creationdate",
    "creationid",
    "changedate",
    "changeid",
    "usagecount",
    "lastusagedate",
)
# a TMX date (``20240601T100000Z``, UTC): in this form, text order is time order
TMX_DATE = re.compile(r"\d{8}T\d{6}Z")
TMX_DATE_FORMAT = "%Y%m%dT%H%M%SZ"  # :data:`TMX_DATE` for :func:`time.strftime`
# the key of a unit's own changedate where an export of an earlier release wrote the later time
# the memory stored it in its place (``<prop type="x-ltmt-original-changedate">``): the pair's
# own date, which an export writes back and an import compares (:mod:`ltmt.memory.dated`)
ORIGINAL_CHANGEDATE = "ltmt-original-changedate"
# the key of the TMX date a write without dates (``memory add``, an undated import) last made a
# pair that has a date of its own the newest translation of its source, again
# (``<prop type="x-ltmt-approved">``): it counts from then (:func:`newest_date`)
APPROVED = "ltmt-approved"
# metadata that is a number: a PO plural entry's form (:mod:`ltmt.formats.po`)
NUMBER_PROPS = frozenset({"plural"})
# the metadata key of where a pair's other keys were read (see the module docstring)
TMX_PLACES = "tmx_places"
# the metadata key of the language code each side's <tuv> declared where it is not the one
# the pair was read as (``{"target": "de-CH"}`` of a unit read for ``de``): a memory holds one
# language pair, and its units of several regions are written back each in its own
TMX_LANGUAGES = "tmx_languages"
# the metadata key of the values a <tuv> held under a key that another level of its unit holds
# too (a source note beside the unit's note), by side: ``{"source": {"note": "..."}}``
TMX_TUV = "tmx_tuv"
# the metadata key of the values of each key its level held more than once, in file order
# (``{"note": ["First note", "Second note"]}``), written back one element each while the key
# still holds their single form (:func:`single_form`); a list is kept apart from its key so that
# an older release, which skips a list, still exports the key
TMX_REPEATED = "tmx_repeated"
# SDL Trados Studio's x-Context: the hashes of the segments before and after a unit, no key
_CONTEXT_HASHES = re.compile(r"-?\d+, ?-?\d+")
# the sides whose <tuv> may hold metadata, the one whose values win last
_SIDES = ("source", "target")


def read_metadata(unit: Any, source: Any, target: Any) -> dict[str, Any]:
    """The metadata of the ``<tu>`` element ``unit`` and of its ``source`` and ``target``
    ``<tuv>`` elements, with :data:`TMX_PLACES` where a key came from a ``<tuv>`` or a prop
    typed without ``x-`` (see the module docstring)."""
    metadata: dict[str, Any] = {}
    places: dict[str, str] = {}  # key -> the level whose value it holds
    plain: set[str] = set()  # the keys whose value came from a prop typed without x-
    shadowed: dict[str, dict[str, Any]] = {}  # side -> its values a later level's replaced
    for level, element in (("source", source), ("target", target), ("tu", unit)):
        values, plain_props = _level_metadata(element)
        for key, value in values.items():
            if key in metadata:
                shadowed.setdefault(places[key], {})[key] = metadata[key]
            metadata[key] = value
            places[key] = level
            if key in plain_props:
                plain.add(key)
            else:
                plain.discard(key)
    _keep_lists_apart(metadata)
    recorded = {side: [key for key, level in places.items() if level == side] for side in _SIDES}
    recorded["plain"] = [key for key in metadata if key in plain]
    kept = {name: keys for name, keys in recorded.items() if keys}
    if kept:
        metadata[TMX_PLACES] = kept
    if shadowed:
        metadata[TMX_TUV] = shadowed
    return metadata


def _keep_lists_apart(metadata: dict[str, Any]) -> None:
    """Move each list of ``metadata`` (a key its level held more than once) to
    :data:`TMX_REPEATED`, leaving its :func:`single_form` under the key for the releases that
    skip a list."""
    repeated = {key: value for key, value in metadata.items() if isinstance(value, list)}
    for key, listed in repeated.items():
        metadata[key] = single_form(key, listed)
    if repeated:
        metadata[TMX_REPEATED] = repeated


def single_form(key: str, values: list[Any]) -> Any:
    """The one value a key met more than once (``values``) holds, as releases before lists
    were kept read it: notes joined by a line break, a prop's last value."""
    if key == "note":
        return "\n".join(str(value) for value in values)
    return values[-1]


def metadata_notes(metadata: Mapping[str, Any]) -> list[str]:
    """The notes of a pair's ``metadata``: its ``note``, each of a TMX unit's several
    ``<note>`` where :data:`TMX_REPEATED` keeps them (or ``note`` is their list, as stores
    written before it hold them); empty ones left out."""
    note = repeated_values(metadata).get("note") or metadata.get("note")
    notes = note if isinstance(note, list) else [note]
    return [text for text in notes if isinstance(text, str) and text.strip()]


def repeated_values(metadata: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The lists :data:`TMX_REPEATED` keeps, by key, of the keys that still hold their
    :func:`single_form`: a key changed since it was read (a note edited) is written as it is."""
    recorded = metadata.get(TMX_REPEATED)
    if not isinstance(recorded, Mapping):
        return {}
    return {
        key: values
        for key, values in recorded.items()
        if isinstance(values, list) and values and metadata.get(key) == single_form(key, values)
    }


def declared_languages(declared: Mapping[str, str], read_as: Mapping[str, str]) -> dict[str, str]:
    """The :data:`TMX_LANGUAGES` of a unit whose sides' ``<tuv>`` declared the codes
    ``declared`` (by side) and were read as ``read_as``: each side's code (as a BCP 47 tag)
    where it says more than, or other than, what it was read as (``de-CH`` read as ``de``)."""
    tags = {side: canonical_code(code) for side, code in declared.items() if code}
    return {side: tag for side, tag in tags.items() if tag != canonical_code(read_as[side])}


def file_languages(declared: Mapping[str, str], read_as: Mapping[str, str]) -> dict[str, str]:
    """The :data:`TMX_LANGUAGES` of a pair from a file that declares each side's language once
    (an XLIFF ``<file>``'s ``source-language``/``target-language``, a PO ``Language`` header),
    ``declared`` by side and read as ``read_as``: each side's code (as a BCP 47 tag) where it
    names a region or script of the language read (``eng-US`` read as ``en``: ``en-US``), so
    that an export labels the pair as the file did, as it does a TMX unit's. A code saying less
    (``de`` read as ``de-DE``) or another language (a file read as another pair, as asked) is
    not kept."""
    tags = {side: canonical_code(code) for side, code in declared.items() if code}
    return {
        side: tag
        for side, tag in tags.items()
        if tag.startswith(canonical_code(read_as[side]) + "-")
    }


def _level_metadata(element: Any) -> tuple[dict[str, Any], set[str]]:
    """The metadata ``element`` (a ``<tu>`` or ``<tuv>``) holds itself, and which of its keys
    came from a prop typed without ``x-``."""
    values: dict[str, Any] = {}
    if element.get("tuid"):
        values["id"] = element.get("tuid")
    for name in ATTRIBUTES:
        if element.get(name):
            values[name] = element.get(name)
    for note in element:
        if note.tag == "note" and note.text:
            _add_value(values, "note", note.text)
    plain: set[str] = set()
    for child in element:
        if child.tag != "prop":
            continue
        kind = child.get("type") or ""
        key = _prop_key(kind, child.text or "")
        text = child.text or ""
        _add_value(values, key, int(text) if key in NUMBER_PROPS and text.isdigit() else text)
        if key == kind:
            plain.add(key)
        else:
            plain.discard(key)
    return values, plain


def _prop_key(kind: str, text: str) -> str:
    """The metadata key of a ``<prop type="KIND">`` holding ``text``: its type, ``x-`` taken off,
    and a context, whatever its case (Phrase's ``x-Context``, ltmt's ``x-context``), as
    ``context``, the key a search matches a unit's context by; not SDL Trados Studio's
    ``x-Context``, which holds the hashes of the segments around the unit (``-183, 7405``)."""
    if kind.casefold() == "x-context" and not _CONTEXT_HASHES.fullmatch(text):
        return "context"
    return kind[2:] if kind.startswith("x-") else kind


def _add_value(values: dict[str, Any], key: str, value: Any) -> None:
    """Hold ``value`` under ``key`` in ``values``: a key met again (SDL Trados Studio repeats
    ``x-Project:MultipleString``, a unit may hold two ``<note>``) holds the list of its values
    in file order, each written back as its own element."""
    held = values.get(key)
    if held is None:
        values[key] = value
    elif isinstance(held, list):
        held.append(value)
    else:
        values[key] = [held, value]


def write_metadata(metadata: Mapping[str, Any], unit: Any, source: Any, target: Any) -> None:
    """Write the string metadata (and number props) of ``metadata`` onto the ``<tu>`` element
    ``unit`` and its ``source`` and ``target`` ``<tuv>`` elements, each key where
    :data:`TMX_PLACES` says it was read, else on ``unit``: ``id`` as ``tuid``, an attribute of
    :data:`ATTRIBUTES` as itself, ``note`` as a ``<note>``, others as ``<prop>`` (typed as
    read, else ``x-KEY``), props before notes, both before the ``<tuv>`` or ``<seg>``."""
    from lxml import etree

    elements = {"tu": unit, "source": source, "target": target}
    added: dict[str, list[Any]] = {level: [] for level in elements}
    places, plain = _places(metadata)
    written = [(places.get(key, "tu"), key, text) for key, text in _written_values(metadata)]
    for side, values in _shadowed(metadata).items():
        written.extend((side, key, text) for key, text in _written_values(values))
    for level, key, text in written:
        element = elements[level]
        if key in plain:
            added[level].append(_prop(key, text))
        elif key == "id" and level == "tu":
            element.set("tuid", text)
        elif key in ATTRIBUTES:
            element.set(key, text)
        elif key == "note":
            note = etree.Element("note")
            note.text = text
            added[level].append(note)
        else:
            added[level].append(_prop(key if key.startswith("x-") else f"x-{key}", text))
    for level, children in added.items():
        # TMX wants <prop> and <note> before a <tu>'s <tuv> and a <tuv>'s <seg>
        for position, child in enumerate(sorted(children, key=lambda e: e.tag != "prop")):
            elements[level].insert(position, child)


def _written_values(metadata: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """The keys of ``metadata`` a TMX file holds, each with its text: strings, and the number
    props as digits, a key for each of its :func:`repeated_values` or a list's (a repeated
    prop's, several notes); not :data:`TMX_PLACES` and the other keys that say where and how
    they go, nor values of other types (native codes)."""
    repeated = repeated_values(metadata)
    for key, value in metadata.items():
        if key in (TMX_PLACES, TMX_LANGUAGES, TMX_TUV, TMX_REPEATED):
            continue
        for item in repeated.get(key) or (value if isinstance(value, list) else [value]):
            if key in NUMBER_PROPS and isinstance(item, int) and not isinstance(item, bool):
                yield key, str(item)
            elif isinstance(item, str):
                yield key, item


def _shadowed(metadata: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The values each ``<tuv>`` side held under a key its unit's other level holds too
    (:data:`TMX_TUV`); nothing for a value of another shape."""
    recorded = metadata.get(TMX_TUV)
    if not isinstance(recorded, Mapping):
        return {}
    return {
        side: values
        for side, values in recorded.items()
        if side in _SIDES and isinstance(values, Mapping)
    }


def _places(metadata: Mapping[str, Any]) -> tuple[dict[str, str], frozenset[str]]:
    """The ``<tuv>`` side each key of ``metadata`` was read from and the keys read from a prop
    typed without ``x-``, as :data:`TMX_PLACES` records them; nothing for a value of another
    shape (a hand-made JSONL line's)."""
    recorded = metadata.get(TMX_PLACES)
    if not isinstance(recorded, Mapping):
        return {}, frozenset()

    def keys(name: str) -> list[str]:
        listed = recorded.get(name)
        return [key for key in listed if isinstance(key, str)] if isinstance(listed, list) else []

    places = {key: side for side in _SIDES for key in keys(side)}
    return places, frozenset(keys("plain"))


def _prop(kind: str, text: str) -> Any:
    """A ``<prop type="KIND">`` element holding ``text``."""
    from lxml import etree

    prop = etree.Element("prop", type=kind)
    prop.text = text
    return prop


def unit_date(metadata: Mapping[str, Any]) -> str:
    """The TMX date a pair's unit was last changed (else made), ``""`` for none: the order of
    recency (:func:`ltmt.formats.tmx.read_tmx`, :mod:`ltmt.memory.dated`)."""
    for key in ("changedate", "creationdate"):
        date = metadata.get(key)
        if isinstance(date, str) and TMX_DATE.fullmatch(date):
            return date
    return ""


def own_date(metadata: Mapping[str, Any], stored: float) -> str:
    """The TMX date of a stored pair (``metadata``, stored at ``stored``, seconds since the
    epoch): its own (the :data:`ORIGINAL_CHANGEDATE` an earlier export kept, else its
    :func:`unit_date`), else the time the memory stored it (a pair added by hand)."""
    original = metadata.get(ORIGINAL_CHANGEDATE)
    if isinstance(original, str) and TMX_DATE.fullmatch(original):
        return original
    return unit_date(metadata) or time.strftime(TMX_DATE_FORMAT, time.gmtime(stored))


def dated_as(metadata: Mapping[str, Any]) -> str:
    """The TMX date a pair counts from, ``""`` for none: the later of its :func:`unit_date` and
    the time a write without dates last approved it again (:data:`APPROVED`)."""
    approved = metadata.get(APPROVED)
    if not (isinstance(approved, str) and TMX_DATE.fullmatch(approved)):
        return unit_date(metadata)
    return max(unit_date(metadata), approved)


def newest_date(metadata: Mapping[str, Any], stored: float) -> str:
    """The TMX date a stored pair (``metadata``, stored at ``stored``) counts from, as an export
    writes it and an import compares it (:mod:`ltmt.memory.dated`): the later of its
    :func:`own_date` and the time a write without dates last approved it again."""
    approved = metadata.get(APPROVED)
    own = own_date(metadata, stored)
    return max(own, approved) if isinstance(approved, str) and TMX_DATE.fullmatch(approved) else own


def approved_again(
    metadata: Mapping[str, Any], written: Mapping[str, Any], now: float
) -> Mapping[str, Any]:
    """The ``metadata`` of a stored pair that a write (its pair's metadata ``written``, at
    ``now``) makes the newest translation of its source: a write without dates approves it at
    ``now`` (:data:`APPROVED`), where its own date would tell an earlier time."""
    if dated_as(written) or not (unit_date(metadata) or ORIGINAL_CHANGEDATE in metadata):
        return metadata
    return {**metadata, APPROVED: time.strftime(TMX_DATE_FORMAT, time.gmtime(now))}
