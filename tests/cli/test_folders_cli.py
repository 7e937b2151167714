"""``ltmt translate FOLDER -o OUT``: a folder's files into the same places, one model load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_translate_cli import run_cli

STRINGS = (
    '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
    '    <string name="open">open the file %s</string>\n'
    "</resources>\n"
)


@pytest.fixture
def common(tiny_model_dir, tmp_path):
    return ["--model", str(tiny_model_dir), "--memory-dir", str(tmp_path / "store"), "--beam", "1"]


def _project(tmp_path: Path) -> Path:
    values = tmp_path / "res" / "values"
    (values / "nested").mkdir(parents=True)
    (values / "strings.xml").write_text(STRINGS, "utf-8")
    (values / "nested" / "notes.txt").write_text("hello world\n", "utf-8")
    (values / "colors.xml").write_text(
        '<resources>\n    <color name="red">#f00</color>\n</resources>\n', "utf-8"
    )
    (values / "icon.png").write_bytes(b"\x89PNG")
    (values / ".hidden").mkdir()
    (values / ".hidden" / "x.txt").write_text("secret\n", "utf-8")
    return values


def test_a_folder_is_translated_file_by_file(tmp_path, capsys, common):
    values = _project(tmp_path)
    out = tmp_path / "res" / "values-de"
    code, stdout, err = run_cli(
        ["translate", str(values), "-o", str(out), "--json", *common], capsys
    )
    assert code == 0, err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["nested/notes.txt", "strings.xml"]  # nothing else made
    assert "%s" in (out / "strings.xml").read_text("utf-8")
    report = json.loads(stdout)
    assert report["units"] == 2 and report["files_skipped"] == 2
    assert [Path(f["file"]).name for f in report["files"]] == ["notes.txt", "strings.xml"]

    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert "ltmt: strings.xml: 0 segments, 1 kept" in err
    assert (
        "ltmt: skipped 1 file of no format ltmt translates, 1 file with nothing to translate" in err
    )
    assert "ltmt: 2 files, 1 segment " in err  # plain text is written anew


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "res/values is a folder: give --output FOLDER for its translations"),
        (["-o", "res/values/de"], "--output res/values/de is inside the folder res/values"),
        (["-o", "missing/de"], "cannot write into missing/de: directory missing does not exist"),
        (["-o", "res/values-de", "--format", "po"], "--format names one file's format"),
    ],
)
def test_bad_folder_runs_fail_before_the_model_loads(tmp_path, capsys, monkeypatch, args, message):
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["translate", "res/values", *args, "--model", "no/such/model"], capsys)
    assert code == 1
    assert message in err


def test_a_malformed_file_stops_the_run_before_anything_is_translated(tmp_path, capsys, common):
    values = _project(tmp_path)
    (values / "broken.xml").write_text("<resources><string name='a'>", "utf-8")
    out = tmp_path / "res" / "values-de"
    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 1
    assert "broken.xml:1:" in err
    assert not out.exists()


def test_a_translated_folder_is_imported_beside_its_source_folder(tmp_path, capsys, common):
    values = _project(tmp_path)
    german = tmp_path / "res" / "values-de"
    german.mkdir()
    (german / "strings.xml").write_text(
        STRINGS.replace("open the file %s", "Datei %s öffnen"), "utf-8"
    )
    (german / "de.po").write_text('msgid "hello world"\nmsgstr "Hallo Welt"\n', "utf-8")
    (german / "notes.txt").write_text("Hallo\n", "utf-8")  # no format imports plain text
    store = common[3]
    args = ["memory", "import", str(german), "--user", "u1", "--memory-dir", store]
    code, out, err = run_cli([*args, "--source-file", str(values)], capsys)
    assert code == 0, err
    assert "ltmt: 2 files read; skipped 1 file of no format ltmt imports" in err
    assert "imported values-de into u1: 2 added" in out
    code, _, err = run_cli(args, capsys)  # the strings.xml has no source file beside it now
    assert code == 0, err
    assert "skipped 1 file holding one language with no source file beside" in err
