"""DITA topics and maps: read by the HTML machinery in DITA's vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format, output_name_problem
from ltmt.qa.pair_checks import placeholder_problems

TOPIC = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA Task//EN" "task.dtd">
<task id="t_filter" xml:lang="en-US">
  <title>Replacing the filter</title>
  <shortdesc>Replace the filter of the <ph keyref="product"/> yearly.</shortdesc>
  <taskbody>
    <!-- reviewed by QA -->
    <steps>
      <step><cmd>Click <uicontrol>Save</uicontrol>.</cmd></step>
      <step><cmd>Run <codeph>filter-reset --all</codeph> on the console.</cmd>
        <info><note type="tip">See <xref href="c_types.dita"/> first.</note></info>
        <stepxmp><codeblock>filter-reset --all
exit</codeblock></stepxmp>
        <stepresult><p>The message <systemoutput translate="no">FILTER OK</systemoutput> is shown.</p></stepresult>
      </step>
    </steps>
    <postreq><p><![CDATA[a < b]]></p></postreq>
  </taskbody>
</task>
"""

MAP = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE map PUBLIC "-//OASIS//DTD DITA Map//EN" "map.dtd">
<map xml:lang="en-US">
  <title>Operating Manual</title>
  <topicref href="t_filter.dita" navtitle="Replacing the filter"/>
  <topicref href="c_types.dita"><topicmeta><navtitle>Filter types</navtitle></topicmeta></topicref>
