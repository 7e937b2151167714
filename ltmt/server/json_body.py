"""JSON request bodies read as UTF-8 only, as the README promises (a body in another encoding
is a 400 that says so).

``json.loads`` of bytes guesses their encoding, so FastAPI (and LibreTranslate's routes, which
read their body themselves) took a UTF-16 or UTF-32 body as well, and a body that guess got
wrong was a 400 saying only that it is not UTF-8. :func:`read_json` decodes the bytes as UTF-8
(a leading byte-order mark skipped, as ``json.loads`` skips it) before parsing them, and
:class:`Utf8JsonRoute` makes FastAPI's body parsing of the ``/v1`` routes use it: a body that
does not decode, or that nests deeper than the parser goes, then reaches
:mod:`ltmt.server.errors` as the error it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute


def read_json(body: bytes) -> Any:
    """The JSON value of ``body``: UnicodeDecodeError where it is not UTF-8, RecursionError
    where it nests too deeply, json.JSONDecodeError where it is not JSON."""
    return json.loads(body.decode("utf-8-sig"))


class Utf8JsonRequest(Request):
    """A request whose :meth:`json` reads the body with :func:`read_json`."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = read_json(await self.body())
        return self._json


class Utf8JsonRoute(APIRoute):
    """A route whose JSON body FastAPI parses with :func:`read_json`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            return await handler(Utf8JsonRequest(request.scope, request.receive))

        return handle
