"""Force-decoded memory segments kept on disk, so that the next run does not decode them again.

Force-decoding the matches costs about a fifth of a kNN run (``eval/bench_speed.py``), and a
user's runs keep reading the same memory segments. :class:`StateStore` keeps them under
``<cache dir>/forced-states/<model fingerprint>/<user folder>/`` in *packs*
(:mod:`ltmt.fusion.state_pack`): one safetensors file per batch and user with every segment that
batch force-decoded, each found by a hash of its cache key (the user, the segment id, the
match's texts and the segment's creation time), so a changed model or other texts miss instead
of returning stale states. A match narrowed to one line of its segment, or repaired with the
input's words (:mod:`ltmt.fusion.selection`), is kept under its own texts and its segment's id,
so the next run over the same input reads it too (a repaired match holds the words of the input
it was repaired for). A
store indexes a user's folder from the packs' headers when it first reads it, and again when
the folder changed (another run or process wrote or removed a pack; partial packs that a killed
writer left go then, after an hour); a read takes only the segment's own bytes. (A file per
segment, the layout before, made a cold knn-trained pass over 1,084 dev segments write 4,719
files, 1.30 s of CPU; 35 packs take 0.48 s: ``eval/results/speed/state-packs/``.)

:func:`forget_states` removes what a deleted memory or segment left: every pack that holds one
of the segments (:meth:`ltmt.memory.store.Memory.delete` and ``delete_user`` call it; the other
segments of such a pack are decoded again when next needed), whatever texts the match was read
with. A translation may still write a segment's states after its delete removed them (it
searched before the delete): a store given the translator's memory leaves out of a pack the
matches whose segment the memory no longer holds (the same id *and* creation time: a user
deleted and imported again has new segments under the old ids), and checks again after the
write, removing the pack if one went meanwhile.
A user's folder is named by the user and its store (its id:
:func:`ltmt.memory.cached_traces.store_identity`, which a move or another path to the store
keeps), so that stores sharing a cache folder keep their users of one name apart, and a delete
removes its own store's states only; a store given no memory (a stand-in), or a memory store
of before ids until its first write, names it by the user alone, as every store did before, and
a delete removes that folder of the user too (states no store reads any more, and the text of
the user deleted).
Between the two, the delete's own removal finds the pack, so a deleted segment's states never
stay on disk. That holds across cache folders too: before its first pack, a store notes its
cache folder in the memory (:meth:`ltmt.memory.store.Memory.note_state_cache`), and a delete
removes the packs from every folder noted there, whichever cache folder the deleting process
has (a server's, a shell's). The store is bounded: past ``max_bytes`` (all models together;
by default ``$LTMT_STATE_CACHE_MB`` megabytes, else 256: :func:`default_max_bytes`) the least
recently used packs go. Deleting the
directory loses nothing.

The packs hold the segments' target and source token ids, that is their text: the translator
never gives a store to an encrypted memory (:class:`ltmt.translator.Translator`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import threading
import time
from collections.abc import Collection, Hashable, Mapping, Sequence
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt import environment
from ltmt.errors import ConfigError, StoreError
from ltmt.fusion.state_pack import LAYOUT_VERSION, PackError, Slot, read_segment, read_slots
from ltmt.paths import ENV_CACHE, default_cache_dir, on_read_only_file_system, private_folder

if TYPE_CHECKING:
    from ltmt.fusion.datastore import ForcedSegment
    from ltmt.memory.store import Memory

logger = logging.getLogger(__name__)

STORE_FOLDER = "forced-states"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
ENV_MAX_MB = environment.STATE_CACHE_MB  # the bound in megabytes; 0: no states on disk
_SUFFIX = ".safetensors"
_PARTIAL = ".part"  # a pack being written, renamed to its name when complete
# (model fingerprint, user, segment id, source, target, the segment's creation time)
Key = tuple[str, str, int, str, str, float]


class StateStore:
    """One model's force-decoded segments on disk (see the module docstring).

    ``fingerprint``: the model's (``Backbone.fingerprint``); ``root``: the cache directory
    (default: :func:`ltmt.paths.default_cache_dir`); ``memory``: the memory the segments come
    from, checked after each write (module docstring). Segments load on the CPU.
    A pack that cannot be read is removed and its segments count as misses; a write that fails
    is logged and skipped: the store never stops a translation.
    """

    def __init__(
        self,
        fingerprint: str,
        root: Path | None = None,
        *,
        max_bytes: int | None = None,
        memory: Memory | None = None,
    ) -> None:
        self.base = (root if root is not None else default_cache_dir()) / STORE_FOLDER
        self.folder = self.base / fingerprint
        self.max_bytes = default_max_bytes() if max_bytes is None else max_bytes
        self.memory = memory
        self._store = None if memory is None else _identity_of(memory)
        self._warned = False
        self._read_only: bool | None = None  # the base folder's file system, once told
        self._private = False  # the base folder was made owner-only by this store
        self._indexes: dict[str, _FolderIndex] = {}
        self._lock = threading.Lock()  # the indexes, for the threads of a server

    def file_of(self, key: Hashable) -> Path | None:
        """The pack that holds ``key``'s segment, or ``None``."""
        _, slot = self._slot(key)
        return slot.path if slot is not None and slot.path.exists() else None

    def get(self, key: Hashable) -> ForcedSegment | None:
        """The stored segment of ``key``, or ``None``."""
        index, slot = self._slot(key)
        if slot is None:
            return None
        try:
            item = read_segment(slot)
        except (OSError, PackError) as exc:
            if not isinstance(exc, FileNotFoundError):  # else evicted or forgotten meanwhile
                logger.info("forced-state cache: dropping unreadable %s", slot.path)
                with contextlib.suppress(OSError):
                    slot.path.unlink(missing_ok=True)
            with self._lock:
                index.drop(slot.path.name)
            return None
        with contextlib.suppress(OSError):  # a read-only cache keeps its order of use
            os.utime(slot.path)  # recently used: evicted last
        return item

    def put(self, key: Hashable, item: ForcedSegment) -> None:
        """Store one segment (:meth:`put_many`)."""
        self.put_many([(key, item)])

    def put_many(self, items: Sequence[tuple[Hashable, ForcedSegment]]) -> None:
        """Write ``items`` as one pack per user (atomically), then evict the least recently used
        packs when over ``max_bytes``. Segments without their alignment are not stored: they
        would read back as aligned to nothing."""
        by_user: dict[str, list[tuple[Key, ForcedSegment]]] = {}
        for key, item in items:
            checked = _checked_key(key)
            if item.alignment is not None and item.source is not None:
                by_user.setdefault(str(checked[1]), []).append((checked, item))
        for user, group in by_user.items():
            self._write_pack(user, group)

    def _write_pack(self, user: str, group: list[tuple[Key, ForcedSegment]]) -> None:
        from ltmt.fusion.state_pack import write_pack

        if self._on_read_only_file_system():
            self._say_not_written("its file system is read-only; the states it holds are read")
            return
        # a match whose segment the memory no longer holds (deleted since it was found) goes,
        # so that the rest of the batch is kept
        group = [(key, item) for key, item in group if self._still_stored(key)]
        if not group:
            return
        index = self._index(user)
        name = f"pack-{time.time_ns():x}-{os.getpid()}-{secrets.token_hex(4)}{_SUFFIX}"
        path = index.folder / name
        partial = path.with_suffix(_PARTIAL)
        try:
            if not self._private:
                self._note_with_memory()
                private_folder(self.base)  # the states are the memory's text
                self._private = True
            private_folder(index.folder)  # its model's folder too: 0700, as the base
            write_pack(partial, [(key[2], _digest(key), item) for key, item in group])
            os.replace(partial, path)
            # a segment deleted while the pack was written: see the module docstring
            if not all(self._still_stored(key) for key, _ in group):
                path.unlink(missing_ok=True)
                return
            size = path.stat().st_size
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            self._say_not_written(str(exc))
            return
        with self._lock:
            index.add(path)
        _USAGE.add(self.base, size, self.max_bytes)

    def _on_read_only_file_system(self) -> bool:
        """Whether the cache lies on a read-only file system, asked once per store (a statvfs
        call per pack written would add up over a long run)."""
        if self._read_only is None:
            self._read_only = on_read_only_file_system(self.base)
        return self._read_only

    def _say_not_written(self, reason: str) -> None:
        """Warn, once per store, that its packs are not written (``reason``): the translation
        goes on, and the next run force-decodes again what this one did not keep."""
        if self._warned:
            return
        logger.warning(
            "forced-state cache: cannot write under %s (%s); matches it does not hold are "
            "force-decoded again next run (set %s to a writable folder)",
            self.folder,
            reason,
            ENV_CACHE,
        )
        self._warned = True

    def _note_with_memory(self) -> None:
        """Note this cache folder in the memory before its first pack is written, so that a
        delete run by a process with another cache folder finds the packs here too
        (:meth:`ltmt.memory.store.Memory.note_state_cache`); a memory that cannot note it (a
        read-only store) gets no pack: an OSError, said once as the writes' others are."""
        from ltmt.errors import LtmtError

        if self.memory is None:
            return
        try:
            self.memory.note_state_cache(self.base.parent)
        except LtmtError as exc:
            raise OSError(f"the memory store cannot note this cache folder: {exc}") from exc

    def _slot(self, key: Hashable) -> tuple[_FolderIndex, Slot | None]:
        """The index of ``key``'s user folder (read again if the folder changed), and the slot
        that holds ``key``'s segment there."""
        checked = _checked_key(key)
        index = self._index(str(checked[1]))
        with self._lock:
            index.refresh()
            return index, index.slots.get(_digest(checked))

    def _index(self, user: str) -> _FolderIndex:
        with self._lock:
            index = self._indexes.get(user)
            if index is None:
                folder = self.folder / _user_folder(user, self._store)
                index = self._indexes[user] = _FolderIndex(folder)
            return index

    def _still_stored(self, key: Key) -> bool:
        """Whether ``memory`` (when given) still holds the segment that ``key``'s match was
        read from: the same id and creation time (segments never change; the match's texts
        may be a line of it, or repaired)."""
        from ltmt.errors import LtmtError

        if self.memory is None:
            return True
        _, user, seg_id, _, _, created = key
        try:
            segment = self.memory.get(str(user), int(seg_id))
        except LtmtError:  # a closed memory, or one that cannot be read: keep nothing
            return False
        return segment is not None and float(segment.created) == created

    def used_bytes(self) -> int:
        """The bytes the stores under this store's cache directory hold (every model's)."""
        return _folder_bytes(self.base)

    def clear(self) -> None:
        """Delete this model's stored segments."""
        shutil.rmtree(self.folder, ignore_errors=True)
        with self._lock:
            self._indexes.clear()
        _USAGE.forget(self.base)


