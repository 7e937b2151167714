""".NET .resx files: the satellite file holds the translated strings, nothing else."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel
from lxml import etree
from translate.storage import resx

from ltmt.errors import InputError, NoPairsError
from ltmt.formats import xml_keyed
from ltmt.formats.documents import open_document
from ltmt.formats.not_read import NotRead
from ltmt.formats.pipeline import translate_file
from ltmt.formats.resx import ResxDocument

DATA = Path(__file__).parent / "data"


def test_units_are_the_text_resources() -> None:
    units = open_document(DATA / "Resources.resx", tgt_lang="de").units()
    # icons, sizes (typed) and the designer's >>Button1.Name are no text to translate
    assert [(u.key, u.source, u.context) for u in units] == [
        ("Greeting", "Hello, {0}!", "Greeting"),
        ("Quit", "Quit", "Quit"),
    ]


def test_the_satellite_file_holds_the_translations_and_the_headers(tmp_path: Path) -> None:
    source = tmp_path / "Resources.resx"
    shutil.copy(DATA / "Resources.resx", source)
    out = tmp_path / "Resources.de.resx"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    data = out.read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<root>\n  <xsd:schema')
    root = etree.fromstring(data)
    assert [d.get("name") for d in root.iter("data")] == ["Greeting", "Quit"]
    assert [h.get("name") for h in root.iter("resheader")] == ["resmimetype", "version"]
    store = resx.RESXFile(data)  # another reader: translate-toolkit's
    assert {u.getid(): (u.source, u.getnotes()) for u in store.units} == {
        "Greeting": ("HELLO, {0}!", "Shown on the start page"),
        "Quit": ("QUIT", ""),
    }
    assert (
        b'  <data name="Quit" xml:space="preserve">\n    <value>QUIT</value>\n  </data>\n</root>\n'
        in data
    )


def test_update_and_pairs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = tmp_path / "Resources.resx"
    shutil.copy(DATA / "Resources.resx", source)
    out = tmp_path / "Resources.de.resx"
    out.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        '  <data name="Quit" xml:space="preserve"><value>Beenden</value></data>\n'
        '  <data name="Old" xml:space="preserve"><value>Alt</value></data>\n</root>\n',
        "utf-8",
    )
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Hello, {0}!"]
    names = [d.get("name") for d in etree.fromstring(out.read_bytes()).iter("data")]
    assert names == ["Greeting", "Quit", "Old"]
    assert "1 string not in" in caplog.text
    pairs = {r.source: r.target for r in ResxDocument.pairs(out, source_file=source)}
    assert pairs == {"Hello, {0}!": "HELLO, {0}!", "Quit": "Beenden"}


def _resx(path: Path, *strings: tuple[str, str]) -> Path:
    data = "".join(
        f'  <data name="{name}" xml:space="preserve"><value>{text}</value></data>\n'
        for name, text in strings
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        f"{data}</root>\n",
        "utf-8",
    )
    return path


def test_a_name_defined_twice_is_translated_once_as_msbuild_builds_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MSBuild ignores a later definition of a name (MSB3568): the first is translated, alone,
    and a warning names it."""
    source = _resx(tmp_path / "Dup.resx", ("Title", "Open"), ("Prompt", "Enter"), ("Title", "Save"))
    out = tmp_path / "Dup.de.resx"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "1 name defined more than once (Title); the first definition" in caplog.text
    values = [(d.get("name"), d.findtext("value")) for d in etree.parse(out).iter("data")]
    assert values == [("Title", "OPEN"), ("Prompt", "ENTER")]


