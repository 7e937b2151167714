"""A static site's YAML: its configuration, Jekyll's ``_config.yml`` (by its name), and Hugo's
``hugo.yaml`` (by its name) or ``config.yaml`` (where its top level has Hugo's ``baseURL``);
and its data files that are a list of entries (Jekyll's ``_data/navigation.yml``: ``- title:
Getting started`` / ``url: /docs/start/``).

Most of a configuration is the site's machinery: its theme (``theme: minima``), plugins (``-
jekyll-feed``), URLs, the Markdown engine, permalinks; translated, the site no longer builds.
Only the text its pages show is translated: the values front matter reads as text
(:data:`ltmt.formats.front_matter.SHOWN`: ``title``, ``description``, ``subtitle`` ...) and a
theme's ``tagline``, at the top level or under Hugo's ``params``. Everything else is copied.
In a data list's entries, and in the lists they hold (a menu's ``children:``), the values at
those keys and at ``label``, ``text``, ``caption`` and ``alt`` are text; URLs, ids, paths and
names (``name:``, often a person's or a machine name) are copied.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ltmt.formats.front_matter import SHOWN

logger = logging.getLogger(__name__)

_JEKYLL = ("_config.yml", "_config.yaml")
_HUGO = ("hugo.yml", "hugo.yaml")
_HUGO_OR_OTHER = ("config.yml", "config.yaml")  # Hugo's before 0.110, and other programs'
_HUGO_KEYS = ("baseURL", "baseurl")
_TEXT_KEYS = (*SHOWN, "tagline")  # tagline: a theme's (Jekyll's minima, Hugo's themes)
# the keys of a data list's entries whose values are text
_ENTRY_TEXT_KEYS = (*_TEXT_KEYS, "label", "text", "caption", "alt")
_PARAMS = "params"  # Hugo's site parameters
WHAT = "a static site's configuration"


def is_site_config(path: Path, document: Any) -> bool:
    """Whether the YAML file at ``path`` (read as ``document``) is a site's configuration
    (module docstring)."""
    name = path.name.lower()
    if name in _JEKYLL or name in _HUGO:
        return True
    return (
        name in _HUGO_OR_OTHER
        and isinstance(document, dict)
        and any(key in document for key in _HUGO_KEYS)
    )


def text_names(document: Any) -> frozenset[str]:
    """The dotted names (``title``, ``params.description``) of the values of the site
    configuration ``document`` that its pages show (module docstring)."""
    if not isinstance(document, dict):
        return frozenset()
    names = {key for key in _TEXT_KEYS if key in document}
    params = document.get(_PARAMS)
    if isinstance(params, dict):
        names |= {f"{_PARAMS}.{key}" for key in _TEXT_KEYS if key in params}
    return frozenset(names)


def is_data_list(document: Any) -> bool:
    """Whether ``document`` (a YAML file's) is a list of entries (mappings), as a site's data
    file is (module docstring)."""
    return (
        isinstance(document, list)
        and bool(document)
        and all(isinstance(item, dict) for item in document)
    )


def entry_text_names(items: list[Any], name: str = "") -> frozenset[str]:
    """The dotted names (``[0].title``, ``[2].children[0].title``) of the values of the list
    of entries ``items`` (at dotted ``name``) that are text (module docstring)."""
    names: set[str] = set()
    for index, item in enumerate(items):
        for key, value in item.items() if isinstance(item, dict) else ():
            dotted = f"{name}[{index}].{key}"
            if key in _ENTRY_TEXT_KEYS and isinstance(value, str):
                names.add(dotted)
            elif isinstance(value, list):  # children: the menu's entries below
                names |= entry_text_names(value, dotted)
    return frozenset(names)


def warn_of_reading(path: Path) -> None:
    """Say that ``path`` was read as a site's configuration: what is translated, what copied."""
    logger.warning(
        "%s: read as %s: only the text its pages show (title, description, tagline ...) "
        "translated; theme, plugins, URLs and other settings copied",
        path,
        WHAT,
    )
