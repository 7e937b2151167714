"""The LMDB store: persistence, dedup, deletes, schema checks, map growth, user ids, an import's
report of what cleaning skipped."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import lmdb
import pytest

from ltmt import Memory
from ltmt.errors import InputError, StoreError
from ltmt.memory import env, files
from ltmt.memory.layout import ERASURES_KEY, INDEX_KEY, OTHER_ORIGINS, SCHEMA_KEY
from ltmt.memory.store import AddedPair, DeletedUser
from ltmt.memory.user_ids import check_user
from ltmt.memory.writes import OriginShare
from ltmt.segments import PairRecord

REPO = Path(__file__).resolve().parents[2]

PAIRS = [
    ("Open the file", "Datei öffnen"),
    ("Close the file", "Datei schließen"),
    ("Save the file as %s", "Datei als %s speichern"),
    ("Delete the branch {name}", "Zweig {name} löschen"),
]


def all_keys(path: Path) -> set[bytes]:
    lmdb_env = lmdb.open(str(path), readonly=True, lock=False)
    try:
        with lmdb_env.begin() as txn:
            return {bytes(key) for key, _ in txn.cursor()}
    finally:
        lmdb_env.close()


def test_persists_across_reopen(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        report = memory.import_pairs("u1", PAIRS, origin="demo.tsv")
        assert (report.added, report.duplicates, report.skipped_total) == (4, 0, 0)
        memory.add("u2", "Hello", "Hallo", metadata={"note": "greeting"})
    with Memory(tmp_path) as memory:
        assert memory.users() == ["u1", "u2"]
        assert memory.count("u1") == 4
        segments = list(memory.segments("u1"))
        assert [(s.source, s.target) for s in segments] == PAIRS
        assert {s.origin for s in segments} == {"demo.tsv"}
        [hello] = memory.segments("u2")
        assert (hello.origin, dict(hello.metadata)) == ("api", {"note": "greeting"})
        assert memory.get("u1", segments[2].id) == segments[2]
        assert memory.get("u1", 999) is None
        assert memory.get("nobody", 1) is None


def test_text_is_stored_exactly(tmp_path: Path) -> None:
    source, target = "  Two  spaces\tand a tab\n", "Zwei  Leerzeichen\n"
    with Memory(tmp_path) as memory:
        segment = memory.add("u", source, target)
        assert (segment.source, segment.target) == (source, target)
        assert memory.get("u", segment.id) == segment


def test_add_pair_says_whether_the_call_stored_it(tmp_path: Path) -> None:
    """Told by the write: processes adding one pair at once each said "added" (they compared
    counts read before and after)."""
    with Memory(tmp_path) as memory:
        first = memory.add_pair("u", "Open the file", "Datei öffnen")
        again = memory.add_pair("u", "Open the file", "Datei öffnen")
    assert first == AddedPair(first.segment, new=True)
    assert again == AddedPair(first.segment, new=False)


def test_same_pair_is_stored_once(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        first = memory.add("u", "Open the file", "Datei öffnen")
        again = memory.add("u", "Open the file", "Datei öffnen", origin="learn")
        other = memory.add("u", "Open the file", "Öffne die Datei")
        assert again == first
        assert other.id != first.id
        report = memory.import_pairs(
            "u", [("Open the file", "Datei öffnen"), ("New", "Neu"), ("New", "Neu")]
        )
        assert (report.read, report.added, report.duplicates) == (3, 1, 2)
        assert memory.count("u") == 3
        # another user's memory is separate
        assert memory.add("v", "Open the file", "Datei öffnen").id == 1


def test_delete_segment(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS)
        [close] = [s for s in memory.segments("u") if s.source == "Close the file"]
        assert memory.delete("u", close.id) is True
        assert memory.delete("u", close.id) is False
        assert memory.delete("nobody", 1) is False
        assert memory.get("u", close.id) is None
        assert memory.count("u") == 3
        assert all(m.segment.id != close.id for m in memory.search("u", "Close the file", k=10))
        # the dedup entry went too: the pair can come back, under a new id
        back = memory.add("u", "Close the file", "Datei schließen")
        assert back.id > close.id
        assert memory.search("u", "close the file", k=1)[0].segment == back


INVISIBLE_PAIRS = [
    ("Open\u200b the settings", "Einstellungen öffnen"),
    ("Delete the con\u00adfiguration", "Konfiguration löschen"),
    ("\ufeffSave the report", "Bericht speichern"),
]


def test_delete_origin_undoes_an_import_into_the_wrong_user(tmp_path: Path) -> None:
    """An import into the wrong user could not be undone but id by id; a pair the import
    re-approved went with it although the client's own import held it too (data lost)."""
    with Memory(tmp_path) as memory:
        memory.import_pairs(
            "client",
            [("Save", "Speichern"), ("Open the file", "Datei öffnen")],
            origin="client.tmx",
        )
        memory.add("client", "Save", "Sichern", origin="cli")  # the client's newest translation
        report = memory.import_pairs(
            "client",
            [("Save", "Speichern"), ("Close the file", "Datei schließen")],
            origin="acme.tmx",
        )
        assert report.refreshed == 1
        assert memory.search("client", "Save", k=1)[0].segment.target == "Speichern"
        assert memory.stats("client")["origins"] == {"client.tmx": 1, "cli": 1, "acme.tmx": 2}
        assert memory.delete_origin("client", "acme.tmx") == 1
        # the pair the import re-approved is the client's import's again, where it moved to
        assert sorted((s.source, s.target, s.origin) for s in memory.segments("client")) == [
            ("Open the file", "Datei öffnen", "client.tmx"),
            ("Save", "Sichern", "cli"),
            ("Save", "Speichern", "client.tmx"),
        ]
        assert memory.count("client") == 3
        assert memory.stats("client")["origins"] == {"client.tmx": 2, "cli": 1}
        assert memory.search("client", "Close the file", k=1)[0].score < 100
        memory.check()


@pytest.mark.parametrize(
    ("undone", "left"),
    [
        # the latest of the other origins takes a pair over
        ("client.tmx", {"Save": "acme.tmx", "Open the file": "acme.tmx", "Close": "acme.tmx"}),
        ("acme.tmx", {"Save": "client.tmx", "Open the file": "client.tmx"}),
    ],
)
def test_delete_origin_leaves_the_pairs_another_origin_holds_too(
    tmp_path: Path, undone: str, left: dict[str, str]
) -> None:
    """Undoing an import removed a pair whole that an earlier import, a later one or the user
    had stored too: each keeps it, and none of them shows in the pair's metadata."""
    with Memory(tmp_path) as memory:
        client = [("Save", "Speichern"), ("Open the file", "Datei öffnen")]
        memory.import_pairs("u", client, origin="client.tmx")
        memory.add("u", "Open the file", "Datei öffnen", origin="cli")
        memory.import_pairs("u", [*client, ("Close", "Schließen")], origin="acme.tmx")
        memory.delete_origin("u", undone)
        segments = memory.segments("u")
        assert {s.source: s.origin for s in segments} == left
        assert all(s.metadata == {} for s in segments)
        assert memory.count("u") == len(left)
        memory.check()


