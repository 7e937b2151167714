"""qa's formality check: German translations that say "du" and "Sie" to the reader."""

from __future__ import annotations

import pytest

from ltmt.errors import ChoiceError
from ltmt.qa import check_pairs
from ltmt.qa.formality_checks import (
    Address,
    Form,
    _entry_name,
    _umlauted,
    address_of,
    address_problem,
    formality_findings,
    formality_form,
    informal_imperatives,
)
from ltmt.segments import PairRecord

# the marketing user's lines: informal brand voice, the model's "Sie" mixed in
MIXED = "Nimm dir zehn Minuten am Sonntag und schreiben Sie Ihre Ziele auf."
DU_THEN_SIE = "Du brauchst keine Motivation mehr. Sie benötigen ein System."
VERB_ONLY = "Take zehn Minuten am Sonntag und schreiben Sie Ihre Ziele und füge sie zu Ihrer Liste."
HEADING = "Deine Woche, heller."
BODY = "Der Planer hilft Ihnen, Ihre Woche zu planen."


def records(targets: list[str], origin: str = "") -> list[PairRecord]:
    return [
        PairRecord(f"source {n}", target, f"entry {n}", origin=origin)
        for n, target in enumerate(targets, 1)
    ]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (MIXED, Address(informal=("dir",), formal=("Sie", "Ihre"))),
        (DU_THEN_SIE, Address(informal=("Du",), unsure=("Sie",))),
        # the informal "füge" is a verb form: not read
        (VERB_ONLY, Address(formal=("Sie", "Ihre", "Ihrer"))),
        (HEADING, Address(informal=("Deine",))),
        (BODY, Address(formal=("Ihnen", "Ihre"))),
        # a sentence's first "Sie" is "they" as well; the last one is "she"
        ("Sie haben es geschafft, sagte sie.", Address(unsure=("Sie",))),
        ("Wie geht es Ihnen?", Address(formal=("Ihnen",))),
        ("Was Sie wissen müssen", Address(formal=("Sie",))),  # a title
        ("Sie hat ihr Konto gelöscht.", Address(unsure=("Sie",))),  # her account
        ("Öffnen Sie ihr Konto.", Address(formal=("Sie",))),
        # after a colon or an opening quote a sentence starts; another formal word decides
        ("Hinweis: Sie können Ihr Passwort ändern.", Address(formal=("Sie", "Ihr"))),
        ("Hinweis: Sie sind leer.", Address(unsure=("Sie",))),
        ("„Sie kommen“, rief er.", Address(unsure=("Sie",))),
        ("Die Neuen Funktionen Und Ihre Vorteile", Address(unsure=("Ihre",))),  # title case
        (
            "Ihr habt es geschafft, euch gehört die Welt.",
            Address(informal=("euch",), unsure=("Ihr",)),
        ),
        # code, not pronouns
        ("Verzeichnis --dir, $dir und dir/", Address()),
        ("Die Datei %s ist leer", Address()),
    ],
)
def test_the_forms_of_address_of_a_translation(text, address):
    assert address_of(text) == address


def test_a_word_the_source_has_is_code_copied():
    assert address_of("setzen Sie Dir::Bin::Methods", "set Dir::Bin::Methods") == Address(
        formal=("Sie",)
    )
    assert address_of("Aufruf: du -s DATEI", "Usage: du -s FILE") == Address()


def test_an_entry_that_uses_both_forms_is_a_warning():
    found = formality_findings(records([MIXED, "Speichern"]))
    assert [(f.position, f.severity, f.message) for f in found] == [
        (
            "entry 1",
            "warning",
            "mixes informal address (dir) and formal (Sie, Ihre): use one form throughout",
        )
    ]


def test_an_informal_entry_that_starts_a_sentence_with_sie_is_a_note():
    found = formality_findings(records([DU_THEN_SIE]))
    assert [(f.severity, f.message) for f in found] == [
        (
            "note",
            "uses informal address (Du) and starts a sentence with 'Sie', formal address or "
            "'they': check that it is not formal",
        )
    ]


