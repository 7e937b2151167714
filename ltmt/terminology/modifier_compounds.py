"""A glossary target placed as the first part of a German compound, where English writes its
term as a modifier of the next noun ("coolant pump", "chip conveyor", "turret station").

German joins a modifier noun to its head: ``Kühlschmierstoffpumpe``, or hyphenated,
``Kühlschmierstoff-Pumpe``. The model may write the term as an attribute of the head
("die coolante Konzentration") or as the first part of a hyphenated compound
("Chip-Fahrer"); the target placed there as a word of its own read "die Kühlschmierstoff
Konzentration", and the article was then made to agree with the target (``der``), or the target
replaced the whole compound and the head was lost ("Der Span entfernt ..."). Placement
(:mod:`ltmt.terminology.placement`) asks these rules, and writes the hyphenated form: German
allows it for every compound, where the closed one needs the first part's linking letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ltmt.terminology.fragments import half_written
from ltmt.terminology.function_words import ENGLISH_FUNCTION_WORDS, FUNCTION_WORDS
from ltmt.terminology.genders import gender_of
from ltmt.terminology.german_forms import compound_first
from ltmt.word_tables import target_words

# a word right after the term in the input: a blank, then letters (no punctuation between)
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
# English words after a term that start no noun it modifies, but the term's object or clause
# ("share the link", "order a new end mill", "print them"): the term is a verb there
_NO_NOUN_AFTER = ENGLISH_FUNCTION_WORDS | frozenset(
    {*("each", "every", "no", "any", "some", "another", "all", "both", "us")}
)
# German pronouns written with a capital mid-sentence (the formal address: "teilen Sie",
# "Ihre Kollegen") or at a line's start: no noun a compound is headed by ("Freigaben-Sie")
_PRONOUNS = frozenset(
    {*("sie", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "du", "dich", "dir")}
    | {*("dein", "deine", "deinem", "deinen", "deiner", "deines", "euch", "euer", "eure")}
    | {*("uns", "unser", "unsere", "man", "mich", "mir", "mein", "meine", "sich", "es")}
)
# a German noun as the model writes a compound's head: a capital, then letters or hyphens
_HEAD = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*")
# a compound's head shorter than this is a noun only where the noun table knows it ("Tür")
_SHORT_HEAD = 3
# the shortest last part of a compound's part that the German word table is asked for (as
# german_forms asks it: "Konten" of "Benutzerkonten")
_MIN_WORD = 5


def writes_modifier(source: str, end: int) -> bool:
    """Whether the input line ``source`` writes a word right after its term that ends at
    ``end``: the term may be an English compound's modifier ("coolant pump"), whose German
    is one compound (:func:`joined_with_head`). Not where that word is an article, pronoun or
    other function word ("share the link", "order a new end mill"): the term is a verb there,
    and its target joined to the German verb's pronoun ("Freigaben-Sie")."""
    after = _WORD_AFTER.match(source, end)
    return after is not None and after[1].casefold() not in _NO_NOUN_AFTER


def attribute_before_head(word: str, following: str) -> bool:
    """Whether the output word ``word``, which a target replaces, is an attribute (lower case,
    no function word: "coolante", "täglichen") of the noun ``following`` right after it (a
    capital: "Konzentration"; no pronoun or function word: "teilen Sie", "bestellen Ihre" are
    a verb and its pronoun): the model wrote the term as an adjective of that noun, where
    German writes the term as the noun's compound's first part."""
    text, head = word.strip(), following.strip()
    return (
        text.isalpha()
        and text[:1].islower()
        and text.casefold() not in FUNCTION_WORDS
        and head[:1].isupper()
        and head.casefold() not in FUNCTION_WORDS | _PRONOUNS
        and _HEAD.fullmatch(head) is not None
    )


def joined_with_head(target: str, head: str, gender: str = "") -> str:
    """``target`` as the first part of a hyphenated compound with the noun ``head`` after it
    (its linking n where it takes one: :func:`~ltmt.terminology.german_forms.compound_first`):
    ``Kühlschmierstoff-Konzentration``; the compound's article is the head's."""
    return f"{compound_first(target, gender)}-{head.strip()}"


