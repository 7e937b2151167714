"""``ltmt keys`` and ``ltmt serve`` on the command line: tokens printed once, one-line errors."""

from __future__ import annotations

import json

import pytest

from ltmt import Memory
from ltmt.cli import main


def ltmt(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main.run(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_a_key_for_a_new_user_close_to_one_warns(capsys, tmp_path):
    """``keys create --user Globex`` beside ``globex`` made a second user without a word."""
    store = str(tmp_path / "store")
    ltmt(capsys, "keys", "create", "--user", "globex", "--memory-dir", store)
    code, _, err = ltmt(capsys, "keys", "create", "--user", "Globex", "--memory-dir", store)
    assert (code, err.splitlines()[-1]) == (
        0,
        "ltmt: warning: did you mean globex? a new user Globex was created",
    )
    code, _, err = ltmt(capsys, "keys", "create", "--user", "Globex", "--memory-dir", store)
    assert (code, "warning" in err) == (0, False)  # a second key of Globex: not new


def test_create_list_revoke(capsys, tmp_path):
    store = str(tmp_path / "store")
    code, token, err = ltmt(capsys, "keys", "create", "--user", "u1", "--memory-dir", store)
    assert code == 0 and token.startswith("ltmt_")
    key_id = token.split("_")[1]
    assert err.strip().splitlines() == [
        f"ltmt: created a new memory store at {store}",
        f"ltmt: created key {key_id} for u1; keep the token, it is not stored",
    ]
    ltmt(capsys, "keys", "create", "--user", "boss", "--admin", "--memory-dir", store)
    code, out, _ = ltmt(capsys, "keys", "list", "--json", "--memory-dir", store)
    rows = json.loads(out)
    assert [(r["user"], r["admin"]) for r in rows] == [("u1", False), ("boss", True)]
    assert token.strip() not in out
    code, out, _ = ltmt(capsys, "keys", "list", "--memory-dir", store)
    assert out.splitlines()[0].startswith(f"{key_id}\tu1\tuser\t")
    code, out, _ = ltmt(capsys, "keys", "revoke", key_id, "--memory-dir", store)
    assert (code, out.strip()) == (0, f"revoked key {key_id} of u1")
    code, _, err = ltmt(capsys, "keys", "revoke", key_id, "--memory-dir", store)
    assert (code, err.strip()) == (
        1,
        f"ltmt: error: no key '{key_id}': revoked already, or never made ('ltmt keys list' "
        "shows the keys in use)",
    )


def test_revoke_with_a_token_revokes_its_key_and_never_prints_the_secret(capsys, tmp_path):
    """``ltmt keys revoke <token>`` said ``'ltmt_<id>_<secret>' is not a key id``."""
    store = str(tmp_path / "store")
    _, token, _ = ltmt(capsys, "keys", "create", "--user", "u1", "--memory-dir", store)
    token = token.strip()
    key_id, secret = token.split("_", 2)[1:]
    wrong = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    code, out, err = ltmt(capsys, "keys", "revoke", wrong, "--memory-dir", store)
    assert (code, out, err.strip()) == (
        1,
        "",
        "ltmt: error: that token is not a key of this store (revoked already, mistyped, or "
        "another store's); 'ltmt keys list' shows the keys in use",
    )
    code, out, err = ltmt(capsys, "keys", "revoke", token, "--memory-dir", store)
    assert (code, out.strip(), err) == (0, f"revoked key {key_id} of u1", "")
    # (a secret may start with "-", which the command line would read as an option)
    code, out, err = ltmt(capsys, "keys", "revoke", "--memory-dir", store, "--", secret)
    assert (code, err.strip()) == (
        1,
        "ltmt: error: that is not a key id: give 12 hex digits, as 'ltmt keys list' shows",
    )


NO_ADMIN_LEFT = (
    "ltmt: warning: no admin key is left in this store: the server's /v1/admin endpoints "
    "refuse every key until 'ltmt keys create --user NAME --admin' makes one"
)


@pytest.mark.parametrize(
    "command",
    [["keys", "revoke", "{ops_key}"], ["memory", "delete", "--user", "ops", "--yes"]],
    ids=["keys revoke", "memory delete"],
)
def test_revoking_the_last_admin_key_is_done_and_warned_about(capsys, tmp_path, command):
    """The API refuses it (409); the command line, whose user can make another key, does it
    and says that the server's admin endpoints now refuse every key."""
    store = str(tmp_path / "store")
    _, user_token, _ = ltmt(capsys, "keys", "create", "--user", "u1", "--memory-dir", store)
    _, ops_token, _ = ltmt(capsys, "keys", "create", "-u", "ops", "--admin", "--memory-dir", store)
    code, _, err = ltmt(capsys, "keys", "revoke", user_token.split("_")[1], "--memory-dir", store)
    assert (code, err) == (0, "")  # no admin key revoked: nothing to say
    ops_key = ops_token.split("_")[1]
    args = [part.format(ops_key=ops_key) for part in command]
    code, _, err = ltmt(capsys, *args, "--memory-dir", store)
    assert (code, err.strip()) == (0, NO_ADMIN_LEFT)


def test_bad_user_is_one_line(capsys, tmp_path):
    code, out, err = ltmt(
        capsys, "keys", "create", "--user", "no spaces", "--memory-dir", str(tmp_path)
    )
    assert code == 1 and out == ""
    assert err.startswith("ltmt: error: invalid user id 'no spaces'")
    assert not (tmp_path / "data.mdb").exists()  # a bad user makes no store


def test_serve_with_a_missing_model_is_one_line(capsys, tmp_path):
    Memory(tmp_path / "s").close()
    code, _, err = ltmt(
        capsys,
        "serve",
        "--model",
        str(tmp_path / "nope"),
        "--memory-dir",
        str(tmp_path / "s"),
        "--port",
        "0",
    )
    assert (code, err.strip()) == (
        1,
        f"ltmt: error: model directory not found: {tmp_path / 'nope'}",
    )


def test_serve_on_a_port_in_use_is_one_line_before_the_model_loads(capsys, tmp_path):
    import socket

    Memory(tmp_path / "s").close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = ltmt(
            capsys,
            "serve",
            "--port",
            str(port),
            "--memory-dir",
            str(tmp_path / "s"),
            "--model",
            str(tmp_path / "not-loaded"),
        )
    assert (code, err.strip()) == (
        1,
        f"ltmt: error: port {port} on 127.0.0.1 is in use; stop what listens there or pick "
        "another --port",
    )


def test_serve_on_an_unknown_host_is_one_line(capsys, tmp_path):
    Memory(tmp_path).close()
    code, _, err = ltmt(
        capsys, "serve", "--host", "no-such-host.invalid", "--memory-dir", str(tmp_path)
    )
    assert code == 1
    assert err.startswith("ltmt: error: cannot listen on 'no-such-host.invalid': ")
    assert err.strip().endswith("; check --host")


def test_serve_with_bad_settings_is_one_line(capsys, tmp_path):
    code, _, err = ltmt(capsys, "serve", "--fusion", "magic", "--memory-dir", str(tmp_path))
    assert code == 2
    assert (
        err.strip()
        == "ltmt: error: fusion must be one of none, knn, attention, knn-trained, auto, got 'magic'"
    )


def test_serve_refuses_a_missing_store_and_creates_nothing(capsys, tmp_path):
    """A mistyped --memory-dir would serve a new store that no key can reach."""
    missing = tmp_path / "typo"
    code, out, err = ltmt(capsys, "serve", "--memory-dir", str(missing), "--port", "0")
    assert (code, out) == (1, "")
    assert err == (
        f"ltmt: error: no memory store at {missing}: check --memory-dir (a store is made by its "
        "first import or add, or by 'ltmt keys create')\n"
    )
    assert not missing.exists()


@pytest.mark.parametrize("args", [["list"], ["revoke", "0123456789ab"]])
def test_reading_keys_of_a_missing_store_is_an_error_and_creates_nothing(capsys, tmp_path, args):
    missing = tmp_path / "typo"
    code, out, err = ltmt(capsys, "keys", *args, "--memory-dir", str(missing))
    assert (code, out) == (1, "")
    assert err.startswith(f"ltmt: error: no memory store at {missing}: check --memory-dir")
    assert not missing.exists()


def test_listing_no_keys_says_so(capsys, tmp_path):
    Memory(tmp_path).close()
    assert ltmt(capsys, "keys", "list", "--memory-dir", str(tmp_path)) == (
        0,
        "",
        "ltmt: no keys in this store\n",
    )
