"""What of an MDX page's JSX and indented lines is text to translate."""

from __future__ import annotations

import pytest

from ltmt.formats.html_segments import segments
from ltmt.formats.mdx import html_attributes, indented_prose


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
