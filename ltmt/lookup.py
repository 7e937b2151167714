"""What a translation request looks up before decoding: memory matches and glossary terms.

Both come from the user's side: :func:`memory_matches` searches the user's translation memory
for each segment, :func:`term_matcher` gathers the glossary terms the call follows (the user's
stored glossary, the translator's and the call's own).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ltmt.errors import ConfigError

if TYPE_CHECKING:
    from ltmt.memory.store import Memory
    from ltmt.segments import Match
    from ltmt.terminology.matching import TermMatcher
    from ltmt.terminology.terms import Term


def memory_matches(
    memory: Memory | None,
    user: str | None,
    texts: Sequence[str],
    k: int,
    prefer: Sequence[Mapping[str, Any]] | None = None,
) -> list[tuple[Match, ...]]:
    """The ``k`` best matches of each of ``texts`` in ``user``'s ``memory`` (none for a blank
    text, or without a memory or a user). ``prefer``: one mapping per text, the metadata that
    puts equally good matches first (:meth:`ltmt.memory.store.Memory.search_batch`)."""
    results: list[tuple[Match, ...]] = [() for _ in texts]
    if memory is None or user is None:
        return results
    if prefer is not None and len(prefer) != len(texts):
        raise ConfigError(f"{len(prefer)} preferences for {len(texts)} texts")
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    queries = [texts[i] for i in wanted]
    if prefer is None or not any(prefer):
        found = memory.search_batch(user, queries, k=k)
    else:
        found = memory.search_batch(user, queries, k=k, prefer=[prefer[i] for i in wanted])
    for i, matches in zip(wanted, found):
        results[i] = tuple(matches)
    return results


def term_matcher(
    memory: Memory | None, user: str | None, stored: bool, *glossaries: Iterable[Term]
) -> TermMatcher | None:
    """The matcher of the terms a call follows, or None when there are none: ``user``'s
    glossary stored in ``memory`` when ``stored``, then ``glossaries`` in order (a later term
    wins over an earlier one with the same source)."""
    from ltmt.terminology.matching import TermMatcher

    terms: list[Term] = []
    found = getattr(memory, "glossary", None)  # memory-like objects may have none
    if stored and found is not None and user is not None:
        terms.extend(found(user).terms())
    for glossary in glossaries:
        terms.extend(glossary)
    return TermMatcher({term.key: term for term in terms}.values()) if terms else None
