"""Translated files kept for their download: LibreTranslate's ``/translate_file`` answers a URL.

LibreTranslate's clients upload a file to ``POST /translate_file`` and get back
``{"translatedFileUrl": ...}``, which they fetch with a plain ``GET``, without their key. So a
translated file is kept until it is fetched: in the folder ``downloads`` of the memory store's
directory (mode 0700; every worker process of ``ltmt serve --workers N`` sees it, and the
download may reach another worker than the upload did), one file a translation, named by a
random 128-bit token, which the URL holds and which is the only way to it. A file is kept
:data:`KEEP_S` seconds (an hour) and then removed, at the next upload or download; at most
:data:`MAX_BYTES` are kept, the oldest removed first; deleting a user removes theirs.

An encrypted store's translations are encrypted here too (AES-256-GCM, under a key derived from
the store key, the token as associated data), so a translated file is never on disk in clear
where the memory it came from is not.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ltmt.memory.crypto import NONCE_BYTES, derive_key
from ltmt.memory.files import DIR_MODE, FILE_MODE

FOLDER = "downloads"
KEEP_S = 3600.0
MAX_BYTES = 1 << 30
_TOKEN = re.compile(r"[0-9a-f]{32}")
_PARTIAL = re.compile(r"\.[0-9a-f]{32}\.part")  # being written (or left by a crash)
_PLAIN, _SEALED = b"P", b"E"


@dataclass(frozen=True)
class Download:
    """A translated file: its user, the name it is downloaded as, its media type, its bytes."""

    user: str
    name: str
    media_type: str
    data: bytes


class Downloads:
    """The translated files waiting in ``folder`` (module docstring); ``store_key``: the
    encrypted store's key (None: a plain store, plain files)."""

    def __init__(
        self,
        folder: Path,
        store_key: bytes | None,
        *,
        keep_s: float = KEEP_S,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.folder = folder
        self.keep_s = keep_s
        self.max_bytes = max_bytes
        self._aead = None if store_key is None else AESGCM(derive_key(store_key, b"downloads"))

    def put(self, download: Download) -> str:
        """Keep ``download``; returns its token."""
        self.folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        self.sweep(room=len(download.data))
        token = secrets.token_hex(16)
        header = json.dumps(
            {"user": download.user, "name": download.name, "media_type": download.media_type}
        )
        payload = header.encode() + b"\n" + download.data
        if self._aead is None:
            stored = _PLAIN + payload
        else:
            nonce = os.urandom(NONCE_BYTES)
            stored = _SEALED + nonce + self._aead.encrypt(nonce, payload, token.encode())
        partial = self.folder / f".{token}.part"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(stored)
        os.replace(partial, self.folder / token)
        return token

    def get(self, token: str) -> Download | None:
        """The download of ``token``, or None where there is none (never was, fetched too late,
        or its user deleted)."""
        self.sweep()
        if not _TOKEN.fullmatch(token):
            return None
        try:
            stored = (self.folder / token).read_bytes()
        except OSError:
            return None
        return self._read(token, stored)

    def forget_user(self, user: str) -> int:
        """Remove ``user``'s downloads; returns how many."""
        removed = 0
        for path in self._files():
            download = self._read(path.name, _read_or_empty(path))
            if download is not None and download.user == user:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def sweep(self, room: int = 0) -> None:
        """Remove the downloads kept longer than ``keep_s``, then the oldest until the rest and
        ``room`` more bytes fit in ``max_bytes``."""
        now = time.time()
        kept: list[tuple[float, int, Path]] = []
        for path in self._files(partial=True):
            try:
                status = path.stat()
            except OSError:
                continue
            if now - status.st_mtime > self.keep_s:
                path.unlink(missing_ok=True)
            elif not _PARTIAL.fullmatch(path.name):
                kept.append((status.st_mtime, status.st_size, path))
        total = room + sum(size for _, size, _ in kept)
        for _, size, path in sorted(kept, key=lambda entry: entry[0]):
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size

    def _files(self, *, partial: bool = False) -> list[Path]:
        """The downloads kept (``partial``: and those being written)."""
        try:
            names = list(self.folder.iterdir())
        except OSError:
            return []
        return [
            path
            for path in names
            if _TOKEN.fullmatch(path.name) or (partial and _PARTIAL.fullmatch(path.name))
        ]

    def _read(self, token: str, stored: bytes) -> Download | None:
        kind, body = stored[:1], stored[1:]
        if kind == _PLAIN and self._aead is None:
            payload = body
        elif kind == _SEALED and self._aead is not None:
            try:
                payload = self._aead.decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], token.encode())
            except InvalidTag:
                return None
        else:
            return None
        header, _, data = payload.partition(b"\n")
        try:
            fields = json.loads(header)
            return Download(fields["user"], fields["name"], fields["media_type"], data)
        except (ValueError, KeyError, TypeError):  # not a file this module wrote
            return None


def _read_or_empty(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""
