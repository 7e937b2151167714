"""A JSON string of block HTML (a Zendesk article's ``body``) translated block by block, as a
CSV cell's HTML is, in every flavour of JSON file (:mod:`ltmt.formats.json_html`)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import Unit
from ltmt.formats.json_html import html_value, is_block_html
from ltmt.formats.pipeline import translate_file
from ltmt.segments import Translation

BODY = (
    "<h2>Before you start</h2><p>Only account owners can change billing details.</p>"
    "<ol><li>Go to <strong>Settings &gt; Billing</strong>.</li><li>Click <strong>Download"
    "</strong>.</li></ol><table><tr><td>Team</td><td>$19 / month</td></tr></table>"
)
# trial s76's mini-article.json: the Help Center API's article
ARTICLE = {
    "article": {
        "id": 1,
        "locale": "en-us",
        "source_locale": "en-us",
        "title": "Download invoices",
        "label_names": ["billing", "payments"],
        "body": BODY,
    }
}


@pytest.mark.parametrize(
    ("key", "text", "blocks"),
    [
        ("/article/body", BODY, True),
        ("/msg", "<p>Save the file.</p>", True),  # starts with a block element
        ("/msg", "  <div class='note'><b>Note:</b> saved</div> then", True),
        ("/msg", '<img src="a.png"><p>Saved.</p>', True),  # elements alone, one a block
        ("/msg", "<b>Note:</b><ul><li>A</li></ul>", True),
        ("/msg", "Intro text<p>More</p>", False),  # text first, under a key of messages
        ("/article/body", "Intro text<p>More</p>", True),  # ... under body it is a page
        ("/page/HTML", "Intro<ul><li>A</li></ul>", True),
        ("/content", "Intro<ul><li>A</li></ul>", True),
        ("/article/body", "Click <b>Save</b>.", False),  # inline markup alone
        ("/article/body", "First line<br>second line", False),  # a break is no block
        ("/msg", "Click <b>Save</b> to keep <i>it</i>.", False),
        ("/msg", "<b>Save</b><i>Cancel</i>", False),  # elements, but no block
        ("/msg", "<1>Welcome</1>, <strong>{{name}}</strong>", False),  # i18next's
        ("/msg", "<!-- note --><p>Saved.</p>", False),  # a comment first
        ("/msg", "if a < b and c > d", False),
        ("/msg", "Plain text", False),
        ("a/body", "Intro<p>More</p>", False),  # a Jed message's key, no JSON Pointer
        ("/body~1html", "Intro<p>More</p>", False),  # the key "body/html"
    ],
)
def test_a_string_is_a_page_where_it_holds_block_html(key: str, text: str, blocks: bool) -> None:
    assert (html_value(Unit(key, text)) is not None) is blocks


def test_the_detection_is_quick_on_adversarial_strings() -> None:
    # a string without a block element's start tag is not parsed at all (linear regex)
    started = time.perf_counter()
    for text in (
        "<" * 100_000,
        "<p" * 50_000,
        "<b>" * 30_000 + "text",
        "</p>" * 30_000,
        "<p a='" + "'" * 50_000,
        "<div " + "a=b " * 25_000,
    ):
        assert html_value(Unit("/article/body", text)) is None
    assert time.perf_counter() - started < 2
    # one that has one is scanned once by the HTML parser, as a page is
    started = time.perf_counter()
    assert is_block_html("<p>" * 20_000 + "x")
    assert not is_block_html("x" + "<p>" * 20_000)
    assert is_block_html("<b>a</b>" * 5_000 + "<p>b</p>")
    assert time.perf_counter() - started < 5


def _article(tmp_path: Path, data: object, name: str = "article.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_an_articles_body_is_translated_block_by_block_its_labels_kept_its_locale_de(
    tmp_path: Path,
) -> None:
    source = _article(tmp_path, ARTICLE)
    out = tmp_path / "article.de.json"
    model = FakeModel()
    translate_file(source, out, model, src_lang="en", tgt_lang="de")
    article = json.loads(out.read_text("utf-8"))["article"]
    assert article["body"] == (
        "<h2>BEFORE YOU START</h2><p>ONLY ACCOUNT OWNERS CAN CHANGE BILLING DETAILS.</p>"
        "<ol><li>GO TO <strong>SETTINGS &gt; BILLING</strong>.</li><li>CLICK <strong>DOWNLOAD"
        "</strong>.</li></ol><table><tr><td>TEAM</td><td>$19 / MONTH</td></tr></table>"
    )
    assert "Before you start" in model.seen and "Team" in model.seen
    assert not any("<h2>" in text or "<td>" in text for text in model.seen)
    assert article["label_names"] == ["billing", "payments"]  # search labels, shared
    assert (article["locale"], article["source_locale"]) == ("de", "en-us")
    assert article["title"] == "DOWNLOAD INVOICES"


def test_a_string_of_inline_markup_is_one_unit_as_before(tmp_path: Path) -> None:
    source = _article(tmp_path, {"save": "Click <b>Save</b> to keep it.", "body": "Just text"})
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "save": "CLICK <b>SAVE</b> TO KEEP IT.",
        "body": "JUST TEXT",
    }


def test_a_100_percent_match_of_the_whole_body_is_written_as_stored(tmp_path: Path) -> None:
    # as a PO message of blocks: its blocks alone would each find the whole only as fuzzy
    stored = BODY.replace("Before you start", "Vorab").replace("Team", "Tarif")

    def exact(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
        return [Translation(t, stored, method="exact") if t == BODY else None for t in texts]

    source = _article(tmp_path, ARTICLE)
    out = tmp_path / "article.de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de", exact=exact)
    assert json.loads(out.read_text("utf-8"))["article"]["body"] == stored
    assert model.seen == ["Download invoices"]  # the title alone


def test_a_jed_files_message_of_blocks_is_translated_block_by_block(tmp_path: Path) -> None:
    jed = {
        "domain": "messages",
        "locale_data": {
            "messages": {
                "": {
                    "domain": "messages",
                    "lang": "de",
                    "plural-forms": "nplurals=2; plural=n != 1;",
                },
                "<p>Saved.</p><ul><li>One file</li></ul>": [""],
            }
        },
    }
    source = _article(tmp_path, jed, "de.json")
    out = tmp_path / "de.out.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    messages = json.loads(out.read_text("utf-8"))["locale_data"]["messages"]
    assert messages["<p>Saved.</p><ul><li>One file</li></ul>"] == [
        "<p>SAVED.</p><ul><li>ONE FILE</li></ul>"
    ]
    assert "Saved." in model.seen and "One file" in model.seen
