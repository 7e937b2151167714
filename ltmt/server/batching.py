"""Dynamic batching: one worker thread owns the model and decodes the requests that arrive
together as one batch.

Requests wait in a queue. The worker takes the first, then keeps taking what arrives within
``wait_s`` of it (and whatever queued up while the previous batch was decoding). Requests with
the same options (fusion, beam) are decoded in one call of ``decode``, which still gives each
request its own user's memory (:meth:`ltmt.translator.Translator.translate_for_users`). Callers
wait on a :class:`concurrent.futures.Future`; an event loop awaits it with
:func:`asyncio.wrap_future`.

A batch holds at most ``max_segments`` segments and ``max_chars`` characters, filled with a
piece of each waiting request, users taking turns (:mod:`ltmt.server.turns`): a long request is
decoded over several batches, each shared with the requests that arrived meanwhile, so a short
request waits for about one batch, not for the whole of a long one. A request's future stays
pending until its last piece is decoded: a caller that cancels it (a server's client that
disconnected, a request a stop cut off) stops it at the next batch (the piece being decoded is
finished, the rest dropped: :attr:`ltmt.server.jobs.JobFuture.stopped` says how much).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future

from ltmt.errors import LtmtError
from ltmt.segments import Translation
from ltmt.server.jobs import Job, Piece, Preferences
from ltmt.server.turns import Budget, Turns

logger = logging.getLogger(__name__)

__all__ = ["Batcher", "DecodeFn", "Preferences", "ServerClosingError"]

# decode(options, [(user, texts, prefer), ...]) -> one list of translations per request
DecodeFn = Callable[[Hashable, Sequence[Piece]], list[list[Translation]]]


class ServerClosingError(LtmtError):
    """The server is shutting down and takes no new work."""


class Batcher:
    """Queue requests and decode them in batches on one worker thread (see the module docstring).

    ``on_batch(requests, segments)`` is called after each call of ``decode`` (for statistics).
    """

    def __init__(
        self,
        decode: DecodeFn,
        *,
        wait_s: float = 0.005,
        max_segments: int = 64,
        max_chars: int = 4000,
        on_batch: Callable[[int, int], None] | None = None,
    ) -> None:
        self._decode = decode
        self.wait_s = wait_s
        self.budget = Budget(segments=max_segments, chars=max_chars)
        self._on_batch = on_batch
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._turns = Turns()  # the requests taken from the queue (the worker's own)
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="ltmt-decoder", daemon=True)
        self._thread.start()

    def submit(
        self, user: str, texts: Sequence[str], options: Hashable, prefer: Preferences = None
    ) -> Future[list[Translation]]:
        """Queue ``texts`` for ``user``; the future gives one :class:`Translation` per text.
        Cancelling the future stops the request at the next batch: the rest of it is dropped
        (:attr:`ltmt.server.jobs.JobFuture.stopped` says how much)."""
        job = Job(user=user, texts=list(texts), options=options, prefer=prefer)
        with self._lock:
            if self._closed:
                raise ServerClosingError(
                    "the server is shutting down; send the request again later"
                )
            if not job.texts:  # nothing to decode
                job.finish()
            else:
                self._queue.put(job)
        return job.future

    def close(self, timeout: float | None = None) -> None:
        """Finish every queued request not cancelled (a cancelled one is dropped at the next
        batch), then stop the worker."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        closing = False
        while True:
            closing = self._gather(closing)
            for job in self._turns.jobs():
                if job.future.cancelled():  # its caller left: nothing more is decoded for it
                    self._turns.remove(job)
            if len(self._turns):
                self._decode_batch(self._turns.next_batch(self.budget))
            elif closing:
                return

    def _gather(self, closing: bool) -> bool:
        """Move the queued requests to the turns: with none waiting, wait for one and for
        ``wait_s`` more (or until a batch is full), else take what queued up meanwhile.
        Whether the queue has ended (``close``)."""
        deadline = time.monotonic()
        if not closing and not len(self._turns):
            first = self._queue.get()
            if first is None:
                return True
            self._turns.add(first)
            deadline += self.wait_s
            waiting = [first]
            while not closing and not self._fills_a_batch(waiting):
                try:
                    job = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if job is None:
                    return True
                self._turns.add(job)
                waiting.append(job)
        while not closing:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is None:
                return True
            self._turns.add(job)
        return closing

    def _fills_a_batch(self, jobs: Sequence[Job]) -> bool:
        segments = sum(len(job.texts) for job in jobs)
        chars = sum(job.chars(len(job.texts)) for job in jobs)
        return segments >= self.budget.segments or chars >= self.budget.chars

    def _decode_batch(self, pieces: Sequence[tuple[Job, int]]) -> None:
        """Decode ``pieces`` (``(job, texts)``), one call of ``decode`` per options."""
        groups: dict[Hashable, list[tuple[Job, Piece]]] = {}
        for job, count in pieces:
            piece = job.begin(count)
            if piece is None:  # cancelled just now
                self._turns.remove(job)
            else:
                groups.setdefault(job.options, []).append((job, piece))
        for options, group in groups.items():
            self._decode_group(options, group)

    def _decode_group(self, options: Hashable, group: list[tuple[Job, Piece]]) -> None:
        """Decode the begun piece of each request of ``group`` (same ``options``) in one call;
        a request with texts left goes on in a later batch. When the call fails, each request
        is decoded alone: one request's input must not fail the others batched with it (only
        the requests that fail alone get the error, which each reports)."""
        try:
            results = self._decode(options, [piece for _, piece in group])
        except Exception as exc:
            if len(group) > 1:
                logger.warning(
                    "decoding a batch of %d requests failed (%s); decoding them one by one",
                    len(group),
                    type(exc).__name__,
                )
                for entry in group:
                    self._decode_group(options, [entry])
                return
            if not isinstance(exc, LtmtError):
                logger.exception("decoding a request failed")
            job = group[0][0]
            self._turns.remove(job)
            job.fail(exc)
            return
        for (job, _), result in zip(group, results):
            job.decoded(result)
            if not job.left():
                self._turns.remove(job)
                job.finish()
        if self._on_batch is not None:
            self._on_batch(len(group), sum(len(texts) for _, (_, texts, _) in group))
