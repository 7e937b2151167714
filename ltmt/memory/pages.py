"""A check of the pages of ``data.mdb``'s two B-trees, made when a store is opened.

LMDB trusts its pages. A cursor that steps onto a page of the wrong type (a zeroed page, say)
stops the process with a C assertion (SIGABRT), and a node offset beyond its page reads outside
it (SIGSEGV, SIGBUS); no Python code can catch either, so a damaged page ended whichever command
read it without a word, and a write could go on into a damaged store. So before a store is used,
every page its trees reach is checked here, against what LMDB itself assumes of it: the page
names its own number and has the type its parent expects, its node offsets and sizes stay inside
it, an overflow page spans the pages its value needs, no page is reached twice, and the counts
in the meta page agree. The check reads only page and node headers, one tree level at a time
with numpy, inside a read transaction (its snapshot's pages cannot be reused meanwhile). An open
of a store whose ``data.mdb`` has not changed since a check passed skips it (:mod:`.page_record`).

What it does not cover: the bytes of keys and values (their decoders, and ``ltmt memory check``,
verify those) and the order of the keys. The layout is LMDB 0.9's on a 64-bit little-endian
machine, ``lmdb.h`` and ``mdb.c``: ``MDB_page``, ``MDB_node``, ``MDB_meta``, ``MDB_db``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import lmdb
import numpy as np

from ltmt.errors import StoreError

PAGE_HEADER = 16  # mp_pgno u64, mp_pad u16, mp_flags u16, then lower and upper u16 (or pages u32)
NODE_HEADER = 8  # mn_lo, mn_hi, mn_flags, mn_ksize: u16 each
P_BRANCH, P_LEAF, P_OVERFLOW = 0x01, 0x02, 0x04
PAGE_TYPES = 0x01 | 0x02 | 0x04 | 0x08 | 0x20 | 0x40  # branch leaf overflow meta leaf2 subpage
F_BIGDATA = 0x01  # a leaf node whose value is on overflow pages (ltmt makes no other kind)
NO_ROOT = (1 << 64) - 1  # P_INVALID: an empty tree
TREE = struct.Struct("<4xHH5Q")  # MDB_db: flags, depth, branch, leaf, overflow pages, entries, root
TREES_AT, LAST_PAGE_AT = 40, 136  # in a meta page: mm_dbs[2] (free, main); mm_last_pg, mm_txnid
SNAPSHOT_TRIES = 3


class DamagedPage(StoreError):
    """A page of ``data.mdb`` that LMDB could not read without stopping the process: what is
    wrong with it (the caller names the store)."""


@dataclass(frozen=True)
class Snapshot:
    """The snapshot a check walked: its transaction id and its last page (its meta page's
    ``mm_txnid`` and ``mm_last_pg``)."""

    txn_id: int
    last_page: int


@dataclass(frozen=True)
class _Tree:
    """One B-tree as a meta page describes it (``MDB_db``)."""

    name: str
    depth: int
    branch_pages: int
    leaf_pages: int
    overflow_pages: int
    entries: int
    root: int


@dataclass(frozen=True)
class _Pages:
    """``data.mdb`` as bytes and as the 64-bit little-endian word at every byte offset (no
    copy), with the page size and the last page of one snapshot."""

    data: np.ndarray
    words: np.ndarray
    size: int
    last: int

    @classmethod
    def mapped(cls, data: np.ndarray, size: int, last: int) -> _Pages:
        words = np.ndarray((max(data.size - 7, 0),), dtype="<u8", buffer=data, strides=(1,))
        return cls(data, words, size, last)

    def fields(self, at: np.ndarray) -> np.ndarray:
        """The four 16-bit fields of the 8 bytes at each byte offset of ``at``: ``(len(at), 4)``
        (a node's header; or a page's number, then its pad, flags, lower and upper bounds)."""
        return self.words[at].view("<u2").reshape(-1, 4).astype(np.int64)

    def first_field(self, at: np.ndarray) -> np.ndarray:
        """The 16-bit field at each byte offset of ``at``."""
        return self.words[at].view("<u2")[::4].astype(np.int64)

    def headers(self, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(the page number each page names, its flags, its ``mp_lower | mp_upper << 16``: the
        node area's bounds, or an overflow page's page count) of pages ``numbers``."""
        named = self.words[numbers * self.size].astype(np.int64)
        fields = self.fields(numbers * self.size + 8)  # mp_pad, mp_flags, lower, upper
        return named, fields[:, 1], fields[:, 2] | fields[:, 3] << 16


