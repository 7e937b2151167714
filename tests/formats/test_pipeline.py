"""translate_file: placeholder repair counted, checkpoints, resume after an interruption."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from formats_fakes import FakeModel, fake_translate

from ltmt.errors import InputError
from ltmt.formats.documents import Unit, open_document
from ltmt.formats.pipeline import _chunks, progress_path, translate_file
from ltmt.formats.run_report import RunReport
from ltmt.formats.unit_translation import fit, translate_texts, translate_units
from ltmt.segments import Match, Segment, Translation
from ltmt.spelling import dictionary_for

DATA = Path(__file__).parent / "data"


def test_translate_texts_repairs_and_counts() -> None:
    report = RunReport()
    restored = translate_texts(["Open %s", "  Save  ", "plain"], FakeModel(drop=True), report)
    assert [r.text for r in restored] == ["OPEN %s", "  SAVE  ", "PLAIN"]
    counts = (report.units, report.with_placeholders, report.repaired, report.not_repairable)
    assert counts == (3, 1, 1, 0)


def test_ampersands_of_text_are_counted_as_placeholders() -> None:
    """(the model gets them as tags, :func:`ltmt.accelerators.text_ampersands`) an HTML page's
    ``R&amp;D &amp; AT&amp;T`` counted as placeholders while segments held references."""
    report = RunReport()
    translate_texts(
        ["Contact R&D & AT&T today.", "Copy & Paste", "E&xit", "Tom"], FakeModel(), report
    )
    assert (report.units, report.with_placeholders) == (4, 2)


def test_date_formats_are_written_in_the_target_language_where_the_flags_allow() -> None:
    unit = Unit("1", "%a %d/%m")
    assert fit(unit, "%a %d/%m", "de").text == "%a, %d.%m."
    assert fit(unit, "%a %d/%m", "").text == "%a %d/%m"  # no language known
    # Japanese writes the weekday last: c-format's arguments would change order (%a is
    # printf's double), so the entry keeps the source's
    assert fit(unit, "%a %d/%m", "ja").text == "%m/%d%a"
    assert fit(replace(unit, flags=("c-format",)), "%a %d/%m", "ja").text == "%a %d/%m"


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("%H:%M", "%H:%M"),
        ("Today at %H:%M", "Heute um %H:%M"),
        ("Saved at %H:%M by %s", "Gespeichert um %H:%M von %s"),
    ],
)
def test_a_c_format_source_that_is_no_c_format_keeps_its_directives(
    source: str, output: str
) -> None:
    """strftime's ``%H`` is no printf directive: the stray-% repair made it ``%%H`` and the
    placeholder repair dropped that (``%H:%M`` → ``H:M``, counted as repaired). msgfmt -c checks
    nothing of an entry whose source is not valid for its flag: neither does ltmt, and says so."""
    report = RunReport()
    units = [Unit("1", source, flags=("c-format",))]
    [outcome] = translate_units(units, lambda texts, prefer: [output], report)
    assert (outcome.text, outcome.ok, outcome.restored.repaired) == (output, True, False)
    assert (report.format_unchecked, report.repaired) == (1, 0)
    assert (
        f"format flags: 1 segment with a source its flag does not fit (c-format on {source!r})"
    ) in report.summary()


def test_the_summary_names_the_flag_and_source_a_source_does_not_fit() -> None:
    """It said "(c-format on %H:%M)" of every such segment, a java-format one too."""
    report = RunReport()
    units = [Unit("1", "Use {name} in templates.", flags=("java-format",))]
    translate_units(units, lambda texts, prefer: ["Nutze {name} in Vorlagen."], report)
    assert "does not fit (java-format on 'Use {name} in templates.')" in report.summary()
    assert "%H:%M" not in report.summary()


def test_translate_file_po(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    result = translate_file(DATA / "demo.po", out, FakeModel(drop=True))
    assert result.translated == 5
    assert result.report.repaired == 1  # "Open %s" lost its %s and got it back
    assert 'msgstr "OPEN %s"' in out.read_text("utf-8")
    assert not progress_path(out).exists()


@pytest.mark.parametrize(("mark_fuzzy", "marked"), [(True, 4), (False, 0)])
def test_the_entries_marked_fuzzy_are_counted_and_said_to_be_ignored_by_gettext(
    tmp_path: Path, mark_fuzzy: bool, marked: int
) -> None:
    """Nothing said that the filled entries were fuzzy, which Django's compilemessages leaves
    out of the .mo file."""
    out = tmp_path / "out.po"
    result = translate_file(DATA / "demo.po", out, FakeModel(), mark_fuzzy=mark_fuzzy)
    assert result.report.entries_marked_fuzzy == marked
    # the plural entry's two forms are one entry; "Close" was fuzzy before, kept as it is
    assert out.read_text("utf-8").count("#, fuzzy") == marked + 1
    said = (
        "4 entries marked fuzzy for review: gettext and the tools that read PO ignore them "
        "until the flag is removed; --no-fuzzy writes them unflagged"
    )
    assert (said in result.report.summary()) is mark_fuzzy
    assert result.report.as_dict()["entries_marked_fuzzy"] == marked


def test_the_entries_marked_fuzzy_point_to_exact_approved_and_a_rerun_counts_none(
    tmp_path: Path,
) -> None:
    """Regression trial godot, session 66: 100 % memory matches written fuzzy were pointed to
    --no-fuzzy alone (which unflags the model's translations too), and a rerun that changed
    nothing said "4 entries marked fuzzy" again."""
    source, out = tmp_path / "app.po", tmp_path / "out.po"
    source.write_text(FUZZY_PO, "utf-8")
    report = translate_file(source, out, FakeModel(), exact=stored_exact).report
    assert (report.entries_marked_fuzzy, report.entries_fuzzy_exact) == (2, 1)
    assert (
        "2 entries marked fuzzy for review: gettext and the tools that read PO ignore them until "
        "the flag is removed; 1 of them is a 100 % memory match, which --exact-approved writes "
        "unflagged (--no-fuzzy unflags the machine translations too)"
    ) in report.summary()
    again = translate_file(out, out, FakeModel(), exact=stored_exact).report
    assert again.exact == 1 and again.entries_marked_fuzzy == 0
    assert "marked fuzzy for review" not in again.summary()


def test_a_suggestion_kept_is_not_recorded_as_ltmts_and_a_rerun_changes_nothing(
    tmp_path: Path,
) -> None:
    """Regression trial rubyget, session 69: after ``msgmerge --previous`` the fuzzy entry
    ``Menu|Help`` carried the reviewed ``Datei`` of ``Menu|File``; the run kept it as a
    suggestion but recorded it as ltmt's, so a rerun that changed nothing translated the
    reviewed ``Menu|File`` again ('1 translated again: their source changed since they were
    translated'), and its counts said 3 + 1 for a 3-entry catalog."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    po = tmp_path / "app.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=n != 1;\\n"\n\n'
        'msgid "Menu|File"\nmsgstr "Datei"\n\n'
        '#, fuzzy\n#| msgid "Menu|File"\nmsgid "Menu|Help"\nmsgstr "Datei"\n\n'
        'msgid "One book"\nmsgid_plural "%d books"\nmsgstr[0] "Ein Buch"\n'
        'msgstr[1] "%d Bücher"\n',
        "utf-8",
    )
    before = po.read_text("utf-8")
    for _ in range(2):
        report = translate_file(po, po, FakeModel(), exact=stored_exact, output_sources=records)
        report = report.report
        assert report.source_changed == 0
        # by entry, the plural's two forms as one: 2 + 1 for the 3 entries
        assert (report.translated_before, report.suggestions_kept) == (2, 1)
    assert "translated again" not in report.summary()
    assert po.read_text("utf-8").split("\n\n", 1)[1] == before.split("\n\n", 1)[1]


FUZZY_PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#, fuzzy, c-format\n#| msgid "Open the file %s"\nmsgid "Open the files %s"\n'
    'msgstr "Die Datei %s öffnen"\n\n'
    '#, fuzzy\n#| msgid "Close the file"\nmsgid "Close the files"\nmsgstr "Die Datei schließen"\n\n'
    'msgid "Save"\nmsgstr ""\n'
)


def stored_exact(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
    """A memory whose only 100 % match is that of ``Open the files %s``."""
    stored = Segment(1, "u1", "Open the files %s", "Die Dateien %s öffnen", 0.0, "api", {})
    return [
        Translation(t, stored.target, (Match(stored, 100.0),), "exact")
        if t == stored.source
        else None
        for t in texts
    ]


@pytest.mark.parametrize(
    ("exact_approved", "flags"), [(False, "#, fuzzy, c-format\n"), (True, "#, c-format\n")]
)
def test_a_fuzzy_entry_gets_its_exact_memory_match(
    tmp_path: Path, exact_approved: bool, flags: str
) -> None:
    source, out = tmp_path / "app.po", tmp_path / "out.po"
    source.write_text(FUZZY_PO, "utf-8")
    model = FakeModel()
    result = translate_file(source, out, model, exact=stored_exact, exact_approved=exact_approved)
    text = out.read_text("utf-8")
    # the memory's translation, reviewed as any 100 % match: msgmerge's "#|" line is gone
    assert f'{flags}msgid "Open the files %s"\nmsgstr "Die Dateien %s öffnen"' in text
    # no 100 % match: msgmerge's suggestion kept, for review, with its "#|" line
    assert (
        '#, fuzzy\n#| msgid "Close the file"\nmsgid "Close the files"\n'
        'msgstr "Die Datei schließen"' in text
    )
    assert model.seen == ["Save"]  # the model never translates a fuzzy entry
    report = result.report
    assert (report.exact, report.no_match, report.suggestions_kept) == (1, 1, 1)
    assert (
        "1 marked fuzzy and kept for review (no 100 % memory match of their context; "
        "--fuzzy-entries translate machine-translates them for their msgid now; --overwrite "
        "translates every entry again, the reviewed ones too)" in report.summary()
    )


CONTEXT_FUZZY_PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#, fuzzy\n#| msgctxt "toolbar"\n#| msgid "Save"\nmsgctxt "toolbar"\nmsgid "_Save"\n'
    'msgstr "Sichern"\n'
)


