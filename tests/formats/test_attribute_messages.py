"""A catalog message whose inline HTML has an attribute people read (i18next trial s76)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.attribute_messages import attribute_page
from ltmt.formats.documents import Unit
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ('Click <a href="{{link}}" title="Open settings">here</a>.', True),
        ('<img src="a.png" alt="A cat"> and text', True),
        ('Name: <input aria-label="Your name" placeholder="Jane Doe">', True),
        ('Click <a href="{{link}}">here</a>.', False),  # no value people read
        ('Click <a title="{{name}}">here</a>.', False),  # no word in it
        ("Click <1>here</1>.", False),
        ("title = Open settings", False),  # no tag
        ('Click <a title="Open">here', True),  # an element left open: as a page reads it
    ],
)
def test_a_message_is_a_page_where_a_tag_has_a_value_people_read(text: str, page: bool) -> None:
    assert (attribute_page(Unit("/m", text)) is not None) is page


def test_the_look_for_an_attribute_is_quick_on_adversarial_strings() -> None:
    started = time.perf_counter()
    for text in ("<a" + " " * 100_000, "<a " * 50_000, "<a title" * 20_000, "< title=" * 20_000):
        attribute_page(Unit("/m", text))
    assert time.perf_counter() - started < 2


def test_a_json_messages_title_is_translated_its_tags_kept(tmp_path: Path) -> None:
    source = tmp_path / "en.json"
    source.write_text(
        json.dumps(
            {
                "pw": 'Click <a href="{{link}}" title="Open settings">here</a> to change it.',
                "save": "Click <b>Save</b> to keep it.",
            }
        ),
        "utf-8",
    )
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "pw": 'CLICK <a href="{{link}}" title="OPEN SETTINGS">HERE</a> TO CHANGE IT.',
        "save": "CLICK <b>SAVE</b> TO KEEP IT.",  # one unit, as before
    }
    assert "Open settings" in model.seen


def test_a_po_messages_alt_text_is_translated(tmp_path: Path) -> None:
    source = tmp_path / "de.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "See <img src=\\"a.png\\" alt=\\"the chart\\"> below."\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "out.po"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert 'msgstr "SEE <img src=\\"a.png\\" alt=\\"THE CHART\\"> BELOW."' in out.read_text("utf-8")
