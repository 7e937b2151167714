"""What a translation request looks up before decoding: memory matches and glossary terms.

Both come from the user's side: :func:`memory_matches` searches the user's translation memory
for each segment, :func:`term_matcher` gathers the glossary terms the call follows (the user's
stored glossary, the translator's and the call's own). :func:`missing_user` says when the
user named has no memory at all (a misspelt id translates without memory, which must not go
unsaid).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ltmt.errors import ConfigError
from ltmt.wording import counted

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


def missing_user(memory: Memory | None, user: str | None) -> str | None:
    """The warning that ``memory`` holds no user ``user`` (its translations are made without
    memory), naming the likely users it meant; ``None`` when it does, without a memory or a
    user, or for a stand-in memory that cannot list its users."""
    listed = getattr(memory, "users", None)
    if user is None or listed is None:
        return None
    known: list[str] = listed()
    if user in known:
        return None
    close = difflib.get_close_matches(user, known, n=3)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    path = getattr(memory, "path", None)
    where = f"memory store {path}" if path is not None else "the memory"
    return (
        f"no user {user!r} in {where} ({counted(len(known), 'user')}); "
        f"{hint}translating without memory"
    )


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
