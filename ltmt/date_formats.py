"""Date and time formats written with ``strftime``'s directives (``%B %-d, %Y``, ``%m/%d``,
``%a %l:%M %p``): kept from the model, their date in the target language's order and
punctuation from CLDR's data (Babel).

GNOME, Xfce, MATE and Evolution give translators such formats to write as their language
writes a date (gnome-shell's German catalog: ``%B %-d %Y`` → ``%e. %B %Y``, ``%m/%d`` →
``%d.%m.``). The model copied them, and broke some (``%b`` written ``%B``, ``%Y`` twice). A
**date run** (:func:`date_runs`) is two or more directives with nothing but a separator
between them (spaces, and at most one of ``, . / : ; - _ '`` or the ratio sign U+2236 that
GNOME writes between hours and minutes), one of them at least one that only a date or time
has (``%B``, ``%Y``, ``%H`` ...: not ``%d`` or ``%s`` alone, which printf has too), or a month
and a day together (``%m/%d``); ``%%`` is a percent sign, and a directive followed by a
letter is something else (LibreOffice's ``%PRODUCTNAME``).

A run's **date part** (each stretch of weekday, day, month and year directives) is localised
(:func:`localised_run`): its fields make a CLDR skeleton (``%A %B %-d`` → ``EEEEMMMMd``), the
target language's closest pattern for it gives the order and the punctuation (German ``E, d.
MMMM``), and each field is written back with the source's own directive (``%A, %-d. %B``), so
the width, padding and case the program asked for stay. The time (hours, minutes, seconds,
AM/PM, zone) stays as written: whether a program shows a 12- or a 24-hour clock is its
setting (GNOME has a string for each), not the language's. Left as written: an ISO date
(``%Y-%m-%d``, ``%Y%m%d``), and a part with a directive CLDR has no skeleton field for (``%j``,
``%U``, ``%x``, ``%D``, ``%F``).

A line of directives alone (``%A, %H:%M``, ``(%B %Y)``, :func:`only_directives`) never goes to
the model; in a line with words (``Yesterday, %l:%M %p``) each run goes to the model as a tag
(:mod:`ltmt.pictographs`), and comes back as written. Fitting the translation to its source
then writes each run the translation holds as written in its localised form
(:func:`localise_dates`), once the placeholders are repaired against the source as written
(that repair leaves a date's directives in their order: they are no printf arguments,
:mod:`ltmt.formats.repair`).

A date written out in words gets its order the same way (:func:`dates_in_order`): the model
translated ``until March 1, 2027`` as ``bis März 1, 2027``, in English order, where German
writes ``1. März 2027``. A date of the translation that is the target language's month name
(:func:`ltmt.calendar_names.month_names`), a day and a year, in the order of a date of its
source (an English month name, the same month, day and year), is written in the target
language's pattern for ``%B %-d, %Y`` (or ``%b``), its month name as the model wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ltmt.text import QUOTE_MARKS

# a directive (glibc's and GNU date's flags, width and E/O modifiers: %-d, %_H, %+4Y), or
# "%%", a percent sign
_DIRECTIVE = re.compile(r"%%|%([-_0^#+]?)\d*[EO]?([A-Za-z])(?![A-Za-z])")
# a date written out, month first: ``March 1, 2027``, ``Okt. 3 2026``
_WRITTEN_DATE = re.compile(
    r"(?<![\w.])(?P<month>[^\W\d_][^\W\d_]{2,8}\.?)\s(?P<day>[1-9]|[12]\d|3[01])(?!\d)"
    r",?\s(?P<year>\d{4})(?!\d)"
)
# what may stand between two directives of one run
_SEPARATOR = re.compile(r"\s*[,./:;_'\u2013\u2236\u00b7-]?\s*")
# directives of a date's fields: (field, its CLDR skeleton letters)
_DATE_FIELDS = {
    "A": ("weekday", "EEEE"),
    "a": ("weekday", "EEE"),
    "B": ("month", "MMMM"),
    "b": ("month", "MMM"),
    "h": ("month", "MMM"),
    "m": ("month", "MM"),
    "d": ("day", "dd"),
    "e": ("day", "d"),
    "Y": ("year", "y"),
    "y": ("year", "yy"),
}
# directives of a time, kept as written
_TIME = frozenset("HIklMSpPrRTZz")
# directives strftime has that CLDR has no skeleton field for (a run with one keeps its date);
# not %s, %n and %t (seconds since 1970, a line break, a tab), which are printf's beside a date
_OTHER = frozenset("cCDFgGjuUVwWxX")
# directives only a date or a time has (printf has %d, %s, %c, %e, %p, %x ... too)
_DISTINCT = frozenset("AaBbhYyHIklMPRTFDZzj")
# CLDR pattern letters of each field
_PATTERN_FIELDS = {"E": "weekday", "c": "weekday", "M": "month", "L": "month", "d": "day"}
_PATTERN_FIELDS |= {"y": "year", "u": "year", "Y": "year"}
_PATTERN_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")
_SKELETON_ORDER = ("year", "month", "weekday", "day")

# what each directive writes (a composite one several fields; %Z and %z both a zone)
_WRITES = {
    **{letter: (field,) for letter, (field, _) in _DATE_FIELDS.items()},
    **dict.fromkeys("HkIl", ("hour",)),
    "M": ("minute",),
    "S": ("second",),
    "p": ("AM/PM",),
    "P": ("AM/PM",),
    "Z": ("zone",),
    "z": ("zone",),
    "R": ("hour", "minute"),
    "T": ("hour", "minute", "second"),
    "r": ("hour", "minute", "second", "AM/PM"),
    "D": ("month", "day", "year"),
    "F": ("year", "month", "day"),
    "c": ("date", "time"),
    "x": ("date",),
    "X": ("time",),
    "j": ("day of the year",),
    **dict.fromkeys("UVW", ("week",)),
    **dict.fromkeys("uw", ("weekday",)),
    **dict.fromkeys("gGC", ("year",)),
}
# the hour of a 12-hour clock, which needs AM/PM beside it
_TWELVE_HOUR = frozenset("Ilr")
# every directive strftime has that a date run may hold
_STRFTIME = frozenset(_DATE_FIELDS) | _TIME | _OTHER


@dataclass(frozen=True)
class Directive:
    """One directive of a line: ``%-d`` is ``flag`` ``-``, ``letter`` ``d``."""

    text: str
    flag: str
    letter: str
    start: int
    end: int

    @property
    def field(self) -> str | None:
        """The date field it writes (``weekday``, ``month``, ``day``, ``year``), or None."""
        found = _DATE_FIELDS.get(self.letter)
        return found[0] if found is not None else None

    @property
    def skeleton(self) -> str:
        """Its CLDR skeleton letters; unpadded numbers (``%-d``, ``%e``, ``%-m``) as one."""
        letters = _DATE_FIELDS[self.letter][1]
        if self.flag in ("-", "_") and letters in ("dd", "MM"):
            return letters[0]
        return letters


@dataclass(frozen=True)
class DateRun:
    """A date run of a line (module docstring): ``text`` is ``line[start:end]``."""

    text: str
    start: int
    end: int

    def holds(self, position: int) -> bool:
        """Whether the character at ``position`` of the line is the run's."""
        return self.start <= position < self.end