def test_records_naming_their_origin_are_stored_under_it_in_one_import(tmp_path: Path) -> None:
    """A folder import stored every file's pairs under one origin: one file of it could not be
    undone. Each record's own origin is kept (a pair in two files is held by both), the report
    is the whole import's, and the folder's name undoes all of its files."""
    records = [
        PairRecord("Save", "Speichern", "de.po:5", origin="proj/a/de.po"),
        PairRecord("Open", "Öffnen", "de.po:8", origin="proj/a/de.po"),
        PairRecord("Open", "Öffnen", "de.po:5", origin="proj/b/de.po"),
        PairRecord("Close", "", "de.po:8", origin="proj/b/de.po"),
        PairRecord("Quit", "Beenden"),  # no origin of its own: the import's
    ]
    with Memory(tmp_path) as memory:
        report = memory.import_pairs("u", records, origin="proj")
        assert (report.read, report.added, report.duplicates) == (5, 3, 1)
        assert report.skipped == {"empty target": 1}
        assert report.examples == ("de.po:8: empty target",)
        assert memory.stats("u")["origins"] == {"proj/a/de.po": 2, "proj": 1}
        assert memory.require_origin("u", "proj") == 3
        assert memory.delete_origin("u", "proj/a/de.po") == 1  # Open: proj/b/de.po's too
        assert {s.source: s.origin for s in memory.segments("u")} == {
            "Open": "proj/b/de.po",
            "Quit": "proj",
        }
        assert memory.delete_origin("u", "proj") == 2
        assert memory.count("u") == 0
        assert memory.stats("u")["origins"] == {}
        memory.check()


def test_reimporting_a_folder_whose_files_translate_a_source_differently_renumbers_nothing(
    tmp_path: Path,
) -> None:
    """Each file's pairs were written in turn, so two files translating Open differently took
    turns making theirs the newest: every re-import of the folder renumbered both. The whole
    import decides, as for one file: ids stay, the last file's translation stays the newest,
    and each file keeps its pairs."""
    records = [
        PairRecord("Open", "Öffnen", origin="proj/de/app.po"),
        PairRecord("Save", "Speichern", origin="proj/de/app.po"),
        PairRecord("Open", "Offen", origin="proj/de/status.po"),
        PairRecord("Save", "Speichern", origin="proj/de/status.po"),
    ]
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", records, origin="proj/de")
        first = [(s.id, s.target, s.origin) for s in memory.segments("u")]
        for _ in range(2):
            report = memory.import_pairs("u", records, origin="proj/de")
            assert (report.added, report.duplicates, report.refreshed) == (0, 4, 0)
            assert [(s.id, s.target, s.origin) for s in memory.segments("u")] == first
        assert [s.target for s in memory.segments("u") if s.source == "Open"] == ["Öffnen", "Offen"]
        assert memory.delete_origin("u", "proj/de/app.po") == 1  # Save: status.po's too
        assert memory.stats("u")["origins"] == {"proj/de/status.po": 2}
        memory.check()


@pytest.mark.parametrize(
    ("origin", "share"),
    [
        ("a.tmx", OriginShare(alone=1, shared=1)),  # Save: b.tmx's too
        ("b.tmx", OriginShare(alone=0, shared=1)),  # held only besides a.tmx
    ],
)
def test_origin_share_tells_what_a_delete_of_the_origin_does(
    tmp_path: Path, origin: str, share: OriginShare
) -> None:
    """A delete's count was asked of the user's own origins alone: it said more would go than
    did, and an origin holding pairs only besides another was unknown."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [("Save", "Speichern"), ("Quit", "Beenden")], origin="a.tmx")
        memory.import_pairs("u", [("Save", "Speichern")], origin="b.tmx")
        assert memory.origin_share("u", origin) == share
        assert memory.delete_origin("u", origin) == share.alone
        assert memory.count("u") == 2 - share.alone
        with pytest.raises(InputError, match=f"no segments of origin '{origin}'"):
            memory.origin_share("u", origin)
        memory.check()


def test_an_imported_pairs_own_origins_key_is_not_taken_from_the_file(tmp_path: Path) -> None:
    """A file's pair naming origins of the store (an export of the code of before, which showed
    them as metadata) does not make another import hold it."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [("Save", "Speichern", {OTHER_ORIGINS: ["a.tmx"]})], origin="b")
        [segment] = memory.segments("u")
        assert (segment.origin, segment.metadata) == ("b", {})
        with pytest.raises(InputError, match=r"no segments of origin 'a\.tmx'"):
            memory.delete_origin("u", "a.tmx")
        assert memory.delete_origin("u", "b") == 1


def test_the_apis_origin_lookups_name_an_import_by_its_file_name(tmp_path: Path) -> None:
    """Imports record their file's path; delete_origin and origin_share (the server's DELETE
    /v1/memory?origin=tm1.tmx) no longer found tm1.tmx, which only the CLI resolved."""
    imported = str(tmp_path / "r1" / "tm1.tmx")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", PAIRS[:2], origin=imported)
        memory.add("u", *PAIRS[2])
        assert memory.named_origin("u", "tm1.tmx") == imported
        assert memory.origin_share("u", "tm1.tmx") == OriginShare(alone=2, shared=0)
        assert memory.delete_origin("u", "r1/tm1.tmx") == 2
        assert memory.count("u") == 1


@pytest.mark.parametrize("origin", ["", " ", "/", "TMP"])
def test_delete_origin_of_a_blank_origin_or_a_folder_above_the_imports_deletes_nothing(
    tmp_path: Path, origin: str
) -> None:
    """--origin "" (an unset shell variable), / or /tmp deleted every imported pair."""
    imported = str(tmp_path / "r1" / "tm1.tmx")
    origin = str(tmp_path) if origin == "TMP" else origin
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", PAIRS[:2], origin=imported)
        with pytest.raises(InputError, match=r"names no import|no segments of origin"):
            memory.delete_origin("u", origin)
        assert memory.count("u") == 2
        assert memory.delete_origin("u", str(tmp_path / "r1")) == 2  # its folder names it


