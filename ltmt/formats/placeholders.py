"""Placeholders and inline tags: find them, carry them through translation, repair the output.

A placeholder is text a translation must carry over unchanged: printf conversions (``%s``,
``%1$d``, ``%-10s``, ``%.2f``, ``%lu``, ``%%``, ``%(name)s``, Qt's ``%1``), brace fields
(``{0}``, ``{name}``, ``{}``, ``{{ var }}``), inline XML/HTML tags (``<b>``, ``</b>``, ``<br/>``,
``<x id="1"/>``), character entities (``&amp;``) and backslash escapes (``\\n``).

The model sees placeholders as they are (the base model is trained on gettext messages that
contain them, and masks of our own invention would not survive SentencePiece's NFKC
normalisation and whitespace folding any better); a field glued to a word is spaced from it
(:mod:`ltmt.glued_fields`) and a character reference given as its character
(:mod:`ltmt.entity_characters`), both undone on the translation (:mod:`ltmt.units`). What this
module adds is the check and the repair afterwards: :func:`restore` makes the output carry
exactly the source's placeholders and the source's leading/trailing whitespace and line
structure, and says whether it had to repair.

    protected = protect(source)
    output = model(protected.text)
    restored = restore(protected, output)      # Restored(text, repaired, ok, problems)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ltmt.date_formats import localise_dates
from ltmt.formats.bracket_fields import is_bracket_field
from ltmt.formats.format_strings import COUNT_CONVERSION
from ltmt.formats.laravel_fields import field_name
from ltmt.formats.php_properties import REMNANT as _PROPERTY_REMNANT
from ltmt.formats.placeholder_edges import stray_braces, stray_marks
from ltmt.formats.placeholder_syntax import (
    Placeholder,
    extract_placeholders,
    find_placeholders,
    lokalise_conversion,
    placeholder_matches,
    positional_aliases,
    without_placeholders,
)
from ltmt.formats.repair import balanced, repair_line
from ltmt.formats.v3_plural_keys import FORM_FOR_ONE
from ltmt.inch_marks import inch_marks_restored
from ltmt.quote_pairs import paired_again
from ltmt.segments import Segment, Translation
from ltmt.stray_quotes import without_stray_quotes
from ltmt.swiss_spelling import swiss_spelling
from ltmt.text import join_lines, split_edges, split_lines

__all__ = [
    "Placeholder",
    "Protected",
    "Restored",
    "extract_placeholders",
    "find_placeholders",
    "placeholder_matches",
    "protect",
    "restore",
    "reuse_lacks_fields",
    "reused_as_stored",
]

# a run of spaces between two characters of a line (its edges are the source's, put back apart)
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
# a line's final run of one exclamation or question mark (``!!!``, ``??``, ``!``)
_MARK_RUN = re.compile(r"(?P<mark>[!?])(?P=mark)*$")
# what a broken tag leaves in the words: its start (``<a``, ``</``; not the second ``<`` of an
# arrow's ``<<``), its end after an attribute value's closing quote (``1«>1``; not after an
# opening one: ``Mehr »>« lesen`` for ``Read more >>``) or an empty tag's end alone (``5-/>``,
# the ``<x/>`` a number was set aside as: :func:`ltmt.numbers_kept.retry_lost_numbers`)
_TAG_REMNANT = re.compile("(?<!<)<[A-Za-z/]|[\"'«“”\u2018\u2019]/?>|/>")
# a tag's start escaped as a page shows it as text (``&lt;a epub:type=...``)
_ESCAPED_TAG_START = re.compile(r"&lt;/?[A-Za-z]")
# an attribute of a broken tag left in the words (``href=»#fn1«``, ``id="ref3"``)
_ATTRIBUTE_TEXT = re.compile("[\\w:.-]+\\s*=\\s*[\"'»«„“”\u201a\u2018\u2019]")
# a WebExtension's reference to a substitution or a message (``$USER$``, ``__MSG_extName__``)
_WEBEXTENSION_NAME = re.compile(r"\$[A-Za-z_]\w*\$|__MSG_[A-Za-z0-9@_]+__")
# a framework's named field as the sigil kind reads it: Symfony's ``%name%``, Drupal's
# ``%name``, ``@name`` and ``!name``, Laravel's ``:name`` (not vue-i18n's ``@:key`` nor a
# ``$`` reference, which prose reads as a price or a shell's variable)
_NAMED_FIELD = re.compile(r"%[A-Za-z_]\w*%?|[@!][a-z]\w+|:[A-Za-z_]\w*")
# a key's end that names the ``one`` plural category: i18next's ``_one``, ``.one``, ``[one]``,
# a JSON plural object's ``one`` or ``=1`` member (Shopify's ``/cart/item_count/one``), an ICU
# case's ``one {``
_ONE_CATEGORY = re.compile(r"(?:[_./#]one|/=1|\[one\]|\bone\s*\{)\s*$")
# a count field by its name, which a plural's ``_one`` or first form may leave out: i18next's
# ``{{count}}``, Hugo's and go-i18n's ``{{ .Count }}``, Drupal's ``@count`` (``%count``,
# ``!count``) and Symfony's ``%count%``
_COUNT_FIELD = re.compile(r"\{\{-?\s*(?:count|\.Count)\s*-?\}\}|[@%!]count|%count%")


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
    has exactly the source's placeholders (and well-nested tags where the source's were), no brace
    beside a field of braces that the source lacks there (``%{title}}``:
    :func:`~ltmt.formats.placeholder_edges.stray_braces`), no mark beside a field that the
    source does not write there once it was repaired (``{{from}}/{{to}}/``:
    :func:`~ltmt.formats.placeholder_edges.stray_marks`), and is not empty. ``problems`` says
    what was wrong, for logs. ``stray_quotes``: the quote marks taken out that paired with
    nothing and that the source lacks (:mod:`ltmt.stray_quotes`), which a run's summary counts.
    """

    text: str
    repaired: bool
    ok: bool
    problems: tuple[str, ...] = ()
    stray_quotes: int = 0


