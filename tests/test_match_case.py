"""A 100 % match that differs from the input in case: its translation in the input's case."""

from __future__ import annotations

import pytest

from ltmt.match_case import in_capitals_only, recased, same_case_first
from ltmt.segments import Match, Segment


@pytest.mark.parametrize(
    ("text", "source", "target", "expected"),
    [
        # the dev users' 100 % matches of another case
        ("REPLACE", "Replace", "Ersetzen", "ERSETZEN"),
        ("Yes", "YES", "JA", "Ja"),
        ("&Ok", "&OK", "&OK", "&Ok"),
        ("Name", "NAME", "NAME", "Name"),
        ("No", "no", "nein", "Nein"),
        ("&No", "&no", "  &nein", "  &Nein"),
        # the translation's sentence starts elsewhere: as written
        ("Can't open '%s': %s", "can't open '%s': %s", "'%s' kann nicht geöffnet werden: %s",
         "'%s' kann nicht geöffnet werden: %s"),
        ("Not in %s", "not in %s", "%s: nicht darin", "%s: nicht darin"),
        ("Found 3", "found 3", "3 gefunden", "3 gefunden"),
        ("Could not detach HEAD", "could not detach HEAD", "konnte HEAD nicht loslösen",
         "Konnte HEAD nicht loslösen"),
        # several words in capitals, or a small first letter: which are nouns is not known
        ("not found ", "  NOT FOUND", "  NICHT GEFUNDEN", None),
        ("name", "NAME", "NAME", None),
        # a capital the source lacked stays where the German line starts with a noun
        ("priority", "Priority", "Priorität", "Priorität"),
        ("please stage your changes", "Please stage your changes", "Bitte merken Sie ...",
         "Bitte merken Sie ..."),
        # German has no title case; a translation already in small letters stays
        ("Open File", "Open file", "Datei öffnen", "Datei öffnen"),
        ("Name", "NAME", "Name", "Name"),
        # placeholders keep their case, in capitals too; the same case is as stored
        ("CANNOT OPEN %s", "cannot open %s", "%s kann nicht geöffnet werden",
         "%s KANN NICHT GEÖFFNET WERDEN"),
        ("Größe", "Größe", "Size", "Size"),
        ("STRASSE", "Strasse", "Straße", "STRASSE"),
        ("%s", "%s", "%s", "%s"),
    ],
)  # fmt: skip
def test_a_stored_translation_takes_the_inputs_case_where_it_can_be_told(
    text, source, target, expected
):
    assert recased(text, source, target) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("YES", True), ("OK %s", True), ("A", False), ("Yes", False), ("%S", False), ("42", False)],
)
def test_capitals_only_means_no_small_letter_and_two_capitals(text, expected):
    assert in_capitals_only(text) is expected


def _match(source, target, id_):
    return Match(Segment(id_, "u1", source, target, 0.0, "test"), 100.0)


def test_matches_of_the_inputs_own_case_come_first_in_their_order():
    shouted, plain, other = _match("YES", "JA", 1), _match("Yes", "Ja", 2), _match("yes", "ja", 3)
    assert same_case_first("Yes", [shouted, other, plain]) == [plain, shouted, other]
