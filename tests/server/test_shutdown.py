"""How the server stopped (its exit status) and what a forced quit waits for."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from ltmt.server.app import create_app
from ltmt.server.config import ServerConfig
from ltmt.server.shutdown import Stop


@pytest.mark.parametrize(
    ("cut_off", "forced", "code"), [(0, False, 0), (2, False, 1), (1, True, 130), (0, True, 130)]
)
def test_the_exit_status_tells_a_clean_stop_from_a_cut_off_and_a_forced_one(cut_off, forced, code):
    assert Stop(cut_off=cut_off, forced=forced).exit_code() == code


class FakeService:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def summary(self) -> str:
        return "serving a fake"

    def close(self) -> None:
        self.calls.append("close")

    def abandon(self) -> None:
        self.calls.append("abandon")


async def _lifespan(service: FakeService, *, forced: bool) -> SimpleNamespace:
    """Run the app's lifespan: started, then shut down (or cancelled, as a forced quit is)."""
    app = create_app(ServerConfig(), service)  # type: ignore[arg-type]
    messages = asyncio.Queue()
    await messages.put({"type": "lifespan.startup"})
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    task = asyncio.create_task(app({"type": "lifespan", "state": {}}, messages.get, send))
    while not sent:
        await asyncio.sleep(0.01)
    if forced:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    else:
        await messages.put({"type": "lifespan.shutdown"})
        await task
    return SimpleNamespace(stop=app.state.stop, sent=sent)


def test_a_forced_quit_does_not_wait_for_the_batch_being_decoded():
    """It joined the decoding thread, which finished its batch first: the process lived 6 s
    more after the second Ctrl-C."""
    service = FakeService()
    outcome = asyncio.run(_lifespan(service, forced=True))
    assert service.calls == ["abandon"]
    assert outcome.stop == Stop(cut_off=0, forced=True)


def test_a_clean_stop_closes_the_service():
    service = FakeService()
    outcome = asyncio.run(_lifespan(service, forced=False))
    assert service.calls == ["close"]
    assert outcome.stop == Stop()
    assert outcome.sent[-1] == {"type": "lifespan.shutdown.complete"}
