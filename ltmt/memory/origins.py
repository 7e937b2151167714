"""Origins of a user's pairs: what an import of a file records as their origin, and which of
a user's origins a name given for one (``ltmt memory delete --origin``) means.

An import records its file's resolved path, so that two files of one name (``clientA/export.tmx``
and ``clientB/export.tmx``) are two origins: undoing one leaves the other. Stores written before
recorded the file's name alone (``export.tmx``); such a name is still an origin as it was.
A folder import records each file's as the folder's resolved path and the file's path in it
(:func:`ltmt.formats.folders.folder_origin`: ``/work/sale/i18n//de.po``); stores written before
recorded the folder's name instead (``i18n/de.po``), still origins as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

import lmdb

from ltmt.errors import InputError
from ltmt.formats.folders import split_folder_origin
from ltmt.memory.crypto import PlainCipher, Vault
from ltmt.memory.layout import UserInfo, decode_record, other_origins, seg_key, user_key
from ltmt.memory.rows import encode_user, keys_under, user_info
from ltmt.segments import Segment
from ltmt.wording import first_few


def file_origin(path: Path) -> str:
    """The origin an import of the file (or folder) ``path`` records: its resolved path."""
    return str(path.expanduser().resolve())


def is_of_origin(name: str, origin: str) -> bool:
    """Whether a pair's origin ``name`` is ``origin`` or one of the imported files of the folder
    ``origin`` (:func:`_holds`, :func:`_in_folder_import`)."""
    if name == origin:
        return True
    split = split_folder_origin(name)
    return _holds(origin, name) if split is None else _in_folder_import(*split, origin)


def shown_origin(name: str) -> str:
    """The origin ``name`` as a person reads and gives it: a folder import's file as its path
    (``/work/sale/i18n/de.po`` for ``/work/sale/i18n//de.po``), any other as it is."""
    split = split_folder_origin(name)
    return name if split is None else _joined(*split)


def shown_origins(names: Iterable[str]) -> dict[str, str]:
    """Each origin of ``names`` as :func:`shown_origin` shows it, but as stored where two would
    read alike (a file imported alone, ``/w/nest/de.po``, and with its folder,
    ``/w/nest//de.po``)."""
    names = list(names)
    alike = Counter(shown_origin(name) for name in names)
    return {name: shown if alike[shown := shown_origin(name)] == 1 else name for name in names}


def with_shown_origins(segments: Iterable[Segment], held: Iterable[str]) -> Iterator[Segment]:
    """``segments`` (a user's, for an export) each with its origin as :func:`shown_origins` of
    ``held`` (the user's origins) shows it, as ``ltmt memory stats`` lists it: an export said
    ``/w/proj//de.po`` where stats said ``/w/proj/de.po``. ``--origin`` takes either."""
    shown = shown_origins(held)
    for segment in segments:
        origin = shown.get(segment.origin, segment.origin)
        yield segment if origin == segment.origin else replace(segment, origin=origin)


def _joined(folder: str, path: str) -> str:
    return f"{folder.rstrip('/')}/{path}"


def _in_folder_import(folder: str, path: str, origin: str) -> bool:
    """Whether ``origin`` names the file ``path`` of an import of the (resolved) ``folder``:
    the folder, or a folder in it that holds the file (the file's own path names it through
    :func:`named_origin`, unless the file was imported alone too); not a folder above the
    one imported (``/work`` for ``/work/sale/i18n//de.po``), which would take every import under
    it, nor a folder beside it (``/work/stock/i18n``)."""
    file, given = _joined(folder, path), origin.rstrip("/")
    in_import = given == folder or given.startswith(folder.rstrip("/") + "/")
    return bool(given) and in_import and file.startswith(given + "/")


def _holds(folder: str, name: str) -> bool:
    """Whether ``folder`` is a folder of the imported file ``name``, whole path parts: the name
    of a folder import an older store recorded or a folder in it (``proj``, ``proj/de`` for
    ``proj/de/app.po``), or the folder a file was imported from
    (``/tms/clientB`` for ``/tms/clientB/export.tmx``). Not a folder above that one, nor ``/``
    or ``""``: every import records an absolute path, so those would take every import."""
    path, parts = PurePath(name), PurePath(folder).parts
    if path.is_absolute():
        return len(parts) > 1 and path.parent.parts == parts
    return (
        not PurePath(folder).is_absolute()
        and 0 < len(parts) < len(path.parts)
        and path.parts[: len(parts)] == parts
    )


def refuse_no_origin(given: str) -> None:
    """InputError where ``given`` names no import: an empty or blank name (an unset shell
    variable) or ``/``, which would otherwise name the folder of every import."""
    if not given.strip().strip("/"):
        raise InputError(
            f"origin {given!r} names no import: give an imported file or folder as "
            "'ltmt memory stats --user USER' lists it"
        )


def named_origin(given: str, held: Collection[str]) -> str:
    """The origin of ``held`` (a user's origins) that ``given`` names: ``given`` itself where it
    is held (or a folder whose files are), else its resolved path (``clientB/export.tmx`` as it
    was imported), else the one held origin whose path ends as ``given`` does (a bare
    ``export.tmx``, or a path given for an older store's bare name), else a folder named as
    ``given``'s last part; ``given`` unchanged where none is (the delete then says so).

    InputError when ``given`` ends as several held origins do: which one is meant is unknown,
    or names no import (:func:`refuse_no_origin`)."""
    refuse_no_origin(given)
    candidates = (given, file_origin(Path(given)))
    for candidate in candidates:  # a held origin as given: a file imported alone names it alone
        if candidate in held:
            return candidate
    for candidate in candidates:  # a folder import's file, as its path: that entry alone
        entries = [name for name in held if _names(name)[-1] == (candidate.rstrip("/"), name)]
        if len(entries) == 1 and split_folder_origin(entries[0]) is not None:
            return entries[0]
    for candidate in candidates:
        if any(is_of_origin(name, candidate) for name in held):
            return candidate
    matches = sorted(
        {origin for name in held for path, origin in _names(name) if _same_tail(path, given)}
    )
    if len(matches) > 1:
        shown = sorted(shown_origins(matches).values())
        raise InputError(
            f"origin {given!r} names {len(matches)} origins ({first_few(shown)}): give the "
            "path of the one meant, as 'ltmt memory stats' lists it"
        )
    if matches:
        return matches[0]
    name = PurePath(given).name
    return name if name and any(is_of_origin(held_name, name) for held_name in held) else given


def _names(name: str) -> tuple[tuple[str, str], ...]:
    """The paths that name the origin ``name`` as a person gives them, each with the origin
    it names (:func:`is_of_origin`): ``name`` itself; for a folder import's file, the folders
    from the one imported to the file's own (``/w/proj``, ``/w/proj/de`` for
    ``/w/proj//de/app.po``), each naming itself, and last the file's path, naming ``name``."""
    split = split_folder_origin(name)
    if split is None:
        return ((name, name),)
    folder, path = split
    parts = path.split("/")
    folders = (_joined(folder, "/".join(parts[:n])) for n in range(1, len(parts)))
    return ((folder, folder), *((named, named) for named in folders), (_joined(folder, path), name))


def _same_tail(name: str, given: str) -> bool:
    """Whether the paths ``name`` and ``given`` end in the same parts, as many as the shorter
    has (``/tms/clientB/export.tmx`` and ``clientB/export.tmx`` or ``export.tmx``)."""
    parts, given_parts = PurePath(name).parts, Path(given).expanduser().parts
    shorter = min(len(parts), len(given_parts))
    return shorter > 0 and parts[-shorter:] == given_parts[-shorter:]


Holders = tuple[str, Sequence[str]]  # a segment's own origin and its others


@dataclass
class SharedCounts:
    """Per origin, how many of a user's segments it holds with other origins, as the user's row
    keeps them (each None where it keeps none: a row written before, counted then):
    ``besides``, those it holds besides their own origin (:attr:`UserInfo.shared`: a pair an
    identical file imported again), and ``own``, those of its own that others hold too
    (:attr:`UserInfo.own_shared`). ``ltmt memory delete --origin`` of an origin keeps the two
    and deletes the rest of its own (:meth:`shares`)."""

    besides: Counter[str] | None
    own: Counter[str] | None

    @classmethod
    def of(cls, info: UserInfo) -> SharedCounts:
        """The counts ``info``'s row keeps, to update as a write changes segments' origins."""
        return cls(_counter(info.shared), _counter(info.own_shared))

    @property
    def kept(self) -> bool:
        """Whether both counts are kept."""
        return self.besides is not None and self.own is not None

    def shift(self, gone: Holders | None, come: Holders | None) -> None:
        """Update the counts for a segment whose origins were ``gone`` and are now ``come``
        (None: no segment, one stored or removed)."""
        for holders, step in ((gone, -1), (come, 1)):
            if holders is None:
                continue
            own, others = holders
            if self.besides is not None:
                for name in others:
                    self.besides[name] += step
            if self.own is not None and others:
                self.own[own] += step

    def into(self, info: UserInfo) -> UserInfo:
        """``info`` keeping these counts (those above 0)."""
        return replace(info, shared=_positive(self.besides), own_shared=_positive(self.own))

    def shares(self, origins: Mapping[str, int]) -> dict[str, tuple[int, int]]:
        """Per origin of ``origins`` (a user's own counts) or holding segments besides them,
        what deleting it alone does: (segments it deletes, segments it keeps, held by others
        too)."""
        besides, own = self.besides or Counter(), self.own or Counter()
        return {
            name: (origins.get(name, 0) - own[name], besides[name] + own[name])
            for name in {*origins, *besides}
        }


def _counter(counts: Mapping[str, int] | None) -> Counter[str] | None:
    return Counter(counts) if counts is not None else None


def _positive(counts: Counter[str] | None) -> dict[str, int] | None:
    return {name: n for name, n in counts.items() if n > 0} if counts is not None else None


def shared_origins(
    txn: lmdb.Transaction, vault: Vault, user: str, *, count: bool = True
) -> tuple[SharedCounts, bool] | None:
    """``user``'s :class:`SharedCounts`, and whether the user's row keeps them (every write
    updates them); None for an unknown user. A row written before they were kept has them
    counted from every segment of the user, or, ``count`` False, none given
    (:func:`record_shared_origins` counts them and keeps them)."""
    found = user_info(txn, vault, user)
    if found is None:
        return None
    info, cipher = found
    kept = SharedCounts.of(info)
    if kept.kept:
        return kept, True
    return (_counted(txn, info, cipher) if count else SharedCounts(Counter(), Counter())), False


def record_shared_origins(txn: lmdb.Transaction, vault: Vault, user: str) -> SharedCounts | None:
    """:func:`shared_origins`, counted once into ``user``'s row where it keeps none (a store
    written before they were kept), so that later reads need not read every segment; None
    for an unknown user."""
    found = user_info(txn, vault, user)
    if found is None:
        return None
    kept = SharedCounts.of(found[0])
    return kept if kept.kept else _counted_and_kept(txn, user, *found, keep=True)


def recount_shared_origins(
    txn: lmdb.Transaction, vault: Vault, user: str, *, keep: bool = True
) -> SharedCounts | None:
    """``user``'s shared counts counted again from every segment, and, with ``keep`` (a write
    transaction), kept in its row in place of those it kept: counts an older ltmt left stale
    when it wrote to the store (it does not update them). None for an unknown user."""
    found = user_info(txn, vault, user)
    return None if found is None else _counted_and_kept(txn, user, *found, keep=keep)


def _counted_and_kept(
    txn: lmdb.Transaction, user: str, info: UserInfo, cipher: PlainCipher, *, keep: bool
) -> SharedCounts:
    """:func:`_counted` of ``user`` (whose row is ``info``), and, with ``keep``, kept in its
    row in place of the counts it kept."""
    counted = _counted(txn, info, cipher)
    if keep:
        txn.put(user_key(user), encode_user(counted.into(info), cipher, user))
    return counted


def _counted(txn: lmdb.Transaction, info: UserInfo, cipher: PlainCipher) -> SharedCounts:
    """The shared counts of the user of ``info``, from every one of its segments."""
    counts = SharedCounts(Counter(), Counter())
    for key, raw in keys_under(txn, seg_key(info.uid, 0)[:5]):
        record = decode_record(cipher.open(raw, key))
        counts.shift(None, (record[3], other_origins(record[4])))
    return counts
