"""Character references kept as an XML file wrote them."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.character_references import references_kept

ORIGINAL = (
    "<TS>\n"
    "  <source>Track %1 of %2 &#8211; %3</source>\n"
    '  <translation type="unfinished"></translation>\n'
    "  <source>A&#x2014;B &#38; &#60;C&#62;</source>\n"
    "</TS>\n"
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # the parser's character back as the reference; a filled line as written
        (
            "<TS>\n"
            "  <source>Track %1 of %2 \u2013 %3</source>\n"
            "  <translation>Titel %1 von %2 \u2013 %3</translation>\n"
            "  <source>A\u2014B &amp; &lt;C&gt;</source>\n"
            "</TS>\n",
            "<TS>\n"
            "  <source>Track %1 of %2 &#8211; %3</source>\n"
            "  <translation>Titel %1 von %2 \u2013 %3</translation>\n"
            "  <source>A&#x2014;B &#38; &#60;C&#62;</source>\n"
            "</TS>\n",
        ),
        # a line that says other words is not the original's: left as written
        (
            "<TS>\n  <source>Track %1 of %2 \u2013 %4</source>\n</TS>\n",
            "<TS>\n  <source>Track %1 of %2 \u2013 %4</source>\n</TS>\n",
        ),
    ],
)
def test_lines_the_writer_only_spelled_otherwise_are_written_as_the_input(written, expected):
    """Qt trial s76: a source's ``&#8211;`` came back as a literal dash, a change outside
    ``<translation>``."""
    assert references_kept(ORIGINAL.encode(), written.encode(), "utf-8") == expected.encode()


def test_a_reference_the_encoding_cannot_hold_is_written_as_a_reference_anyway():
    original = "<s>&#x2013; &#233;</s>\n".encode("iso-8859-1")
    written = "<s>&#8211; \u00e9</s>\n".encode("iso-8859-1")  # lxml's form in Latin-1
    assert references_kept(original, written, "iso-8859-1") == written  # not the same line
    assert references_kept(
        b"<s>&#233;</s>\n", "<s>\u00e9</s>\n".encode("iso-8859-1"), "latin-1"
    ) == (b"<s>&#233;</s>\n")


@pytest.mark.parametrize("encoding", ["utf-16", "no-such-encoding"])
def test_an_encoding_without_single_byte_line_ends_is_left_alone(encoding):
    assert references_kept(b"<s>&#8211;</s>", b"<s>x</s>", encoding) == b"<s>x</s>"


def test_long_adversarial_input_is_read_in_linear_time():
    original = ("&#" + "1" * 200_000 + " &#x" + "f" * 200_000 + "&#12" * 50_000 + "\n").encode()
    start = time.perf_counter()
    assert references_kept(original, b"x\n", "utf-8") == b"x\n"
    assert time.perf_counter() - start < 2.0
