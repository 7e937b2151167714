"""A hyphen the model glued to a field that its source follows with a space."""

from __future__ import annotations

import pytest

from ltmt.formats.glued_hyphens import (
    glued_hyphens,
    without_glued_hyphens,
    without_hyphens_glued_to_numbers,
)
from ltmt.formats.placeholders import protect, restore


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        # session 60: i18next's fields glued to the counted noun
        ("{{count}} photos", "{{count}}- Fotos", "{{count}} Fotos"),
        ("{{n}} photos selected", "{{n}}- Fotos ausgewählt", "{{n}} Fotos ausgewählt"),
        ("{count} items", "{count}-Einträge", "{count} Einträge"),
        ("%d files", "%d-Dateien", "%d Dateien"),
        (":count files", ":count- Dateien", ":count Dateien"),
        # German as it is written: a suspended compound, -mal, -fach, a compound's chain
        ("{app} and system settings", "{app}- und Systemeinstellungen", None),
        ("{n} times", "{n}-mal", None),
        ("{n} room flat", "{n}-Zimmer-Wohnung", None),
        # the source's own hyphen, a tag, a field the source glues to its word
        ("{n}-page document", "{n}-seitiges Dokument", None),
        ("{n}-page {n} pages", "{n}-Seiten", None),
        ("Read <b>the terms</b>", "<b>-Bedingungen</b>", None),
        ("{count}x faster", "{count}-Fach schneller", None),
        # a name glued to a noun is a compound (a PDF-Datei); a spaced hyphen is none
        ("Open %s file", "Öffne %s-Datei", None),
        ("Open {name} file", "Öffne {name}-Datei", None),
        ("Open {name} file", "Öffne {name}- Datei", "Öffne {name} Datei"),
        ("{{fileCount}} files", "{{fileCount}}-Dateien", "{{fileCount}} Dateien"),
        ("%1$ld files", "%1$ld-Dateien", "%1$ld Dateien"),
        # session 63: .NET's and Rails' counts, a field in order before a plural
        (
            "{0} files were deleted from {1}.",
            "{0}-Dateien wurden aus {1} gelöscht.",
            "{0} Dateien wurden aus {1} gelöscht.",
        ),
        ("%{count} messages", "%{count}-Nachrichten", "%{count} Nachrichten"),
        ("%<count>d messages", "%<count>d-Nachrichten", "%<count>d Nachrichten"),
        ("Remove {0} entries?", "Entfernen Sie {0}-Einträge?", "Entfernen Sie {0} Einträge?"),
        ("Delete $1 files?", "$1-Dateien löschen?", "$1 Dateien löschen?"),
        ("%1 items are selected", "%1-Elemente sind ausgewählt", "%1 Elemente sind ausgewählt"),
        ("{0} of {1} files copied", "{0} von {1}-Dateien kopiert", "{0} von {1} Dateien kopiert"),
        ("Copied all {0} messages", "Alle {0}-Nachrichten kopiert", "Alle {0} Nachrichten kopiert"),
        # a field in order before a singular names a kind; a name is no count
        ("{0} file", "{0}-Datei", None),
        ("{1} folder", "{1}-Ordner", None),
        ("%{name} account", "%{name}-Benutzerkonto", None),
        ("{name} settings", "{name}-Einstellungen", None),
        # a field in order is as often a name: a count only where the source reads so (a
        # regression trial's find: {0}-Einstellungen came out {0} Einstellungen)
        ("Open {0} settings", "{0}-Einstellungen öffnen", None),
        ("Open %1 settings", "%1-Einstellungen öffnen", None),
        ("Welcome to {0} settings.", "Willkommen bei {0}-Einstellungen.", None),
        ("$1 files", "$1-Dateien", None),
        # a word whose s is no plural's
        ("Show {0} status", "{0}-Status anzeigen", None),
        ("Delete {0} news", "{0}-News löschen", None),
        ("Remove {0} bonus", "{0}-Bonus entfernen", None),
        ("Delete {0} process", "{0}-Prozess löschen", None),
        ("Delete {0} analysis", "{0}-Analyse löschen", None),
        ("Delete {0} canvas", "{0}-Canvas löschen", None),
        ("Delete {0} series", "{0}-Serie löschen", None),
        # session 66: Go's and Drupal's count fields, a range's dash, a number of digits
        (
            "{{.PluralCount}} files were deleted.",
            "{{.PluralCount}}-Dateien wurden gelöscht.",
            "{{.PluralCount}} Dateien wurden gelöscht.",
        ),
        ("@count comments", "@count-Kommentare", "@count Kommentare"),
        (
            "The menu %title contains @count links.",
            "Das Menü %title enthält @count-Verknüpfungen.",
            "Das Menü %title enthält @count Verknüpfungen.",
        ),
        (
            "Showing @start - @end of @total",
            "@start- - @end von @total",
            "@start - @end von @total",
        ),
        ("1 new comment", "1- neue Kommentar", "1 neue Kommentar"),
        ("{{.Name}} file", "{{.Name}}-Datei", None),
        ("%title page", "%title-Seite", None),
        ("3 room flat", "3-Zimmer-Wohnung", None),
        ("3 files", "3-Dateien", None),
        ("{n} GB disk", "{n}-GB-Festplatte", None),
        ("{n} digits", "{n}-stellig", None),
        ("2-page", "2- seitig", None),
        # a suspended compound with "bis", a range's dash, a separator before a capital
        ("For 10 to 20 year olds.", "Für 10- bis 20-Jährige.", None),
        ("Take 2 to 3 times a day.", "2- bis 3-mal täglich einnehmen.", None),
        ("Point range: 10 - 20 points.", "Punktebereich: 10- 20 Punkte.", None),
        ("Step 1 - Install the app.", "Schritt 1- Installieren Sie die App.", None),
        ("{count} to {max} items", "{count}- bis {max}-Einträge", None),
        # session 67: a field named for the plural after it counts those things
        ("in {days} days.", "in {days}-Tag.", "in {days} Tag."),
        ("%{files} files", "%{files}-Dateien", "%{files} Dateien"),
        ("{file} files", "{file}-Dateien", None),  # a name of its own
    ],
)
def test_a_hyphen_glued_to_a_field_the_source_spaces_becomes_a_space(source, text, expected):
    assert without_glued_hyphens(source, text) == (text if expected is None else expected)
    assert bool(glued_hyphens(source, text)) is (expected is not None)


