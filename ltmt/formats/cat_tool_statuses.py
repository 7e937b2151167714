"""What SDL Trados Studio (``.sdlxliff``) and memoQ (``.mqxliff``) write beside XLIFF 1.2 to say
how far a segment is: their statuses and locks, read as XLIFF states and written for ltmt's
output.

Neither tool reads or updates the XLIFF ``state`` attribute; each keeps its own:

- Trados, per segment: ``<sdl:seg-defs><sdl:seg id="MID" conf="..." locked="true"/>`` in the
  unit, ``id`` the ``mid`` of the segment's ``<mrk mtype="seg">``;
- memoQ, per unit: ``mq:status="..."`` and ``mq:locked="locked"`` on the ``<trans-unit>``.

A status is read as the XLIFF 1.2 state that ltmt treats alike (:data:`TRADOS_STATES`,
:data:`MEMOQ_STATES`): a translator's confirmed segment as ``translated``, a reviewer's
approval as ``signed-off``, the last review (Trados sign-off, memoQ proofreading) as ``final``,
a draft or a pre-translation not confirmed as ``needs-review-translation`` (so neither learnt
by ``memory import`` nor replaced by ``translate``), and a rejected one as
``needs-translation``. A status neither tool documents counts as awaiting review; a segment
without one is judged by its XLIFF state. A TMX unit that Trados exported from its memory
says its level in ``<prop type="x-ConfirmationLevel">`` (:func:`tmx_unit_state`), read alike.

A segment not confirmed that Trados says it filled by copying its source is untranslated
(:func:`tool_source_copy`: "copy source to target", ``conf="Draft" origin="source"``). A
target equal to its source under any other status is the translator's (a product name, a
command, a version string: ``iPhone 15 Pro Max``), kept; memoQ writes no mark of a copy.
"""

from __future__ import annotations

from typing import Any

from ltmt.formats.common import local_name

NS_SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
MQ_STATUS = "{MQXliff}status"
MQ_LOCKED = "{MQXliff}locked"
MQ_PERCENT = "{MQXliff}percent"  # a memoQ row's match rate
UNCONFIRMED = "needs-review-translation"
# Trados's confirmation levels (``sdl:seg conf``; none written: "Not Translated")
TRADOS_STATES = {
    "Draft": UNCONFIRMED,
    "Translated": "translated",
    "RejectedTranslation": "needs-translation",
    "ApprovedTranslation": "signed-off",
    "RejectedSignOff": "needs-translation",
    "ApprovedSignOff": "final",
}
# memoQ's row statuses, case folded (its files write ``Pretranslated``, its API ``PreTranslated``);
# PartiallyEdited: a translator's edit not confirmed yet, possibly half done
MEMOQ_STATES = {
    "notstarted": "new",
    "pretranslated": UNCONFIRMED,
    "machinetranslated": UNCONFIRMED,
    "assembledfromfragments": UNCONFIRMED,
    "partiallyedited": UNCONFIRMED,
    "manuallyconfirmed": "translated",
    "reviewer1confirmed": "signed-off",
    "proofread": "final",
    "rejected": "needs-translation",
}
TRADOS_TMX_LEVEL = "x-ConfirmationLevel"  # the <prop> type of a Trados TMX unit's level
_TRADOS_LEVELS = {level.casefold(): state for level, state in TRADOS_STATES.items()}
UNSPECIFIED = "unspecified"  # a TMX unit's level where Trados knows none (a legacy unit's)
LTMT = "ltmt"  # the origin-system Trados shows for what ltmt wrote
COPIED_SOURCE = "source"  # the origin Trados gives a segment whose source it copied
EXACT_PERCENT = 100  # memoQ's match rate of a 100 % memory match


def trados_segment(unit: Any, mid: str) -> Any | None:
    """The ``<sdl:seg>`` that describes the segment ``mid`` of the 1.2 ``<trans-unit>`` ``unit``,
    or None (not a Trados file, or no segment of that id)."""
    for definitions in unit:
        if definitions.tag != f"{{{NS_SDL}}}seg-defs":
            continue
        for segment in definitions:
            if local_name(segment.tag) == "seg" and segment.get("id") == mid:
                return segment
    return None


