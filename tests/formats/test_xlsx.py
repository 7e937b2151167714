"""Excel workbooks, made with openpyxl (a test dependency): the strings cells show translated
with their formatting, numbers, formulas, sheet names and table headers kept; the output read
back by openpyxl and, where installed, LibreOffice Calc (Debian's libreoffice-calc-nogui, as
.ci/run installs it)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from formats_fakes import FakeModel
from libreoffice import converted
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.worksheet.table import Table

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.xlsx import XlsxDocument


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Prices"
    sheet.append(["Item", "Price", "Note"])  # a table's headers: its columns' names
    sheet.append(["Red apple", 1.5, "Sold by the kilo"])
    sheet.append(["Green pear", 2, "Only in autumn"])
    sheet.add_table(Table(displayName="Fruit", ref="A1:C3"))
    sheet["E1"] = "Total"
    sheet["F1"] = "=SUM(Fruit[Price])"
    sheet["E2"] = CellRichText(
        "Prices are ", TextBlock(InlineFont(b=True), "final"), " and include tax."
    )
    sheet["E3"] = "First line\nsecond line"
    book.create_sheet("Notes")["A1"] = "Ask the shop before you order."
    book.properties.title = "Fruit prices"
    book.save(path)
    return path


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "prices.xlsx")


def test_units_are_the_strings_cells_show_but_a_tables_headers(workbook: Path) -> None:
    units = {u.source for u in open_document(workbook).units()}
    assert units == {
        "Red apple",
        "Sold by the kilo",
        "Green pear",
        "Only in autumn",
        "Total",
        'Prices are <g id="1">final</g> and include tax.',
        "First line\nsecond line",
        "Ask the shop before you order.",
        "Fruit prices",
    }  # not Item, Price and Note: the table's columns are named by them


def _translated(workbook: Path, tmp_path: Path) -> Path:
    out = tmp_path / "prices.de.xlsx"
    result = translate_file(workbook, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 9
    return out


def test_the_translation_keeps_numbers_formulas_formatting_and_tables(
    workbook: Path, tmp_path: Path
) -> None:
    out = _translated(workbook, tmp_path)
    book = openpyxl.load_workbook(out, rich_text=True)
    assert book.sheetnames == ["Prices", "Notes"]
    prices = book["Prices"]
    assert [cell.value for cell in prices[2]][:3] == ["RED APPLE", 1.5, "SOLD BY THE KILO"]
    assert [cell.value for cell in prices[1]][:3] == ["Item", "Price", "Note"]
    assert prices.tables["Fruit"].ref == "A1:C3"
    assert prices["F1"].value == "=SUM(Fruit[Price])"
    rich = prices["E2"].value
    assert str(rich) == "PRICES ARE FINAL AND INCLUDE TAX."
    assert [block.font.b for block in rich if isinstance(block, TextBlock)] == [True]
    assert prices["E3"].value == "FIRST LINE\nSECOND LINE"
    assert book["Notes"]["A1"].value == "ASK THE SHOP BEFORE YOU ORDER."
    assert book.properties.title == "FRUIT PRICES"


def _orders(path: Path) -> Path:
    """A workbook whose formula and drop-down list compare against its statuses."""
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Order", "Status"], ["A-1", "Shipped"], ["A-2", "open"], ["A-3", "Late"]):
        sheet.append(row)
    sheet["C1"] = "Check the orders."
    sheet["E1"] = '=COUNTIF(B2:B4,"Shipped")+COUNTIF(B2:B4,"Say ""late""")'
    listed = DataValidation(type="list", formula1='"Shipped,Open,Cancelled"')
    sheet.add_data_validation(listed)
    listed.add("B2:B4")
    book.save(path)
    return path


KEPT_WARNING = (
    "2 cell texts left as written: formulas or drop-down lists of the workbook compare "
    "against their text ('Shipped', 'open'), which would no longer match"
)


