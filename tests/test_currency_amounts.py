"""Amounts of money: found in a line, sent to the model as tags, back in the target language's
form (German: ``1.234,56 $``), else as written."""

from __future__ import annotations

import pytest

from ltmt.currency_amounts import amount_spans, german_number
from ltmt.qa.run import check_pairs
from ltmt.segments import PairRecord
from ltmt.units import LineForms, split_segment

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("line", "amounts"),
    [
        ("It costs €5 or £8.50 today.", ["€5", "£8.50"]),
        ("It costs 5 € or 1.234,50 € now", ["5 €", "1.234,50 €"]),
        ("US$ 20, CHF 1,200 and a $10k budget", ["US$ 20", "CHF 1,200", "$10k"]),
        ("$1.5M, $500K, €2M, $1.2B and $5MM", ["$1.5M", "$500K", "€2M", "$1.2B", "$5MM"]),
        ("$10MB or $5 Million", ["$10", "$5"]),  # no magnitude but a letter of its own
        # a range and a number word: apart as written, one in German's form (below)
        ("From $5-$10, $5 million", ["$5", "$10", "$5"]),
        ("¥300 and 300¥", ["¥300", "300¥"]),
        ("WebExtension: $$9.99 ($$0 back)", ["$$9.99", "$$0"]),  # its "$$" is a "$"
        # not amounts: a shell variable, a sign beside a word, a version, a lone sign
        ("$HOME, 3$x, version 5.2 €uro, pay in €", []),
        # a placeholder for the number: the sign beside it was lost as beside a number
        ("Price: €%1$s per month, only $%.2f", ["€%1$s", "$%.2f"]),
        (
            "Total %(price)s €, {price} € or {{total}} €",
            ["%(price)s €", "{price} €", "{{total}} €"],
        ),
        ("Pay %{amount} €; $COUNT$ is no amount", ["%{amount} €"]),
        # a positional conversion's argument number is none (iOS: "%2$@ (%3$.1f mg)" went to
        # the model as "%<x1/>@ (%<x2/>.1f mg)" and came back "%2$@3$.1f mg)")
        ("Take %1$d of %2$@ (%3$.1f mg), %1$-5d, %1$,d, %1$#@n@", []),
        ("%1$.2f $ or 5$ and %1$@ 5 $", ["%1$.2f $", "5$", "5 $"]),
    ],
)
def test_amounts_are_a_sign_or_code_beside_a_number(line: str, amounts: list[str]) -> None:
    assert [text for _, _, text in amount_spans(line)] == amounts


def test_amounts_go_to_the_model_as_tags_and_come_back_as_written() -> None:
    split = split_segment("It costs €5 or 8 £ today", LineForms(decorations=True))
    assert split.lines == ["It costs <x1/> or <x2/> today"]
    assert split.rebuild(["Es kostet heute <x1/> oder <x2/>"]) == "Es kostet heute €5 oder 8 £"


def test_a_positional_conversion_goes_to_the_model_as_written() -> None:
    line = "Take %1$d tablet(s) of %2$@ (%3$.1f mg)"
    assert split_segment(line, LineForms(decorations=True)).lines == [line]


def test_a_webextension_amount_goes_to_the_model_whole() -> None:
    # "$$9.99" came back "$9,99": a reference to a ninth substitution
    split = split_segment("Upgrade for only $$9.99 a year!", LineForms(decorations=True))
    assert split.lines == ["Upgrade for only <x/> a year!"]
    assert split.rebuild(["Upgrade für nur <x/> pro Jahr!"]) == "Upgrade für nur $$9.99 pro Jahr!"


