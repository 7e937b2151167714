"""Xcode string catalogs: the target language's localizations filled, Xcode's layout kept."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, LanguageError
from ltmt.formats.documents import open_document
from ltmt.formats.not_read import NotRead
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.formats.xcstrings import read_xcstrings, xcode_json


def _unit(value: str, state: str = "translated") -> dict:
    return {"stringUnit": {"state": state, "value": value}}


CATALOG = {
    "sourceLanguage": "en",
    "strings": {
        "%lld notes": {
            "localizations": {
                "en": {
                    "variations": {
                        "plural": {"one": _unit("%lld note"), "other": _unit("%lld notes")}
                    }
                }
            }
        },
        "Delete": {"comment": "A button", "localizations": {"fr": _unit("Supprimer")}},
        "Notepad": {"shouldTranslate": False},
        "Welcome back, %@!": {},
        "save_button": {
            "extractionState": "manual",
            "localizations": {"de": _unit("Sichern"), "en": _unit("Save")},
        },
        "per_device": {
            "localizations": {
                "en": {
                    "variations": {
                        "device": {
                            "mac": _unit("Click"),
                            "other": _unit("Tap"),
                            "watch": _unit("%@"),
                        }
                    }
                }
            }
        },
        "files_per_device": {
            "localizations": {
                "en": {
                    "variations": {
                        "device": {
                            "iphone": {
                                "variations": {
                                    "plural": {"one": _unit("%d file"), "other": _unit("%d files")}
                                }
                            },
                            "other": _unit("Files"),
                        }
                    }
                }
            }
        },
        "device_substituted": {
            "localizations": {
                "en": {
                    "variations": {
                        "device": {
                            "other": {
                                "stringUnit": {"state": "translated", "value": "%#@n@"},
                                "substitutions": {"n": {"argNum": 1}},
                            }
                        }
                    }
                }
            }
        },
    },
    "version": "1.0",
}


def _xcode(data: dict) -> str:
    return json.dumps(data, indent=2, separators=(",", " : "), ensure_ascii=False) + "\n"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(_xcode(CATALOG), "utf-8")
    return path


def test_units_pending_and_skipped(catalog: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        document = open_document(catalog, src_lang="en", tgt_lang="de")
    assert [(u.key, u.source, u.context) for u in document.units()] == [
        ("%lld notes#one", "%lld note", "%lld notes"),
        ("%lld notes#other", "%lld notes", "%lld notes"),
        ("Delete", "Delete", "Delete"),  # no English localization: the key is the text
        ("Welcome back, %@!", "Welcome back, %@!", "Welcome back, %@!"),
        ("save_button", "Save", "save_button"),
        ("per_device#mac", "Click", "per_device"),  # each device's text
        ("per_device#other", "Tap", "per_device"),
        ("files_per_device#iphone#one", "%d file", "files_per_device"),  # a device's plural
        ("files_per_device#iphone#other", "%d files", "files_per_device"),
        ("files_per_device#other", "Files", "files_per_device"),
    ]
    assert "save_button" not in [u.key for u in document.pending()]  # German Save kept
    assert {u.group for u in document.units() if "device" in u.key} == {
        "per_device",
        "files_per_device",
    }  # written only whole
    assert (
        "1 string with substitutions other than plurals (or inside device variations) "
        "(device_substituted) left untranslated" in caplog.text
    )


def test_filled_in_xcode_layout(catalog: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xcstrings"
    result = translate_file(catalog, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert result.report.translated_before == 1
    written = out.read_text("utf-8")
    data = json.loads(written)
    assert written == _xcode(data)  # two spaces, " : ", a final newline
    strings = data["strings"]
    assert list(strings["Delete"]["localizations"]) == ["de", "fr"]  # sorted, as Xcode does
    assert strings["Delete"]["localizations"]["de"] == _unit("DELETE", "needs_review")
    assert strings["Welcome back, %@!"]["localizations"]["de"] == _unit(
        "WELCOME BACK, %@!", "needs_review"
    )
    plural = strings["%lld notes"]["localizations"]["de"]["variations"]["plural"]
    assert plural == {
        "one": _unit("%lld NOTE", "needs_review"),
        "other": _unit("%lld NOTES", "needs_review"),
    }
    assert strings["save_button"] == CATALOG["strings"]["save_button"]
    assert strings["per_device"]["localizations"]["de"] == {
        "variations": {
            "device": {
                "mac": _unit("CLICK", "needs_review"),
                "other": _unit("TAP", "needs_review"),
                "watch": _unit("%@"),  # no words: the source's
            }
        }
    }
    assert strings["files_per_device"]["localizations"]["de"]["variations"]["device"] == {
        "iphone": {
            "variations": {
                "plural": {
                    "one": _unit("%d FILE", "needs_review"),
                    "other": _unit("%d FILES", "needs_review"),
                }
            }
        },
        "other": _unit("FILES", "needs_review"),
    }
    assert "de" not in strings["device_substituted"]["localizations"]
    assert strings["Notepad"] == {"shouldTranslate": False}
    again = translate_file(out, tmp_path / "again.xcstrings", FakeModel(), tgt_lang="de")
    assert again.translated == 0  # nothing left


def test_reviewed_pairs_are_read(catalog: Path, tmp_path: Path, caplog) -> None:
    out = tmp_path / "out.xcstrings"
    translate_file(catalog, out, FakeModel(), tgt_lang="de")
    with caplog.at_level(logging.WARNING):
        records = list(read_pairs(out, src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target, dict(r.metadata)) for r in records] == [
        ("Save", "Sichern", {"context": "save_button"})
    ]
    assert "9 translations not yet reviewed (state needs_review or new) not read" in caplog.text
    unreviewed = list(read_pairs(out, src_lang="en", tgt_lang="de", include_fuzzy=True))
    assert len(unreviewed) == 10 and ("Save", "Sichern") in [
        (r.source, r.target) for r in unreviewed
    ]


def test_other_source_language_and_bad_files(catalog: Path, tmp_path: Path) -> None:
    with pytest.raises(LanguageError, match=r"languages in the file are en, not fr->de"):
        open_document(catalog, src_lang="fr", tgt_lang="de")
    bad = tmp_path / "bad.xcstrings"
    bad.write_text('{"sourceLanguage": "en"}', "utf-8")
    with pytest.raises(InputError, match=r'not an Xcode string catalog: no "strings" object'):
        open_document(bad, tgt_lang="de")


def test_a_catalog_without_its_source_language_is_refused_saying_what_to_add(
    tmp_path: Path,
) -> None:
    """Xcode always writes ``sourceLanguage``; a catalog without it was taken as English."""
    path = tmp_path / "Localizable.xcstrings"
    path.write_text('{"strings": {"Hallo": {}}, "version": "1.0"}', "utf-8")
    with pytest.raises(InputError, match=r'no "sourceLanguage" .* add "sourceLanguage" : "en"'):
        open_document(path, src_lang="en", tgt_lang="de")


def _plural(**forms: str) -> dict:
    return {"plural": {tag: _unit(text) for tag, text in forms.items()}}


SUBSTITUTED = {
    "sourceLanguage": "en",
    "strings": {
        "%@ ate %lld apples": {
            "localizations": {
                "en": {
                    "stringUnit": {"state": "new", "value": "%1$@ ate %#@apples@ today!"},
                    "substitutions": {
                        "apples": {
                            "argNum": 2,
                            "formatSpecifier": "lld",
                            "variations": _plural(one="one apple", other="%arg apples"),
                        }
                    },
                }
            }
        },
        "%lld followers": {
            "localizations": {
                "en": {
                    "stringUnit": {"state": "new", "value": "%#@followers@"},
                    "substitutions": {
                        "followers": {
                            "formatSpecifier": "lld",
                            "variations": _plural(one="%arg follower", other="%arg followers"),
                        }
                    },
                }
            }
        },
    },
    "version": "1.0",
}


def test_substitutions_are_translated_form_by_form_and_written_whole(tmp_path: Path) -> None:
    """A string with several plurals keeps its substitutions in the target language, each in
    its categories (until session 43 it got a stringUnit alone, its variables undefined)."""
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(_xcode(SUBSTITUTED), "utf-8")
    document = open_document(path, tgt_lang="ru")
    assert [(u.key, u.source, u.entry, u.form) for u in document.units()] == [
        ("%@ ate %lld apples", "%1$@ ate %#@apples@ today!", "", 0),
        ("%@ ate %lld apples#apples#one", "one apple", "%@ ate %lld apples#apples", 0),
        ("%@ ate %lld apples#apples#few", "%arg apples", "%@ ate %lld apples#apples", 1),
        ("%@ ate %lld apples#apples#many", "%arg apples", "%@ ate %lld apples#apples", 2),
        ("%lld followers#followers#one", "%arg follower", "%lld followers#followers", 0),
        ("%lld followers#followers#few", "%arg followers", "%lld followers#followers", 1),
        ("%lld followers#followers#many", "%arg followers", "%lld followers#followers", 2),
    ]
    out = tmp_path / "out.xcstrings"
    translate_file(path, out, FakeModel(), tgt_lang="de")
    german = json.loads(out.read_text("utf-8"))["strings"]["%@ ate %lld apples"]["localizations"][
        "de"
    ]
    assert german == {
        "stringUnit": {"state": "needs_review", "value": "%1$@ ATE %#@apples@ TODAY!"},
        "substitutions": {
            "apples": {
                "argNum": 2,
                "formatSpecifier": "lld",
                "variations": {
                    "plural": {
                        "one": _unit("ONE APPLE", "needs_review"),
                        "other": _unit("%arg APPLES", "needs_review"),
                    }
                },
            }
        },
    }
    followers = json.loads(out.read_text("utf-8"))["strings"]["%lld followers"]["localizations"][
        "de"
    ]
    assert followers["stringUnit"]["value"] == "%#@followers@"  # variables alone: as the source
    assert followers["substitutions"]["followers"]["variations"]["plural"]["other"] == _unit(
        "%arg FOLLOWERS", "needs_review"
    )
    assert (
        translate_file(out, tmp_path / "again.xcstrings", FakeModel(), tgt_lang="de").translated
        == 0
    )


def test_a_language_without_other_gets_it_as_apple_requires(tmp_path: Path) -> None:
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(_xcode(SUBSTITUTED), "utf-8")
    out = tmp_path / "out.xcstrings"
    translate_file(path, out, FakeModel(), tgt_lang="ru")
    russian = json.loads(out.read_text("utf-8"))["strings"]["%lld followers"]["localizations"]["ru"]
    plural = russian["substitutions"]["followers"]["variations"]["plural"]
    assert list(plural) == ["few", "many", "one", "other"]  # sorted, as Xcode writes them
    assert plural["other"] == plural["many"]


UNREAD = {
    "localizations": {
        "en": {"variations": _plural(one="%lld message", other="%lld messages", zero="No messages")}
    }
}


def test_the_sources_zero_is_translated_as_apple_uses_it_in_every_language(
    tmp_path: Path,
) -> None:
    """German got one and other alone before, and 0 read "0 Nachrichten"."""
    reviewed = {"one": _unit("%lld Nachricht"), "other": _unit("%lld Nachrichten")}
    strings = {
        "%lld unread": UNREAD,
        "%lld read": {
            "localizations": {**UNREAD["localizations"], "de": {"variations": {"plural": reviewed}}}
        },
    }
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(_xcode({"sourceLanguage": "en", "strings": strings}), "utf-8")
    document = open_document(path, tgt_lang="de")
    assert [(u.key, u.source, u.entry, u.form) for u in document.units()][:3] == [
        ("%lld unread#zero", "No messages", "", 0),  # no German form: Apple's case for 0
        ("%lld unread#one", "%lld message", "%lld unread", 0),
        ("%lld unread#other", "%lld messages", "%lld unread", 1),
    ]
    out = tmp_path / "out.xcstrings"
    result = translate_file(path, out, FakeModel(), tgt_lang="de")
    assert result.translated == 4 and result.report.translated_before == 2
    written = json.loads(out.read_text("utf-8"))["strings"]
    assert written["%lld unread"]["localizations"]["de"]["variations"]["plural"] == {
        "one": _unit("%lld MESSAGE", "needs_review"),
        "other": _unit("%lld MESSAGES", "needs_review"),
        "zero": _unit("NO MESSAGES", "needs_review"),  # categories sorted, as Xcode writes
    }
    assert written["%lld read"]["localizations"]["de"]["variations"]["plural"] == {
        **reviewed,  # the reviewed forms kept, the one missing added
        "zero": _unit("NO MESSAGES", "needs_review"),
    }


def test_stale_strings_are_left_out_and_kept_as_they_are(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stale = {"extractionState": "stale", "localizations": {"fr": _unit("Ancien")}}
    path = tmp_path / "Localizable.xcstrings"
    strings = {"Old label": stale, "Save": {}}
    path.write_text(_xcode({"sourceLanguage": "en", "strings": strings}), "utf-8")
    with caplog.at_level(logging.WARNING):
        document = open_document(path, tgt_lang="de")
    assert [u.key for u in document.units()] == ["Save"]
    assert '1 string no longer in the app ("extractionState" : "stale") left out' in caplog.text
    out = tmp_path / "out.xcstrings"
    assert translate_file(path, out, FakeModel(), tgt_lang="de").report.units == 1
    assert json.loads(out.read_text("utf-8"))["strings"]["Old label"] == stale


def test_stale_strings_are_counted_as_not_read_by_the_reader_which_warns_of_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``ltmt qa`` said the stale strings twice (its reader opened the catalog to translate,
    and so did its count of untranslated strings), ``memory import`` more often."""
    stale = {"extractionState": "stale", "localizations": {"de": _unit("Alt")}}
    path = tmp_path / "Localizable.xcstrings"
    strings = {"Old label": stale, "Save": {"localizations": {"de": _unit("Sichern")}}}
    path.write_text(_xcode({"sourceLanguage": "en", "strings": strings}), "utf-8")
    not_read = NotRead()
    with caplog.at_level(logging.WARNING):
        records = list(read_xcstrings(path, "en", "de", not_read=not_read))
    assert [(r.source, r.target) for r in records] == [("Save", "Sichern")]
    assert not_read.by_reason() == {"stale (no longer in the app)": 1}
    assert caplog.text == ""