</map>
"""


@pytest.fixture
def topic(tmp_path: Path) -> Path:
    path = tmp_path / "t_filter.dita"
    path.write_text(TOPIC, encoding="utf-8")
    return path


def test_dita_and_ditamap_are_read_as_dita(tmp_path: Path) -> None:
    for name in ("t.dita", "manual.ditamap", "T.DITA"):
        assert find_format(tmp_path / name, role="document").name == "dita"
        assert find_format(tmp_path / name, role="read").name == "dita"


def test_inline_elements_stay_in_their_sentence_and_code_is_not_sent(topic: Path) -> None:
    assert [unit.source for unit in open_document(topic).units()] == [
        "Replacing the filter",
        'Replace the filter of the <ph keyref="product"/> yearly.',
        "Click <uicontrol>Save</uicontrol>.",
        # (DITA's code elements marked not to translate: written as read, below)
        'Run <codeph translate="no">filter-reset --all</codeph> on the console.',
        'See <xref href="c_types.dita"/> first.',
        'The message <systemoutput translate="no">FILTER OK</systemoutput> is shown.',
    ]  # (no <codeblock>, no comment, no CDATA)


def test_a_topic_is_written_as_read_but_its_text_and_language(topic: Path, tmp_path: Path) -> None:
    out = tmp_path / "de-DE" / "t_filter.dita"
    out.parent.mkdir()
    translate_file(topic, out, FakeModel(), tgt_lang="de-DE")
    expected = (
        TOPIC.replace('xml:lang="en-US"', 'xml:lang="de-DE"')
        .replace("Replacing the filter", "REPLACING THE FILTER")
        .replace("Replace the filter of the", "REPLACE THE FILTER OF THE")
        .replace("yearly.", "YEARLY.")
        .replace("Click <uicontrol>Save</uicontrol>.", "CLICK <uicontrol>SAVE</uicontrol>.")
        .replace("Run <codeph>", "RUN <codeph>")
        .replace("on the console.", "ON THE CONSOLE.")
        .replace("See <xref", "SEE <xref")
        .replace("first.", "FIRST.")
        .replace("The message <sys", "THE MESSAGE <sys")
        .replace("is shown.", "IS SHOWN.")
    )
    assert out.read_text("utf-8") == expected  # code, comment, CDATA, DOCTYPE byte for byte


def test_a_map_s_navigation_titles_are_translated(tmp_path: Path) -> None:
    source = tmp_path / "manual.ditamap"
    source.write_text(MAP, encoding="utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "Operating Manual",
        "Replacing the filter",
        "Filter types",
    ]
    out = tmp_path / "manual.de.ditamap"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert '<topicref href="t_filter.dita" navtitle="REPLACING THE FILTER"/>' in written
    assert "<topicmeta><navtitle>FILTER TYPES</navtitle></topicmeta>" in written
    assert '<map xml:lang="de">' in written


def test_memory_import_pairs_whole_sentences_with_their_codes(topic: Path, tmp_path: Path) -> None:
    out = tmp_path / "t_filter.de.dita"
    out.write_text(
        TOPIC.replace(
            "Click <uicontrol>Save</uicontrol>.",
            "Klicken Sie auf <uicontrol>Speichern</uicontrol>.",
        ),
        encoding="utf-8",
    )
    pairs = {(r.source, r.target) for r in read_pairs(out, "dita", source_file=topic)}
    assert (
        "Click <uicontrol>Save</uicontrol>.",
        "Klicken Sie auf <uicontrol>Speichern</uicontrol>.",
    ) in pairs
    assert len(pairs) == 6
    with pytest.raises(InputError, match=r"give as --source-file the topic it was translated"):
        other = tmp_path / "other.dita"
        other.write_text("<topic><title>One</title></topic>", "utf-8")
        list(read_pairs(other, "dita", source_file=topic))


def test_folder_runs_find_topics_and_maps(topic: Path, tmp_path: Path) -> None:
    from ltmt.formats.folders import format_of, read_folder

    assert format_of(tmp_path / "manual.ditamap", "document") is not None
    (tmp_path / "en-US").mkdir()
    (tmp_path / "de-DE").mkdir()
    (tmp_path / "en-US" / "t.dita").write_text(TOPIC, "utf-8")
    german = TOPIC.replace("Replacing the filter", "Filter ersetzen")
    (tmp_path / "de-DE" / "t.dita").write_text(german, "utf-8")
    found = read_folder(tmp_path / "de-DE", tmp_path / "en-US")
    assert ("Replacing the filter", "Filter ersetzen") in [
        (r.source, r.target) for r in found.records
    ]
    assert found.unknown == []


@pytest.mark.parametrize(("tgt_lang", "written"), [("de_DE", "de-DE"), ("de", "de")])
def test_the_language_mark_is_a_bcp_47_tag(topic: Path, tmp_path: Path, tgt_lang, written) -> None:
    """--tgt-lang de_DE was written xml:lang="de_DE", which no DITA processor reads as German
    (Germany)."""
    out = tmp_path / "t.de.dita"
    translate_file(topic, out, FakeModel(), tgt_lang=tgt_lang)
    assert f'<task id="t_filter" xml:lang="{written}">' in out.read_text("utf-8")


def test_an_xml_file_is_dita_where_its_root_and_dtd_say_so(tmp_path: Path) -> None:
    topic = tmp_path / "t_filter.xml"
    topic.write_text(TOPIC, "utf-8")
    assert find_format(topic, role="document").name == "dita"
    other = tmp_path / "other.xml"  # another vocabulary's <topic>: not DITA
    other.write_text('<?xml version="1.0"?>\n<topic name="a"/>\n', "utf-8")
    assert find_format(other, role="document").name != "dita"


@pytest.mark.parametrize("root", ["topic", "concept", "task", "reference", "map", "bookmap"])
@pytest.mark.parametrize("subset", ["", ' [\n  <!ENTITY product "Photonic">\n]'])
def test_an_xml_dita_file_with_an_internal_subset_is_dita_and_keeps_xml(
    tmp_path: Path, root: str, subset: str
) -> None:
    """Trial docbook, session 71: topic.xml, whose DOCTYPE declares an entity, was read as
    Android ('not an Android string resource file (its root element is <concept>, ...)'), and
    topic2.xml -o topic2.de.xml was refused ('its extension says Android ... give it a .dita
    extension'); the README says such .xml topics are read."""
    topic = tmp_path / "topic.xml"
    topic.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE {root} PUBLIC "-//OASIS//DTD DITA X//EN" "x.dtd"{subset}>\n'
        f'<{root} id="about"><title>About</title></{root}>\n',
        "utf-8",
    )
    spec = find_format(topic, role="document")
    assert spec.name == "dita"
    assert output_name_problem(tmp_path / "topic.de.xml", spec, topic) is None
    assert output_name_problem(tmp_path / "topic.de.po", spec, topic) == (
        "its extension says PO, but translate writes the input's format, DITA; give it a "
        ".dita extension"
    )