@pytest.mark.parametrize("target_twice", [False, True])
def test_a_name_defined_twice_makes_no_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target_twice: bool
) -> None:
    """Which definition translates which cannot be told: the name's strings are counted, not
    paired (the first English Title was stored with the last German one). The translated file
    is read once for its strings and the names it defines twice (it was parsed twice)."""
    twice = [("Title", "Save")] if not target_twice else []
    source = _resx(tmp_path / "Dup.resx", ("Title", "Open"), ("Prompt", "Enter"), *twice)
    twice = [("Title", "Speichern")] if target_twice else []
    out = _resx(tmp_path / "Dup.de.resx", ("Title", "Öffnen"), ("Prompt", "Eingeben"), *twice)
    read: list[Path] = []

    def read_bytes(path: Path, what: str) -> bytes:
        read.append(Path(path))
        return Path(path).read_bytes()

    monkeypatch.setattr(xml_keyed, "read_bytes", read_bytes)  # where a translation is read
    not_read = NotRead()
    records = ResxDocument.pairs(out, source_file=source, not_read=not_read)
    assert [(r.source, r.target) for r in records] == [("Enter", "Eingeben")]
    assert not_read.by_reason() == {"defined more than once": 1}
    assert read.count(out) == 1


def test_a_boolean_setting_is_neither_translated_nor_paired(tmp_path: Path) -> None:
    source = _resx(tmp_path / "App.resx", ("Enabled", "True"), ("Title", "Save"))
    assert [u.key for u in ResxDocument.open(source).units()] == ["Title"]
    out = _resx(tmp_path / "App.de.resx", ("Enabled", "Wahr"), ("Title", "Speichern"))
    records = ResxDocument.pairs(out, source_file=source)
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]


def test_a_resw_property_that_takes_no_text_is_left_out_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``AmountText.TextAlignment`` = ``Right`` came back ``Rechts``, which XAML's x:Uid loader
    cannot parse: the German page threw. Such a setting is left out (the neutral file's value
    is read), makes no pair, and the run names it; its text property is translated. A .resx
    string of the same name is read by code, and is translated as before."""
    strings = [
        ("AmountText.TextAlignment", "Right"),
        ("AmountText.Text", "Amount"),
        ("ReceiptsList.HorizontalAlignment", "Left"),
        ("ErrorBar.Visibility", "Collapsed"),
    ]
    source = _resx(tmp_path / "Resources.resw", *strings)
    assert [u.key for u in ResxDocument.open(source).units()] == ["AmountText.Text"]
    out = tmp_path / "Resources.de.resw"
    with caplog.at_level(logging.WARNING, logger="ltmt"):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    values = {d.get("name"): d.findtext("value") for d in etree.parse(out).iter("data")}
    assert values == {"AmountText.Text": "AMOUNT"}
    assert (
        "3 values that are no text (AmountText.TextAlignment, "
        "ReceiptsList.HorizontalAlignment, ErrorBar.Visibility: a number, a code, an identifier or a setting) not "
        "written to the translation" in caplog.text
    )
    written = _resx(
        tmp_path / "Resources.fr.resw",
        ("AmountText.TextAlignment", "Droite"),
        ("AmountText.Text", "Montant"),
    )
    records = ResxDocument.pairs(written, source_file=source)
    assert [(r.source, r.target) for r in records] == [("Amount", "Montant")]
    code_read = _resx(tmp_path / "Resources.resx", *strings)
    assert len(ResxDocument.open(code_read).units()) == 4


def test_a_resw_setting_translated_by_an_earlier_run_is_kept_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An output an earlier run wrote holds ``Rechts`` for ``TextAlignment``: a value someone
    set there is kept (a localised ``Width``), but one XAML cannot read is named."""
    source = _resx(
        tmp_path / "Resources.resw",
        ("AmountText.TextAlignment", "Right"),
        ("AmountText.Width", "120"),
        ("AmountText.Text", "Amount"),
    )
    out = _resx(
        tmp_path / "Resources.de.resw",
        ("AmountText.TextAlignment", "Rechts"),
        ("AmountText.Width", "150"),
        ("AmountText.Text", "Betrag"),
    )
    with caplog.at_level(logging.WARNING, logger="ltmt"):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert (
        f"{out}: 1 setting in the translation so far is no value XAML reads for its property "
        "(AmountText.TextAlignment = Rechts), and the page will not load; set it as the source "
        "has it or delete it" in caplog.text
    )
    assert "AmountText.Width" not in caplog.text


