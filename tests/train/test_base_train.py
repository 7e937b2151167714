"""``ltmt train base`` on a tiny corpus: loss goes down, checkpoints reload, resume continues."""

from __future__ import annotations

import dataclasses
import json
import stat
from pathlib import Path

import pytest
import yaml

from ltmt.config import from_dict
from ltmt.errors import ConfigError, InputError
from ltmt.model.backbone import load_backbone
from ltmt.train.base import inverse_sqrt_lr, train_base, use_bf16
from ltmt.train.config import BaseTrainConfig, DataSpec, ModelShape, Optimisation
from ltmt.train.data import EncodedCorpus, split_lines, token_batches
from ltmt.train.fusion import FusionTrainConfig
from ltmt.translator import Translator

EN = ["open the file", "save the file", "close the window", "hello world", "the cat sat"] * 8
DE = [
    "öffne die Datei",
    "speichere die Datei",
    "schließe das Fenster",
    "hallo Welt",
    "die Katze saß",
] * 8


def _corpus(root: Path) -> Path:
    (root / "general").mkdir(parents=True)
    (root / "general" / "train.en").write_text("\n".join(EN) + "\n", "utf-8")
    (root / "general" / "train.de").write_text("\n".join(DE) + "\n", "utf-8")
    (root / "general" / "dev.en").write_text("\n".join(EN[:5]) + "\n", "utf-8")
    (root / "general" / "dev.de").write_text("\n".join(DE[:5]) + "\n", "utf-8")
    (root / "l10n" / "train").mkdir(parents=True)
    rows = [{"user": "p", "source": "Quit\nNow", "target": "Beenden\nJetzt"}]
    (root / "l10n" / "train" / "p.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows), "utf-8"
    )
    return root


def _config(data_dir: Path, **train) -> BaseTrainConfig:
    options = {
        "batch_tokens": 200,
        "peak_lr": 3e-3,
        "warmup_steps": 5,
        "eval_every": 10,
        "bf16": "off",
    }
    options.update(train)
    return BaseTrainConfig(
        model=ModelShape(
            vocab_size=80,
            d_model=32,
            encoder_layers=1,
            decoder_layers=1,
            attention_heads=2,
            ffn_dim=64,
            dropout=0.0,
        ),
        data=DataSpec(data_dir=str(data_dir), dev_size=5),
        train=Optimisation(**options),
    )


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    root = tmp_path_factory.mktemp("train")
    data = _corpus(root / "data")
    output = root / "run"
    summary = train_base(_config(data, max_steps=30), output)
    return data, output, summary


def _losses(output: Path) -> list[float]:
    lines = (output / "log.jsonl").read_text().splitlines()
    return [json.loads(line)["loss"] for line in lines if "loss" in json.loads(line)]


def test_training_writes_a_standard_marian_directory(trained):
    _, output, summary = trained
    assert summary["step"] == 30
    for name in ("config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json"):
        assert (output / "best" / name).is_file()
    [result] = Translator(load_backbone(output / "best"), beam=1).translate(["open the file"])
    assert result.method == "model" and isinstance(result.text, str)
    card = json.loads((output / "best" / "ltmt_training.json").read_text())
    assert card["step"] in (10, 20, 30) and card["config"]["model"]["d_model"] == 32


def test_checkpoints_record_what_made_them_and_the_bf16_that_ran(trained):
    data, output, summary = trained
    assert summary["output"] == str(output.resolve())
    card = json.loads((output / "last" / "ltmt_training.json").read_text())
    provenance = card["provenance"]
    assert {"ltmt_version", "software", "created", "cpu"} <= set(provenance)
    assert (provenance["device"], provenance["bf16"]) == ("cpu", False)  # bf16: off
    assert provenance["data_dir"] == str(data.resolve())


def test_loss_goes_down(trained):
    _, output, _ = trained
    import torch
    from transformers import MarianMTModel

    from ltmt.train.base import build_marian

    # loss of the trained model on the training data is far below the untrained model's
    model = MarianMTModel.from_pretrained(str(output / "last"))
    fresh = build_marian(_config(Path(".")).model, model.config.vocab_size)
    tokenizer = load_backbone(output / "last").tokenizer
    batch = tokenizer(EN[:5], text_target=DE[:5], return_tensors="pt", padding=True)
    batch["labels"][batch["labels"] == tokenizer.pad_token_id] = -100
    with torch.no_grad():
        trained_loss = float(model(**batch).loss)
        fresh_loss = float(fresh.eval()(**batch).loss)
    assert trained_loss < 0.85 * fresh_loss


