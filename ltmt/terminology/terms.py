"""The glossary term: one source term and the target term it must be translated by."""

from __future__ import annotations

from dataclasses import dataclass

from ltmt.errors import InputError
from ltmt.flag_values import checked_flag
from ltmt.terminology.genders import named_gender
from ltmt.text import text_list

MAX_TERM_CHARS = 200  # a term is a word or a phrase; longer text belongs in the memory


def fold_term(text: str) -> str:
    """``text`` with runs of whitespace folded to one space and the ends stripped."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Term:
    """``source`` is translated by ``target``.

    A term matches its source text case-insensitively unless ``case_sensitive`` (then the case
    must be as written, e.g. the product name "Git" but not the verb "git"). ``note`` is free text
    for the translator (a definition, where the term comes from). ``forbidden``: target terms
    not to use for it (a TBX entry's deprecated, superseded or forbidden ones), which ``ltmt
    qa`` flags where a translation of the source uses them; decoding does not read them.
    ``gender``: the German gender of the target's noun (``m``, ``f``, ``n``; ``""`` unsaid;
    given as :func:`~ltmt.terminology.genders.named_gender` reads it: ``das``, ``neuter``),
    used before the genders table's (:func:`~ltmt.terminology.genders.gender_of`).
    """

    source: str
    target: str
    note: str = ""
    case_sensitive: bool = False
    forbidden: tuple[str, ...] = ()
    gender: str = ""

    def __post_init__(self) -> None:
        for side in ("source", "target"):
            object.__setattr__(self, side, _folded_side(side, getattr(self, side)))
        if self.note is None:  # no note
            object.__setattr__(self, "note", "")
        if not isinstance(self.note, str):
            raise InputError(f"a glossary term's note must be a string, got {_kind(self.note)}")
        sensitive = checked_flag(self.case_sensitive, "a glossary term's case_sensitive")
        object.__setattr__(self, "case_sensitive", sensitive)
        object.__setattr__(self, "note", fold_term(self.note))
        # one string is one term, not its letters (which qa flagged one by one)
        forbidden = () if self.forbidden is None else self.forbidden
        named = text_list(forbidden, "a glossary term's forbidden")
        kept = (fold_term(text) for text in named)
        object.__setattr__(self, "forbidden", tuple(dict.fromkeys(t for t in kept if t)))
        if not isinstance(self.gender, str | None):
            raise InputError(f"a glossary term's gender must be a string, got {_kind(self.gender)}")
        object.__setattr__(self, "gender", named_gender(self.gender or ""))

    @property
    def key(self) -> str:
        """What identifies the term in a glossary: its source, casefolded unless case-sensitive
        (so a case-sensitive "Git" and a case-insensitive "git" are two terms)."""
        return ("=" + self.source) if self.case_sensitive else ("~" + self.source.casefold())

    def to_json(self) -> dict[str, object]:
        """The term as stored (``forbidden`` and ``gender`` only where it has them)."""
        row: dict[str, object] = {
            "source": self.source,
            "target": self.target,
            "note": self.note,
            "case_sensitive": self.case_sensitive,
        }
        if self.forbidden:
            row["forbidden"] = list(self.forbidden)
        if self.gender:
            row["gender"] = self.gender
        return row

    @classmethod
    def from_json(cls, row: dict[str, object]) -> Term:
        return cls(
            source=str(row["source"]),
            target=str(row["target"]),
            note=str(row.get("note", "")),
            case_sensitive=bool(row.get("case_sensitive", False)),
            forbidden=tuple(str(text) for text in _listed(row.get("forbidden"))),
            gender=str(row.get("gender") or ""),
        )


def _kind(value: object) -> str:
    return type(value).__name__


def _folded_side(side: str, value: object) -> str:
    """A term's ``side`` (``source``, ``target``) ``value`` with its whitespace folded; one that
    is no string, empty or longer than :data:`MAX_TERM_CHARS` is an InputError."""
    if not isinstance(value, str):
        raise InputError(f"a glossary term's {side} must be a string, got {_kind(value)}")
    folded = fold_term(value)
    if not folded:
        raise InputError(f"a glossary term needs a non-empty {side}")
    if len(folded) > MAX_TERM_CHARS:
        raise InputError(
            f"glossary {side} {folded[:40]!r}... has {len(folded)} characters; "
            f"a term may have at most {MAX_TERM_CHARS}"
        )
    return folded


def _listed(value: object) -> list[object]:
    """``value`` if it is a list (a stored term's ``forbidden``), else none."""
    return value if isinstance(value, list) else []
