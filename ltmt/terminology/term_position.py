"""A glossary target tacked on at the end of an output, away from where its source has it.

Decoding under the glossary constraint (:mod:`ltmt.terminology.constraints`) makes every output
carry its targets, but where the model had finished its sentence without the term, the target
comes last: ``Upgrade to Pro today.`` came out ``Heute Upgrade neu starten Pro.`` (the term is in
the middle of its source). Placement already refuses a target after the final full stop
(:mod:`ltmt.terminology.placement`); one before it reads as a translation, and nothing said so.
:func:`tacked_on` finds such outputs, which ``translate``'s summary counts (check them).

The signs, all needed: the output's last word before its closing punctuation is the target,
written there only; the source has words after the term; the target is capitalised (a German
noun or a name: a verb ends a German clause by right, ``..., die Sie heute committen``); and the
word before it is no preposition, article or auxiliary
(:data:`~ltmt.terminology.function_words.FUNCTION_WORDS`), so that ``Upgraden Sie heute auf Pro`` is
not flagged. A target written as a sentence of its own after the output's last full stop
(``Dodging kosten-Samina. Stamina.`` for ``Dodging costs stamina.``) is flagged whatever the
source has after the term, unless the source too starts a sentence with it. Of the terminology
benchmark's 100 test lines (dev users, 20 each) the model alone ended none so; with the glossary
two, both tacked on (``Fehler beim Schreiben des Objekts Commit``, ``Systemmenü-Datei Menü:
»``): no false alarm, counted by hand.

:func:`leftovers` finds the other sign of a target put in by force: beside it, what is left of
the model's own rendering of the term, which placement could not take away
(:mod:`ltmt.terminology.placement` drops what it can): a part of an English word joined to it
(``offenlegende Partei-zeiving``), a word of the term's source beside it that is no German word
(``empfangende Partei Party``), a half-written word that is neither German nor the input's
(``Rezeiving offenlegende Partei``), or the term's last source word after it at the output's
end (the particle of "Sign in": ``Anmelden in``). A placeholder's letters are none (the ``d`` of
``%d Schaltfläche``, an ICU plural's ``#`` as the model gets it). ``translate``'s summary
counts them.

:func:`past_closing_placeholder` finds words an output writes after the closing block or tag
that ends its source's text (``...zu erhalten.{{/if}} Workspace zu erhalten``: a Handlebars
e-mail's words outside its ``{{#if}}`` block, rendered for every customer; an e-mail template's
trial, session 68): no placement, and no decode held to write a term, may put them there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ltmt.formats.placeholder_syntax import find_placeholders, has_words, tag_parts
from ltmt.terminology.fragments import garbled, half_written, no_german_word
from ltmt.terminology.function_words import FUNCTION_WORDS
from ltmt.terminology.matching import TermHit, words

# what may close a sentence after its last word: punctuation, quotes, brackets
_CLOSING = " \t.!?…:;,\"'»«“”„)]"
_SENTENCE_END = (".", "!", "?", "…")


def tacked_on(source: str, output: str, hits: Sequence[TermHit]) -> list[TermHit]:
    """Those of ``hits`` (the glossary terms of ``source``) whose target ``output`` writes only
    as its last word, though the source has words after the term (module docstring)."""
    body = output.rstrip(_CLOSING)
    past = past_closing_placeholder(source, output)
    found: list[TermHit] = []
    for hit in hits:
        target = hit.term.target
        if past and re.search(rf"(?<!\w){re.escape(target)}(?!\w)", past):
            found.append(hit)  # outside the block or tag its source's text ends in
            continue
        before = body[: -len(target)]
        if not body.endswith(target) or target in before or not before[-1:].isspace():
            continue
        if before.rstrip().endswith(_SENTENCE_END) and not source[: hit.start].rstrip().endswith(
            _SENTENCE_END
        ):  # a sentence of its own after the output's end: "kosten-Samina. Stamina."
            found.append(hit)
            continue
        if not target[:1].isupper() or not words(source[hit.end :]):
            continue
        previous = words(before)
        if previous and previous[-1].casefold() not in FUNCTION_WORDS:
            found.append(hit)
    return found


# a template's closing block (Handlebars' and Mustache's ``{{/if}}``, ``{{~/each~}}``, Liquid's
# and Jinja's ``{% endif %}``)
_CLOSING_BLOCK = re.compile(r"\{\{~?/[^{}]*\}\}|\{%-?\s*end\w*[^{}%]*%\}")


def past_closing_placeholder(source: str, output: str) -> str:
    """The words ``output`` writes after the last placeholder of ``source`` where ``source``
    has no words after it and it is a template's closing block (``{{/if}}``, ``{% endif %}``:
    its text ends inside it) or follows the end of its last sentence (``keep your
    workspace.<x2/>``, the tag the model gets for ``{{/if}}``: :func:`ltmt.pictographs.set_aside`);
    ``""`` where there are none, or no such placeholder. A link's closing tag (``</a>``) is
    none: a link renders for every reader, and the model may move it in the sentence."""
    found = find_placeholders(source)
    if not found or has_words(source[found[-1].end :]):
        return ""
    last = found[-1].text
    if not _CLOSING_BLOCK.fullmatch(last):
        parts = tag_parts(last) if found[-1].kind == "tag" else None
        if parts is not None and parts.closing:
            return ""
        if not source[: found[-1].start].rstrip().endswith(_SENTENCE_END):
            return ""
    at = output.rfind(last)
    tail = output[at + len(last) :] if at >= 0 else ""
    return tail.strip() if has_words(tail) else ""


# a word beside a target: before it (group 1) or after it (group 2, its separator group 3)
_BEFORE = r"([^\W\d_]+)\s+$"
_AFTER = r"^(-|\s+)([^\W\d_]+)"


def leftovers(source: str, output: str, hits: Sequence[TermHit]) -> list[TermHit]:
    """Those of ``hits`` (the glossary terms of ``source``) whose target ``output`` writes
    beside a fragment of the model's own rendering of the term (module docstring)."""
    return [hit for hit in hits if _leftover(source, output, hit, hits) is not None]


