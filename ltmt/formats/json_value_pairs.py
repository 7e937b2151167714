"""JSON files that hold each string's source and its translation side by side, one object a
unit, filled where the translation is empty (a bilingual file, as a PO catalog or a Jed file
is, not a one-language message file):

- a ServiceNow Localization Framework artefact (``sourceValue``/``targetValue``, beside the
  field's ``fieldName``, ``fieldLabel``, ``fieldType`` and ``status``)::

    {"sourceLanguage": "en", "targetLanguage": "de", "data": [{"tableName": "item_option_new",
     "sysId": "0c1d...", "fields": [{"fieldName": "tooltip", "fieldLabel": "Tooltip",
     "sourceValue": "Choose the building.", "targetValue": "", "status": "PENDING"}]}]}

- the JSON of locize's ``xliff`` package (``xliff2js``, ``createjs``: ``source``/``target``)::

    {"sourceLanguage": "en-US", "targetLanguage": "de-CH",
     "resources": {"namespace1": {"key1": {"source": "Hello", "target": ""}}}}

A file is one where its top level declares ``sourceLanguage`` and ``targetLanguage`` as
language codes (both tools write them; a message file's labels, ``"Target language"``, are
none) and an object below holds both keys of one pair (:data:`PAIR_KEYS`) as strings
(:func:`is_value_pairs`). Only an empty target is translated (``--overwrite``: every one); a
filled one is the translator's, kept. The source, the ids, names, labels and statuses are
copied: every byte but the targets filled is kept (:mod:`ltmt.formats.json_spans`). A
``status`` is left as it is (``PENDING`` for a target ltmt filled): ltmt does not know every
value the tool reads there. A declared language other than the run's is refused.

``ltmt memory import`` reads the file's pairs from the file alone: each unit's source and its
filled target, its context the field as ServiceNow names it (``item_option_new.tooltip``) or the
unit's key (``key1``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, lang_matches, language_error, written_like
from ltmt.formats.documents import FilledByKey, Unit
from ltmt.formats.json_pointer import pointer
from ltmt.formats.json_spans import spliced
from ltmt.memory.layout import is_language_tag
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

# a unit's source key and target key, as the tools that write them in one object name them:
# ServiceNow's Localization Framework, locize's xliff package
PAIR_KEYS = (("sourceValue", "targetValue"), ("source", "target"))
# the top-level keys that declare the file's languages
SOURCE_LANGUAGE, TARGET_LANGUAGE = "sourceLanguage", "targetLanguage"

JsonPath = tuple[str | int, ...]
Keys = tuple[str, str]  # a unit's source key and target key


@dataclass(frozen=True)
class ValuePair:
    """One unit of the file: ``key`` its target's JSON Pointer, ``source`` and ``target`` as
    written, ``context`` what names it (module docstring)."""

    key: str
    source: str
    target: str
    context: str


def is_value_pairs(data: Any) -> bool:
    """Whether ``data`` (a parsed JSON file) is a file of source/target pairs (module
    docstring)."""
    return pair_keys(data) is not None


def pair_keys(data: Any) -> Keys | None:
    """The (source, target) keys of the units of ``data`` (a parsed JSON file): where its top
    level declares its languages, the first of :data:`PAIR_KEYS` an object below it holds both
    of as strings; else None. One file is of one tool: its units are of one pair of keys (a
    ServiceNow artefact's ``source`` beside a ``target`` would be no text)."""
    if not isinstance(data, dict) or not all(
        is_language_tag(data.get(key)) for key in (SOURCE_LANGUAGE, TARGET_LANGUAGE)
    ):
        return None
    return next((keys for keys in PAIR_KEYS if any(True for _ in _units(data, keys))), None)


def _units(
    value: Any, keys: Keys, parts: JsonPath = (), tables: tuple[str, ...] = ()
) -> Iterator[tuple[JsonPath, dict[str, Any], str]]:
    """Each object below the top of ``value`` that holds both ``keys`` as strings: its path,
    the object and its context (:func:`_context`). ``tables``: the ``tableName`` of each
    object on the way (a ServiceNow record's)."""
    if isinstance(value, dict):
        if parts and all(isinstance(value.get(key), str) for key in keys):
            yield parts, value, _context(value, parts, tables)
            return
        table = value.get("tableName")
        tables = (*tables, table) if isinstance(table, str) else tables
        for key, item in value.items():
            yield from _units(item, keys, (*parts, key), tables)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _units(item, keys, (*parts, index), tables)


def _half_pairs(value: Any, keys: Keys, parts: JsonPath = ()) -> Iterator[str]:
    """The JSON Pointer of each object below the top of ``value`` that holds the source key of
    ``keys`` and no target string beside it (locize's unit without a ``target``, or one whose
    source is an array of inline codes): no unit, left as it is."""
    if isinstance(value, dict):
        if parts and keys[0] in value and not all(isinstance(value.get(k), str) for k in keys):
            yield pointer(parts)
            return
        for key, item in value.items():
            yield from _half_pairs(item, keys, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _half_pairs(item, keys, (*parts, index))


def _context(value: dict[str, Any], parts: JsonPath, tables: tuple[str, ...]) -> str:
    """What names the unit ``value`` at ``parts``: a ServiceNow field as ServiceNow writes it,
    ``table.field`` (its ``fieldName`` in the record of the nearest ``tableName``), else the
    unit's own key (``key1``; none for an array's item)."""
    field = value.get("fieldName")
    if isinstance(field, str) and field:
        return f"{tables[-1]}.{field}" if tables else field
    return parts[-1] if parts and isinstance(parts[-1], str) else ""


def value_pairs(data: Any) -> list[ValuePair]:
    """The units of the file ``data`` (:func:`is_value_pairs`), in file order."""
    keys = pair_keys(data)
    if keys is None:
        return []
    source, target = keys
    return [
        ValuePair(pointer((*parts, target)), unit[source], unit[target], context)
        for parts, unit, context in _units(data, keys)
    ]


def check_languages(path: Path, data: Any, src_lang: str | None, tgt_lang: str | None) -> None:
    """Refuse the file where its ``sourceLanguage`` or ``targetLanguage`` is not the run's
    (``None``: not checked): its targets would be read as German, or filled with it."""
    for key, side, wanted in (
        (SOURCE_LANGUAGE, "source", src_lang),
        (TARGET_LANGUAGE, "target", tgt_lang),
    ):
        declared = str(data[key])
        if wanted and not lang_matches(declared, wanted):
            raise language_error(
                path,
                [declared],
                src_lang or "en",
                tgt_lang or "de",
                described=f'its "{key}" is {declared}',
                side=side,  # type: ignore[arg-type]
            )


class ValuePairsDocument(FilledByKey):
    """A file of source/target pairs whose empty targets are filled (module docstring)."""

    format = "json"

    def __init__(self, path: Path, raw: bytes, text: str, data: Any) -> None:
        self.path = Path(path)
        self.raw, self.text = raw, text
        self.pairs = value_pairs(data)
        self.translations: dict[str, str] = {}
        self._again: set[str] = set()  # filled targets to translate again (translate_again)
        keys = pair_keys(data)
        half = list(_half_pairs(data, keys)) if keys is not None else []
        if keys is not None and half:
            one = len(half) == 1
            logger.warning(
                '%s: %s with a "%s" and no "%s" beside it, or not as strings (%s), left as '
                '%s: give %s a string "%s" and "%s" ("%s": "" to have it filled)',
                path,
                counted(len(half), "object"),
                *keys,
                first_few(half),
                "it is" if one else "they are",
                "it" if one else "each",
                *keys,
                keys[1],
            )

    @classmethod
    def loaded(
        cls,
        path: Path,
        loaded: tuple[bytes, str, Any],
        src_lang: str | None = None,
        tgt_lang: str | None = None,
    ) -> ValuePairsDocument:
        """The file ``path`` from its bytes, text and JSON as read; refused where it declares
        other languages than the run's (:func:`check_languages`)."""
        raw, text, data = loaded
        check_languages(Path(path), data, src_lang, tgt_lang)
        return cls(Path(path), raw, text, data)

    def units(self) -> list[Unit]:
        return [Unit(p.key, p.source, p.context) for p in self.pairs if p.source.strip()]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units whose target is empty (with ``overwrite``: every one)."""
        filled = {p.key for p in self.pairs if p.target.strip()} - self._again
        return [unit for unit in self.units() if overwrite or unit.key not in filled]

    def held_translations(self) -> dict[str, str]:
        """The filled targets and those filled since, by unit key: the file is its own
        output's base (:class:`~ltmt.formats.output_sources.FilledInPlace`), so that the record
        of what ltmt wrote tells its machine translation from a translator's (a memory import
        warns of it)."""
        held = {p.key: p.target for p in self.pairs if p.target.strip()}
        return held | self.translations

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the units of ``keys`` pending though their target is filled: ltmt's
        translation of a source changed since."""
        self._again.update(keys)

    def save(self, out_path: Path) -> None:
        """Write the file with each translation in its target, every other byte as it is."""
        atomic_write(Path(out_path), written_like(self.raw, spliced(self.text, self.translations)))


def read_pairs(
    path: Path,
    data: Any,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    source_file: Path | None = None,
    **_: Any,
) -> Iterator[PairRecord]:
    """The pairs of the file ``path`` (its parsed ``data``): each unit's source and its filled
    target, its context as ``metadata["context"]``. A ``source_file`` is an
    :class:`InputError`: the file holds its sources beside their targets."""
    if source_file is not None:
        raise InputError(
            f"{path}: its sources stand beside their translations (each object's "
            f"source and target values); leave out --source-file {source_file}"
        )
    check_languages(Path(path), data, src_lang, tgt_lang)
    return iter(
        PairRecord(
            p.source, p.target, f"{path}: {p.key}", {"context": p.context} if p.context else {}
        )
        for p in value_pairs(data)
        if p.source.strip() and p.target.strip()
    )
