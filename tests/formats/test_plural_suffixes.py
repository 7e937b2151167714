"""English's singular and plural written at once (``file(s)``), read as each form."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.plural_suffixes import (
    english_suffixes_kept,
    entry_forms,
    has_suffixes,
    plural,
    singular,
)


@pytest.mark.parametrize(
    ("text", "one", "many"),
    [
        ("%n file(s) deleted", "%n file deleted", "%n files deleted"),
        ("%n match(es) found", "%n match found", "%n matches found"),
        ("%n box(es) checked", "%n box checked", "%n boxes checked"),
        ("%n director(y|ies) scanned", "%n directory scanned", "%n directories scanned"),
        ("%n entry(ies) removed", "%n entry removed", "%n entries removed"),
        ("%n entr(ies) removed", "%n entry removed", "%n entries removed"),
        ("%n child(ren)", "%n child", "%n children"),
        ("%n analys(is|es)", "%n analysis", "%n analyses"),
        ("%n file(s), %n dir(s)", "%n file, %n dir", "%n files, %n dirs"),
        # no suffix: a choice of words, a bracket after a space or a digit, capitals
        ("Mode foo(a|b) on", "Mode foo(a|b) on", "Mode foo(a|b) on"),
        ("Press (s) to skip", "Press (s) to skip", "Press (s) to skip"),
        ("%n 2(s)", "%n 2(s)", "%n 2(s)"),
        ("%n FILE(S)", "%n FILE(S)", "%n FILE(S)"),
    ],
)
def test_a_suffix_is_read_as_each_form(text: str, one: str, many: str) -> None:
    assert (singular(text), plural(text)) == (one, many)
    assert has_suffixes(text) is (text != one)


@pytest.mark.parametrize(
    ("msgid", "msgid_plural", "expected"),
    [
        ("%d entry(ies)", "%d entry(ies)", ("%d entry", "%d entries")),  # one text for both
        ("%d file(s)", "%d files", ("%d file(s)", "%d files")),  # as given
        ("%d file", "%d files", ("%d file", "%d files")),
        ("%d item", "%d item", ("%d item", "%d item")),
    ],
)
def test_a_po_entry_s_forms(msgid: str, msgid_plural: str, expected: tuple[str, str]) -> None:
    assert entry_forms(msgid, msgid_plural) == expected


@pytest.mark.parametrize(
    ("german", "kept"),
    [
        ("%n Eintrag(ies) entfernt", ["(ies)"]),
        ("%n Verzeichnis(y|ies) gelesen", ["(y|ies)"]),
        ("%n Kindprozess(ren)", ["(ren)"]),
        ("%n Treffer(es) gefunden", ["(es)"]),
        ("%n Datei(en) gelöscht", []),  # German's own
        ("%n Element(e), %n Foto(s)", []),
        ("%n Einträge entfernt", []),
        ("Modus (es) wählen", []),  # no word before the bracket
    ],
)
def test_english_suffixes_kept_in_german(german: str, kept: list[str]) -> None:
    assert english_suffixes_kept(german) == kept


@pytest.mark.parametrize(
    "text",
    ["a(" * 50_000, "a(b|" * 50_000, "a(bbb|bbbs" * 30_000, "a" * 100_000 + "(", "(ab|" * 40_000],
)
def test_the_patterns_do_not_backtrack_on_long_input(text: str) -> None:
    started = time.perf_counter()
    plural(text), singular(text), english_suffixes_kept(text), has_suffixes(text)
    assert time.perf_counter() - started < 2.0
