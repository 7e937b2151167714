"""Tables with a row per language (ServiceNow's sys_translated_text) translated with --columns:
only the source-language rows translated, each into its target-language row, new or held; a
table whose language column names one language, or no languages, or a run writing into a
column of its own, translated as any table."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.language_rows import is_language_code, language_rows, row_language_column
from ltmt.formats.pipeline import translate_file

HEADER = '"documentkey","fieldname","language","tablename","value","sys_id"\r\n'
MIXED = (
    HEADER + '"e1f0","short_description","en","sc_cat_item","Request a desk.","ca94"\r\n'
    '"e1f0","name","en","sc_cat_item","Book a Workspace","ce95"\r\n'
    '"e1f0","name","de","sc_cat_item","Arbeitsplatz buchen","aa11"\r\n'
    '"e1f0","name","fr","sc_cat_item","Réserver un espace","aa14"\r\n'
    '"0c1d","question_text","de","item_option_new","Welches Gebäude?","aa12"\r\n'
)


def test_only_source_rows_are_translated_into_new_target_rows_and_the_rest_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Regression trial servicenow, session 72: --columns value translated the approved German
    rows as English (Arbeitsplatz buchen became Jobbuchen) and every translated row still said
    en, so an import wrote the German over the English records."""
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, "utf-8", newline="")
    out = tmp_path / "mixed.de.csv"
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(path, out, model, src_lang="en", tgt_lang="de", columns="value")
    assert model.seen == ["Request a desk."]  # (Book a Workspace has its de row)
    assert out.read_bytes().decode("utf-8") == (
        HEADER + '"e1f0","short_description","en","sc_cat_item","Request a desk.","ca94"\r\n'
        '"e1f0","short_description",de,"sc_cat_item",REQUEST A DESK.,\r\n'
        + MIXED.split("\r\n", 2)[2]
    )
    assert caplog.messages[-1] == (
        f"{out}: column language names each row's language: only its en rows are sources (2); "
        "1 translation written as a new de row after its en row, which is kept as written "
        "(language de, its sys_ fields left empty for ServiceNow to set); rows in other "
        "languages: 2 de, 1 fr"
    )
    again = tmp_path / "again.csv"  # the output translated again: nothing left to do
    translate_file(out, again, FakeModel(), src_lang="en", tgt_lang="de", columns="value")
    assert again.read_bytes() == out.read_bytes()


def test_overwrite_writes_into_the_target_row_and_an_empty_one_is_filled(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "key,language,text,sys_updated_on\nk1,en,Save,2024\nk1,de,,2025\nk2,en,Open,2024\n"
        "k2,de,Öffnen,2025\n",
        "utf-8",
    )
    out = tmp_path / "t.de.csv"
    translate_file(path, out, FakeModel(), columns="text")
    assert out.read_text("utf-8") == (
        "key,language,text,sys_updated_on\nk1,en,Save,2024\nk1,de,SAVE,2025\nk2,en,Open,2024\n"
        "k2,de,Öffnen,2025\n"
    )
    overwritten = tmp_path / "t.ow.csv"
    translate_file(path, overwritten, FakeModel(), columns="text", overwrite=True)
    assert overwritten.read_text("utf-8").endswith("k2,en,Open,2024\nk2,de,OPEN,2025\n")


