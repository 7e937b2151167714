"""qa's english check: a common English word of the source copied into a German translation.

The model keeps a source word now and then (``Welcome in Ihrem Dashboard, {name}!``, ``In
[%d] Tagen Due``, ``Hello {user}, willkommen.``), and the spelling check passes it, as it
accepts any word of the source (a name, a term kept in English). A word is flagged where
English writes it often (:data:`EN_COMMON`, wordfreq's Zipf scale) and German much less
often (:data:`GAP` below), and ltmt's table of German words lacks it (the loans German writes,
``App``, ``Team``, ``Update``, ``Link``, ``Download``, ``Online``, are in it), nor does the
short list of loans it lacks (:data:`GERMAN_LOANS`: ``Support ist ...``, ``Meeting beginnt
...``, ``Sale endet ...`` were noted: session 67's regression trial), unless the word after
it is such a word too: an English phrase kept (``Free Shipping``). wordfreq cannot tell a
loan from a word German does not write (``Sale`` Zipf 3.65 in German, ``Welcome`` 3.64), so
the loans are listed. Words of
fewer than three letters, in capitals or with a capital inside (``PDF``, ``NoteKeeper``),
placeholders and quoted items (a label kept as the app shows it) are not read; nor is a word
the translation writes small (a command, a keyword: ``for``, ``done``, ``add``) or one
inside a sentence of the source (a name, a term German keeps in English: ``Sun Type 6``,
``für Principal %s``), nor a translation that copies its source (the ``copied`` check's). A
word of a glossary term whose target keeps it (``Old Tom`` → ``Old Tom``: :func:`kept_by_terms`,
given as the metadata's :data:`KEPT_WORDS`) passes too, where the translation has the whole
term (``Old Tom: ...``; ``Old Einstellungen`` keeps an English ``Old`` all the same); a brand
no glossary lists may still be such a word. On l10n's 45,339 references (train and dev tests)
it notes 86, most such terms (``Principal``; session 67, by
hand, and counted again by its review run once the loans were listed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ltmt.formats.placeholder_syntax import without_placeholders

if TYPE_CHECKING:
    from ltmt.terminology.terms import Term

# an entry's metadata key: the glossary's terms that keep English words (:func:`kept_by_terms`)
KEPT_WORDS = "kept_words"

EN_COMMON = 4.5  # wordfreq Zipf: English writes the word at least 30 times a million words
GAP = 1.0  # ... and German ten times less often at least
# loans German writes (Duden's) that ltmt's German word table lacks: alone, no English kept
GERMAN_LOANS = frozenset(
    {
        "support",
        "meeting",
        "sale",
        "service",
        "shop",
        "chat",
        "design",
        "marketing",
        "manager",
        "computer",
        "internet",
        "business",
        "software",
        "hardware",
        "job",
        "ticket",
        "event",
        "feedback",
        "newsletter",
        "workshop",
        "training",
        "server",
        "browser",
        "laptop",
        "smartphone",
        "tablet",
        "cookie",
        "account",
        "login",
        "logout",
        "backup",
        "cloud",
        "status",
        "start",
    }
)
# what stands before a sentence's first word: nothing, or its start's marks after an end
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)[\s\"'(\u201e\u201c\u00bb\u00ab-]*$")
_WORD = re.compile(r"(?<![\w\-/.@$%])[A-Za-z][a-z]{2,}(?![\w\-/@])")


def english_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A note naming the common English words of ``source`` that ``target`` copies
    (:func:`copied_english`), less those a glossary term keeps (``metadata[KEPT_WORDS]``)."""
    words = copied_english(source, target, metadata.get(KEPT_WORDS, frozenset()))
    if not words:
        return []
    listed = ", ".join(repr(word) for word in words)
    return [
        f"keeps the English {listed} of the source, which German does not write: translate "
        f"{'it' if len(words) == 1 else 'them'} (a name or a term kept in English passes)"
    ]


def kept_by_terms(terms: Iterable[Term]) -> frozenset[str]:
    """The targets, case-folded, of the glossary terms that write words of their source as it
    does: a name or a term kept in English (``Old Tom`` → ``Old Tom``: ``old tom``). Their
    words pass :func:`copied_english` only inside the whole term."""
    from ltmt.spelling import words_of

    return frozenset(
        term.target.casefold()
        for term in terms
        if words_of([term.source]) & words_of([term.target])
    )


def _inside_kept(text: str, kept: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of ``text`` that hold one of the ``kept`` terms (case-folded) as whole words."""
    if not kept:
        return []
    return [found.span(1) for found in _kept_pattern(kept).finditer(text.casefold())]


@lru_cache(maxsize=8)  # a run passes one set for all its entries: compiled once, not per entry
def _kept_pattern(kept: frozenset[str]) -> re.Pattern[str]:
    """One pattern for the ``kept`` terms: at each word start, the longest term there as whole
    words (group 1), in the English plural too (``Leads`` of ``Lead``, ``Boxes`` of ``Box``,
    as :func:`~ltmt.terminology.matching.singulars` reads it: German keeps an English term's
    plural); a lookahead, so that a term overlapping another (``old tom``, ``tom cat``) is
    found too."""
    terms = "|".join(re.escape(term) for term in sorted(kept, key=lambda term: (-len(term), term)))
    return re.compile(rf"(?<!\w)(?=((?:{terms})(?:e?s)?)(?!\w))")


def copied_english(source: str, target: str, kept: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``target`` that ``source`` has too (in any case) and that are common
    English, not German (module docstring), each once, in order; ``kept``: case-folded terms
    (a glossary's, :func:`kept_by_terms`) whose words pass where the target has the term."""
    from wordfreq import zipf_frequency

    from ltmt.word_tables import english_zipf, target_words

    if source.strip() == target.strip():
        return []
    german = target_words("de") or frozenset()
    readable = _readable(source)
    # the source's sentences' first words: a word a translation moves, where a word inside
    # a sentence that a translation keeps is as often a term German writes in English
    # (``Principal``, ``Shared Memory``, ``Branch``)
    said = {
        found.group().casefold()
        for found in _WORD.finditer(readable)
        if _SENTENCE_START.search(readable[: found.start()])
    }
    source_words = {word.casefold() for word in _WORD.findall(readable)}

    def english_only(word: str) -> bool:  # common English that German does not write
        folded = word.casefold()
        if word.islower() or folded not in source_words or folded in german:
            return False
        english = english_zipf(folded)
        return english >= EN_COMMON and english - float(zipf_frequency(folded, "de")) >= GAP

    readable_target = _readable(target)
    spans = _inside_kept(readable_target, kept)
    places = list(_WORD.finditer(readable_target))
    words = [place.group() for place in places]
    found: dict[str, None] = {}
    for number, word in enumerate(words):
        if word.casefold() not in said or not english_only(word):
            continue
        at = places[number]
        if any(start <= at.start() and at.end() <= end for start, end in spans):
            continue  # a word of a term the glossary keeps in English, the term whole
        # a loan German writes (Support, Meeting, Sale) is English only in an English phrase
        # kept (Free Shipping, Happy Birthday)
        phrase = number + 1 < len(words) and english_only(words[number + 1])
        if phrase or word.casefold() not in GERMAN_LOANS:
            found[word] = None
    return list(found)


def _readable(text: str) -> str:
    """``text`` without its placeholders and its quoted items (a label as the app shows it)."""
    from ltmt.quote_style import quoted_spans

    text = without_placeholders(text)
    for start, end, _, _ in reversed(quoted_spans(text)):
        text = f"{text[:start]} {text[end:]}"
    return text
