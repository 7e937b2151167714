"""The percent sign of a quantity, kept: ``50%`` and ``{$a}%`` say a share, ``50`` and ``{$a}``
a count. Memory fusion wrote Moodle's ``Score: {$a}%`` as ``Score: {$a}`` (a match's ``Best
grade: {$a}`` read in), which kept every placeholder and number, so neither the guard nor qa
saw it; the model alone wrote ``Ergebnis: {$a}%`` (session 72).

A percent of a source (:func:`percents`) is a ``%`` right after a number (``50%``, ``0.5%``)
or after a placeholder that stands for a value (``{$a}%``, ``{{level}}%``, ``%s%``, ``%1$s%``,
``:count%``), with a space between them or none (``50 %``, ``50\u202f%``). Not a ``%`` that
starts or is a conversion (``%s``, ``%d``, ``%1$s``, printf's ``%%``, a percent sign already),
nor one a letter, a digit or another ``%`` follows (``100%ig``, a URL's ``%20``), nor one after
a tag (``<b>50</b>%``: the tag is no value), nor one inside a placeholder (a URL's).

A translation keeps a percent where it writes its quantity (a number by its digits: ``0,5``
for ``0.5``; a placeholder as written) with a percent sign after it, glued or spaced as German
typography writes it (``50 %``, ``50\u202f%``, ``50-%``; in markup ``50&nbsp;%``), or the
word (``50 Prozent``, ``50-prozentige``, ``50%ige``, ``1,2 Volumenprozent``, ``5 v. H.``,
English ``percent``), or where it ends a range or a list with one sign, as German does (``20 -
30 %``, ``zwischen 1 und 2 %`` for ``between 1% and 2%``, ``10 bzw. 15 %``, ``10 / 20 %``, ``2
statt 1 %``). A quantity the translation does not write at all is the numbers' or the
placeholders' loss, not this module's. Of the 843 reference pairs of the general and l10n data
whose source has a percent, one is read as lacking it (``anstatt 25 nur 15 Prozent``).

:func:`restore_percents` puts a lost sign back after its quantity, as the source writes it
(``{$a}%``; ``50 %`` where the source spaces it): ltmt writes a number's percent as the model
and the source do, and the model alone writes ``{$a}%`` and ``50%`` glued as often as spaced. It
does so only where it is unambiguous: the translation writes the quantity without a percent
exactly as often as it lost one, and the source writes it with a percent only (``50% of 50 GB``
written ``50 GB`` is left as it is, not made ``50% GB``). What it cannot put back counts as a
number lost beyond repair (:func:`ltmt.numbers_kept.kept_shape`), and qa's numbers check says
it (:func:`percent_problems`), as it says a percent sign the translation adds after a quantity
of the source's (:func:`added_percents`: ``{{minimum}} %`` for ``{{minimum}}``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders, without_placeholders

# the source's own word for a percent sign, which a translation may write as "%" ("percent",
# "per cent", "percentage", "pct.")
_SAYS_PERCENT = re.compile(r"per ?cent|\bpct\b", re.IGNORECASE)
# the kinds of placeholder that stand for a value, which a percent sign may follow: a brace
# field, a printf conversion, a sigil variable, a merge tag (not a tag, a URL, an escape)
_VALUE_KINDS = frozenset({"brace", "printf", "sigil", "merge"})
# what may stand between a quantity and its percent sign
_GAP = "[ \u00a0\u202f\u2009]?"
# a number, whole (``1,299.5``: its digits are the quantity); not the end of a word or code,
# nor a character reference's (``&#160;``)
_NUMBER = re.compile(r"(?<![\w.,])(?<!&#)\d+(?:[.,]\d+)*")
# a source's percent sign after a quantity: a "%" that no letter, digit or "%" follows
_SOURCE_SIGN = re.compile(rf"(?P<gap>{_GAP})%(?![\w%])")
# a space as HTML writes it in a text: no-break, narrow no-break or thin (``50&nbsp;%``,
# ``50&#x202F;%``)
_SPACE_ENTITY = r"&(?:nbsp|thinsp|#(?:160|8201|8239|[xX]0*(?:[aA]0|2009|202[fF])));"
# how a translation writes a percent after its quantity: the sign (glued, spaced, hyphened, or
# with a German suffix, 50%ige) or the word (``Prozent``, ``v. H.``: vom Hundert)
_KEPT_SIGN = re.compile(
    rf"(?:[ \u00a0\u202f\u2009-]|{_SPACE_ENTITY})?"
    r"(?:[%\uff05]|[^\W\d_]{0,30}[Pp]rozent|[Pp]ercent|[Pp]er cent|v\.[ \u00a0]?H\.|vom Hundert)",
)
# what joins the quantities of a range or a list that one percent sign after the last ends
# (``20 - 30 %``, ``10 / 20 %``, ``30 oder gar 40 %``, ``zwischen 1 und 2 %``, ``von 35 auf 50
# %``, ``10 bzw. 15 %``, ``2 statt 1 %``, ``1,5 gegenüber 2 %``, ``von 1 bis hin zu 2 %``)
JOINED = re.compile(
    r"[ \u00a0\u202f]?[-\u2013\u2014/][ \u00a0\u202f]?|,[ \u00a0]"
    r"|,?[ \u00a0](?:bis (?:hin )?zu|bis|und|oder|auf|zu|bzw\.|beziehungsweise|statt|anstatt"
    r"|gegenüber|vs\.?|versus|to|and|or)(?: (?:gar|sogar|even))? "
)


@dataclass(frozen=True)
class Quantity:
    """A number or a value placeholder of a text: ``key`` is what it says (a number's digits,
    ``05`` for ``0.5`` and ``0,5``; a placeholder as written), ``written`` it as written, at
    ``start:end``."""

    key: str
    written: str
    start: int
    end: int


@dataclass(frozen=True)
class Percent:
    """A percent of a source: its quantity, the gap before its sign (``""`` or a space) and the
    two as written (``50%``, ``{$a} %``)."""

    quantity: Quantity
    gap: str

    @property
    def written(self) -> str:
        return f"{self.quantity.written}{self.gap}%"


def quantities(text: str, found: Sequence[Placeholder] | None = None) -> list[Quantity]:
    """The numbers of ``text`` outside its placeholders (``found``, if read already) and its
    value placeholders (:data:`_VALUE_KINDS`; not ``%%``), left to right."""
    if found is None:
        found = find_placeholders(text)
    values = [
        Quantity(p.text, p.text, p.start, p.end)
        for p in found
        if p.kind in _VALUE_KINDS and p.text != "%%"
    ]
    inside = _Spans(found)
    numbers = [
        Quantity(_digits(m.group()), m.group(), m.start(), m.end())
        for m in _NUMBER.finditer(text)
        if not inside(m.start())
    ]
    return sorted(values + numbers, key=lambda q: q.end)


def percents(source: str) -> list[Percent]:
    """The percents of ``source`` (module docstring), left to right."""
    if "%" not in source:
        return []
    found = find_placeholders(source)
    inside = _Spans(found)
    read = []
    for quantity in quantities(source, found):
        sign = _SOURCE_SIGN.match(source, quantity.end)
        if sign is not None and not inside(sign.end() - 1):
            read.append(Percent(quantity, sign.group("gap")))
    return read


def lost_percents(source: str, output: str) -> list[str]:
    """The percents of ``source`` (as written: ``50%``, ``{$a}%``) whose quantity ``output``
    writes without a percent after it, once each such quantity, beyond those it writes with
    one, in the source's order."""
    wanted = percents(source)
    if not wanted:
        return []
    read = _signed_quantities(output)
    kept = Counter(q.key for q, sign in read if sign)
    bare = Counter(q.key for q, sign in read if not sign)
    lost = []
    for percent in wanted:
        key = percent.quantity.key
        if kept[key] > 0:
            kept[key] -= 1
        elif bare[key] > 0:
            bare[key] -= 1
            lost.append(percent.written)
    return lost


