"""Word documents, PowerPoint presentations, Excel workbooks and OpenDocument files through
``ltmt translate`` into German with no memory (a folder of them, one model load), each output
checked beside its source:

- *opens*: python-docx, python-pptx, openpyxl or odfdo opens it (as it opens the source), and
  LibreOffice (``soffice --convert-to`` its flat OpenDocument format) reads as many paragraphs
  (a spreadsheet's: cells with text) in it as in the source;
- *kept*: every element that is not text (bookmarks, note references, pictures, fields' codes,
  content controls' properties, tracked deletions, shapes …) is in each part as many times as
  in the source's;
- *tags*: how many of the source units' formatting and placeholder tags the translated
  paragraph holds, read back as the source's
  (:func:`ltmt.formats.tagged_paragraphs.in_source_terms`);
- *round trip*: each document written with its own text as the translation reads back as the
  same units, every character in the formatting it had (spaces and sentence punctuation
  aside, which may take their paragraph's plain formatting).

    python eval/office_trial.py --output eval/results/office/docx-trial.json FILE_OR_FOLDER ...
"""

from __future__ import annotations

import argparse
import collections
import importlib
import io
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from support import REPO, emit_report, ltmt_in_checkout, use_this_checkout

use_this_checkout()

# elements that are text, formatting or what wraps text: rebuilt by the writer, not counted
_TEXT_NAMES = frozenset(
    {"r", "t", "rPr", "proofErr", "lastRenderedPageBreak", "softHyphen", "hyperlink", "ins",
     "smartTag", "sdt", "sdtContent", "customXml", "moveTo", "tab", "br", "cr", "noBreakHyphen",
     "dir", "bdo", "endParaRPr"}
)  # fmt: skip
_PROPERTIES = frozenset({"rPr", "pPr", "sdtPr", "sectPr", "tblPr", "tcPr", "trPr", "endParaRPr"})
# OpenDocument's: spans, links, spaces, tabs, line breaks, soft page breaks
_ODF_TEXT_NAMES = frozenset({"span", "a", "meta", "s", "tab", "line-break", "soft-page-break"})
_ODF_SUFFIXES = (".odt", ".ods", ".odp", ".odg")
_ODF = "ltmt.formats.opendocument:OpenDocument"
# each kind: its ltmt document class and LibreOffice's flat format
_KINDS = {
    ".docx": ("ltmt.formats.docx:DocxDocument", "fodt"),
    ".pptx": ("ltmt.formats.pptx:PptxDocument", "fodp"),
    ".xlsx": ("ltmt.formats.xlsx:XlsxDocument", "fods"),
    ".odt": (_ODF, "fodt"),
    ".ods": (_ODF, "fods"),
    ".odp": (_ODF, "fodp"),
    ".odg": (_ODF, "fodg"),
}
_APPLICATION = re.compile(r"<(?:\w+:)?(?:Application|generator)>([^<]*)</")
_OFFICE_PARAGRAPH = re.compile(rb"<text:[ph][ >/]")
_BARE = re.compile(r"[\s.,;:!?]")
# proofing languages, which the translation sets to the target language's
_LANGUAGE = re.compile(r'<w:lang\b[^>]*/>|\s(?:lang|altLang|w:val)="(?:en|de)(?:-[A-Z]+)?"')
_TAG = re.compile(r'<g id="(\d+)">|<x id="(\d+)"/>')


