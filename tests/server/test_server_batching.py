"""The batcher: requests that arrive together are decoded together, per options, in order."""

from __future__ import annotations

import threading

import pytest

from ltmt.errors import InputError
from ltmt.segments import Translation
from ltmt.server.batching import Batcher, ServerClosingError
from ltmt.server.jobs import Stopped


class RecordingDecoder:
    """Upper-cases texts; records each call's options and requests (and their preferences);
    can be held back."""

    def __init__(self):
        self.calls = []
        self.prefers = []
        self.entered = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def __call__(self, options, requests):
        self.entered.set()
        self.release.wait(10)
        self.calls.append((options, [(user, list(texts)) for user, texts, _ in requests]))
        self.prefers.append([prefer for _, _, prefer in requests])
        if options == "bad":
            raise InputError("bad options")
        if any("\ud800" in t for _, texts, _ in requests for t in texts):
            raise RuntimeError("the tokenizer cannot take a lone surrogate")
        return [
            [Translation(t, f"{user}:{t.upper()}") for t in texts] for user, texts, _ in requests
        ]


def test_requests_waiting_together_are_one_batch_per_options():
    decoder = RecordingDecoder()
    decoder.release.clear()  # the first batch blocks while the others queue up
    batcher = Batcher(decoder, wait_s=0.0, max_segments=100)
    first = batcher.submit("u0", ["x"], "a")
    assert decoder.entered.wait(10)
    futures = [batcher.submit(f"u{i}", [f"t{i}"], "a" if i % 2 else "b") for i in range(1, 5)]
    decoder.release.set()
    assert [t.text for t in first.result(10)] == ["u0:X"]
    assert [[t.text for t in f.result(10)] for f in futures] == [
        ["u1:T1"],
        ["u2:T2"],
        ["u3:T3"],
        ["u4:T4"],
    ]
    batcher.close()
    assert decoder.calls == [
        ("a", [("u0", ["x"])]),
        ("a", [("u1", ["t1"]), ("u3", ["t3"])]),
        ("b", [("u2", ["t2"]), ("u4", ["t4"])]),
    ]


def test_a_batch_stops_growing_at_max_segments():
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0, max_segments=3)
    futures = [batcher.submit("u", ["a", "b"], "o")]
    assert decoder.entered.wait(10)
    futures += [batcher.submit("u", ["a", "b"], "o") for _ in range(3)]
    decoder.release.set()
    for future in futures:
        future.result(10)
    batcher.close()
    # a request that does not fit whole goes on in the next batch, after the user's next one
    assert [requests for _, requests in decoder.calls] == [
        [("u", ["a", "b"])],
        [("u", ["a", "b"]), ("u", ["a"])],
        [("u", ["a", "b"]), ("u", ["b"])],
    ]


def test_an_error_goes_to_the_requests_of_its_batch_only():
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0)
    batcher.submit("u", ["a"], "o")
    assert decoder.entered.wait(10)
    bad, good = batcher.submit("u", ["b"], "bad"), batcher.submit("u", ["c"], "o")
    decoder.release.set()
    with pytest.raises(InputError, match="bad options"):
        bad.result(10)
    assert [t.text for t in good.result(10)] == ["u:C"]
    batcher.close()


def test_a_request_that_fails_its_batch_fails_alone():
    """One user's input that breaks decoding must not fail the requests batched with it: the
    batch is decoded again one request at a time."""
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0)
    batcher.submit("u0", ["first"], "o")
    assert decoder.entered.wait(10)
    before = batcher.submit("bob", ["a"], "o")
    poisoned = batcher.submit("alice", ["x\ud800"], "o")
    after = batcher.submit("bob", ["b", "c"], "o")
    decoder.release.set()
    assert [t.text for t in before.result(10)] == ["bob:A"]
    assert [t.text for t in after.result(10)] == ["bob:B", "bob:C"]
    with pytest.raises(RuntimeError, match="lone surrogate"):
        poisoned.result(10)
    batcher.close()
    batched, *alone = decoder.calls[1:]
    assert [user for user, _ in batched[1]] == ["bob", "alice", "bob"]
    assert [requests for _, requests in alone] == [
        [("bob", ["a"])],
        [("alice", ["x\ud800"])],
        [("bob", ["b", "c"])],
    ]


