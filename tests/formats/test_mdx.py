"""What of an MDX page's JSX and indented lines is text to translate."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.html_segments import segments
from ltmt.formats.markdown import MarkdownDocument
from ltmt.formats.mdx import (
    component_shape,
    component_tag_end,
    html_attributes,
    indented_prose,
    inline_component_end,
)
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("html", "read"),
    [
        ('<img src="/img/diagram.png" alt="Diagram of the build pipeline" />', ["alt"]),
        ('<Card title="Get started" description="Deploy your first site" />', []),  # props
        ('<p><input placeholder="Your name" aria-label="Name"></p>', ["placeholder", "aria-label"]),
        ('<Tabs.Item title="Cloud"><abbr title="Hypertext">HTML</abbr></Tabs.Item>', ["title"]),
    ],
)
def test_html_attributes_of_an_mdx_page(html: str, read: list[str]) -> None:
    found = segments(html)
    assert [value.name for value in html_attributes(found.attributes, html)] == read


def _page(*indented: str, opening: str = '  <TabItem value="cloud" label="Cloud">') -> list[str]:
    return ["<Tabs>", opening, "", *indented, "", "  </TabItem>", "</Tabs>"]


@pytest.mark.parametrize(
    ("lines", "text", "expected"),
    [
        (_page("    Meet the people who build the product."), None, True),
        (_page("    Click **Deploy** and wait"), None, True),  # three words, one in lower case
        (_page("    - Open a terminal."), "Open a terminal.", True),  # a list item's
        (_page("    Acme Cloud Edition"), None, False),  # a name, not a sentence
        (_page("    {people.map((name) => ("), None, False),  # a JSX expression
        (_page("      <Avatar key={name} name={name} />"), None, False),
        (_page("    :::tip"), None, False),  # an admonition's marker
        (_page("    npx create-acme-app my-site"), None, False),  # a command
        (_page("    $ ls -la now."), None, False),
        (_page("    ./build.sh runs the build."), None, False),
        (_page("    Call setup() before you start."), None, False),  # a call
        (_page("    Meet the people.", opening="  <Avatar name={name} />"), None, False),
        (["1. Create the project:", "", "       npx create-acme-app my-site"], None, False),
        (["> **Note:** Read it.", ">", ">     This line is indented inside a quote."], None, False),
    ],
)
def test_indented_prose_of_an_mdx_page(lines: list[str], text: str | None, expected: bool) -> None:
    first = len(lines) - 1 if not lines[-1].startswith("</") else 3
    text = text if text is not None else lines[first].strip()
    assert indented_prose(lines, first, first + 1, text) is expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("<Meta parameters={{ docs: { description: { component: 'A card.' } } }} />", 1),
        ('<Meta\n  of={CardStories}\n  parameters={{ layout: "centered" }}\n/>\n\n# Card', 4),
        ("<Story of={FormStories.Default} args={{ label: 'Send form' }} />", 1),
        ('  <Canvas layout={{ note: "a } in a string" }}>', 1),  # an opening tag, indented
        ("</Tabs.Item>", 0),  # no expression prop: read as CommonMark reads it
        ('<Meta title="Components/Card" />', 0),
        ("<Button onClick={save}>Save</Button>", 0),  # text after the tag: not alone
        ("<Markdown>{Readme}</Markdown>", 0),
        ("<Story of={X}\n\n/>", 0),  # a blank line: no tag
        ("<img src={logo} />", 0),  # HTML's tag: its attributes are read
    ],
)
def test_component_tag_end(text: str, end: int) -> None:
    assert component_tag_end(text.split("\n"), 0) == end


STORYBOOK = """import { Meta, Story } from '@storybook/blocks';

<Meta title="Components/Card" parameters={{ docs: { description: { component: 'A card.' } } }} />

<Meta
  title="Components/Card"
  of={CardStories}
  parameters={{ layout: "centered" }}
/>

# Card

<Story of={FormStories.Default} args={{ label: 'Send form' }} />

A card groups related content.

