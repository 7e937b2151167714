"""The glossary table of the memory store: add, replace, list, delete, and per-user isolation."""

from __future__ import annotations

import json
from pathlib import Path

import lmdb
import pytest

from ltmt import Memory
from ltmt.errors import InputError
from ltmt.memory import env
from ltmt.memory.layout import GLOSS
from ltmt.terminology.terms import Term


def test_add_list_replace_delete(tmp_path: Path):
    with Memory(tmp_path) as memory:
        glossary = memory.glossary("u1")
        glossary.add("repository", "Depot", note="git")
        glossary.add("Git", "Git", case_sensitive=True)
        update = glossary.add_terms([Term("Repository", "Ablage"), Term("file", "Datei")])
        assert (update.added, update.replaced, update.unchanged) == (1, 1, 0)
        assert update.previous == (Term("repository", "Depot", "git"),)
        assert [(t.source, t.target) for t in glossary] == [
            ("file", "Datei"),
            ("Git", "Git"),
            ("Repository", "Ablage"),
        ]
        assert glossary.add_terms([Term("file", "Datei")]).unchanged == 1
        assert glossary.delete("GIT", case_sensitive=True) == 0
        assert glossary.delete("git") == 1
        assert len(glossary) == 2
        assert memory.count("u1") == 0  # a glossary needs no memory segments
        assert memory.glossary("u2").terms() == []


@pytest.mark.parametrize(
    ("given", "forbidden", "unforbidden"),
    [
        (Term("Agreement", "Vertrag", note="defined term"), ("Vereinbarung", "Abkommen"), 0),
        (Term("Agreement", "Vereinbarung"), ("Abkommen",), 1),  # the new target is approved
        (Term("Agreement", "Vertrag", forbidden=("Kontrakt",)), ("Kontrakt",), 0),
    ],
)
def test_a_replacing_term_keeps_the_stored_forbidden_targets_unless_it_names_some(
    tmp_path: Path, given: Term, forbidden: tuple[str, ...], unforbidden: int
) -> None:
    with Memory(tmp_path) as memory:
        glossary = memory.glossary("u1")
        glossary.add_terms([Term("Agreement", "Vertrag", forbidden=("Vereinbarung", "Abkommen"))])
        update = glossary.add_terms([given])
        assert (update.replaced, len(update.unforbidden)) == (1, unforbidden)
        assert glossary.terms()[0].forbidden == forbidden


@pytest.mark.parametrize(
    ("given", "gender"),
    [
        (Term("inventory", "Inventar"), "n"),  # a CSV without a gender column: kept
        (Term("inventory", "Inventar", gender="m"), "m"),  # a new gender replaces it
        (Term("inventory", "Bestand"), ""),  # a new target: the old target's gender is not its
    ],
)
def test_a_replacing_term_keeps_the_stored_gender_of_its_target_unless_it_gives_one(
    tmp_path: Path, given: Term, gender: str
) -> None:
    with Memory(tmp_path) as memory:
        glossary = memory.glossary("u1")
        glossary.add_terms([Term("inventory", "Inventar", gender="n")])
        glossary.add_terms([given])
        assert glossary.terms()[0].gender == gender


def test_glossary_survives_reopening_and_goes_with_its_user(tmp_path: Path):
    with Memory(tmp_path) as memory:
        memory.add("u1", "open the file", "Datei öffnen")
        memory.glossary("u1").add("file", "Datei")
        memory.glossary("u2").add("file", "Akte")
    with Memory(tmp_path) as memory:
        assert [t.target for t in memory.glossary("u1")] == ["Datei"]
        assert memory.delete_user("u1")
        assert memory.glossary("u1").terms() == []
        assert [t.target for t in memory.glossary("u2")] == ["Akte"]
        assert memory.glossary("u2").clear() == 1


def test_bad_user_is_refused(tmp_path: Path):
    with Memory(tmp_path) as memory, pytest.raises(InputError, match="invalid user id"):
        memory.glossary("no such user")


