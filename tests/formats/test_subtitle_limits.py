from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.formats.subtitle_cues import Cue
from ltmt.formats.subtitle_limits import Limits, reading_speed


@pytest.mark.parametrize(
    ("lines", "seconds", "limits", "expected"),
    [
        (["Nein."], 1.0, Limits(), {}),
        # tags are not read: 17 characters in a second, at the limit
        (["<i>Jawohl, mein Herr</i>"], 1.0, Limits(), {}),
        (
            ["Jawohl, mein sehr verehrter Herr Kommandant."],
            2.0,
            Limits(),
            {
                "cps": "reads at 22.0 characters a second (at most 17)",
                "line_length": "has a line of 44 characters (at most 42)",
            },
        ),
        (["Eins", "zwei", "drei"], 3.0, Limits(), {"lines": "has 3 lines (at most 2)"}),
        (["Eins", "zwei", "drei"], 3.0, Limits(lines=3), {}),
        (
            ["Nein, danke."],
            0.5,
            Limits(cps=25, line_length=10),
            {
                "line_length": "has a line of 12 characters (at most 10)",
            },
        ),
    ],
)
def test_a_cue_over_its_limits_is_said_with_its_measure(
    lines: list[str], seconds: float, limits: Limits, expected: dict[str, str]
) -> None:
    assert limits.over(Cue(1.0, 1.0 + seconds, lines)) == expected


def test_the_reading_speed_leaves_tags_out() -> None:
    assert reading_speed(Cue(0.0, 2.0, ["<i>Nein.</i>"])) == 2.5


def test_a_limit_of_nothing_is_refused() -> None:
    with pytest.raises(InputError, match=r"^a subtitle limit of 0 lines: give a number above 0$"):
        Limits(lines=0)