@pytest.mark.parametrize(
    ("user", "origin", "message"),
    [
        ("u", "acme.tmz", r"u has no segments of origin 'acme.tmz' \(did you mean acme.tmx\?\)"),
        ("u", "x", r"u has no segments of origin 'x' \(its origins: acme.tmx, api\)"),
        ("nobody", "acme.tmx", r"no user 'nobody' in memory store"),
        ("u", 7, r"origin must be a string"),
        ("x y", "acme.tmx", r"invalid user id 'x y'"),
    ],
)
def test_delete_origin_of_an_unknown_origin_names_the_users_origins(
    tmp_path: Path, user: Any, origin: Any, message: str
) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:2], origin="acme.tmx")
        memory.add("u", *PAIRS[2])
        with pytest.raises(InputError, match=message):
            memory.delete_origin(user, origin)
        assert memory.count("u") == 3


def test_delete_user_leaves_nothing(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("keep", PAIRS[:2])
    before = all_keys(tmp_path)
    with Memory(tmp_path) as memory:
        memory.import_pairs(
            "gone", PAIRS * 3 + [(f"segment {i}", f"Segment {i}") for i in range(700)]
        )
        memory.delete("gone", 3)
        memory.glossary("gone").add("segment", "Segment")
        stored = memory.count("gone")
        # counted by the delete itself: what it removed, not what a count before it read
        assert memory.delete_user("gone") == DeletedUser(segments=stored, terms=1)
        assert memory.delete_user("gone") is None
        assert memory.users() == ["keep"]
        assert memory.count("gone") == 0
        assert memory.search("gone", "Open the file") == []
        assert list(memory.segments("gone")) == []
        assert memory.search("keep", "Open the file", k=1)[0].score == 100.0
    after = all_keys(tmp_path)
    # only the uid counter changed, and the store's count of deletions (no user named) came:
    # no record, dedup entry, posting or length array is left
    assert after - before == {ERASURES_KEY}
    assert before - after == set()


def test_schema_version_from_a_newer_ltmt_is_refused(tmp_path: Path) -> None:
    Memory(tmp_path).close()
    lmdb_env = lmdb.open(str(tmp_path))
    with lmdb_env.begin(write=True) as txn:
        txn.put(SCHEMA_KEY, b"99")
    lmdb_env.close()
    with pytest.raises(
        StoreError, match=r"schema version 99, newer than this ltmt reads \(1\); upgrade"
    ):
        Memory(tmp_path)


def give_an_older_index(path: Path) -> None:
    """Make store ``path`` look as an older ltmt wrote it: an index of another kind, whose
    entries this ltmt cannot read (a char3gram-v2 store has no signatures, ``h``)."""
    lmdb_env = lmdb.open(str(path))
    with lmdb_env.begin(write=True) as txn:
        txn.put(INDEX_KEY, b"char9gram-v7")
        cursor = txn.cursor()
        for key in [key for key, _ in cursor if key[:1] in (b"i", b"l", b"h")]:
            txn.delete(key)
        txn.put(b"i" + b"\x00" * 8, b"junk")
    lmdb_env.close()


def index_kind(path: Path) -> bytes | None:
    with lmdb.open(str(path), readonly=True, lock=False) as lmdb_env, lmdb_env.begin() as txn:
        return txn.get(INDEX_KEY)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_an_index_of_another_kind_is_rebuilt_at_the_first_search(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encrypted: bool
) -> None:
    from ltmt.memory.crypto import generate_key_file

    key_file = generate_key_file(tmp_path.parent / f"{tmp_path.name}.key") if encrypted else None
    with Memory(tmp_path, key_file=key_file) as memory:
        memory.import_pairs("u1", PAIRS)
        memory.add("u2", "Hello world", "Hallo Welt")
        memory.delete("u1", 2)
        before = memory.search("u1", "Save the files as %s", k=2)
    give_an_older_index(tmp_path)
    if encrypted:  # without its key the store is refused, and left as it is
        with pytest.raises(StoreError, match="is encrypted; pass its key file"):
            Memory(tmp_path)
    with caplog.at_level("WARNING"), Memory(tmp_path, key_file=key_file) as memory:
        assert memory.search("u1", "Save the files as %s", k=2) == before
        assert memory.search("u2", "hello world")[0].score == 100.0
        kind = "encrypted store" if encrypted else "store"
        assert memory.check().summary().startswith(f"ok: {kind} with 2 users")
    assert "has a char9gram-v7 index; rebuilding it as char3gram-v3" in caplog.text
    with lmdb.open(str(tmp_path)) as lmdb_env, lmdb_env.begin() as txn:
        assert txn.get(INDEX_KEY) == b"char3gram-v3"
        assert txn.get(b"i" + b"\x00" * 8) is None


def test_an_index_another_process_rebuilt_is_not_said_to_be_rebuilt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A process that opened a store of an older index, which another process then rebuilt,
    warned at its first search that it was rebuilding it, though it rebuilt nothing."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", PAIRS)
    give_an_older_index(tmp_path)
    script = "import sys; from ltmt import Memory; Memory(sys.argv[1]).add('u1', 'Hi', 'Hallo')"
    with caplog.at_level("WARNING"), Memory(tmp_path) as memory:
        assert memory.store.older_index == "char9gram-v7"
        subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, cwd=REPO)
        assert memory.search("u1", "Open the file")[0].score == 100.0
        assert memory.store.older_index is None
    assert "rebuilding" not in caplog.text
    assert index_kind(tmp_path) == b"char3gram-v3"


