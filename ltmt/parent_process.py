"""Worker processes that end when the process that started them dies.

``ltmt serve --workers N`` (uvicorn's supervisor) and ``--worker-processes``
(:mod:`ltmt.worker_processes`) start their workers with multiprocessing's ``spawn``. A parent
that exits normally ends them, but one killed (``kill -9``, the out-of-memory killer) did not:
its server workers were re-parented to PID 1 and kept the port and the store, so that a new
server found the port in use and ``ltmt memory compact`` the store in use.

A spawned process holds the read end of a pipe whose write end only its parent holds
(multiprocessing's *parent sentinel*): it becomes readable when the parent dies, however it
dies, even before the child looks at it. :func:`exit_with_parent` waits on it in a thread, then
stops the process as ``kill`` would (SIGTERM: a server finishes its requests in flight and
closes its store), and ends it outright if it is still running ``grace_s`` seconds later.
Unlike Linux's ``PR_SET_PDEATHSIG`` this needs no ``ctypes``, works on macOS too, and cannot
miss a parent that died while the child was starting.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

ORPHANED_EXIT_CODE = 1  # the exit status of a worker that had to be ended outright


def exit_with_parent(grace_s: float) -> bool:
    """In a process started by multiprocessing: from now on, end it when its parent dies
    (SIGTERM, then after ``grace_s`` seconds an immediate exit). False, and nothing done, in a
    process that multiprocessing did not start."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return False
    watcher = threading.Thread(
        target=_end_when_gone, args=(parent, grace_s), name="exit-with-parent", daemon=True
    )
    watcher.start()
    return True


def _end_when_gone(parent: multiprocessing.process.BaseProcess, grace_s: float) -> None:
    """Wait until ``parent`` has died, then end this process (see :func:`exit_with_parent`)."""
    parent.join()  # returns once the parent's end of the pipe is closed: only at its death
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(grace_s)
    os._exit(ORPHANED_EXIT_CODE)  # still running: its shutdown hangs, and nobody waits for it
