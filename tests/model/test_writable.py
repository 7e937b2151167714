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
        ("\u2011", False),  # folded into U+2010, which ltmt.folded_characters turns back
        # NFKC folds them into other characters than ASCII: the model wrote "Ş" for "¯"
        ("¯", True),
        ("µ", True),
        ("½", True),
        ("\u03bc", True),  # the Greek mu, µ's fold: read as µ (ltmt.model.writable.READ_AS_FOLDED)
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


@pytest.mark.parametrize(
    ("character", "unwritable"),
    [("¯", True), ("µ", True), ("½", True), ("é", False), ("…", False), ("\u2011", False)],
)
def test_a_character_nfkc_folds_into_other_characters_than_ascii_is_unwritable(
    character: str, unwritable: bool
) -> None:
    # a vocabulary with a token for everything: "¯" is a space and a combining macron to the
    # model, which it wrote as "Ş"; µ (micro) it writes as μ (Greek mu) at best
    def tokenizer(text_target: str, add_special_tokens: bool) -> dict[str, list[int]]:
        return {"input_ids": [5] * len(text_target)}

    tokenizer.unk_token_id = 1  # type: ignore[attr-defined]
    assert UnwritableCharacters(tokenizer)(character) is unwritable


@pytest.mark.parametrize(
    ("character", "unwritable"), [("\u03bc", True), ("β", False), ("m", False)]
)
def test_the_greek_mu_is_unwritable_as_the_micro_sign_though_the_vocabulary_has_a_token(
    character: str, unwritable: bool
) -> None:
    # the shipped model has a token for μ and garbled it (0.2 μm -> 0.2 Kopfzeilen); other Greek
    # letters it has a token for are written
    def tokenizer(text_target: str, add_special_tokens: bool) -> dict[str, list[int]]:
        return {"input_ids": [5] * len(text_target)}

    tokenizer.unk_token_id = 1  # type: ignore[attr-defined]
    assert UnwritableCharacters(tokenizer)(character) is unwritable
