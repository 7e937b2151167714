"""XliffDocument: the states ltmt writes for what it filled, limits, spaces kept."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ltmt.formats.xliff import read_xliff
from ltmt.formats.xliff_document import XliffDocument

NS12 = "{urn:oasis:names:tc:xliff:document:1.2}"
NS20 = "{urn:oasis:names:tc:xliff:document:2.0}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def xliff12(units: str, extra_ns: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"{extra_ns}>'
        '<file original="a" source-language="en" target-language="de" datatype="plaintext">'
        f"<body>{units}</body></file></xliff>"
    )


def xliff20(units: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        f'trgLang="de"><file id="f">{units}</file></xliff>'
    )


def opened(tmp_path: Path, text: str) -> XliffDocument:
    path = tmp_path / "in.xlf"
    path.write_text(text, "utf-8")
    return XliffDocument.open(path)


def saved(document: XliffDocument, tmp_path: Path) -> etree._Element:
    document.save(tmp_path / "out.xlf")
    return etree.parse(str(tmp_path / "out.xlf")).getroot()


SEGMENTED = (
    '<trans-unit id="1"{attributes}><source>Shake well. Store cool.</source><seg-source>'
    '<mrk mtype="seg" mid="1">Shake well.</mrk> <mrk mtype="seg" mid="2">Store cool.</mrk>'
    "</seg-source></trans-unit>"
)


@pytest.mark.parametrize(
    ("exact_keys", "state", "qualifier"),
    [
        ({"1"}, "needs-review-translation", "mt-suggestion"),  # machine output in segment 1
        ({"0"}, "needs-review-translation", "mt-suggestion"),  # ... in segment 2
        ({"0", "1"}, "needs-review-translation", "exact-match"),
    ],
)
def test_a_segmented_unit_is_qualified_by_its_weakest_segment(
    tmp_path: Path, exact_keys: set[str], state: str, qualifier: str
) -> None:
    document = opened(tmp_path, xliff12(SEGMENTED.format(attributes="")))
    document.fill({"0": "Gut schütteln.", "1": "Kühl lagern."}, from_memory=exact_keys)
    target = saved(document, tmp_path).find(f".//{NS12}target")
    assert (target.get("state"), target.get("state-qualifier")) == (state, qualifier)


def test_an_approved_exact_segment_does_not_approve_its_machine_translated_neighbour(
    tmp_path: Path,
) -> None:
    """--exact-approved fills the 100 % matches after the rest, unmarked: the unit (and its
    memoQ status) still awaits review for the other segment."""
    memoq = ' xmlns:mq="MQXliff"'
    document = opened(
        tmp_path, xliff12(SEGMENTED.format(attributes=' mq:status="NotStarted"'), memoq)
    )
    document.fill({"0": "Gut schütteln."}, mark_fuzzy=True)
    document.fill({"1": "Kühl lagern."}, mark_fuzzy=False, from_memory={"1"})
    root = saved(document, tmp_path)
    target = root.find(f".//{NS12}target")
    assert (target.get("state"), target.get("state-qualifier")) == (
        "needs-review-translation",
        "mt-suggestion",
    )
    assert root.find(f".//{NS12}trans-unit").get("{MQXliff}status") == "Pretranslated"


@pytest.mark.parametrize("empty_target", ["", "<target/>", '<target xml:lang="de"> </target>'])
def test_a_segmented_unit_keeps_the_space_between_its_segments(
    tmp_path: Path, empty_target: str
) -> None:
    """A CAT tool's empty ``<target/>`` is laid out as the ``<seg-source>`` is, as a missing
    target is: the segments are not glued together."""
    unit = SEGMENTED.format(attributes="").replace("</trans-unit>", f"{empty_target}</trans-unit>")
    document = opened(tmp_path, xliff12(unit))
    document.fill({"0": "Gut schütteln.", "1": "Kühl lagern."})
    target = saved(document, tmp_path).find(f".//{NS12}target")
    assert inner(target) == (
        '<mrk mtype="seg" mid="1">Gut schütteln.</mrk> <mrk mtype="seg" mid="2">Kühl lagern.</mrk>'
    )


UNITS_20 = "".join(
    f'<unit id="{n}"><segment{state}><source>Store cool {n}.</source>{target}</segment></unit>'
    for n, state, target in [
        (1, "", ""),
        (2, "", ""),
        (3, ' state="translated" subState="ltmt:exact-match"', "<target>Alt.</target>"),
    ]
)


def test_xliff20_tells_memory_matches_from_machine_output(tmp_path: Path) -> None:
    """2.0's subState says what 1.2's state-qualifier says: ltmt:exact-match for a 100 %
    memory match, ltmt:mt for the model's output; both await review, and an approved
    memory match (--exact-approved) loses either, one an earlier run left too."""
    document = opened(tmp_path, xliff20(UNITS_20))
    assert [u.key for u in document.pending(overwrite=True)] == ["0", "1", "2"]
    document.fill({"0": "Kühl lagern 1.", "1": "Kühl lagern 2."}, from_memory={"1"})
    document.fill({"2": "Kühl lagern 3."}, mark_fuzzy=False, from_memory={"2"})
    segments = list(saved(document, tmp_path).iter(f"{NS20}segment"))
    assert [(s.get("state"), s.get("subState")) for s in segments] == [
        ("translated", "ltmt:mt"),
        ("translated", "ltmt:exact-match"),
        ("translated", None),
    ]
    assert XliffDocument.open(tmp_path / "out.xlf").pending() == []
    learnt = [r.target for r in read_xliff(tmp_path / "out.xlf")]  # what memory import reads
    assert learnt == ["Kühl lagern 3."]


def test_runs_of_spaces_are_kept_where_the_unit_preserves_space(tmp_path: Path) -> None:
    """The model writes one space between words; a unit whose spaces matter gets the source's
    runs back beside its codes and after its labels, and a 2.0 target the source's
    xml:space."""
    units = (
        '<trans-unit id="4" xml:space="preserve"><source>Lot:  <x id="4"/>  Batch:  </source>'
        '</trans-unit><trans-unit id="5"><source>Lot:  <x id="5"/> Batch:</source></trans-unit>'
    )
    document = opened(tmp_path, xliff12(units))
    document.fill({"0": 'Los: <x id="4"/> Charge:  ', "1": 'Los: <x id="5"/> Charge:'})
    targets = saved(document, tmp_path).iter(f"{NS12}target")
    assert [inner(t) for t in targets] == [
        'Los:  <x id="4"/>  Charge:  ',
        'Los: <x id="5"/> Charge:',  # (no xml:space: nothing changed)
    ]
    units_20 = (
        '<unit id="1"><segment><source xml:space="preserve">Street:   Main Street 12</source>'
        "</segment></unit>"
    )
    document = opened(tmp_path, xliff20(units_20))
    document.fill({"0": "Straße: Hauptstraße 12"})
    target = saved(document, tmp_path).find(f".//{NS20}target")
    assert (inner(target), target.get(XML_SPACE)) == ("Straße:   Hauptstraße 12", "preserve")


def inner(element: etree._Element) -> str:
    """The content of ``element`` as written, without its namespace declarations."""
    written = etree.tostring(element, encoding="unicode", with_tail=False)
    content = written[written.index(">") + 1 : written.rindex("</")]
    return re.sub(r' xmlns="[^"]*"', "", content)


def test_a_translation_over_its_units_limit_is_marked_counted_and_named(tmp_path: Path) -> None:
    """maxwidth in characters (2.0: slr:sizeRestriction in xliff:codepoints): a longer
    translation is written, marked for review even where --exact-approved would approve it,
    counted in the run's report and named in a warning; a limit in pixels is said unchecked."""
    from ltmt.formats.pipeline import translate_file

    units = (
        '<trans-unit id="2" maxwidth="12" size-unit="char"><source>Read the leaflet.</source>'
        '</trans-unit><trans-unit id="3" maxwidth="90"><source>Shake.</source></trans-unit>'
    )
    document = opened(tmp_path, xliff12(units))
    document.fill({"0": "Packungsbeilage beachten.", "1": "Schütteln."}, mark_fuzzy=False)
    assert list(document.over_limit) == ["0"]
    assert document.review_notes() == [
        "1 unit longer than the length limit the file gives it (unit 2: the translation is "
        "25 characters long, its unit allows 12): shorten it; it is marked for review",
        "1 unit with a length limit in pixel not checked (ltmt measures limits in characters: "
        'size-unit="char", xliff:codepoints)',
    ]
    states = [t.get("state") for t in saved(document, tmp_path).iter(f"{NS12}target")]
    assert states == ["needs-review-translation", "translated"]
    result = translate_file(tmp_path / "in.xlf", tmp_path / "run.xlf", lambda texts, _: texts)
    assert result.report.over_limit == 1  # "Read the leaflet." is 17 characters
    assert "1 longer than its length limit" in result.report.summary()

    slr = (
        '<slr:profiles xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" '
        'generalProfile="xliff:codepoints"/><unit id="1" '
        'xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" slr:sizeRestriction="12">'
        "<segment><source>Read the leaflet.</source></segment></unit>"
    )
    document = opened(tmp_path, xliff20(slr))
    document.fill({"0": "Packungsbeilage beachten."}, mark_fuzzy=False)
    assert list(document.over_limit) == ["0"]
    assert saved(document, tmp_path).find(f".//{NS20}segment").get("subState") == "ltmt:mt"


