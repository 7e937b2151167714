"""The strings of a UWP/WinUI ``.resw`` file that set a XAML property that is no text.

A ``.resw`` string named ``Name.Property`` is applied by XAML's ``x:Uid="Name"`` to that
property of the element: ``AmountText.Text`` is words, ``AmountText.TextAlignment`` (``Right``)
is an enumeration's member that the loader parses. Translated (``Rechts``), it is a value the
loader cannot parse, and the page throws a ``XamlParseException`` in that language only.

A string is such a setting where its name's last part is a property known to take no text
(:data:`_MEMBERS`, :data:`_SIZES`, :data:`_THICKNESSES`, :data:`_BRUSHES`) *and* its value
has that property's shape: one of the enumeration's members (any case, as XAML reads them),
a number, a thickness (``0,4,0,0``), a colour (``Red``, ``#FF0078D4``). A deny-list, not an
allow-list of text properties: a name with a dot that is no x:Uid key (``Errors.NotFound``)
or a text property not listed (a custom control's ``Caption``) stays translated, as before;
and the value's shape keeps a heading keyed ``Profile.Visibility`` (``Who can see this``)
translated too.
"""

from __future__ import annotations

import re

# an alignment's members (TextAlignment, HorizontalAlignment, VerticalAlignment, the content
# and MAUI's text alignments)
_ALIGNMENTS = frozenset(
    {"left", "right", "center", "stretch", "justify", "top", "bottom", "start", "end"}
    | {"detectfromcontent"}
)
_FONT_WEIGHTS = frozenset(
    {"thin", "extralight", "ultralight", "light", "semilight", "normal", "regular", "medium"}
    | {"semibold", "demibold", "bold", "extrabold", "ultrabold", "black", "heavy"}
    | {"extrablack", "ultrablack"}
)
_FONT_STRETCHES = frozenset(
    {"undefined", "ultracondensed", "extracondensed", "condensed", "semicondensed", "normal"}
    | {"semiexpanded", "expanded", "extraexpanded", "ultraexpanded"}
)
# an enumeration-valued property, by name, and its members in lower case
_MEMBERS: dict[str, frozenset[str]] = {
    "textalignment": _ALIGNMENTS,
    "horizontalalignment": _ALIGNMENTS,
    "verticalalignment": _ALIGNMENTS,
    "horizontalcontentalignment": _ALIGNMENTS,
    "verticalcontentalignment": _ALIGNMENTS,
    "horizontaltextalignment": _ALIGNMENTS,
    "verticaltextalignment": _ALIGNMENTS,
    "textreadingorder": frozenset({"default", "usefloworder", "detectfromcontent"}),
    "visibility": frozenset({"visible", "collapsed"}),
    "flowdirection": frozenset({"lefttoright", "righttoleft"}),
    "orientation": frozenset({"horizontal", "vertical"}),
    "fontweight": _FONT_WEIGHTS,
    "fontstyle": frozenset({"normal", "italic", "oblique"}),
    "fontstretch": _FONT_STRETCHES,
    "textwrapping": frozenset({"nowrap", "wrap", "wrapwholewords"}),
    "texttrimming": frozenset({"none", "clip", "characterellipsis", "wordellipsis"}),
    "stretch": frozenset({"none", "fill", "uniform", "uniformtofill"}),
    "linestackingstrategy": frozenset({"maxheight", "blocklineheight", "baselinetobaseline"}),
}
# a size's property: a number, or Auto
_SIZES = frozenset(
    {"width", "height", "minwidth", "minheight", "maxwidth", "maxheight", "fontsize"}
    | {"characterspacing", "lineheight", "opacity"}
)
# a thickness's: one, two or four numbers
_THICKNESSES = frozenset({"margin", "padding", "borderthickness", "cornerradius"})
# a brush's: a colour's name or its hex digits
_BRUSHES = frozenset(
    {"foreground", "background", "borderbrush", "fill", "stroke", "placeholderforeground"}
)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_COLOUR = re.compile(r"[A-Za-z]{3,20}|#(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")


def sets_property_not_text(name: str, value: str) -> bool:
    """Whether the ``.resw`` string ``name`` (``AmountText.TextAlignment``) with ``value``
    (``Right``) sets a XAML property that takes no text, as XAML would parse it (module
    docstring)."""
    if "." not in name:
        return False  # a string the code reads (ResourceLoader.GetString), not an x:Uid's
    prop = name.rsplit(".", 1)[1].lower()
    shape = value.strip()
    if prop in _MEMBERS:
        return shape.lower() in _MEMBERS[prop]
    if prop in _SIZES:
        return shape.lower() in ("auto", "nan") or _NUMBER.fullmatch(shape) is not None
    if prop in _THICKNESSES:
        parts = shape.replace(",", " ").split()
        return len(parts) in (1, 2, 4) and all(_NUMBER.fullmatch(part) for part in parts)
    if prop in _BRUSHES:
        return _COLOUR.fullmatch(shape) is not None
    return False
