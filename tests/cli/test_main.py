"""The entry point: help, and command lines that do not parse, each answered in one line."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

Runner = Callable[..., tuple[int, str, str]]


def test_no_arguments_prints_the_help(run_ltmt: Runner) -> None:
    code, out, err = run_ltmt()
    assert code == 0 and "Usage: ltmt" in out and "translate" in out and err == ""


def test_a_group_without_a_command_prints_its_help(run_ltmt: Runner) -> None:
    code, out, _ = run_ltmt("memory")
    assert code == 0 and "Usage: ltmt memory" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["translate", "--usr", "u1", "a.txt"],
            "ltmt: error: No such option: --usr (Possible options: --new-user, --strict, --user)."
            " See 'ltmt translate --help'.",
        ),
        (
            ["memory", "export", "--user", "u1"],
            "ltmt: error: Missing option '--output' / '-o'. See 'ltmt memory export --help'.",
        ),
        (
            ["trnaslate", "a.txt"],
            "ltmt: error: No such command 'trnaslate'. Did you mean 'translate'? See 'ltmt --help'.",
        ),
        (
            ["translate", "--beam", "four", "a.txt"],
            "ltmt: error: Invalid value for '--beam': ",
        ),
        (  # click gives a missing value no context: it pointed at 'ltmt --help'
            ["translate", "a.txt", "--output"],
            "ltmt: error: Option '--output' requires an argument. See 'ltmt translate --help'.",
        ),
        (
            ["memory", "search", "--user"],
            "ltmt: error: Option '--user' requires an argument. See 'ltmt memory search --help'.",
        ),
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(
    run_ltmt: Runner, args: list[str], message: str
) -> None:
    code, out, err = run_ltmt(*args)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_version_prints_the_package_version(run_ltmt: Runner) -> None:
    from ltmt import __version__

    assert run_ltmt("--version") == (0, f"ltmt {__version__}\n", "")


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("memory", "import"), "if any line is malformed, nothing is written. The pairs are then"),
        (("translate",), "PO and XLIFF files get their untranslated entries filled"),
    ],
)
def test_help_paragraphs_are_rewrapped_not_broken_at_source_lines(
    run_ltmt: Runner, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], sentence: str
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # wide enough that each paragraph is one line
    code, out, _ = run_ltmt(*args, "--help")
    assert code == 0 and sentence in out


@pytest.mark.parametrize(
    ("args", "said", "not_said"),
    [
        ((), "stats, users, warm, delete", None),
        (("memory",), "stats, users, warm, delete", None),
        (("translate", "--help"), "txt, paragraphs, jsonl, po, xliff", None),
        (
            ("translate", "--help"),
            "one-language files (Android, JSON, YAML, properties ...): retranslate",
            "Android/JSON:",
        ),
        (  # session 71: it said PO/XLIFF, and --exact-approved works for .ts and .xcstrings
            ("translate", "--help"),
            "PO, XLIFF, Qt .ts, Xcode .xcstrings (the formats that mark review): entries filled "
            "from a 100% match",
            "PO/XLIFF: entries filled",
        ),
        (("serve", "--help"), "none, knn, attention, knn-trained, auto", None),
        (("glossary", "delete", "--help"), "any case, or with --case-sensitive", None),
        # commands that never make a store: no word of a key making one encrypted
        (("memory", "search", "--help"), "Store key of an encrypted store", "new store"),
        (("glossary", "list", "--help"), "Store key of an encrypted store", "new store"),
        (("keys", "revoke", "--help"), "Store key of an encrypted store", "new store"),
        (("qa", "--help"), "Store key of an encrypted store", "new store"),
        (
            ("memory", "import", "--help"),
            "given to a new store, it makes the store encrypted",
            None,
        ),
    ],
)
def test_help_names_what_the_command_does(
    run_ltmt: Runner,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    said: str,
    not_said: str | None,
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # each paragraph one line
    code, out, _ = run_ltmt(*args)
    assert code == 0 and said in out
    assert not_said is None or not_said not in out


@pytest.mark.parametrize("args", [("-h",), ("translate", "-h"), ("memory", "import", "-h")])
def test_dash_h_is_help(run_ltmt: Runner, args: tuple[str, ...]) -> None:
    code, out, err = run_ltmt(*args)
    assert code == 0 and "Usage: ltmt" in out and err == ""


def test_a_mistyped_ltmt_variable_is_warned_about_before_the_command_runs(
    run_ltmt: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt import __version__

    monkeypatch.setenv("LTMT_KEYFILE", "/tmp/store.key")
    monkeypatch.setenv("LTMT_HOME", "/tmp/ltmt-home")  # read: no warning
    code, out, err = run_ltmt("--version")
    assert (code, out) == (0, f"ltmt {__version__}\n")
    assert err == (
        "ltmt: warning: LTMT_KEYFILE is set, but ltmt reads no such variable: "
        "did you mean LTMT_KEY_FILE (the memory store's encryption key)?\n"
    )


def test_a_bad_ltmt_numpy_avx512_is_an_error_before_the_command_runs(
    run_ltmt: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTMT_NUMPY_AVX512", "maybe")
    code, out, err = run_ltmt("memory", "users")
    assert (code, out) == (1, "")
    assert err.startswith("ltmt: error: LTMT_NUMPY_AVX512='maybe' is neither a yes nor a no")


def test_what_the_library_logs_reads_like_the_commands_own_warnings() -> None:
    import logging

    from ltmt.cli.main import CommandLogFormat

    record = logging.LogRecord("ltmt.formats.tmx", logging.WARNING, "", 0, "%d left", (2,), None)
    assert CommandLogFormat().format(record) == "ltmt: warning: 2 left"


INTERRUPTED_WHILE_DECODING = """
import threading, time
from ltmt.cli import main

