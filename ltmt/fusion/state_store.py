"""Force-decoded memory segments kept on disk, so that the next run does not decode them again.

Force-decoding the matches costs about a fifth of a kNN run (``eval/bench_speed.py``), and a
user's runs keep reading the same memory segments. :class:`StateStore` keeps each decoded
segment in one safetensors file under ``<cache dir>/forced-states/<model fingerprint>/``, named
by the segment id and a hash of its cache key (the user, the segment id and its texts) in a
folder per user, so a changed model or an edited segment misses instead of returning stale
states, and :func:`forget_states` removes what a deleted memory or segment left
(:meth:`ltmt.memory.store.Memory.delete` and ``delete_user`` call it). A translation may still
write a segment's states after its delete removed them (it searched before the delete): a store
given the translator's memory checks, after each write, that the memory still holds the segment
with the same texts, and removes the file if not. Between the two, the delete's own removal finds
the file, so a deleted segment's states never stay on disk. The store is bounded:
past ``max_bytes`` (all models together) the least recently used files go. Deleting the
directory loses nothing.

Keys that a bfloat16 model made are written in bfloat16 (exactly the same values, half the
bytes) and read back as float32; others stay float32. The files hold the segments' target and
source token ids (layout 2: the source with the
cross-attention alignment), that is their text: the translator never gives a store to an
encrypted memory (:class:`ltmt.translator.Translator`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Hashable
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.paths import ENV_CACHE, default_cache_dir

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.datastore import ForcedSegment
    from ltmt.memory.store import Memory

logger = logging.getLogger(__name__)

STORE_FOLDER = "forced-states"
# in every file name's hash: files written in another layout (v1: keys and values only, before
# the cross-attention alignment) are never read, and go as the least recently used
LAYOUT_VERSION = 2
_TENSORS = {"keys", "values", "alignment", "source"}
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_SUFFIX = ".safetensors"


class StateStore:
    """One model's force-decoded segments on disk (see the module docstring).

    ``fingerprint``: the model's (``Backbone.fingerprint``); ``root``: the cache directory
    (default: :func:`ltmt.paths.default_cache_dir`); ``memory``: the memory the segments come
    from, checked after each write (module docstring). Segments load on the CPU.
    A file that cannot be read counts as a miss; a write that fails is logged and skipped:
    the store never stops a translation.
    """

    def __init__(
        self,
        fingerprint: str,
        root: Path | None = None,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        memory: Memory | None = None,
    ) -> None:
        self.base = (root if root is not None else default_cache_dir()) / STORE_FOLDER
        self.folder = self.base / fingerprint
        self.max_bytes = max_bytes
        self.memory = memory
        self._warned = False
        self._private = False  # the base folder was made owner-only by this store

    def path_of(self, key: Hashable) -> Path:
        """``key``: ``(fingerprint, user, segment id, source, target)`` as the fusion's segment
        cache builds it; the file sits in the user's folder, named by the segment id first so
        that :func:`forget_states` finds a deleted segment's files."""
        if not (isinstance(key, tuple) and len(key) == 5):
            raise TypeError(f"state store keys are (model, user, id, source, target), not {key!r}")
        digest = sha256(repr((LAYOUT_VERSION, *key)).encode()).hexdigest()[:32]
        name = f"{key[2]}-{digest}{_SUFFIX}"
        return self.folder / _user_folder(str(key[1])) / name

    def get(self, key: Hashable) -> ForcedSegment | None:
        """The stored segment of ``key``, or ``None``."""
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        from ltmt.fusion.datastore import ForcedSegment

        path = self.path_of(key)
        try:
            tensors = load_file(str(path))
            os.utime(path)  # recently used: evicted last
        except FileNotFoundError:
            return None
        except (OSError, SafetensorError, ValueError):
            logger.info("forced-state cache: dropping unreadable %s", path)
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return None
        if set(tensors) != _TENSORS:
            path.unlink(missing_ok=True)
            return None
        return ForcedSegment(
            tensors["keys"].float(), tensors["values"], tensors["alignment"], tensors["source"]
        )

    def put(self, key: Hashable, item: ForcedSegment) -> None:
        """Write ``item`` (atomically), then evict the oldest files when over ``max_bytes``."""
        from safetensors.torch import save_file

        if item.alignment is None or item.source is None:
            return  # stored without its alignment, it would read back as aligned to nothing
        path = self.path_of(key)
        partial = path.with_suffix(f".{os.getpid()}.part")
        try:
            if not self._private:
                _private_folder(self.base)
                self._private = True
            path.parent.mkdir(parents=True, exist_ok=True)
            tensors = {
                "keys": _compact(item.keys.contiguous().cpu()),
                "values": item.values.cpu(),
                "alignment": item.alignment.contiguous().cpu(),
                "source": item.source.cpu(),
            }
            save_file(tensors, str(partial))
            os.replace(partial, path)
            if not self._still_stored(key):  # deleted while it was decoded: see the docstring
                path.unlink(missing_ok=True)
                return
            size = path.stat().st_size
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            if not self._warned:
                logger.warning(
                    "forced-state cache: cannot write under %s (%s); matches are force-decoded "
                    "again next run (set %s to a writable folder)",
                    self.folder,
                    exc,
                    ENV_CACHE,
                )
                self._warned = True
            return
        _USAGE.add(self.base, size, self.max_bytes)

    def _still_stored(self, key: Hashable) -> bool:
        """Whether ``memory`` (when given) still holds the segment of ``key`` (as
        :meth:`path_of` checked it) with its texts."""
        from ltmt.errors import LtmtError
        from ltmt.fusion.datastore import segment_texts

        if self.memory is None:
            return True
        assert isinstance(key, tuple)
        _, user, seg_id, source, target = key
        try:
            segment = self.memory.get(str(user), int(seg_id))
        except LtmtError:  # a closed memory, or one that cannot be read: keep nothing
            return False
        return segment is not None and segment_texts(segment) == (source, target)

    def clear(self) -> None:
        """Delete this model's stored segments."""
        shutil.rmtree(self.folder, ignore_errors=True)
        _USAGE.forget(self.base)


