from __future__ import annotations

import pytest

from ltmt.formats.qt_menus import likely_one_menu, placed


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (placed(0, ["a.ui:20"]), placed(5, ["a.ui:29"]), True),
        (placed(0, ["a.ui:20"]), placed(1, ["a.ui:30"]), False),  # 10 lines: another menu
        (placed(0, ["a.ui:20"]), placed(1, ["b.ui:20"]), False),
        (placed(0, ["a.ui:20", "b.ui:5"]), placed(3, ["b.ui:7"]), True),
        (placed(0, []), placed(1, []), True),  # no location: consecutive messages
        (placed(0, []), placed(2, []), False),
        (placed(0, ["a.ui:20"]), placed(1, []), True),
    ],
)
def test_likely_one_menu(first, second, expected) -> None:
    assert likely_one_menu(first, second) is expected
