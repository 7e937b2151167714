"""The checks that read an entry beside others: the file's other entries, the user's memory and
glossary.

- :func:`inconsistent_findings`: a source (with its context, unless that is a key name, plural
  form and length variant) the file translates in more than one way; each entry that is not
  written as most of them (the first such, on a tie) is found, naming where the usual
  translation stands. A Qt message's length variants (``Speichern``, ``Sp.``) are meant to
  differ: each is compared with the same variant of other messages only.
- :func:`memory_findings`: an entry whose source the user's memory holds (a 100 % match: the
  same normalised text, :mod:`ltmt.text`), translated otherwise than every stored pair of it
  (whitespace aside: a line wrapped elsewhere is the same translation); or one whose source
  the memory holds as a near match only, translated as the match's translation is up to a
  point, the rest of it lost (:func:`ltmt.lost_tails.lost_tail`: a fused output cut short).
- the glossary's checks (:func:`~ltmt.qa.glossary_checks.term_findings`: a term missed,
  a forbidden one used, a German adjective that does not agree) are in
  :mod:`ltmt.qa.glossary_checks`.
- :func:`spelling_findings`: words of the translation the target language's spelling
  dictionary does not know (:mod:`ltmt.spelling`); a word of the source, of a glossary term's
  target, or of the translations of the entry's best matches in the user's memory passes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ltmt.lookup import memory_matches
from ltmt.lost_tails import lost_tail
from ltmt.qa.findings import Finding
from ltmt.quote_style import QuoteTable
from ltmt.routing import reusable_target
from ltmt.spelling import words_of
from ltmt.terminology.function_words import ENGLISH_FUNCTION_WORDS, ENGLISH_OFTEN_UNSAID
from ltmt.text import collapse_space, has_letter, match_score, word_parts
from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from collections.abc import Collection

    from ltmt.memory.store import Memory
    from ltmt.segments import PairRecord
    from ltmt.spelling import Dictionary

# memory matches read per entry: stored pairs of one source in other contexts come first
# when they share the entry's (``prefer``), and a few suffice to find its own
_MATCHES = 4


# how similar (fuzzy score, as memory matches are scored) two sources with one translation must
# be for it to look copied: a fuzzy match's band (``Sign in`` and ``Log in``, 62, may well share
# ``Anmelden``; ``Forgot your password?`` and ``Forgot your username?``, 71, may not)
_SIMILAR_SOURCES = 70.0


def inconsistent_findings(records: Sequence[PairRecord]) -> list[Finding]:
    """The entries of ``records`` that translate a source otherwise than most entries of it:
    of its context, plural form and length variant (``metadata["variant"]``, 0 the first; a
    text without variants is a first). A context that is the entry's key
    (``metadata["context_is_key"]``: a ``.properties`` or JSON message's name) tells no meaning
    apart, as a PO ``msgctxt`` does: two keys of one source translated otherwise are
    inconsistent (session 71: ``appTitle`` and ``worklistTitle`` went unflagged), said as a
    note, as two keys may mean the source two ways (``Open`` a button's ``Öffnen``, a status's
    ``Offen``) where a context would have told them apart."""
    groups: dict[tuple[str, str, str, int], list[int]] = defaultdict(list)
    for n, record in enumerate(records):
        is_key = record.metadata.get("context_is_key")
        context = "" if is_key else str(record.metadata.get("context", ""))
        plural = str(record.metadata.get("plural", ""))
        variant = int(record.metadata.get("variant", 0))
        groups[(record.source, context, plural, variant)].append(n)
    findings = []
    for group in groups.values():
        targets = Counter(records[n].target for n in group)
        if len(targets) < 2:
            continue
        usual, count = targets.most_common(1)[0]
        # each position that has the usual target, not the first alone (the message counts them)
        where = first_few(
            (records[n].position for n in group if records[n].target == usual), count_rest=True
        )
        keyed = all(records[n].metadata.get("context_is_key") for n in group)
        for n in group:
            record = records[n]
            if record.target != usual:
                finding = Finding.about(
                    "inconsistent",
                    n,
                    record,
                    f"the same source is translated {usual!r} in {count} other "
                    f"{'entry' if count == 1 else 'entries'} ({where})",
                )
                findings.append(replace(finding, level="note") if keyed else finding)
    return findings


def shared_translation_findings(records: Sequence[PairRecord]) -> list[Finding]:
    """The entries of ``records`` whose translation is an earlier entry's, word for word
    (spaces folded), while their source is similar (:data:`_SIMILAR_SOURCES`) but says other
    words (word parts, case-folded: case and punctuation alone are the same source); each
    names the first such entry and the words of its own source the other lacks."""
    by_target: dict[str, list[int]] = defaultdict(list)
    for n, record in enumerate(records):
        target = collapse_space(record.target)
        if has_letter(target):
            by_target[target].append(n)
    findings = []
    for group in by_target.values():
        for later, n in enumerate(group):
            record = records[n]
            words = word_parts(record.source)
            for m in group[:later]:
                other = records[m]
                if _forms_of_one_entry(other, record) or word_parts(other.source) == words:
                    continue
                if _spelt_alike(record.source, other.source) or not _says_more(record, other):
                    continue
                if match_score(record.source, other.source) < _SIMILAR_SOURCES:
                    continue
                own = {word.casefold() for word in _WRITTEN_WORD.findall(other.source)}
                lacking = [
                    w for w in _WRITTEN_WORD.findall(record.source) if w.casefold() not in own
                ]
                says = f": check that it says {' '.join(lacking)!r}" if lacking else ""
                findings.append(
                    Finding.about(
                        "inconsistent",
                        n,
                        record,
                        f"translated word for word as {_entry_name(other)}, whose source says "
                        f"other words ({other.source!r}){says}",
                    )
                )
                break
    return findings


# a word as the source writes it (``e-mail``, ``don't``: one word)
_WRITTEN_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")
# a plural form's mark at the end of an entry's name: i18next's ``_one``, Rails' ``.other``,
# a form read apart (``users_online#other``, ``=0``)
_FORM_MARK = re.compile(r"(?:[#_.](?:zero|one|two|few|many|other)|#=?\d+)$")


def _forms_of_one_entry(one: PairRecord, other: PairRecord) -> bool:
    """Whether ``one`` and ``other`` are forms of one entry (a PO plural's, i18next's
    ``users_one`` and ``users_other``, an Android ``<plurals>``' items): German writes
    ``Benutzer`` in both, which is no translation copied from another source."""
    return _FORM_MARK.sub("", one.position) == _FORM_MARK.sub("", other.position)


def _spelt_alike(one: str, other: str) -> bool:
    """Whether the sources ``one`` and ``other`` differ only in spelling: in blanks, hyphens
    and case (``Log in``, ``Login``; ``E-mail``, ``Email``) or in words spelt nearly alike
    (``Colour``, ``Color``), which one translation serves."""
    squeezed = [re.sub(r"[\W_]+", "", text.casefold()) for text in (one, other)]
    if squeezed[0] == squeezed[1]:
        return True
    words = [{w.casefold() for w in _WRITTEN_WORD.findall(text)} for text in (one, other)]
    only, others = words[0] - words[1], words[1] - words[0]
    return bool(only) and all(any(match_score(a, b) >= 80 for b in others) for a in only)


# words a German translation leaves out as often as not ("Search here" is "Suchen" too)
_OFTEN_UNSAID = ENGLISH_OFTEN_UNSAID | {"go"}


def _says_more(one: PairRecord, other: PairRecord) -> bool:
    """Whether the sources of ``one`` and ``other`` differ in a word that says something: one
    of three letters or more, no English function word (``Your password`` and ``Password``,
    ``Upload a file`` and ``Upload file``, ``Go back`` and ``Back`` may well share a
    translation; ``Forgot your username?`` and ``Forgot your password?`` may not)."""
    words = [{w.casefold() for w in _WRITTEN_WORD.findall(r.source)} for r in (one, other)]
    return any(
        len(word) >= 3 and word not in ENGLISH_FUNCTION_WORDS and word not in _OFTEN_UNSAID
        for word in words[0] ^ words[1]
    )


def _entry_name(record: PairRecord) -> str:
    """``record``'s position without its file's path, which its finding names already."""
    return record.position.rpartition(": ")[2] or record.position


def memory_findings(records: Sequence[PairRecord], memory: Memory, user: str) -> list[Finding]:
    """The entries of ``records`` whose source ``user``'s ``memory`` translates otherwise: than
    it does for the entry's own context and plural form where it holds the source for them
    (as ``translate`` reuses it: a Qt ``<comment>`` tells ``Open`` the verb from the
    adjective), else than it does for the entry's context or none (a pair stored for another
    ``msgctxt``, ``Order`` the verb, says nothing of ``Order`` the noun); an entry without a
    context, or whose context is its key (``metadata["context_is_key"]``: a JSON or YAML
    message's name, ``actions.save`` beside a pair of ``toolbar.save_button``), is compared
    with the pairs of any."""
    from ltmt.formats.key_contexts import same_context
    from ltmt.formats.markdown_inline import shown
    from ltmt.formats.unit_translation import shares_place

    prefer = [dict(record.metadata) for record in records]
    found = memory_matches(memory, user, [r.source for r in records], _MATCHES, prefer)
    findings = []
    for n, (record, matches) in enumerate(zip(records, found, strict=True)):
        exact = [m for m in matches if m.score >= 100]
        place = {"context": record.metadata.get("context"), "plural": record.metadata.get("plural")}
        own = [m for m in exact if shares_place(m.segment.metadata, place)]
        context = "" if record.metadata.get("context_is_key") else record.metadata.get("context")
        comparable = [
            m
            for m in exact
            if not context
            or not m.segment.metadata.get("context")
            or same_context(m.segment.metadata.get("context"), context)
        ]
        stored = [
            text
            for m in own or comparable
            if (text := reusable_target(record.source, m.segment)) is not None
        ]
        if stored and _spaced(record.target) not in {_spaced(text) for text in stored}:
            others = len(set(stored)) - 1
            findings.append(
                Finding.about(
                    "memory",
                    n,
                    record,
                    f"{user}'s memory translates this source as {shown(stored[0])!r}"
                    + (" in this context" if own and len(own) < len(exact) else "")
                    + (f" (and {counted(others, 'other way')})" if others else ""),
                )
            )
        elif not exact and (cut := lost_tail(record.source, record.target, matches)):
            findings.append(
                Finding.about(
                    "memory",
                    n,
                    record,
                    f"stops where the {cut.match.score:.0f} % match in {user}'s memory that it "
                    f"follows goes on: {shown(cut.tail)!r} is not translated; check that the "
                    "sentence is whole",
                )
            )
    return findings


def quote_findings(records: Sequence[PairRecord], table: QuoteTable, whose: str) -> list[Finding]:
    """The entries of ``records`` that quote what their source quotes with other marks than
    ``table`` (``whose`` convention: the user's memory, or the file's own entries) writes for
    the source's marks (:mod:`ltmt.quote_style`)."""
    from ltmt.quote_style import MIN_EXAMPLES, chosen_marks, quoted_items

    findings: list[Finding] = []
    for n, record in enumerate(records):
        wanted = quoted_items(record.source)
        for item, marks in quoted_items(record.target).items():
            source_marks = wanted.get(item)
            if source_marks is None:
                continue
            usual = chosen_marks(table, source_marks, MIN_EXAMPLES, marks)
            if usual is None or usual == marks:
                continue
            count, total = table[source_marks][usual], sum(table[source_marks].values())
            findings.append(
                Finding.about(
                    "quotes",
                    n,
                    record,
                    f"{marks[0]}{item}{marks[1]}, where {whose} quote it {usual[0]}{item}"
                    f"{usual[1]} ({count} of {total} such items)",
                )
            )
    return findings


def spelling_findings(
    records: Sequence[PairRecord],
    dictionary: Dictionary,
    accept: Collection[str] = (),
    memory: Memory | None = None,
    user: str | None = None,
) -> list[Finding]:
    """The entries of ``records`` whose translation has words ``dictionary`` does not know
    (those of the source and ``accept``, case-folded, pass; with ``memory`` and ``user``, those
    of the translations of the entry's best matches in the user's memory too, as ``ltmt
    translate`` lets them pass)."""
    found = {
        n: unknown
        for n, record in enumerate(records)
        if (unknown := dictionary.unknown_words(record.target, record.source, accept))
    }
    if found and memory is not None and user is not None:
        flagged = list(found)
        prefer = [dict(records[n].metadata) for n in flagged]
        sources = [records[n].source for n in flagged]
        for n, matches in zip(flagged, memory_matches(memory, user, sources, _MATCHES, prefer)):
            own = words_of(match.segment.target for match in matches)
            record = records[n]
            found[n] = dictionary.unknown_words(record.target, record.source, {*accept, *own})
    findings: list[Finding] = []
    for n, unknown in found.items():
        if not unknown:
            continue
        record = records[n]
        words = ", ".join(repr(word) for word in unknown)
        findings.append(
            Finding.about(
                "spelling",
                n,
                record,
                f"{'a word' if len(unknown) == 1 else 'words'} the {dictionary.name} "
                f"dictionary does not know: {words}",
            )
        )
    return findings


def _spaced(text: str) -> str:
    """``text`` with its runs of whitespace as one space: a translation the memory holds
    wrapped at another place (or a file's format unwrapped) is the same translation."""
    return " ".join(text.split())
