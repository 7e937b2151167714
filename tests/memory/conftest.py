"""Fixtures of the memory tests."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

Raised = set[type[BaseException] | None]


def _raised_near_the_stack_limit(call: Callable[[], object]) -> Raised:
    """What ``call()`` raises (None: nothing) with the stack filled to each depth up to the
    recursion limit: somewhere it has room for the call but not for the nesting of the JSON
    it reads, as in a runaway recursion of its caller."""

    def down(depth: int) -> type[BaseException] | None:
        if depth:
            return down(depth - 1)
        try:
            call()
        except Exception as exc:
            return type(exc)
        return None

    seen: Raised = set()
    for depth in range(sys.getrecursionlimit()):
        try:
            seen.add(down(depth))
        except RecursionError:  # the stack filled before the call
            seen.add(RecursionError)
    return seen


@pytest.fixture
def raised_near_the_stack_limit() -> Callable[[Callable[[], object]], Raised]:
    return _raised_near_the_stack_limit
