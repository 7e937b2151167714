"""The registry of open stores (``ltmt.memory.env``)."""

from __future__ import annotations

import threading
from pathlib import Path

from ltmt.memory import env


def test_a_release_inside_an_acquire_on_the_same_thread_does_not_hang(tmp_path: Path) -> None:
    """A Memory dropped unclosed is released by its finalizer, which the garbage collector may
    run while the same thread holds the registry's lock in :func:`env.acquire`."""
    first = env.acquire(tmp_path / "first")
    released = threading.Event()

    def release_while_held() -> None:
        with env._REGISTRY_LOCK:  # as acquire holds it when the collector runs a finalizer
            env.release(first)
        released.set()

    worker = threading.Thread(target=release_while_held, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert released.is_set()
    second = env.acquire(tmp_path / "first")  # closed by the release: opened afresh
    assert second is not first
    env.release(second)
