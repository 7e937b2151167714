"""Format-string rules of gettext flags: is a translation valid where its entry says
``c-format``, ``python-format``, ``python-brace-format``, ``qt-format`` ...?

The rules are the ones ``msgfmt -c`` applies (gettext's ``format-*.c``), checked strictly (the
translation has the source's arguments, no more and no fewer, with the same types):

- ``c-format`` / ``objc-format``: every ``%`` starts a valid directive (``%%``, ``%s``,
  ``%-10.3lf``, ``%2$s``, ``%<PRId64>``); numbered and unnumbered arguments are not mixed; the
  arguments (by number, or in order) have the source's types.
- ``python-format``: ``%(name)s`` or unnamed ``%s`` (not mixed); names are the source's, with
  the same types; unnamed ones match in number and types.
- ``python-brace-format``: ``{name}``, ``{0}``, ``{}``, ``{x.attr[0]!r:>10}``; ``{{``/``}}`` are
  literal, a lone brace is an error; the fields are the source's, each with its index and
  attribute, an unnamed ``{}`` standing for the next number from 0 (``{1} von {0}`` translates
  ``{} of {}``); and where every field of the source is one msgfmt reads (a standard format spec,
  ``{amount:>10.2f}``, or a nested field; no conversion, ``!r``), each with its format spec
  (``{count:d}``, not ``{count}``). A source with a field msgfmt does not read (``{0!r}``, a
  date's ``{when:%Y-%m-%d}``, grouping ``{amount:,.2f}``) is no format string to msgfmt, which
  checks nothing of it; its arguments are still compared here (a name Python cannot find is an
  error at run time).
- ``java-format``: a ``java.text.MessageFormat`` pattern that Java can parse
  (:func:`ltmt.formats.message_format.pattern_problem`: ``{'name'}``, an unmatched brace).
- ``csharp-format``: a .NET composite format string as ``String.Format`` parses it:
  ``{{``/``}}`` are literal braces, every other brace belongs to a format item
  ``{index[,alignment][:formatString]}`` (``{0}``, ``{0,-20}``, ``{1,10:C2}``), a lone brace
  throws ``FormatException``; the items' indexes are the source's (one the source lacks reads
  an argument the call does not pass). A translation may leave out an item: .NET allows it,
  and the placeholder check says what it lacks.
- ``ruby-format``: Ruby's ``format`` (:mod:`ltmt.formats.ruby_format`: ``%{name}``,
  ``%<name>d``, ``%s``, ``%2$s``, ``%%``; a lone ``%`` is an error); names are the source's,
  with the same types (``%{name}`` a string's, as ``%<name>s``), unnamed arguments match in
  number and types.
- ``qt-format`` / ``kde-format`` (``%1`` … ``%99``), ``qt-plural-format`` (also ``%n``),
  ``sh-format`` (``$name``, ``${name}``), ``perl-brace-format`` (``{name}``): the same set.

Flags of other languages are checked by the caller's placeholder inventory. A ``no-*-format``
flag switches its check off.

    problems = check_format(("c-format",), "%d file(s)", "%d Datei(en)")     # [] = valid
    fixed = fix_directives(("python-format",), source, "%(count) Schlüssel %(count)s")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from ltmt.formats.message_format import pattern_problem
from ltmt.formats.ruby_format import RubyFormatError
from ltmt.formats.ruby_format import arguments as ruby_arguments

_C_DIRECTIVE = re.compile(
    r"%(?:(?P<pos>[1-9]\d*)\$)?"
    r"(?P<flags>[-+ #0'I]*)"
    r"(?P<width>\d+|\*(?:[1-9]\d*\$)?)?"
    r"(?:\.(?P<precision>\d*|\*(?:[1-9]\d*\$)?))?"
    r"(?P<size>hh|h|ll|l|L|q|j|z|Z|t)?"
    r"(?P<conv>[diouxXeEfFgGaAcCsSpnm%]|<PRI[diouxX](?:8|16|32|64|LEAST\d+|FAST\d+|MAX|PTR)>)"
)
_PY_DIRECTIVE = re.compile(
    r"%(?:\((?P<name>[^()]*)\))?"
    r"(?P<flags>[-+ #0]*)"
    r"(?P<width>\d+|\*)?"
    r"(?:\.(?P<precision>\d+|\*))?"
    r"(?P<size>[hlL])?"
    r"(?P<conv>[diouxXeEfFgGcrsa%])"
)
_BRACE_FIELD = re.compile(
    r"\{(?P<name>[^{}!:\[.]*)(?P<rest>(?:\.\w+|\[[^\]]*\])*)"
    r"(?P<format>(?:![rsa])?(?::(?:[^{}]|\{[^{}]*\})*)?)\}"
)
# a brace field as msgfmt reads it (gettext's format-python-brace.c): a name or number (or none,
# as gettext reads {} today), attributes and indexes, then PEP 3101's standard format spec,
# [[fill]align][sign][#][0][width][.precision][type], or a nested field; no conversion (!r)
_MSGFMT_NAME = r"(?:[A-Za-z_][A-Za-z_0-9]*|[0-9]+)"
_MSGFMT_ARGUMENT = rf"{_MSGFMT_NAME}(?:\.[A-Za-z_][A-Za-z_0-9]*|\[{_MSGFMT_NAME}\])*"
_STANDARD_SPEC = r"(?:.?[<>=^])?[-+ ]?#?0?[0-9]*(?:\.[0-9]+)?[bcdoxXneEfFgG%]?"
_MSGFMT_FIELD = re.compile(
    rf"\{{(?:{_MSGFMT_ARGUMENT})?(?::(?:\{{{_MSGFMT_ARGUMENT}\}}|{_STANDARD_SPEC}))?\}}", re.DOTALL
)
# a .NET composite format item (gettext's format-csharp.c): an index, an alignment, a format
_CSHARP_ITEM = re.compile(r"\{(?P<index>\d+)[ ]*(?:,[ ]*-?\d+[ ]*)?(?::[^{}]*)?\}")
_QT = re.compile(r"%L?(?P<n>[1-9]\d?)")
_QT_PLURAL = re.compile(r"%L?(?P<n>[1-9]\d?|n)")
_SH = re.compile(r"\$(?:\{(?P<braced>[A-Za-z_]\w*)\}|(?P<name>[A-Za-z_]\w*))")
_PERL_BRACE = re.compile(r"\{(?P<name>[A-Za-z_]\w*)\}")

_C_TYPES = {
    **dict.fromkeys("diouxX", "int"),
    **dict.fromkeys("eEfFgGaA", "double"),
    **dict.fromkeys("cC", "char"),
    **dict.fromkeys("sS", "string"),
    "p": "pointer",
    "n": "count",
}
_SIZES = {"hh": "char-sized ", "h": "short ", "l": "long ", "ll": "long long ", "q": "long long "}
_SIZES.update({"L": "long ", "j": "intmax_t ", "z": "size_t ", "Z": "size_t ", "t": "ptrdiff_t "})
_PY_TYPES = {
    **dict.fromkeys("diouxX", "int"),
    **dict.fromkeys("eEfFgG", "float"),
    "c": "char",
    **dict.fromkeys("rsa", "any"),
}


class _Invalid(Exception):
    """A string that is not a valid format string of its kind."""


def _c_arguments(text: str) -> list[tuple[str, str]]:
    """``(argument key, type)`` of a C format string; ``_Invalid`` at a bad ``%``."""
    args: list[tuple[str, str]] = []
    position = 0
    numbered = unnumbered = False
    while (start := text.find("%", position)) >= 0:
        match = _C_DIRECTIVE.match(text, start)
        if match is None:
            raise _Invalid(f"invalid directive at {text[start : start + 6]!r}")
        position = match.end()
        conv = match.group("conv")
        if conv == "%":
            if match.group() != "%%":
                raise _Invalid(f"invalid directive {match.group()!r}")
            continue
        if conv == "m":  # glibc: strerror(errno), takes no argument
            continue
        for star in (match.group("width"), match.group("precision")):
            if star and star.startswith("*"):
                unnumbered |= star == "*"
                numbered |= star != "*"
                key = star[1:-1] if star != "*" else str(len(args) + 1)
                args.append((key, "int"))
        pos = match.group("pos")
        numbered |= pos is not None
        unnumbered |= pos is None
        kind = conv if conv.startswith("<") else _C_TYPES[conv]
        if conv.startswith("<"):
            kind = "int"
        size = _SIZES.get(match.group("size") or "", match.group("size") or "")
        args.append((pos or str(len(args) + 1), f"{size}{kind}"))
    if numbered and unnumbered:
        raise _Invalid("numbered and unnumbered arguments mixed")
    return args


def _check_c(source: str, translation: str) -> list[str]:
    want, have = dict(_c_arguments(source)), dict(_c_arguments(translation))
    return _compare(want, have, "argument")


def _py_arguments(text: str) -> tuple[bool, list[tuple[str, str]]]:
    """``(named, [(name or position, type)])`` of a Python %-format string."""
    args: list[tuple[str, str]] = []
    named = unnamed = False
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = _PY_DIRECTIVE.match(text, start)
        if match is None:
            raise _Invalid(f"invalid directive at {text[start : start + 12]!r}")
        position = match.end()
        if match.group("conv") == "%":
            if match.group() != "%%":
                raise _Invalid(f"invalid directive {match.group()!r}")
            continue
        name = match.group("name")
        named |= name is not None
        unnamed |= name is None
        for star in (match.group("width"), match.group("precision")):
            if star == "*":
                if name is not None:
                    raise _Invalid("'*' width in a named directive")
                args.append((str(len(args) + 1), "int"))
        args.append((name if name is not None else str(len(args) + 1), _PY_TYPES[match["conv"]]))
    if named and unnamed:
        raise _Invalid("named and unnamed arguments mixed")
    return named, args


def _check_python(source: str, translation: str) -> list[str]:
    source_named, want = _py_arguments(source)
    named, have = _py_arguments(translation)
    if want and have and named != source_named:
        return ["named and unnamed arguments differ from the source"]
    if named or source_named:
        return _compare(dict(want), dict(have), "name")
    return _compare(dict(want), dict(have), "argument")


class _BraceFields(NamedTuple):
    """A Python brace format string's fields: each argument (its name or number with its
    attributes and indexes, ``a[0]``, ``b.c``) with its fields' conversions and format specs
    (``:d`` of ``{count:d}``, ``""`` of ``{count}``), and whether msgfmt reads every field
    (:data:`_MSGFMT_FIELD`)."""

    formats: dict[str, set[str]]
    msgfmt_reads: bool


def _brace_fields(text: str) -> _BraceFields:
    """The fields of the Python brace format string ``text`` (gettext's
    ``format-python-brace.c``), an unnamed ``{}`` named by the next number from 0 (``{} of
    {}`` has ``0`` and ``1``, as ``{0} of {1}`` does); ``_Invalid`` where numbered and unnamed
    fields are mixed or a brace is not a field's."""
    formats: dict[str, set[str]] = {}
    msgfmt_reads = True
    unnamed = numbered = 0
    for match in _braced(text, _BRACE_FIELD, "a lone '}'", "invalid field at {}"):
        name = match.group("name")
        if not name:
            name, unnamed = str(unnamed), unnamed + 1
        else:
            numbered += name.isdigit()
        if unnamed and numbered:
            raise _Invalid("automatic and manual field numbering mixed")
        formats.setdefault(name + match.group("rest"), set()).add(match.group("format"))
        msgfmt_reads = msgfmt_reads and _MSGFMT_FIELD.fullmatch(match.group()) is not None
    return _BraceFields(formats, msgfmt_reads)


