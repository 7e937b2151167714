"""Markdown beyond CommonMark: attribute lists, admonitions, Markdown in HTML, template tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.markdown import MarkdownDocument
from ltmt.formats.markdown_extensions import parser_view
from ltmt.formats.pipeline import translate_file


def _translated(tmp_path: Path, text: str) -> tuple[list[str], str]:
    """The units of a Markdown ``text`` (what the memory and the model get) and the file
    written in their translations (upper case)."""
    source, out = _written(tmp_path, text), tmp_path / "page.de.md"
    units = [unit.source for unit in open_document(source).units()]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    return units, out.read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "seen", "written"),
    [  # {#known-issues} was translated ({#kannteriss}) and blocked the heading's 100 % match
        ("# Install the CLI {#install-cli}\n", ["Install the CLI"], "# INSTALL THE CLI {#install-cli}\n"),
        ("## Known issues {: #known .wide }\n", ["Known issues"], "## KNOWN ISSUES {: #known .wide }\n"),
        ('### Set up `ltmt` {#setup .x key="a b"} ###\n', ["Set up <code>ltmt</code>"],
         '### SET UP `ltmt` {#setup .x key="a b"} ###\n'),
        ("Old notes {-}\n=========\n", ["Old notes"], "OLD NOTES {-}\n=========\n"),
        # kramdown's block attribute list on its own line, after a paragraph or before one
        ("Click **Save**.\n{: .lead }\n", ["Click <b>Save</b>."], "CLICK **SAVE**.\n{: .lead }\n"),
        ("{: #intro}\nRead this first.\n", ["Read this first."], "{: #intro}\nREAD THIS FIRST.\n"),
        # kramdown's span attributes at a paragraph's end: kept there (the model moved them)
        ("Run it with the `--incremental` flag.{: .hint}\n",
         ["Run it with the <code>--incremental</code> flag."],
         "RUN IT WITH THE `--incremental` FLAG.{: .hint}\n"),
        # a kramdown comment and a Liquid comment: copied (translated and joined into a line)
        ("{::comment}\nNot for readers.\nAt all.\n{:/comment}\n\nText.\n", ["Text."],
         "{::comment}\nNot for readers.\nAt all.\n{:/comment}\n\nTEXT.\n"),
        ("{::comment}\nNot for readers.\n{:/}\n\nText.\n", ["Text."],
         "{::comment}\nNot for readers.\n{:/}\n\nTEXT.\n"),
        ("{% comment %}\nGenerated page.\nDo not edit.\n{% endcomment %}\n\nText.\n", ["Text."],
         "{% comment %}\nGenerated page.\nDo not edit.\n{% endcomment %}\n\nTEXT.\n"),
        # kramdown's table of contents: the item kramdown replaces and {:toc} kept as written
        # (they were one line, "* TOC {:toc}", and {:toc} went to the model)
        ("* TOC\n{:toc}\n\nText.\n", ["Text."], "* TOC\n{:toc}\n\nTEXT.\n"),
        ("1. TOC\n{:toc}\n", [], "1. TOC\n{:toc}\n"),
        # a reference to an attribute list kramdown defines elsewhere
        ("Read this.\n{: lead}\n", ["Read this."], "READ THIS.\n{: lead}\n"),
        # kramdown's attribute list under a heading (ATX, setext): a paragraph of markup alone
        # (its line was read as a paragraph's marker line past its last: IndexError)
        ("## Configure\n{: #configure}\n", ["Configure"], "## CONFIGURE\n{: #configure}\n"),
        ("Configure\n---------\n{: #configure}\n\nText.\n", ["Configure", "Text."],
         "CONFIGURE\n---------\n{: #configure}\n\nTEXT.\n"),
        # no attribute list: braces in text are words
        ("# Use {name} here\n", ["Use {name} here"], "# USE {name} HERE\n"),
    ],
)  # fmt: skip
def test_an_attribute_list_is_kept_as_written_outside_the_text(
    tmp_path: Path, text: str, seen: list[str], written: str
) -> None:
    assert _translated(tmp_path, text) == (seen, written)


def test_a_kramdown_nomarkdown_block_is_shown_so_its_html_text_is_translated(
    tmp_path: Path,
) -> None:
    """kramdown shows a ``{::nomarkdown}`` block's HTML; it was copied as a comment is, its
    paragraph left in English. Only ``{::comment}`` is copied."""
    text = "{::nomarkdown}\n<p>Raw HTML paragraph text.</p>\n{:/nomarkdown}\n\nText.\n"
    seen, written = _translated(tmp_path, text)
    assert "Raw HTML paragraph text." in seen
    assert written == "{::nomarkdown}\n<p>RAW HTML PARAGRAPH TEXT.</p>\n{:/nomarkdown}\n\nTEXT.\n"


def test_memory_import_stores_a_headings_text_without_its_attribute_list(tmp_path: Path) -> None:
    source, translation = tmp_path / "a.md", tmp_path / "a.de.md"
    source.write_text("## Known issues {#known-issues}\n", "utf-8")
    translation.write_text("## Bekannte Probleme {#known-issues}\n", "utf-8")
    pairs = MarkdownDocument.pairs(translation, source_file=source)
    assert [(p.source, p.target) for p in pairs] == [("Known issues", "Bekannte Probleme")]


ADMONITIONS = """# Setup

