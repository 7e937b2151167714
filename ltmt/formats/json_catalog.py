"""JSON message files (i18next, vue-i18n, react-intl, Flutter ARB, WebExtension
``messages.json``, any object of strings, nested or flat) as a keyed catalog
(:mod:`ltmt.formats.keyed_catalog`), read and written with Python's ``json``.

A string is named by its JSON Pointer (RFC 6901: ``/app/title``, ``/tags/0``). Every string of
the file is translated, except:

- Angular's ``"locale"`` (``ng extract-i18n --format=json``), set to the target language
  (:mod:`ltmt.formats.angular_json`), and so is a table's own language field that holds the
  source language's code (``"language": "en"`` at the top level, not in an array's items:
  :mod:`ltmt.formats.language_fields`; another language's is copied);
- ARB metadata (keys that start with ``@``): ``@@locale`` is set to the target language (ARB's
  ``de_CH``, the region from the output's name where the language has none:
  :mod:`ltmt.formats.arb_locale`), other
  ``@@`` keys are kept, and a message's ``@name`` description is left out of the translated file
  (Flutter reads it from the template), but an existing translation's own ``@name`` metadata,
  ``@@`` keys and indentation are kept, its ``@@last_modified`` too unless a message changed
  (:mod:`ltmt.formats.arb_metadata`);
- an object of a WebExtension message's shape at any depth (Chrome, Firefox, Crowdin: a
  string ``message`` and besides at most a ``description`` and ``placeholders``): only its
  ``message`` is translated, its ``description`` and ``placeholders`` are kept (a top-level
  one's ``$name$`` and ``__MSG_name__`` names are read in any case: :data:`WEBEXTENSION_FORMAT`,
  and so are its message names in an existing translation, kept as it spells them:
  :mod:`ltmt.formats.webextension`; an object with other keys beside its ``message``, an
  Electron dialog's ``title`` and ``detail``, is an object of strings, each translated); so
  are the
  ``description`` and ``id`` of a FormatJS extracted message (``defaultMessage`` translated; an
  object with other keys beside its ``defaultMessage`` is an object of messages; an existing
  translation's message of the same id in Crowdin's shape, ``message``, is its translation,
  written as ``defaultMessage``); so are a
  go-i18n message object's ``hash``, ``description``, ``id`` and delimiters, its plural forms
  translated (:mod:`ltmt.formats.goi18n_messages`); so are a Transifex STRUCTURED_JSON
  string's ``context``, ``developer_comment`` and ``character_limit``, its ``string``
  translated, its context the memory's and its limit checked, in a file whose every string
  lies in such an object (:mod:`ltmt.formats.structured_json`: beside a string of its own,
  ``{"string": ..., "context": ...}`` is an object of strings, each translated);
  a message whose description (a Transifex ``developer_comment``) says ``Do not translate``
  (or ``don't translate``, in any case: an extension's name, a brand) is copied as the
  source has it and makes no pair in a memory import, as Android's ``translatable="false"``
  strings are not translated (the app shows the source's either way); so is an ARB message
  whose ``@name`` description says so;
- a compiled ink story (``inkVersion`` and ``root``, what inklecate writes): only its ``^``
  strings are text, translated without their ``^`` and written back with it; its commands,
  variables, paths and tags are copied (:mod:`ltmt.formats.ink_json`);
- a HubSpot module's or theme's list of fields (``fields.json``, a list at the top level; any
  other list of objects there, a CMS export's records, is read as the records of an object
  are; a list of anything else is no message file): only its labels, help texts, choice
  labels and text defaults are translated, its names, types, choice values and a choice's
  default copied
  (:mod:`ltmt.formats.hubspot_fields`);
- a Contentful export or API response (entries and assets, a ``sys`` and ``fields`` each):
  only its fields' values are translated, a rich text node's ``value`` alone; its ``sys``
  objects, links, rich text ``nodeType``, ``data`` and ``marks``, an asset's ``file``, and the
  space's locales and content types are copied; an export whose fields hold several locales is
  refused (:mod:`ltmt.formats.contentful_export`);
- an ICU plural or select message (``You have {count, plural, one {# file} other {# files}}``)
  is translated case by case, each case as a whole sentence, several arguments (side by side
  or nested) as each combination of their branches (:mod:`ltmt.formats.icu_messages`), a
  plural's and an ordinal's branches in the target language's categories (``=0``-style keys
  kept; no category whose every number has such a key: German's ``one`` beside ``=1``; in ARB
  the source's ``zero``, which Flutter reads for 0 in every language); one that
  cannot be taken apart (quoted, ``#`` of two plurals in one case) is left untranslated, with a
  warning that names it;
- a message meant as ICU (a plural or select, an argument with a type) that ICU rejects (an
  unbalanced brace, ``Hello {name, welcome back``, ``{count, plurl, ...}``, a plural without
  ``other``) is left untranslated, with a warning that says what is wrong, and counted apart
  as left out (the run's summary names it; ``--strict`` fails) unless the output being
  continued holds a person's translation of it.

A string of block HTML (a Zendesk Help Center article's ``body``) is translated block by block,
its structure kept, as a CSV cell's HTML is (:mod:`ltmt.formats.json_html`, in every flavour of
JSON file); a Zendesk article's ``label_names`` are copied
(:mod:`ltmt.formats.json_identifiers`), and its ``locale`` in the ``{"article": {...}}`` wrapper
is a language field.

A message left untranslated is left out of the output (a FormatJS message's whole object), so
that the app falls back to the source language and a later run, of a fixed source, translates
it; a person's translation of it in the output being continued is kept (and counted as
translated already), but not a copy of the source, which earlier versions wrote there, and a
100 % memory match of one whose source ICU accepts is written as stored
(:mod:`ltmt.formats.memory_only`); a memory import counts and names it
(:attr:`~ltmt.formats.keyed_catalog.TranslatedFile.by_hand`).

A translation whose keys are flat where this file nests them (``"button.save"`` for ``button``
→ ``save``), or the reverse, is read as this file spells them, and its output written as it
spells them (:mod:`ltmt.formats.json_key_layout`).

vue-i18n's plural choices (``no items | one item | {count} items``) are translated choice by
choice and joined with the source's separators (:mod:`ltmt.formats.pipe_plurals`; not in ARB
files, which are ICU throughout, nor in i18next's; any other ``|``, ``Home | Shop``, is text).
i18next's plural keys (``items_one``, ``items_other``) are strings of their own; a Lokalise
plural written as a JSON string (``"{\\"one\\":\\"[%i] file\\", ...}"``) is read as its forms,
in the target language's categories, and written back as a string
(:mod:`ltmt.formats.json_string_plurals`); an ordinal
form of a category the target language has none of (German's ``place_ordinal_two``) is left
out, with a warning (an existing output's own is kept in place, and makes no pair). Numbers,
booleans and ``null`` are copied, and so are empty strings, strings of spaces and strings with
no letter outside their placeholders (a URL, an email address, a ``$ref``: the key is the app's,
dropping it changes the file's structure), the strings under keys named to be left
(``skip_keys``: a dialogue tree's ``id``, ``next``, ``speaker``), identifiers (``intro_01``,
and every value of a key of such ids: :mod:`ltmt.formats.json_identifiers`) and the notes
under ``_comment`` keys (a Minecraft mod's: :mod:`ltmt.formats.json_comments`), which the model
does not see; where the output exists, a skipped key's strings, a note and an ARB file's ``@@``
keys are its own, unless they are ltmt's copies of the source's before, which take the source's now
(:mod:`ltmt.formats.copied_values`). Where the output differs from the source in string values
alone, it is the source's text with those strings replaced, every other byte kept
(:meth:`JsonCatalog._in_place`); otherwise it keeps the source file's indentation (an object
or array written on one line stays on one line: :mod:`ltmt.formats.json_layout`), key order,
byte order mark, line ends and final newline; a translation escapes (``\\u00fc``) what the
source escapes, by kind (:mod:`ltmt.formats.json_escapes`: a source's one ``\\u00a0`` escapes
invisible characters, not umlauts), and an existing translation's raw UTF-8 stays raw.
"""

from __future__ import annotations

