"""A real ``ltmt serve`` process on a free local port, with keys made through the public API."""

from __future__ import annotations

import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from ltmt.server.process import ServerProcess


@dataclass
class Server:
    """A served ``ltmt serve`` child with an httpx client maker."""

    child: ServerProcess

    @property
    def url(self) -> str:
        return self.child.url

    @property
    def process(self):
        return self.child.process

    def client(self, token: str | None = None, **kwargs) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        kwargs.setdefault("timeout", 60.0)
        return httpx.Client(base_url=self.url, headers=headers, **kwargs)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        return self.child.stop(sig)

    def output(self) -> str:
        return self.child.output()


def start_server(model_dir: Path, store: Path, log: Path, *extra: str) -> Server:
    """Start ``ltmt serve`` (one torch thread) on ``store``, made first if missing (as
    ``ltmt keys create`` makes it: serve refuses a missing store), and wait for ``/health``."""
    from ltmt.memory.store import Memory

    Memory(store).close()
    args = ["--model", str(model_dir), "--memory-dir", str(store), "--threads", "1", *extra]
    return Server(ServerProcess.start(args, log))


def new_key(store: Path, user: str, *, admin: bool = False) -> str:
    """A new key's token, made through the public API while a server may be running."""
    from ltmt.memory.keys import KeyRing
    from ltmt.memory.store import Memory

    with Memory(store) as memory:
        return KeyRing(memory).create(user, admin=admin)[1]


@pytest.fixture()
def make_key():
    return new_key


@pytest.fixture()
def launch(tiny_model_dir, tmp_path):
    """Start servers on ``tmp_path/store``; every one still running is killed afterwards."""
    started: list[Server] = []

    def run(*extra: str, store: Path | None = None) -> Server:
        server = start_server(
            tiny_model_dir, store or tmp_path / "store", tmp_path / "server.log", *extra
        )
        started.append(server)
        return server

    yield run
    for server in started:
        if server.process.poll() is None:
            server.stop(signal.SIGKILL)


@dataclass
class Api:
    """The shared server of the API tests, its store, and a key maker."""

    server: Server
    store: Path

    def key(self, user: str, *, admin: bool = False) -> str:
        return new_key(self.store, user, admin=admin)

    def client(self, token: str | None = None, **kwargs) -> httpx.Client:
        return self.server.client(token, **kwargs)


# Limits small enough to reach in a test; a generous failure limit, so the 403 tests do not
# lock the shared server out (the 429 test runs its own server).
API_OPTIONS = (
    "--batch-wait-ms",
    "50",
    "--max-segments",
    "8",
    "--max-segment-chars",
    "200",
    "--max-request-mb",
    "0.5",
    "--auth-failures",
    "100000",
    "--beam",
    "2",
)


@pytest.fixture(scope="session")
def api(tiny_model_dir, tmp_path_factory):
    """One server for the API tests (tests use their own users, so they do not interfere)."""
    root = tmp_path_factory.mktemp("server")
    server = start_server(tiny_model_dir, root / "store", root / "server.log", *API_OPTIONS)
    yield Api(server, root / "store")
    # uvicorn exits by the signal it shut down for, once the shutdown is complete
    assert server.stop() in (0, -signal.SIGTERM), server.output()
    assert "Application shutdown complete" in server.output()
    assert "Traceback" not in server.output(), server.output()


@dataclass
class EncryptedStore:
    """An encrypted store holding user u1's ``open the file`` / ``öffne die Datei``, its key
    file, u1's key's token, and the configuration that serves it."""

    path: Path
    key_file: Path
    token: str
    config: Any


@pytest.fixture()
def encrypted_store(tiny_model_dir, tmp_path) -> EncryptedStore:
    from ltmt.memory.crypto import generate_key_file
    from ltmt.memory.keys import KeyRing
    from ltmt.memory.store import Memory
    from ltmt.server.config import ServerConfig

    key_file = generate_key_file(tmp_path / "store.key")
    store = tmp_path / "store"
    with Memory(store, key_file=key_file) as memory:
        token = KeyRing(memory).create("u1")[1]
        memory.add("u1", "open the file", "öffne die Datei")
    config = ServerConfig(model=str(tiny_model_dir), memory_dir=str(store), key_file=str(key_file))
    return EncryptedStore(store, key_file, token, config)
