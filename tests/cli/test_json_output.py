"""The CLI's JSON output: indented, its text as written."""

from __future__ import annotations

import logging

import pytest

from ltmt.cli.json_output import echo_json, logged_warnings, warn


def test_json_is_indented_and_keeps_its_letters(capsys: pytest.CaptureFixture[str]) -> None:
    echo_json({"source": "Größe", "ids": [1]})
    assert capsys.readouterr().out == '{\n  "source": "Größe",\n  "ids": [\n    1\n  ]\n}\n'


def test_logged_warnings_are_kept_once_each_in_order() -> None:
    logger = logging.getLogger("ltmt.formats.example")
    with logged_warnings() as warnings:
        logger.warning("b.json: %s", "duplicate key")
        logger.info("not a warning")
        logger.error("worse")
        logger.warning("b.json: %s", "duplicate key")
    logger.warning("after the run")
    assert warnings == ["b.json: duplicate key", "worse"]


def test_a_command_warning_goes_into_the_report_alone_while_one_is_collected(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with logged_warnings() as warnings:
        warn("no memory store at store")
        logging.getLogger("ltmt.formats.example").warning("cut")
    warn("after the run")
    assert warnings == ["no memory store at store", "cut"]
    assert capsys.readouterr().err == "ltmt: warning: after the run\n"
