"""JSON message files: every string by its JSON Pointer, ARB and WebExtension conventions, the
source file's layout kept."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel, fake_translate

from ltmt.errors import InputError, UnalignedTranslationError
from ltmt.formats import json_catalog
from ltmt.formats.documents import open_document
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.json_pointer import pointer
from ltmt.formats.not_read import NotRead
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.qa.run import check_pairs, entries_of

I18NEXT = """{
  "app": {
    "title": "Notes",
    "welcome": "Welcome back, {{name}}!",
    "items_one": "{{count}} note",
    "items_other": "{{count}} notes",
    "files": "{count, plural, one {# file} other {# files}}"
  },
  "count": 3,
  "enabled": true,
  "tags": ["Urgent", "Later"],
  "a/b": "Open file"
}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pointers_escape_slashes_and_tildes() -> None:
    assert pointer(("app", "title")) == "/app/title"
    assert pointer(("tags", 0)) == "/tags/0"
    assert pointer(("a/b", "c~d")) == "/a~1b/c~0d"


def test_units_and_icu_branches(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # the numbers of two plurals in one case: which %d is which would be the model's guess
    two = '"two": "{a, plural, one {# x} other {# y}} {b, plural, one {# z} other {# w}}",\n  '
    source = _write(tmp_path, "en.json", I18NEXT.replace('"count": 3', two + '"count": 3'))
    with caplog.at_level(logging.WARNING):
        document = open_document(source, tgt_lang="de")
        units = document.units()
        assert "cannot take apart" not in caplog.text  # said by a translation run alone
        document.warn_of_untranslated()
    assert [(u.key, u.source) for u in units] == [
        ("/app/title", "Notes"),
        ("/app/welcome", "Welcome back, {{name}}!"),
        ("/app/items_one", "{{count}} note"),
        ("/app/items_other", "{{count}} notes"),
        ("/app/files#one", "%d file"),
        ("/app/files#other", "%d files"),
        ("/tags/0", "Urgent"),
        ("/tags/1", "Later"),
        ("/a~1b", "Open file"),
    ]
    assert [(u.entry, u.form, u.context) for u in units if u.entry] == [
        ("/app/files", 0, "/app/files"),
        ("/app/files", 1, "/app/files"),
    ]
    assert (
        "1 message with quotes around braces ('{name}') or a plural or select that ltmt "
        "cannot take apart (/two)" in (caplog.text)
    )


def test_an_angular_plural_with_its_placeholder_is_translated_case_by_case(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """It was left out of the output: "'{$INTERPOLATION}' is no ICU argument"."""
    plural = (
        "{VAR_PLURAL, plural, =0 {Your cart is empty} =1 {One item} "
        "other {{$INTERPOLATION} items in your cart}}"
    )
    source = _write(tmp_path, "messages.json", json.dumps({"translations": {"cart": plural}}))
    out = tmp_path / "messages.de.json"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "ICU rejects" not in caplog.text
    assert json.loads(out.read_text("utf-8"))["translations"]["cart"] == (
        "{VAR_PLURAL, plural, =0 {YOUR CART IS EMPTY} =1 {ONE ITEM} "
        "other {{$INTERPOLATION} ITEMS IN YOUR CART}}"
    )


def test_an_angular_files_locale_is_the_target_language_and_no_message(tmp_path: Path) -> None:
    """Its "en-US" was translated as a message (copied, with a note) and imported as a pair."""
    source = _write(
        tmp_path,
        "messages.json",
        json.dumps({"locale": "en-US", "translations": {"save": "Save changes"}}, indent=2),
    )
    out = tmp_path / "messages.de-CH.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de_CH")
    assert model.seen == ["Save changes"]
    assert json.loads(out.read_text("utf-8")) == {
        "locale": "de-CH",
        "translations": {"save": "SAVE CHANGES"},
    }
    records = list(JsonCatalog.pairs(out, source_file=source, tgt_lang="de_CH"))
    assert [(r.source, r.target) for r in records] == [("Save changes", "SAVE CHANGES")]


def test_a_tables_language_field_says_the_target_language_and_makes_no_pair(
    tmp_path: Path,
) -> None:
    """Session 73: "language": "en" went to the model, stayed "en", and the reviewer's "de" was
    imported as a pair en → de that then replaced every "en" as an exact match."""
    source = _write(
        tmp_path,
        "en.json",
        json.dumps(
            {
                "language": "en",
                "sourceLanguage": "en",  # another key: as before
                "ui": {"language": "en", "start": "Start Game"},  # deeper: as before
                "entries": [{"locale": "en_US", "text": "Quit Game"}],  # an item's: copied
            }
        ),
    )
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, src_lang="en", tgt_lang="de-CH")
    assert model.seen == ["en", "en", "Start Game", "Quit Game"]
    assert json.loads(out.read_text("utf-8")) == {
        "language": "de",
        "sourceLanguage": "EN",
        "ui": {"language": "EN", "start": "START GAME"},
        "entries": [{"locale": "en_US", "text": "QUIT GAME"}],
    }
    records = list(JsonCatalog.pairs(out, source_file=source, tgt_lang="de-CH"))
    assert "/language" not in [r.metadata.get("context") for r in records]
    assert "/entries/0/locale" not in [r.metadata.get("context") for r in records]


@pytest.mark.parametrize(
    "table",
    [
        {"pickLanguage": "Choose", "languages": [{"locale": "en", "name": "English"}]},
        {
            "title": "Team",
            "members": [{"name": "Al", "locale": "en"}, {"name": "Bo", "locale": "en"}],
        },
    ],
)
def test_a_language_in_an_arrays_items_is_data_and_copied(
    tmp_path: Path, table: dict[str, Any]
) -> None:
    """Trial s74: a one-language menu's ``"locale": "en"`` and sample users' were rewritten
    ``"de"`` (a menu entry "Englisch" that switches to German), and a reviewer's ``"en"`` again
    on every rerun."""
    source = _write(tmp_path, "en.json", json.dumps(table))
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), src_lang="en", tgt_lang="de")
    items = next(v for v in json.loads(out.read_text("utf-8")).values() if isinstance(v, list))
    assert [item["locale"] for item in items] == ["en"] * len(items)


def test_a_language_field_left_by_earlier_versions_makes_no_pair(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", '{"lang": "EN", "start": "Start Game"}')
    for written in ("EN", "DE", "Englisch"):
        out = _write(tmp_path, "de.json", json.dumps({"lang": written, "start": "Spiel starten"}))
        records = list(JsonCatalog.pairs(out, source_file=source, tgt_lang="de"))
        assert [(r.source, r.target) for r in records] == [("Start Game", "Spiel starten")]


def test_a_language_field_of_another_language_or_of_a_word_is_no_code(tmp_path: Path) -> None:
    source = _write(
        tmp_path, "en.json", '{"language": "Language", "locale": "fr", "lang": "Any", "a": "b c"}'
    )
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de-CH")
    assert model.seen == ["Language", "Any", "b c"]
    assert json.loads(out.read_text("utf-8"))["locale"] == "fr"


def test_a_skipped_language_field_is_copied(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", '{"language": "en", "start": "Start Game"}')
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de", skip_keys=frozenset({"language"}))
    assert json.loads(out.read_text("utf-8")) == {"language": "en", "start": "START GAME"}


def test_an_angular_files_locale_keeps_angulars_spelling(tmp_path: Path) -> None:
    """Angular's locale is the target language as given, not a region CLDR gives it."""
    source = _write(
        tmp_path, "messages.json", json.dumps({"locale": "en-US", "translations": {"a": "Save"}})
    )
    out = tmp_path / "messages.de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8"))["locale"] == "de"


def test_icu_branches_translated_and_assembled(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "en.json",
        '{"n": "You have {count, plural, =0 {no notes} one {# note} other {# notes}}.",'
        ' "g": "{who, select, female {She left} other {They left}}"}',
    )
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "n": "{count, plural, =0 {YOU HAVE NO NOTES.} one {YOU HAVE # NOTE.} "
        "other {YOU HAVE # NOTES.}}",
        "g": "{who, select, female {SHE LEFT} other {THEY LEFT}}",
    }
    russian = open_document(source, tgt_lang="ru").units()
    assert [u.key for u in russian][:4] == ["/n#=0", "/n#one", "/n#few", "/n#many"]
    assert [u.source for u in russian][4] == "You have %d notes."  # from 'other'
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert (records[1].source, records[1].target) == ("You have %d note.", "YOU HAVE %d NOTE.")
    # the file's # kept with the pair, which an export other than JSON Lines writes
    assert records[1].metadata == {"context": "/n", "plural": 1, "placeholders": {"%d": "#"}}
    assert records[3].metadata == {"context": "/g"}  # a select's case: no number


def test_an_icu_ordinal_gets_the_target_languages_ordinal_branches(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "en.json",
        '{"rank": "You came {place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}"}',
    )
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    # German has one ordinal category; the model saw "You came 4th", its 4 is the number again
    assert json.loads(out.read_text("utf-8")) == {
        "rank": "{place, selectordinal, other {YOU CAME #TH}}"
    }
    french = open_document(source, tgt_lang="fr").units()
    assert [(u.key, u.source) for u in french] == [
        ("/rank#one", "You came 1st"),
        ("/rank#other", "You came 4th"),
    ]
    # read back as pairs, or to go on with the file: the number as the source's case has it
    german = '{"rank": "{place, selectordinal, other {Du bist #. geworden}}"}'
    out.write_text(german, encoding="utf-8")
    [record] = JsonCatalog.pairs(out, source_file=source)
    assert (record.source, record.target) == ("You came 4th", "Du bist 4. geworden")
    again = tmp_path / "again.json"
    again.write_text(german, encoding="utf-8")
    translate_file(source, again, FakeModel(), tgt_lang="de")
    assert json.loads(again.read_text("utf-8")) == json.loads(german)


def test_nested_icu_arguments_translated_case_by_case(tmp_path: Path) -> None:
    message = (
        "{gender, select, female {She shared {n, plural, one {# photo} other {# photos}}.} "
        "other {They shared {n, plural, one {# photo} other {# photos}}.}}"
    )
    source = _write(tmp_path, "en.json", json.dumps({"shared": message}))
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [
        ("/shared#female|one", "She shared %d photo."),
        ("/shared#female|other", "She shared %d photos."),
        ("/shared#other|one", "They shared %d photo."),
        ("/shared#other|other", "They shared %d photos."),
    ]
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "shared": "{gender, select, "
        "female {{n, plural, one {SHE SHARED # PHOTO.} other {SHE SHARED # PHOTOS.}}} "
        "other {{n, plural, one {THEY SHARED # PHOTO.} other {THEY SHARED # PHOTOS.}}}}"
    }
    model = FakeModel()  # a second run reads every case back from the output
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target) for r in records][1] == (
        "She shared %d photos.",
        "SHE SHARED %d PHOTOS.",
    )


def test_an_adopted_icu_message_is_kept_as_the_translator_wrote_it(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", '{"n": "{c, plural, one {# note} other {# notes}}"}')
    kept = "{c, plural, =0 {Keine}  one {Eine Notiz} other {# Notizen}}"
    out = _write(tmp_path, "de.json", json.dumps({"n": kept}))
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert json.loads(out.read_text("utf-8")) == {"n": kept}


def test_an_arb_plural_with_exact_one_gets_no_german_one(tmp_path: Path) -> None:
    """A German ``one`` after ``=1`` was added, to a person's translation kept too, and Flutter
    showed it for 1 (it reads a plural's branches last to first)."""
    hikes = "{count, plural, =0{No hikes} =1{One hike} other{{count} hikes}}"
    source = _write(tmp_path, "app_en.arb", json.dumps({"hikes": hikes, "more": hikes}))
    kept = "{count, plural, =0 {Keine} =1 {Eine Wanderung} other {{count} Wanderungen}}"
    out = _write(tmp_path, "app_de.arb", json.dumps({"hikes": kept}))
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "hikes": kept,
        "more": "{count, plural, =0 {NO HIKES} =1 {ONE HIKE} other {{count} HIKES}}",
    }


def test_a_message_left_to_a_person_is_warned_of_only_when_left_untranslated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The warning was printed though the output kept a person's translation of the message,
    and by memory import and qa, which translate nothing (an import says the translation is
    not imported: :func:`test_a_persons_translation_of_a_message_left_untranslated_is_counted`)."""
    source = _write(tmp_path, "app_en.arb", json.dumps({"help": "Use '{name}' here."}))
    out = _write(tmp_path, "app_de.arb", json.dumps({"help": "Mit '{name}' hier."}))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
        list(JsonCatalog.pairs(out, source_file=source, purpose="checked"))
    assert "cannot take apart" not in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        list(JsonCatalog.pairs(out, source_file=source))
    assert "left out untranslated" not in caplog.text
    assert "not imported (/help)" in caplog.text
    caplog.clear()
    out.unlink()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert caplog.messages == [
        f"{source}: 1 message with ICU quoting or a plural or select that ltmt cannot take "
        "apart (/help) left out untranslated; translate it by hand"
    ]


def test_a_kept_translation_with_an_outdated_placeholder_is_warned_of(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A kept ``{time}`` for a source now using ``{date}`` was kept silently (qa caught it).
    The warning says what qa says of it (trial s75: "a placeholder the source no longer has"
    was said of one the source never had)."""
    source = _write(tmp_path, "app_en.arb", json.dumps({"synced": "Last synced on {date}"}))
    out = _write(tmp_path, "app_de.arb", json.dumps({"synced": "Zuletzt synchronisiert: {time}"}))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert caplog.messages == [
        f"{out}: 1 translation kept whose placeholders are not the source's (/synced: lacks "
        "{date}, adds {time}, which the source does not have); fix it there, or delete it there "
        "to translate it again"
    ]
    assert json.loads(out.read_text("utf-8")) == {"synced": "Zuletzt synchronisiert: {time}"}


@pytest.mark.parametrize(
    ("english", "german", "warned"),
    [
        # numbered printf arguments reorder the source's (ltmt qa agrees)
        ("Hello %s, you have %d new messages", "Hallo %1$s, Sie haben %2$d neue Nachrichten", ""),
        ("%s of %d", "%2$d von %1$s", ""),
        # a number the source does not have stays warned of; so does an i18next format qa flags
        ("%s of %d", "%3$d von %1$s", "/a: lacks %d, adds %3$d"),
        (
            "You have {{count}} items",
            "Sie haben {{count, number}} Artikel",
            "/a: lacks {{count}}, adds {{count, number}}",
        ),
    ],
)
def test_a_numbered_printf_argument_is_the_sources_reordered(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, english: str, german: str, warned: str
) -> None:
    """A kept ``%1$s``/``%2$d`` for a source's ``%s``/``%d`` was warned of as a placeholder
    the source no longer has; it is the source's arguments, numbered to reorder them."""
    source = _write(tmp_path, "en.json", json.dumps({"a": english}))
    out = _write(tmp_path, "de.json", json.dumps({"a": german}))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    outdated = [m for m in caplog.messages if "are not the source" in m]
    assert outdated == (
        [
            f"{out}: 1 translation kept whose placeholders are not the source's ({warned}, "
            "which the source does not have); fix it there, or delete it there to translate "
            "it again"
        ]
        if warned
        else []
    )


@pytest.mark.parametrize(
    ("english", "german", "warned"),
    [
        ("{count, plural, one {One file} other {# files}}", "{count} Dateien", ""),
        ("{count, plural, one {One file} other {{count} files}}", "# Dateien", ""),
        # with an offset, # is count - 1: another number
        (
            "{count, plural, offset:1 one {You} other {You and # others}}",
            "Du und {count} andere",
            "/inbox: lacks #, adds {count}",  # as ltmt qa says it of /inbox#other: the file's #
        ),
    ],
)
def test_a_plurals_number_as_hash_or_its_argument_is_one_placeholder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, english: str, german: str, warned: str
) -> None:
    """Inside a plural ``#`` and ``{count}`` show the same value: no outdated placeholder."""
    source = _write(tmp_path, "en.json", json.dumps({"inbox": english}))
    other = f"{{count, plural, one {{Eine}} other {{{german}}}}}"
    if "offset" in english:
        other = f"{{count, plural, offset:1 one {{Du}} other {{{german}}}}}"
    out = _write(tmp_path, "de.json", json.dumps({"inbox": other}))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    outdated = [m for m in caplog.messages if "are not the source" in m]
    assert outdated == (
        [
            f"{out}: 1 translation kept whose placeholders are not the source's ({warned}, "
            "which the source does not have); fix it there, or delete it there to translate "
            "it again"
        ]
        if warned
        else []
    )


def test_an_arb_plurals_zero_is_kept_and_translated(tmp_path: Path) -> None:
    """The source's ``zero`` was dropped for German, which has none; Flutter reads it for 0."""
    photos = "{count, plural, zero{No photos yet} one{1 photo} few{{count} photos} other{{count} photos}}"
    source = _write(tmp_path, "app_en.arb", json.dumps({"photos": photos}))
    out = tmp_path / "app_de.arb"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8"))["photos"] == (
        "{count, plural, zero {NO PHOTOS YET} one {1 PHOTO} other {{count} PHOTOS}}"
    )
    plain = _write(tmp_path, "en.json", json.dumps({"photos": photos}))
    translate_file(plain, tmp_path / "de.json", FakeModel(), tgt_lang="de")  # ICU: no zero
    assert "zero" not in json.loads((tmp_path / "de.json").read_text("utf-8"))["photos"]


