"""Trados Studio's and memoQ's own segment statuses and locks: read as XLIFF states, written for
ltmt's output."""

from __future__ import annotations

import pytest
from lxml import etree

from ltmt.formats.cat_tool_statuses import (
    NS_SDL,
    mark_memoq_unit,
    mark_trados_segment,
    tmx_unit_state,
    tool_locked,
    tool_source_copy,
    tool_state,
    trados_segment,
)

UNIT = "{urn:oasis:names:tc:xliff:document:1.2}trans-unit"
MQ = "{MQXliff}"


def sdl_unit(**segment: str) -> tuple[etree._Element, etree._Element]:
    """A ``<trans-unit>`` with the ``<sdl:seg id="1">`` of ``segment``'s attributes, and it."""
    unit = etree.Element(UNIT, id="u")
    definitions = etree.SubElement(unit, f"{{{NS_SDL}}}seg-defs")
    seg = etree.SubElement(definitions, f"{{{NS_SDL}}}seg", id="1", **segment)
    return unit, seg


def memoq_unit(**attributes: str) -> etree._Element:
    """A ``<trans-unit>`` with the memoQ ``attributes`` (``status="..."`` is ``mq:status``)."""
    return etree.Element(UNIT, {f"{MQ}{name}": value for name, value in attributes.items()})


@pytest.mark.parametrize(
    ("conf", "state"),
    [
        ("Draft", "needs-review-translation"),
        ("Translated", "translated"),
        ("RejectedTranslation", "needs-translation"),
        ("ApprovedTranslation", "signed-off"),
        ("RejectedSignOff", "needs-translation"),
        ("ApprovedSignOff", "final"),
        ("SomethingNew", "needs-review-translation"),  # unknown: not learnt as reviewed
    ],
)
def test_trados_confirmation_levels_read_as_xliff_states(conf: str, state: str) -> None:
    unit, segment = sdl_unit(conf=conf)
    assert tool_state(unit, segment) == state


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("NotStarted", "new"),
        ("Pretranslated", "needs-review-translation"),
        ("PreTranslated", "needs-review-translation"),
        ("MachineTranslated", "needs-review-translation"),
        ("AssembledFromFragments", "needs-review-translation"),
        ("PartiallyEdited", "needs-review-translation"),
        ("ManuallyConfirmed", "translated"),
        ("Reviewer1Confirmed", "signed-off"),
        ("Proofread", "final"),
        ("Rejected", "needs-translation"),
        ("Editing", "needs-review-translation"),  # unknown: not learnt as reviewed
    ],
)
def test_memoq_statuses_read_as_xliff_states(status: str, state: str) -> None:
    assert tool_state(memoq_unit(status=status), None) == state


def test_without_a_tool_status_the_xliff_state_decides() -> None:
    unit, segment = sdl_unit()  # Trados wrote no conf
    assert tool_state(unit, segment) is None
    assert tool_state(etree.Element(UNIT), None) is None


def test_a_segment_is_found_by_its_mid() -> None:
    unit, segment = sdl_unit(conf="Draft")
    assert trados_segment(unit, "1") is segment
    assert trados_segment(unit, "2") is None
    assert trados_segment(etree.Element(UNIT), "1") is None


@pytest.mark.parametrize(
    ("unit", "locked"),
    [
        (sdl_unit(locked="true"), True),
        (sdl_unit(locked="false"), False),
        (sdl_unit(conf="Translated"), False),
        ((memoq_unit(locked="locked"), None), True),
        ((memoq_unit(locked="no"), None), False),
        ((memoq_unit(status="NotStarted"), None), False),
    ],
)
def test_locks(unit: tuple[etree._Element, etree._Element | None], locked: bool) -> None:
    assert tool_locked(*unit) is locked


@pytest.mark.parametrize(
    ("review", "from_memory", "expected"),
    [
        (True, False, {"conf": "Draft", "origin": "mt", "origin-system": "ltmt"}),
        (False, False, {"conf": "Translated", "origin": "mt", "origin-system": "ltmt"}),
        (
            True,
            True,
            {"conf": "Draft", "origin": "tm", "origin-system": "ltmt", "percent": "100"},
        ),
    ],
)
def test_a_filled_trados_segment_says_where_it_came_from(
    review: bool, from_memory: bool, expected: dict[str, str]
) -> None:
    unit, segment = sdl_unit(conf="RejectedTranslation", origin="tm", percent="85")
    mark_trados_segment(segment, review=review, from_memory=from_memory)
    assert dict(segment.attrib) == {"id": "1", **expected}
    assert tool_state(unit, segment) == ("needs-review-translation" if review else "translated")