!!! note
    The server restarts automatically.

!!! tip "Faster setup"
    Use the installer:

    ```bash
    install --fast
    ```

    - one step
      with more

??? info "Details"

    Logs are kept for 30 days.

    ???+ warning "Nested"
        Delete them by hand.

After them.
"""


def test_an_admonitions_marker_is_kept_and_its_body_translated_as_blocks(tmp_path: Path) -> None:
    """The marker line and the indented body were one paragraph (``!! Notizieren Sie ...``)."""
    seen, written = _translated(tmp_path, ADMONITIONS)
    assert seen == [
        "Setup",
        "The server restarts automatically.",
        "Faster setup",
        "Use the installer:",
        "one step with more",
        "Details",
        "Logs are kept for 30 days.",
        "Nested",
        "Delete them by hand.",
        "After them.",
    ]
    assert written == (
        ADMONITIONS.replace("Setup\n", "SETUP\n")
        .replace("The server restarts automatically.", "THE SERVER RESTARTS AUTOMATICALLY.")
        .replace("Faster setup", "FASTER SETUP")
        .replace("Use the installer:", "USE THE INSTALLER:")
        .replace("one step\n      with more", "ONE STEP WITH MORE")
        .replace('"Details"', '"DETAILS"')
        .replace("Logs are kept for 30 days.", "LOGS ARE KEPT FOR 30 DAYS.")
        .replace("Nested", "NESTED")
        .replace("Delete them by hand.", "DELETE THEM BY HAND.")
        .replace("After them.", "AFTER THEM.")
    )


def test_the_parser_reads_an_admonitions_body_dedented_and_its_markers_blank() -> None:
    view = parser_view(ADMONITIONS.splitlines())
    assert view.lines[2:5] == ["", "The server restarts automatically.", ""]
    assert view.lines[-5:] == ["", "", "Delete them by hand.", "", "After them."]
    assert view.titles == [(5, 9, 21), (15, 10, 17), (19, 18, 24)]


MARKDOWN_IN_HTML = """<div class="tip" markdown="1">
Use **SyncBridge** to keep your files in sync.

<div class="inner">
Inner <b>HTML</b>
</div>
</div>

<section markdown="block">
See the `config.yaml` file and the [FAQ](faq.md).
</section>

