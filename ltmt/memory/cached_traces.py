"""What translations keep of a store's users outside the store, and its removal on delete.

Translations cache force-decoded states of segments (:mod:`ltmt.fusion.state_store`: their
text as token ids) and records of the outputs they wrote (:mod:`ltmt.formats.output_sources`:
keyed digests of texts) in cache folders. The store notes each such folder (under
:data:`~ltmt.memory.layout.STATE_CACHES_KEY`), so that a delete run by another process, with
another cache folder, removes them there too. Both are kept per user and store, the store
named by its id (:func:`store_identity`), so that stores sharing a cache folder keep their
users of one name apart, and a store moved, renamed, restored or reached by another path finds
(and its deletes remove) what it left.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable
from pathlib import Path

import lmdb

from ltmt.memory import env
from ltmt.memory.layout import STATE_CACHES_KEY
from ltmt.paths import default_cache_dir


def noted_caches(store: env.Store) -> list[Path]:
    """The cache folders noted in ``store`` (:func:`note_cache`); none where the note is
    damaged (a delete still cleans its own process's cache)."""
    raw = env.read(store, lambda txn: txn.get(STATE_CACHES_KEY))
    try:
        return [Path(path) for path in json.loads(bytes(raw))] if raw is not None else []
    except (ValueError, TypeError):
        return []


def note_cache(store: env.Store, cache_dir: str | os.PathLike[str]) -> None:
    """Note ``cache_dir`` in ``store``; a folder noted already is not written again."""
    folder = str(Path(cache_dir).resolve())

    def run(txn: lmdb.Transaction) -> None:
        raw = txn.get(STATE_CACHES_KEY)
        try:
            known = list(json.loads(bytes(raw))) if raw is not None else []
        except (ValueError, TypeError):  # damaged: written anew with this folder
            known = []
        if folder not in known:
            txn.put(STATE_CACHES_KEY, json.dumps([*known, folder]).encode())

    if Path(folder) not in noted_caches(store):
        env.write(store, run)


def store_identity(store: env.Store) -> str | None:
    """What names ``store`` in the caches of its users: its id
    (:data:`~ltmt.memory.layout.STORE_ID_KEY`), which a move or another path to the store
    keeps; None for a store of before ids until its first write (its users' caches are then
    named by the user alone, as every store's were)."""
    return env.store_id(store)


def forget_states(
    user: str, seg_id: int | Collection[int] | None, caches: Iterable[Path], store: env.Store
) -> None:
    """Remove the states cached of ``user``'s segment ``seg_id`` (or segments: each cached
    file is read once for them all; None: of all its segments) of memory store ``store`` (not
    those of a user of the same name in another store sharing a cache folder) from this
    process's cache folder and every one of ``caches``
    (:func:`ltmt.fusion.state_store.forget_states`; a module of file paths, no model code)."""
    from ltmt.fusion.state_store import forget_states as forget_in

    identity = store_identity(store)
    for root in _cache_roots(caches):
        forget_in(user, seg_id, root, store=identity)


def forget_output_sources(user: str, caches: Iterable[Path], store: env.Store) -> None:
    """Remove the records of the outputs translations wrote for ``user`` of memory store
    ``store`` (not those of a user of the same name in another store sharing a cache folder:
    :func:`ltmt.formats.output_sources.forget_records`) from this process's cache folder and
    every one of ``caches``."""
    from ltmt.formats.output_sources import forget_records

    identity = store_identity(store)
    for root in _cache_roots(caches):
        forget_records(user, root, identity)


def _cache_roots(caches: Iterable[Path]) -> list[Path]:
    """This process's cache folder and every one of ``caches``, each once."""
    return list(dict.fromkeys([default_cache_dir(), *caches]))
