"""Lines in title case read both ways (ltmt.title_case): the likelier translation is kept, and
into German a command's with its verb last."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from ltmt import Translator
from ltmt.model.backbone import load_backbone
from ltmt.title_case import ends_in_infinitive, is_command, read_both_ways
from ltmt.units import Unit

READINGS = {
    "import bookmarks": "importierende Lesezeichen",
    "Import bookmarks": "Lesezeichen importieren",
    "close document": "Dokument schließen",
    "Close document": "Close-Dokument",
    "add a column": "fügt eine Spalte hinzu",
    "Add a column": "Eine Spalte hinzufügen",
    "remote locations": "entfernte Orte",
    "Remote locations": "Orte entfernen",
}
# how likely the model finds each output, whatever the reading
LIKELIHOOD = {
    "Lesezeichen importieren": -0.2,
    "importierende Lesezeichen": -0.9,
    "Dokument schließen": -0.3,
    "Close-Dokument": -1.5,
    # the likelier reading of the command ends in no verb: German ends a command in one
    "fügt eine Spalte hinzu": -0.3,
    "Eine Spalte hinzufügen": -0.8,
    # the likelier of a name of things stays, though the other ends in a verb
    "entfernte Orte": -0.3,
    "Orte entfernen": -0.8,
}


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


class _ReadingTranslator(Translator):
    """Decodes each text as :data:`READINGS` says, and scores each output as
    :data:`LIKELIHOOD` says."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.texts: list[str] = []
        self.decoder = SimpleNamespace(fast=None, score=self._score)

    def encode(self, texts, segments=None):  # an id that names the text
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, 0] for n in range(len(texts))]

    def decode(self, batch, state=None):
        return [READINGS.get(self.texts[ids[0]], self.texts[ids[0]]) for ids in batch]

    def _score(self, sources, outputs):
        tokenizer = self.backbone.tokenizer
        by_ids = {
            tuple(tokenizer(text_target=text, add_special_tokens=False)["input_ids"]): value
            for text, value in LIKELIHOOD.items()
        }
        return [by_ids[tuple(ids)] * (len(ids) + 1) for ids in outputs]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Import Bookmarks", "Lesezeichen importieren"),  # the command, with a first capital
        ("Close Document", "Dokument schließen"),  # a first capital read as a name: lower case
    ],
)
def test_the_likelier_reading_of_a_line_in_title_case_is_kept(backbone, line, expected):
    translator = _ReadingTranslator(backbone, labels=False)
    [result] = translator.translate([line])
    assert result.text == expected


def test_only_lines_in_title_case_decoded_without_memory_or_terms_are_read_again(backbone):
    translator = _ReadingTranslator(backbone, labels=False)
    units = [
        Unit(0, "import bookmarks", titled="Import bookmarks"),
        Unit(1, "import bookmarks", titled="Import bookmarks"),  # decoded with memory
        Unit(2, "import bookmarks"),  # not in title case
    ]
    outputs = ["importierende Lesezeichen"] * 3
    encoded = translator.encode([unit.text for unit in units])
    assert read_both_ways(translator, units, encoded, outputs, skip={1}) == {0}
    assert outputs == ["Lesezeichen importieren", *["importierende Lesezeichen"] * 2]


class _SteeredReadingTranslator(_ReadingTranslator):
    """:class:`_ReadingTranslator` that writes the informal form where decoding is steered."""

    def encode(self, texts, segments=None):  # as long as a source whose output fits the limit
        return [[*ids, *[0] * 30] for ids in super().encode(texts, segments)]

    def decode(self, batch, state=None):
        from ltmt.address_steering import AddressPenalty

        texts = super().decode(batch, state)
        if isinstance(state, AddressPenalty):
            return [{"Ihre Kontoeinstellungen": "Deine Kontoeinstellungen"}[t] for t in texts]
        return texts


def test_the_first_capital_reading_is_steered_to_the_form_asked(backbone, monkeypatch):
    """Session 72: ``Delete Your Account`` under --formality du came back ``Löschen Sie Ihren
    Benutzerzugang``, the first-capital reading decoded unsteered."""
    monkeypatch.setitem(READINGS, "your account settings", "Kontoeinstellungen")
    monkeypatch.setitem(READINGS, "Your account settings", "Ihre Kontoeinstellungen")
    monkeypatch.setitem(LIKELIHOOD, "Kontoeinstellungen", -0.9)
    monkeypatch.setitem(LIKELIHOOD, "Ihre Kontoeinstellungen", -0.2)
    monkeypatch.setitem(LIKELIHOOD, "Deine Kontoeinstellungen", -0.2)
    translator = _SteeredReadingTranslator(backbone, labels=False, formality="du")
    units = [Unit(0, "your account settings", titled="Your account settings")]
    outputs = ["Kontoeinstellungen"]
    encoded = translator.encode([unit.text for unit in units])
    assert read_both_ways(translator, units, encoded, outputs, skip=set()) == {0}
    assert outputs == ["Deine Kontoeinstellungen"]


@pytest.mark.parametrize("engine", ["torch", "auto"])
def test_a_real_decoder_reads_a_title_case_line_both_ways(backbone, engine, caplog):
    """The tiny random model's translations mean nothing: the second reading runs and scores on
    either engine (CTranslate2's scoring, or the torch pass)."""
    import logging

    translator = Translator(backbone, engine=engine, beam=2, labels=False)
    with caplog.at_level(logging.INFO, logger="ltmt.title_case"):
        [result] = translator.translate(["Trash is Empty"])
    assert result.method == "model"
    assert "title case: 1 line read with a first capital too" in caplog.text


def _into(translator: Translator, language: str) -> Translator:
    translator.line_forms = replace(translator.line_forms, target_language=language)
    return translator


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Add a Column", "de", "Eine Spalte hinzufügen"),  # a command: its verb last
        ("Add a Column", "de-AT", "Eine Spalte hinzufügen"),
        ("Remote Locations", "de", "Entfernte Orte"),  # no command: the likelier reading
        ("Add a Column", "fr", "Fügt eine Spalte hinzu"),  # not a language of verbs last
    ],
)
def test_into_german_a_command_is_read_with_its_verb_last(backbone, line, language, expected):
    translator = _into(_ReadingTranslator(backbone, labels=False), language)
    [result] = translator.translate([line])
    assert result.text == expected


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("Import Bookmarks", True),
        ("Open in New Tab", True),
        ("Add to Favorites…", True),
        ("Remove %s from List", True),
        ("Remote Locations", False),  # an adjective
        ("Advanced Options", False),
        ("Trashing Files", False),  # an action going on, not a command
        ("For Components", False),
        ("%s Files", False),
    ],
)
def test_a_command_is_a_line_that_starts_with_a_verb(line, command):
    assert is_command(line) is command


@pytest.mark.parametrize(
    ("text", "infinitive"),
    [
        ("Lesezeichen importieren", True),
        ("Als gelesen markieren", True),
        ("Ordner ändern", True),
        ("Zu Favoriten hinzuzufügen", True),
        ("Importierende Lesezeichen", False),  # an adjective before a noun
        ("fügt eine Spalte hinzu", False),
        ("Datei kann nicht geöffnet werden", False),  # an auxiliary
        ("Nach oben", False),  # an adverb
        ("speichern", False),  # one word: the line alone says nothing of its form
        ("%s öffnen", False),
    ],
)
def test_a_german_command_ends_in_the_infinitive(text, infinitive):
    assert ends_in_infinitive(text) is infinitive
