"""qa's ``identifiers`` check: a value under a key of identifiers that a translation writes
otherwise than its source (:mod:`ltmt.qa.changed_identifiers`; trial s77)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.changed_identifiers import changed_identifier_problems

LINES = {
    "lines": [
        {"id": "line:elara_01", "speaker": "Old Miller", "text": "Welcome back!"},
        {"id": "line:0a1b2c", "speaker": "Elara", "text": "The market opens at dawn."},
    ]
}
# the trial's German: both ids translated, a speaker's name too (text: no identifier)
TRANSLATED = {
    "lines": [
        {"id": "Zeile:elara_01", "speaker": "Alt-Hiller", "text": "Willkommen!"},
        {"id": "line:0a1b2c", "speaker": "Elara", "text": "Der Markt öffnet im Morgengrauen."},
    ]
}


def _files(tmp_path: Path, suffix: str, source: str, target: str) -> tuple[Path, Path]:
    en, de = tmp_path / f"en{suffix}", tmp_path / f"de{suffix}"
    en.write_text(source, "utf-8")
    de.write_text(target, "utf-8")
    return en, de


def test_a_json_translations_changed_line_id_is_an_error(tmp_path: Path) -> None:
    en, de = _files(tmp_path, ".json", json.dumps(LINES), json.dumps(TRANSLATED))
    assert changed_identifier_problems(de, en) == [
        FormProblem(
            f"{de}: /lines/0/id",
            "line:elara_01",
            "Zeile:elara_01",
            f"an identifier the program looks its record up by, written otherwise than in {en} "
            "('line:elara_01'): write it as the source does",
            "identifiers",
            no_pair=True,
        )
    ]


def test_a_yaml_translations_changed_id_is_an_error(tmp_path: Path) -> None:
    en, de = _files(
        tmp_path,
        ".yml",
        "quest:\n  quest_id: main_01\n  title: The Old Mill\n",
        "quest:\n  quest_id: haupt_01\n  title: Die alte Mühle\n",
    )
    assert [(p.position, p.source, p.target) for p in changed_identifier_problems(de, en)] == [
        (f"{de}: quest.quest_id", "main_01", "haupt_01")
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (LINES, LINES),  # every id as the source's
        ({"id": "Hello", "text": "Hi"}, {"id": "Hallo", "text": "Hallo"}),  # a word: text
        ({"title": "line:0a1b2c"}, {"title": "Zeile:0a1b2c"}),  # no key of identifiers
    ],
)
def test_no_problem_where_no_identifier_changed(tmp_path: Path, source: dict, target: dict) -> None:
    en, de = _files(tmp_path, ".json", json.dumps(source), json.dumps(target))
    assert changed_identifier_problems(de, en) == []


def test_no_problem_for_a_folder_or_a_file_of_no_keys(tmp_path: Path) -> None:
    en, de = _files(tmp_path, ".txt", "line:0a1b2c\n", "Zeile:0a1b2c\n")
    assert changed_identifier_problems(de, en) == []
    assert changed_identifier_problems(tmp_path, tmp_path) == []
