"""A glossary target written as the last part (the head) of a German compound.

German joins a noun to the words that qualify it: ``Health Potion`` is ``Heiltrank``, which
renders the glossary's ``potion`` → ``Trank``, as its head. :func:`~ltmt.terminology.matching.
rendered_at` finds a target only at a word's start (its compounds with the target first), so
``ltmt qa`` warned "'Potion' is 'Trank' in the glossary" of the human translation.
:func:`head_at` finds the target (or its umlauted plural stem, ``Heiltränke``) at a word's end
after a German word of three letters or more with a vowel (ltmt's German word table, with a
linking ``s``, ``es``, ``n``, ``en`` or ``er`` or without: ``Heil``, ``Zugriffs``), the noun's
endings alone after it: not ``Urkunde`` for ``Kunde`` (two letters before), ``Vorrat`` for
``Rat`` (a target of three letters: too short to tell), nor a word that merely ends in the
target's letters (``Legende`` for ``Ende``, ``Strecke`` for ``Ecke``, ``Ballast`` for ``Last``,
``Zugriffskontrolle`` for ``Rolle``: ``Leg``, ``Str``, ``Bal``, ``Zugriffskont`` are no words).
Where the source writes the term in capitals, a compound in capitals has it too
(``RAHMENVERTRAG`` for 'AGREEMENT' → ``Vertrag`` was flagged where ``Rahmenvertrag`` passed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ltmt.terminology.german_forms import target_stems
from ltmt.terminology.matching import renders
from ltmt.word_tables import target_words

_FIRST_PART = 3  # the fewest letters of the part before the head
_SHORTEST = 4  # the fewest letters of a target found as a head
# the endings of a German noun's head by case and number: Heiltrank, Heiltranks, Heiltränke
_ENDINGS = ("", "e", "n", "en", "s", "es", "er", "ern", "se", "sen")
# what may join a compound's first part to its head (Zugriffs-, Kunden-, Kinder-)
_LINKS = ("s", "es", "n", "en", "er")
_VOWEL = re.compile("[aeiouyäöü]")


def head_at(target: str, output: str, written: str = "") -> set[int]:
    """The start of the head in each word of ``output`` (in its composed form, NFC) whose
    head is the noun ``target`` (module docstring): not the word's start, which may be another
    target's place (``Kontoeinstellungen`` renders both 'account' → ``Konto`` and 'settings' →
    ``Einstellungen``). Empty for a target of several words, or no noun. ``written``: the
    term as the source writes it; where that is in capitals (``MASTER SERVICES AGREEMENT``),
    a compound in capitals has the head too (``RAHMENVERTRAG`` for ``Vertrag``), as
    :func:`~ltmt.terminology.matching.renders` reads a target in capitals."""
    target = unicodedata.normalize("NFC", target)
    if " " in target or len(target) < _SHORTEST or not target[:1].isupper():
        return set()
    output = unicodedata.normalize("NFC", output)
    found = _heads(_head_pattern(target, capitals=False), output)
    if written.isupper():
        found |= _heads(_head_pattern(target, capitals=True), output, capitals=True)
    return found


def _head_pattern(target: str, capitals: bool) -> re.Pattern[str]:
    """A word with a first part of :data:`_FIRST_PART` letters or more, then one of
    ``target``'s stems and a noun's ending: in small letters as a compound writes them
    (``Heiltrank``), or with ``capitals`` in capitals (``HEILTRANK``)."""
    cased = str.upper if capitals else str.casefold
    stems = "|".join(re.escape(cased(stem)) for stem in target_stems(target))
    endings = "|".join(cased(ending) for ending in _ENDINGS)
    return re.compile(rf"(?<!\w)([^\W\d_]{{{_FIRST_PART},}}?)(?:{stems})(?:{endings})(?!\w)")


def _heads(pattern: re.Pattern[str], output: str, capitals: bool = False) -> set[int]:
    """The start of the head of each word of ``output`` that ``pattern`` finds after a first
    part that is a German word (:func:`_is_first_part`), the whole word in capitals where
    ``capitals`` asks for them."""
    return {
        found.end(1)
        for found in pattern.finditer(output)
        if _is_first_part(found[1]) and (not capitals or found[0].isupper())
    }


def head_beside(target: str, others: Sequence[str], output: str) -> bool:
    """Whether a word of ``output`` has the noun ``target`` as its head (:func:`head_at`) after
    a first part that renders another of ``others`` (the line's other glossary targets):
    ``Kontoeinstellungen`` carries 'settings' → ``Einstellungen`` where 'account' → ``Konto``
    is the line's too, and a target placed beside it says it twice. A compound whose first
    part is the model's own (``Baumobjekt`` for "tree object", ``partiellencheckout`` for
    "sparse checkout") writes no target apart: its part is replaced (``Baum-Objekt``)."""
    output = unicodedata.normalize("NFC", output)
    others = [other for other in others if other.casefold() != target.casefold()]
    for head in head_at(target, output) if others else ():
        first = re.findall(r"[^\W\d_]+$", output[:head])[0]
        if any(renders(other, first) for other in others):
            return True
    return False


def _is_first_part(part: str) -> bool:
    """Whether ``part`` is a German word that can start a compound, with its linking letters
    or without (module docstring)."""
    words = target_words("de") or frozenset()
    part = part.casefold()
    bare = [part[: -len(link)] for link in _LINKS if part.endswith(link)]
    return any(
        len(word) >= _FIRST_PART and _VOWEL.search(word) is not None and word in words
        for word in (part, *bare)
    )
