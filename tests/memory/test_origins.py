"""Origins of a user's pairs: what an import records, and which origin a given name means."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lmdb
import pytest

from ltmt.errors import InputError
from ltmt.memory import env
from ltmt.memory.layout import user_key
from ltmt.memory.origins import file_origin, is_of_origin, named_origin, shown_origin
from ltmt.memory.rows import encode_user, user_info
from ltmt.memory.store import Memory

CLIENTS = ("/tms/clientA/export.tmx", "/tms/clientB/export.tmx", "proj/de/app.po", "cli")
# two modules' i18n folders imported: each file's origin is the folder's path, //, its path in it
MODULES = ("/w/stock/i18n//de.po", "/w/sale/i18n//de.po", "/w/sale/i18n//sub/fr_de.po", "cli")


@pytest.mark.parametrize(
    ("given", "held", "named"),
    [
        ("/tms/clientB/export.tmx", CLIENTS, "/tms/clientB/export.tmx"),
        ("clientB/export.tmx", CLIENTS, "/tms/clientB/export.tmx"),  # from another folder
        ("app.po", CLIENTS, "proj/de/app.po"),
        ("proj", CLIENTS, "proj"),  # a folder's files
        ("/work/proj", CLIENTS, "proj"),  # a path given for a folder's import
        ("cli", CLIENTS, "cli"),
        ("other.tmx", CLIENTS, "other.tmx"),  # none: the delete says so
        # an older store recorded a file's name alone: a path or the name still name it
        ("/tms/acme.tmx", ("acme.tmx",), "acme.tmx"),
        ("acme.tmx", ("acme.tmx", "/tms/acme.tmx"), "acme.tmx"),
        # a folder import's files: the file's path, the folder's, or a short name of one
        ("/w/stock/i18n/de.po", MODULES, "/w/stock/i18n//de.po"),  # that file alone
        ("/w/stock/i18n", MODULES, "/w/stock/i18n"),
        ("/w/stock/i18n/", MODULES, "/w/stock/i18n/"),  # as given: it names the folder
        ("/w/stock/i18n//de.po", MODULES, "/w/stock/i18n//de.po"),  # as --json lists it
        ("stock/i18n/de.po", MODULES, "/w/stock/i18n//de.po"),
        ("stock/i18n", MODULES, "/w/stock/i18n"),
        ("stock", MODULES, "stock"),  # a folder above the one imported: none
        ("fr_de.po", MODULES, "/w/sale/i18n//sub/fr_de.po"),
        ("i18n/sub", MODULES, "/w/sale/i18n/sub"),
    ],
)
def test_named_origin(given: str, held: tuple[str, ...], named: str) -> None:
    assert named_origin(given, held) == named


def test_a_bare_name_of_two_files_is_refused_naming_them() -> None:
    """clientA/export.tmx and clientB/export.tmx were one origin, export.tmx: deleting
    clientB's import deleted clientA's pairs too."""
    with pytest.raises(InputError, match=r"^origin 'export.tmx' names 2 origins \(/tms/clientA"):
        named_origin("export.tmx", CLIENTS)


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ("de.po", "/w/sale/i18n/de.po, /w/stock/i18n/de.po"),
        ("i18n/de.po", "/w/sale/i18n/de.po, /w/stock/i18n/de.po"),
        ("i18n", "/w/sale/i18n, /w/stock/i18n"),
    ],
)
def test_a_short_name_of_two_folder_imports_files_is_refused_naming_them(
    given: str, named: str
) -> None:
    """Two modules' i18n folders were recorded as one origin, i18n/de.po: deleting one
    module's import deleted the other's pairs too."""
    message = (
        f"origin '{given}' names 2 origins ({named}): give the path of the one meant, as "
        "'ltmt memory stats' lists it"
    )
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        named_origin(given, MODULES)


@pytest.mark.parametrize("given", ["", "  ", "/", "//"])
def test_a_blank_origin_or_the_root_is_refused(given: str) -> None:
    """--origin "" (an unset shell variable) and --origin / named every import: each records
    an absolute path."""
    with pytest.raises(InputError, match=rf"^origin {given!r} names no import: give an"):
        named_origin(given, CLIENTS)


@pytest.mark.parametrize(
    ("name", "origin", "of_it"),
    [
        ("/tms/clientB/export.tmx", "/tms/clientB", True),  # the folder it was imported from
        ("/tms/clientB/export.tmx", "/tms/clientB/", True),
        ("/tms/clientB/export.tmx", "/tms", False),  # a folder above: every import under it
        ("/tms/clientB/export.tmx", "/", False),
        ("/tms/clientB/export.tmx", "", False),
        ("/tms/clientB/export.tmx", "/tms/client", False),  # a part's start is no part
        ("proj/de/app.po", "proj", True),  # a folder import's files
        ("proj/de/app.po", "proj/de", True),
        ("proj/de/app.po", "pro", False),
        ("proj/de/app.po", ".", False),
        ("proj/de/app.po", "/proj", False),
        # a folder import's file: itself, the folder imported or one in it holding it (its
        # path names it through named_origin: the file imported alone too is another origin)
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n/sub/fr_de.po", False),  # named_origin's
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n", True),
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n/", True),
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n/sub", True),
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale", False),  # above the folder imported
        ("/w/sale/i18n//sub/fr_de.po", "/w", False),
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n/su", False),
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n/sub/fr_de", False),
        ("/w/sale/i18n//de.po", "/w/stock/i18n", False),  # the other module's
        ("/w/sale/i18n//de.po", "/w/stock/i18n/de.po", False),
        ("/w/sale/i18n//de.po", "i18n/de.po", False),  # a short name: named_origin's
        ("/w/sale/i18n//de.po", "/w/sale/i18n/de.po", False),
        ("//de.po", "//de.po", True),  # the root imported
    ],
)
def test_is_of_origin(name: str, origin: str, of_it: bool) -> None:
    assert is_of_origin(name, origin) is of_it


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("/w/sale/i18n//de.po", "/w/sale/i18n/de.po"),
        ("/w/sale/i18n//sub/fr_de.po", "/w/sale/i18n/sub/fr_de.po"),
        ("//de.po", "/de.po"),
        ("/tms/clientA/export.tmx", "/tms/clientA/export.tmx"),
        ("proj/de/app.po", "proj/de/app.po"),
        ("cli", "cli"),
    ],
)
def test_shown_origin(name: str, shown: str) -> None:
    assert shown_origin(name) == shown


def test_file_origin_is_the_resolved_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert file_origin(Path("clientB/export.tmx")) == str(tmp_path / "clientB" / "export.tmx")


def test_shared_origins_counts_the_pairs_an_origin_holds_besides_anothers(tmp_path: Path) -> None:
    """An origin that held pairs only besides another's was in no count of the user's."""
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Speichern", origin="cl1.tmx")
        memory.add("u", "Open", "Öffnen", origin="cl1.tmx")
        memory.add("u", "Save", "Speichern", origin="cl2.tmx")
        assert (memory.stats("u")["origins"], memory.shared_origins("u")) == (
            {"cl1.tmx": 2},
            {"cl2.tmx": 1},
        )
        with pytest.raises(InputError, match="no user 'nobody'"):
            memory.shared_origins("nobody")


def _drop_shared_counts(memory: Memory, user: str) -> None:
    """Rewrite ``user``'s row as a store written before the shared counts were kept has it."""
    vault = memory.store.vault

    def drop_kept(txn: lmdb.Transaction) -> None:
        found = user_info(txn, vault, user)
        assert found is not None and found[0].shared is not None  # every write keeps them
        assert found[0].own_shared is not None
        info, cipher = found
        dropped = replace(info, shared=None, own_shared=None)
        txn.put(user_key(user), encode_user(dropped, cipher, user))

    env.write(memory.store, drop_kept)


