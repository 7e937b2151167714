"""The checks of an entry beside others: the file's, and a real store's memory and glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.qa.catalog_checks import (
    inconsistent_findings,
    memory_findings,
    shared_translation_findings,
    spelling_findings,
)
from ltmt.qa.glossary_checks import glossary_findings
from ltmt.segments import PairRecord
from ltmt.spelling import dictionary_for, words_of
from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term


def record(n: int, source: str, target: str, **metadata: object) -> PairRecord:
    return PairRecord(source, target, f"de.po: entry {n}", metadata)


def test_a_source_translated_two_ways_is_found_where_it_differs_from_most():
    records = [
        record(1, "Save", "Speichern"),
        record(2, "Save", "Sichern"),
        record(3, "Save", "Speichern"),
        record(4, "Open", "Öffnen"),
    ]
    [finding] = inconsistent_findings(records)
    assert (finding.check, finding.entry, finding.position) == ("inconsistent", 1, "de.po: entry 2")
    assert finding.message == (
        "the same source is translated 'Speichern' in 2 other entries (de.po: entry 1, "
        "de.po: entry 3)"
    )


def test_the_other_entries_are_listed_up_to_three_then_counted():
    """'in 2 other entries (folder/de.po: entry 8)' listed one of the two."""
    records = [record(n, "Save", "Speichern") for n in range(1, 6)]
    [finding] = inconsistent_findings([*records, record(6, "Save", "Sichern")])
    assert finding.message.endswith(
        "in 5 other entries (de.po: entry 1, de.po: entry 2, de.po: entry 3 and 2 more)"
    )


def test_a_tie_keeps_the_first_translation_as_the_usual_one():
    [finding] = inconsistent_findings(
        [record(1, "Save", "Speichern"), record(2, "Save", "Sichern")]
    )
    assert finding.position == "de.po: entry 2"
    assert finding.message.endswith("'Speichern' in 1 other entry (de.po: entry 1)")


def test_contexts_and_plural_forms_may_translate_a_source_otherwise():
    records = [
        record(1, "Open", "Öffnen", context="menu"),
        record(2, "Open", "Offen", context="state"),
        record(3, "%d file", "Eine Datei", plural=0),
        record(4, "%d file", "%d Dateien", plural=1),
    ]
    assert inconsistent_findings(records) == []


def test_keys_of_one_source_translated_otherwise_are_inconsistent_msgctxts_are_not():
    """Trial sap271: a .properties file's appTitle=Bestellungen and worklistTitle=Kaufordnungen,
    both 'Purchase Orders', went unflagged, each key its own context, while a TSV of the two
    was flagged. A key name tells no meaning apart; a PO msgctxt does. Said as a note: two keys
    may mean one English two ways (a button's Open, a status's Open)."""

    def pairs(**metadata: object) -> list[PairRecord]:
        where = "i18n_de.properties: "
        return [
            PairRecord("Purchase Orders", german, where + key, {"context": key, **metadata})
            for key, german in [("appTitle", "Bestellungen"), ("worklistTitle", "Kaufordnungen")]
        ]

    assert inconsistent_findings(pairs()) == []  # as a PO msgctxt: meanings told apart
    [finding] = inconsistent_findings(pairs(context_is_key=True))  # as qa reads a keyed catalog
    assert (finding.check, finding.position, finding.severity) == (
        "inconsistent",
        "i18n_de.properties: worklistTitle",
        "note",
    )
    assert finding.message == (
        "the same source is translated 'Bestellungen' in 1 other entry "
        "(i18n_de.properties: appTitle)"
    )


def test_length_variants_are_compared_with_the_same_variant_of_other_messages():
    """A Qt message's length variants (Speichern, Sp.) were compared with each other: 'variant
    2 ... translated 'Speichern' in 1 other entry (message 18, variant 1)'."""
    records = [
        PairRecord("Save", "Speichern", "app_de.ts: message 18, variant 1", {"variant": 0}),
        PairRecord("Save", "Sp.", "app_de.ts: message 18, variant 2", {"variant": 1}),
        PairRecord("Save", "Speichern", "app_de.ts: message 19", {}),
        PairRecord("Save", "Sp.", "app_de.ts: message 20, variant 1", {"variant": 0}),
    ]
    [finding] = inconsistent_findings(records)
    assert (finding.entry, finding.target) == (3, "Sp.")
    assert finding.message.endswith(
        "'Speichern' in 2 other entries (app_de.ts: message 18, variant 1, app_de.ts: message 19)"
    )


@pytest.fixture
def memory(tmp_path: Path):
    with Memory(tmp_path / "store") as opened:
        opened.add("u1", "Save the file", "Datei speichern")
        opened.add("u1", "Open", "Öffnen", metadata={"context": "menu"})
        opened.add("u1", "Open", "Offen", metadata={"context": "state"})
        opened.add("u1", "Quit\n", "Beenden\n")
        yield opened


def test_a_source_the_memory_holds_must_be_translated_as_stored(memory):
    records = [
        record(1, "Save the file", "Datei sichern"),
        record(2, "Save the file", "Datei speichern"),
        record(3, "Close the file", "Datei schließen"),  # not in the memory
        record(4, "Quit", "Beenden"),  # the stored pair's edges are the source's
        record(5, "Save the file", "Datei\n  speichern"),  # wrapped elsewhere: the same words
    ]
    [finding] = memory_findings(records, memory, "u1")
    assert (finding.check, finding.entry) == ("memory", 0)
    assert finding.message == "u1's memory translates this source as 'Datei speichern'"


def test_a_source_stored_in_several_ways_passes_with_any_and_names_the_others(memory):
    assert memory_findings([record(1, "Open", "Offen", context="state")], memory, "u1") == []
    [finding] = memory_findings([record(1, "Open", "Aufmachen")], memory, "u1")
    assert finding.message in {  # no context: the memory's ways, any first
        f"u1's memory translates this source as {stored!r} (and 1 other way)"
        for stored in ("Öffnen", "Offen")
    }


