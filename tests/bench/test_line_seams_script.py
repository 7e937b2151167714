"""eval/line_seams.py: the multi-line test segments of each user, translated with and without
the seam repair."""

from __future__ import annotations

import json
from pathlib import Path

from test_bench_encryption import load_script

EVAL = Path(__file__).parents[2] / "eval"


def test_it_reports_every_fusion_on_the_multi_line_segments_alone(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    users = tmp_path / "users"
    users.mkdir()
    memory = [{"source": "open the file\nnow", "target": "Datei öffnen\njetzt"}]
    tests = [
        {"source": "open the file\nlater", "target": "Datei öffnen\nspäter"},
        {"source": "one line", "target": "eine Zeile"},
        {"source": "\n\nclose it\n", "target": "\n\nschließen\n"},  # one line with content
    ]
    for name, rows in (("memory", memory), ("test", tests)):
        text = "".join(json.dumps(row) + "\n" for row in rows)
        (users / f"u1.{name}.jsonl").write_text(text, "utf-8")
    output = tmp_path / "seams.json"
    load_script(EVAL / "line_seams.py").main(
        ["--users-dir", str(users), "--model", str(tiny_model_dir), "--fusions", "none,knn",
         "--output", str(output)]
    )  # fmt: skip
    result = json.loads(output.read_text())
    assert result["segments"] == {"u1": 1}
    for fusion in ("none", "knn"):
        runs = result["fusions"][fusion]
        assert runs["segments"] == 1 and runs["other_outputs_differing"] == 0
        assert runs["repaired"] == runs["repaired_output_differs"] == len(runs["examples"])
        assert 0 <= runs["bleu_without"] <= 100 and 0 <= runs["chrf_with"] <= 100
