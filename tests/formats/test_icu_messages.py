"""ICU plural and select messages: expanded into whole sentences a case, assembled again; the
assembled messages formatted by ICU4J itself where it is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltmt.formats.icu_messages import (
    Unsupported,
    branch_starts,
    case_name,
    case_pairs,
    expand,
    has_arguments_with_types,
    is_branching,
    syntax_problem,
)
from ltmt.formats.plurals import categories_with_other, ordinal_categories

FORMATTER = Path(__file__).parent / "data" / "FormatIcu.java"
ICU4J = Path("/usr/share/java/icu4j.jar")  # Debian's libicu4j-java


def _cases(message: str) -> dict[str, str]:
    return {case.name: case.text for case in expand(message).cases}


def test_a_plural_becomes_whole_sentences_with_the_number_as_printf() -> None:
    message = "You have {count, plural, =0 {no files} one {# file} other {# files}} in {dir}."
    expansion = expand(message)
    assert _cases(message) == {
        "=0": "You have no files in {dir}.",
        "one": "You have %d file in {dir}.",
        "other": "You have %d files in {dir}.",
    }
    other = (("count", "other"),)
    assert expansion.from_model(other, "Sie haben %d Dateien in {dir}.") == (
        "Sie haben # Dateien in {dir}."
    )
    one = (("count", "one"),)
    assert expansion.assemble({one: "# Datei", other: "# Dateien"}) == (
        "{count, plural, one {# Datei} other {# Dateien}}"
    )


def test_select_keeps_hash_and_offset_is_kept() -> None:
    assert _cases("{g, select, female {She #1} other {They #1}}")["female"] == "She #1"
    counted = expand("{n, plural, offset:1 one {you} other {you and # others}}")
    assert counted.arguments["n"].offset == "1"
    texts = {(("n", "one"),): "du", (("n", "other"),): "du und # andere"}
    assert counted.assemble(texts) == "{n, plural, offset:1 one {du} other {du und # andere}}"


def test_a_printf_count_of_its_own_keeps_the_hash_as_it_is() -> None:
    expansion = expand("{n, plural, one {%d of # done} other {%d of # done}}")
    assert _cases("{n, plural, one {%d of # done} other {%d of # done}}")["one"] == "%d of # done"
    assert expansion.from_model((("n", "one"),), "%d von # fertig") == "%d von # fertig"


def test_nested_arguments_give_a_case_for_each_combination() -> None:
    message = (
        "{gender, select, female {She has {n, plural, one {# file} other {# files}}.} "
        "other {They have {n, plural, one {# file} other {# files}}.}}"
    )
    assert _cases(message) == {
        "female|one": "She has %d file.",
        "female|other": "She has %d files.",
        "other|one": "They have %d file.",
        "other|other": "They have %d files.",
    }
    expansion = expand(message)
    texts = {
        case.path: expansion.from_model(case.path, case.text.replace("has", "hat"))
        for case in expansion.cases
    }
    assert expansion.assemble(texts) == (
        "{gender, select, female {{n, plural, one {She hat # file.} other {She hat # files.}}} "
        "other {{n, plural, one {They have # file.} other {They have # files.}}}}"
    )


def test_arguments_side_by_side_are_nested_in_their_order() -> None:
    message = (
        "{n, plural, one {# file} other {# files}} in {d, plural, one {# folder} other {# folders}}"
    )
    with pytest.raises(Unsupported, match="'#' of 2 plurals in one case"):
        expand(message)
    message = "{n, plural, one {One file} other {# files}} in {d, select, home {home} other {{d}}}"
    expansion = expand(message)
    assert _cases(message) == {
        "one|home": "One file in home",
        "one|other": "One file in {d}",
        "other|home": "%d files in home",
        "other|other": "%d files in {d}",
    }
    # the number of n, inside d's select, is written as the argument: '#' there is text
    assert expansion.from_model((("n", "other"), ("d", "home")), "%d Dateien daheim") == (
        "{n} Dateien daheim"
    )


def test_a_hash_that_is_text_is_quoted_inside_a_plural() -> None:
    expansion = expand("Step #2: {n, plural, one {# file} other {# files}}")
    assert expansion.cases[0].text == "Step #2: %d file"
    assert expansion.from_model((("n", "one"),), "Schritt #2: %d Datei") == (
        "Schritt '#'2: # Datei"
    )
    # ... and read back as text
    assert _cases("{n, plural, one {Schritt '#'2: # Datei} other {x}}")["one"] == (
        "Schritt #2: %d Datei"
    )


def test_an_escaped_apostrophe_goes_to_the_model_single_and_comes_back_doubled() -> None:
    """``It''s`` in a branch left the message untranslated, taken for quoting."""
    expansion = expand("{n, plural, one {It''s # item} other {It''s # items, '#'1}}")
    assert [case.text for case in expansion.cases] == ["It's %d item", "It's %d items, #1"]
    assert expansion.from_model((("n", "other"),), "Es's %d Dinge, #1") == "Es''s # Dinge, '#'1"
    assert syntax_problem("{n, plural, one {It''s #} other {It''s #}") is not None


def test_target_paths_take_the_target_languages_plural_categories() -> None:
    message = "{g, select, female {{n, plural, =0 {none} one {# file} other {# files}}} other {x}}"
    paths = expand(message).target_paths(categories_with_other("pl"))
    assert [(case_name(target), case_name(source)) for target, source in paths] == [
        ("female|=0", "female|=0"),
        ("female|one", "female|one"),
        ("female|few", "female|other"),
        ("female|many", "female|other"),
        ("female|other", "female|other"),
        ("other", "other"),
    ]


@pytest.mark.parametrize("language", ["de", "en", "nl"])
def test_an_exact_value_makes_a_category_of_only_it_needless(language) -> None:
    """Flutter reads a plural's branches last to first: a German ``one`` after ``=1`` was shown
    for 1 instead of the source's ``=1``; nested in a select too."""
    message = (
        "{g, select, male {{n, plural, =1 {one photo} other {# photos}}} "
        "other {{n, plural, =0 {none} =1 {one} other {# photos}}}}"
    )
    paths = expand(message).target_paths(categories_with_other(language), language=language)
    assert [case_name(target) for target, _ in paths] == [
        "male|=1",
        "male|other",
        "other|=0",
        "other|=1",
        "other|other",
    ]


