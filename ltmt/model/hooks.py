"""Forward hooks that hear only their own thread.

A hook belongs to a module, and the threads that decode batches at once (:mod:`ltmt.workers`)
share the model's modules: a hook one batch sets to record an attention would also fire for the
passes of the others. :func:`thread_bound` wraps a hook so that it runs for the passes of the
thread that made it only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def thread_bound(hook: Callable[..., Any]) -> Callable[..., Any]:
    """``hook``, called only from the thread calling this (else nothing, and ``None``)."""
    owner = threading.get_ident()

    def bound(*args: Any, **kwargs: Any) -> Any:
        if threading.get_ident() != owner:
            return None
        return hook(*args, **kwargs)

    return bound