def test_a_target_marked_untranslated_is_filled(tmp_path: Path) -> None:
    """Symfony's ``<target>__Log out</target>`` is no translation to keep."""
    from formats_fakes import FakeModel

    from ltmt.formats.pipeline import translate_file

    source = tmp_path / "messages.de.xlf"
    source.write_text(
        xliff12(
            '<trans-unit id="1"><source>Log out</source><target>__Log out</target></trans-unit>'
        ),
        "utf-8",
    )
    out = tmp_path / "out.xlf"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert [r.target for r in read_xliff(out, include_fuzzy=True)] == ["LOG OUT"]


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_key_based_unit_is_left_untranslated(tmp_path: Path, overwrite: bool) -> None:
    """Symfony's key-based units (``<source>cart.items</source>``) hold a key, no text: the
    model copied it and the unit was marked translated."""
    from formats_fakes import FakeModel

    from ltmt.formats.pipeline import translate_file

    source = tmp_path / "messages.de.xlf"
    source.write_text(
        xliff12(
            '<trans-unit id="1"><source>cart.items</source><target>__cart.items</target>'
            '</trans-unit><trans-unit id="2"><source>Log out</source></trans-unit>'
        ),
        "utf-8",
    )
    out = tmp_path / "out.xlf"
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de", overwrite=overwrite)
    assert model.seen == ["Log out"]
    assert [r.target for r in read_xliff(out, include_fuzzy=True)] == ["LOG OUT"]
    assert "<target>__cart.items</target>" in out.read_text("utf-8")  # as it was
    assert result.report.signed_off == 0  # not said to be a reviewer's


REJECTED = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"'
    ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="a"'
    ' source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body>'
    '<trans-unit id="r"><source>Restart the device.</source><seg-source><mrk mtype="seg" '
    'mid="12">Restart the device.</mrk></seg-source><target><mrk mtype="seg" mid="12">Starten '
    'Sie das Gerät neu.</mrk></target><sdl:seg-defs><sdl:seg id="12" conf="RejectedTranslation"'
    ' origin="mt"/></sdl:seg-defs></trans-unit></body></file></xliff>'
)


@pytest.mark.parametrize(
    ("text", "conf", "notes"),
    [
        (
            "Starten Sie das Gerät neu.",
            'conf="RejectedTranslation" origin="mt"/>',
            [
                "1 segment rejected by a reviewer got the rejected translation again (r/12): "
                "kept as rejected; translate by hand"
            ],
        ),
        ("Gerät neu starten.", 'conf="Draft" origin="tm"', []),
    ],
)
def test_a_rejected_segment_is_never_confirmed_nor_given_its_rejected_text_again(
    tmp_path: Path, text: str, conf: str, notes: list[str]
) -> None:
    """--exact-approved wrote a memory match equal to the rejected target as conf="Translated"
    origin="tm" (without it conf="Draft"): the rejection was lost."""
    path = tmp_path / "manual.sdlxliff"
    path.write_text(REJECTED, encoding="utf-8")
    document = XliffDocument.open(path)
    [unit] = document.pending()
    document.fill({unit.key: text}, mark_fuzzy=False, from_memory={unit.key})
    document.save(tmp_path / "out.sdlxliff")
    written = (tmp_path / "out.sdlxliff").read_text("utf-8")
    assert conf in written and text in written
    assert document.review_notes() == notes