def directives(text: str) -> list[Directive]:
    """The ``strftime`` directives of ``text`` in order (``%%`` is none)."""
    found = []
    for match in _DIRECTIVE.finditer(text):
        if match.group() != "%%":
            flag, letter = match.groups()
            found.append(Directive(match.group(), flag, letter, *match.span()))
    return found


def is_strftime(directive: Directive) -> bool:
    """Whether ``strftime`` has ``directive`` (glibc's, with its flags and modifiers)."""
    return directive.letter in _STRFTIME


def date_runs(text: str) -> list[DateRun]:
    """The date runs of ``text`` (module docstring), in order."""
    runs: list[DateRun] = []
    group: list[Directive] = []
    for directive in [*directives(text), None]:
        if (
            directive is not None
            and group
            and is_strftime(directive)
            and _SEPARATOR.fullmatch(text, group[-1].end, directive.start)
        ):
            group.append(directive)
            continue
        if _is_date_run(group):
            runs.append(
                DateRun(text[group[0].start : group[-1].end], group[0].start, group[-1].end)
            )
        group = [directive] if directive is not None and is_strftime(directive) else []
    return runs


def _is_date_run(group: list[Directive]) -> bool:
    letters = {d.letter for d in group}
    return len(group) >= 2 and (bool(letters & _DISTINCT) or {"m", "d"} <= letters)


