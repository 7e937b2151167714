"""``ltmt serve``: run the translation server."""

from __future__ import annotations

import errno
import math
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ltmt.cli.store import (
    EXISTING_KEY_FILE_OPTION,
    MEMORY_DIR_OPTION,
    require_store,
)
from ltmt.errors import InputError
from ltmt.fusion.registry import FUSION_NAMES
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.server.shutdown import Stop


def request_megabytes(value: str | float) -> float:
    """``--max-request-mb``'s ``value``: a number of megabytes of at least one byte, else a
    usage error (exit 2) naming it as typed. ``0``, ``-5`` or ``0.0000001`` (0 bytes) stopped
    the server with the limit's inner name and a byte count nobody typed."""
    if isinstance(value, float):  # the declared default
        return value
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = math.nan
    if not math.isfinite(megabytes):
        raise typer.BadParameter(f"{value!r} is not a number of megabytes (16, 0.5)")
    if int(megabytes * MEGABYTE) < 1:
        raise typer.BadParameter(
            f"{value!r} MB is under one byte and would refuse every request; give a size "
            "above 0 (16, 0.5)"
        )
    return megabytes


MEGABYTE = 1 << 20  # bytes in the megabyte of --max-request-mb


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8080, "--port", min=0, max=65535, help="Port to listen on."),
    model: str | None = typer.Option(
        None, "--model", "-m", help="Marian directory or hub id (default: embedded)."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    workers: int = typer.Option(
        1, "--workers", min=1, help="Server processes (each loads the model once)."
    ),
    threads: int = typer.Option(0, "--threads", min=0, help="Torch threads per process (0: all)."),
    fusion: str = typer.Option(
        "auto", "--fusion", help=f"Default fusion: {', '.join(FUSION_NAMES)}."
    ),
    beam: int = typer.Option(4, "--beam", min=1, help="Default beam size."),
    max_request_mb: float = typer.Option(
        16.0,
        "--max-request-mb",
        parser=request_megabytes,
        help="Largest request body, in megabytes (above 0; 0.5 is 512 KiB).",
    ),
    body_timeout_s: float = typer.Option(
        60.0,
        "--body-timeout-s",
        min=0.001,
        help="Seconds a request's body may take to arrive after its headers (then 408 and the "
        "connection closed: a client trickling its body holds none for long). Raise it for "
        "large uploads over slow links.",
    ),
    shutdown_timeout_s: float = typer.Option(
        30.0,
        "--shutdown-timeout-s",
        min=0,
        help="Seconds SIGTERM lets the requests in flight finish (then each still running is "
        "answered 503, the server stopping; a stalled upload waits no longer than this).",
    ),
    max_segments: int = typer.Option(128, "--max-segments", min=1, help="Segments per request."),
    max_segment_chars: int = typer.Option(
        5000, "--max-segment-chars", min=1, help="Characters per segment."
    ),
    files_per_user: int = typer.Option(
        1,
        "--files-per-user",
        min=1,
        help="File translations one user may have running at once (more: 429, Retry-After), "
        "so that one user's uploads do not hold every thread.",
    ),
    requests_per_user: int | None = typer.Option(
        None,
        "--requests-per-user",
        min=0,
        help="Translate requests one user may have in flight at once in each worker process "
        "(more: 429, Retry-After), so that one tenant's flood does not take every place; "
        "0: no limit. Default: half of --limit-concurrency, no limit without it.",
    ),
    batch_wait_ms: float = typer.Option(
        20.0, "--batch-wait-ms", min=0, help="How long a request waits for others to batch with."
    ),
    max_batch_segments: int = typer.Option(
        64, "--max-batch-segments", min=1, help="Segments decoded together at most."
    ),
    max_batch_chars: int = typer.Option(
        4000,
        "--max-batch-chars",
        min=1,
        help="Characters decoded together at most: a longer request is decoded a piece at a "
        "time, taking turns with the other users' requests (a piece holds one segment at "
        "least), so that a short request waits about one batch behind it.",
    ),
    auth_failures: int = typer.Option(
        20,
        "--auth-failures",
        min=1,
        help="Wrong keys per address per minute before 429 (then a valid key from it too). "
        "Counted with every server on the same store, each of which enforces the others' "
        "lockouts: with different values the lowest wins, so give them all the same.",
    ),
    forwarded_allow_ips: str | None = typer.Option(
        None,
        "--forwarded-allow-ips",
        help="Behind a reverse proxy: the proxy's IP addresses or networks (comma-separated: "
        "10.0.0.5,10.1.0.0/16; or * alone), whose "
        "X-Forwarded-For names the client that the wrong-key limit counts. By default no "
        "address's is trusted (uvicorn trusted 127.0.0.1's: a local client could name any).",
    ),
    limit_concurrency: int = typer.Option(
        0,
        "--limit-concurrency",
        min=0,
        help="Requests in flight at once (in each --workers process) before the next is "
        "answered 503 with Retry-After (0: no limit); /health is never counted nor refused.",
    ),
    cors_origin: list[str] = typer.Option(
        [],
        "--cors-origin",
        metavar="ORIGIN",
        help="A browser origin whose pages may call the server (https://cat.example.com; "
        "repeat it for several; * for any). Default: none, no CORS headers.",
    ),
    public_url: str | None = typer.Option(
        None,
        "--public-url",
        help="The address clients reach the server at (https://mt.example.com), which the "
        "download URLs of /translate_file start with. Default: the request's Host, which a "
        "reverse proxy must then pass on (nginx: proxy_set_header Host $host;).",
    ),
    scan_max: int = typer.Option(
        10_000,
        "--scan-max",
        min=0,
        help="Memories of at most this many segments are searched by scoring every one "
        "(the best match by construction, about 30 ms a search for 200,000 segments; larger "
        "ones use the n-gram index, about 4 ms).",
    ),
) -> None:
    """Serve translation with per-user memories over HTTP: the /v1 API (docs at /docs) and a
    LibreTranslate-compatible POST /translate. Every request needs a key ('ltmt keys create').

    SIGTERM or Ctrl-C finishes the requests in flight, then stops; a second Ctrl-C quits at once.
    Exit status: 0 after a clean stop, 1 when the shutdown wait ran out with requests still
    running (each answered 503), 130 after a forced quit (with --workers N: uvicorn's own).
    """
    import uvicorn

    from ltmt.cli.translate import _quiet_transformers
    from ltmt.server.app import create_app
    from ltmt.server.config import ENV_CONFIG, ServerConfig
    from ltmt.server.service import Service
    from ltmt.server.trusted_proxies import check_forwarded_allow_ips

    config = ServerConfig(
        host=host,
        port=port,
        model=model,
        memory_dir=str(memory_dir) if memory_dir is not None else None,
        key_file=str(key_file) if key_file is not None else None,
        workers=workers,
        threads=threads,
        fusion=fusion,
        beam=beam,
        max_body_bytes=int(max_request_mb * MEGABYTE),
        body_timeout_s=body_timeout_s,
        shutdown_timeout_s=shutdown_timeout_s,
        max_segments=max_segments,
        files_per_user=files_per_user,
        requests_per_user=requests_per_user,
        max_segment_chars=max_segment_chars,
        batch_wait_ms=batch_wait_ms,
        max_batch_segments=max_batch_segments,
        max_batch_chars=max_batch_chars,
        auth_failures=auth_failures,
        scan_max=scan_max,
        limit_concurrency=limit_concurrency,
        cors_origins=tuple(cors_origin),
        public_url=public_url,
    )
    check_forwarded_allow_ips(forwarded_allow_ips)  # uvicorn would trust no proxy by a typo
    require_store(memory_dir)  # a mistyped --memory-dir would serve a new store without keys
    check_address(host, port)  # before the model loads: a port in use is said at once
    _quiet_transformers()
    common = uvicorn_settings(host, port, config.shutdown_timeout_s, forwarded_allow_ips)
    if workers == 1:
        service = Service(config)  # a bad model or store fails here, with a one-line error
        application = create_app(config, service)
        uvicorn.run(application, **common)  # type: ignore[arg-type]
        exit_as_stopped(application.state.stop, config.shutdown_timeout_s)
        return
    os.environ[ENV_CONFIG] = config.to_json()
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # the workers load quietly too
    uvicorn.run(
        "ltmt.server.app:app_from_environment",
        factory=True,
        workers=workers,
        **common,  # type: ignore[arg-type]
    )


