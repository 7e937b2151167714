"""qa's check of a doctest's, a shell session's and a directive line's code (trial s77: a
Sphinx catalog's ``>>> import widgetry`` came back ``>> import-Widgetriere``, ``$ pip install
widgetry`` ``$ Pip install-Widgetrie.`` and ``.. image:: _static/dashboard.png`` ``.. Bild:
_static/dashboard.png``, and qa said only "2 notes (spelling 2)", exit 0)."""

from __future__ import annotations

import time

import pytest

from ltmt.qa import check_pairs
from ltmt.qa.code_block_checks import changed_code_lines
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.segments import PairRecord

DOCTEST = ">>> import widgetry\n>>> w.render()  # draws it\nTrue"
CONSOLE = "$ pip install widgetry\n$ widgetry --version\nwidgetry 2.4.0"
DOCTEST_ADVICE = (
    "copy a doctest's or a shell session's code as written (only its comments may be translated)"
)


@pytest.mark.parametrize(("source", "target", "expected"), [
    (DOCTEST, ">> import-Widgetriere\n>> w.render()  # draws it\nWahr",
     [f"changes code: the translation has '>> import-Widgetriere' for '>>> import widgetry' "
      f"(and 1 more line); {DOCTEST_ADVICE}"]),
    (DOCTEST, ">>> import widgetry\n>>> w.render(  # zeichnet es\nTrue",
     [f"changes code: the translation has '>>> w.render(  # zeichnet es' for '>>> w.render()  "
      f"# draws it'; {DOCTEST_ADVICE}"]),
    (CONSOLE, "$ Pip install-Widgetrie.\n$ widgetry --version\nWidgetrie 2.4.0",
     [f"changes code: the translation has '$ Pip install-Widgetrie.' for '$ pip install "
      f"widgetry'; {DOCTEST_ADVICE}"]),
    (DOCTEST, ">>> import widgetry",
     ["changes code: the translation has 1 line where the source's doctest or shell session "
      "has 3; copy its code as written"]),
    (".. image:: _static/dashboard.png", ".. Bild: _static/dashboard.png",
     ["changes code: the translation has '.. Bild: _static/dashboard.png' for the directive "
      "'.. image:: _static/dashboard.png'; write '.. image::' as the source does (Sphinx reads "
      "anything else as another directive or a comment)"]),
    # right: copied, a comment translated, an output line, a localised screenshot
    (DOCTEST, DOCTEST, []),
    (DOCTEST, ">>> import widgetry\n>>> w.render()  # zeichnet es\nTrue", []),
    (CONSOLE, "$ pip install widgetry\n$ widgetry --version\nwidgetry 2.4.0 ", []),
    (".. image:: _static/dashboard.png", ".. image:: _static/dashboard.de.png", []),
    # not code: a one-line "$ " (a price's label in a program) and prose
    ("$ per month", "$ pro Monat", []),
    ("Install the package.", "Installieren Sie das Paket.", []),
])  # fmt: skip
def test_changed_code_lines_are_found(source: str, target: str, expected: list[str]) -> None:
    assert changed_code_lines(source, target) == expected


def test_the_placeholder_check_says_it() -> None:
    found = placeholder_problems(".. image:: a.png", ".. Bild:: a.png", {})
    assert found == [
        "changes code: the translation has '.. Bild:: a.png' for the directive '.. image:: "
        "a.png'; write '.. image::' as the source does (Sphinx reads anything else as another "
        "directive or a comment)"
    ]


def test_a_long_line_is_quoted_shortened_and_read_in_linear_time() -> None:
    source = ">>> x" + " " * 100_000 + "y"
    started = time.perf_counter()
    found = changed_code_lines(source, ">>> x" + " " * 100_000 + "z")
    assert time.perf_counter() - started < 0.5
    assert len(found[0]) < 300


def test_qa_fails_a_catalog_whose_doctest_was_translated() -> None:
    records = [PairRecord(DOCTEST, ">> import-Widgetriere\n>> w.render()\nWahr", "entry 1", {})]
    report = check_pairs(records)
    assert [(finding.check, finding.severity) for finding in report.findings] == [
        ("placeholders", "error")
    ]
    assert report.fails("error")
