"""``ltmt memory`` keygen / check / backup / compact / rekey, encrypted stores, export outputs,
one-character sources, and a kill -9 in the middle of imports."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ltmt import Memory

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "store")


def test_one_character_sources_are_stored_and_found(
    run_ltmt: Runner, store: str, tmp_path: Path
) -> None:
    assert run_ltmt(
        "memory",
        "add",
        "--user",
        "u",
        "--source",
        "s",
        "--target",
        "t",
        "--memory-dir",
        store,
    )[:2] == (0, "added segment 1 of u\n")
    rows = tmp_path / "letters.jsonl"
    rows.write_text("".join(json.dumps({"source": c, "target": c.upper()}) + "\n" for c in "abc"))
    code, out, _ = run_ltmt("memory", "import", str(rows), "--user", "u", "--memory-dir", store)
    assert (code, out) == (0, "imported letters.jsonl into u: 3 added, 0 duplicates, 0 skipped\n")
    code, out, _ = run_ltmt(
        "memory", "search", "B", "--user", "u", "-k", "1", "--memory-dir", store
    )
    assert (code, out) == (0, "100.00\t3\tb\tB\n")


def test_one_character_line_is_learned_and_reused_from_an_encrypted_store(
    run_ltmt: Runner, store: str, tmp_path: Path, tiny_model_dir: Path
) -> None:
    source, reference, key = tmp_path / "in.txt", tmp_path / "ref.txt", tmp_path / "k.key"
    source.write_text("X\n")
    reference.write_text("Y\n")
    run_ltmt("memory", "keygen", "-o", str(key))
    common = ["--model", str(tiny_model_dir), "--memory-dir", store, "--beam", "1", "--user", "u"]
    learn = ("translate", str(source), "--learn", str(reference), *common)
    code, _, err = run_ltmt(*learn, "--key-file", str(key))
    assert code == 0, err
    code, out, err = run_ltmt("translate", str(source), *common, "--key-file", str(key))
    assert (code, out) == (0, "Y\n") and "memory: 1 exact" in err
    code, _, err = run_ltmt("translate", str(source), *common)
    assert (code, err) == (
        1,
        f"ltmt: error: memory store {store} is encrypted; pass its key file (--key-file, "
        "LTMT_KEY_FILE or key_file=)\n",
    )


def test_keygen_to_dash_writes_the_key_to_standard_output_not_a_file_named_dash(
    run_ltmt: Runner, store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_ltmt("memory", "keygen", "-o", "-")
    assert (code, err) == (0, "wrote a new key to standard output\n")
    assert not (tmp_path / "-").exists()
    key = tmp_path / "saved.key"
    key.write_text(out)
    key.chmod(0o600)
    with Memory(store, key_file=key) as memory:
        assert memory.encrypted


def test_encrypted_store_through_the_cli(
    run_ltmt: Runner, store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "k.key"
    assert run_ltmt("memory", "keygen", "--output", str(key))[:2] == (
        0,
        f"wrote a new key to {key}\n",
    )
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    code, _, err = run_ltmt("memory", "keygen", "--output", str(key))
    assert (code, err) == (
        1,
        f"ltmt: error: {key} already exists; a key is never overwritten, choose another path\n",
    )

    code, out, _ = run_ltmt(
        "memory",
        "add",
        "--user",
        "u",
        "--source",
        "Secret plan",
        "--target",
        "Geheimer Plan",
        "--memory-dir",
        store,
        "--key-file",
        str(key),
    )
    assert code == 0
    code, _, err = run_ltmt("memory", "search", "secret plan", "--user", "u", "--memory-dir", store)
    assert (code, err) == (
        1,
        f"ltmt: error: memory store {store} is encrypted; pass its key file (--key-file, LTMT_KEY_FILE or "
        "key_file=)\n",
    )
    monkeypatch.setenv("LTMT_KEY_FILE", str(key))
    code, out, _ = run_ltmt("memory", "search", "secret plan", "--user", "u", "--memory-dir", store)
    assert (code, out) == (0, "100.00\t1\tSecret plan\tGeheimer Plan\n")
    code, out, _ = run_ltmt("memory", "check", "--memory-dir", store)
    assert (code, out) == (
        0,
        "ok: encrypted store with 1 user, 1 segment and 11 index postings; every table agrees\n",
    )

    new_key = tmp_path / "new.key"
    run_ltmt("memory", "keygen", "-o", str(new_key))
    code, out, _ = run_ltmt(
        "memory", "rekey", "--new-key-file", str(new_key), "--memory-dir", store
    )
    assert (code, out) == (0, f"rekeyed {store}: use {new_key} from now on\n")
    code, _, err = run_ltmt("memory", "users", "--memory-dir", store)
    assert code == 1 and err.startswith(
        f"ltmt: error: {key} is not the key of encrypted memory store"
    )
    monkeypatch.setenv("LTMT_KEY_FILE", str(new_key))
    code, out, _ = run_ltmt("memory", "delete", "--user", "u", "--yes", "--memory-dir", store)
    assert (code, out) == (
        0,
        "deleted user u (1 segment); revoked 0 API keys; its data key is destroyed\n",
    )


def test_check_backup_compact(run_ltmt: Runner, store: str, tmp_path: Path) -> None:
    for user in ("a", "b"):
        run_ltmt(
            "memory",
            "add",
            "--user",
            user,
            "--source",
            f"text of {user}",
            "--target",
            "Text",
            "--memory-dir",
            store,
        )
    code, out, _ = run_ltmt("memory", "backup", str(tmp_path / "copy"), "--memory-dir", store)
    assert (code, out) == (0, f"backed up {store} to {tmp_path / 'copy'}\n")
    code, _, err = run_ltmt("memory", "backup", str(tmp_path / "copy"), "--memory-dir", store)
    assert (code, err) == (
        1,
        f"ltmt: error: {tmp_path / 'copy'} exists and is not an empty directory; choose a new one\n",
    )
    run_ltmt("memory", "delete", "--user", "a", "--yes", "--memory-dir", store)
    code, out, _ = run_ltmt("memory", "compact", "--memory-dir", store)
    assert code == 0 and out.startswith(f"compacted {store}: data.mdb ")
    code, out, _ = run_ltmt("memory", "check", "--memory-dir", str(tmp_path / "copy"))
    assert (code, out) == (
        0,
        "ok: store with 2 users, 2 segments and 18 index postings; every table agrees\n",
    )


def export(run_ltmt: Runner, store: str, output: str, *options: str) -> tuple[int, str, str]:
    return run_ltmt(
        "memory", "export", "--user", "u", "-o", output, "--memory-dir", store, *options
    )


@pytest.fixture
def exported_store(run_ltmt: Runner, store: str) -> str:
    run_ltmt(
        "memory",
        "add",
        "--user",
        "u",
        "--source",
        "Open",
        "--target",
        "Öffnen",
        "--memory-dir",
        store,
    )
    return store


def test_export_to_standard_output(
    run_ltmt: Runner,
    exported_store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = export(run_ltmt, exported_store, "-", "--format", "jsonl")
    assert (code, err) == (0, "exported 1 segment of u to standard output\n")
    [line] = out.splitlines()
    row = json.loads(line)
    assert (row["source"], row["target"], row["ltmt_segment"]["id"]) == ("Open", "Öffnen", 1)
    assert not (tmp_path / "-").exists()
    code, _, err = export(run_ltmt, exported_store, "-")
    assert (code, err) == (
        1,
        "ltmt: error: -: cannot tell the format from a name without an extension; pass --format (jsonl, tsv, csv, tmx, po, xliff, xliff2)\n",
    )


def test_export_honours_the_umask_and_writes_through_links(
    run_ltmt: Runner, exported_store: str, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.tsv"
        assert export(run_ltmt, exported_store, str(target))[0] == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        link = tmp_path / "link.tsv"
        link.symlink_to(target)
        target.write_text("old\n")
        assert export(run_ltmt, exported_store, str(link))[0] == 0
        assert link.is_symlink() and target.read_text("utf-8") == "Open\tÖffnen\n"
    finally:
        os.umask(old)


@pytest.mark.parametrize("output", ["out.tmx", "-"])
def test_an_export_s_scratch_file_is_in_the_store_not_the_system_s_temporary_folder(
    run_ltmt: Runner,
    exported_store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: str,
) -> None:
    """A kill -9 left the whole export in $TMPDIR (ltmt-export-*/.corp.tmx.*.tmp); in the
    store's work folder, the store's next opening removes it."""
    from ltmt.formats import pairs
    from ltmt.memory.work_folders import FOLDER

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "system-tmp"))
    (tmp_path / "system-tmp").mkdir()
    written: list[Path] = []
    real = pairs.write_pairs

    def spied(path: Path, *args: object, **kwargs: object) -> int:
        written.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pairs, "write_pairs", spied)
    assert export(run_ltmt, exported_store, output, "--format", "tmx")[0] == 0
    assert written[0].is_relative_to(Path(exported_store) / FOLDER)
    assert os.listdir(tmp_path / "system-tmp") == []
    assert os.listdir(Path(exported_store) / FOLDER) == [".lock"]


@pytest.mark.parametrize("existing", [True, False])
def test_an_import_s_copy_of_standard_input_is_in_the_store_not_the_system_s_temporary_folder(
    run_ltmt: Runner,
    store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    existing: bool,
) -> None:
    """``memory import -`` copied standard input to $TMPDIR (ltmt-import-*/stdin), which a kill
    -9 left there; in the store's work folder (a new store's folder is made for it), the
    store's next opening removes it."""
    import io

    from ltmt.cli import memory as memory_cli
    from ltmt.memory.work_folders import FOLDER

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "system-tmp"))
    (tmp_path / "system-tmp").mkdir()
    if existing:
        run_ltmt(
            "memory", "add", "-u", "u", "--source", "a", "--target", "b", "--memory-dir", store
        )
    read: list[Path] = []
    real = memory_cli.read_records

    def spied(path: Path, *args: object, **kwargs: object) -> object:
        read.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(memory_cli, "read_records", spied)
    pairs = '{"source": "Secret plan", "target": "Geheimer Plan"}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(pairs.encode())))
    importing = ("memory", "import", "-", "--format", "jsonl", "-u", "u", "--memory-dir", store)
    code, out, err = run_ltmt(*importing)
    assert (code, out) == (0, "imported <stdin> into u: 1 added, 0 duplicates, 0 skipped\n"), err
    assert read[0].is_relative_to(Path(store) / FOLDER)
    assert os.listdir(tmp_path / "system-tmp") == []
    assert os.listdir(Path(store) / FOLDER) == [".lock"]


