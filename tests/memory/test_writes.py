"""Bulk writes: an import in many batches (each indexed by a worker thread while the next is
stored) makes the store one batch makes; an indexing error stores nothing; the garbage
collector is paused and left as it was found."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from ltmt import Memory
from ltmt.memory import env, postings, writes
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.layout import PAIR, u32
from ltmt.memory.rows import user_info
from ltmt.memory.sources import FetchedSources

PAIRS = [(f"Open file number {n} in the home folder", f"Datei {n} öffnen") for n in range(12)] + [
    (f"Close the {word} window", f"Fenster {word} schließen")
    for word in ("main", "side", "help", "main")  # the last repeats a pair of this import
]


def store_keys(memory: Memory) -> set[bytes]:
    return env.read(memory.store, lambda txn: {bytes(key) for key, _ in txn.cursor()})


def import_all(
    path: Path, pairs: list[tuple[str, str]], key_file: Path | None = None
) -> tuple[Any, list[list[Any]], set[bytes]]:
    with Memory(path, key_file=key_file) as memory:
        report = memory.import_pairs("u", pairs)
        found = memory.search_batch("u", [source for source, _ in pairs], k=2)
        memory.check()
        keys = store_keys(memory)
    return report, [[(m.segment.id, m.score) for m in matches] for matches in found], keys


@pytest.mark.parametrize("encrypted", [False, True])
def test_an_import_in_many_batches_makes_the_store_one_batch_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool
) -> None:
    key_file = generate_key_file(tmp_path / "store.key") if encrypted else None
    one_report, one_found, one_keys = import_all(tmp_path / "one", PAIRS, key_file)
    monkeypatch.setattr(writes, "IMPORT_BATCH", 3)
    many_report, many_found, many_keys = import_all(tmp_path / "many", PAIRS, key_file)
    assert (many_report.added, many_report.duplicates) == (one_report.added, 1) == (15, 1)
    assert many_found == one_found
    assert all(matches[0][1] == 100.0 for matches in many_found)
    if not encrypted:  # an encrypted store's keys hang on its users' random data keys
        assert many_keys == one_keys


def test_an_import_into_a_user_skips_the_pairs_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writes, "IMPORT_BATCH", 4)
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:6])
        report = memory.import_pairs("u", PAIRS)
        assert (report.added, report.duplicates) == (9, 7)
        assert memory.count("u") == 15
        memory.check()


def test_an_error_while_indexing_stores_nothing_of_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    index_rows = postings.index_rows

    def failing(*args: Any) -> postings.IndexRows:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("indexing failed")
        return index_rows(*args)

    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:2])
        before = store_keys(memory)
        monkeypatch.setattr(writes, "IMPORT_BATCH", 3)
        monkeypatch.setattr(postings, "index_rows", failing)
        with pytest.raises(RuntimeError, match="indexing failed"):
            memory.import_pairs("u", PAIRS)
        assert memory.count("u") == 2
        memory.check()
        assert store_keys(memory) == before


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_and_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with writes.collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(ValueError), writes.collector_paused():
            raise ValueError
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()


def test_import_progress_adds_up_to_the_records_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writes, "IMPORT_BATCH", 5)
    calls: list[int] = []
    with Memory(tmp_path / "store") as memory:
        report = memory.import_pairs("u", [*PAIRS, ("", "leer")], progress=calls.append)
    assert sum(report.skipped.values()) == 1 and report.read == len(PAIRS) + 1
    assert calls == [1, 5, 5, 5, 1]  # the skipped one, then the batches of the kept 16


def test_a_large_import_hands_the_memory_it_freed_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.memory import importing

    calls: list[int] = []
    monkeypatch.setattr(importing, "return_freed_memory", lambda: calls.append(1))
    monkeypatch.setattr(importing, "RETURN_MEMORY_FROM", 10)
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", PAIRS[:9])  # below the threshold
        assert calls == []
        report = memory.import_pairs("u", PAIRS)
    assert calls == [1] and report.added == len(PAIRS) - 9 - 1  # new ones; one repeats


def test_only_a_large_import_pauses_the_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the pause's full collection took 0.2 s in a server: every POST /v1/memory/pairs paid it
    from ltmt.memory import importing

    collections: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", PAIRS[:1])  # the default threshold: a server's one pair
        assert collections == []
        monkeypatch.setattr(importing, "PAUSE_COLLECTOR_FROM", 10)
        memory.import_pairs("u", PAIRS[:9])  # below the threshold
        assert collections == [] and gc.isenabled()
        report = memory.import_pairs("u", PAIRS)
    assert collections == [1] and report.added == len(PAIRS) - 9 - 1  # new ones; one repeats


def test_add_pairs_gives_each_pair_its_segment_id_and_counts_the_new(tmp_path: Path) -> None:
    pairs = [(source, target, {}) for source, target in PAIRS[12:]]  # the last repeats the first
    with Memory(tmp_path / "store") as memory:
        vault = memory.store.vault
        first = env.write(
            memory.store,
            lambda txn: writes.add_pairs(txn, vault, "u", pairs, origin="t", now=0.0),
        )
        again = env.write(
            memory.store,
            lambda txn: writes.add_pairs(txn, vault, "u", pairs[:2], origin="t", now=0.0),
        )
    assert (list(first.ids), first.added, first.duplicates) == ([1, 2, 3, 1], 3, 1)
    assert (list(again.ids), again.added, again.duplicates) == ([1, 2], 0, 2)


def test_a_batch_row_names_its_pair_and_the_id_stored_before(tmp_path: Path) -> None:
    """:func:`writes._keyed_rows` reads each pair of a batch into a row with named fields."""
    batch = [("Open  the file", "Datei öffnen", {"note": "n"}), ("Close it", "Schließen", {})]
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [("Close it", "Schließen")])
        info, cipher = env.read(memory.store, lambda txn: user_info(txn, memory.store.vault, "u"))
        prefix = PAIR + u32(info.uid)
        rows = env.read(
            memory.store,
            lambda txn: writes._keyed_rows(
                txn, prefix, cipher, batch, ["a.po", "b.po"], {}, stored_before=True
            ),
        )
    new, stored = rows
    assert (new.source, new.target, new.metadata, new.origin) == (
        b"Open  the file",
        "Datei öffnen".encode(),
        {"note": "n"},
        "a.po",
    )
    assert (new.folded, new.text, new.stored) == ("Open the file", "open the file", None)
    assert stored.stored == 1 and stored.key != new.key


@pytest.fixture(params=["index", "scan"])
def lookup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write finds the newer translations of its stored pairs' sources from the index's
    candidates alone ("index": a small memory would be scanned, as that is cheaper), or by
    reading every source after them ("scan", as a large re-import does)."""
    candidates = writes._candidates

    def from_index(*args: Any, budget: int) -> Any:
        return candidates(*args, budget=2**32)

    def no_sources(*args: Any) -> Any:
        raise AssertionError("the sources were scanned")

    if request.param == "index":
        monkeypatch.setattr(writes, "_candidates", from_index)
        monkeypatch.setattr(writes, "stored_source_chunks", no_sources)
    else:
        monkeypatch.setattr(writes, "_candidates", lambda *args, budget: None)


