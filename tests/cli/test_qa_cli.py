"""``ltmt qa`` end to end: findings as lines and JSON, exit statuses, unreviewed entries, the
user's memory and glossary, one-line errors; its format check against gettext's ``msgfmt -c``."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.qa.findings import CHECKS
from ltmt.spelling import dictionary_for

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
ENTRIES = [
    # (flags, msgid, msgstr, fuzzy), or with a msgctxt last
    ("c-format", "Cannot open %s", "Kann %d nicht öffnen", False),
    ("", "Save", "Speichern", False),
    ("", "Save", "Sichern", True, "toolbar"),
    ("c-format", "Wait %d seconds\\n", "Warte %d Sekunden\\n", False),
    ("", "Name:", "Name", False),
]


def write_po(path: Path, entries=ENTRIES) -> Path:
    blocks = [HEADER]
    for flags, msgid, msgstr, fuzzy, *context in entries:
        marks = [mark for mark in ("fuzzy" if fuzzy else "", flags) if mark]
        flag_line = f"#, {', '.join(marks)}\n" if marks else ""
        context_line = f'msgctxt "{context[0]}"\n' if context else ""
        blocks.append(f'{flag_line}{context_line}msgid "{msgid}"\nmsgstr "{msgstr}"\n\n')
    path.write_text("".join(blocks), "utf-8")
    return path


@pytest.fixture
def po(tmp_path: Path) -> Path:
    return write_po(tmp_path / "de.po")


def test_findings_are_lines_then_a_summary_and_an_error_fails(run_ltmt, po):
    code, out, err = run_ltmt("qa", str(po))
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"{po}:8: error [format] c-format: argument '1' is int, not string",
        f"{po}:23: note [punctuation] the source ends with a colon, the translation does not",
        "5 entries checked (1 not yet reviewed): 1 error, 1 note (format 1, punctuation 1)",
    ]


def test_a_store_listing_over_its_limit_is_an_error_that_fails(run_ltmt, tmp_path: Path):
    """A Google Play changelog of 560 characters was a warning, exit 0: the store refuses it."""
    folder = tmp_path / "fastlane" / "metadata" / "android"
    source, target = folder / "en-US" / "changelogs", folder / "de-DE" / "changelogs"
    source.mkdir(parents=True)
    target.mkdir(parents=True)
    (source / "default.txt").write_text("Bug fixes.\n", "utf-8")
    (target / "default.txt").write_text("x" * 560 + "\n", "utf-8")
    code, out, _ = run_ltmt(
        "qa", str(target / "default.txt"), "--source-file", str(source / "default.txt"),
        "--check", "length",
    )  # fmt: skip
    assert code == 1
    assert out.splitlines() == [
        f"{target / 'default.txt'}:1: error [length] the translation is 560 characters long, "
        "Google Play allows 500",
        "1 entry checked: 1 error (length 1)",
    ]


def test_template_messages_missing_from_an_arb_are_untranslated(run_ltmt, tmp_path: Path):
    """The template's messages the German file lacks were not counted: 0 untranslated."""
    source, target = tmp_path / "app_en.arb", tmp_path / "app_de.arb"
    source.write_text(
        json.dumps(
            {
                "@@locale": "en",
                "save": "Save",
                "open": "Open",
                "hikes": "{n, plural, =1{One hike} other{{n} hikes}}",
                "help": "Use '{name}' here.",  # ICU quoting: ltmt leaves it to a person
            }
        )
    )
    target.write_text(json.dumps({"@@locale": "de", "save": "Speichern"}))
    code, out, err = run_ltmt("qa", str(target), "--source-file", str(source))
    assert code == 0, err
    assert out.splitlines()[-1] == (
        "1 entry checked (3 untranslated left out): 3 warnings (missing 3)"
    )
    assert [line.split(" [missing] ")[0] for line in out.splitlines()[:-1]] == [
        f"{target}: /open: warning", f"{target}: /hikes: warning", f"{target}: /help: warning"
    ]  # fmt: skip


def test_a_message_missing_from_a_json_translation_is_a_finding(run_ltmt, tmp_path: Path):
    """A message ltmt leaves out (quoted braces, '{name}') was said only on standard error and
    qa exited 0, while next-intl shows MISSING_MESSAGE for it."""
    source, target = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps({"A": {"save": "Save", "literal": "Use '{name}' here."}}))
    target.write_text(json.dumps({"A": {"save": "Speichern"}}))
    code, out, err = run_ltmt(
        "qa", str(target), "--source-file", str(source), "--fail-on", "warning"
    )
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"{target}: /A/literal: warning [missing] the translation lacks this message of "
        f"{source}: an app without a fallback language shows an error (next-intl's "
        "MISSING_MESSAGE); translate it",
        "1 entry checked (1 untranslated left out): 1 warning (missing 1)",
    ]


def test_a_json_translation_icu_rejects_is_an_error(run_ltmt, tmp_path: Path):
    source, target = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(
        json.dumps({"files": "{n, plural, one {# file} other {# files}}", "n": "{n, number} items"})
    )
    target.write_text(
        json.dumps(
            {"files": "{n, Plural, one {# Datei} andere {# Dateien}}", "n": "{n, Zahl} Dinge"}
        )
    )
    code, out, _ = run_ltmt("qa", str(target), "--source-file", str(source), "--check", "icu")
    assert code == 1
    assert out.splitlines() == [
        f"{target}: /files: error [icu] not a valid ICU message as its source is: '{{n, Plural': "
        "ICU has no argument type 'Plural'",
        f"{target}: /n: error [icu] not a valid ICU message as its source is: '{{n, Zahl': ICU "
        "has no argument type 'Zahl'",
        "2 entries checked: 2 errors (icu 2)",
    ]


def test_unreviewed_translations_are_checked_unless_reviewed_only(run_ltmt, po):
    code, out, _ = run_ltmt("qa", str(po), "--reviewed-only", "--fail-on", "never")
    assert code == 0
    assert out.splitlines()[-1].startswith("4 entries checked")


