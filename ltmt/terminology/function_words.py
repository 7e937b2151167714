"""Glossary terms whose source is an English pronoun, article or other function word.

A glossary of ``you,du`` and ``your,dein`` is a wish for a form of address, not terminology:
the model writes its own word for "your" ("Ihre"), and the glossary's target was put beside
it ("dein Ihre Listen"). Such a term is kept where it is stored (nothing a user imported is
lost), but the matcher never finds it (:class:`~ltmt.terminology.matching.TermMatcher`), so
decoding and qa leave it alone; importing or using one says so once
(:func:`function_word_warning`) and points to ``ltmt qa --formality du``, which checks the form
of address. Skipping rather than refusing the import: a refusal stops the whole file, and terms
stored before this check would still be followed.

A case-sensitive term, or one in capitals, is a name or an acronym ("US", "IT"), not a
function word; "on", "off", "in", "can", "will" and "may" are left out of the list: they are
UI labels, nouns or a month as often.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ltmt.terminology.terms import Term
from ltmt.wording import counted, first_few

# English's: FUNCTION_WORDS (below) are German's, which a target's words are read against
ENGLISH_FUNCTION_WORDS = frozenset(
    {
        *("i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves"),
        *("he", "him", "his", "she", "her", "hers", "it", "its", "we", "our", "ours"),
        *("they", "them", "their", "theirs", "this", "that", "these", "those"),
        *("a", "an", "the", "of", "to", "for", "with", "by", "at", "from", "into", "about"),
        *("and", "or", "but", "if", "than", "as", "is", "are", "was", "were", "be", "been"),
        *("am", "do", "does", "did", "has", "have", "had"),
    }
)
# English adverbs and particles a German translation leaves out as often as not ("Search
# here" is "Suchen" too): no word said lost where a line lacks them (qa's catalog check, the
# glossary's damage check)
ENGLISH_OFTEN_UNSAID = frozenset({"here", "there", "now", "just", "please", "also"})


# German negations and articles: the word a missing target's attention points at may be one
# ("nicht" or "Die" for "Git could not read the file": the model left the term out); replacing
# a negation turns the meaning around, replacing an article breaks the sentence ("GIT-SCM Datei
# konnte nicht gelesen werden"): placement places nothing on the words it is told to keep, and
# the caller decodes the line again
NEGATIONS = frozenset(
    {"nicht", "nichts", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie"}
)
ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
)
# German words that belong to no term's translation (prepositions, conjunctions, pronouns,
# auxiliaries): a term of several words never takes them with it (:func:`_term_words`)
FUNCTION_WORDS = (
    NEGATIONS
    | ARTICLES
    | frozenset(
        {
            *("in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom"),
            *("zu", "zum", "zur", "für", "über", "unter", "vor", "hinter", "neben", "zwischen"),
            *("durch", "gegen", "ohne", "um", "und", "oder", "aber", "als", "wie", "dass", "ob"),
            *("wenn", "ich", "du", "er", "sie", "es", "wir", "ihr", "sich", "ist", "sind", "wird"),
            *("werden", "wurde", "wurden", "hat", "haben", "kann", "können", "konnte", "muss"),
            *("soll", "darf", "will", "nur", "auch", "noch", "schon", "hier", "dort", "so"),
        }
    )
)


def is_function_word_term(term: Term) -> bool:
    """Whether ``term``'s source is only English function words (module docstring)."""
    if term.case_sensitive:
        return False
    words = term.source.split()
    return all(w.casefold() in ENGLISH_FUNCTION_WORDS and not w.isupper() for w in words)


def has_content_words(text: str) -> bool:
    """Whether ``text`` has a word outside its placeholders that is no English function word
    (``%d of %d`` has none: written ``%d/%d`` it loses no word that says anything)."""
    from ltmt.formats.placeholder_syntax import without_placeholders

    words = re.findall(r"[^\W\d_]+", without_placeholders(text))
    return any(word.casefold() not in ENGLISH_FUNCTION_WORDS for word in words)


def function_word_warning(name: str, terms: Iterable[Term]) -> str | None:
    """One line on the ``terms`` of glossary ``name`` whose source is a function word (which
    translation does not follow), or None where there are none."""
    found = [term for term in terms if is_function_word_term(term)]
    if not found:
        return None
    named = first_few(repr(term.source) for term in found)
    return (
        f"{name}: {counted(len(found), 'term')} with a pronoun, article or function word as "
        f"source ({named}) not applied in translation: the form of address is no "
        "glossary matter (check it with 'ltmt qa --formality du')"
    )
