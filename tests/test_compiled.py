"""Importing the compiled kernels' modules where numba can."""

from __future__ import annotations

import logging
import sys

import pytest

from ltmt import compiled
from ltmt.compiled import compiled_module


def test_kernel_modules_import_with_numba() -> None:
    module = compiled_module("ltmt.fusion.knn_kernel")
    assert module is not None and callable(module.mix_nearest)


def test_missing_numba_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numba", None)  # import numba raises ImportError
    monkeypatch.delitem(sys.modules, "ltmt.model.attention_kernels", raising=False)
    assert compiled_module("ltmt.model.attention_kernels") is None


def test_numba_without_a_cache_directory_warns_and_means_none(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """numba raises RuntimeError when it finds no writable place for its cache (a read-only
    install and home): torch's operations run, and the log says why."""

    def no_cache(name: str) -> None:
        raise RuntimeError(f"cannot cache function 'self_attend': no locator available for {name}")

    monkeypatch.setattr(compiled.importlib, "import_module", no_cache)
    with caplog.at_level(logging.WARNING, logger="ltmt.compiled"):
        assert compiled_module("ltmt.model.attention_kernels") is None
    assert "no locator available" in caplog.text
    assert "torch's operations run" in caplog.text