def _weights(directory: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(str(directory / "model.safetensors"))


def _changed(before: dict, after: dict) -> bool:
    return any(not bool((before[k] == after[k]).all()) for k in before)


def test_resume_continues_from_the_saved_step_and_updates_the_weights(trained):
    data, output, _ = trained
    before = _weights(output / "last")
    summary = train_base(_config(data, max_steps=40), output, resume=True)
    assert summary["step"] == 40
    steps = [json.loads(line)["step"] for line in (output / "log.jsonl").read_text().splitlines()]
    assert max(steps) == 40
    # the optimiser must step the resumed model itself (once it stepped a discarded copy)
    assert _changed(before, _weights(output / "last"))


def test_init_from_starts_at_a_checkpoint_and_trains_it(trained, tmp_path):
    data, output, _ = trained
    start = _weights(output / "best")
    train_base(_config(data, max_steps=3), tmp_path / "more", init_from=output / "best")
    after = _weights(tmp_path / "more" / "last")
    assert _changed(start, after)
    assert all((start[k] - after[k]).abs().max() < 0.1 for k in start)  # a few small steps away


def test_resume_without_a_run_and_restart_over_a_run_are_refused(trained, tmp_path):
    data, output, _ = trained
    with pytest.raises(InputError, match="nothing to resume"):
        train_base(_config(data, max_steps=1), tmp_path / "fresh", resume=True)
    with pytest.raises(InputError, match="already holds a training run; pass --resume"):
        train_base(_config(data, max_steps=1), output)


def test_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="data folder not found"):
        train_base(_config(tmp_path / "nope", max_steps=1), tmp_path / "run")
    assert not (tmp_path / "run").exists()  # no half-made output folder left behind


def test_split_lines_splits_aligned_messages_and_joins_others():
    assert split_lines([("a\nb", "x\ny"), ("a\nb", "xy"), (" ", "z")]) == [
        ("a", "x"),
        ("b", "y"),
        ("a b", "xy"),
    ]


def test_token_batches_respect_the_budget_and_cover_everything():
    import numpy as np

    lengths = [3, 5, 8, 2, 9, 4, 7]
    corpus = EncodedCorpus([np.zeros(n) for n in lengths], [np.zeros(n) for n in lengths])
    batches = token_batches(corpus, batch_tokens=16, seed=0)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        assert max(lengths[i] for i in batch) * len(batch) <= 16 or len(batch) == 1


def test_schedule_warms_up_then_decays():
    assert inverse_sqrt_lr(1, 1e-3, 10) == pytest.approx(1e-4)
    assert inverse_sqrt_lr(10, 1e-3, 10) == pytest.approx(1e-3)
    assert inverse_sqrt_lr(40, 1e-3, 10) == pytest.approx(5e-4)


def test_bf16_setting():
    assert use_bf16("on") and not use_bf16("off")
    with pytest.raises(ConfigError, match=r"train\.bf16 must be auto, on or off"):
        Optimisation(bf16="yes")


@pytest.mark.parametrize(
    ("written", "setting"),
    [("on", "on"), ("off", "off"), ("'off'", "off"), ("true", "on"), ("auto", "auto")],
)
def test_bf16_on_and_off_unquoted_are_what_they_say(written: str, setting: str) -> None:
    """YAML reads unquoted on/off as booleans."""
    data = yaml.safe_load(f"train: {{bf16: {written}}}")
    assert from_dict(BaseTrainConfig, data).train.bf16 == setting
    assert from_dict(FusionTrainConfig, data).train.bf16 == setting


def test_a_bad_setting_of_a_base_config_names_its_file() -> None:
    with pytest.raises(
        ConfigError, match=r"^cfg/base\.yaml: train\.bf16 must be auto, on or off, got 'yes'$"
    ):
        from_dict(BaseTrainConfig, {"train": {"bf16": "yes"}}, where="cfg/base.yaml")


def test_resume_with_another_model_config_is_refused_and_keeps_the_runs_config(trained):
    data, output, _ = trained
    recorded = (output / "config.json").read_text("utf-8")
    config = _config(data, max_steps=50)
    wider = dataclasses.replace(config, model=dataclasses.replace(config.model, d_model=64))
    with pytest.raises(
        InputError, match=r"^cannot resume .*: model\.d_model is 64 here but 32 in .*config\.json; "
    ):
        train_base(wider, output, resume=True)
    assert (output / "config.json").read_text("utf-8") == recorded


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        ({"d_model": 30, "attention_heads": 4}, r"model.d_model \(30\) must be divisible"),
        ({"vocab_size": 0}, "model.vocab_size must be > 0"),
        ({"dropout": 1.0}, "model.dropout must be in"),
    ],
)
def test_bad_model_shapes(shape, message):
    with pytest.raises(ConfigError, match=message):
        ModelShape(**shape)


