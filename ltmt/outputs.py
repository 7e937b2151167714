"""Writing an output file the way a careful command-line tool does: :func:`open_output`.

    with open_output("out.jsonl") as out:       # or "-" for standard output
        out.write(text)

- ``-`` is standard output (never a file named ``-``), and so is a path that names this
  process's standard output (``/dev/stdout``): it is written at its offset, never truncated.
- A regular file, or a path that does not exist yet, is written atomically: into a temporary
  file in the same directory, flushed to disk (``fsync``), then renamed over the target, so a
  crash or an error leaves the old file or the new one, never half of one. A new file gets the
  usual mode for the process's umask (``0666 & ~umask``); a replaced file keeps its mode.
- Anything else that exists (a symlink, a device such as ``/dev/stdout``, a named pipe) is
  opened and written through; it is never replaced.
- A path written as a directory's (``out/``, ``out/.``) is refused, whether or not that
  directory exists: :class:`~pathlib.Path` drops the trailing separator, and the file was
  written as ``out``.
- Every failure is one :class:`OutputError` line saying what to do: a missing parent directory,
  a directory as target, a path without write permission, a read-only file system, a full disk.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ltmt.errors import LtmtError

STDOUT = "-"
# Errors that come from writing the data, whoever raised them inside the ``with`` block.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


class OutputError(LtmtError):
    """An output file cannot be written; the message names the file and what to do."""


def describe(path: str | os.PathLike[str]) -> str:
    """How an output is named in messages: ``standard output`` for ``-``, else the path."""
    return "standard output" if str(path) == STDOUT else str(path)


def output_error(exc: OSError, path: str | os.PathLike[str]) -> OutputError:
    """The one-line :class:`OutputError` for ``exc`` raised while writing ``path``."""
    name = describe(path)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"No space left on device while writing {name}: free space and retry")
    if code == errno.EFBIG:
        return OutputError(f"{name} is too large for its file system: write it elsewhere")
    if code == errno.EISDIR:
        return OutputError(f"cannot write {name}: it is a directory; give a file name")
    if code == errno.ENOENT:
        parent = Path(path).parent
        if parent.is_dir():  # /proc: a directory that takes no new file
            return OutputError(
                f"cannot write {name}: {parent} takes no new files; choose another directory"
            )
        if parent.exists():
            return OutputError(f"cannot write {name}: {parent} is a file, not a directory")
        return OutputError(
            f"cannot write {name}: directory {parent} does not exist; create it first"
        )
    if code == errno.ENOTDIR:
        blocking = next((p for p in Path(path).parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return OutputError(f"cannot write {name}: {blocking} is a file, not a directory")
        return OutputError(f"cannot write {name}: a part of its path is not a directory")
    if code in (errno.EACCES, errno.EPERM):
        return OutputError(f"cannot write {name}: permission denied; choose a writable path")
    if code == errno.EROFS:
        return OutputError(f"cannot write {name}: read-only file system; choose another path")
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"cannot write {name}: {reason}")


def names_directory(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is written as a directory's name: it ends in a separator (``out/``),
    ``.`` or ``..``. Made a :class:`~pathlib.Path`, ``out/new/`` is ``out/new``, a file's name."""
    return os.path.basename(os.fspath(path)) in ("", ".", "..")


def directory_named(path: str | os.PathLike[str]) -> OutputError:
    """The error for an output ``path`` that names a directory (:func:`names_directory`) or is
    one: a file is written under a file's name."""
    if os.path.isdir(path):
        return output_error(OSError(errno.EISDIR, "Is a directory"), path)
    return OutputError(
        f"cannot write {describe(path)}: it names a directory, which does not exist; "
        "give a file name"
    )


