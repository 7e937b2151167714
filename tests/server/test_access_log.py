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
