"""check_pairs: which checks run, the findings' order, and the report's counts and words."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ltmt import Memory
from ltmt.errors import InputError
from ltmt.qa import CHECKS, check_pairs, chosen_checks
from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.run import entries_of, unreviewed_entries
from ltmt.segments import PairRecord
from ltmt.terminology.terms import Term


def record(n: int, source: str, target: str, **metadata: object) -> PairRecord:
    return PairRecord(source, target, f"entry {n}", metadata)


RECORDS = [
    record(1, "Open %s", "Öffnen", flags="c-format"),
    record(2, "Settings", "Settings"),
    record(3, "Save", "Speichern"),
    record(4, "Quit", ""),
    record(5, "Wait 10 seconds\n", "Warte Warte"),
    record(6, "Save", "Sichern"),
]


def test_findings_come_in_the_files_order_then_the_checks():
    report = check_pairs(RECORDS)
    assert [(f.position, f.check) for f in report.findings] == [
        ("entry 1", "format"),
        ("entry 2", "copied"),
        ("entry 5", "numbers"),
        ("entry 5", "whitespace"),
        ("entry 5", "doubled"),
        ("entry 6", "inconsistent"),
    ]
    assert (report.entries, report.untranslated) == (5, 1)
    assert report.findings[0].line() == "entry 1: error [format] c-format: argument '1' missing"


def test_the_format_check_says_what_the_placeholder_check_would_say_again():
    report = check_pairs([record(1, "Open %s", "Öffnen", flags="c-format")])
    assert [f.check for f in report.findings] == ["format"]
    report = check_pairs([record(1, "Open %s", "Öffnen")])
    assert [(f.check, f.message) for f in report.findings] == [("placeholders", "lacks %s")]


def test_summary_and_failure_levels():
    report = check_pairs(RECORDS)
    assert report.summary() == (
        "5 entries checked (1 untranslated left out): 1 error, 4 warnings, 1 note (format 1, "
        "copied 1, numbers 1, whitespace 1, doubled 1, inconsistent 1); not run: language, spelling"
    )
    assert report.fails("error") and report.fails("note") and not report.fails(None)
    clean = check_pairs([record(1, "Save", "Speichern")], checks=["format", "copied"])
    assert clean.summary() == "1 entry checked: nothing found"
    assert not clean.fails("note")
    notes = check_pairs([record(1, "Settings", "Settings")])
    assert notes.fails("note") and not notes.fails("warning")


def test_unreviewed_entries_are_counted_in_the_summary_and_json():
    """Trial release, session 71: qa never said that 9 of a catalog's translations were not
    yet reviewed; now the summary and --json's unreviewed count their entries."""
    forms = [record(7, "%d files", f, plural=n) for n, f in enumerate(("%d Datei", "%d Dateien"))]
    every = [record(3, "Save", "Speichern"), *forms, record(6, "Save", "Sichern")]
    reviewed = [every[0], every[3]]
    assert unreviewed_entries(every, reviewed) == 1  # a plural entry's two forms: one entry
    report = check_pairs(every, checks=["format"], unreviewed=1)
    assert report.summary() == "3 entries checked (1 not yet reviewed): nothing found"
    assert report.to_dict()["unreviewed"] == 1
    assert not report.fails("note")  # --fail-on-unreviewed, not a severity, fails it


@pytest.mark.parametrize(
    ("untranslated", "summary"),
    [
        (0, "1 entry checked (1 not yet reviewed, not read): nothing found"),
        (
            2,
            "1 entry checked (2 untranslated left out; 1 not yet reviewed, not read): nothing found",
        ),
    ],
)
def test_unreviewed_entries_left_out_are_said_not_read(untranslated: int, summary: str):
    """Trial (a KDE translator), session 71: ``qa --reviewed-only min.po`` said '1 entry
    checked (1 not yet reviewed)' beside the warning '1 fuzzy entry not read', as though the
    fuzzy entry had been checked; now the summary says it was not read, as the warning does."""
    report = check_pairs(
        [record(1, "Close", "Schließen")],
        checks=["format"],
        untranslated=untranslated,
        unreviewed=1,
        unreviewed_read=False,
    )
    assert report.summary() == summary


