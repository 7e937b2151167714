"""npm's package.json: refused given alone, skipped by a folder run (trial s72)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.npm_manifest import (
    is_npm_manifest,
    is_npm_manifest_file,
    is_version_specifier,
)

SCRIPTS = {"start": "electron .", "lint": "eslint src --ext .ts"}
PACKAGE_UI = {
    "version": "3.1.0",
    "title": "Package manager",
    "scripts": {"title": "Scripts", "run": "Run script", "empty": "This package has no scripts."},
    "dependencies": {"title": "Dependencies", "add": "Add dependency", "remove": "Remove it"},
}


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
        ({"version": "1.0.0", "engines": {"node": ">= 18"}}, "x.json", True),
        ({"version": "1.0.0", "devDependencies": {"lib": "file:../lib"}}, "x.json", True),
        ({"version": "1.0.0", "scripts": {"build": "tsc && vite build"}}, "x.json", True),
        # a package manager's UI catalog (regression trial s72): its sections hold text
        (PACKAGE_UI, "pkgui.json", False),
        ({"version": "1.0.0", "dependencies": {"add": "Add", "core": "^1.0.0"}}, "x.json", False),
        (
            {"version": "1.0.0", "scripts": {"run": "run script", "stop": "stop it"}},
            "x.json",
            False,
        ),
        ({"version": "1.0.0", "scripts": {"hint": "Run ./build.sh first"}}, "x.json", False),
        ({"version": "1.0.0", "dependencies": {}}, "x.json", False),
        ({"version": "1.0.0", "scripts": SCRIPTS, "x": 1}, "x.json", True),
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


@pytest.mark.parametrize(
    ("text", "specifier"),
    [
        *((text, True) for text in ("^1.2.3", "~1", "1.x", "2.x.x", "*", "x", "latest")),
        *((text, True) for text in ("1.2.3", "v1.2.3", "^2.0.0-beta.1", "1.2.3+build.5")),
        *((text, True) for text in (">=1.0.0 <2.0.0", ">= 18", "1.0.0 - 2.0.0", "^1 || ^2")),
        *((text, True) for text in ("file:../lib", "git+https://x.org/a.git", "npm:pkg@^1")),
        *((text, False) for text in ("Add dependency", "Dependencies", "", "latest version")),
        *((text, False) for text in ("1.2.3 -", "- 1.2", "next", "1.2.3, 1.2.4")),
    ],
)
def test_what_is_a_version_specifier(text: str, specifier: bool) -> None:
    assert is_version_specifier(text) is specifier


def test_a_package_managers_catalog_is_translated(tmp_path: Path) -> None:
    """It was refused as an npm manifest (regression trial s72)."""
    path = tmp_path / "pkgui.json"
    path.write_text(json.dumps(PACKAGE_UI), "utf-8")
    assert not is_npm_manifest_file(path)
    texts = [unit.source for unit in JsonCatalog.open(path).units()]
    assert "Run script" in texts and "Add dependency" in texts


@pytest.mark.parametrize(
    "text",
    ["1." * 100_000, "x " * 100_000, "1" * 200_000 + "!", "1.2.3-" + "." * 200_000 + "!"],
)
def test_long_dependencies_and_scripts_are_read_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    is_npm_manifest({"version": "1.0.0", "dependencies": {"a": text}, "scripts": {"a": text}})
    is_npm_manifest({"version": "1.0.0", "scripts": {"a": "run " + text.replace("!", "/")}})
    assert time.perf_counter() - start < 1.0