@contextmanager
def open_output(
    path: str | os.PathLike[str], *, binary: bool = False, encoding: str = "utf-8"
) -> Iterator[IO[Any]]:
    """A file object for ``path`` (text with ``\\n`` line ends, or bytes with ``binary``).

    What is written becomes visible when the ``with`` block ends without an error; on an error
    a regular file is left as it was. See the module docstring for the rules.
    """
    if is_stdout(path):
        with _stdout(binary, encoding) as out:
            yield out
        return
    if names_directory(path):
        raise directory_named(path)
    target = Path(path)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise output_error(exc, target) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise output_error(OSError(errno.EISDIR, "Is a directory"), target)
    if info is not None and not stat.S_ISREG(info.st_mode):
        with _through(target, binary, encoding) as out:
            yield out
        return
    with _atomic(target, info, binary, encoding) as out:
        yield out


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``-`` or names this process's standard output (``/dev/stdout``,
    ``/proc/self/fd/1``...): then it is written through that descriptor, at its offset, never
    truncated."""
    if str(path) == STDOUT:
        return True
    try:
        target, stdout = os.stat(path), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return (target.st_dev, target.st_ino) == (stdout.st_dev, stdout.st_ino)


def _text(raw: IO[bytes], binary: bool, encoding: str) -> IO[Any]:
    if binary:
        return raw
    return io.TextIOWrapper(raw, encoding=encoding, newline="\n")


@contextmanager
def _write_errors(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn a failed write (full disk, I/O error) inside the block into an OutputError."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in _WRITE_ERRNOS:
            raise
        raise output_error(exc, path) from exc


class ReaderLeft(Exception):
    """Standard output's reader closed the pipe (``ltmt ... | head -1``): the command is over,
    as one a SIGPIPE ended (:func:`ltmt.cli.main.run` leaves quietly with status 141). Not an
    ``OSError``, which the CLI's framework turned into a silent status 1."""


@contextmanager
def _stdout(binary: bool, encoding: str) -> Iterator[IO[Any]]:
    out: IO[Any] = sys.stdout.buffer if binary else sys.stdout
    try:
        with _write_errors(STDOUT):
            yield out
            out.flush()
    except BrokenPipeError as exc:
        raise ReaderLeft() from exc


@contextmanager
def _through(target: Path, binary: bool, encoding: str) -> Iterator[IO[Any]]:
    """Write into an existing non-regular file (symlink, device, pipe) without replacing it."""
    try:
        raw = open(target, "wb")  # noqa: SIM115 - closed below, errors translated
    except OSError as exc:
        raise output_error(exc, target) from exc
    out = _text(raw, binary, encoding)
    try:
        with _write_errors(target):
            yield out
            out.flush()
    finally:
        with contextlib.suppress(OSError):  # the error that matters was raised above
            out.close()


@contextmanager
def _atomic(
    target: Path, info: os.stat_result | None, binary: bool, encoding: str
) -> Iterator[IO[Any]]:
    """Write a temporary sibling of ``target``, fsync it and rename it over ``target``."""
    parent = target.parent
    temporary = parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        # O_EXCL: never follow or reuse what is there; 0o666 lets the umask decide the mode.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise output_error(exc, target) from exc
    out = _text(os.fdopen(fd, "wb"), binary, encoding)
    try:
        yield out
    except BaseException as exc:
        _discard(out, temporary)
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
            raise output_error(exc, target) from exc
        raise
    try:
        out.flush()
        if info is not None:
            os.chmod(fd, stat.S_IMODE(info.st_mode))
        os.fsync(fd)
        out.close()
        os.replace(temporary, target)
    except OSError as exc:
        _discard(out, temporary)
        raise output_error(exc, target) from exc
    _sync_directory(parent)


def _discard(out: IO[Any], temporary: Path) -> None:
    with contextlib.suppress(OSError):  # the write already failed; the file goes below
        out.close()
    temporary.unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: not every file system can fsync a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_output(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text or bytes) to ``path`` by the rules of :func:`open_output`."""
    if isinstance(data, bytes):
        with open_output(path, binary=True) as out:
            out.write(data)
    else:
        with open_output(path) as out:
            out.write(data)
