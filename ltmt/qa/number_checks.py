"""qa's numbers check: the numbers of a source that a translation lacks, has more of, writes
without their sign or with a minus the source does not have, or writes with an English
thousands separator that German reads otherwise.

The runs of digits lost and the numbers added are the translator's own measures
(:func:`ltmt.numbers_kept.lost_numbers`, :func:`ltmt.numbers_added.added_numbers`); this module
says them as a reviewer reads them: a lost run named by the source's number it belongs to, whole
and as written there (``2.5``, ``2.5.1``; of ``1.x`` and ``2.4.1``, the one the translation does
not keep; an English amount with its German form, ``1,000.00 (1.000,00 in German)``), and
beside it what the translation has instead (``lacks the number 2.5; has 25``). An amount
German groups where the source does not (``1299.99`` as ``1.299,99``) keeps its number
(:func:`lost_beyond_grouping`); one left with its English decimal point (``19.99 USD``) does
too, as the translator keeps an amount as written where the model did (its number repair
writes a garbled amount in the source's form; :mod:`ltmt.currency_amounts` writes an amount
with a currency sign in German's form), but in German, Swiss German aside, a quantity so
written (``0.99 $``, ``2.3 MB``, ``4.25 %``) is a warning of its own
(:func:`english_decimal_points`): German reads the point as grouping thousands.

A translation that keeps a number's digits may still turn it into another: ``-20 °C`` written
``20 °C``, ``±5 %`` written ``5 %``, ``-$25.00`` written ``25,00 $`` (:func:`lost_signs`: a sign
before an amount's currency sign is the amount's; a hyphen between two numbers,
``10-20``, or one that opens a list item, ``- 5 items``, is no sign), ``2 to 8 °C`` written
``2 bis -8 °C`` (:func:`added_minuses`: a dash with a space before it and none after reads as
a sign, ``0,5 -1,0``; without spaces, ``0,5-1,0``, or with both, as a range; ``-1299`` written
``-1.299`` is the source's number, compared by value), a range written as one number
(``2\u20138 °C`` as ``2,8 °C``: :func:`ltmt.joined_ranges.joined_ranges`, its digits are the
source's, its value neither), ``≤ 37 °C`` written ``≥ 37 °C`` (:func:`flipped_comparisons`),
or ``1,000`` left as
``1,000``, which German reads as one with three decimals (:func:`english_separators`); a
comparison before a number (``≤ 2 h``, ``≥ 18 years``, ``≈ 5``, ``<= 10``) written with none,
``2 h`` (:func:`lost_comparisons`): German may say it in words (``höchstens``, ``max.``, ``bis
zu``; ``mindestens``, ``min.``, ``ab``; ``ca.``, ``etwa``; ``2 h oder weniger``); in German, a
comparison or range said in English words (``below 30 °C``, ``between 15 and 25 °C``) lost or
turned round (:mod:`ltmt.comparison_words`), and a frequency (``twice daily``, ``once weekly``,
``the maximum daily dose``) said with another count or period or none (``einmal täglich``,
``täglich``, ``einmal``: :mod:`ltmt.frequency_words`); an amount's
currency (``25 €``) written with none, ``25`` (:mod:`ltmt.qa.currency_numbers`: ``25 Euro``,
``EUR 25`` say it); a percent sign after a number or a placeholder (``50%``, ``{x}%``) written
with none, ``50``, ``{x}`` (:mod:`ltmt.percent_signs`: ``50 %``, ``50 Prozent`` say it). A minus
after a verb of decrease and "by" (``fell by -5%``) is said by the verb: a translation that
says the decrease too (``um 5 % gefallen``) keeps the meaning without it. A number that refers
to a part of a text or a release (``Section 4.2``, ``Art. 3.1``, ``§ 2.1``, ``version 1.5``,
``v2.5``; a clause's number that opens a line, ``2.3 Late payments ...``), not a quantity, keeps
its dot: ``Abschnitt 4,2`` reads as a decimal (:func:`decimal_references`); its letters in
brackets are kept (``Art. 6(1)(b)`` as ``Art. 6(1)``: :mod:`ltmt.reference_subdivisions`). A
12-hour time whose digits are written as another time of day (``8:00`` or ``8:00 Uhr`` for
``8:00 PM``) is said too (:func:`ltmt.qa.date_numbers.time_problems`).
In German, a number the source writes in digits and words (``30 (thirty) days``) that the
translation writes in words of another number (``30 (zwanzig) Tagen``), in the English words
(``14 (fourteen)``) or in words nowhere (``60 Tagen``) is said too
(:func:`ltmt.number_words.number_word_problems`): a contract's words govern its digits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ltmt.clause_markers import clause_number
from ltmt.comparison_words import (
    GERMAN_BEFORE,
    SAID_AFTER,
    SAID_BEFORE,
    comparison_word_problems,
)
from ltmt.copied_sentences import written_again
from ltmt.currency_amounts import SIGN as CURRENCY_SIGN
from ltmt.currency_amounts import swapped_marks
from ltmt.decimal_commas import (
    DECIMAL_POINT,
    MEASURED,
    measured_decimals,
    writes_decimal_comma,
    writes_decimal_point,
)
from ltmt.english_ordinals import kept_ordinals
from ltmt.formats.common import same_language
from ltmt.formats.conversion_remnants import without_remnants
from ltmt.formats.phone_numbers import PHONE_KINDS
from ltmt.formats.pipe_plurals import without_intervals
from ltmt.formats.placeholder_syntax import without_placeholders, without_tag_remains
from ltmt.frequency_words import frequency_findings
from ltmt.joined_ranges import joined_ranges
from ltmt.key_combinations import english_key_names
from ltmt.number_words import WordProblem, german_words, number_word_problems
from ltmt.numbers_added import added_numbers, garbled_amounts, repeated_numbers
from ltmt.numbers_kept import is_letter_code, lost_numbers
from ltmt.percent_signs import percent_problems
from ltmt.qa.amount_magnitudes import written_out
from ltmt.qa.currency_numbers import currency_problems
from ltmt.qa.date_numbers import as_translated, time_problems
from ltmt.qa.findings import TARGET_LANGUAGE
from ltmt.qa.laravel_checks import is_laravel_plural
from ltmt.qa.spaced_numbers import said_whole
from ltmt.reference_subdivisions import lost_subdivisions
from ltmt.wording import first_few

_DIGIT_RUN = re.compile(r"\d+")
# a number as the source writes it: runs of digits joined by one separator each (a version, a
# date, a time), a version's wildcard part (``1.x``), and a sign before it where nothing of a
# word or a number is (``-20``, ``(±5``; not the hyphen of ``10-20`` or ``ISO-8859``)
_AS_WRITTEN = re.compile(
    r"(?:(?<![\w.,])(?:\+/[-\u2212]|[-\u2212\u00b1](?=\d)))?\d+(?:[.,:/-]\d+)*(?:\.[xX*](?!\w))?"
)
# a currency sign between a number's sign and its digits: the sign is the amount's (``-$25.00``
# is minus 25 dollars, ``+$40.00`` a credit of 40, as ``$-25.00`` and ``-25,00 $``)
_CURRENCY_BETWEEN = rf"(?:{CURRENCY_SIGN}[ \u00a0]?)?"
# a signed number: the sign (a hyphen or U+2212 for minus, ± or +/- for plus-minus) and the
# number, of a source, a currency sign between them allowed (a plus is a sign only there:
# ``+$40.00``); a translation may write a minus as an en dash too, or the word
_SOURCE_SIGNED = re.compile(
    rf"(?<![\w.,])(\+/[-\u2212]|[-\u2212\u00b1]|\+(?={CURRENCY_SIGN})){_CURRENCY_BETWEEN}"
    r"(\d+(?:[.,]\d+)*)"
)
# a minus the translation says in words, anywhere in it
_MINUS_IN_WORDS = re.compile(r"\bminus\b|\bunter\s+null\b", re.IGNORECASE)
# an English verb of decrease and "by", right before a number's minus: "fell by -5%"
_DECREASE_BY = re.compile(
    r"\b(?:fell|falls?|fallen|drop(?:s|ped)?|decrease[sd]?|decline[sd]?|reduce[sd]?"
    r"|lower(?:s|ed)?|sank|sinks?|sunk|shr(?:ank|unk|inks?)|down)\s+by\s*$",
    re.IGNORECASE,
)
# a German word of decrease: the translation says the minus in words ("um 5 % gefallen")
_GERMAN_DECREASE = re.compile(
    r"\b(?:gefallen|f[äa]llt|fiel(?:en)?|gesunken|sinkt|sank(?:en)?|zurückgegangen|zurückgeht"
    r"|verringer\w*|reduzier\w*|vermindert\w*|abgenommen|gesenkt|senkt|Rückgang"
    r"|geschrumpft|schrumpft)\b",
    re.IGNORECASE,
)
# a minus right before a number, where nothing of a word or a number is before it and no
# space after it (``bis -8``, ``0,5 -1,0``; not the range of ``0,5-1,0`` nor ``0,5 \u2013 1,0``):
# as a reader reads a sign; a hyphen, an en dash or U+2212. The number whole, its thousands
# grouped by a no-break or a narrow no-break space too, as German typography does (``-1\u202f299``)
_MINUS = re.compile(
    rf"(?<![\w.,])([-\u2013\u2212]){_CURRENCY_BETWEEN}"
    r"(\d+(?:[.,]\d+|[\u00a0\u202f]\d{3}(?!\d))*)"
)
# the marks that group a number's thousands and can be nothing else
_SPACE_GROUPS = re.compile(r"[\u00a0\u202f]")
# how English, then German, writes a number: (its decimal mark, the mark that groups thousands)
_NUMBER_CONVENTIONS = ((".", ","), (",", "."))
# a minus the source says in words: a translation may write it as a sign
_ENGLISH_MINUS_IN_WORDS = re.compile(r"\bminus\b|\bbelow\s+zero\b", re.IGNORECASE)
# a comparison sign before a number (``≤ 37``, ``<5``, ``>= 10``); not an arrow's ``->`` nor
# a tag's bracket, which a digit does not follow
_COMPARED = re.compile(
    r"(?<![-=<>])(<=|>=|[<>\u2264\u2265\u2a7d\u2a7e])\s?(\d+(?:[.,]\d+)*)(?![.,]?\d)"
)
# which way each comparison sign points: below a number, or above it
_BELOW = ("<", "<=", "\u2264", "\u2a7d")
# a comparison sign before a number, ``≈`` too: its way (below, above, about) and the number
_QUALIFIED = re.compile(
    r"(?<![-=<>])(<=|>=|[<>\u2264\u2265\u2a7d\u2a7e\u2248])\s?(\d+(?:[.,]\d+)*)(?![.,]?\d)"
)
# each sign as the message names it, with the words German may write for it: a strict ``>``
# is "mehr als", not "mindestens" (which is ``≥``)
_SIGNS_SAID = {
    "<": "weniger als, unter",
    "<=": "höchstens, bis zu",
    "\u2264": "höchstens, bis zu",
    "\u2a7d": "höchstens, bis zu",
    ">": "mehr als, über",
    ">=": "mindestens, ab",
    "\u2265": "mindestens, ab",
    "\u2a7e": "mindestens, ab",
    "\u2248": "ca., etwa",
}
# a ``>`` between menu items, not before a number it bounds: a space either side of it, a
# capitalised word before it that is not a sentence's first ("Go to File > 2 Recent",
# "Select Settings > 5 GHz band"; "Temperature > 40 °C" and "Heart rate > 120 bpm" compare)
_MENU_STEP_BEFORE = re.compile(r"\w[^\S\n]+[A-ZÄÖÜ][\w-]*[^\S\n]+$")
_TARGET_SIGNED = re.compile(
    r"(?<![\w.,])(\+/?[-\u2212]\s?|[-\u2010-\u2014\u2212\u00b1]\s?|minus\s|\+)"
    rf"{_CURRENCY_BETWEEN}(\d+(?:[.,]\d+)*)",
    re.IGNORECASE,
)
# a number of several parts after a word that makes it a reference, not a quantity (``Section
# 4.2``, ``Art. 3.1``, ``§ 2.1``, ``version 1.5``, ``v2.5``); not after an indefinite article
# (``a section 1.5 m long``), nor measured (:data:`MEASURED`)
_REFERENCE = re.compile(
    r"(?:(?<!\ba\s)(?<!\ban\s)\b(?:section|clause|chapter|version)\s+|\bart\.\s*|§\s*|\bv)"
    rf"(\d+(?:\.\d+)+)(?![.,]?\d)(?!{MEASURED})",
    re.IGNORECASE,
)
# a number with separators between its runs of digits, whole (``4.2``, ``4,2``, ``1.2.3``)
_SEPARATED = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+(?![.,]?\d)")
# a whole number with its thousands grouped by commas, as English writes it, with its decimal
# part (``1,000``, ``1,299.99``): German reads the comma as its decimal mark
_ENGLISH_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|[.,]\d)")
# an amount with its thousands grouped as German writes them and a decimal comma
# (``1.299,99``, ``2 499,50``): its whole part is group 1, the separator of its groups ``mark``
_GERMAN_GROUPED_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?P<mark>[. \u00a0\u202f'])\d{3}(?:(?P=mark)\d{3})*),\d+(?![\d]|[.,]\d)"
)


def number_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The numbers of ``source`` that ``target`` lacks (a code of letters and digits, ``DE89``,
    whole; with what it has instead), those it has that ``source`` does not in any form
    (``1.299,99,99`` for ``1,299.99``) or more often (``3% erhalten 3%`` for ``Get 3% back``:
    :func:`~ltmt.numbers_added.repeated_numbers`), those it writes without their sign
    (:func:`lost_signs`) and with an English thousands separator (:func:`english_separators`),
    a spaced number (``123 456``, a card's ``4242 4242 ...``) said whole
    (:mod:`ltmt.qa.spaced_numbers`), the amounts it garbles or splits up
    (:func:`~ltmt.numbers_added.garbled_amounts`), the ranges it writes as one number
    (:func:`ltmt.joined_ranges.joined_ranges`: ``15.25`` for ``15\u201325``) or the amounts it
    writes without their currency (:mod:`ltmt.qa.currency_numbers`) or their percent sign
    (:func:`ltmt.percent_signs.percent_problems`, placeholders' too: ``{x}`` for ``{x}%``),
    outside placeholders (``%1$s`` is the placeholder check's) and what is left of a tag
    (:func:`~ltmt.formats.placeholder_syntax.without_tag_remains`); a US date or 12-hour time the
    translation writes as German does is the same number (:mod:`ltmt.qa.date_numbers`), as is
    an amount written short that it writes in full (``$5k`` as ``5.000 $``:
    :mod:`ltmt.qa.amount_magnitudes`); a 12-hour time it writes as another time of day
    (``8:00 Uhr`` for ``8:00 PM``: :func:`ltmt.qa.date_numbers.time_problems`); and, in
    German, an English ordinal of the source's kept (``{{count}}th``:
    :func:`ltmt.english_ordinals.kept_ordinals`), placeholders' too."""
    if is_laravel_plural(source, metadata):  # its intervals ([1,19]) are the plural check's
        source, target = without_intervals(source), without_intervals(target)
    # <size=120 %>: no number; a phone number's digits are (a lost +49 is "lacks the number
    # 49" as before, and a phone number garbled into numbers has none the source lacks)
    # and what is left of a conversion whose "%" was lost (3$.1f): the placeholder check's
    translated = without_tag_remains(without_remnants(source, target), source, kept=PHONE_KINDS)
    translated = english_key_names(translated, source)  # Strg+Pos1 for Ctrl+Home: no 1
    plain = as_translated(without_placeholders(source, kept=PHONE_KINDS), translated)  # 3/14/2024
    plain = written_out(plain, translated)  # $5k: 5.000 $
    lost = lost_beyond_grouping(plain, translated)
    runs, codes = [n for n in lost if not is_letter_code(n)], [n for n in lost if is_letter_code(n)]
    added = added_numbers(plain, translated)
    problems = []
    if runs:  # a spaced number (123 456) changed is said whole, on both sides
        wholes, added = said_whole(
            lost_as_written(runs, plain, translated), added, plain, translated
        )
        instead = f"; has {first_few(added)}, which the source does not" if added else ""
        problems.append(f"lacks the number {first_few(wholes)}{instead}")
    if codes:
        problems.append(f"lacks the code {first_few(codes)}")
    if added and not runs:
        problems.append(f"has the number {first_few(added)}, which the source does not")
    repeated = repeated_numbers(plain, translated)
    if repeated:
        problems.append(f"has the number {first_few(repeated)} more often than the source does")
    language = metadata.get(TARGET_LANGUAGE)
    german = same_language(str(language or "de"), "de")  # no language given: German
    garbled = garbled_amounts(plain, translated)
    problems += [
        f"writes the amount {amount} garbled or split up: write it whole, "
        f"{_in_language(amount, language)}"
        for amount in garbled
    ]
    problems += [
        f"writes the range {joined.range} as one number, {joined.number}: write "
        f"{_range_in_language(joined.first, joined.last, language)}"
        for joined in joined_ranges(plain, translated)
    ]
    signs = lost_signs(plain, translated)
    if signs:
        problems.append(f"lacks the sign of {first_few(signs)}")
    minuses = added_minuses(plain, translated)
    if minuses:
        problems.append(f"has a minus the source does not: {first_few(minuses)}")
    problems += [
        f"writes {want} as {have}: the comparison points the other way"
        for want, have in flipped_comparisons(plain, translated)
    ]
    problems += [
        f"lacks the comparison sign of {said}: write it, or say it in words "
        f"({_SIGNS_SAID[said.rstrip('0123456789.,').strip()]})"
        for said in lost_comparisons(plain, translated)
    ]
    if german:  # below 30 °C, between 15 and 25 °C; twice daily as einmal täglich
        problems += comparison_word_problems(plain, translated)
        problems += frequency_findings(plain, translated)
    # 8:00 for 8:00 PM: every digit kept, the time of day not
    problems += time_problems(without_placeholders(source, kept=PHONE_KINDS), translated)
    problems += currency_problems(plain, translated, said=garbled)
    problems += percent_problems(source, target)
    problems += [
        _english_mark(number, "thousands separator")
        for number in english_separators(plain, translated)
    ]
    if writes_decimal_comma(language or "de"):
        problems += [
            _english_mark(number, "decimal point")
            for number in english_decimal_points(plain, translated)
        ]
    problems += [
        f"writes the reference {number} as {swapped_marks(number)}: a section, clause or version "
        f"number keeps its dot, write {number}"
        for number in decimal_references(plain, translated)
    ]
    problems += [
        f"lacks ({lost.subdivision}) of the reference {lost.reference}: write it in brackets "
        "as the source does, or as German cites it (Abs. 1 lit. b, Buchstabe b, Ziffer ii)"
        for lost in lost_subdivisions(plain, translated)
    ]
    if german:
        problems += [
            f"keeps the English ordinal {ordinal}: write {ordinal[:-2]}. "
            "(German's ordinal: the number and a full stop)"
            for ordinal in kept_ordinals(source, target)
        ]
        problems += [_word_problem(problem) for problem in number_word_problems(plain, translated)]
    return problems


