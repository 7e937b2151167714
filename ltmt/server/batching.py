"""Dynamic batching: one worker thread owns the model and decodes the requests that arrive
together as one batch.

Requests wait in a queue. The worker takes the first, then keeps taking what arrives within
``wait_s`` of it (and whatever queued up while the previous batch was decoding) until it holds
``max_segments`` segments. Requests with the same options (fusion, beam) are decoded in one call
of ``decode``, which still gives each request its own user's memory
(:meth:`ltmt.translator.Translator.translate_for_users`). Callers wait on a
:class:`concurrent.futures.Future`; an event loop awaits it with :func:`asyncio.wrap_future`.

A request is decoded ``max_segments`` segments at a time (a longer one over several batches,
before the requests queued after it), and its future stays pending until its last piece is
decoded: a caller that cancels it (a server's client that disconnected) stops the work not yet
done, queued or the rest of a long request, and the worker moves on to the next request.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from ltmt.errors import LtmtError
from ltmt.segments import Translation

logger = logging.getLogger(__name__)

Preferences = Sequence[Mapping[str, Any]] | None
# decode(options, [(user, texts, prefer), ...]) -> one list of translations per request
DecodeFn = Callable[
    [Hashable, Sequence[tuple[str, Sequence[str], Preferences]]], list[list[Translation]]
]


class ServerClosingError(LtmtError):
    """The server is shutting down and takes no new work."""


@dataclass
class Job:
    """One request waiting for the worker: whose memory, what to translate, with which options,
    and what its memory matches should share on a tie (``prefer``, one mapping per text);
    ``done``: the translations of its first texts, decoded so far."""

    user: str
    texts: list[str]
    options: Hashable
    prefer: Preferences = None
    future: Future[list[Translation]] = field(default_factory=Future)
    done: list[Translation] = field(default_factory=list)

    def piece(self, size: int) -> tuple[str, Sequence[str], Preferences]:
        """The request's next ``size`` texts not decoded yet, as ``decode`` takes a request."""
        start, stop = len(self.done), len(self.done) + size
        prefer = None if self.prefer is None else self.prefer[start:stop]
        return self.user, self.texts[start:stop], prefer

    def left(self) -> int:
        return len(self.texts) - len(self.done)

    def finish(self) -> None:
        """Hand the translations to the caller, unless it cancelled the request."""
        if self.future.set_running_or_notify_cancel():
            self.future.set_result(self.done)

    def fail(self, error: BaseException) -> None:
        if self.future.set_running_or_notify_cancel():
            self.future.set_exception(error)


class Batcher:
    """Queue requests and decode them in batches on one worker thread (see the module docstring).

    ``on_batch(requests, segments)`` is called after each decoded batch (for statistics).
    """

    def __init__(
        self,
        decode: DecodeFn,
        *,
        wait_s: float = 0.005,
        max_segments: int = 64,
        on_batch: Callable[[int, int], None] | None = None,
    ) -> None:
        self._decode = decode
        self.wait_s = wait_s
        self.max_segments = max_segments
        self._on_batch = on_batch
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._unfinished: deque[Job] = deque()  # long requests with pieces left (worker's own)
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="ltmt-decoder", daemon=True)
        self._thread.start()

    def submit(
        self, user: str, texts: Sequence[str], options: Hashable, prefer: Preferences = None
    ) -> Future[list[Translation]]:
        """Queue ``texts`` for ``user``; the future gives one :class:`Translation` per text.
        Cancelling the future stops what is not decoded yet of the request."""
        job = Job(user=user, texts=list(texts), options=options, prefer=prefer)
        with self._lock:
            if self._closed:
                raise ServerClosingError(
                    "the server is shutting down; send the request again later"
                )
            self._queue.put(job)
        return job.future

    def close(self, timeout: float | None = None) -> None:
        """Finish every queued request, then stop the worker."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        closing = False
        while True:
            jobs, closing = self._collect(closing)
            if not jobs:
                return
            self._decode_jobs(jobs)

    def _collect(self, closing: bool) -> tuple[list[Job], bool]:
        """The next batch's requests, long ones already begun first, and whether the queue has
        ended (``close``); no requests once it has and every request is decoded."""
        begun = list(self._unfinished)
        self._unfinished.clear()
        if begun:  # the decoder is busy with them: the batch waits for no company
            jobs, deadline = begun, time.monotonic()
        elif closing:
            return [], True
        else:
            first = self._queue.get()
            if first is None:
                return [], True
            jobs, deadline = [first], time.monotonic() + self.wait_s
        segments = sum(min(job.left(), self.max_segments) for job in jobs)
        while segments < self.max_segments and not closing:
            try:
                job = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if job is None:
                closing = True
                break
            jobs.append(job)
            segments += min(job.left(), self.max_segments)
        return jobs, closing

    def _decode_jobs(self, jobs: list[Job]) -> None:
        groups: dict[Hashable, list[Job]] = {}
        for job in jobs:
            if not job.future.cancelled():  # its caller left: nothing more is decoded for it
                groups.setdefault(job.options, []).append(job)
        for options, group in groups.items():
            self._decode_group(options, group)

    def _decode_group(self, options: Hashable, group: list[Job]) -> None:
        """Decode the next piece of each request of ``group`` (same ``options``) in one call;
        a request with texts left goes on in the next batch. When the call fails, each request
        is decoded alone: one request's input must not fail the others batched with it (only
        the requests that fail alone get the error, which each reports)."""
        pieces = [job.piece(self.max_segments) for job in group]
        try:
            results = self._decode(options, pieces)
        except Exception as exc:
            if len(group) > 1:
                logger.warning(
                    "decoding a batch of %d requests failed (%s); decoding them one by one",
                    len(group),
                    type(exc).__name__,
                )
                for job in group:
                    self._decode_group(options, [job])
                return
            if not isinstance(exc, LtmtError):
                logger.exception("decoding a request failed")
            group[0].fail(exc)
            return
        for job, result in zip(group, results):
            job.done.extend(result)
            if job.left():
                self._unfinished.append(job)
            else:
                job.finish()
        if self._on_batch is not None:
            self._on_batch(len(group), sum(len(texts) for _, texts, _ in pieces))
