"""The fuzzy PO entries that hold ltmt's own machine translation of their msgid now, marked for
review by an earlier run and unchanged since, as the record of what ltmt wrote there says
(:meth:`~ltmt.formats.output_sources.Record.wrote_marked_in_context`: its msgctxt, msgid, a
plural's msgid_plural and text as ltmt wrote them, marked: :data:`~ltmt.formats.output_sources.
MARKED`). The msgid alone is not the entry: msgmerge fills a new entry from another context's
translation of the same msgid (``ticket status|Open`` from ``action|Open``), a guess that fuzzy
review is for (regression trial s74: it was written unflagged as ltmt's own).

A fuzzy entry is otherwise a suggestion kept for review (msgmerge's translation of an older
msgid, or a translator's draft): only a 100 % memory match of its own context replaces it. One
of ltmt's own is no older msgid's: a rerun with ``--no-fuzzy`` writes it unflagged as it is,
the model not run (session 73: a Transifex user's rerun kept both entries fuzzy, and Transifex
and Weblate drop fuzzy entries on push), and a rerun that flags keeps it, said apart from the
suggestions of an older msgid. An entry whose msgid or msgstr changed since ltmt wrote it, or
that ltmt wrote unflagged and someone flagged since, is no such entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ltmt.formats.documents import Document, Unit
from ltmt.formats.entry_forms import FORM
from ltmt.formats.output_sources import FilledInPlace, Record


def own_suggestions(units: Sequence[Unit], held: Mapping[str, str], record: Record) -> set[str]:
    """The keys of those of ``units`` that are suggestions (:attr:`Unit.suggestion`) whose whole
    entry (a plural's every form among ``units``) holds in ``held`` (by unit key) the text that
    ``record`` says ltmt wrote marked for review for the unit's context and source (module
    docstring)."""
    entries: dict[str, list[Unit]] = {}
    for unit in units:
        if unit.suggestion:
            entries.setdefault(unit.entry or unit.key, []).append(unit)
    own: set[str] = set()
    for forms in entries.values():
        if all(
            unit.key in held
            and record.wrote_marked_in_context(unit.context, unit.source, held[unit.key])
            for unit in forms
        ):
            own.update(unit.key for unit in forms)
    return own


def write_unflagged(document: Document, units: Sequence[Unit]) -> int:
    """Write ``units`` (ltmt's own suggestions: :func:`own_suggestions`) unflagged into
    ``document`` with the text it holds for them, the model not run (``--no-fuzzy``); how many
    entries (a plural's forms are one)."""
    if not units or not isinstance(document, FilledInPlace):
        return 0
    held = document.held_translations()
    document.fill({unit.key: held[unit.key] for unit in units}, mark_fuzzy=False)
    return len({(unit.entry or unit.key).partition(FORM)[0] for unit in units})