def exact_of(metadata: dict) -> Callable[[list[str], list[dict]], list[Translation | None]]:
    """A memory whose only 100 % match is ``_Save`` → ``_Speichern``, stored with ``metadata``."""
    stored = Segment(1, "u1", "_Save", "_Speichern", 0.0, "po", metadata)

    def exact(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
        return [
            Translation(t, stored.target, (Match(stored, 100.0),), "exact")
            if t == stored.source
            else None
            for t in texts
        ]

    return exact


@pytest.mark.parametrize("metadata", [{"context": "menu"}, {}, {"context": "toolbar", "plural": 0}])
def test_a_match_of_another_context_keeps_a_fuzzy_entrys_suggestion(
    tmp_path: Path, metadata: dict
) -> None:
    """A 100 % match stored for another ``msgctxt`` (or none, or a plural form) translates the
    words for another place: the translator's suggestion, with its ``#|`` lines, is kept and
    counted, not replaced unsaid."""
    source, out = tmp_path / "ctx.po", tmp_path / "out.po"
    source.write_text(CONTEXT_FUZZY_PO, "utf-8")
    result = translate_file(source, out, FakeModel(), exact=exact_of(metadata), exact_approved=True)
    assert CONTEXT_FUZZY_PO.split("\n\n")[1] in out.read_text("utf-8")
    report = result.report
    assert (report.exact, report.suggestions_kept) == (0, 1)
    assert "1 marked fuzzy and kept for review (no 100 % memory match of their context" in (
        report.summary()
    )


def test_a_match_of_its_own_context_replaces_a_fuzzy_entrys_suggestion(tmp_path: Path) -> None:
    source, out = tmp_path / "ctx.po", tmp_path / "out.po"
    source.write_text(CONTEXT_FUZZY_PO, "utf-8")
    exact = exact_of({"context": "toolbar"})
    result = translate_file(source, out, FakeModel(), exact=exact, exact_approved=True)
    assert 'msgctxt "toolbar"\nmsgid "_Save"\nmsgstr "_Speichern"' in out.read_text("utf-8")
    report = result.report
    assert (report.exact, report.exact_same_context, report.suggestions_kept) == (1, 1, 0)


@pytest.mark.parametrize(("metadata", "flags"), [({}, ""), ({"plural": 1}, "#, fuzzy\n")])
def test_exact_approved_approves_no_match_of_a_plural_form_for_a_plain_entry(
    tmp_path: Path, metadata: dict, flags: str
) -> None:
    """``_Save`` stored as a plural entry's form translates another message: reused, but left
    for review; the same stored as a plain entry is approved."""
    source, out = tmp_path / "plain.po", tmp_path / "out.po"
    source.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "_Save"\nmsgstr ""\n')
    result = translate_file(source, out, exact_of(metadata), exact_approved=True)
    assert f'{flags}msgid "_Save"\nmsgstr "_Speichern"' in out.read_text("utf-8")
    assert (result.report.exact, result.report.exact_same_context) == (1, int(not flags))


XLIFF_TYPO = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="product.tpl" source-language="en-US" target-language="de-DE" datatype="plaintext">
    <body>
      <trans-unit id="37c06ad0"><source>Save %discount%</source><target/></trans-unit>
      <trans-unit id="2d0f6b83"><source>Add to cart</source><target/></trans-unit>
    </body>
  </file>
</xliff>
"""
PO_TYPO = (
    'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
    'msgid "Save %discount%"\nmsgstr ""\n\nmsgid "Add to cart"\nmsgstr ""\n'
)


@pytest.mark.parametrize(
    ("name", "content", "typo", "approved"),
    [
        (
            "next.de-DE.xlf",
            XLIFF_TYPO,
            '<target state="needs-review-translation" state-qualifier="exact-match">'
            "Sie sparen %discount%</target>",
            '<target state="translated" state-qualifier="exact-match">In den Warenkorb</target>',
        ),
        (
            "de.po",
            PO_TYPO,
            '#, fuzzy\nmsgid "Save %discount%"\nmsgstr "Sie sparen %discount%"',
            'msgid "Add to cart"\nmsgstr "In den Warenkorb"',
        ),
    ],
)
def test_exact_approved_approves_no_memory_match_whose_placeholders_were_repaired(
    tmp_path: Path, name: str, content: str, typo: str, approved: str
) -> None:
    """A PrestaShop trial (session 73): a reviewer's ``Sie sparen %discount`` in memory was
    written ``state="translated"`` with ``--exact-approved``, the summary saying ``0 repaired,
    0 could not be repaired``."""
    stored = {"Save %discount%": "Sie sparen %discount", "Add to cart": "In den Warenkorb"}

    def memory(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
        return [
            Translation(
                t,
                stored[t],
                (Match(Segment(1, "u", t, stored[t], 0.0, "xliff", {}), 100.0),),
                "exact",
            )
            for t in texts
        ]

    source, out = tmp_path / name, tmp_path / f"out-{name}"
    source.write_text(content, "utf-8")
    report = translate_file(source, out, memory, exact=memory, exact_approved=True).report
    written = out.read_text("utf-8")
    assert typo in written and approved in written
    assert (report.exact, report.exact_same_context, report.exact_lacking) == (2, 1, 1)
    assert "placeholders: 1 with some, 1 repaired, 0 could not be repaired" in report.summary()


def test_fuzzy_entries_are_kept_without_a_memory_and_translated_with_overwrite(
    tmp_path: Path,
) -> None:
    source, out = tmp_path / "app.po", tmp_path / "out.po"
    source.write_text(FUZZY_PO, "utf-8")
    result = translate_file(source, out, FakeModel())
    assert (result.translated, result.report.translated_before) == (1, 2)
    assert out.read_text("utf-8").count("#| msgid") == 2
    again = tmp_path / "again.po"
    result = translate_file(source, again, FakeModel(), exact=stored_exact, overwrite=True)
    text = again.read_text("utf-8")
    # every entry is the model's (whose exact matches the translate function reuses itself)
    assert 'msgstr "OPEN THE FILES %s"' in text and 'msgstr "CLOSE THE FILES"' in text
    assert "#| msgid" not in text and result.report.suggestions_kept == 0


def test_empty_outputs_leave_units_untranslated(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    result = translate_file(DATA / "demo.po", out, lambda texts, prefer: [""] * len(texts))
    assert (result.translated, result.empty, result.report.not_repairable) == (0, 5, 5)
    assert len([u for u in open_document(out).pending() if not u.suggestion]) == 5


@pytest.mark.parametrize(
    "name",
    [
        "demo.po",
        "demo12.xlf",
        "demo20.xlf",
        "lines.txt",
        "strings.xml",
        "en.json",
        "Localizable.strings",
        "Localizable.stringsdict",
        "en.yml",
        "app_de.ts",
        "Resources.resx",
        "film.en.srt",
        "film.en.vtt",
    ],
)
def test_resume_after_interruption(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    if name == "lines.txt":
        source.write_text("".join(f"line {i} %s\n" for i in range(7)), "utf-8")
    else:
        shutil.copy(DATA / name, source)
    reference = tmp_path / f"reference-{name}"
    translate_file(source, reference, FakeModel())

    out = tmp_path / f"out-{name}"
    # the first unit of demo20 and of the film has paired codes or markup: a second call
    # translates it without them
    first = FakeModel(fail_after=2 if name in ("demo20.xlf", "film.en.srt", "film.en.vtt") else 1)
    with pytest.raises(KeyboardInterrupt):
        translate_file(source, out, first, chunk_size=1, checkpoint_seconds=0)
    assert progress_path(out).exists()
    second = FakeModel()
    result = translate_file(source, out, second, chunk_size=1, checkpoint_seconds=0)
    # the first chunk: one unit, or the units written only together (an Apple plural's)
    assert result.resumed == (3 if name == "Localizable.stringsdict" else 1)
    assert first.seen[0] not in second.seen  # the finished unit was not translated again
    # (a unit with paired codes is also translated without them, and their inner text alone)
    # (a fuzzy PO entry's translation is replaced only by a 100 % memory match: not the model's)
    pending = [u.source for u in open_document(source).pending() if not u.suggestion]
    units_seen = [t for t in first.seen + second.seen if t in pending]
    assert sorted(units_seen) == sorted(pending)
    assert out.read_bytes() == reference.read_bytes()
    assert not progress_path(out).exists()


@pytest.mark.parametrize("edit", ["lines removed", "line edited"])
def test_an_input_changed_since_the_interruption_is_translated_from_the_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, edit: str
) -> None:
    """A text file's output holds no sources: resumed after its input lost lines or had one
    edited, it would hold the old lines' translations, shifted. The progress file's digests
    of the sources done tell the run, which starts over and says so."""
    source = tmp_path / "lines.txt"
    lines = [f"line {i} %s" for i in range(7)]
    source.write_text("".join(line + "\n" for line in lines), "utf-8")
    out = tmp_path / "out.txt"
    with pytest.raises(KeyboardInterrupt):
        translate_file(source, out, FakeModel(fail_after=3), chunk_size=1, checkpoint_seconds=0)
    lines = lines[2:] if edit == "lines removed" else ["close the window", *lines[1:]]
    source.write_text("".join(line + "\n" for line in lines), "utf-8")
    second = FakeModel()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"):
        result = translate_file(source, out, second, chunk_size=1)
    changed = 3 if edit == "lines removed" else 1
    assert caplog.messages == [
        f"{source} changed since the interrupted run ({changed} segment"
        f"{'s' if changed > 1 else ''} of the 3 done then differ now): translating it from "
        "the start"
    ]
    assert result.resumed == 0 and second.seen == lines
    assert out.read_text("utf-8").splitlines() == [fake_translate(line) for line in lines]


def test_a_progress_file_without_digests_is_resumed_as_before(tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("".join(f"line {i}\n" for i in range(4)), "utf-8")
    out = tmp_path / "out.txt"
    with pytest.raises(KeyboardInterrupt):
        translate_file(source, out, FakeModel(fail_after=2), chunk_size=1, checkpoint_seconds=0)
    progress_path(out).write_text('{"done": ["0", "1"]}', "utf-8")  # an older ltmt's
    assert translate_file(source, out, FakeModel(), chunk_size=1).resumed == 2


def test_resume_with_overwrite_does_not_redo_finished_units(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    first = FakeModel(fail_after=2)
    with pytest.raises(KeyboardInterrupt):
        translate_file(
            DATA / "demo.po", out, first, overwrite=True, chunk_size=1, checkpoint_seconds=0
        )
    second = FakeModel()
    translate_file(DATA / "demo.po", out, second, overwrite=True, chunk_size=1)
    assert first.seen == ["Open %s", "Save"]  # the entries done before the interruption
    assert second.seen[:1] == ["Close"]
    # (and "Press <b>OK</b>" again without its markup, and "OK" alone: ltmt.formats.paired_tags)
    assert len(first.seen) + len(second.seen) == 9


def test_a_run_says_how_many_units_it_kept(tmp_path: Path) -> None:
    path = tmp_path / "app.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="a"><source>Show</source><target state="final">Zeigen</target>'
        "</trans-unit>"
        '<trans-unit id="b"><source>Save</source><target state="translated">Sichern</target>'
        "</trans-unit>"
        '<trans-unit id="c"><source>Open</source></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    kept = translate_file(path, tmp_path / "out.xlf", FakeModel()).report
    # the reviewer's sign-off said apart in the first run too: it said "2 translated already"
    assert (kept.translated_before, kept.signed_off) == (1, 1)
    assert kept.summary().endswith(
        "; 1 translated already, kept as it is (--overwrite translates it again); "
        "1 signed off by a reviewer, kept as it is (--overwrite leaves it)"
    )
    overwritten = translate_file(path, tmp_path / "all.xlf", FakeModel(), overwrite=True).report
    assert (overwritten.units, overwritten.translated_before, overwritten.signed_off) == (2, 0, 1)
    assert "1 signed off by a reviewer, kept as it is (--overwrite leaves it)" in (
        overwritten.summary()
    )


TRADOS = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"'
    ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="a"'
    ' source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body>'
    '<trans-unit id="1"><source>Getting started</source><seg-source><mrk mtype="seg" mid="1">'
    'Getting started</mrk></seg-source><target><mrk mtype="seg" mid="1">Erste Schritte</mrk>'
    '</target><sdl:seg-defs><sdl:seg id="1" conf="Translated" locked="true"/></sdl:seg-defs>'
    "</trans-unit>"
    '<trans-unit id="2"><source>Your order has been shipped.</source><seg-source>'
    '<mrk mtype="seg" mid="2">Your order has been shipped.</mrk></seg-source><target>'
    '<mrk mtype="seg" mid="2">Ihre Bestellung wurde versandt.</mrk></target><sdl:seg-defs>'
    '<sdl:seg id="2" conf="ApprovedTranslation"/></sdl:seg-defs></trans-unit>'
    '<trans-unit id="3"><source>Delete the file.</source><seg-source><mrk mtype="seg" mid="3">'
    'Delete the file.</mrk></seg-source><target><mrk mtype="seg" mid="3">Löschen Sie die '
    'Datei.</mrk></target><sdl:seg-defs><sdl:seg id="3" conf="Translated"/></sdl:seg-defs>'
    "</trans-unit>"
    '<trans-unit id="4"><source>Restart the device.</source><seg-source><mrk mtype="seg" '
    'mid="4">Restart the device.</mrk></seg-source><target><mrk mtype="seg" mid="4"/></target>'
    '<sdl:seg-defs><sdl:seg id="4"/></sdl:seg-defs></trans-unit>'
    "</body></file></xliff>"
)


@pytest.mark.parametrize(
    ("overwrite", "said"),
    [
        (
            False,
            "; 1 translated already, kept as it is (--overwrite translates it again); "
            "1 signed off by a reviewer, kept as it is (--overwrite leaves it); "
            "1 locked, left as it is",
        ),
        (
            True,
            "; 1 signed off by a reviewer, kept as it is (--overwrite leaves it); "
            "1 locked, left as it is",
        ),
    ],
)
def test_a_trados_files_signed_off_and_locked_segments_are_said_apart(
    tmp_path: Path, overwrite: bool, said: str
) -> None:
    """A first run on a Trados file said "3 translated already, kept as they are (--overwrite
    translates them again)" of a translated, an approved and a locked segment, the locked one
    never named."""
    path = tmp_path / "manual.docx.sdlxliff"
    path.write_text(TRADOS, encoding="utf-8")
    result = translate_file(path, tmp_path / "out.sdlxliff", FakeModel(), overwrite=overwrite)
    assert result.report.locked == 1
    assert result.report.summary().endswith(said)


COPIED_SOURCE = (
    '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/'
    '1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file '
    'original="cs.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language'
    '="de-DE"><header/><body><trans-unit id="u1"><source>The backup completed successfully. '
    'Older versions are not supported.</source><seg-source><mrk mtype="seg" mid="1">The '
    'backup completed successfully.</mrk> <mrk mtype="seg" mid="2">Older versions are not '
    'supported.</mrk></seg-source><target><mrk mtype="seg" mid="1">The backup completed '
    'successfully.</mrk> <mrk mtype="seg" mid="2">Older versions are not supported.</mrk>'
    '</target><sdl:seg-defs><sdl:seg id="1" conf="Draft" origin="source"/><sdl:seg id="2" '
    'conf="Draft" origin="source"/></sdl:seg-defs></trans-unit></body></file></xliff>'
)


def test_a_trados_copy_of_the_source_is_translated_and_said(tmp_path: Path) -> None:
    """Trados's "copy source to target" segments were "2 translated already, kept as they
    are" and stayed English (session 72)."""
    path = tmp_path / "copysrc.sdlxliff"
    path.write_text(COPIED_SOURCE, encoding="utf-8")
    result = translate_file(path, tmp_path / "out.sdlxliff", FakeModel())
    summary = result.report.summary()
    assert summary.endswith("; 2 copies of the source translated")
    assert "translated already" not in summary
    written = (tmp_path / "out.sdlxliff").read_text("utf-8")
    assert written.count('conf="Draft" origin="mt" origin-system="ltmt"') == 2
    assert ">The backup completed successfully.</mrk> <mrk" not in written.split("<target")[1]


