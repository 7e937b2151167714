"""Documents: pending units, fill, save with everything else kept; txt, jsonl, PO, XLIFF 1.2/2.0."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
from formats_fakes import fake_translate
from lxml import etree

import ltmt
from ltmt.errors import InputError
from ltmt.formats.documents import FilledByKey, open_document

DATA = Path(__file__).parent / "data"
NS12 = "{urn:oasis:names:tc:xliff:document:1.2}"
NS20 = "{urn:oasis:names:tc:xliff:document:2.0}"


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed from and added to ``before``."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    return removed, added


def fill_all(path: Path, out: Path, **options: object) -> None:
    document = open_document(path, **options)  # type: ignore[arg-type]
    # what the model translates: not a suggestion (a fuzzy PO entry's, only a 100 % match's)
    document.fill({u.key: fake_translate(u.source) for u in document.pending() if not u.suggestion})
    document.save(out)


# --- PO -----------------------------------------------------------------------------------------


def test_po_pending_units() -> None:
    document = open_document(DATA / "demo.po")
    assert [(u.key, u.source, u.suggestion) for u in document.pending()] == [
        ("1", "Open %s", False),
        ("3", "Close", True),  # fuzzy: its translation only a suggestion
        ("4#0", "%d file", False),
        ("4#1", "%d files", False),
        ("5", "Press <b>OK</b>\nto continue", False),
        ("6", "Save", False),
    ]
    everything = document.pending(overwrite=True)  # plus the translated entry
    assert len(everything) == 7 and not any(u.suggestion for u in everything)


def test_po_fill_keeps_the_rest(tmp_path: Path) -> None:
    from translate.storage import pypo

    out = tmp_path / "out.po"
    fill_all(DATA / "demo.po", out)
    before, after = (DATA / "demo.po").read_text("utf-8"), out.read_text("utf-8")
    removed, added = changed_lines(before, after)
    # Only msgstr lines and flags change: header, comments, contexts, obsolete entries stay;
    # the header says when the catalog was revised, and with what
    assert all(line.startswith(("msgstr", "#,")) for line in removed), removed
    assert all(line.startswith(("msgstr", "#,", '"')) for line in added), added
    revision = re.compile(r'"PO-Revision-Date: \d{4}-\d\d-\d\d \d\d:\d\d[+-]\d{4}\\n"\n')
    assert re.search(revision, after) and f'"X-Generator: ltmt {ltmt.__version__}\\n"\n' in after
    header = re.sub(revision, "", after).replace(f'"X-Generator: ltmt {ltmt.__version__}\\n"\n', "")
    assert header.startswith(before[: before.index("#. TRANSLATORS")])
    store = pypo.pofile.parsefile(str(out))
    by_key = {(u.getcontext(), str(u.source)): u for u in store.units}
    opened = by_key[("menu", "Open %s")]
    assert (opened.target, opened.isfuzzy(), "c-format" in opened.typecomments[0]) == (
        "OPEN %s",
        True,
        True,
    )
    assert by_key[("", "Save")].target == "Speichern"  # an existing translation is kept
    assert not by_key[("", "Save")].isfuzzy()
    assert by_key[("", "Close")].target == "Schließen"
    plural = by_key[("", "%d file")]
    assert list(plural.target.strings) == ["%d FILE", "%d FILES"]
    assert by_key[("", "Press <b>OK</b>\nto continue")].target == "PRESS <b>OK</b>\nTO CONTINUE"
    assert by_key[("verb", "Save")].target == "SAVE"
    assert any(u.isobsolete() for u in store.units)
    # every entry translated; the fuzzy ones (the machine's) only suggestions
    assert all(u.suggestion for u in open_document(out).pending())


def test_po_filled_as_it_was_keeps_its_header(tmp_path: Path) -> None:
    """A rerun that changed nothing rewrote PO-Revision-Date, the file's only difference: the
    fuzzy "Close" entry refilled with its own translation (a 100 % match) revises nothing."""
    out = tmp_path / "out.po"
    document = open_document(DATA / "demo.po")
    [close] = [u for u in document.pending() if u.source == "Close"]
    assert document.fill({close.key: "Schließen"}) == 1
    document.save(out)
    assert out.read_text("utf-8") == (DATA / "demo.po").read_text("utf-8")
    document.fill({close.key: "Schliessen"})  # a changed entry: the header says when
    document.save(out)
    assert "PO-Revision-Date: " in out.read_text("utf-8")


def test_po_fuzzy_flag_comes_first_as_gettext_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "in.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, c-format, no-wrap\nmsgid "Open %s"\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "out.po"
    fill_all(path, out)
    assert '#, fuzzy, c-format, no-wrap\nmsgid "Open %s"\nmsgstr "OPEN %s"\n' in out.read_text(
        "utf-8"
    )


def test_po_fill_without_fuzzy_and_overwrite(tmp_path: Path) -> None:
    document = open_document(DATA / "demo.po")
    [close] = [u for u in document.pending(overwrite=True) if u.source == "Close"]
    document.fill({close.key: "ZUMACHEN"}, mark_fuzzy=False)
    document.save(tmp_path / "out.po")
    text = (tmp_path / "out.po").read_text("utf-8")
    assert 'msgid "Close"\nmsgstr "ZUMACHEN"' in text
    assert '#, fuzzy\nmsgid "Close"' not in text


def test_po_untouched_is_byte_identical(tmp_path: Path) -> None:
    document = open_document(DATA / "demo.po")
    document.save(tmp_path / "same.po")
    assert (tmp_path / "same.po").read_bytes() == (DATA / "demo.po").read_bytes()


def test_po_template_gets_utf8_charset(tmp_path: Path) -> None:
    pot = tmp_path / "demo.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\n'
        'msgid "Open"\nmsgstr ""\n',
        "utf-8",
    )
    document = open_document(pot)
    document.fill({"1": "Öffnen"})
    document.save(tmp_path / "de.po")
    text = (tmp_path / "de.po").read_text("utf-8")
    assert "charset=UTF-8" in text
    assert 'msgstr "Öffnen"' in text


@pytest.mark.parametrize(
    ("name", "content_type", "plural_forms"),
    [
        ("pl.pot", "charset=CHARSET", True),  # xgettext's template without the line: it had none
        ("pl.pot", "charset=UTF-8", True),
        ("pl.po", "charset=CHARSET", True),
        ("de.po", "charset=UTF-8", False),  # a catalog's header is its translator's
    ],
)
def test_a_template_without_plural_forms_gets_the_target_languages(
    tmp_path: Path, name: str, content_type: str, plural_forms: bool
) -> None:
    path = tmp_path / name
    path.write_text(
        f'#, fuzzy\nmsgid ""\nmsgstr ""\n"Project-Id-Version: X 1\\n"\n'
        f'"Content-Type: text/plain; {content_type}\\n"\n\nmsgid "Open the file"\nmsgstr ""\n',
        "utf-8",
    )
    document = open_document(path, tgt_lang="de")
    document.fill({"1": "Datei öffnen"})
    document.save(tmp_path / "out.po")
    text = (tmp_path / "out.po").read_text("utf-8")
    added = '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert added is plural_forms


@pytest.mark.parametrize("name", ["de.po", "de.pot"])
def test_an_empty_plural_forms_is_filled_in_a_catalog_as_in_a_template(
    tmp_path: Path, name: str
) -> None:
    """Odoo writes ``Language: \\n`` and ``Plural-Forms: \\n`` in its catalogs: the empty
    ``Plural-Forms`` was filled for a template, but left empty for a catalog."""
    path = tmp_path / name
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: \\n"\n'
        '"Plural-Forms: \\n"\n\nmsgid "Open the file"\nmsgstr ""\n',
        "utf-8",
    )
    document = open_document(path, tgt_lang="de")
    document.fill({"1": "Datei öffnen"})
    document.save(tmp_path / "out.po")
    text = (tmp_path / "out.po").read_text("utf-8")
    assert '"Language: de\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n' in text


def test_po_without_a_header_gets_one_that_declares_utf8(tmp_path: Path) -> None:
    """gettext reads a catalog without a header as ASCII (``msgfmt -c``: "charset conversion
    will not work"); the written catalog says what it holds."""
    path = tmp_path / "bare.po"
    path.write_text(
        'msgid "Open"\nmsgstr ""\n\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] ""\nmsgstr[1] ""\n',
        "utf-8",
    )
    document = open_document(path, tgt_lang="de")
    assert [u.key for u in document.pending()] == ["1", "2#0", "2#1"]
    document.fill({"1": "Öffnen", "2#0": "%d Datei", "2#1": "%d Dateien"})
    document.save(tmp_path / "de.po")
    text = (tmp_path / "de.po").read_text("utf-8")
    assert text.startswith('msgid ""\nmsgstr ""\n"Language: de\\n"\n"MIME-Version: 1.0\\n"\n')
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in text
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert 'msgid "Open"\nmsgstr "Öffnen"' in text


def test_po_language_checked() -> None:
    with pytest.raises(InputError, match=r"languages in the file are de, not en->fr"):
        open_document(DATA / "demo.po", tgt_lang="fr")


def test_a_po_file_of_german_is_translated_into_formal_german(tmp_path: Path) -> None:
    """A template and a catalog of ``de_DE`` are both filled for ``de_DE_formal``: a form of
    address names no other language (the catalog was refused, the template not)."""
    catalog = tmp_path / "de_DE.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n\nmsgid "Open"\nmsgstr ""\n', "utf-8"
    )
    template = tmp_path / "plugin.pot"
    template.write_text('msgid "Open"\nmsgstr ""\n', "utf-8")
    for path in (catalog, template):
        assert [u.source for u in open_document(path, tgt_lang="de_DE_formal").pending()] == [
            "Open"
        ]


