"""Tag-like tokens the placeholder inventory does not count: BBCode and angle-bracket tokens."""

from __future__ import annotations

import pytest

from ltmt.tag_tokens import tag_spans


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("[b]Health Potion[/b]: restores 50 HP.", ["[b]", "[/b]"]),
        ("a [color=#ff0000]Iron Sword[/color]!", ["[color=#ff0000]", "[/color]"]),
        ('[font="Times New Roman"]x[/font]', ['[font="Times New Roman"]', "[/font]"]),
        ("[img width=20 height=20]", ["[img width=20 height=20]"]),
        ("[/i] closes", ["[/i]"]),
        ("[b]Iron Swort[/B]", ["[b]", "[/B]"]),  # closed in another case
        ("Hold <action:Jump> to glide.", ["<action:Jump>"]),
        ("<color=#ff0000>Fire</color>", ["<color=#ff0000>", "</color>"]),
        # a bracketed label not closed later, a Markdown link, comparisons: no tags
        ("Press [OK] or [Cancel]", []),
        ("[Click here](https://x.org)", []),
        ("if a < b and c > d, x <= y", []),
    ],
)
def test_tag_spans(text, tags):
    assert [text[start:end] for start, end in tag_spans(text)] == tags
