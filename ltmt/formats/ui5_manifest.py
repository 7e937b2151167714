"""SAP UI5's ``webapp/manifest.json`` (a top-level ``"sap.app"``): the app descriptor, no
message file. Its texts live in ``i18n/i18n.properties``, which it names as ``{{appTitle}}``
placeholders; its other strings are settings (``bundleUrl``, ``viewName``,
``supportedLocales``), which the app no longer finds once translated (``"i18n/i18n.
Eigenschaften"``). Given alone, it is refused (:func:`ui5_manifest_refusal`), saying what to
translate instead; a folder run skips it with a note (:func:`is_ui5_manifest_file`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

UI5_KEY = "sap.app"
_DEFAULT = "i18n/i18n.properties"  # where UI5 looks for the texts by default


def is_ui5_manifest(data: Any) -> bool:
    """Whether ``data`` (a JSON file's) is a UI5 app descriptor: ``"sap.app"`` at its top
    level."""
    return isinstance(data, dict) and UI5_KEY in data


def is_ui5_manifest_file(path: Path) -> bool:
    """Whether ``path`` is a UI5 ``manifest.json`` (:func:`is_ui5_manifest`); one that does not
    parse is left to the JSON reader, which says what is wrong."""
    if Path(path).name.lower() != "manifest.json":
        return False
    try:
        return is_ui5_manifest(json.loads(Path(path).read_text(encoding="utf-8-sig")))
    except (OSError, ValueError):
        return False


def ui5_manifest_refusal(path: Path, data: Any) -> str:
    """Why the UI5 manifest ``data`` (the file ``path``) is not translated, and the command that
    translates its texts: its ``i18n`` model's ``bundleUrl`` beside it (``i18n/i18n.properties``
    where it names none)."""
    bundle = path.parent / _bundle_url(data)
    german = bundle.with_name(f"{bundle.stem}_de{bundle.suffix}")
    return (
        f'a UI5 app descriptor ("sap.app"), not a message file: its texts live in '
        f"{_bundle_url(data)}, which it names as {{{{appTitle}}}} placeholders, and its settings "
        "(bundleUrl, viewName) stop the app from loading if translated; translate those: "
        f"ltmt translate {bundle.as_posix()} -o {german.as_posix()}"
    )


def _bundle_url(data: Any) -> str:
    """The ``bundleUrl`` of the manifest ``data``'s ``i18n`` model, where it names one."""
    found: Any = data.get("sap.ui5", {})
    for key in ("models", "i18n", "settings", "bundleUrl"):
        found = found.get(key) if isinstance(found, dict) else None
    return found if isinstance(found, str) and found.endswith(".properties") else _DEFAULT
