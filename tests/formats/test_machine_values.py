"""Which values of a keyed file a program reads: copied as written, never sent to the model."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.machine_values import is_identifier_key, is_machine_value


@pytest.mark.parametrize(
    ("text", "key", "machine"),
    [
        ("c0ffee00-2222-4b3c-9d4e-000000000001", "id", True),  # a UUID under any key
        ("A1B2C3D4-0000-4000-8000-000000000001", "ref", True),
        ("3f2a9c1b", "hash", True),  # a hex hash: 8 digits, a digit and a letter
        ("9cb30da1e2", None, True),
        ("deadbeef", None, False),  # no digit: a word
        ("3f2a9c1", None, False),  # 7 hex digits
        ("0", "defaultValue", True),  # a number alone
        ("-1.5", None, True),
        ("30 minutes", None, False),
        ("Europe/Berlin", "defaultTimezone", True),
        ("America/Argentina/Buenos_Aires", "tz", True),
        ("Europe and Asia", None, False),
        ("i18n/i18n.properties", "bundleUrl", True),  # a relative file path
        ("./img/logo.png", "icon", True),
        ("../assets/fonts/Inter-Regular.woff2", None, True),
        ("Read/write access.", None, False),  # a word with a slash: text
        ("Yes/No", None, False),
        ("See docs/setup.md for details", None, False),
        ("pizza-size", "name", True),  # an identifier under a key of names
        ("order_followup", "key", True),
        ("google", "platform", True),
        ("WELCOME", "name", True),
        ("pizza-size", "title", False),  # under a key of text: a label
        ("Order Pizza", "name", False),  # a space: a name people read
        ("Settings", "name", False),  # a capital, then lower case: a label
        ("Pizza-size", "name", False),
        # a MIME type (trial s75: a Contentful asset's "image/jpeg" became "Bild/jpeg")
        ("image/jpeg", "contentType", True),
        ("application/ld+json", "mime", True),
        ("text/html; charset=utf-8", None, True),
        ("image/*", "accept", True),
        ("audio/video", None, False),  # two types: a label
        ("Image/JPEG", None, False),
        ("image/jpeg files only", None, False),
        # an ISO 4217 code alone (trial s75: "EUR" became "Euro"), not one that is a word
        ("EUR", "currency", True),
        ("USD", None, True),
        ("ALL", None, False),
        ("TRY", None, False),
        ("EUR 20", None, False),
        ("Eur", None, False),
        # robots directives (trial s75: "index, follow" became "Index, folgen")
        ("index, follow", "metaRobots", True),
        ("noindex,nofollow", None, True),
        ("noindex", None, True),
        ("max-snippet:50, max-image-preview:large", None, True),
        ("index", None, False),  # alone, a word: a label
        ("none", None, False),
        ("Index, follow", None, False),
        # a camelCase identifier (a Contentful content type's id)
        ("landingPage", None, True),
        ("blogPost2", None, True),
        ("macOS", None, True),
        ("iPhone", None, False),
        ("eBay", None, False),
        ("LandingPage", None, False),
        ("landing page", None, False),
        # a look's name under a key named for one (trial s75: "primary" became "Primär")
        ("primary", "variant", True),
        ("dark", "theme", True),
        ("two-column", "layout", True),
        ("Dark", "theme", False),  # a capital: a label
        ("Dark mode", "theme", False),
        ("dark", "title", False),
        # a record's identifier under a key named for one (trial s77: Yarn Spinner's line
        # IDs became "Zeile:0a1b2c" and the game found no German line)
        ("line:0a1b2c", "id", True),
        ("line:elara_01", "id", True),
        ("line:elara_01", "lineId", True),
        ("0a1b2c", "id", True),
        ("Elara_01", "quest_id", True),
        ("MarketEnd", "nodeID", True),
        ("urn:quest:main", "UUID", True),
        ("market-start", "Id", True),
        ("market-start", "node_id", True),
        ("WELCOME", "ID", True),  # a word in capitals under a key named id, as under "id"
        ("intro", "quest_id", False),  # a lone word under a key that only ends so: text
        ("VAT-ID", "tax_id", False),  # a message file's label
        ("line:0a1b2c", "text", False),  # under a key of text: text
        ("line:0a1b2c", "paid", False),  # a word ending in "id": no key of identifiers
        ("Line 0a1b2c", "id", False),  # a space: text
        ("Hello", "id", False),  # a word written as text
        ("Sign-in", "quest_id", False),
        ("Node.js", "id", False),
        ("Note:", "id", False),
    ],
)
def test_is_machine_value(text: str, key: str | None, machine: bool) -> None:
    assert is_machine_value(text, key) is machine


@pytest.mark.parametrize(
    "text",
    [
        "a" * 50_000 + "!",
        "aA" * 25_000 + "!",
        "image/" + "a" * 50_000 + ";",
        "image/jpeg" + "; a=b" * 10_000 + ";",
        "index, " * 10_000 + "x",
        "max-snippet:" + "1" * 50_000 + "x",
        "a-" * 25_000 + "-",
    ],
)
def test_a_long_value_is_read_at_once(text: str) -> None:
    """No form backtracks: a long value that is none is told in linear time."""
    started = time.perf_counter()
    assert not is_machine_value(text, "variant")
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "text",
    ["a:" * 25_000 + ":", "a_1." * 12_500 + "!", "a-" * 25_000 + " x", "Ab" * 25_000 + "."],
)
def test_a_long_value_under_a_key_of_identifiers_is_read_at_once(text: str) -> None:
    started = time.perf_counter()
    assert not is_machine_value(text, "line_id")
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("key", "names_an_identifier"),
    [
        ("id", True),
        ("ID", True),
        ("Key", True),
        ("uuid", True),
        ("_id", True),
        ("quest_id", True),
        ("node-uuid", True),
        ("lineId", True),
        ("speakerID", True),
        ("spawnGuid", True),
        ("paid", False),
        ("valid", False),
        ("VALID", False),
        ("hotkey", False),  # a key binding's letter, which a translator may change
        ("name", False),
        ("speaker", False),
    ],
)
def test_is_identifier_key(key: str, names_an_identifier: bool) -> None:
    assert is_identifier_key(key) is names_an_identifier


def test_a_long_key_is_read_at_once() -> None:
    started = time.perf_counter()
    assert not is_identifier_key("a_i" * 30_000 + "x")
    assert time.perf_counter() - started < 0.5
