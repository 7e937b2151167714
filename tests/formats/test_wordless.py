import pytest

from ltmt.formats.wordless import ampersand_left_alone, lost_every_word


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


@pytest.mark.parametrize(
    ("source", "target", "edge"),
    [
        ("Terms & Conditions", "Bedingungen &", "ends"),
        ("Terms & Conditions", "& Bedingungen", "starts"),
        # a reference to an ampersand is read as the & it stands for (a WordPress trial)
        ("Terms &amp; Conditions", "&amp; Bedingungen", "starts"),
        ("Terms &amp; Conditions", "Bedingungen &amp;", "ends"),
        ("Terms &#38; Conditions", "&#x26; Bedingungen", "starts"),
        ("Terms &amp; Conditions", "Gesch\u00e4fts- &amp; Nutzungsbedingungen", None),
        ("Terms &amp; Conditions", "AGB", None),
        # the text "&copy;" written escaped is no sign between words
        ("Write &amp;copy;", "&amp;copy; schreiben", None),
        ("Save &amp;", "Speichern &amp;", None),  # the source's own ends with it
    ],
)
def test_ampersand_left_alone(source, target, edge):
    assert ampersand_left_alone(source, target) == edge
