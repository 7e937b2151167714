"""A stored Fluent pair exported as its Fluent text; every other pair exported as stored."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.formats.fluent_written import as_fluent, exported_record
from ltmt.segments import PairRecord, Segment

BRAND = {"{brand_short_name}": "{ -brand-short-name }"}
SIZE = {"{size}": "{ NUMBER($size, minimumFractionDigits: 2) }"}
COUNT = {"%d": "{ $tabCount }"}


@pytest.mark.parametrize(
    ("source", "target", "written", "expected"),
    [
        (
            "{brand_short_name} is currently your default browser",
            "{brand_short_name} ist derzeit der Standard-Browser",
            BRAND,
            (
                "{ -brand-short-name } is currently your default browser",
                "{ -brand-short-name } ist derzeit der Standard-Browser",
            ),
        ),
        (
            "Using {size} MB",
            "Belegt {size} MB",
            SIZE,
            (
                "Using { NUMBER($size, minimumFractionDigits: 2) } MB",
                "Belegt { NUMBER($size, minimumFractionDigits: 2) } MB",
            ),
        ),
        (
            "Close %d tab?",
            "%d Tab schließen?",
            COUNT,
            ("Close { $tabCount } tab?", "{ $tabCount } Tab schließen?"),
        ),
        (  # a string literal that stood for text other than a brace keeps its placeholder
            "Say {value}hi{value}",
            "Sag {value}hallo{value}",
            {"{value}": '{ "\\"" }'},
            ('Say { "\\"" }hi{ "\\"" }', 'Sag { "\\"" }hallo{ "\\"" }'),
        ),
        (  # a brace of the text: a string literal, as ltmt writes it into a Fluent file
            "Use {name} or {",
            "Nimm {name} oder {",
            {"{name}": "{ $name }"},
            ('Use { $name } or { "{" }', 'Nimm { $name } oder { "{" }'),
        ),
    ],
)
def test_a_fluent_pair_is_exported_as_its_fluent_text(
    source: str, target: str, written: dict[str, str], expected: tuple[str, str]
) -> None:
    metadata = {"context": "key", "plural": 0, "placeholders": written}
    exported = as_fluent(PairRecord(source, target, "segment 1", metadata))
    assert (exported.source, exported.target) == expected
    assert exported.metadata == {"context": "key", "plural": 0}  # the map: nothing to name
    assert exported.position == "segment 1"


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {"context": "key"},
        {"placeholders": {}},
        # XLIFF 2.0's placeholders as the file writes them (a TMX export's inline codes)
        {"placeholders": {'<x id="2"/>': '<ph id="2" disp="{name}"/>'}},
        # Markdown's tags as written, for qa
        {"placeholders": {'<a href="x">': '<a href="x">'}},
        {"placeholders": {"{name}": "{ $name } and more"}},  # not one placeable
        {"placeholders": {"{name}": "{ $name"}},  # no placeable at all
        {"placeholders": {"{name}": 3}},  # a hand-made JSON Lines line's
        {"placeholders": ["{ $name }"]},
    ],
)
def test_any_other_pair_is_exported_as_stored(metadata: dict[str, Any]) -> None:
    record = PairRecord("Hello {name} <b>", "Hallo {name} <b>", "segment 2", metadata)
    assert as_fluent(record) is record


def test_json_lines_keeps_the_stored_form_and_its_map_other_formats_the_fluent_text() -> None:
    segment = Segment(
        7,
        "u1",
        "Close %d tab?",
        "%d Tab schließen?",
        1.0,
        "de.ftl",
        {
            "context": "tabs",
            "plural": 0,
            "placeholders": COUNT,
        },
    )
    kept = exported_record(segment, "jsonl")
    assert (kept.source, kept.metadata, kept.stored) == (segment.source, segment.metadata, segment)
    for fmt in ("tmx", "po", "xliff", "xliff2", "tsv", "csv"):
        record = exported_record(segment, fmt)
        assert (record.source, record.target) == (
            "Close { $tabCount } tab?",
            "{ $tabCount } Tab schließen?",
        )
        assert record.stored == segment and record.position == "segment 7"


def test_stray_marker_characters_do_not_make_the_conversion_quadratic() -> None:
    """A NUL in the text (ltmt marks literals with NUL … \\x01) was scanned to the text's end
    from each one: 20,000 took seconds, 100,000 minutes."""
    text = "{a}" + "\0 x" * 100_000 + "\n.{a}"
    metadata = {"placeholders": {"{a}": "{ $a }"}}
    exported = as_fluent(PairRecord(text, text, "", metadata))
    assert exported.source.startswith("{ $a }") and exported.source.endswith('{ "." }{ $a }')
