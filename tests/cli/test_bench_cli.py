"""``ltmt bench``: a small run through the command line (config + flags), and its error paths."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ltmt.cli.main import run

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"


def ltmt(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        run(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_bench_with_config_and_flags(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "bench.yaml"
    config.write_text(
        f"data_dir: {DATA}\nusers_dir: users\nsystems: [base, tm]\nbeam: 3\nlimit: 4\n", "utf-8"
    )
    out = tmp_path / "out"
    code, stdout, stderr = ltmt(
        [
            "bench",
            "--config",
            str(config),
            "--model",
            str(tiny_model_dir),
            "--beam",
            "1",
            "--threads",
            "1",
            "--limit",
            "2",
            "--output",
            str(out),
        ],
        capsys,
    )
    assert code == 0, stderr
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert (
        results["config"]["beam"] == 1 and results["config"]["limit"] == 2
    )  # flags override the file
    assert results["config"]["users_dir"] == str(DATA / "users")  # read against data_dir
    assert list(results["systems"]) == ["base", "tm"]
    assert results["systems"]["tm"]["segments"] == 4
    assert (out / "results.md").is_file() and (out / "bands.png").is_file()
    assert stdout.splitlines()[0] == "all users:"
    assert re.match(
        r"  base +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+$", stdout.splitlines()[2]
    )
    assert "ltmt: alpha: base translated 2 segments in " in stderr
    assert f"ltmt: wrote {out / 'results.json'}" in stderr


@pytest.mark.parametrize(("flag", "guarded"), [([], True), (["--no-copy-guard"], False)])
def test_copy_guard_reaches_the_systems_and_the_report(
    tiny_model_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flag: list[str],
    guarded: bool,
) -> None:
    from ltmt.translator import Translator

    seen: list[bool] = []  # the copy guard of every translator made for the knn system
    original = Translator.__init__

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("fusion") == "knn":
            seen.append(kwargs.get("copy_guard", True))
        original(self, *args, **kwargs)

    monkeypatch.setattr(Translator, "__init__", spy)
    out = tmp_path / "out"
    options = ["--model", str(tiny_model_dir), "--threads", "1", "--limit", "1", "--beam", "1"]
    users = ["--users-dir", str(DATA / "users")]
    code, _, stderr = ltmt(
        ["bench", *users, "--systems", "knn", *options, *flag, "--output", str(out)], capsys
    )
    assert code == 0, stderr
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert results["config"]["copy_guard"] is guarded
    assert seen and set(seen) == {guarded}


@pytest.mark.parametrize("encoder", ["auto", "torch"])
def test_fusion_encoder_reaches_the_fused_systems(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], encoder: str
) -> None:
    from ltmt.model.backbone import fusion_weights_for, load_backbone
    from ltmt.model.fast_encoder import refusal

    out = tmp_path / "out"
    options = ["--model", str(tiny_model_dir), "--threads", "1", "--limit", "1", "--beam", "1"]
    code, _, stderr = ltmt(
        [
            "bench",
            "--users-dir",
            str(DATA / "users"),
            "--systems",
            "base,knn",
            *options,
            "--fusion-encoder",
            encoder,
            "--output",
            str(out),
        ],
        capsys,
    )
    assert code == 0, stderr
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert results["config"]["fusion_encoder"] == encoder
    decided = fusion_weights_for(load_backbone(tiny_model_dir), None, None)
    expected = "ctranslate2" if encoder == "auto" and not refusal(decided) else "torch"
    assert results["fused_encoder"] == {"base": "none", "knn": expected}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--users-dir", "{tmp}/nope"], r"users folder not found: .*nope"),
        (["--users-dir", "{tmp}"], r"no USER\.memory\.jsonl \+ USER\.test\.jsonl pairs in "),
        (
            [],
            r"nothing to benchmark: give users_dir \(--users-dir\) or general_dir",
        ),
        (["--general-dir", "{data}/general"], "general_dir and memory_user go together"),
        (
            ["--general-dir", "{data}/general", "--memory-user", "{tmp}/x.memory.jsonl"],
            r"memory file not found: .*x\.memory\.jsonl",
        ),
        (["--config", "{tmp}/nope.yaml"], r"config file not found: .*nope\.yaml"),
        (
            ["--users-dir", "{data}/users", "--model", "{tmp}/no-model"],
            r"model directory not found: .*no-model",
        ),
    ],
)
def test_errors(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "bench",
        *(a.format(tmp=tmp_path, data=DATA) for a in args),
        "--output",
        str(tmp_path / "out"),
    ]
    code, stdout, stderr = ltmt(argv, capsys)
    assert code == 1
    assert stdout == ""
    [line] = stderr.strip().splitlines()
    assert line.startswith("ltmt: error: ")
    assert re.search(message, line), line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--users-dir", "{data}/users", "--systems", "base,gpt"],
            r"unknown system\(s\) gpt; choose from base, tm",
        ),
        (
            ["--users-dir", "{data}/users", "--systems", "base,base"],
            r"system\(s\) named twice: base",
        ),
        (
            ["--users-dir", "{data}/users", "--fusion-encoder", "onnx"],
            "fusion_encoder must be auto, ctranslate2 or torch, got 'onnx'",
        ),
        (
            ["--users-dir", "{data}/users", "--fusion-option", "neighbours"],
            r"fusion option 'neighbours' is not KEY=VALUE \(e\.g\. neighbours=8\)",
        ),
        (
            ["--users-dir", "{data}/users", "--systems", ""],
            "systems is empty; name at least one of base, tm, tm-repair, exact, knn, attention, "
            "knn-trained, auto\\. See 'ltmt bench --help'\\.$",
        ),
        (
            ["--users-dir", "{data}/users", "--systems", "Base"],
            r"unknown system\(s\) Base; choose from base, tm",
        ),
        (
            ["--users-dir", "{data}/users", "--workers", "5", "--threads", "2"],
            "workers 5 is more than threads 2",
        ),
    ],
)
def test_bad_option_values_exit_2_before_anything_runs(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["bench", *(a.format(data=DATA) for a in args), "--output", str(tmp_path / "out")]
    code, stdout, stderr = ltmt(argv, capsys)
    assert code == 2 and stdout == ""
    [line] = stderr.strip().splitlines()
    assert line.startswith("ltmt: error: ") and re.search(message, line), line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("where", "code"),
    [("config", 1), ("option", 2)],  # a config's bad value as every other; a bad option value
)
def test_bad_fusion_weights_exit_as_their_kind_of_error(
    where: str, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "bench.yaml"
    config.write_text(f"users_dir: {DATA / 'users'}\n", "utf-8")
    if where == "config":
        config.write_text(f"users_dir: {DATA / 'users'}\nfusion_weights: int4\n", "utf-8")
    argv = ["bench", "--config", str(config), "--output", str(tmp_path / "out")]
    if where == "option":
        argv += ["--fusion-weights", "int4"]
    found, _, stderr = ltmt(argv, capsys)
    assert found == code
    assert "int4" in stderr and len(stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("existing", ["file", "results"])
def test_an_existing_output_is_refused_before_translating(
    existing: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    if existing == "file":
        out.write_text("", "utf-8")
    else:
        out.mkdir()
        (out / "results.json").write_text("{}", "utf-8")
    # no --model that exists: the refusal comes before the model loads
    argv = ["bench", "--users-dir", str(DATA / "users"), "--output", str(out)]
    code, stdout, stderr = ltmt([*argv, "--model", str(tmp_path / "no-model")], capsys)
    assert code == 1 and stdout == ""
    [line] = stderr.strip().splitlines()
    expected = "is a file; give --output a folder" if existing == "file" else "--overwrite"
    assert expected in line, line
    assert (out / "results.json").read_text("utf-8") == "{}" if existing == "results" else True


def test_bad_test_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "u.memory.jsonl").write_text('{"source": "a", "target": "b"}\n', "utf-8")
    (tmp_path / "u.test.jsonl").write_text(
        '{"source": "a", "target": "b"}\n{"src": "a"}\n', "utf-8"
    )
    code, _, stderr = ltmt(["bench", "--users-dir", str(tmp_path)], capsys)
    assert code == 1
    assert re.search(
        r"ltmt: error: .*u\.test\.jsonl:2: expected a JSON object with string 'source' and 'target'",
        stderr,
    )


@pytest.mark.slow
def test_bench_consistency_scores_the_memorys_terms(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["bench", "--users-dir", str(DATA / "users"), "--systems", "base,tm"]
    argv += ["--model", str(tiny_model_dir), "--beam", "1", "--threads", "1"]
    code, stdout, stderr = ltmt([*argv, "--consistency", "--output", str(out)], capsys)
    assert code == 0, stderr
    results = json.loads((out / "results.json").read_text("utf-8"))
    # alpha's memory translates "file" as "Datei" every time; its test segments say "file"
    tm = results["per_user"]["alpha"]["tm"]["memory_term_consistency"]
    assert tm["total"] > 0 and set(tm) == {"percent", "rendered", "total"}
    pooled = results["systems"]["base"]["memory_term_consistency"]
    assert pooled["total"] >= tm["total"]
    assert "terms%" in stdout.splitlines()[1]


def test_config_data_not_found_hints_at_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "bench.yaml"
    config.write_text("data_dir: /no/such/data\nusers_dir: users\n", "utf-8")
    code, out, err = ltmt(["bench", "--config", str(config)], capsys)
    assert code == 1 and out == ""
    assert err == (
        f"ltmt: error: {config}: users_dir not found: /no/such/data/users "
        "(pass --data-dir DIR, the folder that holds the data)\n"
    )
    # with the right --data-dir the paths are found: the next check (a bad system) speaks
    config.write_text("data_dir: /no/such/data\nusers_dir: users\nsystems: [bogus]\n", "utf-8")
    argv = ["bench", "--config", str(config), "--data-dir", str(DATA)]
    code, _, err = ltmt(argv, capsys)
    assert code == 1 and "users_dir" not in err and "bogus" in err


def test_the_systems_help_names_every_system_and_the_default() -> None:
    """``--systems``'s help is written out (the CLI does not import ``ltmt.bench`` to build it):
    it must say what ``ltmt.bench`` knows."""
    import inspect

    from ltmt.bench.config import DEFAULT_SYSTEMS
    from ltmt.bench.systems import known_system_names
    from ltmt.cli.bench import bench

    help_text = inspect.signature(bench).parameters["systems"].default.help
    named, default = help_text.removeprefix("Comma-separated, of ").split(" (default: ")
    assert sorted(named.split(", ")) == sorted(known_system_names())
    assert default.removesuffix(").").split(", ") == list(DEFAULT_SYSTEMS)
