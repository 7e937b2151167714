"""Uploads and downloads are written in the memory store's private work folders, never in the
system's temporary folder, and nothing of them is left there once answered."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from ltmt import Memory
from ltmt.memory.work_folders import FOLDER
from ltmt.server import files

TSV = b"open the file\tDatei \xc3\xb6ffnen\n"
PO = (
    b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    b'msgid "open the file"\nmsgstr ""\n'
)


@pytest.fixture()
def memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A store, with the system's temporary folder an empty one of the test's."""
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    with Memory(tmp_path / "store") as opened:
        yield opened
    assert os.listdir(system_tmp) == []
    assert os.listdir(tmp_path / "store" / FOLDER) == [".lock"]  # nothing left of the uploads


def spy(monkeypatch: pytest.MonkeyPatch, name: str, seen: list[Path]) -> None:
    """Record the path that ``files.<name>`` is called with (its first argument)."""
    real = getattr(files, name)

    def recorded(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(files, name, recorded)


def under_the_store(path: Path, memory: Memory) -> bool:
    return path.is_relative_to(memory.path / FOLDER)


def test_an_upload_is_written_under_the_store(memory: Memory) -> None:
    with files.upload_path("corp.tsv", TSV, memory.path) as path:
        assert under_the_store(path, memory) and path.read_bytes() == TSV
    assert not path.parent.exists()


def test_an_imported_file_is_read_under_the_store(
    memory: Memory, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []
    spy(monkeypatch, "read_pairs", seen)
    origin, report = files.import_upload(
        memory, "u1", "corp.tsv", TSV, None, ("en", "de"), upload_id="20261208T011823Z-3f9a1c"
    )
    assert (origin, report.added) == ("upload-20261208T011823Z-3f9a1c/corp.tsv", 1)
    assert memory.stats("u1")["origins"] == {origin: 1}
    assert under_the_store(seen[0], memory)


def test_a_translated_document_is_written_under_the_store(
    memory: Memory, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []
    spy(monkeypatch, "translate_file", seen)
    name, kind, data, _ = files.translate_upload(
        "new.po",
        PO,
        None,
        lambda texts, *args, **kwargs: [text.upper() for text in texts],
        ("en", "de"),
        store=memory.path,
        overwrite=False,
        mark_fuzzy=False,
    )
    assert (name, kind) == ("new.po", "po") and b'msgstr "OPEN THE FILE"' in data
    assert under_the_store(seen[0], memory)


def test_an_export_is_written_under_the_store(
    memory: Memory, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory.add("u1", "open the file", "Datei öffnen")
    seen: list[Path] = []
    spy(monkeypatch, "write_pairs", seen)
    data = files.export_memory(memory, "u1", "jsonl", ("en", "de"))
    assert b"Datei \xc3\xb6ffnen" in data
    assert under_the_store(seen[0], memory)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("tsv", b"Close { $n } tab?\t{ $n } Tab schlie\xc3\x9fen?\n"),
        ("jsonl", b'"source": "Close %d tab?", "target": "%d Tab schlie\xc3\x9fen?"'),
    ],
)
def test_a_fluent_pair_is_exported_as_fluent_text_but_in_json_lines(
    memory: Memory, fmt: str, expected: bytes
) -> None:
    metadata = {"context": "tabs", "placeholders": {"%d": "{ $n }"}}
    memory.add("u1", "Close %d tab?", "%d Tab schließen?", metadata=metadata)
    assert expected in files.export_memory(memory, "u1", fmt, ("en", "de"))


def test_a_jed_file_is_imported_without_a_source_file(memory: Memory) -> None:
    """An uploaded Jed file was refused for want of a source-language file it does not need."""
    jed = (
        b'{"locale_data":{"messages":{"":{"domain":"messages","lang":"de_DE"},'
        b'"Save":["Speichern"],"Add field":[""]}}}'
    )
    origin, report = files.import_upload(memory, "u1", "acme-de_DE.json", jed, None, ("en", "de"))
    assert (origin.endswith("/acme-de_DE.json"), report.added) == (True, 1)
