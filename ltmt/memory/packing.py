"""Packing a large memory's sources on a thread of their own, so that no search waits for it.

A large memory's searches read their candidates' sources one by one until they have read as
many as the memory holds; then the sources are packed whole (:mod:`.source_codes`, the
ski-rental rule of :meth:`.scratch.SearchScratch.pack_now`). Packed inside a search, that
search waited for the whole read: at a million segments the slowest of a fresh process's 1,200
searches took 1.9-2.0 s (the others 6.7 ms at the median), and 6.8-7.2 s with 4 threads sharing
them (``eval/retrieval_first_search.py``, ``eval/results/retrieval-s40/pack-in-background*.json``).
A server's request stalled that long. :class:`BackgroundPacker` packs on a daemon thread
instead, while the searches go on reading one by one; they use the packed sources from the
first search after they are kept. (A batch whose texts left would read as many sources one by
one still packs in place: :func:`.search.search_texts`.)

Reading one by one and packing are both Python under the interpreter's lock, and py-lmdb lets
the lock go around every LMDB call, so a pack beside busy searches gets it back slowly: with 4
threads searching without pause, a first version's pack had not ended within the 1,200
searches (``-no-patience.json``). So a pack still under way after
:data:`.scratch.PACK_PATIENCE` seconds per source (4 s at a million) is waited for by the
searches of its user before they begin (:meth:`.scratch.SearchScratch.overdue_pack`; outside
their read transaction, which a map resize may be waiting for while the pack waits for the
resize); alone it ends soon after. The slowest search is now 0.20-0.22 s on one thread and
1.2-1.8 s on 4. The price is in the some 200 more searches that read one by one beside the
pack, slowed by it: on one thread the 1,200 searches took 11.5-12.4 s against 9.5-10.4.
:meth:`~ltmt.memory.store.Memory.preload` packs at once.
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
        self._threads: dict[str, tuple[threading.Thread, threading.Event]] = {}
        self._closed = False

    def start(
        self, user: str, pack: Callable[[], None], release: Callable[[], None]
    ) -> threading.Event | None:
        """Run ``pack()`` for ``user`` on a new thread, then ``release()``; an event set once
        the pack has ended (the one under way when ``user``'s pack already is: then, or when
        the packer is closed and None is returned, ``release()`` is called here)."""
        with self._lock:
            running = self._threads.get(user)
            if self._closed or running is not None:
                release()
                return None if running is None else running[1]
            ended = threading.Event()
            thread = threading.Thread(
                target=self._run, args=(user, pack, release, ended), name="ltmt-pack", daemon=True
            )
            self._threads[user] = thread, ended
            thread.start()
        return ended

    def packing(self, user: str) -> bool:
        """Whether ``user``'s pack is under way (or waiting for another's to end)."""
        with self._lock:
            return user in self._threads

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the packs under way (at most ``timeout`` seconds each); whether none is left."""
        with self._lock:
            threads = [thread for thread, _ in self._threads.values()]
        for thread in threads:
            thread.join(timeout)
        with self._lock:
            return not self._threads

    def close(self) -> None:
        """Skip the packs that have not begun (the one under way ends on its own)."""
        with self._lock:
            self._closed = True

    def _run(
        self,
        user: str,
        pack: Callable[[], None],
        release: Callable[[], None],
        ended: threading.Event,
    ) -> None:
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
            try:
                release()
            except Exception as exc:
                logger.warning("giving back the store after packing %r failed (%s)", user, exc)
            finally:  # whatever release did: the searches waiting for this pack go on
                with self._lock:
                    self._threads.pop(user, None)
                ended.set()
