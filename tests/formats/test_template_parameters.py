"""The parameters of template tags that people read: Liquid includes in an HTML text."""

from __future__ import annotations

import pytest

from ltmt.formats.template_parameters import included_text, is_identifier, liquid_includes


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ('{% include note.html content="Back up first." %}', ["Back up first."]),
        # over lines, single quotes, the other parameters kept
        (
            "{% include figure.html\n   image='/x.png'\n   caption='The theme picker' %}",
            ["The theme picker"],
        ),
        ('{%- include_relative a.html title="One" alt="Two" -%}', ["One", "Two"]),
        # without a letter, with markup, or a variable: kept
        ('{% include n.html content="42" text="**Save**" label=page.title %}', []),
        ("{% include footer.html %}", []),
        # an id or a file name: kept (it was translated); text beside it translated
        (
            '{% include link.html text="README.md" url="/readme" alt="screenshot-settings" '
            'caption="The theme picker" %}',
            ["The theme picker"],
        ),
    ],
)
def test_the_text_parameters_of_includes_alone(text: str, values: list[str]) -> None:
    found = included_text(text, 0, len(text))
    assert found is not None
    assert [value.group("value") for value in found] == values


@pytest.mark.parametrize(
    "text",
    [
        'Read this. {% include note.html content="Back up first." %}',
        '{% raw %}{% include note.html content="Back up first." %}{% endraw %}',
        '{% if x %}{% include note.html content="Back up first." %}{% endif %}',
    ],
)
def test_text_that_is_not_includes_alone_is_none(text: str) -> None:
    assert included_text(text, 0, len(text)) is None


def test_an_include_in_raw_is_not_one() -> None:
    text = "{% raw %}{% include a.html %}{% endraw %} {% include b.html %}"
    assert [found.group() for found in liquid_includes(text)] == ["{% include b.html %}"]


@pytest.mark.parametrize(
    ("value", "identifier"),
    [
        ("icon-warn", True),
        ("README.md", True),
        ("screenshot-settings", True),
        ("snippets/install.md", True),
        ("intro_01", True),
        ("The theme picker", False),
        ("macOS", False),
        ("Done.", False),
        ("Sign up", False),
    ],
)
def test_an_id_or_a_file_name_is_kept_as_written(value: str, identifier: bool) -> None:
    """``text="icon-warn"``, ``text="README.md"`` and ``alt="screenshot-settings"`` were
    translated (garbled); an id or a file name is kept, text is translated."""
    assert is_identifier(value) is identifier
