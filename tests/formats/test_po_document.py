"""A PO catalog as a document to translate: entries whose msgid is an ICU plural or select
(Lingui's catalogs), translated case by case and put back together (session 64: sent whole,
the model wrote ``{count, Plural, ein {...} andere {...}``, its braces lost)."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.icu_messages import syntax_problem
from ltmt.formats.pipeline import translate_file
from ltmt.formats.po_document import PoDocument
from ltmt.segments import Match, Segment, Translation

LINGUI_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
    '"X-Generator: @lingui/cli\\n"\n"Language: de\\n"\n\n'
)
PLAIN_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
INBOX = "{count, plural, one {You have # unread message} other {You have # unread messages}}"


def catalog(tmp_path: Path, *msgids: str, header: str = LINGUI_HEADER, flags: str = "") -> Path:
    """A catalog of ``msgids``, untranslated, each flagged with ``flags`` where given."""
    flag_line = f"#, {flags}\n" if flags else ""
    entries = "".join(f'{flag_line}msgid "{msgid}"\nmsgstr ""\n\n' for msgid in msgids)
    path = tmp_path / "messages.po"
    path.write_text(header + entries, "utf-8")
    return path


def translations(path: Path) -> list[str]:
    """The msgstr of each entry of the catalog ``path``, its header left out."""
    from translate.storage import pypo

    return [str(u.target) for u in pypo.pofile.parsefile(str(path)).units if not u.isheader()]


@pytest.mark.parametrize(("msgid", "cases"), [
    (INBOX, [("1#one", "You have %d unread message"), ("1#other", "You have %d unread messages")]),
    ("{gender, select, female {{count, plural, one {She wrote # comment} other {She wrote # "
     "comments}}} other {{count, plural, one {They wrote # comment} other {They wrote # "
     "comments}}}}",
     [("1#female|one", "She wrote %d comment"), ("1#female|other", "She wrote %d comments"),
      ("1#other|one", "They wrote %d comment"), ("1#other|other", "They wrote %d comments")]),
    ("You finished {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
     [("1#other", "You finished 4th")]),
    ("{guests, plural, offset:1 =0 {No one is invited.} other {{host} and # others are invited.}}",
     [("1#=0", "No one is invited."), ("1#one", "{host} and %d others are invited."),
      ("1#other", "{host} and %d others are invited.")]),
])  # fmt: skip
def test_an_icu_msgid_is_pending_as_its_cases_in_the_target_languages_categories(
    tmp_path: Path, msgid: str, cases: list[tuple[str, str]]
) -> None:
    """German's plural categories (``one``, ``other``; an ordinal's ``other`` alone), a
    plural's ``#`` as ``%d`` and an ordinal's as a number of its case."""
    document = PoDocument.open(catalog(tmp_path, msgid), tgt_lang="de")
    assert [(u.key, u.source) for u in document.pending()] == cases


def test_an_icu_msgids_cases_are_written_as_one_message_icu_accepts(tmp_path: Path) -> None:
    path = catalog(tmp_path, INBOX)
    document = PoDocument.open(path, tgt_lang="de")
    document.fill({"1#one": "Sie haben %d ungelesene Nachricht"})
    document.save(tmp_path / "half.po")
    assert translations(tmp_path / "half.po") == [""]
    document.fill({"1#other": "Sie haben %d ungelesene Nachrichten"})
    document.save(tmp_path / "out.po")
    assert translations(tmp_path / "out.po") == [
        "{count, plural, one {Sie haben # ungelesene Nachricht} "
        "other {Sie haben # ungelesene Nachrichten}}"
    ]


@pytest.mark.parametrize(("msgid", "flags", "header"), [
    ("Hello {name}, you have {count} messages", "", PLAIN_HEADER),
    ("Hello {name}, you have {count} messages", "", LINGUI_HEADER),
    ("{count, plural, one {# file} other {# files}}", "python-brace-format", PLAIN_HEADER),
    ("Type '{'name'}' to mention someone.", "", PLAIN_HEADER),
], ids=["plain", "plain in lingui", "python-brace-format", "quoted outside icu"])  # fmt: skip
def test_a_msgid_that_is_no_icu_message_goes_to_the_model_whole(
    tmp_path: Path, msgid: str, flags: str, header: str
) -> None:
    """A plain ``{name}``, a Python format string's braces, quotes outside an ICU catalog."""
    document = PoDocument.open(catalog(tmp_path, msgid, header=header, flags=flags), tgt_lang="de")
    assert [(u.key, u.source) for u in document.pending()] == [("1", msgid)]


