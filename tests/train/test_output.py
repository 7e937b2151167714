"""Where a training writes: checked before training, never a layer of no step, readable files,
the record of what made it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ltmt.errors import InputError, LtmtError
from ltmt.provenance import LIBRARIES
from ltmt.train.output import (
    check_improved,
    check_output_dir,
    check_trained,
    give_new_file_mode,
    training_provenance,
)


def test_a_new_or_empty_folder_passes_and_nothing_is_made(tmp_path: Path) -> None:
    check_output_dir(tmp_path / "a" / "b", "trained combiner")
    assert not (tmp_path / "a").exists()
    (tmp_path / "a" / "b").mkdir(parents=True)
    check_output_dir(tmp_path / "a" / "b", "trained combiner")


def test_a_folder_holding_a_layer_is_refused_unless_overwrite(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"x")
    with pytest.raises(
        InputError,
        match=r"already holds a trained combiner; pass --overwrite to replace it, "
        r"or --output DIR to write elsewhere$",
    ):
        check_output_dir(tmp_path, "trained combiner")
    check_output_dir(tmp_path, "trained combiner", overwrite=True)
    assert (tmp_path / "model.safetensors").read_bytes() == b"x"  # nothing removed


def test_a_folder_holding_other_files_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match=r"already holds files; pass --overwrite"):
        check_output_dir(tmp_path, "attention adapter")


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("file", r"file is a file; the trained combiner is a folder: pass another --output$"),
        ("file/sub", r"cannot write .*file/sub: .*file is a file, not a directory$"),
    ],
)
def test_a_file_in_the_way_is_refused(tmp_path: Path, output: str, message: str) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(LtmtError, match=message):
        check_output_dir(tmp_path / output, "trained combiner")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    with pytest.raises(LtmtError, match="is not writable; pass another --output"):
        check_output_dir(locked / "out", "trained combiner")


def test_a_layer_of_no_training_step_is_refused() -> None:
    check_trained(1, 0.0)
    with pytest.raises(InputError, match=r"^the time budget of 0\.5 minute\(s\) ended before"):
        check_trained(0, 0.5)


@pytest.mark.parametrize(
    ("best_step", "steps", "planned"),
    [(0, 20, 20), (5, 5, 20), (20, 20, 20)],  # a full run may keep step 0; a cut one that beat it
)
def test_a_layer_that_beat_step_0_or_ran_all_its_steps_is_kept(
    best_step: int, steps: int, planned: int
) -> None:
    check_improved(best_step, steps, planned, 0.5)


def test_a_time_limited_run_that_never_beat_the_untrained_layer_is_refused() -> None:
    with pytest.raises(
        InputError, match=r"^the time budget of 0\.5 minute\(s\) ended at step 7 of"
    ):
        check_improved(0, 7, 100, 0.5)


def test_safetensors_files_get_the_mode_of_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"x")
    (tmp_path / "model.safetensors").chmod(0o600)  # how safetensors leaves them
    previous = os.umask(0o022)
    try:
        give_new_file_mode(tmp_path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "model.safetensors").stat().st_mode) == 0o644


def test_a_trained_artifact_records_what_a_benchmark_records_plus_device_and_bf16(
    tmp_path: Path,
) -> None:
    block = training_provenance("cpu", True, tmp_path / "data" / "..")
    assert {"ltmt_version", "software", "created", "cpu"} <= set(block)
    assert set(LIBRARIES) <= set(block["software"]) and "git" in block["software"]
    assert (block["device"], block["gpu"], block["bf16"]) == ("cpu", None, True)
    assert block["data_dir"] == str(tmp_path.resolve())