import codecs
import copy
import dataclasses
import datetime
import json
import logging
import re
from collections.abc import Collection, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, NotMessageFileError, UnalignedTranslationError
from ltmt.formats import (
    contentful_export,
    goi18n_messages,
    hubspot_fields,
    ink_json,
    json_string_plurals,
    openapi,
    smartling_json,
    structured_json,
)
from ltmt.formats.angular_json import LOCALE_KEY, angular_locale, is_angular_json
from ltmt.formats.arb_locale import arb_locale, arb_spelling, check_target_locale
from ltmt.formats.arb_metadata import copied_header, with_target_metadata
from ltmt.formats.common import decode, read_bytes, written_like
from ltmt.formats.documents import Unit
from ltmt.formats.double_brace_catalogs import interpolates_in_double_braces
from ltmt.formats.formatjs_ast import refuse_compiled_ast
from ltmt.formats.icu_messages import (
    CasePath,
    Expansion,
    Unsupported,
    case_name,
    escaped_apostrophes,
    expand,
    has_arguments_with_types,
    is_branching,
    number_moved_out,
    quotes_syntax,
    syntax_problem,
    unescaped_apostrophes,
)
from ltmt.formats.icu_quoted_brackets import hidden_runs, quoted_runs, shown_runs
from ltmt.formats.json_comments import is_comment_key, leading_comment
from ltmt.formats.json_escapes import escapes_of
from ltmt.formats.json_identifiers import (
    find_locale_maps,
    kept_as_written,
    skipped,
    warn_of_unknown_keys,
)
from ltmt.formats.json_key_layout import (
    Place,
    adopted_spellings,
    moved,
    respellings,
    value_places,
)
from ltmt.formats.json_key_order import in_target_order
from ltmt.formats.json_layout import dumps_with_layout, one_line_containers
from ltmt.formats.json_own_values import held_values, same_value, values_not_text
from ltmt.formats.json_pointer import pointer, value_at
from ltmt.formats.json_repeated_keys import parse_with_repeated_keys
from ltmt.formats.json_spans import changed_strings, spliced
from ltmt.formats.key_bindings import is_key_binding
from ltmt.formats.key_contexts import key_context
from ltmt.formats.keyed_catalog import (
    FORM,
    NOT_TAKEN_APART,
    SOURCE_REJECTED,
    Entry,
    KeyedCatalog,
    TranslatedFile,
    translated_by_hand,
)
from ltmt.formats.language_fields import language_fields, written_value
from ltmt.formats.laravel_json import is_laravel_json, keys_are_english, with_keys_for_empty
from ltmt.formats.machine_values import is_identifier_key
from ltmt.formats.markdown_lines import MarkdownLines
from ltmt.formats.markdown_strings import MarkdownString, markdown_problems
from ltmt.formats.npm_manifest import is_npm_manifest, npm_manifest_refusal
from ltmt.formats.pipe_plurals import (
    LARAVEL,
    VUE_I18N,
    Choices,
    kept_whole,
    laravel_choices,
    may_be_vue_i18n,
    plural_choices,
)
from ltmt.formats.plural_numbers import NUMBER_FIELD, NUMBER_WRITTEN
from ltmt.formats.plurals import CATEGORIES, categories_with_other, ordinal_categories
from ltmt.formats.size_limits import LengthsChecked
from ltmt.formats.smartling_json import is_smartling_header
from ltmt.formats.speaker_names import (
    names_translated,
    speaker_places,
    warn_of_names_translated,
)
from ltmt.formats.translator_notes import says_not_to_translate
from ltmt.formats.ui5_manifest import is_ui5_manifest, ui5_manifest_refusal
from ltmt.formats.unchanged_output import same_data
from ltmt.formats.webextension import (
    is_manifest,
    is_message,
    manifest_refusal,
    message_limits,
    respelled,
    spellings,
)
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "a JSON message file"
# the flag of a WebExtension message (``{"message": ...}``): its ``$name$`` substitutions and
# ``__MSG_name__`` references are read in any case (``ltmt qa``)
WEBEXTENSION_FORMAT = "webextension-format"
# a WebExtension message's name: ASCII letters, digits, "_" and "@", as the i18n API allows
_MESSAGE_NAME = re.compile(r"[A-Za-z0-9_@]+")


def _load(path: Path) -> tuple[bytes, str, Any]:
    """The file's bytes, its text (without a byte order mark, a leading comment blanked) and
    its JSON, a string of plural forms read as their object (:mod:`json_string_plurals`); a
    key written twice is read as JSON parsers read it, the last one, with a warning
    that names it."""
    raw = read_bytes(path, WHAT)
    _, text = leading_comment(decode(raw, path))  # a Shopify theme's: written back by render
    data, repeated = parse_with_repeated_keys(text, path)
    if not isinstance(data, dict) and not _is_record_list(data):
        raise NotMessageFileError(
            str(path), f"not {WHAT}: its top level is not an object, nor a list of objects"
        )
    refuse_compiled_ast(path, data)  # its strings are argument names as well as text
    twice = [repeat.pointer for repeat in repeated]
    if twice:
        logger.warning(
            "%s: %s defined more than once (%s); only the last is read, as the app's JSON "
            "parser reads it: delete the others",
            path,
            counted(len(twice), "key"),
            first_few(twice),
        )
    return raw, text, json_string_plurals.decoded(data)  # Lokalise's plurals as JSON strings


def _is_record_list(data: Any) -> bool:
    """Whether ``data`` (a JSON file's) is a list of objects at its top level: a HubSpot
    field list, a CMS export's records (Strapi's export plugin writes ``[{"id": 14, "title":
    ...}]``; trial s75: refused as no object of strings, while the same records under
    ``{"data": [...]}`` were translated), translated as the records of an object are."""
    return isinstance(data, list) and bool(data) and all(isinstance(item, dict) for item in data)


def _strings(
    value: Any, parts: tuple[str | int, ...] = (), structured: bool | None = None
) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every translatable string under ``value`` (module docstring);
    ``structured``: whether the file is Transifex STRUCTURED_JSON (None: ``value`` is the
    file's, which says)."""
    if structured is None:
        structured = structured_json.is_structured(value)
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, dict):
        message = _message_key(value, structured=structured and bool(parts))
        if message is not None:  # WebExtension / Chrome, FormatJS, Transifex
            yield (*parts, message), value[message]
            return
        for key, item in value.items():
            if not key.startswith("@"):
                yield from _strings(item, (*parts, key), structured)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*parts, index), structured)


def _record_names(value: Any, top: bool = True) -> frozenset[str]:
    """The names of the object keys under ``value``, below its top level, that hold an object
    or an array (a record a string may name: ``"characters": {"GUARD": {...}}``; a message
    file's top-level sections, ``"HELP": {...}``, name no record)."""
    if isinstance(value, dict):
        named = frozenset(
            key for key, item in value.items() if not top and isinstance(item, (dict, list))
        )
        return named.union(*(_record_names(item, False) for item in value.values()))
    if isinstance(value, list):
        return frozenset().union(*(_record_names(item, False) for item in value))
    return frozenset()


def _indent(text: str) -> str | int | None:
    """The indentation of the file's first nested line (None: all on one line)."""
    found = re.search(r"\n([ \t]+)\S", text)
    if found is None:
        return None
    indent = found.group(1)
    return len(indent) if set(indent) == {" "} else indent