def test_cells_a_formula_or_a_drop_down_list_compares_against_are_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # translated, COUNTIF(B2:B4,"Shipped") counted none and the list refused every status
    orders = _orders(tmp_path / "orders.xlsx")
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        units = {u.source for u in open_document(orders).units()}
    # not "Shipped" (the formula's) nor "open" (the list's "Open", case aside)
    assert units == {"Order", "Status", "A-1", "A-2", "A-3", "Late", "Check the orders."}
    assert caplog.messages == [KEPT_WARNING]


def test_a_string_a_formula_only_writes_keeps_no_cell(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # a session-67 trial: =CONCAT("Price", ": ", 100) kept the cell B2 "Price" as written
    book = openpyxl.Workbook()
    book.active["B2"] = "Price"
    book.active["B3"] = '=CONCAT("Price", ": ", 100)&" gold"'
    book.save(tmp_path / "shop.xlsx")
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        units = {u.source for u in open_document(tmp_path / "shop.xlsx").units()}
    assert units == {"Price"}
    assert caplog.messages == []


def test_the_kept_cells_are_said_once_where_a_translation_is_read_beside_its_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # memory import and qa read the source and the translation: each said it
    orders = _orders(tmp_path / "orders.xlsx")
    out = tmp_path / "orders.de.xlsx"
    translate_file(orders, out, FakeModel(), src_lang="en", tgt_lang="de")
    caplog.clear()
    with caplog.at_level("WARNING", logger="ltmt.formats.compared_text"):
        pairs = list(XlsxDocument.pairs(out, source_file=orders))
    assert len(pairs) == 7
    assert caplog.messages == [KEPT_WARNING]


def _with_shared_strings(path: Path) -> Path:
    """``path``'s workbook with its cells' strings shared, as Excel writes them (openpyxl
    writes each in its cell): one ``<si>`` for each text, however many cells show it."""
    import re

    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    texts: list[str] = []

    def shared(match: re.Match[str]) -> str:
        if match.group(2) not in texts:
            texts.append(match.group(2))
        return f'{match.group(1)} t="s"><v>{texts.index(match.group(2))}</v></c>'

    for name in [name for name in entries if name.startswith("xl/worksheets/sheet")]:
        inline = re.compile(r'(<c r="\w+")(?: s="\d+")? t="inlineStr"><is><t>([^<]*)</t></is></c>')
        entries[name] = inline.sub(shared, entries[name].decode()).encode()
    items = "".join(f"<si><t>{text}</t></si>" for text in texts)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    entries["xl/sharedStrings.xml"] = f'<sst xmlns="{main}">{items}</sst>'.encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode(),
    )
    relationship = (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    )
    entries["xl/_rels/workbook.xml.rels"] = entries["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdS" Type="{relationship}" Target="sharedStrings.xml"/>'
        "</Relationships>".encode(),
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("shared", [False, True], ids=["in cells", "shared"])
def test_hidden_sheets_are_translated_as_the_lists_and_lookups_they_hold(
    tmp_path: Path, shared: bool
) -> None:
    """Left as written (a change of session 62, taken back), a hidden sheet's drop-down list
    offered half-English choices and a VLOOKUP of a translated visible cell found nothing."""
    book = openpyxl.Workbook()
    book.active.title = "Form"
    book.active.append(["Open", "High"])
    lists = book.create_sheet("Lists")
    for row in (["Open", "Low"], ["Closed", "Medium"], ["Pending", "High"]):
        lists.append(row)
    lists.sheet_state = "hidden"
    path = tmp_path / "form.xlsx"
    book.save(path)
    if shared:
        _with_shared_strings(path)
    out = tmp_path / "form.de.xlsx"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    written = openpyxl.load_workbook(out)
    assert [row[0].value for row in written["Lists"].iter_rows()] == ["OPEN", "CLOSED", "PENDING"]
    assert [row[1].value for row in written["Lists"].iter_rows()] == ["LOW", "MEDIUM", "HIGH"]
    assert written["Lists"].sheet_state == "hidden"


@pytest.mark.parametrize(
    ("shared", "places"),
    [
        (False, ["Prices!A1", "Prices!B1", "'Q1 sales'!C2", "'Q1 sales'!B7"]),  # row by row
        (True, ["Prices!A1", "Prices!B1 and 1 more cell", "'Q1 sales'!C2"]),
    ],
    ids=["in cells", "shared"],
)
def test_qa_and_import_name_a_cell_by_its_sheet_and_cell(
    tmp_path: Path, shared: bool, places: list[str]
) -> None:
    # they said xl/worksheets/sheet2.xml#p1, which no spreadsheet user can find
    book = openpyxl.Workbook()
    book.active.title = "Prices"
    book.active.append(["Red apple", "Sold by the kilo"])
    sales = book.create_sheet("Q1 sales")
    sales["B7"] = "Sold by the kilo"
    sales["C2"] = "Only in autumn"
    path = tmp_path / "prices.xlsx"
    book.save(path)
    if shared:
        _with_shared_strings(path)
    out = tmp_path / "prices.de.xlsx"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    pairs = XlsxDocument.pairs(out, source_file=path)
    assert [pair.position for pair in pairs] == [f"{out}: {place}" for place in places]


def test_libreoffice_calc_reads_the_translation(workbook: Path, tmp_path: Path) -> None:
    out = _translated(workbook, tmp_path)
    rows = converted(out, "calc", "csv", tmp_path).read_text("utf-8").splitlines()
    assert rows[0].startswith("Item,Price,Note,,TOTAL,3.5")  # the formula computed
    assert rows[1].startswith("RED APPLE,1.5,SOLD BY THE KILO,,PRICES ARE FINAL AND INCLUDE TAX.")


def test_an_existing_output_is_the_translation_so_far_and_imports_as_pairs(
    workbook: Path, tmp_path: Path
) -> None:
    out = _translated(workbook, tmp_path)
    model = FakeModel()
    translate_file(workbook, out, model, src_lang="en", tgt_lang="de")
    assert model.seen == []
    pairs = {p.source: p.target for p in XlsxDocument.pairs(out, source_file=workbook)}
    assert pairs["Red apple"] == "RED APPLE"
    assert "Item" not in pairs


def test_cell_text_escapes_come_back_as_excel_writes_them(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "prices.xlsx")
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    strings = entries["xl/worksheets/sheet1.xml"].decode("utf-8")
    strings = strings.replace("<t>Total</t>", "<t>Total_x000D_ sum_x005F_x0041_</t>")
    entries["xl/worksheets/sheet1.xml"] = strings.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    document = XlsxDocument.open(path)
    assert "Total\r sum_x0041_" in [u.source for u in document.units()]
    out = tmp_path / "out.xlsx"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    with zipfile.ZipFile(out) as archive:
        written = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<t>TOTAL_x000D_ SUM_X0041_</t>" in written  # (_X0041_ escapes nothing)


def test_an_encrypted_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(
        InputError,
        match=r"secret\.xlsx: not an Excel workbook but a file encrypted with a password or saved "
        r"by Office 97-2003; save it without a password as \.xlsx$",
    ):
        open_document(path)


def test_cells_holding_html_keep_their_tags_as_a_csv_tables_cells_do(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "<p>Non-slip, <b>6 mm</b> thick.</p>"
    book.active["A2"] = "<p>Soft cotton shirt.</p>"
    book.save(tmp_path / "p.xlsx")
    model = FakeModel()
    translate_file(tmp_path / "p.xlsx", tmp_path / "p.de.xlsx", model, src_lang="en", tgt_lang="de")
    sheet = openpyxl.load_workbook(tmp_path / "p.de.xlsx").active
    assert sheet["A1"].value == "<p>NON-SLIP, <b>6 MM</b> THICK.</p>"
    assert sheet["A2"].value == "<p>SOFT COTTON SHIRT.</p>"
    assert not any("&lt;" in text for text in model.seen)  # the model saw tags, not references
