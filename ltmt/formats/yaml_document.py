"""A YAML file read for translation and written back in its layout: ruamel.yaml's round trip
(which keeps comments, key order, quoting and block styles; :mod:`ltmt.formats.yaml_written`
adds what it forgets: ``---``, each null's form, ``{ a: b }``), the file's indentation
(:class:`Layout`), and the files refused before anything is read from them: invalid YAML, YAML
nested too deeply or with aliases that expand too far (an alias bomb), a MkDocs configuration
(``mkdocs.yml``: no message file), and a top level that is neither a mapping of keys nor a list
of them (:mod:`ltmt.formats.yaml_catalog` reads what is left).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats import site_config
from ltmt.formats.common import decode
from ltmt.formats.yaml_written import (
    WrittenNull,
    explicit_start,
    represent_written_null,
    write_spacing,
)

WHAT = "a YAML message file"
_TILDE = re.compile(r"(?:[:\[,-]\s*)~\s*(?:[,\]#]|$)", re.MULTILINE)
_NULL = re.compile(r"(?:[:\[,-]\s*)null\s*(?:[,\]#]|$)", re.MULTILINE)
MAX_DEPTH = 100
_TOO_DEEP = re.compile(r"(?:[\[{]\s*){" + str(MAX_DEPTH + 1) + "}")
_NESTED_KEY = re.compile(r"^( +)[^\s#-]", re.MULTILINE)  # the first indented key
# the values aliases may add to a file (a few anchored defaults add a few dozen); an alias bomb
# (nine levels of nine aliases each) adds 9⁹, which no reader should walk
MAX_ALIASED_VALUES = 100_000


@dataclass(frozen=True)
class Layout:
    """A file's indentation: of a nested mapping, of a list's items and of their dash."""

    mapping: int = 2
    sequence: int = 2
    dash: int = 0
    tilde: bool = False  # nulls written ~, not null
    start: bool = False  # the document started with ---


def round_trip_yaml(layout: Layout = Layout(), spaced: dict[int, str] | None = None) -> Any:
    """A round-trip ``YAML`` writing ``layout``; ``spaced``: the flow mappings it writes
    ``{ one: a }`` (:func:`ltmt.formats.yaml_written.spaced_mappings`), where not None."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    if spaced is not None:  # before the representer is made
        write_spacing(yaml, spaced)
    yaml.preserve_quotes = True
    yaml.width = 4096  # long strings stay on one line, as written
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.dash)
    if layout.tilde:  # a null written as the file writes them
        yaml.representer.add_representer(type(None), _tilde)
    yaml.representer.add_representer(WrittenNull, represent_written_null)
    yaml.explicit_start = layout.start
    return yaml


def _tilde(representer: Any, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "~")


def _layout(text: str, sequence: int | None, dash: int | None) -> Layout:
    """``text``'s layout: a nested key's indentation, ruamel.yaml's guess for lists
    (``sequence``, ``dash``), and how it writes a null."""
    nested = _NESTED_KEY.search(text)
    mapping = len(nested.group(1)) if nested else 2
    tilde = bool(_TILDE.search(text)) and not _NULL.search(text)
    start = explicit_start(text)
    if dash is None:  # no block list
        return Layout(mapping, mapping, 0, tilde, start)
    return Layout(mapping, max(sequence or 2, dash + 2), dash, tilde, start)


# a MkDocs site's configuration: YAML, and no message file (- admonition came back
# - Entfernung, docs_structure: suffix docs_structure: Suffix)
_MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")


def load(data: bytes, path: Path) -> tuple[Any, Layout]:
    """The document of a YAML file, and its layout (for writing it back)."""
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    if path.name.lower() in _MKDOCS_CONFIGS:  # (its plugin names and settings were translated)
        raise InputError(
            f"{path}: a MkDocs configuration, not a message file; translate its nav titles by "
            "hand or with the i18n plugin's nav_translations"
        )
    text = decode(data, path)
    if _TOO_DEEP.search(text):  # the YAML parser recurses, and slowly: no message file nests so
        raise InputError(f"{path}: YAML nested too deeply (more than {MAX_DEPTH} levels)")
    try:  # one parse: the indentation is guessed from the lines, the reader is ours
        document, sequence, dash = load_yaml_guess_indent(text, yaml=round_trip_yaml())
    except RecursionError:
        raise InputError(f"{path}: YAML nested too deeply") from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}{where}: not valid YAML: {problem}") from exc
    if not isinstance(document, dict) and not site_config.is_data_list(document):
        raise NotMessageFileError(
            str(path), f"not {WHAT}: its top level is not a mapping of keys nor a list of them"
        )
    if _expanded_size(document, {}) - _written_size(document) > MAX_ALIASED_VALUES:
        raise InputError(
            f"{path}: uses YAML aliases that expand to more than {MAX_ALIASED_VALUES} values; "
            "expand them or remove the anchors"
        )
    return document, _layout(text, sequence, dash)


def _children(node: Any) -> list[Any]:
    """The values a mapping or a list holds (merged ones too); none for a scalar."""
    if isinstance(node, dict):
        return list(node.values())
    return list(node) if isinstance(node, list) else []


def _expanded_size(node: Any, sizes: dict[int, int]) -> int:
    """How many values the readers walk below and at ``node``, an alias's as often as it
    stands. ``sizes`` remembers each mapping's and list's, so the count takes as long as the
    file's own values, not their expansion; a recursive alias counts once where it recurs."""
    if not isinstance(node, (dict, list)):
        return 1
    if id(node) not in sizes:
        sizes[id(node)] = 1  # while counting it: a node within itself adds itself once
        sizes[id(node)] = 1 + sum(_expanded_size(child, sizes) for child in _children(node))
    return sizes[id(node)]


def _written_size(document: Any) -> int:
    """How many values ``document`` holds, each anchored mapping or list counted once."""
    seen: set[int] = set()
    pending, count = [document], 0
    while pending:
        node = pending.pop()
        count += 1
        if isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
            pending.extend(_children(node))
    return count
