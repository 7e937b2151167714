"""One form of ``&``, ``<`` and ``>`` for the memory and the model, whatever the file."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.markup_characters import (
    decoded_references,
    from_written,
    plain_text,
    tagged_text,
    written_forms,
)
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.segments import Match, Segment, Translation


@pytest.mark.parametrize(
    ("plain", "tagged"),
    [
        ("Save & close", "Save & close"),
        ("Press <Enter> to continue.", "Press <Enter> to continue."),  # a metavariable
        ("if a < b and c > d", "if a < b and c > d"),
        ("type <b>bold</b> or </i>", "type &lt;b&gt;bold&lt;/b&gt; or &lt;/i&gt;"),  # markup
        ('<a href="x">', '&lt;a href="x"&gt;'),
        ("&copy; and &#60; as written, R&D", "&amp;copy; and &amp;#60; as written, R&D"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
    ],
)
def test_text_is_escaped_only_where_it_would_read_as_markup(plain: str, tagged: str) -> None:
    assert tagged_text(plain) == tagged
    assert plain_text(tagged) == plain


@pytest.mark.parametrize(
    ("written", "tagged"),
    [
        ("Save &amp; close", "Save & close"),
        ("Press &lt;Enter&gt; or &#60;Esc&#62;", "Press <Enter> or <Esc>"),
        ("&lt;b&gt;bold&lt;/b&gt;", "&lt;b&gt;bold&lt;/b&gt;"),
        ("5&nbsp;MB &quot;q&quot; caf&eacute;", '5\xa0MB "q" café'),
        # invisible; an entity reference (a DITA topic's &product;, declared in its DOCTYPE)
        ("zero&#8203;width &foo;", "zero&#8203;width &foo;"),
        ("&copyright; &copy;", "&copyright; ©"),  # not HTML's &copy and "right;"
    ],
)
def test_references_are_their_characters_but_an_invisible_ones(written: str, tagged: str) -> None:
    assert decoded_references(written) == tagged


@pytest.mark.parametrize(
    ("tagged", "forms"),
    [
        ("Save & close", ["Save &amp; close"]),
        ("Press <Enter> to <b>go</b>", ["Press &lt;Enter&gt; to <b>go</b>"]),  # tags stay
        ('Don\'t "save"', ["Don&#39;t &quot;save&quot;"]),
        ("R&D's", ["R&amp;D's", "R&amp;D&#39;s"]),
        ("Write &amp;copy; now, zero&#8203;width", []),  # escaped already, as HTML writes it
        ("plain", []),
    ],
)
def test_the_written_forms_of_a_segment_are_read_back_as_it(tagged: str, forms: list[str]) -> None:
    assert written_forms(tagged) == forms
    assert [from_written(form) for form in forms] == [tagged] * len(forms)
    assert from_written(tagged) == tagged


@pytest.mark.parametrize(
    ("written", "tagged"),
    [
        ("Speichern &amp; <b>schlie&szlig;en</b>", "Speichern & <b>schließen</b>"),
        ("Press &#60;Esc&#62; or &lt;Enter&gt;", "Press <Esc> or <Enter>"),
        ("&lt;b&gt; is bold", "&lt;b&gt; is bold"),  # markup as text stays escaped
        ("Don&#x27;t", "Don't"),
    ],
)
def test_text_written_with_references_is_read_into_the_form(written: str, tagged: str) -> None:
    assert from_written(written) == tagged


SOURCE = "Download the installer & run it, then press <Enter>."
TARGET = "Laden Sie den Installer herunter & starten Sie ihn, dann <Eingabetaste> drücken."
# the same sentence written in each format's own way
WRITTEN = {
    "html": "<p>Download the installer &amp; run it, then press &lt;Enter&gt;.</p>\n",
    "md": "Download the installer &amp; run it, then press \\<Enter\\>.\n",
    "txt": SOURCE + "\n",
}
# the stored target as each format writes it
FILLED = {
    "html": "<p>Laden Sie den Installer herunter &amp; starten Sie ihn, dann "
    "&lt;Eingabetaste&gt; drücken.</p>\n",  # (a fragment of no charset: UTF-8)
    "md": "Laden Sie den Installer herunter & starten Sie ihn, dann &lt;Eingabetaste&gt; "
    "drücken.\n",
    "txt": TARGET + "\n",
    "docx": TARGET,
}


def _file(tmp_path: Path, ext: str, sentence: str = SOURCE) -> Path:
    path = tmp_path / f"a.{ext}"
    if ext == "docx":
        document = docx.Document()
        document.core_properties.comments = ""  # (python-docx's own words)
        document.add_paragraph(sentence)
        document.save(str(path))
    else:
        path.write_text(WRITTEN[ext] if sentence == SOURCE else sentence, "utf-8")
    return path


def _text_of(path: Path) -> str:
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text)
    return path.read_text("utf-8")


@pytest.mark.parametrize("ext", ["html", "md", "txt", "docx"])
def test_a_sentence_has_one_source_in_every_format(tmp_path: Path, ext: str) -> None:
    assert [u.source for u in open_document(_file(tmp_path, ext)).units()] == [SOURCE]


def test_a_tsv_memory_and_a_translated_page_store_the_same_pair(tmp_path: Path) -> None:
    page = _file(tmp_path, "html")
    translated = tmp_path / "a.de.html"
    translated.write_text(FILLED["html"], "utf-8")
    tsv = tmp_path / "memory.tsv"
    tsv.write_text(f"{SOURCE}\t{TARGET}\n", "utf-8")
    from_page = list(read_pairs(translated, source_file=page, src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target) for r in from_page] == [(SOURCE, TARGET)]
    assert [(r.source, r.target) for r in read_pairs(tsv)] == [(SOURCE, TARGET)]


class _Memory:
    """A translator whose memory's one pair is (SOURCE, TARGET), reused on an exact match;
    other texts go to ``model``."""

    def __init__(self, model: FakeModel) -> None:
        self.model = model

    def __call__(self, texts: list[str], prefer: list[dict]) -> list[str | Translation]:
        pair = Segment(1, "u1", SOURCE, TARGET, 0.0, "api", {})
        return [
            Translation(t, TARGET, (Match(pair, 100.0),), "exact")
            if t == SOURCE
            else self.model([t], prefer)[0]
            for t in texts
        ]


@pytest.mark.parametrize("ext", ["html", "md", "txt", "docx"])
def test_a_stored_pair_fills_every_format_in_its_own_escaping(tmp_path: Path, ext: str) -> None:
    model = FakeModel()
    out = tmp_path / f"a.de.{ext}"
    translate_file(_file(tmp_path, ext), out, _Memory(model), src_lang="en", tgt_lang="de")
    assert model.seen == []  # (an exact match: nothing went to the model)
    assert _text_of(out) == FILLED[ext]


@pytest.mark.parametrize(
    ("ext", "sentence", "seen", "written"),
    [
        # the model sees "&" and "<Enter>"; the page gets its references back
        ("html", "<p>Save &amp; close, then press &lt;Enter&gt;.</p>",
         "Save & close, then press <Enter>.",
         "<p>SAVE &amp; CLOSE, THEN PRESS &lt;ENTER&gt;.</p>"),
        # markup written as text stays text
        ("html", "<p>Write &lt;b&gt; &amp;amp; go</p>", "Write &lt;b&gt; &amp;amp; go",
         "<p>WRITE &lt;B&gt; &amp;AMP; GO</p>"),  # (the fake upper-cases text)
        ("md", "Save &amp; close `<Enter>`.\n", "Save & close <ph id=\"ltmt-v1\"/>.",
         "SAVE & CLOSE `<Enter>`.\n"),
    ],
)  # fmt: skip
def test_the_model_sees_characters_and_the_file_gets_its_escapes(
    tmp_path: Path, ext: str, sentence: str, seen: str, written: str
) -> None:
    model = FakeModel()
    out = tmp_path / f"a.de.{ext}"
    translate_file(_file(tmp_path, ext, sentence), out, model, src_lang="en", tgt_lang="de")
    assert model.seen[-1] == seen
    assert _text_of(out) == written


def test_a_formatted_metavariable_in_word_is_written_once(tmp_path: Path) -> None:
    """(Word) a bold ``<Enter>`` came back twice: ``Druck <Enter> **<Enter>** zum
    Fortfahren``."""
    document = docx.Document()
    paragraph = document.add_paragraph("Press ")
    paragraph.add_run("<Enter>").bold = True
    paragraph.add_run(" to continue.")
    source, out = tmp_path / "a.docx", tmp_path / "a.de.docx"
    document.save(str(source))
    translate_file(source, out, FakeModel(), src_lang="en", tgt_lang="de")
    runs = [(r.text, r.bold) for r in docx.Document(str(out)).paragraphs[0].runs]
    assert runs == [("PRESS ", None), ("<ENTER>", True), (" TO CONTINUE.", None)]
