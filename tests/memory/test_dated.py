"""A dated pair (a TMX unit's changedate) older than the stored translation of its source
does not displace it: the stored one stays the one reused, moved after the older pair, which
is kept as an alternative; an export writes each pair's own date, so importing it keeps that."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ltmt import Memory
from ltmt.formats.tmx import read_tmx, write_tmx
from ltmt.memory import writes
from ltmt.segments import PairRecord

SOURCE = "Review your order"
OLD = "20260110T153000Z"
NEW = "20260301T100000Z"
JANUARY_2024, MARCH_2025 = "20240115T100000Z", "20250301T100000Z"  # before any test's run


def dated(target: str, date: str | None, **metadata: Any) -> tuple[str, str, dict[str, Any]]:
    """A pair of ``SOURCE`` as a TMX unit changed at ``date`` (None: undated) reads."""
    return (SOURCE, target, {**metadata, **({"changedate": date} if date else {})})


@pytest.fixture(params=["index", "scan"])
def lookup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored translation is found from the index's candidates, or by reading every
    source (a large import)."""
    if request.param == "scan":
        monkeypatch.setattr(writes, "_candidates", lambda *args, budget: None)
    else:
        candidates = writes._candidates
        monkeypatch.setattr(writes, "_candidates", lambda *a, budget: candidates(*a, budget=2**32))


def reused(memory: Memory) -> str:
    [match] = memory.search("u", SOURCE, k=1)
    return match.segment.target


def targets(memory: Memory) -> list[str]:
    """The translations of ``SOURCE`` in id order (the last is reused)."""
    return [s.target for s in memory.segments("u") if s.source == SOURCE]


@pytest.mark.usefixtures("lookup")
def test_an_older_export_imported_after_a_newer_one_leaves_the_newer_translation_reused(
    tmp_path: Path,
) -> None:
    """Phrase's v2 export, then its older one: the older translation became the one reused."""
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [dated("Bestellung überprüfen", NEW), ("Pay now", "Jetzt zahlen")])
        report = memory.import_pairs("u", [dated("Überprüfen Sie Ihre Bestellung", OLD)])
        assert (report.added, report.duplicates, report.refreshed, report.older) == (1, 0, 0, 1)
        assert report.summary() == (
            "u: 1 added, 0 duplicates, 0 skipped; 1 older than the stored translation: kept as "
            "alternatives"
        )
        assert targets(memory) == ["Überprüfen Sie Ihre Bestellung", "Bestellung überprüfen"]
        assert reused(memory) == "Bestellung überprüfen"
        ids = [s.id for s in memory.segments("u")]
        again = memory.import_pairs("u", [dated("Überprüfen Sie Ihre Bestellung", OLD)])
        # nothing added or moved again, so nothing said (it said "1 older" on every run)
        assert (again.added, again.duplicates, again.older) == (0, 1, 0)
        assert again.summary() == "u: 0 added, 1 duplicate, 0 skipped"
        assert [s.id for s in memory.segments("u")] == ids
        assert memory.stats("u")["segments"] == 3
        memory.check()


@pytest.mark.parametrize(
    ("stored", "imported", "newest"),
    [
        # a newer unit, an undated pair, or one of another context displaces it as before
        (dated("A", OLD), dated("B", NEW), "B"),
        (dated("A", NEW), dated("B", None), "B"),
        (dated("A", NEW), dated("B", OLD, context="cart.title"), "B"),
        # a pair added by hand (undated) counts from when it was stored
        (dated("A", None), dated("B", OLD), "A"),
    ],
)
def test_only_an_older_dated_pair_of_the_same_context_leaves_the_stored_one_newest(
    tmp_path: Path, stored: Any, imported: Any, newest: str
) -> None:
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [stored])
        report = memory.import_pairs("u", [imported])
        assert targets(memory)[-1] == newest
        assert report.older == (newest == "A")


