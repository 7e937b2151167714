"""What a subtitle cue's text carries beside its words, set aside for the model and put back
into the translation:

- a formatting tag around all of a cue's text (``<i>...</i>``, ``<font color="#ffff00">...
  </font>``, around the whole or alike around each line): :func:`wrapper`; where every cue of a
  group has the same one, the group is translated without it and each output line is wrapped
  again (the model's words fell outside the italics, and a cut fell inside ``<font color=...>``);
- WebVTT's karaoke timestamps (``<00:00:01.000>Never <00:00:02.000>gonna``), and the ASS
  override blocks a SubRip cue may hold (``{\\an8}`` a caption at the top, ``{\\i1}``,
  ``{\\pos(320,50)}``, any ``{\\...}``): the model dropped the words after a timestamp and
  garbled ``{\\an8}[door slams]`` (``[Dor-Slams]``), which no memory matched; they are left out
  (:func:`unmarked`) and put back between the words of the translation by the share of the
  words each stood before (:func:`marked`); a cue with a position tag is a sign, a caption or
  a scene's dialogue placed apart, part of a neighbour's sentence only where the neighbour has
  the same position tag (:func:`position`);
- a dialogue line's speaker: a dash (``- Fine.``) or a WebVTT voice span around the line
  (``<v Mary>Where is the key?</v>``): :func:`speaker`.

WebVTT's start tags with classes or an annotation (``<c.highlight>``, ``<b.red>``, ``<v.loud
Mary>``, ``<lang de>``) are read as the HTML that WebVTT's rules for its DOM make of them
(``<c class="highlight">``, ``<b class="red">``, ``<v class="loud" title="Mary">``, ``<lang
lang="de">``) and written back (:func:`cue_tags_as_html`, :func:`cue_tags_as_webvtt`): the
tags of every format's pipeline are HTML's (:mod:`ltmt.formats.placeholder_syntax`), in which
``<c.highlight>`` is no tag of the ``</c>`` that ends it, so the model got it as words and
lost it, leaving the ``</c>`` alone and the words inside in English.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ltmt.formats.subtitle_lines import split_over, too_long

_TIMESTAMP = re.compile(r"<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>")
OVERRIDE = re.compile(r"\{\\[^{}]*\}")  # an ASS override block: {\an8}, {\i1}, {\pos(x,y)}
# a subtitle pair's metadata where its sides' override blocks differ: {"source": [...], "target":
# [...]}, which ``ltmt qa``'s placeholders check reads (the pair's texts are without them)
OVERRIDE_BLOCKS = "override_blocks"
_SET_ASIDE = re.compile(f"{_TIMESTAMP.pattern}|{OVERRIDE.pattern}")
# an override block that places its cue: {\an8}, {\a6}, {\pos(320,50)}, {\move(...)}
_POSITION = re.compile(r"\{[^{}]*\\(?:an?\d|pos\(|move\()[^{}]*\}")
_WRAPPED = re.compile(r"(<(i|b|u|font)(?:\s[^<>]*)?>)(.*)(</\2>)", re.IGNORECASE | re.DOTALL)
# a formatting tag's opening or closing, which a cue's line may close and the next open again
# alike (the writer wraps each line of a wrapped cue: ``<font color=...>``, WebVTT's ``<c.x>``)
_SPAN_TAG = re.compile(r"<(/?)(i|b|u|font|c)(?:[.\s][^<>]*)?>", re.IGNORECASE)
_DASH = re.compile(r"^\s*-\s*")
_VOICE_LINE = re.compile(r"(<v(?:\.[\w-]+)*(?:[ \t][^<>\n]*)?>)(.*?)(</v>)?", re.DOTALL)
_DASHED_LINES = re.compile(r"(?:^|\s)-\s+")
# WebVTT's cue span start tags: their name, classes and annotation
_SPAN_NAMES = r"(?:c|i|b|u|v|lang|ruby|rt)"
_WEBVTT_START = re.compile(
    rf"<(?P<name>{_SPAN_NAMES})(?P<classes>(?:\.[^\s.<>]+)*)"
    r"(?:[ \t]+(?P<annotation>[^<>\n]*?))?[ \t]*>"
)
_HTML_START = re.compile(
    rf'<(?P<name>{_SPAN_NAMES})(?P<attributes>(?:\s+(?:class|title|lang)="[^"]*")+)\s*>'
)
_ATTRIBUTE = re.compile(r'(class|title|lang)="([^"]*)"')
_QUOTE, _QUOTE_REFERENCE = '"', "&quot;"  # a quote mark in an annotation, in an attribute


@dataclass(frozen=True)
class Wrapper:
    """A formatting tag around all of a cue's text: its opening and its closing tag."""

    opening: str
    closing: str

    def strip(self, text: str) -> str:
        """``text`` without this tag (it holds no other tag of its name: :func:`wrapper`)."""
        return text.replace(self.opening, "").replace(self.closing, "")

    def around(self, line: str) -> str:
        return f"{self.opening}{line}{self.closing}" if line else line


