"""A static site's configuration in YAML: Jekyll's ``_config.yml`` (by its name), and Hugo's
``hugo.yaml`` (by its name) or ``config.yaml`` (where its top level has Hugo's ``baseURL``).

Most of it is the site's machinery: its theme (``theme: minima``), plugins (``- jekyll-feed``),
URLs, the Markdown engine, permalinks; translated, the site no longer builds. Only the text its
pages show is translated: the values front matter reads as text
(:data:`ltmt.formats.front_matter.SHOWN`: ``title``, ``description``, ``subtitle`` ...) and a
theme's ``tagline``, at the top level or under Hugo's ``params``. Everything else is copied.
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


def warn_of_reading(path: Path) -> None:
    """Say that ``path`` was read as a site's configuration: what is translated, what copied."""
    logger.warning(
        "%s: read as %s: only the text its pages show (title, description, tagline ...) "
        "translated; theme, plugins, URLs and other settings copied",
        path,
        WHAT,
    )
