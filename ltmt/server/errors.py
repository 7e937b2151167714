"""Every error the server returns is JSON ``{"error": "<one line>"}`` with a 4xx (or 503) code.

LtmtError subclasses map to codes (bad input 400, an unavailable store or model 503); FastAPI's
validation errors become 422 with the first problem named; an unexpected exception is logged
here and answered with a plain 500 message, never a traceback. The body shape is
LibreTranslate's, so its clients show the message as it is.

A write that the server's disk refuses (full, over its quota, read-only) is the server's state,
not the request's fault: whichever endpoint wrote (an upload's work file, an export's scratch
copy, a download kept, the store itself), and whatever it was raised as (an ``OSError``, or an
error raised from one), it is answered here, in one place, with the store's one-line 503
(:func:`ltmt.memory.files.refused_write`; every file an endpoint writes lies in the store) and
a one-line warning in the log, never a traceback.
"""

from __future__ import annotations

import errno
import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ltmt.errors import (
    ConfigError,
    FencedWriteError,
    InputError,
    LtmtError,
    ModelError,
    StoreError,
)
from ltmt.memory.files import refused_write
from ltmt.server.batching import ServerClosingError

logger = logging.getLogger(__name__)

ERROR_CODES: tuple[tuple[type[LtmtError], int], ...] = (
    (FencedWriteError, 409),  # its user deleted or its key revoked while it ran
    (InputError, 400),
    (ConfigError, 400),
    (StoreError, 503),
    (ModelError, 503),
    (ServerClosingError, 503),
)


UNPARSED_BODY = "There was an error parsing the body"  # FastAPI's 400 (a body not UTF-8)
NOT_UTF8 = "the request body is not UTF-8 JSON; send it encoded as UTF-8"
TOO_DEEP = "the request body is not valid JSON: it nests too deeply"
# what a write raises where the server's disk refuses it (module docstring)
REFUSED_WRITES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


