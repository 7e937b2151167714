"""An XML file's root element read from its first bytes."""

from __future__ import annotations

import pytest

from ltmt.formats.xml_roots import format_of_root, root_of, root_start


def test_the_root_start_is_read_past_a_declaration_a_comment_and_a_doctype_subset() -> None:
    head = (
        b'<?xml version="1.0"?>\n<!-- a note -->\n'
        b'<!DOCTYPE book [ <!ENTITY product "Photonic"> ]>\n<book lang="en" title="a > b">'
    )
    name, before, attributes = root_start(head)
    assert name == "book"
    assert before.endswith("]>\n<")  # up to the name: its "<" too
    assert attributes == ' lang="en" title="a > b"'


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'<?xml version="1.0"?><tmx version="1.4">', "tmx"),
        (b"<xliff>", "xliff"),
        (b"<TS>", "ts"),
        (b'<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA Task//EN" "task.dtd"><task>', "dita"),
        (b"<task>", None),  # another vocabulary's <task>
        (b"<resources>", None),
        (b"no xml", None),
    ],
)
def test_the_format_a_root_names(head: bytes, fmt: str | None) -> None:
    assert format_of_root(head) == fmt


def test_a_utf16_file_s_root_is_read() -> None:
    assert root_of("\ufeff<tmx>".encode("utf-16-le")) == "tmx"
