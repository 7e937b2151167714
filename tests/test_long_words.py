"""Words too long for the model go to it as tags and come back as written."""

from __future__ import annotations

import pytest

from ltmt.long_words import LONG_WORD, long_word_spans
from ltmt.model.backbone import load_backbone
from ltmt.translator import Translator

URL = "https://example.com/" + "x" * 1500


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"Download it from {URL} and run it.", [URL]),
        (f"The key is {'QUJD' * 40}.", ["QUJD" * 40]),  # the full stop stays the model's
        (f"({'a' * LONG_WORD})", ["(" + "a" * LONG_WORD]),  # a closing bracket is punctuation
        ("x" * (LONG_WORD - 1), []),
        ("Open the file and save it again.", []),
        ("日本語の文章" * 20, []),  # a script without spaces: its runs are sentences
    ],
)
def test_long_word_spans(line: str, expected: list[str]) -> None:
    assert [text for _, _, text in long_word_spans(line)] == expected
    assert all(line[start:end] == text for start, end, text in long_word_spans(line))


def test_a_word_longer_than_the_models_line_comes_back_whole(tiny_model_dir) -> None:
    # it was cut with the line at max_source_tokens, the rest of it and of the sentence lost
    translator = Translator(load_backbone(tiny_model_dir), beam=1)
    [result] = translator.translate([f"Download it from {URL} and then run the installer."])
    assert URL in result.text
    # the tiny model never ends a line: its output runs to the decoder's limit (unfinished,
    # which ``cut`` says too); no piece of the source was cut between words to fit
    assert result.unfinished and result.cut
