"""How many file translations each user may have running at once on a server (``ltmt serve
--files-per-user``): one user's uploads each take one of the server's threads for as long as
the file takes, so a user who sends many at once left the others waiting behind them. A user
over the limit is answered 429 with ``Retry-After`` at once, the file not translated.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

RETRY_AFTER_S = 5  # what a 429 tells a user over the limit to wait


class FileSlots:
    """Per-user counts of the file translations running, each at most ``per_user``."""

    def __init__(self, per_user: int) -> None:
        self.per_user = per_user
        self._running: dict[str, int] = {}
        self._lock = threading.Lock()

    @contextmanager
    def taken(self, user: str) -> Iterator[bool]:
        """Take one of ``user``'s slots for the block: yields True, or False (nothing taken)
        when all of them are in use."""
        with self._lock:
            running = self._running.get(user, 0)
            if running >= self.per_user:
                got = False
            else:
                self._running[user], got = running + 1, True
        try:
            yield got
        finally:
            if got:
                with self._lock:
                    left = self._running[user] - 1
                    if left:
                        self._running[user] = left
                    else:
                        del self._running[user]
