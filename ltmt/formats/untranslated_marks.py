"""Targets that say "not translated yet": Symfony's ``translation:extract`` writes a message it
has no translation for as its source prefixed ``__`` (its ``--prefix`` default):
``'Log in': '__Log in'`` in YAML, ``<target>__Log out</target>`` in XLIFF. Such a target is no
translation: ``ltmt translate`` fills it, ``ltmt memory import`` leaves it out (counted as
untranslated) and ``ltmt qa`` says it is untranslated.
"""

from __future__ import annotations

SYMFONY_PREFIX = "__"  # translation:extract's --prefix


def is_marked_untranslated(source: str, target: str) -> bool:
    """Whether ``target`` is ``source`` marked untranslated (``__Log in`` for ``Log in``)."""
    return target == SYMFONY_PREFIX + source
