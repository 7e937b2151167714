"""The checks that read one entry alone: its source, its translation and its format flags.

Each returns what it found as messages (none: the entry passes); :data:`PAIR_CHECKS` names
them as :data:`ltmt.qa.findings.CHECKS` does. They reuse what the translator itself keeps
right, so that a file ltmt translated and a file a person did are held to the same rules:
format strings as ``msgfmt -c`` reads them (:mod:`ltmt.formats.format_strings`), the
placeholder inventory (:mod:`ltmt.formats.placeholder_syntax`), numbers and their units
(:mod:`ltmt.qa.number_checks`, :mod:`ltmt.qa.unit_checks`), negations
(:mod:`ltmt.qa.negation_checks`) and accelerators (:mod:`ltmt.accelerators`). The whitespace
and punctuation checks are :mod:`ltmt.qa.whitespace_checks`'s and
:mod:`ltmt.qa.punctuation_checks`', an ICU message's arguments :mod:`ltmt.qa.icu_checks`'.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from ltmt.accelerators import (
    MARKERS,
    accelerators_added,
    accelerators_lost,
    ampersands_made_single,
    find_accelerator,
)
from ltmt.category_paths import lost_separators as lost_category_separators
from ltmt.copied_forms import copied_forms
from ltmt.copied_sentences import copied_sentences, written_again
from ltmt.date_formats import date_runs, directives, lost_fields
from ltmt.doubled_ampersands import words_lost_beside
from ltmt.formats.conversion_remnants import broken_conversions
from ltmt.formats.format_strings import check_plural_format
from ltmt.formats.formatting_codes import invalid_codes
from ltmt.formats.html_segments import READ_ATTRIBUTES
from ltmt.formats.icu_messages import (
    CASE_SEPARATOR,
    case_pairs,
    has_arguments_with_types,
    syntax_problem,
    without_markup,
)
from ltmt.formats.itstool_paths import is_itstool_entry
from ltmt.formats.java_formatter import formatted_by_java, single_argument_aliases
from ltmt.formats.json_catalog import WEBEXTENSION_FORMAT
from ltmt.formats.kept_parts import DOTNET, escaped_braces_aside
from ltmt.formats.laravel_fields import field_name
from ltmt.formats.link_locales import relocalised
from ltmt.formats.markdown_inline import kept_alone, kept_as_written, kept_spans
from ltmt.formats.mdx import component_shape
from ltmt.formats.numbered_markers import markers_in
from ltmt.formats.paired_tags import element_around
from ltmt.formats.phone_numbers import redialled
from ltmt.formats.placeholder_edges import glued_words, stray_braces, stray_marks
from ltmt.formats.placeholder_syntax import (
    AT_WORD_START,
    LOKALISE_PLACEHOLDER,
    Placeholder,
    find_placeholders,
    has_words,
    is_escaped_brace,
    positional_aliases,
    tag_parts,
    unspaced_template,
    without_placeholders,
)
from ltmt.formats.placeholders import is_count, singular_form
from ltmt.formats.plural_numbers import NUMBER_WRITTEN
from ltmt.formats.shrunk_pairs import shrunk_pairs, word_count
from ltmt.formats.size_limits import too_long_message
from ltmt.formats.subtitle_markup import override_problems
from ltmt.formats.wordless import ampersand_left_alone, lost_every_word, words_lost_between
from ltmt.formats.yarn_markup import marker_problems
from ltmt.key_combinations import COMBINATION, renderings
from ltmt.line_seams import doubled_words
from ltmt.menu_paths import lost_separators
from ltmt.pictographs import OWNERSHIP_SIGNS
from ltmt.pressed_keys import lost_pressed_keys
from ltmt.qa.amount_gaps import NBSP, added_amount_gaps
from ltmt.qa.bracket_checks import (
    garbled_fields,
    garbled_problem,
    localised_link_problems,
    localised_links,
)
from ltmt.qa.broken_tags import broken_tags
from ltmt.qa.code_block_checks import changed_code_lines
from ltmt.qa.code_checks import changed_code
from ltmt.qa.english_checks import english_problems
from ltmt.qa.findings import TARGET_LANGUAGE
from ltmt.qa.icu_checks import argument_problems
from ltmt.qa.laravel_checks import form_problems
from ltmt.qa.loose_text import text_outside_blocks
from ltmt.qa.mojibake_checks import mojibake_problems
from ltmt.qa.month_checks import changed_months, english_order, lost_months
from ltmt.qa.mozilla_checks import list_problems
from ltmt.qa.negation_checks import negation_problems
from ltmt.qa.number_checks import number_problems
from ltmt.qa.precision_checks import precision_problems
from ltmt.qa.punctuation_checks import punctuation_problems, quoting_problems
from ltmt.qa.renpy_checks import variable_problems
from ltmt.qa.sentence_checks import sentence_problems
from ltmt.qa.smart_format_checks import smart_form_problems
from ltmt.qa.suffix_checks import english_suffix_problems
from ltmt.qa.tag_nesting import moved_out
from ltmt.qa.unit_checks import unit_problems
from ltmt.qa.vue_checks import choice_problems, syntax_problems
from ltmt.qa.whitespace_checks import nbsp_problems, whitespace_problems
from ltmt.stage_directions import direction_problems
from ltmt.units import meant_as_written
from ltmt.wording import counted, first_few, shortened

PairCheck = Callable[[str, str, Mapping[str, Any]], list[str]]

# a printf conversion's flags, width and precision (numbers, not ``*``)
_SIZED = re.compile(r"^%((?:[1-9]\d*\$)?)[-+#0' ]*\d*(?:\.\d*)?(?=[A-Za-z<@])")
# an @-word a translation writes, an @ before a hyphen or a capital (``@-Erwähnungen``,
# ``@Namen``): no Drupal placeholder, which starts with a small letter
_OWN_AT_WORD = re.compile(rf"{AT_WORD_START}(-?)([^\W\d_])")
# an @-word whole, as written (``@Name``)
_OWN_AT_WORD_WHOLE = re.compile(rf"{AT_WORD_START}\w+")
# an argument by name or number (``{name}``, ``%(name)s``, ``%1$s``, ``%1``), which a
# translation may use fewer times than its source, but once at least
_NAMED = re.compile(r"\{\w+[^{}]*\}|%\(\w+\)|%[1-9]\d*\$|%L?[1-9]\d?$")
# a brace field named in capitals, as help texts name their metavariables
_CAPITALS = re.compile(r"\{[A-Z][A-Z0-9_]+\}")
_SHELL_VARIABLE = re.compile(r"\$[A-Z][A-Z0-9_]+")  # $HOME, $SHELL: text, as ${HOME} is
# a tag without attributes, and the HTML elements (and XLIFF and TMX codes, TextMeshPro's
# sprite) that take no closing tag
_BARE_TAG = re.compile(r"<([A-Za-z][\w-]*)>")
# a bare tag of either markup (<bold>, BBCode's [b]), which is one only where it is closed
_BARE_EITHER = re.compile(r"<[A-Za-z][\w-]*>|\[[A-Za-z][\w-]*\]")
# a stretch in angle brackets (a metavariable, <name>, or a tag's text), in a text's words
_BRACKETED = re.compile(r"<[^<>]*>")
_VOID = frozenset({"br", "hr", "img", "wbr", "bx", "ex", "x", "ph", "it", "cp", "sprite"})
# a WebExtension message's named substitution or reference to a message, of any case
_WEBEXTENSION_NAME = re.compile(r"\$\w+\$|__MSG_[A-Za-z0-9@_]+__")
# a brace field as the placeholder inventory writes it: a Python format string's
_BRACE_FIELD = re.compile(r"\{[^{}]*\}$")


# a word and a | before a translation's text (Buch|Autor): a context prefix kept
_KEPT_PREFIX = re.compile(r"[^\s|]+\|(?=\S)")
# a document's root element, outside which no text belongs (SSML's <speak>, <ssml:speak>); an
# HTML link or <b> around a whole source may have an article or a colon beside it in German
_DOCUMENT_ROOT_END = re.compile(r"</(?:[\w.-]+:)?speak\s*>")


def flags_of(metadata: Mapping[str, Any]) -> list[str]:
    """The format flags of an entry's metadata (PO's ``#,`` flags: ``c-format, no-wrap``)."""
    return [flag.strip() for flag in str(metadata.get("flags", "")).split(",") if flag.strip()]


