"""Plain text read by its paragraphs (ltmt.formats.paragraphs): a wrapped paragraph is one
segment, its translation wrapped again; list items apart, blank lines and line endings kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.paragraphs import Block, ParagraphDocument, lines_going_on
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format, output_name_problem

PROSE = """The backup tool copies your files to an external drive every night. If the
drive is not connected, the backup is skipped and you will be reminded the
next morning.

To restore a file, open the backup window.

Before you start, make sure that:
  - the drive is connected and has enough free space for a copy of
    your home folder;
  - the backup window is closed.
1. Open the settings.
"""


def _write(tmp_path: Path, text: str, name: str = "notes.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def test_a_paragraphs_sentences_are_its_segments_and_a_list_item_its_own(tmp_path: Path) -> None:
    units = open_document(_write(tmp_path, PROSE), "paragraphs").units()
    assert [unit.group for unit in units] == ["0", "0", "1", "2", "3", "4", "5"]
    assert [unit.source for unit in units] == [
        "The backup tool copies your files to an external drive every night.",
        "If the drive is not connected, the backup is skipped and you will be reminded the next "
        "morning.",
        "To restore a file, open the backup window.",
        "Before you start, make sure that:",
        "the drive is connected and has enough free space for a copy of your home folder;",
        "the backup window is closed.",
        "Open the settings.",
    ]


def test_the_translation_is_wrapped_as_its_paragraph_was(tmp_path: Path) -> None:
    out = tmp_path / "notes.de.txt"
    translate_file(_write(tmp_path, PROSE), out, FakeModel(), fmt="paragraphs")
    assert out.read_text("utf-8") == (
        "THE BACKUP TOOL COPIES YOUR FILES TO AN EXTERNAL DRIVE EVERY NIGHT. IF THE\n"
        "DRIVE IS NOT CONNECTED, THE BACKUP IS SKIPPED AND YOU WILL BE REMINDED THE\n"
        "NEXT MORNING.\n"
        "\n"
        "TO RESTORE A FILE, OPEN THE BACKUP WINDOW.\n"
        "\n"
        "BEFORE YOU START, MAKE SURE THAT:\n"
        "  - THE DRIVE IS CONNECTED AND HAS ENOUGH FREE SPACE FOR A COPY OF\n"
        "    YOUR HOME FOLDER;\n"
        "  - THE BACKUP WINDOW IS CLOSED.\n"
        "1. OPEN THE SETTINGS.\n"
    )


def test_lines_broken_by_hand_stay_lines(tmp_path: Path) -> None:
    # a sign-off was one paragraph, wrapped again at its own longest line and scrambled
    text = (
        "Thank you for your order. We will ship it tomorrow and send you the\n"
        "tracking number by e-mail.\n"
        "\n"
        "Best regards,\n"
        "The Sales Team\n"
    )
    document = open_document(_write(tmp_path, text), "paragraphs")
    assert [u.source for u in document.units()] == [
        "Thank you for your order.",
        "We will ship it tomorrow and send you the tracking number by e-mail.",
        "Best regards,",
        "The Sales Team",
    ]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # a heading a DOCX export puts on its own line, directly above its paragraph
        (
            "2. Liability\nThe liability cap is EUR 10,000 per claim.\n",
            ["Liability", "The liability cap is EUR 10,000 per claim."],
        ),
        (
            "1. Scope\nThese Terms apply to all contracts between Acme Cloud GmbH,\n"
            "Leopoldstraße 12, 80802 München, and the Customer.\n",
            [
                "Scope",
                "These Terms apply to all contracts between Acme Cloud GmbH, Leopoldstraße 12, "
                "80802 München, and the Customer.",
            ],
        ),
        (
            "SECTION 3 \u2013 PAYMENT\nFees are due within 30 days of the invoice date.\n",
            ["SECTION 3 \u2013 PAYMENT", "Fees are due within 30 days of the invoice date."],
        ),
        (
            "Fees (Annex 2)\nFees are due within 30 days of the invoice date.\n",
            ["Fees (Annex 2)", "Fees are due within 30 days of the invoice date."],
        ),
        # a sentence wrapped at a width: its line had no room for the next line's first word
        (
            "The liability cap is\nEUR 10,000 per claim.\n",
            ["The liability cap is EUR 10,000 per claim."],
        ),
        (
            "Please contact our support team\nAcme Cloud at any time.\n",
            ["Please contact our support team Acme Cloud at any time."],
        ),
        # a sentence broken by hand after a word it goes on from, or after many words
        (
            "The Customer shall pay to\nAcme Cloud GmbH the fees set out in the order form.\n",
            ["The Customer shall pay to Acme Cloud GmbH the fees set out in the order form."],
        ),
        (
            "The parties agree that the Customer pays all fees\n"
            "Acme Cloud GmbH invoices within thirty days of the date of the order form.\n",
            [
                "The parties agree that the Customer pays all fees Acme Cloud GmbH invoices "
                "within thirty days of the date of the order form."
            ],
        ),
        # a line that ends a phrase, or goes on in lower case, or a line in a paragraph's middle
        (
            "Dear Ms Smith, thank you\nfor your order of the premium plan.\n",
            ["Dear Ms Smith, thank you for your order of the premium plan."],
        ),
        (
            "We will ship your order of the premium plan by\n"
            "Friday\nThe invoice follows by e-mail in a few days.\n",
            [
                "We will ship your order of the premium plan by Friday The invoice follows by "
                "e-mail in a few days."
            ],
        ),
        # a line below too short to have taken the first line's next word: joined, as before
        ("Best regards\nThe Sales Team\n", ["Best regards The Sales Team"]),
    ],
)
def test_a_short_line_without_final_punctuation_above_a_paragraph_is_its_heading(
    tmp_path: Path, text: str, sources: list[str]
) -> None:
    document = open_document(_write(tmp_path, text), "paragraphs")
    assert [unit.source for unit in document.units()] == sources


def test_a_heading_is_written_on_its_own_line_and_its_paragraph_unwrapped(
    tmp_path: Path,
) -> None:
    source = _write(tmp_path, "2. Liability\nThe liability cap is EUR 10,000 per claim.\n")
    out = tmp_path / "out.txt"
    translate_file(source, out, FakeModel(), fmt="paragraphs")
    assert out.read_text("utf-8") == "2. LIABILITY\nTHE LIABILITY CAP IS EUR 10,000 PER CLAIM.\n"


def test_windows_line_endings_and_blank_lines_at_the_end_are_kept(tmp_path: Path) -> None:
    source = _write(tmp_path, "one long line that\r\ngoes on here\r\n\r\n\r\n")
    out = tmp_path / "out.txt"
    translate_file(source, out, FakeModel(), fmt="paragraphs")
    assert out.read_bytes() == b"ONE LONG LINE THAT\r\nGOES ON HERE\r\n\r\n\r\n"


def test_a_byte_order_mark_and_an_open_last_line_are_kept(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_bytes(b"\xef\xbb\xbfone line.\n\nlast line")
    out = tmp_path / "out.txt"
    translate_file(source, out, FakeModel(), fmt="paragraphs")
    assert out.read_bytes() == b"\xef\xbb\xbfONE LINE.\n\nLAST LINE"


def test_no_break_spaces_are_kept_and_never_wrapped_at() -> None:
    block = Block(0, 2, "", "", 19)
    assert block.written("Das Paket wiegt 20\u00a0kg und\nkostet 49\u00a0€") == [
        "Das Paket wiegt",
        "20\u00a0kg und kostet",
        "49\u00a0€",
    ]


@pytest.mark.parametrize(
    ("translation", "width", "lines"),
    [
        # the legal2 trial (s75): "... beträgt EUR" / "10.000 je Anspruch."
        (
            "2. Die Haftungshöchstgrenze beträgt EUR 10.000 je Anspruch.",
            39,
            ["2. Die Haftungshöchstgrenze beträgt", "EUR 10.000 je Anspruch."],
        ),
        # "... im Jahr 49,99" / "€ pro Monat"
        (
            "Die Leistung kostet im Jahr 49,99 € pro Monat",
            33,
            ["Die Leistung kostet im Jahr", "49,99 € pro Monat"],
        ),
        # no currency: a word of capitals that ends in one, a number's unit
        (
            "Der Leistungsbetrag ist NEUR 49,99 pro Monat",
            28,
            ["Der Leistungsbetrag ist NEUR", "49,99 pro Monat"],
        ),
        (
            "Das Paket ist genau 1.049,99 kg schwer",
            28,
            ["Das Paket ist genau 1.049,99", "kg schwer"],
        ),
    ],
)
def test_an_amount_is_never_wrapped_apart_from_its_currency(translation, width, lines) -> None:
    assert Block(0, 2, "", "", width).written(translation) == lines


def test_a_wrapped_line_that_would_read_as_a_list_item_stays_on_the_line_before() -> None:
    block = Block(0, 2, "", "", 19)  # two lines wrapped at 19 characters
    # "1. Oktober da" on a line of its own would read as a list item
    assert block.written("Sie bleiben bis zum 1. Oktober da") == [
        "Sie bleiben bis zum 1. Oktober da"
    ]
    assert block.written("Sie bleiben bis zum Ende da") == ["Sie bleiben bis zum", "Ende da"]


def test_an_interrupted_run_resumes_at_the_first_paragraph_not_written(tmp_path: Path) -> None:
    source = _write(tmp_path, PROSE)
    out = tmp_path / "notes.de.txt"
    with pytest.raises(KeyboardInterrupt):
        translate_file(source, out, FakeModel(fail_after=1), fmt="paragraphs", chunk_size=2)
    written = out.read_text("utf-8")  # the first paragraph, its two sentences
    assert written.startswith("THE BACKUP TOOL") and "TO RESTORE" not in written
    model = FakeModel()
    translate_file(source, out, model, fmt="paragraphs", chunk_size=2)
    assert model.seen[0] == "To restore a file, open the backup window."
    assert out.read_text("utf-8").endswith("1. OPEN THE SETTINGS.\n")


def test_an_output_of_another_file_is_refused(tmp_path: Path) -> None:
    source = _write(tmp_path, "One.\n")
    partial = _write(tmp_path, "One.\n\nTwo.\n", "partial.txt")
    with pytest.raises(InputError, match=r"has more paragraphs than .*notes\.txt"):
        open_document(source, "paragraphs", resume_from=partial)


def test_the_format_is_named_not_guessed_and_writes_txt_files(tmp_path: Path) -> None:
    source = _write(tmp_path, PROSE)
    assert find_format(source, role="document").name == "txt"
    spec = find_format(source, "paragraphs", role="document")
    assert isinstance(spec.document()(source), ParagraphDocument)
    assert output_name_problem(tmp_path / "notes.de.txt", spec, source) is None
    assert "give it a .txt extension" in str(output_name_problem(tmp_path / "x.po", spec, source))


@pytest.mark.parametrize(
    ("lines", "going_on"),
    [
        (PROSE.splitlines(), 2),  # "If the" / "drive"; "the" / "next morning"
        (["open the file", "close the window", "save all"], 0),  # strings, not wrapped
        (
            [
                "list of directory names used for file searching",
                "number of screen lines to show around the cursor in a very long window",
            ],
            0,  # the first could have taken "number" within the longest line's width
        ),
    ],
)
def test_lines_cut_by_wrapping_are_told_from_a_list_of_strings(lines, going_on) -> None:
    assert lines_going_on(lines) == going_on


def test_a_txt_file_that_looks_wrapped_says_how_to_read_it_by_paragraphs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        open_document(_write(tmp_path, PROSE))
    assert (
        "notes.txt: 2 lines go on in the next, as wrapped paragraphs do; each line is "
        "translated alone (--format paragraphs translates each paragraph whole)"
    ) in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        open_document(_write(tmp_path, "open the file\nclose the window\n", "strings.txt"))
    assert not caplog.text


GERMAN = """Das Sicherungswerkzeug kopiert Ihre Dateien jede Nacht auf ein externes
Laufwerk. Ist das Laufwerk nicht angeschlossen, wird die Sicherung
übersprungen.