def reused(memory: Memory, source: str) -> str:
    """The translation of ``source`` a translation reuses: the best match, the newest of ties."""
    [match] = memory.search("u", source, k=1)
    return match.segment.target


@pytest.mark.usefixtures("lookup")
@pytest.mark.parametrize("encrypted", [False, True])
def test_re_adding_a_stored_pair_makes_it_the_newest_translation_of_its_source(
    tmp_path: Path, encrypted: bool
) -> None:
    """A translator reverting a correction got the "already stored" pair, and translations
    went on reusing the correction (the newer id)."""
    key_file = generate_key_file(tmp_path / "store.key") if encrypted else None
    with Memory(tmp_path / "store", key_file=key_file) as memory:
        memory.add("u", "Checkout", "Kasse", origin="a", metadata={"note": "the page"})
        memory.add("u", "Checkout", "Zur Kasse", origin="b")
        memory.add("u", "Open the file", "Datei öffnen", origin="b")
        again = memory.add_pair("u", "Checkout", "Kasse", origin="c")
        assert (again.new, again.refreshed_from, again.segment.id) == (False, 1, 4)
        assert again.segment.metadata == {"note": "the page"}  # kept through the approval
        assert reused(memory, "Checkout") == "Kasse"
        once_more = memory.add_pair("u", "Checkout", "Kasse", origin="c")
        assert (once_more.refreshed_from, once_more.segment.id) == (None, 4)
        stats = memory.stats("u")
        assert (stats["segments"], stats["origins"]) == (3, {"b": 2, "c": 1})
        assert [s.id for s in memory.segments("u")] == [2, 3, 4]
        memory.check()  # the index, the dedup entries and the counts agree


