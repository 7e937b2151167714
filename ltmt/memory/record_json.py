"""The JSON of a stored record (a user's row, a segment's metadata), read so that only damage
is said to be damage.

``json.loads`` recurses once per nesting level, so a RecursionError while reading a record has
two causes: a record nested thousands deep (``[[[[…``: damage on disk), or a caller that had
used up the stack before it read a record of two levels (a runaway recursion elsewhere, a
program bug). The second was reported as "memory store … is damaged; restore the store from a
backup", which could make a user throw away a healthy memory; it is re-raised as it came.
"""

from __future__ import annotations

import json
from typing import Any

# fewer opening brackets than this, and a record cannot nest deep enough to exhaust a stack
# that had room to spare (Python's default recursion limit is 1000 frames)
DEEP_RECORD_BRACKETS = 100


def loads_record(data: bytes) -> Any:
    """The JSON value of record ``data``; ValueError where it nests too deep to be read (damage,
    as a record that is no JSON is), the caller's own RecursionError where it does not."""
    try:
        return json.loads(data)
    except RecursionError:
        if not could_nest_deep(data):
            raise  # the caller's recursion, not the record's
        raise ValueError("the record is nested too deep to be read") from None


def could_nest_deep(data: bytes) -> bool:
    """Whether ``data`` holds enough opening brackets (:data:`DEEP_RECORD_BRACKETS`) to nest
    deep enough to exhaust a stack (an upper bound: brackets inside strings count too)."""
    return data.count(b"[") + data.count(b"{") >= DEEP_RECORD_BRACKETS