def test_a_pair_stored_for_another_context_says_nothing_of_this_one(tmp_path: Path):
    """The trial's msgctxt "noun" ``Order`` → ``Bestellung`` was warned about: "shop's memory
    translates this source 'Bestellen'", the pair of context "verb"."""
    with Memory(tmp_path / "store") as memory:
        memory.add("shop", "Order", "Bestellen", metadata={"context": "verb"})
        noun = record(1, "Order", "Bestellung", context="noun")
        assert memory_findings([noun], memory, "shop") == []
        memory.add("shop", "Order", "Auftrag")  # a pair of no context speaks for every one
        [finding] = memory_findings([noun], memory, "shop")
    assert finding.message == "shop's memory translates this source as 'Auftrag'"


def test_a_keyed_entrys_name_is_no_context_that_keeps_other_pairs_out(tmp_path: Path):
    """A JSON message ``actions.save`` Save → Sichern was not compared with the memory's pair
    of ``toolbar.save_button`` (Save → Speichern): a key name was read as a msgctxt."""
    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "Save", "Speichern", metadata={"context": "toolbar.save_button"})
        keyed = record(1, "Save", "Sichern", context="actions.save", context_is_key=True)
        [finding] = memory_findings([keyed], memory, "u1")
        assert memory_findings([record(1, "Save", "Sichern", context="verb")], memory, "u1") == []
    assert finding.message == "u1's memory translates this source as 'Speichern'"


def test_one_keys_spellings_are_its_own_context_and_the_newest_translation_is_said(
    tmp_path: Path,
):
    """A Lokalise trial (session 70): a CSV row ``onboarding.subtitle`` translated as the
    reviewer's newer JSON import (``/onboarding.subtitle``) was warned about, recommending the
    older CSV import's translation "in this context": one key's spellings are one context, and
    the newest of its translations is the one said."""
    source = "Hello [%1$s], you have [%2$d] new messages"
    older, newer = (
        f"Hallo [%1$s], {you} [%2$d] neue Nachrichten" for you in ("Sie haben", "du hast")
    )
    with Memory(tmp_path / "store") as memory:
        memory.add("acme", source, older, metadata={"context": "onboarding.subtitle"})
        memory.add("acme", source, newer, metadata={"context": "/onboarding.subtitle"})
        row = record(1, source, newer, context="onboarding.subtitle")
        assert memory_findings([row], memory, "acme") == []
        [finding] = memory_findings(
            [record(1, source, "x", context="/onboarding/subtitle")], memory, "acme"
        )
    assert finding.message == f"acme's memory translates this source as {newer!r} (and 1 other way)"


def test_a_source_stored_for_its_own_context_must_be_translated_so(memory):
    """A Qt message's ``<comment>`` (the verb, the adjective) is part of its context: the verb
    translated as the memory's adjective passed, as the memory held it somewhere."""
    [finding] = memory_findings([record(1, "Open", "Offen", context="menu")], memory, "u1")
    assert finding.message == "u1's memory translates this source as 'Öffnen' in this context"
    assert memory_findings([record(1, "Open", "Öffnen", context="menu")], memory, "u1") == []


def test_a_term_of_several_words_may_inflect_its_adjectives():
    """ "alle unerwünschten Ereignisse" carries "unerwünschtes Ereignis": German inflects the
    adjective by case and number (it was flagged, and "unerwünschtes Ereignisse" was not)."""
    matcher = TermMatcher([Term("adverse event", "unerwünschtes Ereignis")])
    records = [
        record(1, "Report all adverse events.", "Melden Sie alle unerwünschten Ereignisse."),
        record(2, "An adverse event occurred.", "Ein unerwünschtes Ereignis trat auf."),
        record(3, "Report all adverse events.", "Melden Sie alle Nebenwirkungen."),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [
        (2, "'adverse events' is 'unerwünschtes Ereignis' in the glossary"),
    ]


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        # a compound's first part with its linking s carries the plural target
        ("Open the settings dialog", "Den Einstellungsdialog öffnen", False),
        ("Open the settings", "Die Einstellung öffnen", True),  # the singular does not
        # a plural whose stem changes (Konto, Konten) carries the target
        ("Manage user accounts", "Benutzerkonten verwalten", False),
        ("Manage user accounts", "Benutzer verwalten", True),
    ],
)
def test_a_compound_head_or_a_changed_plural_stem_carries_the_target(source, target, flagged):
    """'settings' is 'Einstellungen' and 'user account' is 'Benutzerkonto': "Einstellungsdialog"
    and "Benutzerkonten" were flagged."""
    matcher = TermMatcher(
        [Term("settings", "Einstellungen"), Term("user account", "Benutzerkonto")]
    )
    assert bool(glossary_findings([record(1, source, target)], matcher)) is flagged


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        # the term only as the first part of a compound that names something else
        ("Contact the customer.", "Wenden Sie sich an den Kundenservice.", True),
        # the source's term qualifies a noun, a possessive too: German writes a compound
        ("Contact customer service.", "Wenden Sie sich an den Kundenservice.", False),
        ("Check the customer's address.", "Prüfen Sie die Kundenadresse.", False),
        ("Check the customer\u2019s address.", "Prüfen Sie die Kundenadresse.", False),
        ("Check the customers' addresses.", "Prüfen Sie die Kundenadressen.", False),
        # an inflection of the target is the term
        ("The Customer's obligations survive.", "Die Pflichten des Kunden bestehen.", False),
        ("Both customers agree.", "Beide Kunden stimmen zu.", False),
    ],
)
def test_a_compound_with_the_target_only_as_its_first_part_is_not_the_term(
    source: str, target: str, flagged: bool
) -> None:
    """'Customer' is 'Kunde': "des Kundenservice" passed for "the Customer's" by its first
    letters."""
    matcher = TermMatcher([Term("customer", "Kunde")])
    assert bool(glossary_findings([record(1, source, target)], matcher)) is flagged


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        # a possessive qualifies the next word: a compound renders it
        ("Open the user's profile.", "Öffnen Sie das Benutzerprofil.", False),
        ("Open the users' profiles.", "Öffnen Sie die Benutzerprofile.", False),
        # -in, -innen after the target make its feminine form, no other noun
        ("Ask the user.", "Fragen Sie die Benutzerin.", False),
        ("Ask the users.", "Fragen Sie die Benutzerinnen.", False),
        ("Ask an employee.", "Fragen Sie eine Mitarbeiterin.", False),
        # a compound still renders neither a term that qualifies nothing
        ("Ask the user.", "Fragen Sie den Benutzerdienst.", True),
    ],
)
def test_a_possessive_or_a_feminine_form_renders_the_term(
    source: str, target: str, flagged: bool
) -> None:
    """'user' is 'Benutzer': "Benutzerprofil" for "the user's profile" and "Benutzerin" were
    flagged as compounds that name something else."""
    matcher = TermMatcher([Term("user", "Benutzer"), Term("employee", "Mitarbeiter")])
    assert bool(glossary_findings([record(1, source, target)], matcher)) is flagged