def test_an_encrypted_store_keeps_no_term_text_in_the_clear(tmp_path: Path):
    from ltmt.memory.crypto import generate_key_file

    key = generate_key_file(tmp_path / "store.key")
    with Memory(tmp_path / "store", key_file=key) as memory:
        memory.glossary("u1").add("repository", "Depotverwaltung", note="secretnote")
        memory.glossary("u1").add("file", "Datei")
        assert [t.target for t in memory.glossary("u1")] == ["Datei", "Depotverwaltung"]
        assert memory.glossary("u1").delete("REPOSITORY") == 1
        memory.glossary("u1").add("branch", "Zweigstelle")
        memory.check()
    data = (tmp_path / "store" / "data.mdb").read_bytes()
    for text in (b"Zweigstelle", b"branch", b"secretnote"):
        assert text not in data
    with Memory(tmp_path / "store", key_file=key) as memory:
        assert [t.target for t in memory.glossary("u1")] == ["Zweigstelle", "Datei"]


def test_a_glossary_refuses_arguments_of_the_wrong_kind(tmp_path: Path) -> None:
    """A tuple for a term was an AttributeError; ``case_sensitive="yes"`` was stored as it was."""
    with Memory(tmp_path) as memory:
        glossary = memory.glossary("u1")
        with pytest.raises(InputError, match=r"^terms: item 1 is a tuple, not an ltmt\.Term"):
            glossary.add_terms([("file", "Datei")])  # type: ignore[list-item]
        with pytest.raises(InputError, match=r"^terms must be a list of terms, not one Term"):
            glossary.add_terms(Term("file", "Datei"))  # type: ignore[arg-type]
        with pytest.raises(InputError, match=r"case_sensitive must be True or False, got 'yes'"):
            glossary.add("branch", "Zweig", case_sensitive="yes")  # type: ignore[arg-type]
        with pytest.raises(InputError, match=r"note must be a string, got int"):
            glossary.add("branch", "Zweig", note=5)  # type: ignore[arg-type]
        with pytest.raises(InputError, match=r"^case_sensitive must be True, False or None"):
            glossary.delete("branch", case_sensitive="no")  # type: ignore[arg-type]
        assert len(glossary) == 0


def test_a_glossary_of_a_closed_memory_says_so(tmp_path: Path) -> None:
    """It said LMDB's "Attempt to operate on closed/deleted/dropped object."."""
    from ltmt.errors import StoreError

    memory = Memory(tmp_path)
    glossary = memory.glossary("u1")
    glossary.add("file", "Datei")
    memory.close()
    for call in (glossary.terms, lambda: glossary.add("a", "b"), lambda: glossary.delete("file")):
        with pytest.raises(StoreError, match=rf"^memory store {tmp_path} is closed$"):
            call()
    assert repr(glossary) == "Glossary(user='u1', store unreadable)"


def test_a_glossary_takes_numpy_bools(tmp_path: Path) -> None:
    numpy = pytest.importorskip("numpy")
    with Memory(tmp_path) as memory:
        glossary = memory.glossary("u1")
        glossary.add("tab", "Registerkarte", case_sensitive=numpy.bool_(False))  # type: ignore[arg-type]
        assert glossary.delete("tab", case_sensitive=numpy.bool_(False)) == 1  # type: ignore[arg-type]


def _only_term_row(txn: lmdb.Transaction) -> tuple[bytes, dict[str, object]]:
    """The key and JSON record of a plain store's one glossary term."""
    cursor = txn.cursor()
    assert cursor.set_range(GLOSS)
    return bytes(cursor.key()), json.loads(bytes(cursor.value()))


def test_a_replaced_term_keeps_the_fields_this_ltmt_does_not_know(tmp_path: Path) -> None:
    """A term's record rewritten by this ltmt keeps a newer release's fields as they were."""

    def add_a_newer_field(txn: lmdb.Transaction) -> None:
        key, row = _only_term_row(txn)
        txn.put(key, json.dumps({**row, "domain": "git"}).encode())

    with Memory(tmp_path) as memory:
        glossary = memory.glossary("u")
        glossary.add("branch", "Zweig")
        env.write(memory.store, add_a_newer_field)
        glossary.add("branch", "Branch", note="kept in English")
        row = env.read(memory.store, _only_term_row)[1]
    assert (row["target"], row["note"], row["domain"]) == ("Branch", "kept in English", "git")