def test_a_category_the_source_has_beside_its_exact_value_is_kept() -> None:
    """A source with ``=1 {...}`` and ``one {...}`` lost its ``one`` (and the XLIFF placeholders
    only it had were appended after the message): a category the exact values cover is only
    not added."""
    paths = expand("{n, plural, =1 {A file} one {# single file} other {# files}}").target_paths(
        categories_with_other("de"), language="de"
    )
    assert [(case_name(t), case_name(s)) for t, s in paths] == [
        ("=1", "=1"),
        ("one", "one"),
        ("other", "other"),
    ]


def test_with_an_offset_an_exact_value_does_not_cover_a_category() -> None:
    """``offset:1``: ``one`` is chosen for 2 (2 - 1), which ``=1`` does not cover."""
    message = "{n, plural, offset:1 =0 {Nobody} =1 {Only you} other {You and # others}}"
    paths = expand(message).target_paths(categories_with_other("de"), language="de")
    assert [case_name(target) for target, _ in paths] == ["=0", "=1", "one", "other"]


def test_an_exact_value_keeps_a_category_of_more_numbers() -> None:
    paths = expand("{n, plural, =1 {one} other {# files}}").target_paths(
        categories_with_other("ru"), language="ru"
    )
    assert [case_name(target) for target, _ in paths] == ["=1", "one", "few", "many", "other"]


ORDINAL = "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} try"


