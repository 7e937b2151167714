"""The translator's suggestions a run keeps (msgmerge's fuzzy translations of an older
``msgid``), checked against the ``msgid`` they stand for now: one that lacks a placeholder the
new ``msgid`` has (``Uploaded {count} file(s) to {remote} in {secs}s`` kept as ``{count}
Datei(en) nach {remote} hochgeladen``), or has one it dropped, fails ``msgfmt -c`` and ``ltmt
qa`` once a reviewer removes the flag, and is said in the run's summary. The checks are qa's
(:func:`ltmt.qa.pair_checks.format_problems`, msgfmt's for the entry's format flag, and
:func:`~ltmt.qa.pair_checks.placeholder_problems`), not copies of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ltmt.errors import ChoiceError
from ltmt.formats.documents import Unit


def placeholder_mismatches(
    units: Sequence[Unit], held: Mapping[str, str]
) -> list[tuple[Unit, str]]:
    """Of ``units`` (suggestions kept), those whose translation in ``held`` (by unit key) does
    not have the placeholders of the unit's source, each with the first problem qa finds
    (``python-brace-format: field 'secs' missing``, ``lacks {secs}``); a plural entry once, by
    its first form found so."""
    # qa reads formats: imported late
    from ltmt.qa.pair_checks import format_problems, placeholder_problems

    found: dict[str, tuple[Unit, str]] = {}
    for unit in units:
        text = held.get(unit.key)
        entry = unit.entry or unit.key
        if not text or entry in found:
            continue
        metadata = {"flags": ", ".join(unit.flags), "context": unit.context}
        if unit.entry:
            metadata["plural"] = str(unit.form)
        problems = format_problems(unit.source, text, metadata) or placeholder_problems(
            unit.source, text, metadata
        )
        if problems:
            found[entry] = (unit, problems[0])
    return list(found.values())


FUZZY_ENTRIES = ("keep", "translate")  # --fuzzy-entries: what a run does with a suggestion


def translates_suggestions(choice: str) -> bool:
    """Whether ``--fuzzy-entries`` ``choice`` asks the model to translate the fuzzy entries
    (``translate``) or to keep them for review (``keep``); else a :class:`ChoiceError`."""
    value = choice.strip().casefold()
    if value not in FUZZY_ENTRIES:
        raise ChoiceError(
            f"--fuzzy-entries {choice!r}: use keep (a fuzzy entry's translation kept for "
            "review) or translate (machine-translated for its msgid now)"
        )
    return value == "translate"
