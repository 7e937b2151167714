from __future__ import annotations

import re

import pytest

from ltmt.formats.itstool_recipe import DOCBOOK, MALLARD, kind_of_root

DOCBOOK_HINT = (
    "ltmt reads no DocBook; make a PO template of it with itstool, GNOME's tool for DocBook and "
    "Mallard (itstool -o help.pot C/index.docbook), translate that (ltmt translate help.pot -o "
    "de.po), review de.po and remove the fuzzy flag ltmt puts on each entry (msgfmt compiles no "
    "fuzzy entry; --no-fuzzy puts none), compile it (msgfmt de.po -o de.mo) and write the page "
    "back (itstool -m de.mo -o de/ C/index.docbook); or use po4a's docbook module "
    "(po4a-gettextize -f docbook -m manual.xml -p manual.pot)"
)
MALLARD_HINT = (
    "ltmt reads no Mallard; make a PO template of it with itstool, GNOME's tool for DocBook and "
    "Mallard (itstool -o help.pot C/index.page), translate that (ltmt translate help.pot -o "
    "de.po), review de.po and remove the fuzzy flag ltmt puts on each entry (msgfmt compiles no "
    "fuzzy entry; --no-fuzzy puts none), compile it (msgfmt de.po -o de.mo) and write the page "
    "back (itstool -m de.mo -o de/ C/index.page)"
)


def test_docbook_and_mallard_are_translated_through_itstools_po_template() -> None:
    """A DocBook book was "not an Android string resource file", a Mallard page of no format:
    the recipe names itstool, msgfmt skipping fuzzy entries, and po4a's docbook module."""
    assert DOCBOOK.translate_recipe() == DOCBOOK_HINT
    assert MALLARD.translate_recipe() == MALLARD_HINT


def test_a_page_and_its_translation_are_imported_and_checked_as_a_po_catalog() -> None:
    assert MALLARD.import_recipe() == (
        "ltmt reads no Mallard; import the PO catalog its translation was written from (ltmt "
        "memory import de.po)"
    )
    assert MALLARD.qa_recipe() == (
        "ltmt reads no Mallard; check the PO catalog its translation was written from (ltmt qa "
        "de.po)"
    )
    assert DOCBOOK.import_recipe() == (
        "ltmt reads no DocBook; import the PO catalog its translation was written from (ltmt "
        "memory import de.po), or make one of the page and its translation with po4a "
        "(po4a-gettextize -f docbook -m manual.xml -l manual.de.xml -p de.po, which pairs the "
        "pages' paragraphs in order: check it and remove the fuzzy flags) and import that"
    )


DOCBOOK_5 = '<book xmlns="http://docbook.org/ns/docbook" version="5.0">'
DOCBOOK_4 = '<!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "x.dtd">\n<article>'
# an HTML post about DocBook: the namespace is in its text, not its root's tag
BLOG = (
    '<article class="post">\n  <pre><code>&lt;book xmlns="http://docbook.org/ns/docbook" '
    'version="5.0"&gt;</code></pre>\n</article>'
)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (DOCBOOK_5, DOCBOOK),
        (DOCBOOK_4, DOCBOOK),
        ('<refentry xmlns="http://docbook.org/ns/docbook">', DOCBOOK),
        ("<db:article xmlns:db='http://docbook.org/ns/docbook'>", DOCBOOK),
        ('<page xmlns="http://projectmallard.org/1.0/" id="index">', MALLARD),
        ("<book><title>A catalog of books</title></book>", None),  # not DocBook's
        ("<page><title>A</title></page>", None),
        (BLOG, None),
        ('<page id="a"><p>xmlns="http://projectmallard.org/1.0/"</p></page>', None),
        ('<resources><string name="a">A</string></resources>', None),
        ("plain text", None),
    ],
)
def test_docbook_and_mallard_are_told_by_their_roots_own_tag(head: str, kind) -> None:
    """An HTML <article> quoting DocBook's namespace in its text was refused as DocBook."""
    found = re.match(r"(.*?)<([\w:]+)([^>]*)", head, re.S)
    root, prolog, attributes = (
        (found.group(2), found.group(1), found.group(3)) if found else (None, "", "")
    )
    assert kind_of_root(root, prolog, attributes) is kind
