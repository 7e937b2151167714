"""Encryption at rest: key files, no plaintext in the files, refusals, crypto-shredding, rekey."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import lmdb
import numpy as np
import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ltmt import Memory
from ltmt.errors import InputError, StoreError
from ltmt.memory import postings
from ltmt.memory.crypto import KEY_BYTES, generate_key_file, read_key_file
from ltmt.memory.layout import (
    CIPHER_KEY,
    INDEX_KEY,
    INDEX_KIND,
    NEXT_UID_KEY,
    NGRAM,
    POST,
    SCHEMA_KEY,
)
from ltmt.memory.sources import SCAN_MAX

MARKER = "Quokka marmalade overflows the zeppelin"
TARGET = "Quokka-Marmelade läuft über den Zeppelin"


@pytest.fixture
def key(tmp_path: Path) -> Path:
    return generate_key_file(tmp_path / "store.key")


def store_bytes(path: Path) -> bytes:
    return b"".join(item.read_bytes() for item in sorted(path.iterdir()) if item.is_file())


def fill(memory: Memory, user: str = "acme") -> None:
    memory.import_pairs(user, [(MARKER, TARGET), ("Open the file", "Datei öffnen")])
    memory.add(user, "X", "Y", metadata={"client": "Quokka Industries"})


def test_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    path = generate_key_file(tmp_path / "k")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(read_key_file(path)) == KEY_BYTES
    with pytest.raises(InputError, match=r"already exists; a key is never overwritten"):
        generate_key_file(path)


def test_a_key_file_is_made_from_the_public_api_and_opens_a_new_store(tmp_path: Path) -> None:
    # session 70: only 'ltmt memory keygen' made one; the function was internal
    path = Memory.generate_key_file(tmp_path / "store.key")
    assert path == tmp_path / "store.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with Memory(tmp_path / "store", key_file=path) as memory:
        memory.add("u1", "Open the file", "Datei öffnen")
        assert memory.encrypted
    message = rf"^{path} already exists; a key is never overwritten, choose another path$"
    with pytest.raises(InputError, match=message):
        Memory.generate_key_file(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"^key file .*missing not found$"),
        (
            "hello",
            r"is not an ltmt key file; make one with ltmt memory keygen \(or ltmt\.memory\.crypto",
        ),
        ("ltmt-key-v1:AAAA", r"is damaged: it does not hold a 32-byte key$"),
    ],
)
def test_bad_key_files(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "missing"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        Memory(tmp_path / "store", key_file=path)
    assert not (tmp_path / "store").exists()


def test_no_plaintext_nor_its_ngrams_in_any_file(tmp_path: Path, key: Path) -> None:
    store = tmp_path / "store"
    with Memory(store, key_file=key) as memory:
        fill(memory)
        assert memory.encrypted
        [match] = memory.search("acme", "quokka marmalade overflows a zeppelin", k=1)
        assert match.segment.target == TARGET
        assert memory.search("acme", "x")[0].score == 100.0
        assert memory.get("acme", 3).metadata == {"client": "Quokka Industries"}  # type: ignore[union-attr]
    data = store_bytes(store)
    # the store's own plain key names hold trigrams too ("ind" of "index"): not user data
    names = b"|".join((SCHEMA_KEY, INDEX_KEY, NEXT_UID_KEY, CIPHER_KEY, INDEX_KIND.encode()))
    grams: set[bytes] = set()
    for text in (MARKER, TARGET, "Quokka Industries", "import"):
        for form in (text, text.casefold()):
            assert form.encode("utf-8") not in data, form
            for start in range(len(form) - NGRAM + 1):
                gram = form[start : start + NGRAM].encode("utf-8")
                if len(gram.strip()) == NGRAM and gram not in names:
                    grams.add(gram)
    # A plain index would hold every trigram. The store's ~5 KB of random-looking bytes (nonces,
    # ciphertext, keyed terms, signatures) hold one of these ~60 three-byte strings by chance:
    # in 2 of 300 runs measured; three at once would take ~10^7 runs.
    found = sorted(gram for gram in grams if gram in data)
    assert len(found) <= 2, found


def test_index_terms_are_keyed(tmp_path: Path, key: Path) -> None:
    store = tmp_path / "store"
    with Memory(store, key_file=key) as memory:
        fill(memory)
    plain_terms = set(postings.query_terms(MARKER.casefold()).tolist())
    env = lmdb.open(str(store), readonly=True, lock=False)
    with env.begin() as txn:
        stored = {
            int.from_bytes(k[5:9], "big") for k, _ in txn.cursor() if k[:1] == POST and len(k) == 9
        }
    env.close()
    assert stored and not stored & plain_terms


def test_missing_and_wrong_key_refused_and_nothing_changed(tmp_path: Path, key: Path) -> None:
    store = tmp_path / "store"
    with Memory(store, key_file=key) as memory:
        fill(memory)
    before = {item.name: item.read_bytes() for item in store.iterdir() if item.name != "lock.mdb"}
    with pytest.raises(
        StoreError,
        match=r"is encrypted; pass its key file \(--key-file, LTMT_KEY_FILE or key_file=\)$",
    ):
        Memory(store)
    other = generate_key_file(tmp_path / "other.key")
    with pytest.raises(StoreError, match=r"other\.key is not the key of encrypted memory store"):
        Memory(store, key_file=other)
    after = {item.name: item.read_bytes() for item in store.iterdir() if item.name != "lock.mdb"}
    assert after == before


def test_key_from_environment_and_plain_store_refuses_a_key(
    tmp_path: Path, key: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTMT_KEY_FILE", str(key))
    with Memory(tmp_path / "enc") as memory:
        assert memory.encrypted
    monkeypatch.delenv("LTMT_KEY_FILE")
    with Memory(tmp_path / "plain") as memory:
        memory.add("u", "a", "b")
    with pytest.raises(StoreError, match=r"is not encrypted, but key file .* was given"):
        Memory(tmp_path / "plain", key_file=key)


@pytest.mark.parametrize("value", ["", "  "])
def test_a_key_file_variable_set_to_nothing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """``export LTMT_KEY_FILE=$KEYPATH`` with ``KEYPATH`` unset must not make a plain store."""
    monkeypatch.setenv("LTMT_KEY_FILE", value)
    with pytest.raises(InputError, match=r"^LTMT_KEY_FILE is set but empty; give it the store"):
        Memory(tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_same_store_twice_in_a_process_needs_the_same_key(tmp_path: Path, key: Path) -> None:
    with Memory(tmp_path / "s", key_file=key):
        with pytest.raises(StoreError, match=r"is encrypted; pass its key file"):
            Memory(tmp_path / "s")
        with Memory(tmp_path / "s", key_file=key) as again:
            assert again.encrypted


def _wrapped_key_candidates(data: bytes) -> list[bytes]:
    """Every 60-byte window that could be a wrapped data key (nonce + key + tag)."""
    size = 12 + 32 + 16
    return [data[i : i + size] for i in range(0, len(data) - size + 1)]


def test_deleted_user_cannot_be_decrypted_from_old_pages(tmp_path: Path, key: Path) -> None:
    store = tmp_path / "store"
    with Memory(store, key_file=key) as memory:
        fill(memory, "gone")
        fill(memory, "kept")
        env = memory.store.env
        with env.begin() as txn:
            uid = int.from_bytes(bytes(txn.get(b"ugone"))[1:5], "big")
            sealed = bytes(txn.get(b"s" + uid.to_bytes(4, "big") + (1).to_bytes(4, "big")))
        assert memory.delete_user("gone")
        assert memory.count("kept") == 3
    files = store_bytes(store)
    store_key = AESGCM(read_key_file(key))
    aad = b"ltmt user key" + uid.to_bytes(4, "big")
    for candidate in _wrapped_key_candidates(files):
        with pytest.raises(InvalidTag):
            store_key.decrypt(candidate[:12], candidate[12:], aad)
    assert sealed in files  # LMDB kept the freed page: only the destroyed key protects it
    with Memory(store, key_file=key) as memory:
        assert memory.users() == ["kept"]
        assert memory.check().users == 1


def test_rekey_rotates_the_store_key_and_old_backups_keep_the_old_one(
    tmp_path: Path, key: Path
) -> None:
    store = tmp_path / "store"
    new_key = generate_key_file(tmp_path / "new.key")
    with Memory(store, key_file=key) as memory:
        fill(memory)
        memory.backup(tmp_path / "backup")
        memory.rekey(new_key)
        memory.add("acme", "Added after the rekey", "Nach dem Rekey")
        memory.add("fresh", "A new user", "Ein neuer Nutzer")
    with pytest.raises(StoreError, match=r"store\.key is not the key of encrypted memory store"):
        Memory(store, key_file=key)
    with Memory(store, key_file=new_key) as memory:
        assert memory.count("acme") == 4 and memory.count("fresh") == 1
        assert memory.search("acme", MARKER, k=1)[0].score == 100.0
        assert memory.check().segments == 5
    with Memory(tmp_path / "backup", key_file=key) as memory:
        assert memory.count("acme") == 3


KILLED_REKEY = """
import os, sys
from ltmt import Memory
from ltmt.memory import crypto

