"""The numbers a translation keeps: every run of digits of its source, as often as there, and
every code of letters and digits whole.

A German translation writes a software string's numbers as the English does: ``E351:``,
``(001..366)``, ``10*1024``, ``deb822``, ``%1$s`` (a decimal point becomes a comma, and each side
stays a run of digits). Of the dev users' 2,000 test segments, the references lack 10 of their
sources' runs of digits; the shipped model's outputs lacked 34 and kNN fusion's 8 (session 31,
``eval/results/dev-offline-s31-zen4-numbers-kept``).

Most of the model's losses are one digit of a repeated pair: ``E766`` came out ``E76``,
``0775`` ``075``, ``(001..366)`` ``(001..36)``. The tokenizer writes a number a digit at a
time, and the model's small decoder emits the same digit twice in a row poorly. So
:func:`repair_numbers` puts back a source's run of digits where the output has, at its place,
a run that is the same once repeated digits are collapsed (``76`` for ``766``), a product
where the output has only some of its factors in its place (``1024`` for ``10*1024``, ``M
1024`` for coreutils' ``M 1024*1024``: session 32), and the message code that opens a line
(vim's ``E613: ``) where the output dropped it or garbled it, and an amount written with a
decimal point (``49.99``, ``1,299.00``) whose separators the output garbled (``1.299.00``, no
number in either language), or left pieces of its digits of its own among them (the model's
``49,9,99`` for ``49.99`` and ``1.29,99,99`` for ``1,299.99``, ``1.299,99,99`` once the
``299`` is back), in German's form where the output turned the source's first separator
(``49,99``, ``1.299,00``); the translator does it for every output it decodes
(``Translator(number_repair=...)``: :func:`repair_outputs`), and counts an output as repaired
only where its numbers are then right (:func:`numbers_wrong`), and one with a number its
source has in no form, which qa reports, as not repairable, changed or not
(:func:`numbers_added_beyond_repair`).
What it cannot repair (:func:`numbers_beyond_repair`: a match's ``1024`` in place of the
line's ``4096``) makes a fused or glossary-following output the worse of two
(:func:`kept_shape`, which :mod:`ltmt.placeholder_guard` and
:func:`ltmt.terminology.constraints.output_shape` rank outputs by).

A range of the source's that the output writes as one number (``2.8 °C`` for ``2\u20138 °C``,
which keeps every run of digits) is written back as the range (:mod:`ltmt.joined_ranges`), in
the first output and in the retry's below, and counts as a number wrong until it is.

A line decoded without memory that still lacks a number after the repair is decoded once more
with those numbers given to the model as tags (:func:`retry_lost_numbers`, through
:func:`ltmt.pictographs.set_aside`), which it keeps and places: ``Activate favorite
application 6`` came out ``Lieblings-Anwendung aktivieren``, and with ``application <x/>``
``Lieblingsanwendung 6 aktivieren``. The second translation replaces the first where it keeps
every number and as many placeholders, and is not much longer. A count up to twelve with
words after it is left to the first: a translation may write it in words (``mindestens fünf
Zeichen``, ``vor einem Tag``), which the retry wrote worse (``mindestens 5 -Zeichen``, ``1
Tag``).

A code that begins with one to three letters and holds digits (an IBAN's ``DE89``, ``A4``,
``MP3``, ``X11``, ``E351``, ``SHA256``) is one number, kept whole or lost whole (kept written
in any case, without a plural ``s``, with a hyphen or space between its letters and digits:
``SHA-256``, ``MP3-Dateien``): the retry once set aside only its digits, and the model wrote
``89 3704 ...`` for ``DE89 3704 ...``, which kept every run of digits. The retry sets aside
every code of the line whole. A run that begins with digits (``10MB``, ``3rd``, ``4K``) stays
a run of digits: German writes ``10 MB`` and ``3.``; so do the digits of a word of four letters
or more (coreutils' ``FILE1``, ``STRING2``: names the translation writes in its own language,
``DATEI1``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ltmt.clock_times import times_as_written
from ltmt.comparison_words import comparison_word_problems
from ltmt.currency_amounts import beside_currency, swapped_marks
from ltmt.decimal_commas import german_decimal_commas, writes_decimal_comma
from ltmt.degree_signs import restore_degrees
from ltmt.english_ordinals import german_ordinals
from ltmt.folded_characters import restore_folded, restore_separators
from ltmt.formats.common import same_language
from ltmt.formats.conversion_remnants import with_conversions
from ltmt.formats.formatting_codes import without_codes
from ltmt.formats.glued_hyphens import without_hyphens_glued_to_numbers
from ltmt.formats.phone_numbers import PHONE_KINDS
from ltmt.formats.placeholder_syntax import (
    find_placeholders,
    placeholder_shape,
    without_placeholders,
    without_tag_remains,
)
from ltmt.formats.placeholders import markup_in_words
from ltmt.formats.tag_attributes import without_tag_attributes
from ltmt.frequency_words import frequency_findings
from ltmt.joined_ranges import joined_ranges, ranges_parted
from ltmt.number_words import german_values
from ltmt.numbers_added import added_numbers, garbled_amounts, repeated_numbers
from ltmt.percent_signs import lost_percents, percents_beyond_repair, restore_percents
from ltmt.reference_subdivisions import lost_subdivisions
from ltmt.terminology.matching import renders, substitute

if TYPE_CHECKING:
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d+")
# a code (module docstring): one to three letters at a word's start, then a digit, to the
# word's end; else a run of digits
_NUMBER_TOKEN = re.compile(r"(?<![^\W_])[^\W\d_]{1,3}\d[^\W_]*|\d+")
# a run of digits, or a product of them (``10*1024``, ``1000*1000*1000``) as one number
_NUMBER = re.compile(r"\d+(?:\*\d+)*")
_REPEATS = re.compile(r"(\d)\1+")
# a whole number with its thousands grouped as German writes it (``10.000``, ``10 000``)
_THOUSANDS_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[. \u00a0\u202f']\d{3})+(?![\d]|[.,]\d)")
_DIGIT_GROUP_SEPARATOR = re.compile(r"[. \u00a0\u202f']")
# a whole number with its thousands grouped as English writes it (``3,000``)
_THOUSANDS_GROUPED_EN = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|[.,]\d)")
# a number with a decimal point, as English writes it (``49.99``), with a thousands separator
# or without (``1,299.00``)
_ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+(?![\d.,]*\d)")
# a whole amount's decimals as German and Swiss write them (10.000,--; 10.000,- EUR with an en
# dash too; 10'000.-): the source's .00, written
_WHOLE_DECIMALS = re.compile(r"(?<=\d)[.,](?:--|[-\u2013\u2014])(?![\d-])")
# digits with separators between them (an output's amount, however written)
_SEPARATED = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+")
# an English ordinal's ending, right after its digits (1st, 2nd, 3rd, 12th)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
# what says a number before it is a clock's hour (``6 pm``: ``18 Uhr``)
_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.?m\b|o'clock)", re.IGNORECASE)
# a message code that opens a line (vim's ``E613: ``): letters, then digits, then a colon
_SOURCE_CODE = re.compile(r"(\s*)([A-Za-z]{1,4}\d{1,6}):\s")
# what the model may have written in its place (``WI35: `` for ``E735: ``)
_OUTPUT_CODE = re.compile(r"(\s*)([A-Za-z]{0,4}\d{1,6}):(?=\s)")


def kept_shape(source: str, output: str) -> tuple[int, int, int]:
    """``(-placeholders lost, -placeholders added, -numbers lost beyond repair)`` of ``output``
    against ``source`` (:func:`~ltmt.formats.placeholder_syntax.placeholder_shape`,
    :func:`numbers_beyond_repair`; a number's or a placeholder's percent sign is part of it:
    :func:`ltmt.percent_signs.percents_beyond_repair`): ``(0, 0, 0)`` when it keeps them all;
    between outputs of one line, higher is better."""
    lost = numbers_beyond_repair(source, output) + percents_beyond_repair(source, output)
    return (*placeholder_shape(source, output), -lost)


def numbers_lost(source: str, output: str) -> int:
    """How many of ``source``'s runs of digits and codes (``DE89``) ``output`` lacks (counted
    with repeats: :func:`lost_numbers`)."""
    return len(lost_numbers(source, output))


def lost_numbers(source: str, output: str) -> list[str]:
    """The runs of digits and the codes (``DE89``: module docstring) of ``source`` that
    ``output`` lacks, in the source's order (a run the source has twice and the output once is
    listed once); a run the output writes with its thousands grouped (``10000`` as ``10.000``
    or ``10 000``), or a grouped one of the source's ungrouped (``3,000`` as ``3000``, as German
    writes four digits), is not lacked. A Minecraft formatting code's character is no number
    (``§7turret``; ``§k12345`` has ``12345``:
    :func:`~ltmt.formats.formatting_codes.without_codes`), nor are a tag's attributes' digits.
    A 12-hour time the output writes on the 24-hour clock is read as it writes it (``16 Uhr``
    keeps ``4 pm``: :func:`ltmt.clock_times.times_as_written`)."""
    source, output = without_tag_attributes(source), without_tag_attributes(output)
    source, output = without_codes(source), without_codes(output)
    source = times_as_written(source, output)
    wanted = Counter(_NUMBER_TOKEN.findall(source))
    if not wanted:
        return []
    written = Counter(_NUMBER_TOKEN.findall(output))
    missing = wanted - written
    for code in [number for number in missing if is_letter_code(number)]:  # MP3s as MP3-Dateien
        missing[code] = max(0, wanted[code] - len(_written_code(code).findall(output)))
    for _ in _WHOLE_DECIMALS.finditer(output):  # 10,000.00 written 10.000,-- is kept
        if missing["00"] > 0:
            missing["00"] -= 1
    for grouped in _THOUSANDS_GROUPED.finditer(output):  # 10000 written 10.000 is kept
        run = _DIGIT_GROUP_SEPARATOR.sub("", grouped.group())
        if missing[run] > 0:
            missing[run] -= 1
    for grouped in _THOUSANDS_GROUPED_EN.finditer(source):  # 3,000 written 3000 is kept
        groups = Counter(grouped.group().split(","))
        run = grouped.group().replace(",", "")
        if written[run] > 0 and all(missing[group] >= n for group, n in groups.items()):
            written[run] -= 1
            missing -= groups
    return list((+missing).elements())


def is_letter_code(number: str) -> bool:
    """Whether ``number`` (of :func:`lost_numbers`) is a code of letters and digits (``DE89``),
    not a run of digits."""
    return not number.isdigit()


def _written_code(code: str) -> re.Pattern[str]:
    """How a translation may write ``code`` (of :func:`lost_numbers`) and keep it: in any case
    (``MP4`` for ``mp4``, ``V2`` for ``v2``), without a plural ``s`` (``MP3`` for ``MP3s``), with
    a hyphen or a space between its letters and its digits (``SHA-256``), and as the first part
    of a compound (``MP3-Dateien``); not its digits alone (``89`` for ``DE89``)."""
    singular = re.sub(r"(?<=\d)s$", "", code)
    parts = re.findall(r"\d+|[^\W\d_]+", singular)
    written = r"[-\s]?".join(map(re.escape, parts))
    return re.compile(rf"(?<![^\W_]){written}s?(?![^\W_])", re.IGNORECASE)


def numbers_wrong(source: str, output: str) -> int:
    """How many numbers ``output`` has wrong for ``source``: runs of digits of the source it
    lacks (:func:`numbers_lost`) and numbers it has that the source does not, in any form
    (:func:`ltmt.numbers_added.added_numbers`: ``1.299,99,99`` for ``1,299.99``), or more often
    than the source (:func:`ltmt.numbers_added.repeated_numbers`: ``3% erhalten 3%`` for ``Get
    3% back``), and amounts of the source's whose digits it has but garbled or split up
    (:func:`ltmt.numbers_added.garbled_amounts`: ``10.000 Euro.00`` for ``10,000.00``), and
    ranges of the source's it writes as one number (:func:`ltmt.joined_ranges.joined_ranges`:
    ``15.25`` for ``15\u201325``). The
    digits of a placeholder are the placeholder repair's (``%3$s`` written twice,
    :func:`~ltmt.formats.placeholder_syntax.without_placeholders`), as are those of what is
    left of a tag of the source's that the output garbled (:func:`_plain_output`), but a
    phone number's, which are numbers of the text (:data:`~ltmt.formats.phone_numbers.PHONE_KINDS`),
    as the repair reads them."""
    source, output = without_placeholders(source, kept=PHONE_KINDS), _plain_output(source, output)
    return (
        numbers_lost(source, output)
        + len(added_numbers(source, output))
        + len(repeated_numbers(source, output))
        + len(garbled_amounts(source, output))
        + len(joined_ranges(source, output))
    )


def _plain_output(source: str, output: str) -> str:
    """``output`` as the number measures read it against ``source``: without its placeholders
    (but phone numbers) and without what is left of a tag of ``source``'s that it garbled
    (:func:`~ltmt.formats.placeholder_syntax.without_tag_remains`, as qa reads it): the model
    wrote ``<sprite="buttons" index=2>`` as ``<sprite=»buttons«-Index=2>``, which the
    placeholder repair puts right, and the run said its ``2`` could not be repaired."""
    return without_tag_remains(output, source, kept=PHONE_KINDS)


def numbers_said_wrong(source: str, output: str) -> str:
    """What :func:`numbers_wrong` counts, said for a reader (``lacks 30``, ``has 2.4.4.1``,
    ``repeats 3``, ``garbles 10,000.00``, ``joins the range 15\u201325 as 15.25``) and the letters
    of a reference's it lacks (``lacks (b) of 6(1)(b)``: :mod:`ltmt.reference_subdivisions`), or
    else a comparison or range said in words it loses (:mod:`ltmt.comparison_words`) or a
    frequency it says otherwise (:mod:`ltmt.frequency_words`: ``twice daily``), a measure's unit
    it loses after the number (``lacks the unit of 15 mg``: :func:`ltmt.qa.unit_checks.lost_units`),
    or ``check its numbers`` where it counts none (a count the output writes in words)."""
    from ltmt.qa.unit_checks import lost_units  # qa's checks: not at import

    joined = [f"{found.range} as {found.number}" for found in joined_ranges(source, output)]
    letters = [
        f"({lost.subdivision}) of {lost.reference}" for lost in lost_subdivisions(source, output)
    ]
    said = [
        f"{verb} {', '.join(numbers)}"
        for verb, numbers in (
            ("lacks", lost_numbers(source, output)),
            ("has", added_numbers(source, output)),
            ("repeats", repeated_numbers(source, output)),
            ("garbles", garbled_amounts(source, output)),
            ("joins the range", joined),
            ("lacks", letters),
        )
        if numbers
    ]
    # a comparison said in words lost (below 30 as bei 30: counted in German alone) is named
    # where nothing else is wrong, so that another language's run is not told of German words
    said = said or comparison_word_problems(source, output) + frequency_findings(source, output)
    said = said or [
        f"lacks the unit of {want}"
        for want, _ in lost_units(without_placeholders(source), without_placeholders(output))
    ]
    return "; ".join(said) or "check its numbers"


def numbers_beyond_repair(source: str, output: str) -> int:
    """:func:`numbers_lost` of ``output`` once :func:`repair_numbers` has repaired it."""
    return numbers_lost(source, repair_numbers(source, output))


def lost_beyond_words(source: str, output: str) -> bool:
    """Whether ``output``, once repaired (:func:`repair_numbers`), lacks a number of ``source``
    that a translation would not write in words: a code, or a run that is no small count
    (:func:`may_be_written_in_words`: ``zwei`` for ``2 new messages``, ``18 Uhr`` for ``6 pm``
    keep theirs), as the retry of a line decoded without memory judges it."""
    lost = set(lost_numbers(source, repair_numbers(source, output)))
    return bool(lost) and bool(_set_aside_spans(source, lost))


def counts_lost_in_german(source: str, output: str) -> list[str]:
    """The small counts of ``source`` (two to twelve, that a translation may write in words:
    :func:`may_be_written_in_words`) that German ``output``, once repaired
    (:func:`repair_numbers`), writes neither in digits nor in words (``zehn``:
    :func:`ltmt.number_words.german_values`): ``Stellt 150 Lebenspunkte wieder her.`` for
    ``Restores 150 health points over 10 seconds.`` (trial s77), which :func:`lost_beyond_words`
    passed as a count written in words. Not one (``einem Tag`` for ``1 day``, an article too),
    an ordinal (``2nd`` as ``zweiten``), nor a clock's hour (``6 pm`` as ``18 Uhr``). On the
    57,396 l10n reference pairs it flags 5 (by hand, session 77: ``power of 2`` as
    ``Zweierpotenz``, and option tables whose references leave lines out)."""
    lost = set(lost_numbers(source, repair_numbers(source, output)))
    if not lost:
        return []
    inside = [(p.start, p.end) for p in find_placeholders(source)]
    said = german_values(output)
    counts = []
    for found in _NUMBER_TOKEN.finditer(without_codes(source)):  # its offsets are the line's
        digits = found.group()
        if digits not in lost or not digits.isdigit() or int(digits) < 2 or int(digits) in said:
            continue
        if any(a <= found.start() < b for a, b in inside) or not may_be_written_in_words(
            source, found
        ):
            continue
        after = source[found.end() :]
        if not (_ORDINAL.match(after) or _CLOCK_AFTER.match(after)):
            counts.append(digits)
    return counts


def repair_numbers(source: str, output: str) -> str:
    """``output`` with each run of digits that stands where a run of ``source``'s it lacks
    stood, and equals that run with repeated digits collapsed, replaced by the source's run;
    then each product of the source's (``10*1024``) it lacks put back over the factors that
    stand in its place (``1024``); then the message code that opens ``source`` (``E613: ``),
    where ``output`` lacks it, put back at the start (over a code-like start of the output's
    own: ``WI35: ``); then the decimals of an amount of the source's (``10,000.00``) put back
    after its whole part where the output dropped them (:func:`_decimals_restored`).

    The runs of the two are aligned in order (:class:`difflib.SequenceMatcher`); only runs that
    the output lacks are put back, and only over runs the source lacks, so an output that keeps
    every number comes back unchanged, but for an amount of the source's whose separators it
    garbled (:func:`_separators_restored`: ``1.299.00`` for ``1,299.00``) and a range of the
    source's it wrote as one number (:func:`ltmt.joined_ranges.ranges_parted`: ``2.8 °C`` for
    ``2\u20138 °C``, written ``2\u20138 °C``)."""
    if not _DIGITS.search(source):
        return output
    if numbers_lost(source, output):
        output = _code_restored(source, _products_restored(source, _runs_restored(source, output)))
        output = _decimals_restored(source, output)
    return ranges_parted(source, _separators_restored(source, output))


def _separators_restored(source: str, output: str) -> str:
    """``output`` with each number of ``source`` written with a decimal point (``49.99``,
    ``1,299.00``) whose digits it has with the separators garbled (``1.299.00``, ``1,299,00``:
    no number either way), or with pieces of those digits of its own left over among them (the
    model's ``49,9,99`` for ``49.99``; ``1.299,99,99``: its ``1.29,99,99`` with the ``299`` put
    back), written whole: in German's form where the output turned the source's first separator
    (``49,99``, ``1.299,00``), else as in the source. A run left over is dropped only where it
    is part of a run of the number's and the output has it more often than the source does."""
    amounts = {tuple(_DIGITS.findall(a)): a for a in _ENGLISH_DECIMAL.findall(source)}
    if not amounts:
        return output
    extra = Counter(_DIGITS.findall(output)) - Counter(_DIGITS.findall(source))

    def restored(found: re.Match[str]) -> str:
        written = found.group()
        amount = _amount_within(amounts, tuple(_DIGITS.findall(written)), extra)
        if amount is None or written in (amount, swapped_marks(amount)):
            return written
        turned = _first_separator(written) != _first_separator(amount)
        return swapped_marks(amount) if turned else amount

    return _SEPARATED.sub(restored, output)


