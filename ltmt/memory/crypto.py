"""Encryption at rest: key files, the store's keyring and the per-user ciphers.

An encrypted store is chosen when it is created (a key file given to a new store). Three keys:

- the **store key**, 32 random bytes in a key file that the user keeps (``ltmt memory keygen``),
  never written into the store;
- one **data key** per user, 32 random bytes, kept in the store's ``keyring`` file wrapped
  (AES-256-GCM) by the store key;
- from each data key, by HKDF-SHA256: the AES-256-GCM key of the user's values, the AES key of
  its index terms and the BLAKE2b key of its dedup digests.

What is encrypted (AES-256-GCM, a random 96-bit nonce per value, the LMDB key as associated
data so a value cannot be moved to another key): each segment record (source, target, origin,
metadata), its normalised source, the user's row (counts, origins, times) and its blocks of
index-text lengths. Index terms (32-bit n-gram hashes) become ``AES_k(hash)`` truncated to 32
bits, a keyed pseudo-random function, and the dedup digest of a pair is a keyed BLAKE2b: neither
can be recomputed from a guessed text without the user's key. What stays in clear: user ids,
segment ids, how many segments hold each (keyed) term, and the sizes of the encrypted values.

The keyring is a file, not an LMDB table, because deleting a user must destroy its data key
(crypto-shredding): LMDB never overwrites a page in place, so an old copy of a key would stay
readable in a freed page, while a keyring slot is overwritten with zeros in place and synced.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ltmt import environment
from ltmt.errors import InputError, StoreError

logger = logging.getLogger(__name__)

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_FILE_PREFIX = "ltmt-key-v1:"
CIPHER_NAME = "aes-256-gcm/keyring-v1"  # stored in the store's meta table
KEYRING_NAME = "keyring"
KEY_FILE_ENV = environment.KEY_FILE

_MAGIC = b"LTMTKEYS"
_VERSION = 1
_CHECK = b"ltmt store key check"
_HEADER = 64  # magic 8, version u32, then nonce + sealed check (12 + 20 + 16), zero padding
_SLOT = 64  # per uid: b"K", 3 zero bytes, then nonce + wrapped data key + tag (60 bytes)
_LIVE = b"K\x00\x00\x00"
_NO_SLOT = bytes(_SLOT)


def resolve_key_file(key_file: str | os.PathLike[str] | None) -> Path | None:
    """``key_file`` when given, else ``$LTMT_KEY_FILE`` when set, else None (a plain store).
    ``LTMT_KEY_FILE`` set to nothing (``export LTMT_KEY_FILE=$KEYPATH`` with ``KEYPATH`` unset)
    is an :class:`InputError`: read as unset, it would make a new store without encryption."""
    if key_file is not None:
        return Path(key_file).expanduser()
    if KEY_FILE_ENV not in os.environ:
        return None
    from_env = os.environ[KEY_FILE_ENV].strip()
    if not from_env:
        raise InputError(
            f"{KEY_FILE_ENV} is set but empty; give it the store key file's path, or unset it "
            "for a store without encryption"
        )
    return Path(from_env).expanduser()


def new_key_text() -> str:
    """A new random store key, as a key file holds it (one line)."""
    return KEY_FILE_PREFIX + base64.b64encode(os.urandom(KEY_BYTES)).decode() + "\n"


def generate_key_file(path: str | os.PathLike[str]) -> Path:
    """Write a new random store key to ``path`` (mode 0600); an existing file is kept."""
    target = Path(path)
    text = new_key_text()
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError as exc:
        raise InputError(
            f"{target} already exists; a key is never overwritten, choose another path"
        ) from exc
    except OSError as exc:
        raise InputError(f"cannot write key file {target}: {exc.strerror}") from exc
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, text.encode())
        os.fsync(fd)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise InputError(f"cannot write key file {target}: {exc.strerror}") from exc
    finally:
        os.close(fd)
    return target


def read_key_file(path: str | os.PathLike[str]) -> bytes:
    """The 32-byte key of a key file written by :func:`generate_key_file`."""
    source = Path(path)
    try:
        text = source.read_text("ascii").strip()
    except FileNotFoundError as exc:
        raise InputError(f"key file {source} not found") from exc
    except IsADirectoryError as exc:
        raise InputError(f"key file {source} is a directory") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read key file {source}: not an ltmt key file") from exc
    if not text.startswith(KEY_FILE_PREFIX):
        raise InputError(
            f"{source} is not an ltmt key file; make one with ltmt memory keygen (or "
            "ltmt.memory.crypto.generate_key_file)"
        )
    try:
        key = base64.b64decode(text[len(KEY_FILE_PREFIX) :], validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise InputError(f"key file {source} is damaged: it does not hold a 32-byte key")
    _warn_if_readable_by_others(source)
    return key


def _warn_if_readable_by_others(path: Path) -> None:
    """Say so where others than its owner may read the key file ``path`` (``ssh`` refuses such
    a private key; keygen writes 0600): whoever reads it reads the store."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        logger.warning(
            "key file %s can be read by others than its owner (mode %04o): whoever reads it can "
            "read the memory store; chmod 600 %s",
            path,
            mode,
            path,
        )