class JsonCatalog(LengthsChecked, KeyedCatalog):
    """A JSON message file to translate into the target language's (module docstring)."""

    format = "json"
    what = WHAT
    # an array's items move with their English (:mod:`ltmt.formats.array_items`)
    array_item = re.compile(r"(?P<array>.*)/(?P<index>0|[1-9][0-9]*)")

    def __init__(
        self,
        path: Path,
        raw: bytes,
        text: str,
        data: Any,
        tgt_lang: str,
        skip_keys: frozenset[str] = frozenset(),
        src_lang: str = "en",
    ) -> None:
        if is_manifest(data):  # its settings, translated, stop the extension from loading
            raise InputError(f"{path}: {manifest_refusal(data)}")
        if is_ui5_manifest(data):  # ... the UI5 app from loading
            raise InputError(f"{path}: {ui5_manifest_refusal(path, data)}")
        if is_npm_manifest(data, path):  # ... npm start and the build from working
            raise InputError(f"{path}: {npm_manifest_refusal()}")
        if is_laravel_json(_strings(data)):  # "Sign up": "" is its own English: translated
            data = with_keys_for_empty(data)
        data = json_string_plurals.in_categories(data, tgt_lang)  # German's one, other
        self.raw, self.text, self.data, self.tgt_lang = raw, text, data, tgt_lang
        self.comment = leading_comment(decode(raw, path))[0]  # written first, as the source has it
        # the existing translation's indentation and JSON, where it is continued (:meth:`adopt`)
        self.target_layout: tuple[str | int | None, Any] | None = None
        # which characters the output writes as \u escapes: the source's, and where an
        # existing translation is continued, what it writes raw stays raw (:meth:`adopt`)
        self.escapes = escapes_of(text)
        # the existing translation's JSON as it is written, whose key order the output keeps
        # (:mod:`ltmt.formats.json_key_order`; None: nothing adopted)
        self.target_order: Any = None
        self.output: Path | None = None  # where it is saved (:meth:`save`), and its locale
        self.locale = arb_spelling(tgt_lang)
        # the strings copied as they are, not translated, by pointer (module docstring)
        self.skip_keys = skip_keys  # their strings keep an adopted output's (:meth:`adopt`)
        if skip_keys:
            warn_of_unknown_keys(path, data, skip_keys)
        strings = list(_strings(data))
        # the speakers' names (a dialogue file's), whose translations a run names on saving
        self.speakers = speaker_places(strings)
        self.speakers_translated: dict[str, tuple[str, str, str]] = {}
        structured = structured_json.is_structured(data)
        kept = kept_as_written(
            strings, _record_names(data), skip_keys, frozenset(find_locale_maps(data))
        )
        # a compiled ink story's text: its other strings are the engine's, copied
        texts = ink_json.text_places(data) if ink_json.is_story(data) else None
        self.ink = texts is not None
        self.openapi = openapi.kind(data)
        if self.openapi:  # its prose alone: paths, names, enums and examples are the API's
            texts = openapi.text_places(data)
        if texts is None and contentful_export.is_contentful(data):  # its fields' values alone
            contentful_export.refuse_several_locales(path, data)
            texts = contentful_export.text_places(data)
        if texts is None:  # Smartling's header names its text: its notes are copied
            texts = smartling_json.text_places(data, strings)
        # a HubSpot field's name, type, choice values and a choice's default are HubSpot's
        fields_kept = hubspot_fields.kept_places(data)
        self.kept = {
            pointer(parts): text
            for parts, text in strings
            if parts in kept
            or is_comment_key(parts)  # "_comment": a note for the translator, copied
            or _described_as_kept(data, parts, structured)
            or goi18n_messages.is_field(data, parts)
            or (texts is not None and parts not in texts)
            or is_smartling_header(data, parts)  # Smartling's parser configuration, no text
            or parts in fields_kept
        }
        # the key bindings among them (an Electron menu's "Ctrl+Shift+I"), by pointer
        self.key_bindings = {
            pointer(parts)
            for parts, text in strings
            if parts in kept and is_key_binding(text, parts[-1] if parts else None)
        }
        for parts, value in language_fields(data):  # "language": "en", the file's: no text
            written = written_value(value, src_lang, tgt_lang)
            if written is not None and not skipped(parts, skip_keys):  # skipped: copied
                self.kept[pointer(parts)] = written
        if is_angular_json(data):  # its "locale" is the file's language, no message
            self.kept[pointer((LOCALE_KEY,))] = angular_locale(tgt_lang)
        # what an adopted output may hold its own of, where they are a record's values, not
        # a story's, an API's or HubSpot's structure (:mod:`ltmt.formats.json_own_values`):
        # the strings copied as they are (as written: a language code the target's), by
        # pointer, and the numbers, booleans and nulls, by pointer with their places
        self.copies_structure = self.ink or bool(self.openapi) or bool(fields_kept)
        self.src_lang = src_lang
        self.language_places = {pointer(parts) for parts, _ in language_fields(data)}
        own_places = {pointer(parts) for parts in kept} | self.language_places
        self.copied_strings = {
            key: text
            for key, text in self.kept.items()
            if key in own_places and text.strip() and not self.copies_structure
        }
        self.values_not_text: dict[str, tuple[tuple, Any]] = (
            {}
            if self.copies_structure
            else {
                pointer(parts): (parts, value)
                for parts, value in values_not_text(
                    data, lambda value, parts: _message_key(value, structured and bool(parts))
                )
            }
        )
        self.own_values: dict[str, Any] = {}  # the adopted output's own of them, by pointer
        # the places of the values a translation may spell flat or nested otherwise than this
        # file (:mod:`ltmt.formats.json_key_layout`); where the output writes those the adopted
        # output spells otherwise, or writes in its layout, by place
        self.structured_file = structured
        self.value_places = value_places(data, self._plain_object)
        self.output_places: dict[Place, Place] = {}
        # a branching message's expansion and its translation's (target, source) case paths,
        # by pointer
        self.branchings: dict[str, tuple[Expansion, list[tuple[CasePath, CasePath]]]] = {}
        # an adopted output's branching messages as written, with the branches read from them
        self.adopted_messages: dict[str, tuple[str, dict[str, str | None]]] = {}
        # a vue-i18n plural's choices, by pointer: each is translated as a string of its own
        self.choices: dict[str, Choices] = {}
        # a source message meant as ICU that ICU rejects: what is wrong, by pointer
        self.invalid: dict[str, str] = {}
        # the messages left untranslated (those and the ones not taken apart): their sources, by
        # pointer; and a person's translation of one, in the adopted output (module docstring)
        self.untranslated: dict[str, str] = {}
        self.by_hand: dict[str, str] = {}
        # the 100 % memory matches of the others, but those ICU rejects the source of, by
        # pointer (:mod:`ltmt.formats.memory_only`)
        self.from_memory: dict[str, str] = {}
        # the messages that do not branch and write ICU's escaped apostrophe (``Don''t``): the
        # model gets and gives them unescaped (:func:`unescaped_apostrophes`)
        self.escaped: set[str] = set()
        # the runs of ICU's quoted angle brackets of a message that does not branch, by pointer:
        # the model gets a stand-in for each (:mod:`ltmt.formats.icu_quoted_brackets`)
        self.quoted: dict[str, tuple[str, ...]] = {}
        # what only the adopted output has (:attr:`extras`), kept at the end whole, by path: an
        # obsolete message object with all its fields (a FormatJS ``description``)
        self.adopted_extras: dict[tuple, Any] = {}
        # the adopted output's go-i18n messages, whose own fields (a hash) it keeps in place
        self.adopted_goi18n: list[tuple[tuple, dict[str, Any]]] = []
        # a WebExtension message the adopted output names in another case (SaveButton for
        # saveButton: one name to browsers), by this file's name: written back as it is there
        self.adopted_spellings: dict[str, str] = {}
        entries = []
        icu = Path(path).suffix.lower() == ".arb"  # Flutter's messages are ICU throughout
        names = (str(parts[-1]) for parts, _ in strings if parts)
        laravel = not icu and is_laravel_json(strings)  # its plurals: one apple|:count apples
        vue = not icu and not laravel and may_be_vue_i18n(names, (text for _, text in strings))
        self.syntax = LARAVEL if laravel else VUE_I18N if vue else ""
        # ICU's apostrophe quoting, but in i18next's {{name}} catalog: 'x' (double_brace_catalogs)
        quoting = icu or not interpolates_in_double_braces(text for _, text in strings)
        unused = _unused_ordinal_forms(strings, tgt_lang) if not icu else []
        # those forms not translated: an adopted output's own kept in place (no obsolete
        # string, nor one "not in the source file" for memory import), by pointer
        self.unused_ordinals = set(unused)
        self.ordinals_kept: dict[str, str] = {}
        # an OpenAPI description's, and a string that is Markdown (a CMS's rich text), by pointer
        self.markdown: dict[str, MarkdownLines | MarkdownString] = {}
        for parts, source in strings:
            key = pointer(parts)
            if key in self.kept or key in unused:
                continue
            if self.ink:  # story text, no message syntax: the model gets it without its ^
                entries.append(Entry(key, key, ink_json.text_of(source)))
                continue
            lines = openapi.markdown_of(parts[-1], source) if self.openapi and parts else None
            if lines is not None:  # its headings' marks, table bars and code kept
                self.markdown[key] = lines
                entries.extend(lines.entries(key, group=key))
                continue
            flags = (WEBEXTENSION_FORMAT,) if _is_message(data, parts) else ()
            problem = _icu_problem(source, _is_formatjs_text(data, parts))
            if problem is not None:
                self.invalid[key], self.untranslated[key] = problem, source
                continue
            # FormatJS's quoting, read in any JSON file but Laravel's and i18next's (vue-i18n is
            # only guessed)
            quoted = quoting and not laravel and not is_branching(source)
            runs = quoted_runs(source) if quoted else ()
            hidden = hidden_runs(source, runs) if runs else source
            quotes = quoting and not is_branching(source)  # ICU's quoted braces: '{'name'}'
            if hidden is None or (quotes and quotes_syntax(hidden, icu=icu)):
                self.untranslated[key] = source
                continue
            if not is_branching(source):
                choices = (
                    plural_choices(source) if vue else laravel_choices(source) if laravel else None
                )
                markdown = MarkdownString.of(source) if choices is None and not runs else None
                if markdown is not None:  # its marks, link destinations and titles kept
                    self.markdown[key] = markdown
                    entries.extend(markdown.entries(key, group=key))
                    continue
                if choices is None:
                    shown = source if runs else ""
                    if runs:  # '<'Enter'>' as %1$s (ltmt.formats.icu_quoted_brackets)
                        self.quoted[key], source = runs, hidden
                    if unescaped_apostrophes(source) != source:
                        self.escaped.add(key)
                        source = unescaped_apostrophes(source)
                    entries.append(Entry(key, key, source, flags=flags, shown=shown))
                    continue
                self.choices[key] = choices
                entries.extend(choices.entries(key))
                continue
            try:
                expansion = expand(source)
            except Unsupported:
                self.untranslated[key] = source
                continue
            paths = expansion.target_paths(
                categories_with_other(self.tgt_lang),
                ordinal_categories(self.tgt_lang),
                language=self.tgt_lang,
                keeps_zero=icu,  # Flutter reads zero for 0 in every language
            )
            self.branchings[key] = (expansion, paths)
            for form, (target, source_path) in enumerate(paths):
                text = expansion.case(source_path).text
                entry_key = f"{key}{FORM}{case_name(target)}"
                shown = expansion.from_model(source_path, text)  # its # as written, not %d
                entries.append(
                    Entry(entry_key, key, text, form, plural=expansion.plural, shown=shown)
                )
        if unused:
            logger.warning(
                "%s: %s left out (%s): the target language (%s) has no such ordinal "
                "category, so i18next does not read %s",
                path,
                counted(len(unused), "i18next ordinal form"),
                first_few(unused),
                tgt_lang,
                "it" if len(unused) == 1 else "them",
            )
        if self.invalid:
            logger.warning(
                "%s: %s that ICU rejects left out untranslated (%s); fix them in the source",
                path,
                counted(len(self.invalid), "message"),
                first_few(f"{key}: {problem}" for key, problem in self.invalid.items()),
            )
        # a Transifex STRUCTURED_JSON string's object, by its string's pointer: its context is
        # its entries' memory context (a PO msgctxt's), its developer_comment their note
        self.structured = {
            pointer((*parts, structured_json.STRING)): value
            for parts, value in structured_json.string_objects(data)
        }
        contexts = {key: structured_json.context_of(v) for key, v in self.structured.items()}
        entries = [
            dataclasses.replace(entry, context=contexts[entry.name])
            if contexts.get(entry.name)
            else entry
            for entry in entries
        ]
        super().__init__(path, entries)
        # a WebExtension message's length limit and where it is said (manifest.json's name, its
        # description's "max 45 characters"), and a Transifex string's (its character_limit),
        # by pointer; the messages filled longer, each with what is wrong (LengthLimited:
        # counted in the run's summary)
        self.limits = {
            pointer((name, "message")): limit for name, limit in message_limits(path, data).items()
        }
        self.limits.update(
            (pointer((*parts, structured_json.STRING)), limit)
            for parts, limit in structured_json.string_limits(data).items()
        )
        self.over_limit: dict[str, str] = {}

    def length_limit(self, entry: Entry) -> int | None:
        limit = self.limits.get(self.name_of(entry.key))  # a plural's forms: each its message's
        return limit[0] if limit is not None else None

    def length_limit_set_by(self, entry: Entry) -> str:
        return self._set_by_transifex(entry.key)

    def developer_note(self, entry: Entry) -> str:
        """A Transifex string's ``developer_comment``; "" for the others."""
        value = self.structured.get(entry.name)
        return structured_json.comment_of(value) if value is not None else ""

    def limit_at(self, key: str) -> tuple[int | None, str]:
        name = self.name_of(key)
        maximum, said = self.limits.get(name, (None, ""))
        return maximum, key if name in self.structured else f"{key} (limit from {said})"

    def limit_set_by(self, key: str) -> str:
        return self._set_by_transifex(key) or "its unit"

    def _set_by_transifex(self, key: str) -> str:
        """What sets the length limit of the Transifex string ``key`` (``its character_limit``,
        ``its developer_comment``), as a note says it allows so many characters; "" for any
        other string (a WebExtension message's limit is its unit's)."""
        name = self.name_of(key)
        return self.limits[name][1] if name in self.structured and name in self.limits else ""

    def over_limit_said(self, count: int) -> str:
        """The note of the WebExtension messages translated longer than their limit allows."""
        return f"{counted(count, 'message')} longer than its length limit allows"

    def warn_of_untranslated(self) -> None:
        """Warn of the messages this run leaves untranslated as it cannot take them apart
        (ICU quoting, quotes around braces, ``#`` of two plurals): those a person's translation
        kept in the output is none of (a memory import or ``ltmt qa`` translates nothing: no
        warning)."""
        if self.openapi:
            openapi.warn_of_reading(self.path, self.data)
        left = [
            k
            for k in self.untranslated
            if k not in self.invalid and k not in self.by_hand and k not in self.from_memory
        ]
        if left:
            # ICU quoting in an ARB file (ICU throughout); elsewhere only quotes around braces
            # are left, which are no ICU syntax in a vue-i18n file, but text
            arb = self.path.suffix.lower() == ".arb"
            quoting = "ICU quoting" if arb else "quotes around braces ('{name}')"
            if not arb and any(quoted_runs(self.untranslated[key]) for key in left):
                quoting = "quotes around braces or angle brackets ('{name}', '<'b'>')"
            logger.warning(
                "%s: %s with %s or a plural or select that ltmt cannot take apart (%s) left out "
                "untranslated; translate %s by hand",
                self.path,
                counted(len(left), "message"),
                quoting,
                first_few(left),
                "it" if len(left) == 1 else "them",
            )

    def same_value(self, entry: Entry) -> frozenset[str]:
        """A plural case's ``#`` and its argument (``{count}``): the same number."""
        if entry.name not in self.branchings:
            return frozenset()
        expansion, paths = self.branchings[entry.name]
        return expansion.number_written(paths[entry.form][1])

    def placeholders_written(self, entry: Entry) -> dict[str, str]:
        """A plural case's ``%d`` as the file writes it, ``#`` (``ltmt qa``'s ``lacks #``,
        not ``lacks %d``, trial s75), where the model got it for ``#`` or, in a case of a
        plural without one (``=1 {One photo}``), a translation's ``#`` is read as it; kept with
        a memory's pairs, so that an export other than JSON Lines writes ``#`` as the file
        does (:func:`~ltmt.formats.plural_numbers.as_file_writes`)."""
        if entry.name not in self.branchings:
            return {}
        expansion, paths = self.branchings[entry.name]
        source = paths[entry.form][1]
        case = expansion.case(source)
        counting = case.counted_by is not None or expansion.arguments[source[-1][0]].counts
        literal = case.keeps_hash or (case.counted_by is None and NUMBER_FIELD in case.text)
        return dict(NUMBER_WRITTEN) if counting and not literal else {}

    def placeholders_named(self, entry: Entry) -> dict[str, str]:
        """A stand-in for quoted angle brackets as its run (``'<'Enter'>'``), for ``ltmt qa``'s
        findings."""
        if entry.name in self.quoted:
            return {f"%{n}$s": run for n, run in enumerate(self.quoted[entry.name], start=1)}
        return {}

    def invalid_sources(self) -> dict[str, str]:
        return {key: problem for key, problem in self.invalid.items() if key not in self.by_hand}

    def is_array(self, key: str) -> bool:
        """Whether the JSON Pointer ``key`` names an array of the source file, not an object
        whose keys are numbers (``{"0": "Low"}``, whose strings are kept by their names)."""
        return key in self._source_arrays

    @cached_property
    def _source_arrays(self) -> frozenset[str]:
        """The JSON Pointers of the source file's arrays, read once (a rerun asks of each array
        it lines up: read again each time, a file of many arrays took quadratic time)."""
        return frozenset(_array_pointers(self.data))

    def kept_by_hand(self) -> list[str]:
        return list(self.by_hand)

    def memory_only_units(self) -> list[Unit]:
        """The messages left untranslated whose source ICU accepts that the output so far has
        no person's translation of, each a unit of its whole message
        (:mod:`ltmt.formats.memory_only`)."""
        return [
            Unit(key, source, context=key)
            for key, source in self.untranslated.items()
            if key not in self.invalid and key not in self.by_hand
        ]

    def reusable(self, text: str) -> bool:
        """Whether ``text`` is a message ICU accepts (its quoting aside)."""
        return syntax_problem(text) is None

    def fill_from_memory(self, translations: Mapping[str, str]) -> None:
        self.from_memory.update(translations)

    @classmethod
    def open(
        cls,
        path: Path,
        tgt_lang: str | None = None,
        skip_keys: frozenset[str] = frozenset(),
        src_lang: str | None = None,
        **_: Any,
    ) -> JsonCatalog:
        """``path`` to translate from ``src_lang`` into ``tgt_lang``, the strings under
        ``skip_keys`` (key names, at any depth) and identifiers copied as they are."""
        languages = tgt_lang or "de", skip_keys, src_lang or "en"
        return cls(Path(path), *_load(Path(path)), *languages)

    @classmethod
    def source_document(
        cls,
        path: Path,
        source_file: Path | None,
        tgt_lang: str | None = None,
        skip_keys: frozenset[str] = frozenset(),
    ) -> KeyedCatalog:
        """As :meth:`KeyedCatalog.source_document`; without ``source_file``, a Laravel
        translation keyed by its English (``lang/de.json``: :func:`keys_are_english`) is its
        own source, its keys read as the English, which a warning says. A Contentful export of
        several locales is refused: its German is no file of its own."""
        if source_file is None:
            contentful_export.refuse_several_locales(Path(path), _load(Path(path))[2])
        if source_file is None and _named_for(Path(path), tgt_lang or "de"):
            data = _load(Path(path))[2]
            if keys_are_english(data):
                logger.warning(
                    "%s: no --source-file; its keys are read as the English it translates, as "
                    "Laravel's lang/de.json is keyed",
                    path,
                )
                keys = {key: key for key in data}
                keyed = json.dumps(keys, ensure_ascii=False, indent=4)
                return cls(Path(path), keyed.encode(), keyed, keys, tgt_lang or "de", skip_keys)
        return super().source_document(path, source_file, tgt_lang, skip_keys)

    def name_of(self, key: str) -> str:
        base, form, _ = key.rpartition(FORM)  # a branch of a branching message, else a pointer
        own = base in self.branchings or base in self.choices or base in self.markdown
        return base if form and own else key

    def read_values(self, path: Path) -> dict[str, str]:
        return self._values_in(_load(path)[2])

    def read_translation(self, path: Path) -> TranslatedFile:
        translated = self._as_named_here(_load(path)[2])
        not_text = [
            pointer(parts)
            for parts, _ in _strings(self.data)
            if not isinstance(value_at(translated, parts, ""), str)
        ]
        problems: dict[str, list[str]] = {}
        for found in (
            goi18n_messages.changed_fields(self.data, translated),
            goi18n_messages.action_problems(self.data, translated),
        ):
            for parts, said in found.items():
                problems.setdefault(pointer(parts), []).extend(said)
        strings = {pointer(parts): text for parts, text in _strings(translated)}
        broken = markdown_problems(self.markdown, strings)  # a heading's lost #: checked whole
        for key, said in broken.items():
            problems.setdefault(key, []).extend(said)
        unused = [
            pointer(parts)
            for parts, text in _strings(translated)
            if pointer(parts) in self.unused_ordinals and text.strip()
        ]
        return TranslatedFile(
            self._values_in(translated),
            not_text=not_text,
            format_problems=problems,
            left_out={UNUSED_ORDINAL: unused} if unused else {},
            checked_whole={
                **self._branched_otherwise(translated),
                **{key: strings[key] for key in broken},
            },
            by_hand=self._translated_by_hand(translated),
        )

    def spelled_twice(self, names: list[str]) -> list[str]:
        """The pointers of ``names`` (a translation's strings this file has no place of) that
        spell one of this file's names flat or nested otherwise, where the translation has it
        in another spelling too (this file's): one name, of which i18next reads one, not an
        obsolete one (:mod:`ltmt.formats.json_key_layout`)."""
        ours = {".".join(place) for place in self.value_places}
        return [name for name in names if key_context(name) in ours]

    def warn_of_extras(self, target: Path, names: list[str]) -> None:
        """:meth:`KeyedCatalog.warn_of_extras`, less the strings that spell one of this file's
        names otherwise beside its own spelling (:meth:`spelled_twice`), which a warning of
        their own names: "delete them if they are obsolete" deleted a reviewer's German."""
        twice = self.spelled_twice(names)
        if twice:
            logger.warning(
                "%s: %s a name of %s flat or nested otherwise, beside another spelling of it "
                "there (%s), %s; i18next reads one of the two: keep one of each",
                target,
                counted(len(twice), "string")
                + (" that spells" if len(twice) == 1 else " that spell"),
                self.path,
                first_few(twice),
                self.extras_kept,
            )
        others = [name for name in names if name not in twice]
        if others:
            super().warn_of_extras(target, others)

    def _translated_by_hand(self, translated: Any) -> dict[str, list[str]]:
        """The pointers of the strings of ``translated`` (a translation's JSON, as named here)
        that translate a message this file leaves untranslated (:attr:`untranslated`), by why
        (:attr:`TranslatedFile.by_hand`): no pair."""
        found: dict[str, list[str]] = {}
        for parts, text in _strings(translated):
            key = pointer(parts)
            if key in self.untranslated and translated_by_hand(text, self.untranslated[key]):
                why = SOURCE_REJECTED if key in self.invalid else NOT_TAKEN_APART
                found.setdefault(why, []).append(key)
        return found

    def _as_named_here(self, translated: Any) -> Any:
        """``translated`` (a translated file's JSON) with its WebExtension messages named in
        another case than this file's (``SaveButton``) named as here: browsers read them as one
        (:func:`~ltmt.formats.webextension.spellings`), its messages in Crowdin's shape where
        this file has FormatJS's written in this file's (:func:`_in_source_shape`), and its
        keys flat where this file nests them, or the reverse, where this file has them
        (:mod:`ltmt.formats.json_key_layout`)."""
        shaped = self._shaped(translated)
        return moved(shaped, self._respellings(shaped))

    def _plain_object(self, value: dict[str, Any], parts: tuple[str, ...]) -> bool:
        """Whether the object ``value`` at ``parts`` holds values of its own: no message
        object (:func:`_message_key`), whose fields keep their place."""
        return _message_key(value, structured=self.structured_file and bool(parts)) is None

    def _shaped(self, translated: Any) -> Any:
        """:meth:`_as_named_here`, but for the layout of ``translated``'s keys."""
        names = spellings(self.data, translated)
        return _in_source_shape(
            self.data, respelled(translated, {theirs: ours for ours, theirs in names.items()})
        )

    def _respellings(self, shaped: Any) -> dict[Place, Place]:
        """The places of ``shaped`` (a translation's JSON, :meth:`_shaped`) that spell one of
        this file's flat or nested otherwise, each with this file's place."""
        return respellings(self.value_places, value_places(shaped, self._plain_object))

    def _branched_otherwise(self, translated: Any) -> dict[str, str]:
        """The branching messages of ``translated`` (a translated file's JSON), by pointer,
        whose branches are not the ones the source's are read by (``{anzahl, plural, ...}``
        for ``{count, plural, ...}``, ``weiblich {...}`` for ``female {...}``), or that write
        a plural's ``#`` outside its branches (``# {count, plural, ...}``): read branch by
        branch, the renamed argument, the translated keys and the moved ``#`` were lost). A
        translation that only adds a plural case (``=0``, a category) or leaves a case out is
        not one: its branches are read as the source's, each checked on its own."""
        found = {}
        for parts, text in _strings(translated):
            key = pointer(parts)
            expansion = _taken_apart(text) if key in self.branchings else None
            if expansion is None:
                continue
            wanted = {target for target, _ in self.branchings[key][1]}
            source = value_at(self.data, parts, "")
            if _renames_or_translates_keys(expansion, wanted) or number_moved_out(source, text):
                found[key] = text
        return found

    def _values_in(self, translated: Any) -> dict[str, str]:
        """The strings of ``translated`` (a translated file's JSON) by key."""
        translated = self._as_named_here(translated)
        values = {}
        for parts, text in _strings(translated):
            key = pointer(parts)
            if goi18n_messages.is_field(translated, parts):  # a go-i18n message's hash: no text
                continue
            if key in self.extras:
                self._keep_extra(translated, parts)
            if key in self.kept or key in self.untranslated or key in self.unused_ordinals:
                continue
            if key in self.branchings and (expansion := _taken_apart(text)) is not None:
                source, paths = self.branchings[key]
                of_target = dict(paths)
                for case in expansion.cases:
                    text = case.text
                    if case.path in of_target:  # as the source's case is written (an ordinal's)
                        text = source.as_read(of_target[case.path], text)
                    values[f"{key}{FORM}{case.name}"] = text
            elif key in self.choices:  # another number of choices: whole, as a person wrote it
                values.update(self.choices[key].read(key, text))
            elif key in self.markdown:  # an OpenAPI description, Markdown: text by text
                values.update(self.markdown[key].read(key, text))
            elif self.ink:
                values[key] = ink_json.text_of(text)
            else:
                values[key] = self._as_model_reads(key, text)
        return values

    def missing_in(self, path: Path) -> list[str]:
        # the messages ltmt leaves untranslated have no entry: missing where the file has none
        translated = self._as_named_here(_load(Path(path))[2])  # read once: values and strings
        strings = {pointer(parts) for parts, _ in _strings(translated)}
        left = [key for key in self.untranslated if key not in strings]
        return self.missing_from(self._values_in(translated)) + left

    def _refuse_other_structure(self, target: Path, translated: Any) -> None:
        """Raise :class:`UnalignedTranslationError` where a string of ``target`` (this file's
        translation so far, read into ``translated``) stands where this file has an object or
        an array, or inside what this file has as a string: kept, it replaced the source's
        structure in the output and the strings translated there were dropped. An empty string
        on either side holds no translation: no clash (``"emptyState": {}`` beside ``""``)."""
        clashing = [
            pointer(parts)
            for parts, text in _strings(translated)
            if text.strip() and _clashes(self.data, parts)
        ]
        if clashing:
            one = len(clashing) == 1
            raise UnalignedTranslationError(
                f"{target}: {first_few(clashing)} {'is' if one else 'are'} written in another "
                f"structure than in {self.path.name} (a string for an object, or the reverse); "
                f"write {'it' if one else 'them'} as {self.path.name} does (restructure or "
                f"delete {'that key' if one else 'those keys'} in {target.name})"
            )

    def paired_whole(self, values: dict[str, str]) -> dict[str, str]:
        """The branching messages whose translation in ``values`` is no ICU message this catalog
        takes apart (``{n, Plural, ... andere {...}}``), and the vue-i18n plurals whose
        translation has another number of choices, and the Markdown strings whose translation
        breaks their Markdown (:mod:`ltmt.formats.markdown_strings`): each is a pair whole, so
        that ``ltmt qa`` says what is wrong with it."""
        sources = ((pointer(parts), source) for parts, source in _strings(self.data))
        taken_apart = {**self.branchings, **self.choices, **self.markdown}
        return {key: source for key, source in sources if key in taken_apart and key in values}

    def adopt(self, target: Path) -> int:
        _, written, translated = _load(Path(target))  # read once: strings, messages, layout
        if isinstance(translated, dict):  # (not a HubSpot fields.json's list)
            check_target_locale(Path(target), translated, self.tgt_lang)
        self._refuse_other_structure(Path(target), translated)
        self.adopted_spellings = spellings(self.data, translated)
        self.target_order = translated
        shaped = self._shaped(translated)
        respelled = self._respellings(shaped)
        if respelled:  # written as the translation so far spells them (json_key_layout)
            theirs = value_places(shaped, self._plain_object)
            self.output_places = adopted_spellings(
                Path(target), self.path, self.value_places, theirs, respelled
            )
        translated = moved(shaped, respelled)
        values = self._values_in(translated)
        kept = self.adopt_values(Path(target), values)
        self.kept_whole = kept_whole(target, values, self.choices)
        self.target_layout = _indent(written), translated  # kept: its indentation and ARB metadata
        self.escapes = escapes_of(self.text).beside(written)  # a translator's UTF-8 kept
        self.adopted_goi18n = list(goi18n_messages.messages(translated))
        # a branching message the output had whole is written back as the translator wrote it
        # (their own exact-value branches, spacing), unless a branch is translated again; so
        # is a person's translation of a message ltmt leaves untranslated
        for parts, text in _strings(translated):
            key = pointer(parts)
            if key in self.extras:
                self._keep_extra(translated, parts)
            own = self._keeps_own(parts) or self._own_copy(key, text)
            if key in self.kept and own and text.strip():
                self.kept[key] = text  # a skipped key's value, a slug, as it has it
            if key in self.untranslated and translated_by_hand(text, self.untranslated[key]):
                self.by_hand[key] = text
            if key in self.unused_ordinals and text.strip():
                self.ordinals_kept[key] = text  # i18next reads it not, a person wrote it
            if key in self.branchings and all(
                f"{key}{FORM}{case_name(target)}" in self.translations
                for target, _ in self.branchings[key][1]
            ):
                self.adopted_messages[key] = (text, self._branch_texts(key))
        places = {name: parts for name, (parts, _) in self.values_not_text.items()}
        self.own_values = {
            name: value
            for name, value in held_values(translated, places).items()
            if not same_value(value, self.values_not_text[name][1])
        }
        return kept + len(self.by_hand)

    def copied_values(self) -> dict[str, Any]:
        """:meth:`KeyedCatalog.copied_values`, and the other values the output holds as the
        source's, unless someone set them there (:mod:`ltmt.formats.copied_values`), by
        pointer: the strings under a skipped key, those copied as they are (an identifier, a
        language code: :attr:`copied_strings`), the numbers, booleans and nulls
        (:mod:`ltmt.formats.json_own_values`), and an ARB file's ``@@`` keys
        (:func:`~ltmt.formats.arb_metadata.copied_header`)."""
        values = super().copied_values()
        values.update(
            (pointer(parts), text) for parts, text in _strings(self.data) if self._keeps_own(parts)
        )
        values.update(self.copied_strings)
        values.update((name, value) for name, (_, value) in self.values_not_text.items())
        if self._writes_arb_metadata():
            values.update((pointer((key,)), v) for key, v in copied_header(self.data).items())
        return values

    def identifiers_changed(self, path: Path) -> dict[str, tuple[str, str]]:
        """:meth:`KeyedCatalog.identifiers_changed`, of the strings copied as they are
        (:attr:`copied_strings`), by pointer."""
        translated = self._as_named_here(_load(path)[2])
        changed = {}
        for parts, source in _strings(self.data):
            key, own = pointer(parts), parts[-1] if parts else None
            if key not in self.copied_strings or not isinstance(own, str):
                continue
            text = value_at(translated, parts, None)
            if is_identifier_key(own) and isinstance(text, str) and text != source:
                changed[key] = (source, text)
        return changed

    def values_copied_before(self) -> frozenset[str]:
        """The numbers, booleans and nulls, and the strings copied as they are (identifiers,
        slugs, language codes: :attr:`copied_strings`), by pointer; not a skipped key's string,
        a key binding's or a comment's (:meth:`_keeps_own`), which an output kept before."""
        own = {pointer(parts) for parts, _ in _strings(self.data) if self._keeps_own(parts)}
        return frozenset(self.values_not_text).union(set(self.copied_strings) - own)

    def _own_copy(self, key: str, text: str) -> bool:
        """Whether ``text``, the adopted output's string at ``key``, is its own of one of
        :attr:`copied_strings`: not a table's language field that names the source language
        (or none), which ltmt writes as the target's (a copy of the source, no reviewer's)."""
        if key not in self.copied_strings:
            return False
        return (
            key not in self.language_places
            or written_value(text, self.src_lang, self.tgt_lang) == text
        )

    def _keeps_own(self, parts: tuple) -> bool:
        """Whether the string at ``parts``, copied from the source, is the adopted output's
        where it has one: under a skipped key, a key binding (a translator may give an
        accelerator another key: :mod:`ltmt.formats.key_bindings`), or a ``_comment`` (the
        translator's note: :func:`~ltmt.formats.json_comments.is_comment_key`)."""
        return (
            skipped(parts, self.skip_keys)
            or pointer(parts) in self.key_bindings
            or is_comment_key(parts)  # the translator's own note
        )

    def copied_values_held(self) -> dict[str, Any]:
        held = super().copied_values_held()
        copied = self.copied_values()
        held.update((name, self.kept[name]) for name in copied if name in self.kept)
        held.update(self.own_values)
        target = self._target_header()
        held.update((name, target[key]) for name, key in self._header_keys().items())
        return held

    def take_source_value(self, name: str) -> None:
        header = self._header_keys()
        if name in header:
            del self._target_header()[header[name]]  # the template's written in its place
        elif name in self.own_values:  # a number, a boolean or null
            del self.own_values[name]
        elif name in self.kept:  # a skipped key's string
            self.kept[name] = self.copied_values()[name]
        else:
            super().take_source_value(name)

    def _target_header(self) -> dict[str, Any]:
        """The adopted output's JSON, whose ``@@`` keys an ARB output keeps ({}: none)."""
        target = self.target_layout[1] if self.target_layout is not None else None
        return target if isinstance(target, dict) else {}

    def _header_keys(self) -> dict[str, str]:
        """The ``@@`` keys of the template that the adopted output has too, by pointer, where
        the output keeps its own (:meth:`_writes_arb_metadata`)."""
        if not self._writes_arb_metadata():
            return {}
        target = self._target_header()
        return {pointer((key,)): key for key in copied_header(self.data) if key in target}

    def _writes_arb_metadata(self) -> bool:
        """Whether the output is written as an ARB file, with its own metadata kept
        (:func:`~ltmt.formats.arb_metadata.with_target_metadata`)."""
        return "@@locale" in self.data or Path(self.path).suffix.lower() == ".arb"

    def _keep_extra(self, translated: Any, parts: tuple) -> None:
        """Keep what holds the string at ``parts`` of ``translated`` (the adopted output's
        JSON), which the source file lacks, for the end of the output: the outermost object
        key the source lacks, whole, as it stands (a message object with its ``description``,
        which was dropped); the string alone inside an array."""
        root = _obsolete_root(self.data, parts)
        self.adopted_extras[root] = copy.deepcopy(value_at(translated, root, None))

    def _branch_texts(self, key: str) -> dict[str, str | None]:
        """The translation of each case of a branching message, by case name (None: none
        yet)."""
        return {
            name: self.translations.get(f"{key}{FORM}{name}")
            for name in (case_name(target) for target, _ in self.branchings[key][1])
        }

    def broken_messages(self) -> dict[str, str]:
        """What ICU rejects in each branching message assembled from its branches'
        translations (a branch that lost or added a brace), by pointer; an adopted one, which
        the translator wrote, is not this run's."""
        assembled = self._assembled()
        problems = {
            key: syntax_problem(assembled[key])
            for key in self.branchings
            if key in assembled and key not in self.adopted_messages
        }
        return {key: problem for key, problem in problems.items() if problem is not None}

    def _assembled(self) -> dict[str, str]:
        """The translations by pointer: a branching message's branches put together, once
        every branch has one."""
        out = dict(self.kept) | self.by_hand | self.from_memory | self.ordinals_kept
        out.update(
            (key, self._written(key, text))
            for key, text in self.translations.items()
            if self.name_of(key) == key
        )
        for key, (expansion, paths) in self.branchings.items():
            texts = self._branch_texts(key)
            adopted = self.adopted_messages.get(key)
            if adopted is not None and adopted[1] == texts:
                out[key] = adopted[0]
            elif all(text is not None for text in texts.values()):
                out[key] = expansion.assemble(
                    {
                        target: expansion.from_model(source, str(texts[case_name(target)]))
                        for target, source in paths
                    }
                )
        for key, choices in self.choices.items():
            text = choices.translation(key, self.translations) or self.kept_whole.get(key)
            if text is not None:
                out[key] = text
        for key, lines in self.markdown.items():
            if (text := lines.translation(key, self.translations)) is not None:
                out[key] = text
        return out

    def _written(self, key: str, text: str) -> str:
        """The translation ``text`` of the string ``key`` as the file writes it."""
        if self.ink:
            return ink_json.written(text)
        text = escaped_apostrophes(text) if key in self.escaped else text
        return shown_runs(text, self.quoted[key]) if key in self.quoted else text

    def _as_model_reads(self, key: str, text: str) -> str:
        """A translation ``text`` of the string ``key``, read from a file, as the model's text
        is (:meth:`_written` undone): its source's quoted angle brackets as their stand-ins,
        its escaped apostrophes single."""
        hidden = hidden_runs(text, self.quoted[key]) if key in self.quoted else None
        text = text if hidden is None else hidden
        return unescaped_apostrophes(text) if key in self.escaped else text

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        """:meth:`KeyedCatalog.fill`, keeping which speakers' names the model translated
        (:mod:`ltmt.formats.speaker_names`), which :meth:`save` names."""
        changed = names_translated(self.speakers, translations, from_memory)
        self.speakers_translated.update(changed)
        return super().fill(translations, mark_fuzzy, from_memory)

    def save(self, out_path: Path) -> None:
        warn_of_names_translated(Path(out_path), self.speakers_translated)
        self.speakers_translated = {}  # said once
        if "@@locale" in self.data and self.output != Path(out_path):  # warned of once
            self.locale = arb_locale(self.tgt_lang, Path(out_path))  # its name's region
        self.output = Path(out_path)
        super().save(out_path)

    def same_content(self, existing: bytes, rendered: bytes) -> bool:
        """The same leading comment and JSON, keys in any order (a key written twice is not)."""
        comment, data = _comment_and_json(existing, self.path)
        rendered_comment, rendered_data = _comment_and_json(rendered, self.path)
        return comment == rendered_comment and same_data(data, rendered_data)

    def render(self) -> bytes:
        out = _translated_copy(self.data, (), self._assembled(), own_values=self.own_values)
        if out is _LEFT_OUT:  # nothing translated yet
            out = {}
        out = respelled(out, self.adopted_spellings)  # SaveButton, as the reviewer's file has it
        if "@@locale" in self.data:
            out["@@locale"] = self.locale
        for parts, value in self.adopted_extras.items():
            _put(out, parts, value)
        for parts, theirs in self.adopted_goi18n:
            ours = value_at(out, parts, None)
            if isinstance(ours, dict) and parts:
                value_at(out, parts[:-1], {})[parts[-1]] = goi18n_messages.with_own_fields(
                    ours, theirs
                )
        target_indent, target = self.target_layout or (None, None)
        if self._writes_arb_metadata():
            out = with_target_metadata(out, target, _now())
        out = moved(out, self.output_places)  # flat or nested as the translation so far
        if self.target_order is not None:  # its keys as the translation so far orders them
            out = in_target_order(out, self.target_order, self.adopted_extras)
        out = json_string_plurals.encoded(out, self.data)  # Lokalise's plurals: strings again
        indent = _indent(self.text) if target_indent is None else target_indent
        in_place = self._in_place(out) if indent == _indent(self.text) else None
        if in_place is not None:
            return in_place
        indent = indent or 0  # None: the whole file on one line, one container
        one_line = one_line_containers(self.text)
        dumped = dumps_with_layout(out, indent, one_line, self.escapes)
        ending = "\n" if self.text.endswith("\n") else ""
        # its byte order mark and line ends
        return written_like(self.raw, self.comment + dumped + ending)

    def _in_place(self, out: Any) -> bytes | None:
        """The source file's bytes with the strings ``out`` (the output's JSON) changes
        replaced in place, every other byte kept (:mod:`ltmt.formats.json_spans`): its layout
        byte for byte, a one-line object with its children below included, and an
        untranslated string's escapes; None where ``out`` differs in more than string values
        (a message left out, an adopted output's keys), written by :func:`dumps_with_layout`."""
        body = self.text[len(self.comment) :]  # the comment, blanked in text, written as it is
        changed = changed_strings(body, out)
        if changed is None:
            return None
        mark = codecs.BOM_UTF8 if self.raw.startswith(codecs.BOM_UTF8) else b""
        written = spliced(body, changed, self.escapes.dumps)  # a translation's / as before
        return mark + (self.comment + written).encode("utf-8")


