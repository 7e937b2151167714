"""What a translation request looks up before decoding: memory matches and glossary terms.

Both come from the user's side: :func:`memory_matches` searches the user's translation memory
for each segment, :func:`term_matcher` gathers the glossary terms the call follows (the user's
stored glossary, the translator's and the call's own). :func:`missing_user` says when the
user named has no memory at all (a misspelt id translates without memory, which must not go
unsaid); :func:`check_memory_languages` refuses a user whose memory is of another language pair
than the translation (the command line's and the server's translations alike).

A segment holds ``&``, ``<`` and ``>`` as characters (:mod:`ltmt.formats.markup_characters`),
but a memory may hold the same sentence written with references (a web app's strings are HTML:
``Save &amp; close``; pairs stored from pages before that form): such a segment is searched in
those forms too, and the pairs found so are given to it in its own form (``Save & close``,
scored so: an exact match), so that neither a 100 % match is missed nor a stored ``&amp;``
copied into a translation (``Speichern &amp;;``). The stored keys stay as they are.

A stored source whose inline codes differ from the segment's only in their ids (CAT tools number
codes per file: a stored ``<x id="2"/>``, the segment's ``<x id="7"/>``) is an exact match, as
it is to a CAT tool, and is given to the segment with the segment's ids, in its source and
target (:mod:`ltmt.formats.code_ids`), so that the reused target carries the file's codes.

A stored source that differs from the segment only in a leading list or clause marker (``1.3``,
``(b)``, ``§ 3``, ``a)``, ``-``: :func:`ltmt.clause_markers.split_marker`; the one, the other or
both have one, ``(B)`` and ``(b)`` two markers) is an exact match too, as CAT tools set the
marker aside: the segment is searched without its marker as well, and such a pair is given to
it with the segment's marker, as the segment writes it, before its source and its target
(``(b) Die Verarbeitung ...``), the stored marker taken off a target that starts with it. A pair
found for the segment without its marker that is not such a match is left out: it was scored
against other words, and fuzzy matches stay as they were.

A segment without tags is scored against a stored pair without the pair's tags, which are taken
out of its source and target (:mod:`ltmt.untagged_matches`: a Trados TMX's ``See section
4.4<ph x="2"/>.`` is an exact match of a plain ``See section 4.4.``, its target reused as
``Siehe Abschnitt 4.4.``).

A stored source that differs from the segment only in the codes that wrap its placeholders
(Android's ``<xliff:g id="count">%d</xliff:g>``, XLIFF's ``<g id="1">%d</g>``: a memory
imported from PO or TMX has none) is an exact match too: the segment is searched with those
placeholders bare as well (:mod:`ltmt.formats.wrapped_placeholders`), and such a pair is given to
it with the wrappers put back around the same placeholders in its source and target. A pair
whose target does not hold each wrapped placeholder once is left out so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ltmt.clause_markers import split_marker
from ltmt.errors import ConfigError, InputError
from ltmt.formats.code_ids import input_ids, renumbered
from ltmt.formats.common import same_language
from ltmt.formats.disambiguations import other_sense
from ltmt.formats.markup_characters import from_written, written_forms
from ltmt.formats.wrapped_placeholders import Unwrapped, rewrapped, unwrapped
from ltmt.memory.user_ids import likely_users
from ltmt.segments import Match
from ltmt.text import fuzzy_score, normalize, split_edges
from ltmt.untagged_matches import best_as_read, searched_count
from ltmt.wording import counted

# the score of a 100 % match stored for another sense (_other_senses_near): near, not exact
OTHER_SENSE_SCORE = 99.0

if TYPE_CHECKING:
    from ltmt.memory.store import Memory
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term


def memory_matches(
    memory: Memory | None,
    user: str | None,
    texts: Sequence[str],
    k: int,
    prefer: Sequence[Mapping[str, Any]] | None = None,
) -> list[tuple[Match, ...]]:
    """The ``k`` best matches of each of ``texts`` in ``user``'s ``memory`` (none for a blank
    text, or without a memory or a user), in the text's form of ``&``, ``<`` and ``>`` (module
    docstring). ``prefer``: one mapping per text, the metadata that puts equally good matches
    first (:meth:`ltmt.memory.store.Memory.search_batch`)."""
    results: list[tuple[Match, ...]] = [() for _ in texts]
    if memory is None or user is None:
        return results
    if prefer is not None and len(prefer) != len(texts):
        raise ConfigError(f"{len(prefer)} preferences for {len(texts)} texts")
    searched = [
        (i, query, whole, bare)
        for i, text in enumerate(texts)
        if text.strip()
        for query, whole, bare in _searched(text)
    ]
    queries = [query for _, query, _, _ in searched]
    asked = searched_count([texts[i] for i, _, _, _ in searched], k)
    if prefer is None or not any(prefer):
        found = memory.search_batch(user, queries, k=asked)
    else:
        wanted = [prefer[i] for i, _, _, _ in searched]
        found = memory.search_batch(user, queries, k=asked, prefer=wanted)
    case_sensitive = bool(getattr(memory, "case_sensitive", False))
    gathered: dict[int, list[Match]] = {}
    for (i, query, whole, bare), searched_matches in zip(searched, found):
        matches = best_as_read(texts[i], query, searched_matches, k, case_sensitive)
        if bare is not None:
            kept = _wrappers_put_back(bare, matches, case_sensitive)
        else:
            kept = _markers_set_aside(texts[i], matches, whole, case_sensitive)
        gathered.setdefault(i, []).extend(kept)
    for i, matches in gathered.items():
        in_form = _in_form_of(texts[i], matches, k, case_sensitive)
        results[i] = _with_code_ids_of(texts[i], in_form, case_sensitive)
        if prefer is not None and prefer[i]:
            results[i] = _other_senses_near(results[i], prefer[i].get("context"))
    return results


def _other_senses_near(matches: tuple[Match, ...], context: object) -> tuple[Match, ...]:
    """``matches`` with each 100 % match stored for another sense than ``context``'s (a Qt
    disambiguation comment that differs: :func:`~ltmt.formats.disambiguations.other_sense`)
    scored :data:`OTHER_SENSE_SCORE`, a near match for fusion to read, best first again: the
    verb's ``Öffnen`` is no exact match for ``Open`` the file state."""
    other = [
        m.score >= 100 and other_sense(m.segment.metadata.get("context"), context) for m in matches
    ]
    if not any(other):
        return matches
    scored = [
        replace(m, score=OTHER_SENSE_SCORE) if elsewhere else m
        for m, elsewhere in zip(matches, other, strict=True)
    ]
    return tuple(sorted(scored, key=lambda m: -m.score))


