"""The retrieval scripts that read a store kept by ``eval/bench_retrieval.py --keep``:
``retrieval_pool_recall.py``, ``retrieval_first_search.py``, ``retrieval_after_writes.py`` and
``profile_retrieval.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_bench_encryption import dev_user, load_script, tiny_pool

EVAL = Path(__file__).parents[2] / "eval"


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A benchmark store of 300 segments and its queries with the scan's bests."""
    root = tmp_path_factory.mktemp("kept")
    data = tiny_pool(root / "data")
    rows = [{"source": f"merge the remote branch {i}", "target": f"Zweig {i}"} for i in range(40)]
    tests = [{"source": f"merge the remote branches {i}", "target": "x"} for i in (3, 7, 9)]
    dev_user(data, rows, tests)
    load_script(EVAL / "bench_retrieval.py").main(
        ["--data-dir", str(data), "--segments", "300", "--queries", "10", "--no-own-memories",
         "--work-dir", str(root), "--keep", str(root / "keep"), "--output", str(root / "r.json")]
    )  # fmt: skip
    return root / "keep"


def test_pool_recall_counts_every_query_in_its_band(kept: Path, tmp_path: Path) -> None:
    output = tmp_path / "pool.json"
    load_script(EVAL / "retrieval_pool_recall.py").main(
        ["--store", str(kept / "store"), "--queries", str(kept / "queries.json"),
         "--sets", "perturbed", "--first-pass", "1,1024", "--two-passes", "1024",
         "--budgets", "150000", "--output", str(output)]
    )  # fmt: skip
    result = json.loads(output.read_text())
    queries = result["queries_by_band"]["perturbed"]
    found = result["found_by_candidates"]
    for ranking in (
        "perturbed: first pass, budget 150000",
        "perturbed: both passes, budget 150000",
    ):
        for band, count in found[ranking]["1024"].items():
            assert 0 <= count <= queries[band]
    # at 1,024 candidates a 300-segment memory is scored whole: every best is found
    assert found["perturbed: first pass, budget 150000"]["1024"] == queries
    assert sum(found["perturbed: first pass, budget 150000"]["1"].values()) <= sum(queries.values())


def test_profile_reports_every_search_once_and_by_query_length(kept: Path, tmp_path: Path) -> None:
    output = tmp_path / "profile.json"
    load_script(EVAL / "profile_retrieval.py").main(
        ["--store", str(kept / "store"), "--queries", str(kept / "queries.json"),
         "--output", str(output)]
    )  # fmt: skip
    result = json.loads(output.read_text())
    bands = result["by_query_characters"]
    assert sum(band["queries"] for band in bands.values()) == result["queries"]
    slowest = max(1, result["queries"] // 20)
    assert sum(band["slowest_5_percent"] for band in bands.values()) == slowest
    for band in bands.values():
        assert band["total"]["p50"] <= band["total"]["p95"] <= band["total"]["p99"]
        # a phase timed inside another of the same phase counts once: no phase exceeds the search
        assert band["mean"]["count_select"] <= band["total"]["mean"]
    assert result["per_search"]["n_candidates"]["p50"] > 0  # the index searched, not a scan


def _kept_store_ab(script: str, kept: Path, output: Path, *options: str) -> dict[str, Any]:
    """The results of an A/B ``script`` of the kept store, this checkout on both sides, 1 round."""
    load_script(EVAL / script).main(
        ["--base", str(EVAL.parent), "--store", str(kept / "store"), "--queries",
         str(kept / "queries.json"), *options, "--rounds", "1", "--output", str(output)]
    )  # fmt: skip
    return dict(json.loads(output.read_text())["results"])


def test_first_search_names_the_ltmt_each_process_ran(kept: Path, tmp_path: Path) -> None:
    # 7 searches of the 3 real queries: they are searched again
    result = _kept_store_ab(
        "retrieval_first_search.py", kept, tmp_path / "f.json", "--searches", "7"
    )
    for name in ("base", "new"):
        assert result[name]["ltmt"] == [str(EVAL.parent / "ltmt" / "__init__.py")]
        assert len(result[name]["first_search_ms"]) == 1
        median = result[name]["next_searches_median_ms"]
        assert 0 < median <= result[name]["next_searches_p99_ms"]
        assert result[name]["next_searches_p99_ms"] <= result[name]["slowest_next_search_ms"][0]
        assert result[name]["next_searches_wall_s"][0] > 0
        # a small memory is scanned whole: nothing packed
        assert result[name]["sources_packed_after"] == [None]
        assert result[name]["peak_rss_mb"][0] >= result[name]["rss_mb_before_after"][0][1]


def test_the_benchmark_times_searches_between_writes_and_leaves_the_memory_as_it_was(
    kept: Path,
) -> None:
    from ltmt import Memory

    result = json.loads((kept.parent / "r.json").read_text())
    writes = result["writes_then_searches"]
    assert writes["writes"] == 1  # three real queries: one to add, one to search
    for step in ("add", "search_after_an_add", "delete", "search_after_a_delete"):
        assert 0 < writes[step]["median_ms"] <= writes[step]["max_ms"]
    with Memory(kept / "store") as memory:
        assert memory.stats("bench")["segments"] == result["segments"]


def test_after_writes_times_each_step_in_each_checkout(kept: Path, tmp_path: Path) -> None:
    from ltmt import Memory

    result = _kept_store_ab("retrieval_after_writes.py", kept, tmp_path / "w.json", "--writes", "1")
    for name in ("base", "new"):
        assert set(result[name]) == {
            "add", "search after an add", "delete", "search after a delete", "search, no write"
        }  # fmt: skip
        assert all(step["median_ms"] > 0 for step in result[name].values())
    with Memory(kept / "store") as memory:  # each run wrote to a copy of its own
        assert memory.stats("bench")["segments"] == 300


def test_many_users_times_the_searches_after_the_first_pass(tmp_path: Path) -> None:
    data = tiny_pool(tmp_path / "data")
    tests = [{"source": f"merge the remote branches {i}", "target": "x"} for i in range(6)]
    dev_user(data, [{"source": "merge the branch", "target": "Zweig"}], tests)
    output = tmp_path / "many.json"
    repo = EVAL.parent
    load_script(EVAL / "retrieval_many_users.py").main(
        ["--base", str(repo), "--users", "2", "--segments", "200", "--passes", "3", "--rounds",
         "1", "--scan-max", "0", "--data-dir", str(data), "--work-dir", str(tmp_path),
         "--output", str(output)]
    )  # fmt: skip
    result = json.loads(output.read_text())["results"]
    for name in ("base", "new"):
        assert result[name]["searches"] == 2 * 2  # two users, the two passes after the first
        assert result[name]["sources_read_whole"][0] <= 2  # each user's at most once: kept
        assert 0 < result[name]["median_ms"] <= result[name]["max_ms"]
