"""A failed ``--json`` run said as its report: ``{"error": "..."}``, whichever command it was.

The entry point (:func:`ltmt.cli.main.run`) says every failure that reaches it (an error, a
command line that does not parse, an interrupt) through :class:`JsonFailures`, so that a
script parses one shape from every command that takes ``--json``. Where the report goes is
read from the command line (:func:`json_report_on_stdout`: ``ltmt translate`` with its
translation on standard output puts it on standard error, so a usage error too stays out of
the translation), and the running command says it again (:func:`report_on_stdout`) and that
its JSON is printed already (:func:`report_printed`: ``memory users --json`` lists the users
it can read, then fails on a damaged one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import typer

try:  # typer ≥ 0.22 carries its own copy of click
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import get_current_context  # type: ignore[no-redef]


@dataclass
class JsonFailures:
    """How the run's failure is said: as the JSON report ``{"error": "..."}`` where
    ``requested`` (the command takes ``--json`` and was given it) and no report is ``printed``
    yet (a second object would break the first's parse), on standard output unless
    ``to_stdout`` is false; else as the entry point's ``ltmt: error: ...`` line."""

    requested: bool
    to_stdout: bool = True
    printed: bool = False

    def said(self, message: str) -> bool:
        """Print ``message`` as the run's JSON report where one is to be; whether it was."""
        if not self.requested or self.printed:
            return False
        typer.echo(json.dumps({"error": message}, ensure_ascii=False), err=not self.to_stdout)
        return True


# the commands whose output goes to standard output unless their ``output`` option names a
# file (``-`` names standard output too), so that their --json report goes to standard error
_OUTPUT_ON_STDOUT = frozenset({"translate"})


def json_requested(root: Any, words: Sequence[str]) -> bool:
    """Whether the command line ``words`` (without the program's name) asks the command it
    names, under the click group ``root``, for ``--json``: the command takes the option and
    ``--json`` is among the words after its name (before a ``--``). Read from the words, not
    from parsed options: a line that does not parse (``--thread 1``) is to be said as JSON
    too, and click parses nothing of it."""
    command, rest = _named_command(root, words)
    takes_json = any("--json" in getattr(param, "opts", ()) for param in command.params)
    return takes_json and "--json" in rest


def json_report_on_stdout(root: Any, words: Sequence[str]) -> bool:
    """Whether the ``--json`` report of the command line ``words`` goes to standard output:
    not where the command writes its output there (:data:`_OUTPUT_ON_STDOUT`: ``translate
    a.txt``, ``translate a.txt -o -``; not ``translate a.txt -o de.txt``). Read from the words
    as :func:`json_requested` is, so that a line that does not parse is said on the report's
    stream too, not into the translation."""
    command, rest = _named_command(root, words)
    if getattr(command, "name", None) not in _OUTPUT_ON_STDOUT:
        return True
    output_opts: Sequence[str] = next(
        (param.opts for param in command.params if getattr(param, "name", None) == "output"), ()
    )
    output = _last_value(rest, output_opts)
    return output not in (None, "-")


def _named_command(root: Any, words: Sequence[str]) -> tuple[Any, list[str]]:
    """The command that ``words`` name under ``root`` and the words after its name, up to a
    ``--``."""
    command, rest = root, list(words)
    while rest and (found := getattr(command, "commands", {}).get(rest[0])) is not None:
        command, rest = found, rest[1:]
    if "--" in rest:
        rest = rest[: rest.index("--")]
    return command, rest


def _last_value(words: list[str], opts: Sequence[str]) -> str | None:
    """The value the last of ``words`` that gives an option of ``opts`` gives it (``-o x``,
    ``--output=x``, ``-ox``), as click keeps the last; None where none gives one."""
    value = None
    for index, word in enumerate(words):
        for opt in opts:
            if word == opt:
                value = words[index + 1] if index + 1 < len(words) else None
            elif opt.startswith("--") and word.startswith(f"{opt}="):
                value = word[len(opt) + 1 :]
            elif not opt.startswith("--") and word.startswith(opt) and len(word) > len(opt):
                value = word[len(opt) :]
    return value


def _running() -> JsonFailures | None:
    """The entry point's :class:`JsonFailures` for the command now running, if any (none for
    a command called on its own, as a test may)."""
    context = get_current_context(silent=True)
    return context.find_object(JsonFailures) if context is not None else None


def report_on_stdout(to_stdout: bool) -> None:
    """Tell the entry point where the running command's ``--json`` report goes: standard
    output, or (``to_stdout`` false, where the command's output goes there) standard error."""
    if (failures := _running()) is not None:
        failures.to_stdout = to_stdout


def report_printed() -> None:
    """Tell the entry point that the running command printed its JSON: a failure after it is
    said as the ``ltmt: error: ...`` line, the JSON on its stream left the one object there."""
    if (failures := _running()) is not None:
        failures.printed = True
