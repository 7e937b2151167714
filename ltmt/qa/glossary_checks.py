"""qa's glossary checks: an entry's translation read beside the glossary's terms of its source.

- :func:`glossary_findings`: a glossary term of the source whose target the translation does
  not carry as many times as the source has the term (:func:`ltmt.terminology.matching.renders`:
  its plural and stems count, and where the source writes the term in capitals, the target in
  capitals); not a word of code, a file name or a path, which translations keep as written
  (:func:`prose_terms`).
- :func:`forbidden_findings`: a glossary term of the source for which the translation uses a
  target term the glossary marks not to use (a TBX entry's deprecated or forbidden one), also
  where the approved target begins it (``Vorschubgeschwindigkeit`` for ``Vorschub``).
- :func:`~ltmt.qa.term_leftovers.english_left`: a glossary term of the source whose target
  the translation carries with the term's English words kept beside it (``Beleg
  {0}-Receipt(s) anhängend``).
- :func:`agreement_findings`: a German translation whose adjectives of a term's target agree
  with no case and number around them (:mod:`ltmt.terminology.agreement_check`: "ein
  unerwünschter Ereignis" for "unerwünschtes Ereignis"), or that leads a target whose gender
  ltmt does not know with a determiner it cannot check ("Die Akku"); :func:`term_findings`
  gives all three, each source's terms found once, and a translation that is its source
  written again with only its terms translated (:mod:`ltmt.term_swapped_copies`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ltmt.formats.common import lang_matches
from ltmt.formats.paired_tags import strip_pairs
from ltmt.qa.findings import Finding
from ltmt.qa.term_leftovers import english_left
from ltmt.quoted_code import quoted_code_spans

if TYPE_CHECKING:
    from ltmt.segments import PairRecord
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term

# the signs that join a word into a file name, a path or a code word (cloudsync-setup.exe,
# .cloudsync, cloudsync/config): such a word is code, not a glossary term
_GLUE = "-./"

# German personal and demonstrative pronouns that may stand for a term said before ("Save the
# file before you close the file": "... die Datei, bevor Sie sie schließen")
_PRONOUNS = re.compile(r"\b(?:sie|ihn|es|ihm|ihr|ihnen|dies(?:e[mnrs]?)?|diese)\b")


def glossary_findings(records: Sequence[PairRecord], matcher: TermMatcher) -> list[Finding]:
    """The entries of ``records`` that leave a glossary term of their source's prose
    (:func:`prose_terms`) untranslated as the glossary says."""
    return [
        finding
        for n, record in enumerate(records)
        for finding in _missed_terms(n, record, prose_terms(matcher, record.source))
    ]


def forbidden_findings(records: Sequence[PairRecord], matcher: TermMatcher) -> list[Finding]:
    """The entries of ``records`` whose translation uses a target term the glossary marks not
    to use (a TBX entry's deprecated or forbidden one: ``Term.forbidden``) for a term of their
    source's prose; one that the approved target itself carries (``Pumpe`` in
    ``Pumpenkopf``) cannot be told apart and is not looked for."""
    return [
        finding
        for n, record in enumerate(records)
        for finding in _forbidden_terms(n, record, prose_terms(matcher, record.source))
    ]


def agreement_findings(records: Sequence[PairRecord], matcher: TermMatcher) -> list[Finding]:
    """The entries of ``records`` (German translations) that write the adjectives of a
    target of a term of their source's prose with an ending that agrees with no case and
    number around them, naming the forms that would."""
    return [
        finding
        for n, record in enumerate(records)
        for finding in _disagreeing_terms(n, record, prose_terms(matcher, record.source))
    ]


def term_findings(
    records: Sequence[PairRecord], matcher: TermMatcher, language: str | None = None
) -> list[Finding]:
    """:func:`glossary_findings`, :func:`forbidden_findings` and
    :func:`~ltmt.qa.term_leftovers.english_left` of ``records``, and
    :func:`agreement_findings` where ``language`` is German (``de``, ``de_AT``, ``deu``), each
    source's terms found once; entry by entry, its missed terms first."""
    german = language is not None and lang_matches(language, "de")
    findings: list[Finding] = []
    for n, record in enumerate(records):
        terms = prose_terms(matcher, record.source)
        findings += _missed_terms(n, record, terms) + _forbidden_terms(n, record, terms)
        findings += english_left(n, record, terms)
        findings += _disagreeing_terms(n, record, terms) if german else []
        findings += _unlinked_compounds(n, record, terms) if german else []
        findings += _copied_around(n, record, matcher) if terms else []
    return findings


