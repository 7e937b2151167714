"""The fused batches' encoder in CTranslate2: torch's states, and where it is used or refused."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import torch

from ltmt.errors import ConfigError, ModelError
from ltmt.fusion.datastore import pad_token_ids
from ltmt.model import ctranslate_spec
from ltmt.model.backbone import bfloat16_weights, load_backbone, quantized_int8
from ltmt.model.fast_encoder import FastEncoder, origin_encoder_weights, refusal
from ltmt.translator import Translator

SOURCES = ["open the file", "could not open %s: %s, the file is missing", "hello", "x"]
PAIRS = [("open the file", "öffne die Datei"), ("show all commits", "zeige alle Commits")]
INPUTS = ["open the files", "show all the commits", "hello world", "the cat sat on the mat"]


@pytest.fixture
def backbone(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    """A backbone of its own per test: a fast encoder asked for stays with its backbone."""
    return load_backbone(tiny_model_dir)


def _batch(backbone):  # type: ignore[no-untyped-def]
    ids = backbone.tokenizer(SOURCES)["input_ids"]
    return pad_token_ids(ids, backbone.pad_id, backbone.device)


def _torch_states(backbone, input_ids, mask):  # type: ignore[no-untyped-def]
    with torch.inference_mode():
        encoder = backbone.model.get_encoder()
        return encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state


@pytest.mark.parametrize("native", [True, False])
def test_states_equal_the_torch_encoders(tiny_model_dir: Path, native: bool) -> None:
    backbone = load_backbone(tiny_model_dir, native=native)  # ltmt's modules, MarianMTModel
    input_ids, mask = _batch(backbone)
    expected = _torch_states(backbone, input_ids, mask)
    states = FastEncoder(backbone.model, backbone.config, threads=1)(input_ids, mask)
    assert states.shape == expected.shape and states.dtype == torch.float32
    real = mask.bool()
    torch.testing.assert_close(states[real], expected[real], atol=1e-5, rtol=1e-5)
    assert not states[~real].any()  # the padding's rows


def test_a_batch_padded_past_its_longest_row_keeps_its_width(backbone) -> None:  # type: ignore[no-untyped-def]
    input_ids, mask = _batch(backbone)
    wider_ids = torch.cat([input_ids, input_ids.new_full((len(SOURCES), 3), backbone.pad_id)], 1)
    wider_mask = torch.cat([mask, mask.new_zeros((len(SOURCES), 3))], 1)
    encoder = FastEncoder(backbone.model, backbone.config, threads=1)
    wider = encoder(wider_ids, wider_mask)
    assert wider.shape[1] == wider_ids.shape[1]
    torch.testing.assert_close(wider[:, : input_ids.shape[1]], encoder(input_ids, mask))


def test_a_batch_encoded_in_parts_equals_it_whole(backbone) -> None:  # type: ignore[no-untyped-def]
    """One CTranslate2 thread per worker (see FastDecoder): a batch's rows are encoded in one
    part per thread at once, each part padded to the batch's width, in the batch's order."""
    input_ids, mask = _batch(backbone)
    whole = FastEncoder(backbone.model, backbone.config, threads=1)
    split = FastEncoder(backbone.model, backbone.config, threads=3, workers=2)
    assert split.encoder.num_encoders == 6
    states = split(input_ids, mask)
    torch.testing.assert_close(states, whole(input_ids, mask), atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(split(input_ids[:1], mask[:1]), states[:1], atol=1e-5, rtol=1e-5)


def test_loading_keeps_torchs_thread_count(backbone) -> None:  # type: ignore[no-untyped-def]
    before = torch.get_num_threads()
    FastEncoder(backbone.model, backbone.config, threads=3)
    assert torch.get_num_threads() == before


def test_weights_other_than_float32_are_refused(backbone) -> None:  # type: ignore[no-untyped-def]
    half = bfloat16_weights(backbone)
    with pytest.raises(
        ModelError,
        match=r"from float32 weights on the CPU; model\.shared\.weight is bfloat16 on cpu$",
    ):
        FastEncoder(half.model, half.config)
    assert refusal(half) == (
        "it encodes with float32 or int8 weights, and the fused batches run bfloat16"
    )
    assert refusal(backbone) == ""


def test_int8_weights_encode_in_ctranslate2_only_when_asked_for(backbone) -> None:  # type: ignore[no-untyped-def]
    int8 = quantized_int8(backbone)
    assert refusal(int8) == (
        "int8 weights encode with torch unless CTranslate2's int8 encoder is asked for"
    )
    assert refusal(int8, asked=True) == ""
    assert Translator(backbone, fusion="knn", fusion_int8=True).backbone.encoder_engine == "torch"


def test_another_device_is_refused(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # as on a GPU machine
    lazy = load_backbone(tiny_model_dir, device="cuda")  # nothing loads: the device is a name
    assert refusal(lazy) == "it runs on the CPU, not cuda"


def test_an_activation_ctranslate2_lacks_is_a_clear_error(backbone, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ctranslate_spec, "_ACTIVATIONS", {})
    name = backbone.config.activation_function
    with pytest.raises(
        ModelError,
        match=f"^the encoder cannot run in CTranslate2: CTranslate2 does not compute the {name} activation$",
    ):
        FastEncoder(backbone.model, backbone.config)


def test_the_spec_takes_the_models_position_table_or_computes_it(backbone) -> None:  # type: ignore[no-untyped-def]
    weights = {k: v.numpy() for k, v in backbone.model.state_dict().items() if "encoder" in k}
    weights["model.shared.weight"] = backbone.model.state_dict()["model.shared.weight"].numpy()
    given = ctranslate_spec.encoder_spec(backbone.config, weights)
    table = weights.pop("model.encoder.embed_positions.weight")
    computed = ctranslate_spec.encoder_spec(backbone.config, weights)
    assert given.encoder.position_encodings.encodings is table
    assert (computed.encoder.position_encodings.encodings == table).all()
    assert given.encoder.embeddings[0].weight.shape[0] == backbone.vocab_size  # <pad> kept


def _translator(backbone, memory, **options):  # type: ignore[no-untyped-def]
    # float32 weights (the output projection in int8 where the CPU prefers it) on every CPU
    return Translator(
        backbone, memory, fusion="knn", beam=2, fusion_int8=False, fusion_bf16=False, **options
    )


def test_fused_batches_encode_in_ctranslate2_with_torchs_outputs(tiny_model_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ltmt.memory.store import Memory

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", PAIRS)
        outputs = {}
        for choice in ("auto", "torch"):
            translator = _translator(
                load_backbone(tiny_model_dir), memory, fusion_encoder=choice, state_cache=False
            )
            outputs[choice] = [t.text for t in translator.translate(INPUTS, user="u1")]
            fast = translator.backbone.fast_encoder
            assert isinstance(fast, FastEncoder) if choice == "auto" else fast is None
    assert outputs["auto"] == outputs["torch"]


def test_plain_decoding_and_other_weights_encode_with_torch(backbone) -> None:  # type: ignore[no-untyped-def]
    Translator(backbone, fusion="none")
    assert backbone.fast_encoder is None
    half = Translator(backbone, fusion="knn", fusion_bf16=True)  # auto: refused quietly
    assert half.backbone.fast_encoder is None


def test_asking_for_ctranslate2_where_it_cannot_run_is_an_error(backbone) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(
        ConfigError,
        match=r"^fusion_encoder ctranslate2: it encodes with float32 or int8 weights, and the "
        r"fused batches run bfloat16$",
    ):
        Translator(backbone, fusion="knn", fusion_bf16=True, fusion_encoder="ctranslate2")
    with pytest.raises(
        ConfigError, match=r"^fusion_encoder must be auto, ctranslate2 or torch, got 'onnx'$"
    ):
        Translator(backbone, fusion="knn", fusion_encoder="onnx")


def test_a_model_it_cannot_convert_encodes_with_torch_unless_required(
    tiny_model_dir, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ctranslate_spec, "_ACTIVATIONS", {})
    memory = None
    auto = _translator(load_backbone(tiny_model_dir), memory)
    input_ids, mask = _batch(auto.backbone)
    with caplog.at_level(logging.INFO, logger="ltmt.model.backbone"):
        states = auto.backbone.encode(input_ids, mask)
    assert auto.backbone.fast_encoder is None
    assert "encoding with torch: the encoder cannot run in CTranslate2" in caplog.text
    torch.testing.assert_close(states, _torch_states(auto.backbone, input_ids, mask))
    required = _translator(load_backbone(tiny_model_dir), memory, fusion_encoder="ctranslate2")
    for _ in range(2):  # each time: it was asked for
        with pytest.raises(ModelError, match="does not compute the"):
            required.backbone.encode(input_ids, mask)


def test_worker_processes_get_the_callers_choice(tiny_model_dir) -> None:  # type: ignore[no-untyped-def]
    from ltmt.worker_processes import recipe_for

    for choice in ("auto", "torch"):
        translator = _translator(load_backbone(tiny_model_dir), None, fusion_encoder=choice)
        assert recipe_for(translator).encoder == choice


def test_converting_leaves_the_models_weights_as_they_were(backbone) -> None:  # type: ignore[no-untyped-def]
    before = {k: v.clone() for k, v in backbone.model.state_dict().items()}
    FastEncoder(backbone.model, backbone.config, threads=1)
    after = backbone.model.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)


def test_a_model_with_its_own_encoder_embeddings_encodes_alike() -> None:
    from transformers import MarianConfig, MarianMTModel

    config = MarianConfig(
        vocab_size=50,
        d_model=16,
        encoder_layers=2,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=64,
        share_encoder_decoder_embeddings=False,
        pad_token_id=49,
        decoder_start_token_id=49,
        eos_token_id=0,
    )
    torch.manual_seed(0)
    model = MarianMTModel(config).eval()
    assert "model.shared.weight" not in model.state_dict()
    input_ids = torch.tensor([[5, 6, 7, 0], [8, 0, 49, 49]])
    mask = (input_ids != 49).long()
    states = FastEncoder(model, config, threads=1)(input_ids, mask)
    with torch.inference_mode():
        expected = model.get_encoder()(input_ids=input_ids, attention_mask=mask).last_hidden_state
    real = mask.bool()
    torch.testing.assert_close(states[real], expected[real], atol=1e-5, rtol=1e-5)


def _encoder_arrays(model):  # type: ignore[no-untyped-def]
    return {
        name: tensor.numpy()
        for name, tensor in model.state_dict().items()
        if name.startswith(("model.encoder.", "model.shared."))
    }


def test_int8_weights_take_their_float32_origins_encoder_from_disk_or_memory(
    tiny_model_dir: Path,
) -> None:
    """Read with numpy while the float32 model is not loaded (its checkpoint's arrays, the
    position table left to the spec), from the model once it is: the same weights."""
    base = load_backbone(tiny_model_dir)
    int8 = quantized_int8(base)
    from_disk = origin_encoder_weights(int8)
    assert not base.loaded
    loaded = _encoder_arrays(base.model)
    from_model = origin_encoder_weights(int8)
    assert set(from_model) == set(loaded)
    assert set(from_disk) <= set(loaded) and "model.shared.weight" in from_disk
    for name, array in from_disk.items():
        assert array.dtype == loaded[name].dtype and (array == loaded[name]).all(), name
        assert array.flags.writeable and from_model[name].flags.writeable
        assert not any(array is other for other in loaded.values())  # copies: quantising writes


def test_int8_fused_weights_encode_in_ctranslate2_int8_near_float32(tiny_model_dir: Path) -> None:
    """The int8 weights' CTranslate2 encoder is an int8 one: its states are float32's up to
    int8 rounding (not equal), and converting leaves the float32 origin unloaded."""
    base = load_backbone(tiny_model_dir)
    int8 = quantized_int8(base)
    int8.use_fast_encoder(threads=1, workers=1, required=True)
    input_ids, mask = _batch(int8)
    states = int8.encode(input_ids, mask)
    assert isinstance(int8.fast_encoder, FastEncoder) and not base.loaded
    expected = _torch_states(base, input_ids, mask)
    real = mask.bool()
    error = (states[real] - expected[real]).norm() / expected[real].norm()
    assert 0 < float(error) < 0.1


def test_int8_weights_encode_in_ctranslate2_only_when_asked_and_say_so(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """``auto`` keeps torch's int8 encoder; CTranslate2's, asked for by name, makes states that
    never share a key on disk with torch's (which keep the weights' fingerprint), in the same
    folder; the label says which encoder ran."""
    from ltmt.memory.store import Memory

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", PAIRS)
        labels, fingerprints, folders, outputs = {}, {}, {}, {}
        for choice in ("ctranslate2", "torch", "auto"):
            translator = Translator(
                load_backbone(tiny_model_dir), memory, fusion="knn", beam=2,
                fusion_int8=True, fusion_encoder=choice, state_cache=False,
            )  # fmt: skip
            outputs[choice] = [t.text for t in translator.translate(INPUTS, user="u1")]
            labels[choice] = translator.backbone.weights_label
            fingerprints[choice] = translator.backbone.states_fingerprint
            folders[choice] = translator.backbone.fingerprint
    assert labels["ctranslate2"].startswith("int8") and labels["ctranslate2"].endswith(
        ", encoder CTranslate2 int8"
    )
    assert "CTranslate2" not in labels["torch"] and labels["auto"] == labels["torch"]
    assert fingerprints["ctranslate2"] != fingerprints["torch"] == fingerprints["auto"]
    assert len(set(folders.values())) == 1  # the states' folder on disk: the weights'
    assert fingerprints["torch"] == folders["torch"]
    assert all(outputs.values())