_OKAPI_12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="faq.html" '
    'source-language="en-US" target-language="de-DE" datatype="x-undefined"><body>{units}'
    "</body></file></xliff>"
)


def _units_12(*pairs: tuple[str, str]) -> str:
    return "".join(
        f'<trans-unit id="u{i}"><source>{source}</source><target>{target}</target></trans-unit>'
        for i, (source, target) in enumerate(pairs)
    )


def test_an_okapi_copy_of_the_source_is_translated_and_said(tmp_path: Path) -> None:
    """Okapi Tikal writes every 1.2 target as its source, without a state: "13 translated
    already", exit 0, the job English (trial s73 xliff2; a PrestaShop en-US catalog copied
    as de-DE alike)."""
    path = tmp_path / "faq.xlf"
    units = _units_12(
        ("How do I open an image?", "How do I open an image?"), ("Quantity", "Quantity")
    )
    path.write_text(_OKAPI_12.format(units=units), "utf-8")
    model = FakeModel()
    result = translate_file(path, tmp_path / "faq.de.xlf", model)
    assert model.seen == ["How do I open an image?", "Quantity"]
    summary = result.report.summary()
    assert summary.endswith("; 2 copies of the source translated")
    assert "translated already" not in summary


def test_a_translators_english_in_a_12_file_is_kept_counted_and_translated_on_request(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A 1.2 target without a state that copies its source, in a file that translates the
    rest, may be a translator's English: kept, counted as a copy of the source, not as
    translated already; ``translate_copies`` translates it alone, a reviewer's
    ``translated`` copy kept."""
    path = tmp_path / "app.xlf"
    units = _units_12(
        ("Terms of Service", "Terms of Service"),
        ("Save changes", "Änderungen speichern"),
        ("Open the file", "Datei öffnen"),
    )
    reviewed = '<trans-unit id="r"><source>Live Chat</source><target state="translated">'
    path.write_text(_OKAPI_12.format(units=units + reviewed + "Live Chat</target></trans-unit>"))
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(path, tmp_path / "kept.xlf", model)
    assert (model.seen, caplog.messages) == ([], [])  # 1 of 4: no warning
    assert result.report.summary().endswith(
        "; 3 translated already, kept as they are (--overwrite translates them again); 1 copy "
        "of the source kept as translations (--copies translate translates it)"
    )
    result = translate_file(path, tmp_path / "translated.xlf", model, translate_copies=True)
    assert model.seen == ["Terms of Service"]
    assert result.report.summary().endswith(
        "; 3 translated already, kept as they are (--overwrite translates them again); 1 copy "
        "of the source translated"
    )


def test_an_interrupt_saves_the_chunks_finished_since_the_last_checkpoint(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A checkpoint a minute: a Ctrl-C saves what was done since, and says so."""
    out = tmp_path / "out.po"
    first = FakeModel(fail_after=2)
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"),
        pytest.raises(KeyboardInterrupt),
    ):
        translate_file(DATA / "demo.po", out, first, chunk_size=1, checkpoint_seconds=3600)
    assert progress_path(out).exists()
    assert caplog.messages == [
        # "Open %s", then the plural's two forms: a chunk never splits them
        f"3 segments of 5 done and saved in {out}; the same command again continues from there"
    ]
    second = FakeModel()
    assert translate_file(DATA / "demo.po", out, second, chunk_size=1).resumed == 3
    assert len(first.seen) + len(second.seen) == 7  # with "Press OK" and "OK" of "Press <b>OK</b>"


