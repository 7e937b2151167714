"""eval/qa_trial.py: a bench run's outputs and references checked with each user's memory, and
each user's memory checked beside pofilter."""

from __future__ import annotations

import json
from pathlib import Path

from test_bench_encryption import load_script

EVAL = Path(__file__).parents[2] / "eval"


def test_it_counts_each_systems_findings_and_compares_with_pofilter(tmp_path: Path) -> None:
    users = tmp_path / "users"
    users.mkdir()
    memory = [
        {"source": "Open %s", "target": "%s öffnen"},
        {"source": "Save the file", "target": "Datei speichern"},
        {"source": "Wait 10 seconds", "target": "Warte Sekunden"},  # a number lost
    ]
    (users / "u1.memory.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in memory), "utf-8"
    )
    rows = [
        {"set": "u1", "system": "base", "source": "Save the file", "reference": "Datei speichern",
         "hypothesis": "Datei Datei sichern"},
        {"set": "u1", "system": "base", "source": "Close %s", "reference": "%s schließen",
         "hypothesis": "schließen"},
        {"set": "u1", "system": "knn", "source": "Save the file", "reference": "Datei speichern",
         "hypothesis": "Datei speichern"},
        {"set": "u1", "system": "knn", "source": "Close %s", "reference": "%s schließen",
         "hypothesis": "%s schließen"},
    ]  # fmt: skip
    hypotheses = tmp_path / "hypotheses.jsonl"
    hypotheses.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    output = tmp_path / "qa.json"
    load_script(EVAL / "qa_trial.py").main(
        ["--hypotheses", str(hypotheses), "--users-dir", str(users), "--output", str(output)]
    )
    report = json.loads(output.read_text())
    assert report["systems"]["base"]["by_check"] == {"doubled": 1, "memory": 1, "placeholders": 1}
    assert report["systems"]["knn"]["by_check"] == {}
    assert report["systems"]["reference"]["entries"] == 2
    [catalog] = report["pofilter"]
    assert catalog["file"] == "u1.memory.jsonl as PO" and catalog["entries"] == 3
    numbers = catalog["checks"]["numbers"]
    assert numbers == {"pofilter_tests": ["numbers"], "ltmt": 1, "pofilter": 1, "both": 1}
