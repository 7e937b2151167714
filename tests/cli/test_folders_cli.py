"""``ltmt translate FOLDER -o OUT``: a folder's files into the same places, one model load."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_translate_cli import run_cli

STRINGS = (
    '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
    '    <string name="open">open the file %s</string>\n'
    "</resources>\n"
)


@pytest.fixture
def common(tiny_model_dir, tmp_path):
    return ["--model", str(tiny_model_dir), "--memory-dir", str(tmp_path / "store"), "--beam", "1"]


def _project(tmp_path: Path) -> Path:
    values = tmp_path / "res" / "values"
    (values / "nested").mkdir(parents=True)
    (values / "strings.xml").write_text(STRINGS, "utf-8")
    (values / "nested" / "notes.txt").write_text("hello world\n", "utf-8")
    (values / "colors.xml").write_text(
        '<resources>\n    <color name="red">#f00</color>\n</resources>\n', "utf-8"
    )
    (values / "icon.png").write_bytes(b"\x89PNG")
    (values / ".hidden").mkdir()
    (values / ".hidden" / "x.txt").write_text("secret\n", "utf-8")
    return values


def test_a_folder_is_translated_file_by_file(tmp_path, capsys, common):
    values = _project(tmp_path)
    out = tmp_path / "res" / "values-de"
    code, stdout, err = run_cli(
        ["translate", str(values), "-o", str(out), "--json", *common], capsys
    )
    assert code == 0, err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["nested/notes.txt", "strings.xml"]  # nothing else made
    assert "%s" in (out / "strings.xml").read_text("utf-8")
    report = json.loads(stdout)
    assert report["units"] == 2 and report["files_skipped"] == 2
    assert [Path(f["file"]).name for f in report["files"]] == ["notes.txt", "strings.xml"]

    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert "ltmt: strings.xml: 0 segments, 1 kept" in err
    assert (
        "ltmt: skipped 1 file of no format ltmt translates (icon.png), 1 file with nothing to "
        "translate" in err  # the file is named (it was not)
    )
    assert "ltmt: 2 files, 1 segment " in err  # plain text is written anew


def test_a_skipped_word_97_document_is_named_with_its_conversion(tmp_path, capsys, common):
    """A .doc in a folder was skipped as 'of no format ltmt translates', without the soffice
    command a single .doc's error gives."""
    docs = tmp_path / "docs"
    (docs / "old").mkdir(parents=True)
    (docs / "notes.txt").write_text("hello world\n", "utf-8")
    (docs / "old" / "guide.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    (docs / "old" / "memo.rtf").write_text("{\\rtf1 Hello}", "utf-8")
    code, _, err = run_cli(["translate", str(docs), "-o", str(tmp_path / "de"), *common], capsys)
    assert code == 0, err
    assert (
        "ltmt: skipped 2 files of no format ltmt translates (old/guide.doc, old/memo.rtf)\n" in err
    )
    assert (
        "ltmt: old/guide.doc, old/memo.rtf are not .docx: save each as .docx beside it (soffice "
        f"--headless --convert-to docx --outdir {docs / 'old'} {docs / 'old' / 'guide.doc'}) and "
        "translate the folder again\n"
    ) in err


ADOC_HINT = (
    "ltmt reads no AsciiDoc; make a PO catalog of it with po4a (po4a-gettextize -f asciidoc "
    "-m page.adoc -p page.pot), translate that (ltmt translate page.pot -o de.po), review de.po "
    "and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy entry; "
    "--no-fuzzy puts none) and write the page back (po4a-translate -f asciidoc -m page.adoc -p "
    "de.po -l page.de.adoc, which writes no page less than 80 % translated unless given -k 0)"
)


def _antora(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    pages = docs / "modules" / "ROOT" / "pages"
    pages.mkdir(parents=True)
    (docs / "antora.yml").write_text("title: Cloudy Agent\n", "utf-8")
    (docs / "modules" / "ROOT" / "nav.adoc").write_text("* xref:index.adoc[Home]\n", "utf-8")
    for name in ("index", "install", "upgrade"):
        (pages / f"{name}.adoc").write_text(f"= {name.title()}\n\nOpen the file.\n", "utf-8")
    return docs


def test_skipped_asciidoc_pages_are_named_once_with_the_po4a_hint(tmp_path, capsys, common):
    """An Antora tree's pages were skipped as 'of no format ltmt translates' without the po4a
    recipe a single .adoc's error gives; the run translated the rest and exits 0."""
    docs = _antora(tmp_path)
    code, _, err = run_cli(["translate", str(docs), "-o", str(tmp_path / "de"), *common], capsys)
    assert code == 0, err
    assert (
        "ltmt: 4 files are not translated (modules/ROOT/nav.adoc, modules/ROOT/pages/index.adoc, "
        f"modules/ROOT/pages/install.adoc and 1 more), each: {ADOC_HINT}\n"
    ) in err
    assert err.count("ltmt reads no AsciiDoc") == 1
    assert [p.name for p in (tmp_path / "de").rglob("*") if p.is_file()] == ["antora.yml"]


def test_a_folder_of_asciidoc_pages_alone_gives_the_po4a_hint_as_its_error(
    tmp_path, capsys, common
):
    pages = _antora(tmp_path) / "modules" / "ROOT" / "pages"
    (pages / "upgrade.adoc").unlink()
    (pages / "logo.png").write_bytes(b"\x89PNG")
    code, _, err = run_cli(["translate", str(pages), "-o", str(tmp_path / "de"), *common], capsys)
    assert code == 1
    assert err == (
        f"ltmt: error: {pages}: no file to translate in it; 2 files are not translated "
        f"(index.adoc, install.adoc), each: {ADOC_HINT}\n"
    )
    (pages / "install.adoc").unlink()
    code, _, err = run_cli(["translate", str(pages), "-o", str(tmp_path / "de"), *common], capsys)
    assert err == (
        f"ltmt: error: {pages}: no file to translate in it; index.adoc is not translated: "
        f"{ADOC_HINT}\n"
    )


def test_skipped_latex_documents_are_named_with_the_po4a_hint(tmp_path, capsys, common):
    """A LaTeX user's folder run skipped its .tex files as 'of no format ltmt translates'."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "chapter1.md").write_text("Open the file.\n", "utf-8")
    for name in ("chapter1.tex", "manual.tex"):
        (docs / name).write_text("\\section{Intro}\nOpen the file.\n", "utf-8")
    code, _, err = run_cli(["translate", str(docs), "-o", str(tmp_path / "de"), *common], capsys)
    assert code == 0, err
    assert (
        "ltmt: 2 files are not translated (chapter1.tex, manual.tex), each: ltmt reads no "
        "LaTeX; make a PO catalog of it with po4a (po4a-gettextize -f latex -m manual.tex -p "
        "manual.pot), translate that (ltmt translate manual.pot -o de.po), review de.po and "
        "remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy entry; "
        "--no-fuzzy puts none) and write the page back (po4a-translate -f latex -m manual.tex -p "
        "de.po -l manual.de.tex, which writes no page less than 80 % translated unless given -k "
        "0)\n"
    ) in err


def test_an_office_owner_file_beside_an_open_document_is_skipped(tmp_path, capsys, caplog, common):
    """Word's ``~$flyer.docx`` (the name of who has flyer.docx open) stopped the run: ``not a
    Word document``, nothing translated."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.txt").write_text("hello world\n", "utf-8")
    (docs / "~$flyer.docx").write_bytes(bytes([4]) + b"Anna" + bytes(157))
    code, _, err = run_cli(["translate", str(docs), "-o", str(tmp_path / "de"), *common], capsys)
    assert code == 0, err
    assert "1 Office owner file left out (~$flyer.docx: Office writes one beside" in caplog.text
    assert (tmp_path / "de" / "notes.txt").is_file()
    assert not (tmp_path / "de" / "~$flyer.docx").exists()


def _res(tmp_path: Path) -> Path:
    """An Android res folder: English values/, the team's German values-de/ (one string of
    two), and French."""
    res = tmp_path / "app" / "res"
    for sub, text in {
        "values": "<string name='open'>open the file %s</string><string name='a'>hello world</string>",
        "values-de": "<string name='open'>Öffne die Datei %s</string>",
        "values-fr": "<string name='open'>Ouvrir le fichier %s</string>",
    }.items():
        (res / sub).mkdir(parents=True)
        (res / sub / "strings.xml").write_text(f"<resources>{text}</resources>\n", "utf-8")
    return res


def test_an_android_res_folder_has_values_translated_into_values_de(tmp_path, capsys, common):
    """values-de was translated as English (and written garbled to OUT/values-de) and
    OUT/values/strings.xml was written in German."""
    res = _res(tmp_path)
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(res), "-o", str(out), *common], capsys)
    assert code == 0, err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["values-de/strings.xml"]
    assert (
        "ltmt: skipped 2 files of another language or configuration (values-de/strings.xml, "
        "values-fr/strings.xml): only values/ is the source; its translation is written into "
        "the target language's values folder" in err
    )
    assert "named for another language" not in err


