"""Whether a translation's adjectives of a glossary target agree with the words around them.

A target led by adjectives ("unerwünschtes Ereignis") renders in any ending
(:func:`ltmt.terminology.matching.renders`: German inflects the adjective by case and number),
so a wrong one passed: "ein unerwünschter Ereignis", "mit dem unerwünschtes Ereignis".
:func:`disagreements` reads each place of such a target in a German text: the number its noun
is written in (the suffix after the target's noun: none, a genitive -s, a plural ending), the
determiner before the phrase and the preposition before that (:mod:`ltmt.terminology.agreement`'s
tables), and names the places whose adjective ending agrees in no case they allow. It holds
back where it cannot tell: a determiner that itself agrees in no reading is another phrase's
("Der Arzt, dem unerwünschte Ereignisse gemeldet werden"), a word of adjective shape before the
target without a determiner ("alle", "dasselbe") may be one the table lacks, a noun followed by
other letters is a compound's head, and a target of unknown gender is not read.
A noun target right before a hyphenated compound ("die Akku Status-LED"), or a name kept as
written right before a model code ("Den CardioSense X1 Sensor"), is not read either: the
determiner is that longer phrase's. A target that
is one noun (``Tab``, masculine in the glossary) is read at its first place by its determiner
and the adjectives between (:func:`~ltmt.terminology.agreement.agreeing_variants`): "in einer
neuen Tab" would be "in einem neuen Tab" (a noun German writes alike in the plural, "Ordner",
is not: "die Ordner" may be one).
:func:`unknown_gender_articles` names a target of unknown gender led by a determiner instead
("Die Akku" for "the battery", glossary ``Akku``: the article is the gender of the word the
model wrote, "Batterie"): no source of ltmt's knows its gender (the glossary's ``gender``
column, the noun table, its endings; the hunspell dictionary has none), so the article is left
as written and a reviewer asked to check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ltmt.terminology.agreement import (
    CASES,
    DER_STEMS,
    EIN_STEMS,
    GOVERNED,
    agreeing_variants,
    governing_preposition,
    is_adjective,
    phrase_before,
    plural_endings,
    singular_endings,
)
from ltmt.terminology.genders import gender_of
from ltmt.terminology.german_forms import (
    ADJECTIVE_ENDINGS,
    ZERO_PLURAL_AFTER,
    adjective_base,
    target_stems,
)

# endings of a German plural after its noun as the glossary writes it (Zweige, Zweigen,
# Ereignisse, Ordnern, Lehrerinnen, Materialien), or after a plural stem (Vorgänge, Konten)
_PLURAL_SUFFIXES = frozenset({"", "s", "e", "n", "en", "er", "ern", "se", "sen", "nen", "ien"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
# a German determiner (article, der-word, ein-word) and the adjectives after it, as the
# text before a target writes them: "die", "Ein", "den leeren", "keine neue"
_DETERMINER = (
    r"(?i:(?:d(?:er|ie|as|en|em|es)"
    rf"|(?:{'|'.join(EIN_STEMS)})(?:e|en|em|er|es)?"
    rf"|(?:{'|'.join(DER_STEMS)})(?:e|en|em|er|es))"
    r"(?:\s+[a-zäöüß]+(?:e|en|em|er|es))*)"
)


@dataclass(frozen=True)
class Disagreement:
    """A place of a target whose adjectives agree with no case and number around it:
    ``written`` as the text has it (from the preposition or determiner before it), and the
    ``expected`` ways to write it that agree."""

    written: str
    expected: tuple[str, ...]


def disagreements(
    text: str, target: str, given: str = "", named: bool = False
) -> list[Disagreement]:
    """The places of ``target`` in ``text`` (German) whose adjectives take an ending that
    agrees with none of the cases and numbers the noun's suffix, the determiner and a
    preposition before them allow (module docstring); none for a target that is not
    adjectives and a noun of known gender (``given``: the glossary's, else the table's).
    ``named``: the target is a name kept as written (its source), whose determiner may be
    that of a noun after a model code (:func:`_before_a_noun`)."""
    gender = gender_of(target, given)
    pattern = _pattern(target)
    if gender is not None and pattern is None:
        return _noun_disagreements(text, target, gender, named)
    if gender is None or pattern is None:
        return []
    noun = target.rsplit(" ", 1)[-1]
    found = []
    for place in pattern.finditer(text):
        agreeing = _agreeing_endings(text, place, noun, gender)
        if agreeing is None:
            continue
        start, endings = agreeing
        if endings and not {place[name] for name in _ending_groups(place)} <= endings:
            found.append(_disagreement(text, place, start, endings))
    return found


def _noun_disagreements(text: str, target: str, gender: str, named: bool) -> list[Disagreement]:
    """The first place of the one-noun ``target`` in ``text`` where its determiner (and the
    adjectives after it) agree with no case of a singular of ``gender`` there (module
    docstring), as one :class:`Disagreement`; none where it agrees, or cannot be told."""
    if " " in target or not target[:1].isupper() or target.endswith(ZERO_PLURAL_AFTER):
        return []
    place = re.search(rf"(?<![\w-]){re.escape(target)}(?![\w-])", text)
    if place is None or _before_a_noun(text, place.end(), named):
        return []
    determiner, _ = phrase_before(text, place.start())
    if determiner is None:  # an adjective alone ("neuen Tab") may be another phrase's
        return []
    preposition = governing_preposition(text, determiner.start())
    start = determiner.start() if preposition is None else preposition.start()
    variants = agreeing_variants(text[: place.end()], target, gender)
    if not variants:
        return []
    return [Disagreement(text[start : place.end()], tuple(v[start:] for v in variants))]


def unknown_gender_articles(text: str, target: str, given: str = "") -> list[str]:
    """The places of ``target`` in ``text`` (German) led by a determiner, as written ("Die
    Akku"), where the gender of the target's noun is unknown: the glossary gives none
    (``given``) and :func:`~ltmt.terminology.genders.gender_of` knows none; the determiner
    may keep the gender of the word the model wrote, and no table can tell; each written
    form once."""
    noun = target.rsplit(" ", 1)[-1]
    if not noun[:1].isupper() or gender_of(target, given) is not None:
        return []
    pattern = re.compile(rf"(?<!\w){_DETERMINER}\s+{re.escape(target)}(?![\w-])")
    places = (
        place for place in pattern.finditer(text) if not _before_a_noun(text, place.end(), False)
    )
    return list(dict.fromkeys(place[0] for place in places))


# the word after a target (only spaces between)
_NEXT_WORD = re.compile(r"[^\S\n]+(\S+)")


def _before_a_noun(text: str, end: int, named: bool) -> bool:
    """Whether the target that ends at ``end`` of ``text`` stands before another noun of its
    phrase, the one the determiner before it agrees with: a hyphenated compound ("die Akku
    Status-LED"), or, after a name kept as written (``named``), a model code ("Den CardioSense
    X1 Sensor" was "'Den CardioSense' does not agree, 'Die CardioSense' would"). Not any
    capitalised word or digit: German capitalises every noun, and "Wenn der Gerät Fehler
    meldet", "Laden Sie die Akku 2 Stunden lang auf" went unflagged."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following[1]
    return "-" in word.strip("-") or (named and any(sign.isdigit() for sign in word))


@lru_cache(maxsize=1024)
def _pattern(target: str) -> re.Pattern[str] | None:
    """A pattern of ``target`` whose adjectives take any ending (groups ``ending0``,
    ``ending1`` ...), its noun any stem of its plural and any letters after it (``stem``,
    ``suffix``); ``None`` for a target that is not adjectives and a capitalised noun."""
    words = target.split(" ")
    bases = [adjective_base(word, n == 0) for n, word in enumerate(words[:-1])]
    if not bases or None in bases or not words[-1][:1].isupper():
        return None
    endings = "|".join(ADJECTIVE_ENDINGS)
    adjectives = []
    for n, base in enumerate(bases):
        assert base is not None
        # the first word may open a sentence, in capitals, or not (the glossary's "Entfernter")
        first = f"[{base[0].upper()}{base[0].lower()}]" if n == 0 else re.escape(base[0])
        head = first + re.escape(base[1:])
        name = f"ending{n}"
        adjectives.append(f"{head}(?P<{name}>{endings})")
    stems = "|".join(re.escape(stem) for stem in target_stems(words[-1]))
    noun = rf"(?P<stem>{stems})(?P<suffix>[^\W\d_]*)"
    return re.compile(rf"(?<!\w){' '.join(adjectives)} {noun}(?![\w-])")


def _ending_groups(place: re.Match[str]) -> list[str]:
    """The names of ``place``'s groups of its adjectives' endings, in order."""
    return [name for name in place.groupdict() if name.startswith("ending")]


def _agreeing_endings(
    text: str, place: re.Match[str], noun: str, gender: str
) -> tuple[int, set[str]] | None:
    """Where the phrase of ``place`` starts (its preposition, else its determiner, else the
    target) and the adjective endings that agree there; ``None`` where that cannot be told
    (module docstring)."""
    readings = _readings(place["stem"], place["suffix"], noun, gender)
    if not readings:
        return None
    determiner, adjectives = phrase_before(text, place.start())
    if determiner is None and (adjectives or _after_adjective(text, place.start())):
        return None  # "alle", "Dasselbe": perhaps a determiner the table lacks
    opening = place.start() if determiner is None else determiner.start()
    preposition = governing_preposition(text, opening)
    governed = CASES if preposition is None else GOVERNED[preposition[0].lower()]
    written = determiner[0] if determiner is not None else None
    endings: set[str] = set()
    for number, cases in readings:
        allowed = tuple(case for case in cases if case in governed)
        if number == "singular":
            endings |= singular_endings(written, gender, allowed)
        else:
            endings |= plural_endings(written, allowed)
    return (opening if preposition is None else preposition.start()), endings


def _after_adjective(text: str, at: int) -> bool:
    """Whether the word right before position ``at`` (only spaces between) has an inflected
    adjective's shape in any case ("Dasselbe" opening a sentence)."""
    before = _WORD_BEFORE.search(text[:at])
    return before is not None and is_adjective(before[1].lower())


def _readings(stem: str, suffix: str, noun: str, gender: str) -> list[tuple[str, tuple[str, ...]]]:
    """The numbers (``"singular"``, ``"plural"``) and cases the noun ``noun`` written as
    ``stem`` + ``suffix`` may stand in: as written, a singular (and a plural where German
    writes one so: "Ordner"); with -s or -es, a masculine or neuter genitive (-s a loan's
    plural too); with -n or -en, a masculine's other cases (der Patient, den Patienten) or a
    plural; with another plural ending, or a changed stem (Vorgänge), a plural; none for other
    letters (a compound: "Ereignisprotokoll")."""
    if stem != noun:
        return [("plural", CASES)] if suffix in _PLURAL_SUFFIXES else []
    if not suffix:
        zero = noun.endswith(ZERO_PLURAL_AFTER)
        return [("singular", CASES), *([("plural", CASES)] if zero else [])]
    if suffix in ("s", "es", "ses") and gender in "mn":
        return [("singular", ("gen",)), *([("plural", CASES)] if suffix == "s" else [])]
    if suffix in ("n", "en") and gender == "m":
        return [("singular", ("acc", "dat", "gen")), ("plural", CASES)]
    return [("plural", CASES)] if suffix in _PLURAL_SUFFIXES else []


def _disagreement(text: str, place: re.Match[str], start: int, endings: set[str]) -> Disagreement:
    """The :class:`Disagreement` of ``place`` in ``text``, its phrase read from ``start``,
    written with each of ``endings`` (in the order of
    :data:`~ltmt.terminology.german_forms.ADJECTIVE_ENDINGS`)."""
    expected = []
    for ending in sorted(endings, key=ADJECTIVE_ENDINGS.index):
        pieces, last = [], start
        for name in _ending_groups(place):
            pieces += [text[last : place.start(name)], ending]
            last = place.end(name)
        expected.append("".join(pieces) + text[last : place.end()])
    return Disagreement(text[start : place.end()], tuple(expected))
