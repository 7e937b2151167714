"""Flags given to ltmt's Python API: True or False, Python's or numpy's.

A string or a number given for a flag would be read by its truth (``fit="no"`` as true,
switching on what the caller switched off), so only a bool is one; numpy's ``np.True_`` (as a
pandas column gives it) is one too.
"""

from __future__ import annotations

from ltmt.errors import InputError


def is_flag(value: object) -> bool:
    """Whether ``value`` is True or False: Python's bool, or numpy's."""
    if isinstance(value, bool):
        return True
    return type(value).__module__ == "numpy" and type(value).__name__ in ("bool_", "bool")


def checked_flag(value: object, what: str, allowed: str = "True or False") -> bool:
    """``value`` as Python's bool where it is a flag (:func:`is_flag`); else an InputError
    naming ``what``."""
    if not is_flag(value):
        raise InputError(f"{what} must be {allowed}, got {value!r}")
    return bool(value)
