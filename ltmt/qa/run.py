"""Run the quality checks over a translated file's pairs: :func:`check_pairs` and its
:class:`QaReport`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ltmt.api_arguments import pair_records
from ltmt.errors import ChoiceError
from ltmt.qa.catalog_checks import (
    inconsistent_findings,
    memory_findings,
    quote_findings,
    shared_translation_findings,
    spelling_findings,
)
from ltmt.qa.english_checks import KEPT_WORDS, kept_by_terms
from ltmt.qa.findings import (
    CHECKS,
    SEVERITIES,
    TARGET_LANGUAGE,
    Finding,
    Severity,
    located,
)
from ltmt.qa.formality_checks import Form, formality_findings
from ltmt.qa.glossary_checks import term_findings
from ltmt.qa.language_checks import language_findings
from ltmt.qa.pair_checks import PAIR_CHECKS
from ltmt.quote_style import memory_quote_table, quote_table
from ltmt.wording import counted, did_you_mean

if TYPE_CHECKING:
    from ltmt.memory.store import Memory
    from ltmt.qa.catalog_forms import FormProblem
    from ltmt.segments import PairRecord
    from ltmt.terminology.terms import Term

# the checks that read a translation as its program does: their findings say what the
# placeholders check would
_SYNTAX = ("format", "icu")
# the checks that run only on an input given (a user's memory, a glossary): that they did not
# run without it is no news, said only where they were asked for
NEEDS_INPUT = frozenset({"memory", "glossary"})


@dataclass
class QaReport:
    """What the checks found in ``entries`` translated entries (``untranslated`` more were
    empty and not checked; ``unreviewed``: entries whose translation is not yet reviewed, PO
    fuzzy, XLIFF needs-review, Qt unfinished, a String Catalog's needs_review, checked unless
    ``--reviewed-only`` left them out: then ``unreviewed_read`` is False); ``not_run``:
    checks asked for that had nothing to check against (``memory`` without a user,
    ``glossary`` without terms), each with why; ``notes``: what the run left out that the
    user should know (a memory of another target language)."""

    entries: int = 0
    untranslated: int = 0
    unreviewed: int = 0
    unreviewed_read: bool = True
    findings: list[Finding] = field(default_factory=list)
    checks: tuple[str, ...] = ()
    not_run: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def by_severity(self) -> Counter[str]:
        return Counter(finding.severity for finding in self.findings)

    def by_check(self) -> Counter[str]:
        return Counter(finding.check for finding in self.findings)

    def fails(self, level: Severity | None) -> bool:
        """Whether a finding is at ``level`` or worse (None: never)."""
        if level is None:
            return False
        worst = SEVERITIES[: SEVERITIES.index(level) + 1]
        return any(finding.severity in worst for finding in self.findings)

    def summary(self) -> str:
        """``864 entries checked: 2 errors, 5 warnings (placeholders 2, numbers 5)``, and the
        checks that did not run though they need no input given (``; not run: spelling``);
        the entries untranslated and not yet reviewed after the count
        (``(3 untranslated left out, 9 not yet reviewed)``; those not yet reviewed that were
        left out as the reader's warning says, ``(3 untranslated left out; 9 not yet
        reviewed, not read)``)."""
        said = f"{counted(self.entries, 'entry', 'entries')} checked"
        pending = [f"{self.untranslated} untranslated left out"] if self.untranslated else []
        if self.unreviewed:
            left_out = "" if self.unreviewed_read else ", not read"
            pending.append(f"{self.unreviewed} not yet reviewed{left_out}")
        if pending:
            said += f" ({(', ' if self.unreviewed_read else '; ').join(pending)})"
        severities = self.by_severity()
        missed = [name for name in self.not_run if name not in NEEDS_INPUT]
        not_run = f"; not run: {', '.join(missed)}" if missed else ""
        if not self.findings:
            return f"{said}: nothing found{not_run}"
        found = ", ".join(counted(severities[s], s) for s in SEVERITIES if severities[s])
        checks = ", ".join(f"{name} {count}" for name, count in self.by_check().most_common())
        return f"{said}: {found} ({checks}){not_run}"

    def to_dict(self, file: str = "") -> dict[str, Any]:
        """The report as ``--json`` prints it; ``file``: the file or folder checked, as given,
        which each finding's file is, or is under (:meth:`Finding.to_dict`)."""
        severities, checks = self.by_severity(), self.by_check()
        return {
            "entries": self.entries,
            "untranslated": self.untranslated,
            "unreviewed": self.unreviewed,
            "checks": list(self.checks),
            "not_run": dict(self.not_run),
            "notes": list(self.notes),
            "by_severity": {s: severities[s] for s in SEVERITIES},
            "by_check": {name: checks[name] for name in self.checks},
            "findings": [finding.to_dict(file) for finding in self.findings],
        }