@pytest.mark.parametrize(
    ("position", "name"),
    [
        ("/tmp/theme/locales/de.json: /sections/cart/empty", "/sections/cart/empty"),
        ("de.jsonl:3", "line 3"),
        ("/tmp/app v2.1/de.po:12", "line 12"),
        ("entry 1", "entry 1"),
    ],
)
def test_a_file_note_names_its_entries_without_the_file(position, name):
    """The note's line names the file already: '(the informal ones: /tmp/.../de.json:
    /sections/cart/empty, ...)' repeated it for each entry."""
    assert _entry_name(position) == name


def test_a_file_whose_entries_use_both_forms_is_a_note_on_the_fewer():
    found = formality_findings(records([HEADING, BODY, "Wie geht es Ihnen?", "Speichern"]))
    assert [(f.position, f.severity, f.message) for f in found] == [
        (
            "",  # the file's, no entry's (an Android trial, session 67: 'error_network: note')
            "note",
            "the file addresses the reader informally in 1 entry and formally in 2 entries "
            "(the informal ones: entry 1): use one form (ltmt qa --formality du or --formality Sie "
            "flags each entry of the other)",
        )
    ]
    # a tie: the form the file uses second
    found = formality_findings(records([HEADING, BODY]))
    assert [f.entry for f in found] == [1]
    # files of a folder are each their own
    assert formality_findings(records([HEADING], "a.po") + records([BODY], "b.po")) == []


def test_a_plural_entry_is_named_and_counted_once_in_the_file_note():
    """Trial s77 (a Drupal catalog): 'the informal ones: entry 3, entry 3', one entry's two
    plural forms."""
    pairs = [
        PairRecord("Save", "Speichern Sie es", "entry 1"),
        PairRecord("How are you?", "Wie geht es Ihnen?", "entry 2"),
        PairRecord("@count new", "Du hast @count neue", "entry 3"),
        PairRecord("@count new", "Du hast @count neue", "entry 3"),
    ]
    found = formality_findings(pairs)
    assert [f.message for f in found] == [
        "the file addresses the reader informally in 1 entry and formally in 2 entries "
        "(the informal ones: entry 3): use one form (ltmt qa --formality du or --formality Sie "
        "flags each entry of the other)"
    ]


@pytest.mark.parametrize(
    "targets",
    [
        ["Sie haben es geschafft, sagte sie.", "Wie geht es Ihnen?", "Was Sie wissen müssen"],
        ["Sie hat ihr Konto gelöscht.", "Du hast ihr Konto gelöscht."],
        [HEADING, HEADING],
        [MIXED, MIXED],  # each warned already
    ],
)
def test_no_file_note_where_the_entries_use_one_form(targets):
    assert [f for f in formality_findings(records(targets)) if f.severity == "note"] == []


@pytest.mark.parametrize(
    ("source", "text", "address"),
    [
        # --formality du let these through: a sentence's first Ihr counted "her" or "their"
        ("Your cart is empty.", "Ihr Warenkorb ist leer.", Address(formal=("Ihr",))),
        ("Saved. Your changes are live.", "Gespeichert. Ihre Änderungen sind live.",
         Address(formal=("Ihre",))),
        ("We sent you a link.", "Ihnen wurde ein Link gesendet.", Address(formal=("Ihnen",))),
        # the informal plural, and a source that says no "you": unsure still
        ("You did it!", "Ihr habt es geschafft!", Address(unsure=("Ihr",))),
        ("Her cart is empty.", "Ihr Warenkorb ist leer.", Address(unsure=("Ihr",))),
        ("You are done. They left.", "Sie sind fertig.", Address(unsure=("Sie",))),
        # session 68: a placeholder's compound before the noun; a sentence that says du
        ("Your {{planName}} plan is active.", "Ihr {{planName}}-Plan ist aktiv.",
         Address(formal=("Ihr",))),
        ("The plan is active; one pays monthly.", "Ihr Plan ist aktiv, du zahlst monatlich.",
         Address(informal=("du",), formal=("Ihr",))),
        # no false alarm where the source says her or their
        ("Her plan is active. You pay monthly.", "Ihr Plan ist aktiv. Du zahlst monatlich.",
         Address(informal=("Du",), unsure=("Ihr",))),
        ("Their plan is active and you pay.", "Ihr Plan ist aktiv, du zahlst.",
         Address(informal=("du",), unsure=("Ihr",))),
        # but "your" beside "their" is formal still (l10n/train's postgresql)
        ("Their data is kept. Your data is not.", "Ihre Daten bleiben. Ihre Daten nicht.",
         Address(formal=("Ihre", "Ihre"))),
    ],
)  # fmt: skip
def test_a_sentences_first_possessive_is_formal_where_the_source_says_you(source, text, address):
    assert address_of(text, source) == address