def _found(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        if given.is_dir():
            files += sorted(f for f in given.rglob("*") if f.suffix.lower() in _KINDS)
        else:
            files.append(given)
    return files


def _document_class(path: Path) -> Any:
    module, name = _KINDS[path.suffix.lower()][0].split(":")
    return getattr(importlib.import_module(module), name)


def _elements(data: bytes) -> collections.Counter[tuple[str, str]]:
    """How many times each element that is not text is in each of the archive's XML parts."""
    from lxml import etree

    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            office_open = name.startswith(("word/", "ppt/", "xl/")) and name.endswith(".xml")
            odf = name in ("content.xml", "styles.xml") or name.endswith("/content.xml")
            if not (office_open or odf):
                continue
            text_names = _TEXT_NAMES if office_open else _ODF_TEXT_NAMES
            for element in etree.fromstring(archive.read(name)).iter():
                if not isinstance(element.tag, str):
                    continue
                local = etree.QName(element).localname
                if local in text_names or any(
                    etree.QName(up).localname in _PROPERTIES for up in element.iterancestors()
                ):
                    continue
                counts[(name, local)] += 1
    return counts


def _parts(data: bytes, path: Path) -> list[Any]:
    """The document's parts with text, as ltmt reads them."""
    if path.suffix.lower() in _ODF_SUFFIXES:
        from ltmt.formats.opendocument import read_package as read_odf

        return read_odf(data, path).parts
    from ltmt.formats.office_documents import read_package

    return read_package(data, path, _document_class(path).layout).parts


def _formatting(data: bytes, path: Path) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """Each paragraph's characters with their formatting, and its non-text stretches."""
    from lxml import etree

    found = {}
    for part in _parts(data, path):
        for index, (_, read) in enumerate(part.paragraphs):
            characters: list[tuple[str, str]] = []
            for stretch in read.stretches:
                if stretch.is_code:
                    # OpenDocument's: the elements' names and attributes (a note holds its
                    # paragraphs, compared on their own); Office Open XML's: as written
                    first = stretch.codes[0][1]
                    code = stretch.signature or etree.tostring(first, with_tail=False).decode()
                    characters.append(("code", _LANGUAGE.sub("", code)))
                    continue
                style = _LANGUAGE.sub("", stretch.style)
                characters += [(c, "" if _BARE.match(c) else style) for c in stretch.text]
            found[(part.name, index)] = characters
    return found


def _round_trip(path: Path, work: Path) -> dict[str, int]:
    kind = _document_class(path)
    document = kind.open(path)
    units = document.units()
    document.fill({unit.key: unit.source for unit in units})
    written = work / f"round-trip{path.suffix}"
    document.save(written)
    again = kind.open(written).units()
    before, after = _formatting(path.read_bytes(), path), _formatting(written.read_bytes(), written)
    elements_before, elements_after = _elements(path.read_bytes()), _elements(written.read_bytes())
    return {
        "units": len(units),
        "units_same": sum(a == b for a, b in zip(units, again)) if len(units) == len(again) else 0,
        "paragraphs": len(before),
        "paragraphs_same_formatting": sum(before[key] == after.get(key) for key in before),
        "elements_changed": sum(
            elements_before[key] != elements_after[key] for key in elements_before | elements_after
        ),
    }


def _tags_kept(source: Path, output: Path) -> dict[str, int]:
    document = _document_class(source).open(source)
    kept = total = translated = 0
    for _, text, translation in document.aligned(output):
        translated += translation != text
        tags = set(_TAG.findall(text))
        total += len(tags)
        kept += len(tags & set(_TAG.findall(translation)))
    return {
        "units": len(document.units()),
        "units_translated": translated,
        "tags": total,
        "tags_kept": kept,
    }


def _office_paragraphs(files: list[Path], folder: Path) -> dict[str, int | None]:
    """The paragraphs LibreOffice reads in each file, converted to its flat OpenDocument format
    (None: it converted nothing)."""
    office = shutil.which("soffice")
    if office is None:
        raise SystemExit("needs LibreOffice (apt-get install libreoffice-writer-nogui "
                         "libreoffice-impress-nogui)")  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "profile").as_uri()
    for suffix, (_, flat) in _KINDS.items():
        these = [str(f) for f in files if f.suffix.lower() == suffix]
        if not these:  # (soffice with no file waits)
            continue
        subprocess.run(
            [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", flat,
             "--outdir", str(folder), *these],
            capture_output=True, check=False, timeout=1800,
        )  # fmt: skip
    paragraphs: dict[str, int | None] = {}
    for path in files:
        converted = folder / f"{path.stem}.{_KINDS[path.suffix.lower()][1]}"
        paragraphs[path.name] = (
            len(_OFFICE_PARAGRAPH.findall(converted.read_bytes())) if converted.exists() else None
        )
    return paragraphs


