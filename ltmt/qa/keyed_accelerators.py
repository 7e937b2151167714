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
"""

from __future__ import annotations

from collections.abc import Sequence

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
    for record in records:
        name = str(record.metadata.get("context", ""))
        group = _group(name) if record.metadata.get("context_is_key") else ""
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