def test_unreviewed_translations_are_counted_and_can_fail_the_run(run_ltmt, po, tmp_path, caplog):
    """Trial release, session 71: a String Catalog's needs_review units were never mentioned
    (--json: "untranslated": 0, no other count) and nothing could fail on them."""
    code, out, _ = run_ltmt("qa", str(po), "--check", "format", "--fail-on", "never")
    assert (code, out.splitlines()[-1]) == (
        0,
        "5 entries checked (1 not yet reviewed): 1 error (format 1)",
    )
    code, out, _ = run_ltmt("qa", str(po), "--check", "format", "--fail-on", "never",
                            "--fail-on-unreviewed")  # fmt: skip
    assert code == 1
    code, out, _ = run_ltmt("qa", str(po), "--reviewed-only", "--check", "format",
                            "--fail-on-unreviewed")  # fmt: skip
    assert "1 fuzzy entry not read (a fuzzy translation is not reviewed)" in caplog.text
    assert (code, out.splitlines()[-1]) == (
        1,
        "4 entries checked (1 not yet reviewed, not read): 1 error (format 1)",
    )
    german = {
        "de": {"stringUnit": {"state": "needs_review", "value": "Sichern"}},
    }
    strings = {"Save": {"localizations": german}, "Open": {"localizations": {
        "de": {"stringUnit": {"state": "translated", "value": "Öffnen"}}}}}  # fmt: skip
    catalog = tmp_path / "Localizable.xcstrings"
    catalog.write_text(json.dumps({"sourceLanguage": "en", "strings": strings}), "utf-8")
    code, out, err = run_ltmt("qa", str(catalog), "--json", "--fail-on-unreviewed")
    assert code == 1 and err == ""
    assert {k: json.loads(out)[k] for k in ("entries", "untranslated", "unreviewed")} == {
        "entries": 2,
        "untranslated": 0,
        "unreviewed": 1,
    }
    code, out, _ = run_ltmt("qa", str(catalog), "--check", "format")
    assert (code, out) == (0, "2 entries checked (1 not yet reviewed): nothing found\n")


def test_an_all_fuzzy_catalog_is_checked_as_a_mixed_one_is(run_ltmt, tmp_path):
    """Trial (a KDE translator), session 71: every entry of a catalog ltmt had just filled is
    fuzzy, and qa exited 2 with 'no segments found (... untranslated and fuzzy ones are not
    read)', though fuzzy entries are checked by default: counting the reviewed ones read none."""
    fuzzy = [(flags, msgid, msgstr, True, *rest) for flags, msgid, msgstr, _, *rest in ENTRIES]
    po = write_po(tmp_path / "de.po", fuzzy)
    code, out, err = run_ltmt("qa", str(po), "--check", "format")
    assert (code, err) == (1, "")
    assert out.splitlines()[-1] == "5 entries checked (5 not yet reviewed): 1 error (format 1)"
    folder = tmp_path / "po"
    folder.mkdir()
    shutil.copy(po, folder / "de.po")
    code, out, _ = run_ltmt("qa", str(folder), "--check", "format", "--fail-on", "never")
    assert (code, out.splitlines()[-1]) == (
        0,
        "5 entries checked (5 not yet reviewed): 1 error (format 1)",
    )


def test_kde_credits_entries_are_not_checked(run_ltmt, tmp_path):
    """Trial (a KDE translator), session 71: a reviewed catalog's EMAIL OF TRANSLATORS entry,
    max@example.org, was 'warning [wordless] the translation lost all its words'; the
    translators' names and addresses are no translation (ltmt.formats.credit_entries)."""
    po = tmp_path / "de.po"
    po.write_text(
        HEADER + 'msgctxt "NAME OF TRANSLATORS"\nmsgid "Your names"\nmsgstr "Max Mustermann"\n\n'
        'msgctxt "EMAIL OF TRANSLATORS"\nmsgid "Your emails"\nmsgstr "max@example.org"\n\n'
        'msgid "Save"\nmsgstr "Speichern"\n',
        "utf-8",
    )
    code, out, _ = run_ltmt("qa", str(po))
    assert (code, out) == (0, "1 entry checked: nothing found\n")


def test_fail_on_sets_the_severity_that_fails(run_ltmt, tmp_path):
    warned = write_po(tmp_path / "w.po", [("", "Delete 3 files", "4 Dateien löschen", False)])
    assert run_ltmt("qa", str(warned))[0] == 0
    assert run_ltmt("qa", str(warned), "--fail-on", "warning")[0] == 1
    clean = write_po(tmp_path / "c.po", [("", "Save", "Speichern", False)])
    code, out, _ = run_ltmt("qa", str(clean), "--fail-on", "note")
    assert (code, out) == (0, "1 entry checked: nothing found\n")


def test_json_report(run_ltmt, po):
    code, out, _ = run_ltmt("qa", str(po), "--json", "--check", "format,punctuation")
    data = json.loads(out)
    assert code == 1
    assert data["file"] == str(po) and data["entries"] == 5
    assert data["checks"] == ["format", "punctuation"]
    assert [f["check"] for f in data["findings"]] == ["format", "punctuation"]
    assert data["findings"][0]["target"] == "Kann %d nicht öffnen"
    assert [(f["file"], f["entry"], f["position"]) for f in data["findings"]] == [
        (str(po), 1, f"{po}: entry 1"),
        (str(po), 5, f"{po}: entry 5"),
    ]


def test_a_json_finding_in_a_po_file_says_its_msgid_line(run_ltmt, po):
    """A PO finding's ``line`` was null: it is its entry's msgid line, as msgfmt says it."""
    _, out, _ = run_ltmt("qa", str(po), "--json", "--check", "format,punctuation")
    found = json.loads(out)["findings"]
    assert [(f["entry"], f["line"]) for f in found] == [(1, 8), (5, 23)]
    assert po.read_text("utf-8").splitlines()[7] == 'msgid "Cannot open %s"'


@pytest.mark.parametrize(
    ("cwd", "given", "file"),
    [
        (".", "locales", "locales/de/app.po"),  # said under the folder's parent: the same here
        ("locales", ".", "de/app.po"),  # was locales/de/app.po, which is no path from here
        ("locales/de", "..", "../de/app.po"),
        ("elsewhere", "../locales/de", "../locales/de/app.po"),  # was de/app.po
    ],
)
def test_a_json_finding_in_a_folder_says_its_file_as_given(
    run_ltmt, tmp_path, monkeypatch, cwd, given, file
):
    """A folder's file in ``--json`` was its path from the folder's parent, whatever path the
    folder was given as: it is the path to give ``ltmt qa`` again, as the text report says."""
    (tmp_path / "locales" / "de").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    write_po(tmp_path / "locales" / "de" / "app.po")
    monkeypatch.chdir(tmp_path / cwd)
    _, out, _ = run_ltmt("qa", given, "--json", "--check", "format")
    _, text, _ = run_ltmt("qa", given, "--check", "format")
    data = json.loads(out)
    assert data["file"] == given
    assert [f["file"] for f in data["findings"]] == [file]
    assert text.splitlines()[0].startswith(f"{file}:8: error [format]")