def format_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """What makes ``target`` an invalid format string for the entry's flags. A plural entry's
    first form may leave out its count, as ``msgfmt -c`` lets it (``Eine Datei`` for ``%d
    file``: the form of one number, in the languages whose first form is for 1 alone). Those
    the file's reader found where the strings no longer show them (``metadata["format_problems"]``:
    a MessageFormat pattern's single apostrophe) come first."""
    form = str(metadata.get("plural", ""))
    number = int(form) if form.isdigit() else None
    found = list(metadata.get("format_problems") or [])
    return found + check_plural_format(flags_of(metadata), source, target, number)


def icu_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """What ICU rejects in ``target`` (:func:`ltmt.formats.icu_messages.syntax_problem`:
    ``{count, Zahl}``, unbalanced braces, ``{n, Plural, ... andere {...}}``) where ``source``
    is a valid ICU message with a typed argument (``{n, number}``, a plural, a select): a
    template's ``{name}`` alone does not make a message ICU. Before it, what ICU accepts but the
    program does not (:func:`ltmt.qa.icu_checks.argument_problems`: a renamed argument, a
    translated select key)."""
    source, target = without_markup(source), without_markup(target)  # XLIFF codes' braces
    if not has_arguments_with_types(source) or syntax_problem(source) is not None:
        return []
    problems = argument_problems(source, target)  # a renamed argument, a translated select key
    problem = syntax_problem(target)
    return problems + (
        [] if problem is None else [f"not a valid ICU message as its source is: {problem}"]
    )


