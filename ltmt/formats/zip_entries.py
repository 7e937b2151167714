"""The entries of a zip archive (an Office document, an OpenDocument file, an EPUB book), read
without trusting the archive, and the archive written back with some entries replaced.

    entries = ArchiveEntries(data, path, "a Word document")   # refuses a bomb or a zip slip
    entries["word/document.xml"]                              # decompressed when asked
    save_archive(out, entries, {"word/document.xml": translated})  # the rest copied in chunks

A zip bomb (a few megabytes that decompress to gigabytes of zeros) is refused before anything is
decompressed, by the sizes the archive declares: an entry of more than
:data:`DEFAULT_MAX_MB` MiB, or entries of more than that in all (``LTMT_ZIP_MAX_MB`` sets
that limit); and an entry of more than a MiB that is over :data:`MAX_RATIO` times its
compressed size is refused when it is asked for, as it would be decompressed into memory: one
copied as it is (a mostly white scan, stored uncompressed in its TIFF, 1000 times smaller in
the archive) is streamed, its size bounded by the limit above. Python's :mod:`zipfile` stops
decompressing an entry at its declared size (and checks its CRC), so the declared sizes bound
what is read. An entry is decompressed only when it is asked for, and one that is not replaced
is copied a chunk at a time straight into the output file: a film in a presentation is never
held whole, decompressed or not.

An entry whose name leaves the archive's folder once unpacked (``../x``, ``/tmp/x``,
``C:\\x``, a backslash, which Windows reads as a folder separator) is refused too: a tool that
unpacks the output would write it where it points (a zip slip).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ltmt.environment import ZIP_MAX_MB
from ltmt.errors import InputError

DEFAULT_MAX_MB = 1024
MAX_RATIO = 100  # Apache POI's limit: an entry at most 100 times its compressed size
_RATIO_FROM = 1 << 20  # a smaller entry may compress better: its size does no harm
_CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ZipLimits:
    """How much an archive may decompress to: ``size`` bytes an entry and in all, and
    ``ratio`` times its compressed size an entry of more than a MiB."""

    size: int = DEFAULT_MAX_MB << 20
    ratio: int = MAX_RATIO

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ZipLimits:
        """The limits, the size ``LTMT_ZIP_MAX_MB``'s where it is set (in MiB)."""
        value = (os.environ if environ is None else environ).get(ZIP_MAX_MB, "").strip()
        if not value:
            return cls()
        if not value.isdigit() or int(value) == 0:
            raise InputError(f"{ZIP_MAX_MB}={value!r}: give a whole number of MiB, such as 2048")
        return cls(size=int(value) << 20)


