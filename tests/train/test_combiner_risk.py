"""The combiner's sequence-level risk over its own n-best: candidates, costs, the risk's value
and gradient, and a training run that adds it."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from test_combiner_train import _config, _term_and_unrelated, _toy_data

from ltmt.config import from_dict, to_dict
from ltmt.errors import ConfigError
from ltmt.fusion.combiner import Combiner, CombinerConfig
from ltmt.fusion.knn import KnnConfig, KnnFusion
from ltmt.model.backbone import load_backbone
from ltmt.train.combiner import CombinerTrainConfig, mixture_log_probs, train_combiner
from ltmt.train.combiner_data import build_examples
from ltmt.train.combiner_risk import RiskRows, build_risk_rows, candidates, sequence_risk
from ltmt.train.fusion_data import load_groups, retrieve_memories


def _setup(tmp_path: Path, model_dir: Path, count: int = 12):  # type: ignore[no-untyped-def]
    """The toy config, its first ``count`` examples, the tiny model and a kNN fusion."""
    config = _config(_toy_data(tmp_path / "data"), term=0.5, mislead=0.0, unrelated=0.0)
    names, groups = load_groups(config.data, 1)
    examples = build_examples(retrieve_memories(names, groups, config.data, 1), config.variants, 1)
    return (
        config,
        examples[:count],
        load_backbone(model_dir),
        KnnFusion(KnnConfig(**config.combiner.knn), reads_shares=True),
    )


def test_candidates_are_distinct_nbest_translations_with_their_bleu_cost(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    from sacrebleu.metrics import BLEU

    _, examples, backbone, fusion = _setup(tmp_path, tiny_model_dir)
    made, query, cost = candidates(backbone, fusion, examples, beam=3)  # a named tuple
    assert made and len(made) == len(query) == len(cost)
    assert set(query) <= set(range(len(examples)))
    for index in set(query):
        texts = [m.target for m, q in zip(made, query, strict=True) if q == index]
        assert 1 <= len(texts) <= 3 and len(set(texts)) == len(texts)
    bleu = BLEU(effective_order=True)
    for example, q, c in zip(made, query, cost, strict=True):
        assert example.source == examples[q].source and example.memory == examples[q].memory
        expected = 1 - bleu.sentence_score(example.target, [examples[q].target]).score / 100
        assert c == pytest.approx(expected)


def test_the_risk_is_the_expected_cost_under_the_combiners_candidate_distribution(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    import torch

    config, examples, backbone, fusion = _setup(tmp_path, tiny_model_dir)
    risk = build_risk_rows(backbone, fusion, candidates(backbone, fusion, examples, beam=3))
    combiner = Combiner(CombinerConfig(knn=config.combiner.knn, hidden=8))
    queries = risk.queries()
    every = torch.arange(risk.rows.features.size(0))
    with torch.no_grad():
        per_row = mixture_log_probs(combiner, risk.rows, every)
    expected = []
    for q in queries.tolist():
        hyps = torch.nonzero(risk.query == q).flatten()
        totals = torch.stack([per_row[risk.rows.example == h].sum() for h in hyps])
        expected.append(float((torch.softmax(totals, 0) * risk.cost[hyps]).sum()))
    with torch.no_grad():
        value = float(sequence_risk(combiner, risk, queries))
    assert value == pytest.approx(sum(expected) / len(expected), rel=1e-5)
    assert 0.0 <= value <= 1.0


def test_the_risk_moves_probability_to_the_cheaper_candidate() -> None:
    """Two candidates of one query, one row each, the same features but for the kNN vote: the
    cheap one is what memory votes for, the costly one what the model prefers. A step on the
    risk raises λ (trust memory), which lowers the risk."""
    import torch

    from ltmt.train.combiner_data import StepRows

    k = 2
    config = CombinerConfig(knn={"neighbours": k}, hidden=4)
    combiner = Combiner(config)
    features = torch.tensor([[0.5, 0.5] + [0.0] * 8, [0.5, 0.5] + [0.0] * 8])
    combiner.net.scale.fill_(1.0)
    rows = StepRows(
        features=features,
        knn_lambda=torch.tensor([0.3, 0.3]),
        knn_gold=torch.tensor([1.0, 0.0]),
        model_gold=torch.tensor([math.log(0.2), math.log(0.8)]),
        example=torch.tensor([0, 1]),
        distance=torch.ones(2, k),
        voting_gold=torch.tensor([[True, True], [False, False]]),
        voting=torch.ones(2, k, dtype=torch.bool),
        differing=torch.zeros(2, k),
        same=torch.ones(2, k, dtype=torch.bool),
    )
    risk = RiskRows(rows, torch.tensor([0, 0]), torch.tensor([0.0, 1.0]))
    before = float(sequence_risk(combiner, risk, torch.tensor([0])).detach())
    optimiser = torch.optim.SGD(combiner.net.parameters(), lr=1.0)
    for _ in range(20):
        optimiser.zero_grad()
        sequence_risk(combiner, risk, torch.tensor([0])).backward()
        optimiser.step()
    after = float(sequence_risk(combiner, risk, torch.tensor([0])).detach())
    assert after < before - 0.1


def test_training_with_the_risk_records_it_and_keeps_the_lowest_dev_objective(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    config = _term_and_unrelated(tmp_path)
    train = {**to_dict(config.train), "risk_weight": 1.0, "risk_beam": 2, "steps": 100}
    train["rows_cache"] = str(tmp_path / "rows.pt")
    config = from_dict(CombinerTrainConfig, {**to_dict(config), "train": train})
    summary = train_combiner(config, tiny_model_dir, tmp_path / "combiner")
    assert summary["risk_candidates"] > summary["risk_train_queries"] > 0
    assert summary["risk_dev_queries"] > 0
    before, after = summary["dev_before"], summary["dev_after"]
    assert before["objective"] == pytest.approx(before["loss"] + before["risk"], abs=2e-4)
    assert after["objective"] <= before["objective"]
    assert (tmp_path / "rows.pt.risk").is_file()  # cached beside the rows; read back next time
    again = train_combiner(config, tiny_model_dir, tmp_path / "again")
    assert again["risk_candidates"] == summary["risk_candidates"]
    assert again["dev_before"] == summary["dev_before"]
    train["risk_variants"] = ["term"]  # the risk of the term queries only
    config = from_dict(CombinerTrainConfig, {**to_dict(config), "train": train})
    term = train_combiner(config, tiny_model_dir, tmp_path / "term")
    assert 0 < term["risk_train_queries"] < summary["risk_train_queries"]


def test_a_damaged_or_older_rows_cache_is_named_with_what_to_do(tmp_path: Path) -> None:
    from ltmt.train.combiner_risk import load_risk_rows

    cache = tmp_path / "rows.pt.risk"
    cache.write_bytes(b"not a torch file")
    with pytest.raises(ConfigError, match=r"rows.pt.risk does not hold .*delete it to featurise"):
        load_risk_rows(cache)
    import torch

    from ltmt.train.combiner import load_rows

    torch.save({"rows": {"features": torch.zeros(1)}}, cache)  # another layout
    with pytest.raises(ConfigError, match=r"holds candidates' rows of an older ltmt"):
        load_risk_rows(cache)
    with pytest.raises(ConfigError, match=r"rows.pt.risk holds featurised rows of an older ltmt"):
        load_rows(cache)
    cache.write_bytes(b"")
    with pytest.raises(ConfigError, match=r"does not hold featurised rows; delete it"):
        load_rows(cache)


@pytest.mark.parametrize(
    ("train", "message"),
    [
        ({"risk_weight": -1.0}, "train.risk_weight must be >= 0"),
        ({"risk_beam": 1}, "train.risk_beam must be an integer >= 2, got 1"),
        ({"risk_queries": 0}, "train.risk_queries must be an integer >= 1, got 0"),
        ({"risk_variants": ["terms"]}, r"train.risk_variants: unknown variant\(s\) \['terms'\]"),
        (
            {"risk_variants": "term"},
            r"train.risk_variants must be a list of variants, e.g. \[term\]",
        ),
        (
            {"exclude": "mask"},
            r"train.exclude must be a list of variants, e.g. \[term\], got 'mask'",
        ),
    ],
)
def test_risk_settings_are_checked(train: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ConfigError, match=message):
        from_dict(CombinerTrainConfig, {"train": train})
