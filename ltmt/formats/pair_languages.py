"""A pairs file whose sides read as other languages than the memory's pair is not imported.

Swapped columns in a TSV, a French TM imported into a German memory, a file with English on
both sides: its pairs would be stored as approved translations and steer every later
translation of the user's. ``ltmt memory import`` and the server's import read the file's
sources and translations together first (:func:`ltmt.language_detection.pairs_language_problem`)
and refuse it with what reads wrong; the caller's ``override`` (``--no-language-check``)
imports it as it is. A file whose own language tags name the pair (:data:`TAGGED_FORMATS`,
its reader checked them) is refused only on more evidence
(:data:`~ltmt.language_detection.TAGGED_WORDS`). A request's few pairs (LibreTranslate's
``/suggest``, the server's ``/v1/memory/pairs`` and ``learn``) are refused only where they read
swapped (:func:`pairs_read_swapped`): a few short strings seldom read surely as any language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ltmt.errors import InputError
from ltmt.language_detection import (
    DOCUMENT_WORDS,
    SURE,
    TAGGED_WORDS,
    document_language,
    pairs_language_problem,
)
from ltmt.segments import PairRecord

# the formats whose readers refuse a file whose own language tags are not the pair asked
# (TMX's xml:lang, XLIFF's source-language and target-language, 2.0's srcLang and trgLang)
TAGGED_FORMATS = frozenset({"tmx", "xliff", "xliff2"})


def check_pair_languages(
    name: Path | str,
    records: Sequence[PairRecord],
    src: str,
    tgt: str,
    override: str,
    *,
    fmt: str | None = None,
) -> None:
    """An :class:`InputError` naming file ``name`` where its ``records`` read as other
    languages than ``src`` → ``tgt`` (module docstring); ``override`` names the way to import
    it anyway; ``fmt``: the file's format (one of :data:`TAGGED_FORMATS`: its tags name the
    pair)."""
    problem = pairs_language_problem(
        [record.source for record in records],
        [record.target for record in records],
        src,
        tgt,
        words=TAGGED_WORDS if fmt in TAGGED_FORMATS else DOCUMENT_WORDS,
    )
    if problem is not None:
        raise InputError(
            f"{name}: {problem}; nothing was imported ({override} imports it as it is)"
        )


def pairs_read_swapped(sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> bool:
    """Whether pairs for a memory of ``src`` → ``tgt`` read as swapped: their ``sources``, read
    together, surely as ``tgt`` (:data:`~ltmt.language_detection.SURE`) and their ``targets``
    likeliest as ``src``. A short English text is seldom read surely (``Close the window``), a
    German one is: the targets need only read likeliest as the source language."""
    from ltmt.formats.common import lang_matches

    read_sources = document_language(sources, SURE, words=0)
    if read_sources is None or not lang_matches(tgt, read_sources.language):
        return False
    likeliest = document_language(targets, sure=0.0, words=0)
    return likeliest is not None and lang_matches(src, likeliest.language)