def test_glossary_terms_must_carry_their_target():
    matcher = TermMatcher([Term("repository", "Repository"), Term("commit", "Commit")])
    records = [
        record(1, "Clone the repository", "Das Repository klonen"),
        record(2, "Clone the repositories", "Die Repositorys klonen"),  # a plural renders it
        record(3, "Clone the repository", "Das Depot klonen"),
        record(4, "Commit to the repository", "In das Depot einspielen"),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [
        (2, "'repository' is 'Repository' in the glossary"),
        (3, "the glossary keeps 'Commit' as written: it is missing"),
        (3, "'repository' is 'Repository' in the glossary"),
    ]


def test_a_separable_verb_written_apart_carries_its_target():
    """``log in`` → ``anmelden``: "Melden Sie sich an, um fortzufahren." was flagged as
    missing it; a stem without its prefix at the clause's end, or another verb, still is."""
    matcher = TermMatcher([Term("log in", "anmelden")])
    records = [
        record(1, "Log in to continue.", "Melden Sie sich an, um fortzufahren."),
        record(2, "Please log in first.", "Bitte melden Sie sich zuerst an."),
        record(3, "Log in with your user name", "Melden Sie sich mit Ihrem Benutzernamen an"),
        record(4, "Log in to continue.", "Um fortzufahren, melden Sie sich an."),
        record(5, "Log in to continue.", "Loggen Sie sich ein, um fortzufahren."),
        record(6, "Log in to continue.", "Melden Sie sich, um an fortzufahren."),
        record(7, "Log in to continue.", "Melden Sie es, um fortzufahren."),
    ]
    found = glossary_findings(records, matcher)
    assert [f.entry for f in found] == [4, 5, 6]  # from 0: the last three


def test_a_compound_whose_head_is_the_target_carries_it():
    """``Health Potion`` → ``Heiltrank`` (a human's, in memory) was flagged "'Potion' is
    'Trank' in the glossary": the target is the compound's head. A word that only ends in
    the target's letters (``Getränk``) still is."""
    matcher = TermMatcher([Term("potion", "Trank")])
    records = [
        record(1, "Health Potion", "Heiltrank"),
        record(2, "Buy two health potions.", "Kaufe zwei Heiltränke."),
        record(3, "Potion", "Getränk"),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [(2, "'Potion' is 'Trank' in the glossary")]


def test_a_compound_carries_both_the_term_it_starts_with_and_the_term_it_ends_with():
    """``Managing your account settings`` → ``Kontoeinstellungen verwalten`` was flagged
    "'account' is 'Konto' in the glossary": the head ``Einstellungen`` took the word's place,
    so its first part ``Konto`` was not seen. A compound of neither still is flagged."""
    matcher = TermMatcher([Term("account", "Konto"), Term("settings", "Einstellungen")])
    records = [
        record(1, "Managing your account settings", "Kontoeinstellungen verwalten"),
        record(2, "Open the account settings.", "Öffnen Sie die Kontoeinstellungen."),
        record(3, "Open the account settings.", "Öffnen Sie die Profileinstellungen."),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [(2, "'account' is 'Konto' in the glossary")]


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        ("See the legend at the end.", "Siehe die Legende.", True),
        ("Drive around the corner of the route.", "Fahren Sie die Strecke.", True),
        ("Assign a role for access control.", "Weisen Sie eine Zugriffskontrolle zu.", True),
        ("Remove the load and the ballast.", "Entfernen Sie den Ballast.", True),
        ("Open the end screen.", "Öffnen Sie den Abschlussbildschirm am Spielende.", False),
        ("Assign a role to the user.", "Weisen Sie die Benutzerrolle zu.", False),
    ],
)
def test_a_word_that_merely_ends_in_the_target_does_not_carry_it(source, target, flagged):
    """'end' → 'Ende' was found in ``Legende``, 'corner' → 'Ecke' in ``Strecke``, 'role' →
    'Rolle' in ``Zugriffskontrolle``, 'load' → 'Last' in ``Ballast``: the part before a head
    must be a German word (``Spiel``, ``Benutzer``)."""
    matcher = TermMatcher(
        [Term("end", "Ende"), Term("corner", "Ecke"), Term("role", "Rolle"), Term("load", "Last")]
    )
    assert bool(glossary_findings([record(1, source, target)], matcher)) is flagged


def test_a_term_the_source_has_twice_must_be_carried_twice():
    """Each term was looked for once per entry, so "Silence the alarm, then reset the alarm."
    passed as "Den Alarm stummschalten, dann den Wecker zurücksetzen."."""
    matcher = TermMatcher(
        [Term("alarm", "Alarm"), Term("syringe", "Spritze"), Term("line", "Leitung")]
    )
    records = [
        record(
            1,
            "Silence the alarm, then reset the alarm.",
            "Den Alarm stummschalten, dann den Wecker zurücksetzen.",
        ),
        record(
            2,
            "Flush the line and the syringe, then replace the syringe.",
            "Die Leitung und die Spritze spülen, dann den Injektor ersetzen.",
        ),
        record(3, "Reset the alarm, then the alarms.", "Den Alarm, dann die Alarme zurücksetzen."),
        record(4, "Silence the alarm, then the alarm.", "Den Alarm, dann die Alarmmeldung."),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [
        (0, "'alarm' is 'Alarm' in the glossary: the source has it 2 times, the translation 1"),
        (1, "'syringe' is 'Spritze' in the glossary: the source has it 2 times, the translation 1"),
    ]


def test_a_longer_targets_place_is_not_a_shorter_ones_too():
    matcher = TermMatcher([Term("alarm", "Alarm"), Term("alarm tone", "Alarmton")])
    source = "Change the alarm tone of the alarm."
    assert glossary_findings([record(1, source, "Den Alarmton ändern.")], matcher)[0].message == (
        "'alarm' is 'Alarm' in the glossary"
    )
    assert glossary_findings([record(1, source, "Den Alarmton des Alarms ändern.")], matcher) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # Markdown's code span (read as <code>), HTML's and EPUB's <code>: code
        (
            "Run <code>cloudsync-setup.exe</code> now.",
            "Führen Sie <code>cloudsync-setup.exe</code> aus.",
        ),
        (
            "Use <code>cloudsync --settings</code> now.",
            "Verwenden Sie <code>cloudsync --settings</code>.",
        ),
        # a file name, a path, a dotfile, a quoted code item
        ("Open <b>.cloudsync</b> now.", "Öffnen Sie <b>.cloudsync</b>."),
        ("Run cloudsync-setup.exe now.", "Führen Sie cloudsync-setup.exe aus."),
        ("Open the cloudsync/config folder.", "Öffnen Sie den Ordner cloudsync/config."),
        ("Edit 'cloudsync.ini'.", "Bearbeiten Sie 'cloudsync.ini'."),
    ],
)
def test_a_term_in_code_or_a_file_name_is_no_glossary_term(source, target):
    matcher = TermMatcher([Term("cloudsync", "CloudSync")])
    assert glossary_findings([record(1, source, target)], matcher) == []


