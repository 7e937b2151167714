"""Key combinations in a line (``Ctrl+S``, ``Shift+Tab``, ``CmdOrCtrl+Shift+F``): kept whole,
their keys named as the target language's keyboards name them.

The shipped model garbles them: ``Press Ctrl+S to save`` → ``Druck-Taste+S-Taste zum
Speichern``, ``Press Alt+F4 to close the window`` → ``Fenster-Taste+F4 ...``, Firefox's
``CmdOrCtrl+Shift+R`` → ``CmdOrCtrg+ Umschalttaste+ Umschalttaste+ ...``. A combination (one
or more modifiers joined by ``+`` to a key) goes to the model as a tag, as a pictograph does
(:func:`ltmt.pictographs.set_aside`), and comes back with its keys named in the target
language (:data:`KEY_NAMES`: German's ``Strg``, ``Umschalt``, ``Entf``, ``Einfg``, ``Pos1``,
``Ende``, ``Leertaste``, ``Rücktaste``, as KDE's and Qt's German name them; ``Alt``, ``Tab``,
``Esc``, ``Enter``, letters and function keys as written), or as written into another
language and where it is a key identifier that code parses (Electron's ``CmdOrCtrl``:
Firefox's "Do not localize "CmdOrCtrl+Shift+F" ... These are key identifiers"). A line made
of combinations alone gets them so without the model. Hyphenated forms (vim's ``CTRL-A``,
``Ctrl-C``) are left to the model: vim's German keeps them.
"""

from __future__ import annotations

import re

from ltmt.formats.common import primary_language

# the key names of a target language's keyboards, by the English names a source writes
KEY_NAMES: dict[str, dict[str, str]] = {
    "de": {
        "Ctrl": "Strg",
        "CTRL": "STRG",
        "Control": "Strg",
        "Shift": "Umschalt",
        "SHIFT": "UMSCHALT",
        "Del": "Entf",
        "Delete": "Entf",
        "Ins": "Einfg",
        "Insert": "Einfg",
        "Home": "Pos1",
        "End": "Ende",
        "Space": "Leertaste",
        "Backspace": "Rücktaste",
    },
}


def english_key_names(translation: str, source: str, language: str = "de") -> str:
    """``translation`` with each of ``language``'s key names that hold a digit (German's
    ``Pos1``) written as the English name ``source`` has (``Home``): a number check reading
    ``Strg+Pos1`` for ``Ctrl+Home`` found a 1 the source does not have."""
    for english, name in KEY_NAMES.get(language, {}).items():
        if any(c.isdigit() for c in name) and re.search(rf"\b{english}\b", source):
            translation = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", english, translation)
    return translation


# in a combination, a name code parses: the combination is written as it is
IDENTIFIERS = ("CmdOrCtrl", "CommandOrControl")

_MODIFIERS = (
    "CmdOrCtrl|CommandOrControl|Ctrl|CTRL|Control|Shift|SHIFT|AltGr|Alt|ALT|Cmd|Command|"
    "Option|Opt|Meta|Super|Win|Fn|Strg|STRG|Umschalttaste|Umschalt|UMSCHALT"
)
_KEYS = (
    r"F\d{1,2}|Tab|Esc|Escape|Enter|Return|Space|Backspace|Delete|Del|Insert|Ins|Home|End|"
    r"PgUp|PgDn|PageUp|PageDown|ArrowUp|ArrowDown|ArrowLeft|ArrowRight|"
    r"Plus|Minus|Entf|Einfg|Pos1|Ende|Leertaste|Rücktaste|" + _MODIFIERS
)
# what joins a combination's keys: a plus, with a space either side at most (also between
# marked keys: <kbd>Ctrl</kbd>+<kbd>S</kbd>, paired_tags and markdown_shortcodes)
KEY_JOIN = r"[ ]?\+[ ]?"
# a combination starts a word, or follows a tab written as an escape (.rc's "&New\tCtrl+N")
COMBINATION = re.compile(
    rf"(?:(?<![\w+])|(?<=\\t))(?:{_MODIFIERS})(?:{KEY_JOIN}(?:{_MODIFIERS}))*{KEY_JOIN}"
    rf"(?:(?:{_KEYS})(?![\w])|[A-Za-z0-9](?![\w])|[-=\[\];',./\\`*+](?![\w+]))"
)
# a tab written as an escape before a line's shortcut at its end, a combination or a function
# key (.rc menus and C sources: "&New\tCtrl+N", "Find &Next\tF3"): a column's edge as a real
# tab's (:func:`ltmt.units.split_segment`), so that the model does not read "\tCtrl" as one word
ESCAPED_TAB = re.compile(
    rf"[ \t]*\\t[ \t]*(?=(?:{COMBINATION.pattern}|F(?:[1-9]|1\d|2[0-4])(?![\w+]))[ \t]*$)"
)
# the same before a key alone ("&Delete\tDel"): a shortcut only after a menu item's accelerator
# (:func:`escaped_tabs`); a label's "Confirm with:\tEnter" or "Location:\tHome" is text
_ESCAPED_TAB_KEY = re.compile(rf"[ \t]*\\t[ \t]*(?=(?:{_KEYS})(?![\w+])[ \t]*$)")
_NAME = re.compile(r"[A-Za-z]\w*")
# what may stand between the combinations of a line made of them alone (no word: ``or``
# would stay English)
_BETWEEN = re.compile(r"[\s,;/()|]*")


def escaped_tabs(line: str) -> list[tuple[int, int]]:
    """The spans of :data:`ESCAPED_TAB` in ``line``, and of a tab written as an escape before a
    key alone at its end where the text before it marks an ``&`` accelerator (a menu item's
    ``&Delete\\tDel``; not ``Confirm with:\\tEnter``, whose ``Enter`` the model translates)."""
    # here: the accelerators' module reads placeholders, whose AsciiDoc markup reads
    # :data:`COMBINATION` (a ``kbd:[Ctrl+S]``)
    from ltmt.accelerators import find_accelerator

    spans = [found.span() for found in ESCAPED_TAB.finditer(line)]
    found = None if spans else _ESCAPED_TAB_KEY.search(line)
    if found is not None and find_accelerator(line[: found.start()], ("&",))[1] is not None:
        spans.append(found.span())
    return spans


def written(combination: str, language: str) -> str:
    """``combination`` with its keys named as ``language``'s keyboards name them (as written
    where :data:`KEY_NAMES` has no table for it, or for a key identifier)."""
    names = KEY_NAMES.get(primary_language(language), {})
    if not names or any(name in combination for name in IDENTIFIERS):
        return combination
    return _NAME.sub(lambda name: names.get(name.group(), name.group()), combination)


def combination_spans(line: str, language: str) -> list[tuple[int, int, str]]:
    """``(start, end, written)`` of each key combination of ``line``, ``written`` for
    ``language`` (:func:`written`)."""
    return [(m.start(), m.end(), written(m.group(), language)) for m in COMBINATION.finditer(line)]


def only_combinations(line: str) -> bool:
    """Whether ``line`` is key combinations alone (with spaces, commas or slashes between)."""
    rest = COMBINATION.sub("", line)
    return rest != line and _BETWEEN.fullmatch(rest) is not None


def renderings(combination: str) -> set[str]:
    """The ways a translation may write ``combination``: as written, or with the key names of
    a language :data:`KEY_NAMES` has (a key identifier only as written)."""
    return {combination} | {written(combination, language) for language in KEY_NAMES}


def written_line(line: str, language: str) -> str:
    """``line`` with each of its key combinations as :func:`written` for ``language``."""
    return COMBINATION.sub(lambda found: written(found.group(), language), line)
