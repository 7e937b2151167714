"""qa's negation check: a source that says no whose translation says it nowhere."""

from __future__ import annotations

import pytest

from ltmt.qa.findings import CHECKS
from ltmt.qa.negation_checks import (
    english_negations,
    lost_negation,
    negation_dropped,
    negation_problems,
    negations_short,
)
from ltmt.qa.pair_checks import PAIR_CHECKS


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        # the medical trial's (session 63): a warning turned into an instruction
        ("Do not reuse.", "Wiederverwenden.", "not"),
        ("Not for injection.", "Zur Injektion.", "Not"),
        ("Never freeze.", "Einfrieren.", "Never"),
        ("Don't shake the vial.", "Die Durchstechflasche schütteln.", "Don't"),
        ("Cannot open the file", "Datei öffnen", "Cannot"),
        ("Store without light", "Mit Licht lagern", "without"),
        # German says it, in whichever of its ways
        ("Do not reuse.", "Nicht wiederverwenden.", None),
        ("No files found", "Keine Dateien gefunden", None),
        ("Never freeze.", "Niemals einfrieren.", None),
        ("Store without light", "Ohne Licht lagern", None),
        ("Smoking is not allowed.", "Rauchen verboten.", None),
        ("The key is not valid.", "Der Schlüssel ist ungültig.", None),
        ("There is no charge.", "Es ist kostenlos.", None),
        ("Could not open %s", "Öffnen von %s fehlgeschlagen", None),
        ("Do not install it unless you are sure.", "Nur installieren, wenn Sie sicher sind.", None),
        # a source without a negation, and negating words that are names or code
        ("Reuse the cup.", "Becher wiederverwenden.", None),
        ("Use --no-color", "--no-color verwenden", None),
        ('Set it to "none"', "Auf »none« setzen", None),
        ("declared NOT NULL", "als NOT NULL deklariert", None),
        ("Run it with -X none", "Mit -X none ausführen", None),
        # an English negation copied amid German words is none (React Native trial, s67)
        ("You have no tasks", "Du hast no Aufgaben", "no"),
        ("No tasks found", "No Aufgaben gefunden", "No"),
        ("Never freeze.", "Never einfrieren.", "Never"),
        # ... but a value or a key's name kept as written is none (regression trial regc,
        # neg.po, session 67): beside yes, or the object of type/answer/press/set
        ("Type no to cancel.", "Geben Sie no ein, um abzubrechen.", None),
        # a value a noun names (regression trial regg, session 67)
        ("The option none hides the bar.", "Die Option none blendet die Leiste aus.", None),
        ("Use the value none to reset.", "Verwenden Sie den Wert none zum Zurücksetzen.", None),
        ("The SQL operator not reverses it.", "Der SQL-Operator not kehrt es um.", None),
        ("Log level none disables logging.", "Die Protokollstufe none deaktiviert es.", None),
        ("The default is no.", "Der Standard ist no.", None),
        ("Answer with yes or no.", "Antworten Sie mit yes oder no.", None),
        ("Press N for no.", "Drücken Sie N für no.", None),
        ("Set it to no to turn it off.", "Setzen Sie es auf no, um es auszuschalten.", None),
        ("Do not type it.", "Tippen Sie es no.", "not"),
        # an untranslated entry is the copied check's
        ("Do not reuse.", "Do not reuse.", None),
        # regression trial, session 63: "no" as "number", and idioms that negate nothing
        ("Order No.", "Bestellnr.", None),
        ("Item no. 4711", "Artikel-Nr. 4711", None),
        ("No. of items", "Anzahl der Elemente", None),
        ("Ref. no. 12345", "Ref.-Nr. 12345", None),
        ("Not only fast but also quiet.", "Sowohl schnell als auch leise.", None),
        ("I can't wait to see it!", "Ich freue mich schon darauf!", None),
        # ... and a "no" that is one still counts
        ("The answer is no.", "Die Antwort ist ja.", "no"),
        ("Not only admins", "Administratoren", "Not"),
        ("The process cannot wait for the lock.", "Der Prozess wartet auf die Sperre.", "cannot"),
        # a limit German says with a bound or a range; a comparison without nicht turns it
        ("Return it no later than 30 days after delivery.", "Spätestens 30 Tage danach.", None),
        ("Use no more than 64 characters.", "8 bis 64 Zeichen verwenden.", None),
        ("No more than 3 tablets a day.", "Mehr als 3 Tabletten pro Tag.", "No"),
        ("must not be larger than %d", "muss größer als %d sein", "not"),
        ("No longer available", "Erhältlich", "No"),
        ("No longer available", "Nicht mehr erhältlich", None),
        # German words whose meaning is a negation
        ("Not applicable", "Entfällt", None),
        ("Not required", "Optional", None),
        ("Works without Wi-Fi.", "Funktioniert auch offline.", None),
        ("Water can't get in.", "Wasserdicht.", None),
        ("BPA-free, no harmful chemicals.", "BPA-frei, frei von schädlichen Chemikalien.", None),
        # a paraphrase the check cannot read is still flagged
        ("Not now", "Später", "Not"),
    ],
)
def test_a_lost_negation_is_found(source: str, target: str, lost: str | None) -> None:
    assert lost_negation(source, target) == lost


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("Do not take this medication if you are pregnant.", ["not"]),
        ("Don't stop, never freeze.", ["Don't", "never"]),
        ("Item No. 5", []),  # a number's No.
        ("Not only fast but safe.", []),
        ("Not only fast.", ["Not"]),  # no but after it: a negation
        ("It is not safe, not only slow, but cheap.", ["not"]),
        ("Open the file.", []),
    ],
)
def test_the_source_s_negating_words_are_those_the_check_reads(
    source: str, said: list[str]
) -> None:
    assert english_negations(source) == said


