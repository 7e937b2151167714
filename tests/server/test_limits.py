"""The concurrency limit: N requests in flight admitted, the next a JSON 503, /health never
counted nor refused."""

from __future__ import annotations

import asyncio
import json

from starlette.types import Message, Receive, Scope, Send

from ltmt.server.limits import BodyLimit, ConcurrencyLimit


class HeldApp:
    """An app whose requests stay in flight until ``release`` is set."""

    def __init__(self) -> None:
        self.release = asyncio.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"] != "/health":
            await self.release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


async def _request(app: ConcurrencyLimit, path: str) -> tuple[int, bytes]:
    """The status and body of a GET of ``path``."""
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": []}
    await app(scope, receive, send)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body


def _answers(limit: int, held: int, then: list[str]) -> list[tuple[int, bytes]]:
    """The answers to the requests ``then`` while ``held`` requests are in flight."""

    async def run() -> list[tuple[int, bytes]]:
        inner = HeldApp()
        app = ConcurrencyLimit(inner, limit=limit)
        waiting = [asyncio.create_task(_request(app, "/v1/translate")) for _ in range(held)]
        await asyncio.sleep(0)  # the held requests are in flight
        answers = [await _request(app, path) for path in then]
        inner.release.set()
        assert [status for status, _ in await asyncio.gather(*waiting)] == [200] * held
        return answers

    return asyncio.run(run())


def test_a_limit_of_n_admits_n_requests_and_answers_the_next_a_json_503():
    """uvicorn's limit counted connections, the asking one too: a limit of 2 admitted one.
    (The two held requests are answered 200: :func:`_answers` checks it.)"""
    [(status, body)] = _answers(limit=2, held=2, then=["/v1/translate"])
    assert status == 503
    assert json.loads(body) == {
        "error": "the server is answering 2 requests at once, the most it takes "
        "(--limit-concurrency); retry in 1 s"
    }


def test_health_is_answered_however_busy_the_server_is():
    """A load balancer's probe got uvicorn's plain-text 503 while one request was in flight,
    and took the busy server for a dead one."""
    assert [status for status, _ in _answers(limit=1, held=1, then=["/health"] * 3)] == [200] * 3


def _body_answer(max_bytes: int, chunks: list[bytes], declared: int | None) -> tuple[int, bytes]:
    """The answer of :class:`BodyLimit` to a body sent as ``chunks`` (``declared``: its
    Content-Length, None: chunked)."""

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def run() -> tuple[int, bytes]:
        pending = [
            {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
            for i, chunk in enumerate(chunks)
        ]
        sent: list[Message] = []

        async def receive() -> Message:
            return pending.pop(0)

        async def send(message: Message) -> None:
            sent.append(message)

        headers = [(b"content-length", str(declared).encode())] if declared is not None else []
        scope = {"type": "http", "method": "POST", "path": "/v1/translate", "headers": headers}
        await BodyLimit(inner, max_bytes=max_bytes, timeout_s=5)(scope, receive, send)
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return sent[0]["status"], body

    return asyncio.run(run())


def test_a_chunked_body_over_the_limit_is_more_than_the_limit_not_where_reading_stopped():
    """A 17 MiB chunked body was refused as "17039216 bytes": where the server stopped reading,
    not the body's size."""
    status, body = _body_answer(100, [b"x" * 60] * 5, declared=None)
    assert status == 413
    assert json.loads(body) == {
        "error": "request body is more than the server's limit of 100 bytes"
    }


def test_a_declared_body_over_the_limit_names_its_size():
    status, body = _body_answer(100, [b"x" * 300], declared=300)
    assert status == 413
    assert json.loads(body) == {
        "error": "request body of 300 bytes is over the server's limit of 100 bytes"
    }
