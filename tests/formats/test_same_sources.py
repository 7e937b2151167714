"""A new key of a keyed catalog given the file's own translation of the same source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ltmt.formats.pipeline import translate_file
from ltmt.segments import Match, Segment, Translation

ENGLISH = "appTitle=Purchase Orders\nworklistTitle=Purchase Orders\nsave=Save\n"
BOTH = ["Purchase Orders", "Purchase Orders"]  # appTitle's and worklistTitle's
STORED = Segment(1, "u1", "Purchase Orders", "Auftragsliste", 0.0, "tm.tmx", {})


def _translator(asked: list[str], memory: bool) -> Callable[[list[str], list[dict]], list]:
    """A translator: a 100 % match of the memory (``memory``: :func:`_memory`'s) reused, else
    the model's translation, whose texts go to ``asked``."""

    def translate(texts: list[str], prefer: list[dict]) -> list[str | Translation]:
        found = _memory(texts, prefer) if memory else [None] * len(texts)
        asked.extend(t for t, match in zip(texts, found, strict=True) if match is None)
        model = {"Purchase Orders": "Kaufordnungen", "Save": "Speichern"}
        return [match or model[t] for t, match in zip(texts, found, strict=True)]

    return translate


def _memory(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
    """A memory whose only 100 % match is ``Purchase Orders``'s."""
    return [
        Translation(t, STORED.target, (Match(STORED, 100.0),), "exact")
        if t == STORED.source
        else None
        for t in texts
    ]


@pytest.mark.parametrize(
    ("german", "memory", "overwrite", "written", "asked"),
    [
        # trial sap271: the model's Kaufordnungen beside the team's Bestellungen
        ("appTitle=Bestellungen\n", False, False, "Bestellungen", ["Save"]),
        ("appTitle=bestellungen\n", False, False, "bestellungen", ["Save"]),  # as written
        ("appTitle=Bestellungen\n", True, False, "Auftragsliste", ["Save"]),  # memory wins
        ("", False, False, "Kaufordnungen", [*BOTH, "Save"]),  # nothing kept
        ("appTitle=Bestellungen\n", False, True, "Kaufordnungen", [*BOTH, "Save"]),
    ],
    ids=["kept", "as-written", "memory-match", "none-kept", "overwrite"],
)
def test_a_new_key_takes_the_files_translation_of_its_source_unless_memory_has_one(
    tmp_path: Path, german: str, memory: bool, overwrite: bool, written: str, asked: list[str]
) -> None:
    source, out = tmp_path / "i18n.properties", tmp_path / "i18n_de.properties"
    source.write_text(ENGLISH, "utf-8")
    if german:
        out.write_text(german, "utf-8")
    model: list[str] = []
    translate, exact = _translator(model, memory), _memory if memory else None
    result = translate_file(source, out, translate, exact=exact, overwrite=overwrite)
    assert f"worklistTitle={written}\n" in out.read_text("utf-8")
    assert model == asked  # the model is not run for the string given the file's translation
    reused = written not in ("Kaufordnungen", "Auftragsliste")
    said = (
        "1 given the translation the file keeps for the same source, the model not run "
        "(worklistTitle)"
    )
    assert (said in result.report.summary()) is reused


def test_a_source_the_file_keeps_two_ways_is_translated(tmp_path: Path) -> None:
    """Kept as ``Bestellungen`` and ``Aufträge``, the source has no one translation to take."""
    source, out = tmp_path / "i18n.properties", tmp_path / "i18n_de.properties"
    source.write_text(f"{ENGLISH}listTitle=Purchase Orders\n", "utf-8")
    out.write_text("appTitle=Bestellungen\nlistTitle=Aufträge\n", "utf-8")
    model: list[str] = []
    translate_file(source, out, _translator(model, False))
    assert model == ["Purchase Orders", "Save"]


@pytest.mark.parametrize(
    ("source", "kept_for", "kept", "written"),
    [
        ("Purchase  orders", "Purchase Orders", "Bestellungen", "Bestellungen"),  # spaces aside
        # regression trial regb71: the kept German was written as it is, in another case
        ("SAVE", "Save", "Speichern", "SPEICHERN"),
        ("PURCHASE ORDERS", "Purchase Orders", "Bestellungen", "BESTELLUNGEN"),
        ("purchase orders", "Purchase Orders", "Bestellungen", "Bestellungen"),  # a noun
        ("Yes", "YES", "JA", "Ja"),
        ("Save", "save", "speichern", "Speichern"),
        ("file not found", "FILE NOT FOUND", "DATEI NICHT GEFUNDEN", None),  # cannot tell
    ],
)
def test_sources_are_compared_normalised_and_the_translation_taken_in_the_units_case(
    source: str, kept_for: str, kept: str, written: str | None
) -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.same_sources import reuse_kept

    unit = Unit("worklistTitle", source, context="worklistTitle")
    outcomes = reuse_kept([unit], {" ".join(source.casefold().split()): ((kept_for,), kept)}, None)
    if written is None:  # the model translates it
        assert outcomes == []
    else:
        [outcome] = outcomes
        assert (outcome.text, outcome.method, outcome.ok) == (written, "kept", True)


def _model(texts: list[str], prefer: list[dict]) -> list[str]:
    return [{"Archive": "Archiv", "Delete": "Entfernen", "Save": "Speichern"}[t] for t in texts]


@pytest.mark.parametrize(
    ("german", "changed"),
    [
        # regression trial regb71: the reviewer's Archivieren of Archive, kept at a key whose
        # English is Delete now, gave the new menu.delete=Delete "Archivieren"
        ("action.primary=Archivieren\nbutton.save=Speichern\n", False),
        # a key the record does not hold (added by hand since): for which English, unknown
        ("action.primary=Archiv\nbutton.save=Speichern\nmenu.new=Streichen\n", False),
        # the memory says action.primary's German was approved for another English
        ("action.primary=Archivieren\nbutton.save=Speichern\n", True),
    ],
    ids=["record-says-changed", "not-in-record", "memory-says-changed"],
)
def test_a_translation_kept_for_another_source_is_not_given(
    tmp_path: Path, german: str, changed: bool
) -> None:
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    source, out = tmp_path / "m.properties", tmp_path / "m_de.properties"
    source.write_text("action.primary=Archive\nbutton.save=Save\n", "utf-8")
    translate_file(source, out, _model, output_sources=records)
    out.write_text(german, "utf-8")  # the reviewer's file
    english = "button.save=Save\nmenu.delete=Delete\n"  # the English changed, a key added
    extra = "menu.new=Delete\n" if "menu.new" in german else ""
    source.write_text("action.primary=Delete\n" + english + extra, "utf-8")
    asked: list[str] = []

    def model(texts: list[str], prefer: list[dict]) -> list[str]:
        asked.extend(texts)
        return _model(texts, prefer)

    def memory_says(kept: object) -> list[str]:
        return ["action.primary"] if changed else []

    if changed:  # the memory's evidence: the record of the output is not there
        records = OutputSources(tmp_path / "none")
    result = translate_file(source, out, model, output_sources=records, changed_sources=memory_says)
    assert "menu.delete=Entfernen\n" in out.read_text("utf-8")  # the model's
    assert "Delete" in asked
    assert "given the translation the file keeps" not in result.report.summary()


@pytest.mark.parametrize(
    ("action_context", "written", "asked"),
    [
        # trial s73: the verb Open of a button got the task status's Offen, the model not run
        ("button (verb): opens the task", "ÖFFNEN", ["Open"]),
        ("task status (adjective)", "Offen", []),  # the same context: the file's translation
    ],
    ids=["other-context", "same-context"],
)
def test_a_source_the_file_gives_two_contexts_takes_no_others_translation(
    tmp_path: Path, action_context: str, written: str, asked: list[str]
) -> None:
    import json

    source, out = tmp_path / "en.json", tmp_path / "de.json"
    status = {"string": "Open", "context": "task status (adjective)"}
    english = {"status": status, "action": {"string": "Open", "context": action_context}}
    source.write_text(json.dumps(english), "utf-8")
    out.write_text(json.dumps({"status": {**status, "string": "Offen"}}), "utf-8")
    model: list[str] = []

    def translate(texts: list[str], prefer: list[dict]) -> list[str]:
        model.extend(texts)
        return ["ÖFFNEN" for _ in texts]

    translate_file(source, out, translate)
    assert json.loads(out.read_text("utf-8"))["action"]["string"] == written
    assert model == asked
