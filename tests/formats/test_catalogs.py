"""Real-shaped catalogs end to end through ``ltmt translate``, each output checked by gettext's
``msgfmt -c --use-fuzzy``: format strings, plural forms, contexts, templates, XLIFF, languages,
the report, and the paths checked before the model loads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.cli import main as cli
from ltmt.formats.pipeline import translate_file

DATA = Path(__file__).parent / "data"
CATALOG = DATA / "catalog-pl.po"
needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None,
    reason="gettext's msgfmt is not installed (.ci/run installs it: apt-get install gettext)",
)


def run_cli(args, capsys):
    try:
        cli.run([str(a) for a in args])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def msgfmt_check(path: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def entries(path: Path) -> dict[tuple[str, str], object]:
    from translate.storage import pypo

    store = pypo.pofile.parsefile(str(path))
    return {(u.getcontext() or "", str(u.source)): u for u in store.units if not u.isheader()}


def translate_catalog(tmp_path, common, capsys, *options):
    """Translate the Polish catalog for 'anna' into out.po; checks msgfmt; returns (out, stdout)."""
    out = tmp_path / "out.po"
    args = ["translate", CATALOG, "--user", "anna", "--tgt-lang", "pl", "--output", out]
    code, stdout, err = run_cli([*args, *options, *common], capsys)
    assert code == 0, err
    msgfmt_check(out)
    return out, stdout


@pytest.fixture
def common(any_pair_model, tmp_path):
    return ["--model", any_pair_model, "--memory-dir", tmp_path / "store", "--beam", "1"]


@pytest.fixture(scope="module")
def any_pair_model(any_pair_model_dir):
    """The tiny model without its recorded en→de pair: it stands for an en→pl model (a model
    that records no pair is taken at its word)."""
    return any_pair_model_dir


@pytest.fixture
def history(tmp_path, common, capsys):
    """User 'anna' with a translated Polish catalog as her memory (contexts, 3 plural forms)."""
    path = tmp_path / "history.po"
    path.write_text(
        CATALOG.read_text("utf-8").split("#: src/files.c:41")[0]
        + 'msgctxt "menu"\nmsgid "Open"\nmsgstr "Otwórz"\n\n'
        + 'msgctxt "verb"\nmsgid "Open"\nmsgstr "Otwórz"\n\n'
        + '#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        + 'msgstr[0] "%d plik"\nmsgstr[1] "%d pliki"\nmsgstr[2] "%d plików"\n',
        "utf-8",
    )
    code, out, err = run_cli(
        [
            "memory",
            "import",
            path,
            "--user",
            "anna",
            "--tgt-lang",
            "pl",
            "--json",
            "--memory-dir",
            common[3],
        ],
        capsys,
    )
    assert code == 0, err
    return json.loads(out)


def test_history_keeps_context_only_duplicates_and_every_plural_form(history):
    # "Open" twice, differing only by msgctxt, and three plural forms: 5 pairs, none a duplicate
    assert (history["added"], history["duplicates"]) == (5, 0)


@needs_msgfmt
@pytest.mark.slow
def test_catalog_translation_passes_msgfmt(tmp_path, common, history, capsys):
    out, stdout = translate_catalog(tmp_path, common, capsys, "--json")
    report = json.loads(stdout)
    # 12 untranslated entries, two of them plural with 3 forms: 16 units
    assert report["units"] == 16 and report["exact"] >= 5
    assert report["unknown_user"] is False and report["memory"] == str(common[3])
    assert report["units"] == report["exact"] + report["fuzzy"] + report["no_match"]
    found = entries(out)
    # both context-only duplicates are kept and filled from their own context
    assert found[("menu", "Open")].target == found[("verb", "Open")].target == "Otwórz"
    plural = found[("", "%d file")]
    forms = list(plural.target.strings)
    assert forms == ["%d plik", "%d pliki", "%d plików"]  # each form from its own memory pair
    assert found[("", "Save")].target == "Zapisz" and not found[("", "Save")].isfuzzy()
    text = out.read_text("utf-8")
    assert '#~ msgid "Old string"' in text and "Anna Nowak" in text
    # every filled entry is marked for review; what could not be made valid is left empty
    for unit in found.values():
        if unit.istranslated() and str(unit.source) != "Save":
            assert unit.isfuzzy(), unit.source


@needs_msgfmt
def test_exact_approved_marks_same_context_matches_translated(tmp_path, common, history, capsys):
    out, _ = translate_catalog(tmp_path, common, capsys, "--exact-approved")
    found = entries(out)
    assert not found[("menu", "Open")].isfuzzy() and not found[("verb", "Open")].isfuzzy()
    assert not found[("", "%d file")].isfuzzy()
    assert (
        found[("", "Delete the branch {name}?")].isfuzzy()
        or not found[("", "Delete the branch {name}?")].istranslated()
    )


@needs_msgfmt
@pytest.mark.parametrize("name", ["template.pot", "demo.po"])
def test_templates_and_catalogs_are_translated(tmp_path, common, capsys, name):
    out = tmp_path / f"out-{name}.po"
    code, _, err = run_cli(["translate", DATA / name, "--output", out, *common], capsys)
    assert code == 0, err
    msgfmt_check(out)
    text = out.read_text("utf-8")
    assert "charset=UTF-8" in text and "nplurals=INTEGER" not in text
    if name == "template.pot":
        assert '"Language: de\\n"' in text and "nplurals=2; plural=(n != 1);" in text


@pytest.mark.parametrize("name", ["demo12.xlf", "demo20.xlf"])
def test_xlf_is_translated(tmp_path, common, capsys, name):
    out = tmp_path / name
    code, _, err = run_cli(["translate", DATA / name, "--output", out, *common], capsys)
    assert code == 0, err
    assert "<target" in out.read_text("utf-8")
    assert "segments" in err


def test_unknown_user_warning_names_the_store(tmp_path, common, history, capsys, caplog):
    source = tmp_path / "in.txt"
    source.write_text("open the file\n", "utf-8")
    code, _, err = run_cli(["translate", source, "--user", "annie", *common], capsys)
    assert code == 0, err
    # said once, as the command opens the memory (ltmt: warning: ... on standard error)
    assert re.search(
        rf"ltmt: warning: no user 'annie' in memory store {re.escape(str(common[3]))} "
        r"\(1 user\); did you mean anna\? translating without memory",
        err,
    ), err
    assert err.count("no user 'annie'") == 1


@pytest.fixture
def no_model(monkeypatch):
    """Loading a model fails the test: the errors below must come before it."""

    def fail(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("ltmt.translator.load_backbone", fail)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [CATALOG, "--output", "OUT/x.po"],
            r"catalog-pl.po: languages in the file are pl, not en->de; pass --src-lang/--tgt-lang to choose the pair$",
        ),
        ([CATALOG, "--tgt-lang", "pl"], r"--output is needed to translate a .po file"),
        (
            [CATALOG, "--tgt-lang", "pl", "--output", "-"],
            r"a translated .po file is written to a file, not to stdout: give -o FILE$",
        ),
        (
            [CATALOG, "--tgt-lang", "pl", "--output", "missing/x.po"],
            r"cannot write missing/x.po: directory missing does not exist; create it first",
        ),
        ([CATALOG, "--tgt-lang", "pl", "--output", "OUT"], r"cannot write OUT: it is a directory"),
        (
            [DATA / "multi.tmx", "--output", "OUT/x.tmx"],
            r"tmx files can be imported and exported, not translated",
        ),
        (["nope.po", "--output", "OUT/x.po"], r"input file not found: nope.po"),
        (
            [CATALOG, "--format", "numbers"],
            r"unknown format 'numbers'; choose one of txt, paragraphs, jsonl, csv, po, xliff, ts, xcstrings, android, properties, ini, moodle, mclang, desktop, stf, rc, resx, xaml, strings, stringsdict, yaml, toml, ftl, renpy, md, html, dita, epub, docx, pptx, xlsx, odf, srt, vtt, json",
        ),
    ],
)
def test_bad_arguments_fail_before_the_model_loads(
    tmp_path, common, capsys, monkeypatch, no_model, args, message
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "OUT").mkdir()
    code, _, err = run_cli(["translate", *args, *common], capsys)
    assert code == (2 if "--format" in args else 1)  # a value not among its choices: 2
    assert re.search(message, err.strip()), err
    assert len(err.strip().splitlines()) == 1


def test_long_segment_cut_fails_with_strict(tmp_path, common, capsys):
    source = tmp_path / "long.txt"
    source.write_text(" ".join(["open the file"] * 60) + "\nhello world\n", "utf-8")
    code, out, err = run_cli(["translate", source, *common, "--json"], capsys)
    assert code == 0, err
    report = json.loads(err)
    # the long line cut between words, and "hello world": the tiny random model never ends a
    # sentence, so its output stopped at the decoder's length limit (Translation.unfinished)
    assert (report["units"], report["split"], report["cut"]) == (2, 1, 2)
    assert len(out.splitlines()) == 2
    code, _, err = run_cli(["translate", source, *common, "--strict"], capsys)
    assert code == 1
    assert "1 long segment split, 2 cut at the model's limit" in err
    # (the tiny random model's garbage holds a lone "<", which counts as not repaired too)
    assert "ltmt: error: --strict: 2 segments cut at the model's limit, " in err


@needs_msgfmt
def test_menu_accelerators_pass_msgfmts_accelerator_check(tmp_path, common, capsys):
    """A catalog of menu items with ``&`` keys, translated by the tiny model: every translation
    has one key where its msgid has one, as ``msgfmt --check-accelerators`` requires, and the
    report counts the lines that got theirs. (msgfmt also counts the ``&`` of ``Tom & Jerry``,
    which the tiny model drops as it drops any word.)"""
    po = tmp_path / "menu.po"
    items = ["&Open", "E&xit", "Save &All", "&Yes\\n&No", "&Undo the last change"]
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        + "".join(f'msgid "{item}"\nmsgstr ""\n\n' for item in items),
        "utf-8",
    )
    out = tmp_path / "menu.de.po"
    code, stdout, err = run_cli(["translate", po, "--output", out, "--json", *common], capsys)
    assert code == 0, err
    check = subprocess.run(
        ["msgfmt", "-c", "--use-fuzzy", "--check-accelerators=&", "-o", "/dev/null", str(out)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert json.loads(stdout)["accelerators"] == 6  # "&Yes\n&No" has two lines with one
    assert all(
        str(unit.target).count("&") == unit.source.count("&") for unit in entries(out).values()
    )


RESX_VALUES = (
    '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
    '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
    '  <data name="Title" xml:space="preserve"><value>Note Editor</value></data>\n'
    '  <data name="Count" xml:space="preserve"><value>10</value></data>\n'
    '  <data name="On" xml:space="preserve"><value>true</value></data>\n</root>\n'
)


@pytest.mark.parametrize(
    ("name", "text", "left_out"),
    [
        (
            "strings.xml",
            '<resources>\n<string name="title">Note Editor</string>\n'
            '<string name="count">10</string>\n</resources>\n',
            "1 value that is no text (count: a number, a code, an identifier or a setting)",
        ),
        (
            "Strings.resx",
            RESX_VALUES,
            "2 values that are no text (Count, On: a number, a code, an identifier or a setting)",
        ),
        (
            "Localizable.strings",
            '"title" = "Note Editor";\n"count" = "10";\n',
            "1 value that is no text (count: a number, a code, an identifier or a setting)",
        ),
    ],
)
def test_a_format_that_leaves_out_values_that_are_no_text_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, text: str, left_out: str
) -> None:
    """Android, .resx and Apple .strings outputs lacked ``count`` (``10``) without a word, as
    Java properties did (test_java_properties.py): the run names them."""
    source = tmp_path / "en" / name
    source.parent.mkdir()
    source.write_text(text, "utf-8")
    out = tmp_path / "de" / name
    out.parent.mkdir()
    with caplog.at_level("WARNING"):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "10" not in out.read_text("utf-8")
    assert [r.getMessage() for r in caplog.records if "no text" in r.getMessage()] == [
        f"{source}: {left_out} not written to the translation, where the app reads the source "
        f"file's; copy {'it' if left_out.startswith('1 ') else 'them'} there if it must hold "
        "every key"
    ]
