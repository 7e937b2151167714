"""Clients that leave or stall, against a real ``ltmt serve``: a translation whose client
disconnected is stopped (segments or a file), and a body that trickles in is cut off."""

from __future__ import annotations

import json
import random
import re
import socket
import time
from urllib.parse import urlsplit

import pytest

WORDS = [
    "open",
    "the",
    "file",
    "save",
    "all",
    "files",
    "delete",
    "the",
    "branch",
    "press",
    "OK",
    "to",
    "continue",
    "hello",
    "world",
]


def _connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=30)


def _head(path: str, token: str, length: int, kind: str = "application/json") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: {kind}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def _form(fields: dict[str, str], name: str, content: bytes) -> tuple[str, bytes]:
    """A multipart form of ``fields`` and a file field ``file`` (named ``name``): its content
    type and its body."""
    boundary = "ltmt-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"\r\n\r\n{value}\r\n'
        for field, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    )
    body = "".join(parts).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def _settled(server) -> int:
    """The decoded segments once the count has not moved for a second."""
    settled = _decoded_segments(server)
    time.sleep(1.0)
    while (now := _decoded_segments(server)) != settled:
        settled = now
        time.sleep(1.0)
    return settled


def _decoded_segments(server) -> int:
    with server.client() as client:
        return int(client.get("/health").json()["batched_segments"])


def test_a_translation_whose_client_left_is_stopped(launch, make_key, tmp_path) -> None:
    """A client that sent a long request and left kept the decoder busy until its end (about
    15 s here), and the requests after it waited as long; the rest of it is not decoded now."""
    store = tmp_path / "store"
    token = make_key(store, "u1")
    server = launch(
        *("--max-segments", "4000", "--max-batch-segments", "8", "--batch-wait-ms", "0"),
        *("--beam", "1", "--fusion", "none"),
    )
    rng = random.Random(0)
    segments = [" ".join(rng.choices(WORDS, k=40)) for _ in range(4000)]
    body = json.dumps({"segments": segments}).encode()
    with _connect(server.url) as leaving:
        leaving.sendall(_head("/v1/translate", token, len(body)) + body)
        deadline = time.monotonic() + 60
        while _decoded_segments(server) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # the decoder is on it
    started = time.monotonic()
    with server.client(token) as client:
        answer = client.post("/v1/translate", json={"segments": ["open the file"]})
    assert answer.status_code == 200, answer.text
    assert time.monotonic() - started < 5.0
    settled = _decoded_segments(server)
    time.sleep(1.0)
    assert _decoded_segments(server) == settled < len(segments)
    assert "Traceback" not in server.output()
    # the log said so (it had no line for the request at all)
    # and how much was dropped: what it says was decoded for nobody is all that was (the one
    # segment after it is the short request's)
    said = re.findall(r"ltmt: warning: (.*)\n", server.output())
    counts = r"(\d+) of 4000 segments dropped, (\d+) decoded for nobody"
    assert [re.sub(r"after [\d.]+ s", "after N s", re.sub(counts, "D", line)) for line in said] == [
        "POST /v1/translate: client disconnected after N s; 4000 segments not sent; its "
        "translation stopped: D"
    ]
    dropped, decoded = map(int, re.findall(counts, said[0])[0])
    assert (dropped + decoded, decoded) == (4000, settled - 1)


@pytest.mark.parametrize(
    ("path", "fields"),
    [("/v1/translate/file", {}), ("/translate_file", {"source": "en", "target": "de"})],
)
def test_a_file_translation_whose_client_left_is_stopped(launch, make_key, tmp_path, path, fields):
    """A file translation went on to the file's end for a client that had left, the decoder
    busy for nobody and the user's file slot taken (a next file: 429); it stops at its next
    piece now, as a segment request does."""
    store = tmp_path / "store"
    token = make_key(store, "u1")
    server = launch(
        *("--max-segments", "4000", "--max-batch-segments", "8", "--batch-wait-ms", "0"),
        *("--beam", "1", "--fusion", "none"),
    )
    rng = random.Random(0)
    lines = [" ".join(rng.choices(WORDS, k=30)).capitalize() + "." for _ in range(2000)]
    kind, body = _form(fields, "long.txt", "\n".join(lines).encode())
    with _connect(server.url) as leaving:
        leaving.sendall(_head(path, token, len(body), kind) + body)
        deadline = time.monotonic() + 60
        while _decoded_segments(server) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # the decoder is on it
    assert 0 < _settled(server) < len(lines)
    with server.client(token) as client:  # the file slot is free again
        files = {"file": ("short.txt", b"Open the file.\n", "text/plain")}
        assert client.post("/v1/translate/file", files=files).status_code == 200
    assert "Traceback" not in server.output()


def test_a_body_that_trickles_in_is_cut_off(launch, make_key, tmp_path) -> None:
    """A client that sent its headers and then a byte now and then held its connection for
    as long as it liked; after --body-timeout-s it gets 408 and the connection is closed."""
    store = tmp_path / "store"
    token = make_key(store, "u1")
    server = launch("--body-timeout-s", "1")
    body = json.dumps({"segments": ["open the file"]}).encode()
    with _connect(server.url) as slow:
        slow.sendall(_head("/v1/translate", token, len(body)) + body[:5])
        started = time.monotonic()
        for byte in body[5:12]:  # one byte every 0.3 s: never idle long, never done
            time.sleep(0.3)
            try:
                slow.sendall(bytes([byte]))
            except OSError:
                break  # the server closed the connection
        answer = b""
        while chunk := slow.recv(65536):
            answer += chunk
    assert time.monotonic() - started < 10.0
    assert answer.startswith(b"HTTP/1.1 408 "), answer
    assert b"did not arrive within 1 s" in answer
    with server.client(token) as client:  # and the server goes on
        assert client.post("/v1/translate", json={"segments": ["open the file"]}).status_code == 200
