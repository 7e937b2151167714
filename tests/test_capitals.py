"""Lines written in capitals: which lines, the case the model gets them in, and back."""

from __future__ import annotations

import pytest

from ltmt.capitals import (
    capitalised_starts,
    cased_for_model,
    first_letter,
    in_capitals,
    in_title_case,
    lower_case_starts,
    lowered_label,
    small_starts,
    title_case_for_model,
    with_first_capital,
    written_in_capitals,
)


@pytest.mark.parametrize(
    ("line", "capitals"),
    [
        ("SELECT LINE", True),
        ("VIM - ATTENTION", True),
        ("FAILED", True),
        ("*** WARNING ***", True),
        ("NOTIFY YOUR SYSTEM MANAGER.", True),
        ("CANNOT OPEN %s", True),  # placeholders are not words
        ("OK", False),  # no word of four letters: an acronym
        ("RSA", False),
        ("MB 1000*1000", False),
        ("GTK_CAN_DEFAULT", False),  # an identifier
        ("WARNING: Circular directory", False),  # not every word
        ("%s", False),
        ("", False),
    ],
)
def test_written_in_capitals(line, capitals):
    assert written_in_capitals(line) is capitals


@pytest.mark.parametrize(
    ("line", "cased"),
    [
        ("SELECT LINE", "Select line"),
        ("*** WARNING ***", "*** Warning ***"),
        ("CANNOT OPEN %S: %s", "Cannot open %S: %s"),  # %S is not %s: placeholders as written
        # names and months with a first capital (subtitles trial s76: ROMAN for NOVEMBER)
        ("BERLIN, NOVEMBER 9, 1989", "Berlin, November 9, 1989"),
        ("THOMAS BRANDT", "Thomas Brandt"),
        ("EAST BERLIN, AUGUST 1961", "East Berlin, August 1961"),
        ("BRANDT'S CAR", "Brandt's car"),
        ("DON'T OPEN THE LID", "Don't open the lid"),
        ("WHERE I LIVED", "Where I lived"),
        # acronyms and codes as written: short, no vowel, a digit beside
        ("THE FBI SEIZED 3 USB DRIVES", "The FBI seized 3 USB drives"),
        ("SMTP SERVER", "SMTP server"),
        ("PLAY THE MP3 FILE", "Play the MP3 file"),
        ("[DOOR SLAMS]", "[Door slams]"),
    ],
)
def test_cased_for_model(line, cased):
    assert cased_for_model(line) == cased


def test_in_capitals_keeps_placeholders_and_writes_german_capitals():
    assert in_capitals("Zeile %s öffnen: Straße\\n") == "ZEILE %s ÖFFNEN: STRASSE\\n"


