"""One transaction's searches (:func:`ltmt.memory.search.search_texts`): the scan of a small
memory and the index agree, and what is not there finds nothing."""

from __future__ import annotations

from pathlib import Path

from ltmt import Memory
from ltmt.memory import env
from ltmt.memory.scratch import SearchScratch
from ltmt.memory.search import SearchSettings, search_texts

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
