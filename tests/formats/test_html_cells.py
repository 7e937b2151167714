"""A table's cells with block HTML: each block translated as an HTML page's run, the cell
written back in its own structure; a cell without block markup one unit, as before."""

from __future__ import annotations

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import Unit
from ltmt.formats.html_cells import has_blocks, translate_cells


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("<h3>Features</h3><ul><li>Mesh</li></ul>", True),
        ("<p>Non-slip.</p>", True),
        ("First line<BR>second line", False),
        ("<p>First line<br>second line</p>", True),
        ('<td class="x">Size</td>', True),
        ("Non-slip, <b>6 mm</b> thick.", False),
        ("Press <Enter> or <pre>", False),
        ("if a < b", False),
    ],
)
def test_a_cell_has_blocks_where_an_element_makes_one(text: str, blocks: bool) -> None:
    assert has_blocks(text) is blocks


def test_each_block_is_translated_alone_and_the_cell_keeps_its_structure() -> None:
    model = FakeModel()
    units = [
        Unit("1", "<h3>Features</h3><ul><li>Breathable mesh</li><li>Sizes S, M, L</li></ul>"),
        Unit("2", "Non-slip, <b>6 mm</b> thick."),
        Unit("3", "<p>6 mm &amp; <b>non-slip</b>.</p>\n<ul><li>Eco-friendly</li></ul>"),
    ]
    outcomes = translate_cells(units, model)
    assert [outcome.unit for outcome in outcomes] == units
    assert [outcome.text for outcome in outcomes] == [
        "<h3>FEATURES</h3><ul><li>BREATHABLE MESH</li><li>SIZES S, M, L</li></ul>",
        "NON-SLIP, <b>6 MM</b> THICK.",
        "<p>6 MM &amp; <b>NON-SLIP</b>.</p>\n<ul><li>ECO-FRIENDLY</li></ul>",
    ]
    assert all(outcome.ok for outcome in outcomes)
    assert "Features" in model.seen and "Breathable mesh" in model.seen
    assert not any("<ul>" in text or "<li>" in text for text in model.seen)


def test_a_cell_of_block_markup_without_words_stays_as_it_is() -> None:
    model = FakeModel()
    (outcome,) = translate_cells([Unit("1", "<ul><li>42</li></ul>")], model)
    assert outcome.text == "<ul><li>42</li></ul>" and model.calls == 0


def test_a_cell_whose_only_markup_is_a_line_break_is_one_unit() -> None:
    model = FakeModel()
    source = "<b>Note:</b> it's <i>fast</i><br>Shipping & returns, 5 < 10"
    (outcome,) = translate_cells([Unit("1", source)], model)
    assert model.seen[0] == source
    assert outcome.text == "<b>NOTE:</b> IT'S <i>FAST</i><br>SHIPPING & RETURNS, 5 < 10"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("<p>Shipping & returns</p><p>a > b</p>", "<p>SHIPPING & RETURNS</p><p>A > B</p>"),
        ("<p>Save &amp; close</p><p>a &gt; b</p>", "<p>SAVE &amp; CLOSE</p><p>A &gt; B</p>"),
        (
            "<p>Ask & see</p><ul><li>R&amp;D</li></ul>",
            "<p>ASK &amp; SEE</p><ul><li>R&amp;D</li></ul>",
        ),
        ("<p>x &lt; y, R&D</p>", "<p>X &lt; Y, R&D</p>"),
    ],
)
def test_a_cell_of_blocks_is_written_back_escaped_as_it_was(cell: str, written: str) -> None:
    (outcome,) = translate_cells([Unit("1", cell)], FakeModel())
    assert outcome.text == written


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>5 < 10 and 7 > 3</p>", "<p>5 < 10 AND 7 > 3</p>"),
        ("<p>x<5 and y >3</p>", "<p>X<5 AND Y >3</p>"),
        ("<p>5 &lt; 10 and 7 &gt; 3</p>", "<p>5 &lt; 10 AND 7 &gt; 3</p>"),
    ],
)
def test_a_bare_comparison_sign_in_block_html_is_text_and_comes_back(
    source: str, expected: str
) -> None:
    model = FakeModel()
    (outcome,) = translate_cells([Unit("1", source)], model)
    assert outcome.text == expected and outcome.ok


def test_a_cell_too_broken_to_read_as_html_is_named_in_the_error() -> None:
    units = [Unit("0", "<p>Fine</p>"), Unit("1", "<p>Hi</p>" + "<!--" * 20_000)]
    with pytest.raises(InputError, match=r"^entry 2: line 1: 20,000 '<' that open a tag"):
        translate_cells(units, FakeModel())
