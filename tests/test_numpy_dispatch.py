"""numpy's AVX-512 code turned off for ltmt's own processes on AMD Zen 4, and only there."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import ltmt.numpy_dispatch as dispatch
from ltmt.errors import InputError
from ltmt.numpy_dispatch import AVX512_TARGETS, NPY_DISABLE, keep_numpy_avx512, prefer_numpy_avx2


@pytest.fixture
def zen4_before_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process on Zen 4 that has not imported numpy yet, with a numpy 2.4 installed."""
    monkeypatch.setattr(dispatch, "cpu_is_amd_zen4", lambda: True)
    monkeypatch.setattr(dispatch, "_numpy_names_targets_as_2_4", lambda: True)
    monkeypatch.delitem(sys.modules, "numpy")


@pytest.mark.usefixtures("zen4_before_numpy")
def test_on_zen4_before_numpy_loads_the_avx512_targets_are_turned_off() -> None:
    environ: dict[str, str] = {}
    assert prefer_numpy_avx2(environ) is True
    assert environ == {NPY_DISABLE: AVX512_TARGETS}


@pytest.mark.usefixtures("zen4_before_numpy")
@pytest.mark.parametrize(
    "environ",
    [
        {NPY_DISABLE: "AVX512_SPR"},  # the user chose
        {NPY_DISABLE: ""},
        {"LTMT_NUMPY_AVX512": "1"},
        {"LTMT_NUMPY_AVX512": " Yes"},
    ],
)
def test_what_the_user_set_is_left_as_it_is(environ: dict[str, str]) -> None:
    before = dict(environ)
    assert prefer_numpy_avx2(environ) is False
    assert environ == before


def test_nothing_changes_once_numpy_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatch, "cpu_is_amd_zen4", lambda: True)
    import numpy  # noqa: F401

    environ: dict[str, str] = {}
    assert prefer_numpy_avx2(environ) is False and environ == {}


def test_nothing_changes_on_another_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatch, "cpu_is_amd_zen4", lambda: False)
    monkeypatch.delitem(sys.modules, "numpy")
    environ: dict[str, str] = {}
    assert prefer_numpy_avx2(environ) is False and environ == {}


@pytest.mark.parametrize(
    ("value", "keep"), [("1", True), ("on", True), ("TRUE", True), ("", False), ("0", False)]
)
def test_ltmt_numpy_avx512_reads_a_yes_or_a_no(value: str, keep: bool) -> None:
    assert keep_numpy_avx512(value) is keep


def test_any_other_ltmt_numpy_avx512_is_an_error_that_says_what_to_set() -> None:
    with pytest.raises(InputError) as caught:
        keep_numpy_avx512("maybe")
    assert str(caught.value) == (
        "LTMT_NUMPY_AVX512='maybe' is neither a yes nor a no: set it to 1 to keep numpy's "
        "AVX-512 code on AMD Zen 4, to 0 or unset it to let ltmt turn it off there"
    )


DISPATCH_IN_A_FRESH_PROCESS = """
import json, sys
from ltmt.numpy_dispatch import prefer_numpy_avx2
from ltmt.model.cpu import cpu_is_amd_zen4
turned_off = prefer_numpy_avx2()
from ltmt.memory.sorting import numpy_sorts_with_avx512
print(json.dumps([turned_off, cpu_is_amd_zen4(), numpy_sorts_with_avx512()]))
"""


@pytest.mark.parametrize("keep", ["", "1"])
def test_a_fresh_process_gets_numpy_without_avx512_exactly_on_zen4(keep: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != NPY_DISABLE}
    env["LTMT_NUMPY_AVX512"] = keep
    out = subprocess.run(
        [sys.executable, "-c", DISPATCH_IN_A_FRESH_PROCESS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    turned_off, zen4, sorts_with_avx512 = json.loads(out)
    assert turned_off == (zen4 and not keep)
    if turned_off:  # numpy read the variable when it loaded
        assert sorts_with_avx512 is False
