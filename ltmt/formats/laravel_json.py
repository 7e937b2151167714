"""Laravel's JSON translation files: ``lang/en.json`` and ``lang/de.json``, whose keys are the
English strings themselves (``{"Log in": "Anmelden"}``), which Laravel looks up by the text a
view passes to ``__()``; a key that ``en.json`` leaves empty (``"Sign up": ""``) is its own
English. Their plurals are parted by ``|`` (:mod:`ltmt.formats.pipe_plurals`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def is_laravel_json(strings: Iterable[tuple[Sequence[object], str]]) -> bool:
    """Whether a JSON file's ``strings`` (each its path of keys and its text) are a Laravel
    source file's: a flat object, each key its own text or left empty, and one such key at
    least with a blank or a bar (a phrase or a plural: ``{"OK": "OK"}`` alone says nothing)."""
    strings = list(strings)
    if not strings or any(len(parts) != 1 or text not in ("", parts[0]) for parts, text in strings):
        return False
    return any(" " in str(parts[0]) or "|" in str(parts[0]) for parts, _ in strings)
