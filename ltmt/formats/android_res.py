"""Android's resource folder (``res``): ``values`` holds the default resources, in the source
language, and each ``values-<qualifiers>`` folder beside it another language's
(``values-de``, ``values-b+de+CH``) or another configuration's (``values-night``). A folder
run of ``res`` translates ``values`` into the target language's folder (``values-de``) and
leaves the qualified folders as they are: they are no sources (the team's ``values-de`` was
translated as English, and German written into ``OUT/values``)."""

from __future__ import annotations

from pathlib import Path

_VALUES = "values"


def is_res_folder(folder: Path) -> bool:
    """Whether ``folder`` is an Android resource folder: it holds a ``values`` folder."""
    return (Path(folder) / _VALUES).is_dir()


def in_qualified_values(folder: Path, name: Path) -> bool:
    """Whether ``name`` (a file's path relative to ``folder``) lies in a ``values-*`` folder
    beside a ``values`` folder: another language's or configuration's resources."""
    parent = name.parent
    return parent.name.startswith(f"{_VALUES}-") and is_res_folder(folder / parent.parent)


def values_translation(folder: Path, name: Path, language: str) -> Path | None:
    """``name`` (relative to ``folder``), a file of a ``values`` folder, moved into the folder
    Android reads for ``language`` (``values/strings.xml`` → ``values-de/strings.xml``,
    ``values-de-rAT`` for ``de-AT``, ``values-b+sr+Latn`` for ``sr-Latn``); None where it lies
    in no ``values`` folder of ``folder``."""
    if name.parent.name != _VALUES:
        return None
    return name.parent.with_name(f"{_VALUES}-{android_qualifier(language)}") / name.name


def android_qualifier(language: str) -> str:
    """The language qualifier of Android's resource folders for the tag ``language``: ``de``,
    ``de-rAT`` for ``de-AT``, the BCP 47 form ``b+sr+Latn`` for any other."""
    parts = language.replace("_", "-").split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2 and len(parts[1]) == 2 and parts[1].isalpha():
        return f"{parts[0]}-r{parts[1].upper()}"
    return "b+" + "+".join(parts)