@pytest.mark.parametrize(
    "source",
    ["Install cloudsync.", "Install cloudsync, then <code>run</code> it.", "Install 'cloudsync'."],
)
def test_a_term_of_prose_beside_code_or_a_full_stop_is_checked(source):
    matcher = TermMatcher([Term("cloudsync", "CloudSync")])
    [finding] = glossary_findings([record(1, source, "Installieren Sie es.")], matcher)
    assert finding.message == "'cloudsync' is 'CloudSync' in the glossary"


def test_a_term_in_capitals_is_carried_by_its_target_in_capitals():
    """A line in capitals writes its term's target in capitals: that is the term (it was
    flagged: 'ELDORIA' is 'Eldoria' in the glossary)."""
    matcher = TermMatcher([Term("Eldoria", "Eldoria"), Term("health potion", "Heiltrank")])
    records = [
        record(1, "THE ROAD TO ELDORIA", "DER WEG NACH ELDORIA"),
        record(2, "BUY HEALTH POTIONS", "HEILTRÄNKE KAUFEN"),
        record(3, "BUY HEALTH POTION", "GESUNDHEITSTRANK KAUFEN"),
        record(4, "Buy a health potion", "HEILTRANK kaufen"),  # in capitals, but not the source
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [
        (2, "'HEALTH POTION' is 'Heiltrank' in the glossary"),
        (3, "'health potion' is 'Heiltrank' in the glossary"),
    ]


def test_a_name_kept_as_written_is_quoted_as_the_glossary_has_it_and_as_found():
    """The DOCX title 'CardioSense X2 Instructions for Use' → 'CardioSenseTM X2
    Gebrauchsanweisung' was "'CardioSense X2' is 'CardioSense™ X2' in the glossary": a
    spelling the glossary lacks, and not the text at fault. The name in the source's spelling
    or the glossary's is the term."""
    matcher = TermMatcher([Term("CardioSense™ X2", "CardioSense™ X2")])
    records = [
        record(1, "CardioSense X2 Instructions for Use", "CardioSenseTM X2 Gebrauchsanweisung"),
        record(2, "CardioSense X2 Instructions for Use", "CardioSense X2 Gebrauchsanweisung"),
        record(3, "CardioSense X2 Instructions for Use", "CardioSense™ X2 Gebrauchsanweisung"),
        record(4, "CardioSense™ X2 Instructions for Use", "CardioSenseTM X2 Gebrauchsanweisung"),
        record(5, "CardioSense X2 Instructions", "Anleitung"),
    ]
    found = glossary_findings(records, matcher)
    said = "the glossary keeps 'CardioSense™ X2' as written: it is missing"
    assert [(f.entry, f.message) for f in found] == [
        (0, f"{said}; the translation has 'CardioSenseTM X2'"),
        (3, f"{said}; the translation has 'CardioSenseTM X2'"),
        (4, said),
    ]


def test_a_sign_of_ownership_the_source_writes_is_one_the_translation_must_keep():
    """Trial: glossary 'Windows®', 'Install Windows® on your PC.' → 'Installieren Sie Windows
    ...' was 'nothing found' (the term's words were taken as the source's spelling, without
    its ®); a source that writes the sign asks for it, one without it does not."""
    matcher = TermMatcher([Term("Windows®", "Windows®"), Term("Acme Cloud®", "Acme Cloud®")])
    records = [
        record(1, "Install Windows® on your PC.", "Installieren Sie Windows auf Ihrem PC."),
        record(2, "Install Windows on your PC.", "Installieren Sie Windows auf Ihrem PC."),
        record(3, "Install Windows® on your PC.", "Installieren Sie Windows® auf Ihrem PC."),
        record(4, "Log in to Acme Cloud®.", "Melden Sie sich bei Acme Cloud an."),
        record(5, "Log in to Acme Cloud.", "Melden Sie sich bei Acme Cloud® an."),
    ]
    assert [(f.entry, f.message) for f in glossary_findings(records, matcher)] == [
        (0, "the glossary keeps 'Windows®' as written: it is missing"),
        (3, "the glossary keeps 'Acme Cloud®' as written: it is missing"),
    ]


@pytest.mark.skipif(
    dictionary_for("de") is None, reason="needs pyenchant, libenchant-2-2 and hunspell-de-de"
)
def test_words_no_dictionary_knows_are_named_once_each():
    german = dictionary_for("de")
    assert german is not None
    records = [
        record(1, "Categories and specifications", "Kategories und Spekifikationen"),
        record(2, "Properties", "Eigenschaften"),
        record(3, "Unlock", "Entsperren"),
        record(4, "Show categories", "Kategories anzeigen"),
    ]
    found = spelling_findings(records, german)
    assert [(f.entry, f.check, f.message) for f in found] == [
        (
            0,
            "spelling",
            "words the de_DE (hunspell) dictionary does not know: 'Kategories', 'Spekifikationen'",
        ),
        (3, "spelling", "a word the de_DE (hunspell) dictionary does not know: 'Kategories'"),
    ]
    accepted = words_of(["Kategories"])
    assert [f.entry for f in spelling_findings(records, german, accepted)] == [0]


@pytest.mark.skipif(
    dictionary_for("de") is None, reason="needs pyenchant, libenchant-2-2 and hunspell-de-de"
)
def test_words_the_users_memory_translates_with_pass(memory):
    german = dictionary_for("de")
    assert german is not None
    memory.add("u1", "Show all categories", "Alle Kategories anzeigen")
    records = [
        record(1, "Show the categories", "Die Kategories anzeigen"),
        record(2, "Show the specifications", "Die Spekifikationen anzeigen"),
    ]
    assert [f.entry for f in spelling_findings(records, german)] == [0, 1]
    found = spelling_findings(records, german, memory=memory, user="u1")
    assert [(f.entry, f.message) for f in found] == [
        (1, "a word the de_DE (hunspell) dictionary does not know: 'Spekifikationen'")
    ]


def test_a_target_term_the_tbx_marks_deprecated_is_flagged_where_it_stands_for_the_term(
    tmp_path: Path,
):
    from ltmt.qa.glossary_checks import forbidden_findings
    from ltmt.terminology.files import read_glossary

    status = '<termNote type="administrativeStatus">{}Term-admn-sts</termNote>'
    tbx = tmp_path / "med.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><text>'
        '<body><termEntry id="c2"><langSet xml:lang="en-US"><tig><term>instructions for use'
        f'</term></tig></langSet><langSet xml:lang="de-DE"><tig><term>Gebrauchsanweisung</term>'
        f"{status.format('preferred')}</tig><tig><term>Bedienungsanleitung</term>"
        f"{status.format('deprecated')}</tig></langSet></termEntry></body></text></martif>",
        "utf-8",
    )
    matcher = TermMatcher(read_glossary(tbx))
    records = [
        record(1, "Read the instructions for use.", "Lesen Sie die Gebrauchsanweisung."),
        record(2, "Read the instructions for use!", "Lesen Sie die Bedienungsanleitung!"),
        record(3, "Read the manual.", "Lesen Sie die Bedienungsanleitung."),  # not the term
        record(  # the term rendered as it should; the other word translates "manual"
            4,
            "Read the instructions for use and the manual.",
            "Lesen Sie die Gebrauchsanweisung und die Bedienungsanleitung.",
        ),
        record(  # the term twice, its target once: the deprecated one stands for the other
            5,
            "Keep the instructions for use with the instructions for use of the pump.",
            "Bewahren Sie die Gebrauchsanweisung bei der Bedienungsanleitung der Pumpe auf.",
        ),
    ]
    message = (
        "'Bedienungsanleitung' is not to be used for 'instructions for use' in the glossary "
        "('Gebrauchsanweisung' is)"
    )
    assert [(f.entry, f.check, f.message) for f in forbidden_findings(records, matcher)] == [
        (1, "glossary", message),
        (4, "glossary", message),
    ]


