"""Which PO message each plural form of a memory's pairs belongs to."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.formats.po_plural_messages import PluralMessages, has_language_forms
from ltmt.segments import PairRecord


def _pair(source: str, **metadata: Any) -> PairRecord:
    return PairRecord(source, f"DE {source}", "", metadata)


RECORDS = [
    _pair("%d file", plural=0),  # a PO entry's
    _pair("%d files", plural=1, plural_of="%d file"),
    _pair("%n item(s)", context="Main", plural=0),  # a Qt message's forms: one source
    _pair("%n item(s)", context="Main", plural=1),
    _pair("Close %d tab", context="tabs", plural=0),  # a keyed catalog's, an older source
    _pair("Close %d tab?", context="tabs", plural=0),
    _pair("Close %d tabs?", context="tabs", plural=1),
    _pair("%d songs", context="songs", plural=1),  # its form 0 deleted
    _pair("%d dirs", plural=1),  # no context: no message to give it
]


@pytest.mark.parametrize(
    ("record", "form", "msgid"),
    [
        (RECORDS[0], 0, "%d file"),
        (RECORDS[1], 1, "%d file"),
        (RECORDS[3], 1, "%n item(s)"),
        (RECORDS[5], 0, "Close %d tab?"),
        (RECORDS[6], 1, "Close %d tab?"),  # the newest form 0 of its context
        (RECORDS[7], 1, "%d songs"),
        (RECORDS[8], 1, "%d dirs"),
    ],
)
def test_a_plural_form_s_msgid(record: PairRecord, form: int, msgid: str) -> None:
    messages = PluralMessages.of(RECORDS)
    assert messages.msgid(record, form) == msgid


QT_SPLIT = [  # a .ts import's forms, each its own source, in a context of two messages
    _pair("%n file deleted.", context="Main", plural=0),
    _pair("%n files deleted.", context="Main", plural=1),
    _pair("%n folder copied.", context="Main", plural=0),
    _pair("%n folders copied.", context="Main", plural=1),
]


@pytest.mark.parametrize(
    ("record", "msgid"),
    [
        (QT_SPLIT[1], "%n file deleted."),  # the form 0 read before it, not the newest
        (QT_SPLIT[3], "%n folder copied."),
    ],
)
def test_a_form_of_a_context_of_several_messages_joins_the_form_0_before_it(
    record: PairRecord, msgid: str
) -> None:
    assert PluralMessages.of(QT_SPLIT).msgid(record, 1) == msgid


def test_only_a_form_given_by_its_context_joins_a_message() -> None:
    messages = PluralMessages.of(RECORDS)
    for form, record in zip([0, 1, 0, 1, 0, 0, 1, 1, 1], RECORDS, strict=True):
        messages.msgid(record, form)
    assert messages.joined == {("tabs", "Close %d tab?")}


@pytest.mark.parametrize(
    ("forms", "language", "expected"),
    [
        ({0, 1}, "de", True),
        ({1, 0}, "de-AT", True),
        ({0}, "de", False),
        ({0, 1, 2}, "de", False),  # Fluent's [0], [one], [other]
        ({0, 2}, "de", False),
        ({0, 1, 2}, "ru", True),
    ],
)
def test_a_message_has_the_language_s_forms(forms: set[int], language: str, expected: bool) -> None:
    assert has_language_forms({form: _pair("x") for form in forms}, language) is expected