def test_reading_a_store_with_an_older_index_leaves_it_as_that_ltmt_can_read_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Opening re-indexed the store: any command (a backup "before upgrading" too) made it one
    the older ltmt refused. Reads, a check and a backup now leave the older index; the first
    write rebuilds it, and its warning says that this is one-way."""
    store, backup = tmp_path / "store", tmp_path / "backup"
    with Memory(store) as memory:
        memory.import_pairs("u1", PAIRS)
    give_an_older_index(store)
    with caplog.at_level("WARNING"), Memory(store) as memory:
        assert (memory.users(), memory.count("u1"), memory.stats()["segments"]) == (["u1"], 4, 4)
        assert len(list(memory.segments("u1"))) == 4
        assert memory.check().summary() == (
            "ok: store with 1 user, 4 segments; every table agrees; note: its index is of an "
            "older kind (char9gram-v7), not checked: this ltmt rebuilds it as char3gram-v3 at "
            "the next search or write (older ltmt releases cannot read the store afterwards; "
            "'ltmt memory backup' first keeps a copy they can)"
        )
        memory.backup(backup)
        assert caplog.text == ""
        stored_kind = env.read(memory.store, lambda txn: txn.get(INDEX_KEY))
        assert stored_kind == index_kind(backup) == b"char9gram-v7"
        memory.add("u1", "Hello world", "Hallo Welt")
        assert "older ltmt releases cannot read the store afterwards" in caplog.text
        assert memory.search("u1", "hello world")[0].score == 100.0
    assert index_kind(store) == b"char3gram-v3"
    assert index_kind(backup) == b"char9gram-v7"


def test_foreign_lmdb_and_file_paths_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    lmdb_env = lmdb.open(str(foreign))
    with lmdb_env.begin(write=True) as txn:
        txn.put(b"hello", b"world")
    lmdb_env.close()
    with pytest.raises(StoreError, match=r"is an LMDB environment but not an ltmt memory store"):
        Memory(foreign)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(StoreError, match=r"is a file, not a directory"):
        Memory(a_file)


def test_a_folder_of_other_files_or_an_empty_path_is_no_store(tmp_path: Path) -> None:
    """``Memory("")`` (an unset variable) was the working directory: a store was made among a
    project's files, and the folder made private (0700)."""
    project = tmp_path / "project"
    project.mkdir(mode=0o755)
    (project / "main.py").write_text("print('hi')\n")
    with pytest.raises(StoreError, match=r"holds other files and no memory store; give a new"):
        Memory(project)
    assert sorted(p.name for p in project.iterdir()) == ["main.py"]
    assert stat.S_IMODE(project.stat().st_mode) == 0o755
    with pytest.raises(InputError, match=r"^the memory store's path is empty: name a directory"):
        Memory("")
    with Memory(tmp_path / "new") as memory:  # a new folder, or an empty one, is
        memory.add("u", "a", "b")
    with Memory(tmp_path / "new") as memory:  # ... and a store, reopened
        assert memory.count("u") == 1
    # a store another process is making (its lock.mdb made, not its data.mdb yet) is one
    being_made = tmp_path / "being-made"
    being_made.mkdir()
    (being_made / "lock.mdb").write_bytes(b"")
    with Memory(being_made) as memory:
        memory.add("u", "a", "b")


def test_processes_making_one_store_at_once_all_store_their_pair(tmp_path: Path) -> None:
    """One of six got "holds other files and no memory store" (a lock.mdb the first made)."""
    script = "import sys; from ltmt import Memory; Memory(sys.argv[1]).add(sys.argv[2], 'a', 'b')"
    store = tmp_path / "store"
    makers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(store), f"u{n}"], stderr=subprocess.PIPE, text=True
        )
        for n in range(6)
    ]
    errors = [maker.communicate(timeout=120)[1] for maker in makers]
    assert [maker.returncode for maker in makers] == [0] * 6, errors
    with Memory(store) as memory:
        assert memory.users() == [f"u{n}" for n in range(6)]


def test_a_store_another_process_is_making_is_opened_once_its_data_file_is_written(
    tmp_path: Path,
) -> None:
    """One of six processes adding to one new store at once was refused: "data.mdb is empty"
    (another's LMDB had made the file, and not yet written its meta pages)."""
    with Memory(tmp_path / "made") as memory:
        memory.add("u1", "Log out", "Abmelden")
    written = (tmp_path / "made" / "data.mdb").read_bytes()
    store = tmp_path / "s"
    store.mkdir()
    found: list[object] = []

    def search() -> None:
        try:
            with Memory(store) as memory:
                found.append([m.segment.target for m in memory.search("u1", "Log out")])
        except StoreError as exc:
            found.append(str(exc))

    with files._creation_lock(store):  # the maker's, while its LMDB writes the file
        (store / "data.mdb").write_bytes(b"")
        opener = threading.Thread(target=search)
        opener.start()
        opener.join(0.5)
        assert opener.is_alive() and found == []  # it waits for the maker
        (store / "data.mdb").write_bytes(written)
    opener.join(60)
    assert found == [["Abmelden"]]
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "data.mdb").write_bytes(b"")  # no maker: the file stays empty
    with pytest.raises(StoreError, match=r"data.mdb is empty: restore the store from a backup"):
        Memory(tmp_path / "empty")


def test_full_map_grows(tmp_path: Path) -> None:
    pairs = [
        (f"sentence number {i} about files", f"Satz Nummer {i} über Dateien") for i in range(3000)
    ]
    with Memory(tmp_path, map_size=64 * 1024) as memory:
        start = env.map_size(memory.store)
        report = memory.import_pairs("u", pairs)
        for i in range(50):  # single adds, each in its own transaction
            memory.add("u", f"single add {i}", f"Einzeln {i}")
        assert report.added == 3000
        assert memory.count("u") == 3050
        assert env.map_size(memory.store) > start
        assert memory.search("u", "sentence number 2999 about files", k=1)[0].score == 100.0


def test_full_map_grows_on_map_full_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grown: list[int] = []
    real_grow = env.grow

    def counting_grow(store: env.Store, at_least: int = 0) -> None:
        grown.append(at_least)
        real_grow(store, at_least)

    monkeypatch.setattr(env, "reserve", lambda store, extra: None)  # no growth ahead of time
    monkeypatch.setattr(env, "grow", counting_grow)
    with Memory(tmp_path, map_size=32 * 1024) as memory:
        for i in range(40):
            memory.add("u", f"single add number {i}", f"Einzeln {i}")
        memory.import_pairs("u", [(f"bulk pair {i}", f"Paar {i}") for i in range(2000)])
        assert memory.count("u") == 2040
    assert grown and all(at_least == 0 for at_least in grown)  # growth came from MapFullError


def test_a_map_grown_by_another_process_is_adopted(tmp_path: Path) -> None:
    with Memory(tmp_path, map_size=64 * 1024) as memory:
        memory.add("u", "first", "erste")
        script = (
            "import sys; from ltmt import Memory\n"
            "with Memory(sys.argv[1], map_size=64 * 1024) as m:\n"
            "    m.import_pairs('u', [(f'pair {i} of many', f'Paar {i}') for i in range(4000)])\n"
        )
        subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, cwd=REPO)
        assert memory.count("u") == 4001
        assert memory.search("u", "pair 3999 of many", k=1)[0].score == 100.0


