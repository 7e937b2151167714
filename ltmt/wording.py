"""How ltmt words a count in what it prints: ``1 segment``, ``2 segments``, ``1 entry``."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun in its number (``plural``: when not ``singular`` + "s")."""
    noun = singular if count == 1 else (plural or f"{singular}s")
    return f"{count} {noun}"
