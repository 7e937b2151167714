"""What a worker thread waits for on behalf of a client that may leave."""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future
from types import SimpleNamespace

import pytest
from starlette.requests import Request

from ltmt.server import disconnects
from ltmt.server.disconnects import (
    CLIENT_CLOSED,
    Cancellation,
    WorkStopped,
    in_thread_unless_disconnected,
)
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


def test_work_busy_on_its_own_is_stopped_when_the_client_leaves():
    cancellation = Cancellation()
    busy = threading.Event()
    ended: list[BaseException] = []

    def spin(_: Cancellation) -> None:
        busy.set()
        while True:  # a large file read or written: no wait for a translation
            pass

    def work() -> None:
        try:
            cancellation.run(spin)
        except WorkStopped as exc:
            ended.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    assert busy.wait(10)
    cancellation.cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert [type(exc) for exc in ended] == [WorkStopped]


def test_work_done_before_the_client_leaves_is_not_stopped_after():
    cancellation = Cancellation()
    assert cancellation.run(lambda _: "fertig") == "fertig"
    cancellation.cancel()  # the thread runs other code now: nothing is raised in it
    assert sum(range(10**6)) == 499999500000


def test_the_client_leaving_as_a_wait_ends_stops_the_work_after_it():
    cancellation = Cancellation()
    future: Future[str] = Future()
    future.add_done_callback(lambda _: cancellation.cancel())  # left as the result came
    future.set_result("übersetzt")
    with pytest.raises(ApiError, match="client disconnected"):
        cancellation.result(future)


def test_a_client_that_left_is_logged_in_one_warning(monkeypatch, caplog):
    """A client that disconnected mid-request left no line in the log (uvicorn logs no access
    line for an answer never sent)."""
    clock = iter([10.0, 10.5])
    monkeypatch.setattr(disconnects, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    translation: Future[str] = Future()

    async def receive() -> dict:
        await asyncio.sleep(0.05)
        return {"type": "http.disconnect"}

    scope = {"type": "http", "method": "POST", "path": "/v1/translate", "headers": []}
    request = Request(scope, receive)
    work = lambda cancellation: cancellation.result(translation)  # noqa: E731
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.server.disconnects"),
        pytest.raises(ApiError, match="client disconnected"),
    ):
        asyncio.run(in_thread_unless_disconnected(request, work, "20 segments"))
    assert translation.cancelled()  # the batcher decodes nothing of it not begun
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "POST /v1/translate: client disconnected after 0.5 s; 20 segments not sent")
    ]


def test_a_client_that_stayed_is_not_logged(caplog):
    async def receive() -> dict:
        await asyncio.sleep(60)
        return {"type": "http.disconnect"}

    request = Request({"type": "http", "method": "POST", "path": "/v1/translate"}, receive)
    assert asyncio.run(in_thread_unless_disconnected(request, lambda _: "done", "1 segment")) == (
        "done"
    )
    assert not caplog.records


def test_the_warning_says_what_of_the_translation_was_dropped(monkeypatch, caplog):
    """It said "16 segments not sent" alone, which read as dropped where all 16 were still
    decoded: now it says how many were dropped and how many decoded for nobody."""
    from ltmt.server.jobs import Job

    clock = iter([10.0, 13.0])
    monkeypatch.setattr(disconnects, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    job = Job("u", [f"segment {i}" for i in range(16)], "o")
    assert job.begin(3) is not None  # in the batch being decoded
    seen: list[Cancellation] = []

    def work(cancellation: Cancellation) -> object:
        seen.append(cancellation)
        return cancellation.result(job.future)

    async def receive() -> dict:  # the client leaves once the thread waits for the job
        while not (seen and seen[0]._waited_for is job.future):
            await asyncio.sleep(0.01)
        return {"type": "http.disconnect"}

    scope = {"type": "http", "method": "POST", "path": "/v1/translate", "headers": []}
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.server.disconnects"),
        pytest.raises(ApiError, match="client disconnected"),
    ):
        asyncio.run(in_thread_unless_disconnected(Request(scope, receive), work, "16 segments"))
    assert [r.getMessage() for r in caplog.records] == [
        "POST /v1/translate: client disconnected after 3.0 s; 16 segments not sent; its "
        "translation stopped: 13 of 16 segments dropped, 3 decoded for nobody"
    ]
