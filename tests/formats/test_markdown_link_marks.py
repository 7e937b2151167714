"""A Markdown link's marks in a catalog string: its opening and its target kept, its text
translated; a task list's box kept (:mod:`ltmt.formats.markdown_link_marks`)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.markdown_link_marks import MARKDOWN_MARKS, markdown_paired, task_box
from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags
from ltmt.formats.repair import drop_repeated_tails


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # MyST's messages: a link's opening and its closing with the target, each one
        ("Read the [configuration reference](#config-reference) first.",
         ["[", "](#config-reference)"]),
        ("Details are in the [tutorial](tutorial-first-steps).", ["[", "](tutorial-first-steps)"]),
        ("See [the FAQ](faq.md#why) and [installing](install.md).",
         ["[", "](faq.md#why)", "[", "](install.md)"]),
        # a title, parentheses in the target, an angle-bracketed target, an image
        ('See [docs](https://x.org/a_(b) "The docs") now', ["[", '](https://x.org/a_(b) "The docs")']),
        ("Open [my file](<my file.md>).", ["[", "](<my file.md>)"]),
        ("The ![company logo](img/logo.png) here", ["![", "](img/logo.png)"]),
        # a reference link, a collapsed one; an attribute list glued to the closing with it
        ("Read [the manual][docs] now", ["[", "][docs]"]),
        ("Read [the manual][] now", ["[", "][]"]),
        ("See [Install](index.md#install){ .md-button } first.",
         ["[", "](index.md#install){ .md-button }"]),
        # an image in a link: both pairs
        ("[![build status](b.svg)](https://ci.example.org/x)",
         ["[", "![", "](b.svg)", "](https://ci.example.org/x)"]),
        # a task list item's box, with its marker, at a line's start
        ("- [ ] High-contrast theme\n- [x] Dark theme", ["- [ ]", "- [x]"]),
        ("  1. [X] Done", ["  1. [X]"]),
        # no link marks: a format string's field in the target stays the placeholder it was
        ("Read our [privacy policy](%s).", ["%s"]),
        ("Read the [docs]({url}) first", ["{url}"]),
        # an index, a label and a bracket that are no link's
        ("Set matrix[i][j] and table[a][b]", []),
        # BBCode closed later: tags, no reference link
        ("[b][i]Critical[/i] hit[/b]", ["[b]", "[i]", "[/i]", "[/b]"]),
        ("Press [OK] to go on; (see above)", []),
        # an inline closing alone is one still: its shape is no text's
        ("A stray ](here) and [there", ["](here)"]),
        (r"An escaped \[text](x) is text", ["](x)"]),
        ("[ ] not in a list, x - [ ] mid-line", []),
    ],
)  # fmt: skip
def test_markdown_marks_are_placeholders_sent_as_tags(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected
    marks = [p.text for p in find_placeholders(text) if p.kind == "markdown"]
    assert [p.text for p in sent_as_tags(text) if p.kind == "markdown"] == marks


def test_a_reference_closing_without_its_opening_is_text() -> None:
    assert [p.kind for p in find_placeholders("table[a][KEY_JUMP] b][c]")] == ["token"]


@pytest.mark.parametrize(
    ("source", "plain", "inner"),
    [
        ("Read the [configuration reference](#config-reference) first.",
         "Read the configuration reference first.", ["configuration reference"]),
        ("See [Install](index.md#install){ .md-button } first.", "See Install first.",
         ["Install"]),
        ("Read [the manual][docs] now.", "Read the manual now.", ["the manual"]),
    ],
)  # fmt: skip
def test_a_links_text_is_translated_apart_from_its_marks(
    source: str, plain: str, inner: list[str]
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert (paired.text, paired.to_translate) == (plain, inner)


def test_a_link_goes_around_its_texts_translation_its_target_as_written() -> None:
    paired = strip_pairs("Read the [configuration reference](#config-reference) first.")
    assert paired is not None
    placed = place_pairs(
        paired, "Lesen Sie zuerst die Konfigurationsreferenz.", ["Konfigurationsreferenz"]
    )
    assert placed == "Lesen Sie zuerst die [Konfigurationsreferenz](#config-reference)."


def test_the_word_after_a_link_is_not_its_repeated_end() -> None:
    text = "Siehe [Handbuch](guide.md)de."
    assert drop_repeated_tails("See [manual](guide.md)de.", text) == text


@pytest.mark.parametrize(
    ("before", "text", "box"),
    [
        ("- ", "[ ] High-contrast theme", "[ ] "),
        ("  1. ", "[x] Done", "[x] "),
        ("> * ", "[X]  Done", "[X]  "),
        ("", "[ ] not in a list", ""),  # no list marker before it
        ("- ", "[ ]glued", ""),  # no blank after it
        ("- ", "[y] other", ""),
        ("-- ", "[ ] a", ""),
    ],
)
def test_a_task_box_is_one_right_after_a_list_marker(before: str, text: str, box: str) -> None:
    assert task_box(before, text) == box


_ADVERSARIAL = {
    "brackets": "[" * 50_000,
    "openings": "[a" * 25_000,
    "parentheses": "[a](" + "(" * 50_000,
    "nested parentheses": "[a](" + "(b" * 25_000,
    "closings": "](" * 25_000,
    "references": "[a]" * 15_000,
    "long text and target": "[" + "a" * 50_000 + "](" + "b" * 50_000,
    "classes": "[a](b){ " + ".c " * 20_000,
    "kramdown names": "[a](b){: " + "c=d " * 15_000,
    "images": "[![" * 15_000,
    "exclamations": "[!" * 25_000,
    "quotes": "[a](b " + '"' * 50_000,
    "list markers": "\n- " * 20_000,
    "blanks": "- " + " " * 50_000 + "[ ]",
}


@pytest.mark.parametrize("text", _ADVERSARIAL.values(), ids=_ADVERSARIAL.keys())
def test_markdown_marks_are_read_in_linear_time(text: str) -> None:
    """Adversarial lines of 50,000 characters: each part of a mark starts with a sign of its
    own, so none is read two ways (the bound is loose: a shared, loaded machine)."""
    started = time.perf_counter()
    list(markdown_paired(re.finditer(MARKDOWN_MARKS, text)))
    assert time.perf_counter() - started < 1.0


def test_a_myst_messages_link_targets_are_kept_as_written(tmp_path: Path) -> None:
    """The trial's catalog: ``#config-reference`` came back ``#config-Referenz``."""
    source = tmp_path / "guide.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Read the [configuration reference](#config-reference) first."\nmsgstr ""\n\n'
        'msgid "See [Install](index.md#install){ .md-button } first."\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "guide.de.po"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert 'msgstr "READ THE [CONFIGURATION REFERENCE](#config-reference) FIRST."' in written
    assert 'msgstr "SEE [INSTALL](index.md#install){ .md-button } FIRST."' in written