def test_a_composite_format_string_stays_one(tmp_path: Path) -> None:
    """A model's unbalanced braces (``{{{{{»id«: {0} }``, which makes String.Format throw) were
    counted as repaired; a string with a .NET format item is now checked as ``csharp-format``."""
    json = 'Expected format: {{ "id": {0} }}'
    source = _resx(tmp_path / "App.resx", ("Json", json), ("Named", "Hello {UserName}"))
    units = ResxDocument.open(source).units()
    assert [u.flags for u in units] == [("csharp-format",), ()]
    result = translate_file(
        source,
        tmp_path / "App.de.resx",
        lambda texts, prefer=None: [f"{text} }}" for text in texts],
        tgt_lang="de",
    )
    assert result.report.not_repairable == 1


_STRING_TYPE = "System.String, mscorlib, Version=4.0.0.0, Culture=neutral"


def test_a_string_typed_system_string_is_translated_with_its_type(tmp_path: Path) -> None:
    """An explicit ``System.String`` type is a string all the same (it was left out, uncounted);
    another type (a size) is still no text."""
    source = tmp_path / "Typed.resx"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        f'  <data name="Typed" type="{_STRING_TYPE}"><value>Enter a name.</value></data>\n'
        '  <data name="Size" type="System.Drawing.Size, System.Drawing"><value>75, 23</value></data>\n'
        "</root>\n",
        "utf-8",
    )
    assert [u.key for u in ResxDocument.open(source).units()] == ["Typed"]
    out = tmp_path / "Typed.de.resx"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert [(d.get("type"), d.findtext("value")) for d in etree.parse(out).iter("data")] == [
        (_STRING_TYPE, "ENTER A NAME.")
    ]


def test_update_keeps_the_comments_of_the_translation_so_far(tmp_path: Path) -> None:
    """The translator's header, XML comments before a string and its edited <comment> stay; a
    string new to the output has the source file's."""
    source = tmp_path / "Resources.resx"
    shutil.copy(DATA / "Resources.resx", source)
    out = tmp_path / "Resources.de.resx"
    out.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- German: Anna -->\n<root>\n'
        "  <!-- checked 2024 -->\n"
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        "  <!-- reviewed by Anna -->\n"
        '  <data name="Quit" xml:space="preserve">\n'
        "    <value>Beenden</value>\n    <comment>Button; geprüft</comment>\n  </data>\n"
        "  <!-- mine -->\n"
        '  <data name="Old" xml:space="preserve"><value>Alt</value></data>\n</root>\n',
        "utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    data = out.read_text("utf-8")
    # their file as they wrote it, the source file's schema, header and string added
    assert data.startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- German: Anna -->\n<root>\n  <xsd:schema'
    )
    assert data.split("</xsd:schema>\n")[1] == (
        "  <!-- checked 2024 -->\n"
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        '  <resheader name="version">\n    <value>2.0</value>\n  </resheader>\n'
        '  <data name="Greeting" xml:space="preserve">\n    <value>HELLO, {0}!</value>\n'
        "    <comment>Shown on the start page</comment>\n  </data>\n"
        "  <!-- reviewed by Anna -->\n"
        '  <data name="Quit" xml:space="preserve">\n'
        "    <value>Beenden</value>\n    <comment>Button; geprüft</comment>\n  </data>\n"
        "  <!-- mine -->\n"
        '  <data name="Old" xml:space="preserve"><value>Alt</value></data>\n</root>\n'
    )


