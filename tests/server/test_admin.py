"""``/v1/admin``: who may be made an admin, and which users are listed."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("flag", ["yes", 1, "true", "1"])
def test_the_admin_flag_is_true_or_false_only(api, flag):
    """``"yes"`` and ``1`` were read as true: a client's loose value made an admin key."""
    with api.client(api.key("keeper", admin=True)) as client:
        answer = client.post("/v1/admin/keys", json={"user": "loose", "admin": flag})
        listed = client.get("/v1/admin/keys", params={"user": "loose"}).json()
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "body.admin: Input should be a valid boolean"
    assert listed == []


def test_users_with_a_key_and_no_memory_are_listed_too(api):
    """They were left out, while /v1/memory/stats?user= sent a typo to this list to check."""
    api.key("keyonly")
    stored_key = api.key("stored")
    with api.client(stored_key) as own:
        own.post(
            "/v1/memory/pairs",
            json={"pairs": [{"source": "open the file", "target": "öffne die Datei"}]},
        )
    with api.client(api.key("lister", admin=True)) as client:
        client.delete(f"/v1/admin/keys/{stored_key.split('_')[1]}")  # a memory, no key
        users = {u["user"]: u for u in client.get("/v1/admin/users").json()}
    assert users["keyonly"] == {"user": "keyonly", "segments": 0, "memory": False, "keys": 1}
    assert users["stored"] == {"user": "stored", "segments": 1, "memory": True, "keys": 0}


def test_a_token_given_as_a_key_id_is_named_by_its_id_never_repeated(api):
    """``DELETE /v1/admin/keys/<token>`` answered ``no key 'ltmt_<id>_<secret>'``."""
    token = api.key("pasted")
    key_id = token.split("_")[1]
    with api.client(api.key("pasting", admin=True)) as client:
        answer = client.delete(f"/v1/admin/keys/{token}")
        listed = client.get("/v1/admin/keys", params={"user": "pasted"}).json()
    assert (answer.status_code, answer.json()) == (
        400,
        {"error": f"that is a token, not a key id: revoke its id {key_id}"},
    )
    assert [key["id"] for key in listed] == [key_id]


def test_an_admin_cannot_lock_every_admin_out(launch, make_key, tmp_path):
    """An admin key deleted its own user (200, revoked 1) and with it the last admin key:
    every later admin call was 403, and only a shell on the server could make a new one."""
    token = make_key(tmp_path / "store", "ops", admin=True)
    key_id = token.split("_")[1]
    server = launch()
    with server.client(token) as client:
        own_user = client.delete("/v1/admin/users/ops")
        last_key = client.delete(f"/v1/admin/keys/{key_id}")
        still_admin = client.get("/v1/admin/keys").status_code
        second = client.post("/v1/admin/keys", json={"user": "ops2", "admin": True}).json()
        with server.client(second["token"]) as other:
            revoked = other.delete(f"/v1/admin/keys/{key_id}").status_code
    assert (own_user.status_code, own_user.json()) == (
        409,
        {
            "error": "an admin key cannot delete its own user 'ops' (that would revoke this "
            "key): use another admin's key, or 'ltmt memory delete' on the server"
        },
    )
    assert (last_key.status_code, last_key.json()) == (
        409,
        {
            "error": f"key {key_id} is the last admin key: revoking it would lock every admin "
            'out; make another first (POST /v1/admin/keys with "admin": true)'
        },
    )
    assert (still_admin, revoked) == (200, 200)


