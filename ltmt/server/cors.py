"""Cross-origin requests (CORS), for browser clients on another origin: a web CAT tool, a
LibreTranslate web page served elsewhere.

Off unless ``ltmt serve --cors-origin`` names origins: a browser page of any origin could
otherwise send a user's key to the server from their browser. Starlette's ``CORSMiddleware``
answers the browser's preflight ``OPTIONS`` and adds ``Access-Control-Allow-Origin`` to every
answer for a named origin (``*``: any). Keys travel as ``api_key`` or ``Authorization:
Bearer``, never as cookies, so credentials are not allowed; the headers ltmt's answers carry
beside their data (a file's name, its warnings, ``Retry-After``) are exposed to the page.
"""

from __future__ import annotations

import re

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from ltmt.errors import ConfigError

ANY_ORIGIN = "*"

# what a browser sends as Origin: scheme://host[:port], no path, no trailing slash
_ORIGIN = re.compile(r"https?://[^/\s]+")

EXPOSED_HEADERS = (
    "Retry-After",
    "Content-Disposition",
    "X-Ltmt-Translated",
    "X-Ltmt-Placeholders",
    "X-Ltmt-Warnings",
)


def check_origins(origins: tuple[str, ...]) -> None:
    """Refuse an origin no browser sends (``https://cat.example/``: a path or a trailing
    slash), which would never match and leave the page refused without a word."""
    for origin in origins:
        if origin != ANY_ORIGIN and not _ORIGIN.fullmatch(origin):
            raise ConfigError(
                f"cors origin {origin!r} is not an origin: write it as a browser sends it, "
                "scheme://host[:port] without a path (https://cat.example.com), or *"
            )


def allow_origins(app: FastAPI, origins: tuple[str, ...]) -> None:
    """Let browser pages of ``origins`` (``*``: any) call ``app``; nothing where there are
    none."""
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=["*"],
        allow_headers=["*"],
        expose_headers=list(EXPOSED_HEADERS),
    )
