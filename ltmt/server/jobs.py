"""A request waiting for the decoder (:class:`Job`), and what its cancellation stopped.

The decoder takes a job a piece at a time (:mod:`ltmt.server.turns`). A caller that cancels
the job's future (a server's client that disconnected, a request a stop cut off) stops it at
the next piece: the piece being decoded is finished, the rest dropped. The future says how far
the job had got when it was cancelled (:attr:`JobFuture.stopped`), so that the log can say
what was dropped and what was decoded for nobody.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from ltmt.segments import Translation
from ltmt.wording import counted

Preferences = Sequence[Mapping[str, Any]] | None
# a piece of a request as the decoder takes it: (user, texts, prefer)
Piece = tuple[str, Sequence[str], Preferences]


@dataclass(frozen=True)
class Stopped:
    """How far a job had got when it was cancelled, in texts (a request's segments):
    ``decoded`` before, ``decoding`` in the batch being decoded then (finished anyway),
    ``dropped``: never decoded."""

    decoded: int
    decoding: int
    dropped: int

    def describe(self) -> str:
        """``13 of 16 segments dropped, 3 decoded for nobody``."""
        total = self.decoded + self.decoding + self.dropped
        return (
            f"{self.dropped} of {counted(total, 'segment')} dropped, "
            f"{self.decoded + self.decoding} decoded for nobody"
        )


class JobFuture(Future[list[Translation]]):
    """A job's future; :meth:`cancel` notes how far the job had got (:attr:`stopped`)."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.stopped: Stopped | None = None

    def cancel(self) -> bool:
        job = self._job
        with job.lock:  # the decoder takes no piece of it meanwhile (Job.begin)
            cancelled = super().cancel()
            if cancelled and self.stopped is None:
                self.stopped = Stopped(len(job.done), job.decoding, job.left() - job.decoding)
        return cancelled


@dataclass(eq=False)
class Job:
    """One request waiting for the decoder: whose memory, what to translate, with which options,
    and what its memory matches should share on a tie (``prefer``, one mapping per text);
    ``done``: the translations of its first texts, decoded so far; ``decoding``: how many
    texts after them are in the batch being decoded."""

    user: str
    texts: list[str]
    options: Hashable
    prefer: Preferences = None
    done: list[Translation] = field(default_factory=list)
    decoding: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    future: JobFuture = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.future = JobFuture(self)

    def left(self) -> int:
        """Texts not decoded yet."""
        return len(self.texts) - len(self.done)

    def fitting(self, segments: int, chars: int) -> int:
        """How many of the texts not decoded yet, in order, fit in ``segments`` texts of
        ``chars`` characters (0: not even the next one)."""
        count = used = 0
        for text in self.texts[len(self.done) : len(self.done) + segments]:
            used += len(text)
            if used > chars:
                break
            count += 1
        return count

    def chars(self, count: int) -> int:
        """The characters of the next ``count`` texts."""
        start = len(self.done)
        return sum(len(text) for text in self.texts[start : start + count])

    def begin(self, count: int) -> Piece | None:
        """The next ``count`` texts as ``decode`` takes a request, now being decoded; None
        when the job was cancelled (nothing more of it is decoded)."""
        with self.lock:
            if self.future.cancelled():
                return None
            self.decoding = count
        start, stop = len(self.done), len(self.done) + count
        prefer = None if self.prefer is None else self.prefer[start:stop]
        return self.user, self.texts[start:stop], prefer

    def decoded(self, translations: Sequence[Translation]) -> None:
        """The piece begun is decoded: its translations follow those done."""
        with self.lock:
            self.done.extend(translations)
            self.decoding = 0

    def finish(self) -> None:
        """Hand the translations to the caller, unless it cancelled the request."""
        if self.future.set_running_or_notify_cancel():
            self.future.set_result(self.done)

    def fail(self, error: BaseException) -> None:
        if self.future.set_running_or_notify_cancel():
            self.future.set_exception(error)
