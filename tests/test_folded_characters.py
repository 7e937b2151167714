"""Characters the model's NFKC normalisation folds (…, ™, ²), given back as the source writes
them."""

from __future__ import annotations

import pytest

from ltmt.folded_characters import restore_folded, separators_for_reuse


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # (the shipped model's outputs) the ellipsis attached, as the source has it
        ("Settings…", "Setzes ...", "Setzes…"),
        (
            "Print this page… (Ctrl+P)",
            "diese Seite ausgeben.... (Ctrg+P)",
            "diese Seite ausgeben… (Ctrg+P)",
        ),
        ("Search the web… or enter address", "Im Web suchen ... oder", "Im Web suchen… oder"),
        # ... or spaced, as the source has it; never across a line end
        ("Loading … please wait", "Laden ... bitte warten", "Laden … bitte warten"),
        ("Loading…\nDone", "Laden\n...", "Laden\n…"),
        ("Please wait…", "Warten Sie bitte..", "Warten Sie bitte…"),
        # one ellipsis the model broke into pieces is one (gnome-shell's, session 52)
        ("Log Out…", "Schreibt Out.. ...", "Schreibt Out…"),
        ("Power Off…", "Macht Off. ...", "Macht Off…"),
        # a source that writes dots itself: its output's dots are its own
        ("Go to ../docs…", "Gehe zu ../docs ...", "Gehe zu ../docs ..."),
        ("Wait... loading…", "Warte... Laden ...", "Warte... Laden ..."),
        # ...not an ellipsis (no … in the source), but not more dots than its own ellipsis either
        ("Wait... loading", "Warte..... Laden", "Warte... Laden"),
        # after the same character as in the source
        ("Firefox™ is a trademark.", "FirefoxTM ist eine Marke.", "Firefox™ ist eine Marke."),
        ("The room is 20 m² large.", "Das Zimmer ist 20 m2 groß.", "Das Zimmer ist 20 m² groß."),
        ("1 cm³ of water", "1 cm3 Wasser", "1 cm³ Wasser"),
        # not inside a word or a number, not where the source has the folded form too
        ("Firefox™ and HTML", "FirefoxTMs HTML", "FirefoxTMs HTML"),
        ("10² = 100", "102 = 1002", "10² = 1002"),
        ("m² or m2", "m2 oder m2", "m2 oder m2"),
        # (the shipped model's outputs) a superscript after a number's digits comes back after
        # the same digits, a run of them too; not inside another number (2009)
        (
            "Neutrophil count below 1 \u00d7 10⁹/L",
            "Neuer Anzahl unter 1 \u00d7 109/L",
            "Neuer Anzahl unter 1 \u00d7 10⁹/L",
        ),
        (
            "Red cells 4.5 \u00d7 10¹²/L",
            "Rote Zellen 4.5 \u00d7 1012/L",
            "Rote Zellen 4.5 \u00d7 10¹²/L",
        ),
        (
            "Platelet count < 50 \u00d7 10⁹ /L",
            "Thrombozytenzahl < 50 \u00d7 109 /L",
            "Thrombozytenzahl < 50 \u00d7 10⁹ /L",
        ),
        ("In 2009: 10⁹", "2009: 109", "2009: 10⁹"),
        ("10⁹ or 109", "109 oder 109", "109 oder 109"),
        # subscripts, after a letter (a letter after it too: H₂O) or a number's digits
        ("Water is H₂O and CO₂.", "Wasser ist H2O und CO2.", "Wasser ist H₂O und CO₂."),
        ("x₁ + x₂", "x1 + x2", "x₁ + x₂"),
        # nothing to give back
        ("Open the file", "Datei öffnen ...", "Datei öffnen ..."),
    ],
)
def test_folded_characters_come_back_as_the_source_writes_them(
    source: str, output: str, expected: str
) -> None:
    assert restore_folded(source, output) == expected