def _braced(text: str, field: re.Pattern[str], lone: str, invalid: str) -> Iterator[re.Match[str]]:
    """The ``field`` matches of a brace format string ``text`` (Python's, .NET's), its doubled
    braces (``{{``, ``}}``) skipped as the literal braces they are; ``_Invalid`` saying ``lone``
    at a lone ``}`` and ``invalid`` (a ``{}`` for the text there) at a ``{`` no field starts."""
    position = 0
    while position < len(text):
        char = text[position]
        if char in "{}" and text[position : position + 2] in ("{{", "}}"):
            position += 2
            continue
        if char == "}":
            raise _Invalid(lone)
        if char == "{":
            match = field.match(text, position)
            if match is None:
                raise _Invalid(invalid.format(repr(text[position : position + 12])))
            yield match
            position = match.end()
            continue
        position += 1


def _check_brace(source: str, translation: str) -> list[str]:
    """The source's arguments, no more and no fewer, each with the source's format specs where
    msgfmt compares them: where it reads every field of the source (module docstring)."""
    want, have = _brace_fields(source), _brace_fields(translation)
    problems = _compare(dict.fromkeys(want.formats, ""), dict.fromkeys(have.formats, ""), "field")
    if want.msgfmt_reads:
        problems += [
            f"field {argument!r}: format spec differs ({_fields(argument, have.formats[argument])}"
            f" for {_fields(argument, formats)})"
            for argument, formats in want.formats.items()
            if argument in have.formats and have.formats[argument] != formats
        ]
    return problems