def test_an_ordinal_goes_to_the_model_as_a_number_of_its_category() -> None:
    """``%dth`` kept the English ending (``Sie haben #rd``); ``4th`` reads as an ordinal."""
    expansion = expand(ORDINAL)
    assert _cases(ORDINAL) == {
        "one": "1st try",
        "two": "2nd try",
        "few": "3rd try",
        "other": "4th try",
    }
    other = (("n", "other"),)
    assert expansion.from_model(other, "4. Versuch") == "#. Versuch"
    assert expansion.from_model(other, "Versuch Nr. 4") == "Versuch Nr. #"
    # the number lost, or there twice: the text as the model wrote it
    assert expansion.from_model(other, "Versuch") == "Versuch"
    assert expansion.from_model(other, "4. von 4") == "4. von 4"
    # a translation read back from a file: its '#' (as %d) the number again
    assert expansion.as_read(other, "%d. Versuch") == "4. Versuch"
    assert expansion.as_read(other, "%d. von %d") == "%d. von %d"


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ("{n, selectordinal, other {# try}}", "%d try"),  # no English ending
        ("{n, selectordinal, other {#th of 4}}", "%dth of 4"),  # its number is in the text
    ],
)
def test_an_ordinal_without_an_english_ending_goes_as_printf(message, text) -> None:
    assert _cases(message)["other"] == text


def test_an_exact_ordinal_goes_as_its_own_number() -> None:
    assert _cases("{n, selectordinal, =11 {#th!} other {#th}}")["=11"] == "11th!"


@pytest.mark.parametrize(
    ("language", "cases"),
    [
        ("de", [("other", "other")]),  # German writes every ordinal 4.
        ("fr", [("one", "one"), ("other", "other")]),
        ("en", [("one", "one"), ("two", "two"), ("few", "few"), ("other", "other")]),
        ("xx", [("one", "one"), ("two", "two"), ("few", "few"), ("other", "other")]),
    ],
)
def test_an_ordinal_takes_the_target_languages_ordinal_categories(language, cases) -> None:
    paths = expand(ORDINAL).target_paths(
        categories_with_other(language), ordinal_categories(language)
    )
    assert [(case_name(target), case_name(source)) for target, source in paths] == cases


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("{a, plural, one {{a, select, x {X} other {Y}}} other {Z}}", "branches twice"),
        ("{a, select, x {#} other {y}} {a, select, x {z} other {w}}", "branches twice"),
        ("{a, plural, one {it'{s}'} other {y}}", "apostrophe"),
        ("{a, plural, one {x} other {y}", "unbalanced"),
        ("{a, plural, one {x} other {y}}}", "unbalanced"),
        ("{a, plural, one {x}}", "no 'other'"),
        ("{a, plural, one x other {y}}", "no branch"),
        (
            "{n, plural, offset:1 one {# {g, select, a {x} other {y}}} other {z}}",
            "offset",
        ),
        (
            " ".join(f"{{a{i}, select, x {{x}} y {{y}} other {{z}}}}" for i in range(4)),
            "more than 64",
        ),
    ],
)
def test_what_cannot_be_taken_apart_says_why(message: str, why: str) -> None:
    assert is_branching(message)
    with pytest.raises(Unsupported, match=why):
        expand(message)


def test_plain_messages_are_not_branching() -> None:
    assert not is_branching("Hello {name}, {count} files")


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("You have {count, plural, =0 {no files} one {# file} other {# files}}.", None),
        ("{ts, date, medium} {n, number, ::currency/EUR} {name} {s, spellout}", None),
        ("{g, select, female {{n, plural, one {a} other {{x, number} b}}} other {c}}", None),
        ("Geht's {name}? ''{'x'}''", None),  # apostrophe quoting is not read
        ("{count, Zahl} Elemente", "'{count, Zahl': ICU has no argument type 'Zahl'"),
        ("{n, Plural, one {# Datei} andere {# Dateien}}", "no argument type 'Plural'"),
        ("{n plural, one {# Datei} other {# Dateien}}", "Datei} othe…' is no ICU argument"),
        ("{n, plural, one {# Datei} andere {# D} other {# D}}", "key 'andere' is no plural"),
        ("{n, selectordinal, one {#.} sonst {#.} other {#.}}", "key 'sonst' is no plural"),
        ("{g, select, female {Sie}} kam", "select 'g' has no 'other' branch"),
        ("{n, plural, one {# Datei} other {# {x, Zahl}}}", "no argument type 'Zahl'"),
        ("Hallo {name", "unbalanced braces: the '{' at character 7 is never closed"),
        ("Hallo name}", "unbalanced braces: the '}' at character 11 closes no '{'"),
        ("{n, plural, one {# Datei} other {# Dateien}", "unbalanced braces"),
        ("Leer: {}", "'{}' is no ICU argument"),
        # Angular's placeholder (ng extract-i18n --format=json), put in before ICU reads it
        ("{VAR_PLURAL, plural, =0 {Leer} other {{$INTERPOLATION} Artikel}}", None),
        ("Aktualisiert {$ICU} von {$INTERPOLATION}", None),
        ("{n, plural, other {{$ ICU} x}}", "'{$ ICU}' is no ICU argument"),
    ],
)
def test_syntax_problem_says_what_icu_rejects(message: str, problem: str | None) -> None:
    found = syntax_problem(message)
    assert found == problem if problem is None else problem in str(found)