def _copied_around(n: int, record: PairRecord, matcher: TermMatcher) -> list[Finding]:
    """A finding where the ``n``-th entry's translation is its source written again with only
    its glossary terms translated (:func:`ltmt.term_swapped_copies.copied_around_terms`:
    ``Managing Teammitglieder`` for "Managing team members"), both read without inline tags."""
    from ltmt.term_swapped_copies import copied_around_terms
    from ltmt.untagged_matches import without_markup_tags

    source, target = without_markup_tags(record.source), without_markup_tags(record.target)
    spans = [(hit.start, hit.end) for hit in matcher.find(source)]
    if not copied_around_terms(source, target, spans):
        return []
    said = "the translation is the source as written with only its glossary terms translated"
    return [Finding.about("glossary", n, record, said)]


def _missed_terms(n: int, record: PairRecord, terms: list[tuple[str, Term]]) -> list[Finding]:
    """:func:`glossary_findings` of the ``n``-th entry, ``terms`` its :func:`prose_terms`: each
    target is asked for as many times as the source has terms of it (``the alarm ... the
    alarm``: ``Alarm`` twice), but where the translation has it once, a lower-case pronoun
    may say it again (``die Datei, bevor Sie sie schließen``: ``Sie``, capitalised, is the
    reader). A place of a longer target is not a shorter one's too (``Alarmton`` renders
    'alarm tone', and is no second ``Alarm``). Where the translation has the target only as
    the first part of compounds that name something else, they render it only for places of
    the term before another word (``Kundenservice`` for 'customer service', not for "the
    Customer's obligations"); beside the target itself, such a compound may take it up again
    (``den Alarm, dann die Alarmmeldung``). A separable verb may be written apart
    (``anmelden`` in ``Melden Sie sich an``: :mod:`ltmt.terminology.separable_verbs`); a noun
    may be a compound's head (``Heiltrank`` for 'Health Potion', glossary 'potion' → ``Trank``:
    :mod:`ltmt.terminology.compound_heads`). The translation is read without its inline tags
    (``<g id="1">Xarelto</g>®`` is ``Xarelto®``), as the source's terms are found."""
    from ltmt.terminology.compound_heads import head_at
    from ltmt.terminology.matching import (
        as_written,
        case_only,
        compound_renderings,
        rendered_at,
    )
    from ltmt.terminology.separable_verbs import separated_at
    from ltmt.untagged_matches import without_markup_tags

    translation = without_markup_tags(record.target)
    placed = [(source, as_written(term, source), term) for source, term in terms]
    entries = {term.target: entry for _, term, entry in placed}
    terms = [(source, term) for source, term, _ in placed]
    wanted = Counter(term.target for _, term in terms)
    written: dict[str, str] = {}
    for source, term in terms:
        written.setdefault(term.target, source)
    have: dict[str, int] = {}
    taken: set[int] = set()
    for target in sorted(wanted, key=len, reverse=True):
        exact = case_only(entries[target])  # rivaroxaban → Rivaroxaban: "rivaroxaban" is none
        places = rendered_at(target, translation, written[target], case_as_written=exact)
        if entries[target].target != target:  # a name in the source's spelling or the glossary's
            places |= rendered_at(entries[target].target, translation, written[target])
        places |= separated_at(target, translation)
        places |= head_at(target, translation, written[target])
        places -= taken
        have[target] = len(places)
        if places and places <= compound_renderings(target, translation, written[target]):
            sources = [source for source, term in terms if term.target == target]
            have[target] = min(len(places), _qualifying(record.source, sources))
        taken |= places
    pronouns = len(_PRONOUNS.findall(translation))
    return [
        Finding.about(
            "glossary",
            n,
            record,
            _missed_message(
                _quoted_source(written[target], target, entries[target]),
                entries[target].target,
                count,
                have[target],
                _plural_for_s(entries[target].target, translation),
            )
            + _folded_instead((target, entries[target].target), translation),
        )
        for target, count in wanted.items()
        if have[target] < count and not (have[target] and count - have[target] <= pronouns)
    ]


# the ending of an English possessive, with a straight or a typographic apostrophe (U+2019):
# "user's", "users'"
_POSSESSIVE = r"(?:['\u2019]s|(?<=s)['\u2019])"


def _qualifying(source: str, written: list[str]) -> int:
    """How many of the places of a term in ``source``, ``written`` as it writes them there,
    stand right before another word, or with a possessive's ``'s`` or ``'`` before one: there
    the term may qualify a noun ("customer service", "the user's profile", "the users'
    profiles"), which German writes as a compound's first part ("Kundenservice",
    "Benutzerprofil")."""
    found = 0
    for text, count in Counter(written).items():
        before_a_word = rf"(?<!\w){re.escape(text)}{_POSSESSIVE}?(?=[^\S\n]+[^\W\d_])"
        found += min(count, len(re.findall(before_a_word, source)))
    return found


