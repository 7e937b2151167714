"""Where ltmt keeps its files when the caller does not say.

The memory store lives in one directory: ``$LTMT_HOME`` when set, else ``$XDG_DATA_HOME/ltmt``,
else ``~/.local/share/ltmt``. Nothing here creates a directory unprompted; the store does that when
it opens. Derived files (converted models) go to :func:`default_cache_dir`, and what in them is
made from a memory's text into a folder of its owner's alone (:func:`private_folder`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ltmt import environment

ENV_HOME = environment.HOME
ENV_CACHE = environment.CACHE_DIR


def default_memory_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The store directory to use when none is given (see the module docstring for the order)."""
    return _user_dir(environ, ENV_HOME, "XDG_DATA_HOME", "~/.local/share")


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where derived files go (converted models; what source each output's translations were
    written for, :mod:`ltmt.formats.output_sources`): ``$LTMT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/ltmt``, else ``~/.cache/ltmt``. Deleting it loses no translation: the
    models are made again, and the next update into an output keeps its blocks by place once."""
    return _user_dir(environ, ENV_CACHE, "XDG_CACHE_HOME", "~/.cache")


def _user_dir(environ: Mapping[str, str] | None, own: str, xdg: str, fallback: str) -> Path:
    """``$own``, else ``$xdg/ltmt`` (when absolute), else ``fallback/ltmt``."""
    env = os.environ if environ is None else environ
    explicit = env.get(own, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    base = env.get(xdg, "").strip()
    if base and Path(base).is_absolute():
        return Path(base) / "ltmt"
    return Path(fallback).expanduser() / "ltmt"


def private_folder(folder: Path) -> Path:
    """``folder``, created readable by its owner only (0700, whatever the umask; an existing
    one left open by an older version is closed), and so is each folder above it that this
    makes (the cache folder itself: ``mkdir(parents=True)`` made those ``0777`` less the umask,
    open to all under ``umask 000``): what a cache keeps of a memory's text (the force-decoded
    states, the records of the outputs written) is as private as the store, whose directory
    is 0700."""
    for missing in _missing_folders(folder):
        try:
            missing.mkdir(mode=0o700)
        except FileExistsError:  # made meanwhile by another process: its mode is its own
            continue
        missing.chmod(0o700)  # a umask that takes bits of 0700 away would lock the owner out
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # a file in its place: an OSError
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and the folders above it that do not exist yet, outermost first."""
    missing: list[Path] = []
    for each in (folder, *folder.parents):
        if each.exists():
            break
        missing.append(each)
    return missing[::-1]


def write_private_file(path: Path, data: bytes, *, modified: float | None = None) -> None:
    """Write ``data`` to ``path`` readable by its owner only (0600, whatever the umask), by a
    temporary file beside it renamed over it: never half-written. ``modified``: the file's
    modification time (seconds since the epoch), set before the rename, for a file whose time
    is what it says (a lock-out's end, :mod:`ltmt.server.auth`); None: the time of writing."""
    temporary = private_temporary_file(path, data)
    try:
        if modified is not None:
            os.utime(temporary, (modified, modified))
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def link_new_secret(path: Path, size: int) -> bool:
    """Link a new random secret of ``size`` bytes (0600) to ``path`` unless a file is there:
    whether this call's was linked. Processes starting at once may each offer one; a link never
    replaces a file and the secret is whole before it has the name, so only the first counts
    and every process reads back the same one."""
    temporary = private_temporary_file(path, os.urandom(size))
    try:
        os.link(temporary, path)
    except FileExistsError:
        return False
    finally:
        temporary.unlink(missing_ok=True)
    return True


def private_temporary_file(path: Path, data: bytes) -> Path:
    """A new file beside ``path``, readable by its owner only, holding ``data`` (synced)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def resolve_memory_dir(path: str | os.PathLike[str] | None) -> Path:
    """``path`` when given (user-expanded), else :func:`default_memory_dir`. An empty path is
    an :class:`~ltmt.errors.InputError` (it would be the working directory: an unset variable
    read as a path made a store of a project's folder)."""
    if path is None:
        return default_memory_dir()
    if not str(path).strip():
        from ltmt.errors import InputError

        raise InputError("the memory store's path is empty: name a directory (or give none)")
    return Path(path).expanduser()


def on_read_only_file_system(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (or its nearest existing parent) lies on a file system mounted
    read-only (``mount -o ro``, a read-only bind mount, a read-only container volume): writes
    there fail with EROFS whatever the files' modes say, and ``os.access`` does not tell."""
    path = Path(path)
    for candidate in (path, *path.parents):
        try:
            return bool(os.statvfs(candidate).f_flag & os.ST_RDONLY)
        except OSError:
            continue
    return False


def resolved(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with its links followed (:meth:`Path.resolve`); a loop of
    symbolic links (``ln -s loop loop``) is an :class:`~ltmt.errors.InputError` that names
    it, not the RuntimeError ``resolve`` raises."""
    try:
        return Path(path).resolve()
    except RuntimeError:
        from ltmt.errors import InputError

        raise InputError(
            f"{path} is a loop of symbolic links; fix the link or give another path"
        ) from None
