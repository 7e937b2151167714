"""EPUB books: their XHTML documents translated, the archive written as the format requires,
checked with EPUBCheck (Debian's epubcheck, as .ci/run installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from archives import zipped
from formats_fakes import FakeModel
from lxml import etree

from ltmt.errors import InputError, UnalignedTranslationError
from ltmt.formats.documents import open_document
from ltmt.formats.epub import EpubDocument
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"
         xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="en">
    <dc:identifier id="uid">urn:uuid:12345678-1234-4234-8234-123456789abc</dc:identifier>
    <dc:title>A Small Book</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2026-12-04T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="text/chapter1.xhtml" media-type="application/xhtml+xml"
          properties="mathml"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="c1"/>
  </spine>
</package>
"""
NAV = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"
      xml:lang="en" lang="en">
<head><title>Contents</title></head>
<body>
  <nav epub:type="toc"><h1>Contents</h1>
    <ol><li><a href="text/chapter1.xhtml">The first chapter</a></li></ol>
  </nav>
</body>
</html>
"""
CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>The first chapter</title><link rel="stylesheet" href="../style.css"/></head>
<body>
  <h1>The first chapter</h1>
  <p>Call me <em>Ishmael</em>. Some years ago&#8212;never mind how long&#x2014;I went
     to sea.</p>
  <p>An equation <span class="m"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi>
     </math></span>, then more words.</p>
</body>
</html>
"""
STYLE = "p { margin: 0 }\n"
NCX = """<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="en">
  <head><meta name="dtb:uid" content="urn:uuid:12345678-1234-4234-8234-123456789abc"/></head>
  <docTitle><text>A Small Book</text></docTitle>
  <docAuthor><text>Ann Author</text></docAuthor>
  <navMap>
    <navPoint id="n1" playOrder="1">
      <navLabel><text>The first chapter &amp; more</text></navLabel>
      <content src="text/chapter1.xhtml"/>
    </navPoint>
  </navMap>
</ncx>
"""


def _book(path: Path, chapter: str = CHAPTER) -> Path:
    return zipped(
        path,
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER,
            "EPUB/package.opf": PACKAGE,
            "EPUB/nav.xhtml": NAV,
            "EPUB/text/chapter1.xhtml": chapter,
            "EPUB/style.css": STYLE,
            "EPUB/toc.ncx": NCX,
        },
    )


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return _book(tmp_path / "book.epub")


def test_units_are_the_documents_runs_in_reading_order(book: Path) -> None:
    units = open_document(book).units()
    assert [(u.key, u.source) for u in units] == [
        ("EPUB/text/chapter1.xhtml#text0", "The first chapter"),
        ("EPUB/text/chapter1.xhtml#text1", "The first chapter"),
        (
            "EPUB/text/chapter1.xhtml#text2",
            "Call me <em>Ishmael</em>. Some years ago\u2014never mind how long\u2014I went to sea.",
        ),
        ("EPUB/text/chapter1.xhtml#text3", "An equation"),  # (the math kept, as in pages)
        ("EPUB/text/chapter1.xhtml#text4", ", then more words."),
        ("EPUB/nav.xhtml#text0", "Contents"),  # the navigation document after the spine's
        ("EPUB/nav.xhtml#text1", "Contents"),
        ("EPUB/nav.xhtml#text2", "The first chapter"),
        ("EPUB/package.opf#label0", "A Small Book"),  # the book's title (not its identifier)
        ("EPUB/toc.ncx#label0", "A Small Book"),  # EPUB 2's table of contents (not the author)
        ("EPUB/toc.ncx#label1", "The first chapter & more"),
    ]


def _epubcheck(path: Path) -> str:
    if shutil.which("java") is None or not EPUBCHECK.exists():
        pytest.skip("needs Java and EPUBCheck (Debian's epubcheck)")
    done = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(path)], capture_output=True, text=True, check=False
    )
    return done.stdout + done.stderr


def test_the_translated_book_is_a_valid_epub_in_the_target_language(
    book: Path, tmp_path: Path
) -> None:
    assert "0 fatals / 0 errors / 0 warnings" in _epubcheck(book)
    out = tmp_path / "book.de.epub"
    result = translate_file(book, out, FakeModel(), tgt_lang="de")
    assert result.translated == 11
    report = _epubcheck(out)
    assert "0 fatals / 0 errors / 0 warnings" in report, report
    with zipfile.ZipFile(out) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        chapter = archive.read("EPUB/text/chapter1.xhtml").decode("utf-8")
        package = archive.read("EPUB/package.opf").decode("utf-8")
        assert archive.read("EPUB/style.css").decode("utf-8") == STYLE
        contents = archive.read("EPUB/toc.ncx").decode("utf-8")
    assert 'xml:lang="de" lang="de"' in chapter
    # (the dashes as the source's first reference to them)
    assert (
        "<p>CALL ME <em>ISHMAEL</em>. SOME YEARS AGO&#8212;NEVER MIND HOW LONG&#8212;I" in chapter
    )
    assert '<span class="m"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi>' in chapter
    assert "</math></span>, THEN MORE WORDS.</p>" in chapter
    assert "<dc:language>de</dc:language>" in package
    assert 'unique-identifier="uid"\n         xml:lang="de">' in package  # its metadata's
    assert "<dc:title>A SMALL BOOK</dc:title>" in package
    assert "urn:uuid:12345678-1234-4234-8234-123456789abc</dc:identifier>" in package
    assert contents == NCX.replace('xml:lang="en"', 'xml:lang="de"').replace(
        "<text>A Small Book</text>", "<text>A SMALL BOOK</text>"
    ).replace("The first chapter &amp; more", "THE FIRST CHAPTER &amp; MORE")


