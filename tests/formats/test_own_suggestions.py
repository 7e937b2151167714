"""ltmt's own fuzzy PO entries of their msgid now: which they are (by the record of what ltmt
wrote), and a rerun with ``--no-fuzzy`` that writes them unflagged, the model not run, while
msgmerge's and a person's fuzzy entries stay fuzzy (session 73, a Transifex user's report)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel, fake_translate

from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import OutputSources, Record
from ltmt.formats.own_suggestions import own_suggestions
from ltmt.formats.pipeline import translate_file
from ltmt.segments import Match, Segment, Translation

WRITTEN = Record.of(
    [
        (Unit("1", "Save"), "Speichern"),
        (Unit("2", "Open"), "Öffnen"),
        (Unit("4", "Open", "action"), "Öffnen"),
        (Unit("3#0", "One file", entry="3", form=0), "Eine Datei"),
        (Unit("3#1", "%d files", entry="3", form=1), "%d Dateien"),
    ],
    b"k",
    marked={"1", "3#0", "3#1", "4"},  # "Open" written unflagged (--no-fuzzy)
)


def _suggestion(
    key: str, source: str, entry: str | None = None, form: int = 0, context: str = ""
) -> Unit:
    return Unit(key, source, context, entry=entry, form=form, suggestion=True)


@pytest.mark.parametrize(
    ("units", "held", "own"),
    [
        # ltmt's marked text of the same msgid, unchanged: its own
        ([_suggestion("1", "Save")], {"1": "Speichern"}, {"1"}),
        # found wherever the entry moved (msgmerge added entries before it)
        ([_suggestion("7", "Save")], {"7": "Speichern"}, {"7"}),
        # edited since, or of another msgid (msgmerge's fuzzy match): not ltmt's
        ([_suggestion("1", "Save")], {"1": "Sichern"}, set()),
        ([_suggestion("1", "Save all")], {"1": "Speichern"}, set()),
        # written unflagged, flagged since by a person: theirs to clear
        ([_suggestion("2", "Open")], {"2": "Öffnen"}, set()),
        # trial s74: its msgctxt too; msgmerge's copy into another context is not ltmt's
        ([_suggestion("9", "Open", context="action")], {"9": "Öffnen"}, {"9"}),
        ([_suggestion("9", "Open", context="ticket status")], {"9": "Öffnen"}, set()),
        ([_suggestion("1", "Save", context="menu")], {"1": "Speichern"}, set()),
        # no suggestion (an untranslated entry) is none
        ([Unit("1", "Save")], {"1": "Speichern"}, set()),
        # a plural entry: all of its forms, or none
        (
            [_suggestion("3#0", "One file", "3", 0), _suggestion("3#1", "%d files", "3", 1)],
            {"3#0": "Eine Datei", "3#1": "%d Dateien"},
            {"3#0", "3#1"},
        ),
        (
            [_suggestion("3#0", "One file", "3", 0), _suggestion("3#1", "%d files", "3", 1)],
            {"3#0": "Eine Datei", "3#1": "%d Dateien (bearbeitet)"},
            set(),
        ),
    ],
)
def test_own_suggestions_are_ltmts_marked_text_of_their_msgid(
    units: list[Unit], held: dict[str, str], own: set[str]
) -> None:
    assert own_suggestions(units, held, WRITTEN) == own


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
DJANGO_PO = (
    HEADER + '#, python-format\nmsgid "Welcome back, %(name)s!"\nmsgstr ""\n\n'
    'msgid "Drag a card to change its status."\nmsgstr ""\n'
)
MSGMERGE_ENTRY = (
    '\n#, fuzzy\n#| msgid "Close the file"\nmsgid "Close the files"\nmsgstr "Die Datei schließen"\n'
)


def _first_run(tmp_path: Path) -> tuple[Path, OutputSources]:
    """The catalog as ltmt's first run wrote it (fuzzy), with a msgmerge fuzzy entry added."""
    records = OutputSources(tmp_path / "records")
    po = tmp_path / "django.po"
    po.write_text(DJANGO_PO + MSGMERGE_ENTRY, "utf-8")
    report = translate_file(po, po, FakeModel(), exact=_no_match, output_sources=records).report
    assert (report.entries_marked_fuzzy, report.suggestions_kept) == (2, 1)
    return po, records