def _counted_from_segments(memory: Memory, user: str) -> dict[str, int]:
    """The user's shared counts as a store written before they were kept gives them: counted
    from every segment (and kept again)."""
    _drop_shared_counts(memory, user)
    return memory.shared_origins(user)


def test_the_shared_counts_kept_by_each_write_are_those_its_segments_hold(tmp_path: Path) -> None:
    """``memory stats`` read every segment of a user to count the pairs an origin holds besides
    another's; the user's row keeps them now, through adds, re-approvals and deletes."""
    with Memory(tmp_path / "store") as memory:
        steps = [
            (lambda: memory.add("u", "Save", "Speichern", origin="cl1.tmx"), {}),
            (lambda: memory.add("u", "Open", "Öffnen", origin="cl1.tmx"), {}),
            (lambda: memory.add("u", "Save", "Speichern", origin="cl2.tmx"), {"cl2.tmx": 1}),
            (lambda: memory.add("u", "Save", "Sichern", origin="cl3.tmx"), {"cl2.tmx": 1}),
            # re-approved: cl1, its origin, joins cl2 among its others
            (
                lambda: memory.add("u", "Save", "Speichern", origin="cl4.tmx"),
                {"cl1.tmx": 1, "cl2.tmx": 1},
            ),
            (
                lambda: memory.import_pairs("u", [("Open", "Öffnen"), ("Close", "Zu")], origin="b"),
                {"cl1.tmx": 1, "cl2.tmx": 1, "b": 1},
            ),
            # its pair stays, cl1's again (the latest other)
            (lambda: memory.delete_origin("u", "cl4.tmx"), {"cl2.tmx": 1, "b": 1}),
            (
                lambda: memory.delete("u", memory.search("u", "Open", k=1)[0].segment.id),
                {"cl2.tmx": 1},
            ),
            (lambda: memory.delete_origin("u", "cl2.tmx"), {}),
        ]
        for step, shared in steps:
            step()
            assert memory.shared_origins("u") == shared
            # what stats says of each origin is what deleting it would do
            shares = memory.origin_shares("u")
            assert shares == {name: memory.origin_share("u", name) for name in shares}
            assert _counted_from_segments(memory, "u") == shared
            assert memory.origin_shares("u") == shares