def test_with_a_form_asked_each_entry_of_the_other_is_a_warning():
    lines = [MIXED, DU_THEN_SIE, VERB_ONLY, HEADING, BODY, "Sie haben es geschafft, sagte sie."]
    found = formality_findings(records(lines), "informal")
    assert [(f.position, f.severity, f.message) for f in found] == [
        (
            "entry 1",
            "warning",
            "uses formal address (Sie, Ihre) where --formality du asks for informal",
        ),
        (
            "entry 2",
            "note",
            "uses informal address (Du) and starts a sentence with 'Sie', formal address or "
            "'they': check that it is not formal",
        ),
        (
            "entry 3",
            "warning",
            "uses formal address (Sie, Ihre, Ihrer) where --formality du asks for informal",
        ),
        (
            "entry 5",
            "warning",
            "uses formal address (Ihnen, Ihre) where --formality du asks for informal",
        ),
    ]
    found = formality_findings(records(lines), "formal")
    assert [(f.position, f.message) for f in found] == [
        ("entry 1", "uses informal address (dir) where --formality Sie asks for formal"),
        ("entry 2", "uses informal address (Du) where --formality Sie asks for formal"),
        ("entry 4", "uses informal address (Deine) where --formality Sie asks for formal"),
    ]


@pytest.mark.parametrize(
    ("value", "form"),
    [
        ("du", "informal"),
        ("Du", "informal"),
        ("informal", "informal"),
        ("Sie", "formal"),
        ("formal", "formal"),
    ],
)
def test_formality_form(value, form):
    assert formality_form(value) == form


def test_an_formality_form_not_among_its_choices_is_refused():
    with pytest.raises(
        ChoiceError, match=r"^--formality 'ihr': use du \(informal\) or Sie \(formal\)$"
    ):
        formality_form("ihr")


def test_check_pairs_reads_german_only():
    report = check_pairs(records([MIXED]), checks=["formality"], language="de-DE-x-informal")
    assert [f.check for f in report.findings] == ["formality"]
    report = check_pairs(records(["Du bist du."]), checks=["formality"], language="fr")
    assert report.findings == [] and report.not_run == {}
    report = check_pairs(
        records(["Du bist du."]), checks=["formality"], language="fr", formality="formal"
    )
    assert report.not_run == {"formality": "it reads German's forms of address, not fr's"}
    assert report.summary() == "1 entry checked: nothing found; not run: formality"


def test_a_file_note_is_said_on_the_file_at_no_entry_s_place():
    """An Android trial (session 67) read 'error_network: note [formality] the file addresses
    ...' as a problem of that entry."""
    pairs = [
        PairRecord("Hi", "Hallo, wie geht es dir?", "de/strings.xml: greeting"),
        PairRecord("Save", "Speichern Sie Ihre Arbeit.", "de/strings.xml: save"),
        PairRecord("Open", "Öffnen Sie Ihre Datei.", "de/strings.xml: open"),
    ]
    (note,) = check_pairs(pairs, checks=("formality",)).findings
    assert note.line().startswith("de/strings.xml: note [formality] the file addresses")
    assert (note.number, note.line_number, note.context) == (None, None, None)