def _fields(argument: str, formats: set[str]) -> str:
    """The fields of ``argument`` with ``formats``, in one line (``{x} {x:d}``)."""
    return " ".join(f"{{{argument}{written}}}" for written in sorted(formats))


def _csharp_items(text: str) -> dict[str, str]:
    """The indexes of the .NET composite format string ``text``'s items; ``_Invalid`` at a
    brace that is neither doubled nor an item's (``String.Format`` throws there)."""
    return {
        match.group("index"): ""
        for match in _braced(
            text,
            _CSHARP_ITEM,
            "a lone '}' (write '}}' for a brace)",
            "invalid format item at {} (write '{{{{' for a brace)",
        )
    }


def _check_csharp(source: str, translation: str) -> list[str]:
    want, have = _csharp_items(source), _csharp_items(translation)
    return [problem for problem in _compare(want, have, "argument") if "missing" not in problem]


def _check_java(source: str, translation: str) -> list[str]:
    if pattern_problem(source) is not None:
        raise _Invalid(f"no MessageFormat pattern: {pattern_problem(source)}")
    problem = pattern_problem(translation)
    return [] if problem is None else [f"no MessageFormat pattern Java parses: {problem}"]


def _check_ruby(source: str, translation: str) -> list[str]:
    try:
        want, have = ruby_arguments(source), ruby_arguments(translation)
    except RubyFormatError as exc:
        raise _Invalid(str(exc)) from exc
    if want.types and have.types and want.named != have.named:
        return ["named and unnamed arguments differ from the source"]
    return _compare(want.types, have.types, "name" if want.named or have.named else "argument")


