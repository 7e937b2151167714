"""Lokalise's plurals written as JSON strings: read as their forms, translated in the target
language's categories, checked and paired form by form, written back as strings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.json_layout import Spacing
from ltmt.formats.json_string_plurals import (
    LEFT_OUT,
    StringPlural,
    encoded,
    in_categories,
    plural_in,
)
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.qa.run import check_pairs

COMPACT = Spacing(comma=",", colon=":")
# a Lokalise "JSON" export, flat, plurals "as JSON string" (session 71's trial)
LOKALISE = r"""{
  "files.count": "{\"one\":\"[%i] file\",\"other\":\"[%i] files\"}",
  "trash.count": "{\"zero\":\"No items in trash\",\"one\":\"[%i] item\",\"other\":\"[%i] items\"}",
  "json.like": "{\"a\":1}",
  "braces": "{count}",
  "greeting.named": "Hi [%s:name], your order [%s:order_id] has shipped"
}
"""


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ('{"one":"[%i] file","other":"[%i] files"}', {"one": "[%i] file", "other": "[%i] files"}),
        ('{"zero": "None", "other": "[%i]"}', {"zero": "None", "other": "[%i]"}),
        ('{"a":1}', None),
        ('{"one":"x","a":"y"}', None),
        ('{"one":1,"other":"x"}', None),
        ("{}", None),
        ("{count}", None),
        ("[%i] files", None),
    ],
)
def test_only_an_object_of_plural_forms_is_a_plural(text: str, forms: dict | None) -> None:
    found = plural_in(text)
    assert (None if found is None else dict(found)) == forms


@pytest.mark.parametrize(
    ("text", "spacing"),
    [
        ('{"one":"a","other":"b"}', COMPACT),
        ('{"one": "a", "other": "b"}', Spacing()),
        ('{ "one": "a", "other": "b" }', Spacing(padded=True)),
    ],
)
def test_a_plural_is_written_back_with_its_strings_separators(text: str, spacing: Spacing) -> None:
    found = plural_in(text)
    assert found is not None and found.spacing == spacing
    assert encoded({"k": {"one": "a", "other": "b"}}, {"k": found}) == {"k": text}


@pytest.mark.parametrize(
    ("language", "forms", "written"),
    [
        ("de", {"one": "a", "other": "b"}, {"one": "a", "other": "b"}),
        ("de", {"zero": "z", "one": "a", "other": "b"}, {"zero": "z", "one": "a", "other": "b"}),
        ("de", {"one": "a", "few": "c", "many": "d", "other": "b"}, {"one": "a", "other": "b"}),
        ("de", {"other": "b"}, {"one": "b", "other": "b"}),
        ("ru", {"one": "a", "other": "b"}, {"one": "a", "few": "b", "many": "b", "other": "b"}),
    ],
)
def test_a_plural_gets_the_target_languages_categories(
    language: str, forms: dict[str, str], written: dict[str, str]
) -> None:
    found = in_categories({"k": [StringPlural(forms, COMPACT)]}, language)["k"][0]
    assert isinstance(found, StringPlural) and found.spacing == COMPACT
    assert list(found.items()) == list(written.items())


def test_a_plural_missing_a_form_is_left_out_whole() -> None:
    source = {"k": StringPlural({"one": "a", "other": "b"}, COMPACT), "n": None}
    assert encoded({"k": {"one": "A"}, "n": None}, source) == {"n": None}
    assert encoded([{"one": "A"}], [source["k"]]) is LEFT_OUT


def test_a_lokalise_json_strings_plural_is_translated_form_by_form(tmp_path: Path) -> None:
    """Session 71's trial: the string was given to the model whole, which copied it (``1 left
    as in the source``): German's file had the English plural."""
    source = tmp_path / "en.json"
    source.write_text(LOKALISE, encoding="utf-8")
    units = [u.source for u in open_document(source, tgt_lang="de").units()]
    assert units[:5] == ["[%i] file", "[%i] files", "No items in trash", "[%i] item", "[%i] items"]
    assert '{"a":1}' in units  # no plural forms: a string whole
    assert "{count}" not in units  # a placeholder alone: no text, copied (json_identifiers)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert r'"files.count": "{\"one\":\"[%i] FILE\",\"other\":\"[%i] FILES\"}"' in written
    assert json.loads(json.loads(written)["trash.count"]) == {
        "zero": "NO ITEMS IN TRASH",
        "one": "[%i] ITEM",
        "other": "[%i] ITEMS",
    }
    assert json.loads(written)["json.like"] != {"a": 1}  # a string still


def test_qa_and_memory_import_read_a_lokalise_plurals_forms(tmp_path: Path) -> None:
    source = tmp_path / "en.json"
    source.write_text(LOKALISE, encoding="utf-8")
    target = tmp_path / "de.json"
    target.write_text(
        '{"files.count": "{\\"one\\":\\"[%i] Datei\\",\\"other\\":\\"Dateien\\"}"}',
        encoding="utf-8",
    )
    records = list(read_translations(target, source_file=source))
    assert [(r.position.rpartition(": ")[2], r.source, r.target) for r in records] == [
        ("/files.count/one", "[%i] file", "[%i] Datei"),
        ("/files.count/other", "[%i] files", "Dateien"),
    ]
    checked = read_translations(target, source_file=source, purpose="checked")
    found = check_pairs(checked, checks=["placeholders"]).findings
    assert [(f.position.rpartition(": ")[2], f.message) for f in found] == [
        ("/files.count/other", "lacks [%i]")
    ]
