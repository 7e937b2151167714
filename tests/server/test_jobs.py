"""A request waiting for the decoder, and what its cancellation stopped."""

from __future__ import annotations

import pytest

from ltmt.segments import Translation
from ltmt.server.jobs import Job, Stopped


@pytest.mark.parametrize(
    ("stopped", "said"),
    [
        (
            Stopped(decoded=0, decoding=3, dropped=13),
            "13 of 16 segments dropped, 3 decoded for nobody",
        ),
        (Stopped(decoded=0, decoding=0, dropped=1), "1 of 1 segment dropped, 0 decoded for nobody"),
        (
            Stopped(decoded=2, decoding=2, dropped=0),
            "0 of 4 segments dropped, 4 decoded for nobody",
        ),
    ],
)
def test_a_stop_says_what_was_dropped_and_what_was_decoded_anyway(stopped, said):
    assert stopped.describe() == said


def test_a_cancel_notes_how_far_the_job_had_got():
    job = Job("u", ["a", "b", "c", "d", "e"], "o")
    assert job.begin(2) == ("u", ["a", "b"], None)
    job.decoded([Translation("a", "A"), Translation("b", "B")])
    assert job.begin(2) is not None  # c and d being decoded
    assert job.future.cancel()
    assert job.future.stopped == Stopped(decoded=2, decoding=2, dropped=1)
    assert job.begin(1) is None  # nothing more of it is decoded


def test_a_finished_job_cannot_be_cancelled_and_notes_nothing():
    job = Job("u", ["a"], "o")
    job.begin(1)
    job.decoded([Translation("a", "A")])
    job.finish()
    assert not job.future.cancel()
    assert job.future.stopped is None
    assert [t.text for t in job.future.result(0)] == ["A"]


def test_a_piece_carries_its_preferences():
    job = Job("u", ["a", "b", "c"], "o", prefer=[{"context": "1"}, {"context": "2"}, {}])
    job.decoded([Translation("a", "A")])
    assert job.begin(5) == ("u", ["b", "c"], [{"context": "2"}, {}])
