"""A static site's YAML: its configuration, Jekyll's ``_config.yml`` (by its name), and Hugo's
``hugo.yaml`` (by its name) or ``config.yaml`` (where its top level has Hugo's ``baseURL``);
and its data files that are a list of entries (Jekyll's ``_data/navigation.yml``: ``- title:
Getting started`` / ``url: /docs/start/``).

Most of a configuration is the site's machinery: its theme (``theme: minima``), plugins (``-
jekyll-feed``), URLs, the Markdown engine, permalinks; translated, the site no longer builds.
Only the text its pages show is translated: the values front matter reads as text
(:data:`ltmt.formats.front_matter.SHOWN`: ``title``, ``description``, ``subtitle`` ...) and a
theme's ``tagline``, at the top level or under Hugo's ``params``. Everything else is copied.
In a data list's entries, and in the lists they hold (a menu's ``children:``), every string
value is text (``title``, ``question``, ``answer``, ``bio`` ...) except at a key that names an
identifier (:data:`_ENTRY_ID_KEYS`: ``url``, ``id``, ``slug``, ``image``, ``date``, ``layout``
..., alone or as a key's last word, ``author_url``) or ``name`` (often a person's or a machine
name), and except a value that is a URL, a path or an email address; those are copied.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from ltmt.formats.front_matter import SHOWN

logger = logging.getLogger(__name__)

_JEKYLL = ("_config.yml", "_config.yaml")
_HUGO = ("hugo.yml", "hugo.yaml")
_HUGO_OR_OTHER = ("config.yml", "config.yaml")  # Hugo's before 0.110, and other programs'
_HUGO_KEYS = ("baseURL", "baseurl")
_TEXT_KEYS = (*SHOWN, "tagline")  # tagline: a theme's (Jekyll's minima, Hugo's themes)
# the keys of a data list's entries (or their last word: author_url) whose values are no text
_ENTRY_ID_KEYS = frozenset(
    (
        *("url", "href", "link", "path", "permalink", "id", "slug", "key", "icon", "image"),
        *("src", "file", "lang", "locale", "date", "type", "class", "layout", "weight"),
        *("order", "name"),
    )
)
# a value that is an address: a URL (https://..., mailto:...), a path (/docs/, img/a.png,
# logo.svg) or an email address, written without spaces
_ADDRESS = re.compile(
    r"\s*(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s:]\S*|[/.~#]\S*|[^\s@]+@[^\s@]+\.\w+"
    r"|[\w.-]+(?:/[\w.-]*)+|[\w-]+\.[A-Za-z0-9]{2,4})\s*"
)
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
            if isinstance(value, str) and _is_entry_text(str(key), value):
                names.add(dotted)
            elif isinstance(value, list):  # children: the menu's entries below
                names |= entry_text_names(value, dotted)
    return frozenset(names)


def _is_entry_text(key: str, value: str) -> bool:
    """Whether ``value``, at ``key`` of a data list's entry, is text (module docstring)."""
    last = re.split(r"[_-]", key.lower())[-1]
    return last not in _ENTRY_ID_KEYS and _ADDRESS.fullmatch(value) is None


def warn_of_reading(path: Path) -> None:
    """Say that ``path`` was read as a site's configuration: what is translated, what copied."""
    logger.warning(
        "%s: read as %s: only the text its pages show (title, description, tagline ...) "
        "translated; theme, plugins, URLs and other settings copied",
        path,
        WHAT,
    )
