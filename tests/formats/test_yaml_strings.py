"""Which values of a YAML message file are strings to translate."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.yaml_strings import dotted, is_text


def test_words_yaml_1_1_reads_as_booleans_are_copied_unless_quoted(tmp_path: Path) -> None:
    """Psych, Rails' parser, reads a plain ``yes``, ``on`` or ``Off`` as a boolean (YAML 1.1):
    translated (``ja``, ``auf``), it would become a string the app does not expect."""
    source = tmp_path / "en.yml"
    source.write_text(
        'en:\n  a: yes\n  b: no\n  c: true\n  d: on\n  e: Off\n  f: "Yes"\n  g: Open it\n', "utf-8"
    )
    assert [(u.key, u.source) for u in open_document(source).units()] == [
        ("f", "Yes"),
        ("g", "Open it"),
    ]
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        'de:\n  a: yes\n  b: no\n  c: true\n  d: on\n  e: Off\n  f: "YES"\n  g: OPEN IT\n'
    )


def test_a_value_that_is_a_dotted_key_is_no_text(tmp_path: Path) -> None:
    source = tmp_path / "messages.en.yaml"
    source.write_text("'cart.items': cart.items\n'Log in': 'Log in'\n", "utf-8")
    assert [u.key for u in open_document(source).units()] == ["Log in"]


@pytest.mark.parametrize(
    ("value", "name", "text"),
    [
        ("Open it", "a", True),
        (":day", "a", False),  # Ruby's symbol
        ("cart.items", "a", False),  # a key
        ("%{count}", "a", False),  # no letter outside its placeholders
        ("default", "number.format.round_mode", False),  # a Rails setting
        ("Default", "number.format.round_mode", True),
        (3, "a", False),
        ("c0ffee00-2222-4b3c-9d4e-000000000001", "a", False),  # a UUID
        ("Europe/Berlin", "settings.timezone", False),  # a time zone
        ("pizza-size", "entities[0].name", False),  # an identifier under a key of names
        ("pizza-size", "entities[0].title", True),
        ("our-new-office-in-berlin", "slug", False),  # a slug, as in JSON (trial s75)
        ("our-new-office-in-berlin", "posts[0].permalink", False),
        ("Our new office in Berlin", "slug", True),
    ],
)
def test_is_text(value: object, name: str, text: bool) -> None:
    assert is_text(value, name) is text


def test_is_text_in_a_file_read_whole_is_only_its_text_names() -> None:
    assert is_text("Open it", "title", only=frozenset({"title"}))
    assert not is_text("Open it", "theme", only=frozenset({"title"}))


def test_dotted_names_a_value_as_rails_does() -> None:
    assert dotted(("a", "b", 0, "c")) == "a.b[0].c"


def test_a_slug_is_never_sent_to_the_model(tmp_path: Path) -> None:
    """Trial s75: ``slug: our-new-office-in-berlin`` came back ``unserem Erneuer-office-Inberlin``
    (and, from a memory's fuzzy match, as the title's translation)."""
    source = tmp_path / "en.yml"
    source.write_text("title: Our new office\nslug: our-new-office\n", "utf-8")
    out = tmp_path / "de.yml"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Our new office"]
    assert out.read_text("utf-8") == "title: OUR NEW OFFICE\nslug: our-new-office\n"
