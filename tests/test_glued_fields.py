import time

import pytest

from ltmt.glued_fields import Glue, spaced_fields


@pytest.mark.parametrize(
    ("line", "seen", "fields"),
    [
        # WordPress's link wrapper (a trial, session 76)
        (
            "I agree to the %1$sterms of service%2$s.",
            "I agree to the %1$s terms of service %2$s.",
            (("%1$s", 0, "after"), ("%2$s", 0, "before")),
        ),
        (
            "Open the %ssettings page%s.",
            "Open the %s settings page %s.",
            (("%s", 0, "after"), ("%s", 1, "before")),
        ),
        (
            "Click {0}here{1} now",
            "Click {0} here {1} now",
            (("{0}", 0, "after"), ("{1}", 0, "before")),
        ),
        ("Delete %1$dfiles?", "Delete %1$d files?", (("%1$d", 0, "after"),)),
        ("Hello %{name}there", "Hello %{name} there", (("%{name}", 0, "after"),)),
        # as written: a number's unit, one letter, a space already, a tag, a percent sign
        ("Width: %dpx, %dms, %.1fkm", "Width: %dpx, %dms, %.1fkm", ()),
        ("Resize to %dx%d", "Resize to %dx%d", ()),
        ("%ss profile", "%ss profile", ()),
        ("Open %s now", "Open %s now", ()),
        ("Read <b>this</b> now", "Read <b>this</b> now", ()),
        ("Save 10%%off", "Save 10%%off", ()),
        ("No fields here", "No fields here", ()),
    ],
)
def test_fields_glued_to_a_word_are_spaced_for_the_model(line, seen, fields):
    assert spaced_fields(line) == (seen, Glue(fields))


@pytest.mark.parametrize(
    ("line", "translation", "expected"),
    [
        (
            "I agree to the %1$sterms of service%2$s.",
            "Ich stimme den %1$s Nutzungsbedingungen %2$s zu.",
            "Ich stimme den %1$sNutzungsbedingungen%2$s zu.",
        ),
        (  # the model moved the fields: they touch the words they wrap all the same
            "Read our %1$sprivacy policy%2$s before booking.",
            "%1$s Datenschutz %2$s vor der Buchung lesen.",
            "%1$sDatenschutz%2$s vor der Buchung lesen.",
        ),
        (  # the model glued them itself
            "Read our %1$sprivacy policy%2$s.",
            "Lesen Sie unsere %1$sDatenschutzerkl\u00e4rung%2$s.",
            "Lesen Sie unsere %1$sDatenschutzerkl\u00e4rung%2$s.",
        ),
        (  # a field of a text twice: each by its number
            "Open the %ssettings page%s.",
            "\u00d6ffnen Sie die %s Einstellungen %s.",
            "\u00d6ffnen Sie die %sEinstellungen%s.",
        ),
        (  # no word on the glued side: nothing to glue to
            "Click {0}here{1} now",
            "Jetzt {0} , {1} klicken",
            "Jetzt {0} , {1} klicken",
        ),
        (  # a number beside it is no word it wrapped
            "Delete %1$dfiles?",
            "%1$d 3 Dateien l\u00f6schen?",
            "%1$d 3 Dateien l\u00f6schen?",
        ),
    ],
)
def test_the_translation_gets_the_fields_glued_again(line, translation, expected):
    _, glue = spaced_fields(line)
    assert glue.glued_again(translation) == expected


def test_a_line_with_no_glued_field_comes_back_as_translated():
    assert Glue().glued_again("Ein %s Satz") == "Ein %s Satz"


@pytest.mark.parametrize(
    "line",
    [
        "a" + " " * 20000 + "b%s",
        "%s" + "a" * 20000,
        "a" * 20000 + "%s",
        "%sab" * 2000,
        "word%s " * 2000,
    ],
)
def test_long_adversarial_lines_take_no_time(line):
    start = time.perf_counter()
    spaced, glue = spaced_fields(line)
    glue.glued_again(spaced)
    assert time.perf_counter() - start < 5