```jsx
<Story of={FormStories.Default} args={{ label: 'Send form' }} />
```
"""


def test_a_component_tag_with_an_expression_prop_is_kept_as_written(tmp_path: Path) -> None:
    """``<Meta title="Components/Card" parameters={{ ... }} />`` came back ``&lt;Meta
    title=»Components/Card« Parameter={{ ... }} /&gt;``, ``<Story of=... args={{ ... }} />``
    as ``<Story von=...`` without its ``/>``: translated as prose."""
    source, out = tmp_path / "Card.mdx", tmp_path / "de-Card.mdx"
    source.write_text(STORYBOOK, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "Card",
        "A card groups related content.",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == STORYBOOK.replace("# Card", "# CARD").replace(
        "A card groups related content.", "A CARD GROUPS RELATED CONTENT."
    )


def test_qa_reports_a_changed_component_tag(tmp_path: Path) -> None:
    """``Parameter={{`` for ``parameters={{`` passed ``ltmt qa``: the tag is no block."""
    from ltmt.qa.pair_checks import copied_problems, placeholder_problems

    source, output = tmp_path / "Card.mdx", tmp_path / "de-Card.mdx"
    source.write_text(STORYBOOK, "utf-8")
    output.write_text(STORYBOOK.replace("  parameters=", "  Parameter="), "utf-8")
    found = {
        pair.position.split(": ")[-1]: pair
        for pair in MarkdownDocument.pairs(output, source, purpose="checked")
    }
    pair = found["components"]
    assert placeholder_problems(pair.source, pair.target, {}) == [
        'changes Markdown markup: write \'<Meta title="…" of={CardStories} '
        'parameters={{ layout: "centered" }} />\' as the source does'
    ]
    assert copied_problems(pair.source, pair.source, {}) == []  # as written: no copy
    assert "components" not in {
        pair.position.split(": ")[-1] for pair in MarkdownDocument.pairs(output, source)
    }  # nor is it imported into memory


@pytest.mark.parametrize(
    ("tag", "shape"),
    [
        (
            "<Card title=\"Install the CLI\" href={useBaseUrl('/docs/install')} />",
            "<Card title=\"…\" href={useBaseUrl('/docs/install')} />",
        ),
        (  # over several lines, its end glued to the last prop: the same shape
            "<Card\n  title='Read the guide'\n  href={useBaseUrl('/docs/guide')}/>",
            "<Card title=\"…\" href={useBaseUrl('/docs/guide')} />",
        ),
        (  # an expression as written: its strings, its white space
            '  <Canvas layout={{ note: "a } in a string" }}  >',
            '<Canvas layout={{ note: "a } in a string" }}>',
        ),
        ('<Figure src={diagram} caption="" />', '<Figure src={diagram} caption="…" />'),
    ],
)
def test_component_shape(tag: str, shape: str) -> None:
    assert component_shape(tag) == shape


DOC = """# Quick start

<Card title="Install the CLI" href={useBaseUrl('/docs/install')} />

<Card
  title="Read the guide"
  href={useBaseUrl('/docs/guide')}
/>
"""


@pytest.mark.parametrize(
    ("translation", "problems"),
    [
        (  # its title translated, the second tag reflowed onto one line: nothing found
            DOC.replace("Quick start", "Schnellstart")
            .replace("Install the CLI", "CLI installieren")
            .replace('\n  title="Read the guide"\n  href', ' title="Anleitung lesen" href')
            .replace("}\n/>", "} />"),
            [],
        ),
        (
            DOC.replace("href={useBaseUrl('/docs/install')}", "href={useBaseUrl('/de/install')}"),
            [
                'changes Markdown markup: write \'<Card title="…" '
                "href={useBaseUrl(\\'/docs/install\\')} />' as the source does"
            ],
        ),
        (
            DOC.replace('title="Install the CLI"', 'titel="CLI installieren"'),
            [
                'changes Markdown markup: write \'<Card title="…" '
                "href={useBaseUrl(\\'/docs/install\\')} />' as the source does"
            ],
        ),
    ],
)
def test_qa_sets_a_component_tags_string_values_aside(
    tmp_path: Path, translation: str, problems: list[str]
) -> None:
    """``<Card title="CLI installieren" href={...} />`` for ``<Card title="Install the CLI"
    href={...} />`` was an error ``changes Markdown markup``, and so was the tag reflowed."""
    from ltmt.qa.pair_checks import placeholder_problems

    source, output = tmp_path / "doc.mdx", tmp_path / "doc.de.mdx"
    source.write_text(DOC, "utf-8")
    output.write_text(translation, "utf-8")
    pairs = MarkdownDocument.pairs(output, source, purpose="checked")
    pair = next(pair for pair in pairs if pair.position.endswith(": components"))
    assert placeholder_problems(pair.source, pair.target, {}) == problems


PROPS = """<Card title="Install the CLI" href={useBaseUrl('/docs/install')} />

<Card
  title='Read the guide'
  icon={<BookIcon title="Book icon" size={16} />}
  href="/docs/guide"
/>

<Steps>
  <Step {...step} label="Create an account" number={1} />
</Steps>

<Figure src={diagram} caption="The sync architecture" alt="" />

<Tabs groupId="os" values={[{label: 'macOS', value: 'mac'}]}>
"""


def test_a_component_tags_text_props_are_translated(tmp_path: Path) -> None:
    """``<Card title="Install the CLI" href={...} />`` was left in English once its tag was
    kept as written; its text props are translated, the tag otherwise byte for byte (not a
    string in an expression, not a prop that is no text: groupId)."""
    source, out = tmp_path / "doc.mdx", tmp_path / "doc.de.mdx"
    source.write_text(PROPS + STORYBOOK, "utf-8")
    assert [unit.source for unit in open_document(source).units()][:4] == [
        "Install the CLI",
        "Read the guide",
        "Create an account",
        "The sync architecture",
    ]  # (Storybook's <Meta title="Components/Card">: the stories' place, no text)
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert written.startswith(
        PROPS.replace('"Install the CLI"', '"INSTALL THE CLI"')
        .replace("'Read the guide'", '"READ THE GUIDE"')
        .replace('"Create an account"', '"CREATE AN ACCOUNT"')
        .replace('"The sync architecture"', '"THE SYNC ARCHITECTURE"')
    )
    assert written.endswith(
        STORYBOOK.replace("# Card", "# CARD").replace(
            "A card groups related content.", "A CARD GROUPS RELATED CONTENT."
        )
    )


@pytest.mark.parametrize(
    "page",
    [
        "# Docs\n\n<Markdown>{Readme}</Markdown>\n",
        "Install it.\n\n<Markdown>{Readme}</Markdown>\n\nRead <Hint>the guide</Hint>.\n",
    ],
)
def test_a_component_closed_in_its_paragraph_is_written_as_a_tag(tmp_path: Path, page: str) -> None:
    """``<Markdown>{Readme}</Markdown>`` was written ``&lt;Markdown&gt;{Readme}</Markdown>``
    though its translation was the source: its tag was read apart from its ``</Markdown>``."""
    source, out = tmp_path / "Md.mdx", tmp_path / "de-Md.mdx"
    source.write_text(page, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == page.replace("Docs", "DOCS").replace(
        "Install it.", "INSTALL IT."
    ).replace("Read <Hint>the guide</Hint>.", "READ <Hint>THE GUIDE</Hint>.")


def test_a_headings_text_stays_outside_its_inline_component(tmp_path: Path) -> None:
    """``# Tooltip <Badge status="beta">Beta</Badge>`` came back ``# <Badge
    status="beta">Minihilfen-Benta</Badge>`` (the model's one compound for both words): a JSX
    element in a heading is a pair of tags as HTML's, its heading's word kept out of it."""
    words = {"Tooltip Beta": "Minihilfen-Benta", "Beta": "Benta"}
    source, out = tmp_path / "Tooltip.mdx", tmp_path / "de-Tooltip.mdx"
    source.write_text('# Tooltip <Badge status="beta">Beta</Badge>\n', "utf-8")
    translate_file(
        source, out, lambda texts, prefer: [words.get(t, t) for t in texts], tgt_lang="de"
    )
    assert out.read_text("utf-8") == '# Minihilfen-<Badge status="beta">Benta</Badge>\n'


@pytest.mark.parametrize(
    "comment",
    [
        "{/*\n  Keep this in sync\n  with Figma.\n*/}\n",
        "  {/* Multi-line comment: keep the\n  accessibility notes in sync. */}\n",
    ],
)
def test_a_comment_over_several_lines_is_kept_as_written(tmp_path: Path, comment: str) -> None:
    """``{/*`` / ``Keep this in sync`` / ``with Figma.`` / ``*/}`` went to the model (and was
    named ``'<code data-md="raw">{/*\\n  Keep this in …'`` in the summary), where a comment on
    one line was kept as written."""
    page = f"# Notes\n\n{comment}\nSome text here.\n"
    source, out = tmp_path / "Comment.mdx", tmp_path / "de-Comment.mdx"
    source.write_text(page, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == ["Notes", "Some text here."]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == page.replace("Notes", "NOTES").replace(
        "Some text here.", "SOME TEXT HERE."
    )


def test_memory_import_pairs_a_component_tags_text_props(tmp_path: Path) -> None:
    """``memory import doc.de.mdx --source-file doc.mdx`` stored 3 pairs and not ``Install the
    CLI`` → ``CLI installieren`` once the tag was kept as written; its text props are paired
    again, of a tag the translation reflowed onto one line too (not the tag itself: code)."""
    source, translation = tmp_path / "doc.mdx", tmp_path / "doc.de.mdx"
    source.write_text(DOC, "utf-8")
    translation.write_text(
        DOC.replace("Quick start", "Schnellstart")
        .replace("Install the CLI", "CLI installieren")
        .replace('\n  title="Read the guide"\n  href', ' title="Anleitung lesen" href')
        .replace("}\n/>", "} />"),
        "utf-8",
    )
    assert [(pair.source, pair.target) for pair in MarkdownDocument.pairs(translation, source)] == [
        ("Quick start", "Schnellstart"),
        ("Install the CLI", "CLI installieren"),
        ("Read the guide", "Anleitung lesen"),
    ]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (  # the > of => is no end
            "Click <Button onClick={() => setOpen(true)}>Save</Button>",
            "<Button onClick={() => setOpen(true)}>",
        ),
        (
            "Hover <Tooltip content={t('tooltip.save')}>the icon</Tooltip>",
            "<Tooltip content={t('tooltip.save')}>",
        ),
        ("You have <Badge count={3} /> new", "<Badge count={3} />"),  # self-closing
        (  # strings skipped
            'Read <Note text={"a } and a > in a string"}>it</Note>',
            '<Note text={"a } and a > in a string"}>',
        ),
        ('Go <Icon render={<Arrow dir="left" />}> back', '<Icon render={<Arrow dir="left" />}>'),
        ("A <Card\n  href={url}\n>card</Card>", "<Card\n  href={url}\n>"),  # over lines
        ('Read the <Link to="/docs">docs</Link>', ""),  # no expression: CommonMark's tag
        ("Close </Button> now", ""),  # a closing tag: CommonMark's
        ("Use <a href={url}>it</a>", ""),  # HTML's tag
        ("The <Button onClick={save}}> tag", ""),  # a stray brace: no tag
        ("The <Button onClick={save} tag", ""),  # no end
    ],
)
def test_inline_component_end(text: str, tag: str) -> None:
    start = text.index("<")
    end = inline_component_end(text, start)
    assert (text[start:end] if end else "") == tag


INLINE = """---
title: Saving your work
---

import { Button, Tooltip, Badge } from '@acme/ui';

export const meta = { section: 'guides' };

{line}
"""


@pytest.mark.parametrize(
    ("line", "tagged", "translated"),
    [
        (
            "Click <Button onClick={() => setOpen(true)}>Save</Button> to keep your changes.",
            'Click <code data-md="raw">&lt;Button onClick={() =&gt; setOpen(true)}&gt;</code>'
            "Save</Button> to keep your changes.",
            "CLICK <Button onClick={() => setOpen(true)}>SAVE</Button> TO KEEP YOUR CHANGES.",
        ),
        (
            "Hover <Tooltip content={t('tooltip.save')}>the icon</Tooltip> for help.",
            "Hover <code data-md=\"raw\">&lt;Tooltip content={t('tooltip.save')}&gt;</code>"
            "the icon</Tooltip> for help.",
            "HOVER <Tooltip content={t('tooltip.save')}>THE ICON</Tooltip> FOR HELP.",
        ),
        (
            "You have <Badge count={3} /> new messages.",
            'You have <code data-md="raw">&lt;Badge count={3} /&gt;</code> new messages.',
            "YOU HAVE <Badge count={3} /> NEW MESSAGES.",
        ),
        (  # no expression: as CommonMark reads it, as before
            'Read the <Link to="/docs">docs</Link> before you start.',
            'Read the <Link to="/docs">docs</Link> before you start.',
            'READ THE <Link to="/docs">DOCS</Link> BEFORE YOU START.',
        ),
        (
            "The label reads {props.label} in the menu.",
            "The label reads {props.label} in the menu.",
            "THE LABEL READS {props.label} IN THE MENU.",
        ),
    ],
)
def test_an_inline_component_tag_with_an_expression_is_kept_whole(
    tmp_path: Path, line: str, tagged: str, translated: str
) -> None:
    """``Click <Button onClick={() => setOpen(true)}>Save</Button>`` came back ``Click
    setOpen(true)}>Save</Button>``: the ``>`` of ``=>`` ended the tag, which the placeholder
    repair then dropped; ``<Badge count={3} />`` came back ``&lt;Badge Anzahl={3} /&gt;``."""
    from ltmt.qa.pair_checks import placeholder_problems

    page = INLINE.replace("{line}", line)
    source, out = tmp_path / "save.mdx", tmp_path / "save.de.mdx"
    source.write_text(page, "utf-8")
    assert [unit.source for unit in open_document(source).units()][-1] == tagged
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == INLINE.replace("{line}", translated).replace(
        "Saving your work", "SAVING YOUR WORK"
    )
    for pair in MarkdownDocument.pairs(out, source, purpose="checked"):
        assert placeholder_problems(pair.source, pair.target, {}) == []


def test_qa_reports_a_lost_inline_component_tag(tmp_path: Path) -> None:
    """The translation that lost ``<Button onClick={() =>`` passed ``ltmt qa``; then it also
    said ``lacks <code data-md="raw">, &lt;, &gt; (2 times), ...``, ltmt's tagged form."""
    from ltmt.qa.pair_checks import placeholder_problems

    line = "Click <Button onClick={() => setOpen(true)}>Save</Button> to keep your changes."
    source, out = tmp_path / "save.mdx", tmp_path / "save.de.mdx"
    source.write_text(INLINE.replace("{line}", line), "utf-8")
    lost = "Click setOpen(true)}>Save</Button> um Ihre Änderungen zu erhalten."
    out.write_text(INLINE.replace("{line}", lost), "utf-8")
    pair = list(MarkdownDocument.pairs(out, source, purpose="checked"))[-1]
    assert placeholder_problems(pair.source, pair.target, {}) == [
        "has a stray '>' the source does not have (part of a tag?)",  # of the tag's rest
        "changes Markdown markup: write '<Button onClick={() => setOpen(true)}>' as the source does",
    ]


@pytest.mark.parametrize(
    ("line", "translated"),
    [
        (
            'You have <Badge title="New items" count={3} /> new messages.',
            'YOU HAVE <Badge title="NEW ITEMS" count={3} /> NEW MESSAGES.',
        ),
        (  # the block path's writer: double quotes; an expression's strings kept
            "Hover <Tooltip label='Save it' content={t('tooltip.save')}>the icon</Tooltip>.",
            "HOVER <Tooltip label=\"SAVE IT\" content={t('tooltip.save')}>THE ICON</Tooltip>.",
        ),
        (  # not a string in an expression, not an empty one, not Storybook's <Meta title>
            '<Icon render={<Arrow title="left" />} title="" /> or <Meta title="Card" of={x} />',
            '<Icon render={<Arrow title="left" />} title="" /> OR <Meta title="Card" of={x} />',
        ),
    ],
)
def test_an_inline_component_tags_text_props_are_translated(
    tmp_path: Path, line: str, translated: str
) -> None:
    """``<Badge title="New items" count={3} />`` in a paragraph kept ``title="New items"``
    English, where a tag on its own line has its text props translated."""
    from ltmt.qa.pair_checks import placeholder_problems

    source, out = tmp_path / "inbox.mdx", tmp_path / "inbox.de.mdx"
    source.write_text(INLINE.replace("{line}", line), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == INLINE.replace("{line}", translated).replace(
        "Saving your work", "SAVING YOUR WORK"
    )
    for pair in MarkdownDocument.pairs(out, source, purpose="checked"):
        assert placeholder_problems(pair.source, pair.target, {}) == []


def test_memory_import_pairs_an_inline_component_tags_text_props(tmp_path: Path) -> None:
    source, out = tmp_path / "inbox.mdx", tmp_path / "inbox.de.mdx"
    line = 'You have <Badge title="New items" count={3} /> new messages.'
    source.write_text(INLINE.replace("{line}", line), "utf-8")
    translation = 'Sie haben <Badge title="Neue Einträge" count={3} /> neue Nachrichten.'
    out.write_text(INLINE.replace("{line}", translation), "utf-8")
    pairs = [(pair.source, pair.target) for pair in MarkdownDocument.pairs(out, source)]
    assert ("New items", "Neue Einträge") in pairs
