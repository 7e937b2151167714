"""Smartling's ``sltrans`` directive in a comment switches translation off and on."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.smartling_directives import translates_after


@pytest.mark.parametrize(
    ("comment", "translates", "after"),
    [
        (" smartling.sltrans = notranslate ", True, False),  # Android, <!-- --> left out
        ("/* smartling.sltrans = notranslate */", True, False),  # Apple .strings
        ("// smartling.sltrans = notranslate", True, False),
        ("# smartling.sltrans = notranslate", True, False),  # Java .properties
        ("! smartling.sltrans=notranslate", True, False),
        ("sltrans = notranslate", True, False),  # without its prefix
        ("SMARTLING.SLTRANS = NoTranslate", True, False),
        (" smartling.sltrans = translate ", False, True),
        ("/*\n smartling.sltrans = notranslate\n smartling.sltrans = translate\n*/", False, True),
        ("/* smartling.placeholder_format_custom = \\[\\[[^\\]]+\\]\\] */", False, False),
        ("Title of the screen", False, False),
        # a note that mentions the directive among other words is no directive
        ("Do not set smartling.sltrans = notranslate here", True, True),
        ("smartling.sltrans = notranslate, please", True, True),
        ("smartling.sltrans = skip", True, True),
        ("# # smartling.sltrans = notranslate", True, True),
    ],
)
def test_a_comment_switches_translation(comment: str, translates: bool, after: bool) -> None:
    assert translates_after(comment, translates) is after


@pytest.mark.parametrize(
    "comment",
    [
        "/*" + " " * 50_000 + "sltrans" + " " * 50_000 + "=" + " \t" * 50_000 + "x",
        "*/ " * 50_000 + "\n" + "*/" + " " * 100_000 + "x",
        "smartling." * 20_000 + "sltrans = notranslate",
        "# " + "sltrans=" * 20_000,
    ],
    ids=["spaces", "comment-ends", "prefixes", "equals"],
)
def test_long_adversarial_comments_are_read_in_linear_time(comment: str) -> None:
    started = time.perf_counter()
    assert translates_after(comment, True) is True
    assert time.perf_counter() - started < 1.0