@pytest.mark.parametrize(
    ("source", "target", "imperatives"),
    [
        # an Android trial (session 67): --formality Sie flagged only 'Deine'
        ("Reset it here.", "Setz es hier zurück.", ("Setz",)),
        ("Reset it here!", "Lass es hier zurücksetzen!", ("Lass",)),
        # the Flask-Babel trial's (session 67): the command is the source's second sentence
        (
            "Forgot your password? Reset it here.",
            "Passwort vergessen? Setz es hier zurück.",
            ("Setz",),
        ),
        ("Check your connection.", "Prüfe die Verbindung.", ("Prüfe",)),
        # a strong verb's (nehmen: Nimm), and a command before an "um ... zu" clause (trial s74)
        ('Tap "Save" to keep your changes.', "Nimm »Save« auf, um es beizubehalten.", ("Nimm",)),
        ("Tap here to keep it.", "Tippe hier, um es zu behalten.", ("Tippe",)),
        ("Give it a name.", "Gib ihm einen Namen.", ("Gib",)),
        ("Show all, then close.", "Alle anzeigen, dann schließen.", ()),
        # the formal imperative, the infinitive style, nouns, and a source that commands nothing
        ("Reset it here.", "Setzen Sie es hier zurück.", ()),
        ("Reset all", "Alle zurücksetzen", ()),
        ("Show help", "Hilfe anzeigen", ()),
        ("Please wait", "Bitte warten", ()),
        ("Start the sync.", "Start der Synchronisierung.", ()),
        ("Note: it is new.", "Hinweis: Es ist neu.", ()),
        ("It shows the list.", "Zeigt die Liste.", ()),
        ("Files found.", "Setz es hier zurück.", ()),
        # a UI's commands that take no article (trial s76: 'Klick Save, um Ihre ...' passed)
        (
            "Click Save to store your changes.",
            "Klick Save, um Ihre Änderungen zu speichern.",
            ("Klick",),
        ),
        (
            "Click Save to store your changes.",
            "Klicke auf »Save«, um sie zu speichern.",
            ("Klicke",),
        ),
        ("Press Enter to continue.", "Drück Enter, um fortzufahren.", ("Drück",)),
        ("Go to the overview.", "Geh zur Übersicht.", ("Geh",)),
        ("Type your name.", "Gib deinen Namen ein.", ("Gib",)),
        ("Choose a file.", "Wähl eine Datei.", ("Wähl",)),
        ("Look at the list.", "Schau dir die Liste an.", ("Schau",)),
        # a strong verb's umlauted third person (lädt), with the e alone
        ("Load the file.", "Lade die Datei.", ("Lade",)),
        ("Sleep now.", "Schlaf ist gesund.", ()),
        # the formal imperative, and the noun Klick
        ("Click Save to store your changes.", "Klicken Sie auf Speichern.", ()),
        ("Click here to change your booking.", "Klicken Sie hier, um Ihre Buchung zu ändern.", ()),
        ("Click once to save.", "Mit einem Klick speichern Sie Ihre Änderungen.", ()),
        ("View of a lighthouse.", "Blick auf einen Leuchtturm.", ()),
    ],
)
def test_an_informal_imperative_of_a_command_is_found(source, target, imperatives):
    assert informal_imperatives(target, source) == imperatives


def test_formality_du_notes_the_informal_plural_where_the_source_speaks_to_one():
    """Trial release, session 71: '%@ hat euch eine Nachricht gesendet' for one user passed."""
    pairs = [
        PairRecord("%@ sent you a message", "%@ hat euch eine Nachricht gesendet", "e1"),
        PairRecord("Thanks, everyone!", "Danke euch allen!", "e2"),
        PairRecord("See you both soon", "Bis bald, ihr zwei, eure Mira", "e3"),
        PairRecord("Open your file", "Öffne deine Datei", "e4"),
    ]
    found = formality_findings(pairs, "informal")
    assert [(f.position, f.severity, f.message) for f in found] == [
        (
            "e1",
            "note",
            "uses the informal plural (euch) where --formality du addresses one reader: dich, "
            "dir, dein unless it speaks to several",
        )
    ]
    assert formality_findings(pairs[:1]) == []  # without --formality: as before