def test_dita_s_option_is_code_in_a_topic(tmp_path: Path) -> None:
    path = tmp_path / "c.dita"
    path.write_text(
        '<concept id="c" xml:lang="en-US"><title>Modes</title><conbody><p>Choose '
        "<option>Automatic</option> to let the app decide.</p></conbody></concept>",
        "utf-8",
    )
    out = tmp_path / "c.de.dita"
    translate_file(path, out, FakeModel(), tgt_lang="de")
    assert "CHOOSE <option>Automatic</option> TO LET THE APP DECIDE." in out.read_text("utf-8")


ENTITY_TOPIC = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE concept PUBLIC "-//OASIS//DTD DITA Concept//EN" "concept.dtd" [
  <!ENTITY product "Photonic">
]>
<concept id="about">
  <title>About &product;</title>
  <conbody>
    <p>&product; keeps your photos safe &amp; &undeclared; &#8203;sound.</p>
  </conbody>
</concept>
"""


@pytest.mark.parametrize("fmt", ["dita", "html"])
def test_an_entity_reference_is_kept_as_a_reference(tmp_path: Path, fmt: str) -> None:
    """Trial docbook, session 71: a topic's &product; (declared in its DOCTYPE) was sent to
    the model as text and written &amp;product; (the page showed '&product;'), with --format
    html too; it is a placeholder now, written as read, as is an undeclared &name;."""
    topic = tmp_path / "ent-topic.dita"
    topic.write_text(ENTITY_TOPIC, "utf-8")
    model = FakeModel()
    out = tmp_path / f"ent-topic.de.{fmt}"
    translate_file(topic, out, model, fmt=fmt, tgt_lang="de")
    assert model.seen == [
        "About &product;",
        "&product; keeps your photos safe & &undeclared; &#8203;sound.",
    ]
    assert out.read_text("utf-8") == ENTITY_TOPIC.replace("About", "ABOUT").replace(
        "keeps your photos safe", "KEEPS YOUR PHOTOS SAFE"
    ).replace("sound.", "SOUND.")


def test_qa_reads_a_lost_entity_reference_as_a_placeholder_error(tmp_path: Path) -> None:
    """qa of a topic whose &product; was written &amp;product; found nothing."""
    topic = tmp_path / "ent-topic.dita"
    topic.write_text(ENTITY_TOPIC, "utf-8")
    german = tmp_path / "ent-topic.de.dita"
    german.write_text(ENTITY_TOPIC.replace("About &product;", "Über &amp;product;"), "utf-8")
    pairs = {r.source: r.target for r in read_pairs(german, "dita", source_file=topic)}
    assert pairs["About &product;"] == "Über &amp;product;"
    assert placeholder_problems("About &product;", "Über &amp;product;", {}) == [
        "lacks &product;",
        "adds &amp;, which the source does not have",
    ]


def test_an_entity_reference_in_a_navigation_title_is_kept(tmp_path: Path) -> None:
    """A map's navtitle="About &product; here" was written "ABOUT &amp;PRODUCT; HERE"."""
    source = tmp_path / "m.ditamap"
    source.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE map PUBLIC "-//OASIS//DTD DITA Map//EN" "map.dtd" '
        '[ <!ENTITY product "Photonic"> ]>\n<map>\n  <topicref href="a.dita" '
        'navtitle="About &product; &amp; &#8203;more"/>\n</map>\n',
        "utf-8",
    )
    out = tmp_path / "m.de.ditamap"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert 'navtitle="ABOUT &product; &amp; &#8203;MORE"' in out.read_text("utf-8")