def test_stats_says_of_each_origin_what_deleting_it_does(tmp_path: Path) -> None:
    """After stock's de.po (11 pairs) then sale's (20, 8 of them stock's too), stats said
    ``sale: 12 (+8 shared), stock: 11`` while deleting stock deleted 3 and kept 8: "+N
    shared" counted only the pairs an origin holds besides another's."""
    stock = [(f"Stock {n}", f"Lager {n}") for n in range(3)]
    both = [(f"Both {n}", f"Beide {n}") for n in range(8)]
    sale = [(f"Sale {n}", f"Verkauf {n}") for n in range(12)]
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [*stock, *both], origin="/w/stock/i18n/de.po")
        memory.import_pairs("u", [*sale, *both], origin="/w/sale/i18n/de.po")
        shares = memory.origin_shares("u")
        assert {name: (s.alone, s.shared) for name, s in shares.items()} == {
            "/w/stock/i18n/de.po": (3, 8),
            "/w/sale/i18n/de.po": (12, 8),
        }
        assert shares == {name: memory.origin_share("u", name) for name in shares}
        memory.delete_origin("u", "/w/stock/i18n/de.po")
        assert {name: (s.alone, s.shared) for name, s in memory.origin_shares("u").items()} == {
            "/w/sale/i18n/de.po": (20, 0)
        }
        memory.check()  # raises where the row's counts are not its segments'


def test_a_row_keeping_the_shared_counts_of_before_has_its_own_counted_once(
    tmp_path: Path,
) -> None:
    """A row written before the own segments' shared counts were kept (with ``shared``)."""
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Speichern", origin="cl1.tmx")
        memory.add("u", "Save", "Speichern", origin="cl2.tmx")
        vault = memory.store.vault

        def drop_own(txn: lmdb.Transaction) -> None:
            found = user_info(txn, vault, "u")
            assert found is not None
            info, cipher = found
            txn.put(user_key("u"), encode_user(replace(info, own_shared=None), cipher, "u"))

        env.write(memory.store, drop_own)
        shares = memory.origin_shares("u")
        assert {name: (s.alone, s.shared) for name, s in shares.items()} == {
            "cl1.tmx": (0, 1),
            "cl2.tmx": (0, 1),
        }
        found = env.read(memory.store, lambda txn: user_info(txn, vault, "u"))
        assert found is not None and found[0].own_shared == {"cl1.tmx": 1}  # kept now


def test_a_row_without_shared_counts_has_them_counted_once_and_kept(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Speichern", origin="cl1.tmx")
        memory.add("u", "Save", "Speichern", origin="cl2.tmx")
        assert _counted_from_segments(memory, "u") == {"cl2.tmx": 1}
        vault = memory.store.vault
        found = env.read(memory.store, lambda txn: user_info(txn, vault, "u"))
        assert found is not None and found[0].shared == {"cl2.tmx": 1}
        assert memory.stats("u")["origins"] == {"cl1.tmx": 1}


def test_a_read_only_store_without_shared_counts_counts_them_each_time(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Speichern", origin="cl1.tmx")
        memory.add("u", "Save", "Speichern", origin="cl2.tmx")
        _drop_shared_counts(memory, "u")
        vault = memory.store.vault
        memory.store.read_only = True  # as on a read-only file system
        assert memory.shared_origins("u") == {"cl2.tmx": 1}
        found = env.read(memory.store, lambda txn: user_info(txn, vault, "u"))
        assert found is not None and found[0].shared is None


def test_counts_an_older_ltmt_left_stale_are_recounted_never_shown_negative(
    tmp_path: Path,
) -> None:
    """An older ltmt writing to the store does not keep the shared counts: stats said
    ``cl1.tmx: -2 (+3 shared)``."""
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Speichern", origin="cl1.tmx")
        memory.add("u", "Save", "Speichern", origin="cl2.tmx")
        memory.add("u", "Open", "Öffnen", origin="cl1.tmx")
        vault = memory.store.vault

        def stale(txn: lmdb.Transaction) -> None:
            found = user_info(txn, vault, "u")
            assert found is not None
            info, cipher = found
            txn.put(
                user_key("u"), encode_user(replace(info, own_shared={"cl1.tmx": 4}), cipher, "u")
            )

        env.write(memory.store, stale)
        shares = memory.origin_shares("u")
        assert {name: (s.alone, s.shared) for name, s in shares.items()} == {
            "cl1.tmx": (1, 1),
            "cl2.tmx": (0, 1),
        }
        found = env.read(memory.store, lambda txn: user_info(txn, vault, "u"))
        assert found is not None and found[0].own_shared == {"cl1.tmx": 1}  # kept recounted
