"""check, backup, compact; damaged and truncated stores; file modes; a full disk."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import lmdb
import pytest

from ltmt import Memory
from ltmt.errors import InputError, StoreError
from ltmt.memory import env as memory_env
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.layout import SIG_BYTES, user_key
from ltmt.memory.rows import encode_user, user_info

MARKER = "Wombat trombone rhapsody in C minor"


def pairs(n: int, prefix: str = "sentence") -> list[tuple[str, str]]:
    return [(f"{prefix} number {i} of the batch", f"Satz Nummer {i} des Stapels") for i in range(n)]


def raw_env(path: Path) -> lmdb.Environment:
    return lmdb.open(str(path), max_dbs=0)


def test_check_passes_and_counts(tmp_path: Path) -> None:
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(700))  # > TAIL_MAX: chunked postings are checked too
        memory.import_pairs("b", pairs(5, "other"))
        memory.delete("a", 3)
        report = memory.check()
    assert (report.users, report.segments, report.encrypted) == (2, 704, False)
    assert report.summary().startswith("ok: store with 2 users, 704 segments and ")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda t: t.delete(b"n" + (1).to_bytes(4, "big") + (2).to_bytes(4, "big")),
            r"segment 2 of 'a' has no normalised source",
        ),
        (
            lambda t: t.delete(b"s" + (1).to_bytes(4, "big") + (2).to_bytes(4, "big")),
            r"user 'a' has 4 segment records but its count says 5",
        ),
        (
            lambda t: t.put(b"s" + (9).to_bytes(4, "big") + (1).to_bytes(4, "big"), b"x"),
            r"its segment table holds keys of uid 9, which has no user",
        ),
        (
            lambda t: t.put(b"h" + (999).to_bytes(4, "big") + bytes(2), b"x" * 64),
            r"its signature table holds keys of uid 999, which has no user",
        ),
        (
            lambda t: t.put(
                b"i" + (1).to_bytes(4, "big") + (7).to_bytes(4, "big"),
                b"\x01\x00\x00\x00\x01\x00\x00\x00",
            ),
            r"the index of 'a' does not match its segments",
        ),
        (
            lambda t: t.put(b"l" + (1).to_bytes(4, "big") + bytes(4), b"\x00\x00\x09\x00"),
            r"the index-text length of segment 1 of 'a' is wrong",
        ),
        (
            lambda t: t.put(b"h" + (1).to_bytes(4, "big") + bytes(4), bytes(6 * SIG_BYTES)),
            r"the index signature of segment 1 of 'a' is wrong",
        ),
    ],
)
def test_check_names_the_damage(tmp_path: Path, damage, message: str) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("a", pairs(5))
    env = raw_env(store)
    with env.begin(write=True) as txn:
        damage(txn)
    env.close()
    with (
        Memory(store) as memory,
        pytest.raises(
            StoreError,
            match=rf"^memory store .* is damaged: {message}.*; restore a backup \(README: Restoring a backup\)$",
        ),
    ):
        memory.check()


@pytest.mark.parametrize(
    ("field", "kept", "stale"),
    [
        ("shared", {"cl2.tmx": 2}, True),
        ("shared", {}, True),
        ("shared", {"cl2.tmx": 1, "cl9.tmx": 3}, True),
        ("shared", None, False),  # a row written before they were kept: none to compare
        ("shared", {"cl2.tmx": 1, "gone.tmx": 0}, False),
        # the own segments other origins hold too (what stats says deleting one keeps)
        ("own_shared", {"cl1.tmx": 2}, True),
        ("own_shared", {}, True),
        ("own_shared", None, False),
    ],
)
def test_check_recounts_shared_counts_that_disagree_with_the_segments(
    tmp_path: Path, field: str, kept: dict[str, int] | None, stale: bool
) -> None:
    """Counts an older ltmt left stale (it does not keep them) were 'damaged ... restore a
    backup': they are recounted from the segments, in one write, and said so."""
    with Memory(tmp_path / "s") as memory:
        memory.add("a", "Save", "Speichern", origin="cl1.tmx")
        memory.add("a", "Save", "Speichern", origin="cl2.tmx")
        memory.add("a", "Open", "Öffnen", origin="cl1.tmx")
        vault = memory.store.vault

        def keep(txn: lmdb.Transaction) -> None:
            found = user_info(txn, vault, "a")
            assert found is not None
            assert (found[0].shared, found[0].own_shared) == ({"cl2.tmx": 1}, {"cl1.tmx": 1})
            info, cipher = found
            changed = replace(info, **{field: kept})
            txn.put(user_key("a"), encode_user(changed, cipher, "a"))

        memory_env.write(memory.store, keep)
        report = memory.check()
        note = (
            "the shared counts of user 'a' were stale (an older ltmt wrote to the store): recounted"
        )
        assert (report.segments, report.notes) == (2, (note,) if stale else ())
        assert memory.check().notes == ()
        if stale:
            shares = memory.origin_shares("a")
            assert {name: (s.alone, s.shared) for name, s in shares.items()} == {
                "cl1.tmx": (1, 1),
                "cl2.tmx": (0, 1),
            }


