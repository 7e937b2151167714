"""API keys in the store: salted hashes only, constant-time checks, revocation."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.memory.keys import KeyRing, LastAdminKeyError
from ltmt.memory.layout import KEYS
from ltmt.memory.store import Memory


@pytest.fixture
def memory(tmp_path):
    with Memory(tmp_path / "store") as memory:
        yield memory


def test_a_token_verifies_to_its_key_and_is_never_stored(memory):
    keys = KeyRing(memory)
    key, token = keys.create("u1")
    admin, admin_token = keys.create("boss", admin=True)
    assert token.startswith(f"ltmt_{key.id}_") and len(token) == 5 + 12 + 1 + 43
    assert keys.verify(token) == key and not key.admin
    assert keys.verify(admin_token) == admin and admin.admin
    with memory.store.env.begin() as txn:
        stored = b"".join(bytes(v) for k, v in txn.cursor() if bytes(k).startswith(KEYS))
    secret = token.removeprefix(f"ltmt_{key.id}_")  # base64url: it may hold "_" itself
    assert secret.encode() not in stored and token.encode() not in stored
    assert b'"salt"' in stored and b'"hash"' in stored


@pytest.mark.parametrize(
    "mutate",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # wrong secret
        lambda t: t.replace("ltmt_", "ltmt_f", 1)[:-1],  # unknown key id
        lambda t: t + "x",  # malformed
        lambda t: "",
        lambda t: "Bearer " + t,
    ],
)
def test_anything_but_the_exact_token_is_refused(memory, mutate):
    keys = KeyRing(memory)
    _, token = keys.create("u1")
    assert keys.verify(mutate(token)) is None


def test_same_user_keys_have_their_own_salts(memory):
    keys = KeyRing(memory)
    (a, ta), (b, tb) = keys.create("u1"), keys.create("u1")
    assert a.id != b.id and ta != tb
    assert keys.verify(ta) == a and keys.verify(tb) == b


def test_list_and_revoke(memory):
    keys = KeyRing(memory)
    a, token = keys.create("u1")
    b, _ = keys.create("u2", admin=True)
    assert keys.list() == [a, b]
    assert keys.list("u2") == [b]
    assert keys.revoke(a.id) == a
    assert keys.verify(token) is None
    assert keys.list() == [b]
    assert keys.revoke_user("u2") == 1 and keys.list() == []


def test_keys_survive_deleting_the_users_memory(memory):
    keys = KeyRing(memory)
    key, token = keys.create("u1")
    memory.add("u1", "Open the file", "Datei öffnen")
    memory.delete_user("u1")
    assert keys.verify(token) == key
    assert memory.users() == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda k: k.create("bad user"), "invalid user id 'bad user'"),
        (lambda k: k.revoke("xyz"), r"^that is not a key id: give 12 hex digits"),
        (
            lambda k: k.revoke("0123456789ab"),
            r"no key '0123456789ab': revoked already, or never made",
        ),
    ],
)
def test_errors(memory, call, message):
    with pytest.raises(InputError, match=message):
        call(KeyRing(memory))


def test_a_token_given_as_a_key_id_is_named_by_its_id_never_repeated(memory):
    """``revoke(<token>)`` said ``'ltmt_<id>_<secret>' is not a key id``: the secret, printed."""
    keys = KeyRing(memory)
    key, token = keys.create("u1")
    with pytest.raises(
        InputError, match=f"^that is a token, not a key id: revoke its id {key.id}$"
    ):
        keys.revoke(token)
    assert keys.verify(token) == key


def test_a_valid_token_revokes_its_key(memory):
    keys = KeyRing(memory)
    key, token = keys.create("u1")
    assert keys.revoke_token(token) == key
    assert keys.verify(token) is None


@pytest.mark.parametrize(
    "mutate", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: t[:20]]
)
def test_a_token_not_of_the_store_revokes_nothing_and_is_not_repeated(memory, mutate):
    keys = KeyRing(memory)
    _, token = keys.create("u1")
    wrong = mutate(token)
    with pytest.raises(InputError, match=r"^that token is not a key of this store") as error:
        keys.revoke_token(wrong)
    assert wrong[5:] not in str(error.value)
    assert len(keys.list()) == 1


def test_the_last_admin_key_is_kept_when_asked(memory):
    keys = KeyRing(memory)
    first, second = keys.create("ops", admin=True)[0], keys.create("ops", admin=True)[0]
    customer = keys.create("u1")[0]
    assert keys.revoke(customer.id, keep_an_admin=True) == customer
    assert keys.revoke(first.id, keep_an_admin=True) == first
    with pytest.raises(LastAdminKeyError, match=f"^key {second.id} is the last admin key: make"):
        keys.revoke(second.id, keep_an_admin=True)
    assert keys.has_admin()
    assert keys.revoke(second.id) == second  # the command line's revoke may
    assert not keys.has_admin()


def test_a_store_with_keys_passes_its_integrity_check(memory):
    KeyRing(memory).create("u1")
    memory.add("u1", "Open the file", "Datei öffnen")
    assert memory.check().users == 1


def test_keys_survive_backup_and_compact(memory, tmp_path):
    key, token = KeyRing(memory).create("u1")
    memory.compact()
    assert KeyRing(memory).verify(token) == key
    memory.backup(tmp_path / "copy")
    with Memory(tmp_path / "copy") as copy:
        assert KeyRing(copy).verify(token) == key
