"""A user's glossary, kept in the memory store next to the user's segments.

    with Memory("store") as memory:
        glossary = memory.glossary("u1")
        glossary.add("repository", "Depot")
        glossary.terms()          # [Term(source='repository', target='Depot', ...)]

Terms live in the ``gloss`` table (:mod:`ltmt.memory.layout`): the key is the user's uid and a
digest of the term's :attr:`~ltmt.terminology.terms.Term.key` made with the user's cipher (keyed
in an encrypted store, so no term text is in a key), the value the term as JSON, sealed with the
user's cipher like a segment record. Deleting the user deletes its glossary (and, in an
encrypted store, its key).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import lmdb

from ltmt.api_arguments import term_list
from ltmt.errors import StoreError
from ltmt.flag_values import checked_flag
from ltmt.memory import env, writes
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.layout import GLOSS, u32, user_key
from ltmt.memory.rows import encode_user, user_info
from ltmt.memory.write_fences import WriteFence, fenced
from ltmt.terminology.terms import Term

if TYPE_CHECKING:
    from ltmt.memory.store import Memory


@dataclass(frozen=True)
class GlossaryUpdate:
    """What :meth:`Glossary.add_terms` did: new terms, changed terms, terms already there, and
    the terms whose new target was one of their stored targets not to use (``unforbidden``:
    the terms as stored, that target taken off their ``forbidden`` list), and the stored
    terms that a changed term replaced (``previous``: as they were, so a caller can say what a
    new target took the place of)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    unforbidden: tuple[Term, ...] = ()
    previous: tuple[Term, ...] = ()


def _term_key(uid: int, cipher: PlainCipher, term: Term) -> bytes:
    return GLOSS + u32(uid) + cipher.digest(term.key.encode("utf-8"))


class Glossary:
    """The glossary of one user of a store (use :meth:`ltmt.memory.store.Memory.glossary`).

    It reads and writes through its ``memory``: once that is closed, a call is the memory's
    StoreError (``memory store ... is closed``), not LMDB's error about a closed object."""

    def __init__(self, memory: Memory, user: str) -> None:
        self.memory = memory
        self.user = user

    @property
    def store(self) -> env.Store:
        """The memory's open store (:attr:`ltmt.memory.store.Memory.store`)."""
        return self.memory.store

    def __repr__(self) -> str:
        try:
            return f"Glossary(user={self.user!r}, terms={len(self)})"
        except StoreError:  # closed or damaged: a repr still names it
            return f"Glossary(user={self.user!r}, store unreadable)"

    # -- writing ----------------------------------------------------------------------------

    def add(
        self, source: str, target: str, *, note: str = "", case_sensitive: bool = False
    ) -> Term:
        """Add (or replace) one term; returns it as stored (whitespace folded)."""
        term = Term(source, target, note, case_sensitive)
        self.add_terms([term])
        return term

    def add_terms(
        self, terms: Iterable[Term], *, fence: WriteFence | None = None
    ) -> GlossaryUpdate:
        """Add many terms in one transaction; a term with the same key replaces the stored one
        (the last one wins when ``terms`` repeats a key), keeping the stored targets not to use
        where it names none (see :func:`_kept_forbidden`). ``terms`` must be :class:`Term`
        objects (a ``(source, target)`` tuple is an InputError naming it); ``fence``: a server
        request's, checked in the transaction (:mod:`ltmt.memory.write_fences`)."""
        latest = {term.key: term for term in term_list(terms, "terms")}
        if not latest:
            return GlossaryUpdate()
        now = time.time()
        vault = self.store.vault

        def run(txn: lmdb.Transaction) -> GlossaryUpdate:
            found = user_info(txn, vault, self.user)
            if found is None:  # a glossary may come before any memory
                found = writes.new_user(txn, vault, now)
                txn.put(user_key(self.user), encode_user(found[0], found[1], self.user))
            info, cipher = found
            added = replaced = unchanged = 0
            unforbidden: list[Term] = []
            previous: list[Term] = []
            for given in latest.values():
                key = _term_key(info.uid, cipher, given)
                raw = txn.get(key)
                row = {} if raw is None else _stored_row(cipher, key, raw)
                stored = Term.from_json(row) if row else None
                term = given if stored is None else _kept_forbidden(stored, given)
                term = _kept_gender(stored, term)
                if term == stored:
                    unchanged += 1
                    continue
                added += stored is None
                replaced += stored is not None
                if stored is not None:
                    previous.append(stored)
                if stored is not None and term.target in stored.forbidden:
                    unforbidden.append(term)
                value = json.dumps(
                    {**_other_fields(row), **term.to_json(), "created": now}, ensure_ascii=False
                )
                txn.put(key, cipher.seal(value.encode("utf-8"), key))
            return GlossaryUpdate(added, replaced, unchanged, tuple(unforbidden), tuple(previous))

        return env.write(self.store, fenced(fence, vault, run))

    def delete(self, source: str, *, case_sensitive: bool | None = None) -> int:
        """Delete the term(s) for ``source``: the case-insensitive one (``False``), the
        case-sensitive one written exactly so (``True``), or, when ``None``, every term whose
        source equals ``source`` ignoring case. Returns how many were deleted."""
        if case_sensitive is not None:
            case_sensitive = checked_flag(case_sensitive, "case_sensitive", "True, False or None")
        wanted = Term(source, "-", case_sensitive=bool(case_sensitive))

        def matches(term: Term) -> bool:
            if case_sensitive is None:
                return term.source.casefold() == wanted.source.casefold()
            return term.key == wanted.key

        return self._delete_where(matches)

    def clear(self) -> int:
        """Delete every term; returns how many there were."""
        return self._delete_where(lambda term: True)

    def _delete_where(self, doomed: Callable[[Term], bool]) -> int:
        def run(txn: lmdb.Transaction) -> int:
            keys = [key for key, term in self._scan(txn) if doomed(term)]
            return sum(bool(txn.delete(key)) for key in keys)

        return env.write(self.store, run)

    # -- reading ----------------------------------------------------------------------------

    def _scan(self, txn: lmdb.Transaction) -> list[tuple[bytes, Term]]:
        found = user_info(txn, self.store.vault, self.user)
        if found is None:
            return []
        info, cipher = found
        prefix, cursor, rows = GLOSS + u32(info.uid), txn.cursor(), []
        if cursor.set_range(prefix):
            for key, raw in cursor:
                if bytes(key[:5]) != prefix:
                    break
                rows.append((bytes(key), _decode(cipher, bytes(key), raw)))
        return rows

    def terms(self) -> list[Term]:
        """Every term, sorted by source (casefolded), case-insensitive before case-sensitive."""
        found = [term for _, term in env.read(self.store, self._scan)]
        return sorted(found, key=lambda t: (t.source.casefold(), t.case_sensitive, t.source))

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms())

    def __len__(self) -> int:
        return len(self.terms())


