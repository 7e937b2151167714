"""Rasa's YAML: only what a bot's user reads is translated, its machinery copied."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file
from ltmt.formats.rasa_yaml import Examples, coded, is_rasa, uncoded
from ltmt.formats.yaml_catalog import YamlCatalog

DOMAIN = """\
version: "3.1"

intents:
  - greet
  - goodbye

entities:
  - city

slots:
  name:
    type: text
    mappings:
      - type: from_entity
        entity: name

responses:
  # shown first
  utter_greet:
    - text: "Hi {name}! How can I help?"
      condition:
        - type: slot
          name: logged_in
          value: true
  utter_ask:
    - text: Would you like a refund?
      buttons:
        - title: "Request a refund"
          payload: '/open_ticket{"priority": "high"}'
  utter_bye:
    - text: |
        Bye!
        Have a great day.
      image: "https://example.com/bye.png"

actions:
  - action_create_ticket
"""

NLU = """\
version: "3.1"
nlu:
- intent: book_trip
  # with entities
  examples: |
    - book a ticket to [Hamburg](city) for [next week]{"entity": "date", "role": "departure"}
    - send it to [Peter](name)
    - good morning

- synonym: Munich
  examples: |
    - munich

- regex: order_id
  examples: |
    - \\b[0-9]{8}\\b
"""

STORIES = """\
version: "3.1"
stories:
- story: happy path
  steps:
  - intent: request_refund
    entities:
    - date: tomorrow
  - action: utter_ask
rules:
- rule: Say goodbye anytime
  steps:
  - intent: goodbye
  - action: utter_bye
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"version": "3.1", "responses": {"utter_hi": [{"text": "Hi"}]}}, True),
        ({"version": "3.1", "nlu": [{"intent": "greet", "examples": "- hi"}]}, True),
        ({"version": "2.0", "stories": [{"story": "s", "steps": [{"intent": "greet"}]}]}, True),
        ({"version": "3.1", "intents": ["greet", {"bye": {"use_entities": True}}]}, True),
        ({"version": "3.1", "title": "Notes"}, False),  # a message file with a version
        ({"responses": {"utter_hi": [{"text": "Hi"}]}}, False),  # no version
        ({"en": {"version": "Version"}}, False),
        # a version that is no quoted string, or parts not in Rasa's shape: the text is
        # translated, not copied as a bot's machinery
        ({"version": 3, "buttons": {"save": "Save"}, "responses": {"ok": "Saved."}}, False),
        ({"version": "3", "responses": {"ok": "Saved."}}, False),
        ({"version": 2, "rules": [{"title": "Be kind", "text": "Be nice."}]}, False),
        ({"version": "2", "rules": [{"title": "Be kind", "text": "Be nice."}]}, False),
        ({"version": 1, "intents": {"title": "What do you want?", "buy": "Buy"}}, False),
        ({"version": "1", "intents": ["Buy a ticket"]}, False),
    ],
)
def test_a_rasa_file_is_known_by_its_structure(document: dict, expected: bool) -> None:
    assert is_rasa(document) is expected