MEMOQ_LOCKED = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
    '<file original="a" source-language="en" target-language="de" datatype="plaintext"><body>'
    '<trans-unit id="1" mq:status="NotStarted"><source xml:space="preserve">Open.</source>'
    '<target xml:space="preserve"></target></trans-unit>'
    '<trans-unit id="2" mq:status="NotStarted" mq:locked="locked"><source xml:space="preserve">'
    'ACME Hub X200</source><target xml:space="preserve"></target></trans-unit>'
    "</body></file></xliff>"
)


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        (MEMOQ_LOCKED, '<target xml:space="preserve"></target>'),
        (MEMOQ_LOCKED.replace("></target>", "/>", 1), '<target xml:space="preserve"/>'),
    ],
)
def test_an_empty_element_is_written_as_the_file_writes_its_empty_ones(
    tmp_path: Path, written: str, kept: str
) -> None:
    """A locked memoQ unit's <target xml:space="preserve"></target> came back as
    <target xml:space="preserve"/>; a file that closes an empty one in its start tag keeps
    that form."""
    path = tmp_path / "guide.mqxliff"
    path.write_text(written, encoding="utf-8")
    document = XliffDocument.open(path)
    [unit] = document.pending()
    document.fill({unit.key: "Öffnen."}, mark_fuzzy=True)
    document.save(tmp_path / "out.mqxliff")
    out = (tmp_path / "out.mqxliff").read_text("utf-8")
    assert out.endswith(f"ACME Hub X200</source>{kept}</trans-unit></body></file></xliff>")


@pytest.mark.parametrize(("mark_fuzzy", "marked"), [(True, 2), (False, 0)])
def test_the_units_marked_for_review_are_counted_and_said(
    tmp_path: Path, mark_fuzzy: bool, marked: int
) -> None:
    """Regression trial crowdin, session 67: a run that wrote needs-review-translation on all
    12 units it filled said nothing of it (``entries_marked_fuzzy`` 0, a PO count); a unit
    translated already is kept and not counted."""
    from ltmt.formats.pipeline import translate_file

    units = (
        '<trans-unit id="1"><source>Save</source></trans-unit><trans-unit id="2"><source>Open'
        '</source></trans-unit><trans-unit id="3"><source>Quit</source><target state="final">'
        "Beenden</target></trans-unit>"
    )
    (tmp_path / "in.xlf").write_text(xliff12(units), "utf-8")
    out = tmp_path / "run.xlf"
    report = translate_file(tmp_path / "in.xlf", out, lambda t, _: t, mark_fuzzy=mark_fuzzy).report
    assert report.units_marked_for_review == marked
    assert out.read_text("utf-8").count("needs-review-translation") == marked
    said = (
        "2 units marked for review (XLIFF needs-review-translation): a reviewer confirms them "
        "in the CAT tool; --no-fuzzy writes them unmarked"
    )
    assert (said in report.summary()) is mark_fuzzy
    assert report.as_dict()["units_marked_for_review"] == marked
    assert "2.0" not in report.summary()


def test_xliff20_segments_are_counted_as_segments_and_said_to_have_no_review_state(
    tmp_path: Path,
) -> None:
    """Regression trial phrase, session 68: 2.0 output said "8 units marked for review (XLIFF
    needs-review-translation; 2.0: an ltmt subState)", counting segments (two in a unit) and
    not saying that 2.0 tools such as Phrase show state="translated" as done."""
    from ltmt.formats.pipeline import translate_file

    units = (
        '<unit id="a"><segment id="1"><source>Save.</source></segment><segment id="2">'
        '<source>Quit.</source></segment></unit><unit id="b"><segment id="1" state="final">'
        "<source>Open</source><target>Öffnen</target></segment></unit>"
    )
    (tmp_path / "in.xlf").write_text(xliff20(units), "utf-8")
    out = tmp_path / "run.xlf"
    report = translate_file(tmp_path / "in.xlf", out, lambda t, _: t).report
    assert (report.units_marked_for_review, report.segments_20_marked) == (2, 2)
    assert out.read_text("utf-8").count('subState="ltmt:mt"') == 2
    summary = report.summary()
    assert (
        '2 XLIFF 2.0 segments written state="translated" with subState ltmt:mt (ltmt:exact-match '
        "for a 100 % memory match): 2.0 has no review state, so Phrase and other 2.0 tools show "
        "them as translated; review them there; --no-fuzzy leaves the subState out"
    ) in summary
    assert "needs-review-translation" not in summary


DRAFTS_20 = (
    '<unit id="u1"><segment state="initial"><source>Pay now</source>'
    "<target>Jetzt zahlen</target></segment></unit>"
    '<unit id="u2"><segment state="initial"><source>Your cart is empty.</source>'
    "<target>Your cart is empty.</target></segment></unit>"
)


@pytest.mark.parametrize(
    ("overwrite", "targets", "said"),
    [
        (False, ["Jetzt zahlen", "YOUR CART IS EMPTY."], "1 draft kept as written"),
        (True, ["PAY NOW", "YOUR CART IS EMPTY."], None),
    ],
)
def test_a_draft_target_is_kept_and_counted(
    tmp_path: Path, overwrite: bool, targets: list[str], said: str | None
) -> None:
    """Regression trial phrase, session 68: a Phrase 2.0 segment state="initial" holding a
    translator's draft (Jetzt zahlen) was replaced by a memory match, the summary saying only
    "2 exact"; its source copied (Phrase's prefill) is untranslated, as Xcode's 1.2 new."""
    from ltmt.formats.pipeline import translate_file

    (tmp_path / "in.xlf").write_text(xliff20(DRAFTS_20), "utf-8")
    out = tmp_path / "run.xlf"
    upper = lambda texts, _: [t.upper() for t in texts]  # noqa: E731
    report = translate_file(tmp_path / "in.xlf", out, upper, overwrite=overwrite).report
    written = etree.parse(str(out)).getroot()
    assert [t.text for t in written.iter(f"{NS20}target")] == targets
    assert report.drafts_kept == (0 if overwrite else 1)
    assert report.translated_before == 0
    summary = report.summary()
    if said is None:
        assert "draft" not in summary
    else:
        assert (
            "1 draft kept as written (a target the file marks not translated yet: XLIFF 2.0 "
            "initial; --overwrite translates it)"
        ) in summary
    assert [r.target for r in read_xliff(tmp_path / "in.xlf")] == []  # a draft is not learnt


