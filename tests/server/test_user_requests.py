"""The per-user limit on translate requests in flight: one tenant's flood gets 429, the
others are untouched."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from ltmt.server.errors import ApiError
from ltmt.server.user_requests import RequestsPerUser


def test_a_user_over_the_limit_gets_a_429_and_the_others_do_not():
    limit = RequestsPerUser(2)
    with ExitStack() as held:
        held.enter_context(limit.taken("analytics"))
        held.enter_context(limit.taken("analytics"))
        with pytest.raises(ApiError, match=r"you have 2 translate requests in flight") as refused:
            held.enter_context(limit.taken("analytics"))
        assert refused.value.status == 429
        assert refused.value.headers == {"Retry-After": "1"}
        assert "(--requests-per-user); wait for an answer" in refused.value.message
        with limit.taken("payments"):  # another tenant is not counted with the flood
            pass
    with limit.taken("analytics"):  # given back when the requests are answered
        pass


def test_a_request_that_fails_gives_its_place_back():
    limit = RequestsPerUser(1)
    with pytest.raises(RuntimeError), limit.taken("u"):
        raise RuntimeError("the translation failed")
    with limit.taken("u"):
        pass


def test_a_limit_of_one_says_request_and_zero_is_no_limit():
    one = RequestsPerUser(1)
    with (
        one.taken("u"),
        pytest.raises(ApiError, match=r"^you have 1 translate request in"),
        one.taken("u"),
    ):
        pass
    unlimited = RequestsPerUser(0)
    with ExitStack() as held:
        for _ in range(50):
            held.enter_context(unlimited.taken("u"))
