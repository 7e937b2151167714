"""Glossary files: CSV/TSV rows with line-numbered errors, TBX through translate-toolkit."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.terminology.files import (
    looks_like_a_glossary,
    parse_delimited,
    read_glossary,
    write_delimited,
    write_omegat,
)
from ltmt.terminology.tbx import write_tbx
from ltmt.terminology.terms import Term

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="1"><descrip type="definition">where commits live</descrip>
 <langSet xml:lang="de"><tig><term>Depot</term></tig></langSet>
 <langSet xml:lang="en-US"><tig><term>repository</term></tig></langSet>
</termEntry>
<termEntry id="2">{second}</termEntry>
</body></text></martif>
"""


def test_csv_with_header_notes_and_case_flags(tmp_path: Path):
    path = tmp_path / "g.csv"
    path.write_text(
        'source,target,note,case\nrepository,Depot,"git, the tool",\n# comment\n\nGit,Git,,yes\n',
        encoding="utf-8",
    )
    assert read_glossary(path) == [
        Term("repository", "Depot", "git, the tool"),
        Term("Git", "Git", case_sensitive=True),
    ]


def test_a_bad_row_names_its_line():
    with pytest.raises(InputError, match=r"g\.csv line 3: a term needs a source and a target"):
        parse_delimited("file,Datei\ncommit,Commit\nbranch\n", ",", "g.csv")
    with pytest.raises(InputError, match=r"g\.tsv line 2: case flag 'maybe'"):
        parse_delimited("file\tDatei\ncommit\tCommit\t\tmaybe\n", "\t", "g.tsv")


@pytest.mark.parametrize("column", ["gender", "Genus"])
def test_a_gender_column_gives_the_targets_gender(column: str):
    """The Godot trial: the genders table lacks "Inventar"; a glossary may say it."""
    text = f"source,target,{column}\ninventory,Inventar,das\nfile,Datei,F\nbranch,Zweig,\n"
    assert parse_delimited(text, ",", "g.csv") == [
        Term("inventory", "Inventar", gender="n"),
        Term("file", "Datei", gender="f"),
        Term("branch", "Zweig"),
    ]
    with pytest.raises(
        InputError,
        match=r"^g\.tsv line 3: gender 'neutrum' is not one of m, f, n or der, die, das; write "
        "one or leave it empty$",
    ):
        parse_delimited(
            "target\tsource\tgender\nDatei\tfile\tf\nInventar\tinventory\tneutrum\n", "\t", "g.tsv"
        )


def test_a_gender_column_is_written_only_where_a_term_has_a_gender():
    plain = [Term("file", "Datei")]
    assert write_delimited(plain) == "source,target,note,case\nfile,Datei,,\n"
    terms = [Term("inventory", "Inventar", gender="n"), *plain]
    written = write_delimited(terms)
    assert written == "source,target,note,case,gender\ninventory,Inventar,,,n\nfile,Datei,,,\n"
    assert parse_delimited(written, ",", "x") == terms


def test_csv_round_trip():
    terms = [Term("a, b", 'c "d"', "note"), Term("Git", "Git", case_sensitive=True)]
    assert parse_delimited(write_delimited(terms), ",", "x") == terms
    assert parse_delimited(write_delimited(terms, "\t"), "\t", "x") == terms


def test_tbx_terms_by_language(tmp_path: Path):
    path = tmp_path / "g.tbx"
    second = (
        '<langSet xml:lang="de-DE"><tig><term>Commit</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>commit</term></tig></langSet>'
    )
    path.write_text(TBX.format(second=second), encoding="utf-8")
    assert read_glossary(path) == [
        Term("repository", "Depot", "where commits live"),
        Term("commit", "Commit"),
    ]


def test_tbx_three_letter_language_codes_are_their_languages(tmp_path: Path):
    """memoQ and other CAT tools write ISO 639-2 codes (``eng``, ``ger``): their langSets were
    not read as English and German."""
    path = tmp_path / "g.tbx"
    second = (
        '<langSet xml:lang="ger"><tig><term>Commit</term></tig></langSet>'
        '<langSet xml:lang="eng"><tig><term>commit</term></tig></langSet>'
    )
    path.write_text(TBX.format(second=second), encoding="utf-8")
    assert read_glossary(path)[1] == Term("commit", "Commit")


def test_two_targets_for_one_source_are_refused_naming_both(tmp_path: Path):
    path = tmp_path / "g.csv"
    path.write_text("branch,Zweig\nfile,Datei\nBranch,Zweig\nbranch,Branch\n", "utf-8")
    with pytest.raises(InputError) as caught:
        read_glossary(path)
    assert str(caught.value) == (
        "g.csv: line 1 and line 4 both give 'branch' a target ('Zweig', 'Branch'); keep one"
    )
    path.write_text("branch,Zweig\nBranch,Zweig\nGit,Git,,yes\ngit,git\n", "utf-8")
    assert [t.target for t in read_glossary(path)] == ["Zweig", "Zweig", "Git", "git"]