def test_threads_share_a_store_while_it_grows(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with Memory(tmp_path, map_size=32 * 1024) as memory:
        memory.add("u", "seed sentence", "Saatsatz")
        done = threading.Event()

        def search() -> None:
            try:
                while not done.is_set():
                    assert memory.search("u", "seed sentence", k=1)[0].score == 100.0
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        reader = threading.Thread(target=search)
        reader.start()
        try:
            for i in range(150):
                memory.add("u", f"threaded add {i}", f"Faden {i}")
        finally:
            done.set()
            reader.join()
        assert memory.count("u") == 151
    assert errors == []


def test_one_environment_per_directory(tmp_path: Path) -> None:
    first = Memory(tmp_path)
    second = Memory(tmp_path / ".")
    assert first.store is second.store
    first.add("u", "shared", "geteilt")
    first.close()
    assert second.count("u") == 1
    second.close()
    with pytest.raises(StoreError, match=r"is closed"):
        second.count("u")


BAD_USERS = ["", "a" * 65, "with space", "slash/ed", "ümlaut", "tab\t", "semi;colon"]


@pytest.mark.parametrize("user", BAD_USERS)
def test_bad_user_ids_are_refused(tmp_path: Path, user: str) -> None:
    with Memory(tmp_path) as memory:
        with pytest.raises(InputError, match=r"invalid user id .*: use 1-64 characters from A-Z"):
            memory.add(user, "a", "b")
        with pytest.raises(InputError, match=r"invalid user id"):
            memory.search(user, "a")
        with pytest.raises(InputError, match=r"invalid user id"):
            memory.count(user)


@pytest.mark.parametrize(
    ("user", "shown"),
    [
        ("x" * 65, "'" + "x" * 65 + "'"),  # up to 72 characters shown whole
        ("x" * 5000, "'" + "x" * 71 + "…'"),
        (None, "None"),
    ],
)
def test_an_invalid_user_id_is_shown_cut_short(user: object, shown: str) -> None:
    """An id of 5,000 characters was echoed whole."""
    with pytest.raises(InputError) as refused:
        check_user(user)
    assert str(refused.value) == (
        f"invalid user id {shown}: use 1-64 characters from A-Z, a-z, 0-9, '.', '_', '-'"
    )


@pytest.mark.parametrize("user", [".", "..", "..."])
def test_a_new_user_of_dots_alone_is_refused(tmp_path: Path, user: str) -> None:
    """``..`` would read as the folder above in a server's URL; a memory stored under such a
    name before the check stays readable."""
    with Memory(tmp_path) as memory:
        message = rf"^invalid user id '{user}': dots alone would read as a folder in a URL"
        with pytest.raises(InputError, match=message):
            memory.add(user, "a", "b")
        with pytest.raises(InputError, match=message):
            memory.import_pairs(user, [("a", "b")])
        assert memory.count(user) == 0


@pytest.mark.parametrize("user", ["a", "A-Z_a.z-0.9", "x" * 64, "user.name_1", ".a", "1..2"])
def test_good_user_ids(tmp_path: Path, user: str) -> None:
    with Memory(tmp_path) as memory:
        memory.add(user, "a text", "ein Text")
        assert memory.users() == [user]


def test_cleaning_report(tmp_path: Path) -> None:
    records = [
        PairRecord("Open the file", "Datei öffnen", "data.jsonl:1"),
        PairRecord("   ", "leer", "data.jsonl:2"),
        PairRecord("empty target", "", "data.jsonl:3"),
        PairRecord("lone \ud800 surrogate", "kaputt", "data.jsonl:4"),
        PairRecord("replacement \ufffd char", "kaputt", "data.jsonl:5"),
        PairRecord(
            "OK",
            "This translation is far, far too long to be the translation of OK",
            "data.jsonl:6",
        ),
        PairRecord("Open the file", "Datei öffnen", "data.jsonl:7"),
        PairRecord("URL", "Adresse (URL)", "data.jsonl:8"),
    ]
    with Memory(tmp_path) as memory:
        report = memory.import_pairs("u", records)
        assert memory.count("u") == 2
    assert (report.read, report.added, report.duplicates) == (8, 2, 1)
    assert dict(report.skipped) == {
        "empty source": 1,
        "empty target": 1,
        "broken encoding": 2,
        "length ratio": 1,
    }
    assert report.examples[:2] == ("data.jsonl:2: empty source", "data.jsonl:3: empty target")
    assert report.summary() == (
        "u: 2 added, 1 duplicate, 5 skipped "
        "(2 broken encoding, 1 empty source, 1 empty target, 1 length ratio)"
    )


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("", "x", r"cannot add to 'u': the source is empty"),
        ("x", " ", r"cannot add to 'u': the target is empty"),
        ("bad \udc80", "x", r"lone surrogate or U\+FFFD"),
        ("x", "y" * 100, r"lengths differ too much \(1 vs 100 characters\)"),
    ],
)
def test_add_refuses_what_cleaning_rejects(
    tmp_path: Path, source: str, target: str, message: str
) -> None:
    with Memory(tmp_path) as memory:
        with pytest.raises(InputError, match=message):
            memory.add("u", source, target)
        assert memory.users() == []


def test_records_must_be_text(tmp_path: Path) -> None:
    with (
        Memory(tmp_path) as memory,
        pytest.raises(
            InputError, match=r"source and target must be strings, got \(NoneType, str\)"
        ),
    ):
        memory.import_pairs("u", [("a", "b"), (None, "x")])  # type: ignore[list-item]


def test_metadata_must_be_json(tmp_path: Path) -> None:
    with (
        Memory(tmp_path) as memory,
        pytest.raises(InputError, match=r"metadata is not JSON-serialisable"),
    ):
        memory.add("u", "a", "b", metadata={"when": object()})


def test_segments_and_stats(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS, origin="a.tsv")
        memory.add("u", "Hello", "Hallo")
        assert [s.id for s in memory.segments("u", chunk=2)] == [1, 2, 3, 4, 5]
        stats = memory.stats("u")
        assert stats["segments"] == 5
        assert stats["origins"] == {"a.tsv": 4, "api": 1}
        store = memory.stats()
        assert (store["users"], store["segments"], store["schema"]) == (1, 5, 1)
        with pytest.raises(InputError, match=r"no user 'nobody' in memory store"):
            memory.stats("nobody")


