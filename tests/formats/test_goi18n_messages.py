"""go-i18n message objects in JSON and YAML message files: only their plural forms are
translated; hash, description, id and delimiters are copied, kept in place, and never paired."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats import goi18n_messages
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pipeline import translate_file
from ltmt.formats.yaml_catalog import YamlCatalog

HASH = "sha1-13d52756500357ad17152f6987571fa47dc1df6b"
SOURCE = {
    "HelloPerson": {"description": "Greeting shown on the dashboard", "other": "Hello {{.Name}}"},
    "Unread": {
        "hash": HASH,
        "description": "Unread emails",
        "one": "{{.Count}} unread email.",
        "other": "{{.Count}} unread emails.",
    },
    "Custom": {"id": "Custom", "leftDelim": "<<", "rightDelim": ">>", "other": "Welcome"},
    "Digest": "sha1-aaaabbbbccccddddeeeeffff0000111122223333",
    "Goodbye": "Goodbye",
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"description": "d", "other": "o"}, True),
        ({"hash": HASH, "one": "a", "other": "b"}, True),
        ({"one": "a", "other": "b"}, False),  # forms alone: translated form by form anyway
        ({"description": "d", "title": "t"}, False),  # a key go-i18n has not: no message
        ({"description": "d", "id": "x"}, False),  # no form
    ],
)
def test_is_message(value: dict, expected: bool) -> None:
    holder = {"It": value, "Other": "o", "Cats": {"one": "a", "other": "b"}}
    assert goi18n_messages.is_message(value, holder) is expected


@pytest.mark.parametrize(
    ("holder", "expected"),
    [
        ({"Goodbye": "Goodbye", "Cats": {"one": "a", "other": "b"}}, True),  # only messages
        ({"nav": {"home": "Home"}}, False),  # a Jekyll or i18next file's objects beside it
        ({"meta": {"description": "d"}}, False),  # no form: no message beside it
        ({"nav": {"home": "Home"}, "hashed": "x"}, False),
    ],
)
def test_a_description_beside_forms_is_go_i18ns_only_among_messages(
    holder: dict, expected: bool
) -> None:
    """en.json's ``product`` (description, one, other) beside ``survey``/``meta`` objects had
    its description copied English as a go-i18n field."""
    value = {"description": "Our best-selling product", "one": "a", "other": "b"}
    assert goi18n_messages.is_message(value, {**holder, "product": value}) is expected
    hashed = {**value, "hash": HASH}  # a hash is go-i18n's wherever it stands
    assert goi18n_messages.is_message(hashed, {**holder, "product": hashed})


def test_a_description_among_other_objects_is_translated(tmp_path: Path) -> None:
    source, out = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(
        json.dumps(
            {
                "product": {"description": "Our product", "one": "a product", "other": "products"},
                "meta": {"description": "Welcome"},
            }
        ),
        encoding="utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "product": {"description": "OUR PRODUCT", "one": "A PRODUCT", "other": "PRODUCTS"},
        "meta": {"description": "WELCOME"},
    }
    yaml_source, yaml_out = tmp_path / "en.yml", tmp_path / "de.yml"
    yaml_source.write_text(
        "en:\n  nav:\n    home: Home\n  product:\n    description: Our product\n"
        "    one: a product\n    other: products\n",
        "utf-8",
    )
    translate_file(yaml_source, yaml_out, FakeModel(), tgt_lang="de")
    assert yaml_out.read_text("utf-8") == (
        "de:\n  nav:\n    home: HOME\n  product:\n    description: OUR PRODUCT\n"
        "    one: A PRODUCT\n    other: PRODUCTS\n"
    )


def test_with_own_fields_keeps_their_order() -> None:
    ours = {"description": "d", "other": "Hallo"}
    theirs = {"description": "alt", "hash": HASH, "other": "Hi"}
    assert list(goi18n_messages.with_own_fields(ours, theirs).items()) == [
        ("description", "d"),
        ("hash", HASH),
        ("other", "Hallo"),
    ]


def test_json_translates_only_the_forms(tmp_path: Path) -> None:
    source, out = tmp_path / "active.en.json", tmp_path / "active.de.json"
    source.write_text(json.dumps(SOURCE, indent=2), encoding="utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    forms = ["Hello {{.Name}}", "{{.Count}} unread email.", "{{.Count}} unread emails."]
    assert sorted(model.seen) == sorted([*forms, "Welcome", "Goodbye"])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["Unread"] == {
        "hash": HASH,
        "description": "Unread emails",
        "one": "{{.Count}} UNREAD EMAIL.",
        "other": "{{.Count}} UNREAD EMAILS.",
    }
    assert data["Custom"] == {
        "id": "Custom",
        "leftDelim": "<<",
        "rightDelim": ">>",
        "other": "WELCOME",
    }
    assert data["Digest"] == SOURCE["Digest"]


def test_json_rerun_keeps_the_outputs_hash_in_place(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, out = tmp_path / "active.en.json", tmp_path / "active.de.json"
    source.write_text(json.dumps(SOURCE, indent=2), encoding="utf-8")
    before = {"HelloPerson": {"description": "Begrüßung", "hash": HASH, "other": "Hallo {{.Name}}"}}
    out.write_text(json.dumps(before, indent=2), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "not in" not in caplog.text  # the hash is the message's, no string of its own
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["HelloPerson"].items()) == [
        ("description", "Greeting shown on the dashboard"),
        ("hash", HASH),
        ("other", "Hallo {{.Name}}"),
    ]
    pairs = [(r.source, r.target) for r in JsonCatalog.pairs(out, source_file=source)]
    assert ("Hello {{.Name}}", "Hallo {{.Name}}") in pairs
    assert not any(HASH in s or "Greeting" in s for pair in pairs for s in pair)


def test_qa_says_a_changed_hash(tmp_path: Path) -> None:
    """A hash the model changed (7 of 12 in a user trial) went unseen, or was read as numbers."""
    source, out = tmp_path / "translate.de.json", tmp_path / "out.de.json"
    source.write_text(json.dumps(SOURCE), encoding="utf-8")
    changed = json.loads(json.dumps(SOURCE))
    changed["Unread"]["hash"] = "sha1-13d5275650035ad1715f6987571fa47dc1df6b"
    out.write_text(json.dumps(changed), encoding="utf-8")
    problems = {
        r.metadata["context"]: r.metadata.get("format_problems")
        for r in JsonCatalog.pairs(out, source_file=source, purpose="checked")
    }
    assert problems["/Unread/one"] == [
        "its hash is 'sha1-13d5275650035ad1715f6987571fa47dc1df6b', the source's "
        f"'{HASH}': copy the source's"
    ]
    assert problems["/Unread/other"] is None  # said once, of the message's first form
    assert problems["/HelloPerson/other"] is None


def test_qa_reads_actions_between_a_messages_own_delimiters(tmp_path: Path) -> None:
    """<<.Name>> under "leftDelim": "<<" came back <<.name>>, and qa said nothing."""
    custom = {"leftDelim": "<<", "rightDelim": ">>", "other": "Welcome, <<.Name>>!"}
    source, out = tmp_path / "quirks.en.json", tmp_path / "quirks.de.json"
    source.write_text(json.dumps({"Custom": custom}), encoding="utf-8")
    out.write_text(
        json.dumps({"Custom": {**custom, "other": "Willkommen, <<.name>>!"}}), encoding="utf-8"
    )
    [record] = JsonCatalog.pairs(out, source_file=source, purpose="checked")
    assert record.metadata["format_problems"] == [
        "lacks <<.Name>>, an action between its delimiters",
        "adds <<.name>>, which the source does not have",
    ]


YAML_SOURCE = """\
HelloPerson:
  description: Greeting shown on the dashboard
  other: Hello {{.Name}}