def test_a_run_with_nothing_to_translate_leaves_the_satellite_byte_for_byte(
    tmp_path: Path,
) -> None:
    """A rerun rewrote the translator's file: tabs became spaces, ``&#8230;`` became ``…``
    and an attribute of theirs was dropped (the Android trial's defect 3, in .resx)."""
    source = tmp_path / "Resources.resx"
    shutil.copy(DATA / "Resources.resx", source)
    out = tmp_path / "Resources.de.resx"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    theirs = (
        out.read_text("utf-8")
        .replace("<value>QUIT</value>", "<value>Beenden&#8230;</value>")
        .replace('<data name="Quit" xml:space="preserve">', '<data name="Quit" custom="1">')
        .replace("\n  <data", "\n\t<data")
    )
    out.write_text(theirs, "utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [] and out.read_text("utf-8") == theirs
    translate_file(source, out, FakeModel(), tgt_lang="de", overwrite=True)
    assert (  # translated again in place, their attribute kept, indented as theirs
        '\t<data name="Quit" xml:space="preserve" custom="1">\n\t\t<value>QUIT</value>\n\t</data>'
        in out.read_text("utf-8")
    )


@pytest.mark.parametrize(
    "comment",
    [
        "{Locked}",
        "Do not translate",
        "Brand name; don't translate.",
        "{ locked }",
        "Feature name, do not translate",
        "Trademark - don't translate.",
        "DNT",
    ],
)
def test_a_string_whose_comment_asks_to_keep_it_is_kept_and_counted(
    tmp_path: Path, comment: str
) -> None:
    """``Contoso Notes`` commented ``{Locked}`` came back as ``Kontoso Notes``: it is left out
    of the output (the neutral file's value is shown), makes no pair, and the summary counts
    it."""
    source = tmp_path / "Locked.resw"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        f'  <data name="Product"><value>Contoso Notes</value><comment>{comment}</comment></data>\n'
        '  <data name="Save"><value>Save</value><comment>Button</comment></data>\n'
        "</root>\n",
        "utf-8",
    )
    assert [u.key for u in ResxDocument.open(source).units()] == ["Save"]
    out = tmp_path / "Locked.de.resw"
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert [d.get("name") for d in etree.parse(out).iter("data")] == ["Save"]
    assert result.report.marked_kept == 1
    assert "1 kept as its comments ask ({Locked}, Do not translate)" in result.report.summary()
    written = _resx(tmp_path / "Locked.fr.resw", ("Product", "Contoso Notes"), ("Save", "Enr."))
    assert [r.source for r in ResxDocument.pairs(written, source_file=source)] == ["Save"]


@pytest.mark.parametrize(
    "comment",
    [
        "{0} is the file name. Do not translate {0}.",
        'Do not translate the product name "Contoso Notes".',
        'Tooltip. Don\'t translate "account" as "Konto" in Swiss builds.',
    ],
)
def test_a_comment_that_names_a_part_leaves_the_string_translated(
    tmp_path: Path, comment: str
) -> None:
    """A comment that merely mentioned "Do not translate" kept the whole string untranslated
    and dropped it from the satellite; one that names a part of it is no such instruction."""
    source = tmp_path / "Named.resx"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        f'  <data name="Hint"><value>Open the file</value><comment>{comment}</comment></data>\n'
        "</root>\n",
        "utf-8",
    )
    assert [u.key for u in ResxDocument.open(source).units()] == ["Hint"]
    out = tmp_path / "Named.de.resx"
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert [d.get("name") for d in etree.parse(out).iter("data")] == ["Hint"]
    assert result.report.marked_kept == 0


def test_the_strings_a_comment_locks_are_written_as_they_are(tmp_path: Path) -> None:
    """``Open Quick Entry to add a receipt.`` commented ``{Locked="Quick Entry"}`` came back
    ``Open Quick Eintrag, ...``: the locked name goes to the model as a field of its own."""
    source = tmp_path / "Comments.resx"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        '  <data name="Hint"><value>Open Quick Entry to add a receipt.</value>'
        '<comment>{Locked="Quick Entry"}</comment></data>\n'
        "</root>\n",
        "utf-8",
    )
    model = FakeModel()
    out = tmp_path / "Comments.de.resx"
    result = translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Open {91} to add a receipt."]
    values = [d.findtext("value") for d in etree.parse(out).iter("data")]
    assert values == ["OPEN Quick Entry TO ADD A RECEIPT."]
    assert result.report.marked_kept == 0