def test_a_user_the_store_does_not_hold_reads_as_empty_and_require_user_refuses_it(
    tmp_path: Path,
) -> None:
    """``search``/``count`` of a user the store lacks gave ``[]``/``0`` silently while ``stats``
    raised: kept (a server's key holder with nothing stored is no mistake), documented, and
    ``require_user`` gives stats' very error."""
    with Memory(tmp_path) as memory:
        memory.add("acme", "Hello", "Hallo")
        assert (memory.search("nobody", "Hello"), memory.count("nobody")) == ([], 0)
        message = r"^no user 'nobody' in memory store .* \(its users: acme\)$"
        for call in (memory.stats, memory.require_user):
            with pytest.raises(InputError, match=message):
                call("nobody")


def test_a_misspelt_user_is_told_the_one_of_another_case_first(tmp_path: Path) -> None:
    """``memory stats --user globex`` named three typos and not ``Globex``; ``APTCO`` no one."""
    with Memory(tmp_path) as memory:
        for name in ("Globex", "aptco", "glbex", "glob3x", "glbexx"):
            memory.add(name, "Hello", "Hallo")
        with pytest.raises(InputError, match=r"\(did you mean Globex, glbex, glob3x\?\)$"):
            memory.require_user("globex")
        with pytest.raises(InputError, match=r"\(did you mean aptco\?\)$"):
            memory.require_user("APTCO")


def test_require_user_names_the_users_of_the_store(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        with pytest.raises(
            InputError, match=r"no user 'u' in memory store .* \(it has no users\)$"
        ):
            memory.require_user("u")
        for name in ("a", "b", "c", "d", "e", "f"):
            memory.add(name, "Hello", "Hallo")
        memory.require_user("a")
        with pytest.raises(InputError, match=r"\(its users: a, b, c, d, e, \.\.\.\)$"):
            memory.require_user("g")
        with pytest.raises(InputError, match=r"invalid user id 'x y'"):
            memory.require_user("x y")


def _forced_segment():  # type: ignore[no-untyped-def]
    import torch

    from ltmt.fusion.datastore import ForcedSegment

    return ForcedSegment(
        torch.zeros(2, 4), torch.arange(2), torch.full((2, 3), 1 / 3), torch.arange(3)
    )


def test_deletes_remove_the_states_translations_cached_of_the_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The force-decoded states on disk hold a segment's text as token ids: a delete through
    the API removes them, whoever calls it (CLI, server or a library user)."""
    from ltmt.fusion.state_store import StateStore
    from ltmt.paths import ENV_CACHE

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    states = StateStore("model")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", PAIRS)
        memory.import_pairs("u2", PAIRS[:1])
        paths = {}
        for user in ("u1", "u2"):
            for segment in memory.segments(user):
                key = ("model", user, segment.id, segment.source, segment.target, segment.created)
                states.put(key, _forced_segment())
                stored = states.file_of(key)
                assert stored is not None
                paths[user, segment.id] = stored
        first, *rest = sorted(i for u, i in paths if u == "u1")
        assert memory.delete("u1", first)
        assert not paths["u1", first].exists() and paths["u1", rest[0]].exists()
        assert not memory.delete("u1", first)
        assert memory.delete_origin("u1", "import") == len(rest)
        assert not any(paths["u1", seg_id].exists() for seg_id in rest)
        assert memory.delete_user("u1")
        assert [key for key, path in paths.items() if path.exists()] == [("u2", 1)]


def test_a_memory_dropped_without_close_releases_its_store(tmp_path: Path) -> None:
    import gc

    from ltmt.memory import env

    def count() -> int:
        return Memory(tmp_path / "store").count("u")  # never closed

    for _ in range(3):
        count()
    gc.collect()
    assert str((tmp_path / "store").resolve()) not in env._REGISTRY
    with Memory(tmp_path / "store") as memory:  # compact needs no other handle open
        memory.compact()


def test_search_batch_of_one_string_is_an_input_error(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Sichern")
        with pytest.raises(InputError, match=r"^texts must be a list of strings, not one"):
            memory.search_batch("u", "Save")  # type: ignore[arg-type]


def test_segments_of_a_user_whose_records_are_fewer_than_its_count_is_a_store_error(
    tmp_path: Path,
) -> None:
    # a garbled key hid a record from the user's range: an export stopped there and said it
    # had exported every segment
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("u1", [(f"Open file {n}", f"Datei {n} öffnen") for n in range(5)])
    env = lmdb.open(str(tmp_path / "s"), max_dbs=0)
    with env.begin(write=True) as txn:
        cursor = txn.cursor()
        assert cursor.set_range(b"s")
        key, value = bytes(cursor.key()), bytes(cursor.value())
        txn.delete(key)
        txn.put(b"\xfe" + key[1:], value)  # the record, under a key of no table
    env.close()
    with Memory(tmp_path / "s") as memory:
        read = []
        with pytest.raises(StoreError, match=r"is damaged: 'u1' has 5 segments, of which 4 could"):
            read.extend(memory.segments("u1"))
        assert len(read) == 4  # the readable ones came first


def test_a_damaged_source_is_a_store_error_naming_the_store(tmp_path: Path) -> None:
    # a search read it with a traceback (UnicodeDecodeError)
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("u1", [("Show all commits", "Alle Commits anzeigen")])
    env = lmdb.open(str(tmp_path / "s"), max_dbs=0)
    with env.begin(write=True) as txn:
        cursor = txn.cursor()
        assert cursor.set_range(b"n")  # the normalised sources
        txn.put(bytes(cursor.key()), b"\xff" + bytes(cursor.value())[1:])
    env.close()
    with Memory(tmp_path / "s") as memory, pytest.raises(StoreError) as raised:
        memory.search("u1", "Show all commits")
    assert str(raised.value) == (
        f"memory store {tmp_path / 's'} is damaged: a segment's source is no UTF-8 text; restore "
        "the store from a backup (README: Restoring a backup)"
    )


def test_a_store_file_you_may_not_write_is_named_in_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # LMDB said "cannot open memory store S: S: Permission denied" for a data.mdb or lock.mdb
    # of mode 0400 (the tests run as root, whom permissions do not stop: access is refused here)
    from ltmt.memory import env

    with Memory(tmp_path / "s") as memory:
        memory.add("u1", "Open", "Öffnen")
    data = tmp_path / "s" / "data.mdb"
    data.chmod(0o400)
    monkeypatch.setattr(env.os, "access", lambda file, mode: Path(file) != data)
    denied = lmdb.Error(f"{tmp_path / 's'}: Permission denied")
    error = env._open_error(tmp_path / "s", denied, False)
    assert str(error) == (
        f"cannot open memory store {tmp_path / 's'}: {data} is not readable and writable by you "
        "(mode 0400); ltmt reads a store with both (LMDB keeps its readers in lock.mdb): make it "
        f"so (chmod u+rw {data}) or work on a copy of the store"
    )
    # on a read-only file system no file is writable: LMDB's own reason is said
    error = env._open_error(tmp_path / "s", denied, True)
    assert str(error) == f"cannot open memory store {tmp_path / 's'}: Permission denied"
    monkeypatch.undo()
    error = env._open_error(tmp_path / "s", lmdb.Error(f"{tmp_path / 's'}: No such device"), False)
    assert str(error) == f"cannot open memory store {tmp_path / 's'}: No such device"


def test_a_store_on_a_read_only_file_system_is_read_without_its_lock_file_and_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a read-only mount refused every command: os.access said data.mdb was not writable, and
    # the error told to chmod a file that was u+rw (real mounts: the README's trial)
    with Memory(tmp_path / "s") as memory:
        memory.add("u1", "Log out", "Abmelden")
    (tmp_path / "s" / "lock.mdb").unlink()  # a copy without it: LMDB would make it again
    monkeypatch.setattr(env, "on_read_only_file_system", lambda path: True)
    with Memory(tmp_path / "s") as memory:
        assert [m.segment.target for m in memory.search("u1", "Log out")] == ["Abmelden"]
        assert [s.target for s in memory.segments("u1")] == ["Abmelden"]
        memory.backup(tmp_path / "copy")
        with pytest.raises(
            StoreError,
            match=r"^memory store .+ is on a read-only file system: it can be read, not "
            r"changed; remount it read-write or work on a copy of the store$",
        ):
            memory.add("u1", "Sign in", "Anmelden")
    assert not (tmp_path / "s" / "lock.mdb").exists()
    with pytest.raises(StoreError, match="on a read-only file system and holds no store"):
        Memory(tmp_path / "new")


def test_a_memory_cannot_be_pickled_and_says_what_to_do(tmp_path: Path) -> None:
    import pickle

    with (
        Memory(tmp_path / "s") as memory,
        pytest.raises(TypeError, match=r"^a Memory cannot be pickled .*with Memory\(path\)$"),
    ):
        pickle.dumps(memory)


HOLDS_THE_WRITER_LOCK = """
import sys, time
import lmdb
env = lmdb.open(sys.argv[1], max_dbs=0)
txn = env.begin(write=True)
print("holding", flush=True)
time.sleep(2)
txn.abort()
"""


def test_a_write_that_waits_for_another_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An add behind a long import waited in silence and looked hung."""
    import logging

    monkeypatch.setattr(env, "WAIT_SAID_AFTER_S", 0.3)
    with Memory(tmp_path / "s") as memory:
        memory.add("u", "first", "erste")
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDS_THE_WRITER_LOCK, str(tmp_path / "s")],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
            with caplog.at_level(logging.WARNING):
                memory.add("u", "second", "zweite")  # waits for the other process's write
                memory.add("u", "third", "dritte")
        finally:
            holder.wait(timeout=60)
        assert memory.count("u") == 3
    said = [r.getMessage() for r in caplog.records if "waiting for another write" in r.getMessage()]
    assert said == [
        f"memory store {tmp_path / 's'}: waiting for another write to it to finish (an import?)"
    ]


