"""Which values of a YAML message file are strings to translate, by their dotted name (``a.b``,
``days[0]``, as Rails' ``t()`` names them): a string with a letter outside its placeholders that
is no setting (not a Ruby symbol, ``:day``; not a word YAML 1.1 reads as a boolean, ``yes``; not
the value of a setting Rails keeps among its strings, ``round_mode: default``; not an
identifier or a digest), a mapping of plural categories (``one``, ``other``) as one plural, and
a go-i18n message's forms (its fields are copied); in a Drupal configuration or a file read
whole (a Rasa bot's, a site's configuration) only the names those modules say are text. Keys a
merge key (``<<: *defaults``) brings are not a mapping's own: they are translated where their
anchor is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ltmt.formats import drupal_config, goi18n_messages
from ltmt.formats.json_identifiers import is_no_text, skipped
from ltmt.formats.plurals import CATEGORIES
from ltmt.text import paired_surrogates

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")  # default, year
# the booleans of YAML 1.1 (yaml.org/type/bool.html) that YAML 1.2 reads as strings
_YAML11_BOOLEAN = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF")
_SYMBOL = re.compile(r":[a-z][a-z0-9_]*")  # Ruby's :day
# Rails' settings among its strings (Active Support's en.yml): their values are no text
_SETTINGS = frozenset({"round_mode", "order"})


def is_plural(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and "other" in value
        and all(k in CATEGORIES and isinstance(v, str) for k, v in value.items())
    )


def is_text(
    value: Any, name: str, drupal: bool = False, only: frozenset[str] | None = None
) -> bool:
    """Whether ``value`` (at dotted ``name``) is text to translate: a string with a letter
    outside its placeholders that is no setting: not a Ruby symbol (``:day``), not a word
    written plain that YAML 1.1 reads as a boolean (``yes``, ``on``, ``Off``: Psych, Rails'
    parser, does, where ruamel.yaml's YAML 1.2 reads a string), and not the
    value of one of the settings Rails keeps among its strings (``round_mode: default``,
    ``order: [year, month, day]``), which translated would break the app, nor a value a
    program reads (a UUID, ``name: pizza-size``: :mod:`ltmt.formats.machine_values`). In a
    ``drupal`` file only the values at its text keys are (:mod:`ltmt.formats.drupal_config`),
    and in a file read whole (a Rasa bot's, a site's configuration) only those named in
    ``only`` (:mod:`ltmt.formats.rasa_yaml`, :mod:`ltmt.formats.site_config`)."""
    if not isinstance(value, str) or is_no_text(value, name.rsplit(".", 1)[-1].split("[")[0]):
        return False  # a URL, cart.items, a UUID, "name: pizza-size"
    if only is not None and name not in only:
        return False
    if drupal and not drupal_config.is_text(value, name):
        return False
    if _SYMBOL.fullmatch(value.strip()):  # :day
        return False
    if type(value) is str and _YAML11_BOOLEAN.fullmatch(value):  # plain, not quoted
        return False
    setting = name.rsplit(".", 1)[-1].split("[")[0] in _SETTINGS
    return not (setting and _IDENTIFIER.fullmatch(value.strip()))


def walk_strings(
    node: Any,
    name: str = "",
    skip_keys: frozenset[str] = frozenset(),
    drupal: bool = False,
    holder: Any = None,
    only: frozenset[str] | None = None,
) -> Iterator[tuple[str, Any]]:
    """The strings and plurals below ``node`` (a value of ``holder``), by dotted name
    (``a.b``, ``days[0]``), less those under a key of ``skip_keys`` (``--skip-keys``), which
    are copied (and in a ``drupal`` file those at no text key)."""
    if is_plural(node):
        yield name, {key: paired_surrogates(form) for key, form in node.items()}
    elif isinstance(node, dict):
        message = goi18n_messages.is_message(node, holder)  # its hash, description... copied
        for key, value in own_items(node):
            if not skipped((key,), skip_keys) and not (message and key in goi18n_messages.FIELDS):
                dotted = f"{name}.{key}" if name else str(key)
                yield from walk_strings(value, dotted, skip_keys, drupal, node, only)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_strings(value, f"{name}[{index}]", skip_keys, drupal, node, only)
    elif is_text(node, name, drupal, only):
        yield name, paired_surrogates(node)


def own_items(node: dict[Any, Any]) -> list[tuple[Any, Any]]:
    """The keys and values a mapping has of its own: not those a merge key (``<<: *defaults``)
    brings, which are translated where their anchor is."""
    own = getattr(node, "non_merged_items", None)
    return list(own()) if own is not None else list(node.items())


def scalars(node: Any, name: str = "") -> dict[str, Any]:
    """Every value below ``node`` that is no mapping or list, by dotted name (plurals' forms
    too)."""
    found: dict[str, Any] = {}
    if isinstance(node, dict):
        for key, value in own_items(node):
            found.update(scalars(value, f"{name}.{key}" if name else str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.update(scalars(value, f"{name}[{index}]"))
    else:
        found[name] = node
    return found


def under_skipped(node: Any, skip_keys: frozenset[str], name: str = "") -> set[str]:
    """The dotted names of the values below ``node`` that are no mapping or list, under a key
    of ``skip_keys`` (``--skip-keys``)."""
    found: set[str] = set()
    children = own_items(node) if isinstance(node, dict) else []
    for key, value in children:
        child = f"{name}.{key}" if name else str(key)
        if skipped((key,), skip_keys):
            found.update(scalars(value, child))
        else:
            found |= under_skipped(value, skip_keys, child)
    if isinstance(node, list):
        for index, value in enumerate(node):
            found |= under_skipped(value, skip_keys, f"{name}[{index}]")
    return found


def leaves(node: Any, name: str = "") -> Iterator[str]:
    """The dotted names of every value below ``node`` that is no mapping or list (a plural
    counts as one)."""
    if isinstance(node, dict) and not is_plural(node):
        for key, value in own_items(node):
            yield from leaves(value, f"{name}.{key}" if name else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, f"{name}[{index}]")
    else:
        yield name


def dotted(parts: tuple[str | int, ...]) -> str:
    """The dotted name of a value at ``parts`` (``("a", "b", 0)`` → ``a.b[0]``)."""
    name = ""
    for part in parts:
        name = f"{name}[{part}]" if isinstance(part, int) else f"{name}.{part}" if name else part
    return name
