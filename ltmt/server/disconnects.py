"""Work a request waits for, cancelled when its client disconnects.

uvicorn says that a client left only on the request's ASGI ``receive`` channel (an
``http.disconnect`` message, once the body is read), and an endpoint that awaits its
translation does not listen there: a client that gave up on a long translation left the
decoder working for nobody, with the requests queued behind it waiting. So an endpoint awaits
its translation with :func:`unless_disconnected`, which listens, and cancels the translation
when the client leaves: the batcher then decodes nothing more of it
(:mod:`ltmt.server.batching`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from starlette.requests import Request
from starlette.types import Receive

from ltmt.server.errors import ApiError

T = TypeVar("T")

CLIENT_CLOSED = 499  # nginx's "client closed request": logged nowhere, as nobody reads it


async def unless_disconnected(request: Request, work: Awaitable[T]) -> T:
    """``work``'s result; when ``request``'s client disconnects first, ``work`` is cancelled
    and an :class:`~ltmt.server.errors.ApiError` ends the request (its answer goes nowhere).
    Call it once the request's body is read."""
    task = asyncio.ensure_future(work)
    gone = asyncio.ensure_future(_disconnect(request.receive))
    try:
        await asyncio.wait({task, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        gone.cancel()
        if not task.done():
            task.cancel()  # and, through asyncio.wrap_future, the batcher's future
    if not task.done() or task.cancelled():
        raise ApiError(CLIENT_CLOSED, "the client disconnected; its translation was stopped")
    return task.result()


async def _disconnect(receive: Receive) -> None:
    """Return when ``receive`` says the client disconnected (the body is read already)."""
    while (await receive())["type"] != "http.disconnect":
        continue