def test_an_existing_output_is_the_translation_so_far_and_imports_as_pairs(
    book: Path, tmp_path: Path
) -> None:
    out = tmp_path / "book.de.epub"
    translate_file(book, out, FakeModel(), tgt_lang="de")
    model = FakeModel()
    translate_file(book, out, model, tgt_lang="de")
    assert model.seen == []
    pairs = list(EpubDocument.pairs(out, source_file=book))
    assert ("The first chapter", "THE FIRST CHAPTER") in [(p.source, p.target) for p in pairs]
    with pytest.raises(InputError, match="holds one language; give the source-language file"):
        list(EpubDocument.pairs(out))


def test_the_package_metadata_is_in_the_target_language(book: Path, tmp_path: Path) -> None:
    """Its ``xml:lang`` stayed the source's (``en``) under German titles, while the package's
    own was the target's."""
    out = tmp_path / "book.de.epub"
    translate_file(book, out, FakeModel(), tgt_lang="de")
    with zipfile.ZipFile(out) as archive:
        package = archive.read("EPUB/package.opf").decode("utf-8")
    assert (
        PACKAGE.replace('xml:lang="en"', 'xml:lang="de"')
        .replace("<dc:language>en</dc:language>", "<dc:language>de</dc:language>")
        .replace("A Small Book", "A SMALL BOOK")
        == package
    )


def test_the_book_is_written_as_the_office_writers_write_theirs(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the shared zip writer (:func:`save_archive`, streamed to the output, not held
    whole): the entries in the book's order, ``mimetype`` first and stored, the rest deflated;
    a translated entry dated as the book's (it was dated when written, so no two outputs of
    one book were the same bytes)."""
    with zipfile.ZipFile(book) as archive:
        dates = [(info.filename, info.date_time) for info in archive.infolist()]
    outputs = []
    for now in (1_000_000_000.0, 1_500_000_000.0):
        monkeypatch.setattr(time, "time", lambda now=now: now)
        out = tmp_path / f"{now:.0f}.epub"
        translate_file(book, out, FakeModel(), tgt_lang="de")
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(out) as archive:
        infos = archive.infolist()
    assert [(info.filename, info.date_time) for info in infos[1:]] == dates[1:]  # not mimetype
    assert [info.compress_type for info in infos] == [zipfile.ZIP_STORED] + [
        zipfile.ZIP_DEFLATED
    ] * (len(infos) - 1)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (None, r"not an EPUB book \(not a zip archive"),
        ({"a.txt": "x"}, r"not an EPUB book \(no 'mimetype' entry saying application/epub\+zip\)"),
        ({"mimetype": "application/epub+zip"}, r"not an EPUB book \(no META-INF/container.xml\)"),
        (
            {"mimetype": "application/epub+zip", "META-INF/container.xml": CONTAINER},
            r"META-INF/container.xml names no package document there",
        ),
    ],
)
def test_what_is_no_epub_is_refused_in_one_line(
    tmp_path: Path, entries: dict[str, str] | None, message: str
) -> None:
    path = tmp_path / "bad.epub"
    if entries is None:
        path.write_text("plain text", "utf-8")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in entries.items():
                archive.writestr(name, text)
    with pytest.raises(InputError, match=message):
        open_document(path)


def test_a_no_break_space_is_written_as_xml_reads_it(tmp_path: Path) -> None:
    chapter = CHAPTER.replace("Some years ago", "Some 5&#160;years ago")
    book, out = _book(tmp_path / "book.epub", chapter), tmp_path / "book.de.epub"
    translate_file(book, out, FakeModel(), tgt_lang="de")
    with zipfile.ZipFile(out) as archive:
        written = archive.read("EPUB/text/chapter1.xhtml")
    assert b"SOME 5&#160;YEARS AGO" in written
    etree.fromstring(written)  # (no undeclared entity: &nbsp;, EPUBCheck's RSC-016)


ENCRYPTION = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
            xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="{algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>
"""


_AES = "http://www.w3.org/2001/04/xmlenc#aes128-cbc"


def _with_encryption(path: Path, algorithm: str, uri: str) -> Path:
    book = _book(path)
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr("META-INF/encryption.xml", ENCRYPTION.format(algorithm=algorithm, uri=uri))
    return book


