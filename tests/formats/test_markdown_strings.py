"""A keyed file's string that is Markdown: read as a Markdown page's blocks, written back with
its marks, link destinations and titles' delimiters."""

from __future__ import annotations

import pytest
from formats_fakes import fake_translate

from ltmt.formats.markdown_strings import MarkdownString, is_markdown, markdown_problems

_BODY = (
    "## Why Berlin?\n\nWe are hiring for *five* roles: see our "
    "[careers page](https://acme.example/careers).\n\n- Open kitchen\n- Bike storage"
)
_LINK = 'Read the [press release](https://acme.example/press "Press release") or see the [map](/m).'


@pytest.mark.parametrize(
    ("value", "markdown"),
    [
        (_BODY, True),
        (_LINK, True),
        ("![Our office](/office.jpg)", True),
        ("Save *all* files.", True),
        ("A **bold** move.", True),
        ("Intro.\n\n# Setup", True),
        ("Bring:\n\n- a laptop\n- a charger", True),
        ("Steps:\n\n1. Open it.\n2. Close it.", True),
        ("He said:\n\n> Keep going.", True),
        # no Markdown: one line that starts with a block's mark, a name CommonMark makes
        # strong, emphasis written with _, a bare or angle-bracket URL, lines of text alone
        ("# of files", False),
        ("- none -", False),
        ("> 5 items", False),
        ("1. Open the app", False),
        ("Call __init__ first", False),
        ("Use _this_ one", False),
        ("5 * 3 * 2", False),
        ("See <https://acme.example> or https://acme.example", False),
        ("First line.\nSecond line.", False),
        ("[draft] Save", False),
        ("---\ntitle: [x](y)\n---\n", False),
        ("Plain text.", False),
    ],
)
def test_a_value_is_markdown_where_it_plainly_is(value: str, markdown: bool) -> None:
    assert is_markdown(value) is markdown
    assert (MarkdownString.of(value) is not None) is markdown


def test_a_markdown_strings_units_are_a_markdown_pages_blocks_titles_apart() -> None:
    assert MarkdownString.of(_BODY + "\n\n" + _LINK) == MarkdownString(
        _BODY + "\n\n" + _LINK,
        (
            ("block0", "Why Berlin?"),
            (
                "block1",
                'We are hiring for <i>five</i> roles: see our <a href="https://acme.example/'
                'careers">careers page</a>.',
            ),
            ("block2", "Open kitchen"),
            ("block3", "Bike storage"),
            (
                "block4",
                'Read the <a href="https://acme.example/press" title="Press release">press '
                'release</a> or see the <a href="/m">map</a>.',
            ),
            ("block4:title0", "Press release"),
        ),
    )


def test_a_translation_keeps_the_heading_list_marks_links_and_titles_delimiters() -> None:
    """``## Why Berlin?`` came out ``#Wasso Berlin?``, a link's title's ``"..."`` as ``»...«``
    (no link any more)."""
    found = MarkdownString.of(_BODY + "\n\n" + _LINK)
    assert found is not None
    keys = found.keys("/body")
    assert keys[0] == "/body#block0" and keys[-1] == "/body#block4:title0"
    translations = {k: fake_translate(text) for k, (_, text) in zip(keys, found.units, strict=True)}
    translations["/body#block1"] = (
        'Wir stellen <i>fünf</i> Leute ein: siehe <a href="https://acme.example/careers">'
        "Karriere</a>."
    )
    translations["/body#block4:title0"] = "Pressemitteilung"
    assert found.translation("/body", {}) is None  # until each unit has one
    written = found.translation("/body", translations)
    assert written == (
        "## WHY BERLIN?\n\nWir stellen *fünf* Leute ein: siehe "
        "[Karriere](https://acme.example/careers).\n\n- OPEN KITCHEN\n- BIKE STORAGE\n\n"
        'READ THE [PRESS RELEASE](https://acme.example/press "Pressemitteilung") OR SEE THE '
        "[MAP](/m)."
    )
    # a block's links with the source's titles, which are units of their own: a rerun kept
    # the translation, warning that it "adds <a ... title="Pressemitteilung">"
    assert found.read("/body", written) == translations
    assert found.problems(written) == []


def test_entries_are_the_units_under_their_keys_in_the_values_group() -> None:
    found = MarkdownString.of("Intro.\n\n- first\n- second")
    assert found is not None
    assert [(e.key, e.name, e.source, e.group) for e in found.entries("/a", group="/a")] == [
        ("/a#block0", "/a", "Intro.", "/a"),
        ("/a#block1", "/a", "first", "/a"),
        ("/a#block2", "/a", "second", "/a"),
    ]


@pytest.mark.parametrize(
    ("translation", "problems"),
    [
        ("## Warum Berlin?\n\n- Küche\n- Fahrräder", []),
        (
            "#Warum Berlin?\n\n- Küche\n- Fahrräder",
            [
                "writes '#Warum Berlin?' without the Markdown mark '##' of the source's 'Why "
                "Berlin?' (a heading): write it as the source does"
            ],
        ),
        (
            "## Warum Berlin?\n\n- Küche\nFahrräder",  # a list item joined to the one before
            [
                "its Markdown blocks (paragraphs, headings, list items) do not line up with the "
                "source's: write one for each of the source's, with its marks"
            ],
        ),
        (
            "## Warum Berlin?\n\nKüche\n\n> Fahrräder",
            [
                "writes 'Küche' without the Markdown mark '-' of the source's 'Open kitchen' (a "
                "list item): write it as the source does",
                "writes 'Fahrräder' without the Markdown mark '-' of the source's 'Bike "
                "storage' (a list item): write it as the source does",
            ],
        ),
    ],
)
def test_problems_name_a_lost_or_changed_mark(translation: str, problems: list[str]) -> None:
    found = MarkdownString.of("## Why Berlin?\n\n- Open kitchen\n- Bike storage")
    assert found is not None
    assert found.problems(translation) == problems
    read = found.read("/body", translation)  # broken: whole, under its name
    assert (read == {"/body": translation}) is bool(problems)
    broken = markdown_problems({"/body": found, "/title": None}, {"/body": translation})
    assert broken == ({"/body": problems} if problems else {})


def test_a_mark_added_before_a_paragraph_is_named() -> None:
    found = MarkdownString.of("Intro with a [link](/x).\n\nMore.")
    assert found is not None
    assert found.problems("# Einleitung mit [Link](/x).\n\nMehr.") == [
        "adds a Markdown mark before 'Einleitung mit <a href=\"/x\">Link</a>.': write it as "
        "the source does"
    ]
