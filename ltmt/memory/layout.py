"""The byte layout of the memory store: tables, keys and record encodings.

One LMDB environment holds every user, in its main database: each key starts with a one-byte
table tag. (Named sub-databases would need a write transaction to open their handles in every
process, so a reader could wait on a long import just to open the store.) Integers in keys are
big-endian, so byte order is numeric order and each user's keys of a table form one range.

=====  ====  ==========================================  =========================================
table  tag   rest of the key                             value
=====  ====  ==========================================  =========================================
meta   ``m`` ``schema``, ``next_uid``; ``index``;        ASCII integer; index kind (ASCII);
             ``cipher`` (encrypted stores only);         cipher name (ASCII); JSON list of the
             ``state_caches``; ``store_id``;             cache folders translations kept decoded
             ``erasures``                                states of its segments in (plain only);
                                                         the store's random id (32 hex digits);
                                                         user deletions run (ASCII integer)
users  ``u`` user id (UTF-8)                             JSON: uid, next_id, count, created,
                                                         updated, origins (count per origin),
                                                         shared (per origin, segments it holds
                                                         besides their own), own_shared (per
                                                         origin, its own segments others hold
                                                         too; both absent in older rows);
                                                         encrypted: ``E`` · uid u32 ·
                                                         sealed JSON
seg    ``s`` uid u32 · segment id u32                    :func:`encode_record` (the origins
                                                         besides its own: :data:`OTHER_ORIGINS`)
pair   ``p`` uid u32 · blake2b-128 of (source, target,   segment id u32 (the dedup table)
                   context)
norm   ``n`` uid u32 · segment id u32                    source in ``fold_space`` form (UTF-8)
post   ``i`` uid u32 · term u32                          head: document frequency ``<u4``, then
                                                         the newest ids (the tail), ``<u4`` each
post   ``i`` uid u32 · term u32 · first id u32           chunk: older ids, ascending, ``<u4``
lens   ``l`` uid u32 · block u32                         ``<u2`` per id of the block: index-text
                                                         length, 0 = no such segment (deleted)
sigs   ``h`` uid u32 · block u32                         ``SIG_BYTES`` per id of the block: bit
                                                         ``term % SIG_BITS`` set for each of its
                                                         terms (zero once deleted)
keys   ``k`` key id (ASCII)                              JSON: user, admin, salt, hash, created
                                                         (server API keys, :mod:`ltmt.memory.keys`)
gloss  ``g`` uid u32 · match key (UTF-8)                 JSON: source, target, note, case, created
                                                         (:mod:`ltmt.memory.glossary`)
=====  ====  ==========================================  =========================================

In an encrypted store (:mod:`.crypto`) the values of ``seg``, ``norm``, ``lens`` and ``sigs``
and the JSON of ``users`` are sealed with the user's key (nonce · AES-GCM ciphertext · tag, the
LMDB key as associated data), the ``pair`` digest is keyed and the ``post`` terms are keyed
(so are the signature bits, made from them); the users' data keys live in the ``keyring`` file
beside ``data.mdb``.

A lens or sigs block holds the segment ids ``block << BLOCK_BITS`` up to the next block. Segment ids
start at 1, grow by one per added segment and are never reused, so a deleted id can never come
back as a different segment. The highest id is the newest: of a source's translations, the one
searches reuse, so a pair stored again (re-approved) moves to the next id
(:func:`.writes.add_pairs`). ``uid`` numbers are never reused either, and a deleted user leaves
no key behind.
"""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ltmt.errors import StoreError
from ltmt.formats.common import primary_language
from ltmt.memory.record_json import loads_record

Buffer = bytes | memoryview  # what LMDB hands back (memoryview in ``buffers=True`` transactions)

