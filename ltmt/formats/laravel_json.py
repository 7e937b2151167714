"""Laravel's JSON translation files: ``lang/en.json`` and ``lang/de.json``, whose keys are the
English strings themselves (``{"Log in": "Anmelden"}``), which Laravel looks up by the text a
view passes to ``__()``; a key that ``en.json`` leaves empty (``"Sign up": ""``) is its own
English. Their plurals are parted by ``|`` (:mod:`ltmt.formats.pipe_plurals`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# a key that names a message rather than says it: words joined by . or _ (auth.failed,
# welcome_message), or camel case (signUp)
_IDENTIFIER = re.compile(r"[\w-]+(?:[._][\w-]+)+|[a-z]+[A-Z]\w*")


def is_laravel_json(strings: Iterable[tuple[Sequence[object], str]]) -> bool:
    """Whether a JSON file's ``strings`` (each its path of keys and its text) are a Laravel
    source file's: a flat object, each key its own text or left empty, and one such key at
    least with a blank or a bar (a phrase or a plural: ``{"OK": "OK"}`` alone says nothing).
    An English text edited under its key (``"Whoops!": "Whoops, sorry!"``) leaves it Laravel's
    where a key is left empty too, the keys are English and half of them their own text at
    least: its empty keys were otherwise written empty over their German."""
    strings = list(strings)
    if not strings or any(len(parts) != 1 for parts, _ in strings):
        return False
    own = [str(parts[0]) for parts, text in strings if text in ("", parts[0])]
    if not any(" " in key or "|" in key for key in own):
        return False
    if len(own) == len(strings):
        return True
    data = {str(parts[0]): text for parts, text in strings}
    return "" in data.values() and 2 * len(own) >= len(strings) and keys_are_english(data)


def keys_are_english(data: Any) -> bool:
    """Whether ``data`` (a JSON file's) is a Laravel translation keyed by its English
    (``{"Log in": "Anmelden", "Dashboard": "Dashboard"}``): a flat object of strings whose keys
    are no identifiers and half of them at least phrases (with a blank)."""
    if not isinstance(data, dict) or not data or not all(isinstance(v, str) for v in data.values()):
        return False
    if any(_IDENTIFIER.fullmatch(key) for key in data):
        return False
    # Laravel's keys are the English as an app shows it (``Log in``, ``Forgot your password?``),
    # not labels (``page title``, ``login button``: a German file keyed so was read as pairs)
    shown = sum(key.strip()[:1].isupper() or not key.strip()[:1].isalpha() for key in data)
    return 2 * sum(" " in key.strip() for key in data) >= len(data) and 2 * shown >= len(data)


def with_keys_for_empty(data: dict[str, Any]) -> dict[str, Any]:
    """A Laravel source file's ``data`` with each empty value its key (``"Sign up": ""`` is
    ``Sign up``: Laravel shows the key where the value is empty in en.json, and a blank where
    it is in de.json), so it is translated."""
    return {key: value if value != "" else key for key, value in data.items()}