@pytest.mark.parametrize(
    ("review", "status"), [(True, "Pretranslated"), (False, "ManuallyConfirmed")]
)
def test_a_filled_memoq_unit_gets_a_status_memoq_reads(review: bool, status: str) -> None:
    unit = memoq_unit(status="NotStarted", percent="0")
    assert mark_memoq_unit(unit, review=review, exact=False) is True
    assert unit.get(f"{MQ}status") == status
    assert unit.get(f"{MQ}percent") == "0"


@pytest.mark.parametrize(
    ("before", "exact", "after"),
    [
        ({"percent": "0"}, True, "100"),  # a 100 % memory match, as Trados's percent="100"
        ({}, True, "100"),
        ({"percent": "87"}, False, "0"),  # a rejected fuzzy match's rate, replaced by MT
        ({"percent": "0"}, False, "0"),
        ({}, False, None),  # no rate written: none made up for the model's output
    ],
)
def test_a_memoq_unit_filled_from_a_100_percent_match_says_its_match_rate(
    before: dict[str, str], exact: bool, after: str | None
) -> None:
    """Regression trial s72 (memoQ), defect 7: a row filled from a 100 % memory match kept
    ``mq:percent="0"``, so memoQ's 100 % views and "confirm 100 % matches" passed it over."""
    unit = memoq_unit(status="NotStarted", **before)
    mark_memoq_unit(unit, review=True, exact=exact)
    assert unit.get(f"{MQ}percent") == after


def test_a_unit_no_tool_marks_gets_no_tool_status() -> None:
    unit = etree.Element(UNIT, id="u")
    assert mark_memoq_unit(unit, review=True, exact=True) is False
    mark_trados_segment(None, review=True, from_memory=False)
    assert dict(unit.attrib) == {"id": "u"}


@pytest.mark.parametrize(
    ("props", "state"),
    [
        ('<prop type="x-ConfirmationLevel">Draft</prop>', "needs-review-translation"),
        ('<prop type="x-ConfirmationLevel">RejectedTranslation</prop>', "needs-translation"),
        ('<prop type="x-ConfirmationLevel">ApprovedSignOff</prop>', "final"),
        ('<prop type="x-ConfirmationLevel">Unheard</prop>', "needs-review-translation"),
        # a legacy unit's level: as a unit without one; a level in any case
        ('<prop type="x-ConfirmationLevel">Unspecified</prop>', None),
        ('<prop type="x-ConfirmationLevel">translated</prop>', "translated"),
        ('<prop type="x-ConfirmationLevel"> APPROVEDSIGNOFF </prop>', "final"),
        ('<prop type="x-Origin">TM</prop>', None),
    ],
)
def test_a_trados_tmx_units_confirmation_level_reads_as_an_xliff_state(
    props: str, state: str | None
) -> None:
    unit = etree.fromstring(f"<tu>{props}<tuv xml:lang='en'><seg>A</seg></tuv></tu>")
    assert tmx_unit_state(unit) == state


TARGET = etree.fromstring(
    '<target xmlns="urn:oasis:names:tc:xliff:document:1.2">npm install acme-cli --save-dev</target>'
)


@pytest.mark.parametrize(
    ("segment", "copied"),
    [
        # Trados's "copy source to target": its word, whatever the target says now
        ({"conf": "Draft", "origin": "source"}, True),
        ({"conf": "SomethingNew", "origin": "source"}, True),  # unknown: not confirmed
        # a translator's deliberate copy (typed, propagated): kept, as before session 72
        ({"conf": "Draft", "origin": "interactive"}, False),
        ({"conf": "Draft", "origin": "auto-propagated"}, False),
        ({"conf": "Draft"}, False),
        # confirmed, signed off or rejected: the translator's word (a product name), or pending
        ({"conf": "Translated", "origin": "source"}, False),
        ({"conf": "ApprovedSignOff", "origin": "source"}, False),
        ({"conf": "RejectedTranslation", "origin": "source"}, False),
        ({"origin": "source"}, False),  # Trados wrote no status: the XLIFF state decides
        # a memory's 100 % match, ltmt's own output
        ({"conf": "Draft", "origin": "tm", "percent": "100"}, False),
        ({"conf": "Draft", "origin": "mt", "origin-system": "ltmt"}, False),
    ],
)
def test_only_trados_copy_source_to_target_not_confirmed_is_a_source_copy(
    segment: dict[str, str], copied: bool
) -> None:
    """A Draft whose target equals its source by a translator's hand (``npm install ...``,
    ``iPhone 15 Pro Max``) was translated again and garbled (regression trial, session 72)."""
    _, seg = sdl_unit(**segment)
    assert tool_source_copy(seg, TARGET) is copied


def test_a_segment_without_target_is_no_source_copy() -> None:
    _, seg = sdl_unit(conf="Draft", origin="source")
    assert not tool_source_copy(seg, None)