def reused_as_stored(translation: Translation, form: int | None = None) -> bool:
    """Whether ``translation`` is a 100 % memory match whose stored source has the placeholders
    and edge whitespace of the source translated: then its target, a translation someone
    approved, is reused as it was stored. A URL, a path or a tag that only its target has is the
    translator's (``Read the help page.`` → ``Lies die Hilfeseite (https://example.de/hilfe).``),
    not a model's invention to remove."""
    if translation.method != "exact" or not translation.matches:
        return False
    if reuse_lacks_fields(translation, form):  # repaired as the model's output is, not approved
        return False
    if translation.accelerators:  # an accelerator placed in it: changed, so for review
        return False
    stored, source = translation.matches[0].segment.source, translation.source
    if stored == source:
        return True
    edges = split_edges(stored)[::2] == split_edges(source)[::2]
    return edges and extract_placeholders(stored) == extract_placeholders(source)


def lacks_placeholders(segment: Segment) -> bool:
    """Whether a stored pair's target lacks a placeholder of its source whose loss breaks the
    software that fills it in (:func:`_filled_in`: ``Willkommen zurück!`` imported for
    ``Welcome back to {brand_name}, {user}!``, ``Hallo!`` for ``Hello, $USER$!``): a 100 %
    match of it is no translation to reuse as stored, and ``ltmt qa`` would report the loss.
    A price (``5 $`` for ``$5``), a key's or cell's name (``F5`` for ``<F5>``), a URL, an
    e-mail address or a path is the translator's to write; a numbered argument stands for the
    source's (``%2$d … %1$s``); a WebExtension's names are the same in any case (``$user$``);
    a singular form may leave out its one count (``Eine Datei`` for ``%d file`` or i18next's
    ``{{count}} file``: :func:`singular_form`), as ``msgfmt -c`` lets it."""
    return _lacks(segment.source, segment.target, segment.metadata, _filled_in)


def reuse_lacks_fields(translation: Translation, form: int | None = None) -> bool:
    """Whether ``translation`` is a 100 % memory match whose reused target lacks a named
    field that the source it translates has (:func:`lacks_named_fields`): a reviewer's typo
    stored with it (``Sie sparen %discount`` for Symfony's ``Save %discount%``). Its target is
    repaired as the model's output is (:func:`restore`), and neither approved nor counted as
    fine. ``form``: the plural form of the unit it is reused for (0: the form for one, which
    may leave out its count, as the stored pair's metadata may say too)."""
    if translation.method != "exact" or not translation.matches:
        return False
    metadata = translation.matches[0].segment.metadata
    if form == 0:
        metadata = {**metadata, "plural": 0}
    return lacks_named_fields(translation.source, translation.text, metadata)


