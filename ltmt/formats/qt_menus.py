"""Which messages of a Qt Linguist ``<context>`` are likely items of one menu, so that a shared
``&`` accelerator is one key for two of its items (:func:`ltmt.formats.qt_ts.accelerators_shared`).

A context is a class, which often has all its menus: the menu bar's ``&Datei`` and the File
menu's ``&Drucken...`` share D without a clash. Two messages are likely in one menu where
``lupdate``'s ``<location>`` elements put them in one file fewer than :data:`NEAR_LINES` lines
apart; where either message has no location, where they are consecutive in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# two strings of one file fewer lines apart than this are taken for items of one menu
NEAR_LINES = 10


@dataclass(frozen=True)
class Placed:
    """A message's ``index`` in its file (from 0) and its ``locations``: ``(file, line)``."""

    index: int
    locations: tuple[tuple[str, int], ...]


def placed(index: int, locations: Iterable[str]) -> Placed:
    """A message at ``index`` with ``locations`` as translate-toolkit gives them
    (``../src/mainwindow.ui:21``; one without a line number is left out)."""
    pairs = []
    for location in locations:
        filename, _, line = location.rpartition(":")
        if filename and line.isdigit():
            pairs.append((filename, int(line)))
    return Placed(index, tuple(pairs))


def likely_one_menu(first: Placed, second: Placed) -> bool:
    """Whether two messages of one context are likely items of one menu (module docstring)."""
    if not first.locations or not second.locations:
        return abs(first.index - second.index) == 1
    return any(
        one_file == other_file and abs(line - other_line) < NEAR_LINES
        for one_file, line in first.locations
        for other_file, other_line in second.locations
    )