@pytest.mark.parametrize("user", [".", "..", "a/b", "x" * 65])
def test_a_key_is_made_for_a_user_id_the_cli_accepts_only(api, user):
    """``POST /v1/admin/keys`` made keys for ``.`` and ``..`` (a folder in a URL or a path),
    which ``ltmt keys create`` refuses: the same check, the same message, 400."""
    from ltmt.errors import InputError
    from ltmt.memory.user_ids import check_new_user

    with pytest.raises(InputError) as refused:
        check_new_user(user)
    with api.client(api.key("idchecker", admin=True)) as client:
        answer = client.post("/v1/admin/keys", json={"user": user})
        users = [u["user"] for u in client.get("/v1/admin/users").json()]
    assert (answer.status_code, answer.json()) == (400, {"error": str(refused.value)})
    assert user not in users


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("GET", "/v1/admin/keys", {"user": "a b"}),
        ("DELETE", "/v1/admin/users/a%20b", {}),
        ("GET", "/v1/memory/stats", {"user": "a b"}),
        ("POST", "/v1/memory/pairs", {"user": "a b"}),
    ],
)
def test_a_user_id_named_in_a_path_or_parameter_is_checked(api, method, path, params):
    """An invalid user id named by an admin was looked up (404 ``no user``) or, for a write,
    left to the store: it is refused as the CLI's ``--user`` refuses it (400)."""
    body = {"pairs": [{"source": "open", "target": "öffnen"}]} if method == "POST" else None
    with api.client(api.key("idnamer", admin=True)) as client:
        answer = client.request(method, path, params=params, json=body)
    assert (answer.status_code, answer.json()) == (
        400,
        {"error": "invalid user id 'a b': use 1-64 characters from A-Z, a-z, 0-9, '.', '_', '-'"},
    )


def test_an_admin_key_without_user_reads_its_own_user_an_empty_memory_named(api):
    """Decided (session 63): a key reaches one user, an admin key's its own unless ``?user=``
    names another; a user with a key and nothing stored is a user with an empty memory (0
    segments, an empty export) for admin keys as for others, the answer naming the user it
    read. ``ltmt memory stats --user boss``, which sees the store and not its keys, calls the
    same user unknown."""
    api.key("beta63")  # a user (since session 68 an admin's ?user= naming none is a 404)
    with api.client(api.key("boss63", admin=True)) as client:
        client.post(
            "/v1/memory/pairs",
            params={"user": "beta63"},
            json={"pairs": [{"source": "open the file", "target": "öffne die Datei"}]},
        )
        stats = client.get("/v1/memory/stats")
        export = client.get("/v1/memory/export", params={"format": "jsonl"})
    assert (stats.status_code, stats.json()["user"], stats.json()["segments"]) == (
        200,
        "boss63",
        0,
    )
    assert (export.status_code, export.content) == (200, b"")
    assert 'filename="boss63.jsonl"' in export.headers["content-disposition"]


def test_a_key_for_a_new_user_close_to_one_warns_in_its_answer(api):
    """``{"user": "ACME"}`` beside ``acme`` made a second user without a word."""
    api.key("acmeco")
    with api.client(api.key("acmeops", admin=True)) as client:
        typo = client.post("/v1/admin/keys", json={"user": "ACMECO"})
        again = client.post("/v1/admin/keys", json={"user": "acmeco"})
    assert (typo.status_code, typo.json()["warnings"]) == (
        201,
        ["did you mean acmeco? a new user ACMECO was created"],
    )
    assert (again.status_code, again.json()["warnings"]) == (201, [])


def test_deleting_a_user_counts_its_terms_and_says_its_text_stays_until_compact(api):
    """The answer counted segments and keys only, and said nothing of the text that stays in
    data.mdb's freed pages until 'ltmt memory compact' runs with the server stopped."""
    token = api.key("gdpr")
    with api.client(token) as own:
        own.post("/v1/memory/pairs", json={"pairs": [{"source": "Open", "target": "Öffnen"}]})
        own.post("/v1/glossary", json={"terms": [{"source": "lid", "target": "Deckel"}]})
    with api.client(api.key("gdprops", admin=True)) as client:
        answer = client.delete("/v1/admin/users/gdpr")
    assert (answer.status_code, answer.json()) == (
        200,
        {
            "user": "gdpr",
            "deleted_segments": 1,
            "revoked_keys": 1,
            "deleted_glossary_terms": 1,
            "note": "its text stays in data.mdb's freed pages: run 'ltmt memory "
            "compact' to remove its text from freed pages, with the server stopped (compact "
            "needs the store to itself)",
        },
    )
