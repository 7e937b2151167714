"""A run's audit trail, one JSON object a line per unit translated (``ltmt translate
--segments-report FILE.jsonl``): where the unit is, as ``ltmt qa`` names it
(``word/document.xml#p6``, ``cue 3 (00:00:04,200)``, ``line 1``), its source and target, how
the target was made and from which memory segment, for a reviewer of a regulated document (an
IFU) who must say which paragraph came from approved memory and which from the machine. XLIFF
says part of this in its targets (``state-qualifier``); a Word, OpenDocument, HTML or Markdown
document cannot.

``method`` is counted as the run's summary counts it: ``exact`` (a 100 % memory match reused),
``exact-repaired`` (``method`` and ``decoder``: a 100 % match whose stored target lacked a
named field of the source, ``Sie sparen %discount`` for ``Save %discount%``, repaired as the
model's output is and not approved),
``fuzzy`` (fuzzy matches steered the model: ``decoder`` names the fusion, ``knn``,
``knn-trained``, ``attention``), ``model`` (the model alone: no usable match), ``kept`` (the
translation a keyed catalog keeps for another string of the same source:
:mod:`ltmt.formats.same_sources`) or ``empty``;
``match_score`` is the best memory match's fuzzy score (0-100; null where none was found), and
``memory_id``/``memory_origin`` that match's stored segment (its id, and the file it was
imported from, ``learn`` or ``api``) where the target used memory: the match that made the
target, so for a unit with paired codes (``<b>Save</b>``, an MDX ``<Button>Save</Button>``)
whose text without them was reused or fused, that text's match, not one of the unit as
written. ``written``: false where the output keeps no translation for the unit (its
placeholders could not be repaired, or it came out empty)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.unit_translation import Outcome, memory_use, reuse_repaired


def segment_record(outcome: Outcome, written: bool, location: str) -> dict[str, Any]:
    """``outcome``'s line of the report (see the module docstring), its unit at ``location``
    (:func:`ltmt.formats.pipeline.unit_location`)."""
    method = memory_use(outcome.method)
    used = method in ("exact", "fuzzy")
    # the matches of the text translated where memory made it (Outcome.matches are those of
    # the unit as written, which a unit with paired codes was not translated from)
    matches = outcome.translation.matches if used else outcome.matches
    best = matches[0] if matches else None
    repaired = reuse_repaired(outcome)
    return {
        "location": location,
        "source": outcome.unit.source,
        "target": outcome.text,
        # a stored target repaired as the model's output is: no approved translation
        "method": "exact-repaired" if repaired else method,
        "decoder": "exact-repaired" if repaired else outcome.method,
        "match_score": round(best.score, 1) if best is not None else None,
        "memory_id": best.segment.id if used and best is not None else None,
        "memory_origin": best.segment.origin if used and best is not None else None,
        "written": written,
    }


def write_segments_report(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """``records`` written to ``path`` as JSON Lines (UTF-8, replacing what it held)."""
    try:
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as error:
        raise InputError(
            f"cannot write the segments report {path}: {error.strerror or error} "
            "(give --segments-report a file in a folder you can write to)"
        ) from error
