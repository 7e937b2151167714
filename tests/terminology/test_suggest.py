"""Terms learnt from a memory: consistent pairs are found with their evidence, others are not."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.terminology.suggest import SuggestConfig, suggest_terms

MEMORY = [
    ("Push to the repository", "In das Depot übertragen"),
    ("The repository is empty", "Das Depot ist leer"),
    ("Clone a repository", "Ein Depot klonen"),
    ("Two repositories found", "Zwei Depots gefunden"),  # plural and inflection count
    ("Delete the branch", "Den Zweig löschen"),
    ("The branch is gone", "Der Ast ist weg"),
    ("Rename a branch", "Eine Abzweigung umbenennen"),
    ("Show the branch %s", "Den Zweig %s anzeigen"),
    ("Open the file", "Datei öffnen"),
    ("The file is empty", "Die Datei ist leer"),
    ("Save all files", "Alle Dateien speichern"),
]


def test_consistent_terms_are_found_with_evidence():
    found = {s.source: s for s in suggest_terms(MEMORY)}
    assert found["repository"].target == "Depot"
    assert (found["repository"].agreeing, found["repository"].segments) == (4, 4)
    assert found["file"].target == "Datei"
    assert found["file"].consistency == 1.0
    assert found["repository"].to_dict()["consistency"] == 1.0


def test_an_inconsistent_term_is_not_proposed():
    found = {s.source for s in suggest_terms(MEMORY)}
    assert "branch" not in found  # Zweig / Ast / Abzweigung: 2 of 4 agree
    loose = {s.source for s in suggest_terms(MEMORY, SuggestConfig(min_consistency=0.5))}
    assert "branch" in loose


def test_rare_phrases_need_evidence():
    assert suggest_terms(MEMORY[:2]) == []
    with pytest.raises(ConfigError, match="min_consistency must be in"):
        SuggestConfig(min_consistency=1.5)
