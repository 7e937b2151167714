"""The application as a whole: paths it does not have, its OpenAPI document, its shutdown."""

from __future__ import annotations

import json
import signal
import socket
import time
from urllib.parse import urlsplit

import pytest


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/v1/memory/stats/"), ("POST", "/v1/memory/pairs/")]
)
def test_a_trailing_slash_is_a_json_404_not_a_redirect(api, method, path):
    """It was a 307 with an empty body to an http:// URL made from Host: behind a TLS proxy a
    redirect to plain http, which clients follow with their key."""
    with api.client(api.key("slasher")) as client:
        answer = client.request(method, path, json={"pairs": []}, follow_redirects=False)
    assert answer.status_code == 404
    assert "location" not in answer.headers
    assert answer.json() == {"error": f"no such endpoint: {method} {path} (see /docs)"}


def test_a_request_cut_off_by_the_shutdown_is_a_json_503_not_a_traceback(
    launch, make_key, tmp_path
):
    """A client that stalled its body held SIGTERM for the whole shutdown wait, then got a
    plain-text 500 and the log a CancelledError traceback."""
    server = launch("--shutdown-timeout-s", "1")
    token = make_key(tmp_path / "store", "staller")
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(
            f"POST /v1/memory/pairs HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {token}\r\n"
            'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"pairs"'.encode()
        )
        time.sleep(0.5)
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        answer = sock.makefile("rb").read()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 503"), answer
    assert json.loads(body)["error"].startswith("the server stopped before this request was done")
    assert server.process.wait(timeout=30) in (0, -signal.SIGTERM)
    assert time.monotonic() - started < 10
    assert "Traceback" not in server.output(), server.output()