def test_a_sphinx_role_lost_in_a_translation_is_an_error(run_ltmt, tmp_path):
    """reST's markup from ``sphinx-build -b gettext`` is placeholders: a role the model broke
    (``:kbd:`Esc``` → `` `Esc`Esc` ``) breaks the German build, and fails ``ltmt qa``."""
    entries = [("", "Press :kbd:`Esc` to quit.", "Drücken Sie `Esc`Esc` zum Beenden.", False)]
    po = write_po(tmp_path / "usage.po", entries)
    code, out, _ = run_ltmt("qa", str(po), "--check", "placeholders")
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{po}:7: error [placeholders] lacks :kbd:`Esc`",
        f"{po}:7: error [placeholders] adds `Esc`, which the source does not have",
    ]


def test_a_sphinx_doctest_or_image_translated_as_prose_is_an_error(run_ltmt, tmp_path):
    """Trial s77: ``>>> import widgetry`` as ``>> import-Widgetriere`` and ``.. image::`` as
    ``.. Bild:`` passed qa (exit 0); a copied code block is no pair to check."""
    entries = [
        ("", ">>> import widgetry\\nTrue", ">> import-Widgetriere\\nWahr", False),
        ("", ".. image:: _static/a.png", ".. Bild: _static/a.png", False),
        ("", ">>> w.render()", ">>> w.render()", False),
    ]
    po = write_po(tmp_path / "quickstart.po", entries)
    code, out, _ = run_ltmt("qa", str(po), "--check", "placeholders")
    assert code == 1
    assert out.splitlines() == [
        f"{po}:7: error [placeholders] changes code: the translation has '>> import-Widgetriere' "
        "for '>>> import widgetry'; copy a doctest's or a shell session's code as written (only "
        "its comments may be translated)",
        f"{po}:10: error [placeholders] changes code: the translation has '.. Bild: "
        "_static/a.png' for the directive '.. image:: _static/a.png'; write '.. image::' as the "
        "source does (Sphinx reads anything else as another directive or a comment)",
        "2 entries checked: 2 errors (placeholders 2)",
    ]


def test_checks_asked_for_that_cannot_run_are_said(run_ltmt, po):
    code, out, err = run_ltmt("qa", str(po), "--check", "memory", "--check", "glossary")
    assert code == 0 and out == "5 entries checked (1 not yet reviewed): nothing found\n"
    assert err.splitlines() == [
        "ltmt: the memory check did not run: no user's memory to compare with",
        "ltmt: the glossary check did not run: no glossary terms (the user's, or a glossary given)",
    ]


def test_a_check_that_cannot_run_is_said_though_not_asked_for(run_ltmt, tmp_path):
    """--tgt-lang fr without a French dictionary said "nothing found", the spelling check
    silently not run."""
    table = tmp_path / "pairs.csv"
    table.write_text("source,target\nSave,Speichern\n", "utf-8")
    code, out, err = run_ltmt("qa", str(table), "--check", "copied,spelling", "--tgt-lang", "xx")
    assert code == 0 and out == "1 entry checked: nothing found; not run: spelling\n"
    assert err.startswith("ltmt: the spelling check did not run: no spelling dictionary for xx")


def test_the_users_memory_and_glossary(run_ltmt, po, tmp_path):
    store = tmp_path / "store"
    with Memory(store) as memory:
        memory.add("u1", "Name:", "Name:")
        memory.glossary("u1").add("save", "Speichern")
    code, out, _ = run_ltmt(
        "qa", str(po), "-u", "u1", "--memory-dir", str(store), "--check", "memory,glossary"
    )
    assert out.splitlines()[:-1] == [
        f"{po}:16: warning [glossary] 'Save' is 'Speichern' in the glossary",
        f"{po}:23: warning [memory] u1's memory translates this source as 'Name:'",
    ]
    glossary = tmp_path / "g.csv"
    glossary.write_text("source,target\nopen,öffnen\n", "utf-8")
    code, out, _ = run_ltmt(
        "qa",
        str(po),
        "-u",
        "u1",
        "--memory-dir",
        str(store),
        "--no-user-glossary",
        "--glossary",
        str(glossary),
        "--check",
        "glossary",
    )
    assert (code, out) == (0, "5 entries checked (1 not yet reviewed): nothing found\n")


@pytest.mark.skipif(
    dictionary_for("de") is None, reason="needs pyenchant, libenchant-2-2 and hunspell-de-de"
)
def test_words_no_dictionary_of_the_target_language_knows(run_ltmt, tmp_path):
    po = write_po(
        tmp_path / "de.po",
        [("", "Categories", "Kategories", False), ("", "Show commits", "Commits anzeigen", False)],
    )
    code, out, _ = run_ltmt("qa", str(po))
    assert code == 0
    assert out.splitlines() == [
        f"{po}:7: note [spelling] a word the de_DE (hunspell) dictionary does not know: "
        "'Kategories'",
        "2 entries checked: 1 note (spelling 1)",
    ]
    # the user's glossary says it is their word
    store = tmp_path / "store"
    with Memory(store) as memory:
        memory.glossary("u1").add("categories", "Kategories")
    code, out, _ = run_ltmt("qa", str(po), "-u", "u1", "--memory-dir", str(store))
    assert out == "2 entries checked: nothing found\n"


def test_list_checks_needs_no_file(run_ltmt):
    code, out, _ = run_ltmt("qa", "--list-checks")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["format", "error"]
    assert len(out.splitlines()) == len(CHECKS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.po"], "ltmt: error: missing.po: file not found\n"),
        (["{po}", "--skip", ",".join(CHECKS)], "ltmt: error: --skip leaves no check to run\n"),
        (["{po}", "-u", "u1", "--memory-dir", "{tmp}/nostore"], "ltmt: error: no memory store at "),
        (["{po}", "--source-file", "{po}"], "ltmt: error: --source-file is for "),
    ],
)
def test_bad_input_is_one_line_and_exits_2(run_ltmt, po, tmp_path, args, message):
    """A file qa could not check exited 1, as a file whose findings fail it does."""
    code, out, err = run_ltmt("qa", *[a.format(po=po, tmp=tmp_path) for a in args])
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.po"], "missing.po: file not found"),
        (["{po}", "--glossary", "{tmp}/none.csv"], "glossary file {tmp}/none.csv does not exist"),
        (["{po}", "--tgt-lang", "fr"], "{po}: its Language header says de"),
        (["{po}", "--fail-on", "maybe"], "--fail-on 'maybe': use one of error, warning, note"),
    ],
)
def test_with_json_an_error_is_a_json_report_on_stdout(run_ltmt, po, tmp_path, args, message):
    code, out, err = run_ltmt("qa", *[a.format(po=po, tmp=tmp_path) for a in args], "--json")
    assert (code, err) == (2, "")
    assert json.loads(out)["error"].startswith(message.format(po=po, tmp=tmp_path))


