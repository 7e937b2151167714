"""ltmt.bench.data: users folders, general test sets, and their errors."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from ltmt.bench.data import find_general_sets, find_users, read_jsonl_pairs
from ltmt.errors import InputError

DATA = Path(__file__).parent / "data"


def test_find_users() -> None:
    alpha, beta = find_users(DATA / "users")
    assert (alpha.name, alpha.user, beta.name) == ("alpha", "alpha", "beta")
    assert len(alpha.memory) == 4 and len(alpha.sources) == 4 == len(alpha.references)
    assert alpha.sources[0] == "the file was not found."
    assert alpha.memory[0].position.endswith("alpha.memory.jsonl:1")
    assert alpha.memory_origin == "alpha.memory.jsonl"


def test_limit_takes_the_first_segments_in_file_order() -> None:
    alpha, _ = find_users(DATA / "users", limit=2)
    assert alpha.sources == ("the file was not found.", "save the file as %s now")
    assert len(alpha.memory) == 4  # the memory is never cut


def test_unpaired_files_are_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    shutil.copy(DATA / "users" / "alpha.memory.jsonl", tmp_path)
    shutil.copy(DATA / "users" / "alpha.test.jsonl", tmp_path)
    shutil.copy(DATA / "users" / "beta.memory.jsonl", tmp_path)
    with caplog.at_level(logging.WARNING):
        sets = find_users(tmp_path)
    assert [s.name for s in sets] == ["alpha"]
    assert "skipping user beta: no beta.test.jsonl" in caplog.text


def test_general_sets() -> None:
    [tiny] = find_general_sets(
        DATA / "general", DATA / "users" / "alpha.memory.jsonl", "en", "de", limit=2
    )
    assert (tiny.name, tiny.user) == ("tiny", "alpha")
    assert tiny.sources == ("hello world", "the cat sat on the mat")
    assert tiny.references == ("hallo Welt", "die Katze saß auf der Matte")
    assert len(tiny.memory) == 4


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"source": "a", "target": "b"}\n{"source": "a"\n', r"x\.jsonl:2:\d+: not valid JSON"),
        (
            '{"source": "a"}\n',
            r"x\.jsonl:1: expected a JSON object with string 'source' and 'target'",
        ),
        ('["a", "b"]\n', r"x\.jsonl:1: expected a JSON object with string 'source' and 'target'"),
        (
            '{"source": 1, "target": "b"}\n',
            r"x\.jsonl:1: expected a JSON object with string 'source'",
        ),
        (
            b'{"source": "\xff", "target": "b"}\n',
            r"x\.jsonl:1:\d+: byte 0xff is not valid UTF-8; it looks like Windows-1252: convert it",
        ),
    ],
)
def test_jsonl_errors(tmp_path: Path, content: str | bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_jsonl_pairs(write(tmp_path / "x.jsonl", content))


def test_jsonl_skips_blank_lines_and_keeps_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", '\n{"user": "u", "source": "a", "target": "b"}\n\n')
    [record] = read_jsonl_pairs(path)
    assert (record.source, record.target, dict(record.metadata)) == ("a", "b", {"user": "u"})


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"users folder not found: .*nope"):
        find_users(tmp_path / "nope")
    with pytest.raises(InputError, match=r"no USER\.memory\.jsonl \+ USER\.test\.jsonl pairs in "):
        find_users(tmp_path)
    memory = DATA / "users" / "alpha.memory.jsonl"
    with pytest.raises(InputError, match=r"general test folder not found: .*nope"):
        find_general_sets(tmp_path / "nope", memory, "en", "de")
    with pytest.raises(InputError, match=r"no NAME\.en \+ NAME\.de pairs in "):
        find_general_sets(tmp_path, memory, "en", "de")
    with pytest.raises(InputError, match=r"memory file not found: .*none\.memory\.jsonl"):
        find_general_sets(DATA / "general", tmp_path / "none.memory.jsonl", "en", "de")
    write(tmp_path / "a.en", "x\ny\n")
    write(tmp_path / "a.de", "x\n")
    with pytest.raises(InputError, match=r"a\.en has 2 lines but .*a\.de has 1"):
        find_general_sets(tmp_path, memory, "en", "de")


def test_an_empty_memory_is_a_cold_start_user(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(DATA / "users" / "alpha.test.jsonl", tmp_path / "bob.test.jsonl")
    (tmp_path / "bob.memory.jsonl").write_text("", "utf-8")
    with caplog.at_level(logging.WARNING, logger="ltmt.bench.data"):
        [bob] = find_users(tmp_path)
    assert bob.memory == () and len(bob.sources) == 4
    assert (
        "user bob: " in caplog.text and "benchmarked with no memory (a cold start)" in caplog.text
    )


def test_test_pairs_a_score_cannot_use_are_left_out_and_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(DATA / "users" / "alpha.memory.jsonl", tmp_path / "eve.memory.jsonl")
    (tmp_path / "eve.test.jsonl").write_text(
        '{"user": "eve", "source": "Open %s", "target": "%s öffnen"}\n'
        '{"user": "eve", "source": "Untranslated", "target": ""}\n'
        '{"user": "eve", "source": " ", "target": "Leere Quelle"}\n'
        '{"user": "ann", "source": "Deleted %d files.", "target": "%d Dateien gelöscht."}\n'
        '{"user": "eve", "source": "Show help", "target": "Hilfe anzeigen", "fuzzy": true}\n',
        "utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="ltmt.bench.data"):
        [eve] = find_users(tmp_path)
    assert eve.sources == ("Open %s", "Deleted %d files.")
    assert (
        "left out 2 with an empty source or reference; left out 1 flagged fuzzy; "
        "scored 1 that name another user (ann)"
    ) in caplog.text
