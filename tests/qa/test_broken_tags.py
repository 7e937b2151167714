"""A copy of a source's tag that the translation broke: named, with the source's tag."""

from __future__ import annotations

import pytest

from ltmt.qa.broken_tags import broken_tags
from ltmt.qa.pair_checks import placeholder_problems


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # the model read the quoted ">" of "->" as the tag's end
        (
            'Open the <a href="{$a->url}">review page</a> to see your answers.',
            'Öffnen Sie die <a href="{$a url}" Seiten</a> um Ihre Antworten zu sehen.',
            [('<a href="{$a url}" Seiten', '<a href="{$a->url}">')],
        ),
        ("Open <b>it</b> now", "Öffnen Sie <b es</b> jetzt", [("<b es", "<b>")]),
        ("Open <b>it</b> now", "Öffnen Sie <b>es</b jetzt", [("</b jetzt", "</b>")]),
        # whole tags, kept or not, and text the source writes too, are none
        ('Open <a href="{$a->url}">it</a>', 'Öffnen <a href="{$a->url}">es</a>', []),
        ("Open <bold>it</bold> now", "Öffnen Sie <bold>es jetzt", []),
        ("If a <b then <b>c</b>", "Wenn a <b dann <b>c</b>", []),
        ("If a > b and x < 5", "Wenn a > b und x < 5", []),
        ("Open it now", "Öffnen Sie <b es jetzt", []),
    ],
)
def test_broken_tags(source: str, target: str, expected: list[tuple[str, str]]) -> None:
    assert broken_tags(source, target) == expected


def test_qa_says_a_broken_tag_and_the_tag_to_write() -> None:
    source = 'Open the <a href="{$a->url}">review page</a>.'
    target = 'Öffnen Sie die <a href="{$a url}" Seiten</a>.'
    assert placeholder_problems(source, target, {}) == [
        'lacks <a href="{$a->url}">',
        "adds $a, which the source does not have",
        "has a broken tag '<a href=\"{$a url}\" Seiten', which shows as text: write the "
        'source\'s <a href="{$a->url}"> there',
    ]