def _searched(text: str) -> list[tuple[str, bool, Unwrapped | None]]:
    """What the memory is searched for to find ``text``, each with whether it is ``text`` whole
    and, for the search with its placeholders bare, what was unwrapped (else ``None``): itself
    and, where it is in the form of segments and has markup characters, the forms a memory may
    hold it in with references (:func:`ltmt.formats.markup_characters.written_forms`); where
    it starts with a list or clause marker, its words after the marker, not whole; and where
    codes wrap its placeholders, it with them bare (:func:`unwrapped`), not whole."""
    forms = [text, *written_forms(text)] if from_written(text) == text else [text]
    searched: list[tuple[str, bool, Unwrapped | None]] = [(form, True, None) for form in forms]
    marker, rest = split_marker(split_edges(text)[1])
    if marker:
        searched.append((rest, False, None))
    bare = unwrapped(text)
    if bare is not None:
        searched.append((bare.text, False, bare))
    return searched


def _markers_set_aside(
    text: str, matches: Sequence[Match], whole: bool, case_sensitive: bool
) -> list[Match]:
    """``matches`` found for ``text`` (``whole``) or its words after its marker, each that is
    ``text``'s but for a leading marker an exact match in ``text``'s form
    (:func:`_with_marker_of`); of those found for the words after the marker, only these."""
    marker, rest = split_marker(split_edges(text)[1])  # once for all of the text's matches
    words = normalize(rest, case_sensitive=case_sensitive)
    kept = []
    for match in matches:
        aside = _with_marker_of(marker, words, match, case_sensitive)
        if aside is not None or whole:
            kept.append(match if aside is None else aside)
    return kept