def _compact(keys: torch.Tensor) -> torch.Tensor:
    """``keys`` (float32) in bfloat16 when that loses nothing (states of a bfloat16 model, as
    kNN's default weights give): half the bytes to write and read, the same floats back."""
    import torch

    if keys.dtype != torch.float32:
        return keys
    narrow = keys.to(torch.bfloat16)
    return narrow if torch.equal(narrow.float(), keys) else keys


def forget_states(user: str, segment_id: int | None = None, root: Path | None = None) -> int:
    """Delete the stored states of ``user``'s memory (of one segment with ``segment_id``) for
    every model: what a deleted memory or segment leaves in the cache. The files deleted."""
    base = (root if root is not None else default_cache_dir()) / STORE_FOLDER
    pattern = "*" + _SUFFIX if segment_id is None else f"{segment_id}-*{_SUFFIX}"
    deleted = 0
    for path in base.glob(f"*/{_user_folder(user)}/{pattern}"):
        with contextlib.suppress(OSError):
            path.unlink()
            deleted += 1
    return deleted


class _Usage:
    """The bytes under each store base this process knows of, shared by all its stores.

    The first write under a base counts its files (one scan of the folder, about 0.2 s with
    thousands of files); later writes, by any store of the process (a translator per user, a
    server's many), add their sizes instead of scanning again. Past the bound the oldest files go
    (:func:`_evict`) and the count is what remains.
    """

    def __init__(self) -> None:
        self._bytes: dict[Path, int] = {}
        self._lock = threading.Lock()

    def add(self, base: Path, size: int, max_bytes: int) -> None:
        """Count a file of ``size`` bytes written under ``base``; evict past ``max_bytes``."""
        with self._lock:
            used = self._bytes.get(base)
            used = _folder_bytes(base) if used is None else used + size
            if used > max_bytes:
                used = _evict(base, int(max_bytes * 0.8))
            self._bytes[base] = used

    def forget(self, base: Path) -> None:
        """Files under ``base`` went: count them again at the next write."""
        with self._lock:
            self._bytes.pop(base, None)


_USAGE = _Usage()


def _user_folder(user: str) -> str:
    return sha256(user.encode()).hexdigest()[:16]


def _files(base: Path) -> list[os.DirEntry[str]]:
    """The state files under ``base`` (``<model>/<user>/<file>``)."""
    found: list[os.DirEntry[str]] = []
    pending = [str(base)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.name.endswith(_SUFFIX):
                found.append(entry)
    return found


def _folder_bytes(base: Path) -> int:
    total = 0
    for entry in _files(base):
        try:
            total += entry.stat().st_size
        except OSError:
            continue
    return total


def _evict(base: Path, target: int) -> int:
    """Delete the least recently used files under ``base`` until at most ``target`` bytes
    remain; the bytes left."""
    entries = []
    for entry in _files(base):
        try:
            stat = entry.stat()
        except OSError:
            continue
        entries.append((stat.st_mtime_ns, stat.st_size, entry.path))
    entries.sort()
    total = sum(size for _, size, _ in entries)
    for _, size, path in entries:
        if total <= target:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
    return total


def _private_folder(folder: Path) -> None:
    """Create ``folder`` readable by its owner only: the states are made from the memory's
    targets, so the cache is as private as the store (whose directory is 0700)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
