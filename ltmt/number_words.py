"""Numbers a text writes twice, in digits and in words beside them: ``30 (thirty) days``,
``EUR 150,000 (one hundred and fifty thousand euros)``, ``thirty (30) days``; in German
``30 (dreißig) Tagen``, ``150.000 (einhundertfünfzigtausend Euro)``, ``dreißig (30) Tage``.

Contracts write every amount and deadline so, and the words govern where the two disagree. A
fuzzy match of ``30 (thirty) days`` repaired for ``10 (ten) days`` had its digits swapped and
kept its ``(dreißig)``: the translation said ``10 (dreißig) Tagen``, and every number check
passed, as they read digits only (the legal2 trial). :func:`worded_numbers` reads the source's
pairs whose words say the number its digits do (a source whose two disagree is its author's
to settle); :func:`number_word_problems` says where a German translation writes such a number
in words as another number (``dreißig`` beside ``10``), keeps the English words (``14
(fourteen)``) or says it in words nowhere (``60 Tagen`` for ``60 (sixty) days``).

Words are read as ``num2words`` writes the number (``lang="en"``, ``"de"``): English with or
without ``and``, with hyphens or spaces (``forty-eight``, ``forty eight``); German as one word
below a million (``einhundertfünfzigtausend``, ``hundertfünfzig`` too), the inflected ``ein``
(``einen (1) Monat``), ``dreissig`` as Swiss German writes it, and ``eine Million``, ``zwei
Millionen fünfhunderttausend`` in words of their own. Only words in parentheses beside digits,
or digits in parentheses beside words, make a pair: a capitalised English word followed by
others is a name (``3 (Three Rivers)``), not a number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ltmt.currency_amounts import SIGN
from ltmt.text import LETTERS

# a whole number as English groups it (``150,000``), a whole amount's ``.00`` allowed; below a
# quadrillion (longer runs of digits are no amounts to write in words)
_ENGLISH_DIGITS = (
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?P<cents>\.\d{1,2})?(?![\w]|[.,]\d)"
)
# as German groups it (``150.000``, ``150 000``; the English grouping kept too), ``,00``/``,-``
_GERMAN_DIGITS = (
    r"(?<![\w.,])(?<!\d[ \u00a0\u202f'])"  # not within a number grouped with spaces
    r"(?P<digits>\d{1,3}(?:[., \u00a0\u202f']\d{3}){1,4}|\d{1,15})"
    r"(?P<cents>,\d{1,2}|,-{1,2})?(?![\w]|[.,]\d)"
)
# a currency between an amount and its words (``150.000 EUR (einhundertfünfzigtausend Euro)``)
_CURRENCY = rf"(?:[ \u00a0](?:[A-Z]{{3}}|Euro|{SIGN}))?"
# digits, then words in parentheses (bounded: one clause's words, no nested parentheses)
_DIGITS_THEN_WORDS = {
    language: re.compile(rf"{digits}{_CURRENCY}[ \u00a0]?\((?P<words>[^()\d\n]{{1,200}})\)")
    for language, digits in (("en", _ENGLISH_DIGITS), ("de", _GERMAN_DIGITS))
}
# digits alone in parentheses, for words before them (``thirty (30)``)
_DIGITS_IN_PARENTHESES = {
    language: re.compile(rf"\((?:{digits})\)")
    for language, digits in (("en", _ENGLISH_DIGITS), ("de", _GERMAN_DIGITS))
}
# what may stand between the words of one number (``forty-eight``, ``two million, five``)
_BETWEEN_WORDS = re.compile(r"[ \u00a0,\-]*")
# German's "in words:" before the number (``30 (in Worten: dreißig) Tage``)
_IN_WORDS = re.compile(r"\s*in\s+Worten\s*:?\s*", re.IGNORECASE)
# the forms of ``ein`` (``einen (1) Monat``; before a number, an article: ``einer Null``)
_ARTICLES = frozenset(("ein", "eine", "einen", "einem", "einer", "eines"))
_WORDS_BEFORE = 12  # words read before ``(30)``: more than any number below a billion takes


@dataclass(frozen=True)
class WordedNumber:
    """A number written in digits with words beside it in a text: ``value`` its digits' value,
    ``said`` the value its words say (None where they say no number in the text's language),
    ``start``/``end`` the span of the words that say it (of the whole parenthesis where they
    say none), ``words`` those words."""

    value: int
    said: int | None
    start: int
    end: int
    words: str


def worded_numbers(source: str) -> list[WordedNumber]:
    """The numbers of English ``source`` written in digits and in words that say the same
    number (``30 (thirty)``, ``thirty (30)``, ``EUR 150,000 (one hundred and fifty thousand
    euros)``), in the source's order."""
    return [
        found
        for found in _paired(source, "en")
        if found.said is not None and found.said == found.value
    ]


def german_worded_numbers(text: str) -> list[WordedNumber]:
    """The numbers of German ``text`` written in digits beside words in parentheses, or in
    parentheses beside words: what the words say in German (None where they say no number)."""
    return _paired(text, "de")


def german_words(value: int) -> str:
    """``value`` as German writes it in words (``num2words``: ``dreißig``,
    ``einhundertfünfzigtausend``, ``zwei Millionen fünfhunderttausend``)."""
    return _num2words(value, "de")


@dataclass(frozen=True)
class WordProblem:
    """A number of the source's written in digits and words (``wanted``) that a translation
    gets wrong: ``found`` the translation's words beside its digits that say another number or
    keep the English (``english``), spanning those words alone; None where the translation
    says the number in words nowhere."""

    wanted: WordedNumber
    found: WordedNumber | None
    english: bool = False


def number_word_problems(source: str, output: str) -> list[WordProblem]:
    """The numbers ``source`` writes in digits and in words (:func:`worded_numbers`) that German
    ``output`` writes beside their digits in words of another number (``10 (dreißig)``) or in
    the English words (``14 (fourteen)``), in the output's order, then those it says in words
    nowhere (``60 Tagen``); words beside digits the source does not write so are left alone,
    as are words that say no number (``30 (zzgl. MwSt.)``)."""
    wanted = worded_numbers(source)
    if not wanted:
        return []
    by_value = {pair.value: pair for pair in wanted}
    problems: list[WordProblem] = []
    for found in german_worded_numbers(output):
        pair = by_value.get(found.value)
        if pair is None or found.said == found.value:
            continue
        if found.said is not None:
            problems.append(WordProblem(pair, found))
            continue
        english = _english_span(found.words, found.value)
        if english is not None:
            start, end = found.start + english[0], found.start + english[1]
            kept = WordedNumber(found.value, None, start, end, output[start:end])
            problems.append(WordProblem(pair, kept, english=True))
    wrong = {problem.wanted.value for problem in problems}
    said = Counter(german_values(output))
    for value, count in Counter(pair.value for pair in wanted).items():
        if value not in wrong and said[value] < count:
            problems.append(WordProblem(by_value[value], None))
    return problems


def german_values(text: str) -> list[int]:
    """The values of the numbers German ``text`` writes in words, wherever it writes them."""
    words = list(LETTERS.finditer(text))
    values, i = [], 0
    while i < len(words):
        read = _german_number(words, i, text)
        if read is None:
            i += 1
            continue
        values.append(read[0])
        i = read[1]
    return values


def _paired(text: str, language: str) -> list[WordedNumber]:
    """The numbers of ``text`` (``language``'s) in digits beside words, both ways round."""
    found = [
        pair
        for match in _DIGITS_THEN_WORDS[language].finditer(text)
        if (pair := _words_after(match, language)) is not None
    ]
    found += [
        pair
        for match in _DIGITS_IN_PARENTHESES[language].finditer(text)
        if (pair := _words_before(text, match, language)) is not None
    ]
    return sorted(found, key=lambda pair: pair.start)


def _words_after(match: re.Match[str], language: str) -> WordedNumber | None:
    """The pair of ``match`` (digits, then words in parentheses), or None where its digits are
    no whole number."""
    value = _whole_value(match)
    if value is None:
        return None
    words_start = match.start("words")
    content = match.group("words")
    if language == "de":
        skipped = _IN_WORDS.match(content)
        if skipped is not None:
            content, words_start = content[skipped.end() :], words_start + skipped.end()
    words = list(LETTERS.finditer(content))
    first = 1 if language == "de" and words and _an_article(words, 0, content) else 0
    read = _read_number(words, first, content, language)
    if read is None or (language == "en" and not _reads_as_number(words, read[1])):
        whole = match.group("words")
        return WordedNumber(value, None, match.start("words"), match.end("words"), whole)
    said, end = read
    begin, last = words[first].start(), words[end - 1].end()
    return WordedNumber(value, said, words_start + begin, words_start + last, content[begin:last])


def _words_before(text: str, match: re.Match[str], language: str) -> WordedNumber | None:
    """The pair of ``match`` (digits in parentheses) with the words right before it that say a
    number, or None where none do."""
    value = _whole_value(match)
    if value is None:
        return None
    window = max(0, match.start() - 30 * _WORDS_BEFORE)  # the words a number can take
    before = text[window : match.start()].rstrip(" \u00a0")
    if len(before) == match.start() - window:  # no space: ``Art. 6(1)`` is no pair
        return None
    words = list(LETTERS.finditer(text, window, window + len(before)))[-_WORDS_BEFORE:]
    if not words or words[-1].end() != window + len(before):
        return None
    for first in range(len(words)):
        read = _read_number(words, first, text, language)
        if read is not None and read[1] == len(words):
            start, end = words[first].start(), words[-1].end()
            return WordedNumber(value, read[0], start, end, text[start:end])
    return None


def _whole_value(match: re.Match[str]) -> int | None:
    """The value of ``match``'s digits, None where its cents are not zero."""
    cents = match.group("cents") or ""
    if cents.strip(".,-0"):
        return None
    return int(re.sub(r"\D", "", match.group("digits")))


def _read_number(
    words: list[re.Match[str]], first: int, text: str, language: str
) -> tuple[int, int] | None:
    """``(value, index past its last word)`` of the number ``words[first:]`` (of ``text``)
    begin with, in ``language``, or None."""
    if language == "de":
        return _german_number(words, first, text)
    return _english_number(words, first, text)


def _reads_as_number(words: list[re.Match[str]], end: int) -> bool:
    """Whether English words ``words[:end]``, a number, read as one, not a name: lower case,
    upper case, or capitalised with no word after them in the parentheses (``Ten``)."""
    said = " ".join(word.group() for word in words[:end])
    return said.islower() or said.isupper() or end == len(words)


def _english_number(words: list[re.Match[str]], first: int, text: str) -> tuple[int, int] | None:
    """``(value, index past its last word)`` of the English number ``words[first:]`` begin
    with (the longest that ``num2words`` writes so), or None."""
    read = None
    tokens: list[str] = []
    for i in range(first, min(len(words), first + 3 * _WORDS_BEFORE)):
        if i > first and not _adjacent(words[i - 1], words[i], text):
            break
        word = words[i].group().lower()
        if word == "and" and tokens:
            continue
        if word not in _english_vocabulary():
            break
        tokens.append(word)
        value = _english_values().get(tuple(tokens))
        if value is None:
            value = _english_large(tuple(tokens))
        if value is not None:
            read = (value, i + 1)
    return read


def _english_large(tokens: tuple[str, ...]) -> int | None:
    """The value of English ``tokens`` of a number of a thousand or more (``one hundred fifty
    thousand``), read as ``num2words`` writes it, or None."""
    for name, scale in _english_scales().items():
        if name not in tokens:
            continue
        at = tokens.index(name)
        head = _english_values().get(tokens[:at])
        tail = _english_values().get(tokens[at + 1 :], 0 if at + 1 == len(tokens) else None)
        if tail is None and at + 1 < len(tokens):
            tail = _english_large(tokens[at + 1 :])
        if head is None or tail is None or tail >= scale:
            return None
        return head * scale + tail
    return None


def _german_number(words: list[re.Match[str]], first: int, text: str) -> tuple[int, int] | None:
    """``(value, index past its last word)`` of the German number ``words[first:]`` begin with
    (``einhundertfünfzigtausend``; ``zwei Millionen fünfhunderttausend``), or None."""
    total, i, scale_above = 0, first, None
    while i < len(words):
        if i > first and not _adjacent(words[i - 1], words[i], text):
            break
        value = _german_word_value(words[i].group())
        if value is None or _an_article(words, i, text):
            break
        scale = None
        if i + 1 < len(words) and _adjacent(words[i], words[i + 1], text):
            scale = _german_scales().get(_folded(words[i + 1].group()))
        if scale is not None and (scale_above is None or scale < scale_above):
            total, i, scale_above = total + value * scale, i + 2, scale
            continue
        if scale_above is not None and value >= scale_above:
            break
        return total + value, i + 1
    return (total, i) if i > first else None


def _an_article(words: list[re.Match[str]], i: int, text: str) -> bool:
    """Whether ``words[i]`` is German's indefinite article before a number (``einer`` of ``0
    (einer Null)``), no number of its own."""
    following = i + 1 < len(words) and _adjacent(words[i], words[i + 1], text)
    return (
        _folded(words[i].group()) in _ARTICLES
        and following
        and _german_word_value(words[i + 1].group()) is not None
    )


def _german_word_value(word: str) -> int | None:
    """The value of one German word of a number below a million (``dreißig``,
    ``einhundertfünfzigtausend``, ``hundert``, ``einen``), or None."""
    folded = _folded(word)
    below = _german_below_thousand()
    if folded in below:
        return below[folded]
    head, thousand, tail = folded.partition("tausend")
    if not thousand:
        return None
    thousands = below.get(head) if head else 1
    rest = below.get(tail) if tail else 0
    if not thousands or rest is None:
        return None
    return thousands * 1000 + rest


def _adjacent(left: re.Match[str], right: re.Match[str], text: str) -> bool:
    """Whether only spaces, hyphens or commas stand between words ``left`` and ``right``."""
    return _BETWEEN_WORDS.fullmatch(text, left.end(), right.start()) is not None


def _english_span(words: str, value: int) -> tuple[int, int] | None:
    """The span within ``words`` of the English words that say ``value`` at their start
    (``fourteen`` of ``fourteen Tage``), or None."""
    found = list(LETTERS.finditer(words))
    read = _english_number(found, 0, words)
    if read is None or read[0] != value:
        return None
    return found[0].start(), found[read[1] - 1].end()


def _folded(word: str) -> str:
    """``word`` lower case, with ``ß`` as Swiss German writes it (``dreissig``)."""
    return word.lower().replace("ß", "ss")


def _num2words(value: int, language: str) -> str:
    from num2words import num2words

    return str(num2words(value, lang=language))


@cache
def _english_values() -> dict[tuple[str, ...], int]:
    """English's words of each number below a thousand (as ``num2words`` writes them, without
    ``and``, hyphens and commas) and their values."""
    return {_english_tokens(_num2words(n, "en")): n for n in range(1000)}


@cache
def _english_vocabulary() -> frozenset[str]:
    """Every word English writes numbers with, ``and`` aside."""
    below = {token for tokens in _english_values() for token in tokens}
    return frozenset(below | set(_english_scales()))


@cache
def _english_scales() -> dict[str, int]:
    """English's words of a billion, a million and a thousand, largest first, and their values."""
    return {_num2words(scale, "en").split()[-1]: scale for scale in (10**9, 10**6, 10**3)}


def _english_tokens(words: str) -> tuple[str, ...]:
    return tuple(w for w in LETTERS.findall(words.lower()) if w != "and")


@cache
def _german_below_thousand() -> dict[str, int]:
    """German's words of each number below a thousand (``num2words``'), ``hundert…`` for
    ``einhundert…`` too, and the inflected ``ein`` (``einen (1) Monat``)."""
    words = {_folded(_num2words(n, "de")): n for n in range(1000)}
    words.update({word[3:]: n for word, n in words.items() if word.startswith("einhundert")})
    words.update(dict.fromkeys(_ARTICLES, 1))
    return words


@cache
def _german_scales() -> dict[str, int]:
    """German's words of a million and a billion, singular and plural (``Million``,
    ``Millionen``), folded, and their values."""
    scales = {}
    for scale in (10**6, 10**9):
        for count in (1, 2):
            scales[_folded(_num2words(count * scale, "de").split()[-1])] = scale
    return scales
