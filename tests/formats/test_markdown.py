"""Markdown documents: blocks to translate, their inline syntax as markup, written back."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from formats_fakes import FakeModel
from markdown_it import MarkdownIt

from ltmt.errors import InputError, UnalignedTranslationError
from ltmt.formats.documents import open_document
from ltmt.formats.markdown import MarkdownDocument
from ltmt.formats.markdown_inline import markdown
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

SOURCE = """---
title: Demo
---

# Getting started ##

Install it with `pip install ltmt` and run the **first** command.
It reads a *plain* file; see the [guide](https://example.com/a_b "Guide").

> Note: the model
> is small.

1. Open the file
2. Save your work\x20\x20
   before you close it

```bash
ltmt translate hello.txt
```

| Option | What it does |
|---|---|
| `--user` | Chooses the `a\\|b` memory |

Setext title
------------

![logo](img/logo.png) Press <kbd>Ctrl</kbd> \\* 5 &amp; 2 < 3.
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_text(SOURCE, encoding="utf-8")
    return path


def test_units_are_paragraphs_headings_and_cells(source: Path) -> None:
    units = open_document(source).units()
    assert [u.source for u in units] == [
        "Demo",  # the front matter's title
        "Getting started",
        "Install it with <code>pip install ltmt</code> and run the <b>first</b> command. "
        'It reads a <i>plain</i> file; see the <a href="https://example.com/a_b" '
        'title="Guide">guide</a>.',
        "Guide",  # the link's title
        "Note: the model is small.",
        "Open the file",
        "Save your work<br/>before you close it",
        "Option",
        "What it does",
        # (a cell of code alone is no unit)
        "Chooses the <code>a|b</code> memory",  # (GitHub's tables: a pipe escaped even there)
        "Setext title",
        '<img src="img/logo.png" alt="logo"/> Press <kbd>Ctrl</kbd> \\* 5 & 2 < 3.',
        "logo",  # the image's alt text
    ]


def _html(text: str) -> str:
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    return re.sub(r"\s+", " ", rendered)


def test_the_source_as_its_own_translation_renders_as_the_source(source: Path) -> None:
    document = MarkdownDocument.open(source)
    document.fill({u.key: u.source for u in document.units()})
    written = document.translated_text()
    assert _html(written) == _html(SOURCE)
    # each paragraph on one line; everything else as it was
    assert "command. It reads" in written
    assert written.startswith("---\ntitle: Demo\n---\n\n# Getting started ##\n")
    assert "```bash\nltmt translate hello.txt\n```\n" in written
    assert "> Note: the model is small.\n" in written


def test_translate_file_writes_markdown_again(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "README.de.md"
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert result.translated == 13
    written = out.read_text("utf-8")
    assert "# GETTING STARTED ##\n" in written
    assert "INSTALL IT WITH `pip install ltmt` AND RUN THE **FIRST** COMMAND." in written
    assert '[GUIDE](https://example.com/a_b "GUIDE")' in written
    assert "2. SAVE YOUR WORK  \n   BEFORE YOU CLOSE IT\n" in written  # the hard break
    assert "| `--user` | CHOOSES THE `a\\|b` MEMORY |" in written
    assert "SETEXT TITLE\n------------\n" in written
    assert "![LOGO](img/logo.png) PRESS <kbd>Ctrl</kbd> \\* 5 & 2 < 3." in written
    assert "title: DEMO" in written and "ltmt translate hello.txt" in written


def test_an_existing_output_is_the_translation_so_far(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "README.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    edited = out.read_text("utf-8").replace("# GETTING STARTED ##", "# Erste Schritte ##")
    out.write_text(edited, "utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []  # every block has a translation
    assert out.read_text("utf-8") == edited  # the translator's own lines kept


HTML_BLOCKS = """<h1 align="center">My Project</h1>
<p align="center">
  A <b>fast</b> tool. <img src="logo.png" alt="The logo">
</p>

Plain text.

> <p>Quoted <em>HTML</em></p>

<!-- a comment -->
<script>var s = "<p>no</p>";</script>
"""


def test_html_blocks_are_translated_as_html(tmp_path: Path) -> None:
    source = tmp_path / "README.md"
    source.write_text(HTML_BLOCKS, "utf-8")
    assert [u.source for u in open_document(source).units()] == [
        "My Project",
        "A <b>fast</b> tool.",
        "The logo",
        "Plain text.",
        "Quoted <em>HTML</em>",
    ]
    out = tmp_path / "README.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == HTML_BLOCKS.replace("My Project", "MY PROJECT").replace(
        "A <b>fast</b> tool.", "A <b>FAST</b> TOOL."
    ).replace("The logo", "THE LOGO").replace("Plain text.", "PLAIN TEXT.").replace(
        "Quoted <em>HTML</em>", "QUOTED <em>HTML</em>"
    )
    edited = out.read_text("utf-8").replace("MY PROJECT", "Mein Projekt")
    out.write_text(edited, "utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []  # the HTML blocks' translations taken over too
    assert out.read_text("utf-8") == edited
    pairs = list(MarkdownDocument.pairs(out, source_file=source))
    assert ("My Project", "Mein Projekt") in [(p.source, p.target) for p in pairs]
    assert len(pairs) == 5


def test_alt_texts_and_titles_are_written_into_their_own_tags(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text('![A cat](c.png "Cat") near [the docs](u "Read them").\n', "utf-8")
    document = MarkdownDocument.open(path)
    assert [(u.key, u.source) for u in document.units()] == [
        (
            "block0",
            '<img src="c.png" alt="A cat" title="Cat"/> near <a href="u" title="Read them">the '
            "docs</a>.",
        ),
        ("block0:alt0", "A cat"),
        ("block0:title0", "Cat"),
        ("block0:title1", "Read them"),
    ]
    document.fill(
        {  # the model put the link first; a translated title holds quotes
            "block0": '<a href="u" title="Read them">Die Doku</a> bei <img src="c.png" '
            'alt="A cat" title="Cat"/>.',
            "block0:alt0": "Eine Katze",
            "block0:title1": 'Lies "sie"',
        }
    )
    assert document.translated_text() == (
        '[Die Doku](u "Lies \\"sie\\"") bei ![Eine Katze](c.png "Cat").\n'
    )


def test_a_block_translated_as_its_source_is_a_pair(tmp_path: Path) -> None:
    """'Option' translated as 'Option' was dropped, so an import read 16 of 17 blocks and said
    nothing of the 17th; it is a pair, as in a PO catalog or a TMX."""
    source = tmp_path / "guide.md"
    source.write_text("# Option\n\nOpen the file.\n", "utf-8")
    out = tmp_path / "guide.de.md"
    out.write_text("# Option\n\nDatei öffnen.\n", "utf-8")
    pairs = [(p.source, p.target) for p in MarkdownDocument.pairs(out, source_file=source)]
    assert pairs == [("Option", "Option"), ("Open the file.", "Datei öffnen.")]


def test_memory_import_reads_the_block_pairs(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "README.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    pairs = list(MarkdownDocument.pairs(out, source_file=source))
    assert (pairs[1].source, pairs[1].target) == ("Getting started", "GETTING STARTED")
    assert len(pairs) == 13  # (the title, the link's title and the image's alt text with them)
    assert ("logo", "LOGO") in [(pair.source, pair.target) for pair in pairs]
    with pytest.raises(InputError, match="holds one language; give the source-language file"):
        list(MarkdownDocument.pairs(out))
    other = tmp_path / "other.md"
    other.write_text("# One\n\nTwo\n", "utf-8")
    with pytest.raises(
        InputError,
        match=r"its blocks do not line up with .*'s from its line 1 on \(2 blocks, 11 in the "
        r"source: .* an admonition's !!! or :::note\); give as --source-file the file it was "
        r"translated from, and write its marker lines as that file does$",
    ):
        list(MarkdownDocument.pairs(other, source_file=source))


def test_a_changed_marker_line_is_named_where_blocks_do_not_line_up(tmp_path: Path) -> None:
    """A content tab's marker written with the model's quotes (``=== »Linux«``) is a paragraph,
    its body code: qa said to give the source file, which was given."""
    source, translation = tmp_path / "tabs.md", tmp_path / "tabs.de.md"
    source.write_text('=== "Linux"\n\n    Run it.\n', "utf-8")
    translation.write_text("=== »Linux«\n\n    Führen Sie es aus.\n", "utf-8")
    message = re.escape(  # where (the block and its place) and Docusaurus's ::: too
        "tabs.md's from its line 1 on (1 block, 2 in the source: another number of paragraphs, "
        "headings or table cells, or a marker line changed: a snippet's --8<--, a content tab's "
        '=== "Title", an admonition\'s !!! or :::note); give as --source-file the file it was '
        "translated from, and write its marker lines as that file does"
    )
    with pytest.raises(InputError, match=message):
        list(MarkdownDocument.pairs(translation, source_file=source))


@pytest.mark.parametrize(
    ("text", "form"),
    [
        # emphasis around a link's whole text, or around a whole link, goes on the link: nested
        # markup is the model's to garble (it dropped the <i> of <a><i>Read more</i></a>)
        ("[*Read more.*](https://x.org)", '<a href="https://x.org" data-md="in:*">Read more.</a>'),
        ("**[Name](u)** now", '<a href="u" data-md="out:**">Name</a> now'),
        ("[a *b*](u)", '<a href="u">a <i>b</i></a>'),  # part of it: left nested
    ],
)
def test_emphasis_on_a_link_is_the_links(tmp_path: Path, text: str, form: str) -> None:
    path = tmp_path / "doc.md"
    path.write_text(text + "\n", "utf-8")
    document = MarkdownDocument.open(path)
    assert [u.source for u in document.units()] == [form]
    document.fill({u.key: u.source for u in document.units()})
    assert document.translated_text() == text + "\n"


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ("<b>a</b> <i>b</i> <s>c</s>", "**a** *b* ~~c~~"),
        ('<a href="https://x.org/a b">x</a>', "[x](<https://x.org/a b>)"),
        ("<code>a`b</code>", "``a`b``"),
        ("<code>`a</code>", "`` `a ``"),
        ("1 < 2 & 3 &lt;b&gt;", "1 < 2 & 3 &lt;b&gt;"),  # Markdown's references too
        ("Press <Eingabetaste>, <kbd>Alt</kbd>", "Press &lt;Eingabetaste&gt;, <kbd>Alt</kbd>"),
        ("<code>&lt;b&gt; &amp;amp;</code>", "`<b> &amp;`"),
        ("a<br/>b", "a\\\n> b"),
    ],
)
def test_markdown_of_a_tagged_translation(tagged: str, expected: str) -> None:
    assert markdown(tagged, "\\", "> ") == expected


@pytest.mark.parametrize(
    "text",
    [
        "# Title\r\n\r\nOne line.\r\n",  # Windows line ends
        "No final newline",
        "\ufeff# With a byte order mark\n",
        "> - quoted item\n>   more\n> - next\n",
        "1. one\n   - nested *item*\n2. two\n",
        '<div align="center">\n<b>HTML block</b>\n</div>\n\nAfter it.\n',
        '> <p title="A tip">Quoted &amp; <i>HTML</i>\n> text</p>\n',
        '- item\n\n  <div>\n  In a <a href="x">list</a>\n  </div>\n',
        "Text with a [reference][ref] link.\n\n[ref]: https://example.com/r\n",
        "    indented code\n\nText\n***\nMore\n",
        "| a |\n|---|\n| 1 |\n| b \\| c |\n",
        "| License |\n|---|\n| LGPL-2.1<br>_restrictive_ |\n",  # inline HTML in a cell
        "Motivated by it.<br /> Then <br>more.\n",
        '![A "cat"](c.png "The \\"cat\\"") and [docs](u "Read") [again](u "Read").\n',
        "Term  \nnext line\\\nthird\n",
    ],
)
def test_any_document_as_its_own_translation_renders_the_same(tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(text.encode("utf-8"))
    document = MarkdownDocument.open(path)
    document.fill({u.key: u.source for u in document.units()})
    out = tmp_path / "out.md"
    document.save(out)
    written = out.read_bytes().decode("utf-8")
    assert _html(written.lstrip("\ufeff")) == _html(text.lstrip("\ufeff"))
    assert written.startswith("\ufeff") == text.startswith("\ufeff")
    assert ("\r\n" in written) == ("\r\n" in text)


def test_an_autolink_is_written_back_as_one(tmp_path: Path) -> None:
    """``<https://...>`` and ``<me@x.org>`` stay autolinks (they were written back as
    ``[https://...](https://...)``)."""
    source = tmp_path / "a.md"
    source.write_text("Mail <me@x.org> or see <https://a.org/x?y=1> now.\n", "utf-8")
    [unit] = open_document(source).units()
    assert unit.source == (
        'Mail <a href="mailto:me@x.org" data-md="auto">me@x.org</a> or see '
        '<a href="https://a.org/x?y=1" data-md="auto">https://a.org/x?y=1</a> now.'
    )
    assert markdown(unit.source) == "Mail <me@x.org> or see <https://a.org/x?y=1> now."


def test_an_image_alone_in_its_paragraph_gets_its_alt_text_translated(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("Intro text.\n\n![A cat](cat.png)\n\n![](empty.png)\n", "utf-8")
    assert [(u.key, u.source) for u in open_document(source).units()] == [
        ("block0", "Intro text."),
        ("block1:alt0", "A cat"),  # the image's paragraph itself has nothing to translate
    ]
    out = tmp_path / "a.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == "INTRO TEXT.\n\n![A CAT](cat.png)\n\n![](empty.png)\n"


def test_inline_htmls_read_attributes_and_an_image_alone_in_a_cell_are_translated(
    tmp_path: Path,
) -> None:
    """A button's ``aria-label`` and ``title`` in a paragraph's inline HTML, as in an HTML page,
    and a table cell's image's alt text (they were left in English)."""
    source = tmp_path / "a.md"
    source.write_text(
        '<button type="button" aria-label="Close the menu" title="Close">\u00d7</button>\n\n'
        "| Icon | Meaning |\n|------|---------|\n| ![Warning](warn.svg) | Check it |\n"
        "| ![](ok.svg) | Fine |\n",
        "utf-8",
    )
    assert [(u.key, u.source) for u in open_document(source).units()] == [
        ("block0:aria-label0", "Close the menu"),
        ("block0:title0", "Close"),
        ("cell1", "Icon"),
        ("cell2", "Meaning"),
        ("cell4", "Check it"),
        ("cell3:alt0", "Warning"),  # the cell itself has nothing to translate
        ("cell5", "Fine"),
    ]
    out = tmp_path / "a.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        '<button type="button" aria-label="CLOSE THE MENU" title="CLOSE">\u00d7</button>\n\n'
        "| ICON | MEANING |\n|------|---------|\n| ![WARNING](warn.svg) | CHECK IT |\n"
        "| ![](ok.svg) | FINE |\n"
    )


def test_a_reference_link_is_written_back_as_one_with_its_label(tmp_path: Path) -> None:
    """``[manual][docs]``, ``[guide][]`` and ``[faq]`` keep their definitions' labels (they
    were written back as inline links, their definitions left unused)."""
    source = tmp_path / "a.md"
    source.write_text(
        "Read the [manual][docs], the [guide][] and the [faq], or [this](https://t.org).\n\n"
        '[docs]: https://example.com/docs "Docs"\n[guide]: https://g.org\n[faq]: https://f.org\n',
        "utf-8",
    )
    out = tmp_path / "a.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8").splitlines()[0] == (
        "READ THE [MANUAL][docs], THE [GUIDE][guide] AND THE [FAQ][faq], OR [THIS](https://t.org)."
    )


def test_a_reference_image_and_a_raw_html_link_keep_the_sources_syntax(tmp_path: Path) -> None:
    """``![Team photo][team]`` and ``![Logo][]`` were written as inline images (their
    definitions left unused), a raw ``<a href="/feed">`` around an image as ``[<img ...>](/feed)``."""
    source = tmp_path / "a.md"
    source.write_text(
        "![Team photo][team]\n\n![Logo][]\n\n"
        '<a href="/feed"><img src="rss.svg" alt="Our feed"></a> and <a href="/x">more</a>\n\n'
        '[team]: team.jpg "Our team"\n[Logo]: img/logo.png\n',
        "utf-8",
    )
    out = tmp_path / "a.de.md"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "![TEAM PHOTO][team]\n\n![LOGO][Logo]\n\n"
        '<a href="/feed"><img src="rss.svg" alt="OUR FEED"></a> AND <a href="/x">MORE</a>\n\n'
        '[team]: team.jpg "OUR TEAM"\n[Logo]: img/logo.png\n'
    )


def test_character_references_go_to_the_model_as_characters(tmp_path: Path) -> None:
    # "Open&nbsp;the file" was one word to the model, "&rsquo;s" an English possessive;
    # a no-break space comes back as &nbsp;, "&amp;" is "&" as in every format
    source = tmp_path / "a.md"
    source.write_text("It&rsquo;s a caf&eacute;: open&nbsp;the files &amp; folders.\n", "utf-8")
    model = FakeModel()
    translate_file(source, tmp_path / "a.de.md", model, tgt_lang="de")
    assert model.seen == ["It\u2019s a caf\u00e9: open\u00a0the files & folders."]
    written = (tmp_path / "a.de.md").read_text("utf-8")
    assert written == "IT\u2019S A CAF\u00c9: OPEN&nbsp;THE FILES & FOLDERS.\n"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # session 71's regression test: a German amount's no-break space (5\xa0$, which the
        # model here writes before the sign) was written as a reference into the Markdown
        # source ("5&nbsp;$/month", "5&nbsp;$-10&nbsp;$")
        ("It costs $5/month.\n", "It costs\u00a0$5/month.\n"),
        (
            "| Plan | Price |\n| --- | --- |\n| Pro | from $5 |\n",
            "| Plan | Price |\n| --- | --- |\n| Pro | from\u00a0$5 |\n",
        ),
        # a source writing its no-break spaces as references gets them so
        ("Open&nbsp;it for $5.\n", "Open&nbsp;it for&nbsp;$5.\n"),
    ],
)
def test_a_no_break_space_is_written_as_the_source_writes_them(
    tmp_path: Path, text: str, written: str
) -> None:
    source = tmp_path / "a.md"
    source.write_text(text, "utf-8")

    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [t.replace(" $", "\u00a0$") for t in texts]

    translate_file(source, tmp_path / "a.de.md", model, tgt_lang="de")
    assert (tmp_path / "a.de.md").read_text("utf-8") == written


def test_a_definition_lists_term_and_definitions_are_lines_of_their_own(tmp_path: Path) -> None:
    # CommonMark reads "Term" / ": Definition" as one paragraph: it was translated as one
    # sentence and written on one line ("Hier : Definition ...")
    source = tmp_path / "terms.md"
    source.write_text("Printer\n: A device that prints.\n: A person who prints.\n", "utf-8")
    assert [u.source for u in open_document(source).units()] == [
        "Printer",
        "A device that prints.",
        "A person who prints.",
    ]
    translate_file(source, tmp_path / "terms.de.md", FakeModel(), tgt_lang="de")
    assert (tmp_path / "terms.de.md").read_text("utf-8") == (
        "PRINTER\n: A DEVICE THAT PRINTS.\n: A PERSON WHO PRINTS.\n"
    )


def test_a_pages_title_and_description_in_its_front_matter_are_translated(
    tmp_path: Path,
) -> None:
    # a static site shows them; they were left in English
    source = tmp_path / "page.md"
    source.write_text(
        "---\n"
        "title: Printer setup\n"
        'description: "Set it up: a guide"  # shown by search engines\n'
        "summary: 'It''s easy'\n"
        "date: 2026-01-01\n"
        "tags: [printer]\n"
        "---\n\nPlug it in.\n",
        "utf-8",
    )
    assert [u.source for u in open_document(source).units()] == [
        "Printer setup",
        "Set it up: a guide",
        "It's easy",
        "Plug it in.",
    ]
    translate_file(source, tmp_path / "page.de.md", FakeModel(), tgt_lang="de")
    assert (tmp_path / "page.de.md").read_text("utf-8") == (
        "---\n"
        "title: PRINTER SETUP\n"
        'description: "SET IT UP: A GUIDE"  # shown by search engines\n'
        "summary: 'IT''S EASY'\n"
        "date: 2026-01-01\n"
        "tags: [printer]\n"
        "---\n\nPLUG IT IN.\n"
    )


def test_a_github_alerts_marker_is_kept_on_its_line(tmp_path: Path) -> None:
    """``> [!NOTE]`` was joined to the alert's text and translated (``> [!WARNUNG] ...``), and
    GitHub no longer showed an alert."""
    source = tmp_path / "notes.md"
    source.write_text("> [!NOTE]\n> Back up your data.\n\n> [!warning]\n> Stop.\n", "utf-8")
    assert [u.source for u in open_document(source).units()] == ["Back up your data.", "Stop."]
    out = tmp_path / "out.md"
    translate_file(source, out, FakeModel())
    assert out.read_text("utf-8") == "> [!NOTE]\n> BACK UP YOUR DATA.\n\n> [!warning]\n> STOP.\n"


OLD_SOURCE = "# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
OLD_TRANSLATION = "# Titel\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n"


@pytest.mark.parametrize(
    ("source", "expected", "translated"),
    [
        (  # the second paragraph edited: its old translation is not kept
            "# Title\n\nFirst paragraph.\n\nSecond paragraph, edited.\n\nThird paragraph.\n",
            "# Titel\n\nErster Absatz.\n\nSECOND PARAGRAPH, EDITED.\n\nDritter Absatz.\n",
            ["Second paragraph, edited."],
        ),
        (  # one inserted before the first, the second removed: as many blocks, moved
            "# Title\n\nA new paragraph.\n\nFirst paragraph.\n\nThird paragraph.\n",
            "# Titel\n\nA NEW PARAGRAPH.\n\nErster Absatz.\n\nDritter Absatz.\n",
            ["A new paragraph.", "First paragraph."],
        ),
    ],
)
def test_an_update_keeps_only_the_translations_of_unchanged_blocks(
    tmp_path: Path, source: str, expected: str, translated: list[str]
) -> None:
    from functools import partial

    from ltmt import Memory
    from ltmt.formats.changed_sources import approved_for_other_sources

    source_path, output = tmp_path / "README.md", tmp_path / "README.de.md"
    source_path.write_text(source, "utf-8")
    output.write_text(OLD_TRANSLATION, "utf-8")
    old_pairs = zip(OLD_SOURCE.split("\n\n"), OLD_TRANSLATION.split("\n\n"), strict=True)
    stored = {s.strip("# \n"): t.strip("# \n") for s, t in old_pairs}
    seen: list[str] = []

    def translate(texts: list[str], prefer: list[dict]) -> list[str]:
        """The model (upper case) where the memory has no 100 % match."""
        seen.extend(texts)
        return [stored.get(text, text.upper()) for text in texts]

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", list(stored.items()))  # as `memory import` stored them
        translate_file(
            source_path,
            output,
            translate,
            changed_sources=partial(approved_for_other_sources, memory, "u"),
        )
    assert output.read_text("utf-8") == expected
    assert seen == translated


def test_ltmts_own_translation_of_an_unchanged_source_is_not_translated_again(
    tmp_path: Path,
) -> None:
    """The memory holds the German for an older English ("command(s)"), and the model wrote
    that German for the new one too: each rerun of the unchanged page said ``1 translated
    again: their source changed``, as the memory held the block's German for another source.
    The record says ltmt wrote it for this very source: kept, nothing changed."""
    from functools import partial

    from ltmt import Memory
    from ltmt.formats.changed_sources import approved_for_other_sources

    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "post.md", tmp_path / "de.md"
    source.write_text("# Upgrading\n\nRun the following commands to upgrade:\n", "utf-8")
    german = "Führen Sie die folgenden Befehle aus:"
    seen: list[str] = []

    def model(texts: list[str], prefer: list[dict]) -> list[str]:
        """The model: the memory's German for the new English too, else upper case."""
        seen.extend(texts)
        return [german if text.startswith("Run") else text.upper() for text in texts]

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [("Run the following command(s) to upgrade:", german)])
        changed = partial(approved_for_other_sources, memory, "u")
        for _ in range(2):
            result = translate_file(
                source, output, model, output_sources=records, changed_sources=changed
            )
    assert output.read_text("utf-8") == f"# UPGRADING\n\n{german}\n"
    assert result.report.source_changed == 0
    assert seen == ["Upgrading", "Run the following commands to upgrade:"]


