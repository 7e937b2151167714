"""One transaction's searches (:func:`ltmt.memory.search.search_texts`): the scan of a small
memory and the index agree, and what is not there finds nothing."""

from __future__ import annotations

from pathlib import Path

import lmdb
import pytest

from ltmt import Memory
from ltmt.errors import StoreError
from ltmt.memory import env, rows
from ltmt.memory.layout import NORM, seg_key, user_key
from ltmt.memory.scratch import SearchScratch
from ltmt.memory.search import SearchSettings, search_texts
from ltmt.segments import Match

PAIRS = [
    ("Open the file", "Datei öffnen"),
    ("Close the file", "Datei schließen"),
    ("Save the file as", "Datei speichern unter"),
    ("Print the page", "Seite drucken"),
]


def _search(memory: Memory, user: str, texts: list[str], scan_max: int) -> list[list[tuple]]:
    settings = SearchSettings(case_sensitive=False, candidates=16, recount=1, scan_max=scan_max)
    scratch, vault = SearchScratch(), memory.store.vault
    found = env.read(
        memory.store,
        lambda txn: search_texts(txn, vault, scratch, settings, user, texts, 2),
        buffers=True,
    )
    return [[(m.segment.source, round(m.score, 3)) for m in matches] for matches in found]


def test_scan_and_index_find_the_same_matches(tmp_path: Path) -> None:
    queries = ["open the files", "PRINT PAGE", "save file", "", "   "]
    with Memory(tmp_path / "m") as memory:
        memory.import_pairs("u", PAIRS)
        by_scan = _search(memory, "u", queries, scan_max=100)
        by_index = _search(memory, "u", queries, scan_max=0)
        assert by_scan == by_index
        assert by_scan[0][0][0] == "Open the file"
        assert by_scan[1][0][0] == "Print the page"
        assert by_scan[3:] == [[], []]  # empty after normalisation: nothing


def test_an_unknown_or_emptied_user_finds_nothing(tmp_path: Path) -> None:
    with Memory(tmp_path / "m") as memory:
        assert _search(memory, "nobody", ["open"], scan_max=0) == [[]]
        [segment] = [memory.add("u", "Open", "Öffnen")]
        memory.delete("u", segment.id)
        assert _search(memory, "u", ["open", "x"], scan_max=0) == [[], []]


MANY = [(f"Open the file number {i} now", f"Datei Nummer {i} jetzt öffnen") for i in range(60)]
QUERIES = ["open the file number 7", "OPEN FILE NUMBER 42 NOW", "close the file", "number 5"]


def _matches(memory: Memory, queries: list[str]) -> list[list[tuple[int, float]]]:
    return [[(m.segment.id, m.score) for m in found] for found in memory.search_batch("u", queries)]


def test_a_large_memorys_first_searches_read_their_candidates_one_by_one(tmp_path: Path) -> None:
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory, QUERIES)
        assert memory._scratch.codes.cached("u") is None  # 4 searches read fewer than 60
        memory.preload("u")
        assert memory._scratch.codes.cached("u") is not None
        assert _matches(memory, QUERIES) == one_by_one  # the same matches, the same scores


def test_pack_now_counts_the_sources_read_one_by_one(tmp_path: Path) -> None:
    scratch = SearchScratch()
    assert not scratch.pack_now("u", 10)
    scratch.fetched("u", 4)
    assert not scratch.pack_now("u", 10, pending=5) and scratch.pack_now("u", 10, pending=6)
    assert not scratch.pack_now("u", 10)  # the count starts again once it says yes
    scratch.fetched("u", 10)
    scratch.forget("u")
    assert not scratch.pack_now("u", 10)


def test_pack_now_hands_the_pack_to_pack_later_where_there_is_one() -> None:
    asked: list[str] = []
    scratch = SearchScratch(pack_later=asked.append)
    scratch.fetched("u", 9)
    assert not scratch.pack_now("u", 10) and asked == []
    assert not scratch.pack_now("u", 10, pending=1) and asked == ["u"]  # packed elsewhere
    assert not scratch.pack_now("u", 10, pending=1) and asked == ["u"]  # the count started again


def test_without_numba_both_ways_score_alike(tmp_path: Path, remove_numba) -> None:  # type: ignore[no-untyped-def]
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        one_by_one = _matches(memory, QUERIES)  # scored by rapidfuzz
        memory.preload("u")
        with_kernel = _matches(memory, QUERIES)  # packed, scored by the compiled kernel
        remove_numba()
        assert _matches(memory, QUERIES) == with_kernel == one_by_one