def _decimals_restored(source: str, output: str) -> str:
    """``output`` with the decimals of each amount of money of ``source`` with its thousands
    grouped (``EUR 10,000.00``) that it lacks put back after the amount's whole part, where it
    writes that part beside a currency once (the model's ``10.000 Euro``), with the decimal
    mark of the output's grouping (``10.000,00``; ``10,000.00``). An amount without a currency
    is left as it is, so is one whose whole part the output writes beside a currency twice
    (which is it?) and one whose decimals it writes as German writes a whole amount's
    (``10.000,--``: :data:`_WHOLE_DECIMALS`)."""
    lost = Counter(lost_numbers(source, output))
    for found in _ENGLISH_DECIMAL.finditer(source):
        whole, _, decimals = found.group().rpartition(".")
        if "," not in whole or lost[decimals] <= 0:
            continue
        if not beside_currency(source, found.start(), found.end()):
            continue
        forms = (whole, whole.replace(",", "."))
        pattern = "|".join(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)" for form in forms)
        places = [
            place
            for place in re.finditer(pattern, output)
            if beside_currency(output, place.start(), place.end())
        ]
        if len(places) == 1:
            place = places[0]
            mark = "." if place.group() == whole else ","
            output = f"{output[: place.end()]}{mark}{decimals}{output[place.end() :]}"
            lost[decimals] -= 1
    return output