@pytest.mark.parametrize("output", ["out.tmx", "-"])
def test_an_export_from_a_read_only_store_works_beside_the_output(
    run_ltmt: Runner,
    exported_store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    output: str,
) -> None:
    """A store on a read-only mount failed the export with a traceback (EROFS making its
    scratch folder in the store); it is made beside --output (or in $TMPDIR for standard
    output) and said."""
    import errno

    from ltmt.memory import env, work_folders

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "system-tmp"))
    (tmp_path / "system-tmp").mkdir()
    monkeypatch.setattr(env, "on_read_only_file_system", lambda path: True)
    real_mkdir = Path.mkdir

    def read_only_mkdir(path: Path, *args: object, **kwargs: object) -> None:
        if path.parent == Path(exported_store):  # the folder of its work folders
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        real_mkdir(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", read_only_mkdir)
    for read_only in (False, True):  # the mount told, or found by the write
        monkeypatch.setattr(
            work_folders, "on_read_only_file_system", lambda path, told=read_only: told
        )
        code, out, err = export(run_ltmt, exported_store, output, "--format", "tmx")
        assert code == 0, err
        scratch = "system-tmp" if output == "-" else "."
        said = caplog.text
        caplog.clear()
        assert f"cannot write in memory store {exported_store}: working in " in said
        assert f"{tmp_path / scratch}/ltmt-" in said and "Traceback" not in err
        assert ("Öffnen" in out) == (output == "-")
        left = [*os.listdir(tmp_path), *os.listdir(tmp_path / "system-tmp")]
        assert not [name for name in left if name.startswith("ltmt-")]  # removed after use


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (
            "{tmp}/missing/out.tsv",
            "cannot write {tmp}/missing/out.tsv: directory {tmp}/missing does not exist; create it first",
        ),
        ("{tmp}", "cannot write {tmp}: it is a directory; give a file name"),
        (
            "{tmp}/plain.txt/out.tsv",
            "cannot write {tmp}/plain.txt/out.tsv: {tmp}/plain.txt is a file, not a directory",
        ),
        (
            "/proc/out.tsv",
            "cannot write /proc/out.tsv: /proc takes no new files; choose another directory",
        ),
        ("/dev/full", "No space left on device while writing /dev/full: free space and retry"),
    ],
)
def test_export_errors_are_one_line(
    run_ltmt: Runner,
    exported_store: str,
    tmp_path: Path,
    output: str,
    message: str,
) -> None:
    (tmp_path / "plain.txt").write_text("x")
    code, _, err = export(run_ltmt, exported_store, output.format(tmp=tmp_path), "--format", "tsv")
    assert (code, err) == (1, f"ltmt: error: {message.format(tmp=tmp_path)}\n")


