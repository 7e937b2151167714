"""eval/build_german_genders.py: the gender of each noun from the determiners before it."""

from __future__ import annotations

from pathlib import Path

from test_bench_encryption import load_script

SCRIPT = Path(__file__).parents[2] / "eval" / "build_german_genders.py"


def table_of(texts: list[str]) -> dict[str, str]:
    """The script's table of ``texts``, at its default settings."""
    script = load_script(SCRIPT)
    counts = script.with_weak_singulars(script.count_determiners(texts))
    return script.genders(counts, 0.6, 2.0)


def test_a_weak_masculine_noun_takes_the_evidence_of_its_singular_in_en() -> None:
    texts = ["Der Kunde zahlt.", "Ein Kunde kauft.", "Wir fragen einen Kunden."] * 3
    assert table_of(texts)["Kunde"] == "m"  # der and ein alone never decide it


def test_a_feminine_noun_is_not_taken_for_a_weak_one() -> None:
    texts = ["Die Reife zählt.", "Eine Reife."] * 3 + ["Ein Reifen und einen Reifen."] * 3
    assert table_of(texts)["Reife"] == "f"  # ein Reifen: a noun of its own, no case of Reife
    plural = ["Die Seite lädt.", "Eine Seite.", "Den Seiten fehlt etwas."] * 3
    assert table_of(plural)["Seite"] == "f"  # den: a dative plural too, no evidence