def _word_problem(problem: WordProblem) -> str:
    """``problem`` (:func:`ltmt.number_words.number_word_problems`) said for a reviewer."""
    wanted = problem.wanted
    number, words = f"{wanted.value:,} ({wanted.words})", german_words(wanted.value)
    if problem.found is None:
        return f"lacks the number {number} in words: write {words} beside its digits"
    if problem.english:
        return f"keeps the English words of the number {number}: write {words}"
    return f"writes the number {number} in words as {problem.found.words}: write {words}"


def lost_beyond_grouping(source: str, target: str) -> list[str]:
    """The runs of digits and codes of ``source`` that ``target`` lacks
    (:func:`ltmt.numbers_kept.lost_numbers`), but for the whole part of an amount ``target``
    groups as German does (``1299.99`` as ``1.299,99``, ``2499.50 EUR`` as ``2.499,50 EUR``):
    German groups an amount's thousands where English need not. qa's own reading: the
    translator's measure, which its number repair acts on, stays as it is."""
    missing = Counter(lost_numbers(source, target))
    for found in _GERMAN_GROUPED_AMOUNT.finditer(target):
        whole = found.group(1).replace(found.group("mark"), "")
        if missing[whole] > 0:
            missing[whole] -= 1
    return list((+missing).elements())