def test_resume_translates_again_what_the_output_lost(tmp_path: Path) -> None:
    """A plural is written only whole: one whose form came out empty before the stop is not in
    the output, and the next run translates its forms again."""
    source = tmp_path / "strings.xml"
    shutil.copy(DATA / "strings.xml", source)
    reference = tmp_path / "reference.xml"
    translate_file(source, reference, FakeModel())
    out = tmp_path / "out.xml"
    first = FakeModel(fail_after=3)

    def empty_other_form(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return ["" if text == "%d files" else out for text, out in zip(texts, first(texts))]

    with pytest.raises(KeyboardInterrupt):
        translate_file(source, out, empty_other_form, chunk_size=1, checkpoint_seconds=0)
    assert "%d file" in first.seen and "Quit" not in first.seen
    second = FakeModel()
    result = translate_file(source, out, second, chunk_size=1)
    assert second.seen == ["%d file", "%d files", "Quit"]
    assert result.resumed == 2
    assert out.read_bytes() == reference.read_bytes()


def test_an_interrupt_is_told_to_the_caller_who_asks(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder's run says what it saved of the file it was translating in its own message
    (it logged the file's alone: 'nothing was saved', though other files were)."""
    out, told = tmp_path / "out.po", []
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"),
        pytest.raises(KeyboardInterrupt),
    ):
        translate_file(
            DATA / "demo.po", out, FakeModel(fail_after=2), chunk_size=1, interrupted=told.append
        )
    assert told == [f"3 segments of 5 done and saved in {out}"] and caplog.messages == []


def test_progress_starts_with_the_units_done_before_and_all_of_them(tmp_path: Path) -> None:
    out, started, advanced = tmp_path / "out.po", [], []
    with pytest.raises(KeyboardInterrupt):
        translate_file(DATA / "demo.po", out, FakeModel(fail_after=2), chunk_size=1)
    translate_file(
        DATA / "demo.po",
        out,
        FakeModel(),
        chunk_size=1,
        progress=advanced.append,
        progress_start=lambda done, total: started.append((done, total)),
    )
    assert started == [(3, 5)] and sum(advanced) == 2


def test_an_interrupt_before_anything_is_done_says_nothing_was_saved(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out.po"
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"),
        pytest.raises(KeyboardInterrupt),
    ):
        translate_file(DATA / "demo.po", out, FakeModel(fail_after=0), chunk_size=4)
    assert caplog.messages == [
        "nothing was saved: the first 4 segments were not done yet (segments are saved 4 at a time)"
    ]
    assert not out.exists() and not progress_path(out).exists()


def test_an_interrupt_before_a_single_segment_is_done_says_so_in_the_singular(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """(it said "the first 1 segments were not done yet")"""
    source = tmp_path / "one.txt"
    source.write_text("Open the file\n", "utf-8")
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"),
        pytest.raises(KeyboardInterrupt),
    ):
        translate_file(source, tmp_path / "one.de.txt", FakeModel(fail_after=0))
    assert caplog.messages == [
        "nothing was saved: the first segment was not done yet (segments are saved 32 at a time "
        "at first)"
    ]


@pytest.mark.parametrize(
    ("count", "sizes"),
    [
        (1, [1]),
        (32, [32]),
        (150, [32, 32, 64, 22]),  # a subtitle episode: 128 kept if its last chunk is stopped
        (300, [32, 32, 64, 128, 44]),
        (700, [32, 32, 64, 128, 256, 188]),
    ],
)
def test_a_run_saves_small_chunks_first_then_256_at_a_time(count: int, sizes: list[int]) -> None:
    """Each chunk is as large as all before it: an interrupt loses at most the one it stopped
    (never more than half of what was finished), and a long run soon decodes 256 at a time."""
    units = [Unit(str(n), f"line {n}") for n in range(count)]
    assert [len(chunk) for chunk in _chunks(units, 256, 32)] == sizes


def test_small_chunks_never_split_the_units_written_together() -> None:
    """(a plural's forms, a group: the chunk that reaches one takes it whole)"""
    units = [Unit(str(n), f"line {n}") for n in range(31)]
    units += [Unit(f"p{n}", f"form {n}", entry="plural") for n in range(3)]
    units += [Unit(str(n), f"line {n}") for n in range(31, 62)]
    assert [len(chunk) for chunk in _chunks(units, 256, 32)] == [34, 31]


def test_the_first_chunk_is_never_larger_than_the_largest() -> None:
    units = [Unit(str(n), f"line {n}") for n in range(10)]
    assert [len(chunk) for chunk in _chunks(units, 4, 32)] == [4, 4, 2]


@pytest.mark.parametrize("suffix", [".txt", ".srt"])
def test_an_interrupt_of_a_short_file_keeps_the_chunks_finished(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, suffix: str
) -> None:
    """A 150-cue subtitle, interrupted in its fourth chunk: 128 of its segments kept, and the
    same command again translates only the other 22, into the output an uninterrupted run
    writes (it saved nothing: segments were saved 256 at a time)."""
    source = tmp_path / f"episode{suffix}"
    lines = [f"Line number {n} is here." for n in range(150)]
    if suffix == ".srt":
        cues = [
            f"{n + 1}\n00:{n // 20:02d}:{n % 20 * 3:02d},000 --> 00:{n // 20:02d}:{n % 20 * 3 + 2:02d},500"
            f"\n{line}\n"
            for n, line in enumerate(lines)
        ]
        source.write_text("\n".join(cues), "utf-8")
    else:
        source.write_text("\n".join(lines) + "\n", "utf-8")
    reference = tmp_path / f"reference{suffix}"
    translate_file(source, reference, FakeModel())
    out = tmp_path / f"episode.de{suffix}"
    first = FakeModel(fail_after=3)
    with (
        caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"),
        pytest.raises(KeyboardInterrupt),
    ):
        translate_file(source, out, first, checkpoint_seconds=3600)
    assert caplog.messages == [
        f"128 segments of 150 done and saved in {out}; the same command again continues from there"
    ]
    assert len(first.seen) == 128 and progress_path(out).exists()
    second = FakeModel()
    assert translate_file(source, out, second).resumed == 128
    assert second.seen == lines[128:]
    assert out.read_bytes() == reference.read_bytes() and not progress_path(out).exists()


def test_without_resume_starts_over(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    with pytest.raises(KeyboardInterrupt):
        translate_file(
            DATA / "demo.po", out, FakeModel(fail_after=1), chunk_size=1, checkpoint_seconds=0
        )
    again = FakeModel()
    translate_file(DATA / "demo.po", out, again, resume=False)
    assert len(again.seen) == 7  # every entry, and "Press OK" and "OK" of "Press <b>OK</b>"


@pytest.mark.parametrize(
    ("name", "text", "hint"),
    [
        (
            "demo.po",
            'msgstr "Datei öffnen"',
            "to keep them, update it from the template (pybabel update / msgmerge), then "
            "translate the .po into itself: ltmt translate {out} -o {out}",
        ),
        (
            "Localizable.xcstrings",
            '"state" : "translated"',
            "delete it or give another output (to keep them, translate it into a new file)",
        ),
    ],
)
def test_a_catalogs_finished_output_is_not_replaced(
    tmp_path: Path, name: str, text: str, hint: str
) -> None:
    """A catalog holding both languages took its translations from the input: a second run
    replaced what a reviewer changed in the output with machine translations. A PO catalog's
    hint is the PO way: update it from the template, then fill it in place."""
    source = tmp_path / name
    if name.endswith(".po"):
        shutil.copy(DATA / "demo.po", source)
    else:
        source.write_text('{"sourceLanguage" : "en", "strings" : {"Open" : {}}}', "utf-8")
    out = tmp_path / f"out-{name}"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    out.write_text(out.read_text("utf-8") + f"\n{text}\n", "utf-8")  # as reviewed
    reviewed = out.read_bytes()
    message = rf"^{out} exists and may hold reviewed translations that this run would replace; "
    with pytest.raises(InputError, match=message + re.escape(hint.format(out=out)) + "$"):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == reviewed


def test_an_interrupted_or_empty_catalog_output_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    with pytest.raises(KeyboardInterrupt):
        translate_file(
            DATA / "demo.po", out, FakeModel(fail_after=1), chunk_size=1, checkpoint_seconds=0
        )
    assert translate_file(DATA / "demo.po", out, FakeModel()).resumed == 1  # its own: continued
    empty = tmp_path / "empty.po"
    empty.write_bytes(b"")  # made by touch: no translation in it
    assert translate_file(DATA / "demo.po", empty, FakeModel()).translated == 5


def test_output_must_not_be_the_input(tmp_path: Path) -> None:
    path = tmp_path / "en.json"
    shutil.copy(DATA / "en.json", path)
    with pytest.raises(
        InputError,
        match=r"en.json: the output must not be the input file \(only a file that holds every "
        r"language, or a PO, XLIFF or Qt .ts file, is filled in place\)$",
    ):
        translate_file(path, path, FakeModel())


@pytest.mark.parametrize("name", ["demo.po", "demo12.xlf"])
def test_a_po_or_xliff_file_is_filled_in_place(tmp_path: Path, name: str) -> None:
    """``-o i18n/de.po`` on ``i18n/de.po`` was refused (an Odoo trial, session 65), though a PO
    file holds both languages and its tools fill it in place; XLIFF alike."""
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    before = len([u for u in open_document(path).pending() if not u.suggestion])
    result = translate_file(path, path, FakeModel())
    assert before and result.translated == before
    assert [u for u in open_document(path).pending() if not u.suggestion] == []
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no progress file nor temporary


def test_a_template_is_not_filled_in_place(tmp_path: Path) -> None:
    path = tmp_path / "template.pot"
    shutil.copy(DATA / "template.pot", path)
    with pytest.raises(
        InputError,
        match=r"template.pot: a template \(.pot\) is not filled in place, each language's catalog "
        r"is made from it; name the output for its language \(de.po\)$",
    ):
        translate_file(path, path, FakeModel())
    assert path.read_bytes() == (DATA / "template.pot").read_bytes()


EVERY_LANGUAGE = {
    "Localizable.xcstrings": (
        '{\n  "sourceLanguage" : "en",\n  "strings" : {\n'
        '    "Open" : {\n\n    },\n'
        '    "Save" : {\n      "localizations" : {\n        "de" : {\n'
        '          "stringUnit" : {\n            "state" : "translated",\n'
        '            "value" : "Sichern"\n          }\n        }\n      }\n    },\n'
        '    "Quit" : {\n\n    }\n  },\n  "version" : "1.0"\n}\n'
    ),
    "strings.csv": "keys,en,fr,de\nOPEN,Open,Ouvrir,\nSAVE,Save,Enregistrer,Sichern\nQUIT,Quit,,\n",
}


@pytest.mark.parametrize("name", list(EVERY_LANGUAGE))
def test_a_file_of_every_language_is_filled_in_place(tmp_path: Path, name: str) -> None:
    """An Xcode string catalog or a CSV table is one file for every language, meant to be
    filled where it is: its own translations are kept, as into another output, and an
    interrupted run continues."""
    source = tmp_path / name
    source.write_text(EVERY_LANGUAGE[name], "utf-8")
    reference = tmp_path / f"reference-{name}"
    languages = {"src_lang": "en", "tgt_lang": "de"}
    translate_file(source, reference, FakeModel(), **languages)
    first = FakeModel(fail_after=1)
    with pytest.raises(KeyboardInterrupt):
        translate_file(source, source, first, chunk_size=1, checkpoint_seconds=0, **languages)
    assert progress_path(source).exists()
    second = FakeModel()
    result = translate_file(source, source, second, chunk_size=1, checkpoint_seconds=0, **languages)
    assert (result.resumed, second.seen) == (1, ["Quit"])
    assert source.read_bytes() == reference.read_bytes()
    assert "Sichern" in reference.read_text("utf-8")  # the translation it had, kept
    assert not progress_path(source).exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "de.xlf",
            "its extension says XLIFF, but translate writes the input's format, PO; give it "
            "a .po extension",
        ),
        ("de.pot", None),  # another extension of the same format
    ],
)
def test_the_output_is_named_as_what_it_holds(tmp_path: Path, name: str, message) -> None:
    out = tmp_path / name
    if message is None:
        translate_file(DATA / "demo.po", out, FakeModel())
        assert out.exists()
        return
    with pytest.raises(InputError, match=rf"^{out}: {message}$"):
        translate_file(DATA / "demo.po", out, FakeModel())
    assert not out.exists()