SCHEMA_VERSION = 1
DATA_FILE = "data.mdb"  # LMDB's data file in a store's directory: what makes it a store
META, USERS, SEG, PAIR, NORM, POST, LENS = b"m", b"u", b"s", b"p", b"n", b"i", b"l"
SIGS = b"h"
KEYS = b"k"  # not per user: a key names its user, and deleting a memory keeps its keys
GLOSS = b"g"
PER_USER_TABLES = (SEG, PAIR, NORM, POST, LENS, SIGS, GLOSS)
INDEX_TABLES = (POST, LENS, SIGS)  # what the index is: rebuilt from the sources (NORM)
SCHEMA_KEY = META + b"schema"
INDEX_KEY = META + b"index"
CIPHER_KEY = META + b"cipher"
ENCRYPTED_ROW = b"E"
NGRAM = 3  # characters per index term
SIG_BITS = 512  # bits of a segment's term signature
SIG_BYTES = SIG_BITS // 8
INDEX_KIND = f"char{NGRAM}gram-v3"  # stored at creation; another is rebuilt when first needed
NEXT_UID_KEY = META + b"next_uid"
# the cache folders that hold decoded states of the store's segments (ltmt.fusion.state_store):
# a delete removes them from each, whichever process's cache folder they were written to
STATE_CACHES_KEY = META + b"state_caches"
# the store's random id, written once (at creation, or a store of before it at its first write):
# what names the store in the caches of its users (ltmt.memory.cached_traces.store_identity),
# the same through any path to the store and after a move, a rename or a restore
STORE_ID_KEY = META + b"store_id"
# how many user deletions the store has run (ASCII integer; absent: none yet): a write that a
# server request fenced off before it started checks it (ltmt.memory.write_fences)
ERASURES_KEY = META + b"erasures"
BLOCK_BITS = 16
BLOCK_SIZE = 1 << BLOCK_BITS

_U32 = struct.Struct(">I")
_U32X2 = struct.Struct(">II")
_RECORD_HEAD = struct.Struct("<dIIII")


def u32(value: int) -> bytes:
    return _U32.pack(value)


def read_u32(data: Buffer) -> int:
    return int(_U32.unpack(data[:4])[0])


def user_key(user: str) -> bytes:
    return USERS + user.encode("utf-8")


def seg_key(uid: int, seg_id: int, table: bytes = SEG) -> bytes:
    """Key of segment ``seg_id`` in ``table`` (:data:`SEG` or :data:`NORM`)."""
    return table + _U32X2.pack(uid, seg_id)


def seg_id_of(key: Buffer) -> int:
    return int(_U32.unpack(key[5:9])[0])


Digest = Callable[[bytes], bytes]  # 16-byte digest of the user (keyed in an encrypted store)


def context_of(metadata: Mapping[str, Any]) -> str:
    """A segment's context (PO ``msgctxt``): ``metadata["context"]``, ``""`` when it has none."""
    return str(metadata.get("context", "") or "") if metadata else ""


# A segment record's metadata key of the origins that hold its pair besides the record's own
# (a list of strings, the latest last): a pair another import (or the user) had stored already
# is held by both, and deleting one origin leaves it to the others (:func:`.writes.delete_origin`).
# Kept in the metadata, not in a field of its own, so that a store written with it opens with
# the code of before it (which shows the key as metadata).
OTHER_ORIGINS = "ltmt_origins"


def other_origins(metadata: Mapping[str, Any]) -> list[str]:
    """The origins a segment of ``metadata`` is held by besides its record's own, the latest
    last (:data:`OTHER_ORIGINS`; none when the key is absent or not a list)."""
    value = metadata.get(OTHER_ORIGINS) if metadata else None
    return [str(origin) for origin in value] if isinstance(value, list) else []


def with_other_origins(metadata: Mapping[str, Any], origins: Sequence[str]) -> dict[str, Any]:
    """``metadata`` whose :data:`OTHER_ORIGINS` are ``origins`` (none: the key left out, as
    the metadata a segment shows and a file's pair brings in must be)."""
    kept = {key: value for key, value in metadata.items() if key != OTHER_ORIGINS}
    if origins:
        kept[OTHER_ORIGINS] = list(origins)
    return kept