def test_a_catalog_msgfmt_rejects_is_one_line(run_ltmt, tmp_path):
    """qa read a '"' left unescaped inside a string as part of it, and found nothing."""
    po = tmp_path / "de.po"
    po.write_text(
        HEADER + 'msgid "Click "Save"."\nmsgstr "Klicken Sie auf "Speichern"."\n', "utf-8"
    )
    code, out, err = run_ltmt("qa", str(po))
    assert (code, out) == (2, "")
    assert err == (
        f"ltmt: error: {po}:7:14: a '\"' ends the string before the line does, which msgfmt "
        "rejects; write a '\"' inside a string as \\\" (and each string on its own line)\n"
    )


def test_a_check_not_among_the_checks_exits_2(run_ltmt, po):
    code, out, err = run_ltmt("qa", str(po), "--check", "placeholder")
    assert (code, out) == (2, "")
    assert err.startswith(
        "ltmt: error: no check 'placeholder' (did you mean 'placeholders'?); the checks are "
    )


def test_a_fail_on_not_among_its_choices_exits_2(run_ltmt, po):
    code, out, err = run_ltmt("qa", str(po), "--fail-on", "maybe")
    assert (code, out) == (2, "")
    assert err == "ltmt: error: --fail-on 'maybe': use one of error, warning, note, never\n"


def test_a_file_of_one_language_is_paired_with_its_source(run_ltmt, tmp_path):
    source = tmp_path / "values" / "strings.xml"
    target = tmp_path / "values-de" / "strings.xml"
    for path, text in ((source, "Delete %1$s?"), (target, "%1$s löschen")):
        path.parent.mkdir()
        path.write_text(f'<resources><string name="ask">{text}</string></resources>\n', "utf-8")
    code, out, err = run_ltmt("qa", str(target), "--source-file", str(source))
    assert code == 0
    assert out.splitlines() == [
        f"{target}: ask: note [punctuation] the source ends with a question mark, the "
        "translation does not",
        "1 entry checked: 1 note (punctuation 1)",
    ]
    code, out, err = run_ltmt("qa", str(target), "--source-file", str(source), "--json")
    assert json.loads(out)["findings"][0]["line"] == 1  # its <string>'s (it was null)
    code, out, err = run_ltmt(
        "qa", str(tmp_path / "values-de"), "--source-file", str(source.parent)
    )
    assert (
        code == 0
        and err == ""
        and out.splitlines()[-1] == "1 entry checked: 1 note (punctuation 1)"
    )


def test_a_stringsdict_plural_without_other_is_an_error(run_ltmt, tmp_path):
    import plistlib

    def plural(**forms: str) -> bytes:
        variable = {"NSStringFormatSpecTypeKey": "NSStringPluralRuleType", **forms}
        return plistlib.dumps({"photos": {"NSStringLocalizedFormatKey": "%#@n@", "n": variable}})

    source = tmp_path / "en.lproj" / "Localizable.stringsdict"
    target = tmp_path / "de.lproj" / "Localizable.stringsdict"
    for path, data in (
        (source, plural(one="%d photo", other="%d photos")),
        (target, plural(one="%d Foto")),
    ):
        path.parent.mkdir()
        path.write_bytes(data)
    code, out, _ = run_ltmt("qa", str(target), "--source-file", str(source))
    assert code == 1
    assert f"{target}: photos#n: error [plurals] has no other form, which Apple requires" in out
    target.write_bytes(plural(one="%d Foto", other="Viele Fotos"))  # the count dropped
    code, out, _ = run_ltmt("qa", str(target), "--source-file", str(source))
    assert code == 1 and f"{target}: photos#n#other: error [placeholders] lacks %d" in out


def test_stale_strings_of_a_string_catalog_are_said_once(run_ltmt, tmp_path, caplog):
    german = {"de": {"stringUnit": {"state": "translated", "value": "Sichern"}}}
    strings = {
        "Old": {"extractionState": "stale", "localizations": german},
        "Save": {"localizations": german},
    }
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(json.dumps({"sourceLanguage": "en", "strings": strings}), "utf-8")
    code, _, _ = run_ltmt("qa", str(path))
    assert code == 0
    assert caplog.text.count('no longer in the app ("extractionState" : "stale")') == 1


def test_a_key_written_twice_is_said(run_ltmt, tmp_path, caplog):
    """JSON parsers read the last of a key written twice (a warning names it); Android's
    build rejects a string defined twice (an error)."""
    source, target = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text('{"save": "Save", "open": "Open", "save": "Save file"}', "utf-8")
    target.write_text('{"save": "Speichern", "open": "Öffnen"}', "utf-8")
    code, out, err = run_ltmt("qa", str(target), "--source-file", str(source))
    assert code == 0 and out.endswith("2 entries checked: nothing found\n")
    assert f"{source}: 1 key defined more than once (/save); only the last" in caplog.text
    values = tmp_path / "values" / "strings.xml"
    values.parent.mkdir()
    values.write_text(
        '<resources>\n<string name="save">Save</string>\n<string name="save">Save file</string>'
        "\n</resources>\n",
        "utf-8",
    )
    translated = tmp_path / "values-de" / "strings.xml"
    translated.parent.mkdir()
    translated.write_text('<resources><string name="save">Speichern</string></resources>', "utf-8")
    code, out, err = run_ltmt("qa", str(translated), "--source-file", str(values))
    assert (code, out) == (2, "")
    assert err == (
        f"ltmt: error: {values}:3: string/save is defined twice (first on line 2), which "
        "Android's build rejects; delete or rename one\n"
    )


needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")


def _msgfmt_accepts(path: Path) -> bool:
    done = subprocess.run(
        ["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(path)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@needs_msgfmt
@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Cannot open %s", "Kann %s nicht öffnen"),
        ("Cannot open %s", "Kann %d nicht öffnen"),
        ("Cannot open %s", "Kann nicht öffnen"),
        ("%s of %d", "%2$d von %1$s"),
        ("%s of %d", "%2$s von %1$d"),
        ("%-12s|", "%-28s|"),
        ("%d%% done", "%d%% fertig"),
        ("%d%% done", "%d% fertig"),
        ("Open %s", "%s %s öffnen"),
    ],
)
def test_the_format_check_agrees_with_msgfmt(run_ltmt, tmp_path, msgid, msgstr):
    po = write_po(tmp_path / "de.po", [("c-format", msgid, msgstr, False)])
    code, out, _ = run_ltmt("qa", str(po), "--check", "format")
    assert (code == 0) == _msgfmt_accepts(po), out