def lost_as_written(runs: list[str], source: str, target: str) -> list[str]:
    """The lost ``runs`` of digits of ``source`` (:func:`ltmt.numbers_kept.lost_numbers`) said
    by the number each belongs to, whole and as ``source`` writes it (``2.5``, ``-20``; ``2.5.1``
    where only its ``1`` is lost), each number once, with its German form where English groups
    its thousands (:func:`_said_whole`). A run is taken from a number ``target`` does not keep
    where there is one (``1`` of ``1.x``, not of ``2.4.1``, which it keeps)."""
    numbers = list(_AS_WRITTEN.finditer(source))
    parts = [_DIGIT_RUN.findall(number.group()) for number in numbers]
    kept = {tuple(_DIGIT_RUN.findall(number.group())) for number in _AS_WRITTEN.finditer(target)}
    taken: list[Counter[str]] = [Counter() for _ in numbers]
    alone = []
    for run in runs:
        free = [n for n, part in enumerate(parts) if part.count(run) > taken[n][run]]
        if not free:
            alone.append(run)
            continue
        n = min(free, key=lambda n: (tuple(parts[n]) in kept, n))
        taken[n][run] += 1
    said = [
        _said_whole(number.group()) for number, lost in zip(numbers, taken, strict=True) if lost
    ]
    return said + alone


