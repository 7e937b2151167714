"""Laravel's JSON files told from others (:mod:`ltmt.formats.laravel_json`)."""

from __future__ import annotations

import pytest

from ltmt.formats.laravel_json import is_laravel_json, keys_are_english, with_keys_for_empty


@pytest.mark.parametrize(
    ("strings", "laravel"),
    [
        ([(("Log in",), "Log in"), (("Sign up",), "")], True),  # keys = English, one left empty
        ([(("one apple|:count apples",), "one apple|:count apples")], True),
        ([(("OK",), "OK")], False),  # a single word says nothing
        # an English text edited under its key: still Laravel's, where a key is left empty
        ([(("Sign up",), ""), (("Whoops!",), "Whoops, sorry!")], True),
        ([(("Log in",), "Log in"), (("Whoops!",), "Whoops, sorry!")], False),  # none empty
        # most texts not their key: a translation keyed by its English
        ([(("Sign up",), ""), (("Log in",), "Anmelden"), (("Remember me",), "Bleiben")], False),
        ([(("Sign up",), ""), (("auth.failed",), "Wrong")], False),  # a key naming a message
        ([(("Log in",), "Anmelden")], False),  # a translation (or keys of its own)
        ([(("nav", "Log in"), "Log in")], False),  # nested
        ([], False),
    ],
)
def test_is_laravel_json(strings: list[tuple[tuple[str, ...], str]], laravel: bool) -> None:
    assert is_laravel_json(strings) is laravel


@pytest.mark.parametrize(
    ("data", "english"),
    [
        ({"Log in": "Anmelden", "Remember me": "Angemeldet bleiben", "Profile": "Profil"}, True),
        ({"Log in": "Anmelden", "Profile": "Profil", "Dashboard": "Dashboard"}, False),  # words
        ({"auth.failed": "Falsch", "Log in": "Anmelden"}, False),  # a key that names a message
        ({"signUp": "Registrieren", "Log in": "Anmelden"}, False),
        ({"nav": {"Log in": "Anmelden"}}, False),  # nested
        ([], False),
    ],
)
def test_keys_are_english(data: object, english: bool) -> None:
    assert keys_are_english(data) is english


def test_an_empty_value_is_its_key() -> None:
    assert with_keys_for_empty({"Sign up": "", "Log in": "Log in"}) == {
        "Sign up": "Sign up",
        "Log in": "Log in",
    }