@pytest.mark.parametrize(("msgid", "flags", "header"), [
    ("Type '{'name'}' to mention someone.", "", LINGUI_HEADER),
    ("Type '{'name'}' to mention someone.", "icu-format", PLAIN_HEADER),
    ("{n, plural, one {# file}}", "", PLAIN_HEADER),
], ids=["quoted in lingui", "quoted icu-format", "no other"])  # fmt: skip
def test_an_icu_msgid_ltmt_cannot_take_apart_is_left_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, msgid: str, flags: str, header: str
) -> None:
    """Quoted braces in an ICU catalog (the model wrote ``»«name«``), a plural without
    ``other``."""
    with caplog.at_level(logging.WARNING):
        document = PoDocument.open(
            catalog(tmp_path, msgid, header=header, flags=flags), tgt_lang="de"
        )
    assert document.pending() == []
    assert "1 entry with ICU quoting or a plural or select that ltmt cannot take apart" in (
        caplog.text
    )


def test_a_case_that_copied_a_matchs_closing_braces_is_written_without_them(
    tmp_path: Path,
) -> None:
    """Given a stored message as a fuzzy match, the model copied its braces: the translated
    message lost its final brace (a user trial)."""
    document = PoDocument.open(catalog(tmp_path, INBOX), tgt_lang="de")
    document.fill({"1#one": "Sie haben %d Nachricht}", "1#other": "Sie haben %d Nachrichten}}"})
    document.save(tmp_path / "out.po")
    [message] = translations(tmp_path / "out.po")
    assert syntax_problem(message) is None
    assert message.endswith("Sie haben # Nachrichten}}")


def test_an_assembled_message_icu_rejects_fails_the_run_as_not_repaired(tmp_path: Path) -> None:
    path, out = catalog(tmp_path, INBOX), tmp_path / "out.po"
    result = translate_file(path, out, lambda texts, prefer: [f"{{{t}, Zahl}}" for t in texts])
    assert translations(out) == [""]
    assert result.report.not_repairable == 1
    assert any("no valid ICU message" in example for example in result.report.examples)