def test_a_book_with_an_encrypted_chapter_is_refused_as_drm(tmp_path: Path) -> None:
    """Its ciphertext was refused as a chapter of an unknown charset (session 64)."""
    book = _with_encryption(
        tmp_path / "book.epub",
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
        "EPUB/text/chapter1.xhtml",
    )
    with pytest.raises(InputError, match=r"chapter1\.xhtml is encrypted \(DRM\).*cannot be"):
        open_document(book)


@pytest.mark.parametrize("uri", ["EPUB/package.opf", "EPUB/toc.ncx", "EPUB/text/chapter1.xhtml"])
def test_a_book_whose_package_or_pages_are_encrypted_is_refused_as_drm(
    tmp_path: Path, uri: str
) -> None:
    book = _with_encryption(tmp_path / "book.epub", _AES, uri)
    with pytest.raises(
        InputError, match=rf"^{re.escape(str(book))}: {re.escape(uri)} is encrypted"
    ):
        open_document(book)


def test_a_book_whose_only_encrypted_file_is_a_font_is_translated_and_the_font_copied(
    tmp_path: Path,
) -> None:
    """Any encrypted entry was refused as DRM (session 64): a font ltmt never reads is copied
    as it is, as the morning's code did."""
    book = _with_encryption(tmp_path / "book.epub", _AES, "EPUB/fonts/a.otf")
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr("EPUB/fonts/a.otf", b"\x93ciphertext")
    out = tmp_path / "book.de.epub"
    translate_file(book, out, FakeModel(), src_lang="en", tgt_lang="de")
    with zipfile.ZipFile(out) as archive:
        assert archive.read("EPUB/fonts/a.otf") == b"\x93ciphertext"


@pytest.mark.parametrize(
    "algorithm", ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]
)
def test_a_book_with_obfuscated_fonts_is_translated(tmp_path: Path, algorithm: str) -> None:
    book = _with_encryption(tmp_path / "book.epub", algorithm, "EPUB/fonts/serif.otf")
    assert open_document(book).units()


def test_a_reviewer_s_link_in_a_kept_translation_stays(tmp_path: Path) -> None:
    # trial s74 (an HTML e-mail's): a kept text's link went back to the source's URL
    chapter = CHAPTER.replace(
        "<h1>The first chapter</h1>",
        '<h1>The first chapter</h1>\n  <p><a href="https://x.io/en/">Visit us</a> or '
        '<a href="https://x.io/en/shop">the shop</a>.</p>',
    )
    book, out = _book(tmp_path / "book.epub", chapter), tmp_path / "book.de.epub"
    records = OutputSources(tmp_path / "records")
    translate_file(book, out, FakeModel(), tgt_lang="de", output_sources=records)
    with zipfile.ZipFile(out) as archive:
        entries = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    name = "EPUB/text/chapter1.xhtml"
    assert '<p><a href="https://x.io/en/">VISIT US</a> OR' in entries[name]
    entries[name] = entries[name].replace("x.io/en/", "x.io/de/")
    zipped(out, entries)
    translate_file(
        _book(book, chapter.replace("to sea", "to the sea")),
        out,
        FakeModel(),
        tgt_lang="de",
        output_sources=records,
    )
    with zipfile.ZipFile(out) as archive:
        written = archive.read(name).decode("utf-8")
    assert (
        '<p><a href="https://x.io/de/">VISIT US</a> OR <a href="https://x.io/de/shop">THE SHOP'
        "</a>.</p>"
    ) in written
    assert "TO THE SEA" in written


def test_a_paragraph_added_to_a_reviewed_chapter_is_refused_and_the_chapter_named(
    tmp_path: Path,
) -> None:
    """Trial s75 (an HTML page's, the same in a book's chapter): a note added after a
    paragraph the reviewer edited was dropped and the edit translated again, without a word.
    Refused, the chapter named, nothing written."""
    chapter = CHAPTER.replace(
        "<h1>The first chapter</h1>",
        "<h1>The first chapter</h1>\n  <p>Start for free.</p>\n  <p>All plans include support.</p>",
    )
    book, out = _book(tmp_path / "book.epub", chapter), tmp_path / "book.de.epub"
    records = OutputSources(tmp_path / "records")
    translate_file(book, out, FakeModel(), tgt_lang="de", output_sources=records)
    with zipfile.ZipFile(out) as archive:
        entries = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    name = "EPUB/text/chapter1.xhtml"
    entries[name] = entries[name].replace(
        "<p>START FOR FREE.</p>", "<p>Kostenlos starten.</p>\n  <p>Hinweis: zzgl. MwSt.</p>"
    )
    zipped(out, entries)
    reviewed = out.read_bytes()
    with pytest.raises(
        UnalignedTranslationError,
        match=r"book\.de\.epub, EPUB/text/chapter1\.xhtml: it has 1 block that .*book\.epub "
        r"lacks \(8 blocks, 7 in the source, ltmt wrote 7 there: added by hand\?\)",
    ):
        translate_file(book, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert out.read_bytes() == reviewed
