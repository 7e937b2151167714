"""Quote marks around a placeholder written as the user's translators write them."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt.quote_style import (
    MIN_EXAMPLES,
    QUOTE_MARKS,
    chosen_marks,
    in_one_style,
    in_users_quotes,
    quote_table,
    quoted_items,
    quoted_spans,
    restyled,
)
from ltmt.segments import Match, Segment, Translation

SINGLE, DOUBLE, GUILLEMETS, GNU = ("'", "'"), ('"', '"'), ("»", "«"), ("`", "'")
LOW = ("„", "“")  # German's low-9 and left marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cannot open '%s': %s", {"%s": SINGLE}),
        ('unknown option "%1$s" for %2$s', {"%1$s": DOUBLE}),
        ("»%s« kann nicht geöffnet werden", {"%s": GUILLEMETS}),
        ("invalid `%s'", {"%s": GNU}),  # not '%s'
        ("file {name} not found", {}),
        ("'%s' or \"%s\"", {}),  # quoted two ways: no telling
        # words, a command, an option: what a translation copies
        ("use \"git add\" or '--force'", {"git add": DOUBLE, "--force": SINGLE}),
        # an apostrophe opens nothing; a mark with a space inside is no quote
        ("don't use 'x'", {"x": SINGLE}),
        ("' not quoted ' here", {}),
        ("line\nbreak 'a\nb'", {}),
        # a tag's attribute values are no quoted items (an Android trial, session 67: a memory
        # of <xliff:g example="3"> read as quoting with straight marks)
        ('Synced <xliff:g id="count" example="3">%d</xliff:g> notes', {}),
        ('<a title="x">Tap "Save"</a>', {"Save": DOUBLE}),
    ],
)
def test_the_items_right_inside_quote_marks_are_found(text, expected):
    assert quoted_items(text) == expected


def test_a_table_counts_how_targets_quote_what_sources_quote():
    pairs = [
        ("cannot open '%s'", "kann '%s' nicht öffnen"),
        ("cannot read '%s'", "kann '%s' nicht lesen"),
        ('bad "%s"', "falsches »%s«"),
        ("no quotes %s", "keine »%s«"),  # the source does not quote it: no example
    ]
    assert quote_table(pairs) == {SINGLE: Counter({SINGLE: 2}), DOUBLE: Counter({GUILLEMETS: 1})}
    # a tag's attribute quotes are no style of a memory's: qa's [quotes] said they were
    tagged = ('Synced <xliff:g example="3">%d</xliff:g>', '<xliff:g example="3">%d</xliff:g> sync')
    assert quote_table([tagged]) == {}


@pytest.mark.parametrize(
    ("counts", "min_examples", "expected"),
    [
        (Counter({SINGLE: 4, GUILLEMETS: 1}), 1, SINGLE),  # four in five
        (Counter({SINGLE: 3, GUILLEMETS: 1}), 1, None),  # three in four: no
        (Counter({SINGLE: 4}), MIN_EXAMPLES, None),  # too few for a request
        (Counter({SINGLE: 5}), MIN_EXAMPLES, SINGLE),
    ],
)
def test_marks_are_chosen_where_most_examples_agree(counts, min_examples, expected):
    assert chosen_marks({SINGLE: counts}, SINGLE, min_examples) == expected


def test_marks_the_user_never_writes_give_way_to_the_likeliest():
    """gnupg's memory quotes a source's '%s' as `%s' 130 times and '%s' 63: no four in five,
    but the model's »%s« is none of them."""
    table = {SINGLE: Counter({GNU: 130, SINGLE: 63, DOUBLE: 1})}
    assert chosen_marks(table, SINGLE, MIN_EXAMPLES, GUILLEMETS) == GNU
    assert chosen_marks(table, SINGLE, MIN_EXAMPLES, SINGLE) is None  # the user's too
    assert chosen_marks(table, SINGLE, MIN_EXAMPLES) is None
    split = {SINGLE: Counter({GNU: 10, SINGLE: 9, DOUBLE: 2})}  # no half: nothing to say
    assert chosen_marks(split, SINGLE, MIN_EXAMPLES, GUILLEMETS) is None


def test_a_pair_of_two_kinds_is_made_one():
    """The model opens with one mark and closes with the source's (``»%s'``): the user's marks
    where they are known, else its opening mark's pair."""
    assert restyled("unknown '%c'", "Unbekannter »%c'", {SINGLE: Counter({GNU: 1})}, {}) == (
        "Unbekannter `%c'"
    )
    assert restyled("unknown '%c'", "Unbekannter »%c'", {}, {}) == "Unbekannter »%c«"
    # an item the source does not quote as written (the model's): the source's one kind of
    # double marks is taken for it (session 72: a fused ``»{title}}“``, repaired later, kept
    # its marks of two kinds), not where the source quotes with two kinds, nor an apostrophe
    assert restyled('bad "%s"', 'Ungültig »%.50s"', {}, {}) == "Ungültig »%.50s«"
    fused = "Die Note »{title}}“ fehlt."
    assert restyled('The note "{{title}}" is gone.', fused, {DOUBLE: Counter({LOW: 1})}, {}) == (
        "Die Note „{title}}“ fehlt."
    )
    assert restyled("""bad "%s" or '%d'""", 'Ungültig »%.50s"', {}, {}) == 'Ungültig »%.50s"'
    assert restyled('in "%s"', "in %s und Peter's Ordner“", {}, {}) == "in %s und Peter's Ordner“"