def test_a_12_new_target_is_translated_not_kept_as_a_draft(tmp_path: Path) -> None:
    """Regression trial regc, session 68: 1.2 new targets (Angular extract-i18n-merge's source
    copies and the old translation after a source change) stayed English as drafts; 1.2 new is
    translated (and marked for review) as before, only 2.0 initial holds a draft."""
    units = (
        '<trans-unit id="1"><source>Delete all messages in this folder</source>'
        '<target state="new">Alle Nachrichten löschen</target></trans-unit>'
        '<trans-unit id="2"><source>Save changes</source><target state="new">*Save changes'
        "</target></trans-unit>"
    )
    document = opened(tmp_path, xliff12(units))
    assert [u.key for u in document.pending()] == ["0", "1"]
    assert document.drafts() == 0


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            "<source>Welcome to the\n   dashboard </source>",
            "<target>Welcome to the dashboard</target>",
        ),
        ("<source>Log out</source>", "<target>Log Out</target>"),
        ("<source>Save changes</source>", "<target>*Save changes</target>"),
        ("<source>Open the file</source>", "<target>TODO: Open the file</target>"),
        ("<source>Close the window</source>", "<target>[de] Close the window</target>"),
        (
            '<source>You have <ph id="1" disp="{{ count }}"/> new messages</source>',
            '<target>You have <ph id="1"/> new messages</target>',
        ),
        (
            '<source>Click <pc id="1">here</pc> to continue.</source>',
            '<target>Click <pc id="1">here</pc>  to continue.</target>',
        ),
    ],
)
def test_a_20_initial_copy_compared_loosely_is_no_draft(
    tmp_path: Path, source: str, target: str
) -> None:
    """A 2.0 initial target that is its source copied, but for whitespace, case, an inline tag's
    attributes or a prefill mark, is untranslated: filled, not kept as a draft."""
    unit = f'<unit id="u1"><segment state="initial">{source}{target}</segment></unit>'
    document = opened(tmp_path, xliff20(unit))
    assert len(document.pending()) == 1
    assert document.drafts() == 0


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Settings saved.", "Settings saved"),
        ("Search", "[TODO] Search"),
        ("Delete the item", "TODO Delete the item"),
        ("Log out", "de: Log out"),
        ("Your profile", "Your profile (untranslated)"),
        ("Sign in with email", "Sign in with e-mail"),
        ("Open the file.", "Open a file."),
        ("Search", "Search *"),
    ],
)
def test_a_20_initial_target_still_english_is_no_draft(
    tmp_path: Path, source: str, target: str
) -> None:
    """Regression trial regf, session 68: 2.0 initial targets still in English (a source
    copied and edited, an older source's English) were kept as drafts and shipped English; a
    draft reads as the target language (language detection), or, too short to tell, says
    words of its own."""
    unit = (
        f'<unit id="u1"><segment state="initial"><source>{source}</source>'
        f"<target>{target}</target></segment></unit>"
    )
    document = opened(tmp_path, xliff20(unit))
    assert len(document.pending()) == 1
    assert document.drafts() == 0


@pytest.mark.parametrize(
    ("source", "target"),
    [("Pay now", "Jetzt zahlen"), ("Your profile", "Ihr Profil"), ("Log out", "Abmelden")],
)
def test_a_20_initial_target_in_the_target_language_is_a_draft(
    tmp_path: Path, source: str, target: str
) -> None:
    unit = (
        f'<unit id="u1"><segment state="initial"><source>{source}</source>'
        f"<target>{target}</target></segment></unit>"
    )
    document = opened(tmp_path, xliff20(unit))
    assert document.pending() == []
    assert document.drafts() == 1