def _comment_and_json(raw: bytes, path: Path) -> tuple[str, Any]:
    """A JSON file's leading comment and its data, to compare with another's (a key written
    twice: :class:`ValueError`)."""
    comment, text = leading_comment(decode(raw, path))
    return comment, json.loads(text, object_pairs_hook=_once_each)


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each written once, else :class:`ValueError`."""
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("a key written twice")
    return data


def _now() -> str:
    """The time of writing, as ARB's ``@@last_modified`` has it (ISO 8601, local time)."""
    return datetime.datetime.now().isoformat()


_LEFT_OUT = object()
# why an i18next ordinal form of a category the target language lacks makes no pair (NotRead)
UNUSED_ORDINAL = "in an ordinal category the language lacks"
# an i18next ordinal form's key (place_ordinal_two): its CLDR category
_I18NEXT_ORDINAL = re.compile(r".+_ordinal_(zero|one|two|few|many|other)")
# what a FormatJS extracted message holds besides its ``defaultMessage``, and of which types
_FORMATJS_KEYS: dict[str, tuple[type, ...]] = {"description": (str, dict), "id": (str,)}


def _is_message(data: Any, parts: tuple[str | int, ...]) -> bool:
    """Whether the string at ``parts`` is a WebExtension message: the ``message`` of a
    top-level object of a message's shape (:func:`~ltmt.formats.webextension.is_message`)
    whose name the i18n API allows (:data:`_MESSAGE_NAME`; a Crowdin or FormatJS file's
    ``app.greeting`` is none: its pairs were stored flagged ``webextension-format`` before
    session 68)."""
    return (
        len(parts) == 2
        and parts[-1] == "message"
        and isinstance(parts[0], str)
        and _MESSAGE_NAME.fullmatch(parts[0]) is not None
        and is_message(value_at(data, parts[:-1], None))
    )


