"""POD's formatting codes and groff's escapes in a man page's catalog: options, entities and
code kept byte for byte, a bold or italic code's words translated between its kept marks
(:mod:`ltmt.formats.pod_codes`)."""

from __future__ import annotations

import pytest

from ltmt.formats.placeholder_syntax import find_placeholders, has_words, sent_as_tags


@pytest.mark.parametrize(
    ("text", "expected", "as_tags"),
    [
        # an option inside a code is one placeholder, kept whole (the model wrote B<-dry-run>)
        ("B<-n>, B<--dry-run>", ["B<-n>", "B<--dry-run>"], ["B<-n>", "B<--dry-run>"]),
        (r"Use B<\-\-sync> to keep", [r"B<\-\-sync>"], [r"B<\-\-sync>"]),
        ("Use B<--verbose> to print more.", ["B<--verbose>"], ["B<--verbose>"]),
        ("B<-n, --dry-run>", ["B<-n, --dry-run>"], ["B<-n, --dry-run>"]),
        # a code with words keeps its marks, its words are the model's
        ("B<--exclude>=I<PATTERN>", ["B<--exclude>", "I<", ">"], ["B<--exclude>"]),
        ("Copies I<SOURCE> to I<DEST>.", ["I<", ">", "I<", ">"], []),
        ("S<non breaking> text", ["S<", ">"], []),
        # entities, glued to an address too (which ends before them); code, files, links,
        # index entries, Z<>
        (
            "Mail E<lt>bugs@cloudsync.exampleE<gt>.",
            ["E<lt>", "bugs@cloudsync.example", "E<gt>"],
            ["E<lt>", "E<gt>"],
        ),
        ("Mail a@b.com<br/> or x@y.de.", ["a@b.com", "<br/>", "x@y.de"], ["<br/>"]),
        ("Mail E<lt>bugs E<gt>.", ["E<lt>", "E<gt>"], ["E<lt>", "E<gt>"]),
        ("a E<verbar> b", ["E<verbar>"], ["E<verbar>"]),
        ("See F</etc/passwd>, L<perlpod>, C<ls -l> X<sync>Z<>", None, None),
        ("Compare C<< $a <=> $b >> first.", ["C<< $a <=> $b >>"], ["C<< $a <=> $b >>"]),
        # groff's font escapes and escaped hyphens in a page's text
        (r"Use \fB--sync\fR now", [r"\fB--sync\fR"], [r"\fB--sync\fR"]),
        (r"Read \fIFILE\fP first", [r"\fI", r"\fP"], [r"\fI", r"\fP"]),
        (r"Use \-\-sync now", [r"\-\-sync"], [r"\-\-sync"]),
        # no code: a capital glued to a word, one not closed, a closing bracket alone, markup
        ("The type Vec<T> holds a<b values", [], []),
        ("I<3 you", [], []),
        ("if a > b", [], []),
        ("Press <kbd>Ctrl</kbd>+<kbd>S</kbd>.", ["<kbd>", "</kbd>", "<kbd>", "</kbd>"], []),
        ('<g id="1">A <g id="2">B</g></g>', ['<g id="1">', '<g id="2">', "</g>", "</g>"], []),
    ],
)
def test_pod_codes_are_placeholders(
    text: str, expected: list[str] | None, as_tags: list[str] | None
) -> None:
    if expected is None:
        expected = as_tags = ["F</etc/passwd>", "L<perlpod>", "C<ls -l>", "X<sync>", "Z<>"]
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == as_tags


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("B<-n>, B<--dry-run>", False),  # copied whole
        ("B<--sync>", False),
        (r"B<\-\-sync>", False),
        ("B<--exclude>=I<PATTERN>", True),
        ("Use B<--verbose> to print more.", True),
    ],
)
def test_a_message_of_codes_and_options_alone_has_no_words(text: str, words: bool) -> None:
    assert has_words(text) is words


@pytest.mark.parametrize(
    "text",
    [
        # ordinary text's comparisons and generics (regression rega70: "C<10 and D>" was kept
        # whole, so "and" stayed English, and qa said a correct "C<10 und D>20" lacked it)
        "Show rows where C<10 and D>20.",
        "The formula is X<5 and Y>3.",
        "Highlight cells where B<5 or C>8.",
        "Only if S<100 and the total > 50.",
        "Use F<T> for functors and X<Y> for pairs.",
        "The class B<T> wraps the value.",
        "Create an I<T> interface and an S<T> struct.",
        "Keep C<x and D> apart.",
        "Keep C<b and c>=d apart.",
        # a help text's option and its value's name (the terminology test's dpkg help, session
        # 70: "-F<changelog-format>" was kept whole as a file code)
        "  -F<changelog-format>     Force the changelog format.",
        "  -I<file>  Read the list from this file.",
    ],
)
def test_comparisons_and_generics_are_no_pod_codes(text: str) -> None:
    assert [p.text for p in find_placeholders(text) if p.kind == "pod"] == []
    assert sent_as_tags(text) == []