@dataclass(frozen=True)
class _Nodes:
    """The nodes of one level of a tree: each one's byte offset in the file, and its header's
    four words (``mn_lo``, ``mn_hi``, ``mn_flags``, ``mn_ksize``)."""

    offsets: np.ndarray
    fields: np.ndarray


def check_pages(environment: lmdb.Environment, data_file: Path) -> Snapshot:
    """Raise :class:`DamagedPage` naming the first damaged page of ``data_file`` that a tree of
    ``environment`` (its open environment) reaches; else the snapshot whose pages passed."""
    page_size = int(environment.stat()["psize"])
    for _ in range(SNAPSHOT_TRIES):
        with environment.begin() as txn:  # pins the snapshot's pages while they are read
            # mapped once the snapshot is taken: its pages are written by then (a file mapped
            # before a commit that grew it ends before the pages of that commit)
            data = np.memmap(data_file, dtype=np.uint8, mode="r").view(np.ndarray)
            found = _snapshot(data, page_size, txn.id())
            if found is not None:
                _check_trees(*found)
                return Snapshot(txn.id(), found[0].last)
    # each time, two commits came between the transaction's start and the read of its meta
    raise StoreError(f"memory store {data_file.parent} kept changing while it was opened; retry")


def _snapshot(data: np.ndarray, page_size: int, txn_id: int) -> tuple[_Pages, list[_Tree]] | None:
    """The pages and the (free, main) trees of the meta page of transaction ``txn_id``."""
    for meta in (0, page_size):
        head = data[meta : meta + LAST_PAGE_AT + 16].tobytes()
        if len(head) < LAST_PAGE_AT + 16:
            break
        last, txn = struct.unpack_from("<QQ", head, LAST_PAGE_AT)
        if txn != txn_id:
            continue
        trees = [
            _Tree(name, *TREE.unpack_from(head, TREES_AT + index * TREE.size)[1:])
            for index, name in enumerate(("free-page", "main"))
        ]
        return _Pages.mapped(data, page_size, last), trees
    return None


def _check_trees(pages: _Pages, trees: list[_Tree]) -> None:
    """Walk both trees; no page may belong to two places."""
    used = np.concatenate([_check_tree(pages, tree) for tree in trees])
    unique, counts = np.unique(used, return_counts=True)
    if unique.size != used.size:
        raise DamagedPage(f"page {int(unique[counts > 1][0])} of data.mdb is reached twice")


def _check_tree(pages: _Pages, tree: _Tree) -> np.ndarray:
    """The pages ``tree`` uses, each checked level by level from its root."""
    if tree.root == NO_ROOT:
        _require(tree.depth == tree.entries == 0, tree, "has entries but no root page")
        return np.zeros(0, dtype=np.int64)
    level = np.array([tree.root], dtype=np.int64)
    used, branches = [level], 0
    for height in range(tree.depth, 1, -1):
        fields = _page_nodes(pages, level, P_BRANCH, tree, height).fields
        branches += level.size
        level = fields[:, 0] | fields[:, 1] << 16 | fields[:, 2] << 32  # NODEPGNO
        used.append(level)
    leaves = _page_nodes(pages, level, P_LEAF, tree, 1)
    overflow = _overflow_pages(pages, leaves, tree)
    used.append(overflow)
    _require(branches == tree.branch_pages, tree, f"has {branches} branch pages, not as counted")
    _require(level.size == tree.leaf_pages, tree, f"has {level.size} leaf pages, not as counted")
    _require(overflow.size == tree.overflow_pages, tree, "has other overflow pages than counted")
    entries = leaves.offsets.size
    _require(entries == tree.entries, tree, f"has {entries} entries, not as counted")
    return np.concatenate(used)