def test_a_terms_agreement_is_read_across_inline_tags():
    """A DOCX run in bold, ``von der <b>offenlegenden Partei</b>``, was flagged "'offenlegenden
    Partei' does not agree": the article outside the tag was not seen (plain text passed). A
    tagged phrase that does not agree still is flagged."""
    from ltmt.qa.glossary_checks import agreement_findings

    matcher = TermMatcher([Term("disclosing party", "offenlegende Partei", gender="f")])
    records = [
        record(1, "by the disclosing party", "von der <b>offenlegenden Partei</b>"),
        record(2, "by the disclosing party", "von der <b>offenlegende Partei</b>"),
    ]
    found = agreement_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [
        (
            1,
            "'von der offenlegende Partei' does not agree, 'von der offenlegenden Partei' would "
            "('disclosing party' is 'offenlegende Partei' in the glossary)",
        )
    ]


def test_a_terms_adjective_that_agrees_with_nothing_around_it_is_flagged_in_german():
    """ "ein unerwünschter Ereignis" passed: any ending rendered "unerwünschtes Ereignis". A
    German translation's ending is read against its determiner and preposition; other
    languages' are not, and correct endings pass."""
    from ltmt.qa.glossary_checks import agreement_findings, term_findings

    matcher = TermMatcher([Term("adverse event", "unerwünschtes Ereignis")])
    records = [
        record(1, "An adverse event occurred.", "Ein unerwünschter Ereignis trat auf."),
        record(2, "Patients with an adverse event", "Patienten mit dem unerwünschtes Ereignis"),
        record(3, "Report all adverse events.", "Melden Sie alle unerwünschten Ereignisse."),
        record(4, "Patients with an adverse event", "Patienten mit einem unerwünschten Ereignis"),
    ]
    expected = [
        (
            0,
            "'Ein unerwünschter Ereignis' does not agree, 'Ein unerwünschtes Ereignis' would "
            "('adverse event' is 'unerwünschtes Ereignis' in the glossary)",
        ),
        (
            1,
            "'mit dem unerwünschtes Ereignis' does not agree, 'mit dem unerwünschten Ereignis' "
            "would ('adverse event' is 'unerwünschtes Ereignis' in the glossary)",
        ),
    ]
    assert [(f.entry, f.message) for f in agreement_findings(records, matcher)] == expected
    for german in ("de_DE", "deu", "ger-AT"):  # memoQ's three-letter codes are German too
        assert [(f.entry, f.message) for f in term_findings(records, matcher, german)] == expected
    assert term_findings(records, matcher, "fr") == term_findings(records, matcher) == []


