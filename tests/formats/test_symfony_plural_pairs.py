"""A Symfony pipe plural imported whole is also stored form by form (as YAML reads it)."""

from __future__ import annotations

from pathlib import Path

from ltmt import Memory
from ltmt.formats.pipe_plurals import symfony_form_pairs
from ltmt.formats.symfony_plural_pairs import with_symfony_forms
from ltmt.segments import PairRecord

ONE = "This value is too long. It should have {{ limit }} character or less."
MANY = "This value is too long. It should have {{ limit }} characters or less."
GERMAN = "Diese Zeichenkette ist zu lang. Sie sollte höchstens {{ limit }} Zeichen haben."

XLIFF = f"""<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="file.ext">
    <body>
      <trans-unit id="2">
        <source>{ONE}|{MANY}</source>
        <target>{GERMAN}|{GERMAN}</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_symfony_plural_is_parted_where_both_sides_have_its_forms() -> None:
    assert symfony_form_pairs(f"{ONE}|{MANY}", f"{GERMAN}|{GERMAN}") == [
        (ONE, GERMAN),
        (MANY, GERMAN),
    ]
    intervals = "{0} No apples|{1} One apple|]1,Inf[ %count% apples"
    german = "{0} Keine Äpfel|{1} Ein Apfel|]1,Inf[ %count% Äpfel"
    assert symfony_form_pairs(intervals, german) == [
        ("No apples", "Keine Äpfel"),
        ("One apple", "Ein Apfel"),
        ("%count% apples", "%count% Äpfel"),
    ]


def test_plain_bars_and_other_numbers_of_forms_stay_one_pair() -> None:
    assert symfony_form_pairs("Home | Shop", "Start | Laden") is None
    assert symfony_form_pairs("Run ls | grep log", "ls | grep log ausführen") is None
    assert symfony_form_pairs(f"{ONE}|{MANY}", GERMAN) is None
    assert symfony_form_pairs("{0} none|]0,Inf[ %count% apples", "{0} keine|%count% Äpfel") is None


def test_the_whole_pair_is_kept_and_its_forms_follow() -> None:
    whole = PairRecord(f"{ONE}|{MANY}", f"{GERMAN}|{GERMAN}", "v.xlf:5", {"id": "2"})
    records = list(with_symfony_forms([whole, PairRecord("Home | Shop", "Start | Laden")]))
    assert [(r.source, r.target, r.metadata.get("plural")) for r in records] == [
        (whole.source, whole.target, None),
        (ONE, GERMAN, 0),
        (MANY, GERMAN, 1),
        ("Home | Shop", "Start | Laden", None),
    ]


def test_an_imported_xliff_plural_is_an_exact_match_whole_and_form_by_form(
    tmp_path: Path,
) -> None:
    path = tmp_path / "validators.de.xlf"
    path.write_text(XLIFF, "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_file("u1", path)
        for source, target in [
            (ONE, GERMAN),
            (MANY, GERMAN),
            (f"{ONE}|{MANY}", f"{GERMAN}|{GERMAN}"),
        ]:
            match = memory.search("u1", source, k=1)[0]
            assert (match.source, match.target) == (source, target)
