"""ltmt.qa.findings: the checks ``ltmt qa --list-checks`` lists are those the README names."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.findings import CHECKS

README = Path(__file__).parents[2] / "README.md"
TABLE_HEAD = "| check | severity | what it looks for |"


def readme_checks() -> list[tuple[str, str]]:
    """The README's table of qa checks: each row's check and severity, in order."""
    lines = README.read_text("utf-8").splitlines()
    start = lines.index(TABLE_HEAD) + 2  # after the head and its rule
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        name, severity = (cell.strip() for cell in line.split("|")[1:3])
        rows.append((name.strip("`"), severity))
    return rows


def test_the_readme_table_lists_every_check_with_its_severity() -> None:
    """``units``, ``signs`` and ``icu`` were missing from it."""
    assert readme_checks() == [(check.name, check.severity) for check in CHECKS.values()]