def wrapper(lines: list[str]) -> Wrapper | None:
    """The formatting tag around all the text of a cue of ``lines``, around the whole or the same
    around each line; None where there is none (or it is not one tag of its name)."""
    texts = [line.strip() for line in lines if line.strip()]
    whole = _wrapped("\n".join(texts))
    if whole is not None or not texts:
        return whole
    each = {_wrapped(text) for text in texts}
    return each.pop() if len(each) == 1 else None


def _wrapped(text: str) -> Wrapper | None:
    found = _WRAPPED.fullmatch(text)
    if found is None or re.search(rf"</?{found.group(2)}\b", found.group(3), re.IGNORECASE):
        return None
    return Wrapper(found.group(1), found.group(4))


def one_span(lines: list[str]) -> str:
    """A cue's text (its lines joined by spaces) with a formatting tag closed at a line's end
    and opened again, alike, at the next line's start read as one span over the line break:
    ``<i>so deep,</i>`` / ``<i>and the night is long.</i>`` and ``<i>so deep,`` / ``and the
    night is long.</i>`` display alike (so do ``<b>``, ``<u>``, ``<font ...>`` and ``<c ...>``)."""
    text = "\n".join(line.strip() for line in lines if line.strip())
    joined, start = [], 0
    last_opening: dict[str, str] = {}
    for tag, following in itertools.pairwise(_SPAN_TAG.finditer(text)):
        name = tag.group(2).lower()
        if not tag.group(1):
            last_opening[name] = tag.group()
        # opened again as the span closed was opened, attributes and all (``<font
        # color="red">`` after ``<font color="blue">`` is another span)
        elif (
            text[tag.end() : following.start()] == "\n"
            and following.group(2).lower() == name
            and last_opening.get(name) == following.group()
        ):
            joined.append(text[start : tag.start()])
            start = following.end()
    joined.append(text[start:])
    return "\n".join(joined).replace("\n", " ")


def line_span(text: str, source: list[str]) -> list[str] | None:
    """A cue's translation ``text`` in two lines where one of its ``source`` lines is wholly in
    a formatting tag (a voice-over's ``<i>every single night.</i>``) and the other has none:
    the words of the translation's one span of that tag on their own line, all of them in it
    (the model's ``<i>jeden einzelnen</i> Abend.`` shrank the italics to part of the line);
    None where the translation has no such one span or a line would pass the line limit."""
    shown = [line.strip() for line in source if line.strip()]
    if len(shown) != 2:
        return None
    spans = [_wrapped(line) for line in shown]
    index = 0 if spans[0] is not None else 1
    span, other = spans[index], shown[1 - index]
    if span is None or spans[1 - index] is not None or _SPAN_TAG.search(other):
        return None
    if text.count(span.opening) != 1 or text.count(span.closing) != 1:
        return None
    start, end = text.index(span.opening), text.index(span.closing) + len(span.closing)
    if start > end:
        return None
    if index == 0:
        spanned, plain = span.strip(text[:end]).strip(), text[end:].strip()
    else:
        plain, spanned = text[:start].strip(), span.strip(text[start:]).strip()
    if not spanned or not plain:
        return None
    lines = [span.around(spanned), plain] if index == 0 else [plain, span.around(spanned)]
    return None if too_long(lines) else lines


def unmarked(text: str) -> str:
    """``text`` without its karaoke timestamps and override blocks (and the spaces they stood
    between, one)."""
    return re.sub(" {2,}", " ", _SET_ASIDE.sub("", text)).strip()


def marked(translation: str, source: str) -> str:
    """``translation`` with the karaoke timestamps and override blocks of its cue's ``source``
    put back in their order, each before the words whose share of the translation follows the
    share of the source's words it stood before (no word is lost where there are fewer words
    than marks); an override block with the spaces the source has around it."""
    stamps = list(_SET_ASIDE.finditer(source))
    if not stamps:
        return translation
    pieces = [piece.strip() for piece in _SET_ASIDE.split(source)]
    worded = [index for index, piece in enumerate(pieces) if piece]
    if not worded:
        return translation + "".join(stamp.group() for stamp in stamps)
    parts = [""] * len(pieces)
    for index, part in zip(worded, split_over(translation, [len(pieces[i]) for i in worded])):
        parts[index] = part
    text = parts[0]
    for stamp, part in zip(stamps, parts[1:]):
        # an override block keeps the spaces the source has around it (a timestamp, one before)
        block = OVERRIDE.fullmatch(stamp.group()) is not None
        before = text and (not block or source[: stamp.start()][-1:].isspace())
        after = part and block and source[stamp.end() :][:1].isspace()
        text += (" " if before else "") + stamp.group() + (" " if after else "") + part
    return text


