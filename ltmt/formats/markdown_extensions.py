"""The Markdown that documentation sites write beyond CommonMark, kept out of the model's way.

CommonMark reads these as text, and the model translated or garbled their markup:

- an attribute list (Python-Markdown's ``attr_list``, Pandoc, kramdown, MkDocs): ``# Known
  issues {#known-issues}`` at a heading's end, ``{: .lead }`` on a line of its own after (or,
  kramdown's, before) a paragraph, kramdown's ``{:toc}`` with the list item it replaces
  (``* TOC``). It is kept as written, outside the text the model and the
  memory get (``{#known-issues}`` came back ``{#kannteriss}``, and no heading had a 100 % match);
  one in text (``[Get started](x.md){ .md-button }``) is kept as code is, kramdown's at a
  paragraph's end (``... flag.{: .hint}``) after its text, outside it;
- keys (pymdown-extensions' ``++ctrl+alt+del++``): kept as code is (they came back
  ``++ctrg+alt+del+del+ Löschtaste+``);
- an admonition (Python-Markdown's, MkDocs Material's ``!!! note "Title"``, ``??? info``,
  ``???+ tip``): its marker's line is kept, its title translated alone, and its indented body
  parsed as Markdown blocks (the marker and the body were one paragraph: ``!! Notizieren Sie``);
  a content tab (pymdown-extensions' ``=== "Python"``, ``===! "..."``, ``===+ "..."``) alike
  (``=== »Python«``: its quotes were the model's, and the tabs collapsed);
- a container's marker line (Docusaurus's admonitions ``:::danger Take care``, ``:::note[Title]``
  and the closing ``:::``, Pandoc's fenced divs ``::: {.aside}``): kept, its title translated
  alone (``:::warning`` came back ``::warning``, ``:::danger Take care`` ``::: Fehlerhaft``);
- MDX's ``import``/``export`` statements (from one at a line's start after a blank line to the
  next blank line): kept as written (they were translated and merged into one line);
- an HTML block marked ``markdown="1"`` (``"block"``, ``"span"``: Python-Markdown's
  ``md_in_html``, PHP Markdown Extra, kramdown): its tags' lines are kept, its content parsed as
  Markdown (it went to the model as HTML text, ``**`` and backticks in it);
- a template tag: Hugo's shortcodes (``{{< note >}}``, ``{{% param "x" %}}``) and Jinja's or
  Liquid's ``{{ page.title }}`` and ``{% include x.html %}``, and MDX's comments (``{/* x
  */}``). Alone on its line (or on lines of its own, a shortcode's parameters each on a
  line) it is kept as those lines; in text it is code kept as written
  (:mod:`ltmt.formats.markdown_inline`), a link's destination too (``[guide]({{< ref "x.md"
  >}})``). A block of code between tags alone on their lines (Hugo's ``{{< highlight bash >}}``
  and ``{{< code >}}`` shortcodes, Liquid's ``{% highlight ruby %}``) is kept as written, as
  is a comment's (Liquid's ``{% comment %}``, kramdown's ``{::comment}``: its lines were
  translated and joined), as fenced code is (its lines were translated and merged: ``make
  build`` and ``echo "Build finished"`` came back ``erzeugte Echo »Build fertig«``); in
  Liquid's ``{% raw %}`` block, which only stops Liquid, prose is translated (its tags code)
  and an include's parameters are kept as written;
- an abbreviation's definition (Python-Markdown's ``abbr``: ``*[API]: Application Programming
  Interface``): each line its own, ``*[API]:`` kept as written and the expansion translated
  alone (consecutive definitions were one paragraph, written as one line);
- pymdown-extensions' snippets (MkDocs Material): a line ``--8<-- "includes/abbr.md"`` (or
  ``;--8<-- ...``, escaped) and a block of paths between ``--8<--`` lines are kept as written
  (``--8<-- "includes/abbr.md"`` came back ``--8<- »includes/abbr.md«``, a guillemet for
  its ``<``, which broke the build);
- TeX math (pandoc's ``tex_math_dollars``, MDX's remark-math): ``$E = mc^2$`` and
  ``$$...$$`` in text are kept as code is (a formula's ``{1}`` and ``{2}`` went to the model
  as placeholders and moved, ``$r = \\max_{i} |u_i|$``'s paragraph stayed English); a ``$``
  before a space or a closing one after a space or before a digit is none (``$5 and $10``).

All but attribute lists and template tags in text are read by giving the parser a view of
the file's lines (:func:`parser_view`): as many lines, the markers' (and the code's) lines blank
and an admonition's body dedented, so that each block's lines are the file's and its container
prefixes are read from the file's own lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ltmt.code_fences import FENCE, fence_after
from ltmt.formats.attribute_lists import ATTRIBUTE_LIST
from ltmt.formats.mdx import component_tag_end, inline_component_end

# a template tag: Hugo's shortcodes, Jinja's and Liquid's expressions and statements, and
# MDX's comments ({/* ... */}), kept as tags are; each ends at its first closing delimiter, even
# where a match needs more ("{% if x %}Welcome!{% endif %}" is two tags and a text, not a tag)
SHORTCODE = re.compile(r"\{\{<(?:(?!>\}\}).)*>\}\}|\{\{%(?:(?!%\}\}).)*%\}\}", re.DOTALL)
TEMPLATE_TAG = re.compile(
    rf"{SHORTCODE.pattern}|\{{%(?:(?!%\}}).)*%\}}"
    r"|\{\{(?:(?!\}\}).)*\}\}|\{/\*(?:(?!\*/\}).)*\*/\}",
    re.DOTALL,
)
_TEMPLATE_LINE = re.compile(rf"[ \t]*(?:(?:{TEMPLATE_TAG.pattern})[ \t]*)+")
# lines of template tags alone, a tag over several of them (a Hugo shortcode's parameters each
# on a line: ``{{< figure`` / ``    src="a.png"`` / ``>}}``), no blank line among them
_TEMPLATE_LINES = re.compile(_TEMPLATE_LINE.pattern, re.DOTALL)
# (a shortcode's, a Liquid tag's or an MDX comment's: {/* over lines */} went to the model)
_TAG_OPENING = re.compile(r"[ \t]*\{(?:\{[<%]|%|/\*)")
# a template tag alone on its line that opens a block of code or a comment, kept as written: a
# Hugo shortcode's ({{< highlight bash >}}, {{% code file="x" %}}), Liquid's ({% highlight
# ruby linenos %}, {% comment %}) or kramdown's comment ({::comment}); a comment's
# lines were translated and joined into one. Not {::nomarkdown}: kramdown shows its HTML, whose
# text is translated as an HTML block's
_CODE_TAG = re.compile(
    r"[ \t]*(?:\{\{(?P<delimiter>[<%])[ \t]*(?P<shortcode>highlight|code)(?:[ \t][^\n]*?)?[ \t]*"
    r"[>%]\}\}|\{%-?[ \t]*(?P<liquid>highlight|comment)(?:[ \t](?:(?!%\}).)*?)?[ \t]*-?%\}"
    r"|\{::(?P<kramdown>comment)(?:[ \t][^}/\n]*)?\})[ \t]*"
)
# pymdown-extensions' snippets: a line including a file (``--8<-- "path"``, or escaped with
# ``;``), and the marker line that opens and closes a block of paths (``--8<--``)
_SNIPPET = re.compile(r"""[ \t]*;*-+8<-+(?:[ \t]+(?:"(?:\\"|[^"\n])+"|'(?:\\'|[^'\n])+'))?[ \t]*""")
_SNIPPET_BLOCK = re.compile(r"[ \t]*-+8<-+[ \t]*")
# an abbreviation's definition (Python-Markdown's abbr): *[API]: Application Programming Interface
ABBREVIATION = re.compile(r"(?P<prefix>[ ]{0,3}\*\[[^\]\n]+\][ ]?:[ \t]*)(?P<value>.*?)[ \t]*")
# kramdown's table of contents: the list item its line follows (* TOC) is replaced by it
_TOC = re.compile(r"\{:[ \t]*toc[ \t]*\}")
# what in text is kept as written, as code is (:func:`with_templates`): a template tag, an
# attribute list after a link, an image or emphasis ([Get started](x.md){ .md-button }: its
# classes were translated, .md-button--primary came back .md-button-Primary), keys
# (pymdown-extensions': ++ctrl+alt+del++ came back ++ctrg+alt+del+del+ Löschtaste+)
_KEY = r"""(?:[\w-]+|"[^"\n]*"|'[^'\n]*')"""
_KEYS = re.compile(rf"\+\+{_KEY}(?:\+{_KEY})*\+\+")
# TeX math, by pandoc's tex_math_dollars rule ($$...$$, or $...$ whose opening $ a non-space
# follows and whose closing $ a non-space precedes and no digit follows: "$5 and $10" are
# prices; https://pandoc.org/MANUAL.html#extension-tex_math_dollars); its text went to the
# model ("$E(t) = ... \frac{1}{2}$" came back, its {2} moved). A shell's variables are no
# math: a closing $ before a letter, _, { or ( ($PATH, ${x}, $(pwd)), nor an opening $ before
# an upper-case name of two characters or more that math would not go on with ($HOME/bin,
# $JAVA_HOME and): "$HOME/bin:$PATH" was math, its PATH translated ("$PFAD")
_SHELL_VARIABLE = r"[A-Z_][A-Z0-9_]+(?![\w$^{(\\])"
_MATH = re.compile(
    r"\$\$(?:[^$\\]|\\.)+?\$\$"
    rf"|\$(?![\s$])(?!{_SHELL_VARIABLE})(?:[^$\\]|\\.)*?(?<!\s)\$(?![\dA-Za-z_{{(])",
    re.DOTALL,
)
_KEPT_INLINE = re.compile(
    rf"{TEMPLATE_TAG.pattern}|{ATTRIBUTE_LIST.pattern}|{_KEYS.pattern}|{_MATH.pattern}",
    re.DOTALL,
)
# a heading's text and the attribute list at its end (after a space, as all four read it)
_ENDING_ATTRIBUTES = re.compile(rf"(?P<text>.*?)[ \t]+{ATTRIBUTE_LIST.pattern}[ \t]*", re.DOTALL)
# the first line of a GitHub alert, a blockquote's type marker (> [!NOTE])
_ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.IGNORECASE)
# an admonition's marker line: its indentation, the marker and types, its "title" if any; or
# a content tab's (pymdown-extensions' tabbed: === "Title", ===! and ===+ too), its title
# needed (=== alone underlines a setext heading)
_ADMONITION = re.compile(
    r'(?P<indent> *)(?:(?:!!!|\?\?\?\+?) *[\w-]+(?: +[\w-]+)*|===[!+]?(?= +"))'
    r'(?: +"(?P<title>.*)")? *'
)
# a container's marker line (Docusaurus's admonitions, Pandoc's fenced divs): ":::tip Title",
# ":::note[Title]", "::: {.warning}", the closing ":::"; its title, if any
_CONTAINER = re.compile(
    r"[ ]{0,3}:{3,}[ \t]*(?:(?:[\w-]+(?:\{[^{}\n]*\})?|\{[^{}\n]*\})"
    r"(?:\[(?P<bracketed>[^\]\n]*)\]|[ \t]+(?P<title>.*?))?)?[ \t]*(?::{3,}[ \t]*)?"
)
# an MDX import or export statement (ECMAScript's) at a line's start, where the line reads as
# code: import '...', import ... from '...', export { / export *, or export and a declaration
# with one of = ( { ; on the line; prose starting so (``export function calls are logged.``)
# was kept in English
_ESM = re.compile(
    r"""import[ \t]*['"]|import[ \t]+\S.*?[ \t]from[ \t]*['"]|export[ \t]*[{*]"""
    r"|export[ \t]+(?:async[ \t]+)?(?:const|let|var|function|class|default)\b(?=.*[=({;])"
)
_BODY_INDENT = "    "  # a body line's indentation past its marker's (tab_length)
# an HTML tag alone on its line whose content is Markdown (markdown="1", "block" or "span")
_MARKDOWN_HTML = re.compile(
    r"""[ ]{0,3}<(?P<name>[A-Za-z][\w-]*)\s(?:[^<>]*\s)?markdown\s*=\s*"""
    r"""(?:"(?:1|block|span)"|'(?:1|block|span)'|1|block|span)(?:\s[^<>]*)?>\s*"""
)


@dataclass(frozen=True)
class ParserView:
    """The lines the CommonMark parser reads for a file's ``lines`` (one for each), where the
    admonitions' titles stand: (line, start, end) of each title's text, which lines are
    template tags alone and which abbreviations' definitions."""

    lines: list[str]
    titles: list[tuple[int, int, int]]
    # the lines of template tags alone (first, last): one line, or those of a tag over several
    tags: list[tuple[int, int]]
    abbreviations: list[int] = field(default_factory=list)  # their definitions' lines
    # each tag's first line as the parser would read it (where an indented code block holds a
    # tag, its tag is code: :func:`ltmt.formats.markdown` keeps it as written)
    tag_texts: dict[int, str] = field(default_factory=dict)
    # an MDX page's JSX component tags alone on their lines kept as written (first, last)
    components: list[tuple[int, int]] = field(default_factory=list)


def parser_view(lines: Sequence[str], mdx: bool = False) -> ParserView:
    """``lines`` as CommonMark is to read them (module docstring): an admonition's marker
    line, a ``markdown="1"`` tag's line and its closing tag's, a line of template tags alone,
    an MDX page's (``mdx``) JSX component's tag with an expression prop alone on its lines
    (:func:`~ltmt.formats.mdx.component_tag_end`) and a template code block's lines blank; an
    admonition's body without the indentation that puts it in it. A fenced code block's lines,
    and a marker indented as code, are read as written."""
    view: list[str] = []
    titles: list[tuple[int, int, int]] = []
    tags: list[tuple[int, int]] = []
    tag_texts: dict[int, str] = {}
    abbreviations: list[int] = []
    components: list[tuple[int, int]] = []
    admonitions: list[int] = []  # the marker indentations (in the view) of those open
    html: list[_OpenElement] = []  # the markdown="1" elements open
    fence: str | None = None  # the opening fence of the fenced code block open
    code_end: re.Pattern[str] | None = None  # the closing tag of the template code block open
    esm = False  # whether an MDX import or export statement is open
    snippets = False  # whether a block of snippets' paths is open
    tag_last = 0  # the line after the template tag over several lines open
    for number, line in enumerate(lines):
        if number < tag_last:
            view.append("")
            continue
        text = _in_admonitions(line, admonitions)
        # a template code block's lines, its tags' too: kept as written, none of them read
        if code_end is not None or _CODE_TAG.fullmatch(text):
            code_end = _code_block_end(text, code_end)
            view.append("")
            continue
        # a fenced code block's lines, in which no marker is read (an admonition shown as an
        # example is code): read as written
        if fence is not None or FENCE.match(text):
            fence = fence_after(text, fence)
            view.append(text)
            continue
        # snippets' lines (pymdown-extensions'), kept as written, none of them read
        if snippets or _SNIPPET.fullmatch(text):
            snippets = _snippets_open(lines, number, snippets)
            view.append("")
            continue
        # MDX's import and export statements, from one at a line's start after a blank line
        # to the next blank line (they were translated and merged with the next line's)
        if esm or (_ESM.match(line) and (not view or not view[-1].strip())):
            esm = bool(line.strip())
            view.append("")
            continue
        if mdx and (tag_last := component_tag_end(lines, number)) > number:
            components.append((number, tag_last))
            view.append("")  # (kept as written: its lines are not read)
            continue
        marker = _ADMONITION.fullmatch(text)
        container = _CONTAINER.fullmatch(text)
        if marker is not None and len(marker.group("indent")) < len(_BODY_INDENT):
            admonitions.append(len(marker.group("indent")))
            titles += _title(number, len(line) - len(text), marker)
            view.append("")
        elif container is not None:
            titles += _title(number, len(line) - len(text), container)
            view.append("")
        elif _html_boundary(text, html):
            view.append("")
        elif _TEMPLATE_LINE.fullmatch(text):
            tags.append((number, number + 1))
            tag_texts[number] = text
            view.append("")
        elif (tag_last := _template_lines_end(lines, number)) > number:
            tags.append((number, tag_last))
            tag_texts[number] = text
            view.append("")
        elif ABBREVIATION.fullmatch(text):
            abbreviations.append(number)
            view.append("")
        else:
            view.append(text)
    return ParserView(view, titles, tags, abbreviations, tag_texts, components)


def _template_lines_end(lines: Sequence[str], number: int) -> int:
    """The line after the template tag that opens on line ``number`` and closes on a later
    line, the lines its own (a shortcode's parameters each on a line: they were translated as
    prose, ``{{{< Zahlen src=»/img/a.png«``); else 0."""
    if not _TAG_OPENING.match(lines[number]):
        return 0
    for last in range(number + 1, len(lines)):
        if not lines[last].strip():
            return 0
        if _TEMPLATE_LINES.fullmatch("\n".join(lines[number : last + 1])):
            return last + 1
    return 0


def _snippets_open(lines: Sequence[str], number: int, open_: bool) -> bool:
    """Whether a block of snippets' paths is open after line ``number`` of ``lines`` (a
    snippet's line, or one in the block, ``open_``, open before it): a marker line
    (``--8<--``) closes the block open and opens one where a marker line follows to close it
    (one that none closes is kept alone)."""
    if not _SNIPPET_BLOCK.fullmatch(lines[number]):
        return open_
    return not open_ and any(_SNIPPET_BLOCK.fullmatch(line) for line in lines[number + 1 :])


def _title(number: int, offset: int, marker: re.Match[str]) -> list[tuple[int, int, int]]:
    """Where the title a ``marker`` (an admonition's or a container's on line ``number``,
    matched ``offset`` characters into it: the indentation the view took off) gives stands,
    if it gives one (``"Title"``, ``[Title]``): (line, start, end)."""
    groups = marker.groupdict()
    return [
        (number, offset + marker.start(name), offset + marker.end(name))
        for name in ("title", "bracketed")
        if groups.get(name)
    ]


def _code_block_end(line: str, end: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The closing tag of the template code block open after ``line``: the one ``line`` opens
    (``{{< highlight bash >}}`` is closed by ``{{< /highlight >}}``, ``{% highlight ruby %}``
    by ``{% endhighlight %}``, ``{::comment}`` by ``{:/comment}`` or ``{:/}``), None where
    it is ``end``, the closing tag of the one open."""
    if end is not None:
        return None if end.fullmatch(line) else end
    opening = _CODE_TAG.fullmatch(line)
    if opening is None:
        return None
    if opening.group("kramdown"):  # closed by {:/comment}, or {:/}
        return re.compile(rf"[ \t]*\{{:/(?:{opening.group('kramdown')})?\}}[ \t]*")
    if opening.group("liquid"):
        return re.compile(rf"[ \t]*\{{%-?[ \t]*end{opening.group('liquid')}[ \t]*-?%\}}[ \t]*")
    name = opening.group("shortcode")
    if opening.group("delimiter") == "%":
        return re.compile(rf"[ \t]*\{{\{{%[ \t]*/{name}[ \t]*%\}}\}}[ \t]*")
    return re.compile(rf"[ \t]*\{{\{{<[ \t]*/{name}[ \t]*>\}}\}}[ \t]*")


def _in_admonitions(line: str, admonitions: list[int]) -> str:
    """``line`` without the indentation of the admonitions whose body it is in; those it is
    out of (a line indented less, not blank) closed: removed from ``admonitions``."""
    if not line.strip():
        return line
    text = line
    for depth, indent in enumerate(admonitions):
        if text[indent : indent + len(_BODY_INDENT)] == _BODY_INDENT:
            text = text[:indent] + text[indent + len(_BODY_INDENT) :]
        elif text[indent : indent + 1] == "\t":
            text = text[:indent] + text[indent + 1 :]
        else:
            del admonitions[depth:]
            break
    return text


@dataclass
class _OpenElement:
    """An HTML element whose content is Markdown, open: its name, and how many elements of
    that name are open inside it (their closing tags are theirs)."""

    name: str
    inside: int = 0


def _html_boundary(line: str, html: list[_OpenElement]) -> bool:
    """Whether ``line`` opens an HTML element whose content is Markdown or closes the one
    open (``html``: those open, innermost last)."""
    opening = _MARKDOWN_HTML.fullmatch(line)
    if opening is not None:
        html.append(_OpenElement(opening.group("name")))
        return True
    if not html:
        return False
    element = html[-1]
    name = re.escape(element.name)
    if element.inside == 0 and re.fullmatch(rf"[ ]{{0,3}}</{name}\s*>\s*", line, re.I):
        html.pop()
        return True
    opened = len(re.findall(rf"<{name}[\s>]", line, re.I))
    element.inside += opened - len(re.findall(rf"</{name}\s*>", line, re.I))
    return False


def without_ending_attributes(content: str, children: Sequence[Any]) -> tuple[str, list[Any]]:
    """A heading's text as written (``content``) and its inline tokens, without the attribute
    list at its end (``{#id .class}``) where it has one and its last token, a text, ends
    with it."""
    tokens = list(children)
    found = _ENDING_ATTRIBUTES.fullmatch(content)
    if found is None or not tokens:
        return content, tokens
    ending = content[found.end("text") :]
    if tokens[-1].type == "template" and tokens[-1].content == ending.strip():
        return found.group("text"), tokens[:-1]  # (read as kept text: with_templates)
    if tokens[-1].type != "text":
        return content, tokens
    last = str(tokens[-1].content)
    if not last.endswith(ending):
        return content, tokens
    text = last[: len(last) - len(ending)]
    return found.group("text"), tokens[:-1] + ([tokens[-1].copy(content=text)] if text else [])


def without_span_attributes(content: str, children: Sequence[Any]) -> tuple[str, list[Any]]:
    """A paragraph's line (``content``) and its inline tokens without kramdown's attribute
    list at its end (span attributes, ``... flag.{: .hint}``), where its last token is one:
    kept as written after its text (the model moved it into the sentence). Another's
    (``[Start](x.md){ .md-button }``) stays in the text, as before."""
    tokens = list(children)
    if not tokens or tokens[-1].type != "template":
        return content, tokens
    ending = str(tokens[-1].content)
    if not (ending.startswith("{:") and ATTRIBUTE_LIST.fullmatch(ending)):
        return content, tokens
    if not content.endswith(ending):
        return content, tokens
    return content[: len(content) - len(ending)], tokens[:-1]


def marker_lines(content: Sequence[str], children: Sequence[Any]) -> tuple[int, int]:
    """How many of a paragraph's first and last lines (``content``, its inline tokens
    ``children``) are markup of their own: before its text, a GitHub alert's marker
    (``[!NOTE]``) or a kramdown attribute list; after it, an attribute list (``{: .lead }``),
    and all of them before kramdown's ``{:toc}`` (``* TOC``, which kramdown replaces: it was
    translated and ``{:toc}`` joined to its line, which broke the table of contents).
    (0, 0) where its lines are not its tokens' (a line break inside a code span)."""
    if len(_line_breaks(children)) + 1 != len(content):
        return 0, 0
    first = content[0].strip()
    leading = 1 if _ALERT.fullmatch(first) or ATTRIBUTE_LIST.fullmatch(first) else 0
    rest = content[leading:]
    if rest and _TOC.fullmatch(rest[-1].strip()):
        return leading, len(rest)
    trailing = 1 if rest and ATTRIBUTE_LIST.fullmatch(rest[-1].strip()) else 0
    return leading, trailing


def lines_between(children: Sequence[Any], leading: int, trailing: int) -> list[Any]:
    """A paragraph's inline tokens without those of its first ``leading`` and last
    ``trailing`` lines (:func:`marker_lines`): none where those are all its lines (a heading's
    ``{: #configure}`` on the line under it, a paragraph of its own)."""
    breaks = _line_breaks(children)
    if leading + trailing > len(breaks):
        return []
    start = breaks[leading - 1] + 1 if leading else 0
    end = breaks[len(breaks) - trailing] if trailing else len(children)
    return list(children[start:end])


def _line_breaks(children: Sequence[Any]) -> list[int]:
    """Where inline tokens break their lines: the indexes of their soft and hard breaks."""
    return [i for i, token in enumerate(children) if token.type in ("softbreak", "hardbreak")]


@dataclass(frozen=True)
class _Destination:
    """A link destination as markdown-it's helpers return one."""

    ok: bool
    pos: int
    str: str


def with_templates(parser: Any, mdx: bool = False) -> Any:
    """``parser`` (markdown-it's) reading a template tag, an attribute list (``{ .x }``),
    keys (``++ctrl+s++``) and TeX math (``$x^2$``) as a token of its own (``template``, its
    text as written), an MDX page's (``mdx``) JSX component tag with an expression prop in
    text as one too (``component``: :func:`~ltmt.formats.mdx.inline_component_end`), a
    template tag as a link's destination too (``[guide]({{< ref "install.md" >}})``, which was
    no link: a space is in it), that destination not percent-encoded."""
    from types import SimpleNamespace

    from markdown_it import helpers

    def template(state: Any, silent: bool) -> bool:
        found = _KEPT_INLINE.match(state.src, state.pos, state.posMax)
        end, kind = (found.end(), "template") if found is not None else (0, "")
        if mdx and not end:
            end, kind = inline_component_end(state.src[: state.posMax], state.pos), "component"
        if not end:
            return False
        if not silent:
            state.push(kind, "", 0).content = state.src[state.pos : end]
        state.pos = end
        return True

    def destination(string: str, pos: int, maximum: int) -> Any:
        found = TEMPLATE_TAG.match(string, pos, maximum)
        if found is None:
            return helpers.parseLinkDestination(string, pos, maximum)
        return _Destination(True, found.end(), found.group())

    def normalized(url: str) -> str:
        return url if TEMPLATE_TAG.fullmatch(url) else encoded(url)

    encoded = parser.normalizeLink
    parser.inline.ruler.before("text", "template", template)
    parser.helpers = SimpleNamespace(
        parseLinkLabel=helpers.parseLinkLabel,
        parseLinkDestination=destination,
        parseLinkTitle=helpers.parseLinkTitle,
    )
    parser.normalizeLink = normalized
    return parser
