import pytest

from ltmt.formats.wordless import lost_every_word


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        ("Hi %{first_name},", "%{first_name},", True),
        ("Step %{n} of %{total}", "%{n}/%{total}", False),  # a sign for a word
        ("%{p} percent", "%{p} %", False),
        ("%d of %d", "%d %d", False),  # function words only
        ("Hi %{first_name},", "Hallo %{first_name},", False),
        # a table cell of no letter has no word to lose (a medical trial, session 74: a `②`
        # cell was said to have "lost every word of its source")
        ("②", "②", False),
        ("½", "½", False),
        ("①\u2013③", "①\u2013③", False),
        ("② Remove the cap", "②", True),
    ],
)
def test_lost_every_word(source, target, lost):
    assert lost_every_word(source, target) is lost
