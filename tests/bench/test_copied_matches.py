"""``eval/copied_matches.py``: lines that copy a match of other words, and the words they take."""

from __future__ import annotations

from pathlib import Path

from test_bench_encryption import load_script

from ltmt.segments import Match, Segment

SCRIPT = Path(__file__).parents[2] / "eval" / "copied_matches.py"


def _match(source: str, target: str) -> Match:
    return Match(Segment(1, "u", source, target, 0.0, "t"), 80.0)


def test_a_copy_is_counted_per_line_with_the_words_the_reference_lacks() -> None:
    script = load_script(SCRIPT)
    match = _match("Exit with failure\nNow", "Mit Misserfolg beenden\nJetzt")
    counted = script.copies_and_wrong_words(
        "Exit with success\nNow",
        "Mit Misserfolg beenden\nSofort",
        "Mit Erfolg beenden\nJetzt",
        [match],
    )
    # line 1 copies the match's line (narrowed), line 2 does not; "misserfolg" is the match's
    # word the reference lacks ("beenden" it has)
    assert counted == (1, 1)


def test_an_output_of_its_own_counts_no_copy() -> None:
    script = load_script(SCRIPT)
    match = _match("Exit with failure", "Mit Misserfolg beenden")
    assert script.copies_and_wrong_words(
        "Exit with success", "Mit Erfolg beenden", "Mit Erfolg beenden", [match]
    ) == (0, 0)