def test_damaged_user_record_and_schema_are_one_line_errors(tmp_path: Path) -> None:
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.add("a", "one", "eins")
    env = raw_env(store)
    with env.begin(write=True) as txn:
        txn.put(b"ua", b"{not json")
    env.close()
    with (
        Memory(store) as memory,
        pytest.raises(
            StoreError,
            match=r"^memory store .* is damaged: a user record is damaged .*; restore the store from "
            r"a backup \(README: Restoring a backup\)$",
        ),
    ):
        memory.count("a")
    env = raw_env(store)
    with env.begin(write=True) as txn:
        txn.put(b"mschema", b"one")
    env.close()
    with pytest.raises(
        StoreError, match=r"has a damaged schema entry \(b'one'\); restore a backup$"
    ):
        Memory(store)


def test_damaged_page_is_refused_when_the_store_opens(tmp_path: Path) -> None:
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("a", pairs(400))
    data = bytearray((store / "data.mdb").read_bytes())
    page = data.index(b"sentence number 200 of") // 4096  # a leaf page of records
    data[page * 4096 + 8 : page * 4096 + 16] = b"\xff" * 8  # its flags and bounds
    (store / "data.mdb").write_bytes(bytes(data))
    with pytest.raises(
        StoreError,
        match=rf"^memory store .* is damaged: page {page} of data.mdb is not a leaf page of the "
        r"main tree; restore it from a backup and run 'ltmt memory check' on it \(README",
    ):
        Memory(store)


def test_truncated_data_file_is_refused_before_mapping(tmp_path: Path) -> None:
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("a", pairs(400))
    data_file = store / "data.mdb"
    size = data_file.stat().st_size
    os.truncate(data_file, size // 2)
    code = (
        "from ltmt import Memory\n"
        "from ltmt.errors import StoreError\n"
        f"try:\n    Memory({str(store)!r}).search('a', 'sentence number 300')\n"
        "except StoreError as exc:\n    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(
        rf"memory store {re.escape(str(store))} is damaged: data.mdb is truncated: its page "
        rf"\d+, in use, lies beyond its end \({size // 2} bytes\); restore it from a backup "
        r"and run 'ltmt memory check' on it \(README: Restoring a backup\)\n",
        done.stdout,
    ), done.stdout


def test_store_directory_and_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with Memory(tmp_path / "s", key_file=generate_key_file(tmp_path / "k")) as memory:
            memory.add("a", "one", "eins")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s").stat().st_mode) == 0o700
    for name in ("data.mdb", "lock.mdb", "keyring"):
        assert stat.S_IMODE((tmp_path / "s" / name).stat().st_mode) == 0o600, name


def test_backup_is_a_consistent_store(tmp_path: Path) -> None:
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(50))
        memory.backup(tmp_path / "b")
        memory.add("a", "after the backup", "nach der Sicherung")
        with pytest.raises(
            Exception, match=r"exists and is not an empty directory; choose a new one$"
        ):
            memory.backup(tmp_path / "b")
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o700
    with Memory(tmp_path / "b") as copy:
        assert copy.count("a") == 50
        assert copy.check().segments == 50


