"""``ltmt memory check``: verify that every table of a store agrees with the others.

Per user: the row's count equals its segment records, its per-origin shared counts those its
segments hold, every record decodes (and decrypts),
its normalised source and dedup entry are there and agree with it, its index-text length is
recorded, and the postings are exactly those its sources make (document frequencies included)
(an index of the kind an older ltmt wrote is not checked, but noted: it is rebuilt at the next
search or write, :func:`.env.bring_index_up_to_date`).
Across users: no key belongs to a uid without a user, uids are below ``next_uid``. Before any
of that, the pages of ``data.mdb`` are walked (:mod:`.pages`) even where an open skipped them as
unchanged (:mod:`.page_record`): damage the file system did not see is found here. The first
problem found is a :class:`~ltmt.errors.StoreError` that names it.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

import lmdb
import numpy as np

from ltmt.errors import StoreError
from ltmt.memory import env, postings, rows
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.layout import (
    GLOSS,
    INDEX_KIND,
    INDEX_TABLES,
    KEYS,
    LENS,
    META,
    NEXT_UID_KEY,
    NORM,
    PAIR,
    PER_USER_TABLES,
    POST,
    SEG,
    SIGS,
    USERS,
    UserInfo,
    context_of,
    decode_record,
    other_origins,
    pair_key,
    read_u32,
    seg_key,
    u32,
)
from ltmt.memory.maintenance import live_uids
from ltmt.memory.origins import SharedCounts, recount_shared_origins
from ltmt.text import fold_space
from ltmt.wording import counted

_TABLE_NAMES = {
    SEG: "segment",
    PAIR: "dedup",
    NORM: "normalised-source",
    POST: "index",
    LENS: "length",
    SIGS: "signature",
    GLOSS: "glossary",
}
# (every per-user table is named: a check that found damage in one must not fail to say so)


@dataclass(frozen=True)
class CheckReport:
    """What a successful check covered; ``notes``: what it found that is read soundly but not
    as it was meant to be stored (a user's languages that are no pair: read as none; an index
    an older ltmt wrote, not checked: ``postings`` is None)."""

    users: int
    segments: int
    postings: int | None
    encrypted: bool
    notes: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()  # users whose shared counts an older ltmt left stale

    def summary(self) -> str:
        kind = "encrypted " if self.encrypted else ""
        counts = counted(self.segments, "segment")
        if self.postings is not None:
            counts += f" and {counted(self.postings, 'index posting')}"
        said = f"ok: {kind}store with {counted(self.users, 'user')}, {counts}; every table agrees"
        return "; note: ".join((said, *self.notes))


class Damage(StoreError):
    """A check found the store inconsistent."""


def check(store: env.Store) -> CheckReport:
    """Verify ``store`` (see the module docstring); raises :class:`Damage` naming the problem."""
    env.check_pages(store, always=True)
    try:
        report = env.read(store, lambda txn: _check(txn, store))
    except Damage as exc:
        raise Damage(
            f"memory store {store.path} is damaged: {exc}; restore a backup (README: Restoring "
            "a backup)"
        ) from None
    if not report.stale:
        return report
    return replace(report, notes=(*report.notes, _recounted(store, report.stale)))


def _recounted(store: env.Store, users: tuple[str, ...]) -> str:
    """Count the shared counts of ``users`` again and keep them, in one write (not in a
    read-only store); what a check says of it. An older ltmt writing to the store leaves them
    stale: no damage, nothing lost, and counted again from the segments."""
    names = ", ".join(repr(user) for user in users)
    if store.read_only:
        return (
            f"the shared counts of user {names} are stale (an older ltmt wrote to the store): "
            "stats recounts them; run the check where the store can be written to mend them"
        )

    def recount(txn: lmdb.Transaction) -> None:
        for user in users:
            recount_shared_origins(txn, store.vault, user)

    env.write(store, recount)
    return (
        f"the shared counts of user {names} were stale (an older ltmt wrote to the store): "
        "recounted"
    )


def _check(txn: lmdb.Transaction, store: env.Store) -> CheckReport:
    vault = store.vault
    raw_next = txn.get(NEXT_UID_KEY)
    try:
        next_uid = int(bytes(raw_next)) if raw_next is not None else 0
    except ValueError:
        next_uid = 0
    if next_uid < 1:
        raise Damage(f"its {NEXT_UID_KEY!r} entry is missing or not a number")
    uids = live_uids(txn, vault)
    if vault.keyring is not None:
        missing = set(uids) - set(vault.keyring.live_uids())
        if missing:
            uid = min(missing)
            raise Damage(f"the data key of user {uids[uid]!r} is missing from the keyring")
    indexed = store.older_index is None  # an older ltmt's index is not this ltmt's to check
    segments = postings = 0
    notes = [] if indexed else [_older_index_note(store.older_index)]
    stale: list[str] = []
    for uid, user in sorted(uids.items()):
        if uid >= next_uid:
            raise Damage(f"user {user!r} has uid {uid}, not below next_uid {next_uid}")
        try:
            found = rows.user_info(txn, vault, user)
        except StoreError as exc:  # its data key damaged: the keyring's damage, said as such
            problem = str(exc).partition("; ")[0]  # the advice is the damage's own
            raise Damage(f"user {user!r} cannot be read: {problem}") from exc
        if found is None:  # pragma: no cover - read in the same transaction as uids
            continue
        info, cipher = found
        if info.uid != uid:
            raise Damage(f"the record of user {user!r} names uid {info.uid}, its key {uid}")
        n, p, counts_stale = _check_user(txn, user, info, cipher, indexed=indexed)
        if counts_stale:
            stale.append(user)
        segments += n
        postings += p
        if info.malformed_languages is not None:
            notes.append(
                f"user {user!r} records {info.malformed_languages} as its languages, no language "
                "pair: read as none until an import names its languages"
            )
    _check_orphans(txn, uids, () if indexed else INDEX_TABLES)
    return CheckReport(
        users=len(uids),
        segments=segments,
        postings=postings if indexed else None,
        encrypted=vault.encrypted,
        notes=tuple(notes),
        stale=tuple(stale),
    )


def _older_index_note(kind: str | None) -> str:
    """What a check says of a store whose index an older ltmt wrote (``kind``)."""
    return (
        f"its index is of an older kind ({kind}), not checked: this ltmt rebuilds it as "
        f"{INDEX_KIND} at the next search or write (older ltmt releases cannot read the store "
        "afterwards; 'ltmt memory backup' first keeps a copy they can)"
    )


def _check_user(
    txn: lmdb.Transaction, user: str, info: UserInfo, cipher: PlainCipher, *, indexed: bool
) -> tuple[int, int, bool]:
    """(segments, postings, whether its shared counts are stale) of one user, each checked
    against the other tables; its index only where ``indexed`` (this ltmt's kind; else no
    postings are counted)."""
    ids: list[int] = []
    texts: list[str] = []
    shared = SharedCounts(Counter(), Counter())
    for key, raw in rows.keys_under(txn, SEG + u32(info.uid)):
        seg_id = read_u32(key[5:9])
        where = f"segment {seg_id} of {user!r}"
        if not 0 < seg_id < info.next_id:
            raise Damage(f"{where} is not below the user's next id {info.next_id}")
        source, target, _, origin, metadata = decode_record(cipher.open(raw, key))
        norm_key = seg_key(info.uid, seg_id, NORM)
        norm = txn.get(norm_key)
        if norm is None:
            raise Damage(f"{where} has no normalised source")
        folded = bytes(cipher.open(norm, norm_key)).decode("utf-8", errors="replace")
        if folded != fold_space(source):
            raise Damage(f"the normalised source of {where} does not match its record")
        context = context_of(metadata)
        dedup = txn.get(pair_key(info.uid, source, target, cipher.digest, context))
        if dedup is None or read_u32(dedup) != seg_id:
            raise Damage(f"the dedup entry of {where} is missing or names another segment")
        ids.append(seg_id)
        texts.append(folded.casefold())
        shared.shift(None, (origin, other_origins(metadata)))
    if len(ids) != info.count:
        raise Damage(
            f"user {user!r} has {len(ids)} segment records but its count says {info.count}"
        )
    if sum(info.origins.values()) != info.count:
        raise Damage(f"the origin counts of user {user!r} do not add up to its count")
    stale = _stale_shared(info, shared)
    for table in (NORM, PAIR):
        found = _count_keys(txn, table + u32(info.uid))
        if found != len(ids):
            raise Damage(
                f"user {user!r} has {found} {_TABLE_NAMES[table]} entries for {len(ids)} segments"
            )
    if not indexed:
        return len(ids), 0, stale
    # once, for signatures and postings (their positions, as large, are not kept)
    terms, doc = postings.text_terms(texts, cipher)[::2]
    segments = _UserSegments(user, info.uid, cipher, ids, texts, terms, doc)
    _check_rows(txn, segments)
    return len(ids), _check_postings(txn, segments), stale


def _stale_shared(info: UserInfo, shared: SharedCounts) -> bool:
    """Whether the per-origin shared counts a user's row keeps (:attr:`UserInfo.shared`,
    :attr:`UserInfo.own_shared`; a row written before they were kept has none to compare)
    differ from ``shared``, those its segments hold: an older ltmt that wrote to the store
    left them so (they are counted again, no damage)."""
    for row, held in ((info.shared, shared.besides), (info.own_shared, shared.own)):
        if row is None or held is None:
            continue
        kept = {name: count for name, count in row.items() if count}
        if kept != {name: count for name, count in held.items() if count}:
            return True
    return False


@dataclass(frozen=True)
class _UserSegments:
    """One user's segment ids and index texts, as read back from its records, and the index
    terms of those texts (:func:`.postings.text_terms`: term and index of its text, per n-gram)."""

    user: str
    uid: int
    cipher: PlainCipher
    ids: list[int]
    texts: list[str]
    terms: np.ndarray
    doc: np.ndarray


def _check_rows(txn: lmdb.Transaction, segments: _UserSegments) -> None:
    """Compare the stored index-text lengths and signatures with those the sources make."""
    user, ids, texts = segments.user, segments.ids, segments.texts
    lens = postings.load_lens(txn, segments.uid, segments.cipher).astype(np.int64)
    expected = np.zeros(max(len(lens), max(ids, default=0) + 1), dtype=np.int64)
    expected[ids] = np.minimum([len(text) for text in texts], 0xFFFF)
    lens = np.pad(lens, (0, len(expected) - len(lens)))
    if not np.array_equal(lens, expected):
        bad = int(np.flatnonzero(lens != expected)[0])
        raise Damage(f"the index-text length of segment {bad} of {user!r} is wrong")
    sigs = postings.load_sigs(txn, segments.uid, len(lens), segments.cipher)
    expected_sigs = np.zeros_like(sigs)
    if ids:
        expected_sigs[ids] = postings.signatures(segments.doc, segments.terms, len(ids))
    if not np.array_equal(sigs, expected_sigs):
        bad = int(np.flatnonzero((sigs != expected_sigs).any(axis=1))[0])
        raise Damage(f"the index signature of segment {bad} of {user!r} is wrong")


def _check_postings(txn: lmdb.Transaction, segments: _UserSegments) -> int:
    """Compare the stored postings with those the sources make; returns how many there are.
    They are compared term by term as they are read, never held whole: keys come in term
    order (big-endian), each term's ids ascending, which is the order of those expected."""
    user, ids = segments.user, segments.ids
    expected = (
        postings.term_pairs(segments.terms, segments.doc, np.array(ids, dtype=np.int64))
        if ids
        else np.zeros(0, dtype=np.uint64)
    )
    found = 0
    agrees = True
    for pairs in _stored_terms(txn, user, segments.uid):
        agrees = agrees and np.array_equal(pairs, expected[found : found + pairs.size])
        found += pairs.size
    if not agrees or found != expected.size:
        raise Damage(
            f"the index of {user!r} does not match its segments ({found} postings, "
            f"its sources make {expected.size})"
        )
    return found