def _said_whole(number: str) -> str:
    """``number`` as a lost number is said: with its German form beside it where English groups
    its thousands (``1,000.00 (1.000,00 in German)``), so that the reviewer looks for either."""
    if _ENGLISH_GROUPED.search(number) is None:
        return number
    return f"{number} ({swapped_marks(number)} in German)"


def lost_signs(source: str, target: str) -> list[str]:
    """The signed numbers of ``source`` (``-20``, ``\u221220``, ``±5``, ``+/-5``; an amount's
    sign before its currency sign, ``-$25.00``, ``+$40.00``: :data:`_CURRENCY_BETWEEN`) that
    ``target`` has, but fewer of with their sign (a minus written as a hyphen, a dash of U+2010
    to U+2014, U+2212, or in words, ``minus`` or ``unter null`` anywhere in the translation; a
    plus-minus as ``±`` or ``+/-``; a space after the sign, as German typography writes ``± 2
    mm``), as ``source`` writes them (an amount's sign and number: ``-25.00``). A minus the
    wording makes redundant (:func:`_said_by_decrease`) is not looked for."""
    signed = [
        found
        for found in _SOURCE_SIGNED.finditer(source)
        if not _said_by_decrease(source, found, target)
    ]
    lost = Counter(map(_sign_key, signed)) - Counter(_signed(target, _TARGET_SIGNED))
    if _MINUS_IN_WORDS.search(target):  # "18 Grad minus", "30 Grad unter null"
        lost = Counter({key: n for key, n in lost.items() if key[0] != "-"})
    has = {tuple(_DIGIT_RUN.findall(number)) for number in _AS_WRITTEN.findall(target)}
    said = []
    for found in signed:
        key = _sign_key(found)
        if lost[key] > 0 and key[1] in has:  # a number lost whole is lost_numbers'
            said.append(found.group(1) + found.group(2))  # -$25.00: -25.00
            lost[key] -= 1
    return said


