"""One accelerator for two items of one menu in a keyed catalog (.resx, JSON, YAML ...).

A WPF or Windows Forms menu names its items' strings with one prefix (``FileMenu_New``,
``FileMenu_Save``, ``FileMenu_SaveAs``); a translation that gives two of them one key
(``_Speichern``, ``_Speichern unter...``: Alt+S twice) lets one of them be reached by the
keyboard no more. Qt files group their messages by ``<context>``
(:func:`ltmt.formats.qt_ts.accelerators_shared`); a keyed catalog's strings are grouped by
their key up to its last ``_`` or ``.`` (``FileMenu_``, ``menu.file.``), or ``/`` in a nested
JSON file's pointer (i18next's ``/menu/file/newNote``: the strings of one object are one menu,
as ``menu.file.newNote`` written flat), and a letter two of a group's translations mark is a
note where their sources' keys differ.

A menu bar's keys may name its menus' items by the menu's key and more letters
(``Menu_File``, ``Menu_FileOpen``, ``Menu_FileExit``, ``Menu_Edit``): where a key's last part
extends that of a sibling that two or more keys extend, and its source does not begin with
that sibling's (``Exit`` for ``File``), it is an item of the sibling's submenu
(``Menu_File...``), and ``&Bearbeiten`` on the bar beside ``&Beenden`` in the File menu is no
clash. ``FileMenu_Save``, ``FileMenu_SaveAs``, ``FileMenu_SaveAll`` stay one menu: their
sources begin with ``Save``, variants of one item; so does a sibling that one key extends
(``FileMenu_Print``, ``FileMenu_PrintSetup``: ``Page Setup`` may be the File menu's item).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from ltmt.accelerators import MARKERS, find_accelerator
from ltmt.qa.catalog_forms import FormProblem
from ltmt.segments import PairRecord

_SEPARATORS = "_."


def shared_key_accelerators(records: Sequence[PairRecord]) -> list[FormProblem]:
    """The translated strings of ``records`` (a keyed catalog's, read for ``ltmt qa``) whose
    accelerator an earlier string of their group has too, where the sources' differ (module
    docstring), as ``accelerator`` notes."""
    # (group, marker, target key) -> (source key, name) of each earlier string with it
    taken: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    found = []
    submenus = _submenus(records)
    for record in records:
        name = str(record.metadata.get("context", ""))
        group = submenus.get(name) or _keyed_group(record)
        if not group:
            continue
        source = find_accelerator(record.source, MARKERS)[1]
        target = find_accelerator(record.target, MARKERS)[1]
        if source is None or target is None or source.marker != target.marker:
            continue
        where = (group, target.marker, target.key.casefold())
        clash = [other for key, other in taken.get(where, []) if key != source.key.casefold()]
        if clash:
            found.append(
                FormProblem(
                    record.position,
                    record.source,
                    record.target,
                    f"its accelerator {target.marker}{target.key} is that of {clash[-1]} too, "
                    f"in one menu ({group}...) where the sources' differ: choose another letter",
                    "accelerator",
                    severity="note",
                )
            )
        taken.setdefault(where, []).append((source.key.casefold(), name))
    return found


def _group(name: str) -> str:
    """``name``'s group: up to its last ``_`` or ``.`` (``FileMenu_``), or ``/`` in a JSON
    pointer (``/menu/file/``; a ``/`` in a key is written ``~1`` there); "" where it has none
    (a top-level key: ``/newNote``)."""
    separators = _SEPARATORS + ("/" if name.startswith("/") else "")
    end = max(name.rfind(separator) for separator in separators)
    return name[: end + 1] if end > 0 else ""


def _keyed_group(record: PairRecord) -> str:
    """The group of ``record``'s key (:func:`_group`); "" where its name is no key."""
    return (
        _group(str(record.metadata.get("context", "")))
        if record.metadata.get("context_is_key")
        else ""
    )


def _submenus(records: Sequence[PairRecord]) -> dict[str, str]:
    """The group of each key of ``records`` that is an item of a sibling's submenu (module
    docstring): ``Menu_FileExit`` → ``Menu_File``."""
    # group -> the last part of each key in it -> its source without the accelerator's marker
    sources: dict[str, dict[str, str]] = {}
    for record in records:
        if group := _keyed_group(record):
            name = str(record.metadata["context"])
            plain = find_accelerator(record.source, MARKERS)[0].strip().casefold()
            sources.setdefault(group, {})[name[len(group) :]] = plain
    submenus: dict[str, str] = {}
    for group, parts in sources.items():
        ordered = sorted(parts)  # the keys that extend one follow it
        for parent in sorted(parts, key=len):  # the longest sibling it extends is its menu's
            extenders = list(_extending(ordered, parent))
            if not parent or len(extenders) < 2:
                continue
            for part in extenders:
                if not parts[part].startswith(parts[parent]):
                    submenus[group + part] = group + parent
    return submenus


def _extending(ordered: list[str], part: str) -> Iterator[str]:
    """The strings of ``ordered`` (sorted) that begin with ``part`` and are longer: they
    follow it, so a catalog's thousands of keys are not each compared with each."""
    for other in ordered[bisect.bisect_right(ordered, part) :]:
        if not other.startswith(part):
            return
        yield other
