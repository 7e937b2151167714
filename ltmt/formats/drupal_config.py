"""Drupal's YAML: a module's ``*.info.yml`` and ``*.links.*.yml``, and its configuration
(``config/install/*.yml``, ``config/optional/*.yml``, or a file whose top level has a
``langcode:`` that is a language code and a ``dependencies:`` mapping, as Drupal exports
configuration; a message file named by its language, ``ui.en.yml``, is none, nor an app's
``langcode: en`` beside a ``dependencies:`` list).

Most of their values are machine names (``id: recent_articles``, ``module: views``,
``plugin_id: text_custom``, ``type: module``, ``- user`` under ``dependencies:``), which
translated break the site. Drupal's config schema types the few values that are text (``label``
and ``text``); the schema itself is in other files, so ltmt follows its idea by the key: a value
is text only at a key Drupal names text (``label``, ``title``, ``description``, ``name``,
``help``, ``text``, ``content``, ``value``, ``message``, ``subject``, ``body``,
``display_title``, ``admin_label``, ``placeholder``, an info file's ``package``, a pager's
``first``, ``previous``, ``next``, ``last``, or a key ending ``_label``, ``_title``, ``_text``,
``_description``, ``_message``, ``_button``, ``_placeholder``), and only where it is no
lower-case identifier there (``name: article``, ``value: page``); at a key that holds wording
alone (``use_more_text: more``, ``submit_button``, ``placeholder``) a single lower-case word is
text too, only one joined by ``_``, ``.`` or ``:`` a machine name. Everything else is copied.
The top-level ``langcode:`` says the file's language: the translation's is the target
language's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_TEXT_KEYS = frozenset(
    {
        "label",
        "title",
        "description",
        "name",
        "help",
        "text",
        "content",
        "value",
        "message",
        "subject",
        "body",
        "display_title",
        "admin_label",
        "placeholder",
        "package",  # *.info.yml: the group on the Extend page
        "first",  # a views pager's tags
        "previous",
        "next",
        "last",
    }
)
_TEXT_SUFFIXES = (
    "_label",
    "_title",
    "_text",
    "_description",
    "_message",
    "_button",
    "_placeholder",
)
_WORDING_SUFFIXES = ("_text", "_button", "placeholder")  # no machine name stands there
_MACHINE_NAME = re.compile(r"[a-z0-9]+(?:[_.:][a-z0-9]+)+")  # text_custom, drupal:node
_LINKS = re.compile(r".+\.links\.[a-z_]+\.ya?ml")  # mymodule.links.menu.yml
_LANGCODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")  # Drupal's: en, pt-br, zh-hans, und
_MESSAGE_FILE = re.compile(r".+\.[a-z]{2}(?:[-_][A-Za-z]{2})?\.ya?ml")  # ui.en.yml, app.de_CH.yml
_IDENTIFIER = re.compile(r"[a-z0-9_.:-]+")  # article, node.type.article, drupal:node


def is_drupal(path: Path, document: Any) -> bool:
    """Whether the YAML file at ``path`` (read as ``document``) is Drupal's (module docstring)."""
    name, parts = path.name, path.parts
    if name.endswith((".info.yml", ".info.yaml")) or _LINKS.fullmatch(name):
        return True
    if any(
        parts[i] == "config" and parts[i + 1] in ("install", "optional")
        for i in range(len(parts) - 1)
    ):
        return True
    if _MESSAGE_FILE.fullmatch(name) or not isinstance(document, dict):
        return False
    langcode = document.get("langcode")
    return (
        isinstance(langcode, str)
        and _LANGCODE.fullmatch(langcode) is not None
        and isinstance(document.get("dependencies"), dict)
    )


def is_text(value: str, name: str) -> bool:
    """Whether the string ``value`` at dotted ``name`` (``display.default.display_title``,
    ``dependencies[0]``) of a Drupal file is text to translate."""
    key = name.rsplit(".", 1)[-1].split("[")[0]
    if key.endswith(_WORDING_SUFFIXES):  # use_more_text: more
        return not _MACHINE_NAME.fullmatch(value.strip())
    named_text = key in _TEXT_KEYS or key.endswith(_TEXT_SUFFIXES)
    return named_text and not _IDENTIFIER.fullmatch(value.strip())
