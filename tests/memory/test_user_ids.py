"""User ids: the users a new user's name is close to (a typo of theirs)."""

from __future__ import annotations

import pytest

from ltmt.memory.user_ids import close_user_warning, close_users, likely_typo, likely_users


@pytest.mark.parametrize(
    ("user", "users", "close"),
    [
        ("webap", ["webapp", "git"], ["webapp"]),
        ("WebApp", ["webapp", "git"], ["webapp"]),
        ("webapp", ["webapp"], []),  # itself: not another
        ("docs", ["webapp", "git"], []),
        # one edit apart: a letter added, changed, two swapped; case differences first
        ("webappp", ["webapp"], ["webapp"]),
        ("wepapp", ["webapp"], ["webapp"]),
        ("wbeapp", ["webapp"], ["webapp"]),
        ("webap", ["WEBAP", "webapp"], ["WEBAP", "webapp"]),
        # 4 letters apart was close (regression trial, session 64); two edits; a short name
        ("imp_longhdr_tsv", ["imp_hdr_tsv", "imp_hdr2_tsv"], []),
        ("client2", ["client1", "client12", "clent2"], ["clent2"]),  # numbered on purpose
        ("wbeap", ["webapp"], []),
        # a short name: only another case or two neighbours swapped (session 72: nv for vn)
        ("git", ["gti", "got"], ["gti"]),
        ("GIT", ["git"], ["git"]),
        ("nv", ["vn", "nw", "n", "nvv"], ["vn"]),
        ("NV", ["vn"], ["vn"]),
        ("ab", ["ab"], []),
        ("u12", ["u21", "u1"], []),  # digits alone apart: numbered on purpose
        # a letter left out of a name of 4 letters (two trials, session 75: shp for shop, lar
        # for lara, translated without their memory), or added to one of 3
        ("shp", ["shop"], ["shop"]),
        ("lar", ["lara", "lab"], ["lara"]),
        ("gitt", ["git"], ["git"]),
    ],
)
def test_close_users(user: str, users: list[str], close: list[str]) -> None:
    assert close_users(user, users) == close


@pytest.mark.parametrize(
    ("user", "users", "likely"),
    [
        # another case first: Globex was left out behind three typos, APTCO found no aptco
        ("globex", ["Globex", "aptco", "glbex", "glbexx", "glob3x"], ["Globex", "glbex", "glob3x"]),
        ("APTCO", ["Globex", "aptco"], ["aptco"]),
        ("alcie", ["alice", "bob"], ["alice"]),
        ("zzz", ["alice", "bob"], []),
    ],
)
def test_likely_users_put_another_case_first(user, users, likely):
    assert likely_users(user, users) == likely


@pytest.mark.parametrize(
    ("user", "before", "warning"),
    [
        (
            "acmme",
            ["acme", "globex"],
            "did you mean acme? (a new user acmme was created; UNDO undoes it)",
        ),
        ("ACME", ["acme"], "did you mean acme? (a new user ACME was created; UNDO undoes it)"),
        ("initech", ["acme", "globex"], None),
        ("acme", [], None),
    ],
)
def test_close_user_warning_names_the_close_users_and_the_callers_undo(user, before, warning):
    assert close_user_warning(user, before, "UNDO") == warning


@pytest.mark.parametrize(
    ("user", "users", "refusal"),
    [
        ("nv", ["vn"], "no user 'nv' in STORE; did you mean vn? HOW"),
        ("moodel", ["moodle", "vn"], "no user 'moodel' in STORE; did you mean moodle? HOW"),
        (
            "Moodle",
            ["moodle", "Moodl"],
            "no user 'Moodle' in STORE; did you mean moodle, Moodl? HOW",
        ),
        ("vn", ["vn", "nv"], None),  # stored: no typo
        ("zed", ["vn", "moodle"], None),  # a new user: none close
        ("nv", [], None),
    ],
)
def test_likely_typo_names_the_close_users_and_how_to_go_on(user, users, refusal):
    assert likely_typo(user, users, "STORE", "HOW") == refusal
