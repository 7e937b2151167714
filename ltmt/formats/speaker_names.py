"""The speakers' names of a JSON dialogue file that a run translated, named in a warning.

A dialogue file writes who says each line beside it (``"speaker": "Old Miller"``); the model
reads the name as text, and a name came back ``Alt-Hiller`` in one run and ``Alt-Muller`` in
the next, unsaid (trial s77). Whether such a value is a name to keep, a role to translate
(``Guard``: ``Wache``) or a key the game looks a portrait up by, the file does not say, so a
run translates it as before and says which it changed, with how to keep them: name the key in
``--skip-keys``, or the names in a glossary. A speaker the model kept as written, or a 100 %
memory match (a translation someone approved), is not said. A word in capitals that names a
record of the file (``"speaker": "GUARD"`` beside ``"characters": {"GUARD": ...}``) is copied
already (:mod:`ltmt.formats.json_identifiers`).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from ltmt.formats.json_pointer import Place, pointer
from ltmt.wording import counted, first_few, them

logger = logging.getLogger(__name__)

# the keys a dialogue file writes a line's speaker under, lower-cased without "_"
_SPEAKER_KEYS = frozenset({"speaker", "speakername", "character", "charactername"})


def speaker_places(strings: Iterable[tuple[Place, str]]) -> dict[str, tuple[str, str]]:
    """The strings of ``strings`` (a JSON file's, with their places) under a speaker's key
    (``speaker``, ``character``, ``speaker_name``, ``characterName``), by pointer: (the key,
    the source's text)."""
    return {
        pointer(parts): (parts[-1], text)
        for parts, text in strings
        if parts
        and isinstance(parts[-1], str)
        and parts[-1].replace("_", "").lower() in _SPEAKER_KEYS
    }


def names_translated(
    speakers: Mapping[str, tuple[str, str]],
    translations: Mapping[str, str],
    from_memory: Collection[str] = (),
) -> dict[str, tuple[str, str, str]]:
    """Of ``translations`` (by pointer), those of ``speakers`` (:func:`speaker_places`) that
    are not their source as written nor a 100 % memory match (``from_memory``), by pointer:
    (the key, the source, the translation)."""
    return {
        key: (speakers[key][0], speakers[key][1], text)
        for key, text in translations.items()
        if key in speakers and key not in from_memory and text != speakers[key][1]
    }


def warn_of_names_translated(path: Path, changed: Mapping[str, tuple[str, str, str]]) -> None:
    """Say which speakers' names the output ``path`` holds translated (:func:`names_translated`),
    each name once, and how to keep them as written."""
    if not changed:
        return
    pairs = dict.fromkeys(f"{source} → {text}" for _, source, text in changed.values())
    keys = ",".join(dict.fromkeys(key for key, _, _ in changed.values()))
    logger.warning(
        "%s: %s translated as text (%s); if the game keeps %s as written or looks "
        "characters up by %s, rerun with --skip-keys %s, or give each name in a glossary",
        path,
        counted(len(pairs), "speaker name"),
        first_few(pairs),
        them(len(pairs)),
        them(len(pairs)),
        keys,
    )
