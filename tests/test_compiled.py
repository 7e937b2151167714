"""Importing the compiled kernels' modules where numba can."""

from __future__ import annotations

import logging

import pytest

from ltmt import compiled
from ltmt.compiled import compiled_module


@pytest.fixture(autouse=True)
def _asked_afresh():  # type: ignore[no-untyped-def]
    """Each test asks compiled_module anew, and leaves no answer of its own behind."""
    compiled_module.cache_clear()
    yield
    compiled_module.cache_clear()


def test_kernel_modules_import_with_numba() -> None:
    module = compiled_module("ltmt.fusion.knn_kernel")
    assert module is not None and callable(module.mix_nearest)


def test_missing_numba_means_none(remove_numba) -> None:  # type: ignore[no-untyped-def]
    remove_numba()
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
        assert compiled_module("ltmt.model.attention_kernels") is None  # asked again: no retry
    assert "no locator available" in caplog.text
    assert "torch's operations run" in caplog.text
    assert caplog.text.count("no locator available") == 1