def _kept_forbidden(stored: Term, given: Term) -> Term:
    """``given``, replacing ``stored``, with the stored targets not to use where it names none.

    A CSV row or ``glossary add`` has no way to name them, so saying nothing about them must
    not delete them (a TBX entry that names some replaces the list). A new target that the
    stored list forbade is taken off it: the user has just approved it."""
    if given.forbidden:
        return given
    kept = tuple(text for text in stored.forbidden if text != given.target)
    return replace(given, forbidden=kept)


def _kept_gender(stored: Term | None, given: Term) -> Term:
    """``given``, replacing ``stored`` (None: a new term), with the stored gender where it gives
    none and keeps the target (a CSV without a gender column, ``glossary add``): saying nothing
    of it must not delete it; a new target's gender is the new target's own."""
    if stored is None or given.gender or given.target != stored.target:
        return given
    return replace(given, gender=stored.gender)


# the fields of a stored term this ltmt writes: :meth:`Term.to_json`'s and when it was written
TERM_FIELDS = frozenset(
    {"source", "target", "note", "case_sensitive", "forbidden", "gender", "created"}
)


def _stored_row(cipher: PlainCipher, key: bytes, raw: bytes | memoryview) -> dict[str, Any]:
    """The JSON record of the term stored under ``key``."""
    row: dict[str, Any] = json.loads(bytes(cipher.open(raw, key)))
    return row


def _other_fields(row: dict[str, Any]) -> dict[str, Any]:
    """The fields of stored term record ``row`` this ltmt does not know (a newer ltmt's): a
    term that replaces it keeps them, so that this ltmt's writes do not drop them."""
    return {name: value for name, value in row.items() if name not in TERM_FIELDS}


def _decode(cipher: PlainCipher, key: bytes, raw: bytes | memoryview) -> Term:
    return Term.from_json(_stored_row(cipher, key, raw))
