"""The keys a JSON file writes more than once, with their lines (trial s77, xcstrings2 defect 2:
a merged catalog's "Done" twice lost its reviewed German)."""

from __future__ import annotations

import json
import time

import pytest

from ltmt.errors import InputError
from ltmt.formats.json_repeated_keys import (
    RepeatedKey,
    parse_with_repeated_keys,
    refuse_repeated_keys,
    repeated_keys,
)

# the trial's catalog, as a merge left it
MERGED = """{
  "sourceLanguage" : "en",
  "strings" : {
    "Done" : {
      "localizations" : {
        "de" : {
          "stringUnit" : {
            "state" : "translated",
            "value" : "Erledigt"
          }
        }
      }
    },
    "Done" : {

    }
  },
  "version" : "1.0"
}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1, "b": 2}', []),
        ('{"a": "a", "b": "a"}', []),  # a value like a key is no key
        ('{"a": 1,\n"b": 2,\n"a": 3}', [("/a", (1, 3))]),
        ('{"a": 1,\n"a": 2,\n"a": 3}', [("/a", (1, 2, 3))]),
        (MERGED, [("/strings/Done", (4, 14))]),
        # the children of a key written twice are each in one object: not repeated
        ('{"k": {"x": 1},\n"k": {"x": 2}}', [("/k", (1, 2))]),
        # in the order of the objects, then of their keys' first lines
        (
            '{"b": 1, "a": {"y": 1,\n"y": 2}, "b": 2,\n"l": [{"z": 1, "z": 2}]}',
            [("/b", (1, 2)), ("/a/y", (1, 2)), ("/l/0/z", (3, 3))],
        ),
        # escapes, brackets, commas and colons inside strings
        ('{"a\\"b": "{[,:", "a\\"b": "x\\\\"}', [('/a"b', (1, 1))]),
        ('{"\\u0041": 1, "A": 2}', [("/A", (1, 1))]),
        ("[1, true, null, {}]", []),
    ],
)
def test_repeated_keys_with_their_lines(
    text: str, expected: list[tuple[str, tuple[int, ...]]]
) -> None:
    json.loads(text)  # (well-formed, as the reader has it)
    assert [(r.pointer, r.lines) for r in repeated_keys(text)] == expected


def test_the_json_parsed_holds_the_last_value_and_the_repeats() -> None:
    data, repeated = parse_with_repeated_keys(MERGED, "Localizable.xcstrings")
    assert data["strings"] == {"Done": {}}
    assert repeated == [RepeatedKey(("strings", "Done"), (4, 14))]
    assert parse_with_repeated_keys('{"a": 1}', "en.json") == ({"a": 1}, [])


def test_invalid_json_is_named_before_any_key_is_looked_for() -> None:
    """The scan reads well-formed JSON alone: an unclosed string's every quote (which would
    make a scan of it quadratic) is the parser's error, at once."""
    with pytest.raises(InputError, match=r"^dup.json:1:13: invalid JSON: expecting ':'"):
        parse_with_repeated_keys('{"a": 1, "a"}', "dup.json")
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^dup.json:1:18: invalid JSON"):
        parse_with_repeated_keys('{"a": 1, "a": 2, ' + '"\\' * 200_000, "dup.json")
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    ("repeat", "said"),
    [
        (RepeatedKey(("strings", "Done"), (4, 14)), '"Done" at lines 4 and 14'),
        (RepeatedKey(("a",), (1, 2, 9)), '"a" at lines 1, 2 and 9'),
        (RepeatedKey(("l", 0, "Grüße"), (3, 3)), '"Grüße" at lines 3 and 3'),
    ],
)
def test_a_repeat_is_described_by_its_key_and_lines(repeat: RepeatedKey, said: str) -> None:
    assert repeat.described() == said


def test_a_repeated_key_is_refused_in_one_line_naming_it() -> None:
    refuse_repeated_keys("de.xcstrings", [])  # none: nothing said
    repeats = [RepeatedKey(("strings", key), (n, n + 10)) for n, key in enumerate("abcd", 1)]
    with pytest.raises(InputError) as raised:
        refuse_repeated_keys("de.xcstrings", repeats)
    assert str(raised.value) == (
        'de.xcstrings: 4 keys defined more than once ("a" at lines 1 and 11, "b" at lines 2 '
        'and 12, "c" at lines 3 and 13, ...): JSON keeps only the last, so what the others '
        "hold (a reviewed translation too) would be lost; merge each into one and run again"
    )


@pytest.mark.parametrize(
    "text",
    [
        '{"k": "' + "\\\\" * 200_000 + '", "k": "' + '\\"' * 200_000 + '"}',
        "[" + ", ".join(['{"a": 1, "a": 2}'] * 20_000) + "]",
        '{"' + "x" * 400_000 + '": 1, "' + "x" * 400_000 + '": [' + "[" * 500 + "]" * 500 + "]}",
        "[" * 5_000 + '{"a": 1, "a": 2}' + "]" * 5_000,  # deeper than json.loads reads
    ],
    ids=["escapes", "many objects", "long keys", "deep"],
)
def test_the_scan_takes_linear_time_on_long_adversarial_input(text: str) -> None:
    started = time.perf_counter()
    found = repeated_keys(text)
    assert found and time.perf_counter() - started < 2.0
