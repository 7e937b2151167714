"""An existing JSON output's own numbers, booleans, identifiers and language codes are kept on a
rerun (trial s75: a Strapi export's German ``id``, ``slug``, ``locale`` and ``showBanner`` were
replaced with the English entry's, silently, with or without a record, and with --overwrite)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.json_own_values import held_values, same_value, values_not_text
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file


def _entry(**fields: Any) -> dict[str, Any]:
    return {"data": [{"id": 14, "locale": "en", "slug": "our-new-office", "showBanner": False,
                      "title": "Our new office", **fields}]}  # fmt: skip


ENGLISH = _entry()
GERMAN = _entry(id=16, locale="de", slug="unser-neues-buero", showBanner=True,
                title="Unser neues Büro")  # fmt: skip


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _read(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def test_an_outputs_own_values_are_kept_without_a_record_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    _write(source, ENGLISH)
    _write(output, GERMAN)
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel())
    assert _read(output) == GERMAN
    assert caplog.messages == [
        f"{output}: 4 values kept as the output has them, not as the source has them "
        "(/data/0/locale: de, /data/0/slug: unser-neues-buero, /data/0/id: 16, ...): ltmt read "
        "no record of what it wrote there, so it cannot tell whether someone set them there or "
        "they are ltmt's copies of an older source; delete them there to take the source's"
    ]


def test_overwrite_writes_the_sources_values_unwarned(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``--overwrite`` translates afresh, and copies the source's numbers, booleans, URLs, ids
    and slugs as before trial s75 (the regression trial: it kept ``version: 2``, ``beta:
    false`` and the old docs URL of ltmt's own output for the source's new ones, and said
    someone may have set them there)."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    _write(source, ENGLISH)
    _write(output, GERMAN)
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), overwrite=True, output_sources=records)
    assert _read(output) == _entry(title="OUR NEW OFFICE")
    changed = _entry(id=15, showBanner=True, slug="our-office", url="https://example.com/v3")
    _write(source, changed)
    translate_file(source, output, FakeModel(), overwrite=True, output_sources=records)
    assert _read(output) == {"data": [{**changed["data"][0], "title": "OUR NEW OFFICE"}]}
    assert caplog.messages == []


def test_a_reviewers_values_are_kept_and_ltmts_copies_follow_the_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    _write(source, ENGLISH)
    translate_file(source, output, FakeModel(), output_sources=records)
    assert _read(output)["data"][0]["id"] == 14  # the first run copies the source's
    edited = _read(output)
    edited["data"][0].update(id=16, locale="de", slug="unser-neues-buero")  # a reviewer's
    _write(output, edited)
    with caplog.at_level(logging.WARNING):  # the source unchanged: kept, silently
        translate_file(source, output, FakeModel(), output_sources=records)
    assert _read(output) == edited
    assert caplog.messages == []
    # the English entry's id and banner change: ltmt's copy of the banner follows, the
    # reviewer's id is kept and named
    _write(source, _entry(id=15, showBanner=True))
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert _read(output)["data"][0] == {**edited["data"][0], "showBanner": True}
    assert caplog.messages == [
        f"{output}: 1 value kept as the output has it, set there by someone, though the "
        "source's changed since ltmt last wrote it (/data/0/id: 16); delete it there to take "
        "the source's"
    ]


def test_an_output_recorded_before_its_values_were_follows_the_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The regression trial's upgrade: an output ltmt wrote before trial s75, whose record holds
    a skipped key's value but not the numbers and booleans it always copied then, kept the old
    ``version: 2`` and ``beta: false`` on its first rerun, warned of as ``False``."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    meta = {"version": 2, "beta": False, "docsUrl": "https://example.com/en/docs"}
    _write(source, {"meta": meta, "note": "ok", "cta": "Get started"})

    def recorded_before(catalog: JsonCatalog) -> dict[str, str]:
        copied = catalog.copied_values()
        return {k: str(copied[k]) for k in copied if k not in catalog.values_copied_before()}

    with monkeypatch.context() as before:
        before.setattr(JsonCatalog, "source_values_written", recorded_before)
        translate_file(source, output, FakeModel(), output_sources=records, skip_keys={"note"})
    newer = {"version": 3, "beta": True, "docsUrl": "https://example.com/en/docs/v3"}
    _write(source, {"meta": newer, "note": "ok", "cta": "Get started now"})
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records, skip_keys={"note"})
    assert _read(output) == {"meta": newer, "note": "ok", "cta": "GET STARTED NOW"}
    assert caplog.messages == []


def test_an_outputs_values_equal_to_the_sources_say_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    _write(source, ENGLISH)
    _write(output, _entry(title="Unser neues Büro"))
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel())
    assert _read(output) == _entry(title="Unser neues Büro")
    assert caplog.messages == []


def _no_message(value: dict[str, Any], parts: tuple[str | int, ...]) -> str | None:
    return "message" if "message" in value else None


@pytest.mark.parametrize(
    ("data", "found"),
    [
        ({"a": 1, "b": [True, None, "x"], "c": {"d": 2.5}}, [(("a",), 1), (("b", 0), True),
         (("b", 1), None), (("c", "d"), 2.5)]),
        ({"@@x-count": 3, "@a": {"n": 1}, "n": 2}, [(("n",), 2)]),  # ARB metadata: not here
        ({"m": {"message": "Hi", "limit": 40}, "n": 0}, [(("n",), 0)]),  # a message object's
        ("text", []),
    ],
)  # fmt: skip
def test_values_not_text_are_every_number_boolean_and_null_copied(
    data: Any, found: list[tuple[tuple[str | int, ...], Any]]
) -> None:
    assert list(values_not_text(data, _no_message)) == found


def test_only_an_outputs_numbers_booleans_and_nulls_are_held() -> None:
    places = {"/a": ("a",), "/b": ("b",), "/c": ("c",), "/d/0": ("d", 0), "/e": ("e",)}
    output = {"a": 16, "b": "16", "c": {"x": 1}, "d": [None]}
    assert held_values(output, places) == {"/a": 16, "/d/0": None}


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [(1, 1, True), (1, True, False), (1, 1.0, False), (None, None, True), (False, 0, False)],
)
def test_same_value_tells_types_apart(one: Any, other: Any, same: bool) -> None:
    assert same_value(one, other) is same


@pytest.mark.parametrize(
    ("theirs", "written"),
    [("de-CH", "de-CH"), ("en", "de"), ("Deutsch", "de")],  # the source's code: ltmt's to write
)
def test_a_tables_language_field_is_kept_unless_it_names_the_source_language(
    tmp_path: Path, theirs: str, written: str
) -> None:
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    _write(source, {"language": "en", "title": "Settings"})
    _write(output, {"language": theirs, "title": "Einstellungen"})
    translate_file(source, output, FakeModel(), tgt_lang="de")
    assert _read(output) == {"language": written, "title": "Einstellungen"}
