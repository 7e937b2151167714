"""PHP's braced reference to an object's property: Moodle's ``{$a->user}``.

Moodle's ``get_string`` fills ``{$a}`` with its argument and ``{$a->name}`` with the argument's
property ``name``, both written in PHP's complex string syntax (``"{$obj->prop}"``; Smarty's
``{$user->name}`` too). The whole of it is one placeholder: the model got ``->user}`` as words
and wrote ``{$a user}`` or ``{$a->-teacher}`` (a PHP parse error), which kept the ``$a`` that a
sigil placeholder had been. ``{$a}`` alone has Angular's shape and is a placeholder already
(:data:`ltmt.formats.angular_json.PLACEHOLDER`).
"""

from __future__ import annotations

import re
from collections import Counter

# a variable and one or more properties in braces ({$a->user}, {$a->user_id}, {$a->b->c}); each
# step starts with its "->", so that no two ways to match a text backtrack against each other
PLACEHOLDER = r"\{\$[A-Za-z_]\w*(?:->[A-Za-z0-9_]+)+\}"
# a braced variable, with its properties or none (``{$a->user}``, ``{$a}``)
_FIELD = re.compile(r"\{\$(?P<variable>[A-Za-z_]\w*)(?P<path>(?:->[A-Za-z0-9_]+)*)\}")
# what a broken copy leaves in the words once its variable is taken out: an arrow glued to a
# name (``{->-teacher}``, ``->fullname``)
REMNANT = re.compile(r"->-?[A-Za-z0-9_]")
# the arrow of a broken copy: lost (a blank), spaced, or written with a hyphen too many or
# too few (``->-``, ``-``, ``>``); a fixed sign between two runs of blanks
_BROKEN_ARROW = r"(?:[ \t]+|[ \t]*(?:->?-?|>)[ \t]*)"


def _garbled(placeholder: re.Match[str]) -> re.Pattern[str]:
    """A broken copy of ``placeholder``: its variable and its properties' names in order, the
    braces lost or spaced, each arrow broken (:data:`_BROKEN_ARROW`): ``{$a user}``,
    ``{$a->-teacher}``, ``$a->fullname``, ``{ $a -> user }``; ``$a`` for ``{$a}``."""
    names = placeholder["path"].split("->")[1:]
    steps = "".join(_BROKEN_ARROW + re.escape(name) for name in names)
    variable = re.escape(placeholder["variable"])
    return re.compile(rf"(?:\{{[ \t]?)?\${variable}{steps}(?![\w-])(?:[ \t]?\}})?")


def properties_restored(source: str, output: str) -> str:
    """``output`` with each broken copy (:func:`_garbled`) of a braced variable of ``source``
    that ``output`` lacks put back as ``source`` writes it, the first copy first: of a property
    (``{$a->user}``), then of a variable alone (``$a`` for ``{$a}``), so that a copy of a
    property is none of its variable's."""
    fields = list(_FIELD.finditer(source))
    lacking = Counter(found.group() for found in fields)
    lacking.subtract(found.group() for found in _FIELD.finditer(output))
    for placeholder in sorted(fields, key=lambda found: -found["path"].count("->")):
        if lacking[placeholder.group()] <= 0:
            continue
        copies = _garbled(placeholder).finditer(output)
        copy = next((found for found in copies if not _FIELD.fullmatch(found.group())), None)
        if copy is not None:
            output = output[: copy.start()] + placeholder.group() + output[copy.end() :]
            lacking[placeholder.group()] -= 1
    return output