def _described_as_kept(data: Any, parts: tuple[str | int, ...], structured: bool) -> bool:
    """Whether the string at ``parts`` is a message whose description says not to translate
    it (``"description": "Do not translate"``, ``don't translate``): a WebExtension or
    FormatJS message object's own, a Transifex string's ``developer_comment`` (``structured``:
    ``data`` is a STRUCTURED_JSON file), or an ARB message's ``@name`` one (module
    docstring)."""
    note_key = "description"
    if len(parts) == 1:  # ARB: "name": "...", "@name": {"description": "..."}
        metadata = data.get(f"@{parts[0]}")
    else:  # an object of strings' "description" is one of them, no note
        metadata = value_at(data, parts[:-1], None)
        if not isinstance(metadata, dict) or _message_key(metadata, structured) != parts[-1]:
            return False
        if parts[-1] == structured_json.STRING:  # Transifex's note for the translator
            note_key = structured_json.COMMENT
    description = metadata.get(note_key) if isinstance(metadata, dict) else None
    return isinstance(description, str) and says_not_to_translate(description)


def _icu_problem(source: str, icu: bool = False) -> str | None:
    """What ICU rejects in ``source`` where it is meant as an ICU message (``icu``: a FormatJS
    message, ICU throughout, ``Hello {name``; a plural or a select; an argument with a type,
    ``{count, plurl, ...}``, not i18next's ``{{value, number}}``), else None: the model would
    get its syntax as words."""
    meant = is_branching(source) or (has_arguments_with_types(source) and "{{" not in source)
    return syntax_problem(source) if meant or icu else None


