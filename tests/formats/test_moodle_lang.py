"""Moodle language files: ``$string['key'] = '...';`` read and written single-quoted, as AMOS
writes a language pack."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats.documents import open_document
from ltmt.formats.folders import format_of
from ltmt.formats.moodle_lang import MoodleLangDocument, has_moodle_strings, single_quoted
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format

HEADER = (
    "<?php\n"
    "// This file is part of Moodle - https://moodle.org/\n"
    "\n"
    "/**\n"
    " * Strings for component 'mod_quizmaster', language 'en'.\n"
    " *\n"
    " * @package    mod_quizmaster\n"
    " */\n"
    "\n"
    "defined('MOODLE_INTERNAL') || die();\n"
    "\n"
)
SOURCE = HEADER + (
    "$string['backtocourse'] = 'Back to course';\n"
    "$string['dontforget'] = 'Don\\'t forget: C:\\\\temp';\n"
    "$string['gradeinfo'] = '{$a->name} scored {$a->grade}';\n"
    "$string['modulename_help'] = 'The module.\n"
    "\n"
    "* Questions';\n"
    '$string["overdue"] = "When time expires:\\nit is \\"submitted\\" for \\$5.";\n'
    "$string['empty'] = '';\n"
)
# a single-quoted PHP string as PHP reads it: no bare quote, a backslash escaping the next one
SINGLE_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'", re.DOTALL)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_units_are_the_values_as_moodle_shows_them(tmp_path: Path) -> None:
    source = _write(tmp_path, "lang/en/quizmaster.php", SOURCE)
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [
        ("backtocourse", "Back to course"),
        ("dontforget", "Don't forget: C:\\temp"),
        ("gradeinfo", "{$a->name} scored {$a->grade}"),
        ("modulename_help", "The module.\n\n* Questions"),
        ("overdue", 'When time expires:\nit is "submitted" for $5.'),
    ]


def test_the_translation_keeps_the_header_and_writes_each_value_single_quoted(
    tmp_path: Path,
) -> None:
    source = _write(tmp_path, "lang/en/quizmaster.php", SOURCE)
    out = tmp_path / "lang/de/quizmaster.php"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == HEADER.replace("language 'en'", "language 'de'") + (
        "$string['backtocourse'] = 'BACK TO COURSE';\n"
        "$string['dontforget'] = 'DON\\'T FORGET: C:\\\\temp';\n"  # a path: kept
        "$string['gradeinfo'] = '{$a->name} SCORED {$a->grade}';\n"
        "$string['modulename_help'] = 'THE MODULE.\n"
        "\n"
        "* QUESTIONS';\n"
        '$string["overdue"] = \'WHEN TIME EXPIRES:\nIT IS "SUBMITTED" FOR $5.\';\n'
    )  # the empty string left out: Moodle shows the English


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Don't", "'Don\\'t'"),
        ("C:\\temp\\", "'C:\\\\temp\\\\'"),
        ("Hallo {$a->user}", "'Hallo {$a->user}'"),  # single quotes: PHP fills in nothing
    ],
)
def test_a_value_is_written_as_amos_writes_it(text: str, written: str) -> None:
    assert single_quoted(text) == written
    assert SINGLE_QUOTED.fullmatch(written)


def test_the_output_is_valid_php(tmp_path: Path) -> None:
    """``php -l`` where PHP is installed (``apt-get install php-cli``); else skipped."""
    php = shutil.which("php")
    if php is None:
        pytest.skip("php is not installed")
    source = _write(tmp_path, "lang/en/quizmaster.php", SOURCE)
    out = tmp_path / "lang/de/quizmaster.php"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    checked = subprocess.run([php, "-l", str(out)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_rerun_keeps_the_translators_statements_and_own_keys(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "lang/en/x.php",
        "<?php\n$string['a'] = 'Tasks';\n// new\n$string['b'] = 'Task copied.';\n",
    )
    out = _write(
        tmp_path,
        "lang/de/x.php",
        "<?php\n$string['a']  =  \"Aufgaben\";\n$string['old'] = 'Alt';\n",
    )
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Task copied."]
    assert out.read_text("utf-8") == (
        "<?php\n$string['a']  =  \"Aufgaben\";\n// new\n$string['b'] = 'TASK COPIED.';\n"
        "$string['old'] = 'Alt';\n"
    )


def test_memory_pairs_are_the_texts_by_key(tmp_path: Path) -> None:
    source = _write(tmp_path, "lang/en/x.php", "<?php\n$string['a'] = 'Don\\'t';\n")
    out = _write(tmp_path, "lang/de/x.php", '<?php\n$string[\'a\'] = "Nicht \\"so\\"";\n')
    records = list(MoodleLangDocument.pairs(out, source_file=source))
    assert [(r.source, r.target, r.metadata["context"]) for r in records] == [
        ("Don't", 'Nicht "so"', "a")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<?php\n$string['a'] = 'ok';\n$string['b'] = 'Hello ' . 'world';\n",
            r"x.php:3: a value joined from several strings \('\.\.\.' \. '\.\.\.'\), which ltmt "
            r"cannot translate in parts; write it as one string$",
        ),
        (
            "<?php\n$string['b'] = \"Hello {$a}\";\n",
            r"x.php:2: a double-quoted value with a \$ in it, which PHP fills in as it reads the "
            r"file; write the value in single quotes, as Moodle does for \{\$a\}$",
        ),
        (
            "<?php\n$string['b'] = get_string('a');\n",
            r"x.php:2: not a string in quotes \(\$string\['b'\] = get_string\('a'\);\); write "
            r"\$string\['key'\] = '\.\.\.'; as Moodle's language files do$",
        ),
        (
            "<?php\n$string['a'] = 'ok';\necho 'hi';\n",
            r"x.php:3: not a line of a Moodle language file .*: echo 'hi';$",
        ),
    ],
)
def test_what_a_moodle_file_has_not_is_refused_with_its_line(
    tmp_path: Path, text: str, message: str
) -> None:
    source = _write(tmp_path, "x.php", text)
    with pytest.raises(InputError, match=message):
        MoodleLangDocument.open(source)


def test_a_php_file_of_another_kind_is_refused_with_laravels_route(tmp_path: Path) -> None:
    """The hint said to export the array with ``php -r ... json_encode(require ...)``, which
    wrote 0 bytes for a Moodle file (a Moodle trial, session 72): now it names both."""
    source = _write(tmp_path, "messages.php", "<?php\nreturn ['home' => 'Home'];\n")
    with pytest.raises(
        NotMessageFileError,
        match=r"messages.php: not a Moodle language file; ltmt reads Moodle's language files "
        r"\(\$string\['key'\] = '\.\.\.'; lines\) and no other PHP: translate Laravel's "
        r"strings as JSON \(lang/en.json -o lang/de.json",
    ):
        MoodleLangDocument.open(source)


@pytest.mark.parametrize(
    ("text", "moodle"),
    [
        ("<?php\n$string['a'] = 'A';\n", True),
        ("<?php\nreturn ['home' => 'Home'];\n", False),  # Laravel's
        ("<?php\necho 'hi';\n", False),
    ],
)
def test_a_folders_php_is_moodles_only_with_its_strings(
    tmp_path: Path, text: str, moodle: bool
) -> None:
    path = _write(tmp_path, "x.php", text)
    assert has_moodle_strings(path) is moodle
    spec = format_of(path, "document")
    assert (spec.name if spec is not None else None) == ("moodle" if moodle else None)


def test_php_and_moodle_name_the_format() -> None:
    assert find_format(Path("quizmaster.php"), role="document").name == "moodle"
    assert find_format(Path("x"), "php", role="read").name == "moodle"
