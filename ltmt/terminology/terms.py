"""The glossary term: one source term and the target term it must be translated by."""

from __future__ import annotations

from dataclasses import dataclass

from ltmt.errors import InputError

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
    """

    source: str
    target: str
    note: str = ""
    case_sensitive: bool = False
    forbidden: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for side in ("source", "target"):
            if not isinstance(getattr(self, side), str):
                kind = type(getattr(self, side)).__name__
                raise InputError(f"a glossary term's {side} must be a string, got {kind}")
            value = fold_term(getattr(self, side))
            if not value:
                raise InputError(f"a glossary term needs a non-empty {side}")
            if len(value) > MAX_TERM_CHARS:
                raise InputError(
                    f"glossary {side} {value[:40]!r}... has {len(value)} characters; "
                    f"a term may have at most {MAX_TERM_CHARS}"
                )
            object.__setattr__(self, side, value)
        object.__setattr__(self, "note", " ".join(self.note.split()))
        kept = (fold_term(text) for text in self.forbidden)
        object.__setattr__(self, "forbidden", tuple(dict.fromkeys(t for t in kept if t)))

    @property
    def key(self) -> str:
        """What identifies the term in a glossary: its source, casefolded unless case-sensitive
        (so a case-sensitive "Git" and a case-insensitive "git" are two terms)."""
        return ("=" + self.source) if self.case_sensitive else ("~" + self.source.casefold())

    def to_json(self) -> dict[str, object]:
        """The term as stored (``forbidden`` only where it has some)."""
        row: dict[str, object] = {
            "source": self.source,
            "target": self.target,
            "note": self.note,
            "case_sensitive": self.case_sensitive,
        }
        if self.forbidden:
            row["forbidden"] = list(self.forbidden)
        return row

    @classmethod
    def from_json(cls, row: dict[str, object]) -> Term:
        return cls(
            source=str(row["source"]),
            target=str(row["target"]),
            note=str(row.get("note", "")),
            case_sensitive=bool(row.get("case_sensitive", False)),
            forbidden=tuple(str(text) for text in _listed(row.get("forbidden"))),
        )


def _listed(value: object) -> list[object]:
    """``value`` if it is a list (a stored term's ``forbidden``), else none."""
    return value if isinstance(value, list) else []