def test_unnamed_brace_fields_may_be_reordered(run_ltmt, tmp_path):
    po = write_po(tmp_path / "de.po", [("python-brace-format", "{} of {}", "{1} von {0}", False)])
    assert run_ltmt("qa", str(po))[:2] == (
        0,
        "1 entry checked: nothing found\n",
    )


PLURALS = HEADER + (
    '#, c-format\nmsgid "%d file deleted"\nmsgid_plural "%d files deleted"\n'
    'msgstr[0] "%d Datei gelöscht"\nmsgstr[1] "%d Dateien gelöscht"\nmsgstr[2] "%d Dateien"\n\n'
    '#, c-format\nmsgid "%d item"\nmsgid_plural "%d items"\nmsgstr[0] "%d Element"\n\n'
    '#, c-format\nmsgid "%d thing"\nmsgid_plural "%d things"\nmsgstr[0] "%d Ding"\n'
    'msgstr[1] ""\n\n'
    'msgid "One"\nmsgstr ""\n\nmsgid "Two"\nmsgstr "Zwei"\n'
)


def test_plural_forms_the_catalog_does_not_declare_or_leaves_empty_and_untranslated_entries(
    run_ltmt, tmp_path
):
    # the pairs hold only the forms translated: an extra msgstr[2], a missing msgstr[1] and an
    # empty one passed (msgfmt compiles the empty one), and no entry counted as untranslated
    po = tmp_path / "de.po"
    po.write_text(PLURALS, "utf-8")
    code, out, _ = run_ltmt("qa", str(po))
    assert code == 1
    assert out.splitlines() == [
        f"{po}:8: error [plurals] has 3 plural forms (msgstr[0] to msgstr[2]) where the "
        "catalog's Plural-Forms says nplurals=2",
        f"{po}:15: error [plurals] has 1 plural form (msgstr[0]) where the catalog's "
        "Plural-Forms says nplurals=2",
        f"{po}:20: error [plurals] leaves msgstr[1] empty: the program shows an empty "
        "string for the counts that take that form",
        # a plural entry is one entry; those with an empty or missing form are checked, not
        # untranslated too (they were both: 4 checked, 3 untranslated, for 5 entries)
        "4 entries checked (1 untranslated left out): 3 errors (plurals 3)",
    ]
    code, out, _ = run_ltmt("qa", str(tmp_path), "--json")
    report = json.loads(out)
    assert (report["untranslated"], report["by_check"]["plurals"]) == (1, 3)
    xliff = tmp_path / "de.xlf"
    xliff.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="a"><source>Save</source><target state="final">Sichern</target>'
        '</trans-unit><trans-unit id="b"><source>Open</source><target state="new"/>'
        "</trans-unit></body></file></xliff>",
        "utf-8",
    )
    code, out, _ = run_ltmt("qa", str(xliff))
    assert (code, out) == (0, "1 entry checked (1 untranslated left out): nothing found\n")


SWAPPED_GLOSSARY = "Infusionspumpe,infusion pump\nGebrauchsanweisung,IFU\nHersteller,manufacturer\n"


def test_a_swapped_glossary_is_refused_as_glossary_import_refuses_it(run_ltmt, tmp_path):
    """It was used silently and found nothing: a false all-clear."""
    glossary = tmp_path / "g.csv"
    glossary.write_text(SWAPPED_GLOSSARY, "utf-8")
    records = tmp_path / "x.jsonl"
    records.write_text(
        '{"source": "Check the infusion pump.", "target": "Prüfen Sie die Pumpe."}\n', "utf-8"
    )
    args = ("qa", str(records), "--glossary", str(glossary), "--check", "glossary")
    code, out, err = run_ltmt(*args)
    assert (code, out) == (2, "")
    assert err == (
        f"ltmt: error: {glossary}: 2 of 3 rows read as German first and English second: target "
        "terms first; a glossary of en to de has its source terms first: swap the columns; the "
        "glossary was not used (--no-language-check uses it as it is)\n"
    )
    code, out, _ = run_ltmt(*args, "--no-language-check")
    assert (code, out) == (0, "1 entry checked: nothing found\n")


def test_a_glossary_of_an_unknown_extension_is_told_to_be_renamed(run_ltmt, tmp_path):
    """The advice was ``or --format``: qa's --format is the checked file's, not the glossary's."""
    glossary = tmp_path / "terms.glossary"
    glossary.write_text("source,target\nfile,Datei\n", "utf-8")
    records = tmp_path / "x.jsonl"
    records.write_text('{"source": "a file", "target": "eine Datei"}\n', "utf-8")
    code, _, err = run_ltmt("qa", str(records), "--glossary", str(glossary), "--format", "jsonl")
    assert (code, err) == (
        2,
        "ltmt: error: unknown glossary extension '.glossary' for terms.glossary: use .csv, .tsv, "
        ".tbx or .txt (OmegaT) (rename it)\n",
    )


def test_an_empty_translation_of_a_unit_marked_translated_is_a_warning(run_ltmt, tmp_path):
    """An XLIFF target state="translated" left empty was only counted untranslated; a CSV
    row with an empty target cell vanished (9 entries checked for 10 rows, none counted)."""
    xliff = tmp_path / "de.xlf"
    xliff.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>\n'
        '<trans-unit id="a"><source>Save</source><target state="final">Sichern</target>'
        '</trans-unit>\n<trans-unit id="b"><source>Log out</source>'
        '<target state="translated"></target></trans-unit>\n'
        '<trans-unit id="c"><source>Open</source><target state="new"/></trans-unit>\n'
        "</body></file></xliff>",
        "utf-8",
    )
    code, out, _ = run_ltmt("qa", str(xliff))
    assert (code, out.splitlines()) == (
        0,
        [
            f'{xliff}:3: warning [empty] its translation is empty, though its state is "translated"'
            ": the program shows nothing; translate it",
            "2 entries checked (1 untranslated left out): 1 warning (empty 1)",
        ],
    )
    code, out, _ = run_ltmt("qa", str(xliff), "--json")
    (finding,) = json.loads(out)["findings"]
    assert (finding["line"], finding["id"]) == (3, "b")  # both were null
    # a CSV row's empty target cell is untranslated, as a TSV's (it was an 'empty' warning)
    table = tmp_path / "de.csv"
    table.write_text('source,target\nSave,Speichern\n"Empty one",""\n', "utf-8")
    code, out, _ = run_ltmt("qa", str(table), "--check", "empty")
    assert (code, out) == (0, "1 entry checked (1 untranslated left out): nothing found\n")


