"""What a translation writes right beside its placeholders that its source does not."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.placeholder_edges import (
    glued_words,
    stray_braces,
    stray_marks,
    without_stray_backslashes,
)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # session 69's Ruby gettext trial: a word glued to a field the source spaces
        (
            "You have %<count>d unread messages.",
            "Sie haben %<count>dnlese Nachrichten.",
            [("%<count>d", "nlese")],
        ),
        ("%s files", "%sDateien", [("%s", "Dateien")]),
        ("Hi {name}, go", "Hallo {name}du", [("{name}", "du")]),
        (
            "%s, %d items",
            "%2$dStück, %1$s",
            [("%2$d", "Stück")],
        ),  # a numbered argument stands for the source's
        # not after a tag, nor where the source glues it, nor a genitive or a compound
        ("Open <b>file</b>", "Öffne <b>Datei</b>", []),
        ("%dpx wide", "%dpx breit", []),
        ("%s's file", "%ss Datei", []),
        ("%s file", "%s-Datei", []),
        ("You have %<count>d unread messages.", "Sie haben %<count>d ungelesene Nachrichten.", []),
        # German endings glued to a field (a regression trial, session 69): a genitive's s,
        # mal, fach, er, ern
        ("Profile of %s.", "%ss Profil.", []),
        ("Files of {user}.", "{user}s Dateien.", []),
        ("Last login of %(user)s.", "%(user)ss letzte Anmeldung.", []),
        ("Played {0} times", "{0}mal gespielt", []),
        ("{0} times as fast", "{0}fach so schnell", []),
        ("a {0} times larger file", "eine {0}fache Datei", []),
        ("the {0}s", "die {0}er", []),
        ("in the {0}s", "in den {0}ern", []),
        # ...but not a fragment, an ending that goes on, a capital, nor an s after a number
        ("%<count>d unread", "%<count>dnlese", [("%<count>d", "nlese")]),
        ("Played {0} times", "{0}malige Spiele", [("{0}", "malige")]),
        ("Played {0} times", "{0}Mal gespielt", [("{0}", "Mal")]),
        ("%d seconds", "%ds", [("%d", "s")]),
        ("%(count)d seconds", "%(count)ds", [("%(count)d", "s")]),
    ],
)
def test_glued_words(source: str, target: str, expected: list[tuple[str, str]]) -> None:
    assert glued_words(source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ('Your book "%{title}" is due.', "Ihr Buch »%{title}}« ist fällig.", [("}", "%{title}")]),
        ("Hi {name}", "Hallo {{name}", [("{", "{name}")]),
        # braces of the source's own, and of placeholders side by side, are none
        ("{%{name}}", "{%{name}}", []),
        ("{a} {b}", "{b}{a}", []),
        ("{{count}} notes", "{{count}} Notizen", []),
        ("%s}", "%s}", []),
        # an AsciiDoc attribute's name written again after it (trial as170), or before it
        (
            "The {product-name} agent",
            "Der {product-name}-Name} sammelt",
            [("-Name}", "{product-name}")],
        ),
        (
            "The {product-name} agent",
            "Der {Produkt-{product-name} sammelt",
            [("{Produkt-", "{product-name}")],
        ),
        # a compound with the field, and a word left by a tag that lost its end, are none
        ("The {product-name} agent", "Der {product-name}-Agent", []),
        ("The {b}Sword{/b}", "Das {b}Schwert}", []),
        ("{a}-{b}", "{a}-{b}", []),
        # the brace that closes or opens an ICU branch around a compound with the field is
        # none (they were: ('-Ordner}', '{name}'), session 70); a field's brace written twice is
        (
            "{count, plural, one {One {name} folder} other {# {name} folders}}",
            "{count, plural, one {Ein {name}-Ordner} other {# {name}-Ordner}}",
            [],
        ),
        (
            "{count, plural, one {{count} day} other {{count} days}}",
            "{count, plural, one {{count}-Tag} other {{count}-Tage}}",
            [],
        ),
        (
            "{count, plural, one {One {name} folder} other {# {name} folders}}",
            "{count, plural, one {{name}-Ordner} other {# {name}-Ordner}}",
            [],
        ),
        ("Hi %{name}", "Hallo {%{name}}", [("{", "%{name}"), ("}", "%{name}")]),
        # braces balanced but no ICU branch in the source, or an ICU target's not balanced: stray
        ("Type { then %{name}", "Tippe { dann %{name}}", [("}", "%{name}")]),
        (
            "{count, plural, one {{count} day} other {{count} days}}",
            "{count, plural, one {{count}-Tag}} other {{count}-Tage}}",
            [("-Tag}", "{count}"), ("-Tage}", "{count}")],
        ),
        ("{product-name} app}", "{product-name}-App}", [("-App}", "{product-name}")]),
    ],
)
def test_stray_braces(source: str, target: str, expected: list[tuple[str, str]]) -> None:
    assert stray_braces(source, target) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # an i18next trial (session 76): what the repair left beside the fields, qa silent
        (
            "Expires {{month}}/{{year}}",
            "Expires {{month}}/\\{{year}}",
            [("/\\", "{{month}}", "/")],
        ),
        ("Valid {{from}}/{{to}}", "Valid {{from}}/{{to}}/", [("/", "{{to}}", "")]),
        ("Folder {{dir}}/{{file}}", "Ordner {{dir}}/{{file}}/", [("/", "{{file}}", "")]),
        ("{{a}}/{{b}}", "{{a}}//{{b}}", [("//", "{{a}}", "/")]),
        ("{a}|{b}", "{a}|{b}|", [("|", "{b}", "")]),
        ("Page %d", "Seite \\%d", [("\\", "%d", "")]),
        # as the source writes them, in any order of the fields, or with text beside them
        ("Expires {{month}}/{{year}}", "Läuft {{month}}/{{year}} ab", []),
        ("Expires {{month}}/{{year}}", "Läuft {{year}}/{{month}} ab", []),
        ("{{count}}/{{total}} done", "{{count}} / {{total}} erledigt", []),
        ("Open $HOME/.config", "Öffne $HOME/.config", []),
        ("{{dir}}/{{file}}/", "{{dir}}/{{file}}/", []),
        # not an escape of the source's own (a placeholder), nor a tag's slash
        ("Line\\n{{name}}", "Zeile\\n{{name}}", []),
        ("Hi {{name}}<br/>", "Hallo {{name}}<br/>", []),
        ("{{a}} and {{b}}", "{{a}} und {{b}}", []),
    ],
)
def test_stray_marks(source: str, target: str, expected: list[tuple[str, str, str]]) -> None:
    assert stray_marks(source, target) == expected


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        (
            "Expires {{month}}/{{year}}",
            "Läuft {{month}}/\\{{year}} ab",
            "Läuft {{month}}/{{year}} ab",
        ),
        ("Page %d", "Seite \\%d", "Seite %d"),
        # the source writes a backslash of its own: left as it is
        ("Type \\ then {key}", "Tippe \\ dann \\{key}", "Tippe \\ dann \\{key}"),
        # a backslash away from the fields is no mark of theirs
        ("Use {{a}} or b", "Nutze {{a}} oder \\b", "Nutze {{a}} oder \\b"),
    ],
)
def test_without_stray_backslashes(source: str, text: str, expected: str) -> None:
    assert without_stray_backslashes(source, text) == expected


def test_stray_marks_take_linear_time() -> None:
    """Runs are cut with ``str.strip``, not a regular expression that backtracks."""
    target = "{{a}}" + "/\\" * 20_000 + "{{b}}" + "/" * 20_000 + " x"
    started = time.perf_counter()
    assert stray_marks("{{a}}/{{b}}", target)[0][1:] == ("{{a}}", "/")
    assert without_stray_backslashes("{{a}}/{{b}}", target).startswith("{{a}}/////")
    assert time.perf_counter() - started < 2
