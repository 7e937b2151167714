"""German word forms of a glossary term's target: its plurals, its stems, its adjectives.

:func:`plural_forms` lists the forms a German noun's plural may take (``Depot``: ``Depots``,
``Depote`` ...; ``Vorgang``: ``Vorgänge``), with the adjectives before it inflected
(``unerwünschte Ereignisse``), for the model to choose among where a term the source writes in
its English plural is placed (:func:`~ltmt.terminology.matching.in_plural`,
:mod:`ltmt.terminology.placement`). :func:`target_stems` gives the stems an output may carry
for a target (a Latin plural, ``Repositorien``; an umlaut, ``Bäume``), and
:func:`adjective_base` the stem of an inflected adjective:
:func:`~ltmt.terminology.matching.renders` and :mod:`ltmt.terminology.agreement_check` build
their patterns on them. ltmt's German word
table (:func:`~ltmt.word_tables.target_words`) and the noun table
(:func:`~ltmt.terminology.genders.seen_after_die`) pick among the forms where they know them.
"""

from __future__ import annotations

import re
from functools import cache

from ltmt.terminology.adjectival_nouns import adjectival_stem
from ltmt.terminology.agreement import DATIVE_N_AFTER
from ltmt.terminology.genders import MIN_PART, gender_of, is_known_noun, seen_after_die
from ltmt.terminology.umlaut_plurals import takes_umlaut_and_e
from ltmt.word_tables import english_zipf, lowercase_words, target_words

# the endings of the German nouns whose plural may be the singular as written (der Ordner, die
# Ordner; das Kennzeichen, die Kennzeichen): no other noun's plural is (Pull-Request, Datei)
ZERO_PLURAL_AFTER = ("er", "el", "en", "chen", "lein")
_VOWELS = frozenset("aeiouyäöü")
# the vowels an unstressed -er follows (Abenteuer, Feier, Bauer, Gemäuer, Flyer); after any
# other, as in -ier, the -er is stressed and no ending (Bier, Biere; Klavier, Klaviere)
_UNSTRESSED_ER_AFTER = ("eu", "ei", "au", "äu", "y")


# German suffixes whose nouns take -en alone in the plural (Leitungen, Einheiten, Funktionen)
_EN_PLURAL_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät")
# the endings after which a German feminine noun's plural is its -n or -en (Touren, Minuten,
# Nationen, Fabriken, Lizenzen, Distanzen, Kategorien, Bäckereien); after another, its -en form
# may be another word's ("Banden", of "Bande"; "Posten", der Posten; "Missen", a verb) or
# its plural another form (Hände, Nächte)
_FEMININE_N_ENDINGS = (*_EN_PLURAL_SUFFIXES, "ion", "ur", "ät", "ik", "enz", "anz", "e", "ei")


def _plural_endings(word: str) -> tuple[str, ...]:
    """The endings a German plural may add to ``word``: none only where :func:`_zero_plural`
    (Ordner, Server); after -e only -n (Tabellen, Infusionspumpen: "Infusionspumpes"
    was placed), or -n and -s where its head is English (Homepages, Landingpages: the model's
    score picks), after -ung, -heit, -keit, -schaft, -tion, -sion and -tät only -en
    (Leitungen), after a stressed -ier only -e (Biere, Klaviere); else -s (Depots), -n after
    -el or -er (Regeln), -e, -er and -en (Zweige, Bilder, Dateien), -se after one -s
    (Ergebnisse; Anschluss takes an umlaut and -e: :func:`target_stems`). An English loan
    (:func:`loan_word`: "Request", "Commit") takes -s, or none where a German noun may, and
    none alone in -er (Server, Browser), as German writes the plural of an English noun
    ("Pull-Requests", not "Pull-Requesten"; after an -s, -es: "Misses")."""
    zero = ("",) if _zero_plural(word) else ()
    if loan_word(word):  # Browser, Computer: German's zero plural, not "Browsers"
        # after an -s, English's -es: "Misses", "Accesses" ("Misss" was offered)
        return zero if word.endswith("er") else (*zero, "es" if word.endswith("s") else "s")
    if word.endswith("e"):  # an English head's -s too: Homepages, Landingpages (the model picks)
        return ("n", "s") if _english_head(word) else ("n",)
    if word.endswith(_EN_PLURAL_SUFFIXES):
        return ("en",)
    if word.endswith("ier"):  # a stressed -er: Biere, Klaviere (Biern, Bierer were offered)
        return ("e",)
    endings = [*zero, "s"]
    endings += ["n"] if word.endswith(("el", "er")) else []
    endings += ["e", "er", "en"]
    endings += ["se"] if word.endswith("s") and not word.endswith("ss") else []
    return tuple(endings)


