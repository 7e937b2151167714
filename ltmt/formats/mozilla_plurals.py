"""Mozilla's legacy plural forms in ``.properties`` files (Firefox's, Thunderbird's): a value that
is a semicolon-separated list of the language's plural forms, ``#1`` the count in each,
announced by a comment above it::

    # LOCALIZATION NOTE (tabs.closeWarningMultiple):
    # Semicolon-separated list of plural forms. See:
    # http://developer.mozilla.org/en/docs/Localization_and_Plurals
    tabs.closeWarningMultiple=You are about to close #1 tab.;You are about to close #1 tabs.

``PluralForm.get`` picks a form by its place, as the locale's plural rule numbers them (German,
as English: one;other). The model got the list whole and wrote one sentence: the ``;`` gone
(one form for every count), the second form's ``#1`` lost and its ``You`` left English. So such
a value is translated form by form (:class:`~ltmt.formats.pipe_plurals.Choices`, as vue-i18n's
``|`` choices are) and joined with ``;`` again, the source's number of forms.

A ``;`` is also text (``Saved; reload the page.``): a value is taken apart only where a
``LOCALIZATION NOTE`` names its key and calls it a list of plural forms
(:func:`announced_plurals`), or where every form holds ``#1`` (the convention's count, which no
other text writes so), and no form is empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ltmt.formats.keyed_catalog import Entry
from ltmt.formats.pipe_plurals import Choices

SEPARATOR = ";"
# a file's syntax (:attr:`ltmt.formats.keyed_catalog.KeyedCatalog.syntax`) where it holds plural
# lists, which ``ltmt qa`` checks (:mod:`ltmt.qa.mozilla_checks`)
MOZILLA_PLURALS = "mozilla-plurals"
_NOTE = "LOCALIZATION NOTE"
# the keys a note is about: LOCALIZATION NOTE (downloadsTitleFiles, downloadsTitlePercent):
_NOTE_KEYS = re.compile(r"\s*\(([^()]*)\)")
# what a note says of a plural list, over comment lines: "Semicolon-separated list of plural
# forms", "Semi-colon list of plural forms" (no nested quantifier: linear on any input)
_PLURAL_LIST = re.compile(
    r"semi-?colon(?:[- ]separated)?[\s#]+list[\s#]+of[\s#]+plural[\s#]+forms", re.IGNORECASE
)
_COUNT = re.compile(r"#([1-9])")  # PluralForm's count, #1 (a second number, #2, in some)
_MODEL_COUNT = re.compile(r"%([1-9])\$d")  # how the model gets it: a printf placeholder


def announced_plurals(comments: Iterable[str]) -> set[str]:
    """The keys that a ``LOCALIZATION NOTE`` in ``comments`` (each a comment block, its lines
    with their ``#``) calls a semicolon-separated list of plural forms."""
    keys: set[str] = set()
    for block in comments:
        for note in block.split(_NOTE)[1:]:
            named = _NOTE_KEYS.match(note)
            if named is not None and _PLURAL_LIST.search(note):
                keys.update(key.strip() for key in named.group(1).split(","))
    return keys


class PluralForms(Choices):
    """A plural list's forms (:attr:`branches`), parted at every ``;``: a translation is read
    back so (:meth:`Choices.read`), one with another number of forms kept whole. The model
    gets each form's ``#1`` as ``%1$d``, a placeholder that a run puts back where the model
    lost it and ``ltmt qa`` checks (it wrote ``der Nummer 1`` for ``#1``), and the
    translation has it as ``#1`` again; a list whose forms write a ``%1$d`` of their own is
    shown as written."""

    def entries(self, name: str, group: str = "") -> list[Entry]:
        """:meth:`Choices.entries`, each form as the model gets it, shown as written."""
        return [
            Entry(key, name, self._to_model(form), number, plural=True, group=group, shown=form)
            for number, (key, form) in enumerate(zip(self.keys(name), self.branches, strict=True))
        ]

    def read(self, name: str, text: str) -> dict[str, str]:
        """:meth:`Choices.read`, each form as the model writes it (a list kept whole as written)."""
        found = super().read(name, text)
        return {key: form if key == name else self._to_model(form) for key, form in found.items()}

    def translation(self, name: str, translations: Mapping[str, str]) -> str | None:
        """:meth:`Choices.translation`, each form's count written ``#1`` again."""
        texts = [translations.get(key) for key in self.keys(name)]
        if any(text is None for text in texts):
            return None
        return self.joined([self._from_model(str(text)) for text in texts])

    def placeholders_written(self) -> dict[str, str]:
        """The model's counts as the file writes them (``%1$d``: ``#1``), by which ``ltmt qa``
        names a lost one; none where the forms are shown as written."""
        if not self._counts_shown():
            return {}
        counts = {found.group(1) for form in self.branches for found in _COUNT.finditer(form)}
        return {f"%{number}$d": f"#{number}" for number in sorted(counts)}

    def _to_model(self, form: str) -> str:
        return _COUNT.sub(r"%\1$d", form) if self._counts_shown() else form

    def _from_model(self, form: str) -> str:
        return _MODEL_COUNT.sub(r"#\1", form) if self._counts_shown() else form

    def _counts_shown(self) -> bool:
        """Whether the forms' counts go to the model as ``%1$d``: no form has one of its own."""
        return not any(_MODEL_COUNT.search(form) for form in self.branches)

    def _parted(self, text: str) -> Choices | None:
        return _forms(text)


def plural_forms(value: str, *, announced: bool) -> PluralForms | None:
    """``value``'s forms where it is a plural list (module docstring): ``announced`` by a note,
    or every form holding ``#1``; None for a value that is text as written."""
    forms = _forms(value)
    if forms is None:
        return None
    if not announced and not all(_COUNT.search(form) for form in forms.branches):
        return None
    return forms


def _forms(text: str) -> PluralForms | None:
    """``text`` parted at its semicolons; None where it has none, or an empty form."""
    forms = text.split(SEPARATOR)
    if len(forms) < 2 or not all(form.strip() for form in forms):
        return None
    return PluralForms(tuple(forms), (SEPARATOR,) * (len(forms) - 1))
