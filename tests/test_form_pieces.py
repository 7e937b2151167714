"""The Translator's hook for SmartFormat plurals and choices (:mod:`ltmt.form_pieces`): a text
with a 100 % memory match is that match, and the translator is never entered again for it."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.form_pieces import translate_by_forms
from ltmt.memory.store import Memory
from ltmt.model.backbone import load_backbone
from ltmt.segments import Translation
from ltmt.terminology.terms import Term
from ltmt.translator import Translator

GEMS = "{count:plural:{} gem|{} gems}"
GEMS_DE = "{count:plural:{} Edelstein|{} Edelsteine}"
LIVES = "You have {lives:plural:one life|{} lives} left."
LIVES_DE = "Du hast noch {lives:plural:ein Leben|{} Leben}."
GENDER = "{0:choose(1|2):He|She} will forge your sword."
GENDER_DE = "{0:choose(1|2):Er|Sie} schmiedet dein Schwert."


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


@pytest.fixture
def translator(backbone, tmp_path):
    with Memory(tmp_path / "store") as memory:
        for source, target in [(GEMS, GEMS_DE), (LIVES, LIVES_DE), (GENDER, GENDER_DE)]:
            memory.add("game", source, target)
        with Translator(backbone, memory, beam=1) as translator:
            yield translator


@pytest.mark.parametrize("fit", [True, False])
def test_a_forms_text_with_a_full_memory_match_is_the_match(translator, fit: bool) -> None:
    """Reported: ``translate`` → ``translate_by_forms`` → ``translate`` … until RecursionError
    for a Smart String whose 100 % match the memory holds (a reviewed table imported)."""
    texts = [GEMS, LIVES, GENDER]
    results = translator.translate(texts, "game", fit=fit)
    assert [(r.source, r.text, r.method) for r in results] == [
        (GEMS, GEMS_DE, "exact"),
        (LIVES, LIVES_DE, "exact"),
        (GENDER, GENDER_DE, "exact"),
    ]
    assert all(r.matches[0].score == 100 for r in results)


def test_beside_texts_translated_form_by_form_and_plain_ones(translator) -> None:
    other = "You have {count:plural:one item|{} items}."
    texts = [other, LIVES, "open the file"]
    done: list[int] = []
    results = translator.translate(texts, "game", progress=done.append)
    assert [r.source for r in results] == texts
    assert (results[1].text, results[1].method) == (LIVES_DE, "exact")
    assert results[0].text.count("{count:plural:") == 1 and results[0].method != "exact"
    assert results[0].text == translator.translate([other], "game")[0].text
    assert results[2].text == translator.translate(["open the file"], "game")[0].text
    assert sum(done) == len(texts)


def test_a_match_is_finished_by_the_translator_and_never_translated_again(translator) -> None:
    sent: list[list[str]] = []
    finished: list[tuple[list[str], list[Term] | None]] = []
    real = translator.translate

    def spying(texts: list[str], *args: Any, **kwargs: Any) -> list[Translation]:
        sent.append(list(texts))
        return real(texts, *args, **kwargs)

    def finish(reused: list[Translation], terms: list[Term] | None) -> list[Translation]:
        finished.append(([t.source for t in reused], terms))
        return [Translation(t.source, t.text + " (finished)", t.matches, t.method) for t in reused]

    translator.translate = spying
    glossary = [Term("gem", "Edelstein")]
    results = translate_by_forms(
        translator, [LIVES, "open the file"], "game", None, glossary, True, finish
    )
    assert results is not None
    assert results[0].text == LIVES_DE + " (finished)"
    assert finished == [([LIVES], glossary)]
    assert sent == [["open the file"]]  # the matched text is not handed back