def placeholder_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The placeholders, tags and entities ``target`` lacks or adds (:func:`_placeholder_problems`),
    and the Yarn Spinner markers it lacks as written but their forms
    (:func:`~ltmt.formats.yarn_markup.marker_problems`), and the subtitle override blocks
    (``{\\an8}``) its metadata says it lacks or adds
    (:func:`~ltmt.formats.subtitle_markup.override_problems`); of an ICU plural or select message,
    case by case, each named (``one: lacks %d``): its branches' texts are no placeholders, a
    target language's ``one`` holds the codes of the source's ``other``, and it, or an ``=1``,
    may leave out the number."""
    aside = override_problems(metadata)  # a subtitle's {\\an8}, kept out of its texts
    pairs = case_pairs(source, target)
    if pairs is None:
        return [
            *_placeholder_problems(source, target, metadata),
            *marker_problems(source, target),
            *aside,
        ]
    problems = []
    # a case's %d is the message's # (a source with a %d of its own says it as written)
    written = {field: hash_ for field, hash_ in NUMBER_WRITTEN.items() if field not in source}
    metadata = {**metadata, "placeholders": {**written, **(metadata.get("placeholders") or {})}}
    for name, source_case, target_case in pairs:
        of_one = name.rpartition(CASE_SEPARATOR)[2] in ("one", "=1", "=0")
        case_metadata = {**metadata, "plural": "0"} if of_one else metadata
        found = _placeholder_problems(source_case, target_case, case_metadata)
        problems += [f"{name}: {problem}" for problem in found]
    return problems + aside


def _braced_again(lost: Counter[str], added: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """``lost`` and ``added`` without a field the translation writes with a brace before it
    (``{{name}`` for ``{name}``: read as Ren'Py's escaped brace), which the stray braces say
    (:func:`~ltmt.formats.placeholder_edges.stray_braces`)."""
    for text in [text for text in added if is_escaped_brace(text) and lost[text[1:]]]:
        both = min(added[text], lost[text[1:]])
        added[text] -= both
        lost[text[1:]] -= both
    return +lost, +added


def _placeholder_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The placeholders, tags and entities ``target`` lacks or adds. A printf conversion's
    width and precision may change (``%-12s`` for ``%-28s``: a column the translation made
    wider); an argument by name or number may be used fewer times, once at least; a plural
    entry's first form may leave out its one integer conversion (``Eine Datei`` for ``%d
    file``), as :func:`format_problems` lets it, and no other form (a Fluent ``[other]``
    variant without its ``{ $count }`` says ``Notizen ausgewählt`` for any number); a
    ``python-brace-format`` entry's fields are the format check's, which reads them as Python and
    msgfmt do (``{1} von {0}`` for ``{} of {}``); a phone number's separators may change (``+49
    89 1234 5678`` for ``+49 89 1234-5678``: :func:`~ltmt.formats.phone_numbers.redialled`), its
    digits and its ``+`` not; where Java formats it (Android, a ``java-printf-format`` entry),
    a one-argument ``%1$s`` may be written ``%s`` (:mod:`ltmt.formats.java_formatter`)."""
    problems: list[str] = []
    if metadata.get("syntax") == DOTNET:  # {{ words }}: two escaped braces, not one field
        source, wanted_braces = escaped_braces_aside(source)
        target, braces = escaped_braces_aside(target)
        if braces != wanted_braces:
            problems.append(
                f"has {counted(braces, 'pair')} of escaped braces around words ({{{{ ... }}}}) "
                f"where the source has {wanted_braces}"
            )
    flags = flags_of(metadata)
    # a javascript-format entry's ${name} is a template's field, not a shell variable's text
    fields = "javascript-format" in flags
    # Java's Formatter shows a one-argument message's %1$s as %s (the java_formatter module)
    java = formatted_by_java(str(metadata.get("syntax", "")), flags)
    wanted, have = _inventories(source, target, names=False, dollar_fields=fields, java=java)
    if "python-brace-format" in flags:
        wanted, have = _without_brace_fields(wanted), _without_brace_fields(have)
    if WEBEXTENSION_FORMAT in flags:
        have = _named_as_in(wanted, have)
    lost, added = wanted - have, have - wanted
    # a link to the page in the target's language (/hc/de/ for /hc/en-us/) is the same link
    for tag, other in relocalised(lost, added, target_language=metadata.get(TARGET_LANGUAGE)):
        lost[tag] -= 1
        added[other] -= 1
    # a phone number whose separators the translation writes another way is the same number
    for phone, other in redialled(+lost, +added):
        lost[phone] -= 1
        added[other] -= 1
    # the no-break space translate writes between an amount and its currency (9&nbsp;$); the
    # texts are read for it only where an &nbsp; was added (most pairs: none)
    if added[NBSP]:
        added[NBSP] -= min(added[NBSP], added_amount_gaps(source, target))
    lost, added = +lost, +added
    # a prompt's "yes" key is German's "ja" ("Press [Y] to confirm" → "[J] zum Bestätigen":
    # coreutils' y/n are j/n), a game's [Y] button kept as it is
    yes = Counter({"[Y]": min(lost["[Y]"], added["[J]"])})
    lost, added = lost - yes, added - Counter({"[J]": yes["[Y]"]})
    for text in [text for text in lost if _NAMED.match(text) and have[text]]:
        del lost[text]
    for text in _mentions_written(lost, target):
        del lost[text]
    if singular_form(metadata):  # PO's first form, i18next's _one, a JSON plural's one
        counts = [text for text in lost if is_count(text)]
        if len(counts) == 1 and lost[counts[0]] == 1:
            del lost[counts[0]]
    lost, added = _kept_markup_aside(source, target, lost, added)
    lost, added = _braced_again(lost, added)
    # a Lokalise placeholder written without its brackets is said once, how to write it
    unbracketed = _unbracketed_universal(source, target)
    lost -= Counter(_unsized(text) for text in unbracketed)
    added -= Counter(_unsized(text) for text in unbracketed.values())
    # what is left of a conversion whose "%" the model lost (3$.1f of %3$.1f) says its loss
    broken = broken_conversions(source, target)
    lost -= Counter(_unsized(remnant.conversion) for remnant in broken)
    written = metadata.get("placeholders") or {}
    lost, added = _other_cases(lost, added)
    # a field in double brackets written garbled ([[count] for [[count]]) is said as such
    garbled = garbled_fields(lost, source, target)
    problems += [garbled_problem(field, copy) for field, copy in garbled]
    lost -= Counter(field for field, _ in garbled)
    added -= Counter(copy for _, copy in garbled)
    # a one-word field written as a German page's link ([[Hilfe]] for [[help]]): a wiki's link
    # localised, or a field renamed, which the addresses check says (localised_link_problems)
    lost -= Counter(field for field, _ in localised_links(source, target))
    if lost:
        problems.append(f"lacks {_listed(lost, written)}")
    if added:
        problems.append(f"adds {_listed(added, written)}, which the source does not have")
    problems += [
        f"has a broken placeholder: {remnant.text!r} is {remnant.conversion} without its "
        f"{remnant.conversion[: -len(remnant.text)]!r} (shown as text): write {remnant.conversion}"
        for remnant in broken
    ]
    problems += _stray_brackets(source, target)
    problems += _invalid_codes(source, target)
    problems += [
        f"lacks {text}: a Lokalise placeholder is written with its brackets (the translation "
        f"has {conversion}); write {text}"
        for text, conversion in unbracketed.items()
    ]
    problems += _changed_kept_markup(source, target)
    if is_itstool_entry(metadata.get("note", "")):  # DocBook's code: elsewhere an app's markup
        problems += changed_code(source, target)
    problems += changed_code_lines(source, target)  # a doctest's, a shell's, a directive's
    problems += _lone_percent_signs(source, target)
    # beside the fields the source has (one it lacks is said above)
    problems += [
        f"has {word!r} glued to {field}, where the source has a space or punctuation after it: "
        "separate them"
        for field, word in glued_words(source, target)
        if field not in added and not any(r.after == field for r in broken)
    ]
    problems += [
        f"has a stray {brace!r} beside {field} that the source does not have: remove it"
        for brace, field in stray_braces(source, target)
        if field not in added
    ]
    # a "\\" or a "/" the repair or the model left beside a field ({{month}}/\\{{year}})
    problems += [
        f"has {marks!r} beside {field}, which the source does not write there: "
        + (f"write {wanted!r}, as the source does" if wanted else "remove it")
        for marks, field, wanted in stray_marks(source, target)
        if field not in added
    ]
    if not problems and (scrambled := structure_problem(source, target)) is not None:
        problems.append(scrambled)
    if not problems:
        problems += _outside_the_root(source, target)
    if not problems:
        source_pairs, target_pairs = _pair_words(source), _pair_words(target)
        # as multisets: a translation may reorder two pairs of the same tags (<b>{sender}</b>
        # hat <b>alle Mitglieder</b>), it empties one where it has more wordless ones
        problems += [
            f"its {opening}…{closing} holds no words, the source's does: move the words it "
            "marks (a link's text, a bold word) inside it"
            for (opening, closing), words in target_pairs.items()
            if words.count(False) > source_pairs.get((opening, closing), []).count(False)
            and any(source_pairs.get((opening, closing), []))
        ]
    if not problems:
        problems += [
            f"its {shrunk.opening}…{shrunk.closing} holds one word ({shrunk.target.strip()!r}), "
            f"the source's {word_count(shrunk.source)} ({shortened(shrunk.source.strip(), 40)!r}):"
            " put the translation of all its words inside it"
            for shrunk in shrunk_pairs(source, target)
        ]
    return problems


def _outside_the_root(source: str, target: str) -> list[str]:
    """Text ``target`` has outside the document root element around the whole of ``source``
    (SSML's ``<speak>``, :func:`~ltmt.formats.paired_tags.element_around`):
    ``<speak>Warte</speak>!`` is no well-formed XML, and a speech engine does not say its ``!``.
    Any other element may have text beside it (``Die <a href="%s">Nutzungsbedingungen</a>``,
    ``<b>Hinweis</b>:``)."""
    around = element_around(source)
    written = target.strip()
    if around is None or not _DOCUMENT_ROOT_END.fullmatch(around[2]):
        return []
    opening, _, closing = around
    start, end = written.find(opening), written.rfind(closing)
    if start < 0 or end < 0:  # a tag lost: said as lacking
        return []
    outside = [
        (written[:start], "before", opening),
        (written[end + len(closing) :], "after", closing),
    ]
    return [
        f"has {text!r} {where} {tag}, outside the element the source's text is all inside: "
        "move it inside"
        for text, where, tag in outside
        if text.strip()
    ]


def _mentions_written(lost: Counter[str], target: str) -> list[str]:
    """The ``@word``s of ``lost`` that ``target`` writes as an @-word of its own, which is no
    placeholder (``@-Erwähnungen`` for ``@mentions``, ``@Namen`` for ``@handle``): prose's
    mention or handle, which a translator translates, read as Drupal's ``@name``. One for each
    such @-word of ``target``; not a count (``@count``), which Drupal fills in, nor one that
    ``target`` writes capitalised (``@Name`` for ``@name``: Drupal's, garbled)."""
    written = [m for m in _OWN_AT_WORD.finditer(target) if m[1] or m[2].isupper()]
    named = [
        text
        for text in lost
        if text.startswith("@")
        and not is_count(text)
        and f"@{text[1:].capitalize()}" not in _OWN_AT_WORD_WHOLE.findall(target)
    ]
    return named[: len(written)]


def _pair_words(text: str) -> dict[tuple[str, str], list[bool]]:
    """Each pair of tags of ``text`` (its opening and closing tag), and for each time it stands
    there, in order, whether words stand between them (``Hilfe? <a></a>Support`` has a link
    of none)."""
    found: dict[tuple[str, str], list[bool]] = {}
    opened: list[tuple[str, Placeholder]] = []
    for placeholder in find_placeholders(text):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is None or parts.self_closing:
            continue
        if not parts.closing:
            opened.append((parts.element, placeholder))
            continue
        if not opened or opened[-1][0] != parts.element:
            return {}  # they do not nest: the order check's
        _, opening = opened.pop()
        inner = text[opening.end : placeholder.start]
        found.setdefault((opening.text, placeholder.text), []).append(has_words(inner))
    return found


def _without_brace_fields(placeholders: Counter[str]) -> Counter[str]:
    """``placeholders`` less the brace fields (``{}``, ``{0}``, ``{name!r:>10}``)."""
    return Counter({text: n for text, n in placeholders.items() if not _BRACE_FIELD.match(text)})


def _named_as_in(wanted: Counter[str], have: Counter[str]) -> Counter[str]:
    """``have`` with each WebExtension name (``$user$``, ``__MSG_appName__``) written as
    ``wanted`` writes it in another case: browsers read those names in any case, so
    ``$user$`` is the source's ``$USER$``."""
    spelled = {text.lower(): text for text in wanted if _WEBEXTENSION_NAME.fullmatch(text)}
    named: Counter[str] = Counter()
    for text, count in have.items():
        if _WEBEXTENSION_NAME.fullmatch(text):
            text = spelled.get(text.lower(), text)
        named[text] += count
    return named


def _invalid_codes(source: str, target: str) -> list[str]:
    """The ``§`` and a letter that is no Minecraft formatting code's (``§S``:
    :func:`~ltmt.formats.formatting_codes.invalid_codes`) that ``target`` has more often than
    ``source``: Minecraft shows nothing for it, and the letter is lost."""
    extra = Counter(invalid_codes(target)) - Counter(invalid_codes(source))
    return [
        f"has {code}, which is no Minecraft formatting code (§ and one of 0-9, a-f, k-o, r): "
        "write the source's code, or the letter without the §"
        for code in extra
    ]


def _lone_percent_signs(source: str, target: str) -> list[str]:
    """A percent sign of ``target`` outside its placeholders where ``source`` writes ``%%``:
    the source is a printf format string (``Battery at %@%%``), so the lone ``%`` of ``Akku
    bei %@%`` starts a conversion that reads a missing argument, or prints nothing."""
    if "%%" not in source:
        return []
    spans = [(p.start, p.start + len(p.text)) for p in find_placeholders(target)]
    lone = any(
        character == "%" and not any(start <= at < end for start, end in spans)
        for at, character in enumerate(target)
    )
    if not lone:
        return []
    return ["has a lone % where the source writes %% (a printf format string): write %%"]


def _changed_kept_markup(source: str, target: str) -> list[str]:
    """The Markdown markup ``ltmt translate`` keeps as written (a template tag, an attribute
    list, keys: :func:`~ltmt.formats.markdown_inline.kept_as_written`) that ``target`` does
    not have as ``source`` writes it (``{ .md-button-Primary }`` for ``{ .md-button--primary
    }``: the tags that mark it were there, and the change passed), one finding for each."""
    lost = Counter(_kept_markup(source)) - Counter(_kept_markup(target))
    return [f"changes Markdown markup: write {text!r} as the source does" for text in lost]


def _kept_markup(text: str) -> list[str]:
    """The markup of ``text`` kept as written, its key names as a target keyboard names them
    (:func:`~ltmt.key_combinations.written`): ``{{< kbd >}}Strg{{< /kbd >}}+…`` for ``…Ctrl…``
    is the key combination kept (a regression trial's correct German failed qa); an MDX page's
    JSX tag as its shape (:func:`~ltmt.formats.mdx.component_shape`: its text props'
    values, which are translated, set aside)."""
    from ltmt.key_combinations import KEY_NAMES, written

    kept = [component_shape(markup) for markup in kept_as_written(text)]
    for language in KEY_NAMES:
        kept = [written(markup, language) for markup in kept]
    return kept


def _kept_markup_aside(
    source: str, target: str, lost: Counter[str], added: Counter[str]
) -> tuple[Counter[str], Counter[str]]:
    """``lost`` and ``added`` less the markup kept as written that ``target`` changed, which
    :func:`_changed_kept_markup` reports once (a renamed ``{{< /alarm >}}`` for ``{{< /alert
    >}}`` was reported three times: lacks, adds and changes), its tagged form's parts too
    (:func:`_kept_markup_parts`); markup ``target`` adds, where none changed, named as
    written."""
    mine, theirs = Counter(_kept_markup(source)), Counter(_kept_markup(target))
    lost = lost - (mine - theirs) - _kept_markup_parts(source, target)
    added = added - (theirs - mine) - _kept_markup_parts(target, source)
    return lost, added if mine - theirs else added + (theirs - mine)


def _kept_markup_parts(text: str, other: str) -> Counter[str]:
    """The placeholders in the tagged form of the markup kept as written that ``text`` has and
    ``other`` lacks (``<code data-md="raw">``, ``&lt;``, ``</code>``): ltmt's own marks, which
    a finding named (``lacks <code data-md="raw">, &lt;, &gt;``) where a lost MDX tag was meant."""
    kept = _kept_markup(text)
    missing = Counter(kept) - Counter(_kept_markup(other))
    parts: Counter[str] = Counter()
    for markup, span in zip(kept, kept_spans(text), strict=True):
        if missing[markup] > 0:
            missing[markup] -= 1
            parts += _inventory(span, {}, names=False, left_out=lambda _: False)
    return parts


def _stray_brackets(source: str, target: str) -> list[str]:
    """The lone angle brackets (outside placeholders, and outside a ``<word>`` of text:
    :func:`_lone_brackets`) that ``target`` has more often than ``source`` does: a part of a
    tag left in the words (``Unsere <Produngsplattform``, which fusion wrote from a match's
    ``<b>``)."""
    broken = broken_tags(source, target)
    problems = [
        f"has a broken tag {written!r}, which shows as text: write the source's {tag} there"
        for written, tag in broken
    ]
    lone, source_lone = _lone_brackets(target), _lone_brackets(source)
    # each broken tag's "<" is said above
    extra = {"<": lone.count("<") - len(broken), ">": lone.count(">")}
    problems += [
        f"has a stray {bracket!r} the source does not have (part of a tag?)"
        for bracket in "<>"
        if extra[bracket] > source_lone.count(bracket)
    ]
    return problems


# a Lokalise universal placeholder (``[%1$s]``: :data:`~ltmt.formats.placeholder_syntax.
# LOKALISE_PLACEHOLDER`)
_UNIVERSAL = re.compile(LOKALISE_PLACEHOLDER)


def _unbracketed_universal(source: str, target: str) -> dict[str, str]:
    """The Lokalise universal placeholders of ``source`` (:data:`_UNIVERSAL`: ``[%1$s]``)
    that ``target`` writes without their brackets, each with the bare conversion it has
    (``%1$s``): Lokalise exports only the one with its brackets as the platform's placeholder,
    the bare one stays text."""
    bare = {found.group(): found.group(1) for found in _UNIVERSAL.finditer(source)}
    lost = Counter(found.group() for found in _UNIVERSAL.finditer(source))
    lost -= Counter(found.group() for found in _UNIVERSAL.finditer(target))
    return {text: bare[text] for text in lost if bare[text] in target}


def _lone_brackets(text: str) -> str:
    """``text``'s words with their placeholders and the ``<word>`` stretches that are no markup
    (a metavariable, ``<name>``; an unclosed ``<bold>``) left out: the brackets left are lone."""
    return _BRACKETED.sub(" ", without_placeholders(text))


def structure_problem(source: str, target: str) -> str | None:
    """Where ``target``'s markup does not keep the structure of ``source``'s, whose tags nest:
    its tags do not nest (:func:`tag_order_problem`), or an element is outside the element
    that holds it in the source (:func:`ltmt.qa.tag_nesting.moved_out`: a ``<td>`` after
    ``</table>``), or it has text outside the block elements that hold all of the source's
    (:func:`ltmt.qa.loose_text.text_outside_blocks`: Qt rich text's ``</p>! Ein <p>``); None
    where it does, or where the source's tags do not nest either. ``ltmt translate`` warns of
    it too."""
    if tag_order_problem(source) is not None:
        return None
    crossed = tag_order_problem(target)
    if crossed is not None:
        return f"its tags do not nest as the source's: {crossed}"
    moved = moved_out(source, target, _VOID)
    return moved if moved is not None else text_outside_blocks(source, target)


def tag_order_problem(text: str) -> str | None:
    """Where the markup tags of ``text`` do not nest (``<b><i>x</b></i>``: ``</b>`` closes
    ``<b>`` while ``<i>`` is open; ``</a>x<a>``: ``</a>`` closes nothing), or None. Tags left
    open at the end, and those that take no closing tag, are not this check's."""
    open_tags: list[tuple[str, str]] = []
    for placeholder in find_placeholders(text):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        void = parts is not None and parts.bracket == "<" and parts.name in _VOID
        if parts is None or parts.self_closing or void:
            continue
        name = parts.element
        if not parts.closing:
            open_tags.append((name, placeholder.text))
        elif not any(opened == name for opened, _ in open_tags):
            return f"{placeholder.text} closes no tag opened before it"
        elif open_tags[-1][0] != name:
            return f"{placeholder.text} comes while {open_tags[-1][1]} inside it is open"
        else:
            open_tags.pop()
    return None


def address_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The URLs and e-mail addresses of ``source`` that ``target`` does not keep, and its
    one-word links in double brackets that ``target`` writes as a German page's (``[[Hilfe]]``
    for ``[[help]]``: :func:`ltmt.qa.bracket_checks.localised_links`)."""
    wanted, have = _inventories(source, target, names=True)
    lost, added = wanted - have, have - wanted
    localised = localised_link_problems(source, target)
    if not lost:
        return localised
    instead = f" (it has {_listed(added)})" if added else ""
    return [f"lacks {_listed(lost)}{instead}", *localised]


def accelerator_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Whether a line of ``source`` with a keyboard accelerator has none, or several, in
    ``target``; whether ``target`` marks one where ``source`` has none (``Open`` →
    ``Ö&ffnen``); and whether it writes a doubled ampersand of ``source`` (``&&``, an ``&``
    as text) single, which marks the character after it as the accelerator, or at an edge of
    its line where the source's stands between words (``&& &Ersetzen…``: a word lost,
    :func:`ltmt.doubled_ampersands.words_lost_beside`). A reference of
    ``source``'s that ``target`` garbled (``&zwnj.`` for ``&zwnj;``) marks none: the
    ``placeholders`` check says it is lacking."""
    problems = []
    target = _without_garbled_references(source, target)
    if accelerators_lost(source, target):
        found = next(
            accelerator
            for line in source.split("\n")
            if (accelerator := find_accelerator(line, MARKERS)[1]) is not None
        )
        problems.append(
            f"the source's accelerator {found.marker}{found.key} has no {found.marker} before "
            "a letter of the translation, or several"
        )
    added = accelerators_added(source, target)
    if added:
        keys = first_few(f"{a.marker}{a.key}" for a in added)
        problems.append(f"the translation has the accelerator {keys}, the source none")
    if ampersands_made_single(source, target):
        problems.append(
            "the source's && (an & written as text) is a single & in the translation, which "
            "marks the character after it as the accelerator: write it &&"
        )
    if words_lost_beside(source, target):
        problems.append(
            "the translation's && (an & written as text) has no words on one side, where the "
            "source's has words on both: the words beside it were lost"
        )
    return problems