def lost_fields(source: str, target: str) -> list[str]:
    """What the date runs of ``source`` write that the directives of ``target`` do not: each
    field once (``month``, ``AM/PM``), in the source's order; AM/PM is not lost where
    ``target`` writes each hour on a 24-hour clock (``%H`` for ``%I ... %p``), and it is where
    it writes a 12-hour one without it."""
    wanted: dict[str, None] = {}
    for run in date_runs(source):
        wanted.update(dict.fromkeys(f for d in directives(run.text) for f in _WRITES[d.letter]))
    found = [d for d in directives(target) if d.letter in _WRITES]
    have = {field for d in found for field in _WRITES[d.letter]}
    twelve_hour = any(d.letter in _TWELVE_HOUR for d in found)
    return [
        field
        for field in wanted
        if field not in have and not (field == "AM/PM" and "hour" in have and not twelve_hour)
    ]


def only_directives(line: str) -> bool:
    """Whether ``line`` is ``strftime`` directives alone (``%A, %H:%M``, ``(%B %Y)``, ``%OB``),
    with neither letters, digits nor quote marks around them (``"%s"`` is printf's, and German
    quotes it »%s«): nothing to translate."""
    found = directives(line)
    if not found or not all(is_strftime(d) for d in found):
        return False
    return not any(c.isalnum() or c in QUOTE_MARKS for c in _DIRECTIVE.sub("", line))


def localise_dates(source: str, text: str, target_language: str) -> str:
    """``text`` (a translation of ``source``) with each of the source's date runs it holds as
    written in the target language's form (:func:`localised_run`), and its dates written out
    in the target language's order (:func:`dates_in_order`)."""
    if not target_language:
        return text
    text = dates_in_order(source, text, target_language)
    if "%" not in source:
        return text
    for run in date_runs(source):
        localised = localised_run(run.text, target_language)
        if localised != run.text:
            text = text.replace(run.text, localised)
    return text


def dates_in_order(source: str, text: str, target_language: str) -> str:
    """``text`` (a translation of ``source``) with each date written out in the source's
    order and the target language's month names written in the target language's order
    (module docstring): ``bis März 1, 2027`` for ``until March 1, 2027`` is ``bis 1. März
    2027`` in German; in capitals too (``NOVEMBER 9, 1989`` → ``9. NOVEMBER 1989``)."""
    from ltmt.calendar_names import month_names, month_number

    names = month_names(target_language)
    # a line in capitals (``BERLIN, NOVEMBER 9, 1989``) has its month's name in capitals
    names = names | {name.upper(): number for name, number in names.items()}
    dated = {
        (month_number(found["month"]), int(found["day"]), found["year"])
        for found in _WRITTEN_DATE.finditer(source)
        if month_number(found["month"]) is not None
    }
    if not names or not dated:
        return text

    def ordered(found: re.Match[str]) -> str:
        month = names.get(found["month"], 0)
        if (month, int(found["day"]), found["year"]) not in dated:
            return found.group()
        short = found["month"].endswith(".")
        pattern = localised_run("%b %-d, %Y" if short else "%B %-d, %Y", target_language)
        if pattern.startswith(("%B", "%b")):  # the language writes the month first, as English
            return found.group()
        values = {"B": found["month"], "b": found["month"], "d": found["day"]}
        values["Y"] = found["year"]
        return _DIRECTIVE.sub(lambda d: values.get(d.group(2), d.group()), pattern)

    return _WRITTEN_DATE.sub(ordered, text)