def test_translated_file_keeps_indentation_order_and_other_values(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", I18NEXT)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    text = out.read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n  "app": {\n    "title": "NOTES",' in text
    assert json.loads(text) == {
        "app": {
            "title": "NOTES",
            "welcome": "WELCOME BACK, {{name}}!",
            "items_one": "{{count}} NOTE",
            "items_other": "{{count}} NOTES",
            "files": "{count, plural, one {# FILE} other {# FILES}}",
        },
        "count": 3,
        "enabled": True,
        "tags": ["URGENT", "LATER"],
        "a/b": "OPEN FILE",
    }


def test_objects_and_arrays_on_one_line_stay_on_one_line(tmp_path: Path) -> None:
    """A shop feed's one-line ``"price": {...}`` and ``"bullets": [...]`` were written over
    several lines each: they keep their line, translated inside, nested ones too, and an object
    written over several lines keeps its lines."""
    source = _write(
        tmp_path,
        "feed.json",
        """{
  "products": [
    {
      "price": {"amount": 19.99, "currency": "USD", "display": "Price: $19.99"},
      "bullets": ["Non-slip surface", "Thick"],
      "box": {"size": [30, 60], "label": "Fragile"},
      "seo": {
        "title": "Yoga mat"
      }
    }
  ]
}
""",
    )
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        """{
  "products": [
    {
      "price": {"amount": 19.99, "currency": "USD", "display": "PRICE: $19.99"},
      "bullets": ["NON-SLIP SURFACE", "THICK"],
      "box": {"size": [30, 60], "label": "FRAGILE"},
      "seo": {
        "title": "YOGA MAT"
      }
    }
  ]
}
"""
    )


@pytest.mark.parametrize(
    "placeholders",
    [
        '{ "count": { "content": "$1", "example": "3" } }',
        '{"count":{"content":"$1","example":"3"}}',
    ],
)
def test_one_line_objects_keep_their_inner_spacing(tmp_path: Path, placeholders: str) -> None:
    """``{ "count": { "content": "$1" } }`` was written ``{"count": {"content": "$1"}}``, a
    diff line in every message of a WebExtension catalog."""
    text = '{\n  "n": {\n    "message": "$COUNT$ tabs",\n    "placeholders": %s\n  }\n}\n'
    source = _write(tmp_path, "messages.json", text % placeholders)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (text % placeholders).replace("tabs", "TABS")


@pytest.mark.parametrize("text", ['{ "a": "Open", "b": ["Save"] }', '{"a":"Open","b":["Save"]}'])
def test_a_file_on_one_line_keeps_its_spacing(tmp_path: Path, text: str) -> None:
    source = _write(tmp_path, "en.json", text)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == text.replace("Open", "OPEN").replace("Save", "SAVE")


CONTENTFUL_RICH_TEXT = """{
  "content": [
    {"nodeType": "hyperlink", "data": {"uri": "https:\\/\\/acme.example\\/checklist"}, "content": [
      {"nodeType": "text", "value": "Download our checklist", "marks": [], "data": {}}
    ]},
    {"nodeType": "list-item", "data": {}, "content": [
      {"nodeType": "paragraph", "data": {}, "content": [
        {"nodeType": "text", "value": "Pick one metric", "marks": [], "data": {}}
      ]}
    ]}
  ]
}
"""


@pytest.mark.parametrize(
    ("text", "translated"),
    [
        # Contentful's rich text: an object opens on a line with its children below (trial
        # s75: a list of 10 lines was written in 26, every \\/ as /)
        (
            CONTENTFUL_RICH_TEXT,
            {
                '"hyperlink"': '"HYPERLINK"',
                '"text"': '"TEXT"',
                '"Download our checklist"': '"DOWNLOAD OUR CHECKLIST"',
                '"list-item"': '"LIST-ITEM"',
                '"paragraph"': '"PARAGRAPH"',
                '"Pick one metric"': '"PICK ONE METRIC"',
            },
        ),
        # Prettier: a short object on one line beside expanded ones, one padded
        (
            '{\n  "menu": { "save": "Save", "close": "Close" },\n  "help": {\n'
            '    "title": "Help",\n    "items": ["Guide", "Support"]\n  }\n}\n',
            {'"Save"': '"SAVE"', '"Close"': '"CLOSE"', '"Help"': '"HELP"'}
            | {'"Guide"': '"GUIDE"', '"Support"': '"SUPPORT"'},
        ),
        # jq: every array item on its line, empty containers, numbers as written
        (
            '{\n  "tags": [\n    "Urgent",\n    "Later"\n  ],\n  "none": [],\n  "meta": {},\n'
            '  "price": 1.50,\n  "big": 1e5\n}\n',
            {'"Urgent"': '"URGENT"', '"Later"': '"LATER"'},
        ),
        # Python's json.dumps(indent=4) in ASCII: its \\u escapes, kept where untranslated
        (
            '{\n    "title": "Gr\\u00f6\\u00dfe",\n    "city": "Z\\u00fcrich",\n'
            '    "n": {\n        "x": "caf\\u00e9"\n    }\n}',
            {'"Gr\\u00f6\\u00dfe"': '"GR\\u00d6SSE"', '"Z\\u00fcrich"': '"Z\\u00dcRICH"'}
            | {'"caf\\u00e9"': '"CAF\\u00c9"'},
        ),
        # minified, and spaced otherwise than json.dumps spaces, tabs
        ('{"a":"Open","b":{"c":["Save",1]}}', {'"Open"': '"OPEN"', '"Save"': '"SAVE"'}),
        (
            '{\n\t"a" : "Open",\n\n\t"b" :\t"Save"\n}  \n\n',
            {'"Open"': '"OPEN"', '"Save"': '"SAVE"'},
        ),
    ],
    ids=["contentful", "prettier", "jq", "json-dumps-indent-4-ascii", "minified", "tabs"],
)
def test_the_sources_layout_is_kept_byte_for_byte_outside_translated_strings(
    tmp_path: Path, text: str, translated: dict[str, str]
) -> None:
    source = _write(tmp_path, "en.json", text)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    expected = text
    for old, new in translated.items():
        expected = expected.replace(old, new)
    assert out.read_text("utf-8") == expected


def test_a_bom_crlf_and_no_final_newline_are_kept_with_the_layout(tmp_path: Path) -> None:
    text = '{\r\n  "a": {"b": "Open", "c": [\r\n    "Save"\r\n  ]}\r\n}'
    source = tmp_path / "en.json"
    source.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    expected = text.replace("Open", "OPEN").replace("Save", "SAVE")
    assert out.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")


def test_a_translation_with_a_slash_is_written_as_before_in_a_file_with_escaped_ones(
    tmp_path: Path,
) -> None:
    """The source's ``\\/`` is kept where its string is not translated; a translation is written
    as json.dumps writes it, as it was."""
    text = '{\n  "url": "https:\\/\\/acme.example\\/blog",\n  "a": "Read and/or write"\n}\n'
    source = _write(tmp_path, "en.json", text)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == text.replace("Read and/or write", "READ AND/OR WRITE")


def test_a_message_left_out_writes_the_file_with_its_one_line_containers(tmp_path: Path) -> None:
    """Where the output's keys differ from the source's (a message ICU rejects, left out), it is
    written again, its one-line containers on one line, as before."""
    text = '{\n  "a": {"b": "Open", "c": [\n    "Save"\n  ]},\n  "bad": "{n, plural, one {# file}}"\n}\n'
    source = _write(tmp_path, "en.json", text)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        '{\n  "a": {\n    "b": "OPEN",\n    "c": [\n      "SAVE"\n    ]\n  }\n}\n'
    )


def test_arb_metadata_and_locale(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "app_en.arb",
        json.dumps(
            {
                "@@locale": "en",
                "@@last_modified": "2026-01-01",
                "hello": "Hello World!",
                "@hello": {"description": "A greeting"},
            }
        ),
    )
    out = tmp_path / "app_de.arb"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = json.loads(out.read_text(encoding="utf-8"))
    assert list(written) == ["@@locale", "@@last_modified", "hello"]
    assert (written["@@locale"], written["hello"]) == ("de", "HELLO WORLD!")
    # the time of writing, not the template's (arb_metadata)
    assert written["@@last_modified"] > "2026-01-01T"


def test_webextension_messages_translate_only_the_message(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "messages.json",
        '{"save": {"message": "Save tabs", "description": "Button"}, "x": {"message": "Größe"}}',
    )
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text(encoding="utf-8")) == {
        "save": {"message": "SAVE TABS", "description": "Button"},
        "x": {"message": "GRÖSSE"},
    }


# Electron's dialog.showMessageBox options as i18next files hold them (user trial s72)
_DIALOG = {
    "title": "Unsaved changes",
    "message": "Do you want to save your changes?",
    "detail": "Your changes will be lost if you don't save them.",
    "buttons": {"save": "&Save", "cancel": "Cancel"},
}


@pytest.mark.parametrize(
    "data",
    [
        {"unsaved": _DIALOG, "other": {"title": "Unsaved changes"}},
        {"dialogs": {"unsaved": _DIALOG}, "save": "Save"},
    ],
    ids=["top-level", "nested"],
)
def test_an_object_with_a_message_beside_other_strings_is_no_webextension_message(
    tmp_path: Path, data: dict
) -> None:
    """An Electron dialog's ``title`` and ``detail`` beside its ``message`` were copied in
    English: any object with a string ``message`` was taken for a WebExtension message (only
    its ``message`` text). Only an object of that shape is one."""
    source = _write(tmp_path, "en.json", json.dumps(data))
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == _translated(data)
    assert "Unsaved changes" not in out.read_text("utf-8")


NESTED_MESSAGES = {
    "header": {
        "brand": {"message": "Quick Notes", "description": "Product name, do not translate"},
        "tagline": {"message": "Write it down", "description": "Shown under the logo"},
        "quit": {"message": "Quit $N$?", "placeholders": {"n": {"content": "$1"}}},
    },
}


def test_an_object_of_a_messages_shape_at_any_depth_is_a_message(tmp_path: Path) -> None:
    """A nested ``{"message", "description"}``'s note was translated, and its "do not
    translate" ignored (regression trial s72): its message alone is text, as at the top."""
    source = _write(tmp_path, "en.json", json.dumps(NESTED_MESSAGES))
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    header = NESTED_MESSAGES["header"]
    assert json.loads(out.read_text("utf-8")) == {
        "header": {
            "brand": header["brand"],
            "tagline": {**header["tagline"], "message": "WRITE IT DOWN"},
            "quit": {**header["quit"], "message": "QUIT $N$?"},
        }
    }
    assert sorted(model.seen) == ["Quit $N$?", "Write it down"]
    reviewed = json.loads(out.read_text("utf-8"))
    reviewed["header"]["tagline"]["message"] = "Schreib es auf"
    out.write_text(json.dumps(reviewed), "utf-8")
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert sorted((r.source, r.target) for r in records) == [
        ("Quit $N$?", "QUIT $N$?"),
        ("Write it down", "Schreib es auf"),
    ]
    assert entries_of(list(read_translations(out, source_file=source))) == 2  # what qa checks


def _translated(value: object) -> object:
    """``value`` with every string as :class:`FakeModel` translates it."""
    if isinstance(value, dict):
        return {key: _translated(item) for key, item in value.items()}
    return fake_translate(value) if isinstance(value, str) else value


def test_a_reviewers_german_beside_an_objects_message_is_kept_and_imported(
    tmp_path: Path,
) -> None:
    """A reviewer's German in an Electron dialog's ``title`` and ``detail`` went back to
    English on the rerun (``2 translated already, kept as they are``), memory import stored
    only its ``message`` (``1 added``) and qa saw that one alone."""
    records = OutputSources(tmp_path / "records")
    source = _write(tmp_path, "en.json", json.dumps({"unsaved": _DIALOG}))
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    reviewed = {
        "unsaved": {
            "title": "Ungespeicherte Änderungen",
            "message": "Möchtest du deine Änderungen speichern?",
            "detail": "Deine Änderungen gehen verloren, wenn du sie nicht speicherst.",
            "buttons": {"save": "&Speichern", "cancel": "Abbrechen"},
        }
    }
    out.write_text(json.dumps(reviewed, ensure_ascii=False, indent=2), "utf-8")
    data = {"unsaved": _DIALOG, "quit": "Quit"}  # an unrelated key added
    source.write_text(json.dumps(data), "utf-8")
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de", output_sources=records)
    assert model.seen == ["Quit"]
    assert json.loads(out.read_text("utf-8")) == {**reviewed, "quit": "QUIT"}
    assert result.report.translated_before == 5
    records_read = list(JsonCatalog.pairs(out, source_file=source))
    assert {(r.source, r.target) for r in records_read} == {
        ("Unsaved changes", "Ungespeicherte Änderungen"),
        ("Do you want to save your changes?", "Möchtest du deine Änderungen speichern?"),
        (
            "Your changes will be lost if you don't save them.",
            "Deine Änderungen gehen verloren, wenn du sie nicht speicherst.",
        ),
        ("&Save", "&Speichern"),
        ("Cancel", "Abbrechen"),
        ("Quit", "QUIT"),
    }
    assert all(r.metadata.get("flags") is None for r in records_read)
    assert entries_of(list(read_translations(out, source_file=source))) == 6  # what qa checks


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ({"message": "Tab Keeper", "description": "Do not translate"}, True),
        ({"message": "Tab Keeper", "title": "Tabs", "description": "Do not translate"}, False),
    ],
)
def test_only_a_message_objects_description_says_not_to_translate(
    tmp_path: Path, message: dict, kept: bool
) -> None:
    """The ``description`` of an object of strings is one of them, no note on its
    ``message``."""
    source = _write(tmp_path, "en.json", json.dumps({"name": message}))
    keys = [u.key for u in open_document(source, tgt_lang="de").units()]
    assert ("/name/message" not in keys) is kept
    assert ("/name/description" in keys) is not kept


