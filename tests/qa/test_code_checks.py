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
    ("Run <code>git gc</code> now.", "Führen Sie jetzt <code>Git GC</code> aus.",
     ["changes code: the translation has '<code>Git GC</code>'; write '<code>git gc</code>' "
      "as the source does"]),
    ("Run <cmd>photonic --reset</cmd> if it fails.",
     "Führen Sie <cmd>photonic --reset</cmd> aus, wenn es fehlschlägt.", []),
    ("Press <kbd>Ctrl</kbd>+<kbd>S</kbd>.", "Drücken Sie <kbd>Strg</kbd>+<kbd>S</kbd>.", []),
    ("Use <cmd>a</cmd> or <cmd>b</cmd>.", "Nutzen Sie <cmd>b</cmd> oder <cmd>a</cmd>.", []),
    ("Run <cmd>photonic</cmd> now.", "Jetzt ausführen.", []),  # lost: the tags' finding
    ("Save as <replaceable>file name</replaceable>.",
     "Als <replaceable>Dateiname</replaceable> speichern.", []),  # the reader's words
])  # fmt: skip
def test_changed_code_is_found(source: str, target: str, expected: list[str]) -> None:
    assert changed_code(source, target) == expected


def test_the_placeholder_check_says_it_once() -> None:
    source = "Stored in <filename>~/.config/photonic/settings.ini</filename>."
    target = "Gespeichert in <filename>~/.config/Photonik/settings.ini</filename>."
    assert placeholder_problems(source, target, {}) == [
        "changes code: the translation has '<filename>~/.config/Photonik/settings.ini</filename>'"
        "; write '<filename>~/.config/photonic/settings.ini</filename>' as the source does"
    ]


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
