"""Unreal Engine's argument modifiers (FText formatting, "Text Localization in Unreal Engine",
https://dev.epicgames.com/documentation/unreal-engine/text-localization-in-unreal-engine):
``{Count}|plural(one=arrow,other=arrows)``, ``{Gender}|gender(he,she)``,
``{Place}|ordinal(one=st,two=nd,few=rd,other=th)``; a value may be quoted
(``one="arrow, steel"``).

The model got such a text whole and translated the modifier as words (``{0}|plural(one=Arrow,
other=Aarrows)``, ``gender(he,she)`` left English). Now each is a form-by-form expression of
:mod:`ltmt.formats.smart_format`: the argument, the modifier's name and its plural keys are
kept as written, and only its forms are translated, each alone. Unreal picks a plural's form
by the target culture's rule: German's categories are English's (one, other), and the source's
other keys (zero, two, few, many) are kept, translated alike, as Unreal ignores those German
lacks. A gender's forms are positional (masculine, feminine[, neuter]). German writes every
ordinal with a full stop (``3.``), so an ordinal's forms are all ``.``, not sent to the model
(as Yarn's ordinals, :data:`ltmt.formats.form_markers.ORDINAL_FORMS`). Korean's ``|hpp(...)``
is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ltmt.formats.common import primary_language
from ltmt.formats.form_markers import FormMarker, ordinal_form

# one value: quoted ("..." with \" inside), or up to the next , or )
_VALUE = r'"(?:[^"\\]|\\.)*"|[^,()"{}|\n]*'
_MODIFIER = re.compile(
    r"(?P<argument>\{[\w.]+\})\|(?P<name>plural|gender|ordinal)\("
    rf"(?P<values>(?:[\w]+=)?(?:{_VALUE})(?:,\s*(?:[\w]+=)?(?:{_VALUE}))*)\)"
)
# subject pronouns by the target language, as a gender's forms are written
GENDER_PRONOUNS = {
    "de": {"he": "er", "she": "sie", "it": "es", "He": "Er", "She": "Sie", "It": "Es"}
}
_ENTRY = re.compile(rf"\s*(?:(?P<key>\w+)=)?(?P<value>{_VALUE})")


@dataclass(frozen=True)
class Modifier(FormMarker):
    """One argument modifier (:class:`~ltmt.formats.form_markers.FormMarker`): its ``name``
    (``plural``), ``argument`` (``{Count}``), its values' ``keys`` (``one``; ``""`` for a
    gender's) and ``forms`` (unquoted)."""

    argument: str
    keys: tuple[str, ...]

    @property
    def signature(self) -> str:
        """The modifier without its forms: ``{Count}|plural(one=,other=)``."""
        return f"{self.argument}|{self.name}(" + ",".join(f"{k}=" for k in self.keys) + ")"

    def _syntax(self, forms: Sequence[str]) -> str:
        # a form with ``,``, ``(``, ``)`` or ``=`` quoted
        values = ",".join(
            (f"{k}=" if k else "") + _quoted(f) for k, f in zip(self.keys, forms, strict=True)
        )
        return f"{self.argument}|{self.name}({values})"


def _quoted(form: str) -> str:
    if not re.search(r'[,()="{}|]', form):
        return form
    return '"' + form.replace('"', "") + '"'


def modifiers(text: str, tgt_lang: str = "") -> list[Modifier]:
    """The plural, gender and ordinal modifiers of ``text``, in order; an ordinal's forms,
    and a gender's of subject pronouns, fixed as ``tgt_lang`` writes them (none without a
    language)."""
    found = []
    for match in _MODIFIER.finditer(text):
        entries = [e for e in _ENTRY.finditer(match["values"]) if e.group().strip()]
        keys = tuple(e["key"] or "" for e in entries)
        forms = tuple(_unquoted(e["value"]) for e in entries)
        written = ordinal_form(tgt_lang)
        pronouns = GENDER_PRONOUNS.get(primary_language(tgt_lang), {}) if tgt_lang else {}
        fixed = None
        if match["name"] == "ordinal" and written:
            fixed = (written.replace("%", ""),) * len(keys)
        elif match["name"] == "gender" and forms and all(f in pronouns for f in forms):
            fixed = tuple(pronouns[f] for f in forms)
        found.append(
            Modifier(*match.span(), match["name"], forms, match["argument"], keys, fixed=fixed)
        )
    return found


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    return value
