from __future__ import annotations

import pytest

from ltmt.formats.po4a_recipe import ASCIIDOC, LATEX, is_po4a_catalog, referenced_page


def test_the_recipe_says_to_review_the_fuzzy_entries_po4a_translate_ignores() -> None:
    """The recipe went from 'ltmt translate page.pot -o de.po' straight to po4a-translate, which
    uses no fuzzy entry (ltmt marks each one fuzzy) and so wrote no page."""
    assert ASCIIDOC.translate_recipe() == (
        "ltmt reads no AsciiDoc; make a PO catalog of it with po4a (po4a-gettextize -f asciidoc "
        "-m page.adoc -p page.pot), translate that (ltmt translate page.pot -o de.po), review "
        "de.po and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy "
        "entry; --no-fuzzy puts none) and write the page back (po4a-translate -f asciidoc -m "
        "page.adoc -p de.po -l page.de.adoc, which writes no page less than 80 % translated "
        "unless given -k 0)"
    )


LATEX_HINT = (
    "ltmt reads no LaTeX; make a PO catalog of it with po4a (po4a-gettextize -f latex -m "
    "manual.tex -p manual.pot), translate that (ltmt translate manual.pot -o de.po), review "
    "de.po and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy "
    "entry; --no-fuzzy puts none) and write the page back (po4a-translate -f latex -m "
    "manual.tex -p de.po -l manual.de.tex, which writes no page less than 80 % translated "
    "unless given -k 0)"
)


def test_a_latex_document_is_translated_through_po4as_latex_module() -> None:
    """A LaTeX user was sent to --format txt, which translates its commands and math."""
    assert LATEX.translate_recipe() == LATEX_HINT
    assert LATEX.import_recipe().startswith(
        "ltmt reads no LaTeX; make a PO catalog of the page and its translation with po4a "
        "(po4a-gettextize -f latex -m manual.tex -l manual.de.tex -p de.po, "
    )


def test_a_page_and_its_translation_are_imported_and_checked_as_po4as_catalog() -> None:
    """memory import and qa of an .adoc gave translate's recipe, which imports nothing."""
    assert ASCIIDOC.import_recipe() == (
        "ltmt reads no AsciiDoc; make a PO catalog of the page and its translation with po4a "
        "(po4a-gettextize -f asciidoc -m page.adoc -l page.de.adoc -p de.po, which pairs the "
        "pages' paragraphs in order: check it and remove the fuzzy flags) and import that "
        "(ltmt memory import de.po)"
    )
    assert ASCIIDOC.qa_recipe() == (
        "ltmt reads no AsciiDoc; check the PO catalog the page was written from (ltmt qa "
        "de.po), or make one of the page and its translation with po4a (po4a-gettextize -f "
        "asciidoc -m page.adoc -l page.de.adoc -p de.po, which pairs the pages' paragraphs in "
        "order: check it and remove the fuzzy flags)"
    )


@pytest.mark.parametrize(
    ("head", "po4a", "page"),
    [
        (
            b'#. type: Title =\n#: modules/ROOT/pages/a.adoc:1\nmsgid "A"\n',
            True,
            "modules/ROOT/pages/a.adoc",
        ),
        (b'#. type:Plain text\n#: page.1:12 page.1:20\nmsgid "A"\n', True, "page.1"),
        (b'#. Translators: a button\n#: app.py:3\nmsgid "A"\n', False, "app.py"),
        (b'msgid "A"\nmsgstr ""\n', False, None),
    ],
)
def test_a_po4a_catalog_is_known_by_its_type_notes(
    head: bytes, po4a: bool, page: str | None
) -> None:
    assert is_po4a_catalog(head) is po4a
    assert referenced_page(head) == page