def lacks_named_fields(source: str, target: str, metadata: Mapping[str, Any]) -> bool:
    """Whether ``target`` lacks a named field of ``source`` (:data:`_NAMED_FIELD`): Symfony's
    (``%discount%``), Drupal's (``@count``, ``%name``, ``!name``), Laravel's (``:count``) or
    Smartling's (``[[name]]``), which the framework leaves raw where a translation misspells it
    (``%discount``, ``[[Name]]``); a form
    for one (``metadata``: :func:`singular_form`) may leave out its count. A 100 % match
    lacking one is reused repaired, not read by fusion as one lacking a printf or brace field
    is (:func:`lacks_placeholders`): a typo garbles it, and the repair writes it back where it
    stood (the model had ``Gespeicherte %discount%`` for the reviewer's ``Sie sparen
    %discount``)."""
    return _lacks(source, target, metadata, _named_field)


def _lacks(
    source: str, target: str, metadata: Mapping[str, Any], counted: Callable[[Placeholder], bool]
) -> bool:
    """Whether ``target`` lacks a placeholder of ``source`` that ``counted`` says its loss
    breaks, a singular form (of ``metadata``) one count apart."""
    aliases = positional_aliases(source)
    kept = {_compared(aliases.get(p.text, p.text)) for p in find_placeholders(target)}
    lost = [
        p.text for p in find_placeholders(source) if counted(p) and _compared(p.text) not in kept
    ]
    if singular_form(metadata) and len(lost) == 1:
        return not is_count(lost[0])
    return bool(lost)


