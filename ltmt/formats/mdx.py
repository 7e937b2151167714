"""What of an MDX page's JSX and indented lines is text to translate.

An MDX page (``.mdx``) is Markdown with JSX in it (:mod:`ltmt.formats.markdown`). Its tags'
attributes are read as a Markdown page's are where the tag is HTML's (``<img alt="...">``,
lowercase), while a JSX component's props (``<Card title="...">``, capitalised) are code. MDX
has no indented code, but an indented line of a page is mostly code all the same: a JSX
expression (``{people.map((name) => (``), a command in a list item (``npx create-acme-app``).
An indented paragraph is translated only where it is prose inside a JSX element (a
``<TabItem>``'s paragraph). A JSX component's tag with an expression prop alone on its lines
(``<Meta title="Card" parameters={{ layout: "centered" }} />``, over several lines too) is
kept as written: CommonMark reads no HTML tag in it, and it was translated as prose; its
text props (:data:`TEXT_PROPS`: ``title="Install the CLI"``) are translated all the same. Such
a tag in a paragraph's text (``Click <Button onClick={() => setOpen(true)}>Save</Button>``) is
kept whole as code is (:func:`inline_component_end`), but for its text props, translated
as a Markdown image's alt text is; its closing tag and the text between read as CommonMark
reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.html_segments import READ_ATTRIBUTES, AttributeValue, Dialect, Segments, segments

_TAG_NAME = re.compile(r"<([A-Za-z][\w.:-]*)")
# a line that opens a JSX element (<TabItem value="npm" label="npm">), not one that closes
# one or is whole (<Avatar name={name} />)
_OPENING_TAG = re.compile(rf"[ \t]*<[A-Za-z][\w.:-]*(?:\s{TAG_BODY})?(?<!/)>[ \t]*")
# what code has and prose lacks: braces, arrows, calls (f(x)), tags, an admonition's marker
_CODE_SIGNS = re.compile(r"[{}<]|=>|[\w.]\(|:::")
# a line of a command: a shell prompt, a package manager, git, cd or a script
_COMMAND = re.compile(r"[ \t]*(?:\$ |(?:npx|npm|yarn|pnpm|pip|pip3|git|cd)\b|\./)")
_SENTENCE_END = re.compile(r"[.!?][\"')\]*_]*$")
# where a JSX component's tag starts a line: its slash if it closes, its name (capitalised,
# or a member's: <Tabs.Item>)
_COMPONENT_TAG = re.compile(r"[ \t]*</?[A-Z][\w.:-]*")
_QUOTES = "\"'`"
# the string props of a component's tag kept as written that people read, translated: those
# read on HTML's tags (alt, title, aria-label, placeholder ...) and component libraries' text
# props
TEXT_PROPS = READ_ATTRIBUTES | {"label", "description", "caption"}
# components whose string props are no text: Storybook's <Meta title="Components/Card">, the
# place of the stories in its sidebar
_NOT_TEXT = frozenset({"Meta"})
# HTML read for a component's text props alone
_TEXT_PROPS = Dialect(read=TEXT_PROPS)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def html_attributes(attributes: list[AttributeValue], text: str) -> list[AttributeValue]:
    """The ``attributes`` of an MDX page's HTML block ``text`` that stand in HTML's tags
    (lowercase: ``<img alt="...">``), which are translated as a Markdown page's; a JSX
    component's props (``<Card title="Get started">``) are code, kept as written."""
    return [value for value in attributes if not _in_component(text, value.start)]


def _in_component(text: str, start: int) -> bool:
    """Whether the attribute value at ``start`` of ``text`` is a prop of a JSX component (a
    capitalised tag), or of a tag not told."""
    name = _TAG_NAME.match(text, text.rfind("<", 0, start))
    return name is None or not name.group(1)[0].islower()


def indented_prose(lines: Sequence[str], first: int, last: int, text: str) -> bool:
    """Whether the indented paragraph of ``lines[first:last]`` (``text``: as the parser read
    it) is prose inside a JSX element: the nearest line before it at a lower indent opens a
    JSX tag, it has no sign of code (:data:`_CODE_SIGNS`, a command's start) and it reads as
    sentences (ends as one does, or has three words or more, one in lower case)."""
    if not _in_element(lines, first) or _CODE_SIGNS.search(text):
        return False
    if any(_COMMAND.match(line) for line in [*lines[first:last], *text.splitlines()]):
        return False
    words = _WORD.findall(text)
    return bool(_SENTENCE_END.search(text.rstrip())) or (
        len(words) >= 3 and any(word.islower() for word in words)
    )


