"""German nouns made of adjectives, which decline as adjectives do.

GDPR's key terms are such nouns (``Verantwortlicher``, ``Betroffener``, ``Beschäftigter``,
``Datenschutzbeauftragter``), and a termbase holds them in the dictionary's form, the strong
nominative in -er (-es for a neuter). An output writes the form its article and case ask for:
"des Verantwortlichen", "der Verantwortliche", "einem Verantwortlichen". The glossary's form is
no stem of those, so ltmt's stem rule (:func:`~ltmt.terminology.matching.renders`) found no
rendering: the glossary step replaced a correct "des Verantwortlichen" by "des
Verantwortlicher" (or appended it), and qa flagged it. :func:`adjectival_stem` tells such a
noun, narrowly, by its shape: an adjective's or a participle's stem and no noun's genitive; an
agent noun (``Anbieter``: "des Anbieters", ``Vertreter``, ``Zeiger``) is none.
"""

from __future__ import annotations

import re

from ltmt.terminology.agreement import EIN_STEMS, governing_preposition, phrase_before
from ltmt.text import LETTERS
from ltmt.word_tables import target_words

# the strong nominative endings a dictionary writes such a noun with (ein Verantwortlicher,
# ein Neues), and the endings of its other forms
DICTIONARY_ENDINGS = ("er", "es")
DECLINED_ENDINGS = ("e", "en", "em", "er", "es")
# suffixes that make an adjective (verantwort|lich, sachverständ|ig, arbeits|los); -ig not
# after an e, where it is a verb's stem (Zeiger, Geiger, Steiger)
_ADJECTIVE_SUFFIXES = ("lich", "isch", "bar", "sam", "haft", "los", "ig")
# the prefixes of a past participle (angestellt, beschäftigt, versichert, betroffen), or a
# verb in -ieren's (registriert)
_PARTICIPLE_MARKS = ("ge", "be", "ver", "er", "ent", "zer", "emp", "ier")
# the prefixes a verb's last part may follow inside a participle: inseparable ones start it
# (datenschutz|beauftragt), separable ones and ge- or zu- stand before it (an|ge|stellt)
_INSEPARABLE = ("be", "ver", "er", "ent", "zer", "emp")
_SEPARABLE = (
    *("ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "ge", "weg", "her"),
    *("hin", "fest", "frei", "zurück", "über", "unter", "durch", "um", "wieder", "zusammen"),
)
# plain adjectives whose nouns a legal or official termbase holds (Dritter, Beamter)
_PLAIN_ADJECTIVES = ("dritt", "beamt", "bekannt", "verwandt", "deutsch", "fremd")
# the determiners after which an adjective's noun in the singular ends in -en: a dative's, a
# genitive's, a masculine accusative's (dieses, a neuter's nominative too, is left out)
_OBLIQUE = frozenset(
    {
        *(stem + ending for stem in EIN_STEMS for ending in ("em", "en", "es", "er")),
        *(stem + ending for stem in ("dies", "jed", "jen") for ending in ("em", "en")),
        *("dem", "den", "des", "zum", "zur", "vom", "beim", "im", "am"),
    }
)
# those of a masculine nominative, or a feminine's genitive and dative (after a preposition or
# a noun: "Weisungen der Verantwortlichen")
_DER_WORDS = frozenset({"der", "dieser", "jeder", "jener"})
# those of a nominative or accusative whose adjective ends in -e (die, das, eine)
_WEAK_E = frozenset({"die", "das", "diese", "jede", "jene", *(stem + "e" for stem in EIN_STEMS)})
# the determiners of a plural alone, which phrase_before does not know: an adjective's noun
# after them ends in -en ("alle Beamten", "Alle Beamten müssen unterschreiben")
_PLURAL_ONLY = frozenset({"alle", "allen", "sämtliche", "sämtlichen", "beide", "beiden"})
# the determiners after which an adjective's noun in the plural ends in -en, in every case
# ("die Verantwortlichen", "keine Beamten", "den Betroffenen"), not the strong "einige Beamte"
_WEAK_PLURAL = frozenset(
    {
        *_PLURAL_ONLY,
        *("die", "den", "der", "diese", "diesen", "dieser", "jene", "jenen", "jener"),
        *(stem + ending for stem in EIN_STEMS[1:] for ending in ("e", "en", "er")),
    }
)
# the characters before a place that its determiner, adjectives and preposition stand in
_PHRASE_REACH = 200
# the fewest letters of a compound's head, and of the words before it, that the word table
# is asked about (gläubiger of Pfandgläubiger; not ritter of Dritter)
_MIN_HEAD = 5
_MIN_MODIFIER = 3
# the fewest letters of a head's root before its adjective's ending (gläub|ig; not f|isch)
_MIN_ROOT = 3
# the fewest letters of a verb's last part that the word table is asked about (sitzen)
_MIN_PART = 5


def adjectival_stem(noun: str) -> str | None:
    """The stem of ``noun`` (one German word, capitalised) where it is an adjective's noun in
    the form a dictionary writes it, the strong nominative in -er or -es ("Verantwortlich" of
    "Verantwortlicher", "Betroffen" of "Betroffener"); ``None`` for any other word. An
    adjective's noun has no genitive in -s nor plural in -n of its own: a noun that ltmt's
    German word table knows with either ("Anbieters", "Vertretern") is none, nor a compound
    whose head it knows so ("Insolvenzgläubiger", "Strafverteidiger")."""
    if not (noun[:1].isupper() and noun[1:].isalpha() and noun[1:].islower()):
        return None
    if not noun.endswith(DICTIONARY_ENDINGS):
        return None
    german = target_words("de")
    stem = noun[:-2]
    folded = stem.casefold()
    if german is None or len(folded) < 4:
        return None
    whole = noun.casefold()
    if _has_noun_forms(whole, german) or _has_noun_forms(_head(whole, german), german):
        return None  # an agent noun, or its compound (judged by its head: Pfandgläubiger)
    return stem if _adjective_shaped(folded, german) else None


def _has_noun_forms(word: str, german: frozenset[str]) -> bool:
    """Whether the word table knows ``word`` (case-folded) with a noun's genitive in -s or
    plural in -n ("verteidigers", "gläubigern")."""
    return bool(word) and (word + "s" in german or word + "n" in german)


def _head(word: str, german: frozenset[str]) -> str:
    """The head of the compound ``word`` (case-folded): its longest end of
    :data:`_MIN_HEAD` letters or more, after :data:`_MIN_MODIFIER` or more, that the word
    table knows and that holds a root besides the adjective's ending ("gläubiger" of
    "insolvenzgläubiger", "verteidiger" of "strafverteidiger"; not "sender" of "reisender" nor
    "fischer" of "geografischer"); ``""`` where it knows none. The table seldom holds a
    compound, and an agent noun's compound is one too, not an adjective's noun."""
    for start in range(_MIN_MODIFIER, len(word) - _MIN_HEAD + 1):
        head = word[start:]
        if head in german and len(_root(head[:-2])) >= _MIN_ROOT:
            return head
    return ""


def _root(stem: str) -> str:
    """``stem`` without an adjective's suffix or a present participle's -end at its end."""
    for ending in (*_ADJECTIVE_SUFFIXES, "end"):
        if stem.endswith(ending):
            return stem[: -len(ending)]
    return stem


def declined_forms(noun: str) -> tuple[str, ...]:
    """The forms of ``noun``, an adjective's noun (:func:`adjectival_stem`), that its article
    and case ask for ("Verantwortliche", "Verantwortlichen" ...); ``()`` for another word."""
    stem = adjectival_stem(noun)
    return () if stem is None else tuple(stem + ending for ending in DECLINED_ENDINGS)


def _adjective_shaped(stem: str, german: frozenset[str]) -> bool:
    """Whether ``stem`` (case-folded) is an adjective's or a participle's: an adjective's
    suffix, a present participle of a known verb (vorsitzend of sitzen), a past participle
    (beschäftigt, versichert of versichern, angestellt of stellen, betroffen), or a plain
    adjective of :data:`_PLAIN_ADJECTIVES`."""
    if stem.endswith(_PLAIN_ADJECTIVES):
        return True
    for suffix in _ADJECTIVE_SUFFIXES:
        if stem.endswith(suffix) and len(stem) >= len(suffix) + 3:
            # not a verb's stem (Zeiger, Geiger; a verb in -igen: bestätigt, Bestätiger), nor
            # a noun in -schaft (Gesellschafter)
            return not stem.endswith(("eig", "schaft")) and stem + "t" not in german
    if stem.endswith(("end", "elnd", "ernd")):  # a present participle: the infinitive and -d
        return not _sending(stem) and _verb_known(stem[:-1], german)
    if not any(mark in stem for mark in _PARTICIPLE_MARKS):
        return False
    if stem.endswith("igt"):  # a verb in -igen's: beschäftigt, berechtigt
        return True
    if stem.endswith("t"):  # the verb's stem and -t (-et after d, t); -ern, -eln take -n
        verbs = [stem[:-1] + ("n" if stem.endswith(("ert", "elt")) else "en")]
        verbs += [stem[:-2] + "en"] if stem.endswith("et") else []
        return any(_verb_known(verb, german) for verb in verbs)
    return stem.endswith("en") and stem in german  # a strong verb's: betroffen, gefangen


def _sending(stem: str) -> bool:
    """Whether ``stem`` is the stem of a verb in -senden, -wenden or -spenden after its
    prefixes (aus|send, an|wend: Aussender, Anwender are agent nouns), no participle."""
    for verb in ("send", "wend", "spend"):
        head = stem.removesuffix(verb)
        if head != stem and (head in _INSEPARABLE or _prefixes_only(head)):
            return True
    return False


def _verb_known(verb: str, german: frozenset[str]) -> bool:
    """Whether the word table knows the infinitive ``verb``, or its last part of
    :data:`_MIN_PART` letters or more after separable prefixes and a participle's ge- or
    zu- ("sitzen" of "vorsitzen", "stellen" of "angestellen", "bilden" of "auszubilden"), or
    one that starts with an inseparable prefix ("beauftragen" of "datenschutzbeauftragen"):
    not "rachen" of "betrachen" (Betrachter is an agent noun)."""
    for start in range(len(verb) - _MIN_PART + 1):
        rest = verb[start:]
        if rest in german and (
            not start or rest.startswith(_INSEPARABLE) or _prefixes_only(verb[:start])
        ):
            return True
    return False


def _prefixes_only(head: str) -> bool:
    """Whether ``head`` is made of separable prefixes and ge- or zu- alone (an|ge, aus|zu)."""
    if not head:
        return True
    return any(head.startswith(p) and _prefixes_only(head[len(p) :]) for p in _SEPARABLE)


def in_adjective_declension(text: str, target: str) -> str:
    """``text`` with each place of the singular ``target``, one word (or a hyphenated
    compound) that is an adjective's noun in the dictionary's form (:func:`adjectival_stem`),
    given the ending its determiner asks for (:func:`_ending_after`): "des Verantwortlichen",
    "der Verantwortliche", "ein Verantwortlicher". The glossary step wrote "des
    Verantwortlicher" and "Der Kunde ist der Verantwortlicher". ``text`` as it is for
    another target."""
    stem = adjectival_stem(target) if " " not in target else None
    if stem is None:
        return text
    places = list(re.finditer(rf"(?<![\w-]){re.escape(target)}(?!\w)", text))
    for found in reversed(places):
        # the words right before it, not the whole text before it: a line of a thousand
        # places is no thousand scans of it
        start = max(0, found.start() - _PHRASE_REACH)
        ending = _ending_after(text[start : found.start()], found.start() - start)
        if ending is not None:
            text = text[: found.start()] + stem + ending + text[found.end() :]
    return text


def _ending_after(text: str, at: int) -> str | None:
    """The ending of an adjective's noun at ``at`` in ``text`` after its determiner: -en
    after a dative's, a genitive's or a masculine accusative's ("des", "einem", "zum"; "der"
    after a preposition or a noun: "Weisungen der Verantwortlichen"), -e after another
    definite one ("der", "die", "das", "eine"); ``None`` (the dictionary's form stays) after
    an indefinite one of the nominative ("ein Verantwortlicher"), with none, or after one of
    two readings ("dieses": a neuter's nominative or a genitive)."""
    determiner, _ = phrase_before(text, at)
    if _plural_only_before(text, at):
        return "en"  # "Alle Beamter" for "Every official": the German says it in the plural
    if determiner is None:
        return None
    word = determiner[0].lower()
    opening = determiner.start()
    if word in _OBLIQUE:
        return "en"
    if word in _DER_WORDS:
        oblique = governing_preposition(text, opening) is not None or _after_noun(text, opening)
        return "en" if oblique else "e"
    return "e" if word in _WEAK_E else None


def in_plural_declension(text: str, target: str) -> str:
    """``text`` with each place of the plural of ``target``, an adjective's noun in the
    dictionary's form (:func:`adjectival_stem`), written with -e or as the dictionary does,
    given -en after a determiner of :data:`_WEAK_PLURAL` ("alle Beamten", "die
    Verantwortlichen": "alle Beamte" was placed); ``text`` as it is for another target, or
    without such a determiner ("Beamte", "einige Beamte")."""
    stem = adjectival_stem(target) if " " not in target else None
    if stem is None:
        return text
    pattern = rf"(?<![\w-]){re.escape(stem)}(?:e|{re.escape(target[-2:])})(?!\w)"
    for found in reversed(list(re.finditer(pattern, text))):
        start = max(0, found.start() - _PHRASE_REACH)
        before, at = text[start : found.start()], found.start() - start
        determiner, _ = phrase_before(before, at)
        weak = determiner is not None and determiner[0].lower() in _WEAK_PLURAL
        if weak or _plural_only_before(before, at):
            text = text[: found.start()] + stem + "en" + text[found.end() :]
    return text


def _plural_only_before(text: str, at: int) -> bool:
    """Whether a determiner of :data:`_PLURAL_ONLY` ("alle", as a sentence starts too) is
    one of the three words right before position ``at`` in ``text``, only spaces between."""
    end = at
    for word in list(LETTERS.finditer(text[:at]))[::-1][:3]:
        if text[word.end() : end].strip():
            return False
        if word[0].lower() in _PLURAL_ONLY:
            return True
        end = word.start()
    return False


def _after_noun(text: str, at: int) -> bool:
    """Whether a capitalised word inside a sentence, a noun, stands right before position
    ``at`` (only spaces between): the determiner there is a genitive's ("Weisungen der")."""
    words = list(LETTERS.finditer(text[:at]))
    if not words or text[words[-1].end() : at].strip() or not words[-1][0][0].isupper():
        return False
    before = text[: words[-1].start()].rstrip()
    return bool(before) and before[-1] not in ".!?:;" and not before[-1].isdigit()