Um eine Datei wiederherzustellen, öffnen Sie das Sicherungsfenster. Dann die Datei.
"""
ENGLISH = """The backup tool copies your files to an external drive every night. If the
drive is not connected, the backup is skipped.

To restore a file, open the backup window.
"""


def test_a_translation_pairs_sentence_by_sentence_where_it_can(tmp_path: Path) -> None:
    """The units a run translates, so a reviewed translation is a 100 % match next time; a
    paragraph whose translation has another number of sentences pairs whole."""
    from ltmt.formats.pairs import read_pairs

    source = _write(tmp_path, ENGLISH, "mail.txt")
    german = _write(tmp_path, GERMAN, "mail.de.txt")
    records = list(read_pairs(german, "paragraphs", source_file=source))
    assert [(r.source, r.target, r.position) for r in records] == [
        (
            "The backup tool copies your files to an external drive every night.",
            "Das Sicherungswerkzeug kopiert Ihre Dateien jede Nacht auf ein externes Laufwerk.",
            "mail.de.txt: paragraph 1, sentence 1",
        ),
        (
            "If the drive is not connected, the backup is skipped.",
            "Ist das Laufwerk nicht angeschlossen, wird die Sicherung übersprungen.",
            "mail.de.txt: paragraph 1, sentence 2",
        ),
        (
            "To restore a file, open the backup window.",
            "Um eine Datei wiederherzustellen, öffnen Sie das Sicherungsfenster. Dann die Datei.",
            "mail.de.txt: paragraph 2",
        ),
    ]


@pytest.mark.parametrize(
    ("translation", "source_file", "message"),
    [
        ("Eins.\n", True, r"short.txt has 1 paragraph but mail.txt has 2; a translation read by"),
        (GERMAN, False, r"give the source-language file it translates paragraph by paragraph"),
    ],
)
def test_pairs_that_cannot_be_made_say_why(tmp_path, translation, source_file, message) -> None:
    from ltmt.formats.pairs import read_pairs

    source = _write(tmp_path, ENGLISH, "mail.txt")
    german = _write(tmp_path, translation, "short.txt")
    with pytest.raises(InputError, match=message):
        list(read_pairs(german, "paragraphs", source_file=source if source_file else None))
