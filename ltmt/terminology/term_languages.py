"""A glossary whose terms read as other languages than its pair is not imported.

Glossary terms are short, and a language detector is seldom sure of one: ``Pumpe`` and ``pump``
are words it does not know, ``Infusionspumpe`` reads as English. So a glossary's two columns,
read each as one text (:func:`ltmt.language_detection.pairs_language_problem`, sure at 0.8),
caught a swapped file of long German terms but not a medical one of compounds and acronyms (its
German column read 0.38 German). The evidence of each row adds up where the columns' does not:
a row *votes* swapped where its first term leans further towards the target language than its
second (:func:`lean`), straight where the other way round, and not at all where the detector
tells the two apart by less than :data:`MARGIN` (``MRI``/``MRT``, ``Git``/``Git``, unknown
words). A file is refused as swapped when at least :data:`MIN_VOTES` rows vote swapped and
:data:`MAJORITY` times as many as vote straight: acronyms and names written alike on both
sides do not vote, so a short glossary of them is never refused.

Every glossary file read (``ltmt glossary import``, the server's ``POST /v1/glossary/import``,
``--glossary`` of ``translate`` and ``qa``) is checked by :func:`check_term_languages`, through
:func:`ltmt.terminology.files.read_glossary`: a swapped file given to ``translate`` did nothing
and to ``qa --check glossary`` found nothing, a false all-clear.
"""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.errors import InputError
from ltmt.terminology.terms import Term

MARGIN = 0.2  # how much further one term of a row must lean towards the target language
MIN_VOTES = 2  # rows that must read swapped
MAJORITY = 3  # ... and how many times the rows that read straight
ROWS_READ = 2_000  # rows read, spread over the file
# terms a file needs before its columns are read as languages: "Förderrate" alone read as
# Swedish, "Wi-Fi" as Low German, and a one-term --glossary was refused
MIN_COLUMN_TERMS = 5
_CANDIDATES = 10  # languages the detector names per term


def swapped_columns(src: str, tgt: str) -> str:
    """What is said of a glossary whose target terms come first (a header's ``de, en`` too)."""
    return (
        f"target terms first; a glossary of {src} to {tgt} has its source terms first: swap "
        "the columns"
    )


# what a refusal leaves undone, and how to do it anyway, by what the glossary was read for
_REFUSALS = {
    "import": ("nothing was imported", "imports"),
    "use": ("the glossary was not used", "uses"),
}


def check_term_languages(
    name: str,
    terms: Sequence[Term],
    src: str,
    tgt: str,
    override: str | None,
    purpose: str = "import",
) -> None:
    """An :class:`InputError` naming file ``name`` where its ``terms`` read as other languages
    than ``src`` → ``tgt`` (module docstring); ``override`` names the way to take them
    anyway (``--no-language-check``; None where there is none), ``purpose`` what the file was
    read for: ``import`` (into a stored glossary) or ``use`` (a run's ``--glossary``)."""
    problem = term_languages_problem(terms, src, tgt)
    if problem is not None:
        undone, verb = _REFUSALS[purpose]
        anyway = f" ({override} {verb} it as it is)" if override else ""
        raise InputError(f"{name}: {problem}; {undone}{anyway}")


def term_languages_problem(terms: Sequence[Term], src: str, tgt: str) -> str | None:
    """What reads wrong with the languages of ``terms`` for a glossary of ``src`` → ``tgt``:
    rows that read swapped, else columns that read as other languages; None where nothing
    does."""
    from ltmt.language_detection import language_name, pairs_language_problem

    step = max(1, len(terms) // ROWS_READ)
    read = terms[::step]
    swapped, straight = row_votes(read, src, tgt)
    if swapped >= MIN_VOTES and swapped >= MAJORITY * straight:
        return (
            f"{swapped} of {len(read)} rows read as {language_name(tgt)} first and "
            f"{language_name(src)} second: {swapped_columns(src, tgt)}"
        )
    if len(terms) < MIN_COLUMN_TERMS:  # a term or two is too little text to read a language
        return None
    return pairs_language_problem(
        [term.source for term in terms],
        [term.target for term in terms],
        src,
        tgt,
        holds="the glossary's terms are {pair}",
    )


def row_votes(terms: Sequence[Term], src: str, tgt: str) -> tuple[int, int]:
    """How many of ``terms`` read swapped (the source leans further towards ``tgt`` than the
    target does, by :data:`MARGIN`) and how many straight."""
    swapped = straight = 0
    for term in terms:
        difference = lean(term.source, src, tgt) - lean(term.target, src, tgt)
        swapped += difference >= MARGIN
        straight += difference <= -MARGIN
    return swapped, straight


def lean(text: str, src: str, tgt: str) -> float:
    """How much likelier the detector finds ``text`` in ``tgt`` than in ``src`` (-1 to 1; 0
    for a text without letters, or in neither)."""
    from ltmt.formats.common import lang_matches
    from ltmt.language_detection import detect

    found = detect(text, _CANDIDATES)
    towards_target = sum(d.confidence for d in found if lang_matches(tgt, d.language))
    towards_source = sum(d.confidence for d in found if lang_matches(src, d.language))
    return towards_target - towards_source
