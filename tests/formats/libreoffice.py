"""LibreOffice converting a document the Office tests translated, as a user opening it would
(imported as a top-level module, beside the tests)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

# the module each application needs beside soffice (Debian's libreoffice-*-nogui)
APPLICATIONS = {
    "writer": Path("/usr/lib/libreoffice/program/libswlo.so"),
    "impress": Path("/usr/lib/libreoffice/program/libsdlo.so"),
    "calc": Path("/usr/lib/libreoffice/program/libsclo.so"),
}


def converted(document: Path, application: str, target: str, folder: Path) -> Path:
    """``document`` converted by LibreOffice ``application`` to the format ``target``
    (``--convert-to``'s argument) in ``folder``, with a fresh profile; the test is skipped
    where that application is not installed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or not APPLICATIONS[application].exists():
        pytest.skip(f"needs LibreOffice {application} (Debian's libreoffice-{application}-nogui)")
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(folder / "converted"), str(document)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    return folder / "converted" / f"{document.stem}.{target.split(':')[0]}"
