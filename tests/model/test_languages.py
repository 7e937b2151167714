"""The language pair a model records (tokenizer config, else name) and the check against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.model.languages import (
    API_NAMES,
    BENCH_NAMES,
    check_language_pair,
    model_languages,
)


def _model(tmp_path: Path, name: str, config: dict | None) -> Path:
    directory = tmp_path / name
    directory.mkdir()
    if config is not None:
        (directory / "tokenizer_config.json").write_text(json.dumps(config), "utf-8")
    return directory


@pytest.mark.parametrize(
    ("name", "config", "pair"),
    [
        ("any", {"source_lang": "fr", "target_lang": "EN"}, ("fr", "en")),
        ("opus-mt-en-es", {"source_lang": None, "target_lang": None}, ("en", "es")),
        ("opus-mt-en-es", None, ("en", "es")),
        ("my-model", {"tokenizer_class": "MarianTokenizer"}, None),
        ("my-model", None, None),
    ],
)
def test_model_languages(
    tmp_path: Path, name: str, config: dict | None, pair: tuple | None
) -> None:
    assert model_languages(str(_model(tmp_path, name, config))) == pair


def test_default_model_is_en_de() -> None:
    assert model_languages(None) == ("en", "de")


@pytest.mark.parametrize(
    ("src", "tgt", "message"),
    [
        (
            "fr",
            "de",
            "--src-lang fr: the default model translates en→de only; give a model for fr→de",
        ),
        (
            "en",
            "fr",
            "--tgt-lang fr: the default model translates en→de only; give a model for en→fr",
        ),
    ],
)
def test_a_pair_the_model_does_not_translate_is_refused(src: str, tgt: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_language_pair(None, src, tgt)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (API_NAMES, "source_language fr: .*; give a model for fr→de as Translator"),
        (BENCH_NAMES, "source_lang fr: .*; give a model for fr→de as model$"),
    ],
)
def test_the_check_names_the_languages_as_its_caller_does(names, message) -> None:
    with pytest.raises(InputError, match=message):
        check_language_pair(None, "fr", None, names)
    check_language_pair(None, "en", None, names)  # no target asked: the model's


def test_regions_groups_and_models_without_a_pair_pass(tmp_path: Path) -> None:
    check_language_pair(None, "en-US", "de_AT")
    check_language_pair(str(_model(tmp_path, "opus-mt-en-mul", None)), "en", "fr")  # a group
    check_language_pair(str(_model(tmp_path, "mine", None)), "fr", "it")  # nothing recorded