threading.Thread(target=time.sleep, args=(60,)).start()  # a decoding thread mid-batch


def interrupted(**_):
    raise KeyboardInterrupt


main._register = lambda: None
main.app = interrupted
main.run(["translate", "in.txt"])
"""


def test_an_interrupt_exits_at_once_with_130_while_decoding_threads_run() -> None:
    """The interpreter's exit would wait for the running threads, then tear CTranslate2's thread
    pool down under them (``terminate called without an active exception``)."""
    import subprocess
    import sys
    import time

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_DECODING],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert (done.returncode, done.stderr) == (130, "ltmt: interrupted\n")
    assert time.monotonic() - started < 30


TERMINATED_WHILE_WORKING = """
import os, signal, time
import typer
from ltmt.cli import main

app = typer.Typer()


@app.command()
def work() -> None:
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # timeout, docker stop, systemd
        time.sleep(30)
    except KeyboardInterrupt:
        print("saved", flush=True)  # what a translation saves on Ctrl-C
        raise


@app.command()
def other() -> None:
    pass


main._register = lambda: None
main.app = app
main.run(["work"])
"""


def test_sigterm_saves_what_an_interrupt_saves_and_exits_143() -> None:
    """SIGTERM ended a translation with nothing saved and nothing said; now it is an interrupt
    to the command, and the exit status is a SIGTERM's."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", TERMINATED_WHILE_WORKING],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (143, "saved\n", "ltmt: terminated\n")


def test_formats_lists_every_format_of_the_registry(run_ltmt: Runner) -> None:
    import json

    from ltmt.formats.registry import FORMATS

    code, out, err = run_ltmt("formats", "--json")
    assert (code, err) == (0, "")
    rows = {row["name"]: row for row in json.loads(out)}
    assert list(rows) == [*FORMATS, "xcloc"]  # a bundle (a folder) too: it was missing
    xcloc = rows["xcloc"]
    assert (xcloc["translate"], xcloc["import"], xcloc["export"], xcloc["folder"]) == (
        True,
        True,
        False,
        True,
    )
    assert rows["odf"]["extensions"][:4] == [".odt", ".ods", ".odp", ".odg"]
    assert (rows["odf"]["translate"], rows["odf"]["import_needs_source_file"]) == (True, True)
    tmx = rows["tmx"]
    assert (tmx["translate"], tmx["import"], tmx["export"]) == (False, True, True)
    code, out, _ = run_ltmt("formats")
    table = out.splitlines()
    assert code == 0 and table[0].split()[:4] == ["format", "translate", "import", "export"]
    assert table[1].split()[:4] == ["txt", "yes", "yes*", "-"]  # with its source, line by line
    assert any(line.startswith("docx ") and " yes* " in line for line in table)
    assert table[-2].startswith("xcloc ") and " .xcloc — Xcode localization catalog" in table[-2]


# the command line as its console script runs it
LTMT = [sys.executable, "-c", "import sys; from ltmt.cli.main import run; run(sys.argv[1:])"]


def test_a_reader_that_closed_the_pipe_ends_the_command_quietly_with_141(tmp_path) -> None:
    # ltmt memory export -o - | head: the CLI's framework exited 1 with no word
    import os
    import subprocess

    reader, writer = os.pipe()
    os.close(reader)
    store = tmp_path / "store"
    add = ["memory", "add", "-u", "u1", "--source", "a", "--target", "b", "--memory-dir", store]
    subprocess.run([*LTMT, *map(str, add)], check=True)
    export = ["memory", "export", "-u", "u1", "-o", "-", "--format", "jsonl", "--memory-dir"]
    done = subprocess.run(
        [*LTMT, *export, str(store)],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    os.close(writer)
    assert (done.returncode, done.stderr) == (141, "")


def test_standard_output_is_utf8_whatever_the_locale_says(tmp_path) -> None:
    # a C or Latin-1 locale's stdout failed on the first umlaut, the run's work lost
    import os
    import subprocess

    store = tmp_path / "store"
    add = ["memory", "add", "-u", "u1", "--source", "Open", "--target", "Öffnen"]
    search = ["memory", "search", "-u", "u1", "Open"]
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    for args in (add, search):
        done = subprocess.run(
            [*LTMT, *args, "--memory-dir", str(store)],
            capture_output=True,
            env=env,
            check=False,
        )
    assert done.returncode == 0
    assert done.stdout == "100.00\t1\tOpen\tÖffnen\n".encode()


def test_the_librarys_warnings_still_print_on_the_command_line(tmp_path) -> None:
    # session 70: ltmt's logger got a NullHandler for hosts that configure no logging; the
    # command's own handler still prints what the library warns of
    import subprocess

    from ltmt import Memory

    key = Memory.generate_key_file(tmp_path / "store.key")
    key.chmod(0o644)
    add = ["memory", "add", "-u", "u1", "--source", "a", "--target", "b"]
    store = ["--memory-dir", str(tmp_path / "store"), "--key-file", str(key)]
    done = subprocess.run([*LTMT, *add, *store], capture_output=True, text=True, check=True)
    assert done.stderr.startswith(
        f"ltmt: warning: key file {key} can be read by others than its owner (mode 0644)"
    )
