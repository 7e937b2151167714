"""Batches decoded side by side: how many at once, the CPU threads each gets, and the loop.

A one-token decoding step of a small model is many small operations; split over threads, each
waits on the others more than it gains (on these 2-core machines one batch took *longer* with 2
intra-op threads than with 1, for torch and CTranslate2 alike). Two batches decoded at once, one
thread each, use both cores: against one batch at a time on both threads, 1.75x the tokens per
second for CTranslate2, 1.6x for ltmt's plain batches, 1.3-1.5x for kNN and 1.2x for the trained
combiner, whose steps hold many tiny calls that each take Python's lock again
(``eval/bench_speed.py``'s ``--workers``, ``eval/bench_thread_scaling.py``;
``docs/results/speed.md``, session 16). Those one-batch runs were slowed by the OpenMP pools
CTranslate2's worker threads opened beside torch's (:class:`ltmt.model.ctranslate.FastDecoder`,
session 37); without them two workers are still faster for kNN: a user's next run 3.40 s
against 3.74 on one batch at a time, with less CPU time
(``eval/results/speed/s37/ab-workers-1-vs-2-ltmt-knn-warm.json``). So
:class:`ltmt.Translator` decodes ``workers`` batches at once, each on a thread of its own, and
gives each ``threads // workers`` intra-op threads; CTranslate2 gets one thread per worker and
``threads // workers`` workers per batch (:class:`ltmt.model.ctranslate.FastDecoder`).

Threads that allocate at once get glibc malloc arenas of their own, and memory freed in one is
not reused by another: two workers took the peak RSS of a kNN run with user git's memory from
635 MB to 1,077 MB, 732 MB with one arena, at the same speed (``eval/rss_translate.py``). So a
:class:`ltmt.Translator` that may run several workers calls :func:`limit_malloc_arenas` before
it loads anything (718 MB then), which asks glibc for one arena for the process, unless
``MALLOC_ARENA_MAX`` is set (then the environment decides).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from ltmt.errors import ConfigError

# batches decoded at once when the caller does not say: one per CPU, at most this many (each
# holds a batch's key/value buffers and force-decoded memory)
MAX_AUTO_WORKERS = 4

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Parallelism:
    """``workers`` batches at once, ``threads`` intra-op threads each."""

    workers: int
    threads: int


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def plan_parallelism(workers: int, threads: int, device_type: str = "cpu") -> Parallelism:
    """How to spend ``threads`` CPU threads (0: torch's intra-op count when torch is loaded,
    else the CPUs available) on ``workers`` batches at once (0: one per thread, at most
    :data:`MAX_AUTO_WORKERS`; 1 on a GPU, which runs one batch at a time anyway); more workers
    than the threads given are refused (:func:`check_workers`)."""
    if workers < 0 or threads < 0:
        name, value = ("workers", workers) if workers < 0 else ("threads", threads)
        raise ConfigError(f"{name} must be 0 (automatic) or more, got {value}")
    check_workers(workers, threads)
    if threads == 0:
        threads = _torch_threads() or available_cpus()
    if workers == 0:
        workers = 1 if device_type != "cpu" else min(threads, MAX_AUTO_WORKERS)
    return Parallelism(workers=workers, threads=max(1, threads // workers))


def check_workers(workers: int, threads: int) -> None:
    """Refuse more ``workers`` than the ``threads`` given for them to share (``threads`` 0:
    automatic, no bound given): each worker decodes on a thread at least, so more of them would
    run on more threads than were asked for."""
    if threads > 0 and workers > threads:
        raise ConfigError(
            f"workers {workers} is more than threads {threads}: each worker decodes on a thread "
            f"of its own; give at most {threads} workers, or more threads"
        )


def _torch_threads() -> int:
    """torch's intra-op threads when torch is imported (0 when not: no import just for this)."""
    torch = sys.modules.get("torch")
    return int(torch.get_num_threads()) if torch is not None else 0


@contextlib.contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """torch's intra-op threads set to ``count`` inside, put back after (process-wide)."""
    import torch

    before = torch.get_num_threads()
    if count != before:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        if count != before:
            torch.set_num_threads(before)


# glibc's mallopt parameter for the most malloc arenas
_M_ARENA_MAX = -8
_arenas_limited = False


def _glibc_function(name: str) -> Any:
    """The process's own C library's function ``name`` on Linux; None elsewhere or without it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def limit_malloc_arenas() -> None:
    """Ask glibc's malloc to keep one arena for all of the process's threads (once; a no-op
    where ``MALLOC_ARENA_MAX`` is set, or off Linux, or without glibc's ``mallopt``)."""
    global _arenas_limited
    if _arenas_limited or "MALLOC_ARENA_MAX" in os.environ:
        return
    _arenas_limited = True
    mallopt = _glibc_function("mallopt")
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, 1)


def return_freed_memory() -> None:
    """Hand the heap memory glibc's malloc holds free back to the system (``malloc_trim``;
    a no-op off Linux or without it): after a large import, a long-running process (a server)
    would otherwise keep the import's peak."""
    malloc_trim = _glibc_function("malloc_trim")
    if malloc_trim is not None:
        malloc_trim(0)


def ordered_map(
    function: Callable[[Item], Result], items: Iterable[Item], workers: int
) -> Iterator[Result]:
    """``function(item)`` for each item, in order; ``workers`` run at once on threads of their
    own (1: here, one after another). At most ``2 * workers`` items are in flight, so results
    come back while later items are still queued. An exception reaches the caller at its item,
    and the items not yet started are dropped."""
    if workers <= 1:
        yield from map(function, items)
        return
    pending: list[Future[Result]] = []
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ltmt-batch") as pool:
        try:
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) >= 2 * workers:
                    yield pending.pop(0).result()
            while pending:
                yield pending.pop(0).result()
        finally:
            for future in pending:
                future.cancel()
