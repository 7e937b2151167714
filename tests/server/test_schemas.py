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