def added_minuses(source: str, target: str) -> list[str]:
    """The negative numbers of ``target`` (:data:`_MINUS`: ``bis -8``, ``0,5 -1,0``) that
    ``source`` writes with no minus, or fewer times with one, as ``target`` writes them: ``2 to
    8 °C`` written ``2 bis -8 °C`` stores a drug frozen. Numbers are compared by value
    (:func:`_values`), so German's grouping and decimal comma keep the source's number
    (``-1299.99`` as ``-1.299,99``, ``-1000`` as ``-1.000``). A source that says a minus in words
    (``minus 20``, ``below zero``) may be written with a sign."""
    if _ENGLISH_MINUS_IN_WORDS.search(source):
        return []
    signed = [_values(found.group(2)) for found in _MINUS.finditer(source)]
    added = []
    for found in _MINUS.finditer(target):
        values = _values(found.group(2))
        same = next((n for n, wanted in enumerate(signed) if wanted & values), None)
        if same is None:
            added.append(found.group())
        else:
            del signed[same]
    return added


def _values(number: str) -> frozenset[str]:
    """The values ``number`` (runs of digits joined by ``.`` or ``,``) may be read as, each
    written plainly (``1299.99``): as English writes numbers and as German does
    (:data:`_NUMBER_CONVENTIONS`; ``-1.000`` is 1000 in German, 1 in English), a reading whose
    groups of thousands are not three digits being none. Its runs of digits (``1|2|3``) are one
    more, so that a number neither reads (``1.2.3``) is still itself."""
    plain = _SPACE_GROUPS.sub("", number)
    values = {"|".join(_DIGIT_RUN.findall(plain))}
    for decimal_mark, group_mark in _NUMBER_CONVENTIONS:
        whole, _, fraction = plain.partition(decimal_mark)
        groups = whole.split(group_mark)
        if decimal_mark in fraction or not _are_thousands(groups):
            continue
        digits, decimals = "".join(groups).lstrip("0") or "0", fraction.rstrip("0")
        values.add(f"{digits}.{decimals}" if decimals else digits)
    return frozenset(values)


