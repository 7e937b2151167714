"""Worker processes that end when their parent dies (ltmt.parent_process)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ltmt.parent_process import exit_with_parent

REPO = Path(__file__).resolve().parents[1]

# A parent that spawns one child (which watches it, ignoring SIGTERM or not), prints the
# child's process id and waits to be killed.
PARENT = """
import multiprocessing, signal, sys, time
from ltmt.parent_process import exit_with_parent

def child(ignore_sigterm):
    if ignore_sigterm:  # a child whose graceful stop hangs
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    exit_with_parent(grace_s=0.5)
    time.sleep(600)

if __name__ == "__main__":
    worker = multiprocessing.get_context("spawn").Process(
        target=child, args=(sys.argv[1] == "ignore",)
    )
    worker.start()
    print(worker.pid, flush=True)
    time.sleep(600)
"""


def running(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead and not yet reaped by PID 1, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("sigterm", ["handled", "ignore"])
def test_a_child_ends_when_its_parent_is_killed(tmp_path: Path, sigterm: str) -> None:
    """A child of a parent killed with SIGKILL was re-parented to PID 1 and ran on; now it
    ends, by SIGTERM, or after the grace period where it ignores SIGTERM."""
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    parent = subprocess.Popen(
        [sys.executable, str(script), sigterm], stdout=subprocess.PIPE, env=env
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        time.sleep(0.5)  # the child watches its parent
        assert running(child)
    finally:
        parent.kill()
        parent.wait()
    assert gone_within(child, 10.0)


def test_a_process_not_started_by_multiprocessing_watches_nothing() -> None:
    assert exit_with_parent(grace_s=0.0) is False