<div>
Not **Markdown**
</div>
"""


def test_the_content_of_an_html_block_marked_markdown_is_translated_as_markdown(
    tmp_path: Path,
) -> None:
    """It went to the model as HTML text: ``**SyncBridge*``, a code span lost."""
    seen, written = _translated(tmp_path, MARKDOWN_IN_HTML)
    assert seen == [
        "Use <b>SyncBridge</b> to keep your files in sync.",
        "Inner <b>HTML</b>",
        'See the <code>config.yaml</code> file and the <a href="faq.md">FAQ</a>.',
        "Not **Markdown**",
    ]
    assert written == (
        MARKDOWN_IN_HTML.replace("Use **SyncBridge** to keep your files in sync.",
                                 "USE **SYNCBRIDGE** TO KEEP YOUR FILES IN SYNC.")
        .replace("Inner <b>HTML</b>", "INNER <b>HTML</b>")
        .replace("See the `config.yaml` file and the [FAQ](faq.md).",
                 "SEE THE `config.yaml` FILE AND THE [FAQ](faq.md).")
        .replace("Not **Markdown**", "NOT **MARKDOWN**")
    )  # fmt: skip


HUGO = """{{< note >}}
SyncBridge must be running before you start.
{{< /note >}}

Read the [installation guide]({{< ref "install.md" >}}) before you continue.

Set the interval with {{< param "sync_interval" >}} minutes, {{% years %}} or {{ page.title }}.
{% include "footer.html" %}
"""


def test_template_tags_are_kept_as_written(tmp_path: Path) -> None:
    """Shortcodes were translated and garbled: ``{{< Note >}}``, ``{< /note >}``, a link's
    ``({{< ref "install.md" }})``."""
    units, written = _translated(tmp_path, HUGO)
    assert units == [
        "SyncBridge must be running before you start.",
        'Read the <a href="{{&lt; ref &quot;install.md&quot; &gt;}}">installation guide</a> before you '
        "continue.",
        'Set the interval with <code data-md="raw">{{< param "sync_interval" >}}</code> minutes, '
        '<code data-md="raw">{{% years %}}</code> or <code data-md="raw">{{ page.title }}</code>.',
    ]
    assert written == (
        HUGO.replace("SyncBridge must be running before you start.",
                     "SYNCBRIDGE MUST BE RUNNING BEFORE YOU START.")
        .replace("Read the [installation guide]", "READ THE [INSTALLATION GUIDE]")
        .replace(" before you continue.", " BEFORE YOU CONTINUE.")
        .replace("Set the interval with", "SET THE INTERVAL WITH")
        .replace(" minutes, ", " MINUTES, ")
        .replace(" or ", " OR ")
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "seen", "written"),
    [  # a line that began and ended with tags was read as one tag, kept whole and in English
        ("{% if user %}Welcome back!{% endif %}\n",
         ['<code data-md="raw">{% if user %}</code>Welcome back!<code data-md="raw">{% endif %}</code>'],
         "{% if user %}WELCOME BACK!{% endif %}\n"),
        ("{{< notice tip >}}Export it.{{< /notice >}}\n",
         ['<sc data-md="{{&lt; notice tip &gt;}}" data-end="{{&lt; /notice &gt;}}">Export it.'
          '</sc>'],  # a paired shortcode: a pair of tags (test_markdown)
         "{{< notice tip >}}EXPORT IT.{{< /notice >}}\n"),
        ("{{ a }} and {{ b }}\n",
         ['<code data-md="raw">{{ a }}</code> and <code data-md="raw">{{ b }}</code>'],
         "{{ a }} AND {{ b }}\n"),
        # tags alone: kept as written
        ("{% if user %} {{< icon >}}{% endif %}\n", [], "{% if user %} {{< icon >}}{% endif %}\n"),
    ],
)  # fmt: skip
def test_the_text_between_template_tags_on_a_line_is_translated(
    tmp_path: Path, text: str, seen: list[str], written: str
) -> None:
    assert _translated(tmp_path, text) == (seen, written)


def test_a_template_tag_in_a_code_span_stays_a_code_span(tmp_path: Path) -> None:
    _, written = _translated(tmp_path, "Write `{{< note >}}` to open a note.\n")
    assert written == "WRITE `{{< note >}}` TO OPEN A NOTE.\n"


TEMPLATE_CODE = """Build the project with the following command.
{{< highlight bash "linenos=table" >}}
make build
echo "Build finished"
{{< /highlight >}}

