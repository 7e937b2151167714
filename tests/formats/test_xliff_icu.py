"""ICU plural and select messages as XLIFF units (Angular's ``ng extract-i18n``), translated
case by case and put back together (session 62: sent whole, the model wrote ``{VAR_PLURAL,
Plural =0 {...} andere {...}``)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest
from formats_fakes import FakeModel
from lxml import etree

from ltmt.formats.inline import to_text
from ltmt.formats.pipeline import translate_file
from ltmt.formats.xliff_document import XliffDocument
from ltmt.formats.xliff_icu import BranchingUnits, paired_braces
from ltmt.segments import Match, Segment, Translation

PLURAL_12 = (
    '<trans-unit id="minutes"><source>{VAR_PLURAL, plural, =0 {no minutes} other '
    '{<x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes}}</source></trans-unit>'
    '<trans-unit id="who"><source>{VAR_SELECT, select, male {he} other {they}}</source>'
    "</trans-unit>"
)
PLURAL_20 = (
    '<unit id="minutes"><segment><source>{VAR_PLURAL, plural, =0 {no minutes} other '
    '{<ph id="0" equiv="INTERPOLATION" disp="{{minutes}}"/> minutes}}</source></segment></unit>'
    '<unit id="who"><segment><source>{VAR_SELECT, select, male {he} other {they}}</source>'
    "</segment></unit>"
)


def xliff(version: int, units: str) -> str:
    if version == 1:
        return (
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file original="a" source-language="en" datatype="plaintext">'
            f"<body>{units}</body></file></xliff>"
        )
    return (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">'
        f'<file id="f">{units}</file></xliff>'
    )


def opened(tmp_path: Path, text: str) -> XliffDocument:
    path = tmp_path / "in.xlf"
    path.write_text(text, "utf-8")
    return XliffDocument.open(path, tgt_lang="de")


def targets(document: XliffDocument, tmp_path: Path) -> list[str]:
    """Each target's content as written (its codes as XML), namespaces left out."""
    document.save(tmp_path / "out.xlf")
    root = etree.parse(str(tmp_path / "out.xlf")).getroot()
    found = [e for e in root.iter() if etree.QName(e).localname == "target"]
    return [
        (e.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in e) for e in found
    ]


CODE_12 = (
    '<x xmlns="urn:oasis:names:tc:xliff:document:1.2" id="INTERPOLATION" equiv-text="{{minutes}}"/>'
)


@pytest.mark.parametrize(("version", "units", "tag", "code", "again"), [
    (1, PLURAL_12, '<x id="INTERPOLATION" equiv-text="{{minutes}}"/>', CODE_12, CODE_12),
    (2, PLURAL_20, '<x id="0"/>',
     '<ph xmlns="urn:oasis:names:tc:xliff:document:2.0" id="0" '
     'equiv="INTERPOLATION" disp="{{minutes}}"/>',
     '<ph xmlns="urn:oasis:names:tc:xliff:document:2.0" id="0_1" '
     'equiv="INTERPOLATION" disp="{{minutes}}" copyOf="0"/>'),
])  # fmt: skip
def test_an_icu_unit_is_translated_case_by_case_its_keywords_and_codes_kept(
    tmp_path: Path, version: int, units: str, tag: str, code: str, again: str
) -> None:
    """German's ``one`` is translated from the source's ``other``: its code is written in
    both cases, as Angular writes it; in 2.0, whose ids are once in a unit, the second as a
    copy with an id of its own (``copyOf``: it was ``<ph id="0">`` twice)."""
    document = opened(tmp_path, xliff(version, units))
    pending = document.pending()
    assert [(u.key, u.source) for u in pending] == [
        ("0#=0", "no minutes"),
        ("0#one", f"{tag} minutes"),
        ("0#other", f"{tag} minutes"),
        ("1#male", "he"),
        ("1#other", "they"),
    ]
    translated = {"he": "er", "they": "sie", "no minutes": "keine Minuten"}
    document.fill(
        {
            u.key: translated.get(u.source, u.source.replace("> minutes", "> Minuten"))
            for u in pending
        }
    )
    assert targets(document, tmp_path) == [
        f"{{VAR_PLURAL, plural, =0 {{keine Minuten}} one {{{code} Minuten}} "
        f"other {{{again} Minuten}}}}",
        "{VAR_SELECT, select, male {er} other {sie}}",
    ]
    assert document.codes_put_back == set()


def test_an_icu_unit_is_written_once_every_case_has_its_translation(tmp_path: Path) -> None:
    document = opened(tmp_path, xliff(1, PLURAL_12))
    document.fill({"1#male": "er"})
    assert targets(document, tmp_path) == []
    document.fill({"1#other": "sie"})
    assert targets(document, tmp_path) == ["{VAR_SELECT, select, male {er} other {sie}}"]


def test_an_icu_unit_that_cannot_be_taken_apart_is_left_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    units = "<trans-unit id=\"quoted\"><source>{n, plural, other {#'{'}}</source></trans-unit>"
    with caplog.at_level(logging.WARNING):
        document = opened(tmp_path, xliff(1, units))
    assert document.pending() == []
    assert "1 unit with an ICU plural or select that ltmt cannot take apart (unit quoted)" in (
        caplog.text
    )


def test_a_unit_without_a_plural_or_select_is_not_taken_apart() -> None:
    branching = BranchingUnits("de")
    assert not branching.add("0", 'Updated <x id="ICU" equiv-text="{n, number}"/>')
    assert branching.expansions == {} and branching.unsupported == []