def _are_thousands(groups: list[str]) -> bool:
    """Whether ``groups``, a whole number's digits split at a grouping mark, group its
    thousands: one to three digits, then three each (``1``, ``299``), or a single run."""
    if len(groups) == 1:
        return True
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def flipped_comparisons(source: str, target: str) -> list[tuple[str, str]]:
    """``(the source's comparison, the translation's)`` as written (``("≤ 37", "≥ 37")``) for
    each number of ``source`` after a comparison sign (:data:`_COMPARED`) that ``target`` has
    after a sign pointing the other way, and not after one pointing the source's way as often:
    ``≤ 37 °C`` written ``≥ 37 °C`` turns a limit round. A strict sign for a non-strict one
    (``<`` for ``≤``) points the same way and is not this check's."""
    wanted = [(_comparison_key(found), found.group()) for found in _COMPARED.finditer(source)]
    written = [(_comparison_key(found), found.group()) for found in _COMPARED.finditer(target)]
    kept = Counter(key for key, _ in written)
    flipped = []
    for (below, digits), as_written in wanted:
        if kept[below, digits] > 0:
            kept[below, digits] -= 1
            continue
        other = next((text for key, text in written if key == (not below, digits)), None)
        if other is not None and kept[not below, digits] > 0:
            kept[not below, digits] -= 1
            flipped.append((as_written, other))
    return flipped