@pytest.mark.parametrize(
    ("data", "written"),
    [
        ({"strings": {"": {}}}, '{\n  "strings" : {\n    "" : {\n\n    }\n  }\n}'),
        ({"a": {}, "b": "{}"}, '{\n  "a" : {\n\n  },\n  "b" : "{}"\n}'),  # a string's {} kept
        ({"strings": {}}, '{\n  "strings" : {\n\n  }\n}'),
    ],
)
def test_empty_objects_are_written_as_xcode_writes_them(data: dict, written: str) -> None:
    assert xcode_json(data) == written


XCODE_FILE = """{
  "sourceLanguage" : "en",
  "strings" : {
    "" : {

    },
    "Save" : {

    }
  },
  "version" : "1.0"
}"""


def test_an_xcode_file_keeps_its_layout(tmp_path: Path) -> None:
    """An empty object was written {} before, and a last line end added: git showed every
    empty string of a file Xcode wrote as changed."""
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(XCODE_FILE, "utf-8")  # no line end after its last line, as Xcode writes it
    out = tmp_path / "out.xcstrings"
    translate_file(path, out, FakeModel(), tgt_lang="de")
    german = '"de" : {\n          "stringUnit" : {\n            "state" : "needs_review",'
    assert out.read_text("utf-8") == XCODE_FILE.replace(
        '"Save" : {\n\n    }',
        '"Save" : {\n      "localizations" : {\n        '
        + german
        + '\n            "value" : "SAVE"\n          }\n        }\n      }\n    }',
    )


