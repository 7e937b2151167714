"""The request-size, request-body-time and concurrency limits, enforced before a request
reaches its endpoint.

A pure ASGI middleware: a declared ``Content-Length`` over the limit is refused at once; a body
without one (chunked) is read up to the limit and refused as soon as it goes over. Either way
the answer is 413 with the usual JSON error, and the endpoint never sees a partial body.

The whole body must arrive within ``timeout_s`` of the request's headers: uvicorn has no such
limit (its ``timeout_keep_alive`` counts only between requests), so a client that sent its
headers and then trickled its body, a byte now and then, held its connection, and the task
reading it, for as long as it liked. It gets 408 and the connection is closed.

``--limit-concurrency N`` was uvicorn's ``limit_concurrency``, which counts open connections
(the one asking included) beside requests, and answers a plain-text ``Service Unavailable``:
an idle keep-alive connection took a place, a limit of N admitted N-1 requests, and a load
balancer's ``/health`` probe was refused while the server was busy, so the balancer took a busy
server for a dead one. :class:`ConcurrencyLimit` counts requests in flight, each process its
own (as uvicorn's did), admits N, answers the next one the usual JSON 503 with
``Retry-After``, and never counts nor refuses :data:`UNCOUNTED_PATHS`.
"""

from __future__ import annotations

import asyncio
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ltmt.server.errors import error_response

UNCOUNTED_PATHS = frozenset({"/health"})  # liveness probes: answered however busy the server
RETRY_AFTER_S = 1


class BodyLimit:
    """Refuse (413) any request whose body is over ``max_bytes``, and (408) one whose body has
    not arrived ``timeout_s`` seconds after its headers."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send, int(declared))
            return
        messages: list[Message] = []
        size = 0
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                message = await asyncio.wait_for(receive(), deadline - time.monotonic())
            except asyncio.TimeoutError:
                await self._too_slow(scope, receive, send, size)
                return
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:  # read this far: the body's whole size is not known
                await self._refuse(scope, receive, send, None)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int | None) -> None:
        """Answer 413 to a body of ``size`` bytes (declared), or (None) of a size unknown: a
        chunked body is read only until it goes over the limit."""
        limit = self.max_bytes
        body = f"request body of {size} bytes is" if size is not None else "request body is"
        more = "over" if size is not None else "more than"
        response = error_response(413, f"{body} {more} the server's limit of {limit} bytes")
        await response(scope, receive, send)

    async def _too_slow(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        response = error_response(
            408,
            f"the request body did not arrive within {self.timeout_s:g} s ({size} bytes came); "
            "send it again (the server's --body-timeout-s sets the time)",
            headers={"Connection": "close"},  # what is left of the body is not read
        )
        await response(scope, receive, send)


class ConcurrencyLimit:
    """Answer 503 to a request that arrives while ``limit`` others are in flight in this
    process (module docstring); :data:`UNCOUNTED_PATHS` are neither counted nor refused."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0  # one event loop per process: no lock needed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNCOUNTED_PATHS:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            response = error_response(
                503,
                f"the server is answering {self.limit} requests at once, the most it takes "
                f"(--limit-concurrency); retry in {RETRY_AFTER_S} s",
                headers={"Retry-After": str(RETRY_AFTER_S)},
            )
            await response(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
