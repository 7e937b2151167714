"""The environment variables ltmt reads: one table, and the warning for a mistyped one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ltmt
from ltmt.environment import INTERNAL, SETTINGS, unknown_setting_warning, unknown_settings


def test_every_variable_the_package_reads_is_in_the_table():
    package = Path(ltmt.__file__).parent
    named = {
        name
        for path in package.rglob("*.py")
        if path.name != "environment.py"  # its docs name mistyped ones
        for name in re.findall(r"\bLTMT_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8"))
    }
    assert named == SETTINGS.keys() | INTERNAL


def test_unknown_settings_are_the_ltmt_variables_it_does_not_read():
    environ = {
        "LTMT_HOME": "/m",
        "LTMT_SERVE_CONFIG": "{}",
        "LTMT_KEYFILE": "k",
        "LTMT_MEMORY_DIR": "/m",
        "HOME": "/root",
        "XLTMT_HOME": "x",
    }
    assert unknown_settings(environ) == ["LTMT_KEYFILE", "LTMT_MEMORY_DIR"]


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("LTMT_KEYFILE", "LTMT_KEY_FILE (the memory store's encryption key)"),
        (
            "LTMT_CACHEDIR",
            "LTMT_CACHE_DIR (converted models, decoded memory states and the records of outputs written)",
        ),
        ("LTMT_HOM", "LTMT_HOME (the memory store's folder)"),
    ],
)
def test_a_close_spelling_is_named(name, meant):
    assert unknown_setting_warning(name) == (
        f"ltmt: warning: {name} is set, but ltmt reads no such variable: did you mean {meant}?"
    )


def test_without_a_close_spelling_every_setting_is_listed():
    line = unknown_setting_warning("LTMT_MEMORY_DIR")
    assert line.startswith(
        "ltmt: warning: LTMT_MEMORY_DIR is set, but ltmt reads no such variable: it reads "
        "LTMT_HOME (the memory store's folder); "
    )
    assert all(name in line for name in SETTINGS) and "\n" not in line