crypto.os.replace = lambda *paths: os._exit(9)  # killed before the new keyring is renamed
Memory(sys.argv[1], key_file=sys.argv[2]).rekey(sys.argv[3])
"""


def test_a_killed_rekey_s_new_keyring_is_removed_when_the_store_is_next_opened(
    tmp_path: Path, key: Path
) -> None:
    """It held every user's data key under the new key, a user deleted since too."""
    store, new_key = tmp_path / "store", generate_key_file(tmp_path / "new.key")
    with Memory(store, key_file=key) as memory:
        fill(memory)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_REKEY, str(store), str(key), str(new_key)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == 9, killed.stderr
    assert (store / ".keyring.new").exists()
    with Memory(store, key_file=key) as memory:  # the rekey did not happen: the old key opens it
        assert not (store / ".keyring.new").exists()
        memory.delete_user("acme")
        assert memory.check().users == 0


def test_rekey_refusals(tmp_path: Path, key: Path) -> None:
    with (
        Memory(tmp_path / "enc", key_file=key) as memory,
        pytest.raises(InputError, match=r"is the store's current key; make a new one"),
    ):
        memory.rekey(key)
    with (
        Memory(tmp_path / "plain") as memory,
        pytest.raises(
            StoreError, match=r"is not encrypted; only an encrypted store can be rekeyed$"
        ),
    ):
        memory.rekey(key)


