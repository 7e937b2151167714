"""A translation an XLIFF unit keeps as it is, marked for review: the memory holds it for
another source than the unit's now (:func:`ltmt.formats.changed_sources.mark_for_review`), so
its source likely changed since it was translated.

It is marked as each tool reads its own mark; its text, origin and match rate are kept (it is
no machine output or memory match of ltmt's):

- 1.2: the target ``state="needs-review-translation"``, its ``state-qualifier`` dropped (it said
  how the target matched the source before: an ``exact-match`` of an older source is none of
  this one); a Trados segment ``conf="Draft"``; a memoQ unit ``mq:status="Pretranslated"``;
- 2.0 (no review state): ``state="translated"`` with ``subState="ltmt:source-changed"``
  (:data:`~ltmt.formats.xliff.SOURCE_CHANGED_SUBSTATE`).
"""

from __future__ import annotations

from ltmt.formats.cat_tool_statuses import MQ_STATUS, UNCONFIRMED
from ltmt.formats.xliff import SOURCE_CHANGED_SUBSTATE, XliffUnit


def mark_kept(unit: XliffUnit) -> None:
    """Mark ``unit``'s target for review as it is (module docstring); a segment of a segmented
    1.2 unit marks its whole target, which holds the state."""
    if unit.version == 2:
        unit.holder.set("state", "translated")  # a subState needs a state
        unit.holder.set("subState", SOURCE_CHANGED_SUBSTATE)
        return
    target = unit.whole_target if unit.mid else unit.target
    if target is not None:
        target.set("state", UNCONFIRMED)
        target.attrib.pop("state-qualifier", None)
    if unit.trados_segment is not None:
        unit.trados_segment.set("conf", "Draft")
    if unit.holder.get(MQ_STATUS) is not None:
        unit.holder.set(MQ_STATUS, "Pretranslated")
