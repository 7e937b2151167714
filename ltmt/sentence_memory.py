"""A line of several sentences translated a sentence at a time, each with its own matches.

A memory holds sentences; a paragraph, a label or a table cell often says several
(``WARNING: Do not reuse. Not for injection into veins.``). Fused whole, the line reads matches
that each cover one of its sentences, and kNN follows the best of them to its end: the output
is that match's translation and the line's other sentences are gone (``WARNUNG: Nicht
wiederverwenden.``), a negation among them. So a line whose sentence has a match that scores
higher against it than the line's best match against the line is translated sentence by
sentence (:func:`better_by_sentence`), each sentence with the matches retrieved for it (a
100 % match reused as stored); and a fused output that says fewer sentences than its line
(:func:`lost_sentences`), or no more than a match it read whose source lacks a sentence of the
line (:func:`beyond_match`: German runs longer, so ``<Bold>Warning:</> Save often! Progress is
only saved at campfires.`` fused to the match's ``<Bold>Warnung:</> Der Fortschritt ...`` is no
shorter than its line), is translated again so; a fused output that kept some of its line's
words and no word of its own (:func:`partial_copy`: ``Played for {Minutes} ...`` → ``{Minutes}
...``) is decoded again without memory. An output that still lost a sentence is flagged
(``Translation.sentences_lost``: ``ltmt translate --strict`` fails the run on it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.quote_style import double_marks
from ltmt.repeated_words import repeated_source_words
from ltmt.routing import read_matches
from ltmt.segments import Match, Translation
from ltmt.text import LINE_BREAK, split_edges, word_parts
from ltmt.units import whole_sentences

if TYPE_CHECKING:
    from ltmt.terminology.matching import TermMatcher
    from ltmt.translator import ProgressCallback, Translator


class Piece(NamedTuple):
    """What the model translates of one text: the text whole, or one of its sentences."""

    owner: int  # the index of the text it is part of
    text: str  # the sentence (stripped), or the text whole
    before: str = ""  # the text's leading whitespace, before its first sentence
    after: str = ""  # the whitespace after the sentence in its text


class Request(NamedTuple):
    """The texts of one translation call, with what each was looked up with."""

    texts: list[str]
    matches: list[tuple[Match, ...]]
    matchers: list[TermMatcher | None]
    users: list[str | None]
    prefer: list[Mapping[str, Any]]


def sentences_of(text: str, language: str, *, prompt_apart: bool = False) -> list[str]:
    """The sentences of a one-line ``text`` (each with the whitespace after it, edges aside:
    :func:`ltmt.units.whole_sentences`); ``[]`` for one sentence, or a text of several lines
    or columns (each of which the model gets apart already). A trailing prompt (``(y/N)``)
    is part of its question, as counted (:func:`sentence_count`), or with ``prompt_apart`` a
    piece of its own, as the model translates it: its question gets matches of its own (a dev
    user's ``Really update the preferences for the selected user IDs? (y/N)``, fused whole,
    came out ``Aktualisieren Sie ... wirklich aktualisieren? (j/N)``)."""
    body = split_edges(text)[1]
    if not body or LINE_BREAK.search(body) or "\t" in body:
        return []
    found = whole_sentences(body, language) if prompt_apart else _sentences(body, language)
    return found if len(found) > 1 else []


def sentence_count(text: str, language: str) -> int:
    """How many sentences ``text`` says (:func:`ltmt.units.whole_sentences`; 0 when blank)."""
    body = text.strip()
    return len(_sentences(body, language)) if body else 0


def _sentences(body: str, language: str) -> list[str]:
    """The sentences of ``body`` (:func:`ltmt.units.whole_sentences`), a last one that is a
    parenthetical prompt with its sentence: English's splitter cuts ``(y/N)`` off its
    question, German's keeps ``(j/N)`` with it, so a whole translation counted one fewer."""
    found = whole_sentences(body, language)
    if len(found) > 1 and _PROMPT.match(found[-1]):
        found[-2:] = [found[-2] + found[-1]]
    return found


