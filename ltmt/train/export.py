"""Export a training checkpoint as a clean Marian directory (e.g. the embedded default model)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ltmt.errors import InputError
from ltmt.train.output import give_new_file_mode

MARIAN_FILES = (
    "config.json",
    "generation_config.json",
    "source.spm",
    "target.spm",
    "vocab.json",
    "tokenizer_config.json",
    "ltmt_training.json",
)


def export_checkpoint(checkpoint: Path, output: Path, *, fp16: bool = False) -> Path:
    """Copy ``checkpoint`` to ``output`` with only what loading needs; ``fp16`` halves the weights.

    Anything else already in ``output`` (a model card, a fusion adapter) is kept.
    """
    import torch
    from transformers import MarianMTModel

    if not (checkpoint / "config.json").is_file():
        raise InputError(f"not a Marian checkpoint directory: {checkpoint} (no config.json)")
    output.mkdir(parents=True, exist_ok=True)
    model = MarianMTModel.from_pretrained(str(checkpoint), dtype=torch.float32)
    if fp16:
        model = model.half()
    model.save_pretrained(str(output))
    give_new_file_mode(output)
    for name in MARIAN_FILES:
        if (checkpoint / name).is_file() and name != "config.json":
            shutil.copyfile(checkpoint / name, output / name)
    return output
