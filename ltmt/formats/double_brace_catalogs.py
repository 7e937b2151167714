"""Catalogs of double-brace interpolation (i18next's, ngx-translate's ``{{name}}``): no ICU.

ICU reads an apostrophe before a brace as the start of quoted literal text (``'{'name'}'``
shows ``{name}``), and FormatJS one before an angle bracket (``'<'Enter'>'``), so ltmt leaves
such a message of a JSON or YAML catalog to a person or hides the quoted run from the model.
i18next does not read ICU: there an apostrophe is an apostrophe, and ``Delete project
'{{name}}'?`` is a sentence whose field is quoted. Read as ICU quoting, the message was left
untranslated and a reviewer's German of it not imported (trial s76). So a catalog whose
messages interpolate in double braces and use no ICU syntax (a plural or select, an argument
with a type, one in single braces, ``{name}``) is read without ICU's quoting; a catalog with
any ICU syntax, or no double-brace field at all (a Tolgee or react-intl file), keeps it.

    interpolates_in_double_braces(["Delete project '{{name}}'?", "Saved."])   # True
    interpolates_in_double_braces(["'{{name}}'", "{count, plural, other {#}}"])  # False
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ltmt.formats.icu_messages import has_arguments_with_types, is_branching

# a field in double braces (``{{name}}``, ``{{- url}}``, ``{{price, currency(EUR)}}``): its
# text holds no brace, so a long run of braces fails at once
_DOUBLE_BRACED = re.compile(r"\{\{[^{}]*\}\}")
# an ICU argument in single braces (``{name}``, ``{n, number}``), left once the double-brace
# fields are out: a name, then nothing or a comma and what holds no brace
_SINGLE_BRACED = re.compile(r"\{\s*[\w.-]+\s*(?:,[^{}]*)?\}")


def interpolates_in_double_braces(messages: Iterable[str]) -> bool:
    """Whether a catalog of ``messages`` interpolates in double braces (module docstring):
    one of them has a ``{{name}}`` field, and none has ICU syntax."""
    double = False
    for message in messages:
        single = _DOUBLE_BRACED.sub("", message)
        if _SINGLE_BRACED.search(single) or is_branching(message):
            return False
        if has_arguments_with_types(message):
            return False
        double = double or single != message
    return double
