"""What the eval scripts share: where this checkout and its data are, and how a script prints
and saves its JSON report.

Scripts run as ``python eval/<script>.py`` find this module beside them (Python puts the
script's folder first on ``sys.path``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "data" / "en-de"
# the dev users' memories and test sets (USER.memory.jsonl, USER.test.jsonl)
DEV_USERS_DIR = DATA_DIR / "l10n" / "dev"
DEFAULT_MODEL = REPO / "ltmt" / "models" / "default-en-de"


def use_this_checkout() -> None:
    """Make ``import ltmt`` read this checkout (call before the first ltmt import)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


def emit_report(
    report: Any,
    output: Path | None = None,
    *,
    shown: Any = None,
    ensure_ascii: bool = True,
) -> str:
    """Print ``report`` as indented JSON (``shown`` instead, when given) and write it to
    ``output`` (its folder made, newline-terminated) when given; the report's JSON text."""
    text = json.dumps(report, indent=2, ensure_ascii=ensure_ascii)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n", encoding="utf-8")
    print(text if shown is None else json.dumps(shown, indent=2, ensure_ascii=ensure_ascii))
    return text
