"""The attention adapter on the tiny random model: identity at start, save/load, base checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from fusion_fakes import FakeMemory, make_match

from ltmt.errors import ConfigError, ModelError
from ltmt.fusion.adapter import AdapterConfig, BaseInfo, MemoryAdapter, embedding_sha1
from ltmt.fusion.attention import ADAPTER_SUBDIR, AttentionFusion
from ltmt.model.decode import DecodeConfig, decode
from ltmt.translator import Translator

SOURCE, TARGET = "open the file", "öffne die Datei"
TEXTS = ["the cat sat on the mat", SOURCE, "hello world"]
MATCHES = [
    [],
    [make_match(SOURCE, TARGET, 90.0), make_match("the file", "die Datei", 60.0, id=1)],
    [],
]


def _adapter(
    backbone, *, gate_bias: float = 0.0, trained: bool = True, seed: int = 0
) -> MemoryAdapter:  # type: ignore[no-untyped-def]
    torch.manual_seed(seed)
    adapter = MemoryAdapter(
        AdapterConfig(d_model=backbone.d_model, heads=2, d_attention=8, gate_bias=gate_bias)
    )
    if trained:  # a non-identity block, as after training
        with torch.no_grad():
            torch.nn.init.normal_(adapter.output.weight, std=1.0)
            adapter.score_weight.fill_(0.5)
    return adapter.eval()


def _short(translator: Translator, config: DecodeConfig) -> Translator:
    translator.decode_config = config
    return translator


def _encode(backbone, texts):  # type: ignore[no-untyped-def]
    batch = backbone.tokenizer(texts, return_tensors="pt", padding=True)
    return batch["input_ids"], batch["attention_mask"]


def _hidden_and_rows(backbone):  # type: ignore[no-untyped-def]
    torch.manual_seed(1)
    return torch.randn(6, backbone.d_model), torch.tensor([0, 0, 1, 1, 2, 2])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"d_model": 0}, "d_model must be >= 1, got 0"),
        (
            {"d_model": 16, "heads": 3, "d_attention": 8},
            r"d_attention \(8\) must be a positive multiple of heads \(3\)",
        ),
        ({"d_model": 16, "max_matches": 0}, "max_matches must be >= 1"),
        ({"d_model": 16, "min_score": -1.0}, r"min_score must be in \[0, 100\]"),
    ],
)
def test_adapter_config_validation(options: dict[str, float], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        AdapterConfig(**options)  # type: ignore[arg-type]


def test_fresh_adapter_is_the_identity(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    fusion = AttentionFusion(_adapter(tiny_backbone, trained=False))
    state = fusion.prepare(tiny_backbone, TEXTS, MATCHES)
    assert state is not None
    hidden, rows = _hidden_and_rows(tiny_backbone)
    assert torch.equal(state.fuse_hidden(hidden, rows), hidden)


def test_gate_at_zero_gives_base_logits(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    model = tiny_backbone.model
    fusion = AttentionFusion(_adapter(tiny_backbone, gate_bias=-1e4))
    state = fusion.prepare(tiny_backbone, TEXTS, MATCHES)
    assert state is not None
    hidden, rows = _hidden_and_rows(tiny_backbone)
    with torch.inference_mode():
        base = model.lm_head(hidden) + model.final_logits_bias
        fused = model.lm_head(state.fuse_hidden(hidden, rows)) + model.final_logits_bias
    assert torch.equal(fused, base)
    ids, mask = _encode(tiny_backbone, TEXTS)
    config = DecodeConfig(beam=3, max_len_a=1.0, max_len_b=3)
    assert decode(tiny_backbone, ids, mask, config, state) == decode(
        tiny_backbone, ids, mask, config
    )


def test_rows_without_memory_are_untouched(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    state = AttentionFusion(_adapter(tiny_backbone)).prepare(tiny_backbone, TEXTS, MATCHES)
    assert state is not None
    hidden, rows = _hidden_and_rows(tiny_backbone)
    out = state.fuse_hidden(hidden, rows)
    assert torch.equal(out[:2], hidden[:2]) and torch.equal(out[4:], hidden[4:])
    assert not torch.allclose(out[2:4], hidden[2:4])


@pytest.mark.parametrize("beam", [1, 3])
def test_cache_on_and_off_give_same_tokens(tiny_backbone, beam: int) -> None:  # type: ignore[no-untyped-def]
    fusion = AttentionFusion(_adapter(tiny_backbone))
    ids, mask = _encode(tiny_backbone, TEXTS)
    outputs = [
        decode(
            tiny_backbone,
            ids,
            mask,
            DecodeConfig(beam=beam, use_cache=use_cache, max_len_a=1.0, max_len_b=3),
            fusion.prepare(tiny_backbone, TEXTS, MATCHES),
        )
        for use_cache in (True, False)
    ]
    assert outputs[0] == outputs[1]


def test_empty_memory_translator_matches_base(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    texts = ["open the file", "hello world\nshow all commits"]
    short = DecodeConfig(beam=2, max_len_a=1.0, max_len_b=2)
    base = _short(Translator(tiny_backbone, beam=2), short).translate(texts)
    fusion = AttentionFusion(_adapter(tiny_backbone))
    fused = _short(Translator(tiny_backbone, FakeMemory(), fusion=fusion, beam=2), short).translate(  # type: ignore[arg-type]
        texts, user="u"
    )
    assert [t.text for t in fused] == [t.text for t in base]
    # by name, with no adapter anywhere: nothing to fuse, so nothing is loaded
    named = _short(Translator(tiny_backbone, FakeMemory(), fusion="attention"), short).translate(  # type: ignore[arg-type]
        texts, user="u"
    )
    assert [t.text for t in named] == [t.text for t in base]


def test_save_load_roundtrip(tiny_backbone, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    adapter = _adapter(tiny_backbone)
    info = BaseInfo(
        name="tiny",
        fingerprint=tiny_backbone.fingerprint,
        embedding_sha1=embedding_sha1(tiny_backbone.model),
    )
    adapter.save(tmp_path / "adapter", info, extra={"steps": 3})
    meta = json.loads((tmp_path / "adapter" / "config.json").read_text())
    assert meta["format_version"] == 1 and meta["base"]["name"] == "tiny"
    loaded = AttentionFusion.load(tmp_path / "adapter")
    hidden, rows = _hidden_and_rows(tiny_backbone)
    first = AttentionFusion(adapter).prepare(tiny_backbone, TEXTS, MATCHES)
    second = loaded.prepare(tiny_backbone, TEXTS, MATCHES)
    assert first is not None and second is not None
    assert torch.allclose(
        first.fuse_hidden(hidden, rows), second.fuse_hidden(hidden, rows), atol=1e-6
    )


def test_adapter_found_inside_the_model_dir(tiny_model_dir: Path, tmp_path: Path) -> None:
    from ltmt.model.backbone import load_backbone

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    backbone = load_backbone(model_dir)
    adapter = _adapter(backbone)
    adapter.save(
        model_dir / ADAPTER_SUBDIR, BaseInfo(embedding_sha1=embedding_sha1(backbone.model))
    )
    fusion = AttentionFusion()
    state = fusion.prepare(backbone, TEXTS, MATCHES)
    assert state is not None and fusion.directory == model_dir / ADAPTER_SUBDIR


def test_adapter_of_another_base_is_refused(tiny_backbone, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _adapter(tiny_backbone).save(tmp_path / "a", BaseInfo(name="other", embedding_sha1="0" * 16))
    fusion = AttentionFusion(tmp_path / "a")
    with pytest.raises(ModelError, match="trained on another base model"):
        fusion.prepare(tiny_backbone, TEXTS, MATCHES)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no attention adapter in"),
        ("format", "not an ltmt attention adapter"),
        ("version", "format version 99 is newer"),
        ("truncated", r"model\.safetensors is damaged \(.*\); replace the attention adapter or "),
        ("mismatched", r"model\.safetensors does not match .*config\.json \(.*\); replace the "),
    ],
)
def test_bad_adapter_dirs(tiny_backbone, tmp_path: Path, setup: str, message: str) -> None:  # type: ignore[no-untyped-def]
    directory = tmp_path / "a"
    if setup in ("truncated", "mismatched"):
        _adapter(tiny_backbone).save(directory, BaseInfo())
        weights = directory / "model.safetensors"
        if setup == "truncated":
            weights.write_bytes(weights.read_bytes()[:1000])
        else:  # another adapter's weights: another attention width
            other = MemoryAdapter(AdapterConfig(d_model=tiny_backbone.d_model, d_attention=8))
            other.save(tmp_path / "b", BaseInfo())
            shutil.copyfile(tmp_path / "b" / "model.safetensors", weights)
    elif setup != "missing":
        _adapter(tiny_backbone).save(directory, BaseInfo())
        meta = json.loads((directory / "config.json").read_text())
        if setup == "format":
            meta["format"] = "something-else"
        else:
            meta["format_version"] = 99
        (directory / "config.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=message):
        AttentionFusion(directory)
