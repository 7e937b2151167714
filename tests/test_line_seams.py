"""Words said twice across a line break, written once (ltmt.line_seams)."""

from __future__ import annotations

import pytest

from ltmt.line_seams import MAX_SEAM_WORDS, doubled_words, drop_doubled_words, drop_seam_repeats

GIT = [
    "After resolving the conflicts, mark them with",
    '"git add/rm <pathspec>", then run',
    '"git cherry-pick --continue".',
]


@pytest.mark.parametrize(
    ("outputs", "expected"),
    [
        # the dev user git's output (session 41): each line ended with the next one's start
        (
            [
                'Lösen Sie alle Konflikte manuell auf, markieren Sie diese mit "git',
                'mit "git add/rm <Pfadspezifikation>" und führen Sie dann "git',
                'dann "git cherry-pick --continue" aus.',
            ],
            [
                "Lösen Sie alle Konflikte manuell auf, markieren Sie diese",
                'mit "git add/rm <Pfadspezifikation>" und führen Sie',
                'dann "git cherry-pick --continue" aus.',
            ],
        ),
        # nothing repeated: unchanged
        (
            ["Nach dem Auflösen der Konflikte", "»git add/rm <Pfad>«, dann", "ausführen."],
            ["Nach dem Auflösen der Konflikte", "»git add/rm <Pfad>«, dann", "ausführen."],
        ),
    ],
)
def test_a_line_loses_the_words_the_next_line_starts_with(
    outputs: list[str], expected: list[str]
) -> None:
    assert drop_seam_repeats(GIT, outputs) == expected


def test_the_later_line_loses_them_where_the_earlier_would_be_left_empty() -> None:
    # dpkg: "Options:" then an option line whose translation started with "Optionen:" too
    sources = ["Options:", "--build=<type>[,...] specify the build <type>"]
    outputs = ["Optionen:", "Optionen: --build=<Typ>[,...] legt den Bau-<Typ> fest"]
    assert drop_seam_repeats(sources, outputs) == [
        "Optionen:",
        "--build=<Typ>[,...] legt den Bau-<Typ> fest",
    ]


def test_words_that_translate_the_earlier_line_leave_the_later_one() -> None:
    # dpkg: the --version line's translation opened with --help's description
    sources = [
        "--help               show this help message.",
        "--version            show the version.",
    ]
    outputs = [
        "--help diesen Hilfetext anzeigen.",
        "diesen Hilfetext anzeigen. --version Version anzeigen.",
    ]
    assert drop_seam_repeats(sources, outputs) == [
        "--help diesen Hilfetext anzeigen.",
        "--version Version anzeigen.",
    ]


@pytest.mark.parametrize(
    ("sources", "outputs", "expected"),
    [
        # the repeat's options are the later line's alone: the earlier line loses them
        (
            [
                "--admindir=<directory>   change the administrative directory.",
                "-?, --help  show this help.",
            ],
            [
                "--admindir=<Verzeichnis> das Verzeichnis ändern -?, --help",
                "-?, --help Hilfe anzeigen",
            ],
            ["--admindir=<Verzeichnis> das Verzeichnis ändern", "-?, --help Hilfe anzeigen"],
        ),
        # coreutils: "--backup" is in both source lines, "-b" in the later one only
        (
            [
                "--backup[=CONTROL]  make a backup of each existing destination file",
                "-b  like --backup but does not accept an argument",
            ],
            [
                "--backup[=KONTROLLE] Sicherungen erzeugen. -b wie --backup,",
                "-b wie --backup, akzeptiert aber keine Argumente",
            ],
            [
                "--backup[=KONTROLLE] Sicherungen erzeugen.",
                "-b wie --backup, akzeptiert aber keine Argumente",
            ],
        ),
        # the repeat's option is the earlier line's alone: the later line loses it
        (
            ["--quiet  say less", "and less"],
            ["--quiet weniger --quiet", "--quiet sagen"],
            ["--quiet weniger --quiet", "sagen"],
        ),
    ],
)
def test_the_code_in_a_repeat_tells_which_line_it_translates(
    sources: list[str], outputs: list[str], expected: list[str]
) -> None:
    assert drop_seam_repeats(sources, outputs) == expected