def test_formality_du_flags_a_formal_possessive_beside_du():
    """The email trial (session 68): ``Ihr {{planName}}-Plan ist aktiv. Du ...`` passed
    ``ltmt qa --formality du``."""
    pairs = [
        PairRecord(
            "Your {{planName}} plan is active. You will receive an invoice every month.",
            "Ihr {{planName}}-Plan ist aktiv. Du erhältst jeden Monat eine Rechnung.",
            "entry 1",
        )
    ]
    (found,) = formality_findings(pairs, "informal")
    assert found.message == "uses formal address (Ihr) where --formality du asks for informal"
    (mixed,) = formality_findings(pairs)
    assert mixed.message == (
        "mixes informal address (Du) and formal (Ihr): use one form throughout"
    )


def test_formality_sie_flags_an_informal_imperative_and_only_then():
    pairs = [PairRecord("Reset it here.", "Setz es hier zurück.", "entry 1")]
    (found,) = formality_findings(pairs, "formal")
    assert found.message == "uses informal address (Setz) where --formality Sie asks for formal"
    assert formality_findings(pairs) == []
    assert formality_findings(pairs, "informal") == []


@pytest.mark.parametrize(
    ("source", "target", "problem"),
    [
        # the design-system trial (session 70): a command without "you" left formal
        (
            "Click me",
            "Klicken Sie mich",
            "uses formal address (Sie) where --formality du asks for informal",
        ),
        # a sentence's first Sie where the source says you and the line says no du
        (
            "You can change that.",
            "Sie können das ändern.",
            "uses formal address (Sie) where --formality du asks for informal",
        ),
        # "she" beside a du: the note's, not a warning
        ("She invited you to the team.", "Sie hat dich ins Team eingeladen.", None),
        ("She can change that.", "Sie kann das ändern.", None),
        ("You can change that.", "Du kannst das ändern.", None),
    ],
)
def test_address_problem_is_the_checks_word_on_one_entry(source, target, problem):
    assert address_problem(target, source, "informal") == problem
    found = formality_findings([PairRecord(source, target, "entry 1")], "informal")
    assert [f.message for f in found if f.severity == "warning"] == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("source", "target", "plural"),
    [
        ("Hi team, we miss you!", "Hallo Team, wir vermissen euch!", ""),
        ("Hey folks, your build is ready.", "Hey Leute, euer Build ist fertig.", ""),
        ("Thanks, all!", "Danke euch!", ""),
        ("Good job, friends!", "Gut gemacht, euch allen!", ""),
        ("Welcome back, crew.", "Willkommen zurück, euch allen.", ""),
        ("Hi squad, we miss you.", "Hallo Truppe, wir vermissen euch.", ""),
        ("Team, your build failed.", "Team, euer Build ist fehlgeschlagen.", ""),
        ("Thanks, everybody!", "Danke euch allen!", ""),
        # a group named, but not spoken to: the reader is one
        ("%@ and 3 other people liked your post", "%@ und 3 andere mögen euren Beitrag", "euren"),
        ("Your team has a new member", "Euer Team hat ein neues Mitglied", "Euer"),
        ("Hi Anna, we miss you!", "Hallo Anna, wir vermissen euch!", "euch"),
    ],
)
def test_formality_du_takes_a_group_spoken_to_as_several(source, target, plural):
    """'Hi team, we miss you!' → '... wir vermissen euch!' got the note of the informal plural
    addressed to one reader, though a team is several people."""
    found = formality_findings([PairRecord(source, target, "e1")], "informal")
    expected = (
        f"uses the informal plural ({plural}) where --formality du addresses one reader: dich, "
        "dir, dein unless it speaks to several"
    )
    assert [f.message for f in found] == ([expected] if plural else [])


# trial s74 (unityloc): a choice's or a gender select's "Sie" for the source's "She" or "They"
SHE_FORMS = [
    PairRecord(
        "{0:choose(1|2):He|She} will forge your sword.",
        "{0:choose(1|2):Er|Sie} schmiedet dein Schwert.",
        "e1",
    ),
    PairRecord(
        "{gender:choose(m|f):He|She} found a key.",
        "{gender:choose(m|f):Er|Sie} hat einen Schlüssel gefunden.",
        "e2",
    ),
    PairRecord(
        "{gender, select, male {He found your key.} female {She found your key.} "
        "other {They found your key.}}",
        "{gender, select, male {Er hat deinen Schlüssel gefunden.} female {Sie hat deinen "
        "Schlüssel gefunden.} other {Sie haben deinen Schlüssel gefunden.}}",
        "e3",
    ),
    PairRecord("Open your inventory.", "Öffne dein Inventar.", "e4"),
]


