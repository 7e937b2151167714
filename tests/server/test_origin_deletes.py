"""DELETE /v1/memory?origin= against a real server: each upload and batch undone alone, a dry
run, and a file name several uploads have refused (trial s77: two uploads named export.tmx
were one origin, and undoing one deleted both at once)."""

from __future__ import annotations

import re

import pytest

from ltmt.memory.store import Memory
from ltmt.server.origin_deletes import api_hint

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" '
    'creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" '
    'srclang="en" o-tmf="x"/><body>'
)


def tmx(*pairs: tuple[str, str]) -> bytes:
    units = "".join(
        f'<tu><tuv xml:lang="en"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="de"><seg>{target}</seg></tuv></tu>'
        for source, target in pairs
    )
    return f"{HEADER}{units}</body></tmx>".encode()


TEAM_A = tmx(
    ("Download your invoice", "Rechnung herunterladen"), ("Payment overdue", "Zahlung überfällig")
)
TEAM_B = tmx(
    ("Update your billing address", "Rechnungsadresse aktualisieren"),
    ("Your subscription ends soon.", "Ihr Abonnement endet bald."),
)


def upload(client, content: bytes, name: str = "export.tmx") -> dict:
    answer = client.post("/v1/memory/import", files={"file": (name, content, "text/xml")})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_two_uploads_of_one_name_are_two_origins_each_undone_alone(api):
    with api.client(api.key("two-teams")) as client:
        first, second = upload(client, TEAM_A)["origin"], upload(client, TEAM_B)["origin"]
        assert first != second
        for origin in (first, second):
            assert re.fullmatch(r"upload-\d{8}T\d{6}Z-[0-9a-f]{6}/export\.tmx", origin), origin
        assert client.get("/v1/memory/stats").json()["origins"] == {first: 2, second: 2}

        # the bare name both have: refused, both named, nothing deleted (dry run or not)
        for params in ({"origin": "export.tmx"}, {"origin": "export.tmx", "dry_run": "true"}):
            answer = client.delete("/v1/memory", params=params)
            assert (answer.status_code, answer.json()["error"]) == (
                400,
                f"origin 'export.tmx' names 2 origins ({', '.join(sorted([first, second]))}): "
                "give the path of the one meant, as GET /v1/memory/stats lists it",
            )
        assert client.get("/v1/memory/stats").json()["segments"] == 4

        dry = client.delete("/v1/memory", params={"origin": second, "dry_run": "true"}).json()
        assert dry == {
            "user": "two-teams",
            "deleted_segments": 0,
            "revoked_keys": 0,
            "origin": second,
            "kept_segments": 0,
            "dry_run": True,
            "would_delete": 2,
        }
        assert client.get("/v1/memory/stats").json()["segments"] == 4

        deleted = client.delete("/v1/memory", params={"origin": second}).json()
        assert (deleted["origin"], deleted["deleted_segments"], deleted["dry_run"]) == (
            second,
            2,
            False,
        )
        assert client.get("/v1/memory/stats").json()["origins"] == {first: 2}
        # team A's pairs are still reused
        found = client.get("/v1/memory/search", params={"q": "Payment overdue", "k": 1}).json()
        assert found["matches"][0]["target"] == "Zahlung überfällig"

        # one upload left of the name: its bare name names it; its upload id does too
        assert (
            client.delete("/v1/memory", params={"origin": "export.tmx", "dry_run": "true"}).json()[
                "would_delete"
            ]
            == 2
        )
        upload_id = first.partition("/")[0]
        deleted = client.delete("/v1/memory", params={"origin": upload_id}).json()
        assert (deleted["origin"], deleted["deleted_segments"]) == (upload_id, 2)
        assert client.get("/v1/memory/stats").json()["segments"] == 0


def test_each_batch_of_pairs_is_an_origin_undone_alone(api):
    with api.client(api.key("pair-batches")) as client:
        good = [{"source": "Close the window", "target": "Fenster schließen"}]
        bad = [{"source": "Open the door", "target": "Tür schließen"}]
        kept = client.post("/v1/memory/pairs", json={"pairs": good}).json()["origin"]
        wrong = client.post("/v1/memory/pairs", json={"pairs": bad}).json()["origin"]
        assert kept != wrong and kept.startswith("api-") and wrong.startswith("api-")
        deleted = client.delete("/v1/memory", params={"origin": wrong}).json()
        assert deleted["deleted_segments"] == 1
        assert client.get("/v1/memory/stats").json()["origins"] == {kept: 1}


def test_a_pair_another_upload_holds_too_is_kept_and_said(api):
    with api.client(api.key("reuploaded")) as client:
        first = upload(client, TEAM_A, "a.tmx")["origin"]
        again = upload(client, TEAM_A, "a.tmx")
        assert (again["added"], again["duplicates"]) == (0, 2)
        dry = client.delete("/v1/memory", params={"origin": first, "dry_run": "true"}).json()
        assert (dry["would_delete"], dry["kept_segments"]) == (0, 2)
        deleted = client.delete("/v1/memory", params={"origin": first}).json()
        assert (deleted["deleted_segments"], deleted["kept_segments"]) == (0, 2)
        assert client.get("/v1/memory/stats").json()["segments"] == 2


def test_an_older_stores_bare_name_and_api_origins_are_still_named_as_before(api):
    user = "older-store"
    token = api.key(user)
    with Memory(api.store) as memory:  # as a server before trial s77 stored them
        memory.import_pairs(user, [("Payment overdue", "Zahlung überfällig")], origin="export.tmx")
        memory.import_pairs(user, [("Open the door", "Tür öffnen")], origin="api")
    with api.client(token) as client:
        newer = upload(client, TEAM_B)["origin"]
        assert client.get("/v1/memory/stats").json()["origins"] == {
            "export.tmx": 1,
            "api": 1,
            newer: 2,
        }
        for origin in ("export.tmx", "api"):
            deleted = client.delete("/v1/memory", params={"origin": origin}).json()
            assert (deleted["origin"], deleted["deleted_segments"]) == (origin, 1)
        assert client.get("/v1/memory/stats").json()["origins"] == {newer: 2}


@pytest.mark.parametrize(
    ("params", "status", "error"),
    [
        (
            {"dry_run": "true"},
            422,
            "dry_run counts what deleting an origin would delete: give origin too",
        ),
        (
            {"origin": ""},
            400,
            "origin '' names no import: give an imported file or folder as GET /v1/memory/stats "
            "lists it",
        ),
    ],
)
def test_a_delete_that_names_no_origin_deletes_nothing(api, params, status, error):
    with api.client(api.key("no-origin")) as client:
        upload(client, TEAM_A)
        answer = client.delete("/v1/memory", params=params)
        assert (answer.status_code, answer.json()["error"]) == (status, error)
        assert client.get("/v1/memory/stats").json()["segments"] == 2


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            "origin 'x.tmx' names 2 origins (a/x.tmx, b/x.tmx): give the path of the one meant, "
            "as 'ltmt memory stats' lists it",
            "origin 'x.tmx' names 2 origins (a/x.tmx, b/x.tmx): give the path of the one meant, "
            "as GET /v1/memory/stats lists it",
        ),
        ("u has no segments of origin 'q' (did you mean api?)", None),
    ],
)
def test_the_stores_hint_names_the_apis_stats(message: str, said: str | None) -> None:
    assert api_hint(message) == (said or message)
