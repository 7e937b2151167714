"""The service behind the endpoints: one translator per decoding option set."""

from __future__ import annotations

import threading

from ltmt.server.config import ServerConfig
from ltmt.server.service import Service


def test_two_first_requests_at_once_make_one_translator(monkeypatch, tiny_model_dir, tmp_path):
    """The decoding thread and a request thread asking for a translator not made yet each made
    one: the fusion's modules loaded twice, and two translators of one option set. The first
    to ask makes it while the other waits, and both get that one."""
    from ltmt.server import service as module

    made = []
    second_in = threading.Event()  # set when a second thread is making one too (the race)

    def making(*args, **kwargs):
        made.append(threading.current_thread().name)
        if len(made) == 2:
            second_in.set()
        second_in.wait(timeout=1.0)  # room for a second thread to come in, if it can
        return real(*args, **kwargs)

    real = module.Translator
    monkeypatch.setattr(module, "Translator", making)
    service = Service(ServerConfig(model=str(tiny_model_dir), memory_dir=str(tmp_path / "store")))
    try:
        options = service.options("none", 1)
        start = threading.Barrier(2)
        got = [None, None]

        def ask(slot: int) -> None:
            start.wait()
            got[slot] = service._translator(options)

        threads = [threading.Thread(target=ask, args=(slot,)) for slot in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        service.close()
    assert len(made) == 1
    assert got[0] is got[1] is not None
