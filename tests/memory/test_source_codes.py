"""The packed sources of large memories, which the exact rerank reads."""

from __future__ import annotations

import logging
from pathlib import Path

import lmdb
import pytest

from ltmt import Memory
from ltmt.memory import env, rows, source_codes
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.layout import user_key
from ltmt.memory.source_codes import SourceCodes, _encode
from ltmt.text import normalize

PAIRS = [
    ("Open the  FILE", "Datei öffnen"),
    ("Straße wählen", "Choose a street"),
    ("Ünïcödé 漢字 😀", "Unicode"),
    ("Close", "Schließen"),
]


def read_codes(memory: Memory, user: str, casefold: bool = True) -> SourceCodes:
    """The user's sources read afresh in a new read transaction."""

    def run(txn: lmdb.Transaction) -> SourceCodes:
        raw = txn.get(user_key(user))
        assert raw is not None
        info, cipher = rows.decode_user(bytes(raw), memory.store.vault, user)
        return SourceCodes.empty(info.uid, casefold).refreshed(txn, cipher)

    return env.read(memory.store, run, buffers=True)


def refresh(memory: Memory, codes: SourceCodes) -> SourceCodes:
    def run(txn: lmdb.Transaction) -> SourceCodes:
        raw = txn.get(user_key("u"))
        assert raw is not None
        _, cipher = rows.decode_user(bytes(raw), memory.store.vault, "u")
        return codes.refreshed(txn, cipher)

    return env.read(memory.store, run, buffers=True)


def texts(codes: SourceCodes) -> dict[int, str]:
    return {i: codes.text(i) for i in range(codes.end + 2) if codes.text(i)}


@pytest.mark.parametrize("casefold", [True, False])
def test_every_normalised_source_by_id(tmp_path: Path, casefold: bool) -> None:
    with Memory(tmp_path) as memory:
        ids = [memory.add("u", source, target).id for source, target in PAIRS]
        memory.delete("u", ids[1])
        codes = read_codes(memory, "u", casefold)
    expected = {
        i: normalize(source, case_sensitive=not casefold)
        for i, (source, _) in zip(ids, PAIRS, strict=True)
        if i != ids[1]
    }
    assert texts(codes) == expected
    assert codes.size == 3 and codes.end == ids[-1] + 1
    assert codes.nbytes == codes.data.nbytes + codes.starts.nbytes


def test_an_encrypted_store_is_read_in_plaintext(tmp_path: Path) -> None:
    key = generate_key_file(tmp_path / "store.key")
    with Memory(tmp_path / "store", key_file=key) as memory:
        ids = [memory.add("u", source, target).id for source, target in PAIRS]
        codes = read_codes(memory, "u")
    assert texts(codes) == {i: normalize(s) for i, (s, _) in zip(ids, PAIRS, strict=True)}


def test_a_refresh_appends_and_leaves_the_older_table_as_it_was(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:2])
        first = read_codes(memory, "u")
        before = texts(first)
        memory.add("u", *PAIRS[2])
        second = refresh(memory, first)
        memory.add("u", *PAIRS[3])
        third = refresh(memory, second)  # room to grow: written past second's views
        assert refresh(memory, third) is third  # nothing new
        again = refresh(memory, second)  # an older table refreshed: arrays of its own
        cut = third.below(first.end)
        assert texts(cut) == before and cut.size == first.size
        fourth = refresh(memory, cut)  # a cut table refreshed never writes into third's views
    assert texts(first) == before
    assert texts(second) == {**before, 3: normalize(PAIRS[2][0])}
    assert texts(third) == texts(again) == texts(fourth) == texts(read_codes_from(third))
    assert third.size == 4 and third._buffer is second._buffer


def read_codes_from(codes: SourceCodes) -> SourceCodes:
    """``codes`` copied into arrays of its own (what it reads, without the buffer)."""
    return SourceCodes(
        codes.uid, codes.casefold, codes.data.copy(), codes.starts.copy(), codes.end, codes.size
    )


def test_encode_folds_case_and_sizes_each_value() -> None:
    data, sizes = _encode([b"Stra\xc3\x9fe", b"A B", b""], casefold=True)
    assert bytes(data) == b"strasse" + b"a b"
    assert sizes.tolist() == [7, 3, 0]
    data, sizes = _encode([b"\xc3\x84B \xce\xa3", b"A\nB"], casefold=True)  # ÄB Σ
    assert (bytes(data).decode(), sizes.tolist()) == ("äb \u03c3" + "a\nb", [6, 3])
    data, sizes = _encode([b"a\nb", b"C"], casefold=False)
    assert (bytes(data), sizes.tolist()) == (b"a\nbC", [3, 1])


def test_a_large_read_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(source_codes, "READ_CHUNK", 2)  # three chunks: a large read here
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS)
        with caplog.at_level(logging.INFO, logger="ltmt.memory.source_codes"):
            codes = read_codes(memory, "u")
    assert codes.size == 4
    assert "read 4 sources of a memory for the exact rerank in" in caplog.text