def exit_as_stopped(stop: Stop, shutdown_timeout_s: float) -> None:
    """Exit with ``stop``'s status, saying why when it is not 0: at once, as an interrupted
    command leaves (the decoder may still be in its batch)."""
    from ltmt.cli.main import leave_now

    code = stop.exit_code()
    if code == 0:
        return
    requests = f"{counted(stop.cut_off, 'request')} cut off"
    if stop.forced:
        said = f"ltmt: forced to quit; {requests} (answered 503: send again)"
    else:
        said = (
            f"ltmt: the shutdown wait ({shutdown_timeout_s:g} s) ran out; {requests} (answered "
            "503: send again); raise --shutdown-timeout-s to let them finish"
        )
    typer.echo(said, err=True)
    leave_now(code)


def uvicorn_settings(
    host: str, port: int, shutdown_timeout_s: float, forwarded_allow_ips: str | None
) -> dict[str, object]:
    """What ``ltmt serve`` gives ``uvicorn.run``: where it listens, its shutdown grace, its
    access log (a query's text and a download's token never logged), the client address the
    wrong-key limit counts (the peer's, unless a proxy is named), and a keep-alive longer than
    the longest ``Retry-After`` a client is told to wait before it asks again on the same
    connection (uvicorn's 5 s equalled the file slots' 5 s: a client that waited it could find
    its connection closed under its request)."""
    from ltmt.server.access_log import log_config
    from ltmt.server.file_slots import RETRY_AFTER_S

    return {
        "host": host,
        "port": port,
        "timeout_graceful_shutdown": shutdown_timeout_s,
        "timeout_keep_alive": RETRY_AFTER_S + KEEP_ALIVE_MARGIN_S,
        "log_level": "info",
        "log_config": log_config(),
        "proxy_headers": forwarded_allow_ips is not None,
        "forwarded_allow_ips": forwarded_allow_ips or "",
    }


KEEP_ALIVE_MARGIN_S = 5  # seconds a connection outlasts the file slots' Retry-After


def check_address(host: str, port: int) -> None:
    """Raise :class:`InputError` unless a server could listen on ``host:port`` now."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise InputError(f"cannot listen on {host!r}: {exc.strerror}; check --host") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InputError(
                    f"port {port} on {host} is in use; stop what listens there or pick "
                    "another --port"
                ) from None
            raise InputError(
                f"cannot listen on {host}:{port}: {exc.strerror}; check --host"
            ) from None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