def _is_formatjs_text(data: Any, parts: tuple[str | int, ...]) -> bool:
    """Whether the string at ``parts`` is a FormatJS extracted message's ``defaultMessage``,
    which FormatJS reads as ICU throughout (a brace ICU rejects is no text there)."""
    message = value_at(data, parts[:-1], None) if parts else None
    return isinstance(message, dict) and parts[-1] == _message_key(message) == "defaultMessage"


def _renames_or_translates_keys(expansion: Expansion, wanted: set[tuple]) -> bool:
    """Whether ``expansion`` (a translation's cases) names an argument that the ``wanted``
    case paths (the source's, for the target language) lack, or a key there that is neither
    theirs nor a plural's own (``=0``, ``few``): a select's ``weiblich`` for ``female``."""
    keys: dict[str, set[str]] = {}
    for path in wanted:
        for argument, case in path:
            keys.setdefault(argument, set()).add(case)
    for case in expansion.cases:
        for argument, name in case.path:
            if argument not in keys:
                return True
            own = name.startswith("=") or name in CATEGORIES  # =0, few: a plural's keys
            if name not in keys[argument] and not (expansion.arguments[argument].counts and own):
                return True
    return False


def _taken_apart(translation: str) -> Expansion | None:
    """The cases of ``translation`` of a branching message where it is a valid ICU message
    that :func:`~ltmt.formats.icu_messages.expand` takes apart, else None."""
    if not is_branching(translation) or syntax_problem(translation) is not None:
        return None
    try:
        return expand(translation)
    except Unsupported:
        return None


