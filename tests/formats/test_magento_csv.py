"""Magento 2's translation dictionaries (``i18n/de_DE.csv``, no header): column 1 into column
2, a translation that copies its source untranslated, the file written as Magento writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.csv_table import read_csv_table
from ltmt.formats.magento_csv import UNTRANSLATED, is_dictionary, quoted
from ltmt.formats.pipeline import translate_file
from ltmt.memory.clean import screen_pairs
from ltmt.memory.report import ImportReport
from ltmt.qa.catalog_forms import untranslated_csv_rows

# a module's source dictionary, as Magento's own are written: every text quoted
SOURCE = (
    '"Add to Cart","Add to Cart"\n'
    '"Please enter a valid ""Gift Card"" code.","Please enter a valid ""Gift Card"" code."\n'
    '"Subtotal","Subtotal"\n'
)
# a language package's, as i18n:collect-phrases --magento writes it (PHP's fputcsv)
PACKAGE = (
    '"Add to Cart","In den Warenkorb",module,Magento_Catalog\n'
    '"Add to Compare","Add to Compare",module,Magento_Catalog\n'
    "Subtotal,Subtotal,module,Magento_Checkout\n"
    '"Sign In",,theme,frontend/Vendor/luma\n'
)


def _i18n(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "app" / "code" / "Vendor" / "Module" / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_a_modules_source_dictionary_is_translated_into_its_second_column(
    tmp_path: Path,
) -> None:
    """Before, its first row was taken for a header: refused with a hint naming its strings as
    columns (--columns "Add to Cart=Add to Cart"), which wrote German into column 1, Magento's
    lookup key, and dropped row 1."""
    path = _i18n(tmp_path, "en_US.csv", SOURCE)
    out = path.with_name("de_DE.csv")
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 3
    assert out.read_text("utf-8") == (
        '"Add to Cart","ADD TO CART"\n'
        '"Please enter a valid ""Gift Card"" code.","PLEASE ENTER A VALID ""GIFT CARD"" CODE."\n'
        '"Subtotal","SUBTOTAL"\n'
    )


def test_a_language_package_filled_in_place_keeps_its_translations_and_its_context_cells(
    tmp_path: Path,
) -> None:
    path = _i18n(tmp_path, "de_DE.csv", PACKAGE)
    result = translate_file(path, path, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 3  # the copies and the empty one; In den Warenkorb kept
    assert path.read_text("utf-8") == (
        '"Add to Cart","In den Warenkorb",module,Magento_Catalog\n'
        '"Add to Compare","ADD TO COMPARE",module,Magento_Catalog\n'
        "Subtotal,SUBTOTAL,module,Magento_Checkout\n"
        '"Sign In","SIGN IN",theme,frontend/Vendor/luma\n'
    )


@pytest.mark.parametrize(
    ("text", "source_cell", "written"),
    [
        ("Zwischensumme", '"Subtotal"', '"Zwischensumme"'),  # as the row's source
        ("Zwischensumme", "Subtotal", "Zwischensumme"),
        ("In den Warenkorb", "Cart", '"In den Warenkorb"'),  # fputcsv quotes a space
        ('Sag "hi"', "Hi", '"Sag ""hi"""'),
        ("", '"Subtotal"', '""'),
    ],
)
def test_a_translation_is_quoted_as_its_source_or_as_fputcsv_quotes(
    text: str, source_cell: str, written: str
) -> None:
    assert quoted(text, source_cell) == written


def test_an_import_pairs_column_1_with_2_and_skips_the_untranslated_copies(
    tmp_path: Path,
) -> None:
    path = _i18n(tmp_path, "de_DE.csv", PACKAGE)
    records = list(read_csv_table(path))
    screened = screen_pairs(records)
    assert [(source, target) for source, target, _ in screened.kept] == [
        ("Add to Cart", "In den Warenkorb")
    ]
    assert screened.skipped == {UNTRANSLATED: 2}  # (Sign In's empty one is no pair)
    report = ImportReport("u1", added=1, skipped=screened.skipped)
    assert report.summary() == (
        "u1: 1 added, 0 duplicates, 2 skipped (2 untranslated: the translation is the source)"
    )