def test_the_repair_takes_the_hyphen_away():
    # the model's own output for "{{count}} photos" (its stray braces the repair drops too)
    assert restore(protect("{{count}} photos"), "{{{count}- Fotos").text == "{{count}} Fotos"
    assert restore(protect("{{n}} photos selected"), "{{{n}}- Fotos ausgewählt").text == (
        "{{n}} Fotos ausgewählt"
    )


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        # session 63: a count inside markup, the hyphen after its closing tag
        ("<b>%d</b> drafts were saved.", "<b>%d</b>-Vorgaben wurden", "<b>%d</b> Vorgaben wurden"),
        (
            "You have <b>{count}</b> drafts.",
            "Sie haben <b>{count}</b>-Entwürfe.",
            "Sie haben <b>{count}</b> Entwürfe.",
        ),
        ("Delete <b>{0}</b> files?", "<b>{0}</b>-Dateien löschen?", "<b>{0}</b> Dateien löschen?"),
        ("[b]%d[/b] drafts", "[b]%d[/b]- Entwürfe", "[b]%d[/b] Entwürfe"),
        # a name inside markup glued to a noun is a compound
        ("Open <b>{0}</b> settings", "<b>{0}</b>-Einstellungen öffnen", None),
        ("<b>%s</b> file", "<b>%s</b>-Datei", None),
    ],
)
def test_a_hyphen_after_markup_around_a_count_becomes_a_space(source, text, expected):
    assert without_glued_hyphens(source, text) == (text if expected is None else expected)


def test_the_repair_takes_a_count_in_order_apart_from_its_noun():
    # the model's own output for a .resx string (session 63)
    restored = restore(
        protect("{0} files were deleted from {1}."), "{0}-Dateien wurden aus {1} gelöscht."
    )
    assert restored.text == "{0} Dateien wurden aus {1} gelöscht."


def test_the_number_repair_takes_away_a_numbers_hyphen_alone():
    # the default model's "1 new comment" (session 66); a field's is the placeholder repair's
    assert without_hyphens_glued_to_numbers("1 new comment", "1- neue Kommentar") == (
        "1 neue Kommentar"
    )
    assert without_hyphens_glued_to_numbers("{0} files were deleted", "{0}-Dateien") == (
        "{0}-Dateien"
    )


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        # an Apple catalog's plural substitution forms, from memory fusion (session 77)
        ("%arg day", "%arg-Tag", "%arg Tag"),
        ("%arg stores", "%arg-Shops", "%arg Shops"),
        ("%arg days", "%arg Tage", "%arg Tage"),
        # a name glued to a noun stays a compound
        ("%@ file", "%@-Datei", "%@-Datei"),
    ],
)
def test_a_plural_substitutions_argument_is_a_count(source, text, expected):
    assert without_glued_hyphens(source, text) == expected
    assert [field.text for field in glued_hyphens(source, text)] == (
        ["%arg"] if expected != text else []
    )
