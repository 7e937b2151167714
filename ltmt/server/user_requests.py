"""How many translate requests each user may have in flight at once (``ltmt serve
--requests-per-user``).

``--limit-concurrency`` counts every request alike, so one tenant's client that retried at once
(24 threads) took every place: the server answered it 177 times and another tenant 0 times in
50. A user with ``per_user`` translate requests in flight is now answered 429 with
``Retry-After`` at once, before any decoding, so that the others' requests get the decoder and
the places left. Counted in each worker process, as ``--limit-concurrency`` is: a request is
in flight in one process only, and a count in memory costs nothing per request.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from ltmt.server.errors import ApiError
from ltmt.wording import counted

RETRY_AFTER_S = 1  # what a 429 tells a user over the limit to wait: a translation's time


class RequestsPerUser:
    """At most ``per_user`` requests of one user in flight at once in this process (0: no
    limit)."""

    def __init__(self, per_user: int) -> None:
        self.per_user = per_user
        self._lock = threading.Lock()  # taken on the event loop and in worker threads
        self._in_flight: Counter[str] = Counter()

    @contextmanager
    def taken(self, user: str) -> Iterator[None]:
        """Count one request of ``user`` for the block; a 429
        (:class:`~ltmt.server.errors.ApiError`) where ``user`` has ``per_user`` in flight."""
        with self._lock:
            if self.per_user and self._in_flight[user] >= self.per_user:
                raise too_many(self.per_user)
            self._in_flight[user] += 1
        try:
            yield
        finally:
            with self._lock:
                self._in_flight[user] -= 1
                if not self._in_flight[user]:
                    del self._in_flight[user]  # no count kept for a user that is done


def too_many(per_user: int) -> ApiError:
    """The 429 of a user with ``per_user`` requests in flight already."""
    return ApiError(
        429,
        f"you have {counted(per_user, 'translate request')} in flight, the most one user may "
        "have at once (--requests-per-user); wait for an answer before sending more, or retry in "
        f"{RETRY_AFTER_S} s",
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )
