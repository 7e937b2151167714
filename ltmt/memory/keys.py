"""API keys of the translation server, kept in the memory store as salted hashes.

    from ltmt import Memory
    from ltmt.memory.keys import KeyRing
    with Memory("store") as memory:
        keys = KeyRing(memory)
        key, token = keys.create("u1")      # token: shown once, never stored
        assert keys.verify(token) == key

A token is ``ltmt_<key id>_<secret>``: the key id (12 hex digits) finds the record, the secret
(256 random bits) proves it. The store keeps only ``HMAC-SHA256(salt, secret)`` with a random
salt per key, compared in constant time (:func:`hmac.compare_digest`). A fast hash is enough
here: the secret is random, not a password, so there is nothing to guess from a stolen hash.
Records live in the ``keys`` table of :mod:`ltmt.memory.layout`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass

import lmdb

from ltmt.errors import InputError
from ltmt.memory import env
from ltmt.memory.layout import KEYS, Buffer
from ltmt.memory.store import Memory
from ltmt.memory.user_ids import check_user, close_users

TOKEN_PREFIX = "ltmt_"
_TOKEN = re.compile(r"ltmt_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
_KEY_ID = re.compile(r"[0-9a-f]{12}")
_DUMMY_SALT = bytes(16)


@dataclass(frozen=True)
class ApiKey:
    """One stored key: its public id, the user whose memory it reaches, whether it is an admin's
    (admins manage users and keys), and when it was made (Unix seconds)."""

    id: str
    user: str
    admin: bool
    created: float

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "user": self.user, "admin": self.admin, "created": self.created}


def is_token(text: str) -> bool:
    """Whether ``text`` is (or was meant to be) a whole token, secret included, rather than a
    key id: what no message may repeat."""
    return text.startswith(TOKEN_PREFIX)


def check_key_id(text: str) -> str:
    """``text`` if it is a key id; otherwise a one-line InputError that never repeats ``text``
    (a token pasted where its id belongs would be printed, secret and all), naming a token's
    id."""
    if _KEY_ID.fullmatch(text):
        return text
    token = _TOKEN.fullmatch(text)
    if token is not None:
        raise InputError(f"that is a token, not a key id: revoke its id {token.group(1)}")
    raise InputError("that is not a key id: give 12 hex digits, as 'ltmt keys list' shows")


class LastAdminKeyError(InputError):
    """Revoking the key would leave no admin key: nobody could manage users and keys over the
    API any more (only ``ltmt keys create --admin`` on the server's machine could)."""


def _keys_in(txn: lmdb.Transaction) -> list[ApiKey]:
    """Every key stored, in id order."""
    found, cursor = [], txn.cursor()
    if cursor.set_range(KEYS):
        for raw_key, raw in cursor:
            name = bytes(raw_key)
            if not name.startswith(KEYS):
                break
            found.append(_decode(name[1:].decode("ascii"), raw)[0])
    return found


def _digest(salt: bytes, secret: str) -> bytes:
    return hmac.new(salt, secret.encode("ascii"), hashlib.sha256).digest()


def _decode(key_id: str, raw: Buffer) -> tuple[ApiKey, bytes, bytes]:
    row = json.loads(bytes(raw))
    key = ApiKey(
        id=key_id, user=str(row["user"]), admin=bool(row["admin"]), created=float(row["created"])
    )
    return key, bytes.fromhex(row["salt"]), bytes.fromhex(row["hash"])


class KeyRing:
    """Create, list, revoke and verify the API keys stored in ``memory``'s store."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory

    def create(self, user: str, *, admin: bool = False) -> tuple[ApiKey, str]:
        """A new key for ``user``: its record and the token (the only time the token exists)."""
        check_user(user)
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_bytes(16)
        key = ApiKey(id=secrets.token_hex(6), user=user, admin=admin, created=time.time())
        row = {
            "user": user,
            "admin": admin,
            "created": key.created,
            "salt": salt.hex(),
            "hash": _digest(salt, secret).hex(),
        }
        value = json.dumps(row).encode("utf-8")

        def put(txn: lmdb.Transaction) -> bool:
            return bool(txn.put(KEYS + key.id.encode("ascii"), value, overwrite=False))

        if not env.write(self.memory.store, put):  # pragma: no cover - 48 random bits collided
            raise InputError("key id collision; run the command again")
        return key, f"{TOKEN_PREFIX}{key.id}_{secret}"

    def list(self, user: str | None = None) -> list[ApiKey]:
        """Every key (of ``user`` when given), oldest first."""
        keys = env.read(self.memory.store, _keys_in)
        if user is not None:
            keys = [k for k in keys if k.user == user]
        return sorted(keys, key=lambda k: (k.created, k.id))

    def users(self) -> Sequence[str]:  # not list[str]: in this class, list is the method
        """Every user, by name: those with a memory (a glossary is one) and those with a key
        and nothing stored yet."""
        return sorted(set(self.memory.users()) | {key.user for key in self.list()})

    def has_admin(self) -> bool:
        """Whether any key is an admin's (without one, no key manages users and keys)."""
        return any(key.admin for key in self.list())

    def revoke(self, key_id: str, *, keep_an_admin: bool = False) -> ApiKey:
        """Delete key ``key_id``; returns what it was. InputError if ``key_id`` is not a key id
        (:func:`check_key_id`) or there is no such key; with ``keep_an_admin``,
        :class:`LastAdminKeyError` if it is the only admin key (checked in the transaction that
        deletes it: two admins revoking each other's keys at once cannot both succeed)."""
        check_key_id(key_id)

        def run(txn: lmdb.Transaction) -> ApiKey | None:
            raw = txn.get(KEYS + key_id.encode("ascii"))
            if raw is None:
                return None
            key = _decode(key_id, raw)[0]
            if keep_an_admin and key.admin and not any(k.admin for k in _keys_in(txn) if k != key):
                raise LastAdminKeyError(
                    f"key {key_id} is the last admin key: make another ('ltmt keys create "
                    "--admin') before revoking it"
                )
            txn.delete(KEYS + key_id.encode("ascii"))
            return key

        key = env.write(self.memory.store, run)
        if key is None:
            raise InputError(
                f"no key {key_id!r}: revoked already, or never made ('ltmt keys list' shows "
                "the keys in use)"
            )
        return key

    def revoke_token(self, token: str) -> ApiKey:
        """Delete the key whose whole token is ``token``, if it is valid for this store (a
        token holds its key's id: a leaked token can be revoked as it is); returns what it was.
        InputError otherwise, which never repeats ``token``."""
        key = self.verify(token)
        if key is None:
            raise InputError(
                "that token is not a key of this store (revoked already, mistyped, or another "
                "store's); 'ltmt keys list' shows the keys in use"
            )
        return self.revoke(key.id)

    def revoke_user(self, user: str) -> int:
        """Delete every key of ``user``; returns how many there were."""
        check_user(user)
        ids = [k.id for k in self.list(user)]

        def run(txn: lmdb.Transaction) -> int:
            return sum(bool(txn.delete(KEYS + key_id.encode("ascii"))) for key_id in ids)

        return env.write(self.memory.store, run)

    def verify(self, token: str) -> ApiKey | None:
        """The key ``token`` belongs to, or None (malformed, unknown, revoked or wrong secret).

        An unknown key id costs the same hash and comparison as a known one.
        """
        match = _TOKEN.fullmatch(token)
        if match is None:
            return None
        key_id, secret = match.groups()
        raw = env.read(self.memory.store, lambda txn: txn.get(KEYS + key_id.encode("ascii")))
        if raw is None:
            hmac.compare_digest(_digest(_DUMMY_SALT, secret), bytes(32))
            return None
        key, salt, stored = _decode(key_id, raw)
        return key if hmac.compare_digest(_digest(salt, secret), stored) else None


def new_user_typo(ring: KeyRing, user: str) -> str | None:
    """The warning of a key about to be made for ``user``, where no user has that name (no key,
    no memory) and some user's is close to it (:func:`~ltmt.memory.user_ids.close_users`:
    ``ACME`` beside ``acme``): the key makes a new user, likely a typo of the one meant. None
    where ``user`` exists or none is close."""
    known = ring.users()
    if user in known:
        return None
    close = close_users(user, known)
    return f"did you mean {', '.join(close)}? a new user {user} was created" if close else None
