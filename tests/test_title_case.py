"""Lines in title case read both ways (ltmt.title_case): the likelier translation is kept."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ltmt import Translator
from ltmt.model.backbone import load_backbone
from ltmt.title_case import read_both_ways
from ltmt.units import Unit

READINGS = {
    "import bookmarks": "importierende Lesezeichen",
    "Import bookmarks": "Lesezeichen importieren",
    "close document": "Dokument schließen",
    "Close document": "Close-Dokument",
}
# how likely the model finds each output, whatever the reading
LIKELIHOOD = {
    "Lesezeichen importieren": -0.2,
    "importierende Lesezeichen": -0.9,
    "Dokument schließen": -0.3,
    "Close-Dokument": -1.5,
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