def _named_field(placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` is a framework's named field (:data:`_NAMED_FIELD`) or a field
    in double brackets (Smartling's ``[[name]]``, left raw where a reviewer wrote ``[[Name]]``:
    :mod:`ltmt.formats.bracket_fields`)."""
    if is_bracket_field(placeholder.text):
        return True
    return placeholder.kind == "sigil" and _NAMED_FIELD.fullmatch(placeholder.text) is not None


def _filled_in(placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` is one the software fills in, so that a translation without it
    loses an argument or fails to format: a printf conversion (not ``%%``), a brace, ICU or
    template field (``{name}``, ``{{count}}``), a WebExtension's ``$NAME$`` or
    ``__MSG_name__``, a Mailchimp merge tag (``*|FNAME|*``). Not a ``$`` and digits, which
    prose reads as a price, nor a tag, which may be a key's or cell's name (``<F5>``, ``<A1>``)
    a translator writes as text."""
    if placeholder.kind == "printf":
        return placeholder.text != "%%"
    if placeholder.kind == "sigil":
        return _WEBEXTENSION_NAME.fullmatch(placeholder.text) is not None
    return placeholder.kind in ("brace", "merge")


def _compared(text: str) -> str:
    """A placeholder's text as a target's is compared to its source's: a WebExtension's names
    in small letters, since the browser reads ``$USER$`` and ``$user$`` as one, and a Laravel
    field in any of its cases (``:Attribute`` for ``:attribute``:
    :mod:`ltmt.formats.laravel_fields`)."""
    return text.lower() if _WEBEXTENSION_NAME.fullmatch(text) else field_name(text)


def singular_form(metadata: Mapping[str, Any]) -> bool:
    """Whether a pair of ``metadata`` is a plural's form for one, which may leave out its count:
    a catalog's first plural form (``plural`` 0) or a string whose context (its key) names the
    ``one`` category: i18next's ``file_one``, ``file.one``, ``file[one]``, a JSON plural
    object's ``/file/one`` or ``/file/=1``, a YAML one/other mapping's ``file#one`` (Hugo's
    i18n) or an ICU case's ``one {``, which a JSON or YAML import keeps as the key alone; or
    i18next v3's ``file`` beside ``file_plural``, which its metadata says
    (:data:`~ltmt.formats.v3_plural_keys.FORM_FOR_ONE`)."""
    if str(metadata.get("plural", "")) == "0" or metadata.get(FORM_FOR_ONE):
        return True
    return _ONE_CATEGORY.search(str(metadata.get("context", "") or "")) is not None


def is_count(text: str) -> bool:
    """Whether ``text`` is a placeholder a plural's count fills in: a printf integer, Qt's
    ``%n``, a brace field (:data:`~ltmt.formats.format_strings.COUNT_CONVERSION`),
    i18next's ``{{count}}``, Hugo's ``{{ .Count }}``, Drupal's ``@count`` or Symfony's
    ``%count%``."""
    text = lokalise_conversion(text) or text  # Lokalise's [%d] is its %d
    return COUNT_CONVERSION.fullmatch(text) is not None or _COUNT_FIELD.fullmatch(text) is not None


def localised_in(translation: Translation) -> str:
    """The language fitting writes ``translation``'s dates and spelling in: its
    ``target_language``, but none for a memory match (someone approved its target as it is)."""
    return "" if translation.method == "exact" else translation.target_language


def fit_translation(translation: Translation, kept: Iterable[str] = ()) -> Translation:
    """``translation`` with its text fitted to its source by :func:`restore` (what ``ltmt
    translate``, the server and :meth:`ltmt.translator.Translator.translate` return), the
    source's date formats then written in the translation's ``target_language``
    (:func:`ltmt.date_formats.localise_dates`) and its spelling (``ss`` for ``ß`` in Swiss
    German: :mod:`ltmt.swiss_spelling`, but in ``kept``, the glossary's names kept as
    written), a quotation of two kinds of marks given one pair (``»{{title}}“``:
    :mod:`ltmt.quote_pairs`), a quote mark that pairs with nothing and that the source lacks
    taken out (``%date%«``: :mod:`ltmt.stray_quotes`), and ``fitted`` set where that changed
    the text;
    an empty text, and a memory match :func:`reused_as_stored`, stay as they are."""
    if not translation.text.strip() or reused_as_stored(translation):
        return translation
    text = restore(protect(translation.source), translation.text).text
    if language := localised_in(translation):  # after the repair: it reads the source as written
        text = localise_dates(translation.source, text, language)
        text = swiss_spelling(text, language, kept)
        text = paired_again(translation.source, text, language)
        text = without_stray_quotes(translation.source, text)
    return translation if text == translation.text else replace(translation, text=text, fitted=True)


def single_spaced(source: str, output: str) -> str:
    """``output`` with each run of spaces inside it made one space where ``source`` has no such
    run: a fused output that read a match with an emoji the input lacks (``Happy to help 👍 —``
    for ``Happy to help —``) kept the spaces on both sides of it. A source that aligns columns
    or indents code with runs of spaces keeps the output's runs as they are."""
    return output if "  " in source else _SPACE_RUN.sub(" ", output)


def source_mark_run(source: str, output: str) -> str:
    """``output`` ending with ``source``'s final run of one ``!`` or ``?`` mark where it ends
    with a run of the same mark as long or other: the model shortened ``!!!`` to ``!!`` and
    lengthened ``???`` to ``????``."""
    wanted, written = _MARK_RUN.search(source), _MARK_RUN.search(output)
    if wanted is None or written is None or wanted["mark"] != written["mark"]:
        return output
    return output[: written.start()] + wanted.group()


def protect(text: str) -> Protected:
    """Split off the edge whitespace of ``text`` and take its placeholder inventory."""
    prefix, core, suffix = split_edges(text)
    return Protected(text, core, prefix, suffix, tuple(extract_placeholders(text)))