def test_ascii_escapes_are_kept_where_the_source_uses_them(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", '{"a": "caf\\u00e9"}\n')
    out = tmp_path / "de.json"
    translate_file(source, out, lambda texts, prefer: ["Café"] * len(texts), tgt_lang="de")
    assert out.read_text(encoding="utf-8") == '{"a": "Caf\\u00e9"}\n'


def _german(texts: list[str], prefer: object = None) -> list[str]:
    german = {"Size": "Größe", "Street": "Straße", "Price:\u00a0{amount}": "Preis:\u00a0{amount}"}
    return [german[text] for text in texts]


@pytest.mark.parametrize("existing", [None, '{\n    "own": "x"\n}\n'], ids=["new", "rewritten"])
@pytest.mark.parametrize(
    ("source", "written"),
    [
        # ASCII with one deliberate escape (trial s76): the umlauts raw, the escape kept
        ('"Price:\\u00a0{amount}"', ['"Preis:\\u00a0{amount}"', '"Größe"', '"Straße"']),
        # every non-ASCII escaped (an exporter's ASCII): everything escaped
        ('"Price:\\u00a0{amount}", "x": "\\u2026"', ['"Gr\\u00f6\\u00dfe"', '"Stra\\u00dfe"']),
        # plain UTF-8: nothing escaped
        ('"Price:\u00a0{amount}"', ['"Preis:\u00a0{amount}"', '"Größe"', '"Straße"']),
        # UTF-8 with the no-break space escaped: it alone
        ('"Price:\\u00a0{amount}", "x": "…"', ['"Preis:\\u00a0{amount}"', '"Größe"']),
    ],
    ids=["ascii-one-escape", "all-escaped", "utf8", "utf8-one-escape"],
)
def test_a_translation_escapes_what_the_source_escapes_by_kind(
    tmp_path: Path, source: str, written: list[str], existing: str | None
) -> None:
    """One ``\\u00a0`` in an English file made the German one escape every umlaut."""
    text = f'{{\n  "price": {source},\n  "size": "Size",\n  "street": "Street"\n}}\n'
    english = _write(tmp_path, "en.json", text.replace('"x": "…"', '"x": "\u2026"'))
    out = tmp_path / "de.json"
    if existing is not None:  # written again by json_layout, not in place
        out.write_text(existing, encoding="utf-8")
    translate_file(english, out, _german, tgt_lang="de")
    german = out.read_text(encoding="utf-8")
    assert all(item in german for item in written), german
    assert ('"own": "x"' in german) is (existing is not None)


def test_a_rerun_keeps_a_translators_utf8_though_the_source_escapes_everything(
    tmp_path: Path,
) -> None:
    english = '{\n  "size": "Size \\u00e9",\n  "street": "Street"\n}\n'
    source = _write(tmp_path, "en.json", english)
    out = _write(tmp_path, "de.json", '{\n    "size": "Größe\u00a0é"\n}\n')
    translate_file(source, out, _german, tgt_lang="de")
    assert out.read_text(encoding="utf-8") == (
        '{\n    "size": "Größe\u00a0é",\n    "street": "Straße"\n}\n'
    )


def test_empty_strings_and_spaces_are_copied_not_dropped(tmp_path: Path) -> None:
    """A key whose value is empty or only spaces was left out of the translated file (the
    app's key structure changed): it is copied as written, never sent to the model and makes
    no pair."""
    text = '{"title": "Dawnfall", "empty": "", "space": " ", "start": "Start the game"}'
    source = _write(tmp_path, "en.json", text)
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Dawnfall", "Start the game"]
    written = json.loads(out.read_text("utf-8"))
    assert written == {"title": "DAWNFALL", "empty": "", "space": " ", "start": "START THE GAME"}
    assert {record.source for record in JsonCatalog.pairs(out, source_file=source)} == {
        "Dawnfall",
        "Start the game",
    }


def test_update_keeps_existing_and_extra_strings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output so far is read once (it was loaded twice to adopt it, and again to write
    its extra strings)."""
    source = _write(tmp_path, "en.json", I18NEXT)
    out = _write(tmp_path, "de.json", '{"app": {"title": "Notizen"}, "old": {"x": "Alt"}}')
    read: list[Path] = []

    def read_bytes(path: Path, what: str) -> bytes:
        read.append(Path(path))
        return Path(path).read_bytes()

    monkeypatch.setattr(json_catalog, "read_bytes", read_bytes)
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert read.count(out) == 1
    assert "Notes" not in model.seen
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["app"]["title"] == "Notizen"
    assert data["old"] == {"x": "Alt"}
    assert data["app"]["welcome"] == "WELCOME BACK, {{name}}!"


@pytest.mark.parametrize(
    ("message", "obsolete"),
    [
        ("defaultMessage", {"description": "Button label", "defaultMessage": "Abbrechen"}),
        ("message", {"message": "Abbrechen", "description": "x", "placeholders": {"n": {}}}),
        ("defaultMessage", {"old": {"defaultMessage": "Alt", "description": "x"}, "n": 2}),
    ],
)
def test_an_obsolete_message_object_is_kept_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, message: str, obsolete: dict
) -> None:
    """A FormatJS (or Crowdin) message de.json had and en.json no longer has was kept at the
    end as ``{"defaultMessage": "Abbrechen"}``: its ``description`` (every other field) lost."""
    source = _write(tmp_path, "en.json", json.dumps({"save": {message: "Save", "id": "s"}}))
    so_far = {"save": {message: "Speichern", "id": "s"}, "settings.cancel": obsolete}
    out = _write(tmp_path, "de.json", json.dumps(so_far, indent=2))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "kept at the end; delete" in caplog.text
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == so_far
    assert list(written["settings.cancel"]) == list(obsolete)  # in its order


def test_a_crowdin_message_is_the_translation_of_a_formatjs_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A de.json in Crowdin's shape (``message``) beside a FormatJS en.json (``defaultMessage``)
    got the machine's ``Hölle, {name}!`` as ``defaultMessage`` with the person's ``message``
    beside it, which the warning said was kept at the end."""
    en = {
        "app.greeting": {"defaultMessage": "Hello, {name}!", "description": "Greeting"},
        "cancel": {"defaultMessage": "Cancel", "description": "Button label"},
    }
    de = {
        "app.greeting": {"message": "Hallo, {name}!", "description": "Greeting"},
        "settings.save": {"message": "Speichern", "description": "Button label"},
    }
    source = _write(tmp_path, "en.json", json.dumps(en))
    out = _write(tmp_path, "de.json", json.dumps(de, indent=2))
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert "Hello, {name}!" not in model.seen
    assert json.loads(out.read_text(encoding="utf-8")) == {
        "app.greeting": {"defaultMessage": "Hallo, {name}!", "description": "Greeting"},
        "cancel": {"defaultMessage": "CANCEL", "description": "Button label"},
        "settings.save": {"message": "Speichern", "description": "Button label"},
    }
    assert "1 string not in " in caplog.text
    assert "en.json (/settings.save/message) kept at the end" in caplog.text


@pytest.mark.parametrize("formatjs", [False, True])
def test_qa_checks_a_branching_message_whose_branches_differ_whole(
    tmp_path: Path, formatjs: bool
) -> None:
    """``{anzahl, plural, ...}`` for ``{count, plural, ...}`` and ``weiblich {...}`` for
    ``female {...}`` passed ``ltmt qa`` (``--check icu`` too): the translation was read branch
    by branch, which lost the renamed argument and the translated keys."""

    def messages(values: dict[str, str]) -> str:
        wrapped = {k: {"defaultMessage": v, "description": "n"} for k, v in values.items()}
        return json.dumps(wrapped if formatjs else values)

    source = _write(
        tmp_path,
        "en.json",
        messages(
            {
                "files": "{count, plural, one {# file} other {# files}}",
                "liked": "{gender, select, female {She} male {He} other {They}} liked it",
                "ok": "{count, plural, one {# file} other {# files}}",
            }
        ),
    )
    out = _write(
        tmp_path,
        "de.json",
        messages(
            {
                "files": "{anzahl, plural, one {# Datei} other {# Dateien}}",
                "liked": "{gender, select, weiblich {Sie} male {Er} other {Sie}} mochte es",
                "ok": "{count, plural, one {# Datei} other {# Dateien}}",
            }
        ),
    )
    suffix = "/defaultMessage" if formatjs else ""
    records = list(read_translations(out, source_file=source, purpose="checked"))
    found = check_pairs(records, checks=["icu"]).findings
    assert [(f.position.rpartition(": ")[2], f.message) for f in found] == [
        (
            f"/files{suffix}",
            "renames the argument {count} to {anzahl}: keep the source's name, which the "
            "program passes",
        ),
        (
            f"/liked{suffix}",
            "select {gender} has the keys weiblich, male, other for the source's female, "
            "male, other: keep the source's keys, the values the program passes",
        ),
    ]
    assert f"/ok{suffix}#one" in {r.position.rpartition(": ")[2] for r in records}  # in parts
    imported = {r.source for r in read_translations(out, source_file=source)}
    assert "{count, plural, one {# file} other {# files}}" not in imported  # as before


def test_qa_reads_a_message_that_adds_or_drops_a_case_branch_by_branch(tmp_path: Path) -> None:
    """A translation that added =0 to a plural, or left a select's case out, was checked whole:
    '[numbers] has the number 0, which the source does not' and '[formality] mixes informal
    address (dich, Du) and formal (Sie)' from its joined branches; its branches are the
    source's, each checked on its own, as before."""
    source = _write(
        tmp_path,
        "en.json",
        json.dumps(
            {
                "files": "{count, plural, one {# file} other {# files}}",
                "invite": "{gender, select, female {She invited you} male {He invited you} "
                "other {They invited you}}",
            }
        ),
    )
    out = _write(
        tmp_path,
        "de.json",
        json.dumps(
            {
                "files": "{count, plural, =0 {Keine Dateien} one {# Datei} other {# Dateien}}",
                "invite": "{gender, select, female {Sie hat dich eingeladen} "
                "other {Du wurdest eingeladen}}",
            }
        ),
    )
    records = list(read_translations(out, source_file=source, purpose="checked"))
    positions = {r.position.rpartition(": ")[2] for r in records}
    assert {"/files#one", "/files#other", "/invite#female", "/invite#other"} <= positions
    messages = [f.message for f in check_pairs(records).findings]
    assert not [m for m in messages if "number 0" in m or "mixes" in m]


def test_untranslated_strings_and_partial_arrays_are_left_out(tmp_path: Path) -> None:
    document = JsonCatalog.open(_write(tmp_path, "en.json", I18NEXT), tgt_lang="de")
    document.fill({"/app/title": "Notizen", "/tags/0": "Dringend"})
    out = tmp_path / "de.json"
    document.save(out)
    assert json.loads(out.read_text(encoding="utf-8")) == {
        "app": {"title": "Notizen"},
        "count": 3,
        "enabled": True,
    }


def test_pairs_beside_the_source_file(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", I18NEXT)
    target = _write(tmp_path, "de.json", '{"app": {"title": "Notizen", "welcome": ""}}')
    records = list(JsonCatalog.pairs(target, source_file=source))
    assert [(r.source, r.target, dict(r.metadata)) for r in records] == [
        ("Notes", "Notizen", {"context": "/app/title"})
    ]
    with pytest.raises(InputError, match=r"de.json: a JSON message file holds one language"):
        JsonCatalog.pairs(target)


def test_a_translation_that_is_no_icu_message_of_the_sources_cases_is_paired_whole(
    tmp_path: Path,
) -> None:
    message = "{n, plural, one {# file} other {# files}}"
    source = _write(tmp_path, "en.json", json.dumps({"files": message, "s": message}))
    broken = "{n, Plural, one {# Datei} andere {# Dateien}}"
    good = "{n, plural, one {# Datei} other {# Dateien}}"
    target = _write(tmp_path, "de.json", json.dumps({"files": broken, "s": good}))
    records = list(JsonCatalog.pairs(target, source_file=source))
    assert [(r.source, r.target, r.position) for r in records] == [
        (message, broken, f"{target}: /files"),
        ("%d file", "%d Datei", f"{target}: /s#one"),
        ("%d files", "%d Dateien", f"{target}: /s#other"),
    ]


def test_a_key_written_twice_is_read_as_json_parsers_read_it_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(
        tmp_path,
        "app_en.arb",
        '{"@@locale": "en", "save": "Save", "open": "Open", "save": "Save file",\n'
        ' "menu": [{"label": "A", "label": "B"}], "@save": {}, "@save": {}}',
    )
    out = tmp_path / "app_de.arb"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "@@locale": "de",
        "save": "SAVE FILE",
        "open": "OPEN",
        "menu": [{"label": "B"}],
    }
    warnings = [r.getMessage() for r in caplog.records if "more than once" in r.getMessage()]
    assert warnings == [
        f"{source}: 3 keys defined more than once (/save, /@save, /menu/0/label); only the "
        "last is read, as the app's JSON parser reads it: delete the others"
    ]
    out.write_text('{"open": "Auf", "open": "Öffnen"}', "utf-8")  # the translation so far
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8"))["open"] == "Öffnen"
    assert caplog.text.count(f"{out}: 1 key defined more than once (/open)") == 1


@pytest.mark.parametrize(
    ("name", "text", "twice", "expected"),
    [
        # a WebExtension's messages.json
        (
            "messages.json",
            '{"save": {"message": "Save"},\n"save": {"message": "Save file"}}',
            "/save",
            {"save": {"message": "SAVE FILE"}},
        ),
        # i18next: a key written twice inside a key written twice is named too
        (
            "en.json",
            '{"menu": {"open": "Open", "open": "Open..."},\n"menu": {"quit": "Quit"}}',
            "/menu, /menu/open",
            {"menu": {"quit": "QUIT"}},
        ),
    ],
)
def test_a_message_file_with_a_key_written_twice_is_translated_as_its_app_reads_it(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    name: str,
    text: str,
    twice: str,
    expected: dict[str, Any],
) -> None:
    """A file of one language is no Xcode catalog (which is refused: its translations would
    be lost): its output is another file, its app reads the last value, and a warning names
    the key (:mod:`ltmt.formats.json_repeated_keys`)."""
    source = _write(tmp_path, name, text)
    out = tmp_path / "de" / name
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == expected
    assert f"defined more than once ({twice}); only the last is read" in caplog.text


def test_a_translation_with_a_key_written_twice_is_named_when_its_pairs_are_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "en.json", '{"a": "Save", "b": "Open"}')
    target = _write(tmp_path, "de.json", '{"a": "Speichern", "b": "Öffnen", "a": "Sichern"}')
    with caplog.at_level(logging.WARNING):
        records = list(JsonCatalog.pairs(target, source_file=source))
    assert [r.target for r in records] == ["Sichern", "Öffnen"]
    assert f"{target}: 1 key defined more than once (/a)" in caplog.text
    assert str(source) not in caplog.text