@pytest.mark.parametrize("asked", [None, "informal"])
def test_a_selector_form_for_she_or_they_is_no_formal_address(asked):
    assert formality_findings(SHE_FORMS, asked) == []
    assert address_of(SHE_FORMS[0].target, SHE_FORMS[0].source) == Address(informal=("dein",))


def test_a_selector_form_for_you_is_formal_address():
    pair = PairRecord(
        "{0:choose(1|2):He|You} will forge your sword.",
        "{0:choose(1|2):Er|Sie} schmiedet dein Schwert.",
        "e1",
    )
    found = formality_findings([pair], "informal")
    assert [(f.severity, f.message) for f in found] == [
        ("warning", "uses formal address (Sie) where --formality du asks for informal")
    ]


def test_an_informal_command_beside_a_formal_word_mixes_the_forms():
    """Trial s74 (smartling): 'Nimm ... Ihre Änderungen' was counted formal alone."""
    pairs = [
        PairRecord(
            'Tap "Save" to keep your changes.',
            "Nimm »Save« auf, um Ihre Änderungen beizubehalten.",
            "quote.hint",
        ),
        PairRecord("Tap Save.", "Tippen Sie auf Speichern, um Ihre Daten zu sichern.", "e2"),
        PairRecord("Tap Save.", "Tippe auf Speichern.", "e3"),  # informal alone: no mix
    ]
    found = formality_findings(pairs[:2])
    assert [(f.position, f.severity, f.message) for f in found] == [
        (
            "quote.hint",
            "warning",
            "mixes informal address (Nimm) and formal (Ihre): use one form throughout",
        ),
        (
            "",
            "note",
            "the file addresses the reader informally in 1 entry and formally in 2 entries (the "
            "informal ones: quote.hint): use one form (ltmt qa --formality du or --formality Sie "
            "flags each entry of the other)",
        ),
    ]
    assert formality_findings(pairs[2:]) == []
    assert address_problem(pairs[0].target, pairs[0].source, "formal") == (
        "uses informal address (Nimm) where --formality Sie asks for formal"
    )


@pytest.mark.parametrize("asked", [None, "informal", "formal"])
def test_a_source_s_she_or_they_written_as_du_is_a_warning(asked: Form | None) -> None:
    """Trial s75: ``She replied to your comment.`` → ``Du antwortete deine Anmerkung.`` (the
    formality steering's) was found by no check; the ``Sie`` of "she" is none."""
    found = formality_findings(
        [
            PairRecord("She replied to your comment.", "Du antwortete deine Anmerkung.", "a"),
            PairRecord("She replied to your comment.", "Sie hat dir geantwortet.", "b"),
        ],
        asked,
    )
    said = [(f.position, f.severity, f.message) for f in found if "source says" in f.message]
    assert said == [
        (
            "a",
            "warning",
            "starts with 'Du' where the source says 'She': she or they is 'sie' (no address of "
            "the reader); write the third person",
        )
    ]


@pytest.mark.parametrize(
    ("asked", "problem"),
    [
        ("formal", "uses informal address (Klick) where --formality Sie asks for formal"),
        (None, "mixes informal address (Klick) and formal (Ihre): use one form throughout"),
    ],
)
def test_a_click_command_s_du_imperative_beside_ihre_is_found(asked, problem):
    """WordPress trial s76: 'Klick Save, um Ihre Änderungen zu speichern.' passed qa."""
    source, target = (
        "Click Save to store your changes.",
        "Klick Save, um Ihre Änderungen zu speichern.",
    )
    records = [PairRecord(source, target, "de.txt:1")]
    assert [finding.message for finding in formality_findings(records, asked)][:1] == [problem]


def test_an_adversarial_stem_is_umlauted_in_linear_time():
    assert _umlauted("lad") == "läd"
    assert _umlauted("lauf") == "läuf"
    assert _umlauted("klick") == "klick"
    assert _umlauted("a" * 100_000 + "b").endswith("äb")
