"""WebExtension (Chrome, Firefox) files: the manifest, which is no message file, and
``_locales/*/messages.json``, whose message names browsers read in any case.

- ``manifest.json`` (a top-level ``manifest_version``) holds the extension's settings:
  ``permissions`` and a command's ``suggested_key`` translated (``Lesezeichen``,
  ``Strg+Umschalt+S``) stop the extension from loading. Its text lives in
  ``_locales/*/messages.json``, which it names as ``__MSG_name__``; so a folder run skips it
  and one given alone is refused (:func:`manifest_refusal`), either naming the ``name``,
  ``short_name`` and ``description`` it writes as text of its own (not translated).
- A messages file (every top-level value a message: an object with a string ``message`` and
  besides at most a ``description`` and ``placeholders``, :func:`is_message`) names its
  messages case-insensitively (Chrome: "The name is a case-insensitive key"): an existing
  translation's ``SaveButton`` is the source's ``saveButton`` (:func:`spellings`), read as it and
  written back under its own spelling (:func:`respelled`), so that a reviewer's wording is kept.
- Length limits (:func:`message_limits`): the messages the manifest beside the ``_locales``
  folder shows as its ``name`` (75 characters), ``short_name`` (12, recommended) and
  ``description`` (132), as Chrome's manifest reference gives them
  (developer.chrome.com/docs/extensions/reference/manifest/name, .../description; MDN alike), and
  a limit a message's own ``description`` says in words (``max 45 characters``): the
  shortest applies.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ltmt.formats.translator_notes import stated_max_length

MANIFEST_KEY = "manifest_version"
MANIFEST_NAME = "manifest.json"
# the manifest's keys the browser shows as text, in the store and the toolbar
_SHOWN = ("name", "short_name", "description")
_REFERENCE = "__MSG_"
# the characters Chrome allows (short_name: recommends) each manifest key it shows
MANIFEST_LIMITS = {"name": 75, "short_name": 12, "description": 132}
_WHOLE_REFERENCE = re.compile(r"\s*__MSG_(\w+)__\s*")
# what a message object holds: its text, a note for the translator and its substitutions
MESSAGE_FIELDS = frozenset({"message", "description", "placeholders"})


def is_manifest(data: Any) -> bool:
    """Whether ``data`` (a JSON file's) is a WebExtension manifest: ``manifest_version`` at its
    top level."""
    return isinstance(data, dict) and MANIFEST_KEY in data


def is_manifest_file(path: Path) -> bool:
    """Whether ``path`` is a WebExtension's ``manifest.json`` (:func:`is_manifest`); one that
    does not parse is left to the JSON reader, which says what is wrong."""
    if Path(path).name.lower() != MANIFEST_NAME:
        return False
    try:
        return is_manifest(json.loads(Path(path).read_text(encoding="utf-8-sig")))
    except (OSError, ValueError):
        return False


def literal_fields(data: Any) -> list[str]:
    """The keys of the manifest ``data`` the browser shows (``name``, ``short_name``,
    ``description``) that hold text of their own, no ``__MSG_name__``: not translated."""
    return [
        key
        for key in _SHOWN
        if isinstance(data.get(key), str) and data[key].strip() and _REFERENCE not in data[key]
    ]


def literal_note(fields: list[str]) -> str:
    """``; its name and description are literal text, not translated: ...`` (empty: none)."""
    if not fields:
        return ""
    named = " and ".join([", ".join(fields[:-1]), fields[-1]] if len(fields) > 1 else fields)
    return (
        f"; its {named} {'are' if len(fields) > 1 else 'is'} literal text, not translated: "
        "move the text into _locales/en/messages.json and write __MSG_name__ there to have "
        "it translated"
    )


def manifest_refusal(data: Any) -> str:
    """Why the manifest ``data`` given alone is not translated, and what to translate instead."""
    return (
        "a WebExtension manifest (manifest_version), not a message file: its text lives in "
        "_locales/*/messages.json, which it names as __MSG_name__, and its settings "
        "(permissions, suggested_key) stop the extension from loading if translated; translate "
        "_locales/en/messages.json (-o _locales/de/messages.json) or the extension's folder"
        + literal_note(literal_fields(data))
    )


def is_message(value: Any) -> bool:
    """Whether ``value`` (a JSON file's object, at any depth) has a WebExtension message's shape:
    an object with a string ``message`` and besides at most the :data:`MESSAGE_FIELDS` (Chrome's
    and MDN's ``messages.json``). An Electron dialog's ``{"title", "message", "detail"}`` is
    none: each of its strings is text."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("message"), str)
        and value.keys() <= MESSAGE_FIELDS
    )


def is_messages_file(data: Any) -> bool:
    """Whether ``data`` is a WebExtension messages file: every top-level value a message
    (:func:`is_message`; none empty)."""
    return isinstance(data, dict) and bool(data) and all(is_message(v) for v in data.values())


def spellings(source: Any, translated: Any) -> dict[str, str]:
    """The top-level names of ``translated`` (an existing translation of the messages file
    ``source``) that are names of ``source`` written in another case, each by the source's
    spelling (``{"saveButton": "SaveButton"}``): browsers read them as one message. Empty where
    either is no messages file, or where ``translated`` has the source's spelling too (the
    other is then an extra, as any name the source lacks), or where either has two names equal
    but for case (``save`` and ``Save``): which is which is then unsure, so names match exactly."""
    if not (is_messages_file(source) and is_messages_file(translated)):
        return {}
    if _names_differing_in_case(source) or _names_differing_in_case(translated):
        return {}
    ours = {name.lower(): name for name in source}
    return {
        ours[name.lower()]: name
        for name in translated
        if name.lower() in ours
        and ours[name.lower()] != name
        and ours[name.lower()] not in translated
    }


def _names_differing_in_case(data: dict[str, Any]) -> bool:
    """Whether ``data`` has two top-level names equal but for case (``save``, ``Save``)."""
    return len({name.lower() for name in data}) < len(data)


def respelled(data: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """``data`` with each top-level name of ``names`` written as ``names`` maps it, in place
    (the order kept)."""
    return {names.get(name, name): value for name, value in data.items()} if names else data


def message_limits(path: Path, data: Any) -> dict[str, tuple[int, str]]:
    """The length limit of each message of the messages file ``data`` (read from ``path``,
    ``_locales/en/messages.json``) that has one, by its name: the characters it may have and
    where the limit is said (module docstring). Empty where ``data`` is no messages file."""
    if not is_messages_file(data):
        return {}
    limits: dict[str, tuple[int, str]] = {}
    for name, entry in data.items():
        description = entry.get("description")
        stated = stated_max_length(description) if isinstance(description, str) else None
        if stated is not None:
            limits[name] = (stated, "its description")
    manifest = _manifest_beside(Path(path))
    names = {name.lower(): name for name in data}
    for key, maximum in MANIFEST_LIMITS.items():
        value = manifest.get(key)
        found = _WHOLE_REFERENCE.fullmatch(value) if isinstance(value, str) else None
        name = names.get(found.group(1).lower()) if found else None
        if name is not None and maximum < limits.get(name, (maximum + 1, ""))[0]:
            limits[name] = (maximum, f"manifest.json's {key}")
    return limits


def _manifest_beside(path: Path) -> dict[str, Any]:
    """The manifest of the extension whose ``_locales/<locale>/messages.json`` is ``path``;
    empty where there is none, or it is no manifest."""
    if path.parent.parent.name != "_locales":
        return {}
    manifest = path.parent.parent.parent / MANIFEST_NAME
    try:
        data = json.loads(manifest.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}
    return data if is_manifest(data) else {}
