"""An XLIFF file ltmt filled, moved or copied since (no record of its own): its targets marked
as ltmt's unreviewed output are judged by the user's records of other files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

UNITS = (
    ("u1", "You can undo up to 50 steps."),
    ("u2", "Open the settings page."),
)
XLIFF = {
    "xlf": (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a" source-language="en" target-language="de" datatype="plaintext">'
        "<body>"
        + "".join(f'<trans-unit id="{i}"><source>{s}</source></trans-unit>' for i, s in UNITS)
        + "</body></file></xliff>"
    ),
    "xliff2": (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        'trgLang="de"><file id="f">'
        + "".join(
            f'<unit id="{i}"><segment><source>{s}</source></segment></unit>' for i, s in UNITS
        )
        + "</file></xliff>"
    ),
}
# what a reviewer's confirmation makes of ltmt's mark, per version
CONFIRMED = {
    "xlf": ('state="needs-review-translation" state-qualifier="mt-suggestion"', 'state="final"'),
    "xliff2": ('state="translated" subState="ltmt:mt"', 'state="final"'),
}


def _filled(tmp_path: Path, kind: str, records: OutputSources) -> Path:
    """The file as ltmt filled it in place (marked for review)."""
    path = tmp_path / "job" / f"manual.{kind}.xlf"
    path.parent.mkdir()
    path.write_text(XLIFF[kind], "utf-8")
    translate_file(path, path, FakeModel(), tgt_lang="de", output_sources=records)
    assert "YOU CAN UNDO UP TO 50 STEPS." in path.read_text("utf-8")
    return path


@pytest.mark.parametrize("kind", list(XLIFF))
@pytest.mark.parametrize("how", ["copied", "moved"])
def test_a_moved_or_copied_files_own_target_of_a_changed_source_is_translated_again(
    tmp_path: Path, kind: str, how: str
) -> None:
    """Trial s73 (xliff2): a kit copy of a file ltmt filled, its source edited, kept ltmt's
    German of the old source ("1 translated already"), and once ltmt ran on the copy the
    original stopped noticing too."""
    records = OutputSources(tmp_path / "records", "nobody")
    original = _filled(tmp_path, kind, records)
    kit = tmp_path / "kit" / original.name
    kit.parent.mkdir()
    (shutil.copy if how == "copied" else shutil.move)(original, kit)
    for path in [kit] + ([original] if how == "copied" else []):
        path.write_text(path.read_text("utf-8").replace("50 steps", "100 steps"), "utf-8")
    result = translate_file(kit, kit, FakeModel(), tgt_lang="de", output_sources=records)
    text = kit.read_text("utf-8")
    assert "YOU CAN UNDO UP TO 100 STEPS." in text and "50" not in text
    assert "OPEN THE SETTINGS PAGE." in text  # its source is the same: kept
    assert result.report.source_changed == 1
    assert "1 translated again: its source changed" in result.report.summary()
    if how == "copied":  # the original, after the copy's run, still notices
        again = translate_file(
            original, original, FakeModel(), tgt_lang="de", output_sources=records
        )
        assert again.report.source_changed == 1
        assert "50" not in original.read_text("utf-8")


@pytest.mark.parametrize("kind", list(XLIFF))
def test_a_confirmed_target_or_one_no_record_holds_is_kept(tmp_path: Path, kind: str) -> None:
    """A reviewer's confirmation wins, and a target ltmt never wrote (for this user) is no
    evidence: both kept as before."""
    records = OutputSources(tmp_path / "records", "nobody")
    original = _filled(tmp_path, kind, records)
    kit = tmp_path / "kit.xlf"
    marked, confirmed = CONFIRMED[kind]
    text = original.read_text("utf-8").replace("50 steps", "100 steps")
    kit.write_text(text.replace(marked, confirmed, 1), "utf-8")  # the first unit confirmed
    result = translate_file(kit, kit, FakeModel(), tgt_lang="de", output_sources=records)
    assert "UP TO 50 STEPS." in kit.read_text("utf-8")
    assert result.report.source_changed == 0
    # another user's records say nothing of this user's file
    other = tmp_path / "other.xlf"
    other.write_text(text, "utf-8")
    elsewhere = OutputSources(tmp_path / "records", "ann")
    result = translate_file(other, other, FakeModel(), tgt_lang="de", output_sources=elsewhere)
    assert "UP TO 50 STEPS." in other.read_text("utf-8")
    assert result.report.source_changed == 0