def _without_garbled_references(source: str, target: str) -> str:
    """``target`` without the ``&`` of each named reference of ``source`` (``&zwnj;``) that it
    writes without its ``;`` (``&zwnj.``, ``&zwnj``: a preheader's padding the model garbled)."""
    names = set(re.findall(r"&([A-Za-z][A-Za-z0-9]*);", source))
    if not names:
        return target
    garbled = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.sub(rf"&({garbled})(?![A-Za-z0-9;])", r"\1", target)


def key_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The key combinations of ``source`` (``Ctrl+S``) that ``target`` does not write whole,
    as written or with a language's key names (:func:`ltmt.key_combinations.renderings`), and
    the keys alone it says to press (``Press E``) that ``target`` lacks
    (:func:`ltmt.pressed_keys.lost_pressed_keys`)."""
    if not target.strip():
        return []
    lost = [
        found.group()
        for found in COMBINATION.finditer(source)
        if not any(rendering in target for rendering in renderings(found.group()))
    ]
    problems = [f"lacks the key combination {first_few(repr(c) for c in lost)}"] if lost else []
    pressed = lost_pressed_keys(source, target)  # Press E to open (trial s77)
    if pressed:
        problems.append(
            f"lacks the key {first_few(repr(k) for k in pressed)} the source says to press"
        )
    return problems


def date_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """What the date and time formats of ``source`` (``%B %-d %Y``, ``%l:%M %p``: its date
    runs, :mod:`ltmt.date_formats`) write that ``target`` does not: the order, the words and
    signs around and the clock are the target language's to choose; and the month of a date
    ``source`` writes out that ``target`` writes as another (:mod:`ltmt.qa.month_checks`:
    ``Nov. 30, 2026`` as ``30. Okt. 2026``) or does not write at all (``March 1, 2027`` as
    ``1, 2027``), or writes in English's order (``März 1, 2027``)."""
    if not target.strip():
        return []
    problems = [
        f"the date's month {want} is {have} in the translation"
        for want, have in changed_months(source, target)
    ]
    problems += [
        f"the date {date} has no month in the translation: write the month"
        for date in lost_months(source, target)
    ]
    problems += [
        f"the date {date} is in English order: write {german}"
        for date, german in english_order(target)
    ]
    lost = lost_fields(source, target) if "%" in source else []
    if lost:
        problems.append(
            f"the source's date format writes the {first_few(lost)}, the translation does not"
        )
    return problems