def test_encrypted_search_matches_plain_search(tmp_path: Path, key: Path) -> None:
    rng = np.random.default_rng(0)
    words = ["open", "close", "file", "commit", "branch", "merge", "push", "pull", "tag", "log"]
    pairs = [
        (" ".join(rng.choice(words, size=6)), " ".join(rng.choice(words, size=6)))
        for _ in range(300)
    ]
    queries = [" ".join(rng.choice(words, size=6)) for _ in range(20)]
    stores = (("plain", None), ("enc", key))
    for name, key_file in stores:
        with Memory(tmp_path / name, key_file=key_file) as memory:
            memory.import_pairs("u", pairs)
    for scan_max in (SCAN_MAX, 0):  # the scan of the sources, then the (keyed) index
        results = []
        for name, key_file in stores:
            with Memory(tmp_path / name, key_file=key_file, scan_max=scan_max) as memory:
                results.append(
                    [
                        [(m.segment.id, round(m.score, 6)) for m in memory.search("u", q)]
                        for q in queries
                    ]
                )
        assert results[0] == results[1], scan_max
    assert os.listdir(tmp_path / "enc").count("keyring") == 1


def test_a_key_file_others_may_read_is_warned_of(tmp_path, caplog):
    key_file = generate_key_file(tmp_path / "store.key")
    with caplog.at_level("WARNING", logger="ltmt.memory.crypto"):
        read_key_file(key_file)
        assert caplog.messages == []  # keygen writes it 0600
        key_file.chmod(0o644)
        read_key_file(key_file)
    assert caplog.messages == [
        f"key file {key_file} can be read by others than its owner (mode 0644): whoever reads it "
        f"can read the memory store; chmod 600 {key_file}"
    ]
