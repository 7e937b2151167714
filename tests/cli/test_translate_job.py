"""The language a translate job writes in."""

from __future__ import annotations

import pytest

from ltmt.cli.translate_job import Job, address_warning, written_language
from ltmt.formats.registry import find_format


@pytest.mark.parametrize(
    ("output", "tgt_lang", "written"),
    [
        # Flutter trial, session 65: the output's name says Swiss German
        ("l10n/app_de_CH.arb", "de", "de-CH"),
        ("strings_de_CH.txt", "de", "de-CH"),
        ("strings_de_CH.txt", "de-CH", "de-CH"),
        # --tgt-lang names the region, or the name says none that writes ss, or no output
        ("strings_de_CH.txt", "de-AT", "de-AT"),
        ("strings_de_AT.txt", "de", "de"),
        ("strings.de.txt", "de", "de"),
        ("out_fr_CH.txt", "de", "de"),
        (None, "de", "de"),
        ("-", "de-CH", "de-CH"),
        # i18next trial s76: a folder of the output's path named as the locale
        ("public/locales/de-CH", "de", "de-CH"),
        ("public/locales/de_CH/common.json", "de", "de-CH"),
        ("locales/de-ch", "de", "de-CH"),
        ("locales/de-CH", "de-AT", "de-AT"),
        ("locales/de-AT/common.json", "de", "de"),
        ("locales/fr-CH", "de", "de"),
        ("locales/de", "de", "de"),
    ],
)
def test_the_written_language_takes_a_swiss_region_from_the_outputs_name(output, tgt_lang, written):
    job = Job(None, find_format(None, "txt", role="document"), output, "en", tgt_lang)
    assert written_language(job) == written


@pytest.mark.parametrize(
    ("language", "tgt_lang", "written"),
    [
        # regression tester, session 71: a PO for de_AT was written with German's amounts
        ("de_AT", "de", "de-AT"),
        ("de_CH", "de", "de-CH"),
        ("de_DE", "de", "de"),  # a region that writes as the language does: the language
        ("de_AT", "de-CH", "de-CH"),  # --tgt-lang names the region
        ("", "de", "de"),
    ],
)
def test_the_written_language_takes_the_region_a_catalog_declares(
    tmp_path, language, tgt_lang, written
):
    catalog = tmp_path / "app.po"
    header = f'"Language: {language}\\n"\n' if language else ""
    catalog.write_text(f'msgid ""\nmsgstr ""\n{header}\nmsgid "Only $10"\nmsgstr ""\n', "utf-8")
    job = Job(catalog, find_format(None, "po", role="document"), "out.po", "en", tgt_lang)
    assert written_language(job) == written


@pytest.mark.parametrize(
    ("language", "tgt_lang", "formality", "said"),
    [
        # WordPress trial s76: a PO declaring de_DE_formal got no warning
        ("de_DE_formal", None, None, "app.po's Language de_DE_formal asks for formal address;"),
        ("de_DE_formal", None, "Sie", None),
        ("de_DE_formal", None, "du", "app.po's Language de_DE_formal asks for formal address, "),
        ("de_DE", None, None, None),
        # --tgt-lang is said of, not the catalog
        ("de_DE", "de_DE_formal", None, "--tgt-lang de_DE_formal asks for formal address;"),
        ("de_DE_formal", "de_DE", None, None),
    ],
)
def test_a_form_of_address_the_language_asks_for_is_said_once(
    tmp_path, language, tgt_lang, formality, said
):
    catalog = tmp_path / "app.po"
    catalog.write_text(
        f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\nmsgid "Save"\nmsgstr ""\n', "utf-8"
    )
    job = Job(catalog, find_format(None, "po", role="document"), "out.po", "en", "de")
    warning = address_warning(job, tgt_lang, formality)
    if said is None:
        assert warning is None
    else:
        assert warning is not None and warning.startswith(said)
