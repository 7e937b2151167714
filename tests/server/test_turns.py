"""Which pieces of which requests the decoder's next batch takes: users take turns."""

from __future__ import annotations

import pytest

from ltmt.segments import Translation
from ltmt.server.jobs import Job
from ltmt.server.turns import Budget, Turns


def _turns(*jobs: Job) -> Turns:
    turns = Turns()
    for job in jobs:
        turns.add(job)
    return turns


def _planned(turns: Turns, budget: Budget) -> list[tuple[str, int]]:
    """The next batch's pieces, ``(user, texts)``, decoded as the batcher decodes them."""
    picked = turns.next_batch(budget)
    for job, count in picked:
        _, texts, _ = job.begin(count)
        job.decoded([Translation(text, text.upper()) for text in texts])
        if not job.left():
            turns.remove(job)
    return [(job.user, count) for job, count in picked]


@pytest.mark.parametrize(
    ("texts", "budget", "expected"),
    [
        (["aaaa"] * 5, Budget(segments=64, chars=10), [("u", 2)]),  # 8 characters; 12 is over
        (["aaaa"] * 5, Budget(segments=3, chars=100), [("u", 3)]),
        (["a" * 50, "b"], Budget(segments=64, chars=10), [("u", 1)]),  # one segment at least
        (["ab"], Budget(segments=64, chars=100), [("u", 1)]),
    ],
)
def test_a_piece_is_what_fits_the_budget_and_one_segment_at_least(texts, budget, expected):
    assert _planned(_turns(Job("u", texts, "o")), budget) == expected


def test_a_user_who_just_came_is_served_before_one_served_already():
    """A long request fills every batch: a one-line request of another user that came while a
    batch was decoded is in the next batch, not behind the rest of the long one."""
    long = Job("a", ["x" * 1000] * 16, "o")
    turns = _turns(long)
    budget = Budget(segments=64, chars=2500)
    assert _planned(turns, budget) == [("a", 2)]
    turns.add(Job("b", ["Refund issued"], "o"))
    assert _planned(turns, budget) == [("b", 1), ("a", 2)]


def test_users_take_turns_before_a_users_second_request():
    """A user with several long requests gets one turn in each round, as every other user."""
    budget = Budget(segments=64, chars=10)
    turns = _turns(Job("a", ["x" * 10] * 3, "o"), Job("a", ["y" * 10] * 3, "o"))
    assert _planned(turns, budget) == [("a", 1)]
    turns.add(Job("b", ["z" * 10], "o"))
    assert [_planned(turns, budget) for _ in range(3)] == [[("b", 1)], [("a", 1)], [("a", 1)]]


def test_many_short_requests_of_one_user_share_a_batch():
    turns = _turns(*(Job("u", [f"text {i}"], "o") for i in range(5)))
    assert _planned(turns, Budget(segments=64, chars=4000)) == [("u", 1)] * 5


def test_a_piece_that_does_not_fit_waits_for_the_next_batch_keeping_its_turn():
    turns = _turns(Job("a", ["x" * 6] * 2, "o"), Job("b", ["y" * 6], "o"), Job("c", ["z"], "o"))
    budget = Budget(segments=64, chars=10)
    assert _planned(turns, budget) == [("a", 1)]  # b's 6 characters would make 12
    assert _planned(turns, budget) == [("b", 1), ("c", 1)]  # a's: 13
    assert _planned(turns, budget) == [("a", 1)]


def test_a_removed_job_takes_no_turn():
    first, second = Job("a", ["x"], "o"), Job("b", ["y"], "o")
    turns = _turns(first, second)
    turns.remove(first)
    assert len(turns) == 1
    assert _planned(turns, Budget(segments=64, chars=100)) == [("b", 1)]