IMPORT_LOOP = """
import sys
from ltmt import Memory
memory = Memory(sys.argv[1])
for batch in range(1000):
    memory.import_pairs("u", [(f"batch {batch} sentence {i} text", f"Stapel {batch} Satz {i}") for i in range(200)])
    print(batch, flush=True)
"""


def test_kill_9_during_imports_loses_no_committed_batch(run_ltmt: Runner, store: str) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-c", IMPORT_LOOP, store], stdout=subprocess.PIPE, text=True
    )
    assert worker.stdout is not None
    committed = -1
    while committed < 4:
        committed = int(worker.stdout.readline())
    time.sleep(0.05)  # into the middle of a later batch
    worker.send_signal(signal.SIGKILL)
    rest = worker.stdout.read().split()
    worker.wait()
    last = int(rest[-1]) if rest else committed
    code, out, _ = run_ltmt("memory", "check", "--memory-dir", store)
    assert code == 0 and out.startswith("ok: store with 1 user, ")
    count = Memory(store).count("u")
    # the batch after the last one printed may have committed just before the kill
    assert count in (200 * (last + 1), 200 * (last + 2))


def test_a_damaged_data_key_is_named_as_damage_and_other_users_stay_listed(
    run_ltmt: Runner, store: str, tmp_path: Path
) -> None:
    """One user's keyring slot damaged: not "rekeyed by another process"; `users` lists the
    others, `check` reports damage, the other users' memories stay readable."""
    from ltmt.memory.crypto import generate_key_file

    key = generate_key_file(tmp_path / "k.key")
    with Memory(store, key_file=key) as memory:
        memory.add("a", "Open a", "Öffne a")
        memory.add("b", "Open b", "Öffne b")
    keyring = Path(store) / "keyring"
    data = bytearray(keyring.read_bytes())
    data[64 + 2 * 64 + 20] ^= 0xFF  # inside user #2's wrapped data key
    keyring.write_bytes(bytes(data))
    damaged = (
        f"the data key of user #2 in {keyring} is damaged (the store key opens the keyring, "
        "not this user's slot)"
    )
    options = ("--memory-dir", store, "--key-file", str(key))
    assert run_ltmt("memory", "users", *options) == (
        1,
        "a\t1\nb\t?\n",
        f"ltmt: error: {damaged}; restore the keyring from a backup\n",
    )
    code, out, err = run_ltmt("memory", "users", "--json", *options)
    assert code == 1 and json.loads(out) == [
        {"user": "a", "segments": 1},
        {"user": "b", "segments": None},
    ]
    code, _, err = run_ltmt("memory", "check", *options)
    assert (code, err) == (
        1,
        f"ltmt: error: memory store {store} is damaged: user 'b' cannot be read: {damaged}; "
        "restore a backup (README: Restoring a backup)\n",
    )
    code, out, _ = run_ltmt(
        "memory", "export", "--user", "a", "-o", "-", "--format", "jsonl", *options
    )
    assert code == 0 and "Öffne a" in out