def test_a_kind_of_file_keeps_its_extension(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.ods"
    sheet.write_bytes(b"")  # refused by name before it is read
    out = tmp_path / "out.odt"
    with pytest.raises(InputError, match=r"sheet.ods's translation keeps its extension, \.ods"):
        translate_file(sheet, out, FakeModel())
    assert not out.exists()


def test_unreadable_progress_file(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    shutil.copy(DATA / "demo.po", out)
    progress_path(out).write_text("{not json", "utf-8")
    with pytest.raises(
        InputError, match=r"out.po.ltmt-progress: unreadable progress file; delete it"
    ):
        translate_file(DATA / "demo.po", out, FakeModel())


def test_a_100_percent_match_is_reused_as_stored() -> None:
    """A URL, a path or a tag only the approved target has is the translator's: not removed as
    a model's invention would be; a match of other placeholders or edges is fitted as before."""
    from ltmt.formats.placeholders import fit_translation
    from ltmt.segments import Match, Segment, Translation

    def exact(source: str, stored_source: str, target: str) -> Translation:
        stored = Segment(1, "u", stored_source, target, 0.0, "api", {})
        return Translation(source, target, (Match(stored, 100.0),), "exact")

    stored = {
        "Read the help page.": exact(
            "Read the help page.", "Read the help page.", "Lies die Hilfe (https://example.de/h)."
        ),
        "Path": exact("Path", "Path", "C:\\Fotos\\neu"),
        "read the help page.": exact(  # another case, the same placeholders: as stored too
            "read the help page.", "Read the help page.", "Lies die Hilfe (https://example.de/h)."
        ),
        "Open %s": exact("Open %s", "Open %S", "Öffne %S"),  # other placeholders: fitted
    }
    outcomes = translate_texts(list(stored), lambda texts, _: [stored[t] for t in texts])
    assert [o.text for o in outcomes] == [
        "Lies die Hilfe (https://example.de/h).",
        "C:\\Fotos\\neu",
        "Lies die Hilfe (https://example.de/h).",
        "Öffne %s",
    ]
    assert [o.repaired for o in outcomes] == [False, False, False, True]
    assert fit_translation(stored["Path"]).text == "C:\\Fotos\\neu"  # the API's fitting alike


def test_a_plural_first_form_from_memory_without_its_count_is_shipped() -> None:
    """A reviewed ``Eine Datei gelöscht.`` for ``Deleted %d file.`` failed the format check
    as stored, and its whole entry came back empty."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Match, Segment, Translation

    def memory(texts, prefer):
        stored = {"Deleted %d file.": "Eine Datei gelöscht.", "Deleted %d files.": "%d gelöscht."}
        return [
            Translation(
                t, stored[t], (Match(Segment(1, "u", t, stored[t], 0.0, "po", {}), 100.0),), "exact"
            )
            for t in texts
        ]

    forms = [
        Unit("0#0", "Deleted %d file.", flags=("c-format",), entry="0", form=0),
        Unit("0#1", "Deleted %d files.", flags=("c-format",), entry="0", form=1),
    ]
    outcomes = translate_units(forms, memory)
    assert [(o.text, o.ok) for o in outcomes] == [
        ("Eine Datei gelöscht.", True),
        ("%d gelöscht.", True),
    ]


def test_report_counts_what_each_unit_became() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Match, Segment, Translation

    stored = Segment(1, "u", "Open", "Öffnen", 0.0, "api", {"context": "menu"})

    def model(texts, prefer):
        outputs = {"Open": Translation("Open", "Öffnen", (Match(stored, 100.0),), "exact")}
        outputs["open"] = Translation("open", "Öffnen", (Match(stored, 100.0),), "exact")
        outputs["Open %s"] = Translation("Open %s", "Öffne", (), "knn")
        outputs["x %s"] = Translation("x %s", "", (), "model")
        outputs["%(n)d keys"] = Translation("%(n)d keys", "%(n) Schlüssel %(m)s", (), "model")
        return [outputs[t] for t in texts]

    units = [
        Unit("0", "Open", context="menu"),
        Unit("1", "Open", context="verb"),
        Unit("2", "Open %s"),
        Unit("3", "x %s"),
        Unit("4", "%(n)d keys", flags=("python-format",)),
        Unit("5", "open", context="menu"),  # a 100 % match in another case: not approved
    ]
    report = RunReport()
    outcomes = translate_units(units, model, report)
    assert [o.ok for o in outcomes] == [True, True, True, False, True, True]
    assert outcomes[4].text == "%(n)d Schlüssel"
    assert [o.exact_same_context for o in outcomes] == [True, False, False, False, False, False]
    assert (report.units, report.exact, report.exact_same_context, report.fuzzy) == (6, 3, 1, 1)
    assert (report.no_match, report.repaired, report.not_repairable) == (2, 2, 1)
    line = report.summary()
    assert "memory: 3 exact, 1 fuzzy used by fusion, 2 without a usable match" in line
    assert "3 with some, 2 repaired, 1 could not be repaired" in line
    assert report.as_dict()["examples"] == ["'x %s': empty translation"]
    assert report.copy_guarded == 0 and "decoded again" not in line


def test_fused_translations_the_copy_guard_decoded_again_are_counted() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):
        return [
            Translation(t, "Übersetzt", (), "knn", copy_guarded=t.startswith("guarded"))
            for t in texts
        ]

    report = RunReport()
    translate_units([Unit("0", "guarded one"), Unit("1", "plain one")], model, report)
    assert (report.fuzzy, report.copy_guarded) == (2, 1)
    assert (
        "memory: 0 exact, 2 fuzzy used by fusion (1 decoded again after copying a match of "
        "other words), 0 without a usable match" in report.summary()
    )
    assert report.as_dict()["copy_guarded"] == 1


def test_a_match_set_aside_by_a_guard_is_said_beside_those_without_a_usable_one() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):
        return [Translation(t, "Übersetzt", (), "model", match_set_aside="20" in t) for t in texts]

    report = RunReport()
    units = [Unit("0", "The cap is EUR 20,000."), Unit("1", "plain one")]
    translate_units(units, model, report)
    assert (report.no_match, report.matches_set_aside) == (2, 1)
    assert (
        "0 fuzzy used by fusion, 2 without a usable match (1 of them with a match set aside: its "
        "translation changed a number, frequency or placeholder of the source, lacked its "
        "negation, stopped where the match goes on, said the match's negation or comparison "
        "where the source differs or said a weak match's words)"
    ) in report.summary()
    assert report.as_dict()["matches_set_aside"] == 1
    report = RunReport()
    translate_units(units[1:], model, report)
    assert report.summary().count("without a usable match;") == 1  # nothing said in brackets


def test_fused_translations_still_copying_a_match_of_other_words_are_named() -> None:
    """Not counted as decoded again: the copy guard changed nothing; named for review."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):
        return [
            Translation(t, "Übersetzt", (), "knn", copies_other_words=t.startswith("copy"))
            for t in texts
        ]

    report = RunReport()
    translate_units([Unit("0", "copy of the app"), Unit("1", "plain one")], model, report)
    assert (report.fuzzy, report.copy_guarded, report.copies_other_words) == (2, 0, 1)
    line = report.summary()
    assert "2 fuzzy used by fusion, 0 without a usable match" in line
    assert "1 translated as a stored match of other words: words the source adds may be " in line
    assert "(check them: 'copy of the app')" in line
    assert report.as_dict()["examples"] == [
        "'copy of the app': translated as a stored match of other words"
    ]


def test_translations_whose_numbers_were_repaired_are_counted() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):
        return [Translation(t, t, (), "model", numbers_repaired=t.startswith("E")) for t in texts]

    report = RunReport()
    translate_units([Unit("0", "E766: x"), Unit("1", "plain"), Unit("2", "E54: y")], model, report)
    assert report.numbers_repaired == 2 and report.as_dict()["numbers_repaired"] == 2
    assert "0 could not be repaired; numbers: 2 repaired;" in report.summary()
    assert "numbers:" not in RunReport(units=1).summary()  # said only when some were


def test_translations_whose_numbers_could_not_be_repaired_are_not_counted_as_repaired() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):  # "1.299,99,99" for "1,299.99": changed, still wrong
        return [Translation(t, t, (), "model", numbers_not_repairable=True) for t in texts]

    report = RunReport()
    translate_units([Unit("0", "The price is 1,299.99 EUR.")], model, report)
    assert (report.numbers_repaired, report.as_dict()["numbers_not_repairable"]) == (0, 1)
    assert (
        "numbers: 0 repaired, 1 could not be repaired (check them: 'The price is 1,299.99 EUR.')"
    ) in report.summary()


