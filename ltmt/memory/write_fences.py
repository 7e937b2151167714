"""Write fences: a write that a server request makes for a user stores nothing once that user
was deleted, or the request's API key revoked, after the request began.

A request is authorised when it arrives, and writes when its work is done (``/v1/translate``'s
``learn`` pairs after the decoding, an import after reading its upload): seconds later. A
delete answered in between (``DELETE /v1/admin/users/NAME``, ``DELETE /v1/memory``) or a key
revoked in between must hold, or the write brings the deleted user's data back where no key
reaches it. So a request takes a :class:`WriteFence` when it begins (:func:`take_fence`), and
its write checks it in the write transaction itself (:func:`fenced`): LMDB runs one write
transaction at a time, whichever process of the store runs it, so a delete or a revocation
either commits before that check (the write is refused and stores nothing) or after the write
(and removes what it stored).

The check: the request's key is still stored, and the user is as the fence saw it. A user that
had a memory must have it still, under the same uid (uids are never reused: a memory deleted and
made anew has another). A user that had none must have seen no user deletion in the store since
(:data:`~ltmt.memory.layout.ERASURES_KEY`, counted by every delete): its deletion leaves no trace
to tell it from another user's, so a first write that overlaps any user's deletion is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import lmdb

from ltmt.errors import FencedWriteError
from ltmt.memory import env
from ltmt.memory.crypto import Vault
from ltmt.memory.layout import ERASURES_KEY, KEYS
from ltmt.memory.rows import stored_uid

T = TypeVar("T")


@dataclass(frozen=True)
class WriteFence:
    """What a request's writes for ``user`` check: the API key ``key_id`` that authorised it
    (None: no key, nothing to check), ``user``'s uid when the request began (None: it had no
    memory) and the store's count of user deletions then."""

    user: str
    key_id: str | None
    uid: int | None
    erasures: int

    def check(self, txn: lmdb.Transaction, vault: Vault) -> None:
        """FencedWriteError (nothing is stored) where the key was revoked or the user deleted
        since the fence was taken, as read in the write transaction ``txn``."""
        if self.key_id is not None and txn.get(KEYS + self.key_id.encode("ascii")) is None:
            raise FencedWriteError(
                f"this request's API key was revoked while it ran (or user {self.user!r} "
                "deleted): nothing was stored; send it again with a valid key"
            )
        if self.uid is not None:
            if stored_uid(txn, vault, self.user) != self.uid:
                raise FencedWriteError(
                    f"user {self.user!r}'s memory was deleted while this request ran: nothing "
                    "was stored, so that the delete holds; send it again to start a new memory"
                )
        elif erasures(txn) != self.erasures:
            raise FencedWriteError(
                f"a user was deleted while this request ran, maybe {self.user!r}: nothing was "
                "stored, so that a delete holds; send it again"
            )


def take_fence(store: env.Store, user: str, key_id: str | None) -> WriteFence:
    """The fence of a request by key ``key_id`` for ``user``, as the store is now: taken when
    the request begins, before its work."""

    def run(txn: lmdb.Transaction) -> WriteFence:
        return WriteFence(user, key_id, stored_uid(txn, store.vault, user), erasures(txn))

    return env.read(store, run)


def fenced(
    fence: WriteFence | None, vault: Vault, write: Callable[[lmdb.Transaction], T]
) -> Callable[[lmdb.Transaction], T]:
    """``write`` with ``fence`` checked first, in its transaction (no fence: ``write``)."""
    if fence is None:
        return write

    def run(txn: lmdb.Transaction) -> T:
        fence.check(txn, vault)
        return write(txn)

    return run


def erasures(txn: lmdb.Transaction) -> int:
    """How many user deletions the store has run (:func:`count_erasure`)."""
    raw = txn.get(ERASURES_KEY)
    return int(bytes(raw)) if raw is not None else 0


def count_erasure(txn: lmdb.Transaction) -> None:
    """Count one more user deletion, in the deleting transaction ``txn``."""
    txn.put(ERASURES_KEY, str(erasures(txn) + 1).encode("ascii"))
