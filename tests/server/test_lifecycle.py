"""Server life cycle: ``kill -9`` during imports, a restart, then a graceful SIGTERM.

One test, two server starts (each costs seconds of imports and model loading).
"""

from __future__ import annotations

import json
import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from ltmt.cli.serve import check_address
from ltmt.server.shutdown import FORCED

BATCH = 200  # pairs per add-pairs request in the kill test
BULK = 20_000  # pairs of the file imported while the server is killed
# requests wait up to 1.5 s for company: the SIGTERM arrives while one is waiting
SLOW_BATCHES = ("--batch-wait-ms", "1500")


def _pairs(start: int, count: int) -> list[dict[str, str]]:
    return [
        {"source": f"string number {i} of the test", "target": f"Zeichenkette {i} des Tests"}
        for i in range(start, start + count)
    ]


def _sigterm_during_a_request(server, token: str) -> None:
    answers: list[httpx.Response] = []
    added = threading.Event()

    def translate() -> None:
        with server.client(token) as client:
            client.post("/v1/memory/pairs", json={"pairs": _pairs(0, 3)})
            added.set()
            answers.append(
                client.post("/v1/translate", json={"segments": ["open the file", "hello world"]})
            )

    sender = threading.Thread(target=translate)
    sender.start()
    assert added.wait(30)
    time.sleep(0.5)  # the translate request is now waiting in the batcher
    code = server.stop(signal.SIGTERM)
    sender.join()
    assert code in (0, -signal.SIGTERM)
    [answer] = answers
    assert answer.status_code == 200
    assert len(answer.json()["translations"]) == 2


def test_kill_9_loses_nothing_committed_and_sigterm_finishes_requests(launch, make_key, tmp_path):
    store = tmp_path / "store"
    token = make_key(store, "u1")
    batches_key, file_key = make_key(store, "batches"), make_key(store, "bulk")
    server = launch()
    big = "".join(json.dumps(p) + "\n" for p in _pairs(10**6, BULK)).encode()
    acknowledged = []
    file_answer: list[int] = []

    def add_batches() -> None:
        with server.client(batches_key) as client:
            for n in range(1000):
                try:
                    answer = client.post(
                        "/v1/memory/pairs", json={"pairs": _pairs(n * BATCH, BATCH)}
                    )
                except httpx.TransportError:
                    return
                assert answer.status_code == 200
                acknowledged.append(answer.json()["added"])

    def import_file() -> None:
        with server.client(file_key) as client:
            try:
                answer = client.post(
                    "/v1/memory/import", files={"file": ("big.jsonl", big, "application/jsonl")}
                )
                file_answer.append(answer.status_code)
            except httpx.TransportError:
                pass

    workers = [threading.Thread(target=add_batches), threading.Thread(target=import_file)]
    for worker in workers:
        worker.start()
    # killed once a batch is acknowledged (a loaded machine took more than a fixed 1.5 s to
    # answer the first), with the file's import under way
    deadline = time.monotonic() + 60
    while not acknowledged and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    server.stop(signal.SIGKILL)
    for worker in workers:
        worker.join()
    assert acknowledged, "no batch was committed before the kill"
    restarted = launch(*SLOW_BATCHES)
    with restarted.client(batches_key) as batches, restarted.client(file_key) as bulk:
        count = batches.get("/v1/memory/stats").json()["segments"]
        bulk_count = bulk.get("/v1/memory/stats").json()["segments"]
        found = batches.get(
            "/v1/memory/search", params={"q": "string number 5 of the test", "k": 1}
        ).json()
    # every acknowledged batch is there; the one in flight is there entirely or not at all
    assert count in (sum(acknowledged), sum(acknowledged) + BATCH)
    assert bulk_count in (0, BULK)
    assert bulk_count == BULK or not file_answer
    assert found["matches"][0]["score"] == 100.0
    _sigterm_during_a_request(restarted, token)
    from ltmt.memory.store import Memory

    with Memory(store) as memory:  # what the stopped server committed is on disk
        assert (memory.count("u1"), memory.count("batches")) == (3, count)


def _children(pid: int) -> list[int]:
    """The running processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(parent) == pid and state not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie is dead, waiting for PID 1 to reap it


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_supervisor_is_killed(launch):
    """After a ``kill -9`` of ``ltmt serve --workers 2``, both workers and multiprocessing's
    resource tracker ran on under PID 1, serving and holding the port (a new server: 'port ...
    is in use') and the store."""
    server = launch("--workers", "2")
    spawned = _children(server.process.pid)
    assert len(spawned) == 3, spawned  # two workers and the resource tracker
    server.stop(signal.SIGKILL)
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in spawned) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in spawned if _running(pid)]
    address = urlsplit(server.url)
    check_address(address.hostname or "", address.port or 0)  # no 'port ... is in use'


def test_a_second_ctrl_c_is_a_forced_quit_said_as_such_without_a_traceback(
    launch, make_key, tmp_path
):
    """Ctrl-C twice during an upload: the client was told the shutdown wait had run out (the
    quit was forced), and the log got Starlette's lifespan ``CancelledError`` traceback; the
    server exited 0, as after a clean stop, where it now exits 130 and says why."""
    server = launch()  # a 30 s shutdown wait: only the second SIGINT ends the request
    token = make_key(tmp_path / "store", "uploader")
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(  # an upload whose body stalls, as a slow one's does
            f"POST /v1/memory/import HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/jsonl\r\nContent-Length: 100000\r\n\r\n"
            '{"source": "open the file", "target": "öffne die Datei"}\n'.encode()
        )
        time.sleep(0.5)
        server.process.send_signal(signal.SIGINT)
        time.sleep(0.2)
        server.process.send_signal(signal.SIGINT)
        answer = sock.makefile("rb").read()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 503"), answer
    assert json.loads(body) == {"error": FORCED}
    assert FORCED.startswith("the server was forced to quit before this request was done; ")
    assert server.process.wait(timeout=30) == 130
    assert "Traceback" not in server.output(), server.output()
    assert "ltmt: forced to quit; 1 request cut off (answered 503: send again)\n" in (
        server.output()
    )
