"""The target language a PO or XLIFF catalog declares, and templates that declare none."""

from __future__ import annotations

import pytest

from ltmt.formats.catalog_languages import catalog_language, is_template

XLIFF = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file source-language="en-US" {} original="x"><body/></file></xliff>'
)
PO = 'msgid ""\nmsgstr "{}"\n\nmsgid "a"\nmsgstr ""\n'


@pytest.mark.parametrize(
    ("name", "text", "language"),
    [
        ("messages.xlf", XLIFF.format(""), None),  # Angular's source: a template
        ("messages.xlf", XLIFF.format('target-language="de"'), "de"),
        ("messages.de.xlf", XLIFF.format(""), "de"),  # named for it
        ("django.po", PO.format(""), None),
        ("django.po", PO.format("Language: de\\n"), "de"),
        ("de/LC_MESSAGES/django.po", PO.format(""), "de"),
    ],
)
def test_a_catalog_s_language_is_its_declared_or_named_one(tmp_path, name, text, language):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    assert catalog_language(path) == language
    assert is_template(path) is (language is None)


def test_an_unreadable_catalog_is_no_template(tmp_path):
    path = tmp_path / "broken.xlf"
    path.write_text("<xliff", "utf-8")
    assert not is_template(path)  # the run's check names what is wrong with it
