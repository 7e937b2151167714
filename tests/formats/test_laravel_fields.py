"""Laravel's fields compared in the cases Laravel fills (:mod:`ltmt.formats.laravel_fields`)."""

from __future__ import annotations

import pytest

from ltmt.formats.laravel_fields import field_name


@pytest.mark.parametrize(
    ("text", "compared"),
    [
        (":attribute", ":attribute"),
        (":Attribute", ":attribute"),
        (":ATTRIBUTE", ":attribute"),
        (":max_size", ":max_size"),
        ("%Discount%", "%Discount%"),  # Symfony's: a field of its own in another case
        ("{Name}", "{Name}"),
        ("@:common.save", "@:common.save"),
    ],
)
def test_a_laravel_field_is_compared_in_small_letters(text: str, compared: str) -> None:
    assert field_name(text) == compared
