"""Android's resource folder (``res``): ``values`` holds the default resources, in the source
language, and each ``values-<qualifiers>`` folder beside it another language's
(``values-de``, ``values-b+de+CH``) or another configuration's (``values-night``). A folder
run of ``res`` translates ``values`` into the target language's folder (``values-de``) and
leaves the qualified folders as they are: they are no sources (the team's ``values-de`` was
translated as English, and German written into ``OUT/values``). The rule is Android's
resource files' alone (XML whose root is ``<resources>``): ``values/en.json`` is no resource
file, and is a folder's file as any other. A resource XML of no strings (``layout/``,
``drawable/``) is skipped (:func:`no_string_resources`)."""

from __future__ import annotations

from pathlib import Path

from ltmt.formats.registry import root_element

_VALUES = "values"


def is_resources(path: Path) -> bool:
    """Whether ``path`` is an Android resource file the Android format reads: XML whose root
    element is ``<resources>`` (``strings.xml``, ``colors.xml``)."""
    return path.suffix.lower() == ".xml" and root_element(path) == "resources"


def is_res_folder(folder: Path) -> bool:
    """Whether ``folder`` is an Android resource folder: it holds a ``values`` folder with an
    Android resource file (:func:`is_resources`; a ``values/en.json`` makes none)."""
    values = Path(folder) / _VALUES
    return values.is_dir() and any(is_resources(path) for path in values.glob("*.xml"))


def in_qualified_values(folder: Path, name: Path) -> bool:
    """Whether ``name`` (a file's path relative to ``folder``) is an Android resource file of a
    ``values-*`` folder beside a ``values`` folder: another language's or configuration's."""
    parent = name.parent
    return (
        parent.name.startswith(f"{_VALUES}-")
        and is_resources(folder / name)
        and is_res_folder(folder / parent.parent)
    )


def no_string_resources(folder: Path, name: Path) -> bool:
    """Whether ``name`` (a file's path relative to ``folder``) is an XML file of an Android
    resource folder that is no resource file of values (``layout/activity_main.xml``,
    ``drawable/icon.xml``): no strings to translate, and no file the Android format reads."""
    path = folder / name
    return (
        path.suffix.lower() == ".xml"
        and is_res_folder(folder / name.parent.parent)
        and root_element(path) != "resources"
    )


def values_translation(folder: Path, name: Path, language: str) -> Path | None:
    """``name`` (relative to ``folder``), a file of a ``values`` folder, moved into the folder
    Android reads for ``language`` (``values/strings.xml`` → ``values-de/strings.xml``,
    ``values-de-rAT`` for ``de-AT``, ``values-b+sr+Latn`` for ``sr-Latn``); None where it lies
    in no ``values`` folder of ``folder``, or is no Android resource file (``values/en.json``)."""
    if name.parent.name != _VALUES or not is_resources(folder / name):
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
