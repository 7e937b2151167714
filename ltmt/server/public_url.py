"""The address clients reach the server at, for the URLs its answers hold.

LibreTranslate's ``/translate_file`` answers the URL to download the translated file from.
Built from the request, that URL names whatever the request's ``Host`` header said: a client's
``Host: evil.example`` got ``http://evil.example/download_file/...``, and behind nginx's default
``proxy_set_header Host $proxy_host`` every customer got ``https://127.0.0.1:8731/...``. With
``ltmt serve --public-url https://mt.example`` such URLs start with that address instead;
without it they are built from the request, so the proxy must pass the client's ``Host``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request

from ltmt.errors import ConfigError


def check_public_url(url: str | None) -> None:
    """Refuse a public URL that is not ``http(s)://host[:port][/path]`` (a query or a fragment
    would end up in the middle of every URL built on it)."""
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or "?" in url or "#" in url:
        raise ConfigError(
            f"public url {url!r} is not an address clients can be sent to: write it as "
            "http(s)://host[:port][/path], without a query (https://mt.example.com)"
        )


def absolute_url(request: Request, public_url: str | None, name: str, **params: Any) -> str:
    """The URL of the route ``name`` with ``params``: on ``public_url`` where it is given,
    else as the request reached the server (its ``Host`` or a trusted proxy's headers)."""
    if public_url is None:
        return str(request.url_for(name, **params))
    path = request.app.url_path_for(name, **params)
    return str(path.make_absolute_url(base_url=public_url))