def test_translations_that_are_no_string_are_counted_as_not_read_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A German ``"n": {"message": 5}`` was passed over: ``read: 1`` and nothing said."""
    source = _write(
        tmp_path,
        "en.json",
        '{"greet": {"message": "Hello"}, "n": {"message": "Number of tabs"},'
        ' "obj": {"message": "Open the settings"}, "tags": ["Urgent"]}',
    )
    target = _write(
        tmp_path,
        "de.json",
        '{"greet": {"message": "Hallo"}, "n": {"message": 5},'
        ' "obj": {"message": {"text": "Einstellungen"}}, "tags": [null]}',
    )
    not_read = NotRead()
    with caplog.at_level(logging.WARNING):
        records = list(JsonCatalog.pairs(target, source_file=source, not_read=not_read))
    assert [r.target for r in records] == ["Hallo"]
    assert not_read.by_reason() == {"not a string": 3}
    assert (
        f"{target}: 3 translations not imported: they are no string "
        "(/n/message, /obj/message, /tags/0); write each translation as a string"
    ) in caplog.text


def test_a_translation_that_is_no_string_is_not_checked_by_qa(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """qa said "1 translation not imported" of a file it only checks (nothing is imported)."""
    source = _write(tmp_path, "en.json", '{"title": "Tasks", "sort": "Sort by date"}')
    target = _write(tmp_path, "de.json", '{"title": "Aufgaben", "sort": {"label": "Sortieren"}}')
    with caplog.at_level(logging.WARNING):
        list(JsonCatalog.pairs(target, source_file=source, purpose="checked"))
    assert caplog.messages == [
        f"{target}: 1 translation not checked: it is no string (/sort); write each translation "
        "as a string"
    ]


def test_one_key_to_skip_that_the_file_lacks_gets_its_nearest_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """ "did you mean 'nmae' → 'name'?" read as if both were meant."""
    source = _write(tmp_path, "app.json", '{"name": "Pocket Planner", "slug": "pocket-planner"}')
    with caplog.at_level(logging.WARNING):
        open_document(source, skip_keys=frozenset({"nmae", "slug"}))
    assert caplog.messages == [
        "app.json: --skip-keys names 'nmae', which no key of the file has (did you mean 'name'?)"
    ]


SHOPIFY_COMMENT = "/*\n * IMPORTANT: The contents of this file are auto-generated.\n */\n"


def test_a_shopify_themes_leading_comment_is_read_past_and_written_back(tmp_path: Path) -> None:
    """Dawn's ``locales/en.default.json`` opens with a ``/* */`` block: it was refused ('a
    comment: JSON allows no comments'); it is now read past, written first in the target and
    kept when the output is continued."""
    source = _write(
        tmp_path, "en.default.json", SHOPIFY_COMMENT + '{\n  "a": "Close",\n  "b": "Open"\n}\n'
    )
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == SHOPIFY_COMMENT + '{\n  "a": "CLOSE",\n  "b": "OPEN"\n}\n'
    translate_file(source, out, FakeModel(), tgt_lang="de")  # continued: read, comment and all
    assert out.read_text("utf-8").startswith(SHOPIFY_COMMENT + "{")
    assert [r.target for r in JsonCatalog.pairs(out, source_file=source)] == ["CLOSE", "OPEN"]


def test_a_comment_after_the_leading_one_is_still_refused(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.json", SHOPIFY_COMMENT + '{\n"a": "x", // note\n"b": "y"}')
    with pytest.raises(InputError, match=r"bad.json:5:11: invalid JSON: a comment: JSON allows"):
        open_document(bad, tgt_lang="de")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"a": "x",}', r"bad.json:1:11: invalid JSON: a comma after the last item: JSON allows"),
        (
            '{"a": {"message": "Line\tTab"}}',
            r"bad.json:1:24: invalid JSON: a raw tab inside a string: write \\t instead$",
        ),
        (
            '{\n// a note\n"a": "x"}',
            r"bad.json:2:1: invalid JSON: a comment: JSON allows no comments",
        ),
        ('["a", "b"]', r"bad.json: not a JSON message file: its top level is not an object"),
        ("  ", r"bad.json: empty file; expected a JSON message file"),
        # trial s75 tolgee: a YAML file named .json said only "expecting a value"
        (
            "button:\n  save: Save\n",
            r"bad.json:1:1: invalid JSON: expecting a value \(.*\); it looks like YAML: name it "
            r"\.yml or give --format yaml$",
        ),
        ("- Save\n- Cancel\n", r"bad.json:1:1: invalid JSON: .*; it looks like YAML: name it"),
        # broken JSON, which YAML reads too, is JSON's error alone
        ('{"a": "x",\n}', r"bad.json:2:1: invalid JSON: a comma .*; remove it$"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_document(_write(tmp_path, "bad.json", content), tgt_lang="de")


def test_icu_quoting_is_left_to_a_person(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """``'{'`` quotes a brace in ICU: the model wrote ``»{«``, an invalid message. An escaped
    apostrophe (``''``) is no such quoting: the model gets the one apostrophe ICU shows."""
    arb = tmp_path / "app_en.arb"
    arb.write_text(
        '{"escaped": "Use \'{\' and \'}\' to write braces, {name}.", "its": "Don\'\'t", '
        '"plain": "Open {name}"}',
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        document = open_document(arb, tgt_lang="de")
        units = document.units()
        document.warn_of_untranslated()  # a translation run's warning
    assert [u.source for u in units] == ["Don't", "Open {name}"]
    assert "1 message with ICU quoting" in caplog.text and "(/escaped)" in caplog.text
    json_file = tmp_path / "en.json"
    json_file.write_text('{"braces": "Use \'{\' here", "its": "Don\'\'t"}', "utf-8")
    assert [u.source for u in open_document(json_file).units()] == ["Don't"]


def test_escaped_apostrophes_go_to_the_model_unescaped_and_come_back_escaped(
    tmp_path: Path,
) -> None:
    """``Don''t miss {name}''s update.`` went to the model as written, which made ``''`` German
    quote marks (``Keine {name}s »«-Aktualisieren.``); now it gets ``Don't miss {name}'s
    update.``, its translation's apostrophes escaped again, and reads it back unescaped."""
    source = _write(
        tmp_path,
        "en.json",
        '{"c": "Don\'\'t miss {name}\'\'s update.", "d": "It\'s {name}\'s"}',
    )
    model = FakeModel()
    translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert "Don't miss {name}'s update." in model.seen
    assert json.loads((tmp_path / "de.json").read_text("utf-8")) == {
        "c": "DON''T MISS {name}''S UPDATE.",
        "d": "IT'S {name}'S",  # no escaped apostrophe in the source: as the model wrote it
    }
    document = open_document(source, tgt_lang="de")
    assert document.read_values(tmp_path / "de.json")["/c"] == "DON'T MISS {name}'S UPDATE."


def test_quoted_angle_brackets_go_to_the_model_as_stand_ins_and_come_back_as_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s75: ``Press '<'Enter'>' to confirm.`` (FormatJS's literal ``<Enter>``) came back
    ``Bestätigen Sie »<«, um »<« zu bestätigen.``, unwarned; now the model gets ``%1$s`` for
    the run, which comes back byte for byte, beside an escaped apostrophe too, and is read
    back as its stand-in. A plural or a message with a ``%`` of its own is left to a
    person, warned of."""
    messages = {
        "h": "Press '<'Enter'>' to confirm.",
        "k": "Use '<'Tab'>' or '<'Esc'>', don''t click.",
        "p": "{count, plural, one {Press '<'Enter'>' once} other {Press '<'Enter'>' # times}}",
        "q": "Press '<'Enter'>' for 100%.",
    }
    source = _write(tmp_path, "en.json", json.dumps(messages))
    model = FakeModel()
    translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert model.seen == ["Press %1$s to confirm.", "Use %1$s or %2$s, don't click."]
    assert json.loads((tmp_path / "de.json").read_text("utf-8")) == {
        "h": "PRESS '<'Enter'>' TO CONFIRM.",
        "k": "USE '<'Tab'>' OR '<'Esc'>', DON''T CLICK.",
    }
    assert caplog.messages == [
        f"{source}: 2 messages with quotes around braces or angle brackets ('{{name}}', "
        "'<'b'>') or a plural or select that ltmt cannot take apart (/p, /q) left out "
        "untranslated; translate them by hand"
    ]
    values = open_document(source, tgt_lang="de").read_values(tmp_path / "de.json")
    assert values == {"/h": "PRESS %1$s TO CONFIRM.", "/k": "USE %1$s OR %2$s, DON'T CLICK."}


def test_quoted_braces_after_a_doubled_apostrophe_are_left_to_a_person(tmp_path: Path) -> None:
    """Every quoting counts, not the first one alone: after ``''`` the model made the quoted
    ``'{'name'}'`` an argument ``{'name'}`` (session 62)."""
    json_file = tmp_path / "en.json"
    json_file.write_text(
        '{"save": "Don\'\'t forget to save \'{\'name\'}\' before leaving.", "ok": "OK"}',
        "utf-8",
    )
    assert [u.source for u in open_document(json_file).units()] == ["OK"]


DIALOGUE = {
    "characters": {"GUARD": {"name": "Town guard"}, "PLAYER": {"name": "You"}},
    "nodes": [
        {"id": "intro_01", "speaker": "GUARD", "text": "Halt! Who goes there?", "next": "ask"},
        {"id": "ask", "speaker": "PLAYER", "text": "A friend.", "next": "end", "mood": "CALM"},
    ],
    "labels": {"ok": "OK", "quest": "quest.main.start"},
}


def test_a_dialogue_trees_identifiers_are_copied_not_translated(tmp_path: Path) -> None:
    """Node ids and the ``next`` naming them were translated (``"next": "annehmen"`` names no
    node): identifiers, the values of a key of them and a speaker naming a record are copied;
    a lone word of a key of text (``OK``, ``CALM``) is translated."""
    source = _write(tmp_path, "en.json", json.dumps(DIALOGUE))
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Town guard", "You", "Halt! Who goes there?", "A friend.", "CALM", "OK"]
    nodes = json.loads(out.read_text("utf-8"))["nodes"]
    assert nodes[0] == {
        "id": "intro_01",
        "speaker": "GUARD",
        "text": "HALT! WHO GOES THERE?",
        "next": "ask",
    }
    assert (nodes[1]["id"], nodes[1]["next"]) == ("ask", "end")


@pytest.mark.parametrize(
    ("key", "value", "written"),
    [
        ("slug", "pocket-planner", "pocket-planner"),  # Expo's app.json
        ("locale", "en-us", "de"),  # Zendesk's article: its language, the target's
        ("source_locale", "en-us", "en-us"),
        ("defaultLocale", "pt_BR", "pt_BR"),
        ("slug", "About us", None),  # no slug: text
        ("locale", "English", None),  # no code: text
        ("title", "to-do", None),  # a code-like label under a key of text
    ],
)
def test_slugs_and_locale_codes_under_keys_naming_them_are_copied(
    tmp_path: Path, key: str, value: str, written: str | None
) -> None:
    """``"slug": "pocket-planner"`` and ``"locale": "en-us"`` were sent to the model (None:
    sent, as text)."""
    source = _write(tmp_path, "en.json", json.dumps({key: value, "text": "Scan documents."}))
    model = FakeModel()
    translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert model.seen == ([value] if written is None else []) + ["Scan documents."]
    if written is not None:
        assert json.loads((tmp_path / "de.json").read_text("utf-8"))[key] == written


def test_skip_keys_copy_every_string_under_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "en.json", json.dumps(DIALOGUE))
    out = tmp_path / "de.json"
    model = FakeModel()
    keys = frozenset({"characters", "mood", "labels"})
    translate_file(source, out, model, tgt_lang="de", skip_keys=keys)
    assert model.seen == ["Halt! Who goes there?", "A friend."]
    written = json.loads(out.read_text("utf-8"))
    assert written["characters"] == DIALOGUE["characters"]
    assert written["labels"] == DIALOGUE["labels"] and written["nodes"][1]["mood"] == "CALM"
    # the output read back to go on with it: the copies are no strings it adds
    again = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, again, tgt_lang="de", skip_keys=keys)
    assert again.seen == [] and "kept at the end" not in caplog.text
    assert json.loads(out.read_text("utf-8")) == written


def test_a_skipped_key_keeps_the_existing_translations_strings(tmp_path: Path) -> None:
    """--skip-keys formats replaced the output's own date format with the English one."""
    english = {"formats": {"default": "%Y-%m-%d", "short": "%b %d"}, "title": "Order overview"}
    source = _write(tmp_path, "en.json", json.dumps(english))
    out = _write(tmp_path, "de.json", json.dumps({"formats": {"default": "%d.%m.%Y"}}))
    translate_file(source, out, FakeModel(), tgt_lang="de", skip_keys=frozenset({"formats"}))
    assert json.loads(out.read_text("utf-8")) == {
        "formats": {"default": "%d.%m.%Y", "short": "%b %d"},  # short: the source's
        "title": "ORDER OVERVIEW",
    }


def test_labels_beside_a_name_or_a_section_of_their_words_are_translated(tmp_path: Path) -> None:
    """A message file's ``title`` of ``About`` beside one of ``Node.js``, and ``HELP`` beside a
    top-level section ``HELP``, were copied as identifiers; they are text."""
    messages = {
        "HELP": {"intro": "Find answers."},
        "nav": {"help": "HELP", "news": "NEWS"},
        "NEWS": {"intro": "Read the news."},
        "pages": {"about": {"title": "About"}, "runtime": {"title": "Node.js"}},
    }
    source = _write(tmp_path, "en.json", json.dumps(messages))
    model = FakeModel()
    translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert model.seen == ["Find answers.", "HELP", "NEWS", "Read the news.", "About"]


def test_keys_to_skip_that_the_file_lacks_are_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "en.json", json.dumps(DIALOGUE))
    with caplog.at_level(logging.WARNING):
        open_document(source, skip_keys=frozenset({"ID", "nxt", "zzzz", "mood"}))
    assert (
        "en.json: --skip-keys names 'ID', 'nxt', 'zzzz', which no key of the file has (did you "
        "mean 'id' for 'ID', 'next' for 'nxt'?)"
    ) in caplog.text


def test_keys_to_skip_in_a_file_without_keys_are_an_error(tmp_path: Path) -> None:
    text = _write(tmp_path, "en.txt", "Hello\n")
    with pytest.raises(
        InputError, match=r"en.txt: keys to skip are names in JSON and YAML files, not in"
    ):
        open_document(text, skip_keys=frozenset({"id"}))


def _dialogue_lines(lines: list[str], speakers: list[str]) -> dict[str, list[dict[str, str]]]:
    """A dialogue tree of ``lines`` said by ``speakers`` (no record names them)."""
    nodes = [
        {"id": f"intro_0{n}", "speaker": speaker, "line": line}
        for n, (speaker, line) in enumerate(zip(speakers, lines), 1)
    ]
    return {"nodes": nodes}


def test_the_strings_a_translation_copies_make_no_pairs(tmp_path: Path) -> None:
    """``GUARD`` → ``GUARD`` was imported as a translation pair with ``--skip-keys speaker``:
    the pairs skip the keys named, as ids, the strings a translation copies."""
    english = _dialogue_lines(["Halt! Who goes there?", "A friend."], ["GUARD", "HERO"])
    german = _dialogue_lines(["Halt! Wer da?", "Ein Freund."], ["GUARD", "HERO"])
    source = _write(tmp_path, "en.json", json.dumps(english))
    target = _write(tmp_path, "de.json", json.dumps(german))
    pairs = [(r.source, r.target) for r in JsonCatalog.pairs(target, source_file=source)]
    assert pairs == [
        ("GUARD", "GUARD"),  # a lone word is text without --skip-keys; the ids are not
        ("Halt! Who goes there?", "Halt! Wer da?"),
        ("HERO", "HERO"),
        ("A friend.", "Ein Freund."),
    ]
    keys = frozenset({"speaker"})
    records = read_translations(target, source_file=source, skip_keys=keys)
    assert [(r.source, r.target) for r in records] == [
        ("Halt! Who goes there?", "Halt! Wer da?"),
        ("A friend.", "Ein Freund."),
    ]
    text = _write(tmp_path, "de.txt", "Hallo\n")
    with pytest.raises(
        InputError, match=r"de.txt: keys to skip are names in JSON and YAML files, not in"
    ):
        read_translations(text, source_file=text, skip_keys=keys)


VUE = (
    '{"items": "no items | one item | {count} items", "car": "car | cars",'
    ' "t": "@:cart.title is empty", "title": "Home | Shop", "flag": "true|false"}'
)


def test_vue_plural_choices_are_translated_one_by_one(tmp_path: Path) -> None:
    """Session 60: the model got ``no comments yet | 1 comment | {count} comments`` whole and
    lost a choice's words, or a choice; each is a string of its own now, and the translation has
    the source's number of choices."""
    source = _write(tmp_path, "en.json", VUE)
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source, u.context) for u in units][:5] == [
        ("/items#0", "no items", "/items"),
        ("/items#1", "one item", "/items"),
        ("/items#2", "{count} items", "/items"),
        ("/car#0", "car", "/car"),
        ("/car#1", "cars", "/car"),
    ]
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "items": "NO ITEMS | ONE ITEM | {count} ITEMS",
        "car": "CAR | CARS",
        "t": "@:cart.title IS EMPTY",
        "title": "HOME | SHOP",
        "flag": "TRUE|FALSE",
    }
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target) for r in records][:2] == [
        ("no items", "NO ITEMS"),
        ("one item", "ONE ITEM"),
    ]