def _set_checker(pattern: re.Pattern[str]) -> Callable[[str, str], list[str]]:
    def check(source: str, translation: str) -> list[str]:
        def names(text: str) -> dict[str, str]:
            return {next(g for g in m.groups() if g): "" for m in pattern.finditer(text)}

        return _compare(names(source), names(translation), "argument")

    return check


def _compare(want: dict[str, str], have: dict[str, str], what: str) -> list[str]:
    problems = [f"{what} {key!r} missing" for key in want if key not in have]
    problems += [f"{what} {key!r} not in the source" for key in have if key not in want]
    problems += [
        f"{what} {key!r} is {have[key]}, not {want[key]}"
        for key in want
        if key in have and have[key] != want[key]
    ]
    return problems


CHECKS: dict[str, Callable[[str, str], list[str]]] = {
    "c-format": _check_c,
    "objc-format": _check_c,
    "python-format": _check_python,
    "python-brace-format": _check_brace,
    "java-format": _check_java,
    "csharp-format": _check_csharp,
    "ruby-format": _check_ruby,
    "qt-format": _set_checker(_QT),
    "kde-format": _set_checker(_QT),
    "qt-plural-format": _set_checker(_QT_PLURAL),
    "sh-format": _set_checker(_SH),
    "perl-brace-format": _set_checker(_PERL_BRACE),
}


def format_flags(flags: Iterable[str]) -> list[str]:
    """The flags of ``flags`` that declare a format this module checks (``no-`` ones skipped)."""
    return [flag for flag in flags if flag in CHECKS]


def has_directives(flag: str, text: str) -> bool:
    """Whether ``text`` is a valid ``flag`` format string with at least one argument (what
    xgettext looks for before it marks a C string ``c-format``)."""
    try:
        return bool(CHECKS[flag]("", text))  # every argument of text is "not in the source"
    except _Invalid:
        return False


def unchecked_flags(flags: Iterable[str], source: str) -> list[str]:
    """The format flags of ``flags`` that ``source`` is no valid format string of: a
    ``c-format`` entry that writes ``strftime``'s ``%H:%M``. msgfmt -c checks nothing of such an
    entry's translation, nor does :func:`check_format`, and :func:`fix_directives` leaves it
    as written."""
    unchecked = []
    for flag in format_flags(flags):
        try:
            CHECKS[flag](source, "")
        except _Invalid:
            unchecked.append(flag)
    return unchecked


