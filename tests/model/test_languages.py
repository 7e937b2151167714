"""The language pair a model records (tokenizer config, else name) and the check against it."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.model.languages import (
    API_NAMES,
    BENCH_NAMES,
    check_language_pair,
    form_of_address_warning,
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


@pytest.mark.parametrize("code", ["de-formal", "de_formal_DE", "german", "de_DE@", "xx_DE_formal"])
def test_a_code_no_locale_system_knows_is_refused(code: str) -> None:
    with pytest.raises(InputError, match=rf"^--tgt-lang {code}: not a language code; give"):
        check_language_pair(None, "en", code)


@pytest.mark.parametrize(
    "code", ["de", "de-AT", "de_DE.UTF-8", "de_DE@formal", "de_DE_formal", "de-DE-x-formal"]
)
def test_locales_and_tags_pass(code: str) -> None:
    check_language_pair(None, "en", code)


def test_the_pair_check_says_nothing_of_a_form_of_address(caplog: pytest.LogCaptureFixture) -> None:
    """Trial s76: checked by the CLI and again by the Translator, it was said twice."""
    with caplog.at_level(logging.WARNING):
        check_language_pair(None, "en", "de_DE_formal")
    assert not caplog.text


@pytest.mark.parametrize(
    ("code", "formality", "warning"),
    [
        (
            "de_DE_formal",
            None,
            "--tgt-lang de_DE_formal asks for formal address; ltmt steers to it only with "
            "--formality Sie (without it the model writes the form it learned, the default German "
            'model mostly "Sie", at times "du"): add --formality Sie',
        ),
        ("de_DE_formal", "formal", None),
        (
            "de_DE@informal",
            "formal",
            "--tgt-lang de_DE@informal asks for informal address, --formality Sie for formal: "
            "ltmt writes formal; give --formality du if the translation is for de_DE@informal",
        ),
        ("de-DE-x-informal", "informal", None),
        ("de_DE", None, None),
        ("de_DE", "formal", None),
    ],
)
def test_a_form_of_address_a_code_asks_for_is_warned_of_unless_asked(
    code: str, formality: str | None, warning: str | None
) -> None:
    assert form_of_address_warning("--tgt-lang", code, formality) == warning


def test_the_api_s_warning_names_its_argument() -> None:
    warning = form_of_address_warning("target_language", "de_DE_formal", None, 'formality="{}"')
    assert warning is not None and warning.endswith('add formality="Sie"')