def test_the_negation_check_says_what_the_source_said() -> None:
    assert negation_problems("Do not reuse.", "Wiederverwenden.", {}) == [
        "the source says 'not' and the translation has no negation (nicht, kein, nie, ohne ...):"
        " check that it does not say the opposite"
    ]


def test_a_negation_in_a_placeholder_is_not_the_source_s() -> None:
    assert negation_problems("Open {not_found}", "{not_found} öffnen", {}) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [  # regression trial regc (neg.po, qa1.po:62), session 67
        ("The <em>not</em> operator negates a condition.", "Der Operator <em>not</em> negiert."),
        (
            "Set <code>debug</code> to <code>no</code>",
            "Setzen Sie <code>debug</code> auf <code>no</code>",
        ),
    ],
)
def test_a_negating_word_alone_in_an_element_is_a_value(source: str, target: str) -> None:
    assert negation_problems(source, target, {}) == []


def test_the_negation_check_is_a_warning_among_the_pair_checks() -> None:
    assert PAIR_CHECKS["negation"] is negation_problems
    assert CHECKS["negation"].severity == "warning"


MORE = (
    "the translation says a negation twice in one clause (nicht ... nicht) and the source once "
    "at most: check that it does not say the opposite"
)


def _lost(word: str) -> str:
    return (
        f"the source says '{word}' and the translation has no negation (nicht, kein, nie, ohne"
        " ...): check that it does not say the opposite"
    )


