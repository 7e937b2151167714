"""``memory import --reviewed-only`` of an XLIFF 1.2 file or a CSV table whose reviewers mark
the units or rows they approved: the others are left out.

    records = approved_only(records, is_xliff, not_read)

Crowdin and Lokalise export a translator's target as ``state="translated"`` and mark the
reviewer's approval apart, ``approved="yes"`` on the ``<trans-unit>``; read as pairs, both are
finished translations (:func:`ltmt.formats.xliff.read_xliff`). In a file that marks some unit
approved, a unit without the mark is not reviewed yet, unless its state says it was signed off
(``final``, ``signed-off``): ``--reviewed-only`` leaves it out, counted under
:data:`NOT_APPROVED`. A file that marks none says nothing of review, and is read whole.

A CSV table's ``Status`` column (a spreadsheet's, read into each pair's metadata as
:data:`TABLE_STATUS`) says it row by row: a row whose status is none of
:data:`APPROVED_STATUSES` (``New``, ``Draft``, ``Needs review``) is left out alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ltmt.formats.not_read import NotRead
from ltmt.formats.xliff import SIGNED_OFF_12
from ltmt.segments import PairRecord

# the reason the units left out are counted under (an import's "not read: 1 not approved")
NOT_APPROVED = "not approved"
# a CSV table's row's Status cell, in its pair's metadata, and the statuses that approve it
TABLE_STATUS = "status"
APPROVED_STATUSES = frozenset({"approved", "final", "reviewed", "done", "signed off", "signed-off"})


def approved_only(
    records: Sequence[PairRecord], is_xliff: Callable[[str], bool], not_read: NotRead
) -> list[PairRecord]:
    """``records`` less those of a file (by ``origin``: a folder's member, or ``""``) that
    ``is_xliff`` and marks some unit ``approved="yes"`` which are neither so marked nor
    signed off, and the rows of a CSV table whose status approves none; how many were left
    out is counted into ``not_read``."""
    marking = {
        r.origin for r in records if r.metadata.get("approved") == "yes" and is_xliff(r.origin)
    }
    kept = [
        r for r in records if (r.origin not in marking or _approved(r)) and _approved_by_status(r)
    ]
    not_read.add(NOT_APPROVED, len(records) - len(kept))
    return kept


def _approved(record: PairRecord) -> bool:
    return record.metadata.get("approved") == "yes" or record.metadata.get("state") in SIGNED_OFF_12


def _approved_by_status(record: PairRecord) -> bool:
    """Whether a CSV table's row is approved by its Status cell (a row of a table without
    one: yes)."""
    status = record.metadata.get(TABLE_STATUS)
    return status is None or " ".join(str(status).lower().split()) in APPROVED_STATUSES