def test_escaped_braces_around_words_are_two_literal_braces(tmp_path: Path) -> None:
    """``Type {{ to open a group and }} to close it.`` was read as one template field, and
    ``to open a group and`` stayed in English; ``{{Date}}``, a literal token, stays one."""
    source = _resx(
        tmp_path / "Braces.resx",
        ("Braces", "Type {{ to open a group and }} to close it."),
        ("Tokens", "Use {{Date}} and {{Amount}} as tokens"),
        ("Format", "{0} items {{ in all groups }}"),
    )
    out = tmp_path / "Braces.de.resx"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    values = {d.get("name"): d.findtext("value") for d in etree.parse(out).iter("data")}
    assert values == {
        "Braces": "TYPE {{ TO OPEN A GROUP AND }} TO CLOSE IT.",
        "Tokens": "USE {{Date}} AND {{Amount}} AS TOKENS",
        "Format": "{0} ITEMS {{ IN ALL GROUPS }}",
    }


def test_a_max_length_comment_is_checked_in_translate_and_qa(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``{MaxLength=10}`` went unchecked: a longer translation is written, counted, named in a
    warning, and ``ltmt qa`` checks it (the length check of XLIFF's maxwidth)."""
    from ltmt.qa.pair_checks import length_problems

    source = tmp_path / "Short.resx"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
        '  <data name="Tagline"><value>Notes that follow you</value>'
        "<comment>{MaxLength=10}</comment></data>\n"
        '  <data name="Save"><value>Save</value></data>\n'
        "</root>\n",
        "utf-8",
    )
    out = tmp_path / "Short.de.resx"
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert result.report.over_limit == 1
    assert (
        "1 string longer than a {MaxLength} comment allows (Tagline: the translation is 21 "
        "characters long, its unit allows 10): shorten it"
    ) in caplog.text
    records = {r.source: r for r in ResxDocument.pairs(out, source_file=source)}
    assert records["Notes that follow you"].metadata["max_length"] == 10
    assert "max_length" not in records["Save"].metadata
    record = records["Notes that follow you"]
    assert length_problems(record.source, record.target, record.metadata) == [
        "the translation is 21 characters long, its unit allows 10"
    ]


_VS_HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\r\n<root>\r\n'
    '  <xsd:schema id="root" xmlns="" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n'
    '    <xsd:import namespace="http://www.w3.org/XML/1998/namespace" />\r\n'
    "  </xsd:schema>\r\n"
    '  <resheader name="resmimetype">\r\n    <value>text/microsoft-resx</value>\r\n'
    "  </resheader>\r\n"
)


@pytest.mark.parametrize("existing", [False, True])
def test_the_header_is_kept_as_written(tmp_path: Path, existing: bool) -> None:
    """Visual Studio writes ``<xsd:schema id="root" xmlns="">`` and ``" />"``: lxml wrote the
    attributes in another order and ``"/>"``, a diff in lines no one changed; the header of the
    translation so far (or of the source file) is kept byte for byte."""
    source = tmp_path / "Strings.resx"
    data = '  <data name="Save" xml:space="preserve">\r\n    <value>Save</value>\r\n  </data>\r\n'
    source.write_bytes((_VS_HEADER + data + "</root>\r\n").encode())
    out = tmp_path / "Strings.de.resx"
    if existing:
        out.write_bytes((_VS_HEADER + "</root>\r\n").encode())
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert (
        out.read_bytes() == (_VS_HEADER + data.replace("Save<", "SAVE<") + "</root>\r\n").encode()
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<root><data name='a'>", r"x.resx:1:\d+: not a well-formed .NET .resx resource file"),
        (
            "<resources/>",
            r"x.resx: not a .NET .resx resource file \(no <root> with <resheader> elements\)",
        ),
    ],
)
def test_what_is_no_resx_file_is_one_line_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.resx"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        ResxDocument.open(path)


