"""JSON inside text is code: set aside from the model, its quote marks never restyled."""

from __future__ import annotations

from collections import Counter

import pytest

from ltmt.json_in_text import json_spans
from ltmt.quote_style import in_one_style, quoted_items, restyled
from ltmt.units import LineForms, split_segment


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('/open_ticket{"priority": "high"}', ['{"priority": "high"}']),
        ('Say {"entity": "date"} or ["a", "b"].', ['{"entity": "date"}', '["a", "b"]']),
        ('{"a": {"b": [1, "c"]}} then', ['{"a": {"b": [1, "c"]}}']),
        ('Set {"priority": high} now', ['{"priority": high}']),  # looks like an object
        ("Hello {name}, [1, 2] and {}", []),  # a placeholder, numbers, nothing quoted
        ('Say "hi" {', []),
        # prose, which was kept in English: an array of quoted prose, prose in braces
        ('The options are ["Yes, please", "No, thanks"].', []),
        ('Set {"name": your name} in the settings.', []),
        ('["Open the file", "user_id"]', ['["Open the file", "user_id"]']),  # a key: code
        ('{"a": 1, "b": true, "c": null}', ['{"a": 1, "b": true, "c": null}']),
    ],
)
def test_json_spans(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in json_spans(text)] == found


def test_json_goes_to_the_model_as_a_tag_and_comes_back_as_written() -> None:
    # the model wrote {»priority« öffnen: »high«}; the payload's name, words joined by an
    # underscore, is kept as written too, one tag with its JSON
    forms = LineForms(decorations=True)
    split = split_segment('Open a ticket with /open_ticket{"priority": "high"}.', forms)
    assert split.lines == ["Open a ticket with /<x/>."]
    assert split.rebuild(["Ein Ticket mit /<x/> öffnen."]) == (
        'Ein Ticket mit /open_ticket{"priority": "high"} öffnen.'
    )


def test_quotes_inside_json_are_never_restyled() -> None:
    source = 'Say "date" or {"entity": "date"}'
    assert quoted_items(source) == {"date": ('"', '"')}
    table = {('"', '"'): Counter({("»", "«"): 9})}
    output = 'Sag "date" oder {"entity": "date"}'
    assert restyled(source, output, table, {}) == 'Sag »date« oder {"entity": "date"}'
    prose = '“Sure?” {"entity": "date"}'
    assert in_one_style(prose, '"Sicher?" {"entity": "date"}', ({}, {})) == (
        '„Sicher?“ {"entity": "date"}'
    )


@pytest.mark.parametrize(
    "text",
    ['The options are ["Yes, please", "No, thanks"].', 'Set {"name": your name} in the settings.'],
)
def test_prose_in_brackets_goes_to_the_model_as_text(text: str) -> None:
    """Both stayed English: the brackets went to the model as a tag (<x/>)."""
    assert split_segment(text, LineForms(decorations=True)).lines == [text]