def test_tbx_synonyms_the_first_is_read_and_a_warning_names_the_entry(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    path = tmp_path / "g.tbx"
    second = (
        '<langSet xml:lang="de"><tig><term>Stash</term></tig><tig><term>Versteck</term></tig>'
        '</langSet><langSet xml:lang="en"><tig><term>stash</term></tig></langSet>'
    )
    path.write_text(TBX.format(second=second), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ltmt.terminology.tbx"):
        assert read_glossary(path)[1] == Term("stash", "Stash")
    assert caplog.messages == [
        "g.tbx: 1 term entry holds more than one target term; the preferred one is the "
        "glossary's, else the first not deprecated (term entry 2)"
    ]


def test_tbx_usage_status_chooses_the_target_and_every_source_term_is_matched(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    # the first German term was the target: a deprecated one ("PR") became the required
    # translation; the entry's other English terms were not matched
    status = '<termNote type="administrativeStatus">{}Term-admn-sts</termNote>'
    second = (
        '<langSet xml:lang="en"><tig><term>pull request</term></tig><tig><term>PR</term>'
        f"{status.format('deprecated')}</tig></langSet>"
        f'<langSet xml:lang="de"><tig><term>PR</term>{status.format("deprecated")}'
        "<note>Slang, do not use.</note></tig>"
        f"<tig><term>Änderungsanfrage</term>{status.format('admitted')}</tig>"
        f"<tig><term>Pull-Request</term>{status.format('preferred')}<note>noun</note></tig>"
        '</langSet></termEntry><termEntry id="3"><langSet xml:lang="en"><tig><term>folder'
        '</term></tig></langSet><langSet xml:lang="de"><ntig><termGrp><term>Verzeichnis</term>'
        '<termNote type="normativeAuthorization">deprecatedTerm</termNote></termGrp></ntig>'
        "</langSet>"
    )
    path = tmp_path / "g.tbx"
    path.write_text(TBX.format(second=second), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="ltmt.terminology.tbx"):
        terms = read_glossary(path)
    assert terms[1:] == [
        Term("pull request", "Pull-Request", "noun", forbidden=("PR",)),
        Term("PR", "Pull-Request", "noun", forbidden=("PR",)),
    ]
    assert caplog.messages[1] == (
        "g.tbx: 1 term entry has only deprecated, superseded or forbidden target terms: left "
        "out (term entry 3)"
    )


def test_a_utf16_file_is_named_as_given_with_the_command_that_converts_it(tmp_path: Path):
    """Trial winrc, session 70: 'glossary-utf16.tsv is UTF-16; save it as UTF-8 (iconv -f
    UTF-16 -t UTF-8 glossary-utf16.tsv > glossary-utf16-utf8.tsv)' named the file without its
    folder, so the command failed from another one; now the path as given, as translate's."""
    path = tmp_path / "g.csv"
    path.write_text("file,Datei\n", encoding="utf-16")
    with pytest.raises(InputError) as error:
        read_glossary(path)
    assert str(error.value) == (
        f"{path} is UTF-16 text; convert it to UTF-8 first "
        f"(iconv -f UTF-16 -t UTF-8 {path} > {tmp_path / 'g-utf8.csv'})"
    )


def test_a_windows_1252_glossary_is_named_by_line_and_column_with_the_command(
    tmp_path: Path,
) -> None:
    """Session 69: 'Glossar Kunde A.csv is not UTF-8 (byte 26); save it as UTF-8', a byte
    offset and no command; now the one message of every reader, the name quoted."""
    path = tmp_path / "Glossar Kunde A.csv"
    path.write_bytes("source,target\nCafé,Café\n".encode("cp1252"))
    with pytest.raises(InputError) as error:
        read_glossary(path)
    assert str(error.value) == (
        f"{path}:2:4: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: "
        f"convert it: iconv -f CP1252 -t UTF-8 '{path}' > '{tmp_path / 'Glossar Kunde A-utf8.csv'}'"
    )


def test_tbx_entries_of_other_languages_are_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """A multilingual termbase (MultiTerm, memoQ) holds entries without German: one such
    entry stopped the whole import, while a TMX import skips and counts such units."""
    path = tmp_path / "g.tbx"
    path.write_text(
        TBX.format(second='<langSet xml:lang="fr"><tig><term>dépôt</term></tig></langSet>'),
        encoding="utf-8",
    )
    with caplog.at_level("WARNING"):
        terms = read_glossary(path)
    assert [term.source for term in terms] == ["repository"]
    assert "g.tbx: 1 term entry without both en and de left out (term entry 2 (fr))" in (
        caplog.messages
    )


def test_tbx_without_the_languages_is_refused(tmp_path: Path):
    path = tmp_path / "g.tbx"
    path.write_text(TBX.format(second="<langSet><tig><term>x</term></tig></langSet>"), "utf-8")
    with pytest.raises(InputError, match="term entry 2: a langSet has no xml:lang"):
        read_glossary(path)


def test_unknown_and_missing_files(tmp_path: Path):
    with pytest.raises(InputError, match=r"unknown glossary extension '\.pdf'.*rename it\)$"):
        read_glossary(tmp_path / "g.pdf")
    with pytest.raises(InputError) as error:
        read_glossary(tmp_path / "g.tbx", "xml", format_option="--format")
    assert (
        str(error.value) == "unknown glossary format 'xml': --format takes csv, tsv, tbx or omegat"
    )
    with pytest.raises(InputError, match="does not exist"):
        read_glossary(tmp_path / "g.csv")
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable TBX file"):
        read_glossary(bad)
    bad.write_text('<?xml version="1.0"?><glossary><term/></glossary>', encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"bad.tbx is not a readable TBX file: its root element is neither <martif> \(TBX "
        r"2008, TBX-Basic\) nor <tbx> \(TBX v3, TBX-Core\)$",
    ):
        read_glossary(bad)


def test_a_tbx_v3_file_is_read_as_a_tbx_2008_one(tmp_path: Path):
    # ISO 30042:2019 (root <tbx>: conceptEntry, langSec, termSec) was refused as not <martif>
    status = '<termNote type="administrativeStatus">{}Term-admn-sts</termNote>'
    path = tmp_path / "core.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx style="dca" type="TBX-Core" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>MultiTerm</p>'
        '</sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="c1">'
        '<descrip type="definition">raised when the line is blocked</descrip>'
        '<langSec xml:lang="en-US"><termSec><term>occlusion alarm</term></termSec></langSec>'
        '<langSec xml:lang="de-DE"><termSec><term>Verschlussalarm</term>'
        f"{status.format('deprecated')}</termSec><termSec><term>Okklusionsalarm</term>"
        f"{status.format('preferred')}<note>MDR</note></termSec></langSec></conceptEntry>"
        "</body></text></tbx>",
        encoding="utf-8",
    )
    assert read_glossary(path) == [
        Term(
            "occlusion alarm",
            "Okklusionsalarm",
            "raised when the line is blocked; MDR",
            forbidden=("Verschlussalarm",),
        )
    ]


def test_tbx_export_reads_back_with_notes_and_case(tmp_path: Path):
    terms = [
        Term("repository", "Depot", "a note"),
        Term("Git", "Git", case_sensitive=True),
        Term("commit message", "Commit-Nachricht"),
    ]
    path = tmp_path / "g.tbx"
    path.write_bytes(write_tbx(terms, "en-US", "de"))
    assert read_glossary(path, src_lang="en", tgt_lang="de") == terms
    with pytest.raises(
        InputError,
        match=r"g\.tbx: no term entry has both en and fr \(term entry 1 has en-US, de\); give "
        "--src-lang and --tgt-lang of the file's languages",
    ):
        read_glossary(path, src_lang="en", tgt_lang="fr")


def test_a_tbx_grammatical_gender_is_the_targets_and_is_written_back(tmp_path: Path):
    terms = [Term("inventory", "Inventar", gender="n"), Term("file", "Datei")]
    path = tmp_path / "g.tbx"
    path.write_bytes(write_tbx(terms))
    assert b'<termNote type="grammaticalGender">neuter</termNote>' in path.read_bytes()
    assert read_glossary(path) == terms
    second = (
        '<langSet xml:lang="de"><tig><term>Akku</term>'
        '<termNote type="grammaticalGender">masculine</termNote></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>battery</term></tig></langSet>'
    )
    path.write_text(TBX.format(second=second), encoding="utf-8")
    assert read_glossary(path)[1] == Term("battery", "Akku", gender="m")
    path.write_text(TBX.format(second=second.replace("masculine", "other")), encoding="utf-8")
    assert read_glossary(path)[1] == Term("battery", "Akku")
    path.write_text(TBX.format(second=second.replace("masculine", "male")), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"^g\.tbx term entry 2: gender 'male' is not one of m, f, n or der"
    ):
        read_glossary(path)


def test_a_note_that_says_case_sensitive_stays_a_note_in_a_tbx_round_trip(tmp_path: Path):
    # the case flag rode in a note: a user's note "case-sensitive" came back as the flag
    terms = [
        Term("PUMP", "PUMPE", "case-sensitive"),
        Term("Git", "Git", "case-sensitive", case_sensitive=True),
        Term("IFU", "Gebrauchsanweisung", forbidden=("Bedienungsanleitung", "Handbuch")),
    ]
    path = tmp_path / "g.tbx"
    path.write_bytes(write_tbx(terms))
    assert read_glossary(path) == terms


def test_a_tbx_of_earlier_ltmt_still_gives_its_case_flag_from_the_note(tmp_path: Path):
    path = tmp_path / "old.tbx"
    flag = '<note from="translator">case-sensitive</note>'
    second = (
        '<langSet xml:lang="en"><tig><term>Git</term></tig></langSet>'
        f'<langSet xml:lang="de"><tig><term>Git</term></tig></langSet>{flag}'
    )
    path.write_text(TBX.format(second=second), encoding="utf-8")
    assert read_glossary(path)[1] == Term("Git", "Git", case_sensitive=True)


def test_tbx_export_puts_an_entrys_note_before_its_language_sets():
    # TBX's termEntry: ((auxInfo), (langSet+)); the note came after the langSets
    exported = write_tbx([Term("pump", "Pumpe", "a note")]).decode()
    entry = exported[exported.index("<termEntry") : exported.index("</termEntry>")]
    assert entry.index('<note from="translator">a note</note>') < entry.index("<langSet")


@pytest.mark.parametrize("text", ["", "source,target\n", "# a comment\n\n"])
def test_a_file_without_terms_is_an_error(tmp_path: Path, text: str):
    path = tmp_path / "terms.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"^terms.csv: no terms found \(an empty file, or only"):
        read_glossary(path)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("file;Datei\n", r"this row is separated by ';': save the file with ','\)$"),
        ("file\tDatei\n", r"this row is separated by tabs: pass --format tsv\)$"),
    ],
)
def test_a_csv_with_another_delimiter_says_which(text: str, hint: str) -> None:
    with pytest.raises(
        InputError, match=r"g\.csv line 1: a term needs a source and a target .*" + hint
    ):
        parse_delimited(text, ",", "g.csv")


_FILE = Term("file", "Datei")


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # Crowdin's glossary export: "case flag 'Part of Speech' is not yes/no/true/false/1/0"
        (
            "Term [en],Description [en],Term [de],Part of Speech\nfile,A document,Datei,Noun\n",
            [Term("file", "Datei", "A document")],
        ),
        ("Term (en),Description (en),Term (de),Part of Speech\nfile,,Datei,Noun\n", [_FILE]),
        # its two-column export was imported with its header as a term
        ("Term [en],Term [de]\nfile,Datei\n", [_FILE]),
        ("Term [en],Term [de],Type,Status\nfile,Datei,term,approved\n", [_FILE]),
        # a first term that is an export column's name is still a term
        ("type,Typ\nfile,Datei\n", [Term("type", "Typ"), _FILE]),
    ],
)
def test_terminology_exports_name_each_languages_term_and_skip_columns_ltmt_does_not_use(
    text: str, terms: list[Term]
) -> None:
    assert parse_delimited(text, ",", "g.csv") == terms