def _no_match(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
    return [None] * len(texts)


def test_no_fuzzy_rerun_unflags_ltmts_own_entries_and_keeps_msgmerges(tmp_path: Path) -> None:
    po, records = _first_run(tmp_path)
    model = FakeModel()
    report = translate_file(
        po, po, model, mark_fuzzy=False, exact=_no_match, output_sources=records
    ).report
    text = po.read_text("utf-8")
    assert model.calls == 0  # their text is what ltmt wrote
    welcome = fake_translate("Welcome back, %(name)s!")
    assert f'#, python-format\nmsgid "Welcome back, %(name)s!"\nmsgstr "{welcome}"' in text
    drag = fake_translate("Drag a card to change its status.")
    assert f'\n\nmsgid "Drag a card to change its status."\nmsgstr "{drag}"' in text
    assert MSGMERGE_ENTRY in text  # msgmerge's suggestion of an older msgid: still fuzzy
    assert (report.own_suggestions_unflagged, report.suggestions_kept) == (2, 1)
    summary = report.summary()
    assert (
        "2 entries that an earlier run of ltmt wrote fuzzy for their msgid now written "
        "unflagged, as ltmt wrote them (the model not run)"
    ) in summary
    assert (
        "1 marked fuzzy and kept for review (no 100 % memory match of their context; "
        "--fuzzy-entries translate machine-translates them for their msgid now;"
    ) in summary
    # recorded as ltmt's unflagged text: a rerun keeps them, and says so
    again = translate_file(
        po, po, FakeModel(), mark_fuzzy=False, exact=_no_match, output_sources=records
    ).report
    assert (again.own_suggestions_unflagged, again.translated_before) == (0, 2)
    assert records.read(po) is not None
    assert records.read(po).wrote_unmarked_at("1", welcome)  # type: ignore[union-attr]


def test_flagging_rerun_keeps_them_and_says_they_are_ltmts(tmp_path: Path) -> None:
    po, records = _first_run(tmp_path)
    before = po.read_text("utf-8")
    report = translate_file(po, po, FakeModel(), exact=_no_match, output_sources=records).report
    assert po.read_text("utf-8") == before
    assert (report.suggestions_kept, report.own_suggestions_kept) == (3, 2)
    assert (
        "3 marked fuzzy and kept for review (2 of them ltmt's machine translation of their "
        "msgid from an earlier run, which --no-fuzzy writes unflagged as it is; the others: "
        "no 100 % memory match of their context;"
    ) in report.summary()


def test_a_fuzzy_entry_edited_since_stays_fuzzy(tmp_path: Path) -> None:
    po, records = _first_run(tmp_path)
    drag = fake_translate("Drag a card to change its status.")
    po.write_text(po.read_text("utf-8").replace(drag, "Karte ziehen"), "utf-8")
    report = translate_file(
        po, po, FakeModel(), mark_fuzzy=False, exact=_no_match, output_sources=records
    ).report
    assert '#, fuzzy\nmsgid "Drag a card to change its status."\nmsgstr "Karte ziehen"' in (
        po.read_text("utf-8")
    )
    assert (report.own_suggestions_unflagged, report.suggestions_kept) == (1, 2)


def test_a_100_percent_memory_match_still_replaces_ltmts_own(tmp_path: Path) -> None:
    """--no-fuzzy wrote a 100 % match of the entry's context unflagged before: it still does."""
    po, records = _first_run(tmp_path)
    stored = Segment(1, "u1", "Drag a card to change its status.", "Karte ziehen.", 0.0, "api", {})

    def exact(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
        return [
            Translation(t, stored.target, (Match(stored, 100.0),), "exact")
            if t == stored.source
            else None
            for t in texts
        ]

    report = translate_file(
        po, po, FakeModel(), mark_fuzzy=False, exact=exact, output_sources=records
    ).report
    assert '\n\nmsgid "Drag a card to change its status."\nmsgstr "Karte ziehen."' in (
        po.read_text("utf-8")
    )
    assert (report.exact, report.own_suggestions_unflagged, report.suggestions_kept) == (1, 1, 1)


def test_without_a_record_nothing_is_unflagged(tmp_path: Path) -> None:
    """No record of the catalog (another cache, a fresh CI runner): whose fuzzy entries these
    are nobody can tell, so they stay as before."""
    po, _ = _first_run(tmp_path)
    report = translate_file(
        po,
        po,
        FakeModel(),
        mark_fuzzy=False,
        exact=_no_match,
        output_sources=OutputSources(tmp_path / "other"),
    ).report
    assert po.read_text("utf-8").count("#, fuzzy") == 3
    assert (report.own_suggestions_unflagged, report.suggestions_kept) == (0, 3)


def test_no_fuzzy_rerun_without_a_memory_unflags_them_too(tmp_path: Path) -> None:
    """No memory to look in (``exact`` None): msgmerge's suggestion is kept as before, ltmt's
    own entries are written unflagged all the same."""
    po, records = _first_run(tmp_path)
    report = translate_file(po, po, FakeModel(), mark_fuzzy=False, output_sources=records).report
    assert po.read_text("utf-8").count("#, fuzzy") == 1
    assert (report.own_suggestions_unflagged, report.translated_before) == (2, 1)


CONTEXT_POT = (
    HEADER + 'msgctxt "action"\nmsgid "Open"\nmsgstr ""\n\n'
    'msgctxt "ticket status"\nmsgid "Closed"\nmsgstr ""\n'
)
# what msgmerge makes of the output for a template with "ticket status|Open" added: a fuzzy
# copy of "action|Open"'s translation, before the entries ltmt wrote after it
MERGED_ENTRY = '#, fuzzy\nmsgctxt "ticket status"\nmsgid "Open"\nmsgstr "{open}"\n\n'


def test_no_fuzzy_rerun_keeps_msgmerges_copy_of_another_contexts_translation_fuzzy(
    tmp_path: Path,
) -> None:
    """Regression trial s74: ``ticket status|Open``, msgmerge's copy of ``action|Open``, was
    written unflagged as ltmt's own, by its msgid."""
    records = OutputSources(tmp_path / "records")
    po = tmp_path / "de.po"
    po.write_text(CONTEXT_POT, "utf-8")
    translate_file(po, po, FakeModel(), exact=_no_match, output_sources=records)
    merged = po.read_text("utf-8")
    at = merged.index('#, fuzzy\nmsgctxt "ticket status"')
    po.write_text(merged[:at] + MERGED_ENTRY.format(open=fake_translate("Open")) + merged[at:])
    report = translate_file(
        po, po, FakeModel(), mark_fuzzy=False, exact=_no_match, output_sources=records
    ).report
    text = po.read_text("utf-8")
    assert MERGED_ENTRY.format(open=fake_translate("Open")) in text  # still fuzzy
    assert f'\nmsgctxt "action"\nmsgid "Open"\nmsgstr "{fake_translate("Open")}"' in text
    assert (report.own_suggestions_unflagged, report.suggestions_kept) == (2, 1)
