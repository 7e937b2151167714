"""translate_file: placeholder repair counted, checkpoints, resume after an interruption."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import progress_path, translate_file, translate_texts
from ltmt.formats.placeholders import PlaceholderReport

DATA = Path(__file__).parent / "data"


def test_translate_texts_repairs_and_counts() -> None:
    report = PlaceholderReport()
    restored = translate_texts(["Open %s", "  Save  ", "plain"], FakeModel(drop=True), report)
    assert [r.text for r in restored] == ["OPEN %s", "  SAVE  ", "PLAIN"]
    assert report.as_dict() == {"segments": 3, "with_placeholders": 1, "repaired": 1, "failed": 0}


def test_translate_file_po(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    result = translate_file(DATA / "demo.po", out, FakeModel(drop=True))
    assert result.translated == 5
    assert result.report.repaired == 1  # "Open %s" lost its %s and got it back
    assert 'msgstr "OPEN %s"' in out.read_text("utf-8")
    assert not progress_path(out).exists()


def test_empty_outputs_leave_units_untranslated(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    result = translate_file(DATA / "demo.po", out, lambda texts, prefer: [""] * len(texts))
    assert (result.translated, result.empty, result.report.not_repairable) == (0, 5, 5)
    assert len(open_document(out).pending()) == 5


@pytest.mark.parametrize("name", ["demo.po", "demo12.xlf", "demo20.xlf", "lines.txt"])
def test_resume_after_interruption(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    if name == "lines.txt":
        source.write_text("".join(f"line {i} %s\n" for i in range(7)), "utf-8")
    else:
        shutil.copy(DATA / name, source)
    reference = tmp_path / f"reference-{name}"
    translate_file(source, reference, FakeModel())

    out = tmp_path / f"out-{name}"
    first = FakeModel(fail_after=1)
    with pytest.raises(KeyboardInterrupt):
        translate_file(source, out, first, chunk_size=1, checkpoint_seconds=0)
    assert progress_path(out).exists()
    second = FakeModel()
    result = translate_file(source, out, second, chunk_size=1, checkpoint_seconds=0)
    assert result.resumed == 1
    assert first.seen[0] not in second.seen  # the finished unit was not translated again
    assert len(first.seen) + len(second.seen) == len(open_document(source).pending())
    assert out.read_bytes() == reference.read_bytes()
    assert not progress_path(out).exists()


def test_resume_with_overwrite_does_not_redo_finished_units(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    first = FakeModel(fail_after=2)
    with pytest.raises(KeyboardInterrupt):
        translate_file(
            DATA / "demo.po", out, first, overwrite=True, chunk_size=1, checkpoint_seconds=0
        )
    second = FakeModel()
    translate_file(DATA / "demo.po", out, second, overwrite=True, chunk_size=1)
    assert first.seen == ["Open %s", "Save"]  # the entries done before the interruption
    assert second.seen[:1] == ["Close"]
    assert len(first.seen) + len(second.seen) == 7


def test_without_resume_starts_over(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    with pytest.raises(KeyboardInterrupt):
        translate_file(
            DATA / "demo.po", out, FakeModel(fail_after=1), chunk_size=1, checkpoint_seconds=0
        )
    again = FakeModel()
    translate_file(DATA / "demo.po", out, again, resume=False)
    assert len(again.seen) == 5


def test_output_must_not_be_the_input(tmp_path: Path) -> None:
    path = tmp_path / "demo.po"
    shutil.copy(DATA / "demo.po", path)
    with pytest.raises(InputError, match=r"demo.po: the output must not be the input file"):
        translate_file(path, path, FakeModel())


def test_unreadable_progress_file(tmp_path: Path) -> None:
    out = tmp_path / "out.po"
    shutil.copy(DATA / "demo.po", out)
    progress_path(out).write_text("{not json", "utf-8")
    with pytest.raises(
        InputError, match=r"out.po.ltmt-progress: unreadable progress file; delete it"
    ):
        translate_file(DATA / "demo.po", out, FakeModel())