def loan_word(word: str) -> bool:
    """Whether the German noun ``word`` is an English loan: ltmt's German word table lacks it
    and its last part (:func:`_known_german`: "Infusionspumpe" is German by "Pumpe") and the
    English one knows it (:func:`~ltmt.word_tables.lowercase_words`: "Request", "Update").
    A word neither table knows is a German compound's ("Förderrate"), not a loan, nor is one
    the German table knows however short ("Kind", "Chef"), nor a weak noun whose plural in -en
    the noun table has seen (:func:`~ltmt.terminology.genders.seen_after_die`: "Studenten"),
    nor a feminine noun English writes alike whose plural is its -(e)n
    (:func:`feminine_n_plural`: "Tour"): "Kinds", "Students" and "Tours" were the only plural
    forms offered."""
    return _english_alike(word) and feminine_n_plural(word) is None


def _english_alike(word: str) -> bool:
    """Whether English writes the German noun ``word`` alike: :func:`loan_word` but for a
    feminine noun's plural in -n or -en."""
    german = target_words("de")
    if german is None or word.casefold() in german or _known_german(word):
        return False
    return word.casefold() in lowercase_words() and not seen_after_die(word + "en", word)


def feminine_n_plural(word: str) -> str | None:
    """The plural in -n or -en of ``word``, a German feminine noun
    (:func:`~ltmt.terminology.genders.gender_of`) that English writes alike
    (:func:`_english_alike`: "Tour": "Touren", "Minute": "Minuten", "Nation": "Nationen"):
    ltmt's German word table leaves out the words written as often in English, so it lacks
    the singular, but it has that plural and not the -s form, which is English's ("Deine
    Tours" was written for "Your trails"). ``None`` for another word, one whose -s form the
    table knows ("Mails"), or one of another ending than :data:`_FEMININE_N_ENDINGS`, whose
    -en form the table may know as another word's ("Banden" of "Bande", for "Band"; the
    noun "Posten", for "Post"; the verb "missen", for "Miss") or as a plural's dative
    ("Designern")."""
    german = target_words("de")
    if german is None or not _english_alike(word):
        return None
    plural = word + ("n" if word.endswith("e") else "en")
    if not word.endswith(_FEMININE_N_ENDINGS) and _another_words_form(word, plural, german):
        return None
    known = plural.casefold() in german and (word + "s").casefold() not in german
    return plural if known and gender_of(word) == "f" else None


def _another_words_form(word: str, plural: str, german: frozenset[str]) -> bool:
    """Whether ``plural``, the -en form of ``word``, a feminine of no ending that makes it
    its plural (:data:`_FEMININE_N_ENDINGS`), may be another word's: ``word`` ends in -el,
    -er, -en (the -n form a plural's dative: "Designern") or -s (a verb's: "missen"), the
    table knows ``word`` + "e" ("Banden" are a "Bande"'s), or the noun table gives the -en
    form a gender of its own (der "Posten"). Farmen, Fronten, Yachten are none of these, nor
    is a feminine in -ess, English's for a woman, whose -en German writes (Stewardessen; its
    "-essen" read as das Essen; not -ness)."""
    if word.endswith("ess") and not word.endswith("ness"):
        return False
    if word.endswith(("el", "er", "en", "s")) or (word + "e").casefold() in german:
        return True
    return gender_of(plural) is not None


