"""The FastAPI application of ``ltmt serve``.

    from ltmt.server.app import create_app
    from ltmt.server.config import ServerConfig
    app = create_app(ServerConfig(memory_dir="store"))   # run with uvicorn

The service (model, store, decoding thread) is built when the server starts and closed when
it stops: uvicorn's graceful shutdown (SIGTERM, Ctrl-C) first lets the requests in flight
finish, then the lifespan closes the service, which finishes the decoding queue and releases
the store. A forced quit (a second Ctrl-C) does not wait for the batch being decoded: it
waited seconds. Every write is one LMDB transaction, committed before its answer is sent, so a
stop, or a ``kill -9``, never loses what a client was told is stored.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool

from ltmt import __version__
from ltmt.parent_process import exit_with_parent
from ltmt.server import admin, glossary, libre, routes
from ltmt.server.access_log import NamesRequester
from ltmt.server.config import ENV_CONFIG, ServerConfig
from ltmt.server.cors import allow_origins
from ltmt.server.errors import install_handlers
from ltmt.server.head import HeadAsGet
from ltmt.server.limits import BodyLimit, ConcurrencyLimit
from ltmt.server.openapi import add_docs_page, openapi_document
from ltmt.server.schemas import Health
from ltmt.server.service import Service
from ltmt.server.shutdown import AnswerWhenCancelled, Stop

logger = logging.getLogger(__name__)


def create_app(config: ServerConfig, service: Service | None = None) -> FastAPI:
    """The application for ``config``. The model is loaded when the server starts, unless an
    already built ``service`` is given (the CLI builds it first, so that a bad model or store is
    a one-line error rather than a failed startup); the app closes it when it stops."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        nonlocal service
        if service is None:
            service = Service(config)
        app.state.service = service
        logger.info("%s", service.summary())
        forced = False
        try:
            yield
        except asyncio.CancelledError:  # a forced quit: the process exits next
            forced = True
            raise
        finally:
            if forced:
                service.abandon()
            else:
                await run_in_threadpool(service.close)

    app = FastAPI(
        title="ltmt",
        version=__version__,
        description="Memory-augmented machine translation with a translation memory per user. "
        "Send your key as 'Authorization: Bearer <token>' (LibreTranslate's /translate: "
        "'api_key').",
        lifespan=lifespan,
        docs_url=None,  # add_docs_page's, which says that it needs the network
        # /v1/memory/stats/ was a 307 to an http:// URL built from Host (plain http behind a
        # TLS proxy, which clients follow with the key): now the JSON 404 of any unknown path
        redirect_slashes=False,
    )
    app.state.stop = Stop()  # how the server stopped: ltmt serve's exit status
    install_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes, timeout_s=config.body_timeout_s)
    if config.limit_concurrency:  # outside BodyLimit: a refused request's body is not read
        app.add_middleware(ConcurrencyLimit, limit=config.limit_concurrency)
    app.add_middleware(HeadAsGet)
    # outside the limits: a preflight is answered without being counted, and a 413 or a 503
    # carries the headers that let the page read it
    allow_origins(app, config.cors_origins)
    # the outermost: a request cut off at shutdown
    app.add_middleware(AnswerWhenCancelled, stop=app.state.stop)
    # outside even that: the access line of every answer names who sent it
    app.add_middleware(NamesRequester)
    app.include_router(routes.router)
    app.include_router(glossary.router)
    app.include_router(admin.router)
    app.include_router(libre.router)

    @app.get("/health", response_model=Health)
    def health(request: Request) -> Health:
        """Liveness, the model's languages and how much batching the decoder has done."""
        service: Service = request.app.state.service
        return Health(
            status="ok",
            model=public_model_name(service.backbone.name),
            languages=[service.source_lang, service.target_lang],
            batches=service.stats.batches,
            batched_requests=service.stats.requests,
            batched_segments=service.stats.segments,
        )

    app.openapi = functools.partial(openapi_document, app)  # type: ignore[method-assign]
    add_docs_page(app)
    return app


def public_model_name(name: str) -> str:
    """The model as ``/health`` shows it to anyone: a hub id as it is, a local directory by its
    own name only (its path says how the server's disk is laid out)."""
    path = Path(name)
    return path.name if path.is_absolute() or path.exists() else name


# seconds a worker whose supervisor died has to close its service once its requests are done
CLOSE_GRACE_S = 10.0


def app_from_environment() -> FastAPI:
    """The application of each worker process of ``ltmt serve --workers N`` (a uvicorn factory:
    the settings come from ``$LTMT_SERVE_CONFIG``). The worker stops when uvicorn's supervisor
    dies (:func:`~ltmt.parent_process.exit_with_parent`): killed with ``kill -9``, it left its
    workers serving, holding the port and the store."""
    config = ServerConfig.from_json(os.environ.get(ENV_CONFIG, "{}"))
    exit_with_parent(grace_s=config.shutdown_timeout_s + CLOSE_GRACE_S)
    return create_app(config)
