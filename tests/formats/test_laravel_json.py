"""Laravel's JSON files told from others (:mod:`ltmt.formats.laravel_json`)."""

from __future__ import annotations

import pytest

from ltmt.formats.laravel_json import is_laravel_json


@pytest.mark.parametrize(
    ("strings", "laravel"),
    [
        ([(("Log in",), "Log in"), (("Sign up",), "")], True),  # keys = English, one left empty
        ([(("one apple|:count apples",), "one apple|:count apples")], True),
        ([(("OK",), "OK")], False),  # a single word says nothing
        ([(("Log in",), "Anmelden")], False),  # a translation (or keys of its own)
        ([(("nav", "Log in"), "Log in")], False),  # nested
        ([], False),
    ],
)
def test_is_laravel_json(strings: list[tuple[tuple[str, ...], str]], laravel: bool) -> None:
    assert is_laravel_json(strings) is laravel
