"""The pair a glossary import names, checked against the pair the user is translated in."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.terminology.glossary_pair import check_glossary_pair


@pytest.mark.parametrize(
    ("pair", "memory_pair", "model_pair"),
    [
        (("en", "de"), None, ("en", "de")),
        (("en-US", "de-AT"), ("en", "de"), ("en", "de")),
        (("en", "fr"), None, ("en", "de")),  # a memory-less user may have a --model of en → fr
        (("de", "en"), ("de", "en"), ("en", "de")),  # a de → en memory: a de → en glossary
        (("de", "en"), None, None),  # no pair known: nothing to check against
    ],
)
def test_the_pair_the_user_is_translated_in_is_imported(
    pair: tuple[str, str],
    memory_pair: tuple[str, str] | None,
    model_pair: tuple[str, str] | None,
) -> None:
    assert check_glossary_pair(pair, "mt", memory_pair, model_pair) is None


@pytest.mark.parametrize(
    ("pair", "memory_pair", "message"),
    [
        (
            ("de", "en"),
            None,
            "--src-lang de --tgt-lang en is the reverse of mt's translations, en → de (the "
            "default model's pair): give --src-lang en --tgt-lang de (they pick which of the "
            "file's languages gives the source terms, whatever its own source language); "
            "nothing was imported",
        ),
        (
            ("de-DE", "en"),
            ("en", "de"),
            "--src-lang de-DE --tgt-lang en is the reverse of mt's translations, en → de (its "
            "memory's pair): give --src-lang en --tgt-lang de (they pick which of the file's "
            "languages gives the source terms, whatever its own source language); nothing was "
            "imported",
        ),
        (
            ("en", "fr"),
            ("en", "de"),
            "--src-lang en --tgt-lang fr is not the pair of mt's translations, en → de (its "
            "memory's pair), which its glossary is used in: give --src-lang en --tgt-lang de, "
            "or import the en → fr glossary into another user; nothing was imported",
        ),
    ],
)
def test_another_pair_is_refused_with_the_options_to_give(
    pair: tuple[str, str], memory_pair: tuple[str, str] | None, message: str
) -> None:
    """Trial tbx, session 72: a German-first termbase imported with --src-lang de --tgt-lang en
    stored 'Span → chip' in an en → de glossary, and English 'span' became 'chip'."""
    with pytest.raises(InputError) as error:
        check_glossary_pair(pair, "mt", memory_pair, ("en", "de"))
    assert str(error.value) == message