def _zero_plural(word: str) -> bool:
    """Whether the German plural of ``word`` may be ``word`` as written: a noun in -chen or
    -lein (Kennzeichen), or one whose last syllable is an unstressed -el, -er or -en after a
    consonant (Ordner, Mittel, Lehrer) or an -er after a diphthong or y (Abenteuer, Feuer,
    Flyer), not a one-syllable "Spiel" or "Ziel" (Spiele, Ziele), nor a stressed -ier
    ("Bier": Biere), nor a feminine in -el or -er, whose plural in -n the noun table has seen
    (:func:`~ltmt.terminology.genders.seen_after_die`: Regeln, Schwestern)."""
    if word.endswith(("chen", "lein")):
        return True
    if not word.endswith(ZERO_PLURAL_AFTER) or len(word) < 4:
        return False
    stem = word[:-2].casefold()
    if stem[-1] in _VOWELS:  # a diphthong's or y's syllable: Abenteuer, Flyer; not Bier
        syllable = word.endswith("er") and stem.endswith(_UNSTRESSED_ER_AFTER)
    else:  # a vowel before the consonant: Ordner; not Spiel
        syllable = any(letter in _VOWELS for letter in stem[:-1])
    return syllable and (word.endswith("en") or not seen_after_die(word + "n", word))


def plural_forms(target: str, gender: str = "") -> tuple[str, ...]:
    """The forms the German plural of ``target`` may take: its last word with each plural
    ending (:func:`_plural_endings`: the singular as written only where a German plural may be
    that, "Ordner" but not "Pull-Request"), its Latin plurals and umlaut
    (:func:`target_stems`; an umlaut with -e or -er: "Vorgänge", "Häuser"; only umlaut and -e
    for the nouns of :mod:`~ltmt.terminology.umlaut_plurals`: "Tränke"), and the adjectives
    before it (:func:`adjective_base`) with the plural's endings, -e and -en ("unerwünschte
    Ereignisse", "alle unerwünschten Ereignisse": "unerwünschtes Ereignisse" was placed); not
    a plural's dative beside it ("Gutscheinen" beside "Gutscheine": "Deine Gutscheinen" was
    placed), which :func:`~ltmt.terminology.agreement.in_dative_plural` writes where a
    preposition asks for it. ``(target,)`` unless that last word (of a hyphenated compound,
    its last part) is a noun (a capital, then lower-case letters: not "GIT-SCM" or "z.B."):
    nothing to choose. ``gender``: the glossary's of ``target`` (else the noun table's), for
    the forms no table knows (:func:`_unknown_plurals`). An adjective's noun in the
    dictionary's form (:func:`~ltmt.terminology.adjectival_nouns.adjectival_stem`) has an
    adjective's plural: "Verantwortliche", "die Verantwortlichen" (not "Verantwortlicher")."""
    nouns = _noun_plurals(target, gender)
    if not nouns:
        return (target,)
    if not any(adjective_bases(target)):
        return nouns
    inflected = [_with_adjective_ending(form, ending) for form in nouns for ending in ("e", "en")]
    return tuple(dict.fromkeys(inflected))


# the endings of an inflected German adjective, the longest first
ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")


def adjective_base(word: str, first: bool) -> str | None:
    """The stem of ``word`` if, as a word before the last of a target of several words, it is
    an inflected adjective ("unerwünscht" of "unerwünschtes"): small letters with an adjective
    ending after three letters or more; a capital only as the target's ``first`` word (the
    glossary may write it as a sentence starts: "Entfernter Zweig"). ``None`` otherwise."""
    if not word[1:].isalpha() or not word[1:].islower() or not (first or word[:1].islower()):
        return None
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return None


def adjective_bases(target: str) -> list[str | None]:
    """Per word of ``target`` before its last, its :func:`adjective_base` (``None`` for one
    that is no adjective)."""
    leading = target.split(" ")[:-1]
    return [adjective_base(word, n == 0) for n, word in enumerate(leading)]


def _with_adjective_ending(target: str, ending: str) -> str:
    """``target`` with each adjective before its last word given ``ending``."""
    written = target.split(" ")
    for n, base in enumerate(adjective_bases(target)):
        if base is not None:
            written[n] = base + ending
    return " ".join(written)


