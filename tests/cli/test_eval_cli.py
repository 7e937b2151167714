"""``ltmt eval``: scores equal sacrebleu's own command line on the same files; errors exit 1."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ltmt.cli.main import run

HYPS = [
    "die Datei wurde nicht gefunden",
    "speichere die Datei als %s",
    "drücke <b>OK</b> um fortzufahren",
    "Hallo Welt",
]
REFS = [
    "die Datei wurde nicht gefunden",
    "Datei als %s speichern",
    "drücke <b>OK</b>, um fortzufahren",
    "hallo Welt",
]
SRCS = [
    "the file was not found",
    "save the file as %s",
    "press <b>OK</b> to continue",
    "hello world",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    return (
        write(tmp_path / "hyp.txt", HYPS),
        write(tmp_path / "ref.txt", REFS),
        write(tmp_path / "src.txt", SRCS),
    )


def ltmt(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        run(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_scored_as_sacrebleu(ours: dict[str, Any], hyp: Path, *refs: Path) -> None:
    """``ltmt eval --json``'s scores and signatures are sacrebleu's command line's for ``hyp``
    against ``refs``."""
    command = [sys.executable, "-m", "sacrebleu", *map(str, refs), "-i", str(hyp)]
    theirs = subprocess.run(
        [*command, "-m", "bleu", "chrf", "ter", "-w", "4"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    reported = {entry["name"]: entry for entry in json.loads(theirs)}
    for ours_name, name in (("bleu", "BLEU"), ("chrf", "chrF2"), ("ter", "TER")):
        assert round(ours[ours_name], 4) == reported[name]["score"]
        assert ours["signatures"][ours_name] == reported[name]["signature"]


def test_json_equals_sacrebleu_cli(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    hyp, ref, src = files
    code, out, _ = ltmt(
        ["eval", "--hyp", str(hyp), "--ref", str(ref), "--src", str(src), "--json"], capsys
    )
    assert code == 0
    ours = json.loads(out)
    assert_scored_as_sacrebleu(ours, hyp, ref)
    assert ours["placeholder_acc"] == 100.0
    assert ours["placeholders"] == [3, 3]
    assert ours["segments"] == 4


def test_table(files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    hyp, ref, src = files
    code, out, _ = ltmt(["eval", "--hyp", str(hyp), "--ref", str(ref), "--src", str(src)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("BLEU ") and "tok:13a" in lines[0]
    assert lines[1].startswith("chrF2 ") and "nc:6" in lines[1]
    assert lines[2].startswith("TER ") and "tok:tercom" in lines[2]
    assert lines[3] == "placeholders 100.00% kept (3/3), 0 added"
    assert lines[4] == "segments 4"


def test_without_src_has_no_placeholders(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    hyp, ref, _ = files
    code, out, _ = ltmt(["eval", "--hyp", str(hyp), "--ref", str(ref), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    for unmeasured in (
        "placeholder_acc",
        "placeholders",
        "placeholders_added",
        "numbers_lost",
        "accelerators_lost",
    ):
        assert data[unmeasured] is None, unmeasured


def test_several_refs_equal_sacrebleu_cli(
    files: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hyp, ref, _ = files
    ref2 = write(tmp_path / "ref2.txt", ["Datei nicht gefunden", *HYPS[1:3], "Hallo, Welt"])
    code, out, _ = ltmt(
        ["eval", "--hyp", str(hyp), "--ref", str(ref), "--ref", str(ref2), "--json"], capsys
    )
    assert code == 0
    ours = json.loads(out)
    assert_scored_as_sacrebleu(ours, hyp, ref, ref2)
    assert "nrefs:2" in ours["signatures"]["bleu"]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing_hyp", r"ltmt: error: hypothesis file not found: .*nope\.txt"),
        ("missing_ref", r"ltmt: error: reference file not found: .*nope\.txt"),
        ("missing_src", r"ltmt: error: source file not found: .*nope\.txt"),
        (
            "short_ref",
            r"ltmt: error: .*hyp\.txt has 4 lines but .*short\.txt has 3; they must align line",
        ),
        (
            "short_src",
            r"ltmt: error: .*hyp\.txt has 4 lines but .*short\.txt has 3; they must align line",
        ),
        (
            "bad_utf8",
            r"ltmt: error: .*bad\.txt:2:\d+: byte 0x[0-9a-f]{2} is not valid UTF-8",
        ),
        ("empty", r"ltmt: error: .*empty\.txt is empty: nothing to score"),
        (
            "short_second_ref",
            r"ltmt: error: .*hyp\.txt has 4 lines but .*short\.txt has 3; they must align line",
        ),
    ],
)
def test_errors(
    case: str,
    message: str,
    files: tuple[Path, Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hyp, ref, _ = files
    nope = str(tmp_path / "nope.txt")
    short = str(write(tmp_path / "short.txt", REFS[:3]))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xc3\x28\nx\ny\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    argv = {
        "missing_hyp": ["--hyp", nope, "--ref", str(ref)],
        "missing_ref": ["--hyp", str(hyp), "--ref", nope],
        "missing_src": ["--hyp", str(hyp), "--ref", str(ref), "--src", nope],
        "short_ref": ["--hyp", str(hyp), "--ref", short],
        "short_src": ["--hyp", str(hyp), "--ref", str(ref), "--src", short],
        "bad_utf8": ["--hyp", str(hyp), "--ref", str(bad)],
        "empty": ["--hyp", str(empty), "--ref", str(empty)],
        "short_second_ref": ["--hyp", str(hyp), "--ref", str(ref), "--ref", short],
    }[case]
    code, out, err = ltmt(["eval", *argv], capsys)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert re.search(message, err), err


def test_table_says_lost_numbers_and_accelerators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, hyp = tmp_path / "src.txt", tmp_path / "hyp.txt"
    src.write_text("&Open file 10\nE&xit\n_Quit\n", "utf-8")
    hyp.write_text("Datei 1 &öffnen\nBeenden\n_Beenden\n", "utf-8")
    code, out, _ = ltmt(["eval", "--hyp", str(hyp), "--ref", str(hyp), "--src", str(src)], capsys)
    assert code == 0
    assert "numbers 1 lost, keyboard accelerators 1 lost" in out.splitlines()


def test_a_hypothesis_in_another_unicode_form_is_warned_of_and_scored_as_sacrebleu(
    files: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import unicodedata

    _, ref, _ = files
    nfd = write(tmp_path / "nfd.txt", [unicodedata.normalize("NFD", line) for line in REFS])
    code, out, err = ltmt(["eval", "--hyp", str(nfd), "--ref", str(ref), "--json"], capsys)
    assert (code, err) == (0, "")  # --json: the warning is the object's (it was on stderr)
    data = json.loads(out)
    assert data["bleu"] < 100  # the score is sacrebleu's, unchanged
    [warning] = data["warnings"]
    assert re.search(r"^1 of 4 lines of .*nfd\.txt and .*ref\.txt are in diff", warning)
    code, out, err = ltmt(["eval", "--hyp", str(nfd), "--ref", str(ref)], capsys)
    assert code == 0 and "BLEU" in out
    assert re.search(r"ltmt: warning: 1 of 4 lines of .*nfd\.txt and .*ref\.txt are in diff", err)
