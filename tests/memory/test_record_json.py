"""A stored record's JSON: a record nested too deep is damage, the caller's own runaway
recursion is not (:mod:`ltmt.memory.record_json`)."""

from __future__ import annotations

import pytest

from ltmt.memory.record_json import DEEP_RECORD_BRACKETS, could_nest_deep, loads_record

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"uid": 1, "origins": {"import": 2}}', {"uid": 1, "origins": {"import": 2}}),
        (b"[]", []),
    ],
)
def test_a_record_is_read_as_json(data: bytes, expected: object) -> None:
    assert loads_record(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [(DEEP, "the record is nested too deep to be read"), (b'{"uid": 1', "Expecting")],
)
def test_a_record_nested_too_deep_or_no_json_is_a_value_error(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        loads_record(data)


def test_the_callers_recursion_reading_a_shallow_record_is_the_callers(
    raised_near_the_stack_limit,
) -> None:
    """The recursion in ``translate`` reached the user record's JSON, and the store was said to
    be damaged: a record of a few levels is read, or the caller's RecursionError goes on."""
    seen = raised_near_the_stack_limit(lambda: loads_record(b'{"a": {"b": [1, 2]}}'))
    assert seen == {None, RecursionError}


@pytest.mark.parametrize(
    ("data", "deep"),
    [
        (b'{"uid": 1, "origins": {"import": 2}}', False),
        (b"[" * (DEEP_RECORD_BRACKETS - 1), False),
        (b"[" * DEEP_RECORD_BRACKETS, True),
        (b"{" * (DEEP_RECORD_BRACKETS // 2) + b"[" * (DEEP_RECORD_BRACKETS // 2), True),
    ],
)
def test_could_nest_deep(data: bytes, deep: bool) -> None:
    assert could_nest_deep(data) is deep
