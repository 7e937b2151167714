"""``eval/bench_retrieval.py``: recall by band against the exhaustive scan, and a baseline
configuration searched in turn with the main one."""

from __future__ import annotations

import json
from pathlib import Path

from test_bench_encryption import dev_user, load_script, tiny_pool

from ltmt.memory.store import DEFAULT_CANDIDATES

SCRIPT = Path(__file__).parents[2] / "eval" / "bench_retrieval.py"


def test_run_scores_the_real_queries_and_the_baseline_against_the_scan(tmp_path: Path) -> None:
    data = tiny_pool(tmp_path / "data")
    rows = [{"source": f"merge the remote branch {i}", "target": f"Zweig {i}"} for i in range(40)]
    tests = [
        {"source": "merge the remote branches 7", "target": "x"},
        {"source": "tag", "target": "y"},
    ]
    dev_user(data, rows, tests)
    output = tmp_path / "retrieval.json"
    args = ["--data-dir", str(data), "--segments", "300", "--queries", "10"]
    load_script(SCRIPT).main(
        [
            *args,
            "--scan-max",
            "0",
            "--baseline-recount",
            "0",
            "--work-dir",
            str(tmp_path),
            "--output",
            str(output),
        ]
    )
    result = json.loads(output.read_text())
    assert result["recount"] > 0 and result["scan_max"] == 0
    assert result["baseline"]["settings"] == {
        "candidates": DEFAULT_CANDIDATES,  # ltmt's default
        "recount": 0,
        "scan_max": 0,
    }
    for found in (result, result["baseline"]):
        assert found["real"]["queries"] == 2
        assert found["real"]["recall_by_scan_band"]["90-99"] == {
            "queries": 1,
            "found": 1,
            "recall_at_1": 1.0,
            "found_within_0_5": 1,
        }
        assert found["perturbed"]["queries"] == 10
    assert result["own_memories"]["git"]["segments"] == 40
    assert result["own_memories"]["git"]["recall_at_1_best_ge_50"] == 1.0


def test_baseline_scan_max_searches_own_memories_by_the_index_too(tmp_path: Path) -> None:
    data = tiny_pool(tmp_path / "data")
    rows = [{"source": f"show the log of commit {i}", "target": f"Log {i}"} for i in range(30)]
    dev_user(data, rows, [{"source": "show the logs of commit 3", "target": "x"}])
    output = tmp_path / "retrieval.json"
    args = ["--data-dir", str(data), "--segments", "100", "--queries", "5", "--output", str(output)]
    load_script(SCRIPT).main([*args, "--baseline-scan-max", "0", "--work-dir", str(tmp_path)])
    result = json.loads(output.read_text())
    assert result["scan_max"] > 0 and result["baseline"]["settings"]["scan_max"] == 0
    own = result["own_memories"]["git"]
    assert own["recall_at_1"] == own["baseline"]["recall_at_1"] == 1.0


def test_summarise_counts_a_top_score_within_half_a_point_as_found_within_0_5() -> None:
    summarise = load_script(SCRIPT).summarise
    # (wall ms, top-1 score, cpu ms) against the scan's best: equal, 0.3 below, 2 below
    rows = [(1.0, 60.0, 1.0), (1.0, 59.7, 1.0), (1.0, 58.0, 1.0)]
    band = summarise(rows, [60.0, 60.0, 60.0])["recall_by_scan_band"]["50-69"]
    assert band == {"queries": 3, "found": 1, "recall_at_1": 0.3333, "found_within_0_5": 2}