def test_a_feminine_noun_with_a_wrong_plural_does_not_carry_the_target():
    """ "Infusionspumpes" is no form of "Infusionspumpe" (a feminine noun in -e: its plural is
    "Infusionspumpen"); the stem rule had let it pass."""
    matcher = TermMatcher([Term("infusion pump", "Infusionspumpe")])
    records = [
        record(1, "Check all infusion pumps.", "Prüfen Sie alle Infusionspumpes."),
        record(2, "Check all infusion pumps.", "Prüfen Sie alle Infusionspumpen."),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.position, f.message) for f in found] == [
        (
            "de.po: entry 1",
            "'infusion pumps' is 'Infusionspumpe' in the glossary: write Infusionspumpen",
        )
    ]


def test_a_target_glued_to_an_english_plural_s_is_flagged_with_its_german_plural():
    """ "Deine Tours" for "Your trails" (glossary trail → Tour, an Android CI developer's
    trial) passed the glossary check with only a spelling note: "Tours" is no form of "Tour",
    whose plural is "Touren"; a loan's -s ("Apps") is one."""
    matcher = TermMatcher([Term("trail", "Tour"), Term("app", "App")])
    records = [
        record(1, "Your trails", "Deine Tours"),
        record(2, "Your trails", "Deine Touren"),
        record(3, "Sync all trails and trails", "Synchronisiere alle Touren und Tours"),
        record(4, "Your apps", "Deine Apps"),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.position, f.message) for f in found] == [
        ("de.po: entry 1", "'trails' is 'Tour' in the glossary: write Touren"),
        (
            "de.po: entry 3",
            "'trails' is 'Tour' in the glossary: the source has it 2 times, the translation 1;"
            " write Touren",
        ),
    ]


def test_a_feminine_loans_english_plural_is_no_glossary_finding():
    """qa said "'bands' is 'Band' in the glossary: write Banden" for "Alle Bands ..." and
    "write Posten" for "Lies die Posts.": "Banden" (gangs) and "Posten" are other words; a
    feminine whose -en is its plural still gets its finding ("write Minuten")."""
    matcher = TermMatcher([Term("band", "Band"), Term("post", "Post"), Term("minute", "Minute")])
    records = [
        record(1, "All bands are listed.", "Alle Bands werden aufgelistet."),
        record(2, "Read the posts.", "Lies die Posts."),
        record(3, "Ten minutes left.", "Zehn Minutes übrig."),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.position, f.message) for f in found] == [
        ("de.po: entry 3", "'minutes' is 'Minute' in the glossary: write Minuten"),
    ]


def test_a_pronoun_may_say_a_term_again():
    """ "Save the file before you close the file." is "... die Datei, bevor Sie sie schließen.":
    counting each term's places made the pronoun a missed term (a regression trial's find);
    "Sie", capitalised, is the reader and says nothing of the file."""
    matcher = TermMatcher([Term("file", "Datei")])
    records = [
        record(
            1,
            "Save the file before you close the file.",
            "Speichern Sie die Datei, bevor Sie sie schließen.",
        ),
        record(
            2,
            "Save the file before you close the file.",
            "Speichern Sie die Datei, bevor Sie schließen.",
        ),
    ]
    assert [f.entry for f in glossary_findings(records, matcher)] == [1]


def test_an_article_before_a_target_of_unknown_gender_is_flagged_for_a_check():
    """ "Die Akku" for "the battery" (glossary "Akku", which the gender table lacks): the
    article kept the gender of the model's "Batterie" and nothing can tell; a reviewer is asked
    to check it. A target of known gender, or one without an article before it, is not."""
    from ltmt.qa.glossary_checks import agreement_findings

    matcher = TermMatcher([Term("battery", "Akku"), Term("file", "Datei")])
    records = [
        record(1, "The battery is empty.", "Die Akku ist leer."),
        record(2, "Charge the empty battery.", "Laden Sie den leeren Akku."),
        record(3, "Battery low", "Akku schwach"),
        record(4, "The file is empty.", "Die Datei ist leer."),
    ]
    expected = [
        (
            0,
            "gender of 'Akku' unknown; check the article in 'Die Akku' ('battery' is 'Akku' in "
            "the glossary, which can give its gender: m, f or n)",
        ),
        (
            1,
            "gender of 'Akku' unknown; check the article in 'den leeren Akku' ('battery' is "
            "'Akku' in the glossary, which can give its gender: m, f or n)",
        ),
    ]
    assert [(f.entry, f.message) for f in agreement_findings(records, matcher)] == expected


def test_a_signal_word_in_capitals_is_checked_in_capitals_or_as_a_label():
    """IFU trial: glossary 'CAUTION,VORSICHT' and "Caution: The sensor surface may be hot."
    → "Sicht: ..." passed; the target in the source's case, or the glossary's, is the term.
    Regression trial: "Use caution." → "Seien Sie vorsichtig." was "'CAUTION' is 'VORSICHT'
    in the glossary", and "Enter your password." → "Geben Sie Ihr Passwort ein." "'ENTER' is
    'EINGABE' ...": translate places neither, so qa asks for neither."""
    terms = [Term("CAUTION", "VORSICHT"), Term("LOT", "LOT"), Term("ENTER", "EINGABE")]
    matcher = TermMatcher(terms)
    records = [
        record(1, "Caution: The sensor surface may be hot.", "Sicht: Die Oberfläche ist heiß."),
        record(2, "Caution: hot.", "Vorsicht: heiß."),
        record(3, "Caution: hot.", "VORSICHT: heiß."),
        record(4, "CAUTION: hot.", "VORSICHT: HEISS."),
        record(5, "A lot of heat.", "Viel Hitze."),
        record(6, "Use caution.", "Seien Sie vorsichtig."),
        record(7, "Enter your password.", "Geben Sie Ihr Passwort ein."),
        record(8, "Press ENTER to continue.", "Drücken Sie EINGABE, um fortzufahren."),
    ]
    found = glossary_findings(records, matcher)
    assert [(f.entry, f.message) for f in found] == [(0, "'CAUTION' is 'VORSICHT' in the glossary")]


