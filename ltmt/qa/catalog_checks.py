"""The checks that read an entry beside others: the file's other entries, the user's memory and
glossary.

- :func:`inconsistent_findings`: a source (with its context, plural form and length variant)
  the file translates in more than one way; each entry that is not written as most of them
  (the first such, on a tie) is found, naming where the usual translation stands. A Qt
  message's length variants (``Speichern``, ``Sp.``) are meant to differ: each is compared with
  the same variant of other messages only.
- :func:`memory_findings`: an entry whose source the user's memory holds (a 100 % match: the
  same normalised text, :mod:`ltmt.text`), translated otherwise than every stored pair of it
  (whitespace aside: a line wrapped elsewhere is the same translation).
- :func:`glossary_findings`: a glossary term of the source whose target the translation does
  not carry as many times as the source has the term (:func:`ltmt.terminology.matching.renders`:
  its plural and stems count, and where the source writes the term in capitals, the target in
  capitals); not a word of code, a file name or a path, which translations keep as written
  (:func:`prose_terms`).
- :func:`forbidden_findings`: a glossary term of the source for which the translation uses a
  target term the glossary marks not to use (a TBX entry's deprecated or forbidden one).
- :func:`agreement_findings`: a German translation whose adjectives of a term's target agree
  with no case and number around them (:mod:`ltmt.terminology.agreement_check`: "ein
  unerwünschter Ereignis" for "unerwünschtes Ereignis"), or that leads a target whose gender
  ltmt does not know with a determiner it cannot check ("Die Akku"); :func:`term_findings`
  gives all three, each source's terms found once.
- :func:`spelling_findings`: words of the translation the target language's spelling
  dictionary does not know (:mod:`ltmt.spelling`); a word of the source, of a glossary term's
  target, or of the translations of the entry's best matches in the user's memory passes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.formats.common import lang_matches
from ltmt.formats.paired_tags import strip_pairs
from ltmt.lookup import memory_matches
from ltmt.qa.findings import Finding
from ltmt.quote_style import QuoteTable
from ltmt.quoted_code import quoted_code_spans
from ltmt.routing import reusable_target
from ltmt.spelling import words_of
from ltmt.terminology.function_words import ENGLISH_FUNCTION_WORDS
from ltmt.text import collapse_space, has_letter, match_score, word_parts
from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from collections.abc import Collection

    from ltmt.memory.store import Memory
    from ltmt.segments import PairRecord
    from ltmt.spelling import Dictionary
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term

# the signs that join a word into a file name, a path or a code word (cloudsync-setup.exe,
# .cloudsync, cloudsync/config): such a word is code, not a glossary term
_GLUE = "-./"
# memory matches read per entry: stored pairs of one source in other contexts come first
# when they share the entry's (``prefer``), and a few suffice to find its own
_MATCHES = 4


# how similar (fuzzy score, as memory matches are scored) two sources with one translation must
# be for it to look copied: a fuzzy match's band (``Sign in`` and ``Log in``, 62, may well share
# ``Anmelden``; ``Forgot your password?`` and ``Forgot your username?``, 71, may not)
_SIMILAR_SOURCES = 70.0

# German personal and demonstrative pronouns that may stand for a term said before ("Save the
# file before you close the file": "... die Datei, bevor Sie sie schließen")
_PRONOUNS = re.compile(r"\b(?:sie|ihn|es|ihm|ihr|ihnen|dies(?:e[mnrs]?)?|diese)\b")


def inconsistent_findings(records: Sequence[PairRecord]) -> list[Finding]:
    """The entries of ``records`` that translate a source otherwise than most entries of it:
    of its context, plural form and length variant (``metadata["variant"]``, 0 the first; a
    text without variants is a first)."""
    groups: dict[tuple[str, str, str, int], list[int]] = defaultdict(list)
    for n, record in enumerate(records):
        context = str(record.metadata.get("context", ""))
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
        for n in group:
            record = records[n]
            if record.target != usual:
                findings.append(
                    Finding.about(
                        "inconsistent",
                        n,
                        record,
                        f"the same source is translated {usual!r} in {count} other "
                        f"{'entry' if count == 1 else 'entries'} ({where})",
                    )
                )
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
_OFTEN_UNSAID = frozenset({"here", "there", "now", "just", "please", "also", "go"})


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
            if not context or m.segment.metadata.get("context") in (None, "", context)
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
    """:func:`glossary_findings` and :func:`forbidden_findings` of ``records``, and
    :func:`agreement_findings` where ``language`` is German (``de``, ``de_AT``, ``deu``), each
    source's terms found once; entry by entry, its missed terms first."""
    german = language is not None and lang_matches(language, "de")
    findings: list[Finding] = []
    for n, record in enumerate(records):
        terms = prose_terms(matcher, record.source)
        findings += _missed_terms(n, record, terms) + _forbidden_terms(n, record, terms)
        findings += _disagreeing_terms(n, record, terms) if german else []
    return findings


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
    :mod:`ltmt.terminology.compound_heads`)."""
    from ltmt.terminology.compound_heads import head_at
    from ltmt.terminology.matching import as_written, compound_renderings, rendered_at
    from ltmt.terminology.separable_verbs import separated_at

    entries = {as_written(term, source).target: term for source, term in terms}
    terms = [(source, as_written(term, source)) for source, term in terms]
    wanted = Counter(term.target for _, term in terms)
    written: dict[str, str] = {}
    for source, term in terms:
        written.setdefault(term.target, source)
    have: dict[str, int] = {}
    taken: set[int] = set()
    for target in sorted(wanted, key=len, reverse=True):
        places = rendered_at(target, record.target, written[target])
        if entries[target].target != target:  # a name in the source's spelling or the glossary's
            places |= rendered_at(entries[target].target, record.target, written[target])
        places |= separated_at(target, record.target) | head_at(target, record.target)
        places -= taken
        have[target] = len(places)
        if places and places <= compound_renderings(target, record.target, written[target]):
            sources = [source for source, term in terms if term.target == target]
            have[target] = min(len(places), _qualifying(record.source, sources))
        taken |= places
    pronouns = len(_PRONOUNS.findall(record.target))
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
            )
            + _folded_instead((target, entries[target].target), record.target),
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


def _missed_message(source: str, target: str, wanted: int, have: int) -> str:
    """What a finding of :func:`_missed_terms` says: the term and its target, and how often
    the source and the translation have it where the translation has it at all."""
    said = f"{source!r} is {target!r} in the glossary"
    return f"{said}: the source has it {wanted} times, the translation {have}" if have else said


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
    ``Vereinbarung`` translates another word)."""
    from ltmt.terminology.matching import rendered_at, renders

    places = Counter(term.key for _, term in terms)
    used: dict[str, tuple[str, str]] = {}
    for written, term in terms:
        if len(rendered_at(term.target, record.target, written)) >= places[term.key]:
            continue
        for banned in term.forbidden:
            if renders(banned, record.target) and not renders(banned, term.target):
                used.setdefault(banned, (written, term.target))
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
    from ltmt.fusion.match_markup import without_markup_tags
    from ltmt.terminology.agreement_check import disagreements, unknown_gender_articles
    from ltmt.terminology.genders import is_known_noun

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
