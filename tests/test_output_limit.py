"""Outputs that ran to the decoder's length limit: counted again in the model's tokens."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ltmt.model.decode import DecodeConfig
from ltmt.output_limit import LIMIT_MARGIN, unfinished_outputs


def _translator(config: DecodeConfig) -> SimpleNamespace:
    """The translator's two parts the check reads: a word is a token here."""
    return SimpleNamespace(
        decode_config=config, output_ids=lambda texts: [text.split() for text in texts]
    )


@pytest.mark.parametrize(
    ("source_tokens", "output_tokens", "unfinished"),
    [
        (10, 25, True),  # the limit: 1.5 * 10 + 10
        (10, 25 - LIMIT_MARGIN, True),  # counted again, a token or two shorter
        (10, 25 - LIMIT_MARGIN - 1, False),
        (10, 0, False),  # an empty output ended at once
        (200, 256, True),  # the limit is at most max_len
        (200, 250, False),
    ],
)
def test_an_output_is_unfinished_when_it_reaches_its_sources_limit(
    source_tokens, output_tokens, unfinished
):
    translator = _translator(DecodeConfig(max_len=256))
    output = " ".join(["Wort"] * output_tokens)
    assert unfinished_outputs(translator, [[0] * source_tokens], [output]) == [unfinished]


def test_the_length_limit_is_the_decoders():
    config = DecodeConfig(max_len_a=1.5, max_len_b=10, max_len=256)
    assert [config.length_limit(n) for n in (1, 10, 121, 200)] == [11, 25, 191, 256]
