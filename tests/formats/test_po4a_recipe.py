from __future__ import annotations

from ltmt.formats.po4a_recipe import po4a_recipe


def test_the_recipe_says_to_review_the_fuzzy_entries_po4a_translate_ignores() -> None:
    """The recipe went from 'ltmt translate page.pot -o de.po' straight to po4a-translate, which
    uses no fuzzy entry (ltmt marks each one fuzzy) and so wrote no page."""
    assert po4a_recipe("AsciiDoc", "asciidoc", "page.adoc", "page.de.adoc") == (
        "ltmt reads no AsciiDoc; make a PO catalog of it with po4a (po4a-gettextize -f asciidoc "
        "-m page.adoc -p page.pot), translate that (ltmt translate page.pot -o de.po), review "
        "de.po and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy "
        "entry; --no-fuzzy puts none) and write the page back (po4a-translate -f asciidoc -m "
        "page.adoc -p de.po -l page.de.adoc, which writes no page less than 80 % translated "
        "unless given -k 0)"
    )
