"""Command lines a text writes (quoted commands, prompts, synopses), which are code."""

from __future__ import annotations

import time

import pytest

from ltmt.command_lines import command_line_spans, is_command


def commands(text: str) -> list[str]:
    return [text[start:end] for start, end in command_line_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terminology benchmark s76: 'branch' → Branch was forced into git's command
        ('  (use "git branch --unset-upstream" to fixup)\n', ["git branch --unset-upstream"]),
        ("run 'git cherry-pick --continue'.", ["git cherry-pick --continue"]),
        ("E.g., use 'sort -k 1b,1' if", ["sort -k 1b,1"]),
        ("Try '%s --help' for more", ["%s --help"]),
        ("Verwenden Sie »dpkg-deb --extract«.", ["dpkg-deb --extract"]),
        ("Benutzen Sie „git branch -d“.", ["git branch -d"]),
        # an apostrophe opens nothing, nor takes the mark that opens a command
        ("don't use 'git rm --cached' here", ["git rm --cached"]),
        ("Don't use -f if it's set", []),
        # a prompt's line, a synopsis
        ("  $ df -B1 | %s --header\n", ["df -B1 | %s --header"]),
        ("git tag [-n[<num>]] -l [--contains <commit>]", ["git tag"]),
        ("usage: git branch [<options>] [-r | -a]", ["git branch"]),
        ("   or: git branch [<options>] [-l] [<pattern>...]", ["git branch"]),
        # quoted words without an option, prose before an option: left as they are
        ('a "kill switch" here', []),
        ("use 'git commit' to record it", []),
        ('Try "Sort -u" or "Use --force"', []),
        ("Use the --recursive option", []),
        ("same as -b -d --login", []),
        ("use --purge to remove them too", []),
        ("$ 5 a month", []),
        ("Use [-x] now", []),
        ("  -a, --all         same as -b -d", []),
    ],
)
def test_command_lines_are_quoted_commands_prompts_and_synopses(text, expected):
    assert commands(text) == expected


@pytest.mark.parametrize(
    ("item", "command"),
    [
        ("git branch --unset-upstream", True),
        ("/bin/sh -i", True),
        ("git commit", False),
        ("--all", False),  # an option alone: ltmt.quoted_code's
        ("Sort -u", False),
        ("pages 1 -5", False),  # a number is no option
    ],
)
def test_a_quoted_command_is_a_program_and_an_option(item, command):
    assert is_command(item) is command


@pytest.mark.parametrize(
    "text",
    [
        '"a ' * 50_000,
        "»a -b " * 50_000,
        "it's a -b " * 50_000,
        "`a -b " * 50_000,
        "a " * 100_000 + "[x",
        "a b c d e f g h\n" * 20_000,
        "'" + "a" * 200_000,
        ('"' + "a -b " * 10 + " ") * 10_000,
    ],
)
def test_long_adversarial_lines_are_read_in_linear_time(text):
    """Each mark's scan ends at the next mark of its pair: 0.2 s or less each measured here,
    the bound is loose (a shared machine)."""
    start = time.perf_counter()
    command_line_spans(text)
    assert time.perf_counter() - start < 5.0
