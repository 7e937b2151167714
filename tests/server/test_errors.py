"""Every error the server answers is one JSON line: a write the disk refuses is a 503 in one
place, whichever endpoint wrote and however the error was raised."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ltmt.memory.keys import KeyRing
from ltmt.memory.store import Memory
from ltmt.outputs import output_error
from ltmt.server import files
from ltmt.server.app import create_app
from ltmt.server.config import ServerConfig


@pytest.fixture(scope="module")
def served(tiny_model_dir, tmp_path_factory):
    """A client of an in-process server on a new store, and a key's token."""
    store = tmp_path_factory.mktemp("errors") / "store"
    with Memory(store) as memory:
        token = KeyRing(memory).create("u1")[1]
    config = ServerConfig(model=str(tiny_model_dir), memory_dir=str(store))
    with TestClient(create_app(config)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client, store, token


def refusing(code: int):
    """A stand-in for a write that the disk refuses with ``code``."""

    def write(*args, **kwargs):
        raise OSError(code, errno.errorcode[code])

    return write


UPLOADS = [
    ("/v1/translate/file", {}, "notes.txt"),
    ("/v1/memory/import", {}, "pairs.tsv"),
    ("/translate_file", {"source": "en", "target": "de"}, "notes.txt"),
]


@pytest.mark.parametrize(("path", "form", "name"), UPLOADS)
def test_an_upload_onto_a_full_disk_is_the_stores_503_without_a_traceback(
    served, monkeypatch, caplog, path, form, name
):
    client, store, token = served
    monkeypatch.setattr(Path, "write_bytes", refusing(errno.ENOSPC))
    with caplog.at_level(logging.WARNING):
        answer = client.post(
            path, data={**form, "api_key": token} if form else {}, files={"file": (name, b"a\tb\n")}
        )
    assert (answer.status_code, answer.json()) == (
        503,
        {
            "error": f"No space left on device while writing memory store {store}: free space "
            "and retry (nothing of the failed write was stored)"
        },
    )
    assert not [record for record in caplog.records if record.exc_info]  # no traceback


def test_an_export_onto_a_full_disk_is_a_503_not_the_clients_400(served, monkeypatch):
    """The scratch copy of an export is an output file: its full disk was a 400 naming the
    server's work folder, as if the request were wrong."""
    client, store, _ = served
    client.post("/v1/memory/pairs", json={"pairs": [{"source": "a", "target": "b"}]})

    def full(path, *args, **kwargs):
        raise output_error(OSError(errno.ENOSPC, "No space left on device"), path) from OSError(
            errno.ENOSPC, "No space left on device"
        )

    monkeypatch.setattr(files, "write_pairs", full)
    answer = client.get("/v1/memory/export", params={"format": "tmx"})
    assert answer.status_code == 503
    assert answer.json()["error"].startswith(
        f"No space left on device while writing memory store {store}: free space and retry"
    )


def test_a_read_only_disk_is_a_503_that_says_so(served, monkeypatch):
    client, store, _ = served
    monkeypatch.setattr(Path, "write_bytes", refusing(errno.EROFS))
    answer = client.post("/v1/translate/file", files={"file": ("notes.txt", b"a\n")})
    assert (answer.status_code, answer.json()) == (
        503,
        {
            "error": f"memory store {store} is on a read-only file system: it can be read, not "
            "changed; remount it read-write or work on a copy of the store"
        },
    )


def test_another_os_error_is_still_a_plain_500(served, monkeypatch):
    client, _, _ = served
    monkeypatch.setattr(Path, "write_bytes", refusing(errno.EACCES))
    answer = client.post("/v1/translate/file", files={"file": ("notes.txt", b"a\n")})
    assert (answer.status_code, answer.json()) == (
        500,
        {"error": "internal error (PermissionError); see the server log"},
    )


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (
            b'{"segments": ["a"], "x": ' + b"[" * 1500 + b"]" * 1500 + b"}",
            "the request body is not valid JSON: it nests too deeply",
        ),
        (
            '{"segments": ["a"]}'.encode("utf-16"),  # with its byte-order mark
            "the request body is not UTF-8 JSON; send it encoded as UTF-8",
        ),
    ],
    ids=["deep", "utf-16"],
)
def test_a_v1_body_that_nests_too_deeply_or_is_not_utf8_is_said_to_be_so(served, body, error):
    client, _, _ = served
    answer = client.post(
        "/v1/translate", content=body, headers={"Content-Type": "application/json"}
    )
    assert (answer.status_code, answer.json()) == (400, {"error": error})


@pytest.mark.parametrize("path", ["/v1/translate", "/translate"])
def test_json_that_does_not_parse_is_a_400_on_either_api(served, path):
    """``{bad`` was a 422 on ``/v1/translate`` and a 400 on ``/translate``: now 400 on both, as
    a body that is not UTF-8 (RFC 9110: content that does not parse)."""
    client, _, token = served
    answer = client.post(
        path,
        content=b'{"q": "a", "source": "en", "target": "de", "api_key": "' + token.encode() + b'"',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"].startswith("the request body is not valid JSON")


def test_a_utf8_body_with_a_byte_order_mark_is_still_read(served):
    client, _, _ = served
    answer = client.post(
        "/v1/translate",
        content='\ufeff{"segments": ["a"]}'.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 200, answer.text
