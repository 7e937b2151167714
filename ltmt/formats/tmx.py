"""TMX translation memories: read the pairs of a language pair, write pairs (via translate-toolkit).

    for record in read_tmx(Path("memory.tmx"), src_lang="en", tgt_lang="de"): ...
    write_tmx(Path("out.tmx"), records, src_lang="en", tgt_lang="de")

A TMX file may hold many languages; the pair is picked from each ``<tu>`` by the ``xml:lang`` of
its ``<tuv>`` elements (``en-US`` matches ``en``). Inline codes (``<bpt>``, ``<ph>`` …) are read as
the native code they wrap, so ``<bpt i="1">&lt;b&gt;</bpt>`` reads as ``<b>``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import (
    NOT_XML,
    XML_LANG,
    atomic_write,
    lang_matches,
    language_error,
    local_name,
    read_bytes,
    xml_error,
)
from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)


def _parse(data: bytes, path: Path) -> Any:
    """The translate-toolkit store of ``data``, parse errors turned into :class:`InputError`."""
    from lxml import etree
    from translate.storage import tmx

    try:
        store = tmx.tmxfile.parsestring(data)
    except etree.XMLSyntaxError as exc:
        raise xml_error(path, exc, "TMX") from exc
    except (AssertionError, ValueError, LookupError) as exc:
        raise InputError(f"{path}: not a TMX file ({exc or 'root element is not <tmx>'})") from exc
    root = store.document.getroot()
    if local_name(root.tag) != "tmx":
        raise InputError(f"{path}: not a TMX file (root element is <{local_name(root.tag)}>)")
    return store


def read_tmx(path: Path, src_lang: str = "en", tgt_lang: str = "de") -> Iterator[PairRecord]:
    """The ``src_lang`` → ``tgt_lang`` pairs of the TMX file ``path``.

    ``<tu>`` elements lacking either language, or with an empty side, are skipped. Metadata:
    ``id`` (``tuid``), ``note``, and each ``<prop type="x-NAME">`` as ``NAME``. Raises
    :class:`InputError` for a malformed file, or one whose languages are not the pair asked.
    """
    path = Path(path)
    store = _parse(read_bytes(path, "a TMX file"), path)
    header = store.document.getroot().find("header")
    header_lang = header.get("srclang") if header is not None else None
    found: set[str] = set()
    records: list[PairRecord] = []
    skipped = 0
    for unit in store.units:
        nodes = unit.getlanguageNodes()
        langs = [node.get(XML_LANG) or node.get("lang") or "" for node in nodes]
        found.update(langs)
        source_node = next(
            (n for n, lang in zip(nodes, langs, strict=True) if lang_matches(lang, src_lang)), None
        )
        target_node = next(
            (
                n
                for n, lang in zip(nodes, langs, strict=True)
                if lang_matches(lang, tgt_lang) and n is not source_node
            ),
            None,
        )
        source = unit.getNodeText(source_node) if source_node is not None else None
        target = unit.getNodeText(target_node) if target_node is not None else None
        if not source or not target or not source.strip() or not target.strip():
            skipped += 1
            continue
        element = unit.xmlelement
        records.append(
            PairRecord(source, target, f"{path}:{element.sourceline}", _metadata(element))
        )
    languages_ok = any(lang_matches(lang, src_lang) for lang in found) and any(
        lang_matches(lang, tgt_lang) for lang in found
    )
    if found and not languages_ok:
        raise language_error(path, found | {header_lang or ""} - {"*all*"}, src_lang, tgt_lang)
    if skipped:
        logger.info(
            "%s: skipped %d <tu> without both %s and %s text", path, skipped, src_lang, tgt_lang
        )
    yield from records


def _metadata(element: Any) -> dict[str, str]:
    metadata: dict[str, str] = {}
    if element.get("tuid"):
        metadata["id"] = element.get("tuid")
    notes = [note.text for note in element.iterchildren("note") if note.text]
    if notes:
        metadata["note"] = "\n".join(notes)
    for prop in element.iterchildren("prop"):
        name = prop.get("type") or ""
        metadata[name[2:] if name.startswith("x-") else name] = prop.text or ""
    return metadata


def write_tmx(
    path: Path, records: Iterable[PairRecord], src_lang: str = "en", tgt_lang: str = "de"
) -> int:
    """Write ``records`` as a TMX 1.4 file (atomically); returns how many were written.

    String metadata becomes ``tuid`` (``id``), ``<note>`` (``note``) and ``<prop type="x-KEY">``,
    which :func:`read_tmx` reads back. Pairs with characters XML cannot hold (control
    characters) are skipped with a warning.
    """
    from lxml import etree
    from translate.storage import tmx

    from ltmt import __version__

    store = tmx.tmxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    # the header names the tool that made the file (TMX 1.4), not the library that wrote it
    header = next(store.document.getroot().iterchildren(store.namespaced("header")))
    header.set("creationtool", "ltmt")
    header.set("creationtoolversion", __version__)
    written = 0
    for record in records:
        if NOT_XML.search(record.source) or NOT_XML.search(record.target):
            logger.warning(
                "%s: pair with control characters not written to TMX", record.position or path
            )
            continue
        unit = store.addsourceunit(record.source)
        unit.target = record.target
        element = unit.xmlelement
        extra = []
        for key, value in record.metadata.items():
            if not isinstance(value, str):
                continue
            if key == "id":
                element.set("tuid", value)
            elif key == "note":
                note = etree.Element("note")
                note.text = value
                extra.append(note)
            else:
                prop = etree.Element("prop", type=key if key.startswith("x-") else f"x-{key}")
                prop.text = value
                extra.insert(0, prop)  # TMX wants <prop> before <note>, both before <tuv>
        for position, child in enumerate(sorted(extra, key=lambda e: e.tag != "prop")):
            element.insert(position, child)
        written += 1
    atomic_write(Path(path), bytes(store))
    return written
