"""Which columns of a CSV table are translated (ltmt.formats.csv_columns): header words that
langcodes also reads as languages' names, and the columns that name the text by its role."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.csv_columns import _named_language, find_columns
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("LABEL", None),  # langcodes: Label, lbb
        ("Labels", None),
        ("Remarks", None),  # Bow
        ("Index", None),  # kzf
        ("Description", None),
        ("German", "de"),
        ("Deutsch", "de"),
        ("English", "en"),
    ],
)
def test_ordinary_header_words_name_no_language(header: str, expected: str | None) -> None:
    assert _named_language(header) == expected


def test_a_label_column_is_the_source_and_translation_its_target(tmp_path: Path) -> None:
    """Regression trial stf, session 69: KEY,LABEL was read as the language Label (lbb):
    'languages in the file are lbb, but the default model translates en→de only'."""
    path = tmp_path / "labels.csv"
    path.write_text("KEY,LABEL\nCustomLabel.A,Sales Region\n", "utf-8")
    out = tmp_path / "labels.de.csv"
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 1
    assert out.read_text("utf-8") == "KEY,LABEL,target\nCustomLabel.A,Sales Region,SALES REGION\n"
    columns = find_columns(["KEY", "LABEL", "TRANSLATION"], path, "en", "de")
    assert [(pair.source, pair.target) for pair in columns.pairs] == [(1, 2)]
    assert columns.key == 0


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        ("key,Label,de", "k1,Save,", "key,Label,de\nk1,Save,SAVE\n"),
        ("Label,German", "Save,", "Label,German\nSave,SAVE\n"),
        ("Label,de", "Save,", "Label,de\nSave,SAVE\n"),
    ],
)
def test_a_label_column_is_translated_into_the_target_languages_column(
    tmp_path: Path, header: str, row: str, expected: str
) -> None:
    """Regression trial rege, session 69: key,Label,de got its German in a new 'target'
    column, de left empty; memory import and qa of Label,de said 'no de column to import'."""
    from ltmt.formats.csv_table import read_csv_table

    path = tmp_path / "s5.csv"
    path.write_text(f"{header}\n{row}\n", "utf-8")
    out = tmp_path / "de-s5.csv"
    result = translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.translated == 1
    assert out.read_text("utf-8") == expected
    pairs = [(record.source, record.target) for record in read_csv_table(out)]
    assert pairs == [("Save", "SAVE")]


def test_a_first_line_that_is_a_comment_is_said_so(tmp_path: Path) -> None:
    """Regression trial stf, session 69: a table whose first line was a # comment got a
    --columns hint built from the comment's words."""
    path = tmp_path / "bilingual.csv"
    path.write_text(
        "# Use the Bilingual file to review translations, edit labels\nKEY,LABEL\nk,Save\n",
        "utf-8",
    )
    with pytest.raises(
        InputError,
        match=r"bilingual\.csv: its first line is a comment \(# Use the Bilingual file to "
        r"review trans\.\.\.\), not a header naming the columns; a CSV table's first row names "
        r"them \(keys,en,de\): delete the comment lines$",
    ):
        translate_file(path, tmp_path / "out.csv", FakeModel(), src_lang="en", tgt_lang="de")


def test_the_columns_hint_keeps_format_csv_for_a_file_of_another_extension(
    tmp_path: Path,
) -> None:
    """Regression trial stf, session 69: the hint for a .tsv read by --format csv dropped it."""
    path = tmp_path / "labels.tsv"
    path.write_text("KEY\tText A\tText B\nk\tSave\t\n", "utf-8")
    with pytest.raises(
        InputError, match=r'ltmt translate labels\.tsv --format csv --columns "Text A=Text B"$'
    ):
        translate_file(
            path, tmp_path / "out.tsv", FakeModel(), fmt="csv", src_lang="en", tgt_lang="de"
        )


def test_a_target_column_named_by_columns_is_added_where_the_header_lacks_it(
    tmp_path: Path,
) -> None:
    """Regression trial stf, session 69: --columns "LABEL=TRANSLATION" on KEY,LABEL said 'no
    column of its header is named 'TRANSLATION''; a source column the header lacks is still an
    error."""
    path = tmp_path / "labels.csv"
    path.write_text("KEY,LABEL\nCustomLabel.A,Sales Region\n", "utf-8")
    out = tmp_path / "labels.de.csv"
    translate_file(
        path, out, FakeModel(), src_lang="en", tgt_lang="de", columns="LABEL=TRANSLATION"
    )
    assert out.read_text("utf-8") == (
        "KEY,LABEL,TRANSLATION\nCustomLabel.A,Sales Region,SALES REGION\n"
    )
    with pytest.raises(
        InputError,
        match=r"no column of its header is named 'LABLE'; did you mean 'LABEL'\? its columns: "
        r"KEY, LABEL$",
    ):
        translate_file(
            path, tmp_path / "o.csv", FakeModel(), src_lang="en", tgt_lang="de",
            columns="LABLE=TRANSLATION",
        )  # fmt: skip