def leftover_words(source: str, output: str, hits: Sequence[TermHit]) -> list[str]:
    """The fragments :func:`leftovers` finds, as ``output`` writes them (``Nahr`` of ``Nahr
    Tabs nach dem Speichern``), one for each hit that has one, each once."""
    found = (_leftover(source, output, hit, hits) for hit in hits)
    return list(dict.fromkeys(word for word in found if word is not None))


def _leftover(source: str, output: str, hit: TermHit, hits: Sequence[TermHit]) -> str | None:
    """The first word of ``output`` beside ``hit``'s target that is left of the model's own
    rendering of the term (module docstring); None where there is none. A place of the
    target inside a longer target of another of ``hits`` is that one's: ``Not-Halt`` in
    ``Not-Halt-Taster`` ('emergency stop button') had its ``Taster`` reported a leftover."""
    said = {w.casefold() for w in words(source[hit.start : hit.end])}
    target = hit.term.target
    written = r"\s+".join(re.escape(w) + "(?:e|n|en|s|es|r|m)?" for w in target.split())
    # a placeholder's letters are none of the model's words (the d of %d, an ICU plural's #)
    fields = [(found.start, found.end) for found in find_placeholders(output)]
    longer = {other.term.target for other in hits if len(other.term.target) > len(target)}
    others = [
        found.span()
        for text in longer
        for found in re.finditer(rf"(?<!\w){re.escape(text)}", output, re.IGNORECASE)
    ]
    for match in re.finditer(rf"(?<!\w){written}(?!\w)", output, re.IGNORECASE):
        if _in_field(match.start(), others):
            continue
        before = re.search(_BEFORE, output[: match.start()])
        after = re.search(_AFTER, output[match.end() :])
        if before is not None and _in_field(before.start(1), fields):
            before = None
        if after is not None and _in_field(match.end() + after.start(2), fields):
            after = None
        rest = output[match.end() + (after.end() if after else 0) :]
        if before is not None and garbled(before.group(1), source):
            return str(before.group(1))
        if after is not None and _left_after(after, rest, said, source):
            return str(after.group(2))
    return None


def _in_field(at: int, fields: list[tuple[int, int]]) -> bool:
    """Whether the character at ``at`` is in one of ``fields`` (placeholders' or longer
    targets' spans)."""
    return any(start <= at < end for start, end in fields)


def _left_after(after: re.Match[str], rest: str, said: set[str], source: str) -> bool:
    """Whether the word ``after`` matched right after a target (``rest``: the output after it)
    is left of the term's rendering: joined by a hyphen and half written, a word of the
    term's source (``said``) that is no German word or ends the output, or half written."""
    word = after.group(2)
    if after.group(1) == "-":  # Partei-zeiving, not Cursor-Position
        return half_written(word)
    if word.casefold() in said:
        return no_german_word(word) or not words(rest)
    return garbled(word, source)
