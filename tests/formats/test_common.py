"""What the format modules share: reading a file's bytes with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.common import read_bytes, read_file


def test_a_missing_or_unreadable_file_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^\S*nope\.po: file not found$"):
        read_file(tmp_path / "nope.po")
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(InputError, match=r"^\S*folder: cannot read \(Is a directory\)$"):
        read_file(folder)
    with pytest.raises(InputError, match=r"nope\.tmx: file not found"):
        read_bytes(tmp_path / "nope.tmx", "a TMX file")


def test_an_empty_file_is_read_and_refused_only_where_content_is_required(
    tmp_path: Path,
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n")
    assert read_file(blank) == b" \n"
    with pytest.raises(InputError, match=r"blank\.txt: empty file; expected a TMX file"):
        read_bytes(blank, "a TMX file")