def test_an_empty_xliff2_segment_marked_translated_is_a_warning(tmp_path):
    from ltmt.qa.catalog_forms import empty_xliff_targets

    xliff = tmp_path / "de.xlf"
    xliff.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        'trgLang="de"><file id="f"><unit id="u1"><segment state="final"><source>Quit</source>'
        '<target/></segment></unit><unit id="u2"><segment state="initial"><source>Open'
        "</source><target/></segment></unit></file></xliff>",
        "utf-8",
    )
    assert [(p.source, p.check) for p in empty_xliff_targets(xliff)] == [("Quit", "empty")]


@pytest.mark.parametrize(
    ("version", "code", "named"),
    [
        ("2.0", '<ph id="1"/>', '<ph id="1"/>'),  # was named <x id="1"/>, 1.2's element
        ("2.0", '<ph id="1" equiv="{n}"/>', '<ph id="1" equiv="{n}"/>'),
        ("1.2", '<x id="1"/>', '<x id="1"/>'),
    ],
)
def test_an_xliff_code_is_named_as_the_file_writes_it(run_ltmt, tmp_path, version, code, named):
    namespace = f"urn:oasis:names:tc:xliff:document:{version}"
    if version == "2.0":
        units = (
            f'<file id="f"><unit id="u1"><segment state="final"><source>Open{code} now</source>'
            f'<target>Jetzt öffnen</target></segment></unit><unit id="u2"><segment state="final">'
            f"<source>Quit</source><target>Beenden{code.replace('1', '2', 1)}</target></segment>"
            "</unit></file>"
        )
        head = 'srcLang="en" trgLang="de"'
    else:
        units = (
            '<file original="a" source-language="en" target-language="de" datatype="plaintext">'
            f'<body><trans-unit id="u1"><source>Open{code} now</source><target>Jetzt öffnen'
            '</target></trans-unit><trans-unit id="u2"><source>Quit</source><target>Beenden'
            f"{code.replace('1', '2', 1)}</target></trans-unit></body></file>"
        )
        head = ""
    xliff = tmp_path / "de.xlf"
    xliff.write_text(f'<xliff xmlns="{namespace}" version="{version}" {head}>{units}</xliff>')
    _, out, _ = run_ltmt("qa", str(xliff), "--check", "placeholders")
    assert [line.split("] ")[1] for line in out.splitlines()[:2]] == [
        f"lacks {named}",
        f"adds {named.replace('1', '2', 1)}, which the source does not have",
    ]


def test_a_catalog_of_another_language_says_which_tgt_lang_to_pass(run_ltmt, po):
    """It advised "pass --src-lang/--tgt-lang to choose the pair" though --tgt-lang was given."""
    code, _, err = run_ltmt("qa", str(po), "--tgt-lang", "fr")
    assert code == 2
    assert err.endswith(
        "not en->fr; to read it as en->de, pass --tgt-lang de; else give the fr catalog\n"
    )


def test_the_form_of_address(run_ltmt, tmp_path):
    """A brand that says "du": without --formality the mixed line and the file's two forms are
    found, with --formality du each formal line."""
    pairs = tmp_path / "de.jsonl"
    lines = [
        (
            "Take ten minutes and add them.",
            "Nimm dir zehn Minuten und schreiben Sie Ihre Ziele auf.",
        ),
        ("Your week, brighter.", "Deine Woche, heller."),
        ("It helps you plan your week.", "Er hilft Ihnen, Ihre Woche zu planen."),
        ("You made it, she said.", "Sie haben es geschafft, sagte sie."),
    ]
    pairs.write_text(
        "".join(
            json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n" for s, t in lines
        ),
        "utf-8",
    )
    code, out, _ = run_ltmt("qa", str(pairs), "--check", "formality")
    assert code == 0
    assert out.splitlines() == [
        "de.jsonl:1: warning [formality] mixes informal address (dir) and formal (Sie, Ihre): use "
        "one form throughout",
        "de.jsonl: note [formality] the file addresses the reader informally in 2 entries and "
        "formally in 2 entries (the formal ones: line 1, line 3): use one form (ltmt qa "
        "--formality du or --formality Sie flags each entry of the other)",
        "4 entries checked: 1 warning, 1 note (formality 2)",
    ]
    code, out, _ = run_ltmt("qa", str(pairs), "--check", "formality", "--formality", "du")
    assert code == 0
    assert out.splitlines() == [
        "de.jsonl:1: warning [formality] uses formal address (Sie, Ihre) where --formality du asks "
        "for informal",
        "de.jsonl:3: warning [formality] uses formal address (Ihnen, Ihre) where --formality du asks "
        "for informal",
        # a sentence's first Sie where the source says "you" and the line has no du word reads
        # formal under --formality du (session 70: translate's summary and qa share the rule)
        "de.jsonl:4: warning [formality] uses formal address (Sie) where --formality du asks for "
        "informal",
        "4 entries checked: 3 warnings (formality 3)",
    ]
    code, out, err = run_ltmt("qa", str(pairs), "--formality", "ihr")
    assert code == 2
    assert err == "ltmt: error: --formality 'ihr': use du (informal) or Sie (formal)\n"


def test_strings_only_the_translation_has_are_said_not_checked(run_ltmt, tmp_path, caplog):
    """qa said they were 'not imported', import's wording."""
    source, target = tmp_path / "en.yml", tmp_path / "de.yml"
    source.write_text("en:\n  save: Save\n", "utf-8")
    target.write_text("de:\n  save: Speichern\n  old: Alt\n", "utf-8")
    code, _, _ = run_ltmt("qa", str(target), "--source-file", str(source), "--check", "format")
    assert code == 0
    assert (
        f"{target}: 1 string not in {source} not checked (old): delete it there if it is obsolete"
    ) in caplog.text
    assert "imported" not in caplog.text