def _fewer(said: int, words: str) -> str:
    return (
        f"the source says {said} negations ({words}) and the translation fewer: check that it "
        "does not say the opposite"
    )


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # the medical IFU trial's (session 75): weniger is a comparison, no negation
        (
            "Do not use in patients weighing under 10 kg.",
            "Bei Patienten mit weniger als 10 kg.",
            [_lost("not")],
        ),
        (
            "Do not use in patients weighing less than 10 kg.",
            "Patienten wiegen weniger als 10 kg.",
            [_lost("not")],
        ),
        # an un-word that says the source's un-word says no negation
        (
            "Never leave the patient unattended.",
            "Den Patienten noch ungeschlagen.",
            [_lost("Never")],
        ),
        ("Never leave the patient unattended.", "Den Patienten nie unbeaufsichtigt lassen.", []),
        # ... and one where the source has none is one (not told from a lost Never: no alarm)
        ("Never leave the patient alone.", "Den Patienten unbeaufsichtigt lassen.", []),
        ("The key is not valid.", "Der Schlüssel ist ungültig.", []),
        # unless is a negated condition: wenn alone turns it round
        (
            "Sterile unless the package is opened.",
            "Sterile wenn das Paket geöffnet wird.",
            [_lost("unless")],
        ),
        (
            "Sterile unless the package is opened.",
            "Steril, sofern das Paket nicht geöffnet ist.",
            [],
        ),
        ("Sterile unless the package is opened.", "Steril, es sei denn, es ist geöffnet.", []),
        ("Sterile unless the package is opened.", "Steril, außer wenn es geöffnet ist.", []),
        (
            "Do not disconnect unless the clamp is closed.",
            "Nicht trennen, wenn die Klemme zu ist.",
            [_fewer(2, "'not', 'unless'")],
        ),
        (
            "Do not disconnect unless the clamp is closed.",
            "Nicht trennen, wenn die Klemme nicht zu ist.",
            [],
        ),
        ("Do not install it unless you are sure.", "Nur installieren, wenn Sie sicher sind.", []),
        # one negation of two
        (
            "Do not administer without a physician.",
            "Ohne einen Arzt verabreichen.",
            [_fewer(2, "'not', 'without'")],
        ),
        ("Do not administer without a physician.", "Nicht ohne einen Arzt verabreichen.", []),
        ("Do not use without a filter.", "Nur mit einem Filter verwenden.", []),
        ("Neither hot nor cold.", "Weder heiß noch kalt.", []),
        ("Cannot decrypt header, not enough space", "Nicht genug Platz zum Entschlüsseln", []),
        # one negation said twice in a clause, or one the source does not say
        (
            "Do not use before the expiry date.",
            "Lassen Sie nicht vor Ablauf nicht mehr verwenden.",
            [MORE],
        ),
        ("Do not use before the expiry date.", "Nicht vor dem Verfallsdatum verwenden.", []),
        # a negation where the source says none is no warning: German's idioms say many
        (
            "Use only with approved infusion sets.",
            "Nicht mit zugelassenen Infusionssets verwenden.",
            [],
        ),
        (
            "Use only with approved infusion sets.",
            "Nur mit zugelassenen Infusionssets verwenden.",
            [],
        ),
        # what a translation says with a negation, and a list or a clause each saying one
        ("out of memory", "nicht genügend Speicher", []),
        ("Hash Sum mismatch", "Hash-Summe stimmt nicht überein", []),
        (
            "It is not a dir, file, or symlink.",
            "Es ist kein Verzeichnis, keine Datei, kein Symlink.",
            [],
        ),
        ("No explicit nonmembers", "Keine expliziten Nicht-Mitglieder", []),
        ("Last but not least", "Nicht zuletzt", []),
        ("Open the file.", "Datei öffnen.", []),
        ("Do not reuse.", "Do not reuse.", []),  # the copied check's
    ],
)
def test_the_check_counts_the_negations_of_both(source, target, problems):
    assert negation_problems(source, target, {}) == problems


