"""What a request still running when the server stops is answered, and what is logged.

SIGTERM lets the requests in flight finish, for at most ``--shutdown-timeout-s`` seconds
(uvicorn's ``timeout_graceful_shutdown``); then uvicorn cancels them. A second Ctrl-C forces
the quit at once: uvicorn returns without waiting, and asyncio cancels every task still
running, the requests' and the lifespan's. A cancelled request went up through every
middleware as ``CancelledError``, which uvicorn logged as an ASGI traceback and answered with a
plain-text ``500 Internal Server Error``: a stalled upload, a client trickling its body, made
every stop look like a crash. :class:`AnswerWhenCancelled`, the outermost of the app's own
layers, answers such a request with the JSON 503 of a server that is stopping instead, saying
which stop it was, the connection closed, and nothing is logged but the access line; a
lifespan cancelled by a forced quit ends without Starlette's ``CancelledError`` traceback.

:class:`Stop` records how the server stopped, which ``ltmt serve`` turns into its exit status:
systemd and shells tell a clean stop (0) from one that cut requests off (1) and a forced quit
(130, as a shell gives a command Ctrl-C ended). It exited 0 in all three.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ltmt.server.errors import error_response

STOPPED = (
    "the server stopped before this request was done (its shutdown wait ran out); send it "
    "again: what it wrote before, if anything, is stored"
)
FORCED = (
    "the server was forced to quit before this request was done; send it again: what it "
    "wrote before, if anything, is stored"
)
# what uvicorn cancels a request with when --shutdown-timeout-s has run out; a forced quit's
# cancellation (asyncio's, of every task left) carries no message
TIMEOUT_CANCEL = "timeout graceful shutdown exceeded"


@dataclass
class Stop:
    """How the server stopped: ``cut_off``, the requests it cancelled (its shutdown wait ran
    out, or its quit was forced); ``forced``, whether a second Ctrl-C forced the quit."""

    cut_off: int = 0
    forced: bool = False

    def exit_code(self) -> int:
        """130 after a forced quit, 1 when requests were cut off, 0 after a clean stop."""
        if self.forced:
            return FORCED_EXIT
        return CUT_OFF_EXIT if self.cut_off else 0


FORCED_EXIT = 130  # as a shell's for a command that Ctrl-C ended
CUT_OFF_EXIT = 1


def stop_message(cancelled: asyncio.CancelledError) -> str:
    """The 503's error for a request cut off by ``cancelled``: the shutdown wait ran out, or
    the quit was forced."""
    return STOPPED if TIMEOUT_CANCEL in str(cancelled) else FORCED


class AnswerWhenCancelled:
    """Answer a request that the server cancels (its shutdown wait ran out, or its quit was
    forced) with JSON 503, if nothing of its answer was sent yet; end it quietly otherwise.
    Within the app nothing else cancels a request's task (a translation whose client left is
    cancelled below it, :mod:`ltmt.server.disconnects`), so a cancellation here is the
    server's. Each such request, and a forced quit, is noted in ``stop``."""

    def __init__(self, app: ASGIApp, stop: Stop) -> None:
        self.app = app
        self.stop = stop

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
            return
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
        except asyncio.CancelledError as cancelled:
            self.stop.cut_off += 1
            if not started:  # the request ends here: its task has nothing more to do
                response = error_response(
                    503, stop_message(cancelled), headers={"Connection": "close"}
                )
                await response(scope, receive, send)

    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app's lifespan; cancelled while it waits for the shutdown (a forced quit,
        which never asks for one), its failure is reported without Starlette's traceback of
        the ``CancelledError``, which uvicorn logged as an error. The app's shutdown code runs
        as the cancellation unwinds it, and the cancellation goes on."""
        cancelled = False

        async def noting_cancel() -> Message:
            nonlocal cancelled
            try:
                return await receive()
            except asyncio.CancelledError:
                cancelled = True
                self.stop.forced = True
                raise

        async def quiet_send(message: Message) -> None:
            if cancelled and message["type"] == "lifespan.shutdown.failed":
                message = {"type": "lifespan.shutdown.failed", "message": ""}
            await send(message)

        await self.app(scope, noting_cancel, quiet_send)
