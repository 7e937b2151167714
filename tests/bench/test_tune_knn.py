"""``eval/tune_knn.py``: the nearest-neighbour distance profile reads the steps kNN decodes."""

from __future__ import annotations

from pathlib import Path

from test_bench_encryption import load_script

from ltmt.segments import Match, Segment

SCRIPT = Path(__file__).parents[2] / "eval" / "tune_knn.py"


def test_the_distance_profile_sees_every_decoding_step(tiny_model_dir: Path) -> None:
    """It spies on :meth:`KnnState.neighbours`: were that renamed, it would see no step and
    report zeros."""
    from ltmt.model.backbone import load_backbone

    tune = load_script(SCRIPT)
    backbone = load_backbone(tiny_model_dir)
    source = "open the file"
    match = Match(Segment(1, "u", "close the old file", "schließe die Datei", 0.0, "t"), 60.0)
    profile = tune.distance_profile(backbone, [("u", [source], ["x"], {source: [match]})], 1, 4)
    assert len(profile["u"]) == 5 and profile["u"][-1] > 0.0
