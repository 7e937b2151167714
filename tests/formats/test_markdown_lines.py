"""CommonMark in a keyed file's value, read line by line: texts, and the pieces kept."""

from __future__ import annotations

import pytest

from ltmt.formats.markdown_lines import MarkdownLines

_MARKDOWN = """\
## Authentication

Every request needs an API key:

- create keys in the dashboard,
1. revoke them at any time.
> Keep them secret.

| Header | Value |
|--------|-------|
| `Authorization` | Your key |

```bash
curl https://api.parcelly.io -H "Authorization: Bearer $TOKEN"
```

    indented code

See https://parcelly.io
"""


def test_markdown_lines_keep_marks_bars_and_code_out_of_the_texts() -> None:
    lines = MarkdownLines.of(_MARKDOWN)
    assert lines.texts == (
        "Authentication",
        "Every request needs an API key:",
        "create keys in the dashboard,",
        "revoke them at any time.",
        "Keep them secret.",
        "Header",
        "Value",
        "Your key",
        "See https://parcelly.io",
    )
    assert lines.pieces[0] == "## "
    assert lines.pieces[5] == "\n\n| "
    assert "curl https://api.parcelly.io" in lines.pieces[-2]
    assert "    indented code\n" in lines.pieces[-2]
    upper = {key: text.upper() for key, text in zip(lines.keys("d"), lines.texts, strict=True)}
    translated = lines.translation("d", upper)
    assert translated is not None
    assert translated.splitlines()[:3] == [
        "## AUTHENTICATION",
        "",
        "EVERY REQUEST NEEDS AN API KEY:",
    ]
    assert "| `Authorization` | YOUR KEY |" in translated
    assert lines.read("d", translated) == upper
    assert lines.read("d", "one line") == {}  # another number of texts: not lined up


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("Returns the shipment.", True),
        ("Follow a parcel from pickup to delivery.\n", True),
        ("## Shipments", False),
        ("First line.\nSecond line.", False),
    ],
)
def test_a_value_of_one_text_alone_is_plain(value: str, plain: bool) -> None:
    assert MarkdownLines.of(value).is_plain() is plain


def test_markdown_lines_entries_are_its_texts_under_its_keys_in_one_group() -> None:
    lines = MarkdownLines.of("## Usage\n\n- first\n- second\n")
    entries = lines.entries("info.description", group="info")
    assert [(e.key, e.name, e.source, e.group) for e in entries] == [
        ("info.description#0", "info.description", "Usage", "info"),
        ("info.description#1", "info.description", "first", "info"),
        ("info.description#2", "info.description", "second", "info"),
    ]
    assert {e.group for e in lines.entries("d")} == {""}  # default: the name's own group