{% highlight ruby %}
puts "Hello world"
{% endhighlight %}

- Or in a list:

  {{% code file="Makefile" %}}
  ```make
  build:
  ```
  {{% /code %}}

{{< tabs >}}
Open a terminal.
{{< /tabs >}}
"""


def test_code_between_template_tags_is_kept_as_written(tmp_path: Path) -> None:
    """Hugo's ``highlight`` and ``code`` shortcodes' and Liquid's ``highlight`` code was
    translated and its lines merged (``erzeugte Echo »Build fertig«``)."""
    seen, written = _translated(tmp_path, TEMPLATE_CODE)
    assert seen == [
        "Build the project with the following command.",
        "Or in a list:",
        "Open a terminal.",
    ]
    assert written == (
        TEMPLATE_CODE.replace("Build the project with", "BUILD THE PROJECT WITH")
        .replace("the following command.", "THE FOLLOWING COMMAND.")
        .replace("Or in a list:", "OR IN A LIST:")
        .replace("Open a terminal.", "OPEN A TERMINAL.")
    )


MDX = """import Tabs from '@theme/Tabs';
import {Chart} from '../components/Chart';
export const Highlight = ({children}) => (
  <span>{children}</span>
);

{/* Keep this page short. */}

Install the package {/* not globally */} with npm.
import the data first, then export it.

export default settings are applied to every new report.

export function calls are logged.

:::danger Take care

Back up your data first.

:::

:::warning
Do not install the package as root.
:::

:::note[Read **this**]
:::

::: {.aside}
An aside.
:::
"""


def test_mdx_statements_comments_and_container_markers_are_kept_as_written(
    tmp_path: Path,
) -> None:
    """Docusaurus's ``:::danger Take care`` came back ``::: Fehlerhaft`` and ``:::warning``
    ``::warning``; MDX's imports were translated and merged; only a title is translated;
    prose starting with ``export default`` or ``export function`` was kept in English."""
    seen, written = _translated(tmp_path, MDX)
    assert seen == [
        'Install the package <code data-md="raw">{/* not globally */}</code> with npm. '
        "import the data first, then export it.",
        "export default settings are applied to every new report.",
        "export function calls are logged.",
        "Take care",
        "Back up your data first.",
        "Do not install the package as root.",
        "Read <b>this</b>",
        "An aside.",
    ]
    assert written == (
        MDX.replace("Install the package", "INSTALL THE PACKAGE")
        .replace(" with npm.\nimport the data first, then export it.",
                 " WITH NPM. IMPORT THE DATA FIRST, THEN EXPORT IT.")
        .replace("export default settings are applied to every new report.",
                 "EXPORT DEFAULT SETTINGS ARE APPLIED TO EVERY NEW REPORT.")
        .replace("export function calls are logged.", "EXPORT FUNCTION CALLS ARE LOGGED.")
        .replace("Take care", "TAKE CARE")
        .replace("Back up your data first.", "BACK UP YOUR DATA FIRST.")
        .replace("Do not install the package as root.", "DO NOT INSTALL THE PACKAGE AS ROOT.")
        .replace("Read **this**", "READ **THIS**")
        .replace("An aside.", "AN ASIDE.")
    )  # fmt: skip


TAB_ITEM = """<Tabs>
  <TabItem value="npm" label="npm">

    Install the package with npm and run the build.

  </TabItem>
</Tabs>

