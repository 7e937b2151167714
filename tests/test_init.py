"""The package's public names: each one importable from ``ltmt``, none of them loaded up front."""

from __future__ import annotations

import subprocess
import sys


def test_every_public_name_resolves() -> None:
    import ltmt

    for name in ltmt.__all__:
        assert getattr(ltmt, name) is not None, name
    from ltmt import Term  # what a glossary passed to Translator is made of

    assert Term("repository", "Depot").target == "Depot"


def test_import_ltmt_loads_neither_torch_nor_the_api() -> None:
    code = "import sys, ltmt; print(sorted(m for m in ('torch', 'ltmt.translator') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