def test_chosen_checks_keep_the_tables_order_and_refuse_unknown_names():
    assert chosen_checks() == tuple(CHECKS)
    assert chosen_checks(["numbers", "format"]) == ("format", "numbers")
    assert "copied" not in chosen_checks(skip=["copied"])
    with pytest.raises(
        InputError,
        match=r"^no check 'placeholder' \(did you mean 'placeholders'\?\); the checks are format, ",
    ):
        chosen_checks(["placeholder"])
    with pytest.raises(InputError, match=r"^no check 'grammar'; the checks are format, "):
        chosen_checks(skip=["grammar"])


def test_only_the_checks_asked_for_run():
    report = check_pairs(RECORDS, checks=["numbers"])
    assert [f.check for f in report.findings] == ["numbers"]
    assert report.to_dict()["by_check"] == {"numbers": 1}


def test_memory_and_glossary_need_something_to_compare_with(tmp_path: Path):
    report = check_pairs(RECORDS)
    assert report.not_run == {
        "memory": "no user's memory to compare with",
        "glossary": "no glossary terms (the user's, or a glossary given)",
        "language": "no target language given",
        "spelling": "no target language given",
    }
    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "Save", "Speichern")
        memory.glossary("u1").add("settings", "Einstellungen")
        report = check_pairs(RECORDS, memory=memory, user="u1")
        assert report.not_run == {
            "language": "no target language given",
            "spelling": "no target language given",
        }
        found = [(f.position, f.check) for f in report.findings]
        assert ("entry 6", "memory") in found and ("entry 2", "glossary") in found
        report = check_pairs(RECORDS, memory=memory, user="u1", user_glossary=False)
        assert "glossary" in report.not_run
        report = check_pairs(
            RECORDS,
            memory=memory,
            user="u1",
            user_glossary=False,
            glossary=[Term("Save", "Sichern")],
        )
        assert [f.position for f in report.findings if f.check == "glossary"] == ["entry 3"]


def test_a_memory_of_another_target_language_is_not_read(tmp_path: Path):
    """Regression trial godot, session 66: the French column of a game's CSV was held to the
    en→de glossary ("'Quest' is 'Quest' in the glossary"); now the memory and its glossary
    are left out where the file is another language than their target, and a note says so."""
    records = [record(1, "Save", "Enregistrer"), record(2, "Quest", "Quête")]
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", [("Save", "Speichern")], languages=["en", "de"])
        memory.glossary("u1").add("quest", "Quest")
        report = check_pairs(
            records, memory=memory, user="u1", language="fr", checks=["memory", "glossary"]
        )
        assert report.findings == []
        assert report.notes == [
            "u1's memory translates en into de, the file is fr: the memory check and u1's "
            "stored glossary are left out (a --glossary file of its language is read)"
        ]
        assert report.not_run["memory"] == "u1's memory translates en into de, the file is fr"
        report = check_pairs(
            records,
            memory=memory,
            user="u1",
            language="fr",
            checks=["glossary"],
            glossary=[Term("Save", "Sauvegarder")],
        )
        assert [f.position for f in report.findings] == ["entry 1"]
        german = check_pairs(records, memory=memory, user="u1", language="de-DE", checks=["memory"])
        assert german.notes == [] and [f.position for f in german.findings] == ["entry 1"]


