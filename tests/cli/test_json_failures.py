"""A failed ``--json`` run of any command is one JSON object, ``{"error": "..."}``, with the
exit status the same failure has without ``--json`` (session 73: ``memory import``,
``memory stats`` and a command line that did not parse said theirs as a stderr line, and an
interrupted ``translate --json`` wrote no report)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from ltmt.cli import main
from ltmt.cli.json_failures import JsonFailures, json_report_on_stdout, json_requested

Runner = Callable[..., tuple[int, str, str]]


@pytest.mark.parametrize(
    ("words", "requested"),
    [
        (["translate", "a.txt", "--json"], True),
        (["memory", "import", "--json", "a.po"], True),
        (["qa", "a.po", "--json", "--thread", "1"], True),  # a line that does not parse too
        (["translate", "a.txt"], False),
        (["translate", "a.txt", "--", "--json"], False),  # a file named --json
        (["memory", "export", "--json"], False),  # export takes no --json
        (["memory", "--json"], False),  # a group, not a command
        (["--json"], False),
    ],
)
def test_json_is_requested_where_the_named_command_takes_it_and_is_given_it(
    words: list[str], requested: bool
) -> None:
    main._register()
    assert json_requested(typer.main.get_command(main.app), words) is requested


@pytest.mark.parametrize(
    ("words", "on_stdout"),
    [
        (["translate", "a.txt", "--json"], False),  # the translation is on stdout
        (["translate", "a.txt", "--json", "-o", "-"], False),
        (["translate", "a.txt", "--json", "--treads", "1"], False),  # a line that does not parse
        (["translate", "a.txt", "--json", "-o", "de.txt"], True),
        (["translate", "a.txt", "--json", "--output=de.txt"], True),
        (["translate", "a.txt", "--json", "-ode.txt"], True),
        (["translate", "a.txt", "-o", "de.txt", "--json", "-o", "-"], False),  # the last one
        (["translate", "a.txt", "--json", "--", "-o", "de.txt"], False),  # a file named -o
        (["memory", "import", "a.po", "--json"], True),
        (["qa", "a.po", "--json"], True),
    ],
)
def test_translates_report_goes_to_stderr_where_its_translation_goes_to_stdout(
    words: list[str], on_stdout: bool
) -> None:
    main._register()
    assert json_report_on_stdout(typer.main.get_command(main.app), words) is on_stdout


@pytest.mark.parametrize(
    ("failures", "said", "out", "err"),
    [
        (JsonFailures(requested=True), True, '{"error": "nope"}\n', ""),
        (JsonFailures(requested=True, to_stdout=False), True, "", '{"error": "nope"}\n'),
        (JsonFailures(requested=False), False, "", ""),  # the entry point's line says it
        (JsonFailures(requested=True, printed=True), False, "", ""),  # no second object
    ],
)
def test_a_failure_is_said_as_json_once_where_the_report_goes(
    capsys: pytest.CaptureFixture[str], failures: JsonFailures, said: bool, out: str, err: str
) -> None:
    assert failures.said("nope") is said
    assert capsys.readouterr() == (out, err)


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (["memory", "import", "nope.po", "-u", "bot"], 1, "nope.po: file not found"),
        (["qa", "nope.po"], 2, "nope.po: file not found"),  # qa's 1 is a failed check
        (["memory", "stats", "--user", "bott"], 1, "no memory store at store: check"),
        (["memory", "search", "x", "--user", "bott"], 1, "no memory store at store: check"),
        (
            ["translate", "a.txt", "-o", "de.txt", "--thread", "1"],  # the report on stdout
            2,
            "No such option: --thread (Possible options: --threads). See 'ltmt translate --help'.",
        ),
        (
            ["memory", "import", "nope.po"],
            2,
            "Missing option '--user' / '-u'. See 'ltmt memory import --help'.",
        ),
        (["translate", "nope.json", "-o", "out.json"], 1, "input file not found: nope.json"),
    ],
)
def test_a_failure_under_json_is_one_json_object_on_stdout_with_the_same_status(
    run_ltmt: Runner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    code: int,
    error: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LTMT_HOME", "store")
    (tmp_path / "a.txt").write_text("Hello\n", "utf-8")
    plain = run_ltmt(*args)
    assert plain[:2] == (code, "") and plain[2].startswith(f"ltmt: error: {error}")
    got_code, out, err = run_ltmt(*args, "--json")
    assert (got_code, err) == (code, "")
    assert list(json.loads(out)) == ["error"] and json.loads(out)["error"].startswith(error)
    assert out.count("\n") == 1  # one line, as translate's report is


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (["translate", "nope.json"], 1, "input file not found: nope.json"),
        (["translate", "nope.json", "-o", "-"], 1, "input file not found: nope.json"),
        # trial s74: a usage error went to stdout, into the file saved as the translation
        (
            ["translate", "a.txt", "--treads", "1"],
            2,
            "No such option: --treads (Possible options: --threads). See 'ltmt translate --help'.",
        ),
    ],
)
def test_translate_to_stdout_says_its_error_where_its_report_goes_on_stderr(
    run_ltmt: Runner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    code: int,
    error: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Hello\n", "utf-8")
    got_code, out, err = run_ltmt(*args, "--json")
    assert (got_code, out) == (code, "")
    assert json.loads(err) == {"error": error}


INTERRUPTED = """
import sys
import typer
from ltmt.cli import main

app = typer.Typer()


@app.command()
def work(as_json: bool = typer.Option(False, "--json")) -> None:
    raise KeyboardInterrupt


@app.command()
def other() -> None:
    pass


main._register = lambda: None
main.app = app
main.run(sys.argv[1:])
"""


@pytest.mark.parametrize(
    ("args", "out", "err"),
    [
        (["work", "--json"], '{"error": "interrupted"}\n', ""),
        (["work"], "", "ltmt: interrupted\n"),
    ],
)
def test_an_interrupt_under_json_is_the_report_and_exits_130(
    args: list[str], out: str, err: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED, *args],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, out, err)