def test_an_output_takes_the_marks_its_own_matches_write_else_the_requests():
    own = {SINGLE: Counter({SINGLE: 1})}
    request = {DOUBLE: Counter({DOUBLE: 5})}
    source = "cannot open '%s' with \"%d\" and %s"
    output = "»%s« kann nicht mit »%d« und %s geöffnet werden"
    assert restyled(source, output, own, request) == (
        "'%s' kann nicht mit \"%d\" und %s geöffnet werden"
    )
    # a quoted command copied into the output takes the marks too
    commands = {DOUBLE: Counter({SINGLE: 1})}
    assert restyled('run "git add" first', "zuerst »git add« ausführen", commands, {}) == (
        "zuerst 'git add' ausführen"
    )
    # marks nobody decides, or a placeholder the source does not quote, stay as the model wrote
    assert restyled(source, output, {}, {}) == output
    assert restyled("open %s", "»%s« öffnen", own, request) == "»%s« öffnen"


def _translation(source, text, method, matches):
    found = tuple(
        Match(Segment(i, "u1", s, t, 0.0, "test"), 80.0) for i, (s, t) in enumerate(matches, 1)
    )
    return Translation(source=source, text=text, matches=found, method=method)


def test_a_request_is_restyled_from_its_matches_and_a_reused_match_is_kept():
    git_style = [(f"cannot open '%s' {n}", f"kann '%s' {n} nicht öffnen") for n in range(5)]
    translations = [
        _translation("cannot read '%s'", "kann »%s« nicht lesen", "knn", git_style[:1]),
        _translation("unknown '%s'", "unbekanntes »%s«", "model", []),  # the request decides
        _translation("bad '%s'", "falsches »%s«", "exact", git_style),  # reused as stored
    ]
    first, second, third = in_users_quotes(translations)
    assert (first.text, second.text) == ("kann '%s' nicht lesen", "unbekanntes '%s'")
    assert third is translations[2]


def test_a_one_line_request_whose_matches_quote_nothing_takes_the_memorys_marks(tmp_path):
    """A request of one line has few matches; the user's whole memory decides then, read only
    where the matches decide nothing (:func:`memory_quote_table`)."""
    from ltmt import Memory
    from ltmt.quote_style import memory_quote_table

    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u1", [(f"cannot open '%s' {n}", f"kann '%s' {n} nicht öffnen") for n in range(5)]
        )
        table = memory_quote_table(memory, "u1")
        assert table == {SINGLE: Counter({SINGLE: 5})}
        assert memory_quote_table(memory, "nobody") == {}
    asked: list[int] = []

    def memory_table():
        asked.append(1)
        return table

    alone = [_translation("unknown '%s'", "unbekanntes »%s«", "model", [])]
    assert [t.text for t in in_users_quotes(alone, memory_table)] == ["unbekanntes '%s'"]
    assert asked == [1]
    decided = [_translation("bad '%s'", "falsches »%s«", "knn", [("a '%s'", "ein '%s'")])]
    assert [t.text for t in in_users_quotes(decided, memory_table)] == ["falsches '%s'"]
    assert asked == [1]  # its own match decided: the memory was not read


