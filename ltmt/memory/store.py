"""The per-user translation memory: :class:`Memory`.

    from ltmt import Memory
    with Memory("store") as memory:
        memory.add("u1", "Open the file", "Datei öffnen")
        [match] = memory.search("u1", "open the files", k=1)   # match.score ≈ 96

One directory holds one LMDB environment with every user (layout in :mod:`ltmt.memory.layout`).
Any number of processes may read while one writes; LMDB serialises writers. Within a process,
every ``Memory`` on the same directory shares one environment (:mod:`ltmt.memory.env`).
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import lmdb

from ltmt.api_arguments import (
    checked_integer,
    checked_language_pair,
    checked_origin,
    checked_path,
    preference_list,
    segment_id,
)
from ltmt.config import check_range
from ltmt.errors import InputError, StoreError
from ltmt.memory import env, index, maintenance, rows, sources, writes
from ltmt.memory.cached_traces import forget_output_sources, forget_states, note_cache, noted_caches
from ltmt.memory.check import CheckReport
from ltmt.memory.check import check as check_store
from ltmt.memory.clean import DEFAULT_CLEAN, CleanConfig, ImportRecord, clean_pair
from ltmt.memory.crypto import generate_key_file, resolve_key_file
from ltmt.memory.glossary import Glossary
from ltmt.memory.importing import import_records
from ltmt.memory.layout import DATA_FILE, SCHEMA_VERSION, USERS, UserInfo
from ltmt.memory.origins import (
    SharedCounts,
    is_of_origin,
    named_origin,
    record_shared_origins,
    recount_shared_origins,
    shared_origins,
    shown_origin,
)
from ltmt.memory.packing import BackgroundPacker
from ltmt.memory.report import ImportReport
from ltmt.memory.scratch import SearchScratch
from ltmt.memory.search import SearchSettings, preload, search_texts
from ltmt.memory.user_ids import check_new_user, check_user, close_user_warning, likely_users
from ltmt.memory.write_fences import WriteFence, fenced
from ltmt.paths import resolve_memory_dir
from ltmt.segments import Match, Segment
from ltmt.text import text_list
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

DEFAULT_CANDIDATES = 2048  # index candidates scored per query (the score bound skips some)


def _languages_of(path: Path, user: str, info: UserInfo) -> tuple[str, str] | None:
    """``user``'s language pair as its record ``info`` holds it; a field that is no pair
    (:attr:`~ltmt.memory.layout.UserInfo.malformed_languages`) is none, said in a warning once
    a process for each store, user and field (every translation and stats call reads it)."""
    if info.malformed_languages is not None:
        _warn_malformed_languages(str(path), user, str(info.malformed_languages))
    return info.languages


@functools.cache
def _warn_malformed_languages(path: str, user: str, malformed: str) -> None:
    """The warning of :func:`_languages_of`, cached so that it is said once."""
    logger.warning(
        "the memory of %r in %s records %s as its languages, no language pair: read as none; "
        "its next import that names its languages records them",
        user,
        path,
        malformed,
    )


def _likely_origins(origin: str, known: list[str]) -> str:
    """:func:`_likely` of the origins ``known`` for ``origin``, told by their file names: an
    import records its file's path (``/tms/git.jsonl`` is likely for ``git.json``)."""
    import difflib
    from pathlib import PurePath

    names = {PurePath(name).name for name in known}
    close = set(difflib.get_close_matches(PurePath(origin).name, names, n=3))
    likely = [name for name in known if PurePath(name).name in close][:3]
    if likely:
        return f"did you mean {', '.join(likely)}?"
    return _likely(origin, known, "its origins", "it has no segments")


def _likely(
    name: str,
    known: list[str],
    listed: str,
    empty: str,
    likely: Callable[[str, list[str]], list[str]] | None = None,
) -> str:
    """What an error that refuses ``name`` says of ``known``: the likely ones where ``name`` is
    a typo of some (``likely``'s, default :func:`difflib.get_close_matches`'), not the first few
    of many; else the first few (``listed``: "its users"), or ``empty`` where there are none."""
    import difflib

    close = (likely or (lambda n, k: difflib.get_close_matches(n, k, n=3)))(name, known)
    if close:
        return f"did you mean {', '.join(close)}?"
    return f"{listed}: {first_few(known, 5)}" if known else empty


