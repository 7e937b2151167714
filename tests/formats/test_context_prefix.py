from __future__ import annotations

import pytest

from ltmt.formats.context_prefix import split_context_prefix


@pytest.mark.parametrize(
    ("msgid", "split"),
    [
        ("Menu|File", ("Menu", "File")),
        ("Book|Author", ("Book", "Author")),
        ("MainWindow|Sub|Open file", ("MainWindow|Sub", "Open file")),
        # ordinary text, code and table syntax stay whole
        ("Yes | No", None),
        ("Menu| File", None),
        ("Menu |File", None),
        ("foo|bar", None),
        ("A|B", None),
        ("Menu|", None),
        ("Menu|File|", None),
        ("Save file", None),
    ],
)
def test_a_context_prefix_is_recognised_only_as_s_writes_it(
    msgid: str, split: tuple[str, str] | None
) -> None:
    assert split_context_prefix(msgid) == split
