"""One user's file translations at once: a slot each, 429 past ``files_per_user``."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from ltmt import Memory
from ltmt.memory.keys import KeyRing
from ltmt.server.app import create_app
from ltmt.server.config import ServerConfig
from ltmt.server.file_slots import FileSlots
from ltmt.server.shared_limits import LimitNames

NAMES = LimitNames(bytes(32))


def test_a_user_has_as_many_slots_as_said_and_others_their_own(tmp_path: Path) -> None:
    slots = FileSlots(per_user=1, folder=tmp_path, names=NAMES)
    with slots.taken("u1") as first, slots.taken("u1") as second, slots.taken("u2") as other:
        assert (first, second, other) == (True, False, True)
    with slots.taken("u1") as again:  # given back
        assert again


def test_the_slots_are_shared_by_every_worker(tmp_path: Path) -> None:
    """Each worker process of --workers N had its own slots: with two, a user had two files
    translated at once where --files-per-user said one. Two FileSlots on one folder are two
    workers."""
    first, second = FileSlots(2, tmp_path, NAMES), FileSlots(2, tmp_path, NAMES)
    with first.taken("u1") as one, second.taken("u1") as two, second.taken("u1") as three:
        assert (one, two, three) == (True, True, False)
    with second.taken("u1") as again:
        assert again


def test_a_users_file_past_the_limit_is_answered_429_at_once(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """One user's uploads each held a server thread for as long as the file took, and the
    other users waited behind them."""
    with Memory(tmp_path / "store") as memory:
        token = KeyRing(memory).create("u1")[1]
    config = ServerConfig(model=str(tiny_model_dir), memory_dir=str(tmp_path / "store"))
    upload = {"file": ("notes.txt", b"open the file\n", "text/plain")}
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(config)) as client:
        service = client.app.state.service  # type: ignore[attr-defined]
        with service.file_slots.taken("u1"):  # one of u1's files being translated
            busy = client.post("/v1/translate/file", files=upload, headers=headers)
        done = client.post("/v1/translate/file", files=upload, headers=headers)
    assert busy.status_code == 429
    assert busy.json()["error"] == (
        "you have 1 file being translated, the most at once; send this one when one is done"
    )
    assert busy.headers["retry-after"] == "5"
    assert done.status_code == 200, done.text