def test_the_glossary_check_reads_a_german_terms_adjective_endings():
    """The translations' language decides: German endings are read ("ein unerwünschter
    Ereignis" passed), another language's are not."""
    records = [PairRecord("An adverse event.", "Ein unerwünschter Ereignis.", "entry 1", {})]
    glossary = [Term("adverse event", "unerwünschtes Ereignis")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    assert [f.message.split(" does")[0] for f in report.findings] == [
        "'Ein unerwünschter Ereignis'"
    ]
    assert not check_pairs(records, checks=["glossary"], glossary=glossary, language="nl").findings


def test_the_report_as_json_names_every_check_and_finding():
    data = check_pairs(RECORDS).to_dict("de.po")
    assert data["entries"] == 5 and data["untranslated"] == 1
    assert data["by_severity"] == {"error": 1, "warning": 4, "note": 1}
    assert set(data["by_check"]) == set(CHECKS)
    assert data["findings"][0] == {
        "check": "format",
        "entry": 1,
        "file": "de.po",
        "line": None,
        "id": None,
        "context": None,
        "position": "entry 1",
        "source": "Open %s",
        "target": "Öffnen",
        "message": "c-format: argument '1' missing",
        "severity": "error",
    }


def test_spelling_needs_a_language_with_a_dictionary():
    report = check_pairs(RECORDS, checks=["spelling"], language="xx")
    assert report.not_run == {
        "spelling": "no spelling dictionary for xx: pip install 'ltmt[spelling]' and a "
        "dictionary for the language (Debian, Ubuntu: apt-get install libenchant-2-2 "
        "hunspell-de-de, or hunspell-fr ...)"
    }


def test_quote_marks_are_held_to_the_users_memory_else_to_the_files_own(tmp_path: Path):
    """``quotes``: what a source quotes, quoted as the user's memory quotes it (note); without
    a user, as most of the file's entries do."""
    git_style = [
        record(n, f"cannot open '%s' {n}", f"kann '%s' {n} nicht öffnen") for n in range(1, 6)
    ]
    odd = record(6, "cannot read '%s'", "kann »%s« nicht lesen")
    report = check_pairs([*git_style, odd], checks=["quotes"])
    assert [(f.entry, f.check, f.severity, f.message) for f in report.findings] == [
        (
            5,
            "quotes",
            "note",
            "»%s«, where most of the file's entries quote it '%s' (5 of 6 such items)",
        )
    ]
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u1", [(r.source, r.target.replace("'", '"')) for r in git_style])
        report = check_pairs([odd], checks=["quotes"], memory=memory, user="u1")
    assert [f.message for f in report.findings] == [
        "»%s«, where u1's memory's translations quote it \"%s\" (5 of 5 such items)"
    ]


def test_a_plural_entrys_forms_are_one_entry():
    forms = [
        record(1, "%d file", "%d Datei", plural=0),
        record(1, "%d files", "%d Dateien", plural=1, plural_of="%d file"),
        record(2, "Open", "Öffnen"),
        record(3, "%d item", "%d Elemente", plural=1),  # its first form left empty
        record(4, "%d dog", "%d Hund", plural=0),  # an entry right after another's forms
        record(4, "%d dogs", "%d Hunde", plural=1),
    ]
    assert entries_of(forms) == 4
    assert check_pairs(forms, checks=["doubled"]).summary() == "4 entries checked: nothing found"


def test_a_texts_length_variants_are_one_entry():
    variants = [
        record(1, "Playback speed", "Wiedergabegeschwindigkeit", variant=0),
        record(1, "Speed", "Tempo", variant=1),
        record(2, "%n file", "%n Datei", plural=0, variant=0),
        record(2, "%n file", "%n Dat.", plural=0, variant=1),
        record(2, "%n files", "%n Dateien", plural=1, variant=0),
    ]
    assert entries_of(variants) == 2


QA_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="en" target-language="de" datatype="html"><body>
<trans-unit id="1"><source>Line one<ph id="1">&lt;br/&gt;</ph>Line two</source>
<target state="translated">Zeile eins Zeile zwei</target></trans-unit>
<trans-unit id="2"><source>Press <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept>.</source>
<target state="translated">Jetzt <bpt id="1">&lt;b&gt;</bpt>Speichern<ept id="1">&lt;/b&gt;</ept>\
<ph id="9">&lt;br/&gt;</ph>.</target></trans-unit>
<trans-unit id="3"><source>Hello <ph id="1">&lt;%= user.name %&gt;</ph>, welcome.</source>
<target state="translated">Hallo, willkommen.</target></trans-unit>
</body></file></xliff>
"""


def test_an_xliff_code_lost_or_added_is_found_whatever_its_native_code(tmp_path: Path):
    """An ERB code read as its native text was no placeholder, and its loss went unsaid."""
    from ltmt.formats.pairs import read_translations

    (tmp_path / "qa.xlf").write_text(QA_XLIFF, encoding="utf-8")
    report = check_pairs(read_translations(tmp_path / "qa.xlf"), checks=["placeholders"])
    assert [f.message for f in report.findings] == [
        "lacks <br/>",
        "adds <br/>, which the source does not have",
        'lacks <x id="1"/>',
    ]


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([{"source": "Open", "target": "Öffnen"}], r"^records: item 1 is a dict, not a PairRecord"),
        ([("Open", "Öffnen")], r"^records: item 1 is a tuple, not a PairRecord"),
        (None, r"^records must be a list of PairRecord .*, not a NoneType$"),
        ("Open", r"^records must be a list of PairRecord .*, not a str$"),
    ],
)
def test_records_that_are_no_pair_records_are_an_input_error(records: Any, message: str) -> None:
    """A mapping was an AttributeError from inside the first check."""
    with pytest.raises(InputError, match=message):
        check_pairs(records)


def test_a_files_problems_are_found_by_their_own_check_where_it_runs() -> None:
    """A Fluent access key's problem is the ``accelerator`` check's, said at its label's entry."""
    label = PairRecord("Save", "Speichern", "main.ftl: menu-save", {})
    problem = FormProblem("main.ftl: menu-save", "", "Speichern", "no letter", "accelerator")
    report = check_pairs([label], form_problems=[problem])
    assert [(f.check, f.entry, f.message) for f in report.findings] == [
        ("accelerator", 0, "no letter")
    ]
    assert check_pairs([label], checks=["format"], form_problems=[problem]).findings == []


def test_a_json_finding_says_its_file_its_entry_in_it_and_where_the_format_says():
    """Findings said only ``entry`` counted from 0 over a folder's files, beside a position
    ``entry 1``."""
    records = [
        PairRecord("Save", "Save", "po/de.po: entry 1", {"context": "menu"}, origin="po/de.po"),
        PairRecord("%d file", "%d Datei", "po/de.po: entry 2", {"plural": 0}, origin="po/de.po"),
        PairRecord("%d files", "%d Datei", "po/de.po: entry 2", {"plural": 1}, origin="po/de.po"),
        PairRecord("Quit", "Quit", "po/app.xlf:6", {"id": "q1"}, origin="po/app.xlf"),
    ]
    found = check_pairs(records, checks=["copied"]).to_dict("po")["findings"]
    assert [(f["file"], f["entry"], f["line"], f["id"], f["context"]) for f in found] == [
        ("po/de.po", 1, None, None, "menu"),
        ("po/app.xlf", 1, 6, "q1", None),
    ]
    after_plural = [
        PairRecord("%d file", "%d Datei", "de.po: entry 2", {"plural": 0}),
        PairRecord("%d files", "%d Dateien", "de.po: entry 2", {"plural": 1}),
        PairRecord("Quit", "Quit", "de.po: entry 3"),
    ]
    found = check_pairs(after_plural, checks=["copied"]).to_dict("de.po")["findings"]
    assert [(f["file"], f["entry"], f["position"]) for f in found] == [
        ("de.po", 2, "de.po: entry 3")  # a plural entry's two forms are one entry
    ]


def test_a_finding_whose_line_is_known_is_said_by_its_line() -> None:
    """qa said ``django.po: entry 8`` where --json had the entry's line: now ``django.po:58``."""
    from ltmt.qa.findings import Finding

    finding = Finding("format", 7, "django.po: entry 8", "%s", "", "lacks %s")
    assert finding.line() == "django.po: entry 8: error [format] lacks %s"
    at_line = replace(finding, line_number=58)
    assert at_line.line() == "django.po:58: error [format] lacks %s"
    qt = replace(finding, position="app_de.ts: message 18, variant 1", line_number=9)
    assert qt.line().startswith("app_de.ts: message 18, variant 1: error")


def test_the_english_check_passes_a_name_the_glossary_keeps():
    records = [PairRecord("Old Tom: The lighthouse?", "Old Tom: Der Leuchtturm?")]
    assert check_pairs(records, checks=["english"]).by_check() == {"english": 1}
    glossary = [Term("Old Tom", "Old Tom")]
    assert not check_pairs(records, checks=["english"], glossary=glossary).findings


def test_the_glossary_check_reads_a_one_noun_terms_gender():
    records = [PairRecord("Open $Url$ in a new tab", "Open $Url$ in einer neuen Tab", "entry 1")]
    glossary = [Term("Tab", "Tab", gender="m")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    assert [f.message for f in report.findings] == [
        "'in einer neuen Tab' does not agree, 'in einen neuen Tab' or 'in einem neuen Tab' would "
        "('tab' is 'Tab' in the glossary)"
    ]


def test_a_subtitles_override_blocks_are_the_placeholders_check_s_alone(tmp_path: Path):
    # qa said "cues 11-12: warning [numbers] lacks the code an8" and no memory finding for
    # "{\an8}[Dor-Slams]", though the memory holds "[door slams]"
    from ltmt.formats.subtitles import SrtDocument

    en = (
        "3\n00:00:06,100 --> 00:00:08,000\n{\\an8}[door slams]\n\n"
        "11\n00:00:26,000 --> 00:00:28,000\n{\\an8}HARBOR POLICE DEPARTMENT\n\n"
        "12\n00:00:28,500 --> 00:00:31,000\nWe found 2 cars.\n"
    )
    de = (
        en.replace("[door slams]", "[Dor-Slams]")
        .replace("{\\an8}HARBOR", "HARBOR")
        .replace("We found 2 cars.", "Wir fanden 2 Autos.")
    )
    (tmp_path / "e.en.srt").write_text(en, "utf-8")
    (tmp_path / "e.de.srt").write_text(de, "utf-8")
    records = list(SrtDocument.pairs(tmp_path / "e.de.srt", source_file=tmp_path / "e.en.srt"))
    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "[door slams]", "[Tür knallt]")
        report = check_pairs(
            records, memory=memory, user="u1", checks=["placeholders", "numbers", "memory"]
        )
    assert [f.line().replace(f"{tmp_path}/", "") for f in report.findings] == [
        "e.de.srt: cue 3 (00:00:06,100): warning [memory] u1's memory translates this source as '[Tür knallt]'",
        "e.de.srt: cue 11 (00:00:26,000): error [placeholders] lacks the position tag {\\an8}",
    ]


@pytest.mark.parametrize("reference", ["", "#: src/dialog.c:12\n", "#: app/forms.py:3\n",
                                       "#: static/app.js:7\n"])  # fmt: skip
def test_an_ordinary_catalogs_pipes_are_no_kept_context_prefix(tmp_path: Path, reference: str):
    """Regression trial regc, session 69: a correct catalog's Yes|No -> Ja|Nein (no s_()
    msgid: no references, or not Ruby ones) got "error [context] keeps the context prefix
    'Ja|'"; ruby-gettext's Book|Author -> Buch|Autor still does."""
    from ltmt.formats.po import read_po

    pairs = [("Yes|No", "Ja|Nein"), ("On|Off", "Ein|Aus"), ("Name|Type|Default", "Name|Typ|Standard"),
             ("Save|Ctrl+S", "Speichern|Strg+S"), ("Tab|Shift", "Tab|Umschalt")]  # fmt: skip
    entries = "".join(f'\n{reference}msgid "{s}"\nmsgstr "{t}"\n' for s, t in pairs)
    ruby = '\n#: app/models/book.rb:9\nmsgid "Book|Author"\nmsgstr "Buch|Autor"\n'
    path = tmp_path / "de.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n' + entries + ruby, "utf-8")
    report = check_pairs(read_po(path), checks=["context"])
    assert [(f.severity, f.check, f.message) for f in report.findings] == [
        ("error", "context", "keeps the context prefix 'Buch|', which the program shows: "
         "write the translation of 'Author' alone")
    ]  # fmt: skip


PRESTASHOP_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="cart.tpl" source-language="en-US" target-language="de-DE" datatype="plaintext">
<body>
<trans-unit id="a3">
<source>I agree to the [1]terms of service[/1] and will adhere to them.</source>
<target state="final">Ich akzeptiere die [1]AGB und halte mich daran.</target>
</trans-unit>
<trans-unit id="a7">
<source>Learn more about [1]secure payment[/1]</source>
<target state="final">Mehr über [1]sichere Zahlung[1] erfahren</target>
</trans-unit>
</body></file></xliff>
"""


def test_prestashop_numbered_markers_broken_are_placeholder_errors(tmp_path: Path):
    """A unit whose [/1] was lost got only a warning (``lacks the number 1``), one with [1]
    for its [/1] nothing, though either leaves a link the shop never closes."""
    from ltmt.formats.pairs import read_translations

    (tmp_path / "markers.de-DE.xlf").write_text(PRESTASHOP_XLIFF, encoding="utf-8")
    report = check_pairs(read_translations(tmp_path / "markers.de-DE.xlf"))
    assert [(f.check, f.severity, f.message) for f in report.findings] == [
        ("placeholders", "error", "lacks [/1]"),
        ("placeholders", "error", "lacks [/1]"),
        ("placeholders", "error", "adds [1], which the source does not have"),
    ]


QA_SDLXLIFF = """<?xml version="1.0" encoding="utf-8"?><xliff \
xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" \
version="1.2" sdl:version="1.0"><file original="n.docx" datatype="x-sdlfilterframework2" \
source-language="en-US" target-language="de-DE"><header/><body>
<trans-unit id="u1"><source>What's new in SafeKeep 5.3</source><seg-source><mrk mtype="seg" \
mid="1">What's new in <mrk mtype="x-sdl-comment" sdl:cid="c1a2b3c4-0000-4000-8000-00000000c001">\
SafeKeep</mrk> 5.3</mrk></seg-source><target><mrk mtype="seg" mid="1">Neu in SafeKeep 5.3</mrk>\
</target><sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit>
<trans-unit id="u2"><source>Thank you for using SafeKeep.</source><seg-source><mrk mtype="seg" \
mid="2">Thank you for using SafeKeep.</mrk></seg-source><target><mrk mtype="seg" mid="2">Vielen \
Dank, dass Sie <mrk mtype="x-sdl-deleted" sdl:revid="r1">SafeKeep benutzen</mrk><mrk \
mtype="x-sdl-added" sdl:revid="r2">SafeKeep verwenden</mrk>.</mrk></target><sdl:seg-defs>\
<sdl:seg id="2" conf="Translated"/></sdl:seg-defs></trans-unit>
</body></file></xliff>
"""


def test_trados_track_changes_and_comments_are_no_placeholders_nor_numbers(tmp_path: Path):
    """qa said the track changes added ``<mrk mtype="x-sdl-deleted" revid="r1">`` and the
    others, which the source does not have."""
    from ltmt.formats.pairs import read_translations

    (tmp_path / "notes.sdlxliff").write_text(QA_SDLXLIFF, encoding="utf-8")
    records = list(read_translations(tmp_path / "notes.sdlxliff"))
    assert [(r.source, r.target) for r in records] == [
        ("What's new in SafeKeep 5.3", "Neu in SafeKeep 5.3"),
        ("Thank you for using SafeKeep.", "Vielen Dank, dass Sie SafeKeep verwenden."),
    ]
    report = check_pairs(records, checks=["placeholders", "numbers"])
    assert report.findings == []


@pytest.mark.parametrize(
    ("english", "german", "messages"),
    [
        # trial s77: # and {count} both print the plural's number: one placeholder, no finding
        ("{count, plural, =1{One photo} other{{count} photos}}",
         "{count, plural, =1{Ein Foto} other{# Fotos}}", []),
        ("{count, plural, one{# video} other{# videos}}",
         "{count, plural, one{{count} Video} other{{count} Videos}}", []),
        # what is lacking or added is named as the file writes it, never ltmt's %d
        ("{count, plural, =1{One photo} other{{count} photos}}",
         "{count, plural, =1{# Foto} other{Fotos}}",
         ["adds #, which the source does not have", "lacks {count}"]),
        ("{count, plural, one{# video} other{# videos}}",
         "{count, plural, one{Ein Video} other{{n} Videos}}",
         ["lacks #", "adds {n}, which the source does not have"]),
    ],
)  # fmt: skip
def test_an_arb_plurals_hash_and_its_argument_are_one_placeholder(
    tmp_path: Path, english: str, german: str, messages: list[str]
) -> None:
    import json

    from ltmt.formats.pairs import read_translations
    from ltmt.memory.import_checks import suspect_pairs

    source, translated = tmp_path / "app_en.arb", tmp_path / "app_de.arb"
    source.write_text(json.dumps({"@@locale": "en", "items": english}), encoding="utf-8")
    translated.write_text(json.dumps({"@@locale": "de", "items": german}), encoding="utf-8")
    checked = read_translations(translated, source_file=source, purpose="checked")
    report = check_pairs(checked, checks=["placeholders"])
    assert [f.message for f in report.findings] == messages
    imported = read_translations(translated, source_file=source)  # memory import's warning
    assert bool(suspect_pairs(imported)) == bool(messages)