def test_strings_only_an_android_translation_has_are_extra_findings(run_ltmt, tmp_path, caplog):
    """An Android CI trial: app_name (translatable="false" in values/) and old_feature (not
    there) were stderr warnings alone; `--json --fail-on warning` exited 0 with no warning."""
    source = tmp_path / "values" / "strings.xml"
    target = tmp_path / "values-de" / "strings.xml"
    source.parent.mkdir()
    target.parent.mkdir()
    source.write_text(
        '<resources><string name="app_name" translatable="false">Trail</string>'
        '<string name="save">Save</string></resources>\n',
        "utf-8",
    )
    target.write_text(
        '<resources><string name="app_name">Trail</string><string name="save">Sichern</string>'
        '<string name="old_feature">Alt</string></resources>\n',
        "utf-8",
    )
    args = ("qa", str(target), "--source-file", str(source), "--fail-on", "warning")
    code, out, err = run_ltmt(*args, "--json")
    report = json.loads(out)
    assert code == 1
    assert report["by_severity"] == {"error": 0, "warning": 2, "note": 0}
    assert [(f["check"], f["position"], f["severity"]) for f in report["findings"]] == [
        ("extra", f"{target}: app_name", "warning"),
        ("extra", f"{target}: old_feature", "warning"),
    ]
    assert "not checked" not in caplog.text + err  # said once: as findings
    code, out, _ = run_ltmt(*args)
    assert code == 1
    assert out.splitlines() == [
        f'{target}: app_name: warning [extra] marked translatable="false" in {source}: delete '
        "it from this file (Android lint's ExtraTranslation, which fails a release build)",
        f"{target}: old_feature: warning [extra] not in {source}: delete it from this file if "
        "it is obsolete (Android lint's ExtraTranslation, which fails a release build)",
        "1 entry checked: 2 warnings (extra 2)",
    ]


def test_a_text_files_findings_name_its_path_as_given(run_ltmt, tmp_path, monkeypatch):
    """A fastlane trial: `qa fastlane/metadata/android/de-DE --source-file .../en-US` said
    `full_description.txt:5: note ...`, which a GitHub problem matcher could not find."""
    monkeypatch.chdir(tmp_path)
    for language, text in (("en-US", "Ready?\n"), ("de-DE", "Bereit\n")):
        (tmp_path / language / "changelogs").mkdir(parents=True)
        (tmp_path / language / "changelogs" / "123.txt").write_text(text, "utf-8")
    code, out, _ = run_ltmt("qa", "de-DE", "--source-file", "en-US", "--check", "punctuation")
    assert code == 0
    assert out.splitlines()[0] == (
        "de-DE/changelogs/123.txt:1: note [punctuation] the source ends with a question mark, "
        "the translation does not"
    )
    code, out, _ = run_ltmt(
        "qa", "de-DE/changelogs/123.txt", "--source-file", "en-US/changelogs/123.txt", "--json"
    )
    assert [f["position"] for f in json.loads(out)["findings"]] == ["de-DE/changelogs/123.txt:1"]


def test_a_java_translation_is_checked_against_its_source_not_a_colleagues_translation(
    tmp_path: Path, run_ltmt
) -> None:
    """``qa OUT --source-file resources`` checked ``messages_de.properties`` against the
    colleague's ``messages_de.properties`` there (German against German, the lost placeholder
    missed); ``qa resources`` alone said its files had no source beside them."""
    source = tmp_path / "resources"
    source.mkdir()
    (source / "messages.properties").write_text("order=Order {0} was placed.\n", "utf-8")
    (source / "messages_de.properties").write_text("order=Bestellung aufgegeben.\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "messages_de.properties").write_text("order=Bestellung aufgegeben.\n", "utf-8")
    for args in (["qa", str(out), "--source-file", str(source)], ["qa", str(source)]):
        code, out_text, err = run_ltmt(*args, "--check", "placeholders")
        assert code == 1, err
        assert "messages_de.properties: order: error [placeholders] lacks {0}" in out_text


def test_columns_names_a_tables_pairs_as_memory_import_does(run_ltmt, tmp_path: Path):
    """Regression trial stf, session 69: 'ltmt qa labels.csv --columns ...' said 'No such
    option: --columns', while translate and memory import have it."""
    table = tmp_path / "labels.csv"
    table.write_text("KEY,Text A,Text B\nk1,Save the file,Datei speichern\nk2,Open,\n", "utf-8")
    code, out, err = run_ltmt("qa", str(table))
    assert code == 2
    assert err.endswith(
        "or name the sources' column and their translations': "
        'ltmt qa labels.csv --columns "Text A=Text B"\n'
    )
    code, out, err = run_ltmt("qa", str(table), "--columns", "Text A=Text B")
    assert code == 0
    assert out == "1 entry checked (1 untranslated left out): nothing found\n"
    code, out, err = run_ltmt("qa", str(table), "--columns", "Text A")
    assert code == 2
    assert err == (
        f"ltmt: error: {table}: qa --columns names each source column and its translation's "
        'column, SOURCE=TARGET: --columns "Text A=..."\n'
    )


def test_the_csv_max_length_column_is_documented(run_ltmt):
    """Regression trial stf, session 69: a CSV table's Max length column was checked, but
    qa --list-checks and translate --help named only XLIFF's and WebExtension's limits."""
    code, out, _ = run_ltmt("qa", "--list-checks")
    assert code == 0 and "a CSV table's Max length column" in " ".join(out.split())
    code, out, _ = run_ltmt("translate", "--help")
    assert code == 0 and "than its Max length column's number of characters" in " ".join(
        out.replace("│", " ").split()
    )


def test_a_folders_file_that_is_no_message_file_is_skipped_alone_an_error_to_read(
    run_ltmt, tmp_path, caplog
):
    """A JSON file with a list at its top (then a Dialogflow agent's ``*_usersays_en.json``, read
    as Dialogflow's since) stopped ``qa FOLDER`` with exit 2 and said ``ltmt cannot translate
    it``; translate skipped it with a warning."""
    for lang, text in (("en", "Save"), ("de", "Speichern")):
        folder = tmp_path / lang
        folder.mkdir()
        (folder / "intent.json").write_text(json.dumps({"speech": text}), "utf-8")
        (folder / "sizes.json").write_text("[1, 2, 3]", "utf-8")
    code, out, err = run_ltmt("qa", str(tmp_path / "de"), "--source-file", str(tmp_path / "en"))
    assert code == 0, err
    said = tmp_path / "en" / "sizes.json"
    assert (
        f"{said}: not a JSON message file: its top level is not an object, nor a list of "
        "objects: skipped"
    ) in caplog.messages
    assert "1 file that ltmt cannot read as a message file (sizes.json)" in err
    assert out.splitlines()[-1] == "1 entry checked: nothing found"
    code, out, err = run_ltmt("qa", str(tmp_path / "de" / "sizes.json"), "--source-file", str(said))
    assert (code, out) == (2, "")
    assert err == (
        f"ltmt: error: {said}: not a JSON message file: its top level is not an object, nor a "
        "list of objects; ltmt cannot read it: leave it out\n"
    )


def test_a_fastlane_short_description_over_80_characters_is_a_length_error(run_ltmt, tmp_path):
    """Trial androidci, session 70: a translated short_description.txt of 90 characters (Google
    Play allows 80, and refuses the upload) passed qa without a word; now a length error (a
    warning until session 71, exit 0), and the limit is documented. Its --json finding is where
    the pairs' are (rege170: its file was the folder, its position the path without a line,
    its source empty and its line null)."""
    paths = {}
    for locale, text in (("en-US", "Record your hikes."), ("de-DE", "x" * 90)):
        folder = tmp_path / "fastlane" / "metadata" / "android" / locale
        folder.mkdir(parents=True)
        paths[locale] = folder / "short_description.txt"
        paths[locale].write_text(text + "\n", "utf-8")
    target = paths["de-DE"]
    args = ("qa", str(target), "--source-file", str(paths["en-US"]), "--check", "length")
    code, out, err = run_ltmt(*args)
    assert code == 1, err
    assert out == (
        f"{target}:1: error [length] the translation is 90 characters long, Google Play "
        "allows 80\n1 entry checked: 1 error (length 1)\n"
    )
    code, out, _ = run_ltmt("qa", str(target.parent), "--source-file", str(paths["en-US"].parent),
                            "--check", "length", "--json")  # fmt: skip
    (finding,) = json.loads(out)["findings"]
    assert {k: finding[k] for k in ("entry", "position", "source", "file", "line")} == {
        "entry": 1,
        "position": f"{target}:1",
        "source": "Record your hikes.",
        "file": str(target),
        "line": 1,
    }
    code, out, _ = run_ltmt("qa", "--list-checks")
    assert "a fastlane metadata file's whole text" in " ".join(out.split())
    code, out, _ = run_ltmt("translate", "--help")
    assert "a fastlane metadata file longer than Google Play" in " ".join(
        out.replace("│", " ").split()
    )


def test_a_servicenow_artefact_is_checked_by_its_source_and_target_values(run_ltmt, tmp_path: Path):
    """Trial s72: a Localization Framework JSON was read as one language, so qa wanted a
    --source-file and compared German with German. Each filled targetValue is checked against
    its sourceValue; an empty one, the labels and the statuses are no entries."""
    fields = [
        ("question_text", "Which building?", "Welches Gebäude?", "TRANSLATED"),
        ("tooltip", "Choose the building.", "", "PENDING"),
        ("description", "The booking for {0} failed: {1}", "Die Buchung ist gescheitert: {1}", ""),
    ]
    artefact = {
        "sourceLanguage": "en",
        "targetLanguage": "de",
        "data": [
            {
                "tableName": "item_option_new",
                "fields": [
                    {"fieldName": name, "sourceValue": en, "targetValue": de, "status": status}
                    for name, en, de, status in fields
                ],
            }
        ],
    }
    path = tmp_path / "lf_de.json"
    path.write_text(json.dumps(artefact, ensure_ascii=False), "utf-8")
    code, out, err = run_ltmt("qa", str(path), "--check", "placeholders")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{path}: /data/0/fields/2/targetValue: error [placeholders] lacks {{0}}",
        "2 entries checked: 1 error (placeholders 1)",
    ]