def test_close_finishes_the_queue_then_refuses_new_work():
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0)
    queued = [batcher.submit("u", [str(i)], "o") for i in range(3)]
    closer = threading.Thread(target=batcher.close)
    closer.start()
    decoder.release.set()
    closer.join(10)
    assert [f.result(0)[0].text for f in queued] == ["u:0", "u:1", "u:2"]
    with pytest.raises(ServerClosingError, match="shutting down"):
        batcher.submit("u", ["late"], "o")


def test_a_long_request_is_decoded_max_segments_at_a_time_with_its_preferences():
    decoder = RecordingDecoder()
    batcher = Batcher(decoder, wait_s=0.0, max_segments=2)
    prefer = [{"context": str(i)} for i in range(5)]
    texts = ["a", "b", "c", "d", "e"]
    assert [t.text for t in batcher.submit("u", texts, "o", prefer).result(10)] == [
        "u:A",
        "u:B",
        "u:C",
        "u:D",
        "u:E",
    ]
    batcher.close()
    assert [requests for _, requests in decoder.calls] == [
        [("u", ["a", "b"])],
        [("u", ["c", "d"])],
        [("u", ["e"])],
    ]
    assert decoder.prefers == [[prefer[0:2]], [prefer[2:4]], [prefer[4:5]]]


def test_a_cancelled_request_is_not_decoded_further():
    """A server cancels the request of a client that disconnected: what is queued of it, or
    left of a long one, is not decoded (the decoder moved on with it before)."""
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0, max_segments=2)
    long = batcher.submit("u", ["a", "b", "c", "d", "e", "f"], "o")
    assert decoder.entered.wait(10)  # its first piece is decoding
    queued = batcher.submit("v", ["x"], "o")
    assert long.cancel() and queued.cancel()
    after = batcher.submit("w", ["y"], "o")
    decoder.release.set()
    assert [t.text for t in after.result(10)] == ["w:Y"]
    batcher.close()
    assert [requests for _, requests in decoder.calls] == [[("u", ["a", "b"])], [("w", ["y"])]]


def test_a_short_request_is_in_the_next_batch_not_behind_a_long_one():
    """A long request of one user held every other user's request until it was all decoded
    (a one-line request waited 31-56 s behind 16 segments of 2,400 characters)."""
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0, max_chars=8)
    long = batcher.submit("a", ["aaaa"] * 6, "o")
    assert decoder.entered.wait(10)  # its first piece is decoding
    short = batcher.submit("b", ["bb"], "o")
    decoder.release.set()
    assert [t.text for t in short.result(10)] == ["b:BB"]
    assert len(long.result(10)) == 6
    batcher.close()
    assert [requests for _, requests in decoder.calls] == [
        [("a", ["aaaa", "aaaa"])],
        [("b", ["bb"]), ("a", ["aaaa"])],
        [("a", ["aaaa", "aaaa"])],
        [("a", ["aaaa"])],
    ]


def test_a_cancelled_request_says_what_was_dropped_and_what_decoded_for_nobody():
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0, max_segments=2)
    long = batcher.submit("u", ["a", "b", "c", "d", "e", "f"], "o")
    assert decoder.entered.wait(10)
    assert long.cancel()
    decoder.release.set()
    batcher.close()
    assert long.stopped == Stopped(decoded=0, decoding=2, dropped=4)
    assert [requests for _, requests in decoder.calls] == [[("u", ["a", "b"])]]


def test_close_drops_the_cancelled_requests_at_the_next_batch():
    """A stop whose shutdown wait ran out cancels its requests: the decoder drops them at the
    next batch and the process exits, where it decoded a cut-off request to its end (30 s
    past --shutdown-timeout-s)."""
    decoder = RecordingDecoder()
    decoder.release.clear()
    batcher = Batcher(decoder, wait_s=0.0, max_chars=2)
    cut_off = [batcher.submit("u", ["aa", "bb", "cc"], "o"), batcher.submit("v", ["x"], "o")]
    assert decoder.entered.wait(10)
    assert all(future.cancel() for future in cut_off)
    closer = threading.Thread(target=batcher.close)
    closer.start()
    decoder.release.set()
    closer.join(10)
    assert not closer.is_alive()
    assert [requests for _, requests in decoder.calls] == [[("u", ["aa"])]]


def test_a_request_without_texts_is_answered_at_once():
    decoder = RecordingDecoder()
    batcher = Batcher(decoder, wait_s=0.0)
    assert batcher.submit("u", [], "o").result(10) == []
    batcher.close()
    assert decoder.calls == []