@pytest.mark.parametrize(
    ("sources", "translations", "expected"),
    [
        # the dev users' lines the shipped model wrote with a small first letter
        (["Bad system call"], ["falscher Systemaufruf"], ["Falscher Systemaufruf"]),
        (["No"], ["nein"], ["Nein"]),
        (["Usage: %s FILE"], ["aufruf: %s DATEI"], ["Aufruf: %s DATEI"]),
        (["Skipping: %.*s"], ["  übersprungen: %.*s"], ["  Übersprungen: %.*s"]),
        # a source that does not start with a capitalised word
        (["NUL-terminated names"], ["null-terminierte Namen"], ["null-terminierte Namen"]),
        (["git switch -"], ["git switch -"], ["git switch -"]),
        (["%s: done"], ["%s: fertig"], ["%s: fertig"]),
        # a translation that does not start with a word in small letters
        (["Open %s"], ["%s öffnen"], ["%s öffnen"]),
        (["Show ls-tree"], ["ls-tree anzeigen"], ["ls-tree anzeigen"]),
        # the next line starts a sentence only after one that ends
        (
            ["Print sizes.", "Sizes are in bytes"],
            ["Größen ausgeben.", "größen sind in Bytes"],
            ["Größen ausgeben.", "Größen sind in Bytes"],
        ),
        # after a line that ends no sentence, a capitalised word starts a list's next item,
        # a heading's next line or names something: a capital in German too (session 70)
        (
            ["First line", "Second line"],
            ["Erste Zeile", "zweite Zeile"],
            ["Erste Zeile", "Zweite Zeile"],
        ),
        (
            ["Print sizes in", "Blocks of 1024 bytes"],
            ["Größen in", "blöcken von 1024 Bytes ausgeben"],
            ["Größen in", "Blöcken von 1024 Bytes ausgeben"],
        ),
        # ...but English's "I" and an option are no such word; a small source start stays
        (["If you want,", "I will run it"], ["Wenn Sie möchten,", "ich führe es aus"], None),
        (["a file argument", "-S, --suffix=SUFFIX"], ["ein Argument", "zu kopieren -S"], None),
        (["First line", "second line"], ["Erste Zeile", "zweite Zeile"], None),
        # a line that goes on with the sentence of a line ending in "on", "and" or a comma, or
        # starts with a name's adjective: German's capital there is a noun's or a name's only
        (
            ["Data is stored on", "European servers only"],
            ["Daten werden an", "nur europäische Server"],
            None,
        ),
        (
            ["Open the settings and", "Turn off automatic updates"],
            ["Einstellungen öffnen und", "automatische Aktualisierungen abschalten"],
            None,
        ),
        (["Roses are red,", "Violets are blue"], ["Rosen sind rot,", "veilchen sind blau"], None),
        (["Shown in", "Second column"], ["Angezeigt in", "zweite Spalte"], None),
        (["Available", "European servers"], ["Verfügbar", "europäische Server"], None),
        (
            ["Your files are synced with", "Dropbox every hour"],
            ["Ihre Dateien werden mit", "dropbox jede Stunde synchronisiert"],
            ["Ihre Dateien werden mit", "Dropbox jede Stunde synchronisiert"],
        ),
        (["European servers only"], ["nur europäische Server"], ["Nur europäische Server"]),
        (  # the model carried the end of a sentence onto the next line
            ["If you want, run", "To abort, run"],
            ["Wenn Sie möchten, können Sie", "ausführen. Um abzubrechen"],
            ["Wenn Sie möchten, können Sie", "ausführen. Um abzubrechen"],
        ),
        # a compound starts the source: a glossary's adjective starts the translation
        (
            ["Read-only files cannot be changed."],
            ["schreibgeschützt Dateien können nicht geändert werden."],
            ["Schreibgeschützt Dateien können nicht geändert werden."],
        ),
    ],
)
def test_a_line_that_starts_a_sentence_starts_with_a_capital(sources, translations, expected):
    expected = translations if expected is None else expected  # None: as the model wrote it
    assert capitalised_starts(sources, translations, "de") == expected


def test_turkish_keeps_its_small_letters():
    assert capitalised_starts(["Icons"], ["simgeler"], "tr") == ["simgeler"]


def test_lower_case_starts_reads_a_matchs_lines():
    assert lower_case_starts("Prune all objects", "alle Objekte entfernen")
    assert not lower_case_starts("Prune all objects", "Alle Objekte entfernen")
    assert not lower_case_starts("prune all objects", "alle Objekte entfernen")
    assert not lower_case_starts("Prune\nall", "alle Objekte")  # lines do not pair up


@pytest.mark.parametrize(
    ("line", "lowered"),
    [
        ("Settings", "settings"),
        ("Parental Controls", "parental controls"),
        ("Duration: %1$s", "duration: %1$s"),  # placeholders as written
        ("Open %S File", "open %S file"),
        ("Rate AntennaPod", "rate AntennaPod"),  # not title case: as written
        # a name, a word English writes capitalised: the line is left as it is
        ("Brian Fox", None),
        ("James Youngman", None),
        ("Dingbats", None),
        # nothing in title case
        ("settings", None),
        ("URL", None),
        ("GitHub", None),
    ],
)
def test_a_label_is_lowered_only_where_every_title_case_word_is_a_lower_case_word(
    line: str, lowered: str | None
) -> None:
    assert lowered_label(line) == lowered


