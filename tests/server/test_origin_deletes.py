"""DELETE /v1/memory?origin= against a real server: each upload undone alone, batches of pairs
by their label or all at once, a dry run, and a file name several uploads (or a label) have
refused (trial s77: two uploads named export.tmx were one origin, and undoing one deleted both
at once)."""

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


def pair(source: str, target: str) -> dict:
    return {"source": source, "target": target}


def post_pairs(client, *pairs: dict, label: str | None = None) -> dict:
    body = {"pairs": list(pairs)} if label is None else {"pairs": list(pairs), "origin": label}
    answer = client.post("/v1/memory/pairs", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_batches_of_pairs_without_a_label_are_one_origin_api(api):
    # a CAT tool posts each pair on its own: one origin per batch grew the user's record (and
    # /stats) by one per pair, rewritten by every write (trial s77)
    with api.client(api.key("one-pair-posts")) as client:
        posted = [post_pairs(client, pair(f"Open file {n}", f"Datei {n} öffnen")) for n in range(5)]
        assert {answer["origin"] for answer in posted} == {"api"}
        assert client.get("/v1/memory/stats").json()["origins"] == {"api": 5}
        deleted = client.delete("/v1/memory", params={"origin": "api"}).json()
        assert (deleted["origin"], deleted["deleted_segments"]) == ("api", 5)


def test_a_labelled_batch_is_api_slash_its_label_undone_by_its_label(api):
    with api.client(api.key("labelled-batches")) as client:
        kept = post_pairs(client, pair("Close the window", "Fenster schließen"))
        wrong = post_pairs(client, pair("Open the door", "Tür schließen"), label="review-42")
        other = post_pairs(client, pair("Print the page", "Seite drucken"), label="review-43")
        assert (kept["origin"], wrong["origin"], other["origin"]) == (
            "api",
            "api/review-42",
            "api/review-43",
        )
        # a label posted again adds to its origin
        again = post_pairs(client, pair("Open the box", "Kiste schließen"), label="review-42")
        assert again["origin"] == "api/review-42"
        assert client.get("/v1/memory/stats").json()["origins"] == {
            "api": 1,
            "api/review-42": 2,
            "api/review-43": 1,
        }

        dry = client.delete("/v1/memory", params={"origin": "review-42", "dry_run": "true"})
        assert (dry.json()["origin"], dry.json()["would_delete"]) == ("api/review-42", 2)
        deleted = client.delete("/v1/memory", params={"origin": "review-42"}).json()
        assert (deleted["origin"], deleted["deleted_segments"]) == ("api/review-42", 2)
        # as the answer gave it, too
        deleted = client.delete("/v1/memory", params={"origin": "api/review-43"}).json()
        assert (deleted["origin"], deleted["deleted_segments"]) == ("api/review-43", 1)
        assert client.get("/v1/memory/stats").json()["origins"] == {"api": 1}


def test_api_names_every_batch_labelled_or_not(api):
    with api.client(api.key("all-batches")) as client:
        post_pairs(client, pair("Close the window", "Fenster schließen"))
        post_pairs(client, pair("Open the door", "Tür öffnen"), label="review-42")
        upload(client, TEAM_A)
        dry = client.delete("/v1/memory", params={"origin": "api", "dry_run": "true"}).json()
        assert (dry["origin"], dry["would_delete"]) == ("api", 2)
        deleted = client.delete("/v1/memory", params={"origin": "api"}).json()
        assert deleted["deleted_segments"] == 2
        assert list(client.get("/v1/memory/stats").json()["origins"].values()) == [2]


def test_a_label_an_upload_has_as_its_file_name_is_refused_naming_both(api):
    with api.client(api.key("label-and-upload")) as client:
        uploaded = upload(client, TEAM_A)["origin"]
        posted = post_pairs(client, pair("Open the door", "Tür öffnen"), label="export.tmx")
        assert posted["origin"] == "api/export.tmx"
        answer = client.delete("/v1/memory", params={"origin": "export.tmx"})
        assert (answer.status_code, answer.json()["error"]) == (
            400,
            f"origin 'export.tmx' names 2 origins (api/export.tmx, {uploaded}): give the path "
            "of the one meant, as GET /v1/memory/stats lists it",
        )
        deleted = client.delete("/v1/memory", params={"origin": "api/export.tmx"}).json()
        assert deleted["deleted_segments"] == 1
        assert client.get("/v1/memory/stats").json()["origins"] == {uploaded: 2}


SAFE = "1 to 64 ASCII letters, digits, '.', '_' or '-', the first a letter or digit (review-42)"


@pytest.mark.parametrize(
    ("label", "error"),
    [
        ("team a/v2", f"body.origin: 'team a/v2' is no origin label: give {SAFE}"),
        ("", f"body.origin: '' is no origin label: give {SAFE}"),
        ("..", f"body.origin: '..' is no origin label: give {SAFE}"),
        ("x" * 65, f"body.origin: a label of 65 characters is too long: give {SAFE}"),
        (42, "body.origin: Input should be a valid string"),
    ],
)
def test_a_label_that_is_no_safe_name_is_a_422_that_adds_nothing(api, label, error):
    with api.client(api.key("bad-labels")) as client:
        body = {"pairs": [pair("Open the door", "Tür öffnen")], "origin": label}
        answer = client.post("/v1/memory/pairs", json=body)
        assert (answer.status_code, answer.json()["error"]) == (422, error)
        assert client.get("/v1/memory/stats").json()["segments"] == 0


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


BATCH_OF_ITS_OWN = "api-20261208T011823Z-3f9a1c"


def test_an_older_stores_bare_name_and_api_origins_are_still_named_as_before(api):
    user = "older-store"
    token = api.key(user)
    with Memory(api.store) as memory:  # as a server before trial s77 stored them
        memory.import_pairs(user, [("Payment overdue", "Zahlung überfällig")], origin="export.tmx")
        memory.import_pairs(user, [("Open the door", "Tür öffnen")], origin="api")
        # as a server gave each batch an origin of its own for a while (trial s77)
        memory.import_pairs(user, [("Close the door", "Tür schließen")], origin=BATCH_OF_ITS_OWN)
    with api.client(token) as client:
        newer = upload(client, TEAM_B)["origin"]
        assert client.get("/v1/memory/stats").json()["origins"] == {
            "export.tmx": 1,
            "api": 1,
            BATCH_OF_ITS_OWN: 1,
            newer: 2,
        }
        for origin in ("export.tmx", "api", BATCH_OF_ITS_OWN):
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