def position(text: str) -> tuple[str, ...]:
    """The override blocks of ``text`` (a cue's) that place it (``("{\\an8}",)``), in their
    order; none for a cue where the player puts it."""
    return tuple(_POSITION.findall(text))


def override_blocks(source: str, target: str) -> dict[str, Any]:
    """A subtitle pair's metadata (:data:`OVERRIDE_BLOCKS`) where the override blocks of
    ``source`` and ``target`` (its cues' texts) differ; none where they are alike."""
    ours, theirs = OVERRIDE.findall(source), OVERRIDE.findall(target)
    if Counter(ours) == Counter(theirs):
        return {}
    return {OVERRIDE_BLOCKS: {"source": ours, "target": theirs}}


def override_problems(metadata: Mapping[str, Any]) -> list[str]:
    """The override blocks a subtitle pair's target lacks or adds, as its ``metadata`` records
    them (:func:`override_blocks`): ``lacks the position tag {\\an8}``."""
    blocks = metadata.get(OVERRIDE_BLOCKS)
    if not isinstance(blocks, Mapping):
        return []
    ours, theirs = Counter(blocks.get("source") or ()), Counter(blocks.get("target") or ())
    said = [
        ("lacks", ours - theirs, ""),
        ("adds", theirs - ours, ", which the source does not have"),
    ]
    return [
        f"{verb} the {_block_kind(block)} {block}{tail}"
        for verb, blocks_of, tail in said
        for block in blocks_of
    ]


def _block_kind(block: str) -> str:
    return "position tag" if _POSITION.fullmatch(block) else "override tag"


def speaker(line: str) -> tuple[str, str, str] | None:
    """A dialogue line's speaker mark before and after its words, and the words:
    ``("- ", "Fine.", "")``, ``("<v Mary>", "Where is the key?", "</v>")``; None for a line
    without one."""
    dash = _DASH.match(line)
    if dash is not None:
        return dash.group(0), line[dash.end() :].strip(), ""
    voice = _VOICE_LINE.fullmatch(line.strip())
    if voice is None or re.search(r"</?v\b", voice.group(2)):
        return None
    return voice.group(1), voice.group(2).strip(), voice.group(3) or ""


def dialogue_lines(lines: list[str]) -> list[str] | None:
    """The words of each speaker of a cue of ``lines``: one a line (:func:`speaker`), or, where
    a translator ran them over the lines (``- Kommst du`` / ``mit? - Ja.``), cut at each dash
    that starts a line or follows a space; None where the cue is not dialogue."""
    spoken = [speaker(line) for line in lines if line.strip()]
    if len(spoken) > 1 and all(spoken):
        return [words for _, words, _ in filter(None, spoken)]
    text = " ".join(line.strip() for line in lines if line.strip())
    if not _DASH.match(text):
        return None
    said = [part.strip() for part in _DASHED_LINES.split(text) if part.strip()]
    return said if len(said) > 1 else None


def cue_tags_as_html(text: str) -> str:
    """``text`` (a WebVTT cue's) with each start tag that has classes or an annotation written
    as HTML's: its classes as ``class``, a language span's annotation as ``lang``, any other's
    (a voice's speaker) as ``title``; those without either stay as they are (``<c>``)."""
    return _WEBVTT_START.sub(_as_html, text)


def cue_tags_as_webvtt(text: str) -> str:
    """``text`` with the start tags :func:`cue_tags_as_html` wrote as HTML's written as
    WebVTT's again (``<c class="yellow bg_blue">``: ``<c.yellow.bg_blue>``)."""
    return _HTML_START.sub(_as_webvtt, text)


def _as_html(found: re.Match[str]) -> str:
    """The HTML start tag of the WebVTT one ``found`` (:data:`_WEBVTT_START`)."""
    classes, annotation = found["classes"], found["annotation"]
    if not classes and not annotation:
        return found.group()
    attributes = {"class": " ".join(classes.split(".")[1:])} if classes else {}
    if annotation:
        attributes["lang" if found["name"] == "lang" else "title"] = annotation
    written = "".join(
        f' {key}="{value.replace(_QUOTE, _QUOTE_REFERENCE)}"' for key, value in attributes.items()
    )
    return f"<{found['name']}{written}>"


def _as_webvtt(found: re.Match[str]) -> str:
    """The WebVTT start tag of the HTML one ``found`` (:data:`_HTML_START`)."""
    attributes = dict(_ATTRIBUTE.findall(found["attributes"]))
    classes = "".join(f".{name}" for name in attributes.get("class", "").split())
    annotation = attributes.get("lang") or attributes.get("title") or ""
    spaced = " " + annotation.replace(_QUOTE_REFERENCE, _QUOTE) if annotation else ""
    return f"<{found['name']}{classes}{spaced}>"
