"""Stand-ins for a translation model in the format tests (imported as a top-level module)."""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.formats.placeholders import find_placeholders


def fake_translate(text: str) -> str:
    """A stand-in model: upper-cases the words, leaves placeholders as they are."""
    out, position = [], 0
    for placeholder in find_placeholders(text):
        out.append(text[position : placeholder.start].upper())
        out.append(placeholder.text)
        position = placeholder.end
    out.append(text[position:].upper())
    return "".join(out)


class FakeModel:
    """Upper-cases; drops ``%s`` when asked to; is interrupted after ``fail_after`` calls."""

    def __init__(self, drop: bool = False, fail_after: int | None = None) -> None:
        self.drop = drop
        self.fail_after = fail_after
        self.calls = 0
        self.seen: list[str] = []

    def __call__(self, texts: list[str], prefer: list[dict] | None = None) -> Sequence[str]:
        if self.fail_after is not None and self.calls >= self.fail_after:
            raise KeyboardInterrupt  # an interruption, as a user's Ctrl-C
        self.calls += 1
        self.seen.extend(texts)
        outputs = [fake_translate(t) for t in texts]
        return [o.replace("%s", "") if self.drop else o for o in outputs]
