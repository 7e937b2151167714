"""Access keys of Mozilla's legacy ``.properties`` files (and Swing's mnemonics alike): a key
ending in ``.accesskey`` holds the letter of its label that is underlined::

    close.label=Close
    close.accesskey=C
    addonInstallRestartButton=Restart Now
    addonInstallRestartButton.accesskey=R

The label is the key with ``.label`` for ``.accesskey``, else the key without it, as Pontoon
pairs them. The model got the letter alone and gave it back (``C``), which ``Datei retten``
for ``Save File`` does not have: Firefox then shows ``Datei retten (S)``. So an access key is
chosen, not translated, as a Fluent one is (:mod:`ltmt.formats.fluent_access_keys`): the
output's key where the new label still has it, else the source's where it has that letter, else
its first letter or digit. None goes to the model or makes a pair.
"""

from __future__ import annotations

from collections.abc import Mapping

_SUFFIX = ".accesskey"


def access_key_labels(values: Mapping[str, str]) -> dict[str, str]:
    """The access keys of ``values`` (a file's strings by key), each with its label's key:
    a key ending in ``.accesskey`` (any case) whose value is one character and whose label
    (module docstring) is a string of the file."""
    found = {}
    for key, value in values.items():
        if not key.lower().endswith(_SUFFIX) or len(value.strip()) != 1:
            continue
        base = key[: -len(_SUFFIX)]
        label = next((k for k in (f"{base}.label", base) if values.get(k, "").strip()), None)
        if label is not None:
            found[key] = label
    return found