def _noun_plurals(target: str, gender: str = "") -> tuple[str, ...]:
    """:func:`plural_forms` of ``target`` with its adjectives as written; none where its last
    word is no noun."""
    last = last_part(target)  # "Pull-Request" → "Pull-Requests"
    if not (last[:1].isupper() and last[1:].isalpha() and last[1:].islower()):
        return ()
    if adjectival_stem(last) is not None:  # die Verantwortlichen, Verantwortliche (no article)
        return tuple(target[:-2] + ending for ending in ("e", "en"))  # its -er or -es off
    umlauted = target_stems(target)[1:2]
    if umlauted and takes_umlaut_and_e(last):  # Tränke, not the verb form "Tranken" it knows
        return (umlauted[0] + "e",)
    feminine = feminine_n_plural(last)
    if feminine is not None:  # Touren, which the table knows (not "Tour"): no Latin "Natia"
        return (target + feminine.removeprefix(last),)
    forms = [target + ending for ending in _plural_endings(last)]
    for stem in target_stems(target)[1:]:
        forms += [stem] if not stem.endswith(last[-1]) else [stem + "e", stem + "er"]
    forms = list(dict.fromkeys(forms))
    # where ltmt's German word table knows some of the forms, those: the model scores a
    # wrong form best as readily as the right one ("Luer-Lock-Anschlusser")
    known = [form for form in forms if _same_compound_known(last, last_part(form))]
    # the table knows a plural's dative too (Gutscheinen, Ordnern); the model scored it best
    # where no preposition asks for it ("Deine Gutscheinen"): the nominative alone, and
    # agreement.in_dative_plural adds the -n after a dative preposition ("mit Gutscheinen")
    known = [
        form
        for form in known
        if not (form[:-1] in known and form[:-1].endswith(DATIVE_N_AFTER) and form[-1] == "n")
    ]
    # the table has no part of speech: it knows "Werts" (des Werts) and "Spieler" (a player)
    # beside "Werte" and "Spiele", and "Geräts" was placed for "all devices". A form the noun
    # table saw after "die" is a plural (or the feminine singular, the zero plural's: Mittel);
    # else the known forms that are no -s or -es genitive ("Autos" is a plural); else all
    seen = [form for form in forms if seen_after_die(last_part(form), last)]
    plural = [form for form in known if not _genitive(last, last_part(form))]
    return tuple(seen or plural or _unknown_plurals(target, forms, gender))


def _unknown_plurals(target: str, forms: list[str], gender: str) -> list[str]:
    """Of ``forms``, the plurals of ``target`` that no table knows, those its gender
    (``gender``, else :func:`~ltmt.terminology.genders.gender_of`'s) allows: a German
    masculine or neuter in an unstressed -er (:func:`_zero_plural`; no English loan, whose -s
    stays: "Poster") has the singular as written (der Schaftfräser, die Schaftfräser:
    "Schaftfräsern", "Schaftfräserer" were offered; -el is left out: "Hotels"); a
    masculine takes no -er after an umlaut (Späne: "Späner" was offered) where no table knows
    that form (Männer)."""
    last = last_part(target)
    known = gender_of(last, gender)
    if known in ("m", "n") and last.endswith("er") and _zero_plural(last) and not loan_word(last):
        return [target]
    umlauted = target_stems(target)[1:2]
    if known != "m" or not umlauted or _head_takes_umlaut_er(last):
        return forms
    return [form for form in forms if form != umlauted[0] + "er"]


def _head_takes_umlaut_er(noun: str) -> bool:
    """Whether the longest last part of the compound ``noun`` that the noun table knows
    (:func:`~ltmt.terminology.genders.is_known_noun`), or whose plural in umlaut and -er the
    tables know (``Würmer`` of ``Computerwurm``: the noun table has no ``Wurm``), of
    :data:`~ltmt.terminology.genders.MIN_PART` letters or more, has a known plural in umlaut
    and -er (``Seitenränder`` as ``Ränder``)."""
    for start in range(1, len(noun) - MIN_PART + 1):
        part = noun[start].upper() + noun[start + 1 :]
        stems = target_stems(part)[1:2]
        takes_er = bool(stems) and stems[0] + "er" in _noun_plurals(part, "m")
        if takes_er or is_known_noun(part):
            return takes_er
    return False


def _genitive(singular: str, form: str) -> bool:
    """Whether ``form`` is the genitive singular of the German noun ``singular`` in -s or -es
    after a consonant ("Werts", "Wertes"); after a vowel the -s is a plural's too ("Autos")."""
    return singular[-1:].casefold() not in _VOWELS and form in (singular + "s", singular + "es")


