"""The ``ltmt`` entry point run in-process, for the CLI tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ltmt.cli import main

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_ltmt(capsys: pytest.CaptureFixture[str]) -> Runner:
    """``run_ltmt(*args)`` runs ``ltmt ARGS`` in-process: (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        try:
            main.run(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def fake_translation(monkeypatch):
    """The translator's translate function replaced by one that writes ``[de] TEXT`` and
    raises KeyboardInterrupt at a text ``stop here`` (as Ctrl-C in the middle of a batch)."""
    from ltmt.formats import unit_translation

    def translate(texts, prefer):
        if "stop here" in texts:
            raise KeyboardInterrupt
        return [f"[de] {text}" for text in texts]

    monkeypatch.setattr(
        unit_translation, "for_translator", lambda translator, user, progress=None: translate
    )
