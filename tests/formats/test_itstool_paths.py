"""What an itstool catalog's ``#. (itstool) path:`` comment says an entry is: a DocBook or
Mallard code element (``programlisting``, ``screen``, ``code``) is copied byte for byte (trial
db271: the model wrote ``Photonisch importieren`` for ``import photonic`` and ``Photon --edit
Foto.jpg`` for ``photonic --edit photo.jpg``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.code_entries import is_code_entry
from ltmt.formats.itstool_paths import is_itstool_code, itstool_paths
from ltmt.formats.pipeline import translate_file

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'


@pytest.mark.parametrize(("note", "code"), [
    ("(itstool) path: chapter/programlisting", True),
    ("(itstool) path: section/screen", True),
    ("(itstool) path: refsynopsisdiv/synopsis", True),
    ("(itstool) path: page/code", True),
    ("(itstool) path: item/cmd", True),
    ("(itstool) path: p/sys", True),
    ("(itstool) path: page/code\n(itstool) path: section/code", True),
    ("(itstool) path: page/code\n(itstool) path: page/p", False),  # merged with prose
    ("(itstool) path: chapter/literallayout", False),  # a poem's or an address's lines
    ("(itstool) path: chapter/para", False),
    ("(itstool) path: page/p", False),
    ("(itstool) path: info/desc", False),
    ("(itstool) path: screen/title", False),  # the element's own, not a parent's
    ("type: Plain text", False),
    ("a translator's note about code", False),
    ("", False),
])  # fmt: skip
def test_code_elements_are_code_and_prose_is_not(note: str, code: bool) -> None:
    assert is_itstool_code(note) is code
    assert is_code_entry(note) is code


def test_itstool_paths_reads_the_path_lines() -> None:
    note = "(itstool) path: page/code\nThis is a reference to an external file."
    assert itstool_paths(note) == ["page/code"]
    assert itstool_paths("type: delimited block -") == []
    assert is_code_entry("type: delimited block -")  # po4a's listing, still


# as gettext writes them, a line at a time
LISTING = '""\n"import photonic\\n"\n"photonic.open(\\"photo.jpg\\").rotate(90)"'
SCREEN = (
    '""\n"<prompt>$ </prompt><userinput>photonic --import ~/Pictures</userinput>\\n"\n'
    '"Imported 42 photos."'
)


def test_docbook_and_mallard_code_is_copied_and_prose_translated(tmp_path: Path) -> None:
    po = tmp_path / "help-de.po"
    po.write_text(
        HEADER + "#. (itstool) path: chapter/programlisting\n#: C/index.docbook:39\n#, no-wrap\n"
        f'msgid {LISTING}\nmsgstr ""\n\n'
        "#. (itstool) path: page/code\n#: C/editing.page:32\n#, no-wrap\n"
        'msgid "photonic --edit photo.jpg"\nmsgstr ""\n\n'
        "#. (itstool) path: section/screen\n#: C/index.docbook:31\n#, no-wrap\n"
        f'msgid {SCREEN}\nmsgstr ""\n\n'
        "#. (itstool) path: chapter/para\n#: C/index.docbook:42\n"
        'msgid "Rotating a photo does not change its quality."\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "out.po"
    model = FakeModel()
    result = translate_file(po, out, model)
    assert model.seen == ["Rotating a photo does not change its quality."]
    written = out.read_text("utf-8")
    assert f"msgid {LISTING}\nmsgstr {LISTING}\n" in written
    assert 'msgid "photonic --edit photo.jpg"\nmsgstr "photonic --edit photo.jpg"\n' in written
    assert f"msgid {SCREEN}\nmsgstr {SCREEN}\n" in written
    assert result.report.code_kept == 3
    assert (
        "3 code blocks copied as written (po4a: listing, literal, passthrough, comment; itstool: "
        "code elements; Sphinx: literal blocks, doctests, images)" in result.report.summary()
    )


def test_a_copied_code_element_is_no_pair_to_import(tmp_path: Path) -> None:
    """A copied ``page/code`` entry is left out of an import as po4a's copied listings are;
    prose whose msgstr is its msgid is still read."""
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.po import read_po

    po = tmp_path / "help.de.po"
    po.write_text(
        HEADER + "#. (itstool) path: page/code\n#, no-wrap\n"
        'msgid "photonic --edit photo.jpg"\nmsgstr "photonic --edit photo.jpg"\n\n'
        '#. (itstool) path: page/title\nmsgid "Photonic"\nmsgstr "Photonic"\n',
        "utf-8",
    )
    not_read = NotRead()
    assert [(p.source, p.target) for p in read_po(po, not_read=not_read)] == [
        ("Photonic", "Photonic")
    ]
    assert not_read.by_reason() == {"code blocks copied as written": 1}