def _page_nodes(pages: _Pages, level: np.ndarray, kind: int, tree: _Tree, height: int) -> _Nodes:
    """The nodes of the pages ``level``, once those are checked to be ``kind`` pages whose
    nodes lie inside them."""
    what = "a leaf" if kind == P_LEAF else f"a branch (height {height})"
    _check_numbers(pages, level, tree)
    named, flags, bounds = pages.headers(level)
    lower, upper = bounds & 0xFFFF, bounds >> 16
    sound = (named == level) & (flags & PAGE_TYPES == kind) & (lower % 2 == 0)
    sound &= (lower > PAGE_HEADER) & (lower <= upper) & (upper + NODE_HEADER <= pages.size)
    _first_damaged(level, sound, f"is not {what} page of the {tree.name} tree")
    keys = (lower - PAGE_HEADER) // 2
    page_of = np.repeat(np.arange(level.size), keys)
    slot = np.arange(page_of.size) - np.repeat(np.cumsum(keys) - keys, keys)
    on = level[page_of]  # the page of each node
    starts = on * pages.size
    node = pages.first_field(starts + PAGE_HEADER + 2 * slot)  # mp_ptrs
    inside = (node >= upper[page_of]) & (node % 2 == 0) & (node + NODE_HEADER <= pages.size)
    _first_damaged(on, inside, "has a node outside it")
    fields = pages.fields(starts + node)
    end = node + NODE_HEADER + fields[:, 3]  # where the node's key ends
    if kind == P_LEAF:  # (a branch node's size fields hold its child's page number)
        big = fields[:, 2] == F_BIGDATA
        _first_damaged(on, big | (fields[:, 2] == 0), "has a node of an unknown kind")
        end += np.where(big, 8, fields[:, 0] | fields[:, 1] << 16)
    _first_damaged(on, end <= pages.size, "has a node that ends outside it")
    return _Nodes(starts + node, fields)


def _overflow_pages(pages: _Pages, leaves: _Nodes, tree: _Tree) -> np.ndarray:
    """Every overflow page that the nodes ``leaves`` use, each run checked to start with an
    overflow page header of at least the pages its value needs.

    At least, not exactly: a value overwritten by a shorter one in the transaction that wrote
    it keeps its run of pages (``mdb_cursor_put`` reuses a dirty overflow run that is large
    enough without shrinking it), so a run may span more pages than its value fills; they are
    all the value's, and counted among the tree's overflow pages."""
    big = leaves.fields[:, 2] == F_BIGDATA
    size = (leaves.fields[:, 0] | leaves.fields[:, 1] << 16)[big]
    first = pages.words[leaves.offsets[big] + NODE_HEADER + leaves.fields[big, 3]].astype(np.int64)
    needed = (PAGE_HEADER - 1 + size) // pages.size + 1  # OVPAGES
    _check_numbers(pages, np.concatenate([first, first + needed - 1]), tree)
    named, flags, count = pages.headers(first)
    sound = (named == first) & (flags & PAGE_TYPES == P_OVERFLOW) & (count >= needed)
    _first_damaged(first, sound, "is not the overflow page that a leaf's value needs")
    spans = count.astype(np.int64)
    _check_numbers(pages, first + spans - 1, tree)
    offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
    return np.repeat(first, spans) + offsets


def _check_numbers(pages: _Pages, numbers: np.ndarray, tree: _Tree) -> None:
    """Page numbers that point at a meta page, past the snapshot's last page, or past the end
    of the file (a truncated file: reading there would be a SIGBUS) are damage."""
    known = (numbers >= 2) & (numbers <= pages.last)
    if not known.all():
        raise DamagedPage(
            f"the {tree.name} tree of data.mdb names page {int(numbers[~known][0])}, which is "
            f"not among its pages 2-{pages.last}"
        )
    written = (numbers + 1) * pages.size <= pages.data.size
    if not written.all():
        raise DamagedPage(
            f"data.mdb is truncated: its page {int(numbers[~written][0])}, in use, lies beyond "
            f"its end ({pages.data.size} bytes)"
        )


def _first_damaged(numbers: np.ndarray, sound: np.ndarray, problem: str) -> None:
    if not sound.all():
        raise DamagedPage(f"page {int(numbers[~sound][0])} of data.mdb {problem}")


def _require(holds: bool, tree: _Tree, problem: str) -> None:
    if not holds:
        raise DamagedPage(f"the {tree.name} tree of data.mdb {problem}")