def test_a_backup_into_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(5))
        with pytest.raises(InputError) as error:
            memory.backup(tmp_path / "typo" / "b")
    assert str(error.value) == (
        f"cannot back up to {tmp_path / 'typo' / 'b'}: folder {tmp_path / 'typo'} does not "
        "exist; create it first"
    )
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("inside", [".", "sub", "sub/deeper"])
def test_a_backup_inside_the_store_is_refused(tmp_path: Path, inside: str) -> None:
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(5))
        target = tmp_path / "s" / inside
        with pytest.raises(InputError) as error:
            memory.backup(target)
    assert str(error.value) == (
        f"{target} is inside the memory store {tmp_path / 's'}; back it up to a directory "
        "outside it"
    )
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["data.mdb", "lock.mdb"]


def test_compact_removes_deleted_plaintext(tmp_path: Path) -> None:
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("gone", [(MARKER, "Wombat-Posaunen-Rhapsodie in c-Moll"), *pairs(300)])
        memory.import_pairs("kept", pairs(20, "kept"))
        memory.delete_user("gone")
        assert MARKER.encode() in (store / "data.mdb").read_bytes()  # freed, not overwritten
        before = (store / "data.mdb").stat().st_size
        report = memory.compact()
        assert report.before == before and report.after < before
        assert memory.count("kept") == 20 and memory.users() == ["kept"]
        memory.add("kept", "still writable", "noch beschreibbar")
        assert memory.check().segments == 21
    for item in store.iterdir():
        assert b"Wombat" not in item.read_bytes(), item.name
    assert sorted(p.name for p in store.iterdir()) == ["data.mdb", "lock.mdb"]


@pytest.mark.parametrize("encrypted", [False, True])
def test_compact_and_rekey_need_the_store_to_themselves(tmp_path: Path, encrypted: bool) -> None:
    """A process that has the store open (a server) would go on with the old file or key."""
    from ltmt.memory.crypto import generate_key_file

    key = generate_key_file(tmp_path / "k.key") if encrypted else None
    new_key = generate_key_file(tmp_path / "new.key")

    def maintain(memory: Memory) -> None:
        memory.rekey(new_key) if encrypted else memory.compact()

    with (
        Memory(tmp_path / "s", key_file=key) as memory,
        Memory(tmp_path / "s", key_file=key),
        pytest.raises(StoreError, match=r"is open 2 times in this process; close the others"),
    ):
        maintain(memory)
    env = {**os.environ, "LTMT_KEY_FILE": str(key)} if key else None
    with Memory(tmp_path / "s", key_file=key) as memory:
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"from ltmt import Memory; import time; m = Memory({str(tmp_path / 's')!r}); print('open', flush=True); time.sleep(60)",
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "open\n"
            with pytest.raises(
                StoreError, match=r"is in use by another process \(a server\?\); stop it and retry$"
            ):
                maintain(memory)
        finally:
            holder.kill()
            holder.wait()


