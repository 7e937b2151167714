"""The candidate index: rarest-term recall and consistency with the segments under writes."""

from __future__ import annotations

import random
from pathlib import Path

import lmdb
import numpy as np
import pytest

from ltmt import Memory
from ltmt.errors import InputError
from ltmt.memory import env, index, postings
from ltmt.memory.layout import NORM, POST, SIG_BITS, read_u32, u32
from ltmt.text import normalize

WORDS = [f"{a}{b}" for a in ("re", "con", "pro", "de", "in", "ex") for b in ("tain", "fer", "vert")]


def _sentences(rng: random.Random, count: int) -> list[str]:
    return list(
        dict.fromkeys(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8))) for _ in range(count)
        )
    )


_State = tuple[set[tuple[int, int]], dict[int, int], dict[int, bytes]]


def _index_state(memory: Memory, user: str) -> _State:
    """(term, segment id) postings, segment lengths and signatures as stored for ``user``
    (every nonzero signature: a deleted segment's is zero)."""

    def run(txn: lmdb.Transaction) -> _State:
        uid = memory_uid(txn, user)
        pairs: set[tuple[int, int]] = set()
        cursor = txn.cursor()
        prefix = POST + u32(uid)
        if cursor.set_range(prefix):
            for key, value in cursor:
                if key[:5] != prefix:
                    break
                term = read_u32(key[5:9])
                ids = np.frombuffer(value, dtype="<u4", offset=4 if len(key) == 9 else 0)
                pairs.update((term, int(i)) for i in ids)
        lens = postings.load_lens(txn, uid)
        sigs = postings.load_sigs(txn, uid, lens.size)
        return (
            pairs,
            {i: int(n) for i, n in enumerate(lens) if n},
            {i: sig.tobytes() for i, sig in enumerate(sigs) if sig.any()},
        )

    return env.read(memory.store, run)


def memory_uid(txn: lmdb.Transaction, user: str) -> int:
    from ltmt.memory.layout import UserInfo, user_key

    raw = txn.get(user_key(user))  # a plain store: the row is not sealed
    assert raw is not None
    return UserInfo.decode(raw).uid


def _expected_state(memory: Memory, user: str) -> _State:
    """What the index should hold: computed afresh from the stored segments."""
    segments = list(memory.segments(user))
    texts = [normalize(s.source) for s in segments]
    ids = np.array([s.id for s in segments], dtype=np.int64)
    packed = postings.posting_pairs(texts, ids)
    pairs = {(int(p >> np.uint64(32)), int(p & np.uint64(0xFFFFFFFF))) for p in packed}
    sigs = {}
    for segment, text in zip(segments, texts, strict=True):
        bits = np.zeros(SIG_BITS, dtype=bool)
        bits[[t % SIG_BITS for t in postings.query_terms(text).tolist()]] = True
        sigs[segment.id] = np.packbits(bits, bitorder="little").tobytes()
    return pairs, {s.id: len(t) for s, t in zip(segments, texts, strict=True)}, sigs


def test_index_matches_the_segments_after_deletes_and_re_adds(tmp_path: Path) -> None:
    rng = random.Random(5)
    sentences = _sentences(rng, 1500)
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [(s, s.upper()) for s in sentences])  # chunks and tails
        memory.import_pairs("other", [(s, s) for s in sentences[:50]])
        segments = list(memory.segments("u"))
        deleted = rng.sample(segments, 400)
        for segment in deleted:
            assert memory.delete("u", segment.id)
        for segment in deleted[:200]:  # back again, with new ids
            memory.add("u", segment.source, segment.target)
        assert _index_state(memory, "u") == _expected_state(memory, "u")
        assert _index_state(memory, "other") == _expected_state(memory, "other")
        assert memory.count("u") == len(sentences) - 200


def test_candidates_never_miss_a_segment_with_the_querys_rarest_term(tmp_path: Path) -> None:
    rng = random.Random(11)
    sentences = _sentences(rng, 2000)
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [(s, s) for s in sentences])
        segments = list(memory.segments("u"))
        terms_of = {s.id: set(postings.query_terms(normalize(s.source)).tolist()) for s in segments}
        for _ in range(40):
            query = normalize(_sentences(rng, 1)[0] + " " + rng.choice(WORDS)[::-1])
            df = {
                t: sum(t in terms for terms in terms_of.values())
                for t in postings.query_terms(query).tolist()
            }
            present = {t: n for t, n in df.items() if n}
            rarest = min(present, key=lambda t: (present[t], t))
            holders = {i for i, terms in terms_of.items() if rarest in terms}

            def run(txn: lmdb.Transaction, query: str = query) -> np.ndarray:
                lens = postings.load_lens(txn, memory_uid(txn, "u"))
                ids, _ = index.candidates(txn, memory_uid(txn, "u"), lens, query, 10**6, budget=0)
                return ids

            found = set(env.read(memory.store, run, buffers=True).tolist())
            assert holders <= found


