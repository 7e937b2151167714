"""Filters applied to every pair on its way into a memory.

A pair is rejected when a side is empty (only whitespace), when a side carries the marks of broken
decoding (a lone surrogate, or U+FFFD, the replacement character a lossy decoder leaves), when
one side is far longer than the other (usually a misalignment), or when a side is absurdly long.
:func:`check_pair` names the reason; an import counts the reasons, it never drops silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ltmt.errors import InputError

EMPTY_SOURCE = "empty source"
EMPTY_TARGET = "empty target"
BROKEN_ENCODING = "broken encoding"
LENGTH_RATIO = "length ratio"
TOO_LONG = "too long"

REASONS = (EMPTY_SOURCE, EMPTY_TARGET, BROKEN_ENCODING, LENGTH_RATIO, TOO_LONG)

_BROKEN = re.compile("[\ud800-\udfff\ufffd]")


@dataclass(frozen=True)
class CleanConfig:
    """Thresholds of the filters.

    A pair fails the length-ratio test when ``(long + smoothing) / (short + smoothing)`` exceeds
    ``max_length_ratio`` (lengths in characters); the smoothing keeps short strings such as
    ``"URL"`` → ``"Adresse (URL)"`` acceptable. ``max_chars`` bounds each side.
    """

    max_length_ratio: float = 3.0
    length_smoothing: int = 10
    max_chars: int = 10_000

    def __post_init__(self) -> None:
        if not self.max_length_ratio >= 1.0:
            raise ValueError(f"max_length_ratio must be >= 1, got {self.max_length_ratio}")
        if self.length_smoothing < 0:
            raise ValueError(f"length_smoothing must be >= 0, got {self.length_smoothing}")
        if self.max_chars < 1:
            raise ValueError(f"max_chars must be >= 1, got {self.max_chars}")


DEFAULT_CLEAN = CleanConfig()


def check_pair(source: str, target: str, config: CleanConfig = DEFAULT_CLEAN) -> str | None:
    """The reason to reject ``(source, target)`` (one of :data:`REASONS`), or None to keep it.

    A side that is not a ``str`` is a programming error: InputError.
    """
    if not isinstance(source, str) or not isinstance(target, str):
        kinds = f"{type(source).__name__}, {type(target).__name__}"
        raise InputError(f"source and target must be strings, got ({kinds})")
    if not source.strip():
        return EMPTY_SOURCE
    if not target.strip():
        return EMPTY_TARGET
    if not (source.isascii() or _BROKEN.search(source) is None) or not (
        target.isascii() or _BROKEN.search(target) is None
    ):
        return BROKEN_ENCODING
    n_source, n_target = len(source), len(target)
    if n_source > config.max_chars or n_target > config.max_chars:
        return TOO_LONG
    short, long = sorted((n_source, n_target))
    smoothing = config.length_smoothing
    if (long + smoothing) / (short + smoothing) > config.max_length_ratio:
        return LENGTH_RATIO
    return None


def explain(reason: str, source: str, target: str) -> str:
    """A one-line explanation of ``reason`` for an error message."""
    if reason == LENGTH_RATIO:
        return (
            f"source and target lengths differ too much ({len(source)} vs {len(target)} characters)"
        )
    if reason == TOO_LONG:
        return f"a side is longer than {DEFAULT_CLEAN.max_chars} characters"
    if reason == BROKEN_ENCODING:
        return "the text holds a lone surrogate or U+FFFD (broken decoding)"
    return f"the {reason.split()[-1]} is empty"