@pytest.mark.parametrize("mark_fuzzy", [True, False])
def test_a_reviewed_segment_with_an_empty_target_is_filled_for_review(
    tmp_path: Path, mark_fuzzy: bool
) -> None:
    """Regression trial phrase, session 68: a state="reviewed" segment with <target/> was
    filled and, with --no-fuzzy, written translated as if confirmed; no text was signed off,
    so it is marked for review whatever the run asks, and said."""
    units = (
        '<unit id="u1"><segment id="1" state="reviewed"><source>Pay now</source><target/>'
        "</segment></unit>"
    )
    document = opened(tmp_path, xliff20(units))
    [unit] = document.pending()
    document.fill({unit.key: "Jetzt bezahlen"}, mark_fuzzy=mark_fuzzy)
    [segment] = saved(document, tmp_path).iter(f"{NS20}segment")
    assert (segment.get("state"), segment.get("subState")) == ("translated", "ltmt:mt")
    assert document.review_notes() == [
        "1 segment marked reviewed or final with an empty target (u1): filled and marked for "
        "review (no text was signed off); confirm them in the CAT tool"
    ]


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("version", [12, 20])
def test_a_windows_file_keeps_crlf_on_every_line(tmp_path: Path, codec: str, version: int) -> None:
    """A file with ``\\r\\n`` comes back with ``\\r\\n`` on every line, not only on the lines
    outside the root element (the parser reads them as ``\\n``), in UTF-8 and UTF-16 alike."""
    if version == 12:
        unit = '\n<trans-unit id="1">\n<source>Store cool.</source>\n</trans-unit>\n'
        text = xliff12(unit).replace("<body>", "\n<body>")
    else:
        text = xliff20(
            '\n<unit id="1">\n<segment>\n<source>Store cool.</source>\n</segment>\n</unit>\n'
        )
    text = text.replace("\n", "\r\n") + "\r\n"
    mark = {"utf-8": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    (tmp_path / "in.xlf").write_bytes(mark + text.encode(codec))
    document = XliffDocument.open(tmp_path / "in.xlf")
    document.fill({"0": "Kühl lagern."})
    written = document.serialize()
    assert written.startswith(mark)
    out = written[len(mark) :].decode(codec)
    assert "Kühl lagern." in out
    assert out.count("\n") == out.count("\r\n") > text.count("\r\n")  # the target's line too


@pytest.mark.parametrize("version", [1, 2])
def test_overwrite_keeps_the_state_of_a_translated_unit_written_as_it_was(
    tmp_path: Path, version: int
) -> None:
    """Regression trial mp2, session 70 (as the PO catalog's): ``--overwrite`` marked a
    translated unit for review although its target came out as it was; it keeps its state,
    and a unit whose target changed is marked as before."""
    from ltmt.formats.pipeline import translate_file

    if version == 1:
        units = (
            '<trans-unit id="1"><source>Save</source><target state="translated">SAVE</target>'
            '</trans-unit><trans-unit id="2"><source>Open</source><target state="translated">'
            "Öffnen</target></trans-unit>"
        )
        text, target, state = xliff12(units), f"{NS12}target", "state"
    else:
        units = (
            '<unit id="1"><segment state="translated"><source>Save</source><target>SAVE</target>'
            '</segment></unit><unit id="2"><segment state="translated"><source>Open</source>'
            "<target>Öffnen</target></segment></unit>"
        )
        text, target, state = xliff20(units), f"{NS20}segment", "subState"
    (tmp_path / "in.xlf").write_text(text, "utf-8")
    out = tmp_path / "run.xlf"
    upper = lambda texts, _: [t.upper() for t in texts]  # noqa: E731
    report = translate_file(tmp_path / "in.xlf", out, upper, overwrite=True).report
    written = etree.parse(str(out)).getroot()
    marks = [e.get(state) for e in written.iter(target)]
    assert marks == (
        ["translated", "needs-review-translation"] if version == 1 else [None, "ltmt:mt"]
    )
    assert report.units_marked_for_review == 1


def sdlxliff(units: str) -> str:
    """A Trados file of ``units`` (each a segmented <trans-unit>)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/'
        'SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" '
        'sdl:version="1.0"><file original="a.docx" datatype="x-sdlfilterframework2" '
        f'source-language="en-US" target-language="de-DE"><header/><body>\n{units}\n'
        "</body></file></xliff>"
    )


def trados_unit(
    unit_id: str, source: str, target: str | None, conf: str | None = "Translated"
) -> str:
    """A one-segment Trados <trans-unit>; ``source`` and ``target`` inside the segment's
    ``<mrk>`` (the plain ``<source>`` is written without marks), ``target`` None: empty."""
    plain = re.sub(r"<mrk mtype=\"x-sdl-deleted\"[^>]*>.*?</mrk>|<[^>]+>", "", source)
    held = (
        f'<mrk mtype="seg" mid="{unit_id}">{target}</mrk>'
        if target
        else (f'<mrk mtype="seg" mid="{unit_id}"/>')
    )
    status = f' conf="{conf}" origin="interactive"' if conf and target else ""
    return (
        f'<trans-unit id="u{unit_id}"><source>{plain}</source><seg-source><mrk mtype="seg" '
        f'mid="{unit_id}">{source}</mrk></seg-source><target>{held}</target><sdl:seg-defs>'
        f'<sdl:seg id="{unit_id}"{status}/></sdl:seg-defs></trans-unit>'
    )


COMMENTED = 'Open <mrk mtype="x-sdl-comment" sdl:cid="c1a2b3c4-0000-4000-8000-00000000c001">SafeKeep</mrk> now.'
TRACKED = (
    'Sie <mrk mtype="x-sdl-deleted" sdl:revid="r1">benutzen</mrk><mrk mtype="x-sdl-added" '
    'sdl:revid="r2">verwenden</mrk> es.'
)
TARGET_COMMENT = (
    'Öffnen Sie den <mrk mtype="x-sdl-comment" sdl:cid="c2">Assistenten</mrk>, um zu wählen.'
)


def test_a_trados_comment_on_a_source_stays_there_and_a_kept_segment_keeps_its_marks(
    tmp_path: Path,
) -> None:
    """The comment's mark was carried into the translation as a code (and its id's digits
    counted as the sentence's numbers); a confirmed target's track changes are kept as
    Trados wrote them."""
    units = "\n".join(
        [
            trados_unit("1", COMMENTED, None),
            trados_unit("2", "You use it.", TRACKED),
            trados_unit("3", "Open the wizard to choose.", TARGET_COMMENT),
        ]
    )
    path = tmp_path / "in.sdlxliff"
    path.write_text(sdlxliff(units), "utf-8")
    document = XliffDocument.open(path)
    pending = document.pending()
    assert [(u.key, u.source) for u in pending] == [("0", "Open SafeKeep now.")]
    document.fill({"0": "Öffnen Sie SafeKeep jetzt."})
    document.save(tmp_path / "out.sdlxliff")
    written = (tmp_path / "out.sdlxliff").read_text("utf-8")
    assert f'<mrk mtype="seg" mid="1">{COMMENTED}</mrk></seg-source>' in written
    assert '<mrk mtype="seg" mid="1">Öffnen Sie SafeKeep jetzt.</mrk></target>' in written
    assert f'<mrk mtype="seg" mid="2">{TRACKED}</mrk></target>' in written
    assert f'<mrk mtype="seg" mid="3">{TARGET_COMMENT}</mrk></target>' in written
    assert document.review_notes() == [
        "1 segment translated whose source has a Trados comment (u1/1): the comment stays on "
        "the source, its translation has none"
    ]


@pytest.mark.parametrize(
    ("text", "kept", "notes"),
    [
        # written as it was (the accepted text): its track changes stay, its status too
        ("Sie verwenden es.", TRACKED, []),
        (
            "Sie nutzen es.",
            "Sie nutzen es.",
            [
                "1 segment translated again whose target had tracked changes or comments "
                "(u2/2): its new target has none"
            ],
        ),
    ],
)
def test_overwrite_keeps_a_targets_track_changes_where_it_writes_the_same_text(
    tmp_path: Path, text: str, kept: str, notes: list[str]
) -> None:
    path = tmp_path / "in.sdlxliff"
    path.write_text(sdlxliff(trados_unit("2", "You use it.", TRACKED)), "utf-8")
    document = XliffDocument.open(path)
    [unit] = document.pending(overwrite=True)
    assert unit.source == "You use it."
    document.fill({unit.key: text}, mark_fuzzy=False)
    document.save(tmp_path / "out.sdlxliff")
    written = (tmp_path / "out.sdlxliff").read_text("utf-8")
    assert f'<mrk mtype="seg" mid="2">{kept}</mrk></target>' in written
    assert document.review_notes() == notes


def test_a_target_of_tracked_changes_reads_as_the_accepted_text(tmp_path: Path) -> None:
    """A rejected segment's text and its limit are those of the accepted changes."""
    path = tmp_path / "in.sdlxliff"
    path.write_text(
        sdlxliff(trados_unit("2", "You use it.", TRACKED, conf="RejectedTranslation")), "utf-8"
    )
    document = XliffDocument.open(path)
    [unit] = document.pending()
    document.fill({unit.key: "Sie verwenden es."}, mark_fuzzy=False)
    assert document.review_notes()[0].startswith(
        "1 segment rejected by a reviewer got the rejected translation again (u2/2)"
    )


COPIED_SOURCE = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"'
    ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="a"'
    ' source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body>'
    '<trans-unit id="u1"><source>Backup done. SafeKeep Pro</source><seg-source><mrk mtype="seg"'
    ' mid="1">Backup done.</mrk> <mrk mtype="seg" mid="2">SafeKeep Pro</mrk> <mrk mtype="seg"'
    ' mid="3">Old versions fail.</mrk></seg-source><target><mrk mtype="seg" mid="1">Backup'
    ' done.</mrk> <mrk mtype="seg" mid="2">SafeKeep Pro</mrk> <mrk mtype="seg" mid="3">Old'
    ' versions fail.</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Draft" origin="source"/>'
    '<sdl:seg id="2" conf="Translated" origin="source"/><sdl:seg id="3" conf="Draft"'
    ' origin="source" locked="true"/></sdl:seg-defs></trans-unit></body></file></xliff>'
)


