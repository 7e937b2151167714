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
suggested with the same target, one of them goes (:mod:`ltmt.terminology.nested_phrases`:
"infusion pump" → "Infusionspumpe", not "pump"); so does a phrase whose target belongs to
another phrase that stands beside it in its segments
(:mod:`ltmt.terminology.borrowed_targets`: "fire" → "Laser" of "fire a laser", where "laser"
→ "Laser").

Sources and targets are read without their placeholders and formatting codes (``%s``, tags,
Minecraft's ``§c``: :func:`~ltmt.formats.placeholder_syntax.without_placeholders`), so
``§cNot enough energy`` has the words ``Not enough energy``, not ``cNot``.

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
from ltmt.terminology.borrowed_targets import without_borrowed_targets
from ltmt.terminology.genders import is_known_noun
from ltmt.terminology.matching import renders, words
from ltmt.terminology.nested_phrases import PhraseEvidence, without_nested_repeats
from ltmt.terminology.source_verbs import used_mostly_as_verb
from ltmt.terminology.suggestion import Suggestion
from ltmt.text import content_lines

__all__ = [
    "SuggestConfig",
    "Suggestion",
    "cases_inside_sentences",
    "suggest_terms",
    "written_as_nouns",
]

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
    folded = [[singular.get(w, w) for w in ws] for ws in sources]
    src_grams = [_ngrams(ws, config.max_words, _EN_STOP) for ws in folded]
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
            noun_like = written_as_nouns(best.target, cases)
            noun_like = noun_like and not used_mostly_as_verb(s, folded, where[s])
            found.append(replace(best, noun_like=noun_like))
    evidence = PhraseEvidence(
        {" ".join(s): frozenset(indices) for s, indices in where.items()},
        {" ".join(s): counts for s, counts in co.items()},
        targets,
        config.min_consistency,
    )
    kept = without_nested_repeats(found, evidence)
    return without_borrowed_targets(kept, evidence.segments, config.min_consistency)


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
