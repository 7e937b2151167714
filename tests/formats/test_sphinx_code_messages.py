"""Which messages of a Sphinx catalog are code by their shape: a doctest, a shell session, a
directive line and a block of code lines are copied as written (trial s77: the model wrote
``>> import-Widgetriere``, ``Wahr`` for ``True``, ``$ Pip install-Widgetrie.`` and ``.. Bild:
_static/dashboard.png``, and qa said nothing)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.code_entries import is_code_entry
from ltmt.formats.not_read import NotRead
from ltmt.formats.pipeline import translate_file
from ltmt.formats.po import read_po
from ltmt.formats.sphinx_code_messages import (
    is_code_message,
    is_console,
    is_directive,
    is_doctest,
)

PAGE = ("../../source/quickstart.rst:12",)
MYST_PAGE = ("../../source/guide.md:5",)
CODE_FILE = ("src/widgetry/cli.py:40",)
DOCTEST = '>>> import widgetry\n>>> w = widgetry.make_widget("clock", size=(200, 100))\nTrue'
CONSOLE = "$ pip install widgetry\n$ widgetry --version\nwidgetry 2.4.0"
PYTHON = 'import widgetry\n\nw = widgetry.make_widget("clock")\nw.render()'
JSON = '{\n  "name": "clock",\n  "size": [200, 100]\n}'


@pytest.mark.parametrize(("source", "references", "code"), [
    # by shape alone, in any catalog
    (DOCTEST, (), True),
    (">>> w.render()", CODE_FILE, True),
    (".. image:: _static/dashboard.png", (), True),
    (".. py:function:: render", PAGE, True),
    (".. note::", PAGE, True),
    (".. note:: Save your work first.", PAGE, False),  # a directive with words: prose
    (".. image:: a.png\n   :alt: A clock", (), False),  # one line alone: Sphinx's image
    (">>>", (), False),
    (">>> Next page", (), True),  # docutils reads it as a doctest too
    (">> Next", (), False),
    ("..image:: a.png", (), False),
    # a shell session: from a page
    (CONSOLE, PAGE, True),
    ("$ pip install widgetry", PAGE, True),
    ("$ ./configure --prefix=/usr", MYST_PAGE, True),
    ("$ pip install widgetry", (), False),  # no page says it is a document
    ("$ per month", CODE_FILE, False),  # a program's label
    ("$ 5 per month", PAGE, False),
    # a block of code lines: from a page, two lines or more, none of them prose
    (PYTHON, PAGE, True),
    (JSON, MYST_PAGE, True),
    ("# Create a widget for the clock.\nw = make_widget()", PAGE, True),  # a comment is code's
    ("[tool.widgetry]\nsize = 3", ("docs/config.txt:7",), True),
    ("name: clock\nsize: 3", PAGE, True),
    ("pip install widgetry\nwidgetry --version", PAGE, True),
    (PYTHON, CODE_FILE, False),  # a program's string of several lines: its own
    (PYTHON, (), False),
    ("Usage: widgetry [OPTIONS]\n\n  --help  Show this message.", CODE_FILE, False),
    # prose, however it came into the catalog
    ("Install the package first.", PAGE, False),
    ("This paragraph is long enough that\nit wraps onto the next line.", PAGE, False),
    ("w = make_widget()\nThe widget is drawn at once.", PAGE, False),
    ("first line\nand the last line ends here.", PAGE, False),
    ("widgetry", PAGE, False),
    ("Install widgetry", PAGE, False),
])  # fmt: skip
def test_code_messages_are_found_by_their_shape(
    source: str, references: tuple[str, ...], code: bool
) -> None:
    assert is_code_message(source, references) is code


def test_an_entry_with_a_note_is_not_read_as_sphinxs() -> None:
    """po4a's and itstool's entries have a ``#.`` note that says what they are; Sphinx writes
    none: a multi-line msgid of a po4a page is its wrapped paragraph, decided by the note."""
    assert not is_code_message(PYTHON, PAGE, note="type: Plain text")
    assert not is_code_entry("type: Plain text", PYTHON, PAGE)
    assert is_code_entry("", PYTHON, PAGE)
    assert is_code_entry("type: Plain text", DOCTEST, PAGE)  # a doctest by its shape


@pytest.mark.parametrize(("source", "doctest", "console", "directive"), [
    (DOCTEST, True, False, False),
    (CONSOLE, False, True, False),
    (".. image:: a.png", False, False, True),
    (".. figure:: a.png  ", False, False, True),
    (".. image:: a b.png", False, False, False),
    ("Install it.", False, False, False),
])  # fmt: skip
def test_the_shapes_one_by_one(source: str, doctest: bool, console: bool, directive: bool) -> None:
    assert (is_doctest(source), is_console(source), is_directive(source)) == (
        doctest,
        console,
        directive,
    )


@pytest.mark.parametrize(
    "source",
    [
        ".. " + "a" * 50_000 + ":" * 50_000,
        ".. a" + ":b" * 30_000 + "::",
        ".. a::" + " " * 50_000 + "x",
        ".. " + "a." * 50_000 + "::" + " x" * 50_000,
        ".. image:: " + "a" * 100_000 + " ",
    ],
)
def test_the_directive_pattern_reads_long_input_in_linear_time(source: str) -> None:
    started = time.perf_counter()
    is_directive(source)
    is_code_message(source, PAGE)
    assert time.perf_counter() - started < 0.5


HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
# as the trial's catalog has them (gettext's lines)
DOCTEST_PO = (
    '""\n">>> import widgetry\\n"\n'
    '">>> w = widgetry.make_widget(\\"clock\\", size=(200, 100))\\n"\n">>> w.render()\\n"\n"True"'
)
CONSOLE_PO = '""\n"$ pip install widgetry\\n"\n"$ widgetry --version\\n"\n"widgetry 2.4.0"'
IMAGE_PO = '".. image:: _static/dashboard.png"'
CODE_SAID = (
    "3 code blocks copied as written (po4a: listing, literal, passthrough, comment; itstool: "
    "code elements; Sphinx: literal blocks, doctests, images)"
)


def _catalog(path: Path, *, translated: bool = False) -> Path:
    entries = [
        ("quickstart.rst:12", DOCTEST_PO),
        ("quickstart.rst:20", CONSOLE_PO),
        ("quickstart.rst:26", IMAGE_PO),
    ]
    empty = '""'
    text = HEADER + "".join(
        f"#: ../../source/{place}\nmsgid {msgid}\nmsgstr {msgid if translated else empty}\n\n"
        for place, msgid in entries
    )
    text += '#: ../../source/quickstart.rst:30\nmsgid "Render the widget."\nmsgstr ""\n'
    path.write_text(text, "utf-8")
    return path


def test_a_sphinx_catalogs_code_is_copied_and_its_prose_translated(tmp_path: Path) -> None:
    po = _catalog(tmp_path / "quickstart.po")
    out = tmp_path / "quickstart.de.po"
    model = FakeModel()
    result = translate_file(po, out, model)
    assert model.seen == ["Render the widget."]
    written = out.read_text("utf-8")
    for msgid in (DOCTEST_PO, CONSOLE_PO, IMAGE_PO):
        assert f"msgid {msgid}\nmsgstr {msgid}\n" in written
    assert result.report.code_kept == 3
    assert CODE_SAID in result.report.summary()


def test_a_sphinx_code_blocks_translation_is_kept(tmp_path: Path) -> None:
    """A doctest whose comment a reviewer translated is not replaced by its msgid."""
    po = tmp_path / "de.po"
    po.write_text(
        HEADER + '#: ../../source/a.rst:3\nmsgid ">>> w.render()  # draws it"\n'
        'msgstr ">>> w.render()  # zeichnet es"\n',
        "utf-8",
    )
    translate_file(po, po, FakeModel())
    assert 'msgstr ">>> w.render()  # zeichnet es"' in po.read_text("utf-8")


def test_a_copied_sphinx_code_block_is_no_pair_to_import(tmp_path: Path) -> None:
    po = _catalog(tmp_path / "quickstart.de.po", translated=True)
    not_read = NotRead()
    assert list(read_po(po, not_read=not_read)) == []
    assert not_read.by_reason() == {"code blocks copied as written": 3, "untranslated": 1}