def pair_key(uid: int, source: str, target: str, digest: Digest, context: str = "") -> bytes:
    """The dedup key of an exact (source, target) pair in ``context``."""
    return pair_key_utf8(
        PAIR + _U32.pack(uid),
        source.encode("utf-8"),
        target.encode("utf-8"),
        digest,
        context.encode("utf-8"),
    )


def pair_key_utf8(
    prefix: bytes, source: bytes, target: bytes, digest: Digest, context: bytes = b""
) -> bytes:
    """:func:`pair_key` from ``PAIR + uid`` and the UTF-8 texts; the length prefix of the hashed
    data keeps (source, target) unambiguous. A context is hashed behind a ``0xff`` byte (never in
    UTF-8, nor the first byte of a length), so pairs without one keep the keys of stores written
    before contexts were part of the key."""
    data = _U32.pack(len(source)) + source + target
    if context:
        data = b"\xff" + _U32.pack(len(context)) + context + data
    return prefix + digest(data)


class DamagedRecord(StoreError):
    """A record of the store that cannot be read back (damage on disk): what it is, without
    the store's path, which :func:`ltmt.memory.env.read` and ``write`` add."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}; restore the store from a backup (README: Restoring a backup)")
        self.what = what


# the fields of a user's row that :class:`UserInfo` reads
USER_FIELDS = frozenset(
    {
        "uid",
        "next_id",
        "count",
        "created",
        "updated",
        "origins",
        "shared",
        "own_shared",
        "languages",
    }
)


@dataclass(frozen=True)
class UserInfo:
    """The per-user bookkeeping row of the ``users`` database."""

    uid: int
    next_id: int = 1
    count: int = 0
    created: float = 0.0
    updated: float = 0.0
    origins: Mapping[str, int] = field(default_factory=dict)
    # per origin, how many segments it holds besides their own origin (their other origins,
    # :data:`OTHER_ORIGINS`), kept by every write; None in a row written before they were
    # kept (:func:`ltmt.memory.origins.shared_origins` counts them then)
    shared: Mapping[str, int] | None = None
    # per origin, how many of the segments whose own origin it is other origins hold too (what
    # ``ltmt memory delete --origin`` keeps of its own), kept by every write; None in a row
    # written before they were kept (counted then, as ``shared``)
    own_shared: Mapping[str, int] | None = None
    # the language pair its imports named (source, target), once one did; None before
    languages: tuple[str, str] | None = None
    # a ``languages`` field that is no pair of language tags, as the row held it (an import of
    # an unchecked argument stored ``"en-de"`` before 0.1): read as none; the next import that
    # names a pair records it over this (None: the field is sound or absent)
    malformed_languages: str | None = field(default=None, compare=False)
    # the row's fields this ltmt does not know (a newer ltmt's), written back as they were
    # when this ltmt rewrites the row: the next field a release adds survives its writes
    other_fields: Mapping[str, Any] = field(default_factory=dict)

    def encode(self) -> bytes:
        row: dict[str, Any] = {
            **self.other_fields,
            "uid": self.uid,
            "next_id": self.next_id,
            "count": self.count,
            "created": self.created,
            "updated": self.updated,
            "origins": dict(self.origins),
        }
        if self.shared is not None:
            row["shared"] = dict(self.shared)
        if self.own_shared is not None:
            row["own_shared"] = dict(self.own_shared)
        if self.languages is not None:
            row["languages"] = list(self.languages)
        return json.dumps(row, ensure_ascii=False).encode("utf-8")

    @classmethod
    def decode(cls, data: Buffer) -> UserInfo:
        """The row encoded by :meth:`encode`; StoreError if it is damaged."""
        try:
            row = loads_record(bytes(data))
            stored = row.get("languages")
            languages = language_pair(stored)
            return cls(
                uid=int(row["uid"]),
                next_id=int(row["next_id"]),
                count=int(row["count"]),
                created=float(row["created"]),
                updated=float(row["updated"]),
                origins={str(k): int(v) for k, v in row.get("origins", {}).items()},
                shared=_counts(row.get("shared")),
                own_shared=_counts(row.get("own_shared")),
                languages=languages,
                malformed_languages=None if stored is None or languages else repr(stored),
                other_fields={k: v for k, v in row.items() if k not in USER_FIELDS},
            )
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise DamagedRecord(f"a user record is damaged ({bytes(data)[:30]!r}...)") from exc


def _counts(value: Any) -> dict[str, int] | None:
    """A row's per-origin counts (``shared``, ``own_shared``); None where it keeps none."""
    return {str(k): int(v) for k, v in value.items()} if value is not None else None


