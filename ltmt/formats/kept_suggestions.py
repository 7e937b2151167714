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


KEEP_OR_TRANSLATE = ("keep", "translate")  # --fuzzy-entries, --copies: what a run does


def translates_suggestions(choice: str) -> bool:
    """Whether ``--fuzzy-entries`` ``choice`` asks the model to translate the fuzzy entries
    (``translate``) or to keep them for review (``keep``); else a :class:`ChoiceError`."""
    return keep_or_translate(
        "--fuzzy-entries",
        choice,
        keep="a fuzzy entry's translation kept for review",
        translate="machine-translated for its msgid now",
    )


def keep_or_translate(option: str, choice: str, *, keep: str, translate: str) -> bool:
    """Whether ``option``'s ``choice`` is ``translate`` (True) or ``keep`` (False), in any case
    and with spaces around; else a :class:`ChoiceError` that says what each does (``keep``,
    ``translate``)."""
    value = choice.strip().casefold()
    if value not in KEEP_OR_TRANSLATE:
        raise ChoiceError(f"{option} {choice!r}: use keep ({keep}) or translate ({translate})")
    return value == "translate"
