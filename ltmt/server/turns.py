"""Which requests the decoder's next batch takes: users take turns, a piece of a request each.

A request is decoded a piece at a time: at most ``max_segments`` of its segments, and no more
characters than ``max_chars`` (but at least one segment, however long). A batch is filled with
pieces user after user, round after round, until it holds ``max_segments`` segments or
``max_chars`` characters: users who have not had a turn yet first (a request that just
arrived), then those served longest ago. Within a user, requests take turns too, one piece of
each a batch at most. A long request therefore shares every batch with the requests that
arrived after it: a one-line request waits for the batch being decoded and is in the next;
before, it waited behind every piece of the long one (36 s behind 16 segments of 2,400
characters).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from ltmt.server.jobs import Job


@dataclass(frozen=True)
class Budget:
    """What one batch holds at most: ``segments``, and ``chars`` characters of source text."""

    segments: int
    chars: int


class Turns:
    """The requests waiting for the decoder, by user, in turn order."""

    def __init__(self) -> None:
        self._fresh: list[str] = []  # users not served since their first request came
        self._served: list[str] = []  # the others, served longest ago first
        self._jobs: dict[str, deque[Job]] = {}

    def __len__(self) -> int:
        return sum(len(jobs) for jobs in self._jobs.values())

    def add(self, job: Job) -> None:
        if job.user not in self._jobs:
            self._jobs[job.user] = deque()
            self._fresh.append(job.user)
        self._jobs[job.user].append(job)

    def jobs(self) -> list[Job]:
        return [job for jobs in self._jobs.values() for job in jobs]

    def remove(self, job: Job) -> None:
        """Take out a job that is finished or will not be decoded further."""
        jobs = self._jobs[job.user]
        jobs.remove(job)
        if not jobs:
            del self._jobs[job.user]
            for order in (self._fresh, self._served):
                if job.user in order:
                    order.remove(job.user)

    def next_batch(self, budget: Budget) -> list[tuple[Job, int]]:
        """The pieces of the next batch, ``(job, texts)``, in turn order (see the module
        docstring); each served user goes to the end of the turns, each job served to the end
        of its user's requests."""
        picked: list[tuple[Job, int]] = []
        taken: set[int] = set()  # ids of the jobs in the batch
        served: list[str] = []
        segments = chars = 0
        full = False
        while not full:
            progressed = False
            for user in [*self._fresh, *self._served]:
                job = next((j for j in self._jobs[user] if id(j) not in taken), None)
                if job is None:
                    continue
                count = job.fitting(budget.segments - segments, budget.chars - chars)
                if not picked:  # a piece holds one segment at least, however long
                    count = max(count, min(1, job.left()))
                if count == 0:
                    full = True
                    break
                picked.append((job, count))
                taken.add(id(job))
                if user not in served:
                    served.append(user)
                segments += count
                chars += job.chars(count)
                progressed = True
                if segments >= budget.segments or chars >= budget.chars:
                    full = True
                    break
            full = full or not progressed
        for job, _ in picked:  # its next turn after its user's other requests
            self._jobs[job.user].remove(job)
            self._jobs[job.user].append(job)
        for user in served:
            (self._fresh if user in self._fresh else self._served).remove(user)
            self._served.append(user)
        return picked
