"""Empty elements written as the file writes its own (:func:`keep_end_tags`)."""

from __future__ import annotations

import pytest
from lxml import etree

from ltmt.formats.end_tags import keep_end_tags


@pytest.mark.parametrize(
    ("data", "written"),
    [
        (b'<a><t x="1"></t><t/></a>', b'<a><t x="1"/><t/></a>'),  # both forms: left to lxml
        (b'<a><m:t xmlns:m="m"></m:t><u/></a>', b'<a><m:t xmlns:m="m"></m:t><u/></a>'),
        (b"<a><t></t><t>x</t></a>", b"<a><t></t><t>x</t></a>"),
    ],
)
def test_an_empty_element_keeps_the_form_the_file_writes_it_in(data: bytes, written: bytes) -> None:
    root = etree.fromstring(data)
    keep_end_tags(root, data)
    assert etree.tostring(root) == written
