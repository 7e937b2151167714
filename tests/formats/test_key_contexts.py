"""One key's context compares equal however a format spells it (a Lokalise trial, session 70)."""

from __future__ import annotations

import pytest

from ltmt.formats.key_contexts import key_context, same_context


@pytest.mark.parametrize(
    ("context", "spelled"),
    [
        ("onboarding.subtitle", "onboarding.subtitle"),  # CSV key, XLIFF resname
        ("/onboarding.subtitle", "onboarding.subtitle"),  # flat JSON
        ("/onboarding/subtitle", "onboarding.subtitle"),  # nested JSON
        ("/a~1b", "a/b"),  # a flat JSON key with a "/"
        ("/a~0b", "a~b"),
        ("/a~01", "a~1"),  # "~0" then "1": not a "/"
        ("a/b", "a/b"),  # a CSV key with a "/" is not a Pointer
        ("menu", "menu"),  # a PO msgctxt
        ("/", "/"),  # an empty part is left as written: never "no context"
        ("//a", "//a"),
        ("/a/", "/a/"),
        ("/a~2", "/a~2"),  # no Pointer escape
        ("", ""),
    ],
)
def test_key_context(context: str, spelled: str) -> None:
    assert key_context(context) == spelled


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("/onboarding/subtitle", "onboarding.subtitle", True),
        ("/onboarding.subtitle", "/onboarding/subtitle", True),
        (None, "", True),
        ("/a.b", "/a~1b", False),  # two keys of one flat file: "a.b" and "a/b"
        ("/a/b", "a/b", False),
        ("menu", "", False),
        ("/cancel/defaultMessage", "/cancel/message", False),
    ],
)
def test_same_context(one: str | None, other: str, same: bool) -> None:
    assert same_context(one, other) is same
