"""The server's access log without what a request carries: a query's values (a search's text,
``q=Zwickelberg``), a download's token (``/download_file/<token>.<name>``, whose URL alone
fetches the file) and an API key's secret (a token pasted where its id belongs,
``DELETE /v1/admin/keys/ltmt_<id>_<secret>``) are written as ``…``; the method, the path, the
query's names and the status stay. uvicorn logs each request on the ``uvicorn.access`` logger
with the arguments ``(client, method, path, http_version, status)``;
:class:`RedactedAccessLog` rewrites the path before the record is formatted.

Each line also names who asked by its key's id, ``key=6d8e70ff6f86`` (never its secret, nor the
user's name: the log is shared by every customer, who are not named in it; ``ltmt keys list``
tells the operator whose key it is): behind a gateway every tenant has the same address, and an
operator could not tell which one flooded the server or was refused. :class:`NamesRequester`
gives each request a :class:`Requester` that :func:`note_requester` fills once its key is
verified, and uvicorn writes the line within the request's own task (as it sends the answer's
headers), where the filter reads it back. A request without a valid key names nobody.
"""

from __future__ import annotations

import copy
import logging
import re
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

HIDDEN = "…"
_DOWNLOAD = re.compile(r"^(/download_file/)[^/]+$")
_API_SECRET = re.compile(r"(ltmt_[0-9a-f]{12}_)[A-Za-z0-9_-]+")  # ltmt.memory.keys' tokens


def redacted_path(path: str) -> str:
    """``path`` (with its query) as the access log writes it: ``/v1/memory/search?q=…&k=…``,
    ``/download_file/…``, ``/v1/admin/keys/ltmt_6d8e70ff6f86_…``."""
    parts = urlsplit(path)
    shown = _DOWNLOAD.sub(rf"\g<1>{HIDDEN}", parts.path)
    shown = _API_SECRET.sub(rf"\g<1>{HIDDEN}", shown)
    if not parts.query:
        return shown
    names = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True)]
    return f"{shown}?{'&'.join(f'{name}={HIDDEN}' for name in names) or HIDDEN}"


@dataclass
class Requester:
    """Who sent the request being answered: its key's user and id, once verified."""

    user: str | None = None
    key_id: str | None = None

    def logged(self) -> str:
        """`` key=6d8e70ff6f86`` as the access line ends, or nothing."""
        return f" key={self.key_id}" if self.key_id is not None else ""


# the requester of the request that the running task answers (set by NamesRequester)
_REQUESTER: ContextVar[Requester | None] = ContextVar("ltmt_requester", default=None)


class NamesRequester:
    """An ASGI middleware that gives each HTTP request its :class:`Requester` for the access
    log; the outermost, so that every answer's line reads it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _REQUESTER.set(Requester())
        try:
            await self.app(scope, receive, send)
        finally:
            _REQUESTER.reset(token)


def note_requester(user: str, key_id: str) -> None:
    """Name the key that sent the request being answered (in its task, or a worker thread
    that runs its work: the thread's context holds the same :class:`Requester`)."""
    requester = _REQUESTER.get()
    if requester is not None:
        requester.user, requester.key_id = user, key_id


class RedactedAccessLog(logging.Filter):
    """A filter of the ``uvicorn.access`` logger: each record's path :func:`redacted_path`,
    and its ``requester`` (:meth:`Requester.logged`) for the line's end."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (*args[:2], redacted_path(args[2]), *args[3:])
        requester = _REQUESTER.get()
        record.requester = requester.logged() if requester is not None else ""
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration with :class:`RedactedAccessLog` on its access log's
    handler, and ltmt's loggers written as the command line writes them (``ltmt: warning:
    ...``; the app's line at startup too, ``ltmt: info: serving model ...``) except the
    warnings of a request's upload, which go to its client
    (:class:`~ltmt.server.request_warnings.RequestWarningFilter`). Given as ``log_config``,
    each worker process of ``--workers N`` sets it up too (a worker has no other handler)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    filters = config.setdefault("filters", {})
    filters["redacted"] = {"()": f"{__name__}.RedactedAccessLog"}
    filters["request_warnings"] = {"()": "ltmt.server.request_warnings.RequestWarningFilter"}
    config["handlers"]["access"].setdefault("filters", []).append("redacted")
    config["formatters"]["access"]["fmt"] += "%(requester)s"
    config["formatters"]["ltmt"] = {"()": "ltmt.cli.main.CommandLogFormat"}
    config["handlers"]["ltmt"] = {
        "formatter": "ltmt",
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stderr",
        "filters": ["request_warnings"],
    }
    config["loggers"]["ltmt"] = {"handlers": ["ltmt"], "level": "WARNING", "propagate": False}
    config["loggers"]["ltmt.server.app"] = {"level": "INFO"}  # what is served, at startup
    return config