def test_a_name_kept_as_written_is_read_for_agreement_only_with_a_gender_given():
    """IFU trial, glossary 'CardioSense,CardioSense' (no gender): "Den CardioSense X1 Sensor"
    and "Den CardioSense reinigen" were "'Den CardioSense' does not agree, 'Die CardioSense'
    would" by "die Sense", its last part; a name's article is that of the thing it names."""
    from ltmt.qa.glossary_checks import agreement_findings

    records = [
        record(1, "Connect the CardioSense X1 sensor.", "Den CardioSense X1 Sensor anschließen."),
        record(2, "Clean the CardioSense.", "Den CardioSense reinigen."),
    ]
    plain = TermMatcher([Term("CardioSense", "CardioSense")])
    assert agreement_findings(records, plain) == []
    feminine = TermMatcher([Term("CardioSense", "CardioSense", gender="f")])
    found = [(f.entry, f.message) for f in agreement_findings(records, feminine)]
    assert found == [
        (
            1,
            "'Den CardioSense' does not agree, 'Die CardioSense' would ('CardioSense' is "
            "'CardioSense' in the glossary)",
        )
    ]


def test_an_article_before_a_capitalised_word_or_a_digit_is_checked():
    """Regression trial: with device,Gerät,n  sensor,Sensor,m  battery,Akku,m these were
    warned in the morning and silent after the check skipped a target before any capitalised
    word or digit (German capitalises every noun); a name kept as written before a model code
    ("Den CardioSense X1 Sensor") and a target before a hyphenated compound stay unread."""
    from ltmt.qa.glossary_checks import agreement_findings

    matcher = TermMatcher(
        [
            Term("device", "Gerät", gender="n"),
            Term("sensor", "Sensor", gender="m"),
            Term("battery", "Akku", gender="m"),
            Term("CardioSense", "CardioSense", gender="f"),
        ]
    )
    records = [
        record(1, "If the device reports errors.", "Wenn der Gerät Fehler meldet."),
        record(2, "Before the device sends data.", "Bevor der Gerät Daten sendet."),
        record(3, "Check whether the sensor has cracks.", "Prüfen Sie, ob die Sensor Risse hat."),
        record(4, "Charge the battery for 2 hours.", "Laden Sie die Akku 2 Stunden lang auf."),
        record(5, "Turn the device OFF.", "Schalten Sie den Gerät AUS."),
        record(6, "Connect the CardioSense X1 sensor.", "Den CardioSense X1 Sensor anschließen."),
        record(7, "If the battery status LED is red.", "Wenn die Akku Status-LED rot ist."),
    ]
    device = "'das Gerät' or 'dem Gerät' or 'des Gerät' would ('device' is 'Gerät' in the glossary)"
    masculine = (
        "'der {0}' or 'den {0}' or 'dem {0}' or 'des {0}' would ('{1}' is '{0}' in the glossary)"
    )
    assert [(f.entry, f.message) for f in agreement_findings(records, matcher)] == [
        (0, f"'der Gerät' does not agree, {device}"),
        (1, f"'der Gerät' does not agree, {device}"),
        (2, "'die Sensor' does not agree, " + masculine.format("Sensor", "sensor")),
        (3, "'die Akku' does not agree, " + masculine.format("Akku", "battery")),
        (4, f"'den Gerät' does not agree, {device}"),
    ]


def test_a_target_whose_gender_the_glossary_gives_is_not_flagged_for_its_gender():
    """The Godot trial: "Deine Inventar ist voll." was flagged "gender of 'Inventar' unknown"
    (the gender table lacks it); a glossary term that gives its gender knows it, and its
    adjectives are checked against it."""
    from ltmt.qa.glossary_checks import agreement_findings

    matcher = TermMatcher(
        [Term("inventory", "Inventar", gender="n"), Term("event", "seltenes Xyzzq", gender="das")]
    )
    records = [
        record(1, "Your inventory is full.", "Dein Inventar ist voll."),
        record(2, "A rare event", "Ein seltener Xyzzq"),
    ]
    found = [(f.entry, f.message) for f in agreement_findings(records, matcher)]
    assert found == [
        (
            1,
            "'Ein seltener Xyzzq' does not agree, 'Ein seltenes Xyzzq' would ('event' is "
            "'seltenes Xyzzq' in the glossary)",
        )
    ]


def test_a_name_the_glossary_keeps_as_written_is_not_flagged_for_its_gender():
    """Every correct use of the brand "AeroFlex" (glossary "AeroFlex" → "AeroFlex") was flagged
    "gender of 'AeroFlex' unknown": a name takes the article of what it names."""
    from ltmt.qa.glossary_checks import agreement_findings

    matcher = TermMatcher([Term("AeroFlex", "AeroFlex"), Term("battery", "Akku")])
    records = [
        record(1, "The AeroFlex is back in stock.", "Die AeroFlex ist wieder auf Lager."),
        record(2, "The battery is empty.", "Die Akku ist leer."),
    ]
    found = [(f.entry, f.message) for f in agreement_findings(records, matcher)]
    assert found == [
        (
            1,
            "gender of 'Akku' unknown; check the article in 'Die Akku' ('battery' is 'Akku' in "
            "the glossary, which can give its gender: m, f or n)",
        )
    ]