def _amount_within(
    amounts: dict[tuple[str, ...], str], runs: tuple[str, ...], extra: Counter[str]
) -> str | None:
    """The amount of ``amounts`` (by its runs of digits) whose runs ``runs`` are, or hold in
    order with others left over among them that are parts of the amount's runs and among
    ``extra`` (the output's runs the source lacks; those taken are taken from it), or None."""
    if runs in amounts:
        return amounts[runs]
    for wanted, amount in amounts.items():
        left_over = _left_over(runs, wanted)
        if left_over is None or left_over - extra:
            continue
        if all(any(run in part for part in wanted) for run in left_over):
            extra.subtract(left_over)
            return amount
    return None


def _left_over(runs: tuple[str, ...], wanted: tuple[str, ...]) -> Counter[str] | None:
    """The runs of ``runs`` beyond ``wanted``'s, where ``runs`` hold ``wanted``'s in order
    (``49, 9, 99`` hold ``49, 99``, and ``9`` is left over), else None."""
    left_over: Counter[str] = Counter()
    matched = 0
    for run in runs:
        if matched < len(wanted) and run == wanted[matched]:
            matched += 1
        else:
            left_over[run] += 1
    return left_over if matched == len(wanted) else None


def _first_separator(number: str) -> str:
    """The first sign of ``number`` that is no digit (``,`` of ``1,299.00``)."""
    return number.lstrip("0123456789")[:1]


