"""``ltmt translate`` with a memory store that does not exist (a mistyped LTMT_HOME, a CI cache
not restored) or without a record of its output: the hint names the store, ``--strict`` fails
(trial s73)."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture
def updated(tiny_model_dir, tmp_path, run_ltmt, monkeypatch):
    """An output ltmt wrote for user bot with the store ``store``, whose English changed since;
    returns (the translate arguments without a store, the output, its text)."""
    from ltmt.paths import ENV_CACHE

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text('{"save": "Save your changes"}', "utf-8")
    store = str(tmp_path / "store")
    code, _, err = run_ltmt(
        "memory", "add", "--user", "bot", "--source", "Save", "--target", "Speichern",
        "--memory-dir", store,
    )  # fmt: skip
    assert code == 0, err
    args = ["translate", str(source), "-o", str(output), "--user", "bot"]
    args += ["--model", str(tiny_model_dir), "--beam", "1"]
    code, _, err = run_ltmt(*args, "--memory-dir", store)
    assert code == 0, err
    source.write_text('{"save": "Delete all your data"}', "utf-8")
    return args, output, output.read_text("utf-8")


def test_the_no_record_hint_names_a_missing_store_not_the_user(updated, tmp_path, run_ltmt, caplog):
    args, output, before = updated
    typo = tmp_path / "store-typo"
    caplog.clear()
    code, _, err = run_ltmt(*args, "--memory-dir", str(typo))
    assert code == 0, err  # without --strict, as before: kept, exit 0
    assert output.read_text("utf-8") == before
    assert f"no memory store at {typo}" in err
    assert caplog.messages == [
        f"{output}: no record for user bot of what ltmt wrote into this file with the memory "
        f"store at {typo}, which does not exist (check --memory-dir or LTMT_HOME), so strings "
        "whose source changed cannot be told: 1 translation kept as it is"
    ]
    assert "check --user" not in err


def test_strict_fails_before_translating_when_the_store_does_not_exist(updated, tmp_path, run_ltmt):
    args, output, before = updated
    typo = tmp_path / "store-typo"
    code, _, err = run_ltmt(*args, "--memory-dir", str(typo), "--strict")
    assert code == 1
    assert err.strip().splitlines() == [
        f"ltmt: error: --strict: no memory store at {typo}: check --memory-dir or LTMT_HOME "
        "(a store is made by 'ltmt memory import', 'ltmt memory add' or --learn); nothing "
        "was translated"
    ]
    assert output.read_text("utf-8") == before
    assert not typo.exists()


def test_strict_fails_when_translations_were_kept_without_a_record(updated, tmp_path, run_ltmt):
    args, output, before = updated
    shutil.rmtree(tmp_path / "cache")  # a CI runner's empty cache: no record of the output
    code, _, err = run_ltmt(*args, "--memory-dir", str(tmp_path / "store"), "--strict")
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        "ltmt: error: --strict: 1 output kept translations without a record of what ltmt "
        f"wrote there, so those whose source changed could not be told ({output})"
    )
    assert output.read_text("utf-8") == before  # written all the same, as other failures


def test_the_right_store_translates_the_changed_source_again(updated, tmp_path, run_ltmt):
    args, _, _ = updated
    code, _, err = run_ltmt(*args, "--memory-dir", str(tmp_path / "store"))
    assert code == 0, err
    assert "no record" not in err and "no memory store" not in err
    assert "1 translated again: its source changed since it was translated" in err
