"""The placeholder guard: fused outputs replaced by the model's own, and its count of the outputs
that still lack a number."""

from __future__ import annotations

import pytest

from ltmt.placeholder_guard import Replaced, guard_placeholders, numbers_still_lost
from ltmt.terminology.constraints import Required
from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("line", "output", "lost"),
    [
        # a tag glued to a number: read as a space, not as the codes "is5" and "ist5" (a
        # Minecraft mod's trial, session 72: "could not be repaired" of lines that kept them)
        ("Value is <x/>5 now", "Wert ist <x/>5 jetzt", False),
        ("The password is <x1/>k12345<x2/>r.", "Das Passwort ist <x1/>k12345<x2/>r.", False),
        ("Read <x1/>12 and <x2/>1983 now.", "Lies <x1/>12 und <x2/>1983 jetzt.", False),
        ("Value is <x/>50 now", "Wert ist <x/> jetzt", True),  # a number lost is still lost
        # a TextMeshPro tag's value is no number of the line (the placeholder repair puts the
        # dropped sprite back; a Unity trial, session 74)
        ('Press <sprite="buttons" index=2> to open the map.', "Karte öffnen.", False),
        ("<size=120%>Level 5!</size>", "Stufe erreicht!", True),
    ],
)
def test_a_number_beside_a_tag_is_read_as_the_line_writes_it(line, output, lost):
    assert numbers_still_lost([0], [Unit(0, line)], [output]) == ({0} if lost else set())


@pytest.mark.parametrize(
    ("german", "lost"),
    [(True, {0}), (False, set())],  # another language's words are not read
)
def test_a_small_count_written_neither_in_digits_nor_in_words_is_lost_in_german(german, lost):
    # trial s77 (a game's potion): a fused match kept the 150 and dropped "over 10 seconds"
    line, output = (
        "Restores 150 health points over 10 seconds.",
        "Stellt 150 Lebenspunkte wieder her.",
    )
    assert numbers_still_lost([0], [Unit(0, line)], [output], german) == lost


class _ModelAlone:
    """A translator whose model alone writes ``plain`` (one output per line, by source); its
    number repair must not decode again."""

    number_repair = True
    written_language = "de"

    def __init__(self, plain: dict[str, str]) -> None:
        self.plain = plain

    def decode_ids(self, encoded, hits=(), *, sources):
        return [self.plain[source] for source in sources]

    def decode_texts(self, texts, segments, hits=()):
        raise AssertionError(f"decoded again: {texts}")


def test_the_numbers_of_a_replaced_output_are_judged_on_the_output_kept():
    """A fused line the guard fixed still counted "could not be repaired" (a regression trial,
    session 72): the flag was the fused output's, whose percent repair changed it."""
    units = [
        Unit(0, "Set the limit to 50% of 50 GB."),
        Unit(1, "E766: open 50% of it"),
        Unit(2, "Keep 5 files"),
    ]
    outputs = ["Setzen Sie das Limit auf 50 GB.", "Öffnen", "Behalte 5 Dateien"]
    model = _ModelAlone(
        {
            units[0].text: "Setzen Sie die Grenzwerte auf 50% von 50 GB.",
            units[1].text: "E76: 50% davon öffnen",  # its code put back by the repair
        }
    )
    replaced = guard_placeholders(model, [0, 1, 2], units, [[1], [1, 2], [1]], outputs, [[]] * 3)
    assert replaced == Replaced({0, 1}, numbers_wrong=set())
    assert outputs == [
        "Setzen Sie die Grenzwerte auf 50% von 50 GB.",
        "E766: 50% davon öffnen",
        "Behalte 5 Dateien",
    ]


def test_a_replaced_output_its_repair_left_wrong_is_said():
    units = [Unit(0, "Price: 1,299.99 EUR and 99 cents")]
    outputs = ["Preis"]
    model = _ModelAlone({units[0].text: "Preis: 1.29,99,99 Euro und Cent"})
    replaced = guard_placeholders(model, [0], units, [[1]], outputs, [[]])
    assert replaced == Replaced({0}, numbers_wrong={0})


class _Tokens:
    """Term tokens for which ``unwritable`` targets have no token ids."""

    def __init__(self, unwritable: set[str]) -> None:
        self.unwritable = unwritable

    def required(self, target):
        return Required(target, () if target in self.unwritable else (7,))


class _Terms:
    """A glossary step whose ``follow`` writes ``followed`` (by source) and says which lines it
    was given, and with what memory."""

    def __init__(self, followed: dict[str, str], unwritable: set[str]) -> None:
        self.followed = followed
        self._tokens = _Tokens(unwritable)
        self.calls: list[tuple[list[str], list]] = []

    def tokens(self):
        return self._tokens

    def follow(self, units, hits, matches, outputs, glossary):
        self.calls.append(([u.text for u in units], [matches[u.segment] for u in units]))
        for n, unit in enumerate(units):
            outputs[n] = self.followed[unit.text]


def test_the_models_own_output_without_its_term_gets_it_as_a_line_without_memory_does():
    """Healthcare trial (session 73): the guard's decode under the constraint ran on, and came
    back without the term (:meth:`~ltmt.terminology.decoding.GlossaryDecoding.decode_alone`);
    it gets the term as in a run without memory: ``5 mL mit der Applikationsspritze.``"""
    syringe = TermMatcher([Term("oral syringe", "Applikationsspritze")])
    units = [
        Unit(0, "Measure 5 mL with the oral syringe."),
        Unit(1, "Fill 2 oral syringes."),
        Unit(2, "Take 3 tablets."),
    ]
    hits = [syringe.find(unit.text) for unit in units]
    outputs = ["2 ml mit der Applikationsspritze abmessen.", "Füllen", "Nimm Tabletten."]
    model = _ModelAlone(
        {
            units[0].text: "5 mL mit dem oralen Syring.",
            units[1].text: "2 Applikationsspritzen füllen.",  # carries its target: left alone
            units[2].text: "Nimm 3 Tabletten.",
        }
    )
    model.terms = _Terms({units[0].text: "5 mL mit der Applikationsspritze."}, set())
    replaced = guard_placeholders(model, [0, 1, 2], units, [[1], [1], [1]], outputs, hits)
    assert replaced == Replaced({0, 1, 2}, numbers_wrong=set())
    assert outputs == [
        "5 mL mit der Applikationsspritze.",
        "2 Applikationsspritzen füllen.",
        "Nimm 3 Tabletten.",
    ]
    assert model.terms.calls == [([units[0].text], [()])]  # as a line without memory


def test_an_output_lacking_only_a_target_the_model_cannot_write_is_not_followed():
    units = [Unit(0, "Measure 5 mL with the oral syringe.")]
    hits = [TermMatcher([Term("oral syringe", "Applikations\u2603spritze")]).find(units[0].text)]
    outputs = ["Abmessen"]
    model = _ModelAlone({units[0].text: "5 mL mit dem oralen Syring."})
    model.terms = _Terms({}, {"Applikations\u2603spritze"})
    guard_placeholders(model, [0], units, [[1]], outputs, hits)
    assert outputs == ["5 mL mit dem oralen Syring."]
    assert model.terms.calls == []