def stored_inbox(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
    """A memory whose only 100 % match is the reviewed whole message ``INBOX``."""
    target = "{count, plural, one {Eine ungelesene Nachricht} other {# ungelesene Nachrichten}}"
    stored = Segment(1, "u1", INBOX, target, 0.0, "import")
    return [
        Translation(t, target, (Match(stored, 100.0),), "exact") if t == INBOX else None
        for t in texts
    ]


def test_a_whole_message_in_memory_is_used_as_stored(tmp_path: Path) -> None:
    path, out = catalog(tmp_path, INBOX), tmp_path / "out.po"
    model = FakeModel()
    result = translate_file(path, out, model, tgt_lang="de", exact=stored_inbox)
    assert model.seen == []
    assert translations(out) == [stored_inbox([INBOX], [{}])[0].text]  # type: ignore[union-attr]
    assert result.report.exact == 1


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_a_translated_lingui_catalog_passes_msgfmt_and_icu(tmp_path: Path) -> None:
    nested = (
        "{gender, select, female {{count, plural, one {# message} other {# messages}}} "
        "other {{count, plural, one {# note} other {# notes}}}}"
    )
    path = catalog(tmp_path, INBOX, nested, "Step #{step}: {n, plural, other {# left}}")
    out = tmp_path / "out.po"
    translate_file(path, out, FakeModel(), tgt_lang="de")
    subprocess.run(["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(out)], check=True)
    messages = translations(out)
    assert all(message and syntax_problem(message) is None for message in messages)
    assert messages[2] == "{n, plural, one {STEP '#'{step}: # LEFT} other {STEP '#'{step}: # LEFT}}"


def _updated(path: Path, old: str, new: str, babel: bool = False) -> None:
    """``path`` as ``msgmerge --previous`` (``babel``: ``pybabel update --previous``) leaves
    it where ``old`` became ``new``: the entry fuzzy, its translation kept, its old msgid in a
    ``#|`` line (msgmerge's only where the entry was not fuzzy before; Babel's always)."""
    text = path.read_text("utf-8")
    at = text.index(f'msgid "{old}"')
    entry = text[at:].split("\n\n")[0]
    msgstr = entry.split("msgstr ", 1)[1]
    start = text.rfind("\n\n", 0, at) + 2
    previous = "" if "fuzzy" in text[start:at] and not babel else f'#| msgid "{old}"\n'
    fuzzy = f'#, fuzzy\n{previous}msgid "{new}"\nmsgstr {msgstr}'
    path.write_text(text[:start] + fuzzy + text[at + len(entry) :], "utf-8")


@pytest.mark.parametrize("mark_fuzzy", [True, False])
def test_ltmts_own_translation_of_a_changed_msgid_is_translated_again(
    tmp_path: Path, mark_fuzzy: bool
) -> None:
    """Regression trial babel, session 67: after ``pybabel update --previous`` ltmt's own
    unreviewed translation of a changed msgid was kept as a translator's suggestion for ever
    ('marked fuzzy and kept for review'); a translator's fuzzy suggestion is still kept."""
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.run_report import RunReport

    records = OutputSources(tmp_path / "records")
    po = catalog(tmp_path, "Open the file", "Close it", header=PLAIN_HEADER)
    translate_file(po, po, FakeModel(), output_sources=records, mark_fuzzy=mark_fuzzy)
    _updated(po, "Open the file", "Open the files")
    text = po.read_text("utf-8").replace('#, fuzzy\nmsgid "Close it"', 'msgid "Close it"')
    po.write_text(  # a translator's suggestion: kept
        text.replace(
            'msgid "Close it"\nmsgstr "CLOSE IT"',
            '#, fuzzy\nmsgid "Close it now"\nmsgstr "Schließen"',
        ),
        "utf-8",
    )
    report = RunReport()
    translate_file(po, po, FakeModel(), output_sources=records, report=report)
    assert translations(po) == ["OPEN THE FILES", "Schließen"]
    assert "#| msgid" not in po.read_text("utf-8")
    assert report.source_changed == 1


@pytest.mark.parametrize(
    ("babel", "saved_since", "kept"),
    [
        (False, False, True),  # msgmerge's "#|": the entry was not fuzzy, a reviewer's
        (True, True, True),  # Babel writes "#|" always: the header says someone saved it
        (True, False, False),  # ... nobody saved it since ltmt: its unreviewed MT
    ],
)
def test_an_entry_a_reviewer_unflagged_is_kept_when_an_update_flags_it_again(
    tmp_path: Path, babel: bool, saved_since: bool, kept: bool
) -> None:
    """Regression trial regc (rec.po), session 67: ltmt filled an entry fuzzy, a reviewer
    removed the flag, ``msgmerge --previous`` made it fuzzy again for a changed msgid
    ('…changed.' → '…changed!'), and the next run translated it again and dropped its
    ``#| msgid`` ('1 translated again: their source changed'); it is kept as a suggestion."""
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.run_report import RunReport

    records = OutputSources(tmp_path / "records")
    old, new = "Your password has been changed.", "Your password has been changed!"
    header = (
        PLAIN_HEADER.replace("\n\n", '\n"Generated-By: Babel 2.19.0\\n"\n\n')
        if babel
        else PLAIN_HEADER
    )
    po = catalog(tmp_path, old, header=header)
    translate_file(po, po, FakeModel(), output_sources=records)
    text = po.read_text("utf-8").replace("#, fuzzy\n", "")  # the reviewer approves it
    if saved_since:  # as Poedit saves it
        text = re.sub(r"PO-Revision-Date: [^\\]*", "PO-Revision-Date: 2026-12-07 09:00+0100", text)
    po.write_text(text, "utf-8")
    _updated(po, old, new, babel=babel)
    report = RunReport()
    translate_file(po, po, FakeModel(), output_sources=records, report=report)
    if kept:
        assert translations(po) == [old.upper()]
        assert f'#| msgid "{old}"' in po.read_text("utf-8")
        assert report.source_changed == 0
    else:
        assert translations(po) == [new.upper()]
        assert report.source_changed == 1


def test_an_s_msgids_text_alone_is_translated_and_written(tmp_path: Path) -> None:
    """Regression trial rubyget, session 69: ruby-gettext's s_("Book|Author") came out
    msgstr "Buch|author"; s_ shows a translated msgstr whole, so it is the translation of
    Author alone, the prefix given as its context; ordinary text with a | stays whole."""
    seen: list[tuple[str, dict]] = []

    def model(texts: list[str], prefer: list[dict]) -> list[str]:
        seen.extend(zip(texts, prefer, strict=True))
        return [t.upper() for t in texts]

    po = tmp_path / "messages.po"
    po.write_text(
        PLAIN_HEADER + '#: app/models/book.rb:9\nmsgid "Book|Author"\nmsgstr ""\n\n'
        '#: app/views/menu.rb:3\nmsgid "Yes | No"\nmsgstr ""\n',
        "utf-8",
    )
    translate_file(po, po, model)
    assert seen == [("Author", {"context": "Book"}), ("Yes | No", {"context": ""})]
    assert translations(po) == ["AUTHOR", "YES | NO"]
    assert 'msgid "Book|Author"' in po.read_text("utf-8")


@pytest.mark.parametrize("reference", ["", "#: src/dialog.c:12\n", "#: app/forms.py:3\n",
                                       "#: static/app.js:7\n"])  # fmt: skip
def test_an_ordinary_catalogs_pipes_are_translated_whole(tmp_path: Path, reference: str) -> None:
    """Regression trial regc, session 69: Yes|No came out Nein, TCP|UDP UDP and Save|Ctrl+S
    Strg+S (taken for s_()'s context and text); an entry that is not evidently ruby-gettext's
    s_() (no references, or not Ruby ones) is translated whole."""
    msgids = ["Yes|No", "TCP|UDP", "Save|Ctrl+S", "Low|Medium|High"]
    seen: list[tuple[str, dict]] = []

    def model(texts: list[str], prefer: list[dict]) -> list[str]:
        seen.extend(zip(texts, prefer, strict=True))
        return [t.upper() for t in texts]

    po = tmp_path / "messages.po"
    entries = "".join(f'{reference}msgid "{msgid}"\nmsgstr ""\n\n' for msgid in msgids)
    po.write_text(PLAIN_HEADER + entries, "utf-8")
    translate_file(po, po, model)
    assert seen == [(msgid, {"context": ""}) for msgid in msgids]
    assert translations(po) == [msgid.upper() for msgid in msgids]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_catalogs_utf8_byte_order_mark_is_kept(tmp_path: Path, newline: str) -> None:
    """Regression trial unreal, session 68: Unreal writes its catalogs with a UTF-8 byte order
    mark, and ltmt's output dropped it silently; it is kept, as in CSV and JSON files, and
    the catalog is otherwise valid for ``msgfmt -c`` (which rejects a mark, as in the input)."""
    po = catalog(tmp_path, "Play", header=PLAIN_HEADER)
    text = po.read_text("utf-8").replace("\n", newline)
    po.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    translate_file(po, po, FakeModel())
    data = po.read_bytes()
    assert data.startswith(b'\xef\xbb\xbfmsgid ""' + newline.encode())
    assert f'msgid "Play"{newline}msgstr "PLAY"{newline}'.encode() in data
    assert translations(po) == ["PLAY"]
    translate_file(po, po, FakeModel())  # a rerun: one mark, the file as it was
    assert po.read_bytes() == data
    if shutil.which("msgfmt"):
        without_mark = tmp_path / "without-mark.po"
        without_mark.write_bytes(data.removeprefix(b"\xef\xbb\xbf"))
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(without_mark)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr


def test_a_catalog_without_a_byte_order_mark_is_written_without_one(tmp_path: Path) -> None:
    po = catalog(tmp_path, "Play", header=PLAIN_HEADER)
    translate_file(po, po, FakeModel())
    assert po.read_bytes().startswith(b'msgid ""\n')


LATIN1_CATALOG = (
    '# German translation for shop.\nmsgid ""\nmsgstr ""\n"Language: de\\n"\n'
    '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n\nmsgid "The café is closed."\nmsgstr ""\n\n'
    'msgid "Open the file."\nmsgstr "Datei öffnen."\n'
)


def _msgfmt_check(path: Path) -> None:
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(path)], check=True)


def test_a_catalog_keeps_its_declared_charset_where_the_translations_fit_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial enc, session 69: an ISO-8859-1 catalog was written back as UTF-8, its header
    changed, without a word; it keeps its charset (msgfmt -c reads it)."""
    po = tmp_path / "shop-latin1.po"
    po.write_bytes(LATIN1_CATALOG.encode("latin-1"))
    out = tmp_path / "out.po"
    with caplog.at_level(logging.WARNING):
        translate_file(po, out, FakeModel())
    data = out.read_bytes()
    assert b"charset=ISO-8859-1" in data
    assert 'msgstr "THE CAFÉ IS CLOSED."'.encode("latin-1") in data
    assert 'msgstr "Datei öffnen."'.encode("latin-1") in data
    assert "written as UTF-8" not in caplog.text
    _msgfmt_check(out)


def test_a_catalog_whose_charset_cannot_hold_a_translation_is_written_as_utf8_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A translation with „ and … (which ISO-8859-1 has not) makes the catalog UTF-8, its
    header saying so, and the run's summary says which characters did not fit."""
    po = tmp_path / "shop-latin1.po"
    po.write_bytes(LATIN1_CATALOG.encode("latin-1"))
    out = tmp_path / "out.po"

    def quoting(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [f"„{text}“ …" for text in texts]

    with caplog.at_level(logging.WARNING):
        translate_file(po, out, quoting)
    data = out.read_bytes()
    assert b"charset=UTF-8" in data and b"ISO-8859-1" not in data
    assert 'msgstr "„The café is closed.“ …"'.encode() in data
    assert 'msgstr "Datei öffnen."'.encode() in data
    assert f"{out}: written as UTF-8, its charset ISO-8859-1 cannot hold „ “ …" in caplog.messages
    _msgfmt_check(out)


def test_overwrite_keeps_a_reviewed_entry_written_as_it_was_unflagged(tmp_path: Path) -> None:
    """Regression trial mp2 (cloudsync.de.po), session 70: ``--overwrite`` of a catalog whose
    reviewed entries were 100 % memory matches of themselves flagged every one fuzzy again
    (msgfmt: '0 translated messages, 19 fuzzy'); an entry whose translation changed is
    flagged, one written as it was stays the reviewer's (and is not recorded as ltmt's)."""
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.run_report import RunReport

    po = tmp_path / "de.po"
    po.write_text(
        PLAIN_HEADER + 'msgid "Open the file"\nmsgstr "OPEN THE FILE"\n\n'
        'msgid "Close it"\nmsgstr "Schließen"\n\n'
        'msgid "Quit"\nmsgid_plural "Quit all"\nmsgstr[0] "QUIT"\nmsgstr[1] "QUIT ALL"\n',
        "utf-8",
    )
    out, report = tmp_path / "out.po", RunReport()
    records = OutputSources(tmp_path / "records")
    translate_file(po, out, FakeModel(), overwrite=True, report=report, output_sources=records)
    text = out.read_text("utf-8")
    assert '#, fuzzy\nmsgid "Close it"\nmsgstr "CLOSE IT"' in text
    assert text.count("#, fuzzy") == 1
    assert report.entries_marked_fuzzy == 1
    assert "1 entry marked fuzzy for review" in report.summary()
    ltmts = records.read(out)
    assert ltmts is not None and not ltmts.wrote("Open the file", "OPEN THE FILE")


def test_overwrite_flags_ltmt_s_own_unflagged_output_written_as_it_was(tmp_path: Path) -> None:
    """Regression trial regb (merged.po), session 70: after ``--no-fuzzy``, ``--overwrite``
    wrote ltmt's own unflagged output back as it was, left it unflagged and recorded it as a
    reviewer's (--reviewed-only imported it). The record of what ltmt wrote tells them apart:
    ltmt's own is flagged fuzzy and recorded as ltmt's, the reviewer's entry stays theirs."""
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.run_report import RunReport

    po = tmp_path / "de.po"
    po.write_text(
        PLAIN_HEADER + 'msgid "Open the file"\nmsgstr "OPEN THE FILE"\n\n'
        'msgid "Close it"\nmsgstr ""\n\n'
        'msgid "Quit"\nmsgid_plural "Quit all"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        "utf-8",
    )
    records = OutputSources(tmp_path / "records")
    translate_file(po, po, FakeModel(), mark_fuzzy=False, output_sources=records)
    assert "#, fuzzy" not in po.read_text("utf-8")
    report = RunReport()
    translate_file(po, po, FakeModel(), overwrite=True, report=report, output_sources=records)
    text = po.read_text("utf-8")
    assert 'msgid "Open the file"\nmsgstr "OPEN THE FILE"' in text  # the reviewer's, unflagged
    assert '#, fuzzy\nmsgid "Close it"\nmsgstr "CLOSE IT"' in text
    assert '#, fuzzy\nmsgid "Quit"\nmsgid_plural "Quit all"\nmsgstr[0] "QUIT"' in text
    assert report.entries_marked_fuzzy == 2
    ltmts = records.read(po)
    assert ltmts is not None and not ltmts.wrote("Open the file", "OPEN THE FILE")
    assert ltmts.wrote("Close it", "CLOSE IT") and ltmts.wrote("Quit all", "QUIT ALL")


def test_credits_and_file_references_are_left_as_they_are(tmp_path: Path) -> None:
    """Trial session 71: 'translate' wrote 'Übersetzer-Kredits' for itstool's
    translator-credits and 'externer ref=…' for an image's reference, both flagged fuzzy."""
    path = tmp_path / "help-de.po"
    path.write_text(
        PLAIN_HEADER + 'msgctxt "_"\nmsgid "translator-credits"\nmsgstr ""\n\n'
        'msgctxt "_"\nmsgid "external ref=\'figures/edit.png\' md5=\'3b1f\'"\nmsgstr ""\n\n'
        'msgctxt "NAME OF TRANSLATORS"\nmsgid "Your names"\nmsgstr "Jane Doe"\n\n'
        'msgid "Edit a photo"\nmsgstr ""\n',
        "utf-8",
    )
    before = path.read_text("utf-8")
    document = PoDocument.open(path, tgt_lang="de")
    assert [(u.key, u.source) for u in document.units()] == [("4", "Edit a photo")]
    assert [u.key for u in document.pending()] == ["4"]
    document.fill({"4": "Ein Foto bearbeiten"})
    document.save(tmp_path / "out.po")
    assert translations(tmp_path / "out.po") == ["", "", "Jane Doe", "Ein Foto bearbeiten"]
    written = (tmp_path / "out.po").read_text("utf-8")
    assert written.count("#, fuzzy") == 1  # the message's alone
    assert before.split("\n\n", 1)[1].rsplit("\n\n", 1)[0] in written  # byte for byte


@pytest.mark.parametrize(
    ("team", "tgt_lang", "written"),
    [
        ("LANGUAGE <kde-i18n-doc@kde.org>", "de", "German"),
        ("LANGUAGE <LL@li.org>", "pt_BR", "Portuguese"),
        ("German <kde-i18n-de@kde.org>", "de", "German <kde-i18n-de@kde.org>"),
    ],
)
def test_a_templates_language_team_is_the_languages_name_as_msginit_writes_it(
    tmp_path: Path, team: str, tgt_lang: str, written: str
) -> None:
    """Trial (a KDE translator), session 71: a .pot translated got 'Language: de' beside
    'Language-Team: LANGUAGE <kde-i18n-doc@kde.org>', xgettext's placeholder; msginit writes
    the language's English name there (with the team's address where it knows one, never the
    template's: KDE's general list), and so does ltmt; a catalog's own team is kept."""
    pot = tmp_path / "knotepad.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language-Team: {team}\\n"\n"Language: \\n"\n\nmsgid "Close"\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "out.po"
    translate_file(pot, out, FakeModel(), tgt_lang=tgt_lang)
    assert f'"Language-Team: {written}\\n"\n"Language: {tgt_lang}\\n"' in out.read_text("utf-8")


def test_a_plural_whose_msgid_writes_both_forms_is_split_per_form(tmp_path: Path) -> None:
    """Trial s76: a plural entry whose msgid and msgid_plural are one text writing both forms
    (lconvert's of a Qt message) gave the model ``entry(ies)``, which it kept in German."""
    po = tmp_path / "de.po"
    po.write_text(
        PLAIN_HEADER.replace(
            '\\n"\n\n', '\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        )
        + 'msgid "%d entry(ies)"\nmsgid_plural "%d entry(ies)"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgid "%d file(s)"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        "utf-8",
    )
    document = PoDocument.open(po, tgt_lang="de")
    assert [(u.key, u.source) for u in document.units()] == [
        ("1#0", "%d entry"),
        ("1#1", "%d entries"),
        ("2#0", "%d file(s)"),  # msgid and msgid_plural apart: each as written
        ("2#1", "%d files"),
    ]
