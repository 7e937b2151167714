"""Fluent message files: the target language's file, its messages whole, selects taken apart."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, serialize
from formats_fakes import FakeModel
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.fluent import FluentCatalog
from ltmt.formats.fluent_patterns import Slots, expand
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.qa.pair_checks import placeholder_problems

DATA = Path(__file__).parent / "data"


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "en-US" / "main.ftl"
    path.parent.mkdir(parents=True)
    shutil.copy(DATA / "en-US.ftl", path)
    return path


def _pattern(text: str) -> ast.Pattern:
    message = FluentParser().parse(f"m = {text}\n").body[0]
    assert isinstance(message, ast.Message) and message.value is not None, message
    return message.value


def test_units_are_values_and_attributes_a_select_case_by_case(tmp_path: Path) -> None:
    units = open_document(_source(tmp_path), tgt_lang="ru").units()
    assert [(u.key, u.source, u.entry, u.group) for u in units] == [
        ("hello", "Hello, {name}!", "", "hello"),
        ("emails#one", "You have one email.", "emails", "emails"),  # ru's categories
        ("emails#few", "You have %d emails.", "emails", "emails"),  # the count as %d
        ("emails#many", "You have %d emails.", "emails", "emails"),
        ("emails#other", "You have %d emails.", "emails", "emails"),
        ("inline#0", "You have no new emails in {brand_short_name}.", "inline", "inline"),
        ("inline#one", "You have one new email in {brand_short_name}.", "inline", "inline"),
        ("inline#few", "You have %d new emails in {brand_short_name}.", "inline", "inline"),
        ("inline#many", "You have %d new emails in {brand_short_name}.", "inline", "inline"),
        ("inline#other", "You have %d new emails in {brand_short_name}.", "inline", "inline"),
        ("login-input", "Predefined value", "", "login-input"),
        ("login-input.aria-label", "Login input value", "", "login-input"),
        ("login-button.label", "Open the file", "", "login-button"),  # not .accesskey
        ("dialog-window.title", "Settings", "", "dialog-window"),  # not .style
        ("multi", "Open the file in a new window.\nSave the file with a {name} pattern.", "", "multi"),
        ("gender-pick#male", "He saved the file.", "", "gender-pick"),  # a select keeps its keys
        ("gender-pick#female", "She saved the file.", "", "gender-pick"),
        ("gender-pick#other", "They saved the file.", "", "gender-pick"),
    ]  # fmt: skip


def test_the_translation_is_valid_fluent_with_its_placeables(tmp_path: Path, caplog) -> None:
    source = _source(tmp_path)
    out = tmp_path / "de" / "main.ftl"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "1 message with two selects in a pattern, or one inside another, left" in caplog.text
    written = out.read_text("utf-8")
    assert "two-selects" not in written
    assert written.startswith("# This Source Code Form is subject to the terms")  # comments kept
    # a term's name copied (a brand's: not FIREFOX), its attribute too
    assert "-brand-short-name = Firefox\n    .gender = masculine\n" in written
    assert "hello = HELLO, { $name }!\n" in written
    assert (
        "inline =\n    { $count ->\n"
        "        [0] YOU HAVE NO NEW EMAILS IN { -brand-short-name }.\n"
        "        [one] YOU HAVE ONE NEW EMAIL IN { -brand-short-name }.\n"
        "       *[other] YOU HAVE { NUMBER($count) } NEW EMAILS IN { -brand-short-name }.\n"
        "    }\n"
    ) in written  # the sentence around the select in every variant
    assert "    .accesskey = O\n" in written and "    .style = width: 32em\n" in written
    assert "title-only = { -brand-short-name }\n" in written  # no words: copied
    assert 'SAVE THE FILE WITH A { "{" }name{ "}" } PATTERN.' in written
    resource = FluentParser().parse(written)
    assert not [e for e in resource.body if isinstance(e, ast.Junk)]


def test_an_existing_output_is_kept_as_the_translator_wrote_it(tmp_path: Path, caplog) -> None:
    source = _source(tmp_path)
    out = tmp_path / "de" / "main.ftl"
    out.parent.mkdir()
    out.write_text(
        "hello = Hallo { $name }, schön dich zu sehen!\n"
        "gender-pick = { $gender ->\n    [male] Er hat sie gespeichert.\n"
        "   *[other] Gespeichert.\n}\n"
        "two-selects = Von Hand\n"
        "old-message = Veraltet\n",
        "utf-8",
    )
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert "1 string not in" in caplog.text and "(old-message) kept at the end" in caplog.text
    assert "Hello, {name}!" not in model.seen and "She saved the file." in model.seen
    written = out.read_text("utf-8")
    assert "hello = Hallo { $name }, schön dich zu sehen!\n" in written
    assert "two-selects = Von Hand\n" in written  # a message ltmt cannot take apart, kept
    assert written.endswith("old-message = Veraltet\n")
    # the select lacked a variant: translated again whole, the translator's cases from the file
    assert "[male] Er hat sie gespeichert." in written and "[female] SHE SAVED THE FILE." in written


def test_pairs_are_read_message_by_message_beside_the_source(tmp_path: Path) -> None:
    source = _source(tmp_path)
    german = tmp_path / "de.ftl"
    german.write_text(
        "hello = Hallo, { $name }!\n"
        "emails = { $count ->\n    [one] Eine E-Mail.\n   *[other] { $count } E-Mails.\n}\n"
        "login-button =\n    .label = Datei öffnen\n    .accesskey = f\n",
        "utf-8",
    )
    pairs = FluentCatalog.pairs(german, source_file=source, tgt_lang="de")
    count = {"placeholders": {"%d": "{ $count }"}}
    assert [(p.source, p.target, p.metadata) for p in pairs] == [
        # each with its placeables as the file writes them, which ltmt qa names
        (
            "Hello, {name}!",
            "Hallo, {name}!",
            {"context": "hello", "placeholders": {"{name}": "{ $name }"}},
        ),
        ("You have one email.", "Eine E-Mail.", {"context": "emails", "plural": 0, **count}),
        ("You have %d emails.", "%d E-Mails.", {"context": "emails", "plural": 1, **count}),
        ("Open the file", "Datei öffnen", {"context": "login-button.label"}),
    ]


def test_braces_and_line_starts_a_translation_writes_stay_text() -> None:
    slots = Slots()
    text = "a {b} c }\n[x] y\n*z\n.w"
    pattern = ast.Pattern(slots.elements(text))
    written = serialize(ast.Resource([ast.Message(ast.Identifier("m"), pattern)]))
    parsed = FluentParser().parse(written).body[0]
    assert isinstance(parsed, ast.Message) and parsed.value is not None
    assert expand(parsed.value).cases[""] == text


def test_two_different_placeables_get_two_names() -> None:
    expansion = expand(_pattern('{ $count } of { NUMBER($count, style: "percent") } { $count }'))
    assert expansion.cases[""] == "{count} of {count2} {count}"


def test_a_file_that_is_not_fluent_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.ftl"
    path.write_text("ok = fine\nbroken = { $x\n", "utf-8")
    with pytest.raises(InputError, match=r"bad\.ftl:3:1: Expected token: \"}\" \(not valid"):
        FluentCatalog.open(path)


_LINE = st.text(alphabet=st.sampled_from('ab \t{}[]*.-$"\\'), max_size=12)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=5).filter(lambda ls: "".join(ls).strip()))
def test_any_text_written_as_a_pattern_reads_back_the_same(lines: list[str]) -> None:
    text = "\n".join(lines)  # blank lines and blanks at either end too
    pattern = ast.Pattern(Slots().elements(text))
    written = serialize(ast.Resource([ast.Message(ast.Identifier("m"), pattern)]))
    parsed = FluentParser().parse(written).body[0]
    assert isinstance(parsed, ast.Message) and parsed.value is not None, written
    assert expand(parsed.value).cases[""] == text, written


class _Dictionary(FakeModel):
    """Translates by a table (else upper-cases)."""

    def __call__(self, texts, prefer=None):
        table = {"Options": "Optionen", "Preferences": "Einstellungen", "Exit": "Beenden"}
        return [table.get(t) or t.upper() for t in texts]


def test_an_access_key_for_each_platform_comes_from_that_platforms_label(tmp_path: Path) -> None:
    source = tmp_path / "en.ftl"
    source.write_text(
        "popup =\n    .label =\n        { PLATFORM() ->\n            [windows] Options\n"
        "           *[other] Preferences\n        }\n    .accesskey =\n"
        "        { PLATFORM() ->\n            [windows] O\n           *[other] P\n        }\n",
        "utf-8",
    )
    out = tmp_path / "de.ftl"
    translate_file(source, out, _Dictionary(), tgt_lang="de")
    assert (
        "    .accesskey =\n        { PLATFORM() ->\n            [windows] O\n"
        "           *[other] E\n        }\n"
    ) in out.read_text("utf-8")


ORDINAL = """your-rank = { NUMBER($pos, type: "ordinal") ->
    [one] You came { $pos }st
    [two] You came { $pos }nd
    [few] You came { $pos }rd
   *[other] You came { $pos }th
}
"""


def test_an_ordinal_gets_the_target_languages_ordinal_categories(tmp_path: Path) -> None:
    """German writes every ordinal ``4.``: one variant, its count given to the model as the
    number of its category (``4th``), which comes back as the placeable; ``{ $pos }th`` kept
    the English ending (``Sie haben { $pos }rd``)."""
    source = tmp_path / "en.ftl"
    source.write_text(ORDINAL, "utf-8")
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [("your-rank#other", "You came 4th")]
    french = open_document(source, tgt_lang="fr").units()
    assert [(u.key, u.source) for u in french] == [
        ("your-rank#one", "You came 1st"),
        ("your-rank#other", "You came 4th"),
    ]
    out = tmp_path / "de.ftl"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        'your-rank =\n    { NUMBER($pos, type: "ordinal") ->\n       *[other] YOU CAME { $pos }TH\n'
        "    }\n"
    )
    german = 'your-rank = { NUMBER($pos, type: "ordinal") ->\n   *[other] Du bist { $pos }. geworden\n}\n'
    out.write_text(german, "utf-8")
    [pair] = FluentCatalog.pairs(out, source_file=source, tgt_lang="de")
    assert (pair.source, pair.target) == ("You came 4th", "Du bist 4. geworden")
    translate_file(source, out, FakeModel(), tgt_lang="de")  # kept as the translator wrote it
    assert "*[other] Du bist { $pos }. geworden" in out.read_text("utf-8")


def test_a_plural_that_is_no_ordinal_keeps_its_count_as_printf() -> None:
    expansion = expand(_pattern("{ $n ->\n    [one] { $n }st try\n   *[other] { $n }th try\n}"))
    assert expansion.cases == {"one": "%dst try", "other": "%dth try"}
    assert expansion.numbers == {}


def test_qa_names_the_placeables_a_translation_lacks_as_the_file_writes_them(
    tmp_path: Path,
) -> None:
    """Session 64: qa said ``lacks %d`` and ``lacks {brand_name}, {user}``, ltmt's own forms."""
    source = tmp_path / "en.ftl"
    source.write_text(
        "tabs = { $count ->\n    [one] One tab\n   *[other] { $count } tabs\n}\n"
        "welcome = Welcome to { -brand-name }, { $user }!\n",
        encoding="utf-8",
    )
    target = tmp_path / "de.ftl"
    target.write_text(
        "tabs = { $count ->\n    [one] Ein Tab\n   *[other] Tabs\n}\nwelcome = Willkommen!\n",
        encoding="utf-8",
    )
    records = read_translations(target, source_file=source)
    problems = [placeholder_problems(r.source, r.target, r.metadata) for r in records]
    assert problems == [[], ["lacks { $count }"], ["lacks { -brand-name }, { $user }"]]


