"""Keys from requests, the failed-attempt limiter, and the 429 it leads to."""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os

import pytest
from fastapi.testclient import TestClient

from ltmt.memory.keys import KeyRing
from ltmt.memory.store import Memory
from ltmt.server import auth
from ltmt.server.app import create_app
from ltmt.server.auth import FAILURES, LOCKED_OUT, Authenticator, FailureLimiter, bearer_token
from ltmt.server.config import ServerConfig
from ltmt.server.errors import ApiError
from ltmt.server.service import Service
from ltmt.server.shared_limits import LimitNames, limit_names, limits_folder

NAMES = LimitNames(bytes(32))


@pytest.mark.parametrize(
    ("header", "token"),
    [(None, None), ("", None), ("Bearer abc", "abc"), ("bearer  abc ", "abc"), ("Bearer ", None)],
)
def test_bearer_token(header, token):
    assert bearer_token(header) == token


def test_a_header_that_is_not_bearer_is_a_401():
    with pytest.raises(ApiError, match="must be 'Bearer <token>'") as caught:
        bearer_token("Basic dXNlcjpwdw==")
    assert caught.value.status == 401


def test_failures_beyond_the_limit_lock_the_address_for_the_window(monkeypatch, tmp_path):
    now = [100.0]
    monkeypatch.setattr("ltmt.server.auth.time.time", lambda: now[0])
    limiter = FailureLimiter(limit=2, window_s=60.0, path=tmp_path / "failures.json", names=NAMES)
    limiter.fail("1.2.3.4")
    assert limiter.retry_after("1.2.3.4") == 0
    now[0] += 10
    limiter.fail("1.2.3.4")
    assert limiter.retry_after("1.2.3.4") == pytest.approx(50.0)
    assert limiter.retry_after("5.6.7.8") == 0
    now[0] += 51
    assert limiter.retry_after("1.2.3.4") == 0
    assert "1.2.3.4" not in (tmp_path / "failures.json").read_text()  # hashed


def test_a_lockout_is_logged_once_with_its_address_and_wait(monkeypatch, tmp_path, caplog):
    """An address locked out left no line in the log: an operator could not tell a broken
    client from an attack, nor for how long customers behind it were refused."""
    now = [100.0]
    monkeypatch.setattr("ltmt.server.auth.time.time", lambda: now[0])
    limiter = FailureLimiter(limit=2, window_s=60.0, path=tmp_path / "failures.json", names=NAMES)
    with caplog.at_level(logging.WARNING, logger="ltmt.server.auth"):
        limiter.fail("1.2.3.4")
        now[0] += 10
        limiter.fail("1.2.3.4")
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "1.2.3.4 locked out for 50 s: 2 wrong keys within 60 s (--auth-failures)")
    ]


def test_the_failures_are_counted_together_by_every_worker(tmp_path):
    """Each worker process of --workers N counted its own: two workers let 38 wrong keys a
    minute through where 20 was the limit. Two limiters on one file are two workers."""
    first, second = (FailureLimiter(3, 60.0, tmp_path / "failures.json", NAMES) for _ in range(2))
    first.fail("1.2.3.4")
    second.fail("1.2.3.4")
    assert first.retry_after("1.2.3.4") == 0
    first.fail("1.2.3.4")
    assert second.retry_after("1.2.3.4") > 0


def test_servers_on_one_store_share_the_count_and_the_lockout_so_the_lowest_limit_wins(tmp_path):
    """Two servers on one store, ``--auth-failures 20`` and ``2``: the strict one's lockout is
    the lenient one's too (as the README and ``--help`` say), so that one client's lockout holds
    whichever server behind a proxy it reaches."""
    path = tmp_path / "failures.json"
    lenient, strict = FailureLimiter(20, 60.0, path, NAMES), FailureLimiter(2, 60.0, path, NAMES)
    lenient.fail("203.0.113.9")
    assert (lenient.retry_after("203.0.113.9"), strict.retry_after("203.0.113.9")) == (0, 0)
    strict.fail("203.0.113.9")  # the second wrong key of the shared count: the strict limit
    assert lenient.retry_after("203.0.113.9") > 59
    assert strict.retry_after("203.0.113.9") > 59


