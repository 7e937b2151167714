from __future__ import annotations

import pytest

from ltmt.formats.context_prefix import split_context_prefix

RUBY = ["app/views/menu.rb:3"]


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
    assert split_context_prefix(msgid, msgctxt="", references=RUBY) == split


@pytest.mark.parametrize(
    ("references", "msgctxt", "split"),
    [
        (["app/views/menu.rb:3"], "", ("Menu", "Help")),
        (["app/views/layout.html.erb:12", "lib/tasks/menu.rake:4"], "", ("Menu", "Help")),
        (
            ["app/views/menu.haml:1", "app/views/menu.slim", "app/Menu.RHTML:2"],
            "",
            ("Menu", "Help"),
        ),
        (["\u2068app/my views/menu.erb\u2069:3"], "", ("Menu", "Help")),
        # not evidently ruby-gettext's s_(): the program shows the msgid whole
        ([], "", None),
        (["src/menu.c:3"], "", None),
        (["app/menu.py:3"], "", None),
        (["static/menu.js:3"], "", None),
        (["app/views/menu.rb:3", "static/menu.js:9"], "", None),
        (["app/views/menu.rb:3"], "help", None),  # its context is the msgctxt
    ],
)
def test_a_context_prefix_is_recognised_only_in_a_ruby_sources_entry(
    references: list[str], msgctxt: str, split: tuple[str, str] | None
) -> None:
    """Regression trial regc, session 69: any catalog's Yes|No was taken for s_()'s context Yes
    and text No (translated Nein, imported as No -> Ja|Nein); rxgettext marks an s_() msgid
    by nothing but its Ruby references."""
    assert split_context_prefix("Menu|Help", msgctxt=msgctxt, references=references) == split
