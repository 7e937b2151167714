"""The words before a placed glossary target, inflected to agree with its gender and case.

Placement (:mod:`ltmt.terminology.placement`) puts a missing target where the model wrote
another word, and the determiner and adjectives before it keep the other word's gender: "einen
neuen Markierung" where the model had written "einen neuen Tag". German inflects them by a
closed table: for a target of known gender (:func:`ltmt.terminology.genders.gender_of`),
:func:`agreeing_variants` writes the phrase before it in each singular case that gender
allows (the determiner's form and the adjectives' one ending: weak after der/die/das and the
der-words, mixed after ein and the ein-words, strong with no determiner), and the caller keeps
the one the model scores best (which picks the case from the rest of the line). After placement the
model's determiner was written for its own word in the case the sentence needs: only the cases
that form stands in are offered there (``keep_case``, :func:`determiner_cases`: "das" → "die",
"einen" → "eine", "dem" → "der"; "bevor der Standzeit abgelaufen ist" was placed for "bevor das
Werkzeugleben", the model scoring the dative best). A preposition
right before the phrase narrows the cases to those it governs (:data:`GOVERNED`: "mit" and "zu"
the dative, "für" the accusative, "in" either; not "zu" as "too", before a word that is
neither a determiner nor the term's own: "zu viele Pull-Requests"), and a dative definite
article after "zu", "von" or "bei" fuses with it as German writes it ("Zum entfernten Zweig"
for "Zu entfernter Zweig"). A phrase that agrees already, in any of those cases, is left as it is.
:func:`in_dative_plural` puts a plural target after a dative preposition in the dative plural
("mit den entfernten Zweigen").
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from ltmt.terminology.function_words import FUNCTION_WORDS
from ltmt.terminology.genders import gender_of
from ltmt.word_tables import lowercase_words

# the cases in the order the tables below list their forms
CASES = ("nom", "acc", "dat", "gen")
# per gender, where each case's form stands in those tables (a feminine noun's nominative and
# accusative share one form, as do its dative and genitive; a neuter's nominative and accusative)
_CASE_FORM = {"m": (0, 1, 2, 3), "f": (0, 0, 1, 1), "n": (0, 0, 1, 2)}
# (determiner ending, adjective ending) per gender, singular, nominative to genitive
_DER_WORD = {
    "m": (("er", "e"), ("en", "en"), ("em", "en"), ("es", "en")),
    "f": (("e", "e"), ("er", "en")),
    "n": (("es", "e"), ("em", "en"), ("es", "en")),
}
_EIN_WORD = {
    "m": (("", "er"), ("en", "en"), ("em", "en"), ("es", "en")),
    "f": (("e", "e"), ("er", "en")),
    "n": (("", "es"), ("em", "en"), ("es", "en")),
}
_STRONG = {"m": ("er", "en", "em", "en"), "f": ("e", "er"), "n": ("es", "em", "en")}
_ARTICLE = {
    "m": (("der", "e"), ("den", "en"), ("dem", "en"), ("des", "en")),
    "f": (("die", "e"), ("der", "en")),
    "n": (("das", "e"), ("dem", "en"), ("des", "en")),
}
_DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des"})
# the cases a preposition governs: the dative alone, the accusative alone, or either (a
# direction or a place); "um" is left out, as in "um ... zu" the verb governs ("um dem Benutzer
# zu helfen")
GOVERNED: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("aus", "außer", "bei", "gegenüber", "mit", "nach", "seit", "von", "zu"), ("dat",)
    ),
    **dict.fromkeys(("durch", "für", "gegen", "ohne"), ("acc",)),
    **dict.fromkeys(
        ("an", "auf", "hinter", "in", "neben", "über", "unter", "vor", "zwischen"), ("acc", "dat")
    ),
}
# a preposition with the dative article, fused where German fuses it (an adjective after it
# ends in -en)
_DATIVE_FUSED = {"zu": "zum", "in": "im", "an": "am", "von": "vom", "bei": "beim"}
_FUSED = {
    "m": _DATIVE_FUSED,
    "n": _DATIVE_FUSED,
    "f": {"zu": "zur", "in": "in der", "an": "an der", "von": "von der", "bei": "bei der"},
}
_PREPOSITION = {"zum": "zu", "zur": "zu", "im": "in", "am": "an", "vom": "von", "beim": "bei"}
# the stems of the der-words and the ein-words (their endings: _STEM_ENDINGS)
DER_STEMS = ("dies", "jed", "jen", "welch", "manch", "solch")
EIN_STEMS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer")
# plural, nominative to genitive: the article; the strong endings, an adjective's without a
# determiner and a der- or ein-word's own (of those that have a plural)
_PLURAL_ARTICLE = ("die", "die", "den", "der")
_STRONG_PLURAL = ("e", "e", "en", "er")
_PLURAL_STEMS = ("dies", "jen", "welch", "manch", "solch", *EIN_STEMS[1:])
# the endings an ein-word (False) or a der-word (True) takes
_STEM_ENDINGS = {False: ("", "e", "en", "em", "er", "es"), True: ("e", "en", "em", "er", "es")}
_ADJECTIVE = re.compile(r"([a-zäöüß][a-zäöüß-]{2,}?)(em|en|er|es|e)")
# at most this many adjectives between the determiner and the target
MAX_ADJECTIVES = 2
_WORD = re.compile(r"[^\W\d_][\w-]*")
# the Unicode categories of the marks that open or close a quoted or bracketed phrase (“ ” « » ( [)
_ENCLOSING_CATEGORIES = frozenset({"Ps", "Pi", "Pf"})
# marks of those kinds that Unicode files as other punctuation, and emphasis (*bold*, _it_)
_ENCLOSING_OTHERS = frozenset("\"'*_")
# the endings of a German plural that adds -n in the dative (Zweige → Zweigen, Ordner →
# Ordnern); a plural in -n, -s, -a or -i keeps its form (Dateien, Pull-Requests, Schemata)
DATIVE_N_AFTER = ("e", "er", "el")
# a count, in digits or a word ("mit drei Gutscheinen"), and one between a preposition and a
# plural phrase with no determiner ("mit 3 Gutscheinen"), or after "zu" (the preposition then,
# not "too": "zu 3 Gutscheinen")
_COUNT = r"(?:\d+(?:[.,]\d+)*|(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\b)"
_COUNT_BEFORE = re.compile(rf"(?<!\w){_COUNT}[ \u00a0\u202f]+$", re.IGNORECASE)
_COUNT_AT = re.compile(rf"{_COUNT}[ \u00a0\u202f]", re.IGNORECASE)

# the singular determiners of a masculine noun's accusative, dative and genitive (fused with a
# preposition too): a weak noun after one takes -n ("des Kunden"); "den" is also the dative
# plural, so only a target the source writes in the singular is given to in_weak_declension
_OBLIQUE_SINGULAR = frozenset(
    {
        *(stem + ending for stem in ("d", "ein", "dies", "jed") for ending in ("em", "en", "es")),
        *("zum", "vom", "beim", "im", "am"),
    }
)
_GENITIVE = frozenset({"des", "eines", "dieses", "jedes"})
# weak masculine nouns that take -ns in the genitive ("des Namens", "des Gedankens"), as the
# last part of a compound too ("des Dateinamens")
_MIXED_WEAK = ("name", "gedanke", "buchstabe", "glaube", "wille", "friede", "funke", "same")
# masculine nouns in -e that are strong ("des Käses")
_STRONG_IN_E = frozenset({"käse"})


class _Writing(NamedTuple):
    """One way to write a phrase: ``text[start:end]`` (its determiner, with a fused
    preposition, or nothing) becomes ``written``, and its adjectives end in ``ending``."""

    start: int
    end: int
    written: str
    ending: str


def agreeing_variants(text: str, target: str, gender: str, keep_case: bool = False) -> list[str]:
    """``text`` with the phrase right before the first place of ``target`` (before its noun,
    for a target led by adjectives: they inflect too) written in each case its determiner and
    adjectives agree with a noun of ``gender`` (``m``, ``f``, ``n``): the cases a preposition
    right before it governs, nominative or accusative where the phrase opens the text, else
    all; with ``keep_case``, of those only the cases its determiner stands in
    (:func:`determiner_cases`: the model wrote it for its own word, in the case the sentence
    needs); empty where that phrase agrees already, or there is none, or its determiner is not
    one German inflects by this table."""
    span = _target_span(text, target)
    if span is None:
        return []
    at = span[0]
    determiner, adjectives = phrase_before(text, at + _own_adjectives_length(target))
    if determiner is None and not adjectives:
        return []
    writings = _writings(text, determiner, adjectives, gender, at, keep_case)
    now = _ending(adjectives[0][0]) if adjectives else None
    if any(_agrees(text, writing, now) for writing in writings):
        return []
    return list(dict.fromkeys(_written(text, writing, adjectives) for writing in writings))


def in_dative_plural(text: str, target: str) -> str:
    """``text`` with the phrase of the plural ``target`` (a noun, or one led by adjectives) in
    the dative plural where a preposition that governs the dative alone stands right before the
    phrase: its determiner ``den`` (``diesen``, ``keinen``), its adjectives in -en, and its
    noun with the -n a plural in -e, -er or -el takes ("mit den entfernten Zweigen" for "mit
    den entfernte Zweige"), a count between them too ("mit 3 Gutscheinen", "mit drei
    Gutscheinen", "zu 3 Gutscheinen"; not after "bis zu", "up to": "Bis zu 3 Aufträge
    annehmen", but "mit bis zu 4 Mitspielern"); ``text`` as it is otherwise, or where the
    determiner has no plural ("einem")."""
    span = _target_span(text, target)
    if span is None or not target.rsplit(" ", 1)[-1][:1].isupper():
        return text
    determiner, adjectives = phrase_before(text, span[0] + _own_adjectives_length(target))
    opening = (determiner or adjectives[0]).start() if determiner or adjectives else span[0]
    counted = _COUNT_BEFORE.search(text, 0, opening) if determiner is None else None
    preposition = governing_preposition(text, counted.start() if counted else opening, span[0])
    if preposition is None or GOVERNED[preposition[0].lower()] != ("dat",):
        return text
    plural = "" if determiner is None else _dative_plural_determiner(determiner[0])
    if plural is None:
        return text
    start = opening if determiner is None else determiner.start()
    end = opening if determiner is None else determiner.end()
    ending = "n" if text[: span[1]].endswith(DATIVE_N_AFTER) else ""
    written = _written(text[: span[1]], _Writing(start, end, plural, "en"), adjectives)
    return written + ending + text[span[1] :]


def in_weak_declension(text: str, target: str) -> str:
    """``text`` with the singular ``target`` given the -n of a German weak masculine noun
    (Kunde, Kollege, Junge; -ns in the genitive of Name, Gedanke) where a determiner of the
    accusative, dative or genitive singular stands right before its phrase ("des Kunden" for
    "des Kunde", "dem Kollegen", "des Namens"); ``text`` as it is otherwise. A weak noun is a
    masculine one in -e (:func:`~ltmt.terminology.genders.gender_of`) that is no English word
    (:func:`~ltmt.word_tables.lowercase_words`: "des Codes", "des Caches" are strong)."""
    span = _target_span(text, target)
    if span is None or not _is_weak_noun(target):
        return text
    determiner, _ = phrase_before(text, span[0] + _own_adjectives_length(target))
    if determiner is None or determiner[0].lower() not in _OBLIQUE_SINGULAR:
        return text
    mixed = target.lower().endswith(_MIXED_WEAK) and determiner[0].lower() in _GENITIVE
    return text[: span[1]] + ("ns" if mixed else "n") + text[span[1] :]


def _is_weak_noun(target: str) -> bool:
    """Whether ``target``'s noun (its last word, or a hyphenated one's last part) is a German
    weak masculine noun (:func:`in_weak_declension`)."""
    head = target.split()[-1].split("-")[-1] if target.strip() else ""
    word = head.lower()
    return (
        word.endswith("e")
        and gender_of(head) == "m"
        and word not in _STRONG_IN_E
        and (word.endswith(_MIXED_WEAK) or word not in lowercase_words())
    )


def _writings(
    text: str,
    determiner: re.Match[str] | None,
    adjectives: list[re.Match[str]],
    gender: str,
    term_at: int,
    keep_case: bool = False,
) -> list[_Writing]:
    """The ways the phrase of ``determiner`` and ``adjectives`` in ``text`` before the term
    at ``term_at`` agrees with a singular noun of ``gender``, one per case it may stand in
    (:func:`agreeing_variants`; ``keep_case``: its determiner's cases alone, where the
    preposition's allow one); none for a determiner this table does not inflect."""
    if determiner is not None and determiner[0].lower() in _PREPOSITION:  # zum, im: a dative
        article = _FUSED[gender][_PREPOSITION[determiner[0].lower()]]
        return [_Writing(*determiner.span(), _written_like(determiner[0], article), "en")]
    forms = _forms(determiner[0] if determiner else None, gender)
    if forms is None:
        return []
    opening = (determiner or adjectives[0]).start()
    preposition = governing_preposition(text, opening, term_at)
    writings = []
    cases = _cases(text, opening, preposition)
    if keep_case and determiner is not None:  # the sentence gave the determiner its case
        cases = tuple(case for case in cases if case in determiner_cases(determiner[0])) or cases
    for case in cases:
        form, ending = forms[_CASE_FORM[gender][CASES.index(case)]]
        fused = _fused(preposition, determiner, gender) if case == "dat" else None
        if fused is not None:
            writings.append(fused)
        elif determiner is not None:
            writings.append(
                _Writing(*determiner.span(), _written_like(determiner[0], form), ending)
            )
        else:
            writings.append(_Writing(opening, opening, "", ending))
    return list(dict.fromkeys(writings))


def _cases(text: str, opening: int, preposition: re.Match[str] | None) -> tuple[str, ...]:
    """The cases a phrase that starts at ``opening`` may stand in: those ``preposition``
    governs; nominative or accusative where the phrase opens ``text`` (nothing before it
    governs another case); else all four."""
    if preposition is not None:
        return GOVERNED[preposition[0].lower()]
    if not text[:opening].strip():
        return ("nom", "acc")
    return CASES


def determiner_cases(determiner: str) -> frozenset[str]:
    """The cases ``determiner`` stands in before a singular noun of some gender: the case
    the sentence gave it, whatever noun it was written for ("das", "ein": nominative or
    accusative; "den", "einen": accusative; "dem": dative; "der": nominative, dative or
    genitive). A target placed after it keeps that case and changes its gender ("bevor das
    Standzeit" is "die Standzeit", not "der"); empty for a word that is no determiner this
    module inflects."""
    word = determiner.lower()
    if word in _PREPOSITION:  # zum, im: the dative article fused
        return frozenset({"dat"})
    cases: set[str] = set()
    for gender, places in _CASE_FORM.items():
        forms = _forms(word, gender) or ()
        cases.update(
            case for case, n in zip(CASES, places) if n < len(forms) and forms[n][0] == word
        )
    return frozenset(cases)


def governing_preposition(
    text: str, opening: int, term_at: int | None = None
) -> re.Match[str] | None:
    """The preposition of :data:`GOVERNED` right before position ``opening`` (only spaces
    between), where a phrase starts (its determiner, else its first adjective) that ends in
    the term at ``term_at`` (default: the phrase opens with its determiner or the term), if
    there is one; not "zu" where it means "too" (:func:`_means_too`), nor the "zu" of "bis zu"
    before a count, "up to" ("Bis zu 3 Aufträge annehmen": the one before "bis" governs,
    "mit bis zu 4 Mitspielern")."""
    words = list(_WORD.finditer(text[:opening]))
    if not words or text[words[-1].end() : opening].strip():
        return None
    word = words[-1]
    if _up_to(text, words) and _COUNT_AT.match(text, opening):
        return governing_preposition(text, words[-2].start(), term_at)
    if word[0].lower() not in GOVERNED:
        return None
    if word[0].lower() == "zu" and _means_too(text, words, opening, term_at):
        return None
    return word


def _up_to(text: str, words: list[re.Match[str]]) -> bool:
    """Whether ``words`` (of ``text``) end in "bis zu", only spaces between the two."""
    return (
        len(words) > 1
        and words[-1][0].lower() == "zu"
        and words[-2][0].lower() == "bis"
        and not text[words[-2].end() : words[-1].start()].strip()
    )


def _means_too(text: str, words: list[re.Match[str]], opening: int, term_at: int | None) -> bool:
    """Whether the "zu" that ends ``words`` (the words of ``text`` before position
    ``opening``) is the adverb "too": after a determiner ("eine zu alte Datei"), or before a
    word that is neither a determiner nor the term's own first word ("zu viele
    Pull-Requests", "zu alte Dateien": a quantifier or an adjective of the phrase; "Zu
    entfernter Zweig", of the term "entfernter Zweig", and "zu 3 Gutscheine", before a count,
    are a preposition's phrase)."""
    before = words[-2] if len(words) > 1 else None
    if (
        before is not None
        and _is_determiner(before[0])
        and not text[before.end() : words[-1].start()].strip()
    ):
        return True
    if term_at is None or opening >= term_at or _COUNT_AT.match(text, opening):
        return False
    following = _WORD.match(text, opening)
    return following is None or not _is_determiner(following[0])


def singular_endings(determiner: str | None, gender: str, cases: tuple[str, ...]) -> set[str]:
    """The endings an adjective takes after ``determiner`` (``None``: none) before a singular
    noun of ``gender``, in those of ``cases`` where ``determiner`` is written so ("ein" before
    a neuter: -es, its nominative and accusative); empty where it is written so in none, or is
    no determiner this table inflects."""
    if determiner is not None and determiner.lower() in _PREPOSITION:  # zum, im: a dative
        fused = _FUSED[gender][_PREPOSITION[determiner.lower()]] == determiner.lower()
        return {"en"} if fused and "dat" in cases else set()
    forms = _forms(determiner, gender) or ()
    written = (determiner or "").lower()
    at = {_CASE_FORM[gender][CASES.index(case)] for case in cases}
    return {ending for n, (form, ending) in enumerate(forms) if n in at and form == written}


def plural_endings(determiner: str | None, cases: tuple[str, ...]) -> set[str]:
    """The endings an adjective takes after ``determiner`` (``None``: none) before a plural
    noun, in those of ``cases`` where ``determiner`` is written so: -en after a determiner
    ("die", "keinen", "diese"), strong endings without one (-e, dative -en, genitive -er);
    empty where ``determiner`` is written so in none ("das", "ein")."""
    at = [CASES.index(case) for case in cases]
    if determiner is None:
        return {_STRONG_PLURAL[n] for n in at}
    word = determiner.lower()
    for n in at:
        if word == _PLURAL_ARTICLE[n] or any(word == s + _STRONG_PLURAL[n] for s in _PLURAL_STEMS):
            return {"en"}
    return set()


def _fused(
    preposition: re.Match[str] | None, determiner: re.Match[str] | None, gender: str
) -> _Writing | None:
    """The dative of a phrase after ``preposition`` written with the article fused into it
    ("zum", "zur", "vom", "beim"), where that preposition governs the dative alone and fuses,
    and the phrase's determiner is the definite article, or it has none and the fused form is
    one word ("Zu entfernter Zweig" → "Zum entfernten Zweig"; "von neuer Datei" keeps its strong
    ending). Not after "in" or "an": the model, offered "im" beside "in das", scores the
    shorter phrase better whichever case the verb wants ("Datei im Verzeichnis kopieren")."""
    word = preposition[0].lower() if preposition is not None else ""
    if preposition is None or word not in _FUSED[gender] or GOVERNED[word] != ("dat",):
        return None
    fused = _FUSED[gender][word]
    if determiner is None and " " in fused:
        return None
    if determiner is not None and determiner[0].lower() not in _DEFINITE:
        return None
    end = preposition.end() if determiner is None else determiner.end()
    return _Writing(preposition.start(), end, _written_like(preposition[0], fused), "en")


def _agrees(text: str, writing: _Writing, ending: str | None) -> bool:
    """Whether ``text`` is already written as ``writing`` says (``ending``: its adjectives'
    ending, ``None`` where there are none)."""
    return text[writing.start : writing.end].lower() == writing.written.lower() and ending in (
        writing.ending,
        None,
    )


def _written(text: str, writing: _Writing, adjectives: list[re.Match[str]]) -> str:
    """``text`` with its phrase written as ``writing`` says (``adjectives``: the phrase's)."""
    pieces, last = [text[: writing.start], writing.written], writing.end
    for adjective in adjectives:
        stem = _ADJECTIVE.fullmatch(adjective[0])
        assert stem is not None
        pieces += [text[last : adjective.start()], stem[1] + writing.ending]
        last = adjective.end()
    return "".join(pieces) + text[last:]


def _dative_plural_determiner(word: str) -> str | None:
    """``word``, a determiner, in the dative plural ("den", "diesen", "keinen"), as written
    (its capital); ``None`` for one with no plural ("ein", "zum")."""
    lower = word.lower()
    if lower in _DEFINITE:
        return _written_like(word, "den")
    for stems, der_word in ((EIN_STEMS, False), (DER_STEMS, True)):
        for stem in stems:
            if lower.startswith(stem) and lower[len(stem) :] in _STEM_ENDINGS[der_word]:
                return None if stem == "ein" else _written_like(word, stem + "en")
    return None


def _own_adjectives_length(target: str) -> int:
    """How many characters of ``target`` stand before its noun where the words before that
    noun are all adjectives ("unerwünschtes " of "unerwünschtes Ereignis"): they are part of
    the phrase that agrees ("mit einem unerwünschten Ereignis", not "mit einem unerwünschtes
    Ereignis"); 0 for a target of one word or one led by another word ("Git Repository")."""
    leading = target.split(" ")[:-1]
    if not leading or not all(is_adjective(word) for word in leading):
        return 0
    return target.rfind(" ") + 1


def phrase_before(text: str, at: int) -> tuple[re.Match[str] | None, list[re.Match[str]]]:
    """The determiner and the adjectives (in order) right before position ``at``."""
    adjectives: list[re.Match[str]] = []
    end = at
    for word in reversed(list(_WORD.finditer(text[:at]))):
        if not _within_phrase(text[word.end() : end]):
            break
        if _is_determiner(word[0]):
            adjectives.reverse()
            return word, adjectives
        if len(adjectives) == MAX_ADJECTIVES or not is_adjective(word[0]):
            break
        adjectives.append(word)
        end = word.start()
    adjectives.reverse()
    return None, adjectives


def _within_phrase(gap: str) -> bool:
    """Whether ``gap``, what stands between two words, leaves them in one phrase: only spaces
    and the marks that enclose a quoted, bracketed or emphasised word (the determiner of
    ``Die "Vertrag"`` is that of ``Vertrag``); a comma, stop or other mark ends the phrase."""
    return all(
        char.isspace()
        or char in _ENCLOSING_OTHERS
        or unicodedata.category(char) in _ENCLOSING_CATEGORIES
        for char in gap
    )


def _forms(determiner: str | None, gender: str) -> tuple[tuple[str, str], ...] | None:
    """(determiner form, adjective ending) of each singular case of ``gender`` for a phrase
    opened by ``determiner`` (``None``: no determiner, the forms are ``("", ending)``);
    ``None`` for a word that is no determiner this table inflects."""
    if determiner is None:
        return tuple(("", ending) for ending in _STRONG[gender])
    word = determiner.lower()
    if word in _DEFINITE:
        return _ARTICLE[gender]
    if word in _PREPOSITION:
        return ((_FUSED[gender][_PREPOSITION[word]], "en"),)
    for stems, table in ((EIN_STEMS, _EIN_WORD), (DER_STEMS, _DER_WORD)):
        for stem in stems:
            if word.startswith(stem) and word[len(stem) :] in _STEM_ENDINGS[table is _DER_WORD]:
                return tuple((stem + ending, adjective) for ending, adjective in table[gender])
    return None


def _is_determiner(word: str) -> bool:
    """Whether ``word`` is a determiner this module inflects (:func:`_forms` knows it)."""
    return _forms(word, "m") is not None


def _ending(adjective: str) -> str | None:
    """The inflection ending of an adjective (``None`` for a word with none)."""
    found = _ADJECTIVE.fullmatch(adjective)
    return found[2] if found else None


def _written_like(word: str, form: str) -> str:
    """``form`` with ``word``'s capital letter where it has one."""
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def _target_span(text: str, target: str) -> tuple[int, int] | None:
    """Where the noun ``target`` first stands in ``text``, start and end: ``target`` as a
    word of its own or as the last part of a hyphenated compound (then it starts where the
    compound starts: ``Konvertierung-Angabe`` is feminine as ``Angabe`` is); not as a
    compound's first part (``Element-Datei`` is feminine whatever ``Element`` is) nor inside a
    word."""
    for found in re.finditer(re.escape(target), text):
        before = text[found.start() - 1] if found.start() else " "
        after = text[found.end()] if found.end() < len(text) else " "
        if before.isalnum() or after.isalnum() or after == "-":
            continue
        start = found.start()
        while start and (text[start - 1].isalnum() or text[start - 1] == "-"):
            start -= 1
        return start, found.end()
    return None


def is_adjective(word: str) -> bool:
    """Whether ``word`` may be an inflected adjective: lower case, an adjective ending, and no
    function word (auxiliaries, prepositions, conjunctions)."""
    return word.lower() not in FUNCTION_WORDS and _ADJECTIVE.fullmatch(word) is not None
