"""User ids: the users a new user's name is close to (a typo of theirs)."""

from __future__ import annotations

import pytest

from ltmt.memory.user_ids import close_users


@pytest.mark.parametrize(
    ("user", "users", "close"),
    [
        ("webap", ["webapp", "git"], ["webapp"]),
        ("WebApp", ["webapp", "git"], ["webapp"]),
        ("webapp", ["webapp"], []),  # itself: not another
        ("docs", ["webapp", "git"], []),
    ],
)
def test_close_users(user: str, users: list[str], close: list[str]) -> None:
    assert close_users(user, users) == close