def lost_comparisons(source: str, target: str) -> list[str]:
    """The numbers of ``source`` after a comparison sign (:data:`_QUALIFIED`: ``≤ 2``, ``>= 18``,
    ``≈ 5``), as written, that ``target`` writes without a comparison of that way before or
    after them, in a sign or in German words (:mod:`ltmt.comparison_words`):
    ``within ≤ 2 h`` written ``innerhalb von 2 h`` is no limit. A number ``target`` lacks is
    :func:`lost_numbers`'; one written after a sign pointing the other way,
    :func:`flipped_comparisons`'; ``±`` is :func:`lost_signs`'. A ``>`` between menu items
    (:data:`_MENU_STEP_BEFORE`: ``Go to File > 2 Recent``) is no comparison."""
    has = Counter(tuple(_DIGIT_RUN.findall(n)) for n in _AS_WRITTEN.findall(target))
    against = Counter(_comparison_key(found)[1] for found in _COMPARED.finditer(target))
    said = {
        way: Counter(
            tuple(_DIGIT_RUN.findall(found.group(1)))
            for pattern in (SAID_BEFORE[way], SAID_AFTER[way])
            for found in pattern.finditer(target)
        )
        for way in GERMAN_BEFORE
    }
    lost = []
    for found in _QUALIFIED.finditer(source):
        if _a_menu_step(source, found):
            continue
        way, digits = _way(found.group(1)), tuple(_DIGIT_RUN.findall(found.group(2)))
        if said[way][digits] > 0:
            said[way][digits] -= 1
        elif against[digits] > 0 and way != "about":  # turned round: flipped_comparisons'
            against[digits] -= 1
        elif has[digits] > 0:
            lost.append(found.group())
    return lost


def _a_menu_step(source: str, found: re.Match[str]) -> bool:
    """Whether ``found``, a compared number of ``source``, is a menu path's ``>`` and the item
    after it (:data:`_MENU_STEP_BEFORE`)."""
    spaced = found.group(1) == ">" and found.group().startswith("> ")
    return spaced and _MENU_STEP_BEFORE.search(source, 0, found.start()) is not None


def _way(sign: str) -> str:
    """Which way the comparison ``sign`` (:data:`_QUALIFIED`'s) points: below, above, about."""
    if sign == "\u2248":
        return "about"
    return "below" if sign in _BELOW else "above"


def _comparison_key(found: re.Match[str]) -> tuple[bool, tuple[str, ...]]:
    """A compared number as ``(whether its sign points below it, its runs of digits)``."""
    return found.group(1) in _BELOW, tuple(_DIGIT_RUN.findall(found.group(2)))


