"""Fuzzy-match repair: carry the input's verbatim words into a retrieved match before fusion.

Localisation strings differ from their neighbours in memory mostly by words a translator copies
unchanged: error codes (``E692`` → ``E1153``), command and option names (``cat-file`` →
``mktree``), placeholders, numbers. Where the match's source and the input differ by such a word,
one for one, and the match's *target* holds the old word verbatim exactly once, the word is
swapped on both sides — what CAT tools do for numbers and tags, applied to every copied word.
The repaired match is rescored against the input, so fusion trusts it as much as it now deserves.

A word is a run of characters without whitespace or edge punctuation (``E1153``, ``%1$s``,
``printf()``, ``foo.c``). The old word is looked up in the target with its case, or ignoring case
when the new word is code-like (a digit, a symbol or an inner capital): ``terminal`` → ``GUI``
repairs ``Terminal`` in German, while ``option`` → ``pattern`` leaves ``Option`` alone, since the
target's ``Option`` is a translation, not a copy. A name the target copies is no slot for a word
in lower case (``Upgrade to Trackly Pro ...`` is no template for ``Trackly keeps your team
...``: swapping ``Pro`` → ``keeps`` lifted a 36-point match over the 50 that fusion reads, and
``Wechseln Sie zu`` steered the line): a word that is not code-like replaces one of the same
capitalisation only. A number the input writes in digits and words (``10 (ten) days``) whose
digits are swapped has the target's words beside them written as German says it too
(:func:`ltmt.number_words_repair.repair_number_words`): a match's ``30 (dreißig) Tagen``
repaired for ``10 (ten) days`` said ``10 (dreißig) Tagen``, which fusion copied; now ``10
(zehn) Tagen``. A number written with a point or a comma that the target writes with its marks
swapped, as German does (``EUR 10,000`` as ``EUR 10.000``, ``2.5`` as ``2,5``), is swapped so:
``EUR 20,000`` makes it ``EUR 20.000`` (looked up verbatim only, such a match kept its old
amount, and the placeholder guard threw the match away for it). A code-like word with brackets
at its edges that the target lacks so is looked up without them, where both words have the
same (:func:`bracketed_cores`): ``(listed in section 6).`` made ``6)`` a word, which ``in
Abschnitt 6. genannten`` lacks; unrepaired for ``section 2)``, the fused output stopped after
``Abschnitt 2.`` (the pharma trial, s76).
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from ltmt.currency_amounts import swapped_marks
from ltmt.number_words_repair import repair_number_words
from ltmt.segments import Match
from ltmt.text import match_score, with_edits

_EDGE = r"\s.,:;!?\"'«»„“”\u201a\u2018\u2019"  # + single low-9, left and right single quotes
_WORD = re.compile(rf"[^{_EDGE}]+(?:[.,:][^{_EDGE}]+)*")
# a number written with a point or a comma (``10,000``, ``2.5``), and one written in digits
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# the brackets a word may start or end with, shared by a swapped pair (:func:`bracketed_cores`)
_BRACKETS = "()[]"


def repair_match(match: Match, text: str) -> Match:
    """``match`` with the input's one-for-one verbatim substitutions applied, rescored.

    Returned unchanged when nothing applies, when fewer words are shared than would be swapped
    (``Start`` is no template for ``Stop``), or when the repaired source would not score higher.
    """
    source, target = match.segment.source, match.segment.target
    source_words = list(_WORD.finditer(source))
    input_words = [m.group() for m in _WORD.finditer(text)]
    target_words = list(_WORD.finditer(target))
    source_edits: list[tuple[int, int, str]] = []
    target_edits: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    opcodes = SequenceMatcher(
        None, [m.group() for m in source_words], input_words, autojunk=False
    ).get_opcodes()
    for op, i1, i2, j1, j2 in opcodes:
        if op != "replace":
            continue
        for old, new in _pairs(source_words[i1:i2], input_words[j1:j2]):
            found, written = _target_word(target_words, old.group(), new, taken)
            if found is None and (cores := bracketed_cores(old.group(), new)) is not None:
                # ``6)`` → ``2)`` of ``(listed in section 6).``: the number in the brackets,
                # which the target writes without them (``Abschnitt 6.``)
                found, written = _target_word(target_words, *cores, taken)
            if found is None:
                continue
            taken.add(found)
            source_edits.append((old.start(), old.end(), new))
            hit = target_words[found]
            target_edits.append((hit.start(), hit.end(), written))
    shared = sum(i2 - i1 for op, i1, i2, _, _ in opcodes if op == "equal")
    if not target_edits or len(target_edits) > shared:  # a repair needs words in common
        return match
    repaired_source = with_edits(source, source_edits)
    score = _score(text, repaired_source)
    if score <= match.score:
        return match
    # its digits swapped, the words beside them too (``30 (dreißig)`` for ``10 (ten)``)
    repaired_target = repair_number_words(text, with_edits(target, target_edits))
    segment = replace(match.segment, source=repaired_source, target=repaired_target)
    return Match(segment, score)


def _target_word(
    words: list[re.Match[str]], old: str, new: str, taken: set[int]
) -> tuple[int | None, str]:
    """The index of the one target word that copies ``old`` (:func:`_single_occurrence`) and
    what to write there for ``new``: ``new`` itself, or a number with its marks swapped where
    the target writes ``old`` so (``10.000`` for ``10,000``)."""
    found = _single_occurrence(words, old, new, taken)
    if found is None and _NUMBER.fullmatch(old) and _DIGITS.fullmatch(new):
        written = swapped_marks(new)
        return _single_occurrence(words, swapped_marks(old), written, taken), written
    return found, new


def bracketed_cores(old: str, new: str) -> tuple[str, str] | None:
    """``old`` and ``new`` without the brackets they share at their edges (``6)`` and ``2)``
    → ``6`` and ``2``; ``(E692)`` and ``(E1153)`` → ``E692`` and ``E1153``), or ``None`` when
    they share none, differ in them, or either is left a word that is not code-like. A bracket
    is no edge punctuation of a word (``printf()`` is one word), so a number that closes a
    parenthesis is a word with it, and its match's target, which writes it elsewhere in its
    sentence, holds it without the bracket."""
    old_core, new_core = old.strip(_BRACKETS), new.strip(_BRACKETS)
    if not old_core or not new_core or old_core == old:
        return None
    if not (_code_like(old_core) and _code_like(new_core)):
        # a word in brackets is most often translated: ``commit)`` → ``merge)`` of ``(use
        # "git commit" to conclude merge)`` swapped the target's ``git commit`` (the dev users)
        return None
    if _edges(old, old_core) != _edges(new, new_core):
        return None
    return old_core, new_core


def _edges(word: str, core: str) -> tuple[str, str]:
    """The brackets before and after ``core`` in ``word`` (``core`` its bracket-stripped self)."""
    lead = len(word) - len(word.lstrip(_BRACKETS))
    return word[:lead], word[lead + len(core) :]


def _code_like(word: str) -> bool:
    """A digit, a symbol or a capital past the first letter: ``E1153``, ``%s``, ``GUI``."""
    return any(not c.isalpha() for c in word) or any(c.isupper() for c in word[1:])


def _pairs(old: list[re.Match[str]], new: list[str]) -> list[tuple[re.Match[str], str]]:
    """Word pairs of one replaced span: one for one when as long, else its code-like words
    when each side has as many (``E767 Too many`` → ``E766 Insufficient``: ``E767 → E766``)."""
    if len(old) == len(new):
        return list(zip(old, new))
    old_codes = [w for w in old if _code_like(w.group())]
    new_codes = [w for w in new if _code_like(w)]
    if len(old_codes) != len(new_codes):
        return []
    return list(zip(old_codes, new_codes))


def _name_like(word: str) -> bool:
    """Whether ``word`` is written as a name is (``Pro``, ``Trackly``: a capital, then small
    letters, three letters or more); ``N``, ``PIN`` or ``CONFLICT`` are not: messages write
    such words in capitals, and swapping them repairs matches (the dev users' catalogs)."""
    return len(word) >= 3 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _single_occurrence(
    words: list[re.Match[str]], old: str, new: str, taken: set[int]
) -> int | None:
    """The index of the one target word equal to ``old`` (see the module doc), else ``None``."""
    if _code_like(new):
        folded = old.casefold()
        hits = [i for i, w in enumerate(words) if w.group().casefold() == folded]
    elif _name_like(old) and not new[:1].isupper():  # a name is no slot for a word
        return None
    else:
        hits = [i for i, w in enumerate(words) if w.group() == old]
    if len(hits) != 1 or hits[0] in taken:
        return None
    return hits[0]


def _score(text: str, source: str) -> float:
    return match_score(text, source)