def no_backup_of_damage(damage: StoreError) -> StoreError:
    """The error of a backup refused because the store is damaged (``damage``, what its check
    said): a backup would carry the damage into the backups kept."""
    problem = str(damage).partition("; restore")[0]
    return StoreError(
        f"{problem}; no backup was written, as it would carry the damage: keep the backups you "
        "have (README: Restoring a backup), or pass --no-check for a copy as it is"
    )


@dataclass(frozen=True)
class DeletedUser:
    """What :meth:`Memory.delete_user` deleted: the user's ``segments`` and glossary ``terms``."""

    segments: int
    terms: int


@dataclass(frozen=True)
class AddedPair:
    """What :meth:`Memory.add_pair` did: the ``segment`` that holds the pair, and whether the
    call stored it (``new``) or found it stored already; ``refreshed_from``: the id a pair
    stored already had before the call made it the newest translation of its source, the one
    searches reuse (None: it was the newest already, or is new)."""

    segment: Segment
    new: bool
    refreshed_from: int | None = None


class Memory:
    """Per-user translation memories in one store directory, with fuzzy retrieval.

    ``path`` defaults to :func:`ltmt.paths.default_memory_dir`. Matching is case-insensitive
    unless ``case_sensitive``; ``clean`` sets the filters applied to added pairs; ``candidates``
    is how many index candidates are scored exactly per query, from their sources read one by
    one, or held in memory once the searches have read as many as the memory holds (read then
    on a thread of its own, while the searches go on: :mod:`ltmt.memory.packing`;
    :mod:`ltmt.memory.source_codes`; :meth:`preload` reads them now); ``recount`` caps the
    postings of the query's common n-grams that are counted, by the candidates' signatures, to
    re-estimate the best candidates (default: all; 0: none, faster and finds less, see
    :func:`ltmt.memory.index.candidates`); a memory of at most ``scan_max`` segments is
    searched by an exhaustive scan of its sources instead (0: always by the index; see
    :mod:`ltmt.memory.sources`); ``map_size`` is the initial LMDB map
    size in bytes (it grows when full). ``key_file`` (default: ``$LTMT_KEY_FILE``) is the store
    key of an encrypted store, or makes a new store encrypted (see :mod:`ltmt.memory.crypto`).

    A ``path`` with no store makes a new one there: its folder is made (mode 0700), but not
    the folders above it, which must exist (a mistyped ``typo_parent/store`` is an InputError,
    not new folders and an empty store that answers every read); the default path's folders
    are made.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        case_sensitive: bool = False,
        clean: CleanConfig = DEFAULT_CLEAN,
        candidates: int = DEFAULT_CANDIDATES,
        recount: int = index.RECOUNT_BUDGET,
        scan_max: int = sources.SCAN_MAX,
        map_size: int = env.DEFAULT_MAP_SIZE,
        key_file: str | os.PathLike[str] | None = None,
    ) -> None:
        checked_path("path", path)
        checked_path("key_file", key_file)
        check_range("candidates", candidates, at_least=1, error=InputError)
        check_range("recount", recount, at_least=0, error=InputError)
        check_range("scan_max", scan_max, at_least=0, error=InputError)
        self.path = resolve_memory_dir(path)
        if path is not None:
            env.check_store_parent(self.path)
        self.case_sensitive = case_sensitive
        self.clean = clean
        self.candidates = candidates
        self.recount = recount
        self.scan_max = scan_max
        key = resolve_key_file(key_file)
        self._store: env.Store | None = env.acquire(self.path, map_size=map_size, key_file=key)
        # a Memory dropped without close() releases its store when collected (it held the
        # environment open, and compact() refused for handles no one had any more)
        self._release = weakref.finalize(self, env.release, self._store)
        self._packer = BackgroundPacker()
        self._scratch = SearchScratch(pack_later=_packs_in_background(self))

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Release the store (the environment closes when its last user in the process closes,
        and a pack of sources under way holds it until it ends: :mod:`ltmt.memory.packing`)."""
        self._packer.close()
        if self._store is not None:
            self._release()
            self._store = None

    def __enter__(self) -> Memory:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Memory({str(self.path)!r}, case_sensitive={self.case_sensitive})"

    @property
    def store(self) -> env.Store:
        if self._store is None:
            raise StoreError(f"memory store {self.path} is closed")
        return self._store

    @property
    def encrypted(self) -> bool:
        return self.store.vault.encrypted

    # -- writing ----------------------------------------------------------------------------

    def add(
        self,
        user: str,
        source: str,
        target: str,
        *,
        origin: str = "api",
        metadata: Mapping[str, Any] | None = None,
        fence: WriteFence | None = None,
    ) -> Segment:
        """Store one pair; returns the new segment, or the stored one if the pair is already there
        (made the newest translation of its source, the one searches reuse: :meth:`add_pair`).

        Raises InputError when the pair fails cleaning (empty side, broken encoding, length ratio);
        ``fence``: as in :meth:`import_pairs`.
        """
        added = self.add_pair(user, source, target, origin=origin, metadata=metadata, fence=fence)
        return added.segment

    def add_pair(
        self,
        user: str,
        source: str,
        target: str,
        *,
        origin: str = "api",
        metadata: Mapping[str, Any] | None = None,
        warn_new_user: bool = True,
        fence: WriteFence | None = None,
    ) -> AddedPair:
        """:meth:`add`, saying whether this call stored the pair (``new``) or found it stored:
        told by the write itself, so that processes adding the same pair at once do not each
        take it for theirs. A pair stored already whose source has a newer translation is
        re-approved: stored again under a new id, so that it is the one searches reuse
        (``refreshed_from`` names its old id; :func:`ltmt.memory.writes.add_pairs`).
        ``warn_new_user`` and ``fence``: as in :meth:`import_pairs`."""
        pair = clean_pair(check_new_user(user), source, target, metadata, self.clean)
        checked_origin(origin)
        before = self.users() if warn_new_user else None
        now, vault = time.time(), self.store.vault
        added = env.write(
            self.store,
            fenced(
                fence,
                vault,
                lambda txn: writes.add_pairs(txn, vault, user, [pair], origin=origin, now=now),
            ),
        )
        [seg_id] = added.ids
        segment = self.get(user, seg_id)
        if segment is None:  # pragma: no cover - deleted by another process in between
            raise StoreError(f"segment {seg_id} of {user!r} vanished right after it was added")
        self._warn_if_close_to_a_user(user, before)
        refreshed_from = next(iter(added.refreshed), None)
        return AddedPair(segment, new=added.added == 1, refreshed_from=refreshed_from)

    def import_pairs(
        self,
        user: str,
        records: Iterable[ImportRecord],
        *,
        origin: str = "import",
        progress: Callable[[int], None] | None = None,
        languages: Sequence[str] | None = None,
        warn_new_user: bool = True,
        fence: WriteFence | None = None,
    ) -> ImportReport:
        """Add many pairs in one transaction: all of them are stored, or (on error) none.

        ``records``: :class:`PairRecord` objects, ``(source, target)`` or ``(source, target,
        metadata)`` tuples, or mappings with ``source`` and ``target`` (their other keys the
        metadata, as a JSONL line's); anything else is InputError before anything is written.

        Pairs that fail cleaning are skipped and counted by reason in the report; pairs already
        stored (or repeated in ``records``) count as duplicates, and a stored one whose source
        has a newer translation is made the newest, the one searches reuse (counted as
        ``refreshed``: :func:`ltmt.memory.writes.add_pairs`). ``progress(n)`` is called as
        ``n`` of the records are dealt with: the skipped ones once all are screened, then each
        batch as it is written (the calls add up to the records read). ``languages`` (source,
        target; ``("en", "de")``): the pair the records are in. The user's first import that
        names one keeps it (:meth:`languages`), and an import in another pair is an InputError
        before anything is stored: a memory holds one language pair. ``languages`` that are no
        pair of language codes (``"en-de"``, ``("en",)``) are an InputError too.

        ``warn_new_user``: log a warning (logger ``ltmt.memory.store``: ``did you mean acme? (a
        new user ACME was created; Memory.delete_user('ACME') undoes it)``) where the call made
        its user anew and another user's name is close to it, a typo's pairs otherwise stored
        apart unnoticed; ``False`` for a caller that says it in its own words.

        ``fence``: a server request's (:mod:`ltmt.memory.write_fences`), checked in the write
        transaction: FencedWriteError, nothing stored, where ``user`` was deleted or the
        request's key revoked since it was taken.
        """
        check_new_user(user)
        checked_origin(origin)
        pair = checked_language_pair(languages)
        before = self.users() if warn_new_user else None
        report = import_records(
            self.store,
            self.clean,
            user,
            records,
            origin=origin,
            progress=progress,
            languages=pair,
            fence=fence,
        )
        self._warn_if_close_to_a_user(user, before)
        return report

    def _warn_if_close_to_a_user(self, user: str, before: list[str] | None) -> None:
        """Log :func:`~ltmt.memory.user_ids.close_user_warning` where a write made ``user``
        anew (not among the users ``before`` it; None: not asked to warn)."""
        if before is None or user in before or user not in self.users():
            return
        warning = close_user_warning(user, before, f"Memory.delete_user({user!r})")
        if warning is not None:
            logger.warning("%s", warning)

    def import_file(
        self,
        user: str,
        path: str | os.PathLike[str],
        fmt: str | None = None,
        *,
        source_file: str | os.PathLike[str] | None = None,
        languages: Sequence[str] = ("en", "de"),
        language_check: bool = True,
    ) -> ImportReport:
        """Import a pairs file (TMX, XLIFF, PO, JSONL, TSV ..., or a folder of them; ``fmt``:
        its format, default from the extension; ``source_file``: the source-language file of
        a one-language file such as Android's) into ``user``'s memory, as ``ltmt memory
        import`` does, ``languages`` the memory's pair: :func:`ltmt.memory.file_import.
        import_file`."""
        from ltmt.memory.file_import import import_file

        return import_file(
            self,
            user,
            path,
            fmt,
            source_file=source_file,
            languages=languages,
            language_check=language_check,
        )

    def delete(self, user: str, seg_id: int) -> bool:
        """Delete one segment (with its index entries and the states translations cached of
        it, see :func:`~ltmt.memory.cached_traces.forget_states`); False if there is no such
        segment, of a user the store holds or not (as :meth:`get` gives None and
        :meth:`delete_user` None: a caller that must tell an unknown user apart asks
        :meth:`require_user`). ``seg_id`` must be an int."""
        check_user(user)
        seg_id = segment_id(seg_id)
        vault = self.store.vault
        deleted = env.write(self.store, lambda txn: writes.delete_segment(txn, vault, user, seg_id))
        if deleted:
            forget_states(user, seg_id, self.state_caches(), self.store)
        return deleted

    def delete_origin(self, user: str, origin: str) -> int:
        """Delete the segments of ``user`` whose origin is ``origin`` (an import's file,
        as :meth:`stats` counts them: undoing an import into the wrong user; a folder imported
        for the files of its import: :func:`ltmt.memory.origins.is_of_origin`), in one write,
        with the states translations cached of them (see :meth:`delete`); how many.

        A pair that another origin holds too (stored before by another import or a
        translator, or since) stays, that origin's (:func:`ltmt.memory.writes.delete_origin`).
        An unknown user or origin is an InputError naming the user's origins
        (:meth:`require_origin`), found in the one write."""
        return self.undo_origin(user, origin).alone

    def undo_origin(self, user: str, origin: str) -> writes.OriginShare:
        """:meth:`delete_origin`, told as :meth:`origin_share` tells it before: the segments
        deleted (``alone``) and those kept (``shared``), counted in the one write, and the
        ``origin`` it named (:meth:`named_origin`)."""
        origin = self.named_origin(user, origin)
        vault = self.store.vault
        undone = env.write(self.store, lambda txn: writes.delete_origin(txn, vault, user, origin))
        if undone is None:
            self.require_origin(user, origin)  # raises: the user or the origin is unknown
            return writes.OriginShare(0, 0, origin)  # pragma: no cover - committed between
        removed, share = undone
        if removed:
            forget_states(user, removed, self.state_caches(), self.store)
        return share

    def origin_share(self, user: str, origin: str) -> writes.OriginShare:
        """What :meth:`delete_origin` of ``origin`` would do to ``user``'s segments: how many
        it holds alone (deleted) and how many other origins hold too (kept), an origin that
        holds a pair only besides its own origin (an identical file imported after it)
        included; InputError as :meth:`require_origin` says when it holds none."""
        origin = self.named_origin(user, origin)
        vault = self.store.vault
        share = env.read(self.store, lambda txn: writes.origin_share(txn, vault, user, origin))
        if share is None:  # stats: InputError for an unknown user, as require_user says it
            raise self._no_origin(user, origin, sorted(self.stats(user)["origins"]))
        return share

    def named_origin(self, user: str, origin: str) -> str:
        """The origin of ``user`` that ``origin`` names (:func:`ltmt.memory.origins.named_origin`:
        a path as it was imported, a bare file name held once), among those holding its
        segments as their own or besides another's; what :meth:`delete_origin` and
        :meth:`origin_share` act on. InputError for an unknown user, a bare name several files
        hold, or a blank origin or ``/`` (they would name every import)."""
        check_user(user)
        checked_origin(origin)
        own = self.stats(user)["origins"]
        if origin in own:  # as stats lists it: no need to read every segment for the others
            return origin
        # a folder of own origins: named_origin answers it as given, the shared ones unread
        if any(is_of_origin(name, origin) for name in own):
            return named_origin(origin, own)
        return named_origin(origin, {*own, *self.shared_origins(user)})

    def shared_origins(self, user: str) -> dict[str, int]:
        """Per origin, how many of ``user``'s segments it holds besides their own origin (those
        :meth:`stats`' ``origins`` leave out: a pair imported again from another file); an
        origin that holds pairs only so is among them. InputError when the store lacks
        ``user``."""
        return dict(self._shared_counts(user).besides or {})

    def origin_shares(self, user: str) -> dict[str, writes.OriginShare]:
        """Per origin of ``user``'s (:meth:`stats`' ``origins`` and :meth:`shared_origins`),
        what :meth:`delete_origin` of it alone would do, as :meth:`origin_share` tells it: the
        segments it holds alone (deleted) and those other origins hold too (kept), from the
        counts the user's row keeps; InputError when the store lacks ``user``."""
        own = self.stats(user)["origins"]
        shares = self._shared_counts(user).shares(own)
        if any(alone < 0 for alone, _ in shares.values()):  # left stale by an older ltmt
            shares = self._recounted(user).shares(own)
        return {
            name: writes.OriginShare(alone, shared, name)
            for name, (alone, shared) in shares.items()
        }

    def _recounted(self, user: str) -> SharedCounts:
        """``user``'s shared counts counted again from its segments
        (:func:`~ltmt.memory.origins.recount_shared_origins`), and kept (not in a read-only
        store)."""
        vault, keep = self.store.vault, not self.store.read_only
        recount = lambda txn: recount_shared_origins(txn, vault, user, keep=keep)  # noqa: E731
        found = env.write(self.store, recount) if keep else env.read(self.store, recount)
        if found is None:  # pragma: no cover - deleted between the two
            raise self._no_user(user)
        return found

    def _shared_counts(self, user: str) -> SharedCounts:
        """``user``'s :class:`~ltmt.memory.origins.SharedCounts`. The user's row keeps them
        (every write updates them); a row written before they were kept has them counted from
        every segment once, and kept (not in a read-only store)."""
        check_user(user)
        vault = self.store.vault
        # a store that can be written to keeps the counts it lacks: no need to count them twice
        writable = not self.store.read_only
        found = env.read(
            self.store, lambda txn: shared_origins(txn, vault, user, count=not writable)
        )
        if found is None:
            raise self._no_user(user)
        shared, kept = found
        if not kept and writable:
            recorded = env.write(self.store, lambda txn: record_shared_origins(txn, vault, user))
            if recorded is None:  # pragma: no cover - deleted between the two
                raise self._no_user(user)
            shared = recorded
        return shared

    def require_origin(self, user: str, origin: str) -> int:
        """How many segments of ``user`` have origin ``origin`` (:meth:`stats`' ``origins``),
        or, for an imported folder, one of its files (``/w/proj`` for ``/w/proj//de/app.po``:
        :func:`ltmt.memory.origins.is_of_origin`); InputError when none (the message names the
        user's origins, or the close ones) or the store lacks ``user``."""
        checked_origin(origin)
        origins = self.stats(user)["origins"]
        held = sum(count for name, count in origins.items() if is_of_origin(name, origin))
        if held > 0:
            return int(held)
        raise self._no_origin(user, origin, sorted(origins))

    def delete_user(self, user: str) -> DeletedUser | None:
        """Delete a user and every trace of it, index, the states translations cached of its
        segments (see :meth:`delete`) and the records of the outputs written for it
        (:mod:`ltmt.formats.output_sources`) included; what was deleted (how many segments and
        glossary terms, counted by the delete itself: an import that committed while it waited
        for the lock is among them), or None if there is no such user.

        In an encrypted store the user's data key is destroyed too, so what LMDB's freed pages
        (or a backup) still hold of the user cannot be decrypted. In a plain store the freed
        pages keep the text until reused: :func:`ltmt.memory.maintenance.compact` removes it.
        """
        check_user(user)
        vault = self.store.vault
        removed = env.write(self.store, lambda txn: writes.delete_user(txn, vault, user))
        if removed is None:
            return None
        vault.destroy(removed.uid)
        # a search or a pack whose snapshot predates the delete keeps nothing it reads from here
        # on (scratch.Generations)
        self._scratch.forget(user)
        caches = self.state_caches()
        forget_states(user, None, caches, self.store)
        forget_output_sources(user, caches, self.store)
        return DeletedUser(removed.segments, removed.terms)

    def state_caches(self) -> list[Path]:
        """The cache folders that translations noted (:meth:`note_state_cache`) they keep
        decoded states of this store's segments in."""
        return noted_caches(self.store)

    def note_state_cache(self, cache_dir: str | os.PathLike[str]) -> None:
        """Note that decoded states of this store's segments (:mod:`ltmt.fusion.state_store`),
        or records of the outputs written for its users (:mod:`ltmt.formats.output_sources`),
        are about to be kept in ``cache_dir``, so that a delete run by another process, with
        another cache folder, removes them there too; a folder noted already is not written
        again."""
        note_cache(self.store, cache_dir)

    # -- upkeep (see ltmt.memory.maintenance and ltmt.memory.check) --------------------------

    def check(self) -> CheckReport:
        """Verify that every table agrees (StoreError naming the first problem)."""
        return check_store(self.store)

    def backup(self, directory: str | os.PathLike[str], *, check: bool = True) -> Path:
        """A consistent, compacted copy of the live store in the new ``directory``. The store
        is checked first (:meth:`check`; a damaged one is a StoreError, and no backup is
        written: it would carry the damage into the backups kept), unless not ``check`` (a copy
        as it is, to rescue what a damaged store holds)."""
        if check:
            try:
                self.check()
            except StoreError as exc:
                raise no_backup_of_damage(exc) from exc
        return maintenance.backup(self.store, Path(directory).expanduser())

    def compact(self) -> maintenance.CompactReport:
        """Rewrite the store without free pages (what deleted text they hold goes with them)."""
        self._scratch.forget()
        return maintenance.compact(self.store)

    def rekey(self, new_key_file: str | os.PathLike[str]) -> None:
        """Make ``new_key_file``'s key the store key of this encrypted store."""
        maintenance.rekey(self.store, Path(new_key_file).expanduser())

    @staticmethod
    def generate_key_file(path: str | os.PathLike[str]) -> Path:
        """Write a new random store key to ``path`` (mode 0600), for ``Memory(path,
        key_file=...)`` or :meth:`rekey`, as ``ltmt memory keygen`` does; an existing file is
        never overwritten (an :class:`~ltmt.errors.InputError`)."""
        return generate_key_file(Path(path).expanduser())

    def glossary(self, user: str) -> Glossary:
        """``user``'s glossary (:class:`~ltmt.memory.glossary.Glossary`), stored in this store."""
        return Glossary(self, check_user(user))

    # -- reading ----------------------------------------------------------------------------

    def users(self) -> list[str]:
        """The user ids of the store, sorted."""

        def run(txn: lmdb.Transaction) -> list[str]:
            cursor, names = txn.cursor(), []
            if cursor.set_range(USERS):
                for key in cursor.iternext(values=False):
                    name = bytes(key)
                    if not name.startswith(USERS):
                        break
                    names.append(name[1:].decode("utf-8"))
            return sorted(names)

        return env.read(self.store, run)

    def require_user(self, user: str) -> None:
        """InputError unless the store holds ``user`` (the message names the users it has)."""
        check_user(user)
        if user not in self.users():
            raise self._no_user(user)

    def __reduce__(self) -> Any:
        raise TypeError(
            "a Memory cannot be pickled (it holds an open store): open one in each process "
            "with Memory(path)"
        )

    def _no_user(self, user: str) -> InputError:
        users = _likely(user, self.users(), "its users", "it has no users", likely_users)
        return InputError(f"no user {user!r} in memory store {self.path} ({users})")

    def _no_origin(self, user: str, origin: str, known: list[str]) -> InputError:
        origins = _likely_origins(origin, sorted({shown_origin(name) for name in known}))
        return InputError(f"{user} has no segments of origin {origin!r} ({origins})")

    def languages(self, user: str) -> tuple[str, str] | None:
        """The language pair (source, target) of ``user``'s memory, as its first import that
        named one said (:meth:`import_pairs`), or None."""
        check_user(user)
        found = env.read(self.store, lambda txn: rows.user_info(txn, self.store.vault, user))
        return _languages_of(self.path, user, found[0]) if found is not None else None

    def count(self, user: str) -> int:
        """How many segments ``user`` has: 0 for a user the store does not hold, as for one
        with only a glossary or deleted (no error, unlike :meth:`stats`: a server's key holder
        with nothing stored yet is no mistake); :meth:`require_user` refuses a misspelt one."""
        check_user(user)
        found = env.read(self.store, lambda txn: rows.user_info(txn, self.store.vault, user))
        return found[0].count if found is not None else 0

    def get(self, user: str, seg_id: int) -> Segment | None:
        """Segment ``seg_id`` (an int) of ``user``, or None."""
        check_user(user)
        seg_id = segment_id(seg_id)

        def run(txn: lmdb.Transaction) -> Segment | None:
            found = rows.user_info(txn, self.store.vault, user)
            if found is None or not 0 < seg_id < 2**32:
                return None
            return rows.read_segment(txn, user, found[0].uid, found[1], seg_id)

        return env.read(self.store, run)

    def segments(self, user: str, *, chunk: int = 1000) -> Iterator[Segment]:
        """Every segment of ``user`` in id order (read in short transactions of ``chunk``).

        A damaged store whose records of ``user`` are fewer than the user's count says (a
        record's key garbled) is a :class:`StoreError` once the readable ones are read: an
        export that stopped there said it was whole. The arguments are checked at the call,
        before the first segment is asked for."""
        check_user(user)
        return self._segments(user, checked_integer("chunk", chunk, 1, error=InputError))

    def _segments(self, user: str, chunk: int) -> Iterator[Segment]:
        """:meth:`segments` of checked arguments."""
        vault, after, read = self.store.vault, 0, 0

        def read_chunk(txn: Any, after: int) -> tuple[list[Segment], int | None]:
            found = rows.segments_after(txn, vault, user, after, chunk)
            info = rows.user_info(txn, vault, user) if len(found) < chunk else None
            return found, info[0].count if info is not None else None

        while True:
            found, count = env.read(self.store, functools.partial(read_chunk, after=after))
            yield from found
            read += len(found)
            if len(found) < chunk:
                if count is not None and read < count:
                    raise StoreError(
                        f"memory store {self.path} is damaged: {user!r} has "
                        f"{counted(count, 'segment')}, of which {read} could be read; restore "
                        "the store from a backup (README: Restoring a backup)"
                    )
                return
            after = found[-1].id

    def stats(self, user: str | None = None) -> dict[str, Any]:
        """A user's counts (``segments``, ``created``, ``updated``, ``origins``; and its
        ``languages``, :meth:`languages`, as a list or None), or the store's."""
        if user is not None:
            check_user(user)
            found = env.read(self.store, lambda txn: rows.user_info(txn, self.store.vault, user))
            if found is None:
                raise self._no_user(user)
            info = found[0]
            languages = _languages_of(self.path, user, info)
            return {
                "user": user,
                "segments": info.count,
                "created": info.created,
                "updated": info.updated,
                "origins": dict(info.origins),
                "languages": list(languages) if languages is not None else None,
            }
        users = self.users()
        data_file = self.path / DATA_FILE
        return {
            "path": str(self.path),
            "schema": SCHEMA_VERSION,
            "encrypted": self.encrypted,
            "users": len(users),
            "segments": sum(self.count(name) for name in users),
            "size_bytes": data_file.stat().st_size if data_file.exists() else 0,
        }

    # -- retrieval --------------------------------------------------------------------------

    def search(self, user: str, text: str, k: int = 5) -> list[Match]:
        """The ``k`` stored segments of ``user`` whose sources best match ``text``, best first;
        none for a user the store does not hold (no error, unlike :meth:`stats`, as
        :meth:`count`: call :meth:`require_user` first to refuse a misspelt user, as ``ltmt
        memory search`` does)."""
        return self.search_batch(user, [text], k=k)[0]

    def search_batch(
        self,
        user: str,
        texts: Iterable[str],
        k: int = 5,
        *,
        prefer: Iterable[Mapping[str, Any]] | None = None,
    ) -> list[list[Match]]:
        """:meth:`search` for many texts in one read transaction; an empty text finds nothing.

        ``prefer`` (one mapping per text, e.g. ``{"context": "menu", "plural": 1}``): among
        matches of equal score, those whose segment metadata shares more of it come first; the
        same ``context`` (PO ``msgctxt``; none = ``""``) counts most.
        """
        check_user(user)
        k = checked_integer("k", k, 1, error=InputError)
        texts = text_list(texts)  # (one string's letters would be searched one by one)
        wanted = preference_list(prefer, len(texts))
        settings = self._settings()
        env.bring_index_up_to_date(self.store)
        vault, scratch = self.store.vault, self._scratch
        overdue = scratch.overdue_pack(user)
        if overdue is not None:  # starved by busy searches: let it end (ltmt.memory.packing)
            overdue.wait()
        generation = scratch.generations.of(user)  # before the transaction begins
        return env.read(
            self.store,
            lambda txn: search_texts(
                txn, vault, scratch, settings, user, texts, k, wanted, generation
            ),
            buffers=True,
        )

    def _settings(self) -> SearchSettings:
        return SearchSettings(
            case_sensitive=self.case_sensitive,
            candidates=self.candidates,
            recount=self.recount,
            scan_max=self.scan_max,
        )

    def preload(self, user: str) -> None:
        """Read now what the searches of ``user`` keep: a large memory's sources packed and its
        signatures, a small one's sources (a first search of a large memory otherwise reads its
        candidates one by one, and its sources whole once its searches have read as many). For
        a server that knows its users; nothing happens for a user without segments."""
        check_user(user)
        settings = self._settings()
        env.bring_index_up_to_date(self.store)
        vault, scratch = self.store.vault, self._scratch
        generation = scratch.generations.of(user)  # before the transaction begins
        env.read(
            self.store,
            lambda txn: preload(txn, vault, scratch, settings, user, generation),
            buffers=True,
        )


def _packs_in_background(memory: Memory) -> Callable[[str], threading.Event | None]:
    """What ``memory``'s searches call when a user's sources should be packed: the pack runs on
    a thread of its own (:mod:`ltmt.memory.packing`), holding the store open. A weak reference:
    the Memory's tables are freed with it, not at the next cyclic collection."""
    owner = weakref.ref(memory)

    def pack_later(user: str) -> threading.Event | None:
        found = owner()
        if found is None:  # pragma: no cover - a search runs inside its Memory's call
            return None
        store, scratch, settings = env.retain(found.store), found._scratch, found._settings()
        generation = scratch.generations.of(user)  # before the pack's transaction begins

        def pack() -> None:
            env.read(
                store,
                lambda txn: preload(txn, store.vault, scratch, settings, user, generation),
                buffers=True,
            )

        return found._packer.start(user, pack, lambda: env.release(store))

    return pack_later


def default_path() -> Path:
    """The store directory a ``Memory()`` without a path opens."""
    return resolve_memory_dir(None)
