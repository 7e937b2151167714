"""JSON message files (i18next, vue-i18n, react-intl, Flutter ARB, WebExtension
``messages.json``, any object of strings, nested or flat) as a keyed catalog
(:mod:`ltmt.formats.keyed_catalog`), read and written with Python's ``json``.

A string is named by its JSON Pointer (RFC 6901: ``/app/title``, ``/tags/0``). Every string of
the file is translated, except:

- ARB metadata (keys that start with ``@``): ``@@locale`` is set to the target language, other
  ``@@`` keys are kept, and a message's ``@name`` description is left out of the translated file
  (Flutter reads it from the template);
- an object with a string ``message`` (WebExtension, Chrome): only its ``message`` is
  translated, its ``description`` and ``placeholders`` are kept;
- ICU plural and select messages (``{count, plural, one {...} other {...}}``), which are left
  untranslated and counted in a warning: their branches must be translated one by one.

i18next's plural keys (``items_one``, ``items_other``) are strings of their own. Numbers,
booleans and ``null`` are copied. The output keeps the source file's indentation, key order and
final newline; ``\\u`` escapes are kept where the source file writes only ASCII.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import decode, read_bytes
from ltmt.formats.keyed_catalog import Entry, KeyedCatalog, read_keyed_pairs, require_source_file
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "a JSON message file"
_ICU_BRANCHING = re.compile(r"\{\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,")


def pointer(parts: tuple[str | int, ...]) -> str:
    """The JSON Pointer of ``parts`` (``("app", "title")`` → ``/app/title``)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def _load(path: Path) -> tuple[str, Any]:
    text = decode(read_bytes(path, WHAT), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not {WHAT}: its top level is not an object of strings")
    return text, data


def _strings(value: Any, parts: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every translatable string under ``value`` (module docstring)."""
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, dict):
        if isinstance(value.get("message"), str):  # WebExtension / Chrome
            yield (*parts, "message"), value["message"]
            return
        for key, item in value.items():
            if not key.startswith("@"):
                yield from _strings(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*parts, index))


def _indent(text: str) -> str | int | None:
    """The indentation of the file's first nested line (None: all on one line)."""
    found = re.search(r"\n([ \t]+)\S", text)
    if found is None:
        return None
    indent = found.group(1)
    return len(indent) if set(indent) == {" "} else indent


class JsonCatalog(KeyedCatalog):
    """A JSON message file to translate into the target language's (module docstring)."""

    format = "json"
    what = WHAT

    def __init__(self, path: Path, text: str, data: Any, tgt_lang: str) -> None:
        self.text, self.data, self.tgt_lang = text, data, tgt_lang
        self.paths: dict[str, tuple] = {}
        entries, branching = [], []
        for parts, source in _strings(data):
            key = pointer(parts)
            if _ICU_BRANCHING.search(source):
                branching.append(key)
                continue
            self.paths[key] = parts
            entries.append(Entry(key, key, source))
        if branching:
            logger.warning(
                "%s: %s with ICU plural or select (%s) left untranslated; translate their "
                "branches by hand",
                path,
                counted(len(branching), "message"),
                first_few(branching),
            )
        super().__init__(path, entries)

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> JsonCatalog:
        text, data = _load(Path(path))
        return cls(Path(path), text, data, tgt_lang or "de")

    def name_of(self, key: str) -> str:
        return key  # a pointer names its string

    def read_values(self, path: Path) -> dict[str, str]:
        return {pointer(parts): text for parts, text in _strings(_load(path)[1])}

    def render(self) -> bytes:
        out = _translated_copy(self.data, (), self.translations)
        if out is _LEFT_OUT:  # nothing translated yet
            out = {}
        if "@@locale" in self.data:
            out["@@locale"] = self.tgt_lang
        if self.extras and self.adopted_from is not None:
            for parts, text in _strings(_load(self.adopted_from)[1]):
                if pointer(parts) in self.extras:
                    _put(out, parts, text)
        ascii_only = self.text.isascii() and "\\u" in self.text
        dumped = json.dumps(out, indent=_indent(self.text), ensure_ascii=ascii_only)
        return (dumped + ("\n" if self.text.endswith("\n") else "")).encode()


_LEFT_OUT = object()


def _translated_copy(value: Any, parts: tuple, translations: dict[str, str]) -> Any:
    """``value`` with its translated strings in, untranslated ones (and ARB descriptions) left
    out, containers left empty by that left out too; other values copied."""
    if isinstance(value, str):
        return translations.get(pointer(parts), _LEFT_OUT)
    if isinstance(value, dict):
        if isinstance(value.get("message"), str):
            text = translations.get(pointer((*parts, "message")))
            return _LEFT_OUT if text is None else {**copy.deepcopy(value), "message": text}
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key.startswith("@"):
                if key.startswith("@@"):
                    out[key] = copy.deepcopy(item)
                continue
            kept = _translated_copy(item, (*parts, key), translations)
            if kept is not _LEFT_OUT:
                out[key] = kept
        return out if out or not value else _LEFT_OUT
    if isinstance(value, list):
        items = [_translated_copy(item, (*parts, i), translations) for i, item in enumerate(value)]
        if any(item is _LEFT_OUT for item in items):  # an array is whole or not there
            return _LEFT_OUT
        return items
    return copy.deepcopy(value)


def _put(out: dict[str, Any], parts: tuple, text: str) -> None:
    """Set ``text`` at ``parts`` in ``out``, making the objects on the way (an extra string of
    an adopted output; array items go in as object keys where no array is there)."""
    node: Any = out
    for part in parts[:-1]:
        child = node.get(str(part)) if isinstance(node, dict) else None
        if not isinstance(child, dict):
            if not isinstance(node, dict):
                return
            child = node[str(part)] = {}
        node = child
    if isinstance(node, dict):
        node[str(parts[-1])] = text


def read_json_catalog(
    path: Path, source_file: Path | None = None, **_: Any
) -> Iterator[PairRecord]:
    """The pairs of a translated JSON message file and its ``source_file``, string by string
    (:func:`ltmt.formats.keyed_catalog.read_keyed_pairs`)."""
    require_source_file(path, source_file, WHAT)
    assert source_file is not None
    return read_keyed_pairs(JsonCatalog.open(source_file), path)
