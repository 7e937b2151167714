"""eval/android_build_trial.py: the strings aapt2 compiles, read back from its dump."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_bench_encryption import load_script

EVAL = Path(__file__).parents[2] / "eval"


@pytest.mark.skipif(shutil.which("aapt2") is None, reason="needs aapt2 (Debian's aapt)")
def test_compiled_strings_are_read_back_as_aapt2_holds_them(tmp_path: Path) -> None:
    script = load_script(EVAL / "android_build_trial.py")
    values = tmp_path / "values-de" / "strings.xml"
    values.parent.mkdir()
    values.write_text(
        "<resources>\n"
        '    <string name="two_lines">Erste\\n\\nDritte</string>\n'
        '    <string name="link">Mehr <a href="https://x.org/a">erfahren</a></string>\n'
        '    <string name="fixed" translatable="false">Fix</string>\n'
        '    <plurals name="files"><item quantity="one">%d Datei</item>'
        '<item quantity="other">%d Dateien</item></plurals>\n'
        "</resources>\n",
        encoding="utf-8",
    )
    found = script.compiled(values, tmp_path / "flat")
    assert found["compiled"]
    assert found["values"] == {
        "string/two_lines": ("Erste\n\nDritte", False),
        "string/link": ("Mehr erfahren", True),
        "string/fixed": ("Fix", False),
        "plurals/files": None,
    }
    assert script.not_translatable(values) == {"string/fixed"}
    values.write_text('<resources><string name="x">Geht\'s</string></resources>\n', "utf-8")
    broken = script.compiled(values, tmp_path / "flat-broken")
    assert not broken["compiled"]
    assert any("unescaped apostrophe" in line for line in broken["errors"])
