"""JSON as the CLI's ``--json`` options print it: indented, not ASCII-escaped; and a run whose
report is JSON (``ltmt translate --json``), whose warnings and errors go into that JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from ltmt.cli.json_failures import report_printed
from ltmt.errors import ChoiceError, LtmtError

_LOGGER = logging.getLogger("ltmt")


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, its text as written (``ü``, not ``\\u00fc``)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    report_printed()


class _WarningCollector(logging.Handler):
    """Keeps each message logged as a warning (or worse) once, in the order logged."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


@contextmanager
def logged_warnings() -> Iterator[list[str]]:
    """The messages logged as warnings on ltmt's loggers during the block, each once, and
    the command's own (:func:`warn`): a ``--json`` report's ``warnings``. They are not printed
    as well: standard error holds the report alone, for a script to parse (the server's
    answers carry theirs the same way: :mod:`ltmt.server.request_warnings`)."""
    messages: list[str] = []
    collector = _WarningCollector(messages)
    propagate = _LOGGER.propagate
    _LOGGER.addHandler(collector)
    _LOGGER.propagate = False  # the command's log handler prints none of them
    try:
        yield messages
    finally:
        _LOGGER.removeHandler(collector)
        _LOGGER.propagate = propagate


def warn(message: str) -> None:
    """Say a command's warning: ``ltmt: warning: MESSAGE`` on standard error, or within
    :func:`logged_warnings` into the report that collects them, and nowhere else."""
    if any(isinstance(handler, _WarningCollector) for handler in _LOGGER.handlers):
        _LOGGER.warning(message)
    else:
        typer.echo(f"ltmt: warning: {message}", err=True)


def echo_report(data: dict[str, Any], *, to_stdout: bool) -> None:
    """Print a run's report as one line of JSON: on standard output where the run's output
    went to a file, else on standard error."""
    typer.echo(json.dumps(data, ensure_ascii=False), err=not to_stdout)
    report_printed()


@contextmanager
def errors_as_report(enabled: bool, *, to_stdout: bool, error_status: int = 1) -> Iterator[None]:
    """Where ``enabled`` (``--json``), an error of the block is printed as the report it
    stops, ``{"error": "..."}`` (:func:`echo_report`), and the command exits with its status:
    2 for a bad option value, else ``error_status`` (``ltmt qa``'s 2: its 1 says a finding
    failed the file); without it, errors go up to the entry point, which says them as
    ``ltmt: error: ...``, or, with an ``error_status`` other than the entry point's 1, are said
    so here and exit with it."""
    from ltmt.cli.main import click_errors

    try:
        yield
    except LtmtError as exc:
        if not enabled and error_status == 1:
            raise
        if enabled:
            echo_report({"error": str(exc)}, to_stdout=to_stdout)
        else:
            typer.echo(f"ltmt: error: {exc}", err=True)
        raise typer.Exit(2 if isinstance(exc, ChoiceError) else error_status) from exc
    except click_errors.UsageError as exc:
        if not enabled:
            raise
        echo_report({"error": " ".join(exc.format_message().split())}, to_stdout=to_stdout)
        raise typer.Exit(exc.exit_code) from exc
