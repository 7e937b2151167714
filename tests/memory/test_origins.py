"""Origins of a user's pairs: what an import records, and which origin a given name means."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.memory.origins import file_origin, is_of_origin, named_origin
from ltmt.memory.store import Memory

CLIENTS = ("/tms/clientA/export.tmx", "/tms/clientB/export.tmx", "proj/de/app.po", "cli")


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
    ],
)
def test_named_origin(given: str, held: tuple[str, ...], named: str) -> None:
    assert named_origin(given, held) == named


def test_a_bare_name_of_two_files_is_refused_naming_them() -> None:
    """clientA/export.tmx and clientB/export.tmx were one origin, export.tmx: deleting
    clientB's import deleted clientA's pairs too."""
    with pytest.raises(InputError, match=r"^origin 'export.tmx' names 2 origins \(/tms/clientA"):
        named_origin("export.tmx", CLIENTS)


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
    ],
)
def test_is_of_origin(name: str, origin: str, of_it: bool) -> None:
    assert is_of_origin(name, origin) is of_it


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