@pytest.mark.parametrize("target", ["Line (de)", "Line_DE", "Line DE", "Lines"])
def test_a_target_column_near_a_header_is_added_too(tmp_path: Path, target: str) -> None:
    """Regression trial voicegame, session 71: --columns "Line=Line (de)" (and Line_DE, Line
    DE) said 'no column of its header is named 'Line (de)'; did you mean 'Line'?', while
    --help shows "Title (en)=Title (de)" adding the target column the header lacks."""
    path = tmp_path / "dialogue.csv"
    path.write_text("ID,Speaker,Line\nVO_1,Kael,Stay close.\n", "utf-8")
    out = tmp_path / "dialogue.de.csv"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de", columns=f"Line={target}")
    assert (
        out.read_text("utf-8") == f"ID,Speaker,Line,{target}\nVO_1,Kael,Stay close.,STAY CLOSE.\n"
    )


def test_several_pairs_add_each_target_column_the_header_lacks(tmp_path: Path) -> None:
    """Regression trial ecommerce, session 75: --columns "Title=Title (de),Body (HTML)=Body
    (HTML) (de)" said 'no column of its header is named 'Title (de)'; did you mean 'Title'?',
    while one pair adds its column. Each is added after the last, in --columns' order, before
    the extra cells of a longer row; an existing target column is filled where it is; a
    source column the header lacks is still an error."""
    path = tmp_path / "products.csv"
    path.write_text(
        "Handle,Title,Body (HTML),Notes\nbike,Bike Mount,<p>Fits.</p>,\nb2,,<p>Sold.</p>,,x\n",
        "utf-8",
    )
    out = tmp_path / "products.de.csv"
    columns = "Title=Title (de),Body (HTML)=Body (HTML) (de),Handle=Notes"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de", columns=columns)
    assert out.read_text("utf-8") == (
        "Handle,Title,Body (HTML),Notes,Title (de),Body (HTML) (de)\n"
        "bike,Bike Mount,<p>Fits.</p>,BIKE,BIKE MOUNT,<p>FITS.</p>\n"
        "b2,,<p>Sold.</p>,B2,,<p>SOLD.</p>,x\n"
    )
    with pytest.raises(
        InputError, match=r"no column of its header is named 'Titel'; did you mean 'Title'\?"
    ):
        translate_file(
            path, tmp_path / "o.csv", FakeModel(), src_lang="en", tgt_lang="de",
            columns="Titel=Title (de),Body (HTML)=Body (de)",
        )  # fmt: skip
    with pytest.raises(InputError, match=r"names column 'Body \(de\)' twice"):
        translate_file(
            path, tmp_path / "o.csv", FakeModel(), src_lang="en", tgt_lang="de",
            columns="Title=Body (de),Body (HTML)=Body (de)",
        )  # fmt: skip


def test_a_column_of_languages_is_told_from_a_bounded_sample_of_its_cells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Code read: every cell of a column of codes was read (20,000 rows: 76 ms a call to
    find_columns by hand, 8 ms with the sample)."""
    import ltmt.formats.csv_columns as csv_columns

    read: list[str] = []
    language_of = csv_columns.language_of

    def counted(cell: str) -> str | None:
        read.append(cell)
        return language_of(cell)

    header = ["key", "source", "target", "locale_code"]
    rows = [[f"app.k{i}", f"Open file {i}", "", "" if i % 2 else "de-DE"] for i in range(20000)]
    monkeypatch.setattr(csv_columns, "language_of", counted)
    columns = find_columns(header, Path("t.csv"), "en", "de", rows=rows)
    assert (columns.pairs[0].source, columns.pairs[0].target, columns.by_role) == (1, 2, True)
    assert read.count("de-DE") == csv_columns._LANGUAGE_SAMPLE


@pytest.mark.parametrize(
    ("header", "rows", "hinted"),
    [
        # regression trial voicegame, session 71: the hint named Speaker, and following it
        # made 'Mira Voss' 'Mira Vos'
        (
            "ID,Speaker,Line,Notes,MaxChars,Duration",
            "VO_1,Mira Voss,(sighs) You always say that.,Tired,40,1.8\n"
            "VO_2,Kael,And I'm always right.,,40,1.5\n",
            "Line",
        ),
        ("Character,Line", "Guard,Halt!\n", "Line"),  # a header of names, one row
        # names told by their cells: short, capitalised, repeated, no sentence punctuation
        ("Who,Line", "Mira Voss,Run!\nKael,Why?\nMira Voss,Now.\nKael,Go.\n", "Line"),
        # labels of which few repeat are text
        ("Button,Notes", "OK,a\nCancel,b\nOK,c\nSave,d\n", "Button"),
        # short titles that do not repeat are text; prices are numbers
        ("Name,Price", "Red Shirt,10\nBlue Hat,12\n", "Name"),
    ],
)
def test_the_columns_hint_names_no_column_of_names_or_keys(
    tmp_path: Path, header: str, rows: str, hinted: str
) -> None:
    path = tmp_path / "dialogue.csv"
    path.write_text(f"{header}\n{rows}", "utf-8")
    with pytest.raises(
        InputError,
        match=rf'is translated by the columns named: ltmt translate dialogue\.csv --columns "{hinted}"$',
    ):
        translate_file(path, tmp_path / "out.csv", FakeModel(), src_lang="en", tgt_lang="de")


def test_the_columns_hint_of_memory_import_pairs_no_column_of_names(tmp_path: Path) -> None:
    """Regression trial voicegame, session 71: memory import's hint paired the two columns
    after the keys, --columns "Speaker=Line", the speakers' names as the sources."""
    header = ["ID", "Speaker", "Line", "Notes", "Translated"]
    rows = [["VO_1", "Mira Voss", "Run now!", "Urgent", "Lauf jetzt!"]]
    with pytest.raises(
        InputError,
        match=r"or name the sources' column and their translations': ltmt memory import "
        r'pairs\.csv --columns "Line=Translated"$',
    ):
        find_columns(header, tmp_path / "pairs.csv", "en", "de", "memory import", rows)