def test_norm_and_lens_tables_agree(tmp_path: Path) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [("Open  the File", "x"), ("Straße", "y")])

        def run(txn: lmdb.Transaction) -> tuple[list[int], list[int]]:
            uid = memory_uid(txn, "u")
            norms = [
                len(bytes(txn.get(NORM + u32(uid) + u32(i))).decode().casefold()) for i in (1, 2)
            ]
            lens = postings.load_lens(txn, uid)
            return norms, [int(lens[1]), int(lens[2])]

        norms, lens = env.read(memory.store, run)
        assert norms == lens == [13, 7]


def test_second_pass_lacking_counts_are_what_the_signatures_say_and_lower_bounds(
    tmp_path: Path,
) -> None:
    rng = random.Random(3)
    sentences = _sentences(rng, 600)
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [(s, s) for s in sentences])
        terms_of = {
            s.id: set(postings.query_terms(normalize(s.source)).tolist())
            for s in memory.segments("u")
        }
        # the reversed word adds n-grams no segment holds: they count as lacking for all
        queries = [normalize(f"{s} {rng.choice(WORDS)[::-1]}") for s in _sentences(rng, 20)]

        def run(txn: lmdb.Transaction, query: str, limit: int) -> tuple[np.ndarray, np.ndarray]:
            uid = memory_uid(txn, "u")
            lens = postings.load_lens(txn, uid)
            return index.candidates(txn, uid, lens, query, limit, budget=0, recount=10**9)

        for query in queries:
            wanted = set(postings.query_terms(query).tolist())
            stored = set().union(*terms_of.values())
            # a second pass over a few segments: the terms the first pass read count exactly,
            # the others as held when their signature bit is set (a collision can only hide a
            # lacking term); a term no segment holds lacks
            ids, lacking = env.read(memory.store, lambda t, q=query: run(t, q, 8))
            assert ids.size == 8
            for seg_id, count in zip(ids.tolist(), lacking.tolist(), strict=True):
                bits = {t % SIG_BITS for t in terms_of[seg_id]}
                by_signature = len(wanted - stored) + sum(
                    t % SIG_BITS not in bits for t in wanted & stored
                )
                assert by_signature <= count <= len(wanted - terms_of[seg_id])
            # all of them, and the length window (segments sharing no term): lower bounds
            ids, lacking = env.read(memory.store, lambda t, q=query: run(t, q, 10**6))
            assert ids.size > 8
            for seg_id, count in zip(ids.tolist(), lacking.tolist(), strict=True):
                assert count <= len(wanted - terms_of[seg_id])


def test_recount_must_not_be_negative(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="recount must be >= 0, got -1"):
        Memory(tmp_path, recount=-1)


def test_estimates_are_the_half_dice_of_the_lengths_and_zero_when_deleted() -> None:
    rng = np.random.default_rng(3)
    lens = rng.integers(0, 300, 1000).astype(np.uint16)
    lens[::7] = 0  # deleted
    touched = np.sort(rng.choice(1000, 400, replace=False)).astype(np.uint32)
    shared = rng.integers(1, 30, touched.size).astype(np.int32)
    got = index._estimates(touched, shared, lens, 57.0, 29)
    seg_len = lens[touched].astype(np.float64)
    want = np.minimum(shared * 57.0 / 29, seg_len) / (57.0 + seg_len)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, want, rtol=1e-6)
    # the callers keep the live segments by a positive estimate
    assert np.array_equal(got > 0, seg_len > 0)


def test_long_queries_get_a_smaller_postings_budget() -> None:
    long = index.LONG_QUERY
    assert index.query_budget(1000, long) == 1000
    assert index.query_budget(1000, 2 * long) == 500
    assert index.query_budget(1000, 100 * long) == int(1000 * index.MIN_BUDGET_SHARE)
    assert index.query_budget(0, 10 * long) == 0