@pytest.mark.parametrize(
    ("message", "meant_as_icu"),
    [
        ("{n, number} items", True),
        ("{n, plural, other {#}}", True),
        ("Saved {when, date, short}", True),
        ("Total due: {sum, numbr}", True),  # a typo ICU rejects, said so
        ("{count, plurl, one {# file} other {# files}}", True),
        ("{n, Plural, one {#} other {#}}", True),
        ("Hello {name}, {0:>10}", False),
        ("Coordinates {x, y} of the marker", False),  # was refused: "no argument type 'y'"
        ("Between {start, end} and {low, high}", False),
        ("Total: {{value, number}}", False),  # i18next's
        ("{{count}} of {{total, numbr}}", False),
        ("Hello {name, welcome back", True),  # unclosed: was translated into invalid ICU
        ("Hello {name}, welcome {back", False),  # no argument's head: text
    ],
)
def test_a_message_with_typed_arguments_is_icu_a_bare_name_or_text_is_not(
    message: str, meant_as_icu: bool
) -> None:
    assert has_arguments_with_types(message) is meant_as_icu


def _escaped(text: str) -> str:
    units = text.encode("utf-16-be")
    return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))


def _icu4j(locale: str, records: list[tuple[str, dict[str, str]]]) -> list[str]:
    """What ICU4J's MessageFormat makes of each (message, values)."""
    lines = [
        "\t".join([_escaped(message), *(f"{k}={_escaped(v)}" for k, v in values.items())])
        for message, values in records
    ]
    out = subprocess.run(
        ["java", "-cp", str(ICU4J), str(FORMATTER), locale],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [
        line
        if line.startswith("ERROR")
        else bytes.fromhex(line.replace("\\u", "")).decode("utf-16-be")
        for line in out
    ]


_ROUND_TRIPS = [
    "You have {count, plural, =0 {no files} one {# file} other {# files}} in {dir}.",
    "{n, plural, offset:1 =0 {nobody} one {you} other {you and # others}}",
    "{g, select, female {She has {n, plural, one {# file} other {# files}}.} other {They left.}}",
    "{n, plural, one {One file} other {# files}} in {d, select, home {home} other {{d}}}",
    "Step #2: {n, plural, one {# file '#'1} other {# files}}",
    "{n, plural, one {{g, select, a {# a} other {# b}}} other {# c}}",
    "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} try",
]


def _values(path, arguments) -> dict[str, str]:
    """Values that take ``path`` through a message (in English)."""
    numbers = {"one": 1, "two": 2, "few": 3, "other": 7}
    values = {"dir": "D", "d": "elsewhere"}
    for name, key in path:
        argument = arguments[name]
        if argument.kind == "select":
            values[name] = key if key != "other" else "elsewhere"
        elif key.startswith("="):
            values[name] = key[1:]
        else:
            values[name] = str(numbers[key] + int(argument.offset or 0))
    return values


@pytest.fixture(scope="module")
def formatted_by_icu4j() -> dict[str, tuple[list[str], list[str]]]:
    """For each of :data:`_ROUND_TRIPS`: what ICU4J makes of the source and of the message
    assembled from its cases translated as themselves, for the values of each case (one Java
    run for all)."""
    if shutil.which("java") is None or not ICU4J.exists():
        pytest.skip("needs Java and ICU4J (Debian's libicu4j-java)")
    records, spans = [], {}
    for message in _ROUND_TRIPS:
        expansion = expand(message)
        texts = {
            target: expansion.from_model(source, expansion.case(source).text)
            for target, source in expansion.target_paths(categories_with_other("en"))
        }
        assembled = expansion.assemble(texts)
        values = [_values(case.path, expansion.arguments) for case in expansion.cases]
        start = len(records)
        records += [(message, v) for v in values] + [(assembled, v) for v in values]
        spans[message] = (start, len(values))
    out = _icu4j("en", records)
    return {
        message: (out[start : start + count], out[start + count : start + 2 * count])
        for message, (start, count) in spans.items()
    }


@pytest.mark.parametrize("message", _ROUND_TRIPS)
def test_icu4j_formats_the_assembled_message_as_the_source(message, formatted_by_icu4j) -> None:
    """The cases translated as themselves and assembled again: ICU4J formats every case of the
    result as it formats the source."""
    source, again = formatted_by_icu4j[message]
    assert not any(text.startswith("ERROR") for text in source + again)
    assert again == source


def test_icu4j_reads_the_values_as_meant(formatted_by_icu4j) -> None:
    source, _ = formatted_by_icu4j[_ROUND_TRIPS[0]]
    assert source == ["You have no files in D.", "You have 1 file in D.", "You have 7 files in D."]
    source, _ = formatted_by_icu4j[_ROUND_TRIPS[4]]
    assert source == ["Step #2: 1 file #1", "Step #2: 7 files"]


def test_icu4j_formats_a_german_ordinal_of_its_one_category() -> None:
    if shutil.which("java") is None or not ICU4J.exists():
        pytest.skip("needs Java and ICU4J (Debian's libicu4j-java)")
    expansion = expand(ORDINAL)
    paths = expansion.target_paths(categories_with_other("de"), ordinal_categories("de"))
    german = expansion.assemble(
        {target: expansion.from_model(source, "4. Versuch") for target, source in paths}
    )
    assert german == "{n, selectordinal, other {#. Versuch}}"
    out = _icu4j("de", [(german, {"n": n}) for n in ("1", "2", "3", "11", "22")])
    assert out == ["1. Versuch", "2. Versuch", "3. Versuch", "11. Versuch", "22. Versuch"]


_PIECES = st.sampled_from(
    [
        "a ",
        "b",
        "#",
        "'#'",
        "{n}",
        "%d",
        "{",
        "}",
        "{n, plural, one {",
        "{g, select, x {",
        "{h, selectordinal, one {",
        "} other {",
        "}}",
        " =0 {",
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_any_message_is_taken_apart_and_assembled_again_or_refused(message: str) -> None:
    """Whatever the text: :class:`Unsupported`, or cases that come back from their assembly."""
    try:
        expansion = expand(message)
    except Unsupported:
        return
    paths = expansion.target_paths(categories_with_other("en"))
    texts = {t: expansion.from_model(s, expansion.case(s).text) for t, s in paths}
    again = expand(expansion.assemble(texts))
    assert [c.text for c in again.cases] == [expansion.case(s).text for _, s in paths]


@pytest.mark.parametrize(("source", "target", "pairs"), [
    ("{n, plural, =1 {a file} other {# files}}",
     "{n, plural, =1 {eine Datei} one {# Datei} other {# Dateien}}",
     [("=1", "a file", "eine Datei"), ("one", "%d files", "%d Datei"),
      ("other", "%d files", "%d Dateien")]),
    ("{g, select, male {he} other {they}}", "{g, select, mann {er} other {sie}}", None),
    ("{g, select, male {he} other {they}}", "{n, select, male {er} other {sie}}", None),
    ("Files: {n}", "Dateien: {n}", None),
])  # fmt: skip
def test_a_translations_cases_are_paired_with_the_source_cases_they_translate(
    source: str, target: str, pairs: list | None
) -> None:
    assert case_pairs(source, target) == pairs


@pytest.mark.parametrize(
    ("message", "starts"),
    [
        (
            "{g, select, female {She} other {They}} left.",
            [("g", "female", "She"), ("g", "other", "They")],
        ),
        (
            "{g, select, female {{n, plural, one {She has #} other {x}}} other {y}}",
            [
                ("g", "female", "{n, p"),
                ("n", "one", "She h"),
                ("n", "other", "x}}} "),
                ("g", "other", "y}"),
            ],
        ),
        ("{g, select, female {She", []),  # never closed
        ("{g, select, female {She} oops}", []),  # a key without its branch
        ("Hello {name}", []),
    ],
)
def test_branch_starts_says_where_each_branch_text_starts(message, starts) -> None:
    found = [
        (name, key, message[at : at + len(text)])
        for (name, key, at), (_, _, text) in zip(branch_starts(message), starts)
    ]
    assert len(branch_starts(message)) == len(starts)
    assert found == starts


@pytest.mark.parametrize(
    ("message", "case", "translation", "written"),
    [
        # a memory's match (stored from a plural over {count}) in a plural over {n}: its
        # number as this message's own (trial s77: {count} was written, no argument here)
        ("{n, plural, one {# video} other {# videos}}", "one", "%d Video", "# Video"),
        # one stored before its {count} was read as %d: the argument this message lacks
        ("{n, plural, one {# video} other {# videos}}", "one", "{count} Video", "# Video"),
        ("{n, plural, one {One video} other {{n} videos}}", "other", "%d Videos", "{n} Videos"),
        ("{n, plural, =1 {One video} other {{n} videos}}", "=1", "%d Video", "# Video"),
        # an offset makes # another number: left as the model wrote it
        ("{n, plural, offset:1 =1 {You} other {{n} of you}}", "other", "%d", "%d"),
        ("{g, select, male {He} other {{n} of them}}", "other", "%d", "%d"),  # no plural
    ],
)
def test_a_matchs_number_is_written_as_this_messages_case_writes_it(
    message, case, translation, written
) -> None:
    expansion = expand(message)
    path = next(c.path for c in expansion.cases if c.name == case)
    assert expansion.from_model(path, translation) == written


@pytest.mark.parametrize(
    ("message", "read", "stored"),
    [
        ("{count, plural, one {# video} other {# videos}}", "{count} Video", "%d Video"),
        ("{count, plural, one {One photo} other {{count} photos}}", "%d Fotos", "{count} Fotos"),
        (
            "{count, plural, offset:1 one {You} other {# others}}",
            "{count} andere",
            "{count} andere",
        ),
    ],
)
def test_a_translation_read_back_writes_the_number_as_its_source_case(message, read, stored):
    expansion = expand(message)
    other = next(c.path for c in expansion.cases if c.name == "other")
    assert expansion.as_read(other, read) == stored


@pytest.mark.parametrize(("source", "target", "pairs"), [
    # # and {count} print the same number in a plural's branch: paired as the source writes it
    ("{count, plural, one {# video} other {# videos}}",
     "{count, plural, one {{count} Video} other {{count} Videos}}",
     [("one", "%d video", "%d Video"), ("other", "%d videos", "%d Videos")]),
    ("{count, plural, =1 {One photo} other {{count} photos}}",
     "{count, plural, =1 {Ein Foto} other {# Fotos}}",
     [("=1", "One photo", "Ein Foto"), ("other", "{count} photos", "{count} Fotos")]),
    # with an offset they differ
    ("{count, plural, offset:1 =1 {You} other {You and # others}}",
     "{count, plural, offset:1 =1 {Du} other {Du und {count} andere}}",
     [("=1", "You", "Du"), ("other", "You and %d others", "Du und {count} andere")]),
])  # fmt: skip
def test_case_pairs_read_hash_and_the_plurals_argument_as_one(source, target, pairs) -> None:
    assert case_pairs(source, target) == pairs