# (source, what the model writes with the amount's tag, the translation): German writes the
# number in its form and the sign after it with a no-break space (CLDR de, DIN 5008)
GERMAN_AMOUNTS = [
    ("Your balance is $1,234.56.", "Ihr Kontostand beträgt <x/>.", f"1.234,56{NBSP}$"),
    ("A fee of €0.99 applies.", "Es fällt eine Gebühr von <x/> an.", f"0,99{NBSP}€"),
    ("You were charged -$25.00.", "Ihnen wurden -<x/> berechnet.", f"25,00{NBSP}$"),
    ("The price is $49.99 per month.", "Der Preis beträgt <x/> pro Monat.", f"49,99{NBSP}$"),
    ("Pay US$ 20 now.", "Zahlen Sie jetzt <x/>.", f"20{NBSP}US$"),
    ("It costs CHF 12.50.", "Es kostet <x/>.", f"12,50{NBSP}CHF"),
    # English's comma before three digits groups thousands
    ("The total is $1,234.", "Die Summe beträgt <x/>.", f"1.234{NBSP}$"),
    # German has no "k": the thousand written out, as qa reads it (ltmt.qa.amount_magnitudes)
    ("You have a $5k daily limit.", "Sie haben ein Tageslimit von <x/>.", f"5.000{NBSP}$"),
    ("Raised $1.5m so far.", "Bisher <x/> gesammelt.", f"1,5{NBSP}Mio.{NBSP}$"),
    # in capitals too (regression tester, session 71: "$1.5M" came back "1,5 ", its "$M" lost)
    (
        "The startup raised $1.5M in funding.",
        "Das Start-up sammelte <x/> ein.",
        f"1,5{NBSP}Mio.{NBSP}$",
    ),
    ("Revenue grew to $10M this year.", "Der Umsatz stieg auf <x/>.", f"10{NBSP}Mio.{NBSP}$"),
    ("They paid $500K for the domain.", "Sie zahlten <x/> für die Domain.", f"500.000{NBSP}$"),
    ("Salaries start at $80K.", "Gehälter beginnen bei <x/>.", f"80.000{NBSP}$"),
    (
        "Market cap reached $1.2B in 2024.",
        "Der Börsenwert erreichte 2024 <x/>.",
        f"1,2{NBSP}Mrd.{NBSP}$",
    ),
    ("The company is valued at $3B.", "Das Unternehmen ist <x/> wert.", f"3{NBSP}Mrd.{NBSP}$"),
    ("The deal is worth €2M.", "Der Deal ist <x/> wert.", f"2{NBSP}Mio.{NBSP}€"),
    ("A $5MM round.", "Eine Runde von <x/>.", f"5{NBSP}Mio.{NBSP}$"),  # finance's MM
    # a range of one sign: the sign once, after an en dash (Duden, DIN 5008: 5\u201310 €); was
    # "5 $-10 $", which qa read as a minus (regression tester, session 71)
    ("From $5-$10 per user.", "Von <x/> pro Benutzer.", f"5\u201310{NBSP}$"),
    ("Costs $1,000 \u2013 $2,000 per year.", "Kostet <x/> pro Jahr.", f"1.000\u20132.000{NBSP}$"),
    ("Earn $5k-$10k a month.", "Verdienen Sie <x/> im Monat.", f"5.000\u201310.000{NBSP}$"),
    # the second number without a sign of its own (was "1.000 $-2,000")
    ("Costs $1,000-2,000 per year.", "Kostet <x/> pro Jahr.", f"1.000\u20132.000{NBSP}$"),
    (
        "Plans cost $9.99\u201319.99 a month.",
        "Pläne kosten <x/> im Monat.",
        f"9,99\u201319,99{NBSP}$",
    ),
    # a number word after the amount: the word, then the sign (was "5 $ Millionen")
    ("We saved $5 million last year.", "Wir sparten <x/>.", f"5{NBSP}Millionen{NBSP}$"),
    ("We raised $1 million.", "Wir sammelten <x/>.", f"1{NBSP}Million{NBSP}$"),
    ("The fund has $2.5 billion.", "Der Fonds hat <x/>.", f"2,5{NBSP}Milliarden{NBSP}$"),
    ("A $5 thousand bonus.", "Ein Bonus von <x/>.", f"5.000{NBSP}$"),
    # a placeholder for the number stays; the sign goes after it
    ("Price: $%.2f per month", "Preis: <x/> pro Monat", f"%.2f{NBSP}$"),
    ("Price: €%1$s per month", "Preis: <x/> pro Monat", f"%1$s{NBSP}€"),
    # already German's order: the number alone turned, the source's space kept
    ("Total: {price} €", "Gesamt: <x/>", "{price} €"),
    ("Price: %1$s € per month", "Preis: <x/> pro Monat", "%1$s €"),
    ("It costs 0.99 € now.", "Es kostet jetzt <x/>.", "0,99 €"),
    ("It costs 1.234,56 € now.", "Es kostet jetzt <x/>.", "1.234,56 €"),
    # an English source's point is a decimal point, as qa reads it
    ("It costs $1.234 now.", "Es kostet jetzt <x/>.", f"1,234{NBSP}$"),
    ("It costs 1,234 € now.", "Es kostet jetzt <x/>.", "1.234 €"),
]


