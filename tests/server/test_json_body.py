"""JSON bodies are read as UTF-8 only (a byte-order mark skipped); what else is wrong with
one is raised as the error it is."""

from __future__ import annotations

import json

import pytest

from ltmt.server.json_body import read_json


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (b'{"q": "Gr\\u00fc\\u00dfe"}', {"q": "Grüße"}),
        ('{"q": "Grüße"}'.encode(), {"q": "Grüße"}),
        ('\ufeff{"q": 1}'.encode(), {"q": 1}),
    ],
)
def test_a_utf8_body_is_read(body, value):
    assert read_json(body) == value


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ('{"q": "Grüße"}'.encode("utf-16"), UnicodeDecodeError),  # json.loads took it
        ('{"q": "Grüße"}'.encode("latin-1"), UnicodeDecodeError),
        (b"[" * 5000 + b"]" * 5000, RecursionError),
        (b'{"q": ', json.JSONDecodeError),
    ],
)
def test_a_body_that_is_not_utf8_json_raises_what_is_wrong(body, error):
    with pytest.raises(error):
        read_json(body)
