"""Xcode localization catalogs (``de.xcloc``): the bundle Xcode's *Export Localizations* writes
for each language, and reads back with *Import Localizations*.

A bundle is a folder named ``*.xcloc`` holding:

- ``contents.json``: its manifest (``developmentRegion``, the source language, and
  ``targetLocale``, the language it is to be translated into);
- ``Localized Contents/de.xliff``: the strings to translate, as XLIFF 1.2 (a new string's
  ``<target state="new">`` holds a copy of its source, which counts as untranslated);
- ``Source Contents/`` (copies of the project's source-language files), ``Notes/``
  (screenshots): context for the translator, which Xcode reads back as they were written.

Only the XLIFF files under ``Localized Contents`` are translated; every other file of the
bundle is copied byte for byte, so that the translated bundle imports as the exported one
would. A manifest ltmt cannot read, or one without a ``targetLocale``, is a one-line error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, decode, lang_matches, parse_json, read_bytes

SUFFIX = ".xcloc"
MANIFEST = "contents.json"
LOCALIZED = "Localized Contents"


def is_bundle(path: Path) -> bool:
    """Whether ``path`` is a folder named like an Xcode localization catalog (``*.xcloc``)."""
    path = Path(path)
    return path.suffix.lower() == SUFFIX and path.is_dir()


def bundle_of(path: Path, top: Path) -> Path | None:
    """The ``*.xcloc`` folder the file ``path`` lies in, ``top`` or a folder below it; else
    None."""
    folder = Path(top)
    if folder.suffix.lower() == SUFFIX:
        return folder
    for part in Path(path).relative_to(folder).parts[:-1]:
        folder = folder / part
        if folder.suffix.lower() == SUFFIX:
            return folder
    return None


@dataclass(frozen=True)
class XclocBundle:
    """An Xcode localization catalog, its manifest read (module docstring)."""

    path: Path
    source_locale: str
    target_locale: str

    @classmethod
    def open(cls, path: Path) -> XclocBundle:
        """The bundle at ``path``; a missing or unreadable manifest is an :class:`InputError`."""
        path = Path(path)
        manifest = path / MANIFEST
        if not manifest.is_file():
            raise InputError(
                f"{path}: not an Xcode localization catalog: it has no {MANIFEST}; give the "
                ".xcloc folder that Xcode's Product > Export Localizations wrote"
            )
        data = parse_json(
            decode(read_bytes(manifest, "an Xcode bundle manifest"), manifest), manifest
        )
        target = data.get("targetLocale") if isinstance(data, dict) else None
        if not isinstance(target, str) or not target.strip():
            raise InputError(
                f"{manifest}: no targetLocale, which names the language the bundle is "
                "translated into; export the bundle again from Xcode"
            )
        source = data.get("developmentRegion")
        return cls(path, source if isinstance(source, str) else "", target.strip())

    def is_localized(self, file: Path) -> bool:
        """Whether ``file`` (a path inside the bundle) is one of the XLIFF files to translate."""
        parts = Path(file).relative_to(self.path).parts
        return len(parts) > 1 and parts[0] == LOCALIZED and Path(file).suffix.lower() == ".xliff"

    def translates(self, src_lang: str, tgt_lang: str) -> bool:
        """Whether the bundle is for the pair ``src_lang`` → ``tgt_lang`` (its manifest's
        ``developmentRegion``, when it names one, and ``targetLocale``)."""
        source_ok = not self.source_locale or lang_matches(self.source_locale, src_lang)
        return source_ok and lang_matches(self.target_locale, tgt_lang)


class BundlesIn:
    """The Xcode bundles the files of a folder lie in, each manifest read once."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._opened: dict[Path, XclocBundle] = {}

    def of(self, path: Path) -> XclocBundle | None:
        """The bundle ``path`` (a file of the folder) lies in, or None."""
        place = bundle_of(path, self.folder)
        if place is None:
            return None
        if place not in self._opened:
            self._opened[place] = XclocBundle.open(place)
        return self._opened[place]


def copy_file(source: Path, target: Path) -> None:
    """A member of a bundle that is not translated, copied byte for byte (written as every
    output is: never half-written)."""
    atomic_write(Path(target), Path(source).read_bytes())


def make_folders(bundle: Path, target: Path) -> None:
    """The bundle's folders (hidden ones left out) made under ``target``, the empty ones too
    (an export's ``Notes`` folder without screenshots)."""
    from ltmt.formats.folders import folders_in

    Path(target).mkdir(parents=True, exist_ok=True)
    for folder in folders_in(bundle):
        (Path(target) / folder.relative_to(bundle)).mkdir(parents=True, exist_ok=True)


def check_output_name(bundle: Path, output: Path) -> None:
    """Xcode imports a bundle only from a folder named ``*.xcloc``: an output that a bundle is
    translated into must be named so."""
    if Path(output).suffix.lower() != SUFFIX:
        raise InputError(
            f"--output {output}: {bundle} is an Xcode localization catalog, which Xcode imports "
            f"only from a folder named *{SUFFIX}; give one (for example -o "
            f"{Path(bundle).stem}-translated{SUFFIX})"
        )
