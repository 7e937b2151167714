"""What of an MDX page's JSX is text to translate."""

from __future__ import annotations

import pytest

from ltmt.formats.html_segments import segments
from ltmt.formats.mdx import html_attributes


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
