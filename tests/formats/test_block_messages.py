"""A PO message of block elements translated block by block (:mod:`ltmt.formats.block_messages`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.formats.block_messages import block_message, message_blocks
from ltmt.formats.documents import Unit
from ltmt.formats.html_cells import translate_cells
from ltmt.formats.pipeline import translate_file
from ltmt.formats.po import read_po
from ltmt.segments import Match, Segment, Translation

KUIT = "<para>Supported formats:</para><list><item>Plain text</item><item>Markdown</item></list>"


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        (KUIT, True),
        ("<item>Plain text</item> <item>Markdown</item>", True),
        ("<p>Save the file.</p>\n<p>Then close it.</p>", True),
        ("<para>One paragraph alone.</para>", False),  # one unit, as before
        ("Supported: <list><item>A</item><item>B</item></list>", False),  # text at the top
        ("The file <filename>%1</filename> is read-only.", False),
        ("<filename>a</filename><filename>b</filename>", False),  # phrases, no blocks
        ("Plain text", False),
    ],
)
def test_a_message_of_block_elements_is_read_block_by_block(text: str, blocks: bool) -> None:
    assert (block_message(text) is not None) is blocks


def test_each_block_is_a_unit_and_kuit_phrases_stay_inside_it() -> None:
    model = FakeModel()
    source = "<para>Open <filename>%1</filename> now:</para><list><item>Plain text</item></list>"
    (outcome,) = translate_cells([Unit("1", source)], model, read=message_blocks)
    assert outcome.text == (
        "<para>OPEN <filename>%1</filename> NOW:</para><list><item>PLAIN TEXT</item></list>"
    )
    assert not any("<list>" in text or "<item>" in text for text in model.seen)


def test_a_po_message_of_blocks_keeps_its_structure(tmp_path: Path) -> None:
    source = tmp_path / "de.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgctxt "@info"\nmsgid "{KUIT}"\nmsgstr ""\n\n'
        'msgid "The file <filename>%1</filename> is read-only."\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "out.po"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de", mark_fuzzy=False)
    assert [record.target for record in read_po(out)] == [
        "<para>SUPPORTED FORMATS:</para><list><item>PLAIN TEXT</item><item>MARKDOWN</item></list>",
        "THE FILE <filename>%1</filename> IS READ-ONLY.",
    ]
    assert "Plain text" in model.seen and "Markdown" in model.seen


WELCOME = "<p>Welcome to our store.</p><p>We ship worldwide.</p>"
WILLKOMMEN = "<p>Willkommen in unserem Shop.</p><p>Wir liefern weltweit.</p>"


def test_a_message_with_a_whole_100_percent_match_is_written_from_it(tmp_path: Path) -> None:
    """Block by block, a memory holding the whole message found no 100 % match
    (``1 exact, 4 fuzzy``, ``Wir liefern weltweit.`` lost); the whole message's match is
    written as stored, as before, and only a message without one goes block by block."""
    stored = Segment(1, "shop", WELCOME, WILLKOMMEN, 0.0, "po", {})

    def exact(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
        found = Translation(WELCOME, WILLKOMMEN, (Match(stored, 100.0),), "exact")
        return [found if text == WELCOME else None for text in texts]

    source, out = tmp_path / "de.po", tmp_path / "out.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "{WELCOME}"\nmsgstr ""\n\n'
        'msgid "<p>Welcome to our store.</p><p>We ship to Europe.</p>"\nmsgstr ""\n',
        "utf-8",
    )
    model = FakeModel()
    result = translate_file(source, out, model, exact=exact, exact_approved=True)
    written = out.read_text("utf-8")
    assert f'\n\nmsgid "{WELCOME}"\nmsgstr "{WILLKOMMEN}"' in written  # as stored, not fuzzy
    assert 'msgstr "<p>WELCOME TO OUR STORE.</p><p>WE SHIP TO EUROPE.</p>"' in written
    assert result.report.exact == 1
    assert "We ship worldwide." not in model.seen