class ArchiveEntries(Mapping[str, bytes]):
    """A zip archive's entries by name, in the archive's order, each decompressed when asked
    for (module docstring); ``what`` the archive is, as errors name it."""

    def __init__(self, data: bytes, path: Path, what: str, limits: ZipLimits | None = None) -> None:
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise InputError(f"{path}: not {what} (not a zip archive: {exc})") from exc
        self.path = Path(path)
        self.what = what
        self.infos = {info.filename: info for info in self._archive.infolist()}
        self.limits = limits or ZipLimits.from_environment()
        for info in self.infos.values():
            _check_name(info.filename, self.path)
        _check_sizes(list(self.infos.values()), self.path, self.limits)

    def __getitem__(self, name: str) -> bytes:
        info = self.infos[name]
        _check_ratio(info, self.path, self.limits)
        try:
            return self._archive.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise InputError(f"{self.path}: its entry {name} cannot be read ({exc})") from exc

    def __contains__(self, name: object) -> bool:
        """Whether the archive has an entry ``name``, decompressing nothing (``Mapping``'s own
        reads the entry)."""
        return name in self.infos

    def __iter__(self) -> Iterator[str]:
        return iter(self.infos)

    def __len__(self) -> int:
        return len(self.infos)

    def write(
        self,
        out: IO[bytes],
        written: Mapping[str, bytes],
        *,
        first: tuple[zipfile.ZipInfo, bytes] | None = None,
        compress_type: int | None = None,
    ) -> None:
        """Write the archive to ``out``: each entry in its order and name, compressed as it was
        or by ``compress_type``, its bytes ``written``'s where they have it, else copied a chunk
        at a time; ``first``, an entry written before them as it is given, in place of the
        archive's own of its name (an EPUB's ``mimetype``, stored)."""
        with zipfile.ZipFile(out, "w") as archive:
            if first is not None:
                archive.writestr(*first)
            for name, info in self.infos.items():
                if first is not None and name == first[0].filename:
                    continue
                compression = info.compress_type if compress_type is None else compress_type
                if name in written:
                    archive.writestr(info, written[name], compress_type=compression)
                else:
                    self.copy(name, archive, compression)

    def copy(self, name: str, archive: zipfile.ZipFile, compress_type: int | None = None) -> None:
        """Copy the entry ``name`` into ``archive`` as it is, a chunk at a time, compressed as
        it was or by ``compress_type``."""
        info = self.infos[name]
        copied = zipfile.ZipInfo(info.filename, info.date_time)
        copied.compress_type = info.compress_type if compress_type is None else compress_type
        copied.external_attr = info.external_attr
        copied.comment = info.comment
        copied.extra = info.extra
        copied.file_size = info.file_size  # so that a large entry gets its zip64 fields
        try:
            with self._archive.open(info) as source, archive.open(copied, "w") as target:
                while chunk := source.read(_CHUNK):
                    target.write(chunk)
        except (zipfile.BadZipFile, EOFError, NotImplementedError) as exc:
            raise InputError(f"{self.path}: its entry {name} cannot be read ({exc})") from exc


def save_archive(
    path: Path,
    entries: ArchiveEntries,
    written: Mapping[str, bytes],
    *,
    first: tuple[zipfile.ZipInfo, bytes] | None = None,
    compress_type: int | None = None,
) -> None:
    """Write the archive of ``entries`` with those ``written`` replaced (``first`` and
    ``compress_type``: :meth:`ArchiveEntries.write`) to ``path`` as it is made, by
    :func:`ltmt.outputs.open_output`'s rules (never half-written); a missing parent directory
    is created."""
    from ltmt.outputs import open_output

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open_output(path, binary=True) as out:
        entries.write(out, written, first=first, compress_type=compress_type)


def _check_name(name: str, path: Path) -> None:
    """Refuse an entry ``name`` that points out of the archive's folder once unpacked."""
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or _DRIVE.match(name) or ".." in parts:
        raise InputError(
            f"{path}: its entry {name!r} points outside the archive's folder (an absolute "
            "path, '..', a backslash or a drive), which ltmt refuses; remove that entry"
        )


def _check_sizes(infos: list[zipfile.ZipInfo], path: Path, limits: ZipLimits) -> None:
    """Refuse an archive whose entries decompress to more bytes than ``limits`` allow, by the
    sizes it declares (module docstring)."""
    mib = limits.size >> 20
    raise_limit = f"set {ZIP_MAX_MB} to more MiB to read it anyway"
    for info in infos:
        if info.file_size > limits.size:
            raise InputError(
                f"{path}: its entry {info.filename} decompresses to {info.file_size >> 20} MiB, "
                f"over the limit of {mib} MiB an entry; {raise_limit}"
            )
    total = sum(info.file_size for info in infos)
    if total > limits.size:
        raise InputError(
            f"{path}: its entries decompress to {total >> 20} MiB in all, over the limit of "
            f"{mib} MiB; {raise_limit}"
        )


def _check_ratio(info: zipfile.ZipInfo, path: Path, limits: ZipLimits) -> None:
    """Refuse to decompress into memory an entry of more than a MiB that is over
    ``limits.ratio`` times its compressed size (a zip bomb's part ltmt would read)."""
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FROM and ratio > limits.ratio:
        raise InputError(
            f"{path}: its part {info.filename}, which ltmt reads, decompresses to {ratio:.0f} "
            f"times its compressed size, over the limit of {limits.ratio} (a zip bomb?), which "
            "ltmt does not read; check where the document comes from"
        )