def test_a_unit_whose_code_spells_a_plural_is_not_taken_apart(tmp_path: Path) -> None:
    """Angular's unit around a plural holds it as a code whose ``equiv-text`` spells it: it
    was taken for a plural of its own, its target ``{minutes, plural, =0 {Aktualisierung
    &lt;x …/&gt;} …}`` (a regression trial)."""
    wrapper = 'Updated <x id="ICU" equiv-text="{minutes, plural, =0 {...} other {...}}"/>'
    assert not BranchingUnits("de").add("0", wrapper)
    path = tmp_path / "ng.xlf"
    unit = (
        '<trans-unit id="wrap"><source>Updated <x id="ICU" equiv-text="{minutes, plural, '
        '=0 {...} other {...}}"/></source></trans-unit>'
    )
    path.write_text(xliff(1, unit), "utf-8")
    document = XliffDocument.open(path, src_lang="en", tgt_lang="de")
    assert [u.key for u in document.pending()] == ["0"]


@pytest.mark.parametrize(("text", "paired"), [
    ('<x id="I" equiv-text="{{minutes}}"/> Minuten}}', '<x id="I" equiv-text="{{minutes}}"/> Minuten'),
    ("{{vor {n} Minuten", "vor {n} Minuten"),
    ("vor {n} Minuten", "vor {n} Minuten"),
])  # fmt: skip
def test_braces_that_pair_with_none_outside_codes_are_dropped(text: str, paired: str) -> None:
    assert paired_braces(text) == paired


def test_a_case_that_copied_a_matchs_closing_braces_is_written_without_them(
    tmp_path: Path,
) -> None:
    """Given the whole stored message as a fuzzy match, the model wrote ``Minuten}}`` for a
    branch: its target ended the message there (a user trial)."""
    document = opened(tmp_path, xliff(1, PLURAL_12))
    code = '<x id="INTERPOLATION" equiv-text="{{minutes}}"/>'
    cases = {"0#=0": "keine Minuten", "0#one": f"{code} Minute}}}}", "0#other": f"{code} Minuten"}
    document.fill(cases)
    [target] = targets(document, tmp_path)
    assert "one {" in target and "Minute}" in target and "Minute}}" not in target
    assert document.broken_messages == {}


def test_an_assembled_message_icu_rejects_is_not_written(tmp_path: Path) -> None:
    document = opened(tmp_path, xliff(1, PLURAL_12))
    document.fill({"1#male": "{er, Zahl}", "1#other": "sie"})
    assert targets(document, tmp_path) == []
    assert document.broken_messages == {
        "1": "unit who: no valid ICU message ('{er, Zahl': ICU has no argument type 'Zahl')"
    }


def stored_message(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
    """A memory whose only 100 % match is the reviewed whole message of unit ``who``."""
    source = "{VAR_SELECT, select, male {he} other {they}}"
    target = "{VAR_SELECT, select, male {er} other {sie (alle)}}"
    stored = Segment(1, "u1", source, target, 0.0, "import")
    return [
        Translation(t, stored.target, (Match(stored, 100.0),), "exact") if t == source else None
        for t in texts
    ]


def test_a_whole_message_in_memory_is_used_as_stored(tmp_path: Path) -> None:
    """Its cases alone found it only as a fuzzy match each (``0 exact, 2 fuzzy``)."""
    source, out = tmp_path / "in.xlf", tmp_path / "out.xlf"
    source.write_text(xliff(1, PLURAL_12), "utf-8")
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de", exact=stored_message)
    assert "he" not in model.seen and "they" not in model.seen
    assert "{VAR_SELECT, select, male {er} other {sie (alle)}}</target>" in out.read_text("utf-8")
    assert (result.report.exact, result.report.units) == (1, 4)


def test_a_message_icu_rejects_fails_the_run_as_not_repaired(tmp_path: Path) -> None:
    source, out = tmp_path / "in.xlf", tmp_path / "out.xlf"
    source.write_text(xliff(1, PLURAL_12), "utf-8")
    result = translate_file(source, out, lambda texts, prefer: [f"{{{t}, Zahl}}" for t in texts])
    assert result.report.not_repairable == 2
    assert any("unit who: no valid ICU message" in e for e in result.report.examples)


def test_a_fresh_file_of_icu_units_has_none_translated_before(tmp_path: Path) -> None:
    """Its units are pending as their cases: each was counted as translated already."""
    source, out = tmp_path / "in.xlf", tmp_path / "out.xlf"
    source.write_text(xliff(2, PLURAL_20), "utf-8")
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert result.report.translated_before == 0


def test_a_whole_message_in_memory_that_icu_rejects_is_not_used(tmp_path: Path) -> None:
    """An earlier run's broken output, imported as reviewed, was written again as it stood."""
    source, out = tmp_path / "in.xlf", tmp_path / "out.xlf"
    source.write_text(xliff(1, PLURAL_12), "utf-8")
    broken = "{VAR_SELECT, select, male {er}} other {sie}}}"

    def exact(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
        return [replace(t, text=broken) if t else None for t in stored_message(texts, prefer)]

    result = translate_file(source, out, FakeModel(), tgt_lang="de", exact=exact)
    assert "{VAR_SELECT, select, male {HE} other {THEY}}</target>" in out.read_text("utf-8")
    assert result.report.exact == 0


def test_a_codes_copy_reads_as_the_code_it_copies() -> None:
    """So that qa and a memory import see the source's codes in each case."""
    target = etree.fromstring(
        '<target xmlns="urn:oasis:names:tc:xliff:document:2.0">in '
        '<ph id="0_1" copyOf="0" equiv="I"/> <pc id="1_1" copyOf="1" type="fmt">b</pc></target>'
    )
    assert to_text(target).text == 'in <x id="0"/> <pc id="1" type="fmt">b</pc>'
