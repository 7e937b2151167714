from __future__ import annotations

from pathlib import Path

import pytest
from test_translate_cli import run_cli

CATALOG_OF_BOTH = (
    "po4a-gettextize -f asciidoc -m page.adoc -l page.de.adoc -p de.po, which pairs the pages' "
    "paragraphs in order: check it and remove the fuzzy flags"
)


@pytest.mark.parametrize(
    ("command", "recipe"),
    [
        (
            ["memory", "import", "-u", "writer"],
            "ltmt reads no AsciiDoc; make a PO catalog of the page and its translation with "
            f"po4a ({CATALOG_OF_BOTH}) and import that (ltmt memory import de.po)",
        ),
        (
            ["qa"],
            "ltmt reads no AsciiDoc; check the PO catalog the page was written from (ltmt qa "
            f"de.po), or make one of the page and its translation with po4a ({CATALOG_OF_BOTH})",
        ),
    ],
)
def test_an_asciidoc_page_is_imported_and_checked_as_po4as_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], recipe: str
) -> None:
    """memory import and qa of page.de.adoc --source-file page.adoc gave translate's recipe
    (ltmt translate page.pot -o de.po ...), which imports and checks nothing."""
    page, translated = tmp_path / "page.adoc", tmp_path / "page.de.adoc"
    page.write_text("= Install\n\nOpen the file.\n", "utf-8")
    translated.write_text("= Installieren\n\nÖffne die Datei.\n", "utf-8")
    store = ["--memory-dir", str(tmp_path / "store")] if command[0] == "memory" else []
    code, _, err = run_cli([*command, str(translated), "--source-file", str(page), *store], capsys)
    assert code != 0
    assert err == f"ltmt: error: {translated}: {recipe}\n"
    assert not (tmp_path / "store").exists()


DOCBOOK_BOOK = (
    '<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "docbookx.dtd" [\n'
    '  <!ENTITY product "Photonic">\n]>\n'
    '<book xmlns="http://docbook.org/ns/docbook"><title>&product;</title>'
    "<chapter><para>Open the file.</para></chapter></book>\n"
)
MALLARD_PAGE = '<page xmlns="http://projectmallard.org/1.0/" id="a"><p>Open it.</p></page>\n'
ITSTOOL_IMPORT = "import the PO catalog its translation was written from (ltmt memory import de.po)"
ITSTOOL_QA = "check the PO catalog its translation was written from (ltmt qa de.po)"
DOCBOOK_BOTH = (
    ", or make one of the page and its translation with po4a (po4a-gettextize -f docbook -m "
    "manual.xml -l manual.de.xml -p de.po, which pairs the pages' paragraphs in order: check "
    "it and remove the fuzzy flags)"
)


@pytest.mark.parametrize(
    ("command", "names", "message"),
    [
        (  # was "an Android string resource file holds one language; ..."
            ["memory", "import", "-u", "writer"],
            ("manual.xml", None),
            f"manual.xml: ltmt reads no DocBook; {ITSTOOL_IMPORT}{DOCBOOK_BOTH} and import that",
        ),
        (  # was "manual.de.html (HTML page) and ... manual.xml (Android string resources)"
            ["qa"],
            ("manual.de.html", "manual.xml"),
            f"manual.xml: ltmt reads no DocBook; {ITSTOOL_QA}{DOCBOOK_BOTH}",
        ),
        (
            ["qa"],
            ("help.de.page", "help.page"),
            f"help.de.page: ltmt reads no Mallard; {ITSTOOL_QA}",
        ),
        (
            ["memory", "import", "-u", "writer"],
            ("help.page", None),
            f"help.page: ltmt reads no Mallard; {ITSTOOL_IMPORT}",
        ),
    ],
)
def test_docbook_and_mallard_are_imported_and_checked_as_the_po_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command, names, message
) -> None:
    """A DocBook manual.xml was called Android string resources by memory import and qa."""
    for name in names:
        if name is not None:
            text = MALLARD_PAGE if name.endswith(".page") else DOCBOOK_BOOK
            if name.endswith(".html"):
                text = "<html><body><p>Öffne die Datei.</p></body></html>\n"
            (tmp_path / name).write_text(text, "utf-8")
    given, source = names
    args = [str(tmp_path / given)]
    if source is not None:
        args += ["--source-file", str(tmp_path / source)]
    store = ["--memory-dir", str(tmp_path / "store")] if command[0] == "memory" else []
    code, _, err = run_cli([*command, *args, *store], capsys)
    assert code != 0
    assert err == f"ltmt: error: {tmp_path}/{message}\n"
    assert not (tmp_path / "store").exists()