# --- XLIFF --------------------------------------------------------------------------------------


def test_xliff12_pending_and_fill(tmp_path: Path) -> None:
    document = open_document(DATA / "demo12.xlf", src_lang="en", tgt_lang="de")
    assert [(u.key, u.source) for u in document.pending()] == [
        ("0", "Hello & welcome, %s!"),
        ("2", 'Press <g id="1">OK</g> now<x id="2"/>'),
    ]
    out = tmp_path / "out.xlf"
    # what the model translates: not a suggestion (a fuzzy PO entry's, only a 100 % match's)
    document.fill({u.key: fake_translate(u.source) for u in document.pending() if not u.suggestion})
    document.save(out)
    before, after = (DATA / "demo12.xlf").read_bytes(), out.read_bytes()
    # The declaration, the comment before the root and the root's start tag stay byte for byte.
    assert after[: before.index(b"<file")] == before[: before.index(b"<file")]
    removed, added = changed_lines(before.decode(), after.decode())
    assert removed == ['          <target state="new"></target>']
    assert all("<target" in line for line in added)
    root = etree.fromstring(after)
    units = {u.get("id"): u for u in root.iter(f"{NS12}trans-unit")}
    greeting = units["greeting"].find(f"{NS12}target")
    assert greeting.text == "HELLO & WELCOME, %s!"
    assert greeting.get("state") == "needs-review-translation"
    assert greeting.get("state-qualifier") == "mt-suggestion"
    tags = units["tags"].find(f"{NS12}target")
    assert etree.tostring(tags, encoding="unicode", with_tail=False).endswith(
        '>PRESS <g id="1">OK</g> NOW<x id="2"/></target>'
    )
    assert units["done"].find(f"{NS12}target").text == "Speichern"
    assert units["fixed"].find(f"{NS12}target") is None
    assert open_document(out).pending() == []


