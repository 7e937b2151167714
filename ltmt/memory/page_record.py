"""The record of a page check that passed: a store whose ``data.mdb`` has not changed since
opens without walking its pages again.

The walk of :mod:`.pages` reads every page header of both trees: about a second per open of a
1M-segment store (868 MB), paid by every command and every server start, though the file had
mostly not changed since the last one. So once a walk passes, :data:`RECORD_FILE` beside
``data.mdb`` records what it passed on: the file (``st_dev``, ``st_ino``), its size, its
``st_mtime_ns`` and ``st_ctime_ns`` (taken before the walk) and the transaction id and last page
of the snapshot walked. An open that finds all of them as recorded skips the walk; any other
walks all of it again, and records anew once it passes:

- a commit (ltmt's own in this process too, or another process's) raises the transaction id
  and sets both times (a commit is not recorded: nothing shows that no other change came with
  it, so the open after a write walks, once);
- a compaction or a restored backup puts another file in place: another inode, or new times
  (``ltmt memory backup`` writes no record into the copy: its first open walks);
- bytes changed by any other program set the ctime, which no program can set back:
  ``os.utime`` restores an mtime, and in doing so sets the ctime to now;
- a record that is missing, garbled, or of another file matches nothing.

A file whose times are less than :data:`SETTLED_NS` old is not recorded: a change within the
same tick of the file system's clock would leave its times as they were (git's "racy clean").
The record lives beside ``data.mdb``, never inside it (writing there would change the file),
and is written as a new file (mode 0600, as mkstemp makes it) renamed into place. It is a cache:
a store whose folder cannot be written keeps none, and walks at every open, as before. It holds
nothing secret, an encrypted store's included.

What it cannot see: damage that bypasses the file system, which sets no time (a failing disk,
a write to the raw device); and a file system whose ctime can be set, or a clock set back
to the recorded time. An open of such a store can end in LMDB's assertion, as every open
could before the walk; ``ltmt memory check`` (and so a checked backup) always walks the pages,
and says what is damaged.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import lmdb

from ltmt.memory import pages
from ltmt.memory.layout import DATA_FILE
from ltmt.paths import write_private_file

logger = logging.getLogger(__name__)

RECORD_FILE = "pages-checked"  # in the store's folder, beside data.mdb
RECORD_FORMAT = 1
RECORD_MAX_BYTES = 4096  # a record is ~200 bytes; a longer file is not one
SETTLED_NS = 2_000_000_000  # ext3 and HFS+ keep whole seconds; a margin for the clock's tick


@dataclass(frozen=True)
class _State:
    """What identifies ``data.mdb`` and its contents: the file, its size and times, and the
    transaction and last page of its newest meta page."""

    format: int
    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    txn_id: int
    last_page: int

    @classmethod
    def of(cls, seen: os.stat_result, txn_id: int, last_page: int) -> _State:
        return cls(
            RECORD_FORMAT,
            seen.st_dev,
            seen.st_ino,
            seen.st_size,
            seen.st_mtime_ns,
            seen.st_ctime_ns,
            txn_id,
            last_page,
        )


def check_pages(environment: lmdb.Environment, directory: Path, *, always: bool = False) -> None:
    """Check the pages of the store in ``directory`` (:func:`.pages.check_pages`, which raises
    :class:`~.pages.DamagedPage`) unless a check passed on its ``data.mdb`` as it is now.

    ``always``: check whatever the record says (``ltmt memory check``).
    """
    data_file, record_file = directory / DATA_FILE, directory / RECORD_FILE
    seen = os.stat(data_file)  # before the walk: a change during it is a change after it
    info = environment.info()
    now = _State.of(seen, info["last_txnid"], info["last_pgno"])
    if not always and _recorded(record_file) == asdict(now):
        return
    checked = pages.check_pages(environment, data_file)
    if _settled(seen):
        _record(record_file, _State.of(seen, checked.txn_id, checked.last_page))


def _settled(seen: os.stat_result) -> bool:
    """Whether the file's times are old enough that a change now would show in them."""
    return time.time_ns() - max(seen.st_mtime_ns, seen.st_ctime_ns) >= SETTLED_NS


def _recorded(record_file: Path) -> object:
    """The record's fields as a dict, or None where there is no readable JSON record."""
    try:
        with open(record_file, "rb") as handle:
            return json.loads(handle.read(RECORD_MAX_BYTES))  # cut short: not JSON
    except (OSError, ValueError):
        return None


def _record(record_file: Path, state: _State) -> None:
    """Put ``state`` in ``record_file`` at once (a new file renamed over it); where the folder
    cannot be written (read-only, full) there is no record, and every open checks."""
    try:
        write_private_file(record_file, json.dumps(asdict(state)).encode("utf-8"))
    except OSError as exc:
        logger.debug("no record of the page check in %s: %s", record_file.parent, exc)