def _application(path: Path) -> str:
    """The application that saved ``path``, as its ``docProps/app.xml`` (``meta.xml``) says
    ("" if none); a writer may copy it from its template."""
    with zipfile.ZipFile(path) as archive:
        name = next((n for n in ("docProps/app.xml", "meta.xml") if n in archive.namelist()), "")
        if not name:
            return ""
        found = _APPLICATION.search(archive.read(name).decode("utf-8", "replace"))
    return found.group(1) if found else ""


def _python_library_opens(path: Path) -> bool:
    """Whether python-docx (python-pptx, openpyxl, odfdo) opens ``path`` and reads it (none
    reads Strict Open XML)."""
    try:
        if path.suffix.lower() in _ODF_SUFFIXES:
            import odfdo

            return len(odfdo.Document(str(path)).body.get_elements("//text:p")) >= 0
        if path.suffix.lower() == ".xlsx":
            import openpyxl

            return len(openpyxl.load_workbook(path).sheetnames) >= 0
        if path.suffix.lower() == ".pptx":
            import pptx

            return len(pptx.Presentation(str(path)).slides) >= 0
        import docx

        return len(docx.Document(str(path)).paragraphs) >= 0
    except Exception:  # whatever the library raises, it did not open it
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    from ltmt.errors import InputError

    report: dict[str, Any] = {"documents": {}, "refused": {}}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        sources, outputs = work / "en", work / "de"
        sources.mkdir()
        for number, path in enumerate(_found(args.documents)):
            try:
                _document_class(path).open(path)
            except InputError as exc:
                report["refused"][str(path)] = str(exc)
                continue
            shutil.copy(path, sources / f"{number:03d}-{path.name}")
        copies = sorted(sources.iterdir())
        started = time.perf_counter()
        ltmt_in_checkout(REPO, "translate", str(sources), "-o", str(outputs), "--tgt-lang", "de")
        report["seconds"] = round(time.perf_counter() - started, 1)
        # a file with nothing to translate (a workbook of numbers) is skipped by the folder run
        report["nothing_to_translate"] = [c.name for c in copies if not (outputs / c.name).exists()]
        copies = [c for c in copies if (outputs / c.name).exists()]
        source_paragraphs = _office_paragraphs(copies, work / "flat-en")
        output_paragraphs = _office_paragraphs([outputs / p.name for p in copies], work / "flat-de")
        for copy in copies:
            output = outputs / copy.name
            before, after = _elements(copy.read_bytes()), _elements(output.read_bytes())
            report["documents"][copy.name] = {
                "library_opens_source": _python_library_opens(copy),
                "library_opens_output": _python_library_opens(output),
                "office_paragraphs_source": source_paragraphs[copy.name],
                "office_paragraphs_output": output_paragraphs[copy.name],
                "elements": sum(before.values()),
                "elements_changed": sum(before[key] != after[key] for key in before | after),
                **_tags_kept(copy, output),
                "round_trip": _round_trip(copy, work),
                "application": _application(copy),
            }
    documents = report["documents"].values()
    report["totals"] = {
        "documents": len(documents),
        "refused": len(report["refused"]),
        "nothing_to_translate": len(report["nothing_to_translate"]),
        "library_opened": sum(d["library_opens_output"] for d in documents),
        "library_opened_source": sum(d["library_opens_source"] for d in documents),
        "office_opened": sum(d["office_paragraphs_output"] is not None for d in documents),
        "office_same_paragraphs": sum(
            d["office_paragraphs_output"] is not None
            and d["office_paragraphs_output"] == d["office_paragraphs_source"]
            for d in documents
        ),
        "documents_elements_kept": sum(d["elements_changed"] == 0 for d in documents),
        **{
            key: sum(d[key] for d in documents)
            for key in ("elements", "units", "units_translated", "tags", "tags_kept")
        },
        **{
            f"round_trip_{key}": sum(d["round_trip"][key] for d in documents)
            for key in ("units", "units_same", "paragraphs", "paragraphs_same_formatting")
        },
        "applications": dict(collections.Counter(d["application"] for d in documents)),
        "round_trip_documents_elements_kept": sum(
            d["round_trip"]["elements_changed"] == 0 for d in documents
        ),
    }
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