def test_an_output_with_another_number_of_choices_is_kept_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A vue-i18n user's trial (session 65): a reviewer's plural with two choices for a source
    of three was replaced by machine output without a word; it is kept, and said."""
    source = _write(
        tmp_path, "en.json", '{"items": "no items | one item | {count} items", "car": "car | cars"}'
    )
    written = '{"items": "Mit {n} Personen geteilt | Mit einer Person geteilt", "car": "Auto"}'
    out = _write(tmp_path, "de.json", written)
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == json.loads(written)
    assert [r.getMessage() for r in caplog.records if "kept: check it" in r.getMessage()] == [
        f"{out}: /items has 2 choices where the source has 3; kept: check it",
        f"{out}: /car has 1 choice where the source has 2; kept: check it",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de", overwrite=True)  # when asked
    assert json.loads(out.read_text("utf-8"))["car"] == "CAR | CARS"
    kept = _write(tmp_path, "kept.json", '{"items": "keine | eins | {count} Stück"}')
    translate_file(source, kept, FakeModel(), tgt_lang="de")
    assert json.loads(kept.read_text("utf-8")) == {
        "items": "keine | eins | {count} Stück",
        "car": "CAR | CARS",
    }


PIPED_TEXT = (
    '{"help": "Run ls | grep log to list the log files.",'
    ' "pipe": "Use the pipe character | to separate values.", "title": "Home | Shop"}'
)


@pytest.mark.parametrize(
    "extra", ["", ', "hello": "Hello, {{name}}!"', ', "n_other": "{{count}} notes"']
)
def test_a_bar_in_text_is_no_plural(tmp_path: Path, extra: str) -> None:
    """Session 60's trial: ``Run ls | grep log ...`` was translated in two pieces (``Löwen |
    Schreiben zum Logliste der Logdateien.``), and ``Home | Shop`` too; such strings are
    translated whole, in a plain JSON file as in an i18next one."""
    source = _write(tmp_path, "en.json", PIPED_TEXT[:-1] + extra + "}")
    units = open_document(source, tgt_lang="de").units()
    assert [u.source for u in units][:3] == [
        "Run ls | grep log to list the log files.",
        "Use the pipe character | to separate values.",
        "Home | Shop",
    ]


def test_an_i18next_files_bars_are_text(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", '{"car": "car | cars", "n_other": "{{count}} notes"}')
    assert next(u.source for u in open_document(source, tgt_lang="de").units()) == "car | cars"


def test_qa_counts_a_plural_with_its_choices_once(tmp_path: Path) -> None:
    """Session 60's trial: ``ltmt qa`` counted each choice of a vue-i18n plural as an entry."""
    source = _write(tmp_path, "en.json", VUE)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert entries_of(read_translations(out, source_file=source)) == 5


def test_qa_checks_a_plural_with_another_number_of_choices_whole(tmp_path: Path) -> None:
    """Session 65's trial: ``keine Notizen | {count} Notizen`` for a source of three choices
    was said missing, untranslated; it is a pair whole, which the plurals check reads."""
    source = _write(tmp_path, "en.json", '{"notes": "no notes | one note | {count} notes"}')
    target = _write(tmp_path, "de.json", '{"notes": "keine Notizen | {count} Notizen"}')
    records = list(read_translations(target, source_file=source, purpose="checked"))
    assert [(r.source, r.target, r.metadata) for r in records] == [
        (
            "no notes | one note | {count} notes",
            "keine Notizen | {count} Notizen",
            {"context": "/notes", "context_is_key": True, "syntax": "vue-i18n"},
        )
    ]
    assert open_document(source).missing_in(target) == []


def test_an_arb_files_bar_is_text(tmp_path: Path) -> None:
    arb = _write(tmp_path, "app_en.arb", '{"title": "Home | Shop"}')
    assert [u.source for u in open_document(arb, tgt_lang="de").units()] == ["Home | Shop"]


def test_vue_literals_are_no_icu_quoting(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A vue-i18n user's trial (session 65): ``{'{'}error{'}'}`` was left untranslated with
    an "ICU quoting" warning; it is a placeholder, as ``{'@'}`` is. Quotes around braces left
    to a person in a vue-i18n file are no ICU's."""
    messages = {
        "a": "Write {'@'} or see @:{'help.link'}",
        "b": "Uploading {file} failed: {'{'}error{'}'}",
        "c": "Say '{name}' now",
    }
    source = _write(tmp_path, "en.json", json.dumps(messages))
    assert [u.source for u in open_document(source).units()] == [messages["a"], messages["b"]]
    translate_file(source, tmp_path / "de.json", FakeModel(), tgt_lang="de")
    assert caplog.messages == [
        f"{source}: 1 message with quotes around braces ('{{name}}') or a plural or select "
        "that ltmt cannot take apart (/c) left out untranslated; translate it by hand"
    ]


def test_an_i18next_files_apostrophes_are_text_and_its_messages_translated_and_imported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s76: in an i18next file, ``Delete project '{{name}}'?`` was read as ICU's quoted
    braces, left out untranslated (warned of, exit 0) and a reviewer's German of it not
    imported ("not read: 2 that ltmt cannot take apart"). i18next reads no ICU: a file of
    ``{{name}}`` fields and no ICU syntax has apostrophes as text, FormatJS's quoted angle
    brackets too (``'<1>here</1>'``)."""
    messages = {
        "deleteProject": "Delete project '{{name}}'?",
        "renamed": "Renamed '{{from}}' to '{{to}}'.",
        "click": "Click '<1>here</1>' for 100%.",
        "saved": "Saved {{name}}.",
    }
    source = _write(tmp_path, "en.json", json.dumps(messages))
    model = FakeModel()
    translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert model.seen[:2] == [messages["deleteProject"], messages["renamed"]]
    assert json.loads((tmp_path / "de.json").read_text("utf-8")) == {
        "deleteProject": "DELETE PROJECT '{{name}}'?",
        "renamed": "RENAMED '{{from}}' TO '{{to}}'.",
        "click": "CLICK '<1>HERE</1>' FOR 100%.",
        "saved": "SAVED {{name}}.",
    }
    assert caplog.messages == []
    german = {
        "deleteProject": "Projekt '{{name}}' löschen?",
        "renamed": "'{{from}}' in '{{to}}' umbenannt.",
        "click": "Klicke '<1>hier</1>' für 100%.",
        "saved": "{{name}} gespeichert.",
    }
    target = _write(tmp_path, "reviewed.de.json", json.dumps(german, ensure_ascii=False))
    not_read = NotRead()
    records = list(JsonCatalog.pairs(target, source_file=source, not_read=not_read))
    assert [(r.source, r.target) for r in records] == [
        (messages[key], text) for key, text in german.items()
    ]
    assert not_read.by_reason() == {}


@pytest.mark.parametrize(
    "icu",
    [
        "Hello {user}",  # an argument in single braces: a Tolgee or react-intl file
        "{n, plural, one {# file} other {# files}}",
    ],
)
def test_quotes_around_double_braces_are_icus_in_a_file_with_icu_syntax(
    tmp_path: Path, icu: str
) -> None:
    """Where a file's messages use ICU syntax, ``'{{name}}'`` is ICU quoting as before: left
    to a person; ``'<'Enter'>'`` goes to the model as its stand-in."""
    messages = {"quoted": "Delete project '{{name}}'?", "keys": "Press '<'Enter'>'.", "icu": icu}
    source = _write(tmp_path, "en.json", json.dumps(messages))
    document = open_document(source, tgt_lang="de")
    assert "/quoted" not in [u.key for u in document.units()]
    assert "Press %1$s." in [u.source for u in document.units()]


def test_an_i18next_v3_form_for_one_may_leave_out_its_count_as_a_v4_one(tmp_path: Path) -> None:
    """Trial s76: ``ltmt qa`` said ``/notification: error [placeholders] lacks {{count}}`` of
    a v3 form for one (beside ``notification_plural``) and memory import warned of it, while
    v4's ``task_one`` passed. Now both are forms for one; the others still need the count."""
    source = _write(
        tmp_path,
        "en.json",
        json.dumps(
            {
                "notification": "You have {{count}} new notification",
                "notification_plural": "You have {{count}} new notifications",
                "task_one": "{{count}} task left",
                "task_other": "{{count}} tasks left",
                "title": "{{count}} notes",
            }
        ),
    )
    german = {
        "notification": "Du hast eine neue Benachrichtigung",
        "notification_plural": "Du hast neue Benachrichtigungen",
        "task_one": "Eine Aufgabe übrig",
        "task_other": "{{count}} Aufgaben übrig",
        "title": "Notizen",
    }
    target = _write(tmp_path, "de.json", json.dumps(german, ensure_ascii=False))
    records = list(read_translations(target, source_file=source, purpose="checked"))
    assert [r.metadata.get("form_for_one") for r in records] == [True, None, None, None, None]
    assert [placeholder_problems(r.source, r.target, r.metadata) for r in records] == [
        [],
        ["lacks {{count}}"],
        [],
        [],
        ["lacks {{count}}"],
    ]
    imported = list(read_translations(target, source_file=source))  # stored: reused as exact
    assert imported[0].metadata == {"context": "/notification", "form_for_one": True}


def test_qa_reads_a_webextension_messages_names_in_any_case(tmp_path: Path) -> None:
    """Session 64: ``$user$`` for ``$USER$`` was two errors; browsers read either. A plain
    JSON string's ``$name$`` keeps its case."""
    source = _write(tmp_path, "en.json", '{"a": {"message": "Hi $USER$"}, "b": "Hi $USER$"}')
    target = _write(tmp_path, "de.json", '{"a": {"message": "Hallo $user$"}, "b": "Hallo $user$"}')
    records = list(read_translations(target, source_file=source))
    assert [r.metadata.get("flags") for r in records] == ["webextension-format", None]
    assert [placeholder_problems(r.source, r.target, r.metadata) for r in records] == [
        [],
        ["lacks $USER$", "adds $user$, which the source does not have"],
    ]


def test_a_crowdin_message_whose_key_no_webextension_may_have_is_not_flagged_as_one(
    tmp_path: Path,
) -> None:
    """A user trial (FormatJS's Crowdin shape, ``{"app.greeting": {"message": ...}}``): its
    pairs were stored flagged ``webextension-format``, though a WebExtension's message name
    holds no ``.``."""
    source = _write(tmp_path, "en.json", '{"app.hi": {"message": "Hi"}, "hi": {"message": "Hi"}}')
    target = _write(
        tmp_path, "de.json", '{"app.hi": {"message": "Hallo"}, "hi": {"message": "Hallo"}}'
    )
    records = list(read_translations(target, source_file=source))
    assert [r.metadata.get("flags") for r in records] == [None, "webextension-format"]


INVALID_ICU = {
    "unbalanced": "You have {count, plural, one {# message} other {# messages}",
    "badkw": "{count, plurl, one {# message} other {# messages}}",
    "noother": "{count, plural, one {# message}}",
    "stray": "Price: {price, number, ::currency/EUR}} today",
    "ok": "Saved {when, date, short}.",
    "i18next": "Total: {{value, number}}",
}


def test_a_source_message_icu_rejects_is_left_untranslated_saying_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``badkw`` went to the model (its keys translated, a brace lost), ``stray`` lost its
    `` today``; ``unbalanced`` and ``noother`` were said to be "cannot take apart"."""
    source = _write(tmp_path, "en.json", json.dumps(INVALID_ICU))
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, tmp_path / "de.json", FakeModel(), tgt_lang="de")
    assert set(json.loads((tmp_path / "de.json").read_text("utf-8"))) == {"ok", "i18next"}
    assert (
        "4 messages that ICU rejects left out untranslated (/unbalanced: unbalanced braces: "
        "the '{' at character 10 is never closed, /badkw: '{count, plurl': ICU has no argument "
        "type 'plurl', /noother: plural 'count' has no 'other' branch, ...); fix them in the "
        "source"
    ) in caplog.text
    # counted once, as left out, not also as "could not be repaired" (--strict fails on them)
    assert (result.report.invalid_sources, result.report.not_repairable) == (4, 0)
    assert "4 messages left out untranslated as ICU rejects the source (check them: " in (
        result.report.summary()
    )
    assert "0 could not be repaired;" in result.report.summary()
    assert any("/stray: left untranslated" in e and "'}' at character 39" in e
               for e in result.report.examples)  # fmt: skip


def test_a_plural_with_escaped_apostrophes_is_translated_and_keeps_them(tmp_path: Path) -> None:
    source = _write(
        tmp_path, "en.json", "{\"n\": \"{n, plural, one {It''s # item} other {It''s # items}}\"}"
    )
    translate_file(source, tmp_path / "de.json", FakeModel(), tgt_lang="de")
    assert json.loads((tmp_path / "de.json").read_text("utf-8")) == {
        "n": "{n, plural, one {IT''S # ITEM} other {IT''S # ITEMS}}"
    }


FORMATJS = {
    "help": {"defaultMessage": "Use '{'name'}' to insert the name.", "description": "Help text"},
    "title": {"defaultMessage": "Inbox", "description": "Page title"},
}


def test_a_formatjs_message_keeps_its_description_and_an_untranslatable_one_is_left_out(
    tmp_path: Path,
) -> None:
    """``help`` came out as ``{"description": "Alpentext"}``: its message dropped, its
    description translated."""
    source = _write(tmp_path, "en.json", json.dumps(FORMATJS))
    translate_file(source, tmp_path / "de.json", FakeModel(), tgt_lang="de")
    assert json.loads((tmp_path / "de.json").read_text("utf-8")) == {
        "title": {"defaultMessage": "INBOX", "description": "Page title"},
    }


def test_an_untranslatable_message_is_left_out_and_a_persons_translation_kept(
    tmp_path: Path,
) -> None:
    flat = {key: value["defaultMessage"] for key, value in FORMATJS.items()}
    source, out = _write(tmp_path, "en.json", json.dumps(flat)), tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"title": "INBOX"}
    by_hand = {"help": "Mit '{'name'}' den Namen einfügen.", "title": "Eingang"}
    out.write_text(json.dumps(by_hand), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == by_hand


def test_a_message_left_untranslated_is_translated_once_its_source_is_fixed(
    tmp_path: Path,
) -> None:
    """It was written as the source had it, and the next run, of the fixed source, took that
    for a translation: ``Total due: {sum, numbr}`` stayed, English and no ICU message."""
    out = tmp_path / "de.json"
    broken = _write(tmp_path, "d1.json", json.dumps({"total": "Total due: {sum, numbr}"}))
    translate_file(broken, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {}
    fixed = _write(tmp_path, "d2.json", json.dumps({"total": "Total due: {sum, number}"}))
    result = translate_file(fixed, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"total": "TOTAL DUE: {sum, number}"}
    assert (result.translated, result.report.translated_before) == (1, 0)


def test_a_copy_of_the_source_in_the_output_is_no_translation_of_a_message_left_out(
    tmp_path: Path,
) -> None:
    """Earlier versions wrote a message they left untranslated as the source had it."""
    source = _write(tmp_path, "en.json", json.dumps({"braces": "Use '{' here", "ok": "OK"}))
    out = _write(tmp_path, "de.json", json.dumps({"braces": "Use '{' here", "ok": "Gut"}))
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"ok": "Gut"}


@pytest.mark.parametrize(
    ("value", "translated"),
    [
        ({"defaultMessage": "Inbox"}, ["defaultMessage"]),
        ({"defaultMessage": "Inbox", "description": "Title", "id": "inbox"}, ["defaultMessage"]),
        ({"defaultMessage": "Inbox", "description": {"maxLength": 20}}, ["defaultMessage"]),
        (
            {"defaultMessage": "Oops", "notFound": "Not found", "timeout": "Too late"},
            ["defaultMessage", "notFound", "timeout"],
        ),
        ({"defaultMessage": "Inbox", "id": 7}, ["defaultMessage"]),
        ({"defaultMessage": "Inbox", "tag": "Title"}, ["defaultMessage", "tag"]),
    ],
)
def test_only_an_object_of_formatjs_shape_is_a_formatjs_message(
    tmp_path: Path, value: dict[str, object], translated: list[str]
) -> None:
    """``{"errors": {"defaultMessage": ..., "notFound": ..., "timeout": ...}}`` had its
    ``notFound`` and ``timeout`` copied untranslated, taken for a FormatJS message's."""
    source = _write(tmp_path, "en.json", json.dumps({"errors": value}))
    units = open_document(source, tgt_lang="de").units()
    assert [u.key for u in units] == [f"/errors/{key}" for key in translated]


def test_words_in_braces_are_text_not_an_icu_argument_icu_rejects(tmp_path: Path) -> None:
    """``{x, y}`` was taken for an argument of type ``y``: left untranslated and counted as
    not repaired, so ``--strict`` failed."""
    source = _write(
        tmp_path,
        "en.json",
        json.dumps({"coords": "Coordinates {x, y} of the marker", "n": "{{count}} items"}),
    )
    result = translate_file(source, tmp_path / "de.json", FakeModel(), tgt_lang="de")
    assert json.loads((tmp_path / "de.json").read_text("utf-8")) == {
        "coords": "COORDINATES {X, Y} OF THE MARKER",  # the fake model upper-cases it all
        "n": "{{count}} ITEMS",
    }
    assert result.report.not_repairable == 0


def test_a_persons_translation_of_a_message_icu_rejects_counts_as_translated_already(
    tmp_path: Path,
) -> None:
    """It was kept, yet counted as not repaired (``--strict`` failed on a complete file), and
    "translated already" lost it."""
    source = _write(
        tmp_path,
        "app_en.arb",
        json.dumps({"plurl": "{count, plurl, one{# file} other{# files}}", "title": "Settings"}),
    )
    by_hand = {"plurl": "{count, plural, one{# Datei} other{# Dateien}}", "title": "Einstellungen"}
    out = _write(tmp_path, "app_de.arb", json.dumps(by_hand))
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == by_hand
    assert (result.report.not_repairable, result.report.translated_before) == (0, 2)


@pytest.mark.parametrize(
    "description",
    ["Do not translate", "Name of the extension. don't translate.", "DON\u2019T TRANSLATE"],
)
def test_a_message_described_as_not_to_translate_is_copied(
    tmp_path: Path, description: str
) -> None:
    """``extName`` described "Do not translate" came back as "Reiterbehälter"."""
    source = _write(
        tmp_path,
        "messages.json",
        json.dumps(
            {
                "extName": {"message": "Tab Keeper", "description": description},
                "save": {"message": "Save tabs", "description": "Button; translate freely"},
                "title": {"defaultMessage": "Tab Keeper", "description": description},
            },
            ensure_ascii=False,
        ),
    )
    assert [u.key for u in open_document(source, tgt_lang="de").units()] == ["/save/message"]
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = json.loads(out.read_text("utf-8"))
    assert written["extName"]["message"] == written["title"]["defaultMessage"] == "Tab Keeper"
    assert written["save"]["message"] == "SAVE TABS"
    assert [r.source for r in JsonCatalog.pairs(out, source_file=source)] == ["Save tabs"]


def test_an_arb_message_described_as_not_to_translate_is_copied(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "app_en.arb",
        '{"brand": "Tab Keeper", "@brand": {"description": "Do not translate"}, "ok": "Done"}',
    )
    out = tmp_path / "app_de.arb"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"brand": "Tab Keeper", "ok": "DONE"}