@pytest.mark.parametrize("key", [False, True])
def test_a_memory_keeps_the_language_pair_its_first_import_named(tmp_path: Path, key: bool) -> None:
    """A French→German TMX imported into an English→German memory was exported as English."""
    from ltmt.memory.crypto import generate_key_file

    key_file = generate_key_file(tmp_path / "k.key") if key else None
    with Memory(tmp_path / "s", key_file=key_file) as memory:
        memory.import_pairs("u", [("Open the file", "Datei öffnen")])  # names no pair
        assert memory.languages("u") is None
        memory.import_pairs("u", [("Save the file", "Datei speichern")], languages=("en", "de"))
        assert memory.languages("u") == ("en", "de")
        memory.import_pairs("u", [("Colour", "Farbe")], languages=("en-GB", "de-AT"))  # regions
        # memoQ's three-letter codes: they were another pair than en → de
        memory.import_pairs("u", [("Close", "Schließen")], languages=("eng", "deu"))
        with pytest.raises(
            InputError,
            match=r"^u's memory holds en → de pairs; these are fr → de: import them into "
            r"another user \(a memory holds one language pair\)",
        ):
            memory.import_pairs(
                "u", [("Ouvrir le fichier", "Datei öffnen")], languages=("fr", "de")
            )
        assert memory.count("u") == 4  # nothing of the refused import stored
        assert memory.stats("u")["languages"] == ["en", "de"]
    with Memory(tmp_path / "s", key_file=key_file) as memory:  # kept on disk
        assert memory.languages("u") == ("en", "de")


@pytest.mark.parametrize(
    "languages", ["en-de", ("en",), ("en", "de", "fr"), (1, 2), ("xx-yy-zz", "??"), ("en", "")]
)
def test_languages_that_are_no_pair_of_codes_are_refused_before_anything_is_written(
    tmp_path: Path, languages: object
) -> None:
    """They were stored as the user's pair, and a record of ``"en-de"`` could not be read."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:1])
        with pytest.raises(InputError, match=r"^languages must be a \(source, target\) pair"):
            memory.import_pairs("u", PAIRS[1:2], languages=languages)  # type: ignore[arg-type]
        assert (memory.count("u"), memory.languages("u")) == (1, None)
        memory.check()


def test_a_language_pair_may_be_a_list_and_locale_codes(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:1], languages=["en_US.UTF-8", "de-AT"])
        assert memory.languages("u") == ("en_US.UTF-8", "de-AT")


@pytest.mark.parametrize("stored", [["en"], list("en-de"), [1, 2], ["xx-yy-zz", "??"], "en-de"])
def test_a_record_whose_languages_are_no_pair_reads_as_none(
    tmp_path: Path, stored: object, caplog: pytest.LogCaptureFixture
) -> None:
    """A store an unchecked ``languages`` argument damaged: every call naming the user was a
    StoreError; it reads as no pair, ``check`` names it, the next import that names one heals it."""
    from ltmt.memory.layout import user_key

    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:2])
        row = {**json.loads(_user_row(memory)), "languages": stored}
        env.write(memory.store, lambda txn: txn.put(user_key("u"), json.dumps(row).encode()))
        assert [s.source for s in memory.segments("u")] == [s for s, _ in PAIRS[:2]]
        assert memory.languages("u") is None
        assert "records" in caplog.text and "no language pair" in caplog.text
        assert f"note: user 'u' records {stored!r} as its languages" in memory.check().summary()
        memory.import_pairs("u", PAIRS[2:3], languages=("en", "de"))
        assert (memory.count("u"), memory.languages("u")) == (3, ("en", "de"))
        assert memory.check().notes == ()


def test_a_rewritten_user_row_keeps_the_fields_this_ltmt_does_not_know(tmp_path: Path) -> None:
    """An older release that rewrote a user's row dropped the fields it did not know (a newer
    one's ``languages``); this ltmt writes those of a newer release back as they were."""
    from ltmt.memory.layout import user_key

    newer = {"domain": "software", "reviewed": {"by": ["ana"], "at": 1.5}}
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:2], languages=("en", "de"))
        row = {**json.loads(_user_row(memory)), **newer}
        env.write(memory.store, lambda txn: txn.put(user_key("u"), json.dumps(row).encode()))
        memory.add("u", "Hello", "Hallo")
        memory.delete("u", 1)
        memory.import_pairs("u", PAIRS[2:3], languages=("en", "de"))
        stored = json.loads(_user_row(memory))
    assert {name: stored[name] for name in (*newer, "count", "languages")} == {
        **newer,
        "count": 3,
        "languages": ["en", "de"],
    }


