"""npm's package.json: refused given alone, skipped by a folder run (trial s72)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.npm_manifest import is_npm_manifest, is_npm_manifest_file

SCRIPTS = {"start": "electron .", "lint": "eslint src --ext .ts"}


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        # the trial's copy, whatever its name
        ({"name": "quillnote", "version": "2.4.0", "scripts": SCRIPTS}, "pkg-min.json", True),
        ({"version": "1.0.0-beta.1", "dependencies": {"electron": "^30.0.0"}}, "x.json", True),
        ({"private": True, "devDependencies": {"vite": "^5"}}, "package.json", True),
        # a catalog's strings named so are text
        ({"name": "Name", "version": "Version", "scripts": {"title": "Scripts"}}, "en.json", False),
        ({"version": "2.4.0", "title": "About"}, "en.json", False),
        ({"version": "1.0.0"}, "package.json", False),  # a Dialogflow agent's settings
        (["scripts"], "package.json", False),
    ],
)
def test_what_is_an_npm_manifest(data: object, name: str, expected: bool) -> None:
    assert is_npm_manifest(data, Path(name)) is expected


def test_an_npm_manifest_given_alone_is_refused(tmp_path: Path) -> None:
    """``"electron ."`` became ``"Elektronen."`` and the XDG category ``Office`` ``Büro``."""
    path = tmp_path / "package.json"
    data = {"name": "quillnote", "version": "2.4.0", "description": "Notes.", "scripts": SCRIPTS}
    path.write_text(json.dumps(data), "utf-8")
    assert is_npm_manifest_file(path)
    with pytest.raises(
        InputError,
        match=re.escape(
            "package.json: an npm package manifest (scripts, dependencies), not a message "
            "file: its commands, package names and build settings stop npm and the build from "
            "working if translated; keep the app's text in a catalog "
            "(locales/en/translation.json) and translate that, and write a German description "
            "or productName by hand"
        ),
    ):
        JsonCatalog.open(path)


def test_a_long_version_is_read_in_linear_time() -> None:
    start = time.perf_counter()
    for version in ("1." * 50_000 + "x", "1.2.3" + "-" * 100_000 + " ", "9" * 100_000):
        is_npm_manifest({"version": version, "scripts": {}})
    assert time.perf_counter() - start < 1.0
