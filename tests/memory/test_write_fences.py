"""Write fences: a write fenced before its user's deletion or its key's revocation stores
nothing, checked in the write transaction; one whose user and key are as they were writes."""

from __future__ import annotations

import pytest

from ltmt.errors import FencedWriteError
from ltmt.memory import env
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.keys import KeyRing
from ltmt.memory.layout import ERASURES_KEY
from ltmt.memory.store import Memory
from ltmt.memory.write_fences import erasures, take_fence
from ltmt.terminology.terms import Term

DELETED = "user 'crm''s memory was deleted while this request ran: nothing was stored"
REVOKED = r"this request's API key was revoked while it ran \(or user 'crm' deleted\)"
SOMEONE_DELETED = "a user was deleted while this request ran, maybe 'crm': nothing was stored"


@pytest.fixture(params=["plain", "encrypted"])
def memory(request, tmp_path):
    key_file = generate_key_file(tmp_path / "store.key") if request.param == "encrypted" else None
    with Memory(tmp_path / "store", key_file=key_file) as memory:
        yield memory


def _writes(memory, fence):
    """Every kind of write a server request makes for ``crm``, fenced by ``fence``."""
    return {
        "import": lambda: memory.import_pairs(
            "crm", [("a new pair", "ein neues Paar")], fence=fence
        ),
        "add": lambda: memory.add("crm", "a new pair", "ein neues Paar", fence=fence),
        "glossary": lambda: memory.glossary("crm").add_terms([Term("pair", "Paar")], fence=fence),
    }


@pytest.mark.parametrize("write", ["import", "add", "glossary"])
def test_a_write_fenced_before_its_users_deletion_stores_nothing(memory, write):
    memory.add("crm", "open the file", "öffne die Datei")
    fence = take_fence(memory.store, "crm", None)
    memory.delete_user("crm")
    with pytest.raises(FencedWriteError, match=DELETED):
        _writes(memory, fence)[write]()
    assert "crm" not in memory.users()


@pytest.mark.parametrize("write", ["import", "add", "glossary"])
def test_a_write_fenced_before_its_keys_revocation_stores_nothing(memory, write):
    memory.add("crm", "open the file", "öffne die Datei")
    keys = KeyRing(memory)
    key, _ = keys.create("crm")
    fence = take_fence(memory.store, "crm", key.id)
    keys.revoke(key.id)
    with pytest.raises(FencedWriteError, match=REVOKED):
        _writes(memory, fence)[write]()
    assert memory.count("crm") == 1
    assert memory.glossary("crm").terms() == []


def test_a_memory_deleted_and_made_anew_meanwhile_is_not_written_to(memory):
    """uids are never reused: the new memory is another, not the one the request began with."""
    memory.add("crm", "open the file", "öffne die Datei")
    fence = take_fence(memory.store, "crm", None)
    memory.delete_user("crm")
    memory.add("crm", "save the file", "speichere die Datei")
    with pytest.raises(FencedWriteError, match=DELETED):
        memory.import_pairs("crm", [("a new pair", "ein neues Paar")], fence=fence)
    assert [s.source for s in memory.segments("crm")] == ["save the file"]


def test_a_user_without_a_memory_is_fenced_by_any_deletion(memory):
    """A deleted user leaves no trace to tell it from another: the first write of a user
    with no memory is refused where any user's deletion overlapped it (a delete that found
    nothing too: the user may have had a write in flight)."""
    fence = take_fence(memory.store, "crm", None)
    memory.delete_user("crm")  # nothing stored yet: the delete still holds
    with pytest.raises(FencedWriteError, match=SOMEONE_DELETED):
        memory.import_pairs("crm", [("a new pair", "ein neues Paar")], fence=fence)
    assert "crm" not in memory.users()


@pytest.mark.parametrize("stored", [True, False])
def test_a_write_whose_user_and_key_are_as_they_were_stores_its_pairs(memory, stored):
    if stored:
        memory.add("crm", "open the file", "öffne die Datei")
    memory.add("other", "open the file", "öffne die Datei")
    key, _ = KeyRing(memory).create("crm")
    fence = take_fence(memory.store, "crm", key.id)
    memory.add("crm", "close the file", "schließe die Datei")  # another request's write
    memory.delete("other", 1)  # a segment, not a user: no erasure
    KeyRing(memory).create("crm")
    report = memory.import_pairs("crm", [("a new pair", "ein neues Paar")], fence=fence)
    assert report.added == 1
    assert memory.count("crm") == 2 + stored


def test_a_user_with_a_memory_is_not_fenced_by_another_users_deletion(memory):
    memory.add("crm", "open the file", "öffne die Datei")
    memory.add("other", "open the file", "öffne die Datei")
    fence = take_fence(memory.store, "crm", None)
    memory.delete_user("other")
    assert memory.import_pairs("crm", [("a new pair", "ein neues Paar")], fence=fence).added == 1


def test_every_user_deletion_is_counted_known_user_or_not(memory):
    def counted() -> int:
        return env.read(memory.store, erasures)

    assert counted() == 0
    memory.add("crm", "open the file", "öffne die Datei")
    memory.delete_user("crm")
    memory.delete_user("nobody")
    assert counted() == 2
    assert env.read(memory.store, lambda txn: bytes(txn.get(ERASURES_KEY))) == b"2"


def test_an_unfenced_write_is_not_checked(memory):
    memory.add("crm", "open the file", "öffne die Datei")
    memory.delete_user("crm")
    assert memory.import_pairs("crm", [("a new pair", "ein neues Paar")]).added == 1