@lru_cache(maxsize=4096)
def localised_run(run: str, target_language: str) -> str:
    """``run`` (a date run) with each of its date parts in the target language's order and
    punctuation (module docstring); as written where CLDR has no pattern for it."""
    found = directives(run)
    pieces: list[str] = []
    position = 0
    for part in _date_parts(found):
        written = _localised_part(part, run, target_language)
        if written is not None:
            pieces += [run[position : part[0].start], written]
            position = part[-1].end
    return "".join(pieces) + run[position:]


def _date_parts(found: list[Directive]) -> list[list[Directive]]:
    """The stretches of a run's directives between its time directives: its date parts."""
    parts: list[list[Directive]] = [[]]
    for directive in found:
        if directive.letter in _TIME:
            parts.append([])
        else:
            parts[-1].append(directive)
    return [part for part in parts if part]


def _localised_part(part: list[Directive], run: str, target_language: str) -> str | None:
    """``part`` of ``run`` in the target language's pattern, or None: leave it as written."""
    fields = [d.field for d in part]
    if len(part) < 2 or None in fields or len(set(fields)) != len(fields):
        return None
    between = [run[a.end : b.start] for a, b in pairwise(part)]
    numbers = all(d.letter in "Ymd" for d in part) and all(s in ("", "-") for s in between)
    if numbers and part[0].field == "year":  # ISO 8601: %Y-%m-%d, %Y%m%d
        return None
    by_field = {d.field: d for d in part if d.field is not None}
    ordered = sorted(by_field, key=_SKELETON_ORDER.index)
    pattern = _pattern("".join(by_field[f].skeleton for f in ordered), target_language)
    return _strftime(pattern, by_field) if pattern is not None else None


def _strftime(pattern: str, by_field: dict[str, Directive]) -> str | None:
    """CLDR ``pattern`` written with the source's directive for each field, or None where its
    fields are not the source's."""
    pieces: list[str] = []
    seen: list[str] = []
    for match in _PATTERN_TOKEN.finditer(pattern):
        token = match.group()
        if match.group(1) is not None:
            field = _PATTERN_FIELDS.get(match.group(1))
            if field is None or field not in by_field:
                return None
            seen.append(field)
            pieces.append(_written(by_field[field], token))
        elif token.startswith("'"):
            pieces.append(token[1:-1].replace("''", "'").replace("%", "%%") or "'")
        else:
            pieces.append(token.replace("%", "%%"))
    if sorted(seen) != sorted(by_field):
        return None
    return "".join(pieces)


def _written(directive: Directive, token: str) -> str:
    """The directive that writes a pattern's field ``token`` (``MMMM``, ``d``): the source's
    own, but a month name's where the pattern writes the month as a number (Japanese's
    ``M月`` for ``%B``: ``%-m月``)."""
    if directive.letter in "Bbh" and token[0] in "ML" and len(token) <= 2:
        return "%-m" if len(token) == 1 else "%m"
    return directive.text


@lru_cache(maxsize=1024)
def _pattern(skeleton: str, target_language: str) -> str | None:
    """The target language's CLDR pattern closest to ``skeleton``, or None (no data)."""
    from babel.dates import match_skeleton

    from ltmt.calendar_names import babel_locale

    locale = babel_locale(target_language)
    if locale is None:
        return None
    skeletons = locale.datetime_skeletons
    found = match_skeleton(skeleton, skeletons.keys())
    return str(skeletons[found].pattern) if found is not None else None
