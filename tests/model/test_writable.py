"""Which characters a model can write, read from its tokenizer (the tiny test model's)."""

from __future__ import annotations

import pytest

from ltmt.model.writable import UnwritableCharacters


@pytest.mark.parametrize(
    ("character", "unwritable"),
    [
        ("é", True),  # no token in the tiny vocabulary
        ("€", True),
        ("ö", False),  # a token of its own
        ("ß", False),
        (".", False),  # ASCII is always written (the tiny vocabulary has no "." either)
        ("…", False),  # NFKC folds it into ASCII, which ltmt.folded_characters turns back
        ("\u00a0", False),
    ],
)
def test_a_character_without_a_token_is_unwritable(tiny_backbone, character, unwritable):
    assert UnwritableCharacters(tiny_backbone.tokenizer)(character) is unwritable


def test_each_character_is_encoded_once(tiny_backbone):
    calls = []
    tokenizer = tiny_backbone.tokenizer

    def counting(*args, **kwargs):
        calls.append(kwargs["text_target"])
        return tokenizer(*args, **kwargs)

    counting.unk_token_id = tokenizer.unk_token_id  # type: ignore[attr-defined]
    unwritable = UnwritableCharacters(counting)
    assert [unwritable(c) for c in "éé€é"] == [True, True, True, True]
    assert calls == ["é", "€"]