@pytest.mark.parametrize(
    ("line", "title_case", "for_model"),
    [
        ("Trash is Empty", True, "trash is empty"),
        ("Move to Trash", True, "move to trash"),
        ("Open %s File", True, "open %s file"),  # placeholders as written
        ("Don't Save", True, "don't save"),
        # a name: a word English writes with a capital
        ("Google Talk", True, None),
        ("Brian Fox", True, None),
        # not title case: one word, a sentence, capitals
        ("Settings", False, None),
        ("Open the trash", False, None),
        ("Show hidden files", False, None),
        ("SELECT LINE", False, None),
        ("Open GitHub Page", True, "open GitHub page"),  # GitHub as written
    ],
)
def test_a_line_in_title_case_goes_to_the_model_in_lower_case_unless_it_names_something(
    line: str, title_case: bool, for_model: str | None
) -> None:
    assert in_title_case(line) is title_case
    assert title_case_for_model(line) == for_model


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("datei öffnen", "Datei öffnen"),
        ("%s gefunden", "%s Gefunden"),  # a placeholder's letters are not the first
        ("[b]heiltrank[/b]", "[b]Heiltrank[/b]"),  # nor a BBCode tag's
        ("[color=#ff0000]eisenschwert[/color]", "[color=#ff0000]Eisenschwert[/color]"),
        ("<action:Jump> drücken", "<action:Jump> Drücken"),
        ("[x] erledigt", "[X] erledigt"),  # a bracketed letter alone is a word
        ("[ok] drücken", "[Ok] drücken"),  # a bracketed word alone is a word
        ("[hero_name] siegt", "[hero_name] Siegt"),  # a variable a game interpolates is not
        ("%s", "%s"),
    ],
)
def test_the_first_letter_is_outside_placeholders_and_tags(text: str, capital: str) -> None:
    assert with_first_capital(text) == capital
    assert (first_letter(text) is None) is (text == "%s")


@pytest.mark.parametrize(
    ("sources", "translations", "expected"),
    [
        (["can't be empty"], ["Kann nicht leer sein"], ["kann nicht leer sein"]),
        (["doesn't match %{a}"], ["Es stimmt mit %{a} nicht"], ["es stimmt mit %{a} nicht"]),
        (["file name"], ["Dateiname"], ["Dateiname"]),  # a noun keeps its capital
        (["Can't be empty"], ["Kann nicht leer sein"], ["Kann nicht leer sein"]),  # source: capital
        (["%{count} items"], ["Die %{count} Elemente"], ["Die %{count} Elemente"]),
        (["Open it and", "is it"], ["Öffnen und", "Ist es"], ["Öffnen und", "ist es"]),
        (["must be set"], ["Muss gesetzt sein"], ["muss gesetzt sein"]),
        # a name with a capital inside starts no small line (it came out 'die Kamera von ...')
        (
            ["iPhone's camera is great."],
            ["Die Kamera von iPhone ist großartig."],
            ["Die Kamera von iPhone ist großartig."],
        ),
        (
            ["iTunes has been replaced by the Music app."],
            ["Die iTunes wurden durch die Music App ersetzt."],
            ["Die iTunes wurden durch die Music App ersetzt."],
        ),
        (["eBay is open."], ["Es ist offen."], ["Es ist offen."]),
        (["macOS is ready."], ["Es ist bereit."], ["Es ist bereit."]),
    ],
)
def test_a_line_whose_source_starts_small_starts_small_unless_a_noun(
    sources: list[str], translations: list[str], expected: list[str]
) -> None:
    assert small_starts(sources, translations, "de") == expected


def test_small_starts_is_german_only() -> None:
    assert small_starts(["is empty"], ["Est vide"], "fr") == ["Est vide"]


def test_the_polite_sie_keeps_its_capital() -> None:
    assert small_starts(["must be set"], ["Sie müssen es setzen"], "de") == ["Sie müssen es setzen"]
