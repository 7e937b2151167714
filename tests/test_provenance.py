"""results.json's record of the code that ran: the git commit and the libraries' versions."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ltmt.provenance import LIBRARIES, git_state, library_version, software_summary


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t", *args],
        check=True,
        capture_output=True,
    )


def test_a_checkout_gives_its_commit_and_whether_it_was_changed(tmp_path: Path) -> None:
    package = tmp_path / "ltmt"
    package.mkdir()
    (package / "code.py").write_text("a = 1\n", "utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "one")
    head = subprocess.run(
        ["git", "-C", str(tmp_path), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    assert git_state(package) == {"commit": head, "dirty": False}
    (package / "code.py").write_text("a = 2\n", "utf-8")
    assert git_state(package) == {"commit": head, "dirty": True}


def test_outside_a_checkout_there_is_no_git_state(tmp_path: Path) -> None:
    assert git_state(tmp_path) is None
    assert software_summary(tmp_path)["git"] is None


def test_the_summary_names_every_library_and_the_cores(tmp_path: Path) -> None:
    summary = software_summary(tmp_path)
    assert set(LIBRARIES) <= set(summary)
    assert summary["sacrebleu"] == library_version("sacrebleu") is not None
    assert library_version("no-such-distribution-ltmt") is None
    assert isinstance(summary["cpu_count"], int) and summary["python"].count(".") == 2
