"""The server's OpenAPI document (``/openapi.json``) and its ``/docs`` page.

The document says what the endpoints really answer: how a ``/v1`` request carries its key (a
bearer token), the ``{"error": "<one line>"}`` shape and codes every endpoint may answer, the
LibreTranslate-compatible ones included (they were documented as 200/422 alone), and, for the
endpoints that answer a file, the file's media types rather than FastAPI's default JSON.
``/docs`` is Swagger UI, which the browser loads from a CDN: offline it is a blank page, so the
page says so and points to ``/openapi.json``, which needs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

# the codes any endpoint may answer with an error (415: a body of another type; 405: a method
# the path does not take; 408/413: the body's limits; 503: a store, model or server stopping)
ERROR_CODES = ("400", "401", "403", "404", "405", "408", "413", "415", "422", "429", "503")
_ERROR = {
    "description": "What was wrong, in one line",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_OFFLINE_NOTE = (
    '<p style="font-family:sans-serif;margin:1em">This page loads Swagger UI from '
    "cdn.jsdelivr.net and is blank without the network; the API's description is "
    '<a href="{openapi}">{openapi}</a> (OpenAPI 3.1 JSON), served by this server.</p>'
)


def file_answer(media_types: Iterable[str], what: str) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of an endpoint that answers a file of one of ``media_types``."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    kinds = sorted({kind.split(";")[0].strip() for kind in media_types})
    return {200: {"description": what, "content": {kind: binary for kind in kinds}}}


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, made once: the key scheme of ``/v1``, the error shape and codes
    of every endpoint."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {})
        components.setdefault("securitySchemes", {})["key"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "A key from 'ltmt keys create' (POST /v1/admin/keys).",
        }
        components.setdefault("schemas", {})["Error"] = {
            "type": "object",
            "properties": {"error": {"type": "string"}},
            "required": ["error"],
        }
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                if path.startswith("/v1"):
                    operation["security"] = [{"key": []}]
                responses = operation.setdefault("responses", {})
                for status in ERROR_CODES:
                    responses[status] = _ERROR
        app.openapi_schema = schema
    return app.openapi_schema


def add_docs_page(app: FastAPI) -> None:
    """``GET /docs``: Swagger UI, with a line that says it needs the network (create the app
    with ``docs_url=None``)."""
    openapi = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(openapi_url=openapi, title=f"{app.title} - Swagger UI")
        note = _OFFLINE_NOTE.format(openapi=openapi)
        return HTMLResponse(bytes(page.body).decode().replace("<body>", f"<body>\n{note}", 1))
