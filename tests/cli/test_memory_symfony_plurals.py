"""``ltmt memory import`` of a Symfony XLIFF plural, then ``ltmt translate`` of a YAML catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.cli import main
from tests.formats.test_symfony_plural_pairs import GERMAN, MANY, ONE, XLIFF


def ltmt(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ltmt ARGS`` in-process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main.run(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def test_an_approved_xliff_plural_is_reused_exactly_by_a_yaml_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tiny_model_dir: Path
) -> None:
    store = str(tmp_path / "store")
    xliff = tmp_path / "validators.de.xlf"
    xliff.write_text(XLIFF, "utf-8")
    code, _, err = ltmt(capsys, "memory", "import", str(xliff), "-u", "u1", "--memory-dir", store)
    assert code == 0, err
    yaml = tmp_path / "validators.en.yaml"
    yaml.write_text(f"too_long: '{ONE}|{MANY}'\n", "utf-8")
    out_path = tmp_path / "validators.de.yaml"
    args = ["translate", str(yaml), "-u", "u1", "--model", str(tiny_model_dir)]
    code, _, err = ltmt(capsys, *args, "--memory-dir", store, "--threads", "1", "-o", str(out_path))
    assert code == 0, err
    assert "memory: 2 exact" in err
    assert out_path.read_text("utf-8") == f"too_long: '{GERMAN}|{GERMAN}'\n"
