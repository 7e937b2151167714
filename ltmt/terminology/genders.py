"""The gender of a German noun, from the table ``german_genders.tsv.gz`` beside this module.

``eval/build_german_genders.py`` makes the table from the training data's German side: the
determiners seen before each capitalised word (10,627 words). A compound the table lacks takes
the gender of its longest last part it has (``Zwischenspeicherdatei`` of ``Datei``), a hyphenated
one or a term of several words that of its last part. A word it knows neither way takes the
gender its ending fixes, where one does (:data:`ENDINGS`: ``Verzweigung`` is feminine as every
noun in ``-ung`` is). Read once, on first use (46 KB). A glossary term may give its target's
gender (:func:`named_gender`: ``n``, ``das``, ``neuter``), which goes before all of these: the
table lacks words rare in the training data (``Inventar``).
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from ltmt.errors import InputError

TABLE = Path(__file__).with_name("german_genders.tsv.gz")
# a compound's last part has at least this many letters (``Datei``, not ``ei``)
MIN_PART = 4
# noun endings that fix the gender (German grammar; no exceptions among nouns so formed)
ENDINGS: tuple[tuple[str, str], ...] = (
    *((ending, "f") for ending in ("ung", "heit", "keit", "schaft", "tion", "sion", "tät")),
    *((ending, "n") for ending in ("chen", "lein")),
    *((ending, "m") for ending in ("ismus", "ling")),
)
# the ways a glossary names a gender (any case): the letter, the article, TBX's grammaticalGender
GENDER_NAMES = {
    **{name: "m" for name in ("m", "der", "masculine")},
    **{name: "f" for name in ("f", "die", "feminine")},
    **{name: "n" for name in ("n", "das", "neuter")},
}
ALLOWED = "m, f, n or der, die, das"


def named_gender(value: str) -> str:
    """``"m"``, ``"f"`` or ``"n"`` for a gender as a glossary names it (:data:`GENDER_NAMES`),
    ``""`` for none (empty); an :class:`~ltmt.errors.InputError` naming the allowed values for
    another."""
    name = value.strip().casefold()
    if not name:
        return ""
    if name not in GENDER_NAMES:
        raise InputError(
            f"gender {value.strip()!r} is not one of {ALLOWED}; write one or leave it empty"
        )
    return GENDER_NAMES[name]


def gender_of(noun: str, given: str = "") -> str | None:
    """``"m"``, ``"f"`` or ``"n"`` for a German noun (or a term whose last word is one):
    ``given`` where it is one (the glossary term's own gender), else the table's; ``None``
    where the table knows neither the word nor any last part of it."""
    if given:
        return given
    head = noun.split()[-1].split("-")[-1] if noun.strip() else ""
    if not head[:1].isupper():
        return None
    table = _table()
    if head in table:
        return table[head]
    for start in range(1, len(head) - MIN_PART + 1):
        part = head[start].upper() + head[start + 1 :]
        if part in table:
            return table[part]
    for ending, gender in ENDINGS:
        if head.endswith(ending) and len(head) > len(ending) + 1:
            return gender
    return None


def is_known_noun(word: str) -> bool:
    """Whether the table holds ``word`` as written, a capitalised German word seen after a
    determiner, and it is no infinitive used as a noun (neuter, in ``-en``: "das Öffnen" is
    in the table, and "Öffnen" is most often the verb starting a line)."""
    gender = _table().get(word)
    return gender is not None and not (gender == "n" and word.endswith("en"))


def seen_after_die(plural: str, singular: str = "") -> bool:
    """Whether the table holds ``plural`` as feminine: seen after "die", the article of a
    feminine singular and of every plural ("die Werte", "die Kinder", "die Regeln"), where a
    genitive ("des Werts") or a plural's dative ("den Ordnern") is seen after another; or,
    for a compound, its last part that starts where a last part of ``singular`` of
    :data:`MIN_PART` letters or more the table holds starts ("Werte" of "Messwerte", as
    "Messwert" has "Wert"; not "Ente" of "Studente", as no part of "Student" starts there)."""
    table = _table()

    def part(word: str, start: int) -> str:
        return word[start].upper() + word[start + 1 :]

    return table.get(plural) == "f" or any(
        part(singular, start) in table and table.get(part(plural, start)) == "f"
        for start in range(1, len(singular) - MIN_PART + 1)
    )


@cache
def _table() -> dict[str, str]:
    """The table's words and genders."""
    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t") for line in handle if not line.startswith("#"))
        return {word: gender for word, gender in rows}