def sign_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The copyright and trade mark signs of ``source`` (:data:`ltmt.pictographs.OWNERSHIP_SIGNS`)
    that ``target`` has fewer of: the model wrote another character for one (``© 2026`` →
    ``— 2026``) or a word (``CloudDesk®`` → ``CloudDesk-Fahrungs-``)."""
    if not target.strip():
        return []
    lost = Counter({sign: source.count(sign) - target.count(sign) for sign in OWNERSHIP_SIGNS})
    return [f"lacks {_listed(+lost)}"] if +lost else []


def doubled_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The words ``target`` says twice in a row, where ``source`` says fewer words twice
    (:func:`ltmt.line_seams.doubled_words`)."""
    doubled = doubled_words(source, target)
    return [f"says a word twice: {first_few(repr(m.group()) for m in doubled)}"] if doubled else []


def copied_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Whether ``target`` is ``source`` written again (a name, or a word left untranslated),
    as written or with German's capitals (:func:`ltmt.copied_sentences.written_again`: ``Main
    Navigation`` for ``Main navigation``); not for key combinations alone
    (``CmdOrCtrl+Shift+F``, a key identifier, stays so), date formats alone (``%H:%M``, the
    same in many languages) nor one name (``Trackly``, ``GitHub``:
    :func:`ltmt.units.meant_as_written`) nor markup kept as written alone (an MDX page's JSX
    tags: :func:`~ltmt.formats.markdown_inline.kept_alone`); or a sentence of a longer
    ``source`` that ``target`` writes again as it is
    (:func:`ltmt.copied_sentences.copied_sentences`), or a SmartFormat form
    (:func:`ltmt.copied_forms.copied_forms`: ``{count:plural:gem|gems}`` in a German sentence)."""
    if not written_again(source, target):
        copies = copied_sentences(source, target)
        if copies:
            return [f"the sentence {copies[0]!r} is left as in the source"]
        forms = copied_forms(source, target)
        if not forms:
            return []
        said = "form {} is" if len(forms) == 1 else "forms {} are"
        return [f"the {said.format(first_few(map(repr, forms)))} left as in the source"]
    if not has_words(source):
        return []
    if meant_as_written(source) or kept_alone(source):
        return []
    if target.strip() != source.strip():  # Main Navigation for Main navigation
        return ["the translation is the source as written, but for German's capitals"]
    return ["the translation is the source as written"]


def wordless_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Whether ``target`` lost every word of ``source``: it keeps only placeholders or
    punctuation (``Hi %{first_name},`` → ``%{first_name},``); not where it writes a sign
    (``%{p} %`` for ``%{p} percent``) or the source's words are function words alone
    (``%d of %d`` → ``%d/%d``): :func:`lost_every_word`; or writes side by side two fields
    its source has words between (``{{.Count}} {{.Total}}`` for ``{{.Count}} of {{.Total}}``:
    :func:`words_lost_between`); or ends or starts with a bare ``&`` its source writes between
    words (``Versand &`` for ``Shipping & Handling``: :func:`ampersand_left_alone`)."""
    if lost_every_word(source, target):
        return ["the translation lost all its words: it keeps only placeholders or punctuation"]
    problems = [
        f"the translation lost the words between {first} and {second}, which it writes side by side"
        for first, second in words_lost_between(source, target)
    ]
    edge = ampersand_left_alone(source, target)
    if edge is not None:
        side = "after" if edge == "ends" else "before"
        problems.append(
            f"the translation {edge} with a bare &, where its source has words {side} it: "
            "translate them"
        )
    return problems