NBSP, NNBSP, THIN, NBHYPHEN = "\u00a0", "\u202f", "\u2009", "\u2011"


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # Django's: between the count and its unit, beside the placeholder the output keeps
        (f"%(count)s{NBSP}hours ago", "vor %(count)s Stunden", f"vor %(count)s{NBSP}Stunden"),
        # between the same two runs, the narrow one too
        (f"Free space: 100{NBSP}MB", "Freiraum: 100 MB", f"Freiraum: 100{NBSP}MB"),
        (f"Size: 5{NNBSP}GB", "Größe: 5 GB", f"Größe: 5{NNBSP}GB"),
        (f"Copyright{NBSP}© 2024", "Copyright © 2024", f"Copyright{NBSP}© 2024"),
        # before what the output writes as the source does, once a source's space
        (f"Page{NBSP}%d of{NBSP}%d", "Seite %d von %d", f"Seite{NBSP}%d von{NBSP}%d"),
        (f"10{NBSP}MB or 20 MB", "10 MB oder 20 MB", f"10{NBSP}MB oder 20 MB"),
        # a number the output writes in German's form is the source's number
        (
            f"The price is 1,299.99{NBSP}EUR.",
            "Der Preis liegt bei 1.299,99 Euro.",
            f"Der Preis liegt bei 1.299,99{NBSP}Euro.",
        ),
        # neither run in the output, or the runs the other way round: nothing to put it beside
        (f"a{NBSP}b", "x y", "x y"),
        (f"10{NBSP}MB", "MB 10", "MB 10"),
        # a no-break space at a line's edge or beside another space is not between two runs
        (f"Name:{NBSP} %s", "Name: %s", "Name: %s"),
    ],
)
def test_no_break_spaces_come_back_where_the_source_has_them(
    source: str, output: str, expected: str
) -> None:
    assert restore_folded(source, output) == expected


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # the shipped model's outputs: a thin space and a narrow no-break one before a unit
        (f"The box weighs 20{THIN}kg.", "Die Box wiegt 20 kg.", f"Die Box wiegt 20{THIN}kg."),
        (f"The box weighs 20{NNBSP}kg.", "Die Box wiegt 20 kg.", f"Die Box wiegt 20{NNBSP}kg."),
        # a non-breaking hyphen the model wrote as a hyphen (U+2010), between the same runs
        (f"Call 0800{NBHYPHEN}123 today.", "Ruf 0800\u2010123 heute an.",
         f"Ruf 0800{NBHYPHEN}123 heute an."),
        (f"Call 0800{NBHYPHEN}123{NBHYPHEN}456", "Ruf 0800\u2010123\u2010456 an",
         f"Ruf 0800{NBHYPHEN}123{NBHYPHEN}456 an"),
        # a hyphen the source writes as one is the model's own
        (f"0800{NBHYPHEN}123 or e\u2010mail", "0800\u2010123 oder E\u2010Mail",
         f"0800{NBHYPHEN}123 oder E\u2010Mail"),
        (f"Store at {NBHYPHEN}20 °C.", "Bei \u201020 °C lagern.", "Bei \u201020 °C lagern."),
    ],
)  # fmt: skip
def test_thin_spaces_and_non_breaking_hyphens_come_back_as_no_break_spaces_do(
    source: str, output: str, expected: str
) -> None:
    assert restore_folded(source, output) == expected


@pytest.mark.parametrize(
    ("source", "stored_source", "target", "expected"),
    [
        # ifu2 trial (session 74): a stored pair typed with plain spaces, a line with no-break ones
        (f"Store at 2{NBSP}°C to 8{NBSP}°C.", "Store at 2 °C to 8 °C.",
         "Bei 2 °C bis 8 °C lagern.", f"Bei 2{NBSP}°C bis 8{NBSP}°C lagern."),
        (f"Weight: 20{NNBSP}kg", "Weight: 20 kg", "Gewicht: 20 kg", f"Gewicht: 20{NNBSP}kg"),
        # only those the stored source lacks: one it has is its translator's to write or not
        (f"Store at 2{NBSP}°C to 8{NBSP}°C.", f"Store at 2{NBSP}°C to 8 °C.",
         "Bei 2 °C bis 8 °C lagern.", f"Bei 2 °C bis 8{NBSP}°C lagern."),
        (f"Size: 5{NBSP}GB", f"Size: 5{NBSP}GB", "Größe: 5 GB", "Größe: 5 GB"),
        # none in the line, or none of its runs in the target: as stored
        ("Size: 5 GB", f"Size: 5{NBSP}GB", f"Größe: 5{NBSP}GB", f"Größe: 5{NBSP}GB"),
        (f"Page{NBSP}%d", "Page %d", "Seite", "Seite"),
    ],
)  # fmt: skip
def test_a_reused_target_gets_the_no_break_spaces_its_stored_source_lacks(
    source: str, stored_source: str, target: str, expected: str
) -> None:
    assert separators_for_reuse(source, stored_source, target) == expected


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # (the shipped model's outputs) one ellipsis where the source ends with one
        ("So...", "Also.......", "Also..."),
        (
            "Previously on Harbor Lights...",
            "Vorher auf Harborenlicht. ...",
            "Vorher auf Harborenlicht...",
        ),
        ("Wait...", "Warte ...", "Warte ..."),
        ('He said "So..."', 'Er sagte „Also......"', 'Er sagte „Also..."'),
        # not where the source ends otherwise, nor before its end
        ("So.", "Also.......", "Also......."),
        ("Wait.... no", "Warte.... nein", "Warte.... nein"),
        ("So....", "Also.......", "Also......."),
        # inside the line: the model's full stop after the source's ellipsis (a game VO trial)
        (
            "I thought... I thought you were gone...",
            "Ich dachte.... Ich dachte, du wärest weg.....",
            "Ich dachte... Ich dachte, du wärest weg...",
        ),
        ("Wait... what was that?", "Warten Sie.... Was war das?", "Warten Sie... Was war das?"),
        ("Wait. What was that?", "Warten Sie.... Was war das?", "Warten Sie.... Was war das?"),
    ],
)
def test_a_final_ellipsis_comes_out_once(source: str, output: str, expected: str) -> None:
    """``So...`` came out ``Also.......`` and ``Previously on Harbor Lights...`` ``Vorher auf
    Harborenlicht. ...``: the translation ends with the source's ellipsis once."""
    assert restore_folded(source, output) == expected
