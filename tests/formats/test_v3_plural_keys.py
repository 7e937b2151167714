"""i18next v3's plural keys: the key beside its ``_plural`` sibling is the form for one."""

from __future__ import annotations

import pytest

from ltmt.formats.v3_plural_keys import v3_singulars


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["/notification", "/notification_plural", "/title"], {"/notification"}),
        (["a.b.item", "a.b.item_plural", "a.item_plural"], {"a.b.item"}),  # YAML's dotted names
        (["/task_one", "/task_other"], set()),  # v4's: its name says it
        (["/notification_plural"], set()),
        (["/notification"], set()),
        ([], set()),
    ],
)
def test_a_key_beside_its_plural_sibling_is_v3s_form_for_one(names, expected):
    assert v3_singulars(names) == expected
