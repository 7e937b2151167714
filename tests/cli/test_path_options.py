"""Paths on the command line: an empty one is refused by every command, never read as ``.``."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

import ltmt.cli

Runner = Callable[..., tuple[int, str, str]]

EMPTY_PATH = "an empty path was given; check the variable that names the file"


@pytest.mark.parametrize(
    "args",
    [
        ["memory", "import", "", "--user", "emptyvar"],
        ["translate", "", "--user", "u1", "-o", "out"],
        ["translate", "-", "-o", ""],
        ["qa", ""],
        ["memory", "export", "--user", "u1", "-o", ""],
        ["memory", "search", "hello", "--user", "u1", "--memory-dir", ""],
        ["glossary", "import", "", "--user", "u1"],
        ["eval", "--hyp", "", "--ref", "r.txt"],
    ],
)
def test_an_empty_path_is_a_usage_error(
    run_ltmt: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # the folder an empty path used to name
    (tmp_path / "a.tsv").write_text("Hello\tHallo\n", encoding="utf-8")
    code, out, err = run_ltmt(*args)
    assert code == 2 and out == ""
    assert EMPTY_PATH in err and err.count("\n") == 1


def _path_parameters_without_parser(source: str) -> list[str]:
    """The parameters of ``source`` annotated as a path whose typer declaration names no
    ``parser`` (the one that refuses an empty path)."""
    missing = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef):
            continue
        arguments = node.args.args[len(node.args.args) - len(node.args.defaults) :]
        for argument, default in zip(arguments, node.args.defaults, strict=True):
            declared = isinstance(default, ast.Call) and ast.unparse(default.func) in (
                "typer.Option",
                "typer.Argument",
            )
            is_path = argument.annotation is not None and "Path" in ast.unparse(argument.annotation)
            if declared and is_path:
                assert isinstance(default, ast.Call)
                if not any(keyword.arg == "parser" for keyword in default.keywords):
                    missing.append(f"{node.name}({argument.arg})")
    return missing


def test_every_path_parameter_refuses_an_empty_path() -> None:
    folder = Path(ltmt.cli.__file__).parent
    missing = {
        file.name: found
        for file in sorted(folder.glob("*.py"))
        if (found := _path_parameters_without_parser(file.read_text(encoding="utf-8")))
    }
    assert missing == {}


def test_a_leading_tilde_is_the_home_folder_in_every_path_option(
    run_ltmt: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 69: a shell does not expand ``~`` after ``=`` in a long option, and --memory-dir
    alone expanded it: 'cannot write ~/notes.de.txt: directory ~ does not exist'; the input,
    --output, --source-file and --glossary too are the home folder's now."""
    from ltmt.cli.path_options import given_path, given_path_name

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    assert given_path_name("~/notes.de.txt") == str(home / "notes.de.txt")
    assert given_path("~") == home
    assert given_path_name("-") == "-" and given_path_name("a~b.txt") == "a~b.txt"
    (home / "en.txt").write_text("Hello\n", encoding="utf-8")
    (home / "de.txt").write_text("Hallo\n", encoding="utf-8")
    code, out, err = run_ltmt("qa", "~/de.txt", "--source-file=~/en.txt")
    assert (code, out) == (0, "1 entry checked: nothing found\n"), err
