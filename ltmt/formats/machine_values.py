"""The values of a keyed file (JSON, YAML, properties, …) that a program reads and no person:
no text to translate, copied as written and never stored in a memory.

A Dialogflow agent keeps its messages beside ``"id": "c0ffee00-2222-4b3c-9d4e-000000000001"``,
``"defaultTimezone": "Europe/Berlin"`` and ``"name": "pizza-size"``; sent to the model, the id
loses a digit (``c0ffe00-…``) and the entity's name becomes ``Pizza-size``, which no intent
refers to. Whatever its key, a value is no text when it is

- a UUID (``c0ffee00-2222-4b3c-9d4e-000000000001``);
- a hex hash: 8 hex digits or more with a digit and a letter (``3f2a9c1b``, a commit's hash);
- a number written alone (``0``, ``30``, ``-1.5``);
- a time zone's name (``Europe/Berlin``, ``America/Argentina/Buenos_Aires``);
- a relative file path: a folder, then a file's name with an extension, no space
  (``i18n/i18n.properties``, ``./img/logo.png``; a UI5 manifest's ``bundleUrl`` came back
  ``i18n/i18n. Eigenschaften``);

and under a key that names a thing by an identifier (``id``, ``name``, ``key``, ``type``,
``platform``, ``event``), a word or words joined by ``_`` or ``-`` without a space, in lower
case or in capitals (``pizza-size``, ``google``, ``WELCOME``). ``"name": "Order Pizza"`` and
``"name": "Settings"`` (a capital, then lower case: a label) stay text.
"""

from __future__ import annotations

import re

_UUID = re.compile(r"\{?[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}?")
# 8 hex digits or more, a digit and a letter among them (not "deadbeef", a word, nor a number)
_HEX_HASH = re.compile(r"(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_TIME_ZONE = re.compile(
    r"(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"(?:/[A-Za-z0-9_+-]+){1,2}"
)
# a relative file path: ./ or ../ or a folder, then more, ending in a name with an extension
_RELATIVE_PATH = re.compile(r"(?:\.{1,2}/)*[\w@.-]+(?:/[\w@.-]+)*/[\w@-][\w@.-]*\.[A-Za-z]\w{0,11}")
# keys whose values name a thing for a program (an entity, a platform, an event)
ID_KEYS = frozenset({"id", "name", "key", "type", "platform", "event"})
_NAME = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*|[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*")


def is_machine_value(text: str, key: str | int | None = None) -> bool:
    """Whether ``text`` (the value of ``key``, the name it is written under, if any) is a value
    a program reads: a UUID, a hex hash, a number, a time zone's name, a relative file path,
    or an identifier under one of :data:`ID_KEYS` (module docstring)."""
    value = text.strip()
    if any(
        form.fullmatch(value) for form in (_UUID, _HEX_HASH, _NUMBER, _TIME_ZONE, _RELATIVE_PATH)
    ):
        return True
    return key in ID_KEYS and _NAME.fullmatch(value) is not None
