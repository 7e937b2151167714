"""The keys a CSV table's rows are recorded under, and what warnings call them (trial s73)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.csv_table import CsvTable, read_csv_table
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file
from ltmt.formats.table_record_keys import emptied_again, pair_key, recorded_as, row_name


@pytest.mark.parametrize(
    ("key_cells", "expected"),
    [
        ([(1, "menu.load"), (2, "menu.quit")], {1: "menu.load", 2: "menu.quit"}),
        ([(1, ""), (2, "  ")], {1: "\t\t1", 2: "\t\t2"}),  # no key: the place
        # a key two rows share (a ServiceNow table's rows of each language): their places
        ([(1, "a"), (2, "a"), (3, "b")], {1: "\t\t1", 2: "\t\t2", 3: "b"}),
        ([(3, "7")], {3: "7"}),  # a numeric id is a key, not a place
    ],
)
def test_rows_are_recorded_by_their_key_cell_else_their_place(
    key_cells: list[tuple[int, str]], expected: dict[int, str]
) -> None:
    assert recorded_as(key_cells) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [(("menu.quit", 0, 1), "menu.quit"), (("menu.quit", 1, 3), "menu.quit\t3")],
)
def test_a_rows_second_pair_of_columns_has_a_key_of_its_own(
    args: tuple[str, int, int], expected: str
) -> None:
    assert pair_key(*args) == expected


@pytest.mark.parametrize(
    ("cell", "line", "expected"), [("menu.quit", 3, "menu.quit"), ("", 3, "line 3")]
)
def test_a_row_is_named_by_its_key_else_its_line(cell: str, line: int, expected: str) -> None:
    assert row_name(cell, line) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "empty its cell to have ltmt translate it again"),
        (2, "empty their cells to have ltmt translate them again"),
    ],
)
def test_the_narrow_way_to_translate_a_row_again(count: int, expected: str) -> None:
    assert emptied_again(count) == expected


def test_a_row_inserted_moves_no_rows_record_key(tmp_path: Path) -> None:
    """Keyed by its number, every row after an inserted one had another key."""
    path = tmp_path / "ui.csv"
    path.write_text("key,en,de\nmenu.load,Load Game,\nmenu.quit,Quit Game,\n", "utf-8")
    before = CsvTable.open(path).record_keys()
    path.write_text(
        "key,en,de\nmenu.new,New Game,\nmenu.load,Load Game,\nmenu.quit,Quit Game,\n", "utf-8"
    )
    after = CsvTable.open(path).record_keys()
    assert before == {"1": "menu.load", "2": "menu.quit"}
    assert after == {"1": "menu.new", "2": "menu.load", "3": "menu.quit"}


def test_an_import_reads_each_pair_with_the_key_the_record_keeps(tmp_path: Path) -> None:
    """The import looked a row up by its key cell, the record kept it by number: no row of a
    table was found, so none was known as of a changed source."""
    path = tmp_path / "ui.csv"
    path.write_text(
        "key,Title (en),Body (en),Title (de),Body (de)\n"
        "menu.load,Load,Load a game,Laden,Ein Spiel laden\n"
        ",Quit,Quit the game,Beenden,Das Spiel beenden\n",
        "utf-8",
    )
    table = CsvTable.open(path)
    keys = table.record_keys()
    read = {(pair.source, pair.record_key) for pair in read_csv_table(path)}
    assert read == {
        ("Load", keys["1"]),
        ("Load a game", keys["1:2"]),
        ("Quit", keys["2"]),
        ("Quit the game", keys["2:2"]),
    }
    assert keys == {"1": "menu.load", "1:2": "menu.load\t2", "2": "\t\t2", "2:2": "\t\t2\t2"}
    assert table.unit_ids(["1", "1:2", "2"]) == ["menu.load", "line 3"]


def test_a_row_inserted_names_no_row_after_it_as_changed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A writer's row inserted before a translator's: the translator's was named "whose
    source changed since" (the record's row 2 was another string), and recorded so."""
    records = OutputSources(tmp_path / "records")
    path = tmp_path / "ui.csv"
    path.write_text("key,en,de\nmenu.load,Load Game,Spiel laden\nmenu.quit,Quit Game,\n", "utf-8")
    translate_file(path, path, FakeModel(), src_lang="en", tgt_lang="de", output_sources=records)
    translated = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([translated[0], "menu.new,New Game,", *translated[1:]]) + "\n")
    with caplog.at_level(logging.WARNING):
        translate_file(
            path, path, FakeModel(), src_lang="en", tgt_lang="de", output_sources=records
        )
    assert "changed since" not in caplog.text
    assert path.read_text("utf-8").splitlines()[2] == "menu.load,Load Game,Spiel laden"
