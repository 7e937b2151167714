"""The text a Markdown page shows outside its blocks: front matter values, definitions' titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.markdown import MarkdownDocument
from ltmt.formats.pipeline import translate_file

TOML = """+++
title = "Sync your files"
description = 'Keep files in sync.'  # shown by search engines
linkTitle = "Say \\"hi\\""
draft = false
slug = "sync-files"
+++

Body text.
"""

FOLDED = """---
title: Setup
description: >-
  Learn how to keep your files
  in sync across devices.

summary: >
    It is easy.
keywords: [sync, files]
---

Body text.
"""

DEFINITIONS = """See the [download page][dl], the [docs][d2] and the [FAQ][faq].

[dl]: https://example.com/download "Download CloudDesk"
[d2]: <https://example.com/a b> 'Docs'
[faq]: /faq (The FAQ \\(beta\\))
[plain]: /plain

    [code]: /code "Not a definition"
"""


SHORTCODES = """{{< figure src="dash.png" alt="The dashboard" caption="Say \\"hi\\"" >}}
{{% note title="Read first" class="wide" %}}
{{< icon name="info" title="" >}} {% include card.html title="Liquid" %}

The usage {{< icon title="Info" >}} for a month.
"""


@pytest.mark.parametrize(
    ("text", "units", "written"),
    [
        (  # a Hugo shortcode's alt and caption were left in English, an image's alt was not
            SHORTCODES,  # (and a Liquid include's title, translated as a shortcode's)
            [
                "The dashboard",
                'Say "hi"',
                "Read first",
                "Liquid",
                'The usage <code data-md="raw">{{< icon title="Info" >}}</code> for a month.',
            ],
            SHORTCODES.replace('"The dashboard"', '"THE DASHBOARD"')
            .replace('"Say \\"hi\\""', '"SAY \\"HI\\""')
            .replace('"Read first"', '"READ FIRST"')
            .replace('"Liquid"', '"LIQUID"')
            .replace("The usage", "THE USAGE")
            .replace("for a month.", "FOR A MONTH."),
        ),
        (  # TOML's front matter (Hugo's) was not translated, YAML's was
            TOML,
            ["Sync your files", "Keep files in sync.", 'Say "hi"', "Body text."],
            TOML.replace('"Sync your files"', '"SYNC YOUR FILES"')
            .replace("'Keep files in sync.'", "'KEEP FILES IN SYNC.'")
            .replace('"Say \\"hi\\""', '"SAY \\"HI\\""')
            .replace("Body text.", "BODY TEXT."),
        ),
        (  # a folded value was left in English where a plain one was translated
            FOLDED,
            [
                "Setup",
                "Learn how to keep your files in sync across devices.",
                "It is easy.",
                "Body text.",
            ],
            FOLDED.replace("Setup", "SETUP")
            .replace(
                "  Learn how to keep your files\n  in sync across devices.\n",
                "  LEARN HOW TO KEEP YOUR FILES IN SYNC ACROSS DEVICES.\n",
            )
            .replace("It is easy.", "IT IS EASY.")
            .replace("Body text.", "BODY TEXT."),
        ),
        (  # a definition's title was left in English where an inline link's was translated
            DEFINITIONS,
            [
                'See the <a href="https://example.com/download" data-md="ref:dl">download page</a>, '
                'the <a href="https://example.com/a%20b" data-md="ref:d2">docs</a> and the '
                '<a href="/faq" data-md="ref:faq">FAQ</a>.',
                "Download CloudDesk",
                "Docs",
                "The FAQ (beta)",
            ],
            DEFINITIONS.replace("See the [download page]", "SEE THE [DOWNLOAD PAGE]")
            .replace(", the [docs]", ", THE [DOCS]")
            .replace(" and the [FAQ]", " AND THE [FAQ]")
            .replace('"Download CloudDesk"', '"DOWNLOAD CLOUDDESK"')
            .replace("'Docs'", "'DOCS'")
            .replace("(The FAQ \\(beta\\))", "(THE FAQ \\(BETA\\))"),
        ),
    ],
)
def test_values_pages_show_are_translated_in_their_own_syntax(
    tmp_path: Path, text: str, units: list[str], written: str
) -> None:
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(text, "utf-8")
    found = [unit.source for unit in open_document(source).units()]
    assert found == units
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == written


@pytest.mark.parametrize(
    "line",
    [
        '{{< figure src="save.png" caption="Click **Save** to continue." >}}',
        '{{< figure src="menu.png" alt="Open <b>Settings</b> first." >}}',
        '{{< figure src="doc.png" title="Read the [user guide](/docs/guide/)." >}}',
        '{{< figure src="cli.png" caption="Run `ltmt` now." >}}',
    ],
)
def test_a_shortcode_value_with_markup_is_kept_as_written(tmp_path: Path, line: str) -> None:
    """Sent as plain text, ``Click **Save** to continue.`` came back ``Click **Save* zum
    Fortsetzen.``."""
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(line + "\n", "utf-8")
    assert [unit.source for unit in open_document(source).units()] == []
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == line + "\n"


@pytest.mark.parametrize(
    ("line", "translation", "written"),
    [
        ('title = "Sync"', 'Sag "hi"', 'title = "Sag \\"hi\\""'),
        ("title = 'Sync'", "Es geht's", 'title = "Es geht\'s"'),  # no ' in a literal string
        ("description: >-\n  Sync", "Zeile: eins", "description: >-\n  Zeile: eins"),
        ('[a]: /u "Sync"', 'Sag "hi"', '[a]: /u "Sag \\"hi\\""'),
        ("[a]: /u (Sync)", "Ja (so)", "[a]: /u (Ja \\(so\\))"),
    ],
)
def test_a_translation_is_quoted_and_escaped_as_its_syntax_needs(
    tmp_path: Path, line: str, translation: str, written: str
) -> None:
    fenced = "+++" if " = " in line else "---"
    text = f"{fenced}\n{line}\n{fenced}\n" if not line.startswith("[") else f"[x][a]\n\n{line}\n"
    source = tmp_path / "page.md"
    source.write_text(text, "utf-8")
    document = MarkdownDocument.open(source)
    [key] = [unit.key for unit in document.units() if unit.source == "Sync"]
    document.fill({key: translation})
    assert written in document.translated_text()


def test_a_rerun_keeps_a_line_of_shortcode_values_as_it_is(tmp_path: Path) -> None:
    """A shortcode with two translated values was written twice on the second run, four
    times on the third; a reviewer's edit of one value is kept, in its place."""
    line = '{{< figure src="/img/a.png" caption="The dashboard" alt="Dashboard shot" >}}'
    source, out = tmp_path / "fig.md", tmp_path / "fig.de.md"
    source.write_text(f"Intro text.\n\n{line}\n\nEnd text.\n", "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    first = out.read_text("utf-8")
    assert first.count("{{< figure") == 1
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == first
    out.write_text(first.replace('"THE DASHBOARD"', '"Das \\"Dashboard\\""'), "utf-8")
    reviewed = out.read_text("utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == reviewed


MULTILINE = """Intro text.

{{< figure
    src="/img/a.png"
    caption="The dashboard"
>}}

{{< youtube
    id="w7Ft2ymGmfc"
>}}
"""


def test_a_shortcode_over_several_lines_is_read_as_one_on_a_line(tmp_path: Path) -> None:
    """Its lines were translated as prose: ``{{{< Zahlen src=»/img/a.png« ...``."""
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(MULTILINE, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "Intro text.",
        "The dashboard",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = MULTILINE.replace("Intro text", "INTRO TEXT").replace(
        '"The dashboard"', '"THE DASHBOARD"'
    )
    assert out.read_text("utf-8") == written
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == written


def test_a_details_summary_and_a_label_are_translated(tmp_path: Path) -> None:
    """``{{< details summary="Show advanced options" >}}`` stayed English where title,
    caption and alt were translated."""
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    text = '{{< details summary="Show advanced options" >}}\n{{< tab label="On a Mac" >}}\n'
    source.write_text(text, "utf-8")
    assert [u.source for u in open_document(source).units()] == [
        "Show advanced options",
        "On a Mac",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == text.replace(
        "Show advanced options", "SHOW ADVANCED OPTIONS"
    ).replace("On a Mac", "ON A MAC")


LIQUID = """Intro text.

{% include note.html content="Back up first." %}

{% include figure.html
   image="/assets/img/themes.png"
   caption='The theme picker in the settings page' %}

{% comment %}
{% include note.html content="Not shown." %}
{% endcomment %}

{% raw %}
{% include note.html content="Written as is." %}
{% endraw %}

{% raw %}{% include note.html content="Also as is." %}{% endraw %}

{% include button.html url="/signup" text="Sign up now" label="Create an account" %}
"""


def test_a_liquid_includes_text_parameters_are_translated_as_a_shortcodes_are(
    tmp_path: Path,
) -> None:
    """A Jekyll post's ``{% include note.html content="Back up first." %}`` and a figure's
    caption over lines stayed English; in ``{% raw %}`` and ``{% comment %}`` an include is
    kept as written, and the tags otherwise byte for byte."""
    source, out = tmp_path / "post.md", tmp_path / "post.de.md"
    source.write_text(LIQUID, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "Intro text.",
        "Back up first.",
        "The theme picker in the settings page",
        "Sign up now",
        "Create an account",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = LIQUID
    for text in ("Intro text", "Back up first.", "The theme picker in the settings page"):
        written = written.replace(text, text.upper())
    written = written.replace('"Sign up now"', '"SIGN UP NOW"')
    written = written.replace('"Create an account"', '"CREATE AN ACCOUNT"')
    assert out.read_text("utf-8") == written
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == written


IDENTIFIERS = """{{< icon name="warning" text="icon-warn" >}}

{% include link.html text="README.md" url="/readme" %}

{% include image.html file="shot.png" alt="screenshot-settings" caption="The theme picker" %}
"""


def test_a_parameter_that_is_an_id_or_a_file_name_is_kept_as_written(tmp_path: Path) -> None:
    """``text="icon-warn"``, ``text="README.md"`` and ``alt="screenshot-settings"`` were
    translated (garbled); only text (``caption="The theme picker"``) is."""
    source, out = tmp_path / "post.md", tmp_path / "post.de.md"
    source.write_text(IDENTIFIERS, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == ["The theme picker"]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == IDENTIFIERS.replace("The theme picker", "THE THEME PICKER")


RAW_PROSE = """{% raw %}
To show the title, write `{{ page.title }}` in your layout.
{% include note.html content="Written as is." %}
{% endraw %}
"""


def test_prose_in_liquid_raw_is_translated_and_an_include_there_kept(tmp_path: Path) -> None:
    """``{% raw %}`` only stops Liquid: its prose was copied in English; an include in it is
    Liquid's text, kept as written."""
    source, out = tmp_path / "post.md", tmp_path / "post.de.md"
    source.write_text(RAW_PROSE, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "To show the title, write <code>{{ page.title }}</code> in your layout."
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == RAW_PROSE.replace(
        "To show the title, write", "TO SHOW THE TITLE, WRITE"
    ).replace(" in your layout.", " IN YOUR LAYOUT.")


INDENTED_INCLUDE = """Intro.

    {% include note.html content="Indented code sample." %}

!!! note

    {% include note.html content="In a note." %}
"""


def test_an_include_in_an_indented_code_block_is_code_kept_as_written(tmp_path: Path) -> None:
    """An include in an indented code block (an example) had its content translated; code
    blocks, indented or fenced, are kept as written (an admonition's body is no code)."""
    source, out = tmp_path / "post.md", tmp_path / "post.de.md"
    source.write_text(INDENTED_INCLUDE, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == ["Intro.", "In a note."]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == INDENTED_INCLUDE.replace("Intro.", "INTRO.").replace(
        '"In a note."', '"IN A NOTE."'
    )


@pytest.mark.parametrize(
    ("line", "translation", "written"),
    [
        ('{% include note.html content="Save it." %}', 'Sag "Ja".', "Sag &quot;Ja&quot;."),
        ("{% include note.html content='Save it.' %}", "Sag 'Ja'.", "Sag &#39;Ja&#39;."),
    ],
)
def test_a_liquid_string_writes_its_quote_mark_as_a_reference(
    tmp_path: Path, line: str, translation: str, written: str
) -> None:
    """A Liquid string has no escapes: its quote mark in a translation would end it."""
    source = tmp_path / "post.md"
    source.write_text(line + "\n", "utf-8")
    document = open_document(source)
    (unit,) = document.units()
    document.fill({unit.key: translation})
    out = tmp_path / "post.de.md"
    document.save(out)
    assert out.read_text("utf-8") == line.replace("Save it.", written) + "\n"
