"""A pairs file whose sides read as other languages than the memory's pair is not imported.

Swapped columns in a TSV, a French TM imported into a German memory, a file with English on
both sides: its pairs would be stored as approved translations and steer every later
translation of the user's. ``ltmt memory import`` and the server's import read the file's
sources and translations together first (:func:`ltmt.language_detection.pairs_language_problem`)
and refuse it with what reads wrong; the caller's ``override`` (``--no-language-check``)
imports it as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ltmt.errors import InputError
from ltmt.language_detection import pairs_language_problem
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