@pytest.mark.parametrize(
    "header",
    [
        "source,target",
        "Source term,Target term",
        "en,de,comment",
        "en-US,de-DE",
        "English,German",
        # imported as a term: a language's own name, Unity's columns, a heading with its code
        "English,Deutsch",
        "English (en),German (de)",
        "Source (EN),Target (DE)",
    ],
)
def test_a_header_row_that_names_the_columns_is_no_term(header: str):
    # "en,de" and "Source term,Target term" were imported as terms
    assert parse_delimited(f"{header}\nfile,Datei\n", ",", "g.csv") == [Term("file", "Datei")]
    # a first row of a term is one, though short (id → ID)
    assert [t.source for t in parse_delimited("id,ID\nfile,Datei\n", ",", "g.csv")] == [
        "id",
        "file",
    ]


@pytest.mark.parametrize(
    ("header", "pair"),
    [
        ("en,de-AT", ("en", "de-AT")),  # was refused: "names the columns en, de, not en, de-AT"
        ("en,de", ("en", "de-AT")),
        ("eng,deu", ("en", "de-DE")),  # memoQ's codes
        ("English (eng),German (deu)", ("en", "de")),
        ("en,zh-Hant-TW", ("en", "zh-TW")),  # was read as a term: en → zh-Hant-TW
    ],
)
def test_a_header_names_the_glossarys_languages_whatever_their_regions_and_code_lengths(
    tmp_path: Path, header: str, pair: tuple[str, str]
):
    target = "檔案" if pair[1].startswith("zh") else "Datei"
    path = tmp_path / "g.csv"
    path.write_text(f"{header}\nfile,{target}\n", "utf-8")
    assert read_glossary(path, src_lang=pair[0], tgt_lang=pair[1]) == [Term("file", target)]


