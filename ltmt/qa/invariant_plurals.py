"""Plural forms that may rightly be one text: qa's note that a plural entry's forms are all
the same (``%d Objekte`` for one and for many) is not said of these.

- a source whose singular and plural are one text (``%d file(s) selected`` twice): the
  translation has nothing to tell apart;
- German whose nouns do not change in the plural (:func:`german_invariant`): a noun in
  ``-er``, ``-el``, ``-chen`` or ``-lein`` (``%d Benutzer``, ``%d Artikel``), one in ``-en``
  whose stem is no German word (``%d Kuchen``; not ``%d Notizen``, the plural of ``Notiz``),
  a unit (``%d Byte``, ``%d Pixel``), or a form that says both (``%d Datei(en)``).

Session 67's regression trial: qa warned of ``%d Byte``, ``%d Artikel``, ``%d Benutzer`` and
``%d Datei(en) ausgewählt``, in PO catalogs and Android's ``<plurals>``.
"""

from __future__ import annotations

import re

# units German writes alike for one and many
_UNITS = frozenset(
    [
        "byte",
        "bit",
        "pixel",
        "kilobyte",
        "megabyte",
        "gigabyte",
        "terabyte",
        "kb",
        "mb",
        "gb",
        "tb",
        "px",
        "pt",
        "mal",
        "prozent",
        "euro",
        "dollar",
        "grad",
        "meter",
        "zentimeter",
        "millimeter",
        "kilometer",
        "liter",
        "gramm",
        "kilogramm",
    ]
)
# the pronouns written capitalised, which are no nouns
_PRONOUNS = frozenset(["sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"])
_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+\b")
_BOTH_FORMS = re.compile(r"\w\((?:en|n|e|s|er|nen)\)")  # Datei(en), Element(e)
# a count (%d, %1$d, %(count)d, {count}, {0}, {{count}}) and the noun it counts, past
# lower-case words between (%d neue Artikel)
_COUNTED = re.compile(
    r"(?:%(?:\d+\$|\(\w+\))?[-+ 0#]*\d*[diu]|\{\{?\s*\w*\s*\}?\})"
    r"(?:\s+[a-zäöüß]+)*\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\b"
)
_INVARIANT_ENDING = re.compile(r"(?:er|el|chen|lein)$")
_STEM_COMMON = 3.5  # wordfreq Zipf of German: a stem this common is a word (Notiz of Notizen)


def may_be_one_text(
    form: str, source_one: str | None = None, source_other: str | None = None
) -> bool:
    """Whether ``form``, every plural form's text, may rightly be one text: its source's
    singular and plural are one (``source_one`` and ``source_other``, where known), or it is
    German whose nouns do not change (:func:`german_invariant`)."""
    if source_one is not None and source_one == source_other:
        return True
    return german_invariant(form)


def german_invariant(text: str) -> bool:
    """Whether the German ``text`` reads alike for one and many: it writes both forms
    (``Datei(en)``), or it has a noun and each is a unit or of a kind whose plural is the
    singular (module docstring)."""
    if _BOTH_FORMS.search(text):
        return True
    counted = _COUNTED.search(text)
    if counted:  # the noun the count counts: %d Artikel im Warenkorb (not the Warenkorb)
        return _unchanged_in_plural(counted.group("noun"))
    nouns = [word for word in _NOUN.findall(text) if word.lower() not in _PRONOUNS]
    return bool(nouns) and all(_unchanged_in_plural(noun) for noun in nouns)


def _unchanged_in_plural(noun: str) -> bool:
    from wordfreq import zipf_frequency

    word = noun.lower()
    if word in _UNITS or _INVARIANT_ENDING.search(word):
        return True
    if not word.endswith("en"):
        return False
    stems = (word[:-2], word[:-1])  # Notiz of Notizen, Aufgabe of Aufgaben
    return all(float(zipf_frequency(stem, "de")) < _STEM_COMMON for stem in stems)
