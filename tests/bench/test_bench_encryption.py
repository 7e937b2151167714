"""``eval/bench_encryption.py``: both stores built from the same pairs, timed, compared."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).parents[2] / "eval" / "bench_encryption.py"


def load_script(path: Path = SCRIPT) -> Any:
    """The benchmark script at ``path`` as a module (its folder on ``sys.path``, as when it
    runs: the scripts import ``eval/support.py``)."""
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tiny_pool(root: Path) -> Path:
    """The layout bench_retrieval reads: general/{train,dev}, l10n/{train,dev}."""
    general = root / "general"
    general.mkdir(parents=True)
    words = ["open", "close", "the", "file", "branch", "commit", "merge", "remote", "tag", "log"]
    sources = [
        f"{words[i % 10]} {words[(i * 3) % 10]} {words[(i * 7) % 10]} item {i}" for i in range(300)
    ]
    (general / "train.en").write_text("".join(s + "\n" for s in sources))
    (general / "train.de").write_text("".join(f"Eintrag {i}\n" for i in range(300)))
    (general / "dev.en").write_text("held out line\n")
    for split in ("train", "dev"):
        (root / "l10n" / split).mkdir(parents=True)
    return root


def dev_user(data: Path, memory: list[dict[str, str]], tests: list[dict[str, str]]) -> None:
    """Dev user ``git`` of ``tiny_pool(...)`` at ``data``: its memory and test rows."""
    dev = data / "l10n" / "dev"
    for name, rows in (("memory", memory), ("test", tests)):
        (dev / f"git.{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_run_reports_both_stores_on_the_same_data(tmp_path: Path) -> None:
    bench = load_script()
    output = tmp_path / "out" / "encryption.json"
    args = ["--data-dir", str(tiny_pool(tmp_path / "data")), "--segments", "200", "--queries", "30"]
    bench.main([*args, "--output", str(output)])
    result = json.loads(output.read_text())
    assert result["segments"] == 200 and result["queries"] == 30
    assert set(result["search"]) == {"plain", "encrypted"}
    assert result["import"]["plain"]["added"] == result["import"]["encrypted"]["added"] > 0
    assert result["same_matches"] == 1.0
    assert result["search_ratio"]["p50"] > 0


def test_the_eval_scripts_print_and_save_one_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    support = load_script(SCRIPT.with_name("support.py"))
    output = tmp_path / "new" / "report.json"
    text = support.emit_report({"bleu": 47.36, "user": "Jürgen"}, output, ensure_ascii=False)
    assert output.read_text(encoding="utf-8") == text + "\n"
    assert json.loads(capsys.readouterr().out) == {"bleu": 47.36, "user": "Jürgen"}
    support.emit_report({"all": [1, 2]}, None, shown={"part": 1})
    assert json.loads(capsys.readouterr().out) == {"part": 1}
    assert support.DEV_USERS_DIR == support.DATA_DIR / "l10n" / "dev"
    assert SCRIPT.parents[1] == support.REPO


def test_the_eval_scripts_write_json_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    support = load_script(SCRIPT.with_name("support.py"))
    output = tmp_path / "results" / "run.json"
    assert support.write_json(output, {"wall": [1.5], "user": "Jürgen"}) == json.dumps(
        {"wall": [1.5], "user": "Jürgen"}, indent=2
    )
    assert '"J\\u00fcrgen"' in output.read_text(encoding="utf-8")  # ASCII unless asked
    assert json.loads(output.read_text(encoding="utf-8")) == {"wall": [1.5], "user": "Jürgen"}
    support.write_json(output, {"user": "Jürgen"}, ensure_ascii=False)
    assert output.read_text(encoding="utf-8") == '{\n  "user": "Jürgen"\n}\n'

    def killed(*args: object) -> None:
        raise OSError("killed while renaming")

    monkeypatch.setattr(support.os, "replace", killed)
    with pytest.raises(OSError, match="killed while renaming"):
        support.write_json(output, {"half": "written"})
    assert output.read_text(encoding="utf-8") == '{\n  "user": "Jürgen"\n}\n'
    assert sorted(p.name for p in output.parent.iterdir()) == ["run.json"]  # no temporary left
