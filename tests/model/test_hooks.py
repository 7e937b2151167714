"""Forward hooks that hear only their own thread."""

from __future__ import annotations

import threading

import torch

from ltmt.model.hooks import thread_bound


def test_a_thread_bound_hook_ignores_the_passes_of_other_threads():
    layer = torch.nn.Linear(2, 2)
    heard: list[str] = []
    handle = layer.register_forward_hook(thread_bound(lambda *args: heard.append("mine")))
    try:
        other = threading.Thread(target=lambda: layer(torch.zeros(1, 2)))
        other.start()
        other.join()
        assert heard == []
        layer(torch.zeros(1, 2))
        assert heard == ["mine"]
    finally:
        handle.remove()
