"""Quality checks of translated files: what a reviewer runs before a catalog ships.

    from ltmt.formats.pairs import read_translations
    from ltmt.qa import check_pairs

    report = check_pairs(read_translations(Path("de.po"), include_fuzzy=True))
    for finding in report.findings:
        print(finding.line())         # de.po:58: error [placeholders] lacks %s

The checks (:data:`~ltmt.qa.findings.CHECKS`) read one entry alone (format strings,
placeholders, numbers and their units, accelerators, key combinations, whitespace, no-break
spaces, doubled words, copies, end punctuation: :mod:`ltmt.qa.pair_checks`) or an entry beside
others (one source translated two ways in the file, a source the user's memory translates
otherwise: :mod:`ltmt.qa.catalog_checks`; a glossary term not followed:
:mod:`ltmt.qa.glossary_checks`). ``ltmt qa FILE`` is the command.
"""

from __future__ import annotations

from ltmt.qa.findings import CHECKS, Finding
from ltmt.qa.run import QaReport, check_names, check_pairs, chosen_checks

__all__ = ["CHECKS", "Finding", "QaReport", "check_names", "check_pairs", "chosen_checks"]
