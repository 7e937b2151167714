"""``ltmt train labels``: the label lexicon built from a data folder's l10n catalogs; ``ltmt train
fusion``: what it refuses before training starts; ``ltmt train base``: the exit status of a run a
signal stopped."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
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


def test_train_labels_adds_a_label_lists_labels_the_catalogs_lack(run_ltmt: Runner, tmp_path: Path):
    catalogs = tmp_path / "data" / "l10n" / "train"
    catalogs.mkdir(parents=True)
    (catalogs / "web.jsonl").write_text(
        json.dumps({"user": "web", "source": "Forward", "target": "Vor"}) + "\n", encoding="utf-8"
    )
    listed = tmp_path / "ui.tsv"
    listed.write_text("# label, tab, translation\nSave\tSpeichern\nForward\tWeiterleiten\n")
    model = tmp_path / "model"
    model.mkdir()
    code, out, err = run_ltmt(
        "train", "labels", "--base", str(model), "--data-dir", str(tmp_path / "data"),
        "--label-list", str(listed),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"{model / 'labels.json.gz'}: 2 labels of 1 pairs (+1 of ui.tsv)\n"
    lexicon = LabelLexicon.of_model(model)
    assert lexicon is not None
    assert (lexicon.translate("Save"), lexicon.translate("Forward")) == ("Speichern", "Vor")
    assert lexicon.meta["label_list"] == {"file": "ui.tsv", "labels": 2, "added": 1}


def test_train_labels_refuses_a_label_list_line_it_cannot_read(run_ltmt: Runner, tmp_path: Path):
    catalogs = tmp_path / "data" / "l10n" / "train"
    catalogs.mkdir(parents=True)
    (catalogs / "web.jsonl").write_text(
        json.dumps({"user": "web", "source": "Save", "target": "Speichern"}) + "\n",
        encoding="utf-8",
    )
    listed = tmp_path / "ui.tsv"
    listed.write_text("Save\tSpeichern\nSave all open files now\tAlle speichern\n")
    code, _, err = run_ltmt(
        "train", "labels", "--base", str(tmp_path), "--data-dir", str(tmp_path / "data"),
        "--label-list", str(listed),
    )  # fmt: skip
    assert code == 1
    assert err == (
        f"ltmt: error: {listed}:2: write a label of one to three words, a tab and its "
        "translation (read 'Save all open files now\\tAlle speichern')\n"
    )
    assert not (tmp_path / "labels.json.gz").exists()


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


def _combiner_config(tmp_path: Path, data_dir: Path, **train: object) -> Path:
    """A tiny combiner config reading ``data_dir``: seconds of training on the tiny model."""
    import yaml

    config = {
        "method": "combiner",
        "combiner": {"hidden": 4, "knn": {"min_score": 0.0}},
        "data": {"data_dir": str(data_dir), "general_pool": 0, "queries_per_group": 6},
        "train": {"steps": 4, "eval_every": 2, **train},
    }
    path = tmp_path / "combiner.yaml"
    path.write_text(yaml.safe_dump(config), "utf-8")
    return path


def _catalogs(root: Path) -> Path:
    (root / "l10n" / "train").mkdir(parents=True)
    for product, words in (("files", "cat file mat tree"), ("colours", "red blue green sun")):
        lines = [
            json.dumps({"source": f"open the {w} now", "target": f"öffne {w} jetzt"})
            for w in words.split()
        ]
        (root / "l10n" / "train" / f"{product}.jsonl").write_text("\n".join(lines), "utf-8")
    return root


def test_train_fusion_never_replaces_a_combiner_unless_told(
    run_ltmt: Runner, model_with_combiner: Path, tmp_path: Path
):
    """The README's command (no --output) replaced the model's own combiner, mode 0600."""
    shipped = model_with_combiner / "fusion-combiner" / "model.safetensors"
    before = shipped.read_bytes()
    config = _combiner_config(tmp_path, tmp_path / "no-data")  # refused before data is read
    code, _, err = run_ltmt(
        "train", "fusion", "--config", str(config), "--base", str(model_with_combiner)
    )
    assert code == 1
    assert err == (
        f"ltmt: error: {shipped.parent} already holds a trained combiner; pass --overwrite to "
        "replace it, or --output DIR to write elsewhere\n"
    )
    assert shipped.read_bytes() == before
    config = _combiner_config(tmp_path, _catalogs(tmp_path / "data"))
    code, out, _ = run_ltmt(
        "train", "fusion", "--config", str(config), "--base", str(model_with_combiner),
        "--overwrite",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["steps"] == 4
    assert shipped.read_bytes() != before
    assert stat.S_IMODE(shipped.stat().st_mode) & 0o044 == 0o044  # others may read it


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("file", "{output} is a file; the trained combiner is a folder: pass another --output"),
        ("file/sub", "cannot write {output}: {tmp}/file is a file, not a directory"),
    ],
)
def test_train_fusion_refuses_an_output_it_cannot_write_before_training(
    run_ltmt: Runner, tiny_model_dir: Path, tmp_path: Path, output: str, message: str
):
    (tmp_path / "file").write_text("")
    config = _combiner_config(tmp_path, tmp_path / "no-data")
    code, _, err = run_ltmt(
        "train", "fusion", "--config", str(config), "--base", str(tiny_model_dir),
        "--output", str(tmp_path / output),
    )  # fmt: skip
    assert code == 1
    assert err == "ltmt: error: " + message.format(output=tmp_path / output, tmp=tmp_path) + "\n"


@pytest.mark.parametrize("minutes", ["-1", "0"])
def test_train_fusion_refuses_a_budget_of_no_time(
    run_ltmt: Runner, tiny_model_dir: Path, tmp_path: Path, minutes: str
):
    config = _combiner_config(tmp_path, _catalogs(tmp_path / "data"))
    code, _, err = run_ltmt(
        "train", "fusion", "--config", str(config), "--base", str(tiny_model_dir),
        "--output", str(tmp_path / "out"), "--max-minutes", minutes,
    )  # fmt: skip
    assert code == 1
    assert err == f"ltmt: error: --max-minutes must be > 0, got {float(minutes)}\n"
    assert not (tmp_path / "out").exists()


def test_train_fusion_refuses_a_budget_that_ends_before_the_first_step(
    run_ltmt: Runner, tiny_model_dir: Path, tmp_path: Path
):
    config = _combiner_config(tmp_path, _catalogs(tmp_path / "data"), max_minutes=1e-12)
    code, _, err = run_ltmt(
        "train", "fusion", "--config", str(config), "--base", str(tiny_model_dir),
        "--output", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 1
    assert err.splitlines()[-1].startswith(  # after the progress bar
        "ltmt: error: the time budget of 1e-12 minute(s) ended before the first training step"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"method": "combinr"}, "method: 'combinr' is not a training method (did you mean"),
        ({"combiner": {"hidden": 8.5}}, "combiner.hidden must be an integer, got 8.5"),
        ({"train": {"steps": "twenty"}}, "train.steps must be an integer, got 'twenty'"),
        ({"train": {"peak_lr": "fast"}}, "train.peak_lr must be a number, got 'fast'"),
    ],
)
def test_train_fusion_names_a_bad_setting_in_one_line(
    run_ltmt: Runner, tiny_model_dir: Path, tmp_path: Path, change: dict, message: str
):  # type: ignore[type-arg]
    import yaml

    path = _combiner_config(tmp_path, tmp_path / "no-data")
    config = yaml.safe_load(path.read_text("utf-8"))
    for key, value in change.items():
        config[key] = {**config[key], **value} if isinstance(value, dict) else value
    path.write_text(yaml.safe_dump(config), "utf-8")
    code, _, err = run_ltmt(
        "train", "fusion", "--config", str(path), "--base", str(tiny_model_dir),
        "--output", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 1
    assert err.startswith(f"ltmt: error: {path}: {message}") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("stopped_by", "code", "message"),
    [
        (None, 0, ""),
        ("SIGINT", 130, "ltmt: interrupted at step 7; saved last/ (resume with --resume)\n"),
        ("SIGTERM", 143, "ltmt: terminated at step 7; saved last/ (resume with --resume)\n"),
    ],
)
def test_train_base_stopped_by_a_signal_exits_as_a_signal_ends_a_process(
    run_ltmt: Runner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stopped_by: str | None,
    code: int,
    message: str,
) -> None:
    def trained(*args: object, **kwargs: object) -> dict[str, object]:
        return {"output": str(tmp_path / "run"), "step": 7, "stopped_by": stopped_by}

    monkeypatch.setattr("ltmt.train.base.train_base", trained)
    config = tmp_path / "base.yaml"
    config.write_text("train: {max_steps: 10}\n", "utf-8")
    status, out, err = run_ltmt("train", "base", "--config", str(config))
    assert (status, err) == (code, message)
    assert json.loads(out)["step"] == 7  # the summary, as a finished run prints it