@pytest.mark.usefixtures("lookup")
@pytest.mark.parametrize("batch", [writes.IMPORT_BATCH, 1])
def test_the_stored_translation_goes_between_the_writes_older_and_newer_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(writes, "IMPORT_BATCH", batch)
    with Memory(tmp_path) as memory:
        memory.import_pairs("u", [dated("S", "20260201T000000Z")])
        pairs = [dated("A1", "20260101T000000Z"), dated("A2", "20260102T000000Z")]
        report = memory.import_pairs("u", [*pairs, dated("B", NEW)])
        assert targets(memory) == ["A1", "A2", "S", "B"]
        assert (report.added, report.refreshed, report.older) == (3, 0, 2)
        memory.check()


def test_an_export_imported_into_an_empty_memory_keeps_its_newest_translations(
    tmp_path: Path,
) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [dated("Bestellung überprüfen", NEW)])
        memory.import_pairs("u", [dated("Überprüfen Sie Ihre Bestellung", OLD)])
        memory.add("u", "Pay now", "Jetzt zahlen")
        memory.import_pairs("u", [("Pay now", "Zahlen", {"changedate": OLD})])
        exported = tmp_path / "export.tmx"
        write_tmx(exported, map(PairRecord.of_segment, memory.segments("u")))
    with Memory(tmp_path / "fresh") as fresh:
        fresh.import_pairs("u", read_tmx(exported))
        assert reused(fresh) == "Bestellung überprüfen"
        [pay] = fresh.search("u", "Pay now", k=1)
        assert pay.segment.target == "Jetzt zahlen"


@pytest.mark.parametrize("approve", ["add", "undated import"])
def test_a_pair_approved_again_by_hand_stays_reused_after_an_export_round_trip(
    tmp_path: Path, approve: str
) -> None:
    """A user trial: 2025's 'Bestellung überprüfen', then 2024's older wording (kept as an
    alternative), then the 2024 wording approved again (``memory add``, an undated TSV import):
    the export wrote it with its 2024 date, so importing the export, into the same memory or a
    fresh one, made 2025's the one reused again. It now counts from its approval."""
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [dated("Bestellung überprüfen", MARCH_2025)])
        memory.import_pairs("u", [dated("Überprüfen Sie Ihre Bestellung", JANUARY_2024)])
        if approve == "add":
            memory.add("u", SOURCE, "Überprüfen Sie Ihre Bestellung")
        else:
            memory.import_pairs("u", [(SOURCE, "Überprüfen Sie Ihre Bestellung")])
        assert reused(memory) == "Überprüfen Sie Ihre Bestellung"
        exported = tmp_path / "export.tmx"
        write_tmx(exported, map(PairRecord.of_segment, memory.segments("u")))
        again = memory.import_pairs("u", read_tmx(exported))
        assert (again.added, again.refreshed, again.older) == (0, 0, 0)
        assert reused(memory) == "Überprüfen Sie Ihre Bestellung"
        # an older dated import still leaves it reused
        memory.import_pairs("u", [dated("Bestellung überprüfen", MARCH_2025)])
        assert reused(memory) == "Überprüfen Sie Ihre Bestellung"
        memory.check()
    by_target = {record.target: record.metadata for record in read_tmx(exported)}
    assert by_target["Überprüfen Sie Ihre Bestellung"]["ltmt-original-changedate"] == JANUARY_2024
    assert by_target["Überprüfen Sie Ihre Bestellung"]["changedate"] > MARCH_2025
    assert by_target["Bestellung überprüfen"]["changedate"] == MARCH_2025  # untouched: its own date
    with Memory(tmp_path / "fresh") as fresh:
        fresh.import_pairs("u", read_tmx(exported))
        assert reused(fresh) == "Überprüfen Sie Ihre Bestellung"
        fresh.import_pairs("u", [dated("Bestellung überprüfen", MARCH_2025)])
        assert reused(fresh) == "Überprüfen Sie Ihre Bestellung"
