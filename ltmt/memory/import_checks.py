"""What an import stores without a word though ``ltmt qa`` would flag it: pairs whose target
lacks or adds its source's placeholders, holds a stray ``<`` or ``>`` (a tag's markup left in
the text: ``&lt;a epub:type=»noteref«``), whose numbers disagree with the source's
(``Price: 25 EUR`` → ``Preis: 20 EUR``), or whose target is UTF-8 read in the wrong encoding
(``Das CafÃ© ist ...``).

An import keeps such pairs (the translator's file is theirs to fix), and ``ltmt memory import``
warns of them by kind (:func:`suspect_pairs`). The checks are ``ltmt qa``'s own
(:func:`~ltmt.qa.pair_checks.placeholder_problems`, which says a stray bracket too,
:func:`~ltmt.qa.number_checks.number_problems` and
:func:`~ltmt.qa.mojibake_checks.mojibake_problems`), so the command the warning names lists
the same pairs. The first two cost about a millisecond a pair, more than storing one, so a pair
is checked only where its marks, the names after them or its digits differ from its source's
(:func:`_differs`): text without placeholders or numbers, most of a memory, costs a regular
expression a side (two where it has marks, a colon or a ``!``). A placeholder renamed is
screened by its name (``%{member}`` → ``%{mitglied}``, ``{{ plan }}`` → ``{{ paket }}``,
``:count`` lost; session 74: only a mark and the character after it were compared, and such
pairs were stored without a word). What the screen passes over (a tag's attribute changed, a
name after a mark it does not know or that starts with a digit, Yarn's ``<<.Name>>``, a
thousands separator or a decimal point left as English writes it, a number's sign alone)
``ltmt qa`` still finds; a source with a 12-hour time is checked whatever its digits (``um 4
Uhr`` for ``at 4 pm`` keeps every digit and moves the time by twelve hours:
:func:`ltmt.clock_times.times_changed`). The encoding check screens a target itself (a
regular expression: a misread character pair, ``Ã©``) and so runs on every pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ltmt.clock_times import TWELVE_HOUR
from ltmt.memory.clean import DEFAULT_CLEAN, CleanConfig, check_pair
from ltmt.qa.mojibake_checks import mojibake_problems
from ltmt.qa.number_checks import number_problems
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

# a digit, and a mark a placeholder, tag or entity is written with, with the character after it
# (``%s`` and ``%d`` differ, ``{0}`` and ``{1}``): one character class first, which ``re`` scans
# for fast
_SCREENED = re.compile(r"\d|[%$\\&@<\[{}>\]`|#]\S?")
# a placeholder's name with the marks before it (``%{member``, ``{{ plan``, ``%(name``, ``:count``,
# ``{user.name``, ``*|FNAME``), a code span whole (not GNU's `quote', nor one with a blank inside
# an edge) and a WebExtension message's reference: what _SCREENED leaves out after a mark's first
# character. A name starts with a letter, so that the digits after a mark (``:30``, ``{0}``)
# stay _SCREENED's, which the numbers check is run on; a hyphen ends it (``%s-Datei`` for ``%s
# file``). Each part starts with a character, which ``re`` scans for fast (a lookbehind first
# made the check three times slower). Linear: a run of marks is tried from its start alone (the
# lookbehind after its first mark), a code span up to the next backtick, and no two parts of a
# match can take the same character
_NAMED = re.compile(
    r"(?:%\(|\*\||[%$@&#:!<\[{](?<![%$@&#:!<\[{]{2})[%$@&#:!<\[{]*(?:(?<=\{) )?)"
    r"[^\W\d]\w*(?:\.\w+)*"
    r"|`[^`\s](?:[^`\n]*[^`\s])?`"
    r"|__MSG_\w+"
)
# what a name of _NAMED may follow that is no mark of _SCREENED's
_UNSCREENED = (":", "!", "__MSG_")
# how placeholder_problems says a stray bracket, which the warning names apart
_STRAY = "has a stray"
# what each kind of problem of pair_problems is called in a warning, in the warnings' order,
# with the ltmt qa --check that lists its pairs
_KINDS = {
    "placeholders": ("whose target lacks or adds placeholders", "placeholders"),
    "markup": ("whose target has a stray '<' or '>' (markup left in the text)", "placeholders"),
    "numbers": ("whose numbers disagree with the source's", "numbers"),
    "encoding": (
        "whose target looks like UTF-8 read in the wrong encoding (CafÃ© for Café)",
        "mojibake",
    ),
}


@dataclass(frozen=True)
class SuspectKind:
    """One kind of problem an import's pairs have: ``about`` says what it is (``whose target
    lacks or adds placeholders``), ``check`` is the ``ltmt qa --check`` that lists them and
    ``positions`` says where each pair is in its file (``de.ftl: welcome-back``)."""

    about: str
    check: str
    positions: tuple[str, ...]

    def warning(self, stored: str, qa_command: str | None) -> str:
        """The warning of these pairs: how many, what ``stored`` them (``imported``,
        ``learned``), where the first few are and, where ``qa_command`` (``ltmt qa`` of the
        file) is given, the command that lists them all."""
        listed = f"; list them: {qa_command} --check {self.check}" if qa_command else ""
        return (
            f"{counted(len(self.positions), 'pair')} {self.about} {stored} "
            f"({first_few(self.positions)}){listed}"
        )


def suspect_pairs(
    records: Iterable[PairRecord], clean: CleanConfig = DEFAULT_CLEAN, syntax: str = ""
) -> list[SuspectKind]:
    """The kinds of problem ``records`` (an import's pairs) have, each with its pairs'
    positions, in the order placeholders, markup, numbers, encoding; the kinds none has are
    left out. A record without a pair (an empty target, a cue without one) is not checked, nor
    one the import skips by ``clean`` (the memory's): the warning says "imported". ``syntax``:
    the file's strings' (:meth:`~ltmt.formats.registry.FileFormat.strings_syntax`), as ``ltmt
    qa`` reads them: a .resx string's ``{{ words }}`` are two escaped braces, not a field."""
    found: dict[str, list[str]] = {problem: [] for problem in _KINDS}
    for record in records:
        if record.unpaired or _skipped(record, clean):
            continue
        for problem in pair_problems(record, syntax):
            found[problem].append(record.position)
    return [
        SuspectKind(about, check, tuple(found[problem]))
        for problem, (about, check) in _KINDS.items()
        if found[problem]
    ]


def pair_problems(record: PairRecord, syntax: str = "") -> tuple[str, ...]:
    """The kinds of problem of one pair that :func:`suspect_pairs` warns of, in its order:
    ``placeholders`` (its target lacks or adds some), ``markup`` (a stray ``<`` or ``>``),
    ``numbers`` (they disagree with the source's) and ``encoding`` (UTF-8 read wrongly); empty
    where it has none. ``syntax`` as :func:`suspect_pairs` takes it."""
    problems: list[str] = []
    marks, digits = _differs(record.source, record.target)
    if marks:
        read_as = {**record.metadata, "syntax": syntax} if syntax else record.metadata
        found = placeholder_problems(record.source, record.target, read_as)
        if any(not problem.startswith(_STRAY) for problem in found):
            problems.append("placeholders")
        if any(problem.startswith(_STRAY) for problem in found):
            problems.append("markup")
    if _numbers_disagree(record.source, record.target, record.metadata, digits):
        problems.append("numbers")
    if mojibake_problems(record.source, record.target, record.metadata):
        problems.append("encoding")
    return tuple(problems)


def numbers_disagree(source: str, target: str, metadata: Mapping[str, Any]) -> bool:
    """Whether ``target``'s numbers disagree with ``source``'s, as :func:`pair_problems` (an
    import's warning, ``ltmt qa --check numbers``) reads them; ``metadata``: the pair's."""
    return _numbers_disagree(source, target, metadata, _differs(source, target)[1])


def _numbers_disagree(
    source: str, target: str, metadata: Mapping[str, Any], digits_differ: bool
) -> bool:
    """:func:`numbers_disagree`, where :func:`_differs` said whether the digits differ."""
    timed = TWELVE_HOUR.search(source) is not None  # 4 Uhr for 4 pm: same digits
    return (digits_differ or timed) and bool(number_problems(source, target, metadata))


def _skipped(record: PairRecord, clean: CleanConfig) -> bool:
    """Whether the import skips ``record`` (:func:`~ltmt.memory.clean.check_pair`; one with a
    side that is no string too, which the import refuses in its own words)."""
    sides = (record.source, record.target)
    return not all(isinstance(side, str) for side in sides) or check_pair(*sides, clean) is not None


def _differs(source: str, target: str) -> tuple[bool, bool]:
    """Whether ``target``'s placeholder marks or the names after them, and whether its digits,
    differ from ``source``'s in what they are or how many (not in order: a translation
    reorders them; digits one by one: ``1.000`` for ``1,000`` is the same number)."""
    have, wanted = _SCREENED.findall(target), _SCREENED.findall(source)
    if have != wanted:
        have.sort()
        wanted.sort()
    marks = _marks(have)
    if marks != _marks(wanted):
        return True, _digits(have) != _digits(wanted)
    return not _same_names(source, target, bool(marks)), have != wanted


def _same_names(source: str, target: str, marked: bool) -> bool:
    """Whether ``target`` has the placeholder names of ``source`` (:data:`_NAMED`), in any
    order; ``marked``: whether they have marks that :data:`_SCREENED` reads (else only a name
    after a mark it does not read can differ, and most text has none: it is not searched)."""
    if not marked and not any(mark in text for text in (source, target) for mark in _UNSCREENED):
        return True
    have, wanted = _NAMED.findall(target), _NAMED.findall(source)
    return have == wanted or sorted(have) == sorted(wanted)


def _marks(tokens: list[str]) -> list[str]:
    return [token for token in tokens if not token.isdigit()]


def _digits(tokens: list[str]) -> list[str]:
    return [token for token in tokens if token.isdigit()]
