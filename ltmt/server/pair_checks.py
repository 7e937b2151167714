"""The checks a request's list of pairs (``/v1/translate``'s ``learn``, ``/v1/memory/pairs``)
gets before and after it is stored, as ``ltmt translate --learn`` and ``ltmt memory import``
check a file's: a list shifted against its sources (a source deleted or added in one of two
lists zipped: :mod:`ltmt.memory.shifted_lines`) is refused, and the pairs stored whose numbers
or placeholders disagree are warned of (:mod:`ltmt.memory.import_checks`). Trial s76: a
shifted list was stored without a word and reused as 100 % matches from then on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ltmt.memory.clean import CleanConfig
from ltmt.memory.import_checks import suspect_pairs
from ltmt.memory.shifted_lines import find_shift
from ltmt.segments import PairRecord
from ltmt.server.errors import ApiError


def refuse_shifted(pairs: Sequence[Any], field: str) -> None:
    """A 422 where ``field``'s ``pairs`` (each with ``source`` and ``target``) read shifted,
    naming the first pairs shifted, as :meth:`ltmt.Translator.learn` says it."""
    shift = find_shift([p.source for p in pairs], [p.target for p in pairs])
    if shift is not None:
        raise ApiError(
            422,
            f"{field}: {shift.of_pairs()}; nothing done: give each source's translation at "
            "its place and send them again",
        )


def pair_warnings(records: Sequence[PairRecord], clean: CleanConfig, stored: str) -> list[str]:
    """The warnings of ``records`` (a request's pairs, named ``pair 3``) that ``ltmt memory
    import`` says of a file's, one a kind of problem; ``stored``: what was done with them
    (``learned``, ``added``)."""
    return [kind.warning(stored, None) for kind in suspect_pairs(records, clean)]
