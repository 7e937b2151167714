"""A line that is the English name or abbreviation of a day or a month, given the target
language's from CLDR's data (Babel), not by the model.

Date pickers and calendars list them alone, and the shipped model got 20 of the 45 distinct
ones of Django's German catalog wrong: ``May`` → ``Möglicherweise``, ``Mon`` and ``Tue``
copied, ``Sun`` → ``Sonne``, ``Feb.`` → ``Web.``, ``Dec.`` → ``Dek.``. A line (its edges aside)
that is CLDR's English wide name (``Monday``, ``March``) gets the target language's stand-alone
wide name (``Montag``, ``März``); its abbreviation (``Mon``, ``mar``, and the common ``Sept``,
``Tues``, ``Thur``, ``Thurs``) the stand-alone abbreviation (``Mo``, ``Mär``); the abbreviation
with a period (``Jan.``) the abbreviation written within a date (``Jan.``, ``März``). A line in
capitals gets capitals. Only for an English source; a target language Babel has no data for
gets none. One-letter initials (``M``, ``T``) are left to the model: they are ambiguous.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

# common English abbreviations CLDR does not list, by month (1-12) or weekday (0: Monday)
_MORE_MONTHS = {"sept": 9}
_MORE_DAYS = {"tues": 1, "thur": 3, "thurs": 3}


@lru_cache(maxsize=4096)
def calendar_name(line: str, target_language: str) -> str | None:
    """The target language's name for the day or month ``line`` names in English (module
    docstring), or ``None`` when ``line`` names none."""
    found = _english_names().get(line.casefold())
    locale = babel_locale(target_language) if found is not None else None
    if found is None or locale is None:
        return None
    kind, number, width = found
    table = locale.months if kind == "month" else locale.days
    context = "format" if width == "dotted" else "stand-alone"
    name = str(table[context]["wide" if width == "wide" else "abbreviated"][number])
    return name.upper() if line.isupper() else name


def names_a_day_or_month(line: str) -> bool:
    """Whether ``line`` is the English name or abbreviation of a day or a month (module
    docstring)."""
    return line.casefold() in _english_names()


def month_number(name: str) -> int | None:
    """The month (1-12) ``name`` is the English name or abbreviation of (``March``, ``Mar``,
    ``Mar.``), or ``None``."""
    found = _english_names().get(name.casefold())
    return found[1] if found is not None and found[0] == "month" else None


@lru_cache(maxsize=64)
def month_names(language: str) -> dict[str, int]:
    """Each month's name in ``language`` as a date writes it, whole and abbreviated (German
    ``März``, ``Okt.``), by its number (1-12); none where Babel has no data for it."""
    locale = babel_locale(language)
    if locale is None:
        return {}
    table = locale.months["format"]
    return {str(name): n for width in ("abbreviated", "wide") for n, name in table[width].items()}


@lru_cache(maxsize=1)
def _english_names() -> dict[str, tuple[str, int, str]]:
    """Each English name and abbreviation, case-folded: ``(kind, number, width)``, the width
    ``wide``, ``abbreviated`` or ``dotted`` (an abbreviation with its period)."""
    from babel import Locale

    english = Locale.parse("en")
    found: dict[str, tuple[str, int, str]] = {}
    for kind, table, more in (
        ("month", english.months, _MORE_MONTHS),
        ("day", english.days, _MORE_DAYS),
    ):
        abbreviations = {
            **{str(n).casefold(): k for k, n in table["format"]["abbreviated"].items()},
            **more,
        }
        for abbreviation, number in abbreviations.items():
            found[abbreviation] = (kind, number, "abbreviated")
            found[abbreviation + "."] = (kind, number, "dotted")
        for number, name in table["format"]["wide"].items():
            found[str(name).casefold()] = (kind, number, "wide")
    return found


@lru_cache(maxsize=64)
def babel_locale(language: str) -> Locale | None:
    """Babel's locale for ``language`` (``de``, ``de-AT``), or ``None`` where it has none."""
    from babel import Locale, UnknownLocaleError

    if language.lower() in ("", "und", "root"):  # no language: CLDR's root has no names
        return None
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
