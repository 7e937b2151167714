"""What a request still running when the server's shutdown wait is over is answered.

SIGTERM lets the requests in flight finish, for at most ``--shutdown-timeout-s`` seconds
(uvicorn's ``timeout_graceful_shutdown``); then uvicorn cancels them. A cancelled request went
up through every middleware as ``CancelledError``, which uvicorn logged as an ASGI traceback and
answered with a plain-text ``500 Internal Server Error``: a stalled upload, a client trickling
its body, made every stop look like a crash. :class:`AnswerWhenCancelled`, the outermost of the
app's own layers, answers such a request with the JSON 503 of a server that is stopping
instead, the connection closed, and nothing is logged but the access line.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ltmt.server.errors import error_response

STOPPED = (
    "the server stopped before this request was done (its shutdown wait ran out); send it "
    "again: what it wrote before, if anything, is stored"
)


class AnswerWhenCancelled:
    """Answer a request that the server cancels (its shutdown wait ran out) with JSON 503,
    if nothing of its answer was sent yet; end it quietly otherwise. Within the app nothing
    else cancels a request's task (a translation whose client left is cancelled below it,
    :mod:`ltmt.server.disconnects`), so a cancellation here is the server's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, noting_start)
        except asyncio.CancelledError:
            if not started:  # the request ends here: its task has nothing more to do
                response = error_response(503, STOPPED, headers={"Connection": "close"})
                await response(scope, receive, send)
