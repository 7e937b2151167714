"""Yarn Spinner's CSV tables: its string table (language,id,text) translated in place, its
language cells retagged, every other cell as written; a column of ids never read as Indonesian."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.csv_table import read_csv_table
from ltmt.formats.pipeline import translate_file

STRING_TABLE = (
    "language,id,text,file,node,lineNumber,lock,comment\r\n"
    'en,line:0a1b2c,"Hey {$playerName}, you made it!",Intro.yarn,Start,12,3f2a9c1e,\r\n'
    'en,line:0a1b2e,Watch out.,Intro.yarn,Start,14,a1b2c3d4,"Mira, warning"\r\n'
)


def test_a_yarn_string_table_has_its_text_translated_and_its_language_cells_retagged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "Chapter2-Lines.csv"
    path.write_text("\ufeff" + STRING_TABLE, "utf-8", newline="")
    out = tmp_path / "Chapter2-Lines.de.csv"
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 2
    assert out.read_bytes().decode("utf-8") == (
        "\ufefflanguage,id,text,file,node,lineNumber,lock,comment\r\n"
        'de,line:0a1b2c,"HEY {$playerName}, YOU MADE IT!",Intro.yarn,Start,12,3f2a9c1e,\r\n'
        'de,line:0a1b2e,WATCH OUT.,Intro.yarn,Start,14,a1b2c3d4,"Mira, warning"\r\n'
    )


def test_importing_a_yarn_string_table_says_it_holds_one_language(tmp_path: Path) -> None:
    path = tmp_path / "Chapter2-Lines.csv"
    path.write_text(STRING_TABLE, "utf-8")
    with pytest.raises(
        InputError,
        match=r"Chapter2-Lines\.csv: a Yarn string table \(language,id,text\) holds one "
        r"language, no translations to read; give Yarn's de localisation table "
        r"\(id,text,original\) instead",
    ):
        list(read_csv_table(path, src_lang="en", tgt_lang="de"))


def test_a_column_of_ids_is_no_language_and_the_error_suggests_columns(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text("id,text,file\nline:0a1b2c,Hello there,Intro.yarn\n", "utf-8")
    with pytest.raises(InputError) as raised:
        translate_file(path, tmp_path / "out.csv", FakeModel(), src_lang="en", tgt_lang="de")
    assert str(raised.value) == (
        f"{path}: no column of its header names a language or the source (id, text, file); "
        "name the source-language column en and the target's de, as in keys,en,de, or source "
        "and target; a table of one language (a shop's product export) is translated by the "
        'columns named: ltmt translate lines.csv --columns "text"'
    )


LOCALISATION = (
    "id,text,original,file,node,lineNumber,lock,comment\n"
    'line:0a1b2c,,"Hey {$playerName}, you made it!",Intro.yarn,Start,12,3f2a9c1e,\n'
    "line:0a1b2d,Hallo du.,Hello there.,Intro.yarn,Start,13,8d1e2f44,\n"
    "line:0c0001,Mira: Thanks!,Mira: Thanks!,Intro.yarn,Start,3,aa11bb22,\n"
)


def test_a_yarn_localisation_table_has_its_text_column_filled_from_the_original(
    tmp_path: Path,
) -> None:
    path = tmp_path / "Chapter2-de-loc.csv"
    path.write_text(LOCALISATION, "utf-8")
    out = tmp_path / "Chapter2-de-loc.out.csv"
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 1  # (a text already there, a copy too, is kept: --overwrite)
    assert out.read_text("utf-8") == LOCALISATION.replace(
        'line:0a1b2c,,"Hey', 'line:0a1b2c,"HEY {$playerName}, YOU MADE IT!","Hey'
    )


def test_a_yarn_localisation_table_is_imported_original_to_text(tmp_path: Path) -> None:
    path = tmp_path / "Chapter1-de-loc.csv"
    path.write_text(LOCALISATION, "utf-8")
    pairs = list(read_csv_table(path, src_lang="en", tgt_lang="de"))
    assert [(p.source, p.target, p.metadata) for p in pairs] == [
        ("Hello there.", "Hallo du.", {"context": "line:0a1b2d"}),
        ("Mira: Thanks!", "Mira: Thanks!", {"context": "line:0c0001"}),
    ]


UNREAL_TABLE = (
    "Key,SourceString,Comment\n"
    "Menu_Play,Play,Main menu button\n"
    'HUD_Health,"Health: {Current}/{Max}",HUD label\n'
)


def test_an_unreal_string_table_has_its_source_string_translated_in_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ST_UI.csv"
    path.write_text(UNREAL_TABLE, "utf-8", newline="")
    out = tmp_path / "ST_UI.de.csv"
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 2
    assert out.read_text("utf-8") == (
        "Key,SourceString,Comment\n"
        "Menu_Play,PLAY,Main menu button\n"
        "HUD_Health,HEALTH: {Current}/{Max},HUD label\n"
    )
    with pytest.raises(
        InputError,
        match=r"ST_UI\.csv: an Unreal string table \(Key,SourceString\) holds one language, no "
        r"translations to read; import the de \.po file that Unreal's localization dashboard "
        r"exports instead",
    ):
        list(read_csv_table(path, src_lang="en", tgt_lang="de"))


def test_the_columns_hint_names_no_key_or_comment_column(tmp_path: Path) -> None:
    path = tmp_path / "strings.csv"
    path.write_text("Key,Value,Comment\nMenu_Play,Play,Main menu button\n", "utf-8")
    with pytest.raises(InputError, match=r'--columns "Value"$'):
        translate_file(path, tmp_path / "out.csv", FakeModel(), src_lang="en", tgt_lang="de")
