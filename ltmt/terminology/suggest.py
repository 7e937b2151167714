"""Terms learnt from a memory: source phrases the memory translates the same way every time.

For every source word n-gram (1 to ``max_words`` words, no stop word at either end, plural
folded to the singular when the memory has that singular) that occurs in at least
``min_segments`` segments, the target n-grams that co-occur with it most often are candidates.
Each candidate is checked against every segment that contains the source phrase: the share of
those whose target renders it (:func:`~ltmt.terminology.matching.renders`: as a word start, so
"Datei" is carried by "Dateien") is its *consistency*. A phrase is suggested with its most
consistent candidate when that consistency reaches ``min_consistency`` and the pair is specific
(Dice coefficient of the two phrases' segment counts at least ``min_dice``: a target that is in
every segment says nothing about the source). Where a phrase and a shorter one inside it are
suggested with the same target (the longer one's target renders the shorter one's), one of them
goes: the shorter phrase keeps the target when it brings it outside the longer phrase too
("repository" → "Depot" everywhere, so "remote repository" → "Depot" adds nothing); else the
target is the longer phrase's translation where it carries every word of it, a German compound
most often ("pump" and "infusion" → "Infusionspumpe" only inside "infusion pump"), and the
shorter phrase goes; a target only one word comes with ("local file" → "lokale", while "file"
comes with "Datei") stays that word's.

A multi-line entry whose source and target have the same number of lines (a usage text, an
option table) is counted line by line: its lines are translated one for one, and taken whole,
every word of the entry would co-occur with every other ("show this help" with the "Version" of
the next line) and be suggested for it.

Each :class:`Suggestion` carries its evidence: how many segments (such lines counted apart) have
the source phrase and how many of them render the target.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ltmt.config import check_range
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.terminology.genders import is_known_noun
from ltmt.terminology.matching import renders, words
from ltmt.terminology.terms import Term
from ltmt.text import content_lines

_EN_STOP = frozenset(
    """a about above after again all also an and any are as at be been before being below between
    both but by can cannot could did do does doing down during each either few for from further
    had has have having he her here his how i if in into is it its itself just may me might more
    most must my no nor not now of off on once only or other our out over own same shall she
    should so some such than that the their them then there these they this those through to too
    under until up upon us very was we were what when where which while who whom why will with
    would you your yet""".split()  # noqa: SIM905 - a word list reads better as text
)
_DE_STOP = frozenset(
    """aber alle allen aller alles als am an auch auf aus bei beim bin bis bitte da damit dann das
    dass dem den denen der des die dies diese diesem diesen dieser dieses doch dort du durch ein
    eine einem einen einer eines es für gegen hat hatte hier ich ihr ihre im in ist ja jede jedem
    jeden jeder kann kein keine können man mehr mit muss nach nicht noch nur ob oder ohne sein
    sich sie sind so soll über um und uns unter vom von vor war was weil wenn werden wie wird wir
    wurde zu zum zur zwischen""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Suggestion:
    """A term the memory translates consistently: ``agreeing`` of the ``segments`` segments
    with ``source`` render ``target``.

    ``noun_like``: every word of the target is one the memory's targets write with a capital
    inside a sentence, as German writes its nouns (and names) wherever they stand, or, seen
    only where sentences start, one ltmt's German noun table knows (:func:`written_as_nouns`).
    Such terms are safe to follow unseen: a noun inflects by adding letters (``Datei`` →
    ``Dateien``), which the stem rule of :func:`~ltmt.terminology.matching.renders` accepts,
    while a verb or adjective inflects
    inside the word (``verwenden`` → ``verwendet``) or depends on the sentence, so forcing the
    form the memory shows most often hurts.
    """

    source: str
    target: str
    segments: int
    agreeing: int
    dice: float
    noun_like: bool = False

    @property
    def consistency(self) -> float:
        return self.agreeing / self.segments if self.segments else 0.0

    def term(self) -> Term:
        note = f"suggested: {self.agreeing}/{self.segments} segments"
        return Term(self.source, self.target, note)

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "segments": self.segments,
            "agreeing": self.agreeing,
            "consistency": round(self.consistency, 4),
            "dice": round(self.dice, 4),
        }


@dataclass(frozen=True)
class SuggestConfig:
    """Thresholds of :func:`suggest_terms`."""

    min_segments: int = 3
    min_consistency: float = 0.8
    min_dice: float = 0.3
    max_words: int = 3
    candidates: int = 5  # target phrases checked per source phrase

    def __post_init__(self) -> None:
        check_range("min_segments", self.min_segments, at_least=1)
        check_range("min_consistency", self.min_consistency, at_least=0, at_most=1)
        check_range("max_words", self.max_words, at_least=1)


# what ends a sentence, so that the next word starts one (``Fehler: Datei fehlt``)
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def _clean_words(text: str) -> list[str]:
    """The words of ``text`` outside placeholders (``%s``, tags, escapes)."""
    return words(without_placeholders(text, " \n "))


