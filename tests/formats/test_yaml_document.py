"""A YAML file read for translation: the files refused, each with a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.yaml_catalog import YamlCatalog
from ltmt.formats.yaml_document import load


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "en:\n  a: [unclosed\n",
            r"x.yml:3:1: not valid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "en:\n  a: 1\n b: 2\n",
            r"x.yml:3:2: not valid YAML: expected <block end>, but found '<block mapping start>'",
        ),
        (
            "- a\n- b\n",
            r"x.yml: not a YAML message file: its top level is not a mapping of keys nor a list of "
            "them; ltmt cannot translate it: leave it out",
        ),
    ],
)
def test_malformed_files_are_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message) as caught:
        YamlCatalog.open(path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.yaml"])
def test_a_mkdocs_configuration_is_refused(tmp_path: Path, name: str) -> None:
    """Its plugin names and settings were translated (``- admonition``: ``- Entfernung``)."""
    path = tmp_path / name
    path.write_text("site_name: Docs\nmarkdown_extensions:\n  - admonition\n", "utf-8")
    message = (
        f"{name}: a MkDocs configuration, not a message file; translate its nav titles by "
        "hand or with the i18n plugin's nav_translations"
    )
    with pytest.raises(InputError, match=message):
        open_document(path)
    with pytest.raises(InputError, match=message):
        translate_file(path, tmp_path / "out.yml", FakeModel(), tgt_lang="de")


def _alias_bomb(levels: int) -> str:
    """A Rails file whose every level is nine aliases of the one below: 9**levels strings."""
    lines = ["en:", "  l0: &l0 [Hello]"]
    for level in range(1, levels + 1):
        lines.append(f"  l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_aliases_that_expand_too_far_are_a_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(_alias_bomb(9), "utf-8")
    with pytest.raises(InputError, match=r"en.yml: uses YAML aliases that expand to more than"):
        YamlCatalog.open(source)


def test_aliases_that_expand_a_little_are_read(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(_alias_bomb(2), "utf-8")
    assert len(YamlCatalog.open(source).units()) == 1 + 9 + 81


def test_load_keeps_the_files_layout() -> None:
    text = "---\nen:\n    days:\n      - Mon\n    none: ~\n"
    document, layout = load(text.encode(), Path("en.yml"))
    assert document["en"]["days"] == ["Mon"]
    assert (layout.mapping, layout.dash, layout.tilde, layout.start) == (4, 2, True, True)
