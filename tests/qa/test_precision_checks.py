"""qa's precision check (:mod:`ltmt.qa.precision_checks`)."""

from __future__ import annotations

import pytest

from ltmt.qa.precision_checks import precision_problems


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # regression trial godot, session 66: a changed precision passed qa
        (
            "Speed: %.1f km/h",
            "Tempo: %.2f km/h",
            ["writes %.2f for %.1f: another number of decimals; keep the source's precision"],
        ),
        # the go-i18n trial: Go's %2f is a width, the default precision
        (
            "%.2f GB free",
            "%2f GB frei",
            ["writes %2f for %.2f: another number of decimals; keep the source's precision"],
        ),
        ("%-12s %.2f", "%-28s %.2f", []),  # a width may change
        ("%5.2f", "%8.2f", []),
        ("%1$.1f of %2$.2f", "%2$.2f von %1$.1f", []),  # numbered arguments reordered
        ("%.1f%%", "%.1f %%", []),
        ("%.1f and %.1f", "%.1f", []),  # one lost: the placeholders check's
        ("%.3s", "%.5s", []),  # no float
    ],
)
def test_precision_problems(source: str, target: str, expected: list[str]) -> None:
    assert precision_problems(source, target, {}) == expected