def test_an_update_without_a_memory_translates_again_the_blocks_whose_source_changed(
    tmp_path: Path,
) -> None:
    records = OutputSources(tmp_path / "records")
    v1, v2, output = tmp_path / "v1.md", tmp_path / "v2.md", tmp_path / "rn.de.md"
    v1.write_text("# Release notes\n\nThe update fixes three crashes.\n\nThanks.\n", "utf-8")
    v2.write_text(
        "# Release notes\n\nThe update fixes five crashes and adds dark mode.\n\nThanks.\n",
        "utf-8",
    )
    translate_file(v1, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("THANKS.", "Danke!"), "utf-8")
    model = FakeModel()
    result = translate_file(v2, output, model, output_sources=records)
    assert output.read_text("utf-8") == (
        "# RELEASE NOTES\n\nTHE UPDATE FIXES FIVE CRASHES AND ADDS DARK MODE.\n\nDanke!\n"
    )  # the translator's edit of a block whose source is as it was is kept
    assert model.seen == ["The update fixes five crashes and adds dark mode."]
    assert result.report.source_changed == 1


CHANGELOG = "# Changes\n\nAll changes are here.\n\n- Login fixed.\n- Prices fixed.\n"


def test_an_inserted_block_leaves_the_edits_of_the_others_in_place(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(CHANGELOG, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    reviewed = output.read_text("utf-8").replace("ALL CHANGES", "Alle Änderungen")
    output.write_text(reviewed.replace("PRICES FIXED", "Preise behoben"), "utf-8")
    source.write_text(CHANGELOG.replace("- Prices", "- Search fixed.\n- Prices"), "utf-8")
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        "# CHANGES\n\nAlle Änderungen ARE HERE.\n\n"
        "- LOGIN FIXED.\n- SEARCH FIXED.\n- Preise behoben.\n"
    )
    assert result.report.source_changed == 0 and caplog.text == ""
    # a block removed: the others keep theirs too
    source.write_text(CHANGELOG.replace("- Login fixed.\n", "- Search fixed.\n"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        "# CHANGES\n\nAlle Änderungen ARE HERE.\n\n- SEARCH FIXED.\n- Preise behoben.\n"
    )


def test_an_edited_translation_no_block_stands_for_any_more_is_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(CHANGELOG, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("LOGIN FIXED", "Login behoben"), "utf-8")
    source.write_text(CHANGELOG.replace("- Login fixed.", "- Login works.\n- Logout works."))
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert "- LOGIN WORKS.\n- LOGOUT WORKS.\n- PRICES FIXED.\n" in output.read_text("utf-8")
    assert "1 edited translation replaced (block2)" in caplog.text


def test_a_translation_whose_blocks_do_not_line_up_is_not_replaced_unless_asked(
    tmp_path: Path,
) -> None:
    """A reviewer's German page whose paragraphs were joined by hand lined up with nothing, and
    the run replaced all of it without a word (session 66, a MkDocs trial)."""
    from ltmt.formats.pipeline import translate_file

    source = tmp_path / "index.md"
    source.write_text("# Welcome\n\nFirst line.\n\nSecond line.\n", "utf-8")
    out = tmp_path / "index.de.md"
    reviewed = "# Willkommen\n\nErste Zeile. Zweite Zeile.\n"
    out.write_text(reviewed, "utf-8")
    with pytest.raises(InputError) as raised:
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert str(raised.value) == (
        f"{out}: its 2 blocks do not line up with the source's 3 (paragraphs joined or split by "
        "hand?), so none of its translations could be kept and this run would replace them all; "
        "translate into a new file and copy what you keep, or give --overwrite to replace it"
    )
    assert out.read_text("utf-8") == reviewed
    translate_file(source, out, FakeModel(), tgt_lang="de", overwrite=True)
    assert "FIRST LINE." in out.read_text("utf-8")
    out.write_text("This page has not been translated yet.\n", "utf-8")  # a stub: replaced
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "FIRST LINE." in out.read_text("utf-8")


def test_a_reviewers_copy_of_the_source_is_kept_where_ltmt_wrote_that_block(
    tmp_path: Path,
) -> None:
    """A reviewer put back ``macOS`` for ltmt's ``MacOS``: the rerun wrote ``MacOS`` again. A
    copy is untranslated only where the record holds nothing ltmt wrote there for its source
    (a pasted English paragraph new since), or without a record."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    table = "| OS | Version |\n| --- | --- |\n| macOS | 12 or later |\n"
    source.write_text(table, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    reviewed = output.read_text("utf-8").replace("| MACOS |", "| macOS |")
    output.write_text(reviewed, "utf-8")
    model = FakeModel()
    translate_file(source, output, model, output_sources=records)
    # ltmt's own copy ("OS" upper-cased) is translated again, the reviewer's kept
    assert output.read_text("utf-8") == reviewed and model.seen == ["OS"]
    source.write_text(table + "\nNew text.\n", "utf-8")  # pasted into the output in English
    output.write_text(reviewed + "\nNew text.\n", "utf-8")
    translate_file(source, output, model, output_sources=records)
    assert model.seen == ["OS", "OS", "New text."]
    output.write_text(reviewed, "utf-8")  # no record: a copy is untranslated, as before
    source.write_text(table, "utf-8")
    translate_file(source, output, model, tgt_lang="de")
    assert model.seen == ["OS", "OS", "New text.", "OS", "macOS"]


def test_a_block_added_to_the_output_by_hand_is_refused_not_dropped(tmp_path: Path) -> None:
    """A notice added atop the German page: the rerun wrote it where the heading stood and
    dropped the heading (the output's blocks are keyed by place). Refused, nothing written."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text("## What's new\n\nAn offline mode.\n\n## Upgrading\n\nRun it.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    edited = "> MASCHINELL ÜBERSETZT.\n\n" + output.read_text("utf-8")
    output.write_text(edited, "utf-8")
    with pytest.raises(
        UnalignedTranslationError,
        match=r"de\.md: it has 1 block that .*en\.md lacks \(5 blocks, 4 in the source, ltmt "
        r"wrote 4 there: added by hand\?\), and a rerun would drop or shift blocks, so nothing "
        r"was written; add the English of the added blocks to .*en\.md, or take them out and put "
        r"them back after the run, or give --overwrite to translate it afresh$",
    ):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == edited
    translate_file(source, output, FakeModel(), output_sources=records, overwrite=True)
    assert output.read_text("utf-8").startswith("## WHAT'S NEW\n")


def test_a_paragraph_added_inside_an_html_block_is_refused_and_the_block_named(
    tmp_path: Path,
) -> None:
    """Trial s75's HTML page, in a Markdown page's HTML block: a note added after a paragraph
    the reviewer edited is refused as one added between blocks is, the block named by its line."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(
        "# Pricing\n\n<div>\n<p>Start for free.</p>\n<p>Prices exclude VAT.</p>\n</div>\n\n"
        "Cancel any time.\n",
        "utf-8",
    )
    translate_file(source, output, FakeModel(), output_sources=records)
    edited = output.read_text("utf-8").replace(
        "<p>START FOR FREE.</p>", "<p>Kostenlos starten.</p>\n<p>Hinweis.</p>"
    )
    output.write_text(edited, "utf-8")
    with pytest.raises(
        UnalignedTranslationError,
        match=r"de\.md, the HTML block at line 3: it has 1 block that .*en\.md lacks \(3 blocks, "
        r"2 in the source, ltmt wrote 2 there: added by hand\?\)",
    ):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == edited


@pytest.mark.parametrize(
    ("line", "unit", "written"),
    [
        (
            '{{< button href="/signup" >}}Sign up now{{< /button >}}',
            '<sc data-md="{{&lt; button href=&quot;/signup&quot; &gt;}}" '
            'data-end="{{&lt; /button &gt;}}">Sign up now</sc>',
            '{{< button href="/signup" >}}SIGN UP NOW{{< /button >}}',
        ),
        (
            'Read {{% link "x" %}}the guide{{%/link%}} first.',
            'Read <sc data-md="{{% link &quot;x&quot; %}}" data-end="{{%/link%}}">the guide</sc>'
            " first.",
            'READ {{% link "x" %}}THE GUIDE{{%/link%}} FIRST.',
        ),
        (  # one alone, or closing itself, is code as before
            'Click {{< kbd "Ctrl+S" >}} or {{< icon "save" />}}{{< /icon >}} now.',
            'Click <code data-md="raw">{{< kbd "Ctrl+S" >}}</code> or '
            '<code data-md="raw">{{< icon "save" />}}</code>'
            '<code data-md="raw">{{< /icon >}}</code> now.',
            'CLICK {{< kbd "Ctrl+S" >}} OR {{< icon "save" />}}{{< /icon >}} NOW.',
        ),
        (  # keys joined by + are one code (they came back moved and merged: session 67)
            "Press {{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}} to save the file.",
            'Press <code data-md="raw">{{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}}'
            "</code> to save the file.",
            "PRESS {{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}} TO SAVE THE FILE.",
        ),
        (
            "Use {{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}Shift{{< /kbd >}}+{{< kbd >}}P{{< /kbd >}}"
            " or {{< key >}}Alt{{< /key >}} + {{< key >}}F4{{< /key >}}.",
            'Use <code data-md="raw">{{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}Shift{{< /kbd >}}+'
            '{{< kbd >}}P{{< /kbd >}}</code> or <code data-md="raw">{{< key >}}Alt{{< /key >}} + '
            "{{< key >}}F4{{< /key >}}</code>.",
            "USE {{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}Shift{{< /kbd >}}+{{< kbd >}}P{{< /kbd >}}"
            " OR {{< key >}}Alt{{< /key >}} + {{< key >}}F4{{< /key >}}.",
        ),
        (  # a key alone is no pair: its tags code, its text translated, as before
            "Press {{< kbd >}}Enter{{< /kbd >}}.",
            'Press <code data-md="raw">{{< kbd >}}</code>Enter'
            '<code data-md="raw">{{< /kbd >}}</code>.',
            "PRESS {{< kbd >}}ENTER{{< /kbd >}}.",
        ),
    ],
)
def test_a_paired_shortcode_is_a_pair_of_tags_around_its_text(
    tmp_path: Path, line: str, unit: str, written: str
) -> None:
    """``{{< button >}}Sign up now{{< /button >}}`` came back ``{{< button href="/signup"
    >}}Geben Sie jetzt{{< /button >}} an.``: the two shortcodes were two codes."""
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(line + "\n", "utf-8")
    assert [u.source for u in open_document(source).units()] == [unit]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == written + "\n"


def test_qa_checks_shortcodes_on_lines_of_their_own_and_names_tags_as_written(
    tmp_path: Path,
) -> None:
    """``{{< /alarm >}}`` for ``{{< /alert >}}`` and ``{{% Hinweis Tipp %}}`` for ``{{% notice
    tip %}}`` passed ``ltmt qa``; a lost link was named ``<a href="{{&lt; ref ...``."""
    from ltmt.qa.pair_checks import placeholder_problems

    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(
        '{{< alert title="Careful" >}}\nSee [it]({{< ref "a.md" >}}).\n{{< /alert >}}\n', "utf-8"
    )
    output.write_text('{{< alert title="Achtung" >}}\nSiehe es.\n{{< /alarm >}}\n', "utf-8")
    found = {
        pair.position.split(": ")[-1]: placeholder_problems(pair.source, pair.target, pair.metadata)
        for pair in MarkdownDocument.pairs(output, source, purpose="checked")
    }
    assert found["block1"] == ['lacks <a href="{{< ref "a.md" >}}">, </a>']
    assert found["shortcodes"] == [
        "changes Markdown markup: write '{{< /alert >}}' as the source does"
    ]  # the translated title is no change, and the rename is reported once
    assert "shortcodes" not in {
        pair.position.split(": ")[-1] for pair in MarkdownDocument.pairs(output, source)
    }  # nor is it imported into memory


_HUGO_TABS = """{{% tab header="Other systems" %}}
Use the installer.
{{% /tab %}}

{{< tab "First steps" >}}
Open the app.
{{< /tab >}}

{{% notice tip "Good to know" %}}
Save often.
{{% /notice %}}

{{< card header="Quick start" footer="Read more" >}}
Start here.
{{< /card >}}
"""


@pytest.mark.parametrize(
    ("replaced", "findings"),
    [
        ({}, []),  # any quoted value localised is no change (a reviewer's, session 67)
        (
            {"{{% /notice %}}": "{{% /Hinweis %}}", "notice tip": "notice Tipp"},
            [
                "changes Markdown markup: write '{{% notice tip \"…\" %}}' as the source does",
                "changes Markdown markup: write '{{% /notice %}}' as the source does",
            ],
        ),
    ],
)
def test_qa_compares_shortcodes_without_their_quoted_values(
    tmp_path: Path, replaced: dict[str, str], findings: list[str]
) -> None:
    """``header="Andere Systeme"``, ``{{< tab "Erste Schritte" >}}``, ``{{% notice tip "Gut zu
    wissen" %}}`` and a card's header and footer were errors of ``ltmt qa``, each three times;
    a shortcode's name and balance are compared, one finding for each change."""
    from ltmt.qa.pair_checks import placeholder_problems

    translated = (
        _HUGO_TABS.replace("Other systems", "Andere Systeme")
        .replace("First steps", "Erste Schritte")
        .replace("Good to know", "Gut zu wissen")
        .replace("Quick start", "Schnellstart")
        .replace("Read more", "Mehr lesen")
    )
    for old, new in replaced.items():
        translated = translated.replace(old, new)
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(_HUGO_TABS, "utf-8")
    output.write_text(translated, "utf-8")
    (shortcodes,) = [
        pair
        for pair in MarkdownDocument.pairs(output, source, purpose="checked")
        if pair.position.endswith(": shortcodes")
    ]
    assert placeholder_problems(shortcodes.source, shortcodes.target, {}) == findings


@pytest.mark.parametrize(
    ("written", "findings"),
    [
        ("Strg", []),  # German's name for the key
        (
            "Alt",
            [
                "changes Markdown markup: write '{{< kbd >}}Strg{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}}' "
                "as the source does"
            ],
        ),
    ],
)
def test_qa_takes_a_kbd_combination_with_the_targets_key_names_for_the_sources(
    tmp_path: Path, written: str, findings: list[str]
) -> None:
    """``{{< kbd >}}Strg{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}}`` for ``…Ctrl…`` was an error of
    ``ltmt qa`` (a regression trial's), though Strg is the key's German name."""
    from ltmt.qa.pair_checks import placeholder_problems

    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text("Press {{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}} to save.\n")
    output.write_text(
        f"Drücken Sie {{{{< kbd >}}}}{written}{{{{< /kbd >}}}}+{{{{< kbd >}}}}S{{{{< /kbd >}}}} "
        "zum Speichern.\n",
        "utf-8",
    )
    [pair] = MarkdownDocument.pairs(output, source, purpose="checked")
    assert placeholder_problems(pair.source, pair.target, {}) == findings


def test_ltmts_own_copy_of_the_source_is_translated_again(tmp_path: Path) -> None:
    """The model left the cell ``Option`` as it is; a memory pair added since (``Option`` →
    ``Möglichkeit``) could not fix it on a rerun: ltmt's own copy was kept as a reviewer's."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text("| Option | Meaning |\n|--------|---------|\n| `--fast` | Run quickly |\n")
    german = {"Meaning": "Bedeutung", "Run quickly": "Schnell ausführen"}

    def leaves_option(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [german.get(text, text) for text in texts]

    translate_file(source, output, leaves_option, output_sources=records)
    assert "| Option | Bedeutung |" in output.read_text("utf-8")
    german["Option"] = "Möglichkeit"  # as a memory pair added since gives it
    translate_file(source, output, leaves_option, output_sources=records)
    assert "| Möglichkeit | Bedeutung |" in output.read_text("utf-8")


def test_a_reviewed_copy_of_an_earlier_output_is_lined_up_by_its_texts_not_the_records_places(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The agency loop (trial s74): the output updated for a paragraph inserted into the
    source, then the reviewed copy of the first delivery put in its place. The record's places
    were the update's: each reviewed paragraph after the new one went to the one before it.
    ltmt's own paragraphs there line up by their sources; of the two beside the new one, which
    the reviewed German was for cannot be told: translated again, and named."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.md", tmp_path / "de.md"
    page = "# Setup\n\nInstall it.\n\nRun it.\n\nDone.\n"
    source.write_text(page, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    reviewed = output.read_text("utf-8").replace("RUN IT.", "Starte es.")
    source.write_text(page.replace("Run it.", "Configure it.\n\nRun it."), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(reviewed, "utf-8")
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, model, output_sources=records)
    assert (
        output.read_text("utf-8") == "# SETUP\n\nINSTALL IT.\n\nCONFIGURE IT.\n\nRUN IT.\n\nDONE.\n"
    )
    assert model.seen == ["Configure it.", "Run it."]
    assert caplog.messages == [
        f"{output}: 1 block of it (block2) matched none of {source}'s: blocks were inserted or "
        "removed there since, and the record of what ltmt wrote there is of other blocks (a "
        "reviewed copy of an earlier output put in its place?), so its translation was not "
        "kept and the English is translated again rather than guessed by place; compare with "
        "a copy of the file to keep reviewed text"
    ]


@pytest.mark.parametrize(
    ("text", "seen", "written"),
    [  # the trial's: "- [ ] High-contrast theme" came back "- [ High-contrast-Thema"
        ("- [x] Light theme\n- [ ] High-contrast theme\n",
         ["Light theme", "High-contrast theme"],
         "- [x] LIGHT THEME\n- [ ] HIGH-CONTRAST THEME\n"),
        ("1. [X]  Done\n   and more\n\n> * [ ] Quoted [task](t.md)\n",
         ["Done and more", 'Quoted <a href="t.md">task</a>'],
         "1. [X]  DONE AND MORE\n\n> * [ ] QUOTED [TASK](t.md)\n"),
        # no task: not right after a list marker, no blank after it, a link's text
        ("[ ] Not in a list\n\n- [ ]glued\n- [docs](d.md) here\n",
         ["[ ] Not in a list", "[ ]glued", '<a href="d.md">docs</a> here'],
         "[ ] NOT IN A LIST\n\n- [ ]GLUED\n- [DOCS](d.md) HERE\n"),
    ],
)  # fmt: skip
def test_a_task_list_items_box_is_kept_as_its_marker_is(
    tmp_path: Path, text: str, seen: list[str], written: str
) -> None:
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(text, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == seen
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == written