@pytest.mark.parametrize(
    "header", ["Key,English(en),German(de)", "ID,source,target", "string_id,en,de,note"]
)
def test_a_leading_key_column_is_skipped(tmp_path: Path, header: str):
    """A Unity table's ``Key,English(en),German(de)`` was refused: "the header names the
    columns key, en, de, not en, de (--src-lang, --tgt-lang); give the languages the header
    says", which no language could satisfy (``Key`` was read as a language's code)."""
    path = tmp_path / "g.csv"
    path.write_text(f"{header}\nterm.hp,HP,LP\nterm.xp,XP,EP\n", "utf-8")
    assert read_glossary(path, src_lang="en", tgt_lang="de") == [Term("HP", "LP"), Term("XP", "EP")]


def test_a_first_row_that_merely_resembles_a_language_is_a_term():
    """``Iron`` is an English name of Ossetian: a term's words are no header."""
    terms = parse_delimited("Iron Sword,Eisenschwert\nfile,Datei\n", ",", "g.csv")
    assert [t.source for t in terms] == ["Iron Sword", "file"]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "English,French",
            r"the header names the columns en, fr, not en, de \(--src-lang, --tgt-lang\); give",
        ),
        ("Source (DE),Target (EN)", r"the header names the columns de, en, not en, de "),
    ],
)
def test_a_header_of_other_languages_than_the_glossarys_is_refused(
    tmp_path: Path, header: str, message: str
):
    path = tmp_path / "g.csv"
    path.write_text(f"{header}\nHeiltrank,Health Potion\n", "utf-8")
    with pytest.raises(InputError, match=r"^g\.csv line 1: " + message):
        read_glossary(path)


