"""What Yarn Spinner's replacement markers (:mod:`ltmt.formats.yarn_markup`) and Unreal's
argument modifiers (:mod:`ltmt.formats.unreal_modifiers`) share as form-by-form expressions of
:mod:`ltmt.formats.smart_format`: a named marker (``plural``, ``select``, ``gender``,
``ordinal``) whose forms are translated each alone, or fixed as the target language writes
them, and written back in its own syntax (:meth:`FormMarker.written`, each kind's
:meth:`FormMarker._syntax`).
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Sequence

from ltmt.formats.common import primary_language

# every ordinal form, by the target language: German writes 3. for third (first, second alike)
ORDINAL_FORMS = {"de": "%."}


def ordinal_form(tgt_lang: str) -> str | None:
    """How ``tgt_lang`` writes every ordinal (:data:`ORDINAL_FORMS`, ``%`` the number); ``None``
    for another language or none."""
    return ORDINAL_FORMS.get(primary_language(tgt_lang)) if tgt_lang else None


@dataclasses.dataclass(frozen=True)
class FormMarker(ABC):
    """One marker with forms: ``text[start:end]``, its ``name`` (``plural``) and ``forms``, one
    per key of the marker's own syntax."""

    start: int
    end: int
    name: str
    forms: tuple[str, ...]
    # its forms in the target language, not translated
    fixed: tuple[str, ...] | None = dataclasses.field(default=None, kw_only=True)

    @property
    def field(self) -> str:
        """The marker as a field in the sentence the model gets (``{plural}``)."""
        return "{" + self.name + "}"

    @property
    def to_translate(self) -> tuple[str, ...]:
        """The forms the model translates, each alone: none where they are :attr:`fixed`."""
        return () if self.fixed is not None else self.forms

    def written(self, forms: Sequence[str]) -> str:
        """The marker with ``forms`` (one per form; its :attr:`fixed` ones where it has them)
        in place of its own."""
        forms = self.fixed if self.fixed is not None else forms
        if len(forms) != len(self.forms):
            raise ValueError(f"{len(forms)} forms for {len(self.forms)}")
        return self._syntax(forms)

    @abstractmethod
    def _syntax(self, forms: Sequence[str]) -> str:
        """The marker as its syntax writes it with ``forms``, as many as its own."""