def _same_compound_known(singular: str, plural: str) -> bool:
    """Whether ltmt's German word table knows ``plural``, a plural form of the noun
    ``singular``, or a last part of it of :data:`_MIN_PART` letters or more that starts
    where a last part of ``singular`` it knows starts ("Anschlüsse" by "Schlüsse", as
    "Anschluss" has "Schluss"; not "Ergebnen" by "ebnen": no part of "Ergebnis" starts
    there). The whole word counts however short ("Akkus")."""
    german = target_words("de")
    if german is None:
        return False
    folded, forms = singular.casefold(), plural.casefold()
    return any(
        folded[start:] in german and forms[start:] in german
        for start in range(max(1, len(folded) - _MIN_PART + 1))
    )


def last_part(target: str) -> str:
    """The noun that takes a plural's ending in ``target``: its last word, or a hyphenated
    compound's last part ("Request" of "Pull-Request")."""
    return target.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]


# plural endings of Latin and Greek nouns in German: the singular's ending, the plural's
_LATIN_PLURALS = (
    ("um", ("en", "a")),  # Repositorium, Datum, Zentrum
    ("us", ("en", "i")),  # Algorithmus, Virus, Modus
    ("ma", ("men", "mata")),  # Schema, Thema
    ("a", ("en",)),  # Firma, Agenda
    ("ex", ("izes", "ices")),  # Index
    ("ix", ("izen", "izes", "ices")),  # Matrix
    ("on", ("a", "en")),  # Lexikon
    ("is", ("en",)),  # Basis
)
_UMLAUTS = {"au": "äu", "a": "ä", "o": "ö", "u": "ü", "Au": "Äu", "A": "Ä", "O": "Ö", "U": "Ü"}
_LAST_VOWELS = re.compile(r"([aeiouäöüyAEIOUÄÖÜ]+)[^aeiouäöüyAEIOUÄÖÜ]*$")


# German suffixes after which a compound's first part takes a linking s (Einstellung|s|dialog)
_LINKED_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ling", "tum")
# the fewest letters of a word's last part that ltmt's German word table is asked about
_MIN_PART = 5
_ENGLISH_PART = 4  # letters of each English word of an English compound ("Landingpage")


def target_stems(target: str) -> tuple[str, ...]:
    """What an output may carry for ``target``: the target itself, and the stems of its German
    plural where that changes the last word (its Latin ending, its Italian -o as -en where the
    German word table knows that word: "Benutzerkonto" by "Benutzerkonten", or an umlaut of its
    last vowel)."""
    last = target.rsplit(" ", 1)[-1]
    if last.endswith("o") and _known_german(last[:-1] + "en"):
        return (target, target[:-1] + "en")
    for ending, plurals in _LATIN_PLURALS:
        # a German noun in -nis takes -nisse (Ereignisse), never Basis' -en ("Ereignen")
        if last.endswith(ending) and len(last) >= len(ending) + 3 and not last.endswith("nis"):
            return (target, *(target[: -len(ending)] + plural for plural in plurals))
    vowels = _LAST_VOWELS.search(last)
    if vowels is None or vowels.group(1) not in _UMLAUTS or vowels.end(1) == len(last):
        return (target,)
    start = len(target) - len(last) + vowels.start(1)
    umlauted = _UMLAUTS[vowels.group(1)]
    return (target, target[:start] + umlauted + target[start + len(vowels.group(1)) :])


def _english_head(word: str) -> bool:
    """Whether ``word`` is English through and through: an English word
    (:func:`~ltmt.word_tables.lowercase_words`: "Homepage") or two English words of
    :data:`_ENGLISH_PART` letters or more ("Landingpage"), whose German plural may be its
    English -s ("Homepages") where German's is -n; not a German compound of an English last
    part ("Förderrate": "Förderraten")."""
    english = lowercase_words()
    folded = word.casefold()
    return folded in english or any(
        folded[:cut] in english and folded[cut:] in english
        for cut in range(_ENGLISH_PART, len(folded) - _ENGLISH_PART + 1)
    )


def _known_german(word: str) -> bool:
    """Whether ltmt's German word table knows ``word`` or its last part of
    :data:`_MIN_PART` letters or more ("Konten" of "Benutzerkonten")."""
    german = target_words("de")
    folded = word.casefold()
    return german is not None and any(
        folded[start:] in german for start in range(len(folded) - _MIN_PART + 1)
    )


def compound_head(target: str) -> str | None:
    """How a German compound writes the plural ``target`` as its first part, with the
    linking s its singular takes ("Einstellungs" of "Einstellungen": "Einstellungsdialog"
    carries "Einstellungen"); ``None`` for a target of another shape."""
    singular = target.removesuffix("en")
    if singular == target or " " in target or not singular.endswith(_LINKED_SUFFIXES):
        return None
    return singular + "s"


