"""A user's glossary, kept in the memory store next to the user's segments.

    with Memory("store") as memory:
        glossary = memory.glossary("u1")
        glossary.add("repository", "Depot")
        glossary.terms()          # [Term(source='repository', target='Depot', ...)]

Terms live in the ``gloss`` table (:mod:`ltmt.memory.layout`), keyed by the user's uid and the
term's :attr:`~ltmt.terminology.terms.Term.key`; deleting the user deletes its glossary.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lmdb

from ltmt.memory import env, writes
from ltmt.memory.layout import GLOSS, u32, user_key
from ltmt.terminology.terms import Term


@dataclass(frozen=True)
class GlossaryUpdate:
    """What :meth:`Glossary.add_terms` did: new terms, changed terms, terms already there."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0


def _term_key(uid: int, term_key: str) -> bytes:
    return GLOSS + u32(uid) + term_key.encode("utf-8")


def _encode(term: Term, now: float) -> bytes:
    return json.dumps({**term.to_json(), "created": now}, ensure_ascii=False).encode("utf-8")


class Glossary:
    """The glossary of one user of a store (use :meth:`ltmt.memory.store.Memory.glossary`)."""

    def __init__(self, store: env.Store, user: str) -> None:
        self.store = store
        self.user = user

    def __repr__(self) -> str:
        return f"Glossary(user={self.user!r}, terms={len(self)})"

    # -- writing ----------------------------------------------------------------------------

    def add(
        self, source: str, target: str, *, note: str = "", case_sensitive: bool = False
    ) -> Term:
        """Add (or replace) one term; returns it as stored (whitespace folded)."""
        term = Term(source, target, note, case_sensitive)
        self.add_terms([term])
        return term

    def add_terms(self, terms: Iterable[Term]) -> GlossaryUpdate:
        """Add many terms in one transaction; a term with the same key replaces the stored one
        (the last one wins when ``terms`` repeats a key)."""
        latest = {term.key: term for term in terms}
        if not latest:
            return GlossaryUpdate()
        now = time.time()

        def run(txn: lmdb.Transaction) -> GlossaryUpdate:
            info = writes.user_info(txn, self.user)
            if info is None:  # a glossary may come before any memory
                info = writes.new_user(txn, now)
                txn.put(user_key(self.user), info.encode())
            added = replaced = unchanged = 0
            for key, term in latest.items():
                raw = txn.get(_term_key(info.uid, key))
                if raw is not None and Term.from_json(json.loads(bytes(raw))) == term:
                    unchanged += 1
                    continue
                added += raw is None
                replaced += raw is not None
                txn.put(_term_key(info.uid, key), _encode(term, now))
            return GlossaryUpdate(added, replaced, unchanged)

        return env.write(self.store, run)

    def delete(self, source: str, *, case_sensitive: bool | None = None) -> int:
        """Delete the term(s) for ``source``: the case-insensitive one (``False``), the
        case-sensitive one written exactly so (``True``), or, when ``None``, every term whose
        source equals ``source`` ignoring case. Returns how many were deleted."""
        wanted = Term(source, "-", case_sensitive=bool(case_sensitive))

        def matches(key: str) -> bool:
            if case_sensitive is None:
                return key[1:].casefold() == wanted.source.casefold()
            return key == wanted.key

        def run(txn: lmdb.Transaction) -> int:
            info = writes.user_info(txn, self.user)
            if info is None:
                return 0
            doomed = [key for key in self._keys(txn, info.uid) if matches(key)]
            return sum(bool(txn.delete(_term_key(info.uid, key))) for key in doomed)

        return env.write(self.store, run)

    @staticmethod
    def _keys(txn: lmdb.Transaction, uid: int) -> list[str]:
        prefix, cursor, keys = GLOSS + u32(uid), txn.cursor(), []
        if cursor.set_range(prefix):
            for key in cursor.iternext(values=False):
                if bytes(key[:5]) != prefix:
                    break
                keys.append(bytes(key[5:]).decode("utf-8"))
        return keys

    def clear(self) -> int:
        """Delete every term; returns how many there were."""

        def run(txn: lmdb.Transaction) -> int:
            info = writes.user_info(txn, self.user)
            if info is None:
                return 0
            keys = self._keys(txn, info.uid)
            return sum(bool(txn.delete(_term_key(info.uid, key))) for key in keys)

        return env.write(self.store, run)

    # -- reading ----------------------------------------------------------------------------

    def terms(self) -> list[Term]:
        """Every term, sorted by source (casefolded), case-insensitive before case-sensitive."""

        def run(txn: lmdb.Transaction) -> list[Term]:
            info = writes.user_info(txn, self.user)
            if info is None:
                return []
            prefix, cursor, found = GLOSS + u32(info.uid), txn.cursor(), []
            if cursor.set_range(prefix):
                for key, raw in cursor:
                    if bytes(key[:5]) != prefix:
                        break
                    found.append(Term.from_json(json.loads(bytes(raw))))
            return found

        found = env.read(self.store, run)
        return sorted(found, key=lambda t: (t.source.casefold(), t.case_sensitive, t.source))

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms())

    def __len__(self) -> int:
        return len(self.terms())
