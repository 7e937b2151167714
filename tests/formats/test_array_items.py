"""Lining up an array's items with its output's by the sources ltmt wrote them for."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.array_items import arrays, line_up_items
from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import OutputSources, Record
from ltmt.formats.pipeline import translate_file
from ltmt.formats.recorded_places import UNPLACED

ITEM = re.compile(r"(?P<array>.+)\[(?P<index>\d+)\]")


def _record(sources: list[str]) -> Record:
    """The record of ltmt's upper-cased translation of ``sources``, the items of ``p``."""
    return Record.of([(Unit(f"p[{i}]", s), s.upper()) for i, s in enumerate(sources)], b"k")


def _keys(texts: list[str]) -> dict[str, str]:
    return {f"p[{i}]": text for i, text in enumerate(texts)}


def test_arrays_are_the_items_keys_by_array_in_index_order() -> None:
    keys = ["t", "p[10]", "p[2]", "q#one", "a[product=tablet][0]"]
    assert arrays(keys, ITEM) == {
        "p": ["p[2]", "p[10]"],
        "a[product=tablet]": ["a[product=tablet][0]"],
    }


@pytest.mark.parametrize(
    ("ours", "theirs", "values", "moved"),
    [
        # Minor inserted: the reviewer's Mittel stays with Normal; Minor has none
        (
            ["Low", "Minor", "Normal", "High"],
            ["LOW", "Mittel", "HIGH"],
            {"p[0]": "LOW", "p[2]": "Mittel", "p[3]": "HIGH"},
            {"p[2]": "p[1]", "p[3]": "p[2]"},
        ),
        # Low removed: every item moves up one
        (
            ["Normal", "High"],
            ["LOW", "Mittel", "HIGH"],
            {"p[0]": "Mittel", "p[1]": "HIGH"},
            {"p[0]": "p[1]", "p[1]": "p[2]"},
        ),  # (LOW, the removed English's, is dropped)
        # Normal's English changed in place: by place, as before
        (
            ["Low", "Medium", "High"],
            ["LOW", "Mittel", "HIGH"],
            {"p[0]": "LOW", "p[1]": "Mittel", "p[2]": "HIGH"},
            {},
        ),
        # High added at the end: by place, as before
        (
            ["Low", "Normal", "High", "Top"],
            ["LOW", "Mittel", "HIGH"],
            {"p[0]": "LOW", "p[1]": "Mittel", "p[2]": "HIGH"},
            {},
        ),
    ],
)
def test_items_follow_the_english_they_were_written_for(
    ours: list[str], theirs: list[str], values: dict[str, str], moved: dict[str, str]
) -> None:
    lined = line_up_items(_keys(theirs), _keys(ours), _record(["Low", "Normal", "High"]), ITEM)
    assert lined.values == values
    assert lined.output_keys == moved
    assert lined.unplaced == []
    assert lined.dropped == ([] if len(ours) > 2 else ["p[0]"])


def test_an_item_replaced_by_two_stands_for_neither() -> None:
    record = _record(["Low", "Normal", "High"])
    found = _keys(["LOW", "Mittel", "HIGH"])
    lined = line_up_items(found, _keys(["Low", "Minor", "Medium", "High"]), record, ITEM)
    assert lined.values == {"p[0]": "LOW", "p[3]": "HIGH"}
    assert lined.dropped == ["p[1]"]


@pytest.mark.parametrize(
    ("record", "item_key", "is_array"),
    [
        (None, ITEM, True),  # no record: which English each German was for cannot be told
        (_record(["Low", "Normal", "High"]), None, True),  # a format without arrays
        (_record(["Low", "Normal", "High"]), ITEM, False),  # an object keyed by numbers
    ],
)
def test_items_are_taken_by_key_where_nothing_tells_otherwise(
    record: Record | None, item_key: re.Pattern[str] | None, is_array: bool
) -> None:
    found = {**_keys(["LOW", "Mittel", "HIGH"]), "p#one": "EIN"}
    sources = {**_keys(["Low", "Minor", "Normal", "High"]), "p#one": "One"}
    lined = line_up_items(found, sources, record, item_key, lambda _: is_array)
    assert lined.values == found and lined.output_keys == {}


