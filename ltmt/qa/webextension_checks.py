"""qa's checks of a WebExtension ``messages.json`` translation that its pairs do not show: each
message's ``placeholders`` block, which the browser reads to fill in its ``$name$``.

- A ``$NAME$`` the translation's message uses and its own ``placeholders`` do not declare (names
  in any case) where the source's do: the browser does not replace it with the argument (a
  ``placeholders`` error). One the source does not declare either (``Hello $USER$!``, ``Only
  $5$ per month``) is written as the source has it, not a problem of the translation.
- A placeholder the translation declares with another ``content`` than the source's
  (``count`` → ``$2`` where the source has ``$1``): it shows another argument there (a
  ``placeholders`` warning: a translator may mean it, most do not).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.findings import Severity

# a message's substitution ($count$), once its literal dollars ($$) are taken out
_NAMED = re.compile(r"\$([A-Za-z0-9_@]+)\$")
_UNDECLARED = (
    "uses {used}, which its placeholders do not declare: the browser does not replace it with "
    "the argument; declare it as the source's message does ({declaration})"
)
_OTHER_CONTENT = (
    'its placeholder {name} has content "{content}" where the source\'s has "{source_content}": '
    'it shows another argument there; write "{source_content}" unless that is meant'
)


def webextension_problems(
    path: Path, fmt: str | None = None, source_file: Path | None = None
) -> list[FormProblem]:
    """The placeholder problems of the WebExtension messages file ``path``, a translation of
    ``source_file`` (module docstring); of a folder's, each file's, with the file at its place in
    the folder ``source_file`` (``_locales/de`` and ``_locales/en``). Another format, or no
    source file: none."""
    from ltmt.formats.folders import files_in

    if source_file is None:
        return []
    if not path.is_dir():
        return [] if Path(source_file).is_dir() else _file_problems(path, fmt, Path(source_file))
    if not Path(source_file).is_dir():
        return []
    return [
        problem
        for file in files_in(path)
        if (source := Path(source_file) / file.relative_to(path)).is_file()
        for problem in _file_problems(file, None, source)
    ]


def _file_problems(path: Path, fmt: str | None, source_file: Path) -> list[FormProblem]:
    """:func:`webextension_problems` of one file."""
    from ltmt.errors import InputError
    from ltmt.formats.json_pointer import pointer
    from ltmt.formats.registry import find_format
    from ltmt.formats.webextension import is_messages_file, spellings

    try:
        if find_format(path, fmt, role="read").name != "json":
            return []
    except InputError:  # a folder's file of no format
        return []
    source, translated = _json(source_file), _json(path)
    if not (is_messages_file(source) and is_messages_file(translated)):
        return []
    spelled = spellings(source, translated)  # SaveButton for saveButton: one name
    problems = []
    for name, entry in source.items():
        target = translated.get(spelled.get(name, name))
        if target is None:
            continue
        position = f"{path}: {pointer((name, 'message'))}"
        problems += [
            FormProblem(
                position, entry["message"], target["message"], message, "placeholders", level
            )
            for message, level in _problems(entry, target)
        ]
    return problems


def _json(path: Path) -> Any:
    """The JSON of ``path``; None where it does not parse (the pairs' reader says why)."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None


def _declared(entry: dict[str, Any]) -> dict[str, str]:
    """The ``content`` of each placeholder ``entry`` declares, by its name in lower case."""
    block = entry.get("placeholders")
    if not isinstance(block, dict):
        return {}
    return {
        name.lower(): str(value.get("content", ""))
        for name, value in block.items()
        if isinstance(value, dict)
    }


def _problems(source: dict[str, Any], target: dict[str, Any]) -> list[tuple[str, Severity | None]]:
    """Each problem of the translated message ``target`` of ``source`` and its severity where
    not the check's (module docstring)."""
    declared, source_declared = _declared(target), _declared(source)
    found: list[tuple[str, Severity | None]] = []
    used = dict.fromkeys(_NAMED.findall(target["message"].replace("$$", "")))
    for name in used:
        if name.lower() not in declared and name.lower() in source_declared:
            content = source_declared[name.lower()]
            declaration = f'"placeholders": {{"{name.lower()}": {{"content": "{content}"}}}}'
            found.append((_UNDECLARED.format(used=f"${name}$", declaration=declaration), None))
    for name, content in declared.items():
        if name in source_declared and content.strip() != source_declared[name].strip():
            message = _OTHER_CONTENT.format(
                name=name, content=content, source_content=source_declared[name]
            )
            found.append((message, "warning"))
    return found
