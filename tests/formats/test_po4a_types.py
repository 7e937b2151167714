"""What a po4a catalog's ``#. type:`` comment says an entry is: an AsciiDoc listing, literal,
passthrough or comment block is code, copied byte for byte (trial as170: the model wrote
``Sudo dpkg -i Wolke-agent…`` and ``--nowwolk-agent`` for a listing's commands)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file
from ltmt.formats.po4a_types import is_verbatim, po4a_type

PO4A_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
COPIED_SAID = (
    "1 code block copied as written (po4a: listing, literal, passthrough, comment; itstool: code "
    "elements; Sphinx: literal blocks, doctests, images)"
)
LISTING = "sudo dpkg -i cloudy-agent_2.4_amd64.deb # <1>\\n"


@pytest.mark.parametrize(("note", "verbatim"), [
    ("type: delimited block -", True),
    ("type: delimited block .", True),
    ("type: delimited block +", True),
    ("type: delimited block /", True),
    ("type: delimited block - 4", True),  # po4a compat=asciidoctor: the delimiter's length
    ("type: delimited block . 5", True),
    ("type: delimited block = 4", False),
    ("type: delimited block - x", False),
    ("type: delimited block =", False),  # an example block: prose
    ("type: delimited block _", False),  # a quote
    ("type: Plain text", False),
    ("type: Title ==", False),
    ("type: Table", False),
    ("type: Named 'NOTE'", False),
    ("type: Plain text\nnote: delimited block -", False),
    ("Do not translate", False),
    ("", False),
])  # fmt: skip
def test_code_blocks_are_verbatim_and_prose_is_not(note: str, verbatim: bool) -> None:
    assert is_verbatim(note) is verbatim


def test_po4a_type_reads_the_type_line() -> None:
    assert po4a_type("type: delimited block -") == "delimited block -"
    assert po4a_type("a translator's note") == ""


def test_a_listing_is_copied_byte_for_byte_and_counted(tmp_path: Path) -> None:
    po = tmp_path / "install.pot"
    po.write_text(
        PO4A_HEADER + "#. type: delimited block -\n#: install.adoc:33\n#, no-wrap\n"
        f'msgid "{LISTING}"\nmsgstr ""\n\n'
        '#. type: Plain text\n#: install.adoc:36\nmsgid "Installs the package."\nmsgstr ""\n',
        "utf-8",
    )
    out = tmp_path / "de.po"
    model = FakeModel()
    result = translate_file(po, out, model)
    assert model.seen == ["Installs the package."]
    written = out.read_text("utf-8")
    assert f'#, no-wrap\nmsgid "{LISTING}"\nmsgstr "{LISTING}"\n' in written
    assert result.report.code_kept == 1
    assert COPIED_SAID in result.report.summary()


def test_a_code_blocks_translation_is_kept(tmp_path: Path) -> None:
    """A listing translated before (by hand, or by an older ltmt) is not replaced."""
    po = tmp_path / "de.po"
    po.write_text(
        PO4A_HEADER + "#. type: delimited block .\n#, no-wrap\n"
        'msgid "ls -l\\n"\nmsgstr "ls -la\\n"\n',
        "utf-8",
    )
    translate_file(po, po, FakeModel())
    assert 'msgstr "ls -la\\n"' in po.read_text("utf-8")


def test_a_copied_code_block_is_no_pair_to_import_or_check(tmp_path: Path) -> None:
    """Trial regb70: ``memory import --reviewed-only`` of a catalog ltmt filled stored its
    copied listings' English as approved German (7 added, not 3), a translation reused them as
    100 % matches (``Output: cloudy-agent 2.1 (build 42)`` in English), and qa noted each one
    ``[copied]``. A copied code block is no pair; a listing translated otherwise still is, and
    so is prose whose msgstr is its msgid (qa's copied check is for it)."""
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.po import read_po
    from ltmt.qa import check_pairs

    po = tmp_path / "guide.de.po"
    po.write_text(
        PO4A_HEADER + "#. type: Title ==\n"
        'msgid "Installation"\nmsgstr "Installation"\n\n'
        "#. type: delimited block .\n#, no-wrap\n"
        'msgid "Output: cloudy-agent 2.1\\n"\nmsgstr ""\n\n'
        "#. type: delimited block -\n#, no-wrap\n"
        'msgid "ls -l\\n"\nmsgstr "ls -la\\n"\n',
        "utf-8",
    )
    out = tmp_path / "out.po"
    translate_file(po, out, FakeModel())
    not_read = NotRead()
    pairs = list(read_po(out, not_read=not_read))
    assert [(p.source, p.target) for p in pairs] == [
        ("Installation", "Installation"),
        ("ls -l\n", "ls -la\n"),
    ]
    assert not_read.by_reason() == {"code blocks copied as written": 1}
    report = check_pairs(read_po(out, include_fuzzy=True))
    assert [(f.position.rsplit(" ", 1)[-1], f.check) for f in report.findings] == [("1", "copied")]


LISTING_ENTRY = '#. type: delimited block -\n#, no-wrap\nmsgid "ls -l\\n"\n'


@pytest.mark.parametrize(("entry", "copied"), [
    (LISTING_ENTRY + 'msgstr ""\n', 1),
    (LISTING_ENTRY + 'msgstr "ls -la\\n"\n', 0),  # translated already: kept
    (LISTING_ENTRY + 'msgstr "ls -l\\n"\n', 0),  # copied by an earlier run
    ('#. type: delimited block -\n#, fuzzy, no-wrap\nmsgid "ls -l\\n"\nmsgstr "ls\\n"\n', 0),
])  # fmt: skip
def test_the_summary_counts_the_code_blocks_this_run_copied(
    tmp_path: Path, entry: str, copied: int
) -> None:
    """Trial regb70: every run said ``6 code blocks copied as written``, a rerun that copied
    nothing, an entry translated already and a fuzzy one too."""
    po = tmp_path / "de.po"
    po.write_text(PO4A_HEADER + entry, "utf-8")
    summary = translate_file(po, po, FakeModel()).report.summary()
    assert (COPIED_SAID in summary, "code block" in summary) == (bool(copied), bool(copied))
    rerun = translate_file(po, po, FakeModel()).report
    assert rerun.code_kept == 0
    assert "code block" not in rerun.summary()


FUZZY_LISTING = (
    '#. type: delimited block -\n#, fuzzy, no-wrap\n#| msgid "cloudy-agent --version\\n"\n'
    'msgid "cloudy-agent --version --json\\n"\nmsgstr "cloudy-agent --version\\n"\n'
)


@pytest.mark.parametrize(("options", "copied"), [
    ({}, False),  # msgmerge's suggestion kept for review, as any fuzzy entry's
    ({"overwrite": True}, True),
    ({"translate_suggestions": True}, True),  # --fuzzy-entries translate
])  # fmt: skip
def test_a_fuzzy_code_block_is_copied_where_suggestions_are_replaced(
    tmp_path: Path, options: dict[str, bool], copied: bool
) -> None:
    """Trial regb70: msgmerge's fuzzy suggestion for a listing whose msgid changed stayed
    fuzzy for ever, --overwrite too: no unit was pending for it."""
    po = tmp_path / "de.po"
    po.write_text(PO4A_HEADER + FUZZY_LISTING, "utf-8")
    model = FakeModel()
    report = translate_file(po, po, model, **options).report
    written = po.read_text("utf-8")
    assert model.seen == []
    assert report.code_kept == int(copied)
    if copied:
        assert written.endswith(
            "#. type: delimited block -\n#, no-wrap\n"
            'msgid "cloudy-agent --version --json\\n"\n'
            'msgstr "cloudy-agent --version --json\\n"\n'
        )
    else:
        assert written == PO4A_HEADER + FUZZY_LISTING
