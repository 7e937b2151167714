"""Escaped double quotes given to the model as ``"`` and escaped again
(:mod:`ltmt.escaped_quotes`)."""

from __future__ import annotations

import pytest

from ltmt.escaped_quotes import escaped_again, unescaped_quotes
from ltmt.units import LineForms


@pytest.mark.parametrize(
    ("line", "given", "unescaped"),
    [
        ('She said \\"run\\", so I ran.', 'She said "run", so I ran.', True),
        ('The note read:\\n\\"Meet me.\\"', 'The note read:\\n"Meet me."', True),
        # a plain quote beside them, or none escaped: no string literal's text
        ('She said "run", so I ran.', 'She said "run", so I ran.', False),
        ('Say \\"hi\\" and "bye"', 'Say \\"hi\\" and "bye"', False),
        ('A path C:\\\\"x', 'A path C:\\\\"x', False),  # an escaped backslash before it
        ("No quotes", "No quotes", False),
        # an odd count is no quotation: printf's help lists the escape itself (dev bench)
        ('  \\"      double quote', '  \\"      double quote', False),
        ('Say \\"hi\\" or \\"', 'Say \\"hi\\" or \\"', False),
    ],
)
def test_escaped_quotes_are_given_as_plain_ones(line, given, unescaped):
    assert unescaped_quotes(line) == (given, unescaped)


@pytest.mark.parametrize(
    ("translation", "written"),
    [
        ('Sie sagte "Lauf", also rannte ich.', 'Sie sagte \\"Lauf\\", also rannte ich.'),
        ("Sie sagte »Lauf«, also rannte ich.", "Sie sagte »Lauf«, also rannte ich."),
        ('Schon \\"da\\" und "neu"', 'Schon \\"da\\" und \\"neu\\"'),
    ],
)
def test_a_translations_plain_quotes_are_escaped_again(translation, written):
    assert escaped_again(translation) == written


def test_a_line_given_unescaped_gets_its_translation_escaped_again():
    """``\\"run\\"`` came back ``\\»run\\«``, its backslashes escaping nothing (session 72)."""
    seen, form = LineForms(decorations=True).for_model('She said \\"run\\", so I ran.')
    assert seen == 'She said "run", so I ran.'
    assert form is not None
    assert form.restore('Sie sagte "Lauf", also rannte ich.') == (
        'Sie sagte \\"Lauf\\", also rannte ich.'
    )
