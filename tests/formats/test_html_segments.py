"""html_segments: runs of thousands of tags are segmented in linear time, as before."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from ltmt.formats.html_segments import segments
from ltmt.formats.unclosed_markup import UnclosedMarkupError


def _seconds(text: str) -> float:
    started = time.perf_counter()
    segments(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "<b>" * n + "text",  # 30,000 took 363 s
        lambda n: "<b>" * n + "text" + "</b>" * n,
        lambda n: "text" + "</b>" * n,
        lambda n: "<b>x</i>" * n,
        lambda n: "<p><b>" + "<i></i>" * n + "word</b>" + "<u></u>" * n,
    ],
    ids=["unclosed", "closed", "unopened", "mismatched", "empty elements at both edges"],
)
def test_tags_by_the_thousand_take_linear_time(make: Callable[[int], str]) -> None:
    small, large = _seconds(make(2000)), _seconds(make(16_000))
    assert large < 5.0
    assert large < 8 * 4 * max(small, 0.01)  # 8 times the tags: far from 64 times the time


def test_unclosed_tags_around_the_words_stay_outside_the_run() -> None:
    found = segments("<p>" + "<b>" * 30_000 + "Save the file" + "</p>")
    assert [run.source for run in found.runs] == ["Save the file"]


def test_nested_elements_around_a_run_are_its_around() -> None:
    found = segments("<p>" + "<b>" * 3 + "Save <i>the</i> file" + "</b>" * 3 + "</p>")
    (run,) = found.runs
    assert run.source == "Save <i>the</i> file"
    assert run.around == ("<b><b><b>", "</b></b></b>")


def test_a_page_the_parser_cannot_read_in_time_is_refused() -> None:
    with pytest.raises(UnclosedMarkupError, match=r"^line 2: 50,000 '<' that open a tag"):
        segments("<p>Hello</p>\n" + "<p" * 50_000)
