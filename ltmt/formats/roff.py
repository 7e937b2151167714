"""Man pages (roff: ``.1`` to ``.9``, ``.man``, ``.mdoc``), which ltmt reads no format of.

A man page is text between roff requests (``.TH``, ``.SH``, ``.B``, ``.TP``) that a translation
must keep byte for byte: read as plain text, ``.SH NAME`` came back ``.SH-NAME``. po4a knows
them (its ``man`` module): it makes a PO catalog of the page's text, which ltmt translates, and
writes the translated page back. This module says so, for an extension
(:data:`ltmt.formats.registry._NEAREST`) and for a text read with ``--format txt`` or
``paragraphs`` whose lines are mostly roff requests (:func:`refuse_a_man_page`).
"""

from __future__ import annotations

MAN_PAGES = (
    "ltmt reads no man pages (roff); make a PO catalog of it with po4a (po4a-gettextize -f man "
    "-m page.1 -p page.pot), translate that (ltmt translate page.pot -o de.po) and write the "
    "page back (po4a-translate -f man -m page.1 -p de.po -l page.de.1)"
)
EXTENSIONS = (*(f".{section}" for section in range(1, 10)), ".man", ".mdoc")
