"""Java's ``Formatter`` (``String.format``, Android's ``getString(R.string.hello, name)``): a
message of one argument may write it numbered or not.

Java takes an unnumbered conversion's argument by the count of unnumbered ones before it, a
numbered one's by its number, in the same string; so with one argument ``Hallo, %s!`` shows
what ``Hello, %1$s!`` does, and Android lint accepts it. A second unnumbered ``%s`` would take
a second argument, which the app does not pass. C's printf leaves a string that mixes numbered
and unnumbered conversions undefined, and Python's ``%`` has no numbered ones: their
translations are held to the source's conversions as written
(:func:`ltmt.formats.placeholder_syntax.positional_aliases` reads a numbered ``%1$s`` for an
unnumbered source's ``%s``, which every printf allows).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders

# a catalog's syntax (:attr:`ltmt.formats.keyed_catalog.KeyedCatalog.syntax`, a pair's
# metadata ``syntax``) whose strings Java's Formatter formats: Android's strings.xml, a
# .properties bundle
JAVA_FORMATTER = "java-formatter"
# gettext's flag of a message that Java's String.format formats (a PO's or XLIFF's entry)
JAVA_PRINTF_FLAG = "java-printf-format"
# Java's conversions that take no argument: a percent sign, a line separator
_NO_ARGUMENT = frozenset({"%%", "%n"})


def formatted_by_java(syntax: str, flags: Collection[str]) -> bool:
    """Whether a string of a file of ``syntax`` with the format ``flags`` is one that Java's
    Formatter formats (:data:`JAVA_FORMATTER`, :data:`JAVA_PRINTF_FLAG`)."""
    return syntax == JAVA_FORMATTER or JAVA_PRINTF_FLAG in flags


def single_argument_aliases(
    source: str, target: str, written: Callable[[str], str] = lambda text: text
) -> dict[str, str]:
    """The unnumbered conversion of ``target`` → the numbered one of ``source`` it shows the
    value of (``%s`` → ``%1$s``), where ``source`` has one conversion, of its first argument,
    and ``target`` one unnumbered conversion of its type (module docstring); else none.
    ``written``: each conversion as the caller compares them (``ltmt qa`` without widths:
    ``%-12s`` as ``%s``)."""
    conversions = [p for p in find_placeholders(source) if _takes_argument(p)]
    if len(conversions) != 1 or not conversions[0].text.startswith("%1$"):
        return {}
    unnumbered = [p.text for p in find_placeholders(target) if _takes_argument(p) and p.ordered]
    if len(unnumbered) != 1:
        return {}
    numbered = written(conversions[0].text)
    plain = written(unnumbered[0])
    return {plain: numbered} if written(f"%1${unnumbered[0][1:]}") == numbered else {}


def _takes_argument(placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` is a printf conversion that takes an argument."""
    return placeholder.kind == "printf" and placeholder.text not in _NO_ARGUMENT
