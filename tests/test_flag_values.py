"""Flags of the Python API: True or False, Python's or numpy's."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.flag_values import checked_flag, is_flag


def test_a_flag_is_a_bool_of_python_or_numpy() -> None:
    numpy = pytest.importorskip("numpy")
    assert [is_flag(v) for v in (True, False, numpy.bool_(True), 1, "no", None, 0.0)] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    assert checked_flag(numpy.bool_(False), "fit") is False


def test_a_value_that_is_no_flag_is_an_input_error_naming_it() -> None:
    with pytest.raises(InputError, match=r"^fit must be True or False, got 'no'$"):
        checked_flag("no", "fit")
