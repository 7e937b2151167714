"""``eval/retrieval_ceiling.py``: rankings from every posting of a query, and the character
bound they use."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from test_bench_encryption import dev_user, load_script, tiny_pool

SCRIPT = Path(__file__).parents[2] / "eval" / "retrieval_ceiling.py"


def test_the_character_histogram_bound_is_never_below_the_fuzzy_score() -> None:
    ceiling = load_script(SCRIPT)
    rng = random.Random(7)
    alphabet = "abcdefghij klm0123456789-_äöüßé%$"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    table = ceiling.char_histograms(texts)
    lengths = np.array([len(t) for t in texts])
    for query in texts[:40]:
        shared = np.minimum(table, ceiling.char_histogram(query)).sum(axis=1)
        bound = 200.0 * shared / (len(query) + lengths)
        scores = np.array([fuzz.ratio(query, t) for t in texts])
        assert (bound >= scores - 1e-9).all()


def test_full_postings_count_the_query_trigrams_each_segment_holds() -> None:
    ceiling = load_script(SCRIPT)
    postings = ceiling.FullPostings(["merge the branch", "close the file", "merge"])
    shared, terms, read = postings.shared("merge")
    # " merge " pads to 5 trigrams: all in the first and third texts, none in the second
    assert terms == 5 and shared.tolist() == [5.0, 0.0, 5.0] and read == 10
    assert postings.shared("zzz")[1:] == (0, 0)


def test_run_ranks_the_best_match_of_each_real_query(tmp_path: Path) -> None:
    data = tiny_pool(tmp_path / "data")
    rows = [{"source": f"merge the remote branch {i}", "target": f"Zweig {i}"} for i in range(40)]
    tests = [
        {"source": "merge the old remote branches 7 now", "target": "x"},  # best 83.3
        {"source": "merge a branch", "target": "y"},  # best 66.7
    ]
    dev_user(data, rows, tests)
    output = tmp_path / "ceiling.json"
    args = ["--data-dir", str(data), "--segments", "300", "--work-dir", str(tmp_path)]
    load_script(SCRIPT).main([*args, "--output", str(output)])
    result = json.loads(output.read_text())
    assert result["real_queries"] == 2
    for band in result["bands"].values():
        assert band["queries"] == 1 and band["index_recall"] == 1.0
        assert band["estimate"]["top_16384"] == band["estimate+chars"]["top_16384"] == 1.0
    assert result["bands"]["70-89"]["estimate+chars"]["top_256"] == 1.0
    assert result["postings_per_query_all_terms"]["p50"] > 0