EXCEPT = "Except as set out in Section 4.2, the Provider shall not store Customer Data outside the European Union."
NOTWITHSTANDING = "Notwithstanding the foregoing, the Customer shall not be liable."
ASSIGN = "The Customer may not assign this Agreement without the Provider's consent."
LIMIT = "4.3 The total liability of the Provider shall not exceed EUR 20,000 per claim."


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # the legal trial's (session 75): the exception kept, the main clause's not lost
        (
            EXCEPT,
            "Ausgenommen wie in Ziffer 4.2 festgelegt, speichert der Anbieter Kundendaten "
            "außerhalb der Europäischen Union.",
            [_lost("not")],
        ),
        (
            EXCEPT,
            "3,3 ausgenommen, wie in Ziffer 4.2 der Anbieter Kundendaten außerhalb der "
            "Europäischen Union festgelegt ist.",
            [_lost("not")],
        ),
        (
            EXCEPT,
            "Außer wie in Ziffer 4.2 vorgesehen, speichert der Anbieter Kundendaten außerhalb "
            "der Europäischen Union.",
            [_lost("not")],
        ),
        (NOTWITHSTANDING, "Ungeachtet des Vorstehenden haftet der Kunde.", [_lost("not")]),
        (NOTWITHSTANDING, "Unbeschadet des Vorstehenden haftet der Kunde.", [_lost("not")]),
        (
            ASSIGN,
            "Der Kunde darf diesen Vertrag ohne Zustimmung des Anbieters abtreten.",
            [_fewer(2, "'not', 'without'")],
        ),
        (
            "Regardless of the outcome, the Customer may not terminate.",
            "Unabhängig vom Ergebnis darf der Kunde kündigen.",
            [_lost("not")],
        ),
        # ... and the not kept, or the exception said with a negation
        (
            EXCEPT,
            "Außer wie in Ziffer 4.2 vorgesehen, darf der Anbieter Kundendaten nicht außerhalb "
            "der Europäischen Union speichern.",
            [],
        ),
        (
            EXCEPT,
            "Sofern in Ziffer 4.2 nicht anders festgelegt, speichert der Anbieter keine "
            "Kundendaten außerhalb der Europäischen Union.",
            [],
        ),
        (NOTWITHSTANDING, "Ungeachtet des Vorstehenden haftet der Kunde nicht.", []),
        (
            ASSIGN,
            "Der Kunde darf diesen Vertrag nicht ohne Zustimmung des Anbieters abtreten.",
            [],
        ),
        # a limit said twice across a number (the guard's decode) is flagged, once it is not
        (
            LIMIT,
            "4.3 Die Gesamthaftung des Anbieters darf nicht über 20.000 je Anspruch nicht "
            "übersteigen.",
            [MORE],
        ),
        (
            LIMIT,
            "4.3 Die Gesamthaftung des Anbieters darf EUR 20.000 je Anspruch nicht übersteigen.",
            [],
        ),
    ],
)
def test_an_exception_is_no_negation_and_a_number_ends_no_clause(source, target, problems):
    assert negation_problems(source, target, {}) == problems


@pytest.mark.parametrize(
    ("source", "target", "dropped"),
    [
        ("Do not disconnect unless closed.", "Nicht trennen, wenn zu.", True),  # unless lost
        ("Never freeze.", "Einfrieren.", True),
        ("Do not use before expiry.", "Nicht vor Ablauf nicht verwenden.", False),  # more
        ("Do not reuse.", "Nicht wiederverwenden.", False),
        # one of two kept, no unless lost: only qa's warning
        ("Do not administer without a physician.", "Ohne einen Arzt verabreichen.", False),
        ("Do not freeze and do not shake.", "Einfrieren, aber nicht schütteln.", False),
        # an unless said, the main clause's not lost: only qa's warning
        ("Do not disconnect unless closed.", "Trennen, es sei denn, sie ist zu.", False),
        ("Unless agreed, do not ship.", "Vorbehaltlich einer Vereinbarung versenden.", False),
        # außer alone says no unless (the regression trial's first decode)
        (
            "The app won't start unless you sign in.",
            "Die App wird außer dir ein Zeichen setzen.",
            True,
        ),
        ("Sterile unless opened.", "Steril, außer wenn geöffnet.", False),
    ],
)
def test_the_guard_decodes_again_a_lost_negation_or_unless(source, target, dropped):
    assert negation_dropped(source, target) is dropped


@pytest.mark.parametrize(
    ("source", "target", "short"),
    [
        ("Do not administer without a physician.", "Ohne einen Arzt verabreichen.", 1),
        ("Never freeze.", "Einfrieren.", 1),
        ("Do not reuse.", "Nicht wiederverwenden.", 0),
        ("Do not reuse.", "Nicht nicht wiederverwenden.", 0),  # more is not fewer
        ("Do not reuse.", "Do not reuse.", 0),  # copied: the copied check's
    ],
)
def test_negations_short_says_how_many_fewer(source, target, short):
    assert negations_short(source, target) == short


