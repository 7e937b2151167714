"""Decoding on the model's device: no tensor is created anywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from ltmt.model.backbone import load_backbone
from ltmt.model.decode import DecodeConfig
from ltmt.model.engine import Decoder

SOURCES = ["open the file", "could not open %s: %s", "hello world"]


@pytest.fixture(scope="module")
def backbone(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    return load_backbone(tiny_model_dir)


@pytest.mark.parametrize("beam", [1, 3])
def test_every_tensor_is_made_on_the_models_device(backbone, beam) -> None:  # type: ignore[no-untyped-def]
    # the model is on the CPU while torch's default device is "meta": a tensor created without
    # the model's device would land on meta and fail to mix with the model's
    decoder = Decoder(backbone, engine="torch")
    ids = backbone.tokenizer(SOURCES)["input_ids"]
    expected = decoder.decode(ids, DecodeConfig(beam=beam))
    torch.set_default_device("meta")
    try:
        assert decoder.decode(ids, DecodeConfig(beam=beam)) == expected
    finally:
        torch.set_default_device(None)


def test_weights_load_on_first_use_on_the_requested_device(tiny_model_dir: Path) -> None:
    backbone = load_backbone(tiny_model_dir, device="cpu")
    assert not backbone.loaded and backbone.device_type == "cpu"
    assert backbone.pad_id == backbone.model.config.pad_token_id
    assert backbone.loaded and backbone.device == torch.device("cpu")


def test_int8_copy_is_quantised_lazily_and_keyed_apart(tiny_model_dir: Path) -> None:
    from ltmt.model.backbone import quantized_int8

    backbone = load_backbone(tiny_model_dir)
    quantised = quantized_int8(backbone)
    assert not quantised.loaded
    assert quantised.fingerprint != backbone.fingerprint  # its states differ: caches stay apart
    assert quantised.weights_fingerprint == backbone.weights_fingerprint  # one conversion
    from ltmt.model.int8_linear import Int8Linear

    layer = quantised.model.get_decoder().layers[0].fc1
    assert isinstance(layer, Int8Linear)
    ids = backbone.tokenizer(SOURCES)["input_ids"]
    outputs = Decoder(quantised, engine="torch").decode(ids, DecodeConfig(beam=2))
    assert len(outputs) == len(SOURCES) and all(isinstance(t, int) for o in outputs for t in o)
    assert type(backbone.model.get_decoder().layers[0].fc1) is torch.nn.Linear


def test_bfloat16_copy_loads_lazily_in_bfloat16_and_is_keyed_apart(tiny_model_dir: Path) -> None:
    from ltmt.model.backbone import bfloat16_weights

    backbone = load_backbone(tiny_model_dir)
    half = bfloat16_weights(backbone)
    assert not half.loaded and not backbone.loaded  # straight from disk, no float32 copy first
    assert half.fingerprint != backbone.fingerprint
    assert half.weights_fingerprint == backbone.weights_fingerprint
    assert {p.dtype for p in half.model.parameters()} == {torch.bfloat16}
    assert not backbone.loaded
    ids = backbone.tokenizer(SOURCES)["input_ids"]
    outputs = Decoder(half, engine="torch").decode(ids, DecodeConfig(beam=2))
    assert len(outputs) == len(SOURCES) and all(isinstance(t, int) for o in outputs for t in o)


def test_translator_refuses_two_weight_kinds(tiny_model_dir: Path) -> None:
    from ltmt.errors import ConfigError
    from ltmt.translator import Translator

    with pytest.raises(ConfigError, match="fusion_int8 and fusion_bf16 exclude each other"):
        Translator(tiny_model_dir, fusion_int8=True, fusion_bf16=True)


def _cpu_prefers(
    monkeypatch: pytest.MonkeyPatch, *, int8: bool, bf16: bool, int8_head: bool
) -> None:
    """Make the CPU's choices of fused weights these, whatever this machine's flags."""
    import ltmt.model.backbone as backbone_module

    monkeypatch.setattr(backbone_module, "cpu_prefers_int8", lambda: int8)
    monkeypatch.setattr(backbone_module, "cpu_has_fast_bf16", lambda: bf16)
    monkeypatch.setattr(backbone_module, "cpu_prefers_int8_head", lambda: int8_head)


def test_fused_batches_default_to_bfloat16_only_where_the_cpu_has_it(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.translator import Translator

    backbone = load_backbone(tiny_model_dir)
    for native, expected in ((True, "bfloat16"), (False, "")):
        _cpu_prefers(monkeypatch, int8=False, bf16=native, int8_head=False)
        assert Translator(backbone, fusion="knn").backbone.variant == expected
    _cpu_prefers(monkeypatch, int8=False, bf16=True, int8_head=False)
    assert Translator(backbone, fusion="none").backbone is backbone  # plain decoding: float32
    # the trained combiner runs on bfloat16 too (it checks its base by the float32 embeddings
    # the copy was made from); the attention adapter, not measured on bfloat16, stays float32
    assert Translator(backbone, fusion="knn-trained").backbone.variant == "bfloat16"
    assert Translator(backbone, fusion="attention").backbone is backbone
    assert Translator(backbone, fusion="knn", fusion_bf16=False).backbone is backbone
    # translators that share a backbone share its bfloat16 copy (loaded once)
    first = Translator(backbone, fusion="knn").backbone
    assert Translator(backbone, fusion="knn").backbone is first


@pytest.mark.parametrize(
    ("prefers", "variant"),
    [
        ({"int8": True, "bf16": True, "int8_head": False}, "int8"),  # VNNI, no AMX
        ({"int8": False, "bf16": False, "int8_head": True}, "int8-head"),  # AVX2 alone
    ],
)
def test_fused_batches_default_to_the_weights_the_cpu_prefers(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch, prefers: dict[str, bool], variant: str
) -> None:
    from ltmt.translator import Translator

    backbone = load_backbone(tiny_model_dir)
    _cpu_prefers(monkeypatch, **prefers)
    for method in ("knn", "knn-trained"):
        assert Translator(backbone, fusion=method).backbone.variant == variant
    # float32 asked for is float32 throughout; plain decoding and the adapter (not measured on
    # int8) stay float32
    assert Translator(backbone, fusion="knn", fusion_bf16=False).backbone is backbone
    assert Translator(backbone, fusion="none").backbone is backbone
    assert Translator(backbone, fusion="attention").backbone is backbone
    # an int8 encoder is asked for, never chosen by the CPU
    encoder = Translator(backbone, fusion="knn", fusion_int8_encoder=True)
    assert encoder.backbone.variant == "int8-encoder+int8-head"


def test_other_weights_asked_for_win_over_the_cpus_int8(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.translator import Translator

    backbone = load_backbone(tiny_model_dir)
    _cpu_prefers(monkeypatch, int8=True, bf16=True, int8_head=False)
    assert Translator(backbone, fusion="knn-trained", fusion_int8=False).backbone.variant == (
        "bfloat16"
    )
    assert Translator(backbone, fusion="knn", fusion_bf16=True).backbone.variant == "bfloat16"
    head = Translator(backbone, fusion="knn", fusion_int8_head=True)
    assert head.backbone.variant == "bfloat16+int8-head"
    assert Translator(backbone, fusion="knn", fusion_int8=False).backbone.variant == "bfloat16"


def test_threads_asking_for_the_fast_path_at_once_make_it_once(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    decoder = Decoder(load_backbone(tiny_model_dir), engine="auto")
    made = []

    def make() -> object:
        made.append(1)
        time.sleep(0.05)  # long enough for the other thread to ask meanwhile
        return "fast"

    monkeypatch.setattr(decoder, "_make_fast", make)
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(decoder.fast)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == [1] and seen == ["fast", "fast"]