def test_an_unclosed_argument_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``Hello {name, welcome back`` went to the model and came back as invalid ICU, unsaid;
    ``Coordinates {x, y}`` is text still."""
    source = _write(
        tmp_path,
        "en.json",
        '{"u": "Hello {name, welcome back", "x": "Coordinates {x, y}", "ok": "Hello {name}"}',
    )
    with caplog.at_level(logging.WARNING):
        units = open_document(source, tgt_lang="de").units()
    assert [u.source for u in units] == ["Coordinates {x, y}", "Hello {name}"]
    assert (
        "1 message that ICU rejects left out untranslated (/u: unbalanced braces: the '{' at "
        "character 7 is never closed); fix them in the source"
    ) in caplog.text


def test_a_formatjs_message_icu_rejects_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A FormatJS ``defaultMessage`` is ICU throughout: ``Hello {name`` was translated (``Hello
    {Name``) while other messages ICU rejects were left out; in a flat file it is text still."""
    formatjs = {
        "c": {"defaultMessage": "Hello {name", "description": "typo"},
        "d": {"defaultMessage": "Welcome back!", "description": "ok"},
    }
    source = _write(tmp_path, "en.json", json.dumps(formatjs))
    out = tmp_path / "de.json"
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Welcome back!"]
    assert json.loads(out.read_text("utf-8")) == {
        "d": {"defaultMessage": "WELCOME BACK!", "description": "ok"}
    }
    assert (
        "1 message that ICU rejects left out untranslated (/c/defaultMessage: unbalanced "
        "braces: the '{' at character 7 is never closed); fix them in the source"
    ) in caplog.text
    flat = _write(tmp_path, "flat.json", '{"c": "Hello {name"}')
    assert [u.source for u in open_document(flat, tgt_lang="de").units()] == ["Hello {name"]


LARAVEL = json.dumps(
    {
        "one apple|:count apples": "one apple|:count apples",
        "{0} There are none|[1,19] There are some|[20,*] There are many": (
            "{0} There are none|[1,19] There are some|[20,*] There are many"
        ),
        "Log in": "Log in",
    }
)


def test_laravels_pipe_plurals_are_translated_form_by_form_with_their_intervals(
    tmp_path: Path,
) -> None:
    """A Laravel trial (session 66): ``one apple|:count apples`` came out ``ein Apfel, :count
    Äpfel`` (the bar lost) and ``[20,*]`` was dropped; each form is translated alone now, the
    intervals kept as written."""
    source = _write(tmp_path, "en.json", LARAVEL)
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "one apple|:count apples": "ONE APPLE|:count APPLES",
        "{0} There are none|[1,19] There are some|[20,*] There are many": (
            "{0} THERE ARE NONE|[1,19] THERE ARE SOME|[20,*] THERE ARE MANY"
        ),
        "Log in": "LOG IN",
    }


def test_laravels_singular_and_plural_sentences_are_translated_form_by_form(
    tmp_path: Path,
) -> None:
    """A Laravel trial (session 75): Laravel's own example came out one sentence, ``Es gibt
    einen Apfel, der viele Äpfel sind.``; a bar between labels stays text."""
    source = _write(
        tmp_path,
        "en.json",
        json.dumps(
            {
                "There is one apple|There are many apples": "",
                "Home | Shop": "Home | Shop",
                "Log in": "Log in",
            }
        ),
    )
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "There is one apple|There are many apples": "THERE IS ONE APPLE|THERE ARE MANY APPLES",
        "Home | Shop": "HOME | SHOP",
        "Log in": "LOG IN",
    }
    units = open_document(source, tgt_lang="de").units()
    assert [u.source for u in units] == [
        "There is one apple",
        "There are many apples",
        "Home | Shop",
        "Log in",
    ]


