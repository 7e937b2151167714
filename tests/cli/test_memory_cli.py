"""``ltmt memory`` end to end: exit codes 0/1/2, one-line errors, JSON output, atomic import."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.cli import main
from ltmt.memory.freed_pages import COMPACT_NOTE
from ltmt.paths import ENV_CACHE

REPO = Path(__file__).resolve().parents[2]


def ltmt(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ltmt ARGS`` in-process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main.run(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "store")


@pytest.fixture
def pairs_file(tmp_path: Path) -> Path:
    path = tmp_path / "git.jsonl"
    rows = [
        {"source": "Open the file", "target": "Datei öffnen"},
        {"source": "Close the file", "target": "Datei schließen"},
        {"source": "Show all commits", "target": "Alle Commits anzeigen"},
        {"source": "Open the file", "target": "Datei öffnen"},
        {"source": "OK", "target": "This is much too long to be a translation of OK"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_import_search_stats_users_export_delete(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path, tmp_path: Path
) -> None:
    code, out, _ = ltmt(
        capsys, "memory", "import", str(pairs_file), "--user", "git", "--memory-dir", store
    )
    assert code == 0
    assert out == "imported git.jsonl into git: 3 added, 1 duplicate, 1 skipped (1 length ratio)\n"

    code, out, _ = ltmt(
        capsys,
        "memory",
        "search",
        "--user",
        "git",
        "open the files",
        "--json",
        "--memory-dir",
        store,
    )
    assert code == 0
    matches = json.loads(out)
    assert matches[0] == {
        "source": "Open the file",
        "target": "Datei öffnen",
        "score": 96.3,
        "id": 1,
        "context": None,
    }
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)

    code, out, _ = ltmt(
        capsys,
        "memory",
        "search",
        "-u",
        "git",
        "Show all commits",
        "-k",
        "1",
        "--memory-dir",
        store,
    )
    assert (code, out) == (0, "100.00\t3\tShow all commits\tAlle Commits anzeigen\n")
    code, out, err = ltmt(capsys, "memory", "search", "-u", "git", "zzzz", "--memory-dir", store)
    assert (code, out, err) == (0, "", "ltmt: no match for 'zzzz' in git's memory\n")
    code, out, err = ltmt(capsys, "memory", "search", "-u", "git", " ", "--memory-dir", store)
    assert (code, err) == (1, "ltmt: error: TEXT is empty: give the source text to look up\n")

    code, out, _ = ltmt(
        capsys,
        "memory",
        "add",
        "--user",
        "git",
        "--source",
        "Push",
        "--target",
        "Pushen",
        "--memory-dir",
        store,
    )
    assert (code, out) == (0, "added segment 4 of git\n")
    code, out, _ = ltmt(
        capsys,
        "memory",
        "add",
        "-u",
        "git",
        "--source",
        "Push",
        "--target",
        "Pushen",
        "--memory-dir",
        store,
    )
    assert (code, out) == (0, "already stored: segment 4 of git\n")

    code, out, _ = ltmt(capsys, "memory", "stats", "--user", "git", "--json", "--memory-dir", store)
    stats = json.loads(out)
    origins = {str(pairs_file): 3, "cli": 1}
    assert (code, stats["segments"], stats["origins"]) == (0, 4, origins)

    code, out, _ = ltmt(capsys, "memory", "users", "--json", "--memory-dir", store)
    assert (code, json.loads(out)) == (0, [{"user": "git", "segments": 4}])

    exported = tmp_path / "export.jsonl"
    code, out, _ = ltmt(
        capsys,
        "memory",
        "export",
        "--user",
        "git",
        "--output",
        str(exported),
        "--memory-dir",
        store,
    )
    assert (code, out) == (0, f"exported 4 segments of git to {exported}\n")
    assert [json.loads(line)["source"] for line in exported.read_text("utf-8").splitlines()] == [
        "Open the file",
        "Close the file",
        "Show all commits",
        "Push",
    ]

    with Memory(store) as memory:
        memory.glossary("git").add("commit", "Commit")
    code, _, err = ltmt(capsys, "memory", "delete", "--user", "git", "--memory-dir", store)
    # the glossary goes with the memory: said, as the segments are
    assert code == 2 and "'git' (4 segments and 1 glossary term) without --yes" in err
    assert Memory(store).count("git") == 4
    code, out, _ = ltmt(capsys, "memory", "delete", "--user", "git", "--yes", "--memory-dir", store)
    assert (code, out) == (
        0,
        "deleted user git (4 segments and 1 glossary term); revoked 0 API keys; run 'ltmt "
        "memory compact' to remove its text from freed pages\n",
    )
    code, out, _ = ltmt(capsys, "memory", "users", "--memory-dir", store)
    assert (code, out) == (0, "")


def test_malformed_file_writes_nothing(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text('{"source": "a", "target": "b"}\n{"source": "c"}\n', "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(path), "--user", "u1", "--memory-dir", store
    )
    assert (code, out) == (1, "")
    assert (
        err == f"ltmt: error: {path}:2: expected a JSON object with string 'source' and 'target'\n"
    )
    with Memory(store) as memory:
        assert memory.users() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["memory", "search", "--user", "bad user", "x"],
            "ltmt: error: invalid user id 'bad user'",
        ),
        (["memory", "stats", "--user", "nobody"], "ltmt: error: no user 'nobody' in memory store"),
        (
            ["memory", "delete", "--user", "nobody", "--yes"],
            "ltmt: error: no user 'nobody' in memory store",
        ),
        (  # an unknown user is named as one (the API's delete says False for both)
            ["memory", "delete", "--user", "u", "--id", "7"],
            "ltmt: error: no user 'u' in memory store",
        ),
        (
            ["memory", "export", "--user", "nobody", "-o", "x.jsonl"],
            "ltmt: error: no user 'nobody'",
        ),
        (
            ["memory", "import", "missing.tsv", "--user", "u"],
            "ltmt: error: missing.tsv: file not found",
        ),
        (
            ["memory", "add", "-u", "u", "--source", "", "--target", "x"],
            "ltmt: error: cannot add to 'u': the source is empty",
        ),
    ],
)
def test_bad_input_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], store: str, args: list[str], message: str
) -> None:
    Memory(store).close()  # an empty store: the errors are about the input, not the store
    code, _, err = ltmt(capsys, *args, "--memory-dir", store)
    assert code == 1
    assert err.startswith(message)
    assert err.count("\n") == 1 and "Traceback" not in err


def test_search_shows_each_match_s_context_which_tells_its_translations_apart(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    catalog = tmp_path / "de.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Sign in"\nmsgstr "Anmelden"\n\n'
        'msgctxt "button"\nmsgid "Sign in"\nmsgstr "Einloggen"\n\n'
        'msgctxt "page title"\nmsgid "Sign in"\nmsgstr "Anmeldung"\n',
        "utf-8",
    )
    assert ltmt(capsys, "memory", "import", str(catalog), "-u", "u", "--memory-dir", store)[0] == 0
    code, out, _ = ltmt(capsys, "memory", "search", "Sign in", "-u", "u", "--memory-dir", store)
    assert code == 0
    assert sorted(out.splitlines()) == [
        "100.00\t1\tSign in\tAnmelden",
        "100.00\t2\tSign in\tEinloggen\tbutton",
        "100.00\t3\tSign in\tAnmeldung\tpage title",
    ]
    code, out, _ = ltmt(
        capsys, "memory", "search", "Sign in", "-u", "u", "--json", "--memory-dir", store
    )
    assert sorted((m["id"], m["context"]) for m in json.loads(out)) == [
        (1, None),
        (2, "button"),
        (3, "page title"),
    ]


@pytest.mark.parametrize(
    ("options", "written"),
    [
        ([], ('srclang="en"', 'xml:lang="de"')),  # the memory's own
        (["--tgt-lang", "de-AT"], ('srclang="en"', 'xml:lang="de-AT"')),  # a region of it
        # as BCP 47 tags, not as typed (xml:lang="ger", "de_CH" were written)
        (["--tgt-lang", "de_CH", "--src-lang", "EN_us"], ('srclang="en-US"', 'xml:lang="de-CH"')),
        (["--tgt-lang", "ger"], ('srclang="en"', 'xml:lang="de"')),
    ],
)
def test_export_writes_the_memory_s_languages_or_a_region_of_them(
    capsys: pytest.CaptureFixture[str],
    store: str,
    pairs_file: Path,
    tmp_path: Path,
    options: list[str],
    written: tuple[str, str],
) -> None:
    assert (
        ltmt(capsys, "memory", "import", str(pairs_file), "-u", "u", "--memory-dir", store)[0] == 0
    )
    out = tmp_path / "x.tmx"
    code, _, _ = ltmt(
        capsys, "memory", "export", "-u", "u", "-o", str(out), *options, "--memory-dir", store
    )
    assert code == 0
    assert all(attribute in out.read_text("utf-8") for attribute in written)


MIXED_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
o-tmf="x" adminlang="en" srclang="*all*" datatype="plaintext"/><body>
<tu><prop type="x-Context">menu.open</prop><tuv xml:lang="en-US"><seg>Open</seg></tuv>
<tuv xml:lang="de-DE"><seg>Öffnen</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>Colour settings</seg></tuv>
<tuv xml:lang="de-AT"><seg>Farbeinstellungen</seg></tuv></tu></body></tmx>"""


@pytest.mark.parametrize(
    ("options", "header", "sources"),
    [
        # two regions: the language alone for every unit (trial s72: a CAT tool imports a
        # file of mixed codes in part)
        ([], "en", ["en", "en"]),
        (["--src-lang", "en-US"], "en-US", ["en-US", "en-US"]),  # every source tuv the one asked
    ],
)
def test_export_writes_one_source_code_the_one_asked_else_the_language(
    capsys: pytest.CaptureFixture[str],
    store: str,
    tmp_path: Path,
    options: list[str],
    header: str,
    sources: list[str],
) -> None:
    """Regression trial regc, session 68: without --src-lang every source tuv was exported
    ``en``, the en-US and en-GB the file declared lost; they are kept in the memory, but one
    file carries one code per side (trial s72)."""
    (tmp_path / "t1.tmx").write_text(MIXED_TMX, "utf-8")
    assert (
        ltmt(
            capsys, "memory", "import", str(tmp_path / "t1.tmx"), "-u", "u", "--memory-dir", store
        )[0]
        == 0
    )
    out = tmp_path / "x.tmx"
    code, _, _ = ltmt(
        capsys, "memory", "export", "-u", "u", "-o", str(out), *options, "--memory-dir", store
    )
    assert code == 0
    written = out.read_text("utf-8")
    assert f'srclang="{header}"' in written
    found = [line.split('"')[1] for line in written.splitlines() if '<tuv xml:lang="en' in line]
    assert found == sources


def test_languages_imported_as_typed_are_stored_and_exported_as_bcp47_tags(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path, tmp_path: Path
) -> None:
    """``--src-lang en_US --tgt-lang ger`` was stored as typed, and the memory exported with
    ``xml:lang="en_US"``, ``"ger"``, ``source-language="en_US"``."""
    imported = ltmt(
        capsys, "memory", "import", str(pairs_file), "-u", "u", "--memory-dir", store,
        "--src-lang", "en_US", "--tgt-lang", "ger",
    )  # fmt: skip
    assert imported[0] == 0
    assert Memory(Path(store)).languages("u") == ("en-US", "de")
    for name, written in (("x.tmx", 'xml:lang="de"'), ("x.xlf", 'source-language="en-US"')):
        out = tmp_path / name
        assert (
            ltmt(capsys, "memory", "export", "-u", "u", "-o", str(out), "--memory-dir", store)[0]
            == 0
        )
        assert written in out.read_text("utf-8") and "en_US" not in out.read_text("utf-8")


@pytest.mark.parametrize("command", ["import", "export"])
def test_a_language_option_that_is_no_language_code_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path, tmp_path: Path, command: str
) -> None:
    file = str(pairs_file) if command == "import" else ""
    code, _, err = ltmt(
        capsys, "memory", command, *([file] if file else ["-o", str(tmp_path / "x.tmx")]),
        "-u", "u", "--memory-dir", store, "--tgt-lang", "german",
    )  # fmt: skip
    assert code == 2
    assert "'german' is not a language code: give a BCP 47 tag such as de, en-US or de-AT" in err


def test_export_refuses_a_language_that_contradicts_the_memory_s(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path, tmp_path: Path
) -> None:
    assert (
        ltmt(capsys, "memory", "import", str(pairs_file), "-u", "u", "--memory-dir", store)[0] == 0
    )
    out = tmp_path / "x.tmx"
    code, _, err = ltmt(
        capsys,
        "memory",
        "export",
        "-u",
        "u",
        "-o",
        str(out),
        "--src-lang",
        "fr",
        "--memory-dir",
        store,
    )
    assert (code, err) == (
        1,
        "ltmt: error: --src-lang fr is not the language of u's memory, which holds en → de "
        "pairs: leave --src-lang out (it writes en), or give a region of en\n",
    )
    assert not out.exists()


def test_a_po_whose_language_header_is_wrong_is_imported_with_no_language_check(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    store: str,
    tmp_path: Path,
) -> None:
    catalog = tmp_path / "lang-en.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        'msgid "Close the window and save your changes"\n'
        'msgstr "Fenster schließen und Änderungen speichern"\n',
        "utf-8",
    )
    import_it = ("memory", "import", str(catalog), "-u", "p", "--memory-dir", store)
    code, _, err = ltmt(capsys, *import_it)
    assert code == 1
    assert err.startswith(f"ltmt: error: {catalog}: its Language header says en")
    assert err.endswith(
        'fix its header to "Language: de", or import it as en->de anyway with --no-language-check\n'
    )
    code, out, _ = ltmt(capsys, *import_it, "--no-language-check")
    assert (code, out) == (0, "imported lang-en.po into p: 1 added, 0 duplicates, 0 skipped\n")
    assert "its Language header says en; read as en->de pairs, as asked" in caplog.text


def test_an_import_counts_the_entries_it_did_not_read(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, store: str
) -> None:
    """demo.po was "1 added, 0 skipped": its fuzzy entry said in a warning alone, its four
    untranslated ones nowhere, and --json had no field for them."""
    catalog = str(REPO / "tests" / "formats" / "data" / "demo.po")
    import_it = ("memory", "import", catalog, "-u", "u", "--memory-dir", store)
    code, out, _ = ltmt(capsys, *import_it)
    assert (code, out) == (
        0,
        "imported demo.po into u: 1 added, 0 duplicates, 0 skipped; not read: 1 fuzzy, "
        "1 obsolete, 4 untranslated\n",
    )
    assert "not read" not in caplog.text  # said once
    code, out, _ = ltmt(capsys, *import_it, "--json")
    assert json.loads(out)["not_read"] == {"fuzzy": 1, "obsolete": 1, "untranslated": 4}


# a Unity string table export: only menu.play has its German yet
UNITY_TABLE = (
    "Key,Id,Shared Comments,English(en),German(de)\n"
    "menu.play,100001,Main menu button,Play the game,Spiel starten\n"
    "menu.options,100002,Main menu button,Open the options,\n"
    "menu.quit,100003,Main menu button,Quit the game,\n"
)


