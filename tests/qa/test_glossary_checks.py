"""qa's forbidden-term check where the approved target begins the one not to use."""

from __future__ import annotations

import pytest

from ltmt.qa import check_pairs
from ltmt.qa.glossary_checks import forbidden_findings
from ltmt.segments import PairRecord
from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term

FEED_RATE = Term("feed rate", "Vorschub", forbidden=("Vorschubgeschwindigkeit",), gender="m")
OVERRIDE = Term("feed override", "Vorschub-Override", gender="m")
MESSAGE = "'Vorschubgeschwindigkeit' is not to be used for {!r} in the glossary ('Vorschub' is)"


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        # trial s72 tbx: a longer variant deprecated for the shorter one went unnamed
        ("Reduce the feed rate.", "Reduzieren Sie die Vorschubgeschwindigkeit.", True),
        ("Reduce the feed rates.", "Reduzieren Sie die Vorschubgeschwindigkeiten.", True),
        ("The feed rate's limit.", "Die Grenze der Vorschubgeschwindigkeit.", True),
        # its Vorschub was taken for the target's: no finding at all
        (
            "Adjust the feed rate with the feed override.",
            "Passen Sie die Vorschubgeschwindigkeit mit dem Vorschub-Override an.",
            True,
        ),
        # as before: the approved target, and a longer word that translates another one
        ("Reduce the feed rate.", "Reduzieren Sie den Vorschub.", False),
        ("Reduce the feed rates.", "Reduzieren Sie die Vorschübe.", False),
        (
            "Adjust the feed rate with the feed override.",
            "Passen Sie den Vorschub mit dem Vorschub-Override an.",
            False,
        ),
        (
            "Set the feed rate and the speed.",
            "Stellen Sie den Vorschub und die Vorschubgeschwindigkeit ein.",
            False,
        ),
    ],
)
def test_a_deprecated_term_the_approved_target_begins_is_flagged(
    source: str, target: str, flagged: bool
) -> None:
    matcher = TermMatcher([FEED_RATE, OVERRIDE])
    found = forbidden_findings([PairRecord(source, target, "r7.jsonl:1")], matcher)
    written = "feed rates" if "rates" in source else "feed rate"  # as the source writes it
    assert [finding.message for finding in found] == ([MESSAGE.format(written)] if flagged else [])


def test_a_deprecated_term_beside_a_longer_target_that_holds_the_approved_one_is_flagged() -> None:
    """'Not-Halt' inside 'Not-Halt-Taster' rendered 'emergency stop', so its ``Not-Aus`` went
    unnamed."""
    matcher = TermMatcher(
        [
            Term("emergency stop", "Not-Halt", forbidden=("Not-Aus",)),
            Term("emergency stop button", "Not-Halt-Taster"),
        ]
    )
    source = "Press the emergency stop button. The emergency stop does not disconnect it."
    wrong = PairRecord(source, "Drücken Sie den Not-Halt-Taster. Der Not-Aus trennt sie nicht.", "")
    right = PairRecord(
        source, "Drücken Sie den Not-Halt-Taster. Der Not-Halt trennt sie nicht.", ""
    )
    assert [f.message for f in forbidden_findings([wrong, right], matcher)] == [
        "'Not-Aus' is not to be used for 'emergency stop' in the glossary ('Not-Halt' is)"
    ]


def test_a_deprecated_term_inside_the_approved_target_is_still_not_looked_for() -> None:
    """``Pumpe`` in ``Pumpenkopf`` cannot be told apart (as before)."""
    matcher = TermMatcher([Term("pump head", "Pumpenkopf", forbidden=("Pumpe",))])
    record = PairRecord("Clean the pump head.", "Reinigen Sie den Pumpenkopf.", "")
    assert forbidden_findings([record], matcher) == []