def length_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A translation longer than its unit's limit in characters (``metadata["max_length"]``:
    XLIFF ``maxwidth`` with ``size-unit="char"``, 2.0 ``slr:sizeRestriction``, a table's
    Max length column: ``metadata["max_length_set_by"]`` says which)."""
    maximum = metadata.get("max_length")
    if not isinstance(maximum, int) or isinstance(maximum, bool):
        return []
    message = too_long_message(target, maximum, metadata.get("max_length_set_by", "its unit"))
    return [message] if message else []


def menu_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The ``>`` between the labels of a menu path (:mod:`ltmt.menu_paths`) that ``target``
    lacks; an ``&gt;`` lost is the placeholders check's. A warning: a translator may write the
    path another way (``→``). And the ``::`` of a category path (:mod:`ltmt.category_paths`)
    that ``target`` lacks or writes otherwise (``Abrechnung:: Rückerstattung``), which makes
    another category."""
    problems = []
    menus = lost_separators(source, target)
    if menus and source.count("&gt;") <= target.count("&gt;"):
        problems.append(
            f"lacks {menus} of the > between the labels of a menu path (Settings > Account): "
            "keep each"
        )
    categories = lost_category_separators(source, target)
    if categories:
        problems.append(
            f"lacks {categories} of the :: of a category path (Billing::Refund approved) as "
            "written: keep each, without a space or a third colon beside it"
        )
    return problems