_MARK_CHARACTERS = {c for pair in QUOTE_MARKS for c in pair}
_TEXTS = st.lists(
    st.sampled_from(["%s", "%d", "x", "git add", " ", "\n", *sorted(_MARK_CHARACTERS)]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(source=_TEXTS, output=_TEXTS)
def test_restyling_changes_quote_marks_alone(source, output):
    """Whatever the texts, only quote marks change: the same length, and every other character
    where it was."""
    tables = {marks: Counter({other: 5}) for marks in QUOTE_MARKS for other in QUOTE_MARKS[:2]}
    new = restyled(source, output, tables, tables, lambda: tables)
    assert len(new) == len(output)
    assert all(
        a == b or (a in _MARK_CHARACTERS and b in _MARK_CHARACTERS) for a, b in zip(output, new)
    )


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # two styles in one line (session 64's book)
        ("“Sure?” Gutenberg laughed. “Nothing is sure.”",
         "»Sure?« lachte Gutenberg. „Nichts ist sicher.“",
         "„Sure?“ lachte Gutenberg. „Nichts ist sicher.“"),
        # a source's curly quotes never come out straight
        ("They called them “penny universities”.",
         'Man nannte sie "Penny-Universitäten".',
         "Man nannte sie „Penny-Universitäten“."),
        # a tag's attribute values keep their straight quotes
        ('He said “hi” <a href="#x">here</a>.',
         'Er sagte "hallo" <a href="#x">hier</a>.',
         'Er sagte „hallo“ <a href="#x">hier</a>.'),
        # a quotation that runs on into the next line is left as it is
        ("“It runs on", "»Es geht weiter", "»Es geht weiter"),
        # a source that quotes with straight marks alone (code, a command) is restyled's
        ('Use "git add" now', "Nutze »git add« jetzt", "Nutze »git add« jetzt"),
        # the German style the output writes most is kept, as its straight-quoted lines keep it
        ("Click “Save”.", "Klicken Sie auf »Speichern«.", "Klicken Sie auf »Speichern«."),
        ("“A” or “B” and “C”",
         "»A« oder »B« und „C“",
         "»A« oder »B« und »C«"),
        ("“A” or “B” and “C”",
         "„A“ oder »B« und „C“",
         "„A“ oder „B“ und „C“"),
    ],
)  # fmt: skip
def test_a_line_that_quotes_prose_takes_one_style_german_without_memory(
    source: str, output: str, expected: str
) -> None:
    assert in_one_style(source, output, ({}, {})) == expected


def test_a_line_that_quotes_prose_takes_the_memorys_style() -> None:
    memory = {("“", "”"): Counter({("»", "«"): 9, ("„", "“"): 1})}
    output = in_one_style("“Sure?” he laughed.", "„Sicher?“ lachte er.", ({}, {}), lambda: memory)
    assert output == "»Sicher?« lachte er."
    own = {("“", "”"): Counter({("„", "“"): 1})}  # a translation's own matches come first
    assert in_one_style("“Sure?” he laughed.", '"Sicher?" lachte er.', (own, {})) == (
        "„Sicher?“ lachte er."
    )


def test_the_values_of_a_tag_with_a_bracket_in_a_value_are_no_quotation() -> None:
    # the tag was read up to the ">" of title="x>y", and "/r" after it as a quoted item
    text = 'Öffnen Sie die <a title="x>y" href="/r">Seite</a> und "hier".'
    assert quoted_spans(text) == [(54, 60, "hier", ('"', '"'))]