def test_a_translation_of_a_changed_source_is_marked_for_review(tmp_path: Path) -> None:
    """A catalog's English was edited outside Xcode: its German, which the memory holds for
    the old English of the key, stayed ``translated`` with no word ("1 translated already").
    It is marked ``needs_review``, as msgmerge marks a PO entry fuzzy, and kept: a 100 % match
    of the new source replaced it, though the memory alone (keys name strings of every project)
    cannot tell a stale German from one kept on purpose."""
    from functools import partial

    from ltmt import Memory
    from ltmt.formats.changed_sources import approved_for_other_sources
    from ltmt.segments import Translation

    def strings(values: dict[str, tuple[str, str]]) -> dict:
        return {
            key: {
                "localizations": {
                    language: {"stringUnit": {"state": "translated", "value": value}}
                    for language, value in zip(("de", "en"), pair, strict=True)
                }
            }
            for key, pair in values.items()
        }

    source, out = tmp_path / "L.xcstrings", tmp_path / "L.new.xcstrings"
    before = {
        "greeting": ("Willkommen zurück!", "Welcome back!"),
        "save": ("Speichern", "Save"),
        "quit": ("Beenden", "Quit"),
    }
    data = {"sourceLanguage": "en", "strings": strings(before), "version": "1.0"}
    source.write_text(json.dumps(data), "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("app", read_pairs(source, src_lang="en", tgt_lang="de"))
        memory.import_pairs("app", [("Exit", "Verlassen", {"context": "quit"})])
        edited = {
            "greeting": ("Willkommen zurück!", "Your trial has expired."),
            "quit": ("Beenden", "Exit"),
        }
        data["strings"] = strings({**before, **edited})
        source.write_text(json.dumps(data), "utf-8")

        def exact(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
            found = memory.search_batch("app", texts, k=1, prefer=prefer)
            return [
                Translation(text, m[0].segment.target, method="exact")
                if m and m[0].score >= 100
                else None
                for text, m in zip(texts, found, strict=True)
            ]

        result = translate_file(
            source,
            out,
            FakeModel(),
            changed_sources=partial(approved_for_other_sources, memory, "app"),
            exact=exact,
        )
    written = json.loads(out.read_text("utf-8"))["strings"]
    assert written["greeting"]["localizations"]["de"]["stringUnit"] == {
        "state": "needs_review",
        "value": "Willkommen zurück!",
    }
    assert written["quit"]["localizations"]["de"]["stringUnit"] == {
        "state": "needs_review",
        "value": "Beenden",
    }
    assert written["save"]["localizations"]["de"]["stringUnit"]["state"] == "translated"
    assert result.report.translated_before == 3 and result.report.suggestions_kept == 0


EXISTING_GERMAN = {
    "sourceLanguage": "en",
    "strings": {
        "%lld albums": {
            "localizations": {
                "en": {"variations": _plural(one="%lld album", zero="No albums")}  # no other
            }
        },
        "Loading…": {"localizations": {"de": _unit("")}},  # reviewed as empty
        "Privacy Policy": {"localizations": {"de": _unit("Privacy Policy", "new")}},
    },
}


def test_existing_german_reviewed_kept_new_translated_and_a_plural_without_other_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(_xcode(EXISTING_GERMAN), "utf-8")
    out = tmp_path / "out.xcstrings"
    with caplog.at_level(logging.WARNING):
        result = translate_file(path, out, FakeModel(), tgt_lang="de")
    assert result.report.translated_before == 1
    german = {
        key: string["localizations"]["de"]
        for key, string in json.loads(out.read_text("utf-8"))["strings"].items()
    }
    assert german["Loading…"] == _unit("")  # translated: never replaced unless asked
    assert german["Privacy Policy"] == _unit("PRIVACY POLICY", "needs_review")  # new: English
    assert german["%lld albums"]["variations"]["plural"] == {
        "one": _unit("%lld ALBUM", "needs_review"),
        "other": _unit("%lld ALBUM", "needs_review"),  # from one, never from zero
        "zero": _unit("NO ALBUMS", "needs_review"),
    }
    assert caplog.text.count("translated as empty") == 1
    assert "1 string of de translated as empty" in caplog.text and "(Loading…)" in caplog.text
    assert "1 plural without other (%lld albums), which Apple requires" in caplog.text


def test_a_reviewed_empty_translation_is_replaced_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(_xcode(EXISTING_GERMAN), "utf-8")
    out = tmp_path / "out.xcstrings"
    translate_file(path, out, FakeModel(), tgt_lang="de", overwrite=True)
    written = json.loads(out.read_text("utf-8"))["strings"]["Loading…"]["localizations"]["de"]
    assert written == _unit("LOADING…", "needs_review")


UPDATED = {
    "sourceLanguage": "en",
    "strings": {
        "onboarding.welcome": {"localizations": {"en": _unit("Your photos are deleted.")}},
        "%lld items selected": {
            "localizations": {
                "en": {"variations": _plural(one="%lld item selected", other="%lld items selected")}
            }
        },
        "tap": {
            "localizations": {
                "en": {"variations": {"device": {"mac": _unit("Click"), "other": _unit("Tap")}}}
            }
        },
        "reviewed": {"localizations": {"en": _unit("Open the file.")}},
        "same": {"localizations": {"en": _unit("Quit")}},
    },
}


def _translate_in_place(path: Path, records: Any) -> Any:
    return translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)


def _edit(path: Path, edits: dict[tuple[str, ...], str]) -> None:
    """Set the ``stringUnit`` fields at each path of ``edits`` (key, language, ..., field)."""
    data = json.loads(path.read_text("utf-8"))
    for (key, language, *inner, field), value in edits.items():
        found = data["strings"][key]["localizations"][language]
        for name in inner:
            found = found[name]
        found["stringUnit"][field] = value
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_an_english_changed_since_ltmt_translated_it_is_translated_again_form_by_form(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A release manager changed the English of a catalog ltmt had filled in place: ltmt's
    ``needs_review`` German of the old English was kept ("0 segments ...; 1 translated already,
    kept as it is"), plural and device forms too; a reviewer's approved German of it was kept
    unmarked and unnamed. The record of what ltmt wrote, kept for Android's strings.xml, was
    not kept for a catalog that is its own output. Now ltmt's is translated again, form by
    form, and a reviewer's is kept, named and marked ``needs_review`` (as Xcode marks the
    translations of a source edited in it)."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(json.dumps(UPDATED), "utf-8")
    _translate_in_place(path, records)
    plural, device = ("variations", "plural"), ("variations", "device")
    _edit(
        path,
        {
            ("onboarding.welcome", "en", "value"): "Your photos are kept.",
            ("%lld items selected", "en", *plural, "one", "value"): "%lld photo selected",
            ("tap", "en", *device, "mac", "value"): "Press",
            ("reviewed", "en", "value"): "Open the folder.",
            ("reviewed", "de", "state"): "translated",  # approved by a reviewer
            ("same", "de", "state"): "translated",  # approved, its English unchanged
        },
    )
    caplog.clear()
    result = _translate_in_place(path, records)
    assert "3 translated again: their source changed since they were translated" in (
        result.report.summary()
    )
    assert (
        "1 translation that ltmt did not write (a translator's, or edited since), whose source "
        "changed since, kept as it is (reviewed), marked for review; check it (--overwrite "
        "translates every one again)"
    ) in caplog.text
    localizations = {
        key: entry["localizations"]["de"]
        for key, entry in json.loads(path.read_text("utf-8"))["strings"].items()
    }
    assert localizations["onboarding.welcome"] == _unit("YOUR PHOTOS ARE KEPT.", "needs_review")
    assert localizations["%lld items selected"]["variations"]["plural"] == {
        "one": _unit("%lld PHOTO SELECTED", "needs_review"),
        "other": _unit("%lld ITEMS SELECTED", "needs_review"),
    }
    assert localizations["tap"]["variations"]["device"] == {
        "mac": _unit("PRESS", "needs_review"),
        "other": _unit("TAP", "needs_review"),
    }
    assert localizations["reviewed"] == _unit("OPEN THE FILE.", "needs_review")
    assert localizations["same"] == _unit("QUIT")
    caplog.clear()
    again = _translate_in_place(path, records)  # still marked: named again (trial s72)
    assert again.translated == 0
    assert "whose source changed since, kept as it is (reviewed), marked for" in caplog.text
    _edit(path, {("reviewed", "de", "state"): "translated"})  # the reviewer approves it
    caplog.clear()
    again = _translate_in_place(path, records)
    assert again.translated == 0 and "whose source changed" not in caplog.text
    data = json.loads(path.read_text("utf-8"))
    assert data["strings"]["reviewed"]["localizations"]["de"] == _unit("OPEN THE FILE.")
    caplog.clear()
    _translate_in_place(path, records)  # and stays approved
    assert "whose source changed" not in caplog.text


def test_an_import_skips_the_german_of_an_english_changed_since_form_by_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``memory import`` of a catalog ltmt filled in place whose English changed since stored
    a reviewer's German of the old English as approved for the new one (``1 added``: ``Your
    photos are kept for 90 days.`` → ``Deine Fotos werden nach 30 Tagen gelöscht.``), as no
    record of what ltmt wrote there was kept; and where one plural form's English changed,
    the record's key was the string's, so every form was skipped. Now each is checked against
    the record by its own key: the changed ones skipped, a ``needs_review`` one never read."""
    from ltmt.cli import main as cli
    from ltmt.formats.output_sources import OutputSources

    path = tmp_path / "Localizable.xcstrings"
    strings = {
        key: UPDATED["strings"][key] for key in ("onboarding.welcome", "%lld items selected")
    }
    strings["pending"] = {"localizations": {"en": _unit("Sync now")}}
    path.write_text(json.dumps({**UPDATED, "strings": strings}), "utf-8")
    _translate_in_place(path, OutputSources.in_cache("app"))
    plural = ("%lld items selected", "de", "variations", "plural")
    _edit(
        path,
        {
            ("onboarding.welcome", "en", "value"): "Your photos are kept for 90 days.",
            ("onboarding.welcome", "de", "value"): "Deine Fotos werden nach 30 Tagen gelöscht.",
            ("onboarding.welcome", "de", "state"): "translated",  # a reviewer's German
            (*plural, "one", "state"): "translated",
            (*plural, "other", "state"): "translated",  # both approved
            ("%lld items selected", "en", "variations", "plural", "one", "value"): "%lld photo",
            ("pending", "en", "value"): "Sync later",  # still needs_review
        },
    )
    with pytest.raises(SystemExit, match="0"):
        cli.run(["memory", "import", str(path), "-u", "app", "--memory-dir", str(tmp_path / "m")])
    assert capsys.readouterr().out == (
        "imported Localizable.xcstrings into app: 1 added, 0 duplicates, 2 skipped (1 target of "
        "an older source, 1 whose source changed since it was translated); not read: 1 "
        "needs review\n"  # counted as a PO file's fuzzy are (session 71: a warning)
    )
    from ltmt import Memory

    with Memory(tmp_path / "m") as memory:
        stored = [(m.segment.source, m.segment.target) for m in memory.search("app", "%lld")]
    assert stored == [("%lld items selected", "%lld ITEMS SELECTED")]


def test_overwrite_keeps_a_reviewed_unit_written_as_it_was_translated(tmp_path: Path) -> None:
    """Regression trial rl2 (Localizable.xcstrings), session 71: ``--overwrite`` of a reviewed
    catalog whose units were 100 % memory matches of themselves turned ``"state" :
    "translated"`` into ``"needs_review"``, device variations too. As in PO and XLIFF, a
    reviewed unit written as it was stays ``translated``; one whose text changed, or ltmt's
    own (:meth:`written_by_ltmt`: the record of what it wrote says so), is marked for review."""
    devices = {"iphone": _unit("Tap"), "ipad": _unit("Tap here")}
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(
        _xcode(
            {
                "sourceLanguage": "en",
                "strings": {
                    "Close it": {"localizations": {"de": _unit("Schließen")}},
                    "Open the file": {"localizations": {"de": _unit("OPEN THE FILE")}},
                    "tap#hint": {
                        "localizations": {
                            "de": {
                                "variations": {
                                    "device": {"iphone": _unit("TAP"), "ipad": _unit("Tippen")}
                                }
                            },
                            "en": {"variations": {"device": devices}},
                        }
                    },
                },
            }
        ),
        "utf-8",
    )
    original = path.read_text("utf-8")
    translate_file(path, path, FakeModel(), tgt_lang="de", overwrite=True)
    german = {
        key: string["localizations"]["de"]
        for key, string in json.loads(path.read_text("utf-8"))["strings"].items()
    }
    assert german["Open the file"] == _unit("OPEN THE FILE")
    assert german["Close it"] == _unit("CLOSE IT", "needs_review")
    assert german["tap#hint"]["variations"]["device"] == {
        "ipad": _unit("TAP HERE", "needs_review"),
        "iphone": _unit("TAP"),
    }
    path.write_text(original, "utf-8")
    document = open_document(path, tgt_lang="de")
    document.written_by_ltmt(["Open the file"])
    document.fill({u.key: u.source.upper() for u in document.pending(overwrite=True)})
    document.save(path)
    written = json.loads(path.read_text("utf-8"))["strings"]
    assert written["Open the file"]["localizations"]["de"] == _unit("OPEN THE FILE", "needs_review")


def test_strings_without_a_translation_are_counted_untranslated(tmp_path: Path) -> None:
    """An import of a catalog Xcode had just extracted counted its new strings nowhere."""
    path = tmp_path / "Localizable.xcstrings"
    strings = {
        "Save": {"localizations": {"de": _unit("Sichern")}},
        "Open": {},  # no German yet
        "Close": {"localizations": {"de": _unit("", "new")}},
    }
    path.write_text(_xcode({"sourceLanguage": "en", "strings": strings}), "utf-8")
    not_read = NotRead()
    records = list(read_xcstrings(path, "en", "de", not_read=not_read))
    assert [(r.source, r.target) for r in records] == [("Save", "Sichern")]
    assert not_read.by_reason() == {"untranslated": 2}


_INFLECTED = {  # the model's German, given the whole string or its parts (trial s77)
    "%lld item added": "%lld Element hinzugefügt",
    "%lld item": "%lld Objekt",
    "Added %lld apple to your cart": "Fügte %lld Apfel in deinen Warenkorb hinzu",
    "%lld apple": "%lld Apfel",
}


def _inflecting_model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
    """The model as it read Apple's markup: ``true`` translated as a word."""
    return [_INFLECTED.get(text, text.replace("true", "wahr")) for text in texts]


def test_apples_inflection_markup_is_kept_and_its_words_translated(tmp_path: Path) -> None:
    """``^[%lld item](inflect: true) added`` came back ``^[%lld item](inflect: wahr) added``
    (trial s77: ``inflect: wahr`` is no value Foundation accepts); now ``^[`` and the
    attributes are kept byte for byte, the words inside and around translated."""
    path = tmp_path / "Localizable.xcstrings"
    sources = [
        "^[%lld item](inflect: true) added",
        "Added ^[%lld apple](inflect: true) to your cart",
    ]
    path.write_text(
        _xcode({"sourceLanguage": "en", "strings": {key: {} for key in sources}}), "utf-8"
    )
    out = tmp_path / "out.xcstrings"
    translate_file(path, out, _inflecting_model, tgt_lang="de")
    written = json.loads(out.read_text("utf-8"))["strings"]
    assert [written[key]["localizations"]["de"]["stringUnit"]["value"] for key in sources] == [
        "^[%lld Element](inflect: true) hinzugefügt",
        "Fügte ^[%lld Apfel](inflect: true) in deinen Warenkorb hinzu",
    ]


# a merge's result (trial s77, xcstrings2 defect 2): "Done" twice, the reviewed German first
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
MERGED_REFUSED = (
    'defined more than once ("Done" at lines 4 and 14): JSON keeps only the last, so what '
    "the others hold (a reviewed translation too) would be lost; merge each into one and run "
    "again"
)


def test_a_key_written_twice_is_refused_and_the_catalog_left_as_it_is(tmp_path: Path) -> None:
    """The catalog, translated in place, held the model's "Fertig" alone: the reviewed
    "Erledigt" of the first "Done" was gone, exit 0, nothing said."""
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(MERGED, "utf-8")
    with pytest.raises(InputError) as raised:
        translate_file(path, path, FakeModel(), tgt_lang="de")
    assert str(raised.value) == f"{path}: 1 key {MERGED_REFUSED}"
    assert path.read_text("utf-8") == MERGED
    with pytest.raises(InputError, match=r'\("Done" at lines 4 and 14\)'):
        list(read_xcstrings(path, "en", "de"))  # a memory import stores neither


def test_a_key_written_twice_inside_a_string_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "Localizable.xcstrings"
    german = '"de" : {"stringUnit" : {"state" : "translated", "value" : "Sichern"}}'
    path.write_text(
        '{"sourceLanguage" : "en", "strings" : {"Save" : {"localizations" : {\n'
        f"{german},\n"
        '"de" : {"stringUnit" : {"state" : "new", "value" : ""}}}}}}\n',
        "utf-8",
    )
    with pytest.raises(InputError, match=r'1 key defined more than once \("de" at lines 2 and 3\)'):
        open_document(path, tgt_lang="de")
