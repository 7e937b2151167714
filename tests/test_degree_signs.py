"""A number's degree sign as its source writes it: an angle is no temperature."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltmt.degree_signs import doubled_degree_signs, restore_degrees


@pytest.mark.parametrize(
    ("source", "output", "restored"),
    [
        # XLIFF trial, session 73: the model wrote an angle as a temperature, and the sign
        # twice before an inline code
        (
            "Rotate the image by 90° and confirm with OK.",
            "Das Bild von 90°C bestätigen und bestätigen mit OK.",
            "Das Bild von 90° bestätigen und bestätigen mit OK.",
        ),
        ("90° and confirm with OK.", "90°C und bestätigen mit OK.", "90° und bestätigen mit OK."),
        ("90°</i> and confirm.", "90°°</i> und bestätigen.", "90°</i> und bestätigen."),
        ('90°<x id="2"/> and confirm', "90°°C id=»2«/>« und", "90° id=»2«/>« und"),
        ("Set it to 90°", "Setzen Sie es auf 90°C", "Setzen Sie es auf 90°"),
        # every spelling of a temperature's unit; the angle spaced as the source spaces it
        ("Turn by 90°.", "Um 90 °C drehen.", "Um 90° drehen."),
        ("Turn by 90 °.", "Um 90°F drehen.", "Um 90 ° drehen."),
        ("Turn by 90°.", "Um 90° C drehen.", "Um 90° drehen."),
        ("Turn by 90°.", "Um 90\u2103 drehen.", "Um 90° drehen."),
        ("Turn by 90°.", "Um 90° Celsius drehen.", "Um 90° drehen."),
        ("Tilt by 22.5°.", "Um 22,5°C kippen.", "Um 22,5° kippen."),
        ("Turn by 90° twice: 90°, 90°.", "Zweimal 90°C: 90°C, 90°.", "Zweimal 90°: 90°, 90°."),
        # a number the source writes as a temperature and as an angle: read in order where the
        # output writes it as often, else left alone (which is the angle?)
        (
            "Heat to 90 °C, then turn the lid by 90°.",
            "Auf 90 °C erhitzen, dann den Deckel um 90°C drehen.",
            "Auf 90 °C erhitzen, dann den Deckel um 90° drehen.",
        ),
        (
            "Heat to 90 °C, then turn the lid by 90°.",
            "Mit 90 Grad °C, dann den Deckel um 90°C.",
            "Mit 90 Grad °C, dann den Deckel um 90°C.",
        ),
        # temperatures stay as written
        ("Keep at 20 °C.", "Bei 20 °C lagern.", "Bei 20 °C lagern."),
        ("Keep at 20°C.", "Bei 20°C lagern.", "Bei 20°C lagern."),
        ("Heat to 68 °F.", "Auf 68 °F erhitzen.", "Auf 68 °F erhitzen."),
        ("Keep at 20 °C, turn by 90°.", "Bei 20 °C, um 90° drehen.", "Bei 20 °C, um 90° drehen."),
        # not this module's: an angle in words, another number, a letter that begins a word, a
        # source with no degree sign
        ("The angle is 45°.", "Der Winkel ist 45 Grad.", "Der Winkel ist 45 Grad."),
        ("Turn by 90°.", "Um 180°C drehen.", "Um 180°C drehen."),
        ("Open 90° Fenster", "90° Fenster öffnen", "90° Fenster öffnen"),
        ("It was 21 degrees", "Es waren 21 °C", "Es waren 21 °C"),
        ("Keep 5°C", "Bei 5°°C", "Bei 5°C"),  # but a sign written twice is one
        ("Ice: 0°°C, as written", "Eis: 0°°C, wie geschrieben", "Eis: 0°°C, wie geschrieben"),
        ("", "", ""),
    ],
)
def test_an_angle_is_written_back_as_the_source_writes_it(source, output, restored):
    assert restore_degrees(source, output) == restored


@pytest.mark.parametrize(
    ("source", "output", "doubled"),
    [
        ("90°</i> and confirm.", "90°°</i> und bestätigen.", ["90°°"]),
        ("Turn by 90°", "Um 90 °°°C drehen", ["90 °°°"]),
        ("Turn by 90°", "Um °° drehen", ["°°"]),
        ("Turn by 90°", "Um 90° drehen", []),
        ("Ice: 0°°C", "Eis: 0°°C", []),  # as the source writes it
    ],
)
def test_a_run_of_degree_signs_the_source_lacks_is_found(source, output, doubled):
    assert doubled_degree_signs(source, output) == doubled


@given(st.text(alphabet="9 .,°CFx\u2103", max_size=40))
def test_an_output_as_the_source_writes_it_keeps_its_degrees(text):
    assert restore_degrees(text, text) == text
    assert doubled_degree_signs(text, text) == []


@given(st.text(alphabet="9 .,°CFx\u2103", max_size=40), st.text(alphabet="9 .,°CFx", max_size=40))
def test_a_restored_output_changes_only_degree_signs_and_their_units(source, output):
    restored = restore_degrees(source, output)
    assert restored.replace("°", "").replace(" ", "") in output.replace("°", "").replace(" ", "")
    assert doubled_degree_signs(source, restored) == []


_ADVERSARIAL = {
    "decimals": "1." * 50_000 + "°",
    "commas": "1," * 50_000 + "x°",
    "digits": "9" * 200_000 + "x°",
    "spaced numbers": "1 " * 50_000 + "°",
    "signs": "°" * 50_000,
    "angles": "1°" * 20_000,
    "temperatures": "1 °C" * 20_000,
    "signs and spaces": "° " * 50_000 + "C",
    "narrow spaces": "1" + "\u202f" * 50_000 + "°",
}


@pytest.mark.parametrize("text", list(_ADVERSARIAL.values()), ids=list(_ADVERSARIAL))
def test_long_adversarial_input_is_read_in_linear_time(text):
    started = time.monotonic()
    restore_degrees(text.replace("C", ""), text)
    restore_degrees(text, text.replace("°", "°C"))
    doubled_degree_signs("", text)
    assert time.monotonic() - started < 10
