"""The CLI's JSON output: indented, its text as written."""

from __future__ import annotations

import pytest

from ltmt.cli.json_output import echo_json


def test_json_is_indented_and_keeps_its_letters(capsys: pytest.CaptureFixture[str]) -> None:
    echo_json({"source": "Größe", "ids": [1]})
    assert capsys.readouterr().out == '{\n  "source": "Größe",\n  "ids": [\n    1\n  ]\n}\n'
