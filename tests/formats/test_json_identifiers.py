"""Which strings of a JSON file are copied, not translated: keys named to skip, identifiers."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.json_identifiers import (
    find_locale_maps,
    is_no_text,
    kept_as_written,
    names_key,
    naming_key,
    parse_skip_keys,
    skipped,
    unknown_keys_said_once,
    warn_of_unknown_keys,
)
from ltmt.formats.pipeline import translate_file

Strings = list[tuple[tuple[str | int, ...], str]]
# the objects of a value per language in the tables below (find_locale_maps finds them in a file)
LOCALE_MAPS = frozenset({("fields", "slug"), ("fields", "permalink"), ("fields", "theme"),
                         ("fields", "title"), ("locale",), ("fields", "slug", "de")})  # fmt: skip


@pytest.mark.parametrize(
    ("strings", "records", "skip", "kept"),
    [
        # written as identifiers, wherever they stand
        ([(("a",), "intro_01"), (("b",), "quest.main.start"), (("c",), "KEY_NAME")], (), (), 3),
        # ... but not text that only has a dot or an underscore in it
        ([(("a",), "e.g."), (("b",), "Loading..."), (("c",), "Save as_you go")], (), (), 0),
        # a key of single words, one of them an identifier, and a key that names its values
        (
            [
                (("n", 0, "id"), "intro_01"),
                (("n", 0, "next"), "ask"),
                (("n", 1, "id"), "ask"),
                (("n", 1, "next"), "end"),
            ],
            (),
            (),
            4,
        ),
        # a name among a key's labels leaves the labels text: only the name is kept
        (
            [
                (("about", "title"), "About"),
                (("runtime", "title"), "Node.js"),
                (("settings", "title"), "Settings"),
            ],
            (),
            (),
            1,
        ),
        ([(("about", "title"), "About"), (("runtime", "title"), "Node.js")], (), (), 1),
        # one value alone, or one with a space, makes no key of identifiers
        ([(("next",), "accept")], (), (), 0),
        # ... but under a key of ids or names, a word in small letters is one (machine_values)
        ([(("id",), "accept"), (("name",), "pizza-size"), (("name",), "Order Pizza")], (), (), 2),
        ([(("x", 0, "id"), "intro_01"), (("x", 1, "id"), "the end")], (), (), 1),
        # a word in capitals naming a record; not a key's own name, not in small letters
        ([(("n", "speaker"), "GUARD"), (("OK",), "OK"), (("m",), "guard")], ("GUARD",), (), 1),
        ([(("n", "speaker"), "GUARD")], (), (), 0),
        # below a key that is a locale code, the key above it says what the value is (s75)
        (
            [
                (("fields", "slug", "en-US"), "plan-your-launch"),
                (("fields", "permalink", "de"), "plan-your-launch"),
                (("fields", "theme", "en-US"), "dark"),
                (("fields", "title", "en-US"), "plan-your-launch"),
                (("locale", "en-US"), "en-us"),
            ],
            (),
            (),
            4,
        ),
        # a Zendesk article's search labels (trial s76); a list of other strings is text
        (
            [
                (("article", "label_names", 0), "billing"),
                (("article", "label_names", 1), "Payments"),
                (("labelNames", 0), "billing"),
                (("tags", 0), "Urgent"),
                (("label_names",), "Labels"),  # the key's own string, no list's item
                (("labels", 0), "Save"),
            ],
            (),
            (),
            3,
        ),
        # named keys, at any depth, and what is under them
        (
            [(("n", 0, "speaker"), "Guard"), (("meta", "notes", 0), "Draft")],
            (),
            ("speaker", "meta"),
            2,
        ),
    ],
)
def test_kept_as_written(
    strings: Strings, records: tuple[str, ...], skip: tuple[str, ...], kept: int
) -> None:
    found = kept_as_written(strings, frozenset(records), frozenset(skip), LOCALE_MAPS)
    assert len(found) == kept
    assert found <= {parts for parts, _ in strings}


@pytest.mark.parametrize(
    ("text", "keys"),
    [("id,next,speaker", {"id", "next", "speaker"}), ("id, next", {"id", "next"}), ("id", {"id"})],
)
def test_skip_keys_are_names_separated_by_commas(text: str, keys: set[str]) -> None:
    assert parse_skip_keys(text) == keys


@pytest.mark.parametrize("text", ["", "id,,next", "id,", " , "])
def test_an_empty_key_name_to_skip_is_an_error(text: str) -> None:
    with pytest.raises(InputError, match="has an empty key name; give names separated by"):
        parse_skip_keys(text)


def test_a_folders_files_say_the_skip_keys_none_of_them_has_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keys = frozenset({"id", "nmae", "speech"})
    with unknown_keys_said_once(tmp_path / "agent", keys):
        warn_of_unknown_keys(tmp_path / "a.json", {"id": "x", "name": "y"}, keys)
        warn_of_unknown_keys(tmp_path / "b.json", {"speech": "Hi"}, keys)
    assert caplog.messages == [
        "agent: --skip-keys names 'nmae', which no key of its files has (did you mean 'name'?)"
    ]
    caplog.clear()
    warn_of_unknown_keys(tmp_path / "b.json", {"speech": "Hi"}, keys)  # a file alone: as before
    assert caplog.messages == [
        "b.json: --skip-keys names 'id', 'nmae', which no key of the file has (key names are "
        "case-sensitive)"
    ]


@pytest.mark.parametrize(
    ("name", "key", "named"),
    [
        ("devToolsAccelerator", "devToolsAccelerator", True),
        ("*Accelerator", "devToolsAccelerator", True),
        ("*Accelerator", "Accelerator", True),
        ("*Accelerator", "accelerator", False),  # in its case, as a name
        ("*Accelerator", "devToolsAcceleratorMac", False),  # matched whole
        ("label_?", "label_1", True),
        ("label_?", "label_10", False),
        ("a[1]*", "a[1]x", True),  # a bracket is itself
        ("a[1]*", "a1x", False),
        ("a[1]", "a1", False),
    ],
)
def test_a_key_to_skip_is_named_or_matched_by_a_pattern(name: str, key: str, named: bool) -> None:
    """Regression trial s72: ``--skip-keys '*Accelerator'`` matched no key."""
    assert names_key(name, key) is named
    assert skipped(("menu", key), frozenset({name})) is named


def test_a_pattern_is_read_at_once_however_long_the_key() -> None:
    started = time.perf_counter()
    assert not names_key("*a" * 30 + "b", "a" * 20000)
    assert not names_key("?*" * 40 + "z", "q" * 20000)
    assert time.perf_counter() - started < 0.5


def test_a_pattern_that_matches_no_key_is_named_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keys = frozenset({"*Accelerator", "*Shortcut", "nmae"})
    data = {"menu": {"devToolsAccelerator": "Ctrl+Shift+I", "name": "x"}}
    warn_of_unknown_keys(tmp_path / "menu.json", data, keys)
    assert caplog.messages == [
        "menu.json: --skip-keys names '*Shortcut', 'nmae', which no key of the file has (did you "
        "mean 'name' for 'nmae'?)"
    ]


@pytest.mark.parametrize(
    ("text", "key", "no_text"),
    [
        ("https://api.parcelly.io/v2", "url", True),
        ("api@parcelly.io", "email", True),
        ("#/components/schemas/Shipment", "$ref", True),
        ("{count}", None, True),
        ("  ", None, True),
        ("quest.main.start", None, True),
        ("pizza-size", "name", True),
        ("line:0a1b2c", "id", True),  # a Yarn Spinner line ID (trial s77)
        ("line:0a1b2c", "text", False),
        # a slug under a key named for one, in JSON and YAML (trial s75)
        ("our-new-office-in-berlin", "slug", True),
        ("about", "urlSlug", True),
        ("plan-your-first-product-launch", "permalink", True),
        ("plan-your-launch", "handle", True),
        ("plan-your-launch", "page_path", True),
        ("settings", "path", False),  # one word: a label may be
        ("Plan your launch", "permalink", False),
        ("plan-your-launch", "title", False),
        # a key binding is no text in a JSON catalog alone (kept_as_written): YAML shows it
        ("Ctrl+Shift+I", "devToolsAccelerator", False),
        ("Ctrl+Shift+I", "devTools", False),
        ("See https://parcelly.io for more.", "description", False),
        ("Production server", "description", False),
    ],
)
def test_no_text_is_one_predicate_for_json_and_yaml(
    text: str, key: str | None, no_text: bool
) -> None:
    assert is_no_text(text, key) is no_text


def test_a_json_files_key_bindings_are_kept_as_written() -> None:
    """Electron parses them (``Strg+Umschalt+I`` lost the menu item its shortcut)."""
    strings = [(("menu", "devToolsAccelerator"), "Ctrl+Shift+I"), (("menu", "save"), "Ctrl+S")]
    assert kept_as_written(strings, frozenset({"menu"}), frozenset()) == {
        ("menu", "devToolsAccelerator")
    }


@pytest.mark.parametrize(
    ("parts", "key"),
    [
        (("fields", "slug", "en-US"), "slug"),
        (("fields", "slug", "de", "en-US"), "slug"),
        (("slug",), "slug"),
        (("user", "id"), "id"),  # Indonesian's code, and a key that names a thing
        (("tags", 0), 0),
        (("en-US",), "en-US"),  # at the top, no key above it
        (("app", "title"), "title"),
        (("type", "all"), "all"),  # a label's key, not a locale map's (trial s75)
        ((), None),
    ],
)
def test_the_key_that_names_a_value_is_above_its_locale(
    parts: tuple[str | int, ...], key: str | int | None
) -> None:
    assert naming_key(parts, LOCALE_MAPS) == key


@pytest.mark.parametrize(
    ("data", "maps"),
    [
        ({"fields": {"slug": {"en-US": "a", "de-DE": "b"}, "n": {"de": 1}}}, [("fields", "slug"),
         ("fields", "n")]),
        ({"items": [{"title": {"en": "Hi"}}]}, [("items", 0, "title")]),
        # keys that are language codes to langcodes too, but no locale tags: labels (trial s75)
        ({"type": {"all": "all", "new": "new", "min": "min"}}, []),
        ({"type": {"en-US": "a", "all": "all"}}, []),  # one key that is none: no locale map
        ({"user": {"id": "u1"}}, []),  # Indonesian's code, and a key that names a thing
        ({"x": {"en_US": "a", "zh-Hant": "b", "EN": "c", "xx": "d"}}, []),  # not as Contentful
        ({"en-US": {"title": "Hi"}, "x": {}}, []),  # the top, and an empty object
    ],
)  # fmt: skip
def test_a_locale_map_is_an_object_whose_keys_are_all_locale_tags(
    data: object, maps: list[tuple[str | int, ...]]
) -> None:
    assert list(find_locale_maps(data)) == maps


def test_a_locale_tag_is_told_in_linear_time() -> None:
    keys = ["a" * 100_000, "en-" + "U" * 100_000, "-".join(["en"] * 50_000), "e" + "n-US" * 25_000]
    data = {"x": dict.fromkeys(keys, "v")}
    started = time.perf_counter()
    assert list(find_locale_maps(data)) == []
    assert time.perf_counter() - started < 0.5


def test_labels_under_keys_that_are_language_codes_too_are_translated(tmp_path: Path) -> None:
    """Trial s75: ``all`` and ``new`` are language codes to langcodes, and a filter's labels
    under them were judged by the key above (``type``) and left English, unwarned; a
    Contentful field's value per locale is still judged by its field's key."""
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(
        json.dumps(
            {
                "type": {"all": "all", "new": "new"},
                "fields": {"slug": {"en-US": "plan-your-launch"}, "theme": {"en-US": "dark"}},
            }
        ),
        "utf-8",
    )
    translate_file(source, output, FakeModel())
    assert json.loads(output.read_text("utf-8")) == {
        "type": {"all": "ALL", "new": "NEW"},
        "fields": {"slug": {"en-US": "plan-your-launch"}, "theme": {"en-US": "dark"}},
    }