@pytest.mark.parametrize(
    "header",
    [
        "Target,Source",  # was imported swapped, with the term Target → Source
        "target_term,source_term",
        "targetTerm,sourceTerm",
        "TARGET TERM;SOURCE TERM",
        "German (Germany),English (US)",
        "de-DE,en-US",  # was refused as swapped
        "Deutsch,English",
    ],
)
def test_a_header_maps_the_columns_by_name_in_any_order(tmp_path: Path, header: str):
    path = tmp_path / "g.csv"
    rows = "Förderrate,flow rate\nInfusionspumpe,infusion pump\nGebrauchsanweisung,instructions for use"
    path.write_text(f"{header.replace(';', ',')}\n{rows}\n", "utf-8")
    assert read_glossary(path) == [
        Term("flow rate", "Förderrate"),
        Term("infusion pump", "Infusionspumpe"),
        Term("instructions for use", "Gebrauchsanweisung"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "source_term,target_term",
        "sourceTerm,targetTerm",
        "Source-Term,Target-Term",
        "English (US),German (Germany)",
        "english (us),german (germany)",
    ],
)
def test_headers_in_any_case_and_separator_and_languages_with_regions_are_no_term(header: str):
    """These were stored as terms (``source_term → target_term``)."""
    assert parse_delimited(f"{header}\nfile,Datei\n", ",", "g.csv") == [Term("file", "Datei")]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("sourse,traget", r"column 'sourse' is not one ltmt reads \(did you mean 'source'\?\)"),
        ("Source,Traget", r"column 'Traget' is not one ltmt reads \(did you mean 'target'\?\)"),
        ("source,target,translation", r"the header names two target columns; keep one"),
        ("term,definition", r"the header names no target column"),
    ],
)
def test_a_header_ltmt_cannot_read_is_refused_naming_the_column(header: str, message: str):
    with pytest.raises(InputError, match=r"^g\.csv line 1: .*" + message):
        parse_delimited(f"{header}\nfile,Datei\n", ",", "g.csv")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # the case flag was read as the note, and the note as a case flag
        ("source,target,case\nIV,i.v.,yes\n", Term("IV", "i.v.", case_sensitive=True)),
        (
            "source,target,case,note\nIV,i.v.,yes,intravenous\n",
            Term("IV", "i.v.", "intravenous", case_sensitive=True),
        ),
        ("Note,Target,Source\nthe pump,Pumpe,pump\n", Term("pump", "Pumpe", "the pump")),
        ("source,target,,\npump,Pumpe,,\n", Term("pump", "Pumpe")),
    ],
)
def test_note_and_case_columns_are_read_by_their_names(text: str, term: Term):
    assert parse_delimited(text, ",", "g.csv") == [term]


def test_a_row_wider_than_its_header_is_refused():
    with pytest.raises(InputError, match=r"^g\.csv line 2: 3 columns \(the header names 2"):
        parse_delimited("target,source\nPumpe,pump,extra\n", ",", "g.csv")


def test_a_header_in_the_usual_order_leaves_the_other_columns_in_their_places():
    terms = parse_delimited("source,target\nGit,Git,,yes\nfile,Datei,a note\n", ",", "g.csv")
    assert terms == [Term("Git", "Git", case_sensitive=True), Term("file", "Datei", "a note")]


@pytest.mark.parametrize(
    "row",
    [
        "Original,Original",
        "English,Englisch",
        "source,Quelle",
        "note,Hinweis",  # a term that names the note column twice
        "comment,Kommentar",
    ],
)
def test_a_first_row_of_a_term_that_names_one_column_is_a_term(row: str):
    assert len(parse_delimited(f"{row}\nfile,Datei\n", ",", "g.csv")) == 2