class ApiError(Exception):
    """An error answer: HTTP ``status`` and a one-line ``message``."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def error_response(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": one_line(message)}, status_code=status, headers=headers)


def status_of(exc: LtmtError) -> int:
    for kind, status in ERROR_CODES:
        if isinstance(exc, kind):
            return status
    return 400


def validation_message(exc: RequestValidationError) -> str:
    """``body.segments: List should have at least 1 item`` (the first problem; how many more).
    A missing field and a field the request does not have are both named, the missing one
    first: a mistyped ``"segment"`` is also a missing ``segments``, and either one alone hid
    the other (``body.segments: Field required; body.segment: no such field ...``)."""
    errors = list(exc.errors())
    if not errors:
        return "invalid request"
    first = errors[0]
    if first.get("type") == "json_invalid":
        return f"the request body is not valid JSON: {first.get('ctx', {}).get('error', '')}"
    named = [_first_of_type(errors, kind) for kind in ("missing", "extra_forbidden")]
    said = [error for error in named if error is not None] or [first]
    return "; ".join(_problem(error) for error in said) + _more_problems(len(errors) - len(said))


def validation_status(exc: RequestValidationError) -> int:
    """400 for a body that is not JSON at all, as a body that is not UTF-8 or nests too deeply
    (and LibreTranslate's ``/translate``) is answered, and as RFC 9110 has it for content that
    does not parse; 422 for JSON the request cannot take. Unparsable JSON was a 422 on ``/v1``
    and a 400 on ``/translate``."""
    errors = list(exc.errors())
    return 400 if errors and errors[0].get("type") == "json_invalid" else 422


def not_allowed_message(request: Request, allowed: str) -> str:
    """The 405 of a path that takes other methods, naming them: ``GET /v1/translate is not
    taken; use POST (see /docs)`` (Starlette's ``Method Not Allowed`` said neither). The
    methods are every route's of the path, as the OpenAPI schema gives them
    (:func:`_methods_of_path`): Starlette's ``Allow`` header names the first route's alone
    (``PUT /v1/glossary``: ``use GET``, where POST and DELETE are taken too); ``allowed``
    where the schema has no such path."""
    methods = _methods_of_path(request) or [m.strip() for m in allowed.split(",") if m.strip()]
    said = " or ".join(methods) or "another method"
    return f"{request.method} {request.url.path} is not taken; use {said} (see /docs)"


def _methods_of_path(request: Request) -> list[str]:
    """The methods the app's OpenAPI schema gives ``request``'s path (a ``{name}`` of a path
    matching one segment), upper case, as declared; none where the app has no schema."""
    openapi = getattr(request.app, "openapi", None)
    if openapi is None:
        return []
    methods: list[str] = []
    for path, operations in openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]*?\\\}", "[^/]+", re.escape(path))
        if re.fullmatch(pattern, request.url.path):
            methods += [m.upper() for m in operations if m.upper() not in methods]
    return methods


def _first_of_type(errors: Sequence[Mapping[str, Any]], kind: str) -> Mapping[str, Any] | None:
    return next((error for error in errors if error.get("type") == kind), None)


def _problem(error: Mapping[str, Any]) -> str:
    """One validation problem: where, and what is wrong there."""
    where = ".".join(str(part) for part in error.get("loc", ()))
    if error.get("type") == "extra_forbidden":
        return f"{where}: no such field (the request's fields are in /docs)"
    return f"{where}: {error.get('msg', 'invalid value')}"


def _more_problems(count: int) -> str:
    if count <= 0:
        return ""
    return f" (and {count} more problem{'s' if count > 1 else ''})"


def libre_validation_message(exc: RequestValidationError) -> str:
    """LibreTranslate's words for a request it cannot take: ``Invalid request: missing source
    parameter`` for a field left out, :func:`validation_message` for anything else."""
    errors = list(exc.errors())
    if errors and errors[0].get("type") == "missing" and errors[0].get("loc"):
        return f"Invalid request: missing {errors[0]['loc'][-1]} parameter"
    return f"invalid request: {validation_message(exc)}"


def unparsed_body_message(cause: BaseException | None) -> str:
    """Why FastAPI could not parse a JSON body, from the error it raised its 400 from: nesting
    deeper than the parser's recursion limit, or bytes that are not UTF-8."""
    return TOO_DEEP if isinstance(cause, RecursionError) else NOT_UTF8


def disk_refusal(exc: BaseException) -> OSError | None:
    """The OSError of a write the server's disk refused (:data:`REFUSED_WRITES`): ``exc``
    itself or an error it was raised from (``raise ... from``); None when there is none."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        if isinstance(error, OSError) and error.errno in REFUSED_WRITES:
            return error
        seen.add(id(error))
        error = error.__cause__
    return None


def refused_write_response(request: Request, exc: BaseException) -> JSONResponse | None:
    """The 503 for ``exc`` where it is a write the server's disk refused (module docstring),
    logged in one line; None for any other error."""
    error = disk_refusal(exc)
    if error is None:
        return None
    store = request.app.state.service.memory.path
    message = str(refused_write(error, store) or error)
    logger.warning("%s %s: %s", request.method, request.url.path, message)
    return error_response(503, message)


def unexpected_response(request: Request, exc: Exception) -> JSONResponse:
    """The plain 500 of an error nothing expected; its traceback goes to the server's log."""
    logger.exception("unexpected error in %s %s", request.method, request.url.path)
    return error_response(500, f"internal error ({type(exc).__name__}); see the server log")


def install_handlers(app: FastAPI) -> None:
    """Register the JSON error answers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        refused = refused_write_response(request, exc)
        return refused or error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(LtmtError)
    async def _ltmt_error(request: Request, exc: LtmtError) -> JSONResponse:
        return refused_write_response(request, exc) or error_response(status_of(exc), str(exc))

    @app.exception_handler(OSError)
    async def _os_error(request: Request, exc: OSError) -> JSONResponse:
        # answered here, not by the handler of Exception below: uvicorn logs a traceback of
        # whatever that one answers, a full disk's on every request that writes
        return refused_write_response(request, exc) or unexpected_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        if not request.url.path.startswith("/v1/"):  # LibreTranslate's endpoints: its answer
            return error_response(400, libre_validation_message(exc))
        return error_response(validation_status(exc), validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if message == UNPARSED_BODY:  # FastAPI's words for a body that does not decode
            message = unparsed_body_message(exc.__cause__)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path} (see /docs)"
        if exc.status_code == 405 and message == "Method Not Allowed":
            message = not_allowed_message(request, (exc.headers or {}).get("Allow", ""))
        return error_response(exc.status_code, message, exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return unexpected_response(request, exc)
