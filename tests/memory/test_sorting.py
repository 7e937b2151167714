"""Sorting ids and selecting the largest estimates: the Zen 4 paths give numpy's results."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ltmt.memory import sorting


@pytest.fixture(params=[False, True], ids=["numpy", "zen4"])
def slow_sort(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each test runs on both paths, whatever this CPU is."""
    monkeypatch.setattr(sorting, "numpy_sort_is_slow", lambda: request.param)
    return bool(request.param)


IDS = hnp.arrays(
    np.uint32,
    st.integers(0, 3000),
    elements=st.one_of(st.integers(0, 70_000), st.integers(0, 2**32 - 1)),
)


@settings(max_examples=60, deadline=None)
@given(values=IDS)
def test_sort_ids_equals_numpys_sort(values: np.ndarray) -> None:
    for slow in (False, True):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sorting, "numpy_sort_is_slow", lambda slow=slow: slow)
            got = sorting.sort_ids(values)
        assert got.dtype == values.dtype
        assert np.array_equal(got, np.sort(values))


def test_sort_ids_on_either_path(slow_sort: bool) -> None:
    rng = np.random.default_rng(0)
    ids = rng.integers(0, 1_000_000, 50_000).astype(np.uint32)
    assert np.array_equal(sorting.sort_ids(ids), np.sort(ids))
    assert sorting.sort_ids(ids[:1]).tolist() == ids[:1].tolist()


ESTIMATES = hnp.arrays(
    np.float32,
    st.integers(2, 2000),
    elements=st.one_of(
        st.sampled_from([0.0, 0.25, 0.5]),  # ties, as shared counts over lengths give
        st.floats(-1e6, 1e6, width=32),
    ),
)


def assert_largest(values: np.ndarray, count: int) -> None:
    picked = sorting.largest(values, count)
    assert picked.size == count and np.unique(picked).size == count
    assert np.array_equal(np.sort(values[picked]), np.sort(values)[-count:])


def test_largest_of_a_range_too_narrow_for_float32_buckets() -> None:
    values = np.array([0.0, 1e-45, 0.0], dtype=np.float32)  # a denormal: 4,095 / 1e-45 overflows
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sorting, "numpy_sort_is_slow", lambda: True)
        assert_largest(values, 1)
        assert_largest(values, 2)


@settings(max_examples=80, deadline=None)
@given(values=ESTIMATES, data=st.data())
def test_largest_takes_the_largest_values(values: np.ndarray, data: st.DataObject) -> None:
    count = data.draw(st.integers(1, values.size - 1))
    with pytest.MonkeyPatch.context() as patch:
        for slow in (False, True):  # each draw on both paths
            patch.setattr(sorting, "numpy_sort_is_slow", lambda slow=slow: slow)
            assert_largest(values, count)


@pytest.mark.parametrize(
    "values",
    [
        np.full(100, 0.5, dtype=np.float32),  # all equal
        np.random.default_rng(5).permutation(1000).astype(np.float32),
        np.array([-3e38, 3e38, 0, 1, 2], dtype=np.float32),  # a range beyond float32's
    ],
    ids=["equal", "distinct", "huge-range"],
)
def test_largest_on_either_path(slow_sort: bool, values: np.ndarray) -> None:
    assert_largest(values, min(37, values.size - 1))


def test_numpy_sorts_with_avx512_reads_numpys_dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    from numpy._core import _multiarray_umath

    monkeypatch.setattr(_multiarray_umath, "__cpu_features__", {"AVX2": True, "X86_V4": False})
    assert not sorting.numpy_sorts_with_avx512()
    monkeypatch.setattr(_multiarray_umath, "__cpu_features__", {"AVX512_SKX": True})
    assert sorting.numpy_sorts_with_avx512()