def test_qa_checks_a_laravel_plural_with_other_intervals_whole(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.json", LARAVEL)
    key = "{0} There are none|[1,19] There are some|[20,*] There are many"
    target = _write(tmp_path, "de.json", json.dumps({key: "{0} keine|[1,20] einige|viele"}))
    records = list(read_translations(target, source_file=source, purpose="checked"))
    assert [(r.target, r.metadata) for r in records] == [
        (
            "{0} keine|[1,20] einige|viele",
            {"context": f"/{key}", "context_is_key": True, "syntax": "laravel"},
        )
    ]


def test_a_laravel_translation_without_a_source_file_is_keyed_by_its_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A Laravel trial (session 66): ``memory import lang/de.json`` and ``qa lang/de.json``
    demanded --source-file, though the keys are the English; they are read as the source."""
    target = _write(
        tmp_path, "de.json", '{"Log in": "Anmelden", "Remember me": "Angemeldet bleiben"}'
    )
    records = list(read_translations(target))
    assert [(r.source, r.target) for r in records] == [
        ("Log in", "Anmelden"),
        ("Remember me", "Angemeldet bleiben"),
    ]
    assert [r.getMessage() for r in caplog.records] == [
        f"{target}: no --source-file; its keys are read as the English it translates, as "
        "Laravel's lang/de.json is keyed"
    ]
    keyed = _write(tmp_path, "keys.json", '{"auth.failed": "Falsch", "login": "Anmelden"}')
    with pytest.raises(InputError, match="give the source-language file it translates"):
        list(read_translations(keyed))


def test_a_laravel_source_strings_empty_value_is_its_key_translated(tmp_path: Path) -> None:
    """``"Sign up": ""`` in en.json (Laravel shows the key) was written ``""`` in de.json,
    which Laravel shows as a blank."""
    source = _write(tmp_path, "en.json", '{"Sign up": "", "Log in": "Log in"}')
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"Sign up": "SIGN UP", "Log in": "LOG IN"}


def test_an_empty_laravel_value_keeps_its_german_when_another_english_text_is_edited(
    tmp_path: Path,
) -> None:
    """A Laravel trial (session 75): editing ``"Whoops!": "Whoops!"`` to ``"Whoops, sorry!"``
    wrote ``"Sign up": ""`` over its German ``Registrieren``, and no rerun refilled it."""
    source = _write(tmp_path, "en.json", '{"Sign up": "", "Whoops!": "Whoops, sorry!"}')
    out = _write(tmp_path, "de.json", '{"Sign up": "Registrieren", "Whoops!": "Hoppla!"}')
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "Sign up": "Registrieren",
        "Whoops!": "Hoppla!",  # no record of its source: kept as translated already
    }
    emptied = _write(tmp_path, "emptied.json", '{"Sign up": "", "Whoops!": "Hoppla!"}')
    translate_file(source, emptied, FakeModel(), tgt_lang="de")  # an empty German refilled
    assert json.loads(emptied.read_text("utf-8"))["Sign up"] == "SIGN UP"


def test_a_copy_of_the_source_in_the_output_so_far_is_translated(tmp_path: Path) -> None:
    """Docusaurus' ``write-translations`` writes the English into ``i18n/de/code.json``: ltmt
    kept ``Edit this page`` as "translated already", and only --overwrite translated it, which
    replaced the reviewer's ``Weiter`` too. A name or a lone word copied (``GitHub``, ``Blog``)
    is kept."""
    messages = {"edit": "Edit this page", "next": "Next", "repo": "GitHub", "blog": "Blog"}
    source = _write(
        tmp_path, "code.en.json", json.dumps({k: {"message": v} for k, v in messages.items()})
    )
    so_far = {"edit": "Edit this page", "next": "Weiter", "repo": "GitHub", "blog": "Blog"}
    out = _write(tmp_path, "code.json", json.dumps({k: {"message": v} for k, v in so_far.items()}))
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Edit this page"]
    written = {k: v["message"] for k, v in json.loads(out.read_text("utf-8")).items()}
    assert written == {"edit": "EDIT THIS PAGE", "next": "Weiter", "repo": "GitHub", "blog": "Blog"}
    assert (result.report.copies_of_source, result.report.translated_before) == (1, 3)
    assert "1 copy of the source translated" in result.report.summary(1)


def test_a_copy_of_the_source_is_not_imported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``memory import i18n/de/code.json --source-file code.en.json`` stored ``Edit this page``
    → ``Edit this page`` as approved, then reused it as an exact match; a name copied
    (``GitHub``) is a pair, as a translation keeps it."""
    messages = {"edit": "Edit this page", "next": "Next", "repo": "GitHub"}
    source = _write(
        tmp_path, "code.en.json", json.dumps({k: {"message": v} for k, v in messages.items()})
    )
    so_far = {"edit": "Edit this page", "next": "Weiter", "repo": "GitHub"}
    target = _write(
        tmp_path, "code.json", json.dumps({k: {"message": v} for k, v in so_far.items()})
    )
    not_read = NotRead()
    records = list(JsonCatalog.pairs(target, source_file=source, not_read=not_read))
    assert [(r.source, r.target) for r in records] == [("Next", "Weiter"), ("GitHub", "GitHub")]
    assert not_read.by_reason() == {"same as source": 1}
    with caplog.at_level(logging.WARNING):
        list(JsonCatalog.pairs(target, source_file=source))
    assert caplog.messages == [
        f"{target}: 1 copy of the source not imported (/edit/message); translate it first"
    ]


_J1_SOURCE = {
    "nav": {"dashboard": "Dashboard", "goDashboard": "Go to Dashboard", "settings": "Settings"},
    "legal": {"tos": "Terms of Service", "privacy": "Privacy Policy"},
    "version": "Version {version}",
    "size": "{count} MB",
    "fullName": "{firstName} {lastName}",
    "welcome": "Welcome back, {name}!",
    "plan": "Acme Cloud Pro Team Edition",
    "status": "Status: {status}",
    "save": "Save changes",
}
_J1_REVIEWED = {
    "nav": {"dashboard": "Dashboard", "goDashboard": "Zum Dashboard", "settings": "Einstellungen"},
    "legal": {"tos": "Terms of Service", "privacy": "Datenschutzerklärung"},
    "version": "Version {version}",
    "size": "{count} MB",
    "fullName": "{firstName} {lastName}",
    "welcome": "Willkommen zurück, {name}!",
    "plan": "Acme Cloud Pro Team Edition",
    "status": "Status: {status}",
    "save": "Änderungen speichern",
}
_J4_SOURCE = {
    "store": "App Store",
    "chat": "Live Chat",
    "sso": "Single Sign-On (SSO)",
    "dark": "Dark Mode",
    "online": "Online Banking",
    "pdf": "PDF Export",
    "faq": "FAQ & Support",
}
_J4_REVIEWED = {
    **_J4_SOURCE,
    "dark": "Dunkelmodus",
    "online": "Onlinebanking",
    "pdf": "PDF-Export",
    "faq": "FAQ und Hilfe",
}

# short labels, and half the strings of two words or more kept English by the reviewer
_UI2_SOURCE = {
    "ok": "OK",
    "cancel": "Cancel",
    "email": "Email",
    "password": "Password",
    "status": "Status: {status}",
    "version": "Version {version}",
    "signIn": "Sign in",
    "help": "Help Center",
    "terms": "Terms of Service",
    "chat": "Live Chat",
}
_UI2_REVIEWED = {
    **_UI2_SOURCE,
    "cancel": "Abbrechen",
    "email": "E-Mail",
    "password": "Passwort",
    "signIn": "Anmelden",
    "help": "Hilfe-Center",
}


@pytest.mark.parametrize(
    ("english", "german", "kept"),
    [
        (_J1_SOURCE, _J1_REVIEWED, "Terms of Service"),
        (_J4_SOURCE, _J4_REVIEWED, "Live Chat"),
        (_UI2_SOURCE, _UI2_REVIEWED, "Terms of Service"),
    ],
)
def test_a_reviewers_english_in_a_translation_is_kept_and_imported(
    tmp_path: Path, english: dict, german: dict, kept: str
) -> None:
    """A reviewer's deliberate English (``Terms of Service``, ``App Store``, ``Live Chat``) in
    a translated de.json was taken for a copy of the source: replaced by garbled German
    (``Chat leben``) and left out of memory import ("not read: 7 same as source"). A file that
    mostly translates keeps it and imports it."""
    source = _write(tmp_path, "en.json", json.dumps(english))
    out = _write(tmp_path, "de.json", json.dumps(german, ensure_ascii=False))
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert json.loads(out.read_text("utf-8")) == german
    assert result.report.copies_of_source == 0
    not_read = NotRead()
    records = list(JsonCatalog.pairs(out, source_file=source, not_read=not_read))
    assert (kept, kept) in {(r.source, r.target) for r in records}
    assert "same as source" not in not_read.by_reason()


class _CopyingModel(FakeModel):
    """Writes ``Version {version}``-like strings as they are, as the model does."""

    def __call__(self, texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        self.seen.extend(texts)
        return list(texts)


def test_a_copy_ltmt_wrote_is_kept_and_new_keys_copied_are_translated(tmp_path: Path) -> None:
    """Docusaurus' ``write-translations`` copies the English into i18n/de/code.json for every
    key on its first run, and for the new keys on later ones: the first run translates them
    all; a copy the model wrote (ltmt's record holds it) was sent again on every rerun ("5
    copies of the source translated" each time); now it is kept, and a key added since, copied
    English, is translated."""
    records = OutputSources(tmp_path / "records")
    messages = {"edit": "Edit this page", "ver": "Version {version}", "next": "Next page"}
    source = _write(tmp_path, "en.json", json.dumps(messages))
    out = _write(tmp_path, "code.json", json.dumps(messages))
    first = _CopyingModel()
    result = translate_file(source, out, first, tgt_lang="de", output_sources=records)
    assert first.seen == ["Edit this page", "Version {version}", "Next page"]
    assert result.report.copies_of_source == 3
    assert "3 copies of the source translated" in result.report.summary(3)
    again = FakeModel()
    result = translate_file(source, out, again, tgt_lang="de", output_sources=records)
    assert (again.seen, result.report.copies_of_source) == ([], 0)
    messages["tags"] = "Tagged with"  # the source gains a key, write-translations copies it
    source.write_text(json.dumps(messages), "utf-8")
    out.write_text(json.dumps({**json.loads(out.read_text("utf-8")), "tags": "Tagged with"}))
    new_keys = FakeModel()
    result = translate_file(source, out, new_keys, tgt_lang="de", output_sources=records)
    assert (new_keys.seen, result.report.copies_of_source) == (["Tagged with"], 1)
    assert json.loads(out.read_text("utf-8"))["tags"] == "TAGGED WITH"


_EMAILS = {
    "subject.welcome": "Welcome to Acme, {name}!",
    "subject.password_reset": "Reset your Acme password",
    "body.password_reset_button": "Choose a new password",
    "body.ignore": "If you didn't request this, you can safely ignore this email.",
}


def test_copies_of_the_source_kept_are_counted_apart_warned_of_and_translated_on_request(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``tx pull --mode sourceastranslation`` writes the English into each string not
    translated yet: 3 of 4 were reported "4 translated already" and kept English, and the only
    advice, --overwrite, would retranslate the team's German (trial s73 transifex). They are
    counted and named as copies of the source now; ``--copies translate`` translates them
    alone, on a run after one that kept them too (its record holds them as not ltmt's)."""
    records = OutputSources(tmp_path / "records")
    source = _write(tmp_path, "en.json", json.dumps(_EMAILS))
    pulled = {**_EMAILS, "subject.welcome": "Willkommen bei Acme, {name}!"}
    out = _write(tmp_path, "de.json", json.dumps(pulled, ensure_ascii=False))
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, model, tgt_lang="de", output_sources=records)
    assert model.seen == []
    assert (result.report.translated_before, result.report.copies_kept) == (1, 3)
    assert result.report.summary().endswith(
        "; 1 translated already, kept as it is (--overwrite translates it again); 3 copies of "
        "the source kept as translations (--copies translate translates them)"
    )
    assert caplog.messages[-1] == (
        f"{out}: 3 of the 4 translations it holds are their source copied "
        "(/subject.password_reset, /body.password_reset_button, /body.ignore), kept as they "
        "are; where a tool wrote them (its untranslated strings), --copies translate "
        "translates them and keeps the others"
    )
    result = translate_file(
        source, out, model, tgt_lang="de", output_sources=records, translate_copies=True
    )
    assert model.seen == [
        "Reset your Acme password",
        "Choose a new password",
        "If you didn't request this, you can safely ignore this email.",
    ]
    assert json.loads(out.read_text("utf-8"))["subject.welcome"] == "Willkommen bei Acme, {name}!"
    assert (result.report.copies_of_source, result.report.copies_kept) == (3, 0)
    assert "3 copies of the source translated" in result.report.summary(3)


def test_a_copy_the_model_wrote_is_no_copy_kept(tmp_path: Path) -> None:
    """The model's own copy (``Version {version}``), which ltmt's record holds, is its
    translation: not counted as a copy kept, not sent again with ``--copies translate``."""
    records = OutputSources(tmp_path / "records")
    messages = {"ver": "Version {version}", "next": "Next page", "edit": "Edit this page"}
    source = _write(tmp_path, "en.json", json.dumps(messages))
    out = tmp_path / "de.json"
    translate_file(source, out, _CopyingModel(), tgt_lang="de", output_sources=records)
    model = FakeModel()
    result = translate_file(
        source, out, model, tgt_lang="de", output_sources=records, translate_copies=True
    )
    assert (model.seen, result.report.copies_kept, result.report.translated_before) == ([], 0, 3)


def test_an_output_of_another_structure_is_refused_before_translating(tmp_path: Path) -> None:
    """``"filters": "Filter"`` where the source has an object (and ``"sort": {"label": ...}``
    where it has a string) replaced the source's structure: 3 strings were translated and
    dropped, and the warning said they were "kept at the end"."""
    source = _write(
        tmp_path,
        "en.json",
        json.dumps({"title": "Tasks", "filters": {"all": "All"}, "sort": "Sort by date"}),
    )
    so_far = {"title": "Aufgaben", "filters": "Filter", "sort": {"label": "Sortieren"}, "x": "y"}
    out = _write(tmp_path, "de.json", json.dumps(so_far))
    model = FakeModel()
    with pytest.raises(
        UnalignedTranslationError,
        match=re.escape(
            f"{out}: /filters, /sort/label are written in another structure than in en.json (a "
            "string for an object, or the reverse); write them as en.json does (restructure "
            "or delete those keys in de.json)"
        ),
    ):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert json.loads(out.read_text("utf-8")) == so_far
    translate_file(source, out, model, tgt_lang="de", overwrite=True)
    assert json.loads(out.read_text("utf-8")) == {
        "title": "TASKS",
        "filters": {"all": "ALL"},
        "sort": "SORT BY DATE",
    }


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ({"emptyState": {}, "title": "Tasks"}, {"emptyState": "", "title": "Aufgaben"}),
        ({"emptyState": "", "title": "Tasks"}, {"emptyState": {"a": "B"}, "title": "Aufgaben"}),
        ({"emptyState": [], "title": "Tasks"}, {"emptyState": None, "title": "Aufgaben"}),
    ],
)
def test_an_empty_value_is_no_other_structure(tmp_path: Path, english: dict, german: dict) -> None:
    """``"emptyState": {}`` in en.json beside ``""`` in de.json stopped the run ("written in
    another structure"): an empty string, null, empty object or array holds no translation."""
    source = _write(tmp_path, "en.json", json.dumps(english))
    out = _write(tmp_path, "de.json", json.dumps(german))
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert json.loads(out.read_text("utf-8"))["title"] == "Aufgaben"


def test_i18next_ordinal_forms_german_has_no_category_of_are_left_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """German kept ``place_ordinal_two``: ``Du hast {{count}}nd``, a key i18next never reads
    for German, whose one ordinal category is ``other``."""
    forms = {"one": "st", "two": "nd", "few": "rd", "other": "th"}
    source = _write(
        tmp_path,
        "en.json",
        json.dumps(
            {f"place_ordinal_{k}": f"You finished {{{{count}}}}{v}" for k, v in forms.items()}
        ),
    )
    out = tmp_path / "de.json"
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["You finished {{count}}th"]
    assert list(json.loads(out.read_text("utf-8"))) == ["place_ordinal_other"]
    assert (
        "en.json: 3 i18next ordinal forms left out (/place_ordinal_one, /place_ordinal_two, "
        "/place_ordinal_few): the target language (de) has no such ordinal category, so "
        "i18next does not read them"
    ) in caplog.text


def test_an_outputs_ordinal_forms_german_lacks_are_kept_in_place_and_not_imported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """de.json's ``place_ordinal_one/two/few: "{{count}}. Platz"`` were said to be "3 strings
    not in en.json ... kept at the end; delete them there if they are obsolete" (they are in
    en.json), moved to the end, and import counted them "not in the source file"."""
    forms = {"one": "st", "two": "nd", "few": "rd", "other": "th"}
    english = {f"place_ordinal_{k}": f"{{{{count}}}}{v} place" for k, v in forms.items()}
    source = _write(tmp_path, "en.json", json.dumps({**english, "title": "Results"}))
    german = {f"place_ordinal_{k}": "{{count}}. Platz" for k in forms}
    so_far = json.dumps({**german, "title": "Ergebnisse"}, indent=2)
    out = _write(tmp_path, "de.json", so_far)
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []
    assert "not in" not in caplog.text and "obsolete" not in caplog.text
    assert list(json.loads(out.read_text("utf-8")).items()) == [
        *german.items(),
        ("title", "Ergebnisse"),
    ]
    not_read = NotRead()
    records = list(JsonCatalog.pairs(out, source_file=source, tgt_lang="de", not_read=not_read))
    assert [r.target for r in records] == ["{{count}}. Platz", "Ergebnisse"]
    assert not_read.by_reason() == {"in an ordinal category the language lacks": 3}
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        list(JsonCatalog.pairs(out, source_file=source, tgt_lang="de"))
    assert caplog.messages[-1] == (
        f"{out}: 3 strings in an ordinal category the language lacks not imported "
        "(/place_ordinal_one, /place_ordinal_two, /place_ordinal_few)"
    )


def test_uuids_numbers_time_zones_and_names_are_copied_and_not_imported(tmp_path: Path) -> None:
    """A Dialogflow agent's UUID went to the model and lost a digit (``c0ffe00-…``), its entity's
    name became ``Pizza-size``, and memory import stored ``0 → 0``: no text, copied."""
    data = {
        "id": "c0ffee00-2222-4b3c-9d4e-000000000001",
        "name": "pizza-size",
        "hash": "9cb30da1",
        "defaultValue": "0",
        "defaultTimezone": "Europe/Berlin",
        "platform": "google",
        "events": [{"name": "WELCOME"}],
        "speech": "Your order is on its way.",
    }
    source = _write(tmp_path, "Order Pizza.json", json.dumps(data, indent=2))
    out = tmp_path / "de" / "Order Pizza.json"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Your order is on its way."]
    assert json.loads(out.read_text("utf-8")) == data | {"speech": "YOUR ORDER IS ON ITS WAY."}
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target) for r in records] == [
        ("Your order is on its way.", "YOUR ORDER IS ON ITS WAY.")
    ]


YARN_LINES = {
    "lines": [
        {"id": "line:elara_01", "speaker": "Elara", "node": "Market_Start", "text": "Welcome!"},
        {"id": "line:0a1b2c", "speaker": "Elara", "node": "MarketEnd", "text": "Hurry!"},
    ],
    "bye": {"id": "quest.main.start", "lineId": "0a1b2d", "text": "Bye"},
}


def test_line_ids_under_a_key_of_identifiers_are_copied_and_not_imported(tmp_path: Path) -> None:
    """Trial s77: Yarn Spinner's ``"id": "line:0a1b2c"`` became ``Zeile:0a1b2c`` (the game
    found no German line), and memory import stored ``line:elara_01 → Zeile:elara_01``."""
    source = _write(tmp_path, "lines_en.json", json.dumps(YARN_LINES, indent=2))
    out = tmp_path / "lines_de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Elara", "Welcome!", "Elara", "Hurry!", "Bye"]
    written = json.loads(out.read_text("utf-8"))
    assert [line["id"] for line in written["lines"]] == ["line:elara_01", "line:0a1b2c"]
    assert written["bye"] == {"id": "quest.main.start", "lineId": "0a1b2d", "text": "BYE"}
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [r.source for r in records] == ["Elara", "Welcome!", "Elara", "Hurry!", "Bye"]


