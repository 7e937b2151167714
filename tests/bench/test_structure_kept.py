"""eval/structure_kept.py: what of a source's layout the outputs and references keep."""

from __future__ import annotations

import json
from pathlib import Path

from test_bench_encryption import load_script

EVAL = Path(__file__).parents[2] / "eval"


def test_help_columns_count_rows_kept_at_the_sources_column_line_for_line(tmp_path: Path) -> None:
    source = "Usage: x\n  -g          like -l\n  -l          long\n"
    rows = [
        {"system": "a", "source": source, "reference": source.replace("like", "wie"),
         "hypothesis": "Aufruf: x\n  -g          wie -l\n  -l          lang\n"},
        {"system": "b", "source": source, "reference": "Aufruf: x\n  -g wie -l\n  -l lang\n",
         "hypothesis": "Aufruf: x\n  -g wie -l\n  -l          lang\n"},
        {"system": "a", "source": "one line", "reference": "eine", "hypothesis": "eine"},
    ]  # fmt: skip
    (tmp_path / "hypotheses.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    counts = load_script(EVAL / "structure_kept.py").count_kept(tmp_path / "hypotheses.jsonl")
    assert counts["a"]["help_columns"] == {"segments": 1, "output": 1, "reference": 1}
    assert counts["b"]["help_columns"] == {"segments": 1, "output": 0, "reference": 0}
    assert counts["a"]["line_breaks"] == {"segments": 1, "output": 1, "reference": 1}


def test_outputs_changed_counts_each_run_against_the_one_before(tmp_path: Path) -> None:
    def run(name: str, outputs: list[str]) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        rows = [
            {"system": "a", "set": "u", "source": f"s{i}", "reference": "r", "hypothesis": text}
            for i, text in enumerate(outputs)
        ]
        (folder / "hypotheses.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
        return folder / "hypotheses.jsonl"

    before = run("before", ["a b", "c d", "e"])
    after = run("after", ["a  b", "c x", "e"])
    script = load_script(EVAL / "structure_kept.py")
    assert script.changed_outputs(before, after) == {"a": {"changed": 2, "whitespace_only": 1}}
