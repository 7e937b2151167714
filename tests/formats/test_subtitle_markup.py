from __future__ import annotations

import time

import pytest

from ltmt.formats.subtitle_markup import line_span, one_span


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["<i>so deep,</i>", "<i>and long.</i>"], "<i>so deep, and long.</i>"),
        (["<b>so deep,</b>", "<b>and long.</b>"], "<b>so deep, and long.</b>"),
        (["<u>so deep,</u>", "<u>and long.</u>"], "<u>so deep, and long.</u>"),
        (
            ['<font color="#ffff00">so deep,</font>', '<font color="#ffff00">and long.</font>'],
            '<font color="#ffff00">so deep, and long.</font>',
        ),
        (
            ['<c class="yellow">so deep,</c>', '<c class="yellow">and long.</c>'],
            '<c class="yellow">so deep, and long.</c>',
        ),
        # another colour, another name, or words between: other spans
        (
            ['<font color="red">so deep,</font>', '<font color="blue">and long.</font>'],
            '<font color="red">so deep,</font> <font color="blue">and long.</font>',
        ),
        (["<i>so deep,</i>", "<b>and long.</b>"], "<i>so deep,</i> <b>and long.</b>"),
        (
            ["<i>so deep,</i> he said", "<i>and long.</i>"],
            "<i>so deep,</i> he said <i>and long.</i>",
        ),
        (["<i>a</i>", "<i>b</i>", "<i>c</i>"], "<i>a b c</i>"),
    ],
)
def test_a_span_closed_and_opened_alike_over_a_line_break_is_one_span(
    lines: list[str], text: str
) -> None:
    assert one_span(lines) == text


@pytest.mark.parametrize(
    "text", ["</font>\n<font x>" * 20_000, "<font" + " " * 100_000, "<c." + "." * 100_000]
)
def test_one_span_takes_linear_time_on_adversarial_text(text: str) -> None:
    started = time.perf_counter()
    one_span(text.split("\n"))
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    ("text", "source", "lines"),
    [
        # a voice-over line: the German's span, shrunk to part of it, over all its words
        (
            "Wir gruben sechs Monate den Tunnel, <i>jeden einzelnen</i> Abend.",
            ["We dug the tunnel for six months,", "<i>every single night.</i>"],
            ["Wir gruben sechs Monate den Tunnel,", "<i>jeden einzelnen Abend.</i>"],
        ),
        (
            "<i>Jede einzelne</i> Nacht gruben wir den Tunnel.",
            ["<i>Every single night</i>", "we dug the tunnel."],
            ["<i>Jede einzelne</i>", "Nacht gruben wir den Tunnel."],
        ),
        (
            '<font color="red">Jede</font> Nacht gruben wir.',
            ['<font color="red">Every night</font>', "we dug."],
            ['<font color="red">Jede</font>', "Nacht gruben wir."],
        ),
        # none: both lines or neither in a span, the other line with a tag, the German without
        # the span or with it twice, a line past the limit
        ("Wir gruben, <i>jede Nacht.</i>", ["<i>We dug,</i>", "<i>every night.</i>"], None),
        ("Wir gruben, jede Nacht.", ["We dug,", "every night."], None),
        ("<b>Wir</b> gruben, <i>jede Nacht.</i>", ["<b>We</b> dug,", "<i>every night.</i>"], None),
        ("Wir gruben, jede Nacht.", ["We dug,", "<i>every night.</i>"], None),
        ("<i>Wir</i> gruben, <i>jede Nacht.</i>", ["We dug,", "<i>every night.</i>"], None),
        (
            "Wir gruben sechs lange Monate Tag für Tag den Tunnel, <i>jede Nacht.</i>",
            ["We dug the tunnel for six months,", "<i>every night.</i>"],
            None,
        ),
        ("<i>Jede Nacht.</i>", ["We dug,", "<i>every night.</i>"], None),
    ],
)
def test_a_line_wholly_in_a_span_is_translated_into_a_line_wholly_in_it(
    text: str, source: list[str], lines: list[str] | None
) -> None:
    assert line_span(text, source) == lines
