"""Catalogs of double-brace interpolation: told apart from ICU catalogs by their messages."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.double_brace_catalogs import interpolates_in_double_braces


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        (["Delete project '{{name}}'?", "Saved."], True),
        (["Renamed '{{from}}' to '{{to}}'."], True),
        (["Save {{val, currency(EUR)}}", "{{- url}}"], True),
        (['$t(girls, {"count": {{girls}} })'], True),  # a JSON object in braces: no argument
        (["Saved.", "It's done."], False),  # no double-brace field: maybe ICU's quoting
        (["'{{name}}'", "Hello {name}"], False),  # an argument in single braces
        (["'{{name}}'", "{n, number} files"], False),  # a typed argument
        (["'{{name}}'", "{count, plural, one {# file} other {# files}}"], False),
        (["'{{name}}'", "Press '<'Enter'>'"], True),  # FormatJS quoting alone says no ICU
        ([], False),
    ],
)
def test_a_catalog_interpolates_in_double_braces_without_icu_syntax(
    messages: list[str], expected: bool
) -> None:
    assert interpolates_in_double_braces(messages) is expected


@pytest.mark.parametrize(
    "adversarial",
    ["{" * 50_000, "{a" * 50_000, "{{" + "a" * 100_000, "{ a, " * 20_000, "{" + "a." * 50_000],
)
def test_long_adversarial_messages_are_read_in_linear_time(adversarial: str) -> None:
    started = time.perf_counter()
    interpolates_in_double_braces(["{{name}}", adversarial])
    assert time.perf_counter() - started < 1.0