def _code_restored(source: str, output: str) -> str:
    """``output`` opening with ``source``'s message code, where it lacks that code."""
    code = _SOURCE_CODE.match(source)
    if code is None or re.search(rf"(?<!\w){re.escape(code[2])}(?!\w)", output):
        return output
    own = _OUTPUT_CODE.match(output)
    if own is not None:
        return own[1] + code[2] + ":" + output[own.end() :]
    indent = output[: len(output) - len(output.lstrip())]
    return f"{indent}{code[2]}: {output[len(indent) :]}"


def _runs_restored(source: str, output: str) -> str:
    """``output`` with its collapsed runs of digits repaired (:func:`repair_numbers`)."""
    return _aligned_restored(
        source, output, _DIGITS, lambda number, written: _collapsed(number) == _collapsed(written)
    )


def _products_restored(source: str, output: str) -> str:
    """``output`` with a product of the source's (``10*1024``) put back where the output has
    only some of its factors (``1024``) in its place (:func:`repair_numbers`)."""
    if "*" not in source:
        return output
    return _aligned_restored(
        source,
        output,
        _NUMBER,
        lambda number, written: "*" in number and f"*{written}*" in f"*{number}*",
    )


def _aligned_restored(
    source: str, output: str, pattern: re.Pattern[str], fits: Callable[[str, str], bool]
) -> str:
    """``output`` with each of its ``pattern`` matches that the source lacks, standing where
    the source has one that the output lacks, replaced by the source's when ``fits(the
    source's, the output's)``; the two sequences of matches aligned in order
    (:class:`difflib.SequenceMatcher`)."""
    wanted = pattern.findall(source)
    found = list(pattern.finditer(output))
    lacking = Counter(wanted) - Counter(m[0] for m in found)
    extra = Counter(m[0] for m in found) - Counter(wanted)
    replacements: dict[int, str] = {}  # position in found -> the source's match
    aligned = SequenceMatcher(None, wanted, [m[0] for m in found], autojunk=False)
    for tag, w_start, w_end, f_start, f_end in aligned.get_opcodes():
        if tag != "replace":
            continue
        for w, f in zip(range(w_start, w_end), range(f_start, f_end), strict=False):
            number, written = wanted[w], found[f][0]
            if lacking[number] and extra[written] and fits(number, written):
                replacements[f] = number
                lacking[number] -= 1
                extra[written] -= 1
    if not replacements:
        return output
    pieces, end = [], 0
    for f, number in sorted(replacements.items()):
        pieces += [output[end : found[f].start()], number]
        end = found[f].end()
    return "".join(pieces) + output[end:]


