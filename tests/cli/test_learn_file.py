"""``translate --learn FILE`` checked as ``memory import`` checks a file's pairs
(:mod:`ltmt.cli.learn_file`): a file shifted against the input is refused, the pairs stored
are warned of (trial s76: a shifted reviewer file was learnt without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.cli.learn_file import learned_suspects, refuse_shifted
from ltmt.errors import InputError
from ltmt.memory.clean import DEFAULT_CLEAN

SOURCES = [
    "Do not take more than 3 tablets in 24 hours.",
    "Store below 25 °C.",
    "Take 1 tablet twice daily.",
]
SHIFTED = [
    "Nicht über 25 °C lagern.",
    "Nehmen Sie zweimal täglich 1 Tablette ein.",
    "Nehmen Sie nicht mehr als 3 Tabletten innerhalb von 24 Stunden ein.",
]
ALIGNED = SHIFTED[2:] + SHIFTED[:2]


@pytest.mark.parametrize(
    ("input_path", "against"),
    [(Path("in/learn_src.txt"), "learn_src.txt's"), (None, "the input's")],
)
def test_a_shifted_file_is_refused_naming_its_first_lines(
    input_path: Path | None, against: str
) -> None:
    message = (
        f"^--learn rev.de.txt: its lines read shifted against {against}: line 1's translation "
        "has the numbers of line 2's source \\(lines 1, 2\\); nothing translated or learned: put "
        "each translation on the line of its source and run again$"
    )
    with pytest.raises(InputError, match=message):
        refuse_shifted(Path("in/rev.de.txt"), input_path, SOURCES, SHIFTED)
    refuse_shifted(Path("in/rev.de.txt"), input_path, SOURCES, ALIGNED)  # no error


def test_the_pairs_learned_are_warned_of_as_an_import_warns_of_them() -> None:
    slip = [*ALIGNED[:2], "Nehmen Sie zweimal täglich 2 Tabletten ein."]
    said = learned_suspects(Path("in/rev.de.txt"), Path("in/src.txt"), SOURCES, slip, DEFAULT_CLEAN)
    assert said == [
        "1 pair whose numbers disagree with the source's learned (rev.de.txt:3); list them: "
        "ltmt qa in/rev.de.txt --source-file in/src.txt --check numbers"
    ]
    assert learned_suspects(Path("rev.txt"), None, SOURCES, slip, DEFAULT_CLEAN) == [
        "1 pair whose numbers disagree with the source's learned (rev.txt:3)"
    ]
    assert learned_suspects(Path("rev.txt"), None, SOURCES, ALIGNED, DEFAULT_CLEAN) == []
    # a blank line of both files is no pair; the lines keep their numbers
    blank = learned_suspects(Path("rev.txt"), None, ["", *SOURCES], ["", *slip], DEFAULT_CLEAN)
    assert blank == ["1 pair whose numbers disagree with the source's learned (rev.txt:4)"]
