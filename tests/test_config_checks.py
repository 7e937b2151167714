"""ltmt.config: values refused with one wording (bounds, choices)."""

from __future__ import annotations

import math

import pytest

from ltmt.config import check_choice, check_range
from ltmt.errors import ConfigError, InputError


@pytest.mark.parametrize(
    ("value", "bounds", "message"),
    [
        (0, {"at_least": 1}, r"^k must be >= 1, got 0$"),
        (0.0, {"above": 0}, r"^k must be > 0, got 0\.0$"),
        (5, {"at_most": 4}, r"^k must be <= 4, got 5$"),
        (1, {"below": 1}, r"^k must be < 1, got 1$"),
        (1.5, {"at_least": 0, "below": 1}, r"^k must be in \[0, 1\), got 1\.5$"),
        (101, {"at_least": 0, "at_most": 100}, r"^k must be in \[0, 100\], got 101$"),
        (0, {"above": 0, "at_most": 1}, r"^k must be in \(0, 1\], got 0$"),
        (math.nan, {"at_least": 0}, r"^k must be >= 0, got nan$"),
    ],
)
def test_a_value_out_of_range_is_refused_naming_the_bounds(
    value: float, bounds: dict[str, float], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        check_range("k", value, **bounds)


def test_values_within_range_pass_and_the_error_class_is_the_callers() -> None:
    check_range("k", 1, at_least=1)
    check_range("k", 0.5, at_least=0, below=1)
    check_range("k", 100, at_least=0, at_most=100)
    with pytest.raises(InputError, match=r"^candidates must be >= 1, got 0$"):
        check_range("candidates", 0, at_least=1, error=InputError)


def test_a_choice_outside_the_list_is_refused_naming_the_list() -> None:
    check_choice("bf16", "auto", ("auto", "on", "off"))
    with pytest.raises(ConfigError, match=r"^bf16 must be auto, on or off, got 'yes'$"):
        check_choice("bf16", "yes", ("auto", "on", "off"))