def test_a_similar_source_translated_as_another_entry_word_for_word_is_found():
    """The user trial: forgotUsername's translation copied forgotPassword's."""
    records = [
        record(1, "Forgot your password?", "Passwort vergessen?"),
        record(2, "Forgot your username?", "Passwort  vergessen?"),
    ]
    [finding] = shared_translation_findings(records)
    assert (finding.check, finding.entry, finding.position) == ("inconsistent", 1, "de.po: entry 2")
    assert finding.message == (
        "translated word for word as entry 1, whose source says other words "
        "('Forgot your password?'): check that it says 'username'"
    )


@pytest.mark.parametrize(
    "records",
    [
        # case and punctuation alone: the same source
        [record(1, "Save", "Speichern"), record(2, "save!", "Speichern")],
        # sources too unlike to have copied each other (fuzzy 62)
        [record(1, "Sign in", "Anmelden"), record(2, "Log in", "Anmelden")],
        # one entry's forms (one position)
        [record(1, "%d file", "%d Datei"), record(1, "%d files", "%d Datei")],
        # different translations, and a translation without words
        [record(1, "Open file", "Datei öffnen"), record(2, "Open files", "Dateien öffnen")],
        [record(1, "Loading…", "…"), record(2, "Loading files…", "…")],
        # the forms of one keyed entry (i18next, Android, Rails: German's Benutzer in both)
        [
            PairRecord("{{count}} user online", "{{count}} Benutzer online", "x.json: /users_one"),
            PairRecord(
                "{{count}} users online", "{{count}} Benutzer online", "x.json: /users_other"
            ),
        ],
        [
            PairRecord("%d user", "%d Benutzer", "strings.xml: users#one"),
            PairRecord("%d users", "%d Benutzer", "strings.xml: users#other"),
        ],
        # spellings of one source (session 66's regression trial: all four were warned)
        [record(1, "Colour", "Farbe"), record(2, "Color", "Farbe")],
        [
            record(1, "Email address", "E-Mail-Adresse"),
            record(2, "E-mail address", "E-Mail-Adresse"),
        ],
        [record(1, "Log in", "Anmelden"), record(2, "Login", "Anmelden")],
        # words German leaves out (regression trial F: all were warned)
        [record(1, "Password", "Passwort"), record(2, "Your password", "Passwort")],
        [
            record(1, "Upload file", "Datei hochladen"),
            record(2, "Upload a file", "Datei hochladen"),
        ],
        [record(1, "Back", "Zurück"), record(2, "Go back", "Zurück")],
        [record(1, "Search", "Suchen"), record(2, "Search here", "Suchen")],
    ],
)
def test_sources_that_may_share_a_translation_are_not_found(records):
    assert shared_translation_findings(records) == []


def test_a_markdown_translation_the_memory_holds_is_shown_as_markdown(memory):
    """Jekyll trial: the memory's target was printed in ltmt's tagged form (``<code
    data-md="raw">{{ site.baseurl }}</code>``); now as Markdown writes it."""
    tagged = '<code data-md="raw">{% link a.md %}</code>'
    memory.add("u1", f"See **the guide** at {tagged}.", f"Siehe <b>die Anleitung</b> {tagged}.")
    [finding] = memory_findings(
        [record(1, f"See **the guide** at {tagged}.", f"Siehe {tagged}.")], memory, "u1"
    )
    assert finding.message == (
        "u1's memory translates this source as 'Siehe **die Anleitung** {% link a.md %}.'"
    )


def test_a_feminine_target_in_e_unlinked_before_a_hyphen_is_a_note_in_german():
    """ "Schaltfläche-Galerie" for "Button gallery" (glossary Button → Schaltfläche, session
    70) passed: German links it, "Schaltflächen-Galerie"."""
    from ltmt.qa.glossary_checks import term_findings

    matcher = TermMatcher([Term("Button", "Schaltfläche", gender="f")])
    records = [
        record(1, "Button gallery", "Schaltfläche-Galerie"),
        record(
            2,
            "Do not repeat the Button label.",
            "Die Schaltflächen-Beschriftung nicht wiederholen.",
        ),
        record(3, "Click the Button.", "Klicke auf die Schaltfläche."),
    ]
    found = term_findings(records, matcher, "de")
    assert [(f.entry, f.severity, f.message) for f in found] == [
        (
            0,
            "note",
            "'Schaltfläche-Galerie': German links 'Schaltfläche' in a compound, write "
            "'Schaltflächen-Galerie' ('Button' is 'Schaltfläche' in the glossary)",
        )
    ]
    assert term_findings(records, matcher, "fr") == []


SECTION_6 = (
    "Do not take Xarelto if you are allergic to rivaroxaban or any of the other ingredients of "
    "this medicine (listed in section 6).",
    "Xarelto darf nicht eingenommen werden, wenn Sie allergisch gegen Rivaroxaban oder einen der "
    "in Abschnitt 6. genannten sonstigen Bestandteile dieses Arzneimittels sind.",
)


def test_a_translation_that_stops_where_its_near_match_goes_on_is_found(tmp_path: Path):
    """The pharma trial (s76): the fused output ``... oder einen der in Abschnitt 2.`` passed qa
    with the memory given ("nothing found"): the memory check read 100 % matches only."""
    source = SECTION_6[0].replace("section 6", "section 2")
    cut = (
        "Xarelto darf nicht eingenommen werden, wenn Sie allergisch gegen Rivaroxaban oder einen "
        "der in Abschnitt 2."
    )
    whole = SECTION_6[1].replace("6.", "2.")
    with Memory(tmp_path / "store") as memory:
        memory.add("rx", *SECTION_6)
        [finding] = memory_findings([record(1, source, cut)], memory, "rx")
        assert memory_findings([record(1, source, whole)], memory, "rx") == []
    assert (finding.check, finding.severity) == ("memory", "warning")
    assert finding.message == (
        "stops where the 99 % match in rx's memory that it follows goes on: 'genannten sonstigen "
        "Bestandteile dieses Arzneimittels sind.' is not translated; check that the sentence is "
        "whole"
    )