def test_qa_checks_column_2_against_column_1_and_counts_the_copies_untranslated(
    tmp_path: Path,
) -> None:
    path = _i18n(tmp_path, "de_DE.csv", PACKAGE)
    checked = [(r.source, r.target) for r in read_csv_table(path, purpose="checked")]
    assert checked == [("Add to Cart", "In den Warenkorb")]
    assert untranslated_csv_rows(path) == 3


@pytest.mark.parametrize(
    ("folder", "name", "text", "expected"),
    [
        ("i18n", "de_DE.csv", SOURCE, True),
        ("i18n", "zh_Hans_CN.csv", SOURCE, True),
        ("i18n", "de_DE.csv", PACKAGE, True),
        ("i18n", "de_DE.csv", "en,de\nAdd to Cart,In den Warenkorb\n", False),  # a header
        ("i18n", "de_DE.csv", "source,translation\nCart,Warenkorb\n", False),
        ("i18n", "de_DE.csv", "Cart,Warenkorb,Magento_Catalog\n", False),  # 3 cells
        ("i18n", "de_DE.csv", "Cart,Warenkorb,x,y\n", False),  # no module/theme
        ("lang", "de_DE.csv", SOURCE, False),
        ("i18n", "strings.csv", SOURCE, False),
    ],
)
def test_a_dictionary_is_told_by_its_place_name_and_shape(
    tmp_path: Path, folder: str, name: str, text: str, expected: bool
) -> None:
    import csv

    rows = list(csv.reader(text.splitlines()))
    assert is_dictionary(tmp_path / folder / name, rows) is expected


@pytest.mark.parametrize(
    ("folder", "name", "text"),
    [
        ("files", "en_US.csv", SOURCE),  # named for a locale, outside i18n
        ("i18n", "de_new.csv", SOURCE),  # in i18n, not named for a locale
        ("files", "pack.csv", PACKAGE),  # module/theme third
    ],
)
def test_a_dictionary_out_of_its_place_is_refused_with_what_to_do_not_its_strings_as_columns(
    tmp_path: Path, folder: str, name: str, text: str
) -> None:
    """Before, the hint named the first row's strings as columns: --columns "In den
    Warenkorb=module", which stored Add to Compare → module in memory."""
    path = tmp_path / folder / name
    path.parent.mkdir()
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        list(read_csv_table(path))
    assert str(raised.value) == (
        f"{path}: its first row is a string, not a header; a Magento translation dictionary "
        '("source","translation" a row, no header) is read as one where it is named for its '
        "locale in a folder named i18n, as Magento keeps it (i18n/de_DE.csv): copy or rename "
        "it so; else add a header row naming the columns (en,de)"
    )
    assert "--columns" not in str(raised.value)


@pytest.mark.parametrize(
    ("folder", "name", "text"),
    [
        # regression trial regb71: a glossary and a product table refused as Magento's
        ("docs/i18n", "glossary.csv", "Term,Definition\nCart,The list of products\n"),
        ("shop", "en_US.csv", "Product,Blurb\nMug,A mug for coffee\n"),
        ("i18n", "catalog.csv", "Add to Cart,In den Warenkorb\n"),
    ],
)
def test_a_two_column_table_named_or_placed_as_magentos_gets_the_tables_hint(
    tmp_path: Path, folder: str, name: str, text: str
) -> None:
    """Before, 'its first row is a string, not a header; a Magento translation dictionary ...'
    for a header of two names, not the morning's hint."""
    path = tmp_path / folder / name
    path.parent.mkdir(parents=True)
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        list(read_csv_table(path))
    first = text.split("\n", 1)[0].split(",")
    assert str(raised.value) == (
        f"{path}: no column of its header names a language or the source ({', '.join(first)}); "
        "name the source-language column en and the target's de, as in keys,en,de, or source "
        "and target; or name the sources' column and their translations': ltmt memory import "
        f'{name} --columns "{first[0]}={first[1]}"'
    )
