"""Packing a large memory's sources on a thread of their own, so that no search waits for it.

A large memory's searches read their candidates' sources one by one until they have read as
many as the memory holds; then the sources are packed whole (:mod:`.source_codes`, the
ski-rental rule of :meth:`.scratch.SearchScratch.pack_now`). Packed inside a search, that
search waited for the whole read: at a million segments the slowest of a fresh process's 1,200
searches took 2.2-5.9 s (the others 7 ms at the median), and 7.3-9.3 s with 4 threads sharing
them (``eval/retrieval_first_search.py``, ``eval/results/retrieval-s40/pack-in-background*.json``).
A server's request, or a batch of ``ltmt translate``, stalled that long.
:class:`BackgroundPacker` packs on a daemon thread instead, while the searches go on reading
one by one; they use the packed sources from the first search after they are kept. The slowest
search is then 158-170 ms (272 ms with 4 threads), while numba loads beside it.

Reading one by one and packing are Python under the interpreter's lock, and py-lmdb lets the
lock go around every LMDB call: with 4 threads searching without pause, the pack gets the lock
back rarely and took longer than the run (the searches stay on the slower path until it ends;
the 1,200 searches took 17.2-19.3 s against 15.0-17.7 with the pack inside a search), where
alone it takes about 1.5 s. :meth:`~ltmt.memory.store.Memory.preload` packs at once.

One pack runs at a time per :class:`~ltmt.memory.store.Memory` (each reads a memory whole), and
one per user. A pack holds a reference to the store (taken by the caller before :meth:`start`,
given back by ``release`` whatever happens), so closing the ``Memory`` never closes the
environment under it; packs that have not begun when it closes are skipped. A pack that fails
is logged and changes nothing: the searches keep reading one by one and try again once they
have read as many sources again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

logger = logging.getLogger(__name__)


class BackgroundPacker:
    """Runs each user's pack on a thread of its own, one pack at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._one_at_a_time = threading.Lock()
        self._threads: dict[str, threading.Thread] = {}
        self._closed = False

    def start(self, user: str, pack: Callable[[], None], release: Callable[[], None]) -> bool:
        """Run ``pack()`` for ``user`` on a new thread, then ``release()``; whether it started
        (not when ``user``'s pack is already under way or the packer is closed: then
        ``release()`` is called here)."""
        with self._lock:
            if self._closed or user in self._threads:
                release()
                return False
            thread = threading.Thread(
                target=self._run, args=(user, pack, release), name="ltmt-pack", daemon=True
            )
            self._threads[user] = thread
            thread.start()
        return True

    def packing(self, user: str) -> bool:
        """Whether ``user``'s pack is under way (or waiting for another's to end)."""
        with self._lock:
            return user in self._threads

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the packs under way (at most ``timeout`` seconds each); whether none is left."""
        with self._lock:
            threads = list(self._threads.values())
        for thread in threads:
            thread.join(timeout)
        with self._lock:
            return not self._threads

    def close(self) -> None:
        """Skip the packs that have not begun (the one under way ends on its own)."""
        with self._lock:
            self._closed = True

    def _run(self, user: str, pack: Callable[[], None], release: Callable[[], None]) -> None:
        try:
            with self._one_at_a_time:
                if not self._closed:
                    pack()
        except Exception as exc:  # a background thread has no caller to raise to
            logger.warning(
                "packing the sources of %r failed (%s); its searches read them one by one",
                user,
                exc,
            )
        finally:
            release()
            with self._lock:
                self._threads.pop(user, None)