def test_a_pair_of_columns_translates_every_row_as_in_any_table(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Regression trial regcatalogs, session 72: --columns value=value_de writes into a column
    of its own, so the language column describes each row, as before the rows of each language
    were told apart: every row is translated into value_de."""
    path = tmp_path / "p.csv"
    path.write_text("key,language,value,value_de\nk1,en,Save,\nk2,de,Speichern,\n", "utf-8")
    out = tmp_path / "p.de.csv"
    with caplog.at_level(logging.WARNING):
        translate_file(path, out, FakeModel(), columns="value=value_de")
    assert out.read_text("utf-8") == (
        "key,language,value,value_de\nk1,en,Save,SAVE\nk2,de,Speichern,SPEICHERN\n"
    )
    assert not [m for m in caplog.messages if "language" in m]


def test_the_last_row_without_a_line_end_gets_its_new_row_after_it(tmp_path: Path) -> None:
    path = tmp_path / "last.csv"
    path.write_text("key,language,text\nk0,de,Hallo\nk1,en,Save", "utf-8")
    out = tmp_path / "last.de.csv"
    translate_file(path, out, FakeModel(), columns="text")
    assert out.read_text("utf-8") == "key,language,text\nk0,de,Hallo\nk1,en,Save\nk1,de,SAVE"


SHOPIFY = (
    "Type,Identification,Field,Locale,Market,Status,Default content,Translated content\n"
    "PRODUCT,'8012345678901,title,de,,outdated,Organic Cotton T-Shirt,\n"
    "COLLECTION,'4123456789,title,de,,outdated,Summer Sale,\n"
)


@pytest.mark.parametrize(
    ("table", "columns", "translated"),
    [
        (  # Shopify's Translate & Adapt export: Locale is the target's on every row
            SHOPIFY,
            "Default content=Translated content",
            "Type,Identification,Field,Locale,Market,Status,Default content,Translated content\n"
            "PRODUCT,'8012345678901,title,de,,outdated,Organic Cotton T-Shirt,"
            "ORGANIC COTTON T-SHIRT\n"
            "COLLECTION,'4123456789,title,de,,outdated,Summer Sale,SUMMER SALE\n",
        ),
        (  # a key,locale,source,target table, the locale the target's
            "key,lang,en,de\ngreeting,de,Good morning,\nthanks,de,Thank you,\n",
            "en=de",
            "key,lang,en,de\ngreeting,de,Good morning,GOOD MORNING\nthanks,de,Thank you,THANK YOU\n",
        ),
        (  # programming languages, no languages of people
            "id,language,title\n1,py,Read a file\n2,js,Fetch data\n3,go,Start\n4,sql,Count rows\n",
            "title",
            "id,language,title\n1,py,READ A FILE\n2,js,FETCH DATA\n3,go,START\n4,sql,COUNT ROWS\n",
        ),
        (  # a product export of one language: each row translated in place, no rows added
            "id,locale,title\n101,en,Leather Wallet\n102,en,Canvas Backpack\n",
            "title",
            "id,locale,title\n101,en,LEATHER WALLET\n102,en,CANVAS BACKPACK\n",
        ),
        (  # rows naming no language beside rows of the source's alone
            "key,lang,text\nwelcome,,Welcome\ncart,,Your cart is empty\nlegal,en,Prices include VAT\n",
            "text",
            "key,lang,text\nwelcome,,WELCOME\ncart,,YOUR CART IS EMPTY\nlegal,en,PRICES INCLUDE VAT\n",
        ),
    ],
)
def test_a_table_without_rows_of_the_source_and_another_language_is_translated_as_any_table(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, table: str, columns: str, translated: str
) -> None:
    """Regression trial regcatalogs, session 72: these tables translated nothing (0 segments,
    'only its en rows are sources (0)'), got a second row per id, or kept the rows naming no
    language in English."""
    path = tmp_path / "t.csv"
    path.write_text(table, "utf-8")
    out = tmp_path / "t.de.csv"
    with caplog.at_level(logging.WARNING):
        translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de", columns=columns)
    assert out.read_text("utf-8") == translated
    assert not [m for m in caplog.messages if "language" in m]


def test_a_row_naming_no_language_is_translated_in_place_beside_rows_of_each_language(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "key,language,text\nk1,en,Save\nk1,de,Speichern\nk2,,Open\nk3,en,Close\n", "utf-8"
    )
    out = tmp_path / "t.de.csv"
    with caplog.at_level(logging.WARNING):
        translate_file(path, out, FakeModel(), columns="text")
    assert out.read_text("utf-8") == (
        "key,language,text\nk1,en,Save\nk1,de,Speichern\nk2,,OPEN\nk3,en,Close\nk3,de,CLOSE\n"
    )
    assert caplog.messages[-1] == (
        f"{out}: column language names each row's language: only its en rows are sources (2); "
        "1 translation written as a new de row after its en row, which is kept as written "
        "(language de); 1 row naming no language translated in place; rows in other "
        "languages: 1 de"
    )


def test_a_yarn_string_table_named_by_columns_is_retagged_in_place(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text("language,id,text,file\nen,line:1,Hello there,a.yarn\n", "utf-8")
    out = tmp_path / "lines.de.csv"
    translate_file(path, out, FakeModel(), columns="text")
    assert out.read_text("utf-8") == "language,id,text,file\nde,line:1,HELLO THERE,a.yarn\n"


@pytest.mark.parametrize(
    ("header", "rows", "column"),
    [
        (["key", "language", "text"], [["k", "en", "Hi"], ["k", "pb", "Oi"]], 1),
        (["key", "Locale", "text"], [["k", "en-US", "Hi"], ["k", "de-DE", "Hallo"]], 1),
        (["key", "lang", "text"], [["k", "", "Hi"], ["k", "eng", "Hi"], ["k", "fil", "Hi"]], 1),
        (["key", "Locale", "text"], [["k", "de-DE", "Hallo"]], None),  # the target's alone
        (["key", "Locale", "text"], [["k", "en", "Hi"], ["k", "en-GB", "Hi"]], None),  # en alone
        (["key", "Locale", "text"], [["k", "de", "Hallo"], ["k", "fr", "Salut"]], None),  # no en
        (["key", "language", "text"], [["k", "en", "Hi"], ["k", "py", "Hi"]], None),  # no code
        (["key", "language", "text"], [["k", "English", "Hi"], ["k", "de", "Hallo"]], None),
        (["key", "lang", "language"], [["k", "en", "de"], ["k", "de", "en"]], None),  # two
        (["key", "code", "text"], [["k", "en", "Hi"], ["k", "de", "Hallo"]], None),  # header
    ],
)
def test_the_row_language_column(
    header: list[str], rows: list[list[str]], column: int | None
) -> None:
    assert row_language_column(header, rows, "en") == column


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("en", True),
        ("de-DE", True),
        ("zh_Hans", True),
        ("deu", True),  # de
        ("fil", True),  # a locale's own three letters
        ("pb", True),  # ServiceNow's Brazilian Portuguese
        ("py", False),
        ("js", False),
        ("go", False),
        ("sql", False),  # ISO 639-3's, no locale's
        ("css", False),
        ("English", False),
        ("a" * 50_000 + "-", False),
        ("en" + "-abcdefgh" * 20_000 + "!", False),
    ],
)
def test_a_language_code(cell: str, code: bool) -> None:
    assert is_language_code(cell) is code


def test_a_source_row_pairs_with_the_target_row_alike_but_for_language_text_and_sys_fields() -> (
    None
):
    header = ["documentkey", "fieldname", "language", "value", "sys_id"]
    rows = [
        header,
        ["d1", "name", "en", "Save", "s1"],
        ["d1", "name", "de", "Speichern", "s2"],
        ["d2", "name", "en", "Open", "s3"],
        ["d2", "label", "de", "Öffnen", "s4"],  # another field: no pair
        ["d3", "name", "", "Close", "s5"],
    ]
    found = language_rows(header, rows, 1, [3], "en", "de")
    assert found is not None
    assert (
        found.sources,
        dict(found.targets),
        dict(found.kept),
        found.unnamed,
        found.emptied,
    ) == (frozenset({1, 3}), {1: 2}, {"de": 2}, frozenset({5}), frozenset({4}))
    assert (
        language_rows(["key", "text"], [["key", "text"], ["k", "Hi"]], 1, [1], "en", "de") is None
    )
