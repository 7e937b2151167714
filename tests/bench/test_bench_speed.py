"""``eval/bench_speed.py``: every engine timed on the same segments, in alternating rounds."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from test_bench_encryption import load_script

pytestmark = pytest.mark.slow  # translates the tiny fixture users with six engines

DATA = Path(__file__).parent / "data"
SCRIPT = Path(__file__).parents[2] / "eval" / "bench_speed.py"


def _load_script():  # type: ignore[no-untyped-def]
    return load_script(SCRIPT)


def _args(model_dir: Path, **options: object) -> argparse.Namespace:
    settings: dict[str, object] = {
        "model": str(model_dir),
        "users_dir": DATA / "users",
        "engines": ",".join(_load_script().ENGINES),
        "limit": 3,
        "rounds": 2,
        "beam": 2,
        "batch_size": 4,
        "threads": 1,
        "rss": False,
        "one_process": True,  # one child process per engine: a test of its own, below
    }
    settings.update(options)
    return argparse.Namespace(**settings)


def test_every_engine_is_timed_and_scored(tiny_model_dir: Path) -> None:
    script = _load_script()
    report = script.run(_args(tiny_model_dir))
    selected = script.select_segments(DATA / "users", 3)
    assert report["segments"] == sum(len(sources) for _, sources, _ in selected)
    assert set(report["engines"]) == set(script.ENGINES)
    for entry in report["engines"].values():
        assert len(entry["seconds_per_round"]) == 2
        assert entry["tokens_per_second"] > 0 and 0 <= entry["bleu"] <= 100
    assert report["engines"]["ct2-int8"]["vs_ct2_int8"] == 1.0


def test_each_engine_can_run_in_a_process_of_its_own(tiny_model_dir: Path) -> None:
    """The default harness: every engine loaded in a child process, the rounds run by telling
    one child at a time to make a pass; the same outputs as in one process."""
    script = _load_script()
    engines = "ct2-int8,ltmt-knn"
    alone = script.run(_args(tiny_model_dir, engines=engines, one_process=False))
    together = script.run(_args(tiny_model_dir, engines=engines))
    assert alone["processes"] == "one per engine" and together["processes"] == "all engines in one"
    for name in engines.split(","):
        assert len(alone["engines"][name]["seconds_per_round"]) == 2
        for same in ("tokens", "bleu"):
            assert alone["engines"][name][same] == together["engines"][name][same]


def test_the_trained_combiner_engine_starts_as_knn(tiny_model_dir: Path, tmp_path: Path) -> None:
    import shutil

    from ltmt.fusion.adapter import BaseInfo, embedding_sha1
    from ltmt.fusion.combiner import Combiner, CombinerConfig
    from ltmt.model.backbone import load_backbone

    model = shutil.copytree(tiny_model_dir, tmp_path / "model")
    info = BaseInfo(name="tiny", embedding_sha1=embedding_sha1(load_backbone(model).model))
    Combiner(CombinerConfig()).save(model / "fusion-combiner", info)  # untrained: knn's λ
    script = _load_script()
    report = script.run(_args(model, engines="ltmt-knn,ltmt-knn-trained", limit=2))
    knn, trained = report["engines"]["ltmt-knn"], report["engines"]["ltmt-knn-trained"]
    assert trained["bleu"] == knn["bleu"] and trained["tokens"] == knn["tokens"]
    assert len(trained["seconds_per_round"]) == 2


def test_peak_rss_is_measured_in_a_process_of_its_own(tiny_model_dir: Path) -> None:
    script = _load_script()
    rss = script.peak_rss_in_child("ct2-int8", _args(tiny_model_dir))
    assert 10 < rss < 2000


def test_unknown_engine_stops_with_the_choices(tiny_model_dir: Path) -> None:
    with pytest.raises(SystemExit, match="unknown engine 'nope': choose from ltmt-base"):
        _load_script().run(_args(tiny_model_dir, engines="ltmt-base,nope", limit=1))