@pytest.mark.usefixtures("lookup")
@pytest.mark.parametrize(
    "imported", [["Kasse", "Zur Kasse"], ["Zur Kasse", "Kasse"]], ids=["kept", "reverted"]
)
def test_an_import_approves_its_pairs_in_file_order(tmp_path: Path, imported: list[str]) -> None:
    with Memory(tmp_path) as memory:
        memory.add("u", "Checkout", "Kasse")
        memory.add("u", "Checkout", "Zur Kasse")
        report = memory.import_pairs("u", [("Checkout", target) for target in imported])
        assert (report.added, report.duplicates) == (0, 2)
        assert reused(memory, "Checkout") == imported[-1]
        memory.check()


@pytest.mark.usefixtures("lookup")
def test_an_import_renumbers_only_the_pairs_whose_source_has_a_newer_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-importing a file keeps its pairs' ids (a renumbered segment is indexed and decoded
    anew), but for a source translated otherwise since."""
    monkeypatch.setattr(writes, "IMPORT_BATCH", 4)
    source, target = PAIRS[1]
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", PAIRS[:6], origin="file")
        memory.add("u", source, "Die Datei öffnen", metadata={"note": "new"})
        report = memory.import_pairs("u", PAIRS, origin="file")
        assert (report.added, report.duplicates, report.refreshed) == (9, 7, 1)
        assert "1 made the newest translation of its source" in report.summary()
        assert reused(memory, source) == target
        ids = {s.target: s.id for s in memory.segments("u")}
        assert [ids[t] for _, t in PAIRS[:6]] == [1, 8, 3, 4, 5, 6]  # 7: the new translation
        memory.check()


def import_twice(path: Path, first: list[str], second: list[str]) -> tuple[list[int], list[int]]:
    """Import ``first`` then ``second`` (targets of one source, "Save", or "Open:" + a target
    of another); the second import's ids of its pairs, and the ids of ``first``'s after it."""

    def pairs(targets: list[str]) -> list[tuple[str, str]]:
        return [("Open", t[5:]) if t.startswith("Open:") else ("Save", t) for t in targets]

    with Memory(path) as memory:
        memory.import_pairs("u", pairs(first))
        ids = list(writes_ids(memory, pairs(second)))
        by_pair = {(s.source, s.target): s.id for s in memory.segments("u")}
        assert reused(memory, "Save") == [t for t in second if ":" not in t][-1]
        memory.check()
    return ids, [by_pair[pair] for pair in pairs(first)]


def writes_ids(memory: Memory, pairs: list[tuple[str, str]]) -> Any:
    vault, rows = memory.store.vault, [(s, t, {}) for s, t in pairs]
    added = env.write(
        memory.store, lambda txn: writes.add_pairs(txn, vault, "u", rows, origin="t", now=0.0)
    )
    return added.ids


@pytest.mark.usefixtures("lookup")
@pytest.mark.parametrize(
    ("first", "second", "ids", "after"),
    [
        # a file holding two translations of a source, imported again: nothing moves
        (
            ["Speichern", "Sichern", "Open:Öffnen"],
            ["Speichern", "Sichern", "Open:Öffnen"],
            [1, 2, 3],
            [1, 2, 3],
        ),
        # the same, the second translation outside one batch: nothing moves either
        (
            ["Open:Öffnen", "Speichern", "Sichern"],
            ["Open:Öffnen", "Speichern", "Sichern"],
            [1, 2, 3],
            [1, 2, 3],
        ),
        # the file's order is not the store's: from the first out of order on
        (["Speichern", "Sichern"], ["Sichern", "Speichern"], [2, 3], [3, 2]),
        # a translation outside the file is newer than its last: that one alone moves
        (["Speichern", "Sichern", "Ablegen"], ["Speichern", "Sichern"], [1, 4], [1, 4, 3]),
        # ... and a pair the file repeats moves once, where it ends
        (["Speichern", "Sichern"], ["Speichern", "Open:Öffnen", "Speichern"], [4, 3, 4], [4, 2]),
        # a new translation comes after the file's stored ones in order
        (["Speichern", "Sichern"], ["Speichern", "Sichern", "Ablegen"], [1, 2, 3], [1, 2]),
        # a new translation in an earlier batch of the write outdates a stored one
        (["Speichern"], ["Sichern", "Open:Öffnen", "Speichern"], [2, 3, 4], [4]),
    ],
    ids=[
        "same",
        "across-batches",
        "reordered",
        "newer-outside",
        "repeated",
        "with-new",
        "newer-in-the-write",
    ],
)
def test_an_import_moves_a_stored_pair_only_where_its_source_order_changes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    first: list[str],
    second: list[str],
    ids: list[int],
    after: list[int],
) -> None:
    """Re-importing a file holding two translations of one source renumbered both each time
    (the first was not the newest: the second was), and ids noted for a delete vanished."""
    monkeypatch.setattr(writes, "IMPORT_BATCH", 2)
    assert import_twice(tmp_path, first, second) == (ids, after)


def test_re_adding_a_stored_pair_reads_the_sources_of_its_candidates_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-adding a stored pair read every source stored after it, the whole memory for an
    early one (seconds per add in a memory of a million segments)."""
    pairs = [(f"Open file number {n} in the home folder", f"Datei {n} öffnen") for n in range(300)]
    read: list[int] = []
    texts = FetchedSources.texts

    def counted(sources: FetchedSources, ids: Any) -> list[str]:
        read.extend(ids.tolist())
        return texts(sources, ids)

    def no_sources(*args: Any) -> Any:
        raise AssertionError("the sources were scanned")

    with Memory(tmp_path) as memory:
        memory.import_pairs("u", pairs)
        memory.add("u", pairs[5][0], "Die Datei 5 öffnen")
        monkeypatch.setattr(FetchedSources, "texts", counted)
        monkeypatch.setattr(writes, "stored_source_chunks", no_sources)
        again = memory.add_pair("u", *pairs[5])
        assert (again.refreshed_from, again.segment.id) == (6, 302)
        assert read == [301]  # the newer translation: the one segment after 6 of its text
        read.clear()
        assert memory.add_pair("u", *pairs[7]).refreshed_from is None
        assert read == []  # no segment after 8 holds the text's rarest terms
        newer = memory.add_pair("u", pairs[9][0], "Die Datei 9 öffnen").segment.id
        assert memory.delete("u", newer)
        assert memory.add_pair("u", *pairs[9]).refreshed_from is None
        assert read == []  # a deleted segment is out of the postings
        memory.check()