def tool_state(unit: Any, segment: Any | None) -> str | None:
    """The XLIFF 1.2 state that the tool's status of a segment means: its Trados ``segment``'s
    ``conf``, else the memoQ status of its ``<trans-unit>`` ``unit``; None where neither is
    written."""
    conf = segment.get("conf") if segment is not None else None
    if conf is not None:
        return TRADOS_STATES.get(conf, UNCONFIRMED)
    status = unit.get(MQ_STATUS)
    if status is not None:
        return MEMOQ_STATES.get(status.casefold(), UNCONFIRMED)
    return None


def tmx_unit_state(unit: Any) -> str | None:
    """The XLIFF 1.2 state that the Trados confirmation level of the TMX ``<tu>`` ``unit``
    means (its ``<prop type="x-ConfirmationLevel">``, :data:`TRADOS_STATES`, in any case:
    ``translated``; a level Trados does not document counts as unconfirmed), None where it has
    none or ``Unspecified`` (Trados's level of a legacy unit, imported as a unit without one)."""
    for child in unit:
        if local_name(child.tag) == "prop" and child.get("type") == TRADOS_TMX_LEVEL:
            level = (child.text or "").strip().casefold()
            if level == UNSPECIFIED:
                return None
            return _TRADOS_LEVELS.get(level, UNCONFIRMED)
    return None


def tool_source_copy(segment: Any | None, target: Any | None) -> bool:
    """Whether Trados filled the segment ``target`` (its ``<sdl:seg>`` ``segment``) by copying
    its source and it is not confirmed yet: ``conf="Draft" origin="source"``, untranslated.
    Only Trados's own word counts: a draft (``origin="interactive"``, ``"auto-propagated"``)
    or a memoQ row whose target is its source word for word is a translator's deliberate copy
    (``npm install acme-cli``), kept."""
    if target is None or segment is None or segment.get("origin") != COPIED_SOURCE:
        return False
    conf = segment.get("conf")  # a level Trados does not document counts as not confirmed
    return conf is not None and TRADOS_STATES.get(conf, UNCONFIRMED) == UNCONFIRMED


def tool_locked(unit: Any, segment: Any | None) -> bool:
    """Whether the tool locked the segment (Trados ``locked="true"`` on its ``segment``, memoQ
    ``mq:locked="locked"`` on its ``unit``): a project manager's "do not change"."""
    if segment is not None and segment.get("locked") == "true":
        return True
    return unit.get(MQ_LOCKED) == "locked"


def mark_trados_segment(segment: Any | None, review: bool, from_memory: bool) -> None:
    """Set the Trados status of a segment ltmt just filled (its ``<sdl:seg>``; nothing for
    ``None``) as Trados marks its own pre-translation: ``conf="Draft"`` (``Translated`` without
    ``review``: not awaiting review), ``origin="mt"`` (``tm`` with ``percent="100"`` where
    ``from_memory``: a 100 % memory match), ``origin-system="ltmt"``."""
    if segment is None:
        return
    segment.set("conf", "Draft" if review else "Translated")
    segment.set("origin", "tm" if from_memory else "mt")
    segment.set("origin-system", LTMT)
    if from_memory:
        segment.set("percent", "100")
    elif "percent" in segment.attrib:  # a match's, which the target no longer is
        del segment.attrib["percent"]


def mark_memoq_unit(unit: Any, review: bool, *, exact: bool) -> bool:
    """Set the memoQ status of a ``<trans-unit>`` ltmt filled, where it has one, and say
    whether it has: ``mq:status="Pretranslated"`` (``ManuallyConfirmed`` without ``review``).
    memoQ marks the whole unit: ``review`` is whether any of its segments awaits review.
    Its match rate, by which memoQ shows and filters its rows (``mq:percent``), is 100 where
    ``exact`` (a 100 % memory match, as Trados's ``percent="100"``: not 101, memoQ's match of
    the context too), else 0, memoQ's for a row no memory match filled (the model's output,
    fused with fuzzy matches or not: Trados's has no ``percent``), where a rate was written."""
    if unit.get(MQ_STATUS) is None:
        return False
    unit.set(MQ_STATUS, "Pretranslated" if review else "ManuallyConfirmed")
    if exact:
        unit.set(MQ_PERCENT, str(EXACT_PERCENT))
    elif MQ_PERCENT in unit.attrib:  # a match's, which the target no longer is
        unit.set(MQ_PERCENT, "0")
    return True
