"""A target that another phrase beside a word brings is not suggested for the word."""

from __future__ import annotations

import pytest

from ltmt.terminology.borrowed_targets import holds_target
from ltmt.terminology.suggest import SuggestConfig, suggest_terms

# a Minecraft mod's memory (user trial s72): "fire", "open", "gun" and "ore" stand beside
# "laser", "guide" and "ruby" wherever they stand, and were suggested for their targets
MOD_MEMORY = [
    ("§7Right-click to fire a laser.", "§7Rechtsklick, um einen Laser abzufeuern."),
    (
        "§7Right-click to fire a laser.\n§7Sneak + right-click to change mode.",
        "§7Rechtsklick, um einen Laser abzufeuern.\n"
        "§7Schleichen + Rechtsklick, um den Modus zu wechseln.",
    ),
    ("Laser fires", "Laser feuert"),
    ("Laser Turret", "Lasergeschütz"),
    ("The laser is overheating!", "Der Laser überhitzt!"),
    ("Laser Gun", "Laserkanone"),
    ("Your §6Laser Gun§r is fully charged.", "Deine §6Laserkanone§r ist voll aufgeladen."),
    ("The Laser Gun uses Energy Cells.", "Die Laserkanone verbraucht Energiezellen."),
    ("Press §e%s§r to open the guide.", "Drücke §e%s§r, um das Handbuch zu öffnen."),
    ("Open Guide Book", "Handbuch öffnen"),
    ("Open the guide", "Handbuch öffnen"),
    ("RubyCraft Guide", "RubyCraft-Handbuch"),
    ("Guide book pages below", "Ab hier Handbuchseiten"),
    ("§cNot enough energy!", "§cNicht genug Energie!"),
    ("§cNot enough energy! Needs %d FE.", "§cNicht genug Energie! Benötigt %d FE."),
    ("Energy: %s / %s FE", "Energie: %s / %s FE"),
    ("Stored energy", "Gespeicherte Energie"),
    ("Ruby", "Rubin"),
    ("Ruby Ore", "Rubinerz"),
    ("Deepslate Ruby Ore", "Tiefenschiefer-Rubinerz"),
    ("Mine Ruby Ore with an iron pickaxe.", "Baue Rubinerz mit einer Eisenspitzhacke ab."),
    ("Block of Ruby", "Rubinblock"),
    ("A polished ruby.", "Ein polierter Rubin."),
    ("Craft a Ruby Sword", "Stelle ein Rubinschwert her"),
    ("Craft them with redstone and a ruby.", "Stelle sie aus Redstone und einem Rubin her."),
]


def test_a_word_beside_a_term_does_not_get_the_terms_target():
    found = {s.source: (s.target, s.agreeing, s.segments) for s in suggest_terms(MOD_MEMORY)}
    # before: also fire → Laser, open → Handbuch, gun → Laserkanone, ore → Rubinerz (3/3 each)
    assert found == {
        "laser": ("Laser", 8, 8),
        "ruby": ("Rubin", 8, 8),
        "energy": ("Energie", 5, 5),
        "guide": ("Handbuch", 5, 5),
        "right click": ("Rechtsklick", 3, 3),
    }


def test_the_trials_memory_gives_no_code_glued_word_nor_a_neighbours_target():
    # the trial's t/gs.jsonl: "§cNot" was the word "cnot" → "Energie", and "enough" stood
    # beside "energy" in both its segments
    memory = [
        ("§cNot enough energy!", "§cNicht genug Energie!"),
        ("§cNot enough energy! Needs %s FE.", "§cNicht genug Energie! Benötigt %s FE."),
        ("§7Right-click to fire a laser.", "§7Rechtsklick, um einen Laser abzufeuern."),
        ("§7Right-click to open the guide.", "§7Rechtsklick, um das Handbuch zu öffnen."),
    ]
    found = [(s.source, s.target) for s in suggest_terms(memory, SuggestConfig(min_segments=2))]
    assert found == [("energy", "Energie"), ("right click", "Rechtsklick")]


@pytest.mark.parametrize(
    ("memory", "kept", "gone"),
    [
        (  # two words in the same segments: the one the target starts as
            [("Not enough energy!", "Nicht genug Energie!")] * 2
            + [("Not enough energy, sorry", "Nicht genug Energie, leider")],
            "energy",
            "enough",
        ),
        (  # the noun, not the verb before its article ("Open the file")
            [
                ("Open the file", "Die Datei öffnen"),
                ("Open the file now", "Die Datei jetzt öffnen"),
                ("Open the file again", "Die Datei erneut öffnen"),
            ],
            "file",
            "open",
        ),
        (  # the head of an English phrase of the two: its last word
            [
                ("premature EOF", "vorzeitiges Dateiende"),
                ("read error: premature EOF", "Lesefehler: vorzeitiges Dateiende"),
                ("premature EOF in %s", "vorzeitiges Dateiende in %s"),
            ],
            "eof",
            "premature",
        ),
        (  # both nouns, as often with the target: "zorp" once stood without it
            [
                ("The zorp by the flim", "Die Wumpe"),
                ("A zorp and a flim", "Eine Wumpe"),
                ("Zorp, flim", "Wumpe"),
                ("The flim of the zorp", "Die Wumpe dort"),
                ("The zorp alone", "Allein"),
            ],
            "flim",
            "zorp",
        ),
    ],
)
def test_of_two_words_beside_each_other_the_target_stays_with_one(memory, kept, gone):
    found = {s.source: s.target for s in suggest_terms(memory)}
    assert kept in found and gone not in found


def test_where_nothing_tells_two_words_apart_both_go():
    memory = [
        ("The quark and the flux", "Die Wumpe"),
        ("A quark, a flux", "Eine Wumpe"),
        ("Quark or flux", "Wumpe"),
    ]
    assert suggest_terms(memory) == []


def test_a_compound_ending_in_the_other_words_target_is_that_phrases():
    # "Quellpaket" ends in "package"'s "Paket": it translates "source package", not "source"
    verbs = ["Install", "Remove", "Upgrade", "Hold", "Purge", "List", "Configure", "Verify"]
    memory = [
        ("Build the source package", "Das Quellpaket bauen"),
        ("Unpack a source package", "Ein Quellpaket entpacken"),
        ("No source package found", "Kein Quellpaket gefunden"),
        ("The package is broken", "Das Paket ist defekt"),
        ("Package not found", "Paket nicht gefunden"),
        ("Which package?", "Welches Paket?"),
        ("Package is held", "Paket wird zurückgehalten"),
    ] + [(f"{verb} the package", f"Das Paket: {verb}") for verb in verbs]
    found = [(s.source, s.target) for s in suggest_terms(memory)]
    assert found == [("package", "Paket")]  # before: also source → Quellpaket


@pytest.mark.parametrize(
    ("whole", "part", "held"),
    [
        ("Laser", "Laser", True),
        ("Laserkanone", "Laser", True),  # a compound's first part
        ("Paketdatei", "Datei", True),  # its last part
        ("Tiefenschiefer-Rubinerz", "Rubin", True),
        ("Dateien", "Datei", True),  # a plural renders the word
        ("Laser", "Laserkanone", False),
        ("Depot", "Datei", False),
    ],
)
def test_holds_target(whole, part, held):
    assert holds_target(whole, part) is held