def test_a_line_that_is_all_repeat_on_both_sides_is_left_alone() -> None:
    assert drop_seam_repeats(["Yes", "yes"], ["Ja", "Ja"]) == ["Ja", "Ja"]


def test_a_repeat_the_source_has_at_the_same_break_is_kept() -> None:
    # coreutils' "Written by %s, %s, %s,\n%s, and %s."
    sources = ["Written by %s, %s, %s,", "%s, and %s."]
    outputs = ["Geschrieben von %s, %s, %s,", "%s, und %s."]
    assert drop_seam_repeats(sources, outputs) == outputs


def test_the_longest_repeat_goes_and_the_whitespace_around_the_lines_stays() -> None:
    sources = ["one two", "three four"]
    outputs = ["  a b c d  ", "\tb c d e"]
    assert drop_seam_repeats(sources, outputs) == ["  a  ", "\tb c d e"]


def test_repeats_longer_than_the_limit_are_not_looked_for() -> None:
    words = [f"w{i}" for i in range(MAX_SEAM_WORDS + 1)]
    outputs = ["x " + " ".join(words), " ".join(words) + " y"]
    assert drop_seam_repeats(["a", "b"], outputs) == outputs
    shorter = ["x " + " ".join(words[1:]), " ".join(words[1:]) + " y"]
    assert drop_seam_repeats(["a", "b"], shorter) == ["x", " ".join(words[1:]) + " y"]


def test_one_line_or_none_is_returned_as_it_is() -> None:
    assert drop_seam_repeats([], []) == []
    assert drop_seam_repeats(["a a"], ["b b"]) == ["b b"]


def test_as_many_translations_as_lines_are_required() -> None:
    with pytest.raises(ValueError, match="1 translations for 2 lines"):
        drop_seam_repeats(["a", "b"], ["x"])


@pytest.mark.parametrize(
    ("source", "output", "once"),
    [
        (
            "E501: At end-of-file",
            "E501: Am Ende der Dateien Dateien.",
            "E501: Am Ende der Dateien.",
        ),
        (
            "invalid minor device number %s",
            "Ungültige kleine kleine Nummer %s",
            "Ungültige kleine Nummer %s",
        ),
        ("it is is", "es ist ist", "es ist ist"),  # the source says a word twice too
        ("open the file", "on on on auf", "on auf"),
        ("the link", "auf die die Verknüpfung", "auf die die Verknüpfung"),  # German's die die
        ("You can", "Sie sie", "Sie sie"),  # "you ... them"
        (
            "   erase CHAR    CHAR will erase",
            "   erase ZEICHEN ZEICHEN löscht",
            "   erase ZEICHEN ZEICHEN löscht",
        ),
        ("-b FILE", "-b DATEI    DATEI existiert", "-b DATEI    DATEI existiert"),  # columns
        ("a %s %s b", "a %s %s b", "a %s %s b"),  # placeholders are no words
        (
            "This key is bad!  It is marked as",
            "Er ist gefälscht!  Er ist als als",
            "Er ist gefälscht!  Er ist als",
        ),
        # an option table: the metavariable, then its help, which the column will part
        (
            "  -f, --prefix=PREFIX        use PREFIX",
            "  -f, --prefix=PRÄFIX PRÄFIX verwenden",
            "  -f, --prefix=PRÄFIX PRÄFIX verwenden",
        ),
        ("x", "a\na", "a\na"),  # a line break between is the seams' matter
        # a hyphen between (<nobr>100 HP</nobr> restored), not in a hyphened source word
        (
            "<nobr>100 HP</nobr> restored",
            "<nobr>100 HP-HP</nobr> wiederhergestellt",
            "<nobr>100 HP</nobr> wiederhergestellt",
        ),
        ("a bye-bye gift", "ein Bye-Bye-Geschenk", "ein Bye-Bye-Geschenk"),
        ("the petty squabbling", "das Klein-Klein", "das Klein-Klein"),
    ],
)
def test_a_word_said_twice_in_a_row_is_written_once(source: str, output: str, once: str) -> None:
    assert drop_doubled_words(source, output) == once
    assert bool(doubled_words(source, output)) == (once != output)