def test_an_import_of_a_half_filled_table_counts_its_rows_without_a_translation(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """Trial s74 unityloc: ``0 added, 1 duplicate, 0 skipped`` of a table of 26 rows, 25 of
    them without German, which gave a user who imported the untranslated export no hint."""
    table = tmp_path / "UI.csv"
    table.write_text(UNITY_TABLE, "utf-8")
    import_it = ("memory", "import", str(table), "-u", "game", "--memory-dir", store)
    code, out, _ = ltmt(capsys, *import_it)
    assert (code, out) == (
        0,
        "imported UI.csv into game: 1 added, 0 duplicates, 0 skipped; not read: 2 untranslated\n",
    )
    code, out, _ = ltmt(capsys, *import_it, "--json")
    assert (code, json.loads(out)["not_read"]) == (0, {"untranslated": 2})


def test_an_import_of_a_table_without_a_translation_asks_if_it_is_the_untranslated_export(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    table = tmp_path / "UI.csv"
    table.write_text(UNITY_TABLE.replace("Spiel starten", ""), "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "game", "--memory-dir", store
    )
    assert (code, out) == (1, "")
    assert err == (
        f"ltmt: error: {table}: the file holds no translations (3 entries without one): is it "
        "the untranslated export? import the translated file\n"
    )


def test_deleting_a_missing_segment_of_a_known_user_names_the_segment(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    with Memory(store) as memory:
        memory.add("u", "Open the file", "Datei öffnen")
        assert memory.delete("nobody", 1) is False  # the API: False, as for a missing segment
    code, _, err = ltmt(capsys, "memory", "delete", "-u", "u", "--id", "7", "--memory-dir", store)
    assert (code, err) == (1, "ltmt: error: user 'u' has no segment 7\n")


@pytest.mark.parametrize(
    "args",
    [
        ["search", "x", "--user", "u"],
        ["stats"],
        ["users"],
        ["export", "--user", "u", "-o", "x.jsonl"],
        ["delete", "--user", "u", "--yes"],
        ["check"],
        ["compact"],
        ["glossary", "list", "--user", "u"],
        ["glossary", "export", "--user", "u", "-o", "g.tsv"],
        ["glossary", "delete", "--user", "u", "x"],
        ["glossary", "suggest", "--user", "u"],
    ],
)
def test_reading_a_missing_store_is_an_error_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    missing = tmp_path / "typo"
    command = args if args[0] == "glossary" else ["memory", *args]
    code, out, err = ltmt(capsys, *command, "--memory-dir", str(missing))
    assert code == 1 and out == ""
    assert err == (
        f"ltmt: error: no memory store at {missing}: check --memory-dir "
        "(a store is made by its first import or add, or by 'ltmt keys create')\n"
    )
    assert not missing.exists()


def test_search_for_an_unknown_user_names_the_users(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    assert (
        ltmt(capsys, "memory", "import", str(pairs_file), "-u", "alice", "--memory-dir", store)[0]
        == 0
    )
    code, out, err = ltmt(capsys, "memory", "search", "Open", "-u", "alcie", "--memory-dir", store)
    assert code == 1 and out == ""
    assert err == f"ltmt: error: no user 'alcie' in memory store {store} (did you mean alice?)\n"


@pytest.mark.parametrize(
    "args",
    [
        ["memory", "search", "--user", "u"],  # TEXT missing
        ["memory", "import", "--user", "u"],  # FILE missing
        ["memory", "search", "x"],  # --user missing
        ["memory", "search", "--user", "u", "x", "-k", "0"],
        ["memory", "frobnicate"],
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], store: str, args: list[str]
) -> None:
    code, _, _ = ltmt(capsys, *args, "--memory-dir", store)
    assert code == 2


INTERRUPTED_WHILE_STORING = """
import sys
from ltmt import Memory
from ltmt.cli import main

real = Memory.import_pairs


def import_pairs(self, user, records, *, progress=None, **options):
    def interrupt(_):  # Ctrl-C once a batch of pairs is written in the import's transaction
        raise KeyboardInterrupt

    return real(self, user, records, progress=interrupt, **options)


Memory.import_pairs = import_pairs
main.run(sys.argv[1:])
"""


def test_an_interrupted_import_says_that_nothing_was_imported(tmp_path: Path) -> None:
    """Ctrl-C said "ltmt: interrupted" alone: the import's one transaction aborts, so it says
    that nothing was stored, and nothing is."""
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Open the file.\tDatei öffnen.\nSave the file.\tDatei speichern.\n", "utf-8")
    store = tmp_path / "store"
    with Memory(store) as memory:
        memory.add("u1", "Close.", "Schließen.")
    argv = ["memory", "import", str(pairs), "--user", "u1", "--memory-dir", str(store)]
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_STORING, *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (
        130,
        "ltmt: interrupted: nothing was imported (an import is one transaction)\n",
    )
    with Memory(store) as memory:
        assert [s.source for s in memory.segments("u1")] == ["Close."]


def test_console_entry_point_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ltmt.cli.main import run; run()",
            "memory",
            "add",
            "--user",
            "x y",
            "--source",
            "a",
            "--target",
            "b",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"LTMT_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("ltmt: error: invalid user id 'x y'")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "home").exists()  # a bad user makes no store


def test_a_new_store_is_announced_and_bad_input_makes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("LTMT_HOME", str(home))  # the default store
    for args, message in [
        (("--source", "", "--target", "b"), "cannot add to 'u1': the source is empty"),
        (("--source", "a", "--target", " "), "cannot add to 'u1': the target is empty"),
    ]:
        code, _, err = ltmt(capsys, "memory", "add", "--user", "u1", *args)
        assert (code, err) == (1, f"ltmt: error: {message}\n")
        assert not home.exists()
    code, out, err = ltmt(capsys, "memory", "add", "--user", "u1", "--source", "a", "--target", "b")
    assert code == 0 and out == "added segment 1 of u1\n"
    assert err == f"ltmt: created a new memory store at {home}\n"
    code, _, err = ltmt(capsys, "memory", "add", "--user", "u1", "--source", "c", "--target", "d")
    assert code == 0 and err == ""  # only once


def test_a_target_added_with_other_edge_whitespace_is_stored_as_written_with_a_note(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """As an import stores it; the note says what ``ltmt qa``'s whitespace check would."""
    add = ("memory", "add", "-u", "u1", "--memory-dir", store)
    code, out, err = ltmt(capsys, *add, "--source", "Save", "--target", "Speichern\n")
    assert (code, out) == (0, "added segment 1 of u1\n")
    assert err.endswith(
        "ltmt: note: the source ends with none, the translation with a line break; "
        "stored as written\n"
    )
    code, _, err = ltmt(capsys, *add, "--source", "Save all", "--target", "Alles speichern")
    assert code == 0 and "note" not in err
    with Memory(store) as memory:
        assert [s.target for s in memory.segments("u1")] == ["Speichern\n", "Alles speichern"]


def test_a_pair_qa_would_report_is_added_with_the_warning_an_import_gives(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``memory import`` warned of a reviewer's ``%discount`` for ``%discount%``, ``memory
    add`` stored it without a word (a PrestaShop trial, session 73)."""
    add = ("memory", "add", "-u", "shop", "--memory-dir", store)
    code, out, err = ltmt(
        capsys, *add, "--source", "Save %discount% now", "--target", "Sparen Sie jetzt %discount"
    )
    assert (code, out) == (0, "added segment 1 of shop\n")
    assert err.endswith(  # after the line that says the store was created
        "\nltmt: warning: a pair whose target lacks or adds placeholders stored as written: "
        "correct it with ltmt memory add (translations reuse the newest translation of a "
        "source)\n"
    )
    code, _, err = ltmt(capsys, *add, "--source", "Save 5 items", "--target", "3 Artikel sichern")
    assert code == 0 and "a pair whose numbers disagree with the source's stored" in err
    code, _, err = ltmt(
        capsys, *add, "--source", "Save %discount%", "--target", "Sie sparen %discount%"
    )
    assert (code, err) == (0, "")


def test_a_renamed_placeholder_is_warned_of_on_import_and_add(
    store: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A reviewer's ``%{mitglied}`` for ``%{member}`` and ``{paket}`` for ``{plan}`` were
    imported and added without a word, though ``ltmt qa`` calls them errors (smartling trial,
    session 74: the screen compared a mark and the character after it alone)."""
    reviewed = tmp_path / "reviewed.jsonl"
    rows = [
        ("Invite %{member} to the workspace.", "Laden Sie %{mitglied} in den Arbeitsbereich ein."),
        ("Your plan {plan} renews tomorrow.", "Ihr Tarif {paket} verlängert sich morgen."),
        ("Open the {page} page", "Die Seite {page} öffnen"),
    ]
    reviewed.write_text("".join(json.dumps({"source": s, "target": t}) + "\n" for s, t in rows))
    code, out, err = ltmt(
        capsys, "memory", "import", str(reviewed), "--user", "rev", "--memory-dir", store
    )
    assert (code, out) == (
        0,
        "imported reviewed.jsonl into rev: 3 added, 0 duplicates, 0 skipped\n",
    )
    assert err.splitlines()[-1] == (
        "ltmt: warning: 2 pairs whose target lacks or adds placeholders imported "
        f"(reviewed.jsonl:1, reviewed.jsonl:2); list them: ltmt qa {reviewed} --check placeholders"
    )
    add = ("memory", "add", "-u", "rev", "--memory-dir", store)
    code, out, err = ltmt(
        capsys,
        *add,
        "--source",
        "Welcome {name} to the team",
        "--target",
        "Willkommen {nome} im Team",
    )
    assert (code, out) == (0, "added segment 4 of rev\n")
    assert err == (
        "ltmt: warning: a pair whose target lacks or adds placeholders stored as written: "
        "correct it with ltmt memory add (translations reuse the newest translation of a "
        "source)\n"
    )
    code, _, err = ltmt(
        capsys,
        *add,
        "--source",
        "Welcome {name} to the team",
        "--target",
        "Willkommen {name} im Team",
    )
    assert (code, err) == (0, "")


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="{src}" datatype="plaintext" segtype="sentence"
 adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
<body><tu><tuv xml:lang="{src}"><seg>Open the file &amp; %s</seg></tuv>
<tuv xml:lang="{tgt}"><seg>{seg} &amp; %s</seg></tuv></tu></body></tmx>
"""


def test_tmx_import_export_round_trip(capsys, store, tmp_path):
    tmx = tmp_path / "tm.tmx"
    tmx.write_text(TMX.format(src="en-US", tgt="de-DE", seg="Datei öffnen"), "utf-8")
    code, out, _ = ltmt(capsys, "memory", "import", str(tmx), "--user", "u1", "--memory-dir", store)
    assert code == 0 and "1 added" in out
    exported = tmp_path / "out.tmx"
    code, _, _ = ltmt(
        capsys, "memory", "export", "--user", "u1", "--output", str(exported), "--memory-dir", store
    )
    assert code == 0
    from ltmt.formats.pairs import read_pairs

    [record] = list(read_pairs(exported))
    assert (record.source, record.target) == ("Open the file & %s", "Datei öffnen & %s")


REGIONED_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a"
 source-language="en-US" target-language="de-DE" datatype="plaintext"><body>
<trans-unit id="o"><source>Open file</source><target state="final">Datei öffnen</target>
</trans-unit></body></file></xliff>
"""


@pytest.mark.parametrize(
    ("asked", "languages"),
    [
        ((), ("en-US", "de-DE")),  # the one region the pairs declared: every unit's
        (("--tgt-lang", "de"), ("en-US", "de")),  # the one asked for
        (("--src-lang", "en", "--tgt-lang", "de"), ("en", "de")),
    ],
)
def test_a_tmx_export_writes_one_code_per_side(capsys, store, tmp_path, asked, languages):
    """Regression trial s72: a de-DE XLIFF's pair beside a JSONL file's was exported en-US/de-DE
    and en/de in one file, even with --tgt-lang de."""
    xliff, jsonl = tmp_path / "a.xlf", tmp_path / "b.jsonl"
    xliff.write_text(REGIONED_XLIFF, "utf-8")
    jsonl.write_text('{"source": "Save changes", "target": "Änderungen speichern"}\n', "utf-8")
    for path in (xliff, jsonl):
        assert (
            ltmt(capsys, "memory", "import", str(path), "--user", "u1", "--memory-dir", store)[0]
            == 0
        )
    exported = tmp_path / "out.tmx"
    export = ("memory", "export", "--user", "u1", "-o", str(exported), "--memory-dir", store)
    code, _, err = ltmt(capsys, *export, *asked)
    assert code == 0, err
    from lxml import etree

    root = etree.parse(str(exported)).getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {tuple(tuv.get(lang) for tuv in tu.iter("tuv")) for tu in root.iter("tu")} == {languages}
    assert root.find("header").get("srclang") == languages[0]
    jsonl_out = tmp_path / "out.jsonl"
    assert (
        ltmt(
            capsys, "memory", "export", "--user", "u1", "-o", str(jsonl_out), "--memory-dir", store
        )[0]
        == 0
    )
    rows = [json.loads(line) for line in jsonl_out.read_text("utf-8").splitlines()]
    # the region kept only where the pair's file declared one
    assert [row.get("tmx_languages") for row in rows] == [
        {"source": "en-US", "target": "de-DE"},
        None,
    ]


def test_xliff_2_export_round_trip(capsys, store, tmp_path):
    """``--format xliff2`` was an unknown format: .xlf exports were 1.2 only."""
    tmx = tmp_path / "tm.tmx"
    tmx.write_text(TMX.format(src="en", tgt="de", seg="&lt;b&gt;Datei&lt;/b&gt; öffnen"), "utf-8")
    assert ltmt(capsys, "memory", "import", str(tmx), "--user", "u1", "--memory-dir", store)[0] == 0
    exported = tmp_path / "out.xlf"
    export = ("memory", "export", "--user", "u1", "-o", str(exported), "--memory-dir", store)
    code, _, err = ltmt(capsys, *export, "--format", "xliff2")
    assert code == 0, err
    written = exported.read_text("utf-8")
    assert 'version="2.0"' in written and '<pc id="1" dataRefStart="d1" dataRefEnd="d2">' in written
    code, out, _ = ltmt(
        capsys, "memory", "import", str(exported), "--user", "u2", "--memory-dir", store
    )
    assert code == 0 and "1 added" in out
    with Memory(Path(store)) as memory:
        [segment] = memory.segments("u2")
    assert (segment.source, segment.target) == ("Open the file & %s", "<b>Datei</b> öffnen & %s")


LIDS_TMX = """<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4"><header creationtool="SDL Language Platform" o-tmf="SDL TM8 Format"
 datatype="xml" segtype="sentence" adminlang="en-US" srclang="en-US"/><body>
<tu><prop type="x-ConfirmationLevel">{close}</prop><tuv xml:lang="en-US"><seg>Close the lid.</seg>
</tuv><tuv xml:lang="de-DE"><seg>Schließ den Deckel zu machen.</seg></tuv></tu>
<tu><prop type="x-ConfirmationLevel">ApprovedSignOff</prop><tuv xml:lang="en-US"><seg>Open the lid.</seg>
</tuv><tuv xml:lang="de-DE"><seg>Öffnen Sie den Deckel.</seg></tuv></tu>
<tu><prop type="x-ConfirmationLevel">{lift}</prop><tuv xml:lang="en-US"><seg>Lift the lid.</seg>
</tuv><tuv xml:lang="de-DE"><seg>Heben Deckel.</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize(
    ("levels", "said"),
    [
        (
            {"close": "Draft", "lift": "RejectedTranslation"},
            "1 added, 0 duplicates, 0 skipped; not read: 1 awaiting review, 1 needing translation",
        ),
        (
            {"close": "Translated", "lift": "ApprovedTranslation"},
            "3 added, 0 duplicates, 0 skipped",
        ),
    ],
)
def test_a_trados_tmx_imports_its_confirmed_units_alone_and_its_tags_are_trusted(
    capsys, store, tmp_path, levels, said
):
    """A Trados TMX's Draft and rejected units were imported ("3 added") and reused as exact
    matches; its three short English segments, tagged en-US, were refused as Dutch."""
    tmx = tmp_path / "drafts.tmx"
    tmx.write_text(LIDS_TMX.format(**levels), "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(tmx), "--user", "u1", "--memory-dir", store
    )
    assert code == 0, err
    assert f"imported drafts.tmx into u1: {said}" in out


SIGNED_OFF_20 = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
<file id="messages+intl-icu.de"><unit id="r8Ob0Cg" name="account.free">
<segment state="{free}" subState="ltmt:mt"><source>Don't have an account yet? It's free!</source>
<target>Noch kein Konto? Es ist kostenlos!</target></segment></unit>
<unit id="t1" name="account.delete"><segment state="{delete}" subState="ltmt:mt">
<source>Delete my account</source><target>Mein Konto löschen</target></segment></unit>
</file></xliff>
"""


def test_xliff_20_segments_a_reviewer_set_final_with_ltmts_substate_left_are_imported(
    capsys, store, tmp_path
):
    """Trial s77: a reviewer set ltmt's segments final or reviewed in an editor and left
    subState="ltmt:mt"; translate kept them as signed off, import skipped them as awaiting
    review and, of a file of only them, said "no segments found (... untranslated and fuzzy
    ones are not read)". Now they are imported; a file of segments awaiting review says how
    many were left out and why."""
    xlf = tmp_path / "final.de.xlf"
    xlf.write_text(SIGNED_OFF_20.format(free="final", delete="reviewed"), "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(xlf), "--user", "u1", "--memory-dir", store
    )
    assert code == 0, err
    assert "imported final.de.xlf into u1: 2 added, 0 duplicates, 0 skipped\n" in out
    xlf.write_text(SIGNED_OFF_20.format(free="translated", delete="translated"), "utf-8")
    code, _, err = ltmt(capsys, "memory", "import", str(xlf), "--user", "u2", "--memory-dir", store)
    assert code == 1
    assert err == (
        f"ltmt: error: {xlf}: no segments found: 2 awaiting review not read (only finished "
        "translations are read: review or translate those entries in the file first)\n"
    )


def test_tmx_language_mismatch_is_refused_and_memory_kept(capsys, store, tmp_path, pairs_file):
    ltmt(capsys, "memory", "import", str(pairs_file), "--user", "u1", "--memory-dir", store)
    tmx = tmp_path / "fr.tmx"
    tmx.write_text(TMX.format(src="en", tgt="fr", seg="Ouvrir le fichier"), "utf-8")
    code, _, err = ltmt(capsys, "memory", "import", str(tmx), "--user", "u1", "--memory-dir", store)
    assert code == 1
    assert "pass --src-lang/--tgt-lang" in err and len(err.strip().splitlines()) == 1
    french = ("memory", "import", str(tmx), "--memory-dir", store, "--tgt-lang", "fr")
    code, _, err = ltmt(capsys, *french, "--user", "u1")
    assert code == 1  # u1's memory holds en → de pairs: one language pair a memory
    assert "u1's memory holds en → de pairs; these are en → fr" in err
    assert ltmt(capsys, *french, "--user", "u1-fr")[0] == 0
    with Memory(store) as memory:
        assert (memory.count("u1"), memory.count("u1-fr")) == (3, 1)  # 3 from the jsonl


def test_delete_removes_the_force_decoded_states_left_in_the_cache(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    from ltmt.fusion.datastore import ForcedSegment
    from ltmt.fusion.state_store import StateStore
    from ltmt.paths import ENV_CACHE

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    with Memory(store) as memory:
        memory.import_pairs("git", [("Open the file", "Datei öffnen"), ("Push", "Pushen")])
        ids = [segment.id for segment in memory.segments("git")]
    state = StateStore("model")
    keys = [("model", "git", i, "s", "t", 0.0) for i in ids]
    for key in keys:
        forced = ForcedSegment(
            torch.zeros(2, 4), torch.zeros(2, dtype=torch.long), torch.ones(2, 1), torch.ones(1)
        )
        state.put(key, forced)
    code, out, err = ltmt(
        capsys, "memory", "delete", "--user", "git", "--id", str(ids[0]), "--memory-dir", store
    )
    assert code == 0, err
    assert out == f"deleted segment {ids[0]} of git; {COMPACT_NOTE}\n"  # its text is on disk yet
    assert [state.file_of(k) is not None for k in keys] == [False, True]
    code, _, err = ltmt(capsys, "memory", "delete", "--user", "git", "--yes", "--memory-dir", store)
    assert code == 0, err
    assert state.file_of(keys[1]) is None
    assert list((tmp_path / "cache").rglob("*.safetensors")) == []


def test_plain_stats_show_times_in_utc_and_yes_no(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The --json numbers stay; the plain lines are for people (were epoch floats and True)."""
    import re

    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.add("u1", "a", "b", origin="cli")
    code, out, _ = ltmt(capsys, "memory", "stats", "-u", "u1", "--memory-dir", store)
    assert code == 0
    assert re.search(r"^created: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", out, re.M), out
    assert "origins: cli: 1" in out
    code, out, _ = ltmt(capsys, "memory", "stats", "--memory-dir", store)
    assert "encrypted: no" in out.splitlines()
    code, out, _ = ltmt(capsys, "memory", "stats", "-u", "u1", "--json", "--memory-dir", store)
    assert isinstance(json.loads(out)["created"], float)


def test_po_export_counts_segments_and_says_when_entries_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.add("u1", "Save", "Speichern")
        memory.add("u1", "Save", "Sichern")  # a PO catalog holds one translation of "Save"
        memory.add("u1", "Open", "Öffnen")
    out = tmp_path / "u1.po"
    code, stdout, err = ltmt(
        capsys, "memory", "export", "-u", "u1", "-o", str(out), "--memory-dir", store
    )
    assert code == 0 and err == ""
    assert stdout == (
        f"exported 3 segments of u1 to {out} as 2 entries (1 older translation of a message left "
        "out: an entry holds the newest, which translations reuse; .tmx or .jsonl keep every "
        "segment)\n"
    )
    assert 'msgstr "Sichern"' in out.read_text()  # the newest, which translations reuse
    tmx = tmp_path / "u1.tmx"
    code, stdout, _ = ltmt(
        capsys, "memory", "export", "-u", "u1", "-o", str(tmx), "--memory-dir", store
    )
    assert (code, stdout) == (0, f"exported 3 segments of u1 to {tmx}\n")


FLUENT_EN = """\
is-default = { -brand-short-name } is currently your default browser
cache-size = Using { NUMBER($size, minimumFractionDigits: 2) } MB
tabs =
    { $tabCount ->
        [one] Close { $tabCount } tab?
       *[other] Close { $tabCount } tabs?
    }
"""
FLUENT_DE = """\
is-default = { -brand-short-name } ist derzeit der Standard-Browser
cache-size = Belegt { NUMBER($size, minimumFractionDigits: 2) } MB
tabs =
    { $tabCount ->
        [one] { $tabCount } Tab schließen?
       *[other] { $tabCount } Tabs schließen?
    }
"""


def test_a_fluent_memory_is_exported_as_fluent_text_and_german_plurals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """Trial s74 (defect 6): TMX and PO held ltmt's placeholders ({brand_short_name}, %d), and
    the PO export wrote nplurals=1 with the singular alone, blaming a deleted singular."""
    (tmp_path / "en.ftl").write_text(FLUENT_EN, "utf-8")
    (tmp_path / "de.ftl").write_text(FLUENT_DE, "utf-8")
    code, _, _ = ltmt(
        capsys, "memory", "import", str(tmp_path / "de.ftl"), "--source-file",
        str(tmp_path / "en.ftl"), "--user", "u1", "--memory-dir", store,
    )  # fmt: skip
    assert code == 0
    tmx = tmp_path / "u1.tmx"
    code, _, _ = ltmt(capsys, "memory", "export", "-u", "u1", "-o", str(tmx), "--memory-dir", store)
    assert code == 0
    assert re.findall(r"<seg>(.*)</seg>", tmx.read_text("utf-8")) == [
        "{ -brand-short-name } is currently your default browser",
        "{ -brand-short-name } ist derzeit der Standard-Browser",
        "Using { NUMBER($size, minimumFractionDigits: 2) } MB",
        "Belegt { NUMBER($size, minimumFractionDigits: 2) } MB",
        "Close { $tabCount } tab?",
        "{ $tabCount } Tab schließen?",
        "Close { $tabCount } tabs?",
        "{ $tabCount } Tabs schließen?",
    ]
    po = tmp_path / "u1.po"
    code, out, _ = ltmt(
        capsys, "memory", "export", "-u", "u1", "-o", str(po), "--memory-dir", store
    )
    assert (code, out) == (
        0,
        f"exported 4 segments of u1 to {po} as 3 entries (an entry holds every plural form of "
        "a message; .tmx or .jsonl keep every segment)\n",
    )
    text = po.read_text("utf-8")
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert text.endswith(
        'msgctxt "tabs"\nmsgid "Close { $tabCount } tab?"\n'
        'msgid_plural "Close { $tabCount } tabs?"\nmsgstr[0] "{ $tabCount } Tab schließen?"\n'
        'msgstr[1] "{ $tabCount } Tabs schließen?"\n'
    )
    code, out, _ = ltmt(
        capsys, "memory", "export", "-u", "u1", "-o", "-", "--format", "jsonl", "--memory-dir",
        store,
    )  # fmt: skip
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(row["source"], row["placeholders"]) for row in rows] == [
        ("{brand_short_name} is currently your default browser",
         {"{brand_short_name}": "{ -brand-short-name }"}),
        ("Using {size} MB", {"{size}": "{ NUMBER($size, minimumFractionDigits: 2) }"}),
        ("Close %d tab?", {"%d": "{ $tabCount }"}),
        ("Close %d tabs?", {"%d": "{ $tabCount }"}),
    ]  # fmt: skip


@pytest.mark.parametrize("ext", ["tmx", "xlf"])
def test_an_xml_export_that_cannot_hold_every_segment_writes_nothing_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ext: str
) -> None:
    """A backup must not lose segments unsaid: XML cannot carry a bell character, and the
    export wrote the others and exited 0 (as the server's export answers a 400 now)."""
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        bell = memory.add("u1", "\x07timed out waiting for input", "\x07Zeitüberschreitung")
        memory.add("u1", "Open", "Öffnen")
    out = tmp_path / f"u1.{ext}"
    argv = ["memory", "export", "-u", "u1", "-o", str(out), "--memory-dir", store]
    code, _, err = ltmt(capsys, *argv)
    kind = "TMX" if ext == "tmx" else "XLIFF"
    assert code == 1 and err == (  # one error: no warning that they "were not written" first
        f"ltmt: error: 1 of the 2 segments of u1 cannot be written to {kind}: it holds control "
        "characters, which XML cannot carry (segment 1); nothing written: export as .jsonl, "
        ".tsv or .po, which keep them\n"
    )
    assert not out.exists()
    with Memory(store) as memory:
        memory.delete("u1", bell.id)
    code, stdout, _ = ltmt(capsys, *argv)
    assert (code, stdout) == (0, f"exported 1 segment of u1 to {out}\n")
    if ext == "xlf":  # the file names itself as written, not the export's scratch file
        assert f'original="u1.{ext}"' in out.read_text("utf-8")


def test_an_xml_export_of_only_control_characters_says_so_in_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every pair left out was a warning that they "were not written", then an error that
    nothing was: one error now says why and which formats keep them."""
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.add("u1", "Page one\fPage two", "Seite eins\fSeite zwei")
        memory.add("u1", "Bell\x07 rings", "Glocke\x07 läutet")
    out = tmp_path / "u1.tmx"
    argv = ["memory", "export", "-u", "u1", "-o", str(out), "--memory-dir", store]
    code, _, err = ltmt(capsys, *argv)
    assert (code, err) == (
        1,
        "ltmt: error: none of the 2 segments of u1 can be written to TMX: they hold control "
        "characters, which XML cannot carry (segment 1, segment 2); nothing written: export as "
        ".jsonl, .tsv or .po, which keep them\n",
    )
    assert not out.exists()


def test_an_export_that_fails_names_the_output_not_a_scratch_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.add("u1", "Name:\tValue", "Name:\tWert")
    out = tmp_path / "u1.tsv"
    code, _, err = ltmt(
        capsys, "memory", "export", "-u", "u1", "-o", str(out), "--memory-dir", store
    )
    assert code == 1 and not out.exists()
    assert err.startswith(f"ltmt: error: {out}: cannot write segment ") and err.count("\n") == 1


def test_import_checks_user_key_and_store_before_reading_the_file(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jsonl"  # its error would show if the file were read first
    broken.write_text("not json\n", "utf-8")
    key = tmp_path / "store.key"
    importing = ["memory", "import", str(broken), "--memory-dir", store]
    for args, message in [
        (["--user", "bad user"], "invalid user id 'bad user'"),
        (["--user", "u", "--key-file", str(tmp_path / "nokey")], "key file "),
        (["--user", "u", "--memory-dir", str(broken)], f"memory store {broken} is a file"),
    ]:
        code, _, err = ltmt(capsys, *importing, *args)
        assert code == 1 and err.startswith(f"ltmt: error: {message}"), err
        assert not Path(store).exists()  # and no store made
    assert ltmt(capsys, "memory", "keygen", "--output", str(key))[0] == 0
    add = ["memory", "add", "--user", "u", "--source", "a", "--target", "b", "--memory-dir", store]
    assert ltmt(capsys, *add, "--key-file", str(key))[0] == 0
    code, _, err = ltmt(capsys, *importing, "--user", "u")  # an encrypted store, no key
    assert code == 1 and err.startswith(f"ltmt: error: memory store {store} is encrypted"), err
    code, _, err = ltmt(capsys, *importing, "--user", "u", "--key-file", str(key))
    assert (code, err) == (1, f"ltmt: error: {broken}:1:1: not valid JSON (Expecting value)\n")


def test_delete_removes_the_translations_a_server_keeps_for_download(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    from ltmt.server.downloads import FOLDER, Download, Downloads

    with Memory(store) as memory:
        memory.import_pairs("git", [("Push", "Pushen")])
        downloads = Downloads(Path(store) / FOLDER, memory.store.key)
    mine = downloads.put(Download("git", "a.txt", "text/plain", b"Pushen\n"))
    theirs = downloads.put(Download("vim", "b.txt", "text/plain", b"x\n"))
    code, _, err = ltmt(capsys, "memory", "delete", "--user", "git", "--yes", "--memory-dir", store)
    assert code == 0, err
    assert downloads.get(mine) is None and downloads.get(theirs) is not None


def _tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{source}\t{target}\n" for source, target in rows), "utf-8")
    return path


ENGLISH_GERMAN = [
    ("Could not open the file for reading", "Die Datei konnte nicht zum Lesen geöffnet werden"),
    ("The configuration was saved", "Die Konfiguration wurde gespeichert"),
    (
        "Please wait while the packages are installed",
        "Bitte warten Sie, bis die Pakete installiert sind",
    ),
    ("Do you want to remove these files?", "Möchten Sie diese Dateien entfernen?"),
]


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            [(target, source) for source, target in ENGLISH_GERMAN],
            "its sources read as German (de) and its translations as English (en): the two sides "
            "look swapped (the import is of English → German pairs)",
        ),
        (
            [(source, source) for source, _ in ENGLISH_GERMAN],
            "its translations read as English (en) like its sources, not German (the import "
            "is of English → German pairs)",
        ),
    ],
)
def test_a_file_whose_sides_read_as_other_languages_is_refused_and_memory_kept(
    capsys, store, tmp_path, pairs_file, rows, problem
):
    """Swapped columns, or English on both sides: refused before anything is written, in one
    line that says how to import it anyway (``--no-language-check``)."""
    ltmt(capsys, "memory", "import", str(pairs_file), "--user", "u1", "--memory-dir", store)
    bad = _tsv(tmp_path / "pairs.tsv", rows)
    code, _, err = ltmt(capsys, "memory", "import", str(bad), "--user", "u1", "--memory-dir", store)
    assert code == 1
    assert err == (
        f"ltmt: error: {bad}: {problem}; nothing was imported (--no-language-check imports it "
        "as it is)\n"
    )
    with Memory(store) as memory:
        assert memory.count("u1") == 3
    args = ("memory", "import", str(bad), "--user", "u1", "--memory-dir", store)
    code, out, _ = ltmt(capsys, *args, "--no-language-check")
    assert code == 0 and "4 added" in out


def test_english_to_german_pairs_import_with_the_language_check(capsys, store, tmp_path):
    good = _tsv(tmp_path / "pairs.tsv", ENGLISH_GERMAN)
    code, out, _ = ltmt(
        capsys, "memory", "import", str(good), "--user", "u1", "--memory-dir", store
    )
    assert code == 0 and "4 added" in out


def test_a_file_given_as_the_store_is_said_to_be_one(capsys, tmp_path):
    # stats said "no memory store at afile" where add said it is a file
    (tmp_path / "afile").write_text("x")
    code, _, err = ltmt(capsys, "memory", "stats", "--memory-dir", str(tmp_path / "afile"))
    assert (code, err) == (
        1,
        f"ltmt: error: memory store {tmp_path / 'afile'} is a file, not a directory; give a "
        "directory for the store\n",
    )


def test_import_reads_standard_input_given_its_format(capsys, tmp_path, monkeypatch):
    # export -o - | import - : "-" was a file name without an extension, then "not found"
    import io

    store = str(tmp_path / "store")
    lines = '{"source": "Open the file", "target": "Datei öffnen"}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    code, out, err = ltmt(
        capsys, "memory", "import", "-", "--format", "jsonl", "-u", "u1", "--memory-dir", store
    )
    assert (code, out) == (0, "imported <stdin> into u1: 1 added, 0 duplicates, 0 skipped\n")
    code, _, err = ltmt(capsys, "memory", "import", "-", "-u", "u1", "--memory-dir", store)
    assert (code, err) == (
        1,
        "ltmt: error: - reads the pairs from standard input: give its format with --format "
        "(jsonl, tsv, tmx, po, xliff ...)\n",
    )


def _without_root_powers() -> list[str]:
    """A command prefix that runs as root without its power over file modes (setpriv), so that
    a mode the test sets is enforced; none for another user, whom the modes bind anyway."""
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file modes and setpriv is missing")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", "--"]


ENTRY = "from ltmt.cli.main import run; run()"


def test_a_store_of_ltmt_home_this_user_may_not_read_is_one_line(tmp_path: Path) -> None:
    """LTMT_HOME naming another user's store: every command ended in a traceback."""
    store = tmp_path / "store"
    with Memory(store) as memory:
        memory.add("u", "Hello world.", "Hallo Welt.")
    store.chmod(0)
    try:
        result = subprocess.run(
            [*_without_root_powers(), sys.executable, "-c", ENTRY, "memory", "users"],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={"LTMT_HOME": str(store), "PATH": "/usr/bin:/bin"},
            check=False,
        )
    finally:
        store.chmod(0o700)
    assert (result.returncode, result.stderr) == (
        1,
        f"ltmt: error: cannot read memory store {store}: Permission denied; check its owner "
        f"and mode (ls -ld {store})\n",
    )


def test_a_loop_of_links_is_named_not_a_traceback(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with Memory(store) as memory:
        memory.add("u", "Hello world.", "Hallo Welt.")
    code, _, err = ltmt(capsys, "memory", "backup", str(loop), "--memory-dir", store)
    assert (code, err) == (
        1,
        f"ltmt: error: {loop} is a loop of symbolic links; fix the link or give another path\n",
    )


def test_processes_adding_one_pair_at_once_say_added_once(tmp_path: Path) -> None:
    store = tmp_path / "store"
    Memory(store).close()
    command = [sys.executable, "-c", ENTRY, "memory", "add", "--user", "r"]
    pair = ["--source", "Same pair here.", "--target", "Gleiches Paar hier."]
    adds = [
        subprocess.Popen(
            [*command, *pair, "--memory-dir", str(store)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(3)
    ]
    said = [add.communicate(timeout=120)[0] for add in adds]
    assert [add.returncode for add in adds] == [0, 0, 0]
    assert sorted(said) == [
        "added segment 1 of r\n",
        "already stored: segment 1 of r\n",
        "already stored: segment 1 of r\n",
    ]


def test_a_store_whose_data_file_is_a_folder_is_damaged_not_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """It read as no store: translate went on without the memory, exit 0."""
    store = tmp_path / "store"
    (store / "data.mdb").mkdir(parents=True)
    code, _, err = ltmt(capsys, "memory", "users", "--memory-dir", str(store))
    assert (code, err) == (
        1,
        f"ltmt: error: {store / 'data.mdb'} is not a file; the memory store {store} is damaged: "
        "restore it from a backup (README: Restoring a backup)\n",
    )


def test_users_of_a_store_without_users_says_so_on_standard_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    Memory(tmp_path / "store").close()
    code, out, err = ltmt(capsys, "memory", "users", "--memory-dir", str(tmp_path / "store"))
    assert (code, out) == (0, "")  # nothing for a script to read
    assert err == f"ltmt: memory store {tmp_path / 'store'} holds no users yet\n"


# reads every key with LMDB alone, as the commands read the store (no ltmt check first)
ABORTING_READ = "import sys, lmdb; list(lmdb.open(sys.argv[1], max_dbs=0).begin().cursor())"


def _aborting_damage(base: Path, damaged: Path) -> None:
    """Copy ``base`` to ``damaged`` with one leaf page zeroed where LMDB itself stops the
    process that reads it (its C assertion: exit 134, nothing said)."""
    import shutil

    pages = (base / "data.mdb").stat().st_size // 4096
    for page in range(2, pages):
        shutil.rmtree(damaged, ignore_errors=True)
        shutil.copytree(base, damaged)
        with open(damaged / "data.mdb", "r+b") as data:
            data.seek(page * 4096)
            data.write(bytes(4096))
        read = subprocess.run(
            [sys.executable, "-c", ABORTING_READ, str(damaged)], capture_output=True, timeout=120
        )
        if read.returncode < 0:  # killed by a signal: the damage this test is about
            return
    pytest.skip("no page of this store's layout makes LMDB abort when damaged")


DAMAGED_PAGE_COMMANDS = [
    ("memory", "check"),
    ("memory", "search", "sentence 12 of the batch", "--user", "u"),
    ("memory", "export", "--user", "u", "--output", "{tmp}/out.jsonl"),
    ("memory", "stats"),
    ("memory", "users"),
    ("memory", "add", "--user", "u", "--source", "one more", "--target", "noch einer"),
    ("memory", "import", "{tmp}/pairs.tsv", "--user", "v"),
    ("memory", "backup", "{tmp}/bk"),
    ("translate", "{tmp}/source.txt", "--user", "u", "--model", "{model}"),
]


@pytest.mark.slow
def test_a_page_damage_that_aborts_lmdb_is_one_line_from_every_command(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """A damaged page where LMDB's C assertion stops the reader killed search, export, a
    translation (exit 134, nothing said), and an add wrote on into the damaged store. The
    store's pages are checked when it opens now: every command says the damage in one line,
    and nothing is written."""
    base, damaged = tmp_path / "base", tmp_path / "damaged"
    with Memory(base) as memory:
        memory.import_pairs("u", [(f"sentence {i} of the batch", f"Satz {i}") for i in range(300)])
    (tmp_path / "pairs.tsv").write_text("Open the file\tÖffnen Sie die Datei\n", "utf-8")
    (tmp_path / "source.txt").write_text("sentence 12 of the batch\n", "utf-8")
    _aborting_damage(base, damaged)
    before = (damaged / "data.mdb").read_bytes()
    for command in DAMAGED_PAGE_COMMANDS:
        args = [arg.format(tmp=tmp_path, model=tiny_model_dir) for arg in command]
        result = subprocess.run(
            [sys.executable, "-c", ENTRY, *args, "--memory-dir", str(damaged)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
        )
        assert result.returncode == 1, (command, result.stderr)
        assert re.fullmatch(
            f"ltmt: error: memory store {re.escape(str(damaged))} is damaged: page \\d+ of "
            "data.mdb is not a leaf page of the main tree; restore it from a backup and run "
            "'ltmt memory check' on it \\(README: Restoring a backup\\)\n",
            result.stderr,
        ), (command, result.stderr)
    assert (damaged / "data.mdb").read_bytes() == before
    assert not (tmp_path / "bk").exists() and not (tmp_path / "out.jsonl").exists()


def test_an_import_of_another_language_pair_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = str(tmp_path / "store")
    english = tmp_path / "en.jsonl"
    english.write_text('{"source": "Open the file", "target": "Datei öffnen"}\n', "utf-8")
    french = tmp_path / "fr.jsonl"
    french.write_text('{"source": "Ouvrir le fichier", "target": "Datei öffnen"}\n', "utf-8")
    assert (
        ltmt(capsys, "memory", "import", str(english), "-u", "anna", "--memory-dir", store)[0] == 0
    )
    in_french = ("memory", "import", str(french), "-u", "anna", "--src-lang", "fr")
    code, _, err = ltmt(capsys, *in_french, "--memory-dir", store)
    assert (code, err) == (
        1,
        "ltmt: error: anna's memory holds en → de pairs; these are fr → de: import them into "
        "another user (a memory holds one language pair), or check the languages given\n",
    )
    # the text's languages unread: the pair lock holds all the same
    code, _, err = ltmt(capsys, *in_french, "--no-language-check", "--memory-dir", store)
    assert code == 1 and "anna's memory holds en → de pairs; these are fr → de" in err
    code, out, _ = ltmt(capsys, "memory", "stats", "-u", "anna", "--memory-dir", store)
    assert "languages: en → de\n" in out and "segments: 1\n" in out


def _dialogue(lines: list[str]) -> str:
    """A JSON dialogue tree of ``lines``, a guard's and a hero's in turn."""
    speakers = ["GUARD", "HERO"] * len(lines)
    nodes = [
        {"id": f"intro_0{n}", "speaker": speaker, "line": line}
        for n, (speaker, line) in enumerate(zip(speakers, lines), 1)
    ]
    return json.dumps({"nodes": nodes})


def test_import_skips_the_keys_translate_copies(
    capsys, tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``memory import`` did not know ``--skip-keys``: a dialogue tree's speakers were stored
    as pairs (``GUARD`` → ``GUARD``). It takes translate's option, in a folder's JSON files
    too, and refuses it as translate does."""
    english, german = tmp_path / "en", tmp_path / "de"
    for folder, lines, note in (
        (english, ["Halt! Who goes there?", "A friend."], "Open the file"),
        (german, ["Halt! Wer da?", "Ein Freund."], "Datei öffnen"),
    ):
        folder.mkdir()
        (folder / "tree.json").write_text(_dialogue(lines), "utf-8")
        (folder / "notes.txt").write_text(note + "\n", "utf-8")
    common = ["--memory-dir", store, "-u", "u1", "--skip-keys", "speaker"]
    tree = [str(german / "tree.json"), "--source-file", str(english / "tree.json")]
    code, out, err = ltmt(capsys, "memory", "import", *tree, *common)
    assert (code, out) == (0, "imported tree.json into u1: 2 added, 0 duplicates, 0 skipped\n")
    folders = [str(german), "--source-file", str(english)]
    code, out, err = ltmt(capsys, "memory", "import", *folders, *common)
    assert (code, out) == (0, "imported de into u1: 1 added, 2 duplicates, 0 skipped\n"), err
    with Memory(store) as memory:
        stored = sorted(segment.source for segment in memory.segments("u1"))
    assert stored == ["A friend.", "Halt! Who goes there?", "Open the file"]
    code, _, err = ltmt(capsys, "memory", "import", *tree, *common[:-1], "speaker,,id")
    assert (code, err.splitlines()[0]) == (
        2,
        "ltmt: error: --skip-keys: 'speaker,,id' has an empty key name; give names separated "
        "by commas: id,next,speaker. See 'ltmt memory import --help'.",
    )
    notes = str(german / "notes.txt")
    code, _, err = ltmt(capsys, "memory", "import", notes, "--source-file", notes, *common)
    assert code == 2
    assert err.startswith(
        f"ltmt: error: --skip-keys names keys of JSON and YAML files; {notes} is neither (plain text"
    )
    import io

    tsv = "Open the file\tDatei öffnen\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(tsv)))
    code, _, err = ltmt(capsys, "memory", "import", "-", "--format", "tsv", *common)
    assert (code, err.split(" (")[0]) == (
        2,
        "ltmt: error: --skip-keys names keys of JSON and YAML files; <stdin> is neither",
    )


def test_subtitle_cues_that_do_not_line_up_are_reported_unmatched(
    capsys, tmp_path: Path, store: str
) -> None:
    """A source cue with no cue at its time in the translation was reported as an "empty
    target", which the translation does not have."""
    english = (
        "1\n00:00:01,000 --> 00:00:03,000\nWhere were you last night?\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\nAt the lighthouse.\n\n"
        "3\n00:00:08,000 --> 00:00:10,000\nThe old keeper disappeared.\n"
    )
    german = (
        "1\n00:00:01,000 --> 00:00:03,000\nWo warst du letzte Nacht?\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\nAm Leuchtturm.\n\n"
        "3\n00:00:07,000 --> 00:00:10,000\nDer alte Wärter verschwand.\n"  # retimed
    )
    (tmp_path / "en.srt").write_text(english, "utf-8")
    (tmp_path / "de.srt").write_text(german, "utf-8")
    args = [str(tmp_path / "de.srt"), "--source-file", str(tmp_path / "en.srt")]
    code, out, err = ltmt(capsys, "memory", "import", *args, "-u", "u1", "--memory-dir", store)
    assert (code, out) == (
        0,
        "imported de.srt into u1: 2 added, 0 duplicates, 1 skipped (1 unmatched cue)\n",
    ), err


def test_re_adding_or_re_importing_an_older_translation_approves_it(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """The revert of a correction said "already stored" and the correction stayed reused."""

    def add(target: str) -> str:
        args = ("--source", "Checkout", "--target", target, "--memory-dir", store)
        code, out, _ = ltmt(capsys, "memory", "add", "-u", "acme", *args)
        assert code == 0
        return out

    assert add("Kasse") == "added segment 1 of acme\n"
    assert add("Zur Kasse") == "added segment 2 of acme\n"
    assert add("Kasse") == (
        "already stored: segment 1 of acme, now segment 3: the newest translation of its "
        "source, which translations reuse\n"
    )
    assert add("Kasse") == "already stored: segment 3 of acme\n"
    corrected = tmp_path / "de.po"
    corrected.write_text('msgid "Checkout"\nmsgstr "Zur Kasse"\n', encoding="utf-8")
    code, out, _ = ltmt(
        capsys, "memory", "import", str(corrected), "-u", "acme", "--memory-dir", store
    )
    assert (code, out) == (
        0,
        "imported de.po into acme: 0 added, 1 duplicate (1 made the newest translation of its "
        "source), 0 skipped\n",
    )
    with Memory(store) as memory:
        assert memory.search("acme", "Checkout", k=1)[0].segment.target == "Zur Kasse"


def test_a_tmx_import_reuses_the_unit_changed_last(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """A 2019 unit after a 2024 one in the file was the translation reused."""
    units = [("20240601T100000Z", "Rechnung herunterladen"), ("20190101T100000Z", "Faktura")]
    body = "".join(
        f'<tu changedate="{date}"><tuv xml:lang="en"><seg>Download invoice</seg></tuv>'
        f'<tuv xml:lang="de"><seg>{target}</seg></tuv></tu>'
        for date, target in units
    )
    path = tmp_path / "dates.tmx"
    path.write_text(f'<tmx version="1.4"><header srclang="en"/><body>{body}</body></tmx>')
    code, _, _ = ltmt(capsys, "memory", "import", str(path), "-u", "dates", "--memory-dir", store)
    assert code == 0
    with Memory(store) as memory:
        [match] = memory.search("dates", "Download invoice", k=1)
    assert (match.segment.target, match.segment.metadata) == (
        "Rechnung herunterladen",
        {"changedate": "20240601T100000Z"},
    )


def test_po_export_says_it_left_out_plural_forms_whose_singular_is_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """A plural entry whose form 0 was deleted lost its other forms unsaid."""
    with Memory(store) as memory:
        memory.import_pairs(
            "u1",
            [
                ("%d file", "%d Datei", {"plural": 0}),
                ("%d files", "%d Dateien", {"plural": 1, "plural_of": "%d file"}),
                ("Open", "Öffnen"),
            ],
        )
        memory.delete("u1", 1)
    out = tmp_path / "u1.po"
    code, stdout, _ = ltmt(
        capsys, "memory", "export", "-u", "u1", "-o", str(out), "--memory-dir", store
    )
    assert (code, stdout) == (
        0,
        f"exported 2 segments of u1 to {out} as 1 entry (1 plural form left out: the singular "
        "(form 0) of its message is deleted; .tmx or .jsonl keep every segment)\n",
    )


TWO_NUMERUS_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n file(s) deleted.</source>
        <translation>
            <numerusform>%n Datei gelöscht.</numerusform>
            <numerusform>%n Dateien gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) copied.</source>
        <translation>
            <numerusform>%n Ordner kopiert.</numerusform>
            <numerusform>%n Ordner kopiert.</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


def test_a_ts_files_plural_messages_sharing_a_context_are_each_a_whole_po_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """Qt trial s76 (#3): the first message's msgid_plural repeated its msgid and its
    msgstr[1] was empty, and the export said it left out "1 older translation"."""
    ts = tmp_path / "two_de.ts"
    ts.write_text(TWO_NUMERUS_TS, encoding="utf-8")
    assert ltmt(capsys, "memory", "import", str(ts), "-u", "t", "--memory-dir", store)[0] == 0
    out = tmp_path / "two.po"
    code, stdout, _ = ltmt(
        capsys,
        "memory",
        "export",
        "-u",
        "t",
        "-o",
        str(out),
        "--format",
        "po",
        "--memory-dir",
        store,
    )
    assert (code, stdout) == (
        0,
        f"exported 4 segments of t to {out} as 2 entries (an entry holds every plural form of "
        "a message; .tmx or .jsonl keep every segment)\n",
    )
    text = out.read_text("utf-8")
    assert (
        'msgid "%n file deleted."\nmsgid_plural "%n files deleted."\n'
        'msgstr[0] "%n Datei gelöscht."\nmsgstr[1] "%n Dateien gelöscht."\n'
    ) in text
    assert 'msgid_plural "%n folders copied."\n' in text


def test_deleting_a_user_revokes_its_api_keys_as_the_admin_api_does(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """The deleted customer's token stayed valid and could start a new memory."""
    from ltmt.memory.keys import KeyRing

    with Memory(store) as memory:
        memory.import_pairs("git", [("Push", "Pushen")])
        keys = KeyRing(memory)
        _, token = keys.create("git")
        keys.create("git")
        keys.create("newcomer")  # a key, no memory yet
        keys.create("vim")
    code, out, err = ltmt(capsys, "memory", "delete", "-u", "git", "--yes", "--memory-dir", store)
    assert (code, out) == (0, f"deleted user git (1 segment); revoked 2 API keys; {COMPACT_NOTE}\n")
    code, out, err = ltmt(capsys, "memory", "delete", "-u", "newcomer", "--memory-dir", store)
    assert code == 2
    assert "refusing to delete user 'newcomer' (0 segments and 1 API key) without --yes" in err
    code, out, _ = ltmt(
        capsys, "memory", "delete", "-u", "newcomer", "--yes", "--memory-dir", store
    )
    # no text was deleted: nothing for compact to remove
    assert (code, out) == (0, "deleted user newcomer (0 segments); revoked 1 API key\n")
    with Memory(store) as memory:
        assert KeyRing(memory).verify(token) is None
        assert [key.user for key in KeyRing(memory).list()] == ["vim"]


def test_deleting_a_user_removes_the_records_of_the_outputs_written_for_it(
    capsys: pytest.CaptureFixture[str],
    store: str,
    tmp_path: Path,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``ltmt translate`` of a document records digests of what it wrote, per user; they went
    on after the user's delete, from a shell with another cache folder too."""
    from ltmt.paths import ENV_CACHE

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "translating-cache"))
    with Memory(store) as memory:
        memory.import_pairs("git", [("open the file", "Datei öffnen")])
    source = tmp_path / "notes.md"
    source.write_text("open the file\n", "utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(
        capsys, "translate", str(source), "-u", "git", "-o", str(tmp_path / "de.md"), *model
    )
    assert code == 0, err
    records = tmp_path / "translating-cache" / "output-sources"
    assert len(list(records.rglob("*.json"))) == 2  # found by the output's path, by its bytes
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "shell-cache"))
    code, _, err = ltmt(capsys, "memory", "delete", "-u", "git", "--yes", "--memory-dir", store)
    assert code == 0, err
    assert list(records.rglob("*.json")) == []


def test_a_pair_the_memory_holds_for_another_source_is_imported_and_named(
    capsys, tmp_path: Path, store: str
) -> None:
    """A translator kept a German after an English edit ("Save" → "Save file"), or another
    project's string has the same key (``title``): the memory alone cannot tell, yet such a
    pair was skipped ("target of an older source"). It is stored, and named in a warning."""
    english, german = tmp_path / "en.json", tmp_path / "de.json"
    english.write_text('{"save": "Save", "greet": "Hello", "ok": "OK"}', "utf-8")
    german.write_text('{"save": "Speichern", "greet": "Hallo", "ok": "OK"}', "utf-8")
    args = [str(german), "--source-file", str(english), "-u", "app", "--memory-dir", store]
    assert ltmt(capsys, "memory", "import", *args)[0] == 0
    english.write_text('{"save": "Save file", "greet": "Hello there", "ok": "OK"}', "utf-8")
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (0, "imported de.json into app: 2 added, 1 duplicate, 0 skipped\n"), err
    assert (
        "2 pairs whose target the memory holds for another source of the same key were stored; "
        "check them: /save, /greet" in err
    )
    with Memory(store) as memory:
        stored = sorted(segment.source for segment in memory.segments("app"))
    assert stored == ["Hello", "Hello there", "OK", "Save", "Save file"]


def test_a_pair_stored_under_another_key_is_added_under_its_own_and_said(
    capsys, tmp_path: Path, store: str
) -> None:
    """A user trial (FormatJS): last year's Crowdin-shape file (``message``) then this year's
    (``defaultMessage``) said "8 added, 0 duplicates" though six pairs were stored already.
    A match of a string's own key wins a tie, so each key keeps its pair; the import says so,
    naming the key it is stored under (it named only the key just imported)."""
    for year, field in (("old", "message"), ("new", "defaultMessage")):
        (tmp_path / year).mkdir()
        for lang, texts in (("en", ("Cancel", "Save")), ("de", ("Abbrechen", "Sichern"))):
            keys = {"cancel": texts[0], "save": texts[1] if year == "old" else "x"}
            body = {key: {field: text, "description": "Button"} for key, text in keys.items()}
            (tmp_path / year / f"{lang}.json").write_text(json.dumps(body), "utf-8")
    for year in ("old", "new"):
        files = [
            str(tmp_path / year / "de.json"),
            "--source-file",
            str(tmp_path / year / "en.json"),
        ]
        code, out, err = ltmt(capsys, "memory", "import", *files, "-u", "fj", "--memory-dir", store)
    assert (code, out) == (0, "imported de.json into fj: 2 added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[-1] == (
        "ltmt: note: 1 of the pairs added was stored already under another key "
        "(/cancel/defaultMessage already stored as /cancel/message); each key keeps its own, "
        "as a match stored under a string's own key wins a tie"
    )


def test_one_lokalise_key_is_one_context_in_csv_and_json(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path
) -> None:
    """A Lokalise trial (session 70): a key imported from CSV (``onboarding.subtitle``), then
    from JSON (``/onboarding.subtitle``), was "stored already under another key ... each key
    keeps its own", and the reviewer's newer JSON translation lost to the CSV's in ``translate``
    of a CSV. One key's spellings are one context: no note, and the newest translation wins."""
    source = "Hello [%1$s], you have [%2$d] new messages"
    older, newer = (
        f"Hallo [%1$s], {you} [%2$d] neue Nachrichten" for you in ("Sie haben", "du hast")
    )
    table = 'key,en,de\nonboarding.subtitle,"{}",{}\n'
    (tmp_path / "old.csv").write_text(table.format(source, f'"{older}"'), "utf-8")
    (tmp_path / "new.csv").write_text(table.format(source, ""), "utf-8")
    (tmp_path / "en.json").write_text(json.dumps({"onboarding.subtitle": source}), "utf-8")
    german = tmp_path / "de.json"
    user = ("-u", "acme", "--memory-dir", store)
    assert ltmt(capsys, "memory", "import", str(tmp_path / "old.csv"), *user)[0] == 0
    for text in (older, newer):  # as the CSV had it, then the reviewer's fix
        german.write_text(json.dumps({"onboarding.subtitle": text}), "utf-8")
        files = (str(german), "--source-file", str(tmp_path / "en.json"))
        code, out, err = ltmt(capsys, "memory", "import", *files, *user)
        assert (code, out) == (0, "imported de.json into acme: 1 added, 0 duplicates, 0 skipped\n")
        assert "already stored" not in err, err
    output = tmp_path / "new.de.csv"
    model = ("--model", str(tiny_model_dir), "--beam", "1")
    code, _, err = ltmt(
        capsys, "translate", str(tmp_path / "new.csv"), "-o", str(output), *user, *model
    )
    assert code == 0, err
    assert output.read_text("utf-8").splitlines()[1].endswith(f'"{newer}"')


def test_a_transifex_string_stored_under_another_key_is_named_by_its_key(
    capsys, tmp_path: Path, store: str
) -> None:
    """Regression trial s73: the note named a Transifex string by its context (``task status
    already stored as /open_task``), which names no string, and said each key keeps its own
    though such a string is stored under its context."""
    args = ("-u", "tx", "--memory-dir", store)
    files = {
        "i18n": ({"open_task": "Open", "open_button": "Open"}, ["Offen", "Öffnen"]),
        "tx": (
            {
                "status": {"open": {"string": "Open", "context": "task status"}},
                "actions": {"open": {"string": "Open", "context": "button"}},
            },
            ["Offen", "Öffnen"],
        ),
    }
    for name, (english, germans) in files.items():
        german = json.loads(json.dumps(english))
        for (key, value), text in zip(german.items(), germans, strict=True):
            if isinstance(value, dict):
                value["open"]["string"] = text
            else:
                german[key] = text
        (tmp_path / f"{name}_en.json").write_text(json.dumps(english), "utf-8")
        (tmp_path / f"{name}_de.json").write_text(json.dumps(german), "utf-8")
        pair = (
            str(tmp_path / f"{name}_de.json"),
            "--source-file",
            str(tmp_path / f"{name}_en.json"),
        )
        code, _, err = ltmt(capsys, "memory", "import", *pair, *args)
        assert code == 0, err
    assert err.splitlines()[-1] == (
        "ltmt: note: 2 of the pairs added were stored already under another key "
        "(/status/open/string already stored as /open_task, /actions/open/string already "
        "stored as /open_button); each key, or a string's context where the file gives one, "
        "keeps its own, as a match stored under a string's own key or context wins a tie"
    )


def test_a_pair_stored_without_a_key_is_said_so(capsys, tmp_path: Path, store: str) -> None:
    """Regression trial rubyget, session 69: the note said "books.index.empty already stored
    without one", which read as if the pair had no key now."""
    args = ("-u", "fj", "--memory-dir", store)
    add = ("memory", "add", "--source", "Cancel", "--target", "Abbrechen", *args)
    assert ltmt(capsys, *add)[0] == 0
    (tmp_path / "en.json").write_text('{"cancel": "Cancel"}', "utf-8")
    (tmp_path / "de.json").write_text('{"cancel": "Abbrechen"}', "utf-8")
    files = (str(tmp_path / "de.json"), "--source-file", str(tmp_path / "en.json"))
    code, _, err = ltmt(capsys, "memory", "import", *files, *args)
    assert code == 0
    assert err.splitlines()[-1] == (
        "ltmt: note: 1 of the pairs added was stored already under another key "
        "(/cancel already stored without a key); each key keeps its own, "
        "as a match stored under a string's own key wins a tie"
    )


def test_a_translators_pair_whose_source_changed_since_is_not_imported(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path
) -> None:
    """A Shopify trial: a translator's German of "Close" was stored for "Close dialog", the
    English changed since ltmt wrote de.json. The record tells, before and after the translate
    run that warned of it: the pair is skipped."""
    english, german = tmp_path / "en.json", tmp_path / "de.json"
    english.write_text('{"close": "Close", "open": "Open"}', "utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(capsys, "translate", str(english), "-o", str(german), "-u", "app", *model)
    assert code == 0, err
    german.write_text('{"close": "Zumachen", "open": "Aufmachen"}', "utf-8")  # a translator's
    english.write_text('{"close": "Close dialog", "open": "Open"}', "utf-8")
    args = [str(german), "--source-file", str(english), "-u", "app", "--memory-dir", store]
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (
        0,
        "imported de.json into app: 1 added, 0 duplicates, 1 skipped "
        "(1 whose source changed since it was translated)\n",
    ), err
    # translate warns of it once and writes de.json again: its record still knows
    code, _, err = ltmt(capsys, "translate", str(english), "-o", str(german), "-u", "app", *model)
    assert code == 0, err
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (
        0,
        "imported de.json into app: 0 added, 1 duplicate, 1 skipped "
        "(1 whose source changed since it was translated)\n",
    ), err
    with Memory(store) as memory:
        assert "Zumachen" not in [segment.target for segment in memory.segments("app")]


def test_a_tables_row_whose_source_changed_since_is_left_out_and_named(
    capsys, caplog: pytest.LogCaptureFixture, tmp_path: Path, store: str, tiny_model_dir: Path
) -> None:
    """Trial s73 (game QA): translate named a row of a CSV table filled in place as kept for
    an English changed since, and ``memory import --reviewed-only`` stored that old German for
    the new English (``1 added``): the record kept the rows by number, the import looked them
    up by key. Now the row is left out and named by its key, also after a writer inserted a
    row before it (which moved every row's number)."""
    table = tmp_path / "ui.csv"
    table.write_text("key,en,de\r\nmenu.load,Load Game,\r\nmenu.quit,Quit Game,\r\n", "utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(capsys, "translate", str(table), "-o", str(table), "-u", "rep", *model)
    assert code == 0, err
    header, load, _ = csv.reader(io.StringIO(table.read_text("utf-8")))
    written = io.StringIO()  # a writer's new row and English; the German left as it was
    csv.writer(written, lineterminator="\r\n").writerows(
        [
            header,
            ["menu.new", "New Game", "Neues Spiel"],
            load,
            ["menu.quit", "Quit to Desktop", "Spiel verlassen"],
        ]
    )
    table.write_bytes(written.getvalue().encode("utf-8"))
    code, _, err = ltmt(capsys, "translate", str(table), "-o", str(table), "-u", "rep", *model)
    assert code == 0, err
    assert (
        "ui.csv: 1 translation that ltmt did not write (a translator's, or edited since), whose "
        "source changed since, kept as it is (menu.quit); check it, or empty its cell to have "
        "ltmt translate it again"
    ) in caplog.text
    args = [str(table), "-u", "rep", "--memory-dir", store, "--reviewed-only"]
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (
        0,
        "imported ui.csv into rep: 1 added, 0 duplicates, 2 skipped (1 whose source changed "
        "since it was translated, 1 written by ltmt and not reviewed)\n",
    ), err
    assert err.splitlines()[-1] == (
        "ltmt: warning: ui.csv: 1 pair left out, whose source changed since it was translated "
        "(menu.quit), as the translation of an older source; edit it for the source now, or "
        "empty it and translate the file again, then import it"
    )
    with Memory(store) as memory:
        stored = {segment.source: segment.target for segment in memory.segments("rep")}
    assert stored == {"New Game": "Neues Spiel"}


def test_an_array_item_or_plural_form_whose_source_changed_since_is_left_out_and_named(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path
) -> None:
    """Trial s75 (Android CI): a reviewer's ``prio[1]`` and ``days_left#one`` kept for an
    English changed since (translate warned of them) were stored by ``memory import
    --reviewed-only`` as approved for the new English (``Minor`` → ``Mittel``); only
    ``share`` was skipped. Now all three are left out and named by their own keys."""
    english = tmp_path / "values" / "strings.xml"
    german = tmp_path / "values-de" / "strings.xml"
    english.parent.mkdir()
    german.parent.mkdir()
    resources = (
        '<resources>\n    <string name="share">{}</string>\n'
        '    <string-array name="prio">\n        <item>{}</item>\n        <item>{}</item>\n'
        '    </string-array>\n    <plurals name="days_left">\n'
        '        <item quantity="one">{}</item>\n        <item quantity="other">{}</item>\n'
        "    </plurals>\n</resources>\n"
    )
    english.write_text(resources.format("Share", "Low", "Normal", "One day left", "%d days"))
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    translate = ("translate", str(english), "-o", str(german), "-u", "u1", *model)
    code, _, err = ltmt(capsys, *translate)
    assert code == 0, err
    german.write_text(  # a reviewer's, then CI's run keeps it
        resources.format("Teilen", "Niedrig", "Mittel", "Noch ein Tag", "%d Tage übrig")
    )
    code, _, err = ltmt(capsys, *translate)
    assert code == 0, err
    english.write_text(resources.format("Send", "Low", "Minor", "Ends today", "%d days"))
    args = [str(german), "--source-file", str(english), "-u", "u1", "--memory-dir", store]
    code, out, err = ltmt(capsys, "memory", "import", *args, "--reviewed-only")
    assert (code, out) == (
        0,
        "imported strings.xml into u1: 2 added, 0 duplicates, 3 skipped (3 whose source "
        "changed since they were translated)\n",
    ), err
    assert err.splitlines()[-1] == (
        "ltmt: warning: strings.xml: 3 pairs left out, whose source changed since they were "
        "translated (share, prio[1], days_left#one), as the translation of an older source; "
        "edit them for the source now, or empty them and translate the file again, then "
        "import it"
    )
    with Memory(store) as memory:
        stored = {segment.source: segment.target for segment in memory.segments("u1")}
    assert stored == {"Low": "Niedrig", "%d days": "%d Tage übrig"}


def test_a_tables_row_the_memory_holds_for_another_source_is_left_out_when_reviewed_only(
    capsys, tmp_path: Path, store: str
) -> None:
    """Trial s73: the memory holds ``menu.quit: Quit Game → Spiel beenden`` and the new table
    keeps ``Spiel beenden`` for ``Quit to Desktop`` (translate warned of it): --reviewed-only
    left it in (``1 added``), after which it was a 100 % match of the new English. It is left
    out and named; a plain import stores it, as before (asking the memory of every row would
    cost each import of a table)."""
    user = ["-u", "r1", "--memory-dir", store]
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("key,en,de\nmenu.quit,Quit Game,Spiel beenden\n", "utf-8")
    assert ltmt(capsys, "memory", "import", str(old), *user)[0] == 0
    new.write_text(
        "key,en,de\nmenu.quit,Quit to Desktop,Spiel beenden\nmenu.new,New Game,Neues Spiel\n",
        "utf-8",
    )
    code, out, err = ltmt(capsys, "memory", "import", str(new), *user, "--reviewed-only")
    assert (code, out) == (
        0,
        "imported new.csv into r1: 1 added, 0 duplicates, 1 skipped (1 whose translation the "
        "memory holds for another source of its key)\n",
    ), err
    assert err.splitlines()[-1] == (
        "ltmt: warning: new.csv: 1 pair left out, whose translation the memory holds for "
        "another source of its key (menu.quit), as the translation of an older source; edit it "
        "for the source now, or empty it and translate the file again, then import it"
    )
    code, out, err = ltmt(capsys, "memory", "import", str(new), *user)
    assert (code, out) == (0, "imported new.csv into r1: 1 added, 1 duplicate, 0 skipped\n"), err


MOODLE_HELP = (
    "If enabled, the time limit is stated on the initial quiz master page and a countdown "
    "timer is displayed in the quiz navigation block."
)


def test_a_help_text_left_in_english_is_stored_and_named(
    capsys, tmp_path: Path, store: str
) -> None:
    """Moodle trial, session 72: po2php writes the English of every string not yet approved,
    and php2po reads it back as msgstr; the import stored it without a word and translate
    reused the English as an exact match. It is stored (a skip dropped approved legal text,
    session 72's regression trial) and named, with how to find and delete it."""
    po = tmp_path / "de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        'msgid "Back to course"\nmsgstr "Zurück zum Kurs"\n\n'
        'msgid "Time limit"\nmsgstr "Zeitbegrenzung"\n\n'
        f'msgid "{MOODLE_HELP}"\nmsgstr "{MOODLE_HELP}"\n',
        "utf-8",
    )
    code, out, err = ltmt(
        capsys, "memory", "import", str(po), "-u", "moodle", "--memory-dir", store
    )
    assert (code, out) == (0, "imported de.po into moodle: 3 added, 0 duplicates, 0 skipped\n"), err
    assert (
        f"ltmt: warning: 1 pair stored whose translation is its source, a sentence in the "
        f"source language ({po}: entry 3): translate reuses it as the translation; if it was "
        "left untranslated, not kept so on purpose, find its id with ltmt memory search --user "
        "moodle TEXT and delete it with ltmt memory delete --user moodle --id ID\n"
    ) in err
    with Memory(store) as memory:
        assert MOODLE_HELP in [segment.source for segment in memory.segments("moodle")]


def test_what_translators_copy_on_purpose_is_imported(capsys, tmp_path: Path, store: str) -> None:
    """Session 71's skip of copied sentences (reverted) dropped 11 of 22 rows of an ordinary
    CSV: names, codes, URLs, commands, slogans and a copyright line are stored."""
    copies = [
        "Trackly",
        "OK",
        "E-Mail",
        "GitHub Actions",
        "Terms of Service",
        "https://example.com/docs/getting-started",
        "npm run build",
        "Ctrl+Shift+F",
        "Just do it.",
        "Think different.",
        "Made with love in Berlin.",
        "Copyright © 2026 Acme GmbH. All rights reserved.",
    ]
    table = tmp_path / "strings.csv"
    rows = [*(f'"{text}","{text}"' for text in copies), "Save changes,Änderungen speichern"]
    table.write_text("source,target\n" + "\n".join(rows) + "\n", "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert (code, out) == (0, "imported strings.csv into app: 13 added, 0 duplicates, 0 skipped\n")
    assert "left untranslated" not in err
    with Memory(store) as memory:
        stored = {segment.source for segment in memory.segments("app")}
    assert stored == {*copies, "Save changes"}


QUIZ_POT = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgctxt "modulename"\nmsgid "Quiz master"\nmsgstr ""\n\n'
    'msgctxt "modulenameplural"\nmsgid "Quiz masters"\nmsgstr ""\n'
)


def test_a_reviewers_edit_equal_to_another_entrys_translation_is_imported(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moodle trial, session 72: a reviewer approved ltmt's catalog and set the plural to the
    singular's German, as German has it (``Quiz masters`` → ``Master``); the import skipped
    it, "1 skipped (1 target of an older source)", though its English never changed."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    with Memory(store) as memory:  # what ltmt writes for them: its 100 % matches
        memory.import_pairs("app", [("Quiz master", "Master"), ("Quiz masters", "Seitenmaster")])
    pot, po = tmp_path / "quizmaster.pot", tmp_path / "de.po"
    pot.write_text(QUIZ_POT, "utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(capsys, "translate", str(pot), "-o", str(po), "-u", "app", *model)
    assert code == 0, err
    written = po.read_text("utf-8")
    assert 'msgstr "Master"' in written and 'msgstr "Seitenmaster"' in written
    po.write_text(written.replace("#, fuzzy\n", "").replace("Seitenmaster", "Master"), "utf-8")
    args = ["memory", "import", str(po), "-u", "moodle", "--memory-dir", store]
    code, out, err = ltmt(capsys, *args)
    assert (code, out) == (0, "imported de.po into moodle: 2 added, 0 duplicates, 0 skipped\n"), err
    with Memory(store) as memory:
        stored = sorted((s.source, s.target) for s in memory.segments("moodle"))
    assert stored == [("Quiz master", "Master"), ("Quiz masters", "Master")]


def test_a_translation_ltmt_wrote_for_an_older_source_is_not_imported_for_the_new_one(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path
) -> None:
    """A CI trial imported a German file ltmt wrote before its English changed: the old German
    was stored as the new English's 100 % match. The record of what ltmt wrote there (found by
    the file's content in a fresh workspace) proves it stale: the pair is skipped."""
    with Memory(store) as memory:  # no key names: the memory alone tells nothing here
        memory.import_pairs("app", [("Keep your memories in one place.", "Bewahre sie auf.")])
    first, fresh = tmp_path / "ci-1", tmp_path / "ci-2"
    first.mkdir(), fresh.mkdir()
    (first / "en.json").write_text('{"tagline": "Keep your memories in one place."}', "utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    translated = ["translate", str(first / "en.json"), "-o", str(first / "de.json"), "-u", "app"]
    code, _, err = ltmt(capsys, *translated, *model)
    assert code == 0, err
    assert json.loads((first / "de.json").read_text("utf-8")) == {"tagline": "Bewahre sie auf."}
    (fresh / "de.json").write_bytes((first / "de.json").read_bytes())
    (fresh / "en.json").write_text('{"tagline": "Keep all your memories safe."}', "utf-8")
    args = [str(fresh / "de.json"), "--source-file", str(fresh / "en.json"), "-u", "app"]
    code, out, err = ltmt(capsys, "memory", "import", *args, "--memory-dir", store)
    assert (code, out) == (
        0,
        "imported de.json into app: 0 added, 0 duplicates, 1 skipped (1 target of an older source)\n",
    ), err
    assert "another source of the same key" not in err
    with Memory(store) as memory:
        stored = sorted(segment.source for segment in memory.segments("app"))
    assert stored == ["Keep your memories in one place."]


def test_a_csv_table_row_ltmt_filled_for_an_older_english_is_not_imported(
    capsys, tmp_path: Path, store: str
) -> None:
    """A table filled in place whose English changed since: its German is the old English's."""
    from ltmt.formats.csv_table import CsvTable
    from ltmt.formats.output_sources import OutputSources

    table = tmp_path / "strings.csv"
    table.write_text("key,en,de\nhp,Restore 50 HP.,50 HP wiederherstellen.\nq,Quit,Beenden\n")
    held = CsvTable.open(table).held_translations()  # as ltmt translate records its output
    written = [(unit, held[unit.key]) for unit in CsvTable.open(table).units()]
    OutputSources.in_cache("app").write(table, written)
    table.write_text(table.read_text("utf-8").replace("50 HP.", "80 HP."), "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert (code, out) == (
        0,
        "imported strings.csv into app: 1 added, 0 duplicates, 1 skipped (1 target of an older "
        "source)\n",
    ), err


def test_an_import_of_ltmts_own_unchanged_output_is_stored_and_named(
    capsys, tmp_path: Path, store: str
) -> None:
    """ltmt's raw machine translation, imported back, was stored as approved memory without a
    word, though the record of what ltmt wrote into the file says it is ltmt's."""
    from ltmt.formats.csv_table import CsvTable
    from ltmt.formats.output_sources import OutputSources

    table = tmp_path / "strings.csv"
    table.write_text("key,en,de\nhp,Restore 50 HP.,50 HP wiederherstellen.\nq,Quit,Nah\n")
    held = CsvTable.open(table).held_translations()  # as ltmt translate records its output
    written = [(unit, held[unit.key]) for unit in CsvTable.open(table).units()]
    OutputSources.in_cache("app").write(table, written)
    table.write_text(
        table.read_text("utf-8").replace("Nah", "Programm beenden"), "utf-8"
    )  # reviewed
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert (code, out) == (0, "imported strings.csv into app: 2 added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[1:] == [
        "ltmt: warning: 1 pair ltmt translated into strings.csv and nobody changed since were "
        "stored as approved (hp), which --reviewed-only would have left out; review them, or undo the import (2 pairs of that file): ltmt memory delete --user "
        f"app --origin {table} --yes"
    ]
    # the hint works as given (without --yes, delete only says what it would delete)
    hint = shlex.split(err.splitlines()[-1].partition("of that file): ltmt ")[2])
    code, out, err = ltmt(capsys, *hint, "--memory-dir", store)
    assert (code, out.split(";")[0]) == (0, f"deleted 2 segments of app from {table}"), err
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert code == 0, err
    # --reviewed-only (as ltmt qa's) leaves ltmt's unchanged translation out, counted
    code, out, err = ltmt(
        capsys,
        "memory",
        "import",
        str(table),
        "-u",
        "app",
        "--memory-dir",
        store,
        "--reviewed-only",
    )
    assert (code, out) == (
        0,
        "imported strings.csv into app: 0 added, 1 duplicate, 1 skipped "
        "(1 written by ltmt and not reviewed)\n",
    ), err
    assert "nobody changed since" not in err


def test_an_import_again_says_ltmts_unreviewed_pairs_are_stored_not_that_it_stored_them(
    capsys, tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial rl2, session 71: the same unchanged strings.xml imported a second time said '0
    added, 2 duplicates' and still that ltmt's 2 pairs 'were stored as approved' with an undo
    command; nothing was stored. This run's are said as stored, an earlier import's apart."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    english, german = tmp_path / "values" / "strings.xml", tmp_path / "strings.xml"
    english.parent.mkdir()
    strings = [("save", "Save", "Speichern"), ("quit", "Quit", "Beenden")]
    english.write_text(_android([(key, source) for key, source, _ in strings]), "utf-8")
    german.write_text(_android([(key, target) for key, _, target in strings]), "utf-8")
    OutputSources.in_cache("app").write(
        german, [(Unit(key, source), target) for key, source, target in strings]
    )
    args = [str(german), "--source-file", str(english), "-u", "app", "--memory-dir", store]
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (0, "imported strings.xml into app: 2 added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[-1] == (
        "ltmt: warning: 2 pairs ltmt translated into strings.xml and nobody changed since were "
        "stored as approved (save, quit), which --reviewed-only would have left out; review "
        "them, or undo the import (2 pairs of that file): ltmt memory delete --user app "
        f"--origin {german} --yes"
    )
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (0, "imported strings.xml into app: 0 added, 2 duplicates, 0 skipped\n")
    assert "were stored" not in err
    assert err.splitlines()[-1] == (
        "ltmt: warning: 2 pairs ltmt translated into strings.xml and nobody changed since are "
        "stored as approved by an earlier import (save, quit), which --reviewed-only would have "
        "left out; review them in the file and import it again"
    )


def test_ltmts_unreviewed_output_is_known_in_a_folder_for_another_user_and_in_a_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record of what ltmt wrote was read for a single file and the user it translated
    for: a folder import, an import into another user, and a copy of the output with a cell
    edited stored ltmt's machine translation as approved without a word."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    (tmp_path / "proj").mkdir()
    po = tmp_path / "proj" / "de.po"
    written = [("Save", "Speichern"), ("Open", "Öffnen"), ("Quit", "Beenden")]
    po.write_text("".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in written), "utf-8")
    OutputSources.in_cache("translator").write(
        po, [(Unit(str(n), s), t) for n, (s, t) in enumerate(written)]
    )
    folder = ["memory", "import", str(tmp_path / "proj"), "--memory-dir", store]
    code, out, err = ltmt(capsys, *folder, "-u", "dev", "--reviewed-only")
    assert (code, out) == (
        0,
        "imported proj into dev: 0 added, 0 duplicates, 3 skipped (3 written by ltmt and not "
        "reviewed)\n",
    ), err
    code, out, err = ltmt(capsys, *folder, "-u", "dev6")
    assert (code, out) == (0, "imported proj into dev6: 3 added, 0 duplicates, 0 skipped\n"), err
    assert err.splitlines()[-1].startswith(
        "ltmt: warning: 3 pairs ltmt translated into proj and nobody changed since were stored "
        "as approved (de.po: line 1, de.po: line 4, de.po: line 7), which --reviewed-only would "
        "have left out; review them"
    )
    copy = tmp_path / "reviewed.po"  # a copy, one translation edited by hand
    copy.write_text(po.read_text("utf-8").replace("Beenden", "Programm beenden"), "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(copy), "-u", "scratch", "--memory-dir", store
    )
    assert (code, out) == (
        0,
        "imported reviewed.po into scratch: 3 added, 0 duplicates, 0 skipped\n",
    )
    assert err.splitlines()[-1].startswith(
        "ltmt: warning: 2 pairs ltmt translated into reviewed.po and nobody changed since were "
        "stored as approved (line 1, line 4), which --reviewed-only would have left out; "
        "review them"
    )


def test_an_import_whose_origin_held_reviewed_pairs_offers_no_undo_that_deletes_them(
    capsys, tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team's reviewed file imported, then filled by ltmt and imported again: the warning
    suggested 'memory delete --origin FILE --yes', which deleted the reviewed pairs of the
    first import too (both share the file's origin); session 67."""
    from ltmt.formats.csv_table import CsvTable
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    table = tmp_path / "strings.csv"
    table.write_text("key,en,de\nq,Quit,Beenden\n")  # the team's reviewed file
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert code == 0, err
    table.write_text("key,en,de\nq,Quit,Beenden\nhp,Restore 50 HP.,50 HP wiederherstellen.\n")
    held = CsvTable.open(table).held_translations()  # as ltmt translate records its output
    units = CsvTable.open(table).units()  # ltmt wrote the string the file lacked
    written = [(unit, held[unit.key]) for unit in units[1:]]
    with Memory(store) as memory:
        OutputSources.in_cache("app", memory).write(table, written)
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert (code, out) == (0, "imported strings.csv into app: 1 added, 1 duplicate, 0 skipped\n"), (
        err
    )
    assert err.splitlines()[-1] == (
        "ltmt: warning: 1 pair ltmt translated into strings.csv and nobody changed since were "
        "stored as approved (hp), which --reviewed-only would have left out; review them (no command undoes this import alone: the memory "
        "held pairs imported from strings.csv before, and 'ltmt memory delete --origin' would "
        "delete those too)"
    )
    assert Memory(store).count("app") == 2


def test_ltmts_same_translation_imported_from_another_file_it_filled_is_still_unreviewed(
    capsys, tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV table ltmt filled was imported with '1 added' alone, no warning, where the
    memory held its machine translation from a JSON file ltmt filled alike (imported first,
    and warned of): that match was taken for an approved one; --reviewed-only stored it too
    (Lokalise trial, session 70)."""
    from ltmt.formats.csv_table import CsvTable
    from ltmt.formats.json_catalog import JsonCatalog
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text('{"hp": "Restore 50 HP."}')
    output.write_text('{"hp": "50 HP wiederherstellen."}')
    table = tmp_path / "strings.csv"
    table.write_text("key,en,de\nhp,Restore 50 HP.,50 HP wiederherstellen.\n")
    with Memory(store) as memory:  # ltmt wrote both, its machine translation
        records = OutputSources.in_cache("app", memory)
        catalog = JsonCatalog.open(source)
        records.write(output, [(unit, "50 HP wiederherstellen.") for unit in catalog.units()])
        held = CsvTable.open(table).held_translations()
        records.write(table, [(unit, held[unit.key]) for unit in CsvTable.open(table).units()])
    code, out, err = ltmt(
        capsys,
        "memory",
        "import",
        str(output),
        "--source-file",
        str(source),
        "-u",
        "app",
        "--memory-dir",
        store,
    )
    assert code == 0, err
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert (code, out) == (0, "imported strings.csv into app: 1 added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[-1] == (
        "ltmt: warning: 1 pair ltmt translated into strings.csv and nobody changed since were "
        "stored as approved (hp), which --reviewed-only would have left out; review them, or "
        f"undo the import (1 pair of that file): ltmt memory delete --user app --origin {table} "
        "--yes"
    )


def test_ltmts_reuse_of_an_approved_match_is_a_duplicate_not_unreviewed_translation(
    capsys, tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A string translate filled with the memory's approved 100 % match was named among the
    pairs "ltmt translated ... and nobody changed since", and --reviewed-only skipped it as
    "written by ltmt and not reviewed"; session 67."""
    from ltmt.formats.csv_table import CsvTable
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    approved = tmp_path / "approved.csv"
    approved.write_text("key,en,de\nq,Quit,Beenden\n")
    code, out, err = ltmt(
        capsys, "memory", "import", str(approved), "-u", "app", "--memory-dir", store
    )
    assert code == 0, err
    table = tmp_path / "strings.csv"  # ltmt wrote both: the first from the memory
    table.write_text("key,en,de\nq,Quit,Beenden\nhp,Restore 50 HP.,50 HP wiederherstellen.\n")
    held = CsvTable.open(table).held_translations()
    written = [(unit, held[unit.key]) for unit in CsvTable.open(table).units()]
    with Memory(store) as memory:
        OutputSources.in_cache("app", memory).write(table, written)
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store
    )
    assert (code, out) == (0, "imported strings.csv into app: 1 added, 1 duplicate, 0 skipped\n")
    assert err.splitlines()[-1] == (
        "ltmt: warning: 1 pair ltmt translated into strings.csv and nobody changed since were "
        "stored as approved (hp), which --reviewed-only would have left out; review them, or undo the import (1 pair of that file): ltmt memory delete --user "
        f"app --origin {table} --yes"
    )
    code, out, err = ltmt(
        capsys,
        "memory",
        "delete",
        "-u",
        "app",
        "--origin",
        str(table),
        "--yes",
        "--memory-dir",
        store,
    )
    assert code == 0, err
    code, out, err = ltmt(
        capsys,
        "memory",
        "import",
        str(table),
        "-u",
        "app",
        "--memory-dir",
        store,
        "--reviewed-only",
    )
    assert (code, out) == (
        0,
        "imported strings.csv into app: 0 added, 1 duplicate, 1 skipped "
        "(1 written by ltmt and not reviewed)\n",
    ), err


def test_a_po_catalog_ltmt_filled_without_fuzzy_marks_is_named_on_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog translated with --no-fuzzy (X-Generator: ltmt) was imported with its raw
    machine translation as approved, without a word."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    po = tmp_path / "de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"X-Generator: ltmt 0.1.0\\n"\n\n'
        'msgid "Save"\nmsgstr "Speichern"\n\nmsgid "Open"\nmsgstr "Öffnen"\n',
        "utf-8",
    )
    for extra, apart in (
        ([], ""),
        (["--reviewed-only"], ", which --reviewed-only cannot tell apart"),
    ):
        user = f"u{len(extra)}"
        code, out, err = ltmt(
            capsys, "memory", "import", str(po), "-u", user, "--memory-dir", store, *extra
        )
        assert (code, out) == (0, f"imported de.po into {user}: 2 added, 0 duplicates, 0 skipped\n")
        assert err.splitlines()[-1] == (
            "ltmt: warning: de.po says ltmt filled translations in (X-Generator: ltmt 0.1.0) "
            "and marks none fuzzy, and no record on this machine says which: 2 pairs imported "
            "as approved, which hold ltmt's machine translation unless a reviewer removed its "
            f"fuzzy marks{apart}; if nobody reviewed it, undo the import (2 pairs of that file): "
            "ltmt memory delete "
            f"--user {user} --origin {po.resolve()} --yes"
        )


def test_a_po_catalog_ltmt_filled_without_fuzzy_marks_here_is_left_out_by_reviewed_only(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression trial babel, session 67: ltmt kept no record of what it wrote into a PO
    catalog, so after translate --no-fuzzy, import --reviewed-only stored its machine
    translation all the same ("no record on this machine says which")."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    source, out = tmp_path / "init.po", tmp_path / "nofuzzy.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Open the file"\nmsgstr ""\n'
    )
    model = ["--model", str(tiny_model_dir), "--beam", "1"]
    code, _, err = ltmt(capsys, "translate", str(source), "--no-fuzzy", "-o", str(out), *model)
    assert code == 0, err
    code, out_text, err = ltmt(
        capsys, "memory", "import", str(out), "-u", "u1", "--memory-dir", store, "--reviewed-only"
    )
    assert (code, out_text) == (
        0,
        "imported nofuzzy.po into u1: 0 added, 0 duplicates, 1 skipped "
        "(1 written by ltmt and not reviewed)\n",
    )
    assert "no record" not in err


# the regression trial's rec.po (session 67): an app's catalog, its 4 entries empty
REC_PO = (
    'msgid ""\nmsgstr ""\n"Project-Id-Version: shop 1.0\\n"\n"Language: de\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    '#: a.py:1\nmsgid "Your order has been shipped."\nmsgstr ""\n\n'
    '#: a.py:2\nmsgid "Your password has been changed."\nmsgstr ""\n\n'
    '#: a.py:3\nmsgid "The invoice could not be downloaded."\nmsgstr ""\n\n'
    '#: a.py:4\nmsgid "Add to cart"\nmsgstr ""\n'
)


def test_po_entries_ltmt_wrote_fuzzy_that_a_reviewer_unflagged_are_imported_as_reviewed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_translation: None,
) -> None:
    """Regression trial regc (rec.po), session 67: ltmt filled a catalog marking its entries
    fuzzy (the default), a reviewer removed the flags (and edited one), and import
    --reviewed-only said '1 added ... 3 skipped (3 written by ltmt and not reviewed)'; without
    it, 'ltmt translated ... and nobody changed since'. A flag removed is a review: all 4
    are stored, unnamed, after a rerun over the reviewed catalog too."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    out = tmp_path / "de.po"
    out.write_text(REC_PO, encoding="utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1"]
    code, _, err = ltmt(capsys, "translate", str(out), "-o", str(out), *model)
    assert code == 0, err
    text = out.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    edited = text.replace("[de] Add to cart", "In den Warenkorb")
    out.write_text(edited, encoding="utf-8")
    for rerun in (False, True):
        if rerun:  # a run over the reviewed catalog records what it holds: a reviewer's
            code, _, err = ltmt(capsys, "translate", str(out), "-o", str(out), *model)
            assert code == 0, err
        code, said, err = ltmt(
            capsys,
            "memory",
            "import",
            str(out),
            "-u",
            f"u{rerun}",
            "--memory-dir",
            store,
            "--reviewed-only",
            "--no-language-check",  # the stand-in translations read as English
        )
        assert (code, said) == (
            0,
            f"imported de.po into u{rerun}: 4 added, 0 duplicates, 0 skipped\n",
        ), err
        assert "ltmt translated" not in err and "not reviewed" not in err


def test_a_po_catalog_ltmt_filled_with_fuzzy_marks_is_imported_without_the_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog ltmt filled in the default mode (its machine translation fuzzy, not read)
    was imported with a warning of "unreviewed machine translation among them"."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"X-Generator: ltmt 0.1.0\\n"\n\n'
        'msgid "Save"\nmsgstr "Speichern"\n\n#, fuzzy\nmsgid "Open"\nmsgstr "Offen"\n',
        "utf-8",
    )
    code, out, err = ltmt(capsys, "memory", "import", str(po), "-u", "u1", "--memory-dir", store)
    assert (code, out) == (
        0,
        "imported django.po into u1: 1 added, 0 duplicates, 0 skipped; not read: 1 fuzzy\n",
    )
    assert "warning" not in err


@pytest.mark.parametrize(
    ("admins", "said"),
    [
        ([], "1 segment and 2 glossary terms"),
        ([False, True], "1 segment, 2 glossary terms and 2 API keys, one of them an admin key"),
        ([True], "1 segment, 2 glossary terms and 1 API key, an admin key"),
        (
            [False, False, True, True],
            "1 segment, 2 glossary terms and 4 API keys, 2 of them admin keys",
        ),
        ([True, True], "1 segment, 2 glossary terms and 2 API keys, all of them admin keys"),
    ],
)
def test_a_refused_user_delete_says_the_api_keys_it_would_revoke(
    capsys: pytest.CaptureFixture[str], store: str, admins: list[bool], said: str
) -> None:
    """The refusal named the segments alone: that the user's keys, an admin's among them,
    go too was a surprise after --yes."""
    from ltmt.memory.keys import KeyRing

    with Memory(store) as memory:
        memory.import_pairs("alice", [("Push", "Pushen")])
        memory.glossary("alice").add("push", "pushen")
        memory.glossary("alice").add("pull", "pullen")
        for admin in admins:
            KeyRing(memory).create("alice", admin=admin)
    code, _, err = ltmt(capsys, "memory", "delete", "-u", "alice", "--memory-dir", store)
    assert code == 2
    assert f"refusing to delete user 'alice' ({said}) without --yes" in err


@pytest.mark.parametrize("file", ["-", "pairs.jsonl"])
def test_import_into_a_store_whose_parent_folder_is_missing_is_refused(
    capsys, tmp_path, monkeypatch, file
):
    """``--memory-dir typo/store`` made ``typo/`` and the store (for standard input, before
    the input was read)."""
    import io

    line = '{"source": "Open the file", "target": "Datei öffnen"}\n'
    (tmp_path / "pairs.jsonl").write_text(line, "utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "typo" / "store"
    code, _, err = ltmt(
        capsys,
        "memory",
        "import",
        file,
        "--format",
        "jsonl",
        "-u",
        "u1",
        "--memory-dir",
        str(store),
    )
    assert (code, err) == (
        1,
        f"ltmt: error: memory store {store}: folder {store.parent} does not exist; create it "
        "first (a new store's own folder is made, not the folders above it)\n",
    )
    assert not store.parent.exists()


def test_a_glossary_csv_imported_as_memory_is_named_with_the_command_that_reads_it(
    tmp_path: Path, capsys, store
):
    """Its note and case columns were dropped without a word."""
    terms = tmp_path / "terms.csv"
    terms.write_text(
        "source,target,note,case\ninfusion pump,Infusionspumpe,device,\n"
        "instructions for use,Gebrauchsanweisung,,\nflow rate,Förderrate,,\n",
        "utf-8",
    )
    code, out, err = ltmt(capsys, "memory", "import", str(terms), "-u", "x", "--memory-dir", store)
    assert code == 0 and "3 added" in out
    assert err.startswith(
        "ltmt: warning: terms.csv looks like a glossary (its header names note or case columns, "
        "which a memory import drops); ltmt glossary import reads them\n"
    )


def test_an_import_of_another_pair_than_the_default_models_is_warned_of(
    capsys: pytest.CaptureFixture[str],
    store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mistyped --tgt-lang fr made an en→fr memory for the en→de model without a word; a
    region of the model's language is its pair."""
    monkeypatch.setattr("ltmt.model.languages.model_languages", lambda model: ("en", "de"))
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps({"source": "Only here.", "target": "Seulement ici."}) + "\n")
    code, _, err = ltmt(
        capsys, "memory", "import", str(path), "--user", "c1", "--tgt-lang", "fr",
        "--memory-dir", store, "--no-language-check",
    )  # fmt: skip
    assert code == 0
    assert err.endswith(
        "ltmt: warning: --src-lang en --tgt-lang fr: the default model translates en→de only, "
        "so ltmt translate uses this memory only with a model of en→fr (--model); if a flag is "
        "wrong, import into a new user\n"
    )
    path.write_text(json.dumps({"source": "Only here.", "target": "Nur hier."}) + "\n")
    code, _, err = ltmt(
        capsys, "memory", "import", str(path), "--user", "c2", "--tgt-lang", "de-AT",
        "--memory-dir", store,
    )  # fmt: skip
    assert (code, "warning" in err) == (0, False)


def test_a_termbase_is_sent_to_glossary_import(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    path = tmp_path / "terms.tbx"
    path.write_text('<martif type="TBX"><text><body/></text></martif>', "utf-8")
    code, _, err = ltmt(capsys, "memory", "import", str(path), "--user", "u", "--memory-dir", store)
    assert (code, err) == (
        1,
        f"ltmt: error: {path} is a termbase (TBX), not a translation memory; import it as a "
        f"glossary: ltmt glossary import {path} --user u\n",
    )


def test_delete_origin_undoes_an_import_and_says_how_many_before_yes(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    """An import into the wrong user could be undone only id by id."""
    with Memory(store) as memory:
        memory.add("git", "Save", "Sichern")
    ltmt(capsys, "memory", "import", str(pairs_file), "-u", "git", "--memory-dir", store)
    delete = ("memory", "delete", "-u", "git", "--memory-dir", store)
    code, _, err = ltmt(capsys, *delete, "--origin", "git.json")
    assert (code, err) == (
        1,
        f"ltmt: error: git has no segments of origin 'git.json' (did you mean {pairs_file}?)\n",
    )
    code, _, err = ltmt(capsys, *delete, "--origin", "git.jsonl")
    assert code == 2
    assert f"refusing to delete the 3 segments of git from {pairs_file} without --yes" in err
    code, _, err = ltmt(capsys, *delete, "--origin", "git.jsonl", "--id", "1")
    assert (code, err) == (
        1,
        "ltmt: error: --id deletes one segment, --origin the segments of an import: give one\n",
    )
    # the path the import was given names its origin (an import records the file's path)
    code, out, _ = ltmt(capsys, *delete, "--origin", str(pairs_file), "--yes")
    assert (code, out) == (0, f"deleted 3 segments of git from {pairs_file}; {COMPACT_NOTE}\n")
    with Memory(store) as memory:
        assert [s.source for s in memory.segments("git")] == ["Save"]


@pytest.mark.parametrize("origin", ["", "/"])
def test_delete_origin_refuses_a_blank_origin_or_the_root(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path, origin: str
) -> None:
    """--origin "$UNSET" --yes deleted every imported pair: each import records its path."""
    ltmt(capsys, "memory", "import", str(pairs_file), "-u", "git", "--memory-dir", store)
    delete = ("memory", "delete", "-u", "git", "--memory-dir", store, "--yes")
    code, _, err = ltmt(capsys, *delete, "--origin", origin)
    assert (code, err) == (
        1,
        f"ltmt: error: origin {origin!r} names no import: give an imported file or folder as "
        "'ltmt memory stats --user USER' lists it\n",
    )
    with Memory(store) as memory:
        assert memory.count("git") == 3


def test_delete_origin_keeps_and_counts_the_pairs_another_origin_holds(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    """Undoing an origin removed the pairs an import had stored too (and the other way)."""
    with Memory(store) as memory:
        memory.add("git", "Open the file", "Datei öffnen", origin="cli")
    ltmt(capsys, "memory", "import", str(pairs_file), "-u", "git", "--memory-dir", store)
    delete = ("memory", "delete", "-u", "git", "--memory-dir", store, "--yes")
    code, out, _ = ltmt(capsys, *delete, "--origin", "cli")
    assert (code, out) == (
        0,
        f"deleted 0 segments of git from cli (1 kept: other origins hold them too); "
        f"{COMPACT_NOTE}\n",
    )
    with Memory(store) as memory:
        assert memory.stats("git")["origins"] == {str(pairs_file): 3}


def test_delete_origin_asks_for_the_count_it_deletes_and_says_the_kept(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    """Without --yes the count asked for was of every pair the origin held (3), though the
    delete then removed only the one no other origin holds."""
    with Memory(store) as memory:
        memory.add("git", "Open the file", "Datei öffnen", origin="cli")
        memory.add("git", "Close the file", "Datei schließen", origin="cli")
    ltmt(capsys, "memory", "import", str(pairs_file), "-u", "git", "--memory-dir", store)
    delete = ("memory", "delete", "-u", "git", "--memory-dir", store, "--origin", "git.jsonl")
    kept = "(2 kept: other origins hold them too)"
    code, _, err = ltmt(capsys, *delete)
    assert code == 2
    assert f"refusing to delete the 1 segment of git from {pairs_file} {kept} without --yes" in err
    code, out, _ = ltmt(capsys, *delete, "--yes")
    said = f"deleted 1 segment of git from {pairs_file} {kept}; {COMPACT_NOTE}\n"
    assert (code, out) == (0, said)


def test_an_origin_holding_pairs_only_besides_another_is_undone(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    """A file imported after an identical one holds its pairs only besides the first's origin:
    deleting it said the user had no segments of it, so it could not be undone. It is taken off
    them, and none is deleted."""
    copy = pairs_file.with_name("copy.jsonl")
    copy.write_bytes(pairs_file.read_bytes())
    for path in (pairs_file, copy):
        ltmt(capsys, "memory", "import", str(path), "-u", "git", "--memory-dir", store)
    delete = ("memory", "delete", "-u", "git", "--memory-dir", store, "--origin", "copy.jsonl")
    kept = "(3 kept: other origins hold them too)"
    code, _, err = ltmt(capsys, *delete)
    assert code == 2
    assert (
        f"refusing to take origin {copy} off 3 segments of git, delete none (other origins"
        " hold them) without --yes" in err
    )
    code, out, _ = ltmt(capsys, *delete, "--yes")
    assert (code, out) == (0, f"deleted 0 segments of git from {copy} {kept}; {COMPACT_NOTE}\n")
    code, _, err = ltmt(capsys, *delete, "--yes")
    assert code == 1
    assert "git has no segments of origin 'copy.jsonl'" in err
    with Memory(store) as memory:
        assert memory.stats("git")["origins"] == {str(pairs_file): 3}
        assert all(segment.metadata == {} for segment in memory.segments("git"))


def test_each_file_of_an_imported_folder_is_undone_alone_or_with_the_folder(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """A folder import recorded the folder's name for all its files: --origin of one file found
    nothing, and one file could not be undone."""
    for name, target in (("a", "Speichern"), ("b", "Sichern")):
        (tmp_path / "proj" / name).mkdir(parents=True)
        po = f'msgid "Save"\nmsgstr "{target}"\n\nmsgid "Open {name}"\nmsgstr "Öffne {name}"\n'
        (tmp_path / "proj" / name / "de.po").write_text(po, "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(tmp_path / "proj"), "-u", "u", "--memory-dir", store
    )
    assert (code, out) == (0, "imported proj into u: 4 added, 0 duplicates, 0 skipped\n"), err
    delete = ("memory", "delete", "-u", "u", "--memory-dir", store, "--yes")
    proj = tmp_path.resolve() / "proj"
    code, out, _ = ltmt(capsys, *delete, "--origin", "proj/a/de.po")
    assert (code, out) == (0, f"deleted 2 segments of u from {proj}/a/de.po; {COMPACT_NOTE}\n")
    code, out, _ = ltmt(capsys, *delete, "--origin", str(tmp_path / "proj"))
    assert (code, out) == (0, f"deleted 2 segments of u from {proj}; {COMPACT_NOTE}\n")
    with Memory(store) as memory:
        assert memory.count("u") == 0


def test_the_current_folder_imported_as_a_dot_is_named_by_its_name(
    capsys: pytest.CaptureFixture[str],
    store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Trial s77 (Sphinx docs): ``memory import .`` said ``imported  into repro1``."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "de.po").write_text('msgid "Save"\nmsgstr "Speichern"\n', "utf-8")
    monkeypatch.chdir(docs)
    _, out, _ = ltmt(capsys, "memory", "import", ".", "-u", "u", "--memory-dir", store)
    assert out.startswith("imported docs into u: 1 added")


def test_a_folder_imports_exported_origin_is_the_path_stats_shows_and_deletes_it(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """A user trial (a WebExtension's _locales/de): stats showed .../de/messages.json, a JSONL
    export .../de//messages.json (the store's folder mark), so the origin copied from the export
    was not the one stats and the delete named."""
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "de.po").write_text('msgid "Save"\nmsgstr "Speichern"\n', "utf-8")
    folder = str(tmp_path / "de")
    ltmt(capsys, "memory", "import", folder, "-u", "u", "--memory-dir", store)
    exported = tmp_path / "export.jsonl"
    ltmt(capsys, "memory", "export", "-u", "u", "-o", str(exported), "--memory-dir", store)
    origin = json.loads(exported.read_text("utf-8"))["ltmt_segment"]["origin"]
    assert origin == f"{tmp_path.resolve()}/de/de.po"
    _, out, _ = ltmt(capsys, "memory", "stats", "-u", "u", "--memory-dir", store)
    assert f"origins: {origin}: 1\n" in out
    delete = ("memory", "delete", "-u", "u", "--memory-dir", store, "--yes", "--origin", origin)
    code, out, _ = ltmt(capsys, *delete)
    assert (code, out) == (0, f"deleted 1 segment of u from {origin}; {COMPACT_NOTE}\n")


def _module_po(*pairs: tuple[str, str]) -> str:
    """An Odoo module's i18n/de.po holding ``pairs``."""
    header = (
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    )
    return header + "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in pairs)


def test_two_modules_i18n_folders_are_two_imports_and_undoing_one_keeps_the_others_pairs(
    capsys: pytest.CaptureFixture[str],
    store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A user trial (Odoo modules): the imports of stock_extension/i18n and sale_extension/i18n
    both recorded i18n/de.po, so stats counted one origin, and deleting --origin of stock's
    de.po deleted the pairs of both modules."""
    shared = [("Save", "Speichern"), ("Cancel", "Abbrechen")]
    modules = {
        "stock_extension": [*shared, ("Stock move", "Lagerbuchung")],
        "sale_extension": [*shared, ("Quotation", "Angebot"), ("Sale order", "Auftrag")],
    }
    for module, pairs in modules.items():
        (tmp_path / module / "i18n").mkdir(parents=True)
        (tmp_path / module / "i18n" / "de.po").write_text(_module_po(*pairs), "utf-8")
    monkeypatch.chdir(tmp_path)
    said = []
    for module in modules:
        code, out, err = ltmt(
            capsys, "memory", "import", f"{module}/i18n", "-u", "t2", "--memory-dir", store
        )
        assert code == 0, err
        said.append(out)
    assert said == [
        "imported i18n into t2: 3 added, 0 duplicates, 0 skipped\n",
        "imported i18n into t2: 2 added, 2 duplicates, 0 skipped\n",
    ]
    root = tmp_path.resolve()
    stock, sale = (f"{root}/{module}/i18n/de.po" for module in modules)
    _, out, _ = ltmt(capsys, "memory", "stats", "-u", "t2", "--memory-dir", store)
    # what deleting each would do: stock's 2 shared pairs are kept, sale holds them too
    assert f"origins: {sale}: 2 (+2 shared), {stock}: 1 (+2 shared)\n" in out
    delete = ("memory", "delete", "-u", "t2", "--memory-dir", store, "--origin")
    code, _, err = ltmt(capsys, *delete, "i18n/de.po", "--yes")
    assert (code, err) == (
        1,
        f"ltmt: error: origin 'i18n/de.po' names 2 origins ({sale}, {stock}): give the path "
        "of the one meant, as 'ltmt memory stats' lists it\n",
    )
    code, _, err = ltmt(capsys, *delete, "i18n", "--yes")
    assert (code, err) == (
        1,
        f"ltmt: error: origin 'i18n' names 2 origins ({root}/sale_extension/i18n, "
        f"{root}/stock_extension/i18n): give the path of the one meant, as 'ltmt memory "
        "stats' lists it\n",
    )
    code, _, err = ltmt(capsys, *delete, str(tmp_path), "--yes")  # above the folders imported
    assert code == 1
    assert f"t2 has no segments of origin '{tmp_path}'" in err
    code, out, _ = ltmt(capsys, *delete, stock, "--yes")
    assert (code, out) == (
        0,
        f"deleted 1 segment of t2 from {stock} (2 kept: other origins hold them too); "
        f"{COMPACT_NOTE}\n",
    )
    with Memory(store) as memory:
        assert sorted((s.source, s.target) for s in memory.segments("t2")) == sorted(
            modules["sale_extension"]
        )
        assert memory.shared_origins("t2") == {}
    code, out, _ = ltmt(capsys, "memory", "check", "--memory-dir", store)
    assert code == 0, out
    # the other module's folder, as the import was given, undoes it whole
    code, out, _ = ltmt(capsys, *delete, "sale_extension/i18n", "--yes")
    assert (code, out) == (
        0,
        f"deleted 4 segments of t2 from {root}/sale_extension/i18n; {COMPACT_NOTE}\n",
    )


def test_a_jsonl_export_names_each_segments_id_and_origin_and_imports_back_as_duplicates(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """The export had neither ids nor origins, so an undo of an import could not be scripted;
    what it adds must not come back as metadata (which would store the pairs anew)."""
    tmx_like = tmp_path / "acme.jsonl"
    tmx_like.write_text('{"source": "Save", "target": "Speichern", "id": "tu-1"}\n', "utf-8")
    ltmt(capsys, "memory", "import", str(tmx_like), "-u", "c", "--memory-dir", store)
    ltmt(
        capsys,
        "memory",
        "add",
        "-u",
        "c",
        "--source",
        "Print",
        "--target",
        "Drucken",
        "--memory-dir",
        store,
    )
    exported = tmp_path / "export.jsonl"
    code, _, _ = ltmt(
        capsys, "memory", "export", "-u", "c", "-o", str(exported), "--memory-dir", store
    )
    rows = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    assert code == 0
    assert [
        (row.get("id"), row["ltmt_segment"]["id"], row["ltmt_segment"]["origin"]) for row in rows
    ] == [
        ("tu-1", 1, str(tmx_like)),
        (None, 2, "cli"),
    ]
    assert all(isinstance(row["ltmt_segment"]["created"], float) for row in rows)
    code, out, _ = ltmt(capsys, "memory", "import", str(exported), "-u", "c", "--memory-dir", store)
    assert (code, out) == (0, "imported export.jsonl into c: 0 added, 2 duplicates, 0 skipped\n")
    with Memory(store) as memory:
        assert [dict(s.metadata) for s in memory.segments("c")] == [{"id": "tu-1"}, {}]


def test_a_warning_of_memory_check_reads_as_the_commands_own(tmp_path: Path) -> None:
    """The check runs in a spawned process, which started without the command's logging: its
    warnings (a key file others may read, a re-index) lacked the ``ltmt: warning:`` prefix."""
    from ltmt.memory.crypto import generate_key_file

    store, key_file = tmp_path / "store", generate_key_file(tmp_path / "store.key")
    with Memory(store, key_file=key_file) as memory:
        memory.add("u", "Hello world.", "Hallo Welt.")
    key_file.chmod(0o644)
    argv = ["memory", "check", "--memory-dir", str(store), "--key-file", str(key_file)]
    result = subprocess.run(
        [sys.executable, "-c", ENTRY, *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"ltmt: warning: key file {key_file} can be read by others")
    assert result.stderr.count("\n") == 1


def test_two_files_of_one_name_are_two_origins(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """Imports of clientA/export.tmx and clientB/export.tmx were one origin, export.tmx, and
    deleting --origin clientB/export.tmx deleted clientA's pairs too."""
    files = {}
    for client, source in (("clientA", "Save"), ("clientB", "Open")):
        files[client] = tmp_path / client / "export.jsonl"
        files[client].parent.mkdir()
        pair = {"source": source, "target": f"{source}-de"}
        files[client].write_text(json.dumps(pair) + "\n", "utf-8")
        ltmt(capsys, "memory", "import", str(files[client]), "-u", "u", "--memory-dir", store)
    _, out, _ = ltmt(capsys, "memory", "stats", "-u", "u", "--memory-dir", store)
    assert f"origins: {files['clientA']}: 1, {files['clientB']}: 1\n" in out
    delete = ("memory", "delete", "-u", "u", "--memory-dir", store, "--yes", "--origin")
    code, _, err = ltmt(capsys, *delete, "export.jsonl")
    assert (code, err) == (
        1,
        f"ltmt: error: origin 'export.jsonl' names 2 origins ({files['clientA']}, "
        f"{files['clientB']}): give the path of the one meant, as 'ltmt memory stats' lists it\n",
    )
    code, out, _ = ltmt(capsys, *delete, str(files["clientB"]))
    assert (code, out) == (0, f"deleted 1 segment of u from {files['clientB']}; {COMPACT_NOTE}\n")
    with Memory(store) as memory:
        assert [s.source for s in memory.segments("u")] == ["Save"]


def test_stats_lists_an_origin_holding_pairs_only_besides_another(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    """A duplicate file's origin, which delete --origin knew, was in no line of stats; and
    stats said the first file held 3 while deleting it deleted none (the copy holds them)."""
    copy = pairs_file.with_name("copy.jsonl")
    copy.write_bytes(pairs_file.read_bytes())
    for path in (pairs_file, copy):
        ltmt(capsys, "memory", "import", str(path), "-u", "git", "--memory-dir", store)
    stats = ("memory", "stats", "-u", "git", "--memory-dir", store)
    _, out, _ = ltmt(capsys, *stats)
    assert f"origins: {copy}: 0 (+3 shared), {pairs_file}: 0 (+3 shared)\n" in out
    _, out, _ = ltmt(capsys, *stats, "--json")
    data = json.loads(out)
    assert (data["origins"], data["shared_origins"]) == ({str(pairs_file): 3}, {str(copy): 3})
    assert data["origin_shares"] == {
        str(copy): {"alone": 0, "shared": 3},
        str(pairs_file): {"alone": 0, "shared": 3},
    }
    code, _, err = ltmt(
        capsys, "memory", "delete", "-u", "git", "--memory-dir", store, "--origin", str(pairs_file)
    )
    assert code == 2
    assert f"take origin {pairs_file} off 3 segments of git, delete none" in err


def test_stats_says_per_origin_what_delete_origin_says_it_would_do(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """After stock's de.po (3 pairs) then sale's (4, 2 of them stock's too), stats said
    ``stock: 3`` while delete --origin stock said it would delete 1 (2 kept)."""
    files = {}
    for module, pairs in (
        ("stock", [("Save", "Speichern"), ("Cancel", "Abbrechen"), ("Move", "Buchung")]),
        (
            "sale",
            [
                ("Save", "Speichern"),
                ("Cancel", "Abbrechen"),
                ("Quote", "Angebot"),
                ("Order", "Auftrag"),
            ],
        ),
    ):
        files[module] = tmp_path / module / "i18n" / "de.po"
        files[module].parent.mkdir(parents=True)
        files[module].write_text(_module_po(*pairs), "utf-8")
        ltmt(capsys, "memory", "import", str(files[module]), "-u", "t2", "--memory-dir", store)
    _, out, _ = ltmt(capsys, "memory", "stats", "-u", "t2", "--memory-dir", store)
    assert f"origins: {files['sale']}: 2 (+2 shared), {files['stock']}: 1 (+2 shared)\n" in out
    delete = ("memory", "delete", "-u", "t2", "--memory-dir", store, "--origin")
    for module, said in (("stock", "the 1 segment"), ("sale", "the 2 segments")):
        code, _, err = ltmt(capsys, *delete, str(files[module]))
        assert code == 2
        assert (
            f"refusing to delete {said} of t2 from {files[module]} (2 kept: other origins hold "
            "them too) without --yes"
        ) in err


def test_an_import_that_makes_a_user_close_to_another_says_so(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path
) -> None:
    """--user webap (webapp exists) made a new user silently: the pairs went astray."""
    for user in ("webapp", "webap", "webap"):
        code, _, err = ltmt(
            capsys, "memory", "import", str(pairs_file), "-u", user, "--memory-dir", store
        )
    assert (code, "did you mean" in err) == (0, False)  # the second import of webap: not new
    _, _, err = ltmt(
        capsys, "memory", "import", str(pairs_file), "-u", "WebApp", "--memory-dir", store
    )
    assert (
        "ltmt: warning: did you mean webapp, webap? (a new user WebApp was created; "
        "'ltmt memory delete --user WebApp --yes' undoes it)\n"
    ) in err


def test_an_add_that_makes_a_user_close_to_another_says_so(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """memory add --user nv (vn exists) made a new user without a word (session 72): it says
    so as memory import does, once, when the user is made."""
    add = ("memory", "add", "--source", "Quit", "--target", "Beenden", "--memory-dir", store)
    errors = [ltmt(capsys, *add, "-u", user)[2] for user in ("vn", "nv", "nv", "zed")]
    assert errors == [
        f"ltmt: created a new memory store at {store}\n",
        "ltmt: warning: did you mean vn? (a new user nv was created; "
        "'ltmt memory delete --user nv --yes' undoes it)\n",
        "",  # nv holds the pair already: not new
        "",  # zed: close to no user
    ]


def test_an_import_warns_of_pairs_ltmt_qa_would_flag_and_stores_them(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """A target without its source's placeholders or numbers was imported without a word; each
    kind is one warning line with the ltmt qa command that lists them, and a clean file says
    nothing new."""
    english, german = tmp_path / "en.ftl", tmp_path / "de.ftl"
    english.write_text("welcome-back = Welcome back to { -brand-name }, { $user }!\nok = OK\n")
    german.write_text("welcome-back = Willkommen zurück!\nok = OK\n")
    code, out, err = ltmt(
        capsys, "memory", "import", str(german), "--source-file", str(english), "--user", "a1",
        "--memory-dir", store, "--no-language-check",
    )  # fmt: skip
    assert (code, out.split(": ")[1]) == (0, "2 added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[-1] == (
        f"ltmt: warning: 1 pair whose target lacks or adds placeholders imported ({german}: "
        f"welcome-back); list them: ltmt qa {german} --source-file {english} --no-language-check"
        " --check placeholders"
    )
    prices = tmp_path / "prices.csv"
    prices.write_text('source,target\n"Price: 25 EUR","Preis: 20 EUR"\n')
    code, _, err = ltmt(
        capsys, "memory", "import", str(prices), "--user", "a1", "--memory-dir", store
    )
    assert "1 pair whose numbers disagree with the source's imported" in err
    prices.write_text('source,target\n"Price: 25 EUR","Preis: 25 EUR"\n')
    code, _, err = ltmt(
        capsys, "memory", "import", str(prices), "--user", "a1", "--memory-dir", store
    )
    assert (code, err) == (0, "")


def test_the_ltmt_qa_an_import_suggests_reads_the_columns_it_read(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression trial voicegame, session 71: after 'memory import review.csv --columns
    "Line=German"' the hint 'list them: ltmt qa review.csv --check numbers' failed ('languages
    in the file are de, not en->de'); it carries the --columns the import used."""
    monkeypatch.chdir(tmp_path)
    Path("review.csv").write_text(
        "ID,Speaker,Line,German\n"
        "VO_1,Kael,We need to reach the keep before nightfall.,Wir müssen die Burg vor der "
        "Nacht erreichen.\n"
        "VO_2,Mira,Give me 3 potions now.,Gib mir jetzt 2 Tränke.\n"
        "VO_3,Kael,Then we go through the old tunnels.,Dann gehen wir durch die alten Tunnel.\n",
        "utf-8",
    )
    code, _, err = ltmt(
        capsys, "memory", "import", "review.csv", "-u", "voicegame", "--columns", "Line=German",
        "--memory-dir", store,
    )  # fmt: skip
    hint = "list them: ltmt qa review.csv --columns Line=German --check numbers"
    assert (code, err.splitlines()[-1].endswith(hint)) == (0, True), err
    code, out, _ = ltmt(capsys, *shlex.split(hint.removeprefix("list them: ltmt ")))
    assert "review.csv:3: warning [numbers]" in out


@pytest.mark.parametrize(
    ("name", "english", "german"),
    [
        ("de.ftl", "ok = OK\n", "ok = Gut\nobsolete-msg = Veraltet\n"),
        ("de.json", '{"ok": "OK"}', '{"ok": "Gut", "obsolete": "Veraltet"}'),
        (
            "strings.xml",
            '<resources><string name="ok">OK</string></resources>',
            '<resources><string name="ok">Gut</string><string name="gone">Weg</string></resources>',
        ),
    ],
)
def test_a_translated_string_not_in_the_source_file_is_counted_not_read(
    capsys: pytest.CaptureFixture[str],
    store: str,
    tmp_path: Path,
    name: str,
    english: str,
    german: str,
) -> None:
    """An obsolete string of the translated file made no pair and was dropped uncounted."""
    source, translated = tmp_path / f"en{Path(name).suffix}", tmp_path / name
    if name == "strings.xml":  # an Android resource folder's: values/ and values-de/
        source, translated = tmp_path / "values" / name, tmp_path / "values-de" / name
        source.parent.mkdir(), translated.parent.mkdir()
    source.write_text(english)
    translated.write_text(german)
    code, out, _ = ltmt(
        capsys, "memory", "import", str(translated), "--source-file", str(source), "--user", "o1",
        "--memory-dir", store, "--no-language-check",
    )  # fmt: skip
    assert (code, out.split(": ", 1)[1]) == (
        0,
        "1 added, 0 duplicates, 0 skipped; not read: 1 not in the source file\n",
    )


def test_swapped_android_files_are_refused_without_the_obsolete_strings_warning(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    store: str,
    tmp_path: Path,
) -> None:
    """values/strings.xml given as the translation of values-de/strings.xml first warned that
    the strings values-de lacks were "not imported ... delete them there", then refused the two
    sides as swapped: the warning sent the user to delete the English strings; session 67."""
    english, german = tmp_path / "values" / "strings.xml", tmp_path / "values-de" / "strings.xml"
    english.parent.mkdir(), german.parent.mkdir()
    words = [
        ("open", "Open the file", "Datei öffnen"),
        ("save", "Save your changes before you close the window", "Speichern Sie Ihre Änderungen, bevor Sie das Fenster schließen"),
        ("quit", "Do you really want to quit the application now?", "Wollen Sie die Anwendung jetzt wirklich beenden?"),
        ("gone", "The connection to the server was lost", "Die Verbindung zum Server ist unterbrochen"),
    ]  # fmt: skip
    strings = '<string name="{}">{}</string>'
    english.write_text(
        f"<resources>{''.join(strings.format(k, e) for k, e, _ in words)}</resources>"
    )
    german.write_text(
        f"<resources>{''.join(strings.format(k, g) for k, _, g in words[:3])}</resources>"
    )
    code, out, err = ltmt(
        capsys, "memory", "import", str(english), "--source-file", str(german), "--user", "a1",
        "--memory-dir", store,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err.startswith(f"ltmt: error: {english}: its sources read as German"), err
    assert "the two sides look swapped" in err and len(err.splitlines()) == 1, err
    assert [record.getMessage() for record in caplog.records] == []


@pytest.mark.parametrize("file_first", [True, False])
def test_a_file_imported_alone_and_with_its_folder_is_undone_alone(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path, file_first: bool
) -> None:
    """nest/a/b/de.po imported alone and with nest: delete --origin of the file's path deleted
    its 3 segments though nest's import still held them (both origins matched the path)."""
    nest = tmp_path / "nest"
    lone = nest / "a" / "b" / "de.po"
    lone.parent.mkdir(parents=True)
    lone.write_text(_module_po(("Save", "Speichern"), ("Cancel", "Abbrechen"), ("Move", "Buchung")))
    (nest / "a" / "top.po").write_text(_module_po(("Quote", "Angebot"), ("Order", "Auftrag")))
    imports = [str(lone), str(nest)] if file_first else [str(nest), str(lone)]
    for path in imports:
        ltmt(capsys, "memory", "import", "-u", "v", path, "--memory-dir", store)
    _, out, _ = ltmt(capsys, "memory", "stats", "-u", "v", "--memory-dir", store)
    assert (
        f"origins: {nest}//a/b/de.po: 0 (+3 shared), {lone}: 0 (+3 shared), {nest}/a/top.po: 2\n"
    ) in out
    delete = ("memory", "delete", "-u", "v", "--memory-dir", store, "--yes", "--origin")
    code, _, err = ltmt(capsys, *delete, "de.po")
    assert (code, err) == (
        1,
        f"ltmt: error: origin 'de.po' names 2 origins ({nest}//a/b/de.po, {lone}): give the "
        "path of the one meant, as 'ltmt memory stats' lists it\n",
    )
    code, out, _ = ltmt(capsys, *delete, str(lone))
    kept = "(3 kept: other origins hold them too)"
    assert (code, out) == (0, f"deleted 0 segments of v from {lone} {kept}; {COMPACT_NOTE}\n")
    with Memory(store) as memory:
        assert len(list(memory.segments("v"))) == 5
    code, out, _ = ltmt(capsys, *delete, f"{nest}//a/b/de.po")
    # the file imported alone undone: no other origin reads as the folder's file now
    assert (code, out) == (0, f"deleted 3 segments of v from {lone}; {COMPACT_NOTE}\n")


def test_reviewed_only_leaves_out_what_an_xliff_that_marks_approval_did_not_approve(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: str
) -> None:
    """Regression trial crowdin, session 67: a Crowdin unit ``<target state="translated">``
    without ``approved="yes"`` was stored by --reviewed-only; now it is counted not read."""
    units = [
        ('approved="yes"', "translated", "Cancel", "Abbrechen"),
        ("", "final", "Add a comment", "Kommentar schreiben"),
        ("", "translated", "Members can edit tasks.", "Mitglieder dürfen Aufgaben bearbeiten."),
    ]
    path = tmp_path / "messages_de.xliff"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
        'source-language="en" target-language="de" datatype="plaintext"><body>'
        + "".join(
            f'<trans-unit id="{n}" {mark}><source>{s}</source><target state="{state}">{t}'
            "</target></trans-unit>"
            for n, (mark, state, s, t) in enumerate(units)
        )
        + "</body></file></xliff>",
        "utf-8",
    )
    command = ["memory", "import", str(path), "--memory-dir", store]
    code, out, err = ltmt(capsys, *command, "-u", "u1", "--reviewed-only")
    assert (code, out) == (
        0,
        "imported messages_de.xliff into u1: 2 added, 0 duplicates, 0 skipped; not read: 1 not "
        "approved\n",
    ), err
    code, out, err = ltmt(capsys, *command, "-u", "u2")
    assert (code, out) == (
        0,
        "imported messages_de.xliff into u2: 3 added, 0 duplicates, 0 skipped\n",
    )


def test_a_csv_tables_columns_named_and_its_status_column_are_followed(
    capsys, tmp_path: Path, store: str
) -> None:
    """Regression trial csv, session 67: memory import had no --columns, and --reviewed-only
    stored a table's New rows as approved."""
    table = tmp_path / "dialogue.csv"
    table.write_text(
        "Speaker,Line A,Line B,Status\nElder,Be careful!,Sei vorsichtig!,Approved\n"
        "Mira,Quit,Beenden,New\n",
        "utf-8",
    )
    code, out, err = ltmt(
        capsys, "memory", "import", str(table), "-u", "app", "--memory-dir", store,
        "--columns", "Line A=Line B", "--reviewed-only",
    )  # fmt: skip
    assert (code, out) == (
        0,
        "imported dialogue.csv into app: 1 added, 0 duplicates, 0 skipped; not read: 1 not "
        "approved\n",
    ), err


def test_columns_of_a_folder_are_refused_with_what_to_do(
    capsys, tmp_path: Path, store: str
) -> None:
    """--columns names one CSV table's columns: given a folder, it is refused in one line
    that says what to import instead."""
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "dialogue.csv").write_text("Line A,Line B\nQuit,Beenden\n", "utf-8")
    code, out, err = ltmt(
        capsys, "memory", "import", str(folder), "-u", "app", "--memory-dir", store,
        "--columns", "Line A=Line B",
    )  # fmt: skip
    assert (code, out) == (1, ""), err
    assert err == (
        f"ltmt: error: --columns names the columns of one CSV table, and {folder} is a "
        "folder: import the table's file with --columns, or the folder without it\n"
    )


def test_search_shows_a_pair_imported_from_markdown_as_markdown(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    with Memory(store) as memory:
        memory.add(
            "u1",
            'Run <code data-md="raw">{{ x }}</code>',
            'Starte <code data-md="raw">{{ x }}</code>',
        )
    code, out, _ = ltmt(capsys, "memory", "search", "-u", "u1", "Run", "--memory-dir", store)
    assert (code, out[6:]) == (0, "\t1\tRun {{ x }}\tStarte {{ x }}\n")
    code, out, _ = ltmt(
        capsys, "memory", "search", "-u", "u1", "Run", "--json", "--memory-dir", store
    )
    assert (code, json.loads(out)[0]["target"]) == (0, 'Starte <code data-md="raw">{{ x }}</code>')


def test_a_pair_added_by_hand_stays_reused_after_its_tmx_export_is_imported(
    capsys, tmp_path: Path, store: str
) -> None:
    """A regression trial: 2025's TMX, then 2024's (kept as an older alternative), then
    ``memory add`` of the 2024 wording; the export dated it 2024-01-15, so importing the export
    into the same store or a fresh one made 2025's 'Änderungen sichern' the one reused again."""
    for year, target in (("20250301", "Änderungen sichern"), ("20240115", "Änderungen speichern")):
        (tmp_path / f"v{year}.tmx").write_text(
            '<tmx version="1.4"><header srclang="en" segtype="sentence" datatype="plaintext" '
            'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
            f'<tu changedate="{year}T100000Z"><tuv xml:lang="en"><seg>Save changes</seg></tuv>'
            f'<tuv xml:lang="de"><seg>{target}</seg></tuv></tu></body></tmx>',
            encoding="utf-8",
        )
        ltmt(
            capsys,
            "memory",
            "import",
            str(tmp_path / f"v{year}.tmx"),
            "-u",
            "u",
            "--memory-dir",
            store,
        )
    add = ("--source", "Save changes", "--target", "Änderungen speichern")
    assert ltmt(capsys, "memory", "add", "-u", "u", *add, "--memory-dir", store)[0] == 0
    exported = str(tmp_path / "exp.tmx")
    assert (
        ltmt(capsys, "memory", "export", "-u", "u", "-o", exported, "--memory-dir", store)[0] == 0
    )
    fresh = str(tmp_path / "fresh")
    for into in (store, fresh):
        code, out, _ = ltmt(capsys, "memory", "import", exported, "-u", "u", "--memory-dir", into)
        assert code == 0
        assert "older" not in out
        code, out, _ = ltmt(
            capsys, "memory", "search", "-u", "u", "Save changes", "--memory-dir", into
        )
        assert out.splitlines()[0].endswith("\tSave changes\tÄnderungen speichern")


CLIENT_TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" '
    'creationtool="SDL" datatype="xml" segtype="sentence" adminlang="en-US" o-tmf="x"/><body>'
    + "".join(
        f'<tu><tuv xml:lang="en-US"><seg>{en}</seg></tuv><tuv xml:lang="de-DE"><seg>{de}</seg>'
        "</tuv></tu>"
        for en, de in (
            ("The café is closed on Sunday.", "Das Café ist sonntags geschlossen."),
            ("Price: 25 € per month.", "Preis: 25 € pro Monat."),
            ("Click Save to keep your changes.", "Klicken Sie auf Speichern."),
            ("Don't close the window.", "Schließen Sie das Fenster nicht."),
        )
    )
    + "</body></tmx>\n"
)


def test_a_clients_tmx_whose_matches_ltmt_copied_is_not_taken_for_its_output(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression trial enc (Kunde A.tmx), session 69: ltmt translated a file whose strings
    were the client's TMX's 100 % matches, and an import of the TMX by another user then said
    '3 pairs ltmt translated into Kunde A.tmx and nobody changed since were stored as
    approved', and --reviewed-only skipped them as 'written by ltmt and not reviewed': the
    record took the memory's copied translations for ltmt's, and the TMX for a copy of the
    output. Its real output, imported back, is still flagged, with an undo hint that says how
    many pairs the command deletes."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    tmx = tmp_path / "Kunde A.tmx"
    tmx.write_text(CLIENT_TMX, encoding="utf-8")
    code, _, err = ltmt(capsys, "memory", "import", str(tmx), "-u", "anna", "--memory-dir", store)
    assert code == 0, err
    source, out = tmp_path / "Messages.properties", tmp_path / "Messages_de.properties"
    source.write_text(
        "msg.cafe=The caf\\u00e9 is closed on Sunday.\nmsg.price=Price: 25 \\u20ac per month.\n"
        "msg.save=Click Save to keep your changes.\nmsg.new=Open the file.\n"
    )
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(capsys, "translate", str(source), "-u", "anna", "-o", str(out), *model)
    assert code == 0, err
    for user, extra in (("fritz", []), ("gina", ["--reviewed-only"])):
        code, said, err = ltmt(
            capsys, "memory", "import", str(tmx), "-u", user, "--memory-dir", store, *extra
        )
        assert (code, said) == (
            0,
            f"imported Kunde A.tmx into {user}: 4 added, 0 duplicates, 0 skipped\n",
        )
        assert "ltmt translated" not in err
    importing = ["memory", "import", str(out), "--source-file", str(source), "--memory-dir", store]
    importing.append("--no-language-check")  # the tiny random model's German
    code, said, err = ltmt(capsys, *importing, "-u", "hans", "--reviewed-only")
    assert (code, said) == (
        0,
        "imported Messages_de.properties into hans: 3 added, 0 duplicates, 1 skipped "
        "(1 written by ltmt and not reviewed)\n",
    ), err
    code, said, err = ltmt(capsys, *importing, "-u", "ida")
    assert (code, said) == (
        0,
        "imported Messages_de.properties into ida: 4 added, 0 duplicates, 0 skipped\n",
    ), err
    assert err.splitlines()[-1] == (
        "ltmt: warning: 1 pair ltmt translated into Messages_de.properties and nobody changed "
        "since were stored as approved (msg.new), which --reviewed-only would have left out; "
        "review them, or undo the import (4 pairs of that file): ltmt memory delete --user ida "
        f"--origin {out} --yes"
    )


EXACT = [("Save", "Speichern"), ("Open", "Öffnen"), ("Quit", "Beenden")]
MACHINE = [("Close the window.", "Fenster schließen."), ("Undo it.", "Rückgängig machen.")]


@pytest.mark.parametrize(
    ("name", "exact", "said"),
    [
        ("client.csv", EXACT, "3 added, 0 duplicates, 2 skipped"),
        ("client.de.txt", EXACT[:2], "2 added, 0 duplicates, 2 skipped"),
    ],
)
def test_a_copy_of_an_output_half_of_exact_matches_leaves_its_machine_translation_out(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    exact: list[tuple[str, str]],
    said: str,
) -> None:
    """Regression trial rege, session 69: a copy of ltmt's output whose units were half exact
    memory matches was no copy (only ltmt's machine translations counted), so 'memory import
    --reviewed-only' said '5 added' where it had said '5 skipped (5 written by ltmt and not
    reviewed)': the copied matches are imported, the machine translation left out."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    written = exact + MACHINE
    units = [(Unit(str(n), source), text) for n, (source, text) in enumerate(written, 1)]
    copied = [unit.key for unit, _ in units[: len(exact)]]
    OutputSources.in_cache("translator").write(tmp_path / "out" / name, units, copied=copied)
    copy, extra = tmp_path / name, []
    if name.endswith(".csv"):
        copy.write_text(
            "key,en,de\n" + "".join(f"k{n},{s},{t}\n" for n, (s, t) in enumerate(written))
        )
    else:
        copy.write_text("".join(f"{t}\n" for _, t in written), "utf-8")
        (tmp_path / "client.txt").write_text("".join(f"{s}\n" for s, _ in written), "utf-8")
        extra = ["--source-file", str(tmp_path / "client.txt")]
    code, out, err = ltmt(
        capsys, "memory", "import", str(copy), *extra, "-u", "rev", "--memory-dir", store,
        "--reviewed-only", "--no-language-check",
    )  # fmt: skip
    assert (code, out) == (
        0,
        f"imported {name} into rev: {said} (2 written by ltmt and not reviewed)\n",
    ), err
    exported = tmp_path / "rev.jsonl"
    code, out, err = ltmt(
        capsys, "memory", "export", "-u", "rev", "--memory-dir", store, "-o", str(exported)
    )
    assert code == 0, err
    stored = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    assert sorted((pair["source"], pair["target"]) for pair in stored) == sorted(exact)


def test_an_excel_export_is_utf8_with_a_mark_semicolons_and_crlf_and_reads_back(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """Trial enc, session 69: a CSV export (UTF-8 without a mark, ',') showed mojibake in one
    column in Excel with German settings; --excel writes what that Excel opens, and memory
    import reads it back."""
    pairs = tmp_path / "tm.jsonl"
    rows = [{"source": "Price; incl. VAT", "target": "Preis; inkl. MwSt. (€)"}]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert ltmt(capsys, "memory", "import", str(pairs), "-u", "u", "--memory-dir", store)[0] == 0
    out = tmp_path / "tm.csv"
    code, _, _ = ltmt(
        capsys, "memory", "export", "-u", "u", "-o", str(out), "--excel", "--memory-dir", store
    )
    assert code == 0
    assert out.read_bytes() == (
        '\ufeffkeys;en;de\r\n;"Price; incl. VAT";"Preis; inkl. MwSt. (€)"\r\n'.encode()
    )
    assert ltmt(capsys, "memory", "import", str(out), "-u", "v", "--memory-dir", store)[0] == 0
    code, out_text, _ = ltmt(capsys, "memory", "search", "-u", "v", "Price; incl. VAT",
                             "--json", "--memory-dir", store)  # fmt: skip
    assert "Preis; inkl. MwSt. (€)" in out_text


def test_an_excel_export_guards_formulas_and_reads_them_back_as_they_were(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """Session 69: --excel wrote =SUM(A1) as it is, which Excel runs as a formula (CSV
    injection); such a cell now has a ' before it, and memory import takes exactly that ' off
    (a text that starts with ' reads back as it is)."""
    pairs = tmp_path / "tm.jsonl"
    rows = [
        {"source": "=SUM(A1)", "target": "=SUMME(A1)"},
        {"source": "-5 % today", "target": "-5 % heute"},
        {"source": "'quoted", "target": "'zitiert"},
        {"source": "'=x", "target": "@mention"},
    ]
    pairs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    code, _, err = ltmt(capsys, "memory", "import", str(pairs), "-u", "u", "--memory-dir", store,
                        "--no-language-check")  # fmt: skip
    assert code == 0, err
    out = tmp_path / "tm.csv"
    code, _, err = ltmt(
        capsys, "memory", "export", "-u", "u", "-o", str(out), "--excel", "--memory-dir", store
    )
    assert code == 0, err
    assert sorted(out.read_bytes().decode("utf-8").split("\r\n")[1:-1]) == [
        ";''=x;'@mention",
        ";'-5 % today;'-5 % heute",
        ";'=SUM(A1);'=SUMME(A1)",
        ";'quoted;'zitiert",
    ]
    code, _, err = ltmt(capsys, "memory", "import", str(out), "-u", "v", "--memory-dir", store,
                        "--no-language-check")  # fmt: skip
    assert code == 0, err
    back = tmp_path / "back.jsonl"
    code, _, err = ltmt(
        capsys, "memory", "export", "-u", "v", "-o", str(back), "--memory-dir", store
    )
    assert code == 0, err
    read = [json.loads(line) for line in back.read_text("utf-8").splitlines()]
    assert sorted((r["source"], r["target"]) for r in read) == sorted(
        (r["source"], r["target"]) for r in rows
    )


def test_excel_is_refused_for_another_format(
    capsys: pytest.CaptureFixture[str], store: str, pairs_file: Path, tmp_path: Path
) -> None:
    assert (
        ltmt(capsys, "memory", "import", str(pairs_file), "-u", "u", "--memory-dir", store)[0] == 0
    )
    code, _, err = ltmt(capsys, "memory", "export", "-u", "u", "-o", str(tmp_path / "x.tmx"),
                        "--excel", "--memory-dir", store)  # fmt: skip
    assert code == 1
    assert "--excel writes CSV, not tmx: name the output .csv or pass --format csv" in err


def test_ltmt_s_unflagged_output_that_overwrite_wrote_again_is_not_imported_as_reviewed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_translation: None,
) -> None:
    """Regression trial regb (merged.po), session 70: translate --no-fuzzy, then --no-fuzzy
    --overwrite, then import --reviewed-only said '8 added ... 2 skipped': ltmt's own output
    written back as it was was recorded as a reviewer's (Export as PDF → Als PDF ausführen
    stored as reviewed). Only the reviewer's entry is stored; ltmt's two are skipped."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    po = tmp_path / "de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        '#: a.py:1\nmsgid "Open file"\nmsgstr "[de] Open file"\n\n'
        '#: a.py:2\nmsgid "Export as PDF"\nmsgstr ""\n\n'
        '#: a.py:3\nmsgid "Settings"\nmsgstr ""\n',
        encoding="utf-8",
    )
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--no-fuzzy"]
    for again in ([], ["--overwrite"]):
        code, _, err = ltmt(capsys, "translate", str(po), "-o", str(po), *model, *again)
        assert code == 0, err
    assert "fuzzy" not in po.read_text(encoding="utf-8")
    code, said, err = ltmt(
        capsys,
        "memory",
        "import",
        str(po),
        "-u",
        "rv",
        "--memory-dir",
        store,
        "--reviewed-only",
        "--no-language-check",  # the stand-in translations read as English
    )
    assert (code, said) == (
        0,
        "imported de.po into rv: 1 added, 0 duplicates, 2 skipped "
        "(2 written by ltmt and not reviewed)\n",
    ), err


def test_reviewed_only_refuses_a_one_language_file_without_a_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Android CI trial, session 70: on a fresh runner (an empty cache) --reviewed-only stored
    every string ltmt had machine-translated into values-de as approved ('13 added ... 0
    skipped'), where with the record it skipped them; a strings.xml marks nothing reviewed, so
    it is refused, with no store made, and the record makes it import as before."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.output_sources import OutputSources

    cache = tmp_path / "cache"
    monkeypatch.setenv(ENV_CACHE, str(cache))  # the runner's, empty
    (tmp_path / "values").mkdir()
    (tmp_path / "values-de").mkdir()
    english, german = tmp_path / "values" / "strings.xml", tmp_path / "values-de" / "strings.xml"
    strings = [("save", "Save", "Speichern"), ("quit", "Quit", "Beenden")]
    for path, side in ((english, 1), (german, 2)):
        path.write_text(
            "<resources>"
            + "".join(f'<string name="{s[0]}">{s[side]}</string>' for s in strings)
            + "</resources>\n",
            "utf-8",
        )
    importing = ["memory", "import", str(german), "--source-file", str(english)]
    importing += ["-u", "app", "--memory-dir", store]
    code, out, err = ltmt(capsys, *importing, "--reviewed-only")
    assert (code, out) == (1, "")
    assert err == (
        "ltmt: error: no record on this machine of what ltmt wrote into strings.xml, so "
        "--reviewed-only cannot tell 2 pairs reviewed or not (a one-language file marks none): "
        "nothing imported; restore the records of the machine that translated it "
        f"({cache / 'output-sources'}; on CI, keep it between runs), or import without "
        "--reviewed-only if ltmt never translated it\n"
    )
    assert not Path(store).exists()
    # the record (as translate writes it: ltmt wrote "Speichern"), restored from a CI cache
    OutputSources.in_cache("app").write(german, [(Unit("save", "Save"), "Speichern")])
    code, out, err = ltmt(capsys, *importing, "--reviewed-only")
    assert (code, out) == (
        0,
        "imported strings.xml into app: 1 added, 0 duplicates, 1 skipped "
        "(1 written by ltmt and not reviewed)\n",
    ), err


def _strings_xml(path: Path, strings: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'<string name="{key}">{text}</string>' for key, text in strings)
    path.write_text(f"<resources>{body}</resources>\n", "utf-8")


def _messages_json(path: Path, strings: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(strings), ensure_ascii=False) + "\n", "utf-8")


@pytest.mark.parametrize(
    ("write", "source", "output"),
    [
        (_strings_xml, "values/strings.xml", "values-de/strings.xml"),
        (_messages_json, "locales/en.json", "locales/de.json"),
    ],
    ids=["android", "json"],
)
def test_translations_kept_without_a_record_are_not_imported_as_reviewed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_translation: None,
    write: Callable[[Path, list[tuple[str, str]]], None],
    source: str,
    output: str,
) -> None:
    """Regression trial rege170: on a fresh runner (an empty cache) translate kept the output's
    machine translations of an earlier run elsewhere ('no record of what ltmt wrote ... kept
    as they are') and recorded them as a translator's, so that import --reviewed-only stored
    them as approved ('2 added ... 1 skipped'). They are recorded as of unknown origin, also
    by the next run, and skipped, as a file without a record is refused; a person's edit of
    one makes it theirs."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # the runner's, empty
    english, german = tmp_path / source, tmp_path / output
    write(english, [("save", "Save"), ("quit", "Quit"), ("help", "Help")])
    write(german, [("save", "Speichern"), ("quit", "Beenden")])  # from a run elsewhere
    model = ["--model", str(tiny_model_dir), "--beam", "1"]
    for _ in range(2):  # the second run reads the record the first wrote
        code, _, err = ltmt(capsys, "translate", str(english), "-o", str(german), *model)
        assert code == 0, err
    importing = ["memory", "import", str(german), "--source-file", str(english), "-u", "app"]
    importing += ["--memory-dir", store, "--reviewed-only", "--no-language-check"]
    code, out, err = ltmt(capsys, *importing)
    assert (code, out) == (
        0,
        f"imported {german.name} into app: 0 added, 0 duplicates, 3 skipped (2 kept without a "
        "record: cannot tell whether reviewed, 1 written by ltmt and not reviewed)\n",
    ), err
    write(german, [("save", "Speichern"), ("quit", "Schließen"), ("help", "[de] Help")])
    code, out, err = ltmt(capsys, *importing)
    assert (code, out) == (
        0,
        f"imported {german.name} into app: 1 added, 0 duplicates, 2 skipped (1 kept without a "
        "record: cannot tell whether reviewed, 1 written by ltmt and not reviewed)\n",
    ), err
    with Memory(store) as memory:
        assert [(s.source, s.target) for s in memory.segments("app")] == [("Quit", "Schließen")]


def test_a_reviewers_edit_equal_to_another_keys_unrecorded_pair_is_imported_as_reviewed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_translation: None,
) -> None:
    """Trial sap271: ``appTitle`` and ``worklistTitle`` are both ``Purchase Orders``; the
    team's ``appTitle=Bestellungen`` was kept without a record, ltmt wrote
    ``worklistTitle=Kaufordnungen``, and the reviewer changed it to ``Bestellungen``:
    --reviewed-only said '0 added, 0 duplicates, 3 skipped (2 kept without a record ...)',
    the reviewer's edit dropped, as the record was looked up by source and translation, which
    appTitle's pair matched. A named string is judged by what its own key holds, also after a
    rerun of translate records the file again."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    english, german = tmp_path / "i18n.properties", tmp_path / "i18n_de.properties"
    sources = [("appTitle", "Purchase Orders"), ("worklistTitle", "Purchase Orders")]
    sources.append(("save", "Save"))
    english.write_text("".join(f"{key}={text}\n" for key, text in sources), "utf-8")
    written = {"appTitle": "Bestellungen", "worklistTitle": "Kaufordnungen", "save": "Speichern"}
    german.write_text("".join(f"{key}={written[key]}\n" for key, _ in sources), "utf-8")
    units = [(Unit(key, text, context=key), written[key]) for key, text in sources]
    OutputSources.in_cache().write(german, units, unknown={"appTitle"})  # as translate does
    german.write_text(german.read_text("utf-8").replace("=Kaufordnungen", "=Bestellungen"))
    model = ["--model", str(tiny_model_dir), "--beam", "1"]
    for run, memory_dir in enumerate([store, str(tmp_path / "second")]):
        if run:  # translate again: the record it writes keeps the reviewer's edit as theirs
            code, _, err = ltmt(capsys, "translate", str(english), "-o", str(german), *model)
            assert code == 0, err
        importing = ["memory", "import", str(german), "--source-file", str(english), "-u", "x7"]
        importing += ["--memory-dir", memory_dir, "--reviewed-only", "--no-language-check"]
        code, out, err = ltmt(capsys, *importing)
        assert (code, out) == (
            0,
            f"imported {german.name} into x7: 1 added, 0 duplicates, 2 skipped (1 kept without a "
            "record: cannot tell whether reviewed, 1 written by ltmt and not reviewed)\n",
        ), err
        with Memory(memory_dir) as memory:
            stored = [(s.source, s.target) for s in memory.segments("x7")]
        assert stored == [("Purchase Orders", "Bestellungen")]


def _android(strings: list[tuple[str, str]]) -> str:
    """An Android ``strings.xml`` holding ``strings`` (name, text)."""
    rows = "".join(f'    <string name="{name}">{text}</string>\n' for name, text in strings)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{rows}</resources>\n'


def test_a_servicenow_artefact_is_imported_alone_and_ltmts_targets_are_told_apart(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial s72: a Localization Framework JSON was read as a one-language file, and
    ``--source-file`` stored German → German pairs. Its own sourceValue → targetValue pairs are
    read, the reviewer's told apart from those ltmt filled."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    fields = [
        ("question_text", "Which building?", "Welches Gebäude?", "TRANSLATED"),
        ("tooltip", "Choose the building where you want to work.", "", "PENDING"),
    ]
    artefact = {
        "sourceLanguage": "en",
        "targetLanguage": "de",
        "data": [
            {
                "tableName": "item_option_new",
                "sysId": "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f",
                "fields": [
                    {"fieldName": name, "sourceValue": en, "targetValue": de, "status": status}
                    for name, en, de, status in fields
                ],
            }
        ],
    }
    source, out = tmp_path / "lf_en.json", tmp_path / "lf_de.json"
    source.write_text(json.dumps(artefact, ensure_ascii=False, indent=2), "utf-8")
    adding = ("memory", "add", "-u", "snow", "--source", "Hi", "--target", "Hallo")
    assert ltmt(capsys, *adding, "--memory-dir", store)[0] == 0  # (a user of a memory)
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(capsys, "translate", str(source), "-u", "snow", "-o", str(out), *model)
    assert code == 0, err
    importing = ["memory", "import", str(out), "--memory-dir", store, "--no-language-check"]
    code, said, err = ltmt(capsys, *importing, "-u", "hans", "--reviewed-only")
    assert (code, said) == (
        0,
        "imported lf_de.json into hans: 1 added, 0 duplicates, 1 skipped "
        "(1 written by ltmt and not reviewed)\n",
    ), err
    code, said, err = ltmt(capsys, *importing, "-u", "ida")
    assert (code, said) == (0, "imported lf_de.json into ida: 2 added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[-1] == (
        "ltmt: warning: 1 pair ltmt translated into lf_de.json and nobody changed since were "
        "stored as approved (item_option_new.tooltip), which --reviewed-only would have left "
        "out; review them, or undo the import (2 pairs of that file): ltmt memory delete "
        f"--user ida --origin {out} --yes"
    )
    with Memory(store) as memory:
        stored = [(s.source, s.target) for s in memory.segments("hans")]
    assert stored == [("Which building?", "Welches Gebäude?")]


def test_an_import_with_json_puts_its_warnings_in_the_report(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    """Session 73: ``--json`` printed the report without its warnings, which went to stderr
    as lines of their own; they are the report's ``warnings`` now, as translate's are."""
    prices = tmp_path / "prices.csv"
    prices.write_text('source,target\n"Price: 25 EUR","Preis: 20 EUR"\n')
    ltmt(capsys, "memory", "import", str(prices), "--user", "shop", "--memory-dir", store)
    code, out, err = ltmt(
        capsys, "memory", "import", str(prices), "--user", "shopp", "--memory-dir", store, "--json"
    )  # a new user whose name is close to another's: a second warning
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert (report["user"], report["duplicates"]) == ("shopp", 0)
    assert report["warnings"] == [
        f"1 pair whose numbers disagree with the source's imported ({prices}:2); list "
        f"them: ltmt qa {prices} --check numbers",
        "did you mean shop? (a new user shopp was created; 'ltmt memory delete --user shopp "
        "--yes' undoes it)",
    ]
    code, out, err = ltmt(
        capsys, "memory", "import", str(prices), "--user", "shop", "--memory-dir", store, "--json"
    )
    assert (code, err, json.loads(out)["warnings"]) == (0, "", [report["warnings"][0]])


def test_export_newest_only_writes_the_translation_ltmt_reuses(
    capsys: pytest.CaptureFixture[str], store: str, tmp_path: Path
) -> None:
    # a legal trial (s75): a corrected translation left the rejected one beside it in the TMX,
    # and a CAT tool read both as approved 100 % matches
    source = "The processing is based on Art. 6(1)(f) GDPR."
    for target in (
        "Die Verarbeitung erfolgt auf Grundlage von Art. 6 DSGVO.",
        "Sie beruht auf Art. 6.",
    ):
        assert (
            ltmt(
                capsys,
                "memory",
                "add",
                "-u",
                "u",
                "--source",
                source,
                "--target",
                target,
                "--memory-dir",
                store,
            )[0]
            == 0
        )
    out = tmp_path / "x.tmx"
    code, said, _ = ltmt(
        capsys,
        "memory",
        "export",
        "-u",
        "u",
        "-o",
        str(out),
        "--newest-only",
        "--memory-dir",
        store,
    )
    assert code == 0
    assert said.strip() == (
        f"exported 1 segment of u to {out}: the newest translation of each source, "
        "1 older one left out"
    )
    written = out.read_text("utf-8")
    assert "Sie beruht auf Art. 6." in written and "erfolgt" not in written


def _resx(strings: dict[str, str]) -> str:
    data = "".join(
        f'  <data name="{name}" xml:space="preserve">\n    <value>{text}</value>\n  </data>\n'
        for name, text in strings.items()
    )
    header = '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
    return f'<?xml version="1.0" encoding="utf-8"?>\n<root>\n{header}{data}</root>\n'


def test_a_release_branchs_approved_pair_is_imported_after_main_kept_a_copy_of_it(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial s75 (.NET MAUI): the release branch's German, copied into main, was kept by a
    translate run there after main's English changed; an import of the release files (a
    consistent pair ltmt never wrote) then left the approved pair out, "whose source changed
    since it was translated", by main's record of the same bytes. Both pairs are stored; an
    export to TMX imported into an empty store keeps every pair, without a word of ltmt's
    translation."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    release, main = tmp_path / "release", tmp_path / "main"
    for folder, sync in ((release, "Sync receipts over Wi-Fi only"), (main, "Sync more")):
        folder.mkdir()
        (folder / "Strings.resx").write_text(
            _resx({"Settings_Sync": sync, "Settings_Title": "Settings"}), "utf-8"
        )
    german = _resx(
        {"Settings_Sync": "Belege nur über WLAN synchronisieren", "Settings_Title": "Einstellungen"}
    )
    (release / "Strings.de.resx").write_text(german, "utf-8")
    (main / "Strings.de.resx").write_text(german, "utf-8")
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(
        capsys, "translate", str(main / "Strings.resx"), "-o", str(main / "Strings.de.resx"),
        "-u", "app", *model,
    )  # fmt: skip
    assert code == 0, err
    assert (main / "Strings.de.resx").read_text("utf-8") == german  # both kept
    args = ["-u", "app", "--memory-dir", store]
    files = [str(release / "Strings.de.resx"), "--source-file", str(release / "Strings.resx")]
    code, out, err = ltmt(capsys, "memory", "import", *files, *args)
    assert (code, out) == (
        0,
        "imported Strings.de.resx into app: 2 added, 0 duplicates, 0 skipped\n",
    ), err
    assert "warning" not in err
    tmx = tmp_path / "bk.tmx"
    code, _, err = ltmt(capsys, "memory", "export", *args, "--format", "tmx", "-o", str(tmx))
    assert code == 0, err
    code, out, err = ltmt(
        capsys, "memory", "import", str(tmx), "-u", "fresh", "--memory-dir", store
    )
    assert (code, out) == (0, "imported bk.tmx into fresh: 2 added, 0 duplicates, 0 skipped\n")
    assert "ltmt translated" not in err
    with Memory(store) as memory:
        stored = {segment.source: segment.target for segment in memory.segments("fresh")}
    assert stored == {
        "Sync receipts over Wi-Fi only": "Belege nur über WLAN synchronisieren",
        "Settings": "Einstellungen",
    }


def test_a_memory_export_imported_again_keeps_every_pair_ltmt_translated(
    capsys, tmp_path: Path, store: str, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial s75 (Tolgee): a memory holding ltmt's translation of de.json and a reviewer's
    edit, exported to TMX (or JSON Lines) and imported into another user, lost pairs "whose
    source changed since" and said ltmt translated into the export: the export was taken for a
    copy of de.json. A memory's export is no output: every pair is stored, without that
    warning."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    english, german = tmp_path / "en.json", tmp_path / "de.json"
    english.write_text(
        '{"upgrade": "Upgrade to Pro", "save": "Save your changes", "open": "Open the file"}',
        "utf-8",
    )
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store]
    code, _, err = ltmt(capsys, "translate", str(english), "-o", str(german), "-u", "fig", *model)
    assert code == 0, err
    written = json.loads(german.read_text("utf-8"))
    german.write_text(json.dumps({**written, "upgrade": "Auf Pro upgraden"}), "utf-8")
    args = ["--memory-dir", store, "--no-language-check"]  # the tiny random model's German
    code, _, err = ltmt(
        capsys, "memory", "import", str(german), "--source-file", str(english), "-u", "a", *args
    )
    assert code == 0, err
    with Memory(store) as memory:  # the reviewer's pair and ltmt's (the tiny model's) others
        held = memory.count("a")
    assert held >= 2, err
    for number, fmt in enumerate(("tmx", "jsonl")):
        export = tmp_path / f"a.{fmt}"
        code, _, err = ltmt(capsys, "memory", "export", "-u", "a", *args[:2], "-o", str(export))
        assert code == 0, err
        user = f"b{number}"
        code, out, err = ltmt(capsys, "memory", "import", str(export), "-u", user, *args)
        assert (code, out) == (
            0,
            f"imported a.{fmt} into {user}: {held} added, 0 duplicates, 0 skipped\n",
        ), err
        assert "ltmt translated" not in err
    with Memory(store) as memory:
        stored = [
            sorted((segment.source, segment.target) for segment in memory.segments(user))
            for user in ("a", "b0", "b1")
        ]
    assert stored[0] == stored[1] == stored[2]
    assert ("Upgrade to Pro", "Auf Pro upgraden") in stored[0]


def test_a_tmx_holding_a_keys_older_version_is_no_copy_of_the_translated_file(
    capsys, tmp_path: Path, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial s75 (Tolgee): a memory's TMX export holds both versions of a key whose English
    was edited (``Upgrade now`` and ``Upgrade to Pro``); read as a copy of de.json, whose
    record holds the key for the new English, the older pair was left out "whose source changed
    since". A TMX is a memory, no output: every pair is stored."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.output_sources import OutputSources

    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))  # no other test's records
    written = [("/save", "Save", "Speichern"), ("/open", "Open", "Öffnen")]
    written += [("/close", "Close", "Schließen")]
    units = [(Unit(key, source), text) for key, source, text in written]
    units.append((Unit("/upgrade", "Upgrade to Pro"), None))  # a reviewer's German
    OutputSources.in_cache("fig").write(tmp_path / "de.json", units)
    pairs = [*written, ("/upgrade", "Upgrade now", "Jetzt upgraden")]
    pairs.append(("/upgrade", "Upgrade to Pro", "Auf Pro upgraden"))
    tmx = tmp_path / "bk.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>'
        + "".join(
            f'<tu><prop type="x-context">{key}</prop><tuv xml:lang="en"><seg>{source}</seg></tuv>'
            f'<tuv xml:lang="de"><seg>{target}</seg></tuv></tu>'
            for key, source, target in pairs
        )
        + "</body></tmx>",
        "utf-8",
    )
    code, out, err = ltmt(capsys, "memory", "import", str(tmx), "-u", "b", "--memory-dir", store)
    assert (code, out) == (0, "imported bk.tmx into b: 5 added, 0 duplicates, 0 skipped\n"), err
    assert "ltmt translated" not in err


def test_a_flat_json_translation_of_a_nested_source_imports_and_says_what_it_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: str
) -> None:
    """Trial s75: Tolgee's flat de.json of a nested en.json was refused (``none of its 3
    names are in en.json``), and a reviewer's translations of messages ltmt cannot take apart
    were left out of an import without a count or a word."""
    english = {
        "button": {"save": "Save"},
        "editor": {"hint": "Type '{' to insert a variable."},
    }
    german = {"button.save": "Sichern", "editor.hint": "Tippe '{', um etwas einzufügen."}
    (tmp_path / "en.json").write_text(json.dumps(english), "utf-8")
    (tmp_path / "de.json").write_text(json.dumps(german, ensure_ascii=False), "utf-8")
    code, out, _ = ltmt(
        capsys, "memory", "import", str(tmp_path / "de.json"), "--source-file",
        str(tmp_path / "en.json"), "--user", "u1", "--memory-dir", store, "--json",
    )  # fmt: skip
    assert code == 0
    report = json.loads(out)
    assert (report["added"], report["not_read"]) == (1, {"that ltmt cannot take apart": 1})
    assert report["warnings"] == [
        f"{tmp_path / 'de.json'}: 1 translation of a message that ltmt cannot take apart not "
        "imported (/editor/hint): ltmt translate leaves such a message untranslated, so no "
        "memory reuses it, and keeps a person's translation of it in the output it continues"
    ]
    [stored] = Memory(store).segments("u1")
    assert (stored.source, stored.target) == ("Save", "Sichern")


JED_DE = (
    '{"domain":"messages","locale_data":{"messages":{"":{"domain":"messages","lang":"de_DE",'
    '"plural-forms":"nplurals=2; plural=(n != 1);"},"Book now":["Jetzt buchen"],'
    '"Remove %s from your cart?":[""],"Back to your bookings":[""]}}}'
)
TS_DE = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE">\n'
    "<context>\n    <name>Importer</name>\n"
    "    <message>\n        <source>Open the import wizard</source>\n"
    '        <translation type="unfinished"></translation>\n    </message>\n'
    "    <message>\n        <source>The import was cancelled.</source>\n"
    '        <translation type="unfinished"></translation>\n    </message>\n'
    "</context>\n</TS>\n"
)


@pytest.mark.parametrize(
    ("name", "content", "options", "read", "names"),
    [
        (
            "booking-de_DE-0a1b.json",
            JED_DE,
            [],
            3,
            "/locale_data/messages/Remove %s from your cart?/0, /locale_data/messages/Back to "
            "your bookings/0",
        ),
        ("mt_de.ts", TS_DE, ["--no-fuzzy"], 2, "Importer, Importer"),
    ],
)
def test_ltmts_own_jed_and_qt_translations_are_told_apart(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    store: str,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_translation: None,
    name: str,
    content: str,
    options: list[str],
    read: int,
    names: str,
) -> None:
    """WordPress and Qt trials s76: a Jed file ltmt filled, and a .ts it filled with
    --no-fuzzy, were imported as approved with no warning, --reviewed-only too ("3 added,
    0 skipped"), where an i18next file's or a PO catalog's are told apart by the record of what
    ltmt wrote; the next .po run then shipped ltmt's text as a 100 % match."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    path = tmp_path / name
    path.write_text(content, "utf-8")
    adding = ("memory", "add", "-u", "wp", "--source", "Hi", "--target", "Hallo")
    assert ltmt(capsys, *adding, "--memory-dir", store)[0] == 0  # (a user of a memory)
    model = ["--model", str(tiny_model_dir), "--beam", "1", "--memory-dir", store, *options]
    code, _, err = ltmt(capsys, "translate", str(path), "-u", "wp", "-o", str(path), *model)
    if path.suffix == ".json":  # a Jed file is not filled in place
        out = tmp_path / "out" / name
        out.parent.mkdir()
        code, _, err = ltmt(capsys, "translate", str(path), "-u", "wp", "-o", str(out), *model)
        path = out
    assert code == 0, err
    importing = ["memory", "import", str(path), "--memory-dir", store, "--no-language-check"]
    code, said, err = ltmt(capsys, *importing, "-u", "hans", "--reviewed-only")
    reviewed = read - 2
    assert (code, said) == (
        0,
        f"imported {name} into hans: {reviewed} added, 0 duplicates, 2 skipped "
        "(2 written by ltmt and not reviewed)\n",
    ), err
    code, said, err = ltmt(capsys, *importing, "-u", "ida")
    assert (code, said) == (0, f"imported {name} into ida: {read} added, 0 duplicates, 0 skipped\n")
    assert err.splitlines()[-1] == (
        f"ltmt: warning: 2 pairs ltmt translated into {name} and nobody changed since were "
        f"stored as approved ({names}), which --reviewed-only would have left out; review them, "
        f"or undo the import ({read} pairs of that file): ltmt memory delete --user ida "
        f"--origin {path} --yes"
    )


SHIFT_SOURCES = [
    "Do not take more than 3 tablets in 24 hours.",
    "Store below 25 °C.",
    "Take 1 tablet twice daily.",
]
SHIFT_TARGETS = [
    "Nehmen Sie nicht mehr als 3 Tabletten innerhalb von 24 Stunden ein.",
    "Nicht über 25 °C lagern.",
    "Nehmen Sie zweimal täglich 1 Tablette ein.",
]


@pytest.mark.parametrize(
    ("layout", "said"),
    [
        (
            "file",
            "rev.de.txt: its lines read shifted against src.txt's: line 1's translation has the "
            "numbers of line 2's source (lines 1, 2); nothing imported: put each translation on "
            "the line of its source and import again",
        ),
        (
            "folder",
            "de/leaflet.txt: its lines read shifted against its source file in en/: line 1's "
            "translation has the numbers of line 2's source (lines 1, 2); nothing imported: put "
            "each translation on the line of its source and import again",
        ),
        (
            "paragraphs",
            "rev.de.txt: its paragraphs read shifted against src.txt's: paragraph 1's "
            "translation has the numbers of paragraph 2's source (paragraphs 1, 2); nothing "
            "imported: put each translation in the paragraph of its source and import again",
        ),
    ],
)
def test_a_plain_text_file_shifted_against_its_source_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], store: str, layout: str, said: str
) -> None:
    """Trial s76: a reviewer file one line off (a line deleted at the top, one added at the
    end) was imported with a warning per pair, its translations stored under the wrong
    sources; ``translate --learn`` refused it."""
    shifted = SHIFT_TARGETS[1:] + SHIFT_TARGETS[:1]
    end = "\n\n" if layout == "paragraphs" else "\n"
    if layout == "folder":
        (tmp_path / "en").mkdir()
        (tmp_path / "de").mkdir()
        source, target = tmp_path / "en", tmp_path / "de"
        (source / "leaflet.txt").write_text(end.join(SHIFT_SOURCES) + end, "utf-8")
        (target / "leaflet.txt").write_text(end.join(shifted) + end, "utf-8")
    else:
        source, target = tmp_path / "src.txt", tmp_path / "rev.de.txt"
        source.write_text(end.join(SHIFT_SOURCES) + end, "utf-8")
        target.write_text(end.join(shifted) + end, "utf-8")
    fmt = ["--format", "paragraphs"] if layout == "paragraphs" else []
    args = [str(target), "--source-file", str(source), *fmt, "--memory-dir", store, "-u", "rx"]
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out, err) == (1, "", f"ltmt: error: {said}\n")
    assert not Path(store).exists()  # nothing stored, no store made
    # the same file with its lines in place is imported
    target_file = target / "leaflet.txt" if layout == "folder" else target
    target_file.write_text(end.join(SHIFT_TARGETS) + end, "utf-8")
    code, out, err = ltmt(capsys, "memory", "import", *args)
    assert (code, out) == (0, f"imported {target.name} into rx: 3 added, 0 duplicates, 0 skipped\n")
    assert err.startswith("ltmt: created a new memory store") and "warning" not in err, err
