"""HEAD answered as GET without the body: HTTP allows HEAD wherever GET is (``curl -I``, a
load balancer's health check, a client asking a download's size), and the API's routes take
GET alone (a HEAD was 405). Every GET of the server reads and changes nothing, so the same
handler answers both; the headers (``Content-Length`` among them) are the GET's."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Run a HEAD request as its GET and send the answer's headers alone."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        ended = False

        async def headers_only(message: Message) -> None:
            nonlocal ended
            if message["type"] == "http.response.body":
                if ended:  # the body's later parts: one empty part ended it
                    return
                ended = True
                message = {**message, "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