_SPACED_DASH = re.compile("(?:^|\\s)[-\u2013\u2014](?=\\s)")  # an attribution's dash
_DASH = re.compile("[-\u2013\u2014]")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a word of two letters or more
# a parenthetical without a sentence's end: a prompt's (y/N), [Y/n], (yes/no), (optional)
_PROMPT = re.compile(r"[(\[][^()\[\].!?]*[)\]]\s*$")


def lost_sentences(source: str, output: str, source_language: str, target_language: str) -> bool:
    """Whether ``output`` lost a sentence of its one-line ``source`` of several: it says fewer
    sentences (both counted by one rule: :func:`ltmt.units.whole_sentences`) and is shorter
    than the source less half its shortest sentence, or has none of the source's marks of a
    part: its double quotation marks, or a dash set off by spaces (an attribution,
    ``"..." - Tom, Hamburg``, any dash). German runs as long as English or longer, so an output that
    dropped a sentence is shorter by about that sentence, while one that joined two
    (``Speichern Sie, siehe ...``) or that the splitter counts differently says them all and
    is not shorter; a quote that lost its marks and attribution can be as long as its line."""
    return _lost(sentences_of(source, source_language), source, output, target_language)


def _lost(said: list[str], source: str, output: str, target_language: str) -> bool:
    """:func:`lost_sentences` of a ``source`` whose sentences (of several) are ``said``."""
    if not said or sentence_count(output, target_language) >= len(said):
        return False
    shortest = min(len(sentence.strip()) for sentence in said)
    return len(output.strip()) < len(source.strip()) - shortest / 2 or _marks_lost(source, output)


def spoilt(
    source: str,
    output: str,
    source_language: str,
    target_language: str,
    *,
    fused: bool,
    read: Sequence[Match] = (),
) -> bool:
    """Whether ``output`` lost a sentence of ``source`` (:func:`lost_sentences`) or, ``fused``
    (a memory's words followed), kept some of its words and none of its own
    (:func:`partial_copy`) or, ``source`` a line of several sentences, says no more sentences
    than a match of ``read`` (the matches fusion read) whose source lacks one of the line's
    (:func:`beyond_match`), lost some of its double quotation marks (a quote and its
    attribution: a match that starts where the line's quote does steers the output past the
    opening mark), or says a word of it more often than it does (a match followed past its end:
    :func:`ltmt.repeated_words.repeated_source_words`). A fused message of one sentence is left
    as it is otherwise: one that repeats a word is more often the memory's good wording than a
    run-on (22 of the dev users' knn outputs were decoded again without memory for it, their
    chrF down; a run by hand)."""
    said = sentences_of(source, source_language)  # split once: the line's sentences
    if _lost(said, source, output, target_language):
        return True
    if not fused:
        return False
    if partial_copy(source, output):
        return True
    if not said:  # a line of one sentence
        return False
    lost_marks = len(double_marks(output)) < len(double_marks(source))
    return (
        lost_marks
        or bool(repeated_source_words(source, output))
        or beyond_match(said, output, read, source_language, target_language)
    )


def _words(text: str, *, case_sensitive: bool = False) -> set[str]:
    """The words of ``text`` outside its placeholders (:func:`ltmt.text.word_parts`)."""
    return word_parts(without_placeholders(text), case_sensitive=case_sensitive)


def _long_words(text: str) -> set[str]:
    """The words of ``text`` outside placeholders of two letters or more, case-folded."""
    return {word.casefold() for word in _words(text) if _TWO_LETTERS.search(word)}


