"""Words of an output that are pieces of English the model half wrote, not German.

Where the model cannot translate a term it may write pieces of an English word (``Rezeiving``
for "Disclosing Party", ``Re|zeiving`` beside "Receiving"). Placing a glossary target over such
a word must take the whole word (:mod:`ltmt.terminology.placement`), and one left beside a
target is reported (:func:`ltmt.terminology.term_position.leftovers`). German is told by
:func:`~ltmt.word_tables.target_words`, the words of the German side of the training data.
"""

from __future__ import annotations

# what a word of a line may have around it that is no part of it
_EDGE_PUNCTUATION = ".,;:!?\"'()"


def bare_words(text: str) -> list[str]:
    """The words of ``text`` split at blanks, case-folded, without the punctuation around
    them (:data:`_EDGE_PUNCTUATION`; a word of punctuation alone is empty)."""
    return [word.strip(_EDGE_PUNCTUATION).casefold() for word in text.split()]


def garbled(word: str, source: str) -> bool:
    """Whether the output ``word`` is neither German (:func:`no_german_word`) nor a word of
    the input line ``source`` (a name it copies): pieces of English the model half wrote
    ("Rezeiving" for "Disclosing Party", its attention on "Receiving" too), which translate
    nothing to keep beside the target. False without ``source``."""
    text = word.strip().strip(_EDGE_PUNCTUATION)
    said = set(bare_words(source))
    return bool(source and text.isalpha() and text.casefold() not in said) and no_german_word(text)


def no_german_word(rest: str) -> bool:
    """Whether ``rest``, the last part of a word whose first part translates a term, is no
    German word (:func:`~ltmt.word_tables.target_words`): the pieces of an English word the
    model half wrote (``Re|zeiving`` for "Receiving"), not a compound's last part (``datei``),
    so the word is replaced whole. Each hyphenated part is asked; one that ends in a German
    word of four letters or more is a compound (``dateiverwaltung``). German's function words
    (:data:`~ltmt.terminology.function_words.FUNCTION_WORDS`) are German, whether or not the table
    holds them: it lacks some English writes alike ("in", "so"), and "den Branch in das
    Repository" was reported a leftover."""
    return any(_no_german_part(part) for part in _parts(rest))


def half_written(rest: str) -> bool:
    """Whether ``rest``, the last part of a word whose first part translates a term, is the
    rest of a half-written English word (``Re|zeiving``): a part of it is no German word
    (:func:`no_german_word`) and no English word either (Zipf frequency under
    :data:`_ENGLISH`). The German word table leaves out the words German shares with English
    (those its English side writes as often): ``Konfigurations|shell``,
    ``Zeiger|position`` and ``Verwendungs|information`` are compounds, their part replaced
    (``Conffile-Shell``, ``Cursor-Position``, ``Aufruf-Information``), not whole words."""
    from ltmt.word_tables import english_zipf

    return any(_no_german_part(part) and english_zipf(part) < _ENGLISH for part in _parts(rest))


def german_word(word: str) -> bool:
    """Whether ``word`` is a German word: one of the table's
    (:func:`~ltmt.word_tables.target_words`: ``Kunde``), or one German shares with English,
    which the table leaves out (``Chance``, ``Person``: an English word of four letters or more,
    so ``Of`` and ``Ras`` are none); False where ltmt ships no German word table."""
    from ltmt.word_tables import english_zipf, target_words

    known = target_words("de")
    text = word.strip().casefold()
    return known is not None and (
        text in known or (len(text) >= 4 and text.isalpha() and english_zipf(text) >= _ENGLISH)
    )


# the least Zipf frequency of an English word (wordfreq's: "cursor" 3.1, "shell" 4.4); the
# rest of a half-written word ("zeiving", "kript") has 0
_ENGLISH = 3.0


def _parts(rest: str) -> list[str]:
    """The hyphenated parts of ``rest``, case-folded."""
    return [part.casefold() for part in rest.split("-") if part]


def _no_german_part(part: str) -> bool:
    """Whether the case-folded ``part`` is no German word and ends in none of four letters or
    more, nor one of German's function words; False where ltmt ships no German word table."""
    from ltmt.terminology.function_words import FUNCTION_WORDS
    from ltmt.word_tables import target_words

    known = target_words("de")
    if not known:
        return False
    return (
        part not in known
        and part not in FUNCTION_WORDS
        and not any(part[k:] in known for k in range(1, len(part) - 3))
    )