def test_a_trados_copy_of_the_source_not_confirmed_is_translated_and_counted(
    tmp_path: Path,
) -> None:
    """Trados's "copy source to target" (conf="Draft" origin="source") counted as translated
    already and stayed English (session 72); the confirmed product name and the locked copy
    stay as they are."""
    path = tmp_path / "copysrc.sdlxliff"
    path.write_text(COPIED_SOURCE, encoding="utf-8")
    document = XliffDocument.open(path)
    assert [(u.key, u.source) for u in document.pending()] == [("0", "Backup done.")]
    assert document.source_copies() == 1
    # the confirmed one alone is a pair: a copy is no translation to learn
    [pair] = read_xliff(path, "en", "de", include_fuzzy=True)
    assert (pair.source, pair.target) == ("SafeKeep Pro", "SafeKeep Pro")
    document.fill({"0": "Sicherung fertig."})
    document.save(tmp_path / "out.sdlxliff")
    written = (tmp_path / "out.sdlxliff").read_text("utf-8")
    assert '<sdl:seg id="1" conf="Draft" origin="mt" origin-system="ltmt"/>' in written
    assert '<sdl:seg id="2" conf="Translated" origin="source"/>' in written
    assert '<mrk mtype="seg" mid="3">Old versions fail.</mrk>' in written


MEMOQ_SOURCE = "Open the <bpt id='1'>&lt;b&gt;</bpt>file<ept id='1'>&lt;/b&gt;</ept>."


@pytest.mark.parametrize(
    ("status", "percent"),
    [
        ("PartiallyEdited", "0"),
        ("MachineTranslated", "0"),
        ("Pretranslated", "75"),
        ("Pretranslated", "95"),
        ("ManuallyConfirmed", "0"),
    ],
)
def test_a_memoq_row_holding_its_source_is_the_translators_and_kept(
    tmp_path: Path, status: str, percent: str
) -> None:
    """memoQ writes no mark of a copy: a row equal to its source (a name, a command) was
    translated again, its rate reset to 0 (regression trial, session 72); kept, as before."""
    document = opened(
        tmp_path,
        xliff12(
            f'<trans-unit id="1" mq:status="{status}" mq:percent="{percent}"><source>'
            f"{MEMOQ_SOURCE}</source><target>{MEMOQ_SOURCE}</target></trans-unit>",
            ' xmlns:mq="MQXliff"',
        ),
    )
    assert document.pending() == []
    assert document.source_copies() == 0


TRADOS_COPIES = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"'
    ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="a"'
    ' source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body>'
    '<trans-unit id="t4"><source>npm install acme-cli --save-dev</source><seg-source><mrk'
    ' mtype="seg" mid="4">npm install acme-cli --save-dev</mrk></seg-source><target><mrk'
    ' mtype="seg" mid="4">npm install acme-cli --save-dev</mrk></target><sdl:seg-defs><sdl:seg'
    ' id="4" conf="Draft" origin="auto-propagated"/></sdl:seg-defs></trans-unit>'
    '<trans-unit id="t7"><source>iPhone 15 Pro Max</source><seg-source><mrk mtype="seg"'
    ' mid="7">iPhone 15 Pro Max</mrk></seg-source><target><mrk mtype="seg" mid="7">iPhone 15'
    ' Pro Max</mrk></target><sdl:seg-defs><sdl:seg id="7" conf="Draft" origin="interactive"/>'
    "</sdl:seg-defs></trans-unit></body></file></xliff>"
)


def test_a_trados_draft_a_translator_left_as_its_source_is_kept(tmp_path: Path) -> None:
    """``npm install acme-cli --save-dev`` became ``npm installieren ...`` and its
    ``origin="interactive"`` ltmt's (regression trial, session 72): only ``origin="source"``
    says Trados copied it."""
    path = tmp_path / "brand.sdlxliff"
    path.write_text(TRADOS_COPIES, encoding="utf-8")
    document = XliffDocument.open(path)
    assert document.pending() == []
    assert document.source_copies() == 0


SOURCE_EDITED = {
    "sdlxliff": (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"'
        ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="a"'
        ' source-language="en-US" target-language="de-DE" datatype="x-sdlfilterframework2"><body>'
        '<trans-unit id="u1"><source>Delete the oldest backup.</source><seg-source><mrk'
        ' mtype="seg" mid="1">Delete the oldest backup.</mrk></seg-source><target><mrk mtype="seg"'
        ' mid="1"/></target><sdl:seg-defs><sdl:seg id="1"/></sdl:seg-defs></trans-unit>'
        "</body></file></xliff>",
        ('conf="Draft"', 'conf="Translated"'),
        "u1/1",
    ),
    "mqxliff": (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="a" source-language="en" target-language="de" datatype="xml"><body>'
        '<trans-unit id="7" mq:status="NotStarted"><source>Delete the oldest backup.</source>'
        "<target></target></trans-unit></body></file></xliff>",
        ('mq:status="Pretranslated"', 'mq:status="ManuallyConfirmed"'),
        "7",
    ),
    "xlf": (
        xliff12('<trans-unit id="del"><source>Delete the oldest backup.</source></trans-unit>'),
        ('state="needs-review-translation"', 'state="translated"'),
        "del",
    ),
}


