"""eval/paired_tags_placement.py: the words a placement put in beyond the translation's, and the
two checkouts' placement of recorded cases."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from test_bench_encryption import load_script

from ltmt.formats.paired_tags import strip_pairs

EVAL = Path(__file__).parents[2] / "eval"


def test_the_words_put_in_are_those_beyond_the_translations_tags_left_out() -> None:
    script = load_script(EVAL / "paired_tags_placement.py")
    translation = "Zusätzliche Privatsphäre durch die Wahl."
    repeated = "Zusätzliche <a>Überflüssige Privatsphäre</a> Privatsphäre durch die Wahl."
    assert script._added_words(translation, repeated) == {"Überflüssige": 1, "Privatsphäre": 1}
    placed = 'Zusätzliche <a href="/p">Privatsphäre</a> durch die Wahl.'
    assert not script._added_words(translation, placed)
    cases = [{"translation": translation}] * 2
    assert script._summary(cases, [repeated, placed]) == {
        "messages_with_words_added": 1,
        "words_added": 2,
    }


def test_recorded_cases_are_placed_by_a_checkouts_place_pairs(tmp_path: Path) -> None:
    script = load_script(EVAL / "paired_tags_placement.py")
    paired = strip_pairs('Get <a href="/p">extra privacy</a> now.')
    assert paired is not None
    case = {
        "text": paired.text,
        "pairs": [dataclasses.asdict(pair) for pair in paired.pairs],
        "translation": "Jetzt zusätzliche Privatsphäre holen.",
        "inner": ["Überflüssige Privatsphäre"],
    }
    recorded = tmp_path / "cases.jsonl"
    recorded.write_text(json.dumps(case) + "\n", "utf-8")
    done = script.run_in_checkout(script.REPO, script.PLACE, str(recorded))
    assert json.loads(done.stdout) == ['Jetzt zusätzliche <a href="/p">Privatsphäre</a> holen.']


def test_only_the_fluent_files_with_a_paired_element_are_copied(tmp_path: Path) -> None:
    trial = load_script(EVAL / "paired_tags_trial.py")
    source = tmp_path / "en-US" / "browser"
    source.mkdir(parents=True)
    (source / "a.ftl").write_text('go = Go <a data-l10n-name="x">home</a>\n', "utf-8")
    (source / "b.ftl").write_text("stay = Stay here\n", "utf-8")
    copied = tmp_path / "copied"
    assert trial.copy_files_with_pairs(tmp_path / "en-US", copied) == 1
    assert [p.relative_to(copied).as_posix() for p in copied.rglob("*.ftl")] == ["browser/a.ftl"]