SERVICENOW = ["documentkey", "fieldname", "language", "tablename", "value", "sys_id"]
SERVICENOW_ROWS = [
    ["e1f0a1b2", "short_description", "en", "sc_cat_item", "Request a desk or a room.", "ca94"],
    ["e1f0a1b2", "name", "en", "sc_cat_item", "Book a Workspace", "ce95"],
    ["e1f0a1b2", "name", "de", "sc_cat_item", "Arbeitsplatz buchen", "aa11"],
]


@pytest.mark.parametrize(
    ("command", "hint"),
    [
        (
            "translate",
            "a table with a row per language (its language column) is translated by its text "
            'column: ltmt translate stt.csv --columns "value"',
        ),
        (
            "qa",
            "a table with a row per language (its language column) is read by qa only where its "
            "translations are in a column of their own, as ltmt translate SOURCE.csv --columns "
            '"value=value_de" writes them; then ltmt qa stt.csv --columns "value=value_de"',
        ),
    ],
)
def test_the_columns_hint_names_the_prose_column_of_a_table_with_a_row_per_language(
    tmp_path: Path, command: str, hint: str
) -> None:
    """Regression trial servicenow, session 72: translate's hint named --columns
    "fieldname,language" (following it translated field names) and qa's "fieldname=language"."""
    with pytest.raises(InputError) as raised:
        find_columns(SERVICENOW, tmp_path / "stt.csv", "en", "de", command, SERVICENOW_ROWS)
    assert str(raised.value).endswith(hint)


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (  # Shopify's Translate & Adapt export: Locale is the target's on every row
            ["Type", "Identification", "Field", "Locale", "Default content", "Translated content"],
            [
                ["PRODUCT", "'801", "title", "de", "Organic Cotton T-Shirt", ""],
                ["COLLECTION", "'412", "title", "de", "Summer Sale", ""],
            ],
        ),
        (  # a shop's export of one language
            ["id", "locale", "Default content"],
            [["101", "en", "Leather Wallet"], ["102", "en", "Canvas Backpack"]],
        ),
    ],
)
def test_a_table_of_one_language_gets_no_hint_of_a_row_per_language(
    tmp_path: Path, header: list[str], rows: list[list[str]]
) -> None:
    """Regression trial regcatalogs, session 72: Shopify's export was hinted --columns
    "Default content" as a table with a row per language, which then translated nothing."""
    with pytest.raises(
        InputError,
        match=r"a table of one language \(a shop's product export\) is translated by the "
        r'columns named: ltmt translate t\.csv --columns "Default content"$',
    ):
        find_columns(header, tmp_path / "t.csv", "en", "de", "translate", rows)


def test_the_columns_hint_names_prose_before_codes_and_ids(tmp_path: Path) -> None:
    """A column of identifiers (short_description) and one of language codes are no text: the
    hint names the column whose cells are words."""
    header = ["record", "field", "lang code", "wording"]
    rows = [["r1", "short_description", "en", "Choose a room"], ["r2", "name", "en", "Book it"]]
    with pytest.raises(InputError, match=r'ltmt translate t\.csv --columns "wording"$'):
        find_columns(header, tmp_path / "t.csv", "en", "de", "translate", rows)