def test_a_source_with_a_byte_order_mark_is_translated_into_a_file_without_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The output kept the source's byte order mark, which ``fluent.syntax`` reads as one Junk
    entry that swallows the first message."""
    source = tmp_path / "en.ftl"
    source.write_bytes(b"\xef\xbb\xbfhello = Hello\r\nbye = Goodbye\r\n")
    out = tmp_path / "de.ftl"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == b"hello = HELLO\r\nbye = GOODBYE\r\n"
    assert [type(e) for e in FluentParser().parse(out.read_text("utf-8")).body] == [
        ast.Message,
        ast.Message,
    ]
    assert caplog.text.count("starts with a byte order mark") == 1
    assert f"{out} is written without one" in caplog.text


def test_qa_names_the_placeables_a_translation_adds_as_its_file_writes_them(
    tmp_path: Path,
) -> None:
    """Session 64's regression trial: ``lacks { $User }`` beside ``adds {user}`` and ``adds
    {usr}``, the translation's placeables still in ltmt's own form."""
    source = tmp_path / "en.ftl"
    source.write_text(
        "case = Hello { $User }\nattr = Log in\n    .title = Log in as { $user }\n", "utf-8"
    )
    target = tmp_path / "de.ftl"
    target.write_text(
        "case = Hallo { $user }\nattr = Anmelden\n    .title = Als { -usr } anmelden\n", "utf-8"
    )
    records = read_translations(target, source_file=source)
    problems = [placeholder_problems(r.source, r.target, r.metadata) for r in records]
    assert problems == [
        ["lacks { $User }", "adds { $user }, which the source does not have"],
        [],
        ["lacks { $user }", "adds { -usr }, which the source does not have"],
    ]


class _Labels(FakeModel):
    """Translates session 74's labels by a table (else upper-cases)."""

    def __call__(self, texts, prefer=None):
        self.seen.extend(texts)
        table = {
            "Save files to": "Dateien speichern in",
            "Open File": "Datei öffnen",
            "Open previous windows and tabs": "Fenster und Reiter öffnen",
            "Restore previous windows and tabs": "Vorherige Fenster und Reiter wiederherstellen",
        }
        return [table.get(t) or t.upper() for t in texts]