def echoed_part(word: str, source: str) -> int | None:
    """Which hyphen-separated part of the output ``word`` writes the term ``source`` as the
    input does (case-folded: "Chip" of "Chip-Fahrer" for "chip"), where ``word`` has another
    part with letters: only that part is the term's, the rest the head's (or modifier's)
    translation, which stays. ``None`` for a word of another shape."""
    parts = word.strip().split("-")
    if len(parts) < 2 or not all(any(c.isalpha() for c in part) for part in parts):
        return None
    term = source.strip().casefold()
    found = [n for n, part in enumerate(parts) if part.casefold() == term]
    return found[0] if len(found) == 1 else None


def garbled_part(word: str, part: int, source: str, targets: Iterable[str] = ()) -> bool:
    """Whether a part of the hyphenated output ``word`` other than its ``part``-th (the one a
    target replaces: :func:`echoed_part`) is a garbled fragment rather than a word: letters,
    not an acronym, that neither the noun table (:func:`~ltmt.terminology.genders.gender_of`)
    nor the German word table knows, and that neither the input line ``source`` nor the line's
    glossary ``targets`` write ("Hausen" of "Spindle-Hausen" for "spindle housing", "Referns"
    of "Chip-Referns" for "chip removal"; not "Fahrer", "OCSP", a "Responder" the input writes
    or a target "Mana"). The word is then
    replaced whole: the kept fragment read "das Spindel-Hausen", its article agreeing with it."""
    german = target_words("de") or frozenset()
    written = {w.casefold() for text in (source, *targets) for w in re.findall(r"[^\W\d_]+", text)}
    for n, text in enumerate(word.strip().split("-")):
        if n == part or not text.isalpha() or text.isupper():  # an acronym ("OCSP") stays
            continue
        folded = text.casefold()
        known = gender_of(text[:1].upper() + text[1:]) is not None or any(
            folded[start:] in german for start in range(max(1, len(folded) - _MIN_WORD + 1))
        )
        if not known and folded not in written:
            return True
    return False


def with_part_replaced(word: str, part: int, target: str, gender: str = "") -> str:
    """``word`` (hyphenated) with its ``part``-th part written as ``target``: a first part as
    a compound writes it (:func:`~ltmt.terminology.german_forms.compound_first`):
    ``Span-Fahrer`` for ``Chip-Fahrer``."""
    parts = word.strip().split("-")
    parts[part] = compound_first(target, gender) if part < len(parts) - 1 else target
    return "-".join(parts)


def leftover(rest: str, term_first: bool) -> bool:
    """Whether ``rest``, what is left of a word whose other part translates a term, is a piece
    of a garbled word rather than another compound part, of :data:`_SHORT_HEAD` letters or
    fewer: a first part the model wrote no hyphen after that is half an English word
    (:func:`~ltmt.terminology.fragments.half_written`: "Klä" of "Klärmpfe" for "workpieces";
    not "OCSP-", "IV-", "Submodule"), or a head that the noun table does not know ("ter" of
    "türretter" for "turret": "Werkzeugrevolver-Ter" was placed; not "Tür"). The word is then
    replaced whole."""
    if not term_first:
        return not rest.endswith("-") and len(rest.strip()) <= _SHORT_HEAD and half_written(rest)
    head = rest.strip("-").split("-", 1)[0]
    return len(head) <= _SHORT_HEAD and gender_of(head[:1].upper() + head[1:]) is None


def head_compound(text: str, target: str, gender: str = "") -> str | None:
    """The hyphenated compound of ``text`` that ``target`` leads (``Kühlschmierstoff-Tafel``),
    where ``target`` stands nowhere in ``text`` as a word of its own: the noun whose gender the
    determiner before it agrees with is that compound's head, not the target ("Prüfen Sie den
    Kühlschmierstoff-Tafel" is "die"); ``None`` otherwise."""
    alone = re.compile(rf"(?<![\w-]){re.escape(target)}(?![\w-])")
    if not target or alone.search(text):
        return None
    firsts = "|".join(re.escape(first) for first in {target, compound_first(target, gender)})
    found = re.search(rf"(?<![\w-])(?:{firsts})-[^\W\d_][\w-]*", text)
    return found[0] if found else None
