"""OLE compound files told apart by their streams: a Word 97 document, an encrypted Office Open
XML one, a workbook."""

from __future__ import annotations

import pytest
from compound import MAGIC, compound_file

from ltmt.formats.compound_files import ENCRYPTED, compound_kind, stream_names


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (
            compound_file("WordDocument", "1Table", "\x05SummaryInformation"),
            "a Word 97-2003 document (.doc)",
        ),
        (compound_file("EncryptionInfo", "EncryptedPackage"), ENCRYPTED),
        (compound_file("Workbook"), "an Excel 97-2003 workbook (.xls)"),
        (compound_file("PowerPoint Document"), "a PowerPoint 97-2003 presentation (.ppt)"),
        (compound_file("Contents"), None),  # a compound file of another program
        (MAGIC + bytes(512), None),  # no directory where it is looked for
        (b"PK\x03\x04" + bytes(1024), None),  # not a compound file
    ],
)
def test_a_compound_file_is_told_by_its_streams(data: bytes, kind: str | None) -> None:
    assert compound_kind(data) == kind


def test_a_name_in_the_text_is_no_stream() -> None:
    """A stream's name in a document's text is not where a directory entry starts."""
    text = b"x" + "WordDocument".encode("utf-16-le") + b"\0\0"
    data = compound_file("Data") + text.ljust(128, b"\0")
    assert stream_names(data) == {"Data"} and compound_kind(data) is None