@pytest.mark.parametrize("kind", list(SOURCE_EDITED))
@pytest.mark.parametrize("confirmed", [False, True])
def test_ltmts_unconfirmed_target_of_an_edited_source_is_translated_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, kind: str, confirmed: bool
) -> None:
    """A Trados file ltmt filled (conf="Draft" origin-system="ltmt"), its source edited in the
    CAT tool and filled in place again, kept the German of the old source silently ("1
    translated already, kept as it is"), session 72. Now ltmt's target, still unconfirmed, is
    translated again; one a translator confirmed is kept, and named in a warning once."""
    from formats_fakes import FakeModel

    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.pipeline import translate_file

    text, (unconfirmed, confirmation), unit_id = SOURCE_EDITED[kind]
    records = OutputSources(tmp_path / "records")
    path = tmp_path / f"manual.{kind}"
    path.write_text(text, "utf-8")
    translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    written = path.read_text("utf-8")
    assert unconfirmed in written and "DELETE THE OLDEST BACKUP." in written
    edited = written.replace("Delete the oldest backup.", "Keep the newest backup.")
    path.write_text(edited.replace(unconfirmed, confirmation) if confirmed else edited, "utf-8")
    caplog.clear()
    result = translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    summary, rerun = result.report.summary(), path.read_text("utf-8")
    if confirmed:  # a translator's word: kept, named
        assert "1 translated already, kept as it is" in summary
        assert "DELETE THE OLDEST BACKUP." in rerun
        assert (
            "1 translation that ltmt did not write (a translator's, or edited since), whose "
            f"source changed since, kept as it is ({unit_id}); check it" in caplog.text
        )
    else:
        assert "1 translated again: its source changed since it was translated" in summary
        assert "KEEP THE NEWEST BACKUP." in rerun and "DELETE" not in rerun
        assert "did not write" not in caplog.text
    # the next run changes nothing, and names the translator's unchecked German again until
    # it is edited (trial s72: named once, it was forgotten)
    caplog.clear()
    again = translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    assert "1 translated already, kept as it is" in again.report.summary()
    assert path.read_text("utf-8") == rerun
    assert ("did not write" in caplog.text) is confirmed


MOVED = xliff12(
    '<trans-unit id="save"><source>Save</source><target state="translated">Speichern</target>'
    '</trans-unit><trans-unit id="close"><source>Close window</source><target state="translated">'
    'Fenster schließen</target></trans-unit><trans-unit id="open"><source>Open the settings page.'
    "</source></trans-unit>"
)


@pytest.mark.parametrize(
    "change",
    [
        # a unit added before the others (Angular's extract-i18n-merge, a CAT tool)
        lambda t: t.replace(
            '<trans-unit id="save">',
            '<trans-unit id="new"><source>Export</source></trans-unit><trans-unit id="save">',
        ),
        lambda t: re.sub(r'<trans-unit id="save">.*?</trans-unit>', "", t),  # one removed
        # two moved
        lambda t: re.sub(
            r'(<trans-unit id="save">.*?</trans-unit>)(<trans-unit id="close">'
            r".*?</trans-unit>)",
            r"\2\1",
            t,
        ),
    ],
)
def test_units_added_removed_or_moved_name_no_translators_target(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, change: Any
) -> None:
    """The record of a file filled in place was by unit place: one unit inserted had every
    translator's target after it named "whose source changed since" on every run (regression
    trial s72). It is by unit id: nothing is named, nothing translated again."""
    from formats_fakes import FakeModel

    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.pipeline import translate_file

    records = OutputSources(tmp_path / "records")
    path = tmp_path / "mv.xlf"
    path.write_text(MOVED, "utf-8")
    translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    for _ in range(2):
        caplog.clear()
        result = translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
        assert "source changed" not in caplog.text
        assert "translated again" not in result.report.summary()
    written = path.read_text("utf-8")
    assert "Speichern" in written or 'id="save"' not in written
    assert "Fenster schließen" in written and "OPEN THE SETTINGS PAGE." in written


NO_FUZZY = xliff12(
    '<trans-unit id="a"><source>Delete the selected file?</source></trans-unit>'
    '<trans-unit id="b"><source>Your changes were saved.</source></trans-unit>'
)


def test_ltmts_no_fuzzy_target_of_an_edited_source_is_named_as_ltmts_and_not_imported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """ltmt's own --no-fuzzy target, its source edited since, was named on every run as one
    "that ltmt did not write", and an import stored it as approved (regression trial s72).
    It is named as ltmt's, kept (the file says it is confirmed), and an import skips it as
    the target of an older source, as it does in other formats."""
    from formats_fakes import FakeModel

    from ltmt.formats.changed_sources import OLDER_SOURCE, recorded_for_older_sources
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.pipeline import translate_file

    records = OutputSources(tmp_path / "records")
    path = tmp_path / "nf.xlf"
    path.write_text(NO_FUZZY, "utf-8")
    translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records, mark_fuzzy=False)
    edited = path.read_text("utf-8").replace("were saved.</source>", "were saved online.</source>")
    path.write_text(edited, "utf-8")
    for _ in range(2):  # named on every run until the German or the English changes
        caplog.clear()
        translate_file(
            path, path, FakeModel(), tgt_lang="de", output_sources=records, mark_fuzzy=False
        )
        assert (
            "1 translation that ltmt wrote not marked for review (--no-fuzzy), whose source "
            "changed since, kept as it is (b), as the file says it is confirmed; check it"
        ) in caplog.text
        assert "did not write" not in caplog.text
        assert path.read_text("utf-8") == edited
    record = records.read(path)
    assert record is not None
    pairs = recorded_for_older_sources(record, list(read_xliff(path, "en", "de")))
    assert [(p.source, p.unpaired) for p in pairs] == [
        ("Delete the selected file?", ""),
        ("Your changes were saved online.", OLDER_SOURCE),
    ]
    # a translator's edit since is theirs: named so, and no longer ltmt's
    path.write_text(edited.replace("YOUR CHANGES WERE SAVED.", "Gespeichert."), "utf-8")
    caplog.clear()
    translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records, mark_fuzzy=False)
    assert "1 translation that ltmt did not write (a translator's, or edited since)" in caplog.text


