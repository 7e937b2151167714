"""vue-i18n's plural choices in JSON and YAML message files."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.pipe_plurals import (
    Choices,
    laravel_choices,
    may_be_vue_i18n,
    pipe_choices,
    plural_choices,
    symfony_choices,
    without_intervals,
    written_forms,
)


@pytest.mark.parametrize(
    ("message", "branches", "separators"),
    [
        (
            "no items | one item | {count} items",
            ("no items", "one item", "{count} items"),
            (" | ", " | "),
        ),
        ("car  |\ncars", ("car", "cars"), ("  |\n",)),
        # a literal bar, in braces, is text; an i18next field with a pipe inside too
        ("Use {'|'} | Use {' | '} twice", ("Use {'|'}", "Use {' | '} twice"), (" | ",)),
    ],
)
def test_choices_split_at_a_spaced_bar_outside_braces(message, branches, separators):
    choices = pipe_choices(message)
    assert choices == Choices(branches, separators)
    assert choices.joined(list(branches)) == message


@pytest.mark.parametrize("message", ["Home", "true|false", "| one | many", "a |  | b", "a ||b"])
def test_a_message_without_choices_or_with_an_empty_one_is_none(message):
    assert pipe_choices(message) is None


def test_a_translation_is_read_and_joined_choice_by_choice():
    choices = pipe_choices("no items | one item | {count} items")
    assert choices is not None
    assert choices.keys("/items") == ["/items#0", "/items#1", "/items#2"]
    assert choices.read("/items", "keine | eins | {count}") == {
        "/items#0": "keine",
        "/items#1": "eins",
        "/items#2": "{count}",
    }
    # another number of choices: whole, as a person wrote it
    assert choices.read("/items", "keine | {count}") == {"/items": "keine | {count}"}
    assert choices.read("/items", "Datei") == {"/items": "Datei"}
    assert choices.read("/items", " ") == {}
    assert choices.translation("/items", {"/items#0": "a", "/items#2": "c"}) is None
    translations = {"/items#0": "a", "/items#1": "b", "/items#2": "c"}
    assert choices.translation("/items", translations) == "a | b | c"
    with pytest.raises(ValueError, match="2 translations for 3 choices"):
        choices.joined(["a", "b"])


def test_the_messages_edges_stay_its_choices():
    assert pipe_choices(" car | cars\n") == Choices((" car", "cars\n"), (" | ",))


@pytest.mark.parametrize(
    ("message", "plural"),
    [
        ("no items | one item | {count} items", True),
        ("no comments yet | 1 comment | {count} comments", True),
        ("{n} banana | {n} bananas", True),
        ("You have one message | You have {count} messages", True),
        ("none | one | {count}", True),
        ("car | cars", True),
        ("entry | entries", True),
        ("box | boxes", True),
        ("{count} house | {count} houses", True),
        ("class | classes", True),
        ("no apples | one apple | many apples", True),
        # session 60's trial: text with a bar, translated in pieces that made no sense
        ("Run ls | grep log to list the log files.", False),
        ("Use the pipe character | to separate values.", False),
        ("Home | Shop", False),
        ("Save the file | Open the file", False),
        ("{count} selected | Clear all", False),
        ("a | b | c | d", False),
        ("true|false", False),
    ],
)
def test_only_forms_of_one_countable_phrase_are_plural_choices(message, plural):
    assert (plural_choices(message) is not None) is plural


@pytest.mark.parametrize(
    ("names", "messages", "vue"),
    [
        (["items", "car"], ["no items | one item | {count} items", "car | cars"], True),
        (["items_one", "items_other"], ["{count} item", "{count} items"], False),  # i18next
        (["greeting"], ["Hello, {{name}} | welcome"], False),  # i18next
        (["errors.too_long"], ["is too long (%{count} characters)"], False),  # Rails
    ],
)
def test_i18next_and_rails_catalogs_are_not_vue_i18n(names, messages, vue):
    assert may_be_vue_i18n(names, messages) is vue


def test_a_plurals_choices_are_the_forms_of_one_entry():
    choices = pipe_choices("no items | one item | {count} items")
    assert choices is not None
    entries = choices.entries("/items")
    assert [(e.key, e.name, e.form, e.plural) for e in entries] == [
        ("/items#0", "/items", 0, True),
        ("/items#1", "/items", 1, True),
        ("/items#2", "/items", 2, True),
    ]


@pytest.mark.parametrize(
    ("message", "branches", "lead", "separators"),
    [
        ("one apple|%count% apples", ("one apple", "%count% apples"), "", ("|",)),
        (
            "{0} No apples|{1} One apple|]1,Inf[ %count% apples",
            ("No apples", "One apple", "%count% apples"),
            "{0} ",
            ("|{1} ", "|]1,Inf[ "),
        ),
        ("{1} One day|[2,Inf] %count% days", ("One day", "%count% days"), "{1} ", ("|[2,Inf] ",)),
        (
            "At least {{ limit }} character.|At least {{ limit }} characters.",
            ("At least {{ limit }} character.", "At least {{ limit }} characters."),
            "",
            ("|",),
        ),
        ("Home | Shop", None, "", ()),  # text: no count, no interval, no forms of one phrase
        ("Run ls | grep log", None, "", ()),
        ("a||b", None, "", ()),  # Symfony's escaped bar
        ("© %year% My Shop.", None, "", ()),
    ],
)
def test_symfony_plural_forms_keep_their_intervals(
    message: str, branches: tuple[str, ...] | None, lead: str, separators: tuple[str, ...]
) -> None:
    from ltmt.formats.pipe_plurals import symfony_choices

    choices = symfony_choices(message)
    if branches is None:
        assert choices is None
        return
    assert choices is not None
    assert (choices.branches, choices.lead, choices.separators) == (branches, lead, separators)
    assert choices.joined(list(choices.branches)) == message


@pytest.mark.parametrize(
    ("message", "intervals"),
    [
        # Laravel's: * for no bound, :count its count
        ("{0} none|[1,19] some|[20,*] many", ("{0}", "[1,19]", "[20,*]")),
        ("one apple|:count apples", ("", "")),
        ("{1} :count minute ago|[2,*] :count minutes ago", ("{1}", "[2,*]")),
    ],
)
def test_laravels_plurals_are_parted_as_symfonys(message: str, intervals: tuple[str, ...]) -> None:
    choices = symfony_choices(message)
    assert choices is not None and len(choices.branches) == len(intervals)
    assert written_forms(message) == intervals
    assert not any(c.isdigit() for c in without_intervals(message))
    assert choices.other_intervals(message) is False


@pytest.mark.parametrize(
    ("message", "branches"),
    [
        # Laravel's own example, a singular and a plural sentence without a count (trial s75)
        (
            "There is one apple|There are many apples",
            ("There is one apple", "There are many apples"),
        ),
        ("One file selected.|All files selected.", ("One file selected.", "All files selected.")),
        ("One entry left|Some entries left", ("One entry left", "Some entries left")),
        ("one apple|:count apples", ("one apple", ":count apples")),  # Symfony's too
        ("{0} none|[1,19] some|[20,*] many", ("none", "some", "many")),
        ("Home | Shop", None),  # labels
        ("Save|Cancel", None),
        ("Log in|Sign up", None),
        ("Read more | Learn more", None),  # no word in its plural
        ("Apples|Apples and pears", None),  # the plural in the first
        ("One apple|Two apples|Many apples", None),  # three sentences: no singular and plural
        ("There is one apple", None),
    ],
)
def test_laravels_singular_and_plural_sentences_are_its_forms(
    message: str, branches: tuple[str, ...] | None
) -> None:
    choices = laravel_choices(message)
    assert (None if choices is None else choices.branches) == branches
    if choices is not None:
        assert choices.joined(list(choices.branches)) == message


def test_laravel_choices_take_linear_time_on_long_bars_and_words() -> None:
    for message in ("a" * 50_000 + "|" + "a " * 25_000, "x |" * 20_000, "y" * 100_000 + "|"):
        started = time.perf_counter()
        laravel_choices(message)
        assert time.perf_counter() - started < 1.0
