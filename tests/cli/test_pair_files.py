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
