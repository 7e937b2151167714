"""A JSON catalog's key bindings: a value a program parses as a key combination, kept as
written.

An Electron app keeps its menu's accelerators among its strings
(``"devToolsAccelerator": "Ctrl+Shift+I"``, ``"deleteNoteAccelerator": "Shift+Delete"``).
A line of key combinations alone gets the target language's key names
(:mod:`ltmt.key_combinations`: ``Strg+Umschalt+I``), right where people read it and wrong
where Electron parses it: it knows ``Ctrl``, ``Shift``, ``Delete`` alone, and the menu item
lost its shortcut without a word. A value is such a binding where its own key names one
(``accelerator``, ``shortcut``, ``hotkey``, ``keybinding``, in any case and anywhere in the
name: ``devToolsAccelerator``, ``save_shortcut``; in a flat name, its last part after a ``.``
or ``/``) and the value is one key combination (``Ctrl+Shift+I``, ``ctrl+shift+i``) or one
function key (``F11``) and nothing else; another key alone is a word too (an Android launcher
shortcut's ``"shortcut_home": "Home"`` is a label). A key above it does not count (a help page's
``"shortcuts": {"save": "Ctrl+S"}`` may be shown to people, in German as ``Strg+S``), nor
does a value with words or several combinations (``Ctrl+Y, Ctrl+Shift+Z``). A combination
written in names only programs use (Electron's ``CmdOrCtrl``) was kept so already, under
any key.

Only a JSON catalog's are (:func:`ltmt.formats.json_identifiers.kept_as_written`), where
Electron's live: Android's ``strings.xml``, Java's ``.properties``, Apple's ``.strings``, Rails'
YAML, TOML and Joomla's INI show theirs to people (``shortcut_new_task: Ctrl+N``, in German
``Strg+N``; regression trial s72: they were left out of the output or kept as ``Ctrl+K``).
"""

from __future__ import annotations

import re

from ltmt.key_combinations import COMBINATION

# a key's name that says its value is a key binding (devToolsAccelerator, save_shortcut)
_BINDING_NAME = re.compile(r"accelerator|shortcut|hot_?key|key_?binding", re.IGNORECASE)
# one combination or one function key alone, in any case (Electron reads ctrl+shift+i too)
_ONE_BINDING = re.compile(
    rf"[ \t]*(?:{COMBINATION.pattern}|F(?:[1-9]|1\d|2[0-4]))[ \t]*", re.IGNORECASE
)


def names_key_binding(key: str | int | None) -> bool:
    """Whether ``key``, a value's own key (a flat name's last part after ``.`` or ``/``),
    names a key binding (module docstring)."""
    if not isinstance(key, str):
        return False
    own = re.split(r"[./]", key)[-1]
    return _BINDING_NAME.search(own) is not None


def is_key_binding(text: str, key: str | int | None) -> bool:
    """Whether ``text``, the value of ``key``, is a key binding a program parses: one key
    combination or one function key alone under a key that names a binding (module docstring)."""
    return names_key_binding(key) and _ONE_BINDING.fullmatch(text) is not None