def test_full_disk_is_reported_as_such_and_keeps_the_store(tiny_fs: Path) -> None:
    store = tiny_fs / "s"
    with Memory(store) as memory:
        memory.add("a", "kept before the disk filled", "vorher behalten")
        with pytest.raises(
            StoreError,
            match=r"^No space left on device while writing memory store .*: (about \d+ MiB are needed; )?free space and retry",
        ):
            memory.import_pairs("a", pairs(20_000))
        assert memory.count("a") == 1
    with open(tiny_fs / "fill", "wb", buffering=0) as out, pytest.raises(OSError):
        while True:  # fill the disk to the last block
            out.write(b"\0" * 4096)
    done = subprocess.run(
        [sys.executable, "-c", "from ltmt.cli.main import run; run()", "memory", "add",
         "--user", "a", "--source", "s", "--target", "t", "--memory-dir", str(tiny_fs / "new")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert done.stderr.startswith("ltmt: error: No space left on device while writing memory store")
    assert done.stderr.count("\n") == 1


def test_a_backup_onto_a_full_disk_names_the_backup_and_leaves_nothing(
    tiny_fs: Path, tmp_path: Path
) -> None:
    """The full disk is the backup's: the message named the store it copies."""
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(20_000))
        with pytest.raises(
            StoreError, match=rf"^No space left on device while writing memory store {tiny_fs}/"
        ):
            memory.backup(tiny_fs / "bk")
    assert list(tiny_fs.iterdir()) == []


KILLED_BACKUP = """
import os, sys
from ltmt import Memory
from ltmt.memory import maintenance

maintenance._fsync = lambda path: os._exit(9)  # killed once the copy is written
Memory(sys.argv[1]).backup(sys.argv[2])
"""


def test_a_backup_killed_midway_leaves_nothing_under_its_name(tmp_path: Path) -> None:
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(50))
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BACKUP, str(tmp_path / "s"), str(tmp_path / "bk")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == 9, killed.stderr
    assert not (tmp_path / "bk").exists()  # a rerun is not refused, no half store to open
    assert (tmp_path / ".bk.ltmt-partial").is_dir()
    with Memory(tmp_path / "s") as memory:
        memory.backup(tmp_path / "bk")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bk", "s"]  # the rest went
    assert stat.S_IMODE((tmp_path / "bk" / "data.mdb").stat().st_mode) == 0o600
    with Memory(tmp_path / "bk") as copy:
        assert copy.count("a") == 50


KILLED_ENCRYPTED_BACKUP = """
import os, sys
from ltmt import Memory

os.umask(0o022)
store = Memory(sys.argv[1], key_file=sys.argv[2])
os.umask = lambda mask: os._exit(9)  # killed once the keyring is copied, before the data
store.backup(sys.argv[3])
"""


def test_a_backup_killed_midway_leaves_an_owner_only_keyring(tmp_path: Path) -> None:
    """It was 0644 under umask 022 until the whole copy was made: every user's data key,
    wrapped by the store key, readable by others."""
    key = generate_key_file(tmp_path / "k")
    with Memory(tmp_path / "s", key_file=key) as memory:
        memory.import_pairs("a", pairs(5))
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_ENCRYPTED_BACKUP,
            str(tmp_path / "s"),
            str(key),
            str(tmp_path / "bk"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == 9, killed.stderr
    keyring = tmp_path / ".bk.ltmt-partial" / "keyring"
    assert stat.S_IMODE(keyring.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("error", "free", "message"),
    [
        (
            lmdb.DiskError("mdb_txn_commit: No space left on device"),
            10**9,
            r"^No space left on device while writing memory store",
        ),
        (
            lmdb.DiskError("mdb_txn_commit: Input/output error"),
            1000,
            r"^No space left on device while writing memory store",
        ),
        (
            lmdb.DiskError("mdb_txn_commit: Input/output error"),
            10**9,
            r"^memory store .*: mdb_txn_commit: Input/output error$",
        ),
        (
            lmdb.CorruptedError("mdb_get: MDB_CORRUPTED"),
            10**9,
            r"^memory store .* is damaged \(mdb_get: MDB_CORRUPTED\); restore it from a backup \(README: Restoring a backup\)$",
        ),
    ],
)
def test_lmdb_errors_become_one_line_store_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: lmdb.Error, free: int, message: str
) -> None:
    from ltmt.memory import env, files

    monkeypatch.setattr(files, "free_bytes", lambda path: free)
    assert re.match(message, str(env.lmdb_error(tmp_path, error)))


