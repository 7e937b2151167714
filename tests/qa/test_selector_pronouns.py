"""A selector's form for the source's "she" or "they": its ``Sie`` is no formal address."""

from __future__ import annotations

import time

import pytest

from ltmt.qa.selector_pronouns import (
    reader_for_third_person,
    starts_with_subject,
    third_person_written_small,
)

CHOOSE = "{0:choose(1|2):He|She} will forge your sword."
GENDER = (
    "{gender, select, male {He found your key.} female {She found your key.} "
    "other {They found your key.}}"
)


@pytest.mark.parametrize(
    ("source", "target", "written"),
    [
        # trial s74 (unityloc): the choice's "She" form
        (
            CHOOSE,
            "{0:choose(1|2):Er|Sie} schmiedet dein Schwert.",
            "{0:choose(1|2):Er|sie} schmiedet dein Schwert.",
        ),
        (
            "{gender:choose(m|f):He|She} found a key.",
            "{gender:choose(m|f):Er|Sie} hat einen Schlüssel gefunden.",
            "{gender:choose(m|f):Er|sie} hat einen Schlüssel gefunden.",
        ),
        # "Her" as a possessive, "They" in a conditional's form after its condition
        (
            "{g:choose(m|f):His|Her} sword",
            "{g:choose(m|f):Sein|Ihr} Schwert",
            "{g:choose(m|f):Sein|ihr} Schwert",
        ),
        (
            "{n:cond:>1?They are here.|He is here.}",
            "{n:cond:>1?Sie sind da.|Er ist da.}",
            "{n:cond:>1?sie sind da.|Er ist da.}",
        ),
        # an ICU select's branches: "She" and "They", not "He"
        (
            GENDER,
            "{gender, select, male {Er hat deinen Schlüssel gefunden.} female {Sie hat deinen "
            "Schlüssel gefunden.} other {Sie haben deinen Schlüssel gefunden.}}",
            "{gender, select, male {Er hat deinen Schlüssel gefunden.} female {sie hat deinen "
            "Schlüssel gefunden.} other {sie haben deinen Schlüssel gefunden.}}",
        ),
        # a form whose source form says "you" is formal address, as is a Sie elsewhere
        (
            "{0:choose(1|2):He|You} will forge it.",
            "{0:choose(1|2):Er|Sie} schmiedet es.",
            "{0:choose(1|2):Er|Sie} schmiedet es.",
        ),
        (
            "{0:choose(1|2):He|She} will forge it, you know.",
            "{0:choose(1|2):Er|Sie} schmiedet es, wissen Sie.",
            "{0:choose(1|2):Er|sie} schmiedet es, wissen Sie.",
        ),
        (
            "{count, plural, one {You have # file.} other {They have # files.}}",
            "{count, plural, one {Sie haben # Datei.} other {Sie haben # Dateien.}}",
            "{count, plural, one {Sie haben # Datei.} other {sie haben # Dateien.}}",
        ),
        # no selector, or one the translation does not keep: as written
        (
            "She will forge your sword.",
            "Sie schmiedet dein Schwert.",
            "Sie schmiedet dein Schwert.",
        ),
        (CHOOSE, "Sie schmiedet dein Schwert.", "Sie schmiedet dein Schwert."),
        (GENDER, "{gender, select, female {Sie hat ihn.", "{gender, select, female {Sie hat ihn."),
    ],
)
def test_a_form_for_she_or_they_writes_its_sie_small(source, target, written):
    assert third_person_written_small(target, source) == written


@pytest.mark.parametrize(
    "target",
    [
        "{g, select, female {" * 20_000,
        "{0:choose(1|2):" + "Sie|" * 20_000,
        "\u201e" * 50_000 + "Sie",
        "{g, select, " + "x {" * 20_000,
    ],
    ids=["unclosed-heads", "many-forms", "many-quotes", "unclosed-branches"],
)
def test_long_adversarial_input_is_read_in_linear_time(target):
    source = "{g, select, female {She} other {They}} {0:choose(1|2):He|She}" + " " * 50_000
    started = time.perf_counter()
    assert len(third_person_written_small(target, source)) == len(target)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    ("target", "source", "found"),
    [
        # trial s75: under --formality du the steering made "She" the reader
        ("Du antwortete deine Anmerkung.", "She replied to your comment.", ("Du", "She")),
        ("Du hast dein Kommentar beantwortet.", "They replied to your comment.", ("Du", "They")),
        # trial s77: German's passive for the reader the source's sentence addresses
        ("Dein Kommentar wurde beantwortet.", "They replied to your comment.", None),
        ("Du wurdest zu {listName} eingeladen", "They invited you to {listName}", None),
        ("Du bist hier.", "They are here.", ("Du", "They")),
        ("Du bist hier. Du auch.", "They are here. You too.", ("Du", "They")),
        ("Sie antwortete auf deinen Kommentar.", "She replied to your comment.", None),
        ("Du hast geantwortet.", "You replied.", None),
        ("Du hast geantwortet.", "Thanks, she replied.", None),  # not her sentence's start
        (
            "{g, select, female {Du hast geantwortet.} other {Er hat geantwortet.}}",
            "{g, select, female {She replied.} other {He replied.}}",
            ("Du", "She"),
        ),
        (
            "{g, select, female {Sie hat geantwortet.} other {Du hast geantwortet.}}",
            "{g, select, female {She replied.} other {You replied.}}",
            None,
        ),
    ],
)
def test_the_reader_written_for_a_source_s_she_or_they(
    target: str, source: str, found: tuple[str, str] | None
) -> None:
    assert reader_for_third_person(target, source) == found


@pytest.mark.parametrize(
    ("source", "starts"),
    [("She replied.", True), ("  They left", True), ("Then they left", False), ("Shelf", False)],
)
def test_a_source_that_starts_with_she_or_they(source: str, starts: bool) -> None:
    assert starts_with_subject(source) is starts