def restore_percents(source: str, output: str) -> str:
    """``output`` with the percent sign of each quantity of ``source`` it lost
    (:func:`lost_percents`) put back after that quantity, with the source's gap before it
    (``{$a}%``, ``50 %``), where the output writes that quantity without a percent exactly as
    often as it lost its sign, and nothing but a space or a sign follows any of them (not
    ``50x``), and the source writes it nowhere without a percent (``50% of 50 GB`` written
    ``50 GB``: which 50 lost it?); else ``output`` unchanged."""
    wanted = percents(source)
    if not wanted:
        return output
    counts = Counter(q.key for q in quantities(source)) - Counter(p.quantity.key for p in wanted)
    read = _signed_quantities(output)
    bare = [q for q, sign in read if not sign]
    kept = Counter(q.key for q, sign in read if sign)
    lost = Counter(p.quantity.key for p in wanted) - kept
    gaps = {p.quantity.key: p.gap for p in wanted}
    bare_by_key: dict[str, list[Quantity]] = {}
    for q in bare:
        bare_by_key.setdefault(q.key, []).append(q)
    places: dict[int, str] = {}
    for key, count in lost.items():
        if counts[key] > 0:  # the source has it as a count too
            continue
        mine = bare_by_key.get(key, [])
        if len(mine) == count and all(_free_after(output, q.end) for q in mine):
            places.update((q.end, gaps[key]) for q in mine)
    if not places:
        return output
    pieces, start = [], 0
    for end in sorted(places):
        pieces += [output[start:end], f"{places[end]}%"]
        start = end
    return "".join(pieces) + output[start:]


