"""A Markdown paragraph's inline text as the model sees it, and back.

Markdown's inline syntax would reach the model as punctuation it garbles (``**``, ``[...](...)``,
backticks). So a block's inline tokens (markdown-it's) are written as the HTML every format's
pipeline already handles (:mod:`ltmt.formats.paired_tags`): ``**bold**`` as ``<b>bold</b>``,
``*em*`` as ``<i>``, ``~~del~~`` as ``<s>``, a link as ``<a href="url" title="t">text</a>``
(its text translated apart and put back around the matching words; an autolink,
``<https://...>``, written back as one), a code span as ``<code>...</code>`` (kept as
written; a template tag, ``{{< note >}}``, as ``<code data-md="raw">``, written back without
backticks; a Hugo shortcode pair around plain text, ``{{< button >}}Sign up{{< /button >}}``,
as an element ``<sc data-md="..." data-end="...">`` around it; keys joined by ``+``, ``{{< kbd
>}}Ctrl{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}}``, as one ``<code data-md="raw">``: both
:mod:`ltmt.formats.markdown_shortcodes`), an image
as ``<img src="..." alt="..."/>`` (a reference image, ``![Logo][logo]``, written back as
one) and a hard line break as ``<br/>`` (placeholders the model keeps); escapes (``\\*``)
and inline HTML stay as written, and character references go to the model as their
characters (``&rsquo;``; ``&nbsp;``, written back as ``&nbsp;`` where the source writes its
no-break spaces so, else as the character). Text is in the form of every
format's segments (:mod:`ltmt.formats.markup_characters`): ``&amp;`` and ``\\&`` are ``&``,
``&lt;Enter&gt;`` and ``\\<Enter\\>`` are ``<Enter>``. :func:`markdown` turns a translation back
into Markdown (text in angle brackets that is no markup, ``<Eingabetaste>``, as
``&lt;Eingabetaste&gt;``, which Markdown would take for HTML).

The form depends on the text alone, not on its place in a file, so a memory holds the same
form for a translated file's blocks (``ltmt memory import``).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ltmt.folded_characters import NO_BREAK_SPACES
from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.html_segments import READ_ATTRIBUTES, Segments
from ltmt.formats.html_writing import no_break_references, written_html
from ltmt.formats.markdown_extensions import TEMPLATE_TAG
from ltmt.formats.markdown_shortcodes import key_combinations, paired_shortcodes, paired_written
from ltmt.formats.markup_characters import KEPT, plain_text, tagged_text
from ltmt.formats.mdx import component_props, inline_component_end
from ltmt.formats.placeholder_syntax import CHARACTER_REFERENCE, find_placeholders
from ltmt.text import has_letter, with_edits

# the tags that stand for Markdown's own inline syntax, and what each is written as
_EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~"}
_EMPHASIS_TAG = re.compile(r"<(/?)(b|strong|i|em|s|del)>")
_LINK = re.compile(
    r'<a href="([^"]*)"(?: title="([^"]*)")?'
    r'(?: data-md="(?:(in|out):([*~]+)|(auto)|ref:([^"]*))")?>(.*?)</a>',
    re.DOTALL,
)
_IMAGE = re.compile(
    r'<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)"| data-md="ref:([^"]*)")?\s*/>'
)
# a code span; a template tag (data-md="raw": {{< note >}}), written back as it was
_CODE = re.compile(r'<code(?P<raw> data-md="raw")?>(?P<code>.*?)</code>', re.DOTALL)
# an image's or a link's tag (in the tagged form), or inline HTML's (<button aria-label="...">),
# and the attributes in it that people read, as in an HTML page
_TITLED = re.compile(rf"<[A-Za-z][\w-]* {TAG_BODY}>")
_READ = re.compile(rf'(?<![\w:-])({"|".join(sorted(READ_ATTRIBUTES))})="([^"]*)"')
# text in angle brackets that Markdown takes for an HTML tag: <Name>, </name>, <name a="1">
_METAVARIABLE = re.compile(rf"</?[A-Za-z][A-Za-z0-9-]*(?:\s{TAG_BODY})?(?<!/)/?>")
# inline HTML written as the tagged form of a Markdown link or image (<a href="/feed">): marked
# data-md="html" so that it is written back as the HTML it is, not as [...](/feed)
_RAW_LOOKALIKE = re.compile(
    r'^(<a href="[^"]*"(?: title="[^"]*")?)(>)$'
    r'|^(<img src="[^"]*" alt="[^"]*"(?: title="[^"]*")?\s*)(/>)$'
)
_RAW_MARK = ' data-md="html"'
# ltmt's own mark on a tag of a Markdown block's tagged form: no file writes it
_OWN_MARK = re.compile(r'<[a-z]+ data-md="')
_BREAK = re.compile(r"<br/>")  # a hard break's form (inline HTML's <br> stays as written)
_OPENING = {"strong_open": "<b>", "em_open": "<i>", "s_open": "<s>"}
_CLOSING = {"strong_close": "</b>", "em_close": "</i>", "s_close": "</s>"}


def _special(token: Any) -> str | None:
    """The character an escape or a character reference stands for as the model gets it, or
    None where it goes as written: a reference as its character (``&rsquo;`` as U+2019,
    ``&nbsp;`` as U+00A0: ``Open&nbsp;the file`` was one word to the model, and ``&eacute;``
    split one) but one to an invisible character, an escape of a markup character (``\\&``) as
    that character, other escapes as written (``\\*``: placeholders the model keeps)."""
    character = str(token.content)
    if token.info == "entity" and (character.isprintable() or character in NO_BREAK_SPACES):
        return character
    return character if character in "&<>" else None


@dataclass
class _Text:
    """The text tokens since the last tag: their characters (:data:`KEPT` for one that goes
    as written), and what goes as written."""

    characters: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def add(self, token: Any) -> None:
        character = str(token.content) if token.type == "text" else _special(token)
        if character is None:
            self.characters.append(KEPT)
            self.kept.append(str(token.markup))
        else:
            self.characters.append(character.replace(KEPT, "\ufffd"))

    def tagged(self) -> str:
        """The text so far in the tagged form; the next starts anew."""
        text = tagged_text("".join(self.characters), self.kept)
        self.characters, self.kept = [], []
        return text


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def _component_code(tag: str) -> str:
    """An MDX page's JSX ``tag`` kept as written (:func:`~ltmt.formats.mdx.inline_component_end`)
    in the tagged form: code, its brackets escaped (the placeholder repair took ``<Button
    onClick={() =>`` for a tag and dropped it)."""
    bracketed = tagged_text(tag).replace("<", "&lt;").replace(">", "&gt;")
    return f'<code data-md="raw">{bracketed}</code>'


def _components(tagged: str) -> list[tuple[str, str, Segments]]:
    """The JSX tags of a tagged text kept as written (:func:`_component_code`) that have text
    props: each in the tagged form, as written, and its text props
    (:func:`~ltmt.formats.mdx.component_props`)."""
    found = []
    for code in _CODE.finditer(tagged):
        tag = plain_text(code.group("code"))
        if code["raw"] and tag.startswith("<") and inline_component_end(tag, 0) == len(tag):
            props = component_props(tag)
            if props.attributes:
                found.append((code.group(), tag, props))
    return found


def _emphasis_on_links(children: Sequence[Any]) -> tuple[list[Any], dict[int, str]]:
    """``children`` without the emphasis that wraps a whole link or a link's whole text
    (``[*Read more*](url)``, ``**[name](url)**``: nested markup, which the model garbles), and
    that emphasis's Markdown by the index of the link's opening in what is returned."""
    tokens = list(children)
    emphasis: dict[int, str] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "link_open":
            close = next(
                (i for i in range(index + 1, len(tokens)) if tokens[i].type == "link_close"),
                None,
            )
            if close is None:
                break
            inside, around = (
                _wrapping(tokens, index + 1, close - 1),
                _wrapping(tokens, index - 1, close + 1),
            )
            if inside is not None:  # [*text*](url)
                del tokens[close - 1], tokens[index + 1]
                emphasis[index] = "in:" + inside
            elif around is not None:  # *[text](url)*
                del tokens[close + 1], tokens[index - 1]
                index -= 1
                emphasis[index] = "out:" + around
        index += 1
    return tokens, emphasis


def _wrapping(tokens: Sequence[Any], first: int, last: int) -> str | None:
    """The emphasis markup (``*``, ``**``, ``~~``) whose opening is ``tokens[first]`` and
    closing ``tokens[last]``, or None."""
    if first < 0 or last >= len(tokens) or last <= first:
        return None
    opening, closing = tokens[first].type, tokens[last].type
    for kind, markup in (("em", "*"), ("strong", "**"), ("s", "~~")):
        if opening == f"{kind}_open" and closing == f"{kind}_close":
            return markup
    return None


def tagged(children: Sequence[Any]) -> str:
    """The tagged form (module docstring) of one block's inline tokens (markdown-it's, with
    ``text_join`` off so that escapes and entities come as written)."""
    out: list[str] = []
    text = _Text()
    tokens, emphasis = _emphasis_on_links(children)
    paired = paired_shortcodes(tokens)
    combinations = key_combinations(tokens)
    joined = {
        inner for first, (last, _) in combinations.items() for inner in range(first + 1, last)
    }
    for index, token in enumerate(tokens):
        kind = token.type
        if index in joined:
            continue
        if kind in ("text", "text_special"):
            text.add(token)
            continue
        out.append(text.tagged())
        if kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br/>")
        elif kind in _OPENING:
            out.append(_OPENING[kind])
        elif kind in _CLOSING:
            out.append(_CLOSING[kind])
        elif kind == "code_inline":
            out.append(f"<code>{tagged_text(token.content)}</code>")
        elif index in combinations:  # keys joined by +: one code, as written
            out.append(f'<code data-md="raw">{tagged_text(combinations[index][1])}</code>')
        elif index in paired:  # a paired shortcode: a pair of tags, its inner text inside
            out.append(paired[index])
        elif kind == "template":  # a template tag: code the model keeps, not a code span
            out.append(f'<code data-md="raw">{tagged_text(token.content)}</code>')
        elif kind == "component":  # an MDX page's JSX tag: so too, its brackets escaped
            # (the placeholder repair took ``<Button onClick={() =>`` for a tag and dropped it)
            out.append(_component_code(token.content))
        elif kind == "link_open":
            title = token.attrs.get("title")
            titled = f' title="{_attribute(str(title))}"' if title else ""
            styled = f' data-md="{emphasis[index]}"' if index in emphasis else ""
            if token.markup == "autolink":  # <https://...>: written back so
                styled = ' data-md="auto"'
            elif not styled and (label := _reference_label(token.meta.get("source", ""))):
                styled = f' data-md="ref:{_attribute(label)}"'
                titled = ""  # its definition's, translated there (markdown_values)
            out.append(f'<a href="{_attribute(str(token.attrs["href"]))}"{titled}{styled}>')
        elif kind == "link_close":
            out.append("</a>")
        elif kind == "image":
            title = token.attrs.get("title")
            titled = f' title="{_attribute(str(title))}"' if title else ""
            alt = _attribute(token.content)
            if label := _reference_label(token.meta.get("source", "").removeprefix("!")):
                titled = f' data-md="ref:{_attribute(label)}"'  # (its title: its definition's)
            out.append(f'<img src="{_attribute(str(token.attrs["src"]))}" alt="{alt}"{titled}/>')
        elif kind == "html_inline":  # as written (marked where it reads as a link's form)
            out.append(_RAW_LOOKALIKE.sub(_marked_raw, token.content))
        else:  # whatever else comes as written
            out.append(token.content)
    out.append(text.tagged())
    return "".join(out).strip()


# a reference link as written: [text][label] or [text][] (its label is its text); or [text]
_FULL_REFERENCE = re.compile(r"\[(?P<text>.*)\]\[(?P<label>[^\[\]]*)\]", re.DOTALL)
_SHORTCUT_REFERENCE = re.compile(r"\[(?P<text>.*)\]", re.DOTALL)


def _marked_raw(found: re.Match[str]) -> str:
    """Inline HTML that reads as a link's or image's tagged form, marked (:data:`_RAW_MARK`)."""
    opening, closing = found.group(1, 2) if found.group(1) else found.group(3, 4)
    return f"{opening}{_RAW_MARK}{closing}"


def _reference_label(source: str) -> str | None:
    """The label of a link written as a reference (``source``: the link as written, kept by
    :func:`with_link_sources`), or None for an inline link or none known."""
    if not source.endswith("]"):
        return None
    full = _FULL_REFERENCE.fullmatch(source)
    if full is not None:
        return full.group("label") or full.group("text")
    shortcut = _SHORTCUT_REFERENCE.fullmatch(source)
    return shortcut.group("text") if shortcut is not None else None


def with_link_sources(parser: Any) -> Any:
    """``parser`` (markdown-it's) with each link's opening token and each image's token keeping
    it as written (``meta["source"]``): a reference link (``[manual][docs]``) or image
    (``![Team photo][team]``) is written back as one, not as the inline link its definition
    makes of it."""
    from markdown_it.rules_inline import image, link

    def keeping(rule: Any, kind: str) -> Any:
        def kept(state: Any, silent: bool) -> bool:
            start, count = state.pos, len(state.tokens)
            found = bool(rule(state, silent))
            if found and not silent:
                for token in state.tokens[count:]:
                    if token.type == kind:
                        token.meta["source"] = state.src[start : state.pos]
                        break
            return found

        return kept

    parser.inline.ruler.at("link", keeping(link, "link_open"))
    parser.inline.ruler.at("image", keeping(image, "image"))
    return parser


def markdown(
    text: str, hard_break: str | None = "\\", continuation: str = "", references: bool = True
) -> str:
    """Markdown of a tagged ``text`` (a translation of :func:`tagged`'s form): a hard break
    written as ``hard_break`` and a new line that starts with ``continuation`` (a block
    quote's ``> ``, a list item's indentation); with ``hard_break`` None (a table cell, which
    holds one line), as ``<br>``; a no-break space as a reference (``&nbsp;``) with
    ``references`` (:func:`writes_no_break_references`), else as the character."""
    codes: list[str] = []

    def code(found: re.Match[str]) -> str:  # kept apart: nothing inside a code span changes
        written = plain_text(found.group("code"))
        codes.append(written if found.group("raw") else _backticked(written))
        return f"\0{len(codes) - 1}\0"

    def kept(written: str) -> str:  # a paired shortcode's tag, kept apart as written
        codes.append(written)
        return f"\0{len(codes) - 1}\0"

    text = _CODE.sub(code, text)
    text = paired_written(text, kept)
    tags = {(p.start, p.end) for p in find_placeholders(text) if p.kind == "tag"}
    text = _METAVARIABLE.sub(lambda found: _bracketed_text(found, tags), text)
    text = _IMAGE.sub(_image, text)
    text = _LINK.sub(_link, text).replace(_RAW_MARK, "")
    text = _EMPHASIS_TAG.sub(lambda m: _EMPHASIS[m.group(2)], text)
    line_break = "<br>" if hard_break is None else hard_break + "\n" + continuation
    text = _BREAK.sub(lambda _: line_break, text)
    text = _plain(text) if references else text
    return re.sub("\0(\\d+)\0", lambda m: codes[int(m.group(1))], text)


def shown(text: str) -> str:
    """``text`` as its user wrote it, for a message or a listing: a Markdown block's tagged
    form, which ltmt's own ``data-md`` marks tell (a memory imported from Markdown stores it),
    as Markdown (:func:`markdown`); any other text as it is (a ``<b>`` of HTML stays)."""
    return markdown(text) if _OWN_MARK.search(text) else text


def kept_as_written(tagged: str) -> list[str]:
    """The markup of a tagged text kept as written (a template tag, an attribute list, keys:
    ``<code data-md="raw">``), each as written, in order."""
    return [plain_text(found.group("code")) for found in _CODE.finditer(tagged) if found["raw"]]


def kept_spans(tagged: str) -> list[str]:
    """The markup of a tagged text kept as written (:func:`kept_as_written`) in its tagged
    form (``<code data-md="raw">&lt;Badge count={3} /&gt;</code>``), in the same order."""
    return [found.group() for found in _CODE.finditer(tagged) if found["raw"]]


def kept_alone(tagged: str) -> bool:
    """Whether a tagged text is markup kept as written alone (:func:`kept_as_written`: an MDX
    page's JSX tags that ``ltmt qa`` compares), which a translation writes as it is."""
    return (
        bool(kept_as_written(tagged))
        and not _CODE.sub(lambda found: "" if found["raw"] else found.group(), tagged).strip()
    )


def read_attributes(tagged: str) -> list[tuple[int, str, str]]:
    """The image alt texts and link titles of a tagged text that have a letter, in order: the
    number of their tag among its images and links, the attribute's name and its value
    (unescaped); an MDX page's JSX tags kept as written have theirs, their text props."""
    found = []
    titled = _TITLED.findall(tagged)
    for number, tag in enumerate(titled):
        for name, value in _READ.findall(tag):
            if has_letter(value):
                found.append((number, name, tagged_text(html.unescape(value))))
    # an MDX page's JSX tag kept as written: its text props, numbered after those tags
    for number, (_, _, props) in enumerate(_components(tagged), len(titled)):
        found += [(number, value.name, value.source) for value in props.attributes]
    return found


def with_attributes(source: str, translation: str, values: dict[tuple[int, str], str]) -> str:
    """``translation`` (of the tagged ``source``) with the values of its images' and links'
    attributes (``values``: by tag number and name, as :func:`read_attributes` counts them)
    replaced: the source's tags, which the translation holds as they were, written anew."""
    edits: list[tuple[int, int, str]] = []
    seen: dict[str, int] = {}
    titled = _TITLED.findall(source)
    for number, tag in enumerate(titled):
        renamed = _READ.sub(functools.partial(_renamed, number, values), tag)
        at = _placed(translation, tag, seen)
        if at >= 0 and renamed != tag:
            edits.append((at, at + len(tag), renamed))
    # an MDX page's JSX tag kept as written: its text props written as a component's
    # on its own line are (:func:`~ltmt.formats.mdx.component_props`), the rest as it was
    for number, (code, tag, props) in enumerate(_components(source), len(titled)):
        translations = {
            value.key: values[(number, value.name)]
            for value in props.attributes
            if (number, value.name) in values
        }
        at = _placed(translation, code, seen)
        if at >= 0 and translations:
            written = _component_code(written_html(tag, props, translations))
            edits.append((at, at + len(code), written))
    return with_edits(translation, edits)


def _placed(translation: str, tag: str, seen: dict[str, int]) -> int:
    """Where ``tag`` stands in ``translation`` the next time (``seen``: how often it was
    looked for, updated): the same tag's place among its copies; -1 where it does not."""
    occurrence = seen.get(tag, 0)
    seen[tag] = occurrence + 1
    at = -1
    for _ in range(occurrence + 1):
        at = translation.find(tag, at + 1)
        if at < 0:
            break
    return at


def _renamed(number: int, values: dict[tuple[int, str], str], found: re.Match[str]) -> str:
    """An attribute of tag ``number`` with its value from ``values``, if there."""
    value = values.get((number, found.group(1)))
    if value is None:
        return found.group()
    return f'{found.group(1)}="{_attribute(plain_text(value))}"'


def writes_no_break_references(source: str) -> bool:
    """Whether Markdown ``source`` writes a no-break space as a character reference
    (``open&nbsp;the file``), as its translation then does; where it writes none, one that
    the translation gets (a German amount's, ``5\xa0$``) is written as the character, as in
    every other format (``5&nbsp;$/month`` was written into a Markdown source)."""
    return any(
        html.unescape(found.group()) in NO_BREAK_SPACES
        for found in re.finditer(CHARACTER_REFERENCE, source)
    )


def _plain(text: str) -> str:
    """Tagged text as Markdown's: its ``&amp;``, ``&lt;`` and ``&gt;`` are Markdown's too; a
    no-break space written as a reference (``&nbsp;``: invisible, written as itself in a
    Markdown source)."""
    return no_break_references(text)


def _bracketed_text(found: re.Match[str], tags: set[tuple[int, int]]) -> str:
    """Text in angle brackets that Markdown would read as HTML, escaped where it reads as no
    markup of ltmt's (``<Eingabetaste>``: a metavariable, as the tagged form holds it); one of
    the ``tags`` of its text (where each stands) is a tag, read so in its text: an MDX page's
    ``<Markdown>`` that ``</Markdown>`` closes (it was written ``&lt;Markdown&gt;``, read
    alone)."""
    if found.span() in tags:
        return found.group()
    return found.group().replace("<", "&lt;").replace(">", "&gt;")


def _link(found: re.Match[str]) -> str:
    href, title, where, markup, auto, label, inner = found.groups()
    if auto:  # an autolink: its address as its text says it
        return f"<{plain_text(inner).strip()}>"
    if label is not None:  # a reference link: [text][label], its definition as it was
        return f"[{inner}][{html.unescape(label)}]"
    href = html.unescape(href)
    if re.search(r"[\s()<>]", href) and not TEMPLATE_TAG.fullmatch(href):
        href = f"<{href}>"
    titled = f' "{_quoted(html.unescape(title))}"' if title else ""
    if where == "in" and inner.strip():
        inner = f"{markup}{inner.strip()}{markup}"
    link = f"[{inner}]({href}{titled})"
    return f"{markup}{link}{markup}" if where == "out" else link


def _image(found: re.Match[str]) -> str:
    src, alt, title, label = (html.unescape(part) if part else part for part in found.groups())
    if label is not None:  # a reference image: ![alt][label], its definition as it was
        return f"![{alt}][{label}]"
    if re.search(r"[\s()<>]", src):
        src = f"<{src}>"
    titled = f' "{_quoted(title)}"' if title else ""
    return f"![{alt}]({src}{titled})"


def _quoted(title: str) -> str:
    """A link's or image's title between double quotes: its own quotes escaped."""
    return title.replace("\\", "\\\\").replace('"', '\\"')


def _backticked(code: str) -> str:
    """``code`` as a code span: fenced by one backtick more than its longest run, with a space
    inside where it starts or ends with one."""
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{padding}{code}{padding}{fence}"
