"""The value types: results an application keeps in sets and prints."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_translation_says_where_the_model_left_it_as_its_source() -> None:
    """``copied``: what ``ltmt translate``'s summary counts ``left as in the source by the
    model``; a reused match, one name kept as written and a text of no words are no copy."""
    assert Translation("Open the file", "Open the file", method="model").copied is True
    assert Translation("Open the file", "Datei öffnen", method="model").copied is False
    assert Translation("Open the file", "Open the file", method="exact").copied is False
    assert Translation("Trackly", "Trackly", method="model").copied is False
    assert Translation("%s: %s", "%s: %s", method="model").copied is False
    # no dictionary for the language: no word named (the server's unknown_words alike)
    assert Translation("Open", "Offnen", method="model", target_language="xx").unknown_words == ()


def test_a_translation_names_the_english_words_it_left() -> None:
    """Session 70: ``Line two`` → ``Line zwei`` said ``copied=False, unknown_words=()`` and
    nothing else; ``english_words`` names what ``ltmt qa``'s english check flags."""
    left = Translation("Line one\nLine two", "Zeile ein\nLine zwei", target_language="de")
    assert left.english_words == ("Line",)
    assert left.to_dict()["english_words"] == ["Line"]
    done = Translation("Line two", "Zeile zwei", target_language="de-CH")
    assert done.english_words == ()
    # a reused translation is the user's own; qa's check reads German alone
    assert replace(left, method="exact").english_words == ()
    assert replace(left, target_language="fr").english_words == ()
    assert replace(left, target_language="").english_words == ()


def test_a_translation_as_a_dict_has_what_the_servers_json_has() -> None:
    """``dataclasses.asdict`` left out ``copied`` and ``unknown_words`` (properties), which the
    server's answer has; ``to_dict`` is what the server builds its JSON from."""
    import json

    from ltmt.server.schemas import TranslationOut

    match = Match(Segment(3, "u1", "Open the file", "Datei öffnen", 0.0, "api"), 90.123)
    translation = Translation("Open the files", "Open the files", (match,), "knn", cut=True)
    done = translation.to_dict()
    assert done["copied"] is True and done["unknown_words"] == [] and done["cut"] is True
    assert done["english_words"] == []  # target language "": none read
    assert done["copies_other_words"] is False
    assert Translation("a", "b", (match,), "knn", copies_other_words=True).to_dict()[
        "copies_other_words"
    ]
    assert done["matches"] == [
        {"id": 3, "source": "Open the file", "target": "Datei öffnen", "score": 90.12}
    ]
    assert json.loads(json.dumps(done)) == done
    served = TranslationOut.of(translation).model_dump()
    assert served == {k: v for k, v in done.items() if k not in ("target_language", "by_sentence")}
