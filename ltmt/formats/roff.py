"""Man pages (roff: ``.1`` to ``.9``, ``.man``, ``.mdoc``), which ltmt reads no format of.

A man page is text between roff requests (``.TH``, ``.SH``, ``.B``, ``.TP``) that a translation
must keep byte for byte: read as plain text, ``.SH NAME`` came back ``.SH-NAME``. po4a knows
them (its ``man`` module): it makes a PO catalog of the page's text, which ltmt translates, and
writes the translated page back. This module says so, for an extension
(:data:`ltmt.formats.registry._NEAREST`) and for a text read with ``--format txt`` or
``paragraphs`` that has a man page's title or sections (:func:`refuse_a_man_page`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.po4a_recipe import Po4aKind

MAN = Po4aKind("man pages (roff)", "man", "page.1", "page.de.1")
MAN_PAGES = MAN.translate_recipe()
EXTENSIONS = (*(f".{section}" for section in range(1, 10)), ".man", ".mdoc")

# a line that is a request of man(7) or mdoc(7), or a roff comment: a known name, so that a
# line of text that begins with a dot (".NET 8 is out") is no request
_REQUEST = re.compile(
    r"[.'][ \t]*(?:\\\"|(?:TH|SH|SS|B|I|BR|BI|IR|RB|RI|IB|SM|SB|TP|TQ|IP|PP|LP|P|HP|RS|RE|UR|UE"
    r"|MT|ME|EX|EE|OP|SY|YS|nf|fi|br|sp|in|ti|ad|na|ne|ft|ds|de|so|ig|ce|Dd|Dt|Os|Sh|Ss|Nm|Nd"
    r"|Op|Fl|Ar|Pp|It|Bl|El|Bd|Ed|Xr|Ev|Pa|Cm|Em|Sy|Li|Va|Ft|Fn|Fa|Dl|Ql|Dq|Sq|Aq)(?=\s|$))"
)
_TITLE = re.compile(r"\.[ \t]*(?:TH|Dd)(?=\s|$)")  # a man page's first request
_SECTION = re.compile(r"\.[ \t]*(?:SH|Sh)(?=\s|$)")  # its NAME, SYNOPSIS ... headings


def is_man_page(lines: list[str]) -> bool:
    """Whether ``lines`` (a text's, without their ends) are a man page's: a ``.TH`` (``.Dd``)
    title and another request, or ``.SH`` (``.Sh``) sections with requests on at least half of
    the non-blank lines.

    Without a title or a section no line counts: a quotation's ``'I see,'`` reads as a ``'``
    control line and a list of extensions or domains (``.in``, ``.so``, ``.de Germany``) as
    requests, and both are text to translate."""
    written = [line for line in lines if line.strip()]
    titled = any(_TITLE.match(line) for line in written)
    if not titled and not any(_SECTION.match(line) for line in written):
        return False
    requests = sum(1 for line in written if _REQUEST.match(line))
    return requests >= 2 and (titled or 2 * requests >= len(written))


def refuse_a_man_page(path: Path, lines: list[str]) -> None:
    """A one-line :class:`InputError` where ``lines``, the text of ``path`` read as plain text,
    are a man page's (:func:`is_man_page`): translated line by line, its requests broke."""
    if is_man_page(lines):
        raise InputError(
            f"{path}: its lines are roff requests (.TH, .SH, .B) and text, as a man page's "
            f"are; {MAN_PAGES}"
        )
