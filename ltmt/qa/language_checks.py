"""qa's language check: translations that read as another language than the target language
(a French file checked as German, German targets checked with ``--tgt-lang fr``), which the
other checks pass (a spelling note a word at most, or nothing where no dictionary is installed).

An entry is read by the words its translation adds: those of its source are left out (an
option, a command, a product name the translation copies: ``git remote set-head``, read as
English). With :data:`ENTRY_WORDS` such words at least, read :data:`ENTRY_SURE` sure as another
language, the entry is flagged. On the dev users' 14,057 references (memories and tests,
10,757 with three such words) one is: ``Ungültiger Wert fuer Null-Hochzaehlen: %s`` (Spanish,
0.92); with four words still that one, with 0.8 three (read whole, copied words too, 11).
Where the file's translations read together as another language
(:func:`ltmt.language_detection.document_language`), that is said once, on the first entry,
in place of every entry's finding: the file is of another language, or ``--tgt-lang`` is
wrong; unless they are a few words whose detector's second guess is the target language
(:data:`SECOND_GUESS`: ``Keine neue Liste verpassen. {name}`` read as French, 0.85, German 0.14;
trial s77). A Swiss (or Liechtenstein) German translation that writes ``ß`` is flagged too: that
German writes ``ss`` (:mod:`ltmt.swiss_spelling`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.qa.findings import Finding

if TYPE_CHECKING:
    from ltmt.segments import PairRecord

ENTRY_WORDS = 3  # an entry's words not in its source: fewer are too few to tell a language by
ENTRY_SURE = 0.9  # how sure its language is read
SECOND_GUESS = 0.1  # a few words whose second guess is the language asked may be it


def language_findings(translated: Sequence[PairRecord], language: str) -> list[Finding]:
    """The findings of the entries of ``translated`` (the ``n``-th entry checked is
    ``translated[n]``) whose translations read as another language than ``language``: of each
    file (a folder's, by the records' ``origin``) one where they read so together, else one
    an entry (module docstring)."""
    by_file: dict[str, list[int]] = {}
    for n, record in enumerate(translated):
        by_file.setdefault(record.origin, []).append(n)
    findings = [
        finding
        for entries in by_file.values()
        for finding in _file_findings(translated, entries, language)
    ]
    return findings + _sharp_s_findings(translated, language)


def _sharp_s_findings(translated: Sequence[PairRecord], language: str) -> list[Finding]:
    """A finding for each translation of ``translated`` that writes ``ß`` where ``language``
    (``de-CH``) writes ``ss``."""
    from ltmt.language_detection import language_name
    from ltmt.swiss_spelling import sharp_s_words, swiss_spelling
    from ltmt.wording import first_few

    findings = []
    for n, record in enumerate(translated):
        words = sharp_s_words(record.target, language)
        if words:
            message = (
                f"{language_name(language)} writes ss, not ß: write "
                f"{first_few(repr(swiss_spelling(w, language)) for w in words)}"
            )
            findings.append(Finding.about("language", n, record, message))
    return findings


def _file_findings(
    translated: Sequence[PairRecord], entries: Sequence[int], language: str
) -> list[Finding]:
    """:func:`language_findings` of one file's entries, ``translated[n]`` for each ``n`` of
    ``entries``."""
    from ltmt.language_detection import described, document_language, language_name

    texts = [translated[n].target for n in entries]
    found = document_language(texts)
    if found is not None and not _is(found.language, language) and not _may_be(texts, language):
        message = (
            f"the file's translations read as {described(found)}, not "
            f"{language_name(language)}: check --tgt-lang, or that this is the right file"
        )
        return [Finding.about("language", entries[0], translated[entries[0]], message)]
    findings = []
    for n in entries:
        other = _other_language(translated[n], language)
        if other is not None:
            message = f"the translation reads as {other}, not {language_name(language)}"
            findings.append(Finding.about("language", n, translated[n], message))
    return findings


def _may_be(texts: Sequence[str], language: str) -> bool:
    """Whether ``texts``, a file's translations of a few words (fewer than
    :data:`~ltmt.language_detection.DOCUMENT_WORDS`), may be ``language`` all the same: the
    detector's second guess, at :data:`SECOND_GUESS` at least (trial s77: ``Keine neue Liste
    verpassen. {name}`` read as French at 0.85, German 0.14). A longer file is read as it
    reads."""
    from ltmt.language_detection import DOCUMENT_WORDS, detect, told_words

    text = " ".join(texts)
    if len(told_words(text)) >= DOCUMENT_WORDS:
        return False
    guesses = detect(text, 2)[1:]
    return any(_is(g.language, language) and g.confidence >= SECOND_GUESS for g in guesses)


def _other_language(record: PairRecord, language: str) -> str | None:
    """The language (described) that ``record``'s translation surely reads as, by the words
    it does not copy from its source, where that is not ``language``; else None."""
    from ltmt.language_detection import described, detect, told_words

    copied = {word.casefold() for word in told_words(record.source)}
    added = [word for word in told_words(record.target) if word.casefold() not in copied]
    if len(added) < ENTRY_WORDS:
        return None
    found = detect(" ".join(added), 1)
    if not found or found[0].confidence < ENTRY_SURE or _is(found[0].language, language):
        return None
    return described(found[0])


def _is(found: str, language: str) -> bool:
    """Whether the language read, ``found``, is ``language``: the same
    (:func:`~ltmt.formats.common.lang_matches`), or of one macrolanguage, it and a member or
    two members (Norwegian ``no``, Bokmål ``nb``, Nynorsk ``nn``; Chinese ``zh``, Mandarin
    ``cmn``), which the detector does not tell apart."""
    from ltmt.formats.common import lang_matches

    return lang_matches(found, language) or _macrolanguage(found) == _macrolanguage(language)


def _macrolanguage(code: str) -> str:
    """The macrolanguage ``code``'s language is a member of (``nb``: ``no``; langcodes' table),
    else its language (``de-AT``: ``de``; ``no``: ``no``)."""
    from langcodes.data_dicts import MACROLANGUAGES

    from ltmt.formats.common import primary_language

    language = primary_language(code)
    return str(MACROLANGUAGES.get(language, language))
