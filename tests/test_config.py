"""ltmt.config.read_yaml: a config file that cannot be read is one ConfigError line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.config import read_yaml
from ltmt.errors import ConfigError


def test_a_config_that_is_not_utf8_or_not_yaml_is_one_line(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"beam: 4\n# Gr\xfc\xdfe\n")
    with pytest.raises(ConfigError, match=r"latin1.yaml: byte 13 is not valid UTF-8; save the"):
        read_yaml(latin1)
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [1, 2\n", "utf-8")
    with pytest.raises(ConfigError, match=r"broken.yaml: not valid YAML \(ParserError\)"):
        read_yaml(broken)
    with pytest.raises(ConfigError, match=r"config file not found: .*nope\.yaml$"):
        read_yaml(tmp_path / "nope.yaml")
    with pytest.raises(ConfigError, match=r"config file .* is a directory; give a YAML file$"):
        read_yaml(tmp_path)


def test_an_empty_config_is_an_empty_mapping(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", "utf-8")
    assert read_yaml(empty) == {}
