"""Numbers a translation has that its source does not, in any form German may write them."""

from __future__ import annotations

import pytest

from ltmt.numbers_added import added_numbers, garbled_amounts, repeated_numbers


@pytest.mark.parametrize(
    ("source", "target", "added"),
    [
        # the model's leftover digits of an amount whose thousands the repair put back
        ("The price is 1,299.99 EUR.", "Der Preis liegt bei 1.299,99,99 Euro.", ["1.299,99,99"]),
        ("1,299.99 EUR and 99 cents", "1.299,99,99 Euro und Cent", ["1.299,99,99"]),
        ("Version 2.5", "Version 2.5.1", ["2.5.1"]),
        ("Wait 10 seconds", "15 Sekunden warten", ["15"]),
        ("E766: too many", "E76: zu viele", ["76"]),
        ("Example: 14 Aug 2006", "Beispiel: 14.08.2008", ["14.08.2008"]),
        ("no numbers here", "keine Zahlen 42", ["42"]),
        # the digits of a decimal without its mark are another number
        ("Set the rate to 2.5 mL/h.", "Die Rate auf 25 ml/h einstellen.", ["25"]),
        ("Version 1.5", "Version 15", ["15"]),
        # a number that extends another of the source's is added, unless the source has it too
        ("Complies with IEC 60601-1.", "Erfüllt IEC 60601-1-8.", ["60601-1-8"]),
        (
            "Complies with IEC 60601-1 and IEC 60601-1-8.",
            "Erfüllt IEC 60601-1 und IEC 60601-1-8.",
            [],
        ),
        ("REF 12-345-67 replaces REF 12-345-67-1.", "REF 12-345-67 ersetzt REF 12-345-67-1.", []),
        ("ISO 10993-1 and ISO 10993-1-5", "ISO 10993-1 und ISO 10993-1-5", []),
        ("sections 4-1 and 4-1-2", "Abschnitte 4-1-2 und 4-1", []),
        ("sections 4-1 and 4-1-2", "Abschnitte 4-1 und 4-1-2-3", ["4-1-2-3"]),
        # the source's numbers in German's forms
        ("The price is 1,299.99 EUR.", "Der Preis liegt bei 1.299,99 Euro.", []),
        ("1,000 files", "1.000 Dateien", []),
        ("1,000 files", "1\u00a0000 Dateien", []),
        ("10000 files", "10.000 Dateien", []),
        ("10000 files", "10 000 Dateien", []),
        ("3,000 files", "3000 Dateien", []),
        ("1,299.99 EUR", "1299,99 Euro", []),
        ("Version 1.5", "Version 1,5", []),
        ("on 12/31/99", "am 31.12.99", []),
        ("at 11:11 PM", "um 23:11 Uhr", []),
        ("at 4 pm", "um 16:00 Uhr", []),  # hubspot trial, session 74: "has 16:00"
        ("at 12 AM", "um 00:00 Uhr", []),
        ("file 007", "Datei 7", []),
        # ordinals and months, in words or digits
        ("the 3rd line", "die 3. Zeile", []),
        ("the first line", "die 1. Zeile", []),
        ("Mon, 14 Aug 2006", "Mo, 14.08.2006", []),
        # numbers the source spells out
        ("Performing three-way merge...", "Führe 3-Wege-Merge durch...", []),
        ("must be greater than zero", "muss größer als 0 sein", []),
        ("with two items", "mit 2 Elementen", []),
        ("The battery lasts forty hours.", "Der Akku hält 40 Stunden.", []),
        ("The warranty covers eighteen months.", "Die Garantie umfasst 18 Monate.", []),
        ("forty-two files", "42 Dateien", []),
        ("two hundred and five files", "205 Dateien", []),
        ("three thousand five hundred users", "3.500 Nutzer", []),
        ("a hundred files, a dozen eggs", "100 Dateien, 12 Eier", []),
        ("the twenty-first line", "die 21. Zeile", []),
        ("one two three", "123", ["123"]),
        # a word that says a number loosely is no number of the source's
        ("half the size", "50 % der Größe", ["50"]),
        # a list's numbering that opens a line, but not one within it
        ("- Open the file\n- Save it", "1. Datei öffnen\n  2) Speichern", []),
        ("Open the file, save it", "Datei öffnen, 2. speichern", ["2"]),
        ("", "", []),
    ],
)
def test_added_numbers_are_those_the_source_has_in_no_form(source, target, added):
    assert added_numbers(source, target) == added


def test_added_numbers_loosely_take_a_words_loose_number_as_the_sources():
    assert added_numbers("half the size", "50 % der Größe", loosely=True) == []
    assert added_numbers("at noon", "um 12 Uhr", loosely=True) == []
    assert added_numbers("half the size", "60 % der Größe", loosely=True) == ["60"]


@pytest.mark.parametrize(
    ("source", "target", "repeated"),
    [
        # the model's (a fintech trial's): the source's 3% written twice
        ("Get 3% back on groceries", "Bei Lebensmitteln 3% erhalten 3%.", ["3"]),
        ("1,000 items", "1.000 Artikel, 1.000", ["1.000"]),  # by its value
        ("5 apples", "5 Äpfel, 5 5 5", ["5"]),  # named once
        ("Get 3% back", "3 % zurück", []),
        ("3 of 3", "3 von 3", []),
        ("two files (2)", "2 Dateien (2)", []),  # said in words too
        ("Steps:\n1. Open", "1. Öffnen\n1. Schritt", []),  # a list's numbering
        ("Version 2.4.1", "2.4.1 und 2.4.1", []),  # several parts: added_numbers' runs
        ("Wait 10 seconds", "15 Sekunden warten", []),  # added_numbers'
    ],
)
def test_repeated_numbers_are_the_sources_written_more_often(source, target, repeated):
    assert repeated_numbers(source, target) == repeated


@pytest.mark.parametrize(
    ("target", "garbled"),
    [
        ("bis zu maximal 10.000 Euro.00 pro Jahr.", ["10,000.00"]),  # decimals split off
        ("maximal 10.000.00 gilt.", ["10,000.00"]),  # separators garbled
        ("maximal 10.000,00 gilt.", []),
        ("maximal 10,000.00 gilt.", []),  # the source's form: the separator check's
        ("maximal 10 000,00 gilt.", []),
        ("maximal 10.000 Euro gilt.", []),  # the 00 lost: lost_numbers' to say
        ("maximal 10.000,00,00 Euro", []),  # runs of its own beside it: added_numbers'
    ],
)
def test_an_amount_whose_digits_are_kept_but_garbled_or_split_is_found(target, garbled):
    # "EUR 10,000.00" came out "10.000 Euro.00", and the repair counted it repaired
    assert garbled_amounts("up to a maximum of EUR 10,000.00 per year.", target) == garbled
    assert garbled_amounts("at 10.30 and 1,000 or 2.5", "um 10:30 und 1000 oder 2,5") == []


def test_digits_of_a_tags_attributes_are_not_added_numbers():
    """The digits of a comment's id the model garbled said ``numbers could not be repaired``
    of a sentence with none."""
    source = 'Open <mrk mtype="x-sdl-comment" cid="c1a2b3c4-0000-4000-8000-00000000c001">A</mrk>.'
    target = "Öffne <mrk mtype=»x-sdl-comment« cid=»c1a2b3c4-00-4000-0000-000000-0000001«>A</mrk>"
    assert added_numbers(source, target, loosely=True) == []
    assert repeated_numbers(source, target, loosely=True) == []
    assert garbled_amounts(source, target) == []
    assert added_numbers('a <g id="pt1">b</g>', '<g id="pt1">b 7</g>') == ["7"]