def test_export_writes_a_loadable_directory_and_keeps_extras(trained, tmp_path):
    _, output, _ = trained
    target = tmp_path / "shipped"
    (target / "fusion-attention").mkdir(parents=True)
    from ltmt.train.export import export_checkpoint

    export_checkpoint(output / "best", target, fp16=True)
    loaded = load_backbone(target)
    import torch

    assert next(loaded.model.parameters()).dtype == torch.float32  # upcast for CPU kernels
    assert (target / "fusion-attention").is_dir() and (target / "ltmt_training.json").is_file()
    # safetensors leaves its files 0600; a shipped model is read by every user of the install
    assert stat.S_IMODE((target / "model.safetensors").stat().st_mode) & 0o044 == 0o044
    assert stat.S_IMODE((output / "best" / "model.safetensors").stat().st_mode) & 0o044 == 0o044
    assert Translator(loaded, beam=1).translate(["open the file"])[0].method == "model"


def test_export_refuses_a_non_checkpoint(tmp_path):
    from ltmt.train.export import export_checkpoint

    with pytest.raises(InputError, match="not a Marian checkpoint directory"):
        export_checkpoint(tmp_path, tmp_path / "out")


def test_token_embeddings_start_at_unit_scale_after_sqrt_d_scaling():
    from ltmt.train.base import build_marian

    shape = ModelShape(
        vocab_size=500,
        d_model=64,
        encoder_layers=1,
        decoder_layers=1,
        attention_heads=2,
        ffn_dim=64,
    )
    weight = build_marian(shape, 500).model.shared.weight.detach()
    assert abs(float(weight[:-1].std()) * 64**0.5 - 1.0) < 0.1  # fairseq: N(0, d^-0.5) x sqrt(d)
    assert float(weight[-1].abs().sum()) == 0.0  # the pad row
    hf = build_marian(shape, 500, fairseq_embeddings=False).model.shared.weight.detach()
    assert float(hf.std()) < 0.05


def test_tokenizer_only_makes_the_tokenizer_that_a_later_run_trains_on(tmp_path):
    data = _corpus(tmp_path / "data")
    output = tmp_path / "run"
    summary = train_base(_config(data, max_steps=2), output, tokenizer_only=True)
    assert summary["tokenizer"] == str(output / "tokenizer")
    assert (output / "tokenizer" / "vocab.json").is_file()
    assert not (output / "state.pt").exists() and not (output / "last").exists()
    made = (output / "tokenizer" / "source.spm").read_bytes()
    (output / "spm").rename(tmp_path / "spm-aside")  # a second training would write it again
    train_base(_config(data, max_steps=2), output)
    assert not (output / "spm").exists()
    assert (output / "tokenizer" / "source.spm").read_bytes() == made
    assert (output / "last" / "source.spm").read_bytes() == made


def test_a_signal_stops_the_run_at_a_step_it_saves_and_names_the_signal(tmp_path, monkeypatch):
    import signal

    from ltmt.train import base

    def step_then_interrupt(*args, **kwargs):
        result = train_step(*args, **kwargs)
        if args[5] == 3:  # the 4th step (``step`` counts those done before it)
            signal.raise_signal(signal.SIGINT)  # what Ctrl-C or `timeout -s INT` sends
        return result

    train_step = base.train_step
    monkeypatch.setattr(base, "train_step", step_then_interrupt)
    output = tmp_path / "run"
    summary = train_base(_config(_corpus(tmp_path / "data"), max_steps=30), output)
    assert (summary["step"], summary["stopped_by"]) == (4, "SIGINT")
    assert json.loads((output / "last" / "ltmt_training.json").read_text())["step"] == 4
    finished = train_base(_config(tmp_path / "data", max_steps=6), output, resume=True)
    assert (finished["step"], finished["stopped_by"]) == (6, None)


def test_a_resumed_run_draws_the_dropout_of_an_unbroken_one(tmp_path):
    data = _corpus(tmp_path / "data")

    def config(steps: int) -> BaseTrainConfig:
        cfg = _config(data, max_steps=steps)
        return dataclasses.replace(cfg, model=dataclasses.replace(cfg.model, dropout=0.3))

    train_base(config(60), tmp_path / "unbroken")
    train_base(config(30), tmp_path / "broken")
    train_base(config(60), tmp_path / "broken", resume=True)
    unbroken, resumed = (
        _weights(tmp_path / "unbroken" / "last"),
        _weights(tmp_path / "broken" / "last"),
    )
    assert not _changed(unbroken, resumed)


def test_a_loaded_checkpoint_keeps_its_sinusoidal_positions_frozen(trained):
    from ltmt.train.base import load_marian

    model = load_marian(trained[1] / "last")
    frozen = {name for name, p in model.named_parameters() if not p.requires_grad}
    assert frozen == {
        "model.encoder.embed_positions.weight",
        "model.decoder.embed_positions.weight",
    }