def partial_copy(source: str, output: str) -> bool:
    """Whether ``output`` says some of ``source``'s words (outside placeholders, as written)
    and no word of its own, and lacks a word of two letters or more of it: a copy of part of
    its source, the rest dropped (``Played for {Minutes} {Minutes}|plural(one=minute,...)`` →
    ``{Minutes} {Minutes}|plural(one=minute,...)``). A word written in other capitals is the
    output's own: German writes its nouns with a capital, so ``git-Repository in '%s'`` for
    ``git repository gone in '%s'`` is a translation that lost a word, not a copy (decoded
    again without memory, a dev user's line came out ``gitter Repositorium``)."""
    said = _words(source, case_sensitive=True)
    kept = _words(output, case_sensitive=True)
    return kept <= said and any(_TWO_LETTERS.search(word) for word in said - kept)


def beyond_match(
    said: Sequence[str],
    output: str,
    read: Sequence[Match],
    source_language: str,
    target_language: str,
) -> bool:
    """Whether ``output`` of a line of the sentences ``said`` says fewer sentences than the line
    and no more than the target of a match of ``read`` whose source lacks one of them: it says
    fewer sentences than the line, and half the words of one of the line's sentences or more
    (:func:`ltmt.text.word_parts`, outside placeholders, of two letters or more) are none of
    the match's source's. (``Save changes? (y/N)`` with ``Really create? (y/N)`` read lost
    nothing: its German ``Geben Sie Änderungen? (j/N)`` counts one sentence, and so does the
    match's target, but the match's source says two.) Such an output followed the match, and
    the line's words beyond it are gone (``<Bold>Warning:</> Save often! Progress is
    only saved at campfires.`` with ``<Bold>Warning:</> Progress ...`` read: ``Save often!``
    lost). The output must lack the words beyond the match, too: it says fewer words that are
    none of the match's target's than the line says that are none of its source's (``Overwrite
    the existing folder? (y/N)`` → ``Vorhandene Ordner überschreiben? (j/N)`` with ``Please
    restart the application.`` read says all its own words)."""
    told = sentence_count(output, target_language)
    if told >= len(said):
        return False
    line = _long_words("".join(said))
    for match in read:
        if sentence_count(match.segment.target, target_language) < told:
            continue
        if sentence_count(match.segment.source, source_language) >= len(said):
            continue
        own = _long_words(output) - _long_words(match.segment.target)
        if len(own) >= len(line - _long_words(match.segment.source)):
            continue  # the output says words of its own where the line says some
        known = _words(match.segment.source)
        for sentence in said:
            words = {word for word in _words(sentence) if _TWO_LETTERS.search(word)}
            if words and 2 * len(words - known) >= len(words):
                return True
    return False


def _marks_lost(source: str, output: str) -> bool:
    """Whether ``output`` has none of the double quotation marks ``source`` has, or no dash
    where ``source`` sets one off by spaces."""
    quotes_lost = bool(double_marks(source)) and not double_marks(output)
    return quotes_lost or (bool(_SPACED_DASH.search(source)) and not _DASH.search(output))


def better_by_sentence(whole: Sequence[Match], by_sentence: Sequence[Sequence[Match]]) -> bool:
    """Whether a sentence's best match (``by_sentence``: each sentence's matches) scores higher
    against it than the line's best match (of ``whole``) against the line."""
    best = max((m.score for m in whole), default=0.0)
    return any(m.score > best for found in by_sentence for m in found)


def pieces_of(owner: int, text: str, sentences: Sequence[str]) -> list[Piece]:
    """The pieces of ``text`` (the text of index ``owner``) that are its ``sentences``; their
    translations joined with the whitespace around them give the text's."""
    lead, _, trail = split_edges(text)
    last = len(sentences) - 1
    pieces = []
    for number, sentence in enumerate(sentences):
        stripped = sentence.rstrip()
        after = sentence[len(stripped) :] + (trail if number == last else "")
        pieces.append(Piece(owner, stripped, lead if number == 0 else "", after))
    return pieces