The price is low.
"""


@pytest.mark.parametrize(
    ("name", "seen"),
    [  # MDX has no indented code: the paragraph in a <TabItem> was left in English
        ("page.mdx", ["Install the package with npm and run the build.", "The price is low."]),
        ("page.md", ["The price is low."]),  # CommonMark's indented code: kept as written
    ],
)
def test_indented_text_of_an_mdx_page_is_translated_in_its_place(
    tmp_path: Path, name: str, seen: list[str]
) -> None:
    source, out = tmp_path / name, tmp_path / f"de-{name}"
    source.write_text(TAB_ITEM, "utf-8")
    document = open_document(source)
    assert [unit.source for unit in document.units()] == seen
    assert [unit.key for unit in document.units()][-1] == "block0"  # the other keys as they were
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = TAB_ITEM.replace("The price is low.", "THE PRICE IS LOW.")
    if name.endswith(".mdx"):
        written = written.replace("Install the package with npm and run the build.",
                                  "INSTALL THE PACKAGE WITH NPM AND RUN THE BUILD.")  # fmt: skip
    assert out.read_text("utf-8") == written


CARD = '<Card title="Get started" description="Deploy your first site in minutes" />\n'
IMAGE = '\n<img src="/img/diagram.png" alt="Diagram of the build pipeline" />\n'
IMAGE_WRITTEN = IMAGE.replace("Diagram of the build pipeline", "DIAGRAM OF THE BUILD PIPELINE")


@pytest.mark.parametrize(
    ("name", "written"),
    [  # a JSX component's props are code: the title alone came back translated
        ("page.mdx", CARD + IMAGE_WRITTEN),  # an HTML tag's alt text is read, as in .md
        ("page.md", CARD.replace("Get started", "GET STARTED") + IMAGE_WRITTEN),
    ],
)
def test_an_mdx_pages_jsx_props_are_kept_as_written(
    tmp_path: Path, name: str, written: str
) -> None:
    source, out = tmp_path / name, tmp_path / f"de-{name}"
    source.write_text(CARD + IMAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == written


def test_an_mdx_pages_indented_text_pairs_with_its_translation(tmp_path: Path) -> None:
    source, translated = tmp_path / "page.mdx", tmp_path / "page.de.mdx"
    source.write_text(TAB_ITEM, "utf-8")
    translated.write_text(
        TAB_ITEM.replace(
            "Install the package with npm and run the build.", "Paket installieren."
        ).replace("The price is low.", "Der Preis ist niedrig."),
        "utf-8",
    )
    pairs = [(p.source, p.target) for p in MarkdownDocument.pairs(translated, source)]
    assert pairs == [
        ("Install the package with npm and run the build.", "Paket installieren."),
        ("The price is low.", "Der Preis ist niedrig."),
    ]


MDX_CODE = """<Columns>
  <Column>

    {people.map((name) => (
      <Avatar key={name} name={name} />
    ))}

  </Column>
  <TabItem value="cloud" label="Cloud">

    :::tip

    Use the free plan to try it out.

    :::

  </TabItem>
</Columns>

1. Create the project:

       npx create-acme-app my-site
"""


def test_an_mdx_pages_indented_code_is_kept_as_written(tmp_path: Path) -> None:
    # a JSX expression, an admonition's markers and a command in a list item were translated
    source, out = tmp_path / "page.mdx", tmp_path / "de-page.mdx"
    source.write_text(MDX_CODE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == MDX_CODE.replace(
        "Use the free plan to try it out.", "USE THE FREE PLAN TO TRY IT OUT."
    ).replace("Create the project:", "CREATE THE PROJECT:")


def test_an_mdx_pages_indented_text_left_as_written_is_not_imported(tmp_path: Path) -> None:
    source, translated = tmp_path / "page.mdx", tmp_path / "page.de.mdx"
    source.write_text(TAB_ITEM, "utf-8")  # its <TabItem>'s paragraph left in English
    translated.write_text(TAB_ITEM.replace("The price is low.", "Der Preis ist niedrig."), "utf-8")
    pairs = [(p.source, p.target) for p in MarkdownDocument.pairs(translated, source)]
    assert pairs == [("The price is low.", "Der Preis ist niedrig.")]


def _written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, "utf-8")
    return path


ADMONITIONS_AS_CODE = """Write a note box like this:

```markdown
!!! note "Read this first"
    Body text.
```

