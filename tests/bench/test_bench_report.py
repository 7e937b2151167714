"""results.md's tables: what the "from memory" column counts; the results folder made ready."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.bench.report import REPORT_FILES, from_memory, prepare_output
from ltmt.errors import InputError


@pytest.mark.parametrize(
    ("methods", "count"),
    [
        ({"knn": 16, "model": 14}, 16),  # fused segments count (they showed 0)
        ({"exact": 2, "tm": 3, "model": 1}, 5),
        ({"knn-trained": 4, "attention": 1, "exact": 1, "empty": 2}, 6),
        ({"model": 8}, 0),
        ({}, 0),
    ],
)
def test_from_memory_counts_reused_and_fused_segments(methods: dict[str, int], count: int) -> None:
    assert from_memory(methods) == count


def test_prepare_output_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(InputError, match=r"results folder .* is not empty; .*--overwrite"):
        prepare_output(tmp_path)
    assert (tmp_path / "notes.txt").is_file()


def test_prepare_output_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("", "utf-8")
    with pytest.raises(InputError, match=r"results folder .*afile is a file; give --output a"):
        prepare_output(tmp_path / "afile", overwrite=True)


@pytest.mark.parametrize("exists", [False, True])
def test_prepare_output_takes_a_new_or_empty_folder(tmp_path: Path, exists: bool) -> None:
    out = tmp_path / "out"
    if exists:
        out.mkdir()
    prepare_output(out)
    assert not out.exists() or not any(out.iterdir())


def test_overwrite_removes_an_earlier_reports_files_only(tmp_path: Path) -> None:
    for name in (*REPORT_FILES, "notes.txt"):
        (tmp_path / name).write_text("old", "utf-8")
    prepare_output(tmp_path, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