@pytest.mark.parametrize(("source", "model", "amount"), GERMAN_AMOUNTS)
def test_an_amount_comes_back_as_german_writes_it(source: str, model: str, amount: str) -> None:
    """``$1,234.56`` came back ``$1,234.56`` in German, which reads it as one dollar and some,
    and ``ltmt qa`` warned of it; now ``1.234,56 $``, which qa passes."""
    forms = LineForms(decorations=True, target_language="de")
    split = split_segment(source, forms)
    assert "<x/>" in split.lines[0]
    translation = split.rebuild([model])
    assert translation == model.replace("<x/>", amount)
    findings = check_pairs([PairRecord(source, translation)], language="de").findings
    assert [(f.check, f.message) for f in findings] == []


@pytest.mark.parametrize(
    "line",
    [
        # the l10n training data's 19 sources with a "$ amount" were all code (written as they
        # are by their translators): a register, a parameter, a variable, a shell's argument
        "Only $sp or $15 allowed for this opcode",
        "could not determine data type of parameter $%d",
        "$%s: cannot assign in this way",
        "ldd: option `$1' is ambiguous",
        "with references to ${VARIABLE} replaced",
    ],
)
def test_a_dollar_that_code_writes_comes_back_as_written_in_german(line: str) -> None:
    forms = LineForms(decorations=True, target_language="de")
    assert [text for *_, text in amount_spans(line, "de")] == [
        text for *_, text in amount_spans(line)
    ]
    split = split_segment(line, forms)
    assert split.rebuild(split.lines) == line


def test_an_amount_in_germans_order_whose_number_reads_either_way_comes_back_as_written() -> None:
    """``1.234 €`` may be German's thousand already (an English one and a bit): not turned into
    ``1,234 €`` on a guess; qa says what an English point would mean, for a reviewer to judge."""
    split = split_segment(
        "It costs 1.234 € now.", LineForms(decorations=True, target_language="de")
    )
    translation = split.rebuild(["Es kostet jetzt <x/>."])
    assert translation == "Es kostet jetzt 1.234 €."
    findings = check_pairs([PairRecord("It costs 1.234 € now.", translation)], language="de")
    assert [f.message for f in findings.findings] == [
        "writes 1.234 with the English decimal point, a decimal comma in German: write 1,234"
    ]


@pytest.mark.parametrize("language", ["", "fr", "de-AT", "de-CH", "de_LI"])
def test_an_amount_comes_back_as_written_where_the_language_writes_the_sign_first(
    language: str,
) -> None:
    """Austrian, Swiss and Liechtenstein German write the sign first (CLDR: ``$ 1.234,56``,
    ``$ 1'234.56``), so does English; another language's form is not known here."""
    split = split_segment(
        "Balance: $1,234.56", LineForms(decorations=True, target_language=language)
    )
    assert split.rebuild(["Saldo: <x/>"]) == "Saldo: $1,234.56"


def test_an_amount_written_as_the_source_has_it_is_a_qa_warning_in_german() -> None:
    """What the translation wrote before: the test above would catch it."""
    findings = check_pairs(
        [PairRecord("Your balance is $1,234.56.", "Ihr Kontostand beträgt $1,234.56.")],
        language="de",
    ).findings
    assert [f.message for f in findings] == [
        "writes 1,234.56 with the English thousands separator, a decimal comma in German: "
        "write 1.234,56"
    ]


@pytest.mark.parametrize(
    ("number", "german"),
    [
        ("1,234.56", "1.234,56"),
        ("0.99", "0,99"),
        ("1,234", "1.234"),
        ("1,234,567.00", "1.234.567,00"),
        ("1.234,56", "1.234,56"),  # German's form already
        ("12,50", "12,50"),
        ("1.234", "1,234"),  # an English decimal point
        ("1.234.567", "1.234.567"),  # German's grouping
        ("1 234.50", "1 234,50"),
        ("20", "20"),
    ],
)
def test_german_number(number: str, german: str) -> None:
    assert german_number(number) == german