def merged(
    text: str, matches: tuple[Match, ...], parts: Sequence[Translation], fusion: str
) -> Translation:
    """The translation of ``text`` (whose own memory ``matches`` it keeps) from the
    translations of its sentences (``parts``, the whitespace between them in their ``text``).
    Its method is the ``fusion``'s where a sentence used memory, never ``exact``: the line as
    a whole is no 100 % match, and is reviewed as a machine translation. Its ``by_sentence``
    counts the sentences, which the run report does not take for a long line split."""
    # imported here: the negation guard reads qa's check, whose package imports this module
    from ltmt.negation_guard import negation_lost

    joined = "".join(part.text for part in parts)
    return Translation(
        source=text,
        text=joined,
        matches=matches,
        method=fusion if any(part.used_memory for part in parts) else "model",
        pieces=sum(part.pieces for part in parts),
        by_sentence=len(parts),
        cut=any(part.cut for part in parts),
        copy_guarded=any(part.copy_guarded for part in parts),
        copies_other_words=any(part.copies_other_words for part in parts),
        numbers_repaired=any(part.numbers_repaired for part in parts),
        numbers_not_repairable=any(part.numbers_not_repairable for part in parts),
        seams_repaired=any(part.seams_repaired for part in parts),
        doubled_repaired=any(part.doubled_repaired for part in parts),
        accelerators=sum(part.accelerators for part in parts),
        target_language=parts[0].target_language,
        unfinished=any(part.unfinished for part in parts),
        negation_lost=negation_lost(text, joined),  # as qa reads the line whole
        match_set_aside=any(part.match_set_aside for part in parts),
        match_polarity=any(part.match_polarity for part in parts),
        sentence_split=any(part.sentence_split for part in parts)
        and all(part.sentence_split or part.pieces == 1 for part in parts),
    )


Choice = Callable[[Sequence[Match], Sequence[Sequence[Match]]], bool]


def translate_by_sentences(
    translator: Translator, request: Request, progress: ProgressCallback | None
) -> list[Translation]:
    """Translate ``request``'s texts, a line of several sentences sentence by sentence where a
    sentence's match beats the line's (:func:`better_by_sentence`); then each fused output that
    lost a part of its line or repeats its words (:func:`spoilt`) again sentence by sentence,
    the second kept unless it is spoilt too; then one still spoilt again without memory, kept
    unless it lost a part too. Outputs that still lost one are flagged ``sentences_lost``."""
    first = _translate(translator, request, better_by_sentence, progress)
    languages = translator.source_language, translator.line_forms.target_language
    fusion = translator.fusion_name
    # each output's sentences counted once (the splitter runs per output)
    lost = {
        i
        for i, done in enumerate(first)
        if done.method not in ("exact", "empty")
        and spoilt(
            done.source,
            done.text,
            *languages,
            fused=done.method == fusion,
            read=_read(translator, done) if done.method == fusion else (),
        )
    }
    fused = [i for i in sorted(lost) if first[i].method == fusion]
    by_sentence = [i for i in fused if sentences_of(request.texts[i], languages[0])]
    if by_sentence:
        again = _translate(translator, _subset(request, by_sentence), _always, None)
        for i, done in zip(by_sentence, again, strict=True):
            if not spoilt(done.source, done.text, *languages, fused=done.method == fusion):
                first[i] = done
                lost.discard(i)
    unfused = [i for i in fused if i in lost]
    if unfused:  # what the memory took away: the line as decoded without it
        plain = _subset(request, unfused)._replace(matches=[()] * len(unfused))
        again = _translate(translator, plain, _always, None)
        for i, done in zip(unfused, again, strict=True):
            copied = partial_copy(done.source, done.text)  # dropped words without memory too
            if not copied and not spoilt(done.source, done.text, *languages, fused=False):
                first[i] = replace(done, matches=request.matches[i])
                lost.discard(i)
    return [
        replace(done, sentences_lost=True) if i in lost else done for i, done in enumerate(first)
    ]


