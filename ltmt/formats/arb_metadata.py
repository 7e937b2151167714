"""An ARB translation's own metadata, kept when ltmt brings it up to date: the ``@name``
entries a translator added to the existing target (a German date format's ``placeholders``),
its other ``@@`` keys, and its ``@@last_modified`` while ltmt changed no message of it (set to
the time of writing where it did; never the template's, which says when the English changed).
"""

from __future__ import annotations

from typing import Any

LAST_MODIFIED = "@@last_modified"
_LOCALE = "@@locale"


def messages(data: dict[str, Any]) -> dict[str, Any]:
    """The messages of the ARB object ``data``: its keys that are no metadata."""
    return {key: value for key, value in data.items() if not key.startswith("@")}


def copied_header(template: dict[str, Any]) -> dict[str, Any]:
    """The ``@@`` keys of ``template`` that a translation holds as copies (``@@x-version``,
    ``@@context``), by key: not ``@@locale`` nor ``@@last_modified``, which are its own."""
    return {
        key: value
        for key, value in template.items()
        if key.startswith("@@") and key not in (_LOCALE, LAST_MODIFIED)
    }


def with_target_metadata(
    out: dict[str, Any], target: dict[str, Any] | None, now: str
) -> dict[str, Any]:
    """``out`` (a translation as written from the template, its ``@@`` keys the template's)
    with the metadata of ``target`` (the existing translation; None: none) kept: its
    ``@name`` after the message ``name``, its ``@@`` keys (not ``@@locale``, which is the
    translation's) in place of the template's or after them; ``@@last_modified`` the
    target's where ``out``'s messages are the target's, else ``now`` (ISO 8601)."""
    target = target or {}
    changed = messages(out) != messages(target)
    header = {k: v for k, v in target.items() if k.startswith("@@") and k != _LOCALE}
    if LAST_MODIFIED in out or LAST_MODIFIED in header:
        header[LAST_MODIFIED] = now if changed else target.get(LAST_MODIFIED, now)
    result: dict[str, Any] = {}
    for key, value in out.items():
        result[key] = header.pop(key, value) if key.startswith("@@") else value
        metadata = target.get(f"@{key}")
        if not key.startswith("@") and isinstance(metadata, dict) and f"@{key}" not in out:
            result[f"@{key}"] = metadata
    return _with_header_first(result, header)


def _with_header_first(result: dict[str, Any], header: dict[str, Any]) -> dict[str, Any]:
    """``result`` with the target's ``@@`` keys the template lacks (``header``) after its
    own ``@@`` keys at the top."""
    if not header:
        return result
    keys = list(result)
    at = next((i for i, key in enumerate(keys) if not key.startswith("@@")), len(keys))
    items = list(result.items())
    return dict(items[:at] + list(header.items()) + items[at:])
