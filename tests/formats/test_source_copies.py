"""Which translations that nothing marks as a person's are their source copied by a tool
(untranslated), and which copies are kept as a translator's English."""

from __future__ import annotations

import pytest

from ltmt.formats.source_copies import kept_copies, tool_copies

# tx pull --mode sourceastranslation: one string translated, three English (trial s73)
_FALLBACK = {
    "welcome": ("Welcome to Acme, {name}!", "Willkommen bei Acme, {name}!"),
    "reset": ("Reset your Acme password", "Reset your Acme password"),
    "choose": ("Choose a new password", "Choose a new password"),
    "ignore": ("If you didn't request this, ignore it.", "If you didn't request this, ignore it."),
}
# a reviewer's translation that keeps its terms in English
_REVIEWED = {
    "terms": ("Terms of Service", "Terms of Service"),
    "chat": ("Live Chat", "Live Chat"),
    "save": ("Save changes", "Änderungen speichern"),
    "help": ("Help Center", "Hilfe-Center"),
}
# a tool's copy of the whole source file (Okapi Tikal, PrestaShop's en-US catalog)
_ALL_COPIED = {
    "cart": ("Add to cart", "Add to cart"),
    "subtotal": ("Subtotal", "Subtotal"),
    "brand": ("GitHub", "GitHub"),
    "empty": ("Nothing here", ""),
}


@pytest.mark.parametrize(
    ("pairs", "untranslated", "kept"),
    [
        (_FALLBACK, [], ["reset", "choose", "ignore"]),
        (_REVIEWED, [], ["terms", "chat"]),
        # a lone word copied too (no translator chose it), not a name
        (_ALL_COPIED, ["cart", "subtotal"], []),
        # nine in ten of the strings of two words or more: the lone word is kept
        (
            {
                **{f"k{i}": (f"Line number {i}", f"Line number {i}") for i in range(9)},
                "ok": ("Save", "Speichern"),
                "x": ("Open it", "Öffnen"),
                "menu": ("Menu", "Menu"),
            },
            [f"k{i}" for i in range(9)],
            [],
        ),
        ({}, [], []),
    ],
)
def test_tool_copies_and_copies_kept(
    pairs: dict[str, tuple[str, str]], untranslated: list[str], kept: list[str]
) -> None:
    found = tool_copies(pairs)
    assert found == untranslated
    assert kept_copies(pairs, found) == kept
