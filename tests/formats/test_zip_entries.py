"""Zip archives read without trusting them: a bomb or an entry that points out of the
archive's folder is refused in one line before anything is decompressed; entries are read when
asked for and the rest copied as they are, a chunk at a time."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.zip_entries import ArchiveEntries, ZipLimits, save_archive

MIB = 1 << 20
NOISE = random.Random(0).randbytes(3 * MIB // 2)  # what does not compress


def _archive(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _read(data: bytes, limits: ZipLimits | None = None) -> ArchiveEntries:
    return ArchiveEntries(data, Path("bomb.docx"), "a Word document", limits)


@pytest.mark.parametrize(
    ("entries", "limits", "message"),
    [
        (
            {"word/media/big.bin": b"\0" * 3 * MIB},
            ZipLimits(size=2 * MIB),
            r"bomb.docx: its entry word/media/big.bin decompresses to 3 MiB, over the limit of "
            r"2 MiB an entry; set LTMT_ZIP_MAX_MB to more MiB",
        ),
        (
            {"a.bin": NOISE, "b.bin": NOISE},
            ZipLimits(size=2 * MIB),
            r"bomb.docx: its entries decompress to 3 MiB in all, over the limit of 2 MiB",
        ),
    ],
)
def test_an_archive_that_decompresses_to_too_much_is_refused_before_it_is_read(
    entries: dict[str, bytes], limits: ZipLimits | None, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        _read(_archive(entries), limits)


def test_a_part_read_into_memory_over_the_ratio_is_refused() -> None:
    entries = _read(_archive({"word/document.xml": b"\0" * 2 * MIB}))
    with pytest.raises(
        InputError,
        match=r"^bomb.docx: its part word/document.xml, which ltmt reads, decompresses to \d+ "
        r"times its compressed size, over the limit of 100 \(a zip bomb\?\), which ltmt does "
        r"not read; check where the document comes from$",
    ):
        entries["word/document.xml"]


def test_an_entry_copied_as_it_is_may_compress_as_well_as_it_does(tmp_path: Path) -> None:
    """A mostly white uncompressed TIFF scan (1002 times its compressed size) was refused as a
    zip bomb, with no way to read it (session 64): copied a chunk at a time, it never is in
    memory whole, and only the size limits bound it."""
    scan = b"II*\0" + b"\xff" * 3 * MIB
    entries = _read(_archive({"word/document.xml": b"<w>Hello</w>", "word/media/scan.tif": scan}))
    assert "word/media/scan.tif" in entries
    out = tmp_path / "scan.de.docx"
    save_archive(out, entries, {"word/document.xml": b"<w>Hallo</w>"})
    with zipfile.ZipFile(out) as archive:
        assert archive.read("word/media/scan.tif") == scan


def test_a_small_entry_may_compress_as_well_as_it_does() -> None:
    assert _read(_archive({"word/document.xml": b"\0" * 100_000}))["word/document.xml"]


def test_the_size_limit_is_set_in_mib_by_the_environment() -> None:
    assert ZipLimits.from_environment({}).size == 1024 * MIB
    assert ZipLimits.from_environment({"LTMT_ZIP_MAX_MB": "2048"}).size == 2048 * MIB
    with pytest.raises(InputError, match="LTMT_ZIP_MAX_MB='lots': give a whole number of MiB"):
        ZipLimits.from_environment({"LTMT_ZIP_MAX_MB": "lots"})


@pytest.mark.parametrize(
    "name",
    [
        "../../../../tmp/x/PWNED_rel.txt",
        "/tmp/x/PWNED_abs.txt",
        "word/../../PWNED_mid.txt",
        "OEBPS/../../../PWNED_chap.xhtml",
        "word\\..\\PWNED.txt",
        "C:/PWNED.txt",
    ],
)
def test_an_entry_that_points_out_of_the_archives_folder_is_refused(name: str) -> None:
    data = _archive({"word/document.xml": b"<w/>", name: b"pwned"})
    with pytest.raises(InputError, match=f"its entry {re.escape(repr(name))} points outside"):
        _read(data)


def test_the_archive_is_written_back_with_entries_replaced_and_the_rest_copied(
    tmp_path: Path,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<w>Hello</w>", zipfile.ZIP_DEFLATED)
        archive.writestr("word/media/image.png", b"\x89PNG" * 1000, zipfile.ZIP_STORED)
    entries = _read(buffer.getvalue())
    out = tmp_path / "out" / "guide.de.docx"
    save_archive(out, entries, {"word/document.xml": b"<w>Hallo</w>"})
    with zipfile.ZipFile(out) as archive:
        infos = archive.infolist()
        assert [(i.filename, i.compress_type) for i in infos] == [
            ("word/document.xml", zipfile.ZIP_DEFLATED),
            ("word/media/image.png", zipfile.ZIP_STORED),
        ]
        assert archive.read("word/document.xml") == b"<w>Hallo</w>"
        assert archive.read("word/media/image.png") == b"\x89PNG" * 1000


def test_an_entry_may_be_written_first_in_place_of_its_own_and_all_compressed_alike(
    tmp_path: Path,
) -> None:
    """As an EPUB is written: its ``mimetype`` first and stored, whatever the book had, the
    rest deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.xhtml", b"<p>Hello</p>", zipfile.ZIP_STORED)
        archive.writestr("mimetype", b"application/epub+zip", zipfile.ZIP_DEFLATED)
        archive.writestr("b.png", b"\x89PNG" * 1000, zipfile.ZIP_STORED)
    entries = ArchiveEntries(buffer.getvalue(), Path("book.epub"), "an EPUB book")
    out = tmp_path / "book.de.epub"
    first = (zipfile.ZipInfo("mimetype"), b"application/epub+zip")
    save_archive(
        out, entries, {"a.xhtml": b"<p>Hallo</p>"}, first=first, compress_type=zipfile.ZIP_DEFLATED
    )
    with zipfile.ZipFile(out) as archive:
        assert [(i.filename, i.compress_type) for i in archive.infolist()] == [
            ("mimetype", zipfile.ZIP_STORED),
            ("a.xhtml", zipfile.ZIP_DEFLATED),
            ("b.png", zipfile.ZIP_DEFLATED),
        ]
        assert archive.read("a.xhtml") == b"<p>Hallo</p>"
        assert archive.read("b.png") == b"\x89PNG" * 1000
