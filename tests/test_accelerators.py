"""Keyboard accelerators: which lines have one, and where a translation gets it."""

from __future__ import annotations

import pytest
from translate.filters import checks

from ltmt.accelerators import (
    MARKERS,
    Accelerator,
    accelerator_markers,
    accelerators_added,
    accelerators_given,
    accelerators_lost,
    ampersands_made_single,
    find_accelerator,
    literal_ampersands,
    place_accelerator,
    text_ampersands,
    underscore_words,
)
from ltmt.errors import ConfigError
from ltmt.formats.placeholder_syntax import without_placeholders


@pytest.mark.parametrize(
    ("line", "plain", "accelerator"),
    [
        ("&Open", "Open", Accelerator("&", "O", "Open", 0)),
        ("E&xit", "Exit", Accelerator("&", "x", "Exit", 1)),
        ("Edit with single &Vim", "Edit with single Vim", Accelerator("&", "V", "Vim", 0)),
        ("Search && &Replace", "Search && Replace", Accelerator("&", "R", "Replace", 0)),
        ("&Open Read-Only", "Open Read-Only", Accelerator("&", "O", "Open", 0)),
        ("_Quit", "Quit", Accelerator("_", "Q", "Quit", 0)),
        ("_OK", "OK", Accelerator("_", "O", "OK", 0)),
        ("Save _As", "Save As", Accelerator("_", "A", "As", 0)),
        ("C_ollate", "Collate", Accelerator("_", "o", "Collate", 1)),
        ("Pr_eferences", "Preferences", Accelerator("_", "e", "Preferences", 2)),
        ("~File", "File", Accelerator("~", "F", "File", 0)),
        ("(&Help)", "(Help)", Accelerator("&", "H", "Help", 0)),
        ("<b>&Save</b> the document", "<b>Save</b> the document", Accelerator("&", "S", "Save", 0)),
    ],
)
def test_finds_the_one_accelerator_of_a_line(line, plain, accelerator):
    assert find_accelerator(line, MARKERS) == (plain, accelerator)


@pytest.mark.parametrize(
    "line",
    [
        "Tom & Jerry",  # a word, not a key
        "R&D costs",  # an abbreviation
        "Q&A",
        "&amp; more",  # an entity
        "&%s",  # a placeholder
        "%s & %s",
        "see http://example.org/?a=1&b=2",  # a query string
        "2>&1",  # a redirection
        "~/.config",  # a path
        "about ~5 minutes",
        "Aspect ratio if obey_child is FALSE",  # identifiers
        "Extra space for GTK_CAN buttons",
        "GTK_CAN_DEFAULT",
        "the_first_file",
        "Servname not supported for ai_socktype",
        "E316: ml_get: Cannot find line %ld",
        "%lld~second",  # right after a placeholder
        'Check for missing "SPI_finish" calls.',
        "use Stream_LF format for all binary FTP files",
        "  -K,  --backup-converted   back up as X_orig",
        "invalid usage of +N or ~N as first address",
        "&Open or &Close",  # two: which one is meant is not known
        "&Open _File",  # two kinds
        "Open my__file.txt",  # a doubled underscore is a literal one (WPF)
        "Rename old__name to new__name",
        "Open my_file.txt",  # a file name
        "O_file.txt öffnen",
        "Open",
        "",
    ],
)
def test_leaves_lines_without_an_unambiguous_accelerator(line):
    assert find_accelerator(line, MARKERS) == (line, None)


def test_looks_only_for_the_markers_asked():
    assert find_accelerator("_Quit", ("&",)) == ("_Quit", None)
    assert find_accelerator("&Open", ()) == ("&Open", None)
    assert find_accelerator("&Open", ("&",))[1] is not None