~~~~
??? tip "Inside tildes"
```
still code
~~~~

Or the old way:

    !!! warning "Old syntax"
        Indented code.

!!! note "A real one"
    ```
    !!! tip "Code in it"
    ```
"""


def test_an_admonition_in_code_is_code() -> None:
    """An admonition shown as an example, in a fenced or an indented code block, had its title
    translated (``!!! note "Erstes lesen"`` in the code)."""
    view = parser_view(ADMONITIONS_AS_CODE.splitlines())
    lines = ADMONITIONS_AS_CODE.splitlines()
    assert view.lines[:18] == lines[:18]
    assert view.titles == [(18, 10, 20)]
    assert view.lines[18:22] == ["", "```", '!!! tip "Code in it"', "```"]


def test_admonitions_in_code_come_back_as_written(tmp_path: Path) -> None:
    seen, written = _translated(tmp_path, ADMONITIONS_AS_CODE)
    assert "Read this first" not in seen and "Old syntax" not in seen
    assert "Code in it" not in seen and "A real one" in seen
    assert '!!! note "Read this first"' in written and '!!! warning "Old syntax"' in written
    assert '!!! tip "Code in it"' in written and '"A REAL ONE"' in written


SNIPPETS = """Some text.

--8<-- "includes/abbr.md"

;--8<-- "escaped.md"

--8<--
includes/abbr.md
includes/links.md
--8<--

!!! note
    --8<-- 'includes/note.md'

A lone marker closes nothing:

--8<--

Last words.
"""


def test_snippets_lines_are_kept_as_written(tmp_path: Path) -> None:
    """``--8<-- "includes/abbr.md"`` came back ``--8<- »includes/abbr.md«`` (a guillemet for the <) (the build broke)."""
    seen, written = _translated(tmp_path, SNIPPETS)
    assert seen == ["Some text.", "A lone marker closes nothing:", "Last words."]
    assert written == (
        SNIPPETS.replace("Some text.", "SOME TEXT.")
        .replace("A lone marker closes nothing:", "A LONE MARKER CLOSES NOTHING:")
        .replace("Last words.", "LAST WORDS.")
    )


TABS = """Install it.

=== "Command line"

    Run the installer.

    ```bash
    pip install clouddesk
    ```

===! "Windows"
    Double-click the installer.

===+ "macOS"

    Open the disk image.

Setext heading
===
"""


def test_a_content_tabs_title_and_body_are_translated_as_an_admonitions(tmp_path: Path) -> None:
    """``=== "Python"`` came back ``=== »Python«`` (the tabs collapsed) and its indented
    body was an indented code block, left in English."""
    seen, written = _translated(tmp_path, TABS)
    assert seen == [
        "Install it.",
        "Command line",
        "Run the installer.",
        "Windows",
        "Double-click the installer.",
        "macOS",
        "Open the disk image.",
        "Setext heading",
    ]
    assert written == (
        TABS.replace("Install it.", "INSTALL IT.")
        .replace("Command line", "COMMAND LINE")
        .replace("Run the installer.", "RUN THE INSTALLER.")
        .replace('"Windows"', '"WINDOWS"')
        .replace("Double-click the installer.", "DOUBLE-CLICK THE INSTALLER.")
        .replace("macOS", "MACOS")
        .replace("Open the disk image.", "OPEN THE DISK IMAGE.")
        .replace("Setext heading", "SETEXT HEADING")
    )


ABBREVIATIONS = """The API is stable.
*[API]: Application Programming Interface
*[IT]:  Information Technology\t
*[HTML]:

!!! note
    Ask IT.

    *[IT]: Information Technology
"""


def test_each_abbreviation_definition_is_its_own_line_its_expansion_translated(
    tmp_path: Path,
) -> None:
    """Consecutive definitions were one paragraph, written as one line (``... *[IT]: ...``)."""
    seen, written = _translated(tmp_path, ABBREVIATIONS)
    assert seen == [
        "The API is stable.",
        "Application Programming Interface",
        "Information Technology",
        "Ask IT.",
        "Information Technology",
    ]
    assert written == (
        ABBREVIATIONS.replace("The API is stable.", "THE API IS STABLE.")
        .replace("Application Programming Interface", "APPLICATION PROGRAMMING INTERFACE")
        .replace("Information Technology", "INFORMATION TECHNOLOGY")
        .replace("Ask IT.", "ASK IT.")
    )


@pytest.mark.parametrize(
    ("text", "seen", "written"),
    [  # .md-button--primary came back .md-button-Primary
        ("[Get started](guide/install.md){ .md-button .md-button--primary }\n",
         ['<a href="guide/install.md">Get started</a>'
          '<code data-md="raw">{ .md-button .md-button--primary }</code>'],
         "[GET STARTED](guide/install.md){ .md-button .md-button--primary }\n"),
        ("See ![Logo](logo.png){ width=300 #logo } and **this**{: .x }.\n",
         ['See <img src="logo.png" alt="Logo"/><code data-md="raw">{ width=300 #logo }</code>'
          ' and <b>this</b><code data-md="raw">{: .x }</code>.', "Logo"],
         "SEE ![LOGO](logo.png){ width=300 #logo } AND **THIS**{: .x }.\n"),
        # a heading's still outside its text
        ("# Welcome { #welcome }\n", ["Welcome"], "# WELCOME { #welcome }\n"),
    ],
)  # fmt: skip
def test_an_attribute_list_in_text_is_kept_as_code_is(
    tmp_path: Path, text: str, seen: list[str], written: str
) -> None:
    assert _translated(tmp_path, text) == (seen, written)


@pytest.mark.parametrize(
    ("text", "seen", "written"),
    [  # ++ctrl+alt+del++ came back ++ctrg+alt+del+del+ Löschtaste+
        ("Press ++ctrl+alt+del++ to restart.\n",
         ['Press <code data-md="raw">++ctrl+alt+del++</code> to restart.'],
         "PRESS ++ctrl+alt+del++ TO RESTART.\n"),
        ('Press ++ctrl+s++ or ++"My Key"++, not a++ or C++.\n',
         ['Press <code data-md="raw">++ctrl+s++</code> or <code data-md="raw">++"My Key"++</code>'
          ", not a++ or C++."],
         'PRESS ++ctrl+s++ OR ++"My Key"++, NOT A++ OR C++.\n'),
    ],
)  # fmt: skip
def test_keys_are_kept_as_code_is(tmp_path: Path, text: str, seen: list[str], written: str) -> None:
    assert _translated(tmp_path, text) == (seen, written)


@pytest.mark.parametrize(
    ("text", "seen", "written"),
    [  # "\frac{1}{2}" went to the model as {1} and {2}, which it moved ("...$> >. {2}")
        ("The energy $E(t) = \\int_\\Omega \\frac{1}{2} u^2 \\, dx$ is conserved for all"
         " times $t > 0$.\n",
         ['The energy <code data-md="raw">$E(t) = \\int_\\Omega \\frac{1}{2} u^2 \\, dx$</code>'
          ' is conserved for all times <code data-md="raw">$t > 0$</code>.'],
         "THE ENERGY $E(t) = \\int_\\Omega \\frac{1}{2} u^2 \\, dx$ IS CONSERVED FOR ALL TIMES"
         " $t > 0$.\n"),
        # the residual's paragraph was left in English
        ("The residual is $r = \\max_{i} |u_i - u_i^{old}|$.\n",
         ['The residual is <code data-md="raw">$r = \\max_{i} |u_i - u_i^{old}|$</code>.'],
         "THE RESIDUAL IS $r = \\max_{i} |u_i - u_i^{old}|$.\n"),
        # its white space kept ("$O(n \log n) $" came back: no math to pandoc or GitHub)
        ("Sorting takes $O(n \\log n)$ steps, or $$ n^2 $$ at worst.\n",
         ['Sorting takes <code data-md="raw">$O(n \\log n)$</code> steps, or'
          ' <code data-md="raw">$$ n^2 $$</code> at worst.'],
         "SORTING TAKES $O(n \\log n)$ STEPS, OR $$ n^2 $$ AT WORST.\n"),
        # no math by pandoc's rule: a digit after the closing $, a space inside the $
        ("It costs $5 and $10, or $20,000 and $30,000.\n",
         ["It costs $5 and $10, or $20,000 and $30,000."],
         "IT COSTS $5 AND $10, OR $20,000 AND $30,000.\n"),
        ("Pay $ 5 or 6 $ now.\n", ["Pay $ 5 or 6 $ now."], "PAY $ 5 OR 6 $ NOW.\n"),
        # a shell's variables are no math (session 71's regression test: "$HOME/bin:$" was
        # math, PATH translated "$PFAD"; "$HOME/jdk and PATH=$" math, "and" left English)
        ("Set the path with $HOME/bin:$PATH and restart your shell.\n",
         ["Set the path with $HOME/bin:$PATH and restart your shell."],
         "SET THE PATH WITH $HOME/BIN:$PATH AND RESTART YOUR SHELL.\n"),
        ("Set JAVA_HOME=$HOME/jdk and PATH=$JAVA_HOME/bin:$PATH first.\n",
         ["Set JAVA_HOME=$HOME/jdk and PATH=$JAVA_HOME/bin:$PATH first."],
         "SET JAVA_HOME=$HOME/JDK AND PATH=$JAVA_HOME/BIN:$PATH FIRST.\n"),
        ("Use ${HOME}/x or $(pwd) here.\n", ["Use ${HOME}/x or $(pwd) here."],
         "USE ${HOME}/X OR $(PWD) HERE.\n"),
        # upper-case math stays math: a letter alone, a subscript, a power, a closing $
        ("So $E = mc^2$, $N_0$, $AB^2$ and $NP$ hold.\n",
         ['So <code data-md="raw">$E = mc^2$</code>, <code data-md="raw">$N_0$</code>,'
          ' <code data-md="raw">$AB^2$</code> and <code data-md="raw">$NP$</code> hold.'],
         "SO $E = mc^2$, $N_0$, $AB^2$ AND $NP$ HOLD.\n"),
        # in a code span it is code
        ("Type `$x$` here.\n", ["Type <code>$x$</code> here."], "TYPE `$x$` HERE.\n"),
    ],
)  # fmt: skip
def test_tex_math_is_kept_as_code_is(
    tmp_path: Path, text: str, seen: list[str], written: str
) -> None:
    """TeX math between dollars, by pandoc's ``tex_math_dollars`` rule (a LaTeX user's trial)."""
    assert _translated(tmp_path, text) == (seen, written)


def test_tex_math_on_an_mdx_page_is_kept_as_code_is(tmp_path: Path) -> None:
    source, out = tmp_path / "page.mdx", tmp_path / "page.de.mdx"
    source.write_text("The mean is $\\bar{x} = \\frac{1}{n}$ here.\n", "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        'The mean is <code data-md="raw">$\\bar{x} = \\frac{1}{n}$</code> here.'
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == "THE MEAN IS $\\bar{x} = \\frac{1}{n}$ HERE.\n"


@pytest.mark.parametrize(
    ("translation", "findings"),
    [
        ("Sortieren braucht $O(n \\log n)$ Schritte.\n", []),
        # a space before the closing $: pandoc and GitHub show no math
        ("Sortieren braucht $O(n \\log n) $ Schritte.\n",
         ["changes Markdown markup: write '$O(n \\\\log n)$' as the source does"]),
        ("Sortieren braucht $O(n)$ Schritte.\n",
         ["changes Markdown markup: write '$O(n \\\\log n)$' as the source does"]),
    ],
)  # fmt: skip
def test_qa_reads_tex_math_as_markup_kept_as_written(
    tmp_path: Path, translation: str, findings: list[str]
) -> None:
    """A formula changed or lost passed ``ltmt qa`` (its text was the model's)."""
    from ltmt.qa.pair_checks import placeholder_problems

    source, output = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text("Sorting takes $O(n \\log n)$ steps.\n", "utf-8")
    output.write_text(translation, "utf-8")
    [pair] = MarkdownDocument.pairs(output, source, purpose="checked")
    assert placeholder_problems(pair.source, pair.target, {}) == findings