SEGMENTED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="a.txt"><body>
    <trans-unit id="a"><source>Open it. Close it.</source>
      <seg-source><mrk mid="0" mtype="seg">Open it.</mrk> <mrk mid="1" mtype="seg">Close it.</mrk></seg-source>
      <target><mrk mid="0" mtype="seg"></mrk> <mrk mid="1" mtype="seg">Schließen.</mrk></target></trans-unit>
    <trans-unit id="b"><source>Save it. Quit.</source>
      <seg-source><mrk mid="0" mtype="seg">Save it.</mrk> <mrk mid="1" mtype="seg">Quit.</mrk></seg-source>
    </trans-unit>
  </body></file></xliff>
"""


def test_xliff12_segments_of_a_unit_are_units_filled_in_their_own_mrk(tmp_path: Path) -> None:
    """Okapi and Trados segment a unit in <seg-source>: each <mrk mtype="seg"> is translated
    into the target's <mrk> of the same mid (an empty one was taken for a finished target),
    and a unit without a target gets one shaped as its segmented source."""
    path = tmp_path / "seg.xlf"
    path.write_text(SEGMENTED, "utf-8")
    document = open_document(path)
    assert [(u.key, u.source) for u in document.pending()] == [
        ("0", "Open it."),  # its neighbour has a target already
        ("2", "Save it."),
        ("3", "Quit."),
    ]
    document.fill({u.key: fake_translate(u.source) for u in document.pending()})
    out = tmp_path / "out.xlf"
    document.save(out)
    targets = [
        etree.tostring(t, encoding="unicode", with_tail=False)
        for t in etree.fromstring(out.read_bytes()).iter(f"{NS12}target")
    ]
    assert [t.replace(f' xmlns="{NS12[1:-1]}"', "") for t in targets] == [
        '<target state="needs-review-translation" state-qualifier="mt-suggestion">'
        '<mrk mid="0" mtype="seg">OPEN IT.</mrk> <mrk mid="1" mtype="seg">Schließen.</mrk>'
        "</target>",
        '<target state="needs-review-translation" state-qualifier="mt-suggestion">'
        '<mrk mid="0" mtype="seg">SAVE IT.</mrk> <mrk mid="1" mtype="seg">QUIT.</mrk></target>',
    ]
    assert open_document(out).pending() == []


def test_segments_trados_or_memoq_locked_are_left_as_they_are(tmp_path: Path) -> None:
    """A locked segment (Trados sdl:seg locked="true", memoQ mq:locked="locked") got machine
    output: it is no unit now, as one marked translate="no" (nor counted as kept), and the
    summary says "1 locked, left as they are"."""
    from ltmt.formats.pipeline import translate_file

    for name in ("trados.sdlxliff", "memoq.mqxliff"):  # each locks "ACME Hub X200"
        document = open_document(DATA / name, fmt="xliff")
        assert "ACME Hub X200" not in [u.source for u in document.units()]
        out = tmp_path / name
        result = translate_file(DATA / name, out, lambda texts, prefer: [t.upper() for t in texts])
        assert "ACME HUB X200" not in out.read_text("utf-8")
        # with a target already, the signed-off one said apart; the locked one counted as such
        report = result.report
        assert (report.translated_before, report.signed_off, report.locked) == (2, 1, 1)


def test_filled_segments_get_the_status_trados_and_memoq_read(tmp_path: Path) -> None:
    """Trados and memoQ read their own statuses, not the XLIFF state ltmt set: a filled segment
    showed its old status (no conf, mq:status="NotStarted") after the file went back. Only the
    filled ones change."""
    for name in ("trados.sdlxliff", "memoq.mqxliff"):
        document = open_document(DATA / name, fmt="xliff")
        pending = document.pending()
        memory = {pending[0].key}  # a 100 % memory match
        document.fill({u.key: fake_translate(u.source) for u in pending}, from_memory=memory)
        document.save(tmp_path / name)
        removed, added = changed_lines(
            (DATA / name).read_text("utf-8"), (tmp_path / name).read_text("utf-8")
        )
        marks = [line for line in added if "<target" not in line]
        if name == "trados.sdlxliff":
            assert [u.source for u in pending] == ["Close the lid.", "Wait.", "Quit."]
            assert len(removed) == len(added) == 6  # three targets, three segment definitions
            assert [re.findall(r"<sdl:seg [^>]*>", line) for line in marks] == [
                [
                    '<sdl:seg id="1" conf="Translated" origin="tm" percent="85"/>',  # kept
                    '<sdl:seg id="2" conf="Draft" origin="tm" origin-system="ltmt" percent="100"/>',
                ],
                ['<sdl:seg id="4" conf="Draft" origin="mt" origin-system="ltmt"/>'],
                ['<sdl:seg id="7" conf="Draft" origin="mt" origin-system="ltmt"/>'],
            ]
        else:
            assert [u.source for u in pending] == ["Read the manual.", "Quit"]
            assert len(removed) == len(added) == 4  # two units' start tags and targets
            assert [re.search(r'id="\d" mq:status="\w+"', line)[0] for line in marks] == [
                'id="1" mq:status="Pretranslated"',
                'id="6" mq:status="Pretranslated"',
            ]


def test_a_translators_segment_beside_a_filled_one_stays_learnt(tmp_path: Path) -> None:
    """Filling the empty segment of a unit whose other segment a translator confirmed marked
    the whole target for review, and the confirmed segment was no longer imported. Trados says
    it per segment; a unit only XLIFF 1.2 states describe has one state, for review."""
    from ltmt.formats.xliff import read_xliff

    document = open_document(DATA / "trados.sdlxliff", fmt="xliff")
    document.fill({"1": "Schließen Sie den Deckel."})
    document.save(tmp_path / "out.sdlxliff")
    read = [(r.source, r.target) for r in read_xliff(tmp_path / "out.sdlxliff")]
    assert ("Open the lid.", "Öffnen Sie den Deckel.") in read
    assert "Close the lid." not in [source for source, _ in read]  # machine output: for review


@pytest.mark.parametrize(
    ("codec", "mark"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_xliff_in_utf16_is_written_back_in_utf16(tmp_path: Path, codec: str, mark: bytes) -> None:
    original = (DATA / "demo12.xlf").read_text(encoding="utf-8")
    declared = original.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert declared != original
    path = tmp_path / "wide.xlf"
    path.write_bytes(mark + declared.encode(codec))
    out = tmp_path / "out.xlf"
    fill_all(path, out)
    after = out.read_bytes()
    assert after.startswith(mark) and len(after) % 2 == 0
    text = after[len(mark) :].decode(codec)
    # everything but the filled targets is as it was, the prolog byte for byte
    assert text[: text.index("<file")] == declared[: declared.index("<file")]
    removed, added = changed_lines(declared, text)
    assert removed == ['          <target state="new"></target>']
    assert all("<target" in line for line in added)
    root = etree.parse(str(out)).getroot()  # lxml reads it back
    targets = [t.text for t in root.iter(f"{NS12}target")]
    assert "HELLO & WELCOME, %s!" in targets


def test_xliff_units_carry_their_context_and_skip_the_gettext_header(tmp_path: Path) -> None:
    path = tmp_path / "app.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" datatype="po"><body>'
        '<trans-unit id="h" restype="x-gettext-domain-header"><source>Project-Id-Version: a'
        "</source></trans-unit>"
        '<trans-unit id="1"><source>Open</source><context-group name="po-entry">'
        '<context context-type="x-po-msgctxt">menu</context></context-group></trans-unit>'
        '<trans-unit id="2" resname="title"><source>Open</source></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    document = open_document(path)
    assert [(u.key, u.source, u.context) for u in document.pending()] == [
        ("0", "Open", "menu"),
        ("1", "Open", "title"),
    ]


def test_xliff_overwrite_leaves_signed_off_units_and_no_translate_groups(tmp_path: Path) -> None:
    # --overwrite retranslates what a reviewer has not signed off; a group marked
    # translate="no" is not translated (its units inherit it); a unit's approval is taken off
    # when ltmt writes its target
    path = tmp_path / "app.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="a" approved="yes"><source>Close</source>'
        '<target state="translated">Schließen</target></trans-unit>'
        '<trans-unit id="b"><source>Show</source><target state="final">Zeigen</target></trans-unit>'
        '<trans-unit id="c"><source>Print</source><target state="signed-off">Drucken</target>'
        "</trans-unit>"
        '<trans-unit id="d"><source>Save</source><target state="translated">Sichern</target>'
        "</trans-unit>"
        '<trans-unit id="e" approved="yes"><source>Remove</source></trans-unit>'
        '<group id="g" translate="no"><trans-unit id="f"><source>Keep</source></trans-unit>'
        "</group></body></file></xliff>",
        encoding="utf-8",
    )
    document = open_document(path)
    assert [u.source for u in document.pending(overwrite=True)] == ["Save", "Remove"]
    assert [u.source for u in document.pending()] == ["Remove"]
    document.fill({"4": "Entfernen"})
    out = tmp_path / "out.xlf"
    document.save(out)
    unit = etree.fromstring(out.read_bytes()).find(f".//{NS12}trans-unit[@id='e']")
    assert unit.get("approved") is None
    assert unit.find(f"{NS12}target").get("state") == "needs-review-translation"
    two = tmp_path / "two.xlf"
    two.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"'
        ' trgLang="de"><file id="f">'
        '<unit id="a"><segment state="reviewed"><source>Close</source><target>Schließen</target>'
        "</segment></unit>"
        '<unit id="b"><segment state="final"><source>Show</source><target>Zeigen</target>'
        "</segment></unit>"
        '<unit id="c"><segment state="translated"><source>Save</source><target>Sichern</target>'
        "</segment></unit>"
        '<group id="g" translate="no"><unit id="d"><segment><source>Keep</source></segment>'
        "</unit></group></file></xliff>",
        encoding="utf-8",
    )
    assert [u.source for u in open_document(two).pending(overwrite=True)] == ["Save"]


def test_a_target_added_is_indented_as_its_source(tmp_path: Path) -> None:
    # where the source was the unit's last child, the target came one level less indented
    path = tmp_path / "a.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '  <file original="a" source-language="en" datatype="plaintext">\n'
        "    <body>\n"
        '      <trans-unit id="1">\n'
        "        <source>Open</source>\n"
        "      </trans-unit>\n"
        '      <trans-unit id="2">\n'
        "        <source>Save</source>\n"
        "        <note>a note</note>\n"
        "      </trans-unit>\n"
        "    </body>\n"
        "  </file>\n"
        "</xliff>\n",
        "utf-8",
    )
    document = open_document(path)
    document.fill({"0": "Öffnen", "1": "Speichern"}, mark_fuzzy=False)
    document.save(tmp_path / "out.xlf")
    lines = (tmp_path / "out.xlf").read_text("utf-8").splitlines()
    assert lines[4:7] == [
        "        <source>Open</source>",
        '        <target state="translated">Öffnen</target>',
        "      </trans-unit>",
    ]
    assert lines[8:11] == [
        "        <source>Save</source>",
        '        <target state="translated">Speichern</target>',
        "        <note>a note</note>",
    ]


def test_xliff12_tags_that_do_not_nest_are_kept_and_marked(tmp_path: Path) -> None:
    document = open_document(DATA / "demo12.xlf")
    document.fill({"2": 'DRÜCKE </g>OK<g id="1"> JETZT<x id="2"/>'}, mark_fuzzy=False)
    document.save(tmp_path / "out.xlf")
    root = etree.parse(str(tmp_path / "out.xlf")).getroot()
    [target] = [
        u.find(f"{NS12}target") for u in root.iter(f"{NS12}trans-unit") if u.get("id") == "tags"
    ]
    assert target.get("state") == "needs-review-translation"
    assert target.text == "DRÜCKE OK JETZT"
    # every code of the source once: the container empty after the text
    assert [(child.tag, len(child), child.text) for child in target] == [
        (f"{NS12}g", 0, None),
        (f"{NS12}x", 0, None),
    ]


def test_xliff20_fill(tmp_path: Path) -> None:
    document = open_document(DATA / "demo20.xlf")
    assert [u.source for u in document.pending()] == [
        'Open <pc id="1">the file</pc> %s',
        "First sentence.",
        'Second<x id="2"/> sentence.',  # (a placeholder in one form, as a TMX's)
    ]
    document.fill({u.key: fake_translate(u.source) for u in document.pending()})
    document.save(tmp_path / "out.xlf")
    root = etree.parse(str(tmp_path / "out.xlf")).getroot()
    segments = list(root.iter(f"{NS20}segment"))
    first = segments[0]
    assert (first.get("state"), first.get("subState")) == ("translated", "ltmt:mt")
    target = first.find(f"{NS20}target")
    assert target.text == "OPEN "
    assert target[0].tag == f"{NS20}pc" and target[0].text == "THE FILE"
    assert segments[1].get("state") == "final"  # kept
    assert [child.tag for child in segments[3].find(f"{NS20}target")] == [f"{NS20}ph"]
    assert root.find(f"{NS20}file/{NS20}unit/{NS20}notes/{NS20}note").text == "a note"
    assert open_document(tmp_path / "out.xlf").pending() == []


def test_xliff_language_checked() -> None:
    with pytest.raises(
        InputError, match=r"demo12.xlf: the file's target language is de-DE, not fr;"
    ):
        open_document(DATA / "demo12.xlf", src_lang="en", tgt_lang="fr")
    with pytest.raises(
        InputError, match=r"demo12.xlf: the file's source language is en-US, not fr;"
    ):
        open_document(DATA / "demo12.xlf", src_lang="fr", tgt_lang="de")


def test_xliff_sets_a_missing_target_language(tmp_path: Path) -> None:
    path = tmp_path / "nolang.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="x" source-language="en" datatype="plaintext"><body>'
        '<trans-unit id="a"><source>Hi</source></trans-unit></body></file></xliff>',
        "utf-8",
    )
    document = open_document(path, tgt_lang="de")
    document.fill({"0": "Hallo"})
    document.save(tmp_path / "out.xlf")
    assert b'target-language="de"' in (tmp_path / "out.xlf").read_bytes()


# --- txt and jsonl ------------------------------------------------------------------------------


def test_txt_one_line_in_one_line_out(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("Hello %s\n\n  spaced  \nlast", "utf-8")
    document = open_document(path)
    assert [(u.key, u.source) for u in document.pending()] == [
        ("0", "Hello %s"),
        ("2", "  spaced  "),
        ("3", "last"),
    ]
    document.fill({"0": "HALLO %s", "2": "two\nlines", "3": "LETZTE"})
    document.save(tmp_path / "out.txt")
    # the last line stays open as the input's was
    assert (tmp_path / "out.txt").read_text("utf-8") == "HALLO %s\n\ntwo lines\nLETZTE"


def test_a_line_of_whitespace_alone_is_kept_as_written(tmp_path: Path) -> None:
    """As standard output keeps it: ``-o`` wrote it empty."""
    path = tmp_path / "in.txt"
    path.write_bytes(b"Open\r\n   \r\n\tClose\r\n\t\r\n")
    document = open_document(path)
    document.fill({"0": "AUF", "2": "\tZU"})
    document.save(tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_bytes() == b"AUF\r\n   \r\n\tZU\r\n\t\r\n"


def test_txt_of_lines_ended_by_carriage_returns_alone(tmp_path: Path) -> None:
    # classic Mac OS's line ends: the file was read as one line
    path = tmp_path / "mac.txt"
    path.write_bytes(b"Open the file.\rThe repository is empty.\r")
    document = open_document(path)
    assert [u.source for u in document.pending()] == ["Open the file.", "The repository is empty."]
    document.fill({"0": "Datei öffnen.", "1": "Das Depot ist leer."})
    document.save(tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_bytes() == ("Datei öffnen.\rDas Depot ist leer.\r".encode())


@pytest.mark.parametrize(
    ("written", "inside", "filled", "out"),
    [
        (b"Open.\xe2\x80\xa8Close.\n", "\u2028", "AUF.\u2028ZU.", "AUF.\u2028ZU.\n"),
        (b"Open.\x0cClose.\r\n", "\x0c", "AUF.\x0cZU.\r\nNEU", "AUF.\x0cZU. NEU\r\n"),
        (b"Open.\rClose.\nSave.\n", "\r", "AUF.\rZU.\n", "AUF.\rZU.\n"),
        (b"Open.\xe2\x80\xa8Close.\rNext\r", "\u2028", "AUF.\u2028ZU.\rX", "AUF.\u2028ZU. X\r"),
    ],
)
def test_a_separator_within_a_line_is_kept_by_the_file_written(
    tmp_path: Path, written: bytes, inside: str, filled: str, out: str
) -> None:
    """A line separator that does not end a line of the file (U+2028, a form feed, a lone
    carriage return in a file of line feeds) stays in its line, as standard output keeps it
    (``-o`` wrote a space); a break that would end a line of the file is a space."""
    path = tmp_path / "in.txt"
    path.write_bytes(written)
    document = open_document(path)
    assert inside in document.pending()[0].source
    document.fill({"0": filled})
    document.save(tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_bytes().decode("utf-8").startswith(out)


def test_txt_partial_save_is_a_prefix_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("one\ntwo\n\nthree\n", "utf-8")
    document = open_document(path)
    document.fill({"0": "EINS", "3": "DREI"})
    document.save(tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text("utf-8") == "EINS\n"
    resumed = open_document(path, resume_from=tmp_path / "out.txt")
    assert [u.source for u in resumed.pending()] == ["two", "three"]


def test_jsonl_adds_translation(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        '{"id": 1, "source": "Open %s"}',
        "",
        '{"id": 2, "source": "Save", "translation": "Speichern"}',
        '{"id":3,"source":"Close","context":"window"}',
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    document = open_document(path)
    assert [(u.source, u.context) for u in document.pending()] == [
        ("Open %s", ""),
        ("Close", "window"),
    ]
    fill_all(path, tmp_path / "out.jsonl")
    out = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    assert json.loads(out[0]) == {"id": 1, "source": "Open %s", "translation": "OPEN %s"}
    assert out[1:3] == lines[1:3]  # untouched lines byte for byte
    assert json.loads(out[3])["translation"] == "CLOSE"


# --- opening ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "fmt", "message"),
    [
        (
            "in.doc",
            b"x",
            None,
            r"in.doc: cannot tell the format from the extension '.doc'; pass --format",
        ),
        (
            "in.txt",
            b"x",
            "numbers",
            r"unknown format 'numbers'; choose one of txt, paragraphs, jsonl, csv, po, xliff, ts, xcstrings, android, properties, ini, moodle, mclang, desktop, stf, rc, resx, xaml, strings, stringsdict, yaml, toml, ftl, renpy, md, html, dita, epub, docx, pptx, xlsx, odf, srt, vtt, json",
        ),
        (
            "in.txt",
            b"ok\ncaf\xe9\n",
            None,
            r"in.txt:2:4: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: convert it: iconv",
        ),
        ("in.jsonl", b'{"source": "a"}\n{"source": \n', None, r"in.jsonl:2:\d+: invalid JSON"),
        (
            "in.jsonl",
            b'{"source": "a", }\n',
            None,
            r"in.jsonl:1:17: invalid JSON: a comma after the last item: JSON allows no trailing",
        ),
        (
            "in.jsonl",
            b'["source"]\n',
            None,
            r"in.jsonl:1: not a JSON object with a string 'source'",
        ),
        (
            "in.po",
            b'msgid "a"\nmsgstr "b"\nfoo\n',
            None,
            r"in.po: invalid PO file: Syntax error on line 3",
        ),
        ("in.xlf", b"<xliff><file></xliff>", None, r"in.xlf:1:\d+: not well-formed XLIFF"),
        ("in.xlf", b"", None, r"in.xlf: empty file; expected an XLIFF file"),
        ("missing.po", None, None, r"missing.po: file not found"),
        pytest.param(
            "in.jsonl",
            b'{"source": ' + b"[" * 10_000 + b"]" * 10_000 + b"}\n",
            None,
            r"in.jsonl:1: JSON nested too deeply$",
            id="jsonl nested 10000 deep",
        ),
        pytest.param(
            "in.po",
            b"x" * 200_000 + b"\n",
            None,
            r"^\S+in.po: invalid PO file: Syntax error on line 1: 'x{74}…$",
            id="a long PO line quoted cut",
        ),
    ],
)
def test_bad_documents(
    tmp_path: Path, name: str, data: bytes | None, fmt: str | None, message: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        open_document(path, fmt)


def test_format_forced(tmp_path: Path) -> None:
    path = tmp_path / "catalog.data"
    shutil.copy(DATA / "demo.po", path)
    assert open_document(path, "po").format == "po"


def test_resume_rejects_another_documents_output(tmp_path: Path) -> None:
    other = tmp_path / "other.po"
    other.write_text('msgid "Different"\nmsgstr ""\n', "utf-8")
    with pytest.raises(
        InputError, match=r"other.po does not hold the units of .*demo.po; delete it"
    ):
        open_document(DATA / "demo.po", resume_from=other)


def test_txt_lines_ending_both_ways_keep_their_own_ends(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Open the file.\r\nSave the file.\nClose the window.\r\n")
    document = open_document(path)
    document.fill({u.key: u.source.upper() for u in document.pending()})
    document.save(tmp_path / "mixed.de.txt")
    written = (tmp_path / "mixed.de.txt").read_bytes()
    assert written == b"OPEN THE FILE.\r\nSAVE THE FILE.\nCLOSE THE WINDOW.\r\n"


def test_a_document_filled_by_key_keeps_each_translation_unchecked() -> None:
    """Jed and Dialogflow documents share one ``fill`` (it was written in each): translations
    kept by key as they come, none checked against the units, no mark, their count returned."""
    from ltmt.formats.dialogflow import DialogflowDocument
    from ltmt.formats.jed import JedDocument

    assert JedDocument.fill is DialogflowDocument.fill is FilledByKey.fill
    document = FilledByKey()
    document.translations = {"/0": "Hallo"}
    assert document.fill({"/1": "Welt", "/9": "x"}, mark_fuzzy=True, from_memory=["/1"]) == 2
    assert document.translations == {"/0": "Hallo", "/1": "Welt", "/9": "x"}