def _said_by_decrease(source: str, found: re.Match[str], target: str) -> bool:
    """Whether the minus of ``found`` (a signed number of ``source``) follows a verb of
    decrease and "by" (``fell by -5%``, ``decreased by -3``) and ``target`` says a decrease
    too (``gefallen``, ``gesunken``, ``verringert``): a German translation drops the doubled
    sign (``um 5 % gefallen``) and loses nothing."""
    return (
        found.group(1) in ("-", "\u2212")
        and _DECREASE_BY.search(source, 0, found.start()) is not None
        and _GERMAN_DECREASE.search(target) is not None
    )


def _signed(text: str, pattern: re.Pattern[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The signed numbers of ``text`` by ``pattern``, each as its :func:`_sign_key`."""
    return [_sign_key(found) for found in pattern.finditer(text)]


def _sign_key(found: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    """A signed number as ``("±", "+" or "-", its runs of digits)``: the sign however written,
    the number whatever its decimal mark (``-1.5`` and ``-1,5`` are one)."""
    written = found.group(1).strip()
    sign = "+" if written == "+" else "±" if written[0] in "±+" else "-"
    return sign, tuple(_DIGIT_RUN.findall(found.group(2)))


def english_separators(source: str, target: str) -> list[str]:
    """The numbers of ``source`` written with an English thousands separator (``1,000``,
    ``1,299.99``) that ``target`` writes as they are, where German reads the comma as its
    decimal mark (``1,000`` is one)."""
    written = Counter(found.group() for found in _ENGLISH_GROUPED.finditer(target))
    return [
        number
        for number in dict.fromkeys(found.group() for found in _ENGLISH_GROUPED.finditer(source))
        if written[number]
    ]


def english_decimal_points(source: str, target: str) -> list[str]:
    """The quantities of ``source`` written with an English decimal point (``0.99``, ``150.00``:
    one point, no thousands separator) that ``target`` writes as they are, where German reads a
    point as the mark that groups thousands (``1.000`` is a thousand): a number with a unit, a
    percent sign or a factor after it (:data:`MEASURED`: ``2.3 MB``, ``4.25%``) or a currency
    beside it (``$0.99``). Not a version or a time (``Python 3.11``, ``v2.3``, ``2.3.1``, ``at
    10.30``: no unit), an IP or a dotted code (``192.168.0.1``, ``A1.2``), a number glued to
    code (``x=1.5``, ``%1.2f``, a placeholder's or a code span's), nor where ``target`` is
    ``source`` written again (left in English: the ``copied`` check's)."""
    if written_again(source, target):
        return []
    quantities = [found.group() for found in measured_decimals(source)]
    written = Counter(DECIMAL_POINT.findall(without_placeholders(target)))
    return [number for number in dict.fromkeys(quantities) if written[number]]


def _english_mark(number: str, mark: str) -> str:
    """The finding of ``number`` left with English's ``mark`` (its thousands separator or its
    decimal point) in a German translation, with German's form of it."""
    return (
        f"writes {number} with the English {mark}, a decimal comma in German: "
        f"write {swapped_marks(number)}"
    )


def decimal_references(source: str, target: str) -> list[str]:
    """The reference numbers of ``source`` (``Section 4.2``, ``§ 2.1``, ``version 1.5``: module
    docstring; a clause's number that opens a line, ``2.3 Late payments ...``:
    :func:`ltmt.clause_markers.clause_number`) that ``target`` writes with a decimal comma
    (``4,2``) and fewer times as written, in the source's order: a section, a clause or a
    release number is no quantity, and keeps its dot."""
    wanted = Counter(_REFERENCE.findall(source))
    wanted.update(filter(None, (clause_number(line.lstrip()) for line in source.splitlines())))
    written = Counter(_SEPARATED.findall(target))
    return [
        number
        for number, count in wanted.items()
        if written[swapped_marks(number)] and written[number] < count
    ]


def _range_in_language(first: str, last: str, language: str | None) -> str:
    """The range from ``first`` to ``last`` as ``language`` may write it: ``15\u201325``, and
    in German ``15\u201325 or 15 bis 25`` too."""
    dashed = f"{first}\u2013{last}"
    if same_language(str(language or "de"), "de"):
        return f"{dashed} or {first} bis {last}"
    return dashed


def _in_language(amount: str, language: str | None) -> str:
    """An English ``amount`` (``1,250.50``) as ``language`` writes it: Swiss and Liechtenstein
    German ``1\u2019250.50``, other German ``1.250,50``."""
    if writes_decimal_point(language):
        return amount.replace(",", "\u2019")
    return swapped_marks(amount)
