"""Tables with a row per language (ServiceNow's sys_translated_text) translated with --columns:
only the source-language rows translated, each into its target-language row, new or held."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.language_rows import language_rows, row_language_column
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


def test_a_pair_of_columns_translates_only_the_source_rows(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("key,language,value,value_de\nk1,en,Save,\nk2,de,Speichern,\n", "utf-8")
    out = tmp_path / "p.de.csv"
    translate_file(path, out, FakeModel(), columns="value=value_de")
    assert out.read_text("utf-8") == (
        "key,language,value,value_de\nk1,en,Save,SAVE\nk2,de,Speichern,\n"
    )


def test_the_last_row_without_a_line_end_gets_its_new_row_after_it(tmp_path: Path) -> None:
    path = tmp_path / "last.csv"
    path.write_text("key,language,text\nk1,en,Save", "utf-8")
    out = tmp_path / "last.de.csv"
    translate_file(path, out, FakeModel(), columns="text")
    assert out.read_text("utf-8") == "key,language,text\nk1,en,Save\nk1,de,SAVE"


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
        (["key", "Locale", "text"], [["k", "de-DE", "Hallo"]], 1),
        (["key", "language", "text"], [["k", "English", "Hi"]], None),  # a name, no code
        (["key", "lang", "language"], [["k", "en", "de"]], None),  # two: which one?
        (["key", "code", "text"], [["k", "en", "Hi"]], None),  # its header names no language
    ],
)
def test_the_row_language_column(
    header: list[str], rows: list[list[str]], column: int | None
) -> None:
    assert row_language_column(header, rows) == column


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
    assert (found.sources, dict(found.targets), dict(found.kept), found.emptied) == (
        frozenset({1, 3}),
        {1: 2},
        {"de": 2, "": 1},
        frozenset({4}),
    )
    assert (
        language_rows(["key", "text"], [["key", "text"], ["k", "Hi"]], 1, [1], "en", "de") is None
    )
