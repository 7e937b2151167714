"""``eval/ab_import.py`` and ``eval/bench_import_files.py``: two checkouts' imports in turn,
each in a process of its own that imports the checkout's own ``ltmt``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_bench_encryption import dev_user, load_script, tiny_pool

REPO = Path(__file__).parents[2]


def data_with_a_dev_user(root: Path) -> Path:
    data = tiny_pool(root)
    dev_user(
        data,
        [{"source": "open the file", "target": "Datei öffnen"}],
        [{"source": "open the branch", "target": "Zweig öffnen"}],
    )
    return data


def test_ab_import_compares_two_checkouts_on_the_same_pairs(tmp_path: Path) -> None:
    bench = load_script(REPO / "eval" / "ab_import.py")
    output = tmp_path / "ab.json"
    data = data_with_a_dev_user(tmp_path / "data")
    common = ["--base", str(REPO), "--data-dir", str(data), "--work-dir", str(tmp_path)]
    bench.main([*common, "--segments", "120", "--rounds", "2", "--output", str(output)])
    result = json.loads(output.read_text())
    assert result["pairs"] == 120 and result["rounds"] == 2
    for name in ("base", "this"):
        assert len(result[name]["pairs_per_s"]) == 2 and result[name]["added"] > 0
    assert result["same_top1_for_all_queries"] is True and result["queries_checked"] == 1


def test_bench_import_files_runs_the_cli_per_format(tmp_path: Path) -> None:
    bench = load_script(REPO / "eval" / "bench_import_files.py")
    output = tmp_path / "files.json"
    data = data_with_a_dev_user(tmp_path / "data")
    common = ["--base", str(REPO), "--data-dir", str(data), "--work-dir", str(tmp_path)]
    formats = ["--formats", "tmx,.jsonl", "--output", str(output)]
    bench.main([*common, "--segments", "80", "--rounds", "1", *formats])
    result = json.loads(output.read_text())
    assert set(result["formats"]) == {"tmx", "jsonl"}
    for report in result["formats"].values():
        assert report["same_added"] is True and report["this"]["added"] > 0
        assert report["base"]["peak_rss_mb"][0] > 0


@pytest.mark.parametrize("script", ["ab_import.py", "bench_import_files.py"])
def test_a_base_that_is_no_checkout_is_a_one_line_error(
    tmp_path: Path, script: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load_script(REPO / "eval" / script)
    with pytest.raises(SystemExit) as caught:
        bench.main(["--base", str(tmp_path)])
    assert caught.value.code == 2
    assert f"--base {tmp_path} is not an ltmt checkout" in capsys.readouterr().err


def test_import_memory_reads_the_process_after_each_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = load_script(REPO / "eval" / "import_memory.py")
    from ltmt.memory import postings, writes

    monkeypatch.setattr(writes, "IMPORT_BATCH", 32)  # several batches of the tiny memory
    monkeypatch.setattr(postings, "INDEX_CHUNK", 8)
    output = tmp_path / "memory.json"
    data = data_with_a_dev_user(tmp_path / "data")
    bench.main(["--data-dir", str(data), "--work-dir", str(tmp_path), "--segments", "100",
                "--output", str(output)])  # fmt: skip
    result = json.loads(output.read_text())
    batches = result["after_each_batch"]
    assert result["added"] > 32 and len(batches) >= 2
    assert result["added"] <= batches[-1]["pairs"] <= 100  # the kept pairs, batch by batch
    assert all(row["peak_rss_mb"] >= row["rss_anon_mb"] > 0 for row in batches)
    index = result["index_rows_one_batch"]
    assert index["texts"] == 32 and index["index_chunk"] == 8 and index["same_entries"] is True
    assert postings.INDEX_CHUNK == 8  # put back after the one-chunk run
    assert not list(tmp_path.glob("ltmt-import-memory-*"))  # the store is removed