def test_a_20_copy_without_a_state_is_untranslated_as_an_initial_one(tmp_path: Path) -> None:
    """Okapi leaves a 2.0 segment's ``state`` out (the spec's default: ``initial``) where it
    copies the source into the target: kept as "translated already" and left English (trial
    s73 xliff2). A target of its own without a state, a name copied and a reviewer's
    ``translated`` copy are kept; the copy is no pair to learn."""
    units = "".join(
        f'<unit id="u{i}"><segment{state}><source>{source}</source>'
        f"<target>{target}</target></segment></unit>"
        for i, (state, source, target) in enumerate(
            [
                ("", "How do I open an image?", "How do I open an image?"),
                ("", "Save the file", "Datei speichern"),
                ("", "GitHub", "GitHub"),
                (' state="translated"', "Click Save to store it.", "Click Save to store it."),
            ]
        )
    )
    document = opened(tmp_path, xliff20(units))
    assert [(u.key, u.source) for u in document.pending()] == [("0", "How do I open an image?")]
    assert (document.source_copies(), document.drafts(), document.copies_kept()) == (1, 0, {})
    pairs = read_xliff(tmp_path / "in.xlf", "en", "de")
    assert [p.source for p in pairs] == ["Save the file", "GitHub", "Click Save to store it."]
    document.fill({"0": "Wie öffne ich ein Bild?"}, mark_fuzzy=False)
    segment = saved(document, tmp_path).find(f".//{NS20}segment")
    assert segment is not None and segment.get("state") == "translated"


TIKAL_12 = (
    '<trans-unit id="1"><source>Click <g id="1">Save</g> to store your changes.</source>'
    '<seg-source><mrk mid="0" mtype="seg">Click <g id="1">Save</g> to store your changes.</mrk>'
    '</seg-source><target><mrk mid="0" mtype="seg">Click <g id="1">Save</g> to store your '
    "changes.</mrk></target></trans-unit>"
    '<trans-unit id="2"><source>Subtotal</source><target>Subtotal</target></trans-unit>'
    '<trans-unit id="3"><source>GitHub</source><target>GitHub</target></trans-unit>'
)


def test_a_12_file_of_copies_without_a_state_is_translated(tmp_path: Path) -> None:
    """Okapi Tikal and PrestaShop's catalogs write every 1.2 target as its source, without a
    state: "13 translated already", an English file out (trial s73 xliff2, prestashop). A
    lone word is translated too (no translator chose it), a name is kept; the units filled
    get ltmt's state."""
    document = opened(tmp_path, xliff12(TIKAL_12))
    assert [u.source for u in document.pending()] == [
        'Click <g id="1">Save</g> to store your changes.',
        "Subtotal",
    ]
    assert (document.source_copies(), document.copies_kept()) == (2, {})
    document.fill(
        {"0": 'Klicken Sie auf <g id="1">Save</g>.', "1": "Zwischensumme"}, mark_fuzzy=False
    )
    targets = saved(document, tmp_path).iter(f"{NS12}target")
    assert [t.get("state") for t in targets] == ["translated", "translated", None]


MINORITY_12 = (
    '<trans-unit id="t1"><source>Terms of Service</source><target>Terms of Service</target>'
    "</trans-unit>"
    '<trans-unit id="t2"><source>Save changes</source><target>Änderungen speichern</target>'
    "</trans-unit>"
    '<trans-unit id="t3"><source>Open the file</source><target>Datei öffnen</target>'
    "</trans-unit>"
    '<trans-unit id="t4"><source>Live Chat</source><target state="translated">Live Chat</target>'
    "</trans-unit>"
    '<trans-unit id="t5" approved="yes"><source>App Store</source><target>App Store</target>'
    "</trans-unit>"
)


def test_a_12_copy_without_a_state_in_a_translated_file_is_kept_and_counted(
    tmp_path: Path,
) -> None:
    """A translator's English (``Terms of Service``) in a file that translates the rest is
    kept, counted apart as a copy of the source; ``--copies translate`` translates it and
    nothing else: a reviewer's ``translated`` or approved copy stays."""
    document = opened(tmp_path, xliff12(MINORITY_12))
    assert document.pending() == []
    assert document.copies_kept() == {"0": "line 2"}  # (the xml declaration is line 1)
    document.translate_copies()
    assert [(u.key, u.source) for u in document.pending()] == [("0", "Terms of Service")]
    assert (document.source_copies(), document.copies_kept()) == (1, {})


def test_a_segment_set_final_with_ltmts_substate_left_is_kept_when_its_source_changes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s77: a reviewer set ltmt's 2.0 output ``final`` and left ``subState="ltmt:mt"``.
    A rerun after the source changed took it for ltmt's unreviewed text and translated it
    again, over the sign-off; it is kept, as a ``final`` segment without the mark is, and
    named, and the file is learnt by memory import."""
    from formats_fakes import FakeModel

    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.pipeline import translate_file

    records = OutputSources(tmp_path / "records")
    path = tmp_path / "messages.de.xlf"
    path.write_text(
        xliff20(
            '<unit id="d"><segment><source>Delete the oldest backup.</source></segment></unit>'
        ),
        "utf-8",
    )
    translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    written = path.read_text("utf-8")
    assert 'state="translated" subState="ltmt:mt"' in written
    signed = written.replace('state="translated"', 'state="final"')
    path.write_text(signed.replace("Delete the oldest", "Keep the newest"), "utf-8")
    caplog.clear()
    result = translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    rerun = path.read_text("utf-8")
    assert "DELETE THE OLDEST BACKUP." in rerun and 'state="final"' in rerun
    assert "1 signed off by a reviewer, kept as it is" in result.report.summary()
    assert "whose source changed since, kept as it is (d); check it" in caplog.text
    assert [r.target for r in read_xliff(path)] == ["DELETE THE OLDEST BACKUP."]
