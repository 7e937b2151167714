"""A pairs file whose sides read as other languages than the memory's pair is not imported.

Swapped columns in a TSV, a French TM imported into a German memory, a file with English on
both sides: its pairs would be stored as approved translations and steer every later
translation of the user's. ``ltmt memory import`` and the server's import read the file's
sources and translations together first (:func:`ltmt.language_detection.pairs_language_problem`)
and refuse it with what reads wrong; the caller's ``override`` (``--no-language-check``)
imports it as it is. A request's few pairs (LibreTranslate's ``/suggest``, the server's
``/v1/memory/pairs`` and ``learn``) are refused only where they read swapped
(:func:`pairs_read_swapped`): a few short strings seldom read surely as any language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ltmt.errors import InputError
from ltmt.language_detection import SURE, document_language, pairs_language_problem
from ltmt.segments import PairRecord


def check_pair_languages(
    name: Path | str, records: Sequence[PairRecord], src: str, tgt: str, override: str
) -> None:
    """An :class:`InputError` naming file ``name`` where its ``records`` read as other
    languages than ``src`` → ``tgt`` (module docstring); ``override`` names the way to import
    it anyway."""
    problem = pairs_language_problem(
        [record.source for record in records], [record.target for record in records], src, tgt
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