def compound_first(target: str, gender: str = "") -> str:
    """How a German compound writes the one-word ``target`` as its first part, before a hyphen:
    a feminine noun in -e (``gender`` the glossary's, else :func:`~ltmt.terminology.genders.
    gender_of`'s) with its linking n (``Schaltflächen-Galerie``, ``Seiten-Layout``), unless the
    compounds of ltmt's German word table write it otherwise more often than with the n, without
    its e or as it is (``Suchanfrage``, ``Adressliste``, ``Ablagedatei``); a noun of a suffix
    German links with an s (:data:`_S_LINKED_SUFFIXES`) with its s (``Abrechnungs-Seite``,
    ``Sicherheits-Hinweis``), unless the table's compounds write it without the s more often;
    else ``target`` as written."""
    if " " in target or "-" in target or len(target) < 4:
        return target
    if _s_linked(target, gender):
        return target + "s"
    if not target.endswith("e"):
        return target
    if gender_of(target, gender) != "f" or _not_linked(target):
        return target
    return target + "n"


# the German suffixes whose nouns take a linking s as a compound's first part (Abrechnungsseite,
# Sicherheitshinweis, Möglichkeitsform, Funktionsumfang, Qualitätsstufe, Mitgliedschaftsbeitrag),
# with the gender a noun of each has
_S_LINKED_SUFFIXES = (
    *(("ung", "f"), ("heit", "f"), ("keit", "f"), ("schaft", "f"), ("tät", "f")),
    *(("ion", "f"), ("ling", "m")),
)
# how often English writes a word in -ling (wordfreq's zipf) from which on it is an English
# gerund the glossary keeps ("Billing" 3.6, "Mailing", "Controlling"), not a German noun
# ("Liebling" 2.0, "Zwilling" 1.6, "Lehrling" 0)
_ENGLISH_ZIPF = 3.0


def _s_linked(noun: str, gender: str = "") -> bool:
    """Whether the German noun ``noun`` takes a linking s before a compound's next part: its
    suffix is one of :data:`_S_LINKED_SUFFIXES` and its gender that suffix's, and the word
    table's compounds do not write it without the s more often than with it (``Session-ID``)."""
    folded = noun.casefold()
    for suffix, suffix_gender in _S_LINKED_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
            if suffix == "ling" and english_zipf(folded) >= _ENGLISH_ZIPF:
                return False  # an English gerund the glossary keeps: Billing-Seite
            return gender_of(noun, gender) == suffix_gender and not _unlinked_more(noun)
    return False


@cache  # a scan of the whole word table, asked per entry and placement: once a noun
def _unlinked_more(noun: str) -> bool:
    """Whether the word table's compounds of ``noun`` (a word of :data:`_MIN_PART` letters or
    more after it) write it as it is (``Session|cookie``) more often than with an s
    (``Abrechnungs|zeitraum``), or with an en (``Millionen|stadt``)."""
    german = target_words("de")
    if german is None:
        return False
    stem = noun.casefold()
    linked = other = 0
    for word in german:
        if not word.startswith(stem) or len(word) < len(stem) + _MIN_PART:
            continue
        linked += word[len(stem)] == "s" and word[len(stem) + 1 :] in german
        rest = word[len(stem) :]
        other += rest[:1] != "s" and (rest in german or (rest[:2] == "en" and rest[2:] in german))
    return other > linked


@cache  # a scan of the whole word table, asked per entry and placement: once a noun
def _not_linked(noun: str) -> bool:
    """Whether the word table's compounds of ``noun`` (a word of :data:`_MIN_PART` letters or
    more after it) start with its stem without the e (``Such|anfrage``) or with the noun as it
    is (``Ablage|datei``) more often than with an n (``Seiten|anzahl``)."""
    german = target_words("de")
    if german is None:
        return False
    stem = noun.casefold()[:-1]
    linked = other = 0
    for word in german:
        if not word.startswith(stem):
            continue
        for link in ("en", "e", ""):
            if word.startswith(stem + link):
                rest = word[len(stem) + len(link) :]
                if len(rest) >= _MIN_PART and rest in german:
                    linked += link == "en"
                    other += link != "en"
                break
    return other > linked
