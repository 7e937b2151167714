"""A request's pairs checked as ``memory import`` checks a file's, against the real server
(:mod:`ltmt.server.pair_checks`): ``learn`` pairs one place off their sources went straight
into the memory, with no warning (trial s76, the pharma reviewer's file)."""

from __future__ import annotations

import pytest

SOURCES = [
    "Do not take more than 3 tablets in 24 hours.",
    "Store below 25 °C.",
    "Take 1 tablet twice daily.",
]
TARGETS = [
    "Nehmen Sie nicht mehr als 3 Tabletten innerhalb von 24 Stunden ein.",
    "Nicht über 25 °C lagern.",
    "Nehmen Sie zweimal täglich 1 Tablette ein.",
]
SHIFTED = TARGETS[1:] + TARGETS[:1]
SLIP = [*TARGETS[:2], "Nehmen Sie zweimal täglich 2 Tabletten ein."]
SAID_SHIFTED = (
    "the targets read shifted against their sources: pair #1's target has the numbers of pair "
    "#2's source (pairs #1, #2); nothing done: give each source's translation at its place and "
    "send them again"
)


def _pairs(targets: list[str]) -> list[dict[str, str]]:
    return [{"source": s, "target": t} for s, t in zip(SOURCES, targets, strict=True)]


def _request(client, field: str, targets: list[str]):
    if field == "learn":
        body = {"segments": ["Store below 25 °C."], "learn": _pairs(targets)}
        return client.post("/v1/translate", json=body)
    return client.post("/v1/memory/pairs", json={"pairs": _pairs(targets)})


@pytest.mark.parametrize("field", ["learn", "pairs"])
def test_a_shifted_list_of_pairs_is_refused_and_nothing_stored(api, field):
    with api.client(api.key(f"shifted-{field}")) as client:
        answer = _request(client, field, SHIFTED)
        stats = client.get("/v1/memory/stats").json()
    assert (answer.status_code, answer.json()) == (422, {"error": f"{field}: {SAID_SHIFTED}"})
    assert stats["segments"] == 0


@pytest.mark.parametrize(("field", "stored"), [("learn", "learned"), ("pairs", "added")])
def test_pairs_stored_are_warned_of_as_memory_import_warns(api, field, stored):
    """One translation with another number is a slip, not a shift: stored, and warned of."""
    with api.client(api.key(f"slip-{field}")) as client:
        answer = _request(client, field, SLIP)
        aligned = _request(client, field, TARGETS)
    assert answer.status_code == 200, answer.text
    report = answer.json()["learned"] if field == "learn" else answer.json()
    assert report["added"] == 3
    assert report["warnings"] == [
        f"1 pair whose numbers disagree with the source's {stored} (pair 3)"
    ]
    report = aligned.json()["learned"] if field == "learn" else aligned.json()
    assert (aligned.status_code, report["warnings"]) == (200, [])


def test_a_plain_text_upload_shifted_against_its_source_is_refused(api):
    """The server's file import reads a .txt line by line beside its source_file, as the
    command line does."""
    files = {
        "file": ("rev.de.txt", "\n".join(SHIFTED).encode(), "text/plain"),
        "source_file": ("src.txt", "\n".join(SOURCES).encode(), "text/plain"),
    }
    with api.client(api.key("shifted-upload")) as client:
        answer = client.post("/v1/memory/import", files=files)
        files["file"] = ("rev.de.txt", "\n".join(TARGETS).encode(), "text/plain")
        aligned = client.post("/v1/memory/import", files=files)
    assert (answer.status_code, answer.json()["error"]) == (
        400,
        "rev.de.txt: its lines read shifted against src.txt's: line 1's translation has the "
        "numbers of line 2's source (lines 1, 2); nothing imported: put each translation on the "
        "line of its source and import again",
    )
    assert (aligned.status_code, aligned.json()["added"]) == (200, 3)