@pytest.mark.parametrize(
    ("name", "text", "glossary"),
    [
        ("g.csv", "source,target,note,case\nfile,Datei,,\n", True),
        ("g.tsv", "Source term\tTarget term\tCase\nfile\tDatei\t\n", True),
        ("m.csv", "source,target\nfile,Datei\n", False),  # a memory CSV as well
        ("m.csv", "keys,en,de,note\nk,file,Datei,\n", False),  # a localisation table
        ("m.tmx", "source,target,note\n", False),
        pytest.param("w.tsv", "a" * 140_000 + "\tb\n", False, id="a cell over csv's limit"),
    ],
)
def test_a_file_looks_like_a_glossary_by_its_note_or_case_column(
    tmp_path: Path, name: str, text: str, glossary: bool
):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    assert looks_like_a_glossary(path) is glossary


@pytest.mark.parametrize(
    ("tgt_lang", "expected"),
    [
        ("de-AT", "Netzgerät"),  # the region asked for, though de-DE comes first
        ("de-CH", "Netzteil (de)"),  # no de-CH: the bare language
        ("de", "Netzteil (de)"),
    ],
)
def test_tbx_a_target_in_several_regions_is_read_in_the_closest(
    tmp_path: Path, tgt_lang: str, expected: str
):
    """An Austrian project's glossary import took the entry's first German term (de-DE)."""
    path = tmp_path / "g.tbx"
    second = (
        '<langSet xml:lang="en-US"><tig><term>power supply unit</term></tig></langSet>'
        '<langSet xml:lang="de-DE"><tig><term>Netzteil</term></tig></langSet>'
        '<langSet xml:lang="de-AT"><tig><term>Netzgerät</term></tig></langSet>'
        '<langSet xml:lang="de"><tig><term>Netzteil (de)</term></tig></langSet>'
    )
    path.write_text(TBX.format(second=second), encoding="utf-8")
    terms = read_glossary(path, tgt_lang=tgt_lang)
    assert terms[1] == Term("power supply unit", expected)


def test_an_omegat_glossary_is_written_without_header_or_empty_columns() -> None:
    terms = [
        Term("invoice", "Rechnung", note="not Faktura"),
        Term("Git", "Git", case_sensitive=True),
    ]
    assert write_omegat(terms) == "invoice\tRechnung\tnot Faktura\nGit\tGit\n"
    assert parse_delimited(write_omegat(terms), "\t", "g.txt") == [
        Term("invoice", "Rechnung", note="not Faktura"),
        Term("Git", "Git"),  # OmegaT has no case column
    ]


@pytest.mark.parametrize("fmt", [None, "csv"])
def test_a_spreadsheet_glossary_is_refused_with_how_to_save_it_as_csv(
    tmp_path: Path, fmt: str | None
) -> None:
    path = tmp_path / "glossary.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xa7")
    with pytest.raises(InputError) as error:
        read_glossary(path, fmt, format_option="--format")
    assert str(error.value) == (
        'glossary.xlsx is a spreadsheet; save the sheet as CSV (UTF-8) (Excel: "CSV UTF-8"; '
        "LibreOffice: Text CSV, UTF-8) and import glossary.csv"
    )


def test_a_column_ltmt_does_not_read_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture):
    """``source,target,domain`` was refused; a term base's other columns are no error."""
    assert parse_delimited("source,target,domain\nfile,Datei,IT\n", ",", "g.csv") == [
        Term("file", "Datei")
    ]
    assert "g.csv line 1: the header's column domain is not read (ltmt reads source, target, " in (
        caplog.text
    )


@pytest.mark.parametrize(
    "text",
    [
        # the header was a term (term → term_de # Definition)
        "term,term_de,Definition\ncheckout,Kasse,Final step\n",
        # "line 1: case flag 'Status' is not yes/no/true/false/1/0"
        "term,term_de,Definition,Status\ncheckout,Kasse,Final step,Approved\n",
    ],
)
def test_phrase_term_headers_name_the_columns(text: str):
    assert parse_delimited(text, ",", "g.csv") == [Term("checkout", "Kasse", "Final step")]


def test_a_forbidden_status_row_is_the_terms_forbidden_target():
    text = (
        "term,term_de,Definition,Status\nsign in,anmelden,,Approved\nsign in,einloggen,,Forbidden\n"
    )
    assert parse_delimited(text, ",", "g.csv") == [
        Term("sign in", "anmelden", forbidden=("einloggen",))
    ]


@pytest.mark.parametrize(
    "status", ["Approved - not deprecated", "Preferred (formerly forbidden)", "Not obsolete"]
)
def test_a_status_only_naming_a_forbidden_word_is_a_term_to_use(status: str):
    """Regression trial regc, session 68: a status was read as forbidden where it held the
    word (``Approved - not deprecated``), so the file's one term was left out and import said
    ``no terms found``; a status is forbidden only where it is the word, as ``DEPRECATED``."""
    text = f"Source,Target,Notes,Status\nsettings,Einstellungen,Preferred,{status}\n"
    assert parse_delimited(text, ",", "g.csv") == [Term("settings", "Einstellungen", "Preferred")]
    rejected = "Source,Target,Notes,Status\nsign in,anmelden,,\nsign in,einloggen,, DEPRECATED\n"
    assert parse_delimited(rejected, ",", "g.csv") == [
        Term("sign in", "anmelden", forbidden=("einloggen",))
    ]


