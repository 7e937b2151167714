"""The words before a placed glossary target, inflected to agree with its gender.

Placement (:mod:`ltmt.terminology.placement`) puts a missing target where the model wrote
another word, and the determiner and adjectives before it keep the other word's gender: "einen
neuen Markierung" where the model had written "einen neuen Tag". German inflects them by a
closed table: for a target of known gender (:func:`ltmt.terminology.genders.gender_of`),
:func:`agreeing_variants` writes the phrase before it in each singular case that gender
allows (the determiner's form and the adjectives' one ending: weak after der/die/das and the
der-words, mixed after ein and the ein-words, strong with no determiner), and the caller keeps
the one the model scores best (which picks the case from the rest of the line). A phrase that
agrees already, in any case, is left as it is.
"""

from __future__ import annotations

import re

from ltmt.terminology.placement import FUNCTION_WORDS

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
_STRONG = {"m": ("er", "en", "em"), "f": ("e", "er"), "n": ("es", "em", "en")}
# how many of each table's first forms are nominative or accusative, by gender: all a phrase
# that opens its line can be (no preposition or verb before it governs another case)
_NOMINATIVE_OR_ACCUSATIVE = {"m": 2, "f": 1, "n": 1}
_ARTICLE = {
    "m": (("der", "e"), ("den", "en"), ("dem", "en"), ("des", "en")),
    "f": (("die", "e"), ("der", "en")),
    "n": (("das", "e"), ("dem", "en"), ("des", "en")),
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
_DER_STEMS = ("dies", "jed", "jen", "welch", "manch", "solch")
_EIN_STEMS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer")
# the endings an ein-word (False) or a der-word (True) takes
_STEM_ENDINGS = {False: ("", "e", "en", "em", "er", "es"), True: ("e", "en", "em", "er", "es")}
_ADJECTIVE = re.compile(r"([a-zäöüß][a-zäöüß-]{2,}?)(em|en|er|es|e)")
# at most this many adjectives between the determiner and the target
MAX_ADJECTIVES = 2
_WORD = re.compile(r"[^\W\d_][\w-]*")


def agreeing_variants(text: str, target: str, gender: str) -> list[str]:
    """``text`` with the phrase right before the first place of ``target`` (before its noun,
    for a target led by adjectives: they inflect too) written in each case its determiner and
    adjectives agree with a noun of ``gender`` (``m``, ``f``, ``n``):
    nominative or accusative alone where the phrase opens the text; empty where that phrase
    agrees already, or there is none, or its determiner is not one German inflects by this
    table."""
    at = _target_start(text, target)
    if at is None:
        return []
    at += _own_adjectives_length(target)
    determiner, adjectives = _phrase(text, at)
    if determiner is None and not adjectives:
        return []
    written = determiner[0].lower() if determiner else ""
    now = _ending(adjectives[0][0]) if adjectives else None
    forms = _forms(determiner[0] if determiner else None, gender)
    opening = (determiner or adjectives[0]).start()
    if forms is not None and not text[:opening].strip() and written not in _PREPOSITION:
        forms = forms[: _NOMINATIVE_OR_ACCUSATIVE[gender]]
    if forms is None or any(written == form and now in (ending, None) for form, ending in forms):
        return []
    variants = []
    for form, ending in forms:
        pieces, last = [], 0
        if determiner is not None:
            pieces += [text[: determiner.start()], _written_like(determiner[0], form)]
            last = determiner.end()
        for adjective in adjectives:
            stem = _ADJECTIVE.fullmatch(adjective[0])
            assert stem is not None
            pieces += [text[last : adjective.start()], stem[1] + ending]
            last = adjective.end()
        variant = "".join(pieces) + text[last:]
        if variant not in variants:
            variants.append(variant)
    return variants


def _own_adjectives_length(target: str) -> int:
    """How many characters of ``target`` stand before its noun where the words before that
    noun are all adjectives ("unerwünschtes " of "unerwünschtes Ereignis"): they are part of
    the phrase that agrees ("mit einem unerwünschten Ereignis", not "mit einem unerwünschtes
    Ereignis"); 0 for a target of one word or one led by another word ("Git Repository")."""
    leading = target.split(" ")[:-1]
    if not leading or not all(_is_adjective(word) for word in leading):
        return 0
    return target.rfind(" ") + 1


def _phrase(text: str, at: int) -> tuple[re.Match[str] | None, list[re.Match[str]]]:
    """The determiner and the adjectives (in order) right before position ``at``."""
    adjectives: list[re.Match[str]] = []
    end = at
    for word in reversed(list(_WORD.finditer(text[:at]))):
        if text[word.end() : end].strip():  # something other than spaces between
            break
        if _is_determiner(word[0]):
            adjectives.reverse()
            return word, adjectives
        if len(adjectives) == MAX_ADJECTIVES or not _is_adjective(word[0]):
            break
        adjectives.append(word)
        end = word.start()
    adjectives.reverse()
    return None, adjectives


def _forms(determiner: str | None, gender: str) -> tuple[tuple[str, str], ...] | None:
    """(determiner form, adjective ending) of each singular case of ``gender`` for a phrase
    opened by ``determiner`` (``None``: no determiner, the forms are ``("", ending)``);
    ``None`` for a word that is no determiner this table inflects."""
    if determiner is None:
        return tuple(("", ending) for ending in _STRONG[gender])
    word = determiner.lower()
    if word in ("der", "die", "das", "den", "dem", "des"):
        return _ARTICLE[gender]
    if word in _PREPOSITION:
        return ((_FUSED[gender][_PREPOSITION[word]], "en"),)
    for stems, table in ((_EIN_STEMS, _EIN_WORD), (_DER_STEMS, _DER_WORD)):
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


def _target_start(text: str, target: str) -> int | None:
    """Where the noun ``target`` first stands in ``text``: ``target`` as a word of its own
    or as the last part of a hyphenated compound (then where the compound starts:
    ``Konvertierung-Angabe`` is feminine as ``Angabe`` is); not as a compound's first part
    (``Element-Datei`` is feminine whatever ``Element`` is) nor inside a word."""
    for found in re.finditer(re.escape(target), text):
        before = text[found.start() - 1] if found.start() else " "
        after = text[found.end()] if found.end() < len(text) else " "
        if before.isalnum() or after.isalnum() or after == "-":
            continue
        start = found.start()
        while start and (text[start - 1].isalnum() or text[start - 1] == "-"):
            start -= 1
        return start
    return None


def _is_adjective(word: str) -> bool:
    """Whether ``word`` may be an inflected adjective: lower case, an adjective ending, and no
    function word (auxiliaries, prepositions, conjunctions)."""
    return word.lower() not in FUNCTION_WORDS and _ADJECTIVE.fullmatch(word) is not None