def _read(translator: Translator, done: Translation) -> Sequence[Match]:
    """The matches fusion read for ``done``'s line (:func:`ltmt.routing.read_matches`), or all
    it was given where the fusion has no match selection of its own."""
    fusion = translator.fusion
    backbone = getattr(translator, "backbone", None)
    read = None if fusion is None else read_matches(fusion, done.source, done.matches, backbone)
    return done.matches if read is None else read


def _always(whole: Sequence[Match], by_sentence: Sequence[Sequence[Match]]) -> bool:
    return True


def _subset(request: Request, chosen: Sequence[int]) -> Request:
    return Request(*([column[i] for i in chosen] for column in request))  # type: ignore[arg-type]


def _translate(
    translator: Translator, request: Request, choose: Choice, progress: ProgressCallback | None
) -> list[Translation]:
    """Translate ``request``'s texts, those of several sentences that ``choose`` (given the
    line's matches and its sentences') picks a sentence at a time with each sentence's own."""
    pieces = _plan(translator, request, choose)
    piece_matches = [
        request.matches[p.owner] if p.text == request.texts[p.owner] else found
        for p, found in pieces
    ]
    done = translator.translate_retrieved(
        [p.text for p, _ in pieces],
        piece_matches,
        [request.matchers[p.owner] for p, _ in pieces],
        _segment_progress(progress, len(pieces) - len(request.texts)),
    )
    gathered: dict[int, list[Translation]] = {}
    for (piece, _), part in zip(pieces, done, strict=True):
        spaced = replace(part, text=piece.before + part.text + piece.after)
        gathered.setdefault(piece.owner, []).append(spaced)
    results = []
    for i, text in enumerate(request.texts):
        parts = gathered[i]
        whole = len(parts) == 1 and parts[0].source == text
        results.append(
            parts[0] if whole else merged(text, request.matches[i], parts, translator.fusion_name)
        )
    return results


def _plan(
    translator: Translator, request: Request, choose: Choice
) -> list[tuple[Piece, tuple[Match, ...]]]:
    """Each text's pieces, with the matches retrieved for each sentence piece."""
    candidates: dict[int, list[str]] = {}
    if translator.fusion is not None and translator.sentence_split:
        for i, text in enumerate(request.texts):
            said = (
                sentences_of(text, translator.source_language, prompt_apart=True)
                if request.matches[i]
                else []
            )
            if said:
                candidates[i] = said
    found = _sentence_matches(translator, request, candidates)
    planned: list[tuple[Piece, tuple[Match, ...]]] = []
    for i, text in enumerate(request.texts):
        own = found.get(i)
        if own is not None and choose(request.matches[i], own):
            pieces = pieces_of(i, text, candidates[i])
            planned.extend(zip(pieces, own, strict=True))
        else:
            planned.append((Piece(i, text), request.matches[i]))
    return planned


def _sentence_matches(
    translator: Translator, request: Request, candidates: Mapping[int, list[str]]
) -> dict[int, list[tuple[Match, ...]]]:
    """The matches of each candidate text's sentences, retrieved for each user at once."""
    by_user: dict[str | None, list[int]] = {}
    for i in candidates:
        by_user.setdefault(request.users[i], []).append(i)
    found: dict[int, list[tuple[Match, ...]]] = {}
    for user, owners in by_user.items():
        sentences = [s.strip() for i in owners for s in candidates[i]]
        prefer = [request.prefer[i] for i in owners for _ in candidates[i]]
        matches = iter(translator.retrieve(sentences, user, prefer))
        for i in owners:
            found[i] = [next(matches) for _ in candidates[i]]
    return found


def _segment_progress(progress: ProgressCallback | None, extra: int) -> ProgressCallback | None:
    """``progress`` told of texts finished as their pieces finish: the ``extra`` pieces (more
    than the texts) are held back first, so that the calls add up to the texts."""
    if progress is None or extra <= 0:
        return progress
    held = extra

    def told(count: int) -> None:
        nonlocal held
        passed = max(0, count - held)
        held = max(0, held - count)
        if passed:
            progress(passed)

    return told
