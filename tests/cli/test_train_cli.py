"""``ltmt train labels``: the label lexicon built from a data folder's l10n catalogs."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Runner

from ltmt.label_lexicon import LabelLexicon


def test_train_labels_writes_the_lexicon_beside_the_model(run_ltmt: Runner, tmp_path: Path):
    catalogs = tmp_path / "data" / "l10n" / "train"
    catalogs.mkdir(parents=True)
    pairs = [("_Paste", "_Einfügen"), ("Open %s", "%s öffnen"), ("Properties", "Eigenschaften")]
    (catalogs / "gtk.jsonl").write_text(
        "".join(json.dumps({"user": "gtk", "source": s, "target": t}) + "\n" for s, t in pairs),
        encoding="utf-8",
    )
    model = tmp_path / "model"
    model.mkdir()
    code, out, err = run_ltmt(
        "train", "labels", "--base", str(model), "--data-dir", str(tmp_path / "data")
    )
    assert (code, err) == (0, "")
    assert out == f"{model / 'labels.json.gz'}: 2 labels of 3 pairs\n"
    lexicon = LabelLexicon.of_model(model)
    assert lexicon is not None and lexicon.translate("Paste") == "Einfügen"
    assert lexicon.meta == {"data": "l10n/train/*.jsonl", "pairs": 3, "products": ["gtk"]}


def test_train_labels_needs_a_model_and_a_data_folder(run_ltmt: Runner, tmp_path: Path):
    code, _, err = run_ltmt("train", "labels", "--base", str(tmp_path / "none"))
    assert (code, err) == (1, f"ltmt: error: model directory not found: {tmp_path / 'none'}\n")
    code, _, err = run_ltmt(
        "train", "labels", "--base", str(tmp_path), "--data-dir", str(tmp_path / "nodata")
    )
    assert code == 1
    assert err == f"ltmt: error: data folder not found: {tmp_path / 'nodata'} (pass --data-dir)\n"


def test_train_labels_needs_catalogs_to_build_from(run_ltmt: Runner, tmp_path: Path):
    (tmp_path / "data").mkdir()
    code, _, err = run_ltmt(
        "train", "labels", "--base", str(tmp_path), "--data-dir", str(tmp_path / "data")
    )
    assert code == 1
    assert err == (
        f"ltmt: error: no l10n catalogs under {tmp_path / 'data'} (l10n/train/*.jsonl): "
        "nothing to build from\n"
    )
    assert not (tmp_path / "labels.json.gz").exists()
