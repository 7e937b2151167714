"""Who is asking: API keys from the request, and the per-address limit on failed attempts.

A request carries its token as ``Authorization: Bearer <token>`` (or, on the
LibreTranslate-compatible endpoint, as ``api_key``). No token: 401. A token that is not a live
key: 403, counted against the client's address; an address with too many failures in the
window gets 429 before its token is even looked at, so keys cannot be guessed at speed.

The count is written whole or not at all (a new file renamed over the old one): on a full disk
the old count stays, and the wrong key is still a 403, the count that could not be written a
warning in the log.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from ltmt.memory.files import DIR_MODE
from ltmt.memory.keys import ApiKey, KeyRing
from ltmt.memory.user_ids import check_user
from ltmt.paths import write_private_file
from ltmt.server.access_log import note_requester
from ltmt.server.errors import ApiError
from ltmt.server.shared_limits import LimitNames, locked

logger = logging.getLogger(__name__)

BEARER = "bearer "
BEARER_HEADER = "'Authorization: Bearer <token>'"  # how a /v1 request sends its key
FAILURES = "key-failures.json"  # in the store's limits folder
LOCKED_OUT = "key-lockouts"  # beside the failures file: one file per address locked out
LOCK_SUFFIX = ".lock"  # the failures file's lock: the file itself is replaced, not rewritten


class FailureLimiter:
    """At most ``limit`` failures per client address within ``window_s`` seconds, counted in
    the file ``path`` (the store's ``limits/key-failures.json``,
    :mod:`ltmt.server.shared_limits`) so that every worker process counts them together: each
    address's failure times, those of the window only, the address named by ``names``.

    Only a wrong key reads that file. Every request read it (under a lock, however many
    addresses it counted) to learn whether its address was locked out, a good key's too. An
    address that reaches the limit now gets a file of its own in the folder ``key-lockouts``
    beside it, whose modification time is the end of its wait: a request looks for its
    address's file, which for nearly every address is not there (nothing opened, locked or
    read), and the other workers see it as soon as it is made."""

    def __init__(self, limit: int, window_s: float, path: Path, names: LimitNames) -> None:
        self.limit = limit
        self.window_s = window_s
        self.path = path
        self.names = names
        self.locked_out = path.with_name(LOCKED_OUT)
        self.lock = path.with_name(path.name + LOCK_SUFFIX)  # held while the counts change

    def _recent(self, failures: dict[str, list[float]], name: str, now: float) -> list[float]:
        """The failure times within the window of the address named ``name``."""
        return [t for t in failures.get(name, []) if now - t <= self.window_s]

    def retry_after(self, address: str) -> float:
        """Seconds until ``address`` may try again (0: it may now)."""
        try:
            until = (self.locked_out / self.names.of(address)).stat().st_mtime
        except FileNotFoundError:
            return 0.0
        return max(0.0, until - time.time())

    def fail(self, address: str) -> None:
        """Count a failure of ``address``; at the limit, lock it out until the oldest of its
        last ``limit`` failures leaves the window. A count that cannot be written (a full
        disk) is logged and lost: the file keeps the counts it had, and the key is refused
        all the same."""
        try:
            self._count(address)
        except OSError as exc:
            logger.warning(
                "cannot count a wrong key from %s in %s (%s); it is refused uncounted",
                address,
                self.path,
                exc.strerror or exc,
            )

    def _count(self, address: str) -> None:
        now, name = time.time(), self.names.of(address)
        with locked(self.lock):
            failures = _read(self.path)
            times = failures[name] = [*self._recent(failures, name, now), now][-self.limit :]
            for gone in [n for n, kept in failures.items() if now - max(kept) > self.window_s]:
                del failures[gone]  # addresses whose window has passed
                (self.locked_out / gone).unlink(missing_ok=True)
            write_private_file(self.path, json.dumps(failures).encode())
            if len(times) >= self.limit:
                until = times[-self.limit] + self.window_s
                self._lock_out(name, until)
                logger.warning(
                    "%s locked out for %.0f s: %d wrong keys within %g s (--auth-failures)",
                    address,
                    until - now,
                    self.limit,
                    self.window_s,
                )

    def _lock_out(self, name: str, until: float) -> None:
        """Make the file that locks out the address named ``name`` until ``until``
        (its modification time), whole at once: a request never sees it half made."""
        self.locked_out.mkdir(mode=DIR_MODE, exist_ok=True)
        write_private_file(self.locked_out / name, b"", modified=until)


def _read(path: Path) -> dict[str, list[float]]:
    """The failure times in the file ``path``; none where there is none yet, or where it is
    empty or unreadable (written by an earlier version, which rewrote it in place and left it
    empty on a full disk): the limit starts over rather than lock everyone out."""
    try:
        data = json.loads(path.read_bytes() or b"{}")
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (None when there is none)."""
    if not authorization:
        return None
    if not authorization[: len(BEARER)].lower() == BEARER:
        raise ApiError(401, "the Authorization header must be 'Bearer <token>'")
    return authorization[len(BEARER) :].strip() or None


class Authenticator:
    """Turn a request's token into its :class:`ApiKey`, or the right error."""

    def __init__(self, keys: KeyRing, limiter: FailureLimiter) -> None:
        self.keys = keys
        self.limiter = limiter

    def check(self, token: str | None, address: str, sent_as: str = BEARER_HEADER) -> ApiKey:
        """The live key of ``token`` from ``address``; ``sent_as``: how the endpoint takes a
        key, named where none came (401)."""
        wait = self.limiter.retry_after(address)
        if wait > 0:
            raise ApiError(
                429,
                f"too many failed key attempts from {address}; try again in {wait:.0f} s",
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        if token is None:
            raise ApiError(401, f"an API key is needed: send {sent_as}")
        key = self.keys.verify(token)
        if key is None:
            self.limiter.fail(address)
            raise ApiError(403, "the API key is not valid (wrong, revoked or mistyped)")
        note_requester(key.user, key.id)  # the access log names it
        return key


def acting_user(key: ApiKey, user: str | None) -> str:
    """The user a request acts on: the key's own, or (admin keys only) the one it names, a
    valid user id (:func:`~ltmt.memory.user_ids.check_user`: 400 otherwise, as the CLI's
    ``--user``)."""
    if user is None or user == key.user:
        return key.user
    if not key.admin:
        raise ApiError(403, f"this key belongs to user {key.user!r} and cannot reach {user!r}")
    return check_user(user)


def require_admin(key: ApiKey) -> ApiKey:
    if not key.admin:
        raise ApiError(403, "this endpoint needs an admin key ('ltmt keys create --admin')")
    return key
