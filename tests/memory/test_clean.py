"""The filters on the way into a memory: the reasons, metadata, one pair's error, an import's
screening (counted reasons, the first few positions)."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.memory.clean import (
    BAD_METADATA,
    MAX_EXAMPLES,
    UNMATCHED_CUE,
    CleanConfig,
    check_metadata,
    check_pair,
    clean_pair,
    screen_pairs,
)
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("source", "target", "reason"),
    [
        ("Open the file", "Datei öffnen", None),
        ("URL", "Adresse (URL)", None),  # the smoothing keeps short strings acceptable
        (" \t", "leer", "empty source"),
        ("x", "", "empty target"),
        ("lone \ud800", "kaputt", "broken encoding"),
        ("x", "kaputt \ufffd", "broken encoding"),
        ("OK", "far, far too long to be the translation of OK", "length ratio"),
    ],
)
def test_check_pair_names_the_reason(source: str, target: str, reason: str | None) -> None:
    assert check_pair(source, target) == reason


def test_too_long_and_the_thresholds() -> None:
    assert check_pair("a" * 11, "b" * 11, CleanConfig(max_chars=10)) == "too long"
    assert check_pair("OK", "o" * 40, CleanConfig(max_length_ratio=100.0)) is None
    with pytest.raises(ValueError, match=r"max_length_ratio must be >= 1, got 0\.5"):
        CleanConfig(max_length_ratio=0.5)


def test_metadata_is_a_json_mapping() -> None:
    assert check_metadata(None) == {}
    assert check_metadata({"context": "menu", "plural": 1}) == {"context": "menu", "plural": 1}
    with pytest.raises(ValueError, match="metadata must be a mapping, got list"):
        check_metadata(["context"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="metadata is not JSON-serialisable"):
        check_metadata({"when": object()})


def test_one_pair_that_fails_is_an_error_naming_the_user() -> None:
    assert clean_pair("u", "a", "b", {"n": 1}) == ("a", "b", {"n": 1})
    with pytest.raises(InputError, match=r"cannot add to 'u': the target is empty"):
        clean_pair("u", "a", " ", None)
    with pytest.raises(InputError, match=r"cannot add to 'u': metadata is not JSON-serialisable"):
        clean_pair("u", "a", "b", {"when": object()})


def test_an_import_counts_what_it_skips_and_names_the_first_few() -> None:
    records: list[PairRecord | tuple[str, str]] = [
        ("Open the file", "Datei öffnen"),
        ("", "leer"),  # a tuple has no position: its number in the input
        PairRecord("a", "b", "f.po:7", metadata={"when": object()}),
        *[PairRecord("x", "", f"f.po:{n}") for n in range(10, 10 + MAX_EXAMPLES)],
    ]
    screened = screen_pairs(records)
    assert screened.kept == [("Open the file", "Datei öffnen", {})]
    assert screened.read == 2 + 1 + MAX_EXAMPLES
    assert screened.skipped == {"empty source": 1, BAD_METADATA: 1, "empty target": MAX_EXAMPLES}
    assert len(screened.examples) == MAX_EXAMPLES
    assert screened.examples[:3] == (
        "#2: empty source",
        "f.po:7: bad metadata",
        "f.po:10: empty target",
    )


def test_a_record_its_file_could_not_pair_is_counted_under_why() -> None:
    """A subtitle cue with no cue at its time in the other file was an "empty target"."""
    unmatched = PairRecord("Halt!", "", "en.srt: cue 3", unpaired=UNMATCHED_CUE)
    screened = screen_pairs([unmatched, PairRecord("Open", "", "de.po:4")])
    assert screened.skipped == {UNMATCHED_CUE: 1, "empty target": 1}
    assert screened.examples == ("en.srt: cue 3: unmatched cue", "de.po:4: empty target")


def test_a_side_that_is_not_text_stops_the_import() -> None:
    with pytest.raises(InputError, match=r"source and target must be strings, got \(int, str\)"):
        screen_pairs([("a", "b"), (1, "x")])  # type: ignore[list-item]


def test_an_import_takes_mappings_and_tuples_with_metadata() -> None:
    # an app's JSON records as they come (their other keys the metadata, as a JSONL line's)
    screened = screen_pairs(
        [
            {"source": "Open the file", "target": "Datei öffnen", "context": "menu"},
            ("Save", "Speichern", {"note": "a button"}),
            ["Close", "Schließen"],
        ]
    )
    assert screened.kept == [
        ("Open the file", "Datei öffnen", {"context": "menu"}),
        ("Save", "Speichern", {"note": "a button"}),
        ("Close", "Schließen", {}),
    ]


@pytest.mark.parametrize(
    ("records", "message"),
    [
        # two-character strings unpacked into a pair stored ("o", "k") before
        (["ok", "no"], r"records: item 1 is a str 'ok', not a \(source, target\) pair"),
        ("ok", "records must be an iterable of pairs, not one str"),
        ({"source": "a", "target": "b"}, "records must be an iterable of pairs, not one dict"),
        ([{"src": "a", "tgt": "b"}], "records: item 1 is a dict, not a"),
        ([("a", "b"), ("a", "b", "c")], r"records: item 2 is a tuple \('a', 'b', 'c'\), not a"),
        ([None], "records: item 1 is a NoneType, not a"),
    ],
)
def test_a_record_that_is_no_pair_stops_the_import(records: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        screen_pairs(records)  # type: ignore[arg-type]


def test_a_side_that_is_not_text_is_named_by_its_item_number() -> None:
    """The 3001st record of a generator was named by its types alone."""
    records = (("a", "b") if n < 3000 else ("x", 5) for n in range(3001))
    with pytest.raises(
        InputError,
        match=r"^records: item 3001: source and target must be strings, got \(str, int\)$",
    ):
        screen_pairs(records)  # type: ignore[arg-type]
