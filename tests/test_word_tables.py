"""The word tables ltmt ships: each says how it was made and holds what its name says."""

from __future__ import annotations

from ltmt.word_tables import command_verbs, lowercase_words, target_words


def test_the_table_says_how_it_was_made_and_holds_lower_case_words() -> None:
    import gzip

    from ltmt.word_tables import LOWERCASE_TABLE

    with gzip.open(LOWERCASE_TABLE, "rt", encoding="utf-8") as handle:
        header = [line for line in handle if line.startswith("#")]
    assert "eval/build_lowercase_words.py" in header[1]
    words = lowercase_words()
    assert {"settings", "close", "yes", "queue"} <= words
    assert not {"brian", "james", "david"} & words
    assert all(word == word.lower() for word in words)


def test_the_target_tables_say_how_they_were_made_and_hold_german_words() -> None:
    import gzip

    from ltmt.word_tables import TARGET_TABLES

    with gzip.open(TARGET_TABLES["de"], "rt", encoding="utf-8") as handle:
        header = [line for line in handle if line.startswith("#")]
    assert "eval/build_target_words.py" in header[1]
    words = target_words("de")
    assert words is not None and {"typ", "einstellungen", "ja"} <= words
    assert not {"queue", "forward", "close"} & words
    assert target_words("de_AT") is words and target_words("fr") is None


def test_the_command_verbs_say_how_they_were_made_and_hold_verbs() -> None:
    import gzip

    from ltmt.word_tables import COMMAND_VERBS_TABLE

    with gzip.open(COMMAND_VERBS_TABLE, "rt", encoding="utf-8") as handle:
        header = [line for line in handle if line.startswith("#")]
    assert "eval/build_command_verbs.py" in header[1]
    words = command_verbs()
    assert {"open", "import", "add", "remove", "save", "close", "enter"} <= words
    assert not {"remote", "advanced", "for", "file", "new", "trashing", "all"} & words


def test_english_zipf_knows_the_words_the_training_data_lacks() -> None:
    from ltmt.word_tables import english_zipf

    assert english_zipf("typography") >= 2.9 and english_zipf("wishlist") >= 2.9
    assert "typography" not in lowercase_words()
    assert english_zipf("jira") < 2.5 and english_zipf("trackly") == 0


def test_wordfreq_is_read_on_first_use_not_at_import() -> None:
    import subprocess
    import sys

    code = "import sys, ltmt.units, ltmt.word_tables; print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