def test_translations_whose_line_seams_were_repaired_are_counted() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):
        return [Translation(t, t, (), "model", seams_repaired="\n" in t) for t in texts]

    report = RunReport()
    translate_units([Unit("0", "a b\nb c"), Unit("1", "plain")], model, report)
    assert report.seams_repaired == 1 and report.as_dict()["seams_repaired"] == 1
    assert "line breaks: 1 multi-line segment repeated words across one, now written once" in (
        report.summary()
    )
    assert "line breaks:" not in RunReport(units=1).summary()  # said only when some were


def test_only_lines_split_into_sentences_count_as_split() -> None:
    """A two-line entry translated line by line is not a "long segment split" (it was, in
    `ltmt translate de.po`'s summary for "Press <b>OK</b>\\nto continue")."""
    from ltmt.segments import Translation

    two_lines = "Press OK\nto continue"
    columns = "--log <file>\tStart logging\tnow"
    long_line = "First sentence. Second sentence."

    def model(texts, prefer):
        pieces = {two_lines: 2, columns: 2, long_line: 2}
        return [Translation(t, t.upper(), (), "model", pieces=pieces[t]) for t in texts]

    report = RunReport()
    translate_texts([two_lines, columns, long_line], model, report)
    assert (report.units, report.split) == (3, 1)


def test_a_short_line_given_to_the_model_by_sentence_is_no_long_segment_split() -> None:
    """``Payment failed. Please check your card details.`` (48 characters, given to the model
    a sentence at a time) was summed up as ``1 long segment split``."""
    from ltmt.segments import Translation

    line = "Payment failed. Please check your card details."
    report = RunReport()
    translate_texts(
        [line],
        lambda texts, prefer: [
            Translation(t, t.upper(), (), "model", pieces=2, sentence_split=True) for t in texts
        ],
        report,
    )
    assert (report.split, report.sentence_split) == (0, 1)
    assert "1 segment translated sentence by sentence" in report.summary()
    assert "long segment" not in report.summary()


@pytest.mark.parametrize(("pieces", "split"), [(2, 0), (3, 1)])
def test_a_line_translated_by_sentence_for_memory_is_no_long_segment_split(pieces, split) -> None:
    """Each short line of two sentences that memory had translated a sentence at a time was
    counted as a "long segment split"; it is one only where a sentence was split again."""
    line = "Save your changes. See section 4.2 for details."

    def model(texts, prefer):
        return [Translation(t, t.upper(), (), "knn", pieces=pieces, by_sentence=2) for t in texts]

    report = RunReport()
    translate_texts([line], model, report)
    assert report.split == split


def test_code_left_as_written_is_not_a_copy() -> None:
    from ltmt.segments import Translation

    report = RunReport()
    translate_texts(
        ["--help", "Save", "%A, %H:%M"],
        lambda texts, prefer: [Translation(t, t) for t in texts],
        report,
    )
    assert report.copied == 1  # Save: a time format stays as written in many languages


CONTEXT_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "menu"
msgid "Save"
msgstr ""

msgid "Save"
msgstr ""

msgctxt "dialog"
msgid "Open the file"
msgstr ""

msgid "%s: %s"
msgstr ""

msgid "CmdOrCtrl+Shift+F"
msgstr ""
"""


def test_msgctxt_entries_are_translated_and_copies_counted(tmp_path: Path) -> None:
    """A msgctxt entry goes to the model like any other (its context only steers memory
    matches); the default model copies some short words ("Save"), with or without a context,
    and the run says so."""
    source = tmp_path / "ctx.po"
    source.write_text(CONTEXT_PO, "utf-8")
    seen: list[tuple[str, dict]] = []

    def copying_model(texts: list[str], prefer: list[dict]) -> list[str]:
        seen.extend(zip(texts, prefer, strict=True))
        return [{"Open the file": "Datei öffnen"}.get(t, t) for t in texts]

    result = translate_file(source, tmp_path / "out.po", copying_model)
    assert seen == [
        ("Save", {"context": "menu"}),
        ("Save", {"context": ""}),
        ("Open the file", {"context": "dialog"}),
        ("%s: %s", {"context": ""}),
        ("CmdOrCtrl+Shift+F", {"context": ""}),
    ]
    written = (tmp_path / "out.po").read_text("utf-8")
    assert 'msgctxt "menu"\nmsgid "Save"\nmsgstr "Save"' in written
    assert 'msgctxt "dialog"\nmsgid "Open the file"\nmsgstr "Datei öffnen"' in written
    # the two "Save"; "%s: %s" has no word to translate, a key identifier stays as written
    assert result.report.copied == 2
    assert "; 2 left as in the source by the model (check them: 'Save', 'Save')" in (
        result.report.summary()
    )
    assert result.report.summary().startswith("5 segments (")


def test_one_segment_is_singular() -> None:
    assert RunReport(units=1).summary().startswith("1 segment (0.0/s); ")


def test_units_translated_before_are_counted_and_said(tmp_path: Path) -> None:
    """Counted by entry, a plural's forms together, as the suggestions kept are."""
    out, again = tmp_path / "out.po", tmp_path / "again.po"
    first = translate_file(DATA / "demo.po", out, FakeModel())
    demo = open_document(DATA / "demo.po")
    pending = {u.key for u in demo.pending(False) if not u.suggestion}  # no memory: kept
    entries = {u.entry or u.key for u in demo.units() if u.source.strip()}
    before = len({u.entry or u.key for u in demo.units() if u.key not in pending})
    assert any(u.form for u in demo.units())  # a plural entry: fewer entries than units
    assert first.report.translated_before == before
    second = translate_file(out, again, FakeModel())
    assert (second.translated, second.report.units) == (0, 0)
    assert second.report.translated_before == len(entries)
    assert second.report.summary().endswith(
        f"; {len(entries)} translated already, kept as they are (--overwrite translates them again)"
    )
    assert second.report.as_dict()["translated_before"] == len(entries)
    redone = translate_file(out, tmp_path / "redone.po", FakeModel(), overwrite=True)
    assert redone.report.translated_before == 0 and redone.translated == first.translated + before


