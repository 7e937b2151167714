"""``eval/bench_speed.py``: interleaved timing of the benchmark's systems on a users folder."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # translates the tiny fixture users twice

DATA = Path(__file__).parent / "data"
SCRIPT = Path(__file__).parents[2] / "eval" / "bench_speed.py"


def _load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_speed", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _args(model_dir: Path, **options: object) -> argparse.Namespace:
    settings: dict[str, object] = {
        "model": str(model_dir),
        "users_dir": DATA / "users",
        "systems": "base,knn",
        "limit": 3,
        "chunk": 2,
        "beam": 1,
        "batch_size": 4,
        "threads": 1,
    }
    settings.update(options)
    return argparse.Namespace(**settings)


def test_every_system_is_timed_on_every_user(tiny_model_dir: Path) -> None:
    from ltmt.bench.data import find_users

    report = _load_script().run(_args(tiny_model_dir))
    users = {t.name: len(t.sources) for t in find_users(DATA / "users", 3)}
    assert report["segments"] == users
    assert set(report["systems"]) == {"base", "knn"}
    for entry in report["systems"].values():
        assert set(entry["per_user_seconds"]) == set(users)
        assert entry["seconds"] > 0
    knn = report["systems"]["knn"]
    assert knn["throughput_vs_base"] == pytest.approx(
        report["systems"]["base"]["seconds"] / knn["seconds"], rel=0.05
    )
    low, high = knn["chunk_ratio_quartiles"]
    assert 0 < low <= knn["chunk_ratio_median"] <= high
    assert "throughput_vs_base" not in report["systems"]["base"]


def test_unknown_system_stops_with_its_reason(tiny_model_dir: Path) -> None:
    with pytest.raises(SystemExit, match="nope"):
        _load_script().run(_args(tiny_model_dir, systems="base,nope", limit=1))
