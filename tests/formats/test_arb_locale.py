"""An ARB file's ``@@locale``: ARB's spelling, the region from the output's name."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.arb_locale import arb_locale, named_locale, translation_not_source
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("app_de_CH.arb", "de_CH"),
        ("app_de.arb", "de"),
        ("intl_zh_Hant_TW.arb", "zh_Hant_TW"),
        ("de.arb", "de"),
        ("strings.arb", None),
    ],
)
def test_the_locale_an_arb_name_ends_in(name, expected) -> None:
    assert named_locale(Path(name)) == expected


@pytest.mark.parametrize(
    ("language", "output", "expected"),
    [
        ("de", "app_de_CH.arb", "de_CH"),  # was "de", which gen-l10n refuses in that file
        ("de-CH", "app_de_CH.arb", "de_CH"),  # was "de-CH"
        ("de-CH", None, "de_CH"),
        ("de", "app_de.arb", "de"),
        ("de", "app_fr.arb", "de"),  # another language: ltmt translate warns of every format
    ],
)
def test_the_locale_of_a_translation(language, output, expected) -> None:
    assert arb_locale(language, Path(output) if output else None) == expected


def test_a_region_the_name_contradicts_is_warned_of(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        assert arb_locale("de-AT", Path("app_de_CH.arb")) == "de_AT"
    assert caplog.messages == [
        "app_de_CH.arb: the file name says locale de_CH, but the translation is into de_AT: "
        'wrote "@@locale": "de_AT", which Flutter\'s gen-l10n refuses in this file; rename the '
        "file or give --tgt-lang de-CH"
    ]


def test_a_translation_takes_its_region_from_the_output_name(tmp_path: Path) -> None:
    source = tmp_path / "app_en.arb"
    source.write_text(json.dumps({"@@locale": "en", "save": "Save"}), encoding="utf-8")
    out = tmp_path / "app_de_CH.arb"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"@@locale": "de_CH", "save": "SAVE"}


def test_an_existing_translation_of_another_language_is_refused(tmp_path: Path) -> None:
    """``"@@locale": "fr"`` in ``app_de.arb`` was relabelled ``de``, its French kept."""
    source = tmp_path / "app_en.arb"
    source.write_text(json.dumps({"@@locale": "en", "save": "Save"}), encoding="utf-8")
    out = tmp_path / "app_de.arb"
    french = json.dumps({"@@locale": "fr", "save": "Enregistrer"})
    out.write_text(french, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert str(raised.value) == (
        f'{out} holds "@@locale": "fr" (French), not German: write the translation into de '
        "to another file, or give --tgt-lang fr to update this one"
    )
    assert out.read_text("utf-8") == french
    out.write_text(json.dumps({"@@locale": "de_CH", "save": "Sichern"}), encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")  # a region of German: continued
    assert json.loads(out.read_text("utf-8"))["save"] == "Sichern"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("app_de.arb", '{"@@locale": "de"}', "app_de.arb: de"),
        ("app_en.arb", '{"@@locale": "en"}', ""),
        ("app_de.arb", '{"a": "b"}', "app_de.arb: de"),  # the name's locale
        ("strings.arb", '{"a": "b"}', ""),
        ("de.json", '{"@@locale": "de"}', ""),  # not ARB
    ],
)
def test_an_arb_of_another_locale_is_no_source(tmp_path: Path, name, text, expected) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert translation_not_source(path, "en") == expected
