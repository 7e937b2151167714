"""Retrieval: fuzzy scores, best match first, normalisation, freshness, agreement with a scan."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.errors import InputError
from ltmt.memory.sources import SCAN_MAX
from ltmt.retrieval import exhaustive
from ltmt.text import fold_space, fuzzy_score, normalize

MEMORY = [
    ("Open the file", "Datei öffnen"),
    ("Close the file", "Datei schließen"),
    ("Save the file as %s", "Datei als %s speichern"),
    ("The file was not found", "Die Datei wurde nicht gefunden"),
    ("Delete the branch {name}", "Zweig {name} löschen"),
    ("Press <b>OK</b> to continue", "Drücken Sie <b>OK</b>, um fortzufahren"),
    ("Could not open %s: %s", "Konnte %s nicht öffnen: %s"),
    ("Show all commits", "Alle Commits anzeigen"),
]


@pytest.fixture
def memory(tmp_path: Path) -> Memory:
    with Memory(tmp_path) as opened:
        opened.import_pairs("u", MEMORY)
        yield opened


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("open the file", "open the file", 100.0),
        ("open the file", "open the files", 96.2962962962963),
        ("open the file", "close the file", 81.48148148148148),
        ("abc", "abd", 66.66666666666667),
        ("abc", "xyz", 0.0),
        ("", "", 100.0),
    ],
)
def test_fuzzy_score_table(a: str, b: str, expected: float) -> None:
    assert fuzzy_score(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("query", "best_source", "score"),
    [
        ("Open the file", "Open the file", 100.0),
        ("open the files", "Open the file", 96.2962962962963),
        ("Close a file", "Close the file", 84.61538461538461),
        ("The file was not found.", "The file was not found", 97.77777777777777),
        ("Could not open %s", "Could not open %s: %s", 89.47368421052632),
        ("Delete the branch {other}", "Delete the branch {name}", 85.71428571428572),
    ],
)
def test_best_match_and_score(memory: Memory, query: str, best_source: str, score: float) -> None:
    matches = memory.search("u", query, k=3)
    assert matches[0].segment.source == best_source
    assert matches[0].score == pytest.approx(score)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    expected = fuzzy_score(normalize(query), normalize(best_source))
    assert matches[0].score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "folded", "normal"),
    [
        ("  Open \t the\nfile ", "Open the file", "open the file"),
        ("Stra\u00dfe", "Stra\u00dfe", "strasse"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9", "\u00e9t\u00e9"),  # NFC
        ("a\x00b\x07c", "a b c", "a b c"),
    ],
)
def test_normalisation(text: str, folded: str, normal: str) -> None:
    assert fold_space(text) == folded
    assert normalize(text) == normal
    assert normalize(text, case_sensitive=True) == folded


def test_exact_normalised_match_scores_100(memory: Memory) -> None:
    [match] = memory.search("u", "  OPEN   the\tFILE ", k=1)
    assert (match.segment.source, match.score) == ("Open the file", 100.0)


def test_case_sensitive_option(tmp_path: Path) -> None:
    with Memory(tmp_path, case_sensitive=True) as memory:
        memory.import_pairs("u", MEMORY)
        [match] = memory.search("u", "OPEN THE FILE", k=1)
        assert match.score < 100.0
        assert memory.search("u", "Open  the file", k=1)[0].score == 100.0
    with Memory(tmp_path) as memory:  # the same store, matched without case
        assert memory.search("u", "OPEN THE FILE", k=1)[0].score == 100.0


def test_new_segments_are_searchable_at_once(memory: Memory) -> None:
    assert memory.search("u", "Rename the remote", k=1)[0].score < 60
    added = memory.add("u", "Rename the remote", "Remote umbenennen")
    [match] = memory.search("u", "Rename the remote", k=1)
    assert (match.segment, match.score) == (added, 100.0)


def test_deleted_segments_are_gone(memory: Memory) -> None:
    [match] = memory.search("u", "Show all commits", k=1)
    memory.delete("u", match.segment.id)
    assert all(
        m.segment.source != "Show all commits" for m in memory.search("u", "Show all commits", k=8)
    )


def test_search_batch_and_edge_cases(memory: Memory) -> None:
    texts = ["Open the file", "", "   ", "Save the file as %d"]
    batch = memory.search_batch("u", texts, k=2)
    assert batch == [memory.search("u", text, k=2) for text in texts]
    assert batch[1] == [] and batch[2] == []
    assert memory.search("nobody", "Open the file") == []
    # a small memory is scanned: every segment is scored
    found = [m.segment.source for m in memory.search("u", "the file", k=100)]
    assert sorted(found) == sorted(s for s, _ in MEMORY)
    # the index's candidates: the segments sharing a trigram with the query, and those
    # whose length allows a score of 50 (8 characters: 3 to 24), not longer ones
    with Memory(memory.path, scan_max=0) as by_index:
        found_by_index = {m.segment.source for m in by_index.search("u", "the file", k=100)}
    window = {"Show all commits", "Could not open %s: %s"}
    assert found_by_index == {s for s, _ in MEMORY[:5]} | window
    with pytest.raises(InputError, match=r"k must be an integer >= 1, got 0"):
        memory.search("u", "x", k=0)


def test_ties_go_to_the_newest_segment(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        old = memory.add("u", "Open the file", "Datei öffnen")
        new = memory.add("u", "open the file", "Öffne die Datei")
        matches = memory.search("u", "Open the file", k=2)
        assert [m.segment.id for m in matches] == [new.id, old.id]
        assert [m.score for m in matches] == [100.0, 100.0]


BAND_MEMORY = [
    "Open the file",
    "Close the file",
    "Save the file as %s",
    "The file was not found",
    "Delete the branch {name}",
    "Could not open %s: %s",
    "Show all commits",
    "Unknown option '%s'",
    "Cannot read the index file",
    "Do you want to overwrite %s?",
    "Port",
]


@pytest.mark.parametrize("scan_max", [0, SCAN_MAX], ids=["index", "scan"])
@pytest.mark.parametrize(
    ("query", "best_source", "band"),
    [
        ("Show all commits", "Show all commits", (100, 101)),
        ("Show all commits.", "Show all commits", (90, 100)),
        ("Unknown options: %s", "Unknown option '%s'", (70, 90)),
        ("Cannot write the index", "Cannot read the index file", (70, 90)),
        ("file not found", "The file was not found", (70, 90)),
        ("Delete branch %s", "Delete the branch {name}", (70, 90)),
        ("Overwrite the file %s?", "Save the file as %s", (50, 70)),
        ("Save changes to %s?", "Save the file as %s", (50, 70)),
        ("door", "Port", (50, 70)),  # no trigram in common: found by the length window
    ],
)
def test_expected_best_match_in_every_band(
    tmp_path: Path, query: str, best_source: str, band: tuple[int, int], scan_max: int
) -> None:
    """Among 2,000 distractors that share words with the queries, the best match is found."""
    rng = random.Random(3)
    words = [
        "the",
        "a",
        "commit",
        "remote",
        "push",
        "pull",
        "merge",
        "rebase",
        "stash",
        "tag",
        "log",
        "diff",
        "status",
        "file",
    ]
    distractors = [_sentence(rng, words) for _ in range(2000)]
    with Memory(tmp_path, scan_max=scan_max) as memory:
        memory.import_pairs("u", [(s, s.upper()) for s in distractors + BAND_MEMORY])
        [match] = memory.search("u", query, k=1)
        sources = [normalize(s) for s in distractors + BAND_MEMORY]
    [(position, best)] = exhaustive(normalize(query), sources, 1)
    assert match.score == pytest.approx(best)
    assert (match.segment.source, sources[position]) == (best_source, normalize(best_source))
    assert band[0] <= match.score < band[1]


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))


@pytest.mark.parametrize("scan_max", [0, SCAN_MAX], ids=["index", "scan"])
def test_agrees_with_an_exhaustive_scan(tmp_path: Path, scan_max: int) -> None:
    """Top-1 score equals the full scan's (tie-aware) for near-duplicate queries."""
    rng = random.Random(7)
    words = [
        f"{a}{b}"
        for a in ("re", "con", "pro", "de", "in", "ex")
        for b in ("tain", "fer", "vert", "mit", "pose")
    ]
    sources = list(dict.fromkeys(_sentence(rng, words) for _ in range(3000)))
    with Memory(tmp_path, scan_max=scan_max) as memory:
        memory.import_pairs("u", [(s, s.upper()) for s in sources])
        normalised = [normalize(s) for s in sources]
        hits = 0
        queries = 60
        for _ in range(queries):
            tokens = rng.choice(sources).split()
            tokens[rng.randrange(len(tokens))] = rng.choice(words)
            query = " ".join(tokens)
            found = memory.search("u", query, k=1)
            [(_, best)] = exhaustive(normalize(query), normalised, 1)
            hits += found[0].score == pytest.approx(best)
    assert hits / queries >= (0.95 if scan_max == 0 else 1.0)


