"""The locale a folder of an output's path is named as."""

from __future__ import annotations

import time
from pathlib import PurePath

import pytest

from ltmt.formats.folder_locales import folder_locale


@pytest.mark.parametrize(
    ("path", "locale"),
    [
        ("public/locales/de-CH", "de-CH"),
        ("public/locales/de-CH/common.json", "de-CH"),
        ("locales/de_CH/sub/common.json", "de-CH"),
        ("locales/de-ch", "de-CH"),
        ("de-CH/locales/fr-FR/x.json", "fr-FR"),  # the nearest
        ("locales/de", None),
        ("locales/app-CH2", None),
        ("common_de_CH.json", None),  # a file's name: named_locale's
        ("locales", None),
    ],
)
def test_a_folder_named_as_a_locale_names_it(path, locale):
    assert folder_locale(PurePath(path)) == locale


def test_a_long_adversarial_folder_name_is_read_in_linear_time():
    started = time.perf_counter()
    assert folder_locale(PurePath("de-" * 50_000 + "C")) is None
    assert time.perf_counter() - started < 0.5