def _with_marker_of(marker: str, words: str, match: Match, case_sensitive: bool) -> Match | None:
    """``match`` scored 100 with a text's list or clause ``marker`` (or none) in place of its
    own before its source and target, where its source without its marker is the text's
    ``words`` after its marker (normalised) and its target starts with its source's marker;
    ``None`` where not, or where its source has ``marker`` as it is written already. An exact
    match is given the text's marker too: a case-insensitive search scores ``(B) Pay.`` 100
    for ``(b) Pay.``, and the text's clause is ``(b)``."""
    segment = match.segment
    stored_marker, stored_rest = split_marker(segment.source.strip())
    if stored_marker == marker:
        return None
    if normalize(stored_rest, case_sensitive=case_sensitive) != words:
        return None
    target_marker, target_rest = split_marker(segment.target.strip())
    if target_marker.strip() != stored_marker.strip():
        return None
    source, target = marker + stored_rest, marker + target_rest
    return Match(replace(segment, source=source, target=target), 100.0)


def _wrappers_put_back(
    bare: Unwrapped, matches: Sequence[Match], case_sensitive: bool
) -> list[Match]:
    """Those of ``matches`` (found for a text with its placeholders ``bare``) whose source is
    the bare text, scored 100 with the text's wrappers put back around the same placeholders in
    their source and target (:func:`rewrapped`); one whose target lacks a wrapped placeholder
    or holds it twice is left out, as are the others, scored against other words."""
    words = normalize(bare.text, case_sensitive=case_sensitive)
    kept = []
    for match in matches:
        segment = match.segment
        if normalize(segment.source, case_sensitive=case_sensitive) != words:
            continue
        source = rewrapped(segment.source, bare.wrappers)
        target = rewrapped(segment.target, bare.wrappers)
        if source is not None and target is not None:
            kept.append(Match(replace(segment, source=source, target=target), 100.0))
    return kept


def _in_form_of(
    text: str, matches: Sequence[Match], k: int, case_sensitive: bool
) -> tuple[Match, ...]:
    """The ``k`` best of ``matches`` (those found for ``text`` and its written forms), each
    stored pair once: for ``text`` in the form of segments, a pair written with references is
    read into that form (``Save &amp; close`` as ``Save & close``) and scored against
    ``text`` so; a text written with references (a web app's PO) gets them as stored."""
    if from_written(text) == text:
        query = normalize(text, case_sensitive=case_sensitive)
        matches = [_read_into_form(match, query, case_sensitive) for match in matches]
    best: dict[int, Match] = {}
    for read in matches:
        kept = best.get(read.segment.id)
        if kept is None or read.score > kept.score:
            best[read.segment.id] = read
    return tuple(sorted(best.values(), key=lambda match: -match.score)[:k])


def _read_into_form(match: Match, query: str, case_sensitive: bool) -> Match:
    """``match`` with its stored source and target in the form of segments
    (:func:`ltmt.formats.markup_characters.from_written`), its score that of the source so read
    against ``query`` (normalised)."""
    segment = match.segment
    source, target = from_written(segment.source), from_written(segment.target)
    if (source, target) == (segment.source, segment.target):
        return match
    score = match.score
    if source != segment.source:
        score = fuzzy_score(query, normalize(source, case_sensitive=case_sensitive))
    return Match(replace(segment, source=source, target=target), score)