def test_a_res_folders_layouts_are_skipped_and_a_values_folder_of_json_is_no_res(
    tmp_path, capsys, common
):
    """res/layout/activity_main.xml failed the whole run ("not an Android string resource
    file"); proj/values/en.json was written as OUT/values-de/en.json and values-old/en.json
    skipped, as if Android's."""
    res = _res(tmp_path)
    (res / "layout").mkdir()
    (res / "layout" / "activity_main.xml").write_text("<LinearLayout/>\n", "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(res), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert "1 file of Android resources that hold no strings (layout/activity_main.xml)" in err
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "values-de/strings.xml"
    ]
    proj = tmp_path / "proj"
    for sub in ("values", "values-old"):
        (proj / sub).mkdir(parents=True)
        (proj / sub / "en.json").write_text('{"title": "Open the file"}', "utf-8")
    out = tmp_path / "out-proj"
    code, _, err = run_cli(["translate", str(proj), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "values-old/de.json",
        "values/de.json",
    ]


def test_a_compiled_formatjs_ast_file_in_a_folder_is_skipped(tmp_path, capsys, common):
    """lang/en.compiled.json (formatjs compile --ast) beside en.json: its argument names were
    translated as text; now it is skipped with the reason, and en.json translated."""
    lang = tmp_path / "lang"
    lang.mkdir()
    (lang / "en.json").write_text('{"title": {"defaultMessage": "Open the file"}}', "utf-8")
    ast = '{"title": [{"type": 0, "value": "Open the file"}, {"type": 1, "value": "name"}]}'
    (lang / "en.compiled.json").write_text(ast, "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(lang), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert (
        "skipped 1 file of compiled FormatJS AST (en.compiled.json): translate the extracted "
        "messages (formatjs extract) and compile them again"
    ) in err
    assert [p.name for p in out.rglob("*") if p.is_file()] == ["de.json"]


def test_an_android_res_folder_is_translated_into_itself(tmp_path, capsys, common):
    """The hint without -o said '-o res/values-de', which was then refused as inside the
    folder; res into itself writes values-de beside values, continuing the team's file."""
    res = _res(tmp_path)
    english = (res / "values" / "strings.xml").read_text("utf-8")
    code, _, err = run_cli(["translate", str(res), *common], capsys)
    assert code == 1
    assert (
        f"ltmt: error: {res} is a folder: give --output FOLDER for its translations (for "
        f"example -o {res}, which writes values/ translated into values-de/ beside it); the "
        "input is never overwritten"
    ) in err
    code, _, err = run_cli(["translate", str(res), "-o", str(res / "values-de"), *common], capsys)
    assert code == 1
    assert err.rstrip().endswith(
        f"; or translate it into itself (-o {res}), which writes values/ translated into "
        "values-de/ beside it"
    )
    code, _, err = run_cli(["translate", str(res), "-o", str(res), *common], capsys)
    assert code == 0, err
    german = (res / "values-de" / "strings.xml").read_text("utf-8")
    assert "Öffne die Datei %s" in german and 'name="a"' in german  # kept, and added
    assert (res / "values" / "strings.xml").read_text("utf-8") == english
    assert "skipped 1 file of another language or configuration (values-fr/strings.xml)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "res/values is a folder: give --output FOLDER for its translations"),
        (["-o", "res/values/de"], "--output res/values/de is inside the folder res/values"),
        (["-o", "missing/de"], "cannot write into missing/de: directory missing does not exist"),
        (["-o", "res/values-de", "--format", "po"], "--format names one file's format"),
    ],
)
def test_bad_folder_runs_fail_before_the_model_loads(tmp_path, capsys, monkeypatch, args, message):
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["translate", "res/values", *args, "--model", "no/such/model"], capsys)
    assert code == 1
    assert message in err


def test_a_malformed_file_stops_the_run_before_anything_is_translated(tmp_path, capsys, common):
    values = _project(tmp_path)
    (values / "broken.xml").write_text("<resources><string name='a'>", "utf-8")
    out = tmp_path / "res" / "values-de"
    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 1
    assert "broken.xml:1:" in err
    assert not out.exists()


def test_a_shell_script_named_rc_is_skipped_and_refused_alone(tmp_path, capsys, common):
    """env.rc, a shell script, was translated with 0 segments and copied, without a word."""
    values = _project(tmp_path)
    (values / "env.rc").write_text('export PATH="$HOME/bin:$PATH"\nalias ll="ls -la"\n', "utf-8")
    out = tmp_path / "res" / "values-de"
    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert (
        f"ltmt: warning: {values / 'env.rc'}: not a Windows resource script (no STRINGTABLE, "
        "MENU or DIALOG): skipped\n"
    ) in err
    assert (out / "strings.xml").exists() and not (out / "env.rc").exists()

    code, _, err = run_cli(
        ["translate", str(values / "env.rc"), "-o", str(tmp_path / "env.de.rc"), *common], capsys
    )
    assert code == 1
    assert err == (
        f"ltmt: error: {values / 'env.rc'}: not a Windows resource script (no STRINGTABLE, MENU "
        "or DIALOG); pass --format txt if it is text to translate\n"
    )
    assert not (tmp_path / "env.de.rc").exists()


def test_a_file_that_is_no_message_file_is_skipped_and_the_others_translated(
    tmp_path, capsys, common
):
    """A JSON file whose top level is a list (Dialogflow's usersays, which ltmt translates
    since session 69; a list of strings) stopped the whole run and nothing was written; alone,
    it is still an error that says to leave it out."""
    values = _project(tmp_path)
    (values / "usersays_en.json").write_text('["hi", "good morning"]', "utf-8")
    out = tmp_path / "res" / "values-de"
    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert (
        f"ltmt: warning: {values / 'usersays_en.json'}: not a JSON message file: its top level "
        "is not an object, nor a list of objects: skipped\n"
    ) in err
    assert "1 file that ltmt cannot read as a message file (usersays_en.json)" in err
    assert (out / "strings.xml").exists() and not (out / "usersays_en.json").exists()

    code, _, err = run_cli(
        ["translate", str(values / "usersays_en.json"), "-o", str(tmp_path / "x.json"), *common],
        capsys,
    )
    assert code == 1
    assert err == (
        f"ltmt: error: {values / 'usersays_en.json'}: not a JSON message file: its top level is "
        "not an object, nor a list of objects; ltmt cannot translate it: leave it out\n"
    )


def test_every_unreadable_file_is_named_in_one_error_before_anything_is_translated(
    tmp_path, capsys, common
):
    """The run stopped at the first unreadable file and named only it: the next was found once
    that one was fixed."""
    values = _project(tmp_path)
    (values / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 40)
    (values / "utf16.txt").write_bytes("Open the file.\n".encode("utf-16"))
    out = tmp_path / "res" / "values-de"
    code, _, err = run_cli(["translate", str(values), "-o", str(out), *common], capsys)
    assert code == 1 and len(err.splitlines()) == 1
    assert err.startswith(
        f"ltmt: error: {values}: 2 files cannot be translated, so none was; fix or move them and "
        f"translate the folder again: {values / 'binary.txt'} is a binary file, not text; "
    )
    assert f" | {values / 'utf16.txt'} is UTF-16 text; convert it to UTF-8 first" in err
    assert not out.exists()


MDX_PAGE = (
    "---\ntitle: hello world\n---\n\nimport Tabs from '@theme/Tabs';\n\n# hello world\n\n"
    '<Tabs>\n  <TabItem value="mac" label="macOS">\n    open the file\n  </TabItem>\n'
    "</Tabs>\n\n{/* added in v3 */}\n"
)


