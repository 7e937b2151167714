"""A CSV table translated in place read against its source table (ltmt.formats.csv_in_place):
qa and memory import with --source-file and the columns translate named."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.pairs import read_translations
from ltmt.qa.catalog_forms import untranslated_csv_rows

SOURCE = (
    "Handle,Title,Body (HTML),Vendor\n"
    "bike,Bike Phone Mount,<p>Fits all phones.</p>,TrailPeak\n"
    "jacket,Jacket,<p>Only 3 left.</p>,TrailPeak\n"
)
TRANSLATED = (
    "Handle,Title,Body (HTML),Vendor\n"
    "bike,Fahrrad-Handyhalterung,<p>Passt an alle Handys.</p>,TrailPeak\n"
    "jacket,Jacke,,TrailPeak\n"
)


def _files(tmp_path: Path, translated: str = TRANSLATED) -> tuple[Path, Path]:
    source, out = tmp_path / "products.csv", tmp_path / "products.de.csv"
    source.write_text(SOURCE, "utf-8")
    out.write_text(translated, "utf-8")
    return source, out


def test_the_pairs_are_the_source_tables_cells_and_the_translations_at_the_same_place(
    tmp_path: Path,
) -> None:
    """Regression trial ecommerce, session 75: qa and memory import of products.de.csv
    (translated with --columns "Title,Body (HTML)") with --source-file products.csv said
    '--source-file is for one-language files'; the reviewer's edits never reached the memory.
    A cell left empty is no pair, and counted untranslated."""
    source, out = _files(tmp_path)
    columns = "Title,Body (HTML)"
    pairs = read_translations(out, source_file=source, columns=columns, purpose="checked")
    assert [(p.source, p.target, p.metadata.get("context")) for p in pairs] == [
        ("Bike Phone Mount", "Fahrrad-Handyhalterung", "bike"),
        ("<p>Fits all phones.</p>", "<p>Passt an alle Handys.</p>", "bike"),
        ("Jacket", "Jacke", "jacket"),
    ]
    assert untranslated_csv_rows(out, columns=columns, source_file=source) == 1


@pytest.mark.parametrize(
    ("translated", "message"),
    [
        (
            TRANSLATED.replace("jacket,Jacke,,TrailPeak\n", ""),
            r"products.de.csv has 2 rows and its source file .*products.csv 3; give the source "
            r"table the translation was made from \(the rows are paired by their order\)$",
        ),
        (
            TRANSLATED.replace("Vendor", "Brand"),
            r"products.de.csv and its source file .*products.csv have different headers; give",
        ),
        (
            TRANSLATED.replace("jacket,", "coat,"),
            r"products.de.csv:3: its Handle is 'coat', and that of its source file "
            r".*products.csv's row 'jacket'; give the source table",
        ),
    ],
)
def test_rows_that_do_not_line_up_are_refused(
    tmp_path: Path, translated: str, message: str
) -> None:
    source, out = _files(tmp_path, translated)
    with pytest.raises(InputError, match=message):
        list(read_translations(out, source_file=source, columns="Title,Body (HTML)"))


def test_pairs_of_columns_are_read_from_the_table_itself_not_another_file(tmp_path: Path) -> None:
    """A table holding both languages (--columns "Title=Title (de)") takes no --source-file:
    the error says how an in-place table is named."""
    source, out = _files(tmp_path)
    with pytest.raises(
        InputError,
        match=r"for a table translated in place, name the columns translated as ltmt translate "
        r'did \(--columns "Title,Body \(HTML\)"\)$',
    ):
        list(read_translations(out, source_file=source, columns="Title=Vendor"))
