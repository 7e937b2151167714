"""Format-string rules per gettext flag, pinned by a table and checked against msgfmt itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ltmt.formats.format_strings import (
    check_format,
    fix_directives,
    format_flags,
    unchecked_flags,
)

# (flag, source, translation, valid): msgfmt -c agrees on every row (see the test below)
CASES = [
    ("c-format", "%d file(s)", "%d Datei(en)", True),
    ("c-format", "%d file(s)", "Dateien", False),
    ("c-format", "%s and %d", "%2$d und %1$s", True),
    ("c-format", "%s and %d", "%d und %s", False),
    ("c-format", "100%% done: %s", "100 % fertig: %s", False),
    ("c-format", "100%% done: %s", "100 %% fertig: %s", True),
    ("c-format", "%s: %m", "%s: %m", True),
    ("c-format", "%lu bytes", "%lu Bytes", True),
    ("c-format", "%lu bytes", "%u Bytes", False),
    ("c-format", "%-10s|%5.2f", "%-10s|%5.2f", True),
    ("c-format", "%*d", "%*d", True),
    ("c-format", "%s", "%s %s", False),
    ("c-format", "Size: %<PRIu64>", "Größe: %<PRIu64>", True),
    ("c-format", "end %", "Ende %", True),  # an invalid source is not checked
    (
        "python-format",
        "You have added %(count)s key(s).",
        "Sie haben %(count) Schlüssel. %(count)s",
        False,
    ),
    ("python-format", "You have added %(count)s key(s).", "%(count)s Schlüssel", True),
    ("python-format", "%(a)s and %(b)d", "%(b)d und %(a)s", True),
    ("python-format", "%(a)s and %(b)d", "%(a)s", False),
    ("python-format", "%(a)s", "%(a)s %(c)s", False),
    ("python-format", "%(a)s", "%(a)d", False),
    ("python-format", "%s of %d", "%s von %d", True),
    ("python-format", "%s of %d", "%d von %s", False),
    ("python-format", "%(a)s 100%%", "%(a)s 100 %", False),
    ("python-brace-format", "Hello {name}", "Hallo {name}", True),
    ("python-brace-format", "Hello {name}", "Hallo {nme}", False),
    ("python-brace-format", "Hello {name}", "Hallo {name", False),
    ("python-brace-format", "{0} of {1}", "{1} von {0}", True),
    ("python-brace-format", "{} of {}", "{} von {}", True),
    ("python-brace-format", "{} of {}", "{1} von {0}", True),
    ("python-brace-format", "{name} and {}", "{} und {name}", True),
    ("python-brace-format", "{name!r:>10}", "{name!r:>10}", True),
    ("python-brace-format", "a {x} {{b}}", "a {x} {{b}}", True),
    # a field is its name with its index, attribute and format spec: msgfmt -c compares them all
    ("python-brace-format", "{count:d} new", "{count:d} neue", True),
    ("python-brace-format", "{count:d} new", "{count} neue", False),
    ("python-brace-format", "{count:d} new", "{count:x} neue", False),
    ("python-brace-format", "Total: {amount:>10.2f}", "Summe: {amount:10.2f}", False),
    ("python-brace-format", "{a[0]} and {b.c}", "{a[1]} und {b.c}", False),
    ("python-brace-format", "{a[0]} and {b.c}", "{a[0]} und {b.d}", False),
    ("python-brace-format", "{x} and {x:d}", "{x:d} und {x}", True),
    ("python-brace-format", "{x} and {x:d}", "{x} und", False),
    ("python-brace-format", "{{literal}} {0}", "{literal} {0}", False),
    ("python-brace-format", "{x:{w}}", "{x}", False),
    ("python-brace-format", "{count} new", "{count!r} neue", False),
    ("python-brace-format", "Saved {when}", "Gespeichert {when:%d.%m.%Y}", False),
    # a source with a field msgfmt does not read (a conversion, a spec beyond PEP 3101's
    # standard one) is no format string to msgfmt: its specs are not compared
    ("python-brace-format", "Saved {when:%Y-%m-%d}", "Gespeichert {when:%d.%m.%Y}", True),
    ("python-brace-format", "Total: {amount:,.2f}", "Summe: {amount:.2f}", True),
    ("python-brace-format", "{0!r} is no number", "{0} ist keine Zahl", True),
    ("python-brace-format", "{x:d} at {y:%H:%M}", "{x} um {y:%H.%M}", True),
    ("python-format", "%(count)d in %(folder)s", "%(folder)s: %(count)d", True),
    ("python-format", "%(count)d in %(folder)s", "%(count)s in %(folder)s", False),
    ("java-format", "Hello {0}!", "Hallo {0}!", True),
    ("java-format", "It''s {0,number,integer}.", "Es sind {0,number,integer}.", True),
    ("java-format", "Type '{'name'}' here.", "Geben Sie »«« ein. {'name'}", False),
    ("java-format", "Open {0}.", "Öffnen Sie {0.", False),
    ("csharp-format", "Item {0,-20} costs {1,10:C2}", "{1,10:C2}: Artikel {0,-20}", True),
    ("csharp-format", 'Expected format: {{ "id": {0} }}', "Format erwartet: {{ »id«: {0} }}", True),
    (
        "csharp-format",
        'Expected format: {{ "id": {0} }}',
        "Format erwartet: {{{{{»id«: {0} }",
        False,
    ),
    ("csharp-format", "Error code 0x{0:X8} occurred.", "Fehler-Code 0x{0:X8}. }", False),
    ("csharp-format", "{0} of {1}", "{1} von {0} {2}", False),
    ("qt-format", "%1 of %2", "%2 von %1", True),
    ("qt-format", "%1 of %2", "%1 von", False),
    ("sh-format", "Copy $file to ${dir}", "Kopiere $file nach ${dir}", True),
    ("sh-format", "Copy $file to ${dir}", "Kopiere $file", False),
    ("qt-plural-format", "%n file(s)", "%n Datei(en)", True),
    ("perl-brace-format", "{count} files", "{count} Dateien", True),
    ("perl-brace-format", "{count} files", "Dateien", False),
    # Ruby's (session 69: ruby-format was not checked at all)
    ("ruby-format", "You have %<count>d unread", "Sie haben %<count>d ungelesene", True),
    ("ruby-format", "You have %<count>d unread", "Sie haben %<Anzahl>d ungelesene", False),
    ("ruby-format", "You have %<count>d unread", "Sie haben %<count>s ungelesene", False),
    ("ruby-format", "You have %<count>d unread", "Sie haben %<count>i ungelesene", True),
    ("ruby-format", "You have %<count>d unread", "Sie haben ungelesene", False),
    ("ruby-format", "You have %<count>d unread", "Sie haben %{count} ungelesene", False),
    ("ruby-format", "You have %<count>d unread", "Sie haben %<count", False),
    ("ruby-format", 'Book "%{title}" due %{date}', "»%{title}« fällig am %{date}", True),
    ("ruby-format", 'Book "%{title}" due %{date}', "»%{date}« fällig am %{title}", True),
    ("ruby-format", 'Book "%{title}" due %{date}', "»%{titel}« fällig am %{date}", False),
    ("ruby-format", 'Book "%{title}" due %{date}', "»%{title}« fällig", False),
    ("ruby-format", 'Book "%{title}"', "Buch »%<title>s«", True),
    ("ruby-format", 'Book "%{title}"', "Buch »%{title}}«", True),  # a brace is text
    ("ruby-format", "%<a>.2f EUR", "%<a>10.3f EUR", True),
    ("ruby-format", "%<a>d %<a>d", "%<a>d", True),
    ("ruby-format", "%<a>d", "%<a>d %s", False),
    ("ruby-format", "%s of %d", "%2$d von %1$s", True),
    ("ruby-format", "%s of %d", "%d von %s", False),
    ("ruby-format", "%s of %d", "%s von %d %s", False),
    ("ruby-format", "%s of %d", "%1$s von %d", False),
    ("ruby-format", "%*d", "%d", False),
    ("ruby-format", "100%% %{x}", "100 %% %{x}", True),
    ("ruby-format", "100%% %{x}", "100 % von %{x}", False),  # a lone %: "% v" is none
    ("ruby-format", "%{x} done", "%{x} 100 % fertig", False),  # "% f" reads an argument
    ("ruby-format", "%{x} done", "%{x} fertig %", False),
    ("ruby-format", "%{x} and %s", "y", True),  # no Ruby format string: not checked
]


# Unnamed brace fields as gettext's format-python-brace.c reads them today: ``{}`` is the next
# number from 0, and numbered and unnamed fields are not mixed. (msgfmt 0.21 reads a string with
# a ``{}`` as no brace format at all, so it checks nothing of these: not in the table above.)
UNNAMED_BRACES = [
    ("{} of {}", "{1} von {0}", []),
    ("{0} of {1}", "{} von {}", []),
    ("{} of {}", "{0} von {0}", ["python-brace-format: field '1' missing"]),
    ("{} of {}", "{} von {} {}", ["python-brace-format: field '2' not in the source"]),
    (
        "{} of {}",
        "{} von {1}",
        ["python-brace-format: automatic and manual field numbering mixed"],
    ),
]


@pytest.mark.parametrize(("source", "translation", "problems"), UNNAMED_BRACES)
def test_unnamed_brace_fields_are_numbered(
    source: str, translation: str, problems: list[str]
) -> None:
    """``{} of {}`` → ``{1} von {0}`` was an error (fields {0} {1} instead of {} {}), although
    Python and msgfmt read both as arguments 0 and 1."""
    assert check_format(["python-brace-format"], source, translation) == problems


@pytest.mark.parametrize(
    ("source", "translation", "problem"),
    [
        ("{count:d} new", "{count} neue", "'count': format spec differs ({count} for {count:d})"),
        ("{x} and {x:d}", "{x} und", "'x': format spec differs ({x} for {x} {x:d})"),
    ],
)
def test_a_changed_format_spec_is_one_problem(source: str, translation: str, problem: str) -> None:
    """It was two: the field missing and another not in the source."""
    assert check_format(["python-brace-format"], source, translation) == [
        f"python-brace-format: field {problem}"
    ]


@pytest.mark.parametrize(("flag", "source", "translation", "valid"), CASES)
def test_rules(flag: str, source: str, translation: str, valid: bool) -> None:
    problems = check_format([flag, "fuzzy"], source, translation)
    assert (not problems) == valid, problems
    assert all(p.startswith(f"{flag}: ") for p in problems)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_msgfmt_agrees_with_the_table(tmp_path: Path) -> None:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    disagree = []
    for number, (flag, source, translation, valid) in enumerate(CASES):
        path = tmp_path / f"{number}.po"
        path.write_text(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f"#, {flag}\nmsgid {quoted(source)}\nmsgstr {quoted(translation)}\n",
            "utf-8",
        )
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True)
        if (result.returncode == 0) != valid:
            disagree.append((flag, source, translation))
    assert disagree == []


@pytest.mark.parametrize(
    ("source", "translation", "problems"),
    [
        (
            "100%% of %{x}",
            "100 % von %{x}",
            ["ruby-format: invalid directive at '% von ' (write '%%' for a percent sign)"],
        ),
        (
            "You have %<count>d unread",
            "Sie haben %<Anzahl>d",
            ["ruby-format: name 'count' missing", "ruby-format: name 'Anzahl' not in the source"],
        ),
        ("%<a>d", "%<a>s", ["ruby-format: name 'a' is string, not int"]),
        ("%<a>d", "%s", ["ruby-format: named and unnamed arguments differ from the source"]),
    ],
)
def test_ruby_format_problems_say_what_is_wrong(
    source: str, translation: str, problems: list[str]
) -> None:
    assert check_format(["ruby-format"], source, translation) == problems


def test_unchecked_flags_are_those_the_source_is_not_valid_for() -> None:
    assert unchecked_flags(["fuzzy", "c-format"], "Saved at %H:%M by %s") == ["c-format"]
    assert unchecked_flags(["c-format"], "Modified %a %d/%m by %s") == []  # printf's all
    assert unchecked_flags(["python-format"], "%H:%M") == ["python-format"]


def test_flags_that_switch_checks_off_or_are_not_formats() -> None:
    assert format_flags(["fuzzy", "no-c-format", "c-format", "range: 0..5"]) == ["c-format"]
    assert check_format(["no-c-format"], "%d", "kein") == []


def test_problems_say_what_is_wrong() -> None:
    assert check_format(["python-format"], "%(a)s", "%(b)s") == [
        "python-format: name 'a' missing",
        "python-format: name 'b' not in the source",
    ]
    assert check_format(["c-format"], "%lu", "%u") == [
        "c-format: argument '1' is int, not long int"
    ]
    # .NET's String.Format throws FormatException at a brace neither doubled nor an item's
    json = 'Expected format: {{ "id": {0} }}'
    assert check_format(["csharp-format"], json, "Format erwartet: {{{{{»id«: {0} }") == [
        "csharp-format: invalid format item at '{»id«: {0} }' (write '{{' for a brace)"
    ]
    assert check_format(["csharp-format"], "Code {0:X8}.", "Code {0:X8}. }") == [
        "csharp-format: a lone '}' (write '}}' for a brace)"
    ]
    # an item left out is valid .NET (msgfmt -c refuses it): the placeholder check says it
    assert check_format(["csharp-format"], "{0} costs {1,10:C2}", "{0} kostet") == []


@pytest.mark.parametrize(
    ("flag", "source", "translation", "fixed"),
    [
        # the example: a truncated directive the text also has → dropped
        (
            "python-format",
            "You have added %(count)s security key(s).",
            "Sie haben %(count) Sicherheitsschlüssel hinzugefügt. %(count)s",
            "Sie haben Sicherheitsschlüssel hinzugefügt. %(count)s",
        ),
        ("python-format", "%(n)d keys", "%(n) Schlüssel", "%(n)d Schlüssel"),
        ("c-format", "100%% done: %s", "100 % fertig: %s", "100 %% fertig: %s"),
        ("c-format", "%s and %d", "%2$d und %1$s", "%2$d und %1$s"),
        ("python-brace-format", "{a}", "{a} 100 %", "{a} 100 %"),
        # strftime's %H in a c-format entry: no printf directive, so no valid source to fix by
        ("c-format", "%H:%M", "%H:%M", "%H:%M"),
        ("c-format", "Saved at %H:%M by %s", "Um %H:%M von %s", "Um %H:%M von %s"),
        # a multi-line message keeps its line breaks, the final one too
        (
            "python-format",
            "Hi %(name)s,\n\nyour order was shipped.\n",
            "%(name)s,\n\nIhre Bestellung wurde versandt.\n",
            "%(name)s,\n\nIhre Bestellung wurde versandt.\n",
        ),
    ],
)
def test_fix_directives(flag: str, source: str, translation: str, fixed: str) -> None:
    assert fix_directives([flag], source, translation) == fixed
    assert check_format([flag], source, fixed) == []


@pytest.mark.parametrize(
    ("flag", "text", "expected"),
    [
        ("c-format", "%s files", True),
        ("c-format", "100%% done", False),  # no argument
        ("c-format", "%s and %1$d", False),  # not valid
        ("python-format", "%(n)d keys", True),
        ("python-brace-format", "{name}", True),
        ("csharp-format", "Item {0,-20} costs {1,10:C2}", True),
        ("csharp-format", "Hello {UserName}", False),  # no composite format string
        ("csharp-format", "Use {{ and }}", False),  # no item
        ("c-format", "plain", False),
    ],
)
def test_has_directives(flag: str, text: str, expected: bool) -> None:
    from ltmt.formats.format_strings import has_directives

    assert has_directives(flag, text) is expected
