"""Batches decoded side by side: the plan of workers and threads, and the ordered map."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from ltmt.errors import ConfigError
from ltmt.workers import MAX_AUTO_WORKERS, Parallelism, ordered_map, plan_parallelism


@pytest.mark.parametrize(
    ("workers", "threads", "device", "expected"),
    [
        (0, 2, "cpu", Parallelism(workers=2, threads=1)),  # these 2-core machines
        (0, 1, "cpu", Parallelism(workers=1, threads=1)),
        (0, 16, "cpu", Parallelism(workers=MAX_AUTO_WORKERS, threads=16 // MAX_AUTO_WORKERS)),
        (1, 2, "cpu", Parallelism(workers=1, threads=2)),  # one batch on every thread
        (3, 0, "cpu", Parallelism(workers=3, threads=1)),  # never 0 threads each (torch: 1)
        (0, 8, "cuda", Parallelism(workers=1, threads=8)),  # a GPU runs one batch at a time
    ],
)
def test_the_plan_shares_the_threads_among_the_workers(workers, threads, device, expected):
    assert plan_parallelism(workers, threads, device) == expected


def test_no_threads_given_means_torchs_count_or_the_cpus():
    import torch

    plan = plan_parallelism(1, 0)
    assert plan == Parallelism(workers=1, threads=torch.get_num_threads())


@pytest.mark.parametrize(
    ("workers", "threads", "message"),
    [
        (-1, 0, "workers must be 0 \\(automatic\\) or more, got -1"),
        (0, -2, "threads must be 0 \\(automatic\\) or more, got -2"),
        (
            99,
            2,
            "^workers 99 is more than threads 2: each worker decodes on a thread of its own; "
            "give at most 2 workers, or more threads$",
        ),
    ],
)
def test_negative_counts_are_one_line_errors(workers, threads, message):
    with pytest.raises(ConfigError, match=message):
        plan_parallelism(workers, threads)


def test_results_come_in_order_whatever_finishes_first():
    def slow_first(item: int) -> int:
        time.sleep(0.05 if item == 0 else 0.0)
        return item * 10

    assert list(ordered_map(slow_first, range(7), workers=3)) == [0, 10, 20, 30, 40, 50, 60]


def test_workers_run_at_once_and_one_worker_runs_here():
    both = threading.Barrier(2, timeout=10)  # breaks unless two items run at the same time
    threads: set[int] = set()

    def meet(item: int) -> int:
        threads.add(threading.get_ident())
        both.wait()
        return item

    assert list(ordered_map(meet, [1, 2], workers=2)) == [1, 2]
    assert len(threads) == 2 and threading.get_ident() not in threads
    seen: list[int] = []
    assert list(ordered_map(lambda item: seen.append(threading.get_ident()) or item, [3], 1)) == [3]
    assert seen == [threading.get_ident()]


def test_an_error_reaches_the_caller_at_its_item_and_later_items_are_dropped():
    started: list[int] = []

    def fail_at_two(item: int) -> int:
        started.append(item)
        if item == 2:
            raise ValueError("item 2 is bad")
        time.sleep(0.01)
        return item

    results = ordered_map(fail_at_two, range(100), workers=2)
    assert [next(results), next(results)] == [0, 1]
    with pytest.raises(ValueError, match="item 2 is bad"):
        next(results)
    assert len(started) <= 2 * 2 + 3  # what was in flight when it failed, not all 100


class _FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux's")
def test_one_malloc_arena_is_asked_for_once_unless_the_environment_says(monkeypatch):
    import ltmt.workers

    libc = _FakeLibc()
    monkeypatch.setattr(ltmt.workers.ctypes, "CDLL", lambda name: libc)
    monkeypatch.setattr(ltmt.workers, "_arenas_limited", False)
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    ltmt.workers.limit_malloc_arenas()
    assert libc.calls == []  # the environment decides
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    ltmt.workers.limit_malloc_arenas()
    ltmt.workers.limit_malloc_arenas()
    assert libc.calls == [(-8, 1)]  # M_ARENA_MAX, once


def test_freed_memory_is_handed_back_without_error() -> None:
    import ltmt.workers

    assert ltmt.workers.return_freed_memory() is None  # glibc's malloc_trim, or nothing