def test_a_crashed_compaction_leaves_a_working_store(tmp_path: Path) -> None:
    store = tmp_path / "s"
    with Memory(store) as memory:
        memory.import_pairs("a", pairs(30))
    (store / ".compact").mkdir()
    (store / ".compact" / "data.mdb").write_bytes(b"half a copy")  # killed before the rename
    with Memory(store) as memory:
        assert memory.check().segments == 30
        memory.compact()
        assert memory.count("a") == 30
    assert not (store / ".compact").exists()


def test_compact_destroys_the_key_of_a_delete_interrupted_after_its_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.memory.crypto import Keyring

    with Memory(tmp_path / "s", key_file=generate_key_file(tmp_path / "k")) as memory:
        memory.add("gone", "one", "eins")
        memory.add("kept", "two", "zwei")
        keyring = memory.store.vault.keyring
        assert keyring is not None and keyring.live_uids() == [1, 2]
        with monkeypatch.context() as patch:
            patch.setattr(Keyring, "destroy", lambda self, uid: None)  # the crash
            memory.delete_user("gone")
        assert keyring.live_uids() == [1, 2]
        assert memory.check().users == 1
        memory.compact()
        assert keyring.live_uids() == [2]
        assert memory.search("kept", "two")[0].segment.target == "zwei"


def test_a_store_opened_while_compaction_holds_it_maps_the_compacted_file(tmp_path: Path) -> None:
    # compact holds lock.mdb exclusively while it puts a new data.mdb in place; a process that
    # opened the store then mapped the old file before it waited for the lock, and its writes
    # (an add, a delete) went into the replaced file: reported done, and lost
    import fcntl
    import threading

    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "Open the file", "Datei öffnen")
    with Memory(tmp_path / "compacted") as other:  # stands for the compacted copy
        other.add("u1", "Open the file", "Datei öffnen")
        other.add("u1", "Save the file", "Datei speichern")
    held = os.open(tmp_path / "store" / "lock.mdb", os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as compact holds it
    counts: list[int] = []

    def open_and_count() -> None:
        with Memory(tmp_path / "store") as opened:
            counts.append(opened.count("u1"))

    opener = threading.Thread(target=open_and_count)
    opener.start()
    opener.join(timeout=0.5)
    assert opener.is_alive()  # waiting for the lock
    os.replace(tmp_path / "compacted" / "data.mdb", tmp_path / "store" / "data.mdb")
    fcntl.flock(held, fcntl.LOCK_UN)
    os.close(held)
    opener.join(timeout=30)
    assert counts == [2]  # the file compaction put in place


def test_a_damaged_store_is_not_backed_up_unless_told(tmp_path: Path) -> None:
    """Its damage would replace good backups in a rotation, exit 0; check=False copies it."""
    with Memory(tmp_path / "s") as memory:
        memory.import_pairs("a", pairs(30))
    env = raw_env(tmp_path / "s")
    with env.begin(write=True) as txn:
        cursor = txn.cursor()
        assert cursor.set_range(b"n")  # a normalised source that no longer matches its record
        txn.put(bytes(cursor.key()), b"something else entirely")
    env.close()
    with Memory(tmp_path / "s") as memory:
        with pytest.raises(
            StoreError,
            match=r"^memory store .* is damaged: the normalised source of segment \d+ of 'a' does "
            r"not match its record; no backup was written, as it would carry the damage: keep "
            r"the backups you have \(README: Restoring a backup\), or pass --no-check",
        ):
            memory.backup(tmp_path / "bk")
        assert not (tmp_path / "bk").exists()
        memory.backup(tmp_path / "bk", check=False)
    with Memory(tmp_path / "bk") as copy:
        assert copy.count("a") == 30