@pytest.mark.parametrize(
    ("target", "flagged"),
    [
        # trial s75 legal2: the correct declined forms were flagged, an approved memory too
        ("Der Anbieter handelt nur auf Weisung des Verantwortlichen.", False),
        ("Der Anbieter informiert den Verantwortlichen unverzüglich.", False),
        ("Der Anbieter handelt nur auf Weisung der verantwortlichen Stelle.", True),
        ("Der Anbieter handelt nur auf Weisung der Verantwortlichkeit.", True),
    ],
)
def test_a_declined_form_of_an_adjectives_noun_renders_it(target: str, flagged: bool) -> None:
    records = [PairRecord("The Provider acts on instructions of the Controller.", target, "1", {})]
    glossary = [Term("Controller", "Verantwortlicher", gender="m")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    messages = [f.message for f in report.findings]
    expected = ["'Controller' is 'Verantwortlicher' in the glossary"] if flagged else []
    assert messages == expected


@pytest.mark.parametrize(
    ("source", "target", "missed"),
    [
        # trial s75 legal2: RAHMENVERTRAG was flagged where Rahmenvertrag passed
        ("MASTER SERVICES AGREEMENT", "RAHMENVERTRAG LEISTUNGEN", None),
        ("MASTER AGREEMENTS", "RAHMENVERTRÄGE", None),
        ("The Master Services Agreement", "Der Rahmenvertrag Leistungen", None),  # as before
        ("MASTER AGREEMENT", "RAHMEN-VERTRAG", None),  # as before
        # a word that merely ends in the target's letters is still none ("Leg" is no word)
        ("MASTER AGREEMENT", "LEGVERTRAG", "AGREEMENT"),
        # capitals the source does not write are no rendering, as a whole word's are not
        ("The master agreement", "Der RAHMENVERTRAG", "agreement"),
        ("The master agreement", "Der VERTRAG", "agreement"),
    ],
)
def test_a_compound_in_capitals_carries_its_head_where_the_source_is_in_capitals(
    source: str, target: str, missed: str | None
) -> None:
    records = [PairRecord(source, target, "1", {})]
    glossary = [Term("agreement", "Vertrag", gender="m")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    messages = [f.message for f in report.findings]
    assert messages == ([f"{missed!r} is 'Vertrag' in the glossary"] if missed else [])


@pytest.mark.parametrize(
    ("target", "messages"),
    [
        # pharma trial: a tag inside the trade name made "'Xarelto®' is 'Xarelto®' in the
        # glossary", a false finding whose two sides were equal
        ('Nehmen Sie <g id="1" ctype="italic">Xarelto</g>® mit einer Mahlzeit ein.', []),
        ("Nehmen Sie Xarelto® mit einer Mahlzeit ein.", []),
        # missing: the finding names the term once
        (
            "Nehmen Sie es mit einer Mahlzeit ein.",
            ["the glossary keeps 'Xarelto®' as written: it is missing"],
        ),
    ],
)
def test_a_name_kept_as_written_is_read_without_inline_tags(
    target: str, messages: list[str]
) -> None:
    records = [PairRecord('Take <g id="1" ctype="italic">Xarelto</g>® with food.', target, "1", {})]
    glossary = [Term("Xarelto®", "Xarelto®")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    assert [f.message for f in report.findings] == messages


def test_a_target_in_ung_unlinked_before_a_hyphen_is_a_note_in_german() -> None:
    """Zendesk trial: "Abrechnung-Seite" for "Billing page" passed; German writes its s."""
    from ltmt.qa.glossary_checks import term_findings

    matcher = TermMatcher([Term("Billing", "Abrechnung")])
    records = [
        PairRecord("Open the Billing page.", "Öffnen Sie die Abrechnung-Seite.", "1", {}),
        PairRecord("Open the Billing page.", "Öffnen Sie die Abrechnungs-Seite.", "2", {}),
    ]
    assert [(f.entry, f.message) for f in term_findings(records, matcher, "de")] == [
        (
            0,
            "'Abrechnung-Seite': German links 'Abrechnung' in a compound, write "
            "'Abrechnungs-Seite' ('Billing' is 'Abrechnung' in the glossary)",
        )
    ]


@pytest.mark.parametrize(
    ("target", "messages"),
    [  # pharma trial: qa passed the model's "rivaroxaban" for the glossary's Rivaroxaban
        ("Der Wirkstoff ist rivaroxaban.", ["'rivaroxaban' is 'Rivaroxaban' in the glossary"]),
        ("Der Wirkstoff ist Rivaroxaban.", []),
    ],
)
def test_a_term_that_changes_only_its_case_is_checked_in_its_targets_case(
    target: str, messages: list[str]
) -> None:
    records = [PairRecord("The active substance is rivaroxaban.", target, "1", {})]
    glossary = [Term("rivaroxaban", "Rivaroxaban", case_sensitive=True)]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    assert [f.message for f in report.findings] == messages


@pytest.mark.parametrize(
    ("source", "target", "messages"),
    [  # terminology benchmark s76: the command's "branch" is code, kept as written
        (
            '  (use "git branch --unset-upstream" to fixup)',
            '  (benutzen Sie "git branch --unset-upstream" zum Beheben)',
            [],
        ),
        ("usage: git branch [<options>]", "Verwendung: git branch [<Optionen>]", []),
        (  # the same word in prose is a term
            'Delete the branch with "git branch -d".',
            'Löschen Sie den branch mit "git branch -d".',
            ["'branch' is 'Branch' in the glossary"],
        ),
    ],
)
def test_a_term_in_a_command_line_is_no_glossary_term(
    source: str, target: str, messages: list[str]
) -> None:
    records = [PairRecord(source, target, "1", {})]
    glossary = [Term("branch", "Branch")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    assert [f.message for f in report.findings] == messages


@pytest.mark.parametrize(
    ("target", "flagged"),
    [  # Zendesk trial: "Managing Teammitglieder" passed every check
        ("<h1>Managing Teammitglieder</h1>", True),
        ("<h1>Teammitglieder verwalten</h1>", False),
    ],
)
def test_a_source_written_again_with_only_its_terms_translated_is_flagged(
    target: str, flagged: bool
) -> None:
    records = [PairRecord("<h1>Managing team members</h1>", target, "1", {})]
    glossary = [Term("Team members", "Teammitglieder")]
    report = check_pairs(records, checks=["glossary"], glossary=glossary, language="de")
    said = "the translation is the source as written with only its glossary terms translated"
    assert [f.message for f in report.findings] == ([said] if flagged else [])