def test_a_values_and_a_dialog_buttons_access_keys_are_letters_of_their_labels(
    tmp_path: Path,
) -> None:
    """Session 74: a message labelled by ``.value`` kept the English key (``O`` for ``Datei
    öffnen``), and a dialog button's key went to the model as a string."""
    source = tmp_path / "en.ftl"
    source.write_text(
        "save-where =\n    .value = Save files to\n    .accesskey = v\n"
        "open-file =\n    .value = Open File\n    .accesskey = O\n"
        "dialog =\n    .buttonlabelaccept = Open File\n    .buttonaccesskeyaccept = O\n",
        "utf-8",
    )
    out = tmp_path / "de.ftl"
    model = _Labels()
    translate_file(source, out, model, tgt_lang="de")
    assert sorted(model.seen) == ["Open File", "Open File", "Save files to"]
    assert out.read_text("utf-8") == (
        "save-where =\n    .value = Dateien speichern in\n    .accesskey = D\n"
        "open-file =\n    .value = Datei öffnen\n    .accesskey = D\n"
        "dialog =\n    .buttonlabelaccept = Datei öffnen\n    .buttonaccesskeyaccept = D\n"
    )


def test_a_translated_message_gets_the_access_key_the_source_gained(tmp_path: Path, caplog) -> None:
    """Session 74: ``.accesskey = P`` added to the English was never added to the German
    (a new ``.style`` was), and the run said nothing."""
    source = tmp_path / "en.ftl"
    source.write_text(
        "menu-pin = Pin tab\n    .accesskey = P\n"
        "dialog-window =\n    .title = Clear recent history\n    .style = min-width: 42em\n",
        "utf-8",
    )
    out = tmp_path / "de.ftl"
    out.write_text("menu-pin = Tab anheften\ndialog-window =\n    .title = Chronik löschen\n")
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []  # the translator's messages are kept
    assert out.read_text("utf-8") == (
        "menu-pin = Tab anheften\n    .accesskey = T\n"
        "dialog-window =\n    .title = Chronik löschen\n    .style = min-width: 42em\n"
    )
    assert (
        "de.ftl: access keys added where its messages lacked the source's (menu-pin.accesskey), "
        "each a letter of its label; check that no other item of the same menu or dialog has it"
    ) in caplog.text


