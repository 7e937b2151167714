"""msgmerge's fuzzy suggestions: kept for review and checked against their msgid now, or
machine-translated for it with ``--fuzzy-entries translate`` (session 70, trial mp2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import ChoiceError
from ltmt.formats.pipeline import translate_file
from ltmt.formats.run_report import RunReport
from ltmt.segments import Translation

MERGED_PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Quit"\nmsgstr "Beenden"\n\n'
    "#, fuzzy, python-brace-format\n"
    '#| msgid "Uploaded {count} file(s) to {remote}"\n'
    'msgid "Uploaded {count} file(s) to {remote} in {secs}s"\n'
    'msgstr "{count} Datei(en) nach {remote} hochgeladen"\n\n'
    "#, fuzzy, python-brace-format\n"
    'msgid "Deleted {count} file(s) from {remote}"\n'
    'msgstr "{count} Datei(en) nach {remote} hochgeladen"\n'
)


def no_match(texts: list[str], prefer: list[dict]) -> list[Translation | None]:
    """A memory with no 100 % match."""
    return [None] * len(texts)


def test_a_kept_suggestion_without_its_msgids_placeholders_is_said(tmp_path: Path) -> None:
    """A fuzzy suggestion that lacks the new msgid's ``{secs}`` was kept unsaid; the summary
    names it (qa's format check) and the option that translates the suggestions."""
    po = tmp_path / "de.po"
    po.write_text(MERGED_PO, "utf-8")
    report = RunReport()
    translate_file(po, po, FakeModel(), exact=no_match, report=report)
    assert po.read_text("utf-8") == MERGED_PO
    assert (report.suggestions_kept, report.suggestions_mismatched) == (2, 1)
    assert (
        "2 marked fuzzy and kept for review (no 100 % memory match of their context, 1 of them "
        "without the placeholders of their msgid now ('Uploaded {count} file(s) to {remote} "
        "in…' python-brace-format: field 'secs' missing), which ltmt qa reports once the flag "
        "is removed (and msgfmt -c, where a format flag says them): correct them; --fuzzy-entries translate machine-translates "
        "them for their msgid now; --overwrite translates every entry again, the reviewed ones "
        "too)"
    ) in report.summary()
    assert report.as_dict()["suggestions_mismatched"] == 1
    assert "--fuzzy-entries" not in report.summary(fuzzy_entries=None)  # the server's


def test_fuzzy_entries_translate_gives_each_a_machine_translation_still_fuzzy(
    tmp_path: Path,
) -> None:
    """``--fuzzy-entries translate``: each fuzzy entry's msgid is translated now, the entry
    still fuzzy and without the ``#|`` lines of the translation it replaced; a reviewed entry
    is kept."""
    po = tmp_path / "de.po"
    po.write_text(MERGED_PO, "utf-8")
    report = RunReport()
    translate_file(po, po, FakeModel(), exact=no_match, report=report, translate_suggestions=True)
    text = po.read_text("utf-8")
    assert 'msgid "Quit"\nmsgstr "Beenden"' in text
    assert (
        '#, fuzzy, python-brace-format\nmsgid "Uploaded {count} file(s) to {remote} in {secs}s"'
        '\nmsgstr "UPLOADED {count} FILE(S) TO {remote} IN {secs}S"'
    ) in text
    assert 'msgstr "DELETED {count} FILE(S) FROM {remote}"' in text
    assert "#|" not in text
    assert (report.suggestions_kept, report.entries_marked_fuzzy) == (0, 2)
    assert report.translated_before == 1


@pytest.mark.parametrize(("choice", "translates"), [("keep", False), ("Translate", True)])
def test_fuzzy_entries_choice(choice: str, translates: bool) -> None:
    from ltmt.formats.kept_suggestions import translates_suggestions

    assert translates_suggestions(choice) is translates


def test_a_bad_fuzzy_entries_choice_says_what_to_give() -> None:
    from ltmt.formats.kept_suggestions import translates_suggestions

    with pytest.raises(
        ChoiceError,
        match=r"^--fuzzy-entries 'all': use keep \(a fuzzy entry's translation kept for "
        r"review\) or translate \(machine-translated for its msgid now\)$",
    ):
        translates_suggestions("all")
