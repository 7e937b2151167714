"""What a worker thread waits for on behalf of a client that may leave."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest

from ltmt.server.disconnects import CLIENT_CLOSED, Cancellation
from ltmt.server.errors import ApiError


def test_a_wait_after_the_client_left_cancels_its_translation():
    cancellation = Cancellation()
    cancellation.cancel()
    future: Future[str] = Future()
    with pytest.raises(ApiError, match="client disconnected") as caught:
        cancellation.result(future)
    assert caught.value.status == CLIENT_CLOSED
    assert future.cancelled()  # the batcher decodes nothing of it


def test_the_client_leaving_during_a_wait_cancels_its_translation():
    cancellation = Cancellation()
    future: Future[str] = Future()
    ended: list[BaseException] = []

    def wait() -> None:
        try:
            cancellation.result(future)
        except ApiError as exc:
            ended.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    cancellation.cancel()  # before or during the wait: the same end
    waiter.join(10)
    assert future.cancelled()
    assert [type(exc) for exc in ended] == [ApiError]


def test_a_wait_of_a_client_still_there_gives_the_result():
    future: Future[str] = Future()
    future.set_result("übersetzt")
    assert Cancellation().result(future) == "übersetzt"