def _stored_terms(txn: lmdb.Transaction, user: str, uid: int) -> Iterator[np.ndarray]:
    """The postings of each index term of ``user`` (``uid``), in key order: ``term << 32 |
    id`` (uint64), each checked against its head's count."""
    head: tuple[int, int, list[np.ndarray]] | None = None  # (term, df, ids so far)
    for key, value in rows.keys_under(txn, POST + u32(uid)):
        term = read_u32(key[5:9])
        if len(key) == 9:  # a head: its chunks follow it in key order
            if head is not None:
                yield _term_pairs(head, user)
            df = struct.unpack_from("<I", value)[0]
            head = (term, df, [np.frombuffer(value, dtype="<u4", offset=4)])
        elif len(key) == 13 and head is not None and head[0] == term:
            head[2].insert(len(head[2]) - 1, np.frombuffer(value, dtype="<u4"))
        else:
            raise Damage(f"index entry {key!r} of {user!r} has no head")
    if head is not None:
        yield _term_pairs(head, user)


def _term_pairs(head: tuple[int, int, list[np.ndarray]], user: str) -> np.ndarray:
    """The postings of the term of ``head`` (term, df, its id chunks and then its tail) as
    ``term << 32 | id``; ids that are not ``df`` ascending ones are :class:`Damage`."""
    term, df, parts = head
    ids = np.concatenate(parts)  # the chunks in key order, then the tail
    if ids.size != df or (ids.size > 1 and np.any(np.diff(ids.astype(np.int64)) <= 0)):
        raise Damage(f"the postings of an index term of {user!r} do not match its count")
    return (np.uint64(term) << np.uint64(32)) | ids.astype(np.uint64)


def _count_keys(txn: lmdb.Transaction, prefix: bytes) -> int:
    return sum(1 for _ in rows.keys_under(txn, prefix))


def _check_orphans(
    txn: lmdb.Transaction, uids: dict[int, str], unchecked: tuple[bytes, ...]
) -> None:
    """No per-user key under a uid without a user; no key outside the known tables. The
    ``unchecked`` tables (an older ltmt's index, laid out as it chose) are left out."""
    cursor = txn.cursor()
    for key in cursor.iternext(values=False):
        tag = bytes(key[:1])
        if tag in (META, USERS, KEYS) or tag in unchecked:  # KEYS: API keys, of no uid
            continue
        if tag not in PER_USER_TABLES:
            raise Damage(f"it holds key {bytes(key)[:12]!r} of no known table")
        uid = read_u32(key[1:5])
        if uid not in uids:
            raise Damage(
                f"its {_TABLE_NAMES[tag]} table holds keys of uid {uid}, which has no user"
            )
