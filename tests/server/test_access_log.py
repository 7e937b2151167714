"""The access log of a running server: no query's text, no download's token."""

from __future__ import annotations

import time

import pytest

from ltmt.server.access_log import redacted_path


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/v1/memory/search?q=Zwickelberg+Hannelore&k=2", "/v1/memory/search?q=…&k=…"),
        ("/download_file/123bdfb32ab6.Zwickelberg_discharge.docx", "/download_file/…"),
        ("/v1/memory/export?format=jsonl&user=globex", "/v1/memory/export?format=…&user=…"),
        ("/v1/translate", "/v1/translate"),
        ("/v1/memory/stats?", "/v1/memory/stats"),
        (
            "/v1/admin/keys/ltmt_6d8e70ff6f86_hi0BAw8pX-hRfbo8DrzX_VtuZY3_HIWDhSOaPzXzqS0",
            "/v1/admin/keys/ltmt_6d8e70ff6f86_…",
        ),
        ("/v1/admin/keys/6d8e70ff6f86", "/v1/admin/keys/6d8e70ff6f86"),
    ],
)
def test_a_path_is_logged_without_its_values(path: str, logged: str) -> None:
    assert redacted_path(path) == logged


def test_the_servers_access_log_holds_no_searched_text(api) -> None:
    with api.client(api.key("log-user")) as client:
        answer = client.get("/v1/memory/search", params={"q": "Zwickelberg", "k": 2})
    assert answer.status_code in (200, 404), answer.text
    deadline = time.monotonic() + 5
    while "/v1/memory/search?" not in api.server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    output = api.server.output()
    assert '"GET /v1/memory/search?q=…&k=… HTTP/1.1"' in output, output[-2000:]
    assert "Zwickelberg" not in output


def test_the_access_line_names_the_key_id_never_the_secret_nor_the_user(api) -> None:
    """Behind a gateway every tenant has one address: the line did not say who sent it; the
    shared log names no customer (``ltmt keys list`` tells whose key it is)."""
    token = api.key("log-tenant")
    key_id = token.split("_")[1]
    with api.client(token) as client:
        answer = client.get("/v1/memory/stats")
    assert answer.status_code == 200, answer.text
    line = f'"GET /v1/memory/stats HTTP/1.1" 200 OK key={key_id}'
    deadline = time.monotonic() + 5
    while line not in api.server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    output = api.server.output()
    assert line in output, output[-2000:]
    assert token not in output
    assert "log-tenant" not in output


def test_a_request_without_a_valid_key_names_nobody(api) -> None:
    with api.client("ltmt_000000000000_wrong") as client:
        assert client.get("/v1/memory/stats", params={"user": "probe"}).status_code == 403
    line = '"GET /v1/memory/stats?user=… HTTP/1.1" 403 Forbidden'
    deadline = time.monotonic() + 5
    while line not in api.server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    ends = [x.split(line, 1)[1] for x in api.server.output().splitlines() if line in x]
    assert ends and ends[-1] == "", ends  # nothing after the status: no user, no key