def _user_row(memory: Memory, user: str = "u") -> bytes:
    from ltmt.memory.layout import user_key

    return bytes(env.read(memory.store, lambda txn: txn.get(user_key(user))))


@pytest.mark.parametrize("origin", [5, None, b"a.tsv", "bad \udc80.tsv"])
def test_an_origin_that_is_no_string_is_refused(tmp_path: Path, origin: object) -> None:
    """An origin is a key of the counts in the user's record: one that is no string failed
    inside the write (AttributeError, UnicodeEncodeError)."""
    with Memory(tmp_path) as memory:
        with pytest.raises(InputError, match=r"^origin "):
            memory.import_pairs("u", PAIRS, origin=origin)  # type: ignore[arg-type]
        with pytest.raises(InputError, match=r"^origin "):
            memory.add("u", "Open", "Öffnen", origin=origin)  # type: ignore[arg-type]
        assert memory.users() == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.search("u", "Open", k="2"), r"^k must be an integer >= 1, got '2'$"),
        (lambda m: m.search("u", "Open", k=2.5), r"^k must be an integer >= 1, got 2\.5$"),
        (lambda m: m.get("u", "1"), r"^seg_id must be an integer, a segment's id, got '1' \(str\)"),
        (lambda m: m.delete("u", "1"), r"^seg_id must be an integer.* \(str\)$"),
        (lambda m: m.delete("u", 2.0), r"^seg_id must be an integer.* \(float\)$"),
        (lambda m: m.delete("u", True), r"^seg_id must be an integer.* \(bool\)$"),
        (lambda m: m.import_pairs("u", None), r"^records must be an iterable of pairs, not a Non"),
        (lambda m: m.segments("u", chunk=0), r"^chunk must be an integer >= 1, got 0$"),
        (lambda m: m.search_batch("u", ["Open"], prefer=["menu"]), r"^prefer: item 1 is a str"),
        (lambda m: Memory(5), r"^path must be a str or a pathlib\.Path, got int$"),
        (lambda m: Memory(m.path, key_file=b"/k.key"), r"^key_file must be a str or a pathlib"),
    ],
)
def test_an_argument_of_the_wrong_kind_is_an_input_error_naming_it(
    tmp_path: Path, call: Any, message: str
) -> None:
    """They were TypeError, IndexError or AttributeError from deep inside, and ``delete("u",
    "1")`` deleted segment 1 where ``get("u", "1")`` failed."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS)
        with pytest.raises(InputError, match=message):
            call(memory)
        assert memory.count("u") == len(PAIRS)


def test_a_segment_id_may_be_a_numpy_integer(tmp_path: Path) -> None:
    import numpy as np

    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS)
        assert memory.get("u", np.int64(1)).source == PAIRS[0][0]  # type: ignore[union-attr]
        assert memory.delete("u", np.uint32(1))
        assert memory.search("u", "Close the file", k=np.int64(1))[0].segment.id == 2


def test_a_store_whose_parent_folder_is_missing_is_refused(tmp_path: Path) -> None:
    """A mistyped path made its folders and a new empty store, which answered every read."""
    typo = tmp_path / "typo_parent" / "stroe"
    with pytest.raises(
        InputError,
        match=rf"^memory store {re.escape(str(typo))}: folder {re.escape(str(typo.parent))} "
        r"does not exist; create it first",
    ):
        Memory(typo)
    assert list(tmp_path.iterdir()) == []


def test_the_default_store_makes_its_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTMT_HOME", str(tmp_path / "home" / "ltmt"))
    with Memory() as memory:
        memory.add("u", "Open", "Öffnen")
        assert memory.path.parent.is_dir()


def test_a_damaged_language_record_is_warned_about_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Every translation and stats call reads the user's languages: one warning, not one each."""
    from ltmt.memory.layout import user_key

    with Memory(tmp_path) as memory:
        memory.import_pairs("once", PAIRS[:2])
        row = {**json.loads(_user_row(memory, "once")), "languages": ["en"]}
        env.write(memory.store, lambda txn: txn.put(user_key("once"), json.dumps(row).encode()))
        for _ in range(3):
            assert memory.languages("once") is None
            assert memory.stats("once")["languages"] is None
    assert caplog.text.count("no language pair") == 1


def test_a_write_that_makes_a_user_close_to_another_warns_in_the_apis_words(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A typo of a customer's id made a new user through the API without a word, where the
    command line warns of it (its own words: the command that undoes it)."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("acme", PAIRS[:1])
        with caplog.at_level("WARNING", logger="ltmt"):
            memory.import_pairs("acmme", [("Hello", "Hallo")])
            memory.import_pairs("acmme", [("Bye", "Tschüss")])  # not new any more
            memory.add("ACME", "Hello", "Hallo")
            memory.add_pair("acne", "Hello", "Hallo", warn_new_user=False)
            memory.import_pairs("acmee", [("Hello", "")])  # nothing stored: no user made
            memory.import_pairs("initech", [("Hello", "Hallo")])  # close to none
        assert "acmee" not in memory.users()
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        (
            "ltmt.memory.store",
            "did you mean acme? (a new user acmme was created; "
            "Memory.delete_user('acmme') undoes it)",
        ),
        (
            "ltmt.memory.store",
            "did you mean acme, acmme? (a new user ACME was created; "
            "Memory.delete_user('ACME') undoes it)",
        ),
    ]