def test_phrase_term_base_csv_is_read_by_its_language_columns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """This was refused: ``12 columns (expected source, target[, note[, case]])``."""
    path = tmp_path / "tb.csv"
    path.write_text(
        "\ufeffEntry_ID,Entry_Subject,Entry_Note,en,en_Definition,en_Status,en_Forbidden,de,"
        "de_Definition,de_Status,de_Forbidden,de_Gender\n"
        "103,Account,,account,The profile,Approved,FALSE,Konto,,Approved,FALSE,neuter\n"
        "103,Account,,account,,Approved,FALSE,Benutzerkonto,,Approved,TRUE,neuter\n"
        "104,Account,,sign in,,Approved,FALSE,einloggen,,Rejected,TRUE,\n"
        "105,Shipping,,shipping,,New,FALSE,Versand,,New,FALSE,masculine\n",
        encoding="utf-8",
    )
    assert read_glossary(path) == [
        Term("account", "Konto", "The profile", forbidden=("Benutzerkonto",), gender="n"),
        Term("shipping", "Versand", gender="m"),
    ]
    assert (
        "tb.csv line 1: the header's columns Entry_ID, Entry_Subject, Entry_Note, en_Status, "
        "en_Forbidden, de_Definition are not read" in caplog.text
    )
    assert (
        "tb.csv: 1 source has only a forbidden target: left out (line 4 (sign in → einloggen))"
        in (caplog.text)
    )


@pytest.mark.parametrize("flag", ["maybe", "cs", "case-sensitive"])
def test_a_bad_forbidden_flag_is_refused_naming_its_line(flag):
    """(A case flag's words, ``cs``, ``sensitive``, were read as a forbidden yes.)"""
    with pytest.raises(InputError, match=rf"^g\.csv line 2: forbidden flag '{flag}' is not yes/no"):
        parse_delimited(f"source,target,forbidden\nfile,Datei,{flag}\n", ",", "g.csv")


@pytest.mark.parametrize(
    "text",
    [
        "sep=;\nEnglish;German\ncafé;Café\nsurcharge (€);Zuschlag (€)\n",  # Excel's first line
        "sep=;\r\nEnglish;German\r\ncafé;Café\r\nsurcharge (€);Zuschlag (€)\r\n",
        "English;German\ncafé;Café\nsurcharge (€);Zuschlag (€)\n",  # German Excel, no sep=
        "\ufeffsep=,\nEnglish,German\ncafé,Café\nsurcharge (€),Zuschlag (€)\n",
    ],
)
def test_a_spreadsheets_csv_is_read_with_its_delimiter_and_header(
    tmp_path: Path, text: str
) -> None:
    """Trial enc, session 69: Excel's ``sep=;`` line and ``;`` cells were refused ("save the
    file with ','") though translate reads such a table; the delimiter is found as translate
    finds it, the sep= line skipped and English;German read as the header."""
    path = tmp_path / "glossar.csv"
    path.write_bytes(text.encode("utf-8"))
    assert read_glossary(path) == [Term("café", "Café"), Term("surcharge (€)", "Zuschlag (€)")]