def _collapsed(run: str) -> str:
    """``run`` with each repeated digit written once (``0775`` -> ``075``)."""
    return _REPEATS.sub(r"\1", run)


def _set_aside_spans(line: str, lost: Collection[str]) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of what :func:`retry_lost_numbers` gives the model as tags: the
    numbers of ``line`` that are ``lost`` (but counts a translation may write in words) and,
    where there are any, every code of the line whole (``DE89``, lost or not: the model kept a
    tag for its digits and dropped its letters); not the digits of a placeholder (``%1$s``: the
    placeholder is the repair's)."""
    inside = [(p.start, p.end) for p in find_placeholders(line)]
    numbers = [
        found
        for found in _NUMBER_TOKEN.finditer(without_codes(line))  # its offsets are the line's
        if not any(a <= found.start() < b for a, b in inside)
    ]
    retried = [_retried(line, found, lost) for found in numbers]
    if not any(retried):
        return []
    return [
        (*found.span(), found.group())
        for found, again in zip(numbers, retried, strict=True)
        if again or is_letter_code(found.group())
    ]


def _retried(line: str, number: re.Match[str], lost: Collection[str]) -> bool:
    """Whether ``number`` of ``line`` is one that the retry is for: ``lost``, and a code or a
    run that a translation would not write in words."""
    return number.group() in lost and (
        is_letter_code(number.group()) or not may_be_written_in_words(line, number)
    )


def _better(source: str, first: str, again: str) -> bool:
    """Whether ``again`` (the retry's translation of ``source``) replaces ``first``: it keeps
    every number and as many placeholders, leaves no piece of a tag in its words
    (:func:`ltmt.formats.placeholders.markup_in_words`), and is no more than a quarter longer
    than the longer of the two others, give or take a word (a retry of a long line went on
    repeating itself, ``wird, wird, wird``, to 1.48 times its source's length)."""
    if not again.strip() or numbers_lost(source, again) or garbled_amounts(source, again):
        return False
    if markup_in_words(source, again):  # what is left of a tag the model broke: ``5-/>``
        return False
    if len(again) > 1.25 * max(len(first), len(source)) + 10:
        return False
    return placeholder_shape(source, again) >= placeholder_shape(source, first)


def may_be_written_in_words(line: str, number: re.Match[str]) -> bool:
    """Whether a translation may write ``number`` of ``line`` in words (``fünf`` for ``at least
    5 characters``, ``vor einem Tag`` for ``1 day ago``, ``ersten Zeile`` for ``1st line``): a
    count up to twelve, or its English ordinal, between spaces with words after it; not one
    glued to other signs (``8859-9``) nor the line's last word, an index (``application 6``)."""
    before, after = line[: number.start()], line[number.end() :]
    ordinal = _ORDINAL.match(after)  # 1st line: "ersten Zeile"
    if ordinal is not None:
        after = after[ordinal.end() :]
    alone = (not before or before[-1].isspace()) and after[:1].isspace()
    return alone and int(number.group()) <= 12 and len(number.group()) <= 2 and bool(after.strip())


def repair_outputs(
    translator: Translator,
    units: Sequence[Unit],
    outputs: list[str],
    skip: Collection[int],
    hits: Sequence[Sequence[TermHit]] = (),
) -> tuple[set[int], set[int]]:
    """Repair the numbers of ``outputs`` (one per unit of ``units``) in place:
    :func:`repair_numbers` on each (the no-break spaces of its source put back beside the
    numbers it wrote back) and a percent sign of its source's lost after its number or
    placeholder put back (``{$a}%``: :func:`ltmt.percent_signs.restore_percents`) and a degree
    sign written as the source writes it (``90°`` for the model's ``90°C`` and ``90°°``:
    :func:`ltmt.degree_signs.restore_degrees`) and a hyphen
    glued to a number its source follows with a space
    taken away (``1- neue Kommentar``: :mod:`ltmt.formats.glued_hyphens`) and, in German, an
    English ordinal its source has written German's way (``{{count}}th Platz`` →
    ``{{count}}. Platz``: :func:`ltmt.english_ordinals.german_ordinals`) and a quantity of its
    source's written with English's decimal point with German's comma (``1,25 kg``, Swiss German
    aside: :func:`ltmt.decimal_commas.german_decimal_commas`), then
    :func:`retry_lost_numbers` on those that still lack one (but those in ``skip``; ``hits``:
    each unit's glossary terms, which its retry follows). Returns
    the indices (into ``units``) of the outputs it changed that now have every number right,
    and of those it changed that still have one wrong (:func:`numbers_wrong`): a repair that
    left ``1.299,99,99`` for ``1,299.99`` is no repair. An output a later step replaces (the
    placeholder guard's) is judged again on what replaces it."""
    changed = set()
    german = same_language(translator.written_language or "", "de")
    decimal_comma = writes_decimal_comma(translator.written_language)
    for i, unit in enumerate(units):
        text = restore_percents(unit.text, repair_numbers(unit.text, outputs[i]))
        text = restore_degrees(unit.text, without_hyphens_glued_to_numbers(unit.text, text))
        if german:
            text = german_ordinals(unit.text, text)
        if decimal_comma:
            text = german_decimal_commas(unit.text, text)
        if text != outputs[i]:
            outputs[i] = restore_separators(unit.text, text)
            changed.add(i)
    for i in retry_lost_numbers(translator, units, outputs, skip, hits):
        outputs[i] = restore_degrees(units[i].text, restore_folded(units[i].text, outputs[i]))
        if decimal_comma:
            outputs[i] = german_decimal_commas(units[i].text, outputs[i])
        changed.add(i)
    wrong = {
        i
        for i in changed
        if numbers_wrong(units[i].text, outputs[i]) or lost_percents(units[i].text, outputs[i])
    }
    return changed - wrong, wrong


def numbers_added_beyond_repair(units: Sequence[Unit], outputs: Sequence[str]) -> set[int]:
    """The segments of ``units`` whose ``outputs`` (one per unit, as returned) have a number
    their source has in no form (:func:`ltmt.numbers_added.added_numbers`: ``2.4.4.1`` for
    ``2.4.1``) or more often than their source (:func:`ltmt.numbers_added.repeated_numbers`:
    ``3% erhalten 3%`` for ``Get 3% back``), which qa reports: the repair left it, so the run
    counts it as not repairable (and ``--strict`` fails) whether or not the repair changed the
    output; not one a word of the source says loosely (``half``: ``50 %``), which qa reports
    for a reviewer to judge; nor the digits of a placeholder, which the placeholder repair
    keeps as the source has them (``%1$s … %3$s`` with its ``%3$s`` written twice:
    :func:`~ltmt.formats.placeholder_syntax.without_placeholders`), but a phone number's
    (:data:`~ltmt.formats.phone_numbers.PHONE_KINDS`), nor those of what is left of a printf
    conversion whose ``%`` the model lost (``.1f`` of ``%3$.1f``), which the placeholder
    repair writes back (:func:`~ltmt.formats.conversion_remnants.with_conversions`), or of a
    tag of the source's that the model garbled (:func:`_plain_output`)."""
    plain = [
        (
            without_placeholders(unit.text, kept=PHONE_KINDS),
            _plain_output(unit.text, with_conversions(unit.text, output)),
            unit.segment,
        )
        for unit, output in zip(units, outputs, strict=True)
    ]
    return {
        segment
        for source, output, segment in plain
        if added_numbers(source, output, loosely=True)
        or repeated_numbers(source, output, loosely=True)
    }


def retry_lost_numbers(
    translator: Translator,
    units: Sequence[Unit],
    outputs: list[str],
    skip: Collection[int],
    hits: Sequence[Sequence[TermHit]] = (),
) -> set[int]:
    """Decode again, with the numbers they lack and their codes (``DE89``) given as tags, the
    lines of ``units`` whose ``outputs`` lack a number of theirs (but those in ``skip``: decoded
    with memory); replaces the outputs that then keep every number and as many placeholders
    (module docstring), and returns their indices. A line with glossary terms (``hits``, one
    list per unit) is read with its targets in place and decoded under their constraint, and
    its retry replaces the output only where it carries every target: ``1.2 The Customer's
    account`` lost its ``1.2`` and its account to the glossary's placement, the retry with the
    tags alone wrote ``Kustomer. Kustomer. Kunde``, and with ``Kunde`` in place it kept all."""
    from ltmt.pictographs import set_aside

    todo = []
    for i, unit in enumerate(units):
        lost = set(lost_numbers(unit.text, outputs[i])) if i not in skip else set()
        line = substitute(unit.text, hits[i]) if hits and hits[i] else unit.text
        spans = _set_aside_spans(line, lost) if lost else []
        tagged, aside = set_aside(line, None, spans) if spans else (line, None)
        if aside is not None:
            todo.append((i, tagged, aside))
    if not todo:
        return set()
    segments = [units[i].segment for i, _, _ in todo]
    tagged_texts = [t for _, t, _ in todo]
    line_hits = [list(hits[i]) if hits else [] for i, _, _ in todo]
    texts = translator.decode_texts(tagged_texts, segments, line_hits if any(line_hits) else ())
    replaced: set[int] = set()
    for (i, _, aside), text, found in zip(todo, texts, line_hits, strict=True):
        # the model wrote the tag after a range's dash as a decimal's (``15.<x/>`` for
        # ``15\u2013<x/>``): parted as the repair parts the first output's
        again = ranges_parted(units[i].text, aside.put_back(text))
        if _better(units[i].text, outputs[i], again) and all(
            renders(hit.term.target, again) for hit in found
        ):
            outputs[i] = again
            replaced.add(i)
    logger.info(
        "lost numbers: %d lines lacked a number, %d kept them all decoded again with them as tags",
        len(todo),
        len(replaced),
    )
    return replaced
