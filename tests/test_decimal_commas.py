import pytest

from ltmt.decimal_commas import (
    german_decimal_commas,
    measured_decimals,
    writes_decimal_comma,
    writes_decimal_point,
)


@pytest.mark.parametrize(
    ("line", "quantities"),
    [
        ("Set the rate to 0.1 mL/h.", ["0.1"]),
        ("Keep below 37.5 °C and ±0.5 mm.", ["37.5", "0.5"]),
        ("It costs $0.99, or 4.25% more.", ["0.99", "4.25"]),
        ("2.5x faster", ["2.5"]),
        # a version, a time, a reference, an IP, a code, a format: no quantity
        ("Python 3.11 at 10.30, see Section 4.2", []),
        ("Connect to 192.168.0.1 (v2.3, A1.2, x=1.5, %1.2f, {0:0.00}) 2.3.1 MB", []),
    ],
)
def test_measured_decimals_are_quantities_written_with_an_english_decimal_point(line, quantities):
    assert [found.group() for found in measured_decimals(line)] == quantities


@pytest.mark.parametrize(
    ("source", "output", "written"),
    [
        # a medical-device trial (session 74): the model copies the point, qa then warns
        ("Set the rate to 0.1 mL/h.", "Rate auf 0.1 mL/h setzen.", "Rate auf 0,1 mL/h setzen."),
        ("The device weighs 1.25 kg.", "Das Gerät wiegt 1.25 kg.", "Das Gerät wiegt 1,25 kg."),
        ("Tolerance: ±0.5 mm", "Toleranz: ±0.5 mm", "Toleranz: ±0,5 mm"),
        ("Only $0.99!", "Nur 0.99 $!", "Nur 0,99 $!"),
        # German's comma already: unchanged
        ("Store below 37.5 °C.", "Unter 37,5 °C lagern.", "Unter 37,5 °C lagern."),
        # a version beside a size: only the measured one
        (
            "Version 2.5 needs 2.5 MB.",
            "Version 2.5 braucht 2.5 MB.",
            "Version 2.5 braucht 2,5 MB.",
        ),
        # a number the output writes with no unit beside it is left
        ("It weighs 1.25 kg.", "Gewicht: 1.25", "Gewicht: 1.25"),
        # no quantity in the source: a version stays
        ("Requires version 2.4.", "Erfordert Version 2.4.", "Erfordert Version 2.4."),
        # the source written again (left in English): qa's copied check says it
        ("Max. 2.5 kg load", "Max. 2.5 kg load", "Max. 2.5 kg load"),
        # a number of the output's own that the source has not: not the repair's
        ("Weighs 1.25 kg.", "Wiegt 1.5 kg.", "Wiegt 1.5 kg."),
    ],
)
def test_german_decimal_commas_writes_the_sources_quantities_with_a_comma(source, output, written):
    assert german_decimal_commas(source, output) == written


@pytest.mark.parametrize(
    ("language", "comma", "point"),
    [
        ("de", True, False),
        ("de-AT", True, False),
        ("de_DE", True, False),
        ("de-CH", False, True),
        ("de_li", False, True),
        ("fr", False, False),
        (None, False, False),
        ("", False, False),
    ],
)
def test_which_languages_mark_decimals_with_a_comma(language, comma, point):
    assert writes_decimal_comma(language) is comma
    assert writes_decimal_point(language) is point


def test_a_long_run_of_digits_and_points_is_read_in_linear_time():
    line = "1." * 50_000 + " kg"
    assert german_decimal_commas(line, line + " x") == line + " x"
