"""One string key, one context, however a format spells it.

A keyed format stores a string's key as its context (:mod:`ltmt.formats.keyed_catalog`), each
in its own spelling: a CSV ``key`` column and an XLIFF ``resname`` write the key as it is
(``onboarding.subtitle``), a JSON message file writes the JSON Pointer of its value, flat
(``/onboarding.subtitle``) or nested (``/onboarding/subtitle``). A localisation platform
(Lokalise, Phrase) exports one key to all of them, so memory matches compare contexts in one
spelling (:func:`key_context`): a Pointer's parts joined by ``.``. Contexts are compared, not
stored, in it, so stores written before compare alike and a pair keeps the context its file gave.

Distinct keys stay distinct: a flat file's ``a/b`` is the Pointer ``/a~1b``, whose one part
``a/b`` is not ``a.b``. A nested ``{"a": {"b": ...}}`` and a flat ``"a.b"`` compare equal, as
the platforms (and i18next's ``.`` separator) read them as one key.
"""

from __future__ import annotations

import re

# a JSON Pointer's parts: "/" then any text without "/" whose "~" escapes are "~0" and "~1";
# an empty part ("/", "//a") is left as written, so no spelling becomes "no context"
_POINTER = re.compile(r"(?:/(?:[^/~]|~[01])+)+")


def key_context(context: str) -> str:
    """``context`` in the spelling memory matches compare: a JSON Pointer's parts joined by
    ``.`` (``/onboarding/subtitle`` and ``/onboarding.subtitle`` → ``onboarding.subtitle``,
    ``/a~1b`` → ``a/b``); any other context as it is (module docstring)."""
    if not _POINTER.fullmatch(context):
        return context
    parts = context[1:].split("/")
    return ".".join(part.replace("~1", "/").replace("~0", "~") for part in parts)


def same_context(one: object, other: object) -> bool:
    """Whether two segments' contexts (``metadata["context"]``; None and ``""`` alike: no
    context) name the same place: equal in :func:`key_context`'s spelling."""
    return key_context(str(one or "")) == key_context(str(other or ""))
