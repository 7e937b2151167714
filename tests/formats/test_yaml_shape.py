"""Whether a file given as plain text is a YAML catalog."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ltmt.formats.yaml_shape import looks_like_yaml, yaml_shaped


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        # trial s77: a Symfony validators file saved as .txt
        ("user:\n    email:\n        not_blank: Please enter your email.\n", True),
        ("---\nfoo:\n  bar: baz\n", True),
        ("a:\n  b: |\n    long text\n    more text\n  c: d\n", True),
        ("'quoted key':\n  x: y\n", True),
        # prose with colons: no nesting, or lines that are no keys
        ("Note: save first.\nTip: press Enter.\n", False),
        ("Hello world.\nThis is prose: with a colon.\n", False),
        ("one line: x", False),
        ("title: x\n  and some text that follows\n", False),  # one key: no nesting
        ("  indented: x\nnot a key at all\n", False),
        ("", False),
    ],
)
def test_nested_key_lines_read_as_yaml(text: str, shaped: bool) -> None:
    assert yaml_shaped(text) is shaped


def test_a_file_not_utf8_is_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"a:\n  b: \xff\n")
    assert looks_like_yaml(path) is False


def test_long_adversarial_input_is_read_in_linear_time() -> None:
    text = "a:\n" + "  '" * 30_000 + "\n" + '  "' + "x" * 100_000 + "\n"
    started = time.perf_counter()
    yaml_shaped(text)
    assert time.perf_counter() - started < 2.0