def derive_key(key: bytes, purpose: bytes) -> bytes:
    """A 32-byte key for ``purpose`` derived from ``key`` (HKDF-SHA256): a user's keys from its
    data key; the server's downloads' from the store key (:mod:`ltmt.server.downloads`)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"ltmt " + purpose)
    return hkdf.derive(key)


def _seal(aead: AESGCM, data: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + aead.encrypt(nonce, data, aad)


class PlainCipher:
    """The cipher of a plain store: values as they are, unkeyed term ids and digests."""

    encrypted = False
    overhead = 0  # bytes a sealed value holds beyond its plaintext

    def seal(self, data: bytes, aad: bytes) -> bytes:
        return data

    def open(self, data: bytes | memoryview, aad: bytes) -> bytes | memoryview:
        return data

    def terms(self, hashes: np.ndarray) -> np.ndarray:
        return hashes

    def digest(self, data: bytes) -> bytes:
        return hashlib.blake2b(data, digest_size=16).digest()


class UserCipher(PlainCipher):
    """One user's keys, derived from its data key (see the module docstring)."""

    encrypted = True
    overhead = NONCE_BYTES + TAG_BYTES

    def __init__(self, data_key: bytes) -> None:
        self._aead = AESGCM(derive_key(data_key, b"values"))
        self._terms = Cipher(algorithms.AES(derive_key(data_key, b"terms")), modes.ECB())
        self._digest_key = derive_key(data_key, b"digests")

    def seal(self, data: bytes, aad: bytes) -> bytes:
        return _seal(self._aead, data, aad)

    def open(self, data: bytes | memoryview, aad: bytes) -> bytes:
        data = bytes(data)
        try:
            return self._aead.decrypt(data[:NONCE_BYTES], data[NONCE_BYTES:], aad)
        except (InvalidTag, ValueError) as exc:
            raise StoreError(
                f"a value under key {aad[:9]!r} cannot be decrypted: the store is damaged; run "
                "ltmt memory check, or restore a backup"
            ) from exc

    def terms(self, hashes: np.ndarray) -> np.ndarray:
        """``AES_k(hash)`` truncated to 32 bits: one vectorised call for all ``hashes``."""
        if not hashes.size:
            return hashes
        blocks = np.zeros((hashes.size, 4), dtype="<u4")
        blocks[:, 0] = hashes
        encrypted = self._terms.encryptor().update(blocks.tobytes())
        return np.frombuffer(encrypted, dtype="<u4")[::4].astype(np.uint32)

    def digest(self, data: bytes) -> bytes:
        return hashlib.blake2b(data, digest_size=16, key=self._digest_key).digest()


PLAIN = PlainCipher()