def _missed_message(source: str, target: str, wanted: int, have: int, plural: str = "") -> str:
    """What a finding of :func:`_missed_terms` says: the term and its target, how often
    the source and the translation have it where the translation has it at all, and the
    ``plural`` to write where the translation glues an English -s to the target
    (:func:`_plural_for_s`)."""
    said = f"{source!r} is {target!r} in the glossary"
    if source == target:  # a name kept as written: "'Xarelto®' is 'Xarelto®'" said nothing
        said = f"the glossary keeps {source!r} as written" + ("" if have else ": it is missing")
    if have:
        said += f": the source has it {wanted} times, the translation {have}"
    return said + (f"{'; ' if have else ': '}write {plural}" if plural else "")


def _plural_for_s(target: str, translation: str) -> str:
    """The German plural of ``target`` (:func:`~ltmt.terminology.german_forms.plural_forms`,
    "Touren") where ``translation`` writes it with an English plural's -s that no form of it
    ends in (:func:`~ltmt.terminology.matching.takes_no_s`: "Deine Tours" for "Your
    trails"); ``""`` otherwise."""
    from ltmt.terminology.german_forms import plural_forms
    from ltmt.terminology.matching import takes_no_s

    if not target or not takes_no_s(target):
        return ""
    first = f"[{re.escape(target[0].upper())}{re.escape(target[0].lower())}]"
    glued = rf"(?<!\w){first}{re.escape(target[1:])}s(?!\w)"
    return " or ".join(plural_forms(target)) if re.search(glued, translation) else ""


def _quoted_source(written: str, target: str, entry: Term) -> str:
    """The source a missed-term finding quotes: the term as the source writes it, or the
    glossary's entry where its place asks for another target
    (:func:`~ltmt.terminology.matching.as_written`): a name kept as written without its signs
    (``CardioSense X2`` for ``CardioSense™ X2``, which the glossary does not have), a word
    in capitals written otherwise (``Caution`` for ``CAUTION``)."""
    return written if target == entry.target else entry.source


def _folded_instead(targets: Sequence[str], translation: str) -> str:
    """What the translation has instead of the first of ``targets`` it writes folded
    (Unicode's NFKC: ``CardioSenseTM X2`` for ``CardioSense™ X2``), said after a missed-term
    finding; ``""`` where it has none of them."""
    for target in targets:
        folded = unicodedata.normalize("NFKC", target)
        if folded != target and folded in translation:
            return f"; the translation has {folded!r}"
    return ""


def _forbidden_terms(n: int, record: PairRecord, terms: list[tuple[str, Term]]) -> list[Finding]:
    """:func:`forbidden_findings` of the ``n``-th entry, ``terms`` its :func:`prose_terms`: a
    target not to use counts only where the approved one is missing for some place of the
    source term (``This Agreement supersedes any prior arrangement``: ``Dieser Vertrag
    ersetzt jede frühere Vereinbarung`` renders 'Agreement' once, as it should, and
    ``Vereinbarung`` translates another word). A place of the approved target inside a
    target not to use (``Vorschub`` in ``Vorschubgeschwindigkeit``, a longer variant
    deprecated) or inside a longer target of another term of the source (``Vorschub`` in
    ``Vorschub-Override``) renders no place of the term: such a deprecated term went unnamed."""
    from ltmt.terminology.matching import rendered_at, rendering_spans, renders

    places = Counter(term.key for _, term in terms)
    targets = {term.target: written for written, term in terms}  # each as the source writes it
    used: dict[str, tuple[str, str]] = {}
    for written, term in terms:
        # (one the approved target itself carries, Pumpe in Pumpenkopf, cannot be told apart)
        banned = [text for text in term.forbidden if not renders(text, term.target)]
        if not any(renders(text, record.target) for text in banned):
            continue
        covered = [span for text in banned for span in rendering_spans(text, record.target)]
        for target, said in targets.items():
            if len(target) > len(term.target):
                covered += rendering_spans(target, record.target, said)
        found = rendered_at(term.target, record.target, written)
        own = [at for at in found if not any(start <= at < end for start, end in covered)]
        if len(own) >= places[term.key]:
            continue
        for text in banned:
            if renders(text, record.target):
                used.setdefault(text, (written, term.target))
    return [
        Finding.about(
            "glossary",
            n,
            record,
            f"{banned!r} is not to be used for {source!r} in the glossary ({target!r} is)",
        )
        for banned, (source, target) in used.items()
    ]