@pytest.mark.parametrize(
    "note", ["Hinweis", "Anmerkung", "Kommentar", "Notiz", "Bemerkung", "Comment", "Description"]
)
def test_a_german_excel_glossarys_note_column_is_read_by_its_name(
    tmp_path: Path, note: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial xamarin, session 75: ``Englisch;Deutsch;Hinweis`` read its terms, but the notes
    were dropped with "the header's column Hinweis is not read"."""
    path = tmp_path / "glossary-excel.csv"
    text = f"\ufeffEnglisch;Deutsch;{note}\r\nexpense report;Spesenabrechnung;\r\n"
    path.write_bytes((text + "receipt;Beleg;Maskulinum\r\n").encode("utf-8"))
    assert read_glossary(path) == [
        Term("expense report", "Spesenabrechnung"),
        Term("receipt", "Beleg", "Maskulinum"),
    ]
    assert "not read" not in caplog.text


def test_a_row_after_excels_separator_line_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "glossar.csv"
    path.write_text("sep=;\nEnglish;German\ncafé\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^glossar.csv line 3: a term needs a source and a"):
        read_glossary(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the header was a term (English → English Definition # German), definitions targets
        (
            "English,English Definition,German\nspindle,Rotating part,Spindel\n",
            [Term("spindle", "Spindel", "Rotating part")],
        ),
        # "line 1: case flag 'German Gender' is not yes/no/true/false/1/0"
        (
            "English,English Definition,German,German Gender\nchuck,Holds it,Spannfutter,neuter\n",
            [Term("chuck", "Spannfutter", "Holds it", gender="n")],
        ),
        # German Gender was not read, with a warning
        (
            "English,German,German Gender\nspindle,Spindel,feminine\n",
            [Term("spindle", "Spindel", gender="f")],
        ),
        (
            "English_Definition,English,German,German_Status,German Part of Speech\n"
            "Rotating part,spindle,Spindel,preferred,noun\nold,spindle,Spindelstock,deprecated,noun\n",
            [Term("spindle", "Spindel", "Rotating part", forbidden=("Spindelstock",))],
        ),
        # a language's notes are joined
        (
            "English,English Definition,English Usage,German\nspindle,Rotating part,Main one,Spindel\n",
            [Term("spindle", "Spindel", "Rotating part; Main one")],
        ),
        ("English Term,German Term\nfile,Datei\n", [Term("file", "Datei")]),
    ],
)
def test_a_term_tools_language_field_headers_name_the_columns(text: str, expected: list[Term]):
    """Trial s72 tbx: MultiTerm's ``<language> <field>`` headers were read as data."""
    assert parse_delimited(text, ",", "g.csv") == expected


def test_a_term_tools_header_is_not_refused_as_swapped_columns(tmp_path: Path) -> None:
    """Its definitions read as English targets: "6 of 9 rows read as German first and English
    second ... swap the columns", advice that stored definitions as terms."""
    path = tmp_path / "mt.csv"
    rows = [
        ("spindle", "Rotating machine component that holds the tool.", "Spindel"),
        ("chuck", "Clamping device on the spindle nose.", "Spannfutter"),
        ("feed rate", "Speed at which the tool advances.", "Vorschub"),
        ("coolant", "Cooling lubricant supplied to the cutting zone.", "Kühlschmierstoff"),
        ("turret", "Indexable tool holder of a lathe.", "Werkzeugrevolver"),
        ("operator", "Person who operates the machine.", "Bedienperson"),
    ]
    lines = ["English,English Definition,German", *(",".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_glossary(path) == [Term(source, target, note) for source, note, target in rows]


PHRASE_HEADER = "Entry_ID,en,en_Definition,de,de_Status,de_Gender\n"


def test_a_term_base_rows_admitted_target_is_left_out_beside_the_preferred(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trial s72 tbx: "line 2 and line 3 both give 'spindle' a target ...; keep one", where
    the TBX of the same term base takes the preferred one."""
    text = PHRASE_HEADER + (
        "MT-0001,spindle,Rotating part,Arbeitsspindel,admitted,f\n"
        "MT-0001,spindle,Rotating part,Spindel,preferred,f\n"
        "MT-0004,coolant,,Kühlmittel,deprecated,n\n"
        "MT-0004,coolant,,Kühlschmierstoff,Preferred,m\n"
    )
    assert parse_delimited(text, ",", "tb.csv") == [
        Term("spindle", "Spindel", "Rotating part", gender="f"),
        Term("coolant", "Kühlschmierstoff", forbidden=("Kühlmittel",), gender="m"),
    ]
    assert (
        "tb.csv: 1 target term beside a preferred one left out; the preferred one is the "
        "glossary's (line 2 (spindle → Arbeitsspindel))" in caplog.text
    )


@pytest.mark.parametrize(
    "statuses",
    [("admitted", "admitted"), ("preferred", "preferred"), ("", ""), ("not preferred", "new")],
)
def test_two_targets_without_one_preferred_are_still_refused(
    tmp_path: Path, statuses: tuple[str, str]
) -> None:
    """Which one such a file means is the user's call, as without a status column."""
    first, second = statuses
    path = tmp_path / "tb.csv"
    rows = f"1,spindle,,Spindel,{first},f\n2,spindle,,Arbeitsspindel,{second},f\n"
    path.write_text(PHRASE_HEADER + rows, encoding="utf-8")
    with pytest.raises(InputError, match=r"^tb\.csv: line 2 and line 3 both give 'spindle' a"):
        read_glossary(path)


def test_a_term_base_row_of_one_language_is_left_out_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trial s72 tbx: an English-only row stopped the import ("a term needs a source and a
    target"), where the TBX of the same term base leaves the entry out."""
    text = PHRASE_HEADER + (
        "MT-0004,coolant,,Kühlschmierstoff,preferred,m\n"
        "MT-0052,bar feeder,Device that feeds bar stock,,,\n"
        "MT-0053,,,Stangenlader,preferred,m\n"
    )
    assert parse_delimited(text, ",", "tb.csv") == [Term("coolant", "Kühlschmierstoff", gender="m")]
    assert (
        "tb.csv: 2 rows without a source or a target term left out (line 3 (bar feeder), "
        "line 4 (Stangenlader))" in caplog.text
    )


@pytest.mark.parametrize(
    "text",
    [
        "English,German\nbar feeder,\n",  # a bilingual glossary's header: a mistake
        "source,target,note\nbar feeder,,Device\n",
        "bar feeder,,Device\n",
    ],
)
def test_a_row_without_a_target_is_still_refused_outside_a_term_base(text: str) -> None:
    with pytest.raises(InputError, match=r"^g\.csv line \d: a term needs a source and a target"):
        parse_delimited(text, ",", "g.csv")
