"""JSON on standard output as the CLI's ``--json`` options print it: indented, not ASCII-escaped."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, its text as written (``ü``, not ``\\u00fc``)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


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
    """The messages logged as warnings on ltmt's loggers during the block, each once: a
    ``--json`` report's ``warnings``, as a script reading the report alone never sees standard
    error (the server's answers carry theirs the same way:
    :mod:`ltmt.server.request_warnings`)."""
    messages: list[str] = []
    collector = _WarningCollector(messages)
    logger = logging.getLogger("ltmt")
    logger.addHandler(collector)
    try:
        yield messages
    finally:
        logger.removeHandler(collector)
