"""The key order of a JSON output written over an existing translation: the translation's own
for the keys it has (a project's formatter may sort them: i18next-parser's ``sort: true``,
prettier), so that a run adds its new strings without reordering the file; a key the
translation lacks follows the key before it in the source (the first ones go first), as a
source key inserted between two others is in the output between them."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def in_target_order(
    out: Any,
    target: Any,
    kept_apart: Collection[tuple[str | int, ...]] = (),
    parts: tuple[str | int, ...] = (),
) -> Any:
    """``out`` (the output's JSON, its objects' keys in the source's order) with each object's
    keys that ``target`` (the existing translation's JSON) has in the same object in
    ``target``'s order, and the others each after the key before it in ``out``. The keys at
    ``kept_apart`` (paths of the translation's keys the source lacks) stay at the end of
    their object, as ``out`` has them. Arrays keep their order, which is content."""
    if not isinstance(out, dict) or not isinstance(target, dict):
        return out
    apart = [key for key in out if (*parts, key) in kept_apart]
    placed = [key for key in target if key in out and key not in apart]
    known = set(placed)
    following: dict[str | None, list[str]] = {}  # the keys placed after each key (None: first)
    before: str | None = None
    for key in out:
        if key in known:
            before = key
        elif key not in apart:
            following.setdefault(before, []).append(key)
    order = list(following.get(None, []))
    for key in placed:
        order.append(key)
        order.extend(following.get(key, []))
    order.extend(apart)
    return {
        key: in_target_order(out[key], target.get(key), kept_apart, (*parts, key)) for key in order
    }