def entries_of(records: Sequence[PairRecord]) -> int:
    """How many entries ``records`` are: a plural entry's forms (``metadata["plural"]`` 0, 1,
    ... in a row) are one entry, as a translator counts them, and so are a text's length
    variants (a Qt message's: ``metadata["variant"]`` 1, 2, ... after its first)."""
    return sum(_entry_starts(records))


def unreviewed_entries(records: Sequence[PairRecord], reviewed: Sequence[PairRecord]) -> int:
    """How many entries of ``records`` (a file's pairs, read with those not yet reviewed) are
    not among ``reviewed`` (the same file's, read without them): the entries a reviewer has
    yet to approve (:func:`entries_of` counts them)."""
    kept = {(r.position, r.source, r.target) for r in reviewed}
    return entries_of(
        [r for r in records if r.target.strip() and (r.position, r.source, r.target) not in kept]
    )


def _entry_starts(records: Sequence[PairRecord]) -> list[bool]:
    """Whether each of ``records`` starts an entry (:func:`entries_of`), not continues one."""
    starts, last_form = [], None
    for record in records:
        if record.metadata.get("variant"):
            starts.append(False)
            continue
        form = record.metadata.get("plural")
        starts.append(not isinstance(form, int) or last_form is None or form <= last_form)
        last_form = form if isinstance(form, int) else None
    return starts


def check_names(values: Iterable[str]) -> list[str]:
    """Check names as a user gives them: each value one name or several, comma-separated
    (``--check format,numbers``, a form's ``checks``)."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def chosen_checks(only: Collection[str] = (), skip: Collection[str] = ()) -> tuple[str, ...]:
    """The checks to run: ``only`` those (default: all of :data:`CHECKS`), less ``skip``;
    an unknown name is an :class:`InputError` listing the known ones."""
    for name in (*only, *skip):
        if name not in CHECKS:
            hint = did_you_mean(name, CHECKS)
            raise ChoiceError(f"no check {name!r}{hint}; the checks are {', '.join(CHECKS)}")
    return tuple(name for name in CHECKS if (not only or name in only) and name not in skip)


def check_pairs(
    records: Iterable[PairRecord],
    *,
    checks: Sequence[str] | None = None,
    memory: Memory | None = None,
    user: str | None = None,
    glossary: Iterable[Term] = (),
    user_glossary: bool = True,
    language: str | None = None,
    untranslated: int | None = None,
    unreviewed: int = 0,
    unreviewed_read: bool = True,
    form_problems: Sequence[FormProblem] = (),
    formality: Form | None = None,
) -> QaReport:
    """Check the translated ``records`` (a file's pairs:
    :func:`ltmt.formats.pairs.read_translations`) with ``checks`` (default: all). ``memory``
    and ``user``: the memory whose translations the ``memory`` check holds the file to, and
    whose stored glossary (with ``user_glossary``) the ``glossary`` check reads with
    ``glossary``'s terms. ``language``: the translations' language (``de``), whose spelling
    dictionary the ``spelling`` check reads (:mod:`ltmt.spelling`; without it, or without a
    dictionary installed, the check does not run and ``not_run`` says why). What the pairs
    cannot show, from the file itself (:mod:`ltmt.qa.catalog_forms`): ``untranslated``, its
    units without a translation (default: the records with an empty target), ``unreviewed``,
    its entries whose translation is not yet reviewed (:func:`unreviewed_entries`; without
    ``unreviewed_read``, left out of ``records``: ``--reviewed-only``), and
    ``form_problems``, its entries' (each with its check: ``plurals``, a Fluent access key's
    ``accelerator``). ``formality``: the form of address the German translations must use
    (:mod:`ltmt.qa.formality_checks`; default: one, either). A ``memory`` whose ``user``
    translates into another language than ``language`` (its pair: :meth:`Memory.languages`)
    is not read, nor its stored glossary: a note says so. Findings come in the file's order."""
    from ltmt.formats.common import primary_language, same_language
    from ltmt.lookup import term_matcher
    from ltmt.qa.polarity_checks import polarity_findings
    from ltmt.spelling import INSTALL_HINT, dictionary_for, words_of

    names = chosen_checks() if checks is None else chosen_checks(checks)
    records = pair_records(records)
    report = QaReport(checks=names)
    other = _other_target(memory, user, language, same_language)
    if other is not None:  # the en→de memory and glossary say nothing of a French file
        report.notes.append(
            f"{other}: the memory check and {user}'s stored glossary are left out (a --glossary "
            "file of its language is read)"
        )
        memory, user_glossary = None, False
    translated = [record for record in records if record.target.strip()]
    report.entries = entries_of(translated) + sum(p.no_pair for p in form_problems)
    report.untranslated = len(records) - len(translated) if untranslated is None else untranslated
    report.unreviewed, report.unreviewed_read = unreviewed, unreviewed_read
    matcher = None
    if {"glossary", "spelling", "english"} & set(names):  # the checks that read the terms
        matcher = term_matcher(memory, user, user_glossary, glossary)
    # the words a glossary keeps in English (a name: Old Tom → Old Tom) are no English left
    kept = kept_by_terms(matcher.terms) if matcher is not None else frozenset()
    findings: list[Finding] = []
    for n, record in enumerate(translated):
        here: list[Finding] = []
        metadata = record.metadata  # with the target language, where given
        if language and TARGET_LANGUAGE not in metadata:
            metadata = {**metadata, TARGET_LANGUAGE: language}
        if kept:
            metadata = {**metadata, KEPT_WORDS: kept}
        for name in names:
            check = PAIR_CHECKS.get(name)
            # a format string's or an ICU message's problems are its placeholders': said once
            if check is None or (name == "placeholders" and here and here[0].check in _SYNTAX):
                continue
            here.extend(
                Finding.about(name, n, record, message)
                for message in check(record.source, record.target, metadata)
            )
        findings += here
    first: dict[str, int] = {}  # a position's first entry checked: its entry's problems'
    for n, record in enumerate(translated):
        first.setdefault(record.position, n)
    findings += [
        Finding(
            p.check, first.get(p.position, len(translated)), p.position, p.source, p.target,
            p.message, id=p.unit_id, level=p.severity,
        )
        for p in form_problems
        if p.check in names
    ]  # fmt: skip
    if memory is not None and user is not None:  # a near match's nicht or über kept
        found = {(finding.entry, finding.check) for finding in findings}
        findings += [
            finding
            for finding in polarity_findings(translated, memory, user, names)
            if (finding.entry, finding.check) not in found
        ]
    if "inconsistent" in names:
        findings += inconsistent_findings(translated) + shared_translation_findings(translated)
    if "memory" in names:
        if memory is None or user is None:
            report.not_run["memory"] = other or "no user's memory to compare with"
        else:
            findings += memory_findings(translated, memory, user)
    if "quotes" in names:
        if memory is not None and user is not None:
            table, whose = memory_quote_table(memory, user), f"{user}'s memory's translations"
        else:
            pairs = ((record.source, record.target) for record in translated)
            table, whose = quote_table(pairs), "most of the file's entries"
        findings += quote_findings(translated, table, whose)
    if "glossary" in names:
        if matcher is None:
            report.not_run["glossary"] = "no glossary terms (the user's, or a glossary given)"
        else:
            findings += term_findings(translated, matcher, language)
    if "language" in names:
        if language:
            findings += language_findings(translated, language)
        else:
            report.not_run["language"] = "no target language given"
    if "formality" in names:
        if language is None or primary_language(language) == "de":
            findings += formality_findings(translated, formality)
        elif formality is not None:
            report.not_run["formality"] = f"it reads German's forms of address, not {language}'s"
    if "spelling" in names:
        dictionary = dictionary_for(language) if language else None
        if dictionary is None:
            report.not_run["spelling"] = (
                f"no spelling dictionary for {language}: {INSTALL_HINT}"
                if language
                else "no target language given"
            )
        else:
            accept = words_of(t.target for t in matcher.terms) if matcher is not None else ()
            findings += spelling_findings(translated, dictionary, accept, memory, user)
    findings.sort(key=lambda f: (f.entry, names.index(f.check)))
    report.findings = _located(findings, translated)
    return report