DiskUsage:
  hash: sha1-17f1c6a3e9af33514b0062e8b1108b1108239a1c
  other: You are using %d GB.
Sum: sha1-aaaabbbbccccddddeeeeffff0000111122223333
"""


def test_yaml_translates_only_the_forms_and_keeps_the_outputs_hash(tmp_path: Path) -> None:
    source, out = tmp_path / "active.en.yaml", tmp_path / "active.de.yaml"
    source.write_text(YAML_SOURCE, encoding="utf-8")
    out.write_text(
        f"HelloPerson:\n  hash: {HASH}\n  other: Hallo {{{{.Name}}}}\n", encoding="utf-8"
    )
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["You are using %d GB."]
    assert out.read_text(encoding="utf-8") == (
        "HelloPerson:\n"
        "  description: Greeting shown on the dashboard\n"
        f"  hash: {HASH}\n"
        "  other: Hallo {{.Name}}\n"
        "DiskUsage:\n"
        "  hash: sha1-17f1c6a3e9af33514b0062e8b1108b1108239a1c\n"
        "  other: YOU ARE USING %d GB.\n"
        "Sum: sha1-aaaabbbbccccddddeeeeffff0000111122223333\n"
    )
    pairs = [(r.source, r.target) for r in YamlCatalog.pairs(out, source_file=source)]
    assert pairs == [
        ("Hello {{.Name}}", "Hallo {{.Name}}"),
        ("You are using %d GB.", "YOU ARE USING %d GB."),
    ]