def _disagreeing_terms(n: int, record: PairRecord, terms: list[tuple[str, Term]]) -> list[Finding]:
    """:func:`agreement_findings` of the ``n``-th entry, ``terms`` its :func:`prose_terms`,
    read without inline tags: ``von der <b>offenlegenden Partei</b>`` (a DOCX run in bold) was
    "'offenlegenden Partei' does not agree", its article outside the tag unseen. A name kept
    as written is read only with a gender the glossary gives, or the noun table holds for the
    name itself (:func:`_kept_as_written`: 'CardioSense', "die Sense" by its last part, made
    "'Den CardioSense' does not agree" of the sensor)."""
    from ltmt.terminology.agreement_check import disagreements, unknown_gender_articles
    from ltmt.terminology.genders import is_known_noun
    from ltmt.untagged_matches import without_markup_tags

    text = without_markup_tags(record.target)
    found: dict[str, str] = {}
    for written, term in terms:
        noun = term.target.rsplit(" ", 1)[-1]
        named = _kept_as_written(term)
        for article in [] if named else unknown_gender_articles(text, term.target, term.gender):
            found.setdefault(
                article,
                f"gender of {noun!r} unknown; check the article in {article!r} ({written!r} is "
                f"{term.target!r} in the glossary, which can give its gender: m, f or n)",
            )
        gendered = not named or term.gender or is_known_noun(noun)
        read = disagreements(text, term.target, term.gender, named) if gendered else []
        for place in read:
            expected = " or ".join(repr(form) for form in place.expected)
            found.setdefault(
                place.written,
                f"{place.written!r} does not agree, {expected} would ({written!r} is "
                f"{term.target!r} in the glossary)",
            )
    return [Finding.about("glossary", n, record, message) for message in found.values()]


def _unlinked_compounds(n: int, record: PairRecord, terms: list[tuple[str, Term]]) -> list[Finding]:
    """A note on each hyphenated compound of the ``n``-th entry's German translation that
    starts with a target of ``terms`` (its :func:`prose_terms`) without the linking letters
    German gives it there (:func:`~ltmt.terminology.german_forms.compound_first`:
    ``Schaltfläche-Galerie`` for ``Schaltflächen-Galerie``)."""
    from ltmt.terminology.german_forms import compound_first

    found: dict[str, str] = {}
    for written, term in terms:
        linked = compound_first(term.target, term.gender)
        if linked == term.target:
            continue
        pattern = rf"(?<![\w-]){re.escape(term.target)}-[^\W\d_][\w-]*"
        for compound in re.findall(pattern, record.target):
            found.setdefault(
                compound,
                f"{compound!r}: German links {term.target!r} in a compound, write "
                f"{linked + compound[len(term.target) :]!r} ({written!r} is {term.target!r} "
                "in the glossary)",
            )
    return [
        replace(Finding.about("glossary", n, record, message), level="note")
        for message in found.values()
    ]


def _kept_as_written(term: Term) -> bool:
    """Whether ``term``'s target is its source (a brand or product name: ``AeroFlex``): a name
    has no gender a table could know, its article is that of the thing it names ("die AeroFlex"
    for the mat), so an unknown gender is no reason to ask for a check; every correct use of a
    brand was flagged."""
    return term.target.casefold() == term.source.casefold()


def prose_terms(matcher: TermMatcher, source: str) -> list[tuple[str, Term]]:
    """The glossary terms of ``source``, as written there, that are words of its prose: not of
    code, which ``ltmt translate`` keeps as written and a translation with it: an element of
    code (``<code>cloudsync --settings</code>``; Markdown's code spans read as one:
    :func:`ltmt.formats.paired_tags.strip_pairs`), a quoted item that is code (``'foo.c'``:
    :func:`ltmt.quoted_code.quoted_code_spans`), or a word glued to a file name's, a path's or
    a code word's signs (``cloudsync-setup.exe``, ``.cloudsync``, ``a/cloudsync``). A term
    is as written with the signs of ownership after it (``Windows®``:
    :func:`~ltmt.terminology.matching.written_at`)."""
    from ltmt.terminology.matching import written_at

    paired = strip_pairs(source)
    text = source if paired is None else paired.text
    code = quoted_code_spans(text)
    return [
        (written_at(text, hit), hit.term)
        for hit in matcher.find(text)
        if not any(start < hit.end and hit.start < end for start, end, _ in code)
        and not _glued(text, hit.start, hit.end)
    ]


def _glued(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer word joined by :data:`_GLUE` (a sign
    right before it, or one right after it with a letter or digit after that: a sentence's
    full stop after a term does not glue it)."""
    glued_before = start > 0 and text[start - 1] in _GLUE
    glued_after = end < len(text) and text[end] in _GLUE and text[end + 1 : end + 2].isalnum()
    return glued_before or glued_after