def _with_code_ids_of(
    text: str, matches: tuple[Match, ...], case_sensitive: bool
) -> tuple[Match, ...]:
    """``matches``, best first, each whose source is ``text`` but for its codes' ids an exact
    match with ``text``'s ids (:func:`_given_code_ids`)."""
    if "<" not in text:  # (the common case: no code)
        return matches
    query = normalize(text, case_sensitive=case_sensitive)
    given = [_given_code_ids(text, query, match, case_sensitive) for match in matches]
    return tuple(sorted(given, key=lambda match: -match.score))


def _given_code_ids(text: str, query: str, match: Match, case_sensitive: bool) -> Match:
    """``match`` with the ids of ``text``'s codes in its source and target, scored 100, where
    its source so renumbered is ``text`` (``query`` normalised); else as it is."""
    segment = match.segment
    ids = input_ids(text, segment.source) if match.score < 100 else None
    if ids is None:
        return match
    source, target = renumbered(segment.source, ids), renumbered(segment.target, ids)
    if source is None or target is None:
        return match
    if normalize(source, case_sensitive=case_sensitive) != query:
        return match
    return Match(replace(segment, source=source, target=target), 100.0)


def missing_user(memory: Memory | None, user: str | None) -> str | None:
    """The warning that ``memory`` holds no user ``user`` (its translations are made without
    memory and without a stored glossary: a glossary is stored under its user, so a misspelt
    id has none; glossaries given to the call still apply), naming the likely users it meant;
    ``None`` when it does, without a memory or a user, or for a stand-in memory that cannot
    list its users."""
    listed = getattr(memory, "users", None)
    if user is None or listed is None:
        return None
    known: list[str] = listed()
    if user in known:
        return None
    close = likely_users(user, known)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    path = getattr(memory, "path", None)
    where = f"memory store {path}" if path is not None else "the memory"
    return (
        f"no user {user!r} in {where} ({counted(len(known), 'user')}); "
        f"{hint}translating without memory or stored glossary"
    )


def check_memory_languages(
    memory: Memory | None, user: str | None, pair: tuple[str, str | None]
) -> None:
    """Raise :class:`InputError` where ``user``'s memory records another language pair than
    ``pair``, the translation's (source, target; a target of ``None`` is not compared): an
    en→fr memory's 100 % matches would be copied into German output, its fuzzy ones steer the
    decoder. Languages compare without their regions (an en-US → de-AT memory serves en → de).
    Nothing is said without a memory, a user, or a recorded pair (a stand-in memory, a user
    who never imported a file)."""
    recorded = getattr(memory, "languages", None)
    held = recorded(user) if recorded is not None and user is not None else None
    if held is None:
        return
    if all(want is None or same_language(want, have) for want, have in zip(pair, held)):
        return
    asked = f"{pair[0]} → {pair[1] or held[1]}"
    raise InputError(
        f"{user}'s memory holds {held[0]} → {held[1]} pairs, but this translation is {asked}: "
        f"translate with a model of {held[0]} → {held[1]} (--model, --tgt-lang {held[1]}), or "
        f"import the {asked} pairs into another user (ltmt memory import FILE --user NEW)"
    )


def term_matcher(
    memory: Memory | None, user: str | None, stored: bool, *glossaries: Iterable[Term]
) -> TermMatcher | None:
    """The matcher of the terms a call follows, or None when there are none: ``user``'s
    glossary stored in ``memory`` when ``stored``, then ``glossaries`` in order (a later term
    wins over an earlier one with the same source)."""
    from ltmt.terminology.matching import TermMatcher

    terms: list[Term] = []
    found = getattr(memory, "glossary", None)  # memory-like objects may have none
    if stored and found is not None and user is not None:
        terms.extend(found(user).terms())
    for glossary in glossaries:
        terms.extend(glossary)
    return TermMatcher({term.key: term for term in terms}.values()) if terms else None
