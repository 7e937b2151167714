"""Loading checkpoints: local directories, the embedded default, clear errors."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ltmt.errors import ConfigError, ModelError
from ltmt.model import backbone as backbone_module
from ltmt.model.backbone import load_backbone


def test_local_directory_loads_model_and_tokenizer(tiny_model_dir):
    loaded = load_backbone(tiny_model_dir)
    assert loaded.path == Path(tiny_model_dir)
    assert loaded.eos_id == 0
    assert loaded.pad_id == loaded.model.config.vocab_size - 1
    assert loaded.tokenizer("hello world")["input_ids"][-1] == loaded.eos_id
    assert not loaded.model.training


def test_fingerprint_is_stable_and_tracks_weights(tiny_model_dir):
    assert load_backbone(tiny_model_dir).fingerprint == load_backbone(tiny_model_dir).fingerprint


def test_fingerprint_is_of_the_contents_not_the_path_or_the_times(
    tiny_model_dir, tmp_path, monkeypatch
):
    import os

    first = load_backbone(tiny_model_dir).weights_fingerprint
    copy = tmp_path / "elsewhere" / "model"
    shutil.copytree(tiny_model_dir, copy)  # a fresh clone: another place, other mtimes
    for file in copy.iterdir():
        os.utime(file, ns=(1, 1))
    monkeypatch.chdir(tmp_path)
    assert load_backbone(Path("elsewhere/model")).weights_fingerprint == first
    assert load_backbone(Path("elsewhere/../elsewhere/model")).weights_fingerprint == first
    config = copy / "config.json"
    config.write_text(config.read_text("utf-8") + "\n", "utf-8")  # another config: another
    assert load_backbone(copy).weights_fingerprint != first


def test_int8_states_are_told_apart_by_the_width_of_their_weights(tiny_model_dir, monkeypatch):
    """Int8 weights keep to 7 bits where the CPU lacks VNNI: their states are others, so a
    store of states shared by two machines must not mix them; other weights are unaffected."""
    from ltmt.model import backbone as backbone_module
    from ltmt.model.backbone import bfloat16_weights, quantized_int8

    loaded = load_backbone(tiny_model_dir)
    prints = {}
    for vnni in (True, False):
        monkeypatch.setattr(backbone_module, "cpu_has_vnni", lambda vnni=vnni: vnni)
        prints[vnni] = (
            quantized_int8(loaded).fingerprint,
            bfloat16_weights(loaded).fingerprint,
            loaded.fingerprint,
        )
        labels = (quantized_int8(loaded).weights_label, bfloat16_weights(loaded).weights_label)
        assert labels == (
            "int8" if vnni else "int8 (7-bit weights, row-scaled inputs)",
            "bfloat16",
        )
    assert prints[True][0] != prints[False][0]
    assert prints[True][1:] == prints[False][1:]


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="model directory not found"):
        load_backbone(tmp_path / "nope")
    # a file said "not found" though it exists; "" loaded the working directory
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelError, match=r"^model .*model.bin is a file; give the model's dir"):
        load_backbone(tmp_path / "model.bin")
    with pytest.raises(ModelError, match=r"^model is an empty name: give a model directory"):
        load_backbone("")


def test_directory_without_weights_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match=r"cannot load model .*empty: it must hold config.json"):
        load_backbone(tmp_path / "empty")


def test_missing_default_model_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(backbone_module, "DEFAULT_MODEL_DIR", tmp_path / "default")
    with pytest.raises(ModelError, match=r"embedded default model is missing.*--model"):
        load_backbone(None)


def test_converted_copies_keep_the_native_modules(tiny_model_dir):
    from ltmt.model.backbone import bfloat16_weights, quantized_int8
    from ltmt.model.marian import MarianModel

    for native in (True, False):
        loaded = load_backbone(tiny_model_dir, native=native)
        for copy in (quantized_int8(loaded), bfloat16_weights(loaded)):
            assert copy.native is native
            assert isinstance(copy.model, MarianModel) is native


def test_a_bfloat16_copy_goes_to_the_same_device_index(tiny_model_dir, monkeypatch):
    import torch

    from ltmt.model.backbone import bfloat16_weights

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # as on a GPU machine
    loaded = load_backbone(tiny_model_dir, device="cuda:1")  # the weights are not read here
    assert bfloat16_weights(loaded).device == torch.device("cuda:1")
    assert bfloat16_weights(loaded).device_type == "cuda"


@pytest.mark.parametrize(
    ("device", "message"),
    [
        ("gpu", "unknown device 'gpu': use cpu, cuda or cuda:N"),
        ("mps", "device 'mps': ltmt runs on cpu or cuda"),
    ],
)
def test_a_device_torch_cannot_use_is_refused_before_anything_loads(
    tiny_model_dir, device, message
):
    with pytest.raises(ConfigError, match=f"^{re.escape(message)}$"):
        load_backbone(tiny_model_dir, device=device)


def test_a_gpu_this_machine_lacks_is_refused_before_anything_loads(tiny_model_dir, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ConfigError, match=r"^device 'cuda': torch finds no CUDA GPU on this"):
        load_backbone(tiny_model_dir, device="cuda")


def test_a_hub_id_with_the_hub_unreachable_fails_at_once(monkeypatch, caplog):
    """Not ~5 minutes of huggingface_hub's retries per file before the same error."""
    import socket

    from huggingface_hub import constants

    closed = socket.socket()  # bound, never listening: connections to it are refused
    closed.bind(("127.0.0.1", 0))
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{closed.getsockname()[1]}")
    for proxy in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)
    try:
        with pytest.raises(ModelError, match=r"ltmt-test/no-such-model: .*could not be fetched"):
            load_backbone("ltmt-test/no-such-model")
    finally:
        closed.close()
    assert "Retry" not in caplog.text


def _edit_json(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    path.write_text(json.dumps(edit(json.loads(path.read_text("utf-8")))), "utf-8")


@pytest.mark.parametrize(
    ("file_name", "edit"),
    [
        ("tokenizer_config.json", lambda config: [1]),
        ("tokenizer_config.json", lambda config: {**config, "added_tokens_decoder": [1]}),
        ("config.json", lambda config: {"d_model": "x"}),
        ("config.json", lambda config: {**config, "d_model": "x"}),
        ("config.json", lambda config: {**config, "encoder_layers": "x"}),
    ],
    ids=["tokenizer-list", "added-tokens-list", "config-partial", "d-model-str", "layers-str"],
)
def test_a_malformed_json_file_is_a_clear_error(tiny_model_dir, tmp_path, file_name, edit):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    _edit_json(broken / file_name, edit)
    with pytest.raises(ModelError, match=r"cannot load model .*broken: it must hold config.json"):
        load_backbone(broken).model  # noqa: B018 (the weights load on first use)


def test_threads_asking_for_the_weights_at_once_load_them_once(tiny_model_dir):
    """Threads decoding batches at once (ltmt.workers) may each reach a lazy backbone first."""
    import threading
    import time

    from ltmt.model.backbone import Backbone

    loaded = load_backbone(tiny_model_dir)
    calls = []

    def loader():
        calls.append(1)
        time.sleep(0.05)  # long enough for the other thread to ask meanwhile
        return loaded.model

    lazy = Backbone(None, loaded.tokenizer, "tiny", None, config=loaded.config, loader=loader)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(lazy.model)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and seen[0] is seen[1] is loaded.model
