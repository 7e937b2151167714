"""The markup around a whole run that someone set in an HTML page's translation (a reviewer's
link to the German landing page) is kept on an update; ltmt's copy follows the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.html_kept_markup import Markup, kept_markups, markup_around
from ltmt.formats.html_segments import segments
from ltmt.formats.output_sources import OutputSources, Record
from ltmt.formats.pipeline import translate_file

PAGE = """<p>Join our demo on Thursday.</p>
<p><a class="btn" title="Book now" href="https://x.io/webinar?a=1&amp;b=2">Save my seat</a></p>
<p><a href="https://x.io/rec">Get the recording</a></p>
"""
OUR_BUTTON = '<a class="btn" title="BOOK NOW" href="https://x.io/webinar?a=1&amp;b=2">'
THEIR_BUTTON = '<a class="btn" title="Jetzt buchen" href="https://x.io/de/webinar?a=1&amp;b=2">'


def _translated(
    tmp_path: Path, records: OutputSources | None, *source_edits: tuple[str, str]
) -> tuple[str, Path]:
    """The page translated, its button localised by a reviewer (link, title and text), the
    source edited by ``source_edits`` and translated again into that output: what is written,
    and the output's path."""
    source, out = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    first = out.read_text("utf-8")
    assert f"{OUR_BUTTON}SAVE MY SEAT</a>" in first
    out.write_text(
        first.replace(OUR_BUTTON, THEIR_BUTTON).replace("SAVE MY SEAT", "Platz sichern"), "utf-8"
    )
    page = PAGE
    for old, new in source_edits:
        page = page.replace(old, new)
    source.write_text(page, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    return out.read_text("utf-8"), out


@pytest.mark.parametrize("recorded", [True, False])
def test_a_reviewer_s_link_around_a_kept_translation_stays(
    tmp_path: Path, recorded: bool, caplog: pytest.LogCaptureFixture
) -> None:
    # trial s74 hubspot: the /de/ link went back to the English page on every update
    records = OutputSources(tmp_path / "records") if recorded else None
    written, _ = _translated(tmp_path, records, ("Thursday", "Friday"))
    assert f"{THEIR_BUTTON}Platz sichern</a>" in written
    # (without a record, an output's every translation is kept: warn_of_no_record)
    assert f"JOIN OUR DEMO ON {'FRIDAY' if recorded else 'THURSDAY'}." in written
    assert "markup around" not in caplog.text


def test_ltmt_s_own_copy_of_the_source_s_link_follows_the_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    written, _ = _translated(tmp_path, records, ("x.io/rec", "x.io/recording"))
    assert '<p><a href="https://x.io/recording">GET THE RECORDING</a></p>' in written
    assert f"{THEIR_BUTTON}Platz sichern</a>" in written
    assert "markup around" not in caplog.text


def test_a_link_set_in_the_output_and_changed_in_the_source_is_kept_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    written, out = _translated(tmp_path, records, ("x.io/webinar?", "x.io/webinar2?"))
    assert f"{THEIR_BUTTON}Platz sichern</a>" in written
    assert (
        f"{out}: the markup around 1 text (a link's address, a class) kept as the output has "
        "it, set there by someone, though the source's changed since ltmt last wrote it "
        '(text2: \'<a class="btn" title="…" href="https://x.io/de/webinar?a=1&amp;b=2">\', '
        "the source's "
        '\'<a class="btn" title="…" href="https://x.io/webinar2?a=1&amp;b=2">\'); '
        "write the source's there to take it"
    ) in caplog.text


def test_a_title_changed_in_the_source_is_translated_in_the_output_s_link(
    tmp_path: Path,
) -> None:
    records = OutputSources(tmp_path / "records")
    source, out = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    out.write_text(out.read_text("utf-8").replace("x.io/webinar", "x.io/de/webinar"), "utf-8")
    source.write_text(PAGE.replace("Book now", "Book it now"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert (
        '<a class="btn" title="BOOK IT NOW" href="https://x.io/de/webinar?a=1&amp;b=2">'
        "SAVE MY SEAT</a>"
    ) in out.read_text("utf-8")


def test_the_link_of_a_text_translated_again_is_the_source_s_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, out = tmp_path / "en.html", tmp_path / "de.html"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    out.write_text(out.read_text("utf-8").replace("x.io/rec", "x.io/de/rec"), "utf-8")
    source.write_text(PAGE.replace("Get the recording", "Watch the recording"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert '<p><a href="https://x.io/rec">WATCH THE RECORDING</a></p>' in out.read_text("utf-8")
    assert (
        f"{out}: the markup around 1 text translated again (a link's address, a class) was "
        "set there by someone and is written as the source's again (text3: "
        "'<a href=\"https://x.io/de/rec\">', the source's '<a href=\"https://x.io/rec\">'); "
        "copy it into the source page, or set it there again"
    ) in caplog.text


@pytest.mark.parametrize(
    ("page", "parts", "holes"),
    [
        ("<p>Plain text</p>", None, None),
        # a language mark in it is written as the target's: the source's markup
        ('<p><a lang="en" href="/x">Home</a></p>', None, None),
        ('<li><a href="/x">Home</a></li>', ('<a href="/x">', "</a>"), ("",)),
        (
            '<p><a href="/x" title="Go"><b>\n Home </b></a></p>',
            ('<a href="/x" title=', "><b>\n ", " </b></a>"),
            ("title", ""),
        ),
        # an element at the run's edge inside the link is part of its markup
        (
            '<p><a href="/x"><img src="i.png" alt="Icon"> Home</a></p>',
            ('<a href="/x"><img src="i.png" alt=', "> ", "</a>"),
            ("alt", ""),
        ),
    ],
)
def test_the_markup_around_a_run(
    page: str, parts: tuple[str, ...] | None, holes: tuple[str, ...] | None
) -> None:
    found = segments(page, "en")
    markup = markup_around(page, found.runs[0], found)
    assert (markup.parts if markup else None, markup.holes if markup else None) == (parts, holes)


def test_markup_is_filled_in_order_and_compared_with_its_holes_named() -> None:
    markup = Markup(('<a href="/x" title=', ">", "</a>"), ("title", ""))
    assert markup.filled(['"Los"'], "Start") == '<a href="/x" title="Los">Start</a>'
    assert markup.text == '<a href="/x" title=\0title\0>\0\0</a>'
    assert markup.opening == '<a href="/x" title="…">'


MINE = Markup(('<a href="/en">', "</a>"), ("",))
THEIRS = Markup(('<a href="/de">', "</a>"), ("",))


@pytest.mark.parametrize(
    ("record", "kept", "unknown"),
    [
        (None, ["text0"], []),  # no record: the output's, as its translations
        (Record.of([], b"k"), ["text0"], ["text0"]),  # a record of before: kept, named
        (Record.of([], b"k", values={"around:text0": THEIRS.text}), [], []),  # ltmt's copy
        (Record.of([], b"k", values={"around:text0": MINE.text}), ["text0"], []),  # someone's
    ],
)
def test_which_markups_are_kept(record: Record | None, kept: list[str], unknown: list[str]) -> None:
    found = kept_markups([("text0", "around:text0", MINE, THEIRS)], record)
    assert (list(found.kept), sorted(found.unknown), found.changed) == (kept, unknown, set())


def test_markup_of_another_shape_is_the_source_s() -> None:
    other = Markup(('<a href="/de" title=', ">", "</a>"), ("title", ""))
    assert kept_markups([("text0", "around:text0", MINE, other)], None).kept == {}