def percents_beyond_repair(source: str, output: str) -> int:
    """How many percents of ``source`` ``output`` lacks once :func:`restore_percents` put back
    what it can."""
    if "%" not in source:
        return 0
    return len(lost_percents(source, restore_percents(source, output)))


def added_percents(source: str, output: str) -> list[str]:
    """The percents of ``output`` (as written: ``{{minimum}} %``) whose quantity ``source``
    writes, but with a percent fewer times, beyond those it writes with one, in the output's
    order: the model wrote ``über {{minimum, currency(EUR)}} % speichern`` for ``over
    {{minimum, currency(EUR)}}``, which shows ``über 50,00 € %`` (an i18next trial, session
    76). Not where the source says "percent" in words (``50 percent``: ``50 %``), nor for a
    quantity the source does not write or the output writes more often (the numbers' check
    says those: ``3% erhalten 3%`` for ``Get 3% back``)."""
    if "%" not in output or _SAYS_PERCENT.search(without_placeholders(source)):
        return []  # a field's name says nothing: {{percent, number}}
    written = Counter(q.key for q in quantities(source))
    # a quantity written more often than the source writes it is the numbers' check's
    written_again = Counter(q.key for q in quantities(output)) - written
    room = Counter(p.quantity.key for p in percents(source))
    added = []
    for percent in percents(output):
        key = percent.quantity.key
        if room[key] > 0:
            room[key] -= 1
        elif written[key] > 0 and not written_again[key]:
            added.append(percent.written)
    return added


def percent_problems(source: str, target: str) -> list[str]:
    """qa's reading of :func:`lost_percents` and :func:`added_percents`: ``lacks the percent
    sign of 50%: write % or Prozent after it`` for ``50%`` written ``50``, ``has a percent sign
    after {{minimum}} that the source does not have: remove it`` for ``{{minimum}}`` written
    ``{{minimum}} %``."""
    return [
        f"lacks the percent sign of {written}: write % or Prozent after it"
        for written in lost_percents(source, target)
    ] + [
        f"has a percent sign in {written!r} that the source does not have: remove it"
        for written in added_percents(source, target)
    ]


def _signed_quantities(text: str) -> list[tuple[Quantity, bool]]:
    """The quantities of ``text`` (:func:`quantities`), each with whether it has a percent
    (:func:`_with_percent`)."""
    written = quantities(text)
    return list(zip(written, _with_percent(text, written), strict=True))


def _with_percent(text: str, written: Sequence[Quantity]) -> list[bool]:
    """Whether each quantity of ``text`` (``written``: :func:`quantities`) has a percent after
    it (:data:`_KEPT_SIGN`), or is joined to the next by a range's or a list's word or sign
    (:data:`JOINED`) and that one has: German writes ``20 - 30 %`` for ``20%-30%``. Read from
    the last quantity back, so in linear time."""
    signed = [False] * len(written)
    for i in range(len(written) - 1, -1, -1):
        end = written[i].end
        if _KEPT_SIGN.match(text, end):
            signed[i] = True
        elif i + 1 < len(written) and signed[i + 1]:
            joined = JOINED.match(text, end)
            signed[i] = joined is not None and joined.end() == written[i + 1].start
    return signed


def _free_after(text: str, end: int) -> bool:
    """Whether a percent sign may go at ``end`` of ``text``: no letter, digit or ``%`` there."""
    return re.match(r"[\w%]", text[end : end + 1]) is None


class _Spans:
    """Whether a position is inside one of some placeholders (found left to right, not
    overlapping), by bisection: a text of thousands of numbers and placeholders is read in
    linear time."""

    def __init__(self, placeholders: Sequence[Placeholder]) -> None:
        self._starts = [p.start for p in placeholders]
        self._ends = [p.end for p in placeholders]

    def __call__(self, at: int) -> bool:
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)