def restore(protected: Protected, output: str) -> Restored:
    """Fit the model's ``output`` to the source: same edges, line breaks and placeholders,
    single spaces inside a line whose source has no run of them (:func:`single_spaced`),
    the source's final run of ``!`` or ``?`` (:func:`source_mark_run`), and its inch marks
    (``12"``: :func:`ltmt.inch_marks.inch_marks_restored`).

    When source and output have the same number of lines, each line is repaired against its
    source line (the translator translates line by line); otherwise the whole text at once.
    Repairs: a placeholder the model garbled (``% s``, ``%S``, ``{ 0 }``) is put back in place;
    one that is missing is inserted where the source had it (start, before final punctuation,
    or at the end); duplicates and invented ones are removed (an invented one takes the place of a
    missing one of the same kind); non-positional printf conversions and paired tags are put
    back in the source's order. Numbered conversions (``%2$s`` for the source's second ``%s``)
    are a valid way to reorder and are kept.
    """
    if not output.strip() and protected.text:
        return Restored(output, repaired=False, ok=False, problems=("empty translation",))
    source_lines, breaks = split_lines(protected.source)
    output_lines, _ = split_lines(output)
    aliases = positional_aliases(protected.source)
    problems: list[str] = []
    if len(output_lines) == len(source_lines):
        lines = []
        for source_line, output_line in zip(source_lines, output_lines, strict=True):
            if not source_line.strip():
                lines.append(source_line)
                continue
            fixed, line_problems = repair_line(source_line.strip(), output_line.strip(), aliases)
            prefix, core, suffix = split_edges(source_line)
            fitted = inch_marks_restored(core, source_mark_run(core, single_spaced(core, fixed)))
            lines.append(prefix + fitted + suffix)
            problems.extend(line_problems)
        text = join_lines(lines, breaks)
    else:
        joined = " ".join(line.strip() for line in output_lines if line.strip())
        fixed, problems = repair_line(protected.text, joined, aliases)
        fitted = source_mark_run(protected.text, single_spaced(protected.text, fixed))
        fitted = inch_marks_restored(protected.text, fitted)
        text = protected.prefix + fitted + protected.suffix
    kept = Counter(aliases.get(p, p) for p in extract_placeholders(text))
    leaked = markup_in_words(protected.source, text)
    if leaked:
        problems.append(f"markup left in the words: {leaked}")
    strays = stray_braces(protected.source, text)
    problems += [f"a stray {brace!r} beside {field!r}" for brace, field in strays]
    # marks beside a field the source does not write there, left by a repair (not a model's
    # own "{{a}}/{{b}}" for "{{a}} or {{b}}", which qa reports for a person to judge)
    marks = stray_marks(protected.source, text) if problems else []
    problems += [f"a stray {run!r} beside {field!r}" for run, field, _ in marks]
    ok = (
        kept == Counter(protected.placeholders)
        and (balanced(text) or not balanced(protected.text))
        and not leaked
        and not strays
        and not marks
    )
    return Restored(text, repaired=bool(problems), ok=ok, problems=tuple(problems))


def markup_in_words(source: str, output: str) -> str:
    """What a tag the model broke left in the words of ``output`` (outside its placeholders)
    more often than ``source`` has it, ``""`` for none: a tag's start (``<a``, ``</``), a
    tag's end after an attribute's quote (``1«>1`` after a link) or alone (``/>``), an attribute
    (``epub:type=»noteref«``) or an escaped tag's start (``&lt;a``), or, in a source with a
    braced variable, the arrow of a property whose variable the repair took out (``->fullname``
    of ``$a->fullname`` for ``{$a->fullname}``: :mod:`ltmt.formats.php_properties`). A page
    shows them as
    text, so the output is no valid translation whatever its placeholders. Not an arrow or a
    sign written with brackets (``<< Back``, ``Next >>``, ``a -> b``, ``x < 5``), nor a
    metavariable the source has (``<Shift+Tab>``, whose ``>`` the model may drop)."""
    words, source_words = without_placeholders(output), without_placeholders(source)
    leaked = [
        *_surplus(_TAG_REMNANT, words, source_words),
        *_surplus(_ATTRIBUTE_TEXT, words, source_words),
        *_surplus(_ESCAPED_TAG_START, output, source),
    ]
    if "{$" in source:  # an arrow in prose (File ->Open) is no remnant of a property
        leaked += _surplus(_PROPERTY_REMNANT, words, source_words)
    return " ".join(leaked)


def _surplus(pattern: re.Pattern[str], text: str, source: str) -> list[str]:
    """The first text of ``pattern`` in ``text`` where ``text`` has more of them than
    ``source`` does, else none."""
    found = pattern.findall(text)
    return found[:1] if len(found) > len(pattern.findall(source)) else []