# the regression trial of the counts (session 75): correct German for UI strings, labels
# and contracts, each flagged before
LICENSEE = "The Licensee shall not, and shall not permit any third party to, copy the Software."
CONTRACT = (
    "The Supplier shall pay 30 (thirty) days after invoice, not later than 60 (sixty) days, "
    "unless the Customer does not object in writing under Section 4.2(c)(ii) and Art. 6(1)(b) "
    "GDPR, and no fee of 1.5% or EUR 1,500 (one thousand five hundred euros) shall apply "
    "without consent."
)
VERTRAG = (
    "Der Lieferant zahlt 30 (dreißig) Tage nach Rechnungsstellung, spätestens nach 60 "
    "(sechzig) Tagen, sofern der Kunde nicht gemäß Abschnitt 4.2(c)(ii) und Art. 6 Abs. 1 lit. "
    "b DSGVO schriftlich widerspricht, und ohne Zustimmung fällt keine Gebühr von 1,5 % oder "
    "1.500 EUR (eintausendfünfhundert Euro) an."
)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Maybe later", "Jetzt nicht"),
        ("Later", "Nicht jetzt"),
        ("Skip for now", "Jetzt nicht"),
        ("You're welcome", "Keine Ursache"),
        ("You're all caught up", "Keine neuen Benachrichtigungen"),
        ("Please keep this window open.", "Bitte schließen Sie dieses Fenster nicht."),
        (
            "Leave blank to keep the current password.",
            "Leer lassen, um das aktuelle Passwort nicht zu ändern.",
        ),
        ("Single use", "Nicht wiederverwenden"),
        ("Only visible to you", "Für andere nicht sichtbar"),
        ("Paste as plain text", "Ohne Formatierung einfügen"),
        ("Store below 25 °C.", "Nicht über 25 °C lagern."),
        ("Do not freeze and do not shake.", "Nicht einfrieren oder schütteln."),
        ("Do not reuse and do not resterilize.", "Nicht wiederverwenden oder resterilisieren."),
        ("Do not bend, do not fold or do not cut.", "Nicht biegen, falten oder schneiden."),
        ("Do not use and do not store wet.", "Keine Nutzung oder Lagerung im Nassen."),
        (
            LICENSEE,
            "Der Lizenznehmer darf die Software weder selbst kopieren noch durch Dritte "
            "kopieren lassen.",
        ),
        (
            "Do not use if the package is damaged or not sealed.",
            "Nicht verwenden, wenn die Verpackung beschädigt oder geöffnet ist.",
        ),
        ("Unless otherwise agreed", "Vorbehaltlich anderweitiger Vereinbarung"),
        (
            "Your subscription renews automatically unless cancelled.",
            "Ihr Abonnement verlängert sich automatisch bis zur Kündigung.",
        ),
        (CONTRACT, VERTRAG),
    ],
)
def test_correct_german_that_says_the_negations_its_own_way_passes(source, target):
    assert negation_problems(source, target, {}) == []


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # the list's negation after the first item, or no list: the first not lost
        (
            "Do not freeze and do not shake.",
            "Einfrieren, aber nicht schütteln.",
            [_fewer(2, "'not', 'not'")],
        ),
        (
            "Do not freeze. Do not shake.",
            "Einfrieren. Nicht schütteln.",
            [_fewer(2, "'not', 'not'")],
        ),
        # an unless without a negating word, the main clause's not lost
        (
            "Unless agreed, the Provider shall not ship.",
            "Vorbehaltlich einer Vereinbarung versendet der Anbieter.",
            [_fewer(2, "'not', 'Unless'")],
        ),
        # bis zur says no unless where the source has none
        ("Do not renew until cancelled.", "Verlängerung bis zur Kündigung.", [_lost("not")]),
        # sofern without a negation turns unless round
        ("Renews unless cancelled.", "Verlängert sich, sofern gekündigt.", [_lost("unless")]),
        # a doubled negation in one clause is still flagged
        ("Do not reuse.", "Nicht nicht wiederverwenden.", [MORE]),
    ],
)
def test_a_negation_lost_beside_the_covering_forms_is_still_flagged(source, target, problems):
    assert negation_problems(source, target, {}) == problems
