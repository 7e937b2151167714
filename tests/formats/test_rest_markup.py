"""reST's inline markup whose words a reader sees: pairs of marks around words translated, an
inflection's escaped space kept with its markup (:mod:`ltmt.formats.rest_markup`)."""

from __future__ import annotations

import pytest

from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags
from ltmt.formats.repair import drop_repeated_tails


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an emphasis's and a strong emphasis's asterisks, each a placeholder of its own
        ("This is *very* important", ["*", "*"]),
        ("Read the **warning** first", ["**", "**"]),
        # a cross-reference's explicit title: its role before, its target after
        ("Read :doc:`User guide <guide>` first", [":doc:`", " <guide>`"]),
        ("Read {doc}`the guide <guide>`.", ["{doc}`", " <guide>`"]),
        # a literal role keeps its `` <...>`` as text, and a role with no title is whole
        ("Press :kbd:`Ctrl <x>` now", [":kbd:`Ctrl <x>`"]),
        # an inflection glued by reST's escaped space goes with its markup
        (r"Several :term:`API`\ s exist", [r":term:`API`\ s"]),
        (r"All :class:`Foo`\ es here", [r":class:`Foo`\ es"]),
        (r"See :ref:`Install <install>`\ s", [":ref:`", r" <install>`\ s"]),
        # inline literals, a backtick inside too
        (r"Use ``str``\ s or ``a`b``", [r"``str``\ s", "``a`b``"]),
        # asterisks that open or close nothing are text
        ("Compute 5 * 3 and 2*3*4", []),
        ("Fields marked * are required; a mark* is text", []),
        ("Price* and *args, **kwargs", []),
        ("**a* and *Required", []),
    ],
)
def test_rest_marks_are_placeholders_sent_as_tags(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("source", "plain", "inner"),
    [
        ("This is *very* important.", "This is very important.", ["very"]),
        ("Read the **warning** now.", "Read the warning now.", ["warning"]),
        (
            "Read the :doc:`User guide <guide>` first.",
            "Read the User guide first.",
            ["User guide"],
        ),
        # the asterisks inside a role, a literal or a footnote's reference are no emphasis
        (
            "Use :samp:`a *b* c`, ``*x*`` and [*]_ for *this*.",
            "Use :samp:`a *b* c`, ``*x*`` and [*]_ for this.",
            ["this"],
        ),
    ],
)
def test_rest_pairs_are_translated_apart_from_their_marks(
    source: str, plain: str, inner: list[str]
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert paired.text == plain
    assert paired.to_translate == inner


def test_an_emphasis_and_a_title_go_around_their_translation() -> None:
    paired = strip_pairs("Read the :doc:`User guide <guide>` for *all* steps.")
    assert paired is not None
    translation = "Lesen Sie das Benutzerhandbuch für alle Schritte."
    placed = place_pairs(paired, translation, ["Benutzerhandbuch", "alle"])
    assert placed == "Lesen Sie das :doc:`Benutzerhandbuch <guide>` für *alle* Schritte."


def test_asterisks_that_close_nothing_are_no_pair() -> None:
    assert strip_pairs("Fields marked * are required; a mark* and 5 * 3.") is None


def test_the_word_after_an_inflected_role_is_not_its_repeated_end() -> None:
    source = r"Several :term:`API`\ s are available."
    text = r"Mehrere :term:`API`\ s sind verfügbar."
    assert drop_repeated_tails(source, text) == text