def _other_target(
    memory: Memory | None,
    user: str | None,
    language: str | None,
    same_language: Callable[[str, str], bool],
) -> str | None:
    """Why ``user``'s memory and stored glossary do not fit a file in ``language``: the
    memory's language pair has another target (``godot's memory translates en into de, the
    file is fr``); None where it fits or either is unknown."""
    if memory is None or user is None or not language:
        return None
    pair = memory.languages(user) if hasattr(memory, "languages") else None
    if pair is None or same_language(pair[1], language):
        return None
    return f"{user}'s memory translates {pair[0]} into {pair[1]}, the file is {language}"


def _located(findings: list[Finding], translated: Sequence[PairRecord]) -> list[Finding]:
    """``findings`` with where each is (:func:`~ltmt.qa.findings.located`): its entry's file
    and number in it, from ``translated``, the records checked (``finding.entry`` indexes
    them; a form problem of an entry without one is past their end: its file's alone)."""
    places = _entry_places(translated)
    return [
        located(f, translated[f.entry], *places[f.entry])
        if f.entry < len(translated)
        else located(f, None, "", None)
        for f in findings
    ]


def _entry_places(records: Sequence[PairRecord]) -> list[tuple[str, int]]:
    """Each record's file (its ``origin``: a folder's file, else empty) and its entry's number
    in that file, from 1 (:func:`entries_of` counts entries so)."""
    counts: Counter[str] = Counter()
    places = []
    for record, starts in zip(records, _entry_starts(records), strict=True):
        counts[record.origin] += starts
        places.append((record.origin, max(counts[record.origin], 1)))
    return places
