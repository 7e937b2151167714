"""The spaces at a paired code's inner edge, kept inside it in the translation."""

from __future__ import annotations

import pytest

from ltmt.formats.pair_edge_spaces import spaces_inside


@pytest.mark.parametrize(
    ("source_inner", "pieces", "expected"),
    [
        # ifu2 trial (session 74): four layout spaces at the end of a plain run
        ("REF 12-345-67    ", ("", "REF 12-345-67", " Rx nur"), ("", "REF 12-345-67    ", "Rx nur")),
        ("\tStart", ("Drücken Sie ", "Start", ""), ("Drücken Sie", "\tStart", "")),
        ("\u00a0kg ", ("5 ", "kg", " netto"), ("5", "\u00a0kg ", "netto")),
        # no space outside that edge in the translation, or one inside already: as it is
        ("Total:  ", ("5 kg ", "Gesamt", ":"), ("5 kg ", "Gesamt", ":")),
        ("Step 1 ", ("", "Schritt 1 ", " los"), ("", "Schritt 1 ", " los")),
        # no space at the source's edge, a space alone, or a line break: as it is
        ("the file", ("Öffnen Sie ", "die Datei", " jetzt"), ("Öffnen Sie ", "die Datei", " jetzt")),
        ("   ", ("a ", "", " b"), ("a ", "", " b")),
        ("Note:\n", ("", "Hinweis:", "\nText"), ("", "Hinweis:", "\nText")),
    ],
)  # fmt: skip
def test_the_spaces_at_a_pairs_inner_edge_move_inside_it(
    source_inner: str, pieces: tuple[str, str, str], expected: tuple[str, str, str]
) -> None:
    assert spaces_inside(source_inner, *pieces) == expected