WIKI_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" \
creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en"><seg>See [[Help:Contents]] for help.</seg></tuv><tuv xml:lang="de"><seg>\
Siehe [[Hilfe:Inhalt]] für Hilfe.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The [[help]] page explains editing.</seg></tuv><tuv xml:lang="de">\
<seg>Die Seite [[Hilfe]] erklärt das Bearbeiten.</seg></tuv></tu>
</body></tmx>
"""


def test_a_wiki_link_localised_is_a_warning_that_passes(run_ltmt, tmp_path: Path):
    """Trial s74 (regformats 3): a MediaWiki translation's ``[[Hilfe]]`` for ``[[help]]`` was
    ``error [placeholders] lacks [[help]]``, exit 1, and ``memory import`` warned of it."""
    path = tmp_path / "wiki.tmx"
    path.write_text(WIKI_TMX, "utf-8")
    code, out, _ = run_ltmt("qa", str(path), "--check", "placeholders,addresses")
    assert code == 0
    assert out.splitlines() == [
        f"{path}:4: warning [addresses] writes [[Hilfe]] for [[help]]: right for a wiki's link "
        "to the German page; if [[help]] is a field the app fills in (Smartling's), write [[help]]",
        "2 entries checked: 1 warning (addresses 1)",
    ]
    store = str(tmp_path / "store")
    code, out, err = run_ltmt("memory", "import", str(path), "--user", "u", "--memory-dir", store)
    assert code == 0 and "2 added" in out and "warning" not in err


def test_a_mozilla_plural_form_that_lost_its_count_is_an_error(tmp_path, run_ltmt):
    """qa read Firefox's one;other list as one sentence and said nothing of a form whose ``#1``
    became ``die Nummer 1`` (user trial 7): each form is checked, its count named as written."""
    source, target = tmp_path / "en-US", tmp_path / "de"
    for folder, value in [
        (source, "Close #1 tab?;Close #1 tabs?"),
        (target, "#1 Tab schliessen?;Die Nummer 1 Tabs schliessen?"),
    ]:
        folder.mkdir()
        (folder / "tabbrowser.properties").write_text(
            "# LOCALIZATION NOTE (tabs.close): Semicolon-separated list of plural forms.\n"
            f"tabs.close={value}\n"
        )
    code, out, err = run_ltmt(
        "qa", str(target), "--source-file", str(source), "--check", "placeholders"
    )
    assert code == 1, err
    assert out.splitlines()[0] == (
        f"{target / 'tabbrowser.properties'}: tabs.close#1: error [placeholders] lacks #1"
    )


def test_a_satellite_files_source_beside_it_is_said_once(run_ltmt, tmp_path: Path, caplog):
    # a .NET trial (s75): qa read the file twice (its pairs, then its unreviewed entries) and
    # printed "read as the translation of ... beside it" twice
    data = Path(__file__).parent.parent / "formats" / "data" / "Resources.resx"
    source, satellite = tmp_path / "Resources.resx", tmp_path / "Resources.de.resx"
    shutil.copy(data, source)
    shutil.copy(data, satellite)
    with caplog.at_level(logging.WARNING):
        code, _, _ = run_ltmt("qa", str(satellite))
    said = f"{satellite}: read as the translation of {source} beside it (no --source-file)"
    assert code == 0 and caplog.messages.count(said) == 1
