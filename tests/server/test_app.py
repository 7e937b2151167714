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
    plain-text 500 and the log a CancelledError traceback; the server exited 0, as after a
    clean stop, where it now exits 1 and says why."""
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
    assert server.process.wait(timeout=30) == 1
    assert time.monotonic() - started < 10
    assert (
        "ltmt: the shutdown wait (1 s) ran out; 1 request cut off (answered 503: send again); "
        "raise --shutdown-timeout-s to let them finish\n"
    ) in server.output()
    assert "Traceback" not in server.output(), server.output()


def test_the_openapi_document_says_what_each_endpoint_answers(api):
    """The file endpoints were declared as 200 application/json, the LibreTranslate-compatible
    ones as 200/422 alone, and no endpoint had 405."""
    with api.client() as client:
        paths = client.get("/openapi.json").json()["paths"]
    for path, method, media_type in (
        ("/v1/translate/file", "post", "application/x-subrip"),
        ("/v1/memory/export", "get", "application/x-tmx+xml"),
        ("/download_file/{filename}", "get", "application/vnd.oasis.opendocument.text"),
    ):
        answer = paths[path][method]["responses"]["200"]["content"]
        files = {media: content["schema"] for media, content in answer.items()}
        binary = {"type": "string", "format": "binary"}  # a JSON message file's too: a file
        assert all(schema == binary for schema in files.values()), path
        assert media_type in files, path
    error = {"$ref": "#/components/schemas/Error"}
    for path, method in (("/translate", "post"), ("/download_file/{filename}", "get")):
        responses = paths[path][method]["responses"]
        for status in ("400", "401", "403", "404", "405", "429"):
            assert responses[status]["content"]["application/json"]["schema"] == error
        assert "security" not in paths[path][method]


def test_the_docs_page_says_it_needs_the_network(api):
    with api.client() as client:
        page = client.get("/docs")
    assert page.status_code == 200
    assert "swagger-ui" in page.text
    assert "blank without the network" in page.text and 'href="/openapi.json"' in page.text


def test_the_log_says_what_is_served_at_startup(api):
    """The startup line reaches the log (ltmt's loggers say warnings alone)."""
    [line] = [line for line in api.server.output().splitlines() if "serving model" in line]
    assert line.startswith("ltmt: info: serving model "), line
    assert f"store {api.store} (" in line
    assert "limits: 0.5 MB, 8 segments of 200 characters a request, " in line