@pytest.mark.parametrize(
    ("source", "output", "placed"),
    [
        ("&OK", "OK", "&OK"),  # the word kept: the same letter
        ("E&xit", "Exit", "E&xit"),
        ("Edit with single &Vim", "Mit einem Vim editieren", "Mit einem &Vim editieren"),
        ("Save &All", "Alle speichern", "&Alle speichern"),  # a word with the key letter
        ("&Edit anyway", "Trotzdem bearbeiten", "&Trotzdem bearbeiten"),  # the first word
        ("E&xit", "Beenden", "&Beenden"),
        ("&Open", "Datei öffnen", "&Datei öffnen"),
        ("&Open", "Öffnen", "Ö&ffnen"),  # no key on a letter with a diacritic
        ("&Open %s", "%s öffnen", "%s ö&ffnen"),  # nor in a placeholder
        ("&Cancel", "&Abbrechen", "&Abbrechen"),  # its own accelerator kept (from memory)
        ("&Cancel", "&Ab&brechen", "&Abbrechen"),  # two: one placed again
        ("A_t:", "Um:", "_Um:"),
        ("~File", "Datei", "~Datei"),
        ("<b>&Save</b> it", "<b>Speichern</b> Sie es", "<b>&Speichern</b> Sie es"),
        ("&Open", "%s", "%s"),  # nothing to mark
        ("&Amplify", "amp; Verstärken", "amp; &Verstärken"),  # not where it reads as &amp;
    ],
)
def test_places_the_accelerator_in_the_translation(source, output, placed):
    _, accelerator = find_accelerator(source, MARKERS)
    assert accelerator is not None
    assert place_accelerator(output, accelerator) == placed


@pytest.mark.parametrize(
    "output",
    ["Öffnen", "Datei öffnen", "Ö", "%s %d", "&x&y&z", "Äpfel und Birnen", "x_y", "100 %"],
)
def test_a_placed_accelerator_passes_translate_toolkits_check(output):
    """translate-toolkit's ``pofilter`` accelerator test judges the outputs: one accelerator
    in, one out, wherever the output has a letter that can carry it."""
    checker = checks.StandardChecker(checks.CheckerConfig(accelmarkers=["&"]))
    _, accelerator = find_accelerator("&Open", MARKERS)
    assert accelerator is not None
    placed = place_accelerator(output, accelerator)
    if any(c.isascii() and c.isalnum() for c in without_placeholders(output)):
        assert checker.accelerators("&Open", placed)
        assert placed.count("&") == 1


def test_a_bad_setting_is_one_clear_error():
    with pytest.raises(
        ConfigError, match=r"^accelerators must be one of auto, none, &, _, ~, got 'amp'$"
    ):
        accelerator_markers("amp")
    assert accelerator_markers("auto") == MARKERS
    assert accelerator_markers("none") == ()
    assert accelerator_markers("_") == ("_",)


@pytest.mark.parametrize(
    ("source", "output", "lost"),
    [
        ("&Open", "Ö&ffnen", 0),
        ("&Open", "Öffnen", 1),
        ("&Open", "&Ö&ffnen", 1),  # two keys where one was
        ("&Yes\n&No", "&Ja\nNein", 1),  # line by line
        ("&Yes\n&No", "&Ja &Nein", 0),  # one line for two: the keys counted over it
        ("&Yes\n&No", "Ja Nein", 2),
        ("Tom & Jerry", "Tom und Jerry", 0),  # no accelerator to lose
        ("_Quit", "&Beenden", 1),  # another marker is not the key
    ],
)
def test_accelerators_lost_counts_source_lines_whose_key_is_gone(source, output, lost):
    assert accelerators_lost(source, output) == lost


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ("Rock && Roll", [(5, 7, "&&")]),
        ("&&&File", [(0, 2, "&&")]),  # an & as text, then the accelerator F, as Qt reads it
        ("Save && E&xit", [(5, 7, "&&")]),
        ("Tom & Jerry", []),
        ("Tom &&amp; Jerry", []),  # an & before an entity
    ],
)
def test_literal_ampersands_are_the_doubled_ones(line, spans):
    assert literal_ampersands(line) == spans


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ("Contact R&D & AT&T today.", [(8, 11, "R&D"), (12, 13, "&"), (14, 18, "AT&T")]),
        ("Copy & Paste", [(5, 6, "&")]),
        ("B&Q's stores", [(0, 5, "B&Q's")]),
        ("Write &amp;copy; now", [(6, 16, "&amp;copy;")]),  # the text "&copy;", as segments hold it
        ("Type &amp;lt;b&amp;gt; here", [(5, 22, "&amp;lt;b&amp;gt;")]),
        # what may mark a key, a doubled one, an entity, a URL's: not text ampersands
        ("E&xit", []),
        ("&File", []),
        ("Rock && Roll", []),
        ("Terms &amp; Conditions", []),
        ("https://example.com/?A=1&B=2", []),
    ],
)
def test_text_ampersands_are_names_lone_ones_and_references_as_text(line, spans):
    assert text_ampersands(line) == spans


