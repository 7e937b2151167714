"""What ``ltmt serve`` gives uvicorn."""

from __future__ import annotations

import pytest

from ltmt.cli.main import run
from ltmt.cli.serve import request_megabytes, uvicorn_settings
from ltmt.server.file_slots import RETRY_AFTER_S


def test_a_connection_outlasts_the_retry_after_a_client_is_told() -> None:
    """uvicorn's keep-alive of 5 s equalled the file slots' ``Retry-After: 5``: a client that
    waited it and asked again on the same connection could find it closed under its request."""
    settings = uvicorn_settings("127.0.0.1", 8080, 30.0, None)
    assert isinstance(settings["timeout_keep_alive"], int)
    assert settings["timeout_keep_alive"] > RETRY_AFTER_S
    assert (settings["host"], settings["port"], settings["proxy_headers"]) == (
        "127.0.0.1",
        8080,
        False,
    )


def test_a_named_proxy_turns_its_headers_on() -> None:
    settings = uvicorn_settings("0.0.0.0", 80, 30.0, "10.0.0.1")
    assert (settings["proxy_headers"], settings["forwarded_allow_ips"]) == (True, "10.0.0.1")


def test_a_mistyped_proxy_address_stops_the_server_in_one_line(tmp_path, capsys) -> None:
    """``--forwarded-allow-ips 127.0.0.l`` started a server that trusted no proxy."""
    store = tmp_path / "nowhere"
    with pytest.raises(SystemExit) as stop:
        run(["serve", "--memory-dir", str(store), "--forwarded-allow-ips", "127.0.0.l"])
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("ltmt: error: --forwarded-allow-ips entry '127.0.0.l' is not an IP")
    assert err.count("\n") == 1
    assert not store.exists()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "'0' MB is under one byte and would refuse every request; give a size above 0"),
        ("-5", "'-5' MB is under one byte and would refuse every request; give a size above 0"),
        ("0.0000001", "'0.0000001' MB is under one byte and would refuse every request"),
        ("inf", "'inf' is not a number of megabytes (16, 0.5)"),
        ("16MB", "'16MB' is not a number of megabytes (16, 0.5)"),
    ],
)
def test_a_request_size_of_no_byte_is_a_usage_error_naming_the_option(
    tmp_path, capsys, typed: str, said: str
) -> None:
    """``--max-request-mb 0`` said ``max_body_bytes must be a positive integer, got 0`` (exit
    1), ``-5`` ``got -5242880``: the limit's inner name and a number nobody typed."""
    with pytest.raises(SystemExit) as stop:
        run(["serve", "--memory-dir", str(tmp_path), "--max-request-mb", typed])
    assert stop.value.code == 2  # as --workers 0
    err = capsys.readouterr().err
    assert err.startswith("ltmt: error: Invalid value for '--max-request-mb': " + said)
    assert err.count("\n") == 1


def test_a_request_size_in_megabytes_is_taken_as_given() -> None:
    assert request_megabytes("0.5") == 0.5
    assert request_megabytes(16.0) == 16.0
