import pytest

from ltmt.formats.wordless import ampersand_left_alone, field_after_the_end, lost_every_word


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


@pytest.mark.parametrize(
    ("source", "target", "field"),
    [
        # trial s77 (a Flutter app): the repair put back the dropped {name} at the end
        ("Don't miss {name}'s new list.", "Keine neue Liste verpassen. {name}", "{name}"),
        ("Save %s to disk now.", "Jetzt auf Festplatte speichern! %s", "%s"),
        # where the source ends with it, or with it and its punctuation: its place
        ("Welcome, {name}.", "Willkommen. {name}", None),
        ("Hello {name}", "Hallo. {name}", None),
        # in its sentence, or not last
        ("Open {file} now.", "Öffne {file} jetzt.", None),
        ("Open {file} now.", "Jetzt öffnen. {file} bereit.", None),
        ("Open {file} now.", "Jetzt öffnen {file}", None),  # no sentence ends before it
        ("Open {a} or {b} now.", "Öffne {a} jetzt. {b}", "{b}"),
        ("No fields here.", "Keine Felder hier.", None),
        ("Click <b>here</b> now.", "Jetzt klicken. <b>hier</b>", None),  # a tag: markup
    ],
)
def test_a_field_written_after_the_last_sentence_where_the_source_has_words_after_it(
    source, target, field
):
    assert field_after_the_end(source, target) == field
