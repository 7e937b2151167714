"""The server's answer for one translation (ltmt.server.schemas.TranslationOut)."""

from __future__ import annotations

import pytest

from ltmt.segments import Match, Segment, Translation
from ltmt.server.schemas import TranslationOut
from ltmt.spelling import dictionary_for


@pytest.mark.skipif(
    dictionary_for("de") is None, reason="needs pyenchant, libenchant-2-2 and hunspell-de-de"
)
def test_a_translation_names_the_words_no_dictionary_knows():
    stored = Match(Segment(1, "u1", "Show categories", "Kategories anzeigen", 0.0, "api"), 80.0)
    out = TranslationOut.of(
        Translation("Categories", "Kategories", (), "model", target_language="de")
    )
    assert out.unknown_words == ["Kategories"]
    # the memory's words are the user's own; a reused translation is not checked
    fused = Translation(
        "Hide categories", "Kategories verbergen", (stored,), "knn", target_language="de"
    )
    exact = Translation("Categories", "Kategories", (stored,), "exact", target_language="de")
    assert TranslationOut.of(fused).unknown_words == []
    assert TranslationOut.of(exact).unknown_words == []
    # no dictionary for the language: nothing named
    other = Translation("Categories", "Kategories", (), "model", target_language="xx")
    assert TranslationOut.of(other).unknown_words == []


def test_a_segment_names_the_english_words_left_in_it():
    out = TranslationOut.of(Translation("Line two", "Line zwei", (), "model", target_language="de"))
    assert out.english_words == ["Line"]


def test_a_segment_carries_every_flag_a_translation_has():
    """``/v1/translate``'s segments lacked ``cut``, ``unfinished``, ``pieces``,
    ``sentences_lost`` and ``numbers_not_repairable``, and neither said a segment was left as
    in the source (``copied``): the answer now carries each flag of the Translation."""
    from dataclasses import fields

    flags = {f.name for f in fields(Translation) if f.type in ("bool", "int")} - {"by_sentence"}
    assert flags | {"copied", "unknown_words", "english_words"} <= set(TranslationOut.model_fields)
    translation = Translation(
        "Open the file",
        "Open the file",
        method="model",
        pieces=2,
        cut=True,
        unfinished=True,
        sentences_lost=True,
        negation_lost=True,
        numbers_not_repairable=True,
    )
    out = TranslationOut.of(translation).model_dump()
    for name in flags | {"copied"}:
        assert out[name] == getattr(translation, name), name
    assert out["copied"] is True and out["pieces"] == 2