def context_prefix_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A translation that keeps a context prefix before a ``|`` (``Buch|Autor``) where its
    source has none, its context apart (a msgctxt, or an ``s_("Book|Author")`` msgid's
    prefix: :mod:`ltmt.formats.context_prefix`): the program shows the msgstr whole."""
    kept = _KEPT_PREFIX.match(target)
    if not metadata.get("context") or "|" in source or kept is None:
        return []
    return [
        f"keeps the context prefix {kept.group()!r}, which the program shows: write the "
        f"translation of {source!r} alone"
    ]


def _plural_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A vue-i18n plural's choices, a Laravel plural's forms, a Mozilla plural list's forms
    and a SmartFormat expression's forms that the translation changed; an English plural
    ending a plural form keeps (``%n Eintrag(ies)``)."""
    return [
        *choice_problems(source, target, metadata),
        *list_problems(source, target, metadata),
        *form_problems(source, target, metadata),
        *smart_form_problems(source, target, metadata),
        *english_suffix_problems(source, target, metadata),
    ]


PAIR_CHECKS: dict[str, PairCheck] = {
    "format": format_problems,
    "icu": icu_problems,
    "plurals": _plural_problems,
    "vue": syntax_problems,
    "renpy": variable_problems,
    "mojibake": mojibake_problems,
    "placeholders": placeholder_problems,
    "addresses": address_problems,
    "numbers": number_problems,
    "precision": precision_problems,
    "units": unit_problems,
    "negation": negation_problems,
    "accelerator": accelerator_problems,
    "quoting": quoting_problems,
    "keys": key_problems,
    "menus": menu_problems,
    "context": context_prefix_problems,
    "dates": date_problems,
    "whitespace": whitespace_problems,
    "length": length_problems,
    "nbsp": nbsp_problems,
    "signs": sign_problems,
    "doubled": doubled_problems,
    "wordless": wordless_problems,
    "sentences": sentence_problems,
    "english": english_problems,
    "copied": copied_problems,
    "punctuation": punctuation_problems,
    "directions": direction_problems,
}


def _inventories(
    source: str, target: str, *, names: bool, dollar_fields: bool = False, java: bool = False
) -> tuple[Counter[str], Counter[str]]:
    """The placeholders of ``source`` and of ``target`` (:func:`_inventory`; the target's
    numbered arguments as the source's they stand for, and where Java formats them (``java``),
    its one unnumbered conversion as a one-argument source's ``%1$s``:
    :func:`~ltmt.formats.java_formatter.single_argument_aliases`): URLs and e-mail addresses
    alone (``names``), or every other kind; ``dollar_fields``: a ``${name}`` is a field
    (JavaScript's template literal), not a shell variable's text."""
    aliases = (
        positional_aliases(source, _unsized)
        | _template_aliases(source, target)
        | _code_aliases(source, target)
        | (single_argument_aliases(source, target, _unsized) if java else {})
    )
    runs = date_runs(source)  # their directives are the dates check's, wherever written
    dated = {d.text for run in runs for d in directives(run.text)}
    within = {p.start for p in find_placeholders(source) if any(r.holds(p.start) for r in runs)}
    return (
        _inventory(
            source,
            {},
            names=names,
            left_out=lambda p: p.start in within,
            dollar_fields=dollar_fields,
        ),
        _inventory(
            target,
            aliases,
            names=names,
            left_out=lambda p: p.text in dated,
            closed_in=source,
            dollar_fields=dollar_fields,
        ),
    )


def _template_aliases(source: str, target: str) -> dict[str, str]:
    """The template fields of ``target`` written with other blanks inside their braces than
    ``source``'s (``{{ .Name }}`` for ``{{.Name}}``, a .NET item's ``{0, -20}`` for
    ``{0,-20}``) → the source's: the engine reads them as one (:func:`unspaced_template`)."""
    written = {p.text for p in find_placeholders(source) if p.kind == "brace"}
    spelled = {unspaced_template(text): text for text in written}
    return {
        p.text: spelled[unspaced_template(p.text)]
        for p in find_placeholders(target)
        if p.kind == "brace" and p.text not in written and unspaced_template(p.text) in spelled
    }


def _code_aliases(source: str, target: str) -> dict[str, str]:
    """The Minecraft formatting codes of ``target`` written in another case than ``source``'s
    (``§C`` for ``§c``) → the source's: Minecraft reads them as one."""
    written = {p.text.lower(): p.text for p in find_placeholders(source) if p.kind == "formatting"}
    return {
        p.text: written[p.text.lower()]
        for p in find_placeholders(target)
        if p.kind == "formatting" and p.text.lower() in written and p.text not in written.values()
    }


