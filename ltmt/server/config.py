"""The settings of ``ltmt serve``: one frozen dataclass, checked when it is built."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from ltmt import environment
from ltmt.config import check_range
from ltmt.errors import ChoiceError, ConfigError
from ltmt.fusion.registry import FUSION_NAMES
from ltmt.server.cors import check_origins
from ltmt.server.public_url import check_public_url

# how ``--workers N`` hands the settings to each worker process
ENV_CONFIG = environment.SERVE_CONFIG


@dataclass(frozen=True)
class ServerConfig:
    """What the server loads, where it listens, and the limits it enforces.

    Sizes: ``max_body_bytes`` per request (uploads included), which must arrive within
    ``body_timeout_s`` seconds of the request's headers; ``max_segments`` per translate
    request, ``max_segment_chars`` per segment, ``max_pairs`` per add-pairs request.
    Batching: requests arriving within ``batch_wait_ms`` of each other are decoded together,
    up to ``max_batch_segments`` segments and ``max_batch_chars`` characters; a longer request
    is decoded a piece at a time, sharing each batch with the others (:mod:`ltmt.server.turns`).
    Auth: ``auth_failures`` wrong keys from one address
    within ``auth_window_s`` seconds, and that address gets 429 until the window has passed.
    ``limit_concurrency``: requests in flight in each process before the next gets 503
    (:class:`~ltmt.server.limits.ConcurrencyLimit`; 0: no limit). ``requests_per_user``: a
    user's translate requests in flight before its next gets 429
    (:mod:`ltmt.server.user_requests`; 0: no limit; None: half of ``limit_concurrency``, so that
    one tenant's flood leaves the others places, and no limit where that is 0:
    :attr:`user_request_limit`). ``cors_origins``: the
    browser origins whose pages may call the server (:mod:`ltmt.server.cors`).
    ``public_url``: the address the URLs in answers start with (:mod:`ltmt.server.public_url`).
    """

    host: str = "127.0.0.1"
    port: int = 8080
    model: str | None = None
    memory_dir: str | None = None
    key_file: str | None = None  # an encrypted store's key (None: $LTMT_KEY_FILE, if set)
    workers: int = 1
    threads: int = 0  # torch threads in each worker process; 0: torch's default
    fusion: str = "auto"
    beam: int = 4
    max_beam: int = 8
    batch_size: int = 32
    top_k: int = 4
    scan_max: int = 10_000  # memories of at most this many segments are scanned exhaustively
    src_lang: str | None = None  # None: the model's tokenizer config, else en
    tgt_lang: str | None = None  # None: the model's tokenizer config, else de
    max_body_bytes: int = 16 << 20
    body_timeout_s: float = 60.0
    max_segments: int = 128
    max_segment_chars: int = 5000
    max_pairs: int = 10_000
    files_per_user: int = 1  # file translations a user may have running at once
    # translate requests a user may have in flight; 0: no limit; None: half limit_concurrency
    requests_per_user: int | None = None
    batch_wait_ms: float = 20.0
    max_batch_segments: int = 64
    max_batch_chars: int = 4000  # of source text; a request's piece holds one segment at least
    auth_failures: int = 20
    auth_window_s: float = 60.0
    shutdown_timeout_s: float = 30.0
    limit_concurrency: int = 0  # requests in flight per process before a 503; 0: no limit
    cors_origins: tuple[str, ...] = ()  # browser origins allowed to call (``*``: any; none: off)
    public_url: str | None = None  # where clients reach the server (None: the request's Host)

    def __post_init__(self) -> None:
        positive = (
            "port workers beam max_beam batch_size top_k max_body_bytes max_segments "
            "max_segment_chars max_pairs max_batch_segments max_batch_chars auth_failures "
            "files_per_user"
        )
        for name in positive.split():
            value = getattr(self, name)
            if not isinstance(value, int) or value < (0 if name == "port" else 1):
                raise ConfigError(f"{name} must be a positive integer, got {value!r}")
        check_range("threads", self.threads, at_least=0)
        check_range("scan_max", self.scan_max, at_least=0)
        check_range("limit_concurrency", self.limit_concurrency, at_least=0)
        if self.requests_per_user is not None:
            check_range("requests_per_user", self.requests_per_user, at_least=0)
        if self.beam > self.max_beam:
            raise ConfigError(f"beam {self.beam} is above max_beam {self.max_beam}")
        for name in ("batch_wait_ms", "auth_window_s", "shutdown_timeout_s"):
            check_range(name, getattr(self, name), at_least=0)
        check_range("body_timeout_s", self.body_timeout_s, above=0)
        # a tuple, as JSON's list from a worker's $LTMT_SERVE_CONFIG compares equal to none
        object.__setattr__(self, "cors_origins", tuple(self.cors_origins))
        check_origins(self.cors_origins)
        check_public_url(self.public_url)
        if self.fusion not in FUSION_NAMES:
            raise ChoiceError(
                f"fusion must be one of {', '.join(FUSION_NAMES)}, got {self.fusion!r}"
            )

    @property
    def user_request_limit(self) -> int:
        """The translate requests a user may have in flight (0: no limit): ``requests_per_user``
        given, else half of ``limit_concurrency`` (one at least; the load trial of session 72:
        one tenant's flood took all 16 places and another got 0 of 50 requests through), and no
        limit where no concurrency limit is set."""
        if self.requests_per_user is not None:
            return self.requests_per_user
        return max(1, self.limit_concurrency // 2) if self.limit_concurrency else 0

    @property
    def memory_path(self) -> Path | None:
        return Path(self.memory_dir) if self.memory_dir is not None else None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> ServerConfig:
        try:
            data: dict[str, Any] = json.loads(text)
        except ValueError as exc:
            raise ConfigError(f"${ENV_CONFIG} is not JSON: {exc}") from exc
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
