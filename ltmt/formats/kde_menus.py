"""Which entries of a KDE PO catalog are items of one menu, so that a shared ``&`` accelerator is
one key for two of them (``&Save`` → ``&Speichern``, ``Save &As…`` → ``&Speichern unter…``:
Alt+S twice).

KDE's ``i18nc`` contexts name what a message is (KUIT's context markers): ``@action:inmenu``
is a menu item, and the words after the marker name its menu (``@action:inmenu File``). The
items of one named menu are one group; those marked ``@action:inmenu`` alone are grouped by the
source file of their first ``#:`` location, as Qt files group theirs by ``<context>``
(:func:`ltmt.formats.qt_ts.accelerators_shared`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# KUIT's context marker of a menu item: @action:inmenu, with a format (/plain) and the menu's name
_IN_MENU = re.compile(r"@action:inmenu(?:/\w+)?(?:\s+(?P<menu>.*\S))?\s*$")


def menu_group(context: str, locations: Iterable[str]) -> str | None:
    """The menu a PO entry of ``context`` (its ``msgctxt``) and ``locations`` (its ``#:``
    references) is an item of: ``@action:inmenu File`` where the context names it, the first
    location's file (``@action:inmenu src/main.cpp``) where it does not; ``None`` for an entry
    that is no menu item, or one without a location and a menu's name."""
    found = _IN_MENU.match(context.strip())
    if found is None:
        return None
    if found.group("menu"):
        return f"@action:inmenu {found.group('menu')}"
    for location in locations:
        filename = location.rpartition(":")[0] or location
        if filename:
            return f"@action:inmenu {filename}"
    return None


def menu_accelerators_shared(
    store: Any, path: Path, include_fuzzy: bool = True
) -> list[tuple[str, str, str, str, str, str]]:
    """The translated entries of the PO catalog ``store`` (translate-toolkit's, read from
    ``path``) whose translation's ``&`` accelerator an earlier item of their menu
    (:func:`menu_group`) has too, where their sources' accelerators differ: each as
    ``(position, source, target, key, other, menu)``, ``other`` the nearest such earlier
    entry's position (``entry 1``). ``include_fuzzy``: fuzzy entries too."""
    from ltmt.accelerators import find_accelerator

    # (menu, key) -> (source key, position) of each earlier entry with it
    taken: dict[tuple[str, str], list[tuple[str, str]]] = {}
    found = []
    for number, unit in enumerate(store.units):
        if unit.isheader() or unit.isobsolete() or unit.hasplural() or not unit.target:
            continue
        if unit.isfuzzy() and not include_fuzzy:
            continue
        menu = menu_group(unit.getcontext() or "", unit.getlocations())
        if menu is None:
            continue
        source, target = str(unit.source), str(unit.target)
        source_key, target_key = (find_accelerator(t, ("&",))[1] for t in (source, target))
        if source_key is None or target_key is None:
            continue
        where = (menu, target_key.key.casefold())
        position = f"{path}: entry {number}"
        clash = [other for key, other in taken.get(where, []) if key != source_key.key.casefold()]
        if clash:
            other = clash[-1].rsplit(": ", 1)[-1]
            found.append((position, source, target, target_key.key, other, menu))
        taken.setdefault(where, []).append((source_key.key.casefold(), position))
    return found
