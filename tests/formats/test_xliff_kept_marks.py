"""A translation an XLIFF unit keeps, marked for review as it is (:mod:`ltmt.formats.
xliff_kept_marks`), through :meth:`XliffDocument.mark_kept_for_review`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.xliff_document import XliffDocument

SDL = ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'
MQ = ' xmlns:mq="MQXliff"'


def xliff12(units: str, namespaces: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"{namespaces}>'
        '<file original="a" source-language="en" target-language="de" datatype="plaintext">'
        f"<body>\n{units}\n</body></file></xliff>"
    )


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        (  # no state (a PrestaShop catalog's): trial s73
            xliff12('<trans-unit id="a"><source>Cart</source><target>Korb</target></trans-unit>'),
            '<target state="needs-review-translation">Korb</target>',
        ),
        (  # a memory match's qualifier said how it matched an older source: dropped
            xliff12(
                '<trans-unit id="a"><source>Cart</source><target state="translated" '
                'state-qualifier="exact-match">Korb</target></trans-unit>'
            ),
            '<target state="needs-review-translation">Korb</target>',
        ),
        (  # Trados: its segment's Draft, its origin kept
            xliff12(
                '<trans-unit id="a"><source>Cart</source><seg-source><mrk mtype="seg" mid="1">'
                'Cart</mrk></seg-source><target><mrk mtype="seg" mid="1">Korb</mrk></target>'
                '<sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="interactive"/>'
                "</sdl:seg-defs></trans-unit>",
                SDL,
            ),
            '<sdl:seg id="1" conf="Draft" origin="interactive"/>',
        ),
        (  # memoQ: the unit Pretranslated, its match rate kept
            xliff12(
                '<trans-unit id="a" mq:status="ManuallyConfirmed" mq:percent="100"><source>Cart'
                '</source><target state="translated">Korb</target></trans-unit>',
                MQ,
            ),
            '<trans-unit id="a" mq:status="Pretranslated" mq:percent="100">',
        ),
        (  # a segment of a segmented unit: the whole target, which holds the state
            xliff12(
                '<trans-unit id="a"><source>Shake. Store.</source><seg-source><mrk mtype="seg" '
                'mid="1">Shake.</mrk> <mrk mtype="seg" mid="2">Store.</mrk></seg-source>'
                '<target state="translated"><mrk mtype="seg" mid="1">Schütteln.</mrk> '
                '<mrk mtype="seg" mid="2">Lagern.</mrk></target></trans-unit>'
            ),
            '<target state="needs-review-translation"><mrk mtype="seg" mid="1">Schütteln.</mrk>',
        ),
        (  # 2.0 has no review state: ltmt's subState, as for its own output
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:'
            'document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="a">'
            "<segment><source>Cart</source><target>Korb</target></segment></unit></file></xliff>",
            '<segment state="translated" subState="ltmt:source-changed">',
        ),
    ],
)
def test_a_kept_target_is_marked_for_review_as_its_tool_reads_a_mark(
    tmp_path: Path, text: str, marked: str
) -> None:
    (tmp_path / "in.xlf").write_text(text, "utf-8")
    document = XliffDocument.open(tmp_path / "in.xlf")
    assert document.mark_kept_for_review(["0"]) == ["0"]
    assert "0" in document.marked_for_review()  # (a segmented unit's other segment too)
    document.save(tmp_path / "out.xlf")
    assert marked in (tmp_path / "out.xlf").read_text("utf-8")


@pytest.mark.parametrize(
    "target",
    [
        '<target state="final">Korb</target>',  # signed off: kept so
        '<target state="needs-review-translation" state-qualifier="mt-suggestion">Korb</target>',
    ],
)
def test_a_signed_off_or_marked_target_is_left_as_it_is(tmp_path: Path, target: str) -> None:
    """A reviewer's sign-off is not undone on the memory's word; a target awaiting review
    already keeps its mark (it was rewritten ``mt-suggestion``, a translator's German too)."""
    text = xliff12(f'<trans-unit id="a"><source>Cart</source>{target}</trans-unit>')
    (tmp_path / "in.xlf").write_text(text, "utf-8")
    document = XliffDocument.open(tmp_path / "in.xlf")
    assert document.mark_kept_for_review(["0"]) == ([] if "final" in target else ["0"])
    document.save(tmp_path / "out.xlf")
    assert (tmp_path / "out.xlf").read_text("utf-8") == text


def test_a_unit_is_named_by_its_sources_line(tmp_path: Path) -> None:
    """As ``ltmt qa`` names it; an ICU message's case by its unit's (its key was its place
    among the units, ``0``, read as an id: trial s73)."""
    units = (
        '<trans-unit id="a"><source>Cart</source></trans-unit>\n'
        '<trans-unit id="b">\n<source>{n, plural, one {# item} other {# items}}</source>'
        "</trans-unit>"
    )
    (tmp_path / "in.xlf").write_text(xliff12(units), "utf-8")
    document = XliffDocument.open(tmp_path / "in.xlf")
    assert [document.unit_name(unit.key) for unit in document.pending()] == [
        "line 3",
        "line 5",
        "line 5",
    ]
