"""qa's checks of a WebExtension messages.json's placeholders blocks
(:mod:`ltmt.qa.webextension_checks`)."""

from __future__ import annotations

import json
from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.webextension_checks import webextension_problems

SOURCE = {
    "lastSaved": {
        "message": "Last saved: $DATE$",
        "placeholders": {"date": {"content": "$1", "example": "Monday"}},
    },
    "tabsExported": {
        "message": "Exported $COUNT$ tabs to $FILE$",
        "placeholders": {"count": {"content": "$1"}, "file": {"content": "$2"}},
    },
    "onlyDollar": {"message": "Costs $$5"},
    "welcome": {"message": "Hi $USER$", "placeholders": {"user": {"content": "$1"}}},
}
# a browser-extension trial's _locales/de (session 68): both passed
TRANSLATION = {
    "lastSaved": {"message": "Zuletzt gespeichert: $DATE$"},
    "tabsExported": {
        "message": "$COUNT$ Tabs nach $FILE$ exportiert",
        "placeholders": {"count": {"content": "$2"}, "file": {"content": "$1"}},
    },
    "onlyDollar": {"message": "Kostet 5 $$"},
    "Welcome": {"message": "Hallo $user$", "placeholders": {"USER": {"content": " $1 "}}},
}


def _locales(tmp_path: Path) -> tuple[Path, Path]:
    for locale, data in (("en", SOURCE), ("de", TRANSLATION)):
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "messages.json").write_text(json.dumps(data), "utf-8")
    return tmp_path / "de", tmp_path / "en"


def test_undeclared_and_moved_placeholders_are_found(tmp_path):
    de, en = _locales(tmp_path)
    expected = [
        FormProblem(
            f"{de / 'messages.json'}: /lastSaved/message",
            "Last saved: $DATE$",
            "Zuletzt gespeichert: $DATE$",
            "uses $DATE$, which its placeholders do not declare: the browser does not replace "
            "it with the argument; declare it as the source's message does "
            '("placeholders": {"date": {"content": "$1"}})',
            "placeholders",
        ),
        *(
            FormProblem(
                f"{de / 'messages.json'}: /tabsExported/message",
                "Exported $COUNT$ tabs to $FILE$",
                "$COUNT$ Tabs nach $FILE$ exportiert",
                f'its placeholder {name} has content "{ours}" where the source\'s has '
                f'"{theirs}": it shows another argument there; write "{theirs}" unless that is '
                "meant",
                "placeholders",
                "warning",
            )
            for name, ours, theirs in (("count", "$2", "$1"), ("file", "$1", "$2"))
        ),
    ]
    # the files, and the folders as qa is given them; names in any case, as browsers read them
    assert webextension_problems(de / "messages.json", None, en / "messages.json") == expected
    assert webextension_problems(de, None, en) == expected


def test_other_files_have_none(tmp_path):
    de, en = _locales(tmp_path)
    (de / "app.json").write_text('{"title": "Titel $DATE$"}', "utf-8")
    (en / "app.json").write_text('{"title": "Title $DATE$"}', "utf-8")
    assert webextension_problems(de / "app.json", None, en / "app.json") == []
    assert webextension_problems(de / "messages.json", None, None) == []


def test_a_name_the_source_does_not_declare_either_is_no_problem(tmp_path):
    """'Hello $USER$!' and 'Only $5$ per month' with no placeholders, translated as written,
    got 'uses $USER$, which its placeholders do not declare ... declare it as the source's
    message does' though the source declares nothing: an error only where the source does."""
    for locale, greet, price in (
        ("en", "Hello $USER$!", "Only $5$ per month"),
        ("de", "Hallo $USER$!", "Nur $5$ pro Monat"),
    ):
        (tmp_path / locale).mkdir()
        messages = {"greet": {"message": greet}, "price": {"message": price}}
        (tmp_path / locale / "messages.json").write_text(json.dumps(messages), "utf-8")
    assert webextension_problems(tmp_path / "de", None, tmp_path / "en") == []