def _in_element(lines: Sequence[str], first: int) -> bool:
    """Whether the nearest line before ``lines[first]`` indented less opens a JSX tag."""
    indent = _indent(lines[first])
    for line in reversed(lines[:first]):
        if line.strip() and _indent(line) < indent:
            return _OPENING_TAG.fullmatch(line) is not None
    return False


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def component_tag_end(lines: Sequence[str], number: int) -> int:
    """The line after a JSX component's tag with an expression prop (``of={Stories}``,
    ``args={{ label: 'Send' }}``: braces balanced, nested, strings in them) that starts
    ``lines[number]`` and is alone on its lines, over several of them but no blank one; else
    0. Such a tag is kept as written (module docstring)."""
    opening = _COMPONENT_TAG.match(lines[number])
    if opening is None:
        return 0
    text = "\n".join(lines[number:])
    at, expression = _tag_end(text, opening.end())
    if at < 0 or not expression or _line_at(text, at + 1).strip():
        return 0
    return number + text.count("\n", 0, at) + 1


def inline_component_end(text: str, start: int) -> int:
    """The end of a JSX component's opening or self-closing tag with an expression prop that
    starts at ``start`` of a paragraph's ``text`` (``<Button onClick={() => setOpen(true)}>``,
    ``<Badge count={3} />``): after its ``>``, braces balanced and strings skipped (the ``>`` of
    an expression's ``=>`` ended it, and the model lost or translated the rest); else 0. Such
    a tag is kept as written, as code is."""
    opening = _COMPONENT_TAG.match(text, start)
    if opening is None or text[start] != "<" or text[start + 1] == "/":
        return 0
    at, expression = _tag_end(text, opening.end())
    return at + 1 if at >= 0 and expression else 0


def _tag_end(text: str, start: int) -> tuple[int, bool]:
    """Where the JSX tag whose props start at ``start`` of ``text`` ends (its ``>`` outside
    braces and strings), and whether an expression prop (``{...}``) comes before; -1 where a
    blank line, a stray ``}`` or the text's end comes first."""
    expression = False
    for at, character, depth, quoted in _read(text, start):
        if quoted:
            continue
        if character == "{":
            expression = True
        elif character == "\n" and not _line_at(text, at + 1).strip():
            break  # a blank line ends the tag unclosed
        elif character == ">" and depth == 0:
            return at, expression
        if depth < 0:
            break
    return -1, expression


def component_shape(tag: str) -> str:
    """A JSX component's ``tag`` kept as written (:func:`component_tag_end`: its lines) as
    ``ltmt qa`` compares it with a translation's: its name, its props' names and its
    expressions as written, its string props' values set aside (``title="…"``: a translation
    writes its own) and the white space between its props one space (``<Card title="…" />``)."""
    opening = _COMPONENT_TAG.match(tag)
    if opening is None:
        return tag
    shape, string = [tag[: opening.end()].strip()], False
    for _at, character, depth, quoted in _read(tag, opening.end()):
        if quoted and depth == 0:  # a string prop's value
            shape.append("" if string else '"…"')
        elif depth > 0 or character == "}" or not character.isspace():  # (an expression's too)
            shape.append(character)
        elif shape[-1] != " ":
            shape.append(" ")
        string = quoted and depth == 0
    return re.sub(r" ?(/?)>$", lambda end: " />" if end[1] else ">", "".join(shape))


def component_props(tag: str) -> Segments:
    """The text props (:data:`TEXT_PROPS`) with a letter of a JSX component's ``tag`` kept as
    written (:func:`component_tag_end`: its lines), as an HTML tag's attribute values in their
    places in ``tag``: string props (``<Card title="Install the CLI" href={...} />``), not
    strings in an expression (``icon={<Icon title="..." />}``)."""
    opening = _COMPONENT_TAG.match(tag)
    if opening is None or opening.group().strip().lstrip("</") in _NOT_TEXT:
        return Segments()
    found = segments(_expressions_as_strings(tag, opening.end()), dialect=_TEXT_PROPS)
    return Segments(attributes=found.attributes, numbered=found.numbered)


def _expressions_as_strings(tag: str, start: int) -> str:
    """``tag`` with each of its prop's expressions after ``start`` written as a string of as
    many characters (``{save}``: ``"    "``; a spread, ``{...props}``, as white space), its
    line breaks kept: an HTML parser reads the string props of a JSX tag so, in their
    places."""
    written, before, brace = list(tag), 0, " "
    for at, character, depth, _quoted in _read(tag, start):
        if before + depth == 1 and character in "{}":  # (an outermost brace)
            if character == "{":
                brace = '"' if tag[start:at].rstrip().endswith("=") else " "
            written[at] = brace
        elif before and character != "\n":
            written[at] = " "
        before = depth
    return "".join(written)


def _read(text: str, start: int) -> Iterator[tuple[int, str, int, bool]]:
    """Each character of ``text`` from ``start`` (a JSX tag's after its name), with the depth
    of the braces it leaves open (its ``{``'s: 1) and whether it is a string's, quotes
    included (a prop's value, or a string in an expression)."""
    depth, quote = 0, ""
    for at in range(start, len(text)):
        character = text[at]
        if quote:
            quote = "" if character == quote and text[at - 1] != "\\" else quote
            yield at, character, depth, True
        elif character in _QUOTES:
            quote = character
            yield at, character, depth, True
        else:
            depth += (character == "{") - (character == "}")
            yield at, character, depth, False


def _line_at(text: str, start: int) -> str:
    """What of ``text`` stands from ``start`` to its line's end."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]
