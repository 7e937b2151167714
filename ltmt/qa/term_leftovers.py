"""qa's glossary check of English left beside a target: the term's own words kept in English.

A translation may carry a term's target and still keep the source's word for it: ``Beleg
{0}-Receipt(s) anhängend`` for ``{0} receipt(s) attached``, glossary ``receipt`` → ``Beleg``
(a target put in front of the model's output, which copied the English). The missed-term
check passes it, as the target is there; :func:`english_left` names the English word. A term
whose target writes words of its source (a name kept: ``Old Tom`` → ``Old Tom``) is not read,
nor are places of the English words the source has outside its terms (in a name the matcher
does not find the term in), placeholders, quoted items (a label as the app shows it), or a
word inside a name of capitalised words that the source writes the same way ("Tippen Sie auf
Receipt Scanner" for "Tap Receipt Scanner": a feature's name kept in English).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.qa.findings import Finding
from ltmt.text import LETTERS

# the most words of a name
_NAME_WORDS = 6

if TYPE_CHECKING:
    from ltmt.segments import PairRecord
    from ltmt.terminology.terms import Term


def english_left(n: int, record: PairRecord, terms: Sequence[tuple[str, Term]]) -> list[Finding]:
    """A finding for each term of ``terms`` (the ``n``-th entry's prose terms, as the source
    writes each: :func:`~ltmt.qa.glossary_checks.prose_terms`) whose target the translation
    carries but whose English words it keeps too, more times than the source has them outside
    its terms (module docstring)."""
    from ltmt.spelling import words_of
    from ltmt.terminology.matching import renders

    places = Counter(term.key for _, term in terms)
    first: dict[str, tuple[str, Term]] = {}  # each term once, as the source first writes it
    for written, term in terms:
        first.setdefault(term.key, (written, term))
    translation, source = _readable(record.target), _readable(record.source)
    names = _source_names(record.source)
    name_words = _run_places(translation) if names else {}
    found: dict[str, str] = {}
    for written, term in first.values():
        if words_of([term.source]) & words_of([term.target]):
            continue  # the target keeps words of the source: a name
        if not renders(term.target, record.target, written):
            continue  # the missed-term check names it
        pattern = _english_pattern(term.source)
        kept = [
            found[0]
            for found in pattern.finditer(translation)
            if not _in_source_name(found, name_words, names)
        ]
        outside = len(pattern.findall(source)) - places[term.key]
        if kept and len(kept) > max(outside, 0):
            found.setdefault(
                kept[0],
                f"keeps the English {kept[0]!r} beside {term.target!r} ({written!r} is "
                f"{term.target!r} in the glossary): translate it as {term.target!r} once",
            )
    return [Finding.about("glossary", n, record, message) for message in found.values()]


def _in_source_name(
    found: re.Match[str], places: dict[int, tuple[list[re.Match[str]], int]], names: set[str]
) -> bool:
    """Whether ``found`` opens a word of a run of capitalised words (``places``: each such
    word's start, its run and its place in it, :func:`_run_places`) and lies inside a part
    of two words or more that is one of ``names`` (the source's): a UI or feature name kept
    in English ("Tippen Sie auf Receipt Scanner" for "Tap Receipt Scanner"), no word left
    untranslated."""
    if found.start() not in places:
        return False
    run, first = places[found.start()]
    last = first
    while last + 1 < len(run) and run[last + 1].start() < found.end():
        last += 1
    for start in range(max(0, last - _NAME_WORDS + 1), first + 1):
        for end in range(max(last, start + 1), min(len(run), start + _NAME_WORDS)):
            if " ".join(word[0] for word in run[start : end + 1]) in names:
                return True
    return False


def _run_places(text: str) -> dict[int, tuple[list[re.Match[str]], int]]:
    """Each word of a run of capitalised words in ``text`` (:func:`_capitalised_runs`) by its
    start: its run and its place in it."""
    return {word.start(): (run, n) for run in _capitalised_runs(text) for n, word in enumerate(run)}


def _source_names(source: str) -> set[str]:
    """Each part of two to :data:`_NAME_WORDS` words of a run of capitalised words in
    ``source`` (:func:`_capitalised_runs`), its words apart by one space."""
    names: set[str] = set()
    for run in _capitalised_runs(source):
        written = [word[0] for word in run]
        for start in range(len(written)):
            for end in range(start + 2, min(len(written), start + _NAME_WORDS) + 1):
                names.add(" ".join(written[start:end]))
    return names


def _capitalised_runs(text: str) -> list[list[re.Match[str]]]:
    """The runs of two or more capitalised words in ``text``, one space between each two."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for word in LETTERS.finditer(text):
        if not word[0][0].isupper():
            run = []
            continue
        if run and text[run[-1].end() : word.start()] != " ":
            run = []
        if not run:
            runs.append(run)
        run.append(word)
    return [run for run in runs if len(run) > 1]


def _english_pattern(source: str) -> re.Pattern[str]:
    """The words of the term ``source`` as a text writes them, in any case, apart by spaces or
    hyphens, the last with an English plural ending or an optional one (``Receipt(s)``)."""
    words = [re.escape(word) for word in source.split()]
    ending = r"(?:e?s|\(e?s\))?"
    return re.compile(rf"(?<!\w){'[ -]+'.join(words)}{ending}(?![\w(])", re.IGNORECASE)


def _readable(text: str) -> str:
    """``text`` without its placeholders and its quoted items (a label as the app shows it)."""
    from ltmt.quote_style import quoted_spans

    text = without_placeholders(text)
    for start, end, _, _ in reversed(quoted_spans(text)):
        text = f"{text[:start]} {text[end:]}"
    return text
