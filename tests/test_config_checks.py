"""ltmt.config: values refused with one wording (bounds, choices, types)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ltmt.config import as_names, check_choice, check_range, from_dict, read_yaml, typed_value
from ltmt.errors import ConfigError, InputError


@pytest.mark.parametrize(
    ("value", "bounds", "message"),
    [
        (0, {"at_least": 1}, r"^k must be >= 1, got 0$"),
        (0.0, {"above": 0}, r"^k must be > 0, got 0\.0$"),
        (5, {"at_most": 4}, r"^k must be <= 4, got 5$"),
        (1, {"below": 1}, r"^k must be < 1, got 1$"),
        (1.5, {"at_least": 0, "below": 1}, r"^k must be in \[0, 1\), got 1\.5$"),
        (101, {"at_least": 0, "at_most": 100}, r"^k must be in \[0, 100\], got 101$"),
        (0, {"above": 0, "at_most": 1}, r"^k must be in \(0, 1\], got 0$"),
        (math.nan, {"at_least": 0}, r"^k must be >= 0, got nan$"),
    ],
)
def test_a_value_out_of_range_is_refused_naming_the_bounds(
    value: float, bounds: dict[str, float], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        check_range("k", value, **bounds)


def test_values_within_range_pass_and_the_error_class_is_the_callers() -> None:
    check_range("k", 1, at_least=1)
    check_range("k", 0.5, at_least=0, below=1)
    check_range("k", 100, at_least=0, at_most=100)
    with pytest.raises(InputError, match=r"^candidates must be >= 1, got 0$"):
        check_range("candidates", 0, at_least=1, error=InputError)


def test_a_choice_outside_the_list_is_refused_naming_the_list() -> None:
    check_choice("bf16", "auto", ("auto", "on", "off"))
    with pytest.raises(ConfigError, match=r"^bf16 must be auto, on or off, got 'yes'$"):
        check_choice("bf16", "yes", ("auto", "on", "off"))


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


def test_names_are_a_list_of_strings_or_one_string_never_its_letters() -> None:
    assert as_names("data.l10n_exclude", ["tar", "apt"]) == ("tar", "apt")
    assert as_names("data.l10n_exclude", "tar") == ("tar",)
    assert as_names("data.l10n_exclude", ()) == ()
    with pytest.raises(ConfigError, match=r"^data.general must be a list of names, got 3$"):
        as_names("data.general", 3)
    with pytest.raises(ConfigError, match="must be a list of names, got \\['a', 1\\]"):
        as_names("data.general", ["a", 1])


@pytest.mark.parametrize(
    ("value", "field_type", "message"),
    [
        (8.5, int, r"^k must be an integer, got 8\.5$"),
        ("twenty", int, r"^k must be an integer, got 'twenty'$"),
        (True, int, r"^k must be an integer, got True$"),
        ("fast", float, r"^k must be a number, got 'fast'$"),
        (None, float, r"^k must be a number, got None$"),
        (False, float, r"^k must be a number, got False$"),
        ("yes", bool, r"^k must be true or false, got 'yes'$"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_the_type(
    value: object, field_type: type, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        typed_value("k", value, field_type)


@pytest.mark.parametrize(
    ("value", "field_type", "expected"),
    [
        (3, int, 3),
        (3, float, 3),
        ("3e-3", float, 0.003),  # PyYAML (YAML 1.1) reads 3e-3, without a dot, as a string
        ("1.5", float, 1.5),
        ("text", str, "text"),
        ([1], tuple, [1]),  # other types are the config's own to check
    ],
)
def test_a_value_of_its_type_passes_and_a_number_in_a_string_is_that_number(
    value: object, field_type: type, expected: object
) -> None:
    assert typed_value("k", value, field_type) == expected


@dataclass(frozen=True)
class _Inner:
    steps: int = 1
    rate: float = 0.1


@dataclass(frozen=True)
class _Outer:
    train: _Inner = field(default_factory=_Inner)


def test_a_config_read_from_yaml_names_the_file_and_key_of_a_wrong_type() -> None:
    with pytest.raises(ConfigError, match=r"^t\.yaml: train\.steps must be an integer, got 8\.5$"):
        from_dict(_Outer, {"train": {"steps": 8.5}}, where="t.yaml")
    assert from_dict(_Outer, {"train": {"rate": "3e-3"}}).train.rate == 0.003


def test_a_key_that_is_a_number_is_named_among_the_unknown() -> None:
    # YAML reads `5: x` as an int key: named as text, not a TypeError of sorting or joining
    with pytest.raises(
        ConfigError, match=r"^t\.yaml\.train: unknown key\(s\) 5, stps; known: steps, rate$"
    ):
        from_dict(_Outer, {"train": {5: "x", "stps": 2}}, where="t.yaml")
