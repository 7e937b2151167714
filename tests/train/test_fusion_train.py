"""``train_fusion`` on a toy corpus and the tiny random model: the adapter learns to copy memory."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from ltmt.config import from_dict
from ltmt.errors import ConfigError, InputError
from ltmt.fusion.attention import AttentionFusion
from ltmt.train.fusion import FusionOptimisation, FusionTrainConfig, train_fusion
from ltmt.train.fusion_data import FusionDataSpec

WORDS = ["cat", "file", "branch", "mat", "world", "commit", "name", "repository", "hello", "empty"]
TEMPLATES = [
    ("the {} was not found", "die {} wurde nicht gefunden"),
    ("could not open the {}", "konnte {} nicht öffnen"),
    ("delete the {} now", "lösche {} jetzt"),
    ("show all {} please", "zeige alle {} bitte"),
    ("save the {} as %s", "speichere {} als %s"),
    ("press OK to open {}", "drücke OK, um {} zu öffnen"),
    ("the {} is empty", "{} ist leer"),
    ("the {} sat on the mat", "{} saß auf der Matte"),
]


def _toy_data(root: Path) -> Path:
    """One l10n product of templated strings (neighbours share their target) + a general corpus."""
    rng = random.Random(0)
    (root / "l10n/train").mkdir(parents=True)
    (root / "general").mkdir()
    lines = []
    for en, de in TEMPLATES:
        for word in WORDS:
            record = {"user": "toy", "source": en.format(word), "target": de.format(word)}
            lines.append(json.dumps(record, ensure_ascii=False))
    (root / "l10n/train/toy.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    en = [" ".join(rng.sample(WORDS, 3)) for _ in range(30)]
    (root / "general/train.en").write_text("\n".join(en) + "\n", "utf-8")
    (root / "general/train.de").write_text("\n".join(s.upper() for s in en) + "\n", "utf-8")
    return root


def _config(data_dir: Path, **train: object) -> FusionTrainConfig:
    return from_dict(
        FusionTrainConfig,
        {
            "adapter": {"heads": 2, "d_attention": 32, "max_matches": 3},
            "data": {
                "data_dir": str(data_dir),
                "queries_per_group": 80,
                "general_queries": 20,
                "top_k": 3,
            },
            "train": {
                "steps": 400,
                "batch_examples": 16,
                "peak_lr": 0.01,
                "warmup_steps": 20,
                "dev_share": 0.2,
                "eval_every": 400,
                "bf16": "off",
                "threads": 1,
                **train,
            },
        },
    )


@pytest.mark.slow
def test_adapter_learns_to_copy_from_memory(tiny_model_dir: Path, tmp_path: Path) -> None:
    data = _toy_data(tmp_path / "data")
    summary = train_fusion(_config(data), tiny_model_dir, tmp_path / "adapter")
    after = summary["dev_after"]
    assert summary["steps"] == 400
    assert (
        summary["dev_before"]["loss_memory"] == summary["dev_before"]["loss_empty"]
    )  # identity at start
    assert after["loss_memory"] < 0.7 * after["loss_empty"], after
    assert after["loss_memory"] < after["loss_unrelated"] - 0.5, after
    assert after["loss_empty"] == summary["dev_before"]["loss_empty"]  # no memory: still the base
    fusion = AttentionFusion.load(tmp_path / "adapter")
    assert fusion.adapter is not None and fusion.adapter.config.max_matches == 3
    assert (tmp_path / "adapter" / "train_log.json").is_file()


@pytest.mark.slow
def test_the_adapter_kept_is_the_best_on_dev(tiny_model_dir: Path, tmp_path: Path) -> None:
    data = _toy_data(tmp_path / "data")
    config = _config(data, steps=300, eval_every=100)
    summary = train_fusion(config, tiny_model_dir, tmp_path / "adapter")
    candidates = {0: summary["dev_before"]["loss_memory"]}
    candidates.update({r["step"]: r["loss_memory"] for r in summary["history"]})
    best_step = min(candidates, key=lambda step: candidates[step])
    assert summary["best_step"] == best_step
    assert summary["dev_after"]["loss_memory"] == pytest.approx(candidates[best_step], abs=1e-4)


def test_a_budget_that_ends_before_the_first_step_writes_no_adapter(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    data = _toy_data(tmp_path / "data")
    with pytest.raises(InputError, match=r"^the time budget of 1e-09 minute\(s\) ended before"):
        train_fusion(_config(data, max_minutes=1e-9), tiny_model_dir, tmp_path / "adapter")
    assert not (tmp_path / "adapter" / "model.safetensors").exists()


def _budget_after(steps: int) -> Callable[[float, float], bool]:
    """A stand-in for :func:`ltmt.train.output.time_is_up` whose budget ends after ``steps``
    steps (it is asked once before the first step, then after each)."""
    calls = iter(range(1 << 30))
    return lambda started, max_minutes: next(calls) >= steps


def test_a_run_the_time_budget_stops_is_evaluated_and_kept_at_its_last_step(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ltmt.train.fusion.time_is_up", _budget_after(60))
    data = _toy_data(tmp_path / "data")
    config = _config(data, steps=5000, eval_every=5000, max_minutes=1)
    summary = train_fusion(config, tiny_model_dir, tmp_path / "adapter")
    assert summary["steps"] == 60 and [r["step"] for r in summary["history"]] == [60]
    assert summary["best_step"] == 60
    assert summary["dev_after"]["loss_memory"] < summary["dev_before"]["loss_memory"]


def test_the_adapter_records_what_made_it_in_its_config_and_log(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ltmt.train.fusion.time_is_up", _budget_after(60))
    data = _toy_data(tmp_path / "data")
    config = _config(data, steps=5000, eval_every=5000, max_minutes=1)
    summary = train_fusion(config, tiny_model_dir, tmp_path / "adapter")
    config_json = json.loads((tmp_path / "adapter" / "config.json").read_text("utf-8"))
    log = json.loads((tmp_path / "adapter" / "train_log.json").read_text("utf-8"))
    for written in (config_json["training"], log):
        provenance = written["provenance"]
        assert {"ltmt_version", "software", "created", "cpu"} <= set(provenance)
        assert (provenance["device"], provenance["bf16"]) == ("cpu", False)
        assert provenance["data_dir"] == str(data.resolve())
        assert written["output"] == str((tmp_path / "adapter").resolve())
        assert written["base"] == str(tiny_model_dir.resolve())
    assert summary["provenance"] == log["provenance"]


def test_a_time_limited_run_that_never_beat_the_identity_writes_no_adapter(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ltmt.train.fusion.time_is_up", _budget_after(1))
    config = _config(_toy_data(tmp_path / "data"), steps=5000, peak_lr=1e-12, max_minutes=1)
    with pytest.raises(InputError, match="ended at step 1 of 5000 before any step beat"):
        train_fusion(config, tiny_model_dir, tmp_path / "adapter")
    assert not (tmp_path / "adapter" / "model.safetensors").exists()


@pytest.mark.parametrize(
    ("section", "values", "message"),
    [
        (
            "train",
            {"p_empty": 0.6, "p_unrelated": 0.5},
            "p_empty \\+ train.p_unrelated must be < 1",
        ),
        ("train", {"steps": 0}, "train.steps must be > 0, got 0"),
        ("train", {"bf16": "yes"}, "train.bf16 must be auto, on or off, got 'yes'"),
        ("train", {"dev_share": 1.0}, r"train.dev_share must be in \[0, 1\), got 1.0"),
        ("data", {"top_k": 0}, "data.top_k must be >= 1, got 0"),
        ("data", {"colour": 1}, "unknown key"),
    ],
)
def test_config_validation(section: str, values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_dict(FusionTrainConfig, {section: values})


def test_dev_users_and_missing_data_are_refused(tiny_model_dir: Path, tmp_path: Path) -> None:
    config = FusionTrainConfig(
        data=FusionDataSpec(data_dir=str(tmp_path / "nope")), train=FusionOptimisation()
    )
    with pytest.raises(InputError, match="data folder not found"):
        train_fusion(config, tiny_model_dir, tmp_path / "out")
    (tmp_path / "d/l10n/dev").mkdir(parents=True)
    (tmp_path / "d/l10n/dev/git.memory.jsonl").write_text("{}\n")
    config = FusionTrainConfig(
        data=FusionDataSpec(data_dir=str(tmp_path / "d"), l10n_glob="l10n/dev/*.jsonl")
    )
    with pytest.raises(InputError, match="refusing to train on a dev user's file"):
        train_fusion(config, tiny_model_dir, tmp_path / "out")


def test_a_relative_data_folder_is_named_with_the_folder_it_is_read_against(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.train.fusion_data import load_groups

    monkeypatch.chdir(tmp_path)
    with pytest.raises(
        InputError,
        match=rf"^data folder not found: \.\./shared/data/en-de \(a relative path is read "
        rf"against the working directory {tmp_path}; set data.data_dir or --data-dir\)$",
    ):
        load_groups(FusionDataSpec(data_dir="../shared/data/en-de"), seed=1)


def test_memories_come_from_the_same_group_never_the_pair_itself(tmp_path: Path) -> None:
    from ltmt.train.fusion_data import load_groups, retrieve_memories

    config = _config(_toy_data(tmp_path / "data"))
    names, groups = load_groups(config.data, seed=1)
    assert names == ["toy", "general/train"]
    retrieval = retrieve_memories(names, groups, config.data, seed=1)
    assert len(retrieval.queries) == 80 + 20
    for query, memory in zip(retrieval.queries, retrieval.memories, strict=True):
        assert len(memory) == 3
        scores = [score for _, score in memory]
        assert scores == sorted(scores, reverse=True) and max(scores) < 100
        for index, _ in memory:
            assert index != query
            assert retrieval.pairs[index].group == retrieval.pairs[query].group
            assert retrieval.pairs[index].source != retrieval.pairs[query].source
