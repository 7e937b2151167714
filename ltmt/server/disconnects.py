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
once. A thread busy with work of its own (reading or writing a large file) is stopped too:
:class:`WorkStopped` is raised in it at its next Python instruction, so that its file slot is
given back and a server that stops (its shutdown wait over, which cancels the request) can
exit, where the thread kept the process alive until its file was done.

A client that left is logged in one warning (``POST /v1/translate: client disconnected after
0.5 s; 20 segments not sent; its translation stopped: 16 of 20 segments dropped, 4 decoded
for nobody``): uvicorn logs no access line for a request whose answer was never sent, so it
went unseen. What of the translation the decoder has not begun is dropped; its piece in the
batch being decoded is finished (a model call cannot be stopped, and the batch's other
requests need it anyway). It said "20 segments not sent" alone, which read as dropped where
all 20 were still decoded.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import Receive

from ltmt.server.errors import ApiError
from ltmt.server.jobs import JobFuture, Stopped

T = TypeVar("T")

logger = logging.getLogger(__name__)

CLIENT_CLOSED = 499  # nginx's "client closed request": logged nowhere, as nobody reads it


class WorkStopped(BaseException):
    """Raised in a worker thread whose client left, to end its work (a BaseException, so that
    no ``except Exception`` of the work goes on with it)."""


class Cancellation:
    """Whether a request's client left, for the worker thread doing its work: cancelled on the
    event loop (:func:`in_thread_unless_disconnected`), read in the thread (:meth:`result`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._waited_for: Future[Any] | None = None
        self._worker: int | None = None  # the thread running the work (:meth:`run`), by ident
        # how far the translation waited for had got when it was cancelled (None: no wait)
        self.stopped: Stopped | None = None

    def cancel(self) -> None:
        """The client left: cancel the work waited for now, and any waited for later; work
        running without waiting is stopped with :class:`WorkStopped`. Not while it waits:
        raised there, it could end the thread inside the future's own lock."""
        with self._lock:
            if self._cancelled:
                return
            self._cancelled = True
            waited_for = self._waited_for
            if waited_for is None and self._worker is not None:
                _raise_in(self._worker, WorkStopped)
        if waited_for is not None:
            waited_for.cancel()
            if isinstance(waited_for, JobFuture):
                self.stopped = waited_for.stopped

    def run(self, work: Callable[[Cancellation], T]) -> T:
        """``work(self)``'s result, in the calling worker thread, which :meth:`cancel` may stop
        with :class:`WorkStopped` until it returns (not after: anyio's code runs next)."""
        worker = threading.get_ident()
        with self._lock:
            self._worker = worker
        try:
            return work(self)
        finally:
            with self._lock:
                _raise_in(worker, None)  # a stop raised too late for the work: dropped
                self._worker = None

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
            result = future.result()
        except CancelledError:
            raise _stopped() from None
        finally:
            with self._lock:
                self._waited_for = None
                cancelled = self._cancelled
        if cancelled:  # the client left as the wait ended: no work of its own follows
            raise _stopped()
        return result


def _stopped() -> ApiError:
    return ApiError(CLIENT_CLOSED, "the client disconnected; its translation was stopped")


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in the thread ``thread`` at its next Python instruction (C code it
    runs is not interrupted), or drop one still pending there (None)."""
    pending = ctypes.py_object(exception) if exception is not None else None  # None: NULL
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), pending)


async def in_thread_unless_disconnected(
    request: Request, work: Callable[[Cancellation], T], answer: str = "its answer"
) -> T:
    """``work(cancellation)``'s result, run in a worker thread; when ``request``'s client
    disconnects first, ``cancellation`` is cancelled and the work ends with the
    :class:`~ltmt.server.errors.ApiError` of :meth:`Cancellation.result` at its next wait for a
    translation (that ``work`` waits with), or at once where it is not waiting
    (:class:`WorkStopped`), and a warning says so, naming ``answer``, what the client was not
    sent ("20 segments"), and how much of the translation waited for was dropped. Call it once
    the request's body is read."""
    cancellation = Cancellation()
    started = time.monotonic()
    task = asyncio.ensure_future(run_in_threadpool(cancellation.run, work))
    task.add_done_callback(_ignore_stop)  # a request the server cancelled awaits it no more
    if await _first_of(request, task, cancellation.cancel):
        stopped = cancellation.stopped
        logger.warning(
            "%s %s: client disconnected after %.1f s; %s not sent%s",
            request.method,
            request.url.path,
            time.monotonic() - started,
            answer,
            f"; its translation stopped: {stopped.describe()}" if stopped is not None else "",
        )
    try:
        return await task  # the thread's end is waited for: it ends at its next instruction
    except WorkStopped:
        raise _stopped() from None


def _ignore_stop(task: asyncio.Future[Any]) -> None:
    """Retrieve ``task``'s exception (a :class:`WorkStopped`), so that asyncio does not log it
    where nobody awaits it (a request the server cancelled at its shutdown)."""
    if not task.cancelled():
        task.exception()


async def _first_of(request: Request, task: asyncio.Future[Any], stop: Callable[[], Any]) -> bool:
    """Wait until ``task`` is done or ``request``'s client disconnects; ``stop()`` the task
    that is not done by then (the wait itself cancelled too). Whether the client left first."""
    gone = asyncio.ensure_future(_disconnect(request.receive))
    try:
        await asyncio.wait({task, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
        left = not task.done()
        if left:
            stop()
    return left


async def _disconnect(receive: Receive) -> None:
    """Return when ``receive`` says the client disconnected (the body is read already)."""
    while (await receive())["type"] != "http.disconnect":
        continue