@dataclass
class Keyring:
    """The ``keyring`` file of an encrypted store: a header that proves the store key, then one
    64-byte slot per uid holding its wrapped data key (zeros: none, or destroyed).

    Every operation opens the file by path, so a keyring replaced by :meth:`rewrap` in another
    process is seen; a write first checks that the header still matches this store key.
    """

    path: Path
    key: bytes
    key_file: str = "the key file"
    _ciphers: dict[int, UserCipher] = field(default_factory=dict, repr=False)

    @property
    def _kek(self) -> AESGCM:
        return AESGCM(self.key)

    def _header(self) -> bytes:
        sealed = _seal(self._kek, _CHECK, _MAGIC)
        return (_MAGIC + _VERSION.to_bytes(4, "little") + sealed).ljust(_HEADER, b"\x00")

    @classmethod
    def create(cls, path: Path, key: bytes, key_file: str) -> Keyring:
        """Write a new, empty keyring (mode 0600) for store key ``key``."""
        keyring = cls(path, key, key_file)
        _write_new(path, keyring._header())
        return keyring

    @classmethod
    def open(cls, path: Path, key: bytes, key_file: str) -> Keyring:
        """The keyring at ``path``, or a StoreError if ``key`` is not its store key."""
        keyring = cls(path, key, key_file)
        keyring.verify()
        return keyring

    def verify(self) -> None:
        """Check that this store key opens the keyring's header (StoreError if not)."""
        try:
            with open(self.path, "rb") as handle:
                header = handle.read(_HEADER)
        except OSError as exc:
            raise StoreError(
                f"encrypted memory store {self.path.parent} has no readable keyring "
                f"({exc.strerror}); restore it from a backup"
            ) from exc
        if len(header) < _HEADER or not header.startswith(_MAGIC):
            raise StoreError(f"{self.path} is not an ltmt keyring; restore it from a backup")
        sealed = header[12 : 12 + NONCE_BYTES + len(_CHECK) + TAG_BYTES]
        try:
            self._kek.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], _MAGIC)
        except InvalidTag as exc:
            raise StoreError(
                f"{self.key_file} is not the key of encrypted memory store {self.path.parent}; "
                "pass the key file it was created (or last rekeyed) with"
            ) from exc

    def _read_slot(self, uid: int) -> bytes:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(_HEADER + uid * _SLOT)
                return handle.read(_SLOT)
        except OSError as exc:
            raise StoreError(f"cannot read keyring {self.path}: {exc.strerror}") from exc

    def _write_slot(self, uid: int, slot: bytes) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CLOEXEC)
        except OSError as exc:
            raise StoreError(f"cannot write keyring {self.path}: {exc.strerror}") from exc
        try:
            os.pwrite(fd, slot, _HEADER + uid * _SLOT)
            os.fsync(fd)
        except OSError as exc:
            raise StoreError(f"cannot write keyring {self.path}: {exc.strerror}") from exc
        finally:
            os.close(fd)

    def cipher(self, uid: int) -> UserCipher:
        """The cipher of user ``uid`` (its data key unwrapped once per process)."""
        cached = self._ciphers.get(uid)
        if cached is not None:
            return cached
        slot = self._read_slot(uid)
        if not slot.startswith(_LIVE):
            raise StoreError(
                f"the data key of user #{uid} is missing from {self.path} (deleted, or the "
                "keyring is not the store's); restore the keyring from a backup"
            )
        wrapped = slot[4 : 4 + NONCE_BYTES + KEY_BYTES + TAG_BYTES]
        try:
            data_key = self._kek.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _aad(uid))
        except InvalidTag as exc:
            self.verify()  # rekeyed by another process: the header says so, naming the key file
            raise StoreError(
                f"the data key of user #{uid} in {self.path} is damaged (the store key opens "
                "the keyring, not this user's slot); restore the keyring from a backup"
            ) from exc
        cipher = self._ciphers[uid] = UserCipher(data_key)
        return cipher

    def new_user(self, uid: int) -> UserCipher:
        """Make, wrap and store a data key for ``uid``; returns its cipher."""
        self.verify()
        data_key = os.urandom(KEY_BYTES)
        self._write_slot(uid, _LIVE + _seal(self._kek, data_key, _aad(uid)))
        cipher = self._ciphers[uid] = UserCipher(data_key)
        return cipher

    def destroy(self, uid: int) -> None:
        """Overwrite the slot of ``uid`` with zeros in place (crypto-shredding)."""
        self._ciphers.pop(uid, None)
        self._write_slot(uid, _NO_SLOT)

    def live_uids(self) -> list[int]:
        """The uids whose slot holds a key."""
        try:
            data = self.path.read_bytes()[_HEADER:]
        except OSError as exc:
            raise StoreError(f"cannot read keyring {self.path}: {exc.strerror}") from exc
        return [i for i in range(len(data) // _SLOT) if data[i * _SLOT : i * _SLOT + 4] == _LIVE]

    def rewrap(self, new_key: bytes, key_file: str, keep: set[int]) -> Keyring:
        """Write a keyring for ``new_key`` with the data keys of ``keep`` (the others are left
        out) and put it in place atomically; returns it."""
        new = Keyring(self.path, new_key, key_file)
        slots = [_NO_SLOT] * (max(keep) + 1 if keep else 0)
        for uid in keep:
            data_key = self._unwrap_raw(uid)
            slots[uid] = _LIVE + _seal(new._kek, data_key, _aad(uid))
        temporary = rewrapped_keyring(self.path.parent)
        temporary.unlink(missing_ok=True)
        _write_new(temporary, new._header() + b"".join(slots))
        os.replace(temporary, self.path)
        return new

    def _unwrap_raw(self, uid: int) -> bytes:
        slot = self._read_slot(uid)
        wrapped = slot[4 : 4 + NONCE_BYTES + KEY_BYTES + TAG_BYTES]
        try:
            return self._kek.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _aad(uid))
        except InvalidTag as exc:
            raise StoreError(f"the data key of user #{uid} in {self.path} is damaged") from exc


def rewrapped_keyring(store: Path) -> Path:
    """Where :meth:`Keyring.rewrap` writes the new keyring of ``store`` before it renames it
    into place."""
    return store / f".{KEYRING_NAME}.new"


def remove_unfinished_rekey(store: Path) -> None:
    """Remove the new keyring a rekey of ``store`` that was killed left: it holds the data keys
    of users deleted since, wrapped by the new store key. The caller holds the store's lock
    shared, so no rekey (which holds it alone) is under way."""
    with contextlib.suppress(OSError):  # none, or a read-only store: nothing to remove
        rewrapped_keyring(store).unlink(missing_ok=True)


def _aad(uid: int) -> bytes:
    return b"ltmt user key" + uid.to_bytes(4, "big")


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (mode 0600, must not exist) with ``data``, synced."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise StoreError(f"cannot create keyring {path}: {exc.strerror}") from exc
    try:
        os.fchmod(fd, stat.S_IRUSR | stat.S_IWUSR)
        os.write(fd, data)
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise StoreError(f"cannot write keyring {path}: {exc.strerror}") from exc
    os.close(fd)


class Vault:
    """The ciphers of one store: :data:`PLAIN` for every user, or per-user ones from a keyring."""

    def __init__(self, keyring: Keyring | None = None) -> None:
        self.keyring = keyring

    @property
    def encrypted(self) -> bool:
        return self.keyring is not None

    def cipher(self, uid: int) -> PlainCipher:
        return self.keyring.cipher(uid) if self.keyring is not None else PLAIN

    def new_user(self, uid: int) -> PlainCipher:
        return self.keyring.new_user(uid) if self.keyring is not None else PLAIN

    def destroy(self, uid: int) -> None:
        if self.keyring is not None:
            self.keyring.destroy(uid)