def _translated_copy(
    value: Any,
    parts: tuple,
    translations: dict[str, str],
    structured: bool | None = None,
    own_values: Mapping[str, Any] | None = None,
) -> Any:
    """``value`` with its translated strings in, untranslated ones (and ARB descriptions) left
    out, containers left empty by that left out too; other values copied, but those of
    ``own_values`` (numbers, booleans and nulls an adopted output holds its own of, by
    pointer). ``structured``: whether the file is Transifex STRUCTURED_JSON (None: ``value``
    is the file's, which says)."""
    if structured is None:
        structured = structured_json.is_structured(value)
    if isinstance(value, str):
        return translations.get(pointer(parts), _LEFT_OUT)
    if isinstance(value, dict):
        message = _message_key(value, structured=structured and bool(parts))
        if message is not None:
            text = translations.get(pointer((*parts, message)))
            return _LEFT_OUT if text is None else {**copy.deepcopy(value), message: text}
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key.startswith("@"):
                if key.startswith("@@"):
                    out[key] = copy.deepcopy(item)
                continue
            kept = _translated_copy(item, (*parts, key), translations, structured, own_values)
            if kept is not _LEFT_OUT:
                out[key] = kept
        return out if out or not value else _LEFT_OUT
    if isinstance(value, list):
        items = [
            _translated_copy(item, (*parts, i), translations, structured, own_values)
            for i, item in enumerate(value)
        ]
        if any(item is _LEFT_OUT for item in items):  # an array is whole or not there
            return _LEFT_OUT
        return items
    if own_values and (key := pointer(parts)) in own_values:
        return copy.deepcopy(own_values[key])
    return copy.deepcopy(value)


