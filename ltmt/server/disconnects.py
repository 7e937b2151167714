"""Work a request waits for, cancelled when its client disconnects.

uvicorn says that a client left only on the request's ASGI ``receive`` channel (an
``http.disconnect`` message, once the body is read), and an endpoint that awaits its
translation does not listen there: a client that gave up on a long translation left the
decoder working for nobody, with the requests queued behind it waiting.

A translation works in a worker thread (the segments as a file's units are, the file pipeline
is not async), which the event loop cannot stop. It runs with
:func:`in_thread_unless_disconnected`, which listens, hands the thread a :class:`Cancellation`
and cancels it when the client leaves: the translation the thread waits for is cancelled, so
the batcher decodes nothing more of it (:mod:`ltmt.server.batching`), and the thread ends at
once.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import Receive

from ltmt.server.errors import ApiError

T = TypeVar("T")

CLIENT_CLOSED = 499  # nginx's "client closed request": logged nowhere, as nobody reads it


class Cancellation:
    """Whether a request's client left, for the worker thread doing its work: cancelled on the
    event loop (:func:`in_thread_unless_disconnected`), read in the thread (:meth:`result`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._waited_for: Future[Any] | None = None

    def cancel(self) -> None:
        """The client left: cancel the work waited for now, and any waited for later."""
        with self._lock:
            self._cancelled = True
            waited_for = self._waited_for
        if waited_for is not None:
            waited_for.cancel()

    def result(self, future: Future[T]) -> T:
        """``future``'s result, waited for in the worker thread; when the client has left or
        leaves first, ``future`` is cancelled (the batcher decodes nothing more of it) and an
        :class:`~ltmt.server.errors.ApiError` ends the work."""
        with self._lock:
            self._waited_for = future
            cancelled = self._cancelled
        if cancelled:
            future.cancel()
        try:
            return future.result()
        except CancelledError:
            raise ApiError(
                CLIENT_CLOSED, "the client disconnected; its translation was stopped"
            ) from None
        finally:
            with self._lock:
                self._waited_for = None


async def in_thread_unless_disconnected(request: Request, work: Callable[[Cancellation], T]) -> T:
    """``work(cancellation)``'s result, run in a worker thread; when ``request``'s client
    disconnects first, ``cancellation`` is cancelled and the work ends with the
    :class:`~ltmt.server.errors.ApiError` of :meth:`Cancellation.result` at its next wait for a
    translation (that ``work`` waits with). Call it once the request's body is read."""
    cancellation = Cancellation()
    task = asyncio.ensure_future(run_in_threadpool(work, cancellation))
    await _first_of(request, task, cancellation.cancel)
    return await task  # a thread is not stopped, only asked to stop: its end is waited for


async def _first_of(request: Request, task: asyncio.Future[Any], stop: Callable[[], Any]) -> None:
    """Wait until ``task`` is done or ``request``'s client disconnects; ``stop()`` the task
    that is not done by then (the wait itself cancelled too)."""
    gone = asyncio.ensure_future(_disconnect(request.receive))
    try:
        await asyncio.wait({task, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
        if not task.done():
            stop()


async def _disconnect(receive: Receive) -> None:
    """Return when ``receive`` says the client disconnected (the body is read already)."""
    while (await receive())["type"] != "http.disconnect":
        continue
