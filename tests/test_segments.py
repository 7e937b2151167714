"""The value types: results an application keeps in sets and prints."""

from __future__ import annotations

from ltmt.segments import Match, PairRecord, Segment, Translation


def test_results_with_metadata_are_hashable_and_print_their_text() -> None:
    segment = Segment(1, "u1", "Open", "Öffnen", 0.0, "api", {"context": "menu"})
    same = Segment(1, "u1", "Open", "Öffnen", 0.0, "api", {"context": "menu"})
    translation = Translation("Open", "Öffnen", (Match(segment, 100.0),), method="exact")
    assert hash(segment) == hash(same) and segment == same
    assert segment != Segment(1, "u1", "Open", "Öffnen", 0.0, "api", {"context": "title"})
    assert len({translation, Translation("Open", "Öffnen", (Match(same, 100.0),), "exact")}) == 1
    assert hash(PairRecord("Open", "Öffnen", "a.po:3", {"flags": "c-format"}))
    assert str(translation) == "Öffnen"
    assert repr(translation).startswith("Translation(source='Open', text='Öffnen'")


def test_a_match_says_its_segments_source_and_target() -> None:
    """``Match`` had no ``source``/``target`` (the server's JSON writes a match flat)."""
    match = Match(Segment(3, "u1", "Open the file", "Datei öffnen", 0.0, "api"), 90.0)
    assert (match.source, match.target) == ("Open the file", "Datei öffnen")