def test_load_kernel_compiles_what_a_search_of_packed_sources_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    import numba
    import numpy as np

    from ltmt.compiled import compiled_module
    from ltmt.memory.source_codes import SourceCodes
    from ltmt.retrieval import KERNEL, exact_scores, load_kernel

    kernel = compiled_module(KERNEL)
    assert kernel is not None
    called, compiled = [], kernel.lcs_lengths

    def spy(*args: object) -> object:
        called.append(tuple(numba.typeof(arg) for arg in args))
        return compiled(*args)

    monkeypatch.setattr(kernel, "lcs_lengths", spy)
    load_kernel()
    codes = SourceCodes.of_texts(1, True, ["open the file", "print the page"])
    codes = dataclasses.replace(codes, data=codes.data.copy())  # writable, as a read table's
    scores = exact_scores("open the files", np.array([1, 2]), codes)
    assert scores[0] == fuzzy_score("open the files", "open the file")
    assert len(called) == 2 and called[0] == called[1]  # the same argument types: one compile
    assert called[0] in compiled.signatures


def test_load_kernel_without_numba_does_nothing(remove_numba) -> None:  # type: ignore[no-untyped-def]
    from ltmt.compiled import compiled_module
    from ltmt.retrieval import KERNEL, load_kernel

    remove_numba()
    load_kernel()
    assert compiled_module(KERNEL) is None