@pytest.mark.parametrize(
    ("context", "state"), [("", "needs-review-translation"), ("greeting", "translated")]
)
def test_xliff12_says_which_targets_are_100_percent_memory_matches(
    tmp_path: Path, context: str, state: str
) -> None:
    """With --exact-approved, a match of the unit's own context (its resname) is approved."""
    from lxml import etree

    from ltmt.segments import Match, Segment, Translation

    source, target = "Hello & welcome, %s!", "Hallo und willkommen, %s!"
    stored = Segment(1, "u", source, target, 0.0, "api", {"context": context})

    def model(texts, prefer):
        return [
            Translation(t, target, (Match(stored, 100.0),), "exact")
            if t == source
            else Translation(t, t.upper(), (), "knn")
            for t in texts
        ]

    out = tmp_path / "out.xlf"
    translate_file(DATA / "demo12.xlf", out, model, exact_approved=True)
    ns = "{urn:oasis:names:tc:xliff:document:1.2}"
    root = etree.parse(str(out))
    units = {u.get("id"): u.find(f"{ns}target") for u in root.iter(f"{ns}trans-unit")}
    greeting, tags = units["greeting"], units["tags"]
    assert (greeting.text, greeting.get("state")) == (target, state)
    assert greeting.get("state-qualifier") == "exact-match"
    assert (tags.get("state"), tags.get("state-qualifier")) == (
        "needs-review-translation",
        "mt-suggestion",
    )


@pytest.mark.parametrize(
    "name",
    [
        "strings.xml",
        "en.json",
        "en.yml",
        "Localizable.strings",
        "Resources.resx",
        "film.en.srt",
        "film.en.vtt",
    ],
)
def test_a_windows_file_is_translated_into_a_windows_file(tmp_path: Path, name: str) -> None:
    """Line ends and a UTF-8 byte order mark are the source file's."""
    mark = b"\xef\xbb\xbf"
    unix = tmp_path / f"unix-{name}"
    shutil.copy(DATA / name, unix)
    windows = tmp_path / f"windows-{name}"
    windows.write_bytes(mark + unix.read_bytes().replace(b"\n", b"\r\n"))
    translate_file(unix, tmp_path / f"out-unix-{name}", FakeModel())
    translate_file(windows, tmp_path / f"out-windows-{name}", FakeModel())
    expected = (tmp_path / f"out-unix-{name}").read_bytes().replace(b"\n", b"\r\n")
    written = (tmp_path / f"out-windows-{name}").read_bytes()
    assert written == mark + expected


def test_an_empty_output_is_no_translation_so_far(tmp_path: Path) -> None:
    source = tmp_path / "en.properties"
    source.write_text("a = open the file\n", "utf-8")
    out = tmp_path / "de.properties"
    out.write_bytes(b"\n")  # made by touch, or by a run with nothing to write
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == "a = OPEN THE FILE\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [("en.properties", "a = Half \\udacb here\n"), ("en.yml", 'en:\n  a: "Half \\udacb here"\n')],
)
def test_half_a_character_is_refused_and_a_whole_one_read(
    tmp_path: Path, name: str, text: str
) -> None:
    source = tmp_path / name
    source.write_text(text, "utf-8")
    with pytest.raises(InputError, match=r"string 'a' holds \\udacb, half of a UTF-16 surrogate"):
        open_document(source, tgt_lang="de")
    source.write_text(text.replace("\\udacb", "\\ud83d\\ude00"), "utf-8")
    [unit] = open_document(source, tgt_lang="de").units()
    assert unit.source == "Half 😀 here"


def test_translations_whose_doubled_words_were_repaired_are_counted() -> None:
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    def model(texts, prefer):
        return [Translation(t, t, (), "model", doubled_repaired=t == "twice") for t in texts]

    report = RunReport()
    translate_units([Unit("0", "twice"), Unit("1", "plain")], model, report)
    assert report.doubled_repaired == 1 and report.as_dict()["doubled_repaired"] == 1
    assert "doubled words: 1 written once" in report.summary()
    assert "doubled words:" not in RunReport(units=1).summary()


def test_translations_rid_of_a_stray_quote_mark_are_counted() -> None:
    """The summary said ``0 repaired`` of ``%date%«`` (trial s77)."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Translation

    outputs = {
        'The coupon "%code%" expired on %date%.': "Der Coupon »%code%« ist auf %date%« abgelaufen.",
        "Click Save": "Klicken Sie auf „Speichern“",
    }

    def model(texts, prefer):
        return [Translation(t, outputs[t], (), "model", target_language="de") for t in texts]

    report = RunReport()
    units = [Unit(str(i), source) for i, source in enumerate(outputs)]
    outcomes = translate_units(units, model, report)
    assert [o.text for o in outcomes] == [
        "Der Coupon »%code%« ist auf %date% abgelaufen.",
        "Klicken Sie auf „Speichern“",
    ]
    assert report.stray_quotes == 1 and report.as_dict()["stray_quotes"] == 1
    assert "quote marks: 1 rid of a stray one the source lacks (it paired with nothing)" in (
        report.summary()
    )
    assert "quote marks:" not in RunReport(units=1).summary()


@pytest.mark.skipif(
    dictionary_for("de") is None, reason="needs pyenchant, libenchant-2-2 and hunspell-de-de"
)
def test_outputs_with_words_no_dictionary_knows_are_counted_for_review() -> None:
    from ltmt.formats.unit_translation import translate_units
    from ltmt.segments import Match, Segment, Translation

    stored = Match(Segment(1, "u1", "Show categories", "Kategories anzeigen", 0.0, "api"), 80.0)
    outputs = {
        "Categories": Translation("Categories", "Kategories", (), "model", target_language="de"),
        "Classification": Translation(
            "Classification", "Klasifikation", (), "model", target_language="de"
        ),
        "Properties": Translation("Properties", "Eigenschaften", (), "model", target_language="de"),
        # a word of the user's memory passes: their own
        "Hide categories": Translation(
            "Hide categories", "Kategories verbergen", (stored,), "knn", target_language="de"
        ),
        # a language without a dictionary is not counted
        "Open": Translation("Open", "Abrirr", (), "model", target_language="xx"),
    }
    report = RunReport()
    translate_units(
        [Unit(str(n), source) for n, source in enumerate(outputs)],
        lambda texts, prefer: [outputs[t] for t in texts],
        report,
    )
    assert (report.misspelt, report.spelling_dictionary) == (2, "de_DE (hunspell)")
    assert (
        "; 2 with words the de_DE (hunspell) dictionary does not know (check them: 'Kategories', "
        "'Klasifikation')"
    ) in report.summary()
    assert report.examples == [
        "'Categories': 'Kategories' in no dictionary",
        "'Classification': 'Klasifikation' in no dictionary",
    ]
    assert report.as_dict()["misspelt"] == 2
    assert "dictionary" not in RunReport(units=1).summary()


def test_an_output_that_is_a_pipe_is_written_not_read_first(tmp_path: Path) -> None:
    # a JSON catalog's output is read first for the translations it holds; a pipe
    # (-o /dev/stdout) was read and waited on for ever
    import os
    import threading

    source = tmp_path / "en.json"
    source.write_text('{"a": "Open file"}', "utf-8")
    pipe = tmp_path / "out"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    translate_file(source, pipe, FakeModel(), fmt="json", tgt_lang="de")
    reader.join(timeout=30)
    assert b'"OPEN FILE"' in received[0]


def test_a_run_resumed_with_other_settings_starts_over(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # it went on: the first half translated with beam 4, the rest with beam 1
    out = tmp_path / "out.po"
    with pytest.raises(KeyboardInterrupt):
        translate_file(
            DATA / "demo.po",
            out,
            FakeModel(fail_after=2),
            chunk_size=1,
            checkpoint_seconds=0,
            settings={"model": "m", "beam": 4},
        )
    shutil.copy(progress_path(out), tmp_path / "kept-progress")
    shutil.copy(out, tmp_path / "kept.po")
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"):
        again = translate_file(
            DATA / "demo.po", out, FakeModel(), settings={"model": "m", "beam": 1}
        )
    assert again.resumed == 0
    assert caplog.messages[-1] == (
        f"{out} was begun with other settings (beam 4, now 1): translating it from the start"
    )
    # the same settings continue it
    shutil.copy(tmp_path / "kept-progress", progress_path(out))
    shutil.copy(tmp_path / "kept.po", out)
    same = translate_file(DATA / "demo.po", out, FakeModel(), settings={"model": "m", "beam": 4})
    assert same.resumed > 0


def test_a_tag_of_any_name_keeps_its_opening_tag() -> None:
    # react-i18next's <bold>: the opening tag was read as words, and dropped as a broken copy
    # of the closing one
    restored = translate_texts(["Open <bold>the settings</bold> now."], FakeModel())
    assert [r.text for r in restored] == ["OPEN <bold>THE SETTINGS</bold> NOW."]


def test_inline_codes_the_xliff_filler_puts_back_are_counted_not_repaired(
    tmp_path: Path,
) -> None:
    """A stored target (reused as stored) lacks the source's ERB code, which the filler puts
    back after the text: the unit is marked for review and counted, not silently fixed."""
    path = tmp_path / "app.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Hello <ph id="1">&lt;%= user.name %&gt;</ph>, welcome.'
        "</source></trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    stored = Segment(1, "u1", 'Hello <x id="1"/>, welcome.', "Hallo, willkommen.", 0.0, "api", {})

    def memory(texts: list[str], prefer: list[dict]) -> list[Translation]:
        return [Translation(t, stored.target, (Match(stored, 100.0),), "exact") for t in texts]

    report = translate_file(path, tmp_path / "out.xlf", memory).report
    text = (tmp_path / "out.xlf").read_text("utf-8")
    assert 'Hallo, willkommen.<ph id="1">&lt;%= user.name %&gt;</ph></target>' in text
    assert 'state="needs-review-translation"' in text
    assert (report.units, report.not_repairable) == (1, 1)
    assert "1 could not be repaired" in report.summary()


def test_an_unfinished_output_is_named_by_its_line_in_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Counted in the file, not within the chunk of 256 lines nor among the texts of one call
    (line 290 was "text 34 of 44 given")."""
    source = tmp_path / "idx.txt"
    source.write_text("".join(f"Line {i}\n" for i in range(1, 301)), "utf-8")

    def stops_at_290(texts: list[str], prefer: list[dict]) -> list[Translation]:
        return [Translation(t, t.upper(), unfinished=t == "Line 290") for t in texts]

    with caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"):
        translate_file(source, tmp_path / "idx.de.txt", stops_at_290)
    assert caplog.messages == [
        "the model's output for 'Line 290' (line 290) stopped at its length limit, unfinished "
        "(cut short or repeating itself); check its translation"
    ]


