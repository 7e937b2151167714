"""The numpy conversion writes the standard converter's CTranslate2 model, byte for byte."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ltmt.model.backbone import load_backbone
from ltmt.model.ctranslate import _convert_here, aligned_by_all_heads, convert
from ltmt.model.ctranslate_spec import covered_checkpoint, marian_spec, read_checkpoint

SOURCES = ["open the file", "could not open %s: %s", "hello world", "the cat sat on the mat"]
FILES = ("model.bin", "config.json", "shared_vocabulary.json")


def _variant(tiny_model_dir: Path, folder: Path, dtype: str, logits_bias: bool) -> Path:
    """The tiny model saved in ``dtype``, with a non-zero ``final_logits_bias`` on request."""
    import torch
    from transformers import MarianMTModel

    model = shutil.copytree(tiny_model_dir, folder)
    marian = MarianMTModel.from_pretrained(str(tiny_model_dir)).to(getattr(torch, dtype))
    if logits_bias:
        generator = torch.Generator().manual_seed(0)
        noise = torch.randn(marian.final_logits_bias.shape, generator=generator)
        marian.final_logits_bias.copy_(noise.to(marian.final_logits_bias.dtype))
    for weights in model.glob("*.safetensors"):
        weights.unlink()
    marian.save_pretrained(str(model))
    return model


def _standard(model: Path, output: Path, compute_type: str, all_heads: bool = True) -> Path:
    """The standard converter's model (with ltmt's one change: alignment by all heads)."""
    import ctranslate2

    class Converter(ctranslate2.converters.TransformersConverter):
        def _load(self):
            spec = super()._load()
            return aligned_by_all_heads(spec) if all_heads else spec

    Converter(str(model)).convert(str(output), quantization=compute_type, force=True)
    return output


@pytest.mark.parametrize(
    ("dtype", "logits_bias", "compute_type"),
    [
        ("float32", False, "int8"),
        ("float32", False, "float32"),
        ("float16", True, "int8"),
        ("float16", False, "float32"),
    ],
)
def test_model_bin_is_byte_identical_to_the_standard_converters(
    tiny_model_dir: Path, tmp_path: Path, dtype: str, logits_bias: bool, compute_type: str
) -> None:
    model = _variant(tiny_model_dir, tmp_path / "model", dtype, logits_bias)
    covered = covered_checkpoint(model)
    assert covered is not None
    standard = _standard(model, tmp_path / "standard", compute_type)
    _convert_here(model, tmp_path / "numpy", compute_type, covered)
    for name in FILES:
        assert (tmp_path / "numpy" / name).read_bytes() == (standard / name).read_bytes(), name
    record = json.loads((tmp_path / "numpy" / "ltmt_conversion.json").read_text("utf-8"))
    assert record["faithful"] and record["converter"].startswith("ltmt.model.ctranslate_spec")


def test_translations_equal_the_standard_conversions(tiny_model_dir: Path, tmp_path: Path) -> None:
    import ctranslate2

    standard = _standard(tiny_model_dir, tmp_path / "standard", "int8")
    ours = convert(load_backbone(tiny_model_dir), "int8", tmp_path / "cache")
    tokenizer = load_backbone(tiny_model_dir).tokenizer
    tokens = [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(SOURCES)["input_ids"]]
    outputs = [
        [
            r.hypotheses[0]
            for r in ctranslate2.Translator(str(d)).translate_batch(tokens, beam_size=4)
        ]
        for d in (standard, ours)
    ]
    assert outputs[0] == outputs[1]
    assert any(outputs[0])  # the tiny model says something


def test_the_spec_drops_the_pad_row_and_starts_from_zeros(tiny_model_dir: Path) -> None:
    covered = covered_checkpoint(tiny_model_dir)
    assert covered is not None
    checkpoint = read_checkpoint(tiny_model_dir, covered)
    spec = marian_spec(checkpoint)
    vocab_size = checkpoint.config.vocab_size
    assert spec.decoder.embeddings.weight.shape[0] == vocab_size - 1
    assert spec.decoder.projection.weight.shape[0] == vocab_size - 1
    assert spec.decoder.start_from_zero_embedding
    assert spec.config.decoder_start_token == "</s>"


def test_the_converting_process_imports_neither_torch_nor_transformers(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    script = (
        "import sys; from ltmt.model.ctranslate import main; main(sys.argv[1:]); "
        "print(sys.modules.get('torch') is None, 'transformers' in sys.modules)"
    )
    output = tmp_path / "converted"
    command = [sys.executable, "-c", script, str(tiny_model_dir), str(output), "int8"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]
    assert (output / "model.bin").is_file()


def test_other_checkpoints_keep_the_standard_converter(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    bfloat16 = _variant(tiny_model_dir, tmp_path / "bf16", "bfloat16", False)
    no_config = shutil.copytree(tiny_model_dir, tmp_path / "no-tokenizer-config")
    (no_config / "tokenizer_config.json").unlink()
    assert covered_checkpoint(bfloat16) is None
    assert covered_checkpoint(no_config) is None
    assert covered_checkpoint(tmp_path / "missing") is None
    _convert_here(bfloat16, tmp_path / "converted", "int8", None)
    record = json.loads((tmp_path / "converted" / "ltmt_conversion.json").read_text("utf-8"))
    assert record["faithful"] and record["converter"].startswith("ctranslate2.converters")
    assert (tmp_path / "converted" / "model.bin").is_file()


def test_both_converters_make_the_same_one_change_to_the_standard_spec(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """The standard converter's path gets the numpy path's model: alignment by all heads, the
    one byte that differs from the converter's default model."""
    _convert_here(tiny_model_dir, tmp_path / "standard-path", "int8", None)
    _convert_here(tiny_model_dir, tmp_path / "numpy", "int8", covered_checkpoint(tiny_model_dir))
    default = _standard(tiny_model_dir, tmp_path / "default", "int8", all_heads=False)
    ours = (tmp_path / "numpy" / "model.bin").read_bytes()
    assert (tmp_path / "standard-path" / "model.bin").read_bytes() == ours
    theirs = (default / "model.bin").read_bytes()
    assert len(ours) == len(theirs)
    assert sum(a != b for a, b in zip(ours, theirs)) == 1


def test_the_numpy_conversion_parses_each_config_file_once(
    tiny_model_dir: Path, text_reads: list[str]
) -> None:
    covered = covered_checkpoint(tiny_model_dir)
    assert covered is not None
    read_checkpoint(tiny_model_dir, covered)
    assert text_reads.count("tokenizer_config.json") == 1
    assert text_reads.count("config.json") == 1