class _FolderIndex:
    """The segments of one user's folder by key digest, from its packs' headers; read again
    (only the packs it has not seen) when the folder's modification time changes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.slots: dict[str, Slot] = {}
        self._packs: dict[str, list[str]] = {}  # file name -> the digests it holds
        self._stamp: int | None = None

    def refresh(self) -> None:
        try:
            stamp = os.stat(self.folder).st_mtime_ns
        except OSError:
            stamp = None
        if stamp is not None and stamp == self._stamp:
            return
        names = set() if stamp is None else set(_pack_names(self.folder))
        for gone in set(self._packs) - names:
            self.drop(gone)
        for name in names - set(self._packs):
            self.add(self.folder / name)
        self._stamp = stamp

    def add(self, path: Path) -> None:
        try:
            slots = read_slots(path)
        except FileNotFoundError:
            return
        except (OSError, PackError) as exc:  # another layout or a damaged file: never read
            logger.info("forced-state cache: dropping unreadable %s (%s)", path, exc)
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return
        self._packs[path.name] = list(slots)
        self.slots.update(slots)

    def drop(self, name: str) -> None:
        for digest in self._packs.pop(name, []):
            slot = self.slots.get(digest)
            if slot is not None and slot.path.name == name:
                del self.slots[digest]


def default_max_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The stores' bound: ``$LTMT_STATE_CACHE_MB`` megabytes when set (0: keep no states on
    disk), else :data:`DEFAULT_MAX_BYTES`; anything but a whole number is a :class:`ConfigError`."""
    raw = (os.environ if environ is None else environ).get(ENV_MAX_MB, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    if not raw.isdigit():
        raise ConfigError(
            f"{ENV_MAX_MB} must be a whole number of megabytes (0 keeps no force-decoded states "
            f"on disk), not {raw!r}"
        )
    return int(raw) * 1024 * 1024


def _checked_key(key: Hashable) -> Key:
    """``key``: ``(fingerprint, user, segment id, source, target, created)`` as the fusion's
    segment cache builds it."""
    if not (isinstance(key, tuple) and len(key) == 6):
        raise TypeError(
            f"state store keys are (model, user, id, source, target, created), not {key!r}"
        )
    return key


def _digest(key: Key) -> str:
    return sha256(repr((LAYOUT_VERSION, *key)).encode()).hexdigest()[:32]


# a partial pack older than this was left by a writer that died (a write takes milliseconds)
_STALE_PARTIAL_S = 3600


def _pack_names(folder: Path) -> list[str]:
    """The packs in ``folder``; partial packs that a killed writer left are removed on the way."""
    names = []
    stale = time.time() - _STALE_PARTIAL_S
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(_SUFFIX):
                names.append(entry.name)
            elif entry.name.endswith(_PARTIAL):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < stale:
                        os.unlink(entry.path)
    return names


def forget_states(
    user: str,
    segment_id: int | Collection[int] | None = None,
    root: Path | None = None,
    *,
    store: str | None = None,
) -> int:
    """Delete the stored states of ``user``'s memory (of one segment with ``segment_id``, or of
    a collection of them, each file read once for them all) for every model: what a deleted
    memory or segment leaves in the cache. ``store``: the memory store's identity
    (:func:`ltmt.memory.cached_traces.store_identity`), whose states go, and not those of a
    user of the same name in another store; the user's folder of no store (a stand-in
    memory's, a store's with no id yet, every store's before folders were named by store)
    goes too. A file that cannot be read (another layout,
    damaged) may hold the segment and goes too. The files deleted."""
    base = (root if root is not None else default_cache_dir()) / STORE_FOLDER
    wanted = None if segment_id is None else _id_set(segment_id)
    folders = dict.fromkeys([_user_folder(user, None), _user_folder(user, store)])
    deleted = 0
    for folder in folders:
        for path in base.glob(f"*/{folder}/*{_SUFFIX}"):
            if wanted is not None and not _may_hold(path, wanted):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                deleted += 1
        if wanted is None:  # the user's folders go too, once empty (rmdir keeps a full one)
            for emptied in base.glob(f"*/{folder}"):
                with contextlib.suppress(OSError):
                    emptied.rmdir()
    return deleted


def _identity_of(memory: Memory) -> str | None:
    """What names ``memory``'s store in its users' state folders
    (:func:`ltmt.memory.cached_traces.store_identity`); None for a closed memory, which cannot
    note a cache folder, so no pack is written for it."""
    from ltmt.memory.cached_traces import store_identity

    try:
        return store_identity(memory.store)
    except StoreError:  # closed
        return None


def _id_set(segment_id: int | Collection[int]) -> frozenset[int]:
    """``segment_id`` as a set of ids (one id: a set of it)."""
    return frozenset([segment_id] if isinstance(segment_id, int) else segment_id)


def _may_hold(path: Path, segment_ids: frozenset[int]) -> bool:
    try:
        return any(slot.segment_id in segment_ids for slot in read_slots(path).values())
    except FileNotFoundError:
        return False
    except (OSError, PackError):
        return True


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


def _user_folder(user: str, store: str | None) -> str:
    """The folder name of ``user``'s states from ``store`` (its identity:
    :func:`ltmt.memory.cached_traces.store_identity`); None: of a store given no memory, or
    with no id yet, named by the user alone."""
    named = user if store is None else f"{store}\0{user}"
    return sha256(named.encode()).hexdigest()[:16]


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