def test_undoing_a_large_origin_rewrites_the_index_once_and_leaves_the_rest_as_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An origin's delete took each segment out of the index alone: a block of lengths and
    signatures and a chunk per term rewritten per segment, which made undoing a 20,000-pair
    import take minutes. It now writes each once; the pairs kept search as if the origin had
    never been imported (their terms' chunks included: more than a head's tail of ids)."""
    before = [(f"Open the file {n} now", f"Öffne die Datei {n} jetzt") for n in range(700)]
    undone = [(f"Close the file {n} now", f"Schließe die Datei {n} jetzt") for n in range(900)]
    after = [(f"Save the file {n} later", f"Speichere die Datei {n} später") for n in range(600)]
    queries = ["Open the file 3 now", "Save the file 599 later", "Close the file 7 now"]
    with Memory(tmp_path / "fresh") as memory:
        memory.import_pairs("u", before + after, origin="kept.tsv")
        expected = [[(m.segment.source, m.score) for m in memory.search("u", q)] for q in queries]
    puts: list[bytes] = []
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", before, origin="kept.tsv")
        memory.import_pairs("u", undone, origin="undone.tsv")
        memory.import_pairs("u", after, origin="kept.tsv")
        monkeypatch.setattr(postings, "_put_rows", counting(postings._put_rows, puts))
        assert memory.delete_origin("u", "undone.tsv") == len(undone)
        assert len(puts) == 2  # lengths and signatures: one write each
        memory.check()
        found = [[(m.segment.source, m.score) for m in memory.search("u", q)] for q in queries]
        assert (found, memory.count("u")) == (expected, len(before) + len(after))


def counting(function: Any, calls: list[Any]) -> Any:
    """``function``, noting each call's table in ``calls``."""

    def counted(*args: Any) -> Any:
        calls.append(args[1])
        return function(*args)

    return counted