def language_pair(value: object) -> tuple[str, str] | None:
    """``value`` as a memory's language pair (source, target) when it is a list or tuple of
    two language tags (:func:`is_language_tag`), else None."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    source, target = value
    if not (is_language_tag(source) and is_language_tag(target)):
        return None
    return source, target


def is_language_tag(code: object) -> bool:
    """Whether ``code`` is a string that names a language as a tag or a locale does: a
    language langcodes knows (two or three letters: ``en``, ``deu``, ``gsw``), then subtags of
    1-8 letters and digits (``de-AT``, ``zh-Hant-TW``, ``de_AT.UTF-8``). ``en-de`` (a pair) is
    one: the region ``DE`` of English; ``??``, ``xx`` and ``1`` are not."""
    if not isinstance(code, str) or not _TAG_SHAPE.fullmatch(code):
        return False
    import langcodes

    language = primary_language(code)
    return len(language) in (2, 3) and langcodes.Language.get(language).is_valid()


_TAG_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[-_.@][A-Za-z0-9]{1,8})*")


def encode_record(
    source: str, target: str, created: float, origin: str, metadata: Mapping[str, Any]
) -> bytes:
    """``<dIIII`` head (created, byte lengths of the four fields), then source, target, origin
    and metadata (JSON), all UTF-8."""
    return encode_record_utf8(
        source.encode("utf-8"), target.encode("utf-8"), created, origin.encode("utf-8"), metadata
    )


def encode_record_utf8(
    src: bytes, tgt: bytes, created: float, org: bytes, metadata: Mapping[str, Any]
) -> bytes:
    """:func:`encode_record` from the UTF-8 texts."""
    meta = json.dumps(dict(metadata), ensure_ascii=False).encode("utf-8") if metadata else b""
    head = _RECORD_HEAD.pack(created, len(src), len(tgt), len(org), len(meta))
    return b"".join((head, src, tgt, org, meta))


def decode_record(data: Buffer) -> tuple[str, str, float, str, dict[str, Any]]:
    """(source, target, created, origin, metadata) of an :func:`encode_record` value;
    StoreError if it is damaged."""
    try:
        return _decode_record(bytes(data))
    except (struct.error, ValueError, TypeError) as exc:
        raise DamagedRecord("a segment record is damaged") from exc


def _decode_record(data: bytes) -> tuple[str, str, float, str, dict[str, Any]]:
    created, n_src, n_tgt, n_org, n_meta = _RECORD_HEAD.unpack_from(data)
    pos = _RECORD_HEAD.size
    source = data[pos : pos + n_src].decode("utf-8")
    pos += n_src
    target = data[pos : pos + n_tgt].decode("utf-8")
    pos += n_tgt
    origin = data[pos : pos + n_org].decode("utf-8")
    pos += n_org
    if pos + n_meta != len(data):
        raise ValueError("record length does not match its head")
    metadata = loads_record(data[pos : pos + n_meta]) if n_meta else {}
    if not isinstance(metadata, dict):
        raise TypeError("metadata is not an object")
    return source, target, created, origin, metadata