def test_a_lock_out_ends_with_its_window_and_its_file_goes_with_the_count(monkeypatch, tmp_path):
    now = [100.0]
    monkeypatch.setattr("ltmt.server.auth.time.time", lambda: now[0])
    limiter = FailureLimiter(limit=1, window_s=60.0, path=tmp_path / "failures.json", names=NAMES)
    limiter.fail("1.2.3.4")
    assert limiter.retry_after("1.2.3.4") == pytest.approx(60.0)
    assert len(list((tmp_path / "key-lockouts").iterdir())) == 1
    now[0] += 61
    assert limiter.retry_after("1.2.3.4") == 0
    limiter.fail("5.6.7.8")  # counting another address forgets the first
    assert limiter.retry_after("1.2.3.4") == 0
    assert len(list((tmp_path / "key-lockouts").iterdir())) == 1


def test_a_lock_out_file_is_private_and_its_time_is_the_end_of_the_wait(monkeypatch, tmp_path):
    monkeypatch.setattr("ltmt.server.auth.time.time", lambda: 100.0)
    limiter = FailureLimiter(limit=1, window_s=60.0, path=tmp_path / "failures.json", names=NAMES)
    old_umask = os.umask(0)
    try:
        limiter.fail("1.2.3.4")
    finally:
        os.umask(old_umask)
    (made,) = (tmp_path / LOCKED_OUT).iterdir()
    assert made.name == NAMES.of("1.2.3.4") and made.stat().st_mtime == 160.0
    assert made.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / LOCKED_OUT).stat().st_mode & 0o777 == 0o700


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make writing the failure counts fail as on a full disk, whether they are written in
    place (``os.write``) or as a new file renamed over the old one."""

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    monkeypatch.setattr(auth, "write_private_file", full)


def test_a_count_that_cannot_be_written_keeps_the_counts_it_had(monkeypatch, caplog, tmp_path):
    """The failure file was truncated, then written: on a full disk it was left empty, every
    address's count lost."""
    limiter = FailureLimiter(3, 60.0, tmp_path / "failures.json", NAMES)
    limiter.fail("1.2.3.4")
    counted = (tmp_path / "failures.json").read_bytes()
    with monkeypatch.context() as full, caplog.at_level(logging.WARNING):
        fill_the_disk(full)
        limiter.fail("1.2.3.4")
    assert (tmp_path / "failures.json").read_bytes() == counted
    assert "cannot count a wrong key from 1.2.3.4" in caplog.text
    assert "No space left on device" in caplog.text


def test_a_wrong_key_is_a_403_when_its_count_cannot_be_written(monkeypatch, tmp_path):
    """It was a 500 with a traceback, the disk's OSError."""
    limiter = FailureLimiter(3, 60.0, tmp_path / "failures.json", NAMES)
    with Memory(tmp_path / "store") as memory:
        authenticator = Authenticator(KeyRing(memory), limiter)
        with monkeypatch.context() as full:
            fill_the_disk(full)
            with pytest.raises(ApiError, match=r"^the API key is not valid") as refused:
                authenticator.check("wrong", "1.2.3.4")
    assert refused.value.status == 403


def test_only_a_wrong_key_reads_the_failure_file(monkeypatch, tiny_model_dir, tmp_path):
    """Every request read the failures file under its lock (however many addresses it
    counted) to learn whether its address was locked out, one with a good key too."""
    from ltmt.server import auth

    reads = []
    real = auth._read
    monkeypatch.setattr(auth, "_read", lambda fd: reads.append(fd) or real(fd))
    with Memory(tmp_path / "store") as memory:
        good = KeyRing(memory).create("u1")[1]
    config = ServerConfig(model=str(tiny_model_dir), memory_dir=str(tmp_path / "store"))
    with TestClient(create_app(config)) as client:
        for _ in range(3):
            answer = client.get("/v1/memory/stats", headers={"Authorization": f"Bearer {good}"})
            assert answer.status_code == 200
        assert reads == []
        answer = client.get("/v1/memory/stats", headers={"Authorization": "Bearer wrong"})
    assert answer.status_code == 403
    assert len(reads) == 1