@pytest.mark.parametrize(
    ("source", "output", "single"),
    [
        ("Search && Replace", "Suchen & Ersetzen", 1),
        ("Search && Replace", "Suchen && Ersetzen", 0),
        ("Search && Replace", "Suchen und Ersetzen", 0),
        ("Search && Replace", "Suchen &Ersetzen", 0),  # an accelerator: accelerators_added's
        ("A && B && C", "A && B & C", 1),
        ("Tom & Jerry", "Tom & Jerry", 0),  # a single & in the source too
    ],
)
def test_ampersands_made_single_counts_doubled_ones_written_single(source, output, single):
    assert ampersands_made_single(source, output) == single


@pytest.mark.parametrize(
    ("source", "output", "keys"),
    [
        ("Open", "Ö&ffnen", ["f"]),
        ("&Open", "Ö&ffnen", []),
        ("Yes\n&No", "&Ja\n&Nein", ["J"]),  # line by line
        ("Yes No", "&Ja\nNein", ["J"]),  # no line of the source has one
        ("&Yes No", "Ja\n&Nein", []),
        ("Tom & Jerry", "Tom & Jerry", []),
        ("Open my__file.txt", "O_file.txt öffnen", []),  # a file name, not _f
    ],
)
def test_accelerators_added_are_those_where_the_source_has_none(source, output, keys):
    assert [a.key for a in accelerators_added(source, output)] == keys


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ("Open my_file.txt", [(5, 16, "my_file.txt")]),
        ("Open my__file.txt.", [(5, 17, "my__file.txt")]),
        ("Rename old__name to new__name", [(7, 16, "old__name"), (20, 29, "new__name")]),
        ("Set MAX_PATH", [(4, 12, "MAX_PATH")]),
        ("Save _As", []),  # an accelerator, not a word joined
        ("__init__", []),
        ("Hello %(user_name)s", []),  # inside a placeholder
        ("Open my file", []),
    ],
)
def test_underscore_words_are_words_joined_by_underscores(line, spans):
    assert underscore_words(line) == spans


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # a stored translation that lost the key gets one, as a decoded line does
        ("&Import", "Importieren", ("&Importieren", 1)),
        ("E&xit", "Beenden", ("&Beenden", 1)),
        ("_Quit", "Beenden", ("_Beenden", 1)),
        # line by line: only the line whose source has a key
        ("&File\nOpen a file", "Datei\nEine Datei öffnen", ("&Datei\nEine Datei öffnen", 1)),
        # the translator's own key, or several, are kept as stored
        ("&Import", "I&mportieren", ("I&mportieren", 0)),
        ("&Import", "&Importieren und &Laden", ("&Importieren und &Laden", 0)),
        # no key in the source, no markers asked, or lines that do not pair up: as stored
        ("Import", "Importieren", ("Importieren", 0)),
        ("&File\nOpen", "Datei öffnen", ("Datei öffnen", 0)),
        # a doubled ampersand is text: the key still goes on a letter
        ("&Rock && Roll", "Rock && Roll", ("&Rock && Roll", 1)),
    ],
)
def test_a_reused_translation_gets_the_sources_accelerator(source, target, expected):
    """Qt trial s76 (5): ``&Import`` stored as ``Importieren`` was reused as it is, and the
    menu item lost its Alt shortcut."""
    assert accelerators_given(source, target, MARKERS) == expected


def test_no_markers_give_no_accelerator():
    assert accelerators_given("&Import", "Importieren", ()) == ("Importieren", 0)