def _line_pairs(source: str, target: str) -> list[tuple[str, str]]:
    """``(source, target)`` line by line when both have the same number of non-blank lines (more
    than one), else the pair itself (module docstring)."""
    source_lines, target_lines = content_lines(source), content_lines(target)
    if len(source_lines) > 1 and len(source_lines) == len(target_lines):
        return list(zip(source_lines, target_lines))
    return [(source, target)]


def _content(word: str) -> bool:
    return len(word) > 1 and not word.isdigit() and "_" not in word


def _ngrams(tokens: list[str], max_words: int, stop: frozenset[str]) -> set[tuple[str, ...]]:
    found = set()
    for i in range(len(tokens)):
        for n in range(1, max_words + 1):
            gram = tuple(tokens[i : i + n])
            if len(gram) < n:
                break
            ends = (gram[0].casefold(), gram[-1].casefold())
            if ends[0] in stop or ends[1] in stop or not all(_content(w) for w in gram):
                continue
            found.add(gram)
    return found


def _singular_map(sources: list[list[str]]) -> dict[str, str]:
    """Plural word → its singular, for words whose singular the memory also has."""
    vocab = {w for ws in sources for w in ws}
    mapping = {}
    for word in vocab:
        if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
            continue
        options = ([word[:-3] + "y"] if word.endswith("ies") else []) + [word[:-2], word[:-1]]
        singular = next((w for w in options if w in vocab), None)
        if singular is not None:
            mapping[word] = singular
    return mapping


def suggest_terms(
    pairs: Iterable[tuple[str, str]], config: SuggestConfig | None = None
) -> list[Suggestion]:
    """Term suggestions from (source, target) pairs, most segments first."""
    config = config or SuggestConfig()
    targets: list[str] = []
    sources: list[list[str]] = []
    for pair in pairs:
        for source, target in _line_pairs(*pair):
            sources.append([w.casefold() for w in _clean_words(source)])
            targets.append(target)
    singular = _singular_map(sources)
    src_grams = [
        _ngrams([singular.get(w, w) for w in ws], config.max_words, _EN_STOP) for ws in sources
    ]
    tgt_grams = [_ngrams(_clean_words(t), config.max_words, _DE_STOP) for t in targets]
    src_count = Counter(g for grams in src_grams for g in grams)
    tgt_count = Counter(g for grams in tgt_grams for g in grams)
    frequent = {g for g, c in src_count.items() if c >= config.min_segments}
    co: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, (s_grams, t_grams) in enumerate(zip(src_grams, tgt_grams)):
        # inflected forms split a target's count ("Datei", "Dateien"): keep rarer ones as
        # candidates, the stem check below counts them together
        # sorted: n-gram sets iterate in a per-process order, and the counts' insertion order
        # breaks ties among candidates, so suggestions would differ from run to run
        t_kept = sorted(t for t in t_grams if tgt_count[t] >= 2)
        for s in sorted(s_grams & frequent):
            where[s].append(index)
            co[s].update(t_kept)
    cases = cases_inside_sentences(targets)
    found = []
    for s, counts in co.items():
        best = _best_target(s, counts, where[s], targets, src_count, tgt_count, config)
        if best is not None:
            found.append(replace(best, noun_like=written_as_nouns(best.target, cases)))
    evidence = _Evidence(
        {" ".join(s): frozenset(indices) for s, indices in where.items()},
        {" ".join(s): counts for s, counts in co.items()},
        targets,
        config.min_consistency,
    )
    return _drop_redundant(found, evidence)


def cases_inside_sentences(texts: Iterable[str]) -> Counter[tuple[str, bool]]:
    """How often each word (case-folded) of ``texts`` is written with a capital first letter
    (``True``) and without (``False``) where it does not start a sentence or a line: there
    German writes its nouns with a capital and its other words without, while a sentence's
    first word is written with one whatever it is (``Jedoch``, ``Schnell``)."""
    cases: Counter[tuple[str, bool]] = Counter()
    for text in texts:
        for line in content_lines(without_placeholders(text, " \n ")):
            for sentence in _SENTENCE_END.split(line):
                for word in words(sentence)[1:]:
                    if word[:1].isalpha():
                        cases[(word.casefold(), word[:1].isupper())] += 1
    return cases


def written_as_nouns(target: str, cases: Counter[tuple[str, bool]]) -> bool:
    """Whether every word of ``target`` is written with a capital inside sentences
    (:func:`cases_inside_sentences`' ``cases``) more often than without; a word the memory
    writes only where sentences start may be any word, and is a noun where ltmt's German
    noun table knows it (:func:`~ltmt.terminology.genders.is_known_noun`: "Fehler" of "Fehler
    beim Laden", not "Jedoch")."""
    return all(_written_as_noun(word, cases) for word in words(target))


