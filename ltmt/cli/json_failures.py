"""A failed ``--json`` run said as its report: ``{"error": "..."}``, whichever command it was.

The entry point (:func:`ltmt.cli.main.run`) says every failure that reaches it (an error, a
command line that does not parse, an interrupt) through :class:`JsonFailures`, so that a
script parses one shape from every command that takes ``--json``; a command whose report goes
elsewhere than standard output (``ltmt translate`` to standard output) says so with
:func:`report_on_stdout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ltmt.cli.json_output import echo_report

try:  # typer ≥ 0.22 carries its own copy of click
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import get_current_context  # type: ignore[no-redef]


@dataclass
class JsonFailures:
    """How the run's failure is said: as the JSON report ``{"error": "..."}`` where
    ``requested`` (the command takes ``--json`` and was given it), on standard output unless
    ``to_stdout`` is false; else as the entry point's ``ltmt: error: ...`` line."""

    requested: bool
    to_stdout: bool = True

    def said(self, message: str) -> bool:
        """Print ``message`` as the run's JSON report where one was asked for; whether it was."""
        if self.requested:
            echo_report({"error": message}, to_stdout=self.to_stdout)
        return self.requested


def json_requested(root: Any, words: Sequence[str]) -> bool:
    """Whether the command line ``words`` (without the program's name) asks the command it
    names, under the click group ``root``, for ``--json``: the command takes the option and
    ``--json`` is among the words after its name (before a ``--``). Read from the words, not
    from parsed options: a line that does not parse (``--thread 1``) is to be said as JSON
    too, and click parses nothing of it."""
    command, rest = root, list(words)
    while rest and (found := getattr(command, "commands", {}).get(rest[0])) is not None:
        command, rest = found, rest[1:]
    if "--" in rest:
        rest = rest[: rest.index("--")]
    takes_json = any("--json" in getattr(param, "opts", ()) for param in command.params)
    return takes_json and "--json" in rest


def report_on_stdout(to_stdout: bool) -> None:
    """Tell the entry point where the running command's ``--json`` report goes: standard
    output, or (``to_stdout`` false, where the command's output goes there) standard error.
    Without a run of the entry point (a command called on its own) nothing is told."""
    context = get_current_context(silent=True)
    failures = context.find_object(JsonFailures) if context is not None else None
    if failures is not None:
        failures.to_stdout = to_stdout