def test_an_unfinished_output_of_a_catalog_is_named_by_its_entry(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def stops(texts: list[str], prefer: list[dict]) -> list[Translation]:
        return [Translation(t, t, unfinished=True) for t in texts]

    with caplog.at_level(logging.WARNING, logger="ltmt.formats.pipeline"):
        translate_units([Unit("4", "Open"), Unit("app_name", "Files")], stops)
    assert [m.split(") stopped")[0] for m in caplog.messages] == [
        "the model's output for 'Open' (entry 5",
        "the model's output for 'Files' (key 'app_name'",
    ]


_OUTPUTS = {
    "Save the file": "Die Datei speichern",
    "Save": "speichern",
    "Save %s": "Speichern",  # the model dropped the placeholder: fitting puts it back
}


@pytest.mark.parametrize(
    ("source", "fitted"),
    [("<b>Save</b> the file", False), ("<b>Save</b> %s", True), ("Save %s", True)],
)
def test_an_outcome_is_fitted_only_where_fitting_changed_the_output(
    source: str, fitted: bool
) -> None:
    """A unit's paired tags put back around the words that translate theirs are no fitting:
    the server said ``fitted`` of every segment with paired tags."""
    [outcome] = translate_units(
        [Unit("1", source)], lambda texts, prefer: [_OUTPUTS.get(text, text) for text in texts]
    )
    assert outcome.fitted is fitted


class _LosesABrace(FakeModel):
    """Adds a ``}`` to the translation of the ``other`` branch: each branch passes the
    placeholder repair, the assembled plural does not parse."""

    def __call__(self, texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        outputs = super().__call__(texts, prefer)
        return [f"{text} }}" if "NOTES" in text else text for text in outputs]


@pytest.mark.parametrize(("model", "broken"), [(_LosesABrace(), 1), (FakeModel(), 0)])
def test_an_assembled_plural_that_is_no_icu_message_counts_as_not_repairable(
    tmp_path: Path, model: FakeModel, broken: int
) -> None:
    """``ltmt qa`` rejected the output (icu: unbalanced braces), yet the run counted nothing
    not repairable, so ``--strict`` let it through."""
    source = tmp_path / "en.json"
    source.write_text('{"n": "{count, plural, one {# note} other {# notes}}"}', "utf-8")
    report = translate_file(source, tmp_path / "de.json", model, tgt_lang="de").report
    assert report.not_repairable == broken
    said = [e for e in report.examples if "no valid ICU message" in e]
    closes = "unbalanced braces: the '}' at character 47 closes no '{'"
    assert said == [f"/n: no valid ICU message ({closes})"] * broken


def test_an_output_that_lost_every_word_is_counted_and_said() -> None:
    from ltmt.segments import Translation

    report = RunReport()
    translate_texts(
        ["Hi %{first_name},", "%{count}", "Bye", "%d of %d", "%{p} percent"],
        lambda texts, prefer: [
            Translation(
                t,
                t.replace("Hi ", "").replace(" of ", "/").replace("Bye", "BYE"),
            )
            if "percent" not in t
            else Translation(t, "%{p} %")
            for t in texts
        ],
        report,
    )
    # %{count} has no words to lose, %d of %d function words, %{p} % writes a sign for one
    assert report.wordless == 1
    assert (
        "; 1 lost every word of its source, keeping only its placeholders or punctuation "
        "(check them: 'Hi %{first_name},')"
    ) in report.summary()
    assert "wordless_examples" not in report.as_dict()


def test_an_output_that_wrote_two_fields_side_by_side_is_counted_and_named() -> None:
    from ltmt.segments import Translation

    report = RunReport()
    outputs = {
        "Downloaded {{.Count}} of {{.Total}} files": "{{.Count}} {{.Total}}-Dateien",
        "Downloaded %d of %d files": "%d von %d Dateien heruntergeladen",
    }
    translate_texts(
        list(outputs),
        lambda texts, prefer: [Translation(t, outputs[t]) for t in texts],
        report,
    )
    assert report.words_lost_between == 1
    assert (
        "; 1 lost the words between two placeholders, which it writes side by side (check "
        "them: 'Downloaded {{.Count}} of {{.Total}} fil\u2026')"
    ) in report.summary()
    assert "words_lost_between_examples" not in report.as_dict()


def test_an_output_with_a_field_after_its_last_sentence_is_counted_and_named() -> None:
    """Trial s77: ``Keine neue Liste verpassen. {name}`` was counted as repaired alone."""
    from ltmt.segments import Translation

    report = RunReport()
    outputs = {
        "Don't miss {name}'s new list.": "Keine neue Liste verpassen. {name}",
        "Welcome, {name}.": "Willkommen, {name}.",
    }
    translate_texts(
        list(outputs),
        lambda texts, prefer: [Translation(t, outputs[t]) for t in texts],
        report,
    )
    assert report.fields_after_the_end == 1
    assert (
        "; 1 with a placeholder after its last sentence, where the source has words after it: "
        "put back at the end where the model dropped it (check them: \"Don't miss {name}'s new "
        'list.")'
    ) in report.summary()
    assert report.as_dict()["fields_after_the_end"] == 1
    assert "fields_after_the_end_examples" not in report.as_dict()


def test_an_output_ending_with_a_bare_ampersand_is_counted_and_named() -> None:
    """``Versand &`` for ``Shipping & Handling`` went by unsaid."""
    from ltmt.segments import Translation

    report = RunReport()
    outputs = {
        "Shipping & Handling": "Versand &",
        "Terms & Conditions": "Allgemeine Gesch\u00e4ftsbedingungen",
    }
    translate_texts(
        list(outputs),
        lambda texts, prefer: [Translation(t, outputs[t]) for t in texts],
        report,
    )
    assert report.ampersands_alone == 1
    assert (
        "; 1 lost the words beside an & of its source, ending or starting with it (check "
        "them: 'Shipping & Handling')"
    ) in report.summary()
    assert report.as_dict()["ampersands_alone"] == 1
    assert "ampersands_alone_examples" not in report.as_dict()


def test_an_output_ending_with_an_escaped_ampersand_is_counted_and_named() -> None:
    """``&amp; Bedingungen`` for ``Terms &amp; Conditions`` lost "Terms" unsaid, where the bare
    ``&`` was counted (a WordPress and an i18next trial)."""
    from ltmt.segments import Translation

    report = RunReport()
    outputs = {
        "Terms &amp; Conditions": "&amp; Bedingungen",
        "Bed &amp; Breakfast rooms": "Bed &amp; Breakfast Zimmer",
    }
    translate_texts(
        list(outputs),
        lambda texts, prefer: [Translation(t, outputs[t]) for t in texts],
        report,
    )
    assert report.ampersands_alone == 1
    assert (
        "; 1 lost the words beside an & of its source, ending or starting with it (check "
        "them: 'Terms &amp; Conditions')"
    ) in report.summary()


def test_an_output_that_stops_at_a_closing_tag_is_counted_and_named() -> None:
    """Trial s77 gameloc2: ``Suche die <link="loc_mill"><u>Old Mill</u></link>`` lost "at
    night." and the summary said nothing."""
    from ltmt.segments import Translation

    report = RunReport()
    sources = [
        'Visit the <link="loc_mill"><u>Old Mill</u></link> at night.',
        "Visit the <u>Old Mill</u> at night.",
    ]

    def model(texts: list[str], prefer: object) -> list[Translation]:
        # stops at </link> wherever it reads one, as the default model did
        said = [
            t.replace("Visit the", "Besuche die").replace("at night", "bei Nacht") for t in texts
        ]
        return [
            Translation(t, out[: out.index("</link>") + 7] if "</link>" in out else out)
            for t, out in zip(texts, said, strict=True)
        ]

    translate_texts(sources, model, report)
    assert report.stopped_at_tags == 1
    assert (
        "; 1 stopped at a closing tag where the source goes on after it: the words after the "
        "tag may be lost (check them: 'Visit the Old Mill at night.')"  # named without its tags
    ) in report.summary()
    assert report.as_dict()["stopped_at_tags"] == 1
    assert "stopped_at_tags_examples" not in report.as_dict()
