"""The warnings a request's own work logs, handed to its client instead of the server's log.

ltmt's readers and writers warn on the ``ltmt`` loggers (``fz.po: 1 fuzzy entries not read``,
``movie.srt: 1 cue now read faster than 17 characters a second``). On a server those lines went
to the log that every customer shares, naming the customer's file and the server's temporary
folder, while the client was told that all was well. An endpoint now runs its upload's work
inside :func:`collected_warnings`; while it runs, every warning logged on an ``ltmt`` logger
in that request's context (a :mod:`contextvars` variable: concurrent requests, each in its own
thread or task, keep their own) is kept for the answer, with the server's temporary paths
written as the upload's names, and the shared log gets nothing of it.

    with collected_warnings() as warnings:
        report = import_the_upload()
    return {..., "warnings": warnings.messages}
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

WARNINGS_HEADER = "X-Ltmt-Warnings"  # a file answer's warnings: a JSON list of strings


@dataclass
class Warnings:
    """The warnings of one request (``messages``) and the server paths its messages must not
    show (``names``: a temporary path -> what the client calls it)."""

    messages: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    def name(self, path: str, shown: str) -> None:
        """Write ``path`` as ``shown`` in this request's warnings (an upload's temporary file
        as the upload's name)."""
        self.names[path] = shown

    def add(self, message: str) -> None:
        for path in sorted(self.names, key=len, reverse=True):  # a file before its folder
            message = message.replace(path, self.names[path])
        self.messages.append(message)

    def header(self) -> dict[str, str]:
        """The response header of a file answer: ``X-Ltmt-Warnings: ["..."]`` (JSON with
        ASCII escapes, as a header must be), none when there are no warnings."""
        return {WARNINGS_HEADER: json.dumps(self.messages)} if self.messages else {}


_current: ContextVar[Warnings | None] = ContextVar("ltmt_request_warnings", default=None)


def current() -> Warnings | None:
    """The warnings being collected in this context (None outside :func:`collected_warnings`)."""
    return _current.get()


@contextmanager
def collected_warnings() -> Iterator[Warnings]:
    """Collect the warnings ``ltmt`` logs in this context during the block."""
    warnings = Warnings()
    token = _current.set(warnings)
    try:
        yield warnings
    finally:
        _current.reset(token)


class RequestWarningFilter(logging.Filter):
    """On the handler that writes the ``ltmt`` loggers to the server's log
    (:func:`ltmt.server.access_log.log_config`): a warning logged while a request collects
    them is kept for its client and left out of the log that every customer's requests share;
    errors, and warnings outside a request's upload, are logged as before."""

    def filter(self, record: logging.LogRecord) -> bool:
        warnings = _current.get()
        if warnings is None or record.levelno >= logging.ERROR:
            return True
        warnings.add(record.getMessage())
        return False