def test_an_unreadable_failure_file_starts_the_count_over(tmp_path):
    (tmp_path / "failures.json").write_text('{"half')  # a worker killed while writing it
    limiter = FailureLimiter(1, 60.0, tmp_path / "failures.json", NAMES)
    assert limiter.retry_after("1.2.3.4") == 0
    limiter.fail("1.2.3.4")
    assert limiter.retry_after("1.2.3.4") > 0


def test_wrong_keys_from_one_address_get_429_even_with_a_good_key_then(tiny_model_dir, tmp_path):
    with Memory(tmp_path / "store") as memory:
        good = KeyRing(memory).create("u1")[1]
    config = ServerConfig(
        model=str(tiny_model_dir), memory_dir=str(tmp_path / "store"), auth_failures=3
    )
    with TestClient(create_app(config)) as client:
        codes = [
            client.get(
                "/v1/memory/stats", headers={"Authorization": f"Bearer wrong{i}"}
            ).status_code
            for i in range(4)
        ]
        locked = client.get("/v1/memory/stats", headers={"Authorization": f"Bearer {good}"})
        missing = client.get("/v1/memory/stats")
    assert codes == [403, 403, 403, 429]
    assert locked.status_code == 429
    assert locked.json()["error"].startswith(
        "too many failed key attempts from testclient; try again in"
    )
    assert int(locked.headers["retry-after"]) >= 1
    assert missing.status_code == 429


def test_an_encrypted_store_is_served_with_its_key_file(tiny_model_dir, encrypted_store):
    with TestClient(create_app(encrypted_store.config)) as client:
        answer = client.post(
            "/v1/translate",
            json={"segments": ["open the file"]},
            headers={"Authorization": f"Bearer {encrypted_store.token}"},
        )
    assert answer.json()["translations"][0]["text"] == "öffne die Datei"
    with pytest.raises(Exception, match="key"):  # without the key the store does not open
        Service(ServerConfig(model=str(tiny_model_dir), memory_dir=str(encrypted_store.path)))


@pytest.mark.parametrize(
    ("options", "codes"),
    [((), [403, 403, 403, 429]), (("--forwarded-allow-ips", "127.0.0.1"), [403, 403, 403, 403])],
)
def test_the_wrong_key_limit_counts_the_peer_unless_a_proxy_is_named(launch, options, codes):
    """uvicorn trusted X-Forwarded-For from 127.0.0.1: a local client that named another
    address each time was never limited. Behind a named proxy, its header names the client."""
    server = launch("--auth-failures", "3", *options)
    with server.client() as client:
        got = [
            client.get(
                "/v1/memory/stats",
                headers={"Authorization": f"Bearer wrong{i}", "X-Forwarded-For": f"10.0.0.{i}"},
            ).status_code
            for i in range(4)
        ]
    assert got == codes


def test_two_workers_share_the_wrong_key_limit(launch):
    server = launch("--auth-failures", "4", "--workers", "2")
    codes = []
    for i in range(6):  # a connection each: the two workers take turns as they come
        with server.client() as client:
            answer = client.get("/v1/memory/stats", headers={"Authorization": f"Bearer w{i}"})
            codes.append(answer.status_code)
    assert codes == [403, 403, 403, 403, 429, 429]


def test_the_failure_files_do_not_name_an_address_by_its_plain_sha256(tmp_path):
    """`auth-failures.json` held sha256("127.0.0.1")[:32], which hashing every IPv4 address
    undoes."""
    plain = hashlib.sha256(b"127.0.0.1").hexdigest()[:32]
    names = limit_names(limits_folder(tmp_path), None)
    limiter = FailureLimiter(1, 60.0, tmp_path / "limits" / FAILURES, names)
    limiter.fail("127.0.0.1")
    assert limiter.retry_after("127.0.0.1") > 0
    assert list(json.loads((tmp_path / "limits" / FAILURES).read_text())) == [names.of("127.0.0.1")]
    locked_out = [path.name for path in (tmp_path / "limits" / LOCKED_OUT).iterdir()]
    assert locked_out == [names.of("127.0.0.1")] and plain not in locked_out