def test_a_reviewers_access_key_outlives_the_labels_new_translation(tmp_path: Path) -> None:
    """Session 74: the reviewer's ``F`` became the source's ``s`` when the label was translated
    again, though the new label has an F."""
    source = tmp_path / "en.ftl"
    source.write_text(
        "restore =\n    .label = Open previous windows and tabs\n    .accesskey = s\n", "utf-8"
    )
    out = tmp_path / "de.ftl"
    records = OutputSources(tmp_path / "records")  # what ltmt wrote there, to tell its own
    translate_file(source, out, _Labels(), tgt_lang="de", output_sources=records)
    assert out.read_text("utf-8").endswith("    .accesskey = s\n")
    out.write_text(out.read_text("utf-8").replace("accesskey = s", "accesskey = F"), "utf-8")
    source.write_text(source.read_text("utf-8").replace("Open previous", "Restore previous"))
    translate_file(source, out, _Labels(), tgt_lang="de", output_sources=records)
    assert out.read_text("utf-8") == (
        "restore =\n    .label = Vorherige Fenster und Reiter wiederherstellen\n"
        "    .accesskey = F\n"
    )


NESTED = "files =\n    { $n ->\n        [one]\n            { $m ->\n                [one] x\n               *[other] y\n            }\n       *[other] z\n    }\n"  # fmt: skip


def test_a_message_left_to_a_person_is_warned_of_only_where_the_output_lacks_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A select inside a select is left to a person: the warning said "left untranslated ...
    translate them by hand" as the file was read (by ``ltmt qa`` too), also of a message whose
    translation the run kept (trial s77, of YAML's); a run says it of one it leaves out."""
    source = tmp_path / "en.ftl"
    source.write_text(NESTED + "title = Your cart\n", "utf-8")
    out = tmp_path / "de.ftl"
    with caplog.at_level(logging.WARNING):
        FluentCatalog.open(source)
        assert caplog.text == ""
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert caplog.messages == [
        f"{source}: 1 message with two selects in a pattern, or one inside another, left out "
        "of the output (files); translate it by hand"
    ]
    german = NESTED.replace("] x", "] X").replace("] y", "] Y")
    out.write_text(german, "utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert caplog.text == ""
    assert out.read_text("utf-8") == german + "title = YOUR CART\n"
    assert result.report.translated_before == 1
