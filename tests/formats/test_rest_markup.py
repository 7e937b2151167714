"""reST's inline markup whose words a reader sees: pairs of marks around words translated, an
inflection's escaped space kept with its markup (:mod:`ltmt.formats.rest_markup`)."""

from __future__ import annotations

import re
import time

import pytest

from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags
from ltmt.formats.repair import drop_repeated_tails
from ltmt.formats.rest_markup import REST_MARKUP


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role's name with its closing colon of up to 64 characters, a domain's with it
        ("See :" + "a" * 63 + ":`x`", [":" + "a" * 63 + ":`x`"]),
        ("See :" + "a" * 64 + ":`x`", ["`x`"]),
        ("See {" + "a" * 64 + "}`x`", ["{" + "a" * 64 + "}`x`"]),
        (
            "Read :py:func:`len` and :external+python:py:class:`dict`",
            [":py:func:`len`", ":external+python:py:class:`dict`"],
        ),
        # after a long chain of words and colons, a role is found as before
        ("a:" * 10_000 + ":ref:`x`", [":ref:`x`"]),
    ],
)
def test_a_role_name_is_at_most_64_characters(text: str, expected: list[str]) -> None:
    assert [placeholder.text for placeholder in find_placeholders(text)] == expected


@pytest.mark.parametrize("chain", ["a:", "1:", "ab:", "a.1:", "a-b:", "{a:"])
def test_rest_markup_reads_a_chain_of_colons_in_linear_time(chain: str) -> None:
    """A role's name is read from each colon at most 64 characters far, not to the chain's
    end and back (20,000 characters took about 4 s)."""
    text = chain * (20_000 // len(chain)) + "x"
    started = time.perf_counter()
    list(re.finditer(REST_MARKUP, text))
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target's marks from the first space before it, however many
        ("Read :doc:`User guide" + " " * 5 + "<guide>` first", [":doc:`", " " * 5 + "<guide>`"]),
        (r"See :ref:`Install <install>`\ s", [":ref:`", r" <install>`\ s"]),
    ],
)
def test_a_title_closing_starts_at_its_first_space(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


def test_a_long_run_of_spaces_takes_linear_time() -> None:
    """Tried from every space of a run, the title closing read the run to its end from each:
    40,000 spaces took seconds (the bound is loose: a shared, loaded machine)."""
    start = time.perf_counter()
    for space in (" ", "\t", "\u00a0"):
        assert find_placeholders(space * 40_000 + "WARNING: <x>`") == []
    assert time.perf_counter() - start < 3.0