def _message_key(value: dict[str, Any], structured: bool = False) -> str | None:
    """The key of the one string to translate in the object ``value`` (``structured``: it
    lies below the top of a Transifex STRUCTURED_JSON file,
    :func:`~ltmt.formats.structured_json.is_structured`), whose other keys are kept: a
    WebExtension message's ``message`` (an object of its shape at any depth,
    :func:`~ltmt.formats.webextension.is_message`: a nested
    ``{"message", "description"}``'s note is for the translator; an Electron dialog's
    ``{"title", "message", "detail"}`` is an object of strings, each translated), a FormatJS
    extracted message's ``defaultMessage`` (its ``description`` is for the translator), a
    Transifex STRUCTURED_JSON string's ``string`` there (its ``context``,
    ``developer_comment`` and ``character_limit`` are Transifex's:
    :func:`~ltmt.formats.structured_json.is_string_object`); None for any other object."""
    if is_message(value):
        return "message"
    if structured and structured_json.is_string_object(value):
        return structured_json.STRING
    return "defaultMessage" if _is_formatjs_message(value) else None


def _in_source_shape(data: Any, translated: Any) -> Any:
    """``translated`` (a translated file's JSON) with each message object in Crowdin's shape
    (``{"message": "Hallo, {name}!", ...}``, no ``defaultMessage``) that stands where ``data``
    has a FormatJS extracted message written in its shape, its ``message`` the
    ``defaultMessage``: that is its translation (before, it was kept beside the machine
    translation of the ``defaultMessage``, as a string the source lacks)."""
    if not isinstance(data, dict) or not isinstance(translated, dict):
        return translated
    shaped = {}
    for name, value in translated.items():
        source = data.get(name)
        if (
            isinstance(source, dict)
            and _message_key(source) == "defaultMessage"
            and isinstance(value, dict)
            and _message_key(value) == "message"
            and "defaultMessage" not in value
        ):
            value = {("defaultMessage" if key == "message" else key): v for key, v in value.items()}
        shaped[name] = value
    return shaped


def _is_formatjs_message(value: dict[str, Any]) -> bool:
    """Whether ``value`` has a FormatJS extracted message's shape: a string ``defaultMessage``
    and besides only a string ``id`` and a ``description`` (a string or an object). An object
    of messages one of which is named ``defaultMessage`` is none: its others are text too."""
    return isinstance(value.get("defaultMessage"), str) and all(
        isinstance(item, _FORMATJS_KEYS.get(key, ()))
        for key, item in value.items()
        if key != "defaultMessage"
    )


def _array_pointers(value: Any, parts: tuple[str | int, ...] = ()) -> Iterator[str]:
    """The JSON Pointers of the arrays in ``value`` (at ``parts``), itself included."""
    if isinstance(value, list):
        yield pointer(parts)
        for index, item in enumerate(value):
            yield from _array_pointers(item, (*parts, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _array_pointers(item, (*parts, key))


def _unused_ordinal_forms(strings: list[tuple[tuple, str]], tgt_lang: str | None) -> list[str]:
    """The pointers of ``strings`` that are i18next ordinal forms (``place_ordinal_two``) of a
    category ``tgt_lang`` has none of (German has ``other`` alone): translated, German's file
    said ``Du hast {{count}}nd`` under a key i18next never reads for it."""
    categories = ordinal_categories(tgt_lang) if tgt_lang else None
    if categories is None:
        return []
    return [
        pointer(parts)
        for parts, _ in strings
        if parts
        and (form := _I18NEXT_ORDINAL.fullmatch(str(parts[-1]))) is not None
        and form[1] not in categories
    ]


def _clashes(data: Any, parts: tuple) -> bool:
    """Whether a string at ``parts`` of a translation clashes with ``data`` (the source file's
    JSON): ``data`` holds a string on its way, or an object or an array at its place; a place
    ``data`` lacks is no clash (a string only the translation has), nor is an empty one (an
    empty string, null, an empty object or array holds no translation)."""
    node = data
    for part in parts:
        if not isinstance(node, (dict, list)):
            return _holds_text(node)  # the source has a string (or a number) on its way
        in_object = isinstance(node, dict) and isinstance(part, str) and part in node
        in_array = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if not (in_object or in_array):
            return False  # not in the source: kept at the end
        node = node[part]
    return isinstance(node, (dict, list)) and bool(node)


def _holds_text(value: Any) -> bool:
    """Whether ``value`` (a JSON value that is no object or array) holds something: not null,
    nor an empty or blank string."""
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _obsolete_root(data: Any, parts: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The shortest start of ``parts`` (a string's path in a translation) that ``data`` (the
    source file's JSON) lacks, where it names object keys alone; else ``parts``."""
    for end in range(1, len(parts) + 1):
        if value_at(data, parts[:end], _LEFT_OUT) is _LEFT_OUT:
            keys = all(isinstance(part, str) for part in parts[:end])
            return parts[:end] if keys else parts
    return parts


def _put(out: dict[str, Any], parts: tuple, text: Any) -> None:
    """Set ``text`` (a string, or an obsolete object whole) at ``parts`` in ``out``, making
    the objects on the way (what only an adopted output has; array items go in as object keys
    where no array is there)."""
    node: Any = out
    for part in parts[:-1]:
        child = node.get(str(part)) if isinstance(node, dict) else None
        if not isinstance(child, dict):
            if not isinstance(node, dict):
                return
            child = node[str(part)] = {}
        node = child
    if isinstance(node, dict):
        node[str(parts[-1])] = text


def _named_for(path: Path, language: str) -> bool:
    """Whether the JSON file ``path`` is named for ``language`` (Laravel's ``lang/de.json``): a
    ``fr.json`` keyed by its English is French, no translation into German to read pairs of."""
    from ltmt.formats.common import same_language
    from ltmt.formats.path_languages import path_language

    named = path_language(Path(path.name))
    return named is not None and same_language(named, language)