def test_a_candidate_whose_source_is_missing_is_a_one_line_error(tmp_path: Path) -> None:
    with Memory(tmp_path / "m", scan_max=0) as memory:
        [segment] = [memory.add("u", "Open the file", "Datei öffnen")]

        def drop_source(txn: lmdb.Transaction) -> None:
            uid = rows.decode_user(bytes(txn.get(user_key("u"))), memory.store.vault, "u")[0].uid
            assert txn.delete(seg_key(uid, segment.id, NORM))

        env.write(memory.store, drop_source)
        with pytest.raises(
            StoreError, match=r"^the memory index names segment 1, which the store "
        ):
            memory.search("u", "open the file")


def test_preload_loads_the_scorer_after_the_read_and_before_the_sources_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.memory import search
    from ltmt.memory.source_codes import SourceCodes

    seen: list[tuple[bool, bool]] = []
    refreshed = SourceCodes.refreshed
    read: list[bool] = []

    def reading(self: SourceCodes, *args: object) -> SourceCodes:
        read.append(True)
        return refreshed(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SourceCodes, "refreshed", reading)
    with Memory(tmp_path / "m", scan_max=0, candidates=8) as memory:
        monkeypatch.setattr(
            search,
            "load_kernel",
            lambda: seen.append((bool(read), memory._scratch.codes.cached("u") is None)),
        )
        memory.import_pairs("u", MANY)
        memory.preload("u")
        assert seen == [(True, True)]  # read, not yet kept
        assert memory._scratch.codes.cached("u") is not None


@pytest.mark.parametrize("scan_max", [100, 0])  # a small memory's table; a large one's
def test_a_search_whose_snapshot_predates_a_delete_keeps_nothing_of_it(
    tmp_path: Path, scan_max: int
) -> None:
    import threading

    with Memory(tmp_path / "m", scan_max=scan_max, candidates=8) as memory:
        memory.import_pairs("u", MANY)
        scratch, vault, settings = memory._scratch, memory.store.vault, memory._settings()
        memory.preload("u")  # kept, as of now
        generation = scratch.generations.of("u")

        def search_in_an_older_snapshot(txn: lmdb.Transaction) -> list[list[Match]]:
            deleting = threading.Thread(target=memory.delete_user, args=("u",))
            deleting.start()  # commits while this transaction still sees the user
            deleting.join()
            scratch.fetched("u", 60)  # a large memory would pack now
            return search_texts(txn, vault, scratch, settings, "u", QUERIES, 2, None, generation)

        found = env.read(memory.store, search_in_an_older_snapshot, buffers=True)
        assert found[0]  # the older snapshot still holds the user's segments
        for tables in (scratch.tables, scratch.codes, scratch.signatures):
            assert tables.cached("u") is None  # and nothing read from it was kept
        assert memory.search("u", QUERIES[0]) == []


INVISIBLE_PAIRS = [
    ("Open the ac\u00adcount set\u200btings.", "Öffnen Sie die Kontoeinstellungen."),
    ("Save the file.", "Speichern Sie die Datei."),
]


@pytest.mark.parametrize("packed", [False, True])  # a large memory's sources read, packed
@pytest.mark.parametrize("scan_max", [100, 0])  # a small memory's table; a large one's
@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("Open the account settings.", INVISIBLE_PAIRS[0][0]),  # the memory has them
        ("Save\u2060 the\ufeff file.", "Save the file."),  # the query has them
        ("Open the\u00ad account set\u2060tings.", INVISIBLE_PAIRS[0][0]),  # both, elsewhere
    ],
)
def test_invisible_characters_on_either_side_leave_a_match_exact(
    tmp_path: Path, scan_max: int, packed: bool, query: str, source: str
) -> None:
    with Memory(tmp_path / "m", scan_max=scan_max, candidates=8) as memory:
        memory.import_pairs("u", INVISIBLE_PAIRS + MANY)
        if packed:
            memory.preload("u")
        [best] = memory.search_batch("u", [query], k=1)[0]
        assert (best.segment.source, best.score) == (source, 100.0)


def test_a_store_keeps_invisible_characters_in_its_normalised_sources(tmp_path: Path) -> None:
    """Stores written before and after matching ignored them hold the same bytes: the older
    code's memory check accepts either, and a store of either age matches at 100."""
    with Memory(tmp_path / "m") as memory:
        [segment] = [memory.add("u", "Open\u200b the file", "Datei öffnen")]

        def stored_norm(txn: lmdb.Transaction) -> bytes:
            uid = rows.decode_user(bytes(txn.get(user_key("u"))), memory.store.vault, "u")[0].uid
            return bytes(txn.get(seg_key(uid, segment.id, NORM)))

        assert env.read(memory.store, stored_norm) == "Open\u200b the file".encode()
        assert memory.search("u", "Open the file")[0].score == 100.0