def test_a_reviewed_copy_whose_items_the_record_does_not_hold_lines_up_by_its_texts() -> None:
    """An output put there since, one item shorter than the record's: its places are not the
    record's, so its items line up by the texts ltmt wrote for one English, and an item whose
    English cannot be told (the reviewer's Mittel beside the inserted Minor) is not kept."""
    record = _record(["Low", "Normal", "High", "Top"])
    found = _keys(["LOW", "Mittel", "HIGH"])
    lined = line_up_items(found, _keys(["Low", "Minor", "Normal", "High"]), record, ITEM)
    assert lined.values == {"p[0]": "LOW", "p[3]": "HIGH"}
    assert lined.output_keys == {"p[0]": UNPLACED + "p[0]", "p[3]": UNPLACED + "p[2]"}
    assert lined.unplaced == ["p[1]"]


ANDROID = """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string-array name="prio">
{items}    </string-array>
    <plurals name="days">
        <item quantity="one">One day</item>
        <item quantity="other">%d days</item>
    </plurals>
</resources>
"""


def _android(items: list[str]) -> str:
    return ANDROID.format(items="".join(f"        <item>{item}</item>\n" for item in items))


def _android_items(text: str) -> list[str]:
    return re.findall(r"<item>([^<]*)</item>", text)


def _json(items: list[str]) -> str:
    return json.dumps({"prio": items, "title": "Open"}, indent=2, ensure_ascii=False) + "\n"


def _json_items(text: str) -> list[str]:
    return list(json.loads(text)["prio"])


def _yaml(items: list[str]) -> str:
    return "prio:\n" + "".join(f"  - {item}\n" for item in items) + "title: Open\n"


def _yaml_items(text: str) -> list[str]:
    return re.findall(r"^  - (.*)$", text, re.MULTILINE)


FORMATS = [
    ("strings.xml", _android, _android_items),
    ("en.json", _json, _json_items),
    ("en.yml", _yaml, _yaml_items),
]


@pytest.mark.parametrize(("name", "write", "items"), FORMATS)
def test_a_reviewed_item_stays_with_its_english_when_an_item_is_inserted_before_it(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    name: str,
    write,
    items,  # type: ignore[no-untyped-def]
) -> None:
    """Trial s75: Minor inserted after Low moved the reviewer's Mittel (for Normal) onto Minor,
    and Normal was translated again, with a prose warning alone."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / name, tmp_path / f"de{Path(name).suffix}"
    source.write_text(write(["Low", "Normal", "High"]), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("NORMAL", "Mittel"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)  # CI: nothing changes
    source.write_text(write(["Low", "Minor", "Normal", "High"]), "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert items(output.read_text("utf-8"))[:4] == ["LOW", "MINOR", "Mittel", "HIGH"]
    assert caplog.text == ""
    source.write_text(write(["Minor", "Normal", "High"]), "utf-8")  # Low removed
    translate_file(source, output, FakeModel(), output_sources=records)
    assert items(output.read_text("utf-8"))[:3] == ["MINOR", "Mittel", "HIGH"]


def test_an_edited_item_whose_english_was_replaced_by_two_is_translated_again_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "strings.xml", tmp_path / "de.xml"
    source.write_text(_android(["Low", "Normal", "High"]), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("NORMAL", "Mittel"), "utf-8")
    source.write_text(_android(["Low", "Minor", "Medium", "High"]), "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    written = output.read_text("utf-8")
    assert _android_items(written)[:4] == ["LOW", "MINOR", "MEDIUM", "HIGH"]
    assert "1 edited translation replaced (prio[1])" in caplog.text
    assert '<item quantity="one">ONE DAY</item>' in written  # plurals keyed by quantity
