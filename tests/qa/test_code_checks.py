"""qa's check of code elements whose text a translation changed (trial db271: itstool's
``<command>photonic</command>`` came back ``<command>Photonik</command>``, and ``<cmd>photonic
--reset</cmd>`` came back ``<cmd>--reset</cmd>``; their tags were all there and qa passed
them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.qa.code_checks import changed_code
from ltmt.qa.pair_checks import placeholder_problems


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("Or type <command>photonic</command> in a terminal.",
     "Oder geben Sie <command>Photonik</command> in ein Terminal ein.",
     ["changes code: the translation has '<command>Photonik</command>'; write "
      "'<command>photonic</command>' as the source does"]),
    ("Run <cmd>photonic --reset</cmd> if it fails.",
     "Führen Sie <cmd>--reset</cmd> aus, wenn es fehlschlägt.",
     ["changes code: the translation has '<cmd>--reset</cmd>'; write "
      "'<cmd>photonic --reset</cmd>' as the source does"]),
    ("Run <userinput>git gc</userinput> now.",
     "Führen Sie jetzt <userinput>Git GC</userinput> aus.",
     ["changes code: the translation has '<userinput>Git GC</userinput>'; write "
      "'<userinput>git gc</userinput>' as the source does"]),
    ("Run <cmd>photonic --reset</cmd> if it fails.",
     "Führen Sie <cmd>photonic --reset</cmd> aus, wenn es fehlschlägt.", []),
    ("Press <kbd>Ctrl</kbd>+<kbd>S</kbd>.", "Drücken Sie <kbd>Strg</kbd>+<kbd>S</kbd>.", []),
    ("Use <cmd>a</cmd> or <cmd>b</cmd>.", "Nutzen Sie <cmd>b</cmd> oder <cmd>a</cmd>.", []),
    ("Run <cmd>photonic</cmd> now.", "Jetzt ausführen.", []),  # lost: the tags' finding
    ("Save as <replaceable>file name</replaceable>.",
     "Als <replaceable>Dateiname</replaceable> speichern.", []),  # the reader's words
    # HTML's code elements hold UI labels and key names, translated as the localised UI says
    ("Click <code>Save</code> when done.",
     "Klicken Sie auf <code>Speichern</code>, wenn Sie fertig sind.", []),
    ("Press <kbd>Enter</kbd> to continue.", "Drücken Sie <kbd>Eingabe</kbd>, um fortzufahren.", []),
    ("Press <kbd>Home</kbd>.", "Drücken Sie <kbd>Pos1</kbd>.", []),
    ("Type <tt>yes</tt>.", "Geben Sie <tt>ja</tt> ein.", []),
    ("See <samp>Done</samp>.", "Siehe <samp>Fertig</samp>.", []),
])  # fmt: skip
def test_changed_code_is_found(source: str, target: str, expected: list[str]) -> None:
    assert changed_code(source, target) == expected


def test_the_placeholder_check_says_it_once() -> None:
    source = "Stored in <filename>~/.config/photonic/settings.ini</filename>."
    target = "Gespeichert in <filename>~/.config/Photonik/settings.ini</filename>."
    assert placeholder_problems(source, target, {"note": "(itstool) path: para/filename"}) == [
        "changes code: the translation has '<filename>~/.config/Photonik/settings.ini</filename>'"
        "; write '<filename>~/.config/photonic/settings.ini</filename>' as the source does"
    ]


@pytest.mark.parametrize("name", ["file", "input", "output", "parameter", "literal", "sys"])
def test_docbook_code_names_are_checked_in_an_itstool_catalog_alone(name: str) -> None:
    """Since bc12da47 qa said 'changes code: ... <file>aktuelle Datei</file>' of a correct
    JSON, XLIFF or plain PO translation (rc 1, this morning 0): such tags are an app's markup
    around words its user reads, checked in an itstool catalog's entries alone."""
    source = f"Save the <{name}>current file</{name}>"
    target = f"<{name}>Aktuelle Datei</{name}> speichern"
    assert placeholder_problems(source, target, {}) == []
    assert placeholder_problems(source, target, {"note": "Shown in the toolbar"}) == []
    assert placeholder_problems(source, target, {"note": "(itstool) path: page/p"}) == [
        f"changes code: the translation has '<{name}>Aktuelle Datei</{name}>'; write "
        f"'<{name}>current file</{name}>' as the source does"
    ]


def test_markdown_code_spans_may_be_translated(tmp_path: Path) -> None:
    """A backtick span (a UI label: ```Save``` → ```Speichern```) was said as a changed
    ``<code>``, an element the user never wrote."""
    from ltmt.formats.markdown import MarkdownDocument

    (tmp_path / "en.md").write_text("Click `Save` when done.\n\nOpen the `File` menu.\n", "utf-8")
    (tmp_path / "de.md").write_text(
        "Klicken Sie auf `Speichern`, wenn Sie fertig sind.\n\nÖffnen Sie das Menü `Datei`.\n",
        "utf-8",
    )
    pairs = list(MarkdownDocument.pairs(tmp_path / "de.md", source_file=tmp_path / "en.md"))
    assert len(pairs) == 2
    assert [placeholder_problems(p.source, p.target, {}) for p in pairs] == [[], []]


def test_qa_flags_an_itstool_catalogs_changed_code(tmp_path: Path) -> None:
    from ltmt.formats.po import read_po
    from ltmt.qa import check_pairs

    po = tmp_path / "help-de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        "#. (itstool) path: chapter/para\n"
        'msgid "Or type <command>photonic</command> in a terminal."\n'
        'msgstr "Oder geben Sie <command>Photonik</command> in ein Terminal ein."\n',
        "utf-8",
    )
    report = check_pairs(read_po(po), checks=["placeholders"])
    assert [(f.check, f.message) for f in report.findings] == [
        (
            "placeholders",
            "changes code: the translation has '<command>Photonik</command>'; write "
            "'<command>photonic</command>' as the source does",
        )
    ]