def test_a_docusaurus_folder_has_its_mdx_pages_translated_and_imported(tmp_path, capsys, common):
    """A folder run skipped "2 files of no format ltmt translates (guides/components.mdx, …)"
    and ``memory import`` of the folder skipped them unnamed: an ``.mdx`` page is read as
    Markdown, its import, JSX tags' lines and comments kept as written."""
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    (docs / "guides" / "setup.mdx").write_text(MDX_PAGE, "utf-8")
    (docs / "intro.md").write_text("# hello world\n", "utf-8")
    out = tmp_path / "de"
    code, _, err = run_cli(["translate", str(docs), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert "skipped" not in err
    written = (out / "guides" / "setup.mdx").read_text("utf-8").splitlines()
    kept = [4, 8, 9, 11, 12, 14]  # the import, the JSX tags' lines, the comment
    assert [written[n] for n in kept] == [MDX_PAGE.splitlines()[n] for n in kept]
    store = common[3]
    args = ["memory", "import", str(out), "--user", "u1", "--memory-dir", store]
    code, output, err = run_cli([*args, "--source-file", str(docs)], capsys)
    assert code == 0, err
    assert "skipped" not in err
    assert "imported de into u1: 2 added, 2 duplicates" in output  # the .mdx page's pairs too


def test_a_translated_folder_is_imported_beside_its_source_folder(tmp_path, capsys, common):
    values = _project(tmp_path)
    german = tmp_path / "res" / "values-de"
    german.mkdir()
    (german / "strings.xml").write_text(
        STRINGS.replace("open the file %s", "Datei %s öffnen"), "utf-8"
    )
    (german / "de.po").write_text('msgid "hello world"\nmsgstr "Hallo Welt"\n', "utf-8")
    (german / "logo.png").write_bytes(b"\x89PNG")  # no format imports it
    store = common[3]
    args = ["memory", "import", str(german), "--user", "u1", "--memory-dir", store]
    code, out, err = run_cli([*args, "--source-file", str(values)], capsys)
    assert code == 0, err
    # the file is named (it was only counted)
    assert "ltmt: 2 files read; skipped 1 file of no format ltmt imports (logo.png)" in err
    assert "imported values-de into u1: 2 added" in out
    code, _, err = run_cli(args, capsys)  # the strings.xml has no source file beside it now
    assert code == 0, err
    assert "skipped 1 file holding one language with no source file beside" in err


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="App/Localizable.xcstrings" source-language="en" target-language="{lang}" datatype="plaintext">
    <header>
      <tool tool-id="com.apple.dt.xcode" tool-name="Xcode" tool-version="15.0" build-num="15A240d"/>
    </header>
    <body>
      <trans-unit id="open the file %@" xml:space="preserve">
        <source>open the file %@</source>
        <target state="new">open the file %@</target>
        <note/>
      </trans-unit>
      <trans-unit id="hello" xml:space="preserve">
        <source>hello world</source>
        <target state="translated">Hallo Welt</target>
        <note/>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def _xcloc(path: Path, lang: str = "de") -> Path:
    """A bundle as Xcode's Export Localizations writes it."""
    (path / "Localized Contents").mkdir(parents=True)
    (path / "Source Contents" / "App" / "en.lproj").mkdir(parents=True)
    (path / "Notes").mkdir()
    manifest = {
        "developmentRegion": "en",
        "project": "App.xcodeproj",
        "targetLocale": lang,
        "toolInfo": {"toolID": "com.apple.dt.xcode", "toolName": "Xcode", "toolVersion": "15.0"},
        "version": "1.0",
    }
    (path / "contents.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    (path / "Localized Contents" / f"{lang}.xliff").write_text(XLIFF.format(lang=lang), "utf-8")
    source = path / "Source Contents" / "App" / "en.lproj" / "Localizable.strings"
    source.write_text('"hello" = "hello world";\n', "utf-8")
    return path


def _write_files(root: Path, files: dict[str, str]) -> None:
    """Write each of ``files`` (a path below ``root``: its text) in UTF-8, folders made."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_an_xcode_bundle_gets_its_strings_translated_and_the_rest_copied(tmp_path, capsys, common):
    bundle = _xcloc(tmp_path / "de.xcloc")
    out = tmp_path / "de-translated.xcloc"
    code, _, err = run_cli(["translate", str(bundle), "-o", str(out), *common], capsys)
    assert code == 0, err
    before, after = _files(bundle), _files(out)
    assert sorted(after) == sorted(before)
    assert (out / "Notes").is_dir()  # an empty folder of the bundle is made too
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["Localized Contents/de.xliff"]  # the manifest is not translated
    xliff = after["Localized Contents/de.xliff"].decode()
    assert xliff.count('state="needs-review-translation"') == 1 and "%@" in xliff
    assert '<target state="translated">Hallo Welt</target>' in xliff
    assert "ltmt: Localized Contents/de.xliff: 1 segment, 1 kept" in err
    assert "ltmt: copied 2 files of Xcode bundles as they are" in err


def test_a_translated_bundle_a_reviewer_edited_is_not_replaced(tmp_path, capsys, common):
    bundle = _xcloc(tmp_path / "de.xcloc")
    out = tmp_path / "de-translated.xcloc"
    assert run_cli(["translate", str(bundle), "-o", str(out), *common], capsys)[0] == 0
    xliff = out / "Localized Contents" / "de.xliff"
    xliff.write_text(xliff.read_text("utf-8").replace("needs-review-translation", "translated"))
    reviewed = _files(out)
    code, _, err = run_cli(["translate", str(bundle), "-o", str(out), *common], capsys)
    assert (code, err) == (
        1,
        f"ltmt: error: {out} holds 1 catalog already, which may hold reviewed translations "
        f"that this run would replace ({xliff}); continue each by filling it in place "
        f"(ltmt translate {xliff} -o {xliff}), or give a new output folder\n",
    )
    assert _files(out) == reviewed


def test_a_folder_of_bundles_skips_those_for_another_language(tmp_path, capsys, common):
    export = tmp_path / "App Localizations"
    _xcloc(export / "de.xcloc")
    _xcloc(export / "fr.xcloc", "fr")
    out = tmp_path / "done"
    code, _, err = run_cli(["translate", str(export), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted({p.parts[0] for p in (Path(n) for n in _files(out))}) == ["de.xcloc"]
    assert "ltmt: skipped 1 Xcode bundle for another language: fr.xcloc" in err
    again = tmp_path / "again"  # (out's translations are not replaced)
    code, stdout, err = run_cli(
        ["translate", str(export), "-o", str(again), "--json", *common], capsys
    )
    assert code == 0, err
    report = json.loads(stdout)
    assert report["files_copied"] == 2 and len(report["files"]) == 1


@pytest.mark.parametrize(
    ("lang", "args", "message"),
    [
        (
            "de",
            [],
            "de.xcloc is an Xcode localization catalog: give --output for the translated "
            "bundle, which Xcode imports (for example -o de-translated.xcloc)",
        ),
        ("de", ["-o", "de-done"], "which Xcode imports only from a folder named *.xcloc"),
        (
            "fr",
            ["-o", "fr-done.xcloc"],
            "de.xcloc is an Xcode bundle for en→fr (its contents.json), but this run translates "
            "en→de; give a model for its languages with --model, or export the bundle for de",
        ),
    ],
)
def test_a_bundle_run_that_cannot_work_says_why(tmp_path, capsys, monkeypatch, lang, args, message):
    _xcloc(tmp_path / "de.xcloc", lang)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["translate", "de.xcloc", *args, "--src-lang", "en"], capsys)
    assert code == 1
    assert message in err


def test_a_bundle_with_a_strings_file_of_nothing_to_translate_is_copied_whole(
    tmp_path, capsys, common
):
    export = tmp_path / "Export"
    _xcloc(export / "de.xcloc")
    empty = _xcloc(export / "fr-empty.xcloc")  # another bundle for German, no strings at all
    xliff = empty / "Localized Contents" / "de.xliff"
    xliff.write_text(re.sub(r"(?s)<body>.*</body>", "<body/>", xliff.read_text("utf-8")), "utf-8")
    out = tmp_path / "done"
    code, _, err = run_cli(["translate", str(export), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert _files(out / "fr-empty.xcloc") == _files(empty)


def test_only_a_bundles_strings_are_imported(tmp_path, capsys, common):
    bundle = _xcloc(tmp_path / "de.xcloc")
    store = common[3]
    args = ["memory", "import", str(bundle), "--user", "u1", "--memory-dir", store]
    code, out, err = run_cli(args, capsys)
    assert code == 0, err
    assert "imported de.xcloc into u1: 1 added" in out
    assert "skipped" not in err  # the manifest and source copies are not files to pair


def test_a_bundle_whose_strings_disagree_with_its_manifest_leads_with_the_languages(
    tmp_path, capsys, common
):
    bundle = _xcloc(tmp_path / "de.xcloc", "fr")  # French strings under a German manifest
    manifest = json.loads((bundle / "contents.json").read_text("utf-8"))
    (bundle / "contents.json").write_text(json.dumps({**manifest, "targetLocale": "de"}))
    out = tmp_path / "de-translated.xcloc"
    code, _, err = run_cli(["translate", str(bundle), "-o", str(out), *common], capsys)
    assert code == 1
    assert err.startswith(f"ltmt: error: {bundle}: its files are of another language pair: ")
    assert "the file's target language is fr" in err
    args = ["memory", "import", str(bundle), "--user", "u1", "--memory-dir", common[3]]
    code, _, err = run_cli(args, capsys)
    assert code == 1
    assert err.startswith(f"ltmt: error: {bundle}: its files are of another language pair: ")


def test_a_folder_of_bundles_for_other_languages_only_says_so_first(tmp_path, capsys, common):
    export = tmp_path / "App Localizations"
    _xcloc(export / "fr.xcloc", "fr")
    code, _, err = run_cli(["translate", str(export), "-o", str(tmp_path / "o"), *common], capsys)
    assert code == 1
    assert err.startswith(
        f"ltmt: error: {export}: its Xcode bundles are for other languages than de (fr.xcloc)"
    )


PO = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\nmsgid "open the file"\nmsgstr ""\n'


def test_a_catalog_of_another_language_pair_is_skipped(tmp_path, capsys, common):
    po = tmp_path / "po"
    po.mkdir()
    (po / "de.po").write_text(PO.format(lang="de"), "utf-8")
    (po / "fr.po").write_text(PO.format(lang="fr"), "utf-8")
    out = tmp_path / "po-de"
    code, _, err = run_cli(["translate", str(po), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert list(_files(out)) == ["de.po"]
    assert "ltmt: skipped 1 file of another language pair" in err
    (po / "de.po").unlink()
    code, _, err = run_cli(["translate", str(po), "-o", str(tmp_path / "x"), *common], capsys)
    assert code == 1
    assert re.search(
        r"po: its files are of another language pair: .*fr\.po: languages in the file are fr", err
    )


RESX = (
    '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
    '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
    '  <data name="Title" xml:space="preserve"><value>{}</value></data>\n</root>\n'
)


def test_a_mozilla_locale_folder_keeps_its_properties_file_names(tmp_path, capsys, common):
    """Firefox's tree names the locale by its folder (``en-US/`` → ``de/``): the file keeps
    its name, where Java's ``_de`` naming would hide it from the build (user trial 7)."""
    source = tmp_path / "en-US"
    _write_files(source, {"browser/tabbrowser.properties": "tabs.downloading=open the file\n"})
    out = tmp_path / "de"
    code, _, err = run_cli(["translate", str(source), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert list(_files(out)) == ["browser/tabbrowser.properties"]
    assert "names no language" not in err


def test_a_dotnet_folder_skips_the_satellites_and_names_the_translation_so(
    tmp_path, capsys, common
):
    """Strings.fr.resx (and messages_fr.properties) are the French translations of the files
    beside them: skipped, not translated "from English"; the German is Strings.de.resx, which
    .NET loads for German, not Strings.resx (the neutral resources); it imports back. The
    existing Strings.de-AT.resx is said to be a translation into the target language, not
    "of another language pair"."""
    project = tmp_path / "proj" / "Properties"
    project.mkdir(parents=True)
    for name, text in [("Strings.resx", "open the file"), ("Strings.fr.resx", "ouvrir")]:
        (project / name).write_text(RESX.format(text), "utf-8")
    (project / "Strings.de-AT.resx").write_text(RESX.format("öffnen"), "utf-8")
    (project / "messages.properties").write_text("title=open the file\n", "utf-8")
    (project / "messages_fr.properties").write_text("title=ouvrir\n", "utf-8")
    out = tmp_path / "proj-de"
    code, _, err = run_cli(["translate", str(project.parent), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert list(_files(out)) == ["Properties/Strings.de.resx", "Properties/messages_de.properties"]
    assert (
        "ltmt: skipped 2 files of another language pair (Properties/Strings.fr.resx, "
        "Properties/messages_fr.properties), 1 file in the target language already "
        "(Properties/Strings.de-AT.resx): translations, not sources; translate the folder into "
        f"itself (-o {project.parent}) to continue them\n"
    ) in err
    assert "reads as" not in err
    store = common[2:4]  # --memory-dir
    args = ["memory", "import", str(out), "--source-file", str(project.parent), "-u", "u1"]
    code, stdout, err = run_cli([*args, *store], capsys)
    assert code == 0, err
    assert "imported proj-de into u1: 2 added" in stdout + err


def test_a_bundle_name_ending_in_a_code_is_translated_without_its_base_file(
    tmp_path, capsys, common
):
    """db_ha.properties beside messages.properties (no db.properties) was skipped as Hausa:
    it is a file of its own, translated under its name."""
    project = tmp_path / "conf"
    project.mkdir()
    for name in ("messages.properties", "db_ha.properties", "settings_my.properties"):
        (project / name).write_text("title=open the file\n", "utf-8")
    out = tmp_path / "conf-de"
    code, _, err = run_cli(["translate", str(project), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == [
        "db_ha.properties",
        "messages_de.properties",
        "settings_my.properties",
    ]
    assert "another language pair" not in err
    assert "named for another language" not in err


def test_an_interrupted_folder_run_says_which_files_it_saved(
    tmp_path, capsys, common, monkeypatch, fake_translation
):
    """It said 'nothing was saved: the first 30 segments were not done yet' of the file it was
    translating, though the files before it were written and a rerun keeps them."""
    from ltmt.cli import main

    monkeypatch.setattr(main, "leave_now", lambda code: exit(code))  # not the test's process
    folder, out = tmp_path / "en", tmp_path / "de"
    folder.mkdir()
    for name, text in [("a.txt", "one\n"), ("b.txt", "two\n"), ("c.txt", "stop here\n")]:
        (folder / name).write_text(text, "utf-8")
    (folder / "d.txt").write_text("four\n", "utf-8")
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 130
    assert (
        f"ltmt: 2 of 4 files done and saved in {out}; the same command again continues from "
        "there (the file being translated, c.txt: nothing was saved: the first segment was "
        "not done yet (segments are saved 32 at a time at first))\nltmt: interrupted\n"
    ) in err
    assert [line for line in err.splitlines() if "warning" in line and ".ini:" in line] == []
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]


def test_an_arb_translation_in_the_folder_is_no_source(tmp_path, capsys, monkeypatch, common):
    """``app_de.arb`` beside ``app_en.arb`` was translated as English, into ``out/app_en.arb``
    with ``@@locale: de``; ``app_en.arb`` is translated into ``out/app_de.arb`` (it was written
    as ``out/app_en.arb``)."""
    l10n = tmp_path / "lib" / "l10n"
    l10n.mkdir(parents=True)
    (l10n / "app_en.arb").write_text('{"@@locale": "en", "save": "hello world"}', "utf-8")
    (l10n / "app_de.arb").write_text('{"@@locale": "de", "save": "Hallo Welt"}', "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(l10n), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert (
        "ltmt: skipped 1 file of another locale (app_de.arb: de): translations, not sources" in err
    )
    assert sorted(path.name for path in out.iterdir()) == ["app_de.arb"]
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["translate", "lib/l10n", "-o", "lib/l10n/de", *common], capsys)
    assert code == 1
    assert err.strip().endswith(
        "; an ARB template is translated beside itself as a file: ltmt translate "
        "lib/l10n/app_en.arb -o lib/l10n/app_de.arb"
    )


def test_a_spring_folder_is_translated_into_itself_beside_its_sources(tmp_path, capsys, common):
    """``translate resources -o resources`` was refused ('--output ... is inside the folder'):
    each bundle is translated into its ``_de`` name beside it, the colleague's strings in
    ``messages_de.properties`` kept; Spring's configuration and a template are left as they
    are, and every skipped file is named."""
    resources = tmp_path / "src" / "main" / "resources"
    (resources / "templates").mkdir(parents=True)
    (resources / "messages.properties").write_text("title=open the file\nsave=save\n", "utf-8")
    (resources / "messages_de.properties").write_text("title=Datei öffnen\n", "utf-8")
    (resources / "ValidationMessages.properties").write_text("blank=must not be blank\n", "utf-8")
    (resources / "application.properties").write_text("server.port=8080\n", "utf-8")
    (resources / "templates" / "index.html").write_text("<p>hello world</p>\n", "utf-8")
    before = _files(resources)
    code, _, err = run_cli(["translate", str(resources), "-o", str(resources), *common], capsys)
    assert code == 0, err
    after = _files(resources)
    assert sorted(set(after) - set(before)) == ["ValidationMessages_de.properties"]
    assert {name: after[name] for name in before if name != "messages_de.properties"} == {
        name: text for name, text in before.items() if name != "messages_de.properties"
    }
    # the colleague's UTF-8 file stays UTF-8 (what Spring Boot 2+ reads)
    assert "title=Datei öffnen" in after["messages_de.properties"].decode()
    assert "save=" in after["messages_de.properties"].decode()
    assert "ltmt: messages.properties: 1 segment, 1 kept" in err
    assert (
        # messages_de.properties, continued, was named "of another locale" too
        "ltmt: skipped 2 files that are no message files named for their locale "
        "(application.properties: Spring's configuration; templates/index.html): a folder "
        "translated into itself has only those translated\n"
    ) in err


def test_rails_and_flutter_folders_are_translated_into_the_target_locale_names(
    tmp_path, capsys, common
):
    """en.yml → de.yml, devise.en.yml → devise.de.yml, app_en.arb → app_de.arb beside them (a
    run into another folder wrote German into files named en.yml and app_en.arb); a YAML file
    whose name tells no locale is skipped and named."""
    locales = tmp_path / "config" / "locales"
    locales.mkdir(parents=True)
    (locales / "en.yml").write_text('en:\n  hello: "hello world"\n', "utf-8")
    (locales / "devise.en.yml").write_text('en:\n  signed_in: "open the file"\n', "utf-8")
    (locales / "fr.yml").write_text('fr:\n  hello: "bonjour"\n', "utf-8")
    (locales / "config.yml").write_text('hello: "hello world"\n', "utf-8")
    (locales / "app_en.arb").write_text('{"@@locale": "en", "save": "hello world"}', "utf-8")
    code, _, err = run_cli(["translate", str(locales), "-o", str(locales), *common], capsys)
    assert code == 0, err
    assert sorted(_files(locales)) == [
        "app_de.arb", "app_en.arb", "config.yml", "de.yml", "devise.de.yml", "devise.en.yml",
        "en.yml", "fr.yml",
    ]  # fmt: skip
    assert (locales / "de.yml").read_text("utf-8").startswith("de:\n")
    assert json.loads((locales / "app_de.arb").read_text("utf-8"))["@@locale"] == "de"
    assert (
        "ltmt: skipped 1 file of another locale (fr.yml: fr): translations, not sources, 1 file "
        "whose name tells no locale (config.yml): name it for its language (en.yml) to "
        "translate it\n"
    ) in err


def test_a_folder_into_itself_without_locale_named_files_is_still_refused(tmp_path, capsys, common):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "guide.txt").write_text("hello world\n", "utf-8")
    code, _, err = run_cli(["translate", str(folder), "-o", str(folder), *common], capsys)
    assert code == 1
    assert f"--output {folder} is the folder itself; give a folder beside it" in err


def test_a_folder_per_language_into_itself_is_told_the_command_that_works(tmp_path, capsys, common):
    """i18next's locales/en/ + locales/de/: the refusal did not say to translate locales/en."""
    locales = tmp_path / "locales"
    (locales / "en").mkdir(parents=True)
    (locales / "en" / "common.json").write_text('{"save": "Save"}', "utf-8")
    code, _, err = run_cli(["translate", str(locales), "-o", str(locales), *common], capsys)
    assert code == 1
    assert (
        f"--output {locales} is the folder itself; give a folder beside it (its translations "
        f"would be translated again); or translate its en folder into the de one beside it: "
        f"ltmt translate {(locales / 'en').as_posix()} -o {(locales / 'de').as_posix()}\n"
    ) in err


def test_an_npm_manifest_in_a_folder_is_skipped_with_why(tmp_path, capsys, common):
    """package.json's scripts (electron . → Elektronen.) were translated (trial s72)."""
    app = tmp_path / "app"
    app.mkdir()
    manifest = {"name": "quillnote", "version": "2.4.0", "scripts": {"start": "electron ."}}
    (app / "package.json").write_text(json.dumps(manifest), "utf-8")
    (app / "en.json").write_text('{"save": "Save"}', "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(app), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert not (out / "package.json").exists()
    assert (
        "1 file of an npm package's settings (package.json): commands and build settings, "
        "no text to translate" in err
    )


def test_electron_builders_messages_in_a_folder_are_skipped_with_a_note(tmp_path, capsys, common):
    """One such file stopped a Rails app's whole folder run, and a list of language names was
    taken for one (regression trial s72): the list is translated, the other file skipped."""
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "messages.yml").write_text("appRunning:\n  en: open the file\n  de: x\n", "utf-8")
    (folder / "languages.en.yml").write_text(
        "en:\n  languages:\n    en: hello\n    de: world\n", "utf-8"
    )
    out = tmp_path / "de"
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["languages.de.yml"]
    assert "messages.yml: holds each string in several languages below its name (en, de: " in err
    assert "ltmt: skipped 1 file that ltmt cannot read as a message file (messages.yml)" in err


def test_mkdocs_pages_are_translated_beside_themselves(tmp_path, capsys, common):
    """``translate docs -o docs`` (MkDocs Material's i18n suffix layout) was refused ("--output
    docs is the folder itself"): each page named for no locale is translated into its
    ``.de.md`` beside it, an existing one continued; a French page and the folder's other
    files are left as they are and named."""
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "index.md").write_text("# hello world\n\nopen the file\n", "utf-8")
    (docs / "index.de.md").write_text("# Hallo Welt\n\nopen the file\n", "utf-8")
    (docs / "index.fr.md").write_text("# bonjour\n\nouvrir\n", "utf-8")
    (docs / "guide" / "install.md").write_text("hello world\n", "utf-8")
    (docs / "main.html").write_text("<p>hello world</p>\n", "utf-8")
    (docs / "logo.png").write_bytes(b"\x89PNG")
    before = _files(docs)
    code, _, err = run_cli(["translate", str(docs), "-o", str(docs), *common], capsys)
    assert code == 0, err
    after = _files(docs)
    assert sorted(set(after) - set(before)) == ["guide/install.de.md"]
    assert {name: after[name] for name in before if name != "index.de.md"} == {
        name: text for name, text in before.items() if name != "index.de.md"
    }
    assert after["index.de.md"].startswith(b"# Hallo Welt\n")
    assert "ltmt: index.md: 1 segment, 1 kept\n" in err  # the heading kept
    assert (
        "ltmt: skipped 1 file of no format ltmt translates (logo.png), 1 file of another locale "
        "(index.fr.md: fr): translations, not sources, 1 file that is no Markdown page "
        "(main.html): a folder of pages translated into itself has only its pages translated, "
        "each beside itself (index.md → index.de.md)\n"
    ) in err


def test_skipped_files_of_another_language_pair_are_named(tmp_path, capsys, common):
    folder = tmp_path / "po"
    folder.mkdir()
    (folder / "de.po").write_text(
        'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "hello world"\nmsgstr ""\n', "utf-8"
    )
    (folder / "fr.po").write_text(
        'msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "hello world"\nmsgstr ""\n', "utf-8"
    )
    code, _, err = run_cli(["translate", str(folder), "-o", str(tmp_path / "out"), *common], capsys)
    assert code == 0, err
    assert "ltmt: skipped 1 file of another language pair (fr.po)\n" in err


def test_locale_named_files_are_named_for_the_target_in_another_output_folder(
    tmp_path, capsys, common
):
    """``translate config/locales -o out`` wrote German into ``out/en.yml`` and
    ``out/app_en.arb``: they are ``out/de.yml`` and ``out/app_de.arb`` now, and a file of
    another locale beside them (``fr.yml``) is skipped and named, not translated."""
    locales = tmp_path / "config" / "locales"
    locales.mkdir(parents=True)
    (locales / "en.yml").write_text('en:\n  hello: "hello world"\n', "utf-8")
    (locales / "fr.yml").write_text('fr:\n  hello: "bonjour"\n', "utf-8")
    (locales / "app_en.arb").write_text('{"@@locale": "en", "save": "hello world"}', "utf-8")
    (locales / "messages_en.properties").write_text("save=hello world\n", "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(locales), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["app_de.arb", "de.yml", "messages_de.properties"]
    assert (out / "de.yml").read_text("utf-8").startswith("de:\n")
    assert "ltmt: skipped 1 file of another locale (fr.yml: fr): translations, not sources" in err


def test_a_regional_variant_of_the_source_is_not_translated_over_the_plain_one(
    tmp_path, capsys, common
):
    """``en.yml`` and ``en-GB.yml`` were both translated into ``de.yml``, the second over the
    first: the one named for the source language is translated, the variant skipped and named;
    two variants named equally close are refused before anything is written."""
    locales = tmp_path / "locales"
    locales.mkdir()
    (locales / "en.yml").write_text('en:\n  hello: "hello world"\n', "utf-8")
    (locales / "en-GB.yml").write_text('en-GB:\n  colour: "open the file"\n', "utf-8")
    code, _, err = run_cli(["translate", str(locales), "-o", str(locales), *common], capsys)
    assert code == 0, err
    assert "hello:" in (locales / "de.yml").read_text("utf-8")
    assert "colour" not in (locales / "de.yml").read_text("utf-8")
    assert "ltmt: skipped 1 file of another locale (en-GB.yml: en-GB)" in err

    (locales / "en.yml").unlink()
    (locales / "de.yml").unlink()
    (locales / "en-AU.yml").write_text('en-AU:\n  hello: "hello world"\n', "utf-8")
    code, _, err = run_cli(
        ["translate", str(locales), "-o", str(tmp_path / "out"), *common], capsys
    )
    assert code == 1
    assert err == (
        f"ltmt: error: {locales / 'en-AU.yml'} and {locales / 'en-GB.yml'} would both be "
        f"translated into {tmp_path / 'out' / 'de.yml'}; move one aside, or translate it alone: "
        f"ltmt translate {locales / 'en-GB.yml'} -o FILE\n"
    )
    assert not (tmp_path / "out").exists()


def test_go_i18n_and_dotnet_folders_are_translated_into_themselves(tmp_path, capsys, common):
    """``active.en.json`` → ``active.de.json``, ``en.json`` → ``de.json`` and ``Strings.resx``
    → ``Strings.de.resx`` beside them (the run was refused: "--output ... is inside the
    folder"); ``package.json`` names no locale and is skipped."""
    folder = tmp_path / "locales"
    folder.mkdir()
    (folder / "active.en.json").write_text('{"hello": "hello world"}', "utf-8")
    (folder / "en.json").write_text('{"open": "open the file"}', "utf-8")
    (folder / "package.json").write_text('{"name": "hello world"}', "utf-8")
    (folder / "Strings.resx").write_text(RESX.format("open the file"), "utf-8")
    (folder / "Strings.fr.resx").write_text(RESX.format("ouvrir"), "utf-8")
    code, _, err = run_cli(["translate", str(folder), "-o", str(folder), *common], capsys)
    assert code == 0, err
    assert sorted(_files(folder)) == [
        "Strings.de.resx", "Strings.fr.resx", "Strings.resx", "active.de.json",
        "active.en.json", "de.json", "en.json", "package.json",
    ]  # fmt: skip
    assert (
        "ltmt: skipped 1 file of another locale (Strings.fr.resx: fr): translations, not "
        "sources, 1 file whose name tells no locale (package.json)"
    ) in err


def test_aspnet_culture_named_resources_are_named_for_the_target(tmp_path, capsys, common):
    """``SharedResource.en.resx`` and ``About.en-US.resx`` were written into OUT under their
    English names with German in them, and ``SharedResource.fr.resx`` was translated "from
    English": now ``SharedResource.de.resx`` and ``About.de.resx``, the French one skipped."""
    resources = tmp_path / "Resources"
    (resources / "Views").mkdir(parents=True)
    (resources / "SharedResource.en.resx").write_text(RESX.format("open the file"), "utf-8")
    (resources / "SharedResource.fr.resx").write_text(RESX.format("ouvrir"), "utf-8")
    (resources / "Views" / "About.en-US.resx").write_text(RESX.format("hello world"), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(resources), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["SharedResource.de.resx", "Views/About.de.resx"]
    assert (
        "ltmt: skipped 1 file of another locale (SharedResource.fr.resx: fr): translations, "
        "not sources\n"
    ) in err


def test_a_second_run_into_an_output_folder_of_catalogs_says_how_to_continue(
    tmp_path, capsys, common
):
    """The PO catalogs a first run wrote hold both languages, so a second run would replace
    what was reviewed there: it said "2 files cannot be translated ...; fix or move them";
    now it names them and how to continue each (filled in place), nothing being wrong."""
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(
        'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "hello world"\nmsgstr ""\n', "utf-8"
    )
    out = tmp_path / "locale.out"
    args = ["translate", str(tmp_path / "locale"), "-o", str(out), *common]
    code, _, err = run_cli(args, capsys)
    assert code == 0, err
    code, _, err = run_cli(args, capsys)
    assert code == 1
    written = out / "de" / "LC_MESSAGES" / "django.po"
    assert err == (
        f"ltmt: error: {out} holds 1 catalog already, which may hold reviewed translations "
        f"that this run would replace ({written}); continue each by filling it in place "
        f"(ltmt translate {written} -o {written}), or give a new output folder\n"
    )


def test_a_uwp_locale_folder_becomes_the_targets(tmp_path, capsys, common):
    """``Strings -o StringsDe`` wrote German into ``StringsDe/en-US/Resources.resw``: now
    ``StringsDe/de-DE/Resources.resw``; the German and French folders beside are skipped."""
    strings = tmp_path / "Strings"
    for locale, text in [("en-US", "open the file"), ("de-DE", "öffnen"), ("fr-FR", "ouvrir")]:
        (strings / locale).mkdir(parents=True)
        (strings / locale / "Resources.resw").write_text(RESX.format(text), "utf-8")
    out = tmp_path / "StringsDe"
    code, _, err = run_cli(["translate", str(strings), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["de-DE/Resources.resw"]
    assert (
        "ltmt: skipped 1 file in the target language already (de-DE/Resources.resw): "
        "translations, not sources, 1 file of another locale (fr-FR/Resources.resw: fr-FR): "
        "translations, not sources\n"
    ) in err


def test_a_django_locale_folder_has_its_target_catalogs_filled_in_place(tmp_path, capsys, common):
    """``translate locale -o locale`` was refused ("--output ... is inside the folder"): the
    German catalog is filled in place now (its translation kept); the French one, named or
    declared so, and the template are left as they are."""
    locale = tmp_path / "locale"
    for lang in ("de", "fr"):
        (locale / lang / "LC_MESSAGES").mkdir(parents=True)
        (locale / lang / "LC_MESSAGES" / "django.po").write_text(
            f'msgid ""\nmsgstr "Language: {lang}\\n"\n\nmsgid "hello world"\nmsgstr ""\n\n'
            'msgid "product"\nmsgstr "Produkt"\n',
            "utf-8",
        )
    (locale / "django.pot").write_text('msgid "hello world"\nmsgstr ""\n', "utf-8")
    before = _files(locale)
    code, _, err = run_cli(["translate", str(locale), "-o", str(locale), *common], capsys)
    assert code == 0, err
    after = _files(locale)
    german = "de/LC_MESSAGES/django.po"
    assert after[german] != before[german]
    assert 'msgstr "Produkt"' in after[german].decode()
    assert {name: after[name] for name in after if name != german} == {
        name: before[name] for name in before if name != german
    }
    assert "ltmt: de/LC_MESSAGES/django.po: 1 segment, 1 kept\n" in err
    assert (
        "ltmt: skipped 1 file of another language pair (fr/LC_MESSAGES/django.po), 1 file that "
        "is no message file named for its locale (django.pot)"
    ) in err


def test_a_folder_into_itself_leaves_a_source_language_xliff_as_it_is(tmp_path, capsys, common):
    """Angular's ``messages.xlf`` (source-language en-US, no target language) beside
    ``messages.de.xlf`` had German written into it by ``translate src/locale -o src/locale``;
    only the German catalog is filled now, the template named as skipped."""
    locale = tmp_path / "locale"
    locale.mkdir()
    unit = '<trans-unit id="a"><source>hello world</source>{}</trans-unit>'
    xliff = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="en-US" {}datatype="plaintext" original="ng2.template">'
        "<body>{}</body></file></xliff>\n"
    )
    (locale / "messages.xlf").write_text(xliff.format("", unit.format("")), "utf-8")
    (locale / "messages.de.xlf").write_text(
        xliff.format('target-language="de" ', unit.format("")), "utf-8"
    )
    before = _files(locale)
    code, _, err = run_cli(["translate", str(locale), "-o", str(locale), *common], capsys)
    assert code == 0, err
    after = _files(locale)
    assert after["messages.xlf"] == before["messages.xlf"]
    assert after["messages.de.xlf"] != before["messages.de.xlf"]
    assert (
        "ltmt: skipped 1 file that declares no target language (messages.xlf): the source "
        "language's template, not a translation; translate it into a new file (ltmt translate "
        "F -o F2) to start one\n"
    ) in err


def test_files_whose_names_end_in_a_word_like_a_code_are_translated(tmp_path, capsys, common):
    """``is.json``, ``user_id.json`` and ``it.yml`` (rooted in ``en:``) were skipped as files
    "of another locale"; only ``i18n/fr.json`` beside ``i18n/en.json`` is one."""
    folder = tmp_path / "web"
    (folder / "i18n").mkdir(parents=True)
    for name in ("is.json", "user_id.json", "i18n/en.json", "i18n/fr.json"):
        (folder / name).write_text('{"a": "hello world"}', "utf-8")
    (folder / "it.yml").write_text('en:\n  a: "hello world"\n', "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["i18n/de.json", "is.json", "it.yml", "user_id.json"]
    assert "ltmt: skipped 1 file of another locale (i18n/fr.json: fr): translations" in err
    assert "named for another language" not in err  # is.json (is), it.yml (it) were warned of


def test_resw_files_in_a_projects_folders_are_translated(tmp_path, capsys, common):
    """``src/Resources.resw`` and ``lib/Errors.resw`` were skipped as files "of another locale"
    (src, lib): they are translated into their places now."""
    project = tmp_path / "project"
    for name in ("Strings/en-US/Resources.resw", "src/Resources.resw", "lib/Errors.resw"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(RESX.format("open the file"), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(project), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == [
        "Strings/de-DE/Resources.resw", "lib/Errors.resw", "src/Resources.resw",
    ]  # fmt: skip
    assert "skipped" not in err


def test_joomla_language_folders_are_translated_into_the_target_locales(tmp_path, capsys, common):
    """Joomla's ``language/en-GB/*.ini`` (and Joomla 3's ``en-GB.mod_x.ini``) were no files to
    translate: they go into ``language/de-DE/`` now; a ``desktop.ini``, or a configuration's
    ``app.ini`` with quoted values (translated, regression trial rege68), is no language file:
    its keys are not Joomla's upper-case ones; skipped without a warning, counted."""
    project = tmp_path / "com_tasks"
    files = {
        "administrator/language/en-GB/com_tasks.ini": '; Tasks\nCOM_TASKS="open the file"\n',
        "language/en-GB/en-GB.mod_tasks.ini": 'MOD_TASKS = "open the file"\n',
        "language/de-DE/mod_tasks.ini": 'MOD_TASKS="Datei"\n',
        "media/desktop.ini": "[.ShellClassInfo]\nIconResource=icon.ico,0\n",
        "conf/app.ini": '[general]\nname = "Acme Tasks"\ndata_dir = "/var/lib/acme"\n',
    }
    _write_files(project, files)
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(project), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == [
        "administrator/language/de-DE/com_tasks.ini", "language/de-DE/de-DE.mod_tasks.ini",
    ]  # fmt: skip
    written = (out / "administrator/language/de-DE/com_tasks.ini").read_text("utf-8")
    assert re.fullmatch(r'; Tasks\nCOM_TASKS="[^"]*"\n', written)
    assert [line for line in err.splitlines() if "warning" in line and ".ini:" in line] == []
    assert (
        "ltmt: skipped 2 files of no format ltmt translates (conf/app.ini, media/desktop.ini), "
    ) in err


@pytest.mark.parametrize(
    ("base", "english", "written"),
    [
        ("messages.properties", "messages_en.properties", "messages_de.properties"),
        ("Strings.resx", "Strings.en.resx", "Strings.de.resx"),
    ],
)
def test_a_base_bundle_is_translated_before_its_explicit_english_copy(
    tmp_path, capsys, common, base, english, written
):
    """``messages.properties`` beside ``messages_en.properties`` (``Strings.resx`` beside
    ``Strings.en.resx``) was refused ("would both be translated into ..."): the base file is
    translated, the English one skipped as a variant of it."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for name in (base, english):
        text = RESX.format("open the file") if name.endswith(".resx") else "a=open the file\n"
        (folder / name).write_text(text, "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == [written]
    assert f"ltmt: {base}: 1 segment\n" in err
    assert f"ltmt: skipped 1 file of another locale ({english}: en): translations" in err


def test_a_target_file_continued_in_place_is_not_named_as_skipped(tmp_path, capsys, common):
    """``de.json``, continued from ``en.json`` by ``translate i18n -o i18n``, was named among
    the skipped files "of another locale"."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "en.json").write_text('{"a": "hello world", "b": "open the file"}', "utf-8")
    (folder / "de.json").write_text('{"a": "Hallo Welt"}', "utf-8")
    (folder / "fr.json").write_text('{"a": "bonjour"}', "utf-8")
    code, _, err = run_cli(["translate", str(folder), "-o", str(folder), *common], capsys)
    assert code == 0, err
    assert "ltmt: en.json: 1 segment, 1 kept\n" in err
    assert (
        "ltmt: skipped 1 file of another locale (fr.json: fr): translations, not sources\n" in err
    )


def test_a_webextension_manifest_is_skipped_with_why(tmp_path, capsys, common):
    """An extension's folder had manifest.json translated (permissions "Lesezeichen",
    suggested_key "Strg+Umschalt+S"): the extension no longer loaded, and nothing was said."""
    ext = tmp_path / "ext"
    (ext / "_locales" / "en").mkdir(parents=True)
    (ext / "_locales" / "en" / "messages.json").write_text(
        json.dumps({"extName": {"message": "Tab Saver"}}), "utf-8"
    )
    manifest = {"manifest_version": 3, "name": "Tab Saver", "permissions": ["tabs"]}
    (ext / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(ext), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert not (out / "manifest.json").exists()
    assert (
        "ltmt: skipped 1 file that is a WebExtension manifest (manifest.json): no message file, "
        "its text lives in _locales/*/messages.json, which it names as __MSG_name__, and its "
        "settings (permissions, suggested_key) stop the extension from loading if translated; "
        "its name is literal text, not translated: move the text into "
        "_locales/en/messages.json and write __MSG_name__ there to have it translated\n" in err
    )


def test_a_ui5_manifest_is_skipped_with_why(tmp_path, capsys, common):
    """A UI5 webapp folder had manifest.json translated (bundleUrl "i18n/i18n. Eigenschaften");
    refused alone, it is skipped by a folder run, which translates i18n/i18n.properties."""
    webapp = tmp_path / "webapp"
    (webapp / "i18n").mkdir(parents=True)
    (webapp / "i18n" / "i18n.properties").write_text("appTitle=Purchase orders\n", "utf-8")
    manifest = {"sap.app": {"id": "com.acme.po", "title": "{{appTitle}}"}}
    (webapp / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(webapp), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert not (out / "manifest.json").exists()
    assert (out / "i18n" / "i18n_de.properties").exists()
    assert (
        "1 file of a UI5 app's settings (manifest.json): its texts live in "
        "i18n/i18n.properties, which it names as {{appTitle}}\n" in err
    )


def test_a_dialogflow_agent_folder_gets_its_settings_copied(tmp_path, capsys, common):
    """A folder run of an agent export left agent.json, package.json and the entity types'
    settings out of the output folder (skipped with nothing to translate), so that it was no
    agent to import; they are copied, agent.json with the target language supported."""
    agent = tmp_path / "agent"
    (agent / "intents").mkdir(parents=True)
    (agent / "entities").mkdir()
    settings = {"language": "en", "supportedLanguages": [], "displayName": "PizzaBot"}
    (agent / "agent.json").write_text(json.dumps(settings, indent=2), "utf-8")
    (agent / "package.json").write_text('{\n  "version": "1.0.0"\n}', "utf-8")
    entity = '{"name": "size", "isEnum": false, "isRegexp": false}'
    (agent / "entities" / "size.json").write_text(entity, "utf-8")
    entries = [{"value": "large", "synonyms": ["large"]}]
    (agent / "entities" / "size_entries_en.json").write_text(json.dumps(entries), "utf-8")
    message = {"type": "0", "lang": "en", "speech": "hello world"}
    intent = {"name": "Hi", "responses": [{"messages": [message]}]}
    (agent / "intents" / "Hi.json").write_text(json.dumps(intent), "utf-8")
    out = tmp_path / "out"
    code, stdout, err = run_cli(
        ["translate", str(agent), "-o", str(out), "--json", *common], capsys
    )
    assert code == 0, err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "agent.json",
        "entities/size.json",
        "entities/size_entries_de.json",
        "intents/Hi.json",
        "package.json",
    ]
    assert json.loads((out / "agent.json").read_text("utf-8")) == {
        **settings,
        "supportedLanguages": ["de"],
    }
    for name in ("package.json", "entities/size.json"):
        assert (out / name).read_bytes() == (agent / name).read_bytes()
    report = json.loads(stdout)
    assert report["files_copied"] == 3 and report["files_skipped"] == 0

    code, _, err = run_cli(["translate", str(agent), "-o", str(tmp_path / "out2"), *common], capsys)
    assert code == 0, err
    assert (
        "ltmt: copied 3 files with nothing to translate (agent.json, entities/size.json, "
        "package.json)\n"
    ) in err
    assert "skipped" not in err


def test_a_text_output_edited_by_hand_is_left_and_counted_the_others_translated(
    tmp_path, capsys, common
):
    """A store listing's .txt, fixed by hand and committed, was replaced without a word."""
    docs, out = tmp_path / "en-US", tmp_path / "de-DE"
    docs.mkdir()
    (docs / "short_description.txt").write_text("Record your hikes.\n", "utf-8")
    (docs / "title.txt").write_text("hello world\n", "utf-8")
    code, _, err = run_cli(["translate", str(docs), "-o", str(out), *common], capsys)
    assert code == 0, err
    fixed = "Wanderungen aufzeichnen.\n"
    (out / "short_description.txt").write_text(fixed, "utf-8")
    (docs / "short_description.txt").write_text("Record your walks.\n", "utf-8")
    (out / "title.txt").unlink()
    code, _, err = run_cli(["translate", str(docs), "-o", str(out), *common], capsys)
    assert code != 0
    assert (
        f"ltmt: {out / 'short_description.txt'} was edited since ltmt wrote it; to keep its "
        f"lines, import it first (ltmt memory import {out / 'short_description.txt'} "
        f"--source-file {docs / 'short_description.txt'} --user USER) and run again with "
        "--overwrite (they come back as memory matches); to replace it, pass --overwrite\n" in err
    )
    assert (
        f"ltmt: error: 1 file of {docs} not translated, their outputs edited "
        "(short_description.txt): to keep the edits, import each output first (ltmt memory "
        "import OUTPUT --source-file FILE) and run again with --overwrite; to replace them, "
        "pass --overwrite; the other files were translated\n" in err
    )
    assert (out / "short_description.txt").read_text("utf-8") == fixed
    assert (out / "title.txt").is_file()
    code, _, err = run_cli(["translate", str(docs), "-o", str(out), "--overwrite", *common], capsys)
    assert code == 0, err
    assert (out / "short_description.txt").read_text("utf-8") != fixed


def test_a_docbook_page_is_skipped_with_its_hint_and_an_html_page_about_docbook_translated(
    tmp_path, capsys, common
):
    """site/ with blog.html (an HTML <article> quoting DocBook's namespace in its <pre>) was
    refused 'ltmt reads no DocBook' and the run wrote nothing; a real DocBook article saved
    as .html is skipped with itstool's hint, and the rest is translated."""
    from ltmt.formats.itstool_recipe import DOCBOOK

    site = tmp_path / "site"
    site.mkdir()
    (site / "blog.html").write_text(
        '<article class="post">\n  <p>Start every book with the DocBook namespace:</p>\n'
        '  <pre><code>&lt;book xmlns="http://docbook.org/ns/docbook"&gt;</code></pre>\n'
        "</article>\n",
        "utf-8",
    )
    (site / "install.html").write_text(
        '<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Install</title>'
        "<para>Run the installer.</para></article>\n",
        "utf-8",
    )
    code, _, err = run_cli(["translate", str(site), "-o", str(tmp_path / "de"), *common], capsys)
    assert code == 0, err
    assert f"ltmt: install.html is not translated: {DOCBOOK.translate_recipe()}\n" in err
    assert [p.name for p in (tmp_path / "de").rglob("*") if p.is_file()] == ["blog.html"]


# one XLIFF file of each CAT tool that names its own by an extension of its own
CAT_TOOL_FILES = ("trados.sdlxliff", "memoq.mqxliff", "phrase.mxliff", "wordfast.txlf")


def _cat_tool_project(tmp_path: Path) -> Path:
    """A project package's language folder: one file of each CAT tool."""
    data = Path(__file__).parents[1] / "formats" / "data"
    folder = tmp_path / "proj" / "de-DE"
    folder.mkdir(parents=True)
    for name in CAT_TOOL_FILES:
        (folder / name).write_bytes((data / name).read_bytes())
    return folder


def test_a_folder_of_cat_tool_xliff_files_is_translated_imported_and_checked(
    tmp_path, capsys, common
):
    """A folder of .sdlxliff and .mqxliff files was refused ('no file to translate in it', 'no
    translated file in it'), each file alone translated: each is translated as it is alone,
    under its own extension, and imported and checked with the folder (session 72)."""
    folder = _cat_tool_project(tmp_path)
    out = tmp_path / "proj_out"
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert "skipped" not in err
    assert sorted(p.name for p in out.iterdir()) == sorted(CAT_TOOL_FILES)
    for name in CAT_TOOL_FILES:  # each as its single file's run writes it
        alone = tmp_path / f"alone-{name}"
        code, _, err = run_cli(["translate", str(folder / name), "-o", str(alone), *common], capsys)
        assert code == 0, err
        assert (out / name).read_bytes() == alone.read_bytes(), name

    store = ["--memory-dir", str(tmp_path / "tm")]
    code, stdout, err = run_cli(["memory", "import", str(folder), "--user", "u1", *store], capsys)
    assert code == 0, err
    assert (  # the confirmed ones: Trados's 2, memoQ's 2, Phrase's and Wordfast's 1 each
        "imported de-DE into u1: 6 added, 0 duplicates, 0 skipped; not read: 2 awaiting review, "
        "1 needing translation, 8 untranslated" in stdout
    )
    code, stdout, err = run_cli(["qa", str(folder)], capsys)
    assert code == 0, err
    assert (
        "8 entries checked (7 untranslated left out, 2 not yet reviewed): nothing found" in stdout
    )
    code, _, err = run_cli(["qa", str(out)], capsys)
    assert code == 0, err


def test_a_folder_of_locales_given_whole_takes_only_the_source_languages_folder(
    tmp_path, capsys, common
):
    """i18next's locales/en + locales/de given whole (trial s73): de/common.json was translated
    as English, with a warning that it reads as German, exit 0; other languages' folders are
    skipped now, with one line naming the command, as Android's values-de is."""
    locales = tmp_path / "locales"
    files = {
        "en/common.json": '{"save": "hello world"}',
        "de/common.json": '{"save": "Willkommen zurück"}',
        "fr-FR/common.json": '{"save": "Bon retour"}',
    }
    for name, text in files.items():
        (locales / name).parent.mkdir(parents=True, exist_ok=True)
        (locales / name).write_text(text, "utf-8")
    out = tmp_path / "build"
    code, _, err = run_cli(["translate", str(locales), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["en/common.json"]
    assert "reads as German" not in err
    assert (
        "ltmt: skipped 2 files in another language's folder (de/common.json, "
        "fr-FR/common.json): translations, not sources; translate the en folder into the de "
        f"one: ltmt translate {(locales / 'en').as_posix()} -o {(locales / 'de').as_posix()}\n"
    ) in err
    assert (
        "ltmt: warning: 1 German translation would keep a path named for another language, "
        "where the app shows them to its users: en/common.json (en);"
    ) in err


def test_apple_and_webextension_language_folders_of_a_folder_are_skipped(tmp_path, capsys, common):
    project = tmp_path / "app"
    files = {
        "Resources/en.lproj/Main.strings": '"save" = "hello world";\n',
        "Resources/de.lproj/Main.strings": '"save" = "Speichern";\n',
        "Resources/Base.lproj/Info.strings": '"name" = "hello world";\n',
        "ext/_locales/en/messages.json": '{"save": {"message": "hello world"}}',
        "ext/_locales/de/messages.json": '{"save": {"message": "Speichern"}}',
    }
    _write_files(project, files)
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(project), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == [
        "Resources/Base.lproj/Info.strings",
        "Resources/en.lproj/Main.strings",
        "ext/_locales/en/messages.json",
    ]
    assert (
        "skipped 2 files in another language's folder (Resources/de.lproj/Main.strings, "
        "ext/_locales/de/messages.json): translations, not sources; translate the en folder "
        f"into the de one: ltmt translate {(project / 'Resources/en.lproj').as_posix()} -o "
        f"{(project / 'Resources/de.lproj').as_posix()}\n"
    ) in err


def test_a_folder_of_other_languages_folders_alone_is_refused(tmp_path, capsys, common):
    locales = tmp_path / "locales"
    (locales / "de").mkdir(parents=True)
    (locales / "de" / "common.json").write_text('{"save": "Speichern"}', "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["translate", str(locales), "-o", str(out), *common], capsys)
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        f"ltmt: error: {locales}: no file to translate in it; its files are in other "
        "languages' folders than the source's (de/common.json): translations, not sources; "
        "give the folder of the source language's files, or its language with --src-lang"
    )
    assert not out.exists()


def test_a_source_languages_folder_given_alone_is_translated_whatever_it_holds(
    tmp_path, capsys, common
):
    """locales/en -o locales/de: the folder given is the source (its name is no folder of
    another language's), and so are folders below it."""
    english = tmp_path / "locales" / "en"
    (english / "admin").mkdir(parents=True)
    (english / "common.json").write_text('{"save": "hello world"}', "utf-8")
    (english / "admin" / "users.json").write_text('{"add": "hello world"}', "utf-8")
    out = tmp_path / "locales" / "de"
    code, _, err = run_cli(["translate", str(english), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(_files(out)) == ["admin/users.json", "common.json"]
    assert "skipped" not in err


def test_a_fluent_brand_file_is_written_with_its_names_copied(tmp_path, capsys, common):
    """Trial s74: ``-pocket-brand-name = Pocket`` came out ``Tasche``; with its names copied
    the file has nothing to translate, yet the German messages reference its terms, so it is
    written (a file of copies with no term is skipped, as before)."""
    source = tmp_path / "en-US"
    source.mkdir()
    brands = "## Brand names.\n\n-pocket-brand-name = Pocket\n-send-brand-name = Send\n"
    (source / "brandings.ftl").write_text(brands, "utf-8")
    (source / "version.ftl").write_text("version = 2.4.0\n", "utf-8")
    (source / "main.ftl").write_text("saved = Saved to { -pocket-brand-name }\n", "utf-8")
    out = tmp_path / "de"
    code, _, err = run_cli(["translate", str(source), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert (out / "brandings.ftl").read_text("utf-8") == brands
    assert not (out / "version.ftl").exists()
    assert "skipped 1 file with nothing to translate" in err
    assert "{ -pocket-brand-name }" in (out / "main.ftl").read_text("utf-8")