def test_a_source_file_with_none_of_the_translations_names_is_said_to_be_the_wrong_one(
    tmp_path: Path,
) -> None:
    """Another project's source file gave "no segments found (an empty file, or no
    translated entries ...)": it sent the user looking at the translation."""
    source = _resx(tmp_path / "Form1.resx", ("button1.Text", "OK"), ("label1.Text", "Name"))
    out = _resx(tmp_path / "Strings.de.resx", ("Save", "Speichern"), ("Quit", "Beenden"))
    with pytest.raises(
        NoPairsError,
        match=r"Strings.de.resx: none of its 2 names are in .*Form1.resx \(wrong "
        r"--source-file\?\); give the source-language file it translates$",
    ):
        ResxDocument.pairs(out, source_file=source)
    # one name in common: the others are obsolete strings, counted as before
    _resx(out, ("Save", "Speichern"), ("button1.Text", "OK"))
    assert [r.target for r in ResxDocument.pairs(out, source_file=source)] == ["OK"]
    # a file of one string was said to have "none of its 1 name are in"
    _resx(out, ("Save", "Speichern"))
    with pytest.raises(NoPairsError, match=r"Strings.de.resx: its 1 name is not in .*Form1.resx "):
        ResxDocument.pairs(out, source_file=source)


def test_a_satellite_alone_is_read_with_the_neutral_file_beside_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``ltmt qa Resources.de.resx`` said to give --source-file, though Resources.resx sits
    beside it, as a folder run pairs them."""
    source = tmp_path / "Resources.resx"
    shutil.copy(DATA / "Resources.resx", source)
    out = tmp_path / "Resources.de.resx"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    with caplog.at_level(logging.WARNING):
        pairs = {r.source: r.target for r in ResxDocument.pairs(out)}
    assert pairs["Quit"] == "QUIT"
    assert f"{out}: read as the translation of {source} beside it (no --source-file)" in (
        caplog.text
    )
    source.unlink()
    with pytest.raises(InputError, match="give the source-language file it translates with"):
        ResxDocument.pairs(out)


def test_a_comment_is_stored_as_its_pairs_note(tmp_path: Path) -> None:
    """A memory import dropped ``<comment>{0} = user name</comment>``; a PO ``#.`` comment is
    kept as the pair's note."""
    source = tmp_path / "Resources.resx"
    shutil.copy(DATA / "Resources.resx", source)
    out = tmp_path / "Resources.de.resx"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    notes = {r.source: r.metadata.get("note") for r in ResxDocument.pairs(out, source_file=source)}
    assert notes == {"Hello, {0}!": "Shown on the start page", "Quit": None}


@pytest.mark.parametrize(
    ("purpose", "said"),
    [("imported", "not imported (Title): "), ("checked", "not checked (Title): ")],
)
def test_a_name_defined_twice_is_said_not_done_as_asked(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, purpose: str, said: str
) -> None:
    """``ltmt qa`` said ``1 string of names defined more than once not imported``: it imports
    nothing."""
    source = _resx(tmp_path / "Dup.resx", ("Title", "Open"), ("Prompt", "Enter"), ("Title", "X"))
    out = _resx(tmp_path / "Dup.de.resx", ("Title", "Öffnen"), ("Prompt", "Eingeben"))
    with caplog.at_level(logging.WARNING):
        ResxDocument.pairs(out, source_file=source, purpose=purpose)
    again = "check" if purpose == "checked" else "import"
    assert (
        f"{out}: 1 name defined more than once {said}which definition translates which cannot "
        f"be told; keep one of each and {again} again"
    ) in caplog.text
