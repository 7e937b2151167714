"""``train_combiner`` on toy products and the tiny random model: trust memory that knows the
substituted term, ignore an unrelated one; the variants and the config's checks."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from ltmt.config import from_dict, to_dict
from ltmt.errors import ConfigError, InputError
from ltmt.fusion.combiner import Combiner
from ltmt.fusion.trained_knn import TrainedKnnFusion
from ltmt.model.backbone import load_backbone
from ltmt.train.combiner import CombinerOptimisation, CombinerTrainConfig, dev_split, train_combiner
from ltmt.train.combiner_data import Example, VariantShares, _mask, _mislead, _term

PRODUCTS = {
    "files": [
        ("the {} was not found", "die {} wurde nicht gefunden"),
        ("could not open the {}", "konnte {} nicht öffnen"),
        ("save the {} as %s", "speichere {} als %s"),
    ],
    "branches": [
        ("delete the {} now", "lösche {} jetzt sofort"),
        ("show all {} please", "zeige alle {} bitte"),
        ("the {} is empty", "{} ist leer geworden"),
    ],
}
WORDS = {
    "files": ["cat", "file", "branch", "mat", "world", "commit", "name", "hello", "empty", "tree"],
    "branches": ["red", "blue", "green", "door", "house", "car", "road", "sun", "moon", "star"],
}


def _toy_data(root: Path) -> Path:
    (root / "l10n/train").mkdir(parents=True)
    for product, templates in PRODUCTS.items():
        lines = [
            json.dumps({"user": product, "source": en.format(w), "target": de.format(w)})
            for en, de in templates
            for w in WORDS[product]
        ]
        (root / f"l10n/train/{product}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return root


def _config(data_dir: Path, **variants: float) -> CombinerTrainConfig:
    return from_dict(
        CombinerTrainConfig,
        {
            "method": "combiner",
            "combiner": {"hidden": 16, "knn": {"min_score": 0.0, "tau": 100.0, "lambda_max": 0.5}},
            "data": {"data_dir": str(data_dir), "general_pool": 0, "queries_per_group": 30},
            "variants": variants,
            "train": {"steps": 300, "batch_rows": 256, "dev_share": 0.3, "eval_every": 50},
        },
    )


def test_training_learns_to_copy_a_substituted_term_and_to_ignore_unrelated_memory(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    config = _config(_toy_data(tmp_path / "data"), term=0.5, mislead=0.0, unrelated=0.5)
    summary = train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    before, after = summary["dev_before"], summary["dev_after"]
    assert summary["variants"]["term"] > 10 and summary["variants"]["unrelated"] > 10
    assert summary["best_step"] > 0
    # better than plain kNN where memory knows the term; trusts it more there, less elsewhere
    assert after["loss_term"] < before["loss_term"] - 0.05
    assert after["lambda_term"] > before["lambda_term"] + 0.1
    assert after["lambda_unrelated"] < before["lambda_unrelated"]
    assert after["lambda_unrelated"] < after["lambda_term"] - 0.3
    combiner, base = Combiner.load(tmp_path / "combiner")
    assert base.embedding_sha1 and combiner.config.knn["tau"] == 100.0
    assert base.fingerprint == load_backbone(tiny_model_dir).weights_fingerprint
    log = json.loads((tmp_path / "combiner" / "train_log.json").read_text("utf-8"))
    assert log["history"] and log["examples"] == summary["examples"]
    assert TrainedKnnFusion(tmp_path / "combiner").config.tau == 100.0


def _term_and_unrelated(tmp_path: Path, **combiner: object) -> CombinerTrainConfig:
    """The toy term / unrelated config with ``combiner`` fields set."""
    config = _config(_toy_data(tmp_path / "data"), term=0.5, mislead=0.0, unrelated=0.5)
    return from_dict(
        CombinerTrainConfig,
        {**to_dict(config), "combiner": {**to_dict(config.combiner), **combiner}},
    )


def _budget_after(steps: int) -> Callable[[float, float], bool]:
    """A stand-in for :func:`ltmt.train.output.time_is_up` whose budget ends after ``steps``
    steps (it is asked once before the first step, then after each)."""
    calls = iter(range(1 << 30))
    return lambda started, max_minutes: next(calls) >= steps


def test_a_run_the_time_budget_stops_is_evaluated_at_its_last_step(
    tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ltmt.train.combiner.time_is_up", _budget_after(40))
    config = _config(_toy_data(tmp_path / "data"), term=0.5, mislead=0.0, unrelated=0.5)
    config = dataclasses.replace(
        config, train=dataclasses.replace(config.train, steps=5000, eval_every=1000, max_minutes=1)
    )
    summary = train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    log = json.loads((tmp_path / "combiner" / "train_log.json").read_text("utf-8"))
    assert summary["steps"] == 40 and [r["step"] for r in log["history"]] == [40]
    assert summary["best_step"] == 40
    assert summary["dev_after"]["loss"] < summary["dev_before"]["loss"]


def test_the_combiner_records_what_made_it_in_its_config_and_log(
    tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ltmt.train.combiner.time_is_up", _budget_after(40))
    data = _toy_data(tmp_path / "data")
    config = _config(data, term=0.5, mislead=0.0, unrelated=0.5)
    config = dataclasses.replace(
        config, train=dataclasses.replace(config.train, steps=5000, eval_every=1000, max_minutes=1)
    )
    train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    config_json = json.loads((tmp_path / "combiner" / "config.json").read_text("utf-8"))
    log = json.loads((tmp_path / "combiner" / "train_log.json").read_text("utf-8"))
    for written in (config_json["training"], log):
        provenance = written["provenance"]
        assert {"ltmt_version", "software", "created", "cpu"} <= set(provenance)
        assert (provenance["device"], provenance["bf16"]) == ("cpu", False)
        assert provenance["data_dir"] == str(data.resolve())
        assert written["output"] == str((tmp_path / "combiner").resolve())
        assert written["base"] == str(tiny_model_dir.resolve())


def test_a_time_limited_run_that_never_beat_plain_knn_writes_nothing(
    tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ltmt.train.combiner.time_is_up", _budget_after(1))
    config = _config(_toy_data(tmp_path / "data"), term=0.5, mislead=0.0, unrelated=0.5)
    config = dataclasses.replace(
        config,
        train=dataclasses.replace(config.train, steps=5000, peak_lr=1e-9, max_minutes=1),
    )
    with pytest.raises(InputError, match="ended at step 1 of 5000 before any step beat"):
        train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    assert not (tmp_path / "combiner").exists()


def test_members_train_from_their_own_seeds_and_save_as_one_ensemble(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    import torch

    config = _term_and_unrelated(tmp_path, members=2)
    summary = train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    assert [m["seed"] for m in summary["members"]] == [1, 2]
    assert all(m["dev_loss"] < summary["dev_before"]["loss"] for m in summary["members"])
    assert summary["dev_after"]["loss"] < summary["dev_before"]["loss"]
    combiner = Combiner.load(tmp_path / "combiner")[0]
    assert combiner.config.members == 2
    first, second = combiner.net.members  # type: ignore[union-attr]
    assert not all(
        torch.equal(a, b) for a, b in zip(first.parameters(), second.parameters(), strict=True)
    )


def test_a_temperature_head_trains_and_reads_the_vote_as_decoding_weighs_it(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    import torch

    from ltmt.fusion.knn import KnnConfig, KnnFusion
    from ltmt.model.backbone import load_backbone
    from ltmt.train.combiner_data import build_examples, featurise
    from ltmt.train.fusion_data import load_groups, retrieve_memories

    config = _term_and_unrelated(tmp_path, temperature=True)
    summary = train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    assert summary["dev_after"]["loss"] < summary["dev_before"]["loss"]
    assert Combiner.load(tmp_path / "combiner")[0].config.temperature
    # at kNN's own temperature the cached vote gives kNN's probability of the gold token
    names, groups = load_groups(config.data, 1)
    examples = build_examples(retrieve_memories(names, groups, config.data, 1), config.variants, 1)
    knn = KnnFusion(KnnConfig(**config.combiner.knn), reads_shares=True)
    rows = featurise(load_backbone(tiny_model_dir), knn, examples[:20])
    every = torch.arange(rows.features.size(0))
    at_knn = rows.knn_gold_at(torch.full(every.shape, knn.config.temperature), every)
    assert torch.allclose(at_knn, rows.knn_gold, atol=1e-5)
    assert not torch.allclose(rows.knn_gold_at(torch.full(every.shape, 10.0), every), at_knn)


def test_the_vote_at_a_temperature_is_finite_without_a_gold_neighbour() -> None:
    import torch

    from ltmt.train.combiner_data import StepRows

    inf = float("inf")
    rows = StepRows(
        features=torch.zeros(2, 1),
        knn_lambda=torch.zeros(2),
        knn_gold=torch.zeros(2),
        model_gold=torch.zeros(2),
        example=torch.zeros(2, dtype=torch.long),
        distance=torch.tensor([[0.1, 0.2, inf], [0.1, 0.3, 0.4]]),
        voting_gold=torch.tensor([[False, True, False], [False, False, False]]),
        voting=torch.tensor([[True, True, False], [True, True, False]]),
        differing=torch.zeros(2, 3),
        same=torch.zeros(2, 3, dtype=torch.bool),
    )
    temperature = torch.tensor([0.1, 0.1], requires_grad=True)
    p = rows.knn_gold_at(temperature, torch.arange(2))
    assert p.tolist() == pytest.approx([1 / (1 + torch.e), 0.0])
    torch.log(p + 1e-6).sum().backward()
    assert temperature.grad is not None and bool(temperature.grad.isfinite().all())


def test_term_variant_swaps_one_target_word_in_pair_and_memory() -> None:
    memory = [("the cat was not found", "die Katze wurde nicht gefunden", 80.0)]
    made = _term(
        "the file was not found",
        "die Datei wurde nicht gefunden",
        memory,
        ["Zweig"],
        random.Random(1),
    )
    assert made is not None
    target, [(source, memory_target, score)] = made
    new = {w for w in target.split() if w not in ["die", "Datei", "wurde", "nicht", "gefunden"]}
    assert len(new) == 1 and new <= set(memory_target.split())
    assert source == "the cat was not found" and score == 80.0


def test_mislead_variant_puts_a_match_with_another_negation_or_number_first() -> None:
    rng = random.Random(0)
    for _ in range(4):
        made = _mislead("the file was not found", "die Datei wurde nicht gefunden", [], rng)
        assert made is not None
        target, [(source, wrong, score)] = made
        assert ("nicht" in target) != ("nicht" in wrong)
        assert ("not" in source.split()) == ("nicht" in wrong) and score > 80
    target, [(source, wrong, _)] = _mislead("wait 5 seconds", "warte 5 Sekunden", [], rng) or (
        "",
        [("", "", 0)],
    )
    assert target == "warte 5 Sekunden" and "5" not in wrong.split() and "5" not in source.split()
    assert _mislead("hello world", "hallo Welt", [], rng) is None


def test_mask_variant_deletes_a_source_word_the_best_match_has_and_rescores_memory() -> None:
    memory = [("the cat was not found", "die Katze wurde nicht gefunden", 80.0)]
    made = _mask("the file was not found", memory, random.Random(1))
    assert made is not None
    source, [(match_source, match_target, score)] = made
    assert source == "the file was not"  # "found", the one shared word of 4+ letters, is gone
    assert (match_source, match_target) == memory[0][:2] and score != 80.0
    assert _mask("hello world", memory, random.Random(1)) is None
    assert _mask("the file was not found", [], random.Random(1)) is None


def test_product_dev_split_holds_out_whole_products() -> None:
    examples = [Example("a", "b", (), "own", group) for group in range(10) for _ in range(5)]
    opt = CombinerOptimisation(dev_share=0.2, dev_split="products")
    is_dev = dev_split(examples, opt).tolist()
    held = {e.group for e, d in zip(examples, is_dev, strict=True) if d}
    trained = {e.group for e, d in zip(examples, is_dev, strict=True) if not d}
    assert len(held) == 2 and not held & trained
    mixed = dev_split(examples, CombinerOptimisation(dev_share=0.2)).tolist()
    assert sum(mixed) == 10


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"method": "attention"}, "method must be combiner here"),
        ({"combiner": {"knn": {"tau": -1.0}}}, "knn tau must be > 0"),
        ({"combiner": {"knn": {"nope": 1}}}, "combiner.knn: .*nope"),
        (
            {"combiner": {"knn": {"neighbors": 8}}},
            r"^config: combiner\.knn: unknown key\(s\) neighbors \(did you mean 'neighbours'\?\); "
            r"known: neighbours, ",
        ),
        ({"combiner": {"hidden": 0}}, "combiner.hidden must be >= 1"),
        ({"combiner": {"members": 0}}, "combiner.members must be an integer >= 1"),
        ({"combiner": {"temperature": "maybe"}}, "combiner.temperature must be true or false"),
        (
            {"combiner": {"missing_features": True}},
            "combiner.missing_features needs neighbour_features: true",
        ),
        ({"variants": {"term": 0.8, "mislead": 0.5}}, "variant shares"),
        ({"train": {"dev_share": 0.0}}, r"train.dev_share must be in \(0, 1\)"),
        ({"train": {"dev_split": "users"}}, "train.dev_split must be examples or products"),
        ({"variants": {"term": 0.5, "mask": 0.6}}, "variant shares"),
        ({"combiner": {"hidden": 8.5}}, r"combiner.hidden must be an integer, got 8.5$"),
        ({"combiner": {"knn": {"neighbours": 8.5}}}, "combiner.knn.neighbours must be an integer"),
        ({"combiner": {"knn": 3}}, "combiner.knn must be a mapping of knn settings, got 3"),
        ({"train": {"steps": "twenty"}}, "train.steps must be an integer, got 'twenty'"),
        ({"train": {"peak_lr": "fast"}}, "train.peak_lr must be a number, got 'fast'"),
        ({"train": {"max_minutes": -1}}, "train.max_minutes must be >= 0, got -1"),
    ],
)
def test_config_validation(data: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ConfigError, match=message):
        from_dict(CombinerTrainConfig, data)
    assert VariantShares().term == 0.35


def test_a_number_that_yaml_read_as_a_string_is_that_number() -> None:
    """PyYAML (YAML 1.1) reads ``3e-3``, without a dot, as the string '3e-3'."""
    import yaml

    data = yaml.safe_load("train: {peak_lr: 3e-3}\ncombiner: {knn: {tau: 1e2}}")
    assert data["train"]["peak_lr"] == "3e-3"
    config = from_dict(CombinerTrainConfig, data)
    assert config.train.peak_lr == 0.003 and config.combiner.knn["tau"] == 100.0


def test_cli_trains_a_combiner_from_a_config_and_names_a_bad_key(
    tmp_path: Path, tiny_model_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    from ltmt.cli.main import run

    data = _toy_data(tmp_path / "data")
    good = {
        "method": "combiner",
        "combiner": {"hidden": 8, "knn": {"min_score": 0.0}},
        "data": {"data_dir": str(data), "general_pool": 0, "queries_per_group": 10},
        "train": {"eval_every": 5},
    }
    (tmp_path / "good.yaml").write_text(yaml.safe_dump(good), "utf-8")
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump({**good, "combinr": {}}), "utf-8")
    base = ["train", "fusion", "--base", str(tiny_model_dir), "--output", str(tmp_path / "c")]
    with pytest.raises(SystemExit) as exited:
        run([*base, "--config", str(tmp_path / "good.yaml"), "--max-steps", "10"])
    assert exited.value.code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["steps"] == 10 and (tmp_path / "c" / "config.json").is_file()
    with pytest.raises(SystemExit) as exited:
        run([*base, "--config", str(tmp_path / "bad.yaml")])
    assert exited.value.code == 1
    assert "unknown key(s) combinr" in capsys.readouterr().err


def test_nearest_unrelated_memory_comes_from_other_products_best_first() -> None:
    from ltmt.train.combiner_data import build_examples
    from ltmt.train.fusion_data import Pair, RetrievalSet

    pairs = [
        Pair("open the file", "Datei öffnen", 0),
        Pair("open the folder", "Ordner öffnen", 0),
        Pair("open the files now", "Dateien jetzt öffnen", 1),  # nearest elsewhere
        Pair("open a fine", "Eine Geldstrafe", 1),
        Pair("quit", "Beenden", 1),
        Pair("close the window", "Fenster schließen", 2),
    ]
    retrieval = RetrievalSet(pairs, ["a", "b", "c"], [0], [[(1, 80.0), (2, 70.0)]])
    shares = VariantShares(term=0.0, mislead=0.0, unrelated=1.0, unrelated_nearest=True)
    [example] = build_examples(retrieval, shares, seed=3)
    assert example.variant == "unrelated" and example.target == "Datei öffnen"
    sources = [source for source, _, _ in example.memory]
    assert sources[:2] == ["open the files now", "open a fine"]  # as many as its own memory
    assert "open the folder" not in sources  # its own product's pairs are not unrelated
    scores = [score for _, _, score in example.memory]
    assert scores == sorted(scores, reverse=True) and scores[0] > 70


def test_featurising_needs_a_fusion_that_computes_the_shares(tiny_model_dir: Path) -> None:
    """Training rows hold each neighbour's differing share and missing words; a fusion that
    does not compute them (plain knn decoding) would leave zeros: refused, in one line."""
    from ltmt.fusion.knn import KnnFusion
    from ltmt.model.backbone import load_backbone
    from ltmt.train.combiner_data import featurise

    with pytest.raises(ConfigError, match=r"featurise needs .* reads_shares=True"):
        featurise(load_backbone(tiny_model_dir), KnnFusion(), [])
