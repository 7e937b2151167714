"""Man pages read as plain text (--format txt, paragraphs) are refused with po4a's route."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.documents import TextDocument
from ltmt.formats.paragraphs import ParagraphDocument
from ltmt.formats.roff import is_man_page

MAN_PAGE = """.\\" Manpage for cloudsync.
.TH CLOUDSYNC 1 "March 2026" "cloudsync 2.3" "User Commands"
.SH NAME
cloudsync \\- synchronise local folders with cloud storage
.SH SYNOPSIS
.B cloudsync
[\\fIOPTIONS\\fR] \\fISOURCE\\fR \\fIDEST\\fR
.SH OPTIONS
.TP
.BR \\-n ", " \\-\\-dry\\-run
Show what would be copied.
"""
REFUSED = (
    "cloudsync.1: its lines are roff requests (.TH, .SH, .B) and text, as a man page's are; "
    "ltmt reads no man pages (roff); make a PO catalog of it with po4a (po4a-gettextize -f man "
    "-m page.1 -p page.pot), translate that (ltmt translate page.pot -o de.po), review de.po "
    "and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy entry; "
    "--no-fuzzy puts none) and write the page back (po4a-translate -f man -m page.1 -p de.po "
    "-l page.de.1, which writes no page less than 80 % translated unless given -k 0)"
)


@pytest.mark.parametrize("document", [TextDocument, ParagraphDocument])
def test_a_man_page_read_as_text_is_refused(tmp_path: Path, document) -> None:
    """--format txt, which the extension's error offered, wrote .SH NAME as .SH-NAME."""
    path = tmp_path / "cloudsync.1"
    path.write_text(MAN_PAGE, "utf-8")
    with pytest.raises(InputError) as raised:
        document.open(path)
    assert str(raised.value).removeprefix(f"{tmp_path}/") == REFUSED


@pytest.mark.parametrize(
    ("text", "man_page"),
    [
        (MAN_PAGE, True),
        (".Dd March 2026\n.Dt LS 1\n.Sh NAME\n.Nm ls\n" + "Lists files.\n" * 20, True),
        ("Open the file.\n.NET 8 is out.\n.B is a letter.\nSave it.\n", False),
        ("Release notes\n\n.TH is a roff request.\nNothing else is.\n", False),
        # sections and requests on half the lines, without a title
        (".SH NAME\nls \\- list files\n.SH SYNOPSIS\n.B ls\n", True),
        # without a title or a section no line counts: a ' line, a word or a domain
        ("'I see,' said the cat.\n'I don't know where you are.'\nThen she left the room.\n", False),
        (".de Germany\n.fi Finland\n.in India\n.br Brazil\n", False),
        (".B bold\n.I italic\n.PP\nText.\n", False),
        ("", False),
    ],
)
def test_is_man_page(text: str, man_page: bool) -> None:
    assert is_man_page(text.splitlines()) is man_page


def test_plain_text_with_a_dotted_line_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Install .NET 8.\n.NET 9 is out.\n", "utf-8")
    assert [unit.source for unit in TextDocument.open(path).units()] == [
        "Install .NET 8.",
        ".NET 9 is out.",
    ]


# a regression tester's texts: refused as man pages (rc 1), they were translated the day before
DIALOGUE = "'I see,' said the cat.\n'I don't know where you are.'\nThen she left the room.\n"
DOMAINS = ".de Germany\n.fi Finland\n.in India\n.br Brazil\n"


@pytest.mark.parametrize("document", [TextDocument, ParagraphDocument])
@pytest.mark.parametrize("text", [DIALOGUE, DOMAINS])
def test_a_dialogue_and_a_list_of_domains_are_read_not_refused(
    tmp_path: Path, document, text: str
) -> None:
    path = tmp_path / "text.txt"
    path.write_text(text, "utf-8")
    sources = " ".join(unit.source for unit in document.open(path).units())
    assert sources.split() == text.split()
