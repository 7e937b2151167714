"""A single key a text tells its reader to press (``Press E to open the chest.``, ``hold
[F]``, ``press <Enter>``), and a translation that lost it.

The default model dropped a game's key prompt's key: ``Press E to open the chest.`` came out as
``Drucken, um die Brust zu öffnen.``, and ``ltmt qa``'s ``keys`` check, which read only key
combinations (``Ctrl+S``: :mod:`ltmt.key_combinations`), said nothing (a game localisation
trial, session 77). :func:`lost_pressed_keys` is that check's for a key alone: one a verb of
pressing names (press, hold, tap, hit, release), a capital letter, a digit, a function key or
a named key, that the translation does not write as a word of its own, as written or by its
German name (``Eingabetaste`` for ``Enter``). On the 57,396 l10n reference pairs it flags none
(by hand, session 77; 12 keys pressed).

:func:`pressed_key_spans` sets such a key aside for the model, as a combination is
(:func:`ltmt.key_combinations.combination_spans`): a tag the placeholder repair puts back where
the model drops it, named as the target language's keyboards name it (``Leertaste``).
"""

from __future__ import annotations

import re

from ltmt.key_combinations import renderings, written

# a verb of pressing and the one key after it, in brackets or not; not a combination's first
# key (Press Ctrl+S: the key combinations' check)
PRESSED_KEY = re.compile(
    r"\b(?:[Pp]ress(?:ing)?|[Hh]old(?:ing)?(?: down)?|[Tt]ap|[Hh]it|[Rr]elease)\s+[\[<]?"
    r"(?P<key>[A-Z0-9]|F(?:1[0-2]|[1-9])|Space|Esc|Escape|Enter|Return|Tab|Shift|Backspace|"
    r"Delete|LMB|RMB)[\]>]?(?![\w+])"
)
# German names of keys that renderings() writes as the English do
_GERMAN_NAMES = {
    "Enter": ("Eingabetaste", "Eingabe", "Return"),
    "Return": ("Eingabetaste", "Eingabe", "Enter"),
    "Esc": ("Escape",),
    "Escape": ("Esc",),
    "Delete": ("Entf", "Entfernen"),
    "Backspace": ("Rücktaste",),
    "Shift": ("Umschalt", "Umschalttaste"),
    "Tab": ("Tabulator", "Tabulatortaste"),
    "LMB": ("linke Maustaste", "LMT"),
    "RMB": ("rechte Maustaste", "RMT"),
}


def pressed_keys(text: str) -> list[str]:
    """The keys ``text`` tells its reader to press, one each time it says it (module
    docstring)."""
    return [found.group("key") for found in PRESSED_KEY.finditer(text)]


def pressed_key_spans(text: str, language: str) -> list[tuple[int, int, str]]:
    """``(start, end, written)`` of each key ``text`` tells its reader to press (the key alone,
    not its verb or brackets), ``written`` for ``language``
    (:func:`ltmt.key_combinations.written`); not a key notation in angle brackets (vim's
    ``<Space>``, which vim's German catalog keeps and the model copies), nor a digit, left to
    the number repair: it may be a number's start (``Release 2.0``, ``hit 5 enemies``)."""
    spans = []
    for found in PRESSED_KEY.finditer(text):
        start, end = found.span("key")
        if found.group("key").isdigit():
            continue
        if text[start - 1 : start] == "<" and text[end : end + 1] == ">":
            # a key notation (vim's <Space>, which its German catalog keeps): the model copies
            # it; set aside as a tag it wrote a match's <Enter> beside it (the dev benchmark)
            continue
        spans.append((start, end, written(found.group("key"), language)))
    return spans


def lost_pressed_keys(source: str, target: str) -> list[str]:
    """The keys of ``source`` to press (:func:`pressed_keys`) that ``target`` writes nowhere as
    a word of its own, as written or by a German name, once each."""
    lost: list[str] = []
    for key in pressed_keys(source):
        names = {*renderings(key), *_GERMAN_NAMES.get(key, ())}
        written = any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", target) for name in names)
        if not written and key not in lost:
            lost.append(key)
    return lost
