"""Placeholders and inline tags: find them, carry them through translation, repair the output.

A placeholder is text a translation must carry over unchanged: printf conversions (``%s``,
``%1$d``, ``%-10s``, ``%.2f``, ``%lu``, ``%%``, ``%(name)s``, Qt's ``%1``), brace fields
(``{0}``, ``{name}``, ``{}``, ``{{ var }}``), inline XML/HTML tags (``<b>``, ``</b>``, ``<br/>``,
``<x id="1"/>``), character entities (``&amp;``) and backslash escapes (``\\n``).

The model sees placeholders as they are (the base model is trained on gettext messages that
contain them, and masks of our own invention would not survive SentencePiece's NFKC
normalisation and whitespace folding any better). What this module adds is the check and the
repair afterwards: :func:`restore` makes the output carry exactly the source's placeholders and
the source's leading/trailing whitespace and line structure, and says whether it had to repair.

    protected = protect(source)
    output = model(protected.text)
    restored = restore(protected, output)      # Restored(text, repaired, ok, problems)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "Placeholder",
    "PlaceholderReport",
    "Protected",
    "Restored",
    "extract_placeholders",
    "find_placeholders",
    "placeholder_matches",
    "protect",
    "restore",
    "split_lines",
]

_PRINTF = (
    r"%%"
    r"|%\([^()\s]+\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%<PRI[diouxX]\w*>"
    r"|%(?:[1-9]\d*\$)?[-+#0']*(?:\d+|\*(?:[1-9]\d*\$)?)?(?:\.(?:\d+|\*(?:[1-9]\d*\$)?))?"
    r"(?:hh|ll|I64|I32|[hlLqjzZtI])?[diouxXeEfFgGaAcCsSpnm]"
    r"|%[1-9]\d?(?!\d)"
)
_ATTRIBUTE = r"""\s+[\w:.-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>/=]+))?"""
_PATTERNS = {
    "tag": rf"</?[A-Za-z][\w:.-]*(?:{_ATTRIBUTE})*\s*/?>",
    "entity": r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
    "printf": _PRINTF,
    "brace": r"\{\{\s*[\w.]+\s*\}\}|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s][^{}]*|:)?\}",
    "escape": r"\\[nrt]",
}
_PLACEHOLDER = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS.items()))
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_TAG_NAME = re.compile(r"<(/?)([^\s/>]+)[^>]*?(/?)>$")
_PUNCT = " \t.,;:!?…)]\"'»«“”"
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?…)\]\"'»«“”]*$")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a text: ``text[start:end] == self.text``."""

    text: str
    kind: str
    start: int
    end: int

    @property
    def ordered(self) -> bool:
        """Whether its position carries meaning: a printf argument without a number or a name."""
        return (
            self.kind == "printf"
            and self.text != "%%"
            and "$" not in self.text
            and not self.text.startswith("%(")
            and not self.text[1:].isdigit()
        )


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder of ``text``, left to right, not overlapping."""
    return [
        Placeholder(m.group(), m.lastgroup or "", m.start(), m.end())
        for m in _PLACEHOLDER.finditer(text)
    ]


def extract_placeholders(text: str) -> list[str]:
    """The placeholder inventory of ``text``, in order (duplicates kept)."""
    return [m.group() for m in _PLACEHOLDER.finditer(text)]


def placeholder_matches(source: str, hypothesis: str) -> tuple[int, int]:
    """``(kept, total)``: how many of the source's placeholders the hypothesis has unchanged.

    Counted as multisets: a source with ``%s`` twice needs ``%s`` twice in the hypothesis.
    """
    wanted = Counter(extract_placeholders(source))
    found = Counter(extract_placeholders(hypothesis))
    return sum(min(count, found[text]) for text, count in wanted.items()), sum(wanted.values())


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """``(lines, breaks)`` with ``lines[0] + breaks[0] + lines[1] + ... == text``.

    ``breaks`` holds the exact line terminators (``\\n``, ``\\r\\n``, ``\\r``), so a translation
    made line by line can be put back with the same structure: :func:`join_lines`.
    """
    return _LINE_BREAK.split(text), _LINE_BREAK.findall(text)


def join_lines(lines: Iterable[str], breaks: Iterable[str]) -> str:
    """The inverse of :func:`split_lines`."""
    out: list[str] = []
    for line, brk in zip(lines, [*breaks, ""], strict=False):
        out.append(line)
        out.append(brk)
    return "".join(out)


@dataclass(frozen=True)
class Protected:
    """A source prepared for the model.

    ``text`` is what the model translates: the source without its leading and trailing
    whitespace (``prefix``/``suffix``), placeholders left as they are. ``placeholders`` is the
    inventory that :func:`restore` holds the output to.
    """

    source: str
    text: str
    prefix: str
    suffix: str
    placeholders: tuple[str, ...]


@dataclass(frozen=True)
class Restored:
    """The output made to fit its source.

    ``repaired``: placeholders had to be put back, removed or reordered. ``ok``: the text now
    has exactly the source's placeholders (and well-nested tags where the source's were), and is
    not empty. ``problems`` says what was wrong, for logs.
    """

    text: str
    repaired: bool
    ok: bool
    problems: tuple[str, ...] = ()


def protect(text: str) -> Protected:
    """Split off the edge whitespace of ``text`` and take its placeholder inventory."""
    match = _EDGES.match(text)
    assert match is not None  # the pattern matches every string
    prefix, core, suffix = match.groups()
    return Protected(text, core, prefix, suffix, tuple(extract_placeholders(text)))


def restore(protected: Protected, output: str) -> Restored:
    """Fit the model's ``output`` to the source: same edges, line breaks and placeholders.

    When source and output have the same number of lines, each line is repaired against its
    source line (the translator translates line by line); otherwise the whole text at once.
    Repairs: a placeholder the model garbled (``% s``, ``%S``, ``{ 0 }``) is put back in place;
    one that is missing is inserted where the source had it (start, before final punctuation,
    or at the end); duplicates and invented ones are removed (an invented one takes the place of a
    missing one of the same kind); non-positional printf conversions and paired tags are put
    back in the source's order.
    """
    if not output.strip() and protected.text:
        return Restored(output, repaired=False, ok=False, problems=("empty translation",))
    source_lines, breaks = split_lines(protected.source)
    output_lines, _ = split_lines(output)
    problems: list[str] = []
    if len(output_lines) == len(source_lines):
        lines = []
        for source_line, output_line in zip(source_lines, output_lines, strict=True):
            if not source_line.strip():
                lines.append(source_line)
                continue
            fixed, line_problems = repair_line(source_line.strip(), output_line.strip())
            prefix, suffix = _edges(source_line)
            lines.append(prefix + fixed + suffix)
            problems.extend(line_problems)
        text = join_lines(lines, breaks)
    else:
        joined = " ".join(line.strip() for line in output_lines if line.strip())
        fixed, problems = repair_line(protected.text, joined)
        text = protected.prefix + fixed + protected.suffix
    ok = Counter(extract_placeholders(text)) == Counter(protected.placeholders) and (
        _balanced(text) or not _balanced(protected.text)
    )
    return Restored(text, repaired=bool(problems), ok=ok, problems=tuple(problems))


def _edges(line: str) -> tuple[str, str]:
    match = _EDGES.match(line)
    assert match is not None
    return match.group(1), match.group(3)


@dataclass
class _Slot:
    """A placeholder position in the output being repaired (``text`` may change)."""

    text: str
    kind: str
    keep: bool = True


def repair_line(source: str, output: str) -> tuple[str, list[str]]:
    """Repair one line of output against one line of source; returns the text and the problems."""
    expected = find_placeholders(source)
    pieces: list[str | _Slot] = []
    position = 0
    for found in find_placeholders(output):
        pieces.append(output[position : found.start])
        pieces.append(_Slot(found.text, found.kind))
        position = found.end
    pieces.append(output[position:])
    if not expected and not any(isinstance(p, _Slot) for p in pieces):
        return output, []
    problems: list[str] = []
    remaining = Counter(p.text for p in expected)
    extras: list[_Slot] = []
    for slot in (p for p in pieces if isinstance(p, _Slot)):
        if remaining[slot.text] > 0:
            remaining[slot.text] -= 1
        else:
            extras.append(slot)
    missing = [p for p in expected if _take(remaining, p.text)]
    missing = _recover_garbled(pieces, missing, problems)
    for slot in extras:
        same_kind = next((p for p in missing if p.kind == slot.kind), None)
        if same_kind is not None:
            problems.append(f"{slot.text!r} instead of {same_kind.text!r}")
            slot.text = same_kind.text
            missing.remove(same_kind)
        else:
            problems.append(f"extra {slot.text!r}")
            slot.keep = False
    text = _render(pieces)
    for placeholder in missing:
        problems.append(f"missing {placeholder.text!r}")
        text = _insert(text, source, placeholder)
    reordered = _reorder(source, text)
    if reordered != text:
        problems.append("placeholders out of order")
    return reordered, problems


def _take(counter: Counter[str], key: str) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _recover_garbled(
    pieces: list[str | _Slot], missing: list[Placeholder], problems: list[str]
) -> list[Placeholder]:
    """Turn text such as ``% s``, ``%S`` or ``{ 0 }`` back into a missing placeholder, in place."""
    still_missing = []
    for placeholder in missing:
        loose = r"\s*".join(re.escape(char) for char in placeholder.text)
        if placeholder.text == "%%":
            loose = r"(?<!%)%(?:\s*%)?"  # the model wrote a lone "%"
        if placeholder.text[-1:].isalnum():
            loose += r"(?!\w)"
        pattern = re.compile(loose, re.IGNORECASE)
        for index, piece in enumerate(pieces):
            if isinstance(piece, str) and (match := pattern.search(piece)):
                pieces[index : index + 1] = [
                    piece[: match.start()],
                    _Slot(placeholder.text, placeholder.kind),
                    piece[match.end() :],
                ]
                problems.append(f"{match.group()!r} for {placeholder.text!r}")
                break
        else:
            still_missing.append(placeholder)
    return still_missing


def _render(pieces: list[str | _Slot]) -> str:
    """Join the pieces; where a slot was dropped, do not leave a double space behind."""
    out, dropped = "", False
    for piece in pieces:
        if isinstance(piece, _Slot):
            out += piece.text if piece.keep else ""
            dropped = not piece.keep
            continue
        if dropped and out.endswith(" ") and (not piece or piece[0] in _PUNCT):
            out = out[:-1]
        out += piece
        dropped = False
    return out.strip()


def _insert(text: str, source: str, placeholder: Placeholder) -> str:
    """Put a missing placeholder where the source had it: at the start, before the final
    punctuation, or (when it stood in the middle, where no position can be trusted) at the end."""
    if (
        placeholder.kind == "tag"
        and (spot := _beside_partner(text, source, placeholder)) is not None
    ):
        return text[:spot] + placeholder.text + text[spot:]
    before, after = source[: placeholder.start], source[placeholder.end :]
    if not before.strip():
        separator = " " if after[:1].isspace() else ""
        return placeholder.text + separator + text
    separator = " " if before[-1:].isspace() else ""
    if not after.strip():
        return text + separator + placeholder.text
    if not after.strip(_PUNCT):
        tail = _TRAILING_PUNCT.search(text)
        cut = tail.start() if tail else len(text)
        return text[:cut] + separator + placeholder.text + text[cut:]
    return text + " " + placeholder.text


def _beside_partner(text: str, source: str, tag: Placeholder) -> int | None:
    """Where a missing opening (closing) tag goes: as many words before (after) its partner tag
    in ``text`` as the source has between the two; ``None`` when there is no partner."""
    match = _TAG_NAME.match(tag.text)
    if match is None or match.group(3):
        return None
    closing, name = bool(match.group(1)), match.group(2).lower()
    tags = [p for p in find_placeholders(source) if p.kind == "tag"]
    partner_match = [p for p in tags if _tag_key(p.text) == (not closing, name)]
    if closing:
        partners = [p for p in partner_match if p.end <= tag.start]
        partner = partners[-1] if partners else None
    else:
        partner = next((p for p in partner_match if p.start >= tag.end), None)
    if partner is None:
        return None
    inside = source[partner.end : tag.start] if closing else source[tag.end : partner.start]
    count = len(_WORD.findall(inside))
    found = [p for p in find_placeholders(text) if p.text == partner.text]
    if not found:
        return None
    if closing:
        words = list(_WORD.finditer(text, found[-1].end))
        return words[min(count, len(words)) - 1].end() if count and words else found[-1].end
    words = list(_WORD.finditer(text, 0, found[0].start))
    return words[-min(count, len(words))].start() if count and words else found[0].start


def _tag_key(text: str) -> tuple[bool, str] | None:
    match = _TAG_NAME.match(text)
    if match is None or match.group(3):
        return None
    return bool(match.group(1)), match.group(2).lower()


def _reorder(source: str, text: str) -> str:
    """Put non-positional printf conversions, and tags that no longer nest, in source order."""
    expected, found = find_placeholders(source), find_placeholders(text)
    replacement: dict[int, str] = {}
    ordered_found = [p for p in found if p.ordered]
    ordered_expected = [p.text for p in expected if p.ordered]
    if [p.text for p in ordered_found] != ordered_expected and sorted(
        p.text for p in ordered_found
    ) == sorted(ordered_expected):
        replacement.update(
            (p.start, want) for p, want in zip(ordered_found, ordered_expected, strict=True)
        )
    if _balanced(source) and not _balanced(text):
        tags_found = [p for p in found if p.kind == "tag"]
        tags_expected = [p.text for p in expected if p.kind == "tag"]
        if sorted(p.text for p in tags_found) == sorted(tags_expected):
            replacement.update(
                (p.start, want) for p, want in zip(tags_found, tags_expected, strict=True)
            )
    if not replacement:
        return text
    out, position = [], 0
    for placeholder in found:
        out.append(text[position : placeholder.start])
        out.append(replacement.get(placeholder.start, placeholder.text))
        position = placeholder.end
    out.append(text[position:])
    return "".join(out)


def _balanced(text: str) -> bool:
    """Whether the paired tags of ``text`` (names that have a closing tag) nest properly."""
    tags = []
    for placeholder in find_placeholders(text):
        match = _TAG_NAME.match(placeholder.text) if placeholder.kind == "tag" else None
        if match:
            closing, name, self_closing = match.groups()
            tags.append((bool(closing), name.lower(), bool(self_closing)))
    paired = {name for closing, name, _ in tags if closing}
    stack: list[str] = []
    for closing, name, self_closing in tags:
        if name not in paired or self_closing:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


@dataclass
class PlaceholderReport:
    """Counts over a run: how many segments needed a placeholder repair, and how many failed."""

    segments: int = 0
    with_placeholders: int = 0
    repaired: int = 0
    failed: int = 0
    examples: list[str] = field(default_factory=list)
    max_examples: int = 10

    def add(self, protected: Protected, restored: Restored) -> None:
        """Count one restored segment."""
        self.segments += 1
        self.with_placeholders += bool(protected.placeholders)
        self.repaired += restored.repaired
        self.failed += not restored.ok
        if (restored.repaired or not restored.ok) and len(self.examples) < self.max_examples:
            what = "; ".join(restored.problems) or "not repairable"
            self.examples.append(f"{protected.source[:60]!r}: {what}")

    def merge(self, other: PlaceholderReport) -> None:
        """Add ``other``'s counts to these."""
        self.segments += other.segments
        self.with_placeholders += other.with_placeholders
        self.repaired += other.repaired
        self.failed += other.failed
        self.examples.extend(other.examples[: max(0, self.max_examples - len(self.examples))])

    def summary(self) -> str:
        """One line for the end of a run."""
        return (
            f"placeholders: {self.with_placeholders} of {self.segments} segments have some, "
            f"{self.repaired} repaired, {self.failed} could not be repaired"
        )

    def as_dict(self) -> dict[str, int]:
        """The counts, for JSON reports."""
        return {
            "segments": self.segments,
            "with_placeholders": self.with_placeholders,
            "repaired": self.repaired,
            "failed": self.failed,
        }
