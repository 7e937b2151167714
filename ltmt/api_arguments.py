"""Checks of the Python API's arguments: a value of the wrong kind is an error that names the
argument when the call is made, not a traceback from a later step deep inside
(``Translator(memory="store/")`` failed at the first search with ``'str' object has no
attribute 'search_batch'``; a glossary of tuples at the first term).

Arguments of a constructor are :class:`~ltmt.errors.ConfigError`, those of a call
:class:`~ltmt.errors.InputError`, as the rest of the API raises them.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any, TypeVar

from ltmt.errors import ConfigError, InputError
from ltmt.flag_values import is_flag
from ltmt.memory.layout import language_pair
from ltmt.segments import PairRecord
from ltmt.terminology.terms import Term
from ltmt.wording import shortened

if TYPE_CHECKING:
    from ltmt.memory.store import Memory
    from ltmt.qa.formality_checks import Form

F = TypeVar("F", bound=Callable[..., Any])
P = TypeVar("P", bound="str | os.PathLike[str] | None")


def _kind(value: Any) -> str:
    return type(value).__name__


def term_list(
    glossary: Iterable[Term] | None, what: str = "glossary", error: type[Exception] = InputError
) -> list[Term]:
    """``glossary`` as a list of :class:`Term` (none: empty); one term, a string, a mapping or
    an item that is no term is ``error``, naming ``what``."""
    if glossary is None:
        return []
    example = "e.g. [Term('repository', 'Repository')]"
    if isinstance(glossary, Term):
        raise error(f"{what} must be a list of terms, not one Term: pass [{glossary!r}]")
    if isinstance(glossary, str | bytes | Mapping):
        raise error(f"{what} must be a list of ltmt.Term, not a {_kind(glossary)}: {example}")
    terms = list(glossary)
    for number, term in enumerate(terms, 1):
        if not isinstance(term, Term):
            raise error(f"{what}: item {number} is a {_kind(term)}, not an ltmt.Term: {example}")
    return terms


def preference_list(
    prefer: Iterable[Mapping[str, Any]] | None, count: int, what: str = "prefer"
) -> list[Mapping[str, Any]] | None:
    """``prefer`` (one mapping per text, or None) as a list of ``count`` mappings."""
    if prefer is None:
        return None
    example = "such as {'context': 'menu'}"
    if isinstance(prefer, str | bytes | Mapping):
        raise InputError(
            f"{what} must be a list of mappings, one per text ({example}), not a {_kind(prefer)}"
        )
    items = list(prefer)
    if len(items) != count:
        raise InputError(f"{what} has {len(items)} mappings for {count} texts: give one per text")
    for number, item in enumerate(items, 1):
        if not isinstance(item, Mapping):
            raise InputError(f"{what}: item {number} is a {_kind(item)}, not a mapping {example}")
    return items


def checked_progress(progress: F | None) -> F | None:
    """``progress`` when it is None or callable."""
    if progress is not None and not callable(progress):
        raise InputError(
            f"progress must be a function called with a count of segments done, not a "
            f"{_kind(progress)}"
        )
    return progress


def checked_memory(memory: Memory | None) -> Memory | None:
    """``memory`` when it is None or a memory store (anything that searches as one does)."""
    if memory is None or hasattr(memory, "search_batch"):
        return memory
    if isinstance(memory, str | os.PathLike):
        raise ConfigError(
            f"memory must be an ltmt.Memory, not a path: pass memory=Memory({os.fspath(memory)!r})"
        )
    raise ConfigError(f"memory must be an ltmt.Memory, not a {_kind(memory)}")


def checked_integer(
    name: str, value: Any, at_least: int, error: type[Exception] = ConfigError
) -> int:
    """``value`` as an int when it is an integer (not a bool, a float or a string; a numpy
    integer is one) of at least ``at_least``; else ``error`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value < at_least:
        raise error(f"{name} must be an integer >= {at_least}, got {value!r}")
    return int(value)


def check_flags(
    flags: Mapping[str, Any], error: type[Exception] = ConfigError, *, none_allowed: bool = False
) -> None:
    """Refuse each of ``flags`` (argument name: value) that is not True or False (or, with
    ``none_allowed``, None: ltmt decides), with ``error`` naming it: a string or a number would
    be read by its truth (``fit="no"`` as true), switching on what the caller switched off."""
    allowed = "True, False or None" if none_allowed else "True or False"
    for name, value in flags.items():
        if not is_flag(value) and not (none_allowed and value is None):
            raise error(f"{name} must be {allowed}, got {shortened(repr(value), 40)}")


def checked_formality(formality: Any) -> Form | None:
    """``formality`` (``Translator(formality=...)``: German's form of address) as the form it
    names, ``du`` or ``informal``, ``Sie`` or ``formal``; None (the model's own) stays None."""
    from ltmt.qa.formality_checks import formality_form  # ltmt.qa imports this module

    if formality is None:
        return None
    if not isinstance(formality, str):
        raise ConfigError(
            f"formality must be 'du' or 'Sie' (or None), not a {_kind(formality)}: "
            f"{shortened(repr(formality), 40)}"
        )
    return formality_form(formality)


def checked_term_bias(bias: Any) -> float | None:
    """``bias`` (``Translator(term_bias=...)``: nats added to a missing term's first token)
    when it is None (the default) or a finite number >= 0; a negative one steers decoding away
    from the term it should steer towards, and an infinite or NaN one breaks every score."""
    if bias is None:
        return None
    if isinstance(bias, bool) or not isinstance(bias, Real) or not 0 <= float(bias) < math.inf:
        raise ConfigError(
            f"term_bias must be a finite number of nats >= 0 (or None for the default), "
            f"got {shortened(repr(bias), 40)}"
        )
    return float(bias)


def segment_id(seg_id: Any) -> int:
    """``seg_id`` as an int when it is an integer, as :attr:`~ltmt.segments.Segment.id` is
    (``int("1")`` deleted segment 1, and ``2.0`` segment 2, where a read of them failed)."""
    if isinstance(seg_id, bool) or not isinstance(seg_id, Integral):
        raise InputError(
            f"seg_id must be an integer, a segment's id, got {shortened(repr(seg_id), 40)} "
            f"({_kind(seg_id)})"
        )
    return int(seg_id)


def checked_path(name: str, path: P) -> P:
    """``path`` when it is None, a string or an ``os.PathLike`` of a string (a folder or a
    file the call opens); bytes or a number is an InputError naming ``name``."""
    if path is None or isinstance(path, str):
        return path
    if isinstance(path, os.PathLike) and isinstance(os.fspath(path), str):
        return path
    raise InputError(f"{name} must be a str or a pathlib.Path, got {_kind(path)}")


def pair_records(records: Iterable[PairRecord], what: str = "records") -> list[PairRecord]:
    """``records`` as a list of :class:`~ltmt.segments.PairRecord` (what
    :func:`ltmt.formats.pairs.read_translations` reads); anything else is an InputError."""
    example = "e.g. PairRecord('Open', 'Öffnen')"
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise InputError(f"{what} must be a list of PairRecord ({example}), not a {_kind(records)}")
    found = list(records)
    for number, record in enumerate(found, 1):
        if not isinstance(record, PairRecord):
            raise InputError(
                f"{what}: item {number} is a {_kind(record)}, not a PairRecord: {example}"
            )
    return found


def checked_language_pair(languages: Sequence[str] | None) -> tuple[str, str] | None:
    """``languages`` (None, or a source and a target language tag, ``("en", "de")``) as a
    tuple: anything else (``"en-de"``, ``("en",)``, ``(1, 2)``, ``("xx", "??")``) would be
    recorded as the memory's pair, so it is an InputError before anything is written."""
    if languages is None:
        return None
    pair = language_pair(languages)
    if pair is None:
        raise InputError(
            f"languages must be a (source, target) pair of language codes such as "
            f"('en', 'de'), got {shortened(repr(languages), 60)}"
        )
    return pair


def checked_origin(origin: str) -> str:
    """``origin`` (what a pair's ``origin`` records: ``api``, a file's name) when it is a
    string that UTF-8 can store; it becomes a key of the user's record."""
    if not isinstance(origin, str):
        raise InputError(
            f"origin must be a string such as 'api' or a file's name, not a {_kind(origin)}"
        )
    try:
        origin.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"origin {shortened(repr(origin), 60)} holds a lone surrogate: decode its name with "
            "errors='replace' first"
        ) from None
    return origin
