"""Where a training writes what it trained: checked before any work starts, so a run never
replaces a trained layer unasked (the README's command once overwrote the shipped combiner) nor
fails at its last step on a path it cannot write; never a layer trained for no step; files
that other users can read; and a record in each of what made it (:func:`training_provenance`)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.provenance import run_provenance


def check_output_dir(target: Path, what: str, *, overwrite: bool = False) -> None:
    """Refuse ``target``, the folder a ``what`` (``trained combiner``) is to be written to, before
    training starts: when it is a file, holds files already (unless ``overwrite``), or cannot be
    made or written. Nothing is created: a run that fails leaves no folder behind. Each refusal
    is one line saying what to pass instead."""
    if target.exists() and not target.is_dir():
        raise InputError(f"{target} is a file; the {what} is a folder: pass another --output")
    if target.is_dir() and not overwrite and any(target.iterdir()):
        held = f"a {what}" if (target / "model.safetensors").exists() else "files"
        raise InputError(
            f"{target} already holds {held}; pass --overwrite to replace it, "
            "or --output DIR to write elsewhere"
        )
    existing = next(p for p in (target, *target.parents) if p.exists())
    if not existing.is_dir():
        raise InputError(f"cannot write {target}: {existing} is a file, not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(
            f"cannot write {target}: {existing} is not writable; pass another --output"
        )


def check_trained(steps: int, max_minutes: float) -> None:
    """Refuse to save a layer trained for no step: ``max_minutes`` (``train.max_minutes``,
    ``--max-minutes``) ran out before the first one, and the result would be the untrained
    layer, saved as if trained."""
    if steps == 0:
        raise InputError(
            f"the time budget of {max_minutes:g} minute(s) ended before the first training "
            "step; nothing was written: raise --max-minutes (train.max_minutes)"
        )


def time_is_up(started: float, max_minutes: float) -> bool:
    """Whether ``max_minutes`` (``train.max_minutes``; 0: no limit) have passed since
    ``started`` (a :func:`time.monotonic` reading)."""
    return bool(max_minutes) and (time.monotonic() - started) / 60 >= max_minutes


def check_improved(best_step: int, steps: int, planned: int, max_minutes: float) -> None:
    """Refuse to save the untrained layer as if trained: the time budget stopped the run at
    ``steps`` of ``planned`` before any evaluated step beat step 0 (the untrained layer: plain
    kNN, the identity adapter) on dev, so what would be written is step 0's layer."""
    if best_step == 0 and steps < planned:
        raise InputError(
            f"the time budget of {max_minutes:g} minute(s) ended at step {steps} of {planned} "
            "before any step beat the untrained layer on dev; nothing was written: raise "
            "--max-minutes (train.max_minutes)"
        )


def give_new_file_mode(directory: Path, pattern: str = "*.safetensors") -> None:
    """Give the files of ``directory`` matching ``pattern`` the mode a new file gets under the
    process's umask (``0644`` under ``022``): safetensors writes through a private temporary
    file and renames it, so its files are ``0600``, unreadable to the other users of a shared
    install."""
    mode = 0o666 & ~_umask()
    for path in directory.glob(pattern):
        path.chmod(mode)


def _umask() -> int:
    """The process's umask (reading it means setting it: set back at once)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def training_provenance(device: str, bf16: bool, data_dir: str | Path) -> dict[str, Any]:
    """The ``provenance`` block of a trained artifact (a base checkpoint's
    ``ltmt_training.json``, a fusion layer's ``config.json`` and ``train_log.json``): what a
    benchmark's results.json records (:func:`ltmt.provenance.run_provenance`: ltmt's version, the
    git commit, the libraries, the time, the CPU), plus what the config leaves open: the
    ``device`` it trained on (``gpu``: its name on ``cuda``), whether bf16 autocast ran
    (``train.bf16: auto`` resolved) and the training data's folder, absolute."""
    return {
        **run_provenance(),
        "device": device,
        "gpu": _gpu_name(device),
        "bf16": bf16,
        "data_dir": str(Path(data_dir).resolve()),
    }


def _gpu_name(device: str) -> str | None:
    """The name of the GPU ``device`` is (``NVIDIA H100 80GB HBM3``), ``None`` on the CPU."""
    if device != "cuda":
        return None
    import torch

    return str(torch.cuda.get_device_name())
