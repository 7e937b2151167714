"""ltmt.bench.config: validation with the bad value in the message, YAML at the edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.bench.config import DEFAULT_SYSTEMS, BenchConfig, build_config, load_config, parse_systems
from ltmt.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]


def test_defaults() -> None:
    config = BenchConfig(users_dir=Path("users"))
    assert (
        config.systems
        == DEFAULT_SYSTEMS
        == ("base", "tm", "tm-repair", "exact", "knn", "attention")
    )
    assert (config.beam, config.batch_size, config.top_k, config.tm_threshold) == (4, 32, 4, 70.0)
    assert config.limit is None and config.online is False
    assert config.to_dict()["users_dir"] == str(Path.cwd() / "users")  # recorded absolute
    assert config.to_dict()["output"] == str(Path.cwd() / "runs" / "bench")
    assert config.to_dict()["systems"] == list(DEFAULT_SYSTEMS)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, r"nothing to benchmark: give users_dir \(--users-dir\) or general_dir"),
        ({"users_dir": "u", "general_dir": "g"}, "general_dir and memory_user go together"),
        ({"users_dir": "u", "memory_user": "m"}, "general_dir and memory_user go together"),
        (
            {"users_dir": "u", "systems": ""},
            "^systems is empty; name at least one of base, tm, tm-repair, exact, knn, "
            "attention, knn-trained, auto$",
        ),
        ({"users_dir": "u", "threads": 2, "workers": 3}, "^workers 3 is more than threads 2: "),
        (
            {"users_dir": "u", "fusion_options": ["neighbours"]},
            r"fusion option 'neighbours' is not KEY=VALUE \(e\.g\. neighbours=8\)",
        ),
        (
            {"users_dir": "u", "systems": "base,bleu"},
            r"unknown system\(s\) bleu; choose from base, tm, tm-repair, exact",
        ),
        ({"users_dir": "u", "systems": "base,tm,base"}, r"system\(s\) named twice: base"),
        ({"users_dir": "u", "limit": 0}, "limit must be >= 1, got 0"),
        ({"users_dir": "u", "beam": 0}, "beam must be >= 1, got 0"),
        ({"users_dir": "u", "batch_size": -1}, "batch_size must be >= 1, got -1"),
        ({"users_dir": "u", "top_k": 0}, "top_k must be >= 1, got 0"),
        ({"users_dir": "u", "workers": -1}, "workers must be >= 0, got -1"),
        ({"users_dir": "u", "workers": "two"}, "workers must be an integer, got 'two'"),
        (
            {"users_dir": "u", "worker_processes": "yes"},
            "worker_processes must be true or false, got 'yes'",
        ),
        (
            {"users_dir": "u", "copy_guard": "off"},
            "copy_guard must be true or false, got 'off'",
        ),
        ({"users_dir": "u", "tm_threshold": 101}, "tm_threshold must be within 0-100, got 101"),
        (
            {"users_dir": "u", "fusion_encoder": "onnx"},
            "fusion_encoder must be auto, ctranslate2 or torch, got 'onnx'",
        ),
        (
            {"users_dir": "u", "beams": 2},
            r"bench config: unknown key\(s\) beams \(did you mean 'beam'\?\); known: ",
        ),
        (
            {"users_dir": "u", "limt": 5, "system": "tm"},
            r"unknown key\(s\) limt, system \(did you mean 'limit'\?\); known: batch_size, ",
        ),
        # a YAML key that is a number (5: x) is named, not a TypeError of sorting or joining
        ({"users_dir": "u", 5: "x"}, r"bench config: unknown key\(s\) 5; known: batch_size, "),
        ({"users_dir": "u", "systems": 3}, "systems must be a list or a comma-separated string"),
        ({"users_dir": "u", "limit": "ten"}, "limit must be an integer, got 'ten'"),
        ({"users_dir": "u", "beam": 1.5}, "beam must be an integer, got 1.5"),
        ({"users_dir": "u", "online": "yes"}, "online must be true or false, got 'yes'"),
        ({"users_dir": "u", "tm_threshold": "70"}, "tm_threshold must be a number, got '70'"),
    ],
)
def test_invalid(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_config(values)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("base", ("base",)),
        ("base, tm,knn", ("base", "tm", "knn")),
        (["exact", " knn "], ("exact", "knn")),
    ],
)
def test_parse_systems(value: str | list[str], expected: tuple[str, ...]) -> None:
    assert parse_systems(value) == expected


def test_yaml_paths_read_against_data_dir_and_flags_override(tmp_path: Path) -> None:
    path = tmp_path / "run.yaml"
    path.write_text(
        "data_dir: /data\nusers_dir: l10n/dev\nsystems: [base, tm]\nbeam: 2\noutput: runs/x\n",
        "utf-8",
    )
    config = load_config(path, {"beam": None, "limit": 5})
    assert config.users_dir == Path("/data/l10n/dev")
    assert config.output == Path("runs/x")  # output stays relative to the working directory
    assert config.systems == ("base", "tm")
    assert (config.beam, config.limit) == (2, 5)
    config = load_config(path, {"beam": 1, "users_dir": Path("mine")}, data_dir=tmp_path)
    assert config.users_dir == Path("mine")  # a flag's path is taken as given
    assert config.beam == 1
    assert load_config(path, {}, data_dir=tmp_path).users_dir == tmp_path / "l10n/dev"


def test_yaml_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"config file not found: .*nope\.yaml"):
        load_config(tmp_path / "nope.yaml", {})
    bad = tmp_path / "bad.yaml"
    bad.write_text("users_dir: u\nbeem: 3\n", "utf-8")
    with pytest.raises(
        ConfigError, match=r"bad\.yaml: unknown key\(s\) beem \(did you mean 'beam'\?\); known: "
    ):
        load_config(bad, {})


@pytest.mark.parametrize(
    "path", sorted((REPO / "configs" / "bench").glob("*.yaml")), ids=lambda p: p.name
)
def test_shipped_configs_load(path: Path) -> None:
    config = load_config(path, {}, data_dir="/data")
    assert config.users_dir is None or config.users_dir.is_relative_to("/data")
    assert config.general_dir is None or config.general_dir.is_relative_to("/data")
    assert str(config.output).startswith("runs/bench/")


def test_missing_data_paths_hint_at_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "run.yaml"
    path.write_text("data_dir: ../data\nusers_dir: l10n/dev\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(
        ConfigError,
        match=r"run\.yaml: users_dir not found: \.\./data/l10n/dev \(data_dir \.\./data is read "
        r"against the working directory .*; pass --data-dir DIR, the folder that holds the data\)",
    ):
        load_config(path, {}, check_paths=True)
    with pytest.raises(ConfigError, match=r"users_dir not found: /nope/l10n/dev \(pass --data-dir"):
        load_config(path, {}, data_dir="/nope", check_paths=True)
    (tmp_path / "l10n" / "dev").mkdir(parents=True)
    assert (
        load_config(path, {}, data_dir=tmp_path, check_paths=True).users_dir
        == tmp_path / "l10n/dev"
    )
    # a flag replaces the file's path: only the flag's is used (and checked where it is read)
    load_config(path, {"users_dir": Path("elsewhere")}, check_paths=True)


def test_the_record_names_absolute_paths_and_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "model_copy").mkdir()
    path = tmp_path / "run.yaml"
    path.write_text(
        "data_dir: data\nusers_dir: users\nmodel: model_copy\nfusion_options: combiner=c\n",
        "utf-8",
    )
    recorded = load_config(path, {}).to_dict()
    assert recorded["model"] == str(tmp_path / "model_copy")  # as typed: model_copy
    assert recorded["users_dir"] == str(tmp_path / "data" / "users")
    assert recorded["data_dir"] == str(tmp_path / "data")
    assert recorded["output"] == str(tmp_path / "runs" / "bench")
    assert recorded["fusion_options"] == ["combiner=c"]
    hub = BenchConfig(users_dir=Path("u"), model="Helsinki-NLP/opus-mt-en-de")
    assert hub.to_dict()["model"] == "Helsinki-NLP/opus-mt-en-de"  # a hub id as it is