def test_a_rerun_writes_the_source_id_where_an_earlier_run_translated_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An output written before trial s77's fix holds ``Zeile:0a1b2c``, ltmt's translation of
    the id: a rerun writes the source's, and says so; a reviewer's text is kept."""
    records = OutputSources(tmp_path / "records")
    data = {"greeting": {"id": "line:0a1b2c", "text": "Hello"}}
    source = _write(tmp_path, "min.json", json.dumps(data))
    out = tmp_path / "min.de.json"
    with monkeypatch.context() as older:  # an ltmt that read the id as text
        older.setattr(json_catalog, "kept_as_written", lambda *_args: set())
        translate_file(source, out, FakeModel(), output_sources=records)
    assert json.loads(out.read_text("utf-8"))["greeting"]["id"] == "LINE:0A1B2C"
    out.write_text(out.read_text("utf-8").replace("HELLO", "Hallo"), "utf-8")  # reviewed
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), output_sources=records)
    assert json.loads(out.read_text("utf-8")) == {
        "greeting": {"id": "line:0a1b2c", "text": "Hallo"}
    }
    assert (
        f"{out}: 1 value that an earlier run translated as text is copied now (no text, as an "
        "identifier is, or under a key of --skip-keys): written as the source has it (/greeting/id: LINE:0A1B2C)"
    ) in caplog.messages


def test_urls_emails_and_refs_are_copied_as_yaml_copies_them(tmp_path: Path) -> None:
    """An OpenAPI document's server URL, contact email and ``$ref`` went to the model (its
    segments said ``"method": "model"``) where YAML copied them: one predicate, no text."""
    data = {
        "url": "https://api.parcelly.io/v2",
        "email": "api@parcelly.io",
        "$ref": "#/components/schemas/Shipment",
        "count": "{count}",
        "description": "Production server",
    }
    source = _write(tmp_path, "openapi.json", json.dumps(data, indent=2))
    out = tmp_path / "de" / "openapi.json"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Production server"]
    assert json.loads(out.read_text("utf-8")) == data | {"description": "PRODUCTION SERVER"}
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target) for r in records] == [("Production server", "PRODUCTION SERVER")]


def test_relative_file_paths_are_copied_not_translated(tmp_path: Path) -> None:
    """A UI5 manifest's ``"bundleUrl": "i18n/i18n.properties"`` came back
    ``"i18n/i18n. Eigenschaften"``: a relative file path is no text in any JSON catalog."""
    data = {
        "bundleUrl": "i18n/i18n.properties",
        "icon": "./img/logo.png",
        "title": "Purchase order list",
    }
    source = _write(tmp_path, "app.json", json.dumps(data, indent=2))
    out = tmp_path / "app_de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Purchase order list"]
    assert json.loads(out.read_text("utf-8")) == data | {"title": "PURCHASE ORDER LIST"}


def test_a_ui5_manifest_is_refused_naming_its_properties_file(tmp_path: Path) -> None:
    """A UI5 ``manifest.json`` was translated: its bundleUrl, viewName and supportedLocales
    went to the model."""
    data = {
        "sap.app": {"id": "com.acme.po", "title": "{{appTitle}}"},
        "sap.ui5": {"models": {"i18n": {"settings": {"bundleUrl": "i18n/i18n.properties"}}}},
    }
    webapp = tmp_path / "webapp"
    webapp.mkdir()
    manifest = _write(webapp, "manifest.json", json.dumps(data))
    german = (webapp / "i18n" / "i18n_de.properties").as_posix()
    with pytest.raises(
        InputError,
        match=re.escape(
            f'manifest.json: a UI5 app descriptor ("sap.app"), not a message file: its texts '
            f"live in i18n/i18n.properties, which it names as {{{{appTitle}}}} placeholders, "
            f"and its settings (bundleUrl, viewName) stop the app from loading if translated; "
            f"translate those: ltmt translate {(webapp / 'i18n' / 'i18n.properties').as_posix()}"
            f" -o {german}"
        ),
    ):
        JsonCatalog.open(manifest)


class _LosesAParameter(FakeModel):
    """Drops Dialogflow's ``$number`` and rewrites a context parameter, as the model did."""

    def __call__(self, texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        outputs = super().__call__(texts, prefer)
        return [
            o.replace("$number ", "").replace("#order-followup.address", "#Bestellung.Adresse")
            for o in outputs
        ]


def test_a_dialogflow_parameter_reference_is_kept_and_counted(tmp_path: Path) -> None:
    """``$number $pizza-size`` came back ``$pizza-Größe`` (``$number`` lost), counted as
    nothing lost: each reference is a placeholder, put back where the model lost it."""
    data = {
        "speech": "I have ordered $number $pizza-size pizza.",
        "done": "It arrives at #order-followup.address today.",
    }
    source = _write(tmp_path, "en.json", json.dumps(data))
    out = tmp_path / "de.json"
    report = translate_file(source, out, _LosesAParameter(), tgt_lang="de").report
    written = json.loads(out.read_text("utf-8"))
    assert "$number" in written["speech"] and "$pizza-size" in written["speech"]
    assert "#order-followup.address" in written["done"]
    assert "placeholders: 2 with some, 2 repaired, 0 could not be repaired" in report.summary()


def test_the_summary_names_an_icu_plurals_case_as_written(tmp_path: Path) -> None:
    """A case's # goes to the model as %d, and the summary named it so: 'd' in '%d button
    on this page' (a design-system trial); now it says what the file writes."""
    from ltmt.segments import Translation

    def copy(texts: list[str], prefer: list[dict[str, object]]) -> list[Translation]:
        return [Translation(text, text, method="model") for text in texts]

    source = _write(
        tmp_path,
        "en.json",
        '{"count": "{count, plural, one {# button} other {# buttons}} on this page"}',
    )
    result = translate_file(source, tmp_path / "de.json", copy, tgt_lang="de")
    assert result.report.copied_examples == ["# button on this page", "# buttons on this page"]
    assert (
        "2 left as in the source by the model (check them: '# button on this page', "
        "'# buttons on this page')" in result.report.summary()
    )


def test_a_list_of_records_at_the_top_is_translated_as_under_an_object(tmp_path: Path) -> None:
    """Strapi's export writes its entries as a list (trial s75: refused as no object of
    strings, while the same entries under ``{"data": [...]}`` were translated)."""
    records = [
        {"id": 14, "locale": "en", "slug": "our-new-office", "title": "Our new office"},
        {"id": 15, "locale": "en", "slug": "five-tips", "seo": {"metaTitle": "Five tips"}},
    ]
    listed, wrapped = tmp_path / "en.json", tmp_path / "wrapped.en.json"
    listed.write_text(json.dumps(records, indent=2), "utf-8")
    wrapped.write_text(json.dumps({"data": records}, indent=2), "utf-8")
    translate_file(listed, tmp_path / "de.json", FakeModel(), tgt_lang="de")
    translate_file(wrapped, tmp_path / "wrapped.de.json", FakeModel(), tgt_lang="de")
    written = json.loads((tmp_path / "de.json").read_text("utf-8"))
    assert written == json.loads((tmp_path / "wrapped.de.json").read_text("utf-8"))["data"]
    assert written[1] == {
        "id": 15,
        "locale": "en",
        "slug": "five-tips",
        "seo": {"metaTitle": "FIVE TIPS"},
    }


def test_qa_names_a_plurals_number_as_the_file_writes_it_and_sees_it_moved_out(
    tmp_path: Path,
) -> None:
    """Trial s75: a ``#`` moved before the plural (ICU prints a literal "#") was not seen, and
    a lost ``#`` was said as ``lacks %d``, ltmt's stand-in, which no ICU file has; a lost
    quoted run is said as the file writes it too."""
    deleted = "{count, plural, one {You deleted # file.} other {You deleted # files.}}"
    source = _write(
        tmp_path,
        "en.json",
        json.dumps({"moved": deleted, "lost": deleted, "h": "Press '<'Enter'>' to confirm."}),
    )
    out = _write(
        tmp_path,
        "de.json",
        json.dumps(
            {
                "moved": "# {count, plural, one {Du hast Datei gelöscht.} "
                "other {Du hast Dateien gelöscht.}}",
                "lost": "{count, plural, one {Datei gelöscht.} other {Dateien gelöscht.}}",
                "h": "Drücke Enter zum Bestätigen.",
            }
        ),
    )
    records = list(read_translations(out, source_file=source, purpose="checked"))
    found = check_pairs(records, checks=["icu", "placeholders"]).findings
    assert sorted((f.position.rpartition(": ")[2], f.check, f.message) for f in found) == [
        ("/h", "placeholders", "lacks '<'Enter'>'"),
        ("/lost#other", "placeholders", "lacks #"),
        (
            "/moved",
            "icu",
            "has '#' outside its plural's branches, where ICU prints it as it stands (a "
            "literal '#', not the number): move it into the branches",
        ),
    ]


TOLGEE_NESTED = {
    "button": {"save": "Save", "share": "Share"},
    "onboarding": {"welcome": "Welcome, {name}!"},
}
TOLGEE_FLAT = {
    "button.save": "Sichern",
    "button.share": "Freigeben",
    "onboarding.welcome": "Hallo {name}, schön, dass du da bist!",
}


@pytest.mark.parametrize(
    ("english", "german", "expected"),
    [
        (
            TOLGEE_NESTED,
            TOLGEE_FLAT,
            {
                ("/button/save", "Save", "Sichern"),
                ("/button/share", "Share", "Freigeben"),
                (
                    "/onboarding/welcome",
                    "Welcome, {name}!",
                    "Hallo {name}, schön, dass du da bist!",
                ),
            },
        ),
        (
            {"button.save": "Save", "title": "Files"},
            {"button": {"save": "Sichern"}, "title": "Dateien"},
            {("/button.save", "Save", "Sichern"), ("/title", "Files", "Dateien")},
        ),
    ],
)
def test_a_translation_flat_where_the_source_nests_or_the_reverse_pairs_name_by_name(
    tmp_path: Path, english: dict, german: dict, expected: set[tuple[str, str, str]]
) -> None:
    """Tolgee's flat de.json of a nested en.json: the import refused it (``none of its 3 names
    are in en.json``, trial s75); a nested ``a`` → ``b`` and a flat ``a.b`` are one name."""
    source = _write(tmp_path, "en.json", json.dumps(english))
    target = _write(tmp_path, "de.json", json.dumps(german, ensure_ascii=False))
    not_read = NotRead()
    records = JsonCatalog.pairs(target, source_file=source, not_read=not_read)
    assert {(r.metadata["context"], r.source, r.target) for r in records} == expected
    assert not_read.by_reason() == {}  # none untranslated, none "not in the source file"


def test_a_rerun_into_a_flat_translation_keeps_it_and_writes_flat(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The rerun translated every key again, wrote each twice (the nested machine translation
    shadows the reviewer's flat German in i18next) and called the flat strings obsolete."""
    english = {"title": "Files", **TOLGEE_NESTED, "max": 3}
    english["button"] = {**TOLGEE_NESTED["button"], "delete": "Delete"}
    source = _write(tmp_path, "en.json", json.dumps(english, indent=2))
    out = _write(tmp_path, "de.json", json.dumps(TOLGEE_FLAT, ensure_ascii=False, indent=2))
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, model, tgt_lang="de")
    assert sorted(model.seen) == ["Delete", "Files"]
    assert result.report.translated_before == 3
    assert list(json.loads(out.read_text("utf-8")).items()) == [
        ("title", "FILES"),
        ("button.save", "Sichern"),
        ("button.share", "Freigeben"),
        ("button.delete", "DELETE"),
        ("onboarding.welcome", "Hallo {name}, schön, dass du da bist!"),
        ("max", 3),
    ]
    assert caplog.messages == [
        f"{out}: written with flat keys as it has them (button.save, button.share, "
        f"onboarding.welcome), where {source} nests them: one name each, to i18next and to ltmt"
    ]


def test_a_rerun_into_a_nested_translation_of_a_flat_source_writes_nested(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    english = {"button.save": "Save", "button.share": "Share", "Sign up.": "Sign up."}
    source = _write(tmp_path, "en.json", json.dumps(english))
    out = _write(tmp_path, "de.json", json.dumps({"button": {"save": "Sichern"}}))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "button": {"save": "Sichern", "share": "SHARE"},
        "Sign up.": "SIGN UP.",  # a sentence as a key: no nested spelling
    }
    assert caplog.messages == [
        f"{out}: written with nested keys as it has them (button.save), where {source} has "
        "them flat: one name each, to i18next and to ltmt"
    ]


def test_a_translation_with_both_spellings_of_a_name_keeps_both_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Where the translation has the source's spelling too (what the rerun of trial s75
    wrote), its flat one is kept at the end as before, but called no obsolete string: "delete
    them there if they are obsolete" deleted the reviewer's German, which i18next may read."""
    source = _write(tmp_path, "en.json", json.dumps(TOLGEE_NESTED))
    german = {"button": {"save": "Speichern"}, "button.save": "Sichern", "old": "Alt"}
    out = _write(tmp_path, "de.json", json.dumps(german))
    not_read = NotRead()
    records = JsonCatalog.pairs(out, source_file=source, not_read=not_read)
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    assert not_read.by_reason() == {
        "not in the source file": 1,
        "untranslated": 2,
        "whose name the file spells twice": 1,
    }
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    written = json.loads(out.read_text("utf-8"))
    assert (written["button"]["save"], written["button.save"]) == ("Speichern", "Sichern")
    assert caplog.messages[:2] == [
        f"{out}: 1 string that spells a name of {source} flat or nested otherwise, beside "
        "another spelling of it there (/button.save), kept at the end; i18next reads one of "
        "the two: keep one of each",
        f"{out}: 1 string not in {source} (/old) kept at the end; delete it there if it is "
        "obsolete",
    ]


def test_a_mixed_translation_keeps_each_spelling_and_writes_new_keys_as_the_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "en.json", json.dumps(TOLGEE_NESTED))
    german = {"button.save": "Sichern", "onboarding": {"welcome": "Hallo {name}!"}}
    out = _write(tmp_path, "de.json", json.dumps(german))
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "button.save": "Sichern",
        "button": {"share": "SHARE"},
        "onboarding": {"welcome": "Hallo {name}!"},
    }
    assert caplog.messages == [
        f"{out}: 1 key kept as it spells it (button.save), flat or nested otherwise than in "
        f"{source}: one name each, to i18next and to ltmt; new keys written as {source} has them"
    ]


@pytest.mark.parametrize(
    ("english", "german", "not_read", "warning"),
    [
        (
            {
                "hint": "Type '{' to insert a variable.",
                "members": "{m, plural, one {# member} other {# members}} · "
                "{p, plural, one {# project} other {# projects}}",
                "save": "Save",
            },
            {
                "hint": "Tippe '{', um eine Variable einzufügen.",
                "members": "{m, plural, one {# Mitglied} other {# Mitglieder}} · "
                "{p, plural, one {# Projekt} other {# Projekte}}",
                "save": "Speichern",
            },
            {"that ltmt cannot take apart": 2},
            "2 translations of messages that ltmt cannot take apart not imported (/hint, "
            "/members): ltmt translate leaves such a message untranslated, so no memory reuses "
            "it, and keeps a person's translation of it in the output it continues",
        ),
        (
            {"bad": "Hello {name, welcome back", "save": "Save"},
            {"bad": "Hallo {name}, willkommen zurück", "save": "Speichern"},
            {"whose source ICU rejects": 1},
            "1 translation of a message whose source ICU rejects not imported (/bad): fix its "
            "source in the source file",
        ),
        # the source copied, as earlier versions wrote such a message: no translation
        (
            {"hint": "Type '{' to insert a variable.", "save": "Save"},
            {"hint": "Type '{' to insert a variable.", "save": "Speichern"},
            {},
            None,
        ),
    ],
)
def test_a_persons_translation_of_a_message_left_untranslated_is_counted(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    english: dict,
    german: dict,
    not_read: dict,
    warning: str | None,
) -> None:
    """Two of three translated strings vanished from an import without a count or a word
    (``read: 1, added: 1, skipped: {}``, trial s75)."""
    source = _write(tmp_path, "en.json", json.dumps(english, ensure_ascii=False))
    target = _write(tmp_path, "de.json", json.dumps(german, ensure_ascii=False))
    counted = NotRead()
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.keyed_catalog"):
        records = list(JsonCatalog.pairs(target, source_file=source, not_read=counted))
        checked = list(JsonCatalog.pairs(target, source_file=source, purpose="checked"))
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    assert len(checked) == 1  # qa: as before
    assert counted.by_reason() == not_read
    said = [m for m in caplog.messages if "not imported" in m]
    assert said == ([f"{target}: {warning}"] if warning else [])


_CMS = {
    "description": 'Read the [press release](https://acme.example/press "Press release").',
    "body": "## Why Berlin?\n\n- Open kitchen\n- Bike storage",
    "mime": "image/jpeg",
    "title": "# of offices",
}


def test_a_string_that_is_markdown_keeps_its_marks_links_and_titles(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A Strapi article's Markdown came out ``#Wasso Berlin?`` and ``[Drücken Sie](https://...
    »Press Veröffentlichung«)``, no heading nor link any more; a string of one line that only
    starts with ``#`` is text."""
    source = _write(tmp_path, "en.json", json.dumps(_CMS, indent=2))
    out = tmp_path / "de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [
        'Read the <a href="https://acme.example/press" title="Press release">press release</a>.',
        "Press release",
        "Why Berlin?",
        "Open kitchen",
        "Bike storage",
        "# of offices",
        "Read the press release.",  # a link's text apart, as in a Markdown page's paragraph
        "press release",
    ]
    assert json.loads(out.read_text("utf-8")) == {
        "description": 'READ THE [PRESS RELEASE](https://acme.example/press "PRESS RELEASE").',
        "body": "## WHY BERLIN?\n\n- OPEN KITCHEN\n- BIKE STORAGE",
        "mime": "image/jpeg",
        "title": "# OF OFFICES",
    }
    records = list(read_translations(out, source_file=source, purpose="checked"))
    assert [(r.position.rpartition(": ")[2], r.target) for r in records] == [
        (
            "/description#block0",
            'READ THE <a href="https://acme.example/press" title="Press release">PRESS '
            "RELEASE</a>.",  # its title a pair of its own
        ),
        ("/description#block0:title0", "PRESS RELEASE"),
        ("/body#block0", "WHY BERLIN?"),
        ("/body#block1", "OPEN KITCHEN"),
        ("/body#block2", "BIKE STORAGE"),
        ("/title", "# OF OFFICES"),
    ]
    assert not check_pairs(records, checks=["format", "placeholders"]).findings
    rerun = FakeModel()  # its translations kept, a link's translated title no added tag
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, rerun, tgt_lang="de")
    assert rerun.seen == [] and not caplog.records


def test_qa_names_a_markdown_strings_lost_heading_mark_and_broken_link(tmp_path: Path) -> None:
    """``ltmt qa`` said nothing of ``#Wasso Berlin?`` nor of a title's ``»...«``."""
    source = _write(tmp_path, "en.json", json.dumps(_CMS, indent=2))
    translated = {
        **_CMS,
        "description": "Lesen Sie die [Mitteilung](https://acme.example/press »Presse«).",
        "body": "#Wasso Berlin?\n\n- Küche\n- Fahrräder",
    }
    out = _write(tmp_path, "de.json", json.dumps(translated, indent=2))
    records = list(read_translations(out, source_file=source, purpose="checked"))
    found = check_pairs(records, checks=["format", "placeholders"]).findings
    assert [(f.position.rpartition(": ")[2], f.message) for f in found] == [
        (
            "/description#block0",
            'lacks <a href="https://acme.example/press" title="…">, </a>',
        ),
        (
            "/body",
            "writes '#Wasso Berlin?' without the Markdown mark '##' of the source's 'Why "
            "Berlin?' (a heading): write it as the source does",
        ),
    ]
    assert JsonCatalog.open(source, tgt_lang="de").missing_in(out) == []  # there, if broken
    translate_file(source, out, FakeModel(), tgt_lang="de")  # a rerun: translated again
    assert json.loads(out.read_text("utf-8"))["body"] == (
        "## WHY BERLIN?\n\n- OPEN KITCHEN\n- BIKE STORAGE"  # (kept: '## #Wasso Berlin?')
    )