def _inventory(
    text: str,
    aliases: Mapping[str, str],
    *,
    names: bool,
    left_out: Callable[[Placeholder], bool],
    closed_in: str | None = None,
    dollar_fields: bool = False,
) -> Counter[str]:
    """The placeholders of ``text`` (printf conversions without width and precision; a
    numbered one as the source's unnumbered argument it stands for, by ``aliases``), less
    those ``left_out``. ``closed_in``: the text whose closing tags make an opening tag of
    ``text`` a tag, not words (a translation's ``<b>`` is one where its source closes it,
    though the translation lost the ``</b>``; default: ``text``)."""
    found: Counter[str] = Counter()
    for placeholder in find_placeholders(text):
        # the source closes a translation's tag (its position is the translation's: only a
        # tag's name is looked for there)
        literal = _literal(placeholder, text, dollar_fields) and (
            closed_in is None or placeholder.kind != "tag" or _literal(placeholder, closed_in)
        )
        if (placeholder.kind == "name") != names or literal:
            continue
        if left_out(placeholder):
            continue
        plain = _unsized(placeholder.text) if placeholder.kind == "printf" else placeholder.text
        if placeholder.kind == "tag":
            plain = _READ_VALUE.sub(r'\1"…"', plain)
        found[aliases.get(plain, plain)] += 1
    if closed_in is not None:
        found.update(_closed_elsewhere(text, closed_in))
    return found


def _closed_elsewhere(text: str, closed_in: str) -> list[str]:
    """The opening tags of ``text`` that only ``closed_in`` closes (a translation's
    ``<bold>`` whose ``</bold>`` was lost, BBCode's ``[b]`` without its ``[/b]``), and the
    numbered markers that only ``closed_in`` pairs (``[1]`` without its ``[/1]``):
    :func:`find_placeholders` reads a ``<word>`` of no HTML name, and a bare ``[word]``, as a
    tag only where its own text closes it, and a translation's counts where its source's
    does."""
    taken = [(p.start, p.end) for p in find_placeholders(text)]
    closed = [
        tag.group()
        for tag in _BARE_EITHER.finditer(text)
        if not any(start <= tag.start() < end for start, end in taken)
        and f"{tag.group()[0]}/{tag.group()[1:]}".lower() in closed_in.lower()
    ]
    # PrestaShop's numbered markers, opening or closing, that ``closed_in`` pairs
    # (:mod:`ltmt.formats.numbered_markers`): a translation's [1] without its [/1] and the
    # reverse, and a [1] written where the [/1] belongs ([1]sichere Zahlung[1])
    paired = {p.text for p in find_placeholders(closed_in) if p.kind == "tag"}
    return closed + [
        marker.group()
        for marker in markers_in(text)
        if not any(start <= marker.start() < end for start, end in taken)
        and marker.group() in paired
    ]


# the value of an attribute people read (a link's title, an image's alt text): ltmt translate
# translates it, so a tag is the same tag whatever it says; so is a language mark, which it sets
# to the target's (<a lang="en"> → <a lang="de">)
_READ_VALUE = re.compile(
    rf"""(\s(?:{"|".join(sorted({*READ_ATTRIBUTES, "lang", "xml:lang"}))})\s*=\s*)"""
    r"""(?:"[^"]*"|'[^']*')""",
    re.IGNORECASE,
)


def _literal(placeholder: Placeholder, text: str, dollar_fields: bool = False) -> bool:
    """Whether a placeholder is text that a program does not fill in: ``%%`` (a percent
    sign), a shell variable in capitals (``${SHELL}``, ``$HOME``: the ``sh-format`` flag's), or
    a command's metavariable that a translator translates: a field named in capitals (coreutils'
    ``{INTEGER}`` → ``{GANZZAHL}``; a ``python-brace-format`` entry's fields are the format
    check's), or an opening tag of a name that takes a closing one, without attributes, that
    ``text`` never closes (``append <mark>``, ``-font <font>``), by name or by Unreal's ``</>``."""
    if placeholder.text == "%%":
        return True
    if placeholder.kind == "sigil" and placeholder.text.startswith("$"):
        # a shell's $HOME, as its ${HOME}, is text; Dialogflow's $pizza-size is a parameter
        return not dollar_fields and bool(_SHELL_VARIABLE.fullmatch(placeholder.text))
    if (
        placeholder.kind == "brace"
    ):  # ${SHELL}; a help text's {INTEGER}, which translators translate
        # a shell's ${HOME} (its name in capitals) is text; an expression's ${validatedValue}
        # (Bean Validation, a template literal) is a field
        if placeholder.text.startswith("$"):
            return not dollar_fields and bool(_CAPITALS.fullmatch(placeholder.text[1:]))
        return bool(_CAPITALS.fullmatch(placeholder.text))
    bare = _BARE_TAG.fullmatch(placeholder.text)
    if placeholder.kind != "tag" or bare is None or bare.group(1).lower() in _VOID:
        return False
    # Unreal's rich text closes any style's tag with a bare </> (<Bold>Warning:</>)
    return f"</{bare.group(1).lower()}" not in text.lower() and "</>" not in text


def _unsized(printf: str) -> str:
    """A printf conversion without its flags, width and precision (``%2$-12.3f`` →
    ``%2$f``; one whose width or precision is an argument, ``%*s``, as written), a hex or
    floating-point one in lower case (``%02X`` prints what ``%02x`` does, in capitals); Go's
    ``%+v`` and ``%#v`` keep their ``+`` or ``#`` (they print field names and Go syntax, ``%v``
    does not), as ``%-10v`` is ``%v``."""
    plain = _SIZED.sub(r"%\1", printf, count=1)
    if printf.endswith("v"):
        plain = plain[:-1] + "".join(sorted(set(printf) & set("+#"))) + "v"
    return plain[:-1] + plain[-1].lower() if plain[-1] in "XEFGA" else plain


def _other_cases(lost: Counter[str], added: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """``lost`` and ``added`` without a Laravel field the translation writes in another of the
    cases Laravel fills (``:Attribute`` for ``:attribute``, which a German sentence opens with:
    :mod:`ltmt.formats.laravel_fields`): the same field, not one lost and one added."""
    for text in list(lost):
        for other in [a for a in added if a != text and field_name(a) == field_name(text)]:
            both = min(lost[text], added[other])
            lost[text] -= both
            added[other] -= both
    return +lost, +added


def _listed(placeholders: Counter[str], written: Mapping[str, str] | None = None) -> str:
    """``placeholders`` named as the file writes them (``written``: a Fluent file's
    ``{ $count }`` for ``%d``), a repeated one with its count."""
    names = written or {}
    return first_few(
        f"{names.get(text, text)} ({count} times)" if count > 1 else names.get(text, text)
        for text, count in placeholders.items()
    )