def check_format(flags: Iterable[str], source: str, translation: str) -> list[str]:
    """What makes ``translation`` an invalid format string for the ``flags`` of its entry
    (empty: valid; a flag its source is not valid for is not checked: :func:`unchecked_flags`).
    Each problem names the flag."""
    problems: list[str] = []
    unchecked = unchecked_flags(flags, source)
    for flag in format_flags(flags):
        if flag in unchecked:
            continue
        try:
            problems.extend(f"{flag}: {p}" for p in CHECKS[flag](source, translation))
        except _Invalid as exc:
            problems.append(f"{flag}: {exc}")
    return problems


# the count of a plural entry, which its first form may leave out: a printf integer (%d, %lu,
# %1$d, Python's %(num)d), Qt's %n, a brace field ({0}, {count})
COUNT_CONVERSION = re.compile(
    r"%(?:[1-9]\d*\$)?(?:\(\w+\))?[-+ #0']*\d*(?:hh|h|ll|l|j|z|t|q)?[diu]$|%n$|\{\w*\}$"
)


def check_plural_format(
    flags: Iterable[str], source: str, translation: str, form: int | None
) -> list[str]:
    """:func:`check_format` of a plural entry's ``form`` (None: no plural): its first form may
    leave out the count, as ``msgfmt -c`` lets it (``Eine Datei`` for ``%d file``, ``Eine Datei
    ausgewählt`` for Qt's ``%n file selected``: the form of one number, in the languages whose
    first form is for 1 alone)."""
    from ltmt.formats.placeholder_syntax import find_placeholders

    problems = check_format(flags, source, translation)
    if problems and form == 0:
        counts = [p.text for p in find_placeholders(source) if COUNT_CONVERSION.match(p.text)]
        lone = len(counts) == 1 and counts[0] not in translation
        if lone and not check_format(flags, source, f"{translation} {counts[0]}"):
            return []
    return problems


_BROKEN_NAMED = re.compile(
    r"%\((?P<name>[^()\s]*)\)(?![-+ #0]*\d*(?:\.\d+)?[hlL]?[diouxXeEfFgGcrsa%])"
)


def fix_directives(flags: Iterable[str], source: str, translation: str) -> str:
    """``translation`` with every ``%`` that starts none of the source's directives made
    harmless, for printf flags (``c-format``, ``python-format``): a truncated ``%(name)`` whose
    directive the text lacks becomes the source's ``%(name)s``, one it already has is dropped,
    and any other stray ``%`` (``100 % fertig``, where ``% f`` would read as a directive)
    becomes ``%%``. Numbered ``%2$s`` are kept. Other flags, and those the source is not valid
    for (its ``%H`` is no stray ``%``: :func:`unchecked_flags`), are left alone (the caller
    re-checks)."""
    wanted = set(format_flags(flags)) - set(unchecked_flags(flags, source))
    if not wanted & {"c-format", "objc-format", "python-format"}:
        return translation
    pattern = _PY_DIRECTIVE if "python-format" in wanted else _C_DIRECTIVE
    source_named = {m.group("name"): m.group() for m in _PY_DIRECTIVE.finditer(source)}
    keep = {m.group() for m in pattern.finditer(source)} | {"%%"}

    def broken_named(match: re.Match[str]) -> str:
        directive = source_named.get(match.group("name"))
        if directive is None:
            return match.group()
        rest = translation[: match.start()] + translation[match.end() :]
        return "" if directive in rest else directive

    text = (
        _BROKEN_NAMED.sub(broken_named, translation) if "python-format" in wanted else translation
    )
    out, position = [], 0
    while (start := text.find("%", position)) >= 0:
        out.append(text[position:start])
        match = pattern.match(text, start)
        if match is not None and (match.group() in keep or "$" in match.group()):
            out.append(match.group())
            position = match.end()
        else:
            out.append("%%")
            position = start + 1
    out.append(text[position:])
    fixed = "".join(out)
    if "  " not in source:  # the spaces a dropped directive left; line breaks are kept
        fixed = re.sub(r"(?<=\S)  +(?=\S)", " ", fixed).strip(" ")
    return fixed