def _written_as_noun(word: str, cases: Counter[tuple[str, bool]]) -> bool:
    """:func:`written_as_nouns` for one word."""
    capital, small = cases[(word.casefold(), True)], cases[(word.casefold(), False)]
    if capital or small:
        return capital > small
    return is_known_noun(word)


def _best_target(
    s: tuple[str, ...],
    counts: Counter[tuple[str, ...]],
    segments: list[int],
    targets: list[str],
    src_count: Counter[tuple[str, ...]],
    tgt_count: Counter[tuple[str, ...]],
    config: SuggestConfig,
) -> Suggestion | None:
    checked = []
    for t, together in counts.most_common(config.candidates):
        dice = 2 * together / (src_count[s] + tgt_count[t])
        if dice >= config.min_dice:
            target = " ".join(t)
            agreeing = sum(renders(target, targets[i]) for i in segments)
            checked.append(
                (together, Suggestion(" ".join(s), target, len(segments), agreeing, dice))
            )
    if not checked:
        return None
    # The stem rule lets a short prefix ("Arch") agree wherever a longer word does: among the
    # candidates close to the most agreeing one, the one seen most often as written wins.
    most = max(suggestion.agreeing for _, suggestion in checked)
    close = [item for item in checked if item[1].agreeing >= 0.95 * most]
    best = max(close, key=lambda item: (item[0], item[1].agreeing))[1]
    return best if best.consistency >= config.min_consistency else None


@dataclass(frozen=True)
class _Evidence:
    """What :func:`_drop_redundant` weighs: the segments (indices into ``targets``) of each
    source phrase, the target n-grams found with it and how often, and the share of its
    segments that must render a target."""

    segments: dict[str, frozenset[int]]
    companions: dict[str, Counter[tuple[str, ...]]]
    targets: list[str]
    min_consistency: float

    def holds_outside(self, shorter: Suggestion, longer: Suggestion) -> bool:
        """Whether ``shorter``'s segments without ``longer``'s source render its target as
        consistently as a suggestion must; where there are none, or too few render it, the
        target is ``longer``'s translation or a word of it (module docstring)."""
        outside = self.segments[shorter.source] - self.segments[longer.source]
        agreeing = sum(renders(shorter.target, self.targets[i]) for i in outside)
        return bool(outside) and agreeing >= self.min_consistency * len(outside)

    def translates_whole(self, longer: Suggestion) -> bool:
        """Whether ``longer``'s target is all its segments consistently hold for it: no other
        target word comes with it as often as a suggestion must agree (``open the file`` comes
        with ``öffnen`` besides ``Datei``: ``Datei`` translates one word of it, while
        ``infusion pump`` comes with ``Infusionspumpe`` alone)."""
        own = {word.casefold() for word in longer.target.split()}
        needed = self.min_consistency * len(self.segments[longer.source])
        return not any(
            count >= needed and own.isdisjoint(word.casefold() for word in gram)
            for gram, count in self.companions[longer.source].items()
        )

    def every_word_aligned(self, longer: Suggestion) -> bool:
        """Whether each word of ``longer``'s source (stop words left out: they have no
        segments) has ``longer``'s target in as many of its own segments as a suggestion must
        agree: the target carries every word's meaning, a compound ("infusion" and "pump" both
        come with "Infusionspumpe"), not one word's translation that the other word happens to
        follow ("local file" → "lokale": "file" comes with "Datei", elsewhere)."""
        for word in longer.source.split():
            segments = self.segments.get(word)
            if segments is None:
                continue
            agreeing = sum(renders(longer.target, self.targets[i]) for i in segments)
            if agreeing < self.min_consistency * len(segments):
                return False
        return True


def _inner_phrases(source: str) -> list[str]:
    """The shorter phrases inside ``source`` (``infusion pump`` → ``infusion``, ``pump``)."""
    parts = source.split()
    return [
        " ".join(parts[i:j])
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
        if j - i < len(parts)
    ]


def _drop_redundant(found: list[Suggestion], evidence: _Evidence) -> list[Suggestion]:
    """Of a phrase and a shorter suggested phrase inside it with the same target, drop the
    shorter one where the target translates the phrase whole and the shorter one brings it
    nowhere else, else the longer one (module docstring); most segments first."""
    by_source = {s.source: s for s in found}
    dropped = set()
    for longer in found:
        for phrase in _inner_phrases(longer.source):
            shorter = by_source.get(phrase)
            if shorter is None or not renders(shorter.target, longer.target):
                continue
            own = evidence.holds_outside(shorter, longer)
            phrase_wins = (
                not own
                and evidence.translates_whole(longer)
                and evidence.every_word_aligned(longer)
            )
            dropped.add(shorter.source if phrase_wins else longer.source)
    kept = [s for s in found if s.source not in dropped]
    return sorted(kept, key=lambda s: (-s.segments, -s.consistency, s.source))
