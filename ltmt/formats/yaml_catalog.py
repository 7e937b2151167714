"""YAML message files (Rails ``config/locales/en.yml`` → ``de.yml``, Symfony
``messages.en.yaml``) as a keyed catalog (:mod:`ltmt.formats.keyed_catalog`), read and written
with ruamel.yaml's round trip, which keeps comments, key order, quoting and block styles
(and :mod:`ltmt.formats.yaml_written` what it forgets: ``---``, each null's form, ``{ a: b }``).

A Rails file has one top-level key, its language (``en:``): the translation's is the target
language (``de:``), and a string's name is its key below it, dotted as Rails' ``t()`` names it
(``errors.blank``); a file without such a root (Symfony's) is named from its top. A mapping of
plural categories (``one``, ``other``, and ``zero`` where the source has it, which Rails uses
for 0 in every language) is a plural: its forms are translated in the target language's
categories and written only whole; a go-i18n message (``description`` and ``other``, ...) has
its forms translated and its fields copied (:mod:`ltmt.formats.goi18n_messages`). A list's
items are strings of their own (``days[0]``), and a list too is written only whole (its items
are counted by place). Numbers, booleans, dates, strings with no letter outside their
placeholders (``"%n %u"``, ``","``), Ruby's symbols (``:day``) and the values of the settings
Rails keeps among its strings (``round_mode: default``, ``order: [year, month, day]``) are
copied from the source, or kept as an existing output has them where someone set them there (a
German ``separator: ","``; ltmt's own copies of the source's values then take the source's now:
:mod:`ltmt.formats.copied_values`). Ruby's placeholders (``%{count}``, ``%<name>s``) are kept as
placeholders. vue-i18n's plural choices (``no items | one item | {count} items``) are translated
choice by choice and joined with the source's separators (:mod:`ltmt.formats.pipe_plurals`; not
in a Rails file, where ``%{count}`` or a plural mapping says the ``|`` of ``Home | Shop`` is
text), and so are Symfony's plural forms in its domain files (``messages.en.yaml``: ``one
apple|%count% apples``, ``{0} None|]0,Inf[ Some``, their intervals kept:
:func:`ltmt.formats.pipe_plurals.symfony_choices`). Untranslated strings stay
out of the output (Rails falls back to the default locale for them where
``config.i18n.fallbacks`` is on), and so do mappings left empty by them (a mapping the source
writes empty, ``dependencies: {  }``, is kept). An ICU plural or select (Symfony's
``messages+intl-icu.en.yaml``), or a message that quotes braces, is left to a person: the
output so far's translation of it is kept as written, a 100 % memory match of the whole
message is written as stored (:mod:`ltmt.formats.memory_only`), and any other is left out of
the output, with a warning that names it (trial s77: a rerun deleted a person's). A file's
own language field holding the source language's code (``language: en`` at its top level, not
in a list's items) says the target language's in the translation, and is no string to translate
(:mod:`ltmt.formats.language_fields`; another language's code is copied).
Where the output already exists (the translation so far), the comments the translator wrote there
are kept: a key's comments above it and at its line's end, and the file's header
(:mod:`ltmt.formats.yaml_comments`); the other keys have the source file's.
A MkDocs configuration (``mkdocs.yml``) is refused: it is no message file. In a Rasa bot's files
only a response's text, its buttons' titles and NLU examples are text, an example a unit
(:mod:`ltmt.formats.rasa_yaml`); in a static site's configuration (Jekyll's ``_config.yml``,
Hugo's ``hugo.yaml``) only the text its pages show (:mod:`ltmt.formats.site_config`); in both
a text left untranslated keeps its source.
The file is read and written by :mod:`ltmt.formats.yaml_document` (its layout, the files
refused), its language key found by :mod:`ltmt.formats.yaml_language_roots`, and its strings
told from its settings by :mod:`ltmt.formats.yaml_strings`; this module makes the units and
writes the translation.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import NotMessageFileError
from ltmt.formats import drupal_config, goi18n_messages, openapi, rasa_yaml, site_config
from ltmt.formats.common import decode, read_bytes, written_like
from ltmt.formats.documents import Unit
from ltmt.formats.double_brace_catalogs import interpolates_in_double_braces
from ltmt.formats.icu_messages import is_branching, quotes_syntax, syntax_problem
from ltmt.formats.json_identifiers import skipped, warn_of_unknown_keys
from ltmt.formats.keyed_catalog import (
    FORM,
    Entry,
    KeyedCatalog,
    TranslatedFile,
    translated_by_hand,
)
from ltmt.formats.language_fields import language_fields, written_value
from ltmt.formats.machine_values import is_identifier_key
from ltmt.formats.markdown_lines import MarkdownLines
from ltmt.formats.markdown_strings import MarkdownString, markdown_problems
from ltmt.formats.pipe_plurals import (
    VUE_I18N,
    Choices,
    kept_whole,
    may_be_vue_i18n,
    plural_choices,
    symfony_choices,
)
from ltmt.formats.plurals import (
    CATEGORIES,
    keeps_zero,
    plural_tags,
    with_other,
    written_categories,
)
from ltmt.formats.unchanged_output import same_data
from ltmt.formats.untranslated_marks import is_marked_untranslated
from ltmt.formats.yaml_clashes import clashes, kept_aside, under
from ltmt.formats.yaml_comments import with_adopted_comments
from ltmt.formats.yaml_document import WHAT, load, round_trip_yaml
from ltmt.formats.yaml_language_maps import language_map_keys, language_maps_refusal
from ltmt.formats.yaml_language_roots import below_root, language_root, language_roots
from ltmt.formats.yaml_strings import (
    dotted,
    is_plural,
    is_text,
    leaves,
    own_items,
    scalars,
    under_skipped,
    walk_strings,
)
from ltmt.formats.yaml_written import mark_nulls, spaced_mappings
from ltmt.wording import counted, first_few, them

logger = logging.getLogger(__name__)

# a Symfony domain's file (messages.en.yaml, validators.de_CH.yml; not messages+intl-icu's)
_SYMFONY_FILE = re.compile(r"[A-Za-z0-9_-]+\.[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\.ya?ml")


def _may_be_vue_i18n(strings: list[tuple[str, Any]]) -> bool:
    """Whether a file of ``strings`` (:func:`ltmt.formats.yaml_strings.walk_strings`'s) may be
    vue-i18n's, whose plurals are choices (:func:`ltmt.formats.pipe_plurals.may_be_vue_i18n`):
    not where a plural is a mapping of categories, as Rails writes it."""
    if any(isinstance(value, dict) for _, value in strings):
        return False
    return may_be_vue_i18n((name for name, _ in strings), (str(value) for _, value in strings))


def _styled(original: Any, text: str) -> Any:
    """``text`` in the scalar style of ``original`` (quoted, literal ``|``, folded ``>``)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString

    one_line_block = isinstance(original, (LiteralScalarString, FoldedScalarString)) and (
        "\n" not in text
    )
    if not isinstance(original, ScalarString) or one_line_block:
        return text  # plain: quoted where YAML needs it
    return type(original)(text)


class YamlCatalog(KeyedCatalog):
    """A YAML message file to translate into the target language's (module docstring)."""

    format = "yaml"
    what = WHAT
    extras_kept = "kept in their mappings, after the source's keys there"
    # a list's items move with their English (:mod:`ltmt.formats.array_items`)
    array_item = re.compile(r"(?P<array>.+)\[(?P<index>\d+)\]")

    def __init__(
        self,
        path: Path,
        data: bytes,
        tgt_lang: str,
        skip_keys: frozenset[str] = frozenset(),
        src_lang: str = "en",
    ) -> None:
        self.data = data
        self.document, self.layout = load(data, Path(path))
        if languages := language_map_keys(self.document):  # each string's languages beside it
            raise NotMessageFileError(str(path), *language_maps_refusal(languages, tgt_lang))
        self.skip_keys = skip_keys  # the keys whose strings are copied (--skip-keys)
        if skip_keys:
            warn_of_unknown_keys(Path(path), self.document, skip_keys)
        self.root = language_root(self.document)
        self.drupal = drupal_config.is_drupal(Path(path), self.document)
        self.rasa = rasa_yaml.is_rasa(self.document)
        self.site = site_config.is_site_config(Path(path), self.document)
        # the names of the text of a file read whole, where the rest is copied
        self.only: frozenset[str] | None = None
        self.openapi = openapi.kind(self.document)
        if self.openapi:  # its prose alone: paths, names, enums and examples are the API's
            self.only = frozenset(dotted(place) for place in openapi.text_places(self.document))
        elif self.rasa:
            self.only = rasa_yaml.text_names(self.document)
        elif self.site:
            self.only = site_config.text_names(self.document)
        elif site_config.is_data_list(self.document):  # Jekyll's _data/navigation.yml
            self.only = site_config.entry_text_names(self.document)
        # the file's own language fields (language: en), what each is written as, by name: in
        # a message file (Drupal's langcode and a file read whole have their own rules)
        self.language_fields = {
            dotted(place): written
            for place, value in language_fields(below_root(self.document))
            if not self.drupal
            and self.only is None
            and not skipped(place, skip_keys)
            and (written := written_value(value, src_lang, tgt_lang)) is not None
        }
        self.examples: dict[str, rasa_yaml.Examples] = {}  # a Rasa NLU block's, by name
        # an OpenAPI description's, and a string that is Markdown (a CMS's rich text), by name
        self.markdown: dict[str, MarkdownLines | MarkdownString] = {}
        self.tgt_lang = tgt_lang
        self.tags = plural_tags(tgt_lang)
        self._settings_kept: dict[str, Any] = {}  # by dotted name, from an adopted output
        self._adopted: Any = None  # the adopted output's messages
        self._adopted_goi18n: dict[str, Any] = {}  # its go-i18n messages, by dotted name
        self._adopted_text: str | None = None  # and the file, for its comments
        self._adopted_root: str | None = None  # its language key (en: in a copy of en.yml)
        self._adopted_scalars: dict[str, Any] = {}  # its values as read, by dotted name
        self._clashes: dict[str, Any] = {}  # its values where the source changed their shape
        self.path = Path(path)  # named by the warnings of _entries
        self.choices: dict[str, Choices] = {}  # a vue-i18n plural's, by name (_entries)
        self.icu: dict[str, str] = {}  # the ICU plurals and selects left to a person (_entries)
        # their translations: the adopted output's, as written there (a person's, kept), and
        # the 100 % memory matches of the others (:mod:`ltmt.formats.memory_only`), by name
        self.icu_kept: dict[str, Any] = {}
        self.icu_from_memory: dict[str, str] = {}
        super().__init__(path, list(self._entries()))

    @classmethod
    def open(
        cls,
        path: Path,
        tgt_lang: str | None = None,
        skip_keys: frozenset[str] = frozenset(),
        src_lang: str | None = None,
        **_: Any,
    ) -> YamlCatalog:
        data = read_bytes(Path(path), WHAT)
        return cls(Path(path), data, tgt_lang or "de", skip_keys, src_lang or "en")

    def _entries(self) -> Iterator[Entry]:
        strings = list(
            walk_strings(
                below_root(self.document),
                skip_keys=self.skip_keys,
                drupal=self.drupal,
                only=self.only,
            )
        )
        symfony = _SYMFONY_FILE.fullmatch(self.path.name) is not None
        vue = not symfony and _may_be_vue_i18n(strings)
        self.syntax = VUE_I18N if vue else ""
        # ICU's quotes around braces, but in i18next's {{name}} catalog: 'x' (double_brace_catalogs)
        texts = (value for _, value in strings if isinstance(value, str))
        quoting = not interpolates_in_double_braces(texts)
        for name, value in strings:
            if name in self.language_fields:  # language: en, no text (_fill_child)
                continue
            if self.rasa and name.startswith("nlu["):  # one entry an example line
                self.examples[name] = examples = rasa_yaml.Examples.of(str(value))
                for key, source in zip(examples.keys(name), examples.sources(), strict=True):
                    yield Entry(key, name, source, group=name)
                continue
            quotes = quoting and isinstance(value, str) and quotes_syntax(value, icu=False)
            if isinstance(value, str) and (is_branching(value) or quotes):
                self.icu[name] = value  # Symfony's messages+intl-icu: not text to translate whole
                continue
            group = name.split("[")[0]  # a list's items are written only together
            choices = None
            if isinstance(value, str) and (vue or symfony):  # Symfony's forms: one|%count% ones
                choices = plural_choices(value) if vue else symfony_choices(value)
            if choices is not None:
                self.choices[name] = choices
                yield from choices.entries(name, group=group)
                continue
            lines: MarkdownLines | MarkdownString | None = None
            if isinstance(value, str):  # an OpenAPI description; a CMS's rich text
                lines = (
                    openapi.markdown_of(name.rsplit(".", 1)[-1], value)
                    if self.openapi
                    else MarkdownString.of(value)
                )
            if lines is not None:  # its headings' marks, list markers, links' titles kept
                self.markdown[name] = lines
                yield from lines.entries(name, group=group)
                continue
            if not isinstance(value, dict):
                yield Entry(name, name, str(value), group=group)
                continue
            if keeps_zero(self.tags, value):  # Rails' own case for 0
                yield Entry(f"{name}{FORM}zero", name, str(value["zero"]), group=name)
            for form, tag in enumerate(self.tags):
                text = str(value.get(tag) or value["other"])
                yield Entry(f"{name}{FORM}{tag}", name, text, form, plural=True)

    def warn_of_untranslated(self) -> None:
        """Warn of the ICU plurals and selects this run leaves untranslated: left out of
        the output, or kept as the output so far has them but untranslated (empty, the source
        copied, Symfony's ``__`` mark); a person's translation kept, or a 100 % memory match,
        is none (a memory import or ``ltmt qa`` translates nothing: no warning; ``ltmt qa``
        checks a person's translation of them: :meth:`paired_untranslated`)."""
        left_out = [name for name in self.icu if self._translation(name) is None]
        _warn_of_icu(self.path, left_out, "left out of the output")
        kept = self._icu_untranslated()
        _warn_of_icu(self.path, kept, "kept untranslated as the output has {them}")
        if self.rasa:
            rasa_yaml.warn_of_reading(self.path, self.examples.values())
        if self.site:
            site_config.warn_of_reading(self.path)
        if self.openapi:
            openapi.warn_of_reading(self.path, self.document)
        roots = language_roots(self.document)
        if roots:  # translated in place: a theme that picks the root by locale shows English
            translated = sorted({key.split(".")[0].split(FORM)[0] for key in self._keys})
            logger.warning(
                "%s: holds a root for each of several languages (%s); %s translated and kept "
                "under %s English %s, not %s: rename the translated root %s: by hand (a theme "
                "such as Minimal Mistakes picks the root by the site's locale)",
                self.path,
                ", ".join(roots),
                ", ".join(f"{key}:" for key in translated),
                "its" if len(translated) == 1 else "their",
                "name" if len(translated) == 1 else "names",
                self.tgt_lang,
                self.tgt_lang,
            )

    def paired_untranslated(self) -> dict[str, str]:
        return dict(self.icu)

    def kept_by_hand(self) -> list[str]:
        return [name for name in self.icu_kept if name not in self._icu_untranslated()]

    def _icu_untranslated(self) -> list[str]:
        """The ICU messages whose translation so far, kept, translates nothing: empty, the
        source copied, or Symfony's ``__`` mark."""
        return [
            name
            for name, value in self.icu_kept.items()
            if not translated_by_hand(str(value), self.icu[name])
            or is_marked_untranslated(self.icu[name], str(value))
        ]

    def memory_only_units(self) -> list[Unit]:
        """The ICU plurals and selects the output so far has no translation of, each a unit
        of its whole message (:mod:`ltmt.formats.memory_only`)."""
        return [
            Unit(name, source, context=name)
            for name, source in self.icu.items()
            if name not in self.icu_kept
        ]

    def reusable(self, text: str) -> bool:
        """Whether ``text`` is a message ICU accepts (its quoting aside)."""
        return syntax_problem(text) is None

    def fill_from_memory(self, translations: Mapping[str, str]) -> None:
        self.icu_from_memory.update(translations)

    def name_of(self, key: str) -> str:
        return key.split(FORM)[0]

    def names(self) -> set[str]:
        """Every leaf of the source file, text or not: a setting the output has too
        (``round_mode``) is the source's, not a string of the output's own."""
        return set(leaves(below_root(self.document)))

    def adopt(self, target: Path) -> int:
        """:meth:`KeyedCatalog.adopt`, and the values that are no text (a locale's settings:
        ``separator: ","``, ``precision: 2``) the output has where the source has them, and
        its values under a skipped key (``--skip-keys formats``): the translation so far says
        them for the target language."""
        data = read_bytes(Path(target), WHAT)
        theirs = load(data, Path(target))[0]
        self._adopted, self._adopted_root = below_root(theirs), language_root(theirs)
        self._adopted_goi18n = {
            dotted(parts): message for parts, message in goi18n_messages.messages(self._adopted)
        }
        self._clashes = dict(clashes(below_root(self.document), self._adopted))
        values = self.read_values(Path(target))
        adopted = self.adopt_values(Path(target), values)
        self.kept_whole = kept_whole(target, values, self.choices)
        self._adopted_text = decode(data, Path(target))
        theirs, ours = scalars(self._adopted), scalars(below_root(self.document))
        self._adopted_scalars = theirs
        # the translation so far of each ICU message ltmt leaves to a person, as written (an
        # empty one too): a rerun dropped it, then warned it was left untranslated (trial s77)
        self.icu_kept = {
            name: theirs[name] for name in self.icu if isinstance(theirs.get(name), str)
        }
        skipped_here = under_skipped(below_root(self.document), self.skip_keys)
        self._settings_kept = {
            name: value
            for name, value in theirs.items()
            if name in ours
            and (
                (name in skipped_here and value is not None and str(value).strip())
                or (
                    not is_text(ours[name], name, self.drupal, self.only)
                    and not is_text(value, name, self.drupal, self.only)
                )
            )
        }
        return adopted + len(self.icu_kept)

    def copied_values(self) -> dict[str, Any]:
        """:meth:`KeyedCatalog.copied_values`, and the source's values that are no text (or
        under a skipped key), by dotted name (:mod:`ltmt.formats.copied_values`)."""
        messages = below_root(self.document)
        skipped_here = under_skipped(messages, self.skip_keys)
        return super().copied_values() | {
            name: value
            for name, value in scalars(messages).items()
            if name in skipped_here or not is_text(value, name, self.drupal, self.only)
        }

    def identifiers_changed(self, path: Path) -> dict[str, tuple[str, str]]:
        """:meth:`KeyedCatalog.identifiers_changed`, of :meth:`copied_values`, by dotted
        name."""
        theirs = scalars(below_root(load(read_bytes(path, WHAT), path)[0]))
        return {
            name: (value, theirs[name])
            for name, value in self.copied_values().items()
            if isinstance(value, str)
            and is_identifier_key(name.rsplit(".", 1)[-1].split("[")[0])
            and isinstance(theirs.get(name), str)
            and theirs[name] != value
        }

    def copied_values_held(self) -> dict[str, Any]:
        return super().copied_values_held() | self._settings_kept

    def take_source_value(self, name: str) -> None:
        if name in self._settings_kept:
            del self._settings_kept[name]
        else:
            super().take_source_value(name)

    def names_not_here(self, values: dict[str, str]) -> list[str]:
        """:meth:`KeyedCatalog.names_not_here`, less those whose key the source file has with
        another shape (:mod:`ltmt.formats.yaml_clashes`): kept aside, not kept at their key."""
        found = super().names_not_here(values)
        return [name for name in found if not under(name, set(self._clashes))]

    def read_translation(self, path: Path) -> TranslatedFile:
        """As :meth:`KeyedCatalog.read_translation`; a Markdown string whose translation
        breaks its Markdown (a heading's lost ``#``) is checked whole, with what it breaks
        (:func:`~ltmt.formats.markdown_strings.markdown_problems`)."""
        messages = below_root(load(read_bytes(path, WHAT), path)[0])
        strings = {
            name: value
            for name, value in walk_strings(
                messages, skip_keys=self.skip_keys, drupal=self.drupal, only=self.only
            )
            if isinstance(value, str)
        }
        broken = markdown_problems(self.markdown, strings)
        return TranslatedFile(
            self.read_values(path),
            format_problems=broken,
            checked_whole={name: strings[name] for name in broken},
        )

    def read_values(self, path: Path) -> dict[str, str]:
        values: dict[str, str] = {}
        messages = below_root(load(read_bytes(path, WHAT), path)[0])
        for name, value in walk_strings(
            messages, skip_keys=self.skip_keys, drupal=self.drupal, only=self.only
        ):
            if isinstance(value, dict):
                values.update({f"{name}{FORM}{tag}": str(text) for tag, text in value.items()})
            elif name in self.examples:  # a Rasa NLU block: example by example
                values.update(self.examples[name].read(name, str(value)))
            elif name in self.markdown:  # an OpenAPI description, Markdown: text by text
                values.update(self.markdown[name].read(name, str(value)))
            elif name in self.choices:  # another number of choices: whole, as written
                values.update(self.choices[name].read(name, str(value)))
            else:
                values[name] = str(value)
        # a translation with no words left (%{first_name}, for Hi %{first_name},) is one still
        for name, value in scalars(messages).items():
            if name in self._keys and name not in values and isinstance(value, str):
                values[name] = value
        return values

    def paired_whole(self, values: dict[str, str]) -> dict[str, str]:
        """The vue-i18n plurals whose translation in ``values`` has another number of choices,
        and the Markdown strings whose translation breaks their Markdown
        (:mod:`ltmt.formats.markdown_strings`): each is a pair whole, so that ``ltmt qa`` says
        so."""
        whole = {name: c.joined(c.branches) for name, c in self.choices.items() if name in values}
        whole.update(
            (name, lines.value)
            for name, lines in self.markdown.items()
            if isinstance(lines, MarkdownString) and name in values
        )
        return whole

    def _translation(self, name: str) -> str | None:
        """The translation of the string ``name`` (a vue-i18n plural's: its choices' joined),
        or None while it has none."""
        if name in self.examples:
            return self.examples[name].translation(name, self.translations)
        if name in self.markdown:
            return self.markdown[name].translation(name, self.translations)
        if name in self.icu:  # a person's, kept; else a 100 % memory match
            kept = self.icu_kept.get(name)
            return str(kept) if kept is not None else self.icu_from_memory.get(name)
        choices = self.choices.get(name)
        if choices is None:
            return self.translations.get(name)
        return choices.translation(name, self.translations) or self.kept_whole.get(name)

    def same_content(self, existing: bytes, rendered: bytes) -> bool:
        """The same data, keys in any order, comments and layout aside."""
        return same_data(load(existing, self.path)[0], load(rendered, self.path)[0])

    def render(self) -> bytes:
        document, _ = load(self.data, self.path)  # afresh: a copy would lose the anchors
        lines = decode(self.data, self.path).split("\n")
        spaced = spaced_mappings(document, lines)  # before nulls and strings are replaced
        mark_nulls(document, lines)  # nulls as written
        strings = below_root(document)
        self._anchored: dict[int, Any] = {}  # an anchored string's translation, by its node
        self._fill(strings, "")
        if self.extras and isinstance(self._adopted, dict):  # not a site's data list
            self._add_extras(strings, self._adopted)
        self._keep_aside(strings)
        if self.root is not None and self.root != self.tgt_lang:
            document.insert(0, self.tgt_lang, document.pop(self.root))
        if self.drupal and isinstance(document.get("langcode"), str):  # the file's language
            document["langcode"] = _styled(
                document["langcode"], self.tgt_lang.lower().replace("_", "-")
            )
        out = io.StringIO()
        round_trip_yaml(self.layout, spaced).dump(document, out)
        text = out.getvalue()
        if self._adopted_text is not None:
            renamed = self._adopted_root not in (None, self.tgt_lang) and self.root is not None
            root = (self._adopted_root, self.tgt_lang) if renamed else ((), ())
            text = with_adopted_comments(text, self._adopted_text, root)
            if renamed:
                logger.warning(
                    "%s: its top key %s: was renamed %s: (the target language's)",
                    self.adopted_from,
                    self._adopted_root,
                    self.tgt_lang,
                )
        return written_like(self.data, text)

    def _fill(self, node: Any, name: str, holder: Any = None) -> bool:
        """Put the translations into ``node`` (below ``name``; a value of ``holder``), removing
        what has none; False where nothing of ``node`` is left."""
        if is_plural(node):
            return self._fill_plural(node, name)
        if goi18n_messages.is_message(node, holder):
            return self._fill_goi18n(node, name)
        if isinstance(node, dict):
            if not node:  # written empty ({ }, Drupal's dependencies: {  }): kept as written
                return True
            for key, _ in own_items(node):
                if not self._fill_child(node, key, f"{name}.{key}" if name else str(key)):
                    del node[key]
            return bool(node)
        if isinstance(node, list):  # written only whole: its items are counted by place
            return all(
                self._fill_child(node, index, f"{name}[{index}]") for index in range(len(node))
            )
        return True  # a number, a boolean, a string with no letter: copied

    def _fill_goi18n(self, node: Any, name: str) -> bool:
        """Put the translations into the go-i18n message ``node`` (its forms; its fields are
        copied, and those only the adopted output's message has kept at their place); False
        where no form is left."""
        for key, _ in own_items(node):
            if key in goi18n_messages.FORMS and not self._fill_child(node, key, f"{name}.{key}"):
                del node[key]
        if not any(key in goi18n_messages.FORMS for key in node):
            return False
        theirs = self._adopted_goi18n.get(name)
        if theirs is not None and any(key not in node for key in theirs):
            ordered = goi18n_messages.with_own_fields(dict(node), theirs)
            for key in list(node):
                del node[key]
            node.update(ordered)
        return True

    def _fill_child(self, parent: Any, key: Any, name: str) -> bool:
        value = parent[key]
        if skipped((key,), self.skip_keys):  # copied: the output's own values, else the source's
            self._keep_own(parent, key, name)
            return True
        if name in self.language_fields:  # the target language's code (language: de)
            parent[key] = _styled(value, self.language_fields[name])
            return True
        if is_text(value, name, self.drupal, self.only):
            return self._fill_text(parent, key, name)
        if name in self._settings_kept:  # the output's own (separator: "," in German)
            parent[key] = self._settings_kept[name]
            return True
        return self._fill(value, name, parent)

    def _keep_own(self, parent: Any, key: Any, name: str) -> None:
        """Put the output so far's value of each leaf at and below ``parent[key]`` (a skipped
        key's: ``date.formats.default: "%d.%m.%Y"``) in place of the source's: a translator's
        own; a leaf it lacks keeps the source's."""
        value = parent[key]
        if name in self._settings_kept:
            parent[key] = self._settings_kept[name]
        elif isinstance(value, dict):
            for child, _ in own_items(value):
                self._keep_own(value, child, f"{name}.{child}")
        elif isinstance(value, list):
            for index in range(len(value)):
                self._keep_own(value, index, f"{name}[{index}]")

    def _fill_text(self, parent: Any, key: Any, name: str) -> bool:
        """The translation of the string ``parent[key]`` in its place. An anchored string
        (``app_name: &app_name Bookshelf``) keeps its anchor, and its aliases (``title:
        *app_name``) stay aliases of it: YAML makes them one string, translated where the anchor
        stands."""
        value = parent[key]
        if id(value) in self._anchored:  # an alias of a string translated already
            parent[key] = self._anchored[id(value)]
            return True
        text = self._translation(name)
        if text is None:  # left out, but of a file read whole (a Rasa bot's, a site's config)
            return self.only is not None
        kept = self._adopted_scalars.get(name)
        # a translation kept as the output has it: its scalar as written there (a folded >
        # block's line breaks), not rewritten in the source's style (git diff noise)
        parent[key] = kept if isinstance(kept, str) and kept == text else _styled(value, text)
        anchor = getattr(getattr(value, "anchor", None), "value", None)
        if anchor:
            parent[key].yaml_set_anchor(anchor, always_dump=True)
            self._anchored[id(value)] = parent[key]
        return True

    def _fill_plural(self, node: Any, name: str) -> bool:
        categories = written_categories(self.tags, node)
        found = {tag: self.translations.get(f"{name}{FORM}{tag}") for tag in categories}
        forms = {tag: text for tag, text in found.items() if text is not None}
        if len(forms) < len(found):
            return False
        with_other(forms, self.tags)
        style = node.get("other")
        # the source's order where the translation has its categories (Rails files often
        # write zero last), else the categories' own order
        order = [tag for tag in node if tag in forms]
        if len(order) < len(forms):
            order = [tag for tag in CATEGORIES if tag in forms]
        for tag in list(node):
            del node[tag]
        for tag in order:
            node[tag] = _styled(style, str(forms[tag]))
        return True

    def _keep_aside(self, strings: Any) -> None:
        """The old values of the keys whose shape the source changed: back at their key where
        the source's are untranslated, else in a comment above it, with a warning."""
        aside: list[str] = []
        for name, old in self._clashes.items():
            *parents, key = name.split(".")
            parent = strings
            for part in parents:
                parent = parent.get(part) if isinstance(parent, dict) else None
            if not isinstance(parent, dict):
                continue
            if key not in parent:  # the source's strings there untranslated: the old one stays
                parent[key] = old
                continue
            indent = self.layout.mapping * (len(parents) + (self.root is not None))
            commented: Any = parent  # a ruamel.yaml CommentedMap
            commented.yaml_set_comment_before_after_key(key, kept_aside(old), indent=indent)
            aside.append(name)
        if aside:
            logger.warning(
                "%s: %s a string in one file and a mapping in the other (%s): written as %s has "
                "them, the old translation kept in a comment above each",
                self.adopted_from,
                counted(len(aside), "key is", "keys are"),
                first_few(aside),
                self.path,
            )

    def _add_extras(self, strings: Any, theirs: Any) -> None:
        """The adopted output's own strings (of ``theirs``, its messages), at their place in
        ``strings``."""
        wanted = set(self.extras)
        for key, value in list(theirs.items()):
            _merge(strings, key, value, str(key), wanted)


def _warn_of_icu(path: Path, names: list[str], what: str) -> None:
    """Warn that the ICU plurals and selects ``names`` of ``path`` are ``what`` (``left out
    of the output``; ``{them}`` said of one or of several), with what to do."""
    if names:
        logger.warning(
            # quotes around braces, no ICU syntax in a vue-i18n file, are not called ICU's
            "%s: %s with an ICU plural or select, or quotes around braces ('{name}') (%s) %s: "
            "ltmt takes such messages apart in JSON and ARB files, not in YAML; translate %s "
            "by hand",
            path,
            counted(len(names), "message"),
            first_few(names),
            what.format(them=them(len(names))),
            them(len(names)),
        )


def _merge(target: Any, key: Any, value: Any, name: str, wanted: set[str]) -> None:
    """Copy ``value`` (at dotted ``name``) into ``target[key]`` where ``name`` is one of
    ``wanted``, or descend into a mapping that holds some of them."""
    if name in wanted:
        target[key] = value
    elif (
        isinstance(value, dict)
        and not is_plural(value)
        and any(w.startswith(f"{name}.") for w in wanted)
    ):
        if not isinstance(target.get(key), dict):
            target[key] = type(value)()
        for child, inner in value.items():
            _merge(target[key], child, inner, f"{name}.{child}", wanted)