def test_a_domain_translates_only_response_texts_and_button_titles(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _file(tmp_path, "domain.yml", DOMAIN)
    out = tmp_path / "domain.de.yml"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    expected = (
        DOMAIN.replace('"Hi {name}! How can I help?"', '"HI {name}! HOW CAN I HELP?"')
        .replace("Would you like a refund?", "WOULD YOU LIKE A REFUND?")
        .replace('"Request a refund"', '"REQUEST A REFUND"')
        .replace("Bye!\n        Have a great day.", "BYE!\n        HAVE A GREAT DAY.")
    )
    assert out.read_text("utf-8") == expected  # intents, types, payloads, comments as written
    assert (
        f"{source}: read as a Rasa file: only responses' texts, button titles and NLU examples "
        "translated; intents, entities, slots, actions, payloads, stories and rules copied"
    ) in caplog.text


def test_stories_and_rules_are_copied(tmp_path: Path) -> None:
    source = _file(tmp_path, "stories.yml", STORIES)
    out = tmp_path / "stories.de.yml"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert out.read_text("utf-8") == STORIES


def test_nlu_examples_are_translated_line_by_line_their_annotations_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _file(tmp_path, "nlu.yml", NLU)
    out = tmp_path / "nlu.de.yml"
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [
        'book a ticket to <x id="1"/> for <x id="2"/>',
        'send it to <x id="1"/>',
        "good morning",
    ]  # the annotations never reach the model; synonyms and regexes are no text
    assert out.read_text("utf-8") == NLU.replace(
        "    - book a ticket to [Hamburg](city) for [next week]",
        "    - BOOK A TICKET TO [Hamburg](city) FOR [next week]",
    ).replace("send it to", "SEND IT TO").replace("good morning", "GOOD MORNING")
    assert (
        f"{source}: 3 entity values kept in English in NLU examples: translate them by hand"
    ) in caplog.text


def test_an_example_whose_translation_lost_an_annotation_keeps_its_source() -> None:
    examples = Examples.of("- go to [Berlin](city)\n- hello\n")
    keys = examples.keys("nlu[0].examples")
    translations = {keys[0]: "nach Berlin", keys[1]: "hallo"}
    assert examples.translation("nlu[0].examples", translations) == (
        "- go to [Berlin](city)\n- hallo\n"
    )


def test_a_translation_codes_its_annotations_as_the_source_does() -> None:
    """An annotation takes the id of the source's for the same entity, whatever its place."""
    text, annotations = coded('to [Hamburg](city) for [next week]{"entity": "date"}')
    assert text == 'to <x id="1"/> for <x id="2"/>'
    german = 'für [nächste Woche]{"entity": "date"} nach [Hamburg](city)'
    assert coded(german, annotations)[0] == 'für <x id="2"/> nach <x id="1"/>'
    assert uncoded('nach <x id="1"/> für <x id="2"/>', annotations) == (
        'nach [Hamburg](city) für [next week]{"entity": "date"}'
    )
    assert uncoded('nach <x id="1"/>', annotations) is None


def test_memory_import_pairs_text_and_each_example_line(tmp_path: Path) -> None:
    source = _file(tmp_path, "domain.yml", DOMAIN)
    german = (
        DOMAIN.replace("Hi {name}! How can I help?", "Hallo {name}!")
        .replace("Would you like a refund?", "Möchten Sie eine Rückerstattung?")
        .replace("Request a refund", "Erstatten")
        .replace("Have a great day.", "Schönen Tag.")
    )
    target = _file(tmp_path, "domain.de.yml", german)
    pairs = [(r.source, r.target) for r in YamlCatalog.pairs(target, source_file=source)]
    assert pairs == [
        ("Hi {name}! How can I help?", "Hallo {name}!"),
        ("Would you like a refund?", "Möchten Sie eine Rückerstattung?"),
        ("Request a refund", "Erstatten"),
        ("Bye!\nHave a great day.\n", "Bye!\nSchönen Tag.\n"),
    ]  # no intent, entity, slot type or payload copied as a pair of itself
    source = _file(tmp_path, "nlu.yml", NLU)
    target = _file(
        tmp_path,
        "nlu.de.yml",
        NLU.replace(
            "book a ticket to [Hamburg](city) for [next week]",
            "buche für [nächste Woche]",
        )
        .replace('"departure"}', '"departure"} ein Ticket nach [Hamburg](city)')
        .replace("good morning", "guten Morgen"),
    )
    pairs = [(r.source, r.target) for r in YamlCatalog.pairs(target, source_file=source)]
    assert pairs == [
        (
            'book a ticket to <x id="1"/> for <x id="2"/>',
            'buche für <x id="2"/> ein Ticket nach <x id="1"/>',
        ),
        ('send it to <x id="1"/>', 'send it to <x id="1"/>'),  # a copy, as in any file
        ("good morning", "guten Morgen"),
    ]  # one pair an example line


@pytest.mark.parametrize("text", [DOMAIN, NLU])
def test_a_text_left_untranslated_keeps_its_source(tmp_path: Path, text: str) -> None:
    """A Rasa bot reads its files whole: nothing is left out, as a message file's strings are."""
    source = _file(tmp_path, "bot.yml", text)
    assert YamlCatalog.open(source, tgt_lang="de").render().decode("utf-8") == text


UI = """\
version: 3
buttons:
  save: Save
  cancel: Cancel
responses:
  ok: Your changes were saved.
"""


def test_a_file_with_a_version_and_responses_not_in_rasas_shape_is_translated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A version: 3 beside responses: {ok: ...} was read as a Rasa file: nothing translated."""
    source = _file(tmp_path, "ui.yml", UI)
    out = tmp_path / "ui.de.yml"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        UI.replace("Save\n", "SAVE\n")
        .replace("Cancel", "CANCEL")
        .replace("Your changes were saved.", "YOUR CHANGES WERE SAVED.")
    )
    assert "Rasa" not in caplog.text
